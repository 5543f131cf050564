"""`eventwire serve`: a read-only REST API and an offline web map over one store.

Public entry points:

- `create_app(db_path) -> FastAPI` — the app over the DuckDB store at `db_path` (opened read-only);
- `serve(db, host="127.0.0.1", port=8000)` — run it with uvicorn (loopback by default).

Endpoints: `/events` (filters, sort, pages), `/events/{event_id}` (the record with every mention and its evidence
spans), `/events.geojson`, `/stats` (counts by day, type, country), `/admin1/{country}.geojson` (approximate province
outlines derived from GeoNames settlements, `eventwire.geo.outlines`), `/docs` (OpenAPI), and `/` (the map page). The
page's libraries and basemap are npm packages (package.json at the repository root, installed by `npm ci`),
served by the app itself: no CDN, no tile server, nothing fetched at run time.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path


def create_app(db_path: str | Path, **options):
    """The FastAPI app over the store at `db_path` (see `eventwire.serve.app.create_app` for the options)."""
    from eventwire.serve.app import create_app as _create_app

    return _create_app(db_path, **options)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000, *, log_level: str = "info", **options) -> None:
    """Serve the API and map over the store `db` until interrupted."""
    import logging

    import uvicorn

    app = create_app(db, **options)
    if not _is_loopback(host):
        logging.getLogger("eventwire.serve").warning(
            "serving on %s: anyone who can reach this machine can read the store (the API has no authentication)", host
        )
    uvicorn.run(app, host=host, port=port, log_level=log_level)


__all__ = ["create_app", "serve"]
