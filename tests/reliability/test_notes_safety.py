"""Issue 11, "Notes: losses found" (1–8): a note once saved never disappears.

Faults are real where they can be: a file-size limit (RLIMIT_FSIZE) stands in for a full disk,
separate processes race on a damaged database, a write-ahead log is cut off by SIGKILL and
then damaged, another connection holds the write lock.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from retold.cli import main
from retold.notes.service import StoryNotes
from retold.notes.store import NotesUnavailable, NoteStore, data_dir

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits and signals")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def child(code: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], capture_output=True, text=True, timeout=timeout)


def seed(directory: Path, count: int) -> None:
    store = NoteStore.open(directory)
    for n in range(count):
        store.add("story", f"note {n}")
    store.close()


def aside_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if "damaged" in p.name or "corrupt" in p.name)


# ---------------------------------------------------------------- 1: full disk on opening

@posix_only
def test_full_disk_on_opening_keeps_the_database_and_opens_read_only(tmp_path):
    seed(tmp_path, 40)
    before = digest(tmp_path / "notes.db")
    result = child(
        """
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # no file may grow: a full disk
        from retold.notes.store import NotesUnavailable, NoteStore
        store = NoteStore.open(sys.argv[1])
        sys.stderr.write(f"{store.read_only}|{store.count()}|{store.notice}\\n")
        try:
            store.add("story", "while full")
        except NotesUnavailable as exc:
            sys.stderr.write(f"refused: {exc}\\n")
        """,
        str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    read_only, count, notice = result.stderr.splitlines()[0].split("|", 2)
    assert read_only == "True" and count == "40"
    assert "read-only" in notice and "Nothing was moved or lost" in notice
    assert "refused:" in result.stderr and "not saved" in result.stderr
    assert aside_files(tmp_path) == [] and digest(tmp_path / "notes.db") == before
    assert NoteStore.open(tmp_path).count() == 40  # space again: all there, writable


# ---------------------------------------------------------------- 2: a race to repair

RACER = """
import random, sqlite3, sys, time
from pathlib import Path
from retold.notes.store import NoteStore
directory, name = Path(sys.argv[1]), sys.argv[2]
connect = NoteStore._connect

def slow_disk(path):  # a slow disk widens the window between finding damage and repairing it
    try:
        return connect(path)
    except sqlite3.DatabaseError:
        time.sleep(random.uniform(0, 0.3))
        raise

NoteStore._connect = staticmethod(slow_disk)
while not (directory / "go").exists():
    time.sleep(0.001)
store = NoteStore.open(directory)
for n in range(5):
    note = store.add("story", f"{name}-{n}")
    print(note.body, flush=True)  # acknowledged
"""


@posix_only
def test_processes_starting_at_once_on_a_damaged_database_lose_nothing(tmp_path):
    for round_no in range(6):
        directory = tmp_path / f"round{round_no}"
        directory.mkdir()
        damaged = b"not a database, but the user's bytes " * 100
        (directory / "notes.db").write_bytes(damaged)
        racers = [
            subprocess.Popen([sys.executable, "-c", RACER, str(directory), f"p{i}"], stdout=subprocess.PIPE, text=True)
            for i in range(4)
        ]
        time.sleep(0.3)
        (directory / "go").write_text("")
        acknowledged = set()
        for racer in racers:
            out, _ = racer.communicate(timeout=60)
            assert racer.returncode == 0
            acknowledged |= set(out.split())
        assert len(acknowledged) == 20
        bodies = {n.body for n in NoteStore.open(directory).for_story("story")}
        assert acknowledged <= bodies, acknowledged - bodies  # every acknowledged note is in the database
        moved = [p for p in aside_files(directory) if "-wal" not in p.name and "-shm" not in p.name]
        assert len(moved) == 1 and moved[0].read_bytes() == damaged  # repaired once, original bytes kept


# ---------------------------------------------------------------- 3: a damaged write-ahead log

WAL_WRITER = """
import os, signal, sys
from retold.notes.store import NoteStore
store = NoteStore.open(sys.argv[1])
store.db.execute("PRAGMA wal_autocheckpoint = 0")  # the notes stay in the log
for n in range(40):
    store.add("story", f"in the log {n}")
os.kill(os.getpid(), signal.SIGKILL)  # no checkpoint on close
"""


@posix_only
def test_damaged_wal_is_kept_reported_and_its_notes_recovered(tmp_path, monkeypatch, capsys):
    seed(tmp_path, 3)
    subprocess.run([sys.executable, "-c", WAL_WRITER, str(tmp_path)], timeout=60)
    wal = tmp_path / "notes.db-wal"
    assert wal.stat().st_size > 0
    data = bytearray(wal.read_bytes())
    data[0] ^= 0xFF  # the header's magic number: SQLite would ignore the whole log
    wal.write_bytes(bytes(data))
    store = NoteStore.open(tmp_path)
    assert store.notice and "damaged" in store.notice and "notes doctor --import" in store.notice
    [copy] = [p for p in aside_files(tmp_path) if p.name.startswith("notes.db-wal.damaged-")]
    assert copy.read_bytes() == bytes(data)  # every byte kept
    assert store.count() == 3  # what SQLite could read
    store.close()
    monkeypatch.setenv("RETOLD_DATA_DIR", str(tmp_path))
    assert main(["notes", "doctor"]) == 0
    assert "40 not in the database" in capsys.readouterr().out
    assert main(["notes", "doctor", "--import"]) == 0
    assert "imported 40 notes" in capsys.readouterr().out
    bodies = [n.body for n in NoteStore.open(tmp_path).for_story("story")]
    assert sorted(bodies) == sorted([f"note {n}" for n in range(3)] + [f"in the log {n}" for n in range(40)])
    assert main(["notes", "doctor", "--import"]) == 0  # a second run imports nothing twice
    assert NoteStore.open(tmp_path).count() == 43


def test_healthy_log_after_a_kill_is_not_reported(tmp_path):
    seed(tmp_path, 3)
    subprocess.run([sys.executable, "-c", WAL_WRITER, str(tmp_path)], timeout=60)
    store = NoteStore.open(tmp_path)
    assert store.notice is None and store.count() == 43 and aside_files(tmp_path) == []


def test_doctor_recovers_notes_from_a_moved_aside_database(tmp_path, monkeypatch, capsys):
    seed(tmp_path, 5)
    damaged = tmp_path / "notes.db"
    data = bytearray(damaged.read_bytes())
    data[:16] = b"garbage garbage!"  # the file header: "file is not a database"
    damaged.write_bytes(bytes(data))
    store = NoteStore.open(tmp_path)
    assert store.count() == 0 and "moved to" in store.notice
    store.close()
    monkeypatch.setenv("RETOLD_DATA_DIR", str(tmp_path))
    assert main(["notes", "doctor", "--import"]) == 0
    out = capsys.readouterr().out
    assert "moved aside" in out
    # A file whose header is gone may hold nothing SQLite can read: it is kept and said so.
    assert len(aside_files(tmp_path)) >= 1


# ---------------------------------------------------------------- 4: another program holds the lock

def test_a_held_write_lock_is_waited_for_a_bounded_time(tmp_path):
    seed(tmp_path, 1)
    holder = sqlite3.connect(tmp_path / "notes.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    store = NoteStore.open(tmp_path)
    start = time.monotonic()
    with pytest.raises(NotesUnavailable, match="locked by another program; the note was not saved"):
        store.add("story", "blocked")
    assert time.monotonic() - start < 5  # was 57 s
    holder.execute("COMMIT")
    store.add("story", "after")
    assert [n.body for n in store.for_story("story")] == ["note 0", "after"]


def test_reader_keeps_the_text_while_the_lock_is_held(tmp_path, sample_dir):
    from tests.tui.helpers import drive, make_app

    data = Path(os.environ["RETOLD_DATA_DIR"])
    seed(data, 1)
    holder = sqlite3.connect(data / "notes.db", isolation_level=None, check_same_thread=False)

    async def script(pilot, screen):
        holder.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        await pilot.press("m", *"kept words", "ctrl+s")
        await pilot.pause()
        took = time.monotonic() - started
        current = pilot.app.screen
        return took, type(current).__name__, current.query_one("TextArea").text, [n.message for n in pilot.app._notifications]

    took, current, text, messages = drive(make_app([sample_dir]), script)
    holder.execute("ROLLBACK")
    assert current == "NoteEditor" and text == "kept words"
    assert any("locked by another program" in m for m in messages)
    assert took < 10


# ---------------------------------------------------------------- 5: two readers on one story

def test_two_readers_keep_both_texts(tmp_path, sample_alignment):
    first = StoryNotes(NoteStore.open(tmp_path), sample_alignment)
    second = StoryNotes(NoteStore.open(tmp_path), sample_alignment)
    outlet = sample_alignment.outlets[0].id
    first.save_on_sentence(outlet, 0, "original")
    second.reload()
    first.save_on_sentence(outlet, 0, "first's edit")
    second.save_on_sentence(outlet, 0, "second's edit")  # based on "original": a conflict
    assert "changed in another window" in second.take_notice()
    bodies = sorted(n.body for n in NoteStore.open(tmp_path).for_story(sample_alignment.story_key))
    assert bodies == ["first's edit", "second's edit"]


def test_editing_a_note_deleted_elsewhere_saves_the_text(tmp_path, sample_alignment):
    first = StoryNotes(NoteStore.open(tmp_path), sample_alignment)
    second = StoryNotes(NoteStore.open(tmp_path), sample_alignment)
    outlet = sample_alignment.outlets[0].id
    note = first.save_on_sentence(outlet, 1, "to be deleted")
    second.reload()
    first.delete(note.id)
    saved = second.save_on_sentence(outlet, 1, "still wanted")
    assert "deleted in another window" in second.take_notice()
    assert saved.body == "still wanted" and saved.exact == note.exact  # on the same sentence
    assert [n.body for n in NoteStore.open(tmp_path).for_story(sample_alignment.story_key)] == ["still wanted"]


# ---------------------------------------------------------------- 6: schemas we do not know

@pytest.mark.parametrize(
    "setup, words",
    [
        (["PRAGMA user_version = 1"], "version 1 but no notes table"),
        (["CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "PRAGMA user_version = 1"], "without"),
        (["CREATE TABLE bookmarks (id INTEGER PRIMARY KEY)"], "not a retold notes database"),
    ],
)
def test_unknown_schema_is_refused_and_left_untouched(tmp_path, setup, words, capsys, monkeypatch):
    db = sqlite3.connect(tmp_path / "notes.db")
    for statement in setup:
        db.execute(statement)
    db.commit()
    db.close()
    before = digest(tmp_path / "notes.db")
    with pytest.raises(NotesUnavailable, match=words):
        NoteStore.open(tmp_path)
    assert digest(tmp_path / "notes.db") == before and aside_files(tmp_path) == []
    monkeypatch.setenv("RETOLD_DATA_DIR", str(tmp_path))
    assert main(["notes", "list"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err and "Traceback" not in err


# ---------------------------------------------------------------- 7: one broken story

STORY_A = "Harbour council approves the sea wall\n\nThe council approved the sea wall on Monday after a long debate.\n"
STORY_B = "Ferry strike ends after two days\n\nThe ferry crews returned to work on Friday after the vote.\n"


def test_one_broken_story_does_not_hide_the_others(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RETOLD_DATA_DIR", str(tmp_path / "data"))
    folders = []
    for name, text in (("a", STORY_A), ("b", STORY_B)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "one.txt").write_text(text)
        assert main(["notes", "add", str(folder), "--outlet", "one", "--quote", "after", "--text", f"note on {name}"]) == 0
        folders.append(folder)
    (folders[0] / "story.toml").write_text("[story]\ntitle = 42\n")
    capsys.readouterr()
    for command in (["notes", "list"], ["notes", "export"]):
        assert main(command) == 0
        captured = capsys.readouterr()
        assert "note on a" in captured.out and "note on b" in captured.out  # a's notes, listed detached
        assert "story.toml" in captured.err and "'title' must be a string" in captured.err


# ---------------------------------------------------------------- 8: "~" in RETOLD_DATA_DIR

def test_tilde_in_the_data_dir_means_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("RETOLD_DATA_DIR", "~/notes")
    assert data_dir() == tmp_path / "home" / "notes"
    NoteStore.open().close()
    assert (tmp_path / "home" / "notes" / "notes.db").exists() and not Path("~").exists()


# ---------------------------------------------------------------- notes add / delete

def test_notes_add_anchors_as_the_reader_does(tmp_path, sample_dir, capsys, sample_alignment):
    assert main(["notes", "add", str(sample_dir), "--outlet", "The Harbour Ledger", "--quote", "undersea", "--text", "scripted"]) == 0
    assert "added note #1 on The Harbour Ledger" in capsys.readouterr().out
    notes = StoryNotes(NoteStore.open(), sample_alignment)
    [placed] = notes.placed
    assert placed.anchor.how == "exact" and "undersea" in placed.quote
    assert main(["notes", "add", str(sample_dir), "--outlet", "Nobody", "--quote", "x", "--text", "y"]) == 2
    assert "no outlet named 'Nobody'" in capsys.readouterr().err
    assert main(["notes", "delete", "1"]) == 0 and main(["notes", "delete", "1"]) == 1
    assert NoteStore.open().count() == 0
