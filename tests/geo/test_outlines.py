"""Approximate admin1 boundaries from GeoNames settlements (eventwire.geo.outlines), checked on Ukraine: the lines lie
inside the country and separate settlements of different oblasts, and only those."""

from __future__ import annotations

import time

import pytest

from eventwire.geo.gazetteer import load_gazetteer
from eventwire.geo.outlines import METHOD, UnknownCountry, _boundaries, admin1_boundaries


@pytest.fixture(scope="module")
def ukraine() -> dict:
    return admin1_boundaries("UKR")


def town(name: str) -> tuple[float, float, str]:
    """(lon, lat, admin1 code) of the Ukrainian city the gazetteer reads `name` as."""
    place = next(p for p in load_gazetteer().lookup(name) if p.country == "UKR" and p.precision == "city")
    return place.lon, place.lat, place.admin1_code


def segments(feature: dict):
    for line in feature["geometry"]["coordinates"]:
        yield from zip(line, line[1:])


def _side(a, b, c) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def crosses(p, q, a, b) -> bool:
    """Whether the segments pq and ab properly intersect."""
    return _side(p, q, a) * _side(p, q, b) < 0 and _side(a, b, p) * _side(a, b, q) < 0


def crossings(feature: dict, p, q) -> int:
    return sum(crosses(p, q, a, b) for a, b in segments(feature))


def test_settlements_of_a_country():
    rows = load_gazetteer().settlements("ua")
    assert len(rows) > 3000
    assert all(cc == "UA" and 44 < lat < 53 and 22 < lon < 41 for lat, lon, cc, _ in rows)
    assert {a1 for *_, a1 in rows if a1} >= {"UA.14", "UA.05", "UA.07", "UA.12"}  # Luhansk, Donetsk, Kharkiv, Kyiv
    assert load_gazetteer().settlements("XX") == []


def test_ukraine_is_a_multilinestring_inside_its_bounding_box(ukraine):
    assert ukraine["type"] == "Feature"
    assert ukraine["geometry"]["type"] == "MultiLineString"
    lines = ukraine["geometry"]["coordinates"]
    assert len(lines) > 10
    assert all(len(line) >= 2 for line in lines)
    n_segments = sum(1 for _ in segments(ukraine))
    assert n_segments > 300 and n_segments > 3 * len(lines)  # edges were chained into lines
    for line in lines:
        for lon, lat in line:
            assert 22 <= lon <= 41 and 44 <= lat <= 53, (lon, lat)
    props = ukraine["properties"]
    assert props["country"] == "UKR" and props["approximate"] is True and props["method"] == METHOD
    assert props["units"] >= 24 and props["settlements"] > 3000


@pytest.mark.parametrize(
    "a, b",
    [
        ("Lysychansk", "Bakhmut"),  # Luhansk | Donetsk oblast, ~45 km apart
        ("Svatove", "Kupiansk"),  # Luhansk | Kharkiv
        ("Kramatorsk", "Kharkiv"),  # Donetsk | Kharkiv
    ],
)
def test_lines_separate_towns_of_different_oblasts(ukraine, a, b):
    (*p, a1), (*q, b1) = town(a), town(b)
    assert a1 != b1
    assert crossings(ukraine, p, q) >= 1


@pytest.mark.parametrize("a, b", [("Kharkiv", "Chuhuiv"), ("Lysychansk", "Sievierodonetsk"), ("Bakhmut", "Kramatorsk")])
def test_no_line_between_towns_of_one_oblast(ukraine, a, b):
    (*p, a1), (*q, b1) = town(a), town(b)
    assert a1 == b1
    assert crossings(ukraine, p, q) == 0


def test_codes_cases_and_cache():
    assert admin1_boundaries("ua") is admin1_boundaries("UKR") is admin1_boundaries(" Ukr ")
    for bad in ("XXX", "XX", "", "U1", "UKRAINE"):
        with pytest.raises(UnknownCountry):
            admin1_boundaries(bad)


def test_a_country_without_two_units_has_no_lines():
    feature = admin1_boundaries("VAT")  # the Vatican: one settlement, no admin1 units to separate
    assert feature["geometry"] == {"type": "MultiLineString", "coordinates": []}
    assert feature["properties"]["country"] == "VAT"


def test_ukraine_is_fast():
    admin1_boundaries("UKR")  # the settlements of the world and scipy are loaded once
    t0 = time.perf_counter()
    _boundaries.__wrapped__("UA", "UKR")
    assert time.perf_counter() - t0 < 2.0
