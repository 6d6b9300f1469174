"""Whether two texts are parallel by their sentence lengths: a translation keeps the rhythm of
its original, long sentence for long sentence, in the same order.

A Gale–Church programme (lengths only) aligns the two sides; its cost per sentence is compared
with the cost of aligning the same sentences after shuffling one side. When order carries no
information (two retellings of a story, whose sentences only share a length distribution) the
shuffled sides align about as cheaply as the real ones; a translation aligns far more cheaply in
its own order. The ratio of the two costs is the evidence: length + order, not position alone.
"""

from __future__ import annotations

import math
import random

from retold.model.align.gaps import band_limits
from retold.model.align.params import LENGTH_ORDER_PARALLEL, LENGTH_ORDER_SAMPLE, LENGTH_ORDER_SHUFFLES, LENGTH_VARIANCE

# Gale & Church's bead priors, as costs: 1:1 0.89, 2:1 and 1:2 0.089 each, 1:0 and 0:1 0.0099 each.
_MOVES = ((1, 1, -math.log(0.89)), (1, 2, -math.log(0.089)), (2, 1, -math.log(0.089)),
          (1, 0, -math.log(0.0099)), (0, 1, -math.log(0.0099)))


def _bead_cost(la: float, lb: float) -> float:
    if la + lb == 0:
        return 0.0
    delta = abs(la - lb) / math.sqrt(LENGTH_VARIANCE * (la + lb) / 2)
    return -math.log(max(math.erfc(delta / math.sqrt(2)), 1e-300))


def length_delta(la: float, lb: float) -> float:
    """How many standard deviations apart two lengths are (Gale & Church's δ, unsigned)."""
    return abs(la - lb) / math.sqrt(LENGTH_VARIANCE * (la + lb) / 2) if la + lb else 0.0


def length_alignment(a: list[int], b: list[int], path: bool = False, ratio: float | None = None) -> tuple[float, list[tuple[range, range]]]:
    """The cheapest length-only alignment of a with b: its cost per sentence, and (with `path`)
    its beads (rows, cols), 1:0 and 0:1 ones included. Side a's lengths are scaled by `ratio`
    (characters of b per character of a), by default so that the totals are equal; a part of a
    text is scaled by the whole's ratio (its own totals may differ by an inserted caption)."""
    n, m = len(a), len(b)
    if n == 0 or m == 0:
        return 0.0, []
    if ratio is None:
        ratio = sum(b) / max(1, sum(a))
    prefix_a, prefix_b = [0.0], [0]
    for length in a:
        prefix_a.append(prefix_a[-1] + length * ratio)
    for length in b:
        prefix_b.append(prefix_b[-1] + length)
    lo, hi = band_limits(n, m, 0, 0, ())  # connected: the end cell is always reached
    inf = float("inf")
    # _bead_cost, inlined with its constants: this loop runs nine times per pair tested.
    log, erfc, sqrt, half_variance, root_half = math.log, math.erfc, math.sqrt, LENGTH_VARIANCE / 2, math.sqrt(0.5)
    costs: list[list[float]] = []
    backs: list[list[tuple[int, int]]] = []
    for i in range(n + 1):
        row, back = [inf] * (hi[i] - lo[i] + 1), [(0, 0)] * (hi[i] - lo[i] + 1)
        costs.append(row)
        backs.append(back)
        pa = prefix_a[i]
        for j in range(lo[i], hi[i] + 1):
            best, choice = (0.0 if i == 0 and j == 0 else inf), (0, 0)
            pb = prefix_b[j]
            for di, dj, prior in _MOVES:
                i2, j2 = i - di, j - dj
                if i2 < 0 or j2 < lo[i2] or j2 > hi[i2]:
                    continue
                start = costs[i2][j2 - lo[i2]]
                if start < inf:
                    la, lb = pa - prefix_a[i2], pb - prefix_b[j2]
                    delta = abs(la - lb) / sqrt(half_variance * (la + lb)) if la + lb else 0.0
                    c = start + prior - log(max(erfc(delta * root_half), 1e-300))
                    if c < best:
                        best, choice = c, (di, dj)
            row[j - lo[i]], back[j - lo[i]] = best, choice
    beads = []
    i, j = n, m
    while path and (i, j) != (0, 0):
        di, dj = backs[i][j - lo[i]]
        beads.append((range(i - di, i), range(j - dj, j)))
        i, j = i - di, j - dj
    return costs[n][m - lo[n]] / (n + m), beads[::-1]


def length_alignment_cost(a: list[int], b: list[int]) -> float:
    return length_alignment(a, b)[0]


def share_on_path(pairs: list[tuple[int, int]], beads: list[tuple[range, range]], slack: int = 1) -> float:
    """Share of the sentence pairs (i, j) that the length alignment puts together, or within
    `slack` sentences of a bead that does."""
    if not pairs:
        return 0.0
    col_of: dict[int, range] = {}
    for rows, cols in beads:
        for i in rows:
            col_of[i] = cols
    hits = 0
    for i, j in pairs:
        near = [col_of[k] for k in range(i - slack, i + slack + 1) if k in col_of and col_of[k]]
        if any(c.start - slack <= j < c.stop + slack for c in near):
            hits += 1
    return hits / len(pairs)


def length_order_ratio(a: list[int], b: list[int], exact: bool = False) -> float:
    """Cost of the length alignment in the texts' own order over the median cost with one side
    shuffled (deterministic shuffles): well under 1 when the order of the lengths matches, about
    1 when it does not. Unless `exact`, the shuffles stop as soon as the answer to "at most
    LENGTH_ORDER_PARALLEL?" is no, and 1.0 is returned. Long texts are judged on their first LENGTH_ORDER_SAMPLE sentences (and
    the matching share of the other side): the rhythm shows there as well as anywhere."""
    if len(a) > LENGTH_ORDER_SAMPLE:
        b = b[:max(1, round(len(b) * LENGTH_ORDER_SAMPLE / len(a)))]
        a = a[:LENGTH_ORDER_SAMPLE]
    if len(b) > LENGTH_ORDER_SAMPLE:
        a = a[:max(1, round(len(a) * LENGTH_ORDER_SAMPLE / len(b)))]
        b = b[:LENGTH_ORDER_SAMPLE]
    own = length_alignment_cost(a, b)
    rng = random.Random(len(a) * 100_003 + len(b))
    shuffled = []
    for _ in range(LENGTH_ORDER_SHUFFLES):
        other = list(b)
        rng.shuffle(other)
        shuffled.append(length_alignment_cost(a, other))
        if not exact and sum(cost * LENGTH_ORDER_PARALLEL < own for cost in shuffled) > LENGTH_ORDER_SHUFFLES // 2:
            # (LENGTH_ORDER_PARALLEL is the loosest bar any caller uses)
            return 1.0  # most shuffles already align about as well: no order in the lengths (the answer cannot change)
    shuffled.sort()
    middle = len(shuffled) // 2
    typical = (shuffled[middle - 1] + shuffled[middle]) / 2 if len(shuffled) % 2 == 0 else shuffled[middle]
    return own / typical if typical > 0 else 1.0
