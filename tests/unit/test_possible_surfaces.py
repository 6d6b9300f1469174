"""A counterpart on thin evidence (Member.strength "possible", the reader's "?") is said as
possible on every surface that shows a link, never as a sure shared/altered one."""

from __future__ import annotations

from retold.model.export import to_text
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
        assert line[0] in "=~" and "possible" not in line
