"""Similarity of sentences and of beads (runs of consecutive sentences), cached by text."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Indel

from retold.model.align.params import CONTAINMENT_DISCOUNT
from retold.model.align.records import Features


class Scorer:
    """Similarity of sentences and of beads (runs of consecutive sentences), cached by text."""

    def __init__(self, features: list[list[Features]], weights: dict[str, float]):
        self.features = features
        self.weights = weights
        self._mass: dict[frozenset[str], float] = {}
        # Sentence-pair caches are keyed by one int, number(a) << 32 | number(b): a big story
        # scores hundreds of thousands of pairs, and a tuple of two ids per key (with the pair
        # held beside it) was a fifth of its memory.
        self._pairs: dict[int, tuple[float, float]] = {}
        self._words: dict[int, float] = {}
        self._union_of: dict[tuple[int, ...], frozenset[str]] = {}
        # Each parse's number, by id(); every numbered object is held here, so that no later
        # object can take its id while the scorer lives (a pass across languages scores
        # features made for it and then dropped).
        self._numbers: dict[int, int] = {}
        self._numbered: list[Features] = []
        # Caches keyed by id() hold their objects here, for the same reason.
        self._held: list[object] = []

    def _number(self, f: Features) -> int:
        """A parse's number: dense, from 0, in the order first scored."""
        number = self._numbers.get(id(f))
        if number is None:
            number = self._numbers[id(f)] = len(self._numbered)
            self._numbered.append(f)
        return number

    def mass(self, feats: frozenset[str]) -> float:
        found = self._mass.get(feats)
        if found is None:
            found = self._mass[feats] = sum(map(self.weights.__getitem__, feats))
        return found

    def pair(self, a: Features, b: Features) -> tuple[float, float]:
        """(score, dice) of two sentences. The score also credits containment: a trimmed
        sentence wholly inside a longer one is the same statement."""
        if a is b:
            return (1.0, 1.0) if a.feats else (0.0, 0.0)  # one text: wire copies share their parse
        numbers = self._numbers
        na, nb = numbers.get(id(a)), numbers.get(id(b))
        if na is None:
            na = self._number(a)
        if nb is None:
            nb = self._number(b)
        key = na << 32 | nb
        found = self._pairs.get(key)
        if found is None:
            found = self._pairs[key] = self._score(a.feats, b.feats, containment=True)
        return found

    def forget_scored(self, fa: Sequence[Features], fb: Sequence[Features], pairs) -> None:
        """Drop the cached scores of these (i, j) pairs of fa and fb: an outlet pair's candidates,
        once its pass is done (another pair that shares a parse and asks again has it scored
        again, to the same value)."""
        numbers, cached = self._numbers, self._pairs
        # Each side's numbers read once (not once per pair: a pair's hundreds of candidates
        # share a few hundred sentences); a parse never numbered has no cached score.
        pop = cached.pop
        side_a = [numbers.get(id(f)) for f in fa]
        side_b = [numbers.get(id(f)) for f in fb]
        for i, j in pairs:
            na, nb = side_a[i], side_b[j]
            if na is not None and nb is not None:
                pop(na << 32 | nb, None)

    def forget_pairs(self) -> None:
        """Drop the sentence-pair scores and the runs' unions, once every outlet pair is aligned:
        grouping and the statuses ask only for word similarity, and on a big story these caches
        are a seventh of the memory at its peak. (Pure caches: a pair asked for again is scored
        again, to the same value.) The weights go too: no later phase weighs features, and the
        cache's keys held every union and every intersection beads.py weighed (a 40 x 1,000
        story's: 15 MB)."""
        self._pairs = {}
        self._union_of = {}
        self._held = []
        self._mass = {}

    def _score(self, fa: frozenset[str], fb: frozenset[str], containment: bool) -> tuple[float, float]:
        shared = fa & fb
        if not shared:
            return 0.0, 0.0
        overlap = sum(map(self.weights.__getitem__, shared))  # same order as a generator: same float
        masses = self._mass  # mass(), without the call: this runs for every pair scored
        ma = masses.get(fa)
        if ma is None:
            ma = self.mass(fa)
        mb = masses.get(fb)
        if mb is None:
            mb = self.mass(fb)
        dice = 2 * overlap / (ma + mb)
        score = dice
        # Containment counts only for a sentence with enough informative words (a short line
        # is "contained" in anything) and never for a single shared word.
        if containment and len(shared) >= 3 and min(len(fa), len(fb)) >= 4:
            contained = CONTAINMENT_DISCOUNT * overlap / min(ma, mb)
            if contained > score:
                score = contained
        return score, dice

    def words(self, a: Sequence[Features], b: Sequence[Features]) -> float:
        """word_similarity, cached for single sentences (wire copies share their parse)."""
        if len(a) != 1 or len(b) != 1:
            return word_similarity(a, b)
        return self.sentence_words(a[0], b[0])

    def sentence_words(self, a: Features, b: Features) -> float:
        """word_similarity([a], [b]), cached by the two parses: the words compared as the
        tuples they are (the same sequences, so the same result, without two lists built per
        pair: tests/unit/test_speed_equivalence.py)."""
        if a is b:
            return 1.0
        key = self._number(a) << 32 | self._number(b)
        found = self._words.get(key)
        if found is None:
            wa, wb = a.words, b.words
            found = self._words[key] = 1.0 if wa == wb else Indel.normalized_similarity(wa, wb)
        return found

    def union(self, side: Sequence[Features]) -> frozenset[str]:
        """The features of a run of sentences. The gap programme asks for the same run with
        every run of the other side (forty times over on a long parallel text): it is built
        once, the same way, so its weight is then found in the mass cache by identity."""
        key = tuple(map(id, side))
        found = self._union_of.get(key)
        if found is None:
            found = self._union_of[key] = frozenset().union(*(f.feats for f in side))
            self._held.append(tuple(side))
        return found

    def _unions(self, a: Sequence[Features], b: Sequence[Features]) -> tuple[frozenset[str], frozenset[str]]:
        fa, fb = self.union(a), self.union(b)
        if fb is fa:
            # The same run on both sides (a wire copy's parse): scored as two equal sets, as
            # when each call built its own, since `x & x` takes a shortcut that sums the shared
            # weights in another order (and so may differ in the last bit).
            fb = frozenset().union(*(f.feats for f in b))
        return fa, fb

    def bead_dice(self, a: Sequence[Features], b: Sequence[Features]) -> float:
        """Weighted overlap of two beads, without the containment credit."""
        return self._score(*self._unions(a, b), containment=False)[1]

    def bead(self, a: list[Features], b: list[Features]) -> float:
        if len(a) == 1 and len(b) == 1:
            return self.pair(a[0], b[0])[0]
        return self._score(*self._unions(a, b), containment=False)[0]


def word_similarity(a: Sequence[Features], b: Sequence[Features]) -> float:
    """Word-level similarity of two beads: the near-verbatim test."""
    wa = [w for f in a for w in f.words]
    wb = [w for f in b for w in f.words]
    return 1.0 if wa == wb else Indel.normalized_similarity(wa, wb)
