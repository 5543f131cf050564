"""Cross-document merging: what is one event, what is not, and no chaining."""

from __future__ import annotations

from eventwire.merge import Summary, merge_across, merge_documents, summarize
from eventwire.merge.across import sentence_key
from eventwire.types import Actor, Event, EventMention, Evidence, Place


def _located(events, name):
    return [e for e in events if e.location and e.location.name.lower().startswith(name)]


def test_two_outlets_on_the_same_shelling_make_one_event(coded):
    events = merge_documents([e for d in ("a-wire", "b-daily") for e in coded[d][1]])
    kup = [e for e in _located(events, "kup") if e.event_type == "ASSAULT"]
    assert len(kup) == 1
    assert kup[0].num_documents == 2 and kup[0].num_sources == 2


def test_strikes_on_different_cities_the_same_day_stay_apart(coded):
    events = merge_documents([e for d in ("a-wire", "c-post") for e in coded[d][1]])
    kup, kherson = _located(events, "kup"), _located(events, "kherson")
    assert kup and kherson
    assert not {id(e) for e in kup} & {id(e) for e in kherson}
    assert all({m.evidence.doc_id for m in e.mentions} == {"c-post"} for e in kherson)


def test_a_different_kind_of_event_is_not_merged(coded):
    events = merge_documents([e for d in ("b-daily", "e-talks") for e in coded[d][1]])
    assert all(len({m.evidence.doc_id for m in e.mentions}) == 1 for e in events)


def _town(gid: int, lat: float, lon: float) -> Place:
    return Place(geonameid=gid, name=f"T{gid}", feature_code="PPL", country="UKR", admin1="A", lat=lat, lon=lon,
                 precision="city")


def _s(key: str, place: Place, day: str) -> Summary:
    return Summary(key=key, order=(key, 0), event_type="ASSAULT", cameo="195", actor1="RUS", place=place, date=day,
                   precision="day")


def test_no_chaining_through_places():
    # B is 18 km from A and joins it; C is 18 km beyond B, 36 km from A: it must not ride in on B.
    a, b, c = _town(1, 50.0, 36.0), _town(2, 50.0, 36.25), _town(3, 50.0, 36.5)
    out = merge_across([_s("a", a, "2023-05-14"), _s("b", b, "2023-05-14"), _s("c", c, "2023-05-14")])
    assert out.cluster["b"] == "a"
    assert out.cluster["c"] == "c"


def test_no_chaining_through_dates():
    t = _town(1, 50.0, 36.0)
    out = merge_across([_s("a", t, "2023-05-14"), _s("b", t, "2023-05-15"), _s("c", t, "2023-05-16")])
    assert out.cluster["b"] == "a" and out.cluster["c"] == "c"


def test_a_date_told_only_to_the_year_does_not_join_a_dated_attack_without_more():
    from dataclasses import replace
    t = _town(1, 50.0, 36.0)
    dated = _s("a", t, "2022-02-19")
    last_year = replace(_s("b", t, "2022-01-01"), precision="year")
    assert merge_across([dated, last_year]).cluster["b"] == "b"
    # the same named person, or a place taken (taken once), still joins them
    named = replace(last_year, names=frozenset({"Anton Sydorov"}))
    assert merge_across([replace(dated, names=named.names), named]).cluster["b"] == "a"
    taken = [replace(x, event_type="COERCE", cameo="1721", mode="seize") for x in (dated, last_year)]
    assert merge_across(taken).cluster["b"] == "a"


def test_a_city_inside_the_province_named_elsewhere_is_compatible():
    prov = Place(geonameid=9, name="A Oblast", feature_code="ADM1", country="UKR", admin1="A", lat=None, lon=None,
                 precision="admin1")
    other = Place(geonameid=8, name="B Oblast", feature_code="ADM1", country="UKR", admin1="B", lat=None, lon=None,
                  precision="admin1")
    out = merge_across([_s("a", _town(1, 50.0, 36.0), "2023-05-14"), _s("b", prov, "2023-05-14"),
                        _s("c", other, "2023-05-14")])
    assert out.cluster["b"] == "a" and out.cluster["c"] == "c"
    assert "inside" in out.reasons["b"]["place"]["rule"]


def test_the_same_summaries_in_any_order_give_the_same_clusters():
    towns = [_town(i, 50.0 + i * 0.05, 36.0) for i in range(6)]
    summaries = [_s(f"k{i}", towns[i % 6], f"2023-05-{10 + i % 3}") for i in range(18)]
    first = merge_across(summaries).cluster
    assert merge_across(list(reversed(summaries))).cluster == first
    assert merge_across(summaries[5:] + summaries[:5]).cluster == first


def test_events_of_one_article_are_left_to_the_in_document_merge():
    t = _town(1, 50.0, 36.0)
    one = Summary(key="x", order=("doc", 0), event_type="ASSAULT", cameo="195", place=t, date="2023-05-14",
                  precision="day")
    same_doc = Summary(key="y", order=("doc", 90), event_type="ASSAULT", cameo="195", place=t, date="2023-05-14",
                       precision="day")
    other_doc = Summary(key="z", order=("doc2", 0), event_type="ASSAULT", cameo="195", place=t, date="2023-05-14",
                        precision="day")
    out = merge_across([one, same_doc, other_doc])
    assert out.cluster == {"x": "x", "y": "y", "z": "x"}


def test_the_python_api_gives_one_record_for_two_reports():
    import eventwire

    events = eventwire.extract(["Russian troops shelled Kupiansk on Sunday.",
                                "Russian forces shelled the city of Kupiansk on Sunday, the governor said."],
                               published="2023-05-15")
    kup = [e for e in events if e.location and e.event_type == "ASSAULT"]
    assert len(kup) == 1 and kup[0].num_documents == 2


def test_a_country_inferred_from_the_setting_never_keeps_two_reports_apart():
    def event(key, actor):
        m = EventMention("PROTEST", "141", "rallied", Evidence(key, 0, 9, 0, 7), actor1=actor)
        return Event(key, "PROTEST", "141", [m], actor1=actor)

    said = event("a", Actor("Polish farmers", country="POL", sector="CVL"))
    guessed = event("b", Actor("farmers", country="POL", sector="CVL", inferred=True))
    assert summarize(said).actor1 == "POL"
    assert summarize(guessed).actor1 is None


def test_the_same_sentence_vouches_for_an_event_that_says_little_else():
    vague = dict(event_type="COERCE", cameo="173", mode="arrest", date="2023-01-01", precision="year")
    said = "The former governor was arrested on corruption charges earlier this year, prosecutors said."
    a = Summary(key="a", order=("doc-a", 0), sentences=frozenset({sentence_key(said)}), **vague)
    b = Summary(key="b", order=("doc-b", 0), sentences=frozenset({sentence_key(said.upper().replace(",", ""))}),
                **vague)
    c = Summary(key="c", order=("doc-c", 0), sentences=frozenset({sentence_key(said.replace("governor", "mayor"))}),
                **vague)
    cluster = merge_across([a, b, c]).cluster
    assert cluster["b"] == "a" and cluster["c"] == "c"
    assert sentence_key("Casualties unknown.") is None  # too short to say anything about identity


def test_a_cameo_vouches_for_an_unplaced_report_only_on_a_day_the_texts_name():
    # No place, no actor in common: "agreed to cooperate" said by two outlets the same day is not yet one event.
    def unplaced(key, precision):
        return Summary(key=key, order=(f"doc-{key}", 0), event_type="AGREE", cameo="036", date="2022-02-11",
                       precision=precision)

    by_article_date = merge_across([unplaced("a", "inherited"), unplaced("b", "inherited")]).cluster
    assert by_article_date["b"] == "b"
    told_to_the_day = merge_across([unplaced("a", "day"), unplaced("b", "day")]).cluster
    assert told_to_the_day["b"] == "a"


def test_a_visit_is_to_a_town_not_to_its_neighbourhood():
    def visit(key, place):
        return Summary(key=key, order=(f"doc-{key}", 0), event_type="CONSULT", cameo="042", actor1="JPN", place=place,
                       date="2023-03-21", precision="day")

    kyiv, bucha = _town(703448, 50.45, 30.52), _town(711660, 50.54, 30.21)  # 24 km apart
    assert merge_across([visit("a", kyiv), visit("b", bucha)]).cluster["b"] == "b"
    # an attack on the two would be near enough to be one report's imprecision
    assert merge_across([_s("a", kyiv, "2023-03-21"), _s("b", bucha, "2023-03-21")]).cluster["b"] == "a"
    assert merge_across([visit("a", kyiv), visit("b", _town(703448, 50.45, 30.52))]).cluster["b"] == "a"


def test_an_unspecified_intent_is_generic_like_talks_or_an_attack():
    # "pledged to keep backing Ukraine" (030) is any promise of the day: it vouches for nothing, but it does not
    # keep a placed report of a specific promise (033, to send aid) away either
    def intent(key, cameo, precision="day", place=None):
        return Summary(key=key, order=(f"doc-{key}", 0), event_type="AGREE", cameo=cameo, date="2022-08-23",
                       precision=precision, place=place)

    assert merge_across([intent("a", "030"), intent("b", "030")]).cluster["b"] == "b"
    assert merge_across([intent("a", "036"), intent("b", "036")]).cluster["b"] == "a"
    kyiv = _town(703448, 50.45, 30.52)
    assert merge_across([intent("a", "033", place=kyiv), intent("b", "030", place=kyiv)]).cluster["b"] == "a"


def test_one_country_s_statements_of_those_days_are_not_one_event_for_sharing_the_country():
    # Dated only by their articles and placed nowhere, "the US warned" and "the US warned" are any two warnings.
    def warned(key, actor2, precision="inherited"):
        return Summary(key=key, order=(f"doc-{key}", 0), event_type="THREATEN", cameo="130", actor1="USA",
                       actor2=actor2, date="2022-02-11", precision=precision)

    assert merge_across([warned("a", None), warned("b", "RUS")]).cluster["b"] == "b"
    assert merge_across([warned("a", "RUS"), warned("b", "RUS")]).cluster["b"] == "a"  # both sides the same
    assert merge_across([warned("a", None, "day"), warned("b", "RUS", "day")]).cluster["b"] == "a"  # told to the day


def test_a_sentence_retold_in_another_version_of_the_story_joins_even_where_one_version_placed_it():
    from eventwire.merge.wording import Story, wording

    from merge_texts import ONE, OTHER, RETOLD

    ukraine = Place(geonameid=690791, name="Ukraine", feature_code="PCLI", country="UKR", admin1=None, lat=49.0,
                    lon=32.0, precision="country")

    def told(key, sentence, story, place=None):
        return Summary(key=key, order=(story.doc_id, 0), event_type="ASSAULT", cameo="190", place=place,
                       date="2023-03-09", precision="day", wordings=frozenset({wording(sentence)}), story=story)

    one, retold, other = Story.of("one", ONE), Story.of("retold", RETOLD), Story.of("other", OTHER)
    a = told("a", ONE[3], one, ukraine)  # "two soldiers were killed" placed in Ukraine by its article
    b = told("b", RETOLD[3], retold)  # the translation, placed nowhere
    assert merge_across([a, b]).cluster["b"] == "a"
    assert merge_across([b, a]).cluster["b"] == "a"  # "a" still founds it: its order comes first
    reasons = merge_across([a, b]).reasons["b"]
    assert reasons["place"]["rule"].startswith("one sentence, republished or retold")
    # the same words in an article that tells another story are not evidence
    c = told("c", ONE[3].replace("Thursday", "Wednesday"), other)
    assert merge_across([a, c]).cluster["c"] == "c"
    # nor do versions of a story join an event told in another sentence of it
    d = told("d", RETOLD[1], retold)
    assert merge_across([a, d]).cluster["d"] == "d"
    # and two towns 100 km apart stay two events, whatever the sentences
    e = told("e", ONE[3], one, _town(1, 49.7, 37.6))
    f = told("f", RETOLD[3], retold, _town(2, 48.0, 37.8))
    assert merge_across([e, f]).cluster["f"] == "f"


def test_one_person_named_in_one_act_joins_a_report_that_alone_says_where():
    # "The mayor will not be invited" and "... will not be invited to the ceremony in Lyon": one report places it.
    lyon = _town(2996944, 45.75, 4.85)

    def snub(key, place, names=frozenset({"Anna Kovalenko"}), cameo="120", precision="inherited"):
        return Summary(key=key, order=(f"doc-{key}", 0), event_type="REJECT", cameo=cameo, actor2="UKR",
                       place=place, date="2024-04-16", precision=precision, names=names)

    joined = merge_across([snub("a", None), snub("b", lyon)])
    assert joined.cluster["b"] == "a"
    assert joined.reasons["b"]["place"]["rule"] == "placed by one report only; both name the same person"
    assert merge_across([snub("a", None), snub("b", lyon, names=frozenset({"Petro Melnyk"}))]).cluster["b"] == "b"
    # a generic act ("talks") or a date told only to the month says too little to overlook the place
    assert merge_across([snub("a", None, cameo="040"), snub("b", lyon, cameo="040")]).cluster["b"] == "b"
    assert merge_across([snub("a", None, precision="month"), snub("b", lyon)]).cluster["b"] == "b"


def test_a_state_s_name_is_no_person_s():
    from eventwire.merge.within import person_names

    assert person_names("United States", "Yevgeny Prigozhin", "Russia") == frozenset({"Yevgeny Prigozhin"})
    assert person_names("United Kingdom", None) == frozenset()


def test_articles_that_report_one_event_together_vouch_for_one_country_in_one_act():
    # Two outlets on a festival: both place the organisers' snub of a minister in Lyon (a link between the two
    # articles), and both say, placeless and dated only by the article, that Belarus will be invited.
    lyon = _town(2996944, 45.75, 4.85)

    def snub(doc):
        return Summary(key=f"{doc}-snub", order=(doc, 0), event_type="REJECT", cameo="120", actor2="UKR", place=lyon,
                       date="2024-04-16", precision="inherited")

    def invite(doc, day="2024-04-16", actor2="BLR", start=500):
        return Summary(key=f"{doc}-invite", order=(doc, start), event_type="AGREE", cameo="030", actor2=actor2,
                       date=day, precision="inherited")

    linked = merge_across([snub("doc-a"), invite("doc-a"), snub("doc-b"), invite("doc-b", "2024-04-17")])
    assert linked.cluster["doc-b-snub"] == "doc-a-snub"
    assert linked.cluster["doc-b-invite"] == "doc-a-invite"
    assert linked.reasons["doc-b-invite"]["vouched"].startswith("their articles report another event together")
    # the report that comes first in the article, before the link is known, still has its second look
    early = merge_across([snub("doc-a"), invite("doc-a"), snub("doc-b"), invite("doc-b", start=0)])
    assert early.cluster["doc-b-invite"] == "doc-a-invite"
    # incremental: a stored article's events are looked at too, even one that comes later in the canonical order
    stored = merge_across([snub("doc-b"), invite("doc-b")], existing=[snub("doc-a"), invite("doc-a")])
    assert stored.cluster["doc-b-invite"] == "doc-a-invite"
    later = merge_across([snub("doc-a"), invite("doc-a")], existing=[snub("doc-b"), invite("doc-b")])
    assert later.cluster["doc-a-invite"] == "doc-b-invite"
    # without the shared event, one country in a generic act of the same days vouches for nothing
    alone = merge_across([invite("doc-a"), invite("doc-b")])
    assert alone.cluster["doc-b-invite"] == "doc-b-invite"
    # nor does the link join acts aimed at another country
    other = merge_across([snub("doc-a"), invite("doc-a"), snub("doc-b"), invite("doc-b", actor2="KAZ")])
    assert other.cluster["doc-b-invite"] == "doc-b-invite"
    # a country in common is no link: the snubs placed in Ukraine only do not make the articles one story
    ukraine = Place(geonameid=690791, name="Ukraine", feature_code="PCLI", country="UKR", admin1=None, lat=49.0,
                    lon=32.0, precision="country")
    from dataclasses import replace
    weak = merge_across([replace(snub("doc-a"), place=ukraine, actor1="FRA"), invite("doc-a"),
                         replace(snub("doc-b"), place=ukraine, actor1="FRA"), invite("doc-b")])
    assert weak.cluster["doc-b-snub"] == "doc-a-snub"
    assert weak.cluster["doc-b-invite"] == "doc-b-invite"
