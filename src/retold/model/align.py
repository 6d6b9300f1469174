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
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz.distance import Indel

from retold.model.normalize import STOPWORDS, strip_dateline, tokens
from retold.model.story import Alignment, Group, Member, Outlet, Sentence, Status

# Thresholds, tuned together on every gold file in sample_corpus/ and the Text+Berg dev document
# (bench/score_gold.py, bench/textberg.py); never on one story.
SHARED_SIMILARITY = 0.84  # word-level similarity for "near-verbatim": about two words changed in twenty
ALTERED_THRESHOLD = 0.40  # an order-free pair below this is not "the same statement"
ANCHOR_THRESHOLD = 0.55  # a confident pair: reciprocal best at least this similar
ANCHOR_CROSS_LANGUAGE = 0.2  # across languages only names, numbers and cognates meet
CONTAINMENT_DISCOUNT = 0.85  # a trimmed sentence wholly inside a longer one scores this
NUMBER_BOOST = 1.5  # numbers and dates survive rewrites and translations
PROBE_FEATURES = 8  # rarest features of a sentence used to find candidates
CANDIDATES_PER_OUTLET = 3  # best candidates kept per sentence and other outlet
PREFIX = 5  # feature = first letters of an accent-stripped word

# The gap programme.
LEXICAL_WEIGHT = 1.0
SKIP_COST = 0.62  # per sentence left out; above half the lexical weight, so a gap is paired rather than skipped
LENGTH_WEIGHT = 0.12
LENGTH_VARIANCE = 6.8  # Gale & Church
MOVES = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 4), (4, 1), (2, 3), (3, 2))
MOVE_PRIOR = {(1, 1): 0.0, (1, 2): 0.25, (2, 1): 0.25, (1, 3): 0.5, (3, 1): 0.5, (2, 2): 0.6,
              (1, 4): 0.75, (4, 1): 0.75, (2, 3): 0.75, (3, 2): 0.75}
ANCHOR_SLACK = 3  # cells the programme may stray from the rectangles between soft anchors
BAND = 30  # cells either side of a big gap's diagonal: keeps the programme near-linear
PARALLEL_MONOTONE = 0.9  # share of confident pairs on the chain for a pair to count as parallel
PARALLEL_CHAIN = 8  # ... with at least this many on the chain
PARALLEL_COVER = 0.5  # ... or covering this share of the shorter text
# Lowest similarity a programme bead needs to become a link: parallel texts in two languages rely
# on length and order; in one language a true counterpart always shares some words.
FLOOR_CROSS_LANGUAGE = 0.0
FLOOR_PARALLEL = 0.12
FLOOR_LOOSE = 0.40
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


@dataclass(frozen=True)
class Features:
    words: tuple[str, ...]  # normalised words, dateline stripped: the near-verbatim test
    feats: frozenset[str]  # informative features: the similarity
    length: int  # characters, for the length model


def text_features(text: str, paragraph_start: bool) -> Features:
    body = strip_dateline(text) if paragraph_start else text  # datelines only open paragraphs
    words = tuple(tokens(body))
    feats = set()
    for word in words:
        for part in word.split("'"):  # French elision: l'évacuation, d'Orlin
            if part:
                feature = _feature(part)
                if feature:
                    feats.add(feature)
    return Features(words=words, feats=frozenset(feats), length=len(body))


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
    sentence_count: dict[str, int] = {}
    outlet_count: dict[str, int] = {}
    for row in features:
        seen: set[str] = set()
        for f in row:
            for feat in f.feats:
                sentence_count[feat] = sentence_count.get(feat, 0) + 1
            seen |= f.feats
        for feat in seen:
            outlet_count[feat] = outlet_count.get(feat, 0) + 1
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

    def mass(self, feats: frozenset[str]) -> float:
        found = self._mass.get(feats)
        if found is None:
            weight = self.weights
            found = self._mass[feats] = sum(weight[f] for f in feats)
        return found

    def pair(self, a: Features, b: Features) -> tuple[float, float]:
        """(score, dice) of two sentences. The score also credits containment: a trimmed
        sentence wholly inside a longer one is the same statement."""
        key = (id(a), id(b))
        found = self._pairs.get(key)
        if found is None:
            found = self._pairs[key] = self._score(a.feats, b.feats, containment=True)
        return found

    def _score(self, fa: frozenset[str], fb: frozenset[str], containment: bool) -> tuple[float, float]:
        shared = fa & fb
        if not shared:
            return 0.0, 0.0
        weight = self.weights
        overlap = sum(weight[f] for f in shared)
        ma, mb = self.mass(fa), self.mass(fb)
        dice = 2 * overlap / (ma + mb)
        score = dice
        # Containment counts only for a sentence with enough informative words (a short line
        # is "contained" in anything) and never for a single shared word.
        if containment and len(shared) >= 3 and min(len(fa), len(fb)) >= 4:
            contained = CONTAINMENT_DISCOUNT * overlap / min(ma, mb)
            if contained > score:
                score = contained
        return score, dice

    def bead(self, a: list[Features], b: list[Features]) -> float:
        if len(a) == 1 and len(b) == 1:
            return self.pair(a[0], b[0])[0]
        fa = frozenset().union(*(f.feats for f in a))
        fb = frozenset().union(*(f.feats for f in b))
        return self._score(fa, fb, containment=False)[0]


def word_similarity(a: Sequence[Features], b: Sequence[Features]) -> float:
    wa = [w for f in a for w in f.words]
    wb = [w for f in b for w in f.words]
    return 1.0 if wa == wb else Indel.normalized_similarity(wa, wb)


# ---------------------------------------------------------------- 3. candidates

def candidate_pairs(features: list[list[Features]], weights: dict[str, float], scorer: Scorer) -> dict[tuple[int, int], dict[tuple[int, int], float]]:
    """For every outlet pair (a < b): {(i, j): score} of the sentences sharing rare features.

    Each sentence probes an inverted index with its rarest features and keeps its best few
    candidates in each other outlet, so cost grows with the text, not with its square."""
    n_outlets = len(features)
    cap = max(8, 4 * n_outlets)
    postings: dict[str, list[tuple[int, int]]] = {}
    for k, row in enumerate(features):
        for i, f in enumerate(row):
            for feat in f.feats:
                postings.setdefault(feat, []).append((k, i))
    result: dict[tuple[int, int], dict[tuple[int, int], float]] = {}
    probes_by_text: dict[int, dict[tuple[int, int], float]] = {}
    for k, row in enumerate(features):
        for i, f in enumerate(row):
            hits = probes_by_text.get(id(f))
            if hits is None:
                ranked = sorted(f.feats, key=lambda feat: (len(postings[feat]), feat))
                probe = [feat for feat in ranked[:PROBE_FEATURES] if len(postings[feat]) <= cap] or ranked[:2]
                hits = {}
                for feat in probe:
                    w = weights[feat]
                    for unit in postings[feat]:
                        hits[unit] = hits.get(unit, 0.0) + w
                probes_by_text[id(f)] = hits
            best: dict[int, list[tuple[float, int]]] = {}
            for (l, j), overlap in hits.items():
                if l != k:
                    best.setdefault(l, []).append((overlap, -j))
            for l, found in best.items():
                found.sort(reverse=True)
                pair_key = (k, l) if k < l else (l, k)
                bucket = result.setdefault(pair_key, {})
                for _overlap, neg_j in found[:CANDIDATES_PER_OUTLET]:
                    j = -neg_j
                    key = (i, j) if k < l else (j, i)
                    if key not in bucket:
                        a, b = (f, features[l][j]) if k < l else (features[l][j], f)
                        bucket[key] = scorer.pair(a, b)[0]
    return result


# ---------------------------------------------------------------- 4. confident pairs

def best_partners(scores: dict[tuple[int, int], float], fa: list[Features], fb: list[Features]) -> tuple[dict[int, tuple[int, float]], dict[int, tuple[int, float]]]:
    """Each sentence's best candidate on the other side: by score, then word similarity,
    then closeness of relative position, then index."""
    na, nb = max(1, len(fa) - 1), max(1, len(fb) - 1)
    best_a: dict[int, tuple[tuple, int, float]] = {}
    best_b: dict[int, tuple[tuple, int, float]] = {}
    for (i, j), score in scores.items():
        if score <= 0.0:
            continue
        rank = (round(score, 6), word_similarity([fa[i]], [fb[j]]), -abs(i / na - j / nb))
        if i not in best_a or (rank, -j) > (best_a[i][0], -best_a[i][1]):
            best_a[i] = (rank, j, score)
        if j not in best_b or (rank, -i) > (best_b[j][0], -best_b[j][1]):
            best_b[j] = (rank, i, score)
    return ({i: (j, s) for i, (_r, j, s) in best_a.items()}, {j: (i, s) for j, (_r, i, s) in best_b.items()})


def confident_pairs(best_a, best_b, fa: list[Features], fb: list[Features], scorer: Scorer, bar: float = ANCHOR_THRESHOLD) -> list[tuple[int, int, float]]:
    """Reciprocal best pairs above the anchor bar, guarded: enough informative words on both
    sides, and a plausible length ratio (a short line is not anchored inside a long one)."""
    anchors = []
    for i, (j, score) in best_a.items():
        if score < bar or best_b.get(j, (None,))[0] != i:
            continue
        a, b = fa[i], fb[j]
        if min(len(a.feats), len(b.feats)) < 2 or len(a.feats & b.feats) < 2:
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


def gap_programme(fa: list[Features], fb: list[Features], rows: range, cols: range, scorer: Scorer, ratio: float, soft: Sequence[tuple[int, int]] = ()) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Monotone alignment of fa[rows] with fb[cols]: beads (rows, cols, similarity), skips left out.

    `soft` anchors (absolute indices) guide, never bind: the programme searches the rectangles
    between consecutive anchors widened by ANCHOR_SLACK, so it may still merge an anchor with a
    neighbour or move past a wrong one; without anchors a big gap is banded around its diagonal.
    Either way the cost stays near-linear."""
    n, m = len(rows), len(cols)
    if n == 0 or m == 0:
        return []
    r0, c0 = rows.start, cols.start
    lo = [0] * (n + 1)
    hi = [m] * (n + 1)
    points = [(0, 0)]
    for i, j in soft:
        points += [(i - r0, j - c0), (i - r0 + 1, j - c0 + 1)]
    points.append((n, m))
    if len(points) > 2:
        lo, hi = [m] * (n + 1), [0] * (n + 1)
        for (ia, ja), (ib, jb) in zip(points, points[1:]):
            for i in range(max(0, ia - ANCHOR_SLACK), min(n, ib + ANCHOR_SLACK) + 1):
                lo[i] = min(lo[i], max(0, ja - ANCHOR_SLACK))
                hi[i] = max(hi[i], min(m, jb + ANCHOR_SLACK))
    elif n * m > 4 * BAND * BAND:
        for i in range(n + 1):
            centre = i * m // n
            lo[i], hi[i] = max(0, centre - BAND), min(m, centre + BAND)

    inf = float("inf")
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int, float]] = {}
    for i in range(n + 1):
        for j in range(lo[i], hi[i] + 1):
            if i == 0 and j == 0:
                continue
            best, choice = inf, None
            if i and (i - 1, j) in cost:
                c = cost[(i - 1, j)] + SKIP_COST
                if c < best:
                    best, choice = c, (1, 0, 0.0)
            if j and (i, j - 1) in cost:
                c = cost[(i, j - 1)] + SKIP_COST
                if c < best:
                    best, choice = c, (0, 1, 0.0)
            for di, dj in MOVES:
                if di > i or dj > j:
                    continue
                start = cost.get((i - di, j - dj))
                if start is None:
                    continue
                a = fa[r0 + i - di:r0 + i]
                b = fb[c0 + j - dj:c0 + j]
                sim = scorer.bead(a, b)
                c = (
                    start
                    + LEXICAL_WEIGHT * (1.0 - sim) * (di + dj) / 2
                    + LENGTH_WEIGHT * _length_cost(sum(f.length for f in a), sum(f.length for f in b), ratio)
                    + MOVE_PRIOR[(di, dj)]
                )
                if c < best:
                    best, choice = c, (di, dj, sim)
            if choice is not None:
                cost[(i, j)] = best
                back[(i, j)] = choice
    beads = []
    i, j = n, m
    while (i, j) != (0, 0):
        di, dj, sim = back[(i, j)]
        if di and dj:
            beads.append((tuple(range(r0 + i - di, r0 + i)), tuple(range(c0 + j - dj, c0 + j)), sim))
        i, j = i - di, j - dj
    return beads[::-1]


def _each_part_shares(fa: list[Features], fb: list[Features], rows: tuple[int, ...], cols: tuple[int, ...]) -> bool:
    union_a = frozenset().union(*(fa[i].feats for i in rows))
    union_b = frozenset().union(*(fb[j].feats for j in cols))
    return all(fa[i].feats & union_b for i in rows) and all(fb[j].feats & union_a for j in cols)


TRIM_MARGIN = 0.02


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


def pair_links(a: int, b: int, fa: list[Features], fb: list[Features], scores: dict[tuple[int, int], float], scorer: Scorer, same_language: bool) -> list[Link]:
    """Every link between outlets a and b (a < b in canonical order)."""
    if not fa or not fb:
        return []
    best_a, best_b = best_partners(scores, fa, fb)
    anchors = confident_pairs(best_a, best_b, fa, fb, scorer, ANCHOR_THRESHOLD if same_language else ANCHOR_CROSS_LANGUAGE)
    chain = increasing_chain(anchors)
    # Parallel: the confident pairs keep their order, and there are enough of them to say so
    # (a handful in order proves little), or they cover most of the shorter text.
    parallel = len(chain) >= PARALLEL_MONOTONE * len(anchors) and (
        len(chain) >= PARALLEL_CHAIN or (len(chain) >= 3 and len(chain) >= PARALLEL_COVER * min(len(fa), len(fb)))
    )
    if parallel:
        floor = FLOOR_PARALLEL if same_language else FLOOR_CROSS_LANGUAGE
    else:
        floor = FLOOR_LOOSE
    ratio = (sum(f.length for f in fb) / max(1, sum(f.length for f in fa))) if parallel else 1.0
    # An anchor is fixed when its neighbours on both sides are anchors too (or the text's
    # ends): nothing there for the programme to decide. Every other anchor is soft: the
    # programme may fold it into a merge or overrule it.
    on_chain = [(-1, -1, 1.0)] + chain + [(len(fa), len(fb), 1.0)]
    fixed = [on_chain[0]]
    for n in range(1, len(on_chain) - 1):
        before, here, after = on_chain[n - 1], on_chain[n], on_chain[n + 1]
        if before[0] == here[0] - 1 and before[1] == here[1] - 1 and after[0] == here[0] + 1 and after[1] == here[1] + 1:
            fixed.append(here)
    fixed.append(on_chain[-1])
    links: list[Link] = []
    linked_a: set[int] = set()
    linked_b: set[int] = set()
    for i, j, score in fixed[1:-1]:
        links.append(Link(score, a, (i,), b, (j,)))
        linked_a.add(i)
        linked_b.add(j)
    for (i0, j0, _s0), (i1, j1, _s1) in zip(fixed, fixed[1:]):
        rows, cols = range(i0 + 1, i1), range(j0 + 1, j1)
        soft = [(i, j) for i, j, _s in chain if i in rows and j in cols]
        for bead_rows, bead_cols, sim in gap_programme(fa, fb, rows, cols, scorer, ratio, soft):
            bead_rows, bead_cols, sim = _trim(fa, fb, bead_rows, bead_cols, sim, scorer)
            if sim < floor or (sim <= 0.0 and same_language):
                continue
            if not parallel and len(bead_rows) + len(bead_cols) > 2:
                if sim < FLOOR_MERGE or not _each_part_shares(fa, fb, bead_rows, bead_cols):
                    continue
                if len(bead_rows) > 1 and len(bead_cols) > 1 and _crossed(fa, fb, bead_rows, bead_cols, scorer):
                    continue  # two statements swapped, not one statement re-cut: order-free pairs decide
            links.append(Link(sim, a, bead_rows, b, bead_cols))
            linked_a.update(bead_rows)
            linked_b.update(bead_cols)
    # Order-free pairs: a moved paragraph is off the chain but still the same statement.
    for i, (j, score) in sorted(best_a.items()):
        if score >= ALTERED_THRESHOLD and best_b.get(j, (None,))[0] == i and i not in linked_a and j not in linked_b:
            links.append(Link(score, a, (i,), b, (j,)))
            linked_a.add(i)
            linked_b.add(j)
    return links


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

    ordered = sorted(links, key=lambda link: (-link.score, link.outlet_a, link.rows, link.outlet_b, link.cols))
    for link in ordered:
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

def finish(outlets: Sequence[Outlet], canonical: list[int], groups: list[list[tuple[int, int]]], links: list[Link], features: list[list[Features]]) -> Alignment:
    group_of: dict[tuple[int, int], int] = {}
    for number, members in enumerate(groups):
        for node in members:
            group_of[node] = number
    best_score: dict[tuple[int, int], float] = {}
    best_words: dict[tuple[int, int], float] = {}
    for link in links:
        nodes_a = [(link.outlet_a, i) for i in link.rows]
        nodes_b = [(link.outlet_b, j) for j in link.cols]
        group = group_of.get(nodes_a[0])
        if group is None or any(group_of.get(node) != group for node in nodes_a + nodes_b):
            continue  # a refused link says nothing about the group
        side_a = [features[link.outlet_a][i] for i in link.rows]
        side_b = [features[link.outlet_b][j] for j in link.cols]
        whole = word_similarity(side_a, side_b)
        for nodes, own, other in ((nodes_a, side_a, side_b), (nodes_b, side_b, side_a)):
            for node, f in zip(nodes, own):
                # A sentence copied whole beside a neighbour the other outlet lacks is still a copy.
                words = whole if len(own) == 1 else max(whole, word_similarity([f], other))
                best_score[node] = max(best_score.get(node, 0.0), link.score)
                best_words[node] = max(best_words.get(node, 0.0), words)
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
                sentences.append(replace(sentence, status=Status.UNIQUE, group=None))
                continue
            status = Status.SHARED if best_words.get(node, 0.0) >= SHARED_SIMILARITY else Status.ALTERED
            sentences.append(replace(sentence, status=status, group=group))
            group_members[group].append(Member(outlet=outlet.id, sentence=sentence.index, score=round(min(1.0, best_score.get(node, 0.0)), 4)))
        finished[outlet.id] = replace(outlet, sentences=tuple(sentences))
    result_groups = tuple(
        Group(id=number, members=tuple(sorted(members, key=lambda m: (position[m.outlet], m.sentence))))
        for number, members in enumerate(group_members)
    )
    return Alignment(outlets=tuple(finished[o.id] for o in outlets), groups=result_groups)


def _language(outlet: Outlet) -> str:
    return (outlet.meta.language or "").split("-")[0].lower()


def align(outlets: Sequence[Outlet]) -> Alignment:
    """Align the sentences of every outlet with every other; return a finished Alignment."""
    canonical = sorted(range(len(outlets)), key=lambda n: outlets[n].id)
    ordered = [outlets[n] for n in canonical]
    features = sentence_features(ordered)
    weights = feature_weights(features)
    scorer = Scorer(features, weights)
    candidates = candidate_pairs(features, weights, scorer)
    links: list[Link] = []
    for a in range(len(ordered)):
        for b in range(a + 1, len(ordered)):
            la, lb = _language(ordered[a]), _language(ordered[b])
            same = not la or not lb or la == lb
            links += pair_links(a, b, features[a], features[b], candidates.get((a, b), {}), scorer, same)
    groups = group_links(links, [len(row) for row in features])
    return finish(outlets, canonical, groups, links, features)
