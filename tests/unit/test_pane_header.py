"""Issue 18: a pane header's first line shows the date compactly and never cuts it before the
outlet name is cut; the name is whole whenever it fits beside the date."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from retold.model.story import Outlet, OutletMeta
from retold.tui.widgets.pane_header import header_line

DATES = ["2026-03-03T16:05:00+01:00", "2026-10-14", None]


@given(st.text(st.characters(categories=["L", "Zs"]), min_size=1, max_size=40).map(str.strip).filter(bool),
       st.sampled_from(DATES), st.sampled_from(["en", None]), st.integers(10, 120))
def test_the_date_is_cut_only_after_the_name(name, published, language, width):
    outlet = Outlet(OutletMeta("x", name, "x.txt", published=published, language=language), "", None, (), ())
    counts = {"shared": 3, "altered": 12, "unique": 0}
    line = header_line(outlet, counts, True, width)
    line.truncate(width, overflow="ellipsis")
    shown = line.plain
    date = {"2026-03-03T16:05:00+01:00": "3 Mar 16:05", "2026-10-14": "14 Oct 2026", None: ""}[published]
    if name in shown:
        return  # the whole name: anything after it may be cut
    # the name was cut: the date is still whole (unless even a one-letter name leaves no room)
    if width >= 2 + 2 + 2 + len(date):
        assert date in shown, (shown, width)
    assert "2026-" not in shown  # never the raw ISO form
