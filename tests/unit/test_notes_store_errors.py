"""The notes store's real error paths (issue 21): a statement that fails inside a save leaves no
open transaction behind, and a damaged database is moved aside together with its journal files
so the new one does not open with the old journal. No method is replaced: SQLite itself fails."""

from __future__ import annotations

import sqlite3

import pytest

from retold.notes.store import NotesUnavailable, NoteStore


def test_a_failed_statement_inside_add_does_not_block_the_next_save(tmp_path):
    store = NoteStore.open(tmp_path)
    store.add("story", "before")
    # body is NOT NULL in the schema: SQLite refuses the row inside add's transaction.
    with pytest.raises((sqlite3.IntegrityError, NotesUnavailable)):
        store.add("story", None)
    saved = store.add("story", "after the failure")  # same store, same session
    assert saved.body == "after the failure"
    assert not store.db.in_transaction
    # Committed, not held in a transaction left open: another connection sees both notes.
    other = NoteStore.open(tmp_path)
    assert [n.body for n in other.for_story("story")] == ["before", "after the failure"]
    store.update_body(saved.id, "edited after the failure")
    store.delete(saved.id)
    assert [n.body for n in NoteStore.open(tmp_path).for_story("story")] == ["before"]


def test_a_damaged_database_is_moved_aside_with_its_wal_and_shm(tmp_path):
    """Another window still has the database open, its last note only in the write-ahead log,
    when the main file's header is damaged. The next start moves all three files aside together
    (SQLite cannot remove a journal another connection holds), recovers every note from them,
    and starts a new database that does not open with the old journal."""
    first = NoteStore.open(tmp_path)
    first.add("story", "checkpointed")
    first.close()  # the last connection: SQLite writes the log into the main file
    window = NoteStore.open(tmp_path)  # kept open, like a reader in another terminal
    window.add("story", "only in the journal")
    with open(tmp_path / "notes.db", "r+b") as handle:
        handle.write(b"not a database!!")  # the 16-byte header SQLite checks first
    old_wal = (tmp_path / "notes.db-wal").read_bytes()
    old_shm = (tmp_path / "notes.db-shm").read_bytes()

    store = NoteStore.open(tmp_path)
    assert store.notice and "moved to" in store.notice

    # All three kept aside together: the database's mark after notes.db, notes.db-wal, notes.db-shm.
    [db_aside] = [p for p in tmp_path.iterdir() if p.name.startswith("notes.db.damaged-")]
    assert db_aside.read_bytes()[:16] == b"not a database!!"
    mark = db_aside.name[len("notes.db"):]  # .damaged-<stamp>-<pid>-<random>
    assert (tmp_path / f"notes.db-wal{mark}").read_bytes() == old_wal
    assert (tmp_path / f"notes.db-shm{mark}").read_bytes() == old_shm

    # The new database is clean and holds every note, the journal's too, once each.
    assert store.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert sorted(n.body for n in store.for_story("story")) == ["checkpointed", "only in the journal"]
    store.add("story", "a new note")
    store.close()
    window.close()
    reopened = NoteStore.open(tmp_path)
    assert reopened.notice is None
    assert sorted(n.body for n in reopened.for_story("story")) == ["a new note", "checkpointed", "only in the journal"]
