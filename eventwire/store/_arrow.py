"""Arrow tables from record rows, with fixed types (an all-null column still gets its type)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pyarrow as pa

from eventwire.store.records import MENTION_KEYS, as_date

ARROW_TYPES: dict[str, pa.DataType] = {
    "str": pa.string(),
    "int": pa.int32(),
    "bigint": pa.int64(),
    "float": pa.float64(),
    "date": pa.date32(),
    "timestamp": pa.timestamp("us"),
    "blob": pa.binary(),
    "bool": pa.bool_(),
}

# The mentions of a record as one nested column (Parquet export, DataFrames).
MENTION_STRUCT = pa.struct(
    [
        ("doc_id", pa.string()),
        ("source", pa.string()),
        ("published", pa.date32()),
        ("sentence", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("sentence_start", pa.int32()),
        ("sentence_end", pa.int32()),
        ("trigger", pa.string()),
    ]
)
assert tuple(f.name for f in MENTION_STRUCT) == MENTION_KEYS


def schema(columns: Sequence[tuple[str, str]]) -> pa.Schema:
    return pa.schema([(name, ARROW_TYPES[kind]) for name, kind in columns])


def _column(values: list, kind: str) -> pa.Array:
    if kind == "date":
        values = [as_date(v) for v in values]
    return pa.array(values, type=ARROW_TYPES[kind])


def table(rows: Iterable[Mapping], columns: Sequence[tuple[str, str]]) -> pa.Table:
    """An Arrow table with exactly `columns` (name, kind), in order; missing keys are null."""
    rows = list(rows)
    arrays = [_column([r.get(name) for r in rows], kind) for name, kind in columns]
    return pa.Table.from_arrays(arrays, schema=schema(columns))


def mentions_array(mention_lists: Iterable[Sequence[Mapping]]) -> pa.Array:
    """One list<struct> value per record, from the records' `mentions`."""
    values = [
        [{**m, "published": as_date(m.get("published"))} for m in (ms or ())] for ms in mention_lists
    ]
    return pa.array(values, type=pa.list_(MENTION_STRUCT))
