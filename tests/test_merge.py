"""Merge: one event per real event, never one per report, never one for two different events."""

import datetime as dt
import random
from dataclasses import replace

from eventwire.merge import merge, places_compatible
from eventwire.types import Actor, Anchor, Evidence, EventMention, Place

PUBLISHED = dt.date(2022, 7, 4)
LYSYCHANSK = Place(702972, "Lysychansk", "PPL", "UKR", "Luhansk", 48.912, 38.421, "city", "UA", "UA.14", 93340)
SIEVIERODONETSK = Place(702658 + 1, "Sievierodonetsk", "PPL", "UKR", "Luhansk", 48.948, 38.491, "city", "UA", "UA.14")
LUHANSK_OBLAST = Place(702657, "Luhansk Oblast", "ADM1", "UKR", "Luhansk", 48.75, 39.0, "admin1", "UA", "UA.14")
KHARKIV = Place(706483, "Kharkiv", "PPL", "UKR", "Kharkiv", 49.98, 36.25, "city", "UA", "UA.07")
ODESA = Place(698740, "Odesa", "PPL", "UKR", "Odesa", 46.48, 30.73, "city", "UA", "UA.17")


def mention(kind="RETREAT", cameo="0874", start=0, place=None, date=None, inherited=False, country="UKR",
            mode=None, anchor=None, precision="day"):
    return EventMention(
        event_type=kind, cameo=cameo, trigger="x", mode=mode,
        evidence=Evidence("doc", start, start + 50, start, start + 5, published=PUBLISHED),
        actor1=Actor("troops", country=country, sector="MIL") if country else None,
        location=place, date=date or PUBLISHED.isoformat(), date_precision=precision,
        date_inherited=inherited if date else True, anchor=anchor,
    )


def test_repeated_reports_of_one_withdrawal_become_one_event_with_the_told_date():
    ms = [mention(start=10, place=None), mention(start=100, place=LYSYCHANSK, date="2022-07-03"),
          mention(start=300, place=LYSYCHANSK)]
    events = merge(ms)
    assert len(events) == 1
    assert events[0].num_mentions == 3
    assert events[0].date == "2022-07-03" and events[0].location.name == "Lysychansk"


def test_an_event_the_article_does_not_date_is_recent_not_any_event_of_the_last_weeks():
    # told on 24 June and told undated in an article of 4 July: two shellings of the town, not one
    told = mention("ASSAULT", "194", start=0, place=KHARKIV, date="2022-06-24", country="RUS")
    undated = mention("ASSAULT", "194", start=80, place=KHARKIV, country="RUS")
    assert len(merge([told, undated])) == 2
    # two days before the report, it may be the one the article leaves undated
    assert len(merge([replace(told, date="2022-07-02"), undated])) == 1


def test_strikes_on_two_cities_on_the_same_day_stay_apart():
    a = mention("ASSAULT", "194", start=0, place=KHARKIV, date="2022-07-02", country="RUS")
    b = mention("ASSAULT", "194", start=80, place=ODESA, date="2022-07-02", country="RUS")
    assert len(merge([a, b])) == 2


def test_a_city_inside_the_region_named_elsewhere_is_the_same_place():
    assert places_compatible(LUHANSK_OBLAST, LYSYCHANSK)
    assert not places_compatible(LUHANSK_OBLAST, KHARKIV)
    assert not places_compatible(LYSYCHANSK, KHARKIV)


def test_different_actor_countries_or_dates_keep_events_apart():
    a = mention("COERCE", "192", mode="seize", place=LUHANSK_OBLAST, date="2022-07-03", country="RUS")
    b = mention("COERCE", "192", mode="seize", start=50, place=LUHANSK_OBLAST, date="2022-07-03", country="UKR")
    c = mention("COERCE", "192", mode="seize", start=90, place=LUHANSK_OBLAST, date="2022-05-01", country="RUS")
    assert len(merge([a, b, c])) == 3


def test_anchored_mention_is_dated_from_the_event_it_leans_on():
    retreat = [mention(start=0, place=LYSYCHANSK, date="2022-07-03"), mention(start=200, place=LYSYCHANSK)]
    capture = mention("COERCE", "192", mode="seize", start=210, place=SIEVIERODONETSK, country="RUS",
                      anchor=Anchor(mention=1, duration="P1W", relation="after", text="a week after"))
    events = merge(retreat + [capture])
    seized = next(e for e in events if e.event_type == "COERCE")
    assert seized.date == "2022-06-26" and seized.date_precision == "week"
    assert len(events) == 2


def test_old_events_are_background():
    m = mention("ASSAULT", "190", date="2022-04-01", precision="month", country="RUS")
    assert merge([m])[0].status == "background"
    assert merge([mention("ASSAULT", "190", date="2022-07-02", country="RUS")])[0].status == "reported"


def test_same_mentions_in_another_order_give_the_same_events():
    ms = [mention(start=i * 10, place=p, date=d) for i, (p, d) in enumerate(
        [(LYSYCHANSK, "2022-07-03"), (None, None), (KHARKIV, "2022-06-01"), (LYSYCHANSK, None), (KHARKIV, None)])]
    first = sorted((e.event_id, e.num_mentions) for e in merge(ms))
    shuffled = ms[:]
    random.Random(4).shuffle(shuffled)
    assert sorted((e.event_id, e.num_mentions) for e in merge(shuffled)) == first


def test_an_event_the_text_does_not_date_says_its_date_is_inherited():
    told = merge([mention(place=LYSYCHANSK, date="2022-07-03")])[0]
    assert (told.date, told.date_precision) == ("2022-07-03", "day")
    untold = merge([mention(place=LYSYCHANSK)])[0]
    assert (untold.date, untold.date_precision, untold.date_text) == ("2022-07-04", "inherited", None)


def test_taking_and_retaking_a_place_or_a_plan_to_are_not_merged():
    take = mention("COERCE", "192", start=10, place=LYSYCHANSK, country=None, mode="seize")
    take.acled = ("Battles", "Non-state actor overtakes territory")
    back = mention("COERCE", "192", start=200, place=LYSYCHANSK, country=None, mode="seize")
    back.acled = ("Battles", "Government regains territory")
    assert len(merge([take, back])) == 2
    plan = mention("COERCE", "192", start=400, place=LYSYCHANSK, country=None, mode="seize")
    plan.acled, plan.status = take.acled, "planned"
    assert len(merge([take, plan])) == 2
    again = mention("COERCE", "192", start=600, place=LYSYCHANSK, country=None, mode="seize")
    again.acled = take.acled
    assert len(merge([take, again])) == 1


def test_a_taking_told_with_its_taker_and_again_without_is_one_event():
    """"His troops were entering the city" (government forces at home: a regain) and "We are entering the city"
    (no taker: the verb's default): the sub-types differ only because one names who took it."""
    named = mention("COERCE", "192", start=10, place=LYSYCHANSK, country="UKR", mode="seize")
    named.acled = ("Battles", "Government regains territory")
    unnamed = mention("COERCE", "192", start=200, place=LYSYCHANSK, country=None, mode="seize")
    unnamed.acled = ("Battles", "Non-state actor overtakes territory")
    assert len(merge([named, unnamed])) == 1


def _said(sentence: str, trigger: str, at: int, country: str | None) -> EventMention:
    """A mention whose trigger is `trigger` in `sentence`, the sentence starting at offset `at` of one document."""
    i = at + sentence.index(trigger)
    return EventMention(
        event_type="ASSAULT", cameo="190", trigger=trigger,
        evidence=Evidence("doc", at, at + len(sentence), i, i + len(trigger), sentence=sentence, published=PUBLISHED),
        actor1=Actor("Russia", country=country, sector="MIL") if country else None,
        date=PUBLISHED.isoformat(), date_precision="day", date_inherited=True,
    )


def test_a_mention_that_names_nothing_joins_an_event_only_when_its_words_point_back():
    war = _said("Russia's invasion of Ukraine goes on.", "invasion", 0, "RUS")
    other = _said("A weightlifter died during combat operations.", "operations", 40, None)
    back = _said("The invasion has cost thousands of lives.", "invasion", 90, None)
    anaphor = _said("Officials condemned the assault.", "assault", 140, None)
    events = merge([war, other, back, anaphor])
    assert sorted(len(e.mentions) for e in events) == [1, 3]
    assert next(e for e in events if len(e.mentions) == 1).mentions[0].trigger == "operations"


def test_an_event_that_names_nothing_does_not_take_in_one_that_names_its_place_and_sides():
    # The death is told with its own date, so it seeds first; the placed attack must still stay apart.
    death = _said("The opposition leader died in a penal colony earlier this year.", "died", 0, None)
    death.date, death.date_precision, death.date_inherited = "2022-01-01", "year", False
    attack = _said("Berlin blamed a Russian cyber-attack on the party.", "attack", 70, "RUS")
    attack.location = Place(2950159, "Berlin", "PPLC", "DEU", "Berlin", 52.52, 13.41, "city", "DE", "DE.16")
    assert len(merge([death, attack])) == 2


def test_an_attack_on_another_country_s_side_is_another_event():
    on_ukraine = _said("Russian forces shelled Ukrainian positions.", "shelled", 0, "RUS")
    on_ukraine.actor2 = Actor("Ukrainian positions", country="UKR", sector="MIL")
    on_germany = _said("Russian hackers attacked German party servers.", "attacked", 60, "RUS")
    on_germany.actor2 = Actor("German party servers", country="DEU", sector="POL")
    assert len(merge([on_ukraine, on_germany])) == 2


def test_two_placeless_reports_of_one_named_person_s_death_are_one_event():
    killed = _said("The weightlifter Oleksandr Marchenko has been killed, his club said.", "killed", 0, None)
    killed.actor2 = Actor("The weightlifter Oleksandr Marchenko", name="Oleksandr Marchenko")
    died = _said("Marchenko died during combat operations on Sunday.", "died", 80, None)
    died.actor2 = Actor("Marchenko", name="Marchenko")
    stranger = _said("A volunteer medic was shot near the front, officials said.", "shot", 140, None)
    stranger.actor2 = Actor("A volunteer medic", name="Petro Kovalenko")
    events = merge([killed, died, stranger])
    assert sorted(len(e.mentions) for e in events) == [1, 2]


def test_a_plan_told_without_a_date_is_the_dated_plan_to_come_not_a_past_event():
    # "will visit Lysychansk on Thursday" ... "at the visit he will also ..." (no date): one planned visit.
    dated = replace(mention("CONSULT", "042", start=0, place=LYSYCHANSK, date="2022-07-07"), status="planned")
    undated = replace(mention("CONSULT", "040", start=120), status="planned")
    assert len(merge([dated, undated])) == 1
    # A past visit told without a date is taken to be before the article: it is not Thursday's.
    past = mention("CONSULT", "040", start=120)
    assert len(merge([replace(dated, status="reported"), past])) == 2


def test_an_event_told_only_in_the_country_takes_in_a_town_s_event_only_when_the_words_tie_them():
    ukraine = Place(690791, "Ukraine", "PCLI", "UKR", None, 49.0, 32.0, "country", "UA", None)
    today = _said("Two soldiers were killed in Ukraine today.", "killed", 0, None)
    today.location, today.date_inherited = ukraine, False
    mariupol = _said("Rockets hit Mariupol, not European cities.", "hit", 50, None)
    mariupol.location = Place(701822, "Mariupol", "PPL", "UKR", "Donetsk", 47.1, 37.55, "city", "UA", "UA.05")
    assert len(merge([today, mariupol])) == 2
    # "the attack" points back: the town's report is the event told for the country
    back = _said("The attack hit Mariupol, officials said.", "attack", 50, None)
    back.location = mariupol.location
    assert len(merge([today, back])) == 1


def test_a_side_guessed_from_the_setting_does_not_tie_a_mention_to_an_event():
    war = _said("Russian forces shelled the region's towns.", "shelled", 0, "RUS")
    guessed = _said("People are dying while they keep talking, he said.", "dying", 50, None)
    guessed.actor2 = Actor("People", country="UKR", sector="CVL", inferred=True)
    assert len(merge([war, guessed])) == 2
    named = _said("Ukrainian civilians are dying, he said.", "dying", 50, None)
    named.actor2 = Actor("Ukrainian civilians", country="UKR", sector="CVL")
    assert len(merge([war, named])) == 1


def test_a_word_ties_a_mention_to_the_event_s_own_first_report_not_to_any_it_took_in():
    # The speech's deaths seed the event; "the attacks" points back and joins; a later "attacks" with nothing else
    # said shares a word only with what joined, not with the event, and would chain every use of the word.
    deaths = _said("Two soldiers were killed in Ukraine today.", "killed", 0, None)
    deaths.location = Place(690791, "Ukraine", "PCLI", "UKR", None, 49.0, 32.0, "country", "UA", None)
    deaths.date_inherited = False
    back = _said("He denied the attacks came from Ukraine.", "attacks", 50, None)
    again = _said("Massive attacks with banned weapons, he said.", "attacks", 100, None)
    events = merge([deaths, back, again])
    assert sorted(len(e.mentions) for e in events) == [1, 2]
    # the first report's own word still ties: "those killed today" is the deaths told first
    mourned = _said("May all those killed today rest in peace.", "killed", 150, None)
    assert len(merge([deaths, mourned])) == 1


def test_a_definite_noun_points_back_but_a_clause_that_starts_with_one_does_not():
    first = _said("Ukrainian positions were shelled near the border, officials said.", "shelled", 0, None)
    clause = _said("After dark, the town was attacked, residents said.", "attacked", 70, None)
    assert len(merge([first, clause])) == 2  # "the town was attacked" tells its own attack
    back = _said("The attack killed two soldiers, residents said.", "attack", 70, None)
    assert len(merge([first, back])) == 1


def test_one_person_named_in_full_by_both_ties_a_town_s_event_to_the_country_s():
    moscow = Place(524901, "Moscow", "PPLC", "RUS", "Moscow", 55.75, 37.62, "city", "RU", "RU.48")
    russia = Place(2017370, "Russia", "PCLI", "RUS", None, 60.0, 100.0, "country", "RU", None)
    xi = Actor("Chinese leader Xi Jinping", name="Xi Jinping", country="CHN", sector="GOV")
    met = replace(_said("Chinese leader Xi Jinping met Putin in Moscow.", "met", 0, None), event_type="CONSULT",
                  cameo="040", location=moscow, actor1=xi)
    visit = replace(_said("Xi's state visit to Russia began on Monday.", "visit", 60, None), event_type="CONSULT",
                    cameo="042", location=russia, actor1=replace(xi, text="Xi"))
    assert len(merge([met, visit])) == 1
    other = replace(visit, actor1=Actor("Lula", name="Lula da Silva"))  # a visitor no country or person ties
    assert len(merge([met, other])) == 2
