"""RetoldApp: the Textual application around the reader screen."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from retold.model.story import Alignment
from retold.tui.messages import LoadFinished, LoadProgress, SourcesReady

# The reader screen (and its widgets, the notes store, sqlite3) is imported when first needed,
# not here: the loading screen paints first, and the import runs while the story aligns.
READER_MODULE = "retold.tui.screens.reader"
# How long the constructor waits for an early load (retold.model.offload.load_early).
EARLY_WAIT = 0.3
# A cache entry up to this size is read on the screen's thread before the first frame (~0.1 s for
# a 20-outlet x 400-sentence story's 1 MB); a bigger one behind the loading screen.
FAST_ENTRY_BYTES = 2_000_000


def hold_collections() -> None:
    """The story is loaded: every object alive now (the finished alignment, which lives as long
    as the reader and holds no cycle, and the imported modules) is moved out of the cycle
    collector's reach (`gc.freeze`), and the collector waits until the reader's first frame is
    out (`resume_collections`). Full collections walked all of it, 20-110 ms apiece on a
    20-outlet story, two or three while the first screen was built and more between keys.
    Whatever is unreachable among the frozen objects stays uncollected: a one-off few megabytes
    at most."""
    gc.freeze()
    gc.disable()


def resume_collections() -> None:
    gc.enable()


class LoadCancelled(Exception):
    """Raised from the pipeline's progress callback once the user cancelled loading."""


class RetoldApp(App[None]):
    TITLE = "retold"
    CSS_PATH = "retold.tcss"  # every style of the app, theme variables only

    def __init__(
        self, alignment: Alignment | None = None, *, paths: list[str] | None = None, keymap_file=None, loader=None,
        cache=None, semantic: bool = True, early=None, **kwargs
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
        `early`: a retold.model.offload.EarlyLoad filling `cache` with this story (started before
        Textual was imported): waited for here up to EARLY_WAIT, so a small story opens straight
        on the reader; past that the loading screen shows and the loading thread waits for it.
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
        self._first_frame = threading.Event()  # the reader's first frame is out
        # The story's provenance is still on its way (SourcesReady): the Sources view says so.
        self.sources_pending = False
        self.keymap_problems: list[str] = []
        self._load_keymap(keymap_file)
        self._clash_reported: set[frozenset[str]] = set()
        self._arrangement = None
        self._early = early
        if early is not None:
            self._import_for_the_reader()  # while the early load works on the other core
            if early.done(EARLY_WAIT):
                self._early = None  # ended: its entry (if the story loaded) is in the cache
        self._from_cache = self.alignment is None and self._open_from_cache()
        if self._from_cache and self._early is not None:
            # The story was in the cache already and the copy is still at work on it: nothing will
            # wait for it now, so it is ended and reaped here (not left a zombie beside the reader).
            self._early.cancel()
            self._early = None

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

            # A daemon thread, not a Textual thread worker: those run in asyncio's executor,
            # which the app waits for on exit, so ctrl+c would wait for the alignment to end.
            # Started first: a big story's aligning child then starts while the loading screen paints.
            threading.Thread(target=self._load, name="retold-load", daemon=True).start()
            count = len(self.paths or [])
            self.push_screen(LoadingScreen(f"opening {self.paths[0]}" if count == 1 else f"opening {count} paths"))

    @staticmethod
    def _import_for_the_reader() -> None:
        """What opening a story from its cache entry imports: the reader screen and its widgets,
        and the Sources' and panes' order's types the entry is decoded into."""
        from importlib import import_module

        for module in (READER_MODULE, "retold.model.sources", "retold.model.arrange"):
            import_module(module)

    _missed = False  # the cache was looked up before the app ran, and holds no entry for the story

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
        if found is None and self.cache.last in ("miss", "rebuilt") and self._early is None:
            self._missed = True  # the loading thread goes straight to aligning
        if found is None or not {"sources", "arrangement"} <= found._cache.keys():
            return False
        self.load_notices.extend(notices)
        self.alignment, self._arrangement = found, found._cache["arrangement"]
        return True

    def _after_first_frame(self) -> None:
        """The reader's first frame is out: the collector runs again, the provenance may be worked out."""
        # Not switched yet: after the next refresh. (The reader anywhere in the stack: a key may
        # have opened the overview over it before this ran, and the provenance must still come.)
        if not any(type(screen).__name__ == "ReaderScreen" for screen in self.screen_stack):
            self.call_after_refresh(self._after_first_frame)
            return
        resume_collections()
        self._first_frame.set()

    def on_unmount(self) -> None:
        resume_collections()  # left before the reader's first frame: the collector runs again all the same
        if self._early is not None:  # left while the early load works: end it, do not leave it aligning
            self._early.cancel()

    def on_ready(self) -> None:
        """The first frame is on screen: import the reader screen while the story loads."""
        if self._from_cache:
            self.call_after_refresh(self._after_first_frame)
        if self.alignment is None:
            from importlib import import_module

            threading.Thread(target=import_module, args=(READER_MODULE,), name="retold-import", daemon=True).start()

    # ---------------------------------------------------------------- loading

    def _load(self) -> None:
        """Runs in the loading thread: the whole pipeline (or the cache) and the panes' order.
        Talks to the app only through post_message (thread-safe, never blocks). The story opens
        before its provenance is worked out (`retold.model.offload.load_alignment_first`): once
        the reader's first frame is out, this thread works it out, or waits for the aligning
        child to send it (`sources_pending` until then; the Sources view says so), and it is put
        on the alignment with SourcesReady."""
        from retold.model.offload import load_alignment_first

        def progress(stage: str, done: int, total: int) -> None:
            if self._cancelled.is_set():
                raise LoadCancelled()
            self.post_message(LoadProgress(stage, done, total))

        def notice(message: str) -> None:
            self.load_notices.append(message)

        finish = None
        try:
            if self._early is not None:  # the early load is still at work: its entry is read below
                while not self._early.done(0.05):
                    if self._cancelled.is_set():
                        self._early.cancel()
                        return
            if self.loader is not None:
                alignment = self.loader(self.paths, notice, progress)
            else:
                alignment, finish = load_alignment_first(self.paths, notice, progress, cache=self.cache, semantic=self.semantic,
                                                         looked_up=self._missed)
            from retold.model.arrange import arrangement_of
            from retold.model.sources import sources_of

            # (No overview summary here: it numbers outlets in the panes' order, so the overview
            # computes it on the reader's arranged alignment when it opens.)
            if self.loader is not None:
                sources_of(alignment)  # a loader of its own: credits, provenance and quotes before the reader opens
            arrangement = arrangement_of(alignment)  # the panes' order: here, not on the screen's thread
        except LoadCancelled:
            return
        except Exception as exc:  # InputError, or a bug: either way one line, never a traceback screen
            self.post_message(LoadFinished(None, exc))
            return
        if finish is not None:
            self.sources_pending = True
        hold_collections()
        self.post_message(LoadFinished(alignment, None, arrangement))
        if finish is None:
            return
        self._first_frame.wait()  # after the reader's first frame, not against it
        try:
            sources = finish()
        except Exception:  # noqa: BLE001 - the child failed after the alignment: worked out here instead
            sources = sources_of(alignment)
        self.post_message(SourcesReady(sources))

    _first_frame: threading.Event

    def on_sources_ready(self, message: SourcesReady) -> None:
        """The story's whole Sources (the provenance came after the first screen): put on every
        alignment the app's screens hold (the reader's is the same story in its panes' order),
        and the views waiting for them drawn."""
        holders = [self.alignment, *(getattr(screen, "alignment", None) for screen in self._every_screen())]
        for alignment in holders:
            if alignment is not None and "sources" not in alignment._cache:
                alignment._cache["sources"] = message.sources
        self.sources_pending = False
        for screen in self._every_screen():
            refresh = getattr(screen, "sources_ready", None)
            if refresh is not None:
                refresh()

    def _every_screen(self) -> list[Screen]:
        screens = list(self.screen_stack)
        for name in ("overview",):
            if self.is_screen_installed(name):
                installed = self.get_screen(name)
                if installed not in screens:
                    screens.append(installed)
        return screens

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
            self.call_after_refresh(self._after_first_frame)
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

        if self._from_cache:
            hold_collections()  # until the first frame is out (on_ready); here, not before the app runs
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
