"""Events and documents as plain, JSON-serialisable records (DESIGN.md, "The event record").

Three shapes of the same event, all built here so that they cannot drift apart:

- the *record* (`event_record`): nested dict, one JSONL line of `eventwire extract` / `export --format jsonl`;
- the *flat row* (`flat_row`): one row of the DuckDB `events` table and of the CSV/Parquet exports, nested
  objects spread into prefixed columns (`actor1_name`, `location_lat`, `acled_event_type`, ...);
- the *mention rows* (`mention_rows`): rows of the DuckDB `mentions` table.

`record_from_row` turns a flat row plus its mentions back into the record. Nothing here imports DuckDB.

Rules that make the round trip exact:
- a nested object (acled, actor1, actor2, location) whose fields are all null is written as null;
- `location` is `{"text": event.location_text, ...}`: a place named in the text but not resolved keeps its text
  with null coordinates, as the stage outputs do;
- dates are ISO strings; an event date given coarser than a day ("2022-07", "2022", "2022-W26") becomes the first
  day of the period, anything unreadable becomes null;
- non-finite floats (NaN, inf) become null, so every record is valid JSON;
- mentions with the same key (doc_id, start, end) are one mention (the first one is kept): the key of the
  `mentions` table. num_mentions, num_sources and num_documents count the kept mentions.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from eventwire.types import Actor, Document, Event, EventMention, Place

# --------------------------------------------------------------------------------------------------------------
# Column definitions: the one source of truth for the events / mentions / documents tables and the flat exports.
# Kinds: str, int (32-bit), bigint, float, date, timestamp.

EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "str"),
    ("event_type", "str"),
    ("mode", "str"),
    ("context", "str"),
    ("cameo", "str"),
    ("acled_event_type", "str"),
    ("acled_sub_event_type", "str"),
    ("status", "str"),
    ("date", "date"),
    ("date_precision", "str"),
    ("date_text", "str"),
    ("actor1_text", "str"),
    ("actor1_name", "str"),
    ("actor1_country", "str"),
    ("actor1_sector", "str"),
    ("actor2_text", "str"),
    ("actor2_name", "str"),
    ("actor2_country", "str"),
    ("actor2_sector", "str"),
    ("location_text", "str"),
    ("location_name", "str"),
    ("location_geonameid", "bigint"),
    ("location_country", "str"),
    ("location_admin1", "str"),
    ("location_lat", "float"),
    ("location_lon", "float"),
    ("location_precision", "str"),
    ("fatalities", "int"),
    ("num_mentions", "int"),
    ("num_sources", "int"),
    ("num_documents", "int"),
    ("confidence", "float"),
    ("actor1_inferred", "bool"),  # added later: kept last, so an older store gains them at the end
    ("actor2_inferred", "bool"),
)

MENTION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "str"),
    ("seq", "int"),  # position of the mention in its event, to give mentions back in order
    ("doc_id", "str"),
    ("source", "str"),
    ("published", "date"),
    ("sentence_start", "int"),
    ("sentence_end", "int"),
    ("start", "int"),
    ("end", "int"),
    ("trigger", "str"),
    ("sentence", "str"),
    ("status", "str"),
)

DOCUMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_id", "str"),
    ("content_hash", "str"),
    ("source", "str"),
    ("published", "date"),
    ("url", "str"),
    ("title", "str"),
    ("origin", "str"),
    ("text", "str"),
    ("n_chars", "int"),
    ("coded_at", "timestamp"),
    ("country", "str"),
)

ERROR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("origin", "str"),
    ("reason", "str"),
    ("run_id", "str"),
    ("at", "timestamp"),
)

# Keys of the nested record objects, in record order.
ACLED_KEYS = ("event_type", "sub_event_type")
ACTOR_KEYS = ("text", "name", "country", "sector", "inferred")
LOCATION_KEYS = ("text", "name", "geonameid", "country", "admin1", "lat", "lon", "precision")
MENTION_KEYS = ("doc_id", "source", "published", "sentence", "start", "end", "sentence_start", "sentence_end", "trigger")
RECORD_KEYS = (
    "event_id", "event_type", "mode", "context", "cameo", "acled", "status", "date", "date_precision", "date_text",
    "actor1", "actor2", "location", "fatalities", "mentions", "num_mentions", "num_sources", "num_documents",
    "confidence",
)  # fmt: skip
FLAT_COLUMNS = tuple(name for name, _ in EVENT_COLUMNS)


# --------------------------------------------------------------------------------------------------------------
# Small converters


def content_hash(text: str) -> str:
    """sha256 (hex) of the document text as UTF-8: the store skips a document whose text it has coded before."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def iso_date(value: Any) -> str | None:
    """"YYYY-MM-DD" for a date, datetime or date-like string; the first day of a coarser period; else None."""
    if value is None or value != value:  # NaN, and pandas' NaT (a datetime) for a NULL date
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    s = str(value).strip()
    if not s:
        return None
    m = _YEAR_MONTH.match(s)
    if m:
        s = f"{m[1]}-{m[2]}-01"
    elif _YEAR.match(s):
        s = f"{s}-01-01"
    elif len(s) > 10 and s[10] in "T ":  # a timestamp: its day
        s = s[:10]
    try:
        return date.fromisoformat(s).isoformat()  # also ISO week dates: "2022-W26" -> its Monday
    except ValueError:
        return None


def as_date(value: Any) -> date | None:
    """A `datetime.date` (for Arrow/DuckDB DATE columns) from anything `iso_date` reads."""
    s = iso_date(value)
    return date.fromisoformat(s) if s else None


def _float(value: Any) -> float | None:
    if value is None:
        return None
    f = float(value)
    return f if math.isfinite(f) else None


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _none_if_empty(obj: dict) -> dict | None:
    return None if all(v is None for v in obj.values()) else obj


def _utf8(text: str | None) -> str | None:
    """Text that Arrow and DuckDB accept: lone surrogates (undecodable input) replaced."""
    if text is None:
        return None
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")


# --------------------------------------------------------------------------------------------------------------
# Records


def actor_record(actor: Actor | None) -> dict | None:
    """`inferred`: the country and sector were guessed from a pronoun or the setting, not said of the actor."""
    if actor is None:
        return None
    rec = _none_if_empty({"text": actor.text, "name": actor.name, "country": actor.country, "sector": actor.sector})
    return None if rec is None else {**rec, "inferred": bool(actor.inferred)}


def location_record(place: Place | None, text: str | None) -> dict | None:
    rec = {
        "text": text,
        "name": place.name if place else None,
        "geonameid": _int(place.geonameid) if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "lat": _float(place.lat) if place else None,
        "lon": _float(place.lon) if place else None,
        "precision": place.precision if place else None,
    }
    return _none_if_empty(rec)


def acled_record(acled: tuple[str, str] | None) -> dict | None:
    if not acled:
        return None
    return _none_if_empty({"event_type": acled[0], "sub_event_type": acled[1] if len(acled) > 1 else None})


def _unique_mentions(mentions: Iterable[EventMention]) -> list[EventMention]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for m in mentions:
        ev = m.evidence
        key = (ev.doc_id, int(ev.start), int(ev.end))
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def mention_record(m: EventMention) -> dict:
    ev = m.evidence
    return {
        "doc_id": ev.doc_id,
        "source": ev.source,
        "published": iso_date(ev.published),
        "sentence": ev.sentence,
        "start": int(ev.start),
        "end": int(ev.end),
        "sentence_start": int(ev.sentence_start),
        "sentence_end": int(ev.sentence_end),
        "trigger": m.trigger,
    }


def _counts(mentions: list[dict]) -> tuple[int, int, int]:
    """num_mentions, num_sources, num_documents, as `Event`'s properties count them."""
    return (
        len(mentions),
        len({m["source"] or m["doc_id"] for m in mentions}),
        len({m["doc_id"] for m in mentions}),
    )


def event_record(event: Event) -> dict:
    """The event as DESIGN's JSONL record: JSON-serialisable, dates as ISO strings, keys in DESIGN order."""
    mentions = [mention_record(m) for m in _unique_mentions(event.mentions)]
    num_mentions, num_sources, num_documents = _counts(mentions)
    return {
        "event_id": event.event_id,
        "event_type": event.event_type,
        "mode": event.mode,
        "context": event.context,
        "cameo": event.cameo,
        "acled": acled_record(event.acled),
        "status": event.status,
        "date": iso_date(event.date),
        "date_precision": event.date_precision,
        "date_text": event.date_text,
        "actor1": actor_record(event.actor1),
        "actor2": actor_record(event.actor2),
        "location": location_record(event.location, event.location_text),
        "fatalities": _int(event.fatalities),
        "mentions": mentions,
        "num_mentions": num_mentions,
        "num_sources": num_sources,
        "num_documents": num_documents,
        "confidence": _float(event.confidence),
    }


def document_record(doc: Document) -> dict:
    """The document as a JSON-serialisable dict: the columns of the `documents` table but `coded_at`."""
    return {
        "doc_id": doc.doc_id,
        "content_hash": content_hash(doc.text),
        "source": doc.source,
        "published": iso_date(doc.published),
        "url": doc.url,
        "title": doc.title,
        "origin": doc.origin,
        "text": _utf8(doc.text),
        "n_chars": len(doc.text),
        "country": doc.country,
    }


# --------------------------------------------------------------------------------------------------------------
# Flat rows (events table, CSV, Parquet) and back


def _spread(prefix: str, keys: tuple[str, ...], obj: Mapping | None) -> dict:
    return {f"{prefix}_{k}": (obj.get(k) if obj else None) for k in keys}


def flat_row(record: Mapping) -> dict:
    """The record's scalar fields as one flat row (the `events` table's columns); mentions left out."""
    row: dict[str, Any] = {}
    for name in FLAT_COLUMNS:
        if name in record:
            row[name] = record[name]
    row.update(_spread("acled", ACLED_KEYS, record.get("acled")))
    row.update(_spread("actor1", ACTOR_KEYS, record.get("actor1")))
    row.update(_spread("actor2", ACTOR_KEYS, record.get("actor2")))
    row.update(_spread("location", LOCATION_KEYS, record.get("location")))
    return {name: row.get(name) for name in FLAT_COLUMNS}


def _gather(prefix: str, keys: tuple[str, ...], row: Mapping) -> dict | None:
    return _none_if_empty({k: row.get(f"{prefix}_{k}") for k in keys})


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return iso_date(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    return value


def record_from_row(row: Mapping, mentions: Iterable[Mapping] = ()) -> dict:
    """Inverse of `flat_row`: the record from a flat row (e.g. read from the store) and its mentions."""
    r = {k: _jsonable(v) for k, v in row.items()}
    ms = [{k: _jsonable(m.get(k)) for k in MENTION_KEYS} for m in mentions]
    loc = _gather("location", LOCATION_KEYS, r)
    if loc is not None and loc["geonameid"] is not None:
        loc["geonameid"] = int(loc["geonameid"])
    return {
        "event_id": r.get("event_id"),
        "event_type": r.get("event_type"),
        "mode": r.get("mode"),
        "context": r.get("context"),
        "cameo": r.get("cameo"),
        "acled": _gather("acled", ACLED_KEYS, r),
        "status": r.get("status"),
        "date": r.get("date"),
        "date_precision": r.get("date_precision"),
        "date_text": r.get("date_text"),
        "actor1": _gather("actor1", ACTOR_KEYS, r),
        "actor2": _gather("actor2", ACTOR_KEYS, r),
        "location": loc,
        "fatalities": r.get("fatalities"),
        "mentions": ms,
        "num_mentions": r.get("num_mentions"),
        "num_sources": r.get("num_sources"),
        "num_documents": r.get("num_documents"),
        "confidence": r.get("confidence"),
    }


def mention_rows(event: Event) -> list[dict]:
    """Rows of the `mentions` table for one event (one per distinct (doc_id, start, end))."""
    rows = []
    for seq, m in enumerate(_unique_mentions(event.mentions)):
        ev = m.evidence
        rows.append(
            {
                "event_id": event.event_id,
                "seq": seq,
                "doc_id": ev.doc_id,
                "source": ev.source,
                "published": as_date(ev.published),
                "sentence_start": int(ev.sentence_start),
                "sentence_end": int(ev.sentence_end),
                "start": int(ev.start),
                "end": int(ev.end),
                "trigger": _utf8(m.trigger),
                "sentence": _utf8(ev.sentence),
                "status": m.status,
            }
        )
    return rows


def to_record(item: Event | Mapping) -> dict:
    """An `Event` as its record; a record (mapping) as it is."""
    if isinstance(item, Event):
        return event_record(item)
    if isinstance(item, Mapping):
        return dict(item)
    raise TypeError(f"expected an Event or an event record (dict), got {type(item).__name__}")
