"""The reader's custom messages, in one place.

Panes do not move themselves: they report what the user asked for (a key that belongs to a
pane, a click, a scroll they did not cause) and the reader screen turns it into a new
navigation state (`retold.tui.state.ReaderState`), which it applies to every pane at once.
"""

from __future__ import annotations

from textual.message import Message


class Navigate(Message):
    """A pane key asked for a cursor move: `action` is a ReaderState method name
    (move_cursor, cursor_edge, page, change) and `argument` its first argument."""

    def __init__(self, number: int, action: str, argument: int | bool) -> None:
        super().__init__()
        self.number = number
        self.action = action
        self.argument = argument


class PaneClicked(Message):
    """A click on screen row `row` of pane `number` (blank rows included)."""

    def __init__(self, number: int, row: int) -> None:
        super().__init__()
        self.number = number
        self.row = row


class PaneScrolled(Message):
    """Pane `number` was scrolled to `top` by the user (wheel, scrollbar), not by the screen."""

    def __init__(self, number: int, top: int) -> None:
        super().__init__()
        self.number = number
        self.top = top
