"""Does a clause assert its event? Negation, modals, infinitives of intent, conditionals, questions, reported speech.

A trigger word is a report only when its clause says the event happened (or, for stated intentions, that someone
said they would do it). These checks read the dependency parse around the trigger.
"""

from __future__ import annotations

from ..types import Actor, ParsedDoc
from .kinds import VERBAL_KINDS
from .roles import INTENT, ONSET_VERBS, Roles
from .triggers import Trigger

MODAL_SKIP = {"should", "must", "could", "might", "may", "would", "ought", "can"}
MODAL_FUTURE = {"will", "shall", "'ll", "wo"}
# Verbs whose infinitive complement happened: "began to shell", "prompted X to step up calls".
IMPLICATIVE = {"begin", "start", "continue", "resume", "keep", "manage", "finish", "complete", "go", "prompt",
               "force", "compel", "cause", "lead", "push", "drive", "spur", "oblige",
               "use"}  # "used drones to destroy the column": the means of what was done
# Verbs of trying: "tried to break through the defence" reports fighting, whether or not the aim was reached.
ATTEMPT = {"try", "attempt"}
# Nouns that present what follows as an aim, not a report: "its initial goals: capturing Kyiv, ...".
GOAL_NOUNS = {"goal", "aim", "objective", "plan", "task", "mission", "ambition", "target", "intention", "purpose",
              "priority", "hope", "dream", "bid"}
# Verbs whose "for" object is still to come.
HOPE_VERBS = {"hope", "wish", "pray", "plan", "prepare", "aim", "wait", "brace", "long", "yearn"}
CONDITIONAL = {"if", "unless", "whether"}
PENDING = {"until", "till", "before", "once"}
# Verbs whose "that" clause is what is asked for: "demanded that the army withdraw".
ASKING = {"demand", "urge", "ask", "request", "require", "propose", "suggest", "recommend", "want", "order", "plead",
          "beg", "petition", "call", "appeal", "proposal", "ultimatum", "plea"}
# What is feared is not reported: "afraid of an attack from Belarus", "the prospect of a new offensive".
FEARED = {"afraid", "fearful", "wary", "scared", "worried", "fear", "risk", "danger", "prospect", "possibility",
          "spectre", "specter", "likelihood", "threat"}
# A noun event that is only a possibility: "potential meetings", "any possible summit", "a hypothetical strike".
MAYBE = {"potential", "possible", "prospective", "hypothetical", "eventual", "putative", "conceivable"}
SAY = {"say", "tell", "announce", "report", "state", "add", "write", "note", "declare", "confirm", "post",
       "reveal", "explain"}
CLAIM = {"claim", "allege", "insist", "assert", "boast"}
DENY = {"deny", "dismiss", "refute"}


def topic_of_verbal_event(parsed: ParsedDoc, trig: Trigger, statuses: dict, kind_of: dict[int, str]) -> bool:
    """"condemned the offensive", "called for a ceasefire", "rallied against the offensive": what a statement or
    protest is about is not reported there as a new event."""
    toks = parsed.tokens
    if toks[trig.head].pos != "NOUN":
        return False
    j = trig.head
    for _ in range(6):
        t = toks[j]
        if t.head == j:
            return False
        j = t.head
        if toks[j].pos in ("VERB", "AUX"):
            break
    return kind_of.get(j) in VERBAL_KINDS  # asserted or not: "who call for sanctions" asserts no sanctions



def _clause_chain(parsed: ParsedDoc, i: int) -> list[int]:
    """The trigger and the words that carry its clause's modality: "should continue fighting" → fighting, continue."""
    toks = parsed.tokens
    chain = [i]
    j = i
    for _ in range(6):
        t = toks[j]
        if t.head == j:
            break
        if t.pos in ("VERB", "AUX") and t.dep not in ("xcomp", "conj", "pcomp", "amod"):
            break
        j = t.head
        chain.append(j)
        if toks[j].pos in ("VERB", "AUX") and toks[j].dep not in ("xcomp", "conj"):
            break
    return chain



def negated(parsed: ParsedDoc, i: int) -> bool:
    return any(parsed.tokens[c].dep == "neg" for k in _clause_chain(parsed, i) for c in parsed.children[k])



def status_of(parsed: ParsedDoc, i: int, negation_ok: bool = False) -> str | None:
    """reported / planned / claimed / denied / intent / attempted, or None when the clause does not assert the
    event."""
    toks = parsed.tokens
    status = "reported"
    chain = _clause_chain(parsed, i)
    for k in chain:
        kids = parsed.children[k]
        if any(toks[c].dep == "neg" for c in kids) and not negation_ok:
            return None
        reported_future = toks[k].dep == "ccomp" and toks[toks[k].head].lemma.lower() in SAY | CLAIM
        if any(toks[c].dep == "aux" and toks[c].text.lower() in MODAL_SKIP
               and not (reported_future and toks[c].text.lower() == "would") for c in kids):
            return None  # ("said it would tighten the blockade" is a future told in the past: planned)
        if any(toks[c].dep in ("aux", "auxpass") and (toks[c].text.lower() in MODAL_FUTURE or (
                reported_future and toks[c].text.lower() == "would")) for c in kids):
            status = "planned"
        if any(toks[c].dep == "mark" and toks[c].text.lower() in CONDITIONAL for c in kids):
            return None
        if toks[k].tag in ("VBZ", "VBP") and any(toks[c].dep == "mark" and toks[c].text.lower() in PENDING
                                                 for c in kids):
            return None  # "will fight until it regains the territory": a present after "until" is not yet
        if toks[k].dep in ("ccomp", "acl") and toks[k].head != k and toks[toks[k].head].lemma.lower() in ASKING:
            return None  # "demanded that Ethiopia withdraw its troops", "its demand that Israel ease": asked for
        # An infinitive asserts nothing ("to regain", "failing to gain", "decided to concentrate") unless the verb
        # above it implies it happened ("began to shell", "prompted Zelenskyy to step up calls").
        if any(toks[c].dep == "aux" and toks[c].tag == "TO" for c in kids):
            if toks[toks[k].head].lemma.lower() in INTENT and toks[k].head != k:
                return "intent"  # "is ready to host talks", "pledged to send aid": a stated intention
            if toks[toks[k].head].lemma.lower() in ATTEMPT and toks[k].head != k:
                return "attempted" if status_of(parsed, toks[k].head) is not None else None
            if toks[toks[k].head].lemma.lower() not in IMPLICATIVE or toks[k].head == k:
                return None
            if status_of(parsed, toks[k].head) is None:
                return None
    if toks[i].tag == "VBG" and toks[i].dep in ("csubj", "csubjpass", "nsubj") \
            and toks[toks[i].head].lemma.lower() not in ONSET_VERBS:
        # "regaining control over Ukraine is a priority": a goal talked about, not a report ("fighting took
        # place" is one)
        return None
    if _named_as_goal(parsed, i) or _hoped_for(parsed, i) or _maybe(parsed, i) or _stopped(parsed, i) \
            or _inside_condition(parsed, i) or _yet_to_come(parsed, i):
        return None
    if _open_to(parsed, i):
        return "intent"  # "we remain open to meeting the Russians": willing, as CAMEO's intent to meet
    root = chain[-1]
    if toks[root].tag == "VB" and toks[root].dep == "ROOT" and not any(toks[c].dep == "nsubj" for c in parsed.children[root]):
        return None  # imperative
    sent = parsed.sentences[toks[i].sent]
    if parsed.clean.text[sent.start:sent.end].rstrip(' "\'”’)').endswith("?"):
        return None  # "How imminent is the threat of war?" asks, it does not report
    if toks[i].tag in ("VBP", "VBZ") and toks[i].dep == "relcl":
        return None  # "compatriots who call for sanctions": a habit that describes someone, not an event
    if _describing_clause(parsed, i):
        return None
    speech = speech_verb(parsed, i)
    if speech is not None:
        lemma = toks[speech].lemma.lower()
        if lemma in DENY:
            return "denied"
        if lemma in CLAIM and status != "planned":
            return "claimed"
    if _in_quotes(parsed, i) and status != "planned":
        return "claimed"  # a plan stays one, whoever tells it: "Putin will not be invited," said the mission
    return status



def _inside_condition(parsed: ParsedDoc, i: int) -> bool:
    """"If you want to see our destroyed cities and people fighting, come now": a trigger anywhere under an if-clause
    is part of the condition, however deep the parse puts it."""
    toks = parsed.tokens
    for j in [i, *parsed.ancestors(i)[:12]]:
        marks = {toks[c].text.lower() for c in parsed.children[j] if toks[c].dep == "mark"}
        if j != i and toks[j].dep == "advcl" and marks & CONDITIONAL:
            return True
        if toks[j].dep == "relcl" or (toks[j].dep == "advcl" and marks and not marks & CONDITIONAL):
            return False  # "attacks like that which killed seven", "as he did in 2014": a fact told inside it
    return False


TEMPORAL_LIMITS = {"until", "till", "before"}


def _yet_to_come(parsed: ParsedDoc, i: int) -> bool:
    """"sworn to fight until the last village is taken back", "before the offensive begins": an until- or
    before-clause in the present tense tells a time still to come; in the past ("until the town was taken") a fact."""
    toks = parsed.tokens
    for j in [i, *parsed.ancestors(i)[:12]]:
        marks = {toks[c].text.lower() for c in parsed.children[j] if toks[c].dep == "mark"}
        if toks[j].dep == "advcl" and marks & TEMPORAL_LIMITS:
            verbs = [j, *(c for c in parsed.children[j] if toks[c].dep in ("aux", "auxpass"))]
            return any(toks[v].tag in ("VBZ", "VBP") for v in verbs)
        if toks[j].dep in ("relcl", "advcl", "ccomp"):
            return False  # the clause the trigger is in is another one
    return False


STOPPING = {"prohibit", "ban", "forbid", "outlaw", "cancel", "postpone", "avert", "thwart", "foil"}


def _stopped(parsed: ParsedDoc, i: int) -> bool:
    """"banned rallies near the parliament", "the talks were postponed", "foiled an attack": what is stopped does
    not take place; the ban is the event."""
    toks = parsed.tokens
    return toks[i].pos == "NOUN" and toks[i].dep in ("dobj", "nsubjpass") and toks[i].head != i \
        and toks[toks[i].head].lemma.lower() in STOPPING


def _named_as_goal(parsed: ParsedDoc, i: int) -> bool:
    """A gerund that spells out an aim: "the goal of capturing Kyiv", "war aims include capturing Donbas", "its
    initial goals; removing the president, capturing Kyiv"."""
    toks = parsed.tokens
    if toks[i].tag != "VBG":
        return False
    j = i
    while toks[j].dep == "conj" and toks[j].head != j:
        j = toks[j].head  # the first of a list of gerunds
    h = toks[j].head
    if toks[j].dep == "pcomp" and toks[toks[h].head].lemma.lower() in GOAL_NOUNS:
        return True
    if toks[j].dep in ("dobj", "xcomp", "attr") and any(
            toks[c].dep in ("nsubj", "nsubjpass") and toks[c].lemma.lower() in GOAL_NOUNS for c in parsed.children[h]):
        return True
    first = parsed.sentences[toks[j].sent].first
    if j - 1 > first and toks[j - 1].text in (";", ":", "—", "–"):
        return any(toks[k].lemma.lower() in GOAL_NOUNS for k in range(max(first, j - 4), j - 1))
    return False


def _describing_clause(parsed: ParsedDoc, i: int) -> bool:
    """"the trip is the first time a prime minister has visited a war zone": a record being described, the event
    itself is told elsewhere ("the trip"). Likewise "every person I met": a clause that picks out everyone it
    applies to describes them, it tells no one meeting."""
    toks = parsed.tokens
    h = toks[i].head
    if toks[i].dep != "relcl":
        return False
    if any(toks[c].dep == "det" and toks[c].text.lower() in ("every", "each", "any") for c in parsed.children[h]):
        return True
    return toks[h].lemma.lower() == "time" and any(
        toks[c].lemma.lower() in ("first", "last", "only") for c in parsed.children[h])


WILLING = {"open", "ready", "willing", "amenable", "receptive"}


PLEDGED = {"commit", "commitment", "pledge", "promise"}


def _open_to(parsed: ParsedDoc, i: int) -> bool:
    """"open to meeting again", "ready for talks": a willingness, not the meeting; "committed to helping Ukraine",
    "a commitment to supporting Kyiv": a pledge (CAMEO's intent to cooperate), not the help."""
    toks = parsed.tokens
    if _pledged(parsed, i):
        return True
    prep = toks[i].head
    if toks[i].dep not in ("pcomp", "pobj") or toks[prep].text.lower() not in ("to", "for"):
        return False
    over = toks[prep].head
    return toks[over].pos == "ADJ" and toks[over].lemma.lower() in WILLING


def _pledged(parsed: ParsedDoc, i: int) -> bool:
    """The trigger is, or is inside, the gerund a pledge is to ("committed to helping Ukraine rebuild and support
    its economy")."""
    toks = parsed.tokens
    return any(toks[j].tag == "VBG" and toks[j].dep == "pcomp" and toks[h].text.lower() == "to"
               and toks[toks[h].head].lemma.lower() in PLEDGED
               for j, h in zip([i, *parsed.ancestors(i)[:5]], parsed.ancestors(i)[:6]))


def _maybe(parsed: ParsedDoc, i: int) -> bool:
    """"preparing for potential meetings", "any Putin-Biden meeting": a noun event that may never happen."""
    toks = parsed.tokens
    if toks[i].pos != "NOUN":
        return False
    return any(toks[c].dep == "amod" and toks[c].lemma.lower() in MAYBE
               or toks[c].dep == "det" and toks[c].text.lower() == "any" for c in parsed.children[i])


def _hoped_for(parsed: ParsedDoc, i: int) -> bool:
    """"hoping for a lightning takeover", "preparing for an offensive", "afraid of an attack": what someone hopes,
    prepares for or fears has not happened."""
    toks = parsed.tokens
    prep = toks[i].head
    if toks[i].dep != "pobj":
        return False
    over = toks[toks[prep].head].lemma.lower()
    return (toks[prep].text.lower() == "for" and over in HOPE_VERBS) \
        or (toks[prep].text.lower() == "of" and over in FEARED)


def speech_verb(parsed: ParsedDoc, i: int) -> int | None:
    """The say/claim/deny verb whose reported clause holds token i (entered through ccomp, not a prepositional phrase)."""
    toks = parsed.tokens
    j = i
    for _ in range(8):
        h = toks[j].head
        if h == j:
            return None
        lemma = toks[h].lemma.lower()
        if toks[h].pos == "VERB" and lemma in SAY | CLAIM | DENY:
            return h if toks[j].dep in ("ccomp", "parataxis", "dobj") and toks[j].pos in ("VERB", "AUX") else None
        j = h
    return None



def _in_quotes(parsed: ParsedDoc, i: int) -> bool:
    """Inside a direct quotation that is longer than a scare-quoted word or two."""
    toks = parsed.tokens
    sent = parsed.sentences[toks[i].sent]
    opens = [k for k in range(sent.first, i) if toks[k].text == '"']
    if len(opens) % 2 == 0:
        return False
    start = opens[-1]
    close = next((k for k in range(i + 1, sent.last) if toks[k].text == '"'), sent.last)
    return close - start > 4



def claimed_by_party(parsed: ParsedDoc, i: int, a1: Actor | None, a2: Actor | None, roles: Roles,
                     gain: bool = False) -> bool:
    """"Shoigu told Putin the operation had been completed": a party to the event saying it happened. With `gain`
    (a place taken), an unnamed ministry or command announcing it is the taker's: "Russian forces have taken control
    of Soloviove, the defence ministry said" is Russia's word, as sides announce their own gains."""
    speech = speech_verb(parsed, i)
    if speech is None:
        return False
    speaker = roles.subject_actor(speech)
    if gain and speaker and not speaker.country and speaker.sector in ("GOV", "MIL") and a1 and a1.country:
        return True
    parties = {x.country for x in (a1, a2) if x and x.country}
    return bool(speaker and speaker.country and speaker.country in parties)


