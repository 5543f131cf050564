"""`eventwire eval seed`: one article's events against its hand-coded gold, by the matching rule the gold states.

An extracted event matches a gold event when its CAMEO root equals the gold's (or its PLOVER type does), its date
lies in the gold's [earliest, latest], its place is within 50 km of the gold point (city precision) or in the same
admin1/country (coarser), and actor1's country equals the gold's where the gold gives one and does not mark it
optional. Gold and extracted events are paired one to one (a maximum matching, must before should before may);
an extracted event left over that matches an already-paired gold event is a duplicate, one that matches nothing
is a false positive.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from rich.table import Table

from ..ingest import read_inputs
from ..merge import distance_km
from ..pipeline import code_documents
from ..store import event_record
from ..types import Document

LEVELS = ("must", "should", "may")


def evaluate_seed(gold_path: str | Path, document: str | Path | None = None) -> dict:
    gold_path = Path(gold_path)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc_path = Path(document) if document else gold_path.parent.parent / gold["document"]
    docs = [d for d in read_inputs([doc_path]) if isinstance(d, Document)]
    if not docs:
        raise FileNotFoundError(f"{doc_path}: the gold's article could not be read")
    for d in docs:
        d.published = d.published or _iso(gold.get("published"))
        d.source = d.source or gold.get("source")
    records = [event_record(e) for r in code_documents(docs) for e in r.events]
    return score(gold["events"], records)


def _iso(value):
    import datetime as dt

    return dt.date.fromisoformat(value) if value else None


def score(gold_events: list[dict], records: list[dict]) -> dict:
    ok = [[matches(g, r) for r in records] for g in gold_events]
    order = sorted(range(len(gold_events)), key=lambda i: LEVELS.index(gold_events[i].get("level", "may")))
    pair_of_record: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for ri in range(len(records)):
            if ok[gi][ri] and ri not in seen:
                seen.add(ri)
                if ri not in pair_of_record or augment(pair_of_record[ri], seen):
                    pair_of_record[ri] = gi
                    return True
        return False

    for gi in order:
        augment(gi, set())
    pair_of_gold = {gi: ri for ri, gi in pair_of_record.items()}
    rows = []
    for gi, g in enumerate(gold_events):
        ri = pair_of_gold.get(gi)
        r = records[ri] if ri is not None else None
        rows.append({
            "id": g["id"], "level": g.get("level", "may"), "found": r is not None,
            "event_id": r["event_id"] if r else None, "mentions": r["num_mentions"] if r else 0,
            "min_mentions": g.get("min_mentions", 1),
            "why_not": None if r else _closest_miss(g, records),
        })
    duplicates, false_pos = [], []
    for ri, r in enumerate(records):
        if ri in pair_of_record:
            continue
        (duplicates if any(ok[gi][ri] for gi in range(len(gold_events))) else false_pos).append(_brief(r))
    summary: dict = {"extracted": len(records), "false_positives": len(false_pos), "duplicates": len(duplicates)}
    for level in LEVELS:
        level_rows = [x for x in rows if x["level"] == level]
        summary[f"{level}_found"] = sum(x["found"] for x in level_rows)
        summary[f"{level}_total"] = len(level_rows)
    found = [x for x in rows if x["found"]]
    summary["mentions_ok"] = sum(x["mentions"] >= x["min_mentions"] for x in found)
    summary["matched"] = len(found)
    return {"summary": summary, "gold": rows, "false_positives": false_pos, "duplicates": duplicates,
            "records": [_brief(r) for r in records]}


def matches(g: dict, r: dict) -> bool:
    return not _failures(g, r)


def _failures(g: dict, r: dict) -> list[str]:
    fails = []
    if (r.get("cameo") or "")[:2] != g.get("cameo_root") and r.get("event_type") != g.get("plover"):
        fails.append("type")
    d = g.get("date") or {}
    if not r.get("date") or not (d.get("earliest", "") <= r["date"] <= d.get("latest", "9999")):
        fails.append("date")
    gl = g.get("location")
    if gl and not gl.get("optional") and not _place_ok(gl, r.get("location")):
        fails.append("location")
    ga = g.get("actor1")
    if ga and ga.get("country") and not ga.get("optional"):
        if ((r.get("actor1") or {}).get("country")) != ga["country"]:
            fails.append("actor1")
    return fails


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    for suffix in (" oblast", " oblast'", " region", " province", "ska", "s'ka", "ska oblast"):
        s = s.replace(suffix, "")
    return s.strip()


def _place_ok(gl: dict, loc: dict | None) -> bool:
    if not loc:
        return False
    precision = gl.get("precision", "city")
    if precision == "city":
        if loc.get("lat") is None or gl.get("lat") is None:
            return False
        return distance_km(gl["lat"], gl["lon"], loc["lat"], loc["lon"]) <= 50.0
    if gl.get("country") and loc.get("country") != gl["country"]:
        return False
    if precision == "admin1" and gl.get("admin1"):
        a, b = _norm(gl["admin1"]), _norm(loc.get("admin1"))
        return bool(b) and (a.startswith(b[:5]) or b.startswith(a[:5]))
    return True


def _closest_miss(g: dict, records: list[dict]) -> str:
    best = min((_failures(g, r) for r in records), key=len, default=["no events"])
    return ", ".join(best)


def _brief(r: dict) -> dict:
    loc = r.get("location") or {}
    return {"event_id": r["event_id"], "type": r["event_type"], "cameo": r["cameo"], "date": r["date"],
            "actor1": (r.get("actor1") or {}).get("country"), "location": loc.get("name"), "status": r["status"],
            "mentions": r["num_mentions"], "trigger": r["mentions"][0]["trigger"] if r["mentions"] else None}


def seed_table(metrics: dict) -> Table:
    t = Table(title="seed gold")
    for col in ("level", "gold event", "found", "mentions", "why not"):
        t.add_column(col)
    for row in metrics["gold"]:
        t.add_row(row["level"], row["id"], "yes" if row["found"] else "no",
                  f"{row['mentions']}/{row['min_mentions']}" if row["found"] else "", row["why_not"] or "")
    for fp in metrics["false_positives"]:
        t.add_row("FP", f"{fp['type']} {fp['cameo']} {fp['trigger']!r} {fp['date']} {fp['location']}", "", "", "")
    for d in metrics["duplicates"]:
        t.add_row("DUP", f"{d['type']} {d['cameo']} {d['trigger']!r} {d['date']} {d['location']}", "", "", "")
    return t
