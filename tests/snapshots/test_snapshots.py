"""What the reader looks like, pinned (Textual version pinned in pyproject, fixed theme)."""

from pathlib import Path

from retold.model.pipeline import load_alignment
from retold.tui.app import RetoldApp

SAMPLE = Path("sample_corpus") / "north-sea-grid"  # relative: see conftest.py


def make_app(theme: str = "textual-dark", **kwargs):
    app = RetoldApp(load_alignment([str(SAMPLE)]), **kwargs)
    app.theme = theme
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


class TestStyles:
    """retold.tcss: light themes, the terminal's 16 colours, NO_COLOR. The cursor (focused
    pane), its counterparts (other panes) and the statuses must all stay visible."""

    def test_light_theme(self, snap_compare):
        assert snap_compare(make_app("textual-light"), terminal_size=(100, 30), press=["j", "j", "j"])

    def test_ansi_colors(self, snap_compare):
        """The terminal's own palette (App(ansi_color=True): the :ansi rules)."""
        assert snap_compare(make_app(ansi_color=True), terminal_size=(100, 30), press=["j", "j", "j"])

    def test_no_color(self, snap_compare, monkeypatch):
        monkeypatch.setenv("NO_COLOR", "1")
        assert snap_compare(make_app(), terminal_size=(100, 30), press=["j", "j", "j"])
