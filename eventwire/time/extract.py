"""Run every pattern, keep the best non-overlapping candidates, settle what depends on the rest of the document.

Candidates from different patterns often overlap ("three months" inside "nearly three months after", "2022" inside
"July 2022"): the longest wins, ties going to the pattern listed first in `patterns.py`. Three things are settled
only once the expressions are chosen, because they depend on other expressions: a clock time's day (the day its
sentence names, else the article date); the quarter that "the quarter", "a year ago" or "a year earlier" refers
to in a results story (the last quarter named, until the story names a year or "the nine months"); and the date
TimeML gives "the following year" (a year on from the last date told in its sentence or the one before, else
from the article date).
"""

from __future__ import annotations

import re
from datetime import date

from ..types import TimeExpr
from .context import Context
from .dates import fmt_quarter, parse_value
from .expr import Timex
from .patterns import PATTERNS
from .resolve import step_value
from .rules import HANDLERS, Hit

_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d")
# Durations that cover most of a year ("the nine months", "the first six months"): a results story's period.
_YEAR_PART = re.compile(r"^P(?:[6-9]|1[01])M$")
# How many sentences back "the following year" looks for the date it counts from (else the article date).
_REFERENCE_SENTENCES = 1


def candidates(ctx: Context) -> list[tuple[int, int, int, list[Hit]]]:
    """Every accepted match of every pattern: (start, end, pattern order, hits)."""
    out = []
    for order, (name, pattern) in enumerate(PATTERNS):
        handler = HANDLERS[name]
        for m in pattern.finditer(ctx.text):
            hits = handler(m, ctx)
            if hits:
                out.append((min(h.start for h in hits), max(h.end for h in hits), order, hits))
    return out


def select(found: list[tuple[int, int, int, list[Hit]]], size: int) -> list[Hit]:
    """Longest candidates first, then earlier patterns; a candidate overlapping a kept one is dropped."""
    used = bytearray(size)
    kept: list[Hit] = []
    for start, end, _, hits in sorted(found, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if any(used[start:end]):
            continue
        used[start:end] = b"\x01" * (end - start)
        kept.extend(hits)
    kept.sort(key=lambda h: h.start)
    return kept


def _set_date(h: Hit, value: str | None, precision: str) -> None:
    """Give a hit the date settled for it: an anchored offset keeps its duration for the events stage and takes
    the date as its TimeML reading ("a year earlier": P1Y "before" / 1988-Q3)."""
    if h.relation:
        h.timeml_type, h.timeml_value = "DATE", value
    else:
        h.value, h.precision = value, precision


def _reference(hits: list[Hit], i: int, sentence_of: list[int], anchor: date | None) -> date | None:
    """The time in focus before hits[i]: the last date told in its sentence or the ones just before, else the
    article date ("On May 22, 1995, he was promoted, and the following year ...")."""
    for j in range(i - 1, -1, -1):
        o = hits[j]
        if sentence_of[i] - sentence_of[j] > _REFERENCE_SENTENCES:
            break
        if o.relation or o.type not in ("DATE", "TIME") or not o.value:
            continue
        parsed = parse_value(o.value[:10] if o.type == "TIME" else o.value)
        if parsed is not None:
            return parsed[0]
    return anchor


def settle(hits: list[Hit], ctx: Context) -> None:
    """Resolve, in place, what depends on other expressions: clock times' days, quarters in focus and the
    dates TimeML gives "the following year" and the like."""
    sentence_of = [ctx.sentence_index(h.start) for h in hits]
    for i, h in enumerate(hits):
        if h.clock and ctx.anchor is not None:
            days = [(abs(o.start - h.start), o.value[:10]) for j, o in enumerate(hits)
                    if j != i and sentence_of[j] == sentence_of[i] and o.value and o.clock is None
                    and _DAY_VALUE.match(o.value) and o.type in ("DATE", "TIME")]
            if days:
                h.value = min(days)[1] + h.clock
        if h.ref_step:
            reference = _reference(hits, i, sentence_of, ctx.anchor)
            if reference is not None:
                h.timeml_value = step_value(reference, *h.ref_step)[0]
    # The quarter in focus in a results story: the last one named, until the story names another period.
    focus: str | None = None
    for h in hits:
        if h.quarter_ref and not h.year_back and focus is not None:
            h.value = focus
        if h.period_year is not None:
            if focus is not None:
                h.value, h.precision = f"{h.period_year:04d}{focus[4:]}", "quarter"
            continue
        if (h.type == "DATE" and h.precision in ("year", "decade") and not h.year_back and not h.relation) \
                or (h.type == "DURATION" and not h.relation and _YEAR_PART.match(h.value or "")):
            focus = None  # "this year", "1988", "the nine months": the story has moved to another period
        if h.year_back and focus is not None:
            parsed = parse_value(focus)
            if parsed is not None:
                d: date = parsed[0]
                _set_date(h, fmt_quarter(d.replace(year=d.year - h.year_back)), "quarter")
                continue
        if h.type == "DATE" and h.precision == "quarter" and h.value and not h.year_back:
            focus = h.value


_DECADE = re.compile(r"^(\d{3})X$")


def _timeml(h: Hit) -> tuple[str, str | None]:
    """The hit's TimeML type and value: its own unless settled otherwise; decades as TimeML writes them."""
    typ, value = (h.timeml_type, h.timeml_value) if h.timeml_type else (h.type, h.value)
    if typ == "DATE" and value and _DECADE.match(value):
        value = value[:3]
    return typ, value


def find(text: str, anchor: date | None) -> list[TimeExpr]:
    ctx = Context(text, anchor)
    hits = select(candidates(ctx), len(text))
    settle(hits, ctx)
    out: list[TimeExpr] = []
    for h in hits:
        timeml_type, timeml_value = _timeml(h)
        out.append(Timex(
            start=h.start,
            end=h.end,
            text=text[h.start : h.end],
            type=h.type,
            value=h.value,
            precision=h.precision,
            relation=h.relation,
            approximate=h.approximate,
            timeml_type=timeml_type,
            timeml_value=timeml_value,
        ))
    return out
