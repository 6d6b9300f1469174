"""Line classes added for text pasted from real pages (issue 16 item 5), on invented lines."""

from __future__ import annotations

import pytest

from retold.model.clean import strong_reason


@pytest.mark.parametrize("line", [
    "The night crew on the quay at dawn. (Foto: Privat)",
    "Crews leave the ferry after the vote (REUTERS/Ana Veldt)",
    "The ferry at the old pier in March. (Photo: Harbour Gazette)",
    "Fähre am alten Kai im März. (Quelle: Mara Quell/Hafenbild)",
    "Die Fähre am Kai. Foto: Tomas Brenn | flickr | CC BY 2.0",
    "Quelle: Hafenfoto / Bildarchiv.com",
    "Abbildung 3: Der Fahrplan der Nordlinien im Winter.",
    "Figure 2: Crossings per night since the new rota.",
])
def test_caption_credits_are_furniture(line):
    assert strong_reason(line) == "photo caption / credit"


@pytest.mark.parametrize("sentence", [
    "Unemployment in the port towns rose to 5 percent last year (source: the statistics office).",
    "Die Zahl der Überfahrten stieg um ein Drittel (Quelle: Hafenamt).",
    "The photo of the crew went round the town within an hour, the union said.",
])
def test_a_source_in_a_news_sentence_is_no_credit(sentence):
    assert strong_reason(sentence) is None


@pytest.mark.parametrize("line", ["Das könnte Sie auch interessieren …", "Das könnte dich auch interessieren!", "You may also like..."])
def test_a_related_heading_may_trail_off(line):
    assert strong_reason(line) == "section heading"
