"""Stage 1, ingest: files, folders and globs in; `Document`s out, and an `InputError` for each thing that cannot be
read (the run goes on; nothing good is dropped).

    read_inputs(["corpus/", "extra/*.jsonl", "page.html"], published=date(2022, 7, 4), source="Shafaq News")

Formats, chosen by extension: plain text (.txt, .text, .md, none; the seed's ` date YYYY-MM-DD Source/ ` header is
read and removed), JSON Lines (.jsonl, .ndjson, .json), CSV/TSV (.csv, .tsv, header row) and HTML (.html, .htm,
through trafilatura). A file of any other type is reported, never read as something it is not.

Limits: `max_bytes` caps a whole text or HTML file (checked on its size before reading) and each JSONL line or
CSV field (a corpus file may be far larger: it is streamed one record at a time).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from eventwire.ingest.html import html_document
from eventwire.ingest.paths import expand
from eventwire.ingest.records import Defaults, FieldNames, read_csv, read_jsonl
from eventwire.ingest.sniff import HEAD, binary_reason, decode_utf8, undecodable
from eventwire.ingest.text import split_header, text_document
from eventwire.types import Document, InputError

__all__ = ["read_inputs", "FieldNames", "split_header"]


def read_inputs(
    inputs: Sequence[str | Path],
    *,
    published: date | None = None,
    source: str | None = None,
    fields: FieldNames | None = None,
    max_bytes: int = 20_000_000,
) -> Iterator[Document | InputError]:
    """Every document in `inputs`, in a stable order, with an `InputError` in place of each bad file or record.

    `published` and `source` are defaults for documents that do not carry their own (a text header, a record
    field, HTML metadata win over them); with no date anywhere `Document.published` is None, never today.
    `doc_id`: the record's id field; else the file's path relative to the folder (or glob root) it was found
    under, its name when given directly; for a record without id, "<that name>:<line number>".
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    defaults = Defaults(fields or FieldNames(), published, source, max_bytes)
    for item in expand(inputs):
        if isinstance(item, InputError):
            yield item
            continue
        path, rel = item
        try:
            yield from _read_file(path, rel, defaults)
        except OSError as err:
            yield InputError(str(path), f"cannot be read: {err.strerror or err}")


TEXT = frozenset({".txt", ".text", ".md", ""})
JSONL = frozenset({".jsonl", ".ndjson", ".json"})
CSV = frozenset({".csv", ".tsv"})
HTML = frozenset({".html", ".htm", ".xhtml"})


def _suffix(path: Path) -> str:
    """The extension, lower-cased; "" when the name has none (or only a dotted word like "v1.2-final")."""
    suffix = path.suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""


def _read_file(path: Path, rel: str, d: Defaults) -> Iterator[Document | InputError]:
    origin = str(path)
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        yield InputError(origin, "is not a regular file")
        return
    if st.st_size == 0:
        yield InputError(origin, "is empty")
        return
    suffix = _suffix(path)
    if suffix in JSONL:
        yield from read_jsonl(path, rel, d)
        return
    if suffix in CSV:
        yield from read_csv(path, rel, d)
        return
    if suffix not in TEXT and suffix not in HTML:
        with open(path, "rb") as f:
            reason = binary_reason(f.read(HEAD))
        yield InputError(origin, reason or f"has an unsupported file type ({suffix}); rename it .txt to read it as text")
        return
    if st.st_size > d.max_bytes:
        yield InputError(origin, f"is {st.st_size:,} bytes, over the {d.max_bytes:,}-byte limit (max_bytes); not read")
        return
    with open(path, "rb") as f:
        data = f.read(d.max_bytes + 1)
    if len(data) > d.max_bytes:  # it grew since stat()
        yield InputError(origin, f"is over the {d.max_bytes:,}-byte limit (max_bytes); not read")
        return
    if reason := binary_reason(data[:HEAD]) or binary_reason(data[HEAD:], only_nul=True):
        yield InputError(origin, reason)
        return
    if suffix in HTML:
        yield html_document(path, rel, data, published=d.published, source=d.source)
        return
    try:
        text = decode_utf8(data)
    except UnicodeDecodeError as err:
        yield InputError(origin, undecodable(data, err))
        return
    yield text_document(path, rel, text, published=d.published, source=d.source)
