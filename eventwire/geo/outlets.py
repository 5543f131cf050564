"""Where an outlet is at home, learned from the batch it sends.

A local paper names its own state's towns without the state: "Alexandria" in the Town Talk is Alexandria,
Louisiana; in the Echo Press it is Alexandria, Minnesota. Neither article says so, but the outlet's other articles
do: two in five or more of them place something in one state, well ahead of any other. That state, found by a first
pass over the batch, backs readings in it in a second pass, as much as one more place named there.

A paper's name often says its town: the Paris Beacon, the Richmond Register, the Columbus Telegram. When the host
is a town's name and newspaper words ("parisbeacon.com") and the outlet's articles name the state of one town of
that name (Paris, Illinois, not Paris, France or Paris, Texas), a bare "Paris" in them is that town, and the town's
state is the home when the articles alone left it unclear.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..types import Document, Place, Toponym

MIN_DOCUMENTS = 3  # fewer articles from one outlet tell nothing about where it is
HOME_SHARE = 0.4  # of the outlet's articles that must place something in its home unit
LEAD = 1.5  # the home must be named in this many times as many articles as the next unit
SUB_NATIONAL = ("city", "admin2", "admin1")


@dataclass(frozen=True, slots=True)
class Home:
    """An outlet's country (ISO3) and first-level unit in it (GeoNames admin1 code, "US.LA"; None when unclear)."""

    country: str | None = None
    admin1_code: str | None = None
    town: Place | None = None  # the town the outlet's name gives ("parisbeacon.com": Paris, Illinois)


def host_of(url: str) -> str:
    """The lower-case host of a URL, with or without its scheme ("" when there is none)."""
    return (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()


def outlet_of(doc: Document) -> str | None:
    """The outlet a document comes from: its URL's host without "www.", else the source the input names."""
    if doc.url and (host := host_of(doc.url).removeprefix("www.")):
        return host
    return doc.source.strip().lower() if doc.source and doc.source.strip() else None


def home_of(doc: Document, homes: dict[str, Home]) -> Home | None:
    outlet = outlet_of(doc)
    return homes.get(outlet) if outlet else None


TownsNamed = Callable[[str], list[Place]]


def learn_homes(parsed: Iterable[tuple[Document, list[Toponym]]], towns_named: TownsNamed | None = None
                ) -> dict[str, Home]:
    """Each outlet's home from its documents' places: the country and the admin1 unit most of its articles place
    something in, by a clear lead over the rest. Outlets with too few articles or no clear home are left out.

    The readings are the first pass's, mistakes included: a state outside the outlet's clear country is taken for
    one ("Dublin" read as Ireland's in every story of an Ohio paper would make Leinster its home) and dropped.

    `towns_named(name)` (the gazetteer's towns of a name) lets an outlet whose host is a masthead find its town.
    """
    docs: Counter = Counter()
    in_country: dict[str, Counter] = defaultdict(Counter)
    in_admin1: dict[str, Counter] = defaultdict(Counter)
    mastheads: dict[str, str | None] = {}
    for doc, toponyms in parsed:
        outlet = outlet_of(doc)
        if outlet is None:
            continue
        docs[outlet] += 1
        if outlet not in mastheads:
            mastheads[outlet] = masthead_name(outlet)
        named = [t for t in toponyms if t.kind == "literal" and t.place is not None]
        in_country[outlet].update({t.place.country for t in named if t.place.country})
        # The masthead's own name does not vote: the first pass read the paper's town by size (Norfolk, Virginia
        # for the Norfolk Daily News), which would elect its namesake's state.
        town = mastheads[outlet]
        in_admin1[outlet].update({(t.place.country, t.place.admin1_code) for t in named
                                  if t.place.admin1_code and t.place.precision in SUB_NATIONAL
                                  and t.text.lower().replace(" ", "") != town})
    homes = {}
    for outlet, n in docs.items():
        if n < MIN_DOCUMENTS:
            continue
        country = _leader(in_country[outlet], n)
        unit = _leader(in_admin1[outlet], n)
        # A state outside the outlet's country, or in no clear country, is no home.
        admin1 = unit[1] if unit and country and unit[0] == country else None
        town = _masthead_town(mastheads[outlet], in_admin1[outlet], country, admin1, towns_named) \
            if towns_named else None
        if town is not None:
            homes[outlet] = Home(town.country, town.admin1_code, town)
        elif country:
            homes[outlet] = Home(country, admin1)
    return homes


# Words a paper's name puts after its town: "parisbeacon", "richmondregister", "columbustelegram".
MASTHEAD_WORDS = ("news", "herald", "times", "telegram", "register", "press", "post", "beacon", "tribune", "journal",
                  "gazette", "sun", "star", "daily", "chronicle", "item", "record", "courier", "dispatch", "examiner",
                  "observer", "leader", "ledger", "review", "standard", "mercury", "banner", "enterprise", "citizen",
                  "eagle", "bee", "democrat", "republican", "argus", "sentinel", "echo", "advocate", "reporter",
                  "voice", "today", "local", "online", "express", "globe", "bulletin", "messenger", "mail", "state")
MIN_TOWN_LETTERS = 4


def masthead_name(outlet: str) -> str | None:
    """The town a host names before its newspaper words ("parisbeacon.com": "paris"; "springfieldnewssun.com":
    "springfield"), or the host alone when it is long enough to be one ("gainesville.com"); None otherwise. The
    caller checks that a town of that name exists."""
    labels = outlet.split(".")
    if len(labels) < 2:
        return None
    labels = labels[:-1]
    if len(labels) > 1 and labels[-1] in ("co", "com", "org", "net", "ac", "gov"):
        labels = labels[:-1]  # "cambridge-news.co.uk"
    label = labels[-1].replace("-", "").removeprefix("the")
    if label in MASTHEAD_WORDS:
        return None
    town = label
    while word := next((w for w in MASTHEAD_WORDS if town.endswith(w) and len(town) - len(w) >= MIN_TOWN_LETTERS),
                       None):
        town = town[:-len(word)]
    if town == label and (len(town) < 5 or any(town.endswith(w) for w in MASTHEAD_WORDS)):
        return None  # "abcnews": a newspaper word after too short a name
    return town


def _masthead_town(name: str | None, admin1s: Counter, country: str | None, admin1: str | None,
                   towns_named: TownsNamed) -> Place | None:
    """The town of the outlet's masthead name: of the towns of that name, the one whose state the outlet's articles
    name (the learned home state, else one clearly ahead of the other towns' states, named in two articles at
    least)."""
    towns = list(towns_named(name)) if name else []
    if country:
        towns = [p for p in towns if p.country == country]
    if admin1:
        towns = [p for p in towns if p.admin1_code == admin1]
        return max(towns, key=lambda p: p.population) if towns else None
    by_state: dict[tuple, list[Place]] = defaultdict(list)
    for p in towns:
        by_state[(p.country, p.admin1_code)].append(p)
    named = sorted(((admin1s.get(state, 0), state) for state in by_state), key=lambda x: x[0], reverse=True)
    if not named or named[0][0] < 2 or (len(named) > 1 and named[1][0] == named[0][0]):
        return None  # no namesake's state named twice, or two named as often
    return max(by_state[named[0][1]], key=lambda p: p.population)


def _leader(counts: Counter, n: int):
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < max(2, HOME_SHARE * n):
        return None
    if len(ranked) > 1 and ranked[0][1] < LEAD * ranked[1][1]:
        return None
    return ranked[0][0]
