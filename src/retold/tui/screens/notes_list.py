"""`N`: this story's notes; enter jumps to the sentence."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from retold.model.safe import printable
from retold.notes.service import PlacedNote


def outlet_of(placed: PlacedNote) -> str | None:
    """The outlet name a note belongs to (None for story notes)."""
    if placed.note.on_story:
        return None
    return placed.outlet.name if placed.outlet is not None else placed.note.outlet_name


def _short(quote: str, limit: int = 90) -> str:
    return quote[:limit] + ("…" if len(quote) > limit else "")


def matches(placed: PlacedNote, query: str, outlet: str | None) -> bool:
    """Whether a note passes the list's filters: its outlet, and the query (case-insensitive)
    anywhere in its text, its quoted sentence or its outlet's name."""
    if outlet is not None and outlet_of(placed) != outlet:
        return False
    words = query.casefold().split()
    if not words:
        return True
    haystack = " ".join([placed.note.body, "" if placed.note.on_story else placed.quote, outlet_of(placed) or ""]).casefold()
    return all(word in haystack for word in words)


class NotesList(ModalScreen[tuple[str, int] | None]):
    """Dismisses with (action, note id): jump, edit, delete (asked here first) or reattach;
    None on escape.

    `/` searches the notes, `o` narrows them to one outlet (again: the next one, then all).
    Drafts are set apart: a DRAFT badge and dimmed italic text."""

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="notes_close", tooltip="close the notes list"),
        Binding("e", "act('edit')", "Edit", id="notes_edit", tooltip="edit the selected note"),
        Binding("x,delete", "act('delete')", "Delete", id="notes_delete", tooltip="delete the selected note (asks first)"),
        Binding("a", "act('reattach')", "Re-attach here", id="notes_reattach", tooltip="attach a detached note to the reader's sentence"),
        Binding("slash", "find", "Search", id="notes_search", tooltip="search the notes' text, quotes and outlets"),
        Binding("o", "next_outlet", "Outlet", id="notes_outlet", tooltip="show one outlet's notes; again: the next outlet, then all"),
    ]

    def __init__(self, title: str, placed: list[PlacedNote], reattach_target: str, target_at: tuple[str, int] | None = None) -> None:
        """`reattach_target`: the reader's sentence as the hint names it; `target_at`: it as
        (outlet id, index), None when the focused outlet has no sentence to attach to."""
        super().__init__()
        self.title_text = title
        self.placed = placed
        self.reattach_target = reattach_target
        self.target_at = target_at
        self.query_text = ""
        self.outlet: str | None = None
        self.outlets = sorted({name for p in placed if (name := outlet_of(p)) is not None})

    @staticmethod
    def option_for(p: PlacedNote) -> Option:
        line = Text()
        draft = p.note.draft
        if draft:
            line.append(" DRAFT ", "bold reverse")
            line.append(" ")
        how = "story" if p.note.on_story else "changed" if p.changed else p.anchor.how
        line.append(f"[{how}] ", "bold" if how in ("detached", "changed") else "")
        if not p.note.on_story:
            line.append(printable(outlet_of(p) or "?"), "bold")
            line.append(("  now “" if p.changed else "  “") + printable(_short(p.quote)) + "”", "italic")
            line.append("\n")
            if p.changed:  # the wording the note was written against, plainly beside the new one
                line.append("  was “" + printable(_short(p.written)) + "”", "italic")
                line.append("\n")
        line.append("  " + printable(" ".join(p.note.body.split())), "dim italic" if draft else "")
        return Option(line, id=str(p.note.id))

    def shown(self) -> list[PlacedNote]:
        return [p for p in self.placed if matches(p, self.query_text, self.outlet)]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(printable(self.title_text), style="bold"))
            if self.placed:  # nothing to search in an empty list: no box to trap the keys
                yield Input(placeholder="/ search notes · o one outlet", id="notes-filter")
                yield Static(self._scope(), id="notes-scope")
                yield OptionList(*[self.option_for(p) for p in self.placed], id="notes-options")
            else:
                yield Static(Text("No notes on this story yet: press m on a sentence to write one."))
            yield Static(Text(self.hint()), id="notes-hint")

    def hint(self) -> str:
        """The keys that have something to act on in this list, and escape."""
        keys = []
        if self.placed:
            keys += ["enter jump", "e edit", "x delete"]
        if self._can_reattach(self._highlighted()):
            keys.append(f"a re-attach to {printable(self.reattach_target)}")
        if self.placed:
            keys.append("/ search")
        if self.outlets:
            keys.append("o outlet")
        return " · ".join([*keys, "escape close"])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("act", "find", "next_outlet") and not self.placed:
            return False  # an empty list has nothing to edit, delete, re-attach, search or narrow
        return True

    def on_mount(self) -> None:
        options = self.query(OptionList)
        if options:
            options.first().focus()

    def _scope(self) -> Text:
        shown = len(self.shown())
        text = Text(f"{shown} of {len(self.placed)} notes")
        if self.outlet is not None:
            text.append(" · outlet: ")
            text.append(printable(self.outlet), "bold")
        if self.query_text.strip():
            text.append(" · matching “" + printable(self.query_text) + "”")
        return text

    def _refilter(self) -> None:
        options = self.query(OptionList)
        if options:
            option_list = options.first()
            option_list.clear_options()
            option_list.add_options([self.option_for(p) for p in self.shown()])
            if option_list.option_count:
                option_list.highlighted = 0
        for scope in self.query("#notes-scope"):
            scope.update(self._scope())

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._refilter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        options = self.query(OptionList)
        if options:
            options.first().focus()

    def action_find(self) -> None:
        self.query_one("#notes-filter", Input).focus()

    def action_next_outlet(self) -> None:
        choices = [None, *self.outlets]
        self.outlet = choices[(choices.index(self.outlet) + 1) % len(choices)]
        self._refilter()

    def _selected(self) -> int | None:
        options = self.query(OptionList)
        if not options:
            return None
        option_list = options.first()
        if option_list.highlighted is None:
            return None
        return int(option_list.get_option_at_index(option_list.highlighted).id)

    def _highlighted(self) -> PlacedNote | None:
        selected = self._selected() if self.is_mounted else (self.placed[0].note.id if self.placed else None)
        return next((p for p in self.placed if p.note.id == selected), None)

    def _can_reattach(self, placed: PlacedNote | None) -> bool:
        """A sentence note not already on the reader's sentence (a story note has no sentence)."""
        if placed is None or placed.note.on_story or self.target_at is None:
            return False
        here = placed.outlet is not None and (placed.outlet.id, placed.anchor.sentence) == self.target_at
        return not here or placed.anchor.how == "detached"

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        for hint in self.query("#notes-hint"):
            hint.update(Text(self.hint()))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(("jump", int(event.option.id)))

    def action_act(self, action: str) -> None:
        selected = self._selected()
        if selected is None:
            return
        if action == "reattach" and not self._can_reattach(self._highlighted()):
            return  # on the reader's sentence already, a story note, or no sentence to attach to
        if action != "delete":
            self.dismiss((action, selected))
            return
        from retold.tui.screens.confirm import Confirm

        def answered(yes: bool | None) -> None:
            if yes:  # "no" keeps the list open where it was
                self.dismiss(("delete", selected))

        self.app.push_screen(Confirm("Delete this note? It cannot be undone."), answered)

    def action_close(self) -> None:
        focused = self.focused
        if isinstance(focused, Input) and focused.value and self.query(OptionList):
            self.query_one(OptionList).focus()
            return  # escape in a search with text goes back to the (filtered) list first; again closes
        self.dismiss(None)
