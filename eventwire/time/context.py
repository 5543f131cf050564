"""The words around a candidate expression: sentence bounds, neighbouring words and the clause's tense.

News reports mostly tell what happened, so an undated weekday or month is read as the latest one not after the
article date ("on Saturday" in a Monday report is two days before). The exception is a clause that speaks of the
future ("will meet on Friday", "is due to resume on Monday", "plans to ... in June"): `Context.lean` finds it by
reading the clause around the expression, nearest words first, until a word marks the tense. No parser: this
stage runs before and without spaCy.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from .lexicon import (ABBREVIATIONS, FUTURE_BIGRAMS, FUTURE_CUES, FUTURE_ED, PAST_AUXILIARIES, PAST_CUES,
                      PROMISE_CUES)

_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+|[,;:()—–]")
_PREV_WORD = re.compile(r"([A-Za-z]+(?:['’][A-Za-z]+)*|\d[\d,.]*|[$£€%])[^\w$£€%]*$")
_NEXT_WORD = re.compile(r"^[^\w$£€%]*([A-Za-z]+(?:['’][A-Za-z]+)*|\d[\d,.]*)")
_LOOK = 15  # words read on each side when guessing the tense
# Words that end a clause when reading backwards from the expression (a subordinate clause starts here).
# "-ed" words that are not past-tense verbs.
_NOT_PAST_ED = frozenset({"hundred", "indeed", "united", "speed", "proceed", "succeed", "exceed", "breed", "bleed",
                          "greed", "naked", "wicked", "sacred", "kindred", "need", "steed"})
_CLAUSE_STARTERS = frozenset({"who", "which", "whose", "whom", "where", "while", "whereas", "although", "though"})
# Words before an "-ed" word that make it an adjective ("a still unspecified date", "the armed men").
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our",
                          "my", "your", "still", "very", "more", "most", "so", "well", "newly", "heavily", "some",
                          "any", "no", "of", "and", "or"})
# Words just before a possessive time ("ahead of Friday's vote") that put the event it names ahead. ("before" is
# not one: "a 7% share before Friday's purchases" is as common as "before Friday's vote".)
_POSSESSIVE_FUTURE = frozenset({"ahead", "upcoming", "next", "coming", "until", "till", "await", "awaits",
                                "awaiting"})
# Punctuation that ends the backward reading: an introductory phrase or an aside is another clause.
_CLAUSE_PUNCTUATION = frozenset({",", ";", ":", "(", ")", "—", "–"})


def _split_words(s: str) -> list[str]:
    """Lowercased words, contractions opened: "it'll" -> "it", "will"; "won't" -> "will", "not"."""
    out: list[str] = []
    for w in _WORD.findall(s):
        w = w.lower().replace("’", "'")
        if w in ("won't", "wont"):
            out += ["will", "not"]
        elif w.endswith("'ll"):
            out += [w[:-3], "will"]
        elif w.endswith("'s") or w.endswith("'d"):
            out.append(w[:-2])
        elif w.endswith("n't"):
            out += [w[:-3], "not"]
        else:
            out.append(w)
    return out


def _is_past_word(w: str) -> bool:
    if w in PAST_CUES:
        return True
    return len(w) > 4 and w.endswith("ed") and w not in FUTURE_ED and w not in FUTURE_CUES and w not in _NOT_PAST_ED


@dataclass
class Context:
    """One document's text and date, with sentence bounds computed once."""

    text: str
    anchor: date | None
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        starts = [0]
        for m in _BOUNDARY.finditer(self.text):
            if m.group(0) != "\n" and self._abbreviation_before(m.start()):
                continue
            starts.append(m.end())
        self._starts = starts

    def _abbreviation_before(self, dot: int) -> bool:
        m = re.search(r"([A-Za-z.]+)$", self.text[max(0, dot - 12) : dot])
        if not m:
            return False
        word = m.group(1).lower().strip(".")
        return len(word) == 1 or word in ABBREVIATIONS

    def sentence(self, pos: int) -> tuple[int, int]:
        """Start and end of the sentence holding `pos`."""
        i = bisect.bisect_right(self._starts, pos) - 1
        end = self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text)
        return self._starts[i], end

    def sentence_index(self, pos: int) -> int:
        return bisect.bisect_right(self._starts, pos) - 1

    def prev_word(self, pos: int) -> str:
        """The word (or number, or currency sign) just before `pos` in its sentence, as written; "" if none."""
        s, _ = self.sentence(pos)
        m = _PREV_WORD.search(self.text[max(s, pos - 40) : pos])
        return m.group(1) if m else ""

    def next_word(self, pos: int) -> str:
        _, e = self.sentence(pos)
        m = _NEXT_WORD.search(self.text[pos : min(e, pos + 40)])
        return m.group(1) if m else ""

    def at_sentence_start(self, pos: int) -> bool:
        s, _ = self.sentence(pos)
        return not re.search(r"\w", self.text[s:pos])

    def words_before(self, pos: int, n: int = _LOOK) -> list[str]:
        s, _ = self.sentence(pos)
        return _split_words(self.text[max(s, pos - 12 * n) : pos])[-n:]

    def words_after(self, pos: int, n: int = _LOOK) -> list[str]:
        _, e = self.sentence(pos)
        return _split_words(self.text[pos : min(e, pos + 12 * n)])[:n]

    def lean(self, start: int, end: int) -> str | None:
        """"future" or "past" when the clause around [start, end) says so, else None (callers lean past).

        Reads backwards from the expression, nearest word first: a future cue ("will", "is to", "scheduled")
        or a past one ("said", "was", an "-ed" verb) decides. A participle after "be"/"been" defers to the
        auxiliary before it ("will be completed on Friday"); a future cue after "had" is a past plan ("had
        been scheduled to expire Friday"). A comma, a subordinate clause start ("who", "which") or the
        sentence start ends the backward reading; then the words after the expression are read the same way.
        A possessive ("Friday's vote") names an event, not the clause's time: only "ahead of", "before" and the
        like just before it count.
        """
        before = self.words_before(start)
        if self.text[end : end + 2] in ("'s", "’s"):
            return "future" if _POSSESSIVE_FUTURE & set(before[-3:]) else None
        verdict = _read(before[::-1], backwards=True)
        if verdict:
            return verdict
        return _read(self.words_after(end), backwards=False)


def _read(words: list[str], backwards: bool) -> str | None:
    """The first tense cue in `words` (ordered nearest first), or None."""
    n = len(words)
    i = 0
    while i < n:
        w = words[i]
        if w in _CLAUSE_STARTERS or (backwards and w in _CLAUSE_PUNCTUATION):
            return None
        if w in _CLAUSE_PUNCTUATION:
            i += 1
            continue
        # the word that comes before w in the text
        before_w = words[i + 1] if backwards and i + 1 < n else words[i - 1] if not backwards and i > 0 else ""
        after_w = words[i - 1] if backwards and i > 0 else words[i + 1] if not backwards and i + 1 < n else ""
        if w == "next" and after_w == "to":  # "next to the embassy": a place
            i += 1
            continue
        if w in ("was", "were") and (after_w in FUTURE_CUES or (w, after_w) in FUTURE_BIGRAMS
                                     or after_w in ("going", "planning", "due")):
            i += 1  # "were planning to": the cue after decides
            continue
        if w in PROMISE_CUES:
            # the expression after "vowed to ..." is what was promised; next to the verb it dates the promise
            if backwards and "to" in words[:i]:
                return "future"
            return "past" if w.endswith("ed") else None
        if (before_w, w) in FUTURE_BIGRAMS or (w, after_w) in FUTURE_BIGRAMS or w in FUTURE_CUES:
            earlier = words[i + 1 : i + 5] if backwards else words[max(0, i - 4) : i]
            return "past" if PAST_AUXILIARIES & set(earlier) and w != "will" else "future"
        if _is_past_word(w) and not (w.endswith("ed") and (before_w in _DETERMINERS or w.startswith("un"))):
            if before_w in ("be", "been", "being"):
                i += 2 if backwards else 1
                continue
            return "past"
        i += 1
    return None
