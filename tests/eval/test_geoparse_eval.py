"""The geoparsing evaluator: span matching, neutral and non-place annotations, distances, AUC, per-corpus tables;
and floors on the dev set (a fixed subset: every 4th document), so a regression in the geo stage shows."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from rich.console import Console

from eventwire.eval.geoparse import EARTH_HALF_KM, auc, evaluate, geoparse_table, km

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "geoparse" / "geoparse_dev.jsonl"


def _top(text: str, phrase: str, lat: float | None, lon: float | None, gid: int | None = None, typ: str = "Literal",
         nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return {"start": start, "end": start + len(phrase), "phrase": phrase, "lat": lat, "lon": lon,
            "geonameid": str(gid) if gid else None, "type": typ, "offset_status": "ok"}


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    t1 = "Shelling hit Kharkiv on Monday. Officials in Kyiv said the city of Kharkiv was calm by night."
    t2 = ("A Springfield, Illinois, man was arrested. He works at Iceland, the frozen food chain. "
          "He lives on Elm Street.")
    t3 = ""
    docs = [
        {"corpus": "A", "doc_id": "1", "text": t1, "toponyms": [
            _top(t1, "Kharkiv", 49.98081, 36.25272, 706483),
            _top(t1, "Kyiv", 50.45466, 30.5238, 703448, "Metonymic"),
            _top(t1, "Kharkiv", 49.98081, 36.25272, 706483, nth=1),
        ]},
        {"corpus": "B", "doc_id": "2", "text": t2, "toponyms": [
            _top(t2, "Springfield", 39.80172, -89.64371, 4250542),
            _top(t2, "Illinois", 40.00032, -89.25037, 4896861),
            _top(t2, "Iceland", None, None, typ="Homonym"),  # a shop: a prediction here is a false positive
            _top(t2, "Elm Street", None, None),  # a place without coordinates: neutral
        ]},
        {"corpus": "B", "doc_id": "3", "text": t3, "toponyms": []},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    return path


def test_km_and_auc() -> None:
    assert km(0, 0, 0, 0) == 0
    assert abs(km(0, 0, 0, 1) - 111.19) < 0.1
    assert auc([0.0, 0.0]) == 0.0
    assert abs(auc([EARTH_HALF_KM, EARTH_HALF_KM]) - 1.0) < 1e-9
    assert 0 < auc([0.0, 10.0, 1000.0]) < 1
    assert auc([]) == 0.0


def test_evaluate_synthetic(gold_file: Path) -> None:
    m = evaluate(gold_file, examples=10)
    assert list(m["corpora"]) == ["A", "B", "overall"]
    assert m["documents"] == 3 and m["gold"] == 5
    a = m["corpora"]["A"]
    assert a["detection"]["recall"] == 1.0
    assert a["gold_spans"]["accuracy_161"] == 1.0 and a["end_to_end"]["accuracy_161"] == 1.0
    assert a["gold_spans"]["geonameid_accuracy"] == 1.0
    b = m["corpora"]["B"]
    assert b["gold_spans"]["accuracy_161"] == 1.0  # Springfield, Illinois: the pattern picks Illinois' Springfield
    assert b["end_to_end"]["accuracy_161"] == 1.0
    assert b["detection"]["precision"] < 1.0  # "Iceland" the shop is taken for the country: counted as wrong
    for part in ("gold_spans", "end_to_end"):
        assert 0 <= m["corpora"]["overall"][part]["auc"] < 0.1
    assert m["corpora"]["B"]["failed_documents"] == 0  # the empty document is scored, not a crash
    out = Console(width=160, record=True)
    out.print(geoparse_table(m))
    assert "acc@161" in out.export_text()
    json.dumps({k: v for k, v in m.items() if k != "mistakes"})


def test_missed_toponym_counts_half_the_earth(tmp_path: Path) -> None:
    text = "The meeting was held in Zzyzxville yesterday."
    doc = {"corpus": "A", "doc_id": "x", "text": text,
           "toponyms": [_top(text, "Zzyzxville", 35.14, -116.10)]}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    m = evaluate(path)
    o = m["corpora"]["overall"]
    assert o["end_to_end"]["accuracy_161"] == 0.0 and o["end_to_end"]["mean_km"] == EARTH_HALF_KM
    assert o["error_kinds"] and o["error_kinds"][0][0].startswith("missed")
    # Left unplaced, it counts against accuracy but not against the accuracy of the points we do give.
    assert o["gold_spans"]["placed_share"] == 0.0 and o["gold_spans"]["placed_accuracy_161"] == 0.0


def test_accuracy_of_placed_spans(gold_file: Path) -> None:
    b = evaluate(gold_file)["corpora"]["B"]["gold_spans"]
    assert b["placed_share"] == 1.0 and b["placed_accuracy_161"] == 1.0


# Floors reached on the dev set's fixed subset (every 4th document: 50 GeoWebNews, 147 LGL), a little under the
# figures measured when they were pinned (overall: detection P .887 / R .910, gold-span acc@161 .854 and .905 of
# the spans given a point, end to end acc@161 .820, exact geonameid .804; GeoWebNews gold spans .829, end to end
# .806; LGL gold spans .869, end to end .829). Outlet homes are learned from the subset, which holds a quarter of
# each outlet's articles. The full dev set has its own test below.
FLOORS = {
    "overall": {"precision": 0.88, "recall": 0.90, "span": 0.85, "placed": 0.90, "e2e": 0.815, "gid": 0.80},
    "GeoWebNews": {"precision": 0.945, "recall": 0.865, "span": 0.825, "placed": 0.915, "e2e": 0.80, "gid": 0.81},
    "LGL": {"precision": 0.845, "recall": 0.93, "span": 0.865, "placed": 0.89, "e2e": 0.825, "gid": 0.79},
}


@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval/geoparse/geoparse_dev.jsonl is not beside the repository")
def test_dev_subset_floors() -> None:
    m = evaluate(DEV, every=4)
    assert m["documents"] == 197
    for corpus, floor in FLOORS.items():
        c = m["corpora"][corpus]
        assert c["failed_documents"] == 0
        assert c["detection"]["precision"] >= floor["precision"], (corpus, c["detection"])
        assert c["detection"]["recall"] >= floor["recall"], (corpus, c["detection"])
        assert c["gold_spans"]["accuracy_161"] >= floor["span"], (corpus, c["gold_spans"])
        assert c["gold_spans"]["placed_accuracy_161"] >= floor["placed"], (corpus, c["gold_spans"])
        assert c["end_to_end"]["accuracy_161"] >= floor["e2e"], (corpus, c["end_to_end"])
        assert c["end_to_end"]["geonameid_accuracy"] >= floor["gid"], (corpus, c["end_to_end"])
        assert not math.isnan(c["end_to_end"]["auc"])


@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval/geoparse/geoparse_dev.jsonl is not beside the repository")
def test_full_dev_set_meets_the_issues_floors() -> None:
    # The issue's floors on the whole dev set (788 documents, ~80 s): gold spans acc@161 >= 0.90, end to end >= 0.75
    # (we hold 0.85, its target), detection recall >= 0.85 (we hold 0.90, its target). Measured when pinned: 0.901,
    # 0.855, 0.908.
    o = evaluate(DEV)["corpora"]["overall"]
    assert o["failed_documents"] == 0
    assert o["gold_spans"]["accuracy_161"] >= 0.90, o["gold_spans"]
    assert o["end_to_end"]["accuracy_161"] >= 0.85, o["end_to_end"]
    assert o["detection"]["recall"] >= 0.90, o["detection"]
