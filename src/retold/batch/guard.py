"""What `retold batch` checks before it touches a file or trusts a folder (issue 17).

The output may be someone else's file, a device, or a link to one: it is checked before a byte
of it is read or changed, and refused with a line naming it. Story folders that cannot be read,
or are links, are reported by name and counted as failed, never skipped in silence.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from retold.batch.schema import SCHEMA

# How each record line of ours begins (json.dumps, default separators, "schema" first).
RECORD_HEAD = json.dumps({"schema": SCHEMA})[:-1].encode()


def check_output_path(path: Path) -> None:
    """ValueError (naming the file) unless `path` is missing or a regular file: a link is not
    followed, a device, FIFO or folder is never read (reading /dev/zero never ends)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ValueError(f"{path}: cannot be checked ({exc.strerror}); nothing was changed") from None
    if stat.S_ISLNK(mode):
        raise ValueError(f"{path}: a symbolic link; give the output file itself (nothing was read or changed)")
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "a device or pipe, not a regular file"
        raise ValueError(f"{path}: {kind}; the output must be a file (nothing was read or changed)")


def is_our_cut_line(tail: bytes) -> bool:
    """True if `tail` (the unfinished last line) can be the start of one of our records, cut
    off by a kill: then dropping it loses nothing (that story runs again)."""
    return RECORD_HEAD.startswith(tail) or tail.startswith(RECORD_HEAD)


def folder_problem(entry: os.DirEntry) -> str | None:
    """Why a sub-folder met while looking for stories is not looked into, or None."""
    try:
        if entry.is_symlink():
            return "a symbolic link to a folder; not followed (link the stories' files, or copy the folder)"
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    return None
