"""The commands as a user runs them: real processes, a real DuckDB file, the bundled sample."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from eventwire.ingest import split_header

SAMPLE = Path(__file__).resolve().parents[1] / "eventwire" / "sample"
RECORD_FIELDS = {"event_id", "event_type", "mode", "context", "cameo", "acled", "status", "date", "date_precision",
                 "date_text", "actor1", "actor2", "location", "fatalities", "mentions", "num_mentions", "num_sources",
                 "num_documents", "confidence"}


def eventwire(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "eventwire", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


def table_rows(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(con.execute(f"select * from {t} order by all").fetchall(), key=repr)
                for t in ("events", "mentions")} | {
            "documents": sorted(con.execute("select doc_id, content_hash from documents").fetchall())}
    finally:
        con.close()


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    db, geo = out / "sample.duckdb", out / "sample.geojson"
    first = eventwire("run", SAMPLE, "--db", db, "--geojson", geo, "--show")
    return first, db, geo


def test_run_codes_the_sample_into_duckdb_and_geojson(sample_run):
    proc, db, geo = sample_run
    assert proc.returncode == 0, proc.stderr
    assert "5 coded" in proc.stderr
    con = duckdb.connect(str(db), read_only=True)
    n_docs, n_events = con.execute("select (select count(*) from documents), (select count(*) from events)").fetchone()
    con.close()
    assert n_docs == 5 and n_events >= 10
    features = json.loads(geo.read_text())["features"]
    assert features and all(len(f["geometry"]["coordinates"]) == 2 for f in features)
    assert "events" in proc.stdout  # the --show table


def test_rerun_adds_nothing(sample_run):
    _, db, _ = sample_run
    before = table_rows(db)
    again = eventwire("run", SAMPLE, "--db", db)
    assert again.returncode == 0, again.stderr
    assert "0 coded, 5 already in the store" in again.stderr
    assert table_rows(db) == before


def test_extract_writes_design_records(tmp_path):
    out = tmp_path / "events.jsonl"
    proc = eventwire("extract", SAMPLE / "2023-05-15-kupiansk.txt", "-o", out)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records and all(set(r) == RECORD_FIELDS for r in records)
    _, _, text = split_header((SAMPLE / "2023-05-15-kupiansk.txt").read_text())
    for r in records:
        for m in r["mentions"]:
            assert text[m["start"]:m["end"]] == m["trigger"]  # offsets point into the article


def test_bad_inputs_are_named_and_good_ones_coded(tmp_path):
    d = tmp_path / "inbox"
    d.mkdir()
    (d / "good.txt").write_text(" date 2023-05-15 Test Wire/ Russian forces shelled the city of Kupiansk on Sunday.")
    (d / "empty.txt").write_text("")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "latin1.txt").write_bytes("Les troupes se sont retirées de la ville.".encode("latin-1"))
    with open(d / "huge.txt", "wb") as f:
        f.truncate(50 * 1024 * 1024)
    (d / "feed.jsonl").write_text(
        json.dumps({"id": "ok-1", "date": "2023-05-15", "text": "Ukrainian troops withdrew from Bakhmut on Sunday."})
        + "\n{broken json\n"
        + json.dumps({"id": "ok-2", "date": "2023-05-15", "text": "Protesters rallied in Tbilisi on Sunday."}) + "\n")
    db = tmp_path / "bad.duckdb"
    proc = eventwire("run", d, "--db", db)
    assert proc.returncode == 1
    for name in ("empty.txt", "binary.txt", "latin1.txt", "huge.txt", "feed.jsonl:2"):
        assert name in proc.stderr, (name, proc.stderr)
    con = duckdb.connect(str(db), read_only=True)
    docs = {r[0] for r in con.execute("select doc_id from documents").fetchall()}
    errors = con.execute("select count(*) from errors").fetchone()[0]
    con.close()
    assert docs == {"good.txt", "ok-1", "ok-2"}
    assert errors == 5


def test_killed_run_then_rerun_gives_the_same_store(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    base = [json.loads(line) for line in (SAMPLE / "briefs.jsonl").read_text().splitlines()]
    with corpus.open("w") as f:
        for i in range(120):
            rec = dict(base[i % len(base)], id=f"doc-{i}")
            f.write(json.dumps(rec) + "\n")
    clean_db, killed_db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    assert eventwire("run", corpus, "--db", clean_db, "--batch-size", "8").returncode == 0
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", "run", str(corpus), "--db", str(killed_db),
                             "--batch-size", "8", "--verbose"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    commits = 0
    for line in proc.stderr:  # kill it mid-run, after some batches are in and before the last
        commits += line.startswith("committed")
        if commits == 3:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert commits == 3
    rerun = eventwire("run", corpus, "--db", killed_db, "--batch-size", "8")
    assert rerun.returncode == 0, rerun.stderr
    assert table_rows(killed_db) == table_rows(clean_db)


def test_export_formats(sample_run, tmp_path):
    _, db, _ = sample_run
    for fmt in ("jsonl", "csv", "parquet", "geojson"):
        out = tmp_path / f"events.{fmt}"
        proc = eventwire("export", "--db", db, "--format", fmt, "-o", out)
        assert proc.returncode == 0, proc.stderr
        assert out.stat().st_size > 0
    bad = eventwire("export", "--db", db, "--format", "xlsx", "-o", tmp_path / "x")
    assert bad.returncode == 2 and "xlsx" in bad.stderr


def test_geoparse_learns_each_outlets_home_from_the_batch(tmp_path):
    texts = ["Police in Shreveport arrested two men on Tuesday after a chase that began in Bossier City.",
             "Flooding closed roads near Natchitoches and Monroe on Sunday, the parish sheriff said.",
             "The school board in Lake Charles voted on Thursday to hire forty more teachers.",
             "A new clinic opened in Alexandria on Friday, the mayor said."]
    batch = tmp_path / "paper.jsonl"
    batch.write_text("".join(json.dumps({"id": f"a{i}", "text": t, "url": f"https://pinebelt-ledger.example/{i}"})
                             + "\n" for i, t in enumerate(texts)))
    for flags, admin1, home in (((), "Louisiana", {"country": "USA", "admin1_code": "US.LA", "town": None}),
                                (("--per-document",), "Alexandria", None)):
        proc = eventwire("geoparse", batch, *flags)
        assert proc.returncode == 0, proc.stderr
        last = json.loads(proc.stdout.splitlines()[-1])
        assert last.get("outlet_home") == home
        assert next(t for t in last["toponyms"] if t["text"] == "Alexandria")["admin1"] == admin1


def test_stage_commands_write_design_jsonl(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(" date 2023-05-15 Test Wire/ Russian forces shelled the city of Kupiansk on Sunday.")
    geo = eventwire("geoparse", report)
    assert geo.returncode == 0, geo.stderr
    row = json.loads(geo.stdout)
    kup = next(t for t in row["toponyms"] if t["text"] == "Kupiansk")
    assert set(kup) == {"start", "end", "text", "kind", "geonameid", "name", "feature_code", "country", "admin1",
                        "lat", "lon", "precision", "score", "approximate"}
    assert kup["country"] == "UKR" and kup["kind"] == "literal" and kup["approximate"] is False
    tx = eventwire("timex", report)
    assert tx.returncode == 0, tx.stderr
    sunday = json.loads(tx.stdout)["timexes"][0]
    assert (sunday["text"], sunday["type"], sunday["value"]) == ("Sunday", "DATE", "2023-05-14")
