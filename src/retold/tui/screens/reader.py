"""The reader: outlet panes side by side, cursor, jumps and synced scrolling.

The screen only presents a finished Alignment; it never recomputes alignment, and it does
no navigation arithmetic: every key becomes a call on the navigation model
(`retold.tui.state.ReaderState`), and `apply` puts the resulting state on the widgets in
one batch. To add a navigation key: a ReaderState method (tested there), then an action
here that calls `self.navigate(ReaderState.method, ...)`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalScroll, Vertical
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

from retold.model.safe import printable
from retold.model.search import SearchResult, search
from retold.model.sources import quote_marks_for
from retold.model.story import GLYPHS, STATUSES, Alignment, Outlet, Status
from retold.notes.service import StoryNotes
from retold.notes.store import NotesUnavailable, NoteStore
from retold.tui.messages import Navigate, PaneClicked, PaneScrolled
from retold.tui.state import PaneLayout, ReaderState
from retold.tui.widgets.key_bar import KeyBar
from retold.tui.widgets.outlet_pane import GUTTER, NOTE_MARK, QUOTE_MARK, REMOVED_MARK, OutletPane
from retold.tui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from retold.tui.screens.note_editor import EditorResult

MIN_PANE_WIDTH = 40  # columns: below this a pane is too narrow to read
PANE_DECORATION = 2  # columns of a pane's column that are not text area: the border and the scrollbar
SCREEN_ROWS_BESIDE_PANES = 6  # pane header (3), status, legend and key bar
STATUS_STYLE = {Status.SHARED: "", Status.ALTERED: "italic", Status.UNIQUE: "bold"}

class PaneHeader(Widget):
    """Outlet name, counts and headline. Focus is shown by repainting, never by a layout pass."""

    def __init__(self, outlet: Outlet) -> None:
        super().__init__()
        self.outlet = outlet
        self._counts = outlet.counts()
        self.focused = False
        self.note = ""  # "reference", or "vs …" when `d` compares words

    def set_note(self, note: str) -> None:
        if note != self.note:
            self.note = note
            self.refresh()

    def set_focused(self, focused: bool) -> None:
        if focused != self.focused:
            self.focused = focused
            self.refresh()

    def render(self) -> Text:
        counts = self._counts
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append("▶ " if self.focused else "  ", "bold")
        line.append(printable(self.outlet.name), "bold reverse" if self.focused else "bold")
        line.append("  ")
        for status in STATUSES:
            line.append(f"{status.glyph}{counts[status]} ")
        meta = self.outlet.meta
        details = [d for d in ((meta.published or "")[:10], meta.language or "") if d]
        if details:
            line.append(" " + printable(" · ".join(details)), "dim")
        line.append("\n  ")
        if self.note:
            line.append(f"[{printable(self.note)}] ", "bold")
        line.append(printable(self.outlet.title or "(no headline found)"), "italic")
        return line


class TextLine(Widget):
    """One line of text. Unlike Static.update, setting it repaints without a layout pass."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text()

    def set(self, text: Text) -> None:
        self.text = text
        self.refresh()

    def render(self) -> Text:
        return self.text


class ReaderScreen(Screen):
    """Every outlet of one story, side by side. The keys that move a pane's cursor are the
    pane's own (OutletPane.BINDINGS); the ones that move between panes are here."""

    BINDINGS = [
        # While a search is on, the panes' n / p (changes) stand aside for these (check_action);
        # first, so that the key bar shows n where it showed "Next change".
        Binding("n", "match(1)", "Next match", id="match_next", tooltip="while a search is on: the next match, in any outlet"),
        Binding("p", "match(-1)", "Previous match", id="match_previous", tooltip="while a search is on: the previous match, in any outlet", show=False),
        Binding("tab", "focus_outlet(1)", "Next outlet", id="focus_next", tooltip="focus the next outlet's pane", show=False),
        Binding("shift+tab", "focus_outlet(-1)", "Previous outlet", id="focus_previous", tooltip="focus the previous outlet's pane", show=False),
        Binding("right_square_bracket", "counterpart(1)", "Same in next", id="counterpart_next", tooltip="jump to this sentence in the next outlet that has it"),
        Binding("left_square_bracket", "counterpart(-1)", "Same in previous", id="counterpart_previous", tooltip="jump to this sentence in the previous outlet that has it", show=False),
        Binding("greater_than_sign,full_stop", "shift_outlets(1)", "More outlets", id="outlets_right", tooltip="show the next outlet when not all fit", show=False),
        Binding("less_than_sign,comma", "shift_outlets(-1)", "Earlier outlets", id="outlets_left", tooltip="show the previous outlet when not all fit", show=False),
        Binding("s", "toggle_sync", "Sync", id="toggle_sync", tooltip="scroll sync on / off"),
        Binding("d", "toggle_diff", "Diff", id="toggle_diff", tooltip="mark the words an altered sentence changed, against the reference outlet (R) or the closest counterpart; ⟲rewritten: too different to mark"),
        Binding("r", "toggle_removed", "Furniture", id="toggle_removed", tooltip="show the removed site furniture, greyed, where it stood"),
        Binding("R", "reference", "Reference", id="reference", tooltip="make this outlet the reference the others' words are compared with (again: back to the closest)"),
        Binding("f", "filter", "Filter", id="filter", tooltip="show only changes (altered + unique), then only unique, then everything; hidden runs fold to one line"),
        Binding("slash", "search", "Search", id="search", tooltip="search every outlet; n / p then step through the matches, escape ends the search"),
        Binding("escape", "clear_search", "End search", id="search_end", tooltip="end the search (n / p go back to changes)"),
        Binding("y", "copy_sentence", "Copy", id="copy_sentence", tooltip="copy the cursor sentence, with the outlet's name and url, to the clipboard"),
        Binding("o", "overview", "Overview", id="overview", tooltip="the whole story at a glance: coverage map, overlap matrix, outlets (enter jumps)"),
        Binding("i", "outlet_info", "Outlet info", id="outlet_info", tooltip="this outlet's url, file, date, language, full headline, byline and counts"),
        Binding("m", "note", "Note", id="note", tooltip="write a note on this sentence"),
        Binding("M", "story_note", "Story note", id="story_note", tooltip="write a note on the whole story", show=False),
        Binding("N", "notes", "Notes", id="notes", tooltip="list this story's notes"),
        Binding("question_mark", "help", "Help", id="help", tooltip="this help"),
        Binding("q", "app.quit", "Quit", id="quit", tooltip="quit"),
    ]

    # Screen.focused repaints the whole screen when the focus moves (a full-screen render,
    # ~15 ms at 160x45); here the panes and headers that the focus changes repaint themselves.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, alignment: Alignment) -> None:
        super().__init__()
        self.alignment = alignment
        self.state = ReaderState.start(alignment, len(alignment.outlets))
        self.show_diff = False
        self.show_removed = False
        self.notes: StoryNotes | None = None
        self.notes_problem: str | None = None
        self.reference: int | None = None  # outlet number `d` compares with (R)
        self.filter_mode: str | None = None  # f: None, "changes" (altered + unique) or "unique"
        self.search_result: SearchResult | None = None
        self.match_index: int | None = None  # the match the cursor was last sent to
        self._match_spans: dict[int, dict[int, list[tuple[int, int]]]] = {}  # outlet -> sentence -> spans

    # ---------------------------------------------------------------- composition

    def compose(self) -> ComposeResult:
        # Kept by number: a key touches several of them, and a DOM query per look-up cost
        # milliseconds a key with 20 outlets.
        self._headers = [PaneHeader(outlet) for outlet in self.alignment.outlets]
        self._panes = [
            OutletPane(self.alignment, outlet, number, id=f"pane-{number}")
            for number, outlet in enumerate(self.alignment.outlets)
        ]
        self._status = TextLine(id="status")
        # Not focusable: Textual's auto focus would give the focus to the row first and then
        # restyle all its columns twice (~30 ms each on the first frame) before a pane gets it.
        with HorizontalScroll(id="panes", can_focus=False):
            for number in range(len(self.alignment.outlets)):
                with Vertical(classes="column", id=f"column-{number}"):
                    yield self._headers[number]
                    yield self._panes[number]
        yield self._status
        yield SearchBar(id="legend")  # the legend line; `/` turns it into the search prompt
        yield KeyBar(id="keys")

    @property
    def panes(self) -> list[OutletPane]:
        return list(self._panes)

    def pane(self, number: int) -> OutletPane:
        return self._panes[number]

    # Read-only views of the navigation state, for screens and tests.
    @property
    def focused_index(self) -> int:
        return self.state.focused

    @property
    def first_visible(self) -> int:
        return self.state.first_visible

    @property
    def visible_count(self) -> int:
        return self.state.visible_count

    @property
    def sync_enabled(self) -> bool:
        return self.state.sync

    @property
    def focused_pane(self) -> OutletPane:
        return self.pane(self.state.focused)

    def visible_numbers(self) -> list[int]:
        return list(self.state.visible)

    def mapping(self, a: int, b: int) -> list[int | None]:
        """Counterpart in outlet number b of every sentence of outlet number a (first of a span)."""
        outlets = self.alignment.outlets
        return self.alignment.counterparts(outlets[a].id, outlets[b].id)

    # ---------------------------------------------------------------- the model, applied

    def layouts(self, number: int) -> PaneLayout:
        """The navigation model's view of pane `number` (shown or not: every pane is sized
        alike by `_size_panes`)."""
        return self.pane(number).pane_layout()

    def _size_panes(self, count: int) -> None:
        """Columns of one width, `count` of them filling the screen; every pane gets the same
        text width and height, so wrapping never depends on which column an outlet is in and
        a pane outside the window is measured exactly. Only a resize calls this: moving the
        window scrolls the row of columns sideways, which needs no layout pass."""
        self._sized_for = (self.size, count)
        column = max(1, self.size.width // count)
        for widget in self.query(".column"):
            widget.styles.width = column
        # The row of columns is exactly the window's width (any odd column left over stays
        # blank), so the last window can scroll to a column's edge like the others.
        self.query_one("#panes").styles.width = column * count
        height = self.size.height - SCREEN_ROWS_BESIDE_PANES
        for pane in self.panes:
            pane.set_size(max(10, column - PANE_DECORATION - GUTTER), max(1, height))
        self.warm_layouts()

    layouts_warm = False  # every pane wrapped at the current size (see warm_layouts)

    def warm_layouts(self) -> None:
        """Wrap the panes outside the window while the reader is idle, one pane per turn of
        the event loop, so that the first `]`, `tab` or `>` to a far outlet does not pay for
        it (about 20 ms a pane of 400 sentences). Restarted when sizes or options change."""
        self.layouts_warm = False
        self._warm_generation = getattr(self, "_warm_generation", 0) + 1
        generation = self._warm_generation

        def step(numbers: list[int]) -> None:
            if generation != self._warm_generation or not self.is_mounted:
                return
            if not numbers:
                # One layout pass for every pane's scroll range, rather than one per pane shown.
                with self.app.batch_update():
                    for pane in self.panes:
                        pane.size_scroll_range()
                    # Textual styles a pane's scrollbar only when the pane's styles are next
                    # updated: on its first focus change, and the scrollbar's new rules then
                    # force a layout pass of every column (50-90 ms on `tab`, `]` or `>`).
                    # Styled here instead, within the same pass.
                    self.app.stylesheet.update_nodes([pane.vertical_scrollbar for pane in self.panes])
                self.layouts_warm = True
                # The story, its wrapped layouts and the widgets live as long as the reader:
                # out of the garbage collector's way, whose full passes over them (~0.15 s
                # with 20 x 400 sentences) otherwise land in the middle of a key now and then.
                gc.freeze()
                return
            self.pane(numbers[0]).text_layout()
            self.set_timer(0.001, lambda: step(numbers[1:]))

        self.set_timer(0.05, lambda: step(list(range(len(self.alignment.outlets)))))

    def navigate(self, method: Callable[..., ReaderState], *args) -> ReaderState:
        """Run a ReaderState action with the panes' layouts and apply the result."""
        new = method(self.state, *args, self.layouts)
        self.apply(new)
        return new

    def apply(self, new: ReaderState) -> None:
        """Put a navigation state on the widgets: window, cursors, highlights, scroll tops."""
        old, self.state = self.state, new
        if self._sized_for != (self.size, new.visible_count):
            self._size_panes(new.visible_count)
        # The row's scroll offset is first_visible columns, in cells: a resize that keeps the
        # same window (one pane fits before and after) still moves it, as the column narrows.
        window_changed = self._window_shown != (new.first_visible, new.visible_count, self._column_width())
        with self.app.batch_update():
            # The panes first: scrolling the row of columns (the window) invalidates the
            # screen's map of widget regions, which the panes' row refreshes would rebuild.
            for number in new.visible:
                pane = self.pane(number)
                pane.cursor = new.cursors[number]
                pane.counterpart = new.counterpart_span(number)
                pane.leading = number == new.focused
                top = new.tops[number]
                if top is not None:
                    pane.place(top)
            if window_changed or not self._shown:
                self._show_window()
            if old.focused != new.focused or not self._shown:
                for number, header in enumerate(self._headers):
                    header.set_focused(number == new.focused)
                pane = self.pane(new.focused)
                if not pane.has_focus and self.app.screen is self:
                    pane.focus(scroll_visible=False)
            self._shown = True
            self._update_status()

    _shown = False
    _sized_for = None
    _window_shown = None  # (first_visible, visible_count, column width) the row was scrolled for

    def resettle(self) -> None:
        """Recompute every pane's place from the state (after a layout or display change)."""
        self.apply(self.state.settle(self.layouts))

    def _column_width(self) -> int:
        return max(1, self.size.width // self.state.visible_count)

    def _show_window(self, *, again: bool = True) -> None:
        column = self._column_width()
        self._window_shown = (self.state.first_visible, self.state.visible_count, column)
        row = self.query_one("#panes")
        x = self.state.first_visible * column
        row.scroll_to(x=x, animate=False, immediate=True, force=True)
        if round(row.scroll_x) != x and again:
            # The columns were just resized and their layout pass has not run: the row still
            # has its old width and clamped the scroll to it. Once more after that pass.
            self.call_after_refresh(lambda: self._show_window(again=False))
        for number, pane in enumerate(self.panes):
            pane.in_window = number in self.state.visible
        self._assign_diff_partners()

    def _assign_diff_partners(self) -> None:
        """`d` compares each sentence with the reference outlet's counterpart (R), else with
        the counterpart it shares most words with; the headers say which."""
        reference = self.alignment.outlets[self.reference].id if self.reference is not None else None
        for number, pane in enumerate(self.panes):
            wanted = reference if number != self.reference else None
            if pane.reference != wanted:
                pane.reference = wanted
                if pane.show_diff:
                    pane.invalidate()
        self._update_header_notes()

    def _update_header_notes(self) -> None:
        if not self.is_mounted:
            return
        for number, header in enumerate(self._headers):
            note = ""
            if number == self.reference:
                note = "reference"
            elif self.show_diff:
                note = "vs " + (self.alignment.outlets[self.reference].name if self.reference is not None else "closest")
            header.set_note(note)

    # ---------------------------------------------------------------- events

    def on_mount(self) -> None:
        legend = Text(no_wrap=True, overflow="ellipsis")
        for status in STATUSES:
            legend.append(f"{status.glyph} {status}", STATUS_STYLE[status])
            legend.append("   ")
        legend.append(f"{NOTE_MARK} note   {QUOTE_MARK} quote differs elsewhere   {REMOVED_MARK} removed furniture (r)   ? help")
        self.query_one("#legend", SearchBar).set(legend)
        self.state = ReaderState.start(self.alignment, self._panes_that_fit(self.size.width))
        self._open_notes()
        self._size_panes(self.state.visible_count)
        self.apply(self.state.settle(self.layouts))

    def _panes_that_fit(self, width: int) -> int:
        return max(1, min(len(self.alignment.outlets), width // MIN_PANE_WIDTH))

    def on_resize(self, event) -> None:
        if not self._shown:
            return
        count = self._panes_that_fit(event.size.width)
        self._size_panes(count)
        self.apply(self.state.resize(count, self.layouts))

    PANE_ACTIONS = {
        "move_cursor": ReaderState.move_cursor,
        "cursor_edge": ReaderState.cursor_edge,
        "page": ReaderState.page,
        "change": ReaderState.change,
    }

    @on(Navigate)
    def _pane_key(self, event: Navigate) -> None:
        if event.number != self.state.focused:
            self.navigate(ReaderState.focus, event.number)
        if event.action == "move_cursor" and self.filter_mode:
            pane = self.focused_pane  # j / k skip the sentences the filter hides
            self.navigate(ReaderState.move_to, pane.next_shown(self.state.cursor, event.argument))
            return
        method = self.PANE_ACTIONS[event.action]
        if event.action == "change" and self.state.change_index(event.argument) is None:
            self.notify("No further altered or unique sentence in this outlet.", timeout=3)
            return
        self.navigate(method, event.argument)

    @on(PaneClicked)
    def _pane_clicked(self, event: PaneClicked) -> None:
        self.navigate(ReaderState.click, event.number, event.row)

    @on(PaneScrolled)
    def _pane_scrolled(self, event: PaneScrolled) -> None:
        if event.number in self.state.visible and event.top != self.state.tops[event.number]:
            self.navigate(ReaderState.scrolled, event.number, event.top)

    def on_descendant_focus(self, event) -> None:
        widget = event.widget
        if isinstance(widget, OutletPane) and widget.number != self.state.focused:
            self.navigate(ReaderState.focus, widget.number)  # focused some other way (the mouse)

    def on_screen_resume(self) -> None:
        pane = self.focused_pane
        if not pane.has_focus:
            pane.focus(scroll_visible=False)

    def _update_status(self) -> None:
        if not self.is_mounted:
            return
        state = self.state
        outlet = self.alignment.outlets[state.focused]
        parts: list[tuple[int, str, str]] = []  # (weight, text, style), in the order shown
        if outlet.sentences:
            sentence = outlet.sentences[state.cursor]
            others = len(self.alignment.outlets) - 1
            found = 0 if sentence.group is None else len({m.outlet for m in self.alignment.groups[sentence.group].members} - {outlet.id})
            parts.append((80, f"sentence {state.cursor + 1}/{len(outlet.sentences)}", ""))
            parts.append((70, str(sentence.status), STATUS_STYLE[sentence.status]))
            parts.append((30, f"in {found} of {others} others", ""))
            if self.notes is not None and self.notes.on_sentence(outlet.id, state.cursor) is not None:
                parts.append((45, f"{NOTE_MARK} note", "bold"))
            quote = quote_marks_for(self.alignment).get((outlet.id, state.cursor))
            if quote:
                parts.append((60, f"{QUOTE_MARK} {printable(quote)}", "italic"))
        else:
            parts.append((80, "no sentences", ""))
        total = len(self.alignment.outlets)
        if self.notes_problem:
            parts.append((40, "notes unavailable", "bold"))
        if not state.sync:
            parts.append((50, "sync off", ""))
        if self.show_diff:
            parts.append((20, "diff", ""))
        if self.show_removed:
            parts.append((20, "furniture", ""))
        if self.filter_mode:
            parts.append((55, "only " + ("changes" if self.filter_mode == "changes" else "unique"), "bold"))
        if self.search_result is not None:
            where = f"{self.match_index + 1}/" if self.match_index is not None else ""
            query = printable(self.search_result.query)
            if len(query) > 24:
                query = query[:23] + "…"
            parts.append((90, f"/{query} {where}{len(self.search_result)} matches (n p)", ""))
        if state.visible_count < total:
            parts.append((60, f"outlets {state.first_visible + 1}-{state.first_visible + state.visible_count}/{total} <>", ""))
        # Drop the least needed parts until the line fits (the outlet name is cut last, by the
        # ellipsis): a search's count must not be the part that falls off a 100-column screen.
        room = self.size.width - 2  # the line's padding
        name = printable(outlet.name)
        while parts and cell_len(name) + sum(cell_len(text) + 3 for _, text, _ in parts) > room:
            parts.remove(min(parts, key=lambda part: part[0]))
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(name, "bold")
        for _, part, style in parts:
            text.append(" │ ")
            text.append(part, style)
        self._status.set(text)

    # ---------------------------------------------------------------- actions

    def action_focus_outlet(self, step: int) -> None:
        self.navigate(ReaderState.focus_step, step)

    def focus_outlet(self, number: int) -> None:
        self.navigate(ReaderState.focus, number)

    def go_to(self, number: int, index: int) -> None:
        """Focus outlet `number` with its cursor on sentence `index` (notes, other screens)."""
        self.navigate(ReaderState.go_to, number, index)

    def action_counterpart(self, step: int) -> None:
        if self.state.counterpart_outlet(step) is None:
            self.notify("No other outlet has this sentence.", severity="warning", timeout=3)
            return
        self.navigate(ReaderState.jump_counterpart, step)

    def action_shift_outlets(self, step: int) -> None:
        self.navigate(ReaderState.shift_window, step)

    def action_toggle_sync(self) -> None:
        self.navigate(ReaderState.toggle_sync)

    def _relayout(self) -> None:
        for pane in self.panes:
            pane.show_diff, pane.show_removed = self.show_diff, self.show_removed
            pane.invalidate()
        self.resettle()
        self.warm_layouts()

    def action_toggle_diff(self) -> None:
        self.show_diff = not self.show_diff
        self._relayout()
        self._update_header_notes()

    def action_toggle_removed(self) -> None:
        self.show_removed = not self.show_removed
        self._relayout()

    def action_help(self) -> None:
        from retold.tui.keymap import screen_actions
        from retold.tui.screens.help import HelpScreen

        # The active bindings (the focused pane's, the screen's, the app's) with the keymap applied.
        keys = [(",".join(a.keys), a.description, a.id or "") for a in screen_actions(self)]
        self.app.push_screen(HelpScreen(keys, str(getattr(self.app, "keymap_file", "") or "")))

    # ---------------------------------------------------------------- issue 10: glance, search, filter, copy

    def action_reference(self) -> None:
        """R: compare words against the focused outlet (again: back to the closest counterpart)."""
        self.reference = None if self.reference == self.state.focused else self.state.focused
        self._assign_diff_partners()
        if not self.show_diff:
            self.action_toggle_diff()
        name = self.alignment.outlets[self.reference].name if self.reference is not None else None
        self.notify(
            f"Words compared with {printable(name)}." if name else "Words compared with the closest counterpart.",
            timeout=3, markup=False,
        )

    FILTERS = (None, "changes", "unique")

    def action_filter(self) -> None:
        """f: only changes, only unique, everything. A cursor on a now hidden sentence moves to
        the nearest shown one; the panes stay level through the fold markers."""
        self.filter_mode = self.FILTERS[(self.FILTERS.index(self.filter_mode) + 1) % len(self.FILTERS)]
        for pane in self.panes:
            pane.filter = self.filter_mode
            pane.invalidate()
        pane = self.focused_pane
        if pane.outlet.sentences and pane.hides(self.state.cursor):
            target = pane.next_shown(self.state.cursor, 1)
            if target == self.state.cursor:
                target = pane.next_shown(self.state.cursor, -1)
            self.navigate(ReaderState.move_to, target)
        self._relayout()

    def action_copy_sentence(self) -> None:
        """y: the cursor sentence, then a line naming the outlet and its url. Each part goes
        through printable(): no control or escape character reaches the clipboard sequence."""
        outlet = self.alignment.outlets[self.state.focused]
        if not outlet.sentences:
            return
        cursor = self.state.cursor
        source = printable(outlet.name) + (f", {printable(outlet.meta.url)}" if outlet.meta.url else "")
        self.app.copy_to_clipboard(f"{printable(outlet.sentences[cursor].text)}\n— {source}")
        self.notify(f"Copied sentence {cursor + 1} of {printable(outlet.name)}.", timeout=3, markup=False)

    def action_overview(self) -> None:
        from retold.tui.screens.overview import OverviewScreen

        def done(choice: tuple[str, int] | None) -> None:
            if choice is not None:
                self.jump_to(*choice)

        start = (self.state.focused, self.state.cursor)
        # Composed once and kept: reopening only moves its cursor.
        if not self.app.is_screen_installed("overview"):
            self.app.install_screen(OverviewScreen(self.alignment, start), "overview")
        else:
            self.app.get_screen("overview").start = start
        self.app.push_screen("overview", done)

    def jump_to(self, outlet_id: str, index: int) -> None:
        """Focus an outlet's pane with its cursor on a sentence; the others follow."""
        number = next(n for n, o in enumerate(self.alignment.outlets) if o.id == outlet_id)
        self.go_to(number, index)

    def action_outlet_info(self) -> None:
        from retold.tui.screens.outlet_info import OutletInfo

        self.app.push_screen(OutletInfo(self.alignment.outlets[self.state.focused]))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("clear_search", "match"):
            return self.search_result is not None  # escape, n and p as match keys only while searching
        return True

    def action_search(self) -> None:
        self.query_one(SearchBar).open(self.search_result.query if self.search_result else "")

    def on_key(self, event) -> None:
        """While the search line is open it gets every key (it never takes the focus)."""
        bar = self.query_one(SearchBar)
        if bar.editing:
            bar.handle_key(event)

    def on_paste(self, event) -> None:
        bar = self.query_one(SearchBar)
        if bar.editing:
            bar.handle_paste(event)

    @on(SearchBar.Submitted)
    def _search_submitted(self, event: SearchBar.Submitted) -> None:
        event.stop()
        self.run_search(event.value)

    def run_search(self, query: str) -> None:
        """Search every outlet, mark the matches and go to the first one from the cursor on."""
        result = search(self.alignment, query)
        self.match_index = None
        if not result.matches:
            self.search_result = None
            self._show_matches()
            if query.strip():
                self.notify(f"No match for “{printable(query)}” in any outlet.", timeout=4, markup=False)
            self.refresh_bindings()
            return
        self.search_result = result
        self._match_spans = {}
        for match in result.matches:
            self._match_spans.setdefault(match.outlet, {}).setdefault(match.sentence, []).append((match.start, match.end))
        self.action_match(1)
        self.refresh_bindings()

    def action_match(self, step: int) -> None:
        result = self.search_result
        if result is None:
            return
        current = self.match_index
        if current is not None:
            match = result.matches[current]
            if (match.outlet, match.sentence) != (self.state.focused, self.state.cursor):
                current = None  # the cursor moved away: step from where it stands now
        index = result.step(self.state.focused, self.state.cursor, step, current)
        if index is None:
            return
        self.match_index = index
        match = result.matches[index]
        if self.filter_mode and self.pane(match.outlet).hides(match.sentence):
            self.action_filter_off()
        self.go_to(match.outlet, match.sentence)
        self._show_matches()

    def action_filter_off(self) -> None:
        while self.filter_mode is not None:
            self.action_filter()

    def action_clear_search(self) -> None:
        self.search_result = None
        self.match_index = None
        self._show_matches()
        self.refresh_bindings()

    def _show_matches(self) -> None:
        result = self.search_result
        for pane in self.panes:
            pane.searching = result is not None
        current = result.matches[self.match_index] if result is not None and self.match_index is not None else None
        for number, pane in enumerate(self.panes):
            spans = self._match_spans.get(number, {}) if result is not None else {}
            here = (current.sentence, current.start, current.end) if current is not None and current.outlet == number else None
            pane.set_matches(spans, here)
        self._update_status()

    # ---------------------------------------------------------------- notes

    def _open_notes(self) -> None:
        try:
            store = NoteStore.open()
        except NotesUnavailable as exc:
            self.notes_problem = str(exc)
            self.notify(f"Notes are unavailable: {exc}", severity="warning", timeout=10, markup=False)
            return
        if store.notice:
            self.notify(store.notice, severity="warning", timeout=15, markup=False)
        self.notes = StoryNotes(store, self.alignment)
        self._refresh_note_marks()

    def _refresh_note_marks(self) -> None:
        if self.notes is None:
            return
        for pane in self.panes:
            pane.set_noted(self.notes.noted_sentences(pane.outlet.id))
        self._update_status()

    def _notes_or_warn(self) -> StoryNotes | None:
        if self.notes is None:
            self.notify(f"Notes are unavailable: {self.notes_problem}", severity="error", timeout=8, markup=False)
        return self.notes

    def _save(self, write) -> bool:
        """Run a note write; a failure is reported and the reader keeps running."""
        try:
            write()
        except Exception as exc:  # NotesUnavailable, OSError, sqlite3 errors
            self.notify(f"The note could not be saved: {exc}", severity="error", timeout=15, markup=False)
            return False
        finally:
            self._refresh_note_marks()
        notice = self.notes.take_notice() if self.notes is not None else None
        if notice:  # changed or deleted in another window: both texts kept
            self.notify(notice, severity="warning", timeout=15, markup=False)
        return True

    def _edit(self, heading: str, quote: str | None, existing, save) -> None:
        """Open the note editor; `save(text, draft)` writes. Text is never dropped silently:
        escape keeps it as a draft, and if writing fails the editor opens again with it."""
        from retold.tui.screens.note_editor import NoteEditor  # modal screens load on first use

        def done(result: EditorResult | None) -> None:
            if result is None:
                return
            if not result.text.strip():
                if existing is not None:
                    self._confirm_delete(existing.note.id)
                return
            if not self._save(lambda: save(result.text, result.draft)):
                self.app.push_screen(NoteEditor(heading + " (not saved yet)", quote, result.text, result.draft), done)
            elif result.draft:
                self.notify("Kept as a draft: open the note again to finish it.", timeout=5)

        initial = existing.note.body if existing else ""
        was_draft = existing.note.draft if existing else False
        self.app.push_screen(NoteEditor(heading, quote, initial, was_draft), done)

    def action_note(self) -> None:
        notes = self._notes_or_warn()
        pane = self.focused_pane
        if notes is None or not pane.outlet.sentences:
            return
        outlet_id, index = pane.outlet.id, self.state.cursor
        self._edit(
            f"Note on {pane.outlet.name}, sentence {index + 1}",
            pane.outlet.sentences[index].text,
            notes.on_sentence(outlet_id, index),
            lambda text, draft: notes.save_on_sentence(outlet_id, index, text, draft=draft),
        )

    def action_story_note(self) -> None:
        notes = self._notes_or_warn()
        if notes is None:
            return
        self._edit(
            f"Note on the whole story: {self.alignment.story_title or 'this story'}",
            None,
            notes.on_story(),
            lambda text, draft: notes.save_on_story(text, draft=draft),
        )

    def action_notes(self) -> None:
        from retold.tui.screens.notes_list import NotesList

        notes = self._notes_or_warn()
        if notes is None:
            return
        pane = self.focused_pane
        here = f"{pane.outlet.name} #{pane.cursor + 1}"
        title = f"Notes on {self.alignment.story_title or 'this story'} ({len(notes.placed)})"

        def done(choice: tuple[str, int] | None) -> None:
            if choice is None:
                return
            action, note_id = choice
            placed = next((p for p in notes.placed if p.note.id == note_id), None)
            if placed is None:
                return
            if action == "jump":
                if placed.outlet is None or placed.anchor.sentence is None:
                    self.notify("This note is not attached to a sentence (story note or detached).", timeout=5)
                    return
                number = self.alignment.outlets.index(placed.outlet)
                self.go_to(number, placed.anchor.sentence)
            elif action == "delete":
                self._confirm_delete(note_id)
            elif action == "reattach":
                if placed.note.on_story or not pane.outlet.sentences:
                    return
                self._save(lambda: notes.reattach(note_id, pane.outlet.id, pane.cursor))
                self.notify(f"Note re-attached to {here}.", timeout=4, markup=False)
            elif action == "edit":
                self._edit_existing(placed)

        self.app.push_screen(NotesList(title, notes.placed, here), done)

    def _edit_existing(self, placed) -> None:
        notes = self.notes

        self._edit(
            "Edit note",
            None if placed.note.on_story else placed.quote,
            placed,
            lambda text, draft: notes.update(placed.note.id, text, draft=draft),
        )

    def _confirm_delete(self, note_id: int) -> None:
        from retold.tui.screens.confirm import Confirm

        def done(yes: bool | None) -> None:
            if yes:
                self._save(lambda: self.notes.delete(note_id))
                self.notify("Note deleted.", timeout=3)

        self.app.push_screen(Confirm("Delete this note? It cannot be undone."), done)
