"""Review 4: a weak counterpart showed on one side only: the third outlet's sentence "?", the
wire's "=" with nothing to say one of its counterparts was only possible, with numbers that
differ. A sure sentence with such a counterpart is marked "=?" / "~?" in its pane; one whose
counterparts are all sure (or only thin, with nothing against) keeps its column blank."""

from __future__ import annotations

import asyncio
import shutil

from retold.model.story import GLYPHS, POSSIBLE_GLYPH
from retold.tui.app import RetoldApp
from retold.tui.screens.reader import ReaderScreen
from retold.tui.widgets.outlet_pane import OutletPane
from tests.tui.helpers import drive, make_app
from tests.tui.test_loading import top, wait_for


def test_a_sure_sentence_with_a_doubted_counterpart_is_marked_from_its_own_side(sample_dir):
    app = make_app([sample_dir])
    alignment = app.alignment
    outlet = next(o for o in alignment.outlets if alignment.doubted(o.id))
    doubted = sorted(alignment.doubted(outlet.id))
    plain = [s.index for s in outlet.sentences
             if s.index not in alignment.doubted(outlet.id) and s.index not in alignment.possible(outlet.id)]

    async def script(pilot, screen):
        pane = next(p for p in screen.query(OutletPane) if p.outlet.id == outlet.id)
        pane.noted = frozenset()
        pane.quote_marks = frozenset()
        marks = {}
        for index in doubted + plain:
            pane.cursor = index
            await pilot.pause()
            layout = pane.text_layout()
            strip = pane._build_strip(layout.rows[layout.first_row[index]], 40, pane._style("base"))
            marks[index] = strip.text[:2]
        return marks

    marks = drive(app, script, size=(240, 45))
    for index in doubted:
        assert marks[index] == GLYPHS[outlet.sentences[index].status] + POSSIBLE_GLYPH, (index, marks[index])
    for index in plain:
        assert marks[index][1] != POSSIBLE_GLYPH, (index, marks[index])


def test_the_reader_says_a_lone_outlet_has_nothing_to_compare(tmp_path, sample_dir):
    (tmp_path / "story").mkdir()
    shutil.copy(sample_dir / "meridian.txt", tmp_path / "story")

    async def main():
        app = RetoldApp(paths=[str(tmp_path / "story")])
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(lambda: isinstance(top(app), ReaderScreen))
            await pilot.pause()
            return [n.message for n in app._notifications]

    notices = asyncio.run(main())
    assert any("nothing to compare it with" in n for n in notices), notices
