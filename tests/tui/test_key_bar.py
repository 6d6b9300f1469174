"""Issue 18: every key findable. The key bar shows whole `key description` pairs only, the help
key always (last), and every binding of the reader is on the key bar or in `?`'s list."""

from __future__ import annotations

import pytest

from retold.tui.screens.reader import ReaderScreen
from retold.tui.widgets.key_bar import KeyBar
from retold.tui.widgets.outlet_pane import OutletPane

from .helpers import drive, make_app


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 45)])
def test_key_bar_fits_whole_pairs_and_help_lists_every_binding(sample_dir, size):
    async def script(pilot, reader):
        bar = reader.query_one(KeyBar)
        line = bar.render().plain
        shown = bar.fitted(bar.size.width)
        await pilot.press("question_mark")
        listed = {binding_id for _keys, _text, binding_id in pilot.app.screen.keys}
        return line, shown, listed, bar.size.width

    line, shown, listed, width = drive(make_app([sample_dir]), script, size=size)
    assert len(line.rstrip()) <= width and "…" not in line
    for key, description, _action, _node in shown:  # each pair whole on the line
        assert f" {key}  {description} " in line
    assert shown[-1][2] == "help" and line.rstrip().endswith(("More keys", "Help"))
    reader_ids = {b.id for b in ReaderScreen.BINDINGS + OutletPane.BINDINGS}
    assert reader_ids <= listed  # search-only keys (n / p / escape while searching) included
