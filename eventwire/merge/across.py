"""The cross-document merge: events from different articles that report the same real-world event become one.

    merge_across(new, existing=()) -> Assignment

Inputs are `Summary`s: the identity of one event (kind, actors' countries, place, date) taken from an in-document
`Event` (`summarize`) or from a stored event row (the store builds them). Each new summary, in a canonical order
(the (doc_id, offset) of its first mention), joins the best compatible cluster or founds its own. A summary is
compared with a cluster's *centre* (its founding event), never with the cluster's other members: a chain of weak
links cannot grow one giant event, and a stored cluster's centre never moves, so an incremental batch can be
matched against the store without recomputing it. A cluster keeps its founder's id, so ids stay stable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..types import Event, Place
from .within import CITY_RADIUS_KM, GENERIC_CAMEOS, PLACE_RANK, TERRITORIAL, distance_km, period_end

DAY_SLACK = 1  # two day-precise dates a day apart may be one event: "overnight", time zones, late reports
INHERITED_DAYS = 3  # an event dated only by its article happened within this many days before publication
WIDE_DAYS = 8  # centres dated more coarsely than this are checked against every summary of their type


@dataclass(frozen=True, slots=True)
class Summary:
    """What cross-document merging compares. `order` is the canonical key: (doc_id, start) of the first mention."""

    key: str
    order: tuple[str, int]
    event_type: str
    cameo: str
    mode: str | None = None
    acled_sub: str | None = None
    actor1: str | None = None  # ISO3 country of actor 1
    actor2: str | None = None
    place: Place | None = None
    date: str | None = None
    precision: str = "unknown"  # day, week, month, ... or "inherited" (the article's date)


@dataclass(slots=True)
class Assignment:
    """`cluster[key]` is the id of the event each summary belongs to (its own key when it founded one);
    `reasons[key]` says why it joined (empty for founders)."""

    cluster: dict[str, str] = field(default_factory=dict)
    reasons: dict[str, dict] = field(default_factory=dict)


def merge_across(new: Iterable[Summary], existing: Iterable[Summary] = ()) -> Assignment:
    """Assign each new summary to an existing or new cluster; the result does not depend on input order."""
    index = _Index()
    for s in sorted(existing, key=lambda s: s.order):
        index.add(s)
    out = Assignment()
    seen: dict[tuple, str] = {}  # identical identities go where the first went (most repeated reports)
    for s in sorted(new, key=lambda s: (s.order, s.key)):
        sig = _identity(s)
        if sig in seen:
            centre = index.centres[seen[sig]]
            out.cluster[s.key] = centre.key
            out.reasons[s.key] = (compare(centre, s) or {}) if centre.key != s.key else {}
            continue
        best, best_score, best_why = None, None, None
        for c in index.candidates(s):
            why = compare(c, s)
            if why is None:
                continue
            score = (why["place"].get("km") or 0.0, why["date"]["gap_days"], c.order)
            if best_score is None or score < best_score:
                best, best_score, best_why = c, score, why
        if best is None:
            index.add(s)
            out.cluster[s.key] = s.key
            out.reasons[s.key] = {}
        else:
            out.cluster[s.key] = best.key
            out.reasons[s.key] = best_why
        seen[sig] = out.cluster[s.key]
    return out


def summarize(event: Event) -> Summary:
    """The identity of an in-document event."""
    first = min(event.mentions, key=lambda m: (m.evidence.doc_id, m.evidence.start))
    return Summary(
        key=event.event_id, order=(first.evidence.doc_id, first.evidence.start), event_type=event.event_type,
        cameo=event.cameo, mode=event.mode, acled_sub=event.acled[1] if event.acled else None,
        actor1=event.actor1.country if event.actor1 else None, actor2=event.actor2.country if event.actor2 else None,
        place=event.location, date=event.date, precision=event.date_precision,
    )


def compare(centre: Summary, s: Summary) -> dict | None:
    """Why `s` reports the same event as `centre`, or None when something they say contradicts it."""
    kind = _kind(centre, s)
    if kind is None:
        return None
    actors = _actors(centre, s)
    if actors is None:
        return None
    place = _place(centre.place, s.place, territorial=centre.event_type in TERRITORIAL)
    if place is None or (place["weak"] and not actors.startswith("same")):
        return None  # no place, or only a country: only the same actor can vouch for the identity
    date = _date(centre, s)
    if date is None:
        return None
    return {"type": kind, "actors": actors, "place": place, "date": date}


def _identity(s: Summary) -> tuple:
    p = s.place
    return (s.event_type, s.cameo, s.mode, s.acled_sub, s.actor1, s.actor2, p.geonameid if p else None,
            p.name if p else None, s.date, s.precision)


def _kind(a: Summary, b: Summary) -> str | None:
    same_acled = a.acled_sub is not None and a.acled_sub == b.acled_sub
    if a.event_type != b.event_type or (a.event_type == "COERCE" and a.mode != b.mode):
        return f"same ACLED sub-type {a.acled_sub}" if same_acled else None
    if a.cameo == b.cameo:
        return f"same PLOVER type {a.event_type}, CAMEO {a.cameo}"
    if a.cameo in GENERIC_CAMEOS or b.cameo in GENERIC_CAMEOS:
        return f"same PLOVER type {a.event_type}, CAMEO {a.cameo}~{b.cameo} (one generic)"
    if same_acled:
        return f"same PLOVER type {a.event_type}, same ACLED sub-type {a.acled_sub}"
    return None  # an air strike and an armed clash are two events, even on the same day and place


def _actors(a: Summary, b: Summary) -> str | None:
    for x, y in ((a.actor1, b.actor1), (a.actor2, b.actor2)):
        if x and y and x != y:
            return None
    if a.actor1 and a.actor1 == b.actor1:
        return f"same actor1 country {a.actor1}"
    return "no actor contradicts"


def _place(a: Place | None, b: Place | None, territorial: bool) -> dict | None:
    if a is None or b is None:
        return {"rule": "unknown", "km": None, "weak": True,
                "precisions": [a.precision if a else None, b.precision if b else None]}
    precisions = [a.precision, b.precision]
    km = (round(distance_km(a.lat, a.lon, b.lat, b.lon), 1) if None not in (a.lat, a.lon, b.lat, b.lon) else None)
    if a.geonameid is not None and a.geonameid == b.geonameid:
        # "in Ukraine" is the same place for every event of the war: it does not tell events apart.
        return {"rule": f"same place {a.name}", "km": 0.0, "precisions": precisions,
                "weak": a.precision in ("country", "region")}
    if a.country and b.country and a.country != b.country:
        return None
    coarse, fine = sorted((a, b), key=lambda p: PLACE_RANK.get(p.precision, 0))
    if not territorial and coarse.precision == "admin1" and fine.precision in ("city", "admin2"):
        inside = (coarse.admin1_code and coarse.admin1_code == fine.admin1_code) or (
            coarse.admin1 and coarse.admin1 == fine.admin1)
        if inside:
            return {"rule": f"{fine.name} is inside {coarse.name}", "km": km, "precisions": precisions, "weak": False}
        return None
    if coarse.precision in ("country", "region") or km is None:
        return None  # "in Ukraine" does not place an event well enough to join it with another
    limit = 10.0 if territorial else min(CITY_RADIUS_KM.get(a.precision, 25.0), CITY_RADIUS_KM.get(b.precision, 25.0))
    if km <= limit:
        return {"rule": f"within {limit:g} km", "km": km, "precisions": precisions, "weak": False}
    return None


def _interval(s: Summary) -> tuple[dt.date, dt.date] | None:
    if not s.date:
        return None
    start = dt.date.fromisoformat(s.date)
    if s.precision in ("inherited", "unknown"):
        return start - dt.timedelta(days=INHERITED_DAYS), start
    return start, period_end(start, s.precision)


def _date(a: Summary, b: Summary) -> dict | None:
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return {"gap_days": 0, "window_days": None, "precisions": [a.precision, b.precision]}
    gap = max(0, (ib[0] - ia[1]).days, (ia[0] - ib[1]).days)
    window = DAY_SLACK if a.precision == b.precision == "day" else 0
    if gap > window:
        return None
    return {"gap_days": gap, "window_days": window, "precisions": [a.precision, b.precision],
            "dates": [a.date, b.date]}


class _Index:
    """Cluster centres by (type, day) so a summary meets only centres of its kind within its date window."""

    def __init__(self) -> None:
        self.centres: dict[str, Summary] = {}
        self.by_day: dict[tuple[str, int], list[Summary]] = {}
        self.wide: dict[str, list[Summary]] = {}  # coarsely dated or undated centres
        self.types: set[str] = set()

    def add(self, s: Summary) -> None:
        self.centres[s.key] = s
        self.types.add(s.event_type)
        iv = _interval(s)
        if iv is None or (iv[1] - iv[0]).days > WIDE_DAYS:
            self.wide.setdefault(s.event_type, []).append(s)
            return
        for d in range(iv[0].toordinal(), iv[1].toordinal() + 1):
            self.by_day.setdefault((s.event_type, d), []).append(s)

    def candidates(self, s: Summary) -> Sequence[Summary]:
        # An ACLED sub-type may match across PLOVER types, so those look at every type.
        kinds = {s.event_type} if s.acled_sub is None else self.types
        out: dict[str, Summary] = {}
        for t in kinds:
            for c in self.wide.get(t, ()):
                out[c.key] = c
        iv = _interval(s)
        pools: list = []
        if iv is not None:  # an undated summary meets only the undated and coarsely dated centres
            days = range(iv[0].toordinal() - DAY_SLACK, iv[1].toordinal() + DAY_SLACK + 1)
            pools = [self.by_day.get((t, d), ()) for t in kinds for d in days]
        for pool in pools:
            for c in pool:
                out[c.key] = c
        return sorted(out.values(), key=lambda c: c.order)
