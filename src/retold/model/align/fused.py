"""Programme beads that are several statements side by side, not one statement re-cut.

The gap programme may take two neighbouring sentences of each text as one 2:2 bead when that
scores a little better than two 1:1 beads (the shared words of both pairs pooled). Kept whole,
the bead makes one group of two statements: a company's denial and a minister's inquiry that
follow each other in two reports were shown as one statement, "sure". Where the bead's
sentences pair one for one in order, each pair the same statement by its own words, and no
sentence shares anything with the other's partner (a sentence re-cut across the border does:
the words that moved, as in a translation's 2:2 beads), its 1:1 beads are kept instead.
"""

from __future__ import annotations

from retold.model.align.gaps import Bead
from retold.model.align.params import ALTERED_THRESHOLD, FUSED_APART
from retold.model.align.records import PairSides


def split_fused(sides: PairSides, bead: Bead) -> list[Bead]:
    """The bead's 1:1 beads when it is k:k (k >= 2) and fuses k statements, else the bead."""
    rows, cols, _sim = bead
    if len(rows) < 2 or len(rows) != len(cols):
        return [bead]
    fa, fb, pair = sides.fa, sides.fb, sides.scorer.pair
    parts: list[Bead] = []
    for i, j in zip(rows, cols):
        score = pair(fa[i], fb[j])[0]
        if score < ALTERED_THRESHOLD:
            return [bead]  # one of them alone is not the same statement: a re-cut, kept whole
        if any(pair(fa[i], fb[other])[0] > FUSED_APART for other in cols if other != j):
            return [bead]  # it shares words with another sentence of the bead: re-cut, kept whole
        parts.append(((i,), (j,), score))
    return parts
