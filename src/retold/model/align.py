"""Group corresponding sentences across outlets.

The alignment is built in phases, each a pure function of the one before:

1. `sentence_features` — per sentence: its words (for the near-verbatim test), its informative
   features (accent-stripped five-letter word prefixes: a light stemmer that also meets cognates
   across languages, and numbers) and its length;
2. `feature_weights` — inverse statement frequency: rare words are evidence, topic words are not;
3. `candidate_pairs` — for every outlet pair, the sentences that share rare features (an inverted
   index of each sentence's rarest features), scored once per distinct pair of texts;
4. `confident_pairs` — reciprocal best candidates above a high bar, guarded against short and
   repeated lines;
5. `pair_links` — per outlet pair: the longest increasing chain of confident pairs splits both
   texts into gaps; a banded monotone dynamic programme (moves up to 1:4/4:1 and 2:3/3:2, lexical
   cost scaled by bead size, a Gale–Church length cost, a skip cost) aligns each gap. How much the
   programme may decide without lexical evidence depends on the pair: parallel (the confident
   pairs in order) or not, same language or not. Confident pairs off the chain (moved paragraphs)
   stay as links of their own;
6. `group_links` — pairwise links merged into N-way groups with union-find in descending score,
   refusing a merge that would make an outlet's members of a group non-consecutive;
7. `finish` — statuses (shared when near-verbatim with another outlet's part of the group) and a
   frozen `Alignment`.

Every tie is broken by (outlet id, sentence index), never by the order outlets were given in.
"""

from __future__ import annotations

import math
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain
from operator import attrgetter

from rapidfuzz.distance import Indel

from retold.model import evidence as ev
from retold.model.clean import ends_sentence
from retold.model.normalize import STOPWORDS, strip_dateline, tokens
from retold.model.story import Alignment, Group, Member, Outlet, Sentence, Status

_object_new = object.__new__  # frozen dataclasses built without __init__ where a big story makes many
_set = object.__setattr__

# Thresholds, tuned together on every gold file in sample_corpus/ and the Text+Berg dev document
# (bench/score_gold.py, bench/textberg.py); never on one story.
SHARED_SIMILARITY = 0.84  # word-level similarity for "near-verbatim": about two words changed in twenty
STATUS_SCORE_FLOOR = 0.5  # below this feature similarity a pair is never near-verbatim word for word
ALTERED_THRESHOLD = 0.40  # an order-free pair below this is not "the same statement"
ANCHOR_THRESHOLD = 0.55  # a confident pair: reciprocal best at least this similar
ANCHOR_CROSS_LANGUAGE = 0.2  # across languages only names, numbers and cognates meet
CONTAINMENT_DISCOUNT = 0.85  # a trimmed sentence wholly inside a longer one scores this
NUMBER_BOOST = 1.5  # numbers and dates survive rewrites and translations
PROBE_FEATURES = 6  # rarest features of a sentence used to find candidates
CANDIDATES_PER_OUTLET = 2  # best candidates kept per sentence and other outlet
CANDIDATE_MARGIN = 0.6  # ... when their probe overlap is at least this share of the best one
ALL_PAIRS_UP_TO = 8  # outlets; a bigger story aligns each outlet with its NEIGHBOURS closest
NEIGHBOURS = 4
PREFIX = 5  # feature = first letters of an accent-stripped word

# The gap programme.
LEXICAL_WEIGHT = 1.0
SKIP_COST = 0.7  # per sentence left out; above half the lexical weight, so a gap is paired rather than skipped
SKIP_COST_CROSS_LANGUAGE = 1.0  # across languages the words say little, so order and length pair more
LENGTH_WEIGHT = 0.12
LENGTH_VARIANCE = 6.8  # Gale & Church
MOVES = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 4), (4, 1), (2, 3), (3, 2))
MOVE_PRIOR = {(1, 1): 0.0, (1, 2): 0.25, (2, 1): 0.25, (1, 3): 0.5, (3, 1): 0.5, (2, 2): 0.6,
              (1, 4): 0.75, (4, 1): 0.75, (2, 3): 0.75, (3, 2): 0.75}
END_MISMATCH = 0.25  # a bead whose one side ends a sentence and the other does not (a caption, a heading)
# Across languages the confident pairs are few and the words elsewhere say little: a bead that
# keeps a confident pair together earns this much, so the programme does not spread the
# sentences around it over an inserted block (captions between two translated sentences).
ANCHOR_BONUS_CROSS_LANGUAGE = 4.0
ANCHOR_SLACK = 3  # cells the programme may stray from the rectangles between soft anchors
MAX_CELLS = 40_000  # a gap without anchors is searched in at most about this many cells
BAND = 30  # cells either side of a big gap's diagonal: keeps the programme near-linear
PARALLEL_MONOTONE = 0.9  # share of confident pairs on the chain for a pair to count as parallel
PARALLEL_CHAIN = 8  # ... with at least this many on the chain
PARALLEL_COVER = 0.5  # ... or covering this share of the shorter text
# Lowest similarity a programme bead needs to become a link: parallel texts in two languages rely
# on length and order; in one language a true counterpart always shares some words.
FLOOR_CROSS_LANGUAGE = 0.0
FLOOR_PARALLEL = 0.12
FLOOR_LOOSE = 0.40
# ... but between parallel texts that retell rather than copy (under COPIES of their confident
# pairs near-verbatim), a sentence in another's place is its counterpart however few words it shares.
FLOOR_RETOLD = 0.0
COPIES = 0.5
# A merge or split in one language must earn its place: the joined sentences together clearly
# match, and every one of them shares words with the other side.
FLOOR_MERGE = 0.45


# ---------------------------------------------------------------- 1. features

@lru_cache(maxsize=200_000)
def _feature(word: str) -> str | None:
    if word[0].isdigit():
        return word.replace(",", ".")  # 3,5 and 3.5 are one number
    if len(word) < 2 or word in STOPWORDS:
        return None
    plain = unicodedata.normalize("NFKD", word)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return plain[:PREFIX]


@lru_cache(maxsize=200_000)
def _word_features(word: str) -> tuple[str, ...]:
    """A word's features, in order: one per part of an elision (l'évacuation, d'Orlin).
    Cached per word: a story repeats its words far more often than it has them."""
    features = []
    for part in word.split("'"):
        if part:
            feature = _feature(part)
            if feature:
                features.append(feature)
    return tuple(features)


@dataclass(frozen=True)
class Features:
    words: tuple[str, ...]  # normalised words, dateline stripped: the near-verbatim test
    feats: frozenset[str]  # informative features: the similarity
    length: int  # characters, for the length model
    ends: bool = True  # ends a sentence (a caption, label or heading does not)
    runs_on: bool = False  # no sentence end ("Grenoble-Paris:", "the crane from"): its sentence goes on in the next


def text_features(text: str, paragraph_start: bool) -> Features:
    body = strip_dateline(text) if paragraph_start else text  # datelines only open paragraphs
    words = tuple(tokens(body))
    feats = set(chain.from_iterable(map(_word_features, words)))  # in word order, as a loop would add them
    # Features(words=..., feats=..., length=..., ends=..., runs_on=...), field by field as the
    # frozen __init__ sets them, without its call: one per distinct text of a story.
    found = _object_new(Features)
    _set(found, "words", words)
    _set(found, "feats", frozenset(feats))
    _set(found, "length", len(body))
    ends = ends_sentence(text)
    _set(found, "ends", ends)
    _set(found, "runs_on", not ends and _runs_on(text))
    return found


def _runs_on(text: str) -> bool:
    """A line without a sentence end stops mid-sentence when it ends with a comma, colon,
    semicolon, dash or open bracket. A caption, label or heading ("Photo by the Air Force",
    "Lhotse (8501 m)", "Seen from the cliffs") ends without punctuation: a line of its own."""
    return text.rstrip()[-1:] in ",:;([–—-"


def sentence_features(outlets: Sequence[Outlet]) -> list[list[Features]]:
    cache: dict[tuple[str, bool], Features] = {}  # wire copies repeat: parse each text once
    result = []
    for outlet in outlets:
        row = []
        previous_paragraph = None
        for sentence in outlet.sentences:
            key = (sentence.text, sentence.paragraph != previous_paragraph)
            previous_paragraph = sentence.paragraph
            found = cache.get(key)
            if found is None:
                found = cache[key] = text_features(*key)
            row.append(found)
        result.append(row)
    return result


# ---------------------------------------------------------------- 2. weights

def feature_weights(features: list[list[Features]]) -> dict[str, float]:
    """Inverse statement frequency: a feature in one sentence per outlet weighs most."""
    sentence_count: Counter[str] = Counter()  # counted in C: the same counts, in the same order
    outlet_count: Counter[str] = Counter()
    for row in features:
        seen: set[str] = set()
        for f in row:
            sentence_count.update(f.feats)
            seen |= f.feats
        outlet_count.update(seen)
    rows = [len(row) for row in features if row]
    mean = sum(rows) / len(rows) if rows else 1.0
    weights = {}
    for feat, count in sentence_count.items():
        per_outlet = count / outlet_count[feat]
        weight = max(0.1, math.log((mean + 1) / per_outlet))
        weights[feat] = weight * NUMBER_BOOST if feat[0].isdigit() else weight
    return weights


# ---------------------------------------------------------------- scoring

class Scorer:
    """Similarity of sentences and of beads (runs of consecutive sentences), cached by text."""

    def __init__(self, features: list[list[Features]], weights: dict[str, float]):
        self.features = features
        self.weights = weights
        self._mass: dict[frozenset[str], float] = {}
        self._pairs: dict[tuple[int, int], tuple[float, float]] = {}
        self._words: dict[tuple[int, int], float] = {}
        self._union_of: dict[tuple[int, ...], frozenset[str]] = {}
        # Caches are keyed by id(): every object whose id is in a key is held here, so that no
        # later object can take its id while the scorer lives (a pass across languages scores
        # features made for it and then dropped).
        self._held: list[object] = []

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
        key = (id(a), id(b))
        found = self._pairs.get(key)
        if found is None:
            found = self._pairs[key] = self._score(a.feats, b.feats, containment=True)
            self._held.append((a, b))
        return found

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
        if a[0] is b[0]:
            return 1.0
        key = (id(a[0]), id(b[0]))
        found = self._words.get(key)
        if found is None:
            found = self._words[key] = word_similarity(a, b)
            self._held.append((a[0], b[0]))
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


# ---------------------------------------------------------------- 3. candidates

def outlet_pairs(features: list[list[Features]], scorer: Scorer) -> set[tuple[int, int]]:
    """The outlet pairs to align: all of them in a story of up to eight outlets; with more, each
    outlet with its NEIGHBOURS closest (by shared vocabulary), so cost grows with the number
    of outlets, not its square. Groups still join across pairs: a wire sentence copied by
    twenty outlets is one group through the links each outlet has to its neighbours."""
    n = len(features)
    if n <= ALL_PAIRS_UP_TO:
        return {(a, b) for a in range(n) for b in range(a + 1, n)}
    vocab = [frozenset().union(*(f.feats for f in row)) if row else frozenset() for row in features]
    mass = [scorer.mass(v) for v in vocab]
    chosen: set[tuple[int, int]] = set()
    shared_mass: dict[tuple[int, int], float] = {}  # (b, a) shares what (a, b) shares: one intersection
    for a in range(n):
        closeness = []
        for b in range(n):
            if b != a:
                key = (a, b) if a < b else (b, a)
                shared = shared_mass.get(key)
                if shared is None:
                    shared = shared_mass[key] = scorer.mass(vocab[a] & vocab[b])
                closeness.append((-(shared / max(1e-9, min(mass[a], mass[b]))), b))
        for _c, b in sorted(closeness)[:NEIGHBOURS]:
            chosen.add((min(a, b), max(a, b)))
    return chosen


def candidate_pairs(features: list[list[Features]], weights: dict[str, float], scorer: Scorer, pairs: set[tuple[int, int]] | None = None) -> dict[tuple[int, int], dict[tuple[int, int], float]]:
    """For every outlet pair (a < b): {(i, j): score} of the sentences sharing rare features.

    Each sentence probes an inverted index with its rarest features and keeps its best few
    candidates in each other outlet, so cost grows with the text, not with its square. Wire
    copies share one parse, and each distinct text probes once."""
    n_outlets = len(features)
    cap = max(8, 4 * n_outlets)
    if pairs is None:
        pairs = {(k, l) for k in range(n_outlets) for l in range(k + 1, n_outlets)}
    partners: dict[int, list[int]] = {k: [] for k in range(n_outlets)}
    for k, l in sorted(pairs):
        partners[k].append(l)
        partners[l].append(k)
    # feature -> outlet -> sentence indices; and how many sentences hold the feature
    postings: dict[str, dict[int, list[int]]] = {}
    frequency: dict[str, int] = {}
    for k, row in enumerate(features):
        mine: dict[str, list[int]] = {}  # this outlet's postings, then filed under each feature
        for i, f in enumerate(row):
            for feat in f.feats:
                found = mine.get(feat)
                if found is None:
                    mine[feat] = [i]
                else:
                    found.append(i)
        for feat, indices in mine.items():
            by_outlet = postings.get(feat)
            if by_outlet is None:
                postings[feat] = {k: indices}
                frequency[feat] = len(indices)
            else:
                by_outlet[k] = indices
                frequency[feat] += len(indices)
    result: dict[tuple[int, int], dict[tuple[int, int], float]] = {pair: {} for pair in pairs}
    probes: dict[int, list[tuple[dict[int, list[int]], float]]] = {}
    where: dict[int, dict[int, list[int]]] = {}  # one parsed text -> outlet -> its sentences (wire copies)
    for k, row in enumerate(features):
        for i, f in enumerate(row):
            if f.feats:
                where.setdefault(id(f), {}).setdefault(k, []).append(i)
    spans = [max(1, len(row) - 1) for row in features]
    # Every feature's place in the order (frequency, feature), sorted once: each sentence's
    # probe is then its features in that order, without a key tuple per feature and sentence.
    rarity = {feat: n for n, feat in enumerate(sorted(frequency, key=lambda feat: (frequency[feat], feat)))}
    pair_score = scorer.pair
    for k, row in enumerate(features):
        mine = partners[k]
        if not mine:
            continue
        # Per partner, once per outlet rather than once per sentence: its bucket (pairs keyed
        # (a-side, b-side)), its sentences and its relative-position scale.
        sides = [(l, result[(k, l)] if k < l else result[(l, k)], k < l, features[l], spans[l]) for l in mine]
        scale = max(1, len(row) - 1)
        for i, f in enumerate(row):
            if not f.feats:
                continue  # nothing to probe with and no copies: never a candidate
            # Each sentence ranks its own candidates: a repeated line goes to the nearest copy.
            fid = id(f)
            probe = probes.get(fid)
            if probe is None:
                ranked = sorted(f.feats, key=rarity.__getitem__)
                chosen = [feat for feat in ranked[:PROBE_FEATURES] if frequency[feat] <= cap] or ranked[:2]
                probe = probes[fid] = [(postings[feat], weights[feat]) for feat in chosen]
            here = i / scale
            copies = where[fid]
            for l, bucket, forward, other, span in sides:
                found_copies = copies.get(l)
                if found_copies:
                    # The partner prints this very text: its nearest copy is the candidate, no probing.
                    if len(found_copies) == 1:
                        js = found_copies
                    else:
                        js = [min(found_copies, key=lambda j: (abs(j / span - here), j))]
                elif len(probe) == 1:
                    # One probe feature (half the sentences of a big story): every hit overlaps
                    # equally, so all pass the margin and the nearest by position win.
                    js = probe[0][0].get(l)
                    if not js:
                        continue
                    if len(js) > 1:
                        found = sorted([(abs(j / span - here), j) for j in js])[:CANDIDATES_PER_OUTLET]
                        js = [j for _d, j in found]
                else:
                    hits: dict[int, float] = {}
                    get = hits.get
                    for posted, w in probe:
                        here_too = posted.get(l)
                        if here_too:
                            for j in here_too:
                                hits[j] = get(j, 0.0) + w
                    if not hits:
                        continue
                    if len(hits) == 1:
                        js = list(hits)
                    else:
                        # The runners-up only when they come close to the best: a copy's best
                        # candidate is plain, and scoring its also-rans is most of the cost.
                        # (The best two of those within the margin are the best two overall
                        # kept by the margin: the filter first spares most sorting.)
                        bar = -max(hits.values()) * CANDIDATE_MARGIN
                        strong = [(-overlap, j) for j, overlap in hits.items() if -overlap <= bar]
                        if len(strong) == 1:
                            js = [strong[0][1]]
                        else:
                            # Equal overlaps (a repeated line) go to the nearest relative position.
                            # Sorted by (overlap, distance, index), the kept candidates are the
                            # nearest of the best overlap's when it has enough of them (a third of
                            # the probes of a big story): only those need their distance.
                            top = min(strong)[0]
                            tier = [j for o, j in strong if o == top]
                            if len(tier) >= CANDIDATES_PER_OUTLET:
                                found = sorted([(abs(j / span - here), j) for j in tier])[:CANDIDATES_PER_OUTLET]
                                js = [j for _d, j in found]
                            else:
                                found = sorted([(o, abs(j / span - here), j) for o, j in strong])[:CANDIDATES_PER_OUTLET]
                                js = [j for _o, _d, j in found]
                if forward:
                    for j in js:
                        key = (i, j)
                        if key not in bucket:
                            bucket[key] = pair_score(f, other[j])[0]
                else:
                    for j in js:
                        key = (j, i)
                        if key not in bucket:
                            bucket[key] = pair_score(other[j], f)[0]
    return result


# ---------------------------------------------------------------- 4. confident pairs

def best_partners(scores: dict[tuple[int, int], float], fa: list[Features], fb: list[Features], scorer: Scorer) -> tuple[dict[int, tuple[int, float]], dict[int, tuple[int, float]]]:
    """Each sentence's best candidate on the other side: by score; a tie (a repeated line, a
    standfirst and its body copy) goes to the closer wording, then the closer relative
    position, then the lower index — a total order, so the result never depends on input order."""
    na, nb = max(1, len(fa) - 1), max(1, len(fb) - 1)

    def rank(i: int, j: int) -> tuple[float, float, int, int]:
        return (scorer.words([fa[i]], [fb[j]]), -abs(i / na - j / nb), -j, -i)

    best_a: dict[int, tuple[int, float]] = {}
    best_b: dict[int, tuple[int, float]] = {}
    for (i, j), score in scores.items():
        if score <= 0.0:
            continue
        current = best_a.get(i)
        if current is None or score > current[1] + 1e-9 or (abs(score - current[1]) <= 1e-9 and rank(i, j) > rank(i, current[0])):
            best_a[i] = (j, score)
        current = best_b.get(j)
        if current is None or score > current[1] + 1e-9 or (abs(score - current[1]) <= 1e-9 and rank(i, j)[:2] + (-i,) > rank(current[0], j)[:2] + (-current[0],)):
            best_b[j] = (i, score)
    return best_a, best_b


def confident_pairs(best_a, best_b, fa: list[Features], fb: list[Features], scorer: Scorer, bar: float = ANCHOR_THRESHOLD) -> list[tuple[int, int, float]]:
    """Reciprocal best pairs above the anchor bar, guarded: enough informative words on both
    sides, and a plausible length ratio (a short line is not anchored inside a long one)."""
    anchors = []
    for i, (j, score) in best_a.items():
        if score < bar or best_b.get(j, (None,))[0] != i:
            continue
        a, b = fa[i], fb[j]
        if min(len(a.feats), len(b.feats)) < 2 or (a is not b and len(a.feats & b.feats) < 2):  # one parse (a wire copy) shares all
            continue
        if scorer.pair(a, b)[1] < 0.35 and max(a.length, b.length) > 2.5 * max(1, min(a.length, b.length)):
            continue  # containment alone, between very different lengths
        anchors.append((i, j, score))
    anchors.sort()
    return anchors


def increasing_chain(anchors: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The longest chain of anchors increasing in both texts (patience sorting)."""
    tails: list[int] = []  # j of the smallest tail of each length
    tail_index: list[int] = []
    previous = [-1] * len(anchors)
    for n, (_i, j, _s) in enumerate(anchors):  # sorted by i; equal i cannot both be reciprocal
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_index.append(n)
        else:
            tails[pos] = j
            tail_index[pos] = n
        previous[n] = tail_index[pos - 1] if pos else -1
    chain = []
    n = tail_index[-1] if tail_index else -1
    while n >= 0:
        chain.append(anchors[n])
        n = previous[n]
    return chain[::-1]


# ---------------------------------------------------------------- 5. the gap programme

def _length_cost(la: int, lb: int, ratio: float) -> float:
    """Gale & Church: how unlikely these lengths are for a translation / retelling."""
    la = la * ratio
    if la + lb == 0:
        return 0.0
    delta = abs(la - lb) / math.sqrt(LENGTH_VARIANCE * (la + lb) / 2)
    return -math.log(max(math.erfc(delta / math.sqrt(2)), 1e-12))


def _side_runs(side: list[Features], span: range, blocked: set[int], skip: float) -> tuple[list[float], list[int], list[int], list[bool]]:
    """For one side of a gap, per position (prefixes start at 0): the cost of skipping its
    sentence (nothing when it is linked elsewhere), the unblocked sentences in a row ending
    there, the length so far, and whether each sentence ends one."""
    skips, free_run, lengths, ends = [0.0], [0], [0], []
    free = length = 0
    for index in span:
        f = side[index]
        if index in blocked:
            skips.append(0.0)
            free = 0
        else:
            skips.append(skip)
            free += 1
        free_run.append(free)
        length += f.length
        lengths.append(length)
        ends.append(f.ends)
    return skips, free_run, lengths, ends


def gap_programme(fa: list[Features], fb: list[Features], rows: range, cols: range, scorer: Scorer, ratio: float, soft: Sequence[tuple[int, int]] = (), blocked_a: set[int] = frozenset(), blocked_b: set[int] = frozenset(), skip: float = SKIP_COST, bonus: float = 0.0) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Monotone alignment of fa[rows] with fb[cols]: beads (rows, cols, similarity), skips left out.

    `soft` anchors (absolute indices) guide, never bind: the programme searches the rectangles
    between consecutive anchors widened by ANCHOR_SLACK, so it may still merge an anchor with a
    neighbour or move past a wrong one; without anchors a big gap is banded around its diagonal.
    Either way the cost stays near-linear."""
    n, m = len(rows), len(cols)
    if n == 0 or m == 0:
        return []
    r0, c0 = rows.start, cols.start
    if n == 1 and m == 1 and not soft:
        # One sentence on each side (the common gap between copies): pair them or leave both out.
        if r0 in blocked_a or c0 in blocked_b:
            return []
        a, b = fa[r0], fb[c0]
        sim = scorer.bead([a], [b])
        cost = LEXICAL_WEIGHT * (1.0 - sim) + LENGTH_WEIGHT * _length_cost(a.length, b.length, ratio)
        return [((r0,), (c0,), sim)] if cost < 2 * skip else []
    if all(i in blocked_a for i in rows) or all(j in blocked_b for j in cols):
        return []  # every bead would take in a sentence linked elsewhere: only skips (a fifth of a big story's gaps)
    lo = [0] * (n + 1)
    hi = [m] * (n + 1)
    points = [(0, 0)]
    for i, j in soft:
        points += [(i - r0, j - c0), (i - r0 + 1, j - c0 + 1)]
    points.append((n, m))
    band = max(3, min(BAND, MAX_CELLS // (2 * max(n, m))))  # a huge gap gets a narrower band
    if len(points) > 2:
        lo, hi = [m] * (n + 1), [0] * (n + 1)
        for (ia, ja), (ib, jb) in zip(points, points[1:]):
            rows_here, cols_here = ib - ia, jb - ja
            for i in range(max(0, ia - ANCHOR_SLACK), min(n, ib + ANCHOR_SLACK) + 1):
                first, last = ja - ANCHOR_SLACK, jb + ANCHOR_SLACK
                if rows_here * cols_here > 4 * band * band:
                    # Two anchors far apart: their rectangle is banded around its diagonal too,
                    # or sparse anchors would make the programme quadratic.
                    centre = ja + (min(max(i, ia), ib) - ia) * cols_here // max(1, rows_here)
                    first, last = max(first, centre - band), min(last, centre + band)
                lo[i] = min(lo[i], max(0, first))
                hi[i] = max(hi[i], min(m, last))
    elif n * m > 4 * BAND * BAND:
        for i in range(n + 1):
            centre = i * m // n
            lo[i], hi[i] = max(0, centre - band), min(m, centre + band)

    inf = float("inf")
    # Per row (and column), in one pass: what skipping its sentence costs (nothing when it is
    # linked elsewhere: a moved paragraph is passed over for free), the unblocked sentences in a
    # row ending there, the text's length so far, and whether the sentence ends one. A bead may
    # not take in a blocked sentence, so a move (di, dj) is open exactly when di <= free_rows[i]
    # and dj <= free_cols[j]. Where most sentences are linked elsewhere (moved paragraphs), most
    # cells then skip the moves altogether.
    row_skip, free_rows, length_rows, ends_a = _side_runs(fa, rows, blocked_a, skip)
    col_skip, free_cols, length_cols, ends_b = _side_runs(fb, cols, blocked_b, skip)
    bead_similarity = scorer.bead
    sqrt_half = math.sqrt(0.5)
    anchor_col = {i - r0: j - c0 for i, j in soft} if bonus else {}
    # The cells of row i are lo[i]..hi[i]: a flat list per row (inf: not reached), not a dict
    # keyed by cell. The arithmetic is the programme's as written, term for term, so every cost
    # (and every tie) comes out as before.
    log, erfc, sqrt = math.log, math.erfc, math.sqrt
    lexical, length_weight, end_mismatch = LEXICAL_WEIGHT, LENGTH_WEIGHT, END_MISMATCH
    moves = [(di, dj, di + dj, MOVE_PRIOR[(di, dj)]) for di, dj in MOVES]
    costs: list[list[float]] = []
    backs: list[list[tuple[int, int, float] | None]] = []
    for i in range(n + 1):
        lo_i, hi_i = lo[i], hi[i]
        row = [inf] * max(0, hi_i - lo_i + 1)
        back_row: list[tuple[int, int, float] | None] = [None] * len(row)
        costs.append(row)
        backs.append(back_row)
        if i:
            above, above_lo, above_hi, down = costs[i - 1], lo[i - 1], hi[i - 1], row_skip[i]
        else:
            row[0] = 0.0  # the start (lo[0] is 0 in every band)
        free_i = free_rows[i]
        a_end = ends_a[i - 1] if i else True
        for j in range(max(lo_i, 0 if i else 1), hi_i + 1):
            best, choice = inf, None
            # A sentence already linked elsewhere (a moved paragraph) is passed over for free.
            if i and above_lo <= j <= above_hi:
                c = above[j - above_lo] + down
                if c < best:
                    best, choice = c, (1, 0, 0.0)
            if j > lo_i:
                c = row[j - 1 - lo_i] + col_skip[j]
                if c < best:
                    best, choice = c, (0, 1, 0.0)
            free_j = free_cols[j]
            if free_i and free_j:
                mismatch = end_mismatch and a_end != ends_b[j - 1]
                for di, dj, size, prior in moves:
                    if di > free_i or dj > free_j:
                        continue  # past the text's start or over a blocked sentence
                    i2, j2 = i - di, j - dj
                    lo2 = lo[i2]
                    if j2 < lo2 or j2 > hi[i2]:
                        continue
                    start = costs[i2][j2 - lo2]
                    if start == inf:
                        continue
                    sim = bead_similarity(fa[r0 + i2:r0 + i], fb[c0 + j2:c0 + j])
                    # _length_cost, inlined: this is the programme's innermost loop.
                    la = (length_rows[i] - length_rows[i2]) * ratio
                    lb = length_cols[j] - length_cols[j2]
                    delta = abs(la - lb) / sqrt(LENGTH_VARIANCE * (la + lb) / 2) if la + lb else 0.0
                    c = (
                        start
                        + lexical * (1.0 - sim) * size / 2
                        - length_weight * log(max(erfc(delta * sqrt_half), 1e-12))
                        + prior
                    )
                    if mismatch:
                        c += end_mismatch  # a sentence's counterpart ends a sentence too, a label's does not
                    if anchor_col:
                        for anchor_row in range(i2, i):
                            col = anchor_col.get(anchor_row)
                            if col is not None and j2 <= col < j:
                                c -= bonus  # the bead keeps a confident pair together
                                break
                    if c < best:
                        best, choice = c, (di, dj, sim)
            if choice is not None:
                row[j - lo_i] = best
                back_row[j - lo_i] = choice
    beads = []
    i, j = n, m
    while (i, j) != (0, 0):
        di, dj, sim = backs[i][j - lo[i]]
        if di and dj:
            beads.append((tuple(range(r0 + i - di, r0 + i)), tuple(range(c0 + j - dj, c0 + j)), sim))
        i, j = i - di, j - dj
    return beads[::-1]


def _part_share(part: Features, other: frozenset[str], scorer: Scorer) -> float:
    """Share of a sentence's informative weight found on the other side of its bead."""
    mass = scorer.mass(part.feats)
    return scorer.mass(part.feats & other) / mass if mass else 0.0


def _each_part_shares(fa: list[Features], fb: list[Features], rows: tuple[int, ...], cols: tuple[int, ...], least: int = 0, share: float = 0.0, scorer: Scorer | None = None) -> bool:
    """Every sentence of a merge shares words with the other side: some (`share` 0) or that
    share of its weight (sentences with fewer than `least` informative words are too short to
    tell, and pass)."""
    union_a = frozenset().union(*(fa[i].feats for i in rows))
    union_b = frozenset().union(*(fb[j].feats for j in cols))

    def ok(part: Features, other: frozenset[str]) -> bool:
        if len(part.feats) < least:
            return True
        if share and scorer is not None:
            return _part_share(part, other, scorer) >= share
        return bool(part.feats & other)

    # A part of a neighbour's sentence ("... (Lund:" and what follows it) is judged with it.
    return all(ok(fa[i], union_b) or _in_sentence_with(fa, rows, i) for i in rows) and all(ok(fb[j], union_a) or _in_sentence_with(fb, cols, j) for j in cols)


def _in_sentence_with(side: list[Features], bead: tuple[int, ...], n: int) -> bool:
    """True when sentence n runs on into the next sentence of the bead, or the one before runs on into it."""
    return (side[n].runs_on and n + 1 in bead) or (n - 1 in bead and side[n - 1].runs_on)


def _trim_unsupported(fa: list[Features], fb: list[Features], rows: tuple[int, ...], cols: tuple[int, ...], sim: float, scorer: Scorer, same_language: bool) -> tuple[tuple[int, ...], tuple[int, ...], float]:
    """On parallel texts the programme may join an end sentence to a bead to avoid a skip. Keep
    it when it carries evidence; drop it when it has no words, when it is a label (a caption or
    heading: no sentence end, not running on), or when it has words of its own but none of them
    (in one language: too few of them) are on the other side."""
    need = PART_SHARE if same_language else 1e-9
    while len(rows) + len(cols) > 2:
        union_a = frozenset().union(*(fa[i].feats for i in rows))
        union_b = frozenset().union(*(fb[j].feats for j in cols))
        ends = []
        # An end that is part of its neighbour's sentence (the first runs on into the second, or
        # the one before the last runs on into it) stays: half a sentence is not a statement.
        if len(rows) > 1:
            if not _in_sentence_with(fa, rows, rows[0]):
                ends.append((fa[rows[0]], union_b, (rows[1:], cols)))
            if not _in_sentence_with(fa, rows, rows[-1]):
                ends.append((fa[rows[-1]], union_b, (rows[:-1], cols)))
        if len(cols) > 1:
            if not _in_sentence_with(fb, cols, cols[0]):
                ends.append((fb[cols[0]], union_a, (rows, cols[1:])))
            if not _in_sentence_with(fb, cols, cols[-1]):
                ends.append((fb[cols[-1]], union_a, (rows, cols[:-1])))
        weak = []
        for part, other, rest in ends:
            if not part.feats:
                weak.append((-2.0, rest))  # "....", "- _-": no words, no statement
            elif not part.ends and not part.runs_on:
                weak.append((-1.0, rest))  # a caption or heading ("Photo by ...", "Seen from the cliffs") is a line of its own
            elif len(part.feats) >= 3 and (share := _part_share(part, other, scorer)) < need:
                weak.append((share, rest))
            elif same_language and not part.feats & other:
                weak.append((0.0, rest))  # a short line ("Music.") with not one word across
        if not weak and same_language:
            # A few shared words by chance ("several"/"severed") do not make a part: drop an end
            # whose words mostly stay unmatched when the rest matches clearly better without it.
            whole = scorer.bead_dice([fa[i] for i in rows], [fb[j] for j in cols])
            weak = [(share, rest) for part, other, rest in ends
                    if len(part.feats) >= 3 and (share := _part_share(part, other, scorer)) < PART_DOUBT
                    and scorer.bead_dice([fa[i] for i in rest[0]], [fb[j] for j in rest[1]]) > whole + TRIM_MARGIN]
        if not weak:
            break
        share, (rest_rows, rest_cols) = min(weak)
        rest_sim = scorer.bead([fa[i] for i in rest_rows], [fb[j] for j in rest_cols])
        if not same_language and share >= 0 and (rest_sim < CROSS_TRIM_EVIDENCE or rest_sim < sim + CROSS_TRIM_GAIN):
            # Across languages a part without shared words is normal: drop it only against clear
            # evidence (or when it has no words, or is a label).
            break
        rows, cols, sim = rest_rows, rest_cols, rest_sim
    return rows, cols, sim


TRIM_MARGIN = 0.02
CROSS_TRIM_EVIDENCE = 0.25
CROSS_TRIM_GAIN = 0.05
EXTEND_SHARE = 0.5  # a neighbour joins a confident pair as its split when half its weight is across
PART_DOUBT = 0.25  # ... below this share a part must also improve the bead's overlap to stay
PART_SHARE = 0.1  # in one language, each sentence of a merge finds this share of its weight across


def _trim(fa: list[Features], fb: list[Features], rows: tuple[int, ...], cols: tuple[int, ...], sim: float, scorer: Scorer) -> tuple[tuple[int, ...], tuple[int, ...], float]:
    """Drop an end sentence of a merge while the rest matches better without it: the programme
    joins a neighbour into a bead when that is cheaper than skipping it, which is no evidence
    that the neighbour tells the same statement."""
    while len(rows) + len(cols) > 2:
        options = []
        if len(rows) > 1:
            options += [(rows[1:], cols), (rows[:-1], cols)]
        if len(cols) > 1:
            options += [(rows, cols[1:]), (rows, cols[:-1])]
        best = max(options, key=lambda o: (scorer.bead([fa[i] for i in o[0]], [fb[j] for j in o[1]]), o))
        best_sim = scorer.bead([fa[i] for i in best[0]], [fb[j] for j in best[1]])
        if best_sim <= sim + TRIM_MARGIN:
            break
        (rows, cols), sim = best, best_sim
    return rows, cols, sim


def _crossed(fa: list[Features], fb: list[Features], rows: tuple[int, ...], cols: tuple[int, ...], scorer: Scorer) -> bool:
    """True when the strongest sentence pairs inside a many-to-many bead run against each other."""
    best_col = [max(cols, key=lambda j: (scorer.pair(fa[i], fb[j])[0], -j)) for i in rows]
    best_row = [max(rows, key=lambda i: (scorer.pair(fa[i], fb[j])[0], -i)) for j in cols]
    return best_col != sorted(best_col) or best_row != sorted(best_row)


@dataclass(frozen=True)
class Link:
    score: float
    outlet_a: int
    rows: tuple[int, ...]
    outlet_b: int
    cols: tuple[int, ...]


def _new_link(score: float, outlet_a: int, rows: tuple[int, ...], outlet_b: int, cols: tuple[int, ...]) -> Link:
    """`Link(score, outlet_a, rows, outlet_b, cols)`, without the frozen dataclass's __init__
    (one object.__setattr__ per field): a big story makes tens of thousands of links. The same
    value: equal, hashed and printed alike."""
    link = _object_new(Link)
    # Set as __init__ sets them (not through __dict__, which would give each link a dict of
    # its own rather than the class's shared-key layout: more memory).
    _set(link, "score", score)
    _set(link, "outlet_a", outlet_a)
    _set(link, "rows", rows)
    _set(link, "outlet_b", outlet_b)
    _set(link, "cols", cols)
    return link


TRANSLATION_COUNT = 0.8  # a translation keeps at least this share of its original's sentence count,
TRANSLATION_LENGTH = 0.7  # ... of its length,
TRANSLATION_PLACE = 0.05  # ... and its confident pairs sit this near the same relative place
TRANSLATION_ANCHORS = 2  # two such pairs at least: one alone may be a rewrite's copied opening


def _translation_shaped(chain: list[tuple[int, int, float]], fa: list[Features], fb: list[Features]) -> bool:
    """A short translation has few names and numbers to anchor it (too few confident pairs to
    count as parallel), but keeps its original's sentence count and length, and what anchors
    there are (two at least) sit at the same relative place in both: then they say the rest. A rewrite in
    another language adds and drops sentences, and its anchors drift off that diagonal."""
    if len(chain) < TRANSLATION_ANCHORS:
        return False
    la, lb = sum(f.length for f in fa), sum(f.length for f in fb)
    na, nb = max(1, len(fa) - 1), max(1, len(fb) - 1)
    return (
        min(len(fa), len(fb)) >= TRANSLATION_COUNT * max(len(fa), len(fb))
        and min(la, lb) >= TRANSLATION_LENGTH * max(la, lb)
        and all(abs(i / na - j / nb) <= TRANSLATION_PLACE for i, j, _s in chain)
    )


LEXICON_FROM = 30  # links of a first pass across languages: fewer teach too little
LEXICON_LEAST = 2  # beads a word pair must share to be learned
LEXICON_DICE = 0.3  # ... and how exclusively (Dice over beads)
LEXICON_BEAD_CELLS = 5_000  # word pairs one bead may contribute
LEXICON_ROUNDS = 2  # passes that learn from the one before (a third learns nothing new on the dev document)


def pair_links(a: int, b: int, fa: list[Features], fb: list[Features], scores: dict[tuple[int, int], float], scorer: Scorer, same_language: bool, judge: ev.Judge | None = None) -> list[Link]:
    """Every link between outlets a and b (a < b in canonical order).

    Across languages the words meet only through names, numbers and cognates, so a long pair is
    aligned again: a pass's beads teach which words translate each other ("und"/"et",
    "drei"/"trois": the pairs they keep together most exclusively), and the next pass aligns with
    those translations added to outlet a's features."""
    links = _pair_pass(a, b, fa, fb, scores, scorer, same_language, judge)
    if same_language or len(links) < LEXICON_FROM:
        return links
    lexicon: dict[str, str] = {}
    for _round in range(LEXICON_ROUNDS):
        learned = learned_lexicon(links, fa, fb)
        if learned == lexicon:
            break  # nothing new to learn: the last pass stands
        lexicon = learned
        translated = [
            replace(f, feats=f.feats | {lexicon[g] for g in f.feats if g in lexicon}) if f.feats & lexicon.keys() else f
            for f in fa
        ]
        pairs = set(scores) | {(i, j) for link in links for i in link.rows for j in link.cols}
        links = _pair_pass(a, b, translated, fb, dict.fromkeys(pairs, 0.0), scorer, same_language, judge)
    return links


def learned_lexicon(links: list[Link], fa: list[Features], fb: list[Features]) -> dict[str, str]:
    """Feature of outlet a -> the feature of outlet b it shares beads with most exclusively."""
    count_a: dict[str, int] = {}
    count_b: dict[str, int] = {}
    together: dict[tuple[str, str], int] = {}
    for link in links:
        side_a = frozenset().union(*(fa[i].feats for i in link.rows))
        side_b = frozenset().union(*(fb[j].feats for j in link.cols))
        for g in side_a:
            count_a[g] = count_a.get(g, 0) + 1
        for f in side_b:
            count_b[f] = count_b.get(f, 0) + 1
        if len(side_a) * len(side_b) > LEXICON_BEAD_CELLS:
            continue  # a bead of long sentences pairs everything with everything: it teaches little, at a square's cost
        for g in side_a:
            for f in side_b:
                if g != f:  # a shared name or number already meets itself
                    together[(g, f)] = together.get((g, f), 0) + 1
    best: dict[str, tuple[float, str]] = {}
    for (g, f), n in together.items():
        if n < LEXICON_LEAST:
            continue
        dice = 2 * n / (count_a[g] + count_b[f])
        if dice >= LEXICON_DICE and (dice, f) > best.get(g, (0.0, "")):
            best[g] = (dice, f)
    return {g: f for g, (_dice, f) in best.items()}


def _pair_pass(a: int, b: int, fa: list[Features], fb: list[Features], scores: dict[tuple[int, int], float], scorer: Scorer, same_language: bool, judge: ev.Judge | None = None) -> list[Link]:
    if not fa or not fb:
        return []
    if not same_language:
        # Across languages the shared words are names and numbers: a sentence "contained" in
        # another through two place names is no evidence, so only the plain overlap counts.
        scores = {(i, j): scorer.pair(fa[i], fb[j])[1] for (i, j) in scores}
    best_a, best_b = best_partners(scores, fa, fb, scorer)
    anchors = confident_pairs(best_a, best_b, fa, fb, scorer, ANCHOR_THRESHOLD if same_language else ANCHOR_CROSS_LANGUAGE)
    chain = increasing_chain(anchors)
    # Parallel: the confident pairs keep their order, and there are enough of them to say so
    # (a handful in order proves little), or they cover most of the shorter text.
    parallel = len(chain) >= PARALLEL_MONOTONE * len(anchors) and (
        len(chain) >= PARALLEL_CHAIN or (len(chain) >= 3 and len(chain) >= PARALLEL_COVER * min(len(fa), len(fb)))
        or (not same_language and _translation_shaped(chain, fa, fb))
    )
    if parallel and same_language:
        # Copies (most confident pairs word for word): a sentence between copies that shares
        # almost no words is the outlet's own. A retelling (few pairs word for word: a
        # paraphrase, a translation) puts its version in the original's place in other words.
        copied = sum(scorer.words([fa[i]], [fb[j]]) >= SHARED_SIMILARITY for i, j, _s in chain)
        floor = FLOOR_PARALLEL if copied >= COPIES * len(chain) else FLOOR_RETOLD
    elif parallel:
        floor = FLOOR_CROSS_LANGUAGE
    else:
        floor = FLOOR_LOOSE
    ratio = (sum(f.length for f in fb) / max(1, sum(f.length for f in fa))) if parallel else 1.0
    links: list[Link] = []
    linked_a: set[int] = set()
    linked_b: set[int] = set()

    if judge is not None:
        judge.parallel[(a, b)] = parallel

    refused: list[tuple[tuple[int, ...], tuple[int, ...], float, bool]] = []

    def add(rows: tuple[int, ...], cols: tuple[int, ...], score: float, judged: bool = True, retold: bool = False) -> None:
        # Outside parallel text a link needs evidence that the statement is the same, not the
        # topic: the judge's calibrated confidence (content, plus confirmed neighbours in both
        # texts). A retold sentence (no words in common) needs those neighbours.
        # Across languages the words are not the statement's evidence (the judge's model reads
        # one language): there the aligner's own rules stand, and the confidence says how sure.
        if judge is not None and judged and same_language and not judge.accept(a, rows, b, cols, links, retold):
            refused.append((rows, cols, score, retold))
            return
        links.append(_new_link(score, a, rows, b, cols))
        linked_a.update(rows)
        linked_b.update(cols)

    on_chain = [(-1, -1, 1.0)] + chain + [(len(fa), len(fb), 1.0)]
    if parallel:
        # An anchor is fixed when its neighbours on both sides are anchors too (or the text's
        # ends): nothing there for the programme to decide. Every other anchor is soft: the
        # programme may fold it into a merge or overrule it.
        fixed = [on_chain[0]]
        for n in range(1, len(on_chain) - 1):
            before, here, after = on_chain[n - 1], on_chain[n], on_chain[n + 1]
            if before[0] == here[0] - 1 and before[1] == here[1] - 1 and after[0] == here[0] + 1 and after[1] == here[1] + 1:
                fixed.append(here)
        fixed.append(on_chain[-1])
    else:
        # Not parallel: the chain binds, and the confident pairs off it (moved paragraphs) are
        # settled before the programme looks at what is left between the chain's pairs.
        fixed = on_chain
        on = {(i, j) for i, j, _s in chain}
        for i, (j, score) in sorted(best_a.items()):
            if (i, j) not in on and score >= ALTERED_THRESHOLD and best_b.get(j, (None,))[0] == i:
                add((i,), (j,), score)
    for i, j, score in fixed[1:-1]:
        add((i,), (j,), score, judged=not parallel)
    for (i0, j0, _s0), (i1, j1, _s1) in zip(fixed, fixed[1:]):
        rows, cols = range(i0 + 1, i1), range(j0 + 1, j1)
        if not rows or not cols:
            continue
        soft = [(i, j) for i, j, _s in chain if i in rows and j in cols] if parallel else []
        beads = gap_programme(fa, fb, rows, cols, scorer, ratio, soft, blocked_a=linked_a, blocked_b=linked_b,
                              skip=SKIP_COST if same_language else SKIP_COST_CROSS_LANGUAGE,
                              bonus=0.0 if same_language else ANCHOR_BONUS_CROSS_LANGUAGE)
        for bead_rows, bead_cols, sim in beads:
            if not parallel:
                bead_rows, bead_cols, sim = _trim(fa, fb, bead_rows, bead_cols, sim, scorer)
            if sim < floor:
                continue
            if sim < FLOOR_PARALLEL and same_language and not (
                chain and chain[0][0] < bead_rows[0] and chain[0][1] < bead_cols[0]
                and chain[-1][0] > bead_rows[-1] and chain[-1][1] > bead_cols[-1]
            ):
                continue  # before the first or after the last confident pair, an outlet adds its own: words must show it is not
            if parallel and len(bead_rows) + len(bead_cols) > 2:
                bead_rows, bead_cols, sim = _trim_unsupported(fa, fb, bead_rows, bead_cols, sim, scorer, same_language)
                if same_language and not _each_part_shares(fa, fb, bead_rows, bead_cols, least=3, share=PART_SHARE, scorer=scorer):
                    continue
            if not parallel and len(bead_rows) + len(bead_cols) > 2:
                if sim < FLOOR_MERGE or not _each_part_shares(fa, fb, bead_rows, bead_cols):
                    continue
                if len(bead_rows) > 1 and len(bead_cols) > 1 and _crossed(fa, fb, bead_rows, bead_cols, scorer):
                    continue  # two statements swapped, not one statement re-cut: order-free pairs decide
            retold = parallel and same_language and sim < FLOOR_PARALLEL  # in another's place, few words shared
            add(bead_rows, bead_cols, sim, judged=not parallel or retold, retold=retold)
    if not parallel:
        links[:] = [_extend(link, fa, fb, linked_a, linked_b, scorer) for link in links]
    elif same_language:
        _attach_orphans(links, fa, fb, linked_a, linked_b, scorer)
    # Order-free pairs: a moved paragraph is off the chain but still the same statement.
    for i, (j, score) in sorted(best_a.items()):
        if score >= ALTERED_THRESHOLD and best_b.get(j, (None,))[0] == i and i not in linked_a and j not in linked_b:
            add((i,), (j,), score)
    # A second look at what was refused for want of evidence: a pair now standing between two
    # confirmed pairs in both texts has its neighbours' support.
    for rows, cols, score, retold in refused[:]:
        if not linked_a.intersection(rows) and not linked_b.intersection(cols) and judge.neighbours_confirmed(a, rows, b, cols, links):
            add(rows, cols, score, retold=retold)
    return links


ORPHAN_GAIN = 0.0  # ... and the bead's plain overlap does not fall
ORPHAN_SHARE = 0.15  # a left-out sentence joins a neighbouring bead when this share of it is there


def _attach_orphans(links: list[Link], fa: list[Features], fb: list[Features], linked_a: set[int], linked_b: set[int], scorer: Scorer) -> None:
    """On parallel texts in one language, a sentence the programme left out beside a bead is
    usually the translator's or editor's addition to that bead: join it to the neighbour whose
    other side holds more of its words."""
    for side in ("a", "b"):
        mine, linked = (fa, linked_a) if side == "a" else (fb, linked_b)
        owner: dict[int, int] = {}
        for number, link in enumerate(links):
            for index in (link.rows if side == "a" else link.cols):
                owner[index] = number
        for x in range(len(mine)):
            if x in linked or len(mine[x].feats) < 2:
                continue
            best = None
            for neighbour in (x - 1, x + 1):
                number = owner.get(neighbour)
                if number is None:
                    continue
                link = links[number]
                other = frozenset().union(*(fb[j].feats for j in link.cols)) if side == "a" else frozenset().union(*(fa[i].feats for i in link.rows))
                share = _part_share(mine[x], other, scorer)
                if share >= ORPHAN_SHARE and (best is None or (share, -neighbour) > best[:2]):
                    best = (share, -neighbour, number)
            if best is None:
                continue
            link = links[best[2]]
            if side == "a":
                rows, cols = tuple(sorted(link.rows + (x,))), link.cols
            else:
                rows, cols = link.rows, tuple(sorted(link.cols + (x,)))
            before = scorer.bead_dice([fa[i] for i in link.rows], [fb[j] for j in link.cols])
            if scorer.bead_dice([fa[i] for i in rows], [fb[j] for j in cols]) < before + ORPHAN_GAIN:
                continue  # its few shared words do not make the bead a better match: a sentence of its own
            sim = scorer.bead([fa[i] for i in rows], [fb[j] for j in cols])
            links[best[2]] = Link(sim, link.outlet_a, rows, link.outlet_b, cols)
            linked.add(x)
            owner[x] = best[2]


def _extend(link: Link, fa: list[Features], fb: list[Features], linked_a: set[int], linked_b: set[int], scorer: Scorer) -> Link:
    """Grow a link into a split when an unlinked neighbour clearly continues it: the bead's
    plain overlap (no containment credit, so like is compared with like) rises with it, and
    the neighbour finds its words on the other side."""
    rows, cols = link.rows, link.cols
    before_a, after_a, before_b, after_b = rows[0] - 1, rows[-1] + 1, cols[0] - 1, cols[-1] + 1
    if (
        (before_a < 0 or before_a in linked_a) and (after_a >= len(fa) or after_a in linked_a)
        and (before_b < 0 or before_b in linked_b) and (after_b >= len(fb) or after_b in linked_b)
    ):
        return link  # no free neighbour: nothing to grow into (the common case, checked cheaply)
    dice = None  # the link's own overlap, computed once a neighbour qualifies: most never do
    grown = True
    while grown:
        grown = False
        for side, step in (("a", -1), ("a", 1), ("b", -1), ("b", 1)):
            if side == "a":
                n = (rows[0] if step < 0 else rows[-1]) + step
                if not 0 <= n < len(fa) or n in linked_a:
                    continue
                new_rows, new_cols = tuple(sorted(rows + (n,))), cols
                part, other = fa[n], frozenset().union(*(fb[j].feats for j in cols))
            else:
                n = (cols[0] if step < 0 else cols[-1]) + step
                if not 0 <= n < len(fb) or n in linked_b:
                    continue
                new_rows, new_cols = rows, tuple(sorted(cols + (n,)))
                part, other = fb[n], frozenset().union(*(fa[i].feats for i in rows))
            if len(new_rows) > 4 or len(new_cols) > 4 or len(part.feats) < 2 or _part_share(part, other, scorer) < EXTEND_SHARE:
                continue
            if dice is None:
                dice = scorer.bead_dice([fa[i] for i in rows], [fb[j] for j in cols])
            new_dice = scorer.bead_dice([fa[i] for i in new_rows], [fb[j] for j in new_cols])
            if new_dice > dice + TRIM_MARGIN:
                (linked_a if side == "a" else linked_b).add(n)
                rows, cols, dice, grown = new_rows, new_cols, new_dice, True
    if (rows, cols) == (link.rows, link.cols):
        return link
    return Link(max(link.score, scorer.bead([fa[i] for i in rows], [fb[j] for j in cols])), link.outlet_a, rows, link.outlet_b, cols)


# ---------------------------------------------------------------- 6. grouping

def group_links(links: list[Link], sizes: list[int]) -> list[list[tuple[int, int]]]:
    """N-way groups from pairwise links: union-find in descending score; an outlet's members
    of one group must stay consecutive (a split), so a link that would break that is refused."""
    offsets = [0]
    for size in sizes:
        offsets.append(offsets[-1] + size)
    parent = list(range(offsets[-1]))
    # component root -> {outlet: (lowest index, highest index, count)}
    spans: dict[int, dict[int, tuple[int, int, int]]] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def span_of(root: int, outlet: int, index: int) -> dict[int, tuple[int, int, int]]:
        return spans.get(root) or {outlet: (index, index, 1)}

    # By (-score, outlet_a, rows, outlet_b, cols): two stable sorts on C-level keys, no tuple per link.
    ordered = sorted(links, key=attrgetter("outlet_a", "rows", "outlet_b", "cols"))
    ordered.sort(key=attrgetter("score"), reverse=True)  # reverse keeps equal scores in the order above
    for link in ordered:
        if len(link.rows) == 1 and len(link.cols) == 1:
            # A one-to-one link, by far the commonest: the same merge as below, without building
            # a new span table. Each component's spans are already consecutive (a merge that
            # would break that is refused), so only the outlets both sides hold need checking,
            # and the larger table takes in the smaller one.
            (i,), (j,) = link.rows, link.cols
            ra, rb = find(offsets[link.outlet_a] + i), find(offsets[link.outlet_b] + j)
            if ra == rb:
                continue
            sa, sb = span_of(ra, link.outlet_a, i), span_of(rb, link.outlet_b, j)
            small, big = (sa, sb) if len(sa) < len(sb) else (sb, sa)
            refused = False
            for k, (lo, hi, count) in small.items():
                got = big.get(k)
                if got is not None and max(hi, got[1]) - min(lo, got[0]) + 1 != count + got[2]:
                    refused = True
                    break
            if refused:
                continue
            for k, (lo, hi, count) in small.items():
                got = big.get(k)
                big[k] = (lo, hi, count) if got is None else (min(lo, got[0]), max(hi, got[1]), count + got[2])
            keep, other = (ra, rb) if ra < rb else (rb, ra)
            parent[other] = keep
            spans.pop(other, None)
            spans[keep] = big
            continue
        nodes = [(link.outlet_a, i) for i in link.rows] + [(link.outlet_b, j) for j in link.cols]
        roots = {}
        for outlet, index in nodes:
            root = find(offsets[outlet] + index)
            roots.setdefault(root, (outlet, index))
        if len(roots) == 1:
            continue
        merged: dict[int, tuple[int, int, int]] = {}
        for root, (outlet, index) in roots.items():
            for k, (lo, hi, count) in span_of(root, outlet, index).items():
                if k in merged:
                    mlo, mhi, mcount = merged[k]
                    merged[k] = (min(lo, mlo), max(hi, mhi), count + mcount)
                else:
                    merged[k] = (lo, hi, count)
        if any(hi - lo + 1 != count for lo, hi, count in merged.values()):
            continue
        keep, *others = sorted(roots)
        for root in others:
            parent[root] = keep
            spans.pop(root, None)
        spans[keep] = merged
    members: dict[int, list[tuple[int, int]]] = {}
    for outlet, size in enumerate(sizes):
        for index in range(size):
            members.setdefault(find(offsets[outlet] + index), []).append((outlet, index))
    return sorted((m for m in members.values() if len({k for k, _ in m}) > 1), key=lambda m: m[0])


# ---------------------------------------------------------------- 7. statuses and the result

def finish(outlets: Sequence[Outlet], canonical: list[int], groups: list[list[tuple[int, int]]], links: list[Link], features: list[list[Features]], scorer: Scorer, judge: ev.Judge | None = None) -> Alignment:
    group_of: dict[tuple[int, int], int] = {}
    verdict_of: dict[tuple[int, int], ev.Verdict] = {}  # a member's best verdict: its score and evidence
    for number, members in enumerate(groups):
        for node in members:
            group_of[node] = number
    best_score: dict[tuple[int, int], float] = {}
    best_words: dict[tuple[int, int], float] = {}
    for link in links:
        if len(link.rows) == 1 and len(link.cols) == 1:
            # A one-to-one link, by far the commonest: the same as below without the lists
            # (word similarity is symmetric, so one value serves both sides).
            node_a, node_b = (link.outlet_a, link.rows[0]), (link.outlet_b, link.cols[0])
            group = group_of.get(node_a)
            if group is None or group_of.get(node_b) != group:
                continue  # a refused link says nothing about the group
            score = link.score
            # best_words only decides shared (>= SHARED_SIMILARITY) or not: the edit distance is
            # spared when both sides are shared already, or when the word counts alone keep the
            # pair below the bar (the similarity is at most 2·min / (len_a + len_b)).
            fa, fb = features[link.outlet_a][link.rows[0]], features[link.outlet_b][link.cols[0]]
            la, lb = len(fa.words), len(fb.words)
            if (
                score < STATUS_SCORE_FLOOR
                or (best_words.get(node_a, 0.0) >= SHARED_SIMILARITY and best_words.get(node_b, 0.0) >= SHARED_SIMILARITY)
                or 2 * min(la, lb) < (SHARED_SIMILARITY - 1e-9) * (la + lb)
            ):
                words = 0.0  # too little shared weight to be near-verbatim: spare the edit distance
            else:
                words = scorer.words([fa], [fb])
            for node in (node_a, node_b):
                if score > best_score.get(node, 0.0):
                    best_score[node] = score
                if words > best_words.get(node, 0.0):
                    best_words[node] = words
            if judge is not None:
                _keep_best_verdict(verdict_of, (node_a, node_b), judge.link_verdict(link))
            continue
        nodes_a = [(link.outlet_a, i) for i in link.rows]
        nodes_b = [(link.outlet_b, j) for j in link.cols]
        group = group_of.get(nodes_a[0])
        if group is None or any(group_of.get(node) != group for node in nodes_a + nodes_b):
            continue  # a refused link says nothing about the group
        side_a = [features[link.outlet_a][i] for i in link.rows]
        side_b = [features[link.outlet_b][j] for j in link.cols]
        one_to_one = len(side_a) == 1 and len(side_b) == 1
        for nodes, own, other in ((nodes_a, side_a, side_b), (nodes_b, side_b, side_a)):
            for node, f in zip(nodes, own):
                if link.score < STATUS_SCORE_FLOOR:
                    words = 0.0  # too little shared weight to be near-verbatim: spare the edit distance
                elif one_to_one:
                    words = scorer.words(own, other)
                else:
                    # A merge or split is "altered" however few words changed; a sentence is
                    # still shared when it stands verbatim as one sentence on the other side
                    # (copied beside a neighbour the other outlet lacks, or a repeated standfirst).
                    words = max(scorer.words([f], [g]) for g in other)
                best_score[node] = max(best_score.get(node, 0.0), link.score)
                best_words[node] = max(best_words.get(node, 0.0), words)
        if judge is not None:
            _keep_best_verdict(verdict_of, nodes_a + nodes_b, judge.link_verdict(link))
    ordered = [outlets[k] for k in canonical]
    position = {outlet.id: n for n, outlet in enumerate(outlets)}  # members listed in story order
    finished: dict[str, Outlet] = {}
    group_members: list[list[Member]] = [[] for _ in groups]
    for k, outlet in enumerate(ordered):
        sentences: list[Sentence] = []
        for sentence in outlet.sentences:
            node = (k, sentence.index)
            group = group_of.get(node)
            if group is None:
                sentences.append(_with_status(sentence, Status.UNIQUE, None))
                continue
            status = Status.SHARED if best_words.get(node, 0.0) >= SHARED_SIMILARITY else Status.ALTERED
            sentences.append(_with_status(sentence, status, group))
            member = _object_new(Member)  # Member(outlet=..., sentence=..., score=...) without the frozen __init__
            _set(member, "outlet", outlet.id)
            _set(member, "sentence", sentence.index)
            verdict = verdict_of.get(node)
            if verdict is None:  # no judge: the similarity stands
                _set(member, "score", round(min(1.0, best_score.get(node, 0.0)), 4))
                _set(member, "evidence", ())
            else:
                _set(member, "score", round(verdict.confidence, 4))
                _set(member, "evidence", verdict.evidence)
            group_members[group].append(member)
        finished[outlet.id] = replace(outlet, sentences=tuple(sentences))
    result_groups = tuple(
        Group(id=number, members=tuple(sorted(members, key=lambda m: (position[m.outlet], m.sentence))))
        for number, members in enumerate(group_members)
    )
    return Alignment(outlets=tuple(finished[o.id] for o in outlets), groups=result_groups)


def _keep_best_verdict(verdict_of: dict, nodes, verdict: ev.Verdict) -> None:
    for node in nodes:
        found = verdict_of.get(node)
        if found is None or verdict.confidence > found.confidence:
            verdict_of[node] = verdict


def _with_status(sentence: Sentence, status: Status, group: int | None) -> Sentence:
    """`replace(sentence, status=status, group=group)`, several times faster: replace() walks the
    dataclass's fields and calls __init__ for each of the thousands of sentences of a big story.
    Every field is copied, so a field added to Sentence is carried along."""
    if sentence.status is status and sentence.group == group:
        return sentence  # frozen: the same value may be shared
    copy = object.__new__(Sentence)
    state = copy.__dict__
    state.update(sentence.__dict__)
    state["status"] = status
    state["group"] = group
    return copy


def _language(outlet: Outlet) -> str:
    return (outlet.meta.language or "").split("-")[0].lower()


def align(outlets: Sequence[Outlet], semantic: object | None = None) -> Alignment:
    """Align the sentences of every outlet with every other; return a finished Alignment.

    `semantic`: an embedder (retold.model.semantic's API: `embed(texts)` -> L2-normalised rows),
    or None. It is extra evidence in the order-free phase only, for sentences the lexical pass
    leaves unlinked."""
    from retold.model import coherence, paraphrase

    canonical = sorted(range(len(outlets)), key=lambda n: outlets[n].id)
    ordered = [outlets[n] for n in canonical]
    features = sentence_features(ordered)
    weights = feature_weights(features)
    scorer = Scorer(features, weights)
    texts = [[s.text for s in outlet.sentences] for outlet in ordered]
    vectors = ev.embed_rows(semantic, texts) if semantic is not None else None
    judge = ev.Judge(texts, features, weights, vectors)
    pairs = outlet_pairs(features, scorer)
    candidates = candidate_pairs(features, weights, scorer, pairs)
    links: list[Link] = []
    for a, b in sorted(pairs):
        la, lb = _language(ordered[a]), _language(ordered[b])
        same = not la or not lb or la == lb
        found = pair_links(a, b, features[a], features[b], candidates[(a, b)], scorer, same, judge)
        if vectors is not None:
            found += paraphrase.semantic_pairs(a, b, found, judge, scorer, features, _new_link)
        links += found
    sizes = [len(row) for row in features]
    groups = coherence.coherent(group_links(links, sizes), links, judge, [_language(o) for o in ordered])
    return finish(outlets, canonical, groups, links, features, scorer, judge)
