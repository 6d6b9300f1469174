"""`N`: this story's notes; enter jumps to the sentence."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from retold.model.safe import printable
from retold.notes.service import PlacedNote


class NotesList(ModalScreen[tuple[str, int] | None]):
    """Dismisses with (action, note id): jump, edit, delete or reattach; None on escape."""

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="notes_close"),
        Binding("e", "act('edit')", "Edit", id="notes_edit"),
        Binding("x,delete", "act('delete')", "Delete", id="notes_delete"),
        Binding("a", "act('reattach')", "Re-attach here", id="notes_reattach"),
    ]
    def __init__(self, title: str, placed: list[PlacedNote], reattach_target: str) -> None:
        super().__init__()
        self.title_text = title
        self.placed = placed
        self.reattach_target = reattach_target

    def compose(self) -> ComposeResult:
        options = []
        for p in self.placed:
            line = Text()
            how = "story" if p.note.on_story else p.anchor.how
            line.append(f"[{how}] ", "bold" if how == "detached" else "")
            if not p.note.on_story:
                line.append(printable(p.note.outlet_name or "?"), "bold")
                quote = p.quote
                line.append("  “" + printable(quote[:90] + ("…" if len(quote) > 90 else "")) + "”", "italic")
                line.append("\n")
            line.append("  " + printable(" ".join(p.note.body.split())))
            if p.note.draft:
                line.append("  (draft)", "italic")
            options.append(Option(line, id=str(p.note.id)))
        with Vertical():
            yield Static(Text(printable(self.title_text), style="bold"))
            if options:
                yield OptionList(*options, id="notes-options")
            else:
                yield Static(Text("No notes on this story yet: press m on a sentence to write one."))
            yield Static(
                Text(f"enter jump · e edit · x delete · a re-attach to {printable(self.reattach_target)} · escape close"),
                id="notes-hint",
            )

    def _selected(self) -> int | None:
        options = self.query(OptionList)
        if not options:
            return None
        option_list = options.first()
        if option_list.highlighted is None:
            return None
        return int(option_list.get_option_at_index(option_list.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(("jump", int(event.option.id)))

    def action_act(self, action: str) -> None:
        selected = self._selected()
        if selected is not None:
            self.dismiss((action, selected))

    def action_close(self) -> None:
        self.dismiss(None)
