"""Notes in the reader: write, keep drafts, list, jump, delete with confirmation, survive restarts."""

import os

from retold.notes.store import NoteStore

from .helpers import drive, make_app


def test_note_saved_survives_restart(sample_dir):
    async def write(pilot, screen):
        await pilot.press("j", "j", "j", "m")
        await pilot.press(*"wire line")
        await pilot.press("ctrl+s")
        await pilot.pause()
        return screen.focused_pane.noted, str(screen.query_one("#status").render())

    noted, status = drive(make_app([sample_dir]), write)
    assert noted == {3} and "✎ note" in status

    async def reopen(pilot, screen):
        pane = screen.pane(0)
        first_row = pane.text_layout().first_row[3] - int(pane.scroll_y)
        return pane.noted, pane.render_line(first_row).text

    noted, line = drive(make_app([sample_dir]), reopen)
    assert noted == {3} and line.startswith("=✎")
    [note] = NoteStore.open().for_story(str(sample_dir.resolve()))
    assert note.body == "wire line" and not note.draft


def test_escape_keeps_typed_text_as_draft(sample_dir):
    async def script(pilot, screen):
        await pilot.press("m", *"half a thought", "escape")
        await pilot.pause()
        after_escape = type(pilot.app.screen).__name__
        await pilot.press("m")
        prefilled = pilot.app.screen.query_one("TextArea").text
        await pilot.press("escape")  # unchanged: closes without a question
        return after_escape, prefilled

    after_escape, prefilled = drive(make_app([sample_dir]), script)
    assert after_escape == "ReaderScreen" and prefilled == "half a thought"
    [note] = NoteStore.open().for_story(str(sample_dir.resolve()))
    assert note.draft and note.body == "half a thought"


def test_escape_on_empty_editor_saves_nothing(sample_dir):
    async def script(pilot, screen):
        await pilot.press("m", "escape")

    drive(make_app([sample_dir]), script)
    assert NoteStore.open().count() == 0


def test_notes_list_jumps_and_delete_asks(sample_dir):
    async def script(pilot, screen):
        screen.focus_outlet(screen.number_of("coastline-daily"))
        await pilot.press("g", *["j"] * 5, "m", *"trimmed", "ctrl+s")  # Coastline Daily #6
        screen.focus_outlet(0)
        await pilot.press("M", *"story-wide", "ctrl+s")
        await pilot.press("N")
        listed = type(pilot.app.screen).__name__
        await pilot.press("enter")  # the first note: Coastline's sentence
        await pilot.pause()
        jumped = (screen.focused_pane.outlet.id, screen.focused_pane.cursor)
        await pilot.press("N", "x")
        asked = type(pilot.app.screen).__name__
        await pilot.press("n")  # no: nothing deleted, and the list stays open
        kept = NoteStore.open().count()
        still = type(pilot.app.screen).__name__
        await pilot.press("x", "y")
        await pilot.pause()
        return listed, jumped, asked, kept, still, NoteStore.open().count()

    listed, jumped, asked, kept, still, after_delete = drive(make_app([sample_dir]), script)
    assert listed == "NotesList" and jumped == ("coastline-daily", 5)
    assert asked == "Confirm" and kept == 2 and still == "NotesList" and after_delete == 1


def test_reader_opens_when_notes_are_unavailable(sample_dir, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("RETOLD_DATA_DIR", str(blocker / "sub"))

    async def script(pilot, screen):
        await pilot.press("j", "m")
        return type(pilot.app.screen).__name__, str(screen.query_one("#status").render()), screen.focused_pane.cursor

    current, status, cursor = drive(make_app([sample_dir]), script)
    assert current == "ReaderScreen" and "notes unavailable" in status and cursor == 1


def test_corrupt_database_is_reported_in_the_reader(sample_dir):
    directory = os.environ["RETOLD_DATA_DIR"]
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "notes.db"), "wb") as handle:
        handle.write(b"garbage" * 200)

    async def script(pilot, screen):
        await pilot.pause()
        return [n.message for n in pilot.app._notifications]

    messages = drive(make_app([sample_dir]), script)
    assert any("moved to" in m for m in messages)


def test_failed_save_reopens_the_editor_with_the_text(sample_dir, monkeypatch):
    import sqlite3

    def broken(self, *args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(NoteStore, "add", broken)

    async def script(pilot, screen):
        await pilot.press("m", *"precious words", "ctrl+s")
        await pilot.pause()
        current = pilot.app.screen
        return type(current).__name__, current.query_one("TextArea").text, [n.message for n in pilot.app._notifications]

    current, text, messages = drive(make_app([sample_dir]), script)
    assert current == "NoteEditor" and text == "precious words"
    assert any("could not be saved" in m and "disk I/O error" in m for m in messages)


def test_saving_an_empty_note_is_refused_in_the_editor(sample_dir):
    """Review: ctrl+s on an empty (or whitespace-only) new note closed the editor as if it had
    saved. It saves nothing, stays open and says why; escape then closes it."""
    async def script(pilot, screen):
        await pilot.press("m", "space", "enter", "ctrl+s")
        await pilot.pause()
        editor = pilot.app.screen
        hint = str(editor.query_one("#hint").render())
        await pilot.press("escape")
        await pilot.pause()
        return type(editor).__name__, hint, type(pilot.app.screen).__name__

    after_save, hint, after_escape = drive(make_app([sample_dir]), script)
    assert after_save == "NoteEditor" and "A note needs some text" in hint
    assert after_escape == "ReaderScreen"
    assert NoteStore.open().count() == 0


def test_emptying_a_saved_note_asks_before_deleting_it(sample_dir):
    """An existing note edited to nothing is a delete only because the reader says so and asks."""
    async def script(pilot, screen):
        await pilot.press("m", *"keep me", "ctrl+s")
        await pilot.press("m", *["backspace"] * 7, "ctrl+s")
        await pilot.pause()
        asked = type(pilot.app.screen).__name__
        await pilot.press("n")
        await pilot.pause()
        return asked

    assert drive(make_app([sample_dir]), script) == "Confirm"
    [note] = NoteStore.open().for_story(str(sample_dir.resolve()))
    assert note.body == "keep me"
