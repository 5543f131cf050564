"""The ACLED view of event records: actor names both ways, ACLED's codebook conventions, the CSV export."""

import csv
import datetime as dt
import io

import pytest

import eventwire
from eventwire.store import event_record, export
from eventwire.store.acled import ACLED_COLUMNS, acled_row, actor_name, parse_actor_name


@pytest.mark.parametrize("name, inter, expected", [
    ("Military Forces of Russia (2000-)", "8", ("RUS", "MIL")),
    ("Military Forces of Ukraine (2019-) Air Force", "1", ("UKR", "MIL")),
    ("Civilians (Ukraine)", "7", ("UKR", "CVL")),
    ("Government of Ukraine (2019-)", "1", ("UKR", "GOV")),
    ("NAF: United Armed Forces of Novorossiya", "2", ("UKR", "REB")),
    ("Unidentified Armed Group (Ukraine)", "3", ("UKR", "REB")),
    ("", "", (None, None)),
])
def test_acled_actor_names_read_as_country_and_sector(name, inter, expected):
    assert parse_actor_name(name, inter) == expected


@pytest.mark.parametrize("sector, country", [("MIL", "RUS"), ("GOV", "UKR"), ("CVL", "SYR"), ("REB", "UKR")])
def test_our_actor_names_read_back_to_the_same_country(sector, country):
    name, inter = actor_name({"sector": sector, "country": country, "name": None}, "UKR")
    assert parse_actor_name(name, inter)[0] == country
    # Forces of another state than the one fought in are "external" (8), a state's own are 1.
    if sector == "MIL":
        assert inter == (8 if country != "UKR" else 1)


def test_the_separatist_republics_forces_export_under_acled_s_own_name():
    ev = _record("Ukrainian forces fired mortars at the positions of the Luhansk People's Militia near Popasna.")
    row = acled_row(ev)
    assert row["actor2"] == "NAF: United Armed Forces of Novorossiya"
    assert parse_actor_name(row["actor2"], row["inter2"]) == ("UKR", "REB")


def _record(text, published=dt.date(2022, 4, 10)):
    evs = eventwire.extract(text, published=published)
    assert len(evs) == 1, [e.mentions[0].trigger for e in evs]
    return event_record(evs[0])


def test_an_unnamed_attacker_is_an_unidentified_armed_group_of_the_country():
    row = acled_row(_record("Shells hit Kramatorsk on Saturday, damaging a school."))
    assert row["actor1"] == "Unidentified Armed Group (Ukraine)" and row["inter1"] == 3
    assert row["event_type"] == "Explosions/Remote violence" and row["location"] == "Kramatorsk"
    assert row["fatalities"] == 0 and row["event_date"] == "2022-04-09"


def test_named_sides_and_displaced_people():
    row = acled_row(_record("Russian forces shelled Kharkiv on Saturday."))
    assert row["actor1"] == "Military Forces of Russia" and row["inter1"] == 8
    row = acled_row(_record("About 800 civilians were evacuated from Mariupol on Saturday."))
    if row is not None:  # evacuations are in ACLED's scope as strategic developments
        assert row["actor1"].startswith("Civilians")


def test_events_outside_acled_scope_are_left_out_of_the_export():
    rec = _record("Turkey praised Jordan on Saturday.")
    assert rec["acled"] is None and acled_row(rec) is None
    out = io.StringIO()
    recs = [rec, _record("Russian forces shelled Kharkiv on Saturday.")]
    res = export(recs, "acled", out)
    assert (res.written, res.skipped) == (1, 1)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(ACLED_COLUMNS) and rows[0]["actor1"] == "Military Forces of Russia"
