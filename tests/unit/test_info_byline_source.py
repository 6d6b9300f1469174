"""The reader's outlet panel (`i`) shows the byline the exports give: the outlet's author as the
pipeline read it once (the page's markup, or the byline line cleaning set aside), never a second
reading of its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from retold.model.export import to_json
from retold.model.pipeline import load_alignment
from retold.tui.screens.outlet_info import info_rows

SAMPLE = Path(__file__).resolve().parents[2] / "sample_corpus"


def _byline_row(outlet) -> str:
    return dict(info_rows(outlet))["byline"]


# The development stories (the held-out ones are for scoring only).
DEV_STORIES = ["aldmere-summit", "north-sea-grid", "rowing-worlds", "selke-landslide", "velka-mine", "veneth-dam"]


@pytest.mark.parametrize("story", DEV_STORIES)
def test_the_panels_byline_is_the_exports_author(story):
    alignment = load_alignment([str(SAMPLE / story)], semantic=False)
    exported = {o["id"]: o["author"] for o in json.loads(to_json(alignment))["outlets"]}
    for outlet in alignment.outlets:
        assert _byline_row(outlet) == (exported[outlet.id] or "(none found)"), outlet.id


def test_an_author_from_the_pages_markup_is_shown(tmp_path):
    body = "".join(f"<p>{s}</p>" for s in [
        "The glassworks of Vennick closed its oldest furnace on Monday after inspectors found a crack in its dome.",
        "Repairs will take at least four months, the works manager said in a statement.",
        "About 120 glassblowers will move to the newer furnace on the east side of the town.",
    ])
    (tmp_path / "daily.html").write_text(
        '<html><head><title>Furnace shut | Vennick Daily</title><meta name="author" content="Mira Osk"></head>'
        f"<body><div class='x'><h1>Furnace shut</h1>{body}</div></body></html>")
    (tmp_path / "other.txt").write_text("Furnace shut\n\nThe glassworks of Vennick closed its oldest furnace on Monday.\n")
    alignment = load_alignment([str(tmp_path)], semantic=False)
    daily = next(o for o in alignment.outlets if o.id == "daily")
    assert _byline_row(daily) == "Mira Osk"
