"""The store's `control_changes` table: the control stage's changes, recomputed from the stored events.

Recomputed whole rather than added batch by batch: a change gathers reports from many articles, so a new batch can
merge, re-date or contest changes made before. `refresh_control(store)` replaces the table in one transaction from
an Arrow table (no row-by-row inserts); running it again on the same events gives the same rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import pyarrow as pa

from eventwire.control import ControlChange, change_from_record, change_record, derive_control, event_from_record
from eventwire.control.derive import CAPTURE_CAMEO, RETREAT_CAMEO, TRANSFER_ACLED

TABLE = "control_changes"
_LIST = pa.list_(pa.string())
SCHEMA = pa.schema([
    ("change_id", pa.string()), ("place_key", pa.string()), ("place_name", pa.string()), ("level", pa.string()),
    ("side", pa.string()), ("from_side", pa.string()), ("date", pa.date32()), ("date_precision", pa.string()),
    ("status", pa.string()), ("confidence", pa.float64()), ("conflict", pa.bool_()), ("conflicts_with", _LIST),
    ("rules", _LIST), ("basis", _LIST), ("event_ids", _LIST), ("aliases", _LIST), ("geonameid", pa.int64()),
    ("country", pa.string()), ("admin1", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
    ("evidence", pa.string()),  # JSON list of {event_id, doc_id, sentence, start, end, voice, source, published, scope}
])
DDL = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} (change_id VARCHAR PRIMARY KEY, place_key VARCHAR, place_name VARCHAR, "
    "level VARCHAR, side VARCHAR, from_side VARCHAR, \"date\" DATE, date_precision VARCHAR, status VARCHAR, "
    "confidence DOUBLE, conflict BOOLEAN, conflicts_with VARCHAR[], rules VARCHAR[], basis VARCHAR[], "
    "event_ids VARCHAR[], aliases VARCHAR[], geonameid BIGINT, country VARCHAR, admin1 VARCHAR, lat DOUBLE, "
    "lon DOUBLE, evidence VARCHAR)"
)


def control_table(changes: Iterable[ControlChange]) -> pa.Table:
    """The changes as an Arrow table in the `control_changes` layout."""
    import datetime as dt

    rows = []
    for ch in changes:
        rec = change_record(ch)
        rec["date"] = dt.date.fromisoformat(rec["date"])
        rec["evidence"] = json.dumps(rec["evidence"], ensure_ascii=False)
        rows.append({name: rec.get(name) for name in SCHEMA.names})
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def _territory_events(store) -> Iterable[dict]:
    """The events of the documents that report a capture, handover or withdrawal: all that control reads (the
    other events of those documents tell who fought whom). A store of a million events reads a few thousand."""
    docs = [r[0] for r in store.con.execute(
        "SELECT DISTINCT m.doc_id FROM mentions m JOIN events e ON e.event_id = m.event_id "
        "WHERE e.cameo IN (?, ?) OR e.acled_sub_event_type = ? ORDER BY 1",
        [CAPTURE_CAMEO, RETREAT_CAMEO, TRANSFER_ACLED]).fetchall()]
    return store.event_records(doc_id=docs) if docs else []


def refresh_control(store) -> int:
    """Recompute `control_changes` from the store's events; returns the number of changes. Idempotent."""
    changes = derive_control(event_from_record(r) for r in _territory_events(store))
    table = control_table(changes)
    con = store.con
    con.begin()
    try:
        con.execute(DDL)
        con.execute(f"DELETE FROM {TABLE}")
        con.register("_ew_control_new", table)
        con.execute(f"INSERT INTO {TABLE} SELECT * FROM _ew_control_new")
        con.unregister("_ew_control_new")
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return len(changes)


def changes_from_rows(rows: Iterable[Mapping[str, Any]]) -> list[ControlChange]:
    """`ControlChange`s from rows of the table (dicts, as any DuckDB cursor gives them)."""
    out = []
    for row in rows:
        rec = dict(row)
        rec["evidence"] = json.loads(rec.get("evidence") or "[]")
        out.append(change_from_record(rec))
    return out


def read_control(store) -> list[ControlChange]:
    """The stored changes (recomputed from the events when the store has no table yet: an older store)."""
    con = store.con
    has = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [TABLE]).fetchone()[0]
    if not has:
        return derive_control(event_from_record(r) for r in _territory_events(store))
    cur = con.execute(f"SELECT * FROM {TABLE} ORDER BY place_key, \"date\", side")
    names = [d[0] for d in cur.description]
    return changes_from_rows(dict(zip(names, r)) for r in cur.fetchall())
