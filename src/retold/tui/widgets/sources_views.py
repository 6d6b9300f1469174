"""The overview's "Sources" and "Quotes" views (`o`, then 4 and 5).

Both only draw what `retold.model.sources` computed from the finished alignment (provenance,
credits, quote groups): nothing is recomputed here. Each view is a Line API list (one strip per
row, drawn when on screen) over a detail panel that says, for the row under the cursor, the
evidence of an edge or every outlet's wording of a quote. Outlet names, credits and quotes are
untrusted text: plain `Text` after `printable()`, never markup.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from retold.model.quotes import CHANGE_FLAGS
from retold.model.safe import printable
from retold.model.sources import has_sources, quote_jump, quotes_of, source_rows
from retold.model.story import Alignment

QUOTE_CHANGED = "!"  # a quote group some outlet changed
_SHORT_FLAG = {"wording changed": "reworded", "quote marks dropped": "no marks", "speaker differs": "other speaker"}
DETAIL_HEIGHT = 7  # rows of the Sources detail panel (retold.tcss: #sources-detail)


def _fit(text: str, width: int) -> str:
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return text + " " * (width - cell_len(text))


class LineList(ScrollView, can_focus=True):
    """Rows of Text with a cursor, drawn with the Line API (a few hundred rows at most)."""

    COMPONENT_CLASSES = {"line-list--cursor"}
    BINDINGS = [
        Binding("j,down", "move(1)", "Down", id="list_down", tooltip="next row", show=False),
        Binding("k,up", "move(-1)", "Up", id="list_up", tooltip="previous row", show=False),
        Binding("pagedown", "page(1)", "Page down", id="list_page_down", tooltip="a screen further", show=False),
        Binding("pageup", "page(-1)", "Page up", id="list_page_up", tooltip="a screen back", show=False),
        Binding("g,home", "edge(0)", "First", id="list_first", tooltip="first row", show=False),
        Binding("G,end", "edge(-1)", "Last", id="list_last", tooltip="last row", show=False),
        Binding("enter", "choose", "Jump there", id="list_jump", tooltip="jump to it in the reader"),
    ]

    cursor: reactive[int] = reactive(0, init=False)

    class Moved(Message):
        def __init__(self, view: "LineList", row: int) -> None:
            super().__init__()
            self.view = view
            self.row = row

    class Chosen(Message):
        def __init__(self, view: "LineList", row: int) -> None:
            super().__init__()
            self.view = view
            self.row = row

    def __init__(self, rows: list[Text], selectable: list[bool] | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = rows
        self.selectable = selectable or [True] * len(rows)
        self._strips: dict[tuple[int, int], Strip] = {}

    def on_mount(self) -> None:
        self.virtual_size = Size(1, len(self.rows))
        first = next((n for n, ok in enumerate(self.selectable) if ok), 0)
        if first != self.cursor:
            self.cursor = first

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def on_resize(self) -> None:
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        number = int(self.scroll_y) + y
        base = self.rich_style
        if number >= len(self.rows):
            return Strip.blank(width, base)
        key = (number, width)
        strip = self._strips.get(key)
        if strip is None:
            text = self.rows[number].copy()
            text.truncate(width, overflow="ellipsis", pad=True)
            strip = self._strips[key] = Strip(Segment.apply_style(list(text.render(self.app.console)), base)).adjust_cell_length(width, base)
        if number == self.cursor:
            cursor = self.get_component_rich_style("line-list--cursor")
            overlay = Style(bgcolor=cursor.bgcolor, reverse=cursor.reverse or None)
            strip = Strip([Segment(t, (s or Style()) + overlay, c) for t, s, c in strip])
        return strip

    def watch_cursor(self) -> None:
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif height > 0 and self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)
        self.refresh()
        self.post_message(self.Moved(self, self.cursor))

    def _step(self, start: int, step: int) -> int:
        n = start
        while 0 <= n + step < len(self.rows):
            n += step
            if self.selectable[n]:
                return n
        return self.cursor

    def action_move(self, step: int) -> None:
        if self.rows:
            self.cursor = self._step(self.cursor, 1 if step > 0 else -1)

    def action_page(self, direction: int) -> None:
        if not self.rows:
            return
        target = max(0, min(len(self.rows) - 1, self.cursor + direction * max(1, self.scrollable_content_region.height - 1)))
        if not self.selectable[target]:
            target = self._step(target, direction) if self._step(target, direction) != self.cursor else self._step(target, -direction)
        self.cursor = target

    def action_edge(self, where: int) -> None:
        if self.rows:
            self.cursor = self._step(-1, 1) if where == 0 else self._step(len(self.rows), -1)

    def action_choose(self) -> None:
        if self.rows:
            self.post_message(self.Chosen(self, self.cursor))

    def on_click(self, event) -> None:
        number = int(self.scroll_y) + event.y
        if 0 <= number < len(self.rows) and self.selectable[number]:
            self.cursor = number


class JumpTo(Message):
    """Open the reader at this outlet's sentence."""

    def __init__(self, outlet_id: str, sentence: int) -> None:
        super().__init__()
        self.outlet_id = outlet_id
        self.sentence = sentence


class SourcesView(Vertical):
    """Who took whose text: each source with the outlets that took from it beneath it, the outlets
    no claim connects, the shared text that proves no direction; the evidence under the cursor."""


    PENDING = "Working out who took whose text…"

    def __init__(self, alignment: Alignment, *, pending: bool = False, id: str | None = None) -> None:
        """`pending`: the story's provenance is still on its way (RetoldApp.sources_pending): the
        view says so, never works it out itself, and draws it once `sources_ready` is called."""
        super().__init__(id=id)
        self.alignment = alignment
        self.pending = pending and not has_sources(alignment)
        self.rows = [] if self.pending else source_rows(alignment)

    def sources_ready(self) -> None:
        """The alignment carries its whole Sources now: drawn in place of the pending line."""
        if not self.pending or not has_sources(self.alignment):
            return
        self.pending = False
        self.rows = source_rows(self.alignment)
        if self.is_mounted:
            self.call_later(self._redraw)

    async def _redraw(self) -> None:
        focused = self.query_one(LineList).has_focus
        await self.recompose()
        if focused:
            self.query_one(LineList).focus()
        self._show(self.query_one(LineList).cursor)

    def compose(self) -> ComposeResult:
        yield Static(Text("Who took whose text — likely / possible — as far as credits, wording and times show",
                          no_wrap=True, overflow="ellipsis"), classes="hint")
        if self.pending:
            yield LineList([Text(self.PENDING, style="italic")], [True], id="sources-list")
            yield Static(Text(), id="sources-detail")
            yield Static(Text("1–5 views · o back", no_wrap=True, overflow="ellipsis"), classes="hint")
            return
        texts, selectable = [], []
        for row in self.rows:
            line = Text(no_wrap=True, overflow="ellipsis")
            if row.kind == "heading":
                line.append(printable(row.label), "bold dim")
            elif row.kind == "node":
                line.append("■ ", "bold")
                line.append(_fit(printable(row.label), 40), "bold")
                line.append("  " + printable(row.when), "dim")
            elif row.kind == "edge":
                line.append("  └─▶ ")
                name = row.label.split(" — ")[0]
                line.append(_fit(printable(name), 34))
                line.append(_fit(row.confidence or "", 10), "bold" if row.confidence == "likely" else "italic")
                line.append(printable(row.when), "dim")
            else:
                line.append("  · " + printable(row.label), "italic")
            texts.append(line)
            selectable.append(row.kind != "heading")
        if not texts:
            texts, selectable = [Text("No outlet here credits another, and none copies another in a known order.")], [True]
        yield LineList(texts, selectable, id="sources-list")
        yield Static(Text(), id="sources-detail")
        yield Static(Text("j/k move · enter opens the outlet under the cursor · 1–5 views · o back", no_wrap=True,
                          overflow="ellipsis"), classes="hint")

    def on_mount(self) -> None:
        self._show(self.query_one(LineList).cursor)

    @on(LineList.Moved)
    def _moved(self, event: LineList.Moved) -> None:
        event.stop()
        self._show(event.row)

    def _show(self, number: int) -> None:
        detail = Text()
        if 0 <= number < len(self.rows):
            row = self.rows[number]
            title = {"edge": "Evidence", "node": "Credits", "note": "Shared text"}.get(row.kind, "")
            if title:
                detail.append(title + ": ", "bold")
                detail.append(printable(row.label) + "\n")
            for line in row.details[:DETAIL_HEIGHT - 1] if row.kind != "note" else ():
                detail.append("• " + printable(line) + "\n")
        self.query_one("#sources-detail", Static).update(detail)

    @on(LineList.Chosen)
    def _chosen(self, event: LineList.Chosen) -> None:
        event.stop()
        if not (0 <= event.row < len(self.rows)):
            return
        outlet_id = self.rows[event.row].outlet
        if outlet_id and self.alignment.outlet(outlet_id).sentences:
            self.post_message(JumpTo(outlet_id, 0))


class QuoteDetail(Widget):
    """Every outlet's wording of one quote, each wrapped to the panel's width under its own start:
    no word is cut, whatever the width (the panel scrolls when they need more rows than it has)."""

    # Below this many cells beside the label, a wording goes on the lines under its label.
    LEAST_BESIDE = 24

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[tuple[Text, Text]] = []  # (label: number, outlet, flags; the wording)

    def show(self, entries: list[tuple[Text, Text]]) -> None:
        self.entries = entries
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Text]:
        width = max(1, width)
        out: list[Text] = []
        for label, wording in self.entries:
            indent = label.cell_len
            if width - indent < self.LEAST_BESIDE:
                out.append(label.copy())
                indent = min(2, width - 1)
            parts = wording.wrap(self.app.console, max(1, width - indent), overflow="fold")
            for number, part in enumerate(parts):
                part.rstrip()
                line = label.copy() if number == 0 and indent == label.cell_len else Text(" " * indent)
                line.append_text(part)
                out.append(line)
        return out

    def render(self) -> Text:
        line = Text("\n").join(self.lines(self.content_size.width))
        line.no_wrap = True
        return line

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))


class QuotesView(Vertical):
    """One row per quote: speaker, the outlets carrying it, flags, the commonest wording; every
    outlet's wording of the quote under the cursor below. Enter jumps to it in the reader."""


    def __init__(self, alignment: Alignment, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.alignment = alignment
        self.groups = list(quotes_of(alignment))
        self.number = {o.id: n for n, o in enumerate(alignment.outlets)}

    def compose(self) -> ComposeResult:
        n_outlets = len(self.alignment.outlets)
        carry_width = max(len("outlets"), 2 * n_outlets)
        header = Text(no_wrap=True, overflow="ellipsis")
        header.append("  " + _fit("speaker", 18) + "  " + _fit("outlets", carry_width) + "  " + _fit("flags", 22) + "  quote", "bold")
        yield Static(header, classes="hint")
        texts = []
        for group in self.groups:
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(QUOTE_CHANGED + " " if group.changed else "  ", "bold")
            line.append(_fit(printable(group.speaker or "—"), 18) + "  ")
            carrying = set(group.outlets())
            cells = " ".join(str(self.number[o.id] + 1) if o.id in carrying else "·" for o in self.alignment.outlets)
            line.append(_fit(cells, carry_width) + "  ")
            # The changes first: cut to the column, "translated, wording c…" would hide the change.
            flags = sorted(group.flags, key=lambda f: f not in CHANGE_FLAGS)
            label = ", ".join(flags) or ("one outlet" if len(carrying) == 1 else "same words")
            line.append(_fit(label, 22) + "  ", "italic" if group.changed else "dim")
            line.append("“" + printable(group.reference) + "”")
            texts.append(line)
        if not texts:
            texts = [Text("No quotation in any outlet.")]
        yield LineList(texts, id="quotes-list")
        box = VerticalScroll(QuoteDetail(id="quotes-detail"), id="quotes-detail-box")
        box.can_focus = False  # j/k stay with the list; the wheel scrolls a long detail
        yield box
        yield Static(Text(f"{QUOTE_CHANGED} an outlet changed it · enter jumps to it in the reader · 1–5 views · o back",
                          no_wrap=True, overflow="ellipsis"), classes="hint")

    def on_mount(self) -> None:
        self.call_after_refresh(lambda: self._show(self.query_one(LineList).cursor))

    @on(LineList.Moved)
    def _moved(self, event: LineList.Moved) -> None:
        event.stop()
        self._show(event.row)

    def _show(self, number: int) -> None:
        entries: list[tuple[Text, Text]] = []
        more = 0
        if 0 <= number < len(self.groups):
            group = self.groups[number]
            # In the outlets' numbers' order (the reader's order, as in the row's outlet column).
            for member in sorted(group.members, key=lambda m: self.number[m.quote.outlet]):
                quote = member.quote
                outlet = self.alignment.outlet(quote.outlet)
                label = Text(no_wrap=True)
                label.append(f"{self.number[quote.outlet] + 1} ")
                label.append(_fit(printable(outlet.name), 18) + " ", "bold")
                tag = ", ".join(_SHORT_FLAG.get(f, f) for f in member.flags)
                label.append(_fit(tag, 14) + " ", "italic" if set(member.flags) & set(CHANGE_FLAGS) else "dim")
                text = printable(quote.text)
                opening, closing = ("“", "”") if quote.quoted else ("", "")
                wording = Text(opening)
                cursor = 0
                for start, end in member.changed:
                    wording.append(text[cursor:start])
                    wording.append(text[start:end], "bold reverse")
                    cursor = end
                wording.append(text[cursor:] + closing)
                entries.append((label, wording))
        self.query_one(QuoteDetail).show(entries)
        self.query_one("#quotes-detail-box", VerticalScroll).scroll_home(animate=False)

    @on(LineList.Chosen)
    def _chosen(self, event: LineList.Chosen) -> None:
        event.stop()
        if 0 <= event.row < len(self.groups):
            outlet_id, sentence = quote_jump(self.groups[event.row])
            self.post_message(JumpTo(outlet_id, sentence))
