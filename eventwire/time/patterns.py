"""Regular expressions that find candidate temporal expressions, compiled once at import.

Each pattern finds one family of expressions and names its parts with groups; whether a candidate is really a
time expression (a capitalised "May" after a verb, a four-digit number that is a count) and what it means is
decided by the handlers registered in `rules.py`, which can look at the words around it. Patterns are
case-sensitive where case carries meaning (month and weekday names must be capitalised, so "they march" and "may"
the modal never match) and use scoped `(?i:...)` groups elsewhere.

A pattern may match a little context the expression itself excludes (the "of" in "the summer of 2021" is part
of the expression; the "on" of "on Monday" is not, following TimeML): the expression is the `x` group when a
pattern has one, else the whole match, unless its handler trims it (the article of "the 24-hour ceasefire").
"""

from __future__ import annotations

import re

from .lexicon import APPROXIMATORS, MONTH_ABBREVIATIONS, MONTHS, ORDINALS, TENS_WORDS, UNITS, UNITS_WORDS, WEEKDAYS


def _alt(words) -> str:
    """Alternation of words, longest first so that "a couple of" is tried before "a"."""
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


def _capitalised(words) -> str:
    """Capitalised and all-capitals forms only: "July", "JULY", never "july"."""
    forms = [w.capitalize() for w in words] + [w.upper() for w in words]
    return _alt(forms)


MONTH_FULL = rf"(?:{_capitalised(MONTHS)})"
# Abbreviations take their full stop when they have one ("Sept."); without it only before a day number.
MONTH_ABBR = rf"(?:(?:{_alt(w.capitalize() for w in MONTH_ABBREVIATIONS)})\.?)"
MONTH_ANY = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY = rf"(?:{_capitalised(WEEKDAYS)})"
DAYNUM = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"

_NUM_WORD = (
    rf"(?:(?:{_alt(TENS_WORDS)})(?:[-\s](?:{_alt(w for w in UNITS_WORDS if UNITS_WORDS[w] < 10 and w != 'zero')}))?"
    rf"|{_alt(UNITS_WORDS)})"
)
NUMBER = (
    r"(?i:\d+\s+1/2|\d+½|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
    rf"|(?:{_NUM_WORD}|a|an)\s+(?:hundred|thousand)|(?:{_NUM_WORD}|an?)\s+and\s+a\s+half|{_NUM_WORD}"
    r"|a\s+dozen|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+few|several|few|many|dozens\s+of|hundreds\s+of"
    r"|thousands\s+of|a\s+number\s+of|half\s+an?|an?)"
)
_UNIT_WORDS = _alt(list(UNITS) + ["centurie"])  # "centurie" + "s" = "centuries"
UNIT = rf"(?i:{_UNIT_WORDS})"
UNIT_PLURAL = r"(?i:seconds|minutes|hours|days|nights|weeks|months|years|decades|centuries)"
APPROX = rf"(?i:{_alt(APPROXIMATORS)})"
PART = r"(?i:early|late|mid|the\s+(?:end|start|beginning|middle|turn)\s+of|end|the\s+first\s+days\s+of)"
ORDINAL_WORD = rf"(?i:{_alt(ORDINALS)})"
ISO = r"(?:(?P<iso_y>\d{4})-(?P<iso_m>\d\d)-(?P<iso_d>\d\d))"

# name -> pattern. The order breaks ties between candidates of the same length (earlier wins).
_SOURCES: dict[str, str] = {
    "iso": r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?![\d])",
    "slash": r"(?<![\w/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})(?![\w/])",
    # "3 and 4 July", "3-5 July 2022", "July 3-5", "July 3 and 4, 2022": two expressions.
    "range_dm": (
        rf"(?<![\w,.])(?P<d1>{DAYNUM})\s*(?:-|–|\s(?:and|to|through|until)\s)\s*(?P<d2>{DAYNUM})\s+(?:of\s+)?"
        rf"(?P<mon>{MONTH_ANY})(?:,?\s+(?P<y>{YEAR}))?(?![\w])"
    ),
    "range_md": (
        rf"(?P<mon>{MONTH_ANY})\s+(?P<d1>{DAYNUM})\s*(?:-|–|\s(?:and|to|through|until)\s)\s*(?P<d2>{DAYNUM})(?!\d)"
        rf"(?:,?\s+(?P<y>{YEAR}))?(?![\w])"
    ),
    "dmy": (
        rf"(?<![\w,.])(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?i:the)\s+)?(?P<d>{DAYNUM})(?:\s+of)?\s+(?P<mon>{MONTH_ANY})"
        rf"(?:,?\s+(?P<y>{YEAR}))?(?![\w])"
    ),
    "mdy": (
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH_ANY})\s+(?:the\s+)?(?P<d>{DAYNUM})(?!\d|:\d)"
        rf"(?:(?:,\s*|\s+)(?P<y>{YEAR}))?(?![\w]|,\d)"
    ),
    "month_year": (
        rf"(?:(?P<part>{PART})(?:\s+|-))?(?P<mon>{MONTH_FULL}|{MONTH_ABBR})(?:\s+of)?,?\s+(?P<y>{YEAR})"
        r"(?![\w]|[.,]\d)"
    ),
    "month_relyear": (
        rf"(?:(?P<part>{PART})(?:\s+|-))?(?P<mon>{MONTH_FULL}|{MONTH_ABBR})(?:\s+of)?,?\s+"
        r"(?P<rel>(?i:this|last|next))\s+year(?![\w'’-])"
    ),
    "spelled_year": (
        r"(?:(?P<the>(?i:the\s+year))\s+)?(?P<w>(?i:nineteen)[\s-]+(?:(?i:"
        rf"{_alt(TENS_WORDS)})(?:[\s-]+(?i:{_alt(w for w in UNITS_WORDS if 0 < UNITS_WORDS[w] < 10)}))?"
        rf"|(?i:{_alt(w for w in UNITS_WORDS if 10 <= UNITS_WORDS[w])}))"
        r"|(?i:two\s+thousand)"
        rf"(?:(?:\s+and)?[\s-]+(?i:{_alt(w for w in UNITS_WORDS if 0 < UNITS_WORDS[w])}))?)(?![\w-])"
    ),
    "decade_word": (
        r"(?P<the>(?i:the))\s+(?:(?P<part>(?i:early|mid|late))(?:\s+|-))?"
        r"(?P<w>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w-])"
    ),
    "period_end": (
        r"(?P<w>(?i:(?:the\s+)?(?:end|start|beginning|middle|rest|remainder)\s+of\s+the\s+(?P<unit>year|month|week)"
        r"|(?P<ye>year[-\s]end|year's\s+end)))(?![\w-])"
    ),
    "week_of": (
        rf"(?P<x>(?i:the)\s+week\s+of\s+(?P<mon>{MONTH_ANY})\s+(?P<d>{DAYNUM})(?!\d)(?:,?\s+(?P<y>{YEAR}))?)(?![\w])"
    ),
    "month": (
        r"(?:(?P<mod>(?i:last|next|this|that|coming|early|late|mid|end|the\s+(?:end|start|beginning|middle)\s+of"
        rf"|the\s+first\s+days\s+of))(?:\s+|-))?(?P<mon>{MONTH_FULL})(?![\w-])"
    ),
    "year": (
        rf"(?:(?P<part>{PART})(?:\s+|-))?(?:(?P<fy>(?i:fiscal(?:\s+year)?|the\s+year|calendar\s+year)\s+|FY\s?))?"
        rf"(?<![\w$£€.,#/])(?P<y>{YEAR})(?![\w%]|[.,]\d|-\d\d\d)"
    ),
    "decade": (
        r"(?:(?P<the>(?i:the))\s+)?(?:(?P<part>(?i:early|mid|late))(?:\s+|-))?"
        r"(?P<dec>(?:1[5-9]|20)\d0s|'\d0s|(?<=the\s)\d0s)(?!\w)"
    ),
    "century": (
        rf"(?:(?i:the)\s+)?(?:(?P<part>(?i:early|mid|late))(?:\s+|-))?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORD})"
        r"(?:\s+|-)(?i:century)(?!\w)"
    ),
    "quarter": (
        rf"(?:(?P<det>(?i:the|its|their|this\s+year's|last\s+year's|next\s+year's)|(?P<yq>{YEAR})(?:'s)?)\s+)?"
        r"(?:(?i:comparable|corresponding)\s+)?(?:(?P<ya>(?i:year-ago|year-earlier|year-before))\s+)?"
        r"(?:(?i:fiscal)[\s-]+)?(?P<ord>(?i:first|second|third|fourth|final|last|latest|current|previous|past"
        r"|1st|2nd|3rd|4th))(?:[\s-]+(?i:fiscal))?[\s-]+(?i:quarter)(?P<pl>s)?(?!\w)"
        rf"(?:\s+(?i:of|in)\s+(?:(?i:fiscal)\s+)?(?P<y>{YEAR}))?"
    ),
    "year_ago": (
        r"(?:(?P<the>(?i:the))\s+(?=(?i:year-ago|year-earlier)\s+(?:quarter|period|month|week|year)\b))?"
        r"(?P<w>(?i:year-ago|year-earlier))(?:\s+(?P<unit>(?i:quarter|period|month|week|year))(?![\w-]))?(?![\w-])"
    ),
    "the_quarter": (
        r"(?P<x>(?i:the)\s+quarter)(?!\w|\s+(?:of|century|mile|final))"
        rf"(?:\s+(?i:ended|ending)\s+(?P<mon>{MONTH_ANY})\s+(?P<d>{DAYNUM})(?!\d)(?:,?\s+(?P<y>{YEAR}))?)?"
    ),
    # "the same period last year", "last year's quarter": the quarter in focus, a year back
    "period_last_year": (
        r"(?P<x>(?:(?i:the)\s+)?(?i:(?:same|corresponding|comparable)\s+(?:period|quarter)\s+(?:of\s+)?last\s+year"
        r"|last\s+year's\s+(?:quarter|period)))(?![\w-])"
    ),
    # "the 1988 quarter", "the 1989 period": the period in focus, in that year
    "year_period": rf"(?P<x>(?i:the)\s+(?P<y>{YEAR})\s+(?i:quarter|period))(?![\w-])",
    "q_code": rf"(?<![\w-])(?P<q>Q[1-4])(?:\s+(?P<y>{YEAR})|\s*'(?P<yy>\d\d))?(?![\w])",
    "half": (
        r"(?:(?i:the)\s+)?(?P<ord>(?i:first|second|1st|2nd|latter|last))(?P<sep>[\s-]+)(?i:half)"
        rf"(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>(?i:this|last|next|the))\s+year))?(?!\w)"
    ),
    "season": (
        r"(?:(?P<mod>(?i:this|last|next|past|coming|early|late|mid|the|the\s+early|the\s+late|the\s+coming"
        r"|the\s+past|the\s+last|the\s+next|the\s+end\s+of\s+the|the\s+end\s+of))(?:\s+|-))?"
        rf"(?P<s>(?i:spring|summer|autumn|fall|winter))(?:\s+(?:of\s+)?(?P<y>{YEAR}))?(?![\w-])"
    ),
    "relday": (
        r"(?:(?P<mod>(?i:early|late|earlier|later))\s+)?(?P<w>(?i:today|tonight|yesterday|tomorrow))"
        r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?(?![\w])"
    ),
    "relday2": r"(?i:the\s+day\s+(?P<dir>before|after)\s+(?P<w>yesterday|tomorrow))(?!\w)",
    "daypart": (
        r"(?:(?P<mod>(?i:early|late|earlier|later))\s+)?(?P<det>(?i:this|last))\s+"
        r"(?P<part>(?i:morning|afternoon|evening|night))(?!\w)"
    ),
    "relperiod": (
        r"(?:(?P<mod>(?i:early|late|earlier|later|mid|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of"
        r"|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|end|the\s+turn\s+of))(?:\s+|-))?"
        r"(?:(?P<the>(?i:the))\s+)?(?P<rel>(?i:this|last|next|past|coming|previous|current|following|latest|present"
        r"|same))\s+(?P<unit>(?i:week|weekend|month|year|quarter|decade|century))(?![\w-])"
    ),
    "weekend": r"(?:(?i:over|at|during|on)\s+)?(?P<x>(?i:the)\s+weekend)(?![\w-])",
    "offset": (
        rf"(?:(?P<approx>{APPROX})\s+)?(?P<num>{NUMBER})(?:\s+|-)(?:(?i:more|additional|further)\s+)?"
        rf"(?P<unit>{UNIT})(?P<pl>s)?(?:\s+(?i:or\s+so))?\s+(?P<dir>(?i:ago|earlier|later|after|before|previously"
        r"|on(?=\s*[,.;:]|\s+from\s)|hence|from\s+now|beforehand|afterwards?|prior(?:\s+to)?))(?![\w])"
    ),
    "vague_ago": (
        r"(?:(?P<approx>(?i:some|many|several|a\s+few|few))\s+)?(?P<unit>(?i:days|weeks|months|years|decades))"
        r"\s+(?P<dir>(?i:ago|earlier|later|after|before))(?![\w])"
    ),
    "duration": (
        rf"(?:(?P<approx>{APPROX})\s+)?(?:(?P<the>(?i:the|its|their))\s+)?"
        r"(?:(?P<rel>(?i:past|last|next|first|coming|previous|final|following|initial|remaining|latest|preceding"
        r"|ensuing|recent|same|past\s+few|last\s+few|next\s+few|coming\s+few|first\s+few))\s+)?"
        rf"(?:(?P<num>{NUMBER})(?P<sep>\s+|-))?(?:(?i:more|additional|further|straight|consecutive|full|long"
        r"|trading|business|working|calendar)\s+)?"
        rf"(?P<unit>{UNIT})(?P<pl>s)?(?P<half>\s+(?i:and\s+a\s+half))?(?![\w])(?!-old|\s+old|-long|'s\s+time)"
    ),
    "bare_units": rf"(?P<unit>{UNIT_PLURAL})(?![\w-])",
    "set": (
        r"(?:(?P<every>(?i:every|each))\s+(?:(?P<other>(?i:other|single))\s+)?(?:(?P<num>(?i:two|three|four|five|six"
        r"|\d+))\s+)?(?P<unit>(?i:second|minute|hour|day|week|month|quarter|year|morning|afternoon|evening|night"
        r"|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday))(?P<pl>s)?(?![\w])"
        r"|(?P<adv>(?i:daily|weekly|monthly|yearly|annually|hourly|quarterly|nightly|biweekly|fortnightly))(?![\w-])"
        r"|(?:(?P<freq>(?i:once|twice|thrice|(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+times))\s+)?"
        r"(?P<per>(?i:a|per|an|each))\s+(?P<unit2>(?i:second|minute|hour|day|week|month|year))(?![\w]))"
    ),
    "clock": (
        r"(?:(?P<approx>(?i:about|around|approximately|shortly\s+after|shortly\s+before|just\s+after"
        r"|just\s+before))\s+)?(?<![\d:.])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*"
        r"(?P<ampm>(?i:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?![\w]))"
        rf"(?:\s+(?P<tz>local\s+time|GMT|UTC|[ECMP][SD]T))?(?:\s+(?:(?i:on)\s+)?(?P<wd>{WEEKDAY}|(?i:today|yesterday"
        rf"|tomorrow))|,?\s+(?:(?i:on)\s+)?(?P<cmon>{MONTH_ANY})\s+(?P<cday>{DAYNUM})(?!\d|:\d))?"
        r"|(?<![\d:.$£€])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:]|\.\d)(?:\s*(?P<tz24>hrs|hours|GMT|UTC"
        r"|local\s+time|[ECMP][SD]T))?"
        rf"|(?<![\w-])(?P<noon>(?i:noon|midday|midnight))(?:\s+(?:(?i:on)\s+)?(?P<wd2>{WEEKDAY}|(?i:today|yesterday|tomorrow)))?"
    ),
    "weekday": (
        r"(?:(?P<mod>(?i:last|next|this|that|coming|past|previous|following|early|late|earlier|later"
        r"|the\s+previous|the\s+following))\s+)?"
        rf"(?P<wd>{WEEKDAY})(?P<pl>s)?(?:\s+(?P<part>(?i:mornings?|afternoons?|evenings?|nights?)))?(?![\w])"
    ),
    "ref": (
        r"(?P<w>(?i:now|currently|at\s+present|presently|nowadays|these\s+days|recently|lately"
        r"|the\s+past|the\s+(?:near|distant|foreseeable|immediate)\s+future|the\s+future))(?![\w-])"
    ),
    "holiday": (
        r"(?:(?P<mod>(?i:last|next|this))\s+)?(?P<h>Christmas\s+(?:Day|Eve)|Christmas|New\s+Year's\s+(?:Day|Eve)"
        r"|Thanksgiving(?:\s+Day)?|Halloween|Valentine's\s+Day)(?![\w])"
    ),
}

# Every expression starts at a word start: "now" is not in "know", "Spring" not in "MindSpring".
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"(?<![\w])(?:{src})")) for name, src in _SOURCES.items()
)
RULE_ORDER: dict[str, int] = {name: i for i, (name, _) in enumerate(PATTERNS)}
