"""RetoldApp: the Textual application around the reader screen."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from retold.model.story import Alignment
from retold.tui.messages import LoadFinished, LoadProgress

# The reader screen (and its widgets, the notes store, sqlite3) is imported when first needed,
# not here: the loading screen paints first, and the import runs while the story aligns.
READER_MODULE = "retold.tui.screens.reader"
# A cache entry up to this size is read on the screen's thread before the first frame (~0.1 s for
# a 20-outlet x 400-sentence story's 1 MB); a bigger one behind the loading screen.
FAST_ENTRY_BYTES = 2_000_000


class LoadCancelled(Exception):
    """Raised from the pipeline's progress callback once the user cancelled loading."""


class RetoldApp(App[None]):
    TITLE = "retold"
    CSS_PATH = "retold.tcss"  # every style of the app, theme variables only

    def __init__(
        self, alignment: Alignment | None = None, *, paths: list[str] | None = None, keymap_file=None, loader=None,
        cache=None, semantic: bool = True, **kwargs
    ) -> None:
        """Open a finished `alignment`, or load `paths` in a worker behind a progress screen.

        `keymap_file`: the user's keymap (default: retold.config.keymap_path()).
        `loader`: what loads `paths` (default: retold.model.offload.load_alignment_aside: the
        pipeline, in a child process for a big story so the screen keeps the interpreter lock).
        `cache`: the alignment cache the default loader reads and fills (None: align afresh);
        its entries carry the story's Sources and panes' order from here on (the reader shows
        them, so a story reopened unchanged computes nothing: see retold.model.cache), and such
        an entry is read here, the reader being the first screen (`_open_from_cache`).
        `semantic`: the default loader uses the sentence model when installed (False: words alone).
        After a load fails, `load_error` holds its one-line message and the return code is 2.
        """
        super().__init__(**kwargs)
        if alignment is None and paths is None:
            raise ValueError("RetoldApp needs an alignment or paths to load")
        self.alignment = alignment
        self.paths = paths
        self.loader = loader
        self.cache = cache
        if cache is not None:
            cache.with_sources = True
        self.semantic = semantic
        self.load_error: str | None = None
        self.load_notices: list[str] = []
        self._cancelled = threading.Event()
        self.keymap_problems: list[str] = []
        self._load_keymap(keymap_file)
        self._clash_reported: set[frozenset[str]] = set()
        self._arrangement = None
        self._from_cache = self.alignment is None and self._open_from_cache()

    def _load_keymap(self, keymap_file) -> None:
        from retold.config import keymap_path
        from retold.tui.keymap import load_keymap

        path = keymap_file if keymap_file is not None else keymap_path()
        keymap, problems = load_keymap(path)
        if keymap:  # validate ids only when there is a keymap: the ids import every screen (~70 ms)
            from retold.tui.binding_ids import all_binding_ids, binding_scopes

            keymap, more = load_keymap(path, all_binding_ids(), binding_scopes())
            problems = more
        self.keymap_problems = problems
        self.keymap_file = path
        if keymap:
            self.set_keymap(keymap)

    def on_mount(self) -> None:
        for problem in self.keymap_problems:
            self.notify(problem, severity="warning", timeout=15, markup=False)
        for notice in self.load_notices if self._from_cache else ():
            self.notify(notice, severity="warning", timeout=10, markup=False)
        if self.alignment is None:
            from retold.tui.screens.loading import LoadingScreen

            count = len(self.paths or [])
            self.push_screen(LoadingScreen(f"opening {self.paths[0]}" if count == 1 else f"opening {count} paths"))
            # A daemon thread, not a Textual thread worker: those run in asyncio's executor,
            # which the app waits for on exit, so ctrl+c would wait for the alignment to end.
            threading.Thread(target=self._load, name="retold-load", daemon=True).start()

    def _open_from_cache(self) -> bool:
        """A story reopened unchanged, whose cache entry carries its Sources and panes' order and
        is small enough to read in a blink, opens straight on the reader: read here, before the
        app runs, and shown as its first screen (the loading screen, its thread and the switch
        cost more than the read). False, changing nothing, for anything else: the loading
        thread then reads or aligns it behind the loading screen, and says what is wrong."""
        if self.cache is None or self.loader is not None or not self.paths:
            return False
        from retold.model.pipeline import cached_alignment

        notices: list[str] = []
        try:
            found = cached_alignment(self.paths, self.cache, notices.append, semantic=self.semantic, max_entry_bytes=FAST_ENTRY_BYTES)
        except Exception:  # noqa: BLE001 - an input error is said by the loading path
            return False
        if found is None or not {"sources", "arrangement"} <= found._cache.keys():
            return False
        self.load_notices.extend(notices)
        self.alignment, self._arrangement = found, found._cache["arrangement"]
        return True

    def on_ready(self) -> None:
        """The first frame is on screen: import the reader screen while the story loads."""
        if self.alignment is None:
            from importlib import import_module

            threading.Thread(target=import_module, args=(READER_MODULE,), name="retold-import", daemon=True).start()

    # ---------------------------------------------------------------- loading

    def _load(self) -> None:
        """Runs in the loading thread: the whole pipeline (or the cache), the story's Sources
        unless the cache entry held them, and the panes' order. Talks to the app only through
        post_message (thread-safe, never blocks)."""
        from retold.model.arrange import arrangement_of
        from retold.model.offload import load_alignment_aside
        from retold.model.sources import sources_of

        def progress(stage: str, done: int, total: int) -> None:
            if self._cancelled.is_set():
                raise LoadCancelled()
            self.post_message(LoadProgress(stage, done, total))

        def notice(message: str) -> None:
            self.load_notices.append(message)

        try:
            loader = self.loader or partial(load_alignment_aside, cache=self.cache, semantic=self.semantic)
            alignment = loader(self.paths, notice, progress)
            # (No overview summary here: it numbers outlets in the panes' order, so the overview
            # computes it on the reader's arranged alignment when it opens.)
            # Read from the cache entry, or computed by the aligning child:
            stored = {"sources", "arrangement"} <= alignment._cache.keys()
            if not stored:
                progress("summarizing", 0, 1)
            sources_of(alignment)  # credits, provenance and quotes: cached too (Sources, Quotes, the gutter)
            arrangement = arrangement_of(alignment)  # the panes' order: here, not on the screen's thread
            if not stored and self.cache is not None:
                self.cache.complete(alignment)  # an entry `retold align` wrote: stored with them now
        except LoadCancelled:
            return
        except Exception as exc:  # InputError, or a bug: either way one line, never a traceback screen
            self.post_message(LoadFinished(None, exc))
            return
        self.post_message(LoadFinished(alignment, None, arrangement))

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
            from retold.tui.screens.reader import ReaderScreen

            self.alignment = message.alignment
            self.switch_screen(ReaderScreen(self.alignment, message.arrangement))
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

    _notes_store = None

    def notes_store(self):
        """The notes database, opened by the app once (the reader's notes workflow uses it).
        Raises retold.notes.store.NotesUnavailable, said by the reader, which keeps running."""
        if self._notes_store is None:
            from retold.notes.store import NoteStore

            self._notes_store = NoteStore.open()
        return self._notes_store

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None, time_format: str | None = None) -> str | None:
        """The palette's "Screenshot": an SVG in the current folder, else in retold's data folder
        (Textual's default, a downloads folder, often does not exist), and the toast says where."""
        from pathlib import Path

        from retold.notes.store import data_dir

        problems = []
        for folder in ([Path(path)] if path else [Path.cwd(), data_dir()]):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                saved = self.save_screenshot(filename, str(folder), time_format)
            except OSError as exc:
                problems.append(f"{folder}: {exc.strerror or exc}")
                continue
            self.notify(f"Screenshot saved to {saved}", title="Screenshot", timeout=8, markup=False)
            return saved
        self.notify("Screenshot not saved: " + "; ".join(problems), title="Screenshot", severity="error", timeout=10, markup=False)
        return None

    def get_default_screen(self) -> Screen:
        if self.alignment is None:
            return Screen()  # the loading screen is pushed over it on mount; the reader replaces that
        from retold.tui.screens.reader import ReaderScreen

        return ReaderScreen(self.alignment, self._arrangement)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette lists every action of the screen by its readable name and what it does."""
        from retold.tui.actions import screen_actions
        from retold.tui.screens.help import key_label

        yield from super().get_system_commands(screen)
        for action in screen_actions(screen):
            if action.binding.action in ("app.quit", "quit", "app.command_palette", "command_palette"):
                continue  # Textual lists these itself
            keys = key_label(",".join(action.keys))
            yield SystemCommand(action.name, f"{action.description}  ({keys})", partial(action.node.run_action, action.binding.action))
