"""Phase 5g: a merge on thin evidence does not join what another outlet tells apart.

A merge link puts two or more consecutive sentences of one outlet beside one sentence of
another: union-find then keeps those sentences in one group, and every counterpart of either
joins it. When the merge rests on thin evidence ("possible", below evidence.STRONG) and a third
outlet tells two of its pieces apart — each piece is a strong one-to-one pair with a different
sentence of that outlet — the pieces are two statements that merely sit side by side ("She has
ordered the rail safety board to investigate." and "Telford apologised and said the company
would pay for hotel rooms.", each the wire's sentence near word for word, beside "Telford said
the company would not appeal the safety regulator's order …"), and the group would hold both
and everything paired with either. Such a merge is cut to its best one-to-one pair (the part
the judge finds most likely the other sentence's statement), or dropped when no part is likely
on its own words (evidence.SAME_STATEMENT): its place made it.

Two thin merges of one outlet's sentences that overlap in part (one outlet tells the wire's 10
and 11 in one sentence, another its 11 and 12) would chain three statements into one group: the
thinner keeps only the pieces the other does not hold (_overlaps_cut).

A merge no other outlet contradicts stands (a sentence cut in pieces, "Take your medicines.
Take your documents. Take your pets.", and a translator's merges, which are thin in words by
nature). Within one language only (the judge reads one).
"""

from __future__ import annotations

import retold.model.align.evidence as ev
from retold.model.align.records import Link, new_link

Node = tuple[int, int]  # (outlet, sentence)


def weak_merges_cut(links: list[Link], judge: ev.Judge, languages: list[str]) -> list[Link]:
    """`links`, each thin merge whose pieces a third outlet tells apart replaced by its best
    one-to-one part (or left out when none is likely on its own), and each thin merge that
    overlaps a stronger one (_overlaps_cut) kept to the pieces that one does not hold."""
    if all(len(link.rows) == 1 and len(link.cols) == 1 for link in links):
        return links  # no merge to weigh: spare judging every pair (most outlet pairs of a big story)
    return _overlaps_cut(_told_apart_cut(_translation_cut(links, judge, languages), judge, languages), judge, languages)


def _translation_cut(links: list[Link], judge: ev.Judge, languages: list[str]) -> list[Link]:
    """A thin merge across languages keeps only the pieces whose own numbers the one sentence
    carries, when another piece has its own that it does not: "The bank thinks the
    economy will grow only 1.4% this year instead of 1.9%" beside a German outlet's "this year it
    expects 5.3 percent on average." and "the growth forecast for 2026 was cut to 1.4 from 1.9
    percent." is the second alone (the first had joined the growth figure's group). A merge whose
    pieces name nothing of their own stands: a translator's merges are thin in words by nature."""
    out = []
    for link in links:
        a, b = link.outlet_a, link.outlet_b
        if ((len(link.rows) == 1) == (len(link.cols) == 1) or not (languages[a] and languages[b] and languages[a] != languages[b])
                or ev.long_parallel(judge, a, b)  # a translation's own merge: its lengths hold it
                or judge.link_verdict(link).confidence >= ev.STRONG):
            out.append(link)
            continue
        if set(judge.link_verdict(link).evidence) == {"position"}:
            continue  # its place alone made it: no merge of two statements on that (review17's release tail)
        outlet, pieces = _pieces(link)
        one = (b, link.cols[0]) if outlet == a else (a, link.rows[0])

        def marks(node: Node) -> set[str]:
            found = judge.clues_of(*node)
            return set(found.numbers) | set(found.names)

        def own_of(marked: list[set[str]]) -> list[set[str]]:
            return [mine - set().union(*(other for m, other in enumerate(marked) if m != n)) for n, mine in enumerate(marked)]

        carried = marks(one)
        own = own_of([marks((outlet, p)) for p in pieces])
        covered = [n for n, mine in enumerate(own) if mine & carried]
        # Left out only for a number of its own the sentence does not give: a name is spelt
        # otherwise in another language ("Genf", "Genève": Text+Berg's German and French pieces
        # lost merges that were right when a name alone decided).
        numbers = own_of([set(judge.clues_of(outlet, p).numbers) for p in pieces])
        if not covered or not any(mine and not mine & carried for mine in numbers):
            out.append(link)
            continue
        covered = [n for n in range(len(pieces)) if n in covered or not (numbers[n] and not numbers[n] & carried)]
        run = pieces[covered[0]:covered[-1] + 1]  # consecutive, as a merge's pieces are
        if len(run) != len(covered):
            run = (pieces[max(covered, key=lambda n: len(own[n] & carried))],)
        out.append(Link(link.score, a, run, b, link.cols, link.basis) if outlet == a else Link(link.score, a, link.rows, b, run, link.basis))
    return out


def _overlaps_cut(links: list[Link], judge: ev.Judge, languages: list[str]) -> list[Link]:
    """Two merges of one outlet's sentences that share a piece but neither holds all the
    other's pieces (one outlet tells the wire's 10 and 11 in one sentence, another its 11 and 12)
    would make one group of three statements, 10 to 12, that no outlet tells as one. The
    thinner of the two, when thin (below evidence.STRONG), keeps only the pieces the other does
    not hold: its link to those rests on what it shares with them, shown as its own verdict.
    Within one language (the judge reads one)."""
    merges = [n for n, link in enumerate(links) if (len(link.rows) > 1 or len(link.cols) > 1)
              and not (languages[link.outlet_a] and languages[link.outlet_b] and languages[link.outlet_a] != languages[link.outlet_b])]
    if len(merges) < 2:
        return links
    sides: dict[int, list[tuple[int, frozenset[int]]]] = {}  # outlet -> (link number, its merged pieces there)
    for n in merges:
        link = links[n]
        for outlet, side in ((link.outlet_a, link.rows), (link.outlet_b, link.cols)):
            if len(side) > 1:
                sides.setdefault(outlet, []).append((n, frozenset(side)))
    lose: dict[int, dict[int, set[int]]] = {}  # link number -> outlet -> the pieces it gives up there
    for outlet, held in sides.items():
        for x, (m, pieces_m) in enumerate(held):
            for n, pieces_n in held[x + 1:]:
                shared = pieces_m & pieces_n
                if not shared or pieces_m <= pieces_n or pieces_n <= pieces_m:
                    continue
                # The thinner gives way; of equal confidence, the later link (the order is the aligner's own).
                thinner = min((m, n), key=lambda k: (judge.link_verdict(links[k]).confidence, -k))
                if judge.link_verdict(links[thinner]).confidence >= ev.STRONG:
                    continue
                lose.setdefault(thinner, {}).setdefault(outlet, set()).update(shared)
    if not lose:
        return links
    out = []
    for n, link in enumerate(links):
        if n not in lose:
            out.append(link)
            continue
        given_up = lose[n]
        rows = tuple(i for i in link.rows if i not in given_up.get(link.outlet_a, ()))
        cols = tuple(j for j in link.cols if j not in given_up.get(link.outlet_b, ()))
        if rows and cols:
            out.append(new_link(link.score, link.outlet_a, rows, link.outlet_b, cols, link.basis))
    return out


def _weighed(link: Link, languages: list[str]) -> bool:
    """A merge whose pieces _told_apart_cut asks about: not one-to-one, within one language."""
    a, b = link.outlet_a, link.outlet_b
    return not ((len(link.rows) == 1 and len(link.cols) == 1) or (languages[a] and languages[b] and languages[a] != languages[b]))


def _pieces(link: Link) -> tuple[int, tuple[int, ...]]:
    """The merge's longer side: (outlet, its sentences), the pieces _told_apart reads."""
    return (link.outlet_a, link.rows) if len(link.rows) > 1 else (link.outlet_b, link.cols)


def _told_apart_cut(links: list[Link], judge: ev.Judge, languages: list[str]) -> list[Link]:
    # The strong partners are kept only for the sentences _told_apart reads them for: the pieces
    # of the merges it weighs (a big story's every sentence, with a dict and a set each, was
    # the peak of its memory).
    asked = {(outlet, p) for link in links if _weighed(link, languages) for outlet, pieces in (_pieces(link),) for p in pieces}
    strong: dict[Node, dict[int, set[int]]] = {}  # such a sentence -> outlet -> its strong one-to-one partners there
    # (outlet, i, j) -> what sentences i < j of one outlet are merged against (the other side of
    # each link that holds both)
    merged: dict[tuple[int, int, int], set[tuple[int, tuple[int, ...]]]] = {}
    for link in links:
        for outlet, side, other in ((link.outlet_a, link.rows, (link.outlet_b, link.cols)), (link.outlet_b, link.cols, (link.outlet_a, link.rows))):
            for n, i in enumerate(side):
                for j in side[n + 1:]:
                    merged.setdefault((outlet, i, j), set()).add(other)
        if len(link.rows) == 1 and len(link.cols) == 1:
            x, y = (link.outlet_a, link.rows[0]), (link.outlet_b, link.cols[0])
            if (x in asked or y in asked) and judge.link_verdict(link).confidence >= ev.STRONG:
                if x in asked:
                    strong.setdefault(x, {}).setdefault(y[0], set()).add(y[1])
                if y in asked:
                    strong.setdefault(y, {}).setdefault(x[0], set()).add(x[1])
    out = []
    for link in links:
        a, b = link.outlet_a, link.outlet_b
        if not _weighed(link, languages) or not _told_apart(link, strong, merged, judge) or judge.link_verdict(link).confidence >= ev.STRONG:
            out.append(link)
            continue
        confidence, rows, cols = max((judge.verdict(a, (i,), b, (j,)).confidence, (i,), (j,)) for i in link.rows for j in link.cols)
        if confidence >= ev.SAME_STATEMENT:
            out.append(Link(link.score, a, rows, b, cols, link.basis))
    return out


def _told_apart(link: Link, strong: dict[Node, dict[int, set[int]]], merged: dict[tuple[int, int, int], set], judge: ev.Judge) -> bool:
    """Two pieces of the merge's longer side are each a strong pair with a different sentence of
    one third outlet, which no link of its own holds together (a third outlet that splits the
    sentence as this one does, and merges its pieces too, tells nothing apart).

    A third outlet's merge beside this very sentence is the same question asked again, not a
    third view: a wire and its copy both set "Wrenfield said he would not resign." and "The
    trust called on Wrenfield to resign." beside one outlet's "Its chair called for Wrenfield to
    resign.", and would shield each other. Then the merge's own words decide: it is told apart
    when one of its pieces shares nothing with the sentence but the names (who acts, not what is
    said), and stands when each piece says something of it ("the course would go to local clubs
    and schools" beside "Hollund, who said the course would later be handed to local clubs and
    schools, told us: …")."""
    outlet, pieces = _pieces(link)
    this_side = (link.outlet_b, link.cols) if outlet == link.outlet_a else (link.outlet_a, link.rows)
    this_pair = {link.outlet_a, link.outlet_b}
    twice: bool | None = None  # asked once: does a piece share only names with this sentence?
    for n, p in enumerate(pieces):
        for q in pieces[n + 1:]:
            for k, partners in strong.get((outlet, p), {}).items():
                if k in this_pair:
                    continue
                others = strong.get((outlet, q), {}).get(k, set())
                for i in partners:
                    for j in others:
                        if i == j:
                            continue
                        held = merged.get((k, min(i, j), max(i, j)), set())
                        if not held:
                            return True
                        if not held - {this_side}:
                            if twice is None:
                                twice = _a_piece_says_only_names(link, outlet, pieces, this_side, judge)
                            if twice:
                                return True
    return False


def _a_piece_says_only_names(link: Link, outlet: int, pieces: tuple[int, ...], this_side: tuple[int, tuple[int, ...]], judge: ev.Judge) -> bool:
    other, side = this_side
    for p in pieces:
        if outlet == link.outlet_a:
            evidence = judge.verdict(outlet, (p,), other, side).evidence
        else:
            evidence = judge.verdict(other, side, outlet, (p,)).evidence
        if set(evidence) <= _NAMES_ONLY:
            return True
    return False


_NAMES_ONLY = {"names", "position"}  # the same people named, or the place in the text: not what is said
