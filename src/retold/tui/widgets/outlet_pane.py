"""OutletPane: one outlet's article as a Line API ScrollView.

One widget per outlet, never a widget per sentence. The wrapped layout (rows,
first row of every sentence) is cached per width and display options, and
rebuilt on resize, on theme change and when `d`/`r` change what is shown.
Article text is untrusted: it is drawn as plain segments after `printable()`,
never through markup.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from rich.segment import Segment
from rich.style import Style
from rich.cells import cell_len as _cell_len
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from retold.model.sources import quote_marks_for
from retold.model.safe import printable
from retold.model.story import GLYPHS, POSSIBLE_GLYPH, Alignment, Outlet, Status
from retold.model.compare import compare
from retold.tui.messages import Navigate, PaneClicked, PaneScrolled
from retold.tui.state import PaneLayout, reason_label
from retold.tui.widgets.line_scrollbar import LineScrollBar, line_scrollbar_for
from retold.tui.text_fit import first_fitting

NOTE_MARK = "✎"
QUOTE_MARK = "“"  # gutter: this sentence's quote is worded differently in another outlet
REMOVED_MARK = "┆"  # gutter of a removed furniture row (shown with `r`)
GUTTER = 3  # status glyph, note mark (or doubt or quote mark), space
REWRITTEN_TAG = "  ⟲rewritten"  # one word, so it never wraps apart; after a sentence below ~40 % word similarity to its counterpart (d)
TRANSLATED_TAG = "  ⟲translated"  # instead, when `d` compares with a counterpart in another language: no word marks, no "rewritten"


class RowKind:
    SENTENCE = "sentence"
    GAP = "gap"  # between paragraphs
    REMOVED = "removed"  # site furniture, shown with `r`
    FOLDED = "folded"  # a run of sentences the filter (f) hides, as one counted line


@dataclass
class Row:
    sentence: int | None  # None for paragraph gaps and removed furniture
    source: str  # the (printable) text this row shows a slice of
    start: int
    end: int
    first: bool = False
    kind: str = RowKind.SENTENCE

    @property
    def plain(self) -> str:
        return self.source[self.start:self.end]



_CHUNK = re.compile(r"\S+\s*|\s+")


@functools.lru_cache(maxsize=32)
def _ascii_line(width: int) -> re.Pattern[str]:
    """One line of ASCII text at a line's start: as many characters as fit in `width` that end
    at the end of a word (the furthest such end), and the spaces after it (the next line starts
    at the next word)."""
    return re.compile(r"[\s\S]{1,%d}(?<=\S)(?!\S)\s*" % width)


def wrap_ranges(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap into (start, end) ranges of `text`; words wider than a line are folded.

    Far cheaper than rich's Text.wrap, which matters with hundreds of sentences per pane. ASCII
    text whose every word fits a line is wrapped a line at a time (`_ascii_line`, the same
    ranges as `_wrap_by_words`, about half the time); anything else word by word.
    """
    if not text.isascii():
        return _wrap_by_words(text, width)
    size = len(text)
    if len(text.rstrip()) <= width:  # the whole text on one line (leading spaces count)
        return [(0, size)]
    line = _ascii_line(width).match
    lines: list[tuple[int, int]] = []
    start = 0
    while True:
        found = line(text, start)
        if found is None:  # a word wider than a line (or leading spaces that push one past it)
            return _wrap_by_words(text, width)
        end = found.end()
        if end >= size:
            lines.append((start, size))
            return lines
        lines.append((start, end))
        start = end


def _wrap_by_words(text: str, width: int) -> list[tuple[int, int]]:
    """`wrap_ranges`, a word (a run of non-spaces and the spaces after it) at a time: a line
    breaks before the first word whose end does not fit; a word wider than a line is folded
    by characters."""
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
    rewritten: dict[int, str] = field(default_factory=dict)  # altered sentence -> its tag (too different for word marks, or translated)
    compared_with: dict[int, str] = field(default_factory=dict)  # sentence -> outlet id `d` compared it with
    _shape: dict[int, PaneLayout] | None = None  # pane height -> the navigation model's view of it

    def pane_layout(self, height: int) -> PaneLayout:
        """What the navigation model needs to know of this layout, for a pane `height` rows high."""
        if self._shape is None:
            self._shape = {}
        shape = self._shape.get(height)
        if shape is None:
            shape = self._shape[height] = PaneLayout(tuple(self.first_row), tuple(self.row_count), len(self.rows), height)
        return shape


class OutletPane(ScrollView, can_focus=True):
    """The sentences of one outlet, wrapped, with a status gutter and a sentence cursor.

    The pane draws; it does not navigate. Its keys, clicks and the scrolls it did not cause
    are posted as messages (retold.tui.messages); the reader screen answers by setting
    `cursor`, `counterpart` and `leading` and calling `place(top)`.
    """

    # The palette's "Maximize" would hide the status line and the key bar with the other panes.
    ALLOW_MAXIMIZE = False

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
        "outlet-pane--quote",
        "outlet-pane--match",
        "outlet-pane--match-current",
        "outlet-pane--rewritten",
        "outlet-pane--folded",
        "outlet-pane--possible",
    }

    # What belongs to a pane: moving its cursor. (ScrollView binds the arrows to plain scrolling.)
    BINDINGS = [
        Binding("j,down", "navigate('move_cursor', 1)", "Next", id="cursor_down", tooltip="next sentence", show=False),
        Binding("k,up", "navigate('move_cursor', -1)", "Previous", id="cursor_up", tooltip="previous sentence", show=False),
        Binding("g,home", "navigate('cursor_edge', False)", "First", id="cursor_first", tooltip="first sentence", show=False),
        Binding("G,end", "navigate('cursor_edge', True)", "Last", id="cursor_last", tooltip="last sentence", show=False),
        Binding("pagedown", "navigate('page', 1)", "Page down", id="page_down", tooltip="a screen further", show=False),
        Binding("pageup", "navigate('page', -1)", "Page up", id="page_up", tooltip="a screen back", show=False),
        Binding("n", "navigate('change', 1)", "Next change", id="change_next", tooltip="next altered or unique sentence in this outlet"),
        Binding("p", "navigate('change', -1)", "Previous change", id="change_previous", tooltip="previous altered or unique sentence in this outlet", show=False),
    ]

    cursor: reactive[int] = reactive(0, layout=False, repaint=False, init=False)
    counterpart: reactive[tuple[int, ...]] = reactive((), layout=False, repaint=False, init=False)
    leading: reactive[bool] = reactive(False, layout=False, repaint=False, init=False)

    def __init__(self, alignment: Alignment, outlet: Outlet, number: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.alignment = alignment
        self.outlet = outlet
        self.number = number
        self.show_diff = False
        self.show_removed = False
        self.reference: str | None = None  # outlet id `d` compares with first (R); None: the closest counterpart
        self.filter: str | None = None  # f: "changes" hides shared sentences, "unique" also altered ones
        self.matches: dict[int, list[tuple[int, int]]] = {}  # search matches (/): sentence -> spans
        self.current_match: tuple[int, int, int] | None = None
        self.noted: set[int] = set()  # sentence indexes carrying a note
        # Sentences whose quote another outlet prints differently (the model's quote groups).
        self.quote_marks: set[int] = {i for (o, i) in quote_marks_for(alignment) if o == outlet.id}
        self.searching = False  # a search is on: n / p are the screen's match keys, not changes
        self._layout: TextLayout | None = None  # at the current width
        self._layouts: dict[int, TextLayout] = {}  # by text width, for the current options
        self._strips: dict[int, Strip] = {}
        self._styles: dict[str, Style] = {}
        self._placing = False

    @property
    def vertical_scrollbar(self) -> LineScrollBar:
        """Textual's scrollbar, drawn without the rich render path (see line_scrollbar.py)."""
        return line_scrollbar_for(self)

    # ---------------------------------------------------------------- keys, mouse, scrolling

    def watch_has_focus(self, has_focus: bool) -> None:
        # Textual restyles a widget and its component classes (13 here) whenever it gains or
        # loses the focus, for `:focus` rules; a pane has none (retold.tcss: which pane leads
        # is drawn by its cursor), so `tab` skips that restyle of two panes (~10 ms).
        pass

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "navigate" and parameters and parameters[0] == "change" and self.searching:
            return False  # the key goes on to the screen's match binding (and the key bar says so)
        return True

    def action_navigate(self, action: str, argument: int | bool) -> None:
        self.post_message(Navigate(self.number, action, argument))

    def on_click(self, event) -> None:
        """A click anywhere in the text (blank rows too) asks for the sentence there."""
        self.post_message(PaneClicked(self.number, event.y))

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if not self._placing and round(old) != round(new):
            self.post_message(PaneScrolled(self.number, round(new)))

    def place(self, top: int) -> None:
        """Scroll to `top` at once, as the navigation state says (no PaneScrolled)."""
        # A pane just shown was sized by the screen, not laid out yet: its scroll range now, so
        # that the layout pass that shows it shows its scrollbar too (else the first frame went
        # out without scrollbars, and a second layout pass of every column followed it).
        self._update_virtual_size()
        if round(self.scroll_y) == top and round(self.scroll_target_y) == top:
            return
        self._placing = True
        try:
            self.scroll_to(y=top, animate=False, immediate=True, force=True)  # force: scrollbars may not be set up yet
        finally:
            self._placing = False

    # ---------------------------------------------------------------- reactive state

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.outlet.sentences) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_sentences((old, new))

    def watch_counterpart(self, old: tuple[int, ...], new: tuple[int, ...]) -> None:
        self._refresh_sentences(old + new)

    def watch_leading(self) -> None:
        self._refresh_sentences((self.cursor,))

    def _refresh_sentences(self, sentences) -> None:
        """Repaint only the rows of these sentences (the cursor and highlights are overlays)."""
        layout = self._layout
        if layout is None or not self.is_mounted:
            return
        for sentence in set(sentences):
            if 0 <= sentence < len(layout.first_row):
                self._refresh_rows(layout.first_row[sentence], layout.row_count[sentence])

    def _refresh_rows(self, first: int, count: int) -> None:
        """ScrollView.refresh_lines without asking for the pane's size: that asks the screen
        for its map of widget regions, rebuilt for all 20 columns (~3 ms) after the window moved."""
        width = max(self.virtual_size.width, self._frame_width)
        self.refresh(Region(0, first - self.scroll_offset.y, width, count))

    # ---------------------------------------------------------------- layout

    def invalidate(self) -> None:
        """Forget the wrapped layouts (what is shown changed: `d`, `r`, notes)."""
        self._layout = None
        self._layouts.clear()
        self._strips.clear()
        # Panes outside the window (outlets that do not fit) lay out when they are placed.
        if self.is_mounted and self.in_window:
            self._update_virtual_size()
            self.refresh()

    def on_resize(self) -> None:
        if self._painted_at == (self.size, self._text_width()) and self._layout is not None:
            # Textual's layout pass that gave the pane this size painted it at this size, with
            # its layout at this width, before this event came: nothing is stale (the reader's
            # first frame was followed by a repaint of every pane for nothing).
            self._update_virtual_size()
            return
        self._resized()

    def _resized(self) -> None:
        """New size: the layout at the new width (cached per width), rows re-rendered."""
        if self._layout is not None and self._layout.width != self._text_width():
            self._layout = None
            self._strips.clear()
        if self.is_mounted and self.in_window:
            self._update_virtual_size()
            self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Cached strips hold resolved colours: a theme change must rebuild them. Textual also
        # re-applies the stylesheet on every focus change (and finds its rules "changed"
        # however alike), so the styles are compared on the next frame and the strips are
        # dropped only when a colour or attribute really changed.
        self._styles_stale = True

    _styles_stale = False

    def _check_styles(self) -> None:
        """After a style update: keep the cached strips if every style they used is unchanged."""
        self._styles_stale = False
        old, self._styles = self._styles, {}
        if any(self._style(component) != style for component, style in old.items() if not component.startswith("overlay:")):
            self._strips.clear()

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

    def set_size(self, text_width: int, height: int) -> None:
        """The text width and height every visible pane shares, decided by the screen from its
        own size, so a pane about to be shown is laid out exactly before any layout pass."""
        if (text_width, height) != (self.text_width, self.height_rows):
            self.text_width, self.height_rows = text_width, height
            self._resized()

    text_width: int | None = None
    height_rows: int | None = None

    def _text_width(self) -> int:
        if self.text_width is not None:
            return self.text_width
        return max(10, self.scrollable_content_region.width - GUTTER)

    @property
    def laid_out(self) -> bool:
        """Whether the pane knows its size (set by the screen, or measured)."""
        return self.text_width is not None or self.scrollable_content_region.width > GUTTER

    def pane_layout(self) -> PaneLayout:
        """The navigation model's view of this pane at its size."""
        height = self.height_rows if self.height_rows is not None else self.scrollable_content_region.height
        return self.text_layout().pane_layout(max(1, height))

    def text_layout(self, width: int | None = None) -> TextLayout:
        """The wrapped rows at text width `width` (default: the pane's own), cached."""
        width = self._text_width() if width is None else width
        if self._layout is not None and self._layout.width == width:
            return self._layout
        if width in self._layouts:  # panes of a window differ by a column: keep a few widths
            self._layout = self._layouts[width]
            self._strips.clear()
            return self._layout
        self._strips.clear()
        rows: list[Row] = []
        first_row: list[int] = []
        row_count: list[int] = []
        diff_spans: dict[int, list[tuple[int, int]]] = {}
        rewritten: dict[int, str] = {}
        compared_with: dict[int, str] = {}
        removed = sorted(self.outlet.removed, key=lambda r: r.start) if self.show_removed else []
        next_removed = 0

        def add_removed(item) -> None:
            line = printable(f"{item.text}  ({reason_label(item.reason)})")
            rows.extend(Row(None, line, a, b, kind=RowKind.REMOVED) for a, b in wrap_ranges(line, width))

        paragraph = None
        fold: list = []  # [marker row, hidden count] of the run of hidden sentences being built

        def close_fold() -> None:
            if fold:
                marker, count = fold
                noun = "sentence" if count == 1 else "sentences"
                what = "shared" if self.filter == "changes" else "shared or altered"
                marker.source = first_fitting(
                    [f"┄ {count} {what} {noun} hidden (f shows them)", f"┄ {count} {what} hidden (f shows)", f"┄ {count} hidden (f)"],
                    width,
                )
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
                        rows.append(Row(None, "", 0, 0, kind=RowKind.GAP))
                    fold.extend([Row(None, "", 0, 0, kind=RowKind.FOLDED), 0])
                    rows.append(fold[0])
                fold[1] += 1
                paragraph = sentence.paragraph
                first_row.append(len(rows) - 1)
                row_count.append(1)
                continue
            close_fold()
            if paragraph is not None and sentence.paragraph != paragraph:
                rows.append(Row(None, "", 0, 0, kind=RowKind.GAP))
            paragraph = sentence.paragraph
            text = printable(sentence.text)  # same length as the original: diff spans still fit
            if self.show_diff and sentence.status == Status.ALTERED:
                comparison = compare(self.alignment, self.outlet.id, sentence.index, self.reference)
                if comparison is not None:
                    compared_with[sentence.index] = comparison.partner
                    if comparison.translated or comparison.diff.rewritten:  # no word marks: say why instead
                        tag = TRANSLATED_TAG if comparison.translated else REWRITTEN_TAG
                        rewritten[sentence.index] = tag
                        text += tag
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
        if len(self._layouts) >= 4:
            self._layouts.pop(next(iter(self._layouts)))
        self._layouts[width] = self._layout
        return self._layout

    def size_scroll_range(self) -> None:
        """Set the scrollable size now, even outside the window (see ReaderScreen.warm_layouts)."""
        self._update_virtual_size()

    def _update_virtual_size(self) -> None:
        if not self.laid_out:
            return  # not laid out yet: wrapping at a made-up width would be wasted work
        layout = self.text_layout()
        height = self.height_rows if self.height_rows is not None else self.scrollable_content_region.height
        # Room below the last row, so any sentence can be scrolled level with another pane's.
        size = Size(layout.width + GUTTER, len(layout.rows) + max(0, height - 1))
        if size != self.virtual_size:
            self.virtual_size = size
        if not self.size and self.height_rows is not None:
            # Not laid out yet: its scrollbar shown (or not) now, as Textual would decide once the
            # pane has its height (Widget._refresh_scrollbars: overflow-y auto), so that its first
            # layout pass places the bar; else that pass showed it, and asked for another pass.
            show = size.height > self.height_rows
            if show != self.show_vertical_scrollbar:
                self.show_vertical_scrollbar = show
                self.vertical_scrollbar.display = show

    in_window = False  # set by the screen: whether the pane is in the window of outlets on screen


    # ---------------------------------------------------------------- rendering

    def render_lines(self, crop):
        # Measured once a frame: scrollable_content_region resolves several styles per call.
        width = self.scrollable_content_region.width
        if width != self._frame_width:
            self._strips.clear()  # each cached row is padded to the width it was drawn at
        self._frame_width = width
        self._frame_layout = self.text_layout()
        self._painted_at = (self.size, self._frame_layout.width)
        return super().render_lines(crop)

    _frame_width = 0
    _frame_layout: TextLayout | None = None
    _painted_at: tuple | None = None  # (pane size, text width) of the latest render

    def render_line(self, y: int) -> Strip:
        if self._styles_stale:
            self._check_styles()
        _scroll_x, scroll_y = self.scroll_offset
        row_no = scroll_y + y
        width = self._frame_width
        base = self._style("base")
        layout = self._frame_layout or self.text_layout()
        if row_no >= len(layout.rows):
            return Strip.blank(width, base)
        strip = self._strips.get(row_no)
        if strip is None:
            strip = self._strips[row_no] = self._build_strip(layout.rows[row_no], width, base)
        sentence = layout.rows[row_no].sentence
        if sentence is None:
            if layout.rows[row_no].kind == RowKind.FOLDED and layout.first_row and layout.first_row[self.cursor] == row_no:
                return self._overlay(strip, "outlet-pane--cursor" if self.leading else "outlet-pane--cursor-blurred")
            return strip
        if sentence == self.cursor and self.leading:
            return self._overlay(strip, "outlet-pane--cursor")
        if sentence in self.counterpart:  # every part of a split, even where this pane's own cursor stands
            strip = self._overlay(strip, "outlet-pane--counterpart")
        if sentence == self.cursor:
            # A pane that does not lead keeps its place quietly: only the gutter is marked.
            strip = Strip.join([self._overlay(strip.crop(0, 1), "outlet-pane--cursor-blurred"), strip.crop(1)])
        return strip

    def _overlay(self, strip: Strip, component: str) -> Strip:
        """Lay a highlight over a rendered row: its background and text attributes win, colours stay."""
        overlay = self._overlay_style(component)
        return Strip([Segment(text, (seg_style or Style()) + overlay, control) for text, seg_style, control in strip], strip.cell_length)

    def _build_strip(self, row: Row, width: int, base: Style) -> Strip:
        segments: list[Segment] = []
        removed_style = self._style("outlet-pane--removed")
        if row.kind == RowKind.SENTENCE and row.first:
            sentence = self.outlet.sentences[row.sentence]
            if sentence.index in self.alignment.possible(self.outlet.id):
                # Its counterpart rests on thin evidence: "?" in a fainter style, not a sure "~"/"=".
                segments.append(Segment(POSSIBLE_GLYPH, self._style("outlet-pane--possible")))
            else:
                segments.append(Segment(GLYPHS[sentence.status], self._style(f"outlet-pane--{sentence.status}")))
            if row.sentence in self.noted:
                segments.append(Segment(NOTE_MARK, self._style("outlet-pane--note")))
            elif sentence.index in self.alignment.doubted(self.outlet.id):
                # Sure here, but a counterpart elsewhere is only a "?" with evidence against it
                # ("numbers differ"): "=?" says so from this side too (the status line names it).
                segments.append(Segment(POSSIBLE_GLYPH, self._style("outlet-pane--possible")))
            elif row.sentence in self.quote_marks:  # a note wins the column; the status line says both
                segments.append(Segment(QUOTE_MARK, self._style("outlet-pane--quote")))
            else:
                segments.append(Segment(" "))
            segments.append(Segment(" "))
        elif row.kind == RowKind.REMOVED:
            segments.append(Segment(REMOVED_MARK + "  ", removed_style))
        elif row.kind == RowKind.FOLDED:
            segments.append(Segment(" " * GUTTER))
            segments.append(Segment(row.plain, self._style("outlet-pane--folded")))
        else:
            segments.append(Segment(" " * GUTTER))
        if row.kind == RowKind.REMOVED:
            segments.append(Segment(row.plain, removed_style))
        elif row.kind == RowKind.SENTENCE:
            style = self._style(f"outlet-pane--{self.outlet.sentences[row.sentence].status}")
            segments.extend(self._marked_segments(row, style))
        return Strip(Segment.apply_style(segments, base)).adjust_cell_length(width, base)

    def _marked_segments(self, row: Row, style: Style) -> list[Segment]:
        """A sentence row's text, with changed words (`d`), the rewritten tag and search
        matches (`/`) marked; a match is drawn over a changed word."""
        layout = self._layout
        marks: list[tuple[int, int, Style]] = []
        for start, end in (layout.diff_spans.get(row.sentence, []) if layout else []):
            marks.append((start, end, self._style("outlet-pane--diff")))
        if layout is not None and row.sentence in layout.rewritten:
            marks.append((len(row.source) - len(layout.rewritten[row.sentence]), len(row.source), self._style("outlet-pane--rewritten")))
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

    # ---------------------------------------------------------------- filter (f) and search (/)

    def hides(self, index: int) -> bool:
        """Whether the filter (f) folds sentence `index` away."""
        if self.filter is None:
            return False
        status = self.outlet.sentences[index].status
        return status == Status.SHARED or (self.filter == "unique" and status == Status.ALTERED)

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
        if matches is self.matches and current != self.current_match and self._layout is not None:
            # Same matches, another current one (n / p): only the rows of two sentences change.
            changed = {c[0] for c in (self.current_match, current) if c is not None}
            self.current_match = current
            layout = self._layout
            for sentence in changed:
                if 0 <= sentence < len(layout.first_row):
                    first, count = layout.first_row[sentence], layout.row_count[sentence]
                    for row in range(first, first + count):
                        self._strips.pop(row, None)
                    self._refresh_rows(first, count)
        elif matches != self.matches or current != self.current_match:
            self.matches, self.current_match = matches, current
            self._strips.clear()
            self.refresh()

    def set_noted(self, indexes: set[int]) -> None:
        if indexes != self.noted:
            self.noted = set(indexes)
            self._strips.clear()
            self.refresh()
