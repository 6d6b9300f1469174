"""A small story aligns in a forked process while the reader's process imports Textual, and the
reader opens straight on the entry it stored (issue 19, item 2): the same alignment, Sources and
panes' order as the reader's own load, and the same one-line error when the story fails."""

from __future__ import annotations

import asyncio
import os

import pytest

from retold.model import offload, pipeline
from retold.model.cache import AlignmentCache
from retold.model.offload import load_early
from retold.model.pipeline import cached_alignment, load_alignment
from retold.model.sources import sources_of
from retold.synthetic import make_story
from retold.tui.app import RetoldApp

from tests.unit.test_cache import assert_same


def _ended_cleanly(early) -> bool:
    return early.done(60) and os.WIFEXITED(early.status) and os.WEXITSTATUS(early.status) == 0


def test_an_early_load_stores_the_entry_the_reader_would(tmp_path):
    story = [str(make_story(tmp_path / "story", outlets=3, sentences=20, seed=21))]
    store = AlignmentCache(tmp_path / "entries")
    early = load_early(story, store, semantic=False)
    assert early is not None and _ended_cleanly(early)
    found = cached_alignment(story, AlignmentCache(tmp_path / "entries", with_sources=True), semantic=False)
    assert found is not None and {"sources", "arrangement"} <= found._cache.keys()
    fresh = load_alignment(story, semantic=False)
    assert_same(found, fresh)
    assert_same(found._cache["sources"], sources_of(fresh), "sources")


def test_no_early_load_without_a_cache_for_a_big_story_or_with_the_sentence_model(tmp_path, monkeypatch):
    story = [str(make_story(tmp_path / "story", outlets=2, sentences=10, seed=22))]
    store = AlignmentCache(tmp_path / "entries")
    assert load_early(story, None, semantic=False) is None  # --no-cache: nothing to hand it over through
    assert load_early([str(tmp_path / "missing")], store, semantic=False) is None  # the reader says what is wrong
    with monkeypatch.context() as patch:
        patch.setattr(offload, "IN_PROCESS_BELOW", 10)  # a big story: the reader's child, with progress
        assert load_early(story, store, semantic=False) is None
    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "semantic_option", lambda enabled=True: "model==1")  # embedding reports progress
        assert load_early(story, store, semantic=True) is None
    assert list((tmp_path / "entries").glob("*")) == []


def _run_reader(app):
    """(whether the reader opened, whether a loading screen was made on the way)."""
    from retold.tui.screens import loading
    from retold.tui.screens.reader import ReaderScreen

    made = []
    real = loading.LoadingScreen.__init__

    def recording(self, *args, **kwargs):
        made.append(self)
        real(self, *args, **kwargs)

    async def main():
        async with app.run_test(size=(120, 30)) as pilot:
            for _ in range(1500):
                if isinstance(app.screen, ReaderScreen) or app.load_error:
                    break
                await asyncio.sleep(0.02)
            await pilot.pause()
            return isinstance(app.screen, ReaderScreen)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(loading.LoadingScreen, "__init__", recording)
        return asyncio.run(main()), bool(made)


def test_the_reader_opens_straight_on_an_early_loaded_story(tmp_path, monkeypatch):
    story = [str(make_story(tmp_path / "story", outlets=3, sentences=20, seed=23))]
    early = load_early(story, AlignmentCache(tmp_path / "entries"), semantic=False)
    assert early is not None
    early.done(60)  # as on a quiet machine: it ends while Textual is imported
    aligned = []
    real = pipeline.align
    monkeypatch.setattr(pipeline, "align", lambda *a, **k: aligned.append(1) or real(*a, **k))
    app = RetoldApp(paths=story, cache=AlignmentCache(tmp_path / "entries"), semantic=False, early=early)
    opened, loading_shown = _run_reader(app)
    assert opened and app._from_cache and not loading_shown and not aligned  # aligned once, in the fork
    assert_same(app.alignment, load_alignment(story, semantic=False))


class _StillAtWork:
    """An early load that is not done when the reader's constructor asks, and fills the cache
    (here, in the loading thread) when the loading thread asks."""

    def __init__(self, story, store):
        self.story, self.store, self.asked = story, store, 0

    def done(self, timeout):
        self.asked += 1
        if self.asked == 1:
            return False
        if self.asked == 2:
            self.store.with_sources = True
            alignment, finish = offload.load_alignment_first(self.story, cache=self.store, semantic=False)
            finish()
        return True

    def cancel(self):
        pass


def test_an_early_load_still_at_work_is_waited_for_behind_the_loading_screen(tmp_path, monkeypatch):
    story = [str(make_story(tmp_path / "story", outlets=3, sentences=20, seed=24))]
    aligned = []
    real = pipeline.align
    monkeypatch.setattr(pipeline, "align", lambda *a, **k: aligned.append(1) or real(*a, **k))
    early = _StillAtWork(story, AlignmentCache(tmp_path / "entries"))
    app = RetoldApp(paths=story, cache=AlignmentCache(tmp_path / "entries"), semantic=False, early=early)
    opened, loading_shown = _run_reader(app)
    assert opened and not app._from_cache and loading_shown
    assert early.asked >= 2 and app.cache.last == "hit"  # the loading thread waited for it, then read its entry
    assert len(aligned) == 1  # the early load's: the loading thread did not align again
    assert_same(app.alignment, load_alignment(story, semantic=False))


def test_a_story_that_fails_early_is_said_by_the_reader_as_without_it(tmp_path):
    story = tmp_path / "story"
    make_story(story, outlets=2, sentences=10, seed=25)
    for path in story.glob("*.txt"):
        path.write_text("   \n", encoding="utf-8")  # no article text anywhere
    paths = [str(story)]
    early = load_early(paths, AlignmentCache(tmp_path / "entries"), semantic=False)
    assert early is not None and early.done(60)
    with_early = RetoldApp(paths=paths, cache=AlignmentCache(tmp_path / "entries"), semantic=False, early=early)
    without = RetoldApp(paths=paths, cache=AlignmentCache(tmp_path / "other"), semantic=False)
    for app in (with_early, without):
        opened, _ = _run_reader(app)
        assert not opened
    assert with_early.load_error and with_early.load_error == without.load_error


@pytest.mark.parametrize("seed", [26])
def test_the_early_child_writes_nothing_to_the_terminal(tmp_path, capfd, seed):
    story = tmp_path / "story"
    make_story(story, outlets=2, sentences=10, seed=seed)
    (story / "bad.txt").write_bytes(b"\xff\xfe odd bytes \x00 here\n")  # a warning the reader repeats, not the child
    early = load_early([str(story)], AlignmentCache(tmp_path / "entries"), semantic=False)
    assert early is not None and early.done(60)
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_the_reader_screen_is_imported_while_the_early_load_works(tmp_path, sample_dir):
    """The constructor imports what opening from the entry needs before it waits for the copy,
    so the two overlap (in a fresh process: this one has imported the reader already)."""
    import json
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        "from retold.model.cache import AlignmentCache\n"
        "from retold.tui.app import RetoldApp\n"
        "asked = []\n"
        "class Early:\n"
        "    def done(self, timeout):\n"
        "        asked.append('retold.tui.screens.reader' in sys.modules and 'retold.model.sources' in sys.modules)\n"
        "        return True\n"
        f"RetoldApp(paths=[{str(sample_dir)!r}], cache=AlignmentCache(), semantic=False, early=Early())\n"
        "print(json.dumps(asked))\n"
    )
    env = dict(os.environ, RETOLD_CACHE_DIR=str(tmp_path / "entries"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert json.loads(out.strip().splitlines()[-1]) == [True]


class _Child:
    """A real child process standing for an early load still at work (it sleeps)."""

    def __init__(self):
        self.pid = os.fork()
        if self.pid == 0:  # the child: sleeps until killed
            import time

            time.sleep(60)
            os._exit(0)
        self.status = None
        self._inner = offload.EarlyLoad(self.pid)

    def done(self, timeout):
        found = self._inner.done(timeout)
        self.status = self._inner.status
        return found

    def cancel(self):
        self._inner.cancel()
        self.status = self._inner.status


def test_an_early_load_still_at_work_when_the_cache_answers_is_ended_and_reaped(tmp_path):
    """(review of this sitting) The story is in the cache already and the forked copy has not
    finished: the reader opens on the cache entry and the copy is ended and reaped, not left a
    zombie aligning beside the reader."""
    story = [str(make_story(tmp_path / "story", outlets=3, sentences=20, seed=27))]
    store = AlignmentCache(tmp_path / "entries")
    early_done = load_early(story, store, semantic=False)
    assert early_done is not None and _ended_cleanly(early_done)  # the entry is there
    child = _Child()
    app = RetoldApp(paths=story, cache=AlignmentCache(tmp_path / "entries"), semantic=False, early=child)
    assert app._from_cache and child.status is not None  # ended, and its status read (reaped)
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)  # nothing left to reap
