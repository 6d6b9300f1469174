"""A plain Gale–Church aligner: the length-only reference retold's translation pairs must not fall below.

As in the Text+Berg README (and Gale & Church 1993): character lengths, mean ratio 1, variance
6.8, bead priors 1:1 0.89, 2:1 and 1:2 0.089 each, 1:0 and 0:1 0.0099 each; the cost of a bead is
−log prior − log(2(1 − Φ(|δ|))) with δ = (l₁ − l₂) / √(6.8 · (l₁ + l₂) / 2). A full dynamic
programme over every cell (no band): it is a reference, not a product.

    from gale_church import align_lengths
    beads = align_lengths([len(s) for s in source], [len(t) for t in target])

`confidence` says how sure the programme is of its path: the share of its beads whose length
cost alone is low (|δ| under 1, the lengths agree within one standard deviation).
"""

from __future__ import annotations

import math

VARIANCE = 6.8
PRIORS = {(1, 1): 0.89, (2, 1): 0.089, (1, 2): 0.089, (1, 0): 0.0099, (0, 1): 0.0099}
MOVE_COST = {move: -math.log(p) for move, p in PRIORS.items()}


def delta(l1: int, l2: int) -> float:
    if l1 + l2 == 0:
        return 0.0
    return (l1 - l2) / math.sqrt(VARIANCE * (l1 + l2) / 2)


def bead_cost(l1: int, l2: int) -> float:
    d = abs(delta(l1, l2))
    return -math.log(max(math.erfc(d / math.sqrt(2)), 1e-300))  # 2(1 − Φ(|δ|)) = erfc(|δ|/√2)


def align_lengths(source: list[int], target: list[int]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The cheapest monotone alignment by lengths alone: beads (source indices, target indices),
    1:0 and 0:1 beads included."""
    n, m = len(source), len(target)
    prefix_s, prefix_t = [0], [0]
    for length in source:
        prefix_s.append(prefix_s[-1] + length)
    for length in target:
        prefix_t.append(prefix_t[-1] + length)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        row = cost[i]
        for j in range(m + 1):
            best, choice = row[j], back[i][j]
            for (di, dj), prior in MOVE_COST.items():
                i2, j2 = i - di, j - dj
                if i2 < 0 or j2 < 0 or cost[i2][j2] == inf:
                    continue
                c = cost[i2][j2] + prior + bead_cost(prefix_s[i] - prefix_s[i2], prefix_t[j] - prefix_t[j2])
                if c < best:
                    best, choice = c, (di, dj)
            row[j], back[i][j] = best, choice
    beads = []
    i, j = n, m
    while (i, j) != (0, 0):
        di, dj = back[i][j]
        beads.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    return beads[::-1]


def confidence(beads, source: list[int], target: list[int]) -> float:
    """Share of the 1:1, 1:2 and 2:1 beads whose lengths agree within one standard deviation."""
    paired = [(s, t) for s, t in beads if s and t]
    if not paired:
        return 0.0
    agree = sum(abs(delta(sum(source[i] for i in s), sum(target[j] for j in t))) < 1.0 for s, t in paired)
    return agree / len(paired)
