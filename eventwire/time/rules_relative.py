"""Handlers for expressions relative to the article date: today/yesterday, this/last/next week, weekdays, clock
times, "two days ago", anchored offsets ("a day after", "a week later"), and the reference words ("now",
"recently", "the future").

Weekdays and clock times lean on the clause's tense (`Context.lean`); anchored offsets are not resolved here but
marked with their relation for the events stage.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import resolve
from .context import Context
from .dates import duration_value, fmt_day
from .hits import (
    MONTH_CUES,
    Hit,
    capitalised_neighbour,
    clause_lean,
    day_date,
    int_prefix,
    make_hit,
    month_of,
    norm,
    parse_number,
    unit_key,
)
from .lexicon import DAY_PARTS, MONTH_ABBREVIATIONS, MONTHS, UNITS, WEEKDAYS

# --- days and periods relative to the article date ------------------------------------------------------------

_RELDAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def relday(m: re.Match[str], ctx: Context) -> list[Hit]:
    w = m["w"].lower()
    if m["w"][0].isupper() and not ctx.at_sentence_start(m.start("w")) and m["mod"] is None:
        prev = ctx.prev_word(m.start("w"))
        if prev[:1].isupper():
            return []  # "USA Today", "Russia Today"
    part = norm(m["part"])
    if w == "tonight":
        part = part or "night"
    day = ctx.anchor + timedelta(days=_RELDAY[w]) if ctx.anchor else None
    if part:
        value = f"{fmt_day(day)}T{DAY_PARTS[part]}" if day else None
        return [make_hit(m, "relday", "TIME", value, "day")]
    return [make_hit(m, "relday", "DATE", fmt_day(day) if day else None, "day")]


def relday2(m: re.Match[str], ctx: Context) -> list[Hit]:
    offset = -2 if m["w"].lower() == "yesterday" else 2
    day = ctx.anchor + timedelta(days=offset) if ctx.anchor else None
    return [make_hit(m, "relday2", "DATE", fmt_day(day) if day else None, "day")]


def daypart(m: re.Match[str], ctx: Context) -> list[Hit]:
    det, part = m["det"].lower(), m["part"].lower()
    if det == "last" and part in ("morning", "afternoon"):
        return []
    offset = -1 if det == "last" else 0
    day = ctx.anchor + timedelta(days=offset) if ctx.anchor else None
    value = f"{fmt_day(day)}T{DAY_PARTS[part]}" if day else None
    return [make_hit(m, "daypart", "TIME", value, "day")]


_PERIOD_UNIT = {"week": ("W", 1, "week"), "weekend": ("D", 2, "week"), "month": ("M", 1, "month"),
                "year": ("Y", 1, "year"), "quarter": ("Q", 1, "quarter"), "decade": ("Y", 10, "decade"),
                "century": ("Y", 100, "decade")}


def relperiod(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"this week", "last month", "next year", "earlier this month", "the past year", "the following week"."""
    rel, unit, the = m["rel"].lower(), m["unit"].lower(), m["the"] is not None
    if m["unit"][0].isupper() and not ctx.at_sentence_start(m.start()):
        return []  # "This Week" (a programme), "Next Year" in a title
    if rel == "same":
        return [make_hit(m, "relperiod", "DATE", None, _PERIOD_UNIT[unit][2])]
    letter, n, precision = _PERIOD_UNIT[unit]
    if unit != "weekend" and the and m["mod"] is None and rel in ("past", "last", "coming", "next"):
        return [make_hit(m, "relperiod", "DURATION", duration_value(n, letter, False), precision)]
    if unit != "weekend" and the and rel in ("previous", "following"):
        relation = "before" if rel == "previous" else "after"
        hit = make_hit(m, "relperiod", "DURATION", duration_value(n, letter, False), precision, relation=relation)
        if unit in ("week", "month", "quarter", "year", "decade"):
            hit.ref_step, hit.timeml_type = (unit, 1 if relation == "after" else -1), "DATE"
        return [hit]
    if ctx.anchor is None:
        return [make_hit(m, "relperiod", "DATE", None, precision)]
    if unit == "weekend":
        kind = "this" if rel in resolve.CURRENT else rel
        value, precision = resolve.weekend_value(ctx.anchor, kind, clause_lean(ctx, m))
        return [make_hit(m, "relperiod", "DATE", value, precision)]
    if unit == "quarter" and rel in ("latest", "last", "past", "previous"):
        return [make_hit(m, "relperiod", "DATE", resolve.previous_quarter(ctx.anchor), "quarter")]
    step = -1 if rel in resolve.PREVIOUS else 1 if rel in resolve.FOLLOWING else 0
    value, precision = resolve.period_value(ctx.anchor, unit, step)
    return [make_hit(m, "relperiod", "DATE", value, precision)]


def weekend(m: re.Match[str], ctx: Context) -> list[Hit]:
    value = resolve.weekend_value(ctx.anchor, None, clause_lean(ctx, m))[0] if ctx.anchor else None
    return [make_hit(m, "weekend", "DATE", value, "week")]


_BEFORE_WORDS = frozenset({"before", "earlier", "previously", "beforehand", "prior", "prior to"})
# Offsets that end the expression and point back from the time in focus ("a year earlier"), unlike "a year before
# the vote", which names the event it counts from.
_EARLIER = frozenset({"earlier", "previously", "beforehand"})



def offset(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"two days ago" (a date), "a day after", "nearly three months after", "a week later" (anchored offsets)."""
    unit = unit_key(m["unit"])
    num_text = norm(m["num"])
    amount = parse_number(num_text)
    if unit == "second" and num_text in ("a", "an"):
        return []
    letter, is_time, mult, precision = UNITS[unit]
    approximate = m["approx"] is not None
    direction = norm(m["dir"])
    if direction == "ago" or direction in ("hence", "from now"):
        if amount is None:
            value = "PAST_REF" if direction == "ago" else "FUTURE_REF"
            return [make_hit(m, "offset", "DATE", value, "unknown", approximate=approximate)]
        if ctx.anchor is None:
            return [make_hit(m, "offset", "DATE", None, precision if precision != "decade" else "year",
                         approximate=approximate)]
        value, prec = resolve.ago_value(ctx.anchor, amount, unit, -1 if direction == "ago" else 1)
        year_back = 1 if (direction == "ago" and unit == "year" and amount == 1) else None
        return [make_hit(m, "offset", "DATE", value, prec, approximate=approximate, year_back=year_back)]
    relation = "before" if direction in _BEFORE_WORDS else "after"
    value = duration_value(None if amount is None else amount * mult, letter, is_time)
    hit = make_hit(m, "offset", "DURATION", value, precision, relation=relation, approximate=approximate)
    if direction in _EARLIER and amount is not None:
        # "a year earlier" (no event named after it): TimeML writes the date it points to, counted back from the
        # article date like "a year ago", or from the quarter in focus in a results story (settled later)
        hit.timeml_type = "DATE"
        if ctx.anchor is not None:
            hit.timeml_value = resolve.ago_value(ctx.anchor, amount, unit, -1)[0]
        hit.year_back = 1 if (unit == "year" and amount == 1) else None
    return [hit]


def vague_ago(m: re.Match[str], ctx: Context) -> list[Hit]:
    unit = unit_key(m["unit"].lower().rstrip("s"))
    direction = m["dir"].lower()
    if direction == "ago":
        return [make_hit(m, "vague_ago", "DATE", "PAST_REF", "unknown")]
    letter, is_time, _, precision = UNITS[unit]
    relation = "before" if direction in _BEFORE_WORDS else "after"
    return [make_hit(m, "vague_ago", "DURATION", duration_value(None, letter, is_time), precision, relation=relation)]



# --- clock times, weekdays, reference words, holidays ---------------------------------------------------------

_CLOCK_CUES = frozenset({"at", "around", "about", "by", "from", "until", "till", "after", "before", "since",
                         "approximately", "to", "between", "and", "shortly", "just"})


def _named_day(ctx: Context, m: re.Match[str], word: str) -> date | None:
    """The day a weekday name or today/yesterday/tomorrow after a clock time means."""
    if ctx.anchor is None:
        return None
    w = word.lower()
    if w in _RELDAY:
        return ctx.anchor + timedelta(days=_RELDAY[w])
    return resolve.weekday_value(ctx.anchor, WEEKDAYS[w], None, clause_lean(ctx, m))


def clock(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"5 a.m.", "at 17:30 GMT", "noon Thursday", "10 p.m. Wednesday": TIME, day from the words or sentence."""
    approximate = m["approx"] is not None
    if m["noon"]:
        if ctx.prev_word(m.start()).lower() == "high":
            return []  # "high noon"
        suffix = "T12:00" if m["noon"].lower() in ("noon", "midday") else "T24:00"
        named = m["wd2"]
    elif m["h24"]:
        if not m["tz24"] and ctx.prev_word(m.start()).lower() not in _CLOCK_CUES:
            return []
        suffix = f"T{int(m['h24']):02d}:{m['m24']}"
        named = None
    else:
        h = int(m["h"])
        if h > 12 or h == 0:
            return []
        pm = m["ampm"].lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
        suffix = f"T{h:02d}:{m['min'] or '00'}"
        named = m["wd"]
        if m["cmon"]:
            day_value = day_date(ctx, month_of(m["cmon"]), int_prefix(m["cday"]), None, lambda: clause_lean(ctx, m))
            return [make_hit(m, "clock", "TIME", f"{day_value}{suffix}" if day_value else None, "day",
                         approximate=approximate)]
    if named:
        day = _named_day(ctx, m, named)
        value = f"{fmt_day(day)}{suffix}" if day else None
        return [make_hit(m, "clock", "TIME", value, "day", approximate=approximate)]
    value = f"{fmt_day(ctx.anchor)}{suffix}" if ctx.anchor else None
    return [make_hit(m, "clock", "TIME", value, "day", approximate=approximate, clock=suffix)]


_DAY_NAME_PREFIXES = frozenset({"bloody", "super", "cyber", "black", "manic", "blue"})


def _weekday_in_name(ctx: Context, start: int, end: int) -> bool:
    """"Bloody Sunday", "Super Tuesday", "The Sunday Times". News style puts weekdays after names ("Iraq Friday",
    "President Clinton Saturday"), so a capitalised word before is no reason to reject on its own."""
    prev = ctx.prev_word(start)
    if prev.lower() in _DAY_NAME_PREFIXES and prev[:1].isupper():
        return True
    nxt = ctx.next_word(end)
    return (nxt[:1].isupper() and ctx.text[end : end + 1] == " " and nxt.lower() not in MONTH_CUES
            and nxt.lower().rstrip(".") not in MONTHS and nxt.lower().rstrip(".") not in MONTH_ABBREVIATIONS
            and (prev.lower() == "the" or not prev))


def weekday(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"Saturday", "last Friday", "next Monday", "Monday morning", "Mondays" (a set)."""
    wd = WEEKDAYS[m["wd"].lower()]
    mod = norm(m["mod"])
    if mod is None and _weekday_in_name(ctx, m.start("wd"), m.end()):
        return []  # "Bloody Sunday", "the Sunday Times"
    part = norm(m["part"])
    if m["pl"] or (part and part.endswith("s")):
        suffix = f"T{DAY_PARTS[part.rstrip('s')]}" if part else ""
        return [make_hit(m, "weekday", "SET", f"XXXX-WXX-{wd}{suffix}", "day")]
    if ctx.anchor is None:
        return [make_hit(m, "weekday", "TIME" if part else "DATE", None, "day")]
    kind = mod.replace("the ", "") if mod else None
    if kind in ("early", "late", "earlier", "later", "that"):
        kind = None
    day = resolve.weekday_value(ctx.anchor, wd, kind, clause_lean(ctx, m))
    if part:
        return [make_hit(m, "weekday", "TIME", f"{fmt_day(day)}T{DAY_PARTS[part]}", "day")]
    return [make_hit(m, "weekday", "DATE", fmt_day(day), "day")]


_REF = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
        "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
        "previously": "PAST_REF", "formerly": "PAST_REF", "the past": "PAST_REF", "soon": "FUTURE_REF"}


def ref(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"now", "currently" (PRESENT_REF), "recently", "the past" (PAST_REF), "soon", "the future" (FUTURE_REF)."""
    w = norm(m["w"]) or ""
    value = _REF.get(w, "FUTURE_REF")
    if w == "now" and m["w"][0] == "N" and capitalised_neighbour(ctx, m.start(), m.end()):
        return []
    return [make_hit(m, "ref", "DATE", value, "unknown")]
