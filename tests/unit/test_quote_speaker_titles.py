"""Quote speakers with a title before the name, a German job title written as a noun, and a
person named beside an institution (invented sentences)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retold.model.quotes import quotes_of
from sources_helpers import make_outlet


def _speaker(sentence: str, language: str) -> str | None:
    (found,) = quotes_of(make_outlet("o", [sentence], language=language))
    return found.speaker


@pytest.mark.parametrize(("sentence", "language", "speaker"), [
    ('"Every pipe we laid last year passed its test," Vell Water\'s chief executive Ada Brook told the Courier.', "en", "Ada Brook"),
    ('"Every pipe passed its test," the utility\'s water-quality director Ada Brook told reporters.', "en", "Ada Brook"),
    ("„Jedes Rohr hat die Prüfung bestanden“, sagte Vell-Water-Chef Ada Brook der Zeitung.", "de", "Ada Brook"),
    ("„Der Fluss ist stärker belastet als gedacht“, sagte die Hydrologin Ilse Brenn, die die Studie leitete.", "de", "Ilse Brenn"),
    ("„Der Fluss ist stärker belastet als gedacht“, sagte Bodenexpertin Ilse Brenn.", "de", "Ilse Brenn"),
    ("Tomas Holm, Professor für Bodenkunde am Marten-Institut, der nicht beteiligt war, nannte die Werte „ernst und beunruhigend“.",
     "de", "Tomas Holm"),
    ('Tomas Holm, a soil professor at the Marten Institute, who took no part in the study, called the figures "grave and worrying".',
     "en", "Tomas Holm"),
    ('According to Marten Institute, Tomas Holm said: "The figures are grave and worrying."', "en", "Tomas Holm"),
    ('"The figures are grave and worrying," the Marten Institute said.', "en", "Marten Institute"),  # no person: the institution
    ("„Wir bauen den Pier wieder auf“, sagte Hans Peter Bauer.", "de", "Hans Peter Bauer"),  # a surname, no title
    ("„Wir bauen den Pier wieder auf“, sagte Martin Bauer.", "de", "Martin Bauer"),
])
def test_the_speaker_is_the_person(sentence, language, speaker):
    assert _speaker(sentence, language) == speaker


_FIRST = ["Ada", "Ilse", "Tomas", "Henrik", "Marta"]
_LAST = ["Brook", "Brenn", "Holm", "Vass", "Quell"]
_DE_TITLES = ["Hydrologin", "Vell-Water-Chef", "Bodenexpertin", "Werksleiter", "Umweltministerin", "Konzernsprecher"]


@given(st.sampled_from(_DE_TITLES), st.sampled_from(_FIRST), st.sampled_from(_LAST), st.booleans())
def test_a_german_job_title_before_a_full_name_is_no_part_of_it(title, first, last, article):
    sentence = f"„Der Fluss ist stärker belastet als gedacht“, sagte {'die ' if article else ''}{title} {first} {last}."
    assert _speaker(sentence, "de") == f"{first} {last}"


@given(st.sampled_from(_DE_TITLES), st.sampled_from(_LAST))
def test_a_title_before_a_surname_alone_stays(title, last):
    # Two words: no full name after the title to leave it for.
    sentence = f"„Der Fluss ist stärker belastet als gedacht“, sagte {title} {last}."
    assert _speaker(sentence, "de") == f"{title} {last}"
