"""Property tests of the navigation model (retold.tui.state): the six invariants of issue 9
over random stories (merges and splits included), layouts, pane heights and key sequences."""

from __future__ import annotations

import os

from hypothesis import example, given, settings

from retold.model.story import Alignment, Group, Member, Outlet, OutletMeta, Sentence, Status
from retold.tui.state import PaneLayout, ReaderState
from retold.tui.sync import follower_row

from state_strategies import scenarios

# RETOLD_HYPOTHESIS_EXAMPLES raises the count for a thorough local run (the suite keeps 150).
SETTINGS = settings(max_examples=int(os.environ.get("RETOLD_HYPOTHESIS_EXAMPLES", "150")), deadline=None)


def apply(state: ReaderState, action: str, a: int, b: int, layouts, set_fit) -> ReaderState:
    if action == "j":
        return state.move_cursor(1, layouts)
    if action == "k":
        return state.move_cursor(-1, layouts)
    if action == "g":
        return state.cursor_edge(False, layouts)
    if action == "G":
        return state.cursor_edge(True, layouts)
    if action in ("pgdn", "pgup"):
        return state.page(1 if action == "pgdn" else -1, layouts)
    if action in ("tab", "shift+tab"):
        return state.focus_step(1 if action == "tab" else -1, layouts)
    if action in ("]", "["):
        return state.jump_counterpart(1 if action == "]" else -1, layouts)
    if action in ("n", "p"):
        return state.change(1 if action == "n" else -1, layouts)
    if action in (">", "<"):
        return state.shift_window(1 if action == ">" else -1, layouts)
    if action == "s":
        return state.toggle_sync(layouts)
    if action == "click":
        number = state.visible[a % state.visible_count]
        return state.click(number, abs(b) % layouts(number).height, layouts)
    if action == "wheel":
        return state.scrolled(state.focused, (state.tops[state.focused] or 0) + b, layouts)
    if action == "relayout":
        return state.settle(layouts)
    if action == "resize":
        return state.resize(set_fit(a % 4 + 1), layouts)
    raise AssertionError(action)


def visible_sentence(layout: PaneLayout, top: int) -> bool:
    last = layout.sentence_at(top + layout.height - 1)
    return layout.on_screen(last, top)


def check(state: ReaderState, layouts) -> None:
    # (6) the window contains the focused outlet; cursors stay in range
    assert state.focused in state.visible
    assert 0 <= state.first_visible and state.first_visible + state.visible_count <= state.outlet_count
    for number, cursor in enumerate(state.cursors):
        assert 0 <= cursor < max(1, state.sentence_count(number))
    lead = layouts(state.focused)
    for number in state.visible:
        layout = layouts(number)
        top = state.tops[number]
        assert top is not None and 0 <= top <= layout.max_top
        # (2) a pane with sentences shows some of them
        if layout.first_row:
            assert visible_sentence(layout, top), (number, top, layout)
    if not lead.first_row:
        return
    lead_top = state.tops[state.focused]
    cursor_row = lead.first_row[state.cursor] - lead_top
    # (1) the cursor sentence is on screen, at the anchor row
    assert lead.on_screen(state.cursor, lead_top)
    assert cursor_row == state.anchor_row
    if state.at_open:
        # (7) as opened, before any move: every pane at its own start (lower only where its
        # first sentence would not be whole at the top), none levelled on a counterpart
        for number in state.visible:
            layout = layouts(number)
            if layout.first_row:
                first, count = layout.first_row[0], layout.row_count[0]
                assert state.tops[number] == (0 if first + count <= layout.height else layout.clamp(
                    first if count > layout.height else first + count - layout.height)), (number, layout)
        return
    if not state.sync:
        return
    for number in state.visible:
        layout = layouts(number)
        if number == state.focused or not layout.first_row:
            continue
        top = state.tops[number]
        span = state.counterpart_span(number)
        at_edge = top in (0, layout.max_top)
        if span:
            # (3) the counterpart span's first sentence on the cursor's first row
            assert layout.first_row[span[0]] - top == cursor_row or at_edge, (number, span, top, cursor_row)
        else:
            # (4) interpolated: the pane stands where follower_row says, moved at most to the
            # nearer edge of the sentence it would cut; and it does not cut one
            outlets = state.alignment.outlets
            spans = state.alignment.counterpart_spans(outlets[state.focused].id, outlets[number].id)
            row = follower_row(state.cursor, lead.first_row, lead.row_count, layout.first_row, layout.row_count,
                               spans.__getitem__, lead.total_rows, layout.total_rows)
            wanted = layout.clamp(round(row) - cursor_row)
            cut = layout.mid_sentence(wanted)
            assert abs(top - wanted) <= (layout.row_count[cut] if cut is not None else 0)
            cut_now = layout.mid_sentence(top)
            assert cut_now is None or layout.row_count[cut_now] > layout.height, (number, top, cut_now)


@SETTINGS
@given(scenarios())
def test_invariants_hold_after_every_action(scenario):
    alignment, layout_sets, fit, actions = scenario
    current = {"set": 0, "fit": fit}

    def layouts(number: int) -> PaneLayout:
        return layout_sets[current["set"]][number]

    def set_fit(value: int) -> int:
        current["fit"] = value
        return value

    state = ReaderState.start(alignment, fit, layouts)
    check(state, layouts)
    for action, a, b in actions:
        if action == "relayout":
            current["set"] = 1 - current["set"]
        before = state
        state = apply(state, action, a, b, layouts, set_fit)
        check(state, layouts)
        lead = layouts(state.focused)
        if action == "g" and lead.first_row and lead.first_row[0] + lead.row_count[0] <= lead.height:
            # the rows above the first sentence (removed furniture shown with `r`) are reachable
            assert state.tops[state.focused] == 0
        if action == "wheel" and not state.sync and lead.first_row:
            # the wheel is not fought: where a sentence fits, the pane stays where it was
            # scrolled and the cursor follows
            wanted = lead.clamp((before.tops[before.focused] or 0) + b)
            if any(lead.fits_on_screen(s, wanted) for s in range(len(lead.first_row))):
                assert state.tops[state.focused] == wanted, (before.cursor, before.anchor_row, state.cursor, lead)
        # (5) ] then [ comes back to the same outlet and sentence
        there = state.jump_counterpart(1, layouts)
        back = there.jump_counterpart(-1, layouts)
        assert (back.focused, back.cursor) == (state.focused, state.cursor)
        check(there, layouts)
        check(back, layouts)


def _outlet(number: int, groups: list[int | None]) -> Outlet:
    sentences = tuple(
        Sentence(i, 0, f"s{i}", i, i + 1, Status.UNIQUE if g is None else Status.SHARED, g) for i, g in enumerate(groups)
    )
    return Outlet(OutletMeta(f"o{number}", f"Outlet {number}", f"o{number}.txt"), "", None, sentences, ())


def _tab_onto_a_merge() -> tuple:
    """Shrunk from a failing seed: o2's sentences 0-2 are one group with o0's sentence 0 (a
    merge). Tab from o1 (no counterpart in o2) lands on o2's sentence 1, the nearest that
    fits, one row below the screen's top; its counterpart in o0 is on row 0, so sync moves
    o2 up one row to stand level with it."""
    members = (Member("o0", 0, 1.0), Member("o2", 0, 1.0), Member("o2", 1, 1.0), Member("o2", 2, 1.0))
    alignment = Alignment((_outlet(0, [0]), _outlet(1, [None]), _outlet(2, [0, 0, 0, None, None, None])),
                          (Group(0, members),))
    layouts = [
        PaneLayout((0,), (1,), 1, 4),
        PaneLayout((1,), (4,), 5, 4),
        PaneLayout((0, 2, 3, 4, 5, 6), (1,) * 6, 7, 4),
    ]
    return alignment, [layouts, layouts], 3, [("tab", 0, 0)]


@SETTINGS
@given(scenarios())
@example(_tab_onto_a_merge())
def test_focus_change_keeps_the_place(scenario):
    """tab with sync on: the new cursor is the counterpart of the old one when the new outlet
    has it (its own cursor if part of the span), else the sentence level with the old one or
    the nearest that fits; the newly focused pane does not scroll unless the cursor had to
    be brought fully on screen, or sync moves it up so that a counterpart of its new cursor
    nearer the top of its own article stands level with it (settle's rule for every action)."""
    alignment, layout_sets, fit, actions = scenario

    def layouts(number: int) -> PaneLayout:
        return layout_sets[0][number]

    state = ReaderState.start(alignment, fit, layouts)
    for step, (_, a, _) in enumerate(actions):
        state = state.move_cursor(a - 3, layouts) if step % 2 else state.focus_step(1, layouts)
        before = state
        after = state.focus_step(1, layouts)
        check(after, layouts)
        new = after.focused
        layout = layouts(new)
        if new == before.focused or not layout.first_row or not layouts(before.focused).first_row:
            continue
        span = before.counterpart_span(new)
        if span:
            assert after.cursors[new] in span
            if before.cursors[new] in span:
                assert after.cursors[new] == before.cursors[new]
        elif (
            new in before.visible
            and layout.row_count[after.cursors[new]] <= layout.height
            and layout.fits_on_screen(after.cursors[new], before.tops[new])
        ):
            # The new cursor's screen row before the tab, not the old outlet's anchor row: the
            # nearest sentence that fits may stand below the level one.
            stood = layout.first_row[after.cursors[new]] - before.tops[new]
            if after.tops[new] != before.tops[new]:
                assert after.anchor_row < stood, (after.anchor_row, stood)
                assert any(
                    layouts(number).first_row[after.counterpart_span(number)[0]] < stood
                    for number in after.visible
                    if after.counterpart_span(number) and layouts(number).first_row
                ), (after, stood)
