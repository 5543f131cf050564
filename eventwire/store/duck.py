"""The store: coded documents, events, mentions and input errors in one embedded DuckDB file.

Tables (see `records.py` for the column lists, `Store.schema()` for the DDL):

- `documents` — one row per coded article, key `doc_id`; `content_hash` (sha256 of the text) lets a rerun skip
  what it has coded before (`Store.known`).
- `events` — one row per event, key `event_id`: DESIGN's event record with the nested objects spread into flat
  columns (`actor1_name`, `location_lat`, `acled_event_type`, ...) so that analysts query it with plain SQL.
- `mentions` — one row per place a document reports an event, key (`event_id`, `doc_id`, `start`, `end`);
  `start`/`end` are the trigger's character offsets in the document text (quote `"end"` in SQL: it is a keyword).
- `errors` — inputs that could not be read, key (`origin`, `reason`), with the run that last saw them.

Writes come in batches (`Store.add`): one transaction each, bulk `INSERT ... SELECT` from Arrow tables.
A batch is all or nothing, also when the process is killed, and adding a batch again changes nothing.
Only this module imports DuckDB.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from eventwire.store import _arrow
from eventwire.store.records import (
    DOCUMENT_COLUMNS,
    ERROR_COLUMNS,
    EVENT_COLUMNS,
    FLAT_COLUMNS,
    MENTION_COLUMNS,
    MENTION_KEYS,
    as_date,
    content_hash,
    document_record,
    event_record,
    flat_row,
    mention_rows,
    record_from_row,
)
from eventwire.merge.confidence import STATUS_WEIGHT
from eventwire.store.merging import MERGE_TABLES, merge_batch
from eventwire.types import Document, Event, InputError

SCHEMA_VERSION = "1"

_SQL_TYPES = {
    "str": "VARCHAR",
    "int": "INTEGER",
    "bigint": "BIGINT",
    "float": "DOUBLE",
    "date": "DATE",
    "timestamp": "TIMESTAMP",
    "blob": "BLOB",
    "bool": "BOOLEAN",
}

# table -> (columns, primary key)
TABLES: dict[str, tuple[tuple[tuple[str, str], ...], tuple[str, ...]]] = {
    "documents": (DOCUMENT_COLUMNS, ("doc_id",)),
    "events": (EVENT_COLUMNS, ("event_id",)),
    "mentions": (MENTION_COLUMNS, ("event_id", "doc_id", "start", "end")),
    "errors": (ERROR_COLUMNS, ("origin", "reason")),
}

# Filters of `events_frame` / `event_records` beyond the `events` columns themselves.
SPECIAL_FILTERS = ("since", "until", "min_confidence", "doc_id", "source")


def q(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def _cols(columns: Sequence[tuple[str, str]]) -> str:
    return ", ".join(q(name) for name, _ in columns)


def _spec(table: str) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """(columns, primary key) of one of the store's tables."""
    return TABLES[table] if table in TABLES else MERGE_TABLES[table]


def _ddl(table: str) -> str:
    columns, key = _spec(table)
    body = ",\n  ".join(
        f"{q(name)} {_SQL_TYPES[kind]}{' NOT NULL' if name in key else ''}" for name, kind in columns
    )
    return f"CREATE TABLE IF NOT EXISTS {table} (\n  {body},\n  PRIMARY KEY ({', '.join(q(k) for k in key)})\n)"


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)  # TIMESTAMP columns hold UTC


def _last_by(rows: Iterable[Mapping], key: Sequence[str]) -> list[Mapping]:
    """Rows with distinct keys, the last one winning (as if the batch were added row by row)."""
    out: dict[tuple, Mapping] = {}
    for r in rows:
        k = tuple(r[c] for c in key)
        out.pop(k, None)
        out[k] = r
    return list(out.values())


class Store:
    """An embedded DuckDB file holding coded documents, events, mentions and input errors.

    >>> with Store("events.duckdb") as store:
    ...     store.add(documents, events, errors)
    ...     df = store.events_frame(event_type="ASSAULT", since="2022-07-01")

    One `Store` per thread; a DuckDB file is opened for writing by one process at a time.
    """

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False, run_id: str | None = None):
        self.path = str(path)
        self.read_only = read_only
        self.run_id = run_id or uuid.uuid4().hex[:12]
        if self.path != ":memory:" and not read_only:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self._create()

    # -- life cycle ---------------------------------------------------------------------------------------------

    def _create(self) -> None:
        self.con.begin()
        try:
            for table in (*TABLES, *MERGE_TABLES):
                self.con.execute(_ddl(table))
                self._add_new_columns(table)
            self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
            # When an event was first and last reported: a view, so it can never disagree with the mentions.
            self.con.execute(
                "CREATE VIEW IF NOT EXISTS event_reports AS SELECT event_id, min(published) AS first_reported, "
                "max(published) AS last_reported FROM mentions GROUP BY event_id"
            )
            self.con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING", [SCHEMA_VERSION]
            )
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    def _add_new_columns(self, table: str) -> None:
        """A store written by an older eventwire lacks the columns added since (appended last): add them, empty."""
        columns, _key = _spec(table)
        have = self._columns_in(table)
        for name, kind in columns:
            if name not in have:
                self.con.execute(f"ALTER TABLE {table} ADD COLUMN {q(name)} {_SQL_TYPES[kind]}")

    def _columns_in(self, table: str) -> set[str]:
        """The columns the file's table has (an older store may lack some of ours)."""
        return {r[0] for r in self.con.execute(f"DESCRIBE {table}").fetchall()}

    @staticmethod
    def schema() -> str:
        """The DDL of the store's tables."""
        return ";\n\n".join(_ddl(t) for t in TABLES) + ";\n"

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r})"

    # -- writing ------------------------------------------------------------------------------------------------

    def known(self, doc_ids_with_hashes: Mapping[str, str] | Iterable[tuple[str, str]] | Iterable[Document]) -> set[str]:
        """The doc_ids already coded with the same content hash (a rerun skips them).

        Takes a mapping doc_id -> content_hash, (doc_id, content_hash) pairs, or `Document`s (hashed here).
        """
        if isinstance(doc_ids_with_hashes, Mapping):
            pairs = list(doc_ids_with_hashes.items())
        else:
            pairs = [
                (d.doc_id, content_hash(d.text)) if isinstance(d, Document) else (d[0], d[1])
                for d in doc_ids_with_hashes
            ]
        if not pairs:
            return set()
        probe = pa.table(
            {"doc_id": [p[0] for p in pairs], "content_hash": [p[1] for p in pairs]},
            schema=pa.schema([("doc_id", pa.string()), ("content_hash", pa.string())]),
        )
        cur = self.con.cursor()
        try:
            cur.register("_ew_probe", probe)
            rows = cur.execute(
                "SELECT DISTINCT p.doc_id FROM _ew_probe p JOIN documents d "
                "ON d.doc_id = p.doc_id AND d.content_hash = p.content_hash"
            ).fetchall()
        finally:
            cur.close()
        return {r[0] for r in rows}

    def add(
        self,
        documents: Iterable[Document] = (),
        events: Iterable[Event] = (),
        errors: Iterable[InputError] = (),
        *,
        run_id: str | None = None,
        merge: bool = False,
    ) -> dict[str, int]:
        """Write one batch in one transaction; returns how many rows each table gained.

        Idempotent: a document, event or mention whose key is stored already is not stored twice. A document
        whose text changed (same doc_id, other content hash) replaces the old one, and its old mentions go (with
        the events left without any). An event given again replaces its stored fields; its mentions are the
        union of those stored and those given, and num_mentions / num_sources / num_documents count that union.
        Errors are keyed by (origin, reason): seen again, they take the new run_id and time.

        With `merge`, the batch's (per-document) events are merged across documents with each other and with
        the stored events they report (`store.merging`): a stored event keeps its id and gains mentions, and
        num_sources counts near-duplicate documents once. The pipeline adds with `merge=True`.
        """
        now = _now()
        run_id = run_id or self.run_id
        documents = list(documents)
        doc_rows = _last_by(({**document_record(d), "coded_at": now} for d in documents), ("doc_id",))
        events = list(events)
        merged = merge_batch(self.con, documents, events) if merge else None
        if merged is not None:
            events = merged.events
        ev_rows = _last_by((flat_row(event_record(e)) for e in events), ("event_id",))
        last_event = {e.event_id: e for e in events}
        m_rows = [m for e in last_event.values() for m in mention_rows(e)]
        if merged is not None:
            m_rows += merged.joined_mentions
        err_rows = _last_by(
            ({"origin": e.origin, "reason": e.reason, "run_id": run_id, "at": now} for e in errors),
            ("origin", "reason"),
        )
        batch = {
            "_ew_documents": _arrow.table(doc_rows, DOCUMENT_COLUMNS),
            "_ew_events": _arrow.table(ev_rows, EVENT_COLUMNS),
            "_ew_mentions": _arrow.table(m_rows, MENTION_COLUMNS),
            "_ew_errors": _arrow.table(err_rows, ERROR_COLUMNS),
        }
        if merged is not None:
            batch.update({
                "_ew_merge_reasons": _arrow.table(merged.reasons, MERGE_TABLES["merge_reasons"][0]),
                "_ew_doc_minhash": _arrow.table(merged.minhash, MERGE_TABLES["doc_minhash"][0]),
                "_ew_doc_bands": _arrow.table(merged.bands, MERGE_TABLES["doc_bands"][0]),
                "_ew_fatal": pa.table({"event_id": pa.array(list(merged.fatalities), pa.string()),
                                       "fatalities": pa.array(list(merged.fatalities.values()), pa.int32())}),
            })
        con = self.con
        for name, tbl in batch.items():
            con.register(name, tbl)
        try:
            con.begin()
            try:
                before = self.counts()
                touched = self._drop_changed_documents()
                self._insert_documents()
                self._insert_events()
                self._insert_mentions()
                if merged is not None:
                    self._insert_merge_rows()
                    touched = [*touched, *merged.touched]
                self._recount(touched)
                self._insert_errors()
                after = self.counts()
                con.commit()
            except BaseException:
                con.rollback()
                raise
        finally:
            for name in batch:
                con.unregister(name)
        return {k: after[k] - before[k] for k in after}

    def _drop_changed_documents(self) -> list[str]:
        """Mentions of documents whose text changed go, and events left with no mention. Returns the events that
        lost mentions (their counts are redone)."""
        changed = self.con.execute(
            "SELECT d.doc_id FROM documents d JOIN _ew_documents b ON b.doc_id = d.doc_id "
            "WHERE d.content_hash <> b.content_hash"
        ).fetchall()
        if not changed:
            return []
        ids = [r[0] for r in changed]
        marks = ", ".join("?" * len(ids))
        touched = [
            r[0]
            for r in self.con.execute(
                f"SELECT DISTINCT event_id FROM mentions WHERE doc_id IN ({marks})", ids
            ).fetchall()
        ]
        self.con.execute(f"DELETE FROM mentions WHERE doc_id IN ({marks})", ids)
        for table in MERGE_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE doc_id IN ({marks})", ids)
        if touched:
            emarks = ", ".join("?" * len(touched))
            self.con.execute(
                f"DELETE FROM events WHERE event_id IN ({emarks}) "
                "AND event_id NOT IN (SELECT DISTINCT event_id FROM mentions)",
                touched,
            )
        return touched

    def _upsert(self, table: str, source: str, update: Sequence[str] | None) -> None:
        columns, key = TABLES[table]
        cols = _cols(columns)
        sql = f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {source} ON CONFLICT ({', '.join(q(k) for k in key)}) "
        if update:
            sql += "DO UPDATE SET " + ", ".join(f"{q(c)} = excluded.{q(c)}" for c in update)
        else:
            sql += "DO NOTHING"
        self.con.execute(sql)

    def _insert_documents(self) -> None:
        # Metadata given again is refreshed; coded_at changes only when the text did.
        keep = [n for n, _ in DOCUMENT_COLUMNS if n not in ("doc_id", "coded_at")]
        cols = _cols(DOCUMENT_COLUMNS)
        sets = ", ".join(f"{q(c)} = excluded.{q(c)}" for c in keep)
        self.con.execute(
            f"INSERT INTO documents ({cols}) SELECT {cols} FROM _ew_documents ON CONFLICT (doc_id) DO UPDATE SET "
            f"{sets}, coded_at = CASE WHEN documents.content_hash IS DISTINCT FROM excluded.content_hash "
            "THEN excluded.coded_at ELSE documents.coded_at END"
        )

    def _insert_events(self) -> None:
        self._upsert("events", "_ew_events", [c for c in FLAT_COLUMNS if c != "event_id"])

    def _insert_mentions(self) -> None:
        self._upsert("mentions", "_ew_mentions", None)

    def _insert_merge_rows(self) -> None:
        for table, (columns, key) in MERGE_TABLES.items():
            cols = _cols(columns)
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _ew_{table} "
                             f"ON CONFLICT ({', '.join(q(k) for k in key)}) DO NOTHING")
        self.con.execute("UPDATE events SET fatalities = f.fatalities FROM _ew_fatal f WHERE events.event_id = "
                         "f.event_id AND (events.fatalities IS NULL OR events.fatalities < f.fatalities)")

    def _insert_errors(self) -> None:
        self._upsert("errors", "_ew_errors", ["run_id", "at"])

    def _recount(self, touched: Sequence[str]) -> None:
        """num_mentions / num_sources / num_documents (and, for merged events, confidence) of the batch's events
        and of `touched`, from `mentions`. A document that copies another counts as that one's source."""
        extra = pa.table({"event_id": pa.array(list(touched), type=pa.string())})
        weight = " ".join(f"WHEN '{k}' THEN {v}" for k, v in STATUS_WEIGHT.items())
        self.con.register("_ew_touched", extra)
        try:
            self.con.execute(
                f"""
                UPDATE events SET num_mentions = c.n, num_sources = c.ns, num_documents = c.nd,
                       confidence = CASE WHEN c.pc IS NULL THEN events.confidence ELSE round(least(0.99, 1 - (1 - c.pc)
                           * pow(1 - 0.5 * (CASE events.status {weight} ELSE 1.0 END), c.ns - 1)), 3) END
                FROM (
                    SELECT m.event_id, count(*) AS n,
                           count(DISTINCT CASE WHEN h.dup_of IS NOT NULL THEN coalesce(nullif(rd.source, ''), h.dup_of)
                                          ELSE coalesce(nullif(m.source, ''), m.doc_id) END) AS ns,
                           count(DISTINCT m.doc_id) AS nd,
                           max(r.part_confidence) AS pc
                    FROM mentions m
                    LEFT JOIN doc_minhash h ON h.doc_id = m.doc_id
                    LEFT JOIN documents rd ON rd.doc_id = h.dup_of
                    LEFT JOIN merge_reasons r ON r.event_id = m.event_id AND r.doc_id = m.doc_id
                         AND r.start = m.start AND r."end" = m."end"
                    WHERE m.event_id IN (SELECT event_id FROM _ew_events UNION SELECT event_id FROM _ew_touched)
                    GROUP BY m.event_id
                ) c
                WHERE events.event_id = c.event_id
                """
            )
        finally:
            self.con.unregister("_ew_touched")

    # -- reading ------------------------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table: {"documents", "events", "mentions", "errors"}."""
        row = self.con.execute(
            "SELECT " + ", ".join(f"(SELECT count(*) FROM {t})" for t in TABLES)
        ).fetchall()[0]
        return dict(zip(TABLES, (int(n) for n in row)))

    @staticmethod
    def _where(filters: Mapping[str, Any], alias: str = "e") -> tuple[str, list]:
        clauses: list[str] = []
        params: list = []
        kinds = dict(EVENT_COLUMNS)
        for key, value in filters.items():
            if key == "since":
                clauses.append(f'{alias}."date" >= ?')
                params.append(as_date(value))
            elif key == "until":
                clauses.append(f'{alias}."date" <= ?')
                params.append(as_date(value))
            elif key == "min_confidence":
                clauses.append(f"{alias}.confidence >= ?")
                params.append(float(value))
            elif key in ("doc_id", "source"):
                values = list(value) if isinstance(value, (list, tuple, set, frozenset)) else [value]
                marks = ", ".join("?" * len(values))
                clauses.append(f"{alias}.event_id IN (SELECT event_id FROM mentions WHERE {q(key)} IN ({marks}))")
                params.extend(values)
            elif key in kinds:
                col = f"{alias}.{q(key)}"
                conv = as_date if kinds[key] == "date" else (lambda v: v)
                if value is None:
                    clauses.append(f"{col} IS NULL")
                elif isinstance(value, (list, tuple, set, frozenset)):
                    values = [conv(v) for v in value]
                    if not values:
                        clauses.append("FALSE")
                    else:
                        clauses.append(f"{col} IN ({', '.join('?' * len(values))})")
                        params.extend(values)
                else:
                    clauses.append(f"{col} = ?")
                    params.append(conv(value))
            else:
                allowed = ", ".join((*SPECIAL_FILTERS, *FLAT_COLUMNS))
                raise ValueError(f"unknown event filter {key!r}; filters are: {allowed}")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    _ORDER = ' ORDER BY e."date" NULLS LAST, e.event_id'

    def events_frame(self, *, limit: int | None = None, **filters: Any) -> pd.DataFrame:
        """The `events` table (flat columns) as a DataFrame, ordered by date then event_id.

        Filters: any events column (`event_type="ASSAULT"`, `location_country=["UKR", "SYR"]`, `fatalities=None`),
        `since` / `until` (dates, inclusive), `min_confidence`, `doc_id` / `source` (events with a mention there).
        """
        where, params = self._where(filters)
        sql = f"SELECT e.* FROM events e{where}{self._ORDER}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self.con.execute(sql, params).df()

    def event_records(self, *, batch_size: int = 2000, limit: int | None = None, **filters: Any) -> Iterator[dict]:
        """The stored events as records (the shape of `event_record`, mentions included), streamed in order of
        date then event_id. Takes the filters of `events_frame`."""
        where, params = self._where(filters)
        fields = ", ".join(f"{q(k)}: m.{q(k)}" for k in MENTION_KEYS)
        sql = f"""
            SELECT e.*, coalesce(ms.mentions, []) AS _mentions
            FROM events e
            LEFT JOIN (
                SELECT m.event_id, list({{{fields}}} ORDER BY m.seq, m.doc_id, m.start, m."end") AS mentions
                FROM mentions m GROUP BY m.event_id
            ) ms ON ms.event_id = e.event_id
            {where}{self._ORDER}
        """
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        cur = self.con.cursor()  # its own connection: the caller may write while iterating
        try:
            reader = cur.sql(sql, params=params).to_arrow_reader(batch_size)
            for batch in reader:
                for row in batch.to_pylist():
                    mentions = row.pop("_mentions")
                    yield record_from_row(row, mentions)
        finally:
            cur.close()

    def reported(self, event_id: str) -> tuple:
        """(first, last) publication date among the event's mentions (None, None when undated)."""
        rows = self.con.execute(
            "SELECT min(published), max(published) FROM mentions WHERE event_id = ?", [event_id]).fetchall()
        return rows[0] if rows else (None, None)

    def merge_reasons(self, event_id: str) -> list[dict]:
        """Each mention of the event with why it joined (the `reasons` JSON decoded) and, for a document that
        copies another, which one and how similar."""
        import json

        rows = self.con.execute(
            """
            SELECT m.doc_id, m.source, m.published, m.start, m."end", m.trigger, m.sentence, r.part_id,
                   r.part_confidence, r.reasons, h.dup_of, h.similarity
            FROM mentions m
            LEFT JOIN merge_reasons r ON r.event_id = m.event_id AND r.doc_id = m.doc_id AND r.start = m.start
                 AND r."end" = m."end"
            LEFT JOIN doc_minhash h ON h.doc_id = m.doc_id
            WHERE m.event_id = ? ORDER BY m.seq, m.doc_id, m.start
            """,
            [event_id],
        ).fetchall()
        keys = ("doc_id", "source", "published", "start", "end", "trigger", "sentence", "part_id", "part_confidence",
                "reasons", "dup_of", "similarity")
        out = [dict(zip(keys, r)) for r in rows]
        for r in out:
            r["reasons"] = json.loads(r["reasons"]) if r["reasons"] else None
        return out

    def documents_frame(self, *, text: bool = False) -> pd.DataFrame:
        """The `documents` table as a DataFrame (without the article text unless `text=True`)."""
        have = self._columns_in("documents")  # an older store opened read-only lacks the newer columns
        cols = ", ".join(q(n) for n, _ in DOCUMENT_COLUMNS if (text or n != "text") and n in have)
        return self.con.execute(f"SELECT {cols} FROM documents ORDER BY doc_id").df()

    def sql(self, query: str, params: Sequence | Mapping | None = None) -> pd.DataFrame:
        """Any SQL over the store, as a DataFrame (for notebooks)."""
        return self.con.execute(query, params).df() if params is not None else self.con.execute(query).df()


def open_store(path: str | Path = ":memory:", *, read_only: bool = False, run_id: str | None = None) -> Store:
    """Open (creating if needed) the DuckDB store at `path`."""
    return Store(path, read_only=read_only, run_id=run_id)
