"""Every action the current screen offers, described from its bindings (the key bar, `?` and
the command palette all read this)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from retold.tui.textual_compat import action_disabled, binding_chain


@dataclass(frozen=True)
class Action:
    """One thing the user can do on the current screen, with every key that does it."""

    binding: Binding
    keys: tuple[str, ...]
    node: DOMNode

    @property
    def name(self) -> str:
        return self.binding.description

    @property
    def description(self) -> str:
        return self.binding.tooltip or self.binding.description

    @property
    def id(self) -> str | None:
        return self.binding.id


def screen_actions(screen: Screen, *, include_disabled: bool = False) -> list[Action]:
    """Every action bound on the screen and its focused widget, keys as the keymap left them,
    in the order the bindings are declared (the screen's own before the app's);
    `include_disabled`: also those a mode switches off for now (the help lists them)."""
    grouped: dict[str, tuple[Binding, list[str], DOMNode]] = {}
    # The focused widget's chain, up to the screen and the app; a binding id listed once, with
    # all its keys (a widget's id-less alias of a key, like the pane's pagedown, is skipped).
    for node, bindings in binding_chain(screen):
        for key, binding in bindings:
            if not binding.description or not binding.id:
                continue
            if not include_disabled and action_disabled(screen, binding.action, node):
                continue
            if binding.id in grouped:
                if grouped[binding.id][2] is node:
                    grouped[binding.id][1].append(key)
            else:
                grouped[binding.id] = (binding, [key], node)
    return [Action(binding, tuple(keys), node) for binding, keys, node in grouped.values()]
