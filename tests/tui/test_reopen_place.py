"""A story reopens where the reader left it: the outlet focused and its cursor's sentence, the
others level with it (two users quit mid-story and came back to the first outlet's lead)."""

from __future__ import annotations

import json

from retold.config import data_dir
from retold.notes.places import PLACES_NAME

from .helpers import drive, make_app


def _where(screen):
    state = screen.state
    return screen.alignment.outlets[state.focused].id, state.cursors[state.focused]


def test_the_reader_reopens_on_the_outlet_and_sentence_it_was_left_on(sample_dir):
    async def leave(pilot, screen):
        await pilot.press("tab", "tab", "j", "j", "j")
        await pilot.pause()
        where = _where(screen)
        await pilot.press("q")
        return where

    async def look(pilot, screen):
        await pilot.pause()
        return _where(screen), str(screen.query_one("#status").render())

    left = drive(make_app([sample_dir]), leave)
    assert left[1] == 3 and (data_dir() / PLACES_NAME).exists()
    (outlet, sentence), status = drive(make_app([sample_dir]), look)
    assert (outlet, sentence) == left, status
    assert f"sentence {sentence + 1}/" in status


def test_a_story_never_left_opens_at_its_start_and_a_damaged_places_file_is_moved_aside(sample_dir):
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / PLACES_NAME).write_text("{not json")

    async def look(pilot, screen):
        await pilot.pause()
        where = (screen.state.focused, screen.state.cursors[screen.state.focused])
        await pilot.press("j", "q")
        return where

    assert drive(make_app([sample_dir]), look) == (0, 0)
    aside = [p for p in folder.iterdir() if p.name.startswith(PLACES_NAME) and p.name != PLACES_NAME]
    assert len(aside) == 1 and aside[0].read_text() == "{not json"  # kept, byte for byte
    assert json.loads((folder / PLACES_NAME).read_text())["places"]  # and a new one written on leaving
