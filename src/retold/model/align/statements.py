"""Phase 5c': in one language, a pair may tell another statement about the same actors — in
parallel text a pair its place makes, elsewhere a pair the story's topic words make ("Farmers
accused the board of hiding damage to the reservoir" beside "The board warned farmers against
pumping from the reservoir"): both name the same actors and topic, and nothing else of what
they say meets. Cheap to see: the words each says
beyond the story's names and topic words (its statement words: the verbs, objects, numbers)
have none in common.
"""

from __future__ import annotations

from retold.model.align.clues import title_words
from retold.model.align.evidence import SAME_STATEMENT
from retold.model.align.factwords import not_years
from retold.model.align.features import feature_of
from retold.model.align.params import STATEMENT_LEAST, STATEMENT_SHARE, STATEMENT_TOPIC
from retold.model.align.records import PairSides


def statement_words(sides: PairSides, outlet: int, index: int) -> frozenset[str]:
    """A sentence's features less its named actors (and their titles) and the story's topic
    words (those the judge weighs at most STATEMENT_TOPIC of their weight, for the share of the story's sentences
    that carry them)."""
    return _statement(sides, outlet, index)[0]


def _statement(sides: PairSides, outlet: int, index: int) -> tuple[frozenset[str], float]:
    """The sentence's statement words and their weight (the judge's), worked out once per
    parse for the story: both are pure values of the parse, the judge and the scorer's weights,
    and each sentence is asked about with every candidate partner (kept in judge.statements, by
    id of the parse, which the judge holds for its life)."""
    judge, scorer = sides.judge, sides.scorer
    f = judge.features[outlet][index]
    memo = judge.statements
    if memo.get(None) is not scorer.weights:  # (another scorer's weights: another story's values)
        memo.clear()
        memo[None] = scorer.weights
    found = memo.get(id(f))
    if found is None:
        clues = judge.clues_of(outlet, index)
        # Who acts is not what is said: the names, and the title before a name that opens the
        # sentence ("Calderine Rail chief executive Bram Telford said …" / "… apologised …").
        named = set(clues.names) | {clues.opener} | {feature_of(w) for w in title_words(judge.texts[outlet][index])}
        weights, full = judge.weights, scorer.weights
        words = frozenset(g for g in f.feats if g not in named and weights.get(g, 0.0) > STATEMENT_TOPIC * full.get(g, 0.0))
        found = memo[id(f)] = (words, sum(weights.get(g, 0.0) for g in words))
    return found


def _topic(sides: PairSides, feature: str) -> bool:
    """A feature the story's judge weighs as a topic word (at most STATEMENT_TOPIC of its
    weight: most of the story's sentences carry it); one it does not know is not topic."""
    full = sides.scorer.weights.get(feature)
    return full is not None and sides.judge.weights.get(feature, full) <= STATEMENT_TOPIC * full


def different_statement(sides: PairSides, rows: tuple[int, ...], cols: tuple[int, ...],
                        within: tuple[frozenset[str], frozenset[str]] | None = None) -> bool:
    """True for a one-to-one pair of one language whose statement words (at least
    STATEMENT_LEAST on each side) meet in less than STATEMENT_SHARE of the smaller side's weight
    ("regional" of "the regional water board" may be all they share), and that give no number in
    common.

    Outside parallel text (an order-free pair, a bead between outlets that reorder) that alone
    refuses it: what such a pair shares is then the story's actors and topic ("Korrin's foreign
    minister arrived in Geneva with a delegation for the talks" / "… walked out of the talks in
    Geneva, slamming the door"). In parallel text, only where the pair's other words (names,
    topic) would make it look like one statement to the judge, or between outlets that copy
    (where an outlet rewords little): in a translation or a retelling in other words, a pair its
    place makes with little shared is the rule, and is left to the place. (The sentence model's
    pairs are not asked: a paraphrase shares few words by nature.) `within`: the features of
    each side that count (a reported clause's: said.py), else all."""
    judge = sides.judge
    if judge is None or not sides.same_language or len(rows) != 1 or len(cols) != 1:
        return False
    if judge.features[sides.a][rows[0]] is judge.features[sides.b][cols[0]]:
        # One text (wire copies share their parse): all its statement words meet (weights are
        # never negative), so the rules below could only let it through.
        return False
    parallel = judge.parallel.get((sides.a, sides.b))
    if parallel and sides.basis == "lengths":
        return False  # parallel by its sentence lengths alone: a translation's rhythm, where few words meet by nature
    if within is not None:
        return _different(sides, rows, cols, parallel, within)
    # What follows is a pure value of the two parses (the judge's clues and weights, the
    # scorer's weights) and of the pair's kind (parallel, copies): a pair of parses the story
    # meets again in another outlet pair (wire copies share their parse) is answered from the
    # memo, kept beside the statement words (judge.statements, dropped with them). Keyed by one
    # int, as the judge's own caches: the two parses' numbers and the kind's two bits.
    numbers = judge._parse_numbers
    key = (numbers[sides.a][rows[0]] << 32 | numbers[sides.b][cols[0]]) << 2 | bool(parallel) << 1 | bool(parallel and sides.copies)
    memo = _pair_memo(sides)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _different(sides, rows, cols, parallel, None)
    return found


def _pair_memo(sides: PairSides) -> dict[int, bool]:
    """different_statement's answers for one-to-one pairs, by parses and kind (see there)."""
    memo = sides.judge.statements
    if memo.get(None) is not sides.scorer.weights:
        memo.clear()
        memo[None] = sides.scorer.weights
    found = memo.get(_PAIRS)
    if found is None:
        found = memo[_PAIRS] = {}
    return found


_PAIRS = "pairs"  # judge.statements' key for _pair_memo (its other keys are None and parse ids)


def _different(sides: PairSides, rows: tuple[int, ...], cols: tuple[int, ...], parallel: bool | None,
               within: tuple[frozenset[str], frozenset[str]] | None) -> bool:
    """different_statement past its shortcuts."""
    judge = sides.judge
    ca, cb = judge.clues_of(sides.a, rows[0]), judge.clues_of(sides.b, cols[0])
    shared = not_years(ca.numbers & cb.numbers, ca.words, cb.words)  # a year both give is when, not what is said
    if any(not _topic(sides, n) for n in shared):
        # A number both give is the statement's own evidence ("a 310km link … in 2027" / "a
        # 310-kilometre connection … in 2027") — unless the story gives it everywhere (the year
        # of a summit, its 75th anniversary): then it is topic, like the names.
        return False
    mine, mass_mine = _statement(sides, sides.a, rows[0])
    theirs, mass_theirs = _statement(sides, sides.b, cols[0])
    weights = judge.weights
    if within is not None:
        mine, theirs = mine & within[0], theirs & within[1]
        mass_mine, mass_theirs = sum(weights.get(g, 0.0) for g in mine), sum(weights.get(g, 0.0) for g in theirs)
    if len(mine) < STATEMENT_LEAST or len(theirs) < STATEMENT_LEAST:
        return (not parallel and bool(mine) and bool(theirs) and not _meet(mine, theirs, weights, mass_mine, mass_theirs)
                and _short_and_apart(sides, rows[0], cols[0]))
    if sum(weights.get(f, 0.0) for f in mine & theirs) >= STATEMENT_SHARE * min(mass_mine, mass_theirs):
        return False
    if not parallel:
        return True
    return sides.copies or judge.verdict(sides.a, rows, sides.b, cols).confidence >= SAME_STATEMENT


def _meet(mine: frozenset[str], theirs: frozenset[str], weights, mass_mine: float, mass_theirs: float) -> bool:
    """The statement words both sides share weigh STATEMENT_SHARE of the smaller side's, a short
    word and the key of its longer form counted as one ("harm" / "harmed": keys are a word's
    first five letters)."""
    shared = set(mine & theirs)
    shared |= {a for a in mine for b in theirs if len(a) >= 4 and len(b) >= 4 and (a.startswith(b) or b.startswith(a))}
    return bool(shared) and sum(weights.get(f, 0.0) for f in shared) >= STATEMENT_SHARE * min(mass_mine, mass_theirs)


def _short_and_apart(sides: PairSides, row: int, col: int) -> bool:
    """A sentence with too few statement words to weigh shares none with the other, outside
    parallel text: the same person doing another thing ("Health Minister Clara Oslund is due to
    visit the hospital on Friday." / "The health minister Clara Oslund spoke of a 'despicable
    crime'.", "Police have opened a criminal investigation, Chief Inspector Rolf Danner said." /
    "Danner said officers were working with Europol."). Left to the judge: two quotes (one
    speaker's words told in other words, "Nobody asked us anything" / "We were not consulted",
    share no word by nature), and two sentences that name one thing beyond who acts — a name
    both give past their opening words and not as a speaker ("Their union says it will take the
    case to the Supreme Court." / "… and said the union would appeal to the Supreme Court"): a
    court, a place, an agency is what is said there, not who says it."""
    ca, cb = sides.judge.clues_of(sides.a, row), sides.judge.clues_of(sides.b, col)
    if ca.quoted and cb.quoted:
        return False
    # ... a thing named, not the story's subject: a name most of its sentences give (the alliance
    # of a summit story, "… that the Compact 'will not be bullied'" / "… would host part of the
    # Compact's mission") is topic, as the names of who acts are.
    return not any(not _topic(sides, n) for n in _named_beyond_actors(ca) & _named_beyond_actors(cb))


_OPENING_WORDS = 6  # who acts is named in a sentence's first words ("The Ostrand health minister Clara Oslund spoke …")


def _named_beyond_actors(clues) -> frozenset[str]:
    opening = {w[:5] for w in clues.words[:_OPENING_WORDS]}
    return frozenset(n for n in clues.names if n not in opening and n not in clues.speakers)
