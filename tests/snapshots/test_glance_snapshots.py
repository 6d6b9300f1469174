"""Screens of issue 10 (the whole story at a glance), pinned like the reader's."""

from pathlib import Path

from retold.model.pipeline import load_alignment
from retold.tui.app import RetoldApp

SAMPLE = Path(__file__).resolve().parents[2] / "sample_corpus" / "north-sea-grid"


def make_app():
    app = RetoldApp(load_alignment([str(SAMPLE)]))
    app.theme = "textual-dark"
    return app


class TestOverviewSnapshot:
    def test_coverage_map_100x30(self, snap_compare):
        assert snap_compare(make_app(), terminal_size=(100, 30), press=["j", "o", "j", "l"])

    def test_overlap_160x45(self, snap_compare):
        assert snap_compare(make_app(), terminal_size=(160, 45), press=["o", "2"])

    def test_outlets_100x30(self, snap_compare):
        assert snap_compare(make_app(), terminal_size=(100, 30), press=["o", "3", "j"])


class TestOutletInfoSnapshot:
    def test_info_panel_100x30(self, snap_compare):
        assert snap_compare(make_app(), terminal_size=(100, 30), press=["tab", "i"])


class TestKeymapSnapshot:
    def test_help_from_bindings_100x30(self, snap_compare):
        assert snap_compare(make_app(), terminal_size=(100, 30), press=["question_mark"])

    def test_palette_lists_actions_by_name_100x30(self, snap_compare):
        async def run_before(pilot):
            await pilot.press("ctrl+p")
            await pilot.press(*"overv")
            await pilot.pause(0.5)

        assert snap_compare(make_app(), terminal_size=(100, 30), run_before=run_before)
