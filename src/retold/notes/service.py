"""The notes of one story, anchored to its current files: what the reader and CLI use."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from retold.model.story import Alignment, Outlet
from retold.notes.anchor import Anchor, anchor, selectors_for
from retold.notes.store import Note, NoteStore


@dataclass(frozen=True)
class PlacedNote:
    note: Note
    anchor: Anchor
    outlet: Outlet | None  # None for story notes and notes whose file is gone

    @property
    def quote(self) -> str:
        if self.outlet is not None and self.anchor.sentence is not None:
            return self.outlet.sentences[self.anchor.sentence].text
        return " ".join(self.note.exact.split())


def source_key(outlet: Outlet) -> str:
    return str(Path(outlet.meta.source).resolve())


class StoryNotes:
    def __init__(self, store: NoteStore, alignment: Alignment) -> None:
        self.store = store
        self.alignment = alignment
        self._by_source = {source_key(o): o for o in alignment.outlets}
        self.placed: list[PlacedNote] = []
        self.reload()

    @property
    def story(self) -> str:
        return self.alignment.story_key

    def reload(self) -> None:
        """Read and anchor every note of the story (on opening; changes re-place only their note)."""
        self.placed = [self._place(note) for note in self.store.for_story(self.story)]

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

    def save_on_sentence(self, outlet_id: str, index: int, body: str, *, draft: bool = False) -> Note:
        existing = self.on_sentence(outlet_id, index)
        if existing is not None:
            note = self.store.update_body(existing.note.id, body, draft=draft)
        else:
            outlet = self.alignment.outlet(outlet_id)
            s = selectors_for(outlet, outlet.sentences[index])
            note = self.store.add(
                self.story, body, source=source_key(outlet), outlet_name=outlet.name, exact=s.exact,
                prefix=s.prefix, suffix=s.suffix, start=s.start, end=s.end, text_hash=s.text_hash, draft=draft,
            )
        return self._replace(note)

    def save_on_story(self, body: str, *, draft: bool = False) -> Note:
        existing = self.on_story()
        if existing is not None:
            note = self.store.update_body(existing.note.id, body, draft=draft)
        else:
            note = self.store.add(self.story, body, draft=draft)
        return self._replace(note)

    def update(self, note_id: int, body: str, *, draft: bool = False) -> Note:
        return self._replace(self.store.update_body(note_id, body, draft=draft))

    def reattach(self, note_id: int, outlet_id: str, index: int) -> Note:
        outlet = self.alignment.outlet(outlet_id)
        s = selectors_for(outlet, outlet.sentences[index])
        note = self.store.move_anchor(
            note_id, source=source_key(outlet), outlet_name=outlet.name, exact=s.exact, prefix=s.prefix,
            suffix=s.suffix, start=s.start, end=s.end, text_hash=s.text_hash,
        )
        return self._replace(note)

    def delete(self, note_id: int) -> None:
        self.store.delete(note_id)
        self.placed = [p for p in self.placed if p.note.id != note_id]
