"""Three classes a tester's pasted pages showed (review12), in invented text of our own:
a page's "Key points" list above the article is never its headline; a German date line with its
clock word ("13:05 Uhr MEZ") is a date line, not the headline's tail; and a press release's
"About <company>" heading is a label, not the start of a sentence."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.clean import clean_documents, strong_reason
from retold.model.published import read_date
from test_clean_real_pages import body_of, doc

BODY = [
    "TARNBY (Northline) - The Ostmere lighthouse guild voted on Friday to accept the new pay offer, its leaders said.",
    "The offer raises night-shift pay by nine percent from January, the harbour board said.",
    "Keepers had refused three earlier offers since the spring.",
]
HEADLINE = "Ostmere lighthouse keepers accept pay offer after long dispute"
BULLETS = ["Guild accepts offer of nine percent on night shifts",
           "Lighthouse keepers had refused three offers since spring",
           "Harbour board says the lamps stay lit during the talks"]


@settings(max_examples=60, deadline=None)
@given(mark=st.sampled_from(["•", "-", "–", "▪", "*", "►"]), label=st.sampled_from(["Key points:", "In brief", "Highlights:", ""]),
       count=st.integers(1, 3))
def test_a_key_points_list_is_never_the_headline(mark, label, count):
    bullets = [f"{mark} {b}" for b in BULLETS[:count]]
    top = ["The Harbour Courier", "News  Sport  Business", HEADLINE, "Dec 7, 2026 11:48 CET", "By Ines Varg", ""]
    text = "\n".join(top + ([label] if label else []) + bullets) + "\n\n" + "\n\n".join(BODY) + "\n"
    [article] = clean_documents([doc(text)])
    assert article.title == HEADLINE
    body = body_of(article, text)
    assert body[-len(BODY):] == BODY  # the article whole (a numbered list may stay above it, as the outlet's text)


@pytest.mark.parametrize("line, minutes", [("07.12.2026, 13:05 Uhr MEZ", 60), ("7. Dezember 2026, 13:05 Uhr MESZ", 120),
                                           ("13:05 Uhr MEZ, 07.12.2026", 60), ("07.12.2026, 13:05 Uhr", None)])
def test_the_clock_word_uhr_is_part_of_the_time(line, minutes):
    reading = read_date(line)
    assert reading.day == dt.date(2026, 12, 7) and reading.clock == dt.time(13, 5) and reading.offset == minutes


def test_a_german_date_line_under_the_headline_is_not_its_tail():
    text = ("Rundschau am Hafen\nBrightwell ruft 214.000 Heizgeräte zurück\n07.12.2026, 13:05 Uhr MEZ\nVon Katrin Wellner\n\n"
            "Der Gerätehersteller Brightwell ruft 214.000 tragbare Heizgeräte zurück.\n\n"
            "Schwer verletzt wurde nach Angaben des Unternehmens niemand.\n\n"
            "Als Ursache nennt Brightwell eine fehlerhafte Thermosicherung eines Zulieferers.\n")
    [article] = clean_documents([doc(text)])
    assert article.title == "Brightwell ruft 214.000 Heizgeräte zurück"
    assert any(r.text == "07.12.2026, 13:05 Uhr MEZ" and r.reason == "page date" for r in article.removed)


@pytest.mark.parametrize("line", ["About Brightwell", "About the Harbour Trust", "About Norrvik AG:",
                                  "À propos de Velmont", "About Ostmere Lighthouse Guild and Harbour Board"])
def test_a_press_release_about_heading_is_furniture(line):
    assert strong_reason(line) == "boilerplate heading"


@pytest.mark.parametrize("line", ["About 200 people gathered at the quay.", "About 200 people", "About us", "About the company",
                                  "Over 200 Years", "About Brightwell. It makes heaters.",
                                  "Über Kohleausstieg, Kernkraftwerke und Erneuerbare Energien"])
def test_sentences_and_other_about_lines_are_not(line):
    assert strong_reason(line) != "boilerplate heading"


def test_the_about_note_under_its_heading_stays_a_sentence_of_its_own():
    text = ("PRESS RELEASE\n\nBrightwell recalls Corvo heaters\n\n" + "\n\n".join(BODY) +
            "\n\nAbout Brightwell\nBrightwell, founded in 1961, makes heaters, fans and small kitchen appliances.\n\n"
            "Media contact: Lena Strom, press office\n###\n")
    [article] = clean_documents([doc(text)])
    body = body_of(article, text)
    assert "Brightwell, founded in 1961, makes heaters, fans and small kitchen appliances." in body
    assert not any("About Brightwell" in line for line in body)



def test_a_key_points_list_stays_out_of_the_article():
    """The list is the outlet's summary, above its article: kept out, as the page's furniture.
    (Kept as the outlet's text, a tester's story lost 0.15 pair recall: each item, a summary of
    several statements, joined the lead's group and pulled the groups apart.)"""
    points = ["• Lighthouse guild accepts the pay offer", "• Night-shift pay rises nine percent from January"]
    top = ["The Harbour Courier", HEADLINE, "Dec 7, 2026 11:48 CET", "By Ines Varg", "", "Key points:"]
    text = "\n".join(top + points) + "\n\n" + "\n\n".join(BODY) + "\n"
    [article] = clean_documents([doc(text)])
    assert article.title == HEADLINE
    assert body_of(article, text) == BODY


@pytest.mark.parametrize("headline", ["15. Zukunftsforum Ländliche Entwicklung", "*Ab Montag* 10000 Produkttester gesucht"])
def test_an_ordinal_or_emphasis_at_the_start_is_no_list_item(headline):
    from retold.model.clean_headline import list_item

    assert not list_item(headline)


@pytest.mark.parametrize("line", [
    "Ostmere Wire is independent and funded by readers like you. If you value our reporting, please support Ostmere Wire with a donation today.",
    "Please support the Harbour Courier with a donation.",
    "We are funded by readers like you.",
])
def test_an_appeal_that_names_the_outlet_is_furniture(line):
    assert strong_reason(line) == "fundraising appeal"


@pytest.mark.parametrize("line", [
    "The lifeboat charity is funded by people like you, its director said.",
    "She urged residents to support the appeal with a donation to the lifeboat fund.",
    "The council will support the harbour with a grant of 2 million krona.",
])
def test_news_about_an_appeal_is_not(line):
    assert strong_reason(line) != "fundraising appeal"


def test_an_attribution_before_the_phrase_keeps_the_sentence():
    assert strong_reason("Its director said the station is made possible by listeners like you.") != "fundraising appeal"


def test_a_word_after_the_clock_is_no_zone():
    reading = read_date("10. Dezember 2026, 13:05 Uhr von Anna Berg")
    assert reading.text == "10. Dezember 2026, 13:05 Uhr" and reading.offset is None
