"""Paragraph and sentence spans over normalised text (regexes only; the nlp stage does the real parsing)."""

from __future__ import annotations

import re

from eventwire.types import Span

BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_NEWLINE = re.compile(r"\n\s*")
# End punctuation, closing quotes/brackets, then whitespace: a sentence boundary if what follows starts one.
# Machine-translated text often drops the space after a full stop ("Kharkiv.There are"): a break too.
_END = re.compile(r"[.!?]+[\"')\]]*(?:\s+|(?<=[a-z][a-z][.!?])(?=[A-Z][a-z]))")
_LAST_WORD = re.compile(r"(\w+(?:\.\w+)*)\.$")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt cpl adm gov sen rep rev st jr sr mt ft no nos vs inc ltd co
    corp jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m approx est fig vol pp""".split()
)


def _trimmed(text: str, start: int, end: int) -> Span | None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    lead = len(chunk) - len(chunk.lstrip())
    return Span(start + lead, start + lead + len(stripped))


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans, trimmed: split on blank lines, or on single newlines when the text has no blank line."""
    sep = BLANK_LINE if BLANK_LINE.search(text) else _NEWLINE
    spans, pos = [], 0
    for m in sep.finditer(text):
        if span := _trimmed(text, pos, m.start()):
            spans.append(span)
        pos = m.end()
    if span := _trimmed(text, pos, len(text)):
        spans.append(span)
    return spans


def sentences(text: str, span: Span) -> list[Span]:
    """Sentence spans inside `span`: a break after . ! ? (and closing quotes) before a capital, digit or quote,
    except after an abbreviation ("Mr.", "U.S.") or an initial ("J.")."""
    out, pos = [], span.start
    chunk = text[span.start : span.end]
    for m in _END.finditer(chunk):
        nxt = chunk[m.end() : m.end() + 1]
        if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"'(["):
            continue
        punct = m[0].rstrip()
        if punct.rstrip("\"')]") == ".":
            word = _LAST_WORD.search(chunk, max(0, m.start() - 24), m.start() + 1)
            if word and (word[1].lower() in _ABBREVIATIONS or (len(word[1]) == 1 and word[1].isupper())):
                continue
        end = span.start + m.start() + len(punct)
        if s := _trimmed(text, pos, end):
            out.append(s)
        pos = span.start + m.end()
    if s := _trimmed(text, pos, span.end):
        out.append(s)
    return out
