"""Control changes as plain records (JSON-able dicts) and events read back from event records.

The store and the API keep events as records (DESIGN's event record); `event_from_record` turns one back into an
`Event` so that control can be recomputed from a store without the pipeline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, fields
from datetime import date
from typing import Any

from eventwire.control.model import ControlChange, ControlEvidence
from eventwire.types import Actor, Event, EventMention, Evidence, Place

_TUPLES = ("rules", "basis", "event_ids", "aliases", "conflicts_with")


def change_record(change: ControlChange) -> dict[str, Any]:
    """A change as a JSON-able dict (evidence as a list of dicts)."""
    rec = asdict(change)
    for k in _TUPLES:
        rec[k] = list(rec[k])
    return rec


def change_from_record(rec: Mapping[str, Any]) -> ControlChange:
    """Inverse of `change_record`."""
    names = {f.name for f in fields(ControlChange)}
    kw = {k: v for k, v in rec.items() if k in names}
    for k in _TUPLES:
        kw[k] = tuple(kw.get(k) or ())
    kw["evidence"] = tuple(ControlEvidence(**{k: v for k, v in dict(ev).items()
                                              if k in ControlEvidence.__slots__}) for ev in rec.get("evidence") or ())
    if kw.get("date") is not None and not isinstance(kw["date"], str):
        kw["date"] = kw["date"].isoformat()
    return ControlChange(**kw)


def _actor(rec: Mapping | None) -> Actor | None:
    if not rec:
        return None
    return Actor(text=rec.get("text") or rec.get("name") or "", name=rec.get("name"), country=rec.get("country"),
                 sector=rec.get("sector"), inferred=bool(rec.get("inferred")))


def _place(rec: Mapping | None) -> Place | None:
    if not rec or not rec.get("name"):
        return None
    gid = rec.get("geonameid")
    return Place(geonameid=int(gid) if gid is not None else None, name=rec["name"], feature_code="",
                 country=rec.get("country"), admin1=rec.get("admin1"), lat=rec.get("lat"), lon=rec.get("lon"),
                 precision=rec.get("precision") or "city")


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def event_from_record(rec: Mapping[str, Any]) -> Event:
    """An `Event` from an event record (JSONL export or `Store.event_records`); mentions get the event's coding."""
    acled = rec.get("acled") or None
    acled_pair = (acled.get("event_type"), acled.get("sub_event_type")) if acled else None
    loc = rec.get("location") or None
    place = _place(loc)
    mentions = []
    for m in rec.get("mentions") or ():
        ev = Evidence(doc_id=m.get("doc_id") or "", sentence_start=m.get("sentence_start") or 0,
                      sentence_end=m.get("sentence_end") or 0, start=m.get("start") or 0, end=m.get("end") or 0,
                      sentence=m.get("sentence") or "", source=m.get("source"), published=_day(m.get("published")))
        mentions.append(EventMention(event_type=rec.get("event_type") or "", cameo=rec.get("cameo") or "",
                                     trigger=m.get("trigger") or "", evidence=ev, status=m.get("status") or
                                     rec.get("status") or "reported"))
    return Event(
        event_id=rec["event_id"], event_type=rec.get("event_type") or "", cameo=rec.get("cameo") or "",
        mentions=mentions, mode=rec.get("mode"), context=rec.get("context"), acled=acled_pair,
        status=rec.get("status") or "reported", actor1=_actor(rec.get("actor1")), actor2=_actor(rec.get("actor2")),
        location=place, location_text=(loc or {}).get("text"), date=rec.get("date"),
        date_precision=rec.get("date_precision") or "unknown", date_text=rec.get("date_text"),
        fatalities=rec.get("fatalities"), confidence=rec.get("confidence") or 0.5,
    )
