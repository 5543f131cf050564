"""Handlers for amounts of time: durations ("three months", "the past two weeks", "a two-year deal", "for
years") and sets ("every week", "daily", "twice a month", "$5 a day").

A duration's value needs no article date. The checks here keep ordinals ("a second attack"), ages ("52 years
old"), names ("60 Minutes") and fractions ("a quarter of the market") out, and hand "$5 a day" to the set rule.
"""

from __future__ import annotations

import re

from .context import Context
from .dates import duration_value
from .hits import MODALS, Hit, capitalised_neighbour, make_hit, norm, parse_number, rate_context, unit_key
from .lexicon import DAY_PARTS, UNITS, VAGUE_QUANTITIES, WEEKDAYS

# --- durations and sets ---------------------------------------------------------------------------------------

_ANCHORED_REL = {"next": "after", "following": "after", "previous": "before", "preceding": "before"}
# Units "the following <unit>" can step by to name a date (see `resolve.step_value`).
STEP_UNITS = frozenset({"day", "week", "month", "quarter", "year", "decade"})


def duration(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"three months", "48 hours", "the past two weeks", "a two-year", "several years", "the next day"."""
    unit = unit_key(m["unit"])
    num_text = norm(m["num"])
    the = norm(m["the"])
    rel = norm(m["rel"])
    plural = m["pl"] is not None
    if num_text is None and rel is None:
        return []  # "year", "the year", "its quarter": not a duration
    if unit == "second" and num_text in (None, "a", "an"):
        return []  # "a second attack", "the second day"
    if num_text is None and rel in ("first", "final", "initial", "same", "latest") and not plural:
        if rel == "same":
            return [make_hit(m, "duration", "DATE", None, UNITS[unit][3])]
        return []  # "the first day", "the final week": a point, anchored on something we cannot see
    if num_text in ("a", "an") and the is None and rel is None and rate_context(ctx, m.start()):
        return []  # "$5 a day": the set rule takes it
    if m["sep"] == "-" and plural:
        return []
    if m["unit"][0].isupper() and not m["unit"].isupper() and not ctx.at_sentence_start(m.start("unit")):
        return []  # "60 Minutes", "Sandra Day O'Connor": a name
    if unit == "quarter" and ctx.next_word(m.end()).lower() == "of":
        return []  # "a quarter of the market": a fraction
    letter, is_time, mult, precision = UNITS[unit]
    amount = parse_number(num_text)
    if amount is not None and m["half"]:
        amount += 0.5
    if num_text is None:
        amount = None if plural else 1
    elif amount is not None and amount >= 1000 and re.fullmatch(r"1[5-9]\d\d|20\d\d", num_text):
        return []  # "the 1988 quarter": a year, not 1988 quarters
    elif amount is None and num_text not in VAGUE_QUANTITIES:
        return []
    if num_text == "one" and unit == "day" and not plural and ctx.prev_word(m.start()).lower() in MODALS:
        return [make_hit(m, "duration", "DATE", "FUTURE_REF", "unknown")]  # "Russia might one day attack"
    if num_text is None and plural and rel in ("recent", "coming"):
        # "in recent weeks", "coming months": a vague point in the past or future rather than a length
        return [make_hit(m, "duration", "DATE", "PAST_REF" if rel == "recent" else "FUTURE_REF", "unknown")]
    value = duration_value(None if amount is None else amount * mult, letter, is_time)
    start = m.start()
    approx = norm(m["approx"])
    if approx and approx in ("over", "within", "under", "in") and m["the"] is not None:
        start = m.start("the")
        approx = None
    if m["sep"] == "-" and m["the"] is not None and rel is None and approx is None:
        start = m.start("num")  # "the 24-hour ceasefire": the article belongs to the noun
    relation = None
    ref_step = None
    if num_text is None and not plural and rel in _ANCHORED_REL and the == "the":
        relation = _ANCHORED_REL[rel]
        if unit in STEP_UNITS:  # "the following year": TimeML's date, one unit on from the time in focus
            ref_step = (unit, 1 if relation == "after" else -1)
    return [Hit(start, m.end(), "DURATION", value, precision, relation=relation, approximate=approx is not None,
                rule="duration", ref_step=ref_step, timeml_type="DATE" if ref_step else None)]


_BARE_UNIT_CUES = frozenset({"for", "over", "in", "within", "after", "before", "took", "take", "takes", "taking",
                             "lasted", "lasting", "spent", "spend", "spending", "about", "than", "recent"})


def bare_units(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"for years", "within days", "in months": vague durations."""
    if ctx.prev_word(m.start()).lower() not in _BARE_UNIT_CUES:
        return []
    unit = unit_key(m["unit"][:-1] if m["unit"].lower() != "centuries" else "century")
    letter, is_time, _, precision = UNITS[unit]
    return [make_hit(m, "bare_units", "DURATION", duration_value(None, letter, is_time), precision)]


_ADVERB_SET = {"daily": ("P1D", "day"), "weekly": ("P1W", "week"), "monthly": ("P1M", "month"),
               "yearly": ("P1Y", "year"), "annually": ("P1Y", "year"), "hourly": ("PT1H", "day"),
               "quarterly": ("P1Q", "quarter"), "nightly": ("P1D", "day"), "biweekly": ("P2W", "week"),
               "fortnightly": ("P2W", "week")}


_ADJECTIVE_SET_PREV = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "average", "initial", "first",
                                 "regular", "usual", "normal", "latest", "last", "previous", "same", "this", "that"})


def set_(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"every week", "daily", "twice a month", "$5 a day", "every Monday"."""
    if m["adv"]:
        if capitalised_neighbour(ctx, m.start(), m.end()) or ctx.next_word(m.end())[:1].isupper():
            return []  # "Daily Mail", "the party daily Granma"
        if ctx.prev_word(m.start()).lower() in _ADJECTIVE_SET_PREV:
            return []  # "its quarterly dividend", "average daily volume": an adjective, not a recurrence
        value, precision = _ADVERB_SET[m["adv"].lower()]
        return [make_hit(m, "set", "SET", value, precision)]
    if m["every"]:
        unit = m["unit"].lower()
        if unit in WEEKDAYS:
            return [make_hit(m, "set", "SET", f"XXXX-WXX-{WEEKDAYS[unit]}", "day")]
        if unit in DAY_PARTS:
            return [make_hit(m, "set", "SET", f"XXXX-XX-XXT{DAY_PARTS[unit]}", "day")]
        if unit == "weekend":
            return [make_hit(m, "set", "SET", "XXXX-WXX-WE", "week")]
        letter, is_time, mult, precision = UNITS[unit]
        n = parse_number(m["num"]) if m["num"] else 1
        if m["other"] and m["other"].lower() == "other":
            n = 2
        return [make_hit(m, "set", "SET", duration_value((n or 1) * mult, letter, is_time), precision)]
    per = m["per"].lower()
    if not m["freq"] and per in ("a", "an") and not rate_context(ctx, m.start()):
        return []
    unit = m["unit2"].lower()
    letter, is_time, mult, precision = UNITS[unit]
    return [make_hit(m, "set", "SET", duration_value(mult, letter, is_time), precision)]
