"""`/`: the search field under the panes. Enter searches every outlet; escape closes it."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    DEFAULT_CSS = """
    SearchBar { dock: bottom; height: 1; border: none; padding: 0 1; display: none; background: $boost; }
    SearchBar:focus { border: none; }
    """
    BINDINGS = [Binding("escape", "close", "Close search", id="search_close", show=False)]

    class Closed(Message):
        """The bar was closed without searching."""

    def __init__(self) -> None:
        super().__init__(placeholder="search every outlet (enter; n / p step through matches, escape ends)", id="search-bar")

    def open(self, query: str = "") -> None:
        self.value = query
        self.display = True
        self.focus()
        self.cursor_position = len(query)

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed())
