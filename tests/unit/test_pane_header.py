"""Issue 18: a pane header's first line shows the date compactly and never cuts it before the
outlet name is cut; the name is whole whenever it fits beside the date."""

from __future__ import annotations

import datetime

from hypothesis import example, given
from hypothesis import strategies as st

from retold.model.story import Outlet, OutletMeta
from rich.cells import cell_len

from retold.tui.state import compact_date
from retold.tui.widgets.pane_header import HEADLINE_LEAST, HEADLINE_SHARE, badge_text, header_line, second_line

DATES = ["2026-03-03T16:05:00+01:00", "2026-10-14", None]


@given(st.text(st.characters(categories=["L", "Zs"]), min_size=1, max_size=40).map(str.strip).filter(bool),
       st.sampled_from(DATES), st.sampled_from(["en", None]), st.integers(10, 120))
def test_the_date_is_cut_only_after_the_name(name, published, language, width):
    outlet = Outlet(OutletMeta("x", name, "x.txt", published=published, language=language), "", None, (), ())
    counts = {"shared": 3, "altered": 12, "unique": 0}
    line = header_line(outlet, counts, True, width)
    line.truncate(width, overflow="ellipsis")
    shown = line.plain
    date = {"2026-03-03T16:05:00+01:00": "3 Mar 15:05 UTC", "2026-10-14": "14 Oct 2026", None: ""}[published]
    narrow = {"2026-03-03T16:05:00+01:00": "3 Mar 15:05Z"}.get(published, date)
    if cell_len(name) + 2 + 2 + len(narrow) <= width:
        assert shown[2:].startswith(name + "  ") or shown[2:] == name, (shown, width)  # room beside the narrow date: the name is whole
    if name in shown:
        return  # the whole name: anything after it may be cut
    # the name was cut: the date is still whole, in its narrow form (unless even a one-letter
    # name leaves no room)
    if width >= 2 + 2 + 2 + len(narrow):
        assert narrow in shown, (shown, width)
    assert "2026-" not in shown  # never the raw ISO form


NAMES = st.text(st.characters(categories=["L", "Zs"]), min_size=1, max_size=40).map(str.strip).filter(bool)


@given(NAMES, st.sampled_from(DATES), st.sampled_from(["en", None]), st.integers(-30, 30))
@example("Northgate News Service", "2026-10-14", "en", -3)  # the review's "Northgate News Servi…  =9 ~2 +0"
def test_language_then_counts_give_way_before_the_name_is_cut(name, published, language, slack):
    # widths around the one where everything just fits, where the choices are made
    width = max(1, cell_len(name) + 20 + slack)
    outlet = Outlet(OutletMeta("x", name, "x.txt", published=published, language=language), "", None, (), ())
    counts = {"shared": 3, "altered": 12, "unique": 0}
    line = header_line(outlet, counts, False, width)
    line.truncate(width, overflow="ellipsis")
    shown = line.plain
    counts_shown = "~12" in shown
    language_shown = language is not None and f"· {language}" in shown
    if counts_shown or language_shown:
        assert shown.startswith("  " + name + "  "), (shown, width)  # the name whole before them
    if language_shown:
        assert counts_shown  # the language is the first to go
    full = f"  {name}  =3 ~12 +0" + ("  " + " · ".join(d for d in (compact_date(published), language) if d) if published or language else "")
    if cell_len(full) <= width:
        assert shown == full  # everything fits: nothing is dropped


COPIES = st.lists(st.tuples(NAMES, st.sampled_from(["5 h later", "2 d later", ""])), min_size=1, max_size=3)


@given(COPIES, st.integers(1, 160))
def test_the_badge_cuts_names_before_delays(copies, width):
    badge = badge_text(copies, width)
    needed = cell_len(badge_text([("", delay) for _, delay in copies], 10_000)) + 2 * len(copies)
    if width >= needed:  # room for every delay and at least a letter of each name
        assert cell_len(badge) <= width, (badge, width)
        for _, delay in copies:
            if delay:
                assert f": verbatim, {delay}" in badge
    whole = "; ".join(f"= {n}: verbatim" + (f", {d}" if d else "") for n, d in copies)
    if cell_len(whole) <= width:
        assert badge == whole


ZONES = st.integers(-12 * 60, 14 * 60).map(lambda minutes: datetime.timezone(datetime.timedelta(minutes=minutes)))
ZONED = st.builds(lambda moment, zone: moment.replace(tzinfo=zone),
                  st.datetimes(datetime.datetime(2001, 1, 2), datetime.datetime(2099, 12, 30)).map(lambda m: m.replace(second=0, microsecond=0)),
                  ZONES)


def _shown_instant(shown: str, year: int) -> datetime.datetime:
    """The instant a header's '9 Jun 08:05 UTC' names, in `year` (the header leaves the year out)."""
    assert shown.endswith(" UTC"), shown  # a zoned time says which zone it is shown in
    return datetime.datetime.strptime(f"{year} {shown[:-4]}", "%Y %d %b %H:%M").replace(tzinfo=datetime.UTC)


@given(ZONED, ZONED)
@example(datetime.datetime(2026, 6, 9, 10, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
         datetime.datetime(2026, 6, 9, 9, 30, tzinfo=datetime.UTC))  # the review's selke-landslide pair
def test_zoned_times_show_in_utc_so_their_order_reads_true(a, b):
    """Review: '9 Jun 10:05' (+02:00) beside '9 Jun 09:30' (Z) read as published later, though it
    came first. Every zoned time is shown as its UTC time, so the shown times order as the real
    ones do."""
    shown_a, shown_b = compact_date(a.isoformat()), compact_date(b.isoformat())
    year_a, year_b = a.astimezone(datetime.UTC).year, b.astimezone(datetime.UTC).year
    assert _shown_instant(shown_a, year_a) == a
    assert _shown_instant(shown_b, year_b) == b
    assert (_shown_instant(shown_a, year_a) < _shown_instant(shown_b, year_b)) == (a < b)


@given(st.datetimes(datetime.datetime(2001, 1, 1), datetime.datetime(2099, 12, 31)).map(lambda m: m.replace(second=0, microsecond=0)))
def test_a_time_without_a_zone_is_shown_as_given(moment):
    """Its zone is unknown: no zone is invented, the clock time is the one the outlet gave."""
    shown = compact_date(moment.isoformat())
    assert "UTC" not in shown
    assert datetime.datetime.strptime(f"{moment.year} {shown}", "%Y %d %b %H:%M") == moment


TITLES = st.text(st.characters(categories=["L", "Zs"], max_codepoint=0x24F), min_size=1, max_size=90).map(str.strip).filter(bool)


@given(TITLES, COPIES, st.sampled_from(["", "reference", "vs Meridian Press"]), st.integers(20, 200))
@example("Eight nations agree to build shared North Sea power grid", [("The Harbour Ledger", "5 h later")], "", 47)  # review: Meridian at 100x30
@example("Eight nations agree to build shared North Sea power grid", [("The Harbour Ledger", "5 h later")], "", 39)  # and at 80x24
def test_the_headline_survives_and_badges_yield_first(title, copies, note, width):
    """Review: at 100x30 and 80x24 Meridian's header showed its copy badge where its headline
    should be. The headline keeps at least half the line (or all of itself): the badge narrows
    and then goes first; the headline is cut with an ellipsis, never dropped."""
    line = second_line(title, copies, note, width)
    line.truncate(width, overflow="ellipsis")
    shown = line.plain
    room = width - 2 - (len(note) + 3 if note else 0)
    least = min(len(title), max(HEADLINE_LEAST, int(room * HEADLINE_SHARE)))
    if room >= 2:
        kept = title[: max(1, min(least, room) - 1)]
        assert kept in shown, (shown, width)  # the headline's start is shown
    full = "; ".join(f"= {n}: verbatim" + (f", {d}" if d else "") for n, d in copies)
    if cell_len(full) + 2 + len(title) <= room:
        assert shown == "  " + (f"[{note}] " if note else "") + full + "  " + title  # everything fits: nothing yields
    if "=" in shown.split(title[:1])[0] and not shown.endswith(title):
        assert cell_len(shown) <= width  # a badge beside a cut headline stays inside the line
