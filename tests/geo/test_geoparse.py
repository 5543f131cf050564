"""The geoparser on text: the seed article's places, ambiguous names settled by context, common words that are
also town names, places inside organisation names, given spans, and documents it refuses or finds empty."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from eventwire.clean import clean
from eventwire.geo import GeoparseError, geoparse, geoparse_batch, load_gazetteer, resolve_spans
from eventwire.geo.outlets import Home
from eventwire.nlp import parse
from eventwire.types import Document

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seed" / "shafaq-2022-07-04-luhansk.txt"
LYSYCHANSK, SIEVIERODONETSK, LUHANSK_OBLAST, KYIV, DONETSK_OBLAST = 702972, 691999, 702657, 703448, 709716


def _parsed(*texts: str):
    return list(parse([clean(Document(doc_id=str(i), text=t)) for i, t in enumerate(texts)]))


def _found(text: str) -> dict[str, object]:
    """Toponym text -> its place (the first mention of each)."""
    out: dict[str, object] = {}
    for t in geoparse(_parsed(text)[0]):
        out.setdefault(t.text, t)
    return out


@pytest.mark.skipif(not SEED.exists(), reason="../shared/corpus/seed is not beside the repository")
def test_seed_article_places() -> None:
    from eventwire.ingest import read_inputs

    doc = next(d for d in read_inputs([str(SEED)]) if isinstance(d, Document))
    tops = geoparse(next(parse([clean(doc)])))
    ids: dict[str, set] = {}
    for t in tops:
        ids.setdefault(t.text, set()).add(t.place.geonameid if t.place else None)
    assert ids["Lysychansk"] == {LYSYCHANSK}
    assert ids["Severodonetsk"] == {SIEVIERODONETSK}  # the article's spelling of Sievierodonetsk
    assert ids["Luhansk region"] == {LUHANSK_OBLAST}
    assert ids["Luhansk"] == {LUHANSK_OBLAST}  # "the eastern Ukrainian region of Luhansk" settles every mention
    assert ids["Kyiv"] == {KYIV}
    assert ids["Donetsk province"] == {DONETSK_OBLAST}
    donbas = [t for t in tops if t.text == "Donbas"]
    assert donbas and all(t.place.precision == "region" and t.place.country == "UKR" for t in donbas)
    kyiv_kinds = {t.kind for t in tops if t.text == "Kyiv"}
    assert "metonym" in kyiv_kinds  # "forces loyal to Kyiv"
    assert {t.kind for t in tops if t.text == "Russian"} == {"demonym"}


@pytest.mark.parametrize(
    "text",
    [
        "She checked her mobile phone twice before leaving.",
        "Mobile networks went down across the whole region.",
        "Reading the report, the minister frowned.",
        "Reading is what she likes best on a long journey.",
        "It was a nice day, and the crowd was calm.",
        "Nice work by the firefighters saved the building.",
        "Split decisions are common in such cases.",
        "The brothers agreed to split the money equally.",
    ],
)
def test_common_words_are_not_towns(text: str) -> None:
    assert geoparse(_parsed(text)[0]) == []


def test_a_generic_feature_word_alone_is_not_a_town() -> None:
    # "River" is an alternate name of New Brunswick, New Jersey; after a river's name it is the river's word.
    assert "River" not in _found("Barges moved slowly down the Mississippi River past the levee.")
    assert _found("A Delta police officer told the inquiry what he saw.")["Delta"].place is not None
    # Nor is the word after a people's name ("The Quarter" is a district of Anguilla).
    assert "Quarter" not in _found("Tourists crowded the French Quarter on Saturday night.")


def test_a_capital_is_the_city_beside_towns_of_the_province_named_after_it() -> None:
    # Kyiv is a province of its own; the towns around it are in Kyiv Oblast, which they must not make "Kyiv" mean.
    kyiv = _found("The minister arrived in Kyiv on Tuesday and also travelled to Bucha and Irpin.")["Kyiv"]
    assert (kyiv.place.geonameid, kyiv.kind) == (KYIV, "literal")
    assert _found("Shelling hit Bucha and Irpin near Kyiv on Tuesday.")["Kyiv"].place.geonameid == KYIV
    # the province is still the province when the text says so
    assert _found("Shelling hit Bucha and Irpin in the Kyiv region.")["Kyiv region"].place.precision == "admin1"


def test_a_seat_of_power_stands_in_its_capital() -> None:
    # White House, Tennessee shares the name; only the text can put it there.
    seat = _found("Reporters waited outside the White House for the announcement on Monday.")["White House"]
    assert (seat.place.name, seat.place.country) == ("Washington", "USA")
    town = _found("A fire destroyed a barn in White House, Tennessee, on Sunday.")["White House"]
    assert town.place.admin1 == "Tennessee"


def test_a_word_the_article_also_writes_in_lower_case_needs_place_evidence() -> None:
    # "the Centre" (India's central government) is not Centre, Alabama: the article writes "centre" too.
    found = _found("Farmers in Kerala blamed the Centre for the delay, although the storage centre in Kochi was full.")
    assert "Centre" not in found and found["Kochi"].place.country == "IND"
    assert _found("Flooding hit Bath, England, on Monday, and one man was rescued from a bath.")["Bath"].place
    assert _found("The US told us it would reply.")["US"].place.country == "USA"  # an acronym is not the word


def test_a_name_with_a_lower_case_word_is_no_name() -> None:
    # "The Young" is an alternate name of Young, Uruguay; "The young boy" is a boy. Joining words are fine.
    assert not _found('"I wanted it," said Omar. The young boy was with his father.')
    assert _found("Troops reached Rostov-on-Don on Saturday.")["Rostov-on-Don"].place.country == "RUS"
    assert _found("Elections in Bosnia and Herzegovina were held on Sunday.")["Bosnia and Herzegovina"].place
    # Nor are a name's type and part words ("states", "south").
    assert _found("NATO sent troops to the Baltic states on Monday.")["Baltic states"].place.precision == "region"
    assert _found("Shelling continued in Ukraine's south overnight.")["Ukraine's south"].place.country == "UKR"


def test_common_word_towns_with_place_evidence() -> None:
    found = _found("The storm reached Mobile, Alabama, on Sunday. Later she flew to Nice, France.")
    assert found["Mobile"].place.admin1 == "Alabama"
    assert found["Nice"].place.country == "FRA"


def test_x_comma_y_and_document_context() -> None:
    found = _found("A Springfield, Illinois, man was charged on Friday.")
    assert found["Springfield"].place.admin1 == "Illinois"
    # A Paris beside Henry County, Tennessee is the Tennessee one, not the capital of France.
    found = _found("Paris police and the Henry County sheriff searched the lake. Paris, Tenn., is the county seat.")
    assert found["Paris"].place.country == "USA"
    # No context: the prominent reading.
    assert _found("Talks resumed in Paris on Monday.")["Paris"].place.country == "FRA"


def test_a_town_backs_its_states_towns_only_around_it() -> None:
    # New York City is 500 km from the village of Boston, New York: it does not make "Boston" that village.
    assert _found("Fans in New York and Boston celebrated late into the night.")["Boston"].place.admin1 == \
        "Massachusetts"
    # The state written beside it still does.
    assert _found("A man from Boston, New York, near Buffalo, won the lottery.")["Boston"].place.admin1 == "New York"


def test_counties_listed_without_the_word() -> None:
    found = _found("Volunteers from Camden and Charlton counties in Georgia took part.")
    assert found["Charlton"].place.precision == "admin2" and found["Charlton"].place.admin1 == "Georgia"


def test_places_inside_organisation_names_are_embedded() -> None:
    tops = geoparse(_parsed("He studied at the University of Georgia and now works for the Ohio Board of Regents.")[0])
    kinds = {t.text: t.kind for t in tops}
    assert kinds.get("Georgia") == "embedded" and kinds.get("Ohio") == "embedded"


def test_demonyms_multiword_and_regional() -> None:
    tops = geoparse(_parsed("Sri Lankan officials met European diplomats and Kurdish leaders.")[0])
    by = {t.text: t for t in tops}
    assert by["Sri Lankan"].kind == "demonym" and by["Sri Lankan"].place.country == "LKA"
    assert by["European"].place.name == "Europe"
    assert by["Kurdish"].place.precision == "region"


def test_language_is_not_a_place() -> None:
    assert [t for t in geoparse(_parsed("He learned English at school.")[0]) if t.text == "English"] == []


def test_resolve_spans_uses_the_same_resolver() -> None:
    text = "A Springfield, Illinois, man worked at Colorado State University and lived on Qwzx Street."
    p = _parsed(text)[0]
    spans = [(text.index("Springfield"), text.index("Springfield") + 11),
             (text.index("Colorado State University"), text.index("Colorado State University") + 25),
             (text.index("Qwzx Street"), text.index("Qwzx Street") + 11),
             (len(text), len(text))]
    out = resolve_spans(p, spans)
    assert out[0].place.admin1 == "Illinois"
    assert out[1].place.admin1 == "Colorado" or out[1].place.name == "Colorado"  # the place it is named after
    assert out[2].place is None  # nothing known: a span without a place, not a far-away guess
    assert out[3] is None


def _span(text: str, phrase: str):
    p = _parsed(text)[0]
    start = text.index(phrase)
    return resolve_spans(p, [(start, start + len(phrase))])[0]


@pytest.mark.parametrize(("text", "span", "name"), [
    ("Officials at the European Commission in Brussels rejected the plan.", "European Commission", "Europe"),
    ("Rates were held by the Bank of Japan on Tuesday, traders in Osaka said.", "Bank of Japan", "Japan"),
    ("Visas are issued at the British Embassy Tokyo, officials in Japan said.", "British Embassy Tokyo", "Tokyo"),
])
def test_a_body_is_read_through_the_place_or_people_it_is_named_after(text: str, span: str, name: str) -> None:
    # Longest name first; of equal length a prominent place, then a people, then any other place name ("Bank" is a
    # village too).
    assert _span(text, span).place.name == name


def test_a_town_named_only_in_its_bodies_names_can_be_the_storys_centre() -> None:
    near = _span("Officers of the Winnipeg Police Service closed Qwzx Avenue after the crash.", "Qwzx Avenue")
    assert near.approximate and near.place.name == "Winnipeg"


def test_a_given_common_word_is_not_read_through_a_towns_alternate_name() -> None:
    # "Western" is an alternate name of Cuba City, Wisconsin; read so, it pulled "Brussels" to Wisconsin too.
    text = "Western envoys met Tunisian officials at NATO headquarters in Brussels, and Western aid reached Tunis."
    spans = [(text.index("Western"), text.index("Western") + 7), (text.index("Brussels"), text.index("Brussels") + 8)]
    western, brussels = resolve_spans(_parsed(text)[0], spans)
    assert western.place is None and brussels.place.country == "BEL"


def test_a_small_town_a_longer_name_points_at_needs_the_story_around_it() -> None:
    # Elysian, Minnesota (pop. 600) is not where a racecourse in a Texas-and-Ohio story stands: left unplaced.
    far = _span("A crowd of 40,000 watched the race at Elysian Fields, organisers in Texas and Ohio said.",
                "Elysian Fields")
    assert far.place is None
    # Haymarket, Virginia, with its county and state named, is where the Haymarket Village Center is.
    near = _span("A water main broke near Haymarket Village Center on Monday, officials in Prince William County, "
                 "Virginia, said.", "Haymarket Village Center")
    assert near.place.name == "Haymarket" and near.place.admin1 == "Virginia"


def test_empty_document() -> None:
    p = _parsed("")[0]
    assert geoparse(p) == []
    assert resolve_spans(p, []) == []


def test_huge_document_is_refused_clearly(monkeypatch: pytest.MonkeyPatch) -> None:
    mod = sys.modules["eventwire.geo.geoparse"]
    monkeypatch.setattr(mod, "MAX_TOKENS", 5)
    p = _parsed("Shelling hit Kharkiv and Izium on Monday, officials in Kyiv said.")[0]
    with pytest.raises(GeoparseError, match="at most 5"):
        geoparse(p)
    assert isinstance(GeoparseError("x"), ValueError)
    # In a batch the refused document comes back with its error and the others are geoparsed.
    monkeypatch.setattr(mod, "MAX_TOKENS", 12)
    short, long = _parsed("Shelling hit Kharkiv.", "Shelling hit Kharkiv and Izium on Monday, officials in Kyiv said.")
    (_, ok, _), (_, refused, _) = geoparse_batch([short, long])
    assert [t.text for t in ok] == ["Kharkiv"] and isinstance(refused, GeoparseError)


def test_speed_on_a_long_article() -> None:
    import time

    text = " ".join(["Officials in Kyiv said Russian forces shelled Kharkiv, Izium and Sloviansk overnight."] * 200)
    doc = clean(Document(doc_id="long", text=text))
    doc.repeats = []  # keep the repeated sentences: this is about the geo stage's speed on many mentions
    p = next(parse([doc]))
    load_gazetteer()
    t0 = time.perf_counter()
    tops = geoparse(p)
    assert time.perf_counter() - t0 < 5.0
    assert len(tops) >= 800


def test_a_name_placed_in_a_province_is_read_only_there() -> None:
    # cities500's only Sokilnyky is near Lviv: "Sokilnyky, Luhansk" is the village of that name the codifier lists in
    # Luhansk Oblast, however small.
    found = _found("Artillery fire hit Sokilnyky, Luhansk, overnight.")
    place = found["Sokilnyky"].place
    assert place.admin1 == "Luhansk" and place.precision == "city" and place.geonameid < 0
    assert found["Luhansk"].place.precision == "admin1" and found["Luhansk"].kind == "literal"
    # A name no list holds in that province is found but unplaced, not read as a namesake elsewhere.
    found = _found("Artillery fire hit Zhovtoberezhnivka, Luhansk, overnight.")
    assert "Zhovtoberezhnivka" in found and found["Zhovtoberezhnivka"].place is None
    # A village missing from the gazetteer is still found, with its province.
    found = _found("Russian forces shelled Shedrysheve, Luhansk. Two houses burned.")
    assert "Shedrysheve" in found and found["Shedrysheve"].place is None
    # ... also when the name carries its settlement word before the comma.
    found = _found("Ukrainian forces recaptured Verkhnozorivka village, Kharkiv. Casualties unknown.")
    assert "Verkhnozorivka" in found and found["Verkhnozorivka"].place is None
    assert found["Kharkiv"].place.precision == "admin1" and found["Kharkiv"].kind == "literal"


def test_a_village_is_placed_by_the_province_after_it_however_small() -> None:
    # Villages of a few hundred people, the tagger silent or calling one an organisation: the province after the
    # comma is where the codifier lists a village of that name.
    for text, name, province in [("Shelling damaged a school near Myla, Kyiv, on Tuesday.", "Myla", "Kyiv"),
                                 ("Mortar rounds landed near Orikhove-Donetske, Luhansk, at dawn.",
                                  "Orikhove-Donetske", "Luhansk")]:
        place = _found(text)[name].place
        assert place is not None and place.admin1 == province and place.precision == "city", text


def test_a_missions_reports_come_from_its_area() -> None:
    # The SMM counted ceasefire violations along the contact line: its "Yampil" is Donetsk Oblast's, where the
    # same sentence without the mission means the bigger Yampil of Vinnytsia.
    place = _found("The OSCE SMM recorded 40 explosions near Yampil overnight.")["Yampil"].place
    assert place.admin1 == "Donetsk"
    assert _found("Monitors recorded 40 explosions near Yampil overnight.")["Yampil"].place.admin1 == "Vinnytsia"
    # Even a village GeoNames lacks (the codifier's Pisky of Donetsk Oblast, population unknown) beats a listed
    # namesake of 2,000 people elsewhere: what the monitors report is where they monitor.
    for report in ("On Sunday SMM monitors counted a dozen blasts near Pisky.",
                   "SMM monitors counted a dozen blasts near Pisky on Sunday."):  # untagged: the mission vouches
        assert _found(report)["Pisky"].place.admin1 in ("Donetsk", "Luhansk")


def test_an_unknown_spelling_in_a_missions_report_is_read_inside_its_area() -> None:
    # "Verkhnyotoretske" is in no list; in an SMM report it is Verkhnotoretske of Donetsk Oblast in another
    # romanisation, whatever the tagger calls it. Outside a mission's report the name stays unread.
    place = _found("SMM monitors heard shelling near Verkhnyotoretske overnight.")["Verkhnyotoretske"].place
    assert place.name == "Verkhnotoretske" and place.admin1 == "Donetsk"
    assert "Verkhnyotoretske" not in _found("Residents heard shelling near Verkhnyotoretske overnight.")
    assert "Ivan Petrov" not in _found("The OSCE SMM met near Ivan Petrov's house.")


def test_every_mission_area_is_a_unit_of_the_missions_country() -> None:
    from eventwire.geo.facts import MISSION_AREAS, MISSION_COUNTRIES

    gaz = load_gazetteer()
    for mission, names in MISSION_AREAS.items():
        for name in names:
            assert any(p.precision == "admin1" and p.country == MISSION_COUNTRIES[mission]
                       for p in gaz.lookup(name)), (mission, name)


def test_a_numbered_part_of_a_settlement_is_placed_at_it() -> None:
    place = _found("Mortar fire hit positions near Zolote-4, Luhansk.")["Zolote-4"].place
    assert place.name == "Zolote" and place.admin1 == "Luhansk"
    assert "F-16" not in _found("An F-16 flew over Kyiv.")


def test_a_modifier_before_a_place_is_not_a_place_of_its_own() -> None:
    # "Metro" is also a city in Lampung; before a place it only widens that place, however the tagger labels it.
    found = _found("Flooding hit Metro Manila overnight.")
    assert "Metro" not in found and found["Manila"].place.country == "PHL"
    assert _found("Home prices in Metro Detroit rose again.")["Detroit"].place.admin1 == "Michigan"


def test_a_countrys_name_before_its_townsfolk_is_a_town() -> None:
    # A country's people go by its demonym: "a Lebanon woman" is from a town called Lebanon.
    assert _found("Dana Royce, a Lebanon woman, was charged with fraud on Friday.")["Lebanon"].place.precision == "city"
    assert _found("A Lebanese woman was charged on Friday in Beirut.")["Beirut"].place.country == "LBN"
    assert _found("Lebanon officials said the border was calm.")["Lebanon"].place.precision == "country"


def test_a_state_written_short_after_a_place_is_a_toponym_of_its_own() -> None:
    # However the tagger splits or labels the abbreviation: "Vt" + ".", "Ga." as punctuation, "Calif. Warden" run
    # into the next sentence.
    for text, abbr, state in [("A dairy farmer from Bethel, Vt., won the prize.", "Vt.", "Vermont"),
                              ("Deputies stopped the van in Newton County, Ga. Nobody was hurt.", "Ga.", "Georgia"),
                              ("The prison stands near Chowchilla, Calif. Warden Ames said it was full.", "Calif.", "California")]:
        found = _found(text)
        assert abbr in found and found[abbr].place.name == state, text
    assert "Kyiv." not in _found("Troops entered Kyiv. Then they left.")


def test_a_persons_town_and_where_one_goes_are_places() -> None:
    # Small towns the tagger calls an organisation or a person: "<person> of X" is the person's town, "driving to X"
    # where one goes, and "a church in X" at the end of an organisation's name where it stands.
    assert _found("Nobody was prouder than Carla Dunne of Ravenel, whose daughter won.")["Ravenel"].place
    assert _found("Instead of driving to Castlegar, residents can now renew permits online.")["Castlegar"].place
    found = _found("Donations go to the First Lutheran Church in Pierce. It opens at noon.")
    assert found["Pierce"].place.country == "USA"


def test_a_street_named_after_a_town_is_not_the_town() -> None:
    found = _found("Deputies arrested Colin Marsh, 52, of 880 Tulsa St., Alexandria, Louisiana, on Tuesday.")
    assert "Tulsa" not in found and found["Alexandria"].place.admin1 == "Louisiana"
    assert "Savannah" not in _found("The parade turns onto Savannah Avenue at noon.")
    # The name after an address's street is the address's town, not a province around the street.
    town = _found("Police arrested Rhea Vance, 41, of 420 Tulsa St., Alexandria, on Sunday.")["Alexandria"]
    assert town.place.precision == "city"
    # A numbered county road lies in its county.
    assert _found("The crash closed Otter Tail County Road 80 for hours.")["Otter Tail County"].place


def test_a_local_papers_own_towns_need_no_cue() -> None:
    # Names the context alone does not vouch for are towns of a Georgia paper's state: its own towns.
    georgia = Home(country="USA", admin1_code="US.GA", town=None)

    def found(text: str, home: Home | None) -> dict[str, object]:
        return {t.text: t.place for t in geoparse(_parsed(text)[0], home=home)}

    for text, name in [("Buford will repave two streets this spring, the council said.", "Buford"),
                       ("Lovejoy students raised $900 for the shelter on Friday.", "Lovejoy")]:
        assert name not in found(text, None)
        assert found(text, georgia)[name].admin1 == "Georgia"
    # Not when the name is part of a longer one: a person's, a school's, a street's.
    assert not found("Pupils at Jessica Buford School raised $900 for the shelter.", georgia)
    assert not found("Parents lined Buford Street before the parade.", georgia)


def test_a_local_papers_bare_county_names() -> None:
    def places(text: str, state: str) -> dict[str, tuple]:
        home = Home(country="USA", admin1_code=state, town=None)
        return {t.text: (t.place.name, t.place.precision) for t in geoparse(_parsed(text)[0], home=home) if t.place}

    georgia = places("Voters in DeKalb approved the school tax on Tuesday, while Decatur rejected it.", "US.GA")
    assert georgia["DeKalb"] == ("DeKalb County", "admin2")  # not DeKalb, Illinois
    assert georgia["Decatur"] == ("Decatur", "city")  # a home-state town of 20,000 keeps its name
    indiana = places("Jobless rates rose in Hendricks and in Boone, and fell in Ohio.", "US.IN")
    assert indiana["Hendricks"] == ("Hendricks County", "admin2") and indiana["Boone"] == ("Boone County", "admin2")
    assert indiana["Ohio"] == ("Ohio", "admin1")  # a state is never read as a county of its name


def test_based_and_a_possessive_place_noun_make_a_town() -> None:
    assert _found("A Northbrook-based furniture chain closed two stores.")["Northbrook"].place
    assert _found("Flights resumed at Butte's regional airport on Monday.")["Butte"].place.country == "USA"
    assert "Paul" not in _found("Paul's building was sold on Monday.")


def test_other_romanisations_inside_the_named_province() -> None:
    assert _found("Shells fell on Schastia, Luhansk, on Friday.")["Schastia"].place.name == "Shchastya"
    found = _found("Mortar rounds landed near Elenovka, Donetsk, at dawn.")
    assert found["Elenovka"].place.name == "Olenivka" and found["Elenovka"].place.admin1 == "Donetsk"


def test_lists_of_peers_are_not_containment() -> None:
    found = _found("The water dispute between Tamil Nadu, Karnataka and Kerala went back to court.")
    assert found["Tamil Nadu"].place.precision == "admin1" and found["Tamil Nadu"].place.country == "IND"
    assert _found("Most asylum seekers came from Syria, Iraq, and Afghanistan.")["Syria"].place.country == "SYR"
    assert _found("The toll rises in Boston, Wagner said on Monday.")["Boston"].place.admin1 == "Massachusetts"


def test_a_province_after_a_place_is_literal_never_a_government() -> None:
    found = _found("Ukrainian troops destroyed a column near Brovary, Kyiv.")
    assert found["Brovary"].kind == "literal" and found["Brovary"].place.name == "Brovary"
    assert found["Kyiv"].kind == "literal"
    # A possessive is still the state: "Putin, Russia's leader".
    assert _found("Putin, Russia's leader, met Macron.")["Russia"].kind == "metonym"


def test_countries_and_peoples_beat_small_towns_named_after_them() -> None:
    # Gold-span resolution: "Canadian" is Canada, not Canadian, Texas; "China" is the country; "EU" the union.
    text = "Tariffs that target China hurt Canadian pension funds, EU officials said."
    parsed = _parsed(text)[0]
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("China", "Canadian", "EU")]
    china, canadian, eu = resolve_spans(parsed, spans)
    assert china.place.country == "CHN" and china.place.precision == "country"
    assert canadian.place.country == "CAN" and canadian.kind == "demonym"
    assert eu.place.name == "European Union"
    # With its state written beside it, the town is meant.
    assert _found("The fair opens in Palestine, Texas, on Friday.")["Palestine"].place.admin1 == "Texas"


@pytest.mark.parametrize("text, name, country", [
    ("Sri Lanka has opened an embassy in Hanoi.", "Sri Lanka", "LKA"),
    ("Troops pulled back from the mining town of Avdiivka on Friday.", "Avdiivka", "UKR"),
    ("Separatist forces shelled Avdiivka on Friday.", "Avdiivka", "UKR"),
    ("Ukrainian troops recaptured Kupiansk on Monday.", "Kupiansk", "UKR"),
])
def test_a_place_the_tagger_calls_a_person(text, name, country) -> None:
    """No one is called by a country's name, and "the town of X" or "shelled X" names a settlement whatever the
    tagger says."""
    found = _found(text)
    assert name in found and found[name].place.country == country


def test_a_city_and_its_district_written_with_a_spaced_dash_is_the_city() -> None:
    """Conflict monitors write districts as "Donetsk - Kuibyshevskyi"; the tagger makes that one organisation."""
    found = _found("On 3 May, artillery hit houses near Donetsk - Kuibyshevskyi.")
    assert found["Donetsk"].kind == "literal" and found["Donetsk"].place.precision == "city"


def test_a_country_s_possessive_after_a_comma_does_not_say_where_the_town_is() -> None:
    found = _found("Troops entered the port city of Berdiansk, Russia's state news agency said on Monday.")
    assert found["Berdiansk"].place is not None and found["Berdiansk"].place.country == "UKR"


@pytest.mark.parametrize(("outlet", "country"), [
    ({}, "USA"),  # the largest Richmond
    ({"country": "GB"}, "GBR"),
    ({"country": "CAN"}, "CAN"),
    ({"url": "https://www.localpaper.co.uk/news/roads"}, "GBR"),
    ({"url": "https://www.localpaper.tv/news/roads"}, "USA"),  # .tv is a vanity domain, not Tuvalu
])
def test_the_outlet_s_country_settles_a_name_the_text_leaves_open(outlet: dict, country: str) -> None:
    text = "Police in Richmond closed two roads on Tuesday after a water main burst."
    doc = next(parse([clean(Document(doc_id="d", text=text, **outlet))]))
    (richmond,) = [t for t in geoparse(doc) if t.text == "Richmond"]
    assert richmond.place is not None and richmond.place.country == country


def test_the_text_outweighs_the_outlet_s_country() -> None:
    text = "Police in Richmond, Virginia closed two roads on Tuesday after a water main burst."
    doc = next(parse([clean(Document(doc_id="d", text=text, country="GB"))]))
    (richmond,) = [t for t in geoparse(doc) if t.text == "Richmond"]
    assert richmond.place is not None and richmond.place.country == "USA"


def test_a_region_s_usual_short_name_beats_a_province_of_that_name_elsewhere() -> None:
    """"Gaza" in the news is the Gaza Strip, not Mozambique's Gaza province (an admin1 unit outranks most cities)."""
    assert _found("Israeli air strikes hit Gaza on Monday.")["Gaza"].place.country == "PSE"
    assert _found("Residents of Atlantic, Iowa voted on Tuesday.")["Atlantic"].place.precision == "city"


def test_an_acronym_that_only_small_towns_share_is_no_place() -> None:
    """"NATO" is also a Philippine town and "UN" an Indian one; a town's name is not written in capitals."""
    found = _found("The U.S. and NATO condemned the strike, and the UN called for calm.")
    assert "NATO" not in found and "UN" not in found and found["U.S."].place.country == "USA"
    assert "Nato" not in _found("Ministers met at Nato headquarters as the US and Nato warned Moscow.")
    assert "Hamas" not in _found("Israel says it has killed fewer than half of Hamas' fighters.")
    assert _found("KYIV - Air raid sirens sounded overnight.")["KYIV"].place.country == "UKR"


def test_saint_written_short_is_the_saint_s_city() -> None:
    found = _found("Talks between the two delegations were held in St. Petersburg on Friday.")
    assert found["St. Petersburg"].place.country == "RUS"


def test_a_country_next_to_the_ones_the_story_is_about_outweighs_a_namesake_state() -> None:
    """American places around it make "Georgia" the state; Russian ones make it Russia's neighbour."""
    text = ("Russian troops massed near Belgorod and Kursk, Russia's defence ministry in Moscow said. "
            "US officials in Washington and New York recalled Russia's invasion of Georgia in 2008.")
    assert _found(text)["Georgia"].place.country == "GEO"
    state = _found("Officials in Washington and New York praised the governor of Georgia.")["Georgia"]
    assert state.place.country == "USA"


def test_a_mission_that_works_in_one_country_sets_the_story_there() -> None:
    found = _found("On 10 January, the OSCE SMM observed two explosions of unknown weapons near Kalinovo.")
    assert found["Kalinovo"].place is not None and found["Kalinovo"].place.country == "UKR"


def test_a_town_naming_a_front_after_the_article_is_still_the_town() -> None:
    """"the Bakhmut direction", "the Kupiansk axis": the article belongs to the noun after the name."""
    assert _found("Fighting continued in the Bakhmut direction on Monday.")["Bakhmut"].place.country == "UKR"


def test_a_name_followed_by_city_or_village_is_that_settlement() -> None:
    found = _found("Ukrainian troops recaptured Kherson city on Friday.")
    assert found["Kherson"].place.precision == "city" and found["Kherson"].place.country == "UKR"
    village = _found("Ukrainian forces retook Lukashivka village, Chernihiv.")["Lukashivka"].place
    assert village is None or village.admin1.startswith("Chernihiv")  # never the Lukashivka of another province


def test_a_village_the_tagger_calls_a_person_is_a_place_after_near() -> None:
    found = _found("Monitors recorded twenty explosions near Novoluhanske on Sunday.")
    assert found["Novoluhanske"].place.admin1 == "Donetsk"


def test_a_name_after_a_title_is_a_person() -> None:
    assert "Ripley" not in _found('"It was another big win for him," said coach Ripley after the meet.')
    assert "Ripley" in _found("The meet was held in Ripley on Saturday.")


def test_a_month_abbreviation_before_a_day_is_a_date() -> None:
    assert "Nov." not in _found("The cooking class in Fresno was held on Wednesday, Nov. 2, 2016.")


def test_a_known_word_opening_a_longer_unknown_place_name_is_not_that_place() -> None:
    """The gazetteer lacks the village; its first word alone is a town in Peru or a mine town in Russia."""
    found = _found("Russian troops occupied Mala Shestirnya village, Kherson region, on Tuesday.")
    assert "Mala" not in found and found["Kherson region"].place.admin1 == "Kherson"
    found = _found("Shells fell near Shakhta Trudovskaya, Donetsk, on Sunday.")
    assert "Shakhta" not in found
    assert found["Shakhta Trudovskaya"].place is None  # named, placed in Donetsk, but not guessed


def test_a_name_before_a_shop_noun_is_a_business() -> None:
    found = _found("A missile hit the Metro supermarket in Kharkiv on Friday.")
    assert "Metro" not in found and found["Kharkiv"].place.country == "UKR"


def test_another_spelling_is_a_place_after_near_but_not_after_members_of() -> None:
    assert _found("Monitors counted explosions near Marinka overnight.")["Marinka"].place.admin1 == "Donetsk"
    assert "Svoboda" not in _found("Members of Svoboda marched in Lviv on Saturday.")


def test_a_small_village_the_tagger_calls_an_organisation_is_a_place_after_near() -> None:
    assert _found("Observers heard bursts of fire near Lebedynske.")["Lebedynske"].place.admin1 == "Donetsk"


def test_a_province_with_its_type_word_is_a_place_whatever_the_tagger_says() -> None:
    assert _found("Troops seized a small village, Kherson region, last week.")["Kherson region"].place.precision \
        == "admin1"


def test_a_country_after_a_country_and_a_comma_is_a_peer_not_its_province() -> None:
    found = _found("Peace proposals came from Brazil, Mexico and others.")
    assert found["Mexico"].place.precision == "country"


def test_a_saint_s_landmark_is_no_place_and_a_city_s_landmark_keeps_the_city_literal() -> None:
    assert "St. Peter" not in _found("Thousands of pilgrims filled St. Peter's Square on Sunday.")
    moscow = _found("Veterans marched across Moscow's Red Square on Tuesday.")["Moscow"]
    assert moscow.kind == "literal" and moscow.place.country == "RUS"


def test_a_world_capital_stays_itself_in_a_story_that_names_the_country_of_a_namesake() -> None:
    found = _found("The US and Americans in Washington and New York mourned. Iran said the attack was retaliation "
                   "for the bombing of its consulate in Damascus. The US Congress and the Pentagon reacted.")
    assert found["Damascus"].place.country == "SYR"


def test_a_region_of_many_countries_gains_from_the_countries_named() -> None:
    found = _found("The American general told the US Congress in Washington that conflicts in Ukraine and the "
                   "Middle East threaten the US.")
    assert found["Middle East"].place.precision == "region"


def test_the_alliance_and_the_earth_are_no_towns() -> None:
    found = _found("Finland joined the Alliance on Tuesday; satellites circle the Earth.")
    assert "Alliance" not in found and "Earth" not in found


def test_a_big_city_beats_a_small_province_of_the_same_name() -> None:
    found = _found("The governor flew to St. Paul on Monday to meet legislators.")
    assert found["St. Paul"].place.precision == "city" and found["St. Paul"].place.country == "USA"


def test_a_state_s_name_is_the_state_not_a_hamlet_named_after_it_in_another_state() -> None:
    found = _found("Farmers in Illinois and Iowa said prices in Kansas had fallen, officials in Springfield, "
                   "Illinois said.")
    assert found["Kansas"].place.precision == "admin1"


def test_a_town_taken_by_armed_men_is_a_place_a_person_taken_by_police_is_not_guessed() -> None:
    found = _found("Russian forces captured Avdiivka on Saturday.")  # another spelling, tagged a person
    assert found["Avdiivka"].place.admin1 == "Donetsk"


def test_a_battle_named_after_a_village_does_not_make_the_village_a_person() -> None:
    found = _found("Veterans gathered in Kruty, Chernihiv, to mark the anniversary of Kruty Battle.")
    assert found["Kruty"].place.admin1 == "Chernihiv" and found["Kruty"].place.precision == "city"


def test_a_station_named_after_a_town_does_not_make_the_town_a_person() -> None:
    found = _found("Downtown Greer, known locally as Greer Station, has been reborn. The festival in Greer drew "
                   "5,000 visitors, and Greer Station's shops stayed open late.")
    assert found["Greer"].place.admin1 == "South Carolina"


def test_a_local_papers_home_state_settles_a_bare_name() -> None:
    """Three of a paper's articles are about Louisiana towns; its fourth names a bare "Alexandria". Alone that is
    Egypt's; in the paper's batch it is Louisiana's. The same article from an outlet of one article stays Egypt's."""
    texts = ["Police in Shreveport arrested two men on Tuesday after a chase that began in Bossier City.",
             "Flooding closed roads near Natchitoches and Monroe on Sunday, the parish sheriff said.",
             "The school board in Lake Charles voted on Thursday to hire forty more teachers.",
             "A new clinic opened in Alexandria on Friday, the mayor said."]
    docs = [Document(doc_id=str(i), text=t, url=f"https://www.pinebelt-ledger.example/news/{i}")
            for i, t in enumerate(texts)]
    docs.append(Document(doc_id="lone", text=texts[-1], url="https://another-outlet.example/a"))
    batch = geoparse_batch(parse([clean(d) for d in docs]))
    places = {p.doc.doc_id: {t.text: t.place for t in tops if t.place} for p, tops, _ in batch}
    assert places["3"]["Alexandria"].admin1 == "Louisiana"
    assert places["lone"]["Alexandria"].country == "EGY"
    assert [home.admin1_code if home else None for _, _, home in batch] == ["US.LA"] * 4 + [None]
    alone = geoparse_batch(parse([clean(docs[3])]), learn_homes=False)
    assert alone[0][1][0].place.country == "EGY"


def test_a_big_city_after_a_comma_in_a_list_is_a_peer() -> None:
    listed = _found("After stops in Washington, New York and Boston, the prince flew home.")
    assert listed["Washington"].place.admin1 == "District of Columbia"  # no town of New York state
    inside = _found("Officials in Albany, New York and Hartford, Connecticut, agreed.")
    assert inside["Albany"].place.admin1 == "New York"


def test_a_repeated_paragraph_keeps_its_toponyms_in_the_batch_output() -> None:
    """The clean stage keeps a repeated paragraph out of event extraction; a geoparser's user still gets its
    toponyms, at their own offsets and with the original's readings."""
    text = ("Shelling hit Kharkiv and Izium on Monday, officials in Kyiv said.\n\nThe mayor asked for help.\n\n"
            "Shelling hit Kharkiv and Izium on Monday, officials in Kyiv said.\n")
    (parsed, tops, _), = geoparse_batch(_parsed(text))
    second = text.rindex("Shelling")
    again = [t for t in tops if t.start >= second]
    assert [t.text for t in again] == ["Kharkiv", "Izium", "Kyiv"]
    assert all(text[t.start:t.end] == t.text for t in again)
    assert [t.place.geonameid for t in again] == [t.place.geonameid for t in tops if t.start < second]
    assert len(geoparse(parsed)) == 3  # the pipeline's own reading still takes the passage once


@pytest.mark.parametrize("text, name, country", [
    ("YEREVAN, Armenia -- Police in Yerevan detained several opposition activists, and Armenia's president spoke "
     "late on Monday.", "Armenia", "ARM"),
    ("TBILISI, Georgia -- Georgian police detained six activists on Friday.", "Georgia", "GEO"),
    ("Migrants camped in Juchitan, Oaxaca State, Mexico, on Wednesday.", "Mexico", "MEX"),
])
def test_a_country_after_a_place_and_a_comma_is_the_country_around_it(text, name, country) -> None:
    place = _found(text)[name].place
    assert (place.precision, place.country) == ("country", country)


def _span_of(text: str, name: str) -> tuple[int, int]:
    return text.index(name), text.index(name) + len(name)


def test_unknown_local_name_is_placed_near_the_town_the_story_centres_on() -> None:
    text = ("Firefighters were called to Brennock Mill late on Tuesday. The old mill stands at the edge of Tulsa, "
            "Oklahoma, and Tulsa police closed the roads around it.")
    (mill,) = resolve_spans(_parsed(text)[0], [_span_of(text, "Brennock Mill")])
    assert mill.approximate and mill.place.name == "Tulsa" and mill.place.admin1 == "Oklahoma"
    assert mill.score < 0.1  # below any reading the gazetteer itself gives


def test_unknown_name_in_a_story_without_a_centre_stays_unplaced() -> None:
    text = "Firefighters were called to Brennock Mill late on Tuesday. Sirens sounded in Kyiv, Kharkiv and Odesa."
    (mill,) = resolve_spans(_parsed(text)[0], [_span_of(text, "Brennock Mill")])
    assert mill.place is None and not mill.approximate


def test_unknown_village_is_near_the_centre_only_inside_the_province_the_text_gives() -> None:
    near = "Artillery hit Qorvelivka, Luhansk, on Monday, and two homes burned in Sievierodonetsk overnight."
    far = "Artillery hit Qorvelivka, Luhansk, on Monday, and two homes burned in Kharkiv overnight."
    village = _found(near)["Qorvelivka"]
    assert village.approximate and village.place.geonameid == SIEVIERODONETSK
    village = _found(far)["Qorvelivka"]
    assert village.place is None and not village.approximate  # found, but Kharkiv is not in Luhansk


def test_feature_word_is_not_the_name_a_feature_is_read_through() -> None:
    # "Lake" is an alternate name of a town in Ohio, "River" of one in New Jersey.
    text = "Divers searched Lake Quorran on Sunday, and police dragged Quorran River, near Tulsa, Oklahoma."
    lake, river = resolve_spans(_parsed(text)[0], [_span_of(text, "Lake Quorran"), _span_of(text, "Quorran River")])
    assert lake.place is None or lake.approximate
    assert river.place is None or river.approximate


def test_business_named_after_a_far_town_stands_in_the_story_town() -> None:
    text = ("Tulsa police were called to the Dallas Grill in downtown Tulsa on Tuesday night after a fight broke out. "
            "No one was hurt, Tulsa officers said, and the Tulsa restaurant reopened on Wednesday.")
    (grill,) = resolve_spans(_parsed(text)[0], [_span_of(text, "Dallas Grill")])
    assert grill.approximate and grill.place.name == "Tulsa"


def test_events_are_not_placed_at_an_approximate_reading() -> None:
    from datetime import date

    from eventwire.pipeline import code_documents

    text = ("Russian artillery shelled Qorvelivka, Luhansk, on Monday, Ukrainian officials said. Two homes burned in "
            "Sievierodonetsk overnight after shelling.")
    (result,) = code_documents([Document(doc_id="q", text=text, published=date(2022, 6, 6))])
    assert any(t.approximate for t in result.toponyms)  # the geo stage's own output keeps the reading
    (shelled,) = [m for m in result.mentions if "Qorvelivka" in text[m.evidence.sentence_start:m.evidence.sentence_end]]
    assert shelled.location.precision == "admin1" and shelled.location.name == "Luhansk Oblast"


def test_a_list_of_cities_is_not_a_city_and_its_province() -> None:
    found = _found("Sirens sounded in Kyiv, Kharkiv and Odesa before dawn.")
    assert found["Kharkiv"].place.precision == "city"  # the next city of the list, not the province Kyiv is in
    found = _found("Artillery fire hit Sokilnyky, Luhansk, and the front held.")
    assert found["Luhansk"].place.precision == "admin1"


def _paper_batch(paper: str, *texts: str):
    """The texts as one outlet's articles (URLs under `paper`), geoparsed as a batch."""
    return geoparse_batch(parse(clean(Document(doc_id=str(i), text=t, url=paper + str(i)))
                                for i, t in enumerate(texts)))


def test_a_papers_own_town_is_what_its_bare_name_means() -> None:
    batch = _paper_batch("https://www.parisgazette.example/2011/",
                         "Lawmakers in Springfield, Illinois, passed the state budget on Monday.",
                         "A storm knocked down power lines in Danville, Illinois, overnight.",
                         "Council members in Paris met on Tuesday to discuss the new water tower.")
    home = batch[2][2]
    assert home.town is not None and home.town.admin1 == "Illinois" and home.town.name == "Paris"
    (paris,) = [t for t in batch[2][1] if t.text == "Paris"]
    assert paris.place.admin1 == "Illinois"  # the Gazette's Paris, not France's capital


def test_city_council_of_a_town_the_story_names_is_that_towns() -> None:
    tops = geoparse(_parsed("Residents of Dublin, Ohio, packed the hall. Dublin City Council voted on Monday to widen "
                            "the road, and Dublin will pay for it.")[0])
    dublins = [t for t in tops if t.text.startswith("Dublin")]
    assert len(dublins) == 3 and all(t.place.admin1 == "Ohio" for t in dublins)
    assert [t.text for t in dublins] == ["Dublin", "Dublin", "Dublin"]  # not "Dublin City", Ireland's capital
    kc = geoparse(_parsed("Kansas City Council voted on Monday to widen the road.")[0])
    assert [t.text for t in kc] == ["Kansas City"]  # a town whose name ends in City keeps it


def test_a_local_papers_bare_names_are_the_towns_around_it() -> None:
    batch = _paper_batch("https://www.columbusledger.example/2009/",
                         "Lawmakers in Columbus, Ohio, passed the state budget on Monday.",
                         "Snow closed schools across Franklin County, Ohio, on Tuesday.",
                         "Dublin opened its Irish festival on Friday.")
    assert batch[2][2].town.name == "Columbus"
    dublins = [t for t in batch[2][1] if t.text == "Dublin"]
    assert dublins and all(t.place.admin1 == "Ohio" for t in dublins)  # the suburb 15 km away, though "Irish"


def test_a_provinces_people_point_at_the_province() -> None:
    by = {t.text: t for t in geoparse(_parsed("Texan ranchers and Chechen fighters met English fans.")[0])}
    assert by["Texan"].kind == "demonym" and by["Texan"].place.admin1 == "Texas"
    assert by["Chechen"].place.country == "RUS" and by["Chechen"].place.precision == "admin1"
    assert by["English"].place.name == "England"


def test_a_given_demonym_span_is_the_peoples_country_not_a_parish_of_its_name() -> None:
    text = "Thousands of German workers moved to the valley."
    (german,) = resolve_spans(_parsed(text)[0], [_span_of(text, "German")])
    assert german.kind == "demonym" and german.place.name == "Germany"  # not the Manx parish of German


def test_bc_is_british_columbia_unless_it_follows_a_year() -> None:
    found = _found("Wildfires forced evacuations near Nelson, BC, on Sunday.")
    assert found["BC"].place.name == "British Columbia" and found["Nelson"].place.admin1 == "British Columbia"
    assert "BC" not in _found("The fort was built around 300 BC by the Romans.")


def test_a_hometown_and_where_a_show_comes_are_places() -> None:
    assert _found("She flew back to her hometown of Lahore after the vote.")["Lahore"].place.country == "PAK"
    assert _found("The travelling circus comes to Clacton in May.")["Clacton"].place.country == "GBR"


def test_a_legislators_party_letter_and_home_town() -> None:
    found = _found("State Sen. Mara Holm, R-Elbow Lake, voted against the bill on Tuesday.")
    assert found["Elbow Lake"].kind == "literal" and found["Elbow Lake"].place.admin1 == "Minnesota"


def test_a_persons_town_after_their_age() -> None:
    assert _found("The driver, Thomas Hale, 22, of Winfield, left the car and ran.")["Winfield"].kind == "literal"


def test_a_towns_party_member_and_police_department() -> None:
    assert _found("The amendment came from Mara Holm, a Kettering Republican.")["Kettering"].kind == "literal"
    assert _found("Officers from Slidell PD searched the lake on Friday.")["Slidell"].place.admin1 == "Louisiana"
