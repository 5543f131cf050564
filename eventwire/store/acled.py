"""The ACLED view of an event record: `eventwire export --format acled` and the ACLED evaluator both read it.

ACLED names actors by role and country ("Military Forces of Russia", "Civilians (Ukraine)", "Unidentified Armed
Group (Ukraine)") and gives each an interaction code; eventwire's actors carry an ISO3 country and a sector. Both
directions live here, so that what we export and what we score against ACLED's own rows are the same thing.

ACLED's codebook conventions followed (not invented here): an attack whose perpetrator the source does not name is
coded to an "Unidentified Armed Group" of the country where it happened; people displaced or evacuated are the first
actor of their event; demonstrators and rioters without a named organisation are "Protesters (Country)" and
"Rioters (Country)"; unknown fatalities are 0.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import IO

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "inter1", "actor2", "inter2", "interaction", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities", "tags",
)
# Interaction codes: 1 state forces, 2 rebel groups, 3 political militias, 4 identity militias, 5 rioters,
# 6 protesters, 7 civilians, 8 external/other forces.
SECTOR_INTER = {"MIL": 1, "GOV": 1, "REB": 2, "CVL": 7, "REF": 7, "MED": 7, "POL": 3, "IGO": 8, "NGO": 8, "BUS": 7}
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "season": 3, "quarter": 3, "year": 3}
GEO_PRECISION = {"city": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}
DISORDER = {"Protests": "Demonstrations", "Riots": "Political violence; Demonstrations",
            "Strategic developments": "Strategic developments"}
# Named groups whose ACLED name does not say their country.
GROUP_COUNTRY = {"NAF: United Armed Forces of Novorossiya": "UKR", "Wagner Group": "RUS"}
# ACLED's own names for armed groups our lexicon names otherwise: the forces of the two self-proclaimed republics
# are one actor in ACLED's 2022 Ukraine data.
ACLED_GROUP_NAMES = {"Donetsk People's Republic": "NAF: United Armed Forces of Novorossiya",
                     "Luhansk People's Republic": "NAF: United Armed Forces of Novorossiya",
                     "United Armed Forces of Novorossiya": "NAF: United Armed Forces of Novorossiya"}


def _country_name(iso3: str | None) -> str | None:
    if not iso3:
        return None
    from ..geo import load_gazetteer

    place = load_gazetteer().country(iso3)
    return place.name if place else None


def actor_name(actor: Mapping | None, event_country: str | None, *, role: str = "") -> tuple[str, int]:
    """(ACLED actor name, interaction code) for one of our actor records; ("", 0) for none.

    `role` is "protest", "riot" or "" and names crowds the way ACLED does."""
    if not actor:
        return "", 0
    iso = actor.get("country") or event_country
    country = _country_name(iso)
    sector = actor.get("sector")
    name = actor.get("name")
    name = ACLED_GROUP_NAMES.get(name, name) if name else name
    foreign = bool(iso and event_country and iso != event_country)
    if role == "protest" and sector in (None, "CVL", "POL"):
        return f"Protesters ({country or 'International'})", 6
    if role == "riot" and sector in (None, "CVL", "POL"):
        return f"Rioters ({country or 'International'})", 5
    if sector == "MIL" and country:
        return f"Military Forces of {country}", 8 if foreign else 1
    if sector == "GOV" and country:
        return f"Government of {country}", 8 if foreign else 1
    if sector == "REB":
        return (name or f"Unidentified Armed Group ({country or 'International'})"), 2 if name else 3
    if sector in ("CVL", "REF", "MED", "BUS") or (sector is None and not name):
        return f"Civilians ({country or 'International'})", 7
    if sector in ("IGO", "NGO") and name:
        return name, 8
    if name:
        return (f"{name} ({country})" if country and country not in name else name), SECTOR_INTER.get(sector or "", 0)
    return f"Unidentified Armed Group ({country or 'International'})", 3


def parse_actor_name(name: str, inter: str | int = "") -> tuple[str | None, str | None]:
    """ACLED actor name → (ISO3, sector): "Military Forces of Russia (2000-)" → ("RUS", "MIL")."""
    if not name:
        return None, None
    from ..geo import load_gazetteer

    gaz = load_gazetteer()
    country = GROUP_COUNTRY.get(name)
    if country is None:
        m = re.search(r"(?:Forces|Government) of ([A-Z][\w\s'-]+?)\s*(?:\(|$)", name) \
            or re.search(r"\(([^()0-9]+)\)", name)
        if m:
            text = m.group(1).strip()
            place = gaz.country(text) if len(text) in (2, 3) else None
            place = place or next((p for p in gaz.lookup(text) if p.precision == "country"), None)
            country = place.country if place else None
    sector = {1: "MIL", 2: "REB", 3: "REB", 4: "REB", 5: "CVL", 6: "CVL", 7: "CVL", 8: "MIL"}.get(_int(inter))
    if name.startswith(("Government of", "Police Forces")):
        sector = "GOV"
    return country, sector


def _int(v) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return 0


def acled_row(record: Mapping) -> dict | None:
    """One ACLED-style row for an event record, or None when the event is outside ACLED's scope."""
    acled = record.get("acled") or {}
    event_type, sub = acled.get("event_type"), acled.get("sub_event_type")
    if not event_type:
        return None
    loc = record.get("location") or {}
    a1, a2 = record.get("actor1"), record.get("actor2")
    event_country = loc.get("country") or (a2 or {}).get("country") or (a1 or {}).get("country")
    role = "protest" if event_type == "Protests" else "riot" if event_type == "Riots" else ""
    if not a1 and a2 and a2.get("sector") in ("CVL", "REF") and event_type not in VIOLENT_TYPES:
        a1, a2 = a2, None  # "civilians were evacuated from X": the displaced are the first actor
    name1, inter1 = actor_name(a1, event_country, role=role)
    if not name1 and event_type in VIOLENT_TYPES:
        name1, inter1 = f"Unidentified Armed Group ({_country_name(event_country) or 'International'})", 3
    elif not name1 and role:
        name1, inter1 = actor_name({"sector": "CVL", "country": event_country}, event_country, role=role)
    name2, inter2 = actor_name(a2, event_country)
    mentions = record.get("mentions") or []
    day = record.get("date")
    return {
        "event_id_cnty": record.get("event_id"),
        "event_date": day.isoformat() if isinstance(day, dt.date) else day,
        "time_precision": TIME_PRECISION.get(record.get("date_precision") or "", 3),
        "disorder_type": DISORDER.get(event_type, "Political violence"),
        "event_type": event_type,
        "sub_event_type": sub,
        "actor1": name1, "inter1": inter1, "actor2": name2, "inter2": inter2,
        "interaction": int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter2 else inter1 * 10,
        "country": _country_name(loc.get("country")),
        "admin1": loc.get("admin1"),
        "location": loc.get("name"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": GEO_PRECISION.get(loc.get("precision") or "", None),
        "source": "; ".join(dict.fromkeys(m.get("source") or m.get("doc_id") for m in mentions)),
        "notes": mentions[0].get("sentence") if mentions else None,
        "fatalities": record.get("fatalities") or 0,
        "tags": record.get("status") if record.get("status") not in (None, "reported") else "",
    }


def write_acled_stream(records: Iterable[dict], out: IO[str]) -> tuple[int, int]:
    """CSV in ACLED's column layout; events outside ACLED's scope are skipped."""
    import csv

    w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    w.writeheader()
    written = skipped = 0
    for r in records:
        row = acled_row(r)
        if row is None:
            skipped += 1
            continue
        w.writerow(row)
        written += 1
    return written, skipped
