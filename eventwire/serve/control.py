"""The API's control routes: `/control?at=DATE` (who holds what, GeoJSON) and `/control/{place}` (a history).

Changes come from the store's `control_changes` table (written by `eventwire run`); a store made before that table
existed gets them recomputed from its events once, at the first request. Read once per app, never global.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any, Callable

from fastapi import FastAPI, Path as PathParam, Query
from fastapi.responses import JSONResponse, Response

from eventwire.control import ControlChange, ControlState, change_record, control_at, history, side_name
from eventwire.store.control import TABLE, changes_from_rows

MAX_EVIDENCE = 5  # sentences per place on the map; the history route gives all


def _load(reader) -> list[ControlChange]:
    has = reader.rows("SELECT count(*) AS n FROM information_schema.tables WHERE table_catalog = 'store' "
                      "AND table_name = ?", [TABLE])[0]["n"]
    if has:
        return changes_from_rows(reader.rows(f'SELECT * FROM {TABLE} ORDER BY place_key, "date", side'))
    from eventwire.control import derive_control, event_from_record
    from eventwire.store.records import MENTION_KEYS, record_from_row

    mentions: dict[str, list[dict]] = {}
    cols = ", ".join(f'"{k}"' for k in MENTION_KEYS)
    for m in reader.rows(f'SELECT event_id, {cols} FROM mentions ORDER BY seq, doc_id, start, "end"'):
        mentions.setdefault(m["event_id"], []).append(m)
    events = [event_from_record(record_from_row(r, mentions.get(r["event_id"], [])))
              for r in reader.rows("SELECT * FROM events ORDER BY event_id")]
    return derive_control(events)


def _feature(s: ControlState) -> dict[str, Any]:
    ch = s.change
    geometry = None if ch.lat is None or ch.lon is None else {
        "type": "Point", "coordinates": [round(ch.lon, 5), round(ch.lat, 5)]}
    evidence = [{"doc_id": e.doc_id, "source": e.source, "published": e.published, "sentence": e.sentence,
                 "start": e.start, "end": e.end, "voice": e.voice, "scope": e.scope} for e in ch.evidence]
    return {
        "type": "Feature", "id": s.place_key, "geometry": geometry,
        "properties": {
            "place": s.place_name, "place_key": s.place_key, "geonameid": ch.geonameid, "level": s.level,
            "country": ch.country, "admin1": ch.admin1, "side": s.side, "side_name": side_name(s.side),
            "from_side": ch.from_side, "since": s.since, "date_precision": s.date_precision, "status": s.status,
            "confidence": s.confidence, "basis": list(ch.basis), "change_id": ch.change_id,
            "contested": s.contested,
            "alternatives": [{"side": a.side, "since": a.date, "status": a.status, "change_id": a.change_id}
                             for a in s.alternatives],
            "num_evidence": len(evidence), "evidence": evidence[:MAX_EVIDENCE],
        },
    }


def add_control_routes(app: FastAPI, reader, no_params: Callable, only_at: Callable) -> None:
    """Register `/control` and `/control/{place}` on `app` (`no_params` / `only_at`: the app's guards against
    unknown query parameters)."""
    cache: dict[str, list[ControlChange]] = {}
    resolver: dict[str, Any] = {}

    def changes() -> list[ControlChange]:
        if "all" not in cache:
            cache["all"] = _load(reader)
        return cache["all"]

    def resolve(name: str) -> list[int]:
        if "gaz" not in resolver:
            from eventwire.geo import load_gazetteer

            resolver["gaz"] = load_gazetteer()
        return [p.geonameid for p in resolver["gaz"].lookup(name)[:5] if p.geonameid is not None]

    @app.get(
        "/control",
        dependencies=[only_at],
        responses={200: {"description": "A GeoJSON FeatureCollection: one feature per place whose control is known "
                         "on `at` (geometry null for a region known only by name), with side, since, status, "
                         "confidence and evidence; `dates` lists every change date (for a slider).",
                         "content": {"application/geo+json": {}}}},
        summary="Who holds what on a date (territorial control derived from capture and withdrawal events)",
    )
    def control(at: Annotated[date | None, Query(description="Day, YYYY-MM-DD; default: the latest state.")] = None):
        all_changes = changes()
        states = control_at(all_changes, at)
        body = {"type": "FeatureCollection", "at": at.isoformat() if at else None,
                "dates": sorted({c.date for c in all_changes}), "total": len(states),
                "features": [_feature(s) for s in states]}
        return Response(json.dumps(body, ensure_ascii=False), media_type="application/geo+json")

    @app.get(
        "/control/{place}",
        dependencies=[no_params],
        responses={404: {"description": "No control change for this place in the store."}},
        summary="One place's control history: every change, with its evidence, conflicts kept side by side",
    )
    def control_history(place: Annotated[str, PathParam(max_length=200, description="Place name or geonameid.")]):
        found = history(changes(), place, resolve=None if place.isdigit() else resolve)
        if not found:
            return JSONResponse(status_code=404, content={
                "detail": f"no control change for {place!r} in this store (try a place name like 'Lysychansk' or "
                          "a GeoNames id; /control lists the places known)"})
        first = found[0]
        return JSONResponse({"place": first.place_name, "place_key": first.place_key, "geonameid": first.geonameid,
                             "level": first.level, "changes": [change_record(c) for c in found]})
