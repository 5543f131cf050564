"""Run every pattern, keep the best non-overlapping candidates, settle what depends on the rest of the document.

Candidates from different patterns often overlap ("three months" inside "nearly three months after", "2022" inside
"July 2022"): the longest wins, ties going to the pattern listed first in `patterns.py`. Two things are settled
only once the expressions are chosen, because they depend on other expressions: a clock time's day (the day its
sentence names, else the article date) and the quarter that "the quarter" or "a year ago" refers to in a
results story (the last quarter mentioned, when there is one).
"""

from __future__ import annotations

import re
from datetime import date

from ..types import TimeExpr
from .context import Context
from .dates import fmt_quarter, parse_value
from .patterns import PATTERNS
from .rules import HANDLERS, Hit

_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d")
# How many sentences back a mentioned quarter stays "in focus" for "a year ago" ("year-ago" looks back any distance).
_FOCUS_SENTENCES = 1


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


def settle(hits: list[Hit], ctx: Context) -> None:
    """Resolve, in place, what depends on other expressions: clock times' days and quarters in focus."""
    sentence_of = [ctx.sentence_index(h.start) for h in hits]
    for i, h in enumerate(hits):
        if h.clock and ctx.anchor is not None:
            days = [(abs(o.start - h.start), o.value[:10]) for j, o in enumerate(hits)
                    if j != i and sentence_of[j] == sentence_of[i] and o.value and o.clock is None
                    and _DAY_VALUE.match(o.value) and o.type in ("DATE", "TIME")]
            if days:
                h.value = min(days)[1] + h.clock
    focus: tuple[str, int] | None = None
    for i, h in enumerate(hits):
        if h.quarter_ref and not h.year_back and focus is not None:
            h.value = focus[0]
        near = focus is not None and (h.quarter_ref or sentence_of[i] - focus[1] <= _FOCUS_SENTENCES)
        if h.year_back and focus is not None and near:
            parsed = parse_value(focus[0])
            if parsed is not None:
                d: date = parsed[0]
                h.value, h.precision = fmt_quarter(d.replace(year=d.year - h.year_back)), "quarter"
                continue
        if h.type == "DATE" and h.precision == "quarter" and h.value and not h.year_back:
            focus = (h.value, sentence_of[i])


def find(text: str, anchor: date | None) -> list[TimeExpr]:
    ctx = Context(text, anchor)
    hits = select(candidates(ctx), len(text))
    settle(hits, ctx)
    return [
        TimeExpr(
            start=h.start,
            end=h.end,
            text=text[h.start : h.end],
            type=h.type,
            value=h.value,
            precision=h.precision,
            relation=h.relation,
            approximate=h.approximate,
        )
        for h in hits
    ]
