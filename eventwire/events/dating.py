"""Which time expression dates which trigger.

A date belongs to the trigger it modifies in the tree, not to the nearest trigger on the line: in "Putin on Monday
congratulated the troops on liberating Luhansk", Monday dates the congratulation, and the liberation gets no date of
its own. Climbing from a trigger to find a date stops at any other trigger for that reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..time import shift as shift_value
from ..types import ParsedDoc, TimeExpr

ANCHOR_WORDS = {"after", "before"}
SPEECH_VERBS = {"say", "tell", "announce", "report", "state", "add", "write", "claim", "confirm", "allege", "deny",
                "insist", "declare", "post"}


@dataclass(slots=True)
class DateInfo:
    value: str | None  # "YYYY-MM-DD", first day of the period
    precision: str
    text: str | None
    inherited: bool


PERIOD_DAYS = {"day": 0, "week": 6, "month": 30, "season": 91, "quarter": 91, "year": 365, "decade": 3652}


def period_end(start: dt.date, precision: str) -> dt.date:
    """The last day of the period a date of this precision starts."""
    return start + dt.timedelta(days=PERIOD_DAYS.get(precision, 0))


def to_day(value: str | None) -> tuple[str | None, str]:
    """A TimeML value as (first day "YYYY-MM-DD", precision); (None, "unknown") when it names no period."""
    if not value:
        return None, "unknown"
    v = value.split("T")[0]
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
        return v, "day"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", v):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday.isoformat(), "week"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
        return f"{m[1]}-{m[2]}-01", "month"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
        return f"{m[1]}-{(int(m[2]) - 1) * 3 + 1:02d}-01", "quarter"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
        month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m[2]]
        return f"{m[1]}-{month:02d}-01", "season"
    if m := re.fullmatch(r"(\d{4})", v):
        return f"{m[1]}-01-01", "year"
    if m := re.fullmatch(r"(\d{3})X", v):
        return f"{m[1]}0-01-01", "decade"
    return None, "unknown"


class Dater:
    def __init__(self, parsed: ParsedDoc, timexes: list[TimeExpr], triggers: set[int]):
        self.p = parsed
        self.toks = parsed.tokens
        self.triggers = triggers
        published = parsed.doc.published
        self.article = DateInfo(published.isoformat() if published else None, "day" if published else "unknown",
                                None, True)
        self.attached: list[tuple[int, TimeExpr]] = []  # (head token, timex) for dated expressions
        # (anchored clause head, main clause head, timex); clause None for "a day later" (after the last date told)
        self.anchors: list[tuple[int | None, int, TimeExpr]] = []
        for tx in timexes:
            span = self._span(tx)
            if not span:
                continue
            if tx.relation:
                self._add_anchor(span, tx)
            elif tx.type in ("DATE", "TIME") and to_day(tx.value)[0]:
                self.attached.append((self._head(span), tx))

    def _span(self, tx: TimeExpr) -> list[int]:
        return list(self.p.tokens_in(tx.start, tx.end))

    def _head(self, span: list[int]) -> int:
        inside = set(span)
        for i in span:
            if self.toks[i].head not in inside or self.toks[i].head == i:
                return i
        return span[-1]

    def _add_anchor(self, span: list[int], tx: TimeExpr) -> None:
        last = self.toks[span[-1]]
        if last.text.lower() in ("later", "earlier"):
            # "withdrew a day later": relative to the last date the text gave; no clause names the anchor.
            host = self.toks[self._head(span)].head
            self.anchors.append((None, host, tx))
            return
        if last.text.lower() not in ANCHOR_WORDS:
            return
        if last.dep == "mark":
            clause = last.head
        else:
            clause = next((c for c in self.p.children[last.i] if self.toks[c].dep in ("pobj", "pcomp")), None)
            if clause is None:
                return
        main = self.toks[clause].head if last.dep == "mark" else self.toks[last.i].head
        if main == clause:
            return
        self.anchors.append((clause, main, tx))

    def _chain(self, i: int) -> list[int]:
        """Tokens above token i, up to and including the first trigger."""
        out = []
        j = i
        for _ in range(32):
            h = self.toks[j].head
            if h == j:
                break
            if self.toks[j].dep in ("relcl", "appos") and h not in self.triggers:
                break  # "X, who won in 2016, was killed": 2016 dates the winning, not the killing
            if self.toks[j].dep == "acl" and self.toks[h].dep == "pobj" \
                    and self.toks[self.toks[h].head].text.lower() == "with":
                out.append(h)  # "they talked, with more meetings scheduled on Tuesday": Tuesday dates the
                break  # meetings, not the talking
            if self.toks[j].dep == "advcl" and any(self.toks[c].dep == "mark" and self.toks[c].text.lower()
                                                   in ("if", "unless") for c in self.p.children[j]):
                break  # "promised support if senators approve it on Tuesday": Tuesday dates the condition
            out.append(h)
            if h in self.triggers:
                break
            j = h
        return out

    def _own(self, head: int) -> list[tuple[int, TimeExpr]]:
        """(distance, expression) for the time expressions that modify this trigger itself."""
        return [(abs(h - head), tx) for h, tx in self.attached if h == head or head in self._chain(h)]

    def dates_itself(self, head: int) -> bool:
        """Whether a time expression modifies this trigger itself ("the occupation of Kherson in March"), not only
        the clause around it ("a march against the occupation was held on Friday")."""
        return bool(self._own(head))

    def date_of(self, head: int) -> DateInfo:
        """The date of the expression that modifies this trigger; else of its clause; else the article's."""
        own = self._own(head)
        if own:
            return self._info(min(own, key=lambda x: x[0])[1])
        # A date on the clause above, reached without crossing another trigger.
        j = head
        for _ in range(32):
            h = self.toks[j].head
            if h == j or h in self.triggers:
                break
            if self.toks[h].lemma.lower() in SPEECH_VERBS and self.toks[j].dep in ("ccomp", "parataxis"):
                break  # "X withdrew, a spokesman said on Monday": Monday dates the saying
            j = h
            near = [tx for th, tx in self.attached if j in self._chain(th) and not (set(self._chain(th)) & self.triggers)
                    and not self._ahead(th, j)]
            if near:
                return self._info(near[0])
        return self.article

    def _ahead(self, i: int, clause: int) -> bool:
        """Token i lies in a "to" infinitive below the clause head: "as well as meeting Tusk, the UK will offer to
        deploy a squadron next year" (the year is the squadron's, still ahead, not the meeting's)."""
        j = i
        for _ in range(32):
            if j == clause:
                return False
            t = self.toks[j]
            if t.dep in ("xcomp", "advcl") and any(self.toks[c].dep == "aux" and self.toks[c].tag == "TO"
                                                   for c in self.p.children[j]):
                return True
            if t.head == j:
                return False
            j = t.head
        return False

    def plan_date(self, info: DateInfo) -> DateInfo:
        """The date of an event still to come: a date over before the article was written cannot be it ("will not
        be invited to the anniversary of the 1944 landings": 1944 dates the landings), so the article's stands."""
        published = self.p.doc.published
        if info.inherited or info.value is None or published is None:
            return info
        if period_end(dt.date.fromisoformat(info.value), info.precision) < published:
            return self.article
        return info

    def _info(self, tx: TimeExpr) -> DateInfo:
        day, precision = to_day(tx.value)
        return DateInfo(day, precision, tx.text, False)

    def in_clause(self, head: int, clause: int) -> bool:
        """Whether a trigger belongs to the clause headed at `clause` (no other trigger in between)."""
        j = head
        for _ in range(8):
            if j == clause:
                return True
            h = self.toks[j].head
            if h == j or (j != head and j in self.triggers):
                return False
            j = h
        return False

    def shift(self, value: str | None, precision: str, tx: TimeExpr) -> tuple[str | None, str]:
        """Apply "a week after" to a date: the named event is a week before it."""
        if value is None or not tx.value:
            return None, "unknown"
        moved, prec = shift_value(value, precision, tx.value, tx.relation or "after")
        day, p2 = to_day(moved)
        return day, prec or p2
