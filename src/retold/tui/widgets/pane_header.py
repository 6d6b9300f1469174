"""A pane's header: outlet name, counts, compact date and language, then its headline (and the
badge of the verbatim copies folded under it)."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.widget import Widget

from retold.model.safe import printable
from retold.model.story import STATUSES, Outlet
from retold.tui.state import compact_date
from retold.tui.textual_compat import virtual_size_without_layout


class PaneHeader(Widget):
    """Outlet name, counts and headline. Focus is shown by repainting, never by a layout pass."""

    virtual_size = virtual_size_without_layout()  # no layout pass when it changes (textual_compat)

    def __init__(self, outlet: Outlet, copies: list[tuple[str, str]] | None = None) -> None:
        super().__init__()
        self.outlet = outlet
        self.copies = copies or []  # (name, delay) of the verbatim copies folded under this outlet
        self._counts = outlet.counts()
        self.focused = False
        self.note = ""  # "reference", or "vs …" when `d` compares words
        self.row_dates: RowDates | None = None  # the row's one UTC mark (set by the reader)

    def set_note(self, note: str) -> None:
        if note != self.note:
            self.note = note
            self.refresh()

    def set_focused(self, focused: bool) -> None:
        if focused != self.focused:
            self.focused = focused
            self.refresh()

    def render(self) -> Text:
        width = max(1, self.content_size.width)
        narrow = self.row_dates.narrow(width) if self.row_dates is not None else False
        counted = self.row_dates.counted(width, narrow) if self.row_dates is not None else True
        line = header_line(self.outlet, self._counts, self.focused, width, narrow_utc=narrow, counted=counted)
        line.append("\n")
        line.append_text(second_line(self.outlet.title, self.copies, self.note, width))
        return line


# The headline keeps at least this share of the second line (or all of it, when shorter) before
# a badge may take the rest: a pane's headline says which article it is, the badge only that a
# copy is folded under it.
HEADLINE_SHARE = 0.5
HEADLINE_LEAST = 12


def second_line(title: str | None, copies: list[tuple[str, str]], note: str, width: int) -> Text:
    """A pane header's second line: the note ('[reference]'), the folded copies' badge, then the
    headline. When space is short the badge yields first: it narrows ('=1 verbatim, 5 h later',
    '=1 verbatim', '=1') and then goes, so that the headline keeps at least half the line; the
    headline is then cut with an ellipsis (the Text's overflow, at `width`), never dropped."""
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append("  ")
    room = width - 2
    if note:
        line.append(f"[{printable(note)}] ", "bold")
        room -= cell_len(printable(note)) + 3
    headline = printable(title or "(no headline found)")
    if copies and room > 0:
        least = min(cell_len(headline), max(HEADLINE_LEAST, int(room * HEADLINE_SHARE)))
        badge = next((b for b in _badges(copies, room - 2 - cell_len(headline)) if cell_len(b) + 2 + cell_len(headline) <= room), None)
        if badge is None:
            badge = next((b for b in _badges(copies, room - 2 - least) if cell_len(b) + 2 + least <= room), None)
        if badge:
            line.append(badge, "bold")
            line.append("  ")
            room -= cell_len(badge) + 2
    line.append(headline, "italic")  # cut where the line ends, with the line's ellipsis
    return line


def _badges(copies: list[tuple[str, str]], width: int) -> list[str]:
    """The badge's forms, widest first: every copy named (names cut to fit), then a count with
    the delay of a lone copy, then the count alone."""
    count = f"={len(copies)}"
    delays = {delay for _, delay in copies}
    forms = [badge_text(copies, max(1, width)), f"{count} verbatim" + (f", {copies[0][1]}" if len(delays) == 1 and copies[0][1] else ""),
             f"{count} verbatim", count]
    return forms


class RowDates:
    """One UTC mark and one choice of counts for a row of pane headers (their columns are one
    width): when any header needs the narrow "15:05Z" to keep its name, every header writes it
    so, so that one row never mixes "09:12 UTC" and "17:45Z"; when any header gives its counts
    up to keep its name and date, every header does (two testers saw a row where two headers
    had "=10 ~10 +0" and two had none, and read it as two kinds of outlet)."""

    def __init__(self, headers: list[PaneHeader]) -> None:
        self.headers = headers
        self._narrow: dict[int, bool] = {}  # by width
        self._counted: dict[tuple[int, bool], bool] = {}  # by width and UTC mark

    def narrow(self, width: int) -> bool:
        found = self._narrow.get(width)
        if found is None:
            found = self._narrow[width] = any(narrows_date(h.outlet, h._counts, width) for h in self.headers)
        return found

    def counted(self, width: int, narrow_utc: bool) -> bool:
        found = self._counted.get((width, narrow_utc))
        if found is None:
            found = self._counted[(width, narrow_utc)] = all(
                keeps_counts(h.outlet, h._counts, width, narrow_utc) for h in self.headers)
        return found


def _header_tail(outlet: Outlet, counts: dict[str, int], width: int, narrow_utc: bool, counted: bool = True) -> tuple[str, list[str], bool]:
    """The name, what follows it in the header at `width`, and whether its date is the narrow
    form. `counted` False: the counts are left out (the row's other headers cannot keep theirs)."""
    name = printable(outlet.name)
    wide = printable(compact_date(outlet.meta.published))
    # The narrow UTC mark ("15:05Z") before the name is cut: an outlet's name is what a pane is.
    narrow = printable(compact_date(outlet.meta.published, utc_mark="Z"))
    date = narrow if narrow_utc else wide
    language = printable(outlet.meta.language or "")
    count_text = " ".join(f"{status.glyph}{counts[status]}" for status in STATUSES)
    both = " · ".join(d for d in (date, language) if d)
    full = cell_len(name)
    # In order of preference: (what follows the name, the cells the name needs at least).
    choices = [([count_text, both], full), ([count_text, date], full), (["", date], full), (["", narrow], full), (["", narrow], 1)]
    first = 0 if counted else 2
    chosen = next((n for n, (t, least) in enumerate(choices) if n >= first and _used(t) + least <= width), len(choices) - 1)
    return name, choices[chosen][0], narrow != wide and (narrow_utc or chosen >= 3)


def _used(tail: list[str]) -> int:
    return 2 + sum(cell_len(part) + 2 for part in tail if part)


def narrows_date(outlet: Outlet, counts: dict[str, int], width: int) -> bool:
    """Does the header at `width` write its date's UTC mark narrow ("15:05Z") on its own?"""
    return _header_tail(outlet, counts, width, False)[2]


def keeps_counts(outlet: Outlet, counts: dict[str, int], width: int, narrow_utc: bool) -> bool:
    """Does the header at `width` keep its counts on its own?"""
    return bool(_header_tail(outlet, counts, width, narrow_utc)[1][0])


def header_line(outlet: Outlet, counts: dict[str, int], focused: bool, width: int, narrow_utc: bool = False, counted: bool = True) -> Text:
    """A pane header's first line: marker, name, counts, compact date and language, fitted to
    `width` by README's rule: the name comes first, then the date; the language gives way first,
    then the counts, then the date's " UTC" narrows to "Z", and only then is the name cut (with
    an ellipsis), the date still whole. `narrow_utc`: the "Z" form from the start (the row's
    other headers need it: RowDates); `counted` False: no counts (the row's others have none)."""
    name, tail, _ = _header_tail(outlet, counts, width, narrow_utc, counted)
    room = max(1, width - _used(tail))
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


def badge_text(copies: list[tuple[str, str]], width: int) -> str:
    """The folded copies' badge, '= The Harbour Ledger: verbatim, 5 h later', fitted to `width`
    cells: a copy's name is cut before its delay is (the delay is the news the badge brings)."""
    def text(names: list[str]) -> str:
        return "; ".join(f"= {name}: verbatim" + (f", {delay}" if delay else "") for name, (_, delay) in zip(names, copies))

    names = [name for name, _ in copies]
    whole = text(names)
    if cell_len(whole) <= width:
        return whole
    fixed = cell_len(text(["" for _ in names]))
    room = (width - fixed) // max(1, len(names))  # the cells left for each name
    if room >= 2:
        return text([name if cell_len(name) <= room else set_cell_size(name, room - 1) + "…" for name in names])
    return whole  # too narrow for any name: the line's own ellipsis cuts it


def copy_badge(arrangement, alignment, outlet: Outlet) -> list[tuple[str, str]]:
    """(name, delay) of each folded verbatim copy of `outlet`, for `badge_text`."""
    if arrangement is None:
        return []
    return [(printable(alignment.outlet(copy.outlet).name), copy.delay or "") for copy in arrangement.copies_of(outlet.id)]
