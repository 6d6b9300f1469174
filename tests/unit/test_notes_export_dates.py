"""Review: `retold notes export --format md` printed "published 2026-11-19 00:00" for an outlet
that gives only a date (brenholt-port's Brenholt Courier); the 00:00 was invented. A bare date is
printed as a date, a time as the time it is."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from retold.model.story import Outlet, OutletMeta
from retold.notes.anchor import Anchor
from retold.notes.export import to_markdown
from retold.notes.service import PlacedNote
from retold.notes.store import Note


def heading_for(published: str) -> str:
    note = Note(
        id=1, story="/stories/x", source="/stories/x/a.txt", outlet_name="The Brenholt Courier",
        exact="A sentence.", prefix="", suffix="", start=0, end=11, text_hash=None, body="A note.", draft=False,
        created="2026-03-05T14:10:00+00:00", updated="2026-03-05T14:10:00+00:00",
    )
    outlet = Outlet(OutletMeta("courier", "The Brenholt Courier", "/stories/x/a.txt", published=published), "", None, (), ())
    doc = to_markdown([("/stories/x", "A story", [PlacedNote(note, Anchor("exact", None), outlet)])])
    return next(line for line in doc.splitlines() if line.startswith("## The Brenholt Courier"))


@given(st.dates(datetime.date(1990, 1, 1), datetime.date(2100, 12, 31)))
def test_a_bare_date_is_printed_as_a_date(day):
    assert heading_for(day.isoformat()) == f"## The Brenholt Courier — published {day.isoformat()}"


@given(st.datetimes(datetime.datetime(1990, 1, 1), datetime.datetime(2100, 12, 31)))
def test_a_utc_time_is_printed_with_its_time(moment):
    stamp = moment.replace(tzinfo=datetime.UTC).isoformat()
    assert heading_for(stamp) == f"## The Brenholt Courier — published {moment:%Y-%m-%d %H:%M} UTC"
