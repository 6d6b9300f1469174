"""Publication times as UTC intervals: what a date says, never more.

A time with its zone ("2026-03-03T16:05:00+01:00", "3 March 2026 09:14 GMT") is an instant; a time
without a zone could be anywhere from UTC−12 to UTC+14, and a date without a time is the whole day
(in an unknown zone, so wider still) — never a fake midnight. Two outlets are in a known order only
when one interval ends before the other begins.

Pure: no Textual or Rich import.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from retold.model.lazy_pattern import LazyPattern
from retold.model.story import Outlet

UTC = dt.timezone.utc
# A clock time without its zone is local time somewhere between UTC−12 and UTC+14.
_EARLIEST_OFFSET = dt.timedelta(hours=14)
_LATEST_OFFSET = dt.timedelta(hours=12)

_ZONES = {  # the abbreviations pages print; an unknown one leaves the zone unknown
    "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 60, "ist": 60, "west": 60, "cet": 60, "cest": 120,
    "mez": 60, "mesz": 120, "eet": 120, "eest": 180, "msk": 180, "est": -300, "edt": -240,
    "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
}
_MONTHS = {
    name: n
    for n, names in enumerate(
        [
            ("january", "jan", "januar", "janvier", "enero", "gennaio", "janeiro", "januari", "stycznia", "styczeń"),
            ("february", "feb", "februar", "février", "fevrier", "febrero", "febbraio", "fevereiro", "februari", "lutego", "luty"),
            ("march", "mar", "märz", "marz", "mars", "marzo", "março", "maart", "marca", "marzec"),
            ("april", "apr", "avril", "abril", "aprile", "kwietnia", "kwiecień"),
            ("may", "mai", "mayo", "maggio", "maio", "mei", "maja", "maj"),
            ("june", "jun", "juni", "juin", "junio", "giugno", "junho", "czerwca", "czerwiec"),
            ("july", "jul", "juli", "juillet", "julio", "luglio", "julho", "lipca", "lipiec"),
            ("august", "aug", "août", "aout", "agosto", "augustus", "sierpnia", "sierpień"),
            ("september", "sep", "sept", "septembre", "septiembre", "settembre", "setembro", "września", "wrzesień"),
            ("october", "oct", "oktober", "octobre", "octubre", "ottobre", "outubro", "października", "październik"),
            ("november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad"),
            ("december", "dec", "dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro", "grudnia", "grudzień"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche"
).split()
_MONTH = r"([A-Za-zÀ-ÿąćęłńóśźżĄĆĘŁŃÓŚŹŻ]{3,12})\.?"
_ORDINAL = r"(?:st|nd|rd|th|er|e)?"
# Where a date sits in a line: "3 March 2026", "3rd of March 2026", "3. März 2026", "March 3, 2026",
# "Mar. 3rd 2026", "2026-03-03", "03.03.2026", "14/10/2026". Every form is tried; the first in the
# line wins.
# Word edges where "_" counts as punctuation, not as a letter: Markdown emphasis ("_14 October
# 2026_") wraps a date line in underscores, and `\b` sees no edge between "_" and a digit.
_START = r"(?<![^\W_])"
_END = r"(?![^\W_])"
_DATE_FORMS = (
    (LazyPattern(rf"(?i){_START}(\d{{1,2}}){_ORDINAL}\.?\s+(?:of\s+|de\s+)?{_MONTH},?\s+(?:de\s+)?(\d{{4}}){_END}"), "dmy"),
    (LazyPattern(rf"(?i){_START}{_MONTH}\s+(\d{{1,2}}){_ORDINAL},?\s+(\d{{4}}){_END}"), "mdy"),
    (LazyPattern(rf"{_START}(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}})(?![\d.])"), "ymd"),
    (LazyPattern(rf"(?<![\d.])(\d{{1,2}})([./-])(\d{{1,2}})\2(\d{{4}}){_END}"), "numeric"),
)
# "13:05 Uhr": the German clock's word is part of the time, not a zone (read as one, it hid "MEZ" after it).
_CLOCK_CORE = r"(\d{1,2})(?:[:.h](\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(am|pm|a\.m\.|p\.m\.)?(?:\s*uhr(?![^\W_]))?"
# An abbreviation is capitals as printed ("CET", "MEZ"): read case-blind, any short word after a
# clock was one ("13:05 Uhr von Anna Berg" gave "von").
_ZONE_CORE = r"(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|UTC|GMT|Z|(?-i:[A-Z]{3,5})"
_ZONE = rf"(?:\s*\(?\s*({_ZONE_CORE})(?![^\W_]|[+-])\)?)?"
# A clock after the date: "…2026, 18:10", "…2026 at 4:05 pm CET", "2026-03-03T16:05:00+01:00",
# "… 2026 | 17:05", "14/10/2026 21h40".
_CLOCK_AFTER = LazyPattern(rf"(?i)(?:T|\s*[,|·•–—-]?\s*(?:at\s+|um\s+|à\s+|a las\s+)?){_CLOCK_CORE}{_ZONE}")
# A clock before the date: "17:05 CET, Tuesday 3 March 2026", "09:14 GMT 3 March 2026".
_CLOCK_BEFORE = LazyPattern(
    rf"(?i)(?<![\d:.]){_CLOCK_CORE}{_ZONE}\s*[,|·•–—-]?\s*(?:on\s+|le\s+|am\s+)?(?:(?:{'|'.join(_WEEKDAYS)})\.?,?\s+)?$"
)


@dataclass(frozen=True)
class DateReading:
    """What a line says of a date: the day as printed, the clock time if it gives one (local to
    the zone it names), that zone's offset in minutes east of UTC, or None when it names none."""

    day: dt.date
    clock: dt.time | None
    offset: int | None
    text: str  # the words read


def read_date(line: str) -> DateReading | None:
    """The first real date in a line (a page's date line, a byline "By Ana Veldt | 3 March 2026,
    17:05", a dateline), with the clock time beside it (after or before it) and its zone if the
    line names one. A time without a zone stays without one; a date that is no day is skipped
    ("31 February"); a slashed date is day/month/year unless only month/day/year can be a day."""
    found = []
    for pattern, order in _DATE_FORMS:
        for match in pattern.finditer(line):
            day = _day_of(match.groups(), order)
            if day is not None:
                found.append((match.start(), match.end(), day))
                break
    if not found:
        return None
    start, end, day = min(found, key=lambda item: item[0])
    after = _CLOCK_AFTER.match(line, end)
    if after and _clock(after) is not None:
        clock, zone, text = _clock(after), after.group(5), line[start:after.end()]
    else:
        before = _CLOCK_BEFORE.search(line[:start])
        if before and _clock(before) is not None:
            clock, zone, text = _clock(before), before.group(5), line[before.start():end]
        else:
            clock, zone, text = None, None, line[start:end]
    offset = _zone_minutes(zone) if clock is not None else None
    return DateReading(day, clock, offset, text.strip())


def _day_of(groups: tuple, order: str) -> dt.date | None:
    if order == "numeric":
        first, _, second, year = groups
        readings = [(first, second)] if groups[1] == "." else [(first, second), (second, first)]
        for day, month in readings:  # dotted dates are day.month.year; slashed ones usually
            try:
                return dt.date(int(year), int(month), int(day))
            except ValueError:
                continue
        return None
    parts = dict(zip(order, groups))
    month = parts["m"]
    number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
    try:
        return dt.date(int(parts["y"]), int(number or 0), int(parts["d"]))
    except (TypeError, ValueError):
        return None


def _clock(match: re.Match) -> dt.time | None:
    hour, minute, second, half = match.group(1, 2, 3, 4)
    if minute is None and not half:
        return None  # a bare number is no time
    hour_n, minute_n = int(hour), int(minute or 0)
    if half:
        if not 1 <= hour_n <= 12:
            return None
        hour_n = hour_n % 12 + (12 if half.lower().startswith("p") else 0)
    if hour_n > 23 or minute_n > 59 or (second is not None and int(second) > 59):
        return None
    return dt.time(hour_n, minute_n, int(second or 0))


@dataclass(frozen=True)
class Published:
    """When an outlet published, as an interval in UTC (earliest == latest for an exact time)."""

    earliest: dt.datetime
    latest: dt.datetime
    text: str  # what it was read from
    precision: str  # "instant" | "time, zone unknown" | "day"

    @property
    def exact(self) -> bool:
        return self.precision == "instant"

    def before(self, other: "Published") -> bool:
        """Surely before `other`: this interval ends before the other begins."""
        return self.latest < other.earliest

    def describe(self) -> str:
        if self.exact:
            return self.earliest.strftime("%-d %b %Y %H:%M UTC")
        if self.precision == "day":
            return f"{self.text} (day only)"
        return f"{self.text} (zone unknown)"


def parse_published(text: str | None) -> Published | None:
    """An ISO date or date-time (story.toml, page metadata), or a page's date line."""
    if not text or not text.strip():
        return None
    raw = text.strip()
    iso = _parse_iso(raw)
    if iso is not None:
        return iso
    return parse_date_line(raw)


def _parse_iso(raw: str) -> Published | None:
    candidate = raw[:-1] + "+00:00" if raw.endswith(("Z", "z")) else raw
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", candidate):
        try:
            day = dt.date.fromisoformat(candidate)
        except ValueError:
            return None
        return _day(day, raw)
    if not re.match(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}", candidate):
        return None
    try:
        moment = dt.datetime.fromisoformat(candidate)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return _zoneless(moment, raw)
    moment = moment.astimezone(UTC)
    return Published(moment, moment, raw, "instant")


def _day(day: dt.date, raw: str) -> Published:
    start = dt.datetime(day.year, day.month, day.day, tzinfo=UTC)
    return Published(start - _EARLIEST_OFFSET, start + dt.timedelta(days=1) + _LATEST_OFFSET, raw, "day")


def _zoneless(moment: dt.datetime, raw: str) -> Published:
    moment = moment.replace(tzinfo=UTC)
    return Published(moment - _EARLIEST_OFFSET, moment + _LATEST_OFFSET, raw, "time, zone unknown")


def parse_date_line(line: str) -> Published | None:
    """A date line as pages print it: "3 March 2026 09:14 GMT", "Tuesday, March 3, 2026, 4:05 pm
    CET", "03.03.2026, 16:05", or a byline that carries the date. Its time counts only with a
    zone the line names; without one it is local time somewhere (an interval), never UTC."""
    reading = read_date(line)
    if reading is None:
        return None
    if reading.clock is None:
        return _day(reading.day, reading.text)
    local = dt.datetime.combine(reading.day, reading.clock)
    if reading.offset is None:
        return _zoneless(local, reading.text)
    moment = (local - dt.timedelta(minutes=reading.offset)).replace(tzinfo=UTC)
    return Published(moment, moment, reading.text, "instant")


def date_lines(removed, updates: bool = False, body_start: int | None = None) -> list[str]:
    """The lines cleaning set aside that may print the page's own date, the date lines first:
    a page's date line, then its bylines ("By Rasmus Ferl | 19.11.2026, 18:10"), then (given
    where the article's body starts) any short line above the body that opens with a date
    ("November 17, 2026 4:12 PM UTC · Updated 2 hours ago", set aside for its shape), minus lines
    that date an update rather than the publication (unless `updates`)."""
    found = [r for r in removed if r.reason == "page date"] + [r for r in removed if r.reason == "byline"]
    if body_start is not None:
        found += [r for r in removed
                  if r.start < body_start and r.reason not in ("page date", "byline") and _opens_with_date(r.text)]
        # Above the article first: a date line under it is a comment's or a teaser's ("December 4,
        # 2026 at 9:12 am" under "Marta K. says:" had dated a blog post by its first comment).
        found.sort(key=lambda r: r.start >= body_start)
    return [r.text for r in found if updates or not _dates_an_update(r.text)]


_HEAD_LINE_WORDS = 16  # a header's date line is short; a longer line is a teaser or a sentence
_WORDS_BEFORE_DATE = 2  # "Published", "Posted on", a weekday: a label, not a headline


def _opens_with_date(line: str) -> bool:
    """A short line that opens with a date, or one of whose parts between separators does:
    "Source: NSB News · Dec 7, 2026 · 20:31" (an aggregator's credit, then its date)."""
    if len(line.split()) > _HEAD_LINE_WORDS:
        return False
    for part in re.split(r"\s[|·•]\s", line):
        reading = read_date(part)
        if reading is not None and len(part[:part.find(reading.text)].split()) <= _WORDS_BEFORE_DATE:
            return True
    return False


def outlet_updated(outlet: Outlet) -> Published | None:
    """When the page says the article was last updated ("Updated 7 December 2026, 19:45"), from
    a date line above its body; None when it says nothing of it."""
    body_start = outlet.sentences[0].start if outlet.sentences else None
    for removed in outlet.removed:
        if body_start is not None and removed.start >= body_start:
            continue  # below the article's first sentence: another article's, a list's
        if len(removed.text.split()) > _UPDATE_LINE_WORDS:
            continue
        # The words after the update word ("… Published 7 December 2026, 15:10 Updated 7
        # December 2026, 19:45": one line of a saved page's header).
        for match in _UPDATED.finditer(removed.text):
            line = parse_date_line(removed.text[match.end():].lstrip(" :·|-–—"))
            if line is not None:
                return line
    return None


_UPDATE_LINE_WORDS = 30


def _dates_an_update(line: str) -> bool:
    """The line's date is an update's: an update word stands before it ("Updated 3 March 2026"),
    not only after ("3 March 2026, 09:40 · Updated 2 hours ago" dates the publication)."""
    reading = read_date(line)
    before = line[:line.find(reading.text)] if reading is not None else line
    return bool(_UPDATED.search(before))


_UPDATED = LazyPattern(r"(?i)\bupdated|\bmodified|\bgeändert|\bmis à jour|\bactualizado|\baggiornato")


def _zone_minutes(zone: str | None) -> int | None:
    if not zone:
        return None
    zone = zone.strip()
    named = _ZONES.get(zone.lower())
    if named is not None:
        return named
    match = re.fullmatch(r"(?:UTC|GMT)?\s*([+-])\s*(\d{1,2}):?(\d{2})?", zone, re.IGNORECASE)
    if not match:
        return None
    minutes = int(match.group(2)) * 60 + int(match.group(3) or 0)
    if minutes > 14 * 60:
        return None
    return minutes if match.group(1) == "+" else -minutes


_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def readable_date(published: str | None, utc_mark: str = " UTC", year: bool = True) -> str:
    """An outlet's `published` (ISO, as story.toml and page markup give it) as people read dates,
    one way everywhere it is shown: '3 Mar 2026 15:05 UTC' for a time with its zone (in UTC, so
    that times compare), '3 Mar 2026 16:05' for a time without one (as given: its zone is
    unknown), '3 Mar 2026' for a bare date; `year=False` leaves the year out of a time ('3 Mar
    15:05 UTC', a pane header's narrow form). Text that is no ISO date is returned as it is
    ("" for none)."""
    text = (published or "").strip()
    if not text:
        return ""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    day = f"{moment.day} {_MONTH_ABBREVIATIONS[moment.month - 1]}"
    if len(text) <= 10:
        return f"{day} {moment.year}"
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
        day = f"{moment.day} {_MONTH_ABBREVIATIONS[moment.month - 1]}"
    when = f"{day} {moment.year}" if year else day
    return f"{when} {moment:%H:%M}" + (utc_mark if moment.tzinfo is not None else "")


def outlet_published(outlet: Outlet) -> Published | None:
    """The outlet's publication time: its metadata (story.toml, the page's markup), sharpened by a
    date line of the page that gives a time and zone on the same day; else that date line."""
    from_meta = parse_published(outlet.meta.published)
    if from_meta is not None and from_meta.exact:
        return from_meta
    for text in date_lines(outlet.removed, body_start=outlet.sentences[0].start if outlet.sentences else None):
        line = parse_date_line(text)
        if line is None:
            continue
        if from_meta is None or (from_meta.earliest <= line.earliest and line.latest <= from_meta.latest):
            # (as narrow, the line: it keeps the words the page printed, "3 March 2026, 17:05")
            if from_meta is None or line.latest - line.earliest <= from_meta.latest - from_meta.earliest:
                return line
    return from_meta
