"""The reader's search (/): every outlet searched, matches marked, n / p step through them.

Kept apart from the reader screen, which forwards its keys here; what is shown (the query,
the count, the current match) lives in the screen's ViewModes.
"""

from __future__ import annotations

from dataclasses import replace

from textual.screen import Screen

from retold.model.safe import printable
from retold.model.search import SearchResult, search


class ReaderSearch:
    """The search on `screen` (the reader: its alignment, panes, state, modes and go_to)."""

    def __init__(self, screen: Screen) -> None:
        self.screen = screen
        self.result: SearchResult | None = None
        self._spans: dict[int, dict[int, list[tuple[int, int]]]] = {}  # outlet -> sentence -> spans

    def _set(self, result: SearchResult | None, match_index: int | None) -> None:
        screen = self.screen
        self.result = result
        screen.modes = replace(
            screen.modes,
            search_query=None if result is None else result.query,
            match_count=0 if result is None else len(result),
            match_index=match_index,
        )

    def run(self, query: str) -> None:
        """Search every outlet, mark the matches and go to the first one from the cursor on."""
        screen = self.screen
        result = search(screen.alignment, query)
        if not result.matches:
            self._set(None, None)
            self.show()
            if query.strip():
                screen.notify(f"No match for “{printable(query)}” in any outlet.", timeout=4, markup=False)
            screen.refresh_bindings()
            return
        self._set(result, None)
        self._spans = {}
        for match in result.matches:
            self._spans.setdefault(match.outlet, {}).setdefault(match.sentence, []).append((match.start, match.end))
        self.step(1)
        screen.refresh_bindings()

    def step(self, step: int) -> None:
        """n / p while searching: the next or previous match, from where the cursor stands."""
        screen, result = self.screen, self.result
        if result is None:
            return
        state = screen.state
        current = screen.modes.match_index
        if current is not None:
            match = result.matches[current]
            if (match.outlet, match.sentence) != (state.focused, state.cursor):
                current = None  # the cursor moved away: step from where it stands now
        index = result.step(state.focused, state.cursor, step, current)
        if index is None:
            return
        screen.modes = replace(screen.modes, match_index=index)
        match = result.matches[index]
        if screen.filter_mode and screen.pane(match.outlet).hides(match.sentence):
            screen.action_filter_off()
        screen.go_to(match.outlet, match.sentence)
        self.show()

    def clear(self) -> None:
        """escape: the search ends, n / p are the change keys again."""
        self._set(None, None)
        self.show()
        self.screen.refresh_bindings()

    def show(self) -> None:
        """Mark the matches (and the current one) in every pane."""
        screen, result = self.screen, self.result
        for pane in screen.panes:
            pane.searching = result is not None
        index = screen.modes.match_index
        current = result.matches[index] if result is not None and index is not None else None
        for number, pane in enumerate(screen.panes):
            spans = self._spans.get(number, {}) if result is not None else {}
            here = (current.sentence, current.start, current.end) if current is not None and current.outlet == number else None
            pane.set_matches(spans, here)
        screen.update_status()
