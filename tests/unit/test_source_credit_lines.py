"""A page that names its source ("Source: Harbour Wire", a meta row "date | Source: X | Translated
from the Y") is read as a credit; a div-soup page's lines that the extractor left out are listed as
removed lines (with their reason), so the credit and the printed time are read from them. Invented."""

from __future__ import annotations

import html as html_module

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.clean import clean_documents, strong_reason
from retold.model.credits import credits_of
from retold.model.html import DROPPED_BY_EXTRACTOR, extract_text
from retold.model.pipeline import load_alignment
from retold.model.provenance import provenance
from retold.model.published import outlet_published
from retold.model.story import OutletMeta, RawDoc
from sources_helpers import aligned, make_outlet

WIRE_TEXT = [
    "The glassworks of Vennick closed its oldest furnace on Monday after inspectors found a crack in its dome.",
    "Repairs will take at least four months, the works manager said in a statement.",
    "About 120 glassblowers will move to the newer furnace on the east side of the town.",
    "The furnace, lit in 1822, has burned almost without a break for two centuries.",
    "The town council said it would help pay for the repairs.",
]


def test_a_source_line_is_furniture_with_its_own_reason():
    assert strong_reason("Source: Harbour Wire") == "source credit"
    assert strong_reason("Sources: Harbour Wire, Lantern Press") == "source credit"
    assert strong_reason("Source: the council said on Friday that it would pay") is None


def test_a_source_line_is_a_credit_and_makes_an_edge():
    # No times: shared text alone would make no edge; the credit does.
    wire = make_outlet("wire", WIRE_TEXT, name="Harbour Wire")
    copy = make_outlet("copy", WIRE_TEXT, name="Vennick Daily", removed=[("Source: Harbour Wire", "source credit")])
    assert ("source", "Harbour Wire") in {(c.kind, c.source) for c in credits_of(copy)}
    (edge,) = provenance(aligned(wire, copy)).edges
    assert (edge.source, edge.target) == ("wire", "copy")
    assert any(evidence.kind == "credit" for evidence in edge.evidence)


def test_a_meta_rows_fields_are_read_one_by_one():
    outlet = make_outlet("o", WIRE_TEXT[:2], name="Vennick Daily",
                         removed=[("02.05.2026 17:20 | Source: HWN | Translated from the Norse", "outside the article (extractor)")])
    credits = {(c.kind, c.source) for c in credits_of(outlet)}
    assert ("wire", "HWN") in credits
    assert ("translated", "Norse") in credits


PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Vennick glassworks shuts its oldest furnace – Vennick Daily</title>
<meta name="date" content="2026-05-02"></head><body>
<div class="top"><a href="/">Vennick Daily</a> <a href="/en">English</a></div>
<div class="wrap"><div class="content">
<h1 class="headline">Vennick glassworks shuts its oldest furnace</h1>
<div class="meta">02.05.2026 17:20 | Source: HWN | Translated from the Norse</div>
<div class="text">
{paragraphs}
</div>
<div class="more"><h3>More on this topic</h3><a href="#">Ferry fares rise again</a></div>
</div></div>
<div class="footer"><p>© 2026 Vennick Daily. All rights reserved.</p></div>
</body></html>"""


def _page(paragraphs: list[str]) -> str:
    return PAGE.format(paragraphs="\n".join(f"<p>{html_module.escape(p)}</p>" for p in paragraphs))


def test_the_extractors_dropped_lines_are_listed_and_read(tmp_path):
    (tmp_path / "daily.html").write_text(_page(WIRE_TEXT))
    (tmp_path / "wire.txt").write_text("Furnace shut\n\n" + "\n\n".join(WIRE_TEXT) + "\n")
    alignment = load_alignment([str(tmp_path)], semantic=False)
    daily = next(o for o in alignment.outlets if o.id == "daily")
    removed = {r.text: r.reason for r in daily.removed}
    assert removed["02.05.2026 17:20 | Source: HWN | Translated from the Norse"] == DROPPED_BY_EXTRACTOR
    assert {("wire", "HWN"), ("translated", "Norse")} <= {(c.kind, c.source) for c in credits_of(daily)}
    published = outlet_published(daily)
    assert published is not None and published.precision != "day"  # the printed 17:20 counts
    assert [s.text for s in daily.sentences] == WIRE_TEXT


_WORDS = st.sampled_from("glass furnace council repairs crack dome Vennick workers town months east oldest".split())
_PARAGRAPH = st.lists(_WORDS, min_size=8, max_size=20).map(lambda ws: " ".join(ws).capitalize() + ".")


@given(st.lists(_PARAGRAPH, min_size=3, max_size=8, unique=True))
@settings(max_examples=25, deadline=None)
def test_every_text_block_of_a_div_soup_page_is_kept_or_listed(paragraphs):
    """Invariant: whatever the extractor keeps, each block of the page's text is in the article
    or in its removed lines; nothing is dropped without a trace."""
    text, forced = extract_text(_page(paragraphs))
    doc = RawDoc(meta=OutletMeta(id="p", name="p", source="p.html"), text=text, encoding="utf-8", forced_furniture=forced)
    [article] = clean_documents([doc])
    shown = [" ".join(text[s:e].split()) for s, e in article.paragraphs] + [r.text for r in article.removed]
    if article.title_span:
        shown.append(text[article.title_span[0]:article.title_span[1]])
    for block in ["02.05.2026 17:20 | Source: HWN | Translated from the Norse", "More on this topic", "Ferry fares rise again",
                  "© 2026 Vennick Daily. All rights reserved.", *paragraphs]:
        assert any(block in piece for piece in shown), block
