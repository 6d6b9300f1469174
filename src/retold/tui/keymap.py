"""The user's keymap file, and every action the current screen offers, described from its bindings.

The keymap is TOML in the config folder (`retold.config.keymap_path()`):

    [keys]
    overview = "O"            # binding id = key, or several: "O,ctrl+o"
    cursor_down = ["j", "down", "ctrl+n"]

Ids are the bindings' ids (listed by `?`). A bad file never stops the reader: each problem is
one line naming the file, and the default keys stay.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

_KEY = re.compile(r"^[A-Za-z0-9_+\-]+$|^.$")  # a Textual key name (ctrl+o, question_mark, f1) or one character


def load_keymap(path: Path, known_ids: set[str] | None = None) -> tuple[dict[str, str], list[str]]:
    """`known_ids`: when given, ids outside it are reported and dropped."""
    # (binding id -> "key,key", problems). A missing file is no problem: the defaults stand.
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [f"{path}: cannot read the keymap ({exc}); using the default keys"]
    except tomllib.TOMLDecodeError as exc:
        return {}, [f"{path}: not valid TOML ({exc}); using the default keys"]
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        return {}, [f"{path}: [keys] must be a table of binding id = \"key\"; using the default keys"]
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, value in keys.items():
        if known_ids is not None and binding_id not in known_ids:
            problems.append(f"{path}: unknown binding id {binding_id!r} (press ? in the reader for the ids)")
            continue
        items = value if isinstance(value, list) else [value] if isinstance(value, str) else None
        if not items or not all(isinstance(k, str) and k.strip() and _KEY.match(k.strip()) for item in items for k in item.split(",")):
            problems.append(f"{path}: {binding_id}: expected a key like \"O\" or \"ctrl+o\", or a list of them")
            continue
        keymap[binding_id] = ",".join(k.strip() for item in items for k in item.split(","))
    return keymap, problems


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


def screen_actions(screen: Screen) -> list[Action]:
    """Every action bound on the screen and its focused widget, keys as the keymap left them,
    in the order the bindings are declared (the screen's own before the app's)."""
    grouped: dict[str, tuple[Binding, list[str], DOMNode]] = {}
    app = screen.app
    # The focused widget's chain, up to the screen and the app; a binding id listed once, with
    # all its keys (a widget's id-less alias of a key, like the pane's pagedown, is skipped).
    for node, bindings in screen._modal_binding_chain:
        for key, binding in bindings:
            if not binding.description or not binding.id:
                continue
            if app._check_action_state(binding.action, node) is False:
                continue
            if binding.id in grouped:
                if grouped[binding.id][2] is node:
                    grouped[binding.id][1].append(key)
            else:
                grouped[binding.id] = (binding, [key], node)
    return [Action(binding, tuple(keys), node) for binding, keys, node in grouped.values()]


def all_binding_ids() -> set[str]:
    """Every binding id of retold's screens and widgets: what a keymap may name."""
    from retold.tui.screens.confirm import Confirm
    from retold.tui.screens.help import HelpScreen
    from retold.tui.screens.note_editor import NoteEditor
    from retold.tui.screens.notes_list import NotesList
    from retold.tui.screens.outlet_info import OutletInfo
    from retold.tui.screens.overview import CoverageMap, OverviewScreen, RowsView
    from retold.tui.screens.reader import ReaderScreen
    from retold.tui.widgets.outlet_pane import OutletPane
    from retold.tui.widgets.search_bar import SearchBar
    from retold.tui.widgets.sources_views import LineList

    ids: set[str] = set()
    for owner in (ReaderScreen, OutletPane, SearchBar, OverviewScreen, CoverageMap, RowsView, OutletInfo, HelpScreen, NotesList, NoteEditor, Confirm, LineList):
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding) and binding.id:
                ids.add(binding.id)
    return ids
