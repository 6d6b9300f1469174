"""The gap programme is total: over any two sides (any sizes, however lopsided), any band, any
sentences linked elsewhere, any soft anchors and any sentence lengths (a 300 KB paragraph), it
returns beads, and they are a monotone alignment of the gap that never takes in a blocked sentence.
"""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.align import gaps
from retold.model.align.params import MOVES
from retold.model.align.records import Features, PairSides
from retold.model.align.scoring import Scorer

VOCABULARY = ["harb", "ferry", "quay", "crews", "voted", "3.5", "kestr", "tide", "storm", "bridg"]


@st.composite
def sentences(draw, count: int) -> list[Features]:
    side = []
    for _ in range(count):
        feats = frozenset(draw(st.lists(st.sampled_from(VOCABULARY), max_size=4)))
        length = draw(st.one_of(st.integers(0, 300), st.integers(0, 300_000)))  # a 300 KB paragraph, too
        ends = draw(st.booleans())
        side.append(Features(words=tuple(sorted(feats)), feats=feats, length=length, ends=ends, runs_on=not ends and draw(st.booleans())))
    return side


@st.composite
def gaps_to_align(draw):
    lopsided = draw(st.booleans())
    if lopsided:  # a few sentences beside thousands: the band around a steep diagonal
        few, many = draw(st.integers(1, 4)), draw(st.integers(100, 3000))
        n, m = (few, many) if draw(st.booleans()) else (many, few)
    else:
        n, m = draw(st.integers(0, 30)), draw(st.integers(0, 30))
    start_a, start_b = draw(st.integers(0, 3)), draw(st.integers(0, 3))
    # Features are drawn for at most 40 positions and repeated: sizes stay cheap to generate.
    pool_a, pool_b = draw(sentences(min(40, start_a + n) or 1)), draw(sentences(min(40, start_b + m) or 1))
    fa = [pool_a[k % len(pool_a)] for k in range(start_a + n)]
    fb = [pool_b[k % len(pool_b)] for k in range(start_b + m)]
    rows, cols = range(start_a, start_a + n), range(start_b, start_b + m)
    blocked_a = set(draw(st.lists(st.sampled_from(list(rows)), max_size=n))) if n and draw(st.booleans()) else set()
    blocked_b = set(draw(st.lists(st.sampled_from(list(cols)), max_size=m))) if m and draw(st.booleans()) else set()
    soft = []
    if n and m and draw(st.booleans()):
        picks = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, m - 1)), max_size=6))
        last_i = last_j = -1
        for i, j in sorted(picks):
            if i > last_i and j > last_j:  # a chain: increasing on both sides
                soft.append((start_a + i, start_b + j))
                last_i, last_j = i, j
    settings_ = {
        "band": draw(st.integers(1, 40)),
        "max_cells": draw(st.sampled_from([10, 100, 1000, 40_000])),
        "ratio": draw(st.floats(0.05, 20.0)),
        "skip": draw(st.sampled_from([0.0, 0.3, 0.7, 1.0, 5.0])),
        "bonus": draw(st.sampled_from([0.0, 4.0])),
    }
    return fa, fb, rows, cols, blocked_a, blocked_b, soft, settings_


@settings(max_examples=250, deadline=None)
@given(gaps_to_align())
def test_the_programme_is_total_and_its_beads_a_monotone_alignment(case):
    fa, fb, rows, cols, blocked_a, blocked_b, soft, s = case
    weights = {feat: 1.0 + len(feat) / 10 for feat in VOCABULARY}
    sides = PairSides(0, 1, fa, fb, Scorer([fa, fb], weights), True, set(blocked_a), set(blocked_b))
    with mock.patch.object(gaps, "BAND", s["band"]), mock.patch.object(gaps, "MAX_CELLS", s["max_cells"]):
        beads = gaps.gap_programme(sides, rows, cols, s["ratio"], soft, skip=s["skip"], bonus=s["bonus"])
    last_row, last_col = rows.start - 1, cols.start - 1
    for bead_rows, bead_cols, sim in beads:
        assert (len(bead_rows), len(bead_cols)) in MOVES
        assert list(bead_rows) == list(range(bead_rows[0], bead_rows[-1] + 1))
        assert list(bead_cols) == list(range(bead_cols[0], bead_cols[-1] + 1))
        assert bead_rows[0] > last_row and bead_cols[0] > last_col  # in order, never overlapping
        assert bead_rows[-1] in rows and bead_cols[-1] in cols
        assert not set(bead_rows) & blocked_a and not set(bead_cols) & blocked_b
        assert 0.0 <= sim <= 1.0 + 1e-9
        last_row, last_col = bead_rows[-1], bead_cols[-1]


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 60), st.integers(1, 3000), st.integers(1, 40), st.sampled_from([10, 100, 1000, 40_000]))
def test_every_row_of_the_band_meets_the_reachable_cells_of_the_row_above(n, m, band, max_cells):
    """Why the programme is total: each row's cells overlap the cells of the row above that can
    be reached (from the furthest start so far to its end), so a skip down always continues a path."""
    for rows, cols in ((n, m), (m, n)):
        with mock.patch.object(gaps, "BAND", band), mock.patch.object(gaps, "MAX_CELLS", max_cells):
            lo, hi = gaps.band_limits(rows, cols, 0, 0, ())
        assert lo[0] == 0 and hi[-1] == cols
        first = 0
        for i in range(1, rows + 1):
            assert lo[i] <= hi[i] and lo[i] <= hi[i - 1] and first <= hi[i], (i, lo[i - 1:i + 1], hi[i - 1:i + 1])
            first = max(first, lo[i])


def test_two_sentences_beside_three_thousand_are_aligned():
    """The shape that failed: a short text against one long paragraph cut into thousands of
    sentences, with nothing in common (no confident pair), banded around a steep diagonal."""
    fa = [Features(words=("harb",), feats=frozenset({"harb"}), length=40) for _ in range(2)]
    fb = [Features(words=("ridge",), feats=frozenset({"ridge"}), length=100) for _ in range(3000)]
    sides = PairSides(0, 1, fa, fb, Scorer([fa, fb], {"harb": 1.0, "ridge": 1.0}), True)
    beads = gaps.gap_programme(sides, range(2), range(3000), 1.0)
    assert all(len(r) + len(c) >= 2 for r, c, _s in beads)


def test_one_300_kb_paragraph_next_to_two_short_files_aligns(tmp_path):
    """The story from the report: three files, one a single 300 KB paragraph of its own words."""
    import random

    from retold.model.pipeline import load_alignment

    rng = random.Random(2)

    def sentence(words: list[str]) -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(8, 20))).capitalize() + "."

    harbour = "harbour council ferry quay crews voted closed report engineers".split()
    (tmp_path / "b_short.txt").write_text("Short harbour story\n\n" + " ".join(sentence(harbour) for _ in range(5)) + "\n", encoding="utf-8")
    (tmp_path / "c_short.txt").write_text("Another harbour story\n\n" + " ".join(sentence(harbour) for _ in range(4)) + "\n", encoding="utf-8")
    mountain = "alpine glacier summit ridge rope camp ascent".split()
    (tmp_path / "z_big.txt").write_text(" ".join(sentence(mountain) for _ in range(6000))[:300_000] + "\n", encoding="utf-8")
    alignment = load_alignment([str(tmp_path)])
    big = alignment.outlet("z-big")
    assert len(big.sentences) > 1000 and all(s.group is None for s in big.sentences)
