"""Where the reader was in each story — the focused outlet and its cursor's sentence — so a
story reopens where it was left.

One small JSON file beside the notes database (`places.json`), read on opening and written
whole (atomically) on leaving. It holds no note: losing it costs only the places, so it is
kept apart from the notes database and its care. A file that is not what this module writes
is moved aside (its bytes kept) and a new one started; a FIFO, a directory or a device there
is left alone and no place is kept.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from retold.config import data_dir
from retold.files import write_atomic
from retold.model.parse import load_json
from retold.model.story import not_a_file

PLACES_NAME = "places.json"
MAX_PLACES = 500  # stories remembered; the least recently left are forgotten first
MAX_BYTES = 2_000_000  # a places file bigger than this is not ours
MAX_TEXT = 300  # characters of the cursor's sentence kept to find it again


@dataclass(frozen=True)
class Place:
    source: str  # the focused outlet's file, as the notes name it (retold.notes.service.source_key)
    sentence: int  # its cursor's sentence
    text: str  # that sentence's text (its start) when the story was left


def places_path(directory: Path | None = None) -> Path:
    return (Path(directory) if directory is not None else data_dir()) / PLACES_NAME


def _valid(entry: object) -> bool:
    return (isinstance(entry, dict) and isinstance(entry.get("source"), str)
            and type(entry.get("sentence")) is int and entry["sentence"] >= 0
            and isinstance(entry.get("text"), str) and isinstance(entry.get("left"), (int, float)))


def _read(path: Path) -> dict[str, dict] | None:
    """The places by story; None when the file cannot be used (then nothing is written)."""
    if not_a_file(path) is not None:
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return {}
    except OSError:
        return None
    try:
        if len(data) > MAX_BYTES:
            raise ValueError("too big")
        value = load_json(data.decode("utf-8"))
        if not isinstance(value, dict) or not isinstance(value.get("places"), dict):
            raise ValueError("not a places file")
    except ValueError:  # (UnicodeDecodeError and nesting too deep among them)
        from retold.notes.store import NotesUnavailable, _move_aside

        try:
            _move_aside(path)  # never deleted: the user may want to know what it was
        except (NotesUnavailable, OSError):
            return None
        return {}
    return {story: entry for story, entry in value["places"].items() if _valid(entry)}


def load_place(story: str, directory: Path | None = None) -> Place | None:
    entry = (_read(places_path(directory)) or {}).get(story)
    return Place(entry["source"], entry["sentence"], entry["text"]) if entry else None


def save_place(story: str, place: Place, directory: Path | None = None) -> None:
    """Remember `place` for `story`. Raises OSError when the file cannot be written."""
    path = places_path(directory)
    places = _read(path)
    if places is None:
        return
    places.pop(story, None)
    places[story] = {"source": place.source, "sentence": place.sentence, "text": place.text[:MAX_TEXT],
                     "left": time.time()}
    kept = dict(sorted(places.items(), key=lambda item: item[1]["left"])[-MAX_PLACES:])
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps({"places": kept}, ensure_ascii=False).encode("utf-8"))


def sentence_again(texts: list[str], place: Place) -> int:
    """The sentence to put the cursor on in an outlet whose sentences are `texts`: the one left
    if it still reads the same, else the same text nearest to it (the outlet was edited: text
    added above it), else the same position, kept within the outlet."""
    if not texts:
        return 0
    def same(index: int) -> bool:
        return texts[index][:MAX_TEXT] == place.text[:MAX_TEXT]

    if place.sentence < len(texts) and same(place.sentence):
        return place.sentence
    matches = [index for index in range(len(texts)) if same(index)]
    if matches:
        return min(matches, key=lambda index: abs(index - place.sentence))
    return min(place.sentence, len(texts) - 1)
