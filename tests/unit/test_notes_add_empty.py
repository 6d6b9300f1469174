"""Review: `retold notes add PATH --text ""` saved an empty note. An empty or whitespace-only
note text is refused with one clear line and exit 2; nothing is saved."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retold.cli import main
from retold.notes.store import NoteStore

WHITESPACE = st.text(st.sampled_from([" ", "\t", "\n", "\r", "\u00a0", "\u2003", "\u3000"]), max_size=6)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])  # capsys read out each time
@given(WHITESPACE, st.booleans())
def test_an_empty_note_is_refused_and_nothing_is_saved(sample_dir, capsys, text, on_sentence):
    before = NoteStore.open().count()
    args = ["notes", "add", str(sample_dir), "--text", text]
    if on_sentence:
        args += ["--outlet", "Meridian Press", "--quote", "the"]
    assert main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["retold: error: --text is empty: a note needs some text; nothing was saved"]
    assert NoteStore.open().count() == before


def test_a_note_with_text_is_still_saved(sample_dir, capsys):
    assert main(["notes", "add", str(sample_dir), "--text", " a word "]) == 0
    [note] = NoteStore.open().for_story(str(sample_dir.resolve()))
    assert note.body.strip() == "a word"
