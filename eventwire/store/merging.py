"""Incremental cross-document merging: a batch's events joined to the events the store already holds.

    merge_batch(con, documents, events) -> MergedBatch

The batch is matched against candidate events fetched by type and date window (an index-friendly range query,
never a scan of every event), with `eventwire.merge.merge_across`; stored events keep their ids and their centres,
and only the events that gain mentions are recounted. Near-duplicate documents are found by joining the batch's
LSH band keys with those stored. Why each mention joined its event is kept in `merge_reasons` for
`eventwire explain`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pyarrow as pa

from eventwire.events.dating import PERIOD_DAYS, period_end
from eventwire.merge import Summary, merge_across, summarize_all
from eventwire.merge.across import DAY_SLACK, sentence_key
from eventwire.merge.neardup import band_keys, near_duplicates, signature
from eventwire.merge.within import INHERITED_DAYS, person_names
from eventwire.merge.wording import Story, wording
from eventwire.merge.wording import band_keys as wording_keys  # not neardup's document keys
from eventwire.store import _arrow
from eventwire.store.records import as_date, iso_date, mention_rows
from eventwire.types import Document, Event, EventMention, Place

REASON_COLUMNS = (("event_id", "str"), ("doc_id", "str"), ("start", "int"), ("end", "int"), ("part_id", "str"),
                  ("part_confidence", "float"), ("reasons", "str"))
MINHASH_COLUMNS = (("doc_id", "str"), ("signature", "blob"), ("dup_of", "str"), ("similarity", "float"))
BAND_COLUMNS = (("doc_id", "str"), ("band", "int"), ("hash", "bigint"))
MERGE_TABLES = {
    "merge_reasons": (REASON_COLUMNS, ("event_id", "doc_id", "start", "end")),
    "doc_minhash": (MINHASH_COLUMNS, ("doc_id",)),
    "doc_bands": (BAND_COLUMNS, ("band", "hash", "doc_id")),
}
SLACK_DAYS = INHERITED_DAYS + DAY_SLACK  # a report dated by its article, or a day apart, may meet a centre this far
# The days a stored centre's date spans, by its precision; one dated by its article may lie SLACK_DAYS after the
# report it matches (the `hi` bound).
_SPAN = "CASE e.date_precision " + " ".join(f"WHEN '{p}' THEN {d}" for p, d in PERIOD_DAYS.items()) + " ELSE 0 END"
_COARSE = ", ".join(f"'{p}'" for p, d in PERIOD_DAYS.items() if d > 31)
_LONGEST = max(PERIOD_DAYS.values())


@dataclass(slots=True)
class MergedBatch:
    events: list[Event] = field(default_factory=list)  # new events (clusters founded by this batch)
    joined_mentions: list[dict] = field(default_factory=list)  # mention rows that join stored events
    reasons: list[dict] = field(default_factory=list)
    minhash: list[dict] = field(default_factory=list)
    bands: list[dict] = field(default_factory=list)
    touched: list[str] = field(default_factory=list)  # stored events that gained mentions
    fatalities: dict[str, int] = field(default_factory=dict)


def merge_batch(con, documents: Sequence[Document], events: Sequence[Event]) -> MergedBatch:
    out = MergedBatch()
    _near_duplicates(con, documents, out)
    events = _not_stored(con, events)
    if not events:
        return out
    new = {e.event_id: e for e in events}
    summaries = summarize_all(events)
    stored = _candidates(con, list(summaries.values()))
    assignment = merge_across(summaries.values(), stored)
    clusters: dict[str, list[Event]] = {}
    for e in sorted(events, key=lambda e: summaries[e.event_id].order):
        clusters.setdefault(assignment.cluster[e.event_id], []).append(e)
    for target, group in clusters.items():
        mentions = [m for g in group for m in g.mentions]
        if target in new:
            founder = new[target]
            out.events.append(Event(**{**{f: getattr(founder, f) for f in founder.__slots__},
                                       "mentions": mentions, "fatalities": _max_fatal(group)}))
        else:
            seq0 = _next_seq(con, target)
            for i, row in enumerate(mention_rows(Event(event_id=target, event_type="", cameo="",
                                                       mentions=mentions))):
                out.joined_mentions.append({**row, "seq": seq0 + i})
            out.touched.append(target)
            if _max_fatal(group) is not None:
                out.fatalities[target] = _max_fatal(group)
        for g in group:
            across = assignment.reasons.get(g.event_id) or {}
            for m in g.mentions:
                out.reasons.append({
                    "event_id": target, "doc_id": m.evidence.doc_id, "start": m.evidence.start,
                    "end": m.evidence.end, "part_id": g.event_id, "part_confidence": g.confidence,
                    "reasons": json.dumps({"across": across, "within": _within(g, m)}, sort_keys=True)})
    return out


def _max_fatal(group: list[Event]) -> int | None:
    return max((g.fatalities for g in group if g.fatalities is not None), default=None)


def _within(event: Event, m: EventMention) -> dict:
    """What the mention itself says, beside its in-document event (the in-document merge compared the two)."""
    loc = m.location
    return {"event": event.event_id, "type": m.event_type, "cameo": m.cameo, "trigger": m.trigger,
            "date": m.date, "date_precision": "inherited" if m.date_inherited else m.date_precision,
            "place": loc.name if loc else None, "place_precision": loc.precision if loc else None,
            "actor1": m.actor1.country if m.actor1 else None}


def _not_stored(con, events: Sequence[Event]) -> list[Event]:
    """Events whose mentions the store holds already (the same document given again) are not merged twice."""
    keys = [(m.evidence.doc_id, m.evidence.start, m.evidence.end) for e in events for m in e.mentions]
    if not keys:
        return list(events)
    probe = pa.table({"doc_id": [k[0] for k in keys], "start": pa.array([k[1] for k in keys], pa.int32()),
                      "end": pa.array([k[2] for k in keys], pa.int32())})
    cur = con.cursor()
    try:
        cur.register("_ew_keys", probe)
        held = set(cur.execute('SELECT m.doc_id, m.start, m."end" FROM mentions m JOIN _ew_keys k '
                               'ON m.doc_id = k.doc_id AND m.start = k.start AND m."end" = k."end"').fetchall())
    finally:
        cur.close()
    return [e for e in events
            if not any((m.evidence.doc_id, m.evidence.start, m.evidence.end) in held for m in e.mentions)]


def _next_seq(con, event_id: str) -> int:
    rows = con.execute("SELECT coalesce(max(seq) + 1, 0) FROM mentions WHERE event_id = ?", [event_id]).fetchall()
    return int(rows[0][0])


def _candidates(con, summaries: Sequence[Summary]) -> list[Summary]:
    """Stored events that could be the same as one of the batch's: same type (or ACLED sub-type), a date period that
    meets the report's (with the slack `merge_across` allows); for an undated report, the undated events."""
    dated = [s for s in summaries if s.date]
    undated = [s for s in summaries if not s.date]  # they meet only undated stored events (`merge_across`)
    if not dated and not undated:
        return []
    # Every stored centre whose period meets a batch report's: a report dated by month reaches a centre later in
    # that month; a centre dated by year is met all year. Coarse centres are few, so their wider range costs little.
    probe = pa.table({
        "event_type": pa.array([s.event_type for s in dated], pa.string()),
        "acled_sub": pa.array([s.acled_sub for s in dated], pa.string()),
        "day": pa.array([as_date(s.date) for s in dated], pa.date32()),
        "last": pa.array([period_end(as_date(s.date), s.precision) for s in dated], pa.date32())})
    cur = con.cursor()
    try:
        cur.register("_ew_probe", probe)
        rows = cur.execute(f"""
            WITH p AS (SELECT DISTINCT event_type, acled_sub, day - {SLACK_DAYS} AS lo,
                              greatest(day, "last") + {SLACK_DAYS} AS hi FROM _ew_probe)
            , c AS (SELECT DISTINCT e.* FROM events e
                    JOIN p ON (e.event_type = p.event_type OR e.acled_sub_event_type = p.acled_sub)
                         AND e."date" <= p.hi
                         AND e."date" >= p.lo - (CASE WHEN e.date_precision IN ({_COARSE}) THEN {_LONGEST}
                                                       ELSE 31 END)
                         AND e."date" + CAST({_SPAN} AS INTEGER) >= p.lo
                    UNION
                    SELECT e.* FROM events e WHERE e."date" IS NULL
                         AND (e.event_type IN (SELECT unnest(?::VARCHAR[]))
                              OR e.acled_sub_event_type IN (SELECT unnest(?::VARCHAR[]))))
            SELECT c.*, f.doc_id AS _doc, f.start AS _start, s.sentences AS _sentences
            FROM c
            LEFT JOIN (SELECT event_id, arg_min(doc_id, (doc_id, start)) AS doc_id, min(start) AS start
                       FROM merge_reasons WHERE part_id = event_id GROUP BY event_id) f ON f.event_id = c.event_id
            LEFT JOIN (SELECT r.event_id, list(DISTINCT m.sentence) AS sentences
                       FROM merge_reasons r JOIN mentions m
                            ON m.doc_id = r.doc_id AND m.start = r.start AND m."end" = r."end"
                       WHERE r.part_id = r.event_id AND r.event_id IN (SELECT event_id FROM c)
                       GROUP BY r.event_id) s ON s.event_id = c.event_id
        """, [sorted({s.event_type for s in undated}), sorted({s.acled_sub for s in undated if s.acled_sub})]
        ).fetch_df()
        stored = [_summary_of_row(r) for r in rows.to_dict("records")]
        # The founding article's story (all its mentions' sentences) matters only where one of the centre's own
        # sentences may be one of the batch's retold, which needs a shared wording key: fetch those stories only.
        keys = {k for x in summaries for w in x.wordings for k in wording_keys(w)}
        founders = sorted({c.order[0] for c in stored
                           if any(k in keys for w in c.wordings for k in wording_keys(w))})
        said = dict(cur.execute("SELECT doc_id, list(DISTINCT sentence) FROM mentions "
                                "WHERE doc_id IN (SELECT unnest(?)) GROUP BY doc_id", [founders]).fetchall()
                    ) if founders else {}
    finally:
        cur.close()
    told = {d: Story.of(d, s) for d, s in said.items()}
    return [replace(c, story=told[c.order[0]]) if c.order[0] in told else c for c in stored]


def _none(v):
    return None if v is None or (isinstance(v, float) and np.isnan(v)) else v


def _summary_of_row(r: dict) -> Summary:
    place = None
    if _none(r["location_name"]) is not None and _none(r["location_precision"]) is not None:
        gid = _none(r["location_geonameid"])
        place = Place(geonameid=int(gid) if gid is not None else None, name=r["location_name"], feature_code="",
                      country=_none(r["location_country"]), admin1=_none(r["location_admin1"]),
                      lat=_none(r["location_lat"]), lon=_none(r["location_lon"]), precision=r["location_precision"])
    return Summary(
        key=r["event_id"], order=(_none(r["_doc"]) or r["event_id"], int(_none(r["_start"]) or 0)),
        event_type=r["event_type"], cameo=r["cameo"], mode=_none(r["mode"]), acled_sub=_none(r["acled_sub_event_type"]),
        actor1=_stated(r, "actor1"), actor2=_stated(r, "actor2"), place=place,
        date=iso_date(r["date"]),
        precision=_none(r["date_precision"]) or "unknown",
        names=person_names(_none(r["actor1_name"]), _none(r["actor2_name"])),
        # the sentences of the centre's own mentions: a centre never moves, so later joiners do not count
        sentences=frozenset(k for t in _listed(r.get("_sentences")) if (k := sentence_key(t))),
        wordings=frozenset(w for t in _listed(r.get("_sentences")) if (w := wording(t))),
    )


def _stated(r: dict, role: str) -> str | None:
    """The actor's country when the text says it (`stated_country`, as the in-memory merge reads it)."""
    return None if _none(r.get(f"{role}_inferred")) else _none(r[f"{role}_country"])


def _listed(v) -> list:
    return [] if v is None or (isinstance(v, float) and np.isnan(v)) else list(v)


def _near_duplicates(con, documents: Sequence[Document], out: MergedBatch) -> None:
    docs = {d.doc_id: d.text for d in documents}
    if not docs:
        return
    sigs = {d: signature(t) for d, t in docs.items()}
    bands = [{"doc_id": d, "band": i, "hash": k} for d, s in sigs.items() for i, k in enumerate(band_keys(s))]
    cur = con.cursor()
    try:
        cur.register("_ew_bands", _arrow.table(bands, BAND_COLUMNS))
        pairs = cur.execute("SELECT DISTINCT b.doc_id, s.doc_id FROM _ew_bands b JOIN doc_bands s "
                            "ON s.band = b.band AND s.hash = b.hash WHERE s.doc_id NOT IN (SELECT doc_id FROM _ew_bands)"
                            ).fetchall()
        others = sorted({p[1] for p in pairs})
        known, roots = {}, {}
        if others:
            marks = ", ".join("?" * len(others))
            for doc_id, blob, dup_of in cur.execute(
                    f"SELECT doc_id, signature, dup_of FROM doc_minhash WHERE doc_id IN ({marks})", others).fetchall():
                known[doc_id] = np.frombuffer(blob, dtype=np.uint64)
                roots[doc_id] = dup_of or doc_id
    finally:
        cur.close()
    found = near_duplicates(docs, known=known, candidates=pairs)
    for d, sig in sigs.items():
        of, sim = found.get(d, (None, None))
        out.minhash.append({"doc_id": d, "signature": sig.tobytes(), "dup_of": roots.get(of, of) if of else None,
                            "similarity": sim})
    out.bands = bands
