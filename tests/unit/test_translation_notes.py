"""A line saying the text is a translation ("This text is a translation of our Norse service",
"Translated from the Norse by our desk", their German and French kin) is a credit: cleaning
sets it aside, and credits read it as one (invented lines)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retold.model.clean import strong_reason
from retold.model.credits import credits_of
from sources_helpers import make_outlet

NOTES = [
    ("This text is a translation of our Norse service.", "Norse"),
    ("This article is a translation of our German service.", "German"),
    ("Translated from the Norse by our desk", "Norse"),
    ("Translated from the Norse by our foreign desk.", "Norse"),
    ("Aus dem Norrischen übersetzt von unserer Redaktion.", "Norrisch"),
    ("Dieser Text ist eine Übersetzung unseres englischen Dienstes.", "English"),
    ("Dieser Beitrag wurde aus dem Norrischen übersetzt.", "Norrisch"),
    ("Ce texte est une traduction de notre service norrois.", "norrois"),
    ("Traduit du norrois par notre rédaction.", "norrois"),
]
BODY = [
    "The ferry to Vennick Island stopped running on Monday after a crack was found in its hull.",
    "Repairs will take at least four months, the harbour master said.",
]


@pytest.mark.parametrize("line", [line for line, _ in NOTES])
def test_a_translation_note_is_furniture(line):
    assert strong_reason(line) == "translator or editor credit"


@pytest.mark.parametrize(("line", "language"), NOTES)
def test_a_translation_note_is_read_as_a_translation_credit(line, language):
    outlet = make_outlet("o", BODY, name="Vennick Radio", removed=[(line, "translator or editor credit")])
    (credit,) = [c for c in credits_of(outlet) if c.kind == "translated"]
    assert credit.describe() == f"translated from {language}"


@pytest.mark.parametrize("sentence", [
    "The report was translated into twelve languages.",
    "This report is a translation of the ministry's view, the minister said, and he was right.",
    "Translated from the French by our correspondent in Paris, the letter was read out in the council.",
    "Der Bericht wurde in zwölf Sprachen übersetzt, sagte die Ministerin.",
])
def test_a_sentence_about_a_translation_is_news(sentence):
    assert strong_reason(sentence) is None


_SUBJECTS = ["This text", "This article", "This story", "This report"]
_TAILS = ["of our Norse service.", "of our Kestrian edition.", "from the original Norse article."]
_CLAUSES = [", the minister said.", ", and it was read out in the council.", ": that is what the court decided."]


@given(st.sampled_from(_SUBJECTS), st.sampled_from(["is a translation", "was translated"]), st.sampled_from(_TAILS),
       st.sampled_from(_CLAUSES))
def test_a_note_is_furniture_alone_and_news_with_a_clause(subject, verb, tail, clause):
    note = f"{subject} {verb} {tail}"
    assert strong_reason(note) == "translator or editor credit"
    assert strong_reason(note.rstrip(".") + clause) is None
