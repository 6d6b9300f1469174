"""A share row's label followed by its buttons' names only is furniture, like the bare label;
a label followed by a sentence is not (invented lines)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retold.model.clean import strong_reason

_LABELS = ["Teilen mit:", "Share:", "Partager :", "Teilen:", "Partager sur", "Teilen auf"]
_BUTTONS = ["Facebook", "Twitter", "X", "WhatsApp", "Email", "E-Mail", "E-mail", "LinkedIn", "Telegram", "Drucken",
            "Imprimer", "Print", "Reddit", "Bluesky", "Threema", "Xing"]
_SEPARATORS = [" ", ", ", " | ", " · ", " / "]
_WORDS = ["said", "bought", "the", "river", "gestern", "verboten", "annonce", "fines", "users", "Tuesday", "quay"]


@pytest.mark.parametrize("line", [
    "Teilen mit: Facebook Twitter E-Mail",
    "Share: Facebook X WhatsApp Email",
    "Partager : Facebook Twitter E-mail",
    "Teilen: Facebook, WhatsApp, E-Mail, Drucken",
    "Diesen Beitrag teilen: Facebook | X | LinkedIn | Link kopieren",
])
def test_a_share_label_with_its_buttons_is_furniture(line):
    assert strong_reason(line) == "share buttons"


@pytest.mark.parametrize("sentence", [
    "Share: Facebook lost a fifth of its value on Tuesday.",
    "Teilen mit: Facebook und Twitter ist an der Schule verboten.",
    "Share X with the harbour crews, the union told its members.",
])
def test_a_share_label_before_a_sentence_is_no_furniture(sentence):
    assert strong_reason(sentence) is None


@given(st.sampled_from(_LABELS), st.lists(st.sampled_from(_BUTTONS), min_size=1, max_size=6),
       st.sampled_from(_SEPARATORS))
def test_any_row_of_button_names_after_a_label_is_furniture(label, buttons, separator):
    assert strong_reason(f"{label} {separator.join(buttons)}") == "share buttons"


@given(st.sampled_from(_LABELS), st.lists(st.sampled_from(_BUTTONS), min_size=1, max_size=4),
       st.lists(st.sampled_from(_WORDS), min_size=2, max_size=5))
def test_a_row_that_goes_on_with_other_words_is_not_a_share_row(label, buttons, words):
    line = f"{label} {' '.join(buttons)} {' '.join(words)}."
    assert strong_reason(line) != "share buttons"
