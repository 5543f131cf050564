"""The merge stage: event mentions that report the same real-world event become one Event.

    merge(mentions) -> list[Event]                      one document's mentions (within.py)
    merge_across(summaries, existing) -> Assignment     events of many documents (across.py)
    merge_documents(events, near_dup) -> list[Event]    both, for a set of coded documents held in memory
    near_duplicates(texts) -> {doc_id: (of, sim)}       republished copies (neardup.py)
    summarize_all(events) -> {event_id: Summary}        identities, with each article's sentences (wording.py)

The store runs `merge_across` against the events it holds, so a new batch joins existing events incrementally.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..types import Event
from .across import Assignment, Summary, compare, merge_across, summarize, summarize_all
from .confidence import confidence, independent_sources
from .neardup import near_duplicates
from .within import distance_km, merge, places_compatible

__all__ = ["merge", "merge_across", "merge_documents", "near_duplicates", "summarize", "summarize_all", "compare",
           "Summary", "Assignment", "confidence", "independent_sources", "distance_km", "places_compatible"]


def merge_documents(events: Iterable[Event], near_dup: Mapping[str, str] | None = None) -> list[Event]:
    """Per-document events of many documents merged into cross-document events (for runs without a store).

    `near_dup` maps a copied document to the one it copies, so copies count once toward corroboration.
    """
    events = list(events)
    by_id = {e.event_id: e for e in events}
    assignment = merge_across(summarize_all(events).values())
    members: dict[str, list[Event]] = {}
    for e in events:
        members.setdefault(assignment.cluster[e.event_id], []).append(e)
    out = []
    for key, group in members.items():
        founder = by_id[key]
        mentions = sorted({(m.evidence.doc_id, m.evidence.start, m.evidence.end): m for g in group
                           for m in g.mentions}.values(), key=lambda m: (m.evidence.doc_id, m.evidence.start))
        fatalities = max((g.fatalities for g in group if g.fatalities is not None), default=None)
        docs = [(m.evidence.doc_id, m.evidence.source) for m in mentions]
        conf = confidence(max(g.confidence for g in group), independent_sources(docs, near_dup or {}), founder.status)
        out.append(Event(**{**{f: getattr(founder, f) for f in founder.__slots__}, "mentions": mentions,
                            "fatalities": fatalities, "confidence": conf}))
    return out
