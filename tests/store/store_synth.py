"""Synthetic documents and events for the store tests (hand-made, deterministic)."""

from __future__ import annotations

from datetime import date

from eventwire.types import Actor, Document, Event, EventMention, Evidence, InputError, Place

SOURCES = ("Kyiv Independent", "Reuters", "Shafaq News")


def make_doc(doc_id: str, n: int = 0, *, published: date | None = date(2022, 7, 4), source: str | None = None) -> Document:
    text = (
        f"Report {doc_id}. Russian forces shelled Lysychansk on Saturday, killing {n + 2} civilians. "
        f"Ukrainian troops withdrew from the town later."
    )
    return Document(
        doc_id=doc_id,
        text=text,
        published=published,
        source=source if source is not None else SOURCES[n % len(SOURCES)],
        url=f"https://example.org/{doc_id}",
        title=f"Title {doc_id}",
        origin=f"synthetic.jsonl:{n + 1}",
    )


def mention(doc: Document, trigger: str, *, status: str = "reported") -> EventMention:
    start = doc.text.index(trigger)
    s_start = doc.text.rfind(". ", 0, start)
    s_start = 0 if s_start < 0 else s_start + 2
    s_end = doc.text.index(".", start) + 1
    return EventMention(
        event_type="ASSAULT",
        cameo="190",
        trigger=trigger,
        status=status,
        evidence=Evidence(
            doc_id=doc.doc_id,
            sentence_start=s_start,
            sentence_end=s_end,
            start=start,
            end=start + len(trigger),
            sentence=doc.text[s_start:s_end],
            source=doc.source,
            published=doc.published,
        ),
    )


LYSYCHANSK = Place(
    geonameid=702658,
    name="Lysychansk",
    feature_code="PPLA2",
    country="UKR",
    admin1="Luhansk",
    lat=48.91667,
    lon=38.43333,
    precision="city",
    country2="UA",
    admin1_code="UA.14",
    population=100000,
)


def assault(event_id: str, docs: list[Document], n: int = 0) -> Event:
    return Event(
        event_id=event_id,
        event_type="ASSAULT",
        cameo="195",
        mentions=[mention(d, "shelled") for d in docs],
        mode="aerial",
        context="military",
        acled=("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        status="reported",
        actor1=Actor(text="Russian forces", name="Russia", country="RUS", sector="MIL", start=10, end=24),
        actor2=Actor(text="civilians", name=None, country="UKR", sector="CVL"),
        location=LYSYCHANSK,
        location_text="Lysychansk",
        date="2022-07-02",
        date_precision="day",
        date_text="on Saturday",
        fatalities=n + 2,
        confidence=0.8125,
    )


def retreat(event_id: str, docs: list[Document]) -> Event:
    """No place resolved (text only), no second actor, no ACLED type, a coarse date."""
    return Event(
        event_id=event_id,
        event_type="RETREAT",
        cameo="0874",
        mentions=[mention(d, "withdrew", status="claimed") for d in docs],
        status="claimed",
        actor1=Actor(text="Ukrainian troops", name="Ukraine", country="UKR", sector="MIL"),
        location=None,
        location_text="the town",
        date="2022-07",
        date_precision="month",
        confidence=0.4,
    )


def bare(event_id: str, doc: Document) -> Event:
    """Nothing known but the type and a mention: every nested object null, no date."""
    return Event(event_id=event_id, event_type="COERCE", cameo="17", mentions=[mention(doc, "killing")])


def batch(i: int, docs_per_batch: int = 3) -> tuple[list[Document], list[Event], list[InputError]]:
    """Batch i: its documents, events over them (one told by several outlets), an input error."""
    docs = [make_doc(f"b{i}-d{j}", i + j) for j in range(docs_per_batch)]
    events = [
        assault(f"ev-assault-{i}", docs, i),
        retreat(f"ev-retreat-{i}", docs[:1]),
        bare(f"ev-bare-{i}", docs[-1]),
    ]
    errors = [InputError(origin=f"bad-{i}.bin", reason="binary file")]
    return docs, events, errors


def batches(n: int) -> list[tuple[list[Document], list[Event], list[InputError]]]:
    return [batch(i) for i in range(n)]
