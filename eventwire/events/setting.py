"""Is a trigger news, or the setting of the news? Named without a date of its own, some events only set the scene.

    setting(parsed, head, kind) -> None | -1 | head

None: a report like any other. -1: an event named to say when ("since the invasion"), a report only when its
clause is dated ("reopened after heavy shelling on Saturday"). head: a campaign, a standing measure, a description
or a named past agreement, a report only when a time expression dates the trigger itself ("the occupation of
Kherson in March"), not just the clause around it ("a march against the occupation was held on Friday").
"""

from __future__ import annotations

from ..types import ParsedDoc
from .roles import ONSET_VERBS


def setting(parsed: ParsedDoc, head: int, kind: str) -> int | None:
    if time_landmark(parsed, head):
        return -1
    campaign = kind == "invade" or parsed.tokens[head].lemma.lower() in CAMPAIGN_NOUNS or _habitual(parsed, head)
    if (campaign and not _campaign_told(parsed, head)) \
            or (kind in STANDING_KINDS and not _measure_taken(parsed, head)) \
            or _recurring(parsed, head) or _described(parsed, head) or _named_agreement(parsed, head, kind):
        return head
    return None


# An event named as a point in time ("since the invasion", "on the eve of the war", "in the years following the
# attack") is told elsewhere or known to the reader; the sentence reports something else.
LANDMARK_PREPS = {"since", "after", "following", "before", "until", "till"}
# ... and the words that take it with "of"/"to": "the eve of", "the early weeks of", "prior to", "ahead of".
LANDMARK_HEADS = {"eve", "start", "beginning", "outset", "onset", "wake", "aftermath", "run-up", "anniversary",
                  "stage", "phase", "prior", "ahead"}
TIME_UNITS = {"day", "week", "month", "year", "hour"}
# A phase of an event ("the end of the battle") is a landmark when the phase is one: "on the anniversary of the end
# of the battle", "80 years since the end of the siege".
PHASE_NOUNS = {"end", "start", "beginning", "height", "close", "climax", "conclusion", "first", "middle"}


def time_landmark(parsed: ParsedDoc, i: int) -> bool:
    """A nominal event used to say when something else happened: not a report of its own."""
    toks = parsed.tokens
    if toks[i].pos != "NOUN":
        return False
    h = toks[i].head
    if toks[i].dep == "pobj" and h != i:
        prep = toks[h].lemma.lower()
        if prep in LANDMARK_PREPS:
            return True
        if prep not in ("of", "to"):
            return False
        g = toks[h].head
        if toks[g].lemma.lower() in TIME_UNITS:
            # "in the early weeks of the invasion" points to a time; "after days of heavy fighting" tells the fighting
            return any(toks[c].dep == "det" for c in parsed.children[g])
        if toks[g].lemma.lower() in PHASE_NOUNS and g != i and time_landmark(parsed, g):
            return True
        return toks[g].lemma.lower() in LANDMARK_HEADS
    # "in the years following the invasion": spaCy reads "following" as a verb
    return toks[i].dep == "dobj" and toks[h].lemma.lower() == "follow" and toks[h].dep != "ROOT"


# Campaigns that last months or years: named without a date, they are the setting, not news.
CAMPAIGN_NOUNS = {"invasion", "occupation", "annexation"}
# Verbs that report an invasion starting: "Russia launched its invasion", "the invasion began at dawn".
INVASION_ONSET = {"launch", "begin", "start", "order", "undertake", "mount", "unleash", "commence", "stage", "announce"}
FREEING = {"liberate", "free", "release", "rescue", "save"}
BACKGROUND_MARKS = {"since", "after", "before", "until", "when", "as", "once"}


# "the ongoing random Russian attacks", "daily shelling": a noun event said to recur or go on is a campaign.
HABITUAL = {"ongoing", "continuing", "continued", "constant", "daily", "nightly", "regular", "frequent", "random",
            "repeated", "persistent", "relentless", "incessant", "endless", "sporadic", "periodic", "routine",
            "systematic", "everyday", "recurring", "near-daily", "almost-daily"}


# "Ukrainians are daily being killed", "the town is constantly shelled": a verb said to recur, likewise.
HABITUAL_ADVERBS = {"daily", "nightly", "constantly", "continually", "continuously", "regularly", "routinely",
                    "frequently", "often", "persistently", "relentlessly", "incessantly", "systematically",
                    "periodically", "sporadically", "habitually", "everyday"}


def _recurring(parsed: ParsedDoc, head: int) -> bool:
    toks = parsed.tokens
    if toks[head].pos != "VERB":
        return False
    verbs = [head, toks[head].head] if toks[head].dep == "conj" else [head]  # "daily killed and deported"
    return any(toks[c].dep == "advmod" and toks[c].lemma.lower() in HABITUAL_ADVERBS
               for v in verbs for c in parsed.children[v])


def _habitual(parsed: ParsedDoc, head: int) -> bool:
    toks = parsed.tokens
    return toks[head].pos == "NOUN" and any(
        toks[c].dep == "amod" and toks[c].lemma.lower() in HABITUAL for c in parsed.children[head])


def _campaign_told(parsed: ParsedDoc, head: int) -> bool:
    """An invasion or an occupation is a campaign of months or years, so an undated mention of it ("covering
    Russia's invasion", "protests against the Russian occupation", "since Russia invaded") refers to it rather
    than reports it; only its start, or a main-clause "invaded", is news on the day of the article."""
    toks = parsed.tokens
    t = toks[head]
    if t.pos == "VERB":
        return not _background_clause(parsed, head)
    if t.dep == "pobj" and toks[t.head].text.lower() == "from" and any(
            toks[k].lemma.lower() in FREEING for k in parsed.ancestors(t.head)[:3]):
        return True  # "liberated the village from Russian occupation": the occupation ends, and says whose it was
    launched = (t.dep in ("nsubj", "nsubjpass") and toks[t.head].lemma.lower() in INVASION_ONSET | ONSET_VERBS
                or t.dep == "dobj" and toks[t.head].lemma.lower() in INVASION_ONSET)
    return launched and not _background_clause(parsed, t.head)  # not "since Russia launched its invasion"


def _background_clause(parsed: ParsedDoc, verb: int) -> bool:
    toks = parsed.tokens
    return any(toks[c].dep == "mark" and toks[c].text.lower() in BACKGROUND_MARKS for c in parsed.children[verb])


# Nouns of standing measures and dangers: "sanctions are an element of hybrid war", "Ukraine is no threat to
# Russia", "poses a threat" describe a state of things. The event is taking the measure or making the threat:
# "imposed sanctions", "issued an ultimatum", "Russia's threats", unless the text dates the noun itself.
STANDING_KINDS = {"sanction", "threaten", "threaten_force", "reduce_relations"}
ISSUING_VERBS = {"impose", "introduce", "announce", "adopt", "approve", "extend", "slap", "issue", "make", "level",
                 "expand", "tighten", "unveil", "renew", "repeat", "reiterate", "deliver", "utter", "voice", "send",
                 "lodge", "declare", "order", "enact", "pass", "launch", "step", "broaden", "add", "prepare"}


def _described(parsed: ParsedDoc, head: int) -> bool:
    """"This is a battle of wills", "it was the deadliest attack since 2022": a noun after "to be" says what
    something is like; the event it may name is told elsewhere."""
    toks = parsed.tokens
    t = toks[head]
    while t.dep == "conj" and t.head != t.i and toks[t.head].pos == "NOUN":
        t = toks[t.head]  # "a battle of wills and a battle of logistics"
    return t.pos == "NOUN" and t.dep == "attr" and toks[t.head].lemma.lower() == "be" \
        and parsed.child(t.head, ("expl",)) is None  # "there was an armed clash" reports one


def _named_agreement(parsed: ParsedDoc, head: int, kind: str) -> bool:
    """"the Minsk agreements", "the Oslo accords": an agreement known by its name is a past one referred to."""
    toks = parsed.tokens
    return kind == "agreement" and toks[head].pos == "NOUN" and any(
        toks[c].dep == "compound" and toks[c].pos == "PROPN" for c in parsed.children[head])


def _measure_taken(parsed: ParsedDoc, head: int) -> bool:
    """A verb trigger, or a noun someone issues or owns ("imposed sanctions", "Moscow's threats", "threats by X")."""
    toks = parsed.tokens
    t = toks[head]
    if t.pos != "NOUN":
        return True
    if t.dep in ("dobj", "nsubjpass", "conj") and toks[t.head].lemma.lower() in ISSUING_VERBS:
        return True
    return any(toks[c].dep == "poss" or (toks[c].dep == "prep" and toks[c].text.lower() == "by")
               for c in parsed.children[head])
