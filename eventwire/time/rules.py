"""Handlers: one per pattern, turning a regex match into zero, one or two typed, normalised hits.

A handler first decides whether the match is a time expression at all (the context checks that keep "Theresa
May", "2,000 troops", "a second attack" out), then what it means. Relative phrases get a value only when the
article date is known. Handlers never look at other matches: what needs the rest of the document (a clock time's
day, "the quarter" in a results story) is flagged on the hit and settled by `extract.py` after overlaps are
resolved.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from . import resolve
from .context import Context
from .dates import duration_value, fmt_day, fmt_week, safe_date
from .lexicon import (
    AMBIGUOUS_MONTHS,
    DAY_PARTS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    ORDINALS,
    SEASONS,
    TENS_WORDS,
    UNITS,
    UNITS_WORDS,
    WEEKDAYS,
)


@dataclass(slots=True)
class Hit:
    """A candidate expression, typed and (where possible) normalised; becomes a `TimeExpr` if selected."""

    start: int
    end: int
    type: str
    value: str | None
    precision: str = "unknown"
    relation: str | None = None
    approximate: bool = False
    rule: str = ""
    clock: str | None = None  # "T05:00": a clock time whose day comes from its sentence
    year_back: int | None = None  # "a year ago": the quarter in focus (if just mentioned), this many years back
    quarter_ref: bool = False  # "the quarter", "year-ago": refers to the quarter in focus, however far back


Handler = Callable[[re.Match[str], Context], list[Hit]]

# Words before a month or season named alone that show it is one ("in May", "since March", "last August").
_MONTH_CUES = frozenset({
    "in", "on", "since", "until", "till", "by", "from", "through", "throughout", "during", "of", "before", "after",
    "between", "early", "late", "mid", "last", "next", "this", "that", "each", "every", "for", "around", "than",
    "end", "start", "beginning", "middle", "as", "into", "late", "earlier", "later", "about", "past",
})
# List words: a cue only when a month name is close before ("between March and May", "from June to August").
_LIST_WORDS = frozenset({"and", "or", "to", "through", "until", "till", "-", "&"})
# Words before a bare four-digit number that make it a year.
_YEAR_CUES = frozenset({
    "in", "since", "by", "until", "till", "from", "through", "throughout", "during", "before", "after", "between",
    "early", "late", "mid", "of", "and", "or", "to", "around", "circa", "c", "spring", "summer", "autumn", "fall",
    "winter", "year", "fiscal", "than", "as", "into", "for", "the", "its", "their", "end", "start", "beginning",
    "december", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "pre", "post",
    "election", "elections", "census", "season", "olympics", "cup", "budget", "calendar", "mid-",
})
# Cues that also introduce counts ("of 2000 troops", "to 2000 people"): the year reading needs no noun after it.
_WEAK_YEAR_CUES = frozenset({"of", "and", "or", "to", "between", "than", "around", "as", "for", "the", "its",
                             "their", "by", "from", "into", "circa", "c"})
# Nouns counted by numbers that look like years or days ("2022 people", "March 15 troops").
_COUNT_NOUNS = frozenset({  # (verbs such as "killed" are not here: "on Aug. 7 killed 258 people" is a date)
    "people", "persons", "troops", "soldiers", "civilians", "residents", "refugees", "children", "men", "women",
    "members", "fighters", "police", "officers", "workers", "votes", "voters", "units", "homes", "houses",
    "buildings", "families", "percent", "per", "points", "times", "km", "miles", "kilometres", "kilometers",
    "metres", "meters", "tonnes", "tons", "barrels", "dollars", "euros", "pounds", "rubles", "roubles", "shares",
    "students", "patients", "cases", "deaths", "prisoners", "hostages",
    "vehicles", "tanks", "aircraft", "planes", "jobs", "seats", "feet", "acres", "hectares", "square", "km2",
    "pages", "words", "lives", "migrants", "protesters", "demonstrators", "employees", "rockets", "missiles",
    "shells", "drones", "bombs", "rounds", "years", "days", "months", "weeks", "hours", "minutes",
})
# Function words ending in "s" that are not plural nouns (for the "$5 a day" test).
_S_WORDS = frozenset({"was", "is", "has", "his", "its", "this", "as", "us", "yes", "does", "thus", "less", "unless",
                      "across", "perhaps", "plus", "always", "towards", "afterwards", "whereas", "besides", "news",
                      "various", "numerous", "serious", "previous", "famous", "nervous", "ours", "yours", "theirs",
                      "hers", "its", "this", "those", "these", "is", "was", "happens", "means", "takes", "lasts"})
_CHRISTMAS_NOUNS = frozenset({"tree", "trees", "card", "cards", "decorations", "lights", "market", "markets", "carol",
                              "carols", "shopping", "gift", "gifts", "present", "presents", "dinner", "party",
                              "parties", "song", "songs", "spirit", "music", "story", "movie", "film", "message",
                              "truce", "sales", "shoppers", "season", "holidays", "holiday", "address", "speech"})


def _norm(s: str | None) -> str | None:
    return re.sub(r"\s+", " ", s.strip().lower()) if s else None


def _month(token: str) -> int:
    t = token.lower().rstrip(".")
    return MONTHS.get(t) or MONTH_ABBREVIATIONS[t]


def _int_prefix(token: str) -> int:
    return int(re.match(r"\d+", token).group())  # type: ignore[union-attr]


def parse_number(text: str | None) -> float | None:
    """Amount a number phrase says: "three" 3, "twenty-four" 24, "1,000" 1000, "a couple of" 2, "half an" 0.5;
    None for vague quantities ("several", "a few") and for text that is not a number."""
    if text is None:
        return None
    t = _norm(text) or ""
    t = t.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    m = re.fullmatch(r"(\d+)(?:\s+1/2|½)", t)
    if m:
        return int(m.group(1)) + 0.5
    m = re.fullmatch(r"(.+?)\s+and\s+a\s+half", t)
    if m:
        head = parse_number(m.group(1))
        return None if head is None else head + 0.5
    fixed = {"a": 1, "an": 1, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "half a": 0.5,
             "half an": 0.5}
    if t in fixed:
        return float(fixed[t])
    m = re.fullmatch(r"(.+?)\s+(hundred|thousand)", t)
    if m:
        head = parse_number(m.group(1))
        return None if head is None else head * (100 if m.group(2) == "hundred" else 1000)
    parts = re.split(r"[-\s]+", t)
    if len(parts) == 1 and parts[0] in UNITS_WORDS:
        return float(UNITS_WORDS[parts[0]])
    if parts[0] in TENS_WORDS:
        total = TENS_WORDS[parts[0]]
        if len(parts) == 2 and parts[1] in UNITS_WORDS:
            total += UNITS_WORDS[parts[1]]
        elif len(parts) > 1:
            return None
        return float(total)
    return None


def _span(m: re.Match[str]) -> tuple[int, int]:
    if "x" in m.re.groupindex and m.group("x") is not None:
        return m.span("x")
    return m.span()


def _hit(m: re.Match[str], rule: str, type_: str, value: str | None, precision: str, **kw) -> Hit:
    s, e = _span(m)
    return Hit(s, e, type_, value, precision, rule=rule, **kw)


def _capitalised_neighbour(ctx: Context, start: int, end: int) -> bool:
    """A capitalised word touching the expression that makes it part of a name ("Theresa May", "Sunday Times")."""
    nxt = ctx.next_word(end)
    if nxt[:1].isupper() and ctx.text[end : end + 1] == " " and nxt.lower().rstrip(".") not in MONTHS \
            and nxt.lower().rstrip(".") not in MONTH_ABBREVIATIONS and not nxt.isupper():
        return True
    prev = ctx.prev_word(start)
    if prev[:1].isupper() and ctx.text[start - 1 : start] == " " and not ctx.at_sentence_start(start - len(prev) - 1):
        return prev.lower() not in _MONTH_CUES and prev.lower() not in WEEKDAYS
    return False


def _next_is_count_noun(ctx: Context, end: int) -> bool:
    """A count noun right after the number, with nothing but a space between ("2022 people", not "2022, people")."""
    return ctx.text[end : end + 1] == " " and ctx.next_word(end).lower() in _COUNT_NOUNS


def _rate_context(ctx: Context, start: int) -> bool:
    """True before "a day"/"a year" when it is a rate ("$5 a day", "100,000 barrels a day", "twice a year")."""
    prev = ctx.prev_word(start)
    p = prev.lower()
    if not p:
        return False
    if p[0].isdigit() or p in ("$", "£", "€", "%", "times", "once", "twice", "thrice", "percent", "cents"):
        return True
    return p.islower() and len(p) > 3 and p.endswith("s") and not p.endswith("ss") and p not in _S_WORDS


_DEADLINE_WORDS = frozenset({"by", "until", "till", "through"})


def _lean(ctx: Context, m: re.Match[str]) -> str | None:
    """The clause's tense; with no cue, a deadline preposition ("by February", "until Feb. 8") points ahead."""
    s, e = _span(m)
    lean = ctx.lean(s, e)
    if False and lean is None and ctx.prev_word(s).lower() in _DEADLINE_WORDS:
        return "future"
    return lean


# --- explicit dates -------------------------------------------------------------------------------------------

def iso(m: re.Match[str], ctx: Context) -> list[Hit]:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return []
    day = safe_date(y, mo, d)
    return [_hit(m, "iso", "DATE", fmt_day(day) if day else None, "day")]


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
    return [_hit(m, "slash", "DATE", fmt_day(day) if day else None, "day")]


def _day_date(ctx: Context, month: int, day: int, year: str | None, lean: Callable[[], str | None],
              mod: str | None = None) -> str | None:
    if year:
        d = safe_date(int(year), month, day)
        return fmt_day(d) if d else None
    if day > 31:
        return None
    if ctx.anchor is None:
        return None
    if safe_date(2000, month, day) is None:  # no such day in any year (2000 is a leap year)
        return None
    return resolve.day_month_value(ctx.anchor, month, day, lean(), mod)[0]


def day_month(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"4 July 2022", "July 4, 2022", "July 4", "the 4th of July", "Monday, July 4"."""
    month, day = _month(m["mon"]), _int_prefix(m["d"])
    if m["y"] is None and _next_is_count_noun(ctx, m.end()) and m["d"].isdigit():
        return []  # "in March 15 people died"
    value = _day_date(ctx, month, day, m["y"], lambda: _lean(ctx, m))
    return [_hit(m, "day_month", "DATE", value, "day")]


def day_range(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"3 and 4 July", "3-5 July 2022", "July 3-5": one expression per day."""
    month, d1, d2 = _month(m["mon"]), _int_prefix(m["d1"]), _int_prefix(m["d2"])
    if d1 >= d2:
        return []
    lean = _lean(ctx, m)
    v1 = _day_date(ctx, month, d1, m["y"], lambda: lean)
    v2 = _day_date(ctx, month, d2, m["y"], lambda: lean)
    # "July 3-5, 2022" -> "July 3" + "5, 2022"; "3-5 July 2022" -> "3" + "5 July 2022"
    first = Hit(m.start(), m.end("d1"), "DATE", v1, "day", rule="range")
    second = Hit(m.start("d2"), m.end(), "DATE", v2, "day", rule="range")
    return [first, second]


def month_year(m: re.Match[str], ctx: Context) -> list[Hit]:
    month = _month(m["mon"])
    return [_hit(m, "month_year", "DATE", f"{int(m['y']):04d}-{month:02d}", "month")]


def month_alone(m: re.Match[str], ctx: Context) -> list[Hit]:
    """A month with no day or year: kept only when the words around show it is one."""
    name = m["mon"].lower()
    mod = _norm(m["mod"])
    start = m.start("mon")
    if mod is None:
        if _capitalised_neighbour(ctx, start, m.end()):
            return []
        prev = ctx.prev_word(start).lower()
        after = ctx.text[m.end() : m.end() + 3]
        cue = prev in _MONTH_CUES or after[:2] in ("'s", "’s")
        if not cue and prev in _LIST_WORDS | {""}:
            cue = prev != "" and any(w in MONTHS for w in ctx.words_before(start, 5)[:-1])
        if name in AMBIGUOUS_MONTHS and not cue:
            return []
        if not cue and ctx.at_sentence_start(start) and not ctx.text[m.end() : m.end() + 1] in ",":
            return []  # "March on!" / "August is..." at the start of a sentence: too risky without a cue
    if ctx.anchor is None:
        value = None
    else:
        kind = None if mod in (None, "that", "early", "late", "mid", "end") or (mod or "").startswith("the ") else mod
        value = resolve.month_value(ctx.anchor, MONTHS[name], kind, _lean(ctx, m))[0]
    return [_hit(m, "month", "DATE", value, "month")]


def year(m: re.Match[str], ctx: Context) -> list[Hit]:
    """A four-digit year: only in date-ish context ("in 2022", "since 2014", "2014's"), never a count."""
    y = int(m["y"])
    if not (m["part"] or m["fy"]):
        start = m.start("y")
        prev = ctx.prev_word(start).lower()
        after = ctx.text[m.end() : m.end() + 3]
        if after[:2] in ("'s", "’s"):
            pass
        elif prev in _YEAR_CUES or re.fullmatch(r"(?:1[5-9]|20)\d\d", prev):
            if _next_is_count_noun(ctx, m.end()):
                return []
            nxt = ctx.next_word(m.end())
            if prev in _WEAK_YEAR_CUES and nxt[:1].islower() and ctx.text[m.end() : m.end() + 1] == " " \
                    and nxt not in ("and", "or", "to", "when", "after", "before", "until", "as", "but", "in", "on",
                                    "the", "a", "through", "with", "while", "because", "at", "for"):
                return []
            if prev == "the" and not re.search(r"(?i)\b(?:in|of|since|by|until|during|for)\s+the\s+$",
                                               ctx.text[max(0, start - 20) : start]):
                return []
        elif re.match(r"\s*[-–]\s*(?:1[5-9]|20)?\d\d\b", after + ctx.text[m.end() + 3 : m.end() + 8]) \
                and prev in _YEAR_CUES:
            pass
        else:
            return []
    return [_hit(m, "year", "DATE", f"{y:04d}", "year")]


def decade(m: re.Match[str], ctx: Context) -> list[Hit]:
    dec = m["dec"]
    if dec[0].isdigit() and len(dec) == 5:  # "1990s"
        return [_hit(m, "decade", "DATE", dec[:3] + "X", "decade")]
    digit = int(dec.strip("'")[0])
    century = 19
    if ctx.anchor is not None and 2000 + digit * 10 <= ctx.anchor.year:
        century = 20
    if dec[0] != "'" and m["the"] is None:
        return []
    return [_hit(m, "decade", "DATE", f"{century}{digit}X", "decade")]


def century(m: re.Match[str], ctx: Context) -> list[Hit]:
    o = m["ord"].lower()
    n = ORDINALS.get(o) or (_int_prefix(o) if o[0].isdigit() else None)
    if not n or n > 22:
        return []
    return [_hit(m, "century", "DATE", f"{n - 1:02d}", "unknown")]


# --- quarters, halves, seasons --------------------------------------------------------------------------------

_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def quarter(m: re.Match[str], ctx: Context) -> list[Hit]:
    o = m["ord"].lower()
    det = _norm(m["det"])
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
            value = resolve.quarter_value(anchor, q, _lean(ctx, m))[0]
            if m["ya"]:  # "the year-ago third quarter"
                value = f"{int(value[:4]) - 1:04d}{value[4:]}"
        else:
            value = None
        if m["pl"]:
            return [_hit(m, "quarter", "SET", f"XXXX-Q{q}", "quarter")]
        return [_hit(m, "quarter", "DATE", value, "quarter")]
    if anchor is None:
        return [_hit(m, "quarter", "DATE", None, "quarter")]
    if o == "current":
        return [_hit(m, "quarter", "DATE", resolve.period_value(anchor, "quarter", 0)[0], "quarter")]
    # latest, last, previous, past: the last quarter to have ended
    return [_hit(m, "quarter", "DATE", resolve.previous_quarter(anchor), "quarter")]


def the_quarter(m: re.Match[str], ctx: Context) -> list[Hit]:
    value = resolve.previous_quarter(ctx.anchor) if ctx.anchor else None
    return [_hit(m, "the_quarter", "DATE", value, "quarter", quarter_ref=True)]


def q_code(m: re.Match[str], ctx: Context) -> list[Hit]:
    q = int(m["q"][1])
    if m["y"]:
        value = f"{int(m['y']):04d}-Q{q}"
    elif m["yy"]:
        value = f"20{m['yy']}-Q{q}"
    elif ctx.anchor is not None:
        value = resolve.quarter_value(ctx.anchor, q, _lean(ctx, m))[0]
    else:
        value = None
    return [_hit(m, "q_code", "DATE", value, "quarter")]


def year_ago(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"year-ago", "the year-earlier quarter": the same period a year before (the quarter in focus, if any)."""
    value, precision = (None, "year")
    if ctx.anchor is not None:
        if _norm(m["unit"]) == "quarter":
            value, precision = resolve.previous_quarter(ctx.anchor.replace(year=ctx.anchor.year - 1)
                                                        if not (ctx.anchor.month == 2 and ctx.anchor.day == 29)
                                                        else ctx.anchor - timedelta(days=366)), "quarter"
        else:
            value = f"{ctx.anchor.year - 1:04d}"
    return [_hit(m, "year_ago", "DATE", value, precision, year_back=1, quarter_ref=True)]


def half(m: re.Match[str], ctx: Context) -> list[Hit]:
    h = 1 if m["ord"].lower() in ("first", "1st") else 2
    rel = _norm(m["rel"])
    if m["y"]:
        return [_hit(m, "half", "DATE", f"{int(m['y']):04d}-H{h}", "year")]
    if rel is None:
        # "first-half profit": the adjective use, before a lowercase noun; "the second half" of a match is not
        if "-" not in m["sep"] or not ctx.next_word(m.end())[:1].islower():
            return []
    if ctx.anchor is None:
        return [_hit(m, "half", "DATE", None, "year")]
    y = ctx.anchor.year + {"last": -1, "next": 1}.get(rel or "", 0)
    if rel is None and h == 2 and ctx.anchor.month <= 6 and _lean(ctx, m) != "future":
        y -= 1
    return [_hit(m, "half", "DATE", f"{y:04d}-H{h}", "year")]


def season(m: re.Match[str], ctx: Context) -> list[Hit]:
    word = m["s"].lower()
    code = SEASONS[word]
    mod = _norm(m["mod"])
    start, end = m.start(), m.end()
    nxt = ctx.next_word(end).lower()
    if m["y"] is None:
        if nxt == "of" or (m["s"][0].isupper() and _capitalised_neighbour(ctx, m.start("s"), end)):
            return []  # "the fall of Kabul", "the Arab Spring"
        prev = ctx.prev_word(start).lower()
        bare = mod in (None, "the", "early", "late", "mid")
        if word == "fall" and (bare and prev not in ("in", "during", "by", "until", "since", "through", "this",
                                                     "last", "next", "that", "late", "early")
                               or nxt in ("in", "from", "to", "by", "of", "on", "at")):
            return []
        if mod is None and prev not in _MONTH_CUES and nxt not in ("and", "or"):
            if not ctx.text[end : end + 2] in ("'s", "’s"):
                return []
    if m["y"]:
        value = f"{int(m['y']):04d}-{code}"
    elif ctx.anchor is None:
        value = None
    else:
        first = (mod or "").replace("the ", "") or None
        kind = first if first in resolve.PREVIOUS | resolve.FOLLOWING | resolve.CURRENT else None
        value = resolve.season_value(ctx.anchor, code, kind, _lean(ctx, m))[0]
    return [_hit(m, "season", "DATE", value, "season")]


# --- days and periods relative to the article date ------------------------------------------------------------

_RELDAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def relday(m: re.Match[str], ctx: Context) -> list[Hit]:
    w = m["w"].lower()
    if m["w"][0].isupper() and not ctx.at_sentence_start(m.start("w")) and m["mod"] is None:
        prev = ctx.prev_word(m.start("w"))
        if prev[:1].isupper():
            return []  # "USA Today", "Russia Today"
    part = _norm(m["part"])
    if w == "tonight":
        part = part or "night"
    day = ctx.anchor + timedelta(days=_RELDAY[w]) if ctx.anchor else None
    if part:
        value = f"{fmt_day(day)}T{DAY_PARTS[part]}" if day else None
        return [_hit(m, "relday", "TIME", value, "day")]
    return [_hit(m, "relday", "DATE", fmt_day(day) if day else None, "day")]


def relday2(m: re.Match[str], ctx: Context) -> list[Hit]:
    offset = -2 if m["w"].lower() == "yesterday" else 2
    day = ctx.anchor + timedelta(days=offset) if ctx.anchor else None
    return [_hit(m, "relday2", "DATE", fmt_day(day) if day else None, "day")]


def daypart(m: re.Match[str], ctx: Context) -> list[Hit]:
    det, part = m["det"].lower(), m["part"].lower()
    if det == "last" and part in ("morning", "afternoon"):
        return []
    offset = -1 if det == "last" else 0
    day = ctx.anchor + timedelta(days=offset) if ctx.anchor else None
    value = f"{fmt_day(day)}T{DAY_PARTS[part]}" if day else None
    return [_hit(m, "daypart", "TIME", value, "day")]


_PERIOD_UNIT = {"week": ("W", 1, "week"), "weekend": ("D", 2, "week"), "month": ("M", 1, "month"),
                "year": ("Y", 1, "year"), "quarter": ("Q", 1, "quarter"), "decade": ("Y", 10, "decade"),
                "century": ("Y", 100, "decade")}


def relperiod(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"this week", "last month", "next year", "earlier this month", "the past year", "the following week"."""
    rel, unit, the = m["rel"].lower(), m["unit"].lower(), m["the"] is not None
    if m["unit"][0].isupper() and not ctx.at_sentence_start(m.start()):
        return []  # "This Week" (a programme), "Next Year" in a title
    if rel == "same":
        return [_hit(m, "relperiod", "DATE", None, _PERIOD_UNIT[unit][2])]
    letter, n, precision = _PERIOD_UNIT[unit]
    if unit != "weekend" and the and m["mod"] is None and rel in ("past", "last", "coming", "next"):
        return [_hit(m, "relperiod", "DURATION", duration_value(n, letter, False), precision)]
    if unit != "weekend" and the and rel in ("previous", "following"):
        relation = "before" if rel == "previous" else "after"
        return [_hit(m, "relperiod", "DURATION", duration_value(n, letter, False), precision, relation=relation)]
    if ctx.anchor is None:
        return [_hit(m, "relperiod", "DATE", None, precision)]
    if unit == "weekend":
        kind = "this" if rel in resolve.CURRENT else rel
        value, precision = resolve.weekend_value(ctx.anchor, kind, _lean(ctx, m))
        return [_hit(m, "relperiod", "DATE", value, precision)]
    if unit == "quarter" and rel in ("latest", "last", "past", "previous"):
        return [_hit(m, "relperiod", "DATE", resolve.previous_quarter(ctx.anchor), "quarter")]
    step = -1 if rel in resolve.PREVIOUS else 1 if rel in resolve.FOLLOWING else 0
    value, precision = resolve.period_value(ctx.anchor, unit, step)
    return [_hit(m, "relperiod", "DATE", value, precision)]


def weekend(m: re.Match[str], ctx: Context) -> list[Hit]:
    value = resolve.weekend_value(ctx.anchor, None, _lean(ctx, m))[0] if ctx.anchor else None
    return [_hit(m, "weekend", "DATE", value, "week")]


_BEFORE_WORDS = frozenset({"before", "earlier", "previously", "beforehand", "prior", "prior to"})
_AFTER_WORDS = frozenset({"after", "later", "on", "afterwards", "afterward"})


def _unit_key(word: str) -> str:
    w = word.lower()
    return "century" if w.startswith("centur") else w


def offset(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"two days ago" (a date), "a day after", "nearly three months after", "a week later" (anchored offsets)."""
    unit = _unit_key(m["unit"])
    num_text = _norm(m["num"])
    amount = parse_number(num_text)
    if unit == "second" and num_text in ("a", "an"):
        return []
    letter, is_time, mult, precision = UNITS[unit]
    approximate = m["approx"] is not None
    direction = _norm(m["dir"])
    if direction == "ago" or direction in ("hence", "from now"):
        if amount is None:
            value = "PAST_REF" if direction == "ago" else "FUTURE_REF"
            return [_hit(m, "offset", "DATE", value, "unknown", approximate=approximate)]
        if ctx.anchor is None:
            return [_hit(m, "offset", "DATE", None, precision if precision != "decade" else "year",
                         approximate=approximate)]
        value, prec = resolve.ago_value(ctx.anchor, amount, unit, -1 if direction == "ago" else 1)
        year_back = 1 if (direction == "ago" and unit == "year" and amount == 1) else None
        return [_hit(m, "offset", "DATE", value, prec, approximate=approximate, year_back=year_back)]
    relation = "before" if direction in _BEFORE_WORDS else "after"
    value = duration_value(None if amount is None else amount * mult, letter, is_time)
    return [_hit(m, "offset", "DURATION", value, precision, relation=relation, approximate=approximate)]


def vague_ago(m: re.Match[str], ctx: Context) -> list[Hit]:
    unit = _unit_key(m["unit"].lower().rstrip("s"))
    direction = m["dir"].lower()
    if direction == "ago":
        return [_hit(m, "vague_ago", "DATE", "PAST_REF", "unknown")]
    letter, is_time, _, precision = UNITS[unit]
    relation = "before" if direction in _BEFORE_WORDS else "after"
    return [_hit(m, "vague_ago", "DURATION", duration_value(None, letter, is_time), precision, relation=relation)]


# --- durations and sets ---------------------------------------------------------------------------------------

_ANCHORED_REL = {"next": "after", "following": "after", "previous": "before", "preceding": "before"}


def duration(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"three months", "48 hours", "the past two weeks", "a two-year", "several years", "the next day"."""
    unit = _unit_key(m["unit"])
    num_text = _norm(m["num"])
    the = _norm(m["the"])
    rel = _norm(m["rel"])
    plural = m["pl"] is not None
    if num_text is None and rel is None:
        return []  # "year", "the year", "its quarter": not a duration
    if unit == "second" and num_text in (None, "a", "an"):
        return []  # "a second attack", "the second day"
    if num_text is None and rel in ("first", "final", "initial", "same", "latest") and not plural:
        if rel == "same":
            return [_hit(m, "duration", "DATE", None, UNITS[unit][3])]
        return []  # "the first day", "the final week": a point, anchored on something we cannot see
    if num_text in ("a", "an") and the is None and rel is None and _rate_context(ctx, m.start()):
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
    elif amount is None and num_text not in ("several", "few", "many", "a few", "dozens of", "hundreds of",
                                             "a number of"):
        return []
    if num_text == "one" and unit == "day" and not plural and ctx.prev_word(m.start()).lower() in _MODALS:
        return [_hit(m, "duration", "DATE", "FUTURE_REF", "unknown")]  # "Russia might one day attack"
    if num_text is None and plural and rel in ("recent", "coming"):
        # "in recent weeks", "coming months": a vague point in the past or future rather than a length
        return [_hit(m, "duration", "DATE", "PAST_REF" if rel == "recent" else "FUTURE_REF", "unknown")]
    value = duration_value(None if amount is None else amount * mult, letter, is_time)
    start = m.start()
    approx = _norm(m["approx"])
    if approx and approx in ("over", "within", "under", "in") and m["the"] is not None:
        start = m.start("the")
        approx = None
    relation = None
    if num_text is None and not plural and rel in _ANCHORED_REL and the == "the":
        relation = _ANCHORED_REL[rel]
    return [Hit(start, m.end(), "DURATION", value, precision, relation=relation, approximate=approx is not None,
                rule="duration")]


_MODALS = frozenset({"will", "would", "may", "might", "could", "should", "can", "must", "to", "shall"})
_BARE_UNIT_CUES = frozenset({"for", "over", "in", "within", "after", "before", "took", "take", "takes", "taking",
                             "lasted", "lasting", "spent", "spend", "spending", "about", "than", "recent"})


def bare_units(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"for years", "within days", "in months": vague durations."""
    if ctx.prev_word(m.start()).lower() not in _BARE_UNIT_CUES:
        return []
    unit = _unit_key(m["unit"][:-1] if m["unit"].lower() != "centuries" else "century")
    letter, is_time, _, precision = UNITS[unit]
    return [_hit(m, "bare_units", "DURATION", duration_value(None, letter, is_time), precision)]


_ADVERB_SET = {"daily": ("P1D", "day"), "weekly": ("P1W", "week"), "monthly": ("P1M", "month"),
               "yearly": ("P1Y", "year"), "annually": ("P1Y", "year"), "hourly": ("PT1H", "day"),
               "quarterly": ("P1Q", "quarter"), "nightly": ("P1D", "day"), "biweekly": ("P2W", "week"),
               "fortnightly": ("P2W", "week")}


_ADJECTIVE_SET_PREV = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "average", "initial", "first",
                                 "regular", "usual", "normal", "latest", "last", "previous", "same", "this", "that"})


def set_(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"every week", "daily", "twice a month", "$5 a day", "every Monday"."""
    if m["adv"]:
        if _capitalised_neighbour(ctx, m.start(), m.end()) or ctx.next_word(m.end())[:1].isupper():
            return []  # "Daily Mail", "the party daily Granma"
        if ctx.prev_word(m.start()).lower() in _ADJECTIVE_SET_PREV:
            return []  # "its quarterly dividend", "average daily volume": an adjective, not a recurrence
        value, precision = _ADVERB_SET[m["adv"].lower()]
        return [_hit(m, "set", "SET", value, precision)]
    if m["every"]:
        unit = m["unit"].lower()
        if unit in WEEKDAYS:
            return [_hit(m, "set", "SET", f"XXXX-WXX-{WEEKDAYS[unit]}", "day")]
        if unit in DAY_PARTS:
            return [_hit(m, "set", "SET", f"XXXX-XX-XXT{DAY_PARTS[unit]}", "day")]
        if unit == "weekend":
            return [_hit(m, "set", "SET", "XXXX-WXX-WE", "week")]
        letter, is_time, mult, precision = UNITS[unit]
        n = parse_number(m["num"]) if m["num"] else 1
        if m["other"] and m["other"].lower() == "other":
            n = 2
        return [_hit(m, "set", "SET", duration_value((n or 1) * mult, letter, is_time), precision)]
    per = m["per"].lower()
    if not m["freq"] and per in ("a", "an") and not _rate_context(ctx, m.start()):
        return []
    unit = m["unit2"].lower()
    letter, is_time, mult, precision = UNITS[unit]
    return [_hit(m, "set", "SET", duration_value(mult, letter, is_time), precision)]


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
    return resolve.weekday_value(ctx.anchor, WEEKDAYS[w], None, _lean(ctx, m))


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
            day_value = _day_date(ctx, _month(m["cmon"]), _int_prefix(m["cday"]), None, lambda: _lean(ctx, m))
            return [_hit(m, "clock", "TIME", f"{day_value}{suffix}" if day_value else None, "day",
                         approximate=approximate)]
    if named:
        day = _named_day(ctx, m, named)
        return [_hit(m, "clock", "TIME", f"{fmt_day(day)}{suffix}" if day else None, "day", approximate=approximate)]
    value = f"{fmt_day(ctx.anchor)}{suffix}" if ctx.anchor else None
    return [_hit(m, "clock", "TIME", value, "day", approximate=approximate, clock=suffix)]


_DAY_NAME_PREFIXES = frozenset({"bloody", "super", "cyber", "black", "manic", "blue"})


def _weekday_in_name(ctx: Context, start: int, end: int) -> bool:
    """"Bloody Sunday", "Super Tuesday", "The Sunday Times". News style puts weekdays after names ("Iraq Friday",
    "President Clinton Saturday"), so a capitalised word before is no reason to reject on its own."""
    prev = ctx.prev_word(start)
    if prev.lower() in _DAY_NAME_PREFIXES and prev[:1].isupper():
        return True
    nxt = ctx.next_word(end)
    return (nxt[:1].isupper() and ctx.text[end : end + 1] == " " and nxt.lower() not in _MONTH_CUES
            and nxt.lower().rstrip(".") not in MONTHS and nxt.lower().rstrip(".") not in MONTH_ABBREVIATIONS
            and (prev.lower() == "the" or not prev))


def weekday(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"Saturday", "last Friday", "next Monday", "Monday morning", "Mondays" (a set)."""
    wd = WEEKDAYS[m["wd"].lower()]
    mod = _norm(m["mod"])
    if mod is None and _weekday_in_name(ctx, m.start("wd"), m.end()):
        return []  # "Bloody Sunday", "the Sunday Times"
    part = _norm(m["part"])
    if m["pl"] or (part and part.endswith("s")):
        suffix = f"T{DAY_PARTS[part.rstrip('s')]}" if part else ""
        return [_hit(m, "weekday", "SET", f"XXXX-WXX-{wd}{suffix}", "day")]
    if ctx.anchor is None:
        return [_hit(m, "weekday", "TIME" if part else "DATE", None, "day")]
    kind = mod.replace("the ", "") if mod else None
    if kind in ("early", "late", "earlier", "later", "that"):
        kind = None
    day = resolve.weekday_value(ctx.anchor, wd, kind, _lean(ctx, m))
    if part:
        return [_hit(m, "weekday", "TIME", f"{fmt_day(day)}T{DAY_PARTS[part]}", "day")]
    return [_hit(m, "weekday", "DATE", fmt_day(day), "day")]


_REF = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
        "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
        "previously": "PAST_REF", "formerly": "PAST_REF", "the past": "PAST_REF", "soon": "FUTURE_REF"}


def ref(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"now", "currently" (PRESENT_REF), "recently", "the past" (PAST_REF), "soon", "the future" (FUTURE_REF)."""
    w = _norm(m["w"]) or ""
    value = _REF.get(w, "FUTURE_REF")
    if w == "now" and m["w"][0] == "N" and _capitalised_neighbour(ctx, m.start(), m.end()):
        return []
    return [_hit(m, "ref", "DATE", value, "unknown")]


def _thanksgiving(year: int) -> date:
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
             "new year's eve": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14)}


def holiday(m: re.Match[str], ctx: Context) -> list[Hit]:
    name = _norm(m["h"]) or ""
    if name == "christmas" and ctx.next_word(m.end()).lower() in _CHRISTMAS_NOUNS:
        return []
    if ctx.anchor is None:
        return [_hit(m, "holiday", "DATE", None, "day")]
    mod = _norm(m["mod"])
    if name.startswith("thanksgiving"):
        this_year = _thanksgiving(ctx.anchor.year)
        lean = _lean(ctx, m)
        if mod == "last" or (mod is None and lean != "future" and this_year > ctx.anchor):
            day = this_year if this_year < ctx.anchor else _thanksgiving(ctx.anchor.year - 1)
        elif mod == "next" and this_year <= ctx.anchor:
            day = _thanksgiving(ctx.anchor.year + 1)
        else:
            day = this_year
        return [_hit(m, "holiday", "DATE", fmt_day(day), "day")]
    month, d = _HOLIDAYS[name]
    kind = mod if mod in ("last", "next", "this") else None
    value = resolve.day_month_value(ctx.anchor, month, d, _lean(ctx, m), kind)[0]
    return [_hit(m, "holiday", "DATE", value, "day")]


# --- further date forms ---------------------------------------------------------------------------------------

def month_relyear(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"January this year", "June last year", "April next year"."""
    if ctx.anchor is None:
        return [_hit(m, "month_relyear", "DATE", None, "month")]
    y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return [_hit(m, "month_relyear", "DATE", f"{y:04d}-{_month(m['mon']):02d}", "month")]


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
    return [_hit(m, "spelled_year", "DATE", f"{y:04d}", "year")]


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def decade_word(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"the nineties": the latest such decade not after the article (the 1900s when the date is unknown)."""
    digit = _DECADE_WORDS[m["w"].lower()]
    century = 19
    if ctx.anchor is not None and 2000 + 10 * digit <= ctx.anchor.year:
        century = 20
    return [_hit(m, "decade_word", "DATE", f"{century}{digit}X", "decade")]


def period_end(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"the end of the year", "the rest of the month", "year-end": the current period."""
    unit = "year" if m["ye"] else m["unit"].lower()
    if ctx.anchor is None:
        return [_hit(m, "period_end", "DATE", None, unit)]
    value, precision = resolve.period_value(ctx.anchor, unit, 0)
    return [_hit(m, "period_end", "DATE", value, precision)]


def week_of(m: re.Match[str], ctx: Context) -> list[Hit]:
    """"the week of March 6": the ISO week holding that day."""
    value = _day_date(ctx, _month(m["mon"]), _int_prefix(m["d"]), m["y"], lambda: _lean(ctx, m))
    if value is None:
        return [_hit(m, "week_of", "DATE", None, "week")]
    return [_hit(m, "week_of", "DATE", fmt_week(date.fromisoformat(value)), "week")]


HANDLERS: dict[str, Handler] = {
    "iso": iso, "slash": slash, "range_dm": day_range, "range_md": day_range, "dmy": day_month, "mdy": day_month,
    "month_year": month_year, "month": month_alone, "year": year, "decade": decade, "century": century,
    "quarter": quarter, "year_ago": year_ago, "the_quarter": the_quarter, "q_code": q_code, "half": half,
    "season": season, "relday": relday, "relday2": relday2, "daypart": daypart, "relperiod": relperiod,
    "weekend": weekend, "offset": offset, "vague_ago": vague_ago, "duration": duration, "bare_units": bare_units,
    "set": set_, "clock": clock, "weekday": weekday, "ref": ref, "holiday": holiday,
    "month_relyear": month_relyear, "spelled_year": spelled_year, "decade_word": decade_word,
    "period_end": period_end, "week_of": week_of,
}
