"""Dates as written in inputs -> `datetime.date`.

Only unambiguous forms are read; anything else gives None (the caller then falls back to the user's date or leaves
the date unknown). Nothing here ever returns today's date. A datetime keeps the calendar date *as written*: the
time and the zone are ignored (an article stamped "2022-03-01T23:30:00-05:00" was published on 1 March where it
was written), so no zone conversion moves it to another day. One exception, `published_date`: a crawler's UTC
stamp for an outlet west of Greenwich ("20230322T024500Z", a US outlet) is a time on the outlet's previous
evening, and "yesterday" or "on Monday" in the article count from the outlet's own day.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

# 2022-03-01, 2022-3-1, 2022/03/01, 2022.03.01, optionally followed by a time ("T12:00:00Z", " 10:00").
_YMD = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:$|[T\s_].*$)", re.S)
# 20220301, 20220301T120000Z, 20220301120000 (GDELT).
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T?\d{4,6}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?")
# 1 March 2022, 01 Mar 2022 10:00:00 GMT (RFC 2822 after the weekday), 1st March, 2022.
_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b.*", re.S)
# March 1, 2022 / Mar. 1st 2022.
_MDY = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b.*", re.S)
_WEEKDAY = re.compile(r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.I)

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


def _make(year: str | int, month: str | int, day: str | int) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_date(value: object) -> date | None:
    """Read a publication date from a field value; None when empty or not an unambiguous date.

    Accepted: `date`/`datetime` objects; ISO dates and datetimes ("2022-03-01", "2022-03-01T12:00:00Z",
    "2022-03-01 10:00"); compact GDELT stamps ("20220301T120000Z", "20220301120000", "20220301"); and written dates
    with an English month name ("1 March 2022", "March 1, 2022", "Tue, 01 Mar 2022 10:00:00 GMT"). Day/month
    order with digits only ("01/03/2022") is ambiguous and is refused rather than guessed.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    if not s:
        return None
    if m := _YMD.fullmatch(s):
        return _make(m[1], m[3], m[4])
    if m := _COMPACT.fullmatch(s):
        return _make(m[1], m[2], m[3])
    s = _WEEKDAY.sub("", s, count=1) if _WEEKDAY.match(s) else s
    if m := _DMY.fullmatch(s):
        month = _MONTHS.get(m[2].lower())
        return _make(m[3], month, m[1]) if month else None
    if m := _MDY.fullmatch(s):
        month = _MONTHS.get(m[1].lower())
        return _make(m[3], month, m[2]) if month else None
    return None


# Outlets west of Greenwich, by ISO country code: the zone of the capital or main newsroom. East of it a UTC stamp
# may fall after local midnight on an article published before it, so those dates are kept as stamped.
WEST_OF_UTC = {
    **dict.fromkeys(("US", "USA"), "America/New_York"), **dict.fromkeys(("CA", "CAN"), "America/Toronto"),
    **dict.fromkeys(("MX", "MEX"), "America/Mexico_City"), **dict.fromkeys(("BR", "BRA"), "America/Sao_Paulo"),
    **dict.fromkeys(("AR", "ARG"), "America/Argentina/Buenos_Aires"),
    **dict.fromkeys(("CL", "CHL"), "America/Santiago"),
    **dict.fromkeys(("CO", "COL"), "America/Bogota"), **dict.fromkeys(("PE", "PER"), "America/Lima"),
    **dict.fromkeys(("VE", "VEN"), "America/Caracas"),
}
# 2023-03-22T02:45:00Z, 2023-03-22 02:45+00:00, 20230322T024500Z (GDELT's seendate)
_UTC_STAMP = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})[T ](\d{2}):?(\d{2})(?::?(\d{2}))?(?:\.\d+)?(?:Z|[+-]00:?00)")


def published_date(value: object, country: str | None) -> date | None:
    """`parse_date`, except that a UTC stamp for an outlet west of Greenwich gives the outlet's own calendar day."""
    day = parse_date(value)
    zone = WEST_OF_UTC.get(country.upper()) if country else None
    if day is None or zone is None or not isinstance(value, str) or not (m := _UTC_STAMP.fullmatch(value.strip())):
        return day
    try:
        seen = datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0), tzinfo=timezone.utc)
    except ValueError:
        return day
    return seen.astimezone(ZoneInfo(zone)).date()
