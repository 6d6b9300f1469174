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
            ("january", "jan", "januar", "janvier", "enero", "gennaio", "janeiro", "januari"),
            ("february", "feb", "februar", "février", "fevrier", "febrero", "febbraio", "fevereiro", "februari"),
            ("march", "mar", "märz", "marz", "mars", "marzo", "março", "maart"),
            ("april", "apr", "avril", "abril", "aprile"),
            ("may", "mai", "mayo", "maggio", "maio", "mei"),
            ("june", "jun", "juni", "juin", "junio", "giugno", "junho"),
            ("july", "jul", "juli", "juillet", "julio", "luglio", "julho"),
            ("august", "aug", "août", "aout", "agosto", "augustus"),
            ("september", "sep", "sept", "septembre", "septiembre", "settembre", "setembro"),
            ("october", "oct", "oktober", "octobre", "octubre", "ottobre", "outubro"),
            ("november", "nov", "novembre", "noviembre", "novembro"),
            ("december", "dec", "dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"([A-Za-zÀ-ÿ]{3,10})\.?"
_CLOCK = r"(?:,?\s*(?:at\s+)?(\d{1,2})[:.h](\d{2})(?::\d{2})?\s*(am|pm|a\.m\.|p\.m\.)?)"
_ZONE = r"(?:\s*\(?\s*((?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|UTC|GMT|Z|[A-Z]{3,4})\b\)?)"
_DATE_FORMS = (
    (re.compile(rf"(?i)\b(\d{{1,2}})\.?\s+{_MONTH},?\s+(\d{{4}}){_CLOCK}?{_ZONE}?"), "dmy"),
    (re.compile(rf"(?i)\b{_MONTH}\s+(\d{{1,2}}),?\s+(\d{{4}}){_CLOCK}?{_ZONE}?"), "mdy"),
    (re.compile(rf"(?i)\b(\d{{1,2}})[./](\d{{1,2}})[./](\d{{4}}){_CLOCK}?{_ZONE}?"), "dmy"),
)


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
    CET", "03.03.2026, 16:05". Its time counts only with a zone the line names."""
    for pattern, order in _DATE_FORMS:
        match = pattern.search(line)
        if not match:
            continue
        groups = match.groups()
        parts = dict(zip(order, groups[:3]))
        month = parts["m"]
        month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
        try:
            day = dt.date(int(parts["y"]), int(month_number or 0), int(parts["d"]))
        except (TypeError, ValueError):
            continue
        hour, minute, half, zone = groups[3:7]
        if hour is None:
            return _day(day, match.group(0).strip())
        hour_n, minute_n = int(hour), int(minute)
        if half:
            hour_n = hour_n % 12 + (12 if half.lower().startswith("p") else 0)
        if hour_n > 23 or minute_n > 59:
            return _day(day, match.group(0).strip())
        local = dt.datetime(day.year, day.month, day.day, hour_n, minute_n)
        offset = _zone_minutes(zone)
        if offset is None:
            return _zoneless(local, match.group(0).strip())
        moment = (local - dt.timedelta(minutes=offset)).replace(tzinfo=UTC)
        return Published(moment, moment, match.group(0).strip(), "instant")
    return None


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


def outlet_published(outlet: Outlet) -> Published | None:
    """The outlet's publication time: its metadata (story.toml, the page's markup), sharpened by a
    date line of the page that gives a time and zone on the same day; else that date line."""
    from_meta = parse_published(outlet.meta.published)
    if from_meta is not None and from_meta.exact:
        return from_meta
    for removed in outlet.removed:
        if removed.reason != "page date" or re.search(r"(?i)\bupdated|\bmodified|\bgeändert|\bmis à jour", removed.text):
            continue
        line = parse_date_line(removed.text)
        if line is None:
            continue
        if from_meta is None or (from_meta.earliest <= line.earliest and line.latest <= from_meta.latest):
            if from_meta is None or line.latest - line.earliest < from_meta.latest - from_meta.earliest:
                return line
    return from_meta
