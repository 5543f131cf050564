"""Where an outlet is at home, learned from the batch it sends.

A local paper names its own state's towns without the state: "Alexandria" in the Town Talk is Alexandria,
Louisiana; in the Echo Press it is Alexandria, Minnesota. Neither article says so, but the outlet's other articles
do: two in five or more of them place something in one state, well ahead of any other. That state, found by a first
pass over the batch, backs readings in it in a second pass, as much as one more place named there.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..types import Document, Toponym

MIN_DOCUMENTS = 3  # fewer articles from one outlet tell nothing about where it is
HOME_SHARE = 0.4  # of the outlet's articles that must place something in its home unit
LEAD = 1.5  # the home must be named in this many times as many articles as the next unit
SUB_NATIONAL = ("city", "admin2", "admin1")


@dataclass(frozen=True, slots=True)
class Home:
    """An outlet's country (ISO3) and first-level unit in it (GeoNames admin1 code, "US.LA"; None when unclear)."""

    country: str | None = None
    admin1_code: str | None = None


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


def learn_homes(parsed: Iterable[tuple[Document, list[Toponym]]]) -> dict[str, Home]:
    """Each outlet's home from its documents' places: the country and the admin1 unit most of its articles place
    something in, by a clear lead over the rest. Outlets with too few articles or no clear home are left out.

    The readings are the first pass's, mistakes included: a state outside the outlet's clear country is taken for
    one ("Dublin" read as Ireland's in every story of an Ohio paper would make Leinster its home) and dropped."""
    docs: Counter = Counter()
    in_country: dict[str, Counter] = defaultdict(Counter)
    in_admin1: dict[str, Counter] = defaultdict(Counter)
    for doc, toponyms in parsed:
        outlet = outlet_of(doc)
        if outlet is None:
            continue
        docs[outlet] += 1
        named = [t for t in toponyms if t.kind == "literal" and t.place is not None]
        in_country[outlet].update({t.place.country for t in named if t.place.country})
        in_admin1[outlet].update({(t.place.country, t.place.admin1_code) for t in named
                                  if t.place.admin1_code and t.place.precision in SUB_NATIONAL})
    homes = {}
    for outlet, n in docs.items():
        if n < MIN_DOCUMENTS:
            continue
        country = _leader(in_country[outlet], n)
        unit = _leader(in_admin1[outlet], n)
        # A state outside the outlet's country, or in no clear country, is no home.
        admin1 = unit[1] if unit and country and unit[0] == country else None
        if country:
            homes[outlet] = Home(country, admin1)
    return homes


def _leader(counts: Counter, n: int):
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < max(2, HOME_SHARE * n):
        return None
    if len(ranked) > 1 and ranked[0][1] < LEAD * ranked[1][1]:
        return None
    return ranked[0][0]
