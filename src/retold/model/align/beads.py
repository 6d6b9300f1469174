"""Phase 5c: judging a programme bead before it becomes a link — trimming the ends that carry no
evidence, and refusing merges whose parts do not share words with the other side.
"""

from __future__ import annotations

from retold.model.align.anchors import increasing_chain
from retold.model.align.gaps import length_cost
from retold.model.align.lengths import length_alignment, length_delta, length_order_ratio
from retold.model.align.params import (
    CROSS_TRIM_EVIDENCE,
    CROSS_TRIM_GAIN,
    GROW_FROM,
    LENGTH_AGREE,
    LENGTH_KEEP,
    LENGTH_KEEP_SURE,
    LENGTH_ORDER_LEAST,
    LENGTH_ORDER_PARALLEL,
    PART_DOUBT,
    PART_EVIDENCE,
    PART_SHARE,
    REGION_AGREE,
    TRIM_MARGIN,
)
from retold.model.align.records import Features, Link, PairSides, new_link
from retold.model.story import STRONG
from retold.model.align.scoring import Scorer

Rows = tuple[int, ...]
Trimmed = tuple[Rows, Rows, float]  # (rows, cols, similarity)


def part_share(part: Features, other: frozenset[str], scorer: Scorer) -> float:
    """Share of a sentence's informative weight found on the other side of its bead."""
    mass = scorer.mass(part.feats)
    return scorer.mass(part.feats & other) / mass if mass else 0.0


def side_union(side: list[Features], indices: Rows) -> frozenset[str]:
    """The features of some sentences of one side, together."""
    return frozenset().union(*(side[n].feats for n in indices))


def bead_score(sides: PairSides, rows: Rows, cols: Rows) -> float:
    return sides.scorer.bead([sides.fa[i] for i in rows], [sides.fb[j] for j in cols])


def bead_dice(sides: PairSides, rows: Rows, cols: Rows) -> float:
    return sides.scorer.bead_dice([sides.fa[i] for i in rows], [sides.fb[j] for j in cols])


def each_part_shares(sides: PairSides, rows: Rows, cols: Rows, least: int = 0, share: float = 0.0) -> bool:
    """Every sentence of a merge shares words with the other side: some (`share` 0) or that
    share of its weight (sentences with fewer than `least` informative words are too short to
    tell, and pass)."""
    fa, fb, scorer = sides.fa, sides.fb, sides.scorer
    union_a, union_b = side_union(fa, rows), side_union(fb, cols)

    def ok(part: Features, other: frozenset[str]) -> bool:
        if len(part.feats) < least:
            return True
        if share:
            return part_share(part, other, scorer) >= share
        return bool(part.feats & other)

    # A part of a neighbour's sentence ("... (Lund:" and what follows it) is judged with it.
    return all(ok(fa[i], union_b) or in_sentence_with(fa, rows, i) for i in rows) and all(ok(fb[j], union_a) or in_sentence_with(fb, cols, j) for j in cols)


def in_sentence_with(side: list[Features], bead: Rows, n: int) -> bool:
    """True when sentence n runs on into the next sentence of the bead, or the one before runs on into it."""
    return (side[n].runs_on and n + 1 in bead) or (n - 1 in bead and side[n - 1].runs_on)


def _ends(sides: PairSides, rows: Rows, cols: Rows) -> list[tuple[Features, frozenset[str], tuple[Rows, Rows]]]:
    """The end sentences a bead could lose: (the sentence, the other side's features, the bead
    without it). An end that is part of its neighbour's sentence (the first runs on into the
    second, or the one before the last runs on into it) stays: half a sentence is not a statement."""
    fa, fb = sides.fa, sides.fb
    union_a, union_b = side_union(fa, rows), side_union(fb, cols)
    ends = []
    if len(rows) > 1:
        if not in_sentence_with(fa, rows, rows[0]):
            ends.append((fa[rows[0]], union_b, (rows[1:], cols)))
        if not in_sentence_with(fa, rows, rows[-1]):
            ends.append((fa[rows[-1]], union_b, (rows[:-1], cols)))
    if len(cols) > 1:
        if not in_sentence_with(fb, cols, cols[0]):
            ends.append((fb[cols[0]], union_a, (rows, cols[1:])))
        if not in_sentence_with(fb, cols, cols[-1]):
            ends.append((fb[cols[-1]], union_a, (rows, cols[:-1])))
    return ends


def _weak_ends(sides: PairSides, rows: Rows, cols: Rows) -> list[tuple[float, tuple[Rows, Rows]]]:
    """The ends without evidence, weakest first by (share, rest): no words, a label, or words
    of their own none of which (in one language: too few of which) are on the other side."""
    scorer, same_language = sides.scorer, sides.same_language
    need = PART_SHARE if same_language else 1e-9
    ends = _ends(sides, rows, cols)
    weak = []
    for part, other, rest in ends:
        if not part.feats:
            weak.append((-2.0, rest))  # "....", "- _-": no words, no statement
        elif not part.ends and not part.runs_on:
            weak.append((-1.0, rest))  # a caption or heading ("Photo by ...", "Seen from the cliffs") is a line of its own
        elif len(part.feats) >= 3 and (share := part_share(part, other, scorer)) < need:
            weak.append((share, rest))
        elif same_language and not part.feats & other:
            weak.append((0.0, rest))  # a short line ("Music.") with not one word across
    if not weak and same_language and sides.judge is not None:
        weak = _unjudged_ends(sides, rows, cols)
    if not weak and same_language:
        # A few shared words by chance ("several"/"severed") do not make a part: drop an end
        # whose words mostly stay unmatched when the rest matches clearly better without it.
        whole = bead_dice(sides, rows, cols)
        weak = [(share, rest) for part, other, rest in ends
                if len(part.feats) >= 3 and (share := part_share(part, other, scorer)) < PART_DOUBT
                and bead_dice(sides, *rest) > whole + TRIM_MARGIN]
    return weak


def part_judged(sides: PairSides, rows: Rows, cols: Rows, side: str, n: int) -> float:
    """The judge's confidence that sentence n (of side "a" or "b") alone tells the statement of
    the bead's other side."""
    judge = sides.judge
    if side == "a":
        return judge.verdict(sides.a, (n,), sides.b, cols).confidence
    return judge.verdict(sides.a, rows, sides.b, (n,)).confidence


def _unjudged_ends(sides: PairSides, rows: Rows, cols: Rows) -> list[tuple[float, tuple[Rows, Rows]]]:
    """The ends that do not, on their own, tell the other side's statement (the judge's verdict
    below PART_EVIDENCE) while the rest of the bead does: a quote folded into the next
    sentence's bead because both name the speaker ("'Facts first, blame later,' Osk said."
    beside "Osk said nine engineers would visit ..." against one sentence about the engineers)."""
    fa, fb, judge = sides.fa, sides.fb, sides.judge
    ends = []
    if len(rows) > 1:
        ends += [("a", rows[0], (rows[1:], cols)), ("a", rows[-1], (rows[:-1], cols))]
    if len(cols) > 1:
        ends += [("b", cols[0], (rows, cols[1:])), ("b", cols[-1], (rows, cols[:-1]))]
    weak = []
    for side, n, rest in ends:
        if in_sentence_with(fa if side == "a" else fb, rows if side == "a" else cols, n):
            continue  # half a sentence is not a statement: judged with its neighbour
        confidence = part_judged(sides, rows, cols, side, n)
        if confidence >= PART_EVIDENCE:
            continue
        rest_confidence = sides.judge.verdict(sides.a, rest[0], sides.b, rest[1]).confidence
        # The rest must be a sure pair, and surer without the part: the judge (fitted on one
        # language's words) scores a machine translation's re-cut fragments low, and their rest
        # is then neither (Text+Berg's machine-translated French keeps every bead).
        if rest_confidence >= STRONG and rest_confidence > judge.verdict(sides.a, rows, sides.b, cols).confidence:
            weak.append((confidence, rest))
    return weak


def trim_unsupported(sides: PairSides, rows: Rows, cols: Rows, sim: float) -> Trimmed:
    """On parallel texts the programme may join an end sentence to a bead to avoid a skip. Keep
    it when it carries evidence; drop it when it has no words, when it is a label (a caption or
    heading: no sentence end, not running on), or when it has words of its own but none of them
    (in one language: too few of them) are on the other side."""
    while len(rows) + len(cols) > 2:
        weak = _weak_ends(sides, rows, cols)
        if not weak:
            break
        share, (rest_rows, rest_cols) = min(weak)
        rest_sim = bead_score(sides, rest_rows, rest_cols)
        if not sides.same_language and share >= 0 and (
            rest_sim < CROSS_TRIM_EVIDENCE or rest_sim < sim + CROSS_TRIM_GAIN or _lengths_keep(sides, rows, cols, rest_rows, rest_cols)
        ):
            # Across languages a part without shared words is normal: drop it only against clear
            # evidence (or when it has no words, or is a label), and not when the lengths say
            # the bead is whole with it (a translator's merge: its other part shares no name).
            break
        rows, cols, sim = rest_rows, rest_cols, rest_sim
    return rows, cols, sim


def _lengths_keep(sides: PairSides, rows: Rows, cols: Rows, rest_rows: Rows, rest_cols: Rows) -> bool:
    """True when the bead's lengths agree better with all its sentences than without the end."""
    def cost(r: Rows, c: Rows) -> float:
        return length_cost(sum(sides.fa[i].length for i in r), sum(sides.fb[j].length for j in c), sides.length_ratio)

    return cost(rows, cols) < cost(rest_rows, rest_cols)


def trim(sides: PairSides, rows: Rows, cols: Rows, sim: float) -> Trimmed:
    """Drop an end sentence of a merge while the rest matches better without it: the programme
    joins a neighbour into a bead when that is cheaper than skipping it, which is no evidence
    that the neighbour tells the same statement."""
    while len(rows) + len(cols) > 2:
        options = []
        if len(rows) > 1:
            options += [(rows[1:], cols), (rows[:-1], cols)]
        if len(cols) > 1:
            options += [(rows, cols[1:]), (rows, cols[:-1])]
        best = max(options, key=lambda o: (bead_score(sides, *o), o))
        best_sim = bead_score(sides, *best)
        if best_sim <= sim + TRIM_MARGIN:
            break
        (rows, cols), sim = best, best_sim
    return rows, cols, sim


def crossed(sides: PairSides, rows: Rows, cols: Rows) -> bool:
    """True when the strongest sentence pairs inside a many-to-many bead run against each other."""
    fa, fb, pair = sides.fa, sides.fb, sides.scorer.pair
    best_col = [max(cols, key=lambda j: (pair(fa[i], fb[j])[0], -j)) for i in rows]
    best_row = [max(rows, key=lambda i: (pair(fa[i], fb[j])[0], -i)) for j in cols]
    return best_col != sorted(best_col) or best_row != sorted(best_row)


def regions_between(sides: PairSides, links: list[Link], ends: bool) -> list[tuple[list[int], list[int]]]:
    """The free sentences of each side between consecutive links in order (the longest chain of
    them increasing in both texts); with `ends`, also before the first and after the last. (Not
    without: there an outlet may add its own, a rewrite's opening; and a translation's lead paired
    there joins whatever group its counterpart is in, right or wrong: sample gold's German lead
    did, into a group that held two other statements.)"""
    starts = sorted((link.rows[0], link.cols[0], 0.0) for link in links)
    last = {(link.rows[0], link.cols[0]): (link.rows[-1], link.cols[-1]) for link in links}
    n, m = len(sides.fa), len(sides.fb)
    bounds = [(-1, -1, -1, -1)] + [(i, j, *last[(i, j)]) for i, j, _s in increasing_chain(starts)] + [(n, m, n, m)]
    regions = []
    for (i0, _j0, last_i, last_j), (i1, j1, _i2, _j2) in zip(bounds, bounds[1:]):
        rows = [i for i in range(last_i + 1, i1) if i not in sides.linked_a]
        cols = [j for j in range(last_j + 1, j1) if j not in sides.linked_b]
        if rows and cols and (ends or (i0 >= 0 and i1 < n)):
            regions.append((rows, cols))
    return regions


def lengths_sure(sides: PairSides) -> bool:
    """Across languages, whether a length-only alignment of the whole pair is sure of itself: its
    lengths follow each other in order (`length_order_ratio` at most LENGTH_ORDER_PARALLEL, the
    bar at which a Gale–Church alignment is called confident). Not asked in one language: there
    the pairs are news retellings, many and long (the test costs a tenth of a second a pair), and
    a counterpart shares words. Nor on texts under LENGTH_ORDER_LEAST sentences, where unrelated
    lengths fall in order by chance too often."""
    if sides.same_language or min(len(sides.fa), len(sides.fb)) < LENGTH_ORDER_LEAST:
        return False
    return length_order_ratio([f.length for f in sides.fa], [f.length for f in sides.fb]) <= LENGTH_ORDER_PARALLEL


def length_supported(sides: PairSides, links: list[Link]) -> list[Trimmed]:
    """Between a pair's links, the beads a plain length-only alignment (Gale–Church, at the
    pair's length ratio) gives in a region where it is sure of itself, each with lengths at most
    LENGTH_KEEP standard deviations apart. Sure of itself: at least REGION_AGREE of its beads
    there (a sentence left out is a bead) pair sentences whose lengths are within LENGTH_AGREE
    standard deviations; or, across languages, the whole pair's lengths follow each other in
    order (`lengths_sure`): then the texts' ends anchor regions as links do, no link is needed,
    and beads within LENGTH_KEEP_SURE are kept. A pair not parallel as a whole (few confident
    pairs: a short translation, one with captions inserted) is often parallel region by region:
    the links around a region anchor it and its lengths say the rest, as they would say it to a
    length-only aligner. In one language a bead must also share a word (position and length
    alone never pair news); across languages the words are not asked (a one-language veto would
    drop a translation's every bead)."""
    sure = lengths_sure(sides)
    if not links and not sure:
        return []  # the texts' ends alone anchor nothing
    fa, fb, ratio = sides.fa, sides.fb, sides.length_ratio
    held_a, held_b = halves_left(sides, links)
    found: list[Trimmed] = []
    for rows, cols in regions_between(sides, links, ends=sure):
        _cost, beads = length_alignment([fa[i].length for i in rows], [fb[j].length for j in cols], path=True, ratio=ratio)
        paired = [(tuple(rows[k] for k in r), tuple(cols[k] for k in c)) for r, c in beads if r and c]
        deltas = [length_delta(ratio * sum(fa[i].length for i in r), sum(fb[j].length for j in c)) for r, c in paired]
        if not sure and sum(d <= LENGTH_AGREE for d in deltas) < REGION_AGREE * len(beads):
            continue  # (a sentence the lengths leave out counts against them: they are unsure there)
        for (r, c), d in zip(paired, deltas):
            if d > (LENGTH_KEEP_SURE if sure else LENGTH_KEEP):
                continue
            if r[-1] - r[0] != len(r) - 1 or c[-1] - c[0] != len(c) - 1:
                continue  # the bead would take in a sentence linked elsewhere
            if sides.same_language and not side_union(fa, r) & side_union(fb, c):
                continue
            if held_a.intersection(r) or held_b.intersection(c):
                continue  # it may be a link's other half: the lengths cannot say which
            found.append((r, c, bead_score(sides, r, c)))
    return found


def halves_left(sides: PairSides, links: list[Link]) -> tuple[set[int], set[int]]:
    """Across languages, the free sentences beside a link whose lengths still disagree once
    grow_by_lengths had its say (two neighbours would complete it, so it took neither): one of
    them is the other half of a translator's merge or split, which the region beyond the link
    must not pair elsewhere."""
    held_a: set[int] = set()
    held_b: set[int] = set()
    if sides.same_language:
        return held_a, held_b
    for link in links:
        if _delta(sides, link.rows, link.cols) <= GROW_FROM:
            continue
        rows, cols = link.rows, link.cols
        # Only a neighbour that would complete it (their lengths together agree): a link whose
        # lengths no neighbour mends is a free translation of one sentence, not half a merge.
        held_a.update(i for i in (rows[0] - 1, rows[-1] + 1) if 0 <= i < len(sides.fa) and i not in sides.linked_a
                      and _delta(sides, tuple(sorted(rows + (i,))), cols) <= LENGTH_AGREE)
        held_b.update(j for j in (cols[0] - 1, cols[-1] + 1) if 0 <= j < len(sides.fb) and j not in sides.linked_b
                      and _delta(sides, rows, tuple(sorted(cols + (j,)))) <= LENGTH_AGREE)
    return held_a, held_b


def _delta(sides: PairSides, rows: Rows, cols: Rows) -> float:
    return length_delta(sides.length_ratio * sum(sides.fa[i].length for i in rows), sum(sides.fb[j].length for j in cols))


def grow_by_lengths(sides: PairSides, links: list[Link]) -> None:
    """A translator's merge or split beside a link (2–1, 1–2): a free sentence next to a link
    joins it when the link's lengths disagree (more than GROW_FROM standard deviations apart)
    and agree with it (within LENGTH_AGREE), and no other neighbour's would. Across languages only:
    in one language a link's lengths disagree when an outlet retells (adds a clause, drops one),
    and the sentence beside it is the outlet's own (growth.extend joins a split by its words).
    Links grow in place, as growth.attach_orphans grows them."""
    if sides.same_language:
        return
    for number, link in enumerate(links):
        rows, cols = link.rows, link.cols
        if _delta(sides, rows, cols) <= GROW_FROM:
            continue
        options = []
        for i in (rows[0] - 1, rows[-1] + 1):
            if 0 <= i < len(sides.fa) and i not in sides.linked_a:
                grown = tuple(sorted(rows + (i,)))
                options.append((_delta(sides, grown, cols), grown, cols))
        for j in (cols[0] - 1, cols[-1] + 1):
            if 0 <= j < len(sides.fb) and j not in sides.linked_b:
                grown = tuple(sorted(cols + (j,)))
                options.append((_delta(sides, rows, grown), rows, grown))
        options = [o for o in options if o[0] <= LENGTH_AGREE]
        if len(options) != 1:
            continue  # none, or two neighbours that would do as well: the lengths do not say which
        _d, rows, cols = options[0]
        links[number] = new_link(link.score, link.outlet_a, rows, link.outlet_b, cols, link.basis)
        sides.linked_a.update(rows)
        sides.linked_b.update(cols)
