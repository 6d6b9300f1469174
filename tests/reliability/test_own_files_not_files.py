"""A FIFO, a directory or a link to a device where retold keeps a file of its own (an alignment
cache entry, the notes database or its journal, the keymap, the sentence-vector cache) is never
opened and waited on: the cache takes it for a miss, the notes are unavailable with one line
naming the path and what stands there, the keymap's defaults stand, the vector cache is off
for the run; and the thing is left where it was. Before: a FIFO at a cache entry's name hung
`retold align`, a FIFO at notes.db or notes.db-wal hung every notes command and the reader.

Each call runs in a thread with a generous hang guard (never a timing assertion): when it
waits on a FIFO, the guard fails the test and a writer is opened to release it.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from retold.model.cache import AlignmentCache
from retold.model.semantic.cache import VectorCache
from retold.notes.store import NotesUnavailable, NoteStore
from retold.tui.keymap import load_keymap

HANG_GUARD_S = 30
KINDS = {"fifo": "a FIFO", "directory": "a directory", "device": "a device", "link to a fifo": "a FIFO"}


def plant(path: Path, kind: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "device":
        path.symlink_to("/dev/zero")
    else:
        os.mkfifo(path.with_name(path.name + ".target"))
        path.symlink_to(path.name + ".target")


def release(path: Path) -> None:
    """Open a writer on a FIFO someone waits on (their read then ends)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass


def within_guard(path: Path, call):
    outcome: dict = {}

    def run():
        try:
            outcome["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(HANG_GUARD_S)
    if worker.is_alive():
        release(path)
        worker.join(5)
        pytest.fail(f"waited on {path} (a {path.stat().st_mode:o} at a file of retold's own)")
    return outcome


def left_as_it_was(path: Path, kind: str) -> bool:
    return path.is_symlink() if kind in ("device", "link to a fifo") else (
        path.is_dir() if kind == "directory" else path.is_fifo())


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_cache_entry_that_is_not_a_file_is_a_miss_left_as_it_is(tmp_path, kind):
    cache = AlignmentCache(tmp_path / "alignments")
    key = "0" * 64
    plant(cache.path_for(key), kind)
    outcome = within_guard(cache.path_for(key), lambda: cache.get(key))
    assert outcome == {"value": None} and cache.last == "miss"
    assert left_as_it_was(cache.path_for(key), kind)


@pytest.mark.parametrize("name", ["notes.db", "notes.db-wal", "notes.db-shm"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_notes_file_that_is_not_a_file_is_named_and_left(tmp_path, name, kind):
    if name != "notes.db":  # a real database beside the planted journal
        NoteStore.open(tmp_path).close()
    plant(tmp_path / name, kind)
    outcome = within_guard(tmp_path / name, lambda: NoteStore.open(tmp_path))
    error = outcome.get("error")
    assert isinstance(error, NotesUnavailable), outcome
    assert str(tmp_path / name) in str(error) and KINDS[kind] in str(error) and "\n" not in str(error)
    assert left_as_it_was(tmp_path / name, kind)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_keymap_that_is_not_a_file_keeps_the_default_keys(tmp_path, kind):
    path = tmp_path / "keymap.toml"
    plant(path, kind)
    outcome = within_guard(path, lambda: load_keymap(path))
    keymap, problems = outcome["value"]
    assert keymap == {} and len(problems) == 1 and str(path) in problems[0] and KINDS[kind] in problems[0]
    assert left_as_it_was(path, kind)


@pytest.mark.parametrize("suffix", ["", "-wal", "-journal"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_vector_cache_that_is_not_a_file_is_off_for_the_run(tmp_path, suffix, kind):
    path = tmp_path / "vectors" / "vectors.sqlite"
    planted = path.with_name(path.name + suffix)
    plant(planted, kind)
    outcome = within_guard(planted, lambda: VectorCache(path, timeout=0.5))
    cache = outcome["value"]
    assert cache.db is None and planted.name in cache.problem and KINDS[kind] in cache.problem
    assert left_as_it_was(planted, kind)
