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
