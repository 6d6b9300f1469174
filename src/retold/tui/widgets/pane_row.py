"""PaneRow: the row of outlet columns (a header and a pane each).

The row is wider than the screen when not all outlets fit: the window of outlets is its
horizontal scroll (no scrollbar; `>` and `<` move it). It sizes its columns, scrolls to a
window, and wraps the panes outside the window while the reader is idle. The columns outside
the first window get their header and pane after the first frame (`mount_rest`): with 20
outlets, mounting and styling 16 panes nobody sees yet took ~0.1 s before the story showed.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import HorizontalScroll, Vertical

from retold.tui.textual_compat import virtual_size_without_layout
from retold.tui.widgets.outlet_pane import GUTTER, OutletPane
from retold.tui.widgets.pane_header import PaneHeader

PANE_DECORATION = 2  # columns of a pane's column that are not text area: the border and the scrollbar


class Column(Vertical):
    """One outlet's column: its header over its pane."""

    virtual_size = virtual_size_without_layout()  # no layout pass when it changes (textual_compat)


class PaneRow(HorizontalScroll):
    # Its scrollable width is set by each layout pass and read by `show_window`; no scrollbar
    # depends on it (overflow hidden), so no further pass either.
    virtual_size = virtual_size_without_layout()

    def __init__(self, headers: list[PaneHeader], panes: list[OutletPane], first_window: Iterable[int] | None = None) -> None:
        """`first_window`: the outlets shown first; the other columns stay empty until
        `mount_rest` (None: every column whole from the start)."""
        # Not focusable: Textual's auto focus would give the focus to the row first and then
        # restyle all its columns twice (~30 ms each on the first frame) before a pane gets it.
        super().__init__(id="panes", can_focus=False)
        self.headers, self.panes = headers, panes
        self.layouts_warm = False  # every pane wrapped at the current size (see warm_layouts)
        self._warm_generation = 0
        shown = set(range(len(panes)) if first_window is None else first_window)
        self._pending = [number for number in range(len(panes)) if number not in shown]  # columns still empty
        self._columns: list[Column] = []

    def compose(self) -> ComposeResult:
        for number, (header, pane) in enumerate(zip(self.headers, self.panes)):
            column = Column(classes="column", id=f"column-{number}")
            self._columns.append(column)
            with column:
                if number not in self._pending:
                    yield header
                    yield pane

    def mount_rest(self, numbers: Iterable[int] | None = None) -> None:
        """Put their header and pane in the columns still empty: all of them, or none unless
        one of `numbers` is among them (a window about to show it)."""
        if not self._pending or (numbers is not None and set(self._pending).isdisjoint(numbers)):
            return
        if not all(self._columns[number].is_attached for number in self._pending):
            return  # the screen is going (the app is leaving): nothing to mount into
        pending, self._pending = self._pending, []
        for number in pending:
            self._columns[number].mount(self.headers[number], self.panes[number])

    def size_columns(self, width: int, height: int, count: int) -> None:
        """Columns of one width, `count` of them filling `width`; every pane gets the same text
        width and `height`, so wrapping never depends on which column an outlet is in and a
        pane outside the window is measured exactly. Moving the window scrolls the row
        sideways, which needs no layout pass."""
        column = max(1, width // count)
        for widget in self.query(".column"):
            widget.styles.width = column
        # The row is exactly the window's width (any odd column left over stays blank), so
        # the last window can scroll to a column's edge like the others.
        self.styles.width = column * count
        for pane in self.panes:
            pane.set_size(max(10, column - PANE_DECORATION - GUTTER), max(1, height))
        self.warm_layouts()

    def show_window(self, first: int, column: int, visible: Iterable[int], *, again: bool = True) -> None:
        """Scroll so that outlet `first` is the leftmost column; `visible`: the window's outlets."""
        visible = list(visible)
        x = first * column
        self.scroll_to(x=x, animate=False, immediate=True, force=True)
        if round(self.scroll_x) != x and again:
            # The columns were just resized and their layout pass has not run: the row still
            # has its old width and clamped the scroll to it. Once more after that pass.
            self.call_after_refresh(lambda: self.show_window(first, column, visible, again=False))
        for number, pane in enumerate(self.panes):
            pane.in_window = number in visible

    def warm_layouts(self) -> None:
        """Wrap the panes outside the window while the reader is idle, one pane per turn of
        the event loop, so that the first `]`, `tab` or `>` to a far outlet does not pay for
        it (about 20 ms a pane of 400 sentences). Restarted when sizes or options change."""
        self.layouts_warm = False
        self._warm_generation += 1
        generation = self._warm_generation

        def step(numbers: list[int]) -> None:
            if generation != self._warm_generation or not self.is_mounted:
                return
            if not numbers:
                if self._pending or not all(pane.is_mounted for pane in self.panes):
                    self.mount_rest()
                    self.set_timer(0.01, lambda: step(numbers))  # once every pane is mounted
                    return
                # One layout pass for every pane's scroll range, rather than one per pane shown.
                with self.app.batch_update():
                    for pane in self.panes:
                        pane.size_scroll_range()
                    # Textual styles a pane's scrollbar only when the pane's styles are next
                    # updated: on its first focus change, and the scrollbar's new rules then
                    # force a layout pass of every column (50-90 ms on `tab`, `]` or `>`).
                    # Styled here instead, within the same pass.
                    self.app.stylesheet.update_nodes([pane.vertical_scrollbar for pane in self.panes])
                self.layouts_warm = True
                # The story, its wrapped layouts and the widgets live as long as the reader:
                # out of the garbage collector's way, whose full passes over them (~0.15 s
                # with 20 x 400 sentences) otherwise land in the middle of a key now and then.
                gc.freeze()
                return
            self.panes[numbers[0]].text_layout()
            self.set_timer(0.001, lambda: step(numbers[1:]))

        self.set_timer(0.05, lambda: step(list(range(len(self.panes)))))
