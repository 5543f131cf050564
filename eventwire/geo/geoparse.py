"""Find toponyms in a parsed document and resolve each to a place.

Recognition does not trust NER alone: the small spaCy model tags "Luhansk" PERSON and misses towns it never saw, so
every capitalised n-gram the gazetteer knows is a candidate, kept or dropped by its context. Resolution is decided once
per name per document ("one sense per discourse"), pooling the cues of all its mentions, so "the region of Luhansk" in
the lead also settles a bare "Luhansk" later on.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from ..types import ParsedDoc, Place, Toponym
from .gazetteer import Gazetteer, load_gazetteer, normalise_name

LOCATIVE_PREPS = {"in", "near", "at", "from", "of", "to", "into", "outside", "around", "across", "towards", "toward",
                  "through", "inside", "within", "throughout", "on", "over", "off", "along", "via", "between"}
ADMIN_WORDS = {"region", "oblast", "province", "state", "governorate", "county", "district", "prefecture",
               "department", "canton", "territory", "emirate", "voivodeship", "krai", "republic", "raion"}
PHYSICAL_FEATURES = {"river", "sea", "lake", "mountain", "valley", "bay", "gulf", "strait", "canal", "dam",
                     "reservoir", "desert", "peninsula", "island", "delta", "basin", "estuary", "channel", "forest"}
CITY_WORDS = {"city", "town", "village", "settlement", "capital", "port", "suburb", "township", "hamlet"}
# Capitalised words that are place names somewhere but almost never in news prose.
NOT_PLACES = {
    "president", "minister", "prime", "general", "governor", "mayor", "king", "queen", "prince", "army", "police",
    "west", "east", "north", "south", "western", "eastern", "northern", "southern", "central", "new", "old", "saint",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "god", "allah",
    "parliament", "government", "ministry", "council", "court", "university", "church", "mosque", "hospital",
    "reuters", "media", "news", "channel", "twitter", "telegram", "facebook", "email", "internet", "tv", "ukrinform",
    "federation", "republic", "union", "kingdom", "states", "city", "region", "province", "oblast", "island",
    "victory", "liberty", "independence", "freedom", "peace", "hope", "unity", "justice", "mission", "reading",
    "mobile", "nice", "split", "of", "the", "and", "said", "says", "but", "however", "also", "after", "before",
}
STATEMENT_VERBS = {"accuse", "condemn", "criticise", "criticize", "urge", "praise", "thank", "warn", "blame", "ask",
                   "tell", "support", "back", "sanction", "threaten", "congratulate", "call", "pressure", "press",
                   "defy", "denounce", "slam", "invite", "recognise", "recognize", "persuade", "convince", "accuse"}
GEOGRAPHIC_NOUNS = {"heartland", "territory", "border", "coast", "east", "west", "north", "south", "city", "town",
                    "village", "region", "province", "capital", "countryside", "soil", "airspace", "frontline",
                    "front", "port", "outskirts", "centre", "center", "land", "part", "side", "area", "interior"}
METONYM_PREPS = {"for", "by", "with", "against", "to"}


@dataclass
class _Candidate:
    start: int
    end: int
    first: int
    last: int  # token range, one past
    text: str
    key: str
    ner: str
    cues: dict[str, float] = field(default_factory=dict)


def geoparse(parsed: ParsedDoc, gazetteer: Gazetteer | None = None) -> list[Toponym]:
    """Every toponym of the document (literal places, metonyms, demonyms), sorted by offset."""
    gaz = gazetteer or load_gazetteer()
    cands = _recognise(parsed, gaz)
    resolved = _resolve(parsed, gaz, cands)
    out = []
    for c in cands:
        place, score = resolved.get(c.key, (None, 0.0))
        place, score = _mention_override(gaz, c, place, score)
        if place is None and score <= 0:
            continue
        out.append(Toponym(c.start, c.end, c.text, _kind(parsed, gaz, c, place), place, round(score, 3)))
    out.extend(_demonyms(parsed, gaz, {i for c in cands for i in range(c.first, c.last)}))
    out.sort(key=lambda t: t.start)
    return out


def resolve_spans(parsed: ParsedDoc, spans: list[tuple[int, int]], gazetteer: Gazetteer | None = None
                  ) -> list[Toponym | None]:
    """Resolve given character spans (gold toponyms, say) in their document, with the resolver `geoparse` uses.

    The document's own toponyms are recognised too, as context (one sense per discourse, the countries it talks
    about); a span equal to one of them gets that reading. A span the gazetteer does not know gives a Toponym
    without a place; a span covering no token gives None.
    """
    gaz = gazetteer or load_gazetteer()
    cands = _recognise(parsed, gaz)
    by_span = {(c.start, c.end): c for c in cands}
    extra: list[_Candidate] = []
    wanted: list[_Candidate | None] = []
    for start, end in spans:
        c = by_span.get((start, end))
        if c is None:
            first = parsed.token_at(start)
            if first is None or parsed.tokens[first].start >= end:
                wanted.append(None)
                continue
            last = first
            while last < len(parsed.tokens) and parsed.tokens[last].start < end:
                last += 1
            text = parsed.clean.text[start:end]
            label = parsed.tokens[first].ent_type
            c = _Candidate(start, end, first, last, text, normalise_name(text), label)
            c.cues = _cues(parsed, gaz, c)
            extra.append(c)
        wanted.append(c)
    resolved = _resolve(parsed, gaz, cands + extra)
    out: list[Toponym | None] = []
    for c in wanted:
        if c is None:
            out.append(None)
            continue
        if c.key not in resolved and gaz.is_demonym(c.text):
            out.append(Toponym(c.start, c.end, c.text, "demonym", gaz.demonym_place(c.text), 1.0))
            continue
        place, score = resolved.get(c.key, (None, 0.0))
        place, score = _mention_override(gaz, c, place, score)
        out.append(Toponym(c.start, c.end, c.text, _kind(parsed, gaz, c, place), place, round(score, 3)))
    return out


def _person_tokens(parsed: ParsedDoc) -> set[str]:
    """Words that are part of a multi-word person name somewhere in the document ("Putin", "Shoigu")."""
    words: set[str] = set()
    for e in parsed.entities:
        if e.label == "PERSON" and e.last - e.first >= 2:
            words.update(t.text for t in parsed.tokens[e.first:e.last])
    return words


def _recognise(parsed: ParsedDoc, gaz: Gazetteer) -> list[_Candidate]:
    toks = parsed.tokens
    ent_at: dict[int, tuple[str, int, int]] = {}
    for e in parsed.entities:
        for i in range(e.first, e.last):
            ent_at[i] = (e.label, e.first, e.last)
    person_words = _person_tokens(parsed)
    # Names the tagger calls a place somewhere in the article are places everywhere in it.
    place_texts = {e.text for e in parsed.entities if e.label in ("GPE", "LOC")}
    cands: list[_Candidate] = []
    taken: set[int] = set()
    max_n = gaz.max_name_tokens
    for sent in parsed.sentences:
        i = sent.first
        while i < sent.last:
            t = toks[i]
            if not t.is_upper_initial or t.pos in ("PUNCT", "SPACE", "NUM") or t.text.lower() in NOT_PLACES:
                i += 1
                continue
            match = None
            for n in range(min(max_n, sent.last - i), 0, -1):
                last = i + n
                if not toks[last - 1].text[:1].isalnum():
                    continue
                text = parsed.clean.text[t.start:toks[last - 1].end]
                if gaz.is_name(text):
                    match = (last, text)
                    break
            if match is None:
                i += 1
                continue
            last, text = match
            label, efirst, elast = ent_at.get(i, ("", i, last))
            if _keep(parsed, gaz, i, last, text, label, efirst, elast, person_words, place_texts):
                cands.append(_Candidate(t.start, toks[last - 1].end, i, last, text, normalise_name(text), label))
                taken.update(range(i, last))
            i = last
    for c in cands:
        c.cues = _cues(parsed, gaz, c)
    return cands


def _keep(parsed, gaz, first, last, text, label, efirst, elast, person_words, place_texts) -> bool:
    toks = parsed.tokens
    n = last - first
    in_longer_entity = (elast - efirst) > n and label in ("PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT")
    if in_longer_entity and not (label == "ORG" and _admin_word_after(parsed, last)):
        return False
    if n == 1 and text in person_words:
        return False
    if gaz.demonym(text) and n == 1:
        return False  # demonyms are handled separately
    if last < len(toks) and toks[last].lemma.lower() in PHYSICAL_FEATURES:
        return False  # "the Dnipro river": the gazetteer holds settlements and units, not rivers
    prev = _prev_word(parsed, first)
    cue = prev in LOCATIVE_PREPS or _admin_word_after(parsed, last) or _city_word_before(parsed, first)
    if label in ("GPE", "LOC", "FAC") or (cue and label == "PERSON" and n > 1) or text in place_texts:
        return True  # "the border town of Ras al-Ain", which the small model calls a person
    best = max((p for p in gaz.lookup(text)), key=_prior, default=None)
    if best is None or label == "NORP":
        return False  # "Sunni Arab forces": a people, not the town of Arab, Alabama
    significant = best.precision in ("country", "admin1", "region") or best.population >= 50_000
    if label in ("PERSON", "ORG"):
        # "liberating Luhansk" (tagged PERSON) has its preposition; "Paul issued an appeal" has none.
        return n == 1 and cue and significant
    if toks[first].pos != "PROPN":
        return cue and significant
    if first == parsed.sentences[toks[first].sent].first and not cue:
        return significant
    return cue or significant or best.population >= 5_000


def _prev_word(parsed: ParsedDoc, i: int) -> str:
    j = i - 1
    while j >= 0 and parsed.tokens[j].pos in ("DET", "ADJ", "SPACE"):
        j -= 1
    return parsed.tokens[j].text.lower() if j >= 0 else ""


def _admin_word_after(parsed: ParsedDoc, last: int) -> bool:
    return last < len(parsed.tokens) and parsed.tokens[last].text.lower() in ADMIN_WORDS


def _city_word_before(parsed: ParsedDoc, first: int) -> bool:
    toks = parsed.tokens
    return first >= 2 and toks[first - 1].text.lower() == "of" and toks[first - 2].text.lower() in CITY_WORDS | ADMIN_WORDS


def _cues(parsed: ParsedDoc, gaz: Gazetteer, c: _Candidate) -> dict[str, float]:
    """Feature-type and country cues from the words around one mention."""
    toks = parsed.tokens
    cues: dict[str, float] = {}
    after = toks[c.last].text.lower() if c.last < len(toks) else ""
    before2 = toks[c.first - 2].text.lower() if c.first >= 2 else ""
    before1 = toks[c.first - 1].text.lower() if c.first >= 1 else ""
    if after in ADMIN_WORDS or (before1 == "of" and before2 in ADMIN_WORDS):
        cues["admin"] = 1.0
    if after in CITY_WORDS or (before1 == "of" and before2 in CITY_WORDS):
        cues["city"] = 1.0
    # "the eastern Ukrainian region of Luhansk": a demonym in the same phrase names the country.
    lo = max(parsed.sentences[toks[c.first].sent].first, c.first - 6)
    for j in range(lo, c.first):
        iso = gaz.demonym(toks[j].text) if toks[j].is_upper_initial else None
        if iso:
            cues["country:" + iso] = cues.get("country:" + iso, 0) + 1.0
    # "Springfield, Illinois": a following ", <place>" that contains this one.
    if c.last + 1 < len(toks) and toks[c.last].text == "," and toks[c.last + 1].is_upper_initial:
        nxt = toks[c.last + 1]
        for n in range(min(gaz.max_name_tokens, 4), 0, -1):
            end = c.last + 1 + n
            if end > len(toks):
                continue
            text = parsed.clean.text[nxt.start:toks[end - 1].end]
            outer = [p for p in gaz.lookup(text) if p.precision in ("country", "admin1", "admin2")]
            if outer:
                for p in outer:
                    cues["within:" + (p.admin1_code or p.country2 or "")] = 1.0
                break
    return cues


# A reading reached only through an alternate name ("Salisbury", the old name of Harare) yields to a place that
# carries the name as its own, unless the article's context says otherwise.
ALIAS_PENALTY = 1.5


def _prior(p: Place) -> float:
    """Log-scale prominence: countries first, then admin1 units, regions, then cities by population."""
    if p.precision == "country":
        return 9.0
    if p.precision == "region":
        return 7.0
    if p.precision == "admin1":
        return 6.3
    if p.precision == "admin2":
        return 4.5
    return math.log10(p.population + 10)


def _score(gaz: Gazetteer, p: Place, cues: dict[str, float], doc_countries: dict[str, float],
           via_alias: bool = False) -> float:
    s = _prior(p) - (ALIAS_PENALTY if via_alias else 0.0)
    if cues.get("admin"):
        s += 4.0 if p.precision in ("admin1", "admin2", "region") else -2.0
    if cues.get("city"):
        s += 4.0 if p.precision == "city" else -2.0
    if not cues.get("admin") and p.precision in ("admin1", "admin2"):
        # An admin unit named after its capital ("Luhansk", "Kharkiv"): bare, the city is meant.
        if any(q.precision == "city" and q.admin1_code == p.admin1_code and q.population >= 100_000
               for q in gaz.lookup(p.admin1 or p.name)):
            s -= 2.0
    if p.precision == "city" and p.country and (cap := gaz.capital_of(p.country)) and cap.geonameid == p.geonameid:
        s += 1.5  # "Damascus" is the capital before it is the governorate around it
    if p.country:
        s += 3.0 * min(cues.get("country:" + p.country, 0.0), 1.0)
        s += 1.5 * min(doc_countries.get(p.country, 0.0), 2.0)
    for k in cues:
        if k.startswith("within:") and k[7:] and k[7:] in ((p.admin1_code or ""), (p.country2 or "")):
            s += 5.0
    return s


def _resolve(parsed: ParsedDoc, gaz: Gazetteer, cands: list[_Candidate]) -> dict[str, tuple[Place | None, float]]:
    by_key: dict[str, list[_Candidate]] = defaultdict(list)
    for c in cands:
        by_key[c.key].append(c)
    # Countries the document talks about: named countries, demonyms, and places with one reading only.
    doc_countries: dict[str, float] = defaultdict(float)
    for t in parsed.tokens:
        if t.is_upper_initial and (iso := gaz.demonym(t.text)):
            doc_countries[iso] += 0.5
    for key, group in by_key.items():
        options = gaz.lookup(group[0].text)
        if len(options) == 1 or any(p.precision == "country" for p in options):
            top = max(options, key=_prior)
            if top.country:
                doc_countries[top.country] += len(group)
    out: dict[str, tuple[Place | None, float]] = {}
    for key, group in by_key.items():
        pooled: dict[str, float] = defaultdict(float)
        for c in group:
            for k, v in c.cues.items():
                pooled[k] += v
        options = gaz.candidates(group[0].text)
        if not options:
            continue
        mixed = len({c.via_alias for c in options}) > 1
        scored = sorted(((_score(gaz, c.place, pooled, doc_countries, mixed and c.via_alias), c.place)
                         for c in options), key=lambda x: -x[0])
        best_s, best = scored[0]
        margin = best_s - scored[1][0] if len(scored) > 1 else 3.0
        confidence = 1 / (1 + math.exp(-(margin - 0.5)))
        weak = best.precision == "city" and best.population < 1_000 and not any(c.ner for c in group)
        out[key] = (None, 0.1) if weak else (best, confidence)
    return out


def _mention_override(gaz: Gazetteer, c: _Candidate, place: Place | None, score: float):
    """A mention with its own type cue ("the city of Donetsk") overrides the document's reading of the name."""
    if place is None:
        return place, score
    want = "admin1" if c.cues.get("admin") else "city" if c.cues.get("city") else None
    if want is None or place.precision == want or (want == "admin1" and place.precision in ("admin2", "region")):
        return place, score
    same = [p for p in gaz.lookup(c.text) if p.precision == want and p.country == place.country]
    if same:
        return max(same, key=_prior), score * 0.9
    return place, score


def _kind(parsed: ParsedDoc, gaz: Gazetteer, c: _Candidate, place: Place | None) -> str:
    """literal, or metonym when a capital, seat of power or country acts as an agent ("Moscow said")."""
    if gaz.seat_of_power(c.text) and (place is None or place.precision != "city"):
        return "metonym"  # "the Kremlin", "Downing Street": seats of power, never plain places
    if place is None or place.precision not in ("country", "city"):
        return "literal"
    if place.precision == "city":
        cap = gaz.capital_of(place.country) if place.country else None
        if cap is None or cap.geonameid != place.geonameid:
            return "literal"
    head = parsed.tokens[c.last - 1]
    if head.dep in ("nsubj", "nsubjpass"):
        return "metonym"
    if head.dep == "dobj" and parsed.tokens[head.head].lemma.lower() in STATEMENT_VERBS:
        return "metonym"  # "accused Ankara of", "urged Moscow to"
    if head.dep == "poss":
        # "Ukraine's president" stands for the state; "Ukraine's industrial heartland" is a place.
        owned = parsed.tokens[head.head].lemma.lower()
        return "literal" if owned in GEOGRAPHIC_NOUNS else "metonym"
    if head.dep == "pobj":
        prep = parsed.tokens[head.head]
        if prep.text.lower() in METONYM_PREPS and prep.text.lower() != "to":
            return "metonym"
        if prep.text.lower() == "to" and parsed.tokens[prep.head].lemma.lower() in ("loyal", "allegiance", "close"):
            return "metonym"
        if prep.dep == "agent":
            return "metonym"
    return "literal"


def _demonyms(parsed: ParsedDoc, gaz: Gazetteer, taken: set[int]) -> list[Toponym]:
    out = []
    for t in parsed.tokens:
        if t.i in taken or not t.is_upper_initial or t.pos not in ("ADJ", "PROPN", "NOUN"):
            continue
        iso = gaz.demonym(t.text)
        if iso:
            out.append(Toponym(t.start, t.end, t.text, "demonym", gaz.country(iso), 1.0))
    return out
