"""Pieces of the API that need no server: asset lookup, the query time bound, filters' SQL, evidence spans."""

from __future__ import annotations

import duckdb
import pytest

from eventwire.serve import create_app
from eventwire.serve.app import QueryTimeout, StoreReader
from eventwire.serve.assets import AssetsMissing, find_node_modules
from eventwire.serve.query import EventFilters, FilterError, highlights, parse_bbox


def test_missing_assets_say_what_to_do(tmp_path, sample_db):
    with pytest.raises(AssetsMissing, match=r"npm ci.*EVENTWIRE_NODE_MODULES"):
        find_node_modules(tmp_path)
    with pytest.raises(AssetsMissing, match="npm ci"):
        create_app(sample_db, node_modules=tmp_path)


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such store"):
        create_app(tmp_path / "nope.duckdb")
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(ValueError, match="not an eventwire store"):
        create_app(other)


def test_a_long_query_is_interrupted(sample_db):
    reader = StoreReader(sample_db, timeout_s=0.3)
    try:
        with pytest.raises(QueryTimeout, match="0.3 s bound"):
            reader.rows("SELECT count(*) FROM range(100000000000) a")
        assert reader.rows("SELECT count(*) AS n FROM events")[0]["n"] > 0  # and the connection still works
    finally:
        reader.close()


def test_the_store_is_opened_read_only(sample_db):
    reader = StoreReader(sample_db)
    try:
        with pytest.raises(duckdb.Error):
            reader.rows("DELETE FROM events")
        with pytest.raises(duckdb.Error):
            reader.rows("SELECT * FROM read_csv('/etc/passwd')")
    finally:
        reader.close()


def test_filters_are_parameters():
    f = EventFilters(actor="x' OR 1=1 --", q="50%_off", event_type=["assault"], bbox=parse_bbox("170,-10,-170,10"))
    where, params = f.check({"ASSAULT"}).where()
    assert "x'" not in where and "50%" not in where
    assert params.count("%x' OR 1=1 --%") == 4 and "%50\\%\\_off%" in params
    assert "location_lon >= ? OR" in where  # across the antimeridian
    with pytest.raises(FilterError):
        EventFilters(event_type=["BOGUS"]).check({"ASSAULT"})


def test_highlights():
    sentence = "His comments came a day after Ukrainian troops pulled out of Lysychansk after heavy shelling on Saturday."
    mention = {"sentence_start": 100, "start": 147, "end": 157}
    event = {"actor1": {"text": "Ukrainian troops"}, "location": {"text": "Lysychansk"}, "date_text": "a day after"}
    spans = highlights(sentence, mention, event)
    assert [(s["kind"], s["text"]) for s in spans] == [
        ("date", "a day after"), ("actor1", "Ukrainian troops"), ("trigger", "pulled out"), ("place", "Lysychansk"),
    ]  # fmt: skip
    # offsets out of the sentence give no trigger span rather than a wrong one
    assert all(s["kind"] != "trigger" for s in highlights(sentence, {"sentence_start": 0, "start": 500, "end": 505}, {}))


def test_sorted_copy_and_store_give_the_same_answers(sample_db):
    import warnings

    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

    with TestClient(create_app(sample_db)) as cached, TestClient(create_app(sample_db, cache_max_events=0)) as plain:
        for url in ("/events?limit=500", "/events?sort=-num_sources&country=UKR", "/events.geojson", "/stats?event_type=ASSAULT"):
            assert cached.get(url).json() == plain.get(url).json(), url


def test_serve_command_refuses_a_missing_store(tmp_path):
    import typer
    from typer.testing import CliRunner

    from eventwire.serve.cli import serve_command

    app = typer.Typer()
    app.command("serve")(serve_command)
    app.command("other")(lambda: None)  # (a group, as in eventwire's CLI)
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no such store" in result.output
