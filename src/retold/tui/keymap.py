"""The user's keymap file.

The keymap is TOML in the config folder (`retold.config.keymap_path()`):

    [keys]
    overview = "O"            # binding id = key, or several: "O,ctrl+o"
    cursor_down = ["j", "down", "ctrl+n"]

Ids are the bindings' ids (listed by `?`; every one in retold.tui.binding_ids). A bad file never stops the reader: each problem is
one line naming the file, and the default keys stay. A key another action of the same screen
has (`cursor_down = "q"` where q quits) is refused, said plainly, and both keep their defaults:
taking a key silently from another action would leave that action without one.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from textual.binding import Binding

from retold.model.parse import load_toml
from retold.model.story import MAX_MANIFEST_BYTES, InputError, read_regular_file

_KEY = re.compile(r"^[A-Za-z0-9_+\-]+$|^.$")  # a Textual key name (ctrl+o, question_mark, f1) or one character


def load_keymap(path: Path, known_ids: set[str] | None = None,
                scopes: dict[str, list[Binding]] | None = None) -> tuple[dict[str, str], list[str]]:
    """`known_ids`: when given, ids outside it are reported and dropped; `scopes` (the bindings
    active together, by where: retold.tui.binding_ids.binding_scopes()): when given, keys that
    clash with another action of the same screen are refused."""
    # (binding id -> "key,key", problems). A missing file is no problem: the defaults stand.
    if not path.exists():
        return {}, []
    try:
        # A regular file of at most 1 MB, opened without waiting (a FIFO there never hangs the start).
        data = load_toml(read_regular_file(path, MAX_MANIFEST_BYTES).decode("utf-8-sig"))
    except InputError as exc:
        return {}, [f"cannot read the keymap: {exc}; using the default keys"]
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
        # Every item a string before any is split: `quit = [1]` or `[["q"]]` is a problem, not a crash.
        if (not items or not all(isinstance(item, str) for item in items)
                or not all(k.strip() and _KEY.match(k.strip()) for item in items for k in item.split(","))):
            problems.append(f"{path}: {binding_id}: expected a key like \"O\" or \"ctrl+o\", or a list of them; "
                            "its default keys stay")
            continue
        keymap[binding_id] = ",".join(k.strip() for item in items for k in item.split(","))
    if known_ids is not None and scopes is not None and keymap:
        keymap, clashes = refuse_clashes(path, keymap, scopes)
        problems += clashes
    return keymap, problems


def refuse_clashes(path: Path, keymap: dict[str, str], scopes: dict[str, list[Binding]]) -> tuple[dict[str, str], list[str]]:
    """The keymap without the entries that would give one key two actions on one screen; a
    line each saying which key, whose it is, and that both keep their default keys."""
    keymap = dict(keymap)
    problems: list[str] = []
    defaults: dict[str, list[str]] = {}
    for bindings in scopes.values():
        for binding in bindings:
            if binding.key not in defaults.setdefault(binding.id, []):
                defaults[binding.id].append(binding.key)
    refused = True
    while refused:  # refusing one entry gives its default keys back, which may clash in turn
        refused = False
        for where, bindings in scopes.items():
            ids = dict.fromkeys(b.id for b in bindings)
            holders: dict[str, list[str]] = {}
            for binding_id in ids:
                keys = keymap[binding_id].split(",") if binding_id in keymap else [
                    b.key for b in bindings if b.id == binding_id]
                for key in dict.fromkeys(keys):
                    holders.setdefault(key, []).append(binding_id)
            for key, owners in holders.items():
                rebound = [i for i in owners if i in keymap]
                if len(owners) < 2 or not rebound:
                    continue
                for binding_id in rebound:
                    others = " and ".join(i for i in owners if i != binding_id)
                    problems.append(
                        f"{path}: {binding_id} = {keymap[binding_id]!r}: {key!r} is also {others}'s key on {where}; "
                        f"not applied: {binding_id} keeps its default keys ({', '.join(defaults.get(binding_id, [])) or 'none'}), "
                        f"{others} keeps {key!r}"
                    )
                    del keymap[binding_id]
                refused = True
                break
            if refused:
                break
    return keymap, problems


