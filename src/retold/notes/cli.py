"""`retold notes list|export|add|delete|doctor`.

Everything printed goes through `printable` (file names, outlet names and note text are
untrusted); every failure is one line and a non-zero exit.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from retold.model.safe import json_inert, printable
from retold.model.story import InputError
from retold.notes.anchor import Anchor
from retold.notes.service import PlacedNote, StoryNotes
from retold.notes.store import DB_NAME, Note, NotesUnavailable, NoteStore, moved_aside, note_key, readable_notes


def _say(message: str) -> None:
    print(f"retold: {printable(message)}", file=sys.stderr)


def _fail(message: str, code: int = 2) -> int:
    print(f"retold: error: {printable(message)}", file=sys.stderr)
    return code


def _collect(store: NoteStore, path: str | None) -> list[tuple[str, str | None, list[PlacedNote]]]:
    from retold.model.pipeline import load_alignment

    if path is not None:
        alignment = load_alignment([path], _say)
        notes = StoryNotes(store, alignment)
        _say_moved(notes)
        return [(alignment.story_key, alignment.story_title, notes.placed)]
    stories = []
    for key in store.stories():
        if _story_folder(key):
            try:
                alignment = load_alignment([key], _say)
            except Exception as exc:  # noqa: BLE001 - one story's failure stays its own
                problem = str(exc) if isinstance(exc, InputError) else f"{key}: cannot be loaded ({type(exc).__name__}: {exc})"
                _say(f"{problem}; its notes are listed as detached")
            else:
                stories.append((key, alignment.story_title, StoryNotes(store, alignment).placed))
                continue
        placed = [PlacedNote(n, Anchor("story" if n.on_story else "detached", None), None) for n in store.for_story(key)]
        stories.append((key, None, placed))
    return stories


def _story_folder(key: str) -> bool:
    """A story key names a folder to open: retold files notes under absolute paths; any other
    key (another program's: '' or a relative path would open the current folder) is listed with
    its notes detached."""
    try:
        return Path(key).is_absolute() and Path(key).is_dir()
    except (OSError, ValueError):  # a NUL in the key
        return False


def _say_moved(notes: StoryNotes) -> None:
    if notes.moved_from:
        _say(f"notes filed under {', '.join(notes.moved_from)} (no longer there) follow this story here now")


def _open_store() -> NoteStore:
    store = NoteStore.open()
    if store.notice:
        _say(store.notice)
    return store


def run_notes(args) -> int:
    try:
        if args.notes_command == "doctor":
            return _doctor(args)
        store = _open_store()
    except NotesUnavailable as exc:
        return _fail(f"notes unavailable: {exc}")
    try:
        if args.notes_command == "add":
            return _add(store, args)
        if args.notes_command == "delete":
            return _delete(store, args)
        stories = _collect(store, args.path)
    except InputError as exc:
        return _fail(str(exc))
    except NotesUnavailable as exc:
        return _fail(f"notes unavailable: {exc}")
    if args.notes_command == "export":
        from retold.notes.export import to_json, to_markdown

        if args.format == "json":
            out = to_json(stories)
            try:
                out.encode(sys.stdout.encoding or "utf-8")
            except (UnicodeEncodeError, LookupError):
                out = json_inert(out, ascii_only=True)  # the same JSON, for a terminal that is not UTF-8
            sys.stdout.write(out + "\n")
        else:
            sys.stdout.write(to_markdown(stories))
        return 0
    total = 0
    for key, title, placed in stories:
        print(printable(f"{title or Path(key).name}  ({key})"))
        for p in placed:
            total += 1
            where = "story" if p.note.on_story else f"{p.anchor.how:8s} {p.note.outlet_name or '?'}"
            quote = "" if p.note.on_story else f" “{p.quote[:60]}{'…' if len(p.quote) > 60 else ''}”"
            draft = " (draft)" if p.note.draft else ""
            body = " ".join(p.note.body.split())
            print(printable(f"  #{p.note.id} [{where}]{quote} — {body}{draft}"))
    if total == 0:
        print("no notes yet: in the reader, press m on a sentence to write one")
    return 0


# ---------------------------------------------------------------- add / delete

def _find_outlet(alignment, name: str):
    wanted = " ".join(name.split()).casefold()
    for outlet in alignment.outlets:
        if wanted in (" ".join(outlet.name.split()).casefold(), outlet.id.casefold(), Path(outlet.meta.source).name.casefold()):
            return outlet
    names = ", ".join(o.name for o in alignment.outlets)
    raise InputError(f"no outlet named {name!r} in this story (outlets: {names})")


def _find_sentence(outlet, quote: str) -> int:
    """The sentence holding `quote` (whitespace and case aside), or InputError."""
    wanted = " ".join(quote.split()).casefold()
    if not wanted:
        raise InputError("--quote is empty")
    for sentence in outlet.sentences:
        if wanted in sentence.text.casefold():
            return sentence.index
    raise InputError(f"{outlet.meta.source}: no sentence of {outlet.name} contains {quote!r}")


def _add(store: NoteStore, args) -> int:
    """A note as the reader writes it: the same store, the same anchoring (selectors)."""
    from retold.model.pipeline import load_alignment

    if (args.outlet is None) != (args.quote is None):
        return _fail("--outlet and --quote go together (a note on a sentence); leave both out for a note on the story")
    for option, value in (("--text", args.text), ("--quote", args.quote), ("--outlet", args.outlet)):
        problem = _not_utf8(value)
        if problem:
            return _fail(f"{option}: {problem}; nothing was saved")
    if not args.text.strip():
        return _fail("--text is empty: a note needs some text; nothing was saved")
    alignment = load_alignment([args.path], _say)
    notes = StoryNotes(store, alignment)
    _say_moved(notes)
    if args.outlet is None:
        note = notes.add_on_story(args.text)
        print(printable(f"added note #{note.id} on the story {alignment.story_title or alignment.story_key}"))
        return 0
    outlet = _find_outlet(alignment, args.outlet)
    index = _find_sentence(outlet, args.quote)
    note = notes.add_on_sentence(outlet.id, index, args.text)
    print(printable(f"added note #{note.id} on {outlet.name}, sentence {index + 1}"))
    return 0


def _not_utf8(value: str | None) -> str | None:
    """Why an argument cannot be saved as text (bytes that were not UTF-8 reach Python as lone
    surrogates), or None."""
    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        byte = ord(value[exc.start]) - 0xDC00 if 0xDC80 <= ord(value[exc.start]) <= 0xDCFF else None
        where = f"byte 0x{byte:02X}" if byte is not None else f"character {exc.start + 1}"
        return f"not UTF-8 text ({where} at position {exc.start + 1})"
    return None


MAX_NOTE_ID = 2**63 - 1  # SQLite's largest row id


def _delete(store: NoteStore, args) -> int:
    if not 1 <= args.id <= MAX_NOTE_ID:
        return _fail(f"no note #{args.id} (note numbers are those `retold notes list` shows)", 1)
    try:
        note = store.get(args.id)
    except KeyError:
        return _fail(f"no note #{args.id}", 1)
    if not store.delete(args.id):
        return _fail(f"no note #{args.id} (deleted meanwhile)", 1)
    print(printable(f"deleted note #{note.id} ({' '.join(note.body.split())[:60]})"))
    return 0


# ---------------------------------------------------------------- doctor

def _key(note: Note) -> tuple:
    return note_key(note)


def _doctor(args) -> int:
    """Check the database, list what was moved aside, and (--import) bring back the notes those
    files still hold that the database lacks. Nothing is deleted or overwritten."""
    from retold.notes.store import data_dir

    directory = data_dir()
    print(printable(f"notes folder: {directory}"))
    path = directory / DB_NAME
    problems = 0
    store = None
    if not path.exists():
        print("database: none yet (it is created with the first note)")
    else:
        try:
            store = _open_store()
        except NotesUnavailable as exc:
            print(printable(f"database: NOT USABLE: {exc}"))
            problems += 1
        else:
            check = store.db.execute("PRAGMA integrity_check").fetchone()[0]
            version = store.db.execute("PRAGMA user_version").fetchone()[0]
            state = "read-only" if store.read_only else "ok"
            print(printable(f"database: {path}: {state}, integrity {check}, schema {version}, "
                            f"{store.count()} notes on {len(store.stories())} stories"))
            problems += check != "ok"
    aside = moved_aside(directory)
    if not aside:
        print("moved aside: nothing")
    known = {_key(n) for n in store.all_notes()} if store is not None else set()
    recoverable: list[Note] = []
    companions = {p.name for p in aside if p.name.startswith(DB_NAME + ".")}
    for file in aside:
        if "-shm" in file.name:
            continue  # shared memory: nothing of the data lives there
        try:
            if file.name.startswith(DB_NAME + "-wal"):
                partner = DB_NAME + file.name[len(DB_NAME + "-wal"):]
                if partner in companions:
                    continue  # read with its database below
                if not path.exists():
                    print(printable(f"moved aside: {file}: a journal without its database; kept"))
                    continue
                notes = readable_notes(path, wal=file)
            else:
                wal_name = DB_NAME + "-wal" + file.name[len(DB_NAME):]
                wal = file.with_name(wal_name) if (file.with_name(wal_name)).exists() else None
                notes = readable_notes(file, wal=wal)
        except (OSError, sqlite3.DatabaseError) as exc:
            print(printable(f"moved aside: {file}: no notes can be read from it ({exc}); kept"))
            continue
        missing = [n for n in notes if _key(n) not in known]
        print(printable(f"moved aside: {file}: {len(notes)} notes readable, {len(missing)} not in the database"))
        for note in missing:
            known.add(_key(note))
            recoverable.append(note)
    if recoverable and not args.do_import:
        print(f"{len(recoverable)} notes can be brought back: retold notes doctor --import")
    if recoverable and args.do_import:
        if store is None or store.read_only:
            return _fail("the database cannot be written now; nothing was imported")
        store.import_notes(recoverable)
        print(f"imported {len(recoverable)} notes (the moved-aside files are kept; delete them yourself once you are sure)")
    return 1 if problems else 0
