"""JSONL, JSON and CSV/TSV records: field variants, ids, dates, errors per record."""

import csv
import json
from datetime import date

from eventwire.ingest import FieldNames, read_inputs
from eventwire.types import Document, InputError

TEXT = "Shelling hit the outskirts of the city overnight, officials said."


def _write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_jsonl_field_variants(tmp_path):
    p = tmp_path / "c.jsonl"
    _write_jsonl(
        p,
        [
            {"id": 7, "date": "2022-03-01", "source": "Wire", "url": "https://x.test/1", "title": "T", "text": TEXT},
            {"row_id": "r2", "published": "2022-03-02T08:00:00Z", "text": TEXT},
            {"id": "g3", "gdelt_seendate": "20220303T120000Z", "text": TEXT},
            {"text": TEXT},
        ],
    )
    docs = list(read_inputs([p], published=date(2020, 1, 1), source="Default"))
    assert all(isinstance(d, Document) for d in docs)
    a, b, c, d = docs
    assert (a.doc_id, a.published, a.source, a.url, a.title) == ("7", date(2022, 3, 1), "Wire", "https://x.test/1", "T")
    assert (b.doc_id, b.published, b.source) == ("r2", date(2022, 3, 2), "Default")
    assert (c.doc_id, c.published) == ("g3", date(2022, 3, 3))
    assert (d.doc_id, d.published, d.origin) == ("c.jsonl:4", date(2020, 1, 1), f"{p}:4")
    assert a.text == TEXT and a.origin == f"{p}:1"


def test_custom_field_names(tmp_path):
    p = tmp_path / "c.ndjson"
    rec = {"uid": "x1", "body": TEXT, "when": "1 March 2022", "outlet": "Paper", "link": "u", "headline": "H"}
    _write_jsonl(p, [rec])
    fields = FieldNames(text="body", id="uid", date=("when",), source="outlet", url="link", title="headline")
    (doc,) = read_inputs([p], fields=fields)
    assert (doc.doc_id, doc.text, doc.published, doc.source, doc.url, doc.title) == (
        "x1", TEXT, date(2022, 3, 1), "Paper", "u", "H",
    )


def test_the_outlet_country_is_read_and_a_code_that_is_none_is_dropped(tmp_path, caplog):
    p = tmp_path / "c.jsonl"
    _write_jsonl(p, [{"id": "a", "outlet_country": "gb", "text": TEXT},
                     {"id": "b", "source_country": "UKR", "text": TEXT},
                     {"id": "c", "outlet_country": "Great Britain", "text": TEXT}])
    a, b, c = read_inputs([p])
    assert (a.country, b.country, c.country) == ("GB", "UKR", None)
    assert "'Great Britain' is not an ISO 3166 code" in caplog.text and c.text == TEXT


def test_unreadable_record_date_falls_back(tmp_path, caplog):
    p = tmp_path / "c.jsonl"
    _write_jsonl(p, [{"id": "a", "date": "sometime in spring", "text": TEXT}])
    (doc,) = read_inputs([p], published=date(2022, 5, 5))
    assert doc.published == date(2022, 5, 5)
    assert "cannot read the date" in caplog.text


def test_records_without_usable_text_are_errors(tmp_path):
    p = tmp_path / "c.jsonl"
    _write_jsonl(
        p, [{"id": "a", "body": TEXT}, {"id": "b", "text": "   "}, {"id": "c", "text": 5}, [1, 2], {"id": "d", "text": TEXT}]
    )
    out = list(read_inputs([p]))
    assert [type(x).__name__ for x in out] == ["InputError"] * 4 + ["Document"]
    assert out[0].origin == f"{p}:1" and "no text field" in out[0].reason and "body" in out[0].reason
    assert "empty" in out[1].reason
    assert "not a string" in out[2].reason
    assert "expected a JSON object" in out[3].reason


def test_jsonl_overlong_line_is_skipped_not_loaded(tmp_path):
    p = tmp_path / "c.jsonl"
    _write_jsonl(p, [{"id": "big", "text": "x" * 5000}, {"id": "ok", "text": TEXT}])
    out = list(read_inputs([p], max_bytes=1000))
    assert isinstance(out[0], InputError) and out[0].origin == f"{p}:1" and "longer than" in out[0].reason
    assert isinstance(out[1], Document) and out[1].doc_id == "ok"


def test_json_array_and_pretty_object(tmp_path):
    arr = tmp_path / "arr.json"
    arr.write_text(json.dumps([{"text": TEXT}, {"id": "z", "text": TEXT}], indent=2), encoding="utf-8")
    obj = tmp_path / "obj.json"
    obj.write_text(json.dumps({"id": "o", "text": TEXT}, indent=2), encoding="utf-8")
    docs = list(read_inputs([arr, obj]))
    assert [d.doc_id for d in docs] == ["arr.json:1", "z", "o"]


def test_csv_quoted_multiline_fields_and_line_numbers(tmp_path):
    p = tmp_path / "c.csv"
    with open(p, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "date", "source", "text"])
        w.writerow(["1", "2022-03-01", "Wire", "First paragraph, with a comma.\n\nSecond paragraph."])
        w.writerow(["", "", "", TEXT])
        w.writerow(["3", "", "", ""])
    out = list(read_inputs([p], source="Default"))
    a, b, c = out
    assert a.doc_id == "1" and a.text == "First paragraph, with a comma.\n\nSecond paragraph." and a.source == "Wire"
    assert b.doc_id == "c.csv:5" and b.source == "Default" and b.published is None  # record starts on line 5
    assert isinstance(c, InputError) and c.origin == f"{p}:6"


def test_tsv_and_large_field(tmp_path):
    p = tmp_path / "c.tsv"
    big = "word " * 40_000  # 200 kB: over the csv module's default field limit
    p.write_text(f"id\ttext\nbig\t{big}\nsmall\t{TEXT}\n", encoding="utf-8")
    docs = list(read_inputs([p]))
    assert [d.doc_id for d in docs] == ["big", "small"] and docs[0].text == big


def test_csv_without_text_column(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("id,body\n1,hello\n", encoding="utf-8")
    (err,) = read_inputs([p])
    assert isinstance(err, InputError) and "no text column" in err.reason and "body" in err.reason


def test_csv_with_non_utf8_row_reports_and_keeps_earlier_rows(tmp_path):
    p = tmp_path / "c.csv"
    p.write_bytes(b"id,text\n1,Fine row of text.\n2,Caf\xe9 row\n")
    out = list(read_inputs([p]))
    assert isinstance(out[0], Document) and out[0].doc_id == "1"
    assert isinstance(out[-1], InputError) and out[-1].origin == f"{p}:3" and "UTF-8" in out[-1].reason


def test_broken_json_array_is_one_error_and_jsonl_named_json_keeps_good_lines(tmp_path):
    arr = tmp_path / "arr.json"
    arr.write_text('[{"text": "one"}, {"text": ', encoding="utf-8")
    (err,) = read_inputs([arr])
    assert isinstance(err, InputError) and err.origin == str(arr) and err.reason.startswith("invalid JSON")
    lines = tmp_path / "lines.json"
    lines.write_text('{"id": "bad", "text": \n' + json.dumps({"id": "good", "text": TEXT}) + "\n", encoding="utf-8")
    out = list(read_inputs([lines]))
    assert isinstance(out[0], InputError) and out[0].origin == f"{lines}:1"
    assert isinstance(out[1], Document) and out[1].doc_id == "good"
    (big,) = read_inputs([arr], max_bytes=10)
    assert isinstance(big, InputError) and "JSON Lines" in big.reason


def test_a_utc_stamp_gives_an_outlet_west_of_greenwich_its_own_day(tmp_path):
    # GDELT saw both at 02:45 UTC: 21:45 the evening before in New York, 02:45 in London
    p = tmp_path / "c.jsonl"
    _write_jsonl(p, [{"id": "us", "gdelt_seendate": "2023-03-22T02:45:00Z", "outlet_country": "US", "text": TEXT},
                     {"id": "gb", "gdelt_seendate": "2023-03-22T02:45:00Z", "outlet_country": "GB", "text": TEXT},
                     {"id": "us-noon", "gdelt_seendate": "2023-03-22T15:00:00Z", "outlet_country": "US",
                      "text": TEXT},
                     {"id": "us-written", "date": "2023-03-22T02:45:00-04:00", "outlet_country": "US", "text": TEXT}])
    us, gb, noon, written = read_inputs([p])
    assert us.published == date(2023, 3, 21)
    assert gb.published == noon.published == written.published == date(2023, 3, 22)
