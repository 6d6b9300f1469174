"""A lone pair on thin evidence never joins two groups (retold.model.align.lone, issue 16).

Two outlets that share one "possible" pair and nothing else: when each of its sentences already
has counterparts of its own, union-find would chain two statements through it (a paper's own
reporting beside the wire lead that says the same fact among more). Our own invented figures:
links between numbered outlets, a judge whose verdicts are set by hand.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

import retold.model.align.evidence as ev
import retold.model.align.run as run
from retold.model.align import align
from retold.model.align.lone import LONE_TEXTS, lone_pairs_dropped
from retold.model.align.records import new_link
from retold.model.story import Outlet, OutletMeta, Sentence

SIZES = [8, 8, 8, 8]
ENGLISH = ["en"] * 4
SURE, THIN = 0.95, 0.6


class FakeJudge:
    """The judge's two answers the phase asks: whether an outlet pair is parallel, and a link's verdict."""

    def __init__(self, confidences: dict, parallel: dict | None = None):
        self.confidences = confidences
        self.parallel = parallel or {}

    def link_verdict(self, link):
        return ev.Verdict(self.confidences.get((link.outlet_a, link.rows, link.outlet_b, link.cols), SURE), ())


def link(a, i, b, j):
    return new_link(0.7, a, (i,), b, (j,))


def judge_with(thin_links, parallel=None):
    return FakeJudge({(x.outlet_a, x.rows, x.outlet_b, x.cols): THIN for x in thin_links}, parallel)


# Outlets 0 and 1 copy each other (the wire); 2 and 3 copy each other (a paper's own report).
WIRE_LEAD = link(0, 0, 1, 0)
OWN_COPY = link(2, 5, 3, 5)
BRIDGE = link(1, 0, 2, 5)  # the only pair between outlets 1 and 2, and a thin one


def test_a_lone_thin_pair_between_two_held_groups_is_dropped():
    links = [WIRE_LEAD, OWN_COPY, BRIDGE]
    assert lone_pairs_dropped(links, judge_with([BRIDGE]), SIZES, ENGLISH) == [WIRE_LEAD, OWN_COPY]


def test_a_lone_thin_pair_that_brings_in_a_sentence_no_other_link_holds_stays():
    alone = link(1, 3, 2, 1)  # outlet 2's sentence 1 has no other counterpart
    links = [WIRE_LEAD, OWN_COPY, alone]
    assert lone_pairs_dropped(links, judge_with([alone]), SIZES, ENGLISH) == links


def test_a_lone_pair_that_is_sure_stays():
    links = [WIRE_LEAD, OWN_COPY, BRIDGE]
    assert lone_pairs_dropped(links, judge_with([]), SIZES, ENGLISH) == links


def test_a_thin_pair_is_not_lone_when_its_outlets_share_another():
    other = link(1, 4, 2, 2)
    links = [WIRE_LEAD, OWN_COPY, BRIDGE, other]
    assert lone_pairs_dropped(links, judge_with([BRIDGE]), SIZES, ENGLISH) == links


def test_a_thin_lone_pair_the_other_links_make_anyway_stays():
    through = [link(0, 0, 3, 5)]  # outlet 0's lead and outlet 3's sentence are one group already
    links = [WIRE_LEAD, OWN_COPY, BRIDGE] + through
    assert lone_pairs_dropped(links, judge_with([BRIDGE]), SIZES, ENGLISH) == links


def test_parallel_text_other_languages_and_short_texts_are_left_alone():
    links = [WIRE_LEAD, OWN_COPY, BRIDGE]
    assert lone_pairs_dropped(links, judge_with([BRIDGE], {(1, 2): True}), SIZES, ENGLISH) == links
    assert lone_pairs_dropped(links, judge_with([BRIDGE]), SIZES, ["en", "en", "de", "de"]) == links
    short = [8, 8, LONE_TEXTS - 1, 8]
    assert lone_pairs_dropped(links, judge_with([BRIDGE]), short, ENGLISH) == links


def _components(links, sizes):
    parent = {(k, i): (k, i) for k, size in enumerate(sizes) for i in range(size)}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for x in links:
        parent[find((x.outlet_a, x.rows[0]))] = find((x.outlet_b, x.cols[0]))
    return find


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 5), st.integers(0, 3), st.integers(0, 5), st.booleans()),
                min_size=1, max_size=14),
       st.randoms(use_true_random=False))
def test_no_kept_link_is_a_lone_thin_bridge_and_order_does_not_matter(raw, rnd: random.Random):
    """Invariants on generated links: only lone thin one-to-one pairs are dropped; each dropped one
    joined two sentences that the other links hold, in different groups; the result as a set
    does not depend on the order of the links."""
    links, thin = [], []
    for a, i, b, j, is_thin in raw:
        if a == b:
            continue
        a, i, b, j = (a, i, b, j) if a < b else (b, j, a, i)
        made = link(a, i, b, j)
        if made not in links:
            links.append(made)
            if is_thin:
                thin.append(made)
    judge = judge_with(thin)
    sizes = [6] * 4
    kept = lone_pairs_dropped(links, judge, sizes, ENGLISH)
    assert set(kept) <= set(links)
    shuffled = links[:]
    rnd.shuffle(shuffled)
    assert set(lone_pairs_dropped(shuffled, judge, sizes, ENGLISH)) == set(kept)
    def lone_and_thin(x):
        return x in thin and sum((y.outlet_a, y.outlet_b) == (x.outlet_a, x.outlet_b) for y in links) == 1

    base = [x for x in kept if not lone_and_thin(x)]  # the groups other links hold
    find = _components(base, sizes)
    held = {(x.outlet_a, x.rows[0]) for x in base} | {(x.outlet_b, x.cols[0]) for x in base}
    for gone in set(links) - set(kept):
        assert lone_and_thin(gone)
        x, y = (gone.outlet_a, gone.rows[0]), (gone.outlet_b, gone.cols[0])
        assert x in held and y in held and find(x) != find(y)


WIRE = [
    "The Brenna coast road will stay shut for at least three weeks after a rockfall covered 80 metres of it near "
    "the hamlet of Tolve, the roads agency said on Friday.",
    "Nobody was injured when the cliff gave way late on Thursday, an hour after the last bus had gone through.",
    '"The rock came down much faster than our sensors suggested," said Edda Varn, the agency\'s chief geologist.',
    "Varn called the closure a heavy blow for the whole coast and said ferries would carry cars from Monday.",
    "About 2,500 vehicles use the road on a weekday, most of them lorries bound for Kalm.",
    "The provincial council has set aside 9 million crowns for the clean-up.",
]
OWN = [  # a paper's own reporter at the scene: the same event, its own statements
    "TOLVE (Coast Herald) - People in Tolve woke on Friday to find half the cliff lying across their only road.",
    "The rockfall buried about 80 metres of the Brenna coast road late on Thursday, an hour after a bus had passed.",
    '"It was like a train that would not stop," said Pell Orrin, who keeps sheep above the village.',
    "Fishermen in the harbour say the cliff has been cracking since the spring storms.",
    "Shops in the hamlet expect a quiet summer.",
    "The roads agency expects the road to stay shut for at least three weeks.",
]


def _story():
    def outlet(oid, texts):
        meta = OutletMeta(id=oid, name=oid, source=f"{oid}.txt", language="en")
        return Outlet(meta=meta, text="", title=None, removed=(),
                      sentences=tuple(Sentence(index=i, paragraph=i, text=t, start=0, end=0) for i, t in enumerate(texts)))

    wire_copy = [s.replace("heavy blow", "hard blow") for s in WIRE]
    return [outlet("wire_a", WIRE), outlet("wire_b", wire_copy), outlet("own_a", OWN), outlet("own_b", OWN)]


def test_an_own_reports_sentence_does_not_chain_to_the_wire_lead_that_says_it_among_more(monkeypatch):
    """Through align(): the reporter's "expects the road to stay shut for at least three weeks"
    is a thin pair with the wire lead, the only one between the two reports, and each side has
    its copy: without the rule the two wires' lead and the two reports' sentence are one group."""
    alignment = align(_story())
    assert alignment.outlet("wire_a").sentences[0].group != alignment.outlet("own_a").sentences[5].group
    assert alignment.outlet("own_a").sentences[5].group == alignment.outlet("own_b").sentences[5].group  # its copy stays
    monkeypatch.setattr(run, "lone_pairs_dropped", lambda links, *rest: links)
    chained = align(_story())
    assert chained.outlet("wire_a").sentences[0].group == chained.outlet("own_a").sentences[5].group
