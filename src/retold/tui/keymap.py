"""The user's keymap file.

The keymap is TOML in the config folder (`retold.config.keymap_path()`):

    [keys]
    overview = "O"            # binding id = key, or several: "O,ctrl+o"
    cursor_down = ["j", "down", "ctrl+n"]

Ids are the bindings' ids (listed by `?`; every one in retold.tui.binding_ids). A bad file never stops the reader: each problem is
one line naming the file, and the default keys stay.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

_KEY = re.compile(r"^[A-Za-z0-9_+\-]+$|^.$")  # a Textual key name (ctrl+o, question_mark, f1) or one character


def load_keymap(path: Path, known_ids: set[str] | None = None) -> tuple[dict[str, str], list[str]]:
    """`known_ids`: when given, ids outside it are reported and dropped."""
    # (binding id -> "key,key", problems). A missing file is no problem: the defaults stand.
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [f"{path}: cannot read the keymap ({exc}); using the default keys"]
    except tomllib.TOMLDecodeError as exc:
        return {}, [f"{path}: not valid TOML ({exc}); using the default keys"]
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        return {}, [f"{path}: [keys] must be a table of binding id = \"key\"; using the default keys"]
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, value in keys.items():
        if known_ids is not None and binding_id not in known_ids:
            problems.append(f"{path}: unknown binding id {binding_id!r} (press ? in the reader for the ids)")
            continue
        items = value if isinstance(value, list) else [value] if isinstance(value, str) else None
        if not items or not all(isinstance(k, str) and k.strip() and _KEY.match(k.strip()) for item in items for k in item.split(",")):
            problems.append(f"{path}: {binding_id}: expected a key like \"O\" or \"ctrl+o\", or a list of them")
            continue
        keymap[binding_id] = ",".join(k.strip() for item in items for k in item.split(","))
    return keymap, problems

