"""The reader: outlet panes side by side, cursor, jumps and synced scrolling.

The screen only presents a finished Alignment; it never recomputes alignment, and it does
no navigation arithmetic: every key becomes a call on the navigation model
(`retold.tui.state.ReaderState`), and `apply` puts the resulting state on the widgets in
one batch. To add a navigation key: a ReaderState method (tested there), then an action
here that calls `self.navigate(ReaderState.method, ...)`.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

from retold.model.search import SearchResult
from retold.model.sources import quote_marks_for
from retold.model.story import Alignment
from retold.notes.places import Place, load_place, save_place, sentence_again
from retold.notes.service import StoryNotes, source_key
from retold.tui.notes_workflow import NotesWorkflow
from retold.tui.reader_bindings import READER_BINDINGS
from retold.tui.search_workflow import ReaderSearch
from retold.tui.view_actions import ViewActions
from retold.tui.messages import Navigate, PaneClicked, PaneScrolled
from retold.tui.state import Arrangement, PaneLayout, ReaderState, ViewModes
from retold.tui.status_line import legend_line, status_line
from retold.tui.textual_compat import OneLayoutScreen, hide_toast_rack_inline
from retold.tui.widgets.key_bar import KeyBar
from retold.tui.widgets.outlet_pane import OutletPane
from retold.tui.widgets.pane_header import PaneHeader, RowDates, copy_badge
from retold.tui.widgets.pane_row import PaneRow
from retold.tui.widgets.search_bar import SearchBar
from retold.tui.widgets.text_line import TextLine

MIN_PANE_WIDTH = 40  # columns: below this a pane is too narrow to read
SCREEN_ROWS_BESIDE_PANES = 6  # pane header (3), status, legend and key bar

class ReaderScreen(OneLayoutScreen):
    """Every outlet of one story, side by side. The keys that move a pane's cursor are the
    pane's own (OutletPane.BINDINGS); the ones that move between panes are here."""

    BINDINGS = READER_BINDINGS  # tui/reader_bindings.py: the key bar shows them in this order

    # Screen.focused repaints the whole screen when the focus moves (a full-screen render,
    # ~15 ms at 160x45); here the panes and headers that the focus changes repaint themselves.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, alignment: Alignment, arrangement: Arrangement | None = None) -> None:
        """`arrangement`: `arrange(alignment)` if the caller computed it (the loading thread does)."""
        super().__init__()
        # Panes lead with the differences (ReaderState.open): from here on, outlet numbers are
        # positions in that order, and `self.alignment` is the alignment in that order.
        self.state = ReaderState.open(alignment, len(alignment.outlets), arrangement=arrangement)
        self.alignment = self.state.alignment
        self.modes = ViewModes()  # d, r, R, f and / (see the properties below)
        self.notes_workflow = NotesWorkflow(self)
        self._focus_requests = []
        self.searching = ReaderSearch(self)
        self.views = ViewActions(self)

    # ---------------------------------------------------------------- view modes
    # One frozen ViewModes value (replaced whole by the view actions and the search); read here.

    @property
    def show_diff(self) -> bool:
        return self.modes.diff

    @property
    def show_removed(self) -> bool:
        return self.modes.removed

    @property
    def reference(self) -> int | None:
        """The outlet number `d` compares with (R); None: the closest counterpart."""
        return self.modes.reference

    @property
    def filter_mode(self) -> str | None:
        """f: None, "changes" (altered + unique) or "unique"."""
        return self.modes.filter

    @property
    def search_result(self) -> SearchResult | None:
        return self.searching.result

    @property
    def match_index(self) -> int | None:
        """The match the cursor was last sent to."""
        return self.modes.match_index

    # ---------------------------------------------------------------- composition

    def compose(self) -> ComposeResult:
        # Kept by number: a key touches several of them, and a DOM query per look-up cost
        # milliseconds a key with 20 outlets.
        self.headers = [PaneHeader(outlet, copy_badge(self.state.arrangement, self.alignment, outlet)) for outlet in self.alignment.outlets]
        row_dates = RowDates(self.headers)  # one UTC mark across the row
        for header in self.headers:
            header.row_dates = row_dates
        self._panes = [
            OutletPane(self.alignment, outlet, number, id=f"pane-{number}")
            for number, outlet in enumerate(self.alignment.outlets)
        ]
        self._status = TextLine(id="status")
        # The first window's columns are whole on the first frame; the others are filled after it.
        self._row = PaneRow(self.headers, self._panes, range(self._panes_that_fit(self.app.size.width)))
        yield self._row
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
        """`count` columns filling the screen (only a resize calls this; see PaneRow.size_columns)."""
        self._sized_for = (self.size, count)
        self._row.size_columns(self.size.width, self.size.height - SCREEN_ROWS_BESIDE_PANES, count)

    @property
    def layouts_warm(self) -> bool:
        """Every pane wrapped at the current size (PaneRow.warm_layouts)."""
        return self._row.layouts_warm

    def warm_layouts(self) -> None:
        self._row.warm_layouts()

    def navigate(self, method: Callable[..., ReaderState], *args) -> ReaderState:
        """Run a ReaderState action with the panes' layouts and apply the result."""
        new = method(self.state, *args, self.layouts)
        self.apply(new)
        return new

    def apply(self, new: ReaderState) -> None:
        """Put a navigation state on the widgets: window, cursors, highlights, scroll tops."""
        old, self.state = self.state, new
        self._row.mount_rest(new.visible)  # a window reaching past the first one, before the rest were mounted
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
                for number, header in enumerate(self.headers):
                    header.set_focused(number == new.focused)
                pane = self.pane(new.focused)
                if not pane.has_focus and self.app.screen is self:
                    # Textual moves the focus later: until then this is our own request, not
                    # the user's (a second tab typed ahead must not be undone by it).
                    self._focus_requests = [*self._focus_requests[-7:], new.focused]
                    pane.focus(scroll_visible=False)
            self._shown = True
            self.update_status()

    _shown = False
    _fitted_to = None  # (screen size, panes that fit) the state was last settled for
    _focus_requests: list[int]  # panes `apply` gave the focus to, not yet focused by Textual
    _sized_for = None
    _window_shown = None  # (first_visible, visible_count, column width) the row was scrolled for

    def resettle(self) -> None:
        """Recompute every pane's place from the state (after a layout or display change)."""
        self.apply(self.state.settle(self.layouts))

    def _column_width(self) -> int:
        return max(1, self.size.width // self.state.visible_count)

    def _show_window(self) -> None:
        state = self.state
        self._window_shown = (state.first_visible, state.visible_count, self._column_width())
        self._row.show_window(state.first_visible, self._column_width(), state.visible)
        self.views.assign_diff_partners()

    # ---------------------------------------------------------------- events

    def on_mount(self) -> None:
        hide_toast_rack_inline(self)  # before the first layout pass, not after the first frame
        self.query_one("#legend", SearchBar).set(legend_line())
        self.state = ReaderState.start(
            self.alignment,
            self._panes_that_fit(self.size.width),
            folded=self.state.folded,
            arrangement=self.state.arrangement,
        )
        self.notes_workflow.open()
        self._fitted_to = (self.size, self._panes_that_fit(self.size.width))
        self._size_panes(self.state.visible_count)
        self.apply(self.state.settle(self.layouts))
        # Once the screen is up and Textual has given the focus (a pane focused before then loses it to the first).
        self.call_after_refresh(self._reopen_where_left)
        # The panes outside the window once the first frame is out (a key before then mounts them first).
        self.call_after_refresh(lambda: self.set_timer(0.02, self._row.mount_rest))

    def _reopen_where_left(self) -> None:
        """The story reopens where the reader left it: the same outlet focused, its cursor on
        the same sentence (found by its text if the outlet changed), the others level with it.
        Not once the reader has moved (a key typed ahead of the first frame wins)."""
        if not self.state.at_open or self.state.focused != 0:
            return
        try:
            place = load_place(self.alignment.story_key)
        except Exception:  # noqa: BLE001 - a place is a convenience: without one the story opens at its start
            return
        number = next((n for n, o in enumerate(self.alignment.outlets) if place and source_key(o) == place.source), None)
        if number is None or not self.alignment.outlets[number].sentences:
            return
        index = sentence_again([s.text for s in self.alignment.outlets[number].sentences], place)
        if (number, index) != (0, 0):
            self.go_to(number, index)

    def on_unmount(self) -> None:
        """Leaving the story: remember where the reader was (`_where_left`)."""
        number = self.state.focused
        outlet = self.alignment.outlets[number]
        if not outlet.sentences:
            return
        index = min(self.state.cursors[number], len(outlet.sentences) - 1)
        try:
            save_place(self.alignment.story_key, Place(source_key(outlet), index, outlet.sentences[index].text))
        except Exception:  # noqa: BLE001 - a full disk or a read-only folder costs the place, never the exit
            pass

    def _panes_that_fit(self, width: int) -> int:
        return max(1, min(len(self.alignment.outlets), width // MIN_PANE_WIDTH))

    def on_resize(self, event) -> None:
        if not self._shown:
            return
        count = self._panes_that_fit(event.size.width)
        if self._fitted_to == (self.size, count):
            return  # settled at this size already (Textual sends a new screen its one size two or three times)
        self._fitted_to = (self.size, count)
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
        if not isinstance(widget, OutletPane):
            return
        if widget.number in self._focus_requests:  # the focus `apply` asked for, arriving late
            del self._focus_requests[: self._focus_requests.index(widget.number) + 1]
            if widget.number != self.state.focused:  # keys typed ahead moved on: follow them
                self.focused_pane.focus(scroll_visible=False)
            return
        if widget.number != self.state.focused:
            self.navigate(ReaderState.focus, widget.number)  # focused some other way (the mouse)

    def on_screen_resume(self) -> None:
        pane = self.focused_pane
        if not pane.has_focus:
            pane.focus(scroll_visible=False)

    def update_status(self) -> None:
        # The status line's own mount, not the screen's: the screen counts as mounted only once
        # its on_mount is over, and a status set from there is the first frame's (it was left
        # empty until a Resize event came after that frame).
        status = getattr(self, "_status", None)
        if status is None or not status.is_mounted:
            return
        state = self.state
        outlet = self.alignment.outlets[state.focused]
        noted = bool(outlet.sentences) and self.notes is not None and self.notes.on_sentence(outlet.id, state.cursor) is not None
        quote = quote_marks_for(self.alignment).get((outlet.id, state.cursor))  # how its quote differs elsewhere
        self._status.set(status_line(state, self.modes, self.size.width, noted=noted, notes_problem=self.notes_problem, quote=quote))

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

    # ---------------------------------------------------------------- view actions (tui/view_actions.py)

    def action_toggle_diff(self) -> None:
        self.views.toggle_diff()

    def action_toggle_removed(self) -> None:
        self.views.toggle_removed()

    def action_reference(self) -> None:
        self.views.reference()

    def action_filter(self) -> None:
        self.views.next_filter()

    def action_filter_off(self) -> None:
        self.views.filter_off()

    def action_copy_sentence(self) -> None:
        self.views.copy_sentence()

    def action_export(self) -> None:
        self.views.export_page()

    def action_overview(self) -> None:
        self.views.overview()

    def action_outlet_info(self) -> None:
        self.views.outlet_info()

    def action_help(self) -> None:
        from retold.tui.screens.help import show_help

        # Keys that only work in a mode (n / p / escape while a search is on) are listed too:
        # their descriptions say when they work.
        show_help(self, include_disabled=True)

    # ---------------------------------------------------------------- jumps by outlet id, search (tui/search_workflow.py)

    def jump_to(self, outlet_id: str, index: int) -> None:
        """Focus an outlet's pane with its cursor on a sentence; the others follow."""
        self.go_to(self.number_of(outlet_id), index)

    def number_of(self, outlet_id: str) -> int:
        """The pane number (position in the pane order) of an outlet."""
        return next(n for n, o in enumerate(self.alignment.outlets) if o.id == outlet_id)

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
        self.searching.run(query)

    def action_match(self, step: int) -> None:
        self.searching.step(step)

    def action_clear_search(self) -> None:
        self.searching.clear()

    # ---------------------------------------------------------------- notes (tui/notes_workflow.py)

    @property
    def notes(self) -> StoryNotes | None:
        return self.notes_workflow.notes

    @property
    def notes_problem(self) -> str | None:
        return self.notes_workflow.problem

    def action_note(self) -> None:
        self.notes_workflow.note_on_cursor()

    def action_story_note(self) -> None:
        self.notes_workflow.note_on_story()

    def action_notes(self) -> None:
        self.notes_workflow.list_notes()
