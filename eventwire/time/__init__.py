"""The time stage: find temporal expressions in an article and normalise them TimeML-style.

    find_timexes(text, anchor) -> list[TimeExpr]
    shift(value, precision, duration, relation) -> (value | None, precision)

`anchor` is the article's publication date. Relative expressions ("on Saturday", "last week", "two days ago")
are resolved against it, leaning to the past as news reports do unless the phrase or its clause points forward
("next Monday", "will meet on Friday"); with no anchor they keep their span and get value None (never today's
date). Absolute dates ("4 July 2022"), durations ("three months" -> "P3M") and sets ("every week" -> "P1W") need
no anchor. Impossible dates ("31 February 2022") keep their span with value None.

Offsets anchored on another event ("a day after", "nearly three months after", "a week later") come out as
DURATION with `relation` "after"/"before", `approximate` for nearly/about/some, and precision the unit's; the
events stage resolves them against the event the clause names, with `shift`. Where TimeML writes such an
offset as the date it points to ("a year earlier" -> the year-ago quarter in a results story, "the following
year" -> a year on from the date just told), that reading is in `Timex.timeml_type`/`timeml_value` (see
`expr.py`); the evaluator scores it.

Spans follow TimeML: no leading preposition ("Saturday", not "on Saturday"), modifiers kept ("last week",
"nearly three months"); anchored offsets also keep their "after"/"before" ("a day after"). Regex only, no spaCy.
"""

from __future__ import annotations

from datetime import date

from ..types import TimeExpr
from .dates import shift as _shift
from .expr import Timex
from .extract import find as _find

__all__ = ["Timex", "find_timexes", "shift"]


def find_timexes(text: str, anchor: date | None) -> list[TimeExpr]:
    """Every temporal expression in `text`, in text order, with char offsets into `text` (text[start:end] ==
    expr.text), type DATE|TIME|DURATION|SET, TimeML value normalised against `anchor` (None when unresolvable)
    and precision from `types.DATE_PRECISIONS`. Each is a `Timex` (a `TimeExpr`) that also carries its TimeML
    reading in `timeml_type`/`timeml_value`: "a year earlier" is a DURATION "P1Y" with relation "before" for the
    events stage, and the DATE it points to ("1988-Q3" in a results story) for TimeML."""
    return _find(text, anchor)


def shift(value: str | None, precision: str, duration: str, relation: str) -> tuple[str | None, str]:
    """Date of the event an anchored offset names, given the date of the clause that states the offset.

    The relation describes the clause "A came <duration> <relation> X", `value`/`precision` being A's date:
    "after" => X = date(A) - duration; "before" => X = date(A) + duration. Precision becomes the coarser of A's
    and the duration unit's (hours/days: day, weeks: week, months: month, years and longer: year); day and week
    results are written as days, coarser ones as their period.

    shift("2022-07-04", "day", "P1D", "after") == ("2022-07-03", "day")     # "came a day after X" on 4 July
    shift("2022-07-03", "day", "P1W", "after") == ("2022-06-26", "week")
    shift("2022-07-04", "day", "P3M", "after") == ("2022-04", "month")
    shift("2022-07-04", "day", "P1D", "before") == ("2022-07-05", "day")    # "came a day before X"

    Vague durations ("PXD"), None or unparseable values give (None, "unknown").
    """
    return _shift(value, precision, duration, relation)
