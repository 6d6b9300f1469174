"""`o`: the whole story at a glance.

Three views of one StorySummary (computed in the core, `retold.model.summary`):
the coverage map (one row per statement, one column per outlet), the outlet × outlet
overlap matrix, and the outlets with their counts, dates and headlines; two of the story's
sources (`retold.model.sources`, widgets/sources_views.py): who took whose text, and quotes. Enter on a
cell of the map dismisses the screen with (outlet id, sentence index) to jump to.

The map is one Line API widget: rows are drawn when they are on screen, never a widget
per cell, so 20 outlets × 400 sentences open and scroll as fast as the sample story.
Article text and outlet names are untrusted: plain segments after `printable()`.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.containers import Vertical
from textual.widgets import ContentSwitcher, Static

from retold.model.safe import printable
from retold.model.story import GLYPHS, POSSIBLE_GLYPH, Alignment
from retold.model.summary import summarize
from retold.tui.widgets.coverage_map import ABSENT, CoverageMap, outlet_label
from retold.tui.widgets.key_bar import KeyBar
from retold.tui.widgets.rows_view import RowsView, _cell
from retold.tui.widgets.sources_views import JumpTo, QuotesView, SourcesView
from retold.tui.widgets.text_line import TextLine

VIEWS = {"coverage": "1 Coverage map", "overlap": "2 Overlap", "outlets": "3 Outlets", "sources": "4 Sources", "quotes": "5 Quotes"}
NAME_WIDTH = 22
# One line at 100 columns (the hint's padding takes 2).
OVERLAP_LEGEND = "% of the row outlet's sentences the column outlet has: = near-verbatim, ~ reworded in one or both"


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
                yield TextLine(Text(OVERLAP_LEGEND), classes="hint")
                yield self._overlap_view()
            with Vertical(id="outlets"):
                yield self._outlets_view()
                # The table cuts headlines at the screen's edge; the row's whole headline, wrapped,
                # takes the free lines below it.
                yield Static(id="outlet-headline")
                yield TextLine(Text("enter opens the outlet in the reader"), classes="hint")
            yield SourcesView(self.alignment, pending=getattr(self.app, "sources_pending", False), id="sources")
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
        legend.append("  ")
        legend.append(f"{POSSIBLE_GLYPH} possible", "dim italic")
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

    def sources_ready(self) -> None:
        """The story's provenance arrived (RetoldApp.on_sources_ready): the Sources view draws it."""
        if self.is_mounted:
            self.query_one(SourcesView).sources_ready()

    def on_mount(self) -> None:
        self.watch(self.query_one("#outlets-table", RowsView), "cursor", self._show_headline)

    def _show_headline(self, row: int) -> None:
        outlets = self.alignment.outlets
        if not 0 <= row < len(outlets):
            return
        line = Text(f"{outlet_label(row)} ")
        line.append(printable(outlets[row].name), "bold")
        line.append(": ")
        line.append(printable(outlets[row].title or "(no headline found)"), "italic")
        self.query_one("#outlet-headline", Static).update(line)

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
            member = self.alignment.member(outlet.id, index)
            if member is not None and member.strength == "possible":
                evidence = printable(", ".join(member.evidence)) or "none named"
                detail.append(f"{POSSIBLE_GLYPH} possible {status} (evidence: {evidence})", "dim italic")
            else:
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
        from retold.tui.screens.help import show_help

        show_help(self)

    def action_close(self) -> None:
        self.dismiss(None)
