"""Handlers for calendar expressions: explicit dates, months, years, decades, centuries, quarters, halves,
seasons, holidays.

Most of these name a period directly ("4 July 2022", "July 2021", "the 1990s", "the third quarter of 2021") and
need the article date only when the year is left out ("July 4", "in June", "this summer"). The checks that keep
false hits out live here too: a month named alone needs a cue ("in May", not "May God..."), a four-digit number
is a year only in date-ish context ("since 2014", not "2014 people").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import resolve
from .context import Context
from .dates import fmt_day, fmt_quarter, fmt_week, safe_date
from .hits import (
    MONTH_CUES,
    Hit,
    capitalised_neighbour,
    clause_lean,
    day_date,
    int_prefix,
    make_hit,
    month_of,
    next_is_count_noun,
    norm,
    parse_number,
)
from .lexicon import AMBIGUOUS_MONTHS, MONTHS, ORDINALS, SEASONS

# List words: a cue only when a month name is close before ("between March and May", "from June to August").
_LIST_WORDS = frozenset({"and", "or", "to", "through", "until", "till", "-", "&"})

# Words before a bare four-digit number that make it a year.
_YEAR_CUES = frozenset({
    "in", "since", "by", "until", "till", "from", "through", "throughout", "during", "before", "after", "between",
    "early", "late", "mid", "of", "and", "or", "to", "around", "circa", "c", "spring", "summer", "autumn", "fall",
    "winter", "year", "fiscal", "than", "as", "into", "for", "end", "start", "beginning", "due",
    "december", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "pre", "post",
    "election", "elections", "census", "season", "olympics", "cup", "budget", "calendar", "mid-",
})

# Cues that also introduce counts ("of 2000 troops", "to 2000 people"): the year reading needs no noun after it.
_WEAK_YEAR_CUES = frozenset({"of", "and", "or", "to", "between", "than", "around", "as", "for", "by", "from", "into",
                             "circa", "c", "both"})

_CHRISTMAS_NOUNS = frozenset({"tree", "trees", "card", "cards", "decorations", "lights", "market", "markets", "carol",
                              "carols", "shopping", "gift", "gifts", "present", "presents", "dinner", "party",
                              "parties", "song", "songs", "spirit", "music", "story", "movie", "film", "message",
                              "truce", "sales", "shoppers", "season", "holidays", "holiday", "address", "speech"})


# --- explicit dates -------------------------------------------------------------------------------------------

def iso(m: re.Match[str], ctx: Context) -> list[Hit]:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return []
    day = safe_date(y, mo, d)
    return [make_hit(m, "iso", "DATE", fmt_day(day) if day else None, "day")]


def slash(m: re.Match[str], ctx: Context) -> list[Hit]:
    """dd/mm/yyyy or mm/dd/yyyy: resolved only when one reading is impossible (13/07/2022) or both agree."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if a > 12 and b > 12 or not (1 <= a <= 31 and 1 <= b <= 31):
        return []
    if a > 12:
        day = safe_date(y, b, a)
    elif b > 12 or a == b:
        day = safe_date(y, a, b)
    else:
        day = None  # 04/07/2022: 4 July or April 7 - the text does not say
    return [make_hit(m, "slash", "DATE", fmt_day(day) if day else None, "day")]



def day_month(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"4 July 2022", "July 4, 2022", "July 4", "the 4th of July", "Monday, July 4"."""
    month, day = month_of(m["mon"]), int_prefix(m["d"])
    if m["y"] is None and next_is_count_noun(ctx, m.end()) and m["d"].isdigit():
        return []  # "in March 15 people died"
    value = day_date(ctx, month, day, m["y"], lambda: clause_lean(ctx, m))
    return [make_hit(m, "day_month", "DATE", value, "day")]


def day_range(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"3 and 4 July", "3-5 July 2022", "July 3-5": one expression per day."""
    month, d1, d2 = month_of(m["mon"]), int_prefix(m["d1"]), int_prefix(m["d2"])
    if d1 >= d2:
        return []
    lean = clause_lean(ctx, m)
    v1 = day_date(ctx, month, d1, m["y"], lambda: lean)
    v2 = day_date(ctx, month, d2, m["y"], lambda: lean)
    # "July 3-5, 2022" -> "July 3" + "5, 2022"; "3-5 July 2022" -> "3" + "5 July 2022"
    first = Hit(m.start(), m.end("d1"), "DATE", v1, "day", rule="range")
    second = Hit(m.start("d2"), m.end(), "DATE", v2, "day", rule="range")
    return [first, second]


def month_year(m: re.Match[str], ctx: Context) -> list[Hit]:
    month = month_of(m["mon"])
    return [make_hit(m, "month_year", "DATE", f"{int(m['y']):04d}-{month:02d}", "month")]


def month_alone(m: re.Match[str], ctx: Context) -> list[Hit]:
    """A month with no day or year: kept only when the words around show it is one."""
    name = m["mon"].lower()
    mod = norm(m["mod"])
    start = m.start("mon")
    if mod is None:
        if capitalised_neighbour(ctx, start, m.end()):
            return []
        prev = ctx.prev_word(start).lower()
        after = ctx.text[m.end() : m.end() + 3]
        cue = prev in MONTH_CUES or after[:2] in ("'s", "’s")
        if not cue and prev in _LIST_WORDS | {""}:
            cue = prev != "" and any(w in MONTHS for w in ctx.words_before(start, 5)[:-1])
        if name in AMBIGUOUS_MONTHS and not cue:
            return []
        if not cue and ctx.at_sentence_start(start) and ctx.text[m.end() : m.end() + 1] not in ",":
            return []  # "March on!" / "August is..." at the start of a sentence: too risky without a cue
    if ctx.anchor is None:
        value = None
    else:
        kind = None if mod in (None, "that", "early", "late", "mid", "end") or (mod or "").startswith("the ") else mod
        value = resolve.month_value(ctx.anchor, MONTHS[name], kind, clause_lean(ctx, m, deadline=True))[0]
    return [make_hit(m, "month", "DATE", value, "month")]


_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "that", "this", "whose"})
# Words that may follow a year after a weak cue ("by 1992 it intended", "in 1990 and 1991").
_CLAUSE_WORDS = frozenset({"and", "or", "to", "when", "after", "before", "until", "as", "but", "in", "on", "the",
                           "a", "through", "with", "while", "because", "at", "for", "it", "he", "she", "they", "we",
                           "i", "there", "its", "his", "her", "their", "this", "that", "which", "who"})


def _year_context(ctx: Context, start: int, end: int) -> bool:
    """Whether a bare four-digit number at [start, end) reads as a year: after a date preposition ("in 2014",
    "since 1991"), a possessive or determiner before a noun ("the 1956 uprising", "Mixte's 1989 results"), or
    with "'s" ("2014's"); not before a count noun or a plural ("2022 people", "the 2000 soldiers")."""
    if ctx.text[end : end + 2] in ("'s", "’s"):
        return True
    if next_is_count_noun(ctx, end):
        return False
    prev = ctx.prev_word(start)
    p = prev.lower()
    nxt = ctx.next_word(end)
    spaced = ctx.text[end : end + 1] == " "
    if p.endswith(("'s", "’s")) or p in _DETERMINERS:
        plural_next = spaced and nxt.islower() and len(nxt) > 3 and nxt.endswith("s") and not nxt.endswith("ss")
        return not plural_next
    if p in _WEAK_YEAR_CUES:
        return not (spaced and nxt.islower() and nxt not in _CLAUSE_WORDS)
    return p in _YEAR_CUES or re.fullmatch(r"(?:1[5-9]|20)\d\d", p) is not None


def year(m: re.Match[str], ctx: Context) -> list[Hit]:
    """A four-digit year: only in date-ish context ("in 2022", "since 2014", "2014's"), never a count."""
    if not (m["part"] or m["fy"]) and not _year_context(ctx, m.start("y"), m.end()):
        return []
    return [make_hit(m, "year", "DATE", f"{int(m['y']):04d}", "year")]


def decade(m: re.Match[str], ctx: Context) -> list[Hit]:
    dec = m["dec"]
    if dec[0].isdigit() and len(dec) == 5:  # "1990s"
        return [make_hit(m, "decade", "DATE", dec[:3] + "X", "decade")]
    digit = int(dec.strip("'")[0])
    century = 19
    if ctx.anchor is not None and 2000 + digit * 10 <= ctx.anchor.year:
        century = 20
    if dec[0] != "'" and m["the"] is None:
        return []
    return [make_hit(m, "decade", "DATE", f"{century}{digit}X", "decade")]


def century(m: re.Match[str], ctx: Context) -> list[Hit]:
    o = m["ord"].lower()
    n = ORDINALS.get(o) or (int_prefix(o) if o[0].isdigit() else None)
    if not n or n > 22:
        return []
    return [make_hit(m, "century", "DATE", f"{n - 1:02d}", "unknown")]


# --- quarters, halves, seasons --------------------------------------------------------------------------------

_HALF_QUARTER_DAYS = 45  # a quarter ending on a day lies mostly in the calendar quarter 45 days before it
_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def quarter(m: re.Match[str], ctx: Context) -> list[Hit]:
    o = m["ord"].lower()
    det = norm(m["det"])
    year_text = m["y"] or m["yq"]
    explicit_year = int(year_text) if year_text else None
    if explicit_year is None and det and det.endswith("year's") and ctx.anchor is not None:
        explicit_year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[det.split()[0]]
    anchor = ctx.anchor
    if o in _QUARTER_ORD or (o in ("final", "last") and (explicit_year is not None or m["y"])):
        q = _QUARTER_ORD.get(o, 4)
        if explicit_year is not None:
            value = f"{explicit_year:04d}-Q{q}"
        elif anchor is not None:
            value = resolve.quarter_value(anchor, q, clause_lean(ctx, m))[0]
            if m["ya"]:  # "the year-ago third quarter"
                value = f"{int(value[:4]) - 1:04d}{value[4:]}"
        else:
            value = None
        if m["pl"]:
            return [make_hit(m, "quarter", "SET", f"XXXX-Q{q}", "quarter")]
        return [make_hit(m, "quarter", "DATE", value, "quarter")]
    if anchor is None:
        return [make_hit(m, "quarter", "DATE", None, "quarter")]
    if o == "current":
        return [make_hit(m, "quarter", "DATE", resolve.period_value(anchor, "quarter", 0)[0], "quarter")]
    # latest, last, previous, past: the last quarter to have ended
    return [make_hit(m, "quarter", "DATE", resolve.previous_quarter(anchor), "quarter")]


def the_quarter(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"the quarter": the one in focus; "the quarter ended July 31": the calendar quarter most of it lies in."""
    if m["mon"]:
        end = day_date(ctx, month_of(m["mon"]), int_prefix(m["d"]), m["y"], lambda: "past")
        if end is None:
            return [make_hit(m, "the_quarter", "DATE", None, "quarter")]
        middle = date.fromisoformat(end) - timedelta(days=_HALF_QUARTER_DAYS)
        return [make_hit(m, "the_quarter", "DATE", fmt_quarter(middle), "quarter")]
    value = resolve.previous_quarter(ctx.anchor) if ctx.anchor else None
    return [make_hit(m, "the_quarter", "DATE", value, "quarter", quarter_ref=True)]


def period_last_year(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"the same period last year", "last year's quarter": the quarter in focus a year back (settled later),
    else the quarter before the article's, a year back."""
    value = None
    if ctx.anchor is not None:
        value = fmt_quarter(resolve.add_months(ctx.anchor, -15))
    return [make_hit(m, "period_last_year", "DATE", value, "quarter", year_back=1, quarter_ref=True)]


def year_period(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"the 1988 quarter", "the 1989 period": the quarter in focus in that year (settled later), else the year."""
    y = int(m["y"])
    return [make_hit(m, "year_period", "DATE", f"{y:04d}", "year", period_year=y)]


def q_code(m: re.Match[str], ctx: Context) -> list[Hit]:
    q = int(m["q"][1])
    if m["y"]:
        value = f"{int(m['y']):04d}-Q{q}"
    elif m["yy"]:
        value = f"20{m['yy']}-Q{q}"
    elif ctx.anchor is not None:
        value = resolve.quarter_value(ctx.anchor, q, clause_lean(ctx, m))[0]
    else:
        value = None
    return [make_hit(m, "q_code", "DATE", value, "quarter")]


def year_ago(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"year-ago", "the year-earlier quarter": the same period a year before (the quarter in focus, if any)."""
    value, precision = (None, "year")
    if ctx.anchor is not None:
        if norm(m["unit"]) == "quarter":
            value, precision = resolve.previous_quarter(ctx.anchor.replace(year=ctx.anchor.year - 1)
                                                        if not (ctx.anchor.month == 2 and ctx.anchor.day == 29)
                                                        else ctx.anchor - timedelta(days=366)), "quarter"
        else:
            value = f"{ctx.anchor.year - 1:04d}"
    return [make_hit(m, "year_ago", "DATE", value, precision, year_back=1, quarter_ref=True)]


def half(m: re.Match[str], ctx: Context) -> list[Hit]:
    h = 1 if m["ord"].lower() in ("first", "1st") else 2
    rel = norm(m["rel"])
    if m["y"]:
        return [make_hit(m, "half", "DATE", f"{int(m['y']):04d}-H{h}", "year")]
    if rel is None:
        # "first-half profit": the adjective use, before a lowercase noun; "the second half" of a match is not
        if "-" not in m["sep"] or not ctx.next_word(m.end())[:1].islower():
            return []
    if ctx.anchor is None:
        return [make_hit(m, "half", "DATE", None, "year")]
    y = ctx.anchor.year + {"last": -1, "next": 1}.get(rel or "", 0)
    if rel is None and h == 2 and ctx.anchor.month <= 6 and clause_lean(ctx, m) != "future":
        y -= 1
    return [make_hit(m, "half", "DATE", f"{y:04d}-H{h}", "year")]


# Words that may follow "the winter" when it is a time: "the winter months", "in the summer of", "the spring when".
SEASON_FOLLOWERS = {"of", "and", "or", "months", "weeks", "days", "season", "period", "holidays", "break", "recess",
                    "session", "term", "when", "as", "before", "after", "until", "while", "in", "on", "at", "to",
                    "for", "is", "was", "will", "has", "had", "came", "comes", "began", "begins", "ended", "ends"}


def season(m: re.Match[str], ctx: Context) -> list[Hit]:
    word = m["s"].lower()
    code = SEASONS[word]
    mod = norm(m["mod"])
    start, end = m.start(), m.end()
    nxt = ctx.next_word(end).lower()
    if m["y"] is None:
        if nxt == "of" or (m["s"][0].isupper() and capitalised_neighbour(ctx, m.start("s"), end)):
            return []  # "the fall of Kabul", "the Arab Spring"
        prev = ctx.prev_word(start).lower()
        bare = mod in (None, "the", "early", "late", "mid")
        if word == "fall" and (bare and prev not in ("in", "during", "by", "until", "since", "through", "this",
                                                     "last", "next", "that", "late", "early")
                               or nxt in ("in", "from", "to", "by", "of", "on", "at")):
            return []
        if mod is None and prev not in MONTH_CUES and nxt not in ("and", "or"):
            if ctx.text[end : end + 2] not in ("'s", "’s"):
                return []
        follow = re.match(r" ([a-z]+)\b", ctx.text[end:end + 30])
        if mod == "the" and follow and follow[1] not in SEASON_FOLLOWERS:
            return []  # "braved the winter cold", "the summer heat": the season describes a noun, it dates nothing
    if m["y"]:
        value = f"{int(m['y']):04d}-{code}"
    elif ctx.anchor is None:
        value = None
    else:
        first = (mod or "").replace("the ", "") or None
        kind = first if first in resolve.PREVIOUS | resolve.FOLLOWING | resolve.CURRENT else None
        value = resolve.season_value(ctx.anchor, code, kind, clause_lean(ctx, m))[0]
    return [make_hit(m, "season", "DATE", value, "season")]



# --- further date forms ---------------------------------------------------------------------------------------

def month_relyear(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"January this year", "June last year", "April next year"."""
    if ctx.anchor is None:
        return [make_hit(m, "month_relyear", "DATE", None, "month")]
    y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return [make_hit(m, "month_relyear", "DATE", f"{y:04d}-{month_of(m['mon']):02d}", "month")]


def _spelled_year(words: str) -> int | None:
    parts = [p for p in re.split(r"[\s-]+", words.lower()) if p != "and"]
    if parts[:2] == ["two", "thousand"]:
        rest = parse_number(" ".join(parts[2:])) if parts[2:] else 0
        return None if rest is None else 2000 + int(rest)
    rest = parse_number(" ".join(parts[1:]))
    return None if rest is None else 1900 + int(rest)


def spelled_year(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"nineteen ninety-six", "the year two thousand": years as broadcast transcripts write them."""
    y = _spelled_year(m["w"])
    if y is None:
        return []
    if y >= 2000 and m["the"] is None and ctx.prev_word(m.start()).lower() not in ("in", "by", "since", "until",
                                                                                   "of", "before", "after"):
        return []
    return [make_hit(m, "spelled_year", "DATE", f"{y:04d}", "year")]


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def decade_word(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"the nineties": the latest such decade not after the article (the 1900s when the date is unknown)."""
    digit = _DECADE_WORDS[m["w"].lower()]
    century = 19
    if ctx.anchor is not None and 2000 + 10 * digit <= ctx.anchor.year:
        century = 20
    return [make_hit(m, "decade_word", "DATE", f"{century}{digit}X", "decade")]


def period_end(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"the end of the year", "the rest of the month", "year-end": the current period."""
    unit = "year" if m["ye"] else m["unit"].lower()
    if ctx.anchor is None:
        return [make_hit(m, "period_end", "DATE", None, unit)]
    value, precision = resolve.period_value(ctx.anchor, unit, 0)
    return [make_hit(m, "period_end", "DATE", value, precision)]


def week_of(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"the week of March 6": the ISO week holding that day."""
    value = day_date(ctx, month_of(m["mon"]), int_prefix(m["d"]), m["y"], lambda: clause_lean(ctx, m))
    if value is None:
        return [make_hit(m, "week_of", "DATE", None, "week")]
    return [make_hit(m, "week_of", "DATE", fmt_week(date.fromisoformat(value)), "week")]



def _thanksgiving(year: int) -> date:
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
             "new year's eve": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14)}


def holiday(m: re.Match[str], ctx: Context) -> list[Hit]:
    name = norm(m["h"]) or ""
    if name == "christmas" and ctx.next_word(m.end()).lower() in _CHRISTMAS_NOUNS:
        return []
    if ctx.anchor is None:
        return [make_hit(m, "holiday", "DATE", None, "day")]
    mod = norm(m["mod"])
    if name.startswith("thanksgiving"):
        this_year = _thanksgiving(ctx.anchor.year)
        lean = clause_lean(ctx, m)
        if mod == "last" or (mod is None and lean != "future" and this_year > ctx.anchor):
            day = this_year if this_year < ctx.anchor else _thanksgiving(ctx.anchor.year - 1)
        elif mod == "next" and this_year <= ctx.anchor:
            day = _thanksgiving(ctx.anchor.year + 1)
        else:
            day = this_year
        return [make_hit(m, "holiday", "DATE", fmt_day(day), "day")]
    month, d = _HOLIDAYS[name]
    kind = mod if mod in ("last", "next", "this") else None
    value = resolve.day_month_value(ctx.anchor, month, d, clause_lean(ctx, m), kind)[0]
    return [make_hit(m, "holiday", "DATE", value, "day")]
