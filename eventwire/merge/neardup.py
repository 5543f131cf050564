"""Near-duplicate documents: the same wire story republished by several outlets.

    near_duplicates(texts, known=()) -> dict[doc_id, (of_doc_id, similarity)]

Republished copies add mentions, but they are one witness, not several: counting them as independent sources
would repeat GDELT's flaw of counting reports rather than evidence. MinHash over word shingles estimates the
Jaccard similarity of two texts; LSH banding finds candidate pairs without comparing every pair, so a batch is
checked against a large store by joining band keys (the store keeps them), not by scanning it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping

import numpy as np

NUM_PERM = 128
BANDS, ROWS = 32, 4  # LSH: candidates from about Jaccard 0.4; verified at THRESHOLD below
SHINGLE = 5  # words
THRESHOLD = 0.7  # estimated Jaccard at which two texts are one story (copy edits, bylines, trimmed tails)
_PRIME = np.uint64((1 << 61) - 1)
_WORD = re.compile(r"\w+")


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    # Fixed seed: signatures stored by one run must compare with those of the next.
    rng = np.random.default_rng(20220224)
    a = rng.integers(1, (1 << 61) - 1, size=NUM_PERM, dtype=np.uint64)
    b = rng.integers(0, (1 << 61) - 1, size=NUM_PERM, dtype=np.uint64)
    return a, b


_A, _B = _permutations()  # constants, never mutated


def signature(text: str) -> np.ndarray:
    """MinHash signature (NUM_PERM uint64) of the text's word shingles; empty texts get all-max."""
    words = _WORD.findall(text.lower())
    grams = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))} if words else set()
    if not grams:
        return np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    h = np.fromiter((int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") >> 3
                     for g in grams), dtype=np.uint64, count=len(grams))
    # (a*h + b) mod p, in uint64 with wrap-around: a universal-enough hash family for MinHash.
    with np.errstate(over="ignore"):
        vals = (np.outer(h, _A) + _B) % _PRIME
    return vals.min(axis=0)


def band_keys(sig: np.ndarray) -> list[int]:
    """One 63-bit key per LSH band: two documents sharing any key are candidates."""
    rows = sig.reshape(BANDS, ROWS)
    return [int.from_bytes(hashlib.blake2b(r.tobytes() + bytes([i]), digest_size=8).digest(), "little") >> 1
            for i, r in enumerate(rows)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))


def near_duplicates(texts: Mapping[str, str], known: Mapping[str, np.ndarray] | None = None,
                    candidates: Iterable[tuple[str, str]] = ()) -> dict[str, tuple[str, float]]:
    """doc_id -> (the earlier document it copies, similarity) for each new document that copies another.

    `known` holds signatures of documents seen before (they come first, so a copy points to them); among new
    documents the smaller doc_id comes first, so the answer does not depend on input order. `candidates` are
    (new, known) pairs found by the caller's band index; new-new pairs are found here.
    """
    known = known or {}
    sigs = {d: signature(t) for d, t in texts.items()}
    pairs: set[tuple[str, str]] = {(a, b) for a, b in candidates if a in sigs and b in known}
    buckets: dict[int, list[str]] = {}
    for d in sorted(sigs):
        for k in band_keys(sigs[d]):
            buckets.setdefault(k, []).append(d)
    for ids in buckets.values():
        for i, later in enumerate(ids):
            for earlier in ids[:i]:
                pairs.add((later, earlier))
    best: dict[str, tuple[str, float]] = {}
    for new, other in sorted(pairs):
        sim = similarity(sigs[new], known[other] if other in known else sigs[other])
        if sim >= THRESHOLD and (new not in best or sim > best[new][1]):
            best[new] = (other, sim)
    # Point every copy at its group's first document (pairs only point to earlier ones), so a group counts once.
    roots: dict[str, tuple[str, float]] = {}
    for d, (of, sim) in best.items():
        while of in best:
            of = best[of][0]
        roots[d] = (of, sim)
    return roots
