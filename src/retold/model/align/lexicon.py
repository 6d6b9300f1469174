"""Across languages: the word pairs a first pass's beads keep together teach the next pass
which words translate each other ("und"/"et", "drei"/"trois")."""

from __future__ import annotations

from retold.model.align.params import LEXICON_BEAD_CELLS, LEXICON_DICE, LEXICON_LEAST
from retold.model.align.records import Features, Link


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
