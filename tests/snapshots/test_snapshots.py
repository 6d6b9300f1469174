"""What the reader looks like, pinned (Textual version pinned in pyproject, fixed theme)."""

from pathlib import Path

from retold.model.pipeline import load_alignment
from retold.tui.app import RetoldApp

SAMPLE = Path("sample_corpus") / "north-sea-grid"  # relative: see conftest.py


def make_app():
    app = RetoldApp(load_alignment([str(SAMPLE)]))
    app.theme = "textual-dark"
    return app


class TestMainScreen:
    def test_80x24(self, snap_compare):
        assert snap_compare(make_app(), terminal_size=(80, 24))

    def test_160x45(self, snap_compare):
        assert snap_compare(make_app(), terminal_size=(160, 45))

    def test_160x45_after_jumps_with_diff(self, snap_compare):
        assert snap_compare(make_app(), terminal_size=(160, 45), press=["j", "j", "j", "right_square_bracket", "d", "tab", "tab"])

    def test_80x24_furniture_shown(self, snap_compare):
        assert snap_compare(make_app(), terminal_size=(80, 24), press=["tab", "r"])

    def test_help(self, snap_compare):
        assert snap_compare(make_app(), terminal_size=(80, 24), press=["question_mark"])
