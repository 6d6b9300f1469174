"""Sentence vectors kept between runs: a second opening of a story embeds nothing.

One SQLite file, `<cache dir>/vectors/vectors.sqlite3`; the key of a vector is a hash of the
model's name and the sentence, so another model (or version) never reads this one's vectors.
A cache is never a reason to fail: a damaged file is moved aside and rebuilt, a locked or
unwritable one is skipped (the vectors are computed again), and the file stays under a bound
by dropping the vectors used longest ago. Writes are SQLite transactions (atomic).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from retold.model.story import not_a_file

FORMAT = "retold.vectors/1"
FILE_NAME = "vectors.sqlite3"
MAX_ROWS = 40_000  # ~60 MB of 384-dim float32 vectors: a few hundred stories' sentences
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vec BLOB NOT NULL, used INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS vectors_used ON vectors (used);
"""


def cache_root() -> Path:
    """$RETOLD_CACHE_DIR, else the platform's user cache folder (e.g. ~/.cache/retold)."""
    override = os.environ.get("RETOLD_CACHE_DIR")
    if override:
        return Path(os.path.expandvars(override)).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("retold", appauthor=False))


def vector_key(model: str, text: str) -> bytes:
    return hashlib.sha256(f"{model}\0{text}".encode("utf-8", "surrogatepass")).digest()[:20]


class _Damaged(Exception):
    pass


def _is_lock(exc: sqlite3.Error) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


class VectorCache:
    """get(model, texts) → {text: vector bytes}; put(model, {text: vector bytes}).
    `problem` holds the one-line reason when the cache was rebuilt or is off for this run."""

    def __init__(self, path: Path | None = None, max_rows: int = MAX_ROWS, timeout: float = 5.0) -> None:
        self.path = path if path is not None else cache_root() / "vectors" / FILE_NAME
        self.max_rows = max_rows
        self.timeout = timeout
        self.problem: str | None = None
        self.db: sqlite3.Connection | None = None
        try:
            self.db = self._open()
        except _Damaged as exc:
            self._move_aside(str(exc))
        except (OSError, sqlite3.Error) as exc:
            self._off(exc)

    # ------------------------------------------------------------------ opening

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-journal", "-wal", "-shm"):
            kind = not_a_file(self.path.with_name(self.path.name + suffix))
            if kind is not None:  # SQLite would wait on a FIFO forever: off for this run, left as it is
                raise OSError(f"{self.path.name + suffix} is {kind}, not a file")
        db = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        try:
            db.executescript(_SCHEMA)
            columns = {row[1] for row in db.execute("PRAGMA table_info(vectors)")}
            if columns != {"key", "vec", "used"}:
                raise _Damaged("not a vector cache (other columns)")
            found = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
            if found is None:
                db.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (FORMAT,))
            elif found[0] != FORMAT:
                raise _Damaged(f"format {found[0]!r}, not {FORMAT}")
        except sqlite3.DatabaseError as exc:
            db.close()
            if _is_lock(exc) or isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc):
                raise
            raise _Damaged(str(exc)) from None
        except BaseException:
            db.close()
            raise
        return db

    def _move_aside(self, reason: str) -> None:
        """Keep the damaged file (one copy, replaced next time) and start an empty one."""
        if self.db is not None:
            self.db.close()
            self.db = None
        try:
            for suffix in ("", "-journal", "-wal", "-shm"):
                old = self.path.with_name(self.path.name + suffix)
                if old.exists():
                    os.replace(old, self.path.with_name(self.path.name + ".damaged" + suffix))
            self.db = self._open()
            self.problem = f"{self.path}: damaged ({reason}); moved aside and rebuilt"
        except (OSError, sqlite3.Error, _Damaged) as exc:
            self._off(exc)

    def _off(self, exc: Exception) -> None:
        if self.db is not None:
            self.db.close()
        self.db = None
        self.problem = f"{self.path}: vector cache off for this run ({exc})"

    def _failed(self, exc: sqlite3.Error) -> None:
        """An error mid-use: a lock only skips this read or write; damage rebuilds; else off."""
        if _is_lock(exc):
            return
        if isinstance(exc, sqlite3.OperationalError):
            self._off(exc)
        else:
            self._move_aside(str(exc))

    # ------------------------------------------------------------------ use

    def get(self, model: str, texts: Iterable[str], dim_bytes: int | None = None) -> dict[str, bytes]:
        if self.db is None:
            return {}
        keys = {vector_key(model, text): text for text in texts}
        found: dict[str, bytes] = {}
        try:
            key_list = list(keys)
            for start in range(0, len(key_list), 500):  # SQLite's bound on host parameters
                chunk = key_list[start:start + 500]
                marks = ",".join("?" * len(chunk))
                for key, vec in self.db.execute(f"SELECT key, vec FROM vectors WHERE key IN ({marks})", chunk):
                    if isinstance(vec, bytes) and vec and len(vec) % 4 == 0 and (dim_bytes is None or len(vec) == dim_bytes):
                        found[keys[key]] = vec
        except sqlite3.Error as exc:
            self._failed(exc)
            return found
        if found:  # recently used: the last to be dropped when the file reaches its bound
            now = time.time_ns()
            self._write("UPDATE vectors SET used = ? WHERE key = ?", [(now, vector_key(model, t)) for t in found])
        return found

    def put(self, model: str, vectors: dict[str, bytes]) -> None:
        if vectors:
            now = time.time_ns()
            self._write("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                        [(vector_key(model, text), vec, now) for text, vec in vectors.items()], trim=True)

    def _write(self, statement: str, rows: list[tuple], trim: bool = False) -> None:
        """One transaction: all the rows or none (a kill mid-write leaves the file as it was)."""
        if self.db is None:
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.db.executemany(statement, rows)
                if trim:
                    (count,) = self.db.execute("SELECT COUNT(*) FROM vectors").fetchone()
                    if count > self.max_rows:  # down to 90 %: no trimming on every later write
                        self.db.execute(
                            "DELETE FROM vectors WHERE key IN (SELECT key FROM vectors ORDER BY used LIMIT ?)",
                            (count - int(self.max_rows * 0.9),),
                        )
                self.db.execute("COMMIT")
            except BaseException:
                try:
                    self.db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                raise
        except sqlite3.Error as exc:
            self._failed(exc)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

