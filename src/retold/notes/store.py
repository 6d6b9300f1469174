"""Reading notes in a local SQLite database.

One transaction per change; WAL journal with synchronous=FULL, so a note that was
saved survives a crash or a kill mid-write; a short, bounded wait for a lock another
program holds (the caller keeps the text and says so); `PRAGMA user_version` migrations
from the first release on; a `version` per note, so an edit made in another window is
detected, never silently overwritten.

Opening never deletes or overwrites a file, and always reports. A write error (full disk,
permissions, I/O) is not damage: the database stays where it is, opened read-only when it
can be. Only a file SQLite itself calls corrupt, or a damaged write-ahead log, is moved
aside, under a unique name, inside a lock (two processes starting at once repair once),
with its bytes kept; `retold notes doctor` lists such files and re-imports their notes.
A schema the code does not recognise is left untouched.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from retold.model.story import not_a_file

DB_NAME = "notes.db"
LOCK_NAME = "notes.lock"
ASIDE_MARK = ".damaged-"  # notes.db.damaged-20260326-101502-<pid>-<random>
# Waiting longer for a lock another program holds freezes the reader: a write gives up after
# about this long and the caller keeps the note's text (the editor reopens with it).
BUSY_TIMEOUT_S = 0.5
WRITE_ATTEMPTS = 3


class NotesUnavailable(Exception):
    """The notes database cannot be used; the message says why (for the reader's status)."""


class NoteConflict(Exception):
    """A note changed or vanished in another window since it was read: nothing was overwritten.
    `saved` is where this window's text went (a new note), `message` says so."""

    def __init__(self, message: str, saved: Note) -> None:
        super().__init__(message)
        self.saved = saved


@dataclass
class Note:
    id: int
    story: str
    source: str | None  # resolved outlet file path; None for a note on the whole story
    outlet_name: str | None
    exact: str  # W3C TextQuoteSelector: exact, prefix, suffix
    prefix: str
    suffix: str
    start: int  # W3C TextPositionSelector
    end: int
    text_hash: str | None  # of the outlet text when the anchor was last set
    body: str
    draft: bool
    created: str
    updated: str
    version: int = 1  # +1 on every change: an edit based on an older version is a conflict
    story_id: str | None = None  # what the story contains (service.story_content_key): found again after a move

    @property
    def on_story(self) -> bool:
        return self.source is None


# Migrations: index i brings user_version i to i + 1. Never edit a released step; add one.
MIGRATIONS = [
    """
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        story TEXT NOT NULL,
        source TEXT,
        outlet_name TEXT,
        exact TEXT NOT NULL DEFAULT '',
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        start INTEGER NOT NULL DEFAULT 0,
        "end" INTEGER NOT NULL DEFAULT 0,
        text_hash TEXT,
        body TEXT NOT NULL,
        draft INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE INDEX notes_story ON notes(story, source);
    """,
    """
    ALTER TABLE notes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    """,
    # Notes follow a story, not its folder's path: `story` stays the path (the hint), `story_id`
    # says what the story contains. Existing notes get theirs when their story is next opened.
    """
    ALTER TABLE notes ADD COLUMN story_id TEXT;
    """,
]
# The columns each schema version has: anything else is a database we do not recognise.
_COLUMNS_V1 = {"id", "story", "source", "outlet_name", "exact", "prefix", "suffix", "start", "end", "text_hash",
               "body", "draft", "created", "updated"}
SCHEMA_COLUMNS = {1: _COLUMNS_V1, 2: _COLUMNS_V1 | {"version"}, 3: _COLUMNS_V1 | {"version", "story_id"}}
SCHEMA_VERSION = len(MIGRATIONS)


from retold.config import data_dir  # noqa: E402 - where it always was; lives in config for `--help`


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class NoteStore:
    """All notes, every story. Open with NoteStore.open(); `notice` says what happened on open."""

    def __init__(self, path: Path, connection: sqlite3.Connection, notice: str | None = None) -> None:
        self.path = path
        self.db = connection
        self.notice = notice

    # ---------------------------------------------------------------- opening

    @classmethod
    def open(cls, directory: Path | None = None) -> NoteStore:
        directory = Path(directory) if directory is not None else data_dir()
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise NotesUnavailable(f"cannot create {directory}: {exc.strerror or exc}") from None
        path = directory / DB_NAME
        notices: list[str] = []
        with _repair_lock(directory):
            # Inside the lock: another retold starting now repairs once, or sees the repair done.
            for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm"):
                # SQLite would open a FIFO there and wait on it forever; a directory is no damage.
                kind = not_a_file(directory / name)
                if kind is not None:
                    raise NotesUnavailable(f"{directory / name} is {kind}, not a file; it was left as it is "
                                           "(move it away to use notes)")
            wal = path.with_name(DB_NAME + "-wal")
            if path.exists() and _wal_damaged(wal):
                # Copied, not moved: SQLite still reads what it can of it, and the copy keeps
                # every byte (SQLite rewrites a log it cannot read on the next write).
                aside = _copy_aside(wal)
                notices.append(
                    f"The notes journal {wal.name} was damaged: some recent notes may be missing. Its bytes were "
                    f"kept in {aside}; `retold notes doctor --import` recovers the notes it holds."
                )
            try:
                connection = cls._connect(path)
            except sqlite3.DatabaseError as exc:
                if not _is_damage(exc):
                    return cls._unavailable(path, exc, notices)
                aside = _move_aside(path)
                for suffix in ("-wal", "-shm"):
                    stale = path.with_name(DB_NAME + suffix)
                    if stale.exists():
                        _move_aside(stale, aside.name.replace(DB_NAME, DB_NAME + suffix, 1))
                try:
                    connection = cls._connect(path)
                except sqlite3.DatabaseError as again:
                    raise NotesUnavailable(f"{path}: a new database could not be started ({again})") from None
                store = cls(path, connection)
                wal = aside.with_name(aside.name.replace(DB_NAME, DB_NAME + "-wal", 1))
                try:
                    recovered = store.import_notes(readable_notes(aside, wal=wal if wal.exists() else None))
                except (OSError, sqlite3.DatabaseError, NotesUnavailable):
                    recovered = 0
                notices.append(
                    f"The notes database was damaged ({exc}); it was moved to {aside} (kept as it was) and a new one "
                    f"started with the {recovered} notes that could still be read. `retold notes doctor` lists it."
                )
                store.notice = " ".join(notices)
                return store
        return cls(path, connection, " ".join(notices) or None)

    @classmethod
    def _unavailable(cls, path: Path, exc: sqlite3.DatabaseError, notices: list[str]) -> NoteStore:
        """A failure that is not damage: the file stays where it is. Read-only when possible."""
        problem = _describe(exc)
        if _errorcode(exc) in ("SQLITE_BUSY", "SQLITE_LOCKED"):
            raise NotesUnavailable(f"{path} is locked by another program; try again in a moment") from None
        if not path.exists():
            raise NotesUnavailable(f"{path} cannot be created: {problem}") from None
        connection = None
        wal = path.with_name(DB_NAME + "-wal")
        # Read-only; "immutable" (no lock, no shared-memory file: nothing to write) only when no
        # write-ahead log holds changes the main file lacks.
        modes = ["mode=ro"] + ([] if wal.exists() and wal.stat().st_size else ["immutable=1"])
        for mode in modes:
            try:
                connection = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, timeout=BUSY_TIMEOUT_S,
                                             isolation_level=None)
                connection.row_factory = sqlite3.Row
                _check_schema(connection, path)
                connection.execute("SELECT COUNT(*) FROM notes").fetchone()
                break
            except sqlite3.DatabaseError:
                if connection is not None:
                    connection.close()
                connection = None
        if connection is None:
            raise NotesUnavailable(f"{path} cannot be opened: {problem}; it was left as it is")
        notices.append(f"Notes are read-only for now: {path} cannot be written ({problem}). Nothing was moved or lost.")
        store = cls(path, connection, " ".join(notices))
        store.read_only = True
        return store

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            db.row_factory = sqlite3.Row
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise _Damaged("integrity check failed")
            _check_schema(db, path)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            _migrate(db)
        except BaseException:
            db.close()
            raise
        return db

    read_only = False

    def close(self) -> None:
        self.db.close()

    # ---------------------------------------------------------------- writing (one transaction each)

    def _write(self, sql: str, args: tuple, outcome: str = "the note was not saved") -> sqlite3.Cursor:
        return self._transaction([(sql, args)], outcome)[0]

    def _transaction(self, statements: list[tuple[str, tuple]], outcome: str) -> list[sqlite3.Cursor]:
        """All `statements` in one transaction, or none; `outcome` says what did not happen."""
        if self.read_only:
            raise NotesUnavailable(f"{self.path} is read-only for now (see the notice on opening); {outcome}")
        for attempt in range(WRITE_ATTEMPTS):
            try:
                self.db.execute("BEGIN IMMEDIATE")
                try:
                    cursors = [self.db.execute(sql, args) for sql, args in statements]
                except BaseException:
                    self.db.execute("ROLLBACK")
                    raise
                self.db.execute("COMMIT")
                return cursors
            except sqlite3.OperationalError as exc:
                if _errorcode(exc) not in ("SQLITE_BUSY", "SQLITE_LOCKED") and "locked" not in str(exc):
                    raise NotesUnavailable(f"{self.path}: {_describe(exc)}; {outcome}") from None
                time.sleep(0.1 * (attempt + 1))
        raise NotesUnavailable(f"{self.path} is locked by another program; {outcome} (try again)")

    def add(self, story: str, body: str, *, source: str | None = None, outlet_name: str | None = None,
            exact: str = "", prefix: str = "", suffix: str = "", start: int = 0, end: int = 0,
            text_hash: str | None = None, draft: bool = False, created: str | None = None,
            story_id: str | None = None) -> Note:
        now = _now()
        cursor = self._write(
            'INSERT INTO notes (story, source, outlet_name, exact, prefix, suffix, start, "end", text_hash, body, draft, created, updated, story_id)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (story, source, outlet_name, exact, prefix, suffix, start, end, text_hash, body, int(draft), created or now, now,
             story_id),
        )
        return self.get(cursor.lastrowid)

    def update_body(self, note_id: int, body: str, *, draft: bool = False, expected_version: int | None = None) -> Note:
        """Change a note's text. With `expected_version` (the version it was read at), a note
        changed or deleted elsewhere meanwhile is not overwritten: this text is saved as a new
        note beside it and NoteConflict says so."""
        if expected_version is None:
            self._write("UPDATE notes SET body = ?, draft = ?, updated = ?, version = version + 1 WHERE id = ?",
                        (body, int(draft), _now(), note_id))
            return self.get(note_id)
        cursor = self._write(
            "UPDATE notes SET body = ?, draft = ?, updated = ?, version = version + 1 WHERE id = ? AND version = ?",
            (body, int(draft), _now(), note_id, expected_version),
        )
        if cursor.rowcount == 1:
            return self.get(note_id)
        return self._keep_both(note_id, body, draft)

    def _keep_both(self, note_id: int, body: str, draft: bool) -> Note:
        try:
            other = self.get(note_id)
        except KeyError:
            other = None
        original = self._last_known.get(note_id) or other
        if original is None:
            raise NotesUnavailable(f"note #{note_id} no longer exists; the text was not saved")
        saved = self.add(
            original.story, body, source=original.source, outlet_name=original.outlet_name, exact=original.exact,
            prefix=original.prefix, suffix=original.suffix, start=original.start, end=original.end,
            text_hash=original.text_hash, draft=draft, story_id=original.story_id,
        )
        if other is None:
            message = f"Note #{note_id} was deleted in another window; your text was saved as a new note #{saved.id}."
        else:
            message = (f"Note #{note_id} was changed in another window meanwhile; both texts are kept "
                       f"(yours as note #{saved.id}).")
        raise NoteConflict(message, saved)

    def import_notes(self, notes: list[Note]) -> int:
        """Add `notes` (read from a damaged or moved-aside file) that this database lacks, with
        their dates; in one transaction. Returns how many were added."""
        if self.read_only:
            raise NotesUnavailable(f"{self.path} is read-only for now; nothing was imported")
        known = {note_key(n) for n in self.all_notes()}
        fresh = []
        for note in notes:
            if note_key(note) not in known:
                known.add(note_key(note))
                fresh.append(note)
        if fresh:
            self._write_many(
                'INSERT INTO notes (story, source, outlet_name, exact, prefix, suffix, start, "end", text_hash, body, draft, created, updated, story_id)'
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(n.story, n.source, n.outlet_name, n.exact, n.prefix, n.suffix, n.start, n.end, n.text_hash, n.body,
                  int(n.draft), n.created, n.updated, n.story_id) for n in fresh],
            )
        return len(fresh)

    def _write_many(self, sql: str, rows: list[tuple]) -> None:
        if self.read_only:
            raise NotesUnavailable(f"{self.path} is read-only for now")
        for attempt in range(WRITE_ATTEMPTS):
            try:
                self.db.execute("BEGIN IMMEDIATE")
                try:
                    self.db.executemany(sql, rows)
                except BaseException:
                    self.db.execute("ROLLBACK")
                    raise
                self.db.execute("COMMIT")
                return
            except sqlite3.OperationalError as exc:
                if _errorcode(exc) not in ("SQLITE_BUSY", "SQLITE_LOCKED") and "locked" not in str(exc):
                    raise NotesUnavailable(f"{self.path}: {_describe(exc)}") from None
                time.sleep(0.1 * (attempt + 1))
        raise NotesUnavailable(f"{self.path} is locked by another program")

    def move_anchor(self, note_id: int, *, source: str | None, outlet_name: str | None, exact: str, prefix: str,
                    suffix: str, start: int, end: int, text_hash: str | None) -> Note:
        self._write(
            'UPDATE notes SET source = ?, outlet_name = ?, exact = ?, prefix = ?, suffix = ?, start = ?, "end" = ?,'
            " text_hash = ?, updated = ?, version = version + 1 WHERE id = ?",
            (source, outlet_name, exact, prefix, suffix, start, end, text_hash, _now(), note_id),
        )
        return self.get(note_id)

    def delete(self, note_id: int) -> bool:
        """True if the note was there to delete."""
        return self._write("DELETE FROM notes WHERE id = ?", (note_id,), "the note was not deleted").rowcount == 1

    def file_story(self, story: str, story_id: str, *, moved_from: list[str] = (),
                   sources: dict[int, str] | None = None) -> None:
        """In one transaction: the notes filed under the paths `moved_from` now under `story`;
        `story_id` (what the story is now) given to the story's notes; `sources` (note id -> outlet file)
        where a note's file has moved. Rows are only updated: a note is never dropped."""
        # No version bump: the notes' text and anchors are unchanged, an edit open elsewhere still applies.
        statements = [("UPDATE notes SET story = ? WHERE story = ?", (story, old))
                      for old in moved_from]
        statements.append(("UPDATE notes SET story_id = ? WHERE story = ? AND story_id IS NOT ?", (story_id, story, story_id)))
        statements += [("UPDATE notes SET source = ? WHERE id = ?", (source, note_id))
                       for note_id, source in (sources or {}).items()]
        self._transaction(statements, "the notes stay filed where they were")

    # ---------------------------------------------------------------- reading

    def get(self, note_id: int) -> Note:
        row = self.db.execute("SELECT * FROM notes WHERE id = ?", (note_id,)).fetchone()
        if row is None:
            raise KeyError(note_id)
        return self._remember(_note(row))

    def for_story(self, story: str) -> list[Note]:
        # A story stored as something else than text (see _note) is found by its text too.
        rows = self.db.execute("SELECT * FROM notes WHERE story = ? OR typeof(story) != 'text' ORDER BY id",
                               (story,)).fetchall()
        return [self._remember(note) for note in map(_note, rows) if note.story == story]

    def all_notes(self) -> list[Note]:
        return [_note(r) for r in self.db.execute("SELECT * FROM notes ORDER BY id")]

    @property
    def _last_known(self) -> dict[int, Note]:
        """Notes as this process last read them: the anchor a conflicting edit is saved under
        when the note itself was deleted elsewhere."""
        known = self.__dict__.get("_known")
        if known is None:
            known = self.__dict__["_known"] = {}
        return known

    def _remember(self, note: Note) -> Note:
        self._last_known[note.id] = note
        return note

    def stories(self) -> list[str]:
        return sorted({_text(r[0]) for r in self.db.execute("SELECT DISTINCT story FROM notes")})

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM notes").fetchone()[0]


def _note(row: sqlite3.Row) -> Note:
    """A row as a Note, whatever its columns hold. SQLite stores any value in any column (another
    program, a hand edit, a damaged page that still reads): a text column's bytes are decoded
    (what is not UTF-8 replaced), a number written out; a position that is not a whole number
    from 0 up is 0 (the note is then placed by its quote). The row itself is never changed."""
    keys = row.keys()
    return Note(
        id=row["id"], story=_text(row["story"]), source=_text_or_none(row["source"]),
        outlet_name=_text_or_none(row["outlet_name"]), exact=_text(row["exact"]), prefix=_text(row["prefix"]),
        suffix=_text(row["suffix"]), start=_position(row["start"]), end=_position(row["end"]),
        text_hash=_text_or_none(row["text_hash"]), body=_text(row["body"]), draft=_flag(row["draft"]),
        created=_text(row["created"]), updated=_text(row["updated"]),
        version=row["version"] if "version" in keys and type(row["version"]) is int else 1,
        story_id=_text_or_none(row["story_id"]) if "story_id" in keys else None,
    )


def _text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def _text_or_none(value: object) -> str | None:
    return None if value is None else _text(value)


def _position(value: object) -> int:
    return value if type(value) is int and value >= 0 else 0


def _flag(value: object) -> bool:
    return value not in (0, None, "", b"", "0")


def _migrate(db: sqlite3.Connection) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NotesUnavailable(f"the notes database is from a newer retold (schema {version} > {SCHEMA_VERSION})")
    while version < SCHEMA_VERSION:
        db.execute("BEGIN IMMEDIATE")
        try:
            # Re-read inside the lock: another instance may have migrated meanwhile.
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version < SCHEMA_VERSION:
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        version = db.execute("PRAGMA user_version").fetchone()[0]


# ---------------------------------------------------------------- schema, damage, repair

class _Damaged(sqlite3.DatabaseError):
    """SQLite opened the file but its own check found it damaged."""


def _errorcode(exc: BaseException) -> str:
    return getattr(exc, "sqlite_errorname", "") or ""


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """Only what SQLite calls damage. A full disk, an I/O error, a permission or a lock is not:
    moving a healthy database aside over one of those made the user's notes vanish."""
    if isinstance(exc, _Damaged):
        return True
    code = _errorcode(exc)
    if code:
        return code.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
    message = str(exc).lower()
    return "not a database" in message or "malformed" in message


def _describe(exc: BaseException) -> str:
    code = _errorcode(exc)
    if code.startswith("SQLITE_FULL"):
        return "the disk is full"
    if code.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_CANTOPEN", "SQLITE_AUTH")):
        return f"no permission to write ({exc})"
    if code.startswith("SQLITE_IOERR"):
        return f"a disk input/output error ({exc}); the disk may be full or failing"
    return str(exc)


def _check_schema(db: sqlite3.Connection, path: Path) -> None:
    """NotesUnavailable for a schema this code does not recognise: such a file is never migrated,
    moved or written; the user decides what it is."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if version == 0:
        if tables:
            raise NotesUnavailable(
                f"{path} is not a retold notes database (tables {', '.join(sorted(tables))} without a retold schema "
                "version); it was left untouched"
            )
        return
    if version > SCHEMA_VERSION:
        return  # _migrate: from a newer retold
    if "notes" not in tables:
        raise NotesUnavailable(f"{path}: schema not recognised (version {version} but no notes table); it was left untouched")
    columns = {row[1] for row in db.execute("PRAGMA table_info(notes)")}
    missing = SCHEMA_COLUMNS[version] - columns
    if missing:
        raise NotesUnavailable(
            f"{path}: schema not recognised (version {version}, notes table without {', '.join(sorted(missing))}); "
            "it was left untouched"
        )


@contextmanager
def _repair_lock(directory: Path):
    """An exclusive lock on `directory`/notes.lock while the database is checked and repaired:
    two retold processes starting at once on a damaged file move it aside once. The lock file
    is never removed (removing it would let a third process lock a different file)."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock; SQLite's own locking still guards the data
        yield
        return
    try:
        fd = os.open(directory / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield  # a read-only or full directory: nothing will be moved there anyway
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _move_aside(path: Path, name: str | None = None) -> Path:
    """Give `path` a new, unique name beside it (its bytes untouched) and return it. Never
    overwrites: a hard link fails if the name exists; renaming is the fallback where links
    are not supported, after checking the name is free."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for _ in range(100):
        target = path.with_name(name or f"{path.name}{ASIDE_MARK}{stamp}-{os.getpid()}-{uuid.uuid4().hex[:8]}")
        name = None  # a given name that is taken falls back to a fresh unique one
        try:
            os.link(path, target)
        except FileExistsError:
            continue
        except OSError:
            if target.exists():
                continue
            try:
                os.rename(path, target)
            except OSError as exc:
                raise NotesUnavailable(f"{path} is damaged and could not be moved aside ({exc.strerror}); it was left as it is") from None
            return target
        try:
            os.unlink(path)  # the bytes live on under `target`
        except OSError as exc:
            raise NotesUnavailable(f"{path} is damaged and could not be moved aside ({exc.strerror}); a copy is at {target}") from None
        return target
    raise NotesUnavailable(f"{path} is damaged and no free name was found to move it aside")


def _copy_aside(path: Path) -> Path:
    """A copy of `path` under a new, unique name (exclusive create: never overwrites)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}{ASIDE_MARK}{stamp}-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        data = path.read_bytes()
        with open(target, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise NotesUnavailable(f"{path} is damaged and could not be copied aside ({exc.strerror}); nothing was changed") from None
    return target


def moved_aside(directory: Path) -> list[Path]:
    """Files the store moved aside in `directory` (notes.db.damaged-…, notes.db-wal.damaged-…,
    and notes.db.corrupt-… from older releases), oldest first."""
    found = [p for p in directory.glob(f"{DB_NAME}*") if ASIDE_MARK in p.name or ".corrupt-" in p.name]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))


_WAL_MAGIC = (0x377F0682, 0x377F0683)


def _wal_checksum(data: bytes, big_endian: bool, s0: int = 0, s1: int = 0) -> tuple[int, int]:
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def _wal_damaged(wal: Path) -> bool:
    """True if SQLite would drop committed transactions of this write-ahead log: its header is
    invalid (the whole log is ignored), or a frame fails its checksum while frames of the same
    log follow it. A log cut short at its end (a crash before the commit was acknowledged) is
    not damage."""
    try:
        with open(wal, "rb") as handle:
            data = handle.read()
    except OSError:
        return False
    if not data:
        return False
    if len(data) < 32:
        return True
    magic, version, page_size, _, salt1, salt2, c0, c1 = struct.unpack(">8I", data[:32])
    if magic not in _WAL_MAGIC or version != 3007000:
        return True
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        return True
    big_endian = magic & 1 == 1
    s0, s1 = _wal_checksum(data[:24], big_endian)
    if (s0, s1) != (c0, c1):
        return True
    frame = 24 + page_size
    offset = 32
    broken = False
    while offset + frame <= len(data):
        header = data[offset:offset + 24]
        _, _, f_salt1, f_salt2, f0, f1 = struct.unpack(">6I", header)
        if (f_salt1, f_salt2) != (salt1, salt2):
            offset += frame
            continue  # a frame left from before the log was restarted: not part of this log
        if broken:
            return True  # the log goes on after a broken frame: SQLite would drop what follows
        s0, s1 = _wal_checksum(header[:8] + data[offset + 24:offset + frame], big_endian, s0, s1)
        if (s0, s1) != (f0, f1):
            broken = True
        offset += frame
    return False


def repaired_wal(data: bytes, database: Path) -> bytes:
    """A write-ahead log SQLite will read: the header rebuilt (salts from the first frame, the
    page size from the database) and every frame of the log given a valid checksum again, so
    the frames a damaged header or a broken frame would make SQLite drop can be read. For
    recovery from a copy only (`retold notes doctor`), never on the live database."""
    with open(database, "rb") as handle:
        head = handle.read(100)
    page_size = struct.unpack(">H", head[16:18])[0] if len(head) >= 18 else 4096
    page_size = 65536 if page_size == 1 else (page_size or 4096)
    frame = 24 + page_size
    if len(data) < 32 + frame:
        return data
    salt1, salt2 = struct.unpack(">2I", data[32 + 8:32 + 16])
    header = struct.pack(">6I", _WAL_MAGIC[1], 3007000, page_size, 0, salt1, salt2)
    s0, s1 = _wal_checksum(header, True)
    out = [header, struct.pack(">2I", s0, s1)]
    offset = 32
    while offset + frame <= len(data):
        frame_header = data[offset:offset + 24]
        if struct.unpack(">2I", frame_header[8:16]) != (salt1, salt2):
            break  # the end of this log
        page = data[offset + 24:offset + frame]
        s0, s1 = _wal_checksum(frame_header[:8] + page, True, s0, s1)
        out.append(frame_header[:16] + struct.pack(">2I", s0, s1) + page)
        offset += frame
    return b"".join(out)


_SQLITE_MAGIC = b"SQLite format 3\x00"


def note_key(note: Note) -> tuple:
    """What makes two notes the same note when one is recovered from a copy."""
    return (note.story, note.source, note.exact, note.body, note.created)


def readable_notes(path: Path, wal: Path | None = None) -> list[Note]:
    """The notes still readable in a damaged or moved-aside database, read from a copy (SQLite may
    write to a file it opens: `path` stays as it was). A write-ahead log copy is read with the
    database it belongs to, its header and checksums rebuilt. Row by row where the table is
    damaged: every row that still reads is kept."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "recover.db"
        shutil.copyfile(path, copy)
        with open(copy, "r+b") as handle:
            if handle.read(16) != _SQLITE_MAGIC:  # a damaged first line hides an intact file
                handle.seek(0)
                handle.write(_SQLITE_MAGIC)
        if wal is not None:
            (Path(scratch) / "recover.db-wal").write_bytes(repaired_wal(wal.read_bytes(), path))
        db = sqlite3.connect(copy, isolation_level=None)
        db.row_factory = sqlite3.Row
        try:
            try:
                return [_note(row) for row in db.execute("SELECT * FROM notes ORDER BY id")]
            except sqlite3.DatabaseError:
                pass
            try:
                ids = [row[0] for row in db.execute("SELECT id FROM notes ORDER BY id")]
            except sqlite3.DatabaseError:
                try:
                    ids = range(1, (db.execute("SELECT max(id) FROM notes").fetchone()[0] or 0) + 1)
                except sqlite3.DatabaseError:
                    return []  # not even the table's root can be read
            found = []
            for note_id in ids:
                try:
                    row = db.execute("SELECT * FROM notes WHERE id = ?", (note_id,)).fetchone()
                except sqlite3.DatabaseError:
                    continue
                if row is not None:
                    found.append(_note(row))
            return found
        finally:
            db.close()
