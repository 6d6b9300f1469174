"""Position rules for pasted pages (clean_position.py), on invented pages."""

from __future__ import annotations

from retold.model.clean import clean_documents
from retold.model.story import OutletMeta, RawDoc


def doc(text: str) -> RawDoc:
    return RawDoc(meta=OutletMeta(id="page", name="page", source="page.txt"), text=text, encoding="utf-8")


ARTICLE = (
    "The ferry crews returned to work on Monday after a week of talks with the port authority.\n\n"
    "Passengers crowded the terminal from early morning, and the first boat left at six.\n\n"
    "The union said its members had accepted the new rota, and talks on pay will resume in June.\n"
)
# A sidebar teaser above the article that shares more words with its opening than the headline does.
TEASER = "Ferry crews vote on the new rota at the port tonight\n\n"


def test_the_headline_stands_over_the_byline_and_date():
    text = "Harbour Gazette\n\n" + TEASER + "Quiet night on the quay\n\nBy Ana Veldt\n4 May 2026\n\n" + ARTICLE
    assert clean_documents([doc(text)])[0].title == "Quiet night on the quay"


def test_a_dated_author_line_counts_as_the_byline():
    text = "Harbour Gazette\n\n" + TEASER + "Quiet night on the quay\n\nposted by anaveldt · 4 May 2026\n\n" + ARTICLE
    assert clean_documents([doc(text)])[0].title == "Quiet night on the quay"


def test_the_authors_name_alone_is_no_headline():
    text = "Harbour Gazette\n\n" + TEASER + "Ana Veldt\n\n4 May 2026\n\n" + ARTICLE
    assert clean_documents([doc(text)])[0].title != "Ana Veldt"


def test_without_a_byline_or_date_the_line_above_is_not_taken_for_it():
    text = "Harbour Gazette\n\n" + TEASER + "Quiet night on the quay\n\n" + ARTICLE
    assert clean_documents([doc(text)])[0].title != "Quiet night on the quay"
