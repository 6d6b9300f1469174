"""The one way retold replaces a file it writes: `write_atomic`.

The bytes go to a new temporary file in the same folder (created exclusively: a link or file
already at that name is never opened), are flushed to disk, and the temporary file is renamed
over the target. A rename replaces a symbolic link at the target by the new file; it never
writes through it, so a link planted in a folder cannot send retold's output elsewhere. A
reader sees the old file or the new one, never half of one. Used by `fetch` (pages, story.toml),
`batch` (its output rewritten) and `align --output`.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# Read once, at import (before any thread of ours writes): a temporary file is created 0600, and the
# file it becomes gets the mode the one it replaces had, or what open() would have given it.
_UMASK = _read_umask()


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_UMASK


def write_atomic(path: Path, data: bytes, *, prefix: str | None = None) -> None:
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=prefix or f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


def staging_file(folder: Path, prefix: str, suffix: str, data: bytes) -> Path:
    """A new file of `data` under a unique dot-name in `folder` (exclusive create, never a link)."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    try:
        os.chmod(fd, 0o666 & ~_UMASK)  # the page it becomes: as open() would have made it
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_new(folder: Path, stem: str, suffix: str, data: bytes) -> Path:
    """`data` as a new file in `folder` named `stem` + `suffix`, or `stem-2` + `suffix`, `stem-3`, ...:
    never over a file or link already there. The bytes are staged and linked in whole (a hard
    link fails where the name is taken, so a name taken meanwhile is skipped, never replaced); a
    reader sees the whole file or none."""
    staged = staging_file(folder, f".{stem}.", ".tmp", data)
    try:
        for n in range(1, 1000):
            path = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
            try:
                os.link(staged, path)
            except FileExistsError:
                continue
            except OSError:
                # No hard links on this file system: the first free name, created exclusively.
                if os.path.lexists(path):
                    continue
                try:
                    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666 & ~_UMASK)
                except FileExistsError:
                    continue
                try:
                    with os.fdopen(fd, "wb") as handle:
                        handle.write(data)
                        handle.flush()
                        os.fsync(handle.fileno())
                except BaseException:
                    os.unlink(path)  # half a file under the name is never left (a full disk)
                    raise
            sync_folder(folder)
            return path
        raise FileExistsError(f"{folder / (stem + suffix)}: this name and 998 numbered ones are taken")
    finally:
        staged.unlink(missing_ok=True)


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (where the system allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def real_folder(path: Path) -> str | None:
    """None when `path` is a folder itself (not a link to one) or does not exist; else what it is."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if not stat.S_ISDIR(mode):
        return "not a folder"
    return None
