"""A sentence that a merge across languages alone holds in a group, and that no outlet of its own
language in the group tells, leaves the group (retold.model.align.coherence.peer_supported)."""

from hypothesis import given, settings
from hypothesis import strategies as st

import retold.model.align.evidence as ev
from retold.model.align import feature_weights, sentence_features
from retold.model.align.coherence import peer_supported
from retold.model.align.records import new_link
from retold.model.story import Outlet, OutletMeta, Sentence

FERRIES = "About 300 ferries cross the Brill strait on a weekday, most of them to Lund."
FERRIES_AGAIN = "About 300 ferries cross the Brill strait each weekday, most of them bound for Lund."
CAFES = "Cafe owners along the Brill quay fear for the summer season."
FAEHREN = "An Werktagen queren rund 300 Fähren die Meerenge von Brill, die meisten nach Lund."


def _outlet(name, texts):
    return Outlet(meta=OutletMeta(id=name, name=name, source=f"{name}.txt"), text="", title=None, removed=(),
                  sentences=tuple(Sentence(index=n, paragraph=n, text=t, start=0, end=0) for n, t in enumerate(texts)))


def _judge(rows):
    features = sentence_features([_outlet(chr(97 + n), row) for n, row in enumerate(rows)])
    return ev.Judge(rows, features, feature_weights(features))


def test_a_sentence_only_a_merge_across_languages_holds_leaves_the_group():
    # English a tells the ferries and then the cafes; English b the ferries only; the German
    # translation dropped the cafes, and the programme folded them into the ferries' bead.
    judge = _judge([[FERRIES, CAFES], [FERRIES_AGAIN], [FAEHREN]])
    links = [new_link(0.9, 0, (0,), 1, (0,), "words"), new_link(0.3, 0, (0, 1), 2, (0,), "length+order"),
             new_link(0.3, 1, (0,), 2, (0,), "length+order")]
    group = [(0, 0), (0, 1), (1, 0), (2, 0)]
    assert peer_supported([group], links, judge, ["en", "en", "de"]) == [[(0, 0), (1, 0), (2, 0)]]


def test_without_a_peer_of_its_language_or_with_a_link_of_its_own_the_sentence_stays():
    judge = _judge([[FERRIES, CAFES], [FAEHREN], [FAEHREN]])
    links = [new_link(0.3, 0, (0, 1), 1, (0,), "length+order"), new_link(0.9, 1, (0,), 2, (0,), "words")]
    group = [(0, 0), (0, 1), (1, 0), (2, 0)]
    assert peer_supported([group], links, judge, ["en", "de", "de"]) == [group]  # no other English outlet to ask
    judge = _judge([[FERRIES, CAFES], [FERRIES_AGAIN], [FAEHREN]])
    links = [new_link(0.9, 0, (0,), 1, (0,), "words"), new_link(0.3, 0, (0,), 2, (0,), "length+order"),
             new_link(0.3, 0, (1,), 2, (0,), "words")]
    assert peer_supported([group], links, judge, ["en", "en", "de"]) == [group]  # a one-to-one link judged it


_TEXTS = [FERRIES, CAFES, FERRIES_AGAIN, FAEHREN, "The strait was closed by fog on Monday.", "Lund's harbour master said the fog would lift."]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2), st.integers(1, 2), st.integers(0, 3), st.integers(0, 2), st.integers(1, 2)),
                min_size=1, max_size=8),
       st.lists(st.sampled_from(["en", "de", "fr"]), min_size=4, max_size=4))
def test_peer_support_only_takes_sentences_out(raw, languages):
    """Whatever the links and languages: every group comes back as a piece of itself, each
    outlet's part still consecutive, never with a sentence it did not have."""
    from retold.model.align import group_links

    rows = [[_TEXTS[(k + i) % len(_TEXTS)] for i in range(4)] for k in range(4)]
    judge = _judge(rows)
    links = []
    for a, i, n, b, j, m in raw:
        if a == b:
            continue
        (a, i, n), (b, j, m) = sorted([(a, i, n), (b, j, m)])
        links.append(new_link(0.5, a, tuple(range(i, i + n)), b, tuple(range(j, j + m)), "words"))
    groups = group_links(links, [4] * 4)
    result = peer_supported(groups, links, judge, languages)
    assert len(result) == len(groups)
    for given_group, kept in zip(sorted(groups, key=lambda g: g[0]), result):
        assert set(kept) <= set(given_group)
        for k in {k for k, _ in kept}:
            part = [i for kk, i in kept if kk == k]
            assert part == list(range(part[0], part[0] + len(part)))
