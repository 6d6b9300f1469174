"""Reading notes in a local SQLite database.

One transaction per change; WAL journal with synchronous=FULL, so a note that was
saved survives a crash or a kill mid-write; a busy timeout so two retold instances
can both write; `PRAGMA user_version` migrations from the first release on.
A corrupt file is moved aside (with a timestamp) and a fresh one created.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

DB_NAME = "notes.db"
BUSY_TIMEOUT_S = 10.0


class NotesUnavailable(Exception):
    """The notes database cannot be used; the message says why (for the reader's status)."""


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
]
SCHEMA_VERSION = len(MIGRATIONS)


def data_dir() -> Path:
    override = os.environ.get("RETOLD_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("retold", appauthor=False))


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
        if not os.access(directory, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            raise NotesUnavailable(f"{directory} is read-only")
        notice = None
        try:
            connection = cls._connect(path)
        except sqlite3.DatabaseError as exc:
            message = str(exc)
            if isinstance(exc, sqlite3.OperationalError) and "locked" in message:
                raise NotesUnavailable(f"{path} is locked by another program") from None
            if isinstance(exc, sqlite3.OperationalError) and ("readonly" in message or "unable to open" in message):
                raise NotesUnavailable(f"{path} cannot be written: {message}") from None
            aside = path.with_name(f"{DB_NAME}.corrupt-{datetime.now().strftime('%Y%m%d-%H%M%S')}")
            try:
                path.rename(aside)
                for suffix in ("-wal", "-shm"):
                    stale = path.with_name(DB_NAME + suffix)
                    if stale.exists():
                        stale.rename(aside.with_name(aside.name + suffix))
                connection = cls._connect(path)
            except (OSError, sqlite3.DatabaseError) as again:
                raise NotesUnavailable(f"{path} is damaged and could not be replaced: {again}") from None
            notice = f"The notes database was damaged; it was moved to {aside} and a new one started."
        return cls(path, connection, notice)

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            db.row_factory = sqlite3.Row
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("integrity check failed")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            _migrate(db)
        except BaseException:
            db.close()
            raise
        return db

    def close(self) -> None:
        self.db.close()

    # ---------------------------------------------------------------- writing (one transaction each)

    def _write(self, sql: str, args: tuple) -> sqlite3.Cursor:
        for attempt in range(5):
            try:
                self.db.execute("BEGIN IMMEDIATE")
                try:
                    cursor = self.db.execute(sql, args)
                except BaseException:
                    self.db.execute("ROLLBACK")
                    raise
                self.db.execute("COMMIT")
                return cursor
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                time.sleep(0.2 * (attempt + 1))  # another instance holds the lock longer than the timeout
        raise NotesUnavailable(f"{self.path} stayed locked; the note was not saved")

    def add(self, story: str, body: str, *, source: str | None = None, outlet_name: str | None = None,
            exact: str = "", prefix: str = "", suffix: str = "", start: int = 0, end: int = 0,
            text_hash: str | None = None, draft: bool = False) -> Note:
        now = _now()
        cursor = self._write(
            'INSERT INTO notes (story, source, outlet_name, exact, prefix, suffix, start, "end", text_hash, body, draft, created, updated)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (story, source, outlet_name, exact, prefix, suffix, start, end, text_hash, body, int(draft), now, now),
        )
        return self.get(cursor.lastrowid)

    def update_body(self, note_id: int, body: str, *, draft: bool = False) -> Note:
        self._write("UPDATE notes SET body = ?, draft = ?, updated = ? WHERE id = ?", (body, int(draft), _now(), note_id))
        return self.get(note_id)

    def move_anchor(self, note_id: int, *, source: str | None, outlet_name: str | None, exact: str, prefix: str,
                    suffix: str, start: int, end: int, text_hash: str | None) -> Note:
        self._write(
            'UPDATE notes SET source = ?, outlet_name = ?, exact = ?, prefix = ?, suffix = ?, start = ?, "end" = ?,'
            " text_hash = ?, updated = ? WHERE id = ?",
            (source, outlet_name, exact, prefix, suffix, start, end, text_hash, _now(), note_id),
        )
        return self.get(note_id)

    def delete(self, note_id: int) -> None:
        self._write("DELETE FROM notes WHERE id = ?", (note_id,))

    # ---------------------------------------------------------------- reading

    def get(self, note_id: int) -> Note:
        row = self.db.execute("SELECT * FROM notes WHERE id = ?", (note_id,)).fetchone()
        if row is None:
            raise KeyError(note_id)
        return _note(row)

    def for_story(self, story: str) -> list[Note]:
        rows = self.db.execute("SELECT * FROM notes WHERE story = ? ORDER BY id", (story,)).fetchall()
        return [_note(r) for r in rows]

    def stories(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT story FROM notes ORDER BY story")]

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM notes").fetchone()[0]


def _note(row: sqlite3.Row) -> Note:
    return Note(
        id=row["id"], story=row["story"], source=row["source"], outlet_name=row["outlet_name"],
        exact=row["exact"], prefix=row["prefix"], suffix=row["suffix"], start=row["start"], end=row["end"],
        text_hash=row["text_hash"], body=row["body"], draft=bool(row["draft"]),
        created=row["created"], updated=row["updated"],
    )


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
