"""`eventwire eval acled`: code each ACLED record's `notes` and compare with how ACLED coded it.

Actors are compared in ACLED's own terms: our event goes through the ACLED exporter (`store.acled.acled_row`, the
rows `eventwire export --format acled` writes, with ACLED's conventions such as "Unidentified Armed Group (Ukraine)"
for an unnamed attacker) and both sides' actor names are read back to country and sector by the same function.

Each note is coded as an article published on the record's `event_date`. A note can tell several events ("Russian
forces shelled X; Ukrainian forces fired back"); the prediction compared with the record is the note's first event
that falls in ACLED's scope, else its first event. Scores: event_type, sub_event_type, actor1/actor2 country and
sector, location within 25 km and same admin1, date exact, and fatalities — exact where ACLED counts deaths, and "no
invented deaths" where it counts none (ACLED writes 0 for unknown; we must not make deaths up).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from rich.table import Table

from ..merge import distance_km
from ..pipeline import code_documents
from ..store.acled import acled_row, parse_actor_name
from ..store.records import event_record
from ..types import Document, Event

def acled_point(loc) -> tuple[float, float] | None:
    """Where ACLED would put a place: a region known only as a region goes to its capital (ACLED's geo_precision 3
    convention), so "in the Chernihiv region" is coded at Chernihiv city; a district goes to the town it is named
    after (geo_precision 2: "Konotop district" at Konotop), where there is one."""
    if loc is None or loc.lat is None:
        return None
    from ..geo._build import strip_type

    seat_name = (loc.admin1 if loc.precision == "admin1" else
                 strip_type(loc.name) if loc.precision == "admin2" and loc.name else None)
    if seat_name:
        from ..geo import load_gazetteer

        seats = [p for p in load_gazetteer().lookup(seat_name)
                 if p.precision == "city" and p.admin1_code == loc.admin1_code]
        if seats:
            seat = max(seats, key=lambda p: p.population)
            return seat.lat, seat.lon
    return loc.lat, loc.lon


def _day(s: str) -> dt.date:
    return dt.datetime.strptime(s.strip(), "%d %B %Y").date()


def primary_event(events: list[Event]) -> Event | None:
    """The event a note is about: a change of territory if it tells one ("following clashes, forces regained
    control of X"), else its first event in ACLED's scope, else its first event."""
    if not events:
        return None
    ordered = sorted(events, key=lambda e: min(m.evidence.start for m in e.mentions))
    territory = [e for e in ordered if e.acled and "territory" in e.acled[1]]
    return territory[0] if territory else next((e for e in ordered if e.acled), ordered[0])


def evaluate(path: str | Path, *, limit: int | None = None) -> dict:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = rows[:limit]
    docs = [Document(doc_id=r["event_id_cnty"], text=r["notes"], published=_day(r["event_date"]),
                     source="ACLED notes", origin=f"{Path(path).name}:{i + 1}") for i, r in enumerate(rows)]
    predicted = {res.doc.doc_id: primary_event(res.events) for res in code_documents(docs)}
    tallies: Counter = Counter()
    confusion_type: Counter = Counter()
    confusion_sub: Counter = Counter()
    for r in rows:
        ev = predicted.get(r["event_id_cnty"])
        got_type, got_sub = (ev.acled if ev and ev.acled else (None, None))
        confusion_type[(r["event_type"], got_type)] += 1
        confusion_sub[(r["sub_event_type"], got_sub)] += 1
        tallies["n"] += 1
        tallies["event_type"] += got_type == r["event_type"]
        tallies["sub_event_type"] += got_sub == r["sub_event_type"]
        tallies["date"] += bool(ev and ev.date == _day(r["event_date"]).isoformat())
        row = acled_row(event_record(ev)) if ev else None
        for k in ("1", "2"):
            country, sector = parse_actor_name(r[f"actor{k}"], r[f"inter{k}"])
            got = parse_actor_name(row[f"actor{k}"], row[f"inter{k}"]) if row else (None, None)
            if country:
                tallies[f"actor{k}_country_n"] += 1
                tallies[f"actor{k}_country"] += got[0] == country
                unnamed = bool(row and row[f"actor{k}"].startswith("Unidentified"))
                tallies[f"actor{k}_unidentified"] += unnamed
                if not unnamed:
                    tallies[f"actor{k}_named_n"] += 1
                    tallies[f"actor{k}_named"] += got[0] == country
            if sector:
                tallies[f"actor{k}_sector_n"] += 1
                tallies[f"actor{k}_sector"] += got[1] == sector
        loc = ev.location if ev else None
        point = acled_point(loc)
        if point is not None:
            km = distance_km(float(r["latitude"]), float(r["longitude"]), *point)
            tallies["location_25km"] += km <= 25
        tallies["admin1"] += bool(loc and _same_admin1(loc.admin1, r["admin1"]))
        deaths = int(r["fatalities"] or 0)
        got_deaths = ev.fatalities if ev else None
        if deaths > 0:
            tallies["fatal_n"] += 1
            tallies["fatal_exact"] += got_deaths == deaths
        else:
            tallies["nonfatal_n"] += 1
            tallies["nonfatal_ok"] += not got_deaths
    n = tallies["n"] or 1
    metrics = {
        "records": tallies["n"],
        "event_type": round(tallies["event_type"] / n, 4),
        "sub_event_type": round(tallies["sub_event_type"] / n, 4),
        "location_25km": round(tallies["location_25km"] / n, 4),
        "admin1": round(tallies["admin1"] / n, 4),
        "date": round(tallies["date"] / n, 4),
        "fatalities_exact_when_deaths": round(tallies["fatal_exact"] / max(1, tallies["fatal_n"]), 4),
        "no_invented_deaths": round(tallies["nonfatal_ok"] / max(1, tallies["nonfatal_n"]), 4),
        "records_with_deaths": tallies["fatal_n"],
    }
    for k in ("1", "2"):
        for part in ("country", "sector"):
            key = f"actor{k}_{part}"
            metrics[key] = round(tallies[key] / max(1, tallies[key + "_n"]), 4)
    # How much of actor1 is ACLED's unnamed-attacker convention rather than an actor the text names.
    metrics["actor1_unidentified_share"] = round(tallies["actor1_unidentified"] / max(1, tallies["actor1_country_n"]), 4)
    metrics["actor1_country_when_named"] = round(tallies["actor1_named"] / max(1, tallies["actor1_named_n"]), 4)
    metrics["confusion_event_type"] = [[g, p or "-", c] for (g, p), c in confusion_type.most_common()]
    metrics["confusion_sub_event_type"] = [[g, p or "-", c] for (g, p), c in confusion_sub.most_common(40)]
    return metrics


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]", "", s)


def _same_admin1(ours: str | None, gold: str) -> bool:
    a, b = _norm(ours), _norm(gold)
    return bool(a and b) and (a[:5] == b[:5])


def acled_table(metrics: dict) -> Table:
    t = Table(title=f"ACLED dev ({metrics['records']} records)")
    t.add_column("metric")
    t.add_column("value", justify="right")
    for k, v in metrics.items():
        if not isinstance(v, list) and k != "records":
            t.add_row(k, f"{v:.3f}" if isinstance(v, float) else str(v))
    return t
