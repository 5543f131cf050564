"""Exports of event records: jsonl, csv, parquet, geojson.

Each format is a writer registered by name (`register_format`); `export` opens the output, feeds the writer
the records (from a `Store`, `Event`s or record dicts) and returns what was written. A new format (gdelt,
acled, ...) is one function plus one `register_format` call.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyarrow as pa

from eventwire.store import _arrow
from eventwire.store.acled import write_acled_stream
from eventwire.store.records import EVENT_COLUMNS, FLAT_COLUMNS, flat_row, to_record
from eventwire.types import Event

# Flat export columns: the events table's, then three summaries of the mentions.
CSV_EXTRA_COLUMNS = ("doc_ids", "sources", "evidence")
CSV_COLUMNS = (*FLAT_COLUMNS, *CSV_EXTRA_COLUMNS)


@dataclass(slots=True)
class ExportResult:
    format: str
    written: int  # records (features, rows) written
    skipped: int = 0  # records left out (geojson: events without coordinates)
    out: str | None = None  # the path written, when given a path


# A writer takes the records and an open stream (text or binary, as registered) and returns (written, skipped).
Writer = Callable[[Iterable[dict], IO], "tuple[int, int]"]


@dataclass(slots=True)
class Format:
    name: str
    writer: Writer
    binary: bool = False
    suffix: str = ""
    description: str = ""


_FORMATS: dict[str, Format] = {}


def register_format(name: str, writer: Writer, *, binary: bool = False, suffix: str = "", description: str = "") -> None:
    """Make `name` an export format: `writer(records, stream) -> (written, skipped)`."""
    _FORMATS[name] = Format(name, writer, binary, suffix or f".{name}", description)


def formats() -> list[str]:
    """Names of the export formats."""
    return list(_FORMATS)


def get_format(name: str) -> Format:
    try:
        return _FORMATS[name.lower()]
    except KeyError:
        raise ValueError(f"unknown export format {name!r}; formats are: {', '.join(_FORMATS)}") from None


# --------------------------------------------------------------------------------------------------------------
# Helpers shared by writers (and the API / map)


def first_sentence(record: Mapping) -> str | None:
    ms = record.get("mentions") or ()
    return ms[0].get("sentence") if ms else None


def _unique(values: Iterable) -> list:
    return list(dict.fromkeys(v for v in values if v is not None))


def csv_row(record: Mapping) -> dict:
    """The record as one flat row: the events table's columns plus doc_ids, sources (";"-joined) and evidence."""
    row = flat_row(record)
    ms = record.get("mentions") or ()
    row["doc_ids"] = ";".join(_unique(m.get("doc_id") for m in ms))
    row["sources"] = ";".join(_unique(m.get("source") for m in ms))
    row["evidence"] = first_sentence(record)
    return row


def geojson_feature(record: Mapping) -> dict | None:
    """A GeoJSON Point feature for a located event ([lon, lat]); None when the event has no coordinates.

    Properties: the record with the mention sentences left out but the first one, given as `evidence`.
    """
    loc = record.get("location") or {}
    lat, lon = loc.get("lat"), loc.get("lon")
    if lat is None or lon is None:
        return None
    props = {k: v for k, v in record.items() if k != "mentions"}
    props["evidence"] = first_sentence(record)
    props["mentions"] = [{k: v for k, v in m.items() if k != "sentence"} for m in record.get("mentions") or ()]
    return {
        "type": "Feature",
        "id": record.get("event_id"),
        "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
        "properties": props,
    }


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, allow_nan=False)


def arrow_table(records: Iterable[Mapping]) -> pa.Table:
    """Flat columns (typed as in the store) plus a nested `mentions` list<struct> column."""
    records = list(records)
    flat = _arrow.table((flat_row(r) for r in records), EVENT_COLUMNS)
    return flat.append_column(
        pa.field("mentions", pa.list_(_arrow.MENTION_STRUCT)), _arrow.mentions_array(r.get("mentions") for r in records)
    )


def records_frame(items: Iterable[Event | Mapping]):
    """Events or records as a pandas DataFrame: flat columns plus `mentions` (a list of dicts per row)."""
    return arrow_table(to_record(i) for i in items).to_pandas()


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --------------------------------------------------------------------------------------------------------------
# Writers


def write_jsonl_stream(records: Iterable[dict], out: IO[str]) -> tuple[int, int]:
    n = 0
    for r in records:
        out.write(_dumps(r) + "\n")
        n += 1
    return n, 0


def write_csv_stream(records: Iterable[dict], out: IO[str]) -> tuple[int, int]:
    w = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for r in records:
        w.writerow(csv_row(r))
        n += 1
    return n, 0


def write_parquet_stream(records: Iterable[dict], out: IO[bytes], chunk_size: int = 5000) -> tuple[int, int]:
    import pyarrow.parquet as pq

    schema = arrow_table([]).schema
    n = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as w:
        for chunk in _chunks(records, chunk_size):
            w.write_table(arrow_table(chunk))
            n += len(chunk)
    return n, 0


def write_geojson_stream(records: Iterable[dict], out: IO[str]) -> tuple[int, int]:
    written = skipped = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for r in records:
        feature = geojson_feature(r)
        if feature is None:
            skipped += 1
            continue
        out.write(("\n" if written == 0 else ",\n") + _dumps(feature))
        written += 1
    out.write("\n]}\n")
    return written, skipped


register_format("jsonl", write_jsonl_stream, description="one event record (JSON) a line")
register_format("csv", write_csv_stream, description="flat columns, one event a row")
register_format("parquet", write_parquet_stream, binary=True, description="flat columns plus nested mentions")
register_format("geojson", write_geojson_stream, description="FeatureCollection of located events (Points)")
register_format("acled", write_acled_stream, suffix=".csv",
                description="ACLED's CSV columns and actor names, events in ACLED's scope only")


# --------------------------------------------------------------------------------------------------------------
# Entry points


def _records(source: Any, filters: Mapping[str, Any]) -> Iterable[dict]:
    if hasattr(source, "event_records"):  # a Store
        return source.event_records(**filters)
    if filters:
        raise ValueError("filters need a Store; filter records yourself")
    if isinstance(source, (Event, Mapping)):
        source = [source]
    return (to_record(item) for item in source)


def export(
    store_or_records: Any, fmt: str, out: str | Path | IO, **filters: Any
) -> ExportResult:
    """Write events as `fmt` (see `formats()`) to `out`: a path, "-" for stdout, or an open stream.

    `store_or_records` is a `Store` (with optional `events_frame`-style filters), or `Event`s, or event records.
    """
    f = get_format(fmt)
    records = _records(store_or_records, filters)
    if isinstance(out, (str, Path)) and str(out) != "-":
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        try:
            with open(tmp, "wb") if f.binary else open(tmp, "w", encoding="utf-8", newline="") as stream:
                written, skipped = f.writer(records, stream)
            tmp.replace(path)  # a reader never sees half a file
        finally:
            tmp.unlink(missing_ok=True)
        return ExportResult(f.name, written, skipped, str(path))
    stream = sys.stdout if out == "-" else out
    is_text = isinstance(stream, io.TextIOBase) or hasattr(stream, "encoding")
    if f.binary and is_text:
        if not hasattr(stream, "buffer"):
            raise TypeError(f"{f.name} is a binary format: give a path or a binary stream")
        stream.flush()
        stream = stream.buffer
    if not f.binary and not is_text:
        wrapper = io.TextIOWrapper(stream, encoding="utf-8", newline="")
        try:
            written, skipped = f.writer(records, wrapper)
            wrapper.flush()
        finally:
            wrapper.detach()
        return ExportResult(f.name, written, skipped)
    written, skipped = f.writer(records, stream)
    stream.flush()
    return ExportResult(f.name, written, skipped)


def write_geojson(records: Any, path: str | Path | IO) -> ExportResult:
    """Located events as a GeoJSON FeatureCollection; `skipped` counts events without coordinates."""
    return export(records, "geojson", path)


def export_store(db: str | Path, fmt: str, out: str | Path | IO, **filters: Any) -> ExportResult:
    """For the CLI: open the store at `db` read-only and export its events."""
    from eventwire.store.duck import Store

    with Store(db, read_only=True) as store:
        return export(store, fmt, out, **filters)
