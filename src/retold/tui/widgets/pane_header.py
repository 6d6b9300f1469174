"""A pane's header: outlet name, counts, compact date and language, then its headline (and the
badge of the verbatim copies folded under it)."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.widget import Widget

from retold.model.safe import printable
from retold.model.story import STATUSES, Outlet
from retold.tui.state import compact_date


class PaneHeader(Widget):
    """Outlet name, counts and headline. Focus is shown by repainting, never by a layout pass."""

    def __init__(self, outlet: Outlet, badge: str = "") -> None:
        super().__init__()
        self.outlet = outlet
        self.badge = badge  # the verbatim copies folded under this outlet
        self._counts = outlet.counts()
        self.focused = False
        self.note = ""  # "reference", or "vs …" when `d` compares words

    def set_note(self, note: str) -> None:
        if note != self.note:
            self.note = note
            self.refresh()

    def set_focused(self, focused: bool) -> None:
        if focused != self.focused:
            self.focused = focused
            self.refresh()

    def render(self) -> Text:
        line = header_line(self.outlet, self._counts, self.focused, max(1, self.content_size.width))
        line.append("\n  ")
        if self.note:
            line.append(f"[{printable(self.note)}] ", "bold")
        if self.badge:
            line.append(self.badge + "  ", "bold")
        line.append(printable(self.outlet.title or "(no headline found)"), "italic")
        return line


NAME_ROOM = 12  # cells of the outlet name kept before the header gives up its counts


def header_line(outlet: Outlet, counts: dict[str, int], focused: bool, width: int) -> Text:
    """A pane header's first line: marker, name, counts, compact date and language, fitted to
    `width`: the language goes first, then the counts; the date is cut only after the name is
    (the name gets an ellipsis and keeps the cells left over)."""
    name = printable(outlet.name)
    date = printable(compact_date(outlet.meta.published))
    language = printable(outlet.meta.language or "")
    count_text = " ".join(f"{status.glyph}{counts[status]}" for status in STATUSES)
    both = " · ".join(d for d in (date, language) if d)
    full = cell_len(name)
    short = min(full, NAME_ROOM)
    # In order of preference: (what follows the name, the cells the name needs at least).
    choices = [([count_text, both], full), ([count_text, date], full), ([count_text, date], short), (["", date], full), (["", date], 1)]

    def used(tail: list[str]) -> int:
        return 2 + sum(cell_len(part) + 2 for part in tail if part)

    tail = next((t for t, least in choices if used(t) + least <= width), choices[-1][0])
    room = max(1, width - used(tail))
    if cell_len(name) > room:
        name = set_cell_size(name, room - 1) + "…"
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append("▶ " if focused else "  ", "bold")
    line.append(name, "bold reverse" if focused else "bold")
    for index, part in enumerate(tail):
        if part:
            line.append("  ")
            line.append(part, "dim" if index else "")
    return line


def copy_badge(arrangement, alignment, outlet: Outlet) -> str:
    """'= The Harbour Ledger: verbatim, 5 h later' for each folded copy of `outlet`."""
    if arrangement is None:
        return ""
    parts = []
    for copy in arrangement.copies_of(outlet.id):
        name = printable(alignment.outlet(copy.outlet).name)
        parts.append(f"= {name}: verbatim" + (f", {copy.delay}" if copy.delay else ""))
    return "; ".join(parts)
