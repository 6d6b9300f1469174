"""Who took what and the quotes on the shared page, the quotes CSV table and the JSON fields."""

import csv
import io
import json
from pathlib import Path

from retold.cli import main
from retold.model.export import to_dict
from retold.model.pipeline import load_alignment
from retold.model.share import to_html
from retold.model.share_sources import QUOTE_COLUMNS, to_quotes_csv
from sources_helpers import aligned, make_outlet

SAMPLE = Path(__file__).resolve().parents[2] / "sample_corpus"


def test_quotes_csv_marks_the_changed_quote():
    rows = list(csv.DictReader(io.StringIO(to_quotes_csv(load_alignment([str(SAMPLE / "selke-landslide")])))))
    assert list(rows[0]) == QUOTE_COLUMNS
    major = next(r for r in rows if r["outlet"] == "kestrel-online" and "setback" in r["text"])
    assert major["flags"] == "wording changed" and major["changed_words"] == "major"
    assert major["reference"] == "a serious setback for the whole valley"
    dropped = next(r for r in rows if "quote marks dropped" in r["flags"])
    assert dropped["quoted"] == "no" and dropped["outlet"] == "kestrel-online"


def test_cli_quotes_table_needs_csv(capsys):
    assert main(["align", str(SAMPLE / "selke-landslide"), "--format", "json", "--table", "quotes"]) == 2
    assert "--table quotes needs --format csv" in capsys.readouterr().err


def test_json_carries_credits_provenance_and_quotes():
    data = to_dict(load_alignment([str(SAMPLE / "north-sea-grid")]))
    json.dumps(data)
    ledger = next(o for o in data["outlets"] if o["id"] == "harbour-ledger")
    assert {(c["kind"], c["source"]) for c in ledger["credits"]} == {("byline", "Meridian Press"), ("dateline", "Meridian")}
    edges = {(e["from"], e["to"], e["confidence"]) for e in data["provenance"]["edges"]}
    assert ("meridian", "harbour-ledger", "likely") in edges
    node_ids = {n["id"] for n in data["provenance"]["nodes"]}
    assert all(e["from"] in node_ids and e["to"] in node_ids for e in data["provenance"]["edges"])
    changed = [m for g in data["quotes"] for m in g["members"] if "wording changed" in m["flags"]]
    assert {m["outlet"] for m in changed} == {"northwind", "rundschau-nord", "evening-courier"}
    for group in data["quotes"]:
        for m in group["members"]:
            outlet = next(o for o in data["outlets"] if o["id"] == m["outlet"])
            assert all(outlet["sentences"][i]["index"] == i for i in m["sentences"])


def test_page_shows_sources_and_quotes_escaped():
    hostile = "<script>alert(1)</script>"
    a = make_outlet("a", ['"We will rebuild the new pier within a year," said Ada Brook.'], name=f"Echo {hostile}",
                    removed=[(f"By Island {hostile} Times", "byline")])
    b = make_outlet("b", ['"We will rebuild the old pier within a year," said Ada Brook.'], name="Island Times")
    page = to_html(aligned(a, b))
    assert hostile not in page and "&lt;script&gt;" in page
    assert "<h2>Who took what</h2>" in page and "<h2>Quotes</h2>" in page
    assert "<mark>old</mark>" in page or "<mark>new</mark>" in page  # the changed word, marked
    assert "wording changed" in page
