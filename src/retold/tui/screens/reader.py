"""The reader: outlet panes side by side, cursor, jumps and synced scrolling.

The screen only presents a finished Alignment; it never recomputes alignment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from retold.model.safe import printable
from retold.model.story import Alignment, Outlet
from retold.notes.service import StoryNotes
from retold.notes.store import NotesUnavailable, NoteStore
from retold.tui.sync import follower_row
from retold.model.search import SearchResult, search
from retold.tui.widgets.outlet_pane import GLYPH, NOTE_MARK, OutletPane
from retold.tui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from retold.tui.screens.note_editor import EditorResult

MIN_PANE_WIDTH = 40  # columns: below this a pane is too narrow to read

# Longer words for the help screen, by binding id (the footer keeps the short ones).
HELP_TEXT = {
    "cursor_down": "next sentence",
    "cursor_up": "previous sentence",
    "cursor_first": "first sentence",
    "cursor_last": "last sentence",
    "page_down": "a screen further",
    "page_up": "a screen back",
    "focus_next": "focus the next outlet's pane",
    "focus_previous": "focus the previous outlet's pane",
    "counterpart_next": "jump to this sentence in the next outlet that has it",
    "counterpart_previous": "jump to this sentence in the previous outlet that has it",
    "change_next": "next altered or unique sentence in this outlet",
    "change_previous": "previous altered or unique sentence in this outlet",
    "outlets_right": "show the next outlet when not all fit",
    "outlets_left": "show the previous outlet when not all fit",
    "toggle_sync": "scroll sync on / off",
    "toggle_diff": "mark the words an altered sentence changed, against the reference outlet (R) or the closest counterpart; ⟲ rewritten: too different to mark",
    "copy_sentence": "copy the cursor sentence, with the outlet's name and url, to the clipboard",
    "filter": "show only changes (altered + unique), then only unique, then everything; hidden runs fold to one line",
    "reference": "make this outlet the reference the words of the others are compared with (again: back to the closest)",
    "toggle_removed": "show the removed site furniture, greyed, where it stood",
    "note": "write a note on this sentence",
    "story_note": "write a note on the whole story",
    "notes": "list this story's notes",
    "overview": "the whole story at a glance: coverage map, overlap matrix, outlets (enter jumps)",
    "outlet_info": "this outlet's url, file, date, language, full headline, byline and counts",
    "help": "this help",
    "quit": "quit",
}


class PaneHeader(Widget):
    """Outlet name, counts and headline. Focus is shown by repainting, never by a layout pass."""

    DEFAULT_CSS = """
    PaneHeader {
        height: 3;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        background: $panel;
        border-bottom: solid $primary 40%;
    }
    """

    def __init__(self, outlet: Outlet) -> None:
        super().__init__()
        self.outlet = outlet
        self.focused = False
        self.note = ""  # e.g. "reference" or "vs Meridian Press" when `d` compares words

    def set_note(self, note: str) -> None:
        if note != self.note:
            self.note = note
            self.refresh()

    def set_focused(self, focused: bool) -> None:
        if focused != self.focused:
            self.focused = focused
            self.refresh()

    def render(self) -> Text:
        counts = self.outlet.counts()
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append("▶ " if self.focused else "  ", "bold")
        line.append(printable(self.outlet.name), "bold reverse" if self.focused else "bold")
        line.append("  ")
        for status in ("shared", "altered", "unique"):
            line.append(f"{GLYPH[status]}{counts[status]} ")
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

    DEFAULT_CSS = "TextLine { height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text()

    def set(self, text: Text) -> None:
        self.text = text
        self.refresh()

    def render(self) -> Text:
        return self.text


class ReaderScreen(Screen):
    """Every outlet of one story, side by side."""

    BINDINGS = [
        Binding("j,down", "cursor(1)", "Next", id="cursor_down", show=False),
        Binding("k,up", "cursor(-1)", "Previous", id="cursor_up", show=False),
        Binding("g,home", "cursor_edge(0)", "First", id="cursor_first", show=False),
        Binding("G,end", "cursor_edge(-1)", "Last", id="cursor_last", show=False),
        Binding("pagedown", "cursor_page(1)", "Page down", id="page_down", show=False),
        Binding("pageup", "cursor_page(-1)", "Page up", id="page_up", show=False),
        Binding("tab", "focus_outlet(1)", "Next outlet", id="focus_next", show=False),
        Binding("shift+tab", "focus_outlet(-1)", "Previous outlet", id="focus_previous", show=False),
        Binding("right_square_bracket", "counterpart(1)", "Same in next", id="counterpart_next"),
        Binding("left_square_bracket", "counterpart(-1)", "Same in previous", id="counterpart_previous", show=False),
        # While a search is active n / p step through its matches (check_action), else through changes.
        Binding("n", "match(1)", "Next match", id="match_next"),
        Binding("p", "match(-1)", "Previous match", id="match_previous", show=False),
        Binding("n", "change(1)", "Next change", id="change_next"),
        Binding("p", "change(-1)", "Previous change", id="change_previous", show=False),
        Binding("slash", "search", "Search", id="search"),
        Binding("escape", "clear_search", "End search", id="search_end"),
        Binding("greater_than_sign,full_stop", "shift_outlets(1)", "More outlets", id="outlets_right", show=False),
        Binding("less_than_sign,comma", "shift_outlets(-1)", "Earlier outlets", id="outlets_left", show=False),
        Binding("s", "toggle_sync", "Sync", id="toggle_sync"),
        Binding("d", "toggle_diff", "Diff", id="toggle_diff"),
        Binding("R", "reference", "Reference", id="reference"),
        Binding("f", "filter", "Filter", id="filter"),
        Binding("y", "copy_sentence", "Copy", id="copy_sentence"),
        Binding("r", "toggle_removed", "Furniture", id="toggle_removed"),
        Binding("m", "note", "Note", id="note"),
        Binding("M", "story_note", "Story note", id="story_note", show=False),
        Binding("N", "notes", "Notes", id="notes"),
        Binding("o", "overview", "Overview", id="overview"),
        Binding("i", "outlet_info", "Outlet info", id="outlet_info"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    DEFAULT_CSS = """
    ReaderScreen { layout: vertical; }
    #panes { height: 1fr; }
    .column { width: 1fr; height: 1fr; border-right: vkey $primary 30%; }
    .column:last-of-type { border-right: none; }
    #status { height: 1; background: $primary 30%; padding: 0 1; }
    #legend { height: 1; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, alignment: Alignment) -> None:
        super().__init__()
        self.alignment = alignment
        self.sync_enabled = True
        self.show_diff = False
        self.show_removed = False
        self.first_visible = 0
        self.visible_count = len(alignment.outlets)
        self.focused_index = 0
        self.notes: StoryNotes | None = None
        self._last_sync: tuple[str | None, int] | None = None  # (leader pane, its scroll) at the last sync
        self.notes_problem: str | None = None
        self._ready = False
        self.reference: int | None = None  # outlet number `d` compares with (R)
        self.filter_mode: str | None = None  # f: None, "changes" (altered + unique) or "unique"
        self.search_result: SearchResult | None = None
        self.match_index: int | None = None  # the match the cursor was last sent to
        self._match_spans: dict[int, dict[int, list[tuple[int, int]]]] = {}  # outlet -> sentence -> spans

    # ---------------------------------------------------------------- composition

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            for number, outlet in enumerate(self.alignment.outlets):
                with Vertical(classes="column", id=f"column-{number}"):
                    yield PaneHeader(outlet)
                    yield OutletPane(self.alignment, outlet, id=f"pane-{number}")
        yield SearchBar()
        yield TextLine(id="status")
        yield TextLine(id="legend")
        yield Footer()

    @property
    def panes(self) -> list[OutletPane]:
        return list(self.query(OutletPane))

    def pane(self, number: int) -> OutletPane:
        return self.query_one(f"#pane-{number}", OutletPane)

    @property
    def focused_pane(self) -> OutletPane:
        return self.pane(self.focused_index)

    def visible_numbers(self) -> list[int]:
        return list(range(self.first_visible, self.first_visible + self.visible_count))

    def on_mount(self) -> None:
        legend = Text(no_wrap=True, overflow="ellipsis")
        legend.append(f"{GLYPH['shared']} shared   ")
        legend.append(f"{GLYPH['altered']} altered", "italic")
        legend.append("   ")
        legend.append(f"{GLYPH['unique']} unique", "bold")
        legend.append(f"   {NOTE_MARK} note   ┆ removed furniture (r)   ? help")
        self.query_one("#legend", TextLine).set(legend)
        self._fit_panes(self.size.width)
        self._open_notes()
        self.focused_pane.focus()
        self._ready = True
        self.call_after_refresh(self._after_cursor_move, self.focused_pane)

    def on_resize(self, event) -> None:
        self._fit_panes(event.size.width)

    def _fit_panes(self, width: int) -> None:
        total = len(self.alignment.outlets)
        count = max(1, min(total, width // MIN_PANE_WIDTH))
        self.visible_count = count
        self._show_window(self.first_visible)

    def _show_window(self, first: int) -> None:
        total = len(self.alignment.outlets)
        self.first_visible = max(0, min(first, total - self.visible_count))
        visible = set(self.visible_numbers())
        for number in range(total):
            self.query_one(f"#column-{number}").display = number in visible
        if self.focused_index not in visible:
            self.focused_index = self.first_visible
            if self._ready:
                self.focused_pane.focus()
        self._assign_diff_partners()
        self._update_status()

    def _ensure_visible(self, number: int) -> None:
        if number < self.first_visible:
            self._show_window(number)
        elif number >= self.first_visible + self.visible_count:
            self._show_window(number - self.visible_count + 1)

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
        for number, header in enumerate(self.query(PaneHeader)):
            note = ""
            if number == self.reference:
                note = "reference"
            elif self.show_diff:
                note = "vs " + (self.alignment.outlets[self.reference].name if self.reference is not None else "closest")
            header.set_note(note)

    # ---------------------------------------------------------------- alignment lookups

    def mapping(self, a: int, b: int) -> list[int | None]:
        """Counterpart in outlet number b of every sentence of outlet number a."""
        outlets = self.alignment.outlets
        return self.alignment.counterparts(outlets[a].id, outlets[b].id)

    # ---------------------------------------------------------------- events

    @on(OutletPane.Scrolled)
    def _pane_scrolled(self, event: OutletPane.Scrolled) -> None:
        pane = event.pane
        # The leader's own cursor scrolling was synced in the same frame already.
        if pane is self.focused_pane and pane.has_focus and self._last_sync != (pane.id, int(pane.scroll_y)):
            self.sync_panes(pane)

    def on_descendant_focus(self, event) -> None:
        widget = event.widget
        if isinstance(widget, OutletPane):
            number = int(widget.id.split("-")[1])
            for header in self.query(PaneHeader):
                header.set_focused(header.outlet is widget.outlet)
            self.focused_index = number
            self._after_cursor_move(widget)

    def move(self, pane: OutletPane, index: int) -> None:
        """Move a pane's cursor and bring the others level in the same frame."""
        pane.move_cursor(index)
        self._after_cursor_move(pane)

    def _after_cursor_move(self, pane: OutletPane) -> None:
        leader = int(pane.id.split("-")[1])
        for number in range(len(self.alignment.outlets)):
            if number != leader and pane.outlet.sentences:
                self.pane(number).counterpart = self.mapping(leader, number)[pane.cursor]
        pane.counterpart = None
        self.sync_panes(pane)
        self._update_status()

    def sync_panes(self, leader: OutletPane) -> None:
        """Scroll every other visible pane so the leader's passage stands level in it."""
        if not self.sync_enabled or not leader.outlet.sentences:
            return
        layout = leader.text_layout()
        top = int(leader.scroll_y)
        height = leader.scrollable_content_region.height
        first, count = leader.cursor_rows()
        if top <= first < top + height:
            anchor, offset = leader.cursor, 0
        else:  # the cursor is off screen (wheel scrolling): anchor on the middle row
            middle = top + height // 2
            anchor = leader.sentence_at_row(middle)
            offset = max(0, middle - layout.first_row[anchor])
        self._last_sync = (leader.id, int(leader.scroll_y))
        screen_row = layout.first_row[anchor] + offset - top
        leader_number = int(leader.id.split("-")[1])
        targets: list[tuple[OutletPane, float]] = []
        for number in self.visible_numbers():
            pane = self.pane(number)
            if number == leader_number or not pane.outlet.sentences:
                continue
            other = pane.text_layout()
            outlets = self.alignment.outlets
            spans = self.alignment.counterpart_spans(outlets[leader_number].id, outlets[number].id)
            row = offset + follower_row(anchor, layout.first_row, layout.row_count, other.first_row, other.row_count, spans.__getitem__, len(layout.rows), len(other.rows))
            targets.append((pane, row))
        # A counterpart nearer the top of its article than the anchor is to the top of the
        # screen cannot scroll down to it: move the leader up instead, if the anchor stays
        # visible. At the very top, a row or two of mismatch is better than hiding the first
        # line of the article the reader is looking at.
        deficit = max((screen_row - row for _, row in targets), default=0)
        if deficit > 2 or (deficit > 0 and top > 0):
            shift = min(round(deficit), screen_row, int(leader.max_scroll_y) - top)
            if shift > 0:
                leader.scroll_to(y=top + shift, animate=False, immediate=True)
                screen_row -= shift
                self._last_sync = (leader.id, int(leader.scroll_y))
        with self.app.batch_update():
            for pane, row in targets:
                pane.scroll_to(y=max(0, round(row - screen_row)), animate=False, immediate=True)

    def _update_status(self) -> None:
        if not self.is_mounted:
            return
        status = self.query_one("#status", TextLine)
        pane = self.focused_pane
        outlet = pane.outlet
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(printable(outlet.name), "bold")
        if outlet.sentences:
            sentence = outlet.sentences[pane.cursor]
            others = len(self.alignment.outlets) - 1
            found = 0 if sentence.group is None else len(self.alignment.groups[sentence.group].members) - 1
            text.append(f" │ sentence {pane.cursor + 1}/{len(outlet.sentences)} │ ")
            text.append(sentence.status, {"altered": "italic", "unique": "bold"}.get(sentence.status, ""))
            text.append(f" │ in {found} of {others} others")
            if self.notes is not None and self.notes.on_sentence(outlet.id, pane.cursor) is not None:
                text.append(f" │ {NOTE_MARK} note", "bold")
        else:
            text.append(" │ no sentences")
        total = len(self.alignment.outlets)
        if self.notes_problem:
            text.append(" │ notes unavailable", "bold")
        if self.search_result is not None:
            where = f"{self.match_index + 1}/" if self.match_index is not None else ""
            text.append(f" │ /{printable(self.search_result.query)} {where}{len(self.search_result)} matches")
        if not self.sync_enabled:
            text.append(" │ sync off")
        if self.show_diff:
            text.append(" │ diff")
        if self.show_removed:
            text.append(" │ furniture")
        if self.filter_mode:
            text.append(" │ only " + ("changes" if self.filter_mode == "changes" else "unique"), "bold")
        if self.visible_count < total:
            text.append(f" │ outlets {self.first_visible + 1}-{self.first_visible + self.visible_count}/{total} <>")
        status.set(text)

    # ---------------------------------------------------------------- actions

    def action_cursor(self, step: int) -> None:
        pane = self.focused_pane
        self.move(pane, pane.next_shown(pane.cursor, step) if self.filter_mode else pane.cursor + step)

    def action_cursor_edge(self, where: int) -> None:
        pane = self.focused_pane
        self.move(pane, 0 if where == 0 else len(pane.outlet.sentences) - 1)

    def action_cursor_page(self, direction: int) -> None:
        pane = self.focused_pane
        height = pane.scrollable_content_region.height
        first, _ = pane.cursor_rows()
        target = pane.sentence_at_row(max(0, first + direction * max(1, height - 2)))
        if target is not None:
            self.move(pane, target if target != pane.cursor else pane.cursor + direction)

    def action_focus_outlet(self, step: int) -> None:
        number = (self.focused_index + step) % len(self.alignment.outlets)
        self.focus_outlet(number)

    def focus_outlet(self, number: int) -> None:
        self._ensure_visible(number)
        self.focused_index = number
        self.pane(number).focus()

    def action_counterpart(self, step: int) -> None:
        pane = self.focused_pane
        if not pane.outlet.sentences:
            return
        total = len(self.alignment.outlets)
        for distance in range(1, total):
            number = (self.focused_index + step * distance) % total
            target = self.mapping(self.focused_index, number)[pane.cursor]
            if target is not None:
                self.focus_outlet(number)
                self.move(self.pane(number), target)
                return
        self.notify("No other outlet has this sentence.", severity="warning", timeout=3)

    def action_change(self, step: int) -> None:
        pane = self.focused_pane
        sentences = pane.outlet.sentences
        index = pane.cursor + step
        while 0 <= index < len(sentences):
            if sentences[index].status != "shared":
                self.move(pane, index)
                return
            index += step
        self.notify("No further altered or unique sentence in this outlet.", timeout=3)

    def action_shift_outlets(self, step: int) -> None:
        self._show_window(self.first_visible + step)
        self.call_after_refresh(self.sync_panes, self.focused_pane)

    def action_toggle_sync(self) -> None:
        self.sync_enabled = not self.sync_enabled
        if self.sync_enabled:
            self.sync_panes(self.focused_pane)
        self._update_status()

    def _relayout(self) -> None:
        for pane in self.panes:
            pane.show_diff, pane.show_removed = self.show_diff, self.show_removed
            pane.invalidate()
        leader = self.focused_pane
        leader.scroll_cursor_into_view()
        self.sync_panes(leader)
        self._update_status()

    def action_toggle_diff(self) -> None:
        self.show_diff = not self.show_diff
        self._relayout()
        self._update_header_notes()

    FILTERS = (None, "changes", "unique")

    def action_filter(self) -> None:
        """f: only changes, only unique, everything. A cursor on a now hidden sentence moves to
        the nearest shown one; the panes stay level through the fold markers."""
        self.filter_mode = self.FILTERS[(self.FILTERS.index(self.filter_mode) + 1) % len(self.FILTERS)]
        for pane in self.panes:
            pane.filter = self.filter_mode
        pane = self.focused_pane
        if pane.outlet.sentences and pane.hides(pane.cursor):
            target = pane.next_shown(pane.cursor, 1)
            if target == pane.cursor:
                target = pane.next_shown(pane.cursor, -1)
            pane.cursor = target
        self._relayout()

    def action_copy_sentence(self) -> None:
        """y: the cursor sentence, then a line naming the outlet and its url. Each part goes
        through printable(): no control or escape character reaches the clipboard sequence."""
        pane = self.focused_pane
        if not pane.outlet.sentences:
            return
        outlet = pane.outlet
        source = printable(outlet.name) + (f", {printable(outlet.meta.url)}" if outlet.meta.url else "")
        self.app.copy_to_clipboard(f"{printable(outlet.sentences[pane.cursor].text)}\n— {source}")
        self.notify(f"Copied sentence {pane.cursor + 1} of {printable(outlet.name)}.", timeout=3, markup=False)

    def action_reference(self) -> None:
        """R: compare words against the focused outlet (again: back to the closest counterpart)."""
        self.reference = None if self.reference == self.focused_index else self.focused_index
        self._assign_diff_partners()
        if not self.show_diff:
            self.action_toggle_diff()
        name = self.alignment.outlets[self.reference].name if self.reference is not None else None
        self.notify(
            f"Words compared with {printable(name)}." if name else "Words compared with the closest counterpart.",
            timeout=3, markup=False,
        )

    def action_toggle_removed(self) -> None:
        self.show_removed = not self.show_removed
        self._relayout()

    # ---------------------------------------------------------------- search (/)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("match", "clear_search"):
            return self.search_result is not None  # else n / p fall through to changes
        return True

    def action_search(self) -> None:
        self.query_one(SearchBar).open(self.search_result.query if self.search_result else "")

    @on(SearchBar.Submitted)
    def _search_submitted(self, event: SearchBar.Submitted) -> None:
        event.stop()
        event.input.display = False
        self.focused_pane.focus()
        self.run_search(event.value)

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        self.focused_pane.focus()

    def run_search(self, query: str) -> None:
        """Search every outlet, mark the matches and go to the first one from the cursor on."""
        result = search(self.alignment, query)
        self.match_index = None
        if not result.matches:
            self.search_result = None
            self._show_matches()
            if query.strip():
                self.notify(f"No match for “{printable(query)}” in any outlet.", timeout=4, markup=False)
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
            if (match.outlet, match.sentence) != (self.focused_index, self.focused_pane.cursor):
                current = None  # the cursor moved away: step from where it stands now
        index = result.step(self.focused_index, self.focused_pane.cursor, step, current)
        if index is None:
            return
        self.match_index = index
        match = result.matches[index]
        self.jump_to(self.alignment.outlets[match.outlet].id, match.sentence)
        self._show_matches()

    def action_clear_search(self) -> None:
        self.search_result = None
        self.match_index = None
        self._show_matches()
        self.refresh_bindings()

    def _show_matches(self) -> None:
        result = self.search_result
        current = result.matches[self.match_index] if result is not None and self.match_index is not None else None
        for number, pane in enumerate(self.panes):
            spans = self._match_spans.get(number, {}) if result is not None else {}
            here = (current.sentence, current.start, current.end) if current is not None and current.outlet == number else None
            pane.set_matches(spans, here)
        self._update_status()

    def action_overview(self) -> None:
        from retold.tui.screens.overview import OverviewScreen

        def done(choice: tuple[str, int] | None) -> None:
            if choice is not None:
                self.jump_to(*choice)

        start = (self.focused_index, self.focused_pane.cursor)
        # Composed once and kept: reopening only moves its cursor, so `o` stays instant.
        if not self.app.is_screen_installed("overview"):
            self.app.install_screen(OverviewScreen(self.alignment, start), "overview")
        else:
            self.app.get_screen("overview").start = start
        self.app.push_screen("overview", done)

    def action_outlet_info(self) -> None:
        from retold.tui.screens.outlet_info import OutletInfo

        self.app.push_screen(OutletInfo(self.focused_pane.outlet))

    def jump_to(self, outlet_id: str, index: int) -> None:
        """Focus an outlet's pane and put its cursor on a sentence; the others follow."""
        number = next(n for n, o in enumerate(self.alignment.outlets) if o.id == outlet_id)
        self.focus_outlet(number)
        self.move(self.pane(number), index)

    def action_help(self) -> None:
        from retold.tui.screens.help import HelpScreen

        from retold.tui.keymap import screen_actions

        keys = [(",".join(a.keys), HELP_TEXT.get(a.id or "", a.description), a.id or "") for a in screen_actions(self)]
        self.app.push_screen(HelpScreen(keys, str(getattr(self.app, "keymap_file", "") or "")))

    # ---------------------------------------------------------------- notes

    def _open_notes(self) -> None:
        try:
            store = NoteStore.open()
        except NotesUnavailable as exc:
            self.notes_problem = str(exc)
            self.notify(f"Notes are unavailable: {exc}", severity="warning", timeout=10)
            return
        if store.notice:
            self.notify(store.notice, severity="warning", timeout=15)
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
            self.notify(f"Notes are unavailable: {self.notes_problem}", severity="error", timeout=8)
        return self.notes

    def _save(self, write) -> bool:
        """Run a note write; a failure is reported and the reader keeps running."""
        try:
            write()
        except Exception as exc:  # NotesUnavailable, OSError, sqlite3 errors
            self.notify(f"The note could not be saved: {exc}", severity="error", timeout=15)
            return False
        finally:
            self._refresh_note_marks()
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
        outlet_id, index = pane.outlet.id, pane.cursor
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
                self.focus_outlet(number)
                self.move(self.pane(number), placed.anchor.sentence)
            elif action == "delete":
                self._confirm_delete(note_id)
            elif action == "reattach":
                if placed.note.on_story or not pane.outlet.sentences:
                    return
                self._save(lambda: notes.reattach(note_id, pane.outlet.id, pane.cursor))
                self.notify(f"Note re-attached to {here}.", timeout=4)
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
