"""`m`: write or edit the note on a sentence (or, with `M`, on the whole story)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from retold.model.safe import printable


@dataclass(frozen=True)
class EditorResult:
    text: str
    draft: bool  # closed with escape: kept, but marked as a draft


class NoteEditor(ModalScreen[EditorResult | None]):
    # priority: the text area would otherwise take these keys for itself.
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note_save", priority=True),
        Binding("escape", "close", "Close", id="note_close", priority=True),
    ]
    def __init__(self, heading: str, quote: str | None, initial: str = "", was_draft: bool = False) -> None:
        super().__init__()
        self.heading = heading
        self.quote = quote
        self.initial = initial
        self.was_draft = was_draft

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(printable(self.heading), style="bold"))
            if self.quote is not None:
                yield Static(Text("“" + printable(self.quote) + "”", style="italic"), id="quote")
            yield TextArea(self.initial, id="note-text", soft_wrap=True, show_line_numbers=False)
            hint = "ctrl+s save · escape close (unsaved text is kept as a draft)"
            if self.was_draft:
                hint = "draft · " + hint
            yield Static(Text(hint), id="hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def action_save(self) -> None:
        if not self.text.strip() and not self.initial.strip():
            # Nothing to save, and no note to delete: say so here rather than close as if saved.
            # (An existing note emptied goes on: the reader asks whether to delete it.)
            self.query_one("#hint", Static).update(Text("A note needs some text: type it, or escape to close.", style="bold"))
            return
        self.dismiss(EditorResult(self.text, draft=False))

    def action_close(self) -> None:
        text = self.text
        if text != self.initial and text.strip():
            self.dismiss(EditorResult(text, draft=True))  # never silently lose typed text
        else:
            self.dismiss(None)
