"""The place a story was left at is found again in its outlet: the same sentence if it still
reads the same, else the nearest sentence with its text, else the same position within the outlet."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from retold.notes.places import Place, load_place, save_place, sentence_again

TEXTS = st.lists(st.sampled_from(["Alpha rose.", "Beta fell.", "Gamma held.", "Delta left."]), min_size=0, max_size=8)


@given(TEXTS, st.integers(0, 10), st.sampled_from(["Alpha rose.", "Beta fell.", "Omega came."]))
def test_the_sentence_found_again_is_in_the_outlet_and_reads_the_same_when_it_can(texts, sentence, text):
    index = sentence_again(texts, Place("f.txt", sentence, text))
    if not texts:
        assert index == 0
        return
    assert 0 <= index < len(texts)
    if text in texts:
        assert texts[index] == text
        nearest = min(abs(i - sentence) for i, t in enumerate(texts) if t == text)
        assert abs(index - sentence) == nearest
    else:
        assert index == min(sentence, len(texts) - 1)


def test_a_place_saved_is_loaded_and_the_oldest_are_forgotten(tmp_path, monkeypatch):
    from retold.notes import places

    monkeypatch.setattr(places, "MAX_PLACES", 3)
    for number in range(5):
        save_place(f"/stories/s{number}", Place(f"/stories/s{number}/a.txt", number, f"Sentence {number}."), tmp_path)
    assert load_place("/stories/s0", tmp_path) is None and load_place("/stories/s1", tmp_path) is None
    assert load_place("/stories/s4", tmp_path) == Place("/stories/s4/a.txt", 4, "Sentence 4.")


def test_a_fifo_where_the_places_file_goes_is_left_alone(tmp_path):
    import os

    os.mkfifo(tmp_path / "places.json")
    save_place("/stories/s", Place("/stories/s/a.txt", 1, "x"), tmp_path)  # returns, never waits on it
    assert load_place("/stories/s", tmp_path) is None


def test_a_places_file_nested_too_deep_is_moved_aside_never_a_traceback(tmp_path):
    (tmp_path / "places.json").write_text("[" * 100_000 + "]" * 100_000)
    assert load_place("/stories/s", tmp_path) is None
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("places.json.damaged-")]
    save_place("/stories/s", Place("/stories/s/a.txt", 1, "x"), tmp_path)
    assert load_place("/stories/s", tmp_path) == Place("/stories/s/a.txt", 1, "x")
