"""The cross-document merge: events from different articles that report the same real-world event become one.

    merge_across(new, existing=()) -> Assignment

Inputs are `Summary`s: the identity of one event (kind, actors' countries, place, date) taken from an in-document
`Event` (`summarize`) or from a stored event row (the store builds them). Each new summary, in a canonical order
(the (doc_id, offset) of its first mention), joins the best compatible cluster or founds its own. A summary is
compared with a cluster's *centre* (its founding event), never with the cluster's other members: a chain of weak
links cannot grow one giant event, and a stored cluster's centre never moves, so an incremental batch can be
matched against the store without recomputing it. A cluster keeps its founder's id, so ids stay stable. Two events
of one article, which the in-document merge kept apart, never meet again in one cluster.

Two articles that report one event together (joined by where it happened, a retold sentence or a named person)
tell the same news: there, a report that founded an event of its own has a second look at the other article's
events, and one country in one act of theirs vouches ("Russia will be invited" beside "Russia would be invited to
send an actor", both unplaced and dated by their articles).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from ..events.dating import period_end
from ..types import Event, Place
from .within import (CITY_RADIUS_KM, GENERIC_CAMEOS, INHERITED_DAYS, PLACE_RANK, SAME_PLACE_KM, TERRITORIAL,
                     VISITS, distance_km, person_names, stated_country)
from .wording import Story, band_keys, told_alike, wording

DAY_SLACK = 1  # two day-precise dates a day apart may be one event: "overnight", time zones, late reports
WIDE_DAYS = 8  # centres dated more coarsely than this are checked against every summary of their type
VAGUE_DATES = {"season", "quarter", "year", "decade"}  # too coarse to tell one attack in a town from the next


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
    names: frozenset[str] = frozenset()  # actors' canonical names that name someone ("Timur Ivanov"), not a state
    sentences: frozenset[str] = frozenset()  # keys of the sentences that report it (`sentence_key`)
    wordings: frozenset[frozenset[str]] = frozenset()  # those sentences' content words (`wording.wording`)
    story: Story | None = None  # its article's event sentences: which other articles retell the same story


@dataclass(slots=True)
class Assignment:
    """`cluster[key]` is the id of the event each summary belongs to (its own key when it founded one);
    `reasons[key]` says why a summary joined another's cluster (founders have none)."""

    cluster: dict[str, str] = field(default_factory=dict)
    reasons: dict[str, dict] = field(default_factory=dict)


def merge_across(new: Iterable[Summary], existing: Iterable[Summary] = ()) -> Assignment:
    """Assign each new summary to an existing or new cluster; the result does not depend on input order."""
    index = _Index()
    # The articles each cluster holds: a second event of one article never joins it, for the in-document merge
    # kept the two apart ("Meloni was in Kyiv", "Sánchez was in Kyiv" beside a third outlet's "leaders visiting
    # Kyiv"). A stored event's other articles are not needed: a batch never brings an article the store holds.
    held: dict[str, set[str]] = {}
    for s in sorted(existing, key=lambda s: s.order):
        index.add(s)
        held[s.key] = {s.order[0]}
    out = Assignment()
    links: list[tuple[str, str]] = []  # articles that report an event together (`_link`)
    founded: list[Summary] = []
    # Identical identities go where the first went (most repeated reports), with the same reasons.
    seen: dict[tuple, tuple[str, dict | None]] = {}
    for s in sorted(new, key=attrgetter("order", "key")):
        sig = _identity(s)
        hit = seen.get(sig)
        own = s.order[0]
        if hit is not None and own not in held[hit[0]] and _match(index.centres[hit[0]], s) is not None:
            key, why = hit
            if why is None:  # the first one founded the cluster
                why = compare(index.centres[key], s) or {}
                seen[sig] = (key, why)
            out.cluster[s.key] = key
            out.reasons[s.key] = why
            held[key].add(own)
            _link(links, index.centres[key], s)
            continue
        best, best_score = None, None
        ib = _days(s.date, s.precision) if s.date else None
        met: set[str] = set()
        met_add, match = met.add, _match  # local names: this loop runs millions of times
        # The same town first: a match there on the same day cannot be beaten, and spares the neighbourhood.
        for pools in (index.pools(s, exact=True), index.pools(s)):
            for pool in pools:
                for c in pool:
                    if c.key in met:
                        continue
                    met_add(c.key)
                    if own in held[c.key]:
                        continue
                    found = match(c, s, ib)
                    if found is None:
                        continue
                    score = (*found, c.order)
                    if best_score is None or score < best_score:
                        best, best_score = c, score
            if best_score is not None and best_score[0] == 0.0 and best_score[1] == 0:
                break
        if best is None:
            index.add(s)
            out.cluster[s.key] = s.key
            held[s.key] = {own}
            seen.setdefault(sig, (s.key, None))
            founded.append(s)
        else:
            out.cluster[s.key] = best.key
            out.reasons[s.key] = compare(best, s) or {}
            held[best.key].add(own)
            seen.setdefault(sig, (best.key, out.reasons[s.key]))
            _link(links, best, s)
    _second_look(founded, index, links, held, {k for k in index.centres if k not in out.cluster}, out)
    return out


def _link(links: list[tuple[str, str]], centre: Summary, s: Summary) -> None:
    """Record that the two articles report one event, when what joined them says so on its own: a place (not a
    whole country), a retold sentence, or one person named in one act. No place on either side links nothing."""
    rule = _place_rule(centre.place, s.place, *_place_kind(centre, s)) or _unsaid_place(centre, s)
    if rule is not None and (not rule[2] or rule[0] == "named"):
        links.append((centre.order[0], s.order[0]))


def _second_look(founded: list[Summary], index: _Index, links: list[tuple[str, str]], held: dict[str, set[str]],
                 stored: set[str], out: Assignment) -> None:
    """A report still alone in its event joins the best match among the events of the articles its own is linked to,
    now that all links are known (so the result does not depend on which of an article's reports came first): those
    founded before it, as in the first look, or stored (which stand where an in-memory run would have put the
    report's own). Stored centres stay put; a report that others joined stays a centre."""
    joined = {c for k, c in out.cluster.items() if k != c}  # centres that others joined
    alone = [s for s in founded if s.key not in joined]
    lonely = {s.order[0] for s in alone}
    linked: dict[str, set[str]] = {}
    for a, b in links:
        if a in lonely:
            linked.setdefault(a, set()).add(b)
        if b in lonely:
            linked.setdefault(b, set()).add(a)
    wanted = set().union(*linked.values()) if linked else set()
    by_article: dict[str, list[Summary]] = {}
    for c in index.centres.values():
        if c.order[0] in wanted:
            by_article.setdefault(c.order[0], []).append(c)
    moved: set[str] = set()
    for s in alone:  # in canonical order: no later report has joined s yet
        own = s.order[0]
        if not linked.get(own):
            continue
        best, best_score = None, None
        for doc in sorted(linked[own]):
            for c in by_article.get(doc, ()):
                if (c.order >= s.order and c.key not in stored) or c.key in moved or own in held[c.key]:
                    continue
                found = _match(c, s, linked=True)
                if found is not None and (best_score is None or (*found, c.order) < best_score):
                    best, best_score = c, (*found, c.order)
        if best is not None:
            moved.add(s.key)
            joined.add(best.key)
            out.cluster[s.key] = best.key
            out.reasons[s.key] = compare(best, s, linked=True) or {}
            held[best.key].add(own)


def summarize(event: Event, story: Story | None = None) -> Summary:
    """The identity of an in-document event; `story` is its article's (`summarize_all` gives each its own)."""
    first = min(event.mentions, key=lambda m: (m.evidence.doc_id, m.evidence.start))
    return Summary(
        key=event.event_id, order=(first.evidence.doc_id, first.evidence.start), event_type=event.event_type,
        cameo=event.cameo, mode=event.mode, acled_sub=event.acled[1] if event.acled else None,
        actor1=stated_country(event.actor1), actor2=stated_country(event.actor2),
        place=event.location, date=event.date, precision=event.date_precision,
        names=person_names(event.actor1 and event.actor1.name, event.actor2 and event.actor2.name),
        sentences=frozenset(k for m in event.mentions if (k := sentence_key(m.evidence.sentence))),
        wordings=frozenset(w for m in event.mentions if (w := wording(m.evidence.sentence))), story=story,
    )


def summarize_all(events: Sequence[Event]) -> dict[str, Summary]:
    """event_id -> its summary, with its article's story: the sentences of all that article's events' mentions."""
    said: dict[str, set[str]] = {}
    for e in events:
        for m in e.mentions:
            said.setdefault(m.evidence.doc_id, set()).add(m.evidence.sentence or "")
    told = {d: Story.of(d, s) for d, s in said.items()}
    return {e.event_id: summarize(e, told[e.mentions[0].evidence.doc_id]) for e in events}


_WORD = re.compile(r"\w+")
MIN_SHARED_WORDS = 8  # shorter sentences ("The attack was condemned.") recur in unrelated stories


def sentence_key(sentence: str | None) -> str | None:
    """The words of a sentence, case and punctuation aside, hashed: the same sentence republished by another
    outlet reports the same event, however vague it is about where and when."""
    words = _WORD.findall(sentence.lower()) if sentence else []
    if len(words) < MIN_SHARED_WORDS:
        return None
    return hashlib.blake2b(" ".join(words).encode(), digest_size=8).hexdigest()


def compare(centre: Summary, s: Summary, linked: bool = False) -> dict | None:
    """Why `s` reports the same event as `centre`, or None when something they say contradicts it (`linked`: their
    articles report another event together)."""
    if _match(centre, s, linked=linked) is None:
        return None
    rule, km, _weak = _place_rule(centre.place, s.place, *_place_kind(centre, s)) or _unsaid_place(centre, s)
    gap, window = _gap(centre, s)
    a, b = centre.place, s.place
    rule = _rule_words(rule, a, b, *_place_kind(centre, s))
    why = {
        "type": _kind(centre, s),
        "actors": f"same actor1 country {centre.actor1}" if centre.actor1 and centre.actor1 == s.actor1
        else "no actor contradicts",
        "place": {"rule": rule, "km": km, "precisions": [a.precision if a else None, b.precision if b else None]},
        "date": {"gap_days": gap, "window_days": window, "precisions": [centre.precision, s.precision],
                 "dates": [centre.date, s.date]},
    }
    if linked and not _vouched(centre, s):
        why["vouched"] = "their articles report another event together, and one side's country is the same"
    return why


_NEWS_DATES = ("day", "inherited")


def _vouched(a: Summary, b: Summary, linked: bool = False) -> bool:
    """Without a place that tells events apart: the same sentence (or one retold in another version of the story);
    with dates told to the day, the same actor's country (either role) or the same specific CAMEO that day; dated
    only by their articles, the same countries on both sides or the same person, or, in `linked` articles (which
    report another event together), one side's country in the same CAMEO; with vaguer dates the same person."""
    if _said(a, b):
        return True  # one sentence, republished or retold: one report of one event
    if a.precision not in _NEWS_DATES or b.precision not in _NEWS_DATES:
        # vague on where and on when ("the invasion", "the war in 2024"): only the same named person will do
        return bool(a.names & b.names)
    if linked and a.cameo == b.cameo and ((a.actor1 and a.actor1 == b.actor1) or (a.actor2 and a.actor2 == b.actor2)):
        return True
    if a.precision == b.precision == "day":
        return bool((a.actor1 and a.actor1 == b.actor1) or (a.actor2 and a.actor2 == b.actor2) or (
            a.cameo == b.cameo and a.cameo not in GENERIC_CAMEOS and a.date == b.date))
    # dated by an article: one side's country is any of that country's statements or strikes of those days
    return bool(a.actor1 and a.actor1 == b.actor1 and a.actor2 and a.actor2 == b.actor2) or bool(a.names & b.names)


def _said(a: Summary, b: Summary) -> bool:
    return bool(a.sentences & b.sentences) or told_alike(a.wordings, b.wordings, a.story, b.story)


def _unsaid_place(a: Summary, b: Summary) -> tuple[str, float | None, bool] | None:
    """Where the places alone part two reports, what else may still join them: one sentence retold (`_told_place`),
    or, when only one report says where, one person named by both in one specific act told to the day ("Putin
    will not be invited", "... to the Normandy commemoration"); `_match` then wants something to vouch too."""
    if a.story is not None and b.story is not None and _said(a, b):
        return _told_place(a.place, b.place)
    if (a.place is None) != (b.place is None) and a.names & b.names and a.cameo == b.cameo \
            and a.cameo not in GENERIC_CAMEOS and {a.precision, b.precision} <= {"day", "inherited"}:
        return "named", None, True
    return None


def _told_place(a: Place | None, b: Place | None) -> tuple[str, float | None, bool] | None:
    """Places that do not contradict one event told in one sentence, republished or retold in another version of
    the story: one article placed it from its own context ("in Ukraine", its dateline), the other did not."""
    if a is None or b is None:
        return "told", None, False
    if a.country and b.country and a.country != b.country:
        return None
    if min(PLACE_RANK.get(a.precision, 0), PLACE_RANK.get(b.precision, 0)) >= PLACE_RANK["admin1"]:
        return None  # two places each precise in its own right, and _place_rule found them apart
    return "told", None, False


def _place_kind(a: Summary, b: Summary) -> tuple[bool, bool]:
    """(territorial, visit): whether the place is the event's identity, wholly (a place taken) or to the town (a
    visit, which a country or province it lies in still holds)."""
    return a.event_type in TERRITORIAL, a.cameo in VISITS or b.cameo in VISITS


def _rule_words(rule: str, a: Place | None, b: Place | None, territorial: bool, visit: bool = False) -> str:
    if rule == "unknown":
        return "unknown on both sides"
    if rule == "told":
        return "one sentence, republished or retold; no place contradicts"
    if rule == "named":
        return "placed by one report only; both name the same person"
    if rule == "same":
        return f"same place {a.name}"
    if rule == "inside":
        coarse, fine = (a, b) if a.precision == "admin1" else (b, a)
        return f"{fine.name} is inside {coarse.name}"
    return f"within {_limit(a, b, territorial, visit):g} km"


def _match(a: Summary, b: Summary, ib: tuple[int, int] | None = None, linked: bool = False) -> tuple[float, int] | None:
    """(km, days apart) when nothing the two say contradicts one event, else None: `compare` without the words,
    cheap enough to run on every candidate (`ib`: b's period as day ordinals, when the caller has it; `linked`:
    their articles report another event together)."""
    if a.order[0] == b.order[0]:
        return None  # one article's events were merged by the in-document stage, which knows the article better
    if a.event_type != b.event_type or (a.event_type == "COERCE" and a.mode != b.mode) or (
            a.cameo != b.cameo and a.cameo not in GENERIC_CAMEOS and b.cameo not in GENERIC_CAMEOS):
        if a.acled_sub is None or a.acled_sub != b.acled_sub:  # the same test as _kind's, without the words
            return None
    if (a.actor1 and b.actor1 and a.actor1 != b.actor1) or (a.actor2 and b.actor2 and a.actor2 != b.actor2):
        return None
    place = _place_rule(a.place, b.place, *_place_kind(a, b)) or _unsaid_place(a, b)
    if place is None or (place[2] and not _vouched(a, b, linked)):
        return None  # no place, or only a country: something else specific must vouch for the identity
    if (a.precision in VAGUE_DATES or b.precision in VAGUE_DATES) and a.event_type not in TERRITORIAL \
            and not (_said(a, b) or a.names & b.names):
        return None  # "killed last year in Kyiv" fits every killing in Kyiv that year; a place taken is taken once
    ia = _days(a.date, a.precision) if a.date else None
    ib = ib or (_days(b.date, b.precision) if b.date else None)
    if (ia is None) != (ib is None):
        return None  # an article with no date says nothing of when: its reports meet only other undated ones
    if ia is None or ib is None:
        return place[1] or 0.0, 0
    gap = max(0, ib[0] - ia[1], ia[0] - ib[1])
    if gap > (DAY_SLACK if a.precision == b.precision == "day" else 0):
        return None
    return place[1] or 0.0, gap


def _identity(s: Summary) -> tuple:
    p = s.place
    return (s.event_type, s.cameo, s.mode, s.acled_sub, s.actor1, s.actor2, p.geonameid if p else None,
            p.name if p else None, s.date, s.precision, s.names)


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


def _place_rule(a: Place | None, b: Place | None, territorial: bool,
                visit: bool = False) -> tuple[str, float | None, bool] | None:
    """(rule, km, weak) when the two places can be one event's, else None; rule is unknown, same, inside or
    within (`_rule_words` says it). Weak: no place, or only a country."""
    if a is None or b is None:
        # a placed event and an unplaced one: nothing to say they are the same
        return ("unknown", None, True) if a is None and b is None else None
    if a.geonameid is not None and a.geonameid == b.geonameid:
        # "in Ukraine" is the same place for every event of the war: it does not tell events apart.
        return "same", 0.0, a.precision in ("country", "region")
    if a.country and b.country and a.country != b.country:
        return None
    located = a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    if located and a.precision == b.precision == "city" and (abs(a.lat - b.lat) > 0.25 or abs(a.lon - b.lon) > 0.5):
        return None  # over 25 km apart (below 60°N): not the same town, and no need to measure
    km = round(distance_km(a.lat, a.lon, b.lat, b.lon), 1) if located else None
    coarse, fine = (a, b) if PLACE_RANK.get(a.precision, 0) <= PLACE_RANK.get(b.precision, 0) else (b, a)
    if not territorial and coarse.precision == "admin1" and fine.precision in ("city", "admin2"):
        inside = (coarse.admin1_code and coarse.admin1_code == fine.admin1_code) or (
            coarse.admin1 and coarse.admin1 == fine.admin1)
        return ("inside", km, False) if inside else None
    if coarse.precision in ("country", "region") or km is None:
        return None  # "in Ukraine" does not place an event well enough to join it with another
    return ("within", km, False) if km <= _limit(a, b, territorial, visit) else None


def _limit(a: Place, b: Place, territorial: bool, visit: bool) -> float:
    if territorial or visit:
        return SAME_PLACE_KM
    return min(CITY_RADIUS_KM.get(a.precision, 25.0), CITY_RADIUS_KM.get(b.precision, 25.0))


def _interval(s: Summary) -> tuple[dt.date, dt.date] | None:
    return _period(s.date, s.precision) if s.date else None


@lru_cache(maxsize=65536)
def _period(day: str, precision: str) -> tuple[dt.date, dt.date]:
    start = dt.date.fromisoformat(day)
    if precision in ("inherited", "unknown"):
        return start - dt.timedelta(days=INHERITED_DAYS), start
    return start, period_end(start, precision)


@lru_cache(maxsize=65536)
def _days(day: str, precision: str) -> tuple[int, int]:
    lo, hi = _period(day, precision)
    return lo.toordinal(), hi.toordinal()


def _gap(a: Summary, b: Summary) -> tuple[int, int | None] | None:
    """(days between the two dates' periods, days allowed) when they fit one event, else None."""
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return 0, None
    gap = max(0, (ib[0] - ia[1]).days, (ia[0] - ib[1]).days)
    window = DAY_SLACK if a.precision == b.precision == "day" else 0
    return (gap, window) if gap <= window else None


CELL_LAT, CELL_LON = 0.25, 0.4  # degrees: over 25 km each way (to 50°N), so the 2x2 cells nearest a point hold
# every point within 25 km of it


def _areas(p: Place | None) -> tuple[list[tuple], list[tuple]]:
    """(keys a centre at this place is filed under, keys a summary at this place looks up). A city is filed by
    map cell and by province; it looks at its cell's neighbourhood and at its province's own centres. Events
    further apart than that cannot be one event, so they never meet."""
    if p is None:
        return [("weak",)], [("weak",)]
    return _areas_of(p.precision, p.country, p.admin1, p.geonameid, p.name, p.lat, p.lon)


@lru_cache(maxsize=200_000)
def _areas_of(precision: str, country: str | None, admin1: str | None, geonameid: int | None, name: str,
              lat: float | None, lon: float | None) -> tuple[list[tuple], list[tuple]]:
    p = Place(geonameid, name, "", country, admin1, lat, lon, precision)
    if p.precision == "admin1":
        return [("adm", p.country, p.admin1)], [("adm", p.country, p.admin1), ("in", p.country, p.admin1)]
    if p.precision in ("country", "region") or p.lat is None or p.lon is None:
        weak = p.precision in ("country", "region")  # then only something else vouches (`_vouched`)
        key = ("weak" if weak else "geo", p.geonameid, p.name)
        return [key], [key]
    y, x = p.lat / CELL_LAT, p.lon / CELL_LON
    i, j = int(y // 1), int(x // 1)
    if p.precision == "city":  # the 2x2 block around the nearest cell corner
        di, dj = (0, 1) if y - i >= 0.5 else (-1, 0), (0, 1) if x - j >= 0.5 else (-1, 0)
        near = [("cell", i + a, j + b) for a in di for b in dj]
    else:  # an admin2 place reaches 60 km
        near = [("cell", i + a, j + b) for a in range(-3, 4) for b in range(-3, 4)]
    filed = [("cell", i, j), ("in", p.country, p.admin1)]
    if precision == "city" and geonameid is not None:
        filed.append(("gid", geonameid))
    return filed, [*near, ("adm", p.country, p.admin1)]


def _vouching(areas: list[tuple], s: Summary) -> list[tuple]:
    """Areas that do not tell events apart (no place, a country) are split by what could vouch instead (`_vouched`):
    an unplaced report then meets only those it could join, not every unplaced report of the day."""
    if not areas or areas[0][0] != "weak":
        return areas
    keys: list[tuple] = [("name", n) for n in sorted(s.names)] + [("said", k) for k in sorted(s.sentences)]
    if s.precision in _NEWS_DATES:
        if s.actor1:
            keys.append(("a1", s.actor1))
        if s.actor2:
            keys.append(("a2", s.actor2))
        if s.cameo not in GENERIC_CAMEOS and s.precision == "day":
            keys.append(("cd", s.cameo, s.date))
    return [(*areas[0], *k) for k in keys]


def _told(s: Summary) -> list[tuple]:
    """Areas by wording, whatever the place: a sentence retold in another version of the story may be placed in
    one article and not in the other (`_told_place`)."""
    if s.story is None:
        return []
    return sorted({("told", *k) for w in s.wordings for k in band_keys(w)})


def _named(s: Summary) -> list[tuple]:
    """A placed summary is also filed where unplaced ones naming its people are (`_unsaid_place`)."""
    return [("weak", "name", n) for n in sorted(s.names)] if s.place is not None else []


def _families(s: Summary) -> tuple:
    """The kinds a summary is filed and looked up under: its PLOVER type and, where that sub-type spans several
    PLOVER types, its ACLED sub-type (either may match)."""
    return _families_of(s.event_type, s.acled_sub)


@lru_cache(maxsize=4096)
def _families_of(event_type: str, acled_sub: str | None) -> tuple:
    if acled_sub and _SUB_TYPES.get(acled_sub, {event_type}) != {event_type}:
        return (event_type, ("acled", acled_sub))
    return (event_type,)


def _sub_types() -> dict[str, set[str]]:
    from ..events.kinds import KINDS

    out: dict[str, set[str]] = {}
    for k in KINDS.values():
        if k.acled:
            out.setdefault(k.acled[1], set()).add(k.plover)
    return out


_SUB_TYPES = _sub_types()  # ACLED sub-type -> the PLOVER types coded with it (a constant of the taxonomy)


class _Index:
    """Cluster centres by (type, area, day), so a summary meets only centres of its kind, area and dates."""

    def __init__(self) -> None:
        self.centres: dict[str, Summary] = {}
        # (kind, area) -> (centres dated coarsely or not at all, {day: centres})
        self.buckets: dict[tuple, tuple[list[Summary], dict[int, list[Summary]]]] = {}

    def add(self, s: Summary) -> None:
        self.centres[s.key] = s
        filed, _ = _areas(s.place)
        iv = _interval(s)
        for kind in _families(s):
            for area in [*_vouching(filed, s), *_told(s), *_named(s)]:
                wide, days = self.buckets.setdefault((kind, area), ([], {}))
                if iv is None or (iv[1] - iv[0]).days > WIDE_DAYS:
                    wide.append(s)
                    continue
                for d in range(iv[0].toordinal(), iv[1].toordinal() + 1):
                    days.setdefault(d, []).append(s)

    def pools(self, s: Summary, exact: bool = False) -> list[list[Summary]]:
        """Lists of centres that could be the same event (a centre may be in several; the caller skips repeats);
        with `exact`, only those at the very same town."""
        if exact:
            p = s.place
            if p is None or p.precision != "city" or p.geonameid is None:
                return []
            look = [("gid", p.geonameid)]
        else:
            _, look = _areas(s.place)
        iv = _interval(s)
        days = range(iv[0].toordinal() - DAY_SLACK, iv[1].toordinal() + DAY_SLACK + 1) if iv else ()
        out: list[list[Summary]] = []
        for t in _families(s):
            for area in [*_vouching(look, s), *(() if exact else (*_told(s), *_named(s)))]:
                bucket = self.buckets.get((t, area))
                if bucket is None:
                    continue
                if bucket[0]:
                    out.append(bucket[0])
                by_day = bucket[1]
                for d in days:  # an undated summary meets only the undated and coarsely dated centres
                    pool = by_day.get(d)
                    if pool:
                        out.append(pool)
        return out
