"""Ukraine's settlements from the KATOTTG codifier: matched to cities500 where they are the same place, otherwise
placed at their hromada's midpoint."""

from __future__ import annotations

import json
import statistics
from collections import defaultdict

import pytest

from eventwire.geo._build import gnc_data_dir
from eventwire.geo._katottg import _km, _place, _Unit, ukraine_settlements


def _unit(n: int, oblast: str, raion: str, hromada: str, name: str) -> _Unit:
    return _Unit(f"UA{n:017d}", oblast, raion, hromada, name)


def _city(gid: int, name: str, lat: float, lon: float, a1: str = "05") -> dict:
    return {"geonameid": gid, "name": name, "alternatenames": [], "admin1code": a1, "latitude": lat,
            "longitude": lon, "countrycode": "UA"}


def test_a_settlement_is_its_namesake_or_sits_at_its_hromadas_midpoint() -> None:
    units = [
        _unit(1, "O1", "R1", "H1", "Ясне"),  # in cities500
        _unit(2, "O1", "R1", "H1", "Вишневе"),  # in cities500
        _unit(3, "O1", "R1", "H1", "Тиха Балка"),  # a village cities500 lacks
        _unit(4, "O1", "R1", "H2", "Кругле"),  # its hromada has no listed place: the raion's midpoint
        _unit(5, "O2", "R9", "H9", "Самотнє"),  # an oblast no namesake ties to a GeoNames code: left out
    ]
    cities = [_city(10, "Yasne", 48.0, 37.0), _city(11, "Vyshneve", 48.1, 37.2)]
    got = {s.code[-1]: s for s in _place(units, cities)}
    assert got["1"].geonameid == 10 and (got["1"].lat, got["1"].lon) == (48.0, 37.0)
    assert got["2"].geonameid == 11 and got["2"].a1code == "UA.05"
    assert got["3"].geonameid == -3 and got["3"].names == ("Tykha Balka",)
    assert (got["3"].lat, got["3"].lon) == (48.05, 37.1)  # the median of Yasne and Vyshneve
    assert (got["4"].lat, got["4"].lon) == (48.05, 37.1)
    assert "5" not in got


def test_namesakes_in_one_oblast_pair_by_distance() -> None:
    units = [
        _unit(1, "O1", "R1", "H1", "Ясне"), _unit(2, "O1", "R1", "H1", "Весела Гора"),
        _unit(3, "O1", "R2", "H3", "Лиман"), _unit(4, "O1", "R2", "H3", "Весела Гора"),
    ]
    cities = [_city(10, "Yasne", 48.0, 37.0), _city(12, "Lyman", 49.0, 38.0),
              _city(13, "Vesela Hora", 49.05, 38.05)]  # the one near Lyman
    got = {s.code[-1]: s for s in _place(units, cities)}
    assert got["4"].geonameid == 13
    assert got["2"].geonameid == -2 and (got["2"].lat, got["2"].lon) == (48.0, 37.0)
    assert got["2"].names == ("Vesela Hora",)


def test_y_forms_are_kept_as_a_second_name() -> None:
    units = [_unit(1, "O1", "R1", "H1", "Ясне"), _unit(2, "O1", "R1", "H1", "Мар'янівка")]
    got = {s.code[-1]: s for s in _place(units, [_city(10, "Yasne", 48.0, 37.0)])}
    assert got["2"].names == ("Marianivka", "Maryanivka")


@pytest.fixture(scope="module")
def settlements() -> list:
    with open(gnc_data_dir() / "cities500.json", encoding="utf-8") as f:
        return ukraine_settlements(list(json.load(f).values()))


def test_the_codifier_covers_ukraine(settlements: list) -> None:
    assert len(settlements) > 25_000  # ~29,700 settlements, against ~5,500 Ukrainian places in cities500
    by_gid = {s.geonameid: s for s in settlements}
    assert by_gid[702972].a1code == "UA.14"  # Lysychansk, Luhansk Oblast, is matched to its GeoNames place
    assert len({s.a1code for s in settlements}) == 25  # 24 oblasts and Crimea; Kyiv and Sevastopol are cities


def test_hromada_midpoints_land_near_the_villages(settlements: list) -> None:
    """Leave one out: where cities500 knows a settlement's point, the midpoint of the other known settlements of its
    hromada is the point an unlisted village would get. It must be within 25 km for nearly all of them."""
    by_hromada = defaultdict(list)
    for s in settlements:
        if s.geonameid > 0:
            by_hromada[s.code[:9]].append(s)
    errors = []
    for members in by_hromada.values():
        for s in members:
            others = [o for o in members if o is not s]
            if others:
                mid = (statistics.median(o.lat for o in others), statistics.median(o.lon for o in others))
                errors.append(_km(mid, (s.lat, s.lon)))
    assert len(errors) > 3_000
    assert sum(e <= 25 for e in errors) / len(errors) >= 0.9
    assert statistics.median(errors) <= 12
