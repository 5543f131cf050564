"""Find toponyms in a parsed document and resolve each to a place.

Recognition does not trust NER alone: the small spaCy model tags "Luhansk" PERSON and misses towns it never saw, so
every capitalised n-gram the gazetteer knows is a candidate, kept or dropped by its context. Resolution is decided once
per name per document ("one sense per discourse"), pooling the cues of all its mentions, so "the region of Luhansk" in
the lead also settles a bare "Luhansk" later on.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..types import Document, ParsedDoc, Place, Toponym
from . import outlets
from .facts import MISSION_AREAS, MISSION_COUNTRIES
from .gazetteer import Candidate, Gazetteer, distance_km, load_gazetteer, normalise_name
from .outlets import Home

LOCATIVE_PREPS = {"in", "near", "at", "from", "of", "to", "into", "outside", "around", "across", "towards", "toward",
                  "through", "inside", "within", "throughout", "on", "over", "off", "along", "via", "between"}
ADMIN_WORDS = {"region", "oblast", "province", "state", "governorate", "county", "district", "prefecture",
               "department", "canton", "territory", "emirate", "voivodeship", "krai", "republic", "raion"}
PLACE_VERBS = {"shell", "capture", "take", "seize", "attack", "bomb", "strike", "hit", "enter", "liberate", "occupy",
               "retake", "recapture", "storm", "bombard", "reach", "leave", "evacuate", "encircle", "surround",
               "besiege", "target", "visit", "pound", "raid", "control", "abandon", "regain", "overrun", "defend"}
# Verbs of going somewhere: "driving to Castlegar" names a place.
GOING_VERBS = {"drive", "travel", "head", "go", "come", "move", "return", "fly", "walk", "flee", "relocate", "commute",
               "ride", "sail", "march", "evacuate", "transfer", "deport", "bus"}
# Verbs of taking ground, and who takes it: "forces captured X" is a town, "police captured X" a person.
TAKING_VERBS = {"capture", "seize", "take", "enter", "encircle", "surround", "storm", "overrun", "occupy"}
ARMED_MEN = {"force", "troop", "army", "soldier", "rebel", "militant", "fighter", "militia", "unit", "brigade",
             "separatist", "insurgent", "jihadist", "guerrilla", "paratrooper", "marine", "battalion", "regiment"}
# Verbs whose object is a place and never a person: "shelled Avdiivka", tagged as a person, is the town.
ONLY_PLACE_VERBS = {"shell", "bombard", "liberate", "recapture", "retake", "storm", "besiege", "encircle", "occupy",
                    "annex", "overrun"}
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
    "century", "start", "fox",
    # organisations and armed groups, whatever village shares the name (Hamm in Germany is "Hamas" in Arabic)
    "nato", "hamas", "taliban", "wagner",
}
STATEMENT_VERBS = {"accuse", "condemn", "criticise", "criticize", "urge", "praise", "thank", "warn", "blame", "ask",
                   "tell", "support", "back", "sanction", "threaten", "congratulate", "call", "pressure", "press",
                   "defy", "denounce", "slam", "invite", "recognise", "recognize", "persuade", "convince", "accuse"}
GEOGRAPHIC_NOUNS = {"heartland", "territory", "border", "coast", "east", "west", "north", "south", "city", "town",
                    "village", "region", "province", "capital", "countryside", "soil", "airspace", "frontline",
                    "front", "port", "outskirts", "centre", "center", "land", "part", "side", "area", "interior"}
METONYM_PREPS = {"for", "by", "with", "against", "to"}
LANDMARK_NOUNS = {"square", "cathedral", "basilica", "church", "chapel", "abbey", "monastery", "bridge", "gate",
                  "palace", "park", "street", "college", "hospital"}
# Last words of names given after a place: "Kruty Battle", "Maidan Square", "Minsk Accords", "Greer Station".
NAMED_AFTER_PLACES = LANDMARK_NOUNS | {"battle", "war", "siege", "massacre", "offensive", "uprising", "revolution",
                                      "treaty", "accord", "accords", "agreement", "day", "declaration", "avenue",
                                      "station", "airport", "road", "boulevard", "highway", "harbor", "harbour"}
# A name's words are capitalised, but for its type and its parts ("Luhansk region", "Ukraine's south"): a lower-case
# word of these kinds inside a match makes it no name ("The young" boy is not The Young, Uruguay).
CONTENT_POS = ("NOUN", "ADJ", "VERB", "ADV", "NUM")
NAME_TYPE_WORDS = ADMIN_WORDS | CITY_WORDS | GEOGRAPHIC_NOUNS | PHYSICAL_FEATURES
# Capitalised words after a name that make it a street's ("Memphis St.", "Lviv Avenue"), abbreviations unstopped.
STREET_WORDS = {"street", "st", "avenue", "ave", "av", "boulevard", "blvd", "road", "rd", "drive", "dr", "lane", "ln",
                "parkway", "pkwy", "terrace", "place", "pl"}
# Nouns after a name that make it a business, not the town it may share a name with: "the Metro supermarket".
BUSINESS_NOUNS = {"supermarket", "store", "shop", "mall", "restaurant", "cafe", "café", "hotel", "pharmacy", "bar",
                  "cinema", "brand", "chain", "outlet", "showroom", "boutique", "bakery", "pizzeria"}
# The generic part of a feature's name, which is some hamlet's name too ("Lake", Mississippi): "Lake Lanier" is not
# read through it.
GENERIC_PLACE_WORDS = PHYSICAL_FEATURES | NAMED_AFTER_PLACES | BUSINESS_NOUNS | {"mount", "hill", "point", "beach",
                                                                                 "falls", "springs", "creek"}

# Words that are no place by themselves, whatever hamlet bears the name.
NOT_PLACE_WORDS = NOT_PLACES | GENERIC_PLACE_WORDS


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
    embedded: bool = False  # inside a longer name: "the Paris Police Department", "University of Georgia"
    inner: bool = False  # a given span read through a place name inside it (`resolve_spans` only)
    areas: tuple[str, ...] = ()  # admin1 codes the context puts an unknown name in (a mission's area)
    entity: tuple[int, int] = (0, 0)  # token range of the tagger's entity it starts in (itself when none)


# The most tokens one document may have (about 1.5 MB of prose: spaCy's own default limit is 1,000,000 chars).
MAX_TOKENS = 300_000


class GeoparseError(ValueError):
    """A document the geo stage refuses (too large); the caller reports it for that document and goes on."""


def geoparse(parsed: ParsedDoc, gazetteer: Gazetteer | None = None, home: Home | None = None) -> list[Toponym]:
    """Every toponym of the document, sorted by offset.

    Kinds: "literal" (a place), "metonym" (a capital or country standing for its government: "Moscow said"),
    "demonym" ("Russian forces": the country, or the region of a stateless people), "embedded" (a place inside the
    name of an organisation, title or event: "the Paris Police Department", "University of Georgia" — geoparsing
    gold counts them; they are not where anything happened). An empty document gives []; one over MAX_TOKENS
    tokens raises GeoparseError.
    """
    gaz = gazetteer or load_gazetteer()
    cands, held = _candidates(parsed, gaz)
    return _toponyms(parsed, gaz, cands + _home_towns(parsed, gaz, held, home), home)


def _candidates(parsed: ParsedDoc, gaz: Gazetteer) -> tuple[list[_Candidate], list[_Candidate]]:
    """The names recognised as places, and those held back (see `_recognise`)."""
    if len(parsed.tokens) > MAX_TOKENS:
        raise GeoparseError(f"document {parsed.doc.doc_id!r} has {len(parsed.tokens)} tokens; "
                            f"the geo stage takes at most {MAX_TOKENS}")
    return _recognise(parsed, gaz) if parsed.tokens else ([], [])


def _toponyms(parsed: ParsedDoc, gaz: Gazetteer, cands: list[_Candidate], home: Home | None) -> list[Toponym]:
    """The recognised names resolved (with the outlet's home, if known), plus the document's demonyms."""
    if not parsed.tokens:
        return []
    resolved = _resolve(parsed, gaz, cands, home)
    focus = _focus(cands, resolved)
    out = []
    for c in cands:
        place, score = resolved.get(c.key, (None, 0.0))
        place, score = _mention_override(gaz, c, place, score)
        if place is None and score <= 0:
            continue
        kind = "embedded" if c.embedded else _kind(parsed, gaz, c, place)
        out.append(_near(focus, c, kind) if place is None else
                   Toponym(c.start, c.end, c.text, kind, place, round(score, 3)))
    out.extend(_demonyms(parsed, gaz, {i for c in cands for i in range(c.first, c.last)}))
    out.sort(key=lambda t: t.start)
    return out


def geoparse_batch(parsed_docs: Iterable[ParsedDoc], gazetteer: Gazetteer | None = None, *, learn_homes: bool = True
                   ) -> list[tuple[ParsedDoc, list[Toponym] | GeoparseError, Home | None]]:
    """`geoparse` over a batch, each outlet's home learned from its articles (see `outlets`) and used as context.

    Gives each document with its toponyms (or the GeoparseError that refused it; the others go on) and the home
    its outlet was given, if any. The batch is held in memory for the second pass. Unlike `geoparse`, which the
    event pipeline reads once per passage, the toponyms of passages the clean stage marked as repeats are given
    too, at their own offsets: a geoparser's user wants every mention.
    """
    gaz = gazetteer or load_gazetteer()
    # Recognition is done once; the second pass only resolves again, with the home.
    first: list[tuple[ParsedDoc, tuple[list[_Candidate], list[_Candidate]], list[Toponym] | GeoparseError]] = []
    for parsed in parsed_docs:
        try:
            found = _candidates(parsed, gaz)
            first.append((parsed, found, _toponyms(parsed, gaz, found[0], None)))
        except GeoparseError as exc:
            first.append((parsed, ([], []), exc))
    homes = outlets.learn_homes(((p.doc, t) for p, _, t in first if not isinstance(t, GeoparseError)),
                                lambda name: [p for p in gaz.lookup(name) if p.precision == "city"]) \
        if learn_homes else {}
    out: list[tuple[ParsedDoc, list[Toponym] | GeoparseError, Home | None]] = []
    for parsed, (cands, held), toponyms in first:
        home = outlets.home_of(parsed.doc, homes)
        if home is not None and not isinstance(toponyms, GeoparseError):
            toponyms = _toponyms(parsed, gaz, cands + _home_towns(parsed, gaz, held, home), home)
        if not isinstance(toponyms, GeoparseError) and parsed.clean.repeats:
            toponyms = sorted(toponyms + _in_repeats(parsed, toponyms), key=lambda t: t.start)
        out.append((parsed, toponyms, home))
    return out


def _inside_word(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1].isalnum() or end < len(text) and text[end].isalnum()


def _in_repeats(parsed: ParsedDoc, toponyms: list[Toponym]) -> list[Toponym]:
    """The toponyms of each repeated passage's original, found again in the repeat, in order (a near repeat may
    have lost or changed a word: a name not found there is left out)."""
    text = parsed.clean.text
    out = []
    for r in parsed.clean.repeats:
        pos = r.start
        for t in toponyms:
            if not (r.of_start <= t.start and t.end <= r.of_end):
                continue
            at = text.find(t.text, pos, r.end)
            while at >= 0 and _inside_word(text, at, at + len(t.text)):
                at = text.find(t.text, at + 1, r.end)
            if at < 0:
                continue
            out.append(Toponym(at, at + len(t.text), t.text, t.kind, t.place, t.score))
            pos = at + len(t.text)
    return out


def resolve_spans(parsed: ParsedDoc, spans: list[tuple[int, int]], gazetteer: Gazetteer | None = None,
                  home: Home | None = None) -> list[Toponym | None]:
    """Resolve given character spans (gold toponyms, say) in their document, with the resolver `geoparse` uses.

    The document's own toponyms are recognised too, as context (one sense per discourse, the countries it talks
    about); a span equal to one of them gets that reading. A span the gazetteer does not know gives a Toponym
    without a place; a span covering no token gives None.
    """
    if len(parsed.tokens) > MAX_TOKENS:
        raise GeoparseError(f"document {parsed.doc.doc_id!r} has {len(parsed.tokens)} tokens; "
                            f"the geo stage takes at most {MAX_TOKENS}")
    gaz = gazetteer or load_gazetteer()
    cands, held = _recognise(parsed, gaz)
    cands += _home_towns(parsed, gaz, held, home)
    by_span = {(c.start, c.end): c for c in cands}
    extra: list[_Candidate] = []
    wanted: list[_Candidate | None] = []
    for start, end in spans:
        c = by_span.get((start, end))
        if c is None:
            span = parsed.tokens_in(start, end)
            if not span:
                wanted.append(None)
                continue
            first, last = span.start, span.stop
            text = parsed.clean.text[start:end]
            label = parsed.tokens[first].ent_type
            c = _Candidate(start, end, first, last, text, normalise_name(text), label)
            if not gaz.is_name(text) and not gaz.is_demonym(text):
                c = _inner_name(parsed, gaz, c) or c
            c.cues = _cues(parsed, gaz, c)
            extra.append(c)
        wanted.append(c)
    resolved = _resolve(parsed, gaz, cands + extra, home)
    # Countries the document's own places are in: a place read inside a longer name must be in one of them.
    doc_countries = {p.country for k, (p, _) in resolved.items() if p is not None and p.country
                     and not all(c.inner for c in cands + extra if c.key == k)}
    focus = _focus(cands, resolved)
    named = [p for c in cands if (p := resolved.get(c.key, (None, 0.0))[0]) is not None]
    out: list[Toponym | None] = []
    for c in wanted:
        if c is None:
            out.append(None)
            continue
        if c.inner:
            place, score = resolved.get(c.key, (None, 0.0))
            if place is None and gaz.is_demonym(c.text):
                place, score = gaz.demonym_place(c.text), 0.5  # "European Commission": Europe's
            if place is None or (place.country not in doc_countries and place.precision != "region") \
                    or _far_town(place, focus) \
                    or _lone_town(place, named):
                out.append(_near(focus, c, "literal", parsed.clean.text[c.start:c.end]))
                continue
        if gaz.is_demonym(c.text) and (c.key not in resolved or c.text[:1].isupper() and not any(
                p.precision in ("country", "admin1", "region") and p.lat is not None for p in gaz.lookup(c.text))):
            # "Canadian pension obligations": the people's country, not Canadian, Texas; "German immigrants" are
            # not from the Manx parish of German, which has no point anyway.
            out.append(Toponym(c.start, c.end, c.text, "demonym", gaz.demonym_place(c.text), 1.0))
            continue
        place, score = resolved.get(c.key, (None, 0.0))
        place, score = _mention_override(gaz, c, place, score)
        kind = "embedded" if c.embedded else _kind(parsed, gaz, c, place)
        text = parsed.clean.text[c.start:c.end]
        out.append(_near(focus, c, kind, text) if place is None else
                   Toponym(c.start, c.end, text, kind, place, round(score, 3)))
    return out


# A story centres on the town it names most when at least this share of the places it names lie around it: towns
# within FOCUS_KM (a city with its county or metro area), the town's own state and country.
FOCUS_KM = 100.0
FOCUS_SHARE = 0.8
NEAR_SCORE = 0.05  # an approximate reading: below any reading the gazetteer gives
LONE_TOWN = 100_000


def _focus(cands: list[_Candidate], resolved: dict[str, tuple[Place | None, float]]) -> Place | None:
    """The town a story centres on, if it has one: the one it names most (then the largest), when the other places
    it names lie around it (towns within FOCUS_KM, the town's own state and country). A local paper's story of a
    shooting on Elm Street and a vigil at Lincoln Park is about one town; a wire story naming Kyiv, Kharkiv and
    Odesa, or a Springfield man working in Colorado, has no centre."""
    named = [(c, p) for c in cands if (p := resolved.get(c.key, (None, 0.0))[0]) is not None
             and p.precision != "region" and p.lat is not None and p.lon is not None]
    # A body named after a place stands there: "the Winnipeg Police Service" is Winnipeg's.
    places = [p for _, p in named]
    towns = [p for c, p in named if p.precision in ("city", "admin2") and not c.inner]
    if not towns:
        return None
    counts: dict[int | None, int] = defaultdict(int)
    for p in towns:
        counts[p.geonameid] += 1
    top = max(towns, key=lambda p: (counts[p.geonameid], p.population))
    near = sum(_around(p, top) or (p.precision == "country" and p.country == top.country) for p in places)
    return top if near >= FOCUS_SHARE * len(places) else None


def _around(p: Place, town: Place) -> bool:
    """A town or county within FOCUS_KM of the town, or the town's own state."""
    if p.precision in ("city", "admin2"):
        return (km := _km_apart(p, town)) is not None and km <= FOCUS_KM
    return p.precision == "admin1" and p.admin1_code == town.admin1_code


def _km_apart(a: Place, b: Place) -> float | None:
    """Great-circle km between two places, None when either has no point."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def _far_town(place: Place, focus: Place | None) -> bool:
    return focus is not None and place.precision == "city" and (km := _km_apart(place, focus)) is not None \
        and km > FOCUS_KM


def _lone_town(place: Place, named: list[Place]) -> bool:
    """A town of under LONE_TOWN people that only a longer name points at ("Royal Street", "Brands Hatch"), with
    no other place the story names around it or in its state: the name is someone else's, not the town's."""
    if place.precision != "city" or place.population >= LONE_TOWN:
        return False
    return not any(q.geonameid != place.geonameid and _around(q, place) for q in named)


def _near(focus: Place | None, c: _Candidate, kind: str, text: str | None = None) -> Toponym:
    """A toponym the gazetteer cannot place: near the story's centre when it has one and the text does not put
    the name somewhere else ("Sokilnyky, Luhansk" must be in Luhansk); else found, unplaced."""
    text = c.text if text is None else text
    units = {k[7:] for k in c.cues if k.startswith("within:") and k[7:]}
    if focus is None or kind != "literal" or units and not {focus.admin1_code, focus.country2} & units \
            or text.lower() in NOT_PLACES:
        return Toponym(c.start, c.end, text, kind, None, 0.1 if c.cues.get("inside") else 0.0)
    return Toponym(c.start, c.end, text, kind, focus, NEAR_SCORE, approximate=True)


def _inner_name(parsed: ParsedDoc, gaz: Gazetteer, c: _Candidate) -> _Candidate | None:
    """For a given span the gazetteer does not know ("Colorado State University", "Port of Los Angeles", "the
    Ontarians"), the longest known place name or demonym inside it, kept on the whole span: the place that a
    facility, team or body is named after is the best point the gazetteer has for it. Of names as long, a prominent
    place comes first, then a people, then any other place ("British Embassy Tokyo" stands in Tokyo, "Bank of Japan"
    is Japan's, not the village of Bank; "European Commission" is Europe's)."""
    toks = parsed.tokens
    best, best_rank = None, (0, 0)
    for i in range(c.first, c.last):
        if not toks[i].is_upper_initial:
            continue
        for j in range(min(c.last, i + gaz.max_name_tokens), i, -1):
            text = parsed.clean.text[toks[i].start:toks[j - 1].end]
            if text.lower() in NOT_PLACE_WORDS:
                continue
            # Longest first; of equal length a prominent place, then a people, then any place name.
            kind = 3 if _prominent(gaz, text) else 2 if gaz.is_demonym(text) else 1 if gaz.is_name(text) else 0
            if kind and (j - i, kind) > best_rank:
                best, best_rank = (i, j, text), (j - i, kind)
                break
    if best is None:
        return None
    i, j, text = best
    return _Candidate(c.start, c.end, i, j, text, normalise_name(text), c.ner, inner=True)


def _person_tokens(parsed: ParsedDoc) -> set[str]:
    """Words that are part of a multi-word person name somewhere in the document ("Putin", "Shoigu"). A "name"
    ending in a noun like "Battle" or "Square" is an event or a landmark named after a place, not a person."""
    words: set[str] = set()
    for e in parsed.entities:
        last = e.last - 1 if parsed.tokens[e.last - 1].text in ("'s", "’s") else e.last  # "Greer Station's shops"
        if e.label == "PERSON" and last - e.first >= 2 \
                and parsed.tokens[last - 1].text.lower() not in NAMED_AFTER_PLACES:
            words.update(t.text for t in parsed.tokens[e.first:last])
    return words


def _titled_names(parsed: ParsedDoc) -> set[str]:
    """Names after a title ("coach Ripley", "Mr. Chen"): persons, whatever the tagger says."""
    toks = parsed.tokens
    return {b.text for a, b in zip(toks, toks[1:])
            if a.text.lower().rstrip(".") in TITLES and b.is_upper_initial and b.pos == "PROPN"}


MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
TITLES = {"mr", "mrs", "ms", "dr", "coach", "sheriff", "officer", "sgt", "sergeant", "deputy", "judge", "sen", "senator",
          "rep", "gov", "mayor", "councilman", "councilwoman", "detective", "pastor", "rev", "reverend", "prof",
          "professor", "lt", "capt", "col", "gen", "cpl", "pvt"}


def _recognise(parsed: ParsedDoc, gaz: Gazetteer) -> tuple[list[_Candidate], list[_Candidate]]:
    """The names taken as places, with their cues; and the names held back: known names the context did not
    vouch for, outside every taken name and every person's name, which the outlet's home may vouch for later."""
    toks = parsed.tokens
    ent_at: dict[int, tuple[str, int, int]] = {}
    for e in parsed.entities:
        for i in range(e.first, e.last):
            ent_at[i] = (e.label, e.first, e.last)
    # Names the tagger calls a place somewhere in the article are places everywhere in it.
    place_texts = {e.text for e in parsed.entities if e.label in ("GPE", "LOC")}
    # Words the article also writes in lower case are its common words ("the Centre" of "the centre's plan").
    lower_words = {t.text for t in toks if t.text.isalpha() and t.text.islower()}
    person_words = (_person_tokens(parsed) - place_texts) | _titled_names(parsed)
    cands: list[_Candidate] = []
    rejected: list[_Candidate] = []
    max_n = gaz.max_name_tokens
    text_all = parsed.clean.text
    for sent in parsed.sentences:
        i = sent.first
        while i < sent.last:
            t = toks[i]
            if not t.is_upper_initial or (t.pos in ("PUNCT", "SPACE", "NUM") and not gaz.is_abbreviation(t.text)):
                i += 1  # the tagger calls some abbreviations punctuation ("Newton County, Ga.")
                continue
            match = None
            for n in range(min(max_n, sent.last - i), 0, -1):
                last = i + n
                end_tok = toks[last - 1]
                text = text_all[t.start:end_tok.end]
                if not end_tok.text[:1].isalnum() and not (end_tok.text == "." and n > 1 and (
                        "." in toks[last - 2].text
                        or (end_tok.start == toks[last - 2].end and gaz.is_abbreviation(text)))):
                    continue  # a final "." only for written abbreviations ("W.Va" + ".", "Vt" + ".")
                if gaz.is_name(text) and not any(
                        toks[k].text.islower() and toks[k].pos in CONTENT_POS
                        and toks[k].lemma not in NAME_TYPE_WORDS for k in range(i + 1, last)):
                    match = (last, text)
                    break
            if match is None:
                i += 1
                continue
            last, text = match
            label, efirst, elast = ent_at.get(i, ("", i, last))
            verdict = _keep(parsed, gaz, i, last, text, label, efirst, elast, person_words, place_texts, lower_words)
            cand = _Candidate(t.start, toks[last - 1].end, i, last, text, normalise_name(text), label,
                              embedded=verdict == "embedded", entity=(efirst, elast))
            if verdict:
                cands.append(cand)
                i = last
            else:
                rejected.append(cand)
                i += 1  # a shorter name may start inside a rejected longer one only at the next token
    cands = _councils_of_named_towns(parsed, cands)
    cands.extend(_coordinated(parsed, gaz, cands, rejected, person_words))
    cands = _qualified_unknowns(parsed, gaz, cands, ent_at, person_words)
    cands += _in_mission_area(parsed, gaz, cands, person_words)
    # One sense per discourse for recognition too: a name taken as a place once ("in Kyiv") is a place when it
    # recurs without a cue ("Kyiv called on its partners", tagged PERSON), unless it is part of a person's name;
    # single words only when prominent (a small town's name is too often also a word or a surname).
    accepted = {c.key for c in cands}
    taken = {i for c in cands for i in range(c.first, c.last)}
    for r in rejected:
        if r.key in accepted and r.text not in person_words and not taken & set(range(r.first, r.last)) \
                and (r.last - r.first > 1 or _prominent(gaz, r.text)):
            cands.append(r)
            taken.update(range(r.first, r.last))
    held = [r for r in rejected if r.text not in person_words and not taken & set(range(r.first, r.last))]
    cands.sort(key=lambda c: c.start)
    for c in cands:
        c.cues = _cues(parsed, gaz, c)
    return cands, held


def _home_towns(parsed: ParsedDoc, gaz: Gazetteer, held: list[_Candidate], home: Home | None) -> list[_Candidate]:
    """Held-back names that are towns or counties of the outlet's home state by their own name: a local paper's
    "Canaan will see the highest rise", "a Buford home", "the Huntsville Fire Department" are its towns."""
    if home is None or not home.admin1_code:
        return []
    out: list[_Candidate] = []
    taken: set[int] = set()
    for r in held:
        low = r.text.lower()
        if low in NOT_PLACES | COMMON_WORD_TOWNS or gaz.is_demonym(r.text) or taken & set(range(r.first, r.last)) \
                or not any(not c.via_alias and c.place.precision in ("city", "admin2")
                           and c.place.admin1_code == home.admin1_code for c in gaz.candidates(r.text)):
            continue
        efirst, elast = r.entity
        longer = r.ner in CONTAINER_LABELS and r.ner not in ("GPE", "LOC") and (elast - efirst) > (r.last - r.first)
        if (longer and r.last == elast) or not _stands_alone(parsed, r):
            continue  # "the Chamber of Commerce", "Matthew Arnold School", "Butler Tech"
        town = replace(r, embedded=longer)
        town.cues = _cues(parsed, gaz, town)
        out.append(town)
        taken.update(range(r.first, r.last))
    return out


def _stands_alone(parsed: ParsedDoc, r: _Candidate) -> bool:
    """A name, and no other name runs into it: no capitalised word or possessive before it in its sentence, none
    after it but a word that ties a body to its town ("Huntsville Fire Department"), no street, river or shop noun
    after it, no age after it ("Parker, 8")."""
    toks = parsed.tokens
    sent = parsed.sentences[toks[r.first].sent]
    if toks[r.first].pos not in ("PROPN", "NOUN", "ADJ"):
        return False  # "Over the past fortnight", "The University of Windsor"
    if r.first > sent.first and (toks[r.first - 1].text in ("'s", "’s") or (
            toks[r.first - 1].is_upper_initial and toks[r.first - 1].text[:1].isalpha())):
        return False  # "Omaha's Center for Public Affairs", "Sarah Bush Lincoln Hospital"
    if r.last < len(toks):
        nxt = toks[r.last]
        if nxt.lemma.lower().rstrip(".") in STREET_WORDS | PHYSICAL_FEATURES | BUSINESS_NOUNS:
            return False
        if nxt.is_upper_initial and nxt.text[:1].isalpha() and nxt.text.lower() not in LOCAL_BODY_WORDS:
            return False
        if nxt.text == "," and r.last + 1 < len(toks) and toks[r.last + 1].text.isdigit():
            return False
    return True


# Words after "<Town> City" that make "City" part of a civic body's name: "Dublin City Council".
CIVIC_WORDS = {"council", "hall", "manager", "commission", "commissioner", "commissioners", "schools", "school",
               "attorney", "clerk", "administrator", "engineer", "planner", "auditor", "treasurer", "limits"}


def _councils_of_named_towns(parsed: ParsedDoc, cands: list[_Candidate]) -> list[_Candidate]:
    """In a story that names Dublin, "Dublin City Council" is the council of that Dublin: "Dublin City" (an
    alias of Ireland's capital) is read as "Dublin", with the story's other mentions. A town whose own name ends
    in "City" ("Kansas City Council") is not named bare, and keeps its name."""
    toks = parsed.tokens
    keys = {c.key for c in cands}
    out = []
    for c in cands:
        if c.last - c.first > 1 and toks[c.last - 1].text == "City" and c.last < len(toks) \
                and toks[c.last].text.lower() in CIVIC_WORDS:
            head = parsed.clean.text[c.start:toks[c.last - 2].end]
            if normalise_name(head) in keys:
                c = _Candidate(c.start, toks[c.last - 2].end, c.first, c.last - 1, head, normalise_name(head), c.ner,
                               embedded=c.embedded)
        out.append(c)
    return out


def _qualified_unknowns(parsed: ParsedDoc, gaz: Gazetteer, cands: list[_Candidate], ent_at: dict,
                        person_words: set[str]) -> list[_Candidate]:
    """`cands` plus the names the gazetteer lacks but the text places: "shelled Shedrysheve, Luhansk", "near Bila
    Kamianka, Donetsk" (where only "Bila", a town elsewhere, is known). A capitalised name used as a place (after a
    locative preposition, or a verb's object) followed by a comma and a known province or country."""
    toks = parsed.tokens
    owner = {i: c for c in cands for i in range(c.first, c.last)}
    dropped: set[int] = set()
    out = []
    for y in cands:
        if not _qualifies_previous(parsed, gaz, y.first, y.last, y.text):
            continue
        areas = {p.admin1_code if p.precision == "admin1" else p.country2 for p in gaz.lookup(y.text)
                 if p.precision in ("admin1", "country")}
        comma = y.first - 1
        sent_first = parsed.sentences[toks[y.first].sent].first
        # "recaptured Zalyman village, Kharkiv": the name ends before its settlement word
        end = comma - 1 if comma - 1 > sent_first and toks[comma - 1].text.lower() in CITY_WORDS else comma
        first, absorbed = end, []
        while first - 1 >= sent_first and end - first < 3 and toks[first - 1].is_upper_initial \
                and toks[first - 1].pos == "PROPN":
            c = owner.get(first - 1)
            if c is not None:
                if c.last != first or any(p.admin1_code in areas or p.country2 in areas for p in gaz.lookup(c.text)):
                    break
                absorbed.append(c)
                first = c.first
                continue
            first -= 1
        if first == end or (len(absorbed) == 1 and absorbed[0].first == first):
            continue  # nothing unknown before the comma, or a known name that gets its own reading
        text = parsed.clean.text[toks[first].start:toks[end - 1].end]
        head = toks[end - 1]
        placed = _prev_word(parsed, first) in LOCATIVE_PREPS or toks[comma - 1].dep in ("dobj", "pobj") \
            or (first > sent_first and toks[first - 1].pos == "VERB")
        if not placed or any(ch.isdigit() for ch in text) or text in person_words \
                or normalise_name(text) in NOT_PLACES or gaz.is_demonym(text):
            continue
        dropped.update(id(c) for c in absorbed)
        label = ent_at.get(first, ("",))[0]
        out.append(_Candidate(toks[first].start, head.end, first, end, text, normalise_name(text), label))
        for i in range(first, end):
            owner[i] = out[-1]
    return [c for c in cands if id(c) not in dropped] + out


# Words after a place name that make it a place in local news: "a Winona man", "Roselle police", "Greer City Hall".
PLACE_FOLLOWERS = {
    "man", "woman", "men", "women", "boy", "girl", "teen", "teenager", "resident", "residents", "native", "natives",
    "couple", "family", "families", "police", "officers", "firefighters", "officials", "area", "mayor", "council",
    "schools", "school", "city", "town", "village", "township", "county", "county's", "-based", "based", "sheriff",
    "authorities", "voters", "businesses", "neighborhood", "neighbourhood", "suburb", "streets", "downtown",
    "hospital", "airport", "port", "harbour", "harbor", "station", "fire", "municipal", "municipality",
    "republican", "democrat", "pd",  # "a Kettering Republican", "Slidell PD"
}
# People and bodies only a town has or names by the town itself (a country's go by its demonym).
TOWNSFOLK = {"man", "woman", "men", "women", "boy", "girl", "teen", "teenager", "resident", "residents", "couple",
             "family", "families", "mayor", "township", "elementary", "sheriff", "alderman", "aldermen", "selectmen",
             "republican", "democrat"}
# Words of an organisation name that tie it to the place it is named after: "Ohio Board of Regents".
INSTITUTION_WORDS = PLACE_FOLLOWERS | {
    "department", "board", "commission", "commissioners", "court", "university", "college", "community",
    "chamber", "times", "post", "news", "herald", "tribune", "journal", "gazette", "library", "museum", "zoo",
    "state", "national", "public", "regional", "central", "general", "memorial", "high", "elementary", "middle",
    "clerk", "auditor", "assessor", "treasurer", "prosecutor", "jail", "detention", "correctional", "health",
    "medical", "fair", "fairgrounds", "historical", "cancer", "arts", "symphony", "chapter", "district", "office",
    "parks", "county", "parish", "city", "government", "ministry", "army", "navy", "air", "senate", "house",
    "assembly", "legislature", "supreme", "federal", "embassy", "consulate", "electric", "water", "transit",
    "international", "airport", "institute", "association", "society", "foundation", "club", "council",
}
# And of a local body: "Litchfield Superior Court", "the Byesville Volunteer Fire Department".
LOCAL_BODY_WORDS = INSTITUTION_WORDS | {"superior", "volunteer", "education", "senior", "citizens", "development",
                                        "area", "township", "borough", "village"}
CONTAINER_LABELS = ("ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "PERSON", "GPE", "LOC", "NORP")
DATELINE_AFTER = {"-", "--", "—", "–", ":", "(", ","}
# Capitalised words that are also (small) towns: taken only with strong evidence of a place.
COMMON_WORD_TOWNS = {"reading", "mobile", "nice", "split", "of", "victory", "liberty", "independence", "freedom",
                     "peace", "hope", "unity", "justice", "mission", "union", "progress", "commerce", "enterprise",
                     "friendship", "harmony", "paradise", "opportunity", "energy", "normal", "superior", "royal",
                     "eagle", "buffalo", "bath", "deal", "sale", "battle", "march", "may", "orange", "marion",
                     "alliance", "earth"}


ERA_WORDS = {"BC", "AD", "BCE", "CE"}


def _party_home(toks, first: int) -> bool:
    """"Rep. Ann Lee, D-Pleasanton," or "(R-Elbow Lake)": a US legislator's party letter and home town."""
    if first < 3 or toks[first - 1].text not in ("-", "–") or toks[first - 2].text not in ("D", "R", "I"):
        return False
    party, dash, town = toks[first - 2], toks[first - 1], toks[first]
    return party.end == dash.start and dash.end == town.start and toks[first - 3].text in (",", "(")


def _acronym(gaz: Gazetteer, text: str) -> bool:
    """"NATO", "UN", "TASS": capitals that only small towns' names match. A small town is not written in capitals
    outside a dateline (checked before); an acronym is ("US" and "EU", a country and a region, and cities big
    enough to open a story, "LONDON The latest ...", stay places)."""
    return len(text) > 1 and text.isalpha() and text.isupper() and all(
        p.precision == "city" and p.population < 100_000 for p in gaz.lookup(text))


def _prominent(gaz: Gazetteer, text: str) -> bool:
    """A country, a province, or a city of 100,000 people: a name that keeps being a place once it is one."""
    return any(p.precision in ("country", "admin1") or p.population >= 100_000 for p in gaz.lookup(text))


def _keep(parsed, gaz, first, last, text, label, efirst, elast, person_words, place_texts,
          lower_words) -> str | None:
    """"literal" or "embedded" when the n-gram at first..last is a place mention here, else None."""
    toks = parsed.tokens
    n = last - first
    low = text.lower()
    if n == 1 and low in NOT_PLACES and low not in COMMON_WORD_TOWNS:
        return None
    if gaz.demonym(text) and n == 1:
        return None  # demonyms are handled separately
    if n == 1 and low.rstrip(".") in MONTH_ABBREVIATIONS and last < len(toks) and toks[last].text[:1].isdigit():
        return None  # "Nov. 2, 2016": a date, not Nov in Tajikistan
    if last < len(toks) and toks[last].lemma.lower() in PHYSICAL_FEATURES:
        return None  # "the Dnipro river": the gazetteer holds settlements and units, not rivers
    if last < len(toks) and toks[last].is_upper_initial and toks[last].text.lower().rstrip(".") in STREET_WORDS \
            and not (last + 1 < len(toks) and toks[last + 1].text[:1].isdigit()):
        # "2517 Memphis St.", "Kyiv Avenue": a street named after a place, not the place ("Otter Tail County Road
        # 80" is the county's road, in the county)
        return None
    if n == 1 and low in NAME_MODIFIERS and last < len(toks) and toks[last].is_upper_initial \
            and gaz.is_name(toks[last].text):
        return None  # "Metro Manila": the place is the name after the modifier, not Metro in Lampung
    if text in ERA_WORDS and first > 0 and (toks[first - 1].pos == "NUM" or toks[first - 1].text.isdigit()):
        return None  # "300 BC" is a year, not British Columbia
    if _dateline(parsed, first, last, text) or _party_home(toks, first):
        return "literal"  # "BEIRUT: ...", "CHARLESTON, W.Va. -- ...", "Rep. Ann Lee, D-Pleasanton,"
    if n == 1 and _acronym(gaz, text) and not _within_after(parsed, gaz, last):
        return None
    if _qualifies_previous(parsed, gaz, first, last, text):
        return "literal"  # "shelled Shedrysheve, Luhansk" (tagged PERSON, or "Brovary, Kyiv" tagged ORG)
    prev = _prev_word(parsed, first)
    strong_prep = prev in LOCATIVE_PREPS - {"to", "on", "over", "with", "between", "at", "of"}
    admin_after = _admin_word_after(parsed, last)
    cue = prev in LOCATIVE_PREPS or admin_after or _city_word_before(parsed, first)
    units = _units_after(parsed, gaz, last)
    within = bool(units)
    if low in COMMON_WORD_TOWNS or (n == 1 and (low in NOT_PLACE_WORDS
                                                or (low in lower_words and text[1:].islower()))):
        # "Mobile, Alabama", "in Nice": a common word is a town only with place evidence around it ("the
        # Mississippi River" is not River, New Brunswick).
        return "literal" if within or (label in ("GPE", "LOC") and strong_prep) or (
            low in GENERIC_PLACE_WORDS and _place_follower(toks, last)) else None  # "a Delta police officer"
    if first > efirst and last == elast and label not in ("GPE", "LOC") and all(
            toks[j].text.lower() in NAME_MODIFIERS | {"the"} for j in range(efirst, first)):
        known = max(gaz.lookup(text), key=_prior, default=None)
        if known is not None and (known.precision != "city" or known.population >= 50_000):
            return "literal"  # "Metro Detroit" tagged as an organisation is Detroit
    # A place inside a longer place name ("Historic Dublin", "South Los Angeles") is still that place.
    longer = (elast - efirst) > n and label in CONTAINER_LABELS and label not in ("GPE", "LOC")
    if longer and any(toks[j].text == "," for j in range(efirst, elast)) and \
            (_qualifies_previous(parsed, gaz, first, last, text) or _within_after(parsed, gaz, last)):
        longer = False  # "Brovary, Kyiv" tagged as one organisation is a place and its province
    if longer and label in ("ORG", "FAC") and last == elast and first - 1 > efirst \
            and toks[first - 1].text.lower() == "in" and toks[first].pos == "PROPN":
        return "literal"  # "the First Lutheran Church in Pierce": the tagger ran on into where it stands
    if longer:
        if label in ("ORG",) and admin_after:
            return "literal"  # "Luhansk Oblast Administration" names the oblast
        if first == efirst and last + 1 < elast and toks[last].text in ("-", "–") \
                and toks[last].start > toks[last - 1].end and toks[last + 1].is_upper_initial:
            return "literal"  # "Donetsk - Petrovskyi": a city and its district, as conflict monitors write them
        return "embedded" if _keep_embedded(parsed, gaz, first, last, text, label, efirst, elast, person_words) else None
    if label in ("GPE", "LOC") and first == efirst and _head_of_unknown_name(parsed, gaz, last, elast):
        return None  # "Mala Shestirnya", "Shakhta Trudovskaya": a place the gazetteer lacks, not Mala in Peru
    if _names_business(parsed, first, last) or _names_landmark(parsed, last):
        return None  # "the Metro supermarket in Kharkiv", "St. Peter's Square"
    readings = gaz.candidates(text)
    own = [c.place for c in readings if not c.via_alias]
    best = max(own or [c.place for c in readings], key=_prior, default=None)
    if best is None:
        return None
    typed = n > 1 and text.split()[-1].lower() in ADMIN_WORDS  # "Donetsk province": a unit with its type word
    if typed and best.precision in ("admin1", "admin2"):
        return "literal"  # "Kherson region" tagged as a person: nobody is named after a province and its type
    placed = _city_word_before(parsed, first) or _object_of_place_verb(parsed, last) \
        or _where_someone_is_from_or_goes(parsed, first, last) or (
        last < len(toks) and toks[last].text.lower() in ("city", "town", "village")
        and any(r.place.precision == "city" for r in readings if not r.via_alias))  # "recaptured Kherson city"
    typed = typed or placed  # "the border town of Ras al-Ain", "shelled Avdiivka": named as a settlement
    if not own and not typed and label not in ("GPE", "LOC", "FAC") and not within \
            and not ((strong_prep or admin_after) and best.population >= 5_000):
        return None  # only an alternate spelling of somewhere ("Salah", "Kristina"): the tagger must agree
    if n == 1 and first > 0 and toks[first - 1].is_upper_initial and gaz.is_demonym(toks[first - 1].text) \
            and best.precision in ("city", "admin2", "admin1") and best.population < BIG_CITY:
        return None  # "the French Quarter", "Russian Hill": a quarter named after a people, not Quarter, Anguilla
    if n == 1 and label not in ("GPE", "LOC") and _part_of_other_name(parsed, gaz, first, last, best):
        return None  # "Reese Road", "Chief Investment Officer", "Vice Chairman"
    if n == 1 and text in person_words and not (best.precision == "country" and label in ("GPE", "LOC")):
        return None
    significant = best.precision in ("country", "admin1", "region") or best.population >= 50_000
    follower = _place_follower(toks, last)
    if label in ("GPE", "LOC", "FAC") or text in place_texts:
        return "literal"
    if label == "PERSON" and cue and n > 1 or placed:
        return "literal"  # "the bastion town of Avdiivka", "shelled Avdiivka": called persons or organisations
    if label == "NORP":
        if (admin_after or typed) and best.precision in ("admin1", "admin2", "region"):
            return "literal"  # "at the Odesa region", "Odesa" tagged as a people
        return "literal" if (within or strong_prep) and best.population >= 1_000 and not gaz.is_demonym(text) else None
    if within and (best.population >= 1_000 or best.precision != "city" or _listed_inside(gaz, text, units)):
        return "literal"  # "Greer, South Carolina", "Ravenel, S.C.", "Myla, Kyiv"
    if label in ("PERSON", "ORG"):
        # "liberating Luhansk" (tagged PERSON) has its preposition; "Paul issued an appeal" has none.
        if n == 1 and cue and significant:
            return "literal"
        head = toks[last - 1]
        if significant and head.dep == "dobj" and toks[head.head].lemma.lower() in PLACE_VERBS:
            return "literal"  # "Shells hit Kramatorsk", the city tagged as a person
        if label == "ORG" and best.precision in ("country", "admin1", "region") and (n > 1 or text.isupper()):
            return "literal"  # "United States", "EU", "DPRK" tagged as organisations
        if label == "PERSON" and n > 1 and own and best.precision == "country":
            return "literal"  # "Sri Lanka", "Costa Rica" tagged as a person: nobody is called by a country's name
        if label == "ORG" and (follower or strong_prep) and best.population >= 1_000:
            return "literal"  # "a Winona man", "a forest fire in Glastonbury"
        if label == "PERSON" and strong_prep and (best.population >= 5_000 or (
                n == 1 and best.population >= 1_000 and toks[first].pos == "PROPN")):
            return "literal"  # "explosions near Novoluhanske": nobody in the story bears the name in full
        if prev == "near" and own and toks[last - 1].dep == "pobj" and toks[last - 1].pos == "PROPN":
            return "literal"  # "shots near Lebedynske": "near" locates; nobody writes it of a firm or a person
        return None
    if toks[first].pos != "PROPN":
        return "literal" if (cue or follower) and (significant or best.population >= 5_000) else None
    if first == parsed.sentences[toks[first].sent].first and not cue:
        return "literal" if significant or (follower and best.population >= 1_000) else None
    return "literal" if cue or significant or follower or best.population >= 5_000 else None


def _place_follower(toks, last: int) -> bool:
    """A word after the name that makes it a place in local news: "a Winona man", "Sligo-based", "Butte's airport"."""
    if last >= len(toks):
        return False
    nxt = toks[last]
    if nxt.text.lower() in PLACE_FOLLOWERS and nxt.pos != "VERB":
        return True
    if nxt.text in ("-", "–") and last + 1 < len(toks) and toks[last + 1].start == nxt.end:
        return toks[last + 1].text.lower() in ("based", "born")  # "Sligo-based", split by the tokenizer
    if nxt.text in ("'s", "’s"):  # "Joliet's fire chief", "Derry's main hospital"
        return any(t.text.lower() in PLACE_FOLLOWERS for t in toks[last + 1:last + 5])
    return False


def _head_of_unknown_name(parsed: ParsedDoc, gaz: Gazetteer, last: int, elast: int) -> bool:
    """The tagger's place name goes on past the gazetteer's match with more name words: "Mala Shestirnya" is a
    village of its own, "Nova Marivka" is not Nova in Mozambique. Type words ("Kherson Oblast", "Gaza City") and
    modifiers after a name ("Kyiv Metro") do not count; the full name, if known, matched before this."""
    toks = parsed.tokens
    words = [t for t in toks[last:elast] if t.text not in ("-", "–")]
    if not words or toks[last].text == "," or (toks[last].text in ("-", "–") and toks[last].start > toks[last - 1].end):
        return False
    return all(t.is_upper_initial and t.pos == "PROPN" and t.text.isalpha()
               and t.text.lower() not in ADMIN_WORDS | CITY_WORDS | INSTITUTION_WORDS | PHYSICAL_FEATURES | NOT_PLACES
               and not gaz.is_name(t.text) for t in words)


def _names_business(parsed: ParsedDoc, first: int, last: int) -> bool:
    """"the Metro supermarket", "a Kyiv hotel": a name between an article and a shop noun is a brand or a sign."""
    toks = parsed.tokens
    return first > 0 and last < len(toks) and toks[first - 1].text.lower() in ("the", "a", "an") \
        and toks[last].lemma.lower() in BUSINESS_NOUNS


def _names_landmark(parsed: ParsedDoc, last: int) -> bool:
    """"St. Peter's Square", "St. Paul's Cathedral": a saint's or founder's name owning a landmark noun names the
    landmark ("Moscow's Red Square" is owned by a place: the word after "'s" is not the landmark noun)."""
    toks = parsed.tokens
    return last + 1 < len(toks) and toks[last].text in ("'s", "’s") and toks[last + 1].is_upper_initial \
        and toks[last + 1].text.lower() in LANDMARK_NOUNS


def _qualifies_previous(parsed: ParsedDoc, gaz: Gazetteer, first: int, last: int, text: str) -> bool:
    """A province or country right after "<Name>," or "<Name> village," that says where that name is:
    "Sokilnyky, Luhansk", "Zalyman village, Kharkiv". Not a possessive or a title ("Putin, Russia's leader", "Smith,
    Texas Governor")."""
    toks = parsed.tokens
    if first < 2 or toks[first - 1].text != "," or not _ends_place_name(toks, first - 2):
        return False
    after = toks[last] if last < len(toks) else None
    # A capital after the unit makes a title ("Texas Governor"), except after a written abbreviation, which ends
    # its sentence as often as not ("near Chowchilla, Calif. Warden Ames said").
    dotted = text.endswith(".") and gaz.is_abbreviation(text)
    if after is not None and (after.text in ("'s", "’s") or (after.is_upper_initial and after.pos != "PUNCT"
                                                             and not dotted)):
        return False
    if _before_last_of_list(toks, last):
        return False
    return any(p.precision in ("admin1", "country") for p in gaz.lookup(text))


def _before_last_of_list(toks, last: int) -> bool:
    """"and" or "or" and a name after a name: "in Kyiv, Kharkiv and Odesa" lists three cities, Kharkiv is not
    the province around Kyiv."""
    return last + 1 < len(toks) and toks[last].text.lower() in ("and", "or") and toks[last + 1].is_upper_initial


# Words before a place name that do not make it part of another name: "North Texas", "Greater Manchester".
NAME_MODIFIERS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                  "greater", "downtown", "upstate", "downstate", "metro", "metropolitan", "suburban", "rural",
                  "northeast", "northwest", "southeast", "southwest", "mid", "inner", "outer", "coastal", "historic"}


def _part_of_other_name(parsed: ParsedDoc, gaz: Gazetteer, first: int, last: int, best: Place) -> bool:
    """A lone capitalised word glued to other capitalised words that are not places is a piece of another name:
    "Reese Road", "Investment Officer" (after one), "Vice Chairman" (before one)."""
    toks = parsed.tokens
    sent_first = parsed.sentences[toks[first].sent].first

    def name_word(j: int) -> bool:
        t = toks[j]
        return (t.is_upper_initial and t.pos in ("PROPN", "NOUN", "ADJ") and t.text.isalpha()
                and not gaz.is_name(t.text) and not gaz.is_demonym(t.text))

    j = first - 1
    if j > sent_first and toks[j].end == toks[first].start - 1 and name_word(j) \
            and toks[j].text.lower() not in NAME_MODIFIERS and toks[j].text.lower() not in NOT_PLACES:
        return True
    k = last
    significant = best.precision != "city" or best.population >= 50_000
    if not significant and k < len(toks) and toks[k].start == toks[last - 1].end + 1 and name_word(k) \
            and toks[k].text.lower() not in INSTITUTION_WORDS:
        return True
    return False


def _dateline(parsed: ParsedDoc, first: int, last: int, text: str) -> bool:
    """An all-capitals place name opening a story and followed by a dash, colon or ", State": a dateline."""
    toks = parsed.tokens
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 4 or not all(ch.isupper() for ch in letters) or last >= len(toks):
        return False
    nxt = toks[last].text
    if nxt not in DATELINE_AFTER and not nxt.startswith("--"):
        return False
    j = first - 1
    while j >= 0 and toks[j].pos == "SPACE":
        j -= 1
    opening = j < 0 or toks[j].text in (".", "!", "?", "/", "|", '"', "”", ":") or toks[j].pos == "NUM" \
        or toks[j].sent != toks[first].sent or "\n" in parsed.clean.text[toks[j].end:toks[first].start]
    return opening


def _embedded_position(parsed: ParsedDoc, first: int, efirst: int) -> bool:
    toks = parsed.tokens
    j = efirst
    while j < first and toks[j].text.lower() in ("the", "a", "an"):
        j += 1
    return j == first or toks[first - 1].text.lower() in ("of", "for", "in", "-", "at") \
        or (toks[first - 1].text.endswith("-") and first - 1 >= efirst)


def _keep_embedded(parsed, gaz, first, last, text, label, efirst, elast, person_words) -> bool:
    """A place named inside an organisation, event or title: "the Paris Police Department", "University of
    Georgia", "Laurel County Clerk Dean Johnson". Kept (as kind "embedded") when it opens the name or follows
    "of", and either is a well-known place or the words after it make an institution of a place."""
    toks = parsed.tokens
    if toks[first].pos not in ("PROPN", "NOUN", "ADJ") and not toks[first].text.isupper():
        return False
    if text in person_words and last - first == 1:
        return False
    if not _embedded_position(parsed, first, efirst):
        # "D-Charleston" (a legislator's home town) is written with a hyphen before it
        if not (first >= 1 and toks[first - 1].text in ("-",) and first - 2 >= 0 and toks[first - 2].text in ("D", "R", "I")):
            return False
    best = max((p for p in gaz.lookup(text)), key=_prior, default=None)
    if best is None:
        return False
    nxt = toks[last].text.lower() if last < len(toks) else ""
    institution = nxt in INSTITUTION_WORDS or _admin_word_after(parsed, last) or any(
        w in ADMIN_WORDS for w in text.lower().split()[1:])
    if label == "PERSON":
        return institution and (best.population >= 1_000 or best.precision != "city")
    significant = best.precision in ("country", "admin1", "region") or best.population >= 100_000
    return significant or (institution and (best.population >= 1_000 or best.precision != "city"))


def _within_after(parsed: ParsedDoc, gaz: Gazetteer, last: int) -> bool:
    """", <country/state>" right after: "Greer, South Carolina", "Gainesville, Ga."."""
    return bool(_units_after(parsed, gaz, last))


def _units_after(parsed: ParsedDoc, gaz: Gazetteer, last: int) -> list[Place]:
    """The countries and admin1 units the name after a comma right after token `last` may be."""
    toks = parsed.tokens
    if last + 1 >= len(toks) or toks[last].text != "," or not toks[last + 1].is_upper_initial:
        return []
    start = toks[last + 1].start
    for n in range(min(4, len(toks) - last - 1), 0, -1):
        end_tok = toks[last + n]
        units = [p for p in gaz.lookup(parsed.clean.text[start:end_tok.end]) if p.precision in ("country", "admin1")]
        if units:
            return units
    return []


def _listed_inside(gaz: Gazetteer, text: str, units: list[Place]) -> bool:
    """The gazetteer holds a settlement of this name inside one of `units`: "Myla, Kyiv" is the village Myla of
    Kyiv Oblast however small it is, where "Paul, Texas" finds no Paul in Texas."""
    return any(p.precision == "city" and any(gaz.contains(u, p) for u in units) for p in gaz.lookup(text))


def _coordinated(parsed: ParsedDoc, gaz: Gazetteer, cands: list[_Candidate], rejected: list[_Candidate],
                 person_words: set[str]) -> list[_Candidate]:
    """Names listed with accepted places ("Hilversum and Almelo", "Douglas, Lancaster and Sarpy counties") are
    places too, when nothing else claims them."""
    if not rejected or not cands:
        return []
    toks = parsed.tokens
    taken = {i for c in cands for i in range(c.first, c.last)}
    by_first = {c.first: c for c in cands}
    by_last = {c.last: c for c in cands}
    out: list[_Candidate] = []
    for r in rejected:
        if any(i in taken for i in range(r.first, r.last)) or r.embedded:
            continue
        if r.ner in ("PERSON",) and r.text in person_words or r.text.lower() in NOT_PLACES:
            continue
        if r.ner not in ("", "GPE", "LOC", "ORG", "PERSON", "NORP") or gaz.is_demonym(r.text) or _acronym(gaz, r.text):
            continue  # ("the US and NATO": listed beside a place, NATO is still no town)
        best = max(gaz.lookup(r.text), key=_prior, default=None)
        if best is None or (best.precision == "city" and best.population < 1_000):
            continue
        conj = (",", "and", "or", "&")
        left, right = r.first - 1, r.last
        # ", and" / "and": an accepted place ends right before the conjunction or starts right after it
        linked = left >= 0 and toks[left].text.lower() in conj and left in by_last
        if not linked and right + 1 < len(toks) and toks[right].text.lower() in conj:
            linked = right + 1 in by_first
        if not linked:
            linked = _listed_before_plural(parsed, right)  # "Douglas, Lancaster and Sarpy counties"
        if linked:
            out.append(r)
            taken.update(range(r.first, r.last))
    return out


PLURAL_UNITS = {"counties": "County", "provinces": "Province", "states": "State", "regions": "Region",
                "oblasts": "Oblast", "governorates": "Governorate", "districts": "District", "parishes": "Parish"}


def _listed_before_plural(parsed: ParsedDoc, k: int) -> str | None:
    """The plural unit word ("counties") when only capitalised names and list punctuation lie between token k and
    it ("Douglas, Lancaster and Sarpy counties"), else None."""
    toks = parsed.tokens
    for m in range(k, min(k + 10, len(toks))):
        low = toks[m].text.lower()
        if low in PLURAL_UNITS:
            return low
        if not (toks[m].is_upper_initial or low in (",", "and", "or", "&")):
            return None
    return None


def _prev_word(parsed: ParsedDoc, i: int) -> str:
    j = i - 1
    while j >= 0 and parsed.tokens[j].pos in ("DET", "ADJ", "SPACE"):
        j -= 1
    return parsed.tokens[j].text.lower() if j >= 0 else ""


def _admin_word_after(parsed: ParsedDoc, last: int) -> bool:
    return last < len(parsed.tokens) and parsed.tokens[last].text.lower() in ADMIN_WORDS


def _object_of_place_verb(parsed: ParsedDoc, last: int) -> bool:
    """The name is the object of a verb that only places take ("shelled X", "recaptured X"), or of one of taking
    ground done by armed men ("Russian forces captured X": forces capture towns; police capture people)."""
    toks = parsed.tokens
    head = toks[last - 1]
    if head.dep != "dobj":
        return False
    verb = toks[head.head].lemma.lower()
    if verb in ONLY_PLACE_VERBS:
        return True
    subj = next((c for c in parsed.children[head.head] if toks[c].dep == "nsubj"), None)
    return verb in TAKING_VERBS and subj is not None and toks[subj].lemma.lower() in ARMED_MEN


def _where_someone_is_from_or_goes(parsed: ParsedDoc, first: int, last: int) -> bool:
    """"Carla Dunne of Ravenel", "Tom Reyes, 41, of Pierce": a person's name (and age), "of" and a name is the
    person's town. "driving to Castlegar", "moved to Pierce": the object of "to" after a verb of going is where one
    goes."""
    toks = parsed.tokens
    if first < 2 or toks[last - 1].dep != "pobj":
        return False
    prep = toks[first - 1]
    if prep.text.lower() == "of":
        # "Carla Dunne of Ravenel", "Carla Dunne, 34, of Ravenel": the person's name ends before "of" or the age
        end = first - 4 if first >= 5 and toks[first - 2].text == "," and toks[first - 3].text.isdigit() \
            and toks[first - 4].text == "," else first - 1
        return any(e.label == "PERSON" and e.last == end for e in parsed.entities)
    return prep.text.lower() == "to" and toks[last - 1].head == first - 1 \
        and toks[prep.head].lemma.lower() in GOING_VERBS


# Nouns whose "of X" is a place: "the town of X", "the X region", "his hometown of X", "the outskirts of X".
PLACE_OF_NOUNS = CITY_WORDS | ADMIN_WORDS | {"hometown", "birthplace", "outskirts", "suburbs", "streets", "beaches",
                                             "residents", "mayor", "native"}


def _city_word_before(parsed: ParsedDoc, first: int) -> bool:
    toks = parsed.tokens
    return first >= 2 and toks[first - 1].text.lower() == "of" and toks[first - 2].text.lower() in PLACE_OF_NOUNS


def _missions(parsed: ParsedDoc, gaz: Gazetteer) -> tuple[set[str], set[str]]:
    """The countries of the missions the document names ("the OSCE SMM observed ..."), and the admin1 codes of
    their areas of operation."""
    named = {t.text for t in parsed.tokens if t.text in MISSION_COUNTRIES}
    areas = {p.admin1_code for m in named for name in MISSION_AREAS.get(m, ()) for p in gaz.lookup(name)
             if p.precision == "admin1" and p.country == MISSION_COUNTRIES[m] and p.admin1_code}
    return {MISSION_COUNTRIES[m] for m in named}, areas


def _in_mission_area(parsed: ParsedDoc, gaz: Gazetteer, cands: list[_Candidate],
                     person_words: set[str]) -> list[_Candidate]:
    """Names the gazetteer lacks in a mission's report, read inside the mission's area ("the SMM observed 22 shots
    near Verkhnyotoretske" is Verkhnotoretske of Donetsk Oblast in another romanisation): a capitalised name after
    a locative preposition (the tagger calls these anything from a person to a product), kept only when the area
    holds a settlement with that spelling's consonant skeleton."""
    _, areas = _missions(parsed, gaz)
    if not areas:
        return []
    toks = parsed.tokens
    taken = {i for c in cands for i in range(c.first, c.last)}
    out = []
    for i in range(1, len(toks)):
        if i in taken or toks[i - 1].text.lower() not in LOCATIVE_PREPS:
            continue
        last = i
        while last < len(toks) and last - i < 3 and last not in taken and toks[last].is_upper_initial \
                and toks[last].pos == "PROPN":
            last += 1
        text = parsed.clean.text[toks[i].start:toks[last - 1].end] if last > i else ""
        if text and text not in person_words and gaz.similar(text, areas):
            out.append(_Candidate(toks[i].start, toks[last - 1].end, i, last, text, normalise_name(text),
                                  next((e.label for e in parsed.entities if e.first <= i < e.last), ""),
                                  areas=tuple(sorted(areas))))
            taken.update(range(i, last))
    return out


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
    elif after in TOWNSFOLK and any(p.precision == "country" for p in gaz.lookup(c.text)):
        # "a Jordan resident", "a Lebanon woman", "Jordan Elementary": a country's people have a demonym ("a
        # Jordanian resident"), so a country's bare name before them is a town of that name.
        cues["city"] = 1.0
    # "the eastern Ukrainian region of Luhansk": a demonym in the same phrase names the country.
    lo = max(parsed.sentences[toks[c.first].sent].first, c.first - 6)
    for j in range(lo, c.first):
        iso = gaz.demonym(toks[j].text) if toks[j].is_upper_initial else None
        if iso:
            cues["country:" + iso] = cues.get("country:" + iso, 0) + 1.0
    # "Springfield, Illinois" ("Lukashivka village, Chernihiv"): a following ", <place>" that contains this one.
    k = c.last + 1 if after in ("city", "town", "village", "settlement") else c.last
    if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].is_upper_initial:
        nxt = toks[k + 1]
        for n in range(min(gaz.max_name_tokens, 4), 0, -1):
            end = k + 1 + n
            if end > len(toks) or not (toks[end - 1].text[:1].isalnum() or (toks[end - 1].text == "." and n > 1)):
                continue
            named = gaz.lookup(parsed.clean.text[nxt.start:toks[end - 1].end])
            if not named:
                continue
            outer = [p for p in named if p.precision in ("country", "admin1", "admin2")]
            if end < len(toks) and toks[end].text in ("'s", "’s", "'", "’"):
                break  # "Melitopol, Russia's Interfax agency said": a new phrase, not where Melitopol is
            if outer:
                after = toks[end] if end < len(toks) else None
                nxt2 = toks[end + 1] if end + 1 < len(toks) else None
                listed = after is not None and (after.text.lower() in ("and", "or") or after.pos in ("VERB", "AUX")
                                                or (after.text == "," and nxt2 is not None
                                                    and (nxt2.is_upper_initial or nxt2.text.lower() in ("and", "or"))))
                if listed and after.pos not in ("VERB", "AUX") and any(
                        p.precision == "city" and p.population >= BIG_CITY for p in named) and not any(
                        o.place.admin1_code in {p.admin1_code for p in outer}
                        for o in gaz.candidates(c.text) if not o.via_alias):
                    # "stops in Washington, New York and Boston": cities in a list, not one inside the next (no
                    # town of New York state is called Washington; "Albany, New York and Hartford" stays inside)
                    break
                for p in outer:
                    cues["within:" + (p.admin1_code or p.country2 or "")] = 1.0
                if not listed and any(p.precision in ("country", "admin1") for p in outer):
                    # "Sokilnyky, Luhansk." says where it is; "Syria, Iraq, and..." is a list, "Boston, Wagner
                    # said" a person.
                    cues["inside"] = 1.0
            break  # the longest name after the comma decides ("Panama City", not "Panama")
    # "Camden and Charlton counties": each name is a county, written without the word.
    plural = _listed_before_plural(parsed, c.last)
    if plural:
        cues["admin"] = 1.0
        cues["unit:" + PLURAL_UNITS[plural]] = 1.0
    # "Barvinkove, Kharkiv", "Konotop district, Sumy", "Tbilisi, Georgia": the name after a place and a comma is
    # the unit or the country around it.
    street = c.first >= 3 and toks[c.first - 1].text == "," and toks[c.first - 2].is_upper_initial \
        and toks[c.first - 2].text.lower().rstrip(".") in STREET_WORDS and toks[c.first - 3].is_upper_initial
    if street:
        cues["city"] = 1.0  # "420 Augusta St., Alexandria": the town of an address
    elif c.first >= 2 and toks[c.first - 1].text == "," and _ends_place_name(toks, c.first - 2) \
            and not _country_ends_at(parsed, gaz, c.first - 2) \
            and not _before_last_of_list(toks, c.last):  # "Brazil, Mexico and others": peers
        cues["after_place"] = 1.0
        if _qualifies_previous(parsed, gaz, c.first, c.last, c.text):
            cues["qualifier"] = 1.0  # says where the name before it is: a place, never a government acting
    for a in c.areas:
        cues["within:" + a] = 1.0
        cues["inside"] = 1.0
    return cues


def _ends_place_name(toks, j: int) -> bool:
    """Token j closes a proper name, or a unit or settlement word after one ("Konotop district")."""
    if toks[j].is_upper_initial and toks[j].pos == "PROPN":
        return True
    return toks[j].text.lower() in ADMIN_WORDS | CITY_WORDS and j >= 1 and toks[j - 1].is_upper_initial


def _country_ends_at(parsed: ParsedDoc, gaz: Gazetteer, j: int) -> bool:
    """A country's name ends at token j ("South Africa, Mexico"): the name after the comma is its peer in a
    list, not a unit inside it."""
    toks = parsed.tokens
    for n in range(1, 4):
        if j - n + 1 < 0:
            break
        name = parsed.clean.text[toks[j - n + 1].start:toks[j].end]
        if any(p.precision == "country" for p in gaz.lookup(name)):
            return True
    return False


# A city this big, named after a comma in a list, is a peer of the name before it ("Washington, New York and
# Boston"), not the state around it.
BIG_CITY = 1_000_000

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
        # A province or state outranks most cities, but not a city several times its size ("St. Paul" is
        # Minnesota's capital, not a parish of 14,000 in Antigua); units without a population keep the rank.
        return min(6.3, math.log10(p.population + 10) + 0.5) if p.population else 6.3
    if p.precision == "admin2":
        return 4.5
    return math.log10(p.population + 10)


def _score(gaz: Gazetteer, p: Place, cues: dict[str, float], doc_countries: dict[str, float],
           via_alias: bool = False) -> float:
    s = _prior(p) - (ALIAS_PENALTY if via_alias else 0.0)
    if cues.get("admin"):
        s += 4.0 if p.precision in ("admin1", "admin2", "region") else -2.0
    elif cues.get("after_place"):
        s += 4.0 if p.precision in ("admin1", "admin2", "region", "country") else -2.0
    if cues.get("city"):
        s += 4.0 if p.precision == "city" else -2.0
    if not (cues.get("admin") or cues.get("after_place")) and p.precision in ("admin1", "admin2"):
        # An admin unit named after its capital ("Luhansk", "Kharkiv"): bare, the city is meant.
        # (GeoNames undercounts some seats: Kherson has 66,000 there, so a seat of 20,000 counts too.)
        if any(q.precision == "city" and q.admin1_code == p.admin1_code
               and (q.population >= 100_000 or (q.feature_code == "PPLA" and q.population >= 20_000))
               for q in gaz.lookup(p.admin1 or p.name)):
            s -= 2.0
    if p.precision == "city" and p.population < 100_000 and not cues.get("city") \
            and not any(k.startswith("within:") for k in cues) \
            and any(q.precision == "country" or (q.precision == "admin1" and q.country == p.country
                                                 and q.admin1_code != p.admin1_code) for q in gaz.lookup(p.name)):
        # A small town named after a country ("China, Texas") or after another state of its own country ("Kansas,
        # Illinois") needs its state written beside it.
        s -= 2.5
    if p.precision == "city" and p.country and (cap := gaz.capital_of(p.country)) and cap.geonameid == p.geonameid:
        s += 1.5  # "Damascus" is the capital before it is the governorate around it
    if p.country:
        s += 3.0 * min(cues.get("country:" + p.country, 0.0), 1.0)
        s += 1.5 * min(doc_countries.get(p.country, 0.0), 2.0)
    for k in cues:
        if k.startswith("within:") and k[7:] and k[7:] in ((p.admin1_code or ""), (p.country2 or "")):
            s += 5.0
    return s


# Document context: how much the other names of the article (their likely readings, weighed by how sure each is)
# back a reading in the same first-level unit or the same country. Weights are per unit of support, capped.
ADMIN1_SUPPORT, ADMIN1_CAP = 2.0, 2.0
COUNTRY_SUPPORT, COUNTRY_CAP = 1.5, 2.5
CONTEXT_ROUNDS = 3
SOFTMAX_SHARPNESS = 2.0
NAMESAKE_SHARE = 0.5  # of the country's support, for a namesake of a world city whose state is not named
HOME_SUPPORT = 1.0  # the outlet's country, as much as one place named there
# A mission's area, as much as the most that places named in one unit give: what a ceasefire monitor reports is
# where it monitors.
MISSION_SUPPORT = ADMIN1_CAP
TOWN_REACH_KM = 300.0  # how far a named town backs readings in its state: its region, not the whole of Texas
SEAT_REACH_KM = 150  # a capital lies this near the point GeoNames gives the province it seats (Kyiv: 12 km)
HOME_TOWN = 5.0  # the town a paper's name gives, for its bare name: as much as its state written beside it
NEAR_HOME_TOWN = 1.0  # a town around it
NEIGHBOUR_SUPPORT = 0.5  # per unit of support a bordering country has: a third of the country's own
# Country-code domains that sites use for their letters, not their country (.tv, .io, .fm, .me ...).
VANITY_TLDS = frozenset({"ai", "am", "cc", "co", "fm", "io", "ly", "me", "nu", "tk", "to", "tv", "ws"})


def home_country(doc: Document, gaz: Gazetteer) -> str | None:
    """ISO3 of the outlet: the country the input gives, else the country-code domain of the URL (".co.uk")."""
    code = doc.country
    if not code and doc.url:
        tld = outlets.host_of(doc.url).rsplit(".", 1)[-1]
        code = "GB" if tld == "uk" else tld if len(tld) == 2 and tld not in VANITY_TLDS else None
    place = gaz.country(code) if code else None
    return place.country if place else None


def _resolve(parsed: ParsedDoc, gaz: Gazetteer, cands: list[_Candidate], home: Home | None = None
             ) -> dict[str, tuple[Place | None, float]]:
    """One reading per distinct name: its own cues and prior, then the document's geography.

    Each name starts from its prior and its mentions' cues. Then, for a few rounds, each name's readings are
    weighed (a softmax over their scores) and lend support to their admin1 unit and country; a reading gains from
    the support the *other* names give its admin1 and country ("Paris" next to "Edgar County" and "Illinois" is
    Paris, Illinois; "Henry County" in a Tennessee story is Tennessee's).
    """
    by_key: dict[str, list[_Candidate]] = defaultdict(list)
    for c in cands:
        by_key[c.key].append(c)
    # Demonyms say which countries the document is about ("Iraqi forces"); the outlet's country and a mission that
    # works in one country count like one place named there ("Dublin" in an Ohio paper's story is Dublin, Ohio
    # unless the story says otherwise).
    demonym_countries: dict[str, float] = defaultdict(float)
    for t in parsed.tokens:
        if t.is_upper_initial and (iso := gaz.demonym(t.text)):
            demonym_countries[iso] += 0.5
    missions, area_a1 = _missions(parsed, gaz)
    for iso in missions:
        demonym_countries[iso] += HOME_SUPPORT
    # The country the input or the URL gives comes before the one learned from the outlet's other articles.
    if country := home_country(parsed.doc, gaz) or (home.country if home else None):
        demonym_countries[country] += HOME_SUPPORT
    keys = list(by_key)
    base: dict[str, list[tuple[float, Place]]] = {}
    unplaced: list[str] = []
    for key in keys:
        group = by_key[key]
        pooled: dict[str, float] = defaultdict(float)
        for c in group:
            for k, v in c.cues.items():
                pooled[k] += v
        options = gaz.candidates(group[0].text)
        if group[0].text.lower() in NOT_PLACES and all(o.via_alias for o in options):
            options = []  # a given "Western" is not Cuba City, Wisconsin, which has it as an alternate name
        for unit in [k[5:] for k in pooled if k.startswith("unit:")]:
            seen = {o.place.geonameid for o in options}
            options = options + [o for o in gaz.candidates(f"{group[0].text} {unit}") if o.place.geonameid not in seen]
        options = options + _home_counties(gaz, group[0].text, home, options)
        areas = {k[7:] for k in pooled if k.startswith("within:") and k[7:]} if pooled.get("inside") else set()
        if areas and all(o.place.precision in ("city", "admin2") for o in options):
            # "Sokilnyky, Luhansk": only a Sokilnyky in Luhansk will do; another spelling of one, else none (a
            # village too small for the gazetteer is better unplaced than placed in another province).
            inside = [o for o in options if o.place.admin1_code in areas or o.place.country2 in areas]
            if not inside and group[0].text[:1].isupper():
                inside = [Candidate(p, False) for p in gaz.similar(group[0].text, areas)[:1]]
            options = inside
        if not options:
            unplaced.append(key)
            continue
        mixed = len({o.via_alias for o in options}) > 1
        base[key] = [(_score(gaz, o.place, pooled, {}, mixed and o.via_alias) + _home_town_bonus(o.place, home),
                      o.place) for o in options]
    weight = {k: min(1.0 + 0.5 * math.log(len(by_key[k])), 2.0) for k in base}
    # A capital that is a province of its own ("Kyiv", admin1 UA.12) seats the province of its name around it (Kyiv
    # Oblast, UA.13): the towns of that province ("Bucha") back the city as much as they back the province. Around
    # it: Washington, D.C. seats no Washington State.
    seats = {k: [p for _, p in opts if p.precision == "admin1" and p.admin1_code] for k, opts in base.items()}
    members = {p.geonameid: gaz.region_members(p) for opts in base.values() for _, p in opts if p.precision == "region"}
    famous = {k for k, opts in base.items() if any(_famous(p) for _, p in opts)}
    scores = {k: [s for s, _ in v] for k, v in base.items()}
    for _ in range(CONTEXT_ROUNDS):
        own_a1: dict[str, dict[str, float]] = {}
        own_cc: dict[str, dict[str, float]] = {}
        tot_a1: dict[str, float] = defaultdict(float)
        if home is not None and home.admin1_code:
            tot_a1[home.admin1_code] += HOME_SUPPORT  # a local paper's state, as much as one place named there
        for code in area_a1:
            tot_a1[code] += MISSION_SUPPORT
        tot_cc: dict[str, float] = defaultdict(float, demonym_countries)
        towns_in: dict[str, list[tuple[str, Place, float]]] = defaultdict(list)
        for key, opts in base.items():
            probs = _softmax(scores[key])
            a1: dict[str, float] = defaultdict(float)
            cc: dict[str, float] = defaultdict(float)
            for pr, (_, place) in zip(probs, opts):
                if pr < 0.01:
                    continue
                if place.admin1_code and place.precision == "city" and place.lat is not None:
                    towns_in[place.admin1_code].append((key, place, pr * weight[key]))
                elif place.admin1_code and place.precision != "country":
                    a1[place.admin1_code] += pr * weight[key]
                if place.country:
                    cc[place.country] += pr * weight[key]
            own_a1[key], own_cc[key] = a1, cc
            for k, v in a1.items():
                tot_a1[k] += v
            for k, v in cc.items():
                tot_cc[k] += v
        new_scores = {}
        for key, opts in base.items():
            row = []
            for s, place in opts:
                ctx = a1_sup = 0.0
                if place.admin1_code and place.precision != "country":
                    codes = {place.admin1_code}
                    if place.precision == "city" and any(u.admin1_code == place.admin1_code for u in seats[key]):
                        codes |= {u.admin1_code for u in seats[key] if u.country == place.country
                                  and (km := _km_apart(u, place)) is not None and km <= SEAT_REACH_KM}
                    for code in codes:
                        a1_sup += tot_a1.get(code, 0.0) - own_a1[key].get(code, 0.0)
                        # A town backs its state, and the towns of its state only around it: "New York" does not
                        # make "Boston" the village of Boston in western New York.
                        a1_sup += sum(w for k2, q, w in towns_in.get(code, ()) if k2 != key and (
                            place.precision != "city" or (km := _km_apart(q, place)) is None or km <= TOWN_REACH_KM))
                    ctx += ADMIN1_SUPPORT * min(a1_sup, ADMIN1_CAP)
                if place.country:
                    sup = tot_cc.get(place.country, 0.0) - own_cc[key].get(place.country, 0.0)
                    share = COUNTRY_SUPPORT * min(sup, COUNTRY_CAP)
                    if key in famous and place.precision == "city" and not _famous(place) and a1_sup <= 0:
                        # "Damascus" in a story that names the US is still Syria's capital: a namesake of a
                        # world city needs its own state named, not just its country
                        share *= NAMESAKE_SHARE
                    ctx += share
                elif members.get(place.geonameid):
                    # "the Middle East" in a story about Israel and Iran: a region gains from its countries
                    ctx += COUNTRY_SUPPORT * min(max(tot_cc.get(m, 0.0) for m in members[place.geonameid]),
                                                 COUNTRY_CAP)
                if place.precision == "country":
                    # "Russia's invasion of Georgia": a country next to the ones the story is about.
                    sup = sum(tot_cc.get(n, 0.0) - own_cc[key].get(n, 0.0) for n in gaz.neighbours(place.country))
                    ctx += NEIGHBOUR_SUPPORT * min(sup, COUNTRY_CAP)
                row.append(s + ctx)
            new_scores[key] = row
        scores = new_scores
    out: dict[str, tuple[Place | None, float]] = {}
    for key, opts in base.items():
        group = by_key[key]
        ranked = sorted(zip(scores[key], range(len(opts))), key=lambda x: -x[0])
        best_s, bi = ranked[0]
        best = opts[bi][1]
        margin = best_s - ranked[1][0] if len(ranked) > 1 else 3.0
        confidence = 1 / (1 + math.exp(-(margin - 0.5)))
        # A small place neither the tagger nor the text vouches for stays unresolved; "Myla, Kyiv" vouches, and so
        # does a mission's report for a place in its area.
        weak = best.precision == "city" and best.population < 1_000 and best.admin1_code not in area_a1 \
            and not any(c.ner or c.cues.get("inside") for c in group)
        out[key] = (None, 0.1) if weak else (_seat(gaz, group, best), confidence)
    for key in unplaced:
        if any(c.cues.get("inside") for c in by_key[key]):
            out[key] = (None, 0.1)  # a place the text locates but the gazetteer lacks: found, not resolved
    return out


HOME_CITY = 10_000  # a home-state town this big is what its bare name means, not the county of that name


def _home_counties(gaz: Gazetteer, name: str, home: Home | None, options: list[Candidate]) -> list[Candidate]:
    """A local paper's bare county name: "DeKalb" in a Georgia paper may be DeKalb County, Georgia."""
    if home is None or not home.admin1_code or not name[:1].isupper() or len(name.split()) > 2:
        return []
    if any(not o.via_alias and (o.place.precision in ("country", "admin1") or (
            o.place.precision == "city" and o.place.admin1_code == home.admin1_code
            and o.place.population >= HOME_CITY)) for o in options):
        return []  # "Ohio" is the state, "Decatur" in Georgia the city, not Ohio or Decatur County
    seen = {o.place.geonameid for o in options}
    return [o for unit in ("County", "Parish") for o in gaz.candidates(f"{name} {unit}")
            if o.place.precision == "admin2" and o.place.admin1_code == home.admin1_code
            and o.place.geonameid not in seen]


def _home_town_bonus(p: Place, home: Home | None) -> float:
    """A local paper's own town, and the towns around it: "Dublin" in a Columbus paper is the suburb."""
    town = home.town if home is not None else None
    if town is None:
        return 0.0
    if p.geonameid == town.geonameid:
        return HOME_TOWN
    if p.precision in ("city", "admin2") and (km := _km_apart(p, town)) is not None and km <= FOCUS_KM:
        return NEAR_HOME_TOWN
    return 0.0


def _famous(p: Place) -> bool:
    """A national capital, a city of a million or a named region: what a bare name means the world over."""
    return p.precision == "region" or (p.precision == "city" and (p.feature_code == "PPLC"
                                                                  or p.population >= 1_000_000))


def _softmax(xs: list[float]) -> list[float]:
    m = max(xs)
    es = [math.exp(SOFTMAX_SHARPNESS * (x - m)) for x in xs]
    z = sum(es)
    return [e / z for e in es]


def _seat(gaz: Gazetteer, group: list[_Candidate], place: Place) -> Place:
    """A seat of power ("the White House", "the Kremlin") stands in its country's capital, not in the small town
    that shares its name (White House, Tennessee), unless the text puts it there ("White House, Tenn.")."""
    iso = gaz.seat_of_power(group[0].text)
    if iso is None or place.precision != "city" or any(
            c.cues.get("inside") or any(k.startswith("within:") for k in c.cues) for c in group):
        return place
    capital = gaz.capital_of(iso)
    if capital is None or any(p.geonameid == capital.geonameid for p in gaz.lookup(group[0].text)) \
            or (place.country == iso and (_km_apart(place, capital) or 0.0) <= FOCUS_KM):
        return place  # "Moscow", "Kiev": the capital's own names; the Pentagon, next to it
    return capital


def _mention_override(gaz: Gazetteer, c: _Candidate, place: Place | None, score: float):
    """A mention with its own type cue ("the city of Donetsk") overrides the document's reading of the name."""
    if place is None:
        return place, score
    container = c.cues.get("after_place") and not c.cues.get("admin")  # "Tbilisi, Georgia": a country will do
    want = "admin1" if c.cues.get("admin") or container else "city" if c.cues.get("city") else None
    if want is None or place.precision == want or (want == "admin1" and place.precision in ("admin2", "region")) \
            or (container and place.precision == "country"):
        return place, score
    same = [p for p in gaz.lookup(c.text) if p.precision == want and p.country == place.country]
    if same:
        return max(same, key=_prior), score * 0.9
    return place, score


def _kind(parsed: ParsedDoc, gaz: Gazetteer, c: _Candidate, place: Place | None) -> str:
    """literal, or metonym when a capital, seat of power or country acts as an agent ("Moscow said")."""
    if c.cues.get("qualifier"):
        return "literal"
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
        return "literal" if owned in GEOGRAPHIC_NOUNS | LANDMARK_NOUNS else "metonym"  # "Moscow's Red Square"
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
    """Peoples' adjectives and nouns ("Russian forces", "Sri Lankan", "European"), pointing at their country, or
    their region when they have none. Languages ("in English") are not places."""
    out = []
    toks = parsed.tokens
    i = 0
    while i < len(toks):
        t = toks[i]
        if i in taken or not t.is_upper_initial or t.pos not in ("ADJ", "PROPN", "NOUN") or t.ent_type == "LANGUAGE":
            i += 1
            continue
        hit = None
        if i + 1 < len(toks) and i + 1 not in taken and toks[i + 1].is_upper_initial:
            two = parsed.clean.text[t.start:toks[i + 1].end]
            if gaz.is_demonym(two):
                hit = (i + 2, two)
        if hit is None and gaz.is_demonym(t.text):
            hit = (i + 1, t.text)
        if hit is None:
            i += 1
            continue
        end, text = hit
        place = gaz.demonym_place(text)
        if place is not None:
            out.append(Toponym(t.start, toks[end - 1].end, text, "demonym", place, 1.0))
        i = end
    return out
