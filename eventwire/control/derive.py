"""Control changes from events: who gains a place, from when, on whose word.

Rules (each one a fact about how control is reported, none tuned to an article):

- Kinds that move control: a capture or regain (CAMEO 192, PLOVER COERCE/seize; ACLED "Non-state actor overtakes
  territory", "Government regains territory"), a handover (ACLED "Non-violent transfer of territory") — the place
  goes to actor1's side — and a withdrawal (CAMEO 0874, PLOVER RETREAT): the place goes to the side the withdrawing
  side fought in the same document (the other side most named in its fighting events), else the change is dropped.
- Places: settlements and admin2 units change with their own events; a settlement the gazetteer lacks, named with
  its type word next to the trigger ("took control of the settlement of Soloviove in the Donetsk region"), changes
  by name within its region, without a point. An admin1 (oblast, province) changes only when
  an event's own place is the admin1 and one of its sentences says it fell whole ("liberated", "annexed", "fully",
  "completed", "entire", and no "part of") — a city taken inside a region never changes the region by itself — or
  when the region's last bastion / stronghold fell (the event at that city then also changes its region). The
  region's own reports then support the bastion's change too, since the two are one fact.
- Ground around a place ("the suburbs of Kyiv", "the outskirts of X") is not the place: such a sentence is no
  evidence of the place changing hands.
- Words of holding, not of change ("occupied", "occupation") say who holds a place but not when it changed hands:
  their sentences are no evidence of a change, and an event told only with them is none. The place must be named
  near the trigger (a few words after it, fewer before) in at least one sentence, and as a place: "equipment
  captured from Kyiv forces" names an actor, not Kyiv.
- A change of hands needs two sides: the losing side is actor2's, else the state of the place's country when the
  gaining side is foreign to it, else the side the document sets against the gaining side; when none can be told,
  the event is no change, unless a state retakes its own ground ("Izyum, recently liberated by Ukrainian troops"):
  that stands, from an unnamed side. Civilians, the press, aid groups and countries guessed from the setting are
  no side.
- A report cannot precede what it reports: sentences published before the change's date are no evidence of it
  (the date was misread).
- Planned events are not changes; denied ones are kept with status "denied" beside the others, never in the state.
- A report that gives the change no date of its own is dated by its publication, with precision "by": the change
  happened on or before that day, often long before ("the recapture of Kherson" in a story months later). It is
  evidence for the same side's latest earlier change of that place when there is one, not a change of its own.
- Reports of one place going to one side within a week (or within the coarser period of a week- or month-dated
  report) are one change, dated by the most precise report (the earliest among equals).
- Status: "corroborated" when the losing side's word or withdrawal meets another voice, or when two sources report
  it independently; "claimed" when only the gaining side says so; "reported" otherwise.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from eventwire.control.model import ControlChange, ControlEvidence
from eventwire.control.sides import side_of
from eventwire.control.timeline import normalise_name
from eventwire.types import Event, EventMention, Place

CAPTURE_CAMEO = "192"
RETREAT_CAMEO = "0874"
TRANSFER_ACLED = "Non-violent transfer of territory"

# A region fell whole (said of an event whose place is the admin1).
WHOLE = re.compile(
    r"\b(liberat\w*|annex\w*|fully|entire(ly)?|whole|all of|complet\w*|total control|full control|last (remaining )?"
    r"(bastion|stronghold|holdout|city|town|foothold))\b", re.I)
# ... unless the sentence says only part of it fell ("liberated a significant part of the oblast").
PARTIAL = re.compile(r"\b(parts?|partial(ly)?|partly|some|most|much|half|areas|pockets|villages|settlements) of\b|"
                     r"\bpartial(ly)?\b", re.I)
# The place was the region's last stronghold (said of a city).
LAST_BASTION = re.compile(r"\blast (remaining |major )?(bastion|stronghold|holdout|foothold|pocket|"
                          r"(\w+-held )?(city|town))\b", re.I)
# "the settlement of X", "villages of X": a settlement named with its type word.
UNLISTED = re.compile(r"\b(settlements?|villages?|towns?|hamlets?) of ([A-Z][\w'’]+(?:-[A-Z]?[\w'’]+)?)")
# A state taking back its own ground: the change stands even when the text does not say from whom.
REGAIN = re.compile(r"(liberat|recaptur|retak|retook|regain|reclaim|win back|won back)", re.I)
# Words that put a sentence in someone's mouth.
SPEECH = re.compile(r"\b(said|says|told|tells|claim(s|ed)?|announc\w+|declar\w+|stated|according to|"
                    r"congratulat\w+|confirm\w*|admitt?\w*|acknowledg\w+|report(s|ed)? that)\b", re.I)
# Quoted wording that belongs to the side that uses it ("liberated" in scare quotes).
QUOTED_CLAIM = re.compile(r"[\"“‘']\s*liberat\w*\s*[\"”’']", re.I)
# Speakers who are always one side's voice (state names, capitals, leaders' usual names).
SPEAKERS: dict[str, str] = {
    "russia": "RUS", "russian": "RUS", "moscow": "RUS", "kremlin": "RUS", "putin": "RUS", "shoigu": "RUS",
    "peskov": "RUS", "konashenkov": "RUS", "gerasimov": "RUS",
    "ukraine": "UKR", "ukrainian": "UKR", "kyiv": "UKR", "kiev": "UKR", "zelensky": "UKR", "zelenskyy": "UKR",
    "zelenskiy": "UKR", "zaluzhnyi": "UKR", "syrskyi": "UKR", "haidai": "UKR", "gaidai": "UKR",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
# Triggers that describe holding rather than taking.
HOLDING = re.compile(r"^(occup\w*|under (\w+ )?control)$", re.I)
# The place within a few words of the trigger: after it ("took control of the neighbouring city of Severodonetsk")
# or, closer, before it ("Lysychansk fell"), or as the name a settlement noun stands for ("Izyum, a town recently
# liberated by").
NEAR_AFTER, NEAR_BEFORE = 50, 20
PRECISION_RANK = {"day": 5, "inherited": 4, "week": 3, "month": 2, "season": 1, "quarter": 1, "year": 0}
PERIOD_DAYS = {"week": 7, "month": 31, "season": 92, "quarter": 92, "year": 366}
WINDOW_DAYS = 7
STATUS_FACTOR = {"denied": 0.3, "claimed": 0.6, "reported": 0.8, "corroborated": 1.0}


@dataclass(slots=True)
class _Candidate:
    """One event's word that one place went to one side."""

    event: Event
    place_key: str
    place: Place | None
    level: str
    side: str
    from_side: str | None
    rule: str
    denied: bool
    day: date
    precision: str
    scope: str = "place"
    via: str | None = None  # for a last-bastion region change: the bastion's place key
    evidence: list[ControlEvidence] = field(default_factory=list)


def derive_control(events: Iterable[Event]) -> list[ControlChange]:
    """Every change of control the events support, sorted by place then date. Deterministic: the same events give
    the same changes and ids."""
    events = list(events)
    by_doc: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        for d in {m.evidence.doc_id for m in e.mentions}:
            by_doc[d].append(e)
    candidates = [c for e in events for c in _candidates(e, by_doc)]
    regions = _region_places(events)
    changes = [_change(group, regions) for group in _clusters(candidates)]
    changes = _share_region_evidence(changes, candidates)
    return _mark_conflicts(sorted(changes, key=lambda c: (c.place_key, c.date, c.side)))


# -- candidates -----------------------------------------------------------------------------------------------------


def _kind(e: Event) -> str | None:
    if (e.acled or (None, None))[1] == TRANSFER_ACLED:
        return "transfer"
    if e.cameo == CAPTURE_CAMEO:
        return "capture"
    if e.cameo == RETREAT_CAMEO:
        return "withdrawal"
    return None


def _level(place: Place | None) -> str | None:
    if place is None or (place.geonameid is None and place.precision != "admin1"):
        return None
    return {"city": "settlement", "admin2": "admin2", "admin1": "admin1"}.get(place.precision)


def _parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _candidates(e: Event, by_doc: dict[str, list[Event]]) -> list[_Candidate]:
    kind = _kind(e)
    level = _level(e.location)
    day = _parse_day(e.date)
    if kind is None or level is None or day is None or e.status == "planned" or e.date_precision == "unknown":
        return []
    place = e.location
    changing = [m for m in e.mentions if not HOLDING.match(m.trigger.strip())
                and (m.evidence.published is None or m.evidence.published >= day)]  # no report before the fact
    if not any(_named_near_trigger(m, e, place) for m in changing):
        return []
    country = place.country
    docs = sorted({m.evidence.doc_id for m in e.mentions})
    if kind == "withdrawal":
        loser = side_of(e.actor1, place_country=country)
        gainer = _opponent(loser, [x for d in docs for x in by_doc[d]], country) if loser else None
    else:
        gainer = side_of(e.actor1, place_country=country)
        loser = side_of(e.actor2, place_country=country)
        if loser is None and gainer is not None and country and country != gainer:
            loser = country  # taken inside a country by another side: taken from that country's state
        if gainer is None and loser is not None:
            gainer = _opponent(loser, [x for d in docs for x in by_doc[d]], country)
        if loser is None:
            loser = _opponent(gainer, [x for d in docs for x in by_doc[d]], country) if gainer else None
    regained = gainer is not None and gainer == country and any(REGAIN.match(m.trigger) for m in changing)
    if gainer is None or gainer == loser or (loser is None and not regained):  # a change of hands needs two sides
        return []
    sentences = [m.evidence.sentence for m in changing]
    base = dict(event=e, side=gainer, from_side=loser, denied=e.status == "denied", day=day,
                precision=e.date_precision)
    out: list[_Candidate] = []
    if level == "admin1":
        # A village the gazetteer lacks, placed only by its region ("took control of the settlement of Soloviove
        # in the Donetsk region"): the village changes hands, known by name within its region.
        for village in _unlisted_settlements(changing, place):
            out.append(_Candidate(place_key=_named_key(village), place=village, level="settlement", rule=kind,
                                  **base))
        # A whole region changing hands, dated only by the article that mentions it ("the annexation of Crimea"
        # in a 2022 story), is a reference to the past, not a report of the change.
        if e.date_precision != "inherited" and any(WHOLE.search(s) and not PARTIAL.search(s) for s in sentences):
            out.append(_Candidate(place_key=_key(place), place=place, level="admin1", rule="region", **base))
    else:
        out.append(_Candidate(place_key=_key(place), place=place, level=level, rule=kind, **base))
        if place.admin1 and any(LAST_BASTION.search(s) for s in sentences):
            out.append(_Candidate(place_key=_region_key(place.country, place.admin1), place=None, level="admin1",
                                  rule="last-bastion", scope="bastion", via=_key(place), **base))
    for c in out:
        c.evidence = [_evidence(m, e, c, kind, by_doc) for m in changing]
    return out


def _named_near_trigger(m: EventMention, e: Event, place: Place) -> bool:
    """Does this mention's sentence name the place within a few words of its trigger?"""
    names = {n.lower() for n in (e.location_text, place.name, place.admin1 if place.precision == "admin1" else None)
             if n and len(n) > 2}
    ev = m.evidence
    at, end = ev.start - ev.sentence_start, ev.end - ev.sentence_start
    # The name must start in the window, however long it is ("... of the town of Staromaiorske").
    window = ev.sentence[max(0, at - NEAR_BEFORE):end + NEAR_AFTER + max(map(len, names), default=0)].lower()
    if any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])(?!\W+{_ACTOR_NOUNS})", window)
           and not re.search(rf"{_PERIPHERY} of (the (city |town )?of )?{re.escape(n)}", window) for n in names):
        return True
    before = ev.sentence[:at].lower()
    return any(re.search(rf"(?<![\w-]){re.escape(n)}, (a|the) ([\w-]+ ){{0,2}}{_SETTLEMENT_NOUNS}( [\w-]+){{0,2}} $",
                         before) for n in names)


_SETTLEMENT_NOUNS = r"(town|city|village|settlement|port|hub|stronghold)"
# Ground around a place is not the place: "retreat from the western suburbs of Kyiv" leaves Kyiv as it was.
_PERIPHERY = r"(suburbs?|outskirts|environs|approaches|edges?|vicinity|area around)"
# A place name used for its government or army ("Kyiv forces", "Moscow officials") names an actor, not the place.
_ACTOR_NOUNS = r"(forces|troops|army|government|authorities|officials|regime|military)\b"


def _unlisted_settlements(mentions: list[EventMention], region: Place) -> list[Place]:
    """Settlements named right after the trigger with their type word ("the settlements of Soloviove", "the village
    of X") that the event could not place below its region: places without a point, known by name."""
    out: dict[str, Place] = {}
    for m in mentions:
        ev = m.evidence
        end = ev.end - ev.sentence_start
        for hit in UNLISTED.finditer(ev.sentence[end:end + 2 * NEAR_AFTER]):
            name = hit.group(2)
            if hit.start() > NEAR_AFTER or name.lower() in {(region.admin1 or "").lower(), region.name.lower()}:
                continue
            out.setdefault(normalise_name(name), Place(None, name, "PPL", region.country, region.admin1, None, None,
                                                       "city", region.country2, region.admin1_code))
    return list(out.values())


def _named_key(place: Place) -> str:
    return f"name:{place.country or '?'}:{place.admin1 or '?'}:{normalise_name(place.name)}"


def _key(place: Place) -> str:
    if place.precision == "admin1" and place.admin1:
        return _region_key(place.country, place.admin1)
    return f"gn:{place.geonameid}"


def _region_key(country: str | None, admin1: str) -> str:
    return f"adm1:{country or '?'}:{admin1}"


def _opponent(side: str, doc_events: list[Event], country: str | None) -> str | None:
    """The side the document sets against `side` in one event (fighting counts double), else the side most named
    in its fighting events (ASSAULT, COERCE), else in any."""
    counts: Counter = Counter()
    facing: Counter = Counter()
    for e in doc_events:
        weight = 2 if e.event_type in ("ASSAULT", "COERCE", "RETREAT") else 1
        sides = [side_of(a, place_country=country) for a in (e.actor1, e.actor2)]
        for s in sides:
            if s and s != side:
                counts[s] += weight
                if side in sides:
                    facing[s] += weight
    counts = facing or counts
    if not counts:
        return None
    best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return best[0][0]


def _evidence(m: EventMention, e: Event, c: _Candidate, kind: str, by_doc: dict[str, list[Event]]) -> ControlEvidence:
    ev = m.evidence
    published = ev.published.isoformat() if ev.published else None
    return ControlEvidence(event_id=e.event_id, doc_id=ev.doc_id, sentence=ev.sentence, start=ev.start, end=ev.end,
                           voice=_voice(m, e, c, kind, by_doc.get(ev.doc_id, [])), source=ev.source,
                           published=published, scope=c.scope)


def _voice(m: EventMention, e: Event, c: _Candidate, kind: str, doc_events: list[Event]) -> str:
    """Whose word a sentence is: the gaining side's ("claim"), the losing side's ("admission"), the losing side's
    reported pull-out ("withdrawal"), or the outlet's ("report")."""
    sentence = m.evidence.sentence
    speaker = _speaker(sentence, doc_events, c.place.country if c.place else None)
    if kind == "withdrawal" and m.status != "claimed" and speaker != c.side:
        return "withdrawal"
    if speaker == c.side or QUOTED_CLAIM.search(sentence):
        return "claim"
    if speaker is not None and speaker == c.from_side:
        return "admission"
    if m.status == "claimed" or e.status == "claimed":
        return "claim"
    return "report"


def _speaker(sentence: str, doc_events: list[Event], country: str | None) -> str | None:
    """The side of whoever the sentence is attributed to: the side word nearest a speech verb (before it, or after
    "according to"); None when the sentence attributes it to no one."""
    cue = SPEECH.search(sentence)
    if cue is None:
        return None
    names = dict(SPEAKERS)
    for e in doc_events:
        for a in (e.actor1, e.actor2):
            s = side_of(a, place_country=country)
            if a is None or s is None:
                continue
            for w in _WORD.findall(" ".join(x for x in (a.text, a.name) if x)):
                if w[0].isupper() and len(w) > 3:
                    names.setdefault(w.lower(), s)
    best: tuple[int, str] | None = None
    for cue in SPEECH.finditer(sentence):
        after = cue.group(0).lower() == "according to"
        window = sentence[cue.end():cue.end() + 60] if after else sentence[max(0, cue.start() - 80):cue.start()]
        words = [(w.start(), names.get(w.group(0).lower().removesuffix("'s"))) for w in _WORD.finditer(window)]
        words = [(i, s) for i, s in words if s]
        if not words:
            continue
        i, s = words[0] if after else words[-1]
        dist = i if after else len(window) - i
        if best is None or dist < best[0]:
            best = (dist, s)
    return best[1] if best else None


# -- changes --------------------------------------------------------------------------------------------------------


def _clusters(candidates: list[_Candidate]) -> list[list[_Candidate]]:
    """Candidates for one place, side and denial, whose dates lie within a week (or their coarser period); an
    undated report joins the same side's latest earlier change when there is one."""
    groups: dict[tuple, list[_Candidate]] = defaultdict(list)
    for c in candidates:
        groups[(c.place_key, c.side, c.denied)].append(c)
    out: list[list[_Candidate]] = []
    for key in sorted(groups):
        run: list[_Candidate] = []
        end: date | None = None
        for c in sorted(groups[key], key=lambda c: (c.day, c.event.event_id, c.rule)):
            span = timedelta(days=max(WINDOW_DAYS, PERIOD_DAYS.get(c.precision, 0)))
            if run and end is not None and c.day > end:
                if c.precision == "inherited":
                    run.append(c)  # a later undated report of the same side's gain: that gain again, not a new one
                    continue
                out.append(run)
                run = []
            run.append(c)
            end = max(end, c.day + span) if run[1:] and end else c.day + span
        if run:
            out.append(run)
    return out


def _region_places(events: list[Event]) -> dict[str, Place]:
    """Region key -> the admin1 place some event names, for regions known otherwise only by a city's admin1."""
    out: dict[str, Place] = {}
    for e in events:
        p = e.location
        if p is not None and p.precision == "admin1" and p.admin1:
            out.setdefault(_key(p), p)
    return out


def _change(group: list[_Candidate], regions: dict[str, Place]) -> ControlChange:
    best = max(group, key=lambda c: (PRECISION_RANK.get(c.precision, -1), -c.day.toordinal()))
    first = group[0]
    place = first.place or next((c.place for c in group if c.place), None) or regions.get(first.place_key)
    if place is None:  # a region known only as a city's admin1
        country, admin1 = first.place_key.split(":", 2)[1:]
        name, geonameid, lat, lon = admin1, None, None, None
    else:
        country, admin1, name = place.country, place.admin1, place.name
        geonameid, lat, lon = place.geonameid, place.lat, place.lon
    evidence = _unique([ev for c in group for ev in c.evidence])
    denied = first.denied
    status = "denied" if denied else _status(evidence)
    confidence = _noisy_or([c.event.confidence for c in group]) * STATUS_FACTOR[status]
    from_sides = Counter(c.from_side for c in group if c.from_side)
    aliases = sorted({c.event.location_text for c in group if c.event.location_text and c.place is not None} | {name})
    return ControlChange(
        change_id=_id(first.place_key, first.side, best.day.isoformat(), denied),
        place_key=first.place_key, place_name=name, level=first.level, side=first.side,
        date=best.day.isoformat(), date_precision="by" if best.precision == "inherited" else best.precision,
        status=status, confidence=round(confidence, 3), rules=tuple(sorted({c.rule for c in group})),
        basis=_basis(evidence, first.side, from_sides.most_common(1)[0][0] if from_sides else None, denied),
        evidence=tuple(evidence), event_ids=tuple(sorted({c.event.event_id for c in group})),
        from_side=from_sides.most_common(1)[0][0] if from_sides else None, geonameid=geonameid, country=country,
        admin1=admin1, lat=lat, lon=lon, aliases=tuple(aliases),
    )


def _status(evidence: list[ControlEvidence]) -> str:
    voices = {ev.voice for ev in evidence}
    losing = voices & {"admission", "withdrawal"}
    if losing and voices - losing:
        return "corroborated"
    independent = {ev.source or ev.doc_id for ev in evidence if ev.voice != "claim"}
    if len(independent) >= 2:
        return "corroborated"
    if voices == {"claim"}:
        return "claimed"
    return "reported"


def _basis(evidence: list[ControlEvidence], side: str, from_side: str | None, denied: bool) -> tuple[str, ...]:
    """One line per voice: who says it, through which sources."""
    lines = []
    for voice, text in (("claim", f"claimed by {side}"), ("admission", f"admitted by {from_side or 'the other side'}"),
                        ("withdrawal", f"withdrawal of {from_side or 'the other side'} reported"),
                        ("report", "reported")):
        srcs = sorted({ev.source or ev.doc_id for ev in evidence if ev.voice == voice})
        if srcs:
            more = f" and {len(srcs) - 3} more" if len(srcs) > 3 else ""
            lines.append(f"{text} ({', '.join(srcs[:3])}{more})")
    if denied:
        lines.insert(0, "denied in the text")
    return tuple(lines)


def _share_region_evidence(changes: list[ControlChange], candidates: list[_Candidate]) -> list[ControlChange]:
    """A last bastion's fall and its region's fall are one fact: the region's own reports (its claims of
    liberation, say) also support the bastion's change."""
    by_key: dict[tuple[str, str], list[ControlChange]] = defaultdict(list)
    for ch in changes:
        by_key[(ch.place_key, ch.side)].append(ch)
    extra: dict[str, list[ControlEvidence]] = defaultdict(list)
    for c in candidates:
        if c.via is None or c.denied:
            continue
        for region in by_key.get((c.place_key, c.side), []):
            if c.event.event_id not in region.event_ids:
                continue
            for city in by_key.get((c.via, c.side), []):
                if c.event.event_id in city.event_ids and city.status != "denied":
                    extra[city.change_id] += [replace(ev, scope="region") for ev in region.evidence
                                              if ev.event_id not in city.event_ids]
    out = []
    for ch in changes:
        if extra.get(ch.change_id):
            evidence = _unique([*ch.evidence, *extra[ch.change_id]])
            status = _status(evidence)
            factor = STATUS_FACTOR[status] / STATUS_FACTOR[ch.status]
            basis = _basis(evidence, ch.side, ch.from_side, False)
            ch = replace(ch, evidence=tuple(evidence), status=status, basis=basis,
                         confidence=round(min(0.99, ch.confidence * factor), 3))
        out.append(ch)
    return out


def _mark_conflicts(changes: list[ControlChange]) -> list[ControlChange]:
    """Changes for one place within a week that disagree (another side, or a denial) are flagged, both kept."""
    by_place: dict[str, list[ControlChange]] = defaultdict(list)
    for ch in changes:
        by_place[ch.place_key].append(ch)
    against: dict[str, set[str]] = defaultdict(set)
    for group in by_place.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                near = abs((date.fromisoformat(a.date) - date.fromisoformat(b.date)).days) <= WINDOW_DAYS
                if near and (a.side != b.side or (a.status == "denied") != (b.status == "denied")):
                    against[a.change_id].add(b.change_id)
                    against[b.change_id].add(a.change_id)
    return [replace(ch, conflict=True, conflicts_with=tuple(sorted(against[ch.change_id])))
            if against.get(ch.change_id) else ch for ch in changes]


def _unique(evidence: list[ControlEvidence]) -> list[ControlEvidence]:
    seen, out = set(), []
    for ev in evidence:
        k = (ev.event_id, ev.doc_id, ev.start, ev.end)
        if k not in seen:
            seen.add(k)
            out.append(ev)
    return out


def _noisy_or(values: list[float]) -> float:
    p = 1.0
    for v in values:
        p *= 1.0 - max(0.0, min(0.99, v or 0.0))
    return min(0.99, 1.0 - p)


def _id(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


__all__ = ["derive_control"]
