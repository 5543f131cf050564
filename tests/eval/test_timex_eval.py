"""The TimeML evaluator: span matching, type and value accuracy, on small synthetic gold written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.eval.timex import evaluate, lenient, timeml_reading, timex_table, value_kind

# Research data lies beside the repository, never inside it.
DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "time" / "tempeval3_dev.jsonl"


def _doc(doc_id: str, dct: str, text: str, timexes: list[tuple[str, str, str]]) -> dict:
    """A gold record; each timex given as (span text, type, value), located by its first occurrence."""
    rows = []
    for span, typ, value in timexes:
        start = text.index(span)
        rows.append({"tid": f"t{len(rows) + 1}", "type": typ, "value": value, "start": start,
                     "end": start + len(span), "text": span})
    return {"corpus": "test", "doc_id": doc_id, "dct": dct, "text": text, "timexes": rows}


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    docs = [
        # all found, all right
        _doc("d1", "2022-07-04", "The town fell on Saturday. Talks resume next week.",
             [("Saturday", "DATE", "2022-07-02"), ("next week", "DATE", "2022-W28")]),
        # an anchored offset: TimeML leaves "after" out of the span; a relaxed-only match ("the past two years"
        # against gold "two years"); a missed expression ("the day")
        _doc("d2", "2022-07-04T10:00", "It came a day after the vote. It was the worst in the past two years. "
                                       "That was the day.",
             [("a day", "DURATION", "P1D"), ("two years", "DURATION", "P2Y"), ("the day", "DATE", "2022-07-04")]),
        # a wrong value (gold disagrees on the weekday) and padding the lenient comparison forgives (TimeML writes
        # the 1990s "199", as eventwire's TimeML reading does; some gold pads it "199X")
        _doc("d3", "2022-07-04", "Shelling resumed on Sunday. Prices doubled in the 1990s.",
             [("Sunday", "DATE", "2022-06-26"), ("the 1990s", "DATE", "199X")]),
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    return path


def test_span_scores(gold_file):
    m = evaluate(gold_file)
    assert m["documents"] == 3
    assert m["gold"] == 7
    assert m["predicted"] == 6  # everything but "the day"
    # strict: all but "the past two years" (and the missed "the day")
    assert m["strict"]["recall"] == pytest.approx(5 / 7, abs=1e-4)
    assert m["strict"]["precision"] == pytest.approx(5 / 6, abs=1e-4)
    assert m["relaxed"]["recall"] == pytest.approx(6 / 7, abs=1e-4)
    assert m["relaxed"]["precision"] == 1.0


def test_type_and_value_scores(gold_file):
    m = evaluate(gold_file)
    assert m["type_accuracy"] == 1.0
    # 6 relaxed pairs; wrong exactly: Sunday (date) and the 1990s ("199" vs "199X"); leniently only Sunday
    assert m["value_accuracy"] == pytest.approx(4 / 6, abs=1e-4)
    assert m["value_accuracy_lenient"] == pytest.approx(5 / 6, abs=1e-4)
    assert m["date_value_accuracy"] == pytest.approx(2 / 4, abs=1e-4)
    assert m["date_value_accuracy_lenient"] == pytest.approx(3 / 4, abs=1e-4)
    assert m["date_value_recall"] == pytest.approx(3 / 5, abs=1e-4)
    assert m["date_value_by_kind"]["day"] == {"n": 2, "accuracy": 0.5}
    assert m["date_value_by_kind"]["decade"] == {"n": 1, "accuracy": 1.0}


def test_mistakes_are_listed_on_request(gold_file):
    assert "mistakes" not in evaluate(gold_file)
    mistakes = evaluate(gold_file, errors=10)["mistakes"]
    assert any(x.get("doc_id") == "d2" and x.get("missed") == "the day" for x in mistakes)
    assert any(x.get("gold") == "Sunday" and x.get("pred_value") == "2022-07-03" for x in mistakes)


def test_table_renders(gold_file):
    table = timex_table(evaluate(gold_file))
    assert table.row_count > 10


@pytest.mark.parametrize("value, expected", [
    ("1968-XX", "1968"), ("1994-XX-XX", "1994"), ("199X", "199"), ("2000-W07", "2000-W7"), ("P3M", "P3M"),
    (None, None),
])
def test_lenient(value, expected):
    assert lenient(value) == expected


@pytest.mark.parametrize("value, kind", [
    ("2022-07-04", "day"), ("2022-W27", "week"), ("2022-W26-WE", "week"), ("2022-07", "month"),
    ("2022-Q3", "quarter"), ("2022-SU", "season"), ("2022", "year"), ("199X", "decade"), ("PAST_REF", "ref"),
    ("2022-07-04TMO", "day+time"), ("P3M", "other"), (None, "other"),
])
def test_value_kind(value, kind):
    assert value_kind(value) == kind


def test_anchored_offsets_are_scored_by_their_timeml_reading(tmp_path: Path):
    # "a year earlier" is an anchored duration for the events stage and the date it points to for TimeML
    doc = _doc("d4", "1998-02-06", "Wages were 3.8 percent higher than a year earlier.",
               [("a year earlier", "DATE", "1997")])
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    m = evaluate(path)
    assert m["strict"]["f1"] == 1.0  # "earlier" is part of the TimeML span; only after/before are cut
    assert m["type_accuracy"] == 1.0
    assert m["date_value_accuracy"] == 1.0


def test_timeml_reading_of_a_bare_time_expr():
    from eventwire.time import Timex
    from eventwire.types import TimeExpr

    bare = TimeExpr(0, 6, "a year", "DURATION", "P1Y")
    assert timeml_reading(bare) == ("DURATION", "P1Y")
    both = Timex(0, 14, "a year earlier", "DURATION", "P1Y", "year", "before", False, "DATE", "1997")
    assert timeml_reading(both) == ("DATE", "1997")


# Floors of issue 4 (DATE value accuracy >= 0.85, relaxed span F1 >= 0.85), pinned at the levels reached on the
# development half (exact DATE value accuracy .870, lenient .886, relaxed F1 .933) less a small margin.
@pytest.mark.skipif(not DEV.exists(), reason="TempEval-3 development data not available")
def test_dev_set_levels():
    m = evaluate(DEV)
    assert m["seconds"] < 30
    assert m["relaxed"]["f1"] >= 0.85
    assert m["date_value_accuracy"] >= 0.85
    assert m["relaxed"]["f1"] >= 0.92
    assert m["date_value_accuracy"] >= 0.86
    assert m["date_value_accuracy_lenient"] >= 0.875
    assert m["type_accuracy"] >= 0.93
