import json
from datetime import date

import pytest
from store_synth import LYSYCHANSK, assault, bare, make_doc, mention, retreat

from eventwire.store import content_hash, document_record, event_record, flat_row, record_from_row
from eventwire.store.records import FLAT_COLUMNS, MENTION_KEYS, RECORD_KEYS, iso_date
from eventwire.types import Event


def test_record_has_design_fields_in_order():
    docs = [make_doc("a", 0), make_doc("b", 1)]
    rec = event_record(assault("e1", docs))
    assert tuple(rec) == RECORD_KEYS
    assert rec["acled"] == {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack"}
    assert rec["actor1"] == {"text": "Russian forces", "name": "Russia", "country": "RUS", "sector": "MIL", "inferred": False}
    assert rec["location"] == {
        "text": "Lysychansk", "name": "Lysychansk", "geonameid": 702658, "country": "UKR", "admin1": "Luhansk",
        "lat": LYSYCHANSK.lat, "lon": LYSYCHANSK.lon, "precision": "city",
    }  # fmt: skip
    assert rec["date"] == "2022-07-02" and rec["date_precision"] == "day" and rec["date_text"] == "on Saturday"
    assert (rec["num_mentions"], rec["num_sources"], rec["num_documents"]) == (2, 2, 2)
    m = rec["mentions"][0]
    assert tuple(m) == MENTION_KEYS
    assert m["published"] == "2022-07-04"
    assert docs[0].text[m["start"] : m["end"]] == m["trigger"] == "shelled"
    assert docs[0].text[m["sentence_start"] : m["sentence_end"]] == m["sentence"]
    assert json.loads(json.dumps(rec, allow_nan=False)) == rec


def test_nulls_and_coarse_dates():
    doc = make_doc("a")
    r = event_record(retreat("e2", [doc]))
    assert r["acled"] is None and r["actor2"] is None
    assert r["location"] == {k: None for k in r["location"]} | {"text": "the town"}
    assert r["date"] == "2022-07-01" and r["date_precision"] == "month"
    b = event_record(bare("e3", doc))
    assert b["actor1"] is b["actor2"] is b["location"] is b["acled"] is b["date"] is None
    assert iso_date("2022") == "2022-01-01"
    assert iso_date("2022-W26") == "2022-06-27"
    assert iso_date(date(2022, 7, 4)) == "2022-07-04"
    assert iso_date("nonsense") is None


def test_duplicate_mentions_are_one_and_nan_is_null():
    doc = make_doc("a")
    ev = Event("e4", "ASSAULT", "190", [mention(doc, "shelled"), mention(doc, "shelled")], confidence=float("nan"))
    rec = event_record(ev)
    assert rec["num_mentions"] == 1 and len(rec["mentions"]) == 1
    assert rec["confidence"] is None
    json.dumps(rec, allow_nan=False)


def test_flat_row_round_trip():
    docs = [make_doc("a"), make_doc("b", 1)]
    for ev in (assault("e1", docs), retreat("e2", docs), bare("e3", docs[0])):
        rec = event_record(ev)
        row = flat_row(rec)
        assert tuple(row) == FLAT_COLUMNS
        assert record_from_row(row, rec["mentions"]) == rec


def test_document_record():
    doc = make_doc("a", published=None)
    rec = document_record(doc)
    assert rec["content_hash"] == content_hash(doc.text) and len(rec["content_hash"]) == 64
    assert rec["published"] is None and rec["n_chars"] == len(doc.text)
    json.dumps(rec)
    assert content_hash("x") != content_hash("y")


@pytest.mark.parametrize("text", ["ok", "bad \udcff byte"])
def test_content_hash_never_fails(text):
    assert len(content_hash(text)) == 64
