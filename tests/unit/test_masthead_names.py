"""The outlet's name read off a page without story.toml: its masthead before its copyright
notice, a notice that goes on after "All rights reserved", and an all-capitals masthead in the
case the page writes it elsewhere (invented pages)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retold.model.clean import clean_documents
from retold.model.story import OutletMeta, RawDoc

BODY = ("Ferry crews vote to strike over winter rosters\n"
        "Ferry crews on the northern routes voted on Monday to strike over new winter rosters, their union said.\n"
        "The strike would begin on 3 December, the union said.\n")


def _name(text: str) -> str | None:
    [article] = clean_documents([RawDoc(meta=OutletMeta(id="p", name="p", source="p.txt"), text=text, encoding="utf-8")])
    return article.site_name


def test_the_masthead_names_the_outlet_before_the_companys_copyright():
    text = f"Tarn Newswire\n{BODY}© 2026 Tarn Press Company. All rights reserved.\n"
    assert _name(text) == "Tarn Newswire"


def test_a_copyright_notice_that_goes_on_still_names_the_outlet():
    text = f"{BODY}© 2026 Harbour Radio. All rights reserved. This material may not be copied or sent on.\n"
    assert _name(text) == "Harbour Radio"


def test_a_news_agencys_masthead_names_it():
    assert _name(f"Tarn Press Agency\n{BODY}") == "Tarn Press Agency"


@pytest.mark.parametrize(("masthead", "elsewhere", "name"), [
    ("VELL VALLEY COURIER", "© 2026 Vell Valley Courier Ltd", "Vell Valley Courier"),
    ("VELL VALLEY COURIER", "Write to the Vell Valley Courier at the old mill.\n© 2026 Marsh Media Group", "Vell Valley Courier"),
    ("VELL VALLEY COURIER", "© 2026 Marsh Media Group", "VELL VALLEY COURIER"),  # never written otherwise: as it stands
    ("Vell Valley Courier", "© 2026 VELL VALLEY COURIER", "Vell Valley Courier"),
])
def test_an_all_capitals_masthead_is_shown_as_the_page_writes_the_name(masthead, elsewhere, name):
    assert _name(f"{masthead}\n{BODY}{elsewhere}\n") == name


_WORDS = ["Vell", "Marsh", "Orrin", "Tallow", "Brenn", "Quay", "Valley", "North"]
_ENDS = ["Courier", "Gazette", "Herald", "Post", "Newswire", "Radio"]


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3), st.sampled_from(_ENDS), st.booleans())
def test_an_all_capitals_masthead_keeps_its_letters_and_takes_the_pages_case(words, end, written_elsewhere):
    name = " ".join([*words, end])
    footer = f"© 2026 {name} Ltd" if written_elsewhere else "© 2026 Marsh Media Group"
    shown = _name(f"{name.upper()}\n{BODY}{footer}\n")
    assert shown is not None and shown.lower() == name.lower()
    assert shown == (name if written_elsewhere else name.upper())
