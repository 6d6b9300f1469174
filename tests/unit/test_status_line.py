"""The status line is a pure function of the navigation state and the view modes (issue 18
item 6): what it shows, and what it drops first when the line is narrow."""

from __future__ import annotations

from dataclasses import replace

from retold.model.pipeline import load_alignment
from retold.tui.state import ReaderState, ViewModes
from retold.tui.status_line import status_line


def test_status_line_keeps_the_search_count_and_drops_the_least_needed(sample_dir):
    state = ReaderState.open(load_alignment([str(sample_dir)]), 2)
    modes = ViewModes(diff=True, filter="unique", search_query="cable", match_count=7, match_index=2)
    wide = status_line(state, modes, 200, noted=True).plain
    assert wide.startswith("Meridian Press │ sentence 1/13 │ shared")
    for part in ("✎ note", "diff", "only unique", "/cable 3/7 matches (n p)", "outlets 1-2/6 (1 folded) <>"):
        assert part in wide
    narrow = status_line(state, modes, 60, noted=True).plain
    assert "/cable 3/7 matches" in narrow and "diff" not in narrow and len(narrow) <= 58
    assert "sync off" in status_line(replace(state, sync=False), ViewModes(), 100).plain


def test_a_long_quote_line_that_does_not_fit_leaves_the_note_mark_shown(sample_dir):
    """The quote part (issue 20) is long: when it has to go, the shorter parts dropped before it
    come back where they fit, so a note on the sentence is still said at 100 columns."""
    state = ReaderState.open(load_alignment([str(sample_dir)]), 2)
    quote = "quote differs in " + ", ".join(o.name for o in state.alignment.outlets)
    line = status_line(state, ViewModes(), 100, noted=True, quote=quote).plain
    assert "✎ note" in line and quote not in line and len(line) <= 98
    assert quote in status_line(state, ViewModes(), 300, noted=True, quote=quote).plain



def test_a_possible_counterpart_is_said_as_possible_with_its_evidence(sample_dir):
    """A sentence the pane marks "?" is never called "altered"/"shared" on the status line: it
    says "possible counterpart" and names the evidence the link rests on."""
    opened = ReaderState.open(load_alignment([str(sample_dir)]), 2)
    alignment = opened.alignment  # the reader's order of outlets
    number, outlet = next((n, o) for n, o in enumerate(alignment.outlets) if alignment.possible(o.id))
    index = min(alignment.possible(outlet.id))
    member = alignment.member(outlet.id, index)
    state = replace(opened, focused=number, cursors=tuple(index if n == number else 0 for n in range(len(opened.cursors))))
    line = status_line(state, ViewModes(), 300).plain
    assert "? possible │ counterpart in " in line
    assert f"│ {outlet.sentences[index].status} │" not in line
    assert member.evidence and "evidence: " + ", ".join(member.evidence) in line
    sure = next(s.index for s in outlet.sentences if s.group is not None and s.index not in alignment.possible(outlet.id))
    plain = status_line(replace(state, cursors=tuple(sure if n == number else 0 for n in range(len(state.cursors)))), ViewModes(), 300).plain
    assert "possible" not in plain and f"│ {outlet.sentences[sure].status} │ in " in plain
    # At 100 columns the word "possible" stays, and pushes out neither a note nor the outlets window.
    narrow = status_line(state, ViewModes(), 100, noted=True).plain
    assert "? possible" in narrow and "outlets 1-2/6" in narrow and "✎ note" in narrow


def test_the_legend_says_what_the_panes_question_mark_means():
    """The panes mark a counterpart on thin evidence '?': the legend under the status line says so
    (and does not give '?' a second meaning; help is the key bar's last entry)."""
    from retold.tui.status_line import legend_line

    legend = legend_line().plain
    assert "? possible" in legend and "? help" not in legend


def _possible_members(story: str = "brenholt-port"):
    """Each "?" member of a sample story, with the reader's state at it: (outlet, index, found,
    others, evidence, state) — found: the other outlets its group reaches."""
    from pathlib import Path

    opened = ReaderState.open(load_alignment([str(Path(__file__).parents[2] / "sample_corpus" / story)]), 2)
    alignment = opened.alignment
    others = len(alignment.outlets) - 1
    for number, outlet in enumerate(alignment.outlets):
        for index in sorted(alignment.possible(outlet.id)):
            member = alignment.member(outlet.id, index)
            found = len({m.outlet for m in alignment.groups[outlet.sentences[index].group].members} - {outlet.id})
            state = replace(opened, focused=number, cursors=tuple(index if n == number else 0 for n in range(len(opened.cursors))))
            yield outlet, index, found, others, ", ".join(member.evidence), state


def test_a_possible_pairs_count_and_evidence_share_one_short_part_where_both_long_ones_do_not_fit():
    """Review: at 100 columns a possible pair's status line showed the counterpart count or the
    evidence, never both. Where one short part ("in 1 of 4: names, lexical") fits, it shows both; a
    line that still shows only one of them had no room for the short part either."""
    from pathlib import Path

    from rich.cells import cell_len

    checked = 0
    for _outlet, _index, found, others, evidence, state in _possible_members():
        long_count, long_evidence = f"counterpart in {found} of {others} others", f"evidence: {evidence}"
        short = f"in {found} of {others}: {evidence}"
        for width in range(60, 201, 4):
            line = status_line(state, ViewModes(), width).plain
            assert cell_len(line) <= width - 2, (line, width)
            parts = line.split(" │ ")
            both = short in parts or (long_count in parts and long_evidence in parts)
            alone = [p for p in (long_count, long_evidence) if p in parts]
            if not both and alone:
                # the one shown, swapped for the short part, would not have fitted
                assert cell_len(line) - cell_len(alone[0]) + cell_len(short) > width - 2, (line, width)
            checked += 1
    assert checked
    opened = ReaderState.open(load_alignment([str(Path(__file__).parents[2] / "sample_corpus" / "brenholt-port")]), 2)
    alignment = opened.alignment
    lantern = next(n for n, o in enumerate(alignment.outlets) if o.name == "Lantern Wire")
    index = min(alignment.possible(alignment.outlets[lantern].id))
    state = replace(opened, focused=lantern, cursors=tuple(index if n == lantern else 0 for n in range(len(opened.cursors))))
    assert "│ ? possible │ in 1 of 4: names, lexical, numbers │" in status_line(state, ViewModes(), 100).plain


def test_a_possible_pairs_evidence_outranks_where_the_panes_are():
    """Review (a new user's five-outlet story at 100 columns): "? possible │ counterpart in 4 of
    4 others │ outlets 2-3/5 <>" hid what the pair rests on. Wherever the sentence's place, the
    word "possible" and the one short part with the count and evidence fit, the evidence is
    shown, before the outlets shown (which the panes show anyway)."""
    from rich.cells import cell_len

    checked = 0
    for outlet, index, found, others, evidence, state in _possible_members():
        least = " │ ".join([outlet.name, f"sentence {index + 1}/{len(outlet.sentences)}", "? possible", f"in {found} of {others}: {evidence}"])
        for width in range(60, 201, 2):
            if cell_len(least) > width - 2:
                continue
            line = status_line(state, ViewModes(), width).plain
            assert evidence in line, (line, width)
            checked += 1
    assert checked
