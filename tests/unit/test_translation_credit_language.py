"""Review: the share page said "translated from Englisch", naming the language in the credit's own
language ("Aus dem Englischen übersetzt von …"). Our words name it in English; the credit's own
words stay quoted beside them."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from retold.model.credits import _LANGUAGE_STEMS, LANGUAGE_NAMES, Credit, language_code
from retold.model.pipeline import load_alignment
from retold.model.share import to_html

SELKE = Path(__file__).resolve().parents[2] / "sample_corpus" / "selke-landslide"
STEMS = [(code, stem) for code, stems in _LANGUAGE_STEMS for stem in stems]


@given(st.sampled_from(STEMS), st.sampled_from(["", "en", "n"]))
def test_a_translation_credit_names_its_language_in_english(code_and_word, ending):
    code, word = code_and_word
    own = (word + ending).capitalize()  # "Englischen", "Anglais", "Inglés" as a page prints it
    assert language_code(own) == code
    credit = Credit("translated", own, f"Aus dem {own} übersetzt von A. B.", False, "body", 0, 10, language_code(own))
    assert credit.describe() == f"translated from {LANGUAGE_NAMES[code]}"


def test_a_language_retold_does_not_name_is_left_as_the_credit_gives_it():
    credit = Credit("translated", "Sarvenian", "Translated from Sarvenian by Ilse Marn.", False, "body", 0, 10, None)
    assert credit.describe() == "translated from Sarvenian"


def test_the_share_page_says_translated_from_english_and_quotes_the_credit():
    page = to_html(load_alignment([str(SELKE)]))
    assert "translated from Englisch" not in page
    assert "translated from English: <q>Aus dem Englischen übersetzt von Lena Haas.</q>" in page
    assert "says it is translated from English: “Aus dem Englischen übersetzt von Lena Haas.”" in page
