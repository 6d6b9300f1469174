"""RetoldApp: the Textual application around the reader screen."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.screen import Screen

from retold.model.story import Alignment
from retold.tui.screens.reader import ReaderScreen


class RetoldApp(App[None]):
    TITLE = "retold"
    CSS_PATH = "retold.tcss"  # every style of the app, theme variables only

    def __init__(self, alignment: Alignment, **kwargs) -> None:
        super().__init__(**kwargs)
        self.alignment = alignment

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # Okabe–Ito colours: distinguishable for colour-blind readers; darker shades for light themes.
        return {
            "retold-altered": "#E69F00",
            "retold-unique": "#56B4E9",
            "retold-note": "#CC79A7",
            "retold-altered-on-light": "#9A5B00",
            "retold-unique-on-light": "#0064A0",
        }

    def get_default_screen(self) -> Screen:
        return ReaderScreen(self.alignment)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, ReaderScreen):
            for binding in screen.BINDINGS:
                if binding.action.startswith("app."):
                    continue
                yield SystemCommand(binding.description, f"key: {binding.key}", partial(screen.run_action, binding.action))
