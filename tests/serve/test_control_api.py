"""/control and /control/{place} against a real uvicorn server over the seed's store (made by `eventwire run`)."""

from __future__ import annotations

import duckdb


def test_run_writes_the_control_table(seed_db):
    con = duckdb.connect(str(seed_db), read_only=True)
    try:
        got = con.execute('SELECT place_name, side, CAST("date" AS VARCHAR) FROM control_changes ORDER BY 1').fetchall()
    finally:
        con.close()
    assert got == [("Luhansk Oblast", "RUS", "2022-07-03"), ("Lysychansk", "RUS", "2022-07-03"),
                   ("Siverskodonetsk", "RUS", "2022-06-26")]


def test_control_at_a_date(seed_server):
    import httpx

    with httpx.Client(base_url=seed_server.url, timeout=30) as api:
        latest = api.get("/control")
        assert latest.status_code == 200
        assert latest.headers["content-type"].startswith("application/geo+json")
        fc = latest.json()
        assert fc["type"] == "FeatureCollection" and fc["dates"] == ["2022-06-26", "2022-07-03"]
        props = {f["properties"]["place"]: f["properties"] for f in fc["features"]}
        assert props["Lysychansk"]["side"] == "RUS" and props["Lysychansk"]["since"] == "2022-07-03"
        assert props["Lysychansk"]["evidence"] and all(f["geometry"]["type"] == "Point" for f in fc["features"])
        early = api.get("/control", params={"at": "2022-07-01"}).json()
        assert [f["properties"]["place"] for f in early["features"]] == ["Siverskodonetsk"]
        assert api.get("/control", params={"at": "2022-13-01"}).status_code == 422
        assert api.get("/control", params={"when": "2022-07-01"}).status_code == 422


def test_control_history(seed_server):
    import httpx

    with httpx.Client(base_url=seed_server.url, timeout=30) as api:
        by_name = api.get("/control/Sievierodonetsk")  # a spelling only the gazetteer knows
        assert by_name.status_code == 200, by_name.text
        body = by_name.json()
        assert body["place"] == "Siverskodonetsk"
        assert [(c["side"], c["date"], c["date_precision"]) for c in body["changes"]] == [("RUS", "2022-06-26", "week")]
        by_id = api.get("/control/702972").json()
        assert by_id["place"] == "Lysychansk" and by_id["changes"][0]["status"] == "corroborated"
        missing = api.get("/control/Atlantis")
        assert missing.status_code == 404 and "no control change for 'Atlantis'" in missing.json()["detail"]
