"""Sentences told alike: one story retold by another outlet, or translated twice, reports the same events in
other words.

    wording(sentence) -> frozenset[str] | None     the sentence's content words, for comparing
    Story.of(doc_id, sentences)                     an article's event sentences, for telling versions apart
    told_alike(a, b, story_a, story_b) -> bool      one event's sentences and another's are one report

A sentence alike in two unrelated articles is weak evidence: "the former governor was arrested" and "the former
mayor was arrested" differ by one word and are two arrests. Two versions of one story (a translation, a rewrite)
instead share many such sentences, and there a sentence told alike, "died in the artillery fire" beside "was
killed as a result of artillery fire", is the same report of the same event. So alike sentences vouch for an
event only between articles that tell the same story.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

ALIKE = 0.5  # share of content words two sentences must have in common (Jaccard) to be one sentence retold
MIN_WORDS = 6  # fewer content words recur in unrelated stories ("the attack was condemned by the ministry")
STEM = 5  # words compared by their first letters: "killed"/"killing", "Russia"/"Russian", "German"/"Germany"
SAME_STORY_SENTENCES = 4  # alike sentences that make two articles versions of one story ...
SAME_STORY_SHARE = 0.25  # ... and the share of the shorter article's event sentences they must be
# MinHash LSH, one row a band: two sentences half alike fail to meet once in 65,536 (two rows a band missed one
# in a hundred, and a translated sentence of the corpus with them); the exact Jaccard check after the keys decides
BANDS, ROWS = 16, 1

_WORD = re.compile(r"[^\W_]+")
_STOP = frozenset("""a an the of to in on at by for from with as and or but nor not no so if than then that this these
those it its he she they we i you his her their our my your him them us me is are was were be been being has have had
do does did will would shall should can could may might must said says say also who whom which what when where while
there here into over about after before up out""".split())


def wording(sentence: str | None) -> frozenset[str] | None:
    """The stems of a sentence's content words, or None when it has too few to tell it from another."""
    if not sentence:
        return None
    words = frozenset(w[:STEM] for w in _WORD.findall(sentence.lower()) if w not in _STOP)
    return words if len(words) >= MIN_WORDS else None


def alike(a: frozenset[str], b: frozenset[str]) -> bool:
    return len(a & b) >= ALIKE * len(a | b)


@dataclass(frozen=True, slots=True)
class Story:
    """An article's event sentences (their wordings), the evidence for which articles tell one story."""

    doc_id: str
    wordings: tuple[frozenset[str], ...] = ()

    @classmethod
    def of(cls, doc_id: str, sentences) -> Story:
        return cls(doc_id, tuple(sorted({w for s in sentences if (w := wording(s))}, key=sorted)))


def same_story(a: Story, b: Story) -> bool:
    """Two articles tell one story: several of their event sentences, and a fair share of them, are told alike."""
    if a.doc_id == b.doc_id:
        return False
    return _same_story(*sorted((a, b), key=lambda s: s.doc_id))


@lru_cache(maxsize=65536)
def _same_story(a: Story, b: Story) -> bool:
    shorter, longer = sorted((a.wordings, b.wordings), key=len)
    if len(shorter) < SAME_STORY_SENTENCES:
        return False
    keys: dict[tuple, list[int]] = {}
    for j, w in enumerate(longer):
        for k in band_keys(w):
            keys.setdefault(k, []).append(j)
    hits = sum(1 for w in shorter
               if any(alike(w, longer[j]) for j in {j for k in band_keys(w) for j in keys.get(k, ())}))
    return hits >= SAME_STORY_SENTENCES and hits >= SAME_STORY_SHARE * len(shorter)


def told_alike(a: frozenset[frozenset[str]], b: frozenset[frozenset[str]], story_a: Story | None,
               story_b: Story | None) -> bool:
    """One of a's sentences is one of b's retold, and their articles tell the same story."""
    if not a or not b or story_a is None or story_b is None:
        return False
    return any(alike(x, y) for x in a for y in b) and same_story(story_a, story_b)


@lru_cache(maxsize=200_000)
def band_keys(words: frozenset[str]) -> tuple[tuple[int, ...], ...]:
    """MinHash LSH keys: two sentences told alike share at least one, all but surely; unrelated ones fairly often,
    and `alike` sorts them out."""
    hashes = [_hash(w) for w in words]
    mins = [min((a * h + b) % _PRIME for h in hashes) for a, b in _PERMUTATIONS]
    return tuple((band, *mins[band * ROWS:(band + 1) * ROWS]) for band in range(BANDS))


_PRIME = (1 << 61) - 1
# fixed odd multipliers and offsets (not Python's salted hash): every run files a sentence under the same keys
_PERMUTATIONS = tuple((int.from_bytes(hashlib.blake2b(f"a{i}".encode(), digest_size=7).digest(), "big") | 1,
                       int.from_bytes(hashlib.blake2b(f"b{i}".encode(), digest_size=7).digest(), "big"))
                      for i in range(BANDS * ROWS))


@lru_cache(maxsize=200_000)
def _hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "big")
