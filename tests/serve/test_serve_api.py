"""The REST API against a real uvicorn server on 127.0.0.1, over a store coded from the bundled sample."""

from __future__ import annotations

import re
from urllib.parse import quote
from pathlib import Path

import duckdb
import httpx
import pytest

STATIC = Path(__file__).resolve().parents[2] / "eventwire" / "serve" / "static"


@pytest.fixture(scope="module")
def store(sample_db):
    """The sample store's events, read directly (the truth the API is checked against)."""
    con = duckdb.connect(str(sample_db), read_only=True)
    try:
        cols = [d[0] for d in con.execute("SELECT * FROM events").description]
        rows = [dict(zip(cols, r)) for r in con.execute("SELECT * FROM events").fetchall()]
    finally:
        con.close()
    return rows


def all_events(api, **params) -> list[dict]:
    out, offset = [], 0
    while True:
        r = api.get("/events", params={**params, "limit": 7, "offset": offset})
        assert r.status_code == 200, r.text
        page = r.json()
        out += page["events"]
        offset += 7
        if offset >= page["total"]:
            assert len(out) == page["total"]
            return out


def ids(events) -> set[str]:
    return {e["event_id"] for e in events}


def detail(r: httpx.Response) -> str:
    assert r.status_code == 422, r.text
    return " ".join(f"{'.'.join(map(str, d['loc']))}: {d['msg']}" for d in r.json()["detail"])


# -- listing, paging, sorting -----------------------------------------------------------------------------------


def test_events_pages_cover_the_store(api, store):
    got = all_events(api)
    assert ids(got) == {e["event_id"] for e in store}
    assert len(got) == len(store) >= 10
    first = got[0]
    assert set(first) >= {"event_id", "event_type", "cameo", "acled", "date", "actor1", "location", "num_sources"}
    assert "mentions" not in first  # the evidence is in /events/{id}


@pytest.mark.parametrize("sort,key,reverse", [("date", "date", False), ("-date", "date", True), ("-confidence", "confidence", True)])
def test_sort(api, sort, key, reverse):
    events = api.get("/events", params={"sort": sort, "limit": 500}).json()["events"]
    values = [e[key] for e in events if e[key] is not None]
    assert values == sorted(values, reverse=reverse)


def test_page_size_is_bounded(api):
    assert "less than or equal to 500" in detail(api.get("/events", params={"limit": 501}))
    assert "limit" in detail(api.get("/events", params={"limit": 10**9}))
    assert "offset" in detail(api.get("/events", params={"offset": 10**7}))
    assert "limit" in detail(api.get("/events", params={"limit": 0}))
    assert "limit" in detail(api.get("/events.geojson", params={"limit": 10**6}))


# -- filters ----------------------------------------------------------------------------------------------------


def test_filter_by_dates(api, store):
    got = all_events(api, since="2023-04-01", until="2023-05-14")
    want = {e["event_id"] for e in store if e["date"] and "2023-04-01" <= e["date"].isoformat() <= "2023-05-14"}
    assert ids(got) == want and want


@pytest.mark.parametrize("value", ["ASSAULT", "assault", "ASSAULT,RETREAT"])
def test_filter_by_plover_type(api, store, value):
    types = set(value.upper().split(","))
    got = all_events(api, event_type=value)
    assert ids(got) == {e["event_id"] for e in store if e["event_type"] in types}
    assert got


def test_repeated_type_parameters(api, store):
    r = api.get("/events?event_type=ASSAULT&event_type=COERCE&limit=500")
    assert {e["event_type"] for e in r.json()["events"]} == {"ASSAULT", "COERCE"}


def test_filter_by_cameo_prefix_and_acled(api, store):
    got = all_events(api, cameo="19")
    assert ids(got) == {e["event_id"] for e in store if (e["cameo"] or "").startswith("19")} and got
    got = all_events(api, acled="Explosions/Remote violence")
    assert ids(got) == {e["event_id"] for e in store if e["acled_event_type"] == "Explosions/Remote violence"} and got


def test_filter_by_actor(api, store):
    def words(e):
        return " ".join(str(a.get(k) or "") for a in (e["actor1"] or {}, e["actor2"] or {}) for k in ("name", "text"))

    got = all_events(api, actor="turk")
    assert got and all("turk" in words(e).lower() for e in got)
    got = all_events(api, actor_sector="gov")
    assert ids(got) == {e["event_id"] for e in store if "GOV" in (e["actor1_sector"], e["actor2_sector"])} and got
    got = all_events(api, actor_country="TUR")
    assert ids(got) == {e["event_id"] for e in store if "TUR" in (e["actor1_country"], e["actor2_country"])}


def test_filter_by_place(api, store):
    got = all_events(api, country="syr")
    assert ids(got) == {e["event_id"] for e in store if e["location_country"] == "SYR"} and got
    got = all_events(api, admin1="kharkiv")
    assert ids(got) == {e["event_id"] for e in store if e["location_admin1"] == "Kharkiv"} and got
    # bbox around Syria's north-east; and the same box written across the antimeridian matches nothing there
    got = all_events(api, bbox="38,35,43,38")
    want = {
        e["event_id"] for e in store
        if e["location_lat"] is not None and 35 <= e["location_lat"] <= 38 and 38 <= e["location_lon"] <= 43
    }  # fmt: skip
    assert ids(got) == want and want
    assert all_events(api, bbox="170,35,-170,38") == []


def test_filter_by_evidence_words_and_sources(api, store):
    got = all_events(api, q="Kupiansk")
    assert got
    for e in got:
        mentions = api.get(f"/events/{e['event_id']}").json()["mentions"]
        assert any("kupiansk" in m["sentence"].lower() for m in mentions)
    assert all_events(api, min_sources=1) and all_events(api, min_sources=1000) == []


def test_filters_combine(api, store):
    got = all_events(api, country="UKR", event_type="ASSAULT", since="2023-01-01")
    want = {
        e["event_id"] for e in store
        if e["location_country"] == "UKR" and e["event_type"] == "ASSAULT" and e["date"] and e["date"].isoformat() >= "2023-01-01"
    }  # fmt: skip
    assert ids(got) == want and want


# -- 422 with a clear message -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params,words",
    [
        ({"since": "2022-13-01"}, ["since", "month"]),
        ({"until": "yesterday"}, ["until", "date"]),
        ({"since": "2023-05-01", "until": "2023-04-01"}, ["since", "after"]),
        ({"event_type": "EXPLODE"}, ["event_type", "unknown event type 'EXPLODE'", "ASSAULT"]),
        ({"acled": "Battle"}, ["acled", "unknown ACLED event type"]),
        ({"cameo": "1a"}, ["cameo", "CAMEO code prefix"]),
        ({"country": "UK1"}, ["country", "ISO 3166-1 alpha-3"]),
        ({"bbox": "1,2,3"}, ["bbox", "four numbers"]),
        ({"bbox": "0,95,10,96"}, ["bbox", "latitudes"]),
        ({"bbox": "a,b,c,d"}, ["bbox", "numbers"]),
        ({"status": "rumoured"}, ["status", "unknown status"]),
        ({"sort": "dates"}, ["sort", "unknown sort"]),
        ({"min_sources": "0"}, ["min_sources"]),
        ({"q": "x" * 201}, ["q", "at most 200 characters"]),
        ({"evnt_type": "ASSAULT"}, ["evnt_type", "unknown query parameter"]),
    ],
)
def test_bad_filters_are_422_with_a_message(api, params, words):
    for path in ("/events", "/stats", "/events.geojson"):
        if path != "/events" and "sort" in params:
            continue
        text = detail(api.get(path, params=params))
        for w in words:
            assert w in text, (path, text)


# -- one event, its evidence ----------------------------------------------------------------------------------------


def test_event_record_with_mentions_and_spans(api, store):
    for e in store:
        r = api.get(f"/events/{e['event_id']}")
        assert r.status_code == 200
        rec = r.json()
        assert rec["event_id"] == e["event_id"]
        assert len(rec["mentions"]) == e["num_mentions"] >= 1
        assert rec["evidence"] == rec["mentions"][0]["sentence"] and rec["sources"]
        for m in rec["mentions"]:
            assert m["sentence"] and m["source"]
            trig = [h for h in m["highlights"] if h["kind"] == "trigger"]
            assert len(trig) == 1
            s, t = trig[0]["start"], trig[0]["end"]
            assert m["sentence"][s:t] == m["trigger"] == trig[0]["text"]
            assert m["start"] - m["sentence_start"] == s
            for h in m["highlights"]:
                assert m["sentence"][h["start"] : h["end"]] == h["text"]


def test_unknown_event_is_404(api):
    r = api.get("/events/0000000000000000")
    assert r.status_code == 404 and "no event" in r.json()["detail"]
    assert api.get("/events/" + "a" * 65).status_code == 422


# -- GeoJSON and stats ----------------------------------------------------------------------------------------------


def test_geojson(api, store):
    fc = api.get("/events.geojson").json()
    assert api.get("/events.geojson").headers["content-type"].startswith("application/geo+json")
    located = [e for e in store if e["location_lat"] is not None]
    assert fc["type"] == "FeatureCollection" and fc["total"] == len(fc["features"]) == len(located)
    by_id = {e["event_id"]: e for e in store}
    for f in fc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        e = by_id[f["id"]]
        assert lat == pytest.approx(e["location_lat"], abs=1e-5) and lon == pytest.approx(e["location_lon"], abs=1e-5)
        assert f["properties"]["event_type"] == e["event_type"]
    small = api.get("/events.geojson", params={"limit": 2}).json()
    assert len(small["features"]) == 2 and small["truncated"] is True


def test_stats(api, store):
    s = api.get("/stats").json()
    assert s["total"] == len(store)
    assert sum(c["count"] for c in s["by_type"]) == len(store)
    assert sum(c["count"] for c in s["by_country"]) == len(store)
    assert sum(c["count"] for c in s["by_day"]) == sum(1 for e in store if e["date"])
    assert [d["key"] for d in s["by_day"]] == sorted(d["key"] for d in s["by_day"])
    ukr = api.get("/stats", params={"country": "UKR"}).json()
    assert ukr["by_country"] == [{"key": "UKR", "count": ukr["total"]}]


def test_admin1_outlines(api):
    r = api.get("/admin1/UKR.geojson")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/geo+json")
    f = r.json()
    assert f["type"] == "Feature" and f["geometry"]["type"] == "MultiLineString"
    lines = f["geometry"]["coordinates"]
    assert len(lines) > 10 and all(len(line) >= 2 for line in lines)
    assert all(22 <= lon <= 41 and 44 <= lat <= 53 for line in lines for lon, lat in line)
    props = f["properties"]
    assert props["country"] == "UKR" and props["approximate"] is True
    assert props["method"] == "Voronoi boundaries between GeoNames settlements of different admin1 units"
    assert api.get("/admin1/ua.geojson").json() == f  # ISO2, any case


@pytest.mark.parametrize("path, status, words", [
    ("/admin1/XXX.geojson", 404, "unknown country 'XXX'"),
    ("/admin1/QQ.geojson", 404, "unknown country 'QQ'"),
    ("/admin1/UKRA.geojson", 422, "pattern"),
    ("/admin1/U1.geojson", 422, "pattern"),
    ("/admin1/UKR.geojson?since=2024-01-01", 422, "unknown query parameter"),
])  # fmt: skip
def test_admin1_outlines_errors(api, path, status, words):
    r = api.get(path)
    assert r.status_code == status, r.text
    assert words in r.text


# -- safety ----------------------------------------------------------------------------------------------------------

INJECTIONS = [
    "' OR '1'='1",
    "x'); DROP TABLE events; --",
    "%' UNION SELECT * FROM documents --",
    "\\' OR 1=1 --",
    "%",
    "_",
    "\"; COPY events TO '/tmp/pwned.csv'; --",
]


@pytest.mark.parametrize("value", INJECTIONS)
def test_sql_injection_is_harmless(api, store, value):
    for name in ("actor", "q", "admin1"):
        r = api.get("/events", params={name: value})
        assert r.status_code == 200, r.text
        assert r.json()["total"] == 0, (name, value)  # taken literally: no such words in the sample
    for name in ("event_type", "acled", "country", "cameo", "sort", "bbox", "since"):
        assert api.get("/events", params={name: value}).status_code == 422
    r = api.get("/events/" + quote(value, safe=""))
    assert r.status_code == 404
    assert api.get("/stats").json()["total"] == len(store)  # the store is intact
    assert not Path("/tmp/pwned.csv").exists()


def test_read_only_and_cors_closed(api):
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        assert api.request(method, "/events").status_code == 405
    r = api.get("/events", headers={"Origin": "http://evil.example"})
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
    pre = api.options(
        "/events", headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "GET"}
    )
    assert "access-control-allow-origin" not in pre.headers


def test_docs_and_page_are_served_locally(api):
    spec = api.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/events.geojson", "/stats", "/admin1/{country}.geojson"} <= set(spec["paths"])
    docs = api.get("/docs")
    assert docs.status_code == 200 and "/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert api.get("/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    page = api.get("/")
    assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    for name in ("index.html", "app.js", "app.css"):
        text = (STATIC / name).read_text()
        assert not re.search(r"https?://(?!127\.0\.0\.1)", text), f"{name} loads something from the network"
    for src in re.findall(r'(?:src|href)="(/[^"]+)"', page.text):
        assert api.get(src).status_code == 200, src
    assert api.get("/vendor/world-atlas/countries-50m.json").json()["type"] == "Topology"
    assert api.get("/vendor/leaflet/../../package.json").status_code == 404
