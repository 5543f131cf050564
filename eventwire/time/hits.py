"""What the rule handlers share: the `Hit` they return and helpers that read numbers, names and neighbours.

A handler (in `rules_calendar.py`, `rules_relative.py`, `rules_amounts.py`) turns one regex match into zero, one
or two hits; these helpers hold the checks several of them need, so that "a capitalised neighbour makes it a
name" or "the clause leans to the future" means the same everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import resolve
from .context import Context
from .dates import fmt_day, safe_date
from .lexicon import MONTH_ABBREVIATIONS, MONTHS, TENS_WORDS, UNITS_WORDS, WEEKDAYS


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
    # TimeML reading where it differs from type/value (an anchored offset TimeML writes as the date it points to)
    timeml_type: str | None = None
    timeml_value: str | None = None
    period_year: int | None = None  # "the 1988 quarter": the quarter in focus, in this year
    ref_step: tuple[str, int] | None = None  # "the following year": ("year", +1) from the time in focus


Handler = Callable[[re.Match[str], Context], list[Hit]]

# Words before a month or season named alone that show it is one ("in May", "since March", "last August").
MONTH_CUES = frozenset({
    "in", "on", "since", "until", "till", "by", "from", "through", "throughout", "during", "of", "before", "after",
    "between", "early", "late", "mid", "last", "next", "this", "that", "each", "every", "for", "around", "than",
    "end", "start", "beginning", "middle", "as", "into", "earlier", "later", "about", "past",
})
# Nouns counted by numbers that look like years or days ("2022 people", "March 15 troops").
COUNT_NOUNS = frozenset({  # (verbs such as "killed" are not here: "on Aug. 7 killed 258 people" is a date)
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
                      "hers", "those", "these", "happens", "means", "takes", "lasts"})


def norm(s: str | None) -> str | None:
    """Lowercased, single-spaced: "Last  Week" -> "last week"."""
    return re.sub(r"\s+", " ", s.strip().lower()) if s else None


def month_of(token: str) -> int:
    t = token.lower().rstrip(".")
    return MONTHS.get(t) or MONTH_ABBREVIATIONS[t]


def int_prefix(token: str) -> int:
    return int(re.match(r"\d+", token).group())  # type: ignore[union-attr]


def parse_number(text: str | None) -> float | None:
    """Amount a number phrase says: "three" 3, "twenty-four" 24, "1,000" 1000, "a couple of" 2, "half an" 0.5;
    None for vague quantities ("several", "a few") and for text that is not a number."""
    if text is None:
        return None
    t = norm(text) or ""
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


def span(m: re.Match[str]) -> tuple[int, int]:
    if "x" in m.re.groupindex and m.group("x") is not None:
        return m.span("x")
    return m.span()


def make_hit(m: re.Match[str], rule: str, type_: str, value: str | None, precision: str, **kw) -> Hit:
    s, e = span(m)
    return Hit(s, e, type_, value, precision, rule=rule, **kw)


def capitalised_neighbour(ctx: Context, start: int, end: int) -> bool:
    """A capitalised word touching the expression that makes it part of a name ("Theresa May", "Sunday Times")."""
    nxt = ctx.next_word(end)
    if nxt[:1].isupper() and ctx.text[end : end + 1] == " " and nxt.lower().rstrip(".") not in MONTHS \
            and nxt.lower().rstrip(".") not in MONTH_ABBREVIATIONS and not nxt.isupper():
        return True
    prev = ctx.prev_word(start)
    if prev[:1].isupper() and ctx.text[start - 1 : start] == " " and not ctx.at_sentence_start(start - len(prev) - 1):
        return prev.lower() not in MONTH_CUES and prev.lower() not in WEEKDAYS
    return False


def next_is_count_noun(ctx: Context, end: int) -> bool:
    """A count noun right after the number, with nothing but a space between ("2022 people", not "2022, people")."""
    return ctx.text[end : end + 1] == " " and ctx.next_word(end).lower() in COUNT_NOUNS


def rate_context(ctx: Context, start: int) -> bool:
    """True before "a day"/"a year" when it is a rate ("$5 a day", "100,000 barrels a day", "twice a year")."""
    prev = ctx.prev_word(start)
    p = prev.lower()
    if not p:
        return False
    if p[0].isdigit() or p in ("$", "£", "€", "%", "times", "once", "twice", "thrice", "percent", "cents"):
        return True
    return p.islower() and len(p) > 3 and p.endswith("s") and not p.endswith("ss") and p not in _S_WORDS


# Prepositions of a deadline: with a month and no other cue, the month ahead is meant ("by February").
DEADLINE_WORDS = frozenset({"by", "until", "till", "through"})


def clause_lean(ctx: Context, m: re.Match[str], deadline: bool = False) -> str | None:
    """The clause's tense. With `deadline`, a deadline preposition and no other cue ("by February", "through
    January") points ahead, and in a past-tense clause means the nearer occurrence ("near": "gave them until
    November" written in October); used for month names only, as a day named after "until" is as often just past.
    After "since" the time is always behind ("has been on patrol since March and was scheduled to return")."""
    s, e = span(m)
    prev = ctx.prev_word(s).lower()
    if prev == "since":
        return "past"  # "since March", "since Friday": whatever the clause's tense, the time is behind
    lean = ctx.lean(s, e)
    if deadline and prev in DEADLINE_WORDS:
        if lean is None:
            return "future"
        if lean == "past":
            return "near"  # "gave them until November", "extended the loans through January"
    return lean


def day_date(ctx: Context, month: int, day: int, year: str | None, lean: Callable[[], str | None],
             mod: str | None = None) -> str | None:
    """Value of a day and month, with the year given or chosen against the article date (`lean` is called only
    then); None for a day that does not exist ("31 February") or an undated day with no article date."""
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


def unit_key(word: str) -> str:
    """Key into `lexicon.UNITS` for a unit word without its plural "s" ("centurie" -> "century")."""
    w = word.lower()
    return "century" if w.startswith("centur") else w


# Words before "one day" that make it a vague future ("Russia might one day attack").
MODALS = frozenset({"will", "would", "may", "might", "could", "should", "can", "must", "to", "shall"})
