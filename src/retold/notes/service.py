"""The notes of one story, anchored to its current files: what the reader and CLI use."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from retold.model.story import Alignment, Outlet
from retold.notes.anchor import Anchor, anchor, selectors_for
from retold.notes.store import Note, NoteConflict, NoteStore


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


class StoryNotes:
    def __init__(self, store: NoteStore, alignment: Alignment) -> None:
        self.store = store
        self.alignment = alignment
        self._by_source = {source_key(o): o for o in alignment.outlets}
        self.placed: list[PlacedNote] = []
        self.notice: str | None = None  # what the last change needs to tell the user (a conflict)
        self.reload()

    def take_notice(self) -> str | None:
        notice, self.notice = self.notice, None
        return notice

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
        )
        return self._replace(note)

    def add_on_story(self, body: str, *, draft: bool = False) -> Note:
        return self._replace(self.store.add(self.story, body, draft=draft))

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
