"""Speed and memory shortcuts of the later phases decide exactly as the plain code they stand in
for, over generated inputs (issue 16).

- weakmerge._told_apart_cut keeps the strong one-to-one partners only of the sentences it asks
  about (the pieces of the merges it weighs), not of every sentence of the story.
"""

from __future__ import annotations

from hypothesis import event, given, settings
from hypothesis import strategies as st

import retold.model.align.evidence as ev
from retold.model.align import weakmerge
from retold.model.align.records import Link

CONFIDENCES = [0.3, 0.55, 0.8, 0.95]


class Judge:
    """Confidences as given per link (outlet_a, rows, outlet_b, cols), else per one-to-one pair."""

    def __init__(self, confidences: dict):
        self.confidences = confidences

    def verdict(self, a, rows, b, cols, *_args):
        found = self.confidences.get((a, tuple(rows), b, tuple(cols)), (0.4, ("names",)))
        return ev.Verdict(*found)

    def link_verdict(self, link):
        return self.verdict(link.outlet_a, link.rows, link.outlet_b, link.cols)


def _plain_told_apart_cut(links, judge, languages):
    """weakmerge._told_apart_cut as it was: every sentence's strong partners."""
    strong, merged = {}, {}
    for link in links:
        for outlet, side, other in ((link.outlet_a, link.rows, (link.outlet_b, link.cols)), (link.outlet_b, link.cols, (link.outlet_a, link.rows))):
            for n, i in enumerate(side):
                for j in side[n + 1:]:
                    merged.setdefault((outlet, i, j), set()).add(other)
        if len(link.rows) == 1 and len(link.cols) == 1 and judge.link_verdict(link).confidence >= ev.STRONG:
            x, y = (link.outlet_a, link.rows[0]), (link.outlet_b, link.cols[0])
            strong.setdefault(x, {}).setdefault(y[0], set()).add(y[1])
            strong.setdefault(y, {}).setdefault(x[0], set()).add(x[1])
    out = []
    for link in links:
        a, b = link.outlet_a, link.outlet_b
        if ((len(link.rows) == 1 and len(link.cols) == 1) or (languages[a] and languages[b] and languages[a] != languages[b])
                or not weakmerge._told_apart(link, strong, merged, judge) or judge.link_verdict(link).confidence >= ev.STRONG):
            out.append(link)
            continue
        confidence, rows, cols = max((judge.verdict(a, (i,), b, (j,)).confidence, (i,), (j,)) for i in link.rows for j in link.cols)
        if confidence >= ev.SAME_STATEMENT:
            out.append(Link(link.score, a, rows, b, cols, link.basis))
    return out


@st.composite
def stories(draw):
    outlets = draw(st.integers(3, 5))
    links, confidences = [], {}
    for _ in range(draw(st.integers(1, 30))):
        a, b = sorted(draw(st.lists(st.integers(0, outlets - 1), min_size=2, max_size=2, unique=True)))
        start_a, start_b = draw(st.integers(0, 3)), draw(st.integers(0, 3))
        rows = tuple(range(start_a, start_a + draw(st.sampled_from([1, 1, 1, 2, 3]))))
        cols = tuple(range(start_b, start_b + (draw(st.sampled_from([1, 1, 2])) if len(rows) == 1 else 1)))
        links.append(Link(0.5, a, rows, b, cols))
        confidences[(a, rows, b, cols)] = (draw(st.sampled_from(CONFIDENCES)), draw(st.sampled_from([("names",), ("lexical",)])))
        for i in rows:
            for j in cols:
                confidences.setdefault((a, (i,), b, (j,)), (draw(st.sampled_from(CONFIDENCES)), draw(st.sampled_from([("names",), ("lexical",)]))))
    languages = draw(st.lists(st.sampled_from(["en", "en", "en", "de", ""]), min_size=outlets, max_size=outlets))
    return links, Judge(confidences), languages


@settings(max_examples=400, deadline=None)
@given(stories())
def test_told_apart_cut_with_the_asked_sentences_strong_partners_is_the_plain_cut(story):
    links, judge, languages = story
    plain = _plain_told_apart_cut(links, judge, languages)
    event("a merge cut" if plain != links else "nothing cut")
    assert weakmerge._told_apart_cut(links, judge, languages) == plain
