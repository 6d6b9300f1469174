"""`o`: the overview screen (coverage map, overlap, outlets) and jumping from it."""

from retold.model.summary import summarize
from retold.synthetic import make_story
from retold.tui.screens.overview import OverviewScreen
from retold.tui.widgets.coverage_map import CoverageMap
from retold.tui.widgets.rows_view import RowsView

from .helpers import drive, make_app
from .screen_text import screen_text


class TestOverview:
    def test_opens_on_the_readers_sentence_and_enter_jumps_to_the_chosen_cell(self, sample_dir):
        async def script(pilot, reader):
            await pilot.press("j", "j", "tab")  # cursor: outlet 1 (the pane keeps its own cursor, 0)
            await pilot.press("o")
            overview = pilot.app.screen
            coverage = overview.query_one(CoverageMap)
            summary = summarize(reader.alignment)
            start = (coverage.row, coverage.column)
            expected_start = (summary.row_of[1][reader.pane(1).cursor], 1)
            # Find a row below where a third outlet carries the statement, go there and press enter.
            target_row = next(
                r for r in range(coverage.row + 1, len(summary.statements)) if summary.statements[r].sentences[2] is not None
            )
            await pilot.press(*["j"] * (target_row - coverage.row), "l")
            expected = (2, summary.statements[target_row].sentences[2])
            await pilot.press("enter")
            return start, expected_start, isinstance(overview, OverviewScreen), pilot.app.screen is reader, (reader.focused_index, reader.focused_pane.cursor), expected

        start, expected_start, was_overview, back, landed, expected = drive(make_app([sample_dir]), script)
        assert was_overview and start == expected_start
        assert back and landed == expected

    def test_enter_on_an_absent_cell_stays_and_escape_returns_without_moving(self, sample_dir):
        async def script(pilot, reader):
            summary = summarize(reader.alignment)
            await pilot.press("o")
            coverage = pilot.app.screen.query_one(CoverageMap)
            row, column = next(
                (r, k) for r, s in enumerate(summary.statements) for k, i in enumerate(s.sentences) if i is None
            )
            coverage.place(row, column)
            await pilot.press("enter")
            stayed = pilot.app.screen is not reader
            await pilot.press("escape")
            return stayed, pilot.app.screen is reader, (reader.focused_index, reader.focused_pane.cursor)

        stayed, back, position = drive(make_app([sample_dir]), script)
        assert stayed and back and position == (0, 0)

    def test_views_switch_and_an_outlet_row_opens_that_outlet(self, sample_dir):
        async def script(pilot, reader):
            await pilot.press("o", "2")
            overlap_shown = pilot.app.screen.query_one("#overlap-table", RowsView).display
            focused_overlap = pilot.app.focused.id
            await pilot.press("3", "j", "j", "j")
            focused_outlets = pilot.app.focused.id
            await pilot.press("enter")
            return overlap_shown, focused_overlap, focused_outlets, pilot.app.screen is reader, reader.focused_index

        overlap_shown, focused_overlap, focused_outlets, back, number = drive(make_app([sample_dir]), script)
        assert overlap_shown and focused_overlap == "overlap-table" and focused_outlets == "outlets-table"
        assert back and number == 3

    def test_map_rows_are_drawn_not_composed(self, tmp_path):
        """20 outlets × 60 sentences: one widget for the map, a row per statement, every key works."""
        story = make_story(tmp_path / "big", outlets=20, sentences=60, seed=3)

        async def script(pilot, reader):
            await pilot.press("o")
            overview = pilot.app.screen
            coverage = overview.query_one(CoverageMap)
            widgets = len(list(overview.query("*")))
            lines = [coverage.render_line(y).text for y in range(coverage.scrollable_content_region.height)]
            await pilot.press("G", "h", "p", "n", "pageup", "g", "2", "l", "3", "G", "1")
            return widgets, lines, len(summarize(reader.alignment).statements), coverage.scrollable_content_region.width

        widgets, lines, statements, width = drive(make_app([story]), script, size=(100, 30))
        assert widgets < 60 and statements > 60
        # Every row: its number, then one glyph per outlet (20), then the statement's text.
        for number, line in enumerate(lines, start=1):
            assert line.startswith(f"{number:>4} │")
            cells = line[6:6 + 20 * 3]
            assert len(cells.split()) == 20 and set(cells.split()) <= {"=", "~", "+", "?", "·"}

    def test_outlet_names_and_text_are_shown_literally(self, tmp_path):
        story = tmp_path / "story"
        story.mkdir()
        (story / "a.txt").write_text("A headline [bold]here[/]\n\nThe mayor said [red]nothing[/] \x1b[31m today.\n")
        (story / "b.txt").write_text("A headline here\n\nThe mayor said nothing today.\n")
        (story / "story.toml").write_text('[[outlet]]\nfile = "a.txt"\nname = "[b]Evil[/b] \\u001b[2J"\n')

        async def script(pilot, reader):
            await pilot.press("o")
            overview = pilot.app.screen
            rows = [overview.query_one(CoverageMap).render_line(y).text for y in range(3)]
            await pilot.press("3")
            table = overview.query_one("#outlets-table", RowsView)
            return rows, [table.render_line(y).text for y in range(3)]

        rows, table = drive(make_app([story]), script)
        text = "\n".join(rows + table)
        assert "[red]nothing[/]" in "\n".join(rows) and "[b]Evil[/b]" in "\n".join(table)
        assert "\x1b" not in text and "␛[2J" in "\n".join(table)

    def test_question_mark_lists_the_overview_keys(self, sample_dir):
        async def script(pilot, reader):
            await pilot.press("o", "question_mark")
            help_screen = pilot.app.screen
            return [binding_id for _k, _t, binding_id in help_screen.keys]

        ids = drive(make_app([sample_dir]), script)
        assert {"map_jump", "map_added_next", "overview_close", "overview_overlap"} <= set(ids)

    def test_overlap_keeps_outlet_names_when_scrolled_sideways(self, tmp_path):
        story = make_story(tmp_path / "wide", outlets=14, sentences=12, seed=4)

        async def script(pilot, reader):
            await pilot.press("o", "2")
            await pilot.pause()
            table = pilot.app.screen.query_one("#overlap-table", RowsView)
            before = table.render_line(1).text
            await pilot.press("l", "l", "l")
            await pilot.pause()
            return table.scroll_x, before, table.render_line(1).text, reader.alignment.outlets[0].name

        scroll_x, before, after, name = drive(make_app([story]), script, size=(100, 30))
        assert scroll_x > 0 and before != after
        assert after.startswith(before[:20]) and name[:10] in after

    def test_map_rows_survive_a_view_switch_but_not_a_theme_change(self, sample_dir):
        async def script(pilot, reader):
            await pilot.press("o")
            coverage = pilot.app.screen.query_one(CoverageMap)
            cached = dict(coverage._strips)
            await pilot.press("2", "1")
            kept = all(coverage._strips.get(row) is strip for row, strip in cached.items())
            row = next(r for r in sorted(cached) if r != coverage.row)
            y = row - int(coverage.scroll_y)
            dark = [seg.style for seg in coverage.render_line(y)]
            pilot.app.theme = "textual-light"
            await pilot.pause()
            light = [seg.style for seg in coverage.render_line(y)]
            return kept, bool(cached), dark, light

        kept, had_rows, dark, light = drive(make_app([sample_dir]), script)
        assert had_rows and kept
        assert dark != light  # the light theme draws the rows afresh, in its colours


def test_statements_are_cut_between_words_with_an_ellipsis(sample_dir):
    """Issue 18: at 100 columns the coverage map's statement text was cut mid-word."""

    async def script(pilot, reader):
        await pilot.press("o")
        await pilot.pause()
        coverage = pilot.app.screen.query_one(CoverageMap)
        lines = []
        for y in range(min(coverage.size.height, len(coverage.summary.statements))):
            text = "".join(segment.text for segment in coverage.render_line(y))
            lines.append((text.rstrip(), coverage.statement_text(int(coverage.scroll_y) + y)))
        return lines

    lines = drive(make_app([sample_dir]), script, size=(100, 30))
    cut = 0
    for shown, statement in lines:
        tail = shown.rsplit("│ ", 1)[1]
        if tail != statement:
            cut += 1
            assert tail.endswith("…") and statement.startswith(tail[:-1]) and statement[len(tail) - 1] == " ", (tail, statement)
    assert cut  # the sample has statements longer than the line


class TestOverviewAt100Columns:
    def test_overlap_legend_shows_whole(self, sample_dir):
        async def script(pilot, reader):
            await pilot.press("o", "2")
            await pilot.pause()
            return screen_text(pilot.app)

        shown = drive(make_app([sample_dir]), script, size=(100, 30))
        assert "= near-verbatim, ~ reworded in one or both" in shown

    def test_outlets_view_shows_the_cursor_rows_whole_headline(self, sample_dir):
        async def script(pilot, reader):
            await pilot.press("o", "3")
            await pilot.pause()
            first = screen_text(pilot.app)
            await pilot.press("j", "j")
            await pilot.pause()
            return first, screen_text(pilot.app), [o.title for o in reader.alignment.outlets]

        first, third, titles = drive(make_app([sample_dir]), script, size=(100, 30))
        assert all(len(title) > 40 for title in titles[:3])  # longer than the table's headline column
        assert titles[0] in first and titles[2] in third and titles[2] not in first


class TestMapHeaderLegend:
    """The map's columns are numbers: its header says which outlet each number is, each name cut
    to an equal share of the room (never a wrong or merged name), or says nothing of names where
    a share would be too short to read."""

    def _header(self, sample_dir, size):
        async def script(pilot, reader):
            await pilot.press("o")
            await pilot.pause()
            coverage = pilot.app.screen.query_one(CoverageMap)
            return coverage.header_text().plain, [o.name for o in reader.alignment.outlets], coverage.scrollable_content_region.width

        return drive(make_app([sample_dir]), script, size=size)

    def test_every_column_is_named_in_order_when_there_is_room(self, sample_dir):
        for size in ((100, 30), (160, 45)):
            header, names, width = self._header(sample_dir, size)
            legend = header.split("│")[-1]
            found = [legend.find(f"{n + 1} {name[:4]}") for n, name in enumerate(names)]
            assert all(at >= 0 for at in found) and found == sorted(found), (size, header)
            assert len(header) <= width, (size, header)

    def test_a_narrow_map_keeps_its_explanation_instead(self, sample_dir):
        header, names, _ = self._header(sample_dir, (40, 30))
        assert "statement" in header and f"1 {names[0][:4]}" not in header


def test_a_rows_statement_is_told_by_a_sure_member_before_a_possible_one(sample_dir):
    """Review (a new user's five-outlet story): a row was labelled with the cursor's outlet's "?"
    member ("running on paper records") beside "=" under the wire and its copy, which read as the
    wire carrying it. Whichever column the cursor is in, a row with a sure member is labelled
    with a sure member's words (the cursor's own when it is sure)."""

    async def script(pilot, reader):
        await pilot.press("o")
        await pilot.pause()
        coverage = pilot.app.screen.query_one(CoverageMap)
        seen = []
        for column in range(len(reader.alignment.outlets)):
            coverage.column = column
            seen.append([coverage.statement_text(row) for row in range(len(coverage.summary.statements))])
        return seen, coverage.alignment, coverage.summary

    seen, alignment, summary = drive(make_app([sample_dir]), script, size=(100, 30))
    doubtful_rows = 0
    for column, texts in enumerate(seen):
        for row, statement in enumerate(summary.statements):
            sure = [n for n, i in enumerate(statement.sentences) if i is not None and not statement.is_possible(n)]
            if not sure:
                continue
            told = {alignment.outlets[n].sentences[statement.sentences[n]].text for n in sure}
            assert texts[row] in told, (column, row, texts[row])
            if statement.sentences[column] is not None and statement.is_possible(column):
                doubtful_rows += 1
            elif column in sure:
                assert texts[row] == alignment.outlets[column].sentences[statement.sentences[column]].text
    assert doubtful_rows  # the sample has rows where the cursor's outlet is only a "?"
