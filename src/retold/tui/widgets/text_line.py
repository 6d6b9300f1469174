"""TextLine: one line of text that repaints without a layout pass (unlike Static.update)."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from retold.tui.textual_compat import virtual_size_without_layout


class TextLine(Widget):
    """One line of text; `set` repaints it without a layout pass."""

    virtual_size = virtual_size_without_layout()  # no layout pass when it changes (textual_compat)

    def __init__(self, text: Text | None = None, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text or Text()

    def set(self, text: Text) -> None:
        self.text = text
        self.refresh()

    def render(self) -> Text:
        return self.text
