"""Which handler reads each pattern's matches.

A handler turns a regex match into zero, one or two `Hit`s: it first decides whether the match is a time
expression at all (the context checks that keep "Theresa May", "2,000 troops", "a second attack" out), then what
it means. Relative phrases get a value only when the article date is known. Handlers never look at other
matches: what needs the rest of the document (a clock time's day, "the quarter" in a results story) is flagged on
the hit and settled by `extract.py` once overlaps are resolved. They live in three modules by kind:
`rules_calendar.py`, `rules_relative.py`, `rules_amounts.py`.
"""

from __future__ import annotations

from .hits import Handler, Hit
from .rules_amounts import bare_units, duration, set_
from .rules_calendar import (
    century,
    day_month,
    day_range,
    decade,
    decade_word,
    half,
    holiday,
    iso,
    month_alone,
    month_relyear,
    month_year,
    period_end,
    q_code,
    quarter,
    season,
    slash,
    spelled_year,
    the_quarter,
    week_of,
    year,
    year_ago,
    period_last_year,
    year_period,
)
from .rules_relative import (
    clock,
    daypart,
    offset,
    ref,
    relday,
    relday2,
    relperiod,
    vague_ago,
    weekday,
    weekend,
)

__all__ = ["HANDLERS", "Handler", "Hit"]

HANDLERS: dict[str, Handler] = {
    "iso": iso, "slash": slash, "range_dm": day_range, "range_md": day_range, "dmy": day_month, "mdy": day_month,
    "month_year": month_year, "month": month_alone, "year": year, "decade": decade, "century": century,
    "quarter": quarter, "year_ago": year_ago, "the_quarter": the_quarter, "q_code": q_code, "half": half,
    "season": season, "relday": relday, "relday2": relday2, "daypart": daypart, "relperiod": relperiod,
    "weekend": weekend, "offset": offset, "vague_ago": vague_ago, "duration": duration, "bare_units": bare_units,
    "set": set_, "clock": clock, "weekday": weekday, "ref": ref, "holiday": holiday,
    "month_relyear": month_relyear, "spelled_year": spelled_year, "decade_word": decade_word,
    "period_end": period_end, "week_of": week_of, "year_period": year_period, "period_last_year": period_last_year,
}
