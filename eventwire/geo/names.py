"""Place-name normalisation and the filters that decide which gazetteer names are worth indexing.

News text spells places many ways ("Luhans'k", "Luhansk", "LUHANSK", "Sievierodonetsk"), and GeoNames stores
hundreds of spellings per place, most of them useless for English text (other scripts, airport codes,
machine romanisations). Both sides go through `normalise_name`, so a lookup is one dict probe.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "normalise_name",
    "strip_diacritics",
    "is_latin",
    "is_code",
    "keep_alternate_name",
    "skeleton",
    "romanise_ukrainian",
]

# Letters that NFKD does not split into base letter + combining mark.
_LETTERS = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
        "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i", "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L",
        "ŧ": "t", "Ŧ": "T", "ə": "e", "Ə": "E", "ɨ": "i", "ʹ": "", "ʺ": "",
    }
)
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

# Apostrophes, quote-like marks and dots vanish ("Luhans'k" = "Luhansk", "U.S." = "US"); dashes, slashes and
# other separators become spaces ("Ivano-Frankivsk" = "Ivano Frankivsk").
_PUNCT = str.maketrans(
    {
        **{c: None for c in "'’‘ʼʻ`´′\"“”‛.·"},
        **{c: " " for c in "-‐‑‒–—―_/\\,;:()[]{}!?*+|~"},
        "&": " and ",
    }
)

def strip_diacritics(s: str) -> str:
    """Base letters only: "Łuhańsk" -> "Luhansk", "Ḩamāh" -> "Hamah". Non-Latin scripts pass through."""
    if s.isascii():
        return s
    s = unicodedata.normalize("NFKD", s.translate(_LETTERS))
    return _MARKS.sub("", s)


_LEADING_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def normalise_name(s: str) -> str:
    """The key both the index and every lookup use.

    Lower case, no diacritics, apostrophes and dots dropped, dashes and other punctuation as single spaces, a
    leading "the " dropped ("the Netherlands" = "Netherlands"), "zhzh" as "zh", a leading "St", "Ste", "Mt" or
    "Ft" written out ("St. Petersburg" = "Saint Petersburg"). Case is lost on purpose: headline case, all caps and
    sentence case must meet the same entry; acronyms that need their case ("US" vs the word "us") are kept in a
    separate, case-sensitive table by the gazetteer.
    """
    if not s.isascii():
        s = strip_diacritics(s)
    s = s.lower().translate(_PUNCT)
    s = " ".join(s.split())
    if s.startswith("the "):
        s = s[4:]
    if "zhzh" in s:
        s = s.replace("zhzh", "zh")  # Ukrainian "жж" is written both ways: "Zaporizhzhia" = "Zaporizhia"
    first, _, rest = s.partition(" ")
    if rest and first in _LEADING_ABBREVIATIONS:
        s = f"{_LEADING_ABBREVIATIONS[first]} {rest}"  # so "St. Petersburg" is an own name, not an alias
    return s


def is_latin(s: str) -> bool:
    """True when every letter of `s` is a plain Latin letter once diacritics are stripped."""
    t = strip_diacritics(s)
    if t.isascii():
        return True
    return all(c.isascii() for c in t if c.isalpha())


def is_code(s: str) -> bool:
    """Airport/ISO-style codes ("VSG", "IEV", "UA") and pure numbers: not names anyone writes in prose."""
    s = s.strip()
    return (len(s) <= 3 and s.isupper() and s.isalpha()) or s.replace(" ", "").isdigit()


def keep_alternate_name(alt: str) -> bool:
    """Whether a GeoNames alternate name is useful for matching English text.

    Dropped: other scripts; codes; anything with digits; names with no capital letter at all (GeoNames stores
    machine romanisations of CJK/Arabic/Indic names in lower case: "lu gan si ke", "kyf", "ruhanshiku" — pure
    noise that collides with English words); fewer than 3 letters ("Ko" for Kyiv); more than 6 words.
    """
    if not alt or any(c.isdigit() for c in alt) or is_code(alt):
        return False
    if alt == alt.lower():
        return False
    if not is_latin(alt):
        return False
    key = normalise_name(alt)
    if len(key.replace(" ", "")) < 3 or key.count(" ") >= 6:
        return False
    return True



# Digraphs of the English, German and French romanisations of Slavic names, each folded to one letter, so that
# "Shchastia" / "Schastia", "Zaporizhia" / "Zaporizhzhia" and "Kharkiv" / "Charkiw" meet.
_DIGRAPHS = (("shch", "S"), ("sch", "S"), ("szcz", "S"), ("zh", "Z"), ("kh", "H"), ("ch", "C"), ("sh", "S"),
             ("ts", "C"), ("tz", "C"), ("cz", "C"), ("sz", "S"), ("w", "v"), ("g", "H"), ("h", "H"), ("x", "ks"))
_VOWELS = re.compile("[aeiouyj ]")
_DOUBLES = re.compile(r"(.)\1+")


def skeleton(key: str) -> str:
    """The consonant skeleton of a normalised name: vowels (Ukrainian and Russian forms of one village differ mostly
    in them: "Olenivka" / "Elenovka", "Zhabicheve" / "Zhabichevo") and doubled letters dropped, digraphs folded.
    Lossy on purpose: the gazetteer answers a skeleton only inside a unit the text names."""
    s = key
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    return _DOUBLES.sub(r"\1", _VOWELS.sub("", s))


# Ukrainian Cyrillic in the official Latin of 2010 (Cabinet of Ministers resolution 55), the spelling of road signs,
# passports and most English-language news ("Kostiantynivka", "Mariinka"). Є, Ї, Й, Ю, Я open a word as ye/yi/y/yu/
# ya and inside it as ie/i/i/iu/ia; "зг" is "zgh"; the soft sign and the apostrophe are not written.
_UK_LATIN = dict(zip("абвгґдежзиіїйклмнопрстуфхцчшщьюяє",
                     ["a", "b", "v", "h", "g", "d", "e", "zh", "z", "y", "i", "i", "i", "k", "l", "m", "n", "o", "p",
                      "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "ie"]))
_UK_OPENING = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UK_APOSTROPHES = "'’ʼ`´‘"


def romanise_ukrainian(name: str, *, y_forms: bool = False) -> str:
    """A Ukrainian place name in Latin letters: "Мар'янське" -> "Marianske", "Нижнє Лозове" -> "Nyzhnie Lozove".

    `y_forms`: the older habit, still ACLED's and many wires', of writing є/ї/й/ю/я as ye/yi/y/yu/ya everywhere
    ("Maryanske", "Nyzhnye Lozove", "Novomykhaylivka"). Letters outside the Ukrainian alphabet pass through."""
    out: list[str] = []
    prev = ""
    for ch in name.lower():
        if ch in _UK_APOSTROPHES:
            continue
        if ch == "г" and prev == "з":
            out.append("gh")
        elif ch in _UK_OPENING and (y_forms or not prev.isalpha()):
            out.append(_UK_OPENING[ch])
        else:
            out.append(_UK_LATIN.get(ch, ch))
        prev = ch
    return "".join(out).title()
