"""One row of pane headers writes one UTC mark: when any header needs the narrow "15:05Z" to
keep its name, every header writes it so (invented outlets)."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from retold.model.story import Outlet, OutletMeta
from retold.tui.widgets.pane_header import RowDates, header_line

COUNTS = {"shared": 3, "altered": 12, "unique": 0}
TIMES = ["2026-11-30T09:12:00Z", "2026-11-30T18:45:00+01:00", "2026-11-30T13:05:00Z"]


def _outlet(name: str, published: str | None) -> Outlet:
    return Outlet(OutletMeta(name, name, f"{name}.txt", published=published, language="en"), "", None, (), ())


def _row(outlets: list[Outlet], width: int) -> list[str]:
    dates = RowDates([SimpleNamespace(outlet=o, _counts=COUNTS) for o in outlets])
    return [header_line(o, COUNTS, False, width, narrow_utc=dates.narrow(width)).plain for o in outlets]


def test_a_long_name_narrows_the_whole_rows_mark():
    outlets = [_outlet("Vell Wire", TIMES[0]), _outlet("The Evening Courier of the Vell Valley", TIMES[1])]
    row = _row(outlets, 48)
    assert all("Z" in line and "UTC" not in line for line in row), row


def test_a_row_with_room_keeps_utc():
    outlets = [_outlet("Vell Wire", TIMES[0]), _outlet("Marsh Post", TIMES[1])]
    row = _row(outlets, 60)
    assert all("UTC" in line for line in row), row


_NAMES = ["Vell Wire", "Marsh Post", "The Evening Courier", "Rundschau Nord am Vell", "The Harbour Ledger of Tarn Bay"]


@given(st.lists(st.tuples(st.sampled_from(_NAMES), st.sampled_from(TIMES + ["2026-11-30", None])), min_size=2, max_size=6),
       st.integers(20, 70))
def test_a_row_never_mixes_utc_and_z(pairs, width):
    row = _row([_outlet(name, published) for name, published in pairs], width)
    assert not (any(" UTC" in line for line in row) and any(line.rstrip().endswith("Z") or "Z  " in line or "Z ·" in line for line in row)), row


def _row_with_counts(outlets: list[Outlet], width: int) -> list[str]:
    dates = RowDates([SimpleNamespace(outlet=o, _counts=COUNTS) for o in outlets])
    narrow = dates.narrow(width)
    return [header_line(o, COUNTS, False, width, narrow_utc=narrow, counted=dates.counted(width, narrow)).plain for o in outlets]


@given(st.lists(st.tuples(st.sampled_from(_NAMES), st.sampled_from(TIMES + ["2026-11-30", None])), min_size=2, max_size=6),
       st.integers(20, 90))
def test_a_row_shows_every_headers_counts_or_none(pairs, width):
    """Two testers saw a row where two headers had their counts and two had none (each header
    chose alone), and read it as two kinds of outlet."""
    row = _row_with_counts([_outlet(name, published) for name, published in pairs], width)
    shown = ["~12" in line for line in row]
    assert all(shown) or not any(shown), row


def test_a_row_with_room_keeps_every_headers_counts():
    row = _row_with_counts([_outlet("Vell Wire", TIMES[0]), _outlet("Marsh Post", TIMES[1])], 70)
    assert all("~12" in line for line in row), row
