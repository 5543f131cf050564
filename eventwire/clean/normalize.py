"""Same-length Unicode normalisation: every character is replaced by exactly one character.

Downstream offsets index `Document.text` directly, so nothing may be inserted or deleted. Choices:

- quotes: ‘ ’ ‚ ‛ ‹ › ′ ´ ` ʼ → '   and   “ ” „ ‟ « » ″ 〝 〞 → "
- dashes and minus signs (‐ ‑ ‒ – — ― − ⁃ ⸺ ⸻ ﹘ ﹣) → "-". The em dash too: spaCy splits "-" between words
  ("Kyiv-the" → Kyiv, -, the) and ASCII keeps the regexes of later stages simple; nothing else can take its place
  one for one.
- spaces (NBSP, en/em/thin/hair/narrow/ideographic spaces, tab) → " "; line and paragraph separators, vertical tab,
  form feed, NEL → "\\n"; a lone "\\r" → "\\n" and the "\\r" of "\\r\\n" → " " so that only "\\n" breaks lines.
- other control characters → " ".
- full-width and half-width forms and mathematical "font" letters (Ａ, １, 𝐊𝐲𝐢𝐯) → their NFKC form, which is one
  character. Other compatibility forms are kept: NFKC would lengthen them (ﬁ → fi, … → ...) or change what they
  say (² → 2 turns 10² into 102).
- invisible format characters (soft hyphen, zero-width space/joiners, word joiner, BOM, direction marks): a space
  where one stands next to a space, punctuation or the text's edge. Inside a word (letters on both sides,
  "Luh\\xadansk") a space would split the word and keeping the character would hide it from every lookup, so the
  word is closed up and the freed places become spaces after it ("Luhansk "). The word's start offset is exact;
  its letters after the removed character sit one place early. This is the one, deliberate exception to
  character-for-character alignment, limited to words that contained such characters.
"""

from __future__ import annotations

import re
import unicodedata

_TABLE: dict[int, str] = {}


def _map(chars: str, to: str) -> None:
    for c in chars:
        _TABLE[ord(c)] = to


def _build() -> None:
    for lo, hi in ((0xFF01, 0xFFEF), (0x1D400, 0x1D7FF)):
        for cp in range(lo, hi + 1):
            tag = unicodedata.decomposition(chr(cp)).split(" ", 1)[0]
            if tag in ("<wide>", "<narrow>", "<font>"):
                nfkc = unicodedata.normalize("NFKC", chr(cp))
                if len(nfkc) == 1:
                    _TABLE[cp] = nfkc
    _map("\u2018\u2019\u201a\u201b\u2039\u203a\u2032\u00b4\u0060\u02bc\u02b9", "'")
    _map("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\u301f", '"')
    _map("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\u2e3a\u2e3b\ufe58\ufe63", "-")
    _map("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t", " ")
    _map("\u2028\u2029\u0085\x0b\x0c\r", "\n")
    _map("".join(chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0x85))), " ")
    _map("".join(chr(c) for c in range(0x86, 0xA0)), " ")


_build()

_FORMAT = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
_FORMAT_RE = re.compile(f"[{_FORMAT}]")
_WORD = r"[\w\u0300-\u036f]"
# A word with format characters between its letters: "Luh\xadansk", "inter\u200bnational\u00adly".
_WORD_WITH_FORMAT = re.compile(f"{_WORD}+(?:[{_FORMAT}]+{_WORD}+)+")


def _close_up(m: re.Match[str]) -> str:
    word = _FORMAT_RE.sub("", m[0])
    return word + " " * (len(m[0]) - len(word))


def normalize(text: str) -> str:
    """`text` with quotes, dashes, spaces, line breaks and invisible characters normalised; same length."""
    if "\r\n" in text:
        text = text.replace("\r\n", " \n")
    text = text.translate(_TABLE)
    if _FORMAT_RE.search(text):
        text = _WORD_WITH_FORMAT.sub(_close_up, text)
        text = _FORMAT_RE.sub(" ", text)
    return text
