"""A story aligned in the child process opens before its provenance is worked out (issue 19:
the Sources after the first screen): until it arrives the Sources view and the outlet panel say
it is being worked out (never working it out on the screen's thread), then draw it; its arrival
changes nothing the reader shows."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from retold.model import offload
from retold.model import sources as sources_module
from retold.model.arrange import arrangement_of
from retold.model.pipeline import load_alignment
from retold.model.sources import quotes_of, source_rows, sources_of
from retold.tui.app import RetoldApp
from retold.tui.widgets.sources_views import LineList, SourcesView

from tests.tui.screen_text import screen_text
from tests.unit.test_cache import assert_same

SELKE = Path(__file__).resolve().parents[2] / "sample_corpus" / "selke-landslide"


def _late_sources(monkeypatch):
    """The loading thread gets the alignment with its quotes and panes' order and no provenance,
    as the aligning child hands it over; the provenance follows when `release` is set. Working it
    out anywhere but in `finish` (the child's part) fails the test."""
    fresh = load_alignment([str(SELKE)])
    source_rows(fresh)  # the rows the view must draw, worked out before anything is refused
    expected = sources_of(load_alignment([str(SELKE)]))
    handed = load_alignment([str(SELKE)])
    quotes_of(handed)
    arrangement_of(handed)
    release = threading.Event()
    computed_elsewhere = []

    def refuse(alignment):
        computed_elsewhere.append(threading.current_thread().name)
        raise AssertionError("provenance worked out outside the child")

    def first(paths, notice=None, progress=None, **options):
        def finish():
            release.wait(30)
            handed._cache["sources"] = expected
            return expected
        return handed, finish

    monkeypatch.setattr(offload, "load_alignment_first", first)
    monkeypatch.setattr(sources_module, "provenance", refuse)
    return fresh, expected, release, computed_elsewhere


async def _until(pilot, condition, tries=500):
    for _ in range(tries):
        if condition():
            return True
        await asyncio.sleep(0.01)
        await pilot.pause()
    return False


async def _reader_open(pilot, app):
    from retold.tui.screens.reader import ReaderScreen

    assert await _until(pilot, lambda: isinstance(app.screen, ReaderScreen))
    return app.screen


def test_the_sources_view_says_it_is_working_then_draws_the_provenance_in_place(monkeypatch):
    fresh, expected, release, computed_elsewhere = _late_sources(monkeypatch)

    async def main():
        app = RetoldApp(paths=[str(SELKE)])
        async with app.run_test(size=(120, 34)) as pilot:
            await _reader_open(pilot, app)
            pending = app.sources_pending
            await pilot.press("o", "4")
            view = app.screen.query_one(SourcesView)
            waiting = [row.plain for row in app.screen.query_one("#sources-list", LineList).rows]
            release.set()

            def listed():
                found = app.screen.query("#sources-list")  # none for a moment while it is redrawn
                return [row.plain for row in found.first(LineList).rows] if found else waiting

            assert await _until(pilot, lambda: not app.sources_pending and listed() != waiting)  # redrawn
            await pilot.pause()
            return pending, waiting, listed(), isinstance(app.focused, LineList), view.rows

    pending, waiting, drawn, focused, rows = asyncio.run(main())
    assert pending and waiting == [SourcesView.PENDING]
    assert rows == source_rows(fresh) and any("likely" in row for row in drawn) and focused
    assert not computed_elsewhere


def test_the_provenance_arriving_changes_nothing_the_reader_shows(monkeypatch):
    fresh, expected, release, computed_elsewhere = _late_sources(monkeypatch)

    async def main():
        app = RetoldApp(paths=[str(SELKE)])
        async with app.run_test(size=(120, 34)) as pilot:
            reader = await _reader_open(pilot, app)
            await pilot.press("j", "j", "tab", "j")
            await pilot.pause(0.3)
            before, alignment = screen_text(app), reader.alignment
            release.set()
            assert await _until(pilot, lambda: not app.sources_pending)
            await pilot.pause(0.3)
            return before, screen_text(app), alignment, reader.alignment, app.alignment, app.screen is reader

    before, after, shown_before, shown, loaded, same_screen = asyncio.run(main())
    assert same_screen and before == after
    assert shown is shown_before and shown._cache["sources"] is expected and loaded._cache["sources"] is expected
    assert_same(loaded, fresh)
    assert [o.id for o in shown.outlets] == list(arrangement_of(fresh).order) and shown.groups == fresh.groups
    assert not computed_elsewhere


def test_the_outlet_panel_says_the_provenance_is_on_its_way_and_shows_it_once_in(monkeypatch):
    fresh, expected, release, computed_elsewhere = _late_sources(monkeypatch)

    async def main():
        app = RetoldApp(paths=[str(SELKE)])
        async with app.run_test(size=(120, 40)) as pilot:
            await _reader_open(pilot, app)
            await pilot.press("i")
            await pilot.pause()
            waiting = screen_text(app)
            release.set()
            assert await _until(pilot, lambda: not app.sources_pending)
            await pilot.pause()
            return waiting, screen_text(app)

    waiting, drawn = asyncio.run(main())
    assert "working it out" in waiting and "working it out" not in drawn
    assert "text from" in drawn and not computed_elsewhere


def test_a_story_aligned_here_works_out_its_provenance_after_the_first_frame_and_stores_it_whole(tmp_path, monkeypatch):
    """A small story aligns in the loading thread: its provenance is worked out there too, but
    only once the reader's first frame is out, and the cache entry is stored whole after it (a
    reopen opens straight on the reader, computing nothing)."""
    import shutil

    from retold.model.cache import AlignmentCache
    from retold.model.pipeline import cached_alignment
    from retold.model.provenance import provenance as real_provenance

    story = tmp_path / "story"
    shutil.copytree(SELKE, story)
    seen = {}
    apps = []

    def recording(alignment):
        seen["after_first_frame"] = apps[0]._first_frame.is_set()
        seen["stored_before"] = any((tmp_path / "entries").glob("*.alignment"))
        seen["thread"] = threading.current_thread().name
        return real_provenance(alignment)

    monkeypatch.setattr(sources_module, "provenance", recording)

    async def main():
        app = RetoldApp(paths=[str(story)], cache=AlignmentCache(tmp_path / "entries"))
        apps.append(app)
        async with app.run_test(size=(120, 34)) as pilot:
            await _reader_open(pilot, app)
            assert await _until(pilot, lambda: not app.sources_pending)
            return app.screen.alignment

    shown = asyncio.run(main())
    assert seen == {"after_first_frame": True, "stored_before": False, "thread": "retold-load"}
    assert "sources" in shown._cache
    again = cached_alignment([str(story)], AlignmentCache(tmp_path / "entries", with_sources=True))
    assert again is not None and {"sources", "arrangement"} <= again._cache.keys()
    assert_same(again._cache["sources"], sources_of(load_alignment([str(story)])), "sources")
