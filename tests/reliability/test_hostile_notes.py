"""Issue 17, notes (items 12, 13): notes follow a story, not its folder's path; bad arguments
and a read-only store get one clear line. A note once saved is never lost: every case counts
the database's notes before and after.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from retold.cli import main
from retold.model.pipeline import load_alignment
from retold.notes.anchor import text_hash
from retold.notes.service import StoryNotes, story_content_key
from retold.notes.store import MIGRATIONS, NoteStore

A = ("Harbour council approves the new sea wall\n\n"
     "The council approved the sea wall on Monday after a long debate. It will cost 3 million euros.\n\n"
     "Work starts in May, the mayor said.\n")
B = ("Sea wall approved by the harbour council\n\n"
     "On Monday the council approved the sea wall after a long debate. The cost is 3 million euros.\n\n"
     "Building starts in May.\n")


def make_story(folder: Path, manifest: str | None = None) -> Path:
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.txt").write_text(B, encoding="utf-8")
    if manifest:
        (folder / "story.toml").write_text(manifest, encoding="utf-8")
    return folder


def retold(*args, data: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, RETOLD_DATA_DIR=str(data))
    return subprocess.run([sys.executable, "-m", "retold", *args], capture_output=True, timeout=120, env=env)


def count(data: Path) -> int:
    db = sqlite3.connect(data / "notes.db")
    try:
        return db.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
    finally:
        db.close()


def add_two_notes(story: Path, data: Path) -> None:
    for args in (["--text", "on the whole story"], ["--outlet", "a.txt", "--quote", "Work starts in May", "--text", "check the date"]):
        done = retold("notes", "add", str(story), *args, data=data)
        assert done.returncode == 0, done.stderr


# ---------------------------------------------------------------- item 12


def test_notes_follow_a_moved_story_folder(tmp_path):
    data = tmp_path / "data"
    story = make_story(tmp_path / "story")
    add_two_notes(story, data)
    story.rename(tmp_path / "story-moved")
    done = retold("notes", "list", str(tmp_path / "story-moved"), data=data)
    out, err = done.stdout.decode(), done.stderr.decode()
    assert done.returncode == 0, err
    assert "on the whole story" in out and "check the date" in out
    [line] = [line for line in out.splitlines() if "check the date" in line]
    assert "[exact" in line  # anchored to its sentence again, not detached
    assert "follow this story here now" in err and "Traceback" not in err
    assert count(data) == 2  # moved, not copied, never dropped
    everything = retold("notes", "list", data=data).stdout.decode()
    assert str(tmp_path / "story-moved") in everything and f"({tmp_path / 'story'})" not in everything


def test_keys_of_an_older_release_are_migrated_without_losing_a_note(tmp_path):
    """A schema-2 database (before content keys), notes filed under the old folder's path."""
    data = tmp_path / "data"
    data.mkdir()
    story = make_story(tmp_path / "story")
    alignment = load_alignment([str(story)])
    outlet = next(o for o in alignment.outlets if Path(o.meta.source).name == "a.txt")
    sentence = outlet.sentences[-1]
    db = sqlite3.connect(data / "notes.db")
    for step in MIGRATIONS[:2]:
        db.executescript(step)
    db.execute("PRAGMA user_version = 2")
    rows = [
        (str(story.resolve()), None, None, "", 0, 0, None, "old story note"),
        (str(story.resolve()), str((story / "a.txt").resolve()), outlet.name, outlet.text[sentence.start:sentence.end],
         sentence.start, sentence.end, text_hash(outlet.text), "old sentence note"),
        ("/nowhere/other-story", "/nowhere/other-story/x.txt", "X", "Something else.", 0, 15, "0" * 16, "another story's note"),
    ]
    db.executemany('INSERT INTO notes (story, source, outlet_name, exact, start, "end", text_hash, body, created, updated)'
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01', '2026-01-01')", rows)
    db.commit()
    db.close()
    (tmp_path / "archive-2026").mkdir()
    moved = story.rename(tmp_path / "archive-2026" / "sea-wall")
    store = NoteStore.open(data)
    notes = StoryNotes(store, load_alignment([str(moved)]))
    placed = {p.note.body: p for p in notes.placed}
    assert set(placed) == {"old story note", "old sentence note"}
    assert placed["old sentence note"].anchor.how == "exact" and placed["old sentence note"].outlet is not None
    assert store.count() == 3  # the other story's note is kept, where it was
    again = NoteStore.open(data)
    assert {n.body for n in again.for_story(str(moved.resolve()))} == {"old story note", "old sentence note"}
    assert {n.story_id for n in again.for_story(str(moved.resolve()))} == {notes.content_key}
    assert [n.body for n in again.for_story("/nowhere/other-story")] == ["another story's note"]


def test_a_story_id_keeps_notes_across_a_move_and_an_edit_of_every_file(tmp_path):
    data = tmp_path / "data"
    story = make_story(tmp_path / "story", '[story]\nid = "sea-wall-2026"\n')
    add_two_notes(story, data)
    moved = tmp_path / "renamed"
    story.rename(moved)
    for name in ("a.txt", "b.txt"):  # every text changed: no text hash matches any more
        (moved / name).write_text((moved / name).read_text().replace("harbour", "harbour's"))
    out = retold("notes", "list", str(moved), data=data).stdout.decode()
    assert "on the whole story" in out and "check the date" in out
    assert count(data) == 2


def test_a_copy_does_not_take_the_notes_of_a_story_still_in_place(tmp_path):
    data = tmp_path / "data"
    story = make_story(tmp_path / "story")
    add_two_notes(story, data)
    shutil.copytree(story, tmp_path / "copy")
    assert "no notes yet" in retold("notes", "list", str(tmp_path / "copy"), data=data).stdout.decode()
    assert "check the date" in retold("notes", "list", str(story), data=data).stdout.decode()
    assert count(data) == 2


def test_moved_notes_show_even_when_the_store_cannot_be_written(tmp_path, monkeypatch):
    data = tmp_path / "data"
    story = make_story(tmp_path / "story")
    add_two_notes(story, data)
    moved = story.rename(tmp_path / "moved")
    before = (data / "notes.db").read_bytes()

    def refuse(path):
        exc = sqlite3.OperationalError("attempt to write a readonly database")
        exc.sqlite_errorname = "SQLITE_READONLY"
        raise exc

    monkeypatch.setattr(NoteStore, "_connect", staticmethod(refuse))
    store = NoteStore.open(data)
    assert store.read_only
    notes = StoryNotes(store, load_alignment([str(moved)]))
    assert {p.note.body for p in notes.placed} == {"on the whole story", "check the date"}
    assert (data / "notes.db").read_bytes() == before


def test_content_key_is_the_story_toml_id_or_the_texts(tmp_path):
    plain = load_alignment([str(make_story(tmp_path / "one"))])
    same = load_alignment([str(make_story(tmp_path / "two"))])
    named = load_alignment([str(make_story(tmp_path / "three", '[story]\nid = "x-1"\n'))])
    assert story_content_key(plain) == story_content_key(same) != story_content_key(named) == "id:x-1"


# ---------------------------------------------------------------- item 13


def test_note_text_that_is_not_utf8_is_refused_in_one_line(tmp_path):
    data = tmp_path / "data"
    story = make_story(tmp_path / "story")
    add_two_notes(story, data)
    env = dict(os.environ, RETOLD_DATA_DIR=str(data))
    done = subprocess.run([sys.executable.encode(), b"-m", b"retold", b"notes", b"add", str(story).encode(),
                           b"--text", b"caf\xe9 \xff"], capture_output=True, timeout=120, env=env)
    err = done.stderr.decode()
    assert done.returncode == 2 and "Traceback" not in err
    assert err.count("\n") == 1 and "--text: not UTF-8 text (byte 0xE9 at position 4); nothing was saved" in err
    assert count(data) == 2


@pytest.mark.parametrize("number", ["99999999999999999999", "0", "-3", "9223372036854775808"])
def test_deleting_a_note_number_out_of_range_is_one_line(tmp_path, number):
    data = tmp_path / "data"
    add_two_notes(make_story(tmp_path / "story"), data)
    done = retold("notes", "delete", number, data=data)
    err = done.stderr.decode()
    assert done.returncode in (1, 2) and "Traceback" not in err and err.count("\n") == 1, err
    assert f"no note #{number}" in err or "invalid" in err
    assert count(data) == 2


def test_delete_in_a_read_only_store_says_not_deleted(tmp_path, monkeypatch, capsys):
    data = tmp_path / "data"
    add_two_notes(make_story(tmp_path / "story"), data)
    monkeypatch.setenv("RETOLD_DATA_DIR", str(data))

    def refuse(path):
        exc = sqlite3.OperationalError("attempt to write a readonly database")
        exc.sqlite_errorname = "SQLITE_READONLY"
        raise exc

    monkeypatch.setattr(NoteStore, "_connect", staticmethod(refuse))
    assert main(["notes", "delete", "1"]) == 2
    err = capsys.readouterr().err
    assert "the note was not deleted" in err and "not saved" not in err
    assert count(data) == 2


OPERATIONS = st.lists(st.sampled_from(["add", "add-sentence", "move", "edit", "copy", "open"]), min_size=1, max_size=7)


@given(OPERATIONS)
@example(["add", "edit", "move", "open"])  # a story note, then one file edited, then the folder moved
@example(["add-sentence", "edit", "open", "edit", "move", "open"])
@settings(max_examples=25, deadline=None)
def test_a_saved_note_is_never_lost_whatever_happens_to_the_folder(tmp_path_factory, operations):
    """Moves, edits, copies and openings in any order: every note saved is still in the
    database, and (while no copy competes for them) the story at its current path shows them all."""
    base = tmp_path_factory.mktemp("world")
    data = base / "data"
    current = make_story(base / "story-0")
    saved: list[str] = []
    copied = False
    for step, operation in enumerate(operations):
        if operation == "move":
            current = current.rename(base / f"story-{step + 1}")
            continue
        if operation == "edit":
            with open(current / "b.txt", "a", encoding="utf-8") as handle:
                handle.write(f"\nA later line, number {step}, was added by the desk.\n")
            continue
        if operation == "copy":
            shutil.copytree(current, base / f"copy-{step}")
            copied = True
            continue
        store = NoteStore.open(data)
        notes = StoryNotes(store, load_alignment([str(current)]))
        if operation == "add":
            saved.append(notes.add_on_story(f"note {step}").body)
        elif operation == "add-sentence":
            outlet = notes.alignment.outlets[0]
            saved.append(notes.add_on_sentence(outlet.id, 0, f"sentence note {step}").body)
        shown = {p.note.body for p in notes.placed}
        assert copied or shown == set(saved)
        assert sorted(n.body for n in store.all_notes()) == sorted(saved)
        store.close()
