"""`/`: the search field under the panes. Enter searches every outlet; escape closes it.

It takes the legend's line while open (same height), so the panes keep their size and
their cached rows: opening and closing it costs a repaint, not a re-wrap.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    DEFAULT_CSS = """
    SearchBar { height: 1; border: none; padding: 0 1; display: none; background: $boost; }
    SearchBar:focus { border: none; }
    """
    BINDINGS = [Binding("escape", "close", "Close search", id="search_close", show=False)]

    class Closed(Message):
        """The bar was closed without searching."""

    def __init__(self) -> None:
        super().__init__(placeholder="search every outlet (enter; n / p step through matches, escape ends)", id="search-bar")

    def open(self, query: str = "") -> None:
        self.value = query
        with self.app.batch_update():
            self._swap(True)
        self.focus()
        self.cursor_position = len(query)

    def hide(self) -> None:
        self._swap(False)

    def _swap(self, shown: bool) -> None:
        legend = self.screen.query("#legend")
        if legend:
            legend.first().display = not shown
        self.display = shown

    def action_close(self) -> None:
        self.hide()
        self.post_message(self.Closed())
