"""A folder mixing good files with every kind of bad one: all good documents come out, each bad one is named."""

import json
import time

from eventwire.ingest import read_inputs
from eventwire.types import Document, InputError

TEXT = "Two drones struck a fuel depot outside the city on Friday night, the regional governor said."


def test_bad_inputs_are_reported_and_good_ones_all_read(tmp_path):
    d = tmp_path / "inbox"
    d.mkdir()
    (d / "good1.txt").write_text(" date 2022-07-04 Wire/ " + TEXT, encoding="utf-8")
    (d / "good2.txt").write_text(TEXT, encoding="utf-8")
    (d / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "binary.txt").write_bytes(b"Some text\x00\x01\x02 then binary\x00" * 10)
    (d / "empty.txt").write_bytes(b"")
    (d / "latin1.txt").write_bytes("Le caf\u00e9 a \u00e9t\u00e9 touch\u00e9.".encode("latin-1"))
    with open(d / "huge.txt", "wb") as f:  # 50 MB, sparse: instant to make, must not be read
        f.truncate(50_000_000)
    lines = [json.dumps({"id": f"r{i}", "text": f"{TEXT} ({i})"}) for i in range(1, 6)]
    lines[2] = '{"id": "r3", "text": "cut off in the mid'
    (d / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "utf16.txt").write_bytes(TEXT.encode("utf-16"))
    (d / "gz.txt").write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 20)

    t0 = time.perf_counter()
    out = list(read_inputs([d]))
    assert time.perf_counter() - t0 < 2.0

    docs = [x for x in out if isinstance(x, Document)]
    errors = {e.origin.replace(str(d) + "/", ""): e.reason for e in out if isinstance(e, InputError)}
    assert sorted(x.doc_id for x in docs) == ["good1.txt", "good2.txt", "r1", "r2", "r4", "r5"]
    assert set(errors) == {
        "image.bin", "binary.txt", "empty.txt", "latin1.txt", "huge.txt", "records.jsonl:3", "utf16.txt", "gz.txt",
    }
    assert "binary" in errors["image.bin"] and "NUL" in errors["binary.txt"]
    assert errors["empty.txt"] == "is empty"
    assert "not valid UTF-8" in errors["latin1.txt"] and "0xe9" in errors["latin1.txt"]
    assert "50,000,000 bytes" in errors["huge.txt"] and "limit" in errors["huge.txt"]
    assert errors["records.jsonl:3"].startswith("invalid JSON: ")
    assert "UTF-16" in errors["utf16.txt"] and "gzip" in errors["gz.txt"]
    # reasons read as sentences about the file
    assert all(r[:1].islower() and len(r.split()) >= 2 for r in errors.values())
