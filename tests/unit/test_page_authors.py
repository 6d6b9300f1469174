"""A byline "By Mira Holm, Lakeside Radio, Vessano" that the extractor splits at its commas
gives three "authors" (a review: the station and the city shown as authors in the `i` panel):
the author is the person; the outlet's own name and the place are not authors."""

from __future__ import annotations

import pytest

from retold.model.html import page_meta

PAGE = ('<html><head><meta property="og:site_name" content="Lakeside Radio"><title>Fog closes port | Lakeside Radio</title>'
        '</head><body><article><h1>Fog closes port</h1><div class="meta"><span class="author">{byline}</span></div>'
        "<p>Fog closed the port of Vessano for the whole morning, the harbour office said on Monday.</p>"
        "<p>Ferries sailed again in the early afternoon after the fog lifted over the lake.</p></article></body></html>")


@pytest.mark.parametrize("byline, author", [
    ("By Mira Holm, Lakeside Radio, Vessano", "Mira Holm"),
    ("By Mira Holm and Joel Varga", None),  # two people: both stay (however the extractor joins them)
])
def test_the_author_is_the_person_not_the_outlet_or_the_place(byline, author):
    found = page_meta(PAGE.format(byline=byline), deep=True).author
    if author is None:
        assert "Mira Holm" in found and "Joel Varga" in found, found
    else:
        assert found == author
