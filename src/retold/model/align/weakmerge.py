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

A merge no other outlet contradicts stands (a sentence cut in pieces, "Take your medicines.
Take your documents. Take your pets.", and a translator's merges, which are thin in words by
nature). Within one language only (the judge reads one).
"""

from __future__ import annotations

import retold.model.align.evidence as ev
from retold.model.align.records import Link

Node = tuple[int, int]  # (outlet, sentence)


def weak_merges_cut(links: list[Link], judge: ev.Judge, languages: list[str]) -> list[Link]:
    """`links`, each thin merge whose pieces a third outlet tells apart replaced by its best
    one-to-one part (or left out when none is likely on its own)."""
    if all(len(link.rows) == 1 and len(link.cols) == 1 for link in links):
        return links  # no merge to weigh: spare judging every pair (most outlet pairs of a big story)
    strong: dict[Node, dict[int, set[int]]] = {}  # sentence -> outlet -> its strong one-to-one partners there
    merged: set[tuple[int, int, int]] = set()  # (outlet, i, j): sentences i < j of one outlet in one link's side
    for link in links:
        for outlet, side in ((link.outlet_a, link.rows), (link.outlet_b, link.cols)):
            merged.update((outlet, i, j) for n, i in enumerate(side) for j in side[n + 1:])
        if len(link.rows) == 1 and len(link.cols) == 1 and judge.link_verdict(link).confidence >= ev.STRONG:
            x, y = (link.outlet_a, link.rows[0]), (link.outlet_b, link.cols[0])
            strong.setdefault(x, {}).setdefault(y[0], set()).add(y[1])
            strong.setdefault(y, {}).setdefault(x[0], set()).add(x[1])
    out = []
    for link in links:
        a, b = link.outlet_a, link.outlet_b
        if ((len(link.rows) == 1 and len(link.cols) == 1) or (languages[a] and languages[b] and languages[a] != languages[b])
                or not _told_apart(link, strong, merged) or judge.link_verdict(link).confidence >= ev.STRONG):
            out.append(link)
            continue
        confidence, rows, cols = max((judge.verdict(a, (i,), b, (j,)).confidence, (i,), (j,)) for i in link.rows for j in link.cols)
        if confidence >= ev.SAME_STATEMENT:
            out.append(Link(link.score, a, rows, b, cols, link.basis))
    return out


def _told_apart(link: Link, strong: dict[Node, dict[int, set[int]]], merged: set[tuple[int, int, int]]) -> bool:
    """Two pieces of the merge's longer side are each a strong pair with a different sentence of
    one third outlet, which no link of its own holds together (a third outlet that splits the
    sentence as this one does, and merges its pieces too, tells nothing apart)."""
    outlet, pieces = (link.outlet_a, link.rows) if len(link.rows) > 1 else (link.outlet_b, link.cols)
    this_pair = {link.outlet_a, link.outlet_b}
    for n, p in enumerate(pieces):
        for q in pieces[n + 1:]:
            for k, partners in strong.get((outlet, p), {}).items():
                if k in this_pair:
                    continue
                others = strong.get((outlet, q), {}).get(k, set())
                if any(i != j and (k, min(i, j), max(i, j)) not in merged for i in partners for j in others):
                    return True
    return False
