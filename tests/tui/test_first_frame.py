"""The reader's first frame is its whole first screen (issue 19): one layout pass lays it out with
every pane's scrollbar and the status line already there, and by the time the frame after it is
due (the bench's "first screen" mark) nothing was laid out or painted again. Before, that frame
went out without scrollbars or status line, and three or four more whole layout passes and
frames followed it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.screen import Screen

from retold.model.pipeline import load_alignment
from retold.synthetic import make_story
import retold.tui.app
from retold.tui.app import RetoldApp
from retold.tui.widgets.pane_row import PaneRow


def _run_until_marked(app, size, seen: dict, rounds: int) -> None:
    """Run the app headless until the first-screen mark is seen (or `rounds` pauses of 10 ms)."""

    async def main():
        async with app.run_test(size=size) as pilot:
            for _ in range(rounds):
                if seen["marked"]:
                    break
                await pilot.pause(0.01)

    asyncio.run(main())


@pytest.mark.parametrize("size", [(160, 45), (100, 30)])
def test_one_layout_pass_and_one_frame_show_the_whole_first_screen(tmp_path, monkeypatch, size):
    story = make_story(tmp_path / "story", outlets=4, sentences=60, seed=3)
    seen: dict = {"passes": 0, "frames": [], "marked": False}

    class Watched(RetoldApp):
        CSS_PATH = str(Path(retold.tui.app.__file__).parent / RetoldApp.CSS_PATH)  # (else found beside this file)

        def _display(self, screen, renderable):
            super()._display(screen, renderable)
            if renderable is not None and type(screen).__name__ == "ReaderScreen" and not seen["marked"]:
                shown = [pane for pane in screen.panes if pane.in_window]
                seen["frames"].append(([pane.show_vertical_scrollbar for pane in shown], str(screen._status.text)))

        def on_ready(self):  # (RetoldApp's own on_ready runs too)
            self.call_after_refresh(lambda: seen.__setitem__("marked", True))

    whole_pass = Screen._refresh_layout

    def counted(self, *args, **kwargs):
        if type(self).__name__ == "ReaderScreen" and not seen["marked"]:
            seen["passes"] += 1
        return whole_pass(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    # The panes outside the window are wrapped, and every scrollbar styled, in one layout pass of
    # their own 50 ms after the first frame (PaneRow.warm_layouts): on a slow machine that may come
    # before the frame after the first; it is not the first screen's, so it is left out here.
    monkeypatch.setattr(PaneRow, "warm_layouts", lambda self: None)
    app = Watched(load_alignment([str(story)]))
    app.theme = "textual-dark"

    _run_until_marked(app, size, seen, rounds=200)
    assert seen["marked"]
    assert seen["passes"] == 1
    assert len(seen["frames"]) == 1
    bars, status = seen["frames"][0]
    assert bars and all(bars)  # every pane on screen scrolls (60 sentences): its bar is drawn
    assert "sentence 1/" in status


def test_opening_a_story_hashes_its_texts_only_when_notes_filed_elsewhere_may_be_its_own(tmp_path, monkeypatch, sample_dir):
    """The notes of a moved story are found by its texts' hashes (StoryNotes._moved_here): worked
    out only when the database holds another story's notes to compare with (on opening a
    20-outlet story with nothing to compare, hashing its texts cost ~15 ms before its first frame)."""
    from retold.notes import service
    from retold.notes.store import NoteStore

    hashed = []
    real = service.text_hash
    monkeypatch.setattr(service, "text_hash", lambda text: hashed.append(1) or real(text))
    alignment = load_alignment([str(sample_dir)])
    store = NoteStore.open(tmp_path / "notes")
    service.StoryNotes(store, alignment)
    assert not hashed  # an empty database: nothing filed elsewhere
    store.add(str(tmp_path / "gone"), "a note on a story no longer where its key says", story_id="elsewhere")
    service.StoryNotes(store, alignment)
    assert hashed  # now its texts are compared with that story's, as before


def test_the_rest_of_the_columns_are_not_mounted_into_a_screen_that_is_going(tmp_path, monkeypatch):
    """The columns outside the first window are filled 20 ms after the first frame: a timer that
    fires as the app leaves mounts nothing into its detached columns (it raised MountError,
    printed as a traceback on leaving)."""
    story = make_story(tmp_path / "story", outlets=8, sentences=10, seed=4)
    app = RetoldApp(load_alignment([str(story)]))
    real = PaneRow.mount_rest
    held = {"on": True}
    monkeypatch.setattr(PaneRow, "mount_rest", lambda self, numbers=None: None if held["on"] else real(self, numbers))
    rows = []

    async def main():
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            rows.append(app.screen._row)
            app.exit()

    asyncio.run(main())
    row = rows[0]
    assert row._pending  # left before the rest were mounted
    held["on"] = False
    row.mount_rest()  # as the timer would, once the screen is gone
    assert row._pending  # nothing mounted, nothing raised


def test_after_the_loading_screen_the_reader_is_painted_whole_once(tmp_path, monkeypatch):
    """A story loaded behind the loading screen: the reader's first frame paints the whole
    screen, and switching from the loading screen does not paint it whole again (Textual's
    App._replace_screen asks for that repaint of what the first frame has just drawn)."""
    from textual._compositor import Compositor

    story = make_story(tmp_path / "story", outlets=4, sentences=40, seed=5)
    seen: dict = {"whole": 0, "marked": False}

    class Watched(RetoldApp):
        CSS_PATH = str(Path(retold.tui.app.__file__).parent / RetoldApp.CSS_PATH)

        def on_load_finished(self, message):  # (RetoldApp's own handler switches to the reader)
            self.call_after_refresh(self.mark)

        def mark(self):
            if type(self.screen).__name__ != "ReaderScreen":
                self.call_after_refresh(self.mark)
                return
            seen["marked"] = True

    whole = Compositor.render_full_update

    def counted(compositor, *args, **kwargs):
        if type(app.screen).__name__ == "ReaderScreen" and not seen["marked"]:
            seen["whole"] += 1
        return whole(compositor, *args, **kwargs)

    monkeypatch.setattr(Compositor, "render_full_update", counted)
    monkeypatch.setattr(PaneRow, "warm_layouts", lambda self: None)  # its own pass, 50 ms later (above)
    app = Watched(paths=[str(story)], loader=lambda paths, notice, progress: load_alignment(paths))
    app.theme = "textual-dark"

    _run_until_marked(app, (160, 45), seen, rounds=300)
    assert seen["marked"]
    assert seen["whole"] == 1
