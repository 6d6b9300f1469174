"""Speed shortcuts of the speed10 round decide exactly as the plain code they stand in for, over
generated inputs (issue 16).

- lone.lone_pairs_dropped builds the groups of the other links only when some lone candidate
  has both its sentences held by them (only such a candidate can be dropped).
"""

from __future__ import annotations

from collections import Counter

from hypothesis import event, given, settings
from hypothesis import strategies as st

import retold.model.align.evidence as ev
from retold.model.align import lone
from retold.model.align.nodesets import NodeSets
from retold.model.align.records import Link


class Judge:
    """Each link's confidence as given; every outlet pair not parallel."""

    def __init__(self, confidences: dict):
        self.confidences = confidences
        self.parallel: dict = {}

    def link_verdict(self, link):
        return ev.Verdict(self.confidences[(link.outlet_a, link.rows, link.outlet_b, link.cols)], ("lexical",))


def plain(links: list[Link], judge, sizes: list[int], languages: list[str]) -> list[Link]:
    """lone_pairs_dropped as it was before the shortcut."""
    count = Counter((link.outlet_a, link.outlet_b) for link in links)
    candidates = [n for n, link in enumerate(links) if lone._candidate(link, count, judge, sizes, languages)]
    if not candidates:
        return links
    sets = NodeSets()
    held = set()
    skip = set(candidates)
    for n, link in enumerate(links):
        if n in skip:
            continue
        nodes = [(link.outlet_a, i) for i in link.rows] + [(link.outlet_b, j) for j in link.cols]
        held.update(nodes)
        sets.join(nodes)
    dropped = set()
    for n in candidates:
        link = links[n]
        x, y = (link.outlet_a, link.rows[0]), (link.outlet_b, link.cols[0])
        if x in held and y in held and sets.find(x) != sets.find(y):
            dropped.add(n)
    return [link for n, link in enumerate(links) if n not in dropped] if dropped else links


@st.composite
def stories(draw):
    outlets = draw(st.integers(2, 5))
    size = draw(st.integers(1, 8))
    links, confidences = [], {}
    for _ in range(draw(st.integers(0, 30))):
        a = draw(st.integers(0, outlets - 2))
        b = draw(st.integers(a + 1, outlets - 1))
        i = draw(st.integers(0, size - 2)) if size > 1 else 0
        rows = (i, i + 1) if size > 1 and draw(st.booleans()) and draw(st.booleans()) else (i,)
        cols = (draw(st.integers(0, size - 1)),)
        link = Link(0.5, a, rows, b, cols)
        links.append(link)
        confidences[(a, rows, b, cols)] = draw(st.sampled_from([0.3, 0.6, 0.9]))
    return links, Judge(confidences), [size] * outlets, ["en"] * outlets


@settings(max_examples=400, deadline=None)
@given(stories())
def test_lone_pairs_dropped_as_the_plain_version(story):
    links, judge, sizes, languages = story
    expected = plain(links, judge, sizes, languages)
    got = lone.lone_pairs_dropped(links, judge, sizes, languages)
    event("some dropped" if len(expected) < len(links) else "none dropped")
    assert got == expected
