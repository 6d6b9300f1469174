"""More shortcuts taken for speed, each checked against the plain code it stands in for (the
first ones are in test_speed_equivalence.py, which is long enough)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from retold.model import clean

WORDS = "the harbour council voted to close old quay on monday ferry crews 2027 said board farmers 310 water".split()
POOL = [
    "The harbour council voted on Monday to close the old quay for repairs next spring.",
    "On Monday the harbour council voted to shut the old quay for repairs in spring.",
    "Fishermen said the council's quay plan would leave them nowhere to land their catch.",
    "The ferry to Kestrel Bay will run twice a day from 4 May, the operator said.",
    "From 4 May the Kestrel Bay ferry will run twice a day.",
    "Crews began clearing the old quay on Tuesday, the council said.",
    "The council said the quay would reopen in 2027 after the repairs.",
    "Fishermen accused the council of hiding the cost of the quay repairs.",
    "The council warned fishermen against landing catches at the old quay.",
]


def _story(rng: random.Random, outlets: int, longest: int):
    from retold.model.story import Outlet, OutletMeta, Sentence

    texts = [[rng.choice(POOL) for _ in range(rng.randint(1, longest))] for _ in range(outlets)]
    story = [Outlet(meta=OutletMeta(id=f"o{k}", name=f"O{k}", source=f"o{k}.txt"), text="", title=None, removed=(),
                    sentences=tuple(Sentence(index=i, paragraph=rng.randint(0, 1), text=t, start=0, end=len(t)) for i, t in enumerate(row)))
             for k, row in enumerate(texts)]
    return texts, story


APPEAL_RULE = next(p for reason, p, _longest in clean._STRONG_RULES if reason == "fundraising appeal")
APPEAL_PIECES = [
    "support ", "Support ", "SUPPORT", "independent", "quality", "local", " journalism", " reporting", " news", " us",
    "donate", "Donate ", "now", "today", "monthly", "make a ", "donation", "contribution", "become a ", "member",
    "supporter", "give what you can", "chip in ", "every ", "any ", "gift", ", ", "however small", " helps", " counts",
    "matters", " ", "x", "é", "ſ", "K", "\u212a", ".", "-", "_",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(APPEAL_PIECES), max_size=10))
def test_appeal_rule_decides_as_its_pattern(parts):
    line = "".join(parts)
    assert bool(APPEAL_RULE.search(line)) == bool(APPEAL_RULE.pattern.search(line))


# One line per alternative of the pattern: the phrase test lets each through.
APPEALS = [
    "Please SUPPORT LOCAL NEWS.", "Donate today to keep us going", "Donate", "You can make a contribution here.",
    "Become a Patron of the paper.", "Support us.", "Give what you can.", "Chip in now!", "Any gift, however big, matters.",
    "Every donation counts.",
]


def test_appeal_rule_still_finds_appeals():
    for line in APPEALS:
        assert APPEAL_RULE.pattern.search(line) and APPEAL_RULE.search(line), line
    assert not APPEAL_RULE.search("The council said it would support the ferry crews.")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.lists(st.sampled_from(WORDS), max_size=14))
def test_restoring_line_test_is_the_similarity_bar(a, b):
    """A doubtful line is restored by a body line at RESTORE_SIMILARITY: the length bound in
    front of the similarity decides alike (and so any() over the candidates decides as max())."""
    plain = Indel.normalized_similarity(tuple(a), tuple(b)) >= clean.RESTORE_SIMILARITY
    assert clean.restores(tuple(a), tuple(b)) == plain


def _plain_statement_words(judge, scorer, outlet, index):
    from retold.model.align.params import STATEMENT_TOPIC

    clues = judge.clues_of(outlet, index)
    named = set(clues.names) | {clues.opener}
    own = judge.features[outlet][index].feats
    return frozenset(f for f in own if f not in named and judge.weights.get(f, 0.0) > STATEMENT_TOPIC * scorer.weights.get(f, 0.0))


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_statement_words_kept_per_parse_are_the_plain_ones(seed):
    """Statement words (and their weight) worked out once per parse for the story: what every
    question would work out again, and different_statement decides alike."""
    from retold.model.align import Scorer, feature_weights, sentence_features
    from retold.model.align import evidence as ev
    from retold.model.align.records import PairSides
    from retold.model.align.statements import _statement, different_statement, statement_words

    rng = random.Random(seed)
    texts, story = _story(rng, rng.randint(2, 4), 6)
    features = sentence_features(story)
    weights = feature_weights(features)
    scorer = Scorer(features, weights)
    judge = ev.Judge(texts, features, weights)
    for _ in range(15):
        a, b = sorted(rng.sample(range(len(texts)), 2))
        judge.parallel[(a, b)] = rng.random() < 0.5
        sides = PairSides(a, b, features[a], features[b], scorer, True, judge=judge)
        sides.copies = rng.random() < 0.5
        i, j = rng.randrange(len(texts[a])), rng.randrange(len(texts[b]))
        for outlet, index in ((a, i), (b, j)):
            plain = _plain_statement_words(judge, scorer, outlet, index)
            assert statement_words(sides, outlet, index) == plain
            assert _statement(sides, outlet, index)[1] == sum(judge.weights.get(f, 0.0) for f in plain)
        assert different_statement(sides, (i,), (j,)) == _plain_different(sides, i, j)


def _plain_different(sides, i, j):
    """different_statement as first written (statement words and weights worked out per question)."""
    from retold.model.align.evidence import SAME_STATEMENT
    from retold.model.align.params import STATEMENT_LEAST, STATEMENT_SHARE
    from retold.model.align.statements import _topic

    judge = sides.judge
    parallel = judge.parallel.get((sides.a, sides.b))
    if parallel and sides.basis == "lengths":
        return False
    shared = judge.clues_of(sides.a, i).numbers & judge.clues_of(sides.b, j).numbers
    if any(not _topic(sides, n) for n in shared):
        return False
    mine = _plain_statement_words(judge, sides.scorer, sides.a, i)
    theirs = _plain_statement_words(judge, sides.scorer, sides.b, j)
    if len(mine) < STATEMENT_LEAST or len(theirs) < STATEMENT_LEAST:
        # A short side: the rule of its own (statements._short_and_apart), on these words.
        from retold.model.align.statements import _meet, _short_and_apart

        weights = judge.weights
        mass_mine, mass_theirs = sum(weights.get(f, 0.0) for f in mine), sum(weights.get(f, 0.0) for f in theirs)
        return (not parallel and bool(mine) and bool(theirs) and not _meet(mine, theirs, weights, mass_mine, mass_theirs)
                and _short_and_apart(sides, i, j))

    def mass(feats):
        return sum(judge.weights.get(f, 0.0) for f in feats)

    if mass(mine & theirs) >= STATEMENT_SHARE * min(mass(mine), mass(theirs)):
        return False
    if not parallel:
        return True
    return sides.copies or judge.verdict(sides.a, (i,), sides.b, (j,)).confidence >= SAME_STATEMENT


def test_statement_words_follow_the_scorer_asked_with():
    """Kept per story: asked with another scorer's weights, they are worked out again."""
    from retold.model.align import Scorer, feature_weights, sentence_features
    from retold.model.align import evidence as ev
    from retold.model.align.records import PairSides
    from retold.model.align.statements import statement_words

    texts, story = _story(random.Random(5), 2, 4)
    features = sentence_features(story)
    weights = feature_weights(features)
    judge = ev.Judge(texts, features, weights)
    first = statement_words(PairSides(0, 1, features[0], features[1], Scorer(features, weights), True, judge=judge), 0, 0)
    heavy = Scorer(features, {f: 100 * w for f, w in weights.items()})  # every word now topic to the judge
    assert first and statement_words(PairSides(0, 1, features[0], features[1], heavy, True, judge=judge), 0, 0) == frozenset()


CREDIT_PIECES = [
    "Translated", "translation", " from ", "the ", "German", " by ", ":", "Aus dem ", "Englischen", " übersetzt",
    "Übersetzung aus dem ", "Traduit ", "de l'", "anglais", "Traducido ", "del ", "inglés", "Tradotto ", "dall'",
    "Traduzido ", "do ", "Vertaald ", "uit het ", "Engels", "First ", "appeared", " in ", "Originally ", "published",
    "was ", "Republished", " with permission", "Reproduced", " on ", "The Harbour Ledger", "Additional ", "reporting",
    "Reporting", "Ada Roe", " and ", "Jo Park", ". ", " ", "x", "ſ", "\u212a", "é",
]
CREDIT_LINES = [
    "Translated from the German by Ada Roe.", "Translation by Ada Roe", "Aus dem Englischen übersetzt von Ada Roe",
    "Übersetzung aus dem Englischen", "Traduit de l'anglais par Ada Roe", "Traducido del inglés por Ada Roe",
    "Tradotto dall'inglese da Ada Roe", "Traduzido do inglês por Ada Roe", "Vertaald uit het Engels door Ada Roe",
    "TRANSLATED BY ADA ROE", "This article first appeared in The Harbour Ledger.", "Originally published by The Harbour Ledger",
    "Republished with permission from The Harbour Ledger", "Reproduced with permission from The Harbour Ledger",
    "Additional reporting by Ada Roe and Jo Park", "Reporting by Ada Roe; editing by Jo Park",
]


def _credit_patterns():
    """Each credit pattern behind its phrases, with the plain compiled pattern."""
    import re

    from retold.model import credits

    return [(rule, re.compile(rule._source, rule._flags)) for rule in (credits._TRANSLATED, credits._FIRST_APPEARED, credits._REPORTING)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CREDIT_PIECES), max_size=10))
def test_credit_patterns_behind_phrases_decide_as_their_patterns(parts):
    line = "".join(parts)
    for rule, plain in _credit_patterns():
        found, expected = rule.search(line), plain.search(line)
        assert (found and found.group(0)) == (expected and expected.group(0))
        assert [m.group(0) for m in rule.finditer(line)] == [m.group(0) for m in plain.finditer(line)]


def test_credit_patterns_still_find_each_alternative():
    for line in CREDIT_LINES:
        assert any(plain.search(line) for _rule, plain in _credit_patterns()), line
        for rule, plain in _credit_patterns():
            assert bool(rule.search(line)) == bool(plain.search(line)), line


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.sampled_from(["", "\n"]), st.integers(1, 7), st.sampled_from(["utf-8", "latin-1", "ascii", "cp1252"]))
def test_output_written_a_slice_at_a_time_is_the_whole(text, end, size, encoding):
    """`retold align` writes its output, and asks whether the stream can encode it, a slice at a
    time: the same bytes as writing text + end at once, the same answer as encoding it whole."""
    import io
    import sys

    from retold import cli

    def whole_encodes() -> bool:
        try:
            text.encode(encoding)
        except UnicodeEncodeError:
            return False
        return True

    saved = sys.stdout, cli._STDOUT_SLICE
    try:
        cli._STDOUT_SLICE = size
        sys.stdout = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="replace", newline="")
        assert cli._can_encode(text) == whole_encodes()
        cli._write_stdout(text, end)
        sys.stdout.flush()
        written = sys.stdout.buffer.getvalue()
    finally:
        sys.stdout, cli._STDOUT_SLICE = saved
    assert written == (text + end).encode(encoding, errors="replace")


JOIN_WORDS = "the union and company or a police farmers their trucks jobs nor versus of said et les".split()


def _plain_told_apart(features, ka: str, kb: str) -> bool:
    """told_apart's search as first written (names aside): each sentence with a joining word that
    gives both keys, searched for the two joined."""
    from retold.model.align.evidence import _JOINING, _joined
    from retold.model.align.factwords import word_key

    keyed = [tuple(map(word_key, f.words)) for f in features if not _JOINING.isdisjoint(f.words)]
    return any(_joined(keys, ka, kb) for keys in keyed if ka in keys and kb in keys)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(JOIN_WORDS), max_size=9), min_size=1, max_size=5),
       st.sampled_from(JOIN_WORDS), st.sampled_from(JOIN_WORDS))
def test_told_apart_from_the_joined_pairs_is_the_plain_search(rows, ka, kb):
    """The judge reads every pair of keys the story's sentences join once ("x and [the] y"), and
    answers told_apart from that set: as the search through the sentences holding both keys."""
    from retold.model.align import feature_weights, sentence_features
    from retold.model.align import evidence as ev
    from retold.model.align.factwords import word_key
    from retold.model.story import Outlet, OutletMeta, Sentence

    texts = [" ".join(words).capitalize() + "." for words in rows]
    story = [Outlet(meta=OutletMeta(id="o0", name="O0", source="o0.txt"), text="", title=None, removed=(),
                    sentences=tuple(Sentence(index=i, paragraph=0, text=t, start=0, end=len(t)) for i, t in enumerate(texts)))]
    features = sentence_features(story)
    judge = ev.Judge([texts], features, feature_weights(features))
    ka, kb = word_key(ka), word_key(kb)
    names = judge.story_names()
    expected = ka not in names and kb not in names and _plain_told_apart(features[0], ka, kb)
    assert judge.told_apart(ka, kb) == expected
    assert judge.told_apart(kb, ka) == expected
