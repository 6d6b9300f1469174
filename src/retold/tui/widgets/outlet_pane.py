"""OutletPane: one outlet's article as a Line API ScrollView.

One widget per outlet, never a widget per sentence. The wrapped layout (rows,
first row of every sentence) is cached per width and display options, and
rebuilt on resize, on theme change and when `d`/`r` change what is shown.
Article text is untrusted: it goes into `rich.text.Text` as plain strings after
`printable()`, never through markup.
"""

from __future__ import annotations

from dataclasses import dataclass

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
from retold.model.story import Alignment, Outlet
from retold.model.worddiff import word_diff

GLYPH = {"shared": "=", "altered": "~", "unique": "+"}
NOTE_MARK = "✎"
GUTTER = 3  # status glyph, note mark, space


@dataclass
class Row:
    sentence: int | None  # None for paragraph gaps and removed furniture
    text: Text
    first: bool = False
    kind: str = "sentence"  # sentence | gap | removed


@dataclass
class TextLayout:
    width: int
    rows: list[Row]
    first_row: list[int]  # per sentence
    row_count: list[int]


class OutletPane(ScrollView, can_focus=True):
    """The sentences of one outlet, wrapped, with a status gutter and a sentence cursor."""

    COMPONENT_CLASSES = {
        "outlet-pane--shared",
        "outlet-pane--altered",
        "outlet-pane--unique",
        "outlet-pane--cursor",
        "outlet-pane--cursor-blurred",
        "outlet-pane--counterpart",
        "outlet-pane--diff",
        "outlet-pane--removed",
        "outlet-pane--note",
    }

    DEFAULT_CSS = """
    OutletPane {
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        background: $surface;
        height: 1fr;
        & > .outlet-pane--shared { }
        & > .outlet-pane--altered { color: $retold-altered; text-style: italic; }
        & > .outlet-pane--unique { color: $retold-unique; text-style: bold; }
        & > .outlet-pane--cursor { background: $primary 45%; }
        & > .outlet-pane--cursor-blurred { background: $primary 60%; }
        & > .outlet-pane--counterpart { background: $secondary 30%; }
        & > .outlet-pane--diff { text-style: bold underline; color: $text; background: $warning 35%; }
        & > .outlet-pane--removed { color: $text-disabled; text-style: strike; }
        & > .outlet-pane--note { color: $retold-note; text-style: bold; }
        &:ansi {
            & > .outlet-pane--altered { color: ansi_yellow; }
            & > .outlet-pane--unique { color: ansi_cyan; }
            & > .outlet-pane--cursor { background: ansi_bright_black; }
            & > .outlet-pane--counterpart { text-style: underline; }
            & > .outlet-pane--cursor-blurred { text-style: underline; }
        }
    }
    App:nocolor OutletPane {
        & > .outlet-pane--cursor { text-style: reverse; }
        & > .outlet-pane--counterpart { text-style: underline; }
        & > .outlet-pane--cursor-blurred { text-style: underline; }
    }
    """

    # ScrollView binds these keys to plain scrolling; in the reader they move the sentence cursor.
    BINDINGS = [
        Binding("down", "screen.cursor(1)", "Next", show=False),
        Binding("up", "screen.cursor(-1)", "Previous", show=False),
        Binding("home", "screen.cursor_edge(0)", "First", show=False),
        Binding("end", "screen.cursor_edge(-1)", "Last", show=False),
        Binding("pagedown", "screen.cursor_page(1)", "Page down", show=False),
        Binding("pageup", "screen.cursor_page(-1)", "Page up", show=False),
    ]

    cursor: reactive[int] = reactive(0, layout=False, init=False)
    counterpart: reactive[int | None] = reactive(None, init=False)

    class CursorMoved(Message):
        def __init__(self, pane: OutletPane) -> None:
            super().__init__()
            self.pane = pane

    class Scrolled(Message):
        def __init__(self, pane: OutletPane) -> None:
            super().__init__()
            self.pane = pane

    def __init__(self, alignment: Alignment, outlet: Outlet, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.alignment = alignment
        self.outlet = outlet
        self.show_diff = False
        self.show_removed = False
        self.diff_partner: str | None = None  # outlet id whose counterpart `d` compares against
        self.noted: set[int] = set()  # sentence indexes carrying a note
        self._layout: TextLayout | None = None
        self._strips: dict[int, Strip] = {}

    # ---------------------------------------------------------------- layout

    def invalidate(self) -> None:
        """Forget the wrapped layout (options, width or theme changed)."""
        self._layout = None
        self._strips.clear()
        if self.is_mounted:
            self._update_virtual_size()
            self.refresh()

    def on_resize(self) -> None:
        self.invalidate()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # cached strips hold resolved colours

    def _text_width(self) -> int:
        return max(10, self.scrollable_content_region.width - GUTTER)

    def text_layout(self) -> TextLayout:
        width = self._text_width()
        if self._layout is not None and self._layout.width == width:
            return self._layout
        self._strips.clear()
        console = self.app.console
        styles = {status: self.get_component_rich_style(f"outlet-pane--{status}") for status in GLYPH}
        diff_style = self.get_component_rich_style("outlet-pane--diff")
        removed_style = self.get_component_rich_style("outlet-pane--removed")
        rows: list[Row] = []
        first_row: list[int] = []
        row_count: list[int] = []
        removed = sorted(self.outlet.removed, key=lambda r: r.start) if self.show_removed else []
        next_removed = 0
        paragraph = None
        for sentence in self.outlet.sentences:
            while next_removed < len(removed) and removed[next_removed].start < sentence.start:
                item = removed[next_removed]
                line = Text(printable(f"{item.text}  ({item.reason})"), style=removed_style)
                for wrapped in line.wrap(console, width, overflow="fold"):
                    rows.append(Row(None, wrapped, kind="removed"))
                next_removed += 1
            if paragraph is not None and sentence.paragraph != paragraph:
                rows.append(Row(None, Text(""), kind="gap"))
            paragraph = sentence.paragraph
            text = Text(printable(sentence.text), style=styles[sentence.status])
            if self.show_diff and sentence.status == "altered":
                partner = self._partner_text(sentence.index)
                if partner is not None:
                    diff = word_diff(sentence.text, partner)
                    for start, end in diff.spans_a:
                        text.stylize(diff_style, start, end)
            first_row.append(len(rows))
            lines = text.wrap(console, width, overflow="fold")
            for n, wrapped in enumerate(lines):
                rows.append(Row(sentence.index, wrapped, first=n == 0))
            row_count.append(len(lines))
        for item in removed[next_removed:]:
            line = Text(printable(f"{item.text}  ({item.reason})"), style=removed_style)
            for wrapped in line.wrap(console, width, overflow="fold"):
                rows.append(Row(None, wrapped, kind="removed"))
        self._layout = TextLayout(width, rows, first_row, row_count)
        return self._layout

    def _partner_text(self, index: int) -> str | None:
        if self.diff_partner is None:
            return None
        other = self.alignment.counterpart(self.outlet.id, index, self.diff_partner)
        if other is None:
            return None
        return self.alignment.outlet(self.diff_partner).sentences[other].text

    def _update_virtual_size(self) -> None:
        layout = self.text_layout()
        # Room below the last row, so any sentence can be scrolled level with another pane's.
        height = len(layout.rows) + max(0, self.scrollable_content_region.height - 1)
        self.virtual_size = Size(self.scrollable_content_region.width, height)

    def on_mount(self) -> None:
        self._update_virtual_size()

    # ---------------------------------------------------------------- rendering

    def render_line(self, y: int) -> Strip:
        _scroll_x, scroll_y = self.scroll_offset
        row_no = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        layout = self.text_layout()
        if row_no >= len(layout.rows):
            return Strip.blank(width, base)
        strip = self._strips.get(row_no)
        if strip is None:
            strip = self._strips[row_no] = self._build_strip(layout.rows[row_no], width, base)
        row = layout.rows[row_no]
        if row.sentence is not None:
            if row.sentence == self.cursor and self.has_focus:
                strip = self._overlay(strip, "outlet-pane--cursor")
            elif row.sentence == self.cursor:
                # An unfocused pane keeps its place quietly: only the gutter is marked.
                strip = Strip.join([self._overlay(strip.crop(0, 1), "outlet-pane--cursor-blurred"), strip.crop(1)])
            elif row.sentence == self.counterpart:
                strip = self._overlay(strip, "outlet-pane--counterpart")
        return strip

    def _overlay(self, strip: Strip, component: str) -> Strip:
        """Lay a highlight over a rendered row: its background and text attributes win, colours stay."""
        style = self.get_component_rich_style(component)
        overlay = Style(
            bgcolor=style.bgcolor,
            underline=style.underline or None,
            reverse=style.reverse or None,
            bold=style.bold or None,
        )
        return Strip([Segment(text, (seg_style or Style()) + overlay, control) for text, seg_style, control in strip], strip.cell_length)

    def _build_strip(self, row: Row, width: int, base: Style) -> Strip:
        segments: list[Segment] = []
        if row.kind == "sentence" and row.first:
            sentence = self.outlet.sentences[row.sentence]
            status_style = self.get_component_rich_style(f"outlet-pane--{sentence.status}")
            segments.append(Segment(GLYPH[sentence.status], status_style))
            if row.sentence in self.noted:
                segments.append(Segment(NOTE_MARK, self.get_component_rich_style("outlet-pane--note")))
            else:
                segments.append(Segment(" "))
            segments.append(Segment(" "))
        elif row.kind == "removed":
            segments.append(Segment("┆  ", self.get_component_rich_style("outlet-pane--removed")))
        else:
            segments.append(Segment(" " * GUTTER))
        segments.extend(row.text.render(self.app.console))
        segments = [s for s in segments if s.text != "\n"]
        return Strip(Segment.apply_style(segments, base)).adjust_cell_length(width, base)

    # ---------------------------------------------------------------- cursor

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self.post_message(self.CursorMoved(self))

    def watch_counterpart(self) -> None:
        self.refresh()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self.post_message(self.Scrolled(self))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def move_cursor(self, index: int) -> None:
        if not self.outlet.sentences:
            return
        self.cursor = max(0, min(index, len(self.outlet.sentences) - 1))
        self.scroll_cursor_into_view()

    def cursor_rows(self) -> tuple[int, int]:
        layout = self.text_layout()
        if not layout.first_row:
            return 0, 1
        return layout.first_row[self.cursor], layout.row_count[self.cursor]

    def scroll_cursor_into_view(self) -> None:
        first, count = self.cursor_rows()
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        margin = min(2, max(0, (height - count) // 2))
        if first - margin < top:
            self.scroll_to(y=max(0, first - margin), animate=False, immediate=True)
        elif first + count + margin > top + height:
            self.scroll_to(y=max(0, min(first - margin, first + count + margin - height)), animate=False, immediate=True)

    def sentence_at_row(self, row: int) -> int | None:
        """The sentence shown at content row `row`, or the nearest one before it."""
        layout = self.text_layout()
        for r in range(min(row, len(layout.rows) - 1), -1, -1):
            sentence = layout.rows[r].sentence
            if sentence is not None:
                return sentence
        return 0 if self.outlet.sentences else None

    def set_noted(self, indexes: set[int]) -> None:
        if indexes != self.noted:
            self.noted = set(indexes)
            self._strips.clear()
            self.refresh()
