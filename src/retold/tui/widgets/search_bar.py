"""`/`: the search line. It is the legend line under the panes: `/` turns it into a prompt, enter
searches every outlet, escape gives the legend back.

One widget that changes what it draws, never a widget shown and hidden, and it never takes
the focus (in Textual a focus change repaints the whole screen): while it is open the screen
hands it the keys (`handle_key`). Opening, typing and closing repaint this one line.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from retold.model.safe import printable
from retold.tui.textual_compat import virtual_size_without_layout

HINT = "  enter searches every outlet · n / p step through matches · escape"


class SearchBar(Widget):
    virtual_size = virtual_size_without_layout()  # no layout pass when it changes (textual_compat)

    class Submitted(Message):
        def __init__(self, bar: SearchBar, value: str) -> None:
            super().__init__()
            self.bar = bar
            self.value = value

    class Closed(Message):
        """Escape (or focus elsewhere): closed without searching."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text()  # what the line says when not searching (the legend)
        self.value = ""
        self.editing = False

    def set(self, text: Text) -> None:
        self.text = text
        self.refresh()

    def render(self) -> Text:
        if not self.editing:
            return self.text
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append("/", "bold")
        line.append(printable(self.value))
        line.append("▏", "blink")
        line.append(HINT, "dim")
        return line

    def open(self, query: str = "") -> None:
        self.value = query
        self.editing = True
        self.set_class(True, "-editing")
        self.refresh()

    def hide(self) -> None:
        self.editing = False
        self.set_class(False, "-editing")
        self.refresh()

    def handle_key(self, event: events.Key) -> None:
        """A key while the search line is open (the screen passes them all on)."""
        if event.key == "escape":
            self.hide()
            self.post_message(self.Closed())
        elif event.key == "enter":
            self.hide()
            self.post_message(self.Submitted(self, self.value))
        elif event.key == "backspace":
            self.value = self.value[:-1]
        elif event.key == "ctrl+u":
            self.value = ""
        elif event.is_printable and event.character:
            self.value += event.character
        event.stop()
        event.prevent_default()  # every key belongs to the search line while it is open
        self.refresh()

    def handle_paste(self, event: events.Paste) -> None:
        self.value += " ".join(event.text.split())  # one line, no control characters
        event.stop()
        self.refresh()
