import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from store_synth import LYSYCHANSK, batch

from eventwire.store import Store, event_record, export, export_store, formats, records_frame, write_geojson
from eventwire.store.export import CSV_COLUMNS


@pytest.fixture
def stored(tmp_path):
    db = tmp_path / "ew.duckdb"
    events = []
    with Store(db) as s:
        for i in range(2):
            docs, evs, errors = batch(i)
            s.add(docs, evs, errors)
            events += evs
    return db, events


def test_formats():
    assert {"jsonl", "csv", "parquet", "geojson", "acled"} <= set(formats())


def test_unknown_format_lists_formats(tmp_path):
    with pytest.raises(ValueError, match=r"unknown export format 'xlsx'; formats are: jsonl, csv, parquet, geojson, acled"):
        export([], "xlsx", tmp_path / "x")


def test_jsonl(stored, tmp_path):
    db, events = stored
    out = tmp_path / "out" / "events.jsonl"
    res = export_store(db, "jsonl", out)
    assert (res.format, res.written, res.skipped, res.out) == ("jsonl", 6, 0, str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    recs = {r["event_id"]: r for r in map(json.loads, lines)}
    assert recs == {e.event_id: event_record(e) for e in events}


def test_jsonl_from_events_to_stream(stored):
    _, events = stored
    buf = io.StringIO()
    assert export(events, "jsonl", buf).written == 6
    assert [json.loads(x)["event_id"] for x in buf.getvalue().splitlines()] == [e.event_id for e in events]
    raw = io.BytesIO()  # a binary stream works for text formats too
    export(events[:1], "jsonl", raw)
    assert json.loads(raw.getvalue().decode("utf-8")) == event_record(events[0])


def test_csv(stored, tmp_path):
    db, _ = stored
    out = tmp_path / "events.csv"
    assert export_store(db, "csv", out, event_type="ASSAULT").written == 2
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 2
    r = rows[0]
    assert r["actor1_name"] == "Russia" and float(r["location_lat"]) == LYSYCHANSK.lat
    assert r["doc_ids"] == "b0-d0;b0-d1;b0-d2" and r["evidence"].startswith("Russian forces shelled")


def test_parquet(stored, tmp_path):
    db, events = stored
    out = tmp_path / "events.parquet"
    with Store(db, read_only=True) as s:
        assert export(s, "parquet", out).written == 6
    table = pq.read_table(out)
    assert table.num_rows == 6
    rows = {r["event_id"]: r for r in table.to_pylist()}
    a = rows["ev-assault-0"]
    assert a["location_lon"] == LYSYCHANSK.lon and a["date"].isoformat() == "2022-07-02"
    assert [m["doc_id"] for m in a["mentions"]] == ["b0-d0", "b0-d1", "b0-d2"]
    assert rows["ev-bare-0"]["actor1_name"] is None
    empty = tmp_path / "empty.parquet"
    export([], "parquet", empty)
    assert pq.read_table(empty).num_rows == 0 and pq.read_table(empty).schema == table.schema


def test_geojson(stored, tmp_path):
    db, _ = stored
    out = tmp_path / "events.geojson"
    with Store(db, read_only=True) as s:
        res = write_geojson(s, out)
    assert (res.written, res.skipped) == (2, 4)  # only the assaults have coordinates
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    f = fc["features"][0]
    assert f["type"] == "Feature" and f["geometry"] == {"type": "Point", "coordinates": [LYSYCHANSK.lon, LYSYCHANSK.lat]}
    p = f["properties"]
    assert p["event_id"] == f["id"] and p["location"]["name"] == "Lysychansk"
    assert p["evidence"].startswith("Russian forces shelled")
    assert p["mentions"] and all("sentence" not in m for m in p["mentions"])


def test_geojson_empty_is_valid():
    buf = io.StringIO()
    assert write_geojson([], buf).written == 0
    assert json.loads(buf.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_records_frame(stored):
    _, events = stored
    df = records_frame(events)
    assert len(df) == 6 and "mentions" in df and "actor1_country" in df
