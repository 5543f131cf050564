"""Word tables for the time stage: month, weekday, number, unit and cue words.

Kept apart from the regular expressions so that a word added here reaches every pattern that uses it, and so
that the resolution code can look words up (``MONTHS["sept"] == 9``) with the same tables the patterns were
built from.
"""

from __future__ import annotations

# Full month names and the abbreviations news copy uses (AP style: "Sept.", "Aug."). "May", "June" and "July"
# have no abbreviation.
MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Month names that are also common English words or names: alone (no day, no year) they need a cue.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "august", "june", "april"})

WEEKDAYS: dict[str, int] = {  # ISO weekday numbers, Monday = 1
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}

# TimeML part-of-day codes.
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}

# Season codes and the month each one starts in (meteorological seasons, northern hemisphere).
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_START_MONTH: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
# Quantity words with no exact number: they make vague durations ("several years" -> PXY).
VAGUE_QUANTITIES = frozenset({"several", "a few", "few", "many", "a number of", "dozens of", "hundreds of",
                              "thousands of"})

# Time units: TimeML letter, whether it sits after the "T" of a duration, how many of the letter one unit makes,
# and the date precision an offset of that unit leaves.
UNITS: dict[str, tuple[str, bool, int, str]] = {
    "second": ("S", True, 1, "day"),
    "minute": ("M", True, 1, "day"),
    "hour": ("H", True, 1, "day"),
    "day": ("D", False, 1, "day"),
    "night": ("D", False, 1, "day"),
    "week": ("W", False, 1, "week"),
    "fortnight": ("W", False, 2, "week"),
    "month": ("M", False, 1, "month"),
    "quarter": ("Q", False, 1, "quarter"),
    "year": ("Y", False, 1, "year"),
    "decade": ("Y", False, 10, "decade"),
    "century": ("Y", False, 100, "decade"),
}

# Words before a number that make the amount approximate or a bound: they belong to the expression (as in
# TimeML) and set `approximate` ("nearly three months", "more than a year", "within 18 months").
APPROXIMATORS = (
    "nearly", "almost", "about", "around", "roughly", "approximately", "some", "close to", "more than",
    "less than", "fewer than", "over", "under", "at least", "at most", "up to", "just over", "just under",
    "well over", "within", "the better part of",
)

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "gov", "sen", "rep", "st", "mt",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "inc", "corp",
    "co", "ltd", "jr", "sr", "vs", "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m", "approx", "est", "ft",
})

# Words that point the clause to the future ("will ... on Friday", "is due on", "plans to"). Words that are as
# often nouns or past tenses ("plans", "planned", "due to" = because of) only count in the pairs below.
FUTURE_CUES = frozenset({
    "will", "shall", "upcoming", "scheduled", "slated", "expected", "expects", "would", "next", "coming",
    "tomorrow", "payable", "effective", "expire", "expires", "ahead",
    "must", "should", "might", "postponed", "rescheduled", "planning",
})
# Promising: what is promised lies ahead ("vowed to retake it in June"), but the promise itself is dated like any
# other act ("In February, he vowed to ...", "vowed in February to ...").
PROMISE_CUES = frozenset({"promised", "promises", "vowed", "vows", "pledged", "pledges"})
FUTURE_BIGRAMS = frozenset({
    ("is", "to"), ("are", "to"), ("set", "to"), ("set", "for"), ("going", "to"), ("hopes", "to"), ("hope", "to"),
    ("ready", "to"), ("as", "soon"), ("as", "early"), ("supposed", "to"), ("to", "be"), ("plans", "to"),
    ("plan", "to"), ("aims", "to"), ("aim", "to"), ("intends", "to"), ("intend", "to"), ("is", "due"),
    ("are", "due"), ("is", "planned"), ("are", "planned"), ("is", "set"), ("are", "set"), ("due", "on"),
    ("due", "in"), ("planned", "for"), ("planned", "to"),
})
# A future cue right after one of these is a past plan ("had been scheduled to expire on Friday").
PAST_AUXILIARIES = frozenset({"had"})

# Words that point the clause to the past.
PAST_CUES = frozenset({
    "said", "told", "was", "were", "had", "did", "ago", "last", "yesterday", "earlier", "previously", "already",
    # irregular past tenses (regular ones are caught by their "-ed")
    "arose", "ate", "became", "began", "bit", "bought", "bound", "broke", "brought", "built", "came", "caught",
    "chose", "dealt", "drew", "drove", "fell", "fed", "felt", "fled", "flew", "fought", "forgot", "found", "froze",
    "gave", "got", "grew", "heard", "held", "hid", "hit", "hung", "kept", "knew", "laid", "led", "left", "lent",
    "lost", "made", "meant", "met", "overcame", "overran", "overtook", "paid", "ran", "rang", "rode", "rose",
    "sank", "sat", "saw", "sent", "shook", "shot", "slew", "sold", "sought", "spent", "spoke", "spread", "sprang",
    "stood", "stole", "struck", "swore", "swept", "took", "taught", "thought", "threw", "tore", "underwent",
    "went", "withdrew", "won", "wore", "wrote",
})
# Past-looking "-ed" words that nonetheless speak of the future.
FUTURE_ED = frozenset({"scheduled", "slated", "planned", "expected", "postponed", "delayed", "rescheduled",
                       "proposed", "intended", "anticipated"})
