"""The actors stage on short synthetic sentences: country and sector of each phrase, from the words around it."""

from __future__ import annotations

import pytest

from eventwire.actors import find_actors
from eventwire.clean import clean
from eventwire.geo import geoparse
from eventwire.nlp import parse
from eventwire.types import Document


def _actors(text: str) -> dict[str, tuple[str | None, str | None]]:
    parsed = next(parse([clean(Document(doc_id="t", text=text))]))
    found = find_actors(parsed, geoparse(parsed))
    return {a.text: (a.country, a.sector) for a in found.values()}


@pytest.mark.parametrize("text, phrase, coded", [
    ("Russian troops crossed the river on Monday.", "Russian troops", ("RUS", "MIL")),
    ("Ukraine's Defence Minister met his Polish counterpart.", "Ukraine's Defence Minister", ("UKR", "GOV")),
    ("Separatist fighters fired at the checkpoint.", "Separatist fighters", (None, "REB")),
    ("Kenyan police arrested three protesters in Nairobi.", "three protesters", ("KEN", "CVL")),
    # a state's representatives and delegates speak for it: "Some Belarusian representatives will be welcomed"
    ("Some Belarusian representatives will be welcomed at the ceremony.", "Some Belarusian representatives",
     ("BLR", "GOV")),
    ("Two Moldovan delegates walked out of the talks.", "Two Moldovan delegates", ("MDA", "GOV")),
])
def test_country_and_sector_from_the_phrase(text, phrase, coded):
    assert _actors(text)[phrase] == coded


@pytest.mark.parametrize("text, phrase, sector", [
    ("Opposition leader Maria Ostrova was detained in Minsk on Monday.", "Opposition leader Maria Ostrova", "POL"),
    ("The opposition leader was detained in Minsk on Monday.", "The opposition leader", "POL"),
    ("Rebel commander Ivo Marek surrendered to the army on Monday.", "Rebel commander Ivo Marek", "REB"),
    ("Prime Minister Ana Lund visited Kyiv on Monday.", "Prime Minister Ana Lund", "GOV"),
])
def test_a_leader_belongs_to_the_body_named_before_the_title(text, phrase, sector):
    assert _actors(text)[phrase][1] == sector


def test_a_provinces_people_are_their_countrys_side() -> None:
    parsed = next(parse([clean(Document(doc_id="t", text="Bavarian police closed the border road."))]))
    toponyms = geoparse(parsed)
    assert next(t for t in toponyms if t.text == "Bavarian").place.precision == "admin1"  # where they are from
    bavarian = next(a for a in find_actors(parsed, toponyms).values() if a.text == "Bavarian")
    assert (bavarian.name, bavarian.country) == ("Germany", "DEU")  # whose side they act for


def test_a_known_person_the_tagger_misreads_is_still_that_person() -> None:
    # the small model tags a lone "Lavrov" after "met with" as an organisation
    assert _actors("Earlier this week the UK foreign minister met with Lavrov in Moscow.")["Lavrov"] == ("RUS", "GOV")


def test_a_family_first_name_is_its_bearer_by_the_family_name():
    parsed = next(parse([clean(Document(doc_id="t", text="Chinese leader Xi Jinping met Vladimir Putin on Monday. "
                                                           "Xi praised Putin on Tuesday."))]))
    found = [a for a in find_actors(parsed, geoparse(parsed)).values() if a.text == "Xi"]
    assert [(a.name, a.country) for a in found] == [("Xi Jinping", "CHN")]
    # and "Putin" is still Vladimir Putin by his last name
    assert {a.name for a in find_actors(parsed, geoparse(parsed)).values() if a.text == "Putin"} == {"Vladimir Putin"}


def test_a_name_given_a_title_in_apposition_is_a_person_wherever_the_article_repeats_it() -> None:
    # the small model tags both "Astrid"s as organisations or nationalities; the title says who she is
    text = "Astrid, the Princess of Norway, arrived in Lviv on Monday. Astrid met volunteers at a hospital."
    parsed = next(parse([clean(Document(doc_id="t", text=text))]))
    found = find_actors(parsed, geoparse(parsed))
    assert [a.name for a in found.values()].count("Astrid") == 2
