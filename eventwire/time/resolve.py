"""Which date an undated phrase means, given the article date and the clause's lean (past, future or neither).

The policy for news: a phrase with no year or week is the latest matching period not after the article date,
unless the phrase ("next June") or its clause ("will meet on Friday") points forward; "last X" is the one before
the current one, "this X" the one in the current year or week. Every function returns (value, precision) and
takes an anchor that is never None: callers leave relative phrases unresolved when the article date is unknown.
"""

from __future__ import annotations

from datetime import date, timedelta

from .dates import (
    add_months,
    fmt_day,
    fmt_month,
    fmt_quarter,
    fmt_week,
    safe_date,
    season_of,
    season_start,
    weekday_after,
    weekday_before,
    weekday_on_or_after,
    weekday_on_or_before,
    weekday_this_week,
)

# Modifiers grouped by what they do to the choice of occurrence.
PREVIOUS = frozenset({"last", "past", "previous", "the previous", "latest", "preceding"})
FOLLOWING = frozenset({"next", "coming", "following", "the following", "upcoming"})
CURRENT = frozenset({"this", "current", "present"})
# An undated day ("Jan. 2") is read as its latest occurrence not after the article date unless the clause points
# ahead, or the next occurrence is much nearer: less than this fraction of the distance back (a smaller fraction
# when the clause is in the past tense). AP style drops the year for dates of the current year, and a date a few
# days or weeks ahead is far likelier than one almost a year back ("payable Jan. 2" in November).
NEAR_FUTURE_RATIO = 0.5
NEAR_FUTURE_RATIO_PAST = 0.25
# From this day of the month on, an undated mention of the next month with no tense cue is the coming one.
NEXT_MONTH_FROM_DAY = 15


def month_value(anchor: date, month: int, mod: str | None, lean: str | None) -> tuple[str, str]:
    """A month named without a year: "June", "last June", "next June", "this June".

    Alone, the latest such month not after the article's, except that late in a month the month just after the
    article's is read as the coming one unless the clause is in the past tense ("talks in August" on 20 July).
    `lean` "near" (a deadline in a past-tense clause: "gave them until November") takes the nearer occurrence."""
    y = anchor.year
    if mod is None and lean is None and month == anchor.month % 12 + 1 and anchor.day >= NEXT_MONTH_FROM_DAY:
        lean = "future"
    if mod is None and lean == "near":
        # the nearer occurrence, months counted from the article's (ties go to the past)
        back, ahead = (anchor.month - month) % 12, (month - anchor.month - 1) % 12 + 1
        lean = "future" if ahead < back else None
    if mod in PREVIOUS:
        year = y if month < anchor.month else y - 1
    elif mod in FOLLOWING:
        year = y if month > anchor.month else y + 1
    elif mod in CURRENT:
        year = y
    elif lean == "future":
        year = y if month >= anchor.month else y + 1
    else:
        year = y if month <= anchor.month else y - 1
    return f"{year:04d}-{month:02d}", "month"


def _occurrences(anchor: date, month: int, day: int) -> tuple[date | None, date | None]:
    """Latest occurrence of the day not after the anchor, and earliest one after it (29 February: leap years)."""
    past = future = None
    for k in range(0, 9):
        cand = safe_date(anchor.year - k, month, day)
        if cand and cand <= anchor:
            past = cand
            break
    for k in range(0, 9):
        cand = safe_date(anchor.year + k, month, day)
        if cand and cand > anchor:
            future = cand
            break
    return past, future


def day_month_value(
    anchor: date, month: int, day: int, lean: str | None, mod: str | None = None
) -> tuple[str | None, str]:
    """A day and month without a year ("July 4"); None when no year has that day."""
    if safe_date(2000, month, day) is None:
        return None, "day"
    past, future = _occurrences(anchor, month, day)
    if mod in CURRENT:
        chosen = safe_date(anchor.year, month, day) or past
    elif mod in PREVIOUS:
        chosen = past if past != anchor else _occurrences(anchor - timedelta(days=1), month, day)[0]
    elif mod in FOLLOWING or lean == "future":
        chosen = future if (mod in FOLLOWING or past != anchor) else past
    elif past is None or future is None:
        chosen = past or future
    else:
        ratio = NEAR_FUTURE_RATIO_PAST if lean == "past" else NEAR_FUTURE_RATIO
        chosen = future if (future - anchor).days < ratio * (anchor - past).days else past
    return (fmt_day(chosen) if chosen else None), "day"


def weekday_value(anchor: date, weekday: int, mod: str | None, lean: str | None) -> date:
    """A weekday name: past-leaning ("Monday" on a Monday is that day), "next"/"last" skip the anchor's day."""
    if mod in PREVIOUS:
        return weekday_before(anchor, weekday)
    if mod in FOLLOWING:
        return weekday_after(anchor, weekday)
    if mod in CURRENT:
        return weekday_this_week(anchor, weekday)
    if lean == "future":
        return weekday_on_or_after(anchor, weekday)
    return weekday_on_or_before(anchor, weekday)


def season_value(anchor: date, code: str, mod: str | None, lean: str | None) -> tuple[str, str]:
    """A season without a year: "this summer", "last winter", "next spring", "in the autumn"."""
    cur_year, cur_code = season_of(anchor)
    # Occurrences of the season around the anchor, by start date.
    occurrences = [(y, season_start(y, code)) for y in range(anchor.year - 2, anchor.year + 2)]
    current_start = season_start(cur_year, cur_code)
    if mod in CURRENT:
        year = cur_year if code == cur_code else anchor.year
    elif mod in PREVIOUS:
        year = max(y for y, s in occurrences if s < current_start)
    elif mod in FOLLOWING:
        year = min(y for y, s in occurrences if s > anchor)
    elif lean == "future":
        year = cur_year if code == cur_code else min(y for y, s in occurrences if s > anchor)
    else:
        year = max(y for y, s in occurrences if s <= anchor)
    return f"{year:04d}-{code}", "season"


def quarter_value(anchor: date, q: int, lean: str | None) -> tuple[str, str]:
    """A quarter without a year: the anchor year's, or last year's when it has not begun and nothing points ahead."""
    current = (anchor.month - 1) // 3 + 1
    year = anchor.year if q <= current or lean == "future" else anchor.year - 1
    return f"{year:04d}-Q{q}", "quarter"


def previous_quarter(anchor: date) -> str:
    return fmt_quarter(add_months(anchor, -3))


def weekend_value(anchor: date, mod: str | None, lean: str | None) -> tuple[str, str]:
    """ISO week of the weekend meant, "-WE": "the weekend" in a Monday report is the one just gone."""
    saturday_this = weekday_this_week(anchor, 6)
    in_weekend = anchor.isoweekday() >= 6
    if mod in CURRENT:
        sat = saturday_this
    elif mod in PREVIOUS:
        sat = saturday_this - timedelta(days=7)
    elif mod in FOLLOWING:
        sat = saturday_this + timedelta(days=7) if in_weekend else saturday_this
    elif in_weekend or lean == "future":
        sat = saturday_this
    else:
        sat = saturday_this - timedelta(days=7)
    return fmt_week(sat) + "-WE", "week"


def period_value(anchor: date, unit: str, step: int) -> tuple[str | None, str]:
    """The current (step 0), previous (-1) or next (+1) week, month, quarter, year, decade or century."""
    if unit == "week":
        return fmt_week(anchor + timedelta(days=7 * step)), "week"
    if unit == "month":
        return fmt_month(add_months(anchor, step)), "month"
    if unit == "quarter":
        return fmt_quarter(add_months(anchor, 3 * step)), "quarter"
    if unit == "year":
        return f"{anchor.year + step:04d}", "year"
    if unit == "decade":
        return f"{anchor.year // 10 + step:03d}X", "decade"
    if unit == "century":
        return f"{anchor.year // 100 + step:02d}", "unknown"
    return None, "unknown"


def step_value(reference: date, unit: str, step: int) -> tuple[str | None, str]:
    """The day, week, month, quarter, year or decade `step` units from the one holding `reference`."""
    if unit == "day":
        return fmt_day(reference + timedelta(days=step)), "day"
    return period_value(reference, unit, step)


def ago_value(anchor: date, amount: float, unit: str, sign: int = -1) -> tuple[str, str]:
    """`amount` units before (sign -1) or after (+1) the anchor, written at the unit's precision."""
    if unit in ("second", "minute", "hour"):
        hours = amount * {"second": 1 / 3600, "minute": 1 / 60, "hour": 1}[unit]
        return fmt_day(anchor + timedelta(days=sign * int(hours // 24))), "day"
    if unit in ("day", "night"):
        return fmt_day(anchor + timedelta(days=sign * round(amount))), "day"
    if unit in ("week", "fortnight"):
        weeks = amount * (2 if unit == "fortnight" else 1)
        return fmt_week(anchor + timedelta(days=sign * round(7 * weeks))), "week"
    if unit == "month":
        return fmt_month(add_months(anchor, sign * round(amount))), "month"
    if unit == "quarter":
        return fmt_quarter(add_months(anchor, sign * round(3 * amount))), "quarter"
    years = amount * {"year": 1, "decade": 10, "century": 100}[unit]
    return f"{anchor.year + sign * round(years):04d}", "year"
