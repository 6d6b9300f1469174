"""`/`: search every outlet, matches marked, n / p step through them, escape ends the search."""

from .helpers import drive, make_app


def cursor_text(reader):
    pane = reader.focused_pane
    return pane.outlet.sentences[pane.cursor].text


class TestSearch:
    def test_search_jumps_marks_counts_and_steps(self, sample_dir):
        async def script(pilot, reader):
            await pilot.press("slash", *"CABLE", "enter")
            found = reader.search_result
            first = (reader.focused_index, reader.focused_pane.cursor, reader.match_index, cursor_text(reader))
            status = reader.query_one("#status").text.plain
            marked = {n: dict(p.matches) for n, p in enumerate(reader.panes)}
            visits = []
            for _ in range(len(found)):
                await pilot.press("n")
                visits.append(reader.match_index)
            await pilot.press("p")
            back = reader.match_index
            await pilot.press("escape")
            after_escape = (reader.search_result, [p.matches for p in reader.panes])
            reader.focus_outlet(reader.number_of("evening-courier"))  # an outlet with changes
            await pilot.press("g")
            before = reader.focused_pane.cursor
            await pilot.press("n")  # a change again, not a match
            return found, first, status, marked, visits, back, after_escape, before, reader.focused_pane.cursor

        found, first, status, marked, visits, back, after_escape, before, after_n = drive(make_app([sample_dir]), script)
        assert len(found) >= 3
        assert first[2] == 0 and "cable" in first[3].lower()
        assert f"/CABLE 1/{len(found)} matches" in status
        for match in found.matches:
            assert (match.start, match.end) in marked[match.outlet][match.sentence]
        assert sorted(visits) == list(range(len(found))) and visits[-1] == 0  # wraps to the first
        assert back == len(found) - 1
        assert after_escape[0] is None and all(m == {} for m in after_escape[1])
        assert after_n != before

    def test_no_match_is_said_and_markup_in_the_query_is_literal(self, sample_dir):
        async def script(pilot, reader):
            await pilot.press("slash", *"[b]zzz[/b]", "enter")
            notes = [n.message for n in pilot.app._notifications]
            return reader.search_result, notes, pilot.app.is_running

        result, notes, running = drive(make_app([sample_dir]), script)
        assert result is None and running and any("[b]zzz[/b]" in n for n in notes)

    def test_escape_in_the_field_closes_it_without_searching(self, sample_dir):
        async def script(pilot, reader):
            await pilot.press("slash", *"grid", "escape")
            bar = reader.query_one("#legend")
            return reader.search_result, bar.editing, type(pilot.app.focused).__name__, bar.render().plain

        result, editing, focused, legend = drive(make_app([sample_dir]), script)
        assert result is None and not editing and focused == "OutletPane" and "shared" in legend

    def test_reader_keys_are_text_while_typing_a_query(self, sample_dir):
        async def script(pilot, reader):
            before = (reader.focused_index, reader.focused_pane.cursor, pilot.app.focused)
            await pilot.press("slash", *"jn]sdf?q", "backspace")
            bar = reader.query_one("#legend")
            typed = bar.value
            after = (reader.focused_index, reader.focused_pane.cursor, pilot.app.focused)
            await pilot.press("escape")
            return before, typed, after, reader.show_diff, reader.filter_mode, type(pilot.app.screen).__name__

        before, typed, after, diff, filter_mode, screen = drive(make_app([sample_dir]), script)
        assert typed == "jn]sdf?" and before == after and not diff and filter_mode is None and screen == "ReaderScreen"


def test_at_100_columns_a_search_fits_the_status_line_and_the_key_bar_says_match():
    """During a search at 100x30 the status line still shows the query and its count (the
    less needed parts give way), and the key bar offers n as "Next match", not "Next change";
    after escape it offers changes again."""
    from pathlib import Path

    from rich.cells import cell_len

    from retold.tui.widgets.key_bar import KeyBar

    root = Path(__file__).resolve().parents[2] / "sample_corpus"

    async def script(pilot, reader):
        await pilot.press("right_square_bracket", "d", "r", "s")  # more for the status line to say
        await pilot.press("slash", *"the dam", "enter")
        await pilot.pause()
        status = reader.query_one("#status").text
        keys_searching = reader.query_one(KeyBar).render().plain[: reader.size.width]  # as much as shows
        before = reader.match_index
        await pilot.press("n")
        await pilot.pause()
        stepped = reader.match_index
        await pilot.press("escape")
        await pilot.pause()
        keys_after = reader.query_one(KeyBar).render().plain[: reader.size.width]
        return reader.search_result is None, status, keys_searching, before, stepped, keys_after, reader.size.width

    ended, status, keys_searching, before, stepped, keys_after, width = drive(
        make_app([root / "veneth-dam"]), script, size=(100, 30)
    )
    assert cell_len(status.plain) <= width - 2, status.plain  # fits: nothing cut by the ellipsis
    assert "matches (n p)" in status.plain and "/the dam " in status.plain and "sentence " in status.plain
    assert "Next match" in keys_searching and "Next change" not in keys_searching
    assert stepped == before + 1 and ended
    assert "Next change" in keys_after and "Next match" not in keys_after
