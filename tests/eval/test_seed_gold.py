"""The seed article against its hand-coded gold: the floors issue 2 sets (must ≥ 5/6, FP ≤ 2, no duplicates)
and the ones we reach today (must 6/6, should 2/2, FP 0)."""

import pytest

from eventwire.eval.seed import evaluate_seed, score


@pytest.fixture(scope="module")
def metrics(seed_gold):
    return evaluate_seed(seed_gold)


def test_must_events_found(metrics):
    s = metrics["summary"]
    assert s["must_found"] >= 5, metrics["gold"]
    assert s["must_found"] == s["must_total"], metrics["gold"]


def test_should_events_found(metrics):
    assert metrics["summary"]["should_found"] == metrics["summary"]["should_total"], metrics["gold"]


def test_no_false_positives_and_no_duplicates(metrics):
    assert metrics["summary"]["false_positives"] <= 2, metrics["false_positives"]
    assert metrics["summary"]["false_positives"] == 0, metrics["false_positives"]
    assert metrics["summary"]["duplicates"] == 0, metrics["duplicates"]


def test_repeated_events_keep_all_their_mentions(metrics):
    found = [g for g in metrics["gold"] if g["found"]]
    assert all(g["mentions"] >= g["min_mentions"] for g in found), found


def test_no_event_is_dated_on_publication_when_the_text_dates_it(metrics):
    by_trigger = {r["trigger"]: r for r in metrics["records"]}
    assert by_trigger["shelling"]["date"] == "2022-07-02"  # "on Saturday"
    assert any(r["type"] == "COERCE" and r["date"] == "2022-07-03" for r in metrics["records"])  # "on Sunday"


def test_matching_rule_counts_false_positives_and_duplicates():
    gold = [{"id": "g", "level": "must", "cameo_root": "19", "plover": "ASSAULT",
             "date": {"earliest": "2022-07-02", "latest": "2022-07-02"},
             "location": {"precision": "city", "lat": 48.9, "lon": 38.4}, "actor1": {"country": "RUS"}}]

    def rec(eid, date, lat, country="RUS", cameo="194"):
        return {"event_id": eid, "event_type": "ASSAULT", "cameo": cameo, "date": date, "status": "reported",
                "location": {"name": "x", "lat": lat, "lon": 38.4}, "actor1": {"country": country},
                "num_mentions": 1, "mentions": [{"trigger": "shelled"}]}

    m = score(gold, [rec("a", "2022-07-02", 48.91), rec("b", "2022-07-02", 48.95), rec("c", "2022-07-02", 50.5),
                     rec("d", "2022-07-01", 48.9), rec("e", "2022-07-02", 48.9, country="UKR")])
    assert m["summary"]["must_found"] == 1
    assert m["summary"]["duplicates"] == 1  # b: a second record of the same event
    assert m["summary"]["false_positives"] == 3  # too far, wrong day, wrong attacker
