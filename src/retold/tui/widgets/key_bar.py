"""KeyBar: the footer line of key hints, repainted only when the hints change.

Textual's Footer recomposes (a widget per key, a layout pass) every time the focus moves,
which cost the reader ~0.4 s per `tab` on a 20-outlet story. The panes all offer the same
keys, so here a focus change usually changes nothing and costs a comparison.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget
from retold.tui.textual_compat import virtual_size_without_layout


HELP_ACTIONS = ("help", "app.help")  # the hint that stays when the line is too narrow for all


class KeyBar(Widget):
    """One line: the shown bindings of the focused chain as `key description` pairs, in the
    order they are declared (the most used first); a click on a pair runs its action. A pair
    is shown whole or not at all, and the help key (`?`, which lists every binding) is always
    shown, last: "more keys" when some pairs did not fit."""

    virtual_size = virtual_size_without_layout()  # no layout pass when it changes (textual_compat)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._hints: tuple[tuple[str, str, str, object], ...] = ()
        self._spans: list[tuple[int, int, str, object]] = []  # (start, end, action, namespace)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen) -> None:
        if screen is not self.screen:
            return
        hints = []
        seen = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.show or not active.enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            hints.append((self.app.get_key_display(binding), binding.description, binding.action, active.node))
        hints = tuple(hints)
        if tuple(h[:3] for h in hints) != tuple(h[:3] for h in self._hints):
            self._hints = hints
            self.refresh()

    def fitted(self, width: int) -> list[tuple[str, str, str, object]]:
        """The hints shown in `width` cells, in order: whole pairs while they fit, the help
        pair always (described as "More keys" when a pair was left out)."""
        help_hint = next((h for h in self._hints if h[2].rsplit(".", 1)[-1] == "help"), None)
        others = [h for h in self._hints if h is not help_hint]
        room = width - (_cells(help_hint[0], "More keys") if help_hint else 0)
        shown: list[tuple[str, str, str, object]] = []
        for hint in others:
            cells = _cells(hint[0], hint[1])
            if cells > room:
                break
            shown.append(hint)
            room -= cells
        if help_hint is not None:
            cut = len(shown) < len(others)
            shown.append((help_hint[0], "More keys" if cut else help_hint[1], help_hint[2], help_hint[3]))
        return shown

    _drawn_width: int | None = None  # the width the latest render fitted the hints to

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        self._spans = []
        self._drawn_width = self.size.width
        for key, description, action, node in self.fitted(self.size.width):
            start = len(text)
            text.append(f" {key} ", "bold reverse")
            text.append(f" {description} ")
            self._spans.append((start, len(text), action, node))
            text.append(" ")
        return text

    def on_resize(self) -> None:
        if self.size.width != self._drawn_width:  # (the layout pass that sized it may have drawn it already)
            self.refresh()

    async def on_click(self, event) -> None:
        for start, end, action, node in self._spans:
            if start <= event.x < end:
                await self.app.run_action(action, node)
                return


def _cells(key: str, description: str) -> int:
    """Cells one pair takes: ' key ', ' description ' and the space after it."""
    return cell_len(key) + cell_len(description) + 5
