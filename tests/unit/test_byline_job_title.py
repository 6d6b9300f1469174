"""A byline by job title ("Staff Writer | Harbour Daily", "Our Correspondent", "News Desk,
Harbour Daily") is set aside as a byline, not as a headline or a fragment. Invented text."""

from __future__ import annotations

import pytest

from retold.model.clean import clean_documents, strong_reason
from test_clean_real_pages import doc, body_of

BODY = [
    "The glassworks of Vennick closed its oldest furnace on Monday after inspectors found a crack in its dome.",
    "Repairs will take at least four months, the works manager said in a statement.",
    "About 120 glassblowers will move to the newer furnace on the east side of the town.",
]


@pytest.mark.parametrize("line", [
    "Staff Writer | Harbour Daily", "Our Correspondent", "News Desk, Harbour Daily", "Staff Reporter",
    "Reporter | Harbour Daily", "Web Desk",
])
def test_a_job_title_byline_is_a_byline(line):
    assert strong_reason(line) == "byline"


@pytest.mark.parametrize("line", [
    "Staff writers at the paper went on strike on Monday.", "The reporter said the furnace had cracked.", "Staff", "Desk",
])
def test_prose_and_a_lone_word_are_not(line):
    assert strong_reason(line) != "byline"


def test_a_job_title_byline_under_a_section_label_is_labelled_a_byline():
    text = ("Breaking News\nVennick glassworks shuts its oldest furnace\nStaff Writer | Harbour Daily\n"
            "Published: 02 May 2026, 09:40 am\n\n" + "\n\n".join(BODY) + "\n")
    [article] = clean_documents([doc(text)])
    assert body_of(article, text) == BODY
    assert {r.text: r.reason for r in article.removed}["Staff Writer | Harbour Daily"] == "byline"
