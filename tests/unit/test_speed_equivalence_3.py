"""The judge's facts sheets (facts.Sheet): a pair check skipped on what the two sentences' sheets
show must be one that gives nothing, over sentences built from the words each check reads
(ordinals, counts, months, names, negators, claims, institutions written small)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.align import facts
from retold.model.align.answers import answers_differ
from retold.model.align.clues import clues

PIECES = [
    "the", "a", "union", "company", "said", "has", "rejected", "offer", "Aila", "Voss", "Brightwater", "Lines", "accused",
    "warned", "second", "third", "train", "two", "three", "boats", "half", "of", "cost", "June", "July", "May", "in",
    "not", "would", "appeal", "never", "denied", "claim", "allegations", "that", "2,500", "farmers", "police", "were",
    "deployed", "drove", "40", "declined", "comment", "refused", "say", "no", "trucks", "jobs", "cut", "buy", "Monday", "by", "was", "fined", "and", "board", "court",
]


def _sentence(words: list[str]) -> str:
    return " ".join(words) + "."


# Pairs each check finds something in: edited at random, they give the near misses on either
# side of each check's first test.
TWINS = [
    ("The second train derailed near the port", "The third train derailed near the port"),
    ("Half of the cost was paid by the board", "A third of the cost was paid by the board"),
    ("Union leader Aila Voss accused Brightwater Lines of lying", "Brightwater Lines accused union leader Aila Voss of lying"),
    ("The union would appeal the ruling", "The union would not appeal the ruling"),
    ("The board rejected a claim that ballots were counted twice", "Voss claimed that ballots were counted twice"),
    ("2,500 police officers were deployed around the square", "2,500 farmers drove tractors into the square"),
    ("The union said the offer was late", "The company said the offer was late"),
    ("The offer was late said the union", "The offer was late said the company"),
    ("The union has said it is late", "The company would reject it"),
    ("The union rejected the offer in June", "The company rejected the offer in July"),
    ("Aila Voss voted against the plan", "Brightwater chair Lines voted against the plan"),
    ("two boats sank on Monday", "40 boats sank on Monday"),
    ("3 boats sank on Monday", "three boats sank on Monday"),
    ("The minister declined to comment on the report", "The minister said the report was wrong"),
]


def _edited(draw, text: str) -> str:
    words = text.split()
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(words)))
        edit = draw(st.sampled_from(["replace", "insert", "delete", "swap"]))
        if edit == "insert" or not words:
            words.insert(at, draw(st.sampled_from(PIECES)))
        elif edit == "replace":
            words[min(at, len(words) - 1)] = draw(st.sampled_from(PIECES))
        elif edit == "delete" and len(words) > 1:
            del words[min(at, len(words) - 1)]
        elif edit == "swap":
            other = draw(st.integers(0, len(words) - 1))
            here = min(at, len(words) - 1)
            words[here], words[other] = words[other], words[here]
    return _sentence(words)


@st.composite
def pairs(draw) -> tuple[str, str]:
    first, second = draw(st.sampled_from(TWINS))
    if draw(st.booleans()):
        first, second = second, first
    return _edited(draw, first), _edited(draw, second)


def _variant(text: str, opener_named: bool):
    """The clues as the judge holds them: its opener among the names when the story says so."""
    found = clues(text)
    if opener_named and found.opener and found.opener not in found.names:
        found = replace(found, names=(found.opener,) + found.names)
    return found


def _with_opener(c) -> frozenset[str]:
    """The names and the opener, as the judge passes them to the checks."""
    return frozenset(c.names) | ({c.opener} if c.opener else frozenset())


def _told_apart(_x: str, _y: str) -> bool:
    return True  # the story tells every two things apart: the checks give the most they can


@settings(max_examples=1500, deadline=None)
@given(pairs(), st.booleans(), st.booleans())
def test_a_skipped_pair_check_gives_nothing(pair, named_a, named_b):
    text_a, text_b = pair
    ca, cb = _variant(text_a, named_a), _variant(text_b, named_b)
    sa, sb = facts.sheet(ca), facts.sheet(cb)
    if facts.against_none(sa, sb):
        assert facts.against(ca, cb) == ()
    if facts.counted_none(sa, sb):
        assert not facts.counted_differ(ca.words, _with_opener(ca), cb.words, _with_opener(cb), _told_apart)
    if facts.small_none(sa, sb):
        assert facts.small_actors_differ(ca.words, _with_opener(ca), cb.words, _with_opener(cb), _told_apart) is None
    assert (sa.non_answer != sb.non_answer) == answers_differ(ca.words, cb.words)


# Pairs each check finds something in, with sheets that must not skip them.
FOUND = [
    ("The second train derailed.", "The third train derailed."),
    ("Half of the cost was paid.", "A third of the cost was paid."),
    ("Union leader Aila Voss accused Brightwater Lines of lying.", "Brightwater Lines accused union leader Aila Voss of lying."),
    ("The union would appeal the ruling.", "The union would not appeal the ruling."),
    ("The board rejected a claim that ballots were counted twice.", "Soll claimed that ballots were counted twice."),
]


def test_the_sheets_let_through_what_the_checks_find():
    for text_a, text_b in FOUND:
        ca, cb = clues(text_a), clues(text_b)
        assert facts.against(ca, cb), (text_a, text_b)
        assert not facts.against_none(facts.sheet(ca), facts.sheet(cb)), (text_a, text_b)
    ca, cb = clues("2,500 police officers were deployed around the square."), clues("2,500 farmers drove tractors into the square.")
    sa, sb = facts.sheet(ca), facts.sheet(cb)
    assert facts.counted_differ(ca.words, _with_opener(ca), cb.words, _with_opener(cb), _told_apart)
    assert not facts.counted_none(sa, sb)
    ca, cb = clues("The union said the offer was late."), clues("The company said the offer was late.")
    sa, sb = facts.sheet(ca), facts.sheet(cb)
    assert facts.small_actors_differ(ca.words, _with_opener(ca), cb.words, _with_opener(cb), _told_apart)
    assert not facts.small_none(sa, sb)


NEGATION_PIECES = ["not", "no", "never", "don't", "can’t", "won't", "isnt", "nothing", "appeal", "would", "n't", "tn't", "the"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NEGATION_PIECES), max_size=10))
def test_negators_counted_as_the_plain_sum(words):
    from retold.model.align import negation

    negation._negators.cache_clear()
    assert negation._negators(tuple(words)) == sum(map(negation._is_negator, words))


@settings(max_examples=800, deadline=None)
@given(pairs(), st.booleans())
def test_the_sheet_finds_an_institution_written_small_as_the_plain_search(pair, named):
    found = _variant(pair[0], named)
    plain = any(facts._small_actor(found.words, n, _with_opener(found)) for n in range(len(found.words)))
    assert facts.sheet(found).small_actor == plain


def _plain_best_hits(probe, l, span, here):
    """candidates._best_hits as first written: every hit summed one by one, then the margin."""
    from retold.model.align.candidates import _nearest
    from retold.model.align.params import CANDIDATE_MARGIN, CANDIDATES_PER_OUTLET

    hits: dict[int, float] = {}
    for posted, w in probe:
        for j in posted.get(l) or ():
            hits[j] = hits.get(j, 0.0) + w
    if len(hits) <= 1:
        return list(hits)
    bar = -max(hits.values()) * CANDIDATE_MARGIN
    strong = [(-overlap, j) for j, overlap in hits.items() if -overlap <= bar]
    if len(strong) == 1:
        return [strong[0][1]]
    top = min(strong)[0]
    tier = [j for o, j in strong if o == top]
    if len(tier) >= CANDIDATES_PER_OUTLET:
        return _nearest(tier, span, here)
    found = sorted([(o, abs(j / span - here), j) for o, j in strong])[:CANDIDATES_PER_OUTLET]
    return [j for _o, _d, j in found]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(st.dictionaries(st.integers(0, 2), st.lists(st.integers(0, 12), unique=True), max_size=3),
                          st.sampled_from([0.5, 1.0, 1.5, 2.0, 0.3, 0.7, 2.5])), max_size=6),
       st.integers(0, 2), st.integers(1, 12), st.floats(0.0, 1.0))
def test_best_hits_as_first_written(probe, l, span, here):
    from retold.model.align.candidates import _best_hits

    assert _best_hits(probe, l, span, here) == _plain_best_hits(probe, l, span, here)
