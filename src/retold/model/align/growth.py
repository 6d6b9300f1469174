"""Phase 5d: growing links into the free sentences beside them — a split that clearly continues a
confident pair (`extend`), and on parallel texts in one language a sentence the programme left
out beside a bead (`attach_orphans`).
"""

from __future__ import annotations

from retold.model.align.beads import bead_dice, bead_score, part_share, side_union
from retold.model.align.evidence import PLACE_VETO
from retold.model.align.params import EXTEND_SHARE, ORPHAN_GAIN, ORPHAN_SHARE, SPLIT_STATEMENT_LEAST, TRIM_MARGIN
from retold.model.align.records import Link, PairSides
from retold.model.align.statements import statement_words


def _best_neighbour_bead(sides: PairSides, links: list[Link], owner: dict[int, int], side: str, x: int) -> int | None:
    """The link beside sentence x (of side "a" or "b") whose other side holds most of its words,
    at least ORPHAN_SHARE of them (a tie: the earlier neighbour); None when there is none."""
    mine = sides.fa if side == "a" else sides.fb
    best = None
    for neighbour in (x - 1, x + 1):
        number = owner.get(neighbour)
        if number is None:
            continue
        link = links[number]
        other = side_union(sides.fb, link.cols) if side == "a" else side_union(sides.fa, link.rows)
        share = part_share(mine[x], other, sides.scorer)
        if share >= ORPHAN_SHARE and (best is None or (share, -neighbour) > best[:2]):
            best = (share, -neighbour, number)
    return None if best is None else best[2]


def attach_orphans(sides: PairSides, links: list[Link]) -> None:
    """On parallel texts in one language, a sentence the programme left out beside a bead is
    usually the translator's or editor's addition to that bead: join it to the neighbour whose
    other side holds more of its words."""
    for side in ("a", "b"):
        mine, linked = (sides.fa, sides.linked_a) if side == "a" else (sides.fb, sides.linked_b)
        owner: dict[int, int] = {}
        for number, link in enumerate(links):
            for index in (link.rows if side == "a" else link.cols):
                owner[index] = number
        for x in range(len(mine)):
            if x in linked or len(mine[x].feats) < 2:
                continue
            number = _best_neighbour_bead(sides, links, owner, side, x)
            if number is None:
                continue
            link = links[number]
            if side == "a":
                rows, cols = tuple(sorted(link.rows + (x,))), link.cols
            else:
                rows, cols = link.rows, tuple(sorted(link.cols + (x,)))
            before = bead_dice(sides, link.rows, link.cols)
            if bead_dice(sides, rows, cols) < before + ORPHAN_GAIN:
                continue  # its few shared words do not make the bead a better match: a sentence of its own
            links[number] = Link(bead_score(sides, rows, cols), link.outlet_a, rows, link.outlet_b, cols, link.basis)
            linked.add(x)
            owner[x] = number


def vetoed(sides: PairSides, rows: tuple[int, ...], cols: tuple[int, ...]) -> bool:
    """In one language, the judge finds the pair's words name something against it that no place
    in the text outweighs (evidence.PLACE_VETO)."""
    judge = sides.judge
    if judge is None or not sides.same_language:
        return False
    return bool(PLACE_VETO.intersection(judge.verdict(sides.a, rows, sides.b, cols).evidence))


def names_more_than_actors(sides: PairSides, side: str, x: int, other: frozenset[str]) -> bool:
    """Sentence x of `side` finds on the other side (`other`: its features) at least
    SPLIT_STATEMENT_LEAST of its statement words — beyond the actors it names and the story's
    topic words. A quote's attribution beside a pair ("'This is about data, not blame,' the
    council's head Ada Roth said") shares the speaker's name and title with the paired
    sentence's other side and nothing of what it says: not the other half of a split. A line
    that is names only (a caption's "Chief: A. Roth;") has no statement words and passes. Without
    a judge (no story weights), or across languages (other words for the same statement),
    every neighbour passes, as before."""
    if sides.judge is None or not sides.same_language:
        return True
    own = statement_words(sides, sides.a if side == "a" else sides.b, x)
    return not own or len(own & other) >= SPLIT_STATEMENT_LEAST  # a line of names only ("Chief: A. Roth;") says nothing more


_BACK = frozenset("he she they his her him their them".split())  # words that refer back to who speaks


def other_voice(sides: PairSides, rows: tuple[int, ...], cols: tuple[int, ...], side: str, n: int) -> bool:
    """In one language, both sides of the pair report one speaker's words (a name both give as
    who speaks), and neighbour n (of `side`) neither names that speaker nor refers back to a
    speaker ("he said", "her office"): the words of someone or something else beside the
    speaker's ("The declaration itself describes the jamming as 'a hybrid attack on the
    airspace'." beside "Solbeck told reporters the alliance would 'not be intimidated'.")."""
    judge = sides.judge
    if judge is None or not sides.same_language:
        return False
    speakers_a = frozenset().union(*(judge.clues_of(sides.a, i).speakers for i in rows))
    speakers_b = frozenset().union(*(judge.clues_of(sides.b, j).speakers for j in cols))
    shared = speakers_a & speakers_b
    if not shared:
        return False
    clues = judge.clues_of(sides.a if side == "a" else sides.b, n)
    return not (shared & (set(clues.names) | clues.speakers | {clues.opener})) and _BACK.isdisjoint(clues.words)


def _has_free_neighbour(sides: PairSides, rows: tuple[int, ...], cols: tuple[int, ...]) -> bool:
    before_a, after_a, before_b, after_b = rows[0] - 1, rows[-1] + 1, cols[0] - 1, cols[-1] + 1
    return not (
        (before_a < 0 or before_a in sides.linked_a) and (after_a >= len(sides.fa) or after_a in sides.linked_a)
        and (before_b < 0 or before_b in sides.linked_b) and (after_b >= len(sides.fb) or after_b in sides.linked_b)
    )


def extend(sides: PairSides, link: Link) -> Link:
    """Grow a link into a split when an unlinked neighbour clearly continues it: the bead's
    plain overlap (no containment credit, so like is compared with like) rises with it, and
    the neighbour finds its words on the other side."""
    rows, cols = link.rows, link.cols
    if not _has_free_neighbour(sides, rows, cols):
        return link  # nothing to grow into (the common case, checked cheaply)
    fa, fb, linked_a, linked_b = sides.fa, sides.fb, sides.linked_a, sides.linked_b
    dice = None  # the link's own overlap, computed once a neighbour qualifies: most never do
    grown = True
    while grown:
        grown = False
        for side, step in (("a", -1), ("a", 1), ("b", -1), ("b", 1)):
            if side == "a":
                n = (rows[0] if step < 0 else rows[-1]) + step
                if not 0 <= n < len(fa) or n in linked_a:
                    continue
                new_rows, new_cols = tuple(sorted(rows + (n,))), cols
                part, other = fa[n], side_union(fb, cols)
            else:
                n = (cols[0] if step < 0 else cols[-1]) + step
                if not 0 <= n < len(fb) or n in linked_b:
                    continue
                new_rows, new_cols = rows, tuple(sorted(cols + (n,)))
                part, other = fb[n], side_union(fa, rows)
            if len(new_rows) > 4 or len(new_cols) > 4 or len(part.feats) < 2 or part_share(part, other, sides.scorer) < EXTEND_SHARE:
                continue
            if vetoed(sides, (n,) if side == "a" else rows, cols if side == "a" else (n,)):
                continue  # its words name another number or day, another speaker, roles swapped: another statement
            if other_voice(sides, rows, cols, side, n):
                continue  # someone else's words beside the speaker's: not the other half of the speaker's statement
            if not names_more_than_actors(sides, side, n, other):
                continue  # only who speaks is found across ("… said Secretary-General Ada Roth"): a sentence of its own
            if dice is None:
                dice = bead_dice(sides, rows, cols)
            new_dice = bead_dice(sides, new_rows, new_cols)
            if new_dice > dice + TRIM_MARGIN:
                (linked_a if side == "a" else linked_b).add(n)
                rows, cols, dice, grown = new_rows, new_cols, new_dice, True
    if (rows, cols) == (link.rows, link.cols):
        return link
    return Link(max(link.score, bead_score(sides, rows, cols)), link.outlet_a, rows, link.outlet_b, cols, link.basis)
