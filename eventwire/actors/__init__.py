"""The actors stage: every phrase that can be an event's source or target, coded as name, country and sector.

    find_actors(parsed, toponyms) -> dict[int, Actor]     # keyed by the phrase's head token

Countries come from what the article itself says first ("Russian troops", "Ukraine's President", "forces loyal to
Kyiv", "the Kremlin"), then from who the person is known to be, so a reader's knowledge only fills gaps.
"""

from __future__ import annotations

from dataclasses import replace

from ..geo.gazetteer import Gazetteer, load_gazetteer, normalise_name
from ..types import Actor, ParsedDoc, Place, Toponym
from .lexicon import (FAMILY_NAME_FIRST, GENERIC_PEOPLE, GROUP_NOUNS, KNOWN_PEOPLE, MILITARY_MODIFIERS,
                      ORGANISATION_COUNTRY, ORGANISATIONS, PERSON_TITLES, TITLES)

PRONOUNS_PERSON = {"he", "him", "his", "she", "her"}
PRONOUNS_GROUP = {"they", "them", "their", "its", "it"}
PEOPLE_SECTORS = {"CVL", "REF", "MED", "POL"}
# Titles that belong to whatever body is named before them: "opposition leader", "rebel commander".
LED_TITLES = {"leader", "head", "chief", "commander", "spokesman", "spokeswoman", "spokesperson", "official",
              "member", "figure"}
LEFT_DEPS = {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case", "punct", "advmod"}


def find_actors(parsed: ParsedDoc, toponyms: list[Toponym], gazetteer: Gazetteer | None = None) -> dict[int, Actor]:
    """Actors keyed by head token index, for nouns, names, pronouns and metonyms that can fill an event role."""
    return _ActorFinder(parsed, toponyms, gazetteer or load_gazetteer()).run()


def _group_lemma(t) -> str:
    """Lemma for the group-noun table; capitalised plurals ("the Ukrainian Forces") keep their -s in spaCy."""
    lemma = t.lemma.lower()
    if lemma not in GROUP_NOUNS and lemma.endswith("s") and lemma[:-1] in GROUP_NOUNS:
        return lemma[:-1]
    return lemma


_FAMILY_FIRST = {normalise_name(n): normalise_name(n.split()[0]) for n in FAMILY_NAME_FIRST}


def _surname(name: str) -> str:
    """The key a person's mentions share: the last word ("Putin"), the first of a family-first name ("Xi")."""
    return _FAMILY_FIRST.get(normalise_name(name)) or normalise_name(name.split()[-1])


class _ActorFinder:
    def __init__(self, parsed: ParsedDoc, toponyms: list[Toponym], gaz: Gazetteer):
        self.p = parsed
        self.gaz = gaz
        self.toks = parsed.tokens
        self.topo_at: dict[int, Toponym] = {}
        for tp in toponyms:
            for i in parsed.tokens_in(tp.start, tp.end):
                self.topo_at[i] = tp
        self.known = {normalise_name(n): (n, c or None, s) for n, c, s in KNOWN_PEOPLE}
        self.known_surname = {_surname(n): (n, c or None, s) for n, c, s in KNOWN_PEOPLE}
        self.people: dict[str, Actor] = {}  # surname → the fullest coding seen
        self.out: dict[int, Actor] = {}

    def run(self) -> dict[int, Actor]:
        person_heads = self._people()
        for t in self.toks:
            if t.i in self.out:
                continue
            actor = None
            if t.i in person_heads:
                actor = self._person_mention(t.i, person_heads[t.i])
            elif t.pos in ("NOUN", "PROPN") and t.tag in ("NNS", "NNPS") and (tp := self.topo_at.get(t.i)) \
                    and tp.kind == "demonym" and tp.place and tp.place.country:
                # "ethnic Turks began a hunger strike", "young Algerians blocked roads": people of that country,
                # unless the words say where they live: "Bosnian Serbs", "the Albanians of southern Serbia".
                first = self._left_edge(t.i)
                home = next((iso for c in self.p.children[t.i] if c < t.i and self.toks[c].dep in ("amod", "compound")
                             and (iso := self._country_word(c))), None) or self._loyal_or_of(
                    self.p.child(t.i, ("prep",), {"of", "in"}) or t.i, "CVL")
                actor = Actor(text=self._text(first, t.i + 1), name=None, country=home or tp.place.country,
                              sector="CVL", start=self.toks[first].start, end=t.end, head=t.i)
            elif t.i in self.topo_at and t.pos == "PROPN":
                actor = self._place_actor(t.i, self.topo_at[t.i])
            elif t.pos in ("NOUN", "PROPN") and (actor := self._organisation(t.i)):
                pass
            elif t.pos in ("NOUN", "PROPN") and _group_lemma(t) in GROUP_NOUNS and not self._state_of(t.i):
                actor = self._group(t.i)
            elif t.pos == "PRON" and t.text.lower() in PRONOUNS_PERSON | PRONOUNS_GROUP:
                actor = self._pronoun(t.i)
            elif t.pos == "ADJ" and (tp := self.topo_at.get(t.i)) and tp.kind == "demonym" and tp.place:
                # "Russian shelling", "Turkish air strikes": the adjective names the side; a province's people are
                # their country's ("Chechen units" are Russia's).
                side = tp.place
                if side.precision != "country" and side.country:
                    side = self.gaz.country(side.country) or side
                actor = Actor(text=t.text, name=side.name, country=side.country, start=t.start, end=t.end, head=t.i)
            if actor is not None:
                self.out[t.i] = actor
        self._place_groups()
        return self.out

    def _place_groups(self) -> None:
        """"dock workers blocked a road in Gdansk", "the opposition newspaper": people the text gives no
        country are of the one country their sentence is set in, when its places lie in one country (inferred); a
        capital standing for a government ("loyal to Moscow") does not set the scene. Armed and state actors are
        left alone: troops in a country are often another country's."""
        for i, a in self.out.items():
            t = self.toks[i]
            if a.country is not None or a.name is not None or t.pos == "PRON" or a.sector not in PEOPLE_SECTORS:
                continue
            named = self._sentence_countries(
                t.sent, lambda tp: tp.kind == "literal" or tp.kind == "metonym" and tp.place.precision == "country")
            if len(named) == 1:
                self.out[i] = replace(a, country=named.pop(), inferred=True)

    def _sentence_countries(self, sent: int, keep) -> set[str]:
        """Countries of the places a sentence names, among the toponyms `keep` accepts."""
        s = self.p.sentences[sent]
        return {tp.place.country for j in range(s.first, s.last)
                if (tp := self.topo_at.get(j)) and tp.place and tp.place.country and keep(tp)}

    # --- people -------------------------------------------------------------------------------------------------
    def _people(self) -> dict[int, tuple[int, int]]:
        """Head token → name token range, for person names that are not places; fills the person registry."""
        heads: dict[int, tuple[int, int]] = {}
        # "Sophie, the Duchess of Edinburgh": whatever the tagger calls it, a name its apposition gives a title is a
        # person's, and so is the same name later in the article ("Sophie met survivors").
        titled = {self._key(e.first, e.last) for e in self.p.entities if self._titled(e.last - 1)}
        for e in self.p.entities:
            if e.label != "PERSON" and not self._known_person(e.first, e.last) and not (
                    e.label in ("ORG", "NORP", "PRODUCT", "WORK_OF_ART") and self._key(e.first, e.last) in titled):
                continue  # "met with Lavrov": the tagger's ORG is a person we know by name
            if any(i in self.topo_at for i in range(e.first, e.last)):
                continue
            first = e.first
            while first < e.last and self.toks[first].text.lower() in TITLES:
                first += 1
            last = e.last
            while last > first and self.toks[last - 1].tag == "POS":
                last -= 1
            if first >= last:
                continue
            heads[last - 1] = (first, last)
        # Pool what the article says about each surname before coding any mention.
        for head, (first, last) in sorted(heads.items()):
            name = " ".join(t.text for t in self.toks[first:last])
            country, sector = self._modifiers(head, first)
            country = country or self._appositive_country(head)
            key = self._key(first, last)
            known = self.known.get(normalise_name(name)) or self.known_surname.get(key)
            cur = self.people.get(key)
            if cur is None:
                cur = Actor(text=name, name=name)
                self.people[key] = cur
            if last - first > (len(cur.name.split()) if cur.name else 0):
                cur.name = known[0] if known and _surname(known[0]) == key else name
            cur.country = cur.country or country or (known[1] if known else None)
            cur.sector = cur.sector or sector or (known[2] if known else None)
        # "President Museveni has threatened to ban Ugandan opposition candidates": an office holder the article
        # does not place serves the one country his sentence names, when it names only one.
        for head, (first, last) in sorted(heads.items()):
            cur = self.people[self._key(first, last)]
            if cur.country is None and cur.sector in ("GOV", "MIL"):
                named = self._sentence_countries(
                    self.toks[head].sent, lambda tp: tp.place.precision in ("country", "admin1", "city", "region"))
                if len(named) == 1:
                    cur.country = named.pop()
        return heads

    def _titled(self, head: int) -> bool:
        """The name at `head` has an apposition headed by a person's title: "Sophie, the Duchess of Edinburgh"."""
        return any(self.toks[c].dep == "appos" and self.toks[c].lemma.lower() in PERSON_TITLES
                   for c in self.p.children[head])

    def _known_person(self, first: int, last: int) -> bool:
        """A name written as a known person's full name or surname ("Lavrov", "Sergei Lavrov")."""
        name = normalise_name(" ".join(t.text for t in self.toks[first:last]))
        return name in self.known or (last - first == 1 and name in self.known_surname)

    def _modifiers(self, head: int, name_first: int) -> tuple[str | None, str | None]:
        """Country and sector said by the words before a name: "Russian President", "Ukraine's Defence Minister"."""
        country = sector = None
        sent_first = self.p.sentences[self.toks[head].sent].first
        j = name_first - 1
        while j >= sent_first and j >= name_first - 6:
            t = self.toks[j]
            low = t.text.lower()
            if low in TITLES:
                sector = sector or TITLES[low]
            elif sector is not None and GROUP_NOUNS.get(low) in ("POL", "REB") and self.toks[j + 1].lemma.lower() \
                    in LED_TITLES:
                sector = GROUP_NOUNS[low]  # "opposition leader Alexei Navalny", "rebel commander X": whose leader
            elif (org := ORGANISATIONS.get(low.replace(".", "")) or (
                    ORGANISATIONS.get(f"{self.toks[j - 1].text.lower()} {low}") if j > sent_first else None)) \
                    and org[1] in ("IGO", "NGO"):
                sector = org[1]  # "U.N. mediator Diego Cordovez", "Arab League Secretary-General Chedli Klibi"
                country = None
                break
            elif iso := self._country_word(j):
                country = country or iso
            elif t.tag != "POS" and low not in ("'s", "the", "former", "then", "acting", "new", "-"):
                break
            j -= 1
        return country, sector

    def _appositive_country(self, head: int) -> str | None:
        """"Maria Lopez, Chile's best-known union organiser": the country the apposition gives."""
        for c in self.p.children[head]:
            if self.toks[c].dep == "appos":
                for g in self.p.children[c]:
                    if g < c and self.toks[g].dep in ("poss", "amod", "compound") and (iso := self._country_word(g)):
                        return iso
        return None

    def _key(self, first: int, last: int) -> str:
        """The surname a person's mentions share: the last word, or the first of a known family-first name."""
        return _surname(" ".join(t.text for t in self.toks[first:last]))

    def _person_mention(self, head: int, rng: tuple[int, int]) -> Actor:
        key = self._key(*rng)
        ref = self.people.get(key)
        first = min(rng[0], self._left_edge(head))
        return Actor(text=self._text(first, head + 1), name=ref.name if ref else None, country=ref.country if ref else None,
                     sector=ref.sector if ref else None, start=self.toks[first].start, end=self.toks[head].end, head=head)

    # --- places standing for governments, organisations, groups -----------------------------------------------
    def _place_actor(self, i: int, tp: Toponym) -> Actor | None:
        if tp.place is None or tp.kind in ("demonym", "embedded"):
            return None  # "Air Canada" is a company, not Canada's government
        t = self.toks[i]
        if i + 1 < len(self.toks) and self.topo_at.get(i + 1) is tp:
            return None  # only the last token of a multi-token name heads it
        iso = tp.place.country
        if tp.kind == "metonym" or tp.place.precision == "country":
            return Actor(text=tp.text, name=self._country_name(iso) or tp.text, country=iso, sector="GOV",
                         start=tp.start, end=tp.end, head=t.i)
        return None

    def _organisation(self, i: int) -> Actor | None:
        t = self.toks[i]
        for e in self.p.entities:
            # The tagger's span may run on past the name into a place ("the Luhansk People's Militia near X").
            runs_on = e.last - 1 > i and self.toks[i + 1].pos == "ADP"
            if e.first <= i < e.last and e.label in ("ORG", "NORP", "GPE", "LOC", "PERSON", "FAC") \
                    and (e.last - 1 == i or runs_on):
                said = self.p.clean.text[e.start:t.end]
                text = said[4:] if said.lower().startswith("the ") else said
                hit = ORGANISATIONS.get(text.lower()) or ORGANISATIONS.get(text.lower().replace(".", ""))
                if hit:
                    name, sector = hit
                    return Actor(text=said, name=name, country=ORGANISATION_COUNTRY.get(name), sector=sector,
                                 start=e.start, end=t.end, head=i)
                if e.label == "ORG" and t.pos == "PROPN":
                    return self._named_org(e, i)
        hit = (ORGANISATIONS.get(t.text.lower()) or ORGANISATIONS.get(t.text.lower().replace(".", ""))
               if t.is_upper_initial else None)
        if hit:
            return Actor(text=t.text, name=hit[0], country=ORGANISATION_COUNTRY.get(hit[0]), sector=hit[1],
                         start=t.start, end=t.end, head=i)
        return None

    def _state_of(self, i: int) -> bool:
        """"a state of emergency", "state of war": a condition, not a government."""
        return self.toks[i].lemma.lower() == "state" and self.p.child(i, ("prep",), {"of"}) is not None

    def _organisation_named_at(self, c: int) -> tuple[str, str] | None:
        """The organisation a modifier names, by its word or by the entity it ends: "NAF", "European Community"."""
        hit = ORGANISATIONS.get(self.toks[c].text.lower())
        if hit:
            return hit
        for e in self.p.entities:
            if e.last - 1 == c and e.label == "ORG":
                text = e.text[4:] if e.text.lower().startswith("the ") else e.text
                return ORGANISATIONS.get(text.lower())
        return None

    def _named_org(self, e, i: int) -> Actor | None:
        """An organisation the tagger found: coded when its name says what it is ("... Party") or whose it is
        ("Palestinian Islamic Jihad", "Montenegro Municipality Association")."""
        whole = self._country_called(e.text)
        if whole is not None:  # "Sri Lanka" tagged as an organisation: the state
            return Actor(text=e.text, name=whole.name, country=whole.country, sector="GOV", start=e.start, end=e.end,
                         head=i)
        words = [w.lower() for w in e.text.split()]
        sector = next((GROUP_NOUNS[w] for w in reversed(words) if w in GROUP_NOUNS), None)
        country = next((iso for j in range(e.first, e.last) if (iso := self._country_word(j) or self._named_country(j))),
                       None)
        # "Kenya's Cabinet": the owner named before the organisation's name.
        country = country or next((iso for c in self.p.children[i] if c < e.first and self.toks[c].dep == "poss"
                                   and (iso := self._country_word(c))), None)
        if sector is None and country is None:
            return None
        return Actor(text=e.text, name=e.text, country=country, sector=sector, start=e.start, end=e.end, head=i)

    def _named_country(self, j: int) -> str | None:
        """A country's own name inside an organisation's name ("Montenegro Municipality Association")."""
        t = self.toks[j]
        if not t.is_upper_initial or t.pos != "PROPN":
            return None
        place = self._country_called(t.text)
        return place.country if place else None

    def _country_called(self, text: str) -> Place | None:
        """The country a name means first, if its first reading is a country ("Sri Lanka", "Mozambique")."""
        return next((p for p in self.gaz.lookup(text)[:1] if p.precision == "country"), None)

    def _group(self, i: int) -> Actor:
        t = self.toks[i]
        lemma = _group_lemma(t)
        sector = GROUP_NOUNS[lemma]
        country = None
        first = self._left_edge(i)
        end_tok = i + 1
        for c in self.p.children[i]:
            ct = self.toks[c]
            if c < i and ct.dep == "compound" and not self._country_word(c):
                # "Turkish Kurd refugees": the country word modifies the compound before the head; "Kenya Farmers
                # Union leaders": a country's name inside the body they belong to.
                country = country or next((iso for g in self.p.subtree(c) if g < c and (
                    iso := self._country_word(g) or self._named_country(g))), None)
            if c < i and ct.dep in ("compound", "nmod") and (owner := self.out.get(c)) and owner.country:
                country = country or owner.country  # "the Kenya Farmers Union (KFU) leaders"
            if c < i and ct.dep == "amod" and ct.text.lower() == "led":
                # "Nigerian-led forces", "Saudi-led coalition": the leader's side.
                country = country or next((iso for g in self.p.children[c] if (iso := self._country_word(g))), None)
            if c < i and (iso := self._country_word(c)):
                country = country or iso
            elif c < i and ct.text.lower().startswith("pro-") and self._country_word_text(ct.text[4:]):
                sector = "REB" if sector == "MIL" else sector
            elif c < i and ct.dep in ("amod", "compound") and GROUP_NOUNS.get(_group_lemma(ct)) == "REB":
                sector = "REB"  # "rebel forces", "separatist fighters"
            elif c < i and ct.dep in ("amod", "compound") and GROUP_NOUNS.get(_group_lemma(ct)) == "POL" \
                    and lemma in LED_TITLES:
                sector = "POL"  # "the opposition leader", "party officials"
            elif c < i and ct.dep in ("compound", "nmod") and (owner := self.out.get(c)) \
                    and owner.sector in ("IGO", "NGO"):
                sector = owner.sector  # "U.N. helicopters", "Red Cross workers": the organisation's
            elif c < i and ct.dep in ("compound", "nmod") and (org := self._organisation_named_at(c)):
                # "the NAF rebel forces", "DPR fighters": the group the unit belongs to; "European Community
                # foreign ministers" speak for the organisation.
                sector = org[1] if org[1] != "GOV" else sector
                country = country or ORGANISATION_COUNTRY.get(org[0])
            elif c < i and ct.dep == "poss":
                owner = self.out.get(c) or self._pronoun(c) if ct.pos == "PRON" else self.out.get(c)
                if owner is None and (iso := self._country_word(c)):
                    country = iso
                elif owner is not None:
                    country = country or owner.country
            elif c > i and ct.dep in ("prep", "amod", "acl") and not country:
                country = self._loyal_or_of(c, sector)
                if country:
                    end_tok = max(end_tok, self.p.subtree(c)[-1] + 1)
        if country is None and t.dep == "compound":
            # "Israeli army bulldozers": the people's adjective modifies the phrase's head.
            country = next((iso for c in self.p.children[t.head] if c < i and (iso := self._country_word(c))), None)
        if lemma in GENERIC_PEOPLE or lemma == "man":
            if any(self.toks[j].lemma.lower() in MILITARY_MODIFIERS for j in self.p.subtree(i)):
                sector = "MIL"
        actor = Actor(text=self._text(first, end_tok), name=None, country=country, sector=sector,
                      start=self.toks[first].start, end=self.toks[end_tok - 1].end, head=i)
        return self._corefer_title(actor)

    def _loyal_or_of(self, c: int, sector: str | None = None) -> str | None:
        """"forces loyal to Kyiv", "troops of Ukraine", "fighters from Chechnya", "rebels in the Ivory Coast" → the
        country named ("in" only for rebels and civilians: foreign troops are often "in" another country)."""
        t = self.toks[c]
        prep = t
        if t.dep == "amod" and t.lemma.lower() in ("loyal", "allied", "close"):
            preps = [k for k in self.p.children[c] if self.toks[k].text.lower() == "to"]
            if not preps:
                return None
            prep = self.toks[preps[0]]
        elif t.text.lower() not in ("of", "from") and not (t.text.lower() == "in" and sector in ("REB", "CVL", "REF")):
            return None
        for k in self.p.children[prep.i]:
            if self.toks[k].dep == "pobj":
                tp = self.topo_at.get(k)
                if tp and tp.place:
                    return tp.place.country
                if iso := self._country_word(k):
                    return iso
        return None

    def _pronoun(self, i: int) -> Actor | None:
        """he/him/his → the person named last (for an object pronoun, not the clause's own subject)."""
        t = self.toks[i]
        low = t.text.lower()
        if low in PRONOUNS_PERSON:
            subject = self._clause_subject(i) if t.dep in ("dobj", "pobj", "dative") else None
            for j in range(i - 1, -1, -1):
                a = self.out.get(j)
                if a and a.name and a.sector in ("GOV", "MIL", "REB", "POL", "IGO", "CVL") and self.toks[j].pos == "PROPN":
                    if subject is not None and self._same(a, subject):
                        continue
                    return Actor(text=t.text, name=a.name, country=a.country, sector=a.sector,
                                 start=t.start, end=t.end, head=i, inferred=True)
            return None
        if low in ("it", "its", "their", "they", "them"):
            for j in range(i - 1, max(-1, i - 60), -1):
                a = self.out.get(j)
                if a and (a.country or a.sector == "IGO") and (low not in ("it", "its") or self.toks[j].pos == "PROPN"):
                    return Actor(text=t.text, name=a.name, country=a.country, sector=a.sector,
                                 start=t.start, end=t.end, head=i, inferred=True)
        return None

    def _clause_subject(self, i: int) -> Actor | None:
        verb = self.toks[i].head
        for c in self.p.children[verb]:
            if self.toks[c].dep in ("nsubj", "nsubjpass"):
                return self.out.get(c)
        return None

    def _corefer_title(self, a: Actor) -> Actor:
        """"the Russian leader" → the last Russian GOV person named before it."""
        if a.sector != "GOV" or a.country is None or self.toks[a.head].lemma.lower() not in (
            "leader", "president", "minister", "premier", "chancellor", "king"
        ):
            return a
        for j in range(a.head - 1, -1, -1):
            b = self.out.get(j)
            if b and b.name and b.country == a.country and self.toks[j].pos == "PROPN" and b.sector == "GOV":
                a.name = b.name
                break
        return a

    @staticmethod
    def _same(a: Actor, b: Actor) -> bool:
        return a.name is not None and a.name == b.name

    # --- helpers ------------------------------------------------------------------------------------------------
    def _country_word(self, j: int) -> str | None:
        t = self.toks[j]
        if not t.is_upper_initial:
            return None
        tp = self.topo_at.get(j)
        if tp and tp.place and tp.place.precision == "country":
            return tp.place.country
        if tp and tp.kind == "metonym" and tp.place:
            return tp.place.country
        if tp and tp.kind == "demonym" and tp.place:
            return tp.place.country
        iso = self.gaz.demonym(t.text) or self.gaz.seat_of_power(t.text)
        if iso is None and t.pos in ("PROPN", "ADJ") and t.dep in ("compound", "nmod", "poss", "amod"):
            # "the Mozambique government": a country's name modifying a group, missed as a toponym.
            iso = place.country if (place := self._country_called(t.text)) else None
        return iso

    def _country_word_text(self, text: str) -> str | None:
        return self.gaz.demonym(text) if text[:1].isupper() else None

    def _country_name(self, iso: str | None) -> str | None:
        p = self.gaz.country(iso) if iso else None
        return p.name if p else None

    def _left_edge(self, i: int) -> int:
        first = i
        for c in self.p.children[i]:
            if c < first and self.toks[c].dep in LEFT_DEPS:
                first = min(first, self.p.subtree(c)[0])
        while first < i and self.toks[first].pos in ("PUNCT", "SPACE"):
            first += 1
        return first

    def _text(self, first: int, end_tok: int) -> str:
        return self.p.clean.doc.text[self.toks[first].start:self.toks[end_tok - 1].end]
