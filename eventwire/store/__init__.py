"""The store stage: event records, the DuckDB store, exports. The only stage that knows DuckDB."""

from eventwire.store.duck import Store, open_store
from eventwire.store.export import (
    ExportResult,
    export,
    export_store,
    formats,
    geojson_feature,
    records_frame,
    register_format,
    write_geojson,
)
from eventwire.store.records import content_hash, document_record, event_record, flat_row, record_from_row

__all__ = [
    "Store",
    "open_store",
    "content_hash",
    "event_record",
    "document_record",
    "flat_row",
    "record_from_row",
    "export",
    "export_store",
    "write_geojson",
    "formats",
    "register_format",
    "geojson_feature",
    "records_frame",
    "ExportResult",
]
