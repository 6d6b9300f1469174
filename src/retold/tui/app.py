"""RetoldApp: the Textual application around the reader screen."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from retold.model.story import Alignment
from retold.tui.screens.reader import ReaderScreen


class LoadCancelled(Exception):
    """Raised from the pipeline's progress callback once the user cancelled loading."""


class LoadProgress(Message):
    """Posted from the loading thread as each stage begins."""

    def __init__(self, stage: str, done: int, total: int) -> None:
        super().__init__()
        self.stage, self.done, self.total = stage, done, total


class LoadFinished(Message):
    def __init__(self, alignment: Alignment | None, error: Exception | None) -> None:
        super().__init__()
        self.alignment, self.error = alignment, error


class RetoldApp(App[None]):
    TITLE = "retold"
    CSS_PATH = "retold.tcss"  # every style of the app, theme variables only

    def __init__(
        self, alignment: Alignment | None = None, *, paths: list[str] | None = None, keymap_file=None, loader=None, **kwargs
    ) -> None:
        """Open a finished `alignment`, or load `paths` in a worker behind a progress screen.

        `keymap_file`: the user's keymap (default: retold.config.keymap_path()).
        `loader`: what loads `paths` (default: retold.model.pipeline.load_alignment).
        After a load fails, `load_error` holds its one-line message and the return code is 2.
        """
        super().__init__(**kwargs)
        if alignment is None and paths is None:
            raise ValueError("RetoldApp needs an alignment or paths to load")
        self.alignment = alignment
        self.paths = paths
        self.loader = loader
        self.load_error: str | None = None
        self.load_notices: list[str] = []
        self._cancelled = threading.Event()
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
        if self.alignment is None:
            from retold.tui.screens.loading import LoadingScreen

            count = len(self.paths or [])
            self.push_screen(LoadingScreen(f"opening {self.paths[0]}" if count == 1 else f"opening {count} paths"))
            # A daemon thread, not a Textual thread worker: those run in asyncio's executor,
            # which the app waits for on exit, so ctrl+c would wait for the alignment to end.
            threading.Thread(target=self._load, name="retold-load", daemon=True).start()

    # ---------------------------------------------------------------- loading

    def _load(self) -> None:
        """Runs in the loading thread: the whole pipeline, then the overview's summary.
        Talks to the app only through post_message (thread-safe, never blocks)."""
        from retold.model.pipeline import load_alignment
        from retold.model.sources import sources_of
        from retold.model.summary import summarize

        def progress(stage: str, done: int, total: int) -> None:
            if self._cancelled.is_set():
                raise LoadCancelled()
            self.post_message(LoadProgress(stage, done, total))

        def notice(message: str) -> None:
            self.load_notices.append(message)

        try:
            alignment = (self.loader or load_alignment)(self.paths, notice, progress)
            progress("summarizing", 0, 1)
            summarize(alignment)  # cached on the alignment: the overview then opens at once
            sources_of(alignment)  # credits, provenance and quotes: cached too (Sources, Quotes, the gutter)
        except LoadCancelled:
            return
        except Exception as exc:  # InputError, or a bug: either way one line, never a traceback screen
            self.post_message(LoadFinished(None, exc))
            return
        self.post_message(LoadFinished(alignment, None))

    def on_load_progress(self, message: LoadProgress) -> None:
        from retold.tui.screens.loading import LoadingScreen

        for screen in self.screen_stack:
            if isinstance(screen, LoadingScreen):
                screen.show_stage(message.stage, message.done, message.total)

    def on_load_finished(self, message: LoadFinished) -> None:
        from retold.model.story import InputError

        if self._cancelled.is_set():
            return
        if message.alignment is not None:
            self.alignment = message.alignment
            self.switch_screen(ReaderScreen(self.alignment))
            for notice in self.load_notices:
                self.notify(notice, severity="warning", timeout=10, markup=False)
            return
        error = message.error
        if isinstance(error, InputError):
            self.load_error = str(error)
        else:
            self.load_error = f"{self.paths[0] if self.paths else '?'}: could not be loaded ({type(error).__name__}: {error})"
        self.exit(return_code=2)

    def action_cancel_loading(self) -> None:
        """ctrl+c while loading: the thread stops at its next stage; the app leaves now."""
        self._cancelled.set()
        self.exit(return_code=130)

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node) -> None:
        names = frozenset(b.id or b.action for b in clashed_bindings)
        if names in self._clash_reported:
            return
        self._clash_reported.add(names)
        keys = ", ".join(sorted(f"{b.id} ({b.key})" for b in clashed_bindings))
        self.notify(f"{self.keymap_file}: keys clash, the defaults are kept for: {keys}", severity="warning", timeout=15, markup=False)

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
        if self.alignment is None:
            return Screen()  # the loading screen is pushed over it on mount; the reader replaces that
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
