"""RetoldApp: the Textual application around the reader screen."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from retold.model.story import Alignment
from retold.tui.screens.reader import ReaderScreen


class RetoldApp(App[None]):
    TITLE = "retold"
    # Okabe–Ito colours: distinguishable for colour-blind readers; darker in light themes.
    CSS = """
    App:light OutletPane > .outlet-pane--altered { color: #9A5B00; }
    App:light OutletPane > .outlet-pane--unique { color: #0064A0; }
    App:light CoverageMap > .coverage-map--altered { color: #9A5B00; }
    App:light CoverageMap > .coverage-map--unique { color: #0064A0; }
    """

    def __init__(self, alignment: Alignment, *, keymap_file=None, **kwargs) -> None:
        """`keymap_file`: the user's keymap (default: retold.config.keymap_path())."""
        super().__init__(**kwargs)
        self.alignment = alignment
        self.keymap_problems: list[str] = []
        self._load_keymap(keymap_file)
        self._clash_reported: set[frozenset[str]] = set()

    def _load_keymap(self, keymap_file) -> None:
        from retold.config import keymap_path
        from retold.tui.keymap import all_binding_ids, load_keymap

        path = keymap_file if keymap_file is not None else keymap_path()
        keymap, problems = load_keymap(path)
        if keymap:  # validate ids only when there is a keymap: the screens load lazily otherwise
            keymap, more = load_keymap(path, all_binding_ids())
            problems = more
        self.keymap_problems = problems
        self.keymap_file = path
        if keymap:
            self.set_keymap(keymap)

    def on_mount(self) -> None:
        for problem in self.keymap_problems:
            self.notify(problem, severity="warning", timeout=15, markup=False)

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node) -> None:
        names = frozenset(b.id or b.action for b in clashed_bindings)
        if names in self._clash_reported:
            return
        self._clash_reported.add(names)
        keys = ", ".join(sorted(f"{b.id} ({b.key})" for b in clashed_bindings))
        self.notify(f"{self.keymap_file}: keys clash, the defaults are kept for: {keys}", severity="warning", timeout=15, markup=False)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {"retold-altered": "#E69F00", "retold-unique": "#56B4E9", "retold-note": "#CC79A7"}

    def get_default_screen(self) -> Screen:
        return ReaderScreen(self.alignment)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette lists every action of the screen by its readable name and what it does."""
        from retold.tui.keymap import screen_actions
        from retold.tui.screens.help import key_label

        yield from super().get_system_commands(screen)
        for action in screen_actions(screen):
            if action.binding.action in ("app.quit", "quit", "app.command_palette", "command_palette"):
                continue  # Textual lists these itself
            keys = key_label(",".join(action.keys))
            yield SystemCommand(action.name, f"{action.description}  ({keys})", partial(action.node.run_action, action.binding.action))
