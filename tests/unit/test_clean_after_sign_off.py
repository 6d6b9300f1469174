"""What stands under a wire's sign-off is not the article, bracketed or not ("Reporting by …;
Editing by …"), and the outlet's standards or policy link is furniture. Invented text."""

from __future__ import annotations

import pytest

from retold.model.clean import clean_documents, strong_reason
from test_clean_real_pages import doc, body_of

BODY = [
    "Glassblowers in Vennick reopened the town's oldest furnace on Saturday after a two-year repair.",
    "The furnace, built in 1822, had cracked during a cold snap in the winter of 2024.",
    "The guild raised 400,000 crowns for the work from members and visitors, its treasurer said.",
    "About 3,000 people came to watch the first glass drawn from it, the town council said.",
    "The guild plans to run the furnace four days a week from March.",
]
BLURB = "Harbour Wire serves more than 300 newspapers in the north."


@pytest.mark.parametrize("sign_off", [
    "Reporting by Mira Osk; Editing by Jon Tellan",
    "Writing by Mira Osk; Editing by Jon Tellan",
    "Additional reporting by Mira Osk in Brask",
    "(Reporting by Mira Osk; Editing by Jon Tellan)",
])
def test_prose_under_a_sign_off_is_furniture(sign_off):
    text = "Old furnace relit\n\n" + "\n\n".join(BODY) + f"\n\n{sign_off}\n\n{BLURB}\n"
    [article] = clean_documents([doc(text)])
    assert body_of(article, text) == BODY


def test_a_byline_above_the_text_does_not_end_it():
    text = "Old furnace relit\n\nBy Mira Osk\n\n" + "\n\n".join(BODY) + "\n"
    [article] = clean_documents([doc(text)])
    assert body_of(article, text) == BODY


@pytest.mark.parametrize("line", [
    "Our Standards: The Harbour Wire Trust Principles.",
    "The Harbour Wire Trust Principles",
    "Read our editorial guidelines",
    "Our editorial standards",
    "Corrections policy",
    "Editorial standards: how we report",
])
def test_a_standards_or_policy_link_is_furniture(line):
    assert strong_reason(line) == "editorial policy"


@pytest.mark.parametrize("line", [
    "Our standards have slipped, the guild's treasurer said.",
    "Standards: the guild set new rules for apprentices.",
    "The principles of the guild date from 1822.",
])
def test_a_sentence_about_standards_stays(line):
    assert strong_reason(line) is None


def test_a_standards_line_after_an_unbracketed_sign_off_leaves_the_body():
    text = ("Old furnace relit\n\n" + "\n\n".join(BODY) +
            "\n\nReporting by Mira Osk; Editing by Jon Tellan\n\nOur Standards: The Harbour Wire Trust Principles.\n")
    [article] = clean_documents([doc(text)])
    assert body_of(article, text) == BODY
    assert ("Our Standards: The Harbour Wire Trust Principles.", "editorial policy") in {(r.text, r.reason) for r in article.removed}
