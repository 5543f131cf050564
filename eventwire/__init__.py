"""eventwire: news articles in, one record per real-world event out (who did what to whom, when, where).

    import eventwire
    events = eventwire.extract(["reports/"], published="2022-07-04")
    frame = eventwire.to_dataframe(events)
    with eventwire.open_store("events.duckdb") as store: ...

This module is the package's public face; everything else is importable but private.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from .types import Actor, Document, Event, EventMention, InputError, Place

__version__ = "0.1.0"
__all__ = ["extract", "to_dataframe", "open_store", "derive_control", "control_at", "Event", "EventMention", "Actor",
           "Place", "Document", "InputError", "ExtractionError"]


class ExtractionError(Exception):
    """Some inputs could not be read or coded; `.errors` names each with its reason, `.events` has the rest."""

    def __init__(self, errors: list[InputError], events: list[Event]):
        self.errors, self.events = errors, events
        super().__init__("; ".join(f"{e.origin}: {e.reason}" for e in errors[:5]))


def extract(
    texts_or_paths: str | Path | Document | Iterable[str | Path | Document],
    *,
    published: str | dt.date | None = None,
    source: str | None = None,
    strict: bool = False,
) -> list[Event]:
    """Events from texts, files, folders or globs (a str that names no existing path is taken as text).

    `published` dates inputs that carry no date of their own. Bad inputs are skipped (or raise ExtractionError
    with `strict=True`); the events of the good ones are returned either way.
    """
    from .ingest import read_inputs
    from .pipeline import code_documents

    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    items = [texts_or_paths] if isinstance(texts_or_paths, (str, Path, Document)) else list(texts_or_paths)
    docs: list[Document] = []
    errors: list[InputError] = []
    for n, item in enumerate(items):
        if isinstance(item, Document):
            docs.append(item)
        elif isinstance(item, Path) or (isinstance(item, str) and _looks_like_path(item)):
            for d in read_inputs([item], published=published, source=source):
                (errors if isinstance(d, InputError) else docs).append(d)
        else:
            docs.append(Document(doc_id=f"text-{n}", text=item, published=published, source=source, origin=f"text-{n}"))
    events: list[Event] = []
    for result in code_documents(docs):
        if result.error:
            errors.append(result.error)
        events.extend(result.events)
    if len(docs) > 1:  # one record per real event, however many of the inputs report it
        from .merge import merge_documents, near_duplicates

        copies = near_duplicates({d.doc_id: d.text for d in docs})
        events = merge_documents(events, {d: of for d, (of, _sim) in copies.items()})
    if strict and errors:
        raise ExtractionError(errors, events)
    return events


def _looks_like_path(s: str) -> bool:
    if "\n" in s or len(s) > 4096:
        return False
    return Path(s).exists() or any(ch in s for ch in "*?[")


def to_dataframe(events: Iterable[Event]):
    """A pandas DataFrame, one row per event, with the flat columns of the store's `events` table."""
    from .store import records_frame

    return records_frame(list(events))


def derive_control(events: Iterable[Event]):
    """Who took or left which place, when, on what evidence: `ControlChange`s from capture and withdrawal events."""
    from .control import derive_control as _derive

    return _derive(events)


def control_at(changes, day: dt.date | str | None = None):
    """Who holds each place on `day` (contested places marked), from `derive_control`'s changes."""
    from .control import control_at as _at

    return _at(changes, day)


def open_store(path: str | Path = "eventwire.duckdb", *, read_only: bool = False):
    """The DuckDB store (a context manager): `.events_frame()`, `.event_records()`, `.sql(query)`."""
    from .store import open_store as _open

    return _open(path, read_only=read_only)
