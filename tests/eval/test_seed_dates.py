"""Every dated event of the seed gold gets its gold date.

The seed scorer's matching already requires the date, so a wrongly dated event would only show up there as
"not found". Here each gold event is found among the extracted ones on everything *but* the date (type, place,
actor by the seed's rule with the date window opened, and the gold's evidence in a mention's sentence), and
then its date is checked against the gold window, gold event by gold event. The article is dated by its header (Monday 4 July 2022); its
events are told "on Sunday", "on Saturday", "a day after", "a week after", "nearly three months after".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.eval.seed import matches
from eventwire.ingest import read_inputs
from eventwire.pipeline import code_documents
from eventwire.store import event_record
from eventwire.types import Document

# Research data lies beside the repository, never inside it (the `seed_gold` fixture skips when it is absent).
SEED_GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "seed-luhansk.json"
_GOLD = json.loads(SEED_GOLD.read_text(encoding="utf-8"))["events"] if SEED_GOLD.exists() else []
DATED = [g["id"] for g in _GOLD if (g.get("date") or {}).get("earliest")]
REQUIRED = {g["id"] for g in _GOLD if g.get("level") in ("must", "should")}


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()


@pytest.fixture(scope="module")
def paired(seed_gold: Path) -> dict[str, dict | None]:
    """Gold event id -> the extracted record that is that event, regardless of its date (None when none is).

    A record is the gold event when it matches it on everything but the date (the seed's own rule, the date
    window opened) and one of its mentions' sentences holds the gold's evidence; the most evidence wins."""
    gold = json.loads(seed_gold.read_text(encoding="utf-8"))
    article = seed_gold.parent.parent / gold["document"]
    docs = [d for d in read_inputs([article]) if isinstance(d, Document)]
    assert docs, f"{article} could not be read"
    assert all(d.published is not None for d in docs), "the seed's header date was not read"
    records = [event_record(e) for r in code_documents(docs) for e in r.events]
    out: dict[str, dict | None] = {}
    taken: set[int] = set()
    levels = ("must", "should", "may")
    for g in sorted(gold["events"], key=lambda g: levels.index(g.get("level", "may"))):
        undated = {**g, "date": {"earliest": "0000", "latest": "9999"}}
        evidence = [_norm(x) for x in g.get("evidence", [])]
        best, best_hits = None, 0
        for i, r in enumerate(records):
            sentences = [_norm(m.get("sentence") or "") for m in r.get("mentions", [])]
            hits = sum(any(ev in s for s in sentences) for ev in evidence)
            if i not in taken and hits > best_hits and matches(undated, r):
                best, best_hits = i, hits
        out[g["id"]] = records[best] if best is not None else None
        if best is not None:
            taken.add(best)  # one record is one event: must events choose first, as in the seed scorer
    return out


@pytest.mark.parametrize("gold_id", DATED or ["(no seed gold)"])
def test_dated_gold_event_gets_its_gold_date(gold_id, paired):
    g = next(x for x in _GOLD if x["id"] == gold_id)
    window = g["date"]
    record = paired[gold_id]
    if record is None:
        assert gold_id not in REQUIRED, f"{gold_id} ({g['level']}) was not extracted at all"
        pytest.skip(f"{gold_id} ({g['level']}) is not extracted; nothing to date")
    assert record["date"] is not None, f"{gold_id}: no date (date_text {record.get('date_text')!r})"
    assert window["earliest"] <= record["date"] <= window["latest"], (
        f"{gold_id}: dated {record['date']} from {record.get('date_text')!r} "
        f"({record.get('date_precision')}), gold {window['value']} in [{window['earliest']}, {window['latest']}]"
    )


def test_every_required_gold_event_is_dated(paired):
    missing = [gid for gid in DATED if gid in REQUIRED and paired.get(gid) is None]
    assert not missing, missing
