"""Issue 18: lines fitted to a width are cut between words, with an ellipsis, never mid-word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from retold.tui.text_fit import first_fitting, fit_words

WORDS = st.lists(st.text("abcdefghijklmnopqrstuvwxyzé", min_size=1, max_size=12), min_size=1, max_size=15).map(" ".join)


@given(WORDS, st.integers(2, 80))
def test_fit_words_cuts_between_words_with_an_ellipsis(text, cells):
    fitted = fit_words(text, cells)
    assert cell_len(fitted) <= cells
    if fitted == text:
        return
    assert fitted.endswith("…")
    kept = fitted[:-1]
    first_word = text.split(" ")[0]
    if cell_len(first_word) < cells:  # some whole word fits: only whole words are kept
        assert text.startswith(kept) and (text[len(kept)] == " "), (text, fitted)


def test_first_fitting_takes_the_longest_variant_that_fits():
    variants = ["┄ 13 shared sentences hidden (f shows them)", "┄ 13 shared hidden (f shows)", "┄ 13 hidden (f)"]
    assert first_fitting(variants, 60) == variants[0]
    assert first_fitting(variants, 30) == variants[1]
    assert first_fitting(variants, 16) == variants[2]
    assert cell_len(first_fitting(variants, 8)) <= 8
