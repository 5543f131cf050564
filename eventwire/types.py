"""The plain data that flows between stages.

Every stage takes and returns these dataclasses and nothing richer: no spaCy object, no DuckDB row leaves the stage
that owns it. All character offsets point into `Document.text`, the article as read (header removed), so a user can
always cut the evidence out of the original.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Precisions, coarse to fine, shared by dates and places.
DATE_PRECISIONS = ("unknown", "decade", "year", "quarter", "season", "month", "week", "day")
PLACE_PRECISIONS = ("region", "country", "admin1", "admin2", "city")
STATUSES = ("reported", "background", "claimed", "denied", "planned")


@dataclass(slots=True)
class Document:
    """One article. `published` is None when neither the input nor the user gave a date."""

    doc_id: str
    text: str
    published: date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str = ""  # where it was read from: "path" or "path:line"
    country: str | None = None  # the outlet's country (ISO 3166 alpha-2 or -3), when the input says


@dataclass(slots=True)
class InputError:
    """A file or record that could not be read; the run reports it and goes on."""

    origin: str
    reason: str


@dataclass(slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Repeat:
    """A paragraph or sentence that repeats an earlier one (exactly or nearly): kept out of extraction."""

    start: int
    end: int
    of_start: int
    of_end: int
    similarity: float


@dataclass(slots=True)
class CleanDoc:
    """Normalised text of one document.

    `text` has the same length as `Document.text` (normalisation only swaps characters one for one), so offsets
    need no mapping. `repeats` lists passages that repeat earlier ones.
    """

    doc: Document
    text: str
    paragraphs: list[Span]
    repeats: list[Repeat] = field(default_factory=list)

    def extraction_text(self) -> str:
        """The text with repeated passages blanked (same length, newlines kept) so offsets stay valid."""
        if not self.repeats:
            return self.text
        chars = list(self.text)
        for r in self.repeats:
            for i in range(r.start, r.end):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)


@dataclass(slots=True)
class Token:
    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the head token (itself for the root)
    start: int
    end: int
    ent_type: str = ""  # spaCy label of the entity the token is in, "" if none
    ent_iob: str = "O"
    sent: int = 0  # index of its sentence
    is_upper_initial: bool = False


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    first: int  # first token index
    last: int  # one past the last token index
    paragraph: int


@dataclass(slots=True)
class Entity:
    label: str
    first: int
    last: int  # one past the last token
    start: int
    end: int
    text: str


@dataclass(slots=True)
class ParsedDoc:
    """What the nlp stage returns: tokens, sentences and entities as plain data, plus child lists."""

    clean: CleanDoc
    tokens: list[Token]
    sentences: list[Sentence]
    entities: list[Entity]
    children: list[list[int]] = field(default_factory=list)

    @property
    def doc(self) -> Document:
        return self.clean.doc

    def subtree(self, i: int) -> list[int]:
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.children[j])
        return sorted(out)

    def ancestors(self, i: int) -> list[int]:
        out = []
        while self.tokens[i].head != i and len(out) < 64:
            i = self.tokens[i].head
            out.append(i)
        return out

    def child(self, i: int, deps: tuple[str, ...], words: set[str] | None = None) -> int | None:
        """The first child of token i with one of these relations (and, if given, one of these lemmas or words)."""
        for c in self.children[i]:
            t = self.tokens[c]
            if t.dep in deps and (words is None or t.lemma.lower() in words or t.text.lower() in words):
                return c
        return None

    def tokens_in(self, start: int, end: int) -> range:
        """Indices of the tokens that overlap the character span [start, end)."""
        first = self.token_at(start)
        if first is None:
            return range(0)
        last = first
        while last < len(self.tokens) and self.tokens[last].start < end:
            last += 1
        return range(first, last)

    def token_at(self, char: int) -> int | None:
        """Index of the token covering or starting right after `char`."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].end <= char:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(self.tokens) else None


@dataclass(slots=True)
class TimeExpr:
    """A temporal expression, TimeML-style.

    `value` is normalised against the document date ("2022-07-03", "2022-W26", "2022-04", "P3M", "PRESENT_REF"),
    None when it cannot be resolved (no document date, say). `relation` is set for offsets anchored on another event
    ("a day after X": value "P1D", relation "after"): the events stage resolves them against the event they name.
    """

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    precision: str = "unknown"  # one of DATE_PRECISIONS
    relation: str | None = None  # "after" | "before" for anchored offsets
    approximate: bool = False  # "nearly", "about", "some"


@dataclass(slots=True)
class Place:
    geonameid: int | None
    name: str
    feature_code: str  # GeoNames feature code: PPL*, ADM1, PCLI, RGN...
    country: str | None  # ISO3
    admin1: str | None  # admin1 name
    lat: float | None
    lon: float | None
    precision: str  # one of PLACE_PRECISIONS
    country2: str | None = None  # ISO2, handy for joins with GeoNames data
    admin1_code: str | None = None  # GeoNames admin1 code, "UA.14"
    population: int = 0


@dataclass(slots=True)
class Toponym:
    start: int
    end: int
    text: str
    kind: str  # literal | metonym | demonym
    place: Place | None
    score: float = 0.0
    # The gazetteer lacks the place itself ("Griffith Park"); `place` is the town the story centres on, which it most
    # likely lies near (ACLED's "near" precision).
    approximate: bool = False


@dataclass(slots=True)
class Actor:
    """An actor as coded: `name` is canonical ("Vladimir Putin", "Russia"), `text` the words in the article."""

    text: str
    name: str | None = None
    country: str | None = None  # ISO3
    sector: str | None = None  # GOV, MIL, REB, CVL, POL, IGO, MED, ...
    start: int = -1
    end: int = -1
    head: int = -1  # token index of the phrase head
    inferred: bool = False  # not said in the text, inferred (lower confidence)


@dataclass(slots=True)
class Evidence:
    """One place a document reports an event: the sentence span and the trigger span."""

    doc_id: str
    sentence_start: int
    sentence_end: int
    start: int  # trigger
    end: int
    sentence: str = ""
    source: str | None = None
    published: date | None = None


@dataclass(slots=True)
class Anchor:
    """"A came a week after B": B is dated from A. `mention` is A's index among the document's mentions."""

    mention: int
    duration: str  # "P1W"
    relation: str  # "after" | "before"
    text: str
    approximate: bool = False


@dataclass(slots=True)
class EventMention:
    event_type: str  # PLOVER
    cameo: str
    trigger: str
    evidence: Evidence
    mode: str | None = None
    context: str | None = None
    acled: tuple[str, str] | None = None  # (event_type, sub_event_type)
    status: str = "reported"
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Place | None = None
    location_text: str | None = None
    date: str | None = None  # "YYYY-MM-DD" first day of the period
    date_precision: str = "unknown"
    date_text: str | None = None
    date_inherited: bool = False  # from the article date, not from the text
    fatalities: int | None = None
    confidence: float = 0.5
    anchor: Anchor | None = None  # dated relative to another mention, resolved by the merge stage
    depth: int = 0  # the trigger's depth in its sentence's parse: 0 is the main verb, the sentence's main event


@dataclass(slots=True)
class Event:
    """One real-world event, with every mention that reports it."""

    event_id: str
    event_type: str
    cameo: str
    mentions: list[EventMention]
    mode: str | None = None
    context: str | None = None
    acled: tuple[str, str] | None = None
    status: str = "reported"
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Place | None = None
    location_text: str | None = None
    date: str | None = None
    date_precision: str = "unknown"
    date_text: str | None = None
    fatalities: int | None = None
    confidence: float = 0.5

    @property
    def num_mentions(self) -> int:
        return len(self.mentions)

    @property
    def num_documents(self) -> int:
        return len({m.evidence.doc_id for m in self.mentions})

    @property
    def num_sources(self) -> int:
        return len({m.evidence.source or m.evidence.doc_id for m in self.mentions})
