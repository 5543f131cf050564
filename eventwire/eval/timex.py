"""`eventwire eval timex`: the time stage end to end against TimeML gold (TempEval-3 style JSONL).

Each input line is a document: {"doc_id", "dct" (document creation time, "YYYY-MM-DD..."), "text", "timexes":
[{"start", "end", "text", "type", "value", ...}]}. `find_timexes(text, dct)` runs on every text and is scored:

- spans: precision/recall/F1, strict (same offsets) and relaxed (overlapping; pairs one to one, largest
  overlap first);
- type accuracy and value accuracy over relaxed pairs, and DATE value accuracy overall and by the kind of gold
  value (day, week, month, quarter, season, year, decade, ref, other). `value_accuracy` compares values exactly;
  `value_accuracy_lenient` first drops TimeML padding the gold writes inconsistently ("1968-XX" = "1968",
  "199X" = "199", "W07" = "W7"); `date_value_recall` counts every gold DATE, found or not.

TimeML spans leave out the "after"/"before" of an anchored offset, which eventwire keeps ("a day after"): the
word is cut from the prediction before comparing spans. Types and values are the expressions' TimeML reading
(`Timex.timeml_type`/`timeml_value`: "a year earlier" as the date it points to, where `type`/`value` keep the
anchored duration for the events stage). Nothing else is adapted to the gold.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from rich.table import Table

from ..time import find_timexes
from . import pair_spans

_TRAILING_RELATION = re.compile(r"\s+(?:after|before|prior\s+to|prior)$", re.IGNORECASE)
_KINDS = (
    ("day", re.compile(r"^\d{4}-\d\d-\d\d$")),
    ("day+time", re.compile(r"^\d{4}-\d\d-\d\dT")),
    ("week", re.compile(r"^\d{4}-W\d+(?:-WE)?$")),
    ("month", re.compile(r"^\d{4}-\d\d$")),
    ("quarter", re.compile(r"^\d{4}-Q\d$")),
    ("season", re.compile(r"^\d{4}-(?:SP|SU|FA|WI)$")),
    ("year", re.compile(r"^\d{4}$")),
    ("decade", re.compile(r"^\d{3}X?$")),
    ("ref", re.compile(r"^[A-Z]+_REF$")),
)


def value_kind(value: str | None) -> str:
    for kind, pattern in _KINDS:
        if value and pattern.match(value):
            return kind
    return "other"


def lenient(value: str | None) -> str | None:
    """A value with TimeML's optional padding removed, for comparisons the gold is not consistent about."""
    if value is None:
        return None
    v = value.strip()
    while re.search(r"-XX$", v):
        v = v[:-3]
    v = re.sub(r"^(\d{3})X$", r"\1", v)
    v = re.sub(r"-W0(\d)", r"-W\1", v)
    return v


def timeml_reading(t) -> tuple[str, str | None]:
    """The expression's TimeML type and value (`Timex.timeml_*`; a bare `TimeExpr` has only its own)."""
    typ = getattr(t, "timeml_type", None)
    return (typ, t.timeml_value) if typ else (t.type, t.value)


def _prediction_span(start: int, end: int, text: str, relation: str | None) -> tuple[int, int]:
    if relation:
        m = _TRAILING_RELATION.search(text)
        if m:
            return start, start + m.start()
    return start, end


def _pair(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    return pair_spans([(g["start"], g["end"]) for g in gold], [(p["start"], p["end"]) for p in pred])


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def evaluate(path: str | Path, *, errors: int = 0) -> dict:
    """Score `find_timexes` on a TimeML JSONL file; `errors` > 0 adds up to that many mismatches to the output."""
    n_gold = n_pred = strict = relaxed = 0
    type_ok = value_ok = value_lenient_ok = 0
    date_pairs = date_ok = date_lenient_ok = n_gold_date = 0
    by_kind: dict[str, Counter] = defaultdict(Counter)
    mistakes: list[dict] = []
    started = time.perf_counter()
    n_docs = 0
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            doc = json.loads(line)
            n_docs += 1
            text = doc["text"]
            dct = date.fromisoformat(doc["dct"][:10]) if doc.get("dct") else None
            gold = [g for g in doc.get("timexes", []) if g.get("start") is not None and g.get("end") is not None]
            pred = []
            for t in find_timexes(text, dct):
                s, e = _prediction_span(t.start, t.end, t.text, t.relation)
                typ, value = timeml_reading(t)
                pred.append({"start": s, "end": e, "type": typ, "value": value, "text": text[s:e]})
            n_gold += len(gold)
            n_pred += len(pred)
            n_gold_date += sum(1 for g in gold if g["type"] == "DATE")
            strict += len({(g["start"], g["end"]) for g in gold} & {(p["start"], p["end"]) for p in pred})
            pairs = _pair(gold, pred)
            relaxed += len(pairs)
            paired_gold = {i for i, _ in pairs}
            for i, j in pairs:
                g, p = gold[i], pred[j]
                type_ok += g["type"] == p["type"]
                same = g["value"] == p["value"]
                same_lenient = lenient(g["value"]) == lenient(p["value"])
                value_ok += same
                value_lenient_ok += same_lenient
                if g["type"] == "DATE":
                    kind = value_kind(g["value"])
                    date_pairs += 1
                    date_ok += same
                    date_lenient_ok += same_lenient
                    by_kind[kind]["n"] += 1
                    by_kind[kind]["ok"] += same_lenient
                if not same_lenient and len(mistakes) < errors:
                    mistakes.append({"doc_id": doc["doc_id"], "dct": doc["dct"], "gold": g["text"],
                                     "gold_type": g["type"], "gold_value": g["value"], "pred": p["text"],
                                     "pred_type": p["type"], "pred_value": p["value"]})
            if errors:
                for i, g in enumerate(gold):
                    if i not in paired_gold and len(mistakes) < errors:
                        mistakes.append({"doc_id": doc["doc_id"], "missed": g["text"], "gold_type": g["type"],
                                         "gold_value": g["value"],
                                         "context": text[max(0, g["start"] - 50) : g["end"] + 30]})
                paired_pred = {j for _, j in pairs}
                for j, p in enumerate(pred):
                    if j not in paired_pred and len(mistakes) < errors:
                        mistakes.append({"doc_id": doc["doc_id"], "spurious": p["text"], "pred_type": p["type"],
                                         "pred_value": p["value"],
                                         "context": text[max(0, p["start"] - 50) : p["end"] + 30]})
    out = {
        "documents": n_docs,
        "gold": n_gold,
        "predicted": n_pred,
        "strict": _prf(strict, n_pred, n_gold),
        "relaxed": _prf(relaxed, n_pred, n_gold),
        "type_accuracy": round(type_ok / relaxed, 4) if relaxed else 0.0,
        "value_accuracy": round(value_ok / relaxed, 4) if relaxed else 0.0,
        "value_accuracy_lenient": round(value_lenient_ok / relaxed, 4) if relaxed else 0.0,
        "date_value_accuracy": round(date_ok / date_pairs, 4) if date_pairs else 0.0,
        "date_value_accuracy_lenient": round(date_lenient_ok / date_pairs, 4) if date_pairs else 0.0,
        "date_value_recall": round(date_lenient_ok / n_gold_date, 4) if n_gold_date else 0.0,
        "date_value_by_kind": {k: {"n": c["n"], "accuracy": round(c["ok"] / c["n"], 4)}
                               for k, c in sorted(by_kind.items())},
        "seconds": round(time.perf_counter() - started, 2),
    }
    if errors:
        out["mistakes"] = mistakes
    return out


def timex_table(metrics: dict) -> Table:
    """The metrics as a human table (the CLI prints it before the JSON line)."""
    t = Table(title=f"timex: {metrics['documents']} documents, {metrics['gold']} gold, {metrics['predicted']} found")
    t.add_column("metric")
    t.add_column("value", justify="right")
    for mode in ("strict", "relaxed"):
        for k, v in metrics[mode].items():
            t.add_row(f"span {mode} {k}", f"{v:.3f}")
    for k in ("type_accuracy", "value_accuracy", "value_accuracy_lenient", "date_value_accuracy",
              "date_value_accuracy_lenient", "date_value_recall"):
        t.add_row(k.replace("_", " "), f"{metrics[k]:.3f}")
    for kind, row in metrics["date_value_by_kind"].items():
        t.add_row(f"DATE value, gold {kind} (n={row['n']})", f"{row['accuracy']:.3f}")
    return t
