"""Outlet homes: which outlet a document comes from, the state most of an outlet's articles place things in, and
the town a paper's name gives."""

from __future__ import annotations

from eventwire.geo.outlets import Home, home_of, learn_homes, masthead_name, outlet_of
from eventwire.types import Document, Place, Toponym


def _doc(i: int, url: str | None = None, source: str | None = None) -> Document:
    return Document(doc_id=str(i), text="", url=url, source=source)


def _at(country: str, admin1_code: str | None, precision: str = "city", kind: str = "literal") -> Toponym:
    place = Place(1, "X", "PPL", country, None, 0.0, 0.0, precision, admin1_code=admin1_code)
    return Toponym(0, 1, "X", kind, place)


def test_outlet_is_the_host_without_www_else_the_source() -> None:
    assert outlet_of(_doc(1, "https://www.Example-Ledger.com/news/2009/a.html")) == "example-ledger.com"
    assert outlet_of(_doc(1, "example-ledger.com/news/a")) == "example-ledger.com"
    assert outlet_of(_doc(1, source=" The Valley Courier ")) == "the valley courier"
    assert outlet_of(_doc(1)) is None


def test_home_is_the_state_most_articles_name() -> None:
    paper = "https://valley-courier.example/"
    batch = [(_doc(1, paper + "1"), [_at("USA", "US.LA"), _at("USA", "US.LA")]),
             (_doc(2, paper + "2"), [_at("USA", "US.LA"), _at("USA", "US.TX")]),
             (_doc(3, paper + "3"), [_at("USA", "US.LA")]),
             (_doc(4, paper + "4"), [_at("USA", None, "country")]),
             # a metonym or a country is no evidence of a state
             (_doc(5, paper + "5"), [_at("USA", "US.TX", kind="metonym"), _at("USA", "US.TX", "country")])]
    homes = learn_homes(batch)
    assert homes == {"valley-courier.example": Home("USA", "US.LA")}
    assert home_of(_doc(9, paper + "9"), homes) == Home("USA", "US.LA")
    assert home_of(_doc(9, "https://elsewhere.example/"), homes) is None


def test_no_home_from_few_articles_or_without_a_clear_lead() -> None:
    few = [(_doc(i, "https://a.example/"), [_at("USA", "US.LA")]) for i in range(2)]
    assert learn_homes(few) == {}
    split = [(_doc(i, "https://b.example/"), [_at("USA", "US.LA" if i % 2 else "US.TX")]) for i in range(6)]
    assert learn_homes(split) == {"b.example": Home("USA", None)}  # the country is clear, the state is not
    scattered = [(_doc(i, "https://c.example/"), [_at(cc, None, "country")]) for i, cc in enumerate("ABCDEF")]
    assert learn_homes(scattered) == {}


def test_a_state_outside_the_outlets_country_is_no_home() -> None:
    """The first pass read "Dublin" as Ireland's in four of an Ohio paper's six stories, which lead on states; but
    the country is not clear (the United States is named in four), so Leinster is not taken for the home."""
    paper = "https://suburb-news.example/"
    dublin, ohio, usa = _at("IRL", "IE.L"), _at("USA", "US.OH"), _at("USA", None, "country")
    batch = [(_doc(i, paper + str(i)), tops) for i, tops in enumerate(
        [[dublin, usa], [dublin, usa], [dublin], [dublin], [ohio, usa], [ohio]])]
    assert learn_homes(batch) == {}


def test_masthead_name_is_the_town_before_the_newspaper_words() -> None:
    assert masthead_name("harlowbeacon.example") == "harlow"
    assert masthead_name("harlowdailynews.com") == "harlow"  # "news", then "daily"
    assert masthead_name("harlow-herald.co.uk") == "harlow"
    assert masthead_name("sport.harlowtimes.com") == "harlow"
    assert masthead_name("harlowford.com") == "harlowford"  # a host alone may be a town's name
    assert masthead_name("themercury.com") is None  # a newspaper word alone names no town
    assert masthead_name("abcnews.com") is None  # "abc" is too short to be a town's name
    assert masthead_name("localhost") is None


def _town(gid: int, country: str, admin1_code: str, population: int) -> Place:
    return Place(gid, "Harlow", "PPL", country, None, 0.0, 0.0, "city", admin1_code=admin1_code,
                 population=population)


def test_masthead_town_is_the_namesake_in_the_state_the_articles_name() -> None:
    big, small = _town(1, "GBR", "GB.ENG", 80_000), _town(2, "USA", "US.KY", 900)
    towns = {"harlow": [big, small]}.get
    paper = "https://harlowbeacon.example/"
    # The articles name Kentucky in two of six stories and England in none: too few for a home state.
    batch = [(_doc(i, paper + str(i)), tops) for i, tops in enumerate(
        [[_at("USA", "US.KY")], [_at("USA", "US.KY")], [_at("USA", "US.TN")], [_at("USA", "US.OH")],
         [_at("USA", "US.TX")], [_at("USA", None, "country")]])]
    assert learn_homes(batch) == {"harlowbeacon.example": Home("USA", None)}
    home = learn_homes(batch, lambda name: towns(name) or [])["harlowbeacon.example"]
    assert home == Home("USA", "US.KY", small)  # the small Harlow in the state the paper writes about
    # Two namesakes whose states the articles name as often: no town.
    tn = _town(3, "USA", "US.TN", 1200)
    tied = [(_doc(i, paper + str(i)), [_at("USA", "US.KY" if i < 2 else "US.TN")]) for i in range(4)] + [
        (_doc(9, paper + "9"), [_at("USA", None, "country")])]
    homes = learn_homes(tied, lambda name: [big, small, tn] if name == "harlow" else [])
    assert homes["harlowbeacon.example"].town is None
    # A paper whose articles never name the state of any of its namesakes gets no town.
    england = [(_doc(i, paper + str(i)), [_at("USA", "US.TX")]) for i in range(4)]
    assert learn_homes(england, lambda name: towns(name) or [])["harlowbeacon.example"] == Home("USA", "US.TX")


def test_the_mastheads_own_name_does_not_vote_for_its_namesakes_state() -> None:
    # The first pass read "Harlow" by size, as the Virginia namesake; the other places are in Nebraska.
    va, ne = _town(4, "USA", "US.VA", 40_000), _town(5, "USA", "US.NE", 3_000)
    own = Toponym(0, 6, "Harlow", "literal", va)
    paper = "https://harlowdailynews.example/"
    batch = [(_doc(i, paper + str(i)), tops) for i, tops in enumerate(
        [[own, _at("USA", "US.NE")], [own, _at("USA", "US.NE")], [own], [own, _at("USA", "US.IA")]])]
    home = learn_homes(batch, lambda name: [va, ne] if name == "harlow" else [])["harlowdailynews.example"]
    assert home.town == ne
