"""Property tests of the pane order (retold.tui.state.arrange, ReaderState.open), issue 18:
the reference outlet first, the others by how much they differ from it, verbatim copies
folded last; the order never depends on the order the files came in, and no outlet is ever
unreachable (tab and > reach every one, folded or not). The navigation invariants of
test_state_properties hold on the arranged state too."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from retold.model.story import Alignment, Group, Member, Outlet, Status
from retold.tui.state import PaneLayout, ReaderState, arrange, compact_date

from state_strategies import layout_for, stories
from test_state_properties import SETTINGS, apply, check

DATES = [None, "2026-03-03", "2026-03-03T09:14:00Z", "2026-03-03T14:12:00+02:00", "2026-03-02T23:50:00Z", "not a date"]


@st.composite
def stories_with_copies(draw) -> Alignment:
    """A random story (state_strategies.stories) where some outlets get a verbatim copy: the
    same sentences, every one grouped with its source's and shared; outlets carry random
    publication times (some missing, some bare dates, one unreadable)."""
    alignment = draw(stories(max_outlets=6, max_sentences=20))
    outlets = list(alignment.outlets)
    groups = {g.id: list(g.members) for g in alignment.groups}
    sources = draw(st.lists(st.integers(0, len(outlets) - 1), max_size=3, unique=True))
    for source_number in sources:
        source = outlets[source_number]
        copy_id = f"{source.id}-copy{draw(st.integers(0, 99))}"
        if any(o.id == copy_id for o in outlets):
            continue
        source_sentences, copy_sentences = [], []
        for sentence in source.sentences:
            group = sentence.group
            if group is None:
                group = max(groups, default=-1) + 1
                groups[group] = [Member(source.id, sentence.index, 1.0)]
            groups[group].append(Member(copy_id, sentence.index, 1.0))
            shared = replace(sentence, status=Status.SHARED, group=group)
            source_sentences.append(shared)
            copy_sentences.append(shared)
        outlets[source_number] = replace(source, sentences=tuple(source_sentences))
        meta = replace(source.meta, id=copy_id, name=f"Copy of {source.name}", source=f"{copy_id}.txt")
        outlets.append(Outlet(meta, "", None, tuple(copy_sentences), ()))
    outlets = [replace(o, meta=replace(o.meta, published=draw(st.sampled_from(DATES)))) for o in outlets]
    return _rebuilt(outlets, groups)



def _rebuilt(outlets: list[Outlet], groups: dict[int, list[Member]]) -> Alignment:
    """An Alignment of `outlets` in this order, members sorted as the aligner sorts them."""
    order = {o.id: n for n, o in enumerate(outlets)}
    group_list = tuple(
        Group(gid, tuple(sorted(members, key=lambda m: (order[m.outlet], m.sentence)))) for gid, members in sorted(groups.items())
    )
    return Alignment(tuple(outlets), group_list)


def _shuffled(alignment: Alignment, permutation: list[int]) -> Alignment:
    outlets = [alignment.outlets[i] for i in permutation]
    return _rebuilt(outlets, {g.id: list(g.members) for g in alignment.groups})


@SETTINGS
@given(stories_with_copies(), st.randoms(use_true_random=False))
def test_the_order_never_depends_on_the_order_of_the_files(alignment, random):
    permutation = list(range(len(alignment.outlets)))
    random.shuffle(permutation)
    assert arrange(_shuffled(alignment, permutation)) == arrange(alignment)


@SETTINGS
@given(stories_with_copies())
def test_reference_first_copies_folded_last_every_outlet_once(alignment):
    arrangement = arrange(alignment)
    ids = [o.id for o in alignment.outlets]
    assert sorted(arrangement.order) == sorted(ids)
    assert arrangement.order[0] == arrangement.reference
    folded = arrangement.folded
    assert arrangement.reference not in folded
    tail = arrangement.order[len(ids) - len(folded):]
    assert set(tail) == folded  # the folded copies come after every unfolded outlet
    for copy in arrangement.copies:
        assert copy.source not in folded and copy.source in arrangement.order
        copy_outlet = alignment.outlet(copy.outlet)
        assert all(s.status == Status.SHARED for s in copy_outlet.sentences)
    # of an outlet and the copy built of it, one is folded (the later published, or the other
    # one when the reference is the copy)
    for outlet in alignment.outlets:
        if "-copy" in outlet.id and outlet.sentences:
            source = outlet.id.split("-copy")[0]
            assert outlet.id in folded or source in folded


@st.composite
def arranged_scenarios(draw):
    alignment = draw(stories_with_copies())
    height = draw(st.integers(4, 20))
    layouts = {o.id: draw(layout_for(len(o.sentences), height)) for o in alignment.outlets}
    fit = draw(st.integers(1, 4))
    actions = draw(st.lists(st.tuples(st.sampled_from(["j", "k", "G", "tab", "shift+tab", "]", "[", "n", "p", ">", "<", "resize"]),
                                      st.integers(0, 7), st.integers(-40, 40)), max_size=15))
    return alignment, layouts, fit, actions


@SETTINGS
@given(arranged_scenarios())
def test_no_outlet_is_ever_unreachable(scenario):
    alignment, layout_by_id, fit, actions = scenario
    state = ReaderState.open(alignment, fit)

    def layouts(number: int) -> PaneLayout:
        return layout_by_id[state.alignment.outlets[number].id]

    state = state.settle(layouts)
    unfolded = state.outlet_count - len(state.folded)
    assert state.visible_count == max(1, min(fit, unfolded))  # a folded copy takes no pane on opening
    assert sorted(state.folded) == list(range(unfolded, state.outlet_count))  # folded ones last
    check(state, layouts)
    for action, a, b in actions:
        state = apply(state, action, a, b, layouts, lambda value: value)
        check(state, layouts)
        # from anywhere: tab reaches every outlet, and > / < bring every one into the window
        reached, stepping = {state.focused}, state
        for _ in range(state.outlet_count):
            stepping = stepping.focus_step(1, layouts)
            reached.add(stepping.focused)
        assert reached == set(range(state.outlet_count))
        shown, moving = set(state.visible), state
        for step in (1, -1):
            for _ in range(state.outlet_count):
                moving = moving.shift_window(step, layouts)
                shown |= set(moving.visible)
        assert shown == set(range(state.outlet_count))


def test_compact_dates():
    assert compact_date("2026-03-03T16:05:00+01:00") == "3 Mar 15:05 UTC"  # zoned: in UTC
    assert compact_date("2026-03-03T16:05:00") == "3 Mar 16:05"  # no zone: as given, none invented
    assert compact_date("2026-03-03") == "3 Mar 2026"
    assert compact_date(None) == ""
    assert compact_date("spring") == "spring"


def test_the_readers_order_keeps_the_sources_computed_in_the_loading_thread(sample_dir):
    """The reader reorders the outlets (a new Alignment value); credits, provenance and quotes name
    outlets by id, so the value computed while loading is carried over, never computed again."""
    from retold.model.pipeline import load_alignment
    from retold.model.sources import quote_marks_for, sources_of

    alignment = load_alignment([str(sample_dir)])
    sources = sources_of(alignment)
    state = ReaderState.open(alignment, 2)
    assert [o.id for o in state.alignment.outlets] != [o.id for o in alignment.outlets]  # reordered
    assert sources_of(state.alignment) is sources
    assert quote_marks_for(state.alignment) == quote_marks_for(alignment)


def test_an_undated_wire_the_others_carry_is_the_reference_before_a_dated_copy():
    """The wire's page gave no date; two outlets that retell it are dated, one to the minute. The
    date cannot say the wire came later, the text says the others carry it: it is the reference
    (before, the copy with a time was, and the wire's pane came last, off screen)."""
    from retold.model.align import align
    from retold.model.story import OutletMeta, Sentence

    wire = ["Flood water closed the Tarrow bridge on Sunday morning.",
            "The river rose by two metres overnight after a week of rain.",
            "Police diverted traffic through the village of Embly.",
            "Engineers will inspect the bridge piers on Monday.",
            "Council leader Ruth Haskett said the bridge could stay shut for a week.",
            "Residents were told to keep away from the river banks."]
    first = wire[:4] + ["Shops in Embly reported a busy day.", "A school trip was cancelled."]
    second = wire[1:] + ["Our reporter saw sandbags piled at the bridge."]

    def outlet(oid, sentences, published):
        meta = OutletMeta(id=oid, name=oid, source=f"{oid}.txt", published=published)
        return Outlet(meta=meta, text="", title=None, removed=(),
                      sentences=tuple(Sentence(index=i, paragraph=i, text=t, start=0, end=0) for i, t in enumerate(sentences)))

    alignment = align([outlet("wire", wire, None), outlet("herald", first, "2026-03-03T09:14:00Z"), outlet("post", second, "2026-03-03")])
    assert arrange(alignment).reference == "wire"
    dated_wire = align([outlet("wire", wire, "2026-03-03T10:00:00Z"), outlet("herald", first, "2026-03-03T09:14:00Z"), outlet("post", second, "2026-03-03")])
    assert arrange(dated_wire).reference == "herald"  # a date the wire gives, later: the date decides


def test_an_outlet_that_credits_another_of_the_story_is_not_its_reference():
    """A site republished the wire under its dateline ("TARNBY (Northline) - …") and gave its
    page a time; the wire's page gave only the day. The credit says where the text came from:
    the wire is the reference (review12 had opened on the copy, the wire folded under it)."""
    from retold.model.align import align
    from retold.model.story import OutletMeta, Sentence

    wire = ["TARNBY (Northline) - Flood water closed the Tarrow bridge on Sunday morning, police said.",
            "The river rose by two metres overnight after a week of rain.",
            "Engineers will inspect the bridge piers on Monday.",
            "Council leader Ruth Haskett said the bridge could stay shut for a week."]
    copy = wire + ["Analysis: the bridge has been a worry for the council since 2019."]

    def outlet(oid, name, sentences, published):
        meta = OutletMeta(id=oid, name=name, source=f"{oid}.txt", published=published)
        return Outlet(meta=meta, text="", title=None, removed=(),
                      sentences=tuple(Sentence(index=i, paragraph=i, text=t, start=0, end=0) for i, t in enumerate(sentences)))

    story = [outlet("northline", "Northline", wire, "2026-03-03"), outlet("site", "Harbour Business", copy, "2026-03-03T09:14:00Z")]
    assert arrange(align(story)).reference == "northline"
    later = [outlet("northline", "Northline", wire, "2026-03-04"), outlet("site", "Harbour Business", copy, "2026-03-03T09:14:00Z")]
    assert arrange(align(later)).reference == "site"  # the wire dated a day later: the dates decide
