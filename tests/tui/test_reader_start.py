"""The reader paints before it aligns: the app shell loads without the reader screen, and a big
story aligns in a child process whose result is exactly the in-process one (issue 19, item 2)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys

import pytest

from retold.model import offload
from retold.model.cache import AlignmentCache, unpack
from retold.model.offload import load_alignment_aside
from retold.model.pipeline import load_alignment
from retold.model.story import InputError
from retold.synthetic import make_story
from retold.tui.app import RetoldApp

from tests.unit.test_cache import assert_same


@pytest.fixture
def children(monkeypatch):
    """Every story goes to the child process; the children started are recorded."""
    started = []
    real = subprocess.Popen

    def popen(*args, **kwargs):
        proc = real(*args, **kwargs)
        started.append(proc)
        return proc

    monkeypatch.setattr(offload, "IN_PROCESS_BELOW", 0)
    monkeypatch.setattr(offload.subprocess, "Popen", popen)
    return started


def test_the_app_shell_does_not_import_the_reader_screen():
    code = "import sys, json, retold.tui.app; print(json.dumps(sorted(sys.modules)))"
    loaded = set(json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout))
    assert "retold.tui.screens.reader" not in loaded and "retold.notes.store" not in loaded
    assert "retold.model.align" not in loaded and "retold.model.clean" not in loaded


def test_without_a_keymap_the_app_imports_no_screen_but_the_loading_one(tmp_path, sample_dir):
    """The keymap's ids are checked against every screen's bindings only when there is a keymap:
    importing them all costs ~70 ms before the loading screen can paint."""
    code = ("import sys, json\nfrom retold.tui.app import RetoldApp\n"
            f"RetoldApp(paths=[{str(sample_dir)!r}])\nprint(json.dumps(sorted(sys.modules)))")
    env = dict(__import__("os").environ, RETOLD_CONFIG_DIR=str(tmp_path / "config"))
    loaded = set(json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout))
    assert "retold.tui.binding_ids" not in loaded
    assert not any(m.startswith(("retold.tui.screens.", "retold.tui.widgets.")) for m in loaded)


def test_a_story_aligned_in_the_child_is_the_one_aligned_here(tmp_path, children):
    story = make_story(tmp_path / "story", outlets=4, sentences=30, seed=5)
    stages, notices = [], []
    aside = load_alignment_aside([str(story)], notices.append, lambda *stage: stages.append(stage))
    assert len(children) == 1 and children[0].returncode == 0
    assert_same(aside, load_alignment([str(story)]))
    assert [s[0] for s in stages][-1] == "aligning" and ("cleaning", 0, 1) in stages


def test_the_child_fills_the_cache_and_a_reopen_reads_it_here(tmp_path, children):
    story = make_story(tmp_path / "story", outlets=3, sentences=20, seed=6)
    store = AlignmentCache()
    first = load_alignment_aside([str(story)], cache=store)
    again = load_alignment_aside([str(story)], cache=store)
    assert len(children) == 1 and store.last == "hit"
    assert_same(again, first)


def test_bad_input_in_the_child_is_the_same_one_line_error(tmp_path, children):
    make_story(tmp_path / "story", outlets=2, sentences=10, seed=7)
    (tmp_path / "story" / "empty.txt").write_text("   \n")
    with pytest.raises(InputError) as here:
        load_alignment([str(tmp_path / "story")])
    with pytest.raises(InputError) as there:
        load_alignment_aside([str(tmp_path / "story")])
    assert str(there.value) == str(here.value) and children


def test_cancelling_kills_the_child(tmp_path, children):
    story = make_story(tmp_path / "story", outlets=3, sentences=20, seed=8)

    class Cancel(Exception):
        pass

    def progress(stage, done, total):
        raise Cancel

    with pytest.raises(Cancel):
        load_alignment_aside([str(story)], None, progress)
    assert children and children[0].poll() is not None


def test_the_reader_opens_a_story_aligned_in_the_child(tmp_path, children):
    from retold.tui.screens.reader import ReaderScreen

    story = make_story(tmp_path / "story", outlets=3, sentences=20, seed=9)

    async def main():
        app = RetoldApp(paths=[str(story)])
        async with app.run_test(size=(120, 30)) as pilot:
            for _ in range(1500):
                if isinstance(app.screen, ReaderScreen):
                    break
                await asyncio.sleep(0.02)
            await pilot.pause()
            return app, isinstance(app.screen, ReaderScreen)

    app, opened = asyncio.run(main())
    assert opened and children and app.alignment is not None
    assert_same(app.alignment, load_alignment([str(story)]))


def test_the_child_hands_back_the_sources_it_computed(tmp_path, children):
    from retold.model.sources import sources_of

    story = make_story(tmp_path / "story", outlets=3, sentences=20, seed=10)
    aside = load_alignment_aside([str(story)])  # --no-cache: handed back all the same
    assert "sources" in aside._cache  # computed in the child, not to be computed here
    assert_same(aside._cache["sources"], sources_of(load_alignment([str(story)])), "sources")


def test_the_screen_thread_arranges_nothing_and_computes_no_sources(tmp_path, monkeypatch):
    """The panes' order and the story's Sources are computed in the loading thread (or read
    from the cache): the screen's own thread only builds and paints (issue 19, item 2)."""
    import threading

    from retold.model import arrange as arrange_module
    from retold.model import provenance, quotes, sources
    from retold.tui.screens.reader import ReaderScreen

    story = make_story(tmp_path / "story", outlets=4, sentences=20, seed=11)
    threads: dict[str, set[str]] = {}

    def recording(name, real):
        def wrapper(*args, **kwargs):
            threads.setdefault(name, set()).add(threading.current_thread().name)
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(arrange_module, "arrange", recording("arrange", arrange_module.arrange))
    monkeypatch.setattr(sources, "provenance", recording("provenance", provenance.provenance))
    monkeypatch.setattr(sources, "quote_groups", recording("quotes", quotes.quote_groups))

    async def main():
        app = RetoldApp(paths=[str(story)])
        async with app.run_test(size=(120, 30)) as pilot:
            for _ in range(1500):
                if isinstance(app.screen, ReaderScreen):
                    break
                await asyncio.sleep(0.02)
            await pilot.pause()
            return isinstance(app.screen, ReaderScreen)

    assert asyncio.run(main())
    assert threads == {"arrange": {"retold-load"}, "provenance": {"retold-load"}, "quotes": {"retold-load"}}


def _twenty_outlets(tmp_path):
    return load_alignment([str(make_story(tmp_path / "story", outlets=20, sentences=40, seed=12))])


def test_the_first_frame_mounts_only_the_window_and_the_rest_follow(tmp_path, monkeypatch):
    """With 20 outlets at 160 columns, 4 panes show: the other 16 columns get their header and
    pane after the first frame (mounting and styling them cost ~0.1 s before the story showed),
    and every column is whole once the reader is idle."""
    from retold.tui.screens.reader import ReaderScreen
    from retold.tui.widgets.outlet_pane import OutletPane
    from retold.tui.widgets.pane_header import PaneHeader
    from retold.tui.widgets.pane_row import PaneRow

    mounted_before: list[int] = []
    real = PaneRow.mount_rest

    def recording(self, numbers=None):
        if numbers is None:
            mounted_before.append(sum(pane.is_mounted for pane in self.panes))
        return real(self, numbers)

    monkeypatch.setattr(PaneRow, "mount_rest", recording)

    async def main():
        app = RetoldApp(_twenty_outlets(tmp_path))
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            await pilot.pause(0.2)
            screen = app.screen
            assert isinstance(screen, ReaderScreen)
            columns = list(screen.query(".column"))
            whole = [len(column.query(OutletPane)) == 1 and len(column.query(PaneHeader)) == 1 for column in columns]
            return screen.visible_count, len(columns), whole

    visible, columns, whole = asyncio.run(main())
    assert visible == 4 and columns == 20 and all(whole)
    assert mounted_before and mounted_before[0] == visible


def test_keys_typed_before_the_rest_are_mounted_reach_far_outlets(tmp_path):
    """`>` and `]` at once, before the columns outside the first window are filled: the window
    moves onto whole panes, placed as the navigation state says."""
    from retold.tui.screens.reader import ReaderScreen

    async def main():
        app = RetoldApp(_twenty_outlets(tmp_path))
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.press(*[">"] * 6, "tab", "j", "j")
            await pilot.pause()
            await pilot.pause(0.2)
            screen = app.screen
            assert isinstance(screen, ReaderScreen)
            state = screen.state
            panes = [screen.pane(n) for n in state.visible]
            return (state.first_visible, state.focused, [p.is_mounted for p in panes],
                    [(round(p.scroll_y), state.tops[p.number]) for p in panes], screen.focused_pane.has_focus)

    first, focused, mounted, tops, has_focus = asyncio.run(main())
    assert first == 6 and focused in range(6, 10) and all(mounted) and has_focus
    assert all(scroll == top for scroll, top in tops)


def _child_run(tmp_path, story, leave_at_once: bool):
    """Run the aligning child on `story` with a cache: (its messages up to the alignment's hand-off,
    the message after it or None, the bytes handed over, the cache folder). `leave_at_once`: the
    parent closes the child's stdin as soon as it has the alignment (the reader quit at once)."""
    out = tmp_path / "handed-back"
    request = {"paths": [str(story)], "out": str(out), "semantic": False, "cache": str(tmp_path / "entries"), "max_bytes": 10**9}
    child = subprocess.Popen([sys.executable, "-m", "retold.model.offload"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    child.stdin.write(json.dumps(request) + "\n")
    child.stdin.flush()  # kept open: its closing tells the child its parent is gone
    first = []
    for line in child.stdout:
        first.append(json.loads(line))
        if "progress" not in first[-1] and "notice" not in first[-1]:
            break
    handed = out.read_bytes()
    if leave_at_once:
        child.stdin.close()
        after = None
    else:
        after = json.loads(child.stdout.readline())
        child.stdin.close()
    child.stderr.read()
    assert child.wait(timeout=60) == 0
    return first, after, handed, tmp_path / "entries"


def test_the_child_hands_over_the_alignment_before_its_provenance_and_stores_the_whole_entry(tmp_path):
    """The aligning child sends the alignment with its quotes and panes' order (what the first
    screen shows), then the provenance it works out after (identical to computing it here), and
    stores the whole entry: a reopen computes nothing (issue 19: the provenance after the first screen)."""
    from retold.model.cache import unpack_sources
    from retold.model.sources import sources_of

    story = make_story(tmp_path / "story", outlets=3, sentences=20, seed=13)
    first, after, handed, entries = _child_run(tmp_path, story, leave_at_once=False)
    outcome = first[-1]
    assert outcome.get("done") and outcome.get("sources_next")
    alignment, _ = unpack(handed, outcome["key"])
    fresh = load_alignment([str(story)], semantic=False)
    assert_same(alignment, fresh)
    assert "sources" not in alignment._cache and {"quotes", "arrangement"} <= alignment._cache.keys()
    assert_same(alignment._cache["quotes"], sources_of(fresh).quotes, "quotes")
    assert_same(unpack_sources(after["sources"], alignment), sources_of(fresh), "sources")
    [entry] = entries.iterdir()
    stored, _ = unpack(entry.read_bytes(), entry.name.removesuffix(".alignment"))
    assert {"sources", "arrangement"} <= stored._cache.keys()
    assert_same(stored._cache["sources"], sources_of(fresh), "sources")


def test_a_reader_that_leaves_at_once_still_gets_the_whole_entry_stored(tmp_path):
    """The reader may quit the moment the story shows: the child still works out the provenance
    and stores the whole entry (a reopen then opens straight on the reader)."""
    story = make_story(tmp_path / "story", outlets=3, sentences=20, seed=14)
    first, _after, handed, entries = _child_run(tmp_path, story, leave_at_once=True)
    assert first[-1].get("sources_next")  # it left between the alignment and the provenance
    assert "sources" not in unpack(handed, first[-1]["key"])[0]._cache
    [entry] = entries.iterdir()
    stored, _ = unpack(entry.read_bytes(), entry.name.removesuffix(".alignment"))
    assert {"sources", "arrangement"} <= stored._cache.keys()


def test_a_reopened_story_loads_neither_the_aligner_nor_cleaning(tmp_path, sample_dir):
    """On a cache hit the reader's process reads the alignment, its Sources and the panes' order
    and imports the reader screen: nothing that aligns (the aligner's import alone is ~30 ms)."""
    import os

    code = (
        "import sys, json\nfrom retold.model.cache import AlignmentCache\n"
        "from retold.model.offload import load_alignment_aside\nfrom retold.model.arrange import arrangement_of\n"
        "from retold.model.sources import quote_marks_for\n"
        f"alignment = load_alignment_aside([{str(sample_dir)!r}], cache=AlignmentCache(with_sources=True), semantic=False)\n"
        "arrangement_of(alignment); quote_marks_for(alignment)\nimport retold.tui.app, retold.tui.screens.reader\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = dict(os.environ, RETOLD_CACHE_DIR=str(tmp_path / "cache"))
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)  # fills the cache
    loaded = set(json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout))
    assert "retold.model.cache" in loaded and "retold.tui.screens.reader" in loaded
    for heavy in ("retold.model.align", "retold.model.clean", "retold.model.segment"):
        assert heavy not in loaded, heavy


def _reader_opening(app, monkeypatch):
    """Run `app` until the reader shows: (whether it did, its panes' order, loading screens made)."""
    from retold.tui.screens import loading
    from retold.tui.screens.reader import ReaderScreen

    made: list[object] = []
    real = loading.LoadingScreen.__init__

    def counting(self, *args, **kwargs):
        made.append(self)
        real(self, *args, **kwargs)

    monkeypatch.setattr(loading.LoadingScreen, "__init__", counting)

    async def main():
        async with app.run_test(size=(120, 30)) as pilot:
            for _ in range(1500):
                if isinstance(app.screen, ReaderScreen):
                    break
                await asyncio.sleep(0.01)
            await pilot.pause()
            return isinstance(app.screen, ReaderScreen), app.screen.state.arrangement

    opened, arrangement = asyncio.run(main())
    return opened, arrangement, len(made)


def test_a_reopened_story_opens_on_the_reader_with_no_loading_screen(tmp_path, sample_dir, monkeypatch):
    """A cache entry that carries the Sources and the panes' order is read before the app runs
    and the reader is the first screen: no loading screen, no loading thread, nothing computed."""
    from retold.model.arrange import arrangement_of

    load_alignment([str(sample_dir)], cache=AlignmentCache(tmp_path / "entries", with_sources=True), semantic=False)
    app = RetoldApp(paths=[str(sample_dir)], cache=AlignmentCache(tmp_path / "entries"), semantic=False)
    assert app.alignment is not None  # read in the constructor
    opened, arrangement, loading_screens = _reader_opening(app, monkeypatch)
    assert opened and loading_screens == 0
    assert arrangement == arrangement_of(load_alignment([str(sample_dir)], semantic=False))


@pytest.mark.parametrize("why", ["entry without the Sources", "entry larger than the bound", "no entry"])
def test_anything_else_opens_behind_the_loading_screen(tmp_path, sample_dir, monkeypatch, why):
    from retold.tui import app as app_module

    if why == "entry without the Sources":  # as `retold align` stores it
        load_alignment([str(sample_dir)], cache=AlignmentCache(tmp_path / "entries"), semantic=False)
    elif why == "entry larger than the bound":
        load_alignment([str(sample_dir)], cache=AlignmentCache(tmp_path / "entries", with_sources=True), semantic=False)
        monkeypatch.setattr(app_module, "FAST_ENTRY_BYTES", 100)
    app = RetoldApp(paths=[str(sample_dir)], cache=AlignmentCache(tmp_path / "entries"), semantic=False)
    assert app.alignment is None
    opened, _, loading_screens = _reader_opening(app, monkeypatch)
    assert opened and loading_screens == 1
    if why != "entry larger than the bound":  # the loading thread stored or completed the entry: next time, at once
        assert RetoldApp(paths=[str(sample_dir)], cache=AlignmentCache(tmp_path / "entries"), semantic=False).alignment is not None


def test_a_story_missing_from_the_cache_is_looked_up_once_before_its_child_starts(tmp_path, children, monkeypatch):
    """The app looks the story up before it runs (to open a reopened story at once); on a miss the
    loading thread goes straight to the aligning child, without reading every file and hashing
    them again first (the child looks it up itself before aligning)."""
    from retold.tui.screens.reader import ReaderScreen

    story = make_story(tmp_path / "story", outlets=3, sentences=20, seed=15)
    looked_up = []
    real = AlignmentCache.get

    def get(self, key, *args, **kwargs):
        looked_up.append(key)
        return real(self, key, *args, **kwargs)

    monkeypatch.setattr(AlignmentCache, "get", get)

    async def main():
        app = RetoldApp(paths=[str(story)], cache=AlignmentCache(tmp_path / "entries"))
        async with app.run_test(size=(120, 30)) as pilot:
            for _ in range(1500):
                if isinstance(app.screen, ReaderScreen):
                    break
                await asyncio.sleep(0.02)
            await pilot.pause()
            return isinstance(app.screen, ReaderScreen)

    assert asyncio.run(main())
    assert len(children) == 1 and len(looked_up) == 1


@pytest.mark.parametrize("reopened", [False, True], ids=["aligned", "from the cache"])
def test_no_cycle_collection_while_the_first_screen_is_built_and_the_collector_runs_again_after(tmp_path, monkeypatch, reopened, sample_dir):
    """Full collections walked the whole alignment (20-110 ms apiece on 20 x 400) while the first
    screen was built: the collector waits until the reader's first frame is out, and runs again
    after it (and after an exit before it)."""
    import gc
    import shutil

    from retold.tui.screens.reader import ReaderScreen

    story = tmp_path / "story"
    shutil.copytree(sample_dir, story)
    if reopened:
        load_alignment([str(story)], cache=AlignmentCache(tmp_path / "entries", with_sources=True))
    during = []
    real_compose = ReaderScreen.compose

    def compose(self):
        during.append(gc.isenabled())
        return real_compose(self)

    monkeypatch.setattr(ReaderScreen, "compose", compose)

    async def main():
        app = RetoldApp(paths=[str(story)], cache=AlignmentCache(tmp_path / "entries"))
        async with app.run_test(size=(120, 30)) as pilot:
            for _ in range(1500):
                if isinstance(app.screen, ReaderScreen):
                    break
                await asyncio.sleep(0.02)
            for _ in range(100):
                await pilot.pause()
                if gc.isenabled():
                    break
            return app._from_cache, gc.isenabled()

    try:
        from_cache, after = asyncio.run(main())
    finally:
        gc.enable()
    assert from_cache == reopened and during == [False] and after


def test_the_collector_runs_again_after_an_exit_before_the_first_frame(tmp_path, sample_dir):
    import gc

    async def main():
        app = RetoldApp(paths=[str(sample_dir)], cache=AlignmentCache(tmp_path / "entries"))
        async with app.run_test(size=(120, 30)) as pilot:
            from retold.tui.app import hold_collections

            hold_collections()  # as the loading thread does once the story is in
            await pilot.press("ctrl+c")

    try:
        asyncio.run(main())
        assert gc.isenabled()
    finally:
        gc.enable()
