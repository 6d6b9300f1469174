"""Phase 4: confident pairs (reciprocal best candidates above a high bar), the longest chain of
them in order, and whether an outlet pair is parallel (tells the same sentences in the same order).
"""

from __future__ import annotations

from bisect import bisect_left

from retold.model.align.lengths import length_alignment, length_order_ratio, share_on_path
from retold.model.align.params import (
    ALTERED_THRESHOLD,
    ANCHOR_THRESHOLD,
    LENGTH_ORDER_ALONE,
    LENGTH_ORDER_ANCHORS,
    LENGTH_ORDER_LEAST,
    LENGTH_ORDER_ON_PATH,
    LENGTH_ORDER_PARALLEL,
    LENGTH_ORDER_SIZE,
    MOVED_NEAR,
    PARALLEL_CHAIN,
    PARALLEL_COVER,
    PARALLEL_MONOTONE,
    TRANSLATION_ANCHORS,
    TRANSLATION_COUNT,
    TRANSLATION_LENGTH,
    TRANSLATION_PLACE,
)
from retold.model.align.records import Features
from retold.model.align.scoring import Scorer

Anchor = tuple[int, int, float]  # (row, col, score)


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


def mutual_pairs(best_a, best_b) -> dict[tuple[str, int], int]:
    """Each sentence's reciprocal best partner at least ALTERED_THRESHOLD alike, keyed by
    ("a", row) and ("b", col): where the words place it, whatever the order."""
    mutual: dict[tuple[str, int], int] = {}
    for i, (j, score) in best_a.items():
        if score >= ALTERED_THRESHOLD and best_b.get(j, (None,))[0] == i:
            mutual[("a", i)], mutual[("b", j)] = j, i
    return mutual


def placed_elsewhere(rows: tuple[int, ...], cols: tuple[int, ...], mutual: dict[tuple[str, int], int]) -> bool:
    """A sentence of the bead has a reciprocal best partner outside it: a retelling moved that
    statement (a lead that opens with what the original says third), and the sentence in its
    place is another statement. Place alone must not pair it there. Only a partner near the
    bead (MOVED_NEAR sentences): one far off is a name or phrase the text repeats (a long
    translation's best "partner" two hundred sentences away), not a moved statement."""
    def moved(partner: int | None, span: tuple[int, ...]) -> bool:
        return partner is not None and partner not in span and min(abs(partner - span[0]), abs(partner - span[-1])) <= MOVED_NEAR

    return any(moved(mutual.get(("a", i)), cols) for i in rows) or any(moved(mutual.get(("b", j)), rows) for j in cols)


def swapped_inside(rows: tuple[int, ...], cols: tuple[int, ...], mutual: dict[tuple[str, int], int]) -> bool:
    """Two reciprocal best pairs inside a many-to-many bead run against each other (rows 0, 1
    with cols 2, 1): the bead swaps two statements rather than re-cutting one. A retelling's lead
    that opens with the original's third statement would otherwise take the original's lead and
    second sentence with it."""
    if len(rows) < 2 or len(cols) < 2:
        return False
    inside = sorted((i, mutual[("a", i)]) for i in rows if mutual.get(("a", i)) in cols)
    if any(j1 > j2 for (_i1, j1), (_i2, j2) in zip(inside, inside[1:])):
        return True
    # One such pair at opposite corners (the first row with the last col, or the last row with
    # the first col): whatever the rest pairs with runs against it.
    return any((i, j) in ((rows[0], cols[-1]), (rows[-1], cols[0])) for i, j in inside)


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


def translation_shaped(chain: list[tuple[int, int, float]], fa: list[Features], fb: list[Features]) -> bool:
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


def parallel_basis(chain: list[Anchor], anchors: list[Anchor], fa: list[Features], fb: list[Features], same_language: bool) -> str:
    """Why the pair counts as parallel (tells the same sentences in the same order), or "" when
    it does not: "anchors" — the confident pairs keep their order, and there are enough of them to
    say so (a handful in order proves little), or they cover most of the shorter text;
    "translation" — across languages, the two texts are shaped like a translation and its
    original; "lengths" — few confident pairs, but the sentence lengths follow each other in order
    (a translation's rhythm, `lengths.length_order_ratio`) and the confident pairs there are sit
    on the alignment the lengths alone give: two independent signals agree."""
    if len(chain) < PARALLEL_MONOTONE * len(anchors):
        return ""
    if len(chain) >= PARALLEL_CHAIN or (len(chain) >= 3 and len(chain) >= PARALLEL_COVER * min(len(fa), len(fb))):
        return "anchors"
    if not same_language and translation_shaped(chain, fa, fb):
        return "translation"
    # Across languages a translation may share not one name or number with its original: then
    # the rhythm alone must be clearer. In one language a true counterpart always shares words.
    alone = not chain and not same_language
    if (len(chain) >= LENGTH_ORDER_ANCHORS or alone) and min(len(fa), len(fb)) >= max(LENGTH_ORDER_LEAST, LENGTH_ORDER_SIZE * max(len(fa), len(fb))):
        la, lb = [f.length for f in fa], [f.length for f in fb]
        bar = LENGTH_ORDER_ALONE if alone else LENGTH_ORDER_PARALLEL
        if min(sum(la), sum(lb)) >= LENGTH_ORDER_SIZE * max(sum(la), sum(lb)) and length_order_ratio(la, lb) <= bar:
            if alone:
                return "lengths"
            _cost, beads = length_alignment(la, lb, path=True)
            if share_on_path([(i, j) for i, j, _s in chain], beads) >= LENGTH_ORDER_ON_PATH:
                return "lengths"
    return ""


def is_parallel(chain: list[Anchor], anchors: list[Anchor], fa: list[Features], fb: list[Features], same_language: bool) -> bool:
    return bool(parallel_basis(chain, anchors, fa, fb, same_language))
