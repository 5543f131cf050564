"""Records from JSON Lines and CSV/TSV files, streamed one line (row) at a time."""

from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields as dc_fields
from datetime import date
from pathlib import Path
from typing import BinaryIO

from eventwire.ingest.dates import published_date
from eventwire.ingest.sniff import BOM, HEAD, binary_reason, decode_utf8, undecodable
from eventwire.types import Document, InputError

log = logging.getLogger("eventwire.ingest")

_SURROGATE = re.compile("[\ud800-\udfff]")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class FieldNames:
    """Which record fields hold what. Each is a name or a tuple of candidate names, tried in order."""

    text: tuple[str, ...] | str = ("text",)
    id: tuple[str, ...] | str = ("id", "row_id")
    date: tuple[str, ...] | str = ("date", "published", "gdelt_seendate")
    source: tuple[str, ...] | str = ("source",)
    url: tuple[str, ...] | str = ("url",)
    title: tuple[str, ...] | str = ("title",)
    country: tuple[str, ...] | str = ("outlet_country", "source_country")

    def __post_init__(self) -> None:
        for f in dc_fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str):
                object.__setattr__(self, f.name, (value,))


@dataclass(frozen=True)
class Defaults:
    """What the caller knows about every record: used when a record does not say."""

    fields: FieldNames
    published: date | None
    source: str | None
    max_bytes: int


def _first(rec: Mapping, names: tuple[str, ...]) -> object | None:
    for name in names:
        value = rec.get(name)
        if value is not None and not (isinstance(value, str) and not value.strip()):
            return value
    return None


def _str(value: object | None) -> str | None:
    return None if value is None else str(value).strip() or None


def record_document(rec: Mapping, origin: str, fallback_id: str, d: Defaults) -> Document | InputError:
    """A Document from one record (a JSON object or a CSV row as a dict)."""
    names = d.fields.text
    present = [n for n in names if n in rec]
    if not present:
        keys = [str(k) for k in list(rec)[:20]]
        have = ", ".join(keys) + (", ..." if len(rec) > 20 else "") if keys else "none"
        return InputError(origin, f"record has no text field ({' or '.join(names)}); its fields are: {have}")
    text = rec[present[0]]
    if text is None:
        return InputError(origin, f"the {present[0]!r} field is empty (null)")
    if not isinstance(text, str):
        return InputError(origin, f"the {present[0]!r} field is not a string (got {type(text).__name__})")
    if not text.strip():
        return InputError(origin, f"the {present[0]!r} field is empty")
    if _SURROGATE.search(text):  # only JSON escapes can make these; they cannot be written out as UTF-8
        log.warning("%s: lone surrogate escapes in the text replaced by U+FFFD", origin)
        text = _SURROGATE.sub("\ufffd", text)
    raw_date = _first(rec, d.fields.date)
    country = _country_code(_first(rec, d.fields.country), origin)
    published = published_date(raw_date, country)
    if raw_date is not None and published is None:
        log.warning("%s: cannot read the date %r; using %s", origin, raw_date, d.published or "no date")
    return Document(
        doc_id=_str(_first(rec, d.fields.id)) or fallback_id,
        text=text,
        published=published or d.published,
        source=_str(_first(rec, d.fields.source)) or d.source,
        url=_str(_first(rec, d.fields.url)),
        title=_str(_first(rec, d.fields.title)),
        origin=origin,
        country=country,
    )


def _country_code(value: object | None, origin: str) -> str | None:
    code = _str(value)
    if code is None:
        return None
    if not re.fullmatch(r"[A-Za-z]{2,3}", code):
        log.warning("%s: outlet country %r is not an ISO 3166 code; ignored", origin, code)
        return None
    return code.upper()


def _lines(f: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; None for a line longer than `limit` bytes, which is skipped, never held whole."""
    lineno = 0
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := f.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield lineno, None
        else:
            yield lineno, line


class _BadLine(Exception):
    def __init__(self, lineno: int, reason: str) -> None:
        super().__init__(reason)
        self.lineno, self.reason = lineno, reason


def _not_utf8(raw: bytes, err: UnicodeDecodeError) -> str:
    bad = raw[err.start : err.start + 1].hex()
    return (
        f"line is not valid UTF-8 (byte 0x{bad} at column {err.start + 1}); re-save the file as UTF-8 "
        "(eventwire does not guess encodings)"
    )


def _text_lines(f: BinaryIO, limit: int) -> Iterator[str]:
    """Decoded lines (endings kept) for the csv module; _BadLine names the physical line that cannot be read."""
    for lineno, raw in _lines(f, limit):
        if raw is None:
            raise _BadLine(lineno, f"line is longer than the {limit:,}-byte limit (max_bytes)")
        if lineno == 1 and raw.startswith(BOM):
            raw = raw[len(BOM) :]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise _BadLine(lineno, _not_utf8(raw, err)) from None


def read_jsonl(path: Path, rel: str, d: Defaults) -> Iterator[Document | InputError]:
    """Documents from a JSON Lines file; a bad line is reported as `path:LINE` and the others still read.

    A `.json` file that holds one JSON array (or one object spread over several lines) is read whole instead,
    provided it is within `max_bytes`; its records are numbered from 1.
    """
    with open(path, "rb") as f:
        head = f.read(HEAD)
        if reason := binary_reason(head):
            yield InputError(str(path), reason)
            return
        if path.suffix.lower() == ".json":
            whole = _whole_json(path, f, head, d.max_bytes)
            if isinstance(whole, InputError):
                yield whole
                return
            if whole is not None:
                yield from _read_values(whole[0], path, rel, d)
                return
        f.seek(0)
        found = False
        for lineno, raw in _lines(f, d.max_bytes):
            origin = f"{path}:{lineno}"
            if raw is None:
                yield InputError(origin, f"line is longer than the {d.max_bytes:,}-byte limit (max_bytes); skipped")
                continue
            if lineno == 1 and raw.startswith(BOM):
                raw = raw[len(BOM) :]
            if not raw.strip():
                continue
            found = True
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                yield InputError(origin, _not_utf8(raw, err))
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as err:
                yield InputError(origin, f"invalid JSON: {err.msg} (column {err.colno})")
                continue
            if not isinstance(rec, dict):
                yield InputError(origin, f"expected a JSON object, got {type(rec).__name__}")
                continue
            yield record_document(rec, origin, f"{rel}:{lineno}", d)
        if not found:
            yield InputError(str(path), "contains no records (only blank lines)")


def _whole_json(path: Path, f: BinaryIO, head: bytes, max_bytes: int) -> tuple[object] | InputError | None:
    """A `.json` file read as one JSON value, when it is one: an array, or an object spread over several lines.

    None means "read it as JSON Lines". An array that is too big or broken is one error for the file; a multi-line
    object that does not parse falls back to line-by-line reading, so a JSON Lines file with a broken first line
    still gives its good lines.
    """
    start = head.lstrip(BOM + b" \t\r\n")[:1]
    if start == b"{":
        try:
            json.loads(head.split(b"\n", 1)[0].lstrip(BOM))
            return None  # a complete object on line 1: JSON Lines
        except ValueError:
            pass
    elif start != b"[":
        return None
    size = path.stat().st_size
    if size > max_bytes:
        if start == b"{":
            return None
        return InputError(
            str(path),
            f"is a JSON array of {size:,} bytes, over the {max_bytes:,}-byte limit (max_bytes); "
            "write it as JSON Lines (one object a line) to stream it",
        )
    f.seek(0)
    data = f.read()
    try:
        return (json.loads(decode_utf8(data)),)
    except UnicodeDecodeError as err:
        return InputError(str(path), undecodable(data, err)) if start == b"[" else None
    except json.JSONDecodeError as err:
        if start == b"{":
            return None
        return InputError(str(path), f"invalid JSON: {err.msg} (line {err.lineno}, column {err.colno})")


def _read_values(value: object, path: Path, rel: str, d: Defaults) -> Iterator[Document | InputError]:
    items = value if isinstance(value, list) else [value]
    for i, rec in enumerate(items, start=1):
        origin = f"{path}:{i}" if isinstance(value, list) else str(path)
        if not isinstance(rec, dict):
            yield InputError(origin, f"expected a JSON object, got {type(rec).__name__}")
            continue
        yield record_document(rec, origin, f"{rel}:{i}" if isinstance(value, list) else rel, d)
    if not items:
        yield InputError(str(path), "contains no records (an empty JSON array)")


def read_csv(path: Path, rel: str, d: Defaults) -> Iterator[Document | InputError]:
    """Documents from a CSV (comma) or TSV (tab) file with a header row; origins are `path:LINE`."""
    with open(path, "rb") as raw:
        if reason := binary_reason(raw.read(HEAD)):
            yield InputError(str(path), reason)
            return
    if csv.field_size_limit() < d.max_bytes:
        csv.field_size_limit(d.max_bytes)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    with open(path, "rb") as f:
        reader = csv.reader(_text_lines(f, d.max_bytes), delimiter=delimiter)
        header: list[str] | None = None
        found = False
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except _BadLine as err:
                yield InputError(f"{path}:{err.lineno}", f"{err.reason}; the rest of the file was skipped")
                return
            except csv.Error as err:
                yield InputError(f"{path}:{start}", f"malformed CSV ({err}); the rest of the file was skipped")
                return
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = [cell.strip() for cell in row]
                if not any(n in header for n in d.fields.text):
                    names = " or ".join(d.fields.text)
                    yield InputError(str(path), f"has no text column ({names}); its columns are: {', '.join(header)}")
                    return
                continue
            found = True
            origin = f"{path}:{start}"
            if len(row) > len(header):
                yield InputError(origin, f"row has {len(row)} fields but the header has {len(header)}")
                continue
            yield record_document(dict(zip(header, row)), origin, f"{rel}:{start}", d)
        if not found:
            yield InputError(str(path), "contains no records (no rows after the header)")
