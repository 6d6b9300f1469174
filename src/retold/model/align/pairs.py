"""Phase 5: every link between the two outlets of a pair.

The longest increasing chain of confident pairs splits both texts into gaps; the gap programme
aligns each gap. How much the programme may decide without lexical evidence depends on the
pair: parallel (the confident pairs in order) or not, same language or not. Confident pairs off
the chain (moved paragraphs) stay as links of their own.
"""

from __future__ import annotations

from dataclasses import replace

from retold.model.align.anchors import Anchor, best_partners, confident_pairs, increasing_chain, mutual_pairs, parallel_basis, placed_elsewhere, swapped_inside
from retold.model.align.beads import Trimmed, crossed, each_part_shares, side_union, grow_by_lengths, length_supported, trim, trim_unsupported
from retold.model.align.fused import split_fused
from retold.model.align.gaps import Bead, gap_programme
from retold.model.align.growth import attach_orphans, extend, names_more_than_actors
from retold.model.align.lexicon import learned_lexicon
from retold.model.align.params import (
    ALTERED_THRESHOLD,
    ANCHOR_BONUS_CROSS_LANGUAGE,
    ANCHOR_CROSS_LANGUAGE,
    ANCHOR_THRESHOLD,
    COPIES,
    FLOOR_CROSS_LANGUAGE,
    FLOOR_LOOSE,
    FLOOR_MERGE,
    FLOOR_PARALLEL,
    FLOOR_RETOLD,
    LEXICON_FROM,
    LEXICON_ROUNDS,
    PART_SHARE,
    SHARED_SIMILARITY,
    SKIP_COST,
    SKIP_COST_CROSS_LANGUAGE,
    STATEMENT_COPIES,
)
from retold.model.align.records import Link, PairSides, new_link
from retold.model.align.evidence import AGAINST
from retold.model.align.statements import different_statement

Scores = dict[tuple[int, int], float]


def pair_links(sides: PairSides, scores: Scores) -> list[Link]:
    """Every link between outlets sides.a and sides.b (a < b in canonical order).

    Across languages the words meet only through names, numbers and cognates, so a long pair is
    aligned again: a pass's beads teach which words translate each other ("und"/"et",
    "drei"/"trois": the pairs they keep together most exclusively), and the next pass aligns with
    those translations added to outlet a's features."""
    links = _pair_pass(sides, scores)
    if sides.same_language or len(links) < LEXICON_FROM:
        return links
    lexicon: dict[str, str] = {}
    for _round in range(LEXICON_ROUNDS):
        learned = learned_lexicon(links, sides.fa, sides.fb)
        if learned == lexicon:
            break  # nothing new to learn: the last pass stands
        lexicon = learned
        translated = [
            replace(f, feats=f.feats | {lexicon[g] for g in f.feats if g in lexicon}) if f.feats & lexicon.keys() else f
            for f in sides.fa
        ]
        pairs = set(scores) | {(i, j) for link in links for i in link.rows for j in link.cols}
        again = PairSides(sides.a, sides.b, translated, sides.fb, sides.scorer, sides.same_language, judge=sides.judge)
        links = _pair_pass(again, dict.fromkeys(pairs, 0.0))
    return links


def _floor(sides: PairSides, chain: list[Anchor], basis: str) -> float:
    """The lowest similarity a programme bead needs to become a link."""
    parallel = bool(basis)
    if basis == "lengths" and sides.same_language:
        return FLOOR_PARALLEL  # parallel by the lengths' order: in one language a counterpart still shares some words
    if parallel and sides.same_language:
        # Copies (most confident pairs word for word): a sentence between copies that shares
        # almost no words is the outlet's own. A retelling (few pairs word for word: a
        # paraphrase, a translation) puts its version in the original's place in other words.
        return FLOOR_PARALLEL if _copies(sides, chain) else FLOOR_RETOLD
    return FLOOR_CROSS_LANGUAGE if parallel else FLOOR_LOOSE


def _copies(sides: PairSides, chain: list[Anchor], share: float = COPIES) -> bool:
    """At least `share` of the chain's confident pairs are near-verbatim copies."""
    copied = sum(sides.scorer.words([sides.fa[i]], [sides.fb[j]]) >= SHARED_SIMILARITY for i, j, _s in chain)
    return copied >= share * len(chain)


def _fixed_anchors(chain: list[Anchor], n: int, m: int, parallel: bool) -> list[Anchor]:
    """The chain's pairs the programme may not overrule, with the texts' ends around them.

    Parallel: an anchor is fixed when its neighbours on both sides are anchors too (or the
    text's ends): nothing there for the programme to decide; every other anchor is soft (the
    programme may fold it into a merge or overrule it). Not parallel: the whole chain binds."""
    on_chain = [(-1, -1, 1.0)] + chain + [(n, m, 1.0)]
    if not parallel:
        return on_chain
    fixed = [on_chain[0]]
    for k in range(1, len(on_chain) - 1):
        before, here, after = on_chain[k - 1], on_chain[k], on_chain[k + 1]
        if before[0] == here[0] - 1 and before[1] == here[1] - 1 and after[0] == here[0] + 1 and after[1] == here[1] + 1:
            fixed.append(here)
    fixed.append(on_chain[-1])
    return fixed


def _kept_bead(sides: PairSides, chain: list[Anchor], parallel: bool, floor: float, bead: Bead, mutual: dict) -> Trimmed | None:
    """A programme bead as it becomes a link (trimmed of ends without evidence), or None."""
    rows, cols, sim = bead
    same_language = sides.same_language
    if not parallel:
        rows, cols, sim = trim(sides, rows, cols, sim)
    if sim < floor:
        return None
    if sim < FLOOR_PARALLEL and same_language and not (
        chain and chain[0][0] < rows[0] and chain[0][1] < cols[0] and chain[-1][0] > rows[-1] and chain[-1][1] > cols[-1]
    ):
        return None  # before the first or after the last confident pair, an outlet adds its own: words must show it is not
    if parallel and len(rows) + len(cols) > 2:
        rows, cols, sim = trim_unsupported(sides, rows, cols, sim)
        if same_language and not each_part_shares(sides, rows, cols, least=3, share=PART_SHARE):
            return None
        if same_language and swapped_inside(rows, cols, mutual):
            return None  # two statements swapped, not one re-cut: the order-free pass pairs each
    if not parallel and len(rows) + len(cols) > 2:
        if sim < FLOOR_MERGE or not each_part_shares(sides, rows, cols):
            return None
        if not _each_part_says_more(sides, rows, cols):
            return None  # a part shares only who acts and the topic: another statement beside the pair
        if len(rows) > 1 and len(cols) > 1 and crossed(sides, rows, cols):
            return None  # two statements swapped, not one statement re-cut: order-free pairs decide
    return rows, cols, sim


def _kept_beads(sides: PairSides, chain: list[Anchor], parallel: bool, floor: float, beads: list[Bead], mutual: dict):
    """The programme's beads as they become links: each kept (trimmed), and one that fuses
    statements side by side (fused.py) as its 1:1 beads, each kept on its own terms."""
    for bead in beads:
        kept = _kept_bead(sides, chain, parallel, floor, bead, mutual)
        if kept is None:
            continue
        parts = split_fused(sides, kept)
        if len(parts) == 1:
            yield kept
        else:
            yield from (_kept_bead(sides, chain, parallel, floor, part, mutual) for part in parts)


def _each_part_says_more(sides: PairSides, rows: tuple[int, ...], cols: tuple[int, ...]) -> bool:
    """Every sentence of a merge outside parallel text finds some of its statement words (not
    only the names, titles and topic) on the other side, as a split's other half must
    (growth.names_more_than_actors): '"I am not going anywhere," Tobias Wrenfield said.' beside a
    lead about his apology shares only him."""
    union_a, union_b = side_union(sides.fa, rows), side_union(sides.fb, cols)
    return (all(names_more_than_actors(sides, "a", i, union_b) for i in rows if len(rows) > 1)
            and all(names_more_than_actors(sides, "b", j, union_a) for j in cols if len(cols) > 1))


def _add(sides: PairSides, links: list[Link], rows: tuple[int, ...], cols: tuple[int, ...], score: float, basis: str = "words", judged: bool = True, retold: bool = False) -> None:
    """A link, when the judge finds evidence that the statement is the same (not the topic):
    outside parallel text every link is judged, in parallel text only a retold sentence (in
    another's place, few words shared), which needs confirmed pairs on both sides. Across
    languages the words are not the statement's evidence (the judge's model reads one
    language): there the rules stand, and the confidence says how sure they are."""
    judge = sides.judge
    if judge is not None and sides.same_language:
        if different_statement(sides, rows, cols):
            return  # in parallel text the same actors and topic, but nothing else of what they say meets
        if judged and not judge.accept(sides.a, rows, sides.b, cols, links, retold):
            sides.refused.append((rows, cols, score, retold))
            return
        if not judged and judge.contradicted(sides.a, rows, sides.b, cols):
            return  # in its place in parallel text, but the words say another statement (roles swapped, another number)
    links.append(new_link(score, sides.a, rows, sides.b, cols, basis))
    sides.linked_a.update(rows)
    sides.linked_b.update(cols)


def _words_say_something(sides: PairSides, rows: tuple[int, ...], cols: tuple[int, ...]) -> bool:
    """The judge names some evidence of the words for the pair (shared words, a common run, the
    same numbers, names, a quote) and nothing against it (evidence.AGAINST: another number,
    speaker, quote …): a bead its lengths and place make, between two texts of one language
    that are not parallel as a whole, is kept only then. (An independent report beside a
    translation into its language had "I would stake my name on this count," the official told
    the Herald' set beside the candidate's demand for a recount, at 0.05.)"""
    judge = sides.judge
    if judge is None:
        return True
    evidence = set(judge.verdict(sides.a, rows, sides.b, cols).evidence)
    return bool(evidence - AGAINST - {"position"}) and not evidence & AGAINST


def _pieces_that_say_something(sides: PairSides, rows: tuple[int, ...], cols: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A merge its lengths make, in one language, less each sentence whose own words say nothing
    of the other side or name something against it (a translation's tally beside an independent
    report's tally and, after it, "tempers frayed as the gap narrowed to a few dozen votes": the
    second names another number). What is left must still be one run on each side; else nothing."""
    if len(rows) == 1 and len(cols) == 1:
        return rows, cols
    kept_rows = tuple(i for i in rows if len(rows) == 1 or _words_say_something(sides, (i,), cols))
    kept_cols = tuple(j for j in cols if len(cols) == 1 or _words_say_something(sides, rows, (j,)))
    runs = all(not side or side[-1] - side[0] == len(side) - 1 for side in (kept_rows, kept_cols))
    return (kept_rows, kept_cols) if kept_rows and kept_cols and runs else ((), ())


def _order_free(sides: PairSides, links: list[Link], best_a, best_b, skip: set[tuple[int, int]] | None = None) -> None:
    """Reciprocal best pairs at least ALTERED_THRESHOLD alike, as links of their own: a moved
    paragraph is off the chain but still the same statement. With `skip` (the chain's pairs),
    before the programme, free or not; without, after it, only between free sentences."""
    for i, (j, score) in sorted(best_a.items()):
        if score < ALTERED_THRESHOLD or best_b.get(j, (None,))[0] != i:
            continue
        if skip is not None:
            free = (i, j) not in skip
        else:
            free = i not in sides.linked_a and j not in sides.linked_b
        if free:
            _add(sides, links, (i,), (j,), score)


SECOND_LOOKS = 4  # rounds of second looks: each pair made may let its neighbour through


def _second_look(sides: PairSides, links: list[Link], retold_only: bool = False) -> None:
    """What was refused for want of evidence, again: a pair now standing between two confirmed
    pairs in both texts has its neighbours' support. (A retold bead is looked at again as soon
    as the programme's beads are all there, before a neighbour's bead takes it in.)"""
    judge = sides.judge
    for _round in range(SECOND_LOOKS):  # a pair made may support its neighbour in turn
        before = len(links)
        for rows, cols, score, retold in sides.refused[:]:
            if retold_only and not retold:
                continue
            if (not sides.linked_a.intersection(rows) and not sides.linked_b.intersection(cols)
                    and judge.neighbours(sides.a, rows, sides.b, cols, links) >= (2 if retold else 1)):
                _add(sides, links, rows, cols, score, basis="length+order" if retold else "words", retold=retold)
        if len(links) == before:
            break


def _pair_pass(sides: PairSides, scores: Scores) -> list[Link]:
    fa, fb, scorer, same_language = sides.fa, sides.fb, sides.scorer, sides.same_language
    if not fa or not fb:
        return []
    if not same_language:
        # Across languages the shared words are names and numbers: a sentence "contained" in
        # another through two place names is no evidence, so only the plain overlap counts.
        scores = {(i, j): scorer.pair(fa[i], fb[j])[1] for (i, j) in scores}
    best_a, best_b = best_partners(scores, fa, fb, scorer)
    anchors = confident_pairs(best_a, best_b, fa, fb, scorer, ANCHOR_THRESHOLD if same_language else ANCHOR_CROSS_LANGUAGE)
    chain = increasing_chain(anchors)
    basis = parallel_basis(chain, anchors, fa, fb, same_language)
    parallel = bool(basis)
    floor = _floor(sides, chain, basis)
    if sides.judge is not None:
        sides.judge.parallel[(sides.a, sides.b)] = parallel
    sides.refused.clear()
    sides.copies = parallel and same_language and bool(chain) and _copies(sides, chain, STATEMENT_COPIES)
    sides.basis = basis
    ratio = (sum(f.length for f in fb) / max(1, sum(f.length for f in fa))) if parallel else 1.0
    links: list[Link] = []
    fixed = _fixed_anchors(chain, len(fa), len(fb), parallel)
    mutual = mutual_pairs(best_a, best_b)
    if not parallel:
        # The chain binds, and the confident pairs off it (moved paragraphs) are settled before
        # the programme looks at what is left between the chain's pairs.
        _order_free(sides, links, best_a, best_b, skip={(i, j) for i, j, _s in chain})
    for i, j, score in fixed[1:-1]:
        _add(sides, links, (i,), (j,), score, judged=not parallel)
    for (i0, j0, _s0), (i1, j1, _s1) in zip(fixed, fixed[1:]):
        rows, cols = range(i0 + 1, i1), range(j0 + 1, j1)
        if not rows or not cols:
            continue
        soft = [(i, j) for i, j, _s in chain if i in rows and j in cols] if parallel else []
        beads = gap_programme(sides, rows, cols, ratio, soft,
                              skip=SKIP_COST if same_language else SKIP_COST_CROSS_LANGUAGE,
                              bonus=0.0 if same_language else ANCHOR_BONUS_CROSS_LANGUAGE)
        for kept in _kept_beads(sides, chain, parallel, floor, beads, mutual):
            if kept is not None:
                # Between parallel texts a bead whose words alone would not make a link stands on
                # the lengths and places of its sentences: say so.
                retold = parallel and same_language and kept[2] < FLOOR_PARALLEL  # in another's place, few words shared
                if parallel and same_language and kept[2] < FLOOR_LOOSE and placed_elsewhere(kept[0], kept[1], mutual):
                    continue  # its place says this pair, its words another: the words decide (the order-free pass)
                _add(sides, links, *kept, basis="words" if not parallel or kept[2] >= FLOOR_LOOSE else "length+order",
                     judged=not parallel or retold, retold=retold)
    if not parallel:  # parallel region by region: where the lengths are sure between links (beads.length_supported)
        grow_by_lengths(sides, links)
        for rows, cols, sim in length_supported(sides, links):
            if sides.same_language:
                rows, cols = _pieces_that_say_something(sides, rows, cols)
                if not rows or not _words_say_something(sides, rows, cols):
                    continue  # in one language the words are read too: lengths and place alone pair no news
            _add(sides, links, rows, cols, sim, basis="length+order", judged=False)
    if sides.judge is not None and parallel and same_language:
        _second_look(sides, links, retold_only=True)
    if not parallel:
        links[:] = [extend(sides, link) for link in links]
    elif same_language:
        attach_orphans(sides, links)
    _order_free(sides, links, best_a, best_b)
    if sides.judge is not None:
        _second_look(sides, links)
    return links
