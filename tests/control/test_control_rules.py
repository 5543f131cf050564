"""Control rules on synthetic articles (written for these tests) and synthetic events."""

from __future__ import annotations

import datetime as dt

import pytest

import eventwire
from eventwire.control import (
    change_from_record,
    change_record,
    control_at,
    derive_control,
    event_from_record,
    history,
    side_of,
)
from eventwire.types import Actor, Document, Event, EventMention, Evidence, Place

PUB = dt.date(2023, 5, 22)


@pytest.fixture(scope="module")
def city_in_region():
    doc = Document("synthetic-city", "Russian forces captured the city of Bakhmut in Donetsk region on Saturday, "
                   "the Russian defence ministry said.", PUB, "Wire A")
    return derive_control(eventwire.extract([doc]))


@pytest.fixture(scope="module")
def conflicting():
    docs = [
        Document("synthetic-a", "Russian forces captured the city of Bakhmut on Saturday, the Russian defence "
                 "ministry said.", PUB, "Wire A"),
        Document("synthetic-b", "Ukrainian troops recaptured the city of Bakhmut from Russian forces on Saturday, "
                 "Ukraine's military said.", PUB, "Wire B"),
    ]
    return derive_control(eventwire.extract(docs))


def test_a_city_taken_inside_a_region_does_not_change_the_region(city_in_region):
    assert [(c.place_name, c.level, c.side) for c in city_in_region] == [("Bakhmut", "settlement", "RUS")]
    assert city_in_region[0].status == "claimed"  # only the gaining side's ministry says so
    assert not history(city_in_region, "Donetsk Oblast")


def test_conflicting_reports_are_kept_side_by_side(conflicting):
    found = history(conflicting, "Bakhmut")
    assert sorted(c.side for c in found) == ["RUS", "UKR"]
    assert all(c.conflict for c in found)
    assert {found[0].conflicts_with[0], found[1].conflicts_with[0]} == {found[1].change_id, found[0].change_id}
    (state,) = control_at(conflicting, "2023-05-21")
    assert state.contested and {state.side, state.alternatives[0].side} == {"RUS", "UKR"}


def _event(event_id: str, cameo: str, actor: Actor | None, place: Place, day: str, sentence: str, *,
           status: str = "reported", source: str = "Wire", precision: str = "day", doc: str | None = None,
           trigger: str = "x") -> Event:
    ev = Evidence(doc or event_id + "-doc", 0, len(sentence), 0, 5, sentence, source, PUB)
    m = EventMention("COERCE" if cameo == "192" else "RETREAT", cameo, trigger, ev, status=status)
    return Event(event_id, m.event_type, cameo, [m], status=status, actor1=actor, location=place, date=day,
                 date_precision=precision, confidence=0.7)


OBLAST = Place(709716, "Donetsk Oblast", "ADM1", "UKR", "Donetsk", 48.0, 37.8, "admin1")
TOWN = Place(713174, "Bakhmut", "PPLA2", "UKR", "Donetsk", 48.6, 38.0, "city")
RU = Actor("Russian troops", country="RUS", sector="MIL")
UA = Actor("Ukrainian troops", country="UKR", sector="MIL")


def test_region_changes_only_when_said_to_fall_whole():
    partial = _event("e1", "192", RU, OBLAST, "2023-05-10", "Russian troops advanced in the Donetsk region.")
    whole = _event("e2", "192", RU, OBLAST, "2023-05-20", "Russian troops took the entire Donetsk region.")
    part = _event("e2b", "192", RU, OBLAST, "2023-05-21", "Russian troops liberated part of the Donetsk region.")
    assert derive_control([partial]) == []
    assert derive_control([part]) == []
    (change,) = derive_control([partial, whole])
    assert (change.level, change.date, change.rules) == ("admin1", "2023-05-20", ("region",))


def test_last_bastion_moves_its_region():
    e = _event("e3", "0874", UA, TOWN, "2023-05-20", "Ukrainian troops withdrew from Bakhmut, their last "
               "stronghold in the region.")
    fighting = _event("e4", "192", RU, TOWN, "2023-05-01", "Russian troops attacked.", doc="e3-doc")
    changes = derive_control([e, Event("e4", "ASSAULT", "190", fighting.mentions, actor1=RU, actor2=UA)])
    region = [c for c in changes if c.level == "admin1"]
    assert region and region[0].side == "RUS" and region[0].rules == ("last-bastion",)


def test_withdrawal_without_an_opponent_is_dropped():
    e = _event("e5", "0874", UA, TOWN, "2023-05-20", "Ukrainian troops withdrew from Bakhmut.")
    assert derive_control([e]) == []


def test_reports_within_a_week_are_one_change_and_two_sources_corroborate():
    a = _event("e6", "192", RU, TOWN, "2023-05-20", "Russian troops took Bakhmut.", source="Wire A")
    b = _event("e7", "192", RU, TOWN, "2023-05-22", "Russian troops took Bakhmut.", source="Wire B",
               precision="inherited")
    (change,) = derive_control([b, a])
    assert (change.date, change.status, len(change.evidence)) == ("2023-05-20", "corroborated", 2)


def test_a_change_the_reports_give_no_date_is_dated_on_or_before_the_report():
    undated = _event("e8", "192", RU, TOWN, "2023-05-22", "Russian troops took Bakhmut.", precision="inherited")
    (change,) = derive_control([undated])
    assert (change.date, change.date_precision) == ("2023-05-22", "by")


def test_a_later_undated_report_of_the_same_gain_is_no_new_change():
    first = _event("e9", "192", RU, TOWN, "2023-01-10", "Russian troops took Bakhmut.", precision="inherited")
    back = _event("e9b", "192", UA, TOWN, "2023-03-01", "Ukrainian troops retook Bakhmut.", precision="inherited",
                  doc="e9-doc")
    recalled = _event("e10", "192", RU, TOWN, "2023-05-22", "Russian troops took Bakhmut.", precision="inherited")
    changes = derive_control([recalled, back, first])
    assert [(c.side, c.date) for c in changes] == [("RUS", "2023-01-10"), ("UKR", "2023-03-01")]
    assert len(changes[0].evidence) == 2
    (state,) = control_at(changes, "2023-05-22")
    assert state.side == "UKR"


def test_a_village_the_gazetteer_lacks_changes_by_name_within_its_region():
    e = _event("e20", "192", RU, OBLAST, "2023-05-20", "Russian troops took control of the village of Zaitseve in "
               "the Donetsk region.", doc="e3-doc")
    fighting = _event("e21", "192", RU, TOWN, "2023-05-19", "Russian troops attacked.", doc="e3-doc")
    changes = derive_control([e, Event("e21", "ASSAULT", "190", fighting.mentions, actor1=RU, actor2=UA)])
    (village,) = [c for c in changes if c.place_name == "Zaitseve"]
    assert (village.level, village.side, village.admin1, village.lat) == ("settlement", "RUS", "Donetsk", None)
    assert village.place_key == "name:UKR:Donetsk:zaitseve"


def test_ground_around_a_place_is_not_the_place():
    e = _event("e22", "192", UA, TOWN, "2023-05-20", "Ukrainian troops retook the southern outskirts of Bakhmut.")
    assert derive_control([e]) == []


def test_a_state_retaking_its_own_ground_needs_no_named_loser():
    e = _event("e23", "192", UA, TOWN, "2023-05-20", "Ukrainian troops liberated Bakhmut.", trigger="liberated")
    (change,) = derive_control([e])
    assert (change.side, change.from_side) == ("UKR", None)


def test_civilians_and_guessed_countries_are_no_side_but_a_resolved_pronoun_is():
    assert side_of(Actor("residents", country="UKR", sector="CVL")) is None
    assert side_of(Actor("the army", country="UKR", sector="MIL", inferred=True)) is None
    assert side_of(Actor("it", country="RUS", sector="GOV", inferred=True)) == "RUS"


def test_a_report_cannot_precede_its_change():
    misdated = _event("e11", "192", RU, TOWN, "2023-06-01", "Russian troops took Bakhmut.")  # published 2023-05-22
    assert derive_control([misdated]) == []


def test_a_bare_claim_contests_but_keeps_the_earlier_holder_in_view():
    held = _event("e12", "192", RU, TOWN, "2023-05-01", "Russian troops took Bakhmut.", source="Wire A")
    held2 = _event("e13", "192", RU, TOWN, "2023-05-02", "Russian troops took Bakhmut.", source="Wire B")
    claim = _event("e14", "192", UA, TOWN, "2023-05-20", "Ukrainian troops took Bakhmut.", status="claimed")
    claim.actor2 = RU
    (state,) = control_at(derive_control([held, held2, claim]), "2023-05-21")
    assert (state.side, state.status, state.contested) == ("UKR", "claimed", True)
    assert [a.side for a in state.alternatives] == ["RUS"]


def test_denied_and_planned():
    denied = _event("e8", "192", RU, TOWN, "2023-05-20", "Russian troops took Bakhmut.", status="denied")
    planned = _event("e9", "192", RU, TOWN, "2023-05-20", "Russian troops plan to take Bakhmut.", status="planned")
    changes = derive_control([denied, planned])
    assert [c.status for c in changes] == ["denied"]
    assert control_at(changes, "2023-06-01") == []


def test_history_prefers_the_place_so_named_over_a_region_of_that_name():
    city = Place(702658, "Luhansk", "PPLA", "UKR", "Luhansk", 48.57, 39.31, "city")
    oblast = Place(702657, "Luhansk Oblast", "ADM1", "UKR", "Luhansk", 48.86, 39.01, "admin1")
    changes = derive_control([
        _event("e15", "192", RU, city, "2023-05-01", "Russian troops took Luhansk."),
        _event("e16", "192", RU, oblast, "2023-05-02", "Russian troops took the whole Luhansk region."),
    ])
    assert [c.level for c in history(changes, "Luhansk")] == ["settlement"]
    assert [c.level for c in history(changes, "Luhansk Oblast")] == ["admin1"]
    assert [c.level for c in history(changes, "Luhansk region")] == ["admin1"]


def test_sides_table():
    assert side_of(Actor("DPR forces", country="UKR", sector="REB")) == "RUS"
    assert side_of(Actor("Wagner fighters", country=None)) == "RUS"
    assert side_of(Actor("separatists", country="UKR", sector="REB")) == "RUS"
    assert side_of(Actor("separatists", country="ESP", sector="REB"), place_country="ESP") == "REB:ESP"
    assert side_of(Actor("forces loyal to Kyiv", country=None)) == "UKR"
    assert side_of(Actor("Turkish army", country="TUR", sector="MIL")) == "TUR"
    assert side_of(Actor("gunmen")) is None


def test_records_round_trip(conflicting):
    for c in conflicting:
        assert change_from_record(change_record(c)) == c
    e = _event("e10", "192", RU, TOWN, "2023-05-20", "Russian troops took Bakhmut.")
    rec = {"event_id": "e10", "event_type": "COERCE", "cameo": "192", "status": "reported", "date": "2023-05-20",
           "date_precision": "day", "actor1": {"text": "Russian troops", "country": "RUS", "sector": "MIL"},
           "location": {"name": "Bakhmut", "geonameid": 713174, "country": "UKR", "admin1": "Donetsk",
                        "lat": 48.6, "lon": 38.0, "precision": "city"},
           "mentions": [{"doc_id": "e10-doc", "sentence": "Russian troops took Bakhmut.", "start": 0, "end": 5,
                         "source": "Wire", "published": "2023-05-22"}], "confidence": 0.7}
    assert [c.side for c in derive_control([event_from_record(rec)])] == [c.side for c in derive_control([e])]


def test_a_region_mentioned_as_past_history_is_no_change_of_hands():
    doc = Document("synthetic-history", "Diplomats recalled the annexation of Crimea and the war that followed. "
                   "Russia annexed Crimea completely, officials repeated at the forum.", PUB, "Wire C")
    changes = derive_control(eventwire.extract([doc]))
    assert not [c for c in changes if c.level == "admin1" and c.day == PUB]


def test_spoils_are_not_the_place_they_are_shown_in():
    doc = Document("synthetic-spoils", "Russian forces put equipment captured from Ukrainian troops on display in "
                   "Moscow on Saturday.", PUB, "Wire D")
    assert derive_control(eventwire.extract([doc])) == []


def test_the_public_face_derives_control_from_extracted_events():
    doc = Document("synthetic-public", "Ukrainian troops recaptured the city of Kupiansk from Russian forces on "
                   "Saturday, the Ukrainian military said.", PUB, "Wire E")
    changes = eventwire.derive_control(eventwire.extract([doc]))
    states = eventwire.control_at(changes, "2023-05-22")
    assert [(s.place_name, s.side, s.since) for s in states] == [("Kupyansk", "UKR", "2023-05-20")]
