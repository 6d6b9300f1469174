"""Phase 5b: the gap programme — a banded monotone dynamic programme over the sentences between
two confident pairs.

Moves go up to 1:4/4:1 and 2:3/3:2; a bead costs its missing lexical overlap (scaled by its
size), a Gale–Church length cost and a prior by shape; a sentence left out costs a skip (nothing
when it is linked elsewhere). Three steps: `band_limits` (which cells of the table are searched),
`fill` (the cheapest way to reach each) and `traceback` (the beads on the cheapest path).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from retold.model.align.params import (
    ANCHOR_SLACK,
    BAND,
    END_MISMATCH,
    LENGTH_VARIANCE,
    LENGTH_WEIGHT,
    LEXICAL_WEIGHT,
    MAX_CELLS,
    MOVE_PRIOR,
    MOVES,
    SKIP_COST,
)
from retold.model.align.records import Features, PairSides

Bead = tuple[tuple[int, ...], tuple[int, ...], float]  # (rows, cols, similarity), absolute indices
Back = tuple[int, int, float]  # the move (rows, cols) that reached a cell, and its bead's similarity
INF = float("inf")


def length_cost(la: int, lb: int, ratio: float) -> float:
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


def band_limits(n: int, m: int, r0: int, c0: int, soft: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The columns lo[i]..hi[i] searched in each row i of an n × m gap starting at (r0, c0).

    `soft` anchors (absolute indices) guide, never bind: the programme searches the rectangles
    between consecutive anchors widened by ANCHOR_SLACK, so it may still merge an anchor with a
    neighbour or move past a wrong one; without anchors a big gap is banded around its diagonal.
    Either way the cost stays near-linear."""
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
    _connect(lo, hi, m)
    return lo, hi


def _connect(lo: list[int], hi: list[int], m: int) -> None:
    """Widen the band where it breaks, so the end cell is always reached.

    A skip moves one cell down or right, a bead at most four: when a band around a steep
    diagonal (two sentences beside three thousand, 1500 columns a row) is narrower than its
    slope, row i's cells start right of row i-1's last one, nothing reaches them and the
    programme has no path. Row i must overlap the cells of row i-1 that can be reached (from
    `first`, the furthest start so far, to hi[i-1]): its band is stretched to meet them, which
    leaves every band that was whole as it was."""
    lo[0], hi[-1] = 0, m
    first = 0  # cells first..hi[i] of row i are reachable (down from the row above, then right)
    for i in range(1, len(lo)):
        if lo[i] > hi[i - 1]:
            lo[i] = hi[i - 1]
        if hi[i] < first:
            hi[i] = first
        if hi[i] < lo[i]:
            hi[i] = lo[i]
        first = max(first, lo[i])


class _Table:
    """The programme's table and what filling it reads. The cells of row i are lo[i]..hi[i]: a
    flat list per row (INF: not reached), not a dict keyed by cell. Per row (and column), in one
    pass: what skipping its sentence costs (nothing when it is linked elsewhere: a moved
    paragraph is passed over for free), the unblocked sentences in a row ending there, the
    text's length so far, and whether the sentence ends one. A bead may not take in a blocked
    sentence, so a move (di, dj) is open exactly when di <= free_rows[i] and dj <= free_cols[j]:
    where most sentences are linked elsewhere (moved paragraphs), most cells skip the moves."""

    def __init__(self, sides: PairSides, rows: range, cols: range, lo: list[int], hi: list[int], ratio: float, soft: Sequence[tuple[int, int]], skip: float, bonus: float):
        self.fa, self.fb, self.bead = sides.fa, sides.fb, sides.scorer.bead
        self.r0, self.c0, self.lo, self.hi, self.ratio, self.bonus = rows.start, cols.start, lo, hi, ratio, bonus
        self.row_skip, self.free_rows, self.length_rows, self.ends_a = _side_runs(sides.fa, rows, sides.linked_a, skip)
        self.col_skip, self.free_cols, self.length_cols, self.ends_b = _side_runs(sides.fb, cols, sides.linked_b, skip)
        self.anchor_col = {i - rows.start: j - cols.start for i, j in soft} if bonus else {}
        self.moves = [(di, dj, di + dj, MOVE_PRIOR[(di, dj)]) for di, dj in MOVES]
        self.costs: list[list[float]] = []
        self.backs: list[list[Back | None]] = []


def fill(table: _Table, n: int) -> None:
    """The cheapest cost of reaching every searched cell, row by row, and the move that reached it."""
    for i in range(n + 1):
        _fill_row(table, i)


def _fill_row(t: _Table, i: int) -> None:
    # The arithmetic is the programme's as written, term for term, so every cost (and every
    # tie) comes out as before; the names are bound locally: this is the innermost loop.
    lo, hi, costs = t.lo, t.hi, t.costs
    lo_i, hi_i = lo[i], hi[i]
    row = [INF] * max(0, hi_i - lo_i + 1)
    back_row: list[Back | None] = [None] * len(row)
    costs.append(row)
    t.backs.append(back_row)
    if i:
        above, above_lo, above_hi, down = costs[i - 1], lo[i - 1], hi[i - 1], t.row_skip[i]
    else:
        row[0] = 0.0  # the start (lo[0] is 0 in every band)
    free_i, free_cols, col_skip, ends_b = t.free_rows[i], t.free_cols, t.col_skip, t.ends_b
    a_end = t.ends_a[i - 1] if i else True
    fa, fb, r0, c0, ratio, bead_similarity = t.fa, t.fb, t.r0, t.c0, t.ratio, t.bead
    length_rows, length_cols, anchor_col, bonus = t.length_rows, t.length_cols, t.anchor_col, t.bonus
    log, erfc, sqrt, sqrt_half = math.log, math.erfc, math.sqrt, math.sqrt(0.5)
    lexical, length_weight, end_mismatch, variance = LEXICAL_WEIGHT, LENGTH_WEIGHT, END_MISMATCH, LENGTH_VARIANCE
    for j in range(max(lo_i, 0 if i else 1), hi_i + 1):
        best, choice = INF, None
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
            for di, dj, size, prior in t.moves:
                if di > free_i or dj > free_j:
                    continue  # past the text's start or over a blocked sentence
                i2, j2 = i - di, j - dj
                lo2 = lo[i2]
                if j2 < lo2 or j2 > hi[i2]:
                    continue
                start = costs[i2][j2 - lo2]
                if start == INF:
                    continue
                sim = bead_similarity(fa[r0 + i2:r0 + i], fb[c0 + j2:c0 + j])
                # length_cost, inlined.
                la = (length_rows[i] - length_rows[i2]) * ratio
                lb = length_cols[j] - length_cols[j2]
                delta = abs(la - lb) / sqrt(variance * (la + lb) / 2) if la + lb else 0.0
                c = start + lexical * (1.0 - sim) * size / 2 - length_weight * log(max(erfc(delta * sqrt_half), 1e-12)) + prior
                if mismatch:
                    c += end_mismatch  # a sentence's counterpart ends a sentence too, a label's does not
                if anchor_col and _keeps_anchor(anchor_col, i2, i, j2, j):
                    c -= bonus  # the bead keeps a confident pair together
                if c < best:
                    best, choice = c, (di, dj, sim)
        if choice is not None:
            row[j - lo_i] = best
            back_row[j - lo_i] = choice


def _keeps_anchor(anchor_col: dict[int, int], i2: int, i: int, j2: int, j: int) -> bool:
    for anchor_row in range(i2, i):
        col = anchor_col.get(anchor_row)
        if col is not None and j2 <= col < j:
            return True
    return False


def traceback(table: _Table, n: int, m: int) -> list[Bead]:
    """The beads on the cheapest path from (n, m) back to (0, 0), in text order (skips left out)."""
    backs, lo, r0, c0 = table.backs, table.lo, table.r0, table.c0
    beads = []
    i, j = n, m
    while (i, j) != (0, 0):
        di, dj, sim = backs[i][j - lo[i]]
        if di and dj:
            beads.append((tuple(range(r0 + i - di, r0 + i)), tuple(range(c0 + j - dj, c0 + j)), sim))
        i, j = i - di, j - dj
    return beads[::-1]


def gap_programme(sides: PairSides, rows: range, cols: range, ratio: float, soft: Sequence[tuple[int, int]] = (), skip: float = SKIP_COST, bonus: float = 0.0) -> list[Bead]:
    """Monotone alignment of fa[rows] with fb[cols]: beads (rows, cols, similarity), skips left
    out. Sentences in sides.linked_a / linked_b are never taken into a bead."""
    n, m = len(rows), len(cols)
    if n == 0 or m == 0:
        return []
    r0, c0 = rows.start, cols.start
    if n == 1 and m == 1 and not soft:
        # One sentence on each side (the common gap between copies): pair them or leave both out.
        if r0 in sides.linked_a or c0 in sides.linked_b:
            return []
        a, b = sides.fa[r0], sides.fb[c0]
        sim = sides.scorer.bead([a], [b])
        cost = LEXICAL_WEIGHT * (1.0 - sim) + LENGTH_WEIGHT * length_cost(a.length, b.length, ratio)
        return [((r0,), (c0,), sim)] if cost < 2 * skip else []
    if all(i in sides.linked_a for i in rows) or all(j in sides.linked_b for j in cols):
        return []  # every bead would take in a sentence linked elsewhere: only skips (a fifth of a big story's gaps)
    lo, hi = band_limits(n, m, r0, c0, soft)
    table = _Table(sides, rows, cols, lo, hi, ratio, soft, skip, bonus)
    fill(table, n)
    return traceback(table, n, m)
