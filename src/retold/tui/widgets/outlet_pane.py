"""OutletPane: one outlet's article as a Line API ScrollView.

One widget per outlet, never a widget per sentence. The wrapped layout (rows,
first row of every sentence) is cached per width and display options, and
rebuilt on resize, on theme change and when `d`/`r` change what is shown.
Article text is untrusted: it is drawn as plain segments after `printable()`,
never through markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rich.segment import Segment
from rich.style import Style
from rich.cells import cell_len as _cell_len
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from retold.model.safe import printable
from retold.model.story import Alignment, Outlet
from retold.model.compare import compare

GLYPH = {"shared": "=", "altered": "~", "unique": "+"}
NOTE_MARK = "✎"
REWRITTEN_TAG = "  ⟲ rewritten"  # after a sentence below ~40 % word similarity to its counterpart
GUTTER = 3  # status glyph, note mark, space


@dataclass
class Row:
    sentence: int | None  # None for paragraph gaps and removed furniture
    source: str  # the (printable) text this row shows a slice of
    start: int
    end: int
    first: bool = False
    kind: str = "sentence"  # sentence | gap | removed | folded (sentences hidden by the filter, f)

    @property
    def plain(self) -> str:
        return self.source[self.start:self.end]


_CHUNK = re.compile(r"\S+\s*|\s+")


def wrap_ranges(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap into (start, end) ranges of `text`; words wider than a line are folded.

    Far cheaper than rich's Text.wrap, which matters with hundreds of sentences per pane.
    """
    lines: list[tuple[int, int]] = []
    line_start, column = 0, 0
    cell_len = len if text.isascii() else _cell_len  # ASCII: one cell per character
    for match in _CHUNK.finditer(text):
        chunk = match.group()
        word_width = cell_len(chunk.rstrip())
        if column and column + word_width > width:
            lines.append((line_start, match.start()))
            line_start, column = match.start(), 0
        if word_width > width:  # fold a long word (URLs, runs without spaces) by characters
            position = match.start()
            for char in chunk:
                char_width = cell_len(char)
                if column + char_width > width and column:
                    lines.append((line_start, position))
                    line_start, column = position, 0
                column += char_width
                position += 1
            continue
        column += cell_len(chunk)
    lines.append((line_start, len(text)))
    return lines


@dataclass
class TextLayout:
    width: int
    rows: list[Row]
    first_row: list[int]  # per sentence
    row_count: list[int]
    diff_spans: dict[int, list[tuple[int, int]]]  # sentence -> changed character spans (`d`)
    rewritten: set[int] = field(default_factory=set)  # altered sentences too different for word marks
    compared_with: dict[int, str] = field(default_factory=dict)  # sentence -> outlet id `d` compared it with


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
        "outlet-pane--match",
        "outlet-pane--match-current",
        "outlet-pane--rewritten",
        "outlet-pane--folded",
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
        & > .outlet-pane--folded { color: $text-muted; text-style: italic; }
        & > .outlet-pane--rewritten { color: $text-muted; text-style: bold italic; }
        & > .outlet-pane--match { background: $accent 40%; text-style: underline; }
        & > .outlet-pane--match-current { background: $accent; color: $text; text-style: bold underline; }
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
        self.filter: str | None = None  # f: "changes" hides shared sentences, "unique" also altered ones
        self.reference: str | None = None  # outlet id `d` compares with first (R); None: the closest counterpart
        self.noted: set[int] = set()  # sentence indexes carrying a note
        self.matches: dict[int, list[tuple[int, int]]] = {}  # search matches: sentence -> spans
        self.current_match: tuple[int, int, int] | None = None
        self._layout: TextLayout | None = None
        self._strips: dict[int, Strip] = {}
        self._styles: dict[str, Style] = {}

    # ---------------------------------------------------------------- layout

    def invalidate(self) -> None:
        """Forget the wrapped layout (options, width or theme changed)."""
        self._layout = None
        self._strips.clear()
        # Hidden panes (outlets that do not fit) lay out when they are shown and resized.
        if self.is_mounted and self.parent is not None and self.parent.display:
            self._update_virtual_size()
            self.refresh()

    def on_resize(self) -> None:
        if self._layout is not None and self._layout.width == self._text_width():
            self._strips.clear()  # same wrapping; only the height (or the padding width) changed
            self._update_virtual_size()
            self.refresh()
        else:
            self.invalidate()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Cached strips and styles hold resolved colours: a theme change must rebuild them.
        self._strips.clear()
        self._styles.clear()
        self._layout = None

    def _style(self, component: str) -> Style:
        style = self._styles.get(component)
        if style is None:
            style = self._styles[component] = (
                self.rich_style if component == "base" else self.get_component_rich_style(component)
            )
        return style

    def _overlay_style(self, component: str) -> Style:
        key = "overlay:" + component
        style = self._styles.get(key)
        if style is None:
            full = self._style(component)
            style = self._styles[key] = Style(
                bgcolor=full.bgcolor,
                underline=full.underline or None,
                reverse=full.reverse or None,
                bold=full.bold or None,
            )
        return style

    def _text_width(self) -> int:
        return max(10, self.scrollable_content_region.width - GUTTER)

    def text_layout(self) -> TextLayout:
        width = self._text_width()
        if self._layout is not None and self._layout.width == width:
            return self._layout
        self._strips.clear()
        rows: list[Row] = []
        first_row: list[int] = []
        row_count: list[int] = []
        diff_spans: dict[int, list[tuple[int, int]]] = {}
        rewritten: set[int] = set()
        compared_with: dict[int, str] = {}
        removed = sorted(self.outlet.removed, key=lambda r: r.start) if self.show_removed else []
        next_removed = 0

        def add_removed(item) -> None:
            line = printable(f"{item.text}  ({item.reason})")
            rows.extend(Row(None, line, a, b, kind="removed") for a, b in wrap_ranges(line, width))

        paragraph = None
        fold: list = []  # [marker row, hidden count] of the run of hidden sentences being built

        def close_fold() -> None:
            if fold:
                marker, count = fold
                noun = "sentence" if count == 1 else "sentences"
                what = "shared" if self.filter == "changes" else "shared or altered"
                marker.source = printable(f"┄ {count} {what} {noun} hidden (f shows them)")
                marker.end = len(marker.source)
                fold.clear()

        for sentence in self.outlet.sentences:
            while next_removed < len(removed) and removed[next_removed].start < sentence.start:
                close_fold()
                add_removed(removed[next_removed])
                next_removed += 1
            if self.hides(sentence.index):
                # Folded into one marker row: every hidden sentence of the run "stands" on it,
                # so the panes still level with each other through it.
                if not fold:
                    if paragraph is not None and sentence.paragraph != paragraph:
                        rows.append(Row(None, "", 0, 0, kind="gap"))
                    fold.extend([Row(None, "", 0, 0, kind="folded"), 0])
                    rows.append(fold[0])
                fold[1] += 1
                paragraph = sentence.paragraph
                first_row.append(len(rows) - 1)
                row_count.append(1)
                continue
            close_fold()
            if paragraph is not None and sentence.paragraph != paragraph:
                rows.append(Row(None, "", 0, 0, kind="gap"))
            paragraph = sentence.paragraph
            text = printable(sentence.text)  # same length as the original: diff spans still fit
            if self.show_diff and sentence.status == "altered":
                comparison = compare(self.alignment, self.outlet.id, sentence.index, self.reference)
                if comparison is not None:
                    compared_with[sentence.index] = comparison.partner
                    if comparison.diff.rewritten:  # too different for word marks: say so instead
                        rewritten.add(sentence.index)
                        text += REWRITTEN_TAG
                    else:
                        diff_spans[sentence.index] = comparison.diff.spans_a
            first_row.append(len(rows))
            lines = wrap_ranges(text, width)
            rows.extend(Row(sentence.index, text, a, b, first=n == 0) for n, (a, b) in enumerate(lines))
            row_count.append(len(lines))
        close_fold()
        for item in removed[next_removed:]:
            add_removed(item)
        self._layout = TextLayout(width, rows, first_row, row_count, diff_spans, rewritten, compared_with)
        return self._layout

    def _update_virtual_size(self) -> None:
        if self.scrollable_content_region.width <= GUTTER:
            return  # not laid out yet: wrapping at a made-up width would be wasted work
        layout = self.text_layout()
        # Room below the last row, so any sentence can be scrolled level with another pane's.
        height = len(layout.rows) + max(0, self.scrollable_content_region.height - 1)
        self.virtual_size = Size(self.scrollable_content_region.width, height)

    def on_mount(self) -> None:
        if self.parent is not None and self.parent.display:
            self._update_virtual_size()

    # ---------------------------------------------------------------- rendering

    def render_line(self, y: int) -> Strip:
        _scroll_x, scroll_y = self.scroll_offset
        row_no = scroll_y + y
        width = self.scrollable_content_region.width
        base = self._style("base")
        layout = self.text_layout()
        if row_no >= len(layout.rows):
            return Strip.blank(width, base)
        strip = self._strips.get(row_no)
        if strip is None:
            strip = self._strips[row_no] = self._build_strip(layout.rows[row_no], width, base)
        row = layout.rows[row_no]
        if row.kind == "folded" and self.outlet.sentences and layout.first_row[self.cursor] == row_no:
            return self._overlay(strip, "outlet-pane--cursor" if self.has_focus else "outlet-pane--cursor-blurred")
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
        overlay = self._overlay_style(component)
        return Strip([Segment(text, (seg_style or Style()) + overlay, control) for text, seg_style, control in strip], strip.cell_length)

    def _build_strip(self, row: Row, width: int, base: Style) -> Strip:
        segments: list[Segment] = []
        if row.kind == "sentence" and row.first:
            sentence = self.outlet.sentences[row.sentence]
            status_style = self._style(f"outlet-pane--{sentence.status}")
            segments.append(Segment(GLYPH[sentence.status], status_style))
            if row.sentence in self.noted:
                segments.append(Segment(NOTE_MARK, self._style("outlet-pane--note")))
            else:
                segments.append(Segment(" "))
            segments.append(Segment(" "))
        elif row.kind == "removed":
            segments.append(Segment("┆  ", self._style("outlet-pane--removed")))
        elif row.kind == "folded":
            segments.append(Segment(" " * GUTTER))
            segments.append(Segment(row.plain, self._style("outlet-pane--folded")))
        else:
            segments.append(Segment(" " * GUTTER))
        if row.kind == "removed":
            segments.append(Segment(row.plain, self._style("outlet-pane--removed")))
        elif row.kind == "sentence":
            style = self._style(f"outlet-pane--{self.outlet.sentences[row.sentence].status}")
            segments.extend(self._marked_segments(row, style))
        return Strip(Segment.apply_style(segments, base)).adjust_cell_length(width, base)

    def _marked_segments(self, row: Row, style: Style) -> list[Segment]:
        """A sentence row's text, with changed words (`d`) and search matches (`/`) marked;
        a match is drawn over a changed word."""
        marks: list[tuple[int, int, Style]] = []
        for start, end in (self._layout.diff_spans.get(row.sentence, []) if self._layout else []):
            marks.append((start, end, self._style("outlet-pane--diff")))
        if self._layout is not None and row.sentence in self._layout.rewritten:
            tag_start = len(row.source) - len(REWRITTEN_TAG)
            marks.append((tag_start, len(row.source), self._style("outlet-pane--rewritten")))
        for start, end in self.matches.get(row.sentence, ()):
            current = self.current_match == (row.sentence, start, end)
            marks.append((start, end, self._style("outlet-pane--match-current" if current else "outlet-pane--match")))
        if not marks:
            return [Segment(row.source[row.start:row.end], style)]
        points = {row.start, row.end}
        for start, end, _ in marks:
            points.update(p for p in (start, end) if row.start < p < row.end)
        ordered = sorted(points)
        segments = []
        for a, b in zip(ordered, ordered[1:]):
            piece = style
            for start, end, mark in marks:
                if start <= a and b <= end:
                    piece = piece + mark
            segments.append(Segment(row.source[a:b], piece))
        return segments

    def hides(self, index: int) -> bool:
        """Whether the filter (f) folds sentence `index` away."""
        if self.filter is None:
            return False
        status = self.outlet.sentences[index].status
        return status == "shared" or (self.filter == "unique" and status == "altered")

    def next_shown(self, index: int, step: int) -> int:
        """The next sentence from `index` in direction `step` that the filter shows (j / k);
        `index` itself if there is none."""
        target = index + step
        while 0 <= target < len(self.outlet.sentences):
            if not self.hides(target):
                return target
            target += step
        return index

    def set_matches(self, matches: dict[int, list[tuple[int, int]]], current: tuple[int, int, int] | None) -> None:
        """Search matches to mark: sentence -> spans; `current` (sentence, start, end) stands out."""
        if matches != self.matches or current != self.current_match:
            self.matches, self.current_match = matches, current
            self._strips.clear()
            self.refresh()

    # ---------------------------------------------------------------- cursor

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()

    def watch_counterpart(self) -> None:
        self.refresh()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self.post_message(self.Scrolled(self))

    def on_click(self, event) -> None:
        """A click puts the cursor on the sentence under the mouse."""
        layout = self.text_layout()
        row = int(self.scroll_y) + event.y
        if 0 <= row < len(layout.rows) and layout.rows[row].sentence is not None:
            self.focus()
            self.screen.move(self, layout.rows[row].sentence)

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
