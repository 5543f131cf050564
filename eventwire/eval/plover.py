"""`eventwire eval plover`: event type, source and target on the PLOVER gold sentences (CAMEO manual examples).

The gold uses PLOVER 0.5's eighteen labels (DEMAND, DISAPPROVE, FIGHT, INVESTIGATE... beside AGREE, ASSAULT...).
Our events carry CAMEO codes, and CAMEO roots map one to one onto those labels, so both sides are compared in the
gold's vocabulary. The prediction for a sentence is its main event (the trigger highest in the parse); a sentence with no
event counts as a miss for every measure. Source is right when our actor1 matches one of the gold sources (country
code, and sector where the gold gives one); target likewise with actor2 (no gold target: right when we give none).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from rich.table import Table

from ..pipeline import code_documents
from ..types import Actor, Document, Event

# CAMEO root → PLOVER 0.5 label (the gold's vocabulary).
ROOT_LABEL = {
    "01": "CONSULT", "02": "DEMAND", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "08": "CONCEDE", "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "FIGHT",
    "20": "ASSAULT",
}
# Gold sector codes → ours.
SECTOR = {
    "GOV": {"GOV"}, "MIL": {"MIL"}, "REB": {"REB"}, "CVL": {"CVL"}, "CIV": {"CVL"}, "REF": {"REF", "CVL"},
    "OPP": {"POL"}, "PTY": {"POL"}, "COP": {"GOV"}, "LEG": {"GOV"}, "JUD": {"GOV"}, "JRN": {"MED"}, "MED": {"MED"},
    "UAF": {"REB", "MIL"}, "EDU": {"CVL"}, "LAB": {"CVL"}, "SOC": {"CVL"}, "ELI": {"CVL", "GOV"},
    "MOS": {"CVL"}, "CRM": {"REB", "CVL"},
}
# CAMEO country codes that differ from ISO 3166 alpha-3.
CAMEO_COUNTRY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


# CAMEO 08 "yield" splits: return/release (084), easing sanctions (085), allowing international involvement
# (086), de-escalation (087) and easing a curfew or emergency (0813, 0814) are RETREAT, the rest CONCEDE (the public
# CAMEO-to-PLOVER table).
RETREAT_CODES = ("084", "085", "086", "087", "0813", "0814")


def label(event: Event) -> str:
    if event.cameo.startswith(RETREAT_CODES):
        return "RETREAT"
    return ROOT_LABEL.get(event.cameo[:2], "OTHER")


def main_event(events: list[Event]) -> Event | None:
    """The sentence's main event: the one whose trigger sits highest in the parse, then the first."""
    if not events:
        return None
    return min(events, key=lambda e: min((m.depth, m.evidence.start) for m in e.mentions))


def _gold_actors(value) -> list[dict]:
    return value if isinstance(value, list) else []


def actor_matches(ours: Actor | None, gold: dict, with_sector: bool) -> bool:
    if ours is None:
        return False
    code = CAMEO_COUNTRY.get(gold.get("code") or "", gold.get("code"))
    if code in ("IGO", "NGO", "IMG", "ISM"):
        ok = ours.sector == code or (code == "IMG" and ours.sector == "REB")
    else:
        ok = ours.country == code
    sector = (gold.get("sector") or "")[:3].upper()
    if ok and with_sector and sector in SECTOR:
        ok = ours.sector in SECTOR[sector]
    return ok


def evaluate(path: str | Path) -> dict:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [Document(doc_id=r["id"], text=r["text"], published=None, origin=r["id"]) for r in rows]
    results = {res.doc.doc_id: res for res in code_documents(docs)}
    confusion: Counter = Counter()
    tallies: Counter = Counter()
    for r in rows:
        ev = main_event(results[r["id"]].events)
        got = label(ev) if ev else "NONE"
        confusion[(r["event"], got)] += 1
        tallies["n"] += 1
        tallies["type"] += got == r["event"]
        tallies["no_event"] += ev is None
        sources, targets = _gold_actors(r.get("source")), _gold_actors(r.get("target"))
        for part, with_sector in (("country", False), ("country_sector", True)):
            src = any(actor_matches(ev.actor1 if ev else None, g, with_sector) for g in sources)
            tgt = (any(actor_matches(ev.actor2 if ev else None, g, with_sector) for g in targets) if targets
                   else ev is not None and ev.actor2 is None)
            tallies[f"source_{part}"] += src
            tallies[f"target_{part}"] += tgt
            tallies[f"both_{part}"] += src and tgt
    n = tallies["n"] or 1
    labels = sorted({g for g, _ in confusion} | {p for _, p in confusion} - {"NONE"})
    f1s = []
    for lab in sorted({g for g, _ in confusion}):
        tp = confusion[(lab, lab)]
        fp = sum(c for (g, p), c in confusion.items() if p == lab and g != lab)
        fn = sum(c for (g, p), c in confusion.items() if g == lab and p != lab)
        prec, rec = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    metrics = {
        "sentences": tallies["n"],
        "type_accuracy": round(tallies["type"] / n, 4),
        "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0,
        "no_event_rate": round(tallies["no_event"] / n, 4),
    }
    for part in ("country", "country_sector"):
        for side in ("source", "target", "both"):
            metrics[f"{side}_{part}"] = round(tallies[f"{side}_{part}"] / n, 4)
    metrics["labels"] = labels
    metrics["confusion"] = [[g, p, c] for (g, p), c in confusion.most_common()]
    return metrics


def plover_table(metrics: dict) -> Table:
    t = Table(title=f"PLOVER gold ({metrics['sentences']} sentences)")
    t.add_column("metric")
    t.add_column("value", justify="right")
    for k, v in metrics.items():
        if isinstance(v, float):
            t.add_row(k, f"{v:.3f}")
    return t
