"""The reader's notes workflow: write, edit, list, delete and re-attach notes (m, M, N).

Kept apart from the reader screen, which only forwards its keys here. The database is the
app's (`RetoldApp.notes_store`, opened once); a failure to open or write it is said in a toast
and the reader keeps running; a note's text is never dropped silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from retold.notes.service import StoryNotes
from retold.notes.store import NotesUnavailable, NoteStore

if TYPE_CHECKING:
    from textual.screen import Screen

    from retold.tui.screens.note_editor import EditorResult


def open_store(app) -> NoteStore:
    """The app's notes database (opened by the app, once); raises NotesUnavailable."""
    opener = getattr(app, "notes_store", None)
    return opener() if opener is not None else NoteStore.open()


class NotesWorkflow:
    """The notes of the story on `screen`; `notes` is None (and `problem` says why) when the
    database cannot be opened."""

    def __init__(self, screen: Screen) -> None:
        """`screen`: the reader (its panes, alignment, state, go_to and update_status)."""
        self.screen = screen
        self.notes: StoryNotes | None = None
        self.problem: str | None = None

    def open(self) -> None:
        """Take the app's notes database (the app opens it, once) and mark the noted sentences."""
        try:
            store = open_store(self.screen.app)
        except NotesUnavailable as exc:
            self.problem = str(exc)
            self.screen.notify(f"Notes are unavailable: {exc}", severity="warning", timeout=10, markup=False)
            return
        if store.notice:
            self.screen.notify(store.notice, severity="warning", timeout=15, markup=False)
        self.notes = StoryNotes(store, self.screen.alignment)
        self.refresh_marks()

    def refresh_marks(self) -> None:
        if self.notes is None:
            return
        for pane in self.screen.panes:
            pane.set_noted(self.notes.noted_sentences(pane.outlet.id))
        self.screen.update_status()

    def _notes_or_warn(self) -> StoryNotes | None:
        if self.notes is None:
            self.screen.notify(f"Notes are unavailable: {self.problem}", severity="error", timeout=8, markup=False)
        return self.notes

    def _save(self, write) -> bool:
        """Run a note write; a failure is reported and the reader keeps running."""
        try:
            write()
        except Exception as exc:  # NotesUnavailable, OSError, sqlite3 errors
            self.screen.notify(f"The note could not be saved: {exc}", severity="error", timeout=15, markup=False)
            return False
        finally:
            self.refresh_marks()
        notice = self.notes.take_notice() if self.notes is not None else None
        if notice:  # changed or deleted in another window: both texts kept
            self.screen.notify(notice, severity="warning", timeout=15, markup=False)
        return True

    def _edit(self, heading: str, quote: str | None, existing, save) -> None:
        """Open the note editor; `save(text, draft)` writes. Text is never dropped silently:
        escape keeps it as a draft, and if writing fails the editor opens again with it."""
        from retold.tui.screens.note_editor import NoteEditor  # modal screens load on first use

        def done(result: EditorResult | None) -> None:
            if result is None:
                return
            if not result.text.strip():
                if existing is not None:
                    self._confirm_delete(existing.note.id)
                return
            if not self._save(lambda: save(result.text, result.draft)):
                self.screen.app.push_screen(NoteEditor(heading + " (not saved yet)", quote, result.text, result.draft), done)
            elif result.draft:
                self.screen.notify("Kept as a draft: open the note again to finish it.", timeout=5)

        initial = existing.note.body if existing else ""
        was_draft = existing.note.draft if existing else False
        self.screen.app.push_screen(NoteEditor(heading, quote, initial, was_draft), done)

    def note_on_cursor(self) -> None:
        """m: write (or edit) the note on the cursor sentence."""
        notes = self._notes_or_warn()
        pane = self.screen.focused_pane
        if notes is None or not pane.outlet.sentences:
            return
        outlet_id, index = pane.outlet.id, self.screen.state.cursor
        self._edit(
            f"Note on {pane.outlet.name}, sentence {index + 1}",
            pane.outlet.sentences[index].text,
            notes.on_sentence(outlet_id, index),
            lambda text, draft: notes.save_on_sentence(outlet_id, index, text, draft=draft),
        )

    def note_on_story(self) -> None:
        """M: write (or edit) the note on the whole story."""
        notes = self._notes_or_warn()
        if notes is None:
            return
        self._edit(
            f"Note on the whole story: {self.screen.alignment.story_title or 'this story'}",
            None,
            notes.on_story(),
            lambda text, draft: notes.save_on_story(text, draft=draft),
        )

    def list_notes(self) -> None:
        """N: the story's notes; enter jumps, e edits, x deletes, a re-attaches."""
        from retold.tui.screens.notes_list import NotesList

        notes = self._notes_or_warn()
        if notes is None:
            return
        pane = self.screen.focused_pane
        here = f"{pane.outlet.name} #{pane.cursor + 1}"
        title = f"Notes on {self.screen.alignment.story_title or 'this story'} ({len(notes.placed)})"

        def done(choice: tuple[str, int] | None) -> None:
            if choice is None:
                return
            action, note_id = choice
            placed = next((p for p in notes.placed if p.note.id == note_id), None)
            if placed is None:
                return
            if action == "jump":
                if placed.outlet is None or placed.anchor.sentence is None:
                    self.screen.notify("This note is not attached to a sentence (story note or detached).", timeout=5)
                    return
                number = self.screen.alignment.outlets.index(placed.outlet)
                self.screen.go_to(number, placed.anchor.sentence)
            elif action == "delete":  # the list asked already
                self._save(lambda: notes.delete(note_id))
                self.screen.notify("Note deleted.", timeout=3)
            elif action == "reattach":
                if placed.note.on_story or not pane.outlet.sentences:
                    return
                self._save(lambda: notes.reattach(note_id, pane.outlet.id, pane.cursor))
                self.screen.notify(f"Note re-attached to {here}.", timeout=4, markup=False)
            elif action == "edit":
                self._edit_existing(placed)

        here_at = (pane.outlet.id, pane.cursor) if pane.outlet.sentences else None
        self.screen.app.push_screen(NotesList(title, notes.placed, here, here_at), done)

    def _edit_existing(self, placed) -> None:
        notes = self.notes

        self._edit(
            "Edit note",
            None if placed.note.on_story else placed.quote,
            placed,
            lambda text, draft: notes.update(placed.note.id, text, draft=draft),
        )

    def _confirm_delete(self, note_id: int) -> None:
        from retold.tui.screens.confirm import Confirm

        def done(yes: bool | None) -> None:
            if yes:
                self._save(lambda: self.notes.delete(note_id))
                self.screen.notify("Note deleted.", timeout=3)

        self.screen.app.push_screen(Confirm("Delete this note? It cannot be undone."), done)
