"""Every use of Textual's private API, in one place (Textual 8.2.8, pinned in pyproject.toml).

Each of these reads or sets something Textual does not promise to keep. They are wrapped here
so that an upgrade has one file to check, and tests/tui/test_textual_compat.py fails loudly,
naming the attribute, when one of them has moved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

TESTED_WITH = "8.2.8"

# (owner, attribute) pairs this module relies on; the compat test checks each still exists.
PRIVATE_NAMES = (
    (Screen, "_modal_binding_chain"),
    ("App", "_check_action_state"),
    ("App", "_start_widget"),
    (Widget, "_vertical_scrollbar"),
)


def binding_chain(screen: Screen) -> Iterable[tuple[DOMNode, list[tuple[str, Binding]]]]:
    """The focused widget's chain of (node, [(key, binding)]) up to the screen and the app:
    what the key bar and `?` list (Screen._modal_binding_chain)."""
    for node, bindings in screen._modal_binding_chain:
        yield node, list(bindings)


def action_disabled(screen: Screen, action: str, node: DOMNode) -> bool:
    """Whether `check_action` switches the action off for now (App._check_action_state)."""
    return screen.app._check_action_state(action, node) is False


def own_vertical_scrollbar(widget: Widget, make: Callable[[], Widget]) -> Widget:
    """`widget`'s vertical scrollbar, made by `make` the first time, as Widget.vertical_scrollbar
    makes Textual's own (Widget._vertical_scrollbar, App._start_widget)."""
    if widget._vertical_scrollbar is None:
        bar = make()
        widget._vertical_scrollbar = bar
        widget.app._start_widget(widget, bar)
    return widget._vertical_scrollbar
