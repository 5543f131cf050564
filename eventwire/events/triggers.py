"""Trigger words: which tokens say that an event happened, and of what kind.

Lemmas are looked up with their part of speech and, where a word is ambiguous, with the words it governs: "took
control of", "pulled out of", "handed out food", "calls for weapons", "air strike". A word that is also a place or a
name never triggers.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..types import ParsedDoc, Token
from .kinds import CONFLICT_KINDS

VERBS: dict[str, str] = {
    **dict.fromkeys(["capture", "seize", "occupy", "overrun", "conquer", "annex"], "capture"),
    **dict.fromkeys(["recapture", "retake", "regain", "reclaim"], "regain"),
    **dict.fromkeys(["withdraw", "retreat", "surrender"], "retreat"),
    **dict.fromkeys(["shell", "bombard", "pound"], "shelling"),
    **dict.fromkeys(["clash", "skirmish"], "clash"),
    **dict.fromkeys(["attack", "assault", "raid", "ambush", "storm", "target"], "attack"),
    **dict.fromkeys(["kill", "murder", "execute", "massacre", "slay"], "kill"),
    **dict.fromkeys(["abduct", "kidnap"], "abduct"),
    **dict.fromkeys(["rape"], "sexual_violence"),
    **dict.fromkeys(["torture", "beat", "mistreat"], "physical_assault"),
    **dict.fromkeys(["bomb"], "airstrike"),
    **dict.fromkeys(["displace", "relocate"], "deport"),
    **dict.fromkeys(["congratulate", "praise", "hail", "commend", "applaud", "thank", "laud"], "praise"),
    **dict.fromkeys(["meet", "discuss"], "meet"),
    **dict.fromkeys(["visit"], "visit"),
    **dict.fromkeys(["invite"], "invite"),
    **dict.fromkeys(["negotiate"], "negotiate"),
    **dict.fromkeys(["urge", "appeal", "implore"], "appeal"),
    **dict.fromkeys(["demand", "order", "pressure", "press"], "demand"),
    **dict.fromkeys(["threaten"], "threaten"),
    **dict.fromkeys(["accuse", "blame"], "accuse"),
    **dict.fromkeys(["criticise", "criticize", "condemn", "denounce", "slam"], "criticise"),
    **dict.fromkeys(["protest", "demonstrate", "rally"], "protest"),
    **dict.fromkeys(["riot"], "riot"),
    **dict.fromkeys(["arrest", "detain", "apprehend", "jail", "imprison"], "arrest"),
    **dict.fromkeys(["loot", "plunder", "ransack"], "loot"),
    **dict.fromkeys(["mobilize", "mobilise"], "mobilize"),
    **dict.fromkeys(["sanction"], "sanction"),
    **dict.fromkeys(["evacuate"], "evacuate"),
    **dict.fromkeys(["agree", "pledge", "promise", "vow", "offer", "commit"], "agree"),
    **dict.fromkeys(["refuse", "reject", "rebuff", "veto", "decline", "spurn", "defy", "dismiss"], "reject"),
    **dict.fromkeys(["complain", "protest"], "protest"),
    **dict.fromkeys(["ease", "lift", "relax", "accede", "yield", "concede", "pardon", "shorten", "allow", "permit"],
                    "concede"),
    **dict.fromkeys(["release", "free", "return", "repatriate"], "release"),
    **dict.fromkeys(["cooperate", "collaborate"], "cooperate"),
    **dict.fromkeys(["extradite"], "cooperate_legal"),
    **dict.fromkeys(["investigate", "probe", "indict", "charge", "sue", "prosecute", "convict", "sentence"],
                    "investigate"),
    **dict.fromkeys(["support", "back", "endorse", "welcome", "recognise", "recognize", "apologize",
                     "apologise", "forgive"], "support"),
    **dict.fromkeys(["host", "receive"], "host"),
    **dict.fromkeys(["telephone", "phone"], "phone"),
    **dict.fromkeys(["mediate"], "mediate"),
    **dict.fromkeys(["suspend", "cut", "sever", "downgrade", "recall", "boycott", "halt", "freeze", "reduce"],
                    "reduce_relations"),
    **dict.fromkeys(["ban", "outlaw", "prohibit", "censor", "curb", "restrict"], "ban"),
    **dict.fromkeys(["blockade", "besiege", "encircle", "surround"], "blockade"),
    **dict.fromkeys(["confiscate", "expropriate", "nationalize", "nationalise", "deface", "vandalize",
                     "vandalise", "demolish", "raze"], "seize_property"),
    **dict.fromkeys(["invade"], "invade"),
    **dict.fromkeys(["assassinate"], "assassinate"),
    **dict.fromkeys(["hijack"], "hijack"),
    **dict.fromkeys(["warn"], "threaten"),
    **dict.fromkeys(["deport", "expel"], "deport"),
    **dict.fromkeys(["demobilize", "demobilise"], "demobilize"),
}
NOUNS: dict[str, str] = {
    **dict.fromkeys(["capture", "seizure", "takeover", "occupation", "annexation", "conquest"], "capture"),
    **dict.fromkeys(["recapture"], "regain"),
    **dict.fromkeys(["withdrawal", "retreat", "pullout", "pull-out", "surrender"], "retreat"),
    **dict.fromkeys(["ceasefire", "truce", "armistice"], "ceasefire"),
    **dict.fromkeys(["shelling", "bombardment", "barrage"], "shelling"),
    **dict.fromkeys(["airstrike", "air-strike", "airstrikes"], "airstrike"),
    **dict.fromkeys(["explosion", "blast", "bombing", "ied", "landmine", "mine"], "explosion"),
    **dict.fromkeys(["projectile"], "shelling"),
    **dict.fromkeys(["shot", "burst"], "clash"),  # kept only beside words of direct fire (see find_triggers)
    **dict.fromkeys(["clash", "fighting", "skirmish", "firefight", "gunfight", "battle", "combat"], "clash"),
    **dict.fromkeys(["attack", "assault", "raid", "ambush", "offensive", "incursion", "counteroffensive",
                     "counter-offensive"], "attack"),
    **dict.fromkeys(["killing", "massacre", "murder", "execution", "assassination"], "kill"),
    **dict.fromkeys(["abduction", "kidnapping"], "abduct"),
    **dict.fromkeys(["rape"], "sexual_violence"),
    **dict.fromkeys(["meeting", "talk", "summit"], "meet"),
    **dict.fromkeys(["visit"], "visit"),
    **dict.fromkeys(["negotiation"], "negotiate"),
    **dict.fromkeys(["appeal", "plea"], "appeal"),
    **dict.fromkeys(["demand"], "demand"),
    **dict.fromkeys(["threat"], "threaten"),
    **dict.fromkeys(["accusation"], "accuse"),
    **dict.fromkeys(["complaint"], "complain"),
    **dict.fromkeys(["criticism", "condemnation"], "criticise"),
    **dict.fromkeys(["protest", "demonstration", "rally", "sit-in", "march"], "protest"),
    **dict.fromkeys(["riot"], "riot"),
    **dict.fromkeys(["arrest", "detention"], "arrest"),
    **dict.fromkeys(["looting"], "loot"),
    **dict.fromkeys(["mobilisation", "mobilization", "deployment"], "mobilize"),
    **dict.fromkeys(["agreement", "deal", "accord", "treaty"], "agreement"),
    **dict.fromkeys(["sanction"], "sanction"),
    **dict.fromkeys(["investigation", "probe", "inquiry", "indictment"], "investigate"),
    **dict.fromkeys(["embargo", "boycott"], "reduce_relations"),
    **dict.fromkeys(["blockade", "siege", "encirclement"], "blockade"),
    **dict.fromkeys(["invasion"], "invade"),
    **dict.fromkeys(["ultimatum", "warning"], "threaten"),
    **dict.fromkeys(["refusal", "rejection", "veto"], "reject"),
    **dict.fromkeys(["release"], "release"),
    **dict.fromkeys(["mediation"], "mediate"),
}
# Verb + particle or preposition.
PHRASAL: dict[tuple[str, str], str] = {
    ("pull", "out"): "retreat", ("pull", "back"): "retreat", ("fall", "back"): "retreat",
    ("take", "over"): "capture", ("hand", "out"): "aid", ("give", "out"): "aid", ("open", "fire"): "clash",
    ("call", "for"): "appeal", ("call", "on"): "appeal", ("ask", "for"): "appeal", ("fire", "on"): "shelling",
    ("fire", "at"): "shelling", ("hold", "talk"): "meet", ("sign", "agreement"): "agreement",
    ("sign", "deal"): "agreement", ("impose", "sanction"): "sanction", ("set", "fire"): "loot",
    ("blow", "up"): "explosion", ("break", "through"): "clash", ("turn", "down"): "reject", ("renege", "on"): "reject",
    ("hand", "over"): "cooperate_legal", ("break", "off"): "reduce_relations",
    ("go", "on"): "strike_labour", ("set", "up"): "agree", ("speak", "with"): "meet", ("talk", "with"): "meet",
    ("sign", "treaty"): "agreement", ("sign", "accord"): "agreement", ("call", "off"): "concede",
}
# Verb + object noun.
VERB_OBJECT: dict[tuple[str, str], str] = {
    ("take", "control"): "capture", ("gain", "control"): "capture", ("seize", "control"): "capture",
    ("establish", "control"): "capture", ("regain", "control"): "regain", ("retake", "control"): "regain",
    ("take", "town"): "capture", ("take", "city"): "capture", ("take", "village"): "capture",
    ("launch", "missile"): "shelling", ("fire", "missile"): "shelling", ("fire", "rocket"): "shelling",
    ("fire", "shell"): "shelling", ("fire", "mortar"): "shelling", ("fire", "artillery"): "shelling",
    ("fire", "launcher"): "shelling", ("fire", "grenade"): "shelling", ("fire", "weapon"): "shelling",
    ("fire", "arm"): "clash", ("launch", "rocket"): "shelling", ("launch", "strike"): "shelling",
    ("launch", "drone"): "airstrike", ("launch", "airstrike"): "airstrike", ("deploy", "troop"): "mobilize", ("deploy", "force"): "mobilize",
    ("send", "troop"): "mobilize", ("mass", "troop"): "mobilize", ("put", "alert"): "mobilize",
    ("open", "fire"): "clash", ("return", "fire"): "clash", ("take", "hostage"): "abduct", ("impose", "curfew"): "ban",
    ("impose", "ban"): "ban", ("expel", "diplomat"): "expel", ("expel", "ambassador"): "expel",
    **{(v, w): "expel_monitors" for v in ("expel", "withdraw") for w in ("inspector", "observer", "monitor")},
    **{(v, w): "expel_peacekeepers" for v in ("expel", "withdraw") for w in ("peacekeeper", "peacekeeping")},
    **{("expel", w): "expel_aid" for w in ("agency", "ngo", "charity", "aid", "relief")},
    ("withdraw", "ambassador"): "expel", ("stage", "strike"): "strike_labour", ("go", "strike"): "strike_labour",
    ("hold", "meeting"): "meet", ("hold", "discussion"): "meet", ("stage", "protest"): "protest",
    ("hold", "protest"): "protest", ("hold", "rally"): "protest", ("hold", "demonstration"): "protest",
    # CAMEO 075 grant asylum; 1443 obstruct passage; 054 diplomatic recognition; 15 strengthen forces.
    ("grant", "asylum"): "aid_humanitarian", ("block", "road"): "protest", ("block", "roadway"): "protest",
    ("block", "bridge"): "protest", ("block", "highway"): "protest", ("block", "street"): "protest",
    ("block", "traffic"): "protest", ("block", "transport"): "protest", ("establish", "tie"): "support",
    ("establish", "relation"): "support", ("upgrade", "tie"): "support", ("upgrade", "relation"): "support",
    ("restore", "tie"): "support", ("restore", "relation"): "support", ("strengthen", "force"): "mobilize",
    ("reinforce", "troop"): "mobilize",
    # Sympathy and thanks offered are said, not promised: CAMEO 05 (support), not 03 (intent to cooperate).
    **{(v, w): "praise" for v in ("offer", "express", "extend", "send", "convey")
       for w in ("condolence", "sympathy", "gratitude", "thanks", "congratulation")},
    # joint manoeuvres; sharing what one knows (CAMEO 06)
    **{(v, w): "cooperate" for v in ("hold", "launch", "conduct", "stage", "begin", "start")
       for w in ("exercise", "drill", "game", "manoeuvre", "maneuver")},
    **{("share", w): "cooperate" for w in ("intelligence", "information", "expertise", "technology", "data")},
    # refusing what was asked for (CAMEO 12)
    **{("deny", w): "reject" for w in ("access", "entry", "permission", "visa", "request", "allocation", "permit",
                                       "licence", "license", "asylum", "passage", "clearance", "application")},
    # troops given to a force others lead: military aid (CAMEO 07), not one's own deployment
    **{("contribute", w): "aid_military" for w in ("troop", "soldier", "peacekeeper", "contingent")},
    ("impose", "restriction"): "ban", ("impose", "law"): "ban", ("extend", "curfew"): "ban",
    ("tighten", "blockade"): "blockade", ("tighten", "sanction"): "sanction",
    # stopping a process, deal or law from going ahead is refusing it (CAMEO 12); blocking a road is a protest
    **{("block", w): "reject" for w in ("process", "talk", "negotiation", "deal", "agreement", "resolution", "bill",
                                        "exchange", "swap", "proposal", "plan", "package", "accession", "membership",
                                        "bid", "nomination", "appointment", "sale", "transfer")},
}
AERIAL = {"drone", "uav", "bayraktar", "aircraft", "warplane", "jet", "helicopter", "aerial", "airstrike", "plane",
          "bomber", "gunship"}
# Letting outsiders watch or keep the peace in (CAMEO 086, PLOVER RETREAT "access").
ADMITTING = {"receive", "admit", "allow", "accept", "welcome", "host", "invite"}
MONITORS = {"observer", "inspector", "monitor", "peacekeeper", "peacekeeping"}
# What "targets" someone without arms.
MEASURES = {"measure", "sanction", "restriction", "ban", "law", "legislation", "rule", "package", "bill", "decree",
            "order", "tariff", "embargo", "policy", "penalty"}
# Who gathers in a demonstration (leaders and ministers gather for summits).
CROWDS = {"people", "protester", "demonstrator", "activist", "resident", "supporter", "citizen", "local", "student",
          "worker", "veteran", "mother", "woman", "family", "crowd", "hundred", "thousand", "dozen", "member"}
INTERCEPTED = {"drone", "uav", "missile", "rocket", "projectile", "shahed", "bayraktar"}
MILITARY_TARGETS = {"tank", "vehicle", "convoy", "column", "position", "helicopter", "aircraft", "plane", "jet",
                    "drone", "depot", "equipment", "howitzer", "launcher", "system", "warship", "ship", "boat",
                    "base", "checkpoint", "fortification", "headquarters", "bunker", "trench", "stronghold"}
# Lemmas the small model gives military nouns ("bases" → "basis").
_TARGET_LEMMAS = {"basis": "base"}
# Direct fire, or fire both ways, makes an exchange a clash rather than one-sided shelling.
SMALL_ARMS = ("small arms", "small-arms", "shots", "bursts of fire", "machine gun", "machinegun", "sniper",
              "rifle", "automatic weapon", "gunfire", "firefight", "exchange of fire", "exchanged fire",
              "exchanging fire", "both directions", "fired back", "returned fire")
SHELLING_VERBS = {"shell", "bombard", "pound", "bomb"}
HEAVY_MACHINE_GUNS = ("heavy machine guns", "heavy machine gun", "heavy machineguns", "heavy machinegun",
                      "heavy machine-guns", "heavy machine-gun")
# Explosions are shelling unless something says a planted device went off.
DEVICE_WORDS = {"mine", "landmine", "ied", "device", "booby", "car", "suicide", "roadside", "planted", "detonate",
                "explosive"}
# Verbs that name an event only with an object, or only with one of these objects.
_RELATIONS = {"tie", "relation", "aid", "talk", "negotiation", "cooperation", "membership", "asset", "ambassador",
              "envoy", "assistance", "funding", "contact", "program", "programme", "export", "import", "trade",
              "flight", "supply", "delivery", "loan", "visa", "mission"}
_RESTRICTIONS = {"sanction", "ban", "restriction", "curfew", "embargo", "blockade", "measure", "siege", "emergency",
                 "law", "rule", "control", "freeze", "moratorium", "limit"}
NEEDS_OBJECT: dict[str, set[str] | None] = {
    "release": None, "free": None, "return": None, "repatriate": None, "receive": None, "host": None,
    "support": None, "back": None, "welcome": None, "recognise": None, "recognize": None,
    "charge": None, "sentence": None, "offer": None, "target": None, "press": None,
    "pressure": None, "allow": None, "permit": None, "invite": None,
    "cut": _RELATIONS, "suspend": _RELATIONS, "halt": _RELATIONS, "freeze": _RELATIONS, "recall": _RELATIONS,
    "sever": _RELATIONS, "downgrade": _RELATIONS, "ease": _RESTRICTIONS, "lift": _RESTRICTIONS,
    "relax": _RESTRICTIONS, "restrict": None, "curb": None, "reduce": _RELATIONS, "shorten": _RESTRICTIONS,
}
# Phrasal triggers that name their event only with a given object.
PHRASAL_OBJECTS = {("go", "on"): {"strike"}}
# Verbs that promise what their infinitive says: agreeing to do it, unless it is harm.
PROMISES = {"vow", "pledge", "promise", "swear"}
AID_VERBS = {"provide", "deliver", "send", "supply", "donate", "give", "distribute", "hand", "ship", "pledge", "grant",
             "contribute"}
AID_OBJECTS = {
    **dict.fromkeys(["food", "water", "medicine", "aid", "assistance", "supply", "bread", "shelter", "blanket",
                     "humanitarian", "relief", "goods"], "aid_humanitarian"),
    **dict.fromkeys(["weapon", "arm", "ammunition", "tank", "missile", "howitzer", "artillery", "jet", "drone",
                     "rocket", "system", "munition", "shell", "equipment"], "aid_military"),
    **dict.fromkeys(["money", "fund", "loan", "grant", "budget", "dollar", "euro"], "aid_economic"),
}
MILITARY_AID_WORDS = {"weapon", "arm", "ammunition", "tank", "missile", "howitzer", "artillery", "jet", "drone",
                      "rocket", "munition", "defence", "defense", "military"}
HUMANITARIAN_WORDS = {"aid", "food", "assistance", "help", "medicine", "humanitarian", "relief", "evacuation"}
STRIKE_MODIFIERS = {"air": "airstrike", "drone": "airstrike", "aerial": "airstrike", "missile": "shelling",
                    "rocket": "shelling", "artillery": "shelling", "mortar": "shelling", "precision": "shelling"}
WEAPON_SUBJECTS = {"missile", "rocket", "shell", "drone", "bomb", "strike", "projectile", "mortar", "artillery",
                   "aviation", "plane", "warplane", "jet", "aircraft", "helicopter", "force"}
# Participles that, before a noun, describe how things stand rather than report a change.
STATE_PARTICIPLES = {"occupy", "annex", "occupied", "annexed", "besiege", "besieged", "encircle", "encircled",
                     "blockade", "blockaded", "control", "controlled", "capture", "captured", "seize", "seized",
                     "agree", "agreed"}  # "submitted agreed lists": what the lists are, not an agreement told
FORBIDDING = {"prohibit", "forbid", "outlaw"}
ABSTRACT_FOES = {"disinformation", "misinformation", "propaganda", "corruption", "crime", "poverty", "hunger",
                 "inflation", "wildfire", "blaze", "virus", "pandemic", "disease", "cancer", "fraud", "fake",
                 "climate", "change", "drug", "trafficking", "smuggling", "bureaucracy", "impunity", "extremism",
                 "racism", "antisemitism", "discrimination", "censorship", "addiction", "illness", "odds", "time"}
EQUIPMENT = {"craft", "vehicle", "boat", "ship", "vessel", "aircraft", "plane", "jet", "helicopter", "missile",
             "rocket", "drone", "system", "weapon", "gun", "round", "munition", "capability", "capacity", "equipment",
             "kit", "gear", "tank", "platform"}
# Nouns that name an operation: "the operation to capture X" makes "the operation" stand for the capture later.
OPERATION_NOUNS = {"operation", "offensive", "campaign", "mission", "push", "assault"}


@dataclass(slots=True)
class Trigger:
    head: int  # token index
    kind: str
    first: int  # token span of the trigger words
    last: int


def _small_arms(parsed: ParsedDoc, i: int) -> bool:
    """Direct fire ("small arms", "shots", "bursts of fire", "machine guns") makes an exchange a clash. Heavy
    machine guns fire across a front line from afar, like mortars: with nothing else direct they leave it
    shelling ("bursts of fire involving heavy machine guns near X", "fired mortars and heavy machine guns at the
    positions of ...")."""
    text = _sentence_lower(parsed, i)
    if any(h in text for h in HEAVY_MACHINE_GUNS):
        for heavy in HEAVY_MACHINE_GUNS:
            text = text.replace(heavy, " ")
        text = text.replace("shots", " ").replace("bursts of fire", " ")  # the heavy guns' own bursts
    return any(w in text for w in SMALL_ARMS)


def _heavy_guns(parsed: ParsedDoc, i: int) -> bool:
    """Does the trigger's sentence name heavy machine guns?"""
    return any(h in _sentence_lower(parsed, i) for h in HEAVY_MACHINE_GUNS)


def _sentence_lower(parsed: ParsedDoc, i: int) -> str:
    sent = parsed.sentences[parsed.tokens[i].sent]
    return parsed.clean.text[sent.start:sent.end].lower()


def find_triggers(parsed: ParsedDoc, place_tokens: set[int]) -> list[Trigger]:
    """All trigger words of the document, in order; tokens of toponyms and names are skipped."""
    toks = parsed.tokens
    out: list[Trigger] = []
    headings, lower_case = _sentence_shapes(parsed)
    for t in toks:
        if t.i in place_tokens or t.ent_type in ("PERSON", "ORG", "GPE", "DATE", "NORP") or t.sent in headings \
                or (t.sent in lower_case and _in_a_name(parsed, t.i)):
            continue
        if t.dep in ("compound", "nmod") and t.pos == "NOUN":
            continue  # "combat capabilities", "attack helicopter", "strike and air defence missiles": a modifier
        if t.dep == "amod" and t.tag == "VBG" and toks[t.head].lemma.lower() in EQUIPMENT:
            continue  # "offshore raiding craft", "infantry fighting vehicles" name a kind of equipment
        if t.dep == "amod" and t.tag == "VBN" and t.lemma.lower() in STATE_PARTICIPLES:
            continue  # "the occupied territories", "annexed Crimea" as a name of a state of things, not a report
        if t.tag == "VBN" and t.lemma.lower() in FORBIDDING and not any(
                toks[c].dep in ("aux", "auxpass", "nsubj", "nsubjpass") for c in parsed.children[t.i]):
            continue  # "weapons prohibited by the Minsk agreements", "the fire, prohibited by ...": what a thing is
        lemma = t.lemma.lower()
        kids = parsed.children[t.i]
        if lemma == "force" and parsed.child(t.i, ("prt", "advmod", "prep"), {"out"}) is not None \
                and _authority_subject(parsed, t.i):
            lemma = "expel"  # "Jakarta forced the UN refugee agency out of the country"; not "the fire forced ..."
        journey = _journey(parsed, t.i, place_tokens) if lemma in JOURNEYS and t.pos in ("VERB", "AUX", "NOUN") \
            else None
        if journey is not None:
            trig = journey
        elif lemma == "enter" and t.pos == "VERB":
            trig = _entry(parsed, t.i, place_tokens)
        elif t.pos in ("VERB", "AUX") or (t.pos == "ADJ" and t.tag == "VBG"):
            trig = _verb_trigger(parsed, t.i, lemma, kids, place_tokens)
        elif t.pos == "NOUN" or (t.pos == "PROPN" and lemma in NOUNS):
            trig = _noun_trigger(parsed, t.i, lemma, kids)
        elif t.pos == "ADJ" and lemma in ("liberating", "capturing"):
            trig = Trigger(t.i, "capture", t.i, t.i + 1)
        else:
            trig = None
        if trig and trig.kind == "clash" and _abstract_foe(parsed, t.i):
            trig = None  # "fighting disinformation", "the fight against corruption": a campaign, no armed clash
        if trig:
            if trig.kind == "shelling" and _small_arms(parsed, t.i):
                trig.kind = "clash"
            out.append(trig)
    return _weapon_subjects(parsed, out)


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
HEADING_WORDS = 9


def _sentence_shapes(parsed: ParsedDoc) -> tuple[set[int], set[int]]:
    """(headings, lower-case sentences), by sentence index, read once per document.

    A heading, caption or link text has a few words and no finite verb ("Johnson's appeal", "Meeting of Johnson
    and Stoltenberg", "Iran's attack on Israel."): it names a story and reports nothing. A lower-case sentence has
    at least half its words in lower case: a title-case headline is not one (see `_in_a_name`)."""
    headings, lower_case = set(), set()
    for k, sent in enumerate(parsed.sentences):
        toks = parsed.tokens[sent.first:sent.last]
        words = [t for t in toks if t.text[:1].isalpha()]
        if len(words) <= HEADING_WORDS and not any(t.tag in FINITE_TAGS for t in toks):  # "'re", "'s" are verbs
            headings.add(k)
        if sum(1 for w in words if not w.is_upper_initial) >= 0.5 * len(words):
            lower_case.add(k)
    return headings, lower_case


def _abstract_foe(parsed: ParsedDoc, i: int) -> bool:
    """What a fight word is aimed at, when that is no armed side: its object, what it is against, or the noun it
    describes (the small model reads "fighting disinformation" as an adjective on the noun)."""
    toks = parsed.tokens
    against = parsed.child(i, ("prep",), {"against", "on"})
    foes = [parsed.child(i, ("dobj",)), parsed.child(against, ("pobj",)) if against is not None else None,
            toks[i].head if toks[i].dep in ("amod", "compound") else None]
    return any(f is not None and toks[f].lemma.lower() in ABSTRACT_FOES for f in foes)


def _in_a_name(parsed: ParsedDoc, i: int) -> bool:
    """A capitalised word inside a sentence written in lower case, beside a capitalised name, is part of a name
    ("the online platform Visit Ukraine", "the Attack Helicopter Regiment"), not an event told. The caller asks
    only in lower-case sentences: headlines in title case keep their words."""
    toks = parsed.tokens
    t = toks[i]
    sent = parsed.sentences[t.sent]
    if not t.is_upper_initial or i == sent.first or not (toks[i - 1].text[:1].isalnum() or toks[i - 1].text == ","):
        return False  # the sentence's first word, or one after a quote, colon or dash (a comma starts nothing)
    nxt = toks[i + 1] if i + 1 < sent.last else None
    return (toks[i - 1].is_upper_initial and toks[i - 1].pos == "PROPN") \
        or (nxt is not None and nxt.is_upper_initial and nxt.pos == "PROPN")


LOOT_OBJECTS = {"equipment", "weapon", "ammunition", "arm", "munition", "trophy", "hardware", "materiel", "supply"}


def _taken_thing(parsed: ParsedDoc, i: int) -> str | None:
    """Lemma of what a seizing verb took: its object, its passive subject, or the noun it describes."""
    toks = parsed.tokens
    obj = parsed.child(i, ("dobj", "nsubjpass"))
    if obj is None and toks[i].dep == "acl":
        obj = toks[i].head
    return toks[obj].lemma.lower() if obj is not None else None


def _entry(parsed: ParsedDoc, i: int, place_tokens: set[int]) -> Trigger | None:
    """"troops entered the city of Kherson": taking a place, when a place is what was entered."""
    for c in parsed.children[i]:
        if parsed.tokens[c].dep == "dobj":
            sub = parsed.subtree(c)
            if any(k in place_tokens for k in sub) or parsed.tokens[c].lemma.lower() in ("city", "town", "village"):
                return Trigger(i, "capture", i, i + 1)
    return None


# A journey told with where it led: the verb and the preposition of its destination ("flew to", "arrived in").
JOURNEYS = {"travel": {"to"}, "fly": {"to"}, "arrive": {"in", "at"}, "trip": {"to"}, "journey": {"to"},
            "be": {"in"}}  # "Kishida is in Kyiv", "two days ago I was in Donbas": there, so gone there


def _journey(parsed: ParsedDoc, i: int, place_tokens: set[int]) -> Trigger | None:
    """"Kishida arrived in Kyiv", "the duchess travelled to Ukraine", "made a surprise trip to Ukraine": a person
    of office going to a named place makes a visit (CAMEO 042). Troops arriving, or a trip with no place, are not
    one."""
    toks = parsed.tokens
    lemma = toks[i].lemma.lower()
    prep = parsed.child(i, ("prep",), JOURNEYS[lemma])
    dest = parsed.child(prep, ("pobj",)) if prep is not None else None
    if dest is None or not any(k in place_tokens for k in parsed.subtree(dest)):
        return None
    if lemma == "be" and (dest not in place_tokens or toks[i].dep == "aux"
                          or parsed.child(i, ("attr", "acomp", "xcomp", "ccomp", "neg")) is not None):
        return None  # "he is the mayor in Kyiv", "is in talks with Kyiv", "was not in Russia": no visit told
    if toks[i].pos == "NOUN":
        who = parsed.child(i, ("poss",))
        if who is None and toks[i].dep in ("dobj", "pobj"):  # "made a trip to", "embarked on a trip to"
            verb = toks[i].head if toks[i].dep == "dobj" else toks[toks[i].head].head
            who = parsed.child(verb, ("nsubj",))
    else:
        who = parsed.child(i, ("nsubj",))
        if who is None and toks[i].dep == "conj":  # "arrived in Kyiv and also travelled to Bucha"
            who = parsed.child(toks[i].head, ("nsubj",))
    if who is None or not _of_office(parsed, who):
        return None
    return Trigger(i, "visit", i, prep + 1 if lemma == "be" else i + 1)  # "is in", not a bare "is"


def _of_office(parsed: ParsedDoc, k: int) -> bool:
    """A named person or a holder of office: "Fumio Kishida", "the prime minister", "Prime Minister Kishida"."""
    t = parsed.tokens[k]
    if t.ent_type == "PERSON" or t.lemma.lower() in TRAVELLERS:
        return True
    return t.pos == "PROPN" and any(parsed.tokens[c].lemma.lower() in TRAVELLERS for c in parsed.children[k]
                                    if parsed.tokens[c].dep in ("compound", "appos"))


def _weapon_subjects(parsed: ParsedDoc, triggers: list[Trigger]) -> list[Trigger]:
    """"Turkish air strikes hit Tal Abyad": one event; the verb keeps the noun's more specific kind."""
    by_head = {t.head: t for t in triggers}
    drop = set()
    for t in triggers:
        tok = parsed.tokens[t.head]
        verb = by_head.get(tok.head)
        if tok.dep == "nsubj" and tok.pos == "NOUN" and verb is not None and verb.head != t.head:
            if t.kind in ("airstrike", "shelling", "explosion", "attack") and verb.kind in ("shelling", "attack", "kill"):
                if verb.kind != "kill":
                    verb.kind = t.kind if t.kind != "attack" else verb.kind
                    verb.first = min(verb.first, t.first)
                    drop.add(t.head)
        # "launched a rocket attack", "carried out air strikes": the verb's object is the event itself.
        if tok.dep == "dobj" and tok.pos == "NOUN" and verb is not None and t.kind in VIOLENT_OBJECT_KINDS \
                and (verb.kind in VIOLENT_OBJECT_KINDS or verb.last > t.first):
            verb.kind = t.kind if t.kind != "attack" else verb.kind
            verb.last = max(verb.last, t.last)
            drop.add(t.head)
    return [t for t in triggers if t.head not in drop]


VIOLENT_OBJECT_KINDS = {"airstrike", "shelling", "explosion", "attack"}


def _of_objects(parsed: ParsedDoc, i: int) -> list[int]:
    """The nouns after "of" under token i: "a state of emergency", "10 days of war games"."""
    toks = parsed.tokens
    return [g for c in parsed.children[i] if toks[c].text.lower() == "of"
            for g in parsed.children[c] if toks[g].dep == "pobj"]


# Subjects that can expel or deport: a state or its agents, armed groups.
AUTHORITIES = {"army", "police", "government", "authority", "force", "troop", "soldier", "militant", "rebel",
               "regime", "militia", "official", "junta", "administration", "ministry"}


def _authority_subject(parsed: ParsedDoc, i: int) -> bool:
    subj = parsed.child(i, ("nsubj",))
    if subj is None:
        return False
    t = parsed.tokens[subj]
    return t.ent_type in ("GPE", "ORG", "NORP") or t.lemma.lower() in AUTHORITIES


def _verb_trigger(parsed: ParsedDoc, i: int, lemma: str, kids: list[int],
                  place_tokens: set[int]) -> Trigger | None:
    toks = parsed.tokens
    for c in kids:
        ct = toks[c]
        if ct.dep in ("prt", "prep") and c > i and (lemma, ct.text.lower()) in PHRASAL:
            needs = PHRASAL_OBJECTS.get((lemma, ct.text.lower()))
            if needs and parsed.child(c, ("pobj",), needs) is None:
                continue  # "went on strike", not "battles went on for Irpin"
            kind = PHRASAL[(lemma, ct.text.lower())]
            if kind == "aid" and not _aid_object(parsed, i):
                continue
            if kind == "appeal":
                kind = _appeal_kind(parsed, c)
            return Trigger(i, _aid_object(parsed, i) if kind == "aid" else kind, min(i, c), max(i, c) + 1)
        if ct.dep in ("dobj", "nsubjpass") and (lemma, ct.lemma.lower()) in PHRASAL:
            return Trigger(i, PHRASAL[(lemma, ct.lemma.lower())], min(i, c), max(i, c) + 1)
        if ct.dep in ("dobj", "nsubjpass"):  # "blocked the process", "the process was blocked"
            # "fired 122mm and 120mm mortars": the object's head may be a number, its conjuncts the weapons;
            # "launched 10 days of war games", "fired a volley of rockets": a measure of the object.
            for k in [c] + [k for k in parsed.subtree(c) if toks[k].dep in ("conj", "appos", "compound")] \
                    + _of_objects(parsed, c):
                if (lemma, toks[k].lemma.lower()) in VERB_OBJECT:
                    last = k + 1 if 0 < k - i <= 3 else i + 1  # "took control", not "fired 122mm and 120mm mortars"
                    return Trigger(i, VERB_OBJECT[(lemma, toks[k].lemma.lower())], i, last)
    down = parsed.child(i, ("prt", "prep", "advmod"), {"down"}) if lemma == "shoot" else None
    if down is not None or (lemma == "down" and _objects(parsed, i)):
        # Shooting down a drone or missile disrupts a weapon; an aircraft downed is an attack on it.
        weapon = bool(_objects(parsed, i) & INTERCEPTED)
        return Trigger(i, "disrupted" if weapon else "shelling", i, (down or i) + 1)
    if lemma == "shoot" and (parsed.child(i, ("acomp", "oprd", "advmod"), {"dead"}) is not None
                             or (i + 1 < len(toks) and toks[i + 1].text.lower() == "dead")):
        return Trigger(i, "kill", i, i + 1)  # "shot dead two fighters"
    if lemma == "intercept" and _objects(parsed, i) & INTERCEPTED:
        return Trigger(i, "disrupted", i, i + 1)  # "air defence intercepted a drone and a missile"
    if lemma == "drop" and _objects(parsed, i) & {"bomb", "ammunition", "munition", "explosive", "missile", "barrel",
                                                  "grenade", "mine", "shell"}:
        return Trigger(i, "airstrike", i, i + 1)
    if lemma in ("advance", "repel", "repulse") or (lemma == "destroy" and _objects(parsed, i) & MILITARY_TARGETS):
        subj = parsed.child(i, ("nsubj", "agent"))
        aerial = subj is not None and any(toks[k].lemma.lower() in AERIAL for k in parsed.subtree(subj))
        if toks[i].dep == "xcomp" and toks[toks[i].head].lemma.lower() == "use":
            # "used Bayraktar drones to destroy four columns": the means are what was used
            aerial = aerial or bool(_objects(parsed, toks[i].head) & AERIAL)
        paired = [toks[i].head] if toks[i].dep == "conj" else []
        paired += [c for c in parsed.children[i] if toks[c].dep == "conj"]
        if lemma == "destroy" and not aerial and any(toks[k].lemma.lower() in SHELLING_VERBS for k in paired):
            return Trigger(i, "shelling", i, i + 1)  # "shelled and destroyed the equipment": one bombardment
        return Trigger(i, "airstrike" if aerial else "clash", i, i + 1)
    if lemma in AID_VERBS and (kind := _aid_object(parsed, i)):
        return Trigger(i, kind, i, i + 1)
    if lemma == "fall" and (to := parsed.child(i, ("prep",), {"to"})) is not None:
        return Trigger(i, "capture", i, to + 1)
    if lemma in ("hit", "strike", "pound", "slam", "crash", "smash") and (weapon := _weapon_subject(parsed, i)):
        # "missiles slammed into the tower": a weapon that lands is a strike, not criticism
        return Trigger(i, "airstrike" if weapon in AERIAL else "shelling", i, i + 1)
    if lemma in ADMITTING and any(toks[k].lemma.lower() in MONITORS for c in parsed.children[i]
                                  if toks[c].dep in ("dobj", "nsubjpass") for k in parsed.subtree(c)):
        return Trigger(i, "allow_access", i, i + 1)  # "received a mission of observers": CAMEO 086
    if lemma == "arrive" and (subj := parsed.child(i, ("nsubj",))) is not None \
            and any(toks[k].lemma.lower() in MONITORS for k in parsed.subtree(subj)):
        return Trigger(i, "allow_access", i, i + 1)  # "the first peacekeeping troops arrived in Sierra Leone"
    if lemma in ("gather", "assemble") and (subj := parsed.child(i, ("nsubj",))) is not None \
            and any(toks[k].lemma.lower() in CROWDS for k in parsed.subtree(subj)):
        return Trigger(i, "protest", i, i + 1)  # "about 80 people gathered in Dnipro to ...": a demonstration
    if lemma in ("respond", "reply", "retaliate") and (w := parsed.child(i, ("prep",), {"with"})) is not None \
            and (f := parsed.child(w, ("pobj",), {"fire", "gunfire", "shelling", "artillery"})) is not None:
        return Trigger(i, "clash", i, f + 1)  # "Ukrainian forces responded with fire": the shelled side fought back
    if lemma == "fire" and parsed.child(i, ("prep",), {"at", "on", "in", "into", "towards", "near"}) is not None:
        return Trigger(i, "shelling", i, i + 1)  # "forces fired in Rubizhne", "fired towards block posts"
    if lemma in ("fight", "battle"):
        return Trigger(i, "clash", i, i + 1)
    if lemma in ("die", "kill") or (lemma == "dead"):
        return Trigger(i, "kill", i, i + 1)
    if lemma == "liberate":
        # a place is liberated by those it belongs to, as the report sees it: "the village was liberated from
        # Russian forces" is retaken (who took it, when named, decides ACLED's sub-type all the same)
        return Trigger(i, "regain", i, i + 1)
    if lemma == "accept":
        obj = parsed.child(i, ("dobj", "nsubjpass"))
        if obj is not None and toks[obj].lemma.lower() in ("demand", "condition", "request", "ultimatum", "refugee",
                                                           "migrant", "asylum"):
            return Trigger(i, "concede", i, i + 1)  # acceding to demands: CAMEO 083
        if obj is not None and toks[obj].lemma.lower() in ("proposal", "plan", "offer", "formula", "deal", "invitation",
                                                           "agreement", "term", "compromise", "settlement"):
            return Trigger(i, "agree", i, i + 1)
        return None
    kind = VERBS.get(lemma)
    if kind is None or _other_sense(parsed, i, lemma):
        return None
    if lemma in PROMISES and (comp := parsed.child(i, ("xcomp",))) is not None \
            and VERBS.get(toks[comp].lemma.lower()) in CONFLICT_KINDS:
        return None  # "vowed to attack the capital": a threat, which the attack's own mention tells (CAMEO 13)
    if lemma == "target" and (subj := parsed.child(i, ("nsubj",))) is not None \
            and toks[subj].lemma.lower() in MEASURES:
        kind = "sanction"  # "the new measures target Iranian drone makers": a sanction, not an attack
    if lemma == "complain":
        kind = "complain"
    if lemma in NEEDS_OBJECT:
        objs = [toks[c] for c in kids if toks[c].dep in ("dobj", "nsubjpass")
                or (lemma in ("allow", "permit") and toks[c].dep in ("ccomp", "xcomp"))]  # "allow X to return"
        wanted = NEEDS_OBJECT[lemma]
        # "lifted a state of emergency": the noun after "of" says what the object is.
        objs += [toks[g] for o in objs for g in _of_objects(parsed, o.i)]
        if not objs or (wanted and not any(o.lemma.lower() in wanted for o in objs)):
            return None  # "returned home", "cut prices": not the event the verb can name
    if lemma == "invite" and not any(_invitee(o) for o in objs):
        return None  # "I invite extreme caution", "we will invite people to visit": no one in particular
    if kind == "capture" and lemma == "capture" and _object_is_person(parsed, i, place_tokens):
        kind = "arrest"
    if kind == "capture" and _taken_thing(parsed, i) in MILITARY_TARGETS | LOOT_OBJECTS:
        kind = "seize_property"  # "equipment captured from Ukrainian forces": spoils, not a place changing hands
    if kind == "demand" and lemma == "order" and parsed.child(i, ("xcomp", "ccomp")) is None:
        return None
    if kind == "appeal":
        kind = _appeal_kind(parsed, i)
    if kind == "threaten" and parsed.child(i, ("xcomp",), {"attack", "strike", "invade", "retaliate", "use"}):
        kind = "threaten_force"
    return Trigger(i, kind, i, i + 1)


# What is published, not set free: "details have not been released", "released a statement".
PUBLISHED_THINGS = {"detail", "statement", "report", "data", "figure", "video", "footage", "name", "information",
                    "document", "list", "result", "photo", "photograph", "image", "recording", "audio", "transcript",
                    "plan", "proposal", "album", "song", "film", "book", "update", "number", "estimate", "study",
                    "survey", "poll", "account", "guidance", "guideline", "version", "text", "draft", "pact",
                    "communique", "communiqué", "readout", "declaration", "letter", "memorandum", "assessment",
                    "evidence", "map", "clip", "interview"}
# What a proposal or threat "is met with": a reaction, not a meeting.
REACTIONS = {"condemnation", "criticism", "resistance", "opposition", "skepticism", "scepticism", "approval",
             "applause", "silence", "outrage", "anger", "protest", "response", "reaction", "derision", "dismay",
             "fire", "force", "suspicion", "concern", "alarm", "relief", "enthusiasm", "hostility", "ridicule"}
# Who is received as a guest.
VISITORS = {"delegation", "visitor", "guest", "minister", "president", "leader", "envoy", "ambassador", "counterpart",
            "official", "delegate", "premier", "chancellor", "king", "queen", "prince", "pope", "secretary",
            "representative", "head", "mission", "team", "group", "monarch", "emir", "sheikh", "diplomat"}
# Who is invited: not a visitor or group in general ("we will invite people to visit").
INVITEES = VISITORS - {"visitor", "guest", "group", "team"}
# Who makes a visit when they travel: a state's or an institution's people, not troops, refugees or tourists.
TRAVELLERS = INVITEES - {"mission"} | {"duke", "duchess", "princess", "mr", "mrs", "ms", "dr", "senator", "mayor",
                                       "governor"}
# What "captures" in the sense of records or conveys: "the episode captures the effort of ...".
RECORDINGS = {"episode", "film", "photo", "photograph", "video", "book", "documentary", "image", "picture", "camera",
              "footage", "story", "exhibition", "painting", "novel", "series", "show", "article", "play", "poem"}
CAPTURED_SENSES = {"effort", "attention", "imagination", "mood", "spirit", "essence", "moment", "feeling", "heart",
                   "atmosphere", "sense", "scene", "interest", "zeitgeist", "struggle", "experience"}


def _invitee(t: Token) -> bool:
    """Whether a word names someone a state or an organiser invites: a name, a state, an office or a delegation."""
    return t.pos == "PROPN" or t.ent_type in ("PERSON", "NORP", "GPE", "ORG") \
        or t.lemma.lower() in INVITEES


def _other_sense(parsed: ParsedDoc, i: int, lemma: str) -> bool:
    """The trigger verb in a sense that is no event: "the strikes demonstrated Russia's attitude" (showed),
    "declining defence budgets" (fell), "it will be met with condemnation", "details were released", "the film
    captures the mood" (conveys)."""
    toks = parsed.tokens
    if lemma == "demonstrate":
        return parsed.child(i, ("dobj", "ccomp")) is not None
    if lemma == "commit":
        # "committed to helping Ukraine", "has committed itself to the talks" promise; "committed war crimes", "were
        # committed to battle" do not
        return parsed.child(i, ("prep",), {"to"}) is None or parsed.child(i, ("nsubj",)) is None \
            or any(toks[c].dep == "dobj" and toks[c].pos != "PRON" for c in parsed.children[i])
    if lemma == "decline":
        return parsed.child(i, ("dobj", "xcomp", "nsubjpass")) is None
    if lemma == "meet":
        return (w := parsed.child(i, ("prep",), {"with"})) is not None \
            and parsed.child(w, ("pobj",), REACTIONS) is not None
    if lemma == "release":
        return any(toks[c].lemma.lower() in PUBLISHED_THINGS for c in parsed.children[i]
                   if toks[c].dep in ("dobj", "nsubjpass"))
    if lemma == "receive":
        # hosting receives someone: "received the delegation", not "received an alert" or "received aid"
        obj = parsed.child(i, ("dobj",))
        return obj is None or not (toks[obj].ent_type in ("PERSON", "ORG", "NORP", "GPE")
                                   or toks[obj].lemma.lower() in VISITORS)
    if lemma == "discuss":
        # "the ministers discussed maritime security" is a consultation; "met to discuss", "was discussed at the
        # meeting" name the meeting told beside it; a report discusses a topic; people over coffee consult no one
        subj = parsed.child(i, ("nsubj",))
        return subj is None or toks[subj].lemma.lower() in RECORDINGS | PUBLISHED_THINGS | CROWDS
    if lemma == "capture":
        subj, obj = parsed.child(i, ("nsubj",)), parsed.child(i, ("dobj", "nsubjpass"))
        return (subj is not None and toks[subj].lemma.lower() in RECORDINGS) \
            or (obj is not None and toks[obj].lemma.lower() in CAPTURED_SENSES)
    return False


def _noun_trigger(parsed: ParsedDoc, i: int, lemma: str, kids: list[int]) -> Trigger | None:
    toks = parsed.tokens
    if lemma == "strike":
        if parsed.child(i, ("compound", "amod"), {"hunger"}) is not None:
            return Trigger(i, "hunger_strike", i, i + 1)
        if parsed.child(i, ("compound", "amod"), {"general", "labour", "labor", "worker", "national", "teacher",
                                                   "doctor", "miner", "transport", "nationwide"}) is not None:
            return Trigger(i, "strike_labour", i, i + 1)
    if lemma in ("strike", "attack", "raid", "bombing"):
        for c in kids:
            mod = toks[c].lemma.lower()
            if toks[c].dep in ("compound", "amod") and mod in STRIKE_MODIFIERS:
                return Trigger(i, STRIKE_MODIFIERS[mod], c, i + 1)
        if lemma == "strike":
            return Trigger(i, "shelling", i, i + 1) if parsed.child(i, ("prep",), {"on", "against"}) else None
    if lemma == "bomb" and parsed.child(i, ("compound", "amod"), {"suicide", "car"}) is not None:
        return Trigger(i, "suicide_bomb", i, i + 1)
    if lemma in ("call", "calls") and (prep := parsed.child(i, ("prep",), {"for"})) is not None:
        return Trigger(i, _appeal_kind(parsed, prep), i, prep + 1)
    if lemma == "fire" and parsed.child(i, ("compound", "amod"), {"artillery", "rocket", "mortar", "tank"}):
        return Trigger(i, "shelling", i, i + 1)
    if lemma in ("talk",) and toks[i].text.lower() != "talks":
        return None
    if lemma == "fall" and (of := parsed.child(i, ("prep",), {"of"})) is not None:
        return Trigger(i, "capture", i, of + 1)
    if lemma in ("death", "casualty", "dead"):
        return None
    if lemma == "alert" and (parsed.child(i, ("amod",), {"high", "higher", "heightened", "combat", "full", "maximum",
                                                          "highest", "military"}) is not None
                             or (toks[i].dep == "pobj" and toks[toks[i].head].text.lower() == "on")):
        return Trigger(i, "alert", i, i + 1)  # "troops remained on alert", "put on high alert": CAMEO 152
    if lemma == "operation" and parsed.child(i, ("amod", "compound"), {"offensive", "combat", "assault"}) is not None:
        return Trigger(i, "attack", i, i + 1)  # "carried out offensive operations against X"
    kind = NOUNS.get(lemma)
    if kind == "clash" and lemma in ("shot", "burst") and not _small_arms(parsed, i):
        if not _heavy_guns(parsed, i):
            return None
        kind = "shelling"  # "bursts of fire involving heavy machine guns": fire from afar
    if kind == "explosion" and lemma in ("explosion", "blast"):
        sent = parsed.sentences[toks[i].sent]
        words = {toks[k].lemma.lower() for k in range(sent.first, sent.last)}
        if not words & DEVICE_WORDS:
            kind = "shelling"  # "explosions involving unknown weapons near X": fire, not a planted device
    if kind == "protest" and lemma == "march" and not toks[i].is_upper_initial and parsed.child(i, ("prep",), {"on"}):
        return None
    return Trigger(i, kind, i, i + 1) if kind else None


def _objects(parsed: ParsedDoc, verb: int) -> set[str]:
    """Lemmas of what a verb acts on: its object and passive subject, their conjuncts ("VOG-17 and VOG-25
    fragmentation grenades"), and the noun after "one of" ("destroyed one of the bases")."""
    toks = parsed.tokens
    heads = [c for c in parsed.children[verb] if toks[c].dep in ("dobj", "nsubjpass")]
    heads += [k for h in heads for k in parsed.subtree(h) if toks[k].dep == "conj" and toks[k].head == h]
    if heads:  # a noun conjunct of the verb itself is the object's, misattached
        heads += [c for c in parsed.children[verb] if toks[c].dep == "conj" and toks[c].pos == "NOUN"]
    heads += [g for h in heads if toks[h].pos in ("NUM", "PRON") or toks[h].lemma.lower() in ("some", "part")
              for c in parsed.children[h] if toks[c].text.lower() == "of"
              for g in parsed.children[c] if toks[g].dep == "pobj"]
    return {_TARGET_LEMMAS.get(toks[h].lemma.lower(), toks[h].lemma.lower()) for h in heads}


def _aid_object(parsed: ParsedDoc, verb: int) -> str | None:
    """The kind of aid a verb's object names: "food", or "25,000 tons of food aid"."""
    for c in parsed.children[verb]:
        t = parsed.tokens[c]
        if t.dep not in ("dobj", "nsubjpass"):
            continue
        if t.lemma.lower() in AID_OBJECTS:
            return AID_OBJECTS[t.lemma.lower()]
        of = parsed.child(c, ("prep",), {"of"})
        for k in parsed.subtree(of) if of is not None else []:
            if parsed.tokens[k].dep == "pobj" and parsed.tokens[k].lemma.lower() in AID_OBJECTS:
                return AID_OBJECTS[parsed.tokens[k].lemma.lower()]
    return None


def _appeal_kind(parsed: ParsedDoc, i: int) -> str:
    words = {parsed.tokens[j].lemma.lower() for j in parsed.subtree(i)}
    if words & MILITARY_AID_WORDS:
        return "appeal_military_aid"
    if words & HUMANITARIAN_WORDS:
        return "appeal_aid"
    return "appeal"


def _weapon_subject(parsed: ParsedDoc, verb: int) -> str | None:
    """"missiles hit", "Ukrainian artillery hit", "the Russian air force hit": the weapon ("air" for air forces)."""
    for c in parsed.children[verb]:
        t = parsed.tokens[c]
        if t.dep == "nsubj" and t.lemma.lower() in WEAPON_SUBJECTS:
            if t.lemma.lower() == "force":
                return "aircraft" if parsed.child(c, ("compound", "amod"), {"air"}) is not None else None
            return t.lemma.lower()
    return None


def _object_is_person(parsed: ParsedDoc, verb: int, place_tokens: set[int]) -> bool:
    """"captured two soldiers" is an arrest; "captured Kherson" is not, even when the tagger calls Kherson a person."""
    for c in parsed.children[verb]:
        t = parsed.tokens[c]
        if t.dep in ("dobj", "nsubjpass"):
            return (t.ent_type == "PERSON" and c not in place_tokens) or t.lemma.lower() in CAPTIVES
    return False


# People one captures (an arrest or a capture in battle), never ground.
CAPTIVES = {"soldier", "fighter", "prisoner", "man", "woman", "people", "civilian", "member", "leader", "commander",
            "officer", "militant", "serviceman", "troop", "journalist", "suspect", "person", "colonel", "general",
            "lieutenant", "major", "captain", "sergeant", "pilot", "sailor", "crew", "crewman", "marine",
            "paratrooper", "mercenary", "spy", "agent", "official", "mayor", "activist", "child", "hostage",
            "volunteer", "citizen", "national", "resident", "driver", "sniper", "gunman", "insurgent", "rebel",
            "separatist", "policeman", "saboteur", "servicemen"}


def operation_antecedents(parsed: ParsedDoc, triggers: list[Trigger]) -> dict[int, Trigger]:
    """"the operation to capture the Luhansk region": operation noun token → the trigger it was named after."""
    by_head = {t.head: t for t in triggers}
    out: dict[int, Trigger] = {}
    for t in parsed.tokens:
        if t.lemma.lower() in OPERATION_NOUNS and t.pos == "NOUN":
            nxt = t.i + 2
            if nxt < len(parsed.tokens) and parsed.tokens[t.i + 1].text.lower() == "to" and nxt in by_head:
                out[t.i] = by_head[nxt]
    return out
