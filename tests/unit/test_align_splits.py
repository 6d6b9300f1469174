"""Outside parallel text, a wire sentence a rewrite cut in two (or two it merged into one): the
half with the quote is paired, the other half (who said it, when, the rest of what was said)
must join its group, not stand as the outlet's own ("+"); a neighbour that is another statement
(another speaker, another number, the same actors doing something else) must not (issue 16).
Our own invented story: a wire and a rewrite that reorders it, so the pair is not parallel."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import retold.model.align.run as run
import retold.model.align.splits as splits
from retold.model.align import align
from retold.model.align.beads import side_union
from retold.model.align.evidence import POSITION_CEILING, Verdict
from retold.model.align.params import SPLIT_REST_SHARE
from retold.model.story import Outlet, OutletMeta, Sentence


def outlet(oid, sentences, language="en"):
    meta = OutletMeta(id=oid, name=oid, source=f"{oid}.txt", language=language)
    return Outlet(meta=meta, text="", title=None, removed=(),
                  sentences=tuple(Sentence(index=i, paragraph=i, text=t, start=0, end=0) for i, t in enumerate(sentences)))


SAID = ('Harbour master Ivo Brandt said on Tuesday that the quay would close to cargo ships for six weeks, '
        'adding: "We cannot risk another collapse this winter."')
WIRE = [  # SAID goes in at 1
    "Storms have damaged the northern quay of Kessel port, the harbour authority said.",
    "Repairs are expected to cost about 14 million crowns, according to the authority.",
    "Fishing boats will move to the southern basin while the work goes on.",
    "The quay was last rebuilt in 1987 after a fire destroyed its warehouses.",
    "Dock workers fear the closure will cost them weeks of pay.",
    "The union has asked the city council for a hardship fund.",
]
REWRITE = [  # the two halves go in at 2 and 3
    "Dock workers at Kessel fear they will lose weeks of pay.",
    "Their union wants the city council to set up a hardship fund.",
    "Fishing boats are being moved to the southern basin during the work.",
    "A local cafe owner said trade had already slowed.",
    "The repairs should cost around 14 million crowns.",
]
QUOTED = '"We cannot risk another collapse this winter," he said, adding that cargo ships would be kept away for six weeks.'
QUOTE_ONLY = '"We cannot risk another collapse this winter," the harbour master said.'

# (the two halves, which of them is the other half): attribution reworded before the quote, after it.
SPLITS = {
    "attribution before": (["The decision to shut the quay was announced by the port's harbour master, Ivo Brandt, "
                            "at a press conference on Tuesday.", QUOTED], 0),
    "attribution after": ([QUOTE_ONLY, "Ivo Brandt told reporters on Tuesday the quay would be shut to cargo vessels "
                                       "for a month and a half."], 1),
}
# Neighbours of the quote that are another statement.
NEAR_MISSES = {
    "another speaker": ([QUOTE_ONLY, "Mayor Anna Sollen told reporters on Tuesday the quay would be shut to cargo "
                                     "vessels for six weeks."], 1, SAID),
    "another number": ([QUOTE_ONLY, "Ivo Brandt told reporters on Tuesday the quay would be shut to cargo vessels "
                                    "for 10 weeks."], 1, SAID.replace("six weeks", "6 weeks")),
    "same actors, another deed": (["Ivo Brandt, speaking on Tuesday, thanked the crews.", QUOTED], 0, SAID),
}


def split_story(halves, said=SAID):
    """The wire gives `said` as one sentence (wire 1); the rewrite gives it as `halves` (rewrite 2, 3)."""
    return align([outlet("wire", WIRE[:1] + [said] + WIRE[1:]), outlet("rewrite", REWRITE[:2] + halves + REWRITE[2:])])


def merge_story(halves, said=SAID):
    """The same seen from the other side: the wire gives two sentences (wire 1, 2), the rewrite one (rewrite 2)."""
    return align([outlet("wire", WIRE[:1] + halves + WIRE[1:]), outlet("rewrite", REWRITE[:2] + [said] + REWRITE[2:])])


def group_of(alignment, outlet_id, index):
    return alignment.outlet(outlet_id).sentences[index].group


def member(alignment, outlet_id, index):
    group = alignment.groups[group_of(alignment, outlet_id, index)]
    return next(m for m in group.members if (m.outlet, m.sentence) == (outlet_id, index))


@pytest.mark.parametrize("name", sorted(SPLITS))
def test_the_other_half_of_a_split_joins_the_wire_sentence(name):
    halves, other = SPLITS[name]
    alignment = split_story(halves)
    assert alignment.counterpart_span("wire", 1, "rewrite") == (2, 3)
    half = member(alignment, "rewrite", 2 + other)
    assert half.strength == "possible"  # its place and the rest it fills carry it, not its words alone
    assert "position" in half.evidence


@pytest.mark.parametrize("name", sorted(SPLITS))
def test_the_other_sentence_of_a_merge_joins_the_rewrite_sentence(name):
    halves, other = SPLITS[name]
    alignment = merge_story(halves)
    assert alignment.counterpart_span("rewrite", 2, "wire") == (1, 2)
    assert member(alignment, "wire", 1 + other).strength == "possible"


@pytest.mark.parametrize("name", sorted(NEAR_MISSES))
def test_a_neighbour_that_is_another_statement_stays_the_outlets_own(name):
    halves, other, said = NEAR_MISSES[name]
    alignment = split_story(halves, said)
    assert alignment.outlet("rewrite").sentences[2 + other].status == "unique"
    assert group_of(alignment, "rewrite", 3 - other) == group_of(alignment, "wire", 1) is not None  # the quote still pairs
    alignment = merge_story(halves, said)
    assert alignment.outlet("wire").sentences[1 + other].status == "unique"
    assert group_of(alignment, "wire", 2 - other) == group_of(alignment, "rewrite", 2) is not None


def test_a_half_its_words_alone_do_not_pair_is_possible_however_strong_the_whole(monkeypatch):
    """The whole bead may read as one statement (the quote carries it); a half whose own words
    fall short of the judge's bar, with less than SPLIT_STRONG of them in the rest, is still
    shown as "possible": its place carries it."""
    original = run.grow_splits

    def with_a_strong_whole(sides, links):
        judge = sides.judge
        real = judge.verdict

        def verdict(a, rows, b, cols, structure=0.0, semantic=False):
            found = real(a, rows, b, cols, structure, semantic)
            return Verdict(0.95, found.evidence) if len(rows) + len(cols) > 2 else found

        judge.verdict = verdict
        try:
            return original(sides, links)
        finally:
            del judge.verdict

    monkeypatch.setattr(run, "grow_splits", with_a_strong_whole)
    halves, other = SPLITS["attribution after"]
    alignment = split_story(halves)
    assert alignment.counterpart_span("wire", 1, "rewrite") == (2, 3)
    half = member(alignment, "rewrite", 2 + other)
    assert half.strength == "possible" and half.score <= POSITION_CEILING


def test_the_rule_leaves_parallel_text_to_the_programme():
    """In parallel text the programme decides merges and splits: nothing is added there."""
    copy = WIRE[:1] + [SAID] + WIRE[1:]
    calls = []
    original = run.grow_splits
    try:
        run.grow_splits = lambda sides, links: calls.append(list(links)) or original(sides, links)
        alignment = align([outlet("wire", copy), outlet("copy", copy)])
    finally:
        run.grow_splits = original
    assert calls and all(len(links) == len(copy) for links in calls)
    assert all(len(g.members) == 2 for g in alignment.groups)


HALVES = [halves for halves, _o in SPLITS.values()] + [halves for halves, _o, _s in NEAR_MISSES.values()]
POOL = WIRE + REWRITE + [SAID, QUOTED, QUOTE_ONLY] + [h for halves in HALVES for h in halves]


def _added_links(first: list[str], second: list[str]) -> list[tuple]:
    """Align the two texts; per outlet pair, the rule's input links and its output."""
    seen = []
    original = splits.grow_splits

    def watched(sides, links):
        before = list(links)
        after = original(sides, links)
        seen.append((sides, before, after))
        return after

    run.grow_splits = watched
    try:
        align([outlet("one", first), outlet("two", second)])
    finally:
        run.grow_splits = original
    return seen


def _check_only_contained_free_neighbours_added(seen) -> None:
    """Every link made before the rule comes out unchanged and in place; each link it adds holds
    one sentence that no link of the pair held, near the sentences it completes, and at least
    SPLIT_REST_SHARE of its (story-weighted) words are in the part of the other side those
    sentences leave uncovered."""
    for sides, before, after in seen:
        assert after[:len(before)] == before
        held_a = {i for link in before for i in link.rows}
        held_b = {j for link in before for j in link.cols}
        for link in after[len(before):]:
            if len(link.cols) == 1 and link.cols[0] not in held_b:
                x, outlet_index, mine, other, held = link.cols[0], sides.b, sides.fb, sides.fa, link.rows
                partner = {j for l in before if set(l.rows) & set(link.rows) for j in l.cols}
            else:
                assert len(link.rows) == 1 and link.rows[0] not in held_a
                x, outlet_index, mine, other, held = link.rows[0], sides.a, sides.fa, sides.fb, link.cols
                partner = {i for l in before if set(l.cols) & set(link.cols) for i in l.rows}
            assert partner and min(abs(x - p) for p in partner) <= 3
            rest = side_union(other, held) - side_union(mine, tuple(sorted(partner)))
            share, _statement = splits.rest_share(sides, outlet_index, x, rest)
            assert share >= SPLIT_REST_SHARE


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(HALVES), st.permutations(REWRITE), st.integers(0, len(REWRITE)),
       st.sets(st.integers(0, len(WIRE) - 1), max_size=2), st.booleans())
def test_on_a_split_or_merge_the_rule_only_adds_a_contained_free_neighbour(halves, rewrite, at, dropped, merge):
    """The invariant on the story above, its rewrite reordered, the wire cut, either way round."""
    wire = [t for n, t in enumerate(WIRE) if n not in dropped]
    wire, rewrite = wire[:1] + [SAID] + wire[1:], rewrite[:at] + halves + rewrite[at:]
    if merge:
        wire, rewrite = rewrite, wire
    _check_only_contained_free_neighbours_added(_added_links(wire, rewrite))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(POOL), min_size=2, max_size=9, unique=True),
       st.lists(st.sampled_from(POOL), min_size=2, max_size=9, unique=True))
def test_on_any_two_texts_the_rule_only_adds_a_contained_free_neighbour(first, second):
    """The invariant on any two texts drawn from the story's sentences."""
    _check_only_contained_free_neighbours_added(_added_links(first, second))
