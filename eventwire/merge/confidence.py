"""How sure we are that an event happened, from how many independent witnesses report it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# How much a further independent report adds, by status: a second outlet repeating a party's claim corroborates
# that the claim was made, less that the event happened.
STATUS_WEIGHT = {"reported": 1.0, "background": 1.0, "claimed": 0.5, "denied": 0.3, "planned": 0.5}


def confidence(single: float, sources: int, status: str = "reported") -> float:
    """1 - (1 - single) * (1 - w/2) ** (sources - 1), capped at 0.99.

    `single` is the best one-document confidence (the extraction's own certainty); each further independent source
    halves the remaining doubt (w = 1 for reported events), as two outlets rarely invent the same event. Copies of
    one wire story are one source, so republication cannot raise it.
    """
    w = STATUS_WEIGHT.get(status, 1.0)
    doubt = (1 - single) * (1 - 0.5 * w) ** max(0, sources - 1)
    return round(min(0.99, 1 - doubt), 3)


def independent_sources(docs: Iterable[tuple[str, str | None]], near_dup: Mapping[str, str]) -> int:
    """Distinct sources among (doc_id, source) pairs, a copied document counting as the one it copies."""
    source_of = dict(docs)
    keys = set()
    for doc_id, source in source_of.items():
        root = near_dup.get(doc_id)
        if root:
            keys.add(("src", source_of[root] or root) if root in source_of else ("copy", root))
        else:
            keys.add(("src", source or doc_id))
    return len(keys)
