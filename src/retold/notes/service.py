"""The notes of one story, anchored to its current files: what the reader and CLI use."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from retold.model.parse import load_toml
from retold.model.story import MANIFEST_NAME, Alignment, Outlet
from retold.notes.anchor import Anchor, anchor, selectors_for, text_hash
from retold.notes.store import Note, NoteConflict, NotesUnavailable, NoteStore


@dataclass(frozen=True)
class PlacedNote:
    note: Note
    anchor: Anchor
    outlet: Outlet | None  # None for story notes and notes whose file is gone

    @property
    def quote(self) -> str:
        """The sentence as the outlet's file has it now (as written, when it is gone)."""
        if self.outlet is not None and self.anchor.sentence is not None:
            return self.outlet.sentences[self.anchor.sentence].text
        return self.written

    @property
    def written(self) -> str:
        """The quote as it stood when the note was written (whitespace collapsed)."""
        return " ".join(self.note.exact.split())

    @property
    def changed(self) -> bool:
        """Whether the article's wording changed since the note was written: the note found its
        sentence again, but not word for word (a silent edit a fact-checker tracks)."""
        return self.anchor.how == "fuzzy" and self.quote != self.written


def source_key(outlet: Outlet) -> str:
    return str(Path(outlet.meta.source).resolve())


def story_content_key(alignment: Alignment) -> str:
    """What the story is, wherever its folder stands: story.toml's `[story] id` when it has one
    (it survives edits of every file), else the digests of its outlets' texts (one outlet left
    as it was is enough to know the story again)."""
    folder = Path(alignment.story_key)
    if "|" not in alignment.story_key:
        try:
            story = load_toml((folder / MANIFEST_NAME).read_text(encoding="utf-8-sig")).get("story", {})
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            story = {}
        if isinstance(story, dict) and isinstance(story.get("id"), str) and story["id"].strip():
            return "id:" + story["id"].strip()
    return "text:" + ",".join(sorted({text_hash(outlet.text) for outlet in alignment.outlets}))


def _text_hashes(story_id: str) -> set[str]:
    return set(story_id[len("text:"):].split(",")) if story_id.startswith("text:") else set()


def _still_there(story_key: str) -> bool:
    """True if the story a key names is where the key says (its folder, or all its files)."""
    parts = story_key.split("|")
    try:
        return all(Path(part).exists() for part in parts)
    except ValueError:  # a NUL in a key another program wrote: no path at all
        return False


class StoryNotes:
    def __init__(self, store: NoteStore, alignment: Alignment) -> None:
        self.store = store
        self.alignment = alignment
        self._by_source = {source_key(o): o for o in alignment.outlets}
        self.placed: list[PlacedNote] = []
        self.notice: str | None = None  # what the last change needs to tell the user (a conflict)
        self.moved_from: list[str] = []  # on opening: where notes filed under a gone path came from
        self.reload()

    def take_notice(self) -> str | None:
        notice, self.notice = self.notice, None
        return notice

    @property
    def story(self) -> str:
        return self.alignment.story_key

    @property
    def content_key(self) -> str:
        key = self.__dict__.get("_content_key")
        if key is None:
            key = self.__dict__["_content_key"] = story_content_key(self.alignment)
        return key

    def reload(self) -> None:
        """Read and anchor every note of the story (on opening; changes re-place only their note).
        Notes filed under a path the story is no longer at (its folder moved or renamed) are
        found by what the story contains, and filed under its path now."""
        notes = self.store.for_story(self.story)
        moved = {} if notes else self._moved_here()
        for group in moved.values():
            notes += group
        self._refile(notes, list(moved))
        self.placed = [self._place(note) for note in sorted(notes, key=lambda n: n.id)]

    def _moved_here(self) -> dict[str, list[Note]]:
        """{old story key: its notes} for the stories no longer where their key says whose
        notes belong to this one: the same story.toml id; else (no id, or notes saved before
        it had one) an outlet text this story still has, by the content keys or by the texts
        sentence notes were made on."""
        hashes = None  # this story's texts, hashed once a story elsewhere is to be compared (most opens: none)
        found = {}
        for key in self.store.stories():
            if key == self.story or _still_there(key):
                continue  # a story still in place keeps its notes (a copy does not take them)
            if hashes is None:
                here = self.content_key
                hashes = {text_hash(outlet.text) for outlet in self.alignment.outlets}
            group = self.store.for_story(key)
            ids = {n.story_id for n in group if n.story_id}
            named = {i for i in ids if i.startswith("id:")}  # story.toml ids: only the same id matches
            texts = {n.text_hash for n in group if n.text_hash}.union(*map(_text_hashes, ids))
            if here in ids or (not named and texts & hashes):
                found[key] = group
        return found

    def _refile(self, notes: list[Note], moved_from: list[str]) -> None:
        """Best effort: the database learns where the notes are now. The notes are shown
        either way; a store that cannot be written keeps the old keys and loses nothing."""
        sources = {}
        for note in notes:
            if note.source and note.source not in self._by_source:
                outlet = self._outlet_for_moved(note)
                if outlet is not None:
                    sources[note.id] = source_key(outlet)
        stale_id = any(note.story_id != self.content_key for note in notes)
        if not (moved_from or sources or stale_id):
            return
        for note in notes:  # in memory first: shown right even when the store is read-only
            note.story = self.story
            note.source = sources.get(note.id, note.source)
            note.story_id = self.content_key  # kept up to date while the files change in place
        if moved_from:
            self.moved_from = moved_from
        try:
            self.store.file_story(self.story, self.content_key, moved_from=moved_from, sources=sources)
        except NotesUnavailable:
            pass

    def _outlet_for_moved(self, note: Note) -> Outlet | None:
        """The outlet a note's moved file is now: the same text, else the same file name."""
        for outlet in self.alignment.outlets:
            if note.text_hash and text_hash(outlet.text) == note.text_hash:
                return outlet
        name = Path(note.source).name
        same_name = [o for o in self.alignment.outlets if Path(o.meta.source).name == name]
        return same_name[0] if len(same_name) == 1 else None

    def _place(self, note: Note) -> PlacedNote:
        outlet = self._by_source.get(note.source) if note.source else None
        return PlacedNote(note, anchor(note, outlet), outlet)

    def _replace(self, note: Note) -> Note:
        placed = self._place(note)
        for position, old in enumerate(self.placed):
            if old.note.id == note.id:
                self.placed[position] = placed
                break
        else:
            self.placed.append(placed)
        return note

    def shared(self) -> list:
        """The notes as the share page shows them (retold.model.share.SharedNote), drafts left
        out: a draft is not for sharing. Used by `align --format html --with-notes` and the
        reader's export alike."""
        from retold.model.share import SharedNote

        shared = []
        for placed in self.placed:
            note = placed.note
            if note.draft:
                continue
            shared.append(SharedNote(
                outlet=placed.outlet.name if placed.outlet is not None else note.outlet_name,
                sentence=placed.anchor.sentence,
                quote=None if note.on_story else placed.quote,
                written=placed.written if placed.changed else None,
                detached=placed.anchor.how == "detached",
                body=note.body,
                created=note.created,
                updated=note.updated if note.updated != note.created else None,
            ))
        return shared

    def noted_sentences(self, outlet_id: str) -> set[int]:
        return {
            p.anchor.sentence for p in self.placed
            if p.outlet is not None and p.outlet.id == outlet_id and p.anchor.sentence is not None
        }

    def on_sentence(self, outlet_id: str, index: int) -> PlacedNote | None:
        for placed in self.placed:
            if placed.outlet is not None and placed.outlet.id == outlet_id and placed.anchor.sentence == index:
                return placed
        return None

    def on_story(self) -> PlacedNote | None:
        return next((p for p in self.placed if p.note.on_story), None)

    def _update(self, placed: PlacedNote, body: str, draft: bool) -> Note:
        """Change a note as this window last saw it. Changed or deleted in another window
        meanwhile: nothing is overwritten, this text becomes a note of its own, `notice` says so."""
        try:
            note = self.store.update_body(placed.note.id, body, draft=draft, expected_version=placed.note.version)
        except NoteConflict as conflict:
            self.notice = str(conflict)
            self.reload()  # the other window's version (or its deletion) as well as ours
            return conflict.saved
        return self._replace(note)

    def add_on_sentence(self, outlet_id: str, index: int, body: str, *, draft: bool = False) -> Note:
        """A new note on a sentence, anchored by its W3C selectors (`retold notes add` too)."""
        outlet = self.alignment.outlet(outlet_id)
        s = selectors_for(outlet, outlet.sentences[index])
        note = self.store.add(
            self.story, body, source=source_key(outlet), outlet_name=outlet.name, exact=s.exact,
            prefix=s.prefix, suffix=s.suffix, start=s.start, end=s.end, text_hash=s.text_hash, draft=draft,
            story_id=self.content_key,
        )
        return self._replace(note)

    def add_on_story(self, body: str, *, draft: bool = False) -> Note:
        return self._replace(self.store.add(self.story, body, draft=draft, story_id=self.content_key))

    def save_on_sentence(self, outlet_id: str, index: int, body: str, *, draft: bool = False) -> Note:
        existing = self.on_sentence(outlet_id, index)
        if existing is not None:
            return self._update(existing, body, draft)
        return self.add_on_sentence(outlet_id, index, body, draft=draft)

    def save_on_story(self, body: str, *, draft: bool = False) -> Note:
        existing = self.on_story()
        if existing is not None:
            return self._update(existing, body, draft)
        return self.add_on_story(body, draft=draft)

    def update(self, note_id: int, body: str, *, draft: bool = False) -> Note:
        placed = next((p for p in self.placed if p.note.id == note_id), None)
        if placed is None:
            return self._replace(self.store.update_body(note_id, body, draft=draft))
        return self._update(placed, body, draft)

    def reattach(self, note_id: int, outlet_id: str, index: int) -> Note:
        outlet = self.alignment.outlet(outlet_id)
        s = selectors_for(outlet, outlet.sentences[index])
        note = self.store.move_anchor(
            note_id, source=source_key(outlet), outlet_name=outlet.name, exact=s.exact, prefix=s.prefix,
            suffix=s.suffix, start=s.start, end=s.end, text_hash=s.text_hash,
        )
        return self._replace(note)

    def delete(self, note_id: int) -> None:
        if not self.store.delete(note_id):
            self.notice = f"Note #{note_id} had already been deleted in another window."
        self.placed = [p for p in self.placed if p.note.id != note_id]
