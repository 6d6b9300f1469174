"""A counterpart on thin evidence (Member.strength "possible", the reader's "?") is said as
possible on every surface that shows a link, never as a sure shared/altered one."""

from __future__ import annotations

import csv
import io

from retold.model.export import to_text
from retold.model.share import to_csv, to_html
from retold.model.story import POSSIBLE_GLYPH


def _possible_and_sure(alignment):
    """Every (outlet, index, member) of a possible counterpart, and of a sure one."""
    possible, sure = [], []
    for outlet in alignment.outlets:
        for s in outlet.sentences:
            member = alignment.member(outlet.id, s.index)
            if member is not None:
                (possible if member.strength == "possible" else sure).append((outlet, s, member))
    assert possible and sure, "the sample story has both kinds"
    return possible, sure


def test_the_text_report_marks_a_possible_counterpart_and_explains_the_glyph(sample_alignment):
    report = to_text(sample_alignment)
    lines = report.splitlines()
    assert any(line.strip().startswith(f"{POSSIBLE_GLYPH} possible") for line in lines[:6])
    sections = {o.id: report.split(f"── {o.name} (")[1].split("\n── ")[0].splitlines() for o in sample_alignment.outlets}
    possible, sure = _possible_and_sure(sample_alignment)
    for outlet, s, member in possible:
        line = next(line for line in sections[outlet.id] if line[2:].startswith(s.text))
        assert line.startswith(f"{POSSIBLE_GLYPH} ")
        assert "evidence: " + ", ".join(member.evidence) in line
    for outlet, s, _ in sure:
        line = next(line for line in sections[outlet.id] if line[2:].startswith(s.text))
        # never itself called possible (a possible counterpart of another outlet is named in its bracket)
        assert line[0] in "=~" and "; possible " not in line


def test_the_csv_strength_column_says_possible_where_the_reader_shows_a_question_mark(sample_alignment):
    records = list(csv.DictReader(io.StringIO(to_csv(sample_alignment), newline="")))
    possible, sure = _possible_and_sure(sample_alignment)
    for outlet, s, kind in [(o, s, "possible") for o, s, _ in possible] + [(o, s, "strong") for o, s, _ in sure]:
        record = next(r for r in records if str(s.index) in r[f"{outlet.id}:sentences"].split())
        assert kind in record[f"{outlet.id}:strength"].split("+")
    unique = next((o, s) for o in sample_alignment.outlets for s in o.sentences if s.group is None)
    record = next(r for r in records if str(unique[1].index) in r[f"{unique[0].id}:sentences"].split())
    assert record[f"{unique[0].id}:strength"] == ""


def test_the_share_page_marks_a_possible_counterpart_with_its_evidence(sample_alignment):
    page = to_html(sample_alignment)
    possible, sure = _possible_and_sure(sample_alignment)
    assert '<span class="possible"><span class="g">?</span>possible' in page  # the legend
    for _, s, member in possible:
        span = f'<span class="s {s.status} possible" title="possible {s.status} counterpart: sentence {s.index}; evidence: {", ".join(member.evidence)}">'
        assert span in page
    assert page.count(" possible\" title=") == len(possible)
    assert page.count('<span class="pl">possible</span>') == len(possible)




def test_the_share_page_outlets_table_counts_possible_counterparts(sample_alignment):
    page = to_html(sample_alignment)
    assert "<th title=\"of the shared and altered, how many rest on thin evidence\">? possible</th>" in page
    counts = [len(sample_alignment.possible(o.id)) for o in sample_alignment.outlets]
    assert page.count('<td class="n possible-n">') == len(counts)
    for count in set(counts):
        assert f'<td class="n possible-n">{count}</td>' in page
