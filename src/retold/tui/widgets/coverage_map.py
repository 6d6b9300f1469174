"""CoverageMap: the overview's coverage map, one row per statement, one column per outlet.

One Line API widget: rows are drawn when they are on screen, never a widget per cell, so 20
outlets x 400 sentences open and scroll as fast as the sample story. Article text and outlet
names are untrusted: plain segments after `printable()`.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from retold.model.safe import printable
from retold.model.story import GLYPHS, POSSIBLE_GLYPH, Alignment
from retold.model.summary import StorySummary
from retold.tui.text_fit import fit_words

ABSENT = "·"
LABEL_WIDTH = 6  # "1234 │"


_LEGEND_NAME_MIN = 6  # characters of an outlet's name worth showing in the map's header


def outlet_label(number: int) -> str:
    """Outlets are numbered from 1 in the map's header and the outlets table."""
    return str(number + 1)


class CoverageMap(ScrollView, can_focus=True):
    """One row per statement in story order; one cell per outlet: its glyph ("?" for a possible
    counterpart, as in the pane), or · if absent."""

    COMPONENT_CLASSES = {
        "coverage-map--shared",
        "coverage-map--altered",
        "coverage-map--unique",
        "coverage-map--absent",
        "coverage-map--possible",
        "coverage-map--cursor",
        "coverage-map--cursor-row",
        "coverage-map--label",
    }
    BINDINGS = [
        Binding("j,down", "move(1, 0)", "Down", id="map_down", tooltip="next statement", show=False),
        Binding("k,up", "move(-1, 0)", "Up", id="map_up", tooltip="previous statement", show=False),
        Binding("l,right", "move(0, 1)", "Right", id="map_right", tooltip="next outlet", show=False),
        Binding("h,left", "move(0, -1)", "Left", id="map_left", tooltip="previous outlet", show=False),
        Binding("pagedown", "page(1)", "Page down", id="map_page_down", tooltip="a screen further", show=False),
        Binding("pageup", "page(-1)", "Page up", id="map_page_up", tooltip="a screen back", show=False),
        Binding("g,home", "edge(0)", "First", id="map_first", tooltip="first statement", show=False),
        Binding("G,end", "edge(-1)", "Last", id="map_last", tooltip="last statement", show=False),
        Binding("n", "added(1)", "Next not in all", id="map_added_next", tooltip="next statement this outlet has and not every outlet does"),
        Binding("p", "added(-1)", "Previous not in all", id="map_added_previous", tooltip="previous statement this outlet has and not every outlet does", show=False),
        Binding("enter", "choose", "Jump there", id="map_jump", tooltip="jump to this outlet's sentence in the reader"),
    ]

    row: reactive[int] = reactive(0, init=False)
    column: reactive[int] = reactive(0, init=False)

    class Moved(Message):
        """The cell cursor moved (the screen updates its detail line)."""

    class Chosen(Message):
        def __init__(self, outlet_number: int, sentence: int | None, row: int) -> None:
            super().__init__()
            self.outlet_number = outlet_number
            self.sentence = sentence
            self.row = row

    def __init__(self, alignment: Alignment, summary: StorySummary, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.alignment = alignment
        self.summary = summary
        self._styles: dict[str, Style] = {}
        self._strips: dict[int, Strip] = {}  # rows off the cursor row; they change only with the column
        self._strips_width = 0

    # ---------------------------------------------------------------- geometry

    @property
    def cell_width(self) -> int:
        """3 columns a cell when they fit, else 2, else 1: every outlet always has a column."""
        count = max(1, len(self.alignment.outlets))
        room = self.scrollable_content_region.width - LABEL_WIDTH - 1
        for width in (3, 2):
            if count * width <= room:
                return width
        return 1

    def on_mount(self) -> None:
        self._update_virtual_size()

    def on_resize(self) -> None:
        # Hidden and shown again by the view switch, the map gets Resizes: rows drawn at the
        # same width stay good.
        width = self.scrollable_content_region.width
        if not width:
            return
        if width != self._strips_width:
            self._strips.clear()
            self._strips_width = width
        self._update_virtual_size()
        self.refresh()
        self.post_message(self.Moved())  # the header's columns follow the cell width

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.summary.statements))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # A view switch (display) updates styles too: keep the drawn rows unless a colour changed.
        old = dict(self._styles)
        self._styles.clear()
        if any(self._style(name) != style for name, style in old.items()):
            self._strips.clear()

    def _style(self, component: str) -> Style:
        style = self._styles.get(component)
        if style is None:
            style = self._styles[component] = self.rich_style if component == "base" else self.get_component_rich_style(component)
        return style

    # ---------------------------------------------------------------- drawing

    def header_text(self) -> Text:
        """Outlet numbers over their columns (drawn by the screen above the map)."""
        width = self.cell_width
        text = Text(no_wrap=True, overflow="crop")
        text.append(" " * (LABEL_WIDTH - 1) + "│", "dim")
        for number in range(len(self.alignment.outlets)):
            label = outlet_label(number)[-width:] if width > 1 else outlet_label(number)[-1]
            style = "bold reverse" if number == self.column else "bold"
            text.append(label.center(width) if width > 1 else label, style)
        text.append("│ ", "dim")
        room = self.scrollable_content_region.width - LABEL_WIDTH - len(self.alignment.outlets) * width - 2
        legend = self._legend(room)
        if legend is None:
            text.append("statement (as the cursor's outlet tells it, else the first that surely does)", "dim")
        else:
            text.append_text(legend)
        return text

    def _legend(self, room: int) -> Text | None:
        """Which outlet each column is ("1 Harbour Daily  2 Orlin Radio …"), each name cut to an
        equal share of the room beside the columns; None where a share would not hold a short
        name (the status line below still names the cursor's outlet)."""
        outlets = self.alignment.outlets
        # "N " before each name and a space after it
        share = room // max(1, len(outlets)) - len(outlet_label(len(outlets) - 1)) - 2
        if share < _LEGEND_NAME_MIN:
            return None
        legend = Text(no_wrap=True, overflow="crop")
        for number, outlet in enumerate(outlets):
            name = printable(outlet.name)
            if cell_len(name) > share:
                name = name[:share - 1] + "…"
            legend.append(f"{outlet_label(number)} ", "dim")
            legend.append(name + " ", "bold" if number == self.column else "")
        return legend

    def render_line(self, y: int) -> Strip:
        row = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        statements = self.summary.statements
        if row >= len(statements):
            return Strip.blank(width, self._style("base"))
        if row == self.row:
            return self._build_row(row, width)
        strip = self._strips.get(row)
        if strip is None:
            strip = self._strips[row] = self._build_row(row, width)
        return strip

    def _build_row(self, row: int, width: int) -> Strip:
        base = self._style("base")
        statement = self.summary.statements[row]
        on_cursor_row = row == self.row
        row_style = self._style("coverage-map--cursor-row") if on_cursor_row else None
        cell_width = self.cell_width
        pad = " " * ((cell_width - 1) // 2)
        tail = " " * (cell_width - 1 - len(pad))
        segments = [Segment(f"{row + 1:>{LABEL_WIDTH - 2}} │", self._style("coverage-map--label"))]
        outlets = self.alignment.outlets
        for number, index in enumerate(statement.sentences):
            if index is None:
                glyph, style = ABSENT, self._style("coverage-map--absent")
            elif statement.is_possible(number):
                # Thin evidence: the pane's "?" in its fainter style, not a sure "="/"~".
                glyph, style = POSSIBLE_GLYPH, self._style("coverage-map--possible")
            else:
                status = outlets[number].sentences[index].status
                glyph, style = GLYPHS[status], self._style(f"coverage-map--{status}")
            if on_cursor_row and number == self.column:
                style = style + self._style("coverage-map--cursor")
            segments.append(Segment(pad + glyph + tail, style))
        segments.append(Segment("│ ", self._style("coverage-map--label")))
        used = sum(cell_len(segment.text) for segment in segments)
        segments.append(Segment(fit_words(printable(self.statement_text(row)), max(1, width - used))))
        strip = Strip(Segment.apply_style(segments, base))
        if row_style is not None:
            strip = Strip([Segment(t, (s or Style()) + Style(bgcolor=row_style.bgcolor), c) for t, s, c in strip])
        return strip.crop_extend(0, width, base)

    def statement_text(self, row: int) -> str:
        """The row's statement as the cursor's outlet tells it, else the first outlet that does;
        a sure teller before a "?" one: a row labelled with a doubtful member's words ("running
        on paper records") beside "=" under the wire said the wire carried what it does not."""
        statement = self.summary.statements[row]
        order = [self.column] + [n for n in range(len(statement.sentences)) if n != self.column]
        tellers = [n for n in order if statement.sentences[n] is not None]
        for number in [n for n in tellers if not statement.is_possible(n)] or tellers:
            return self.alignment.outlets[number].sentences[statement.sentences[number]].text
        return ""

    # ---------------------------------------------------------------- cursor

    def watch_row(self, old: int, new: int) -> None:
        self.refresh_line(old)  # only the two rows whose look changed (scrolling repaints the rest)
        self.refresh_line(new)
        self.post_message(self.Moved())

    def watch_column(self) -> None:
        self._strips.clear()  # every row shows the statement as the cursor's outlet tells it
        self.refresh()
        self.post_message(self.Moved())

    def place(self, row: int, column: int) -> None:
        statements = self.summary.statements
        if not statements:
            return
        self.row = max(0, min(row, len(statements) - 1))
        self.column = max(0, min(column, len(self.alignment.outlets) - 1))
        self.scroll_row_into_view()

    def scroll_row_into_view(self) -> None:
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        if self.row < top:
            self.scroll_to(y=self.row, animate=False, immediate=True)
        elif height and self.row >= top + height:
            self.scroll_to(y=self.row - height + 1, animate=False, immediate=True)

    def action_move(self, rows: int, columns: int) -> None:
        self.place(self.row + rows, self.column + columns)

    def action_page(self, direction: int) -> None:
        self.place(self.row + direction * max(1, self.scrollable_content_region.height - 1), self.column)

    def action_edge(self, where: int) -> None:
        self.place(0 if where == 0 else len(self.summary.statements) - 1, self.column)

    def action_added(self, step: int) -> None:
        """Next statement the cursor's outlet has and not every other outlet does (what it added
        or kept that others dropped)."""
        statements = self.summary.statements
        everyone = len(self.alignment.outlets)
        row = self.row + step
        while 0 <= row < len(statements):
            statement = statements[row]
            if statement.sentences[self.column] is not None and statement.carried_by() < everyone:
                self.place(row, self.column)
                return
            row += step
        self.notify("No further statement that only some outlets carry.", timeout=3, markup=False)

    def action_choose(self) -> None:
        if not self.summary.statements:
            return
        index = self.summary.statements[self.row].sentences[self.column]
        self.post_message(self.Chosen(self.column, index, self.row))

    def on_click(self, event) -> None:
        row = int(self.scroll_y) + event.y
        column = (event.x - LABEL_WIDTH) // self.cell_width
        if 0 <= row < len(self.summary.statements) and 0 <= column < len(self.alignment.outlets) and event.x >= LABEL_WIDTH:
            self.place(row, column)
