"""Dates as pages print them (date lines, bylines): the value read is the value printed, in every
common form, and a time without a zone stays without one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.pipeline import load_alignment
from retold.model.published import outlet_published, parse_date_line

SAMPLE = Path(__file__).resolve().parents[2] / "sample_corpus"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NAMED_ZONES = {"UTC": 0, "GMT": 0, "CET": 60, "CEST": 120, "EET": 120, "EST": -300, "PDT": -420}


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _day_text(day: dt.date, form: str) -> str:
    month = MONTHS[day.month - 1]
    return {
        "d month y": f"{day.day} {month} {day.year}",
        "d mon. y": f"{day.day} {month[:3]}. {day.year}",
        "dth of month y": f"{_ordinal(day.day)} of {month} {day.year}",
        "month d, y": f"{month} {day.day}, {day.year}",
        "mon dth y": f"{month[:3]} {_ordinal(day.day)} {day.year}",
        "iso": day.isoformat(),
        "dd.mm.yyyy": f"{day.day:02d}.{day.month:02d}.{day.year}",
        "d/m/yyyy": f"{day.day}/{day.month}/{day.year}",
    }[form]


def _clock_text(clock: dt.time, twelve: bool) -> str:
    if twelve:
        return f"{(clock.hour - 1) % 12 + 1}:{clock.minute:02d} {'pm' if clock.hour >= 12 else 'am'}"
    return f"{clock.hour:02d}:{clock.minute:02d}"


def _zone_text(zone: tuple[str, int] | None) -> tuple[str, int | None]:
    if zone is None:
        return "", None
    kind, minutes = zone
    if kind == "named":
        name = next(n for n, m in NAMED_ZONES.items() if m == minutes)
        return f" {name}", minutes
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    if kind == "utc+h":
        return f" UTC{sign}{hours}" + (f":{rest:02d}" if rest else ""), minutes
    return f" {sign}{hours:02d}:{rest:02d}", minutes


zones = st.one_of(
    st.none(),
    st.sampled_from(sorted(set(NAMED_ZONES.values()))).map(lambda m: ("named", m)),
    st.tuples(st.sampled_from(["utc+h", "+hh:mm"]), st.integers(-12, 14).map(lambda h: h * 60)),
)


@given(
    day=st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)),
    form=st.sampled_from(["d month y", "d mon. y", "dth of month y", "month d, y", "mon dth y", "iso", "dd.mm.yyyy", "d/m/yyyy"]),
    clock=st.one_of(st.none(), st.times().map(lambda t: t.replace(second=0, microsecond=0))),
    twelve=st.booleans(),
    clock_first=st.booleans(),
    zone=zones,
    weekday=st.booleans(),
    prefix=st.sampled_from(["", "Published ", "By Ana Veldt, Sarvenia Daily | ", "By Rasmus Ferl | ", "Posted on "]),
    emphasis=st.sampled_from(["", "_", "*", "__", "**"]),  # Markdown wraps date lines: "_14 October 2026_"
)
@settings(max_examples=400, deadline=None)
def test_a_printed_date_reads_back_as_printed(day, form, clock, twelve, clock_first, zone, weekday, prefix, emphasis):
    date_text = _day_text(day, form)
    if weekday:
        date_text = f"{WEEKDAYS[day.weekday()]}, {date_text}"
    zone_text, offset = _zone_text(zone)
    if clock is None:
        line = prefix + date_text
    elif clock_first:
        line = f"{prefix}{_clock_text(clock, twelve)}{zone_text}, {date_text}"
    else:
        line = f"{prefix}{date_text}, {_clock_text(clock, twelve)}{zone_text}"
    line = f"{emphasis}{line}{emphasis}"
    published = parse_date_line(line)
    assert published is not None, line
    if clock is None:
        assert published.precision == "day", line
        start = dt.datetime.combine(day, dt.time(), dt.UTC)
        assert published.earliest < start + dt.timedelta(days=1) and published.latest > start, line
        return
    local = dt.datetime.combine(day, clock)
    if offset is None:  # a time without its zone: never an instant, never a guessed zone
        assert published.precision == "time, zone unknown", line
        assert published.earliest < local.replace(tzinfo=dt.UTC) < published.latest, line
        assert published.latest - published.earliest == dt.timedelta(hours=26), line
    else:
        assert published.exact, line
        assert published.earliest == (local - dt.timedelta(minutes=offset)).replace(tzinfo=dt.UTC), line


def test_a_markdown_date_line_is_the_outlets_date(tmp_path):
    """A Markdown page's date line in emphasis ("_14 October 2026_") is read as its date."""
    folder = tmp_path / "story"
    folder.mkdir()
    body = "A crane fell at the Marlow Bay terminal on Tuesday, injuring two workers.\n"
    (folder / "wire.md").write_text(f"# Crane falls at Marlow Bay\n\n_14 October 2026_\n\n{body}", encoding="utf-8")
    (folder / "paper.txt").write_text(f"Crane falls at Marlow Bay\n\n{body}", encoding="utf-8")
    alignment = load_alignment([str(folder)], semantic=False)
    assert alignment.outlet("wire").meta.published == "2026-10-14"


@given(
    label=st.sampled_from(["", "Published ", "Posted on ", "Tuesday, "]),
    tail=st.sampled_from(["", " · Updated 2 hours ago", " | Updated 14 October 2026, 18:00 UTC", " · 4 min read"]),
)
@settings(max_examples=30, deadline=None)
def test_a_date_line_above_the_body_dates_the_page_whatever_cleaning_called_it(tmp_path_factory, label, tail):
    """A date line above the article that cleaning set aside for its shape (a headline-like line
    without a sentence end: "October 14, 2026 4:12 PM UTC · Updated 2 hours ago") dates the page,
    and a teaser below the article with another date never does."""
    folder = tmp_path_factory.mktemp("story")
    body = ("A crane collapsed at the Marlow Bay terminal on Tuesday, injuring two workers.\n"
            "The port authority said the terminal would stay closed until Friday.\n")
    (folder / "wire.txt").write_text(
        f"Marlow Bay Gazette - Harbour news since 1921\nCrane falls at Marlow Bay terminal\n"
        f"{label}October 14, 2026 4:12 PM UTC{tail}\n{body}Read next: Storm closes ferry route, October 2, 2026\n",
        encoding="utf-8")
    (folder / "paper.txt").write_text(f"Crane falls at Marlow Bay terminal\n{body}", encoding="utf-8")
    wire = load_alignment([str(folder)], semantic=False).outlet("wire")
    assert wire.meta.published == "2026-10-14T16:12:00+00:00"  # a time and its zone: the instant
    published = outlet_published(wire)
    assert published is not None and published.exact
    assert published.earliest == dt.datetime(2026, 10, 14, 16, 12, tzinfo=dt.UTC)


def test_a_dated_teaser_never_dates_the_page(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    body = "A crane collapsed at the Marlow Bay terminal on Tuesday, injuring two workers.\n"
    (folder / "wire.txt").write_text(
        f"Crane falls at Marlow Bay terminal\nMore from the harbour desk: storm closes the ferry route, October 2, 2026\n"
        f"{body}Read next: Storm closes ferry route, October 2, 2026\n", encoding="utf-8")
    (folder / "paper.txt").write_text(f"Crane falls at Marlow Bay terminal\n{body}", encoding="utf-8")
    assert load_alignment([str(folder)], semantic=False).outlet("wire").meta.published is None


def test_an_impossible_date_is_skipped_for_the_next_real_one():
    assert parse_date_line("Sunday 31 February 2026") is None
    assert parse_date_line("31/02/2026 or 03/14/2026").text.startswith("03/14/2026")  # month/day only when day/month cannot be


def test_a_date_in_the_byline_is_the_outlets_date():
    """Sarvenia Business Daily prints its date only in its byline ("By Rasmus Ferl | 19.11.2026,
    18:10"): the pane header's date and provenance's time come from it, the time without a zone."""
    outlet = load_alignment([str(SAMPLE / "brenholt-port")], semantic=False).outlet("business-daily")
    assert outlet.meta.published == "2026-11-19T18:10"  # as printed, without an offset
    published = outlet_published(outlet)
    assert published is not None and published.precision == "time, zone unknown"
    assert published.earliest < dt.datetime(2026, 11, 19, 18, 10, tzinfo=dt.UTC) < published.latest


def test_a_byline_date_beside_another_outlets_utc_time_leaves_the_order_unknown(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    body = "The ferry will run all night from July, the harbour said on Tuesday.\n"
    (folder / "wire.txt").write_text(f"Ferry to run all night\n\nBy Ada Roe\n\n{body}", encoding="utf-8")
    (folder / "paper.txt").write_text(f"Ferry to run all night\n\nBy Ana Veldt | 3 March 2026, 17:05\n\n{body}", encoding="utf-8")
    (folder / "story.toml").write_text(
        '[[outlet]]\nfile = "wire.txt"\npublished = "2026-03-03T16:00:00Z"\n[[outlet]]\nfile = "paper.txt"\n', encoding="utf-8"
    )
    alignment = load_alignment([str(folder)], semantic=False)
    wire, paper = (outlet_published(alignment.outlet(i)) for i in ("wire", "paper"))
    assert paper is not None and paper.text == "3 March 2026, 17:05"
    assert not wire.before(paper) and not paper.before(wire)  # 17:05 somewhere: order unknown


def test_a_wire_that_prints_its_minute_and_zone_opens_the_reader_before_a_later_copy(tmp_path):
    """(A fifth user's story: the wire's page printed "14 August 2026, 16:40 CEST" and a copy's
    markup 17:25 +02:00; kept as the day only, the wire sorted after the copy and its pane came
    last.) The instant a date line names with its zone dates the outlet; the earliest is first."""
    from retold.model.arrange import arrange

    body = ("A crane collapsed at the Marlow Bay terminal on Tuesday, injuring two workers.\n"
            "The port authority said the terminal would stay closed until Friday.\n")
    (tmp_path / "wire.txt").write_text(f"Crane falls at Marlow Bay terminal\nBy Ana Veldt\n14 October 2026, 16:40 CEST\n{body}",
                                       encoding="utf-8")
    (tmp_path / "copy.html").write_text(
        '<html><head><meta property="article:published_time" content="2026-10-14T17:25:00+02:00"></head><body>'
        "<h1>Crane falls at Marlow Bay terminal</h1>" + "".join(f"<p>{line}</p>" for line in body.splitlines()) + "</body></html>",
        encoding="utf-8")
    alignment = load_alignment([str(tmp_path)], semantic=False)
    assert alignment.outlet("wire").meta.published == "2026-10-14T14:40:00+00:00"
    assert arrange(alignment).order[0] == "wire"
    # Without a zone the time is local somewhere: the time as printed, with no offset (a window
    # of zones, never a guessed instant).
    (tmp_path / "wire.txt").write_text(f"Crane falls at Marlow Bay terminal\nBy Ana Veldt\n14 October 2026, 16:40\n{body}",
                                       encoding="utf-8")
    alignment = load_alignment([str(tmp_path)], semantic=False)
    assert alignment.outlet("wire").meta.published == "2026-10-14T16:40"


def test_a_story_without_a_title_is_told_under_the_earliest_outlets_headline(tmp_path):
    """(A sixth user's story: its text report opened with a late feature's headline, the first
    outlet by name.) Without story.toml's title, the reports use the reference outlet's."""
    from retold.model.arrange import story_heading
    from retold.model.export import to_text

    body = ("A crane collapsed at the Marlow Bay terminal on Tuesday, injuring two workers.\n"
            "The port authority said the terminal would stay closed until Friday.\n")
    (tmp_path / "a_feature.txt").write_text(f"How one crane brought a harbour to a halt\n15 October 2026, 09:00 UTC\n{body}", encoding="utf-8")
    (tmp_path / "z_wire.txt").write_text(f"Crane falls at Marlow Bay terminal\n14 October 2026, 16:40 UTC\n{body}", encoding="utf-8")
    alignment = load_alignment([str(tmp_path)], semantic=False)
    assert story_heading(alignment) == "Crane falls at Marlow Bay terminal"
    assert to_text(alignment).splitlines()[0] == "Crane falls at Marlow Bay terminal"
    (tmp_path / "story.toml").write_text('[story]\ntitle = "The Marlow Bay crane"\n', encoding="utf-8")
    assert story_heading(load_alignment([str(tmp_path)], semantic=False)) == "The Marlow Bay crane"
