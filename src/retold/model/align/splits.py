"""Phase 5e: outside parallel text, the other half of a split (or a merge) an order-free pair left out.

A rewrite cuts a wire sentence in two ("Harbour master Ivo Brandt said on Tuesday that the quay
would close …, adding: "We cannot risk …"" becomes the quote, and beside it a sentence of its own
for who said it and when); the half with the quote or the numbers is paired, the other half is
left unique, and the reader shows "+" for something the outlet did not add. A merge is the same
seen from the other outlet. What marks the other half: it stands next to the paired half, and its
words are found in the part of the long sentence the paired half does not cover (its *rest*) —
not merely in the story's topic. `extend` (growth.py) asks the same of a neighbour against the
whole long sentence, before the order-free phase's last pairs are made; this looks again once
every pair of the outlet pair is made, at the rest only, and under the judge's vetoes.
"""

from __future__ import annotations

from retold.model.align.beads import bead_dice, bead_score, side_union
from retold.model.align.evidence import PLACE_VETO, POSITION_CEILING, SAME_STATEMENT, Verdict
from retold.model.align.params import SPLIT_REST_SHARE, SPLIT_STATEMENT_LEAST, SPLIT_STRONG, TRIM_MARGIN
from retold.model.align.records import Link, PairSides, new_link
from retold.model.align.statements import statement_words

_MOST = 4  # sentences a side of a grown link may hold (as `extend`)


def rest_share(sides: PairSides, outlet: int, x: int, rest: frozenset[str]) -> tuple[float, int]:
    """(Share of sentence x's weight, as the story's judge weighs it — topic words weigh little —
    found in `rest`; how many of its statement words are there)."""
    judge = sides.judge
    feats = judge.features[outlet][x].feats
    weights = judge.weights
    mass = sum(weights.get(f, 0.0) for f in feats)
    if not mass:
        return 0.0, 0
    found = sum(weights.get(f, 0.0) for f in feats & rest)
    return found / mass, len(statement_words(sides, outlet, x) & rest)


def _candidate(sides: PairSides, link: Link, side: str, x: int) -> Link | None:
    """The link grown by sentence x of `side` ("a": joins the rows; "b": the cols), or None."""
    judge = sides.judge
    a, b, rows, cols = sides.a, sides.b, link.rows, link.cols
    if side == "a":
        mine, new_rows, new_cols, outlet = sides.fa, tuple(sorted(rows + (x,))), cols, a
        rest = side_union(sides.fb, cols) - side_union(sides.fa, rows)
    else:
        mine, new_rows, new_cols, outlet = sides.fb, rows, tuple(sorted(cols + (x,))), b
        rest = side_union(sides.fa, rows) - side_union(sides.fb, cols)
    if len(new_rows) > _MOST or len(new_cols) > _MOST or len(mine[x].feats) < 2 or not rest:
        return None
    share, statement = rest_share(sides, outlet, x, rest)
    if share < SPLIT_REST_SHARE or statement < SPLIT_STATEMENT_LEAST:
        return None  # its words are the story's topic, or what the paired half says already
    alone = judge.verdict(a, (x,), b, cols) if side == "a" else judge.verdict(a, rows, b, (x,))
    grown = judge.verdict(a, new_rows, b, new_cols)
    if PLACE_VETO & (set(alone.evidence) | set(grown.evidence)):
        return None  # another number or day, roles swapped, another speaker: another statement
    if bead_dice(sides, new_rows, new_cols) <= bead_dice(sides, rows, cols) + TRIM_MARGIN:
        return None  # the pair does not match better with it: a sentence of its own
    confidence, evidence = grown.confidence, grown.evidence
    if alone.confidence < SAME_STATEMENT and share < SPLIT_STRONG:
        # Its words alone would not pair it; its place beside the paired half and the rest it
        # fills do. Shown as "possible", never as sure.
        confidence = min(confidence, POSITION_CEILING)
    if "position" not in evidence:
        evidence = evidence + ("position",)
    judge.verdicts[(a, new_rows, b, new_cols)] = Verdict(confidence, evidence)
    return new_link(max(link.score, bead_score(sides, new_rows, new_cols)), a, new_rows, b, new_cols, link.basis)


def grow_splits(sides: PairSides, links: list[Link]) -> list[Link]:
    """`links` with each order-free link grown by the free neighbours that carry the rest of its
    long side (one language, not parallel text, a judge to weigh them); no other link changes."""
    judge = sides.judge
    if judge is None or not sides.same_language or judge.parallel.get((sides.a, sides.b), False):
        return links
    linked = {"a": {i for link in links for i in link.rows}, "b": {j for link in links for j in link.cols}}
    size = {"a": len(sides.fa), "b": len(sides.fb)}
    out = list(links)
    for number, link in enumerate(out):
        grown = True
        while grown:
            grown = False
            for side, step in (("a", -1), ("a", 1), ("b", -1), ("b", 1)):
                span = link.rows if side == "a" else link.cols
                x = (span[0] if step < 0 else span[-1]) + step
                if not 0 <= x < size[side] or x in linked[side]:
                    continue
                found = _candidate(sides, link, side, x)
                if found is not None:
                    link, grown = found, True
                    linked[side].add(x)
        out[number] = link
    return out
