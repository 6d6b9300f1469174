"""RowsView: a table drawn line by line (the overview's overlap matrix and outlets list), its
first columns fixed while the rest scrolls sideways."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


class RowsView(ScrollView, can_focus=True):
    """A small table drawn with the Line API: pre-built rows of plain cells, a row cursor,
    a sticky header and horizontal scrolling (DataTable re-renders every cell on each show)."""

    COMPONENT_CLASSES = {"rows-view--header", "rows-view--cursor"}
    BINDINGS = [
        Binding("j,down", "move(1)", "Down", id="rows_down", tooltip="next row", show=False),
        Binding("k,up", "move(-1)", "Up", id="rows_up", tooltip="previous row", show=False),
        Binding("l,right", "pan(9)", "Right", id="rows_right", tooltip="scroll right", show=False),
        Binding("h,left", "pan(-9)", "Left", id="rows_left", tooltip="scroll left", show=False),
        Binding("g,home", "edge(0)", "First", id="rows_first", tooltip="first row", show=False),
        Binding("G,end", "edge(-1)", "Last", id="rows_last", tooltip="last row", show=False),
        Binding("enter", "choose", "Open", id="rows_open", tooltip="open this outlet in the reader"),
    ]

    cursor: reactive[int] = reactive(0, init=False)

    class Chosen(Message):
        def __init__(self, view: RowsView, row: int) -> None:
            super().__init__()
            self.view = view
            self.row = row

    def __init__(self, header: Text, rows: list[Text], *, fixed: int = 0, id: str | None = None) -> None:
        """`fixed`: columns on the left that stay put when the rest scrolls sideways (names)."""
        super().__init__(id=id)
        self.header = header
        self.rows = rows
        self.fixed = fixed
        self._strips: dict[int, Strip] = {}

    def on_mount(self) -> None:
        width = max([self.header.cell_len, *(row.cell_len for row in self.rows)])
        self.virtual_size = Size(width, len(self.rows) + 1)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # at most a few dozen rows: redrawn on the next paint

    def _strip(self, number: int) -> Strip:
        """number -1: the header."""
        strip = self._strips.get(number)
        if strip is None:
            text = self.header if number < 0 else self.rows[number]
            segments = list(text.render(self.app.console))
            style = self.rich_style
            if number < 0:
                style = style + self.get_component_rich_style("rows-view--header")
            strip = self._strips[number] = Strip(Segment.apply_style(segments, style))
        return strip

    def _visible_part(self, strip: Strip, width: int, style: Style) -> Strip:
        """The fixed columns, then the rest from the sideways scroll on."""
        scroll_x = int(self.scroll_x)
        fixed = min(self.fixed, width)
        if not fixed or not scroll_x:
            return strip.crop_extend(scroll_x, scroll_x + width, style)
        return Strip.join([
            strip.crop_extend(0, fixed, style),
            strip.crop_extend(fixed + scroll_x, scroll_x + width, style),
        ])

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            return self._visible_part(self._strip(-1), width, base + self.get_component_rich_style("rows-view--header"))
        number = int(self.scroll_y) + y - 1
        if number >= len(self.rows):
            return Strip.blank(width, base)
        strip = self._visible_part(self._strip(number), width, base)
        if number == self.cursor and self.has_focus:
            overlay = Style(bgcolor=self.get_component_rich_style("rows-view--cursor").bgcolor,
                            reverse=self.get_component_rich_style("rows-view--cursor").reverse or None)
            strip = Strip([Segment(t, (s or Style()) + overlay, c) for t, s, c in strip])
        return strip

    def watch_cursor(self) -> None:
        height = self.scrollable_content_region.height - 1
        top = int(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif height > 0 and self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_move(self, step: int) -> None:
        if self.rows:
            self.cursor = max(0, min(self.cursor + step, len(self.rows) - 1))

    def action_edge(self, where: int) -> None:
        if self.rows:
            self.cursor = 0 if where == 0 else len(self.rows) - 1

    def action_pan(self, columns: int) -> None:
        self.scroll_to(x=max(0, self.scroll_x + columns), animate=False, immediate=True)

    def action_choose(self) -> None:
        if self.rows:
            self.post_message(self.Chosen(self, self.cursor))

    def on_click(self, event) -> None:
        number = int(self.scroll_y) + event.y - 1
        if 0 <= number < len(self.rows):
            self.cursor = number


def _cell(text: str, width: int, right: bool = False) -> str:
    """Pad or cut plain text to `width` terminal cells."""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    padding = " " * (width - cell_len(text))
    return padding + text if right else text + padding
