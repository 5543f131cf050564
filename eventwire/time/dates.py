"""Calendar arithmetic on TimeML values: formatting, parsing, picking the nearest weekday, shifting by a duration.

Pure functions over `datetime.date` and value strings, no text: the rules in `extract.py` decide *which* date a
phrase means, this module only computes it. Values follow TimeML: "2022-07-04" (day), "2022-W27" (ISO week),
"2022-07" (month), "2022-Q3" (quarter), "2022-SU" (season), "2022-H1" (half year), "2022" (year), "202X"
(decade), "20" (century); durations "P3M", "PT48H", "P2W", "P1Q" (a quarter), "PXY" (vague).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .lexicon import SEASON_START_MONTH

PRECISION_RANK = {"unknown": 0, "decade": 1, "year": 2, "quarter": 3, "season": 4, "month": 5, "week": 6, "day": 7}


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (31 February) or is outside the calendar range."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(d: date, months: int) -> date:
    """`d` moved by whole months, the day clamped to the length of the target month (31 March - 1 month = 28 Feb)."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    for day in (d.day, 30, 29, 28):
        out = safe_date(year, month, min(d.day, day))
        if out is not None:
            return out
    raise ValueError(d)  # unreachable: every month has 28 days


def add_years(d: date, years: float) -> date:
    return add_months(d, round(years * 12))


def fmt_day(d: date) -> str:
    return d.isoformat()


def fmt_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def fmt_month(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def fmt_quarter(d: date) -> str:
    return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"


def quarter_start(year: int, q: int) -> date:
    return date(year, 3 * (q - 1) + 1, 1)


def season_of(d: date) -> tuple[int, str]:
    """The season `d` falls in, as (year the season starts in, code): 15 January 2022 -> (2021, "WI")."""
    if d.month == 12:
        return d.year, "WI"
    if d.month <= 2:
        return d.year - 1, "WI"
    for code in ("FA", "SU", "SP"):
        if d.month >= SEASON_START_MONTH[code]:
            return d.year, code
    raise AssertionError(d)


def season_start(year: int, code: str) -> date:
    return date(year, SEASON_START_MONTH[code], 1)


def weekday_on_or_before(anchor: date, iso_weekday: int) -> date:
    """The latest day with that weekday not after the anchor (the anchor itself when it matches)."""
    return anchor - timedelta(days=(anchor.isoweekday() - iso_weekday) % 7)


def weekday_before(anchor: date, iso_weekday: int) -> date:
    """The latest day with that weekday strictly before the anchor."""
    return anchor - timedelta(days=(anchor.isoweekday() - iso_weekday - 1) % 7 + 1)


def weekday_on_or_after(anchor: date, iso_weekday: int) -> date:
    return anchor + timedelta(days=(iso_weekday - anchor.isoweekday()) % 7)


def weekday_after(anchor: date, iso_weekday: int) -> date:
    return anchor + timedelta(days=(iso_weekday - anchor.isoweekday() - 1) % 7 + 1)


def weekday_this_week(anchor: date, iso_weekday: int) -> date:
    """That weekday in the anchor's ISO week (Monday to Sunday)."""
    return anchor + timedelta(days=iso_weekday - anchor.isoweekday())


def duration_value(amount: float | None, letter: str, is_time: bool) -> str:
    """TimeML duration: (3, "M", False) -> "P3M"; (48, "H", True) -> "PT48H"; (None, "Y", False) -> "PXY".

    Fractions go down a unit when they can (1.5 years -> "P18M", half an hour -> "PT30M")."""
    if amount is not None and amount != int(amount):
        smaller = {("Y", False): (12, "M", False), ("Q", False): (3, "M", False), ("W", False): (7, "D", False),
                   ("D", False): (24, "H", True), ("H", True): (60, "M", True), ("M", True): (60, "S", True)}
        factor, letter2, time2 = smaller.get((letter, is_time), (None, None, None))
        if factor and float(amount * factor).is_integer():
            amount, letter, is_time = amount * factor, letter2, time2
    if amount is None:
        number = "X"
    elif float(amount).is_integer():
        number = str(int(amount))
    else:
        number = f"{amount:g}"
    return f"P{'T' if is_time else ''}{number}{letter}"


_DURATION = re.compile(r"^P(T?)(X|\d+(?:\.\d+)?)([YQMWDHS])$")


def parse_duration(value: str) -> tuple[float | None, str, bool] | None:
    """Inverse of `duration_value`: "P3M" -> (3.0, "M", False); "PXD" -> (None, "D", False); bad -> None."""
    m = _DURATION.match(value or "")
    if not m:
        return None
    is_time = m.group(1) == "T"
    if is_time and m.group(3) not in "HMS":
        return None
    amount = None if m.group(2) == "X" else float(m.group(2))
    return amount, m.group(3), is_time


def _duration_delta(amount: float, letter: str, is_time: bool) -> tuple[int, float, str]:
    """Split a duration into (months, days, precision it leaves)."""
    if is_time:
        seconds = amount * {"H": 3600, "M": 60, "S": 1}[letter]
        return 0, seconds / 86400, "day"
    if letter == "D":
        return 0, amount, "day"
    if letter == "W":
        return 0, amount * 7, "week"
    if letter == "M":
        return round(amount), 0, "month"
    if letter == "Q":
        return round(3 * amount), 0, "quarter"
    return round(amount * 12), 0, "year"  # decades and centuries ("P10Y", "P100Y") leave year precision too


_VALUE_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})"), "day"),
    (re.compile(r"^(\d{4})-W(\d{1,2})$"), "week"),
    (re.compile(r"^(\d{4})-(\d{2})$"), "month"),
    (re.compile(r"^(\d{4})-Q([1-4])$"), "quarter"),
    (re.compile(r"^(\d{4})-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^(\d{4})-H([12])$"), "half"),
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{3})X$"), "decade"),
)


def parse_value(value: str) -> tuple[date, str] | None:
    """First day of the period a DATE value names, and the kind of period; None for REF values, X's, durations."""
    for pattern, kind in _VALUE_PATTERNS:
        m = pattern.match(value or "")
        if not m:
            continue
        year = int(m.group(1))
        try:
            if kind == "day":
                return date(year, int(m.group(2)), int(m.group(3))), kind
            if kind == "week":
                return date.fromisocalendar(year, int(m.group(2)), 1), kind
            if kind == "month":
                return date(year, int(m.group(2)), 1), kind
            if kind == "quarter":
                return quarter_start(year, int(m.group(2))), kind
            if kind == "season":
                return season_start(year, m.group(2)), kind
            if kind == "half":
                return date(year, 1 if m.group(2) == "1" else 7, 1), kind
            if kind == "year":
                return date(year, 1, 1), kind
            return date(year * 10, 1, 1), kind
        except ValueError:
            return None
    return None


def format_value(d: date, precision: str) -> str | None:
    """`d` written at a precision: day and week keep the day, month "YYYY-MM", quarter "YYYY-Qn", year "YYYY"."""
    if precision in ("day", "week"):
        return fmt_day(d)
    if precision == "month":
        return fmt_month(d)
    if precision == "quarter":
        return fmt_quarter(d)
    if precision == "season":
        y, code = season_of(d)
        return f"{y}-{code}"
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "decade":
        return f"{d.year // 10:03d}X"
    return None


def coarser(a: str, b: str) -> str:
    return a if PRECISION_RANK.get(a, 0) <= PRECISION_RANK.get(b, 0) else b


def shift(value: str | None, precision: str, duration: str, relation: str) -> tuple[str | None, str]:
    """Date of the event an anchored offset names, from the date of the clause that names the offset.

    The relation describes the clause "A came <duration> <relation> X", and `value`/`precision` are A's date:
    "after" means X = date(A) - duration, "before" means X = date(A) + duration. The result is as precise as the
    coarser of A's precision and the duration's unit (hours and days: day, weeks: week, months: month, years,
    decades: year); day and week results are written as a day ("2022-06-26"), coarser ones as their period
    ("2022-04", "2021"). Vague durations ("PXD"), unresolved or unparseable values give (None, "unknown").

    >>> shift("2022-07-04", "day", "P1D", "after")
    ('2022-07-03', 'day')
    >>> shift("2022-07-03", "day", "P1W", "after")
    ('2022-06-26', 'week')
    >>> shift("2022-07-04", "day", "P3M", "after")
    ('2022-04', 'month')
    """
    if value is None or relation not in ("after", "before"):
        return None, "unknown"
    parsed = parse_value(value)
    dur = parse_duration(duration)
    if parsed is None or dur is None or dur[0] is None:
        return None, "unknown"
    start, kind = parsed
    amount, letter, is_time = dur
    months, days, unit_precision = _duration_delta(amount, letter, is_time)
    sign = -1 if relation == "after" else 1
    moved = add_months(start, sign * months) + timedelta(days=sign * round(days))
    out_precision = coarser(precision if precision in PRECISION_RANK else "unknown", unit_precision)
    if out_precision == "unknown":
        return None, "unknown"
    if kind == "week" and out_precision == "week":
        return fmt_week(moved), "week"
    if kind == "quarter" and out_precision in ("quarter", "month") and months % 3 == 0 and not days:
        return fmt_quarter(moved), "quarter"
    return format_value(moved, out_precision), out_precision
