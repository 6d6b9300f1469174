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
from retold.model.align.growth import other_voice
from retold.model.align.statements import statement_words

Rows = tuple[int, ...]
_MOST = 4  # sentences a side of a grown link may hold (as `extend`)


def rest_share(sides: PairSides, outlet: int, x: int, rest: frozenset[str]) -> tuple[float, int]:
    """(Share of sentence x's weight, as the story's judge weighs it — topic words weigh little —
    found in `rest`; how many of its statement words are there)."""
    judge = sides.judge
    feats = judge.features[outlet][x].feats
    inside = feats & rest
    if not inside:
        return 0.0, 0  # most neighbours of most pairs: nothing more to weigh
    weights = judge.weights
    mass = sum(weights.get(f, 0.0) for f in feats)
    if not mass:
        return 0.0, 0
    found = sum(weights.get(f, 0.0) for f in inside)
    if found < SPLIT_REST_SHARE * mass:
        return found / mass, 0  # too little there for its statement words to matter
    return found / mass, len(statement_words(sides, outlet, x) & rest)


def _candidate(sides: PairSides, rows: Rows, cols: Rows, side: str, x: int) -> tuple[Link, Rows, Rows] | None:
    """Sentence x of `side` ("a": beside the rows; "b": beside the cols) as the other half of the
    bead (rows, cols): its link to the bead's other side and the bead grown, or None."""
    judge = sides.judge
    a, b = sides.a, sides.b
    if side == "a":
        mine, own, other, new_rows, new_cols, outlet = sides.fa, rows, (sides.fb, cols), tuple(sorted(rows + (x,))), cols, a
        half = ((x,), cols)
    else:
        mine, own, other, new_rows, new_cols, outlet = sides.fb, cols, (sides.fa, rows), rows, tuple(sorted(cols + (x,))), b
        half = (rows, (x,))
    feats = mine[x].feats
    if len(new_rows) > _MOST or len(new_cols) > _MOST or len(feats) < 2:
        return None
    across = other[0][other[1][0]].feats if len(other[1]) == 1 else side_union(*other)
    if feats.isdisjoint(across):
        return None  # nothing of it on the other side (most neighbours of most pairs): spare the rest
    rest = across - side_union(mine, own)
    share, statement = rest_share(sides, outlet, x, rest)
    if share < SPLIT_REST_SHARE or statement < SPLIT_STATEMENT_LEAST:
        return None  # its words are the story's topic, or what the paired half says already
    if other_voice(sides, rows, cols, side, x):
        return None  # someone else's words beside the speaker's (growth.other_voice)
    alone = judge.verdict(a, half[0], b, half[1])
    grown = judge.verdict(a, new_rows, b, new_cols)
    if PLACE_VETO & (set(alone.evidence) | set(grown.evidence)):
        return None  # another number or day, roles swapped, another speaker: another statement
    if bead_dice(sides, new_rows, new_cols) <= bead_dice(sides, rows, cols) + TRIM_MARGIN:
        return None  # the pair does not match better with it: a sentence of its own
    confidence = max(alone.confidence, grown.confidence)
    if alone.confidence < SAME_STATEMENT and share < SPLIT_STRONG:
        # Its words alone would not pair it; its place beside the paired half and the rest it
        # fills do. Shown as "possible", never as sure.
        confidence = min(confidence, POSITION_CEILING)
    evidence = tuple(dict.fromkeys(grown.evidence + ("position",)))
    judge.verdicts[(a, half[0], b, half[1])] = Verdict(confidence, evidence)
    link = new_link(bead_score(sides, new_rows, new_cols), a, half[0], b, half[1])
    return link, new_rows, new_cols


def grow_splits(sides: PairSides, links: list[Link]) -> list[Link]:
    """`links` and, after them, a link for each free neighbour of a link that carries the rest of
    its long side, to that long side (one language, not parallel text, a judge to weigh them).
    The links given are returned unchanged: the half only joins their group."""
    judge = sides.judge
    if judge is None or not sides.same_language or judge.parallel.get((sides.a, sides.b), False):
        return links
    linked = {"a": {i for link in links for i in link.rows}, "b": {j for link in links for j in link.cols}}
    size = {"a": len(sides.fa), "b": len(sides.fb)}
    halves: list[Link] = []
    for link in links:
        rows, cols = link.rows, link.cols
        grown = True
        while grown:
            grown = False
            for side, step in (("a", -1), ("a", 1), ("b", -1), ("b", 1)):
                span = rows if side == "a" else cols
                x = (span[0] if step < 0 else span[-1]) + step
                if not 0 <= x < size[side] or x in linked[side]:
                    continue
                found = _candidate(sides, rows, cols, side, x)
                if found is not None:
                    half, rows, cols = found
                    halves.append(half)
                    linked[side].add(x)
                    grown = True
    return links + halves if halves else links
