"""Pilot-driven tests: every key of the reader, and scroll sync."""

import pytest

from retold.tui.widgets.outlet_pane import OutletPane, RowKind

from .helpers import drive, make_app
from .screen_text import screen_text


def ids(screen):
    return [o.id for o in screen.alignment.outlets]


def test_cursor_keys(sample_dir):
    async def script(pilot, screen):
        pane = screen.focused_pane
        seen = [pane.cursor]
        for key in ["j", "down", "j", "k", "up", "G", "g", "end", "home"]:
            await pilot.press(key)
            seen.append(pane.cursor)
        return seen, len(pane.outlet.sentences)

    seen, count = drive(make_app([sample_dir]), script)
    assert seen == [0, 1, 2, 3, 2, 1, count - 1, 0, count - 1, 0]


def test_tab_and_shift_tab_focus_panes(sample_dir):
    async def script(pilot, screen):
        order = [screen.focused_index]
        for key in ["tab", "tab", "shift+tab", "shift+tab", "shift+tab"]:
            await pilot.press(key)
            order.append(screen.focused_index)
        return order, isinstance(screen.app.focused, OutletPane)

    order, focused_is_pane = drive(make_app([sample_dir]), script)
    assert order == [0, 1, 2, 1, 0, 5] and focused_is_pane


def test_bracket_jumps_to_counterpart_and_makes_it_visible(sample_dir):
    async def script(pilot, screen):
        # Meridian's W6 (U.S. Deputy Energy Secretary...) is absent from the Courier and Northwind.
        await pilot.press(*["j"] * 6)
        start = screen.focused_pane.outlet.sentences[screen.focused_pane.cursor].text
        await pilot.press("right_square_bracket")
        first = (screen.focused_index, screen.focused_pane.cursor)
        await pilot.press("right_square_bracket")
        second = (screen.focused_index, screen.focused_pane.cursor)
        await pilot.press("right_square_bracket")
        third = (screen.focused_index, screen.focused_pane.cursor, screen.first_visible, screen.visible_numbers())
        await pilot.press("left_square_bracket")
        back = (screen.focused_index, screen.focused_pane.cursor)
        return start, first, second, third, back, screen.alignment.outlets, screen.alignment

    start, first, second, third, back, order, alignment = drive(make_app([sample_dir]), script)
    assert start.startswith("U.S. Deputy Energy Secretary")
    # the outlets that have it, in pane order (the Courier and Northwind lack it)
    have = [n for n, o in enumerate(order) if n and alignment.counterpart_span("meridian", 6, o.id)]
    assert {order[n].id for n in have}.isdisjoint({"evening-courier", "northwind"}) and len(have) >= 3
    assert first[0] == have[0] and second[0] == have[1]
    assert third[0] == have[2] and have[2] in third[3]  # scrolled into view
    assert back == second


def test_n_and_p_visit_changes(sample_dir):
    async def script(pilot, screen):
        screen.focus_outlet(screen.number_of("evening-courier"))
        await pilot.press("g")  # The Evening Courier, first sentence
        pane = screen.focused_pane
        statuses = []
        for _ in range(3):
            await pilot.press("n")
            statuses.append((pane.cursor, pane.outlet.sentences[pane.cursor].status))
        await pilot.press("p")
        return pane.outlet.id, statuses, pane.cursor

    outlet, statuses, after_p = drive(make_app([sample_dir]), script)
    assert outlet == "evening-courier"
    assert all(status != "shared" for _, status in statuses)
    assert [c for c, _ in statuses] == [1, 2, 3] and after_p == 2


def test_n_skips_shared_sentences(sample_dir):
    async def script(pilot, screen):
        await pilot.press("tab", "tab", "tab")  # Northwind: NT3 (index 2) is shared
        pane = screen.focused_pane
        await pilot.press("n", "n")
        return pane.outlet.id, pane.cursor

    assert drive(make_app([sample_dir]), script) == ("northwind", 3)


def test_toggles_sync_diff_removed(sample_dir):
    async def script(pilot, screen):
        pane = screen.pane(0)
        rows_before = len(pane.text_layout().rows)
        await pilot.press("s")
        sync_off = screen.sync_enabled
        await pilot.press("s", "r")
        removed_rows = [r for r in pane.text_layout().rows if r.kind == "removed"]
        await pilot.press("d")
        status = str(screen.query_one("#status").render())
        return sync_off, screen.sync_enabled, rows_before, removed_rows, screen.show_diff, status

    sync_off, sync_on, rows_before, removed_rows, diff_on, status = drive(make_app([sample_dir]), script)
    assert sync_off is False and sync_on is True
    assert [r.plain.split("  (")[0].strip() for r in removed_rows][:2] == ["Meridian Press", "World | Energy | Markets | Climate"]
    assert diff_on and "diff" in status and "furniture" in status


def test_diff_marks_changed_words(sample_dir):
    async def script(pilot, screen):
        await pilot.press("d")
        pane = screen.pane(3)  # Northwind: compared, sentence by sentence, with its closest counterpart
        layout = pane.text_layout()
        marked = [pane.outlet.sentences[i].text[a:b] for i, spans in layout.diff_spans.items() for a, b in spans]
        strip_text = "".join(seg.text for y in range(len(layout.rows)) for seg in pane._build_strip(layout.rows[y], 80, pane.rich_style))
        return marked, strip_text, layout.compared_with

    marked, strip_text, compared_with = drive(make_app([sample_dir]), script)
    assert "crucial" in marked and "crucial enabler" in strip_text
    assert compared_with and "northwind" not in compared_with.values()


def test_help_and_quit(sample_dir):
    async def script(pilot, screen):
        await pilot.press("question_mark")
        help_open = type(pilot.app.screen).__name__
        await pilot.press("escape")
        back = type(pilot.app.screen).__name__
        await pilot.press("q")
        return help_open, back, pilot.app.is_running

    help_open, back, running = drive(make_app([sample_dir]), script)
    assert help_open == "HelpScreen" and back == "ReaderScreen" and running is False


def test_status_line(sample_dir):
    async def script(pilot, screen):
        await pilot.press("j", "j")
        return str(screen.query_one("#status").render())

    status = drive(make_app([sample_dir]), script)
    assert "Meridian Press" in status and "sentence 3/13" in status and "shared" in status and "in 3 of 5 others" in status


def test_every_outlet_reachable_at_80x24(sample_dir):
    async def script(pilot, screen):
        seen = set(screen.visible_numbers())
        count = screen.visible_count
        for _ in range(6):
            await pilot.press("greater_than_sign")
            seen |= set(screen.visible_numbers())
        return count, seen

    count, seen = drive(make_app([sample_dir]), script, size=(80, 24))
    assert count == 2 and seen == set(range(6))


def screen_row(pane, sentence):
    return pane.text_layout().first_row[sentence] - int(pane.scroll_y)


def test_sync_keeps_counterparts_level(sample_dir):
    async def script(pilot, screen):
        results = []
        for presses in (3, 5, 8, 11):
            await pilot.press("g", *["j"] * presses)
            await pilot.pause()
            leader = screen.focused_pane
            row = screen_row(leader, leader.cursor)
            for number in screen.visible_numbers():
                if number == screen.focused_index:
                    continue
                target = screen.mapping(screen.focused_index, number)[leader.cursor]
                if target is not None:
                    results.append((presses, number, row, screen_row(screen.pane(number), target)))
        return results

    results = drive(make_app([sample_dir]), script, size=(160, 30))
    assert len(results) >= 8
    for presses, number, leader_row, follower_row in results:
        assert abs(leader_row - follower_row) <= 1, (presses, number, leader_row, follower_row)


def test_unique_passage_interpolates_between_aligned_neighbours(sample_dir):
    async def script(pilot, screen):
        screen.focus_outlet(screen.number_of("evening-courier"))
        await pilot.press("g")  # The Evening Courier, first sentence
        leader = screen.focused_pane
        await pilot.press(*["j"] * 4)  # EC#4 (W3), then EC#5, EC#6 (its own), EC#7 (W11)
        levels = []
        for _ in range(4):
            await pilot.pause()
            follower = screen.pane(screen.number_of("meridian"))  # Meridian follows
            levels.append((leader.cursor, int(follower.scroll_y) + screen_row(leader, leader.cursor)))
            await pilot.press("j")
        return levels, screen.pane(screen.number_of("meridian")).text_layout().first_row

    levels, harbour_rows = drive(make_app([sample_dir]), script, size=(160, 30))
    assert [c for c, _ in levels] == [4, 5, 6, 7]
    rows = [r for _, r in levels]
    # W3 and W11 level with the cursor (at the very top a pane cannot scroll above row 0)
    assert abs(rows[0] - harbour_rows[3]) <= 1 and abs(rows[3] - harbour_rows[11]) <= 1
    assert rows[0] < rows[1] < rows[2] < rows[3]  # the Courier's own sentences: in between, no jumps


def test_sync_off_leaves_other_panes_alone(sample_dir):
    async def script(pilot, screen):
        await pilot.press("s")
        before = [int(screen.pane(n).scroll_y) for n in (1, 2, 3)]
        await pilot.press(*["j"] * 12)
        await pilot.pause()
        return before, [int(screen.pane(n).scroll_y) for n in (1, 2, 3)], int(screen.pane(0).scroll_y)

    before, after, leader = drive(make_app([sample_dir]), script, size=(160, 30))
    assert before == after and leader > 0


def test_click_moves_the_cursor_and_focus(sample_dir):
    async def script(pilot, screen):
        pane = screen.pane(1)
        rows = pane.text_layout().first_row
        target = next(i for i, r in enumerate(rows) if r > int(pane.scroll_y) + 1 and i != pane.cursor)  # on screen
        await pilot.click("#pane-1", offset=(5, rows[target] - int(pane.scroll_y)))
        await pilot.pause()
        return screen.focused_index, pane.cursor, target

    focused, cursor, target = drive(make_app([sample_dir]), script)
    assert (focused, cursor) == (1, target)


def test_scrolling_the_focused_pane_without_the_cursor_syncs_the_others(sample_dir):
    async def script(pilot, screen):
        leader, follower = screen.pane(0), screen.pane(1)
        before = int(follower.scroll_y)
        leader.scroll_to(y=20, animate=False)  # as a mouse wheel would: the cursor leaves the screen
        await pilot.pause()
        await pilot.pause()
        span = screen.state.counterpart_span(1)
        level = None
        if span:
            level = (follower.text_layout().first_row[span[0]] - int(follower.scroll_y),
                     leader.text_layout().first_row[leader.cursor] - int(leader.scroll_y))
        at_edge = int(follower.scroll_y) in (0, follower.pane_layout().max_top)
        return before, int(follower.scroll_y), int(leader.scroll_y), level, at_edge

    before, after, leader, level, at_edge = drive(make_app([sample_dir]), script, size=(160, 30))
    assert leader == 20 and after != before  # the others followed
    assert level is None or level[0] == level[1] or at_edge  # a counterpart stands level


def test_keys_typed_ahead_are_each_applied(sample_dir):
    """Issue 18: two tab or ] presses arriving in one write moved once (the focus the first
    asked for arrived after the second and pulled the reader back); every key counts."""
    from textual import events

    async def script(pilot, screen):
        moves = []
        for keys in (["tab", "tab"], ["right_square_bracket", "right_square_bracket"], ["j", "j", "j"]):
            before = (screen.focused_index, screen.focused_pane.cursor)
            expected = screen.state
            for key in keys:  # what each key alone does, on the model
                if key == "tab":
                    expected = expected.focus_step(1, screen.layouts)
                elif key == "j":
                    expected = expected.move_cursor(1, screen.layouts)
                else:
                    expected = expected.jump_counterpart(1, screen.layouts)
            for key in keys:  # all at once, as one write from the terminal
                pilot.app.post_message(events.Key(key, None))
            await pilot.pause()
            await pilot.pause(0.2)
            moves.append((before, (expected.focused, expected.cursor), (screen.focused_index, screen.focused_pane.cursor)))
        return moves

    for before, expected, after in drive(make_app([sample_dir]), script):
        assert after == expected != before
        assert expected[0] != before[0] or expected[1] != before[1]


@pytest.mark.parametrize("size", [(100, 30), (160, 45)])
def test_counterparts_stand_level_after_n_on_rowing_worlds(size):
    """Issue 18: after `n` a counterpart could sit 3-4 rows below the cursor in a pane that
    could scroll to level it. Every visible counterpart is on the cursor's row (or its pane is
    at an end), after every `n` from the top of every outlet."""
    from pathlib import Path

    story = Path(__file__).resolve().parents[2] / "sample_corpus" / "rowing-worlds"

    async def script(pilot, screen):
        off = []
        for number in range(screen.state.outlet_count):
            screen.focus_outlet(number)
            await pilot.press("g")
            for _ in range(12):
                await pilot.press("n")
                await pilot.pause()
                state = screen.state
                lead = screen.layouts(state.focused)
                cursor_row = lead.first_row[state.cursor] - int(screen.pane(state.focused).scroll_y)
                for other in state.visible:
                    span = state.counterpart_span(other)
                    if other == state.focused or not span:
                        continue
                    layout, top = screen.layouts(other), int(screen.pane(other).scroll_y)
                    if layout.first_row[span[0]] - top != cursor_row and top not in (0, layout.max_top):
                        off.append((number, state.cursor, other, layout.first_row[span[0]] - top, cursor_row))
        return off

    assert drive(make_app([story]), script, size=size) == []


def test_removed_lines_show_their_reason_without_nested_brackets(sample_dir):
    async def script(pilot, reader):
        await pilot.press("r")
        await pilot.pause()
        number = [o.name for o in reader.alignment.outlets].index("The Evening Courier")
        rows = reader.pane(number).text_layout().rows
        return {row.source for row in rows if row.kind == RowKind.REMOVED}, screen_text(pilot.app)

    removed, shown = drive(make_app([sample_dir]), script)
    # The Evening Courier's page chrome carries reasons with brackets of their own ("page chrome (<header>)").
    assert "News  (page chrome, <header>)" in removed
    assert not any("((" in line or "))" in line for line in removed)
    assert "((" not in shown and "))" not in shown
