"""`o`: the whole story at a glance.

Three views of one StorySummary (computed in the core, `retold.model.summary`):
the coverage map (one row per statement, one column per outlet), the outlet × outlet
overlap matrix, and the outlets with their counts, dates and headlines. Enter on a
cell of the map dismisses the screen with (outlet id, sentence index) to jump to.

The map is one Line API widget: rows are drawn when they are on screen, never a widget
per cell, so 20 outlets × 400 sentences open and scroll as fast as the sample story.
Article text and outlet names are untrusted: plain segments after `printable()`.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.containers import Vertical
from textual.widgets import ContentSwitcher

from retold.model.safe import printable
from retold.model.story import GLYPHS, Alignment
from retold.model.summary import StorySummary, summarize
from retold.tui.widgets.key_bar import KeyBar
from retold.tui.widgets.sources_views import JumpTo, QuotesView, SourcesView

ABSENT = "·"
LABEL_WIDTH = 6  # "1234 │"


def outlet_label(number: int) -> str:
    """Outlets are numbered from 1 in the map's header and the outlets table."""
    return str(number + 1)


class CoverageMap(ScrollView, can_focus=True):
    """One row per statement in story order; one cell per outlet: its glyph, or · if absent."""

    COMPONENT_CLASSES = {
        "coverage-map--shared",
        "coverage-map--altered",
        "coverage-map--unique",
        "coverage-map--absent",
        "coverage-map--cursor",
        "coverage-map--cursor-row",
        "coverage-map--label",
    }
    DEFAULT_CSS = """
    CoverageMap {
        height: 1fr;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        background: $surface;
        & > .coverage-map--shared { color: $text; }
        & > .coverage-map--altered { color: $retold-altered; text-style: italic; }
        & > .coverage-map--unique { color: $retold-unique; text-style: bold; }
        & > .coverage-map--absent { color: $text-disabled; }
        & > .coverage-map--cursor { background: $primary; color: $text; text-style: bold; }
        & > .coverage-map--cursor-row { background: $primary 20%; }
        & > .coverage-map--label { color: $text-muted; }
        &:ansi {
            & > .coverage-map--altered { color: ansi_yellow; }
            & > .coverage-map--unique { color: ansi_cyan; }
            & > .coverage-map--cursor { text-style: reverse bold; }
        }
    }
    App:nocolor CoverageMap > .coverage-map--cursor { text-style: reverse bold; }
    """
    BINDINGS = [
        Binding("j,down", "move(1, 0)", "Down", id="map_down", tooltip="next statement", show=False),
        Binding("k,up", "move(-1, 0)", "Up", id="map_up", tooltip="previous statement", show=False),
        Binding("l,right", "move(0, 1)", "Right", id="map_right", tooltip="next outlet", show=False),
        Binding("h,left", "move(0, -1)", "Left", id="map_left", tooltip="previous outlet", show=False),
        Binding("pagedown", "page(1)", "Page down", id="map_page_down", tooltip="a screen further", show=False),
        Binding("pageup", "page(-1)", "Page up", id="map_page_up", tooltip="a screen back", show=False),
        Binding("g,home", "edge(0)", "First", id="map_first", tooltip="first statement", show=False),
        Binding("G,end", "edge(-1)", "Last", id="map_last", tooltip="last statement", show=False),
        Binding("n", "added(1)", "Next added", id="map_added_next", tooltip="next statement this outlet has and not every outlet does"),
        Binding("p", "added(-1)", "Previous added", id="map_added_previous", tooltip="previous statement this outlet has and not every outlet does", show=False),
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
        text.append("│ statement (as the cursor's outlet tells it, else the first that does)", "dim")
        return text

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
            else:
                status = outlets[number].sentences[index].status
                glyph, style = GLYPHS[status], self._style(f"coverage-map--{status}")
            if on_cursor_row and number == self.column:
                style = style + self._style("coverage-map--cursor")
            segments.append(Segment(pad + glyph + tail, style))
        segments.append(Segment("│ ", self._style("coverage-map--label")))
        segments.append(Segment(printable(self.statement_text(row))))
        strip = Strip(Segment.apply_style(segments, base))
        if row_style is not None:
            strip = Strip([Segment(t, (s or Style()) + Style(bgcolor=row_style.bgcolor), c) for t, s, c in strip])
        return strip.crop_extend(0, width, base)

    def statement_text(self, row: int) -> str:
        statement = self.summary.statements[row]
        order = [self.column] + [n for n in range(len(statement.sentences)) if n != self.column]
        for number in order:
            index = statement.sentences[number]
            if index is not None:
                return self.alignment.outlets[number].sentences[index].text
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


class RowsView(ScrollView, can_focus=True):
    """A small table drawn with the Line API: pre-built rows of plain cells, a row cursor,
    a sticky header and horizontal scrolling (DataTable re-renders every cell on each show)."""

    COMPONENT_CLASSES = {"rows-view--header", "rows-view--cursor"}
    DEFAULT_CSS = """
    RowsView {
        height: 1fr;
        background: $surface;
        scrollbar-size: 1 1;
        & > .rows-view--header { text-style: bold; background: $panel; }
        & > .rows-view--cursor { background: $primary 45%; }
        &:ansi > .rows-view--cursor { text-style: reverse; }
    }
    App:nocolor RowsView > .rows-view--cursor { text-style: reverse; }
    """
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


class TextLine(Widget):
    """One line of plain text; repaints without a layout pass."""

    DEFAULT_CSS = "TextLine { height: 1; padding: 0 1; }"

    def __init__(self, text: Text | None = None, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text or Text()

    def set(self, text: Text) -> None:
        self.text = text
        self.refresh()

    def render(self) -> Text:
        return self.text


VIEWS = {"coverage": "1 Coverage map", "overlap": "2 Overlap", "outlets": "3 Outlets", "sources": "4 Sources", "quotes": "5 Quotes"}
NAME_WIDTH = 22


class OverviewScreen(Screen[tuple[str, int] | None]):
    """Dismisses with (outlet id, sentence index) to jump to, or None."""

    BINDINGS = [
        Binding("escape,o,q", "close", "Back to the reader", id="overview_close", tooltip="back to the reader"),
        Binding("1", "show_view('coverage')", "Coverage", id="overview_coverage", tooltip="the coverage map: statements × outlets"),
        Binding("2", "show_view('overlap')", "Overlap", id="overview_overlap", tooltip="the overlap matrix: how much of each outlet another has"),
        Binding("3", "show_view('outlets')", "Outlets", id="overview_outlets", tooltip="the outlets: counts, dates, headlines"),
        Binding("4", "show_view('sources')", "Sources", id="overview_sources", tooltip="who took whose text, with the evidence"),
        Binding("5", "show_view('quotes')", "Quotes", id="overview_quotes", tooltip="each quote as every outlet prints it, and who changed it"),
        Binding("question_mark", "help", "Help", id="overview_help", tooltip="the overview's keys"),
    ]
    DEFAULT_CSS = """
    OverviewScreen { layout: vertical; }
    OverviewScreen #overview-title { background: $panel; text-style: bold; }
    OverviewScreen #overview-views { background: $panel; }
    OverviewScreen ContentSwitcher { height: 1fr; }
    OverviewScreen ContentSwitcher > Vertical { height: 1fr; }
    OverviewScreen #map-header { background: $panel; padding: 0; }
    OverviewScreen #map-detail { background: $primary 30%; }
    OverviewScreen .hint { color: $text-muted; }
    """

    def __init__(self, alignment: Alignment, start: tuple[int, int] = (0, 0)) -> None:
        """`start`: (outlet number, sentence index) of the reader's cursor: the map opens there."""
        super().__init__()
        self.alignment = alignment
        self.summary = summarize(alignment)
        self.start = start
        self.view = "coverage"

    @property
    def map(self) -> CoverageMap:
        return self.query_one(CoverageMap)

    def compose(self) -> ComposeResult:
        outlets = self.alignment.outlets
        statements = self.summary.statements
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(printable(self.alignment.story_title or "This story"))
        title.append(f" · {len(outlets)} outlets · {len(statements)} statements", "dim")
        yield TextLine(title, id="overview-title")
        yield TextLine(self._views_line(), id="overview-views")
        with ContentSwitcher(initial="coverage"):
            with Vertical(id="coverage"):
                yield TextLine(id="map-header")
                yield CoverageMap(self.alignment, self.summary, id="coverage-map")
                yield TextLine(id="map-detail")
                yield TextLine(self._legend(), classes="hint")
            with Vertical(id="overlap"):
                yield TextLine(
                    Text("Share of the row outlet's sentences with a counterpart in the column outlet, in %: "
                         "= both near-verbatim, ~ reworded on one side or both."),
                    classes="hint",
                )
                yield self._overlap_view()
            with Vertical(id="outlets"):
                yield self._outlets_view()
                yield TextLine(Text("enter opens the outlet in the reader"), classes="hint")
            yield SourcesView(self.alignment, id="sources")
            yield QuotesView(self.alignment, id="quotes")
        yield KeyBar(id="keys")

    def _views_line(self) -> Text:
        line = Text(no_wrap=True, overflow="ellipsis")
        for key, label in VIEWS.items():
            line.append(f" {label} ", "bold reverse" if key == self.view else "")
            line.append(" ")
        return line

    @staticmethod
    def _legend() -> Text:
        legend = Text(no_wrap=True, overflow="ellipsis")
        legend.append(f"{GLYPHS['shared']} shared  ")
        legend.append(f"{GLYPHS['altered']} altered", "italic")
        legend.append("  ")
        legend.append(f"{GLYPHS['unique']} unique", "bold")
        legend.append(f"  {ABSENT} absent   enter jump · n/p next statement not all carry · 1–5 views · o back")
        return legend

    def _overlap_view(self) -> RowsView:
        outlets = self.alignment.outlets
        header = Text(_cell("outlet", NAME_WIDTH + 3), no_wrap=True)
        for number in range(len(outlets)):
            header.append(_cell(outlet_label(number), 9, right=True))
        rows = []
        for a, overlaps in enumerate(self.summary.overlap):
            row = Text(_cell(f"{outlet_label(a):>2} {printable(outlets[a].name)}", NAME_WIDTH + 3), no_wrap=True)
            for b, overlap in enumerate(overlaps):
                if a == b:
                    row.append(_cell("—", 9, right=True), "dim")
                    continue
                total = overlap.total or 1
                row.append(f"{round(100 * overlap.shared / total):>5}=")
                row.append(f"{round(100 * overlap.altered / total):>3}~", "italic")
            rows.append(row)
        return RowsView(header, rows, fixed=NAME_WIDTH + 3, id="overlap-table")

    def _outlets_view(self) -> RowsView:
        columns = [("#", 3, True), ("outlet", NAME_WIDTH, False), ("date", 10, False), ("lang", 4, False),
                   ("sentences", 9, True), ("= %", 5, True), ("~ %", 5, True), ("+ %", 5, True)]
        header = Text(no_wrap=True)
        for label, width, right in columns:
            header.append(_cell(label, width, right) + "  ")
        header.append("headline")
        rows = []
        for number, (outlet, stats) in enumerate(zip(self.alignment.outlets, self.summary.stats)):
            meta = outlet.meta
            values = [outlet_label(number), printable(outlet.name), printable((meta.published or "—")[:10]),
                      printable(meta.language or "—"), str(stats.sentences), f"{stats.percent('shared'):.0f}",
                      f"{stats.percent('altered'):.0f}", f"{stats.percent('unique'):.0f}"]
            row = Text(no_wrap=True)
            for value, (_label, width, right) in zip(values, columns):
                row.append(_cell(value, width, right) + "  ")
            row.append(printable(outlet.title or "(no headline found)"), "italic")
            rows.append(row)
        return RowsView(header, rows, fixed=3 + 2 + NAME_WIDTH + 2, id="outlets-table")

    def on_screen_resume(self) -> None:
        """Each opening starts at the reader's sentence, in the coverage map."""
        if self.view != "coverage":
            self.action_show_view("coverage")
        outlet_number, sentence = self.start
        rows = self.summary.row_of[outlet_number] if outlet_number < len(self.summary.row_of) else ()
        coverage = self.map
        coverage.place(rows[sentence] if sentence < len(rows) else 0, outlet_number)
        coverage.focus()
        self._update_detail()
        # The map scrolls its row into view once it has a height.
        self.call_after_refresh(coverage.scroll_row_into_view)

    # ---------------------------------------------------------------- events

    @on(CoverageMap.Moved)
    def _update_detail(self) -> None:
        coverage = self.map
        self.query_one("#map-header", TextLine).set(coverage.header_text())
        outlets = self.alignment.outlets
        if not self.summary.statements:
            self.query_one("#map-detail", TextLine).set(Text("No sentences in any outlet."))
            return
        statement = self.summary.statements[coverage.row]
        outlet = outlets[coverage.column]
        index = statement.sentences[coverage.column]
        detail = Text(no_wrap=True, overflow="ellipsis")
        detail.append(f"{outlet_label(coverage.column)} ")
        detail.append(printable(outlet.name), "bold")
        if index is None:
            detail.append(" does not carry this statement")
        else:
            status = outlet.sentences[index].status
            detail.append(f" · sentence {index + 1}/{len(outlet.sentences)} · ")
            detail.append(str(status), {"altered": "italic", "unique": "bold"}.get(status, ""))
        detail.append(f" · statement {coverage.row + 1}/{len(self.summary.statements)}, "
                      f"in {statement.carried_by()} of {len(outlets)} outlets")
        self.query_one("#map-detail", TextLine).set(detail)

    @on(CoverageMap.Chosen)
    def _chosen(self, event: CoverageMap.Chosen) -> None:
        outlet = self.alignment.outlets[event.outlet_number]
        if event.sentence is None:
            self.notify(f"{printable(outlet.name)} does not carry this statement.", timeout=3, markup=False)
            return
        self.dismiss((outlet.id, event.sentence))

    @on(RowsView.Chosen)
    def _row_chosen(self, event: RowsView.Chosen) -> None:
        outlet = self.alignment.outlets[event.row]
        if outlet.sentences:
            self.dismiss((outlet.id, 0))

    @on(JumpTo)
    def _jump(self, event: JumpTo) -> None:
        self.dismiss((event.outlet_id, event.sentence))

    def action_show_view(self, view: str) -> None:
        self.view = view
        self.query_one(ContentSwitcher).current = view
        self.query_one("#overview-views", TextLine).set(self._views_line())
        target = {"coverage": "#coverage-map", "overlap": "#overlap-table", "outlets": "#outlets-table",
                  "sources": "#sources-list", "quotes": "#quotes-list"}[view]
        self.query_one(target).focus()

    def action_help(self) -> None:
        from retold.tui.keymap import screen_actions
        from retold.tui.screens.help import HelpScreen

        keys = [(",".join(a.keys), a.description, a.id or "") for a in screen_actions(self)]
        self.app.push_screen(HelpScreen(keys, str(getattr(self.app, "keymap_file", "") or "")))

    def action_close(self) -> None:
        self.dismiss(None)
