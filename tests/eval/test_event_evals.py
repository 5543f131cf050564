"""Event coding against gold: the ACLED and PLOVER development sets, our merge gold, and the evaluators' own rules."""

from pathlib import Path

import pytest

from eventwire.eval import acled, plover
from eventwire.types import Actor, Evidence, Event, EventMention

EVENTS = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "events"


def _event(cameo, start, acled_code=None, depth=0):
    m = EventMention("ASSAULT", cameo, "x", Evidence("d", start, start + 9, start, start + 1), depth=depth)
    return Event("e%d" % start, "ASSAULT", cameo, [m], acled=acled_code)


def test_primary_event_prefers_territory_then_acled_scope_then_order():
    clash = _event("190", 10, ("Battles", "Armed clash"))
    regain = _event("192", 50, ("Battles", "Government regains territory"))
    verbal = _event("112", 0)
    assert acled.primary_event([verbal, clash, regain]) is regain
    assert acled.primary_event([verbal, clash]) is clash
    assert acled.primary_event([]) is None


def test_plover_labels_and_actor_matching():
    assert plover.label(_event("0874", 0)) == "RETREAT"
    assert plover.label(_event("0841", 0)) == "RETREAT"  # releasing people, per the CAMEO-to-PLOVER table
    assert plover.label(_event("0831", 0)) == "CONCEDE"
    assert plover.label(_event("1823", 0)) == "ASSAULT"
    assert plover.label(_event("190", 0)) == "FIGHT"
    assert plover.label(_event("112", 0)) == "DISAPPROVE"
    us = Actor("Washington", country="USA", sector="GOV")
    assert plover.actor_matches(us, {"code": "USA"}, with_sector=True)
    assert plover.actor_matches(us, {"code": "USA", "sector": "GOV"}, with_sector=True)
    assert not plover.actor_matches(us, {"code": "USA", "sector": "MIL"}, with_sector=True)
    assert plover.actor_matches(Actor("the UN", sector="IGO"), {"code": "IGO"}, with_sector=False)
    assert plover.actor_matches(Actor("Japan", country="JPN"), {"code": "JAP"}, with_sector=False)


def test_acled_codes_a_region_at_its_capital_and_a_district_at_its_town():
    from eventwire.geo import load_gazetteer

    gaz = load_gazetteer()
    oblast = next(p for p in gaz.lookup("Sumy Oblast") if p.precision == "admin1")
    city = next(p for p in gaz.lookup("Sumy") if p.precision == "city")
    assert acled.acled_point(oblast) == (city.lat, city.lon)
    raion = next(p for p in gaz.lookup("Konotop Raion") if p.precision == "admin2")
    town = next(p for p in gaz.lookup("Konotop") if p.precision == "city" and p.admin1_code == raion.admin1_code)
    assert acled.acled_point(raion) == (town.lat, town.lon) != (raion.lat, raion.lon)


@pytest.fixture(scope="module")
def acled_dev():
    path = EVENTS / "acled_ukraine_dev.jsonl"
    if not path.exists():
        pytest.skip("../shared/eval/events is not beside the repository")
    return acled.evaluate(path)


def test_acled_floors(acled_dev):
    """Issue 9's floors, and regression floors just under today's figures where those are higher."""
    m = acled_dev
    assert m["event_type"] >= 0.93  # issue floor 0.85
    assert m["sub_event_type"] >= 0.91  # issue target 0.80
    assert m["date"] >= 0.95
    assert m["fatalities_exact_when_deaths"] >= 0.60
    assert m["no_invented_deaths"] >= 0.95
    assert m["location_25km"] >= 0.815  # issue floor 0.80
    assert m["admin1"] >= 0.905
    assert m["actor2_country"] >= 0.69  # ACLED names a side the note leaves implicit: no issue floor
    assert m["actor1_country"] >= 0.85  # in ACLED's terms (the exporter's row), unnamed attackers included
    assert m["actor1_country_when_named"] >= 0.90


def test_plover_floors():
    path = EVENTS / "plover_gsr_dev.jsonl"
    if not path.exists():
        pytest.skip("../shared/eval/events is not beside the repository")
    m = plover.evaluate(path)
    assert m["type_accuracy"] >= 0.82  # issue 9's target 0.75
    assert m["macro_f1"] >= 0.79
    assert m["source_country"] >= 0.76
    assert m["target_country"] >= 0.60
    assert m["both_country"] >= 0.54  # issue 9's floor for source and target both right 0.45, target 0.60


def test_merge_eval_aligns_a_gold_line_with_the_news_before_the_background_it_recalls():
    import datetime as dt

    from eventwire.eval import merge

    def mention(start, day, precision, depth):
        ev = Evidence("d", 0, 120, start, start + 8, published=dt.date(2024, 4, 16))
        return EventMention("REJECT", "120", "x", ev, date=day, date_precision=precision, depth=depth)

    # "... noting that the invasion of Ukraine in 2022 is the reason behind not inviting Putin": the invasion is
    # the main clause's, but background to the refusal the line reports
    invasion = Event("old", "ASSAULT", "190", mentions=[mention(30, "2022-01-01", "year", 2)])
    refusal = Event("new", "REJECT", "120", mentions=[mention(90, "2024-04-16", "day", 5)])
    gold = [{"doc_id": "d", "start": 0, "end": 120, "event": "E1"}]
    assert merge._align(gold, merge._mentions([invasion, refusal])) == {0: ("new", ("REJECT", None))}
    # with no news in the line, the background is what it reports
    assert merge._align(gold, merge._mentions([invasion]))[0][0] == "old"
    # by the main clause alone, the invasion
    assert merge._align(gold, merge._mentions([invasion, refusal]), main_clause_only=True)[0][0] == "old"
    # between two reports of the news, the main clause's
    aside = Event("aside", "REJECT", "120", mentions=[mention(60, "2024-04-15", "day", 1)])
    assert merge._align(gold, merge._mentions([refusal, aside]))[0][0] == "aside"


def test_merge_eval_aligns_a_gold_line_with_the_event_it_brings_before_one_it_points_back_to():
    import datetime as dt

    from eventwire.eval import merge

    said = "The governor’s visit to Odesa follows President Duda’s trip to Lviv on Monday."

    def event(key, word):
        start = said.index(word)
        ev = Evidence("d", 0, len(said), start, start + len(word), sentence=said, published=dt.date(2024, 4, 16))
        return Event(key, "CONSULT", "042", mentions=[EventMention("CONSULT", "042", word, ev, date="2024-04-15",
                                                                   date_precision="day", depth=1)])

    gold = [{"doc_id": "d", "start": 0, "end": len(said), "event": "E1"}]
    # both triggers hang on "follows" (depth 1); the governor's visit is the one already told
    aligned = merge._align(gold, merge._mentions([event("governor", "visit"), event("president", "trip")]))
    assert aligned[0][0] == "president"


def test_merge_gold_floors():
    """Issue 5: the issue's floor (pairwise F1 0.80) and regression floors just under today's figures."""
    from eventwire.eval import merge

    gold = Path(__file__).resolve().parents[2] / "eval_data" / "merge" / "ukraine_merge_gold.jsonl"
    meta, _ = merge.load_gold(gold)
    if not (merge.REPO / meta.get("corpus_root", "../shared") / meta["corpus"]).exists():
        pytest.skip("../shared/corpus is not beside the repository")
    m = merge.evaluate(gold)
    chosen, drawn = m["sets"]["chosen"], m["sets"]["drawn"]
    assert chosen["found"] >= 80 and drawn["found"] >= 90
    assert m["pairwise"]["f1"] >= 0.80 and m["pairwise"]["precision"] >= 0.84 and m["bcubed"]["f1"] >= 0.92
    # the merge itself, whatever the alignment's ranking adds (lines aligned by the main clause alone)
    assert m["pairwise_main_clause_alignment"]["f1"] >= 0.71
    assert chosen["pairwise"]["precision"] >= 0.90 and chosen["pairwise"]["f1"] >= 0.90
    assert chosen["bcubed"]["f1"] >= 0.94 and drawn["bcubed"]["f1"] >= 0.89 and drawn["pairwise"]["recall"] >= 0.5
    assert m["occasions"]["bcubed"]["f1"] >= 0.82
    assert m["same_act"]["pairwise"]["f1"] >= 0.85
