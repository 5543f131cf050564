"""Passages that repeat an earlier passage of the same document, exactly or reworded slightly.

Measure: a passage is the sequence of its content words (lower-cased, stop words dropped, crudely stemmed,
number words as digits). The later passage L is compared with an earlier passage E by *containment*, the share of
L that E already says, on words and on adjacent word pairs:

    score = ( |words(L) ∩ words(E)| / |words(L)|  +  |pairs(L) ∩ pairs(E)| / |pairs(L)| ) / 2

Containment, not Jaccard: L is redundant when it adds nothing to E, even if E says more (a shorter restatement
is a repeat; a restatement with a new clause is not). Word containment alone is fooled by a passage that reuses
the earlier names in a new statement; pairs keep some word order and drop fast when new facts are spliced in.

Thresholds: a paragraph is a repeat of an earlier paragraph at score >= 0.7. With n content words of which k are
swapped for synonyms the score is about 1 - 1.5k/n, so 0.7 lets a rewording change about one word in five
("troops" -> "soldiers", "continue fighting" -> "keep up the fight": 0.79 on the seed), while a passage that
repeats the names of an earlier one but adds a fact scores near 0.5 (the seed's "... after forces loyal to Kyiv
withdrew from their last bastion ...": 0.48). Errors are not equal: a missed repeat only leaves a second mention of
the same event for the merge stage to fold, a false one blanks news, so the threshold sits above the midpoint
(on the development corpora, 0.65-0.7 caught mostly photo captions sharing a credit line). A sentence inside a
longer paragraph must repeat an earlier sentence nearly word for word: score >= 0.8.

Never a repeat: a passage with fewer than 6 content words (short sentences match by chance); one that adds a
number the earlier lacks (a new toll is news) or differs in negation ("did not attack"); one compared with an
earlier passage over 3 times its length (its shared words may be scattered).

Only passages kept in the extraction text are indexed, so every blanked passage has a kept original. Cost: one
pass building word sets and an inverted index; each passage is scored against at most 16 earlier passages, those
sharing most of its words (words found in over 64 kept passages of the document are not used to find them).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from eventwire.clean.segment import sentences
from eventwire.types import Repeat, Span

PARAGRAPH_THRESHOLD = 0.7
SENTENCE_THRESHOLD = 0.8
MIN_CONTENT_WORDS = 6
MAX_LENGTH_RATIO = 3
# Bounds that keep the cost linear in the document's length whatever its content: candidates come from words
# found in at most MAX_POSTINGS kept passages, and only the MAX_CANDIDATES sharing most of them are scored.
MAX_POSTINGS = 64
MAX_CANDIDATES = 16

_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_NEGATIONS = frozenset({"not", "no", "never", "none", "neither", "nor", "without"})
_NUMBERS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my of off on once
    only or other our ours out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when where which while
    who whom why will with would you your yours may might must shall upon per via said says say saying told tells
    according mr mrs ms however""".split()
)


_NEG = "\0not"  # marks a negation in a token sequence


@lru_cache(maxsize=1 << 16)
def _content(token: str) -> str | None:
    """The content form of a lower-cased token: its stem, a digit string, _NEG, or None for a stop word."""
    if token.endswith("n't") or token in _NEGATIONS:
        return _NEG
    if token.endswith("'s"):
        token = token[:-2]
    token = _NUMBERS.get(token, token)
    if token in _STOP:
        return None
    if token.isdigit():
        return token
    for suffix in ("ing", "ed", "es", "s", "e"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)]
    return token


@dataclass(slots=True)
class _Passage:
    span: Span
    words: frozenset[str]
    pairs: frozenset[tuple[str, str]]
    numbers: frozenset[str]
    negated: bool
    size: int  # number of content words


def _tokens(text: str, span: Span) -> list[tuple[int, str]]:
    """(offset, content form) of the content words and negations in `span`."""
    out = []
    for m in _TOKEN.finditer(text, span.start, span.end):
        if c := _content(m[0].lower()):
            out.append((m.start(), c))
    return out


def _passage(span: Span, tokens: list[tuple[int, str]]) -> _Passage:
    seq = [w for _, w in tokens if w != _NEG]
    return _Passage(
        span,
        frozenset(seq),
        frozenset(zip(seq, seq[1:])),
        frozenset(w for w in seq if w.isdigit()),
        len(seq) != len(tokens),
        len(seq),
    )


def similarity(later: _Passage, earlier: _Passage) -> float:
    """How much of `later` `earlier` already says (0..1); 0 when `later` adds a number or flips negation."""
    if not later.words or later.numbers - earlier.numbers or later.negated != earlier.negated:
        return 0.0
    word_share = len(later.words & earlier.words) / len(later.words)
    pair_share = len(later.pairs & earlier.pairs) / len(later.pairs) if later.pairs else word_share
    return (word_share + pair_share) / 2


class _Index:
    """Kept passages of one granularity, with an inverted index from content word to passage."""

    def __init__(self) -> None:
        self.passages: list[_Passage] = []
        self.postings: dict[str, list[int]] = {}

    def add(self, p: _Passage) -> None:
        for w in p.words:
            self.postings.setdefault(w, []).append(len(self.passages))
        self.passages.append(p)

    def best(self, p: _Passage, threshold: float) -> tuple[_Passage, float] | None:
        """The kept passage `p` repeats best, with its score, if any reaches `threshold`."""
        if p.size < MIN_CONTENT_WORDS:
            return None
        shared: Counter[int] = Counter()
        for w in p.words:
            ids = self.postings.get(w)
            if ids and len(ids) <= MAX_POSTINGS:  # a word in many kept passages says little about which one
                shared.update(ids)
        best: tuple[_Passage, float] | None = None
        for i, _ in shared.most_common(MAX_CANDIDATES):
            e = self.passages[i]
            if e.size > MAX_LENGTH_RATIO * p.size:
                continue
            score = similarity(p, e)
            if score >= threshold and (best is None or score > best[1]):
                best = (e, score)
        return best


def find_repeats(text: str, paragraphs: list[Span]) -> list[Repeat]:
    """Repeats among `paragraphs` of `text`: whole paragraphs, then sentences of the paragraphs that are not."""
    repeats: list[Repeat] = []
    para_index, sent_index = _Index(), _Index()
    for span in paragraphs:
        tokens = _tokens(text, span)
        para = _passage(span, tokens)
        if hit := para_index.best(para, PARAGRAPH_THRESHOLD):
            repeats.append(_repeat(span, hit))
            continue
        i = 0
        for s in sentences(text, span):
            j = i
            while j < len(tokens) and tokens[j][0] < s.end:
                j += 1
            sent = _passage(s, tokens[i:j])
            i = j
            if hit := sent_index.best(sent, SENTENCE_THRESHOLD):
                repeats.append(_repeat(s, hit))
            else:
                sent_index.add(sent)
        para_index.add(para)
    return repeats


def _repeat(span: Span, hit: tuple[_Passage, float]) -> Repeat:
    of, score = hit
    return Repeat(span.start, span.end, of.span.start, of.span.end, round(score, 3))
