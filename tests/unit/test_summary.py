"""The overview's numbers (retold.model.summary), as rules over generated alignments."""

from hypothesis import given, settings, strategies as st

from retold.model.story import Alignment, Group, Member, Outlet, OutletMeta, Sentence, Status
from retold.model.summary import story_order, summarize


@st.composite
def alignments(draw):
    """Outlets retelling numbered statements: each outlet tells some of them, in its own order,
    sometimes in two consecutive sentences (a split), plus sentences of its own."""
    n_outlets = draw(st.integers(1, 6))
    n_statements = draw(st.integers(0, 12))
    plans = []
    for _ in range(n_outlets):
        told = draw(st.lists(st.integers(0, max(0, n_statements - 1)), unique=True, max_size=n_statements)) if n_statements else []
        plan = []
        for statement in told:
            plan.extend([statement] * draw(st.sampled_from([1, 1, 1, 2])))
            if draw(st.booleans()) and draw(st.booleans()):
                plan.append(None)  # a sentence of its own
        plans.append(plan)
    members: dict[int, list[tuple[int, int]]] = {}
    for k, plan in enumerate(plans):
        for i, statement in enumerate(plan):
            if statement is not None:
                members.setdefault(statement, []).append((k, i))
    # A statement told by one outlet only is a unique sentence, not a group.
    grouped = sorted(s for s, m in members.items() if len({k for k, _ in m}) > 1)
    group_id = {s: n for n, s in enumerate(grouped)}
    outlets = []
    for k, plan in enumerate(plans):
        sentences = []
        for i, statement in enumerate(plan):
            group = group_id.get(statement) if statement is not None else None
            status = Status.UNIQUE if group is None else draw(st.sampled_from([Status.SHARED, Status.ALTERED]))
            sentences.append(Sentence(i, 0, f"s{k}.{i}", 0, 0, status, group))
        meta = OutletMeta(id=f"o{k}", name=f"Outlet {k}", source=f"o{k}.txt")
        outlets.append(Outlet(meta=meta, text="", title=None, sentences=tuple(sentences), removed=()))
    groups = tuple(
        # Scores on both sides of STRONG: some members are "possible" counterparts.
        Group(group_id[s], tuple(Member(f"o{k}", i, draw(st.sampled_from([1.0, 0.9, 0.5]))) for k, i in sorted(members[s])))
        for s in grouped
    )
    return Alignment(outlets=tuple(outlets), groups=groups)


@settings(max_examples=150, deadline=None)
@given(alignments())
def test_every_sentence_sits_in_exactly_one_row_of_its_statement(alignment):
    summary = summarize(alignment)
    unique = sum(1 for o in alignment.outlets for s in o.sentences if s.group is None)
    assert len(summary.statements) == len(alignment.groups) + unique
    for k, outlet in enumerate(alignment.outlets):
        for sentence in outlet.sentences:
            statement = summary.statements[summary.row_of[k][sentence.index]]
            assert statement.group == sentence.group
            first = statement.sentences[k]
            assert first is not None and first <= sentence.index
            assert outlet.sentences[first].group == sentence.group
            if sentence.group is None:
                assert first == sentence.index and statement.carried_by() == 1
    for statement in summary.statements:
        if statement.group is not None:
            carriers = {m.outlet for m in alignment.groups[statement.group].members}
            assert statement.carried_by() == len(carriers)
            for k, first in enumerate(statement.sentences):
                expected = alignment.groups[statement.group].of(alignment.outlets[k].id)
                assert first == (expected[0] if expected else None)


@settings(max_examples=150, deadline=None)
@given(alignments())
def test_a_cell_is_possible_exactly_when_its_sentence_is_a_possible_counterpart(alignment):
    """The coverage map shows "?" where the pane does: a cell's first sentence rests on thin
    evidence (Member.strength "possible"); never on a unique sentence or an absent cell."""
    summary = summarize(alignment)
    for statement in summary.statements:
        for k, first in enumerate(statement.sentences):
            outlet = alignment.outlets[k]
            expected = first is not None and first in alignment.possible(outlet.id)
            assert statement.is_possible(k) == expected
            if statement.is_possible(k):
                assert alignment.member(outlet.id, first).strength == "possible"
                assert statement.group is not None


@settings(max_examples=150, deadline=None)
@given(alignments())
def test_story_order_keeps_the_first_outlet_order_and_puts_additions_after_their_predecessor(alignment):
    summary = summarize(alignment)
    assert len(story_order(alignment)) == len(summary.statements)
    if alignment.outlets:
        rows = summary.row_of[0]
        assert list(rows) == sorted(rows)
    for k, outlet in enumerate(alignment.outlets):
        for sentence in outlet.sentences[1:]:
            if sentence.group is None:  # what this outlet added comes right after what preceded it there
                assert summary.row_of[k][sentence.index] > summary.row_of[k][sentence.index - 1]


@settings(max_examples=150, deadline=None)
@given(alignments())
def test_overlap_splits_the_counterpart_share_into_shared_and_altered(alignment):
    summary = summarize(alignment)
    share = alignment.overlap()
    outlets = alignment.outlets
    for a, row in enumerate(summary.overlap):
        for b, overlap in enumerate(row):
            if a == b:
                continue
            assert overlap.total == len(outlets[a].sentences)
            with_counterpart = sum(
                1 for i in range(len(outlets[a].sentences)) if alignment.counterpart_span(outlets[a].id, i, outlets[b].id)
            )
            assert overlap.shared + overlap.altered == with_counterpart
            assert abs(overlap.share - share[outlets[a].id][outlets[b].id]) < 1e-9
            both_shared = sum(
                1 for i, s in enumerate(outlets[a].sentences)
                if s.status == "shared" and any(
                    outlets[b].sentences[j].status == "shared" for j in alignment.counterpart_span(outlets[a].id, i, outlets[b].id)
                )
            )
            assert overlap.shared == both_shared
    for stats, outlet in zip(summary.stats, outlets):
        assert stats.shared + stats.altered + stats.unique == stats.sentences == len(outlet.sentences)


def test_sample_story_statements(sample_alignment):
    summary = summarize(sample_alignment)
    assert summarize(sample_alignment) is summary  # computed once per alignment
    # Every outlet's first sentence is in the map, and the map has a row per group at least.
    assert len(summary.statements) >= len(sample_alignment.groups)
