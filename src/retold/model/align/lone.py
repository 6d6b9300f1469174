"""Phase 5f: a lone pair on thin evidence never joins two groups.

Retellings of one report share many of its statements; two outlets that report on their own
(a wire and a paper's own reporter at the scene) share few, and a pair between them resting on
one fact both give in other words ("The railway expects the line to stay closed for at least
six weeks." beside a wire lead that says so among more) is as likely another statement of the
same event as the same one. The evidence of an outlet pair is all its pairs: a pair that is the
only one between two outlets of some length stands on its own words. When those are thin
(below evidence.STRONG: "possible") and the pair would join two groups that other links hold
together — each of its sentences already has counterparts of its own — union-find would chain
two statements through it; it is dropped. A lone thin pair that brings a sentence no other
link holds into a group stays (as "possible"), and so does one the other links make anyway.

Only within one language (the judge reads one), outside parallel text (where place is evidence
too), and between texts of at least LONE_TEXTS sentences each (a story of one-sentence outlets
has only lone pairs). Every candidate is weighed against the groups of the other links alone,
so the result does not depend on the links' order.
"""

from __future__ import annotations

from collections import Counter

import retold.model.align.evidence as ev
from retold.model.align.nodesets import Node, NodeSets
from retold.model.align.records import Link

LONE_TEXTS = ev.PLACE_TEXTS  # sentences each outlet needs before its pairs' number says anything


def _candidate(link: Link, count: Counter, judge: ev.Judge, sizes: list[int], languages: list[str]) -> bool:
    a, b = link.outlet_a, link.outlet_b
    return (
        count[(a, b)] == 1
        and len(link.rows) == 1 and len(link.cols) == 1
        and min(sizes[a], sizes[b]) >= LONE_TEXTS
        and not (languages[a] and languages[b] and languages[a] != languages[b])
        and not judge.parallel.get((a, b), False)
        and judge.link_verdict(link).confidence < ev.STRONG
    )


def lone_pairs_dropped(links: list[Link], judge: ev.Judge, sizes: list[int], languages: list[str]) -> list[Link]:
    """`links` without each lone "possible" pair that would join two groups (see the module)."""
    count = Counter((link.outlet_a, link.outlet_b) for link in links)
    lone = [n for n, link in enumerate(links) if _candidate(link, count, judge, sizes, languages)]
    if not lone:
        return links
    held: set[Node] = set()  # sentences a link other than the candidates holds
    skip = set(lone)
    for n, link in enumerate(links):
        if n not in skip:
            held.update((link.outlet_a, i) for i in link.rows)
            held.update((link.outlet_b, j) for j in link.cols)
    # Only a candidate both of whose sentences other links hold may be dropped: when none is,
    # the groups of the other links need not be built (a big story's second look, rescue.py,
    # adds lone pairs that bring in a sentence nothing else holds: 0.14 s of union-find over
    # a 40 x 1,000 story's links for nothing; tests/unit/test_speed_equivalence_5.py).
    lone = [n for n in lone if (links[n].outlet_a, links[n].rows[0]) in held and (links[n].outlet_b, links[n].cols[0]) in held]
    if not lone:
        return links
    sets = NodeSets()
    for n, link in enumerate(links):
        if n not in skip:
            sets.join([(link.outlet_a, i) for i in link.rows] + [(link.outlet_b, j) for j in link.cols])
    dropped = set()
    for n in lone:
        link = links[n]
        x, y = (link.outlet_a, link.rows[0]), (link.outlet_b, link.cols[0])
        if x in held and y in held and sets.find(x) != sets.find(y):
            dropped.add(n)  # two groups, each held by links of its own: not chained through this one
    return [link for n, link in enumerate(links) if n not in dropped] if dropped else links
