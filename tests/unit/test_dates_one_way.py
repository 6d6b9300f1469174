"""Dates are shown one way: the HTML export's Outlets table and the reader's pane headers read an
outlet's `published` alike ('1 Dec 2026 15:30 UTC', '1 Dec 2026 17:20', '1 Dec 2026'), never as raw
ISO beside plain dates. Invented outlets."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from retold.model.published import readable_date
from retold.model.share import to_html
from retold.tui.state import compact_date
from sources_helpers import aligned, make_outlet

TEXT = [
    "The glassworks of Vennick closed its oldest furnace on Monday after inspectors found a crack in its dome.",
    "Repairs will take at least four months, the works manager said in a statement.",
]
READABLE = re.compile(r"^\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}(?: \d{2}:\d{2}(?: UTC)?)?$")


def test_the_html_outlets_table_shows_every_date_alike():
    outlets = [
        make_outlet("a", TEXT, name="Vennick Daily", published="2026-12-01T15:30:00Z"),
        make_outlet("b", TEXT, name="Harbour Wire", published="2026-12-01"),
        make_outlet("c", TEXT, name="Lantern Post", published="2026-12-01T17:20:00"),
    ]
    page = to_html(aligned(*outlets))
    table = page[page.index('<table class="outlets">'):]
    table = table[:table.index("</table>")]
    cells = re.findall(r"<tr><th>[^<]*</th><td>[^<]*</td><td>([^<]*)</td>", table)
    assert sorted(cells) == ["1 Dec 2026", "1 Dec 2026 15:30 UTC", "1 Dec 2026 17:20"]
    assert "2026-12-01" not in table


_MOMENT = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2090, 1, 1))
_ZONE = st.sampled_from([None, dt.timezone.utc, dt.timezone(dt.timedelta(hours=2)), dt.timezone(dt.timedelta(hours=-5, minutes=-30))])


@given(_MOMENT, _ZONE, st.booleans())
def test_every_iso_date_reads_one_way(moment, zone, day_only):
    """Invariant: any ISO date or date-time reads as 'D Mon YYYY[ HH:MM[ UTC]]', in UTC when it
    has a zone; the pane header's form is the same without the year of a time."""
    moment = moment.replace(tzinfo=zone, microsecond=0)
    text = moment.date().isoformat() if day_only else moment.isoformat()
    shown = readable_date(text)
    assert READABLE.match(shown), shown
    if zone is not None and not day_only:
        in_utc = moment.astimezone(dt.timezone.utc)
        assert shown.endswith(f"{in_utc:%H:%M} UTC") and f" {in_utc.year} " in shown
    if day_only:
        assert compact_date(text) == shown
    else:
        assert compact_date(text) == shown.replace(f" {shown.split()[2]} ", " ", 1)
