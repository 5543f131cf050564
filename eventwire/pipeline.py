"""The runner: documents through every stage, in batches, with per-document failures kept apart.

    code_documents(documents) -> Iterator[DocResult]

This is the only place that wires stages together; each stage stays runnable on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from .actors import find_actors
from .clean import clean
from .events import extract_mentions
from .geo import geoparse, load_gazetteer
from .merge import merge
from .nlp import parse
from .time import find_timexes
from .types import Document, Event, EventMention, InputError, TimeExpr, Toponym

MAX_CHARS = 1_000_000  # longer than any article; beyond it spaCy's memory use grows without bound


@dataclass(slots=True)
class DocResult:
    doc: Document
    events: list[Event] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    toponyms: list[Toponym] = field(default_factory=list)
    timexes: list[TimeExpr] = field(default_factory=list)
    error: InputError | None = None


def code_documents(documents: Iterable[Document], *, batch_size: int = 32, workers: int = 1) -> Iterator[DocResult]:
    """Code each document; one that fails yields a DocResult with `error` set, and the rest go on.

    Results come in input order, except that a document refused before parsing (empty, too long) comes out as
    soon as it is noticed.

    With `workers` > 1, chunks of documents go to worker processes that each load the model and gazetteer once;
    at most a few chunks per worker are in flight, so memory stays flat however long the input is.
    """
    if workers <= 1:
        yield from _code_serial(documents, batch_size)
    else:
        yield from _code_parallel(documents, batch_size, workers)


def _code_serial(documents: Iterable[Document], batch_size: int) -> Iterator[DocResult]:
    gazetteer = load_gazetteer()
    refused: list[DocResult] = []

    def cleaned() -> Iterator:
        for doc in documents:
            reason = _refuse(doc)
            if reason:
                refused.append(DocResult(doc, error=InputError(doc.origin or doc.doc_id, reason)))
                continue
            yield clean(doc)

    for parsed in parse(cleaned(), batch_size=batch_size):
        while refused:
            yield refused.pop(0)
        yield _code_parsed(parsed, gazetteer)
    yield from refused


def _code_parsed(parsed, gazetteer) -> DocResult:
    """The stages after the parse, for one document."""
    doc = parsed.doc
    try:
        timexes = find_timexes(parsed.clean.text, doc.published)
        toponyms = geoparse(parsed, gazetteer)
        # An event is placed only at a place the gazetteer holds: the record has no way to say "near the story's
        # town", which is what an approximate reading is.
        named = [replace(tp, place=None, approximate=False) if tp.approximate else tp for tp in toponyms]
        actors = find_actors(parsed, named, gazetteer)
        mentions = extract_mentions(parsed, timexes, named, actors)
        events = merge(mentions)
    except Exception as exc:  # a bug on one article must not cost the batch
        reason = f"could not be coded: {type(exc).__name__}: {exc}"
        return DocResult(doc, error=InputError(doc.origin or doc.doc_id, reason))
    return DocResult(doc, events, mentions, toponyms, timexes)


def _code_chunk(docs: list[Document]) -> list[DocResult]:
    return list(_code_serial(docs, batch_size=len(docs) or 1))


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for d in documents:
        chunk.append(d)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _code_parallel(documents: Iterable[Document], batch_size: int, workers: int) -> Iterator[DocResult]:
    import multiprocessing as mp
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: the parent may hold the model's threads, and a fork can inherit a held lock. Each worker
    # loads the model and gazetteer once (a few seconds), then codes chunk after chunk.
    with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn")) as pool:
        in_flight: deque = deque()
        for chunk in _chunks(documents, max(1, batch_size // 2)):
            in_flight.append(pool.submit(_code_chunk, chunk))
            if len(in_flight) >= workers * 3:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()


def _refuse(doc: Document) -> str | None:
    if not doc.text.strip():
        return "the document has no text"
    if len(doc.text) > MAX_CHARS:
        return f"the document has {len(doc.text):,} characters, more than the {MAX_CHARS:,} an article can have"
    return None


@dataclass(slots=True)
class RunSummary:
    read: int = 0
    coded: int = 0
    skipped: int = 0  # already in the store with the same text
    events: int = 0
    mentions: int = 0
    errors: list[InputError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return bool(self.errors)


def run_into_store(items: Iterable[Document | InputError], store, *, batch_size: int = 64, workers: int = 1,
                   engine: str = "local", address: str | None = None, on_progress=None,
                   on_commit=None) -> RunSummary:
    """Code documents into a store, one transaction per batch, skipping documents it already holds unchanged.

    A run killed half way leaves whole batches only; running it again codes the rest and adds no duplicates.
    """
    import time

    from .store import content_hash

    summary = RunSummary()
    started = time.perf_counter()

    def fresh() -> Iterator[Document]:
        pending: list[Document] = []

        def drain() -> Iterator[Document]:
            known = store.known({d.doc_id: content_hash(d.text) for d in pending})
            for d in pending:
                if d.doc_id in known:
                    summary.skipped += 1
                    if on_progress:
                        on_progress(1)
                else:
                    yield d
            pending.clear()

        for item in items:
            if isinstance(item, InputError):
                summary.errors.append(item)
                store.add(errors=[item])
                continue
            summary.read += 1
            pending.append(item)
            if len(pending) >= batch_size:
                yield from drain()
        yield from drain()

    docs: list[Document] = []
    events: list[Event] = []
    errors: list[InputError] = []

    def flush() -> None:
        store.add(documents=docs, events=events, errors=errors, merge=True)
        if on_commit and (docs or errors):
            on_commit(len(docs), len(events))
        docs.clear(), events.clear(), errors.clear()

    if engine == "ray":
        from .ray_engine import code_documents_ray

        results = code_documents_ray(fresh(), workers=workers, address=address)
    elif engine == "local":
        results = code_documents(fresh(), workers=workers)
    else:
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'ray'")
    for result in results:
        if on_progress:
            on_progress(1)
        if result.error:
            summary.errors.append(result.error)
            errors.append(result.error)
            continue
        summary.coded += 1
        summary.events += len(result.events)
        summary.mentions += len(result.mentions)
        docs.append(result.doc)
        events.extend(result.events)
        if len(docs) >= batch_size:
            flush()
    flush()
    summary.seconds = time.perf_counter() - started
    return summary
