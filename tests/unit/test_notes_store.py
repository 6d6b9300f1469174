import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from retold.notes.store import SCHEMA_VERSION, NotesUnavailable, NoteStore


def test_add_update_delete_roundtrip(tmp_path):
    store = NoteStore.open(tmp_path)
    note = store.add("story", "first", source="/a.txt", outlet_name="A", exact="Quote.", start=3, end=9)
    assert store.get(note.id).body == "first" and not note.draft
    assert store.update_body(note.id, "second", draft=True).draft
    store.close()
    again = NoteStore.open(tmp_path)
    assert [n.body for n in again.for_story("story")] == ["second"]
    again.delete(note.id)
    assert again.for_story("story") == []


def test_schema_version_is_recorded(tmp_path):
    NoteStore.open(tmp_path).close()
    db = sqlite3.connect(tmp_path / "notes.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_newer_schema_is_refused_not_overwritten(tmp_path):
    NoteStore.open(tmp_path).close()
    db = sqlite3.connect(tmp_path / "notes.db")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(NotesUnavailable, match="newer retold"):
        NoteStore.open(tmp_path)


def test_corrupt_database_is_moved_aside(tmp_path):
    (tmp_path / "notes.db").write_bytes(b"this is not a database at all" * 100)
    store = NoteStore.open(tmp_path)
    assert store.notice and "moved to" in store.notice
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("notes.db.damaged-")]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not a database")
    assert str(aside[0]) in store.notice
    store.add("story", "works again")
    assert store.count() == 1


def test_directory_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(NotesUnavailable, match="cannot create"):
        NoteStore.open(blocker / "retold")


def test_unwritable_database_opens_read_only_and_stays(tmp_path, monkeypatch):
    store = NoteStore.open(tmp_path)
    store.add("story", "kept")
    store.close()

    def refuse(path):
        exc = sqlite3.OperationalError("attempt to write a readonly database")
        exc.sqlite_errorname = "SQLITE_READONLY"
        raise exc

    # Tests may run as root, which ignores file modes: the refusal is SQLite's answer itself.
    monkeypatch.setattr(NoteStore, "_connect", staticmethod(refuse))
    store = NoteStore.open(tmp_path)
    assert store.read_only and "read-only" in store.notice and "Nothing was moved" in store.notice
    assert [n.body for n in store.for_story("story")] == ["kept"]
    with pytest.raises(NotesUnavailable, match="read-only"):
        store.add("story", "not now")
    assert (tmp_path / "notes.db").exists() and not [p for p in tmp_path.iterdir() if "damaged" in p.name]


def test_two_connections_writing_at_once(tmp_path):
    NoteStore.open(tmp_path).close()
    errors = []

    def writer(name):
        try:
            store = NoteStore.open(tmp_path)
            for n in range(40):
                store.add("story", f"{name}-{n}")
            store.close()
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(name,)) for name in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    bodies = {n.body for n in NoteStore.open(tmp_path).for_story("story")}
    assert bodies == {f"{name}-{n}" for name in "ab" for n in range(40)}


def test_lock_held_by_another_process_is_waited_for(tmp_path):
    NoteStore.open(tmp_path).close()
    holder = sqlite3.connect(tmp_path / "notes.db", isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    store = NoteStore.open(tmp_path)
    threading.Timer(0.5, lambda: holder.execute("COMMIT")).start()
    start = time.monotonic()
    store.add("story", "after the lock")
    assert time.monotonic() - start >= 0.4
    assert [n.body for n in store.for_story("story")] == ["after the lock"]


KILLER = textwrap.dedent(
    """
    import sys
    from retold.notes.store import NoteStore
    store = NoteStore.open(sys.argv[1])
    print("ready", flush=True)
    n = 0
    while True:
        store.add("story", "late-%d" % n + "x" * 5000)
        n += 1
    """
)


def test_kill_during_writes_loses_nothing_saved_before(tmp_path):
    store = NoteStore.open(tmp_path)
    for n in range(50):
        store.add("story", f"early-{n}")
    store.close()
    child = subprocess.Popen([sys.executable, "-c", KILLER, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"
    time.sleep(0.5)  # mid-stream of writes
    child.send_signal(signal.SIGKILL)
    child.wait()
    reopened = NoteStore.open(tmp_path)
    assert reopened.notice is None  # opens cleanly
    bodies = [n.body for n in reopened.for_story("story")]
    assert [b for b in bodies if b.startswith("early-")] == [f"early-{n}" for n in range(50)]
    assert len(bodies) > 50  # the killed process did write, and its committed notes are all whole
    assert all(b.startswith("early-") or b.endswith("x" * 5000) for b in bodies)
