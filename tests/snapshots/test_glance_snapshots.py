"""Screens of issue 10 (the whole story at a glance), pinned like the reader's."""

from pathlib import Path

from retold.model.pipeline import load_alignment
from retold.tui.app import RetoldApp

SAMPLE = Path("sample_corpus") / "north-sea-grid"  # relative: see conftest.py


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


class TestLoadingSnapshot:
    def test_progress_while_aligning_100x30(self, snap_compare):
        import threading

        release = threading.Event()

        def loader(paths, notice, progress):
            progress("splitting", 2, 6)
            release.wait(20)
            raise RuntimeError("not reached in the snapshot")

        app = RetoldApp(paths=[str(SAMPLE)], loader=loader)
        app.theme = "textual-dark"

        async def run_before(pilot):
            import asyncio

            for _ in range(100):
                if getattr(app.screen_stack[-1], "stage", None) == "splitting":
                    break
                await asyncio.sleep(0.02)
            await pilot.pause()

        try:
            assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)
        finally:
            release.set()


class TestSearchSnapshot:
    def test_matches_marked_160x45(self, snap_compare):
        assert snap_compare(make_app(), terminal_size=(160, 45), press=["slash", *"grid", "enter", "n"])


class TestReferenceSnapshot:
    def test_reference_and_rewritten_160x45(self, snap_compare):
        assert snap_compare(make_app(), terminal_size=(160, 45), press=["tab", "R", "j", "j"])


class TestPaneHeaderSnapshot:
    def test_headers_name_date_language_100x30(self, snap_compare):
        assert snap_compare(make_app(), terminal_size=(100, 30))


class TestCopySnapshot:
    def test_copied_notice_100x30(self, snap_compare):
        assert snap_compare(make_app(), terminal_size=(100, 30), press=["j", "y"])


class TestFilterSnapshot:
    def test_only_changes_160x45(self, snap_compare):
        assert snap_compare(make_app(), terminal_size=(160, 45), press=["tab", "tab", "tab", "f", "j"])


class TestNotesListSnapshot:
    def test_draft_and_saved_notes_100x30(self, snap_compare):
        press = ["m", *"saved note", "ctrl+s", "tab", "j", "m", *"a draft", "escape", "N"]
        assert snap_compare(make_app(), terminal_size=(100, 30), press=press)
