"""A counterpart on thin evidence is marked "?" in the gutter, apart from a sure "~" or "="."""

from retold.tui.widgets.outlet_pane import OutletPane
from tests.tui.helpers import drive, make_app


def test_a_possible_counterpart_is_marked_apart_from_a_sure_one(sample_dir):
    app = make_app([sample_dir])
    alignment = app.alignment
    outlet = next(o for o in alignment.outlets if alignment.possible(o.id))
    possible = min(alignment.possible(outlet.id))
    sure = next(s.index for s in outlet.sentences if s.group is not None and s.index not in alignment.possible(outlet.id))

    async def script(pilot, screen):
        pane = next(p for p in screen.query(OutletPane) if p.outlet.id == outlet.id)
        marks = {}
        for index in (possible, sure):
            pane.cursor = index
            await pilot.pause()
            row = pane.text_layout().first_row[index] - int(pane.scroll_y)
            marks[index] = pane.render_line(row).text[:1]
        return marks

    marks = drive(app, script, size=(240, 45))
    assert marks[possible] == "?"
    assert marks[sure] in ("=", "~")


def test_the_coverage_map_marks_a_possible_counterpart_as_the_pane_does(sample_dir):
    """The overview's cell for a possible counterpart is "?" in its own style (not the sure
    "~"'s), the legend names it, and the detail line says "possible" with the evidence."""
    from retold.model.summary import summarize
    from retold.tui.widgets.coverage_map import LABEL_WIDTH, CoverageMap
    from retold.tui.widgets.text_line import TextLine

    async def script(pilot, reader):
        await pilot.press("o")
        overview = pilot.app.screen
        coverage = overview.query_one(CoverageMap)
        summary = summarize(reader.alignment)
        row, column = next(
            (r, k) for r, st in enumerate(summary.statements) for k in range(len(st.sentences)) if st.is_possible(k)
        )
        sure_row, sure_column = next(
            (r, k) for r, st in enumerate(summary.statements) for k, i in enumerate(st.sentences)
            if i is not None and st.group is not None and not st.is_possible(k)
        )
        coverage.place(row, column)
        await pilot.pause()
        width = coverage.cell_width

        def cell(r, k):
            strip = coverage._build_row(r, coverage.scrollable_content_region.width)
            at = LABEL_WIDTH + k * width + (width - 1) // 2
            text = strip.crop(at, at + 1)
            return text.text, [seg.style for seg in text]

        outlet = reader.alignment.outlets[column]
        member = reader.alignment.member(outlet.id, summary.statements[row].sentences[column])
        legend = next(line for line in overview.query(TextLine) if "absent" in line.text.plain).text.plain
        detail = overview.query_one("#map-detail", TextLine).text.plain
        # The cells compared off the cursor (its highlight would differ anyway).
        coverage.place(next(r for r in range(len(summary.statements)) if r not in (row, sure_row)), 0)
        await pilot.pause()
        return cell(row, column), cell(sure_row, sure_column), legend, detail, member

    (glyph, style), (sure_glyph, sure_style), legend, detail, member = drive(make_app([sample_dir]), script, size=(160, 40))
    assert glyph == "?" and sure_glyph in ("=", "~")
    assert style != sure_style
    assert "? possible" in legend
    assert "possible" in detail and "evidence: " + ", ".join(member.evidence) in detail


def test_the_outlet_info_panel_says_how_many_counterparts_are_possible(sample_dir):
    from retold.model.pipeline import load_alignment
    from retold.tui.screens.outlet_info import info_rows

    sample_alignment = load_alignment([str(sample_dir)])

    for outlet in sample_alignment.outlets:
        sentences = dict(info_rows(outlet, sample_alignment))["sentences"]
        count = len(sample_alignment.possible(outlet.id))
        if count:
            # Review: "+ 8 unique (? 3 of them possible)" read as if unique sentences were possible.
            # The possible pairs are among the shared/altered, and said on a line of their own.
            counts = outlet.counts()
            first, second = sentences.split("\n")[:2]  # (a third line: its doubted counterparts)
            assert first.endswith(f"+ {counts['unique']} unique") and "?" not in first and "possible" not in first
            paired = counts["shared"] + counts["altered"]
            assert second.startswith(f"? {count} possible pair{'s' if count > 1 else ''} among the {paired} shared or altered")
            assert all(outlet.sentences[i].status in ("shared", "altered") for i in sample_alignment.possible(outlet.id))
        else:
            assert "possible pair" not in sentences and "?" not in sentences.split("\n")[0]
    assert any(sample_alignment.possible(o.id) for o in sample_alignment.outlets)
