"""Who did it, to whom, where: roles read off the dependency parse around a trigger."""

from __future__ import annotations

import re

from ..actors import PRONOUNS_GROUP, PRONOUNS_PERSON
from ..types import Actor, ParsedDoc, Place, Toponym
from .kinds import KINDS

# Verbs whose object is the doer of a following clause: "prompted Zelenskyy to step up calls", "congratulated the
# troops on liberating".
OBJECT_CONTROL = {"prompt", "order", "urge", "ask", "force", "congratulate", "praise", "thank", "help", "allow",
                  "lead", "push", "compel", "encourage", "commend", "hail", "instruct", "tell", "invite", "call"}
LOCATIVE = {"in", "at", "near", "from", "of", "into", "on", "outside", "around", "across", "over", "above", "inside",
            "towards", "toward", "to", "throughout", "within", "off", "along", "against", "through"}
TARGET_PREPS = {"against", "on", "at", "upon"}
RUINING_VERBS = {"destroy", "damage", "disable", "hit"}
FIGHT_WORDS = {"fight", "fighting", "clash", "battle", "combat", "engage", "repel", "defeat", "rout", "oust", "expel",
               "drive", "push"}
# What a side holds, so that fire at it is fire at that side.
HELD_THINGS = {"position", "base", "unit", "stronghold", "trench", "checkpoint", "post", "column", "depot",
               "equipment", "fortification", "headquarters", "convoy", "vehicle", "outpost"}
COMPLAINT_KINDS = {"complain", "criticise", "accuse"}
DEMAND_KINDS = {"demand", "appeal", "appeal_aid", "appeal_military_aid"}
INSIDE_PREPS = {"from", "by", "of", "against", "with", "on", "to"}
ADDRESS_PREPS = {"to", "with", "in", "against", "on", "for", "from", "over", "toward", "towards", "into"}
# Kinds whose places stay places: fighting, moves of troops, street actions.
PLACE_KINDS = {k for k, v in KINDS.items() if v.violent} | {"retreat", "protest", "strike_labour", "hunger_strike",
                                                           "evacuate", "loot", "mobilize", "deport", "alert",
                                                           "demobilize"}
TOPIC_VERBS = {"discuss"}  # their object is what is talked about, not who
PARTNER_PREPS = {"with"}
FIRE_KINDS = {"attack", "shelling", "airstrike", "clash", "kill"}
DISSENT_KINDS = {"protest", "riot", "strike_labour", "hunger_strike"}
DISSENT_PREPS = {"against", "from", "by", "over"}
MATERIAL_KINDS = {"capture", "regain", "retreat", "shelling", "airstrike", "explosion", "suicide_bomb", "clash",
                  "attack", "kill", "abduct", "sexual_violence", "aid", "aid_humanitarian", "aid_military",
                  "aid_economic", "protest", "riot", "arrest", "loot", "mobilize", "alert", "demobilize"}
FRAME_PREPS = {"during", "amid", "throughout"}
CONCESSIVE_PREPS = {"despite", "notwithstanding"}
PURPOSE_VERBS = {"prevent", "stop", "deter", "block", "keep", "halt"}  # "to prevent tanks from entering Kyiv"
DESTINATION_PREPS = {"to", "in", "at"}  # "travelled to Kyiv", "arrived in Uganda", "arrived at the front"
PLACE_PREPS = {"in", "at", "near", "inside", "within", "across", "throughout", "outside", "around"}
# Words that state an intention to do what their infinitive says (CAMEO codes the statement: 03 or 13).
INTENT = {"ready", "prepared", "willing", "plan", "intend", "offer", "promise", "pledge", "vow", "swear", "expect",
          "aim", "determined", "resolve", "commit"}
# Verbs that tell harm done to people, whose sides an attack noun under them takes.
HARM_LEMMAS = {"kill", "wound", "injure", "hurt", "die", "perish"}
# Measures a government puts on the people of a place, whoever they are.
POPULATION_MEASURES = {"curfew", "lockdown", "emergency"}
# Dependents that are clauses of their own, telling another event, not describing a noun.
CLAUSE_DEPS = {"advcl", "ccomp", "xcomp", "conj", "parataxis", "pcomp", "csubj"}
QUANTITY_WORDS = {"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "scores", "group", "number",
                  "crowd", "million", "millions", "member", "members", "supporter", "supporters", "some", "many"}
WEAPON_NOUNS = {"missile", "rocket", "shell", "drone", "bomb", "strike", "airstrike", "projectile", "mortar",
                "artillery", "warplane", "jet", "aircraft", "helicopter", "tank", "gunfire", "shelling", "grenade",
                "launcher", "gun", "machinegun", "weapon", "munition"}
# Where an armed side sits: "DPR positions", "the positions of the Luhansk People's Militia" are that side.
POSITION_NOUNS = {"position", "base", "checkpoint", "trench", "post", "stronghold", "fortification",
                  "headquarters", "dugout", "outpost"}
# Verbs that only carry a nominal event: "X launched an attack" makes X the attacker; "X condemned the attack"
# does not.
SUPPORT_VERBS = {"launch", "open", "carry", "conduct", "stage", "mount", "hold", "step", "begin", "start", "continue",
                 "attempt", "try", "undertake", "perform", "execute", "initiate", "lodge", "file", "register",
                 "voice", "express", "extend", "offer", "deliver", "make", "give",
                 "intensify", "make", "issue", "wage", "unleash", "resume", "escalate", "renew", "complete",
                 "repel", "repulse", "lead", "organise", "organize", "announce", "sign", "reach", "strike", "deliver",
                 "have", "take"}
# Verbs after which a nominal event's participants hang: "fighting broke out in X between A and B".
ONSET_VERBS = {"break", "erupt", "rage", "continue", "resume", "flare", "intensify", "occur", "happen", "take",
               "escalate", "spread", "begin", "start"}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24, "a": 1, "an": 1,
}
DEATH_WORDS = {"kill", "die", "dead", "death", "killing", "fatality", "body", "perish", "massacre", "execute"}
PRECISION_RANK = {"city": 4, "admin2": 3, "admin1": 2, "region": 1, "country": 0}


class Roles:
    def __init__(self, parsed: ParsedDoc, toponyms: list[Toponym], actors: dict[int, Actor], triggers: set[int]):
        self.p = parsed
        self.toks = parsed.tokens
        self.actors_at = actors
        self.triggers = triggers
        self.place_at: dict[int, Toponym] = {}
        self.named_in: dict[int, Toponym] = {}  # towns inside an institution's name: "outside Kiev City Council"
        for tp in toponyms:
            if tp.place is None or tp.kind not in ("literal", "embedded"):
                continue
            if tp.kind == "embedded" and tp.place.precision != "city":
                continue
            for i in parsed.tokens_in(tp.start, tp.end):
                (self.place_at if tp.kind == "literal" else self.named_in)[i] = tp

    # --- actors -------------------------------------------------------------------------------------------------
    def actors(self, head: int, kind: str) -> tuple[Actor | None, Actor | None]:
        t = self.toks[head]
        gerund_subject = t.tag == "VBG" and t.dep == "nsubj"  # "fighting took place between A and B": a noun
        if (t.pos in ("VERB", "AUX") or t.tag in ("VBG", "VBN")) and not gerund_subject:
            a1, a2 = self._verb_roles(head, kind)
        else:
            a1, a2 = self._noun_roles(head, kind)
        if a2 is None and kind in DEMAND_KINDS and t.pos == "NOUN":
            a2 = self._asked_subject(head)  # a demanding verb's clause is read in _verb_roles
        if a2 is None and kind in DISSENT_KINDS:
            a2 = self._dissent_target(head, a1)
        if _same_party(a1, a2):
            a2 = None  # "Kyiv called on its partners": "its" is Kyiv again, not the target
        return a1, a2

    def _weapon(self, j: int) -> bool:
        """Does the phrase at j name weapons ("120mm and 82mm mortars", "Grad missiles")?"""
        return any(self.toks[k].lemma.lower() in WEAPON_NOUNS for k in self.p.subtree(j))

    def _asked_subject(self, head: int) -> Actor | None:
        """Who is to act, in a demand noun's clause: "its demand that Israel ease restrictions"."""
        for c in self.p.children[head]:
            if self.toks[c].dep in ("ccomp", "acl") and self.toks[c].pos in ("VERB", "AUX"):
                subj = self.p.child(c, ("nsubj",))
                a = self._actor(subj)
                if a is not None and (a.country or a.name):
                    return a
        return None

    def _dissent_target(self, head: int, a1: Actor | None) -> Actor | None:
        """Whom a protest or strike is aimed at, often named only in its purpose: "rallied against the government's
        grain policy", "a hunger strike against abuses by the police", "calling for independence from Iraq"."""
        t = self.toks[head]
        roots = [head] + ([t.head] if t.dep in ("dobj", "attr") and self.toks[t.head].lemma.lower() in SUPPORT_VERBS
                          else [])
        frontier = [c for r in roots for c in self.p.children[r] if self.toks[c].dep != "relcl"]
        for _ in range(6):
            nxt = []
            for j in frontier:
                tj = self.toks[j]
                if tj.dep == "prep" and tj.text.lower() in DISSENT_PREPS:
                    obj = self.p.child(j, ("pobj",))
                    owner = self.p.child(obj, ("poss",)) if obj is not None else None
                    a = self._actor(obj) or self._actor(owner)
                    if a is not None and (a.country or a.name) and not _same_party(a1, a):
                        return a
                if tj.dep not in ("relcl", "nsubj", "nsubjpass"):
                    nxt += self.p.children[j]
            frontier = nxt
        return None

    def subject_actor(self, verb: int) -> Actor | None:
        for c in self.p.children[verb]:
            if self.toks[c].dep == "nsubj":
                return self._actor(c)
        return None

    def _actor(self, i: int | None) -> Actor | None:
        """The actor headed at i, following conjunctions and appositions to the nearest coded one."""
        if i is None:
            return None
        if i in self.place_at and self.place_at[i].place.precision != "country":
            return None  # a town is where things happen; a country can also act ("Serbia eased measures")
        a = self.actors_at.get(i)
        if a is not None:
            return a
        t = self.toks[i]
        if t.lemma.lower() in QUANTITY_WORDS or t.pos == "NUM":
            # "Hundreds of protesters", "dozens of soldiers": the people, not the number.
            of = self._pobj(i, {"of"})
            if of is not None:
                return self._actor(of)
        if t.lemma.lower() in WEAPON_NOUNS:
            # "Russian missiles struck": whoever fired them.
            for c in self.p.children[i]:
                if self.toks[c].dep in ("amod", "poss", "compound") and c in self.actors_at:
                    return self.actors_at[c]
        for c in self.p.children[i]:
            if self.toks[c].dep in ("appos", "compound") and c in self.actors_at:
                return self.actors_at[c]
        if t.lemma.lower() in POSITION_NOUNS:
            for c in self.p.children[i]:
                if self.toks[c].dep in ("amod", "poss") and c in self.actors_at:
                    return self.actors_at[c]
            of = self._pobj(i, {"of"})
            return self._actor(of) if of is not None else None
        return None

    def _pobj(self, i: int, preps: set[str]) -> int | None:
        """The object of i's first preposition in `preps`; "on 3 April" is a date, not an object."""
        for c in self.p.children[i]:
            if self.toks[c].dep in ("prep", "agent") and self.toks[c].text.lower() in preps:
                obj = self.p.child(c, ("pobj",))
                if obj is not None and self.toks[obj].ent_type not in ("DATE", "TIME"):
                    return obj
        return None

    def loser(self, head: int, taker: Actor | None, place: Place | None) -> Actor | None:
        """Who lost a place taken: "retook Borodianka from Russian forces", "regained Borodianka after fighting
        Russian forces there"; failing those, a foreign taker takes it from the state it belongs to ("Russian
        forces took control of Oleshky": Ukraine's forces, marked inferred)."""
        toks = self.toks
        obj = self.p.child(head, ("dobj",))
        source = self._actor(self._pobj(head, {"from"}) or (self._pobj(obj, {"from"}) if obj is not None else None))
        if source is not None and (taker is None or source.country != taker.country):
            return source
        sent = self.p.sentences[toks[head].sent]
        for i in range(sent.first, sent.last):
            a = self.actors_at.get(i)
            t = toks[i]
            if a is None or a.sector not in ("MIL", "REB") or not a.country or (taker and a.country == taker.country):
                continue
            gov = toks[t.head] if t.dep in ("dobj", "pobj") else None
            if gov is not None and gov.dep == "prep":
                gov = toks[gov.head]
            if gov is not None and gov.lemma.lower() in FIGHT_WORDS:
                return a  # "after fighting Russian forces there", "following clashes with Russian troops"
        if taker is not None and taker.country and place is not None and place.country \
                and taker.country != place.country and taker.sector in ("MIL", "REB", "GOV"):
            return Actor("the defending forces", country=place.country, sector="MIL", inferred=True)
        return None

    def _second_of_pair(self, noun: int, first: Actor | None) -> Actor | None:
        """"between the Ukrainian and Russian forces": the second side is the second adjective's."""
        toks = self.toks
        for c in self.p.children[noun]:
            if toks[c].dep != "amod":
                continue
            d = self.p.child(c, ("conj",))
            other = self.actors_at.get(d) if d is not None else None
            if other is not None and other.country and (first is None or other.country != first.country):
                return Actor(f"{toks[d].text} {toks[noun].text}", country=other.country,
                             sector=first.sector if first is not None else None, start=toks[d].start,
                             end=toks[noun].end, head=d)
        return None

    def _fire_target(self, v: int) -> Actor | None:
        """Who is fired at: "at DPR forces" (even hung on the weapons: "fired grenade launchers at ..."), and the
        owner of positions or equipment hit: "at the positions of the Luhansk People's Militia", "on Donetsk rebel
        positions", "at the governmental positions" (the state's forces)."""
        toks = self.toks
        hosts = [v] + [k for k in self.p.subtree(v) if toks[k].dep in ("dobj", "conj") and self._weapon(k)]
        hit = [self._pobj(h, TARGET_PREPS) for h in hosts]
        direct = self.p.child(v, ("dobj",))
        ruins = toks[v].lemma.lower() in RUINING_VERBS  # what is destroyed is hit, weapons included
        if direct is not None and (ruins or not self._weapon(direct)):
            hit.append(direct)  # "shelled Russian positions", "destroyed weapons of the Ukrainian forces"
        for obj in hit:
            if obj is None:
                continue
            a = self._actor(obj)
            if a is not None:
                return a
            things = [obj] + ([k for k in self.p.subtree(obj) if toks[k].dep == "conj" and toks[k].head == obj]
                              if ruins else [])
            for thing in things:
                if ruins or toks[thing].lemma.lower() in HELD_THINGS:
                    a = self._holder(thing)
                    if a is not None:
                        return a
        return None

    def _holder(self, thing: int) -> Actor | None:
        """The side that holds positions or equipment: "positions of X", "X positions", "governmental positions"."""
        toks = self.toks
        owner = self._pobj(thing, {"of"})
        mods = [c for c in self.p.children[thing] if toks[c].dep in ("poss", "compound", "amod", "nmod")]
        for m in ([owner] if owner is not None else []) + mods[::-1]:
            a = self._actor(m)
            if a is not None:
                return a
            if toks[m].lemma.lower() in ("governmental", "government"):
                return Actor("government forces", sector="MIL", start=toks[thing].start, end=toks[thing].end,
                             head=thing, inferred=True)
        return None

    def _controller(self, verb: int) -> Actor | None:
        """Subject of a verb that has none of its own: an xcomp/pcomp/conj takes it from the clause above."""
        toks = self.toks
        j = verb
        for _ in range(4):
            t = toks[j]
            head = t.head
            if head == j:
                return None
            if toks[head].pos in ("ADP", "SCONJ") and t.dep == "pcomp":  # "since capturing", "after taking"
                head = toks[head].head
            ht = toks[head]
            if t.dep in ("xcomp", "pcomp", "advcl", "conj", "acl", "ccomp"):
                if ht.lemma.lower() in OBJECT_CONTROL:
                    obj = self.p.child(head, ("dobj",))
                    if obj is not None and self._actor(obj):
                        return self._actor(obj)
                subj = self.p.child(head, ("nsubj",))
                # A participle clause shares its subject ("made gains, seizing the port"), and so does an
                # infinitive the parse hangs as a clause on a word of intent ("have sworn to fight"); other adverbial
                # clauses ("to deter", "as the army retreated") do not.
                intended = ht.lemma.lower() in INTENT and self.p.child(j, ("aux",), {"to"}) is not None
                if subj is not None and (t.dep != "advcl" or t.tag == "VBG" or intended):
                    return self._actor(subj)
                j = head
                continue
            # "he is prepared to lift the ban": the subject of "is" lifts it, whoever reports it; "issued a
            # declaration demanding ...": the declaration's issuer demands.
            if t.dep in ("prep", "acomp") or t.pos == "ADP" \
                    or (t.dep in ("dobj", "pobj", "attr") and t.pos in ("NOUN", "PROPN")):
                j = head
                if t.dep in ("acomp", "dobj") and (own := self.p.child(j, ("nsubj",))) is not None:
                    return self._actor(own)
                continue
            return None
        return None

    def _stranded_subject(self, v: int) -> Actor | None:
        """A finite verb without a subject, right after a noun the parse gave another role: "Macron met Putin in
        Russia and the UK foreign minister met with Lavrov" hangs "minister" on "Russia"; it stands where a
        subject stands, and is one."""
        toks = self.toks
        if v == 0 or toks[v].tag not in ("VBD", "VBZ", "VBP"):
            return None
        before = toks[v - 1]
        if before.pos not in ("NOUN", "PROPN") or before.dep not in ("conj", "pobj", "dobj", "appos"):
            return None
        return self._actor(before.i)

    def _verb_roles(self, v: int, kind: str) -> tuple[Actor | None, Actor | None]:
        toks = self.toks
        passive = any(toks[c].dep in ("nsubjpass", "auxpass") for c in self.p.children[v]) \
            or (toks[v].dep == "acl" and toks[v].tag == "VBN")  # "a town recently liberated by Ukrainian forces"
        if passive:
            a1 = self._actor(self._pobj(v, {"by"}))
            a2 = self._actor(self.p.child(v, ("nsubjpass",)))
        else:
            subj = self.p.child(v, ("nsubj",))
            if kind == "capture" and toks[v].lemma.lower() == "fall":
                return self._actor(self._pobj(v, {"to"})), None
            a1 = self._actor(subj) if subj is not None else None
            if toks[v].lemma.lower() in ("die", "perish"):
                return None, a1  # "the weightlifter died in combat": who died is the victim, not the doer
            if subj is None:
                a1 = self._stranded_subject(v) or self._controller(v)
            obj = self.p.child(v, ("dobj",))
            # "discussed Ukraine": what is discussed is the topic; the partner is who it is discussed with
            a2 = self._actor(obj) if toks[v].lemma.lower() not in TOPIC_VERBS else None
            if a2 is not None and kind in FIRE_KINDS and self._weapon(obj):
                a2 = None  # "fired artillery at DPR positions": the weapon is not the target
        if a2 is None:
            if kind in ("meet", "negotiate", "clash", "agreement"):
                a2 = self._actor(self._pobj(v, PARTNER_PREPS))
                if a2 is None and kind == "clash":
                    a2 = self._fire_target(v)  # "fired small arms at the positions of ..."
            elif kind.startswith(("aid",)):
                a2 = self._actor(self._pobj(v, {"to"}) or self.p.child(v, ("dative",)))
            elif kind.startswith("appeal") or kind == "demand":
                a2 = self._actor(self._pobj(v, {"on", "from", "to"}))
                if a2 is None and self.p.child(v, ("dobj",)) is None:
                    # "demanded that the Turkish government provide ...": who is to act. With an object the demand
                    # is that object ("demanded the withdrawal of foreign forces"), looked inside below.
                    comp = self.p.child(v, ("ccomp", "xcomp"))
                    a2 = self._actor(self.p.child(comp, ("nsubj",))) if comp is not None else None
            elif kind in FIRE_KINDS:
                a2 = self._fire_target(v)
            elif kind in COMPLAINT_KINDS:
                # "complained to the UN over Israeli raids": the target is who is complained about.
                a2 = self._actor(self._pobj(v, {"against", "about", "over", "of"})) or self._inside_object(v, a1) \
                    or self._actor(self._pobj(v, {"to", "with"}))
            else:  # "suspended aid to Bosnia", "extradited him to Britain", "agreed with Jordan"
                a2 = self._actor(self._pobj(v, {"to", "with", "against", "on", "for", "from", "over"}))
        if a2 is None and kind not in PLACE_KINDS | COMPLAINT_KINDS:  # complaints looked inside already
            a2 = self._inside_object(v, a1)
        if (kind.startswith(("aid", "agree_aid")) or toks[v].lemma.lower() in ("offer", "pledge", "promise")) \
                and a2 is not None:
            # "offered its troops to Lebanon's president": who receives, not what is given.
            a2 = self._actor(self._pobj(v, {"to"}) or self.p.child(v, ("dative",))) or a2
        if a2 is None and kind not in PLACE_KINDS:
            # "agreed to re-open its borders to UN peacekeepers", "threatened to ban opposition candidates": the
            # party the promised or threatened act is aimed at.
            comp = self.p.child(v, ("xcomp",))
            if comp is not None and comp not in self.triggers:
                a2 = self._actor(self._pobj(comp, {"to", "with", "against", "from", "on", "for"})) \
                    or self._actor(self.p.child(comp, ("dobj", "dative"))) or self._inside_object(comp, a1)
                if a2 is not None and a1 is not None and a2.head == a1.head:
                    a2 = None
        if toks[v].lemma.lower() in ("withdraw", "pull", "retreat") and a1 is not None and a2 is not None \
                and a1.country and a2.country == a1.country:
            # "withdraw its troops from Burundi": the troops are the doer's own; the withdrawal concerns Burundi.
            a2 = self._actor(self._pobj(v, {"from"}))
        if a2 is None and kind.startswith("threaten"):
            a2 = self._condition_subject(v, a1)
        if a2 is None and kind not in PLACE_KINDS:
            a2 = self._country_addressed(v, a1)
        return a1, a2

    def _condition_subject(self, v: int, a1: Actor | None) -> Actor | None:
        """A threat is aimed at whoever its condition names: "threatened to halt the talks if Iceland widens its
        zone", "will pull out its force unless the rebels lay down their arms"."""
        comp = self.p.child(v, ("xcomp",))
        for head in (v, comp):
            for c in self.p.children[head] if head is not None else ():
                if self.toks[c].dep == "advcl" and self.p.child(c, ("mark",), {"if", "unless"}) is not None:
                    a = self._actor(self.p.child(c, ("nsubj",)))
                    if a is not None and not _same_party(a1, a):
                        return a
        return None

    def _inside_object(self, v: int, a1: Actor | None) -> Actor | None:
        """The party named inside the verb's object: "denounced Serbia's suppression", "accepted demands from the
        rebels", "demanded the withdrawal of Serbian forces", "received a mission of observers from the OSCE"."""
        obj = self.p.child(v, ("dobj",))
        frontier = [obj] if obj is not None else []
        # "called for sanctions against Nigeria", "reneged on his commitment to the Zambian people", "complained
        # over Israeli air raids": what the act is about names the party.
        frontier += [g for c in self.p.children[v] if self.toks[c].dep == "prep"
                     and self.toks[c].text.lower() in ("for", "on", "over", "about", "to")
                     for g in self.p.children[c] if self.toks[g].dep == "pobj"]
        for _ in range(3):
            nxt = []
            for n in frontier:
                for c in self.p.children[n]:
                    ct = self.toks[c]
                    party = ct.dep == "poss" or (ct.dep == "amod" and c in self.actors_at) \
                        or (ct.dep == "pobj" and self.toks[n].text.lower() in INSIDE_PREPS)
                    if party:
                        a = self._actor(c)
                        if a is not None and not _same_party(a1, a):
                            return a
                    if ct.dep == "prep" and ct.text.lower() in INSIDE_PREPS or ct.dep == "pobj":
                        nxt.append(c)
            frontier = nxt
        return None

    def _country_addressed(self, v: int, a1: Actor | None) -> Actor | None:
        """The state a political act is about when the text names it only as a place: "lifted a curfew in
        Montenegro", "agreed to extend the mandate of the force in Lebanon" (CAMEO's target). Fighting keeps its
        places as places. A curfew, lockdown, emergency or martial law falls on the people of any town it is
        imposed in ("will extend the curfew in Abidjan")."""
        on_people = self._population_measure(v)
        for j in self._phrase(v):
            tp = self.place_at.get(j)
            t = self.toks[j]
            if tp is None or not (self._state_place(tp) or on_people and tp.place.country) \
                    or t.dep not in ("pobj", "compound") \
                    or j + 1 < len(self.toks) and self.place_at.get(j + 1) is tp:
                continue
            prep = self.toks[t.head] if t.dep == "pobj" else self.toks[self.toks[t.head].head]
            if prep.text.lower() not in ADDRESS_PREPS or (not on_people and a1 is not None
                                                           and a1.country == tp.place.country
                                                           and tp.place.precision == "country"):
                continue
            if a1 is not None and a1.start <= t.start < a1.end:
                continue
            return Actor(text=tp.text, name=tp.place.name, country=tp.place.country,
                         sector="CVL" if on_people else "GOV", start=tp.start, end=tp.end, head=j)
        return None

    def _population_measure(self, v: int) -> bool:
        obj = self.p.child(v, ("dobj", "nsubjpass"))
        if obj is None:
            return False
        if (of := self.p.child(obj, ("prep",), {"of"})) is not None and self.p.child(of, ("pobj",)) is not None:
            obj = self.p.child(of, ("pobj",))  # "the state of emergency"
        lemma = self.toks[obj].lemma.lower()
        return lemma in POPULATION_MEASURES or lemma == "law" and self.p.child(obj, ("amod",), {"martial"}) is not None

    def _state_place(self, tp: Toponym) -> bool:
        """A place that stands for the state holding it when a political act is done there: a country, a
        province or region ("lifted the emergency in West Darfur State"), a capital ("opened an embassy in
        Tehran")."""
        p = tp.place
        if p.precision in ("country", "admin1", "region"):
            return bool(p.country)
        return p.feature_code == "PPLC"

    def _phrase(self, v: int) -> list[int]:
        """Tokens of the trigger's own clause in order, without other triggers' phrases or relative clauses."""
        out, stack = [], [v]
        while stack:
            j = stack.pop()
            out.append(j)
            for c in self.p.children[j]:
                if (c in self.triggers and c != v) or self.toks[c].dep in ("relcl", "ccomp", "advcl", "nsubj"):
                    continue
                stack.append(c)
        return sorted(out)

    def _noun_roles(self, n: int, kind: str) -> tuple[Actor | None, Actor | None]:
        toks = self.toks
        a1 = a2 = None
        for c in self.p.children[n]:
            ct = toks[c]
            if ct.dep == "poss":
                a1 = a1 or self._actor(c)
            elif ct.dep in ("amod", "compound") and c in self.actors_at:
                a1 = a1 or self.actors_at[c]
        by = self._pobj(n, {"by"})
        a1 = a1 or self._actor(by)
        host = n
        if toks[n].dep in ("nsubj", "nsubjpass") and toks[toks[n].head].lemma.lower() in ONSET_VERBS:
            host = toks[n].head  # "fighting broke out ... between A and B"
        if kind in ("clash", "attack") and a1 is None:
            between = self._pobj(n, {"between"}) if host == n else self._pobj(host, {"between"})
            if between is not None:
                a1 = self._actor(between)
                conj = self.p.child(between, ("conj",))
                a2 = self._actor(conj) if conj is not None else self._second_of_pair(between, a1)
                return a1, a2
        if kind in ("meet", "negotiate", "clash", "agreement"):
            a2 = self._actor(self._pobj(n, PARTNER_PREPS | {"between"}))
            between = self._pobj(n, {"between"})
            if between is not None and a1 is None:
                a1 = self._actor(between)
                conj = self.p.child(between, ("conj",))
                a2 = self._actor(conj) if conj is not None else a2
        elif kind in ("retreat",):
            a1 = a1 or self._actor(self._pobj(n, {"of"}))
        elif kind.startswith("appeal") or kind == "demand":
            a2 = self._actor(self._pobj(n, {"on", "from", "to"}))
            for c in self.p.children[n]:
                if toks[c].dep == "prep":
                    for g in self.p.subtree(c):
                        if toks[g].dep == "pobj" and toks[toks[g].head].text.lower() in ("from", "on"):
                            a2 = a2 or self._actor(g)
        else:
            preps = {"on"} if kind in ("capture", "regain") else {"of", "on", "against"} | (
                {"to"} if kind.startswith("threaten") else set())  # "an ultimatum to Bolivia"
            a2 = self._actor(self._pobj(n, preps))
            if a2 is None and kind in ("complain", "criticise", "accuse", "protest", "support", "praise"):
                a2 = self._actor(self._pobj(n, {"with", "to"}))  # "lodged a protest with Albania"
        if a1 is None or a1.country is None:
            # "Russian forces launched an artillery attack": the doer named by the verb beats a countryless modifier.
            a1 = self._noun_controller(n, kind) or a1
        if KINDS[kind].violent and (a1 is None or a2 is None):
            h1, h2 = self._harmed_in(n)
            a1, a2 = a1 or h1, a2 or h2
        t = toks[n]
        if a2 is None and t.dep in ("dobj", "attr") and toks[t.head].lemma.lower() in SUPPORT_VERBS:
            # "opened investigations against 28 officials": the light verb carries the target.
            a2 = self._actor(self._pobj(t.head, {"against", "on", "into", "with", "to", "from"}))
            if a2 is not None and a1 is not None and a2.head == a1.head:
                a2 = None
        return a1, a2

    def _harmed_in(self, n: int) -> tuple[Actor | None, Actor | None]:
        """Who hurt whom, told by the verb an attack noun sits under: "guerrillas wounded two soldiers in a bomb
        attack", "three soldiers were killed in the ambush", "two civilians died in the attack"."""
        t = self.toks[n]
        if t.dep != "pobj" or self.toks[t.head].text.lower() not in ("in", "during"):
            return None, None
        verb = self.toks[t.head].head
        lemma = self.toks[verb].lemma.lower()
        if lemma not in HARM_LEMMAS:
            return None, None
        if lemma in ("die", "perish"):
            return None, self._actor(self.p.child(verb, ("nsubj",)))
        victim = self.p.child(verb, ("nsubjpass",))
        if victim is not None:
            return self._actor(self._pobj(verb, {"by"})), self._actor(victim)
        return self._actor(self.p.child(verb, ("nsubj",))), self._actor(self.p.child(verb, ("dobj",)))

    def _noun_controller(self, n: int, kind: str) -> Actor | None:
        """The doer of a nominal event: "X launched an attack", "X stepped up calls", "In talks with Y, X said"."""
        t = self.toks[n]
        head = t.head
        if t.dep in ("dobj", "attr") and head != n and self.toks[head].lemma.lower() in SUPPORT_VERBS:
            subj = self.p.child(head, ("nsubj",))
            if subj is not None:
                return self._actor(subj)
            return self._controller(head)
        if t.dep == "pobj" and kind in ("meet", "negotiate", "visit"):
            prep = self.toks[head]
            verb = prep.head
            subj = self.p.child(verb, ("nsubj",))
            return self._actor(subj) if subj is not None else None
        return None

    # --- place --------------------------------------------------------------------------------------------------
    def location(self, head: int, kind: str, sides: frozenset[str] = frozenset()) -> tuple[Place | None, str | None]:
        """Where the event happened: the place `_where` finds, or the settlement it qualifies. `sides`: the
        countries of the event's actors, which a place carried over from an earlier sentence must share."""
        tp = self._where(head, kind, sides)
        if tp is None:
            return None, None
        tp = self._qualified_settlement(tp) or tp
        return tp.place, tp.text

    def _where(self, head: int, kind: str, sides: frozenset[str] = frozenset()) -> Toponym | None:
        """The literal place nearest the trigger in the tree; then its clause; then the paragraph's last place."""
        topic = self._topic(head, kind)
        own = [tp for tp in self._not_sides(self._places_under(head, stop_at_triggers=True), kind)
               if self.p.token_at(tp.start) not in topic]
        if own and kind == "visit":
            own = self._visited(head, own)
        if own:
            if KINDS[kind].violent:
                # "forces from Troitske fired at Kalinovo", "shelled Nikopol from Enerhodar": where the fire
                # lands, when the sentence names it, not where it comes from or where the shooters are based
                own = [tp for tp in own if not self._origin(tp)] or own
            return self._best(own)
        if self._frame(head):
            return None  # "during the visit, he was taken to Bucha": the clause's place is a stop within the frame
        gov = head
        for _ in range(4):
            nxt = self.toks[gov].head
            if nxt == gov:
                break
            gov = nxt
            if self.toks[gov].pos in ("VERB", "AUX"):
                break
        if gov != head:
            near = self._not_sides(self._places_under(gov, stop_at_triggers=True, skip=head), kind)
            if near:
                return self._best(near)
        ahead = self._place_just_after(head) or self._definite_place_noun(head)
        if ahead and self.p.token_at(ahead.start) not in topic:
            return ahead
        if kind in MATERIAL_KINDS:
            # "fired a missile which landed near X", "downed planes flying above Kyiv": where the object went.
            # Carrying a place over from the sentence before suits what happens somewhere (fighting, aid handed
            # out), not what is said (an appeal made in Kyiv about Lysychansk).
            described = self._places_under(head, stop_at_triggers=True, into_clauses=True)
            found = (self._best(described) if described else None) or self._nearest_in_sentence(head) \
                or self._sole_place_in_sentence(head) or self._previous_place(head, sides)
            if found:
                return found
        return self._institution_town(head)

    def _topic(self, head: int, kind: str) -> set[int]:
        """Place names that qualify what a statement or a meeting is about ("discussed the Ukraine war", "the Kherson
        offensive"): the topic's name, not where it was said or held. A place after a preposition ("discussed
        security in Brussels") may be either, and stays."""
        if kind in MATERIAL_KINDS or KINDS[kind].violent or kind == "visit" or self.toks[head].pos != "VERB":
            return set()
        return {k for c in self.p.children[head] if self.toks[c].dep == "dobj" for k in self.p.subtree(c)
                if k != c and self.toks[k].dep in ("compound", "amod", "nmod") and self.toks[k].head != k
                and self.toks[self.toks[k].head].pos == "NOUN"}

    def _frame(self, head: int) -> bool:
        """A nominal event named as the span within which the clause happens ("during the visit")."""
        t = self.toks[head]
        return t.pos == "NOUN" and t.dep == "pobj" and self.toks[t.head].lemma.lower() in FRAME_PREPS

    def _visited(self, head: int, places: list[Toponym]) -> list[Toponym]:
        """The places a visit went to: what was visited or travelled to ("visited Ukraine", "arrived in Uganda on
        a tour of Africa"), else any but those in the visitor's own name ("the Duchess of Edinburgh", "the mayor of
        Kyiv visited Warsaw": where they come from)."""
        toks = self.toks
        ends = {c for c in self.p.children[head] if toks[c].dep == "dobj"}
        ends |= {g for c in self.p.children[head] if toks[c].dep == "prep" and toks[c].text.lower() in DESTINATION_PREPS
                 for g in self.p.children[c] if toks[g].dep == "pobj"}
        reached = {k for e in ends for k in self.p.subtree(e)}
        gone_to = [tp for tp in places if self.p.token_at(tp.start) in reached]
        if gone_to:
            return gone_to
        subj = self.p.child(head, ("nsubj",))
        home = set(self.p.subtree(subj)) if subj is not None else set()
        return [tp for tp in places if self.p.token_at(tp.start) not in home] or places

    def _not_sides(self, places: list[Toponym], kind: str) -> list[Toponym]:
        """Without the places that stand for a side of something said or decided ("a warning to China", "accused
        Turkey"): the country spoken to is not where it was said. What is done somewhere, or a visit, keeps them."""
        if kind in MATERIAL_KINDS or KINDS[kind].violent or kind == "visit":
            return places
        return [tp for tp in places if self._placed_in(tp)
                or not any(i in self.actors_at for i in self.p.tokens_in(tp.start, tp.end))
                and self._phrase_head(tp) not in self.actors_at]

    def _phrase_head(self, tp: Toponym) -> int:
        """The noun a place name modifies ("EU" in "some other EU states"), or the name itself."""
        t = self.toks[self.p.token_at(tp.start)]
        while t.dep in ("compound", "amod", "flat") and self.toks[t.head].pos in ("PROPN", "NOUN"):
            t = self.toks[t.head]
        return t.i

    def _placed_in(self, tp: Toponym) -> bool:
        """Named with a preposition of place ("a truce with Moslem forces in east Bosnia"), not as whom it is
        addressed to."""
        t = self.toks[self._phrase_head(tp)]
        return t.dep == "pobj" and self.toks[t.head].text.lower() in PLACE_PREPS

    def _institution_town(self, head: int) -> Toponym | None:
        """"gathered outside Kiev City Council", "a blast at the Kharkiv Tractor Plant": with no place named
        otherwise, the town in the name of the building where it happened."""
        for j in self.p.subtree(head):
            tp = self.named_in.get(j)
            if tp is None:
                continue
            k = j
            while self.toks[k].dep in ("compound", "amod", "nmod") and self.toks[k].head != k:
                k = self.toks[k].head
            t = self.toks[k]
            if t.dep == "pobj" and self.toks[t.head].text.lower() in LOCATIVE - {"of", "from", "to", "against"} \
                    and self.toks[t.head].head == head:
                return tp
        return None

    def _qualified_settlement(self, tp: Toponym) -> Toponym | None:
        """"the mayor of Balakliia, Kharkiv", "battles for Irpin, Kyiv": a province or country written after a
        settlement and a comma says where the settlement is, so the settlement is the more precise place, even
        when the parse hangs it where a place is not read as one (the object of "of" or "for")."""
        outer = tp.place
        if outer is None or outer.precision not in ("admin1", "admin2", "country"):
            return None
        text = self.p.clean.text
        for other in {t.start: t for t in self.place_at.values()}.values():
            inner = other.place
            if other.end > tp.start or text[other.end:tp.start].strip() != "," or inner is None:
                continue
            if inner.precision == "city" and inner.country == outer.country and (
                    outer.precision == "country" or inner.admin1 == outer.admin1):
                return other
        return None

    def _described_by(self, h: int) -> set[int]:
        """The words that describe the place at token h ("Bucha, a suburb of the capital Kyiv"), not the places
        listed with it ("Donetsk and Luhansk")."""
        return {k for c in self.p.children[h] if self.toks[c].dep not in ("conj", "cc") for k in self.p.subtree(c)}

    def _definite_place_noun(self, head: int) -> Toponym | None:
        """"recaptured the city", "delivered food to the town": the last such place named before."""
        for j in self.p.subtree(head):
            t = self.toks[j]
            if t.lemma.lower() in ("city", "town", "village", "port") and any(
                self.toks[c].lemma.lower() == "the" for c in self.p.children[j]
            ) and not any(k in self.place_at for k in self.p.subtree(j)):
                before = [tp for i, tp in self.place_at.items() if i < j and tp.place and tp.place.precision == "city"]
                return max(before, key=lambda tp: tp.start) if before else None
        return None

    def _nearest_in_sentence(self, head: int) -> Toponym | None:
        """"conducted air strikes and shelled territory near Rubizhne": the place of a coordinated action, when
        the trigger's own clause names none."""
        toks = self.toks
        verb = head
        while toks[verb].pos not in ("VERB", "AUX") and toks[verb].head != verb:
            verb = toks[verb].head
        partners = [c for c in self.p.children[verb] if toks[c].dep == "conj"]
        if toks[verb].dep == "conj":
            partners.append(toks[verb].head)
            partners += [c for c in self.p.children[toks[verb].head] if toks[c].dep == "conj" and c != verb]
        places = [(abs(i - head), tp) for k in partners for i in self.p.subtree(k)
                  if (tp := self.place_at.get(i)) and self._locative(i)]
        return min(places, key=lambda x: x[0])[1] if places else None

    def _place_just_after(self, head: int) -> Toponym | None:
        """A place a few words after a verb trigger, for parses that hang its object elsewhere ("to capture the X region")."""
        if self.toks[head].pos != "VERB":
            return None
        sent = self.p.sentences[self.toks[head].sent]
        for j in range(head + 1, min(head + 5, sent.last)):
            if j in self.place_at:
                return None if self._names_armed_actor(j) else self.place_at[j]
            if self.toks[j].pos in ("VERB", "AUX", "PUNCT") or j in self.triggers:
                return None
        return None

    def _places_under(self, root: int, stop_at_triggers: bool, skip: int | None = None,
                      into_clauses: bool = False) -> list[Toponym]:
        out: list[Toponym] = []
        stack = [root]
        while stack:
            j = stack.pop()
            if j in self.place_at:
                tp = self.place_at[j]
                if tp not in out and self._locative(j):
                    out.append(tp)
            for c in self.p.children[j]:
                if c == skip:
                    continue
                if stop_at_triggers and c in self.triggers and c != root and not self._freed_from(c):
                    continue
                if self.toks[c].dep in ("relcl", "ccomp") and c != root and not into_clauses:
                    continue
                if self._aside(c):
                    continue
                stack.append(c)
        return out

    def _aside(self, c: int) -> bool:
        """A phrase that tells another situation than the event's: a concession ("despite deep skepticism in
        Kyiv") or a purpose ("organised to prevent a famine in Sudan", "to stop them reaching Kyiv")."""
        t = self.toks[c]
        if t.dep == "prep" and t.lemma.lower() in CONCESSIVE_PREPS:
            return True
        return t.dep in ("advcl", "acl", "xcomp") and t.pos == "VERB" and any(
            self.toks[k].dep == "aux" and self.toks[k].text.lower() == "to" for k in self.p.children[c]) and any(
            self.toks[k].lemma.lower() in PURPOSE_VERBS for k in [c] + self.p.children[c])

    def _origin(self, tp: Toponym) -> bool:
        """A place the fire comes from ("from Enerhodar") or that says where the shooters are ("forces from X",
        "troops based in X")."""
        toks = self.toks
        k = self.p.token_at(tp.start)
        for _ in range(6):
            t = toks[k]
            if t.head == k:
                return False
            if t.dep == "pobj" and toks[t.head].text.lower() == "from":
                return True
            k = t.head
            owner = self.actors_at.get(k)
            if owner is not None and owner.sector in ("MIL", "REB", "GOV"):
                return True
            if toks[k].pos in ("VERB", "AUX") and toks[k].dep != "acl":
                return False
            if toks[k].pos in ("NOUN", "PROPN") and k not in self.place_at:
                return False  # "schools in Rubizhne": the place of a thing, whatever the parse hangs it on
        return False

    def _freed_from(self, j: int) -> bool:
        """"liberating ... from the Russian occupation of the town of X": the occupation's place is the one freed."""
        t = self.toks[j]
        return t.lemma.lower() == "occupation" and t.dep == "pobj" and self.toks[t.head].text.lower() == "from"

    def _locative(self, j: int) -> bool:
        """A place used as a place: object of a locative preposition, a verb's object, or a modifier of one."""
        toks = self.toks
        k = j
        for _ in range(5):
            t = toks[k]
            if t.dep in ("conj", "appos") and toks[t.head].pos in ("NOUN", "PROPN") and t.head not in self.place_at:
                # "boycotted by the UK, the US and ...", "Russian forces and Donetsk rebels": a conjunct is used as
                # the word it joins is used (after a place, as in "Irpin, Kyiv", it stays a place)
                k = t.head
                continue
            if t.dep == "pobj":
                prep = toks[t.head]
                if prep.text.lower() == "of" and prep.head in self.actors_at:
                    return False  # "military forces of Russia", "the mayor of Kharkiv": who, not where
                return prep.text.lower() in LOCATIVE
            if t.dep in ("dobj", "nsubjpass", "appos", "conj", "npadvmod"):
                return True
            if t.dep == "advmod" and toks[t.head].pos == "VERB":
                return True  # "shelled Toretsk, Donetsk": the small model's parse of a verb's place object
            if t.dep in ("compound", "amod", "nmod", "poss") and toks[t.head].pos in ("NOUN", "PROPN"):
                if self._names_armed_actor(k):
                    return False
                k = t.head
                continue
            if t.dep == "nsubj":
                return False
            k = t.head
        return False

    def _names_armed_actor(self, j: int) -> bool:
        """"captured from Kyiv forces", "Moscow's troops": whose forces, not where ("Kharkiv residents" do live
        there)."""
        t = self.toks[j]
        owner = self.actors_at.get(t.head) if t.dep in ("compound", "amod", "nmod", "poss") else None
        return owner is not None and owner.sector in ("MIL", "REB", "GOV")

    def _best(self, tps: list[Toponym]) -> Toponym:
        return max(tps, key=lambda x: (PRECISION_RANK.get(x.place.precision, 0) if x.place else -1, -x.start))

    def _sole_place_in_sentence(self, head: int) -> Toponym | None:
        """"destroyed by shelling a school, a hospital and three other schools in Rubizhne", "fired at a car of a
        family evacuating near Makariv": when the parse hangs the sentence's one place away from the trigger, that
        place is still where this sentence happens. Not when the sentence names several, only where fire comes
        from, or a place another event of the sentence holds ("withdrew ... after liberating Luhansk")."""
        sent = self.p.sentences[self.toks[head].sent]
        mine = set(self.p.subtree(head))
        # Another event's own places are its own, unless that event only describes what this one hit ("a family
        # fleeing near X").
        held = {j for t in self.triggers if t != head and sent.first <= t < sent.last
                and (t not in mine or self.toks[t].dep in CLAUSE_DEPS) for j in self.p.subtree(t)}
        found = [tp for i, tp in self.place_at.items() if sent.first <= i < sent.last and i not in held
                 and self._locative(i) and tp.place is not None and not self._origin(tp)]
        unique = {tp.start: tp for tp in found}.values()
        settled = [tp for tp in unique if tp.place.precision in ("city", "admin2")]
        # "Rubizhne, Luhansk": a province or country that holds the settlement adds no second place.
        rest = [tp for tp in unique if tp not in settled and not any(
            s.place.country == tp.place.country and (tp.place.precision == "country" or s.place.admin1 == tp.place.admin1)
            for s in settled)]
        sole = settled[0] if len(settled) == 1 and not rest else rest[0] if not settled and len(rest) == 1 else None
        # Only a place named as one ("in X", "shelled X"), and not a whole country ("addressed Russia", "the US
        # terror list"): a weaker reading than the parse's own, so it must not guess.
        if sole is None or sole.place.precision == "country":
            return None
        t = self.toks[self.p.token_at(sole.start)]
        while t.dep in ("compound", "flat") and self.toks[t.head].pos == "PROPN":
            t = self.toks[t.head]
        direct = t.dep == "dobj" or (t.dep == "pobj" and self.toks[t.head].text.lower() in LOCATIVE - {"of", "to"})
        return sole if direct else None

    def _previous_place(self, head: int, sides: frozenset[str] = frozenset()) -> Toponym | None:
        """The last place named earlier in the same paragraph ("...in Lysychansk. Fighters handed out food"),
        unless this event's sides have nothing to do with that sentence: "Israel reports having killed half of
        Hamas' fighters" does not happen in the Crimea of the sentence before."""
        sent = self.p.sentences[self.toks[head].sent]
        par = sent.paragraph
        s_idx = self.toks[head].sent - 1
        while s_idx >= 0 and self.p.sentences[s_idx].paragraph == par:
            s = self.p.sentences[s_idx]
            cands = [tp for i, tp in self.place_at.items() if s.first <= i < s.last and self._locative(i)]
            cands = [tp for tp in cands if tp.place and tp.place.precision in ("city", "admin2", "admin1")]
            if cands and sides:
                there = {a.country for i, a in self.actors_at.items() if s.first <= i < s.last and a.country}
                there |= {tp.place.country for tp in cands}
                if not sides & there:
                    return None
            if cands:
                # Not a place named to say where another lies ("Bucha, a suburb of the capital Kyiv"); then the most
                # precise, then the last: "towards Severodonetsk, Luhansk." -> Severodonetsk.
                heads = {self.p.token_at(tp.start): tp for tp in cands}
                inside = {k for h in heads for k in self._described_by(h)}
                cands = [tp for h, tp in heads.items() if h not in inside] or cands
                return max(cands, key=lambda x: (PRECISION_RANK.get(x.place.precision, 0), x.start))
            s_idx -= 1
        return None

    # --- fatalities ---------------------------------------------------------------------------------------------
    def fatalities(self, head: int) -> int | None:
        """Deaths the sentence attaches to this event: "killing at least 12", "two pilots died, and two soldiers
        were killed" (4), "a man was killed" (1). None when the sentence counts no dead."""
        sent = self.p.sentences[self.toks[head].sent]
        counts = [n for i in range(sent.first, sent.last)
                  if self.toks[i].lemma.lower() in DEATH_WORDS and (n := self._count_near(i)) is not None]
        return sum(counts) if counts else None

    def _victim(self, i: int) -> int | None:
        """The noun phrase counted by a death word."""
        toks = self.toks
        t = toks[i]
        lemma = t.lemma.lower()
        if lemma in ("death", "fatality", "body", "casualty"):
            return i
        kids = {toks[c].dep: c for c in self.p.children[i]}
        if t.pos == "VERB" and lemma in ("kill", "execute", "massacre", "murder"):
            return kids.get("dobj", kids.get("nsubjpass"))
        if t.pos == "VERB" and lemma in ("die", "perish"):
            return kids.get("nsubj")
        if lemma in ("dead", "killed"):  # "12 dead", "leaving 56 civilians dead", "four were found dead"
            if "nsubj" in kids:
                return kids["nsubj"]
            head = toks[t.head]
            if t.dep in ("amod",):
                return t.head
            return next((c for c in self.p.children[head.i] if toks[c].dep in ("nsubj", "nsubjpass", "dobj")), None)
        return None

    def _count_near(self, i: int) -> int | None:
        victim = self._victim(i)
        if victim is None:
            return None
        total = 0
        for v in [victim] + [c for c in self.p.subtree(victim) if self.toks[c].dep == "conj"]:
            n = self._count_of(v)
            if n is None:
                return None if total == 0 else total
            total += n
        if total == 0 and self.toks[i].lemma.lower() in ("fatality", "death") and self.toks[self.toks[i].head].pos == "VERB":
            # "fatalities coded as 10", "deaths estimated at 20"
            verb = self.toks[i].head
            for c in self.p.subtree(verb):
                if self.toks[c].pos == "NUM" and self.toks[self.toks[c].head].dep == "prep":
                    return _number(self.toks[c].text)
        return total or None

    def _count_of(self, v: int) -> int | None:
        toks = self.toks
        t = toks[v]
        if t.pos == "NUM":
            return _plausible(_number(t.text))
        for c in self.p.children[v]:
            if toks[c].dep == "nummod":
                return _plausible(_number(toks[c].text))
        if t.tag in ("NN", "NNP") and any(toks[c].lemma.lower() in ("a", "an", "one") for c in self.p.children[v]):
            return 1  # "killed a priest"
        if t.tag in ("NN",) and t.pos == "NOUN" and t.lemma.lower() in ("man", "woman", "child", "civilian",
                                                                          "soldier", "person", "resident"):
            return 1 if any(toks[c].dep == "det" for c in self.p.children[v]) else None
        return None


def _same_party(a1: Actor | None, a2: Actor | None) -> bool:
    """The same phrase, or a pronoun that points back to the first actor ("his commitment", "its partners")."""
    if a1 is None or a2 is None:
        return False
    pronoun = a2.inferred and a2.text.lower() in PRONOUNS_PERSON | PRONOUNS_GROUP
    return a1.head == a2.head or (pronoun and (a2.name, a2.country) == (a1.name, a1.country))


def _plausible(n: int | None) -> int | None:
    return n if n is not None and 0 < n < 100_000 and not (1900 <= n <= 2100) else None


def _number(text: str) -> int | None:
    t = text.lower().replace(",", "")
    if re.fullmatch(r"\d+", t):
        return int(t)
    return NUMBER_WORDS.get(t) if t not in ("a", "an") else None
