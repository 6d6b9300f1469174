"""Search across outlets (retold.model.search): rules over generated stories."""

from hypothesis import given, settings, strategies as st

from retold.model.search import search
from retold.model.story import Alignment, Outlet, OutletMeta, Sentence

WORDS = ["grid", "Grid", "cable", "sea", "North", "wind", "gríd", "[b]", "a.b", "x"]


@st.composite
def stories(draw):
    outlets = []
    for k in range(draw(st.integers(1, 4))):
        texts = draw(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join), max_size=6))
        sentences = tuple(Sentence(i, 0, text, 0, len(text)) for i, text in enumerate(texts))
        outlets.append(Outlet(OutletMeta(f"o{k}", f"O{k}", f"o{k}.txt"), "", None, sentences, ()))
    return Alignment(tuple(outlets), ())


@settings(max_examples=150, deadline=None)
@given(stories(), st.lists(st.sampled_from(WORDS), min_size=1, max_size=2).map(" ".join))
def test_matches_are_every_occurrence_in_reading_order(alignment, query):
    result = search(alignment, query)
    assert list(result.matches) == sorted(result.matches)
    for match in result.matches:
        text = alignment.outlets[match.outlet].sentences[match.sentence].text
        assert text[match.start:match.end].lower() == query.lower()
    expected = sum(
        s.text.lower().count(query.lower()) for o in alignment.outlets for s in o.sentences
    )
    # str.count counts non-overlapping occurrences, as the search does.
    assert len(result) == expected


@settings(max_examples=100, deadline=None)
@given(stories(), st.sampled_from(WORDS), st.integers(0, 3), st.integers(0, 5))
def test_stepping_visits_every_match_once_and_wraps(alignment, query, outlet, sentence):
    result = search(alignment, query)
    if not result.matches:
        assert result.step(outlet, sentence, 1) is None
        return
    first = result.step(outlet, sentence, 1)
    later = [m for m in result.matches if (m.outlet, m.sentence) >= (outlet, sentence)]
    assert result.matches[first] == (later[0] if later else result.matches[0])
    seen, index = [first], first
    for _ in range(len(result) - 1):
        index = result.step(outlet, sentence, 1, index)
        seen.append(index)
    assert sorted(seen) == list(range(len(result)))
    assert result.step(outlet, sentence, -1, result.step(outlet, sentence, 1, first)) == first


def test_empty_query_finds_nothing(sample_alignment):
    assert len(search(sample_alignment, "   ")) == 0
