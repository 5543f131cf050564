"""The events stage: event mentions, one per trigger that reports something that happened.

    extract_mentions(parsed, timexes, toponyms, actors) -> list[EventMention]

A trigger becomes a mention only when its clause asserts the event: not negated, not under "should/must/could",
not an infinitive of intent ("to regain", "failing to gain"), not conditional, and not only the setting of the
news ("since the invasion", setting.py). Roles come from the dependency parse
(active, passive, nominal), the place from the trigger's own phrase outwards, the date from the time expression that
governs the trigger's clause, else the article date (marked inherited).
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from ..types import Actor, Anchor, Evidence, EventMention, ParsedDoc, Place, TimeExpr, Toponym
from .dating import Dater
from .assertion import claimed_by_party, negated, status_of, topic_of_verbal_event
from .kinds import (COOPERATIVE_KINDS, CONFLICT_KINDS, FIGHTING_KINDS, KINDS, OUTCOME_KINDS, TERRITORY_KINDS, VAC,
                    Kind)
from .roles import Roles
from .setting import setting
from .triggers import AERIAL, DEVICE_WORDS, Trigger, find_triggers, operation_antecedents

COMPLETION = {"complete", "finish", "end", "conclude", "succeed", "accomplish"}


def extract_mentions(parsed: ParsedDoc, timexes: list[TimeExpr], toponyms: list[Toponym],
                     actors: dict[int, Actor]) -> list[EventMention]:
    """Event mentions of one document, in text order."""
    place_tokens = _tokens_of(parsed, toponyms)
    triggers = find_triggers(parsed, place_tokens)
    refusals: set[int] = set()
    for t in triggers:
        if t.kind in COOPERATIVE_KINDS | {"agree"} and negated(parsed, t.head):
            t.kind = "reject"  # "will not accept refugees", "refused to allow": CAMEO 12
            refusals.add(t.head)
    statuses = {t.head: status_of(parsed, t.head, negation_ok=t.kind == "reject") for t in triggers}
    kind_of = {t.head: t.kind for t in triggers}
    for t in triggers:
        if statuses[t.head] and topic_of_verbal_event(parsed, t, statuses, kind_of):
            statuses[t.head] = None
    # Only asserted events bound a trigger's phrase: "the battle to take control of X" reaches X.
    asserted = {head for head, status in statuses.items() if status is not None}
    roles = Roles(parsed, toponyms, actors, asserted)
    dater = Dater(parsed, timexes, asserted)
    mentions: list[EventMention] = []
    kinds: list[str] = []
    index_of_head: dict[int, int] = {}
    landmarks: dict[int, int] = {}  # mention index -> trigger head that must carry its own date, or -1
    for trig in triggers:
        status = statuses[trig.head]
        if status is None:
            continue
        if status in ("intent", "planned", "attempted"):
            trig, status = _intention(parsed, trig, status)
            if trig is None:
                continue
            if status == "planned" and trig.head in refusals:
                # "France will not invite Putin" reports the decision (dated as the plan it is about), so it is one
                # event with "the reason behind not inviting Putin"
                status = "reported"
        scene = setting(parsed, trig.head, trig.kind)
        if scene is not None:
            landmarks[len(mentions)] = scene
        index_of_head[trig.head] = len(mentions)
        mentions.append(_mention(parsed, trig, KINDS[trig.kind], status, roles, dater,
                                 to_come=statuses[trig.head] == "planned"))
        kinds.append(trig.kind)
    for kind, m in _operation_completions(parsed, triggers, roles, dater):
        mentions.append(m)
        kinds.append(kind)
    for m in _deontic_demands(parsed, roles, dater):
        mentions.append(m)
        kinds.append("demand")
    _link_anchors(parsed, mentions, dater, index_of_head)
    # "since the invasion" names an event to say when, "sanctions are a tool" a standing measure, "a march
    # against the occupation" a setting; "after heavy shelling on Saturday" still reports one.
    mentions, kinds = _without(mentions, kinds, {
        i for i, head in landmarks.items() if mentions[i].anchor is None
        and (mentions[i].date_inherited if head < 0 else not dater.dates_itself(head))})
    mentions, kinds = _fought_back(parsed, mentions, kinds)
    _territory_without_fighting(mentions, kinds)
    _deaths_told_after(parsed, mentions, kinds, roles)
    _civilians_hit(parsed, mentions, kinds)
    return _fold_outcomes(mentions, kinds)


def _intention(parsed: ParsedDoc, trig: Trigger, status: str) -> tuple[Trigger | None, str]:
    """A stated intention is itself the event CAMEO codes: intent to cooperate (03, AGREE) or a threat (13); an
    attempt at fighting is fighting.

    "The UN will provide food aid" → AGREE (intent to provide aid); "X is ready to attack" → THREATEN. A plain
    future of a violent act ("troops will attack") stays a planned attack.
    """
    if status == "attempted":
        # "tried to break through the defence": the trying is fighting; an attempt to take a place attacks it.
        if trig.kind in FIGHTING_KINDS:
            return trig, "reported"
        if trig.kind in TERRITORY_KINDS:
            return Trigger(trig.head, "attack", trig.first, trig.last), "reported"
        return None, status
    toks = parsed.tokens
    conditions = {toks[g].text.lower() for c in parsed.children[trig.head] if toks[c].dep == "advcl"
                  for g in parsed.children[c] if toks[g].dep == "mark"}
    if "unless" in conditions:  # "will withdraw its force unless elections are held": a threat
        return Trigger(trig.head, "threaten", trig.first, trig.last), "reported"
    if status == "planned" and trig.kind in SCHEDULED_KINDS and "if" not in conditions:
        # "will visit Poland on Tuesday": the visit itself, still to come; the report of it taking place is the same
        # event. A stated willingness ("ready to meet", "would meet him if ...") is CAMEO's intent to meet (AGREE).
        return trig, status
    if status == "planned" and trig.kind == "reduce_relations" and _stays_away(parsed, trig.head):
        # "will boycott the inauguration on Tuesday": staying away from an occasion is to come with it, as a visit
        # is; "would boycott all contact" threatens (below)
        return trig, status
    if trig.kind in COOPERATIVE_KINDS:
        kind = "agree_aid" if trig.kind.startswith("aid") else "agree"
        return Trigger(trig.head, kind, trig.first, trig.last), "reported"
    if status == "intent" and trig.kind in CONFLICT_KINDS:
        return Trigger(trig.head, "threaten", trig.first, trig.last), "reported"
    if status == "planned" and trig.kind in COERCIVE_MEASURES:
        # "NATO would tighten the blockade", "will extend the curfew": announcing a measure threatens it (CAMEO 13).
        return Trigger(trig.head, "threaten", trig.first, trig.last), "reported"
    if status == "intent":
        return None, status
    return trig, status


SCHEDULED_KINDS = {"meet", "visit", "host", "phone", "negotiate"}
COERCIVE_MEASURES = {"sanction", "reduce_relations", "expel", "expel_peacekeepers", "expel_monitors", "expel_aid", "ban",
                     "blockade", "halt_aid"}
# Occasions one attends or stays away from.
OCCASIONS = {"ceremony", "inauguration", "summit", "meeting", "talk", "conference", "game", "olympics", "parade",
             "celebration", "commemoration", "event", "election", "vote", "referendum", "forum", "tournament",
             "festival", "funeral", "anniversary", "session", "contest", "reception", "dinner", "cup"}


def _stays_away(parsed: ParsedDoc, verb: int) -> bool:
    """The verb's object is an occasion: "boycott a Kremlin ceremony", "boycott the Games"."""
    obj = parsed.child(verb, ("dobj",))
    return obj is not None and parsed.tokens[obj].lemma.lower() in OCCASIONS


RESPONSES = {"respond", "reply", "retaliate", "repel", "repulse", "return"}
REMOTE_KINDS = {"shelling", "airstrike"}


def _fought_back(parsed: ParsedDoc, mentions: list[EventMention],
                 kinds: list[str]) -> tuple[list[EventMention], list[str]]:
    """"X shelled Y. Y's forces responded with fire." / "X shelled Y but was repelled": the target fought back, so
    the two are one battle (ACLED's remote violence is one-sided), told as the shelling with both sides."""
    trigger = [parsed.tokens[parsed.token_at(m.evidence.start)] for m in mentions]
    answered: set[int] = set()
    for i, (m, k) in enumerate(zip(mentions, kinds)):
        if k != "clash" or trigger[i].lemma.lower() not in RESPONSES:
            continue
        sent = trigger[i].sent
        par = parsed.sentences[sent].paragraph
        before = [j for j in range(i) if kinds[j] in REMOTE_KINDS and mentions[j].acled
                  and sent - 1 <= trigger[j].sent <= sent
                  and parsed.sentences[trigger[j].sent].paragraph == par]
        if not before:
            continue
        shell = mentions[before[-1]]
        if m.location and shell.location and m.location.geonameid != shell.location.geonameid:
            continue
        shell.acled = ("Battles", "Armed clash")
        responder = m.actor1 if m.actor1 and shell.actor1 and m.actor1.country != shell.actor1.country else m.actor2
        shell.actor2 = shell.actor2 or responder
        answered.add(i)
    return _without(mentions, kinds, answered)


def _territory_without_fighting(mentions: list[EventMention], kinds: list[str]) -> None:
    """ACLED codes a place changing hands with no fighting reported as a non-violent transfer."""
    if any(k in FIGHTING_KINDS for k in kinds):
        return
    for m, k in zip(mentions, kinds):
        if k in TERRITORY_KINDS and m.acled:
            m.acled = ("Strategic developments", "Non-violent transfer of territory")


def _deaths_told_after(parsed: ParsedDoc, mentions: list[EventMention], kinds: list[str], roles: Roles) -> None:
    """"X shelled Y. Four civilians were found dead.": a toll in the next sentences of the paragraph belongs to the
    last violent event told before it, up to the next sentence that tells another."""
    toks = parsed.tokens
    violent_sents = {toks[parsed.token_at(m.evidence.start)].sent: m for m, k in zip(mentions, kinds)
                     if KINDS[k].violent and k not in OUTCOME_KINDS}
    for s_idx, m in sorted(violent_sents.items()):
        if m.fatalities is not None:
            continue
        for nxt in _told_after(parsed, s_idx, violent_sents):
            deaths = roles.fatalities(parsed.sentences[nxt].first)
            if deaths is not None:
                m.fatalities = deaths
                break


def _told_after(parsed: ParsedDoc, s_idx: int, violent_sents: Container[int]) -> Iterator[int]:
    """The sentences after s_idx in its paragraph, up to the next one that tells another violent event."""
    par = parsed.sentences[s_idx].paragraph
    nxt = s_idx + 1
    while nxt < len(parsed.sentences) and parsed.sentences[nxt].paragraph == par and nxt not in violent_sents:
        yield nxt
        nxt += 1


# Remote violence whose victims are civilians has them as its target (ACLED's "Civilians (Ukraine)" as actor 2).
REMOTE_KINDS = {"shelling", "airstrike", "explosion", "suicide_bomb"}
CIVILIAN_WORDS = {"civilian", "resident", "inhabitant", "local", "passer-by", "passerby", "child", "woman", "man",
                  "person", "people", "family", "pensioner", "teenager", "boy", "girl", "driver", "passenger",
                  "volunteer", "journalist", "doctor", "worker"}
HARM_VERBS = {"injure", "wound", "kill", "die", "hurt", "hospitalize", "hospitalise"}


def _civilians_hit(parsed: ParsedDoc, mentions: list[EventMention], kinds: list[str]) -> None:
    """"Russian forces shelled Oleksandrivka ... 3 civilians were injured": bombardment that harms civilians in its
    sentence or the paragraph's next ones (up to the next violent event) targets them, when nothing else is named."""
    toks = parsed.tokens
    violent_sents = {toks[parsed.token_at(m.evidence.start)].sent for m, k in zip(mentions, kinds)
                     if KINDS[k].violent and k not in OUTCOME_KINDS}
    for m, k in zip(mentions, kinds):
        if k not in REMOTE_KINDS or m.actor2 is not None:
            continue
        s_idx = toks[parsed.token_at(m.evidence.start)].sent
        for j in [s_idx, *_told_after(parsed, s_idx, violent_sents)]:
            sent = parsed.sentences[j]
            hurt = next((t for t in toks[sent.first:sent.last] if t.lemma.lower() in CIVILIAN_WORDS
                         and t.dep in ("nsubj", "nsubjpass", "dobj") and toks[t.head].lemma.lower() in HARM_VERBS), None)
            if hurt is not None:
                country = m.location.country if m.location else None
                m.actor2 = Actor(hurt.text, sector="CVL", country=country, start=hurt.start, end=hurt.end,
                                 head=hurt.i, inferred=True)
                break


def _tokens_of(parsed: ParsedDoc, toponyms: list[Toponym]) -> set[int]:
    return {i for tp in toponyms if tp.kind != "demonym" for i in parsed.tokens_in(tp.start, tp.end)}


def _mention(parsed: ParsedDoc, trig: Trigger, kind: Kind, status: str, roles: Roles, dater: Dater,
             to_come: bool = False) -> EventMention:
    """One mention; `to_come`: told in the future ("will be invited"), whether kept as a plan or coded as the
    intention stated now."""
    toks = parsed.tokens
    sent = parsed.sentences[toks[trig.head].sent]
    text = parsed.doc.text
    a1, a2 = roles.actors(trig.head, kind.key)
    sides = frozenset(a.country for a in (a1, a2) if a is not None and a.country and not a.inferred)
    place, place_text = roles.location(trig.head, kind.key, sides)
    if a1 is None and kind.key in ("protest", "riot"):
        a1 = Actor("protesters" if kind.key == "protest" else "rioters", sector="CVL", inferred=True)
    a1, a2 = _fill_actor(a1, kind, place), _fill_actor(a2, kind, place)
    a1, a2 = _at_home(a1, a2, place), _at_home(a2, a1, place)
    if a2 is None and kind.key in TERRITORY_KINDS:
        a2 = roles.loser(trig.head, a1, place)
    date = dater.date_of(trig.head)
    if to_come:
        date = dater.plan_date(date)
    m = EventMention(
        event_type=kind.plover,
        cameo=_cameo(parsed, trig.head, kind, a2),
        trigger=text[toks[trig.first].start:toks[trig.last - 1].end],
        evidence=Evidence(parsed.doc.doc_id, sent.start, sent.end, toks[trig.first].start, toks[trig.last - 1].end,
                          sentence=text[sent.start:sent.end].strip(), source=parsed.doc.source,
                          published=parsed.doc.published),
        mode=kind.mode, context=kind.context, acled=_acled(kind, a1, a2, place, toks[trig.head].lemma.lower()),
        status=status,
        actor1=a1, actor2=a2, location=place, location_text=place_text,
        date=date.value, date_precision=date.precision, date_text=date.text, date_inherited=date.inherited,
        fatalities=roles.fatalities(trig.head) if kind.violent else None,
    )
    m.depth = len(parsed.ancestors(trig.head))
    _code_by_means(parsed, trig.head, kind, m)
    if kind.key == "protest" and a1 is not None and a1.sector == "GOV" and not a1.inferred:
        # "Serbia lodged an official protest with Albania": a government complains, it does not demonstrate.
        m.event_type, m.cameo, m.mode, m.context, m.acled = "ACCUSE", "114", "allege", "diplomatic", None
    if kind.key in ("attack", "kill") and a1 is not None and a1.sector in ("REB", "CVL"):
        m.cameo = "180" if kind.key == "attack" else "1823"  # violence outside a conventional war: CAMEO 18
    if status == "reported" and claimed_by_party(parsed, trig.head, a1, a2, roles,
                                                 gain=kind.key in ("capture", "regain")):
        m.status = "claimed"
    m.confidence = _confidence(m)
    return m


# Things people are in: gunfire at them is violence against civilians, not a battle ("opened fire on a car").
CIVILIAN_THINGS = {"car", "bus", "minibus", "van", "taxi", "ambulance", "tractor", "family", "civilian", "resident",
                   "people", "evacuee", "passenger", "pedestrian", "motorist", "driver"}
AIR_FORCES = ("air force", "air forces", "aviation", "airforce")
SMALL_ARMS_FIRE = {"fire", "open", "shoot", "attack"}


def _code_by_means(parsed: ParsedDoc, head: int, kind: Kind, m: EventMention) -> None:
    """What the words around the trigger say about the means and the target, for fighting the trigger alone
    leaves vague: from helicopters, by the air force or with a drone is an air strike; gunfire at a car or a
    family is an attack on civilians."""
    if kind.key not in ("clash", "shelling", "attack"):
        return
    toks = parsed.tokens
    a1_text = (m.actor1.text or "").lower() if m.actor1 else ""
    means = [toks[g].lemma.lower() for c in parsed.children[head] if toks[c].dep in ("prep", "advcl", "xcomp")
             and toks[c].lemma.lower() in ("from", "with", "by", "use", "using") for g in parsed.subtree(c)]
    a1_words = {w.removesuffix("s") for w in a1_text.split()}  # "Russian helicopters", "a warplane"
    if any(w in a1_text for w in AIR_FORCES) or AERIAL & (set(means) | a1_words):
        m.event_type, m.cameo, m.mode = "ASSAULT", "195", "aerial"
        m.acled = ("Explosions/Remote violence", "Air/drone strike")
        return
    if toks[head].lemma.lower() not in SMALL_ARMS_FIRE or (m.actor2 and m.actor2.sector not in (None, "CVL")):
        return
    targets = [g for c in parsed.children[head]
               if toks[c].dep == "prep" and toks[c].text.lower() in ("at", "on", "upon")
               for g in parsed.children[c] if toks[g].dep == "pobj"]
    targets += [c for c in parsed.children[head] if toks[c].dep == "dobj"]
    if any(toks[t].lemma.lower() in CIVILIAN_THINGS for t in targets):
        m.cameo, m.acled = "180", (VAC, "Attack")


STATE_FORCES = {"army", "military", "police", "government", "authority", "security", "force", "troop", "soldier",
                "regime", "navy", "airforce"}


def _fill_actor(a: Actor | None, kind: Kind, place: Place | None) -> Actor | None:
    """Fill what the words imply: "Russian shelling" is done by armed forces; "the army" fighting at home is that
    country's army (marked inferred)."""
    if a is None:
        return None
    if a.sector is None and a.country and kind.violent:
        a = Actor(a.text, a.name, a.country, "MIL", a.start, a.end, a.head, a.inferred)
    if a.country is None and place and place.country and a.sector in ("MIL", "GOV") and a.name is None:
        head_word = a.text.split()[-1].lower().rstrip("s") if a.text else ""
        if head_word in STATE_FORCES:
            a = Actor(a.text, a.name, place.country, a.sector, a.start, a.end, a.head, inferred=True)
    if a.country is None and place and place.country and a.sector in ("CVL", "REF"):
        # Civilians and protesters are coded by where they are (ACLED's "Civilians (Ukraine)").
        a = Actor(a.text, a.name, place.country, a.sector, a.start, a.end, a.head, inferred=True)
    return a


# What a state turns on its own people with: its police, courts and government, not its army abroad.
HOME_AUTHORITIES = {"police", "policeman", "authority", "government", "court", "prosecutor", "regime", "judge",
                    "administration", "ministry", "security"}


def _at_home(a: Actor | None, other: Actor | None, place: Place | None) -> Actor | None:
    """A group of no stated country facing a state's police, courts or government is that state's own: "Nigerian
    authorities jailed members of MASSOB", "Egyptian police dispersed demonstrators", "the Mozambique government
    accepted demands from Shona rebels" (marked inferred). Not across a border the text names, and not for
    soldiers, whose wars are often abroad."""
    if a is None or a.country or other is None or not other.country or other.sector != "GOV":
        return a
    if a.sector == "MIL" or (a.sector == "GOV" and not a.name):
        return a
    if place is not None and place.country and place.country != other.country:
        return a
    w = other.text.split()[-1].lower() if other.text else ""
    if not {w, w.removesuffix("s"), w.removesuffix("ies") + "y"} & HOME_AUTHORITIES:
        return a
    return Actor(a.text, a.name, other.country, a.sector, a.start, a.end, a.head, inferred=True)


def _acled(kind: Kind, a1: Actor | None, a2: Actor | None, place: Place | None,
           trigger_lemma: str = "") -> tuple[str, str] | None:
    """Refine ACLED's coding by who acts on whom."""
    if kind.acled is None:
        return None
    if kind.key in ("attack", "kill") and a2 is not None:
        return (VAC, "Attack") if a2.sector in ("CVL", "REF") else ("Battles", "Armed clash")
    if kind.key in ("clash", "shelling") and a2 is not None and a2.sector in ("CVL", "REF") and trigger_lemma == "fire":
        return (VAC, "Attack")  # "firing at civilians": the civilians are the target, not a side
    if kind.key == "kill" and a2 is None:
        return None if a1 is None else kind.acled  # an armed actor killing someone unnamed: an attack
    if kind.key in ("capture", "regain") and a1 and place and a1.country and place.country:
        regains = a1.country == place.country and a1.sector in ("GOV", "MIL")
        return ("Battles", "Government regains territory" if regains else "Non-state actor overtakes territory")
    return kind.acled


def _cameo(parsed: ParsedDoc, head: int, kind: Kind, a2: Actor | None) -> str:
    """CAMEO separates fighting between armed sides (19) from violence done to people (18): an attack or a
    killing aimed at civilians is 180, a killing by a planted device 183."""
    if kind.key in ("attack", "kill"):
        by = parsed.child(head, ("agent",))
        device = by is not None and any(parsed.tokens[j].lemma.lower() in DEVICE_WORDS for j in parsed.subtree(by))
        if device:
            return "183"
        if a2 is not None and a2.sector in ("CVL", "REF"):
            return "180"
    return kind.cameo


def _confidence(m: EventMention) -> float:
    c = 0.45
    c += 0.15 if m.actor1 and m.actor1.country else 0.0
    c += 0.15 if m.location else 0.0
    c += 0.1 if not m.date_inherited and m.date else 0.0
    c -= 0.1 if m.actor1 and m.actor1.inferred else 0.0
    c -= 0.1 if m.status in ("claimed", "planned") else 0.0
    return round(max(0.05, min(0.95, c)), 2)


def _operation_completions(parsed, triggers, roles, dater) -> list[tuple[str, EventMention]]:
    """"the operation had been completed on Sunday" after "the operation to capture Luhansk": the capture, dated."""
    antecedents = operation_antecedents(parsed, triggers)
    if not antecedents:
        return []
    toks = parsed.tokens
    out = []
    for t in toks:
        if t.lemma.lower() not in COMPLETION or t.pos != "VERB":
            continue
        subj = next((c for c in parsed.children[t.i] if toks[c].dep in ("nsubj", "nsubjpass")), None)
        if subj is None or subj in antecedents:
            continue
        prior = [k for k in antecedents if k < t.i and toks[k].lemma == toks[subj].lemma]
        if not prior:
            continue
        ante = antecedents[prior[-1]]
        status = status_of(parsed, t.i)
        if status in (None, "attempted"):
            continue
        kind = KINDS[ante.kind]
        m = _mention(parsed, Trigger(t.i, ante.kind, t.i, t.i + 1), kind, status, roles, dater)
        place, place_text = roles.location(ante.head, ante.kind)
        m.location, m.location_text = m.location or place, m.location_text or place_text
        if m.actor1 is None or m.actor1.country is None:
            m.actor1 = roles.actors(ante.head, ante.kind)[0] or m.actor1
        m.acled = _acled(kind, m.actor1, m.actor2, m.location)
        m.confidence = _confidence(m)
        out.append((ante.kind, m))
    return out


DEMAND_SPEECH = {"say", "declare", "announce", "reiterate", "conclude", "insist", "state", "tell", "warn", "stress",
                 "write", "argue", "add"}


def _deontic_demands(parsed: ParsedDoc, roles: Roles, dater: Dater) -> list[EventMention]:
    """"X said Y must hand over the suspects": X demands something of Y (CAMEO 10), whatever Y is to do (an event
    word under "must" is no report of its own, so a trigger there is the demand's content too)."""
    toks = parsed.tokens
    out = []
    for t in toks:
        if t.pos != "VERB" or t.dep not in ("ccomp", "parataxis"):
            continue
        # "must" obliges; "should" may only expect ("officials said the talks should resume soon"); "must have
        # fired" infers.
        aux = {toks[c].text.lower() for c in parsed.children[t.i] if toks[c].dep == "aux"}
        if "must" not in aux or "have" in aux:
            continue
        speech = t.head
        if toks[speech].lemma.lower() not in DEMAND_SPEECH or toks[speech].pos != "VERB":
            continue
        if negated(parsed, speech):
            continue
        m = _mention(parsed, Trigger(speech, "demand", speech, speech + 1), KINDS["demand"], "reported", roles, dater)
        m.actor1 = roles.subject_actor(speech)
        m.actor2 = roles.subject_actor(t.i)
        m.location, m.location_text = None, None
        m.confidence = _confidence(m)
        out.append(m)
    return out


def _link_anchors(parsed: ParsedDoc, mentions: list[EventMention], dater: Dater, index_of_head: dict[int, int]):
    """Offsets between two events ("A came a day after B", "a day after B, A"): date whichever side the text left
    undated from the other; when neither is dated yet, B leans on A and the merge stage settles it."""
    heads = sorted(index_of_head)
    for clause, main, tx in dater.anchors:
        side_a = [index_of_head[h] for h in _event_heads_of_clause(parsed, main, index_of_head)]
        if clause is None:  # "a day later": after the last date the text told before it
            told = [m for m in mentions if not m.date_inherited and m.date and m.evidence.start < tx.start]
            if not told:
                continue
            ref = max(told, key=lambda m: m.evidence.start)
            for i in side_a:
                if mentions[i].date_inherited:
                    _shift_into(mentions[i], dater, ref.date, ref.date_precision, tx,
                                "before" if tx.text.lower().endswith("later") else "after")
            continue
        side_b = [index_of_head[h] for h in heads if h != main and dater.in_clause(h, clause)]
        told_a = [i for i in side_a if not mentions[i].date_inherited]
        told_b = [i for i in side_b if not mentions[i].date_inherited]
        for i in side_b:
            m = mentions[i]
            if not m.date_inherited:
                continue
            if told_a or not side_a:
                base = mentions[told_a[0]] if told_a else None
                value, precision = (base.date, base.date_precision) if base else (dater.date_of(main).value, "day")
                _shift_into(m, dater, value, precision, tx, tx.relation or "after")
            else:
                m.anchor = Anchor(side_a[0], tx.value or "", tx.relation or "after", tx.text, tx.approximate)
                m.date_text = tx.text
        if told_b:
            for i in side_a:
                if mentions[i].date_inherited:
                    b = mentions[told_b[0]]
                    _shift_into(mentions[i], dater, b.date, b.date_precision, tx,
                                "before" if (tx.relation or "after") == "after" else "after")


def _shift_into(m: EventMention, dater: Dater, value: str | None, precision: str, tx: TimeExpr, relation: str):
    moved = TimeExpr(tx.start, tx.end, tx.text, tx.type, tx.value, tx.precision, relation, tx.approximate)
    m.date, m.date_precision = dater.shift(value, precision, moved)
    m.date_text, m.date_inherited = tx.text, m.date is None
    m.confidence = _confidence(m)


def _event_heads_of_clause(parsed: ParsedDoc, verb: int, index_of_head: dict[int, int]) -> list[int]:
    """The trigger that a clause is about: the verb itself, or its subject ("the retreat comes")."""
    if verb in index_of_head:
        return [verb]
    return [c for c in parsed.children[verb] if parsed.tokens[c].dep in ("nsubj", "nsubjpass") and c in index_of_head]


def _fold_outcomes(mentions: list[EventMention], kinds: list[str]) -> list[EventMention]:
    """"killing 12" beside "shelled the town" is the shelling's toll, not a second event; who killed, when the
    violent event does not say ("guerrillas killed two soldiers in a bomb attack"), is who attacked."""
    folded: set[int] = set()
    for i, (m, kind) in enumerate(zip(mentions, kinds)):
        if kind in OUTCOME_KINDS:
            host = next((o for o, k in zip(mentions, kinds) if k not in OUTCOME_KINDS and KINDS[k].violent
                         and o.evidence.sentence_start == m.evidence.sentence_start), None)
            if host is not None:
                host.fatalities = host.fatalities or m.fatalities
                host.actor1 = host.actor1 or m.actor1
                host.actor2 = host.actor2 or m.actor2
                host.location = host.location or m.location
                folded.add(i)
    return _without(mentions, kinds, folded)[0]


def _without(mentions: list[EventMention], kinds: list[str],
             drop: set[int]) -> tuple[list[EventMention], list[str]]:
    """The mentions and kinds less those at `drop`, with anchors renumbered (an anchor on a dropped one is lost)."""
    if not drop:
        return mentions, kinds
    new_index = {}
    for i in range(len(mentions)):
        if i not in drop:
            new_index[i] = len(new_index)
    for i in new_index:
        a = mentions[i].anchor
        if a is not None:
            mentions[i].anchor = (Anchor(new_index[a.mention], a.duration, a.relation, a.text, a.approximate)
                                  if a.mention in new_index else None)
    return [mentions[i] for i in new_index], [kinds[i] for i in new_index]
