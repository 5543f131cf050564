"""The seed article alone gives the issue's three control changes (skips when ../shared is not beside the repo)."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.control import control_at, derive_control, history


@pytest.fixture(scope="module")
def changes(seed_dir):
    return derive_control(eventwire.extract([seed_dir]))


def test_luhansk_oblast_to_russia_from_july_3(changes):
    (region,) = history(changes, "Luhansk Oblast")
    assert (region.level, region.side, region.date, region.date_precision) == ("admin1", "RUS", "2022-07-03", "day")
    assert {"region", "last-bastion"} & set(region.rules)
    assert region.from_side == "UKR"


def test_lysychansk_claimed_and_withdrawal_reported(changes):
    (city,) = history(changes, "Lysychansk")
    assert (city.level, city.side, city.date) == ("settlement", "RUS", "2022-07-03")
    voices = {ev.voice for ev in city.evidence}
    assert {"claim", "withdrawal"} <= voices  # Russia's claim (via its region) and Ukraine's reported pull-out
    assert city.status == "corroborated"
    assert any(b.startswith("claimed by RUS") for b in city.basis)
    assert any(b.startswith("withdrawal of UKR") for b in city.basis)
    # every piece of evidence points back into the article
    assert all(ev.doc_id.startswith("shafaq") and ev.end > ev.start for ev in city.evidence)


def test_sievierodonetsk_about_june_26_week_precision(changes):
    found = history(changes, "Severodonetsk")  # the article's spelling; GeoNames says Siverskodonetsk
    assert len(found) == 1
    (city,) = found
    assert (city.side, city.date, city.date_precision) == ("RUS", "2022-06-26", "week")


def test_state_before_and_after(changes):
    before = {s.place_name: s.side for s in control_at(changes, "2022-07-01")}
    after = {s.place_name: s.side for s in control_at(changes, "2022-07-04")}
    assert "Lysychansk" not in before and "Luhansk Oblast" not in before
    assert after.get("Lysychansk") == after.get("Luhansk Oblast") == "RUS"
    assert not any(s.contested for s in control_at(changes))
