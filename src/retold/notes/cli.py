"""`retold notes list [PATH]` and `retold notes export [PATH] --format md|json`."""

from __future__ import annotations

import sys
from pathlib import Path

from retold.model.safe import printable
from retold.model.story import InputError
from retold.notes.anchor import Anchor
from retold.notes.service import PlacedNote, StoryNotes
from retold.notes.store import NotesUnavailable, NoteStore


def _collect(store: NoteStore, path: str | None) -> list[tuple[str, str | None, list[PlacedNote]]]:
    from retold.model.pipeline import load_alignment

    def notice(message: str) -> None:
        print(f"retold: {message}", file=sys.stderr)

    if path is not None:
        alignment = load_alignment([path], notice)
        notes = StoryNotes(store, alignment)
        return [(alignment.story_key, alignment.story_title, notes.placed)]
    stories = []
    for key in store.stories():
        folder = Path(key)
        if folder.is_dir():
            try:
                alignment = load_alignment([key], notice)
            except InputError as exc:
                notice(f"{exc}; its notes are listed as detached")
            else:
                stories.append((key, alignment.story_title, StoryNotes(store, alignment).placed))
                continue
        placed = [PlacedNote(n, Anchor("story" if n.on_story else "detached", None), None) for n in store.for_story(key)]
        stories.append((key, None, placed))
    return stories


def run_notes(args) -> int:
    try:
        store = NoteStore.open()
    except NotesUnavailable as exc:
        print(f"retold: error: notes unavailable: {exc}", file=sys.stderr)
        return 2
    if store.notice:
        print(f"retold: {store.notice}", file=sys.stderr)
    try:
        stories = _collect(store, args.path)
    except InputError as exc:
        print(f"retold: error: {exc}", file=sys.stderr)
        return 2
    if args.notes_command == "export":
        from retold.notes.export import to_json, to_markdown

        sys.stdout.write(to_json(stories) + "\n" if args.format == "json" else to_markdown(stories))
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
