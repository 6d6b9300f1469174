"""An edition or language after an outlet's name ("… English", "… – International edition", "…
Online") is not part of the name, wherever the name is read: a <title>'s tail, og:site_name, the
page's own title line. Invented names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.clean import clean_documents
from retold.model.html import page_meta, without_edition
from test_clean_real_pages import doc

EDITIONS = [" English", " – English edition", " - International edition", " Online", " (English edition)", ", Online edition"]


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_title_tails_edition_is_not_the_name(edition):
    meta = page_meta(f"<html><head><title>Glassworks shuts its oldest furnace – Vennick Daily Lantern{edition}</title></head><body></body></html>")
    assert meta.site_name == "Vennick Daily Lantern"


def test_og_site_name_loses_its_edition_too():
    meta = page_meta('<html><head><meta property="og:site_name" content="Marlow Bay Gazette English"></head><body></body></html>')
    assert meta.site_name == "Marlow Bay Gazette"


def test_a_pasted_pages_title_line_names_the_outlet_without_its_edition():
    text = ("Glassworks shuts its oldest furnace | Vennick Daily Lantern Online\n\n"
            "The glassworks of Vennick closed its oldest furnace on Monday after inspectors found a crack in its dome.\n\n"
            "Repairs will take at least four months, the works manager said in a statement.\n\n"
            "About 120 glassblowers will move to the newer furnace on the east side of the town.\n")
    [article] = clean_documents([doc(text)])
    assert article.site_name == "Vennick Daily Lantern"


_NAME = st.lists(st.sampled_from(["Vennick", "Marlow", "Bay", "Daily", "Lantern", "Gazette", "Harbour", "Radio", "Orlin",
                                   "International", "The", "Post", "Times"]), min_size=1, max_size=4).map(" ".join)


@given(_NAME, st.sampled_from(EDITIONS))
@settings(max_examples=200, deadline=None)
def test_an_edition_after_a_name_goes_and_the_name_stays(name, edition):
    """Invariant: a name keeps every word of its own, and loses the edition after it, unless
    nothing of a name would be left ("The English")."""
    assert without_edition(name) == name
    stripped = without_edition(name + edition)
    if any(word not in ("The",) for word in name.split()):
        assert stripped == name
    else:
        assert stripped == name + edition
