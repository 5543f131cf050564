"""The FastAPI app: a read-only JSON API over one store, the map page and its assets.

Read-only twice over: the DuckDB file is opened `read_only` with file access and configuration changes locked,
and the app has GET routes only. Every filter is a `?` parameter (see `query.py`). Bounds: page size <= 500,
offset <= 100,000, GeoJSON <= 20,000 features, text filters <= 200 characters, and each query is interrupted after
`timeout_s` seconds (503) so that no request scans for ever.
"""

import contextlib
import json
import threading
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import Depends, FastAPI, Path as PathParam, Query, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

from eventwire.geo.outlines import UnknownCountry, admin1_boundaries
from eventwire.serve.assets import PACKAGES, AssetsMissing, find_node_modules
from eventwire.serve.control import add_control_routes
from eventwire.serve.query import (
    ACLED_TYPES,
    PLOVER_TYPES,
    SORTS,
    STATUSES,
    EventFilters,
    FilterError,
    highlights,
    parse_bbox,
    split_values,
)
from eventwire.store.records import MENTION_KEYS, record_from_row

STATIC = Path(__file__).parent / "static"
MAX_PAGE = 500
MAX_OFFSET = 100_000
MAX_FEATURES = 20_000
MAX_DAYS = 40_000
MAX_TEXT = 200

# A map feature's properties (name, SQL over the events table); the full record is one click away.
FEATURE_PROPERTIES = (
    ("event_id", "e.event_id"), ("event_type", "e.event_type"), ("cameo", "e.cameo"), ("date", 'e."date"'),
    ("actor1", "coalesce(e.actor1_name, e.actor1_text)"), ("actor2", "coalesce(e.actor2_name, e.actor2_text)"),
    ("place", "coalesce(e.location_name, e.location_text)"), ("country", "e.location_country"),
    ("fatalities", "e.fatalities"), ("num_sources", "e.num_sources"),
)  # fmt: skip


class QueryTimeout(RuntimeError):
    pass


class StoreReader:
    """The store attached read-only to an in-memory DuckDB, plus two in-memory lookup tables built at start:

    - `EVENTS_BY_DATE`: the events sorted by date (when the store has at most `cache_max_events`), so that pages
      sorted by date and date ranges (the map of a brushed period) read a few row groups instead of all;
    - `MENTION_ROWS`: (event_id, rowid) of the mentions sorted and indexed by event_id, so that one event's
      evidence is found without scanning every mention (the store's mentions key starts with event_id but is
      composite).

    Then file access and configuration changes are switched off. A cursor per query (thread-safe), each query
    interrupted after `timeout_s` seconds."""

    EVENTS_BY_DATE = "memory.main.ew_events_by_date"
    MENTION_ROWS = "memory.main.ew_mention_rows"

    def __init__(self, path: Path, timeout_s: float = 5.0, cache_max_events: int = 2_000_000):
        self.path = path
        self.timeout_s = timeout_s
        self.con = duckdb.connect(":memory:")
        try:
            quoted = str(path).replace("'", "''")
            self.con.execute(f"ATTACH '{quoted}' AS store (READ_ONLY)")
            tables = {
                r[0]
                for r in self.con.execute(
                    "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'store'"
                ).fetchall()
            }
            missing = {"events", "mentions", "documents"} - tables
            if missing:
                raise ValueError(f"{path} is not an eventwire store (no {', '.join(sorted(missing))} table)")
            n = self.con.execute("SELECT count(*) FROM store.events").fetchone()[0]
            self.sorted_events = n <= cache_max_events
            if self.sorted_events:
                self.con.execute(
                    f'CREATE TABLE {self.EVENTS_BY_DATE} AS SELECT * FROM store.events ORDER BY "date", event_id'
                )
            self.con.execute(
                f"CREATE TABLE {self.MENTION_ROWS} AS SELECT event_id, rowid AS rid FROM store.mentions ORDER BY event_id"
            )
            self.con.execute(f"CREATE INDEX ew_mention_rows_event ON {self.MENTION_ROWS} (event_id)")
            self.con.execute("SET enable_external_access = false")
            self.con.execute("SET lock_configuration = true")
        except BaseException:
            self.con.close()
            raise
        # the table that pages and features are read from
        self.events_for_pages = self.EVENTS_BY_DATE if self.sorted_events else "events"

    def rows(self, sql: str, params: list | None = None) -> list[dict]:
        cur = self.con.cursor()
        timer = threading.Timer(self.timeout_s, cur.interrupt)
        timer.start()
        try:
            cur.execute("USE store")
            cur.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]
        except duckdb.InterruptException:
            raise QueryTimeout(
                f"the query ran past the {self.timeout_s:g} s bound; narrow the filters (dates, type, country, bbox)"
            ) from None
        finally:
            timer.cancel()
            cur.close()

    def close(self) -> None:
        self.con.close()


# -- response models (for the OpenAPI document; handlers return JSON directly) -------------------------------------


class Actor(BaseModel):
    text: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    inferred: bool | None = None  # country and sector guessed from a pronoun or the setting


class Location(BaseModel):
    text: str | None = None
    name: str | None = None
    geonameid: int | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None


class Acled(BaseModel):
    event_type: str | None = None
    sub_event_type: str | None = None


class EventSummary(BaseModel):
    event_id: str
    event_type: str | None = None
    mode: str | None = None
    context: str | None = None
    cameo: str | None = None
    acled: Acled | None = None
    status: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Location | None = None
    fatalities: int | None = None
    num_mentions: int | None = None
    num_sources: int | None = None
    num_documents: int | None = None
    confidence: float | None = None


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    sort: str
    events: list[EventSummary]


class Mention(BaseModel):
    doc_id: str | None = None
    source: str | None = None
    published: str | None = None
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None
    trigger: str | None = None
    status: str | None = None
    title: str | None = None
    url: str | None = None
    highlights: list[dict] = []


class EventDetail(EventSummary):
    mentions: list[Mention]
    evidence: str | None = None  # the first mention's sentence
    sources: list[str] = []


class Count(BaseModel):
    key: str | None
    count: int


class Stats(BaseModel):
    total: int
    located: int
    first_date: str | None
    last_date: str | None
    by_day: list[Count]
    by_type: list[Count]
    by_country: list[Count]
    truncated: bool


class Problem(BaseModel):
    detail: str


class SecurityHeaders:
    """Adds nosniff / no framing / no referrer to every response (plain ASGI: bodies pass through untouched)."""

    HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"), (b"referrer-policy", b"no-referrer")]

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + self.HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


# -- helpers -----------------------------------------------------------------------------------------------------------


def _summary(row: dict) -> dict:
    rec = record_from_row(row)
    rec.pop("mentions", None)
    return rec


def _bad(param: str, msg: str, value: Any = None) -> JSONResponse:
    return JSONResponse(
        status_code=422,
        content={"detail": [{"type": "value_error", "loc": ["query", param], "msg": msg, "input": value}]},
    )


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


TEXT = Annotated[str | None, Query(max_length=MAX_TEXT)]


def create_app(
    db_path: str | Path,
    *,
    node_modules: str | Path | None = None,
    cors_origins: list[str] | tuple[str, ...] = (),
    timeout_s: float = 5.0,
    cache_max_events: int = 2_000_000,
) -> FastAPI:
    """The API and map over the store at `db_path`, opened read-only.

    `node_modules`: where `npm ci` put the page's libraries (found beside the repository by default; raises
    `AssetsMissing` with what to do when they are not there). `cors_origins`: origins allowed to call the API
    from other pages (none by default: closed). `timeout_s`: the bound on one query's run time.
    `cache_max_events`: up to this many events, a copy sorted by date is kept in memory for pages and maps
    (about 350 MB per million events); above it, they are read from the store as it is.
    """
    path = Path(db_path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such store (make one with `eventwire run INPUT… --db {path}`)")
    assets = find_node_modules(node_modules)
    reader = StoreReader(path, timeout_s, cache_max_events)
    store_types = {r["t"] for r in reader.rows("SELECT DISTINCT event_type AS t FROM events") if r["t"]}
    known_types = set(PLOVER_TYPES) | store_types

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        reader.close()

    app = FastAPI(
        lifespan=lifespan,
        title="eventwire",
        summary="Read-only API over an eventwire store: one record per event, with its evidence.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
    )
    app.state.reader = reader
    app.state.db_path = str(path)
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET"], allow_headers=[])

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(FilterError)
    async def filter_error(request: Request, exc: FilterError):
        return _bad(exc.param, exc.msg, exc.value)

    @app.exception_handler(QueryTimeout)
    async def timeout(request: Request, exc: QueryTimeout):
        return JSONResponse(status_code=503, content={"detail": str(exc)})

    # -- filters shared by /events, /events.geojson and /stats --------------------------------------------------

    def filters(
        since: Annotated[date | None, Query(description="First day, YYYY-MM-DD (inclusive).")] = None,
        until: Annotated[date | None, Query(description="Last day, YYYY-MM-DD (inclusive).")] = None,
        event_type: Annotated[
            list[str] | None,
            Query(max_length=MAX_TEXT, description="PLOVER type(s), repeated or comma-separated: ASSAULT,COERCE."),
        ] = None,
        cameo: Annotated[str | None, Query(max_length=4, description="CAMEO code prefix: 19, 190, 0874.")] = None,
        acled: Annotated[
            list[str] | None,
            Query(max_length=MAX_TEXT, description="ACLED event type(s): " + "; ".join(ACLED_TYPES) + "."),
        ] = None,
        status: Annotated[
            list[str] | None, Query(max_length=MAX_TEXT, description="Status(es): " + ", ".join(STATUSES) + ".")
        ] = None,
        actor: Annotated[str | None, Query(max_length=MAX_TEXT, description="Words of either actor's name.")] = None,
        actor_country: Annotated[str | None, Query(max_length=3, description="Either actor's ISO3 country.")] = None,
        actor_sector: Annotated[str | None, Query(max_length=5, description="Either actor's sector: GOV, MIL, REB…")] = None,
        country: Annotated[str | None, Query(max_length=3, description="ISO3 country of the event's place.")] = None,
        admin1: Annotated[str | None, Query(max_length=MAX_TEXT, description="Admin1 name of the event's place.")] = None,
        bbox: Annotated[
            str | None, Query(max_length=100, description="min_lon,min_lat,max_lon,max_lat (WGS84 degrees).")
        ] = None,
        q: Annotated[str | None, Query(max_length=MAX_TEXT, description="Words of an evidence sentence.")] = None,
        min_sources: Annotated[int | None, Query(ge=1, le=100_000, description="At least this many sources.")] = None,
    ) -> EventFilters:
        f = EventFilters(
            since=since,
            until=until,
            event_type=split_values(event_type),
            cameo=cameo,
            acled=split_values(acled),
            status=split_values(status),
            actor=actor,
            actor_country=actor_country,
            actor_sector=actor_sector,
            country=country,
            admin1=admin1,
            bbox=parse_bbox(bbox),
            q=q,
            min_sources=min_sources,
        )
        return f.check(known_types)

    Filters = Annotated[EventFilters, Depends(filters)]
    filter_names = set(filters.__annotations__) - {"return"}

    def only(*extra: str, with_filters: bool = True):
        """Refuse query parameters the endpoint does not know (a typo would silently match everything)."""
        allowed = (filter_names if with_filters else set()) | set(extra)

        def check(request: Request) -> None:
            unknown = sorted(set(request.query_params) - allowed)
            if unknown:
                raise FilterError(
                    unknown[0],
                    f"unknown query parameter {unknown[0]!r}; known: {', '.join(sorted(allowed)) or 'none'}",
                )

        return Depends(check)

    # -- API ------------------------------------------------------------------------------------------------------

    @app.get(
        "/events",
        response_model=EventPage,
        dependencies=[only("sort", "limit", "offset")],
        responses={422: {"description": "A filter value is invalid (the message says which and why)."}, 503: {"model": Problem}},
        summary="Events matching the filters, one page at a time",
    )
    def events(
        f: Filters,
        sort: Annotated[str, Query(description="Sort key: " + ", ".join(SORTS) + ".")] = "-date",
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size (at most {MAX_PAGE}).")] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description=f"Events to skip (at most {MAX_OFFSET}).")] = 0,
    ):
        if sort not in SORTS:
            raise FilterError("sort", f"unknown sort {sort!r}; sorts: {', '.join(SORTS)}", sort)
        where, params = f.where()
        total = reader.rows(f"SELECT count(*) AS n FROM events e{where}", params)[0]["n"]
        rows = reader.rows(
            f"SELECT e.* FROM {reader.events_for_pages} e{where} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        page = [_summary(r) for r in rows]
        return JSONResponse({"total": total, "limit": limit, "offset": offset, "sort": sort, "events": page})

    @app.get(
        "/events.geojson",
        dependencies=[only("limit")],
        responses={
            200: {"description": "A GeoJSON FeatureCollection of located events (Points), largest first; "
                  "`total` counts all located matches, `truncated` says whether `limit` cut them.",
                  "content": {"application/geo+json": {}}},
            422: {"description": "A filter value is invalid."},
            503: {"model": Problem},
        },
        summary="Located events as GeoJSON points",
    )
    def events_geojson(
        f: Filters,
        limit: Annotated[int, Query(ge=1, le=MAX_FEATURES, description=f"At most this many features (<= {MAX_FEATURES}).")] = 5000,
    ):
        where, params = f.where()
        located = "e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL"
        where = f"{where} AND {located}" if where else f" WHERE {located}"
        total = reader.rows(f"SELECT count(*) AS n FROM events e{where}", params)[0]["n"]
        # the features are written by DuckDB's JSON functions: a month of a large store is thousands of them
        props = ", ".join(f"'{name}', {expr}" for name, expr in FEATURE_PROPERTIES)
        got = reader.rows(
            "SELECT count(*) AS shown, coalesce(string_agg(json_object('type', 'Feature', 'id', e.event_id, 'geometry', "
            "json_object('type', 'Point', 'coordinates', json_array(round(e.location_lon, 5), round(e.location_lat, 5))), "
            f"'properties', json_object({props}))::VARCHAR, ',' ORDER BY {SORTS['-num_sources']}), '') AS features "
            f"FROM (SELECT * FROM {reader.events_for_pages} e{where} ORDER BY {SORTS['-num_sources']} LIMIT ?) e",
            [*params, limit],
        )[0]
        features, shown = got["features"], got["shown"]
        head = json.dumps({"type": "FeatureCollection", "total": total, "truncated": total > shown})
        body = head[:-1] + ', "features": [' + features + "]}"
        return Response(body, media_type="application/geo+json")

    @app.get(
        "/events/{event_id}",
        response_model=EventDetail,
        dependencies=[only(with_filters=False)],
        responses={404: {"model": Problem, "description": "No event with this id."}},
        summary="One event with all its mentions and evidence spans",
    )
    def event(event_id: Annotated[str, PathParam(max_length=64, description="The event's stable id.")]):
        rows = reader.rows("SELECT * FROM events WHERE event_id = ?", [event_id])
        if not rows:
            return JSONResponse(status_code=404, content={"detail": f"no event {event_id!r} in this store"})
        rec = record_from_row(rows[0])
        cols = ", ".join(f"m.{k}" if k not in ("start", "end") else f'm."{k}"' for k in MENTION_KEYS)
        mentions = reader.rows(
            f"SELECT {cols}, m.status, d.title, d.url FROM mentions m LEFT JOIN documents d ON d.doc_id = m.doc_id "
            f"WHERE m.rowid IN (SELECT rid FROM {reader.MENTION_ROWS} WHERE event_id = ?) "
            'ORDER BY m.seq, m.doc_id, m.start, m."end"',
            [event_id],
        )
        out = []
        for m in mentions:
            m = {k: _iso(v) for k, v in m.items()}
            m["highlights"] = highlights(m.get("sentence") or "", m, rec)
            out.append(m)
        rec["mentions"] = out
        rec["sources"] = sorted({m["source"] for m in out if m.get("source")})
        rec["evidence"] = out[0]["sentence"] if out else None
        return JSONResponse(rec)

    @app.get(
        "/stats",
        response_model=Stats,
        dependencies=[only()],
        responses={422: {"description": "A filter value is invalid."}, 503: {"model": Problem}},
        summary="Counts of the matching events by day, type and country",
    )
    def stats(f: Filters):
        where, params = f.where()
        groups = reader.rows(
            'SELECT grouping(e."date", e.event_type, e.location_country) AS g, e."date" AS day, e.event_type AS type, '
            "e.location_country AS country, count(*) AS count, count(e.location_lat) AS located, "
            f'min(e."date") AS first_date, max(e."date") AS last_date FROM events e{where} '
            'GROUP BY GROUPING SETS ((e."date"), (e.event_type), (e.location_country), ())',
            params,
        )
        # grouping() bits: date 4, event_type 2, country 1 (a bit set = not grouped by that column)
        head = next((r for r in groups if r["g"] == 7), {"count": 0, "located": 0, "first_date": None, "last_date": None})
        by_day = sorted(({"key": r["day"], "count": r["count"]} for r in groups if r["g"] == 3 and r["day"]), key=lambda r: r["key"])
        by_type = sorted(({"key": r["type"], "count": r["count"]} for r in groups if r["g"] == 5), key=lambda r: (-r["count"], r["key"] or ""))
        by_country = sorted(({"key": r["country"], "count": r["count"]} for r in groups if r["g"] == 6), key=lambda r: (-r["count"], r["key"] or ""))
        return JSONResponse(
            {
                "total": head["count"],
                "located": head["located"],
                "first_date": _iso(head["first_date"]),
                "last_date": _iso(head["last_date"]),
                "by_day": [{"key": _iso(r["key"]), "count": r["count"]} for r in by_day[:MAX_DAYS]],
                "by_type": by_type,
                "by_country": by_country,
                "truncated": len(by_day) > MAX_DAYS,
            }
        )

    @app.get(
        "/admin1/{country}.geojson",
        dependencies=[only(with_filters=False)],
        responses={
            200: {"description": "A GeoJSON Feature: a MultiLineString of the approximate boundaries between the "
                  "country's admin1 units (provinces, oblasts, states), derived from GeoNames settlements; "
                  "`properties.approximate` is true.", "content": {"application/geo+json": {}}},
            404: {"model": Problem, "description": "No country with this code."},
        },
        summary="Approximate province (admin1) outlines of one country, for the map",
    )
    def admin1_outlines(
        country: Annotated[
            str, PathParam(pattern="^[A-Za-z]{2,3}$", description="ISO 3166-1 alpha-3 or alpha-2 code: UKR, UA.")
        ],
    ):
        try:
            feature = admin1_boundaries(country)
        except UnknownCountry as e:
            return JSONResponse(status_code=404, content={"detail": str(e)})
        return Response(
            json.dumps(feature, separators=(",", ":")),
            media_type="application/geo+json",
            headers={"Cache-Control": "max-age=86400"},
        )

    # territorial control: /control and /control/{place} (eventwire/serve/control.py)
    add_control_routes(app, reader, only(with_filters=False), only("at", with_filters=False))

    # -- page, assets, docs ---------------------------------------------------------------------------------------

    page_headers = {
        "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        "Cache-Control": "no-cache",
    }

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html", media_type="text/html", headers=page_headers)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="eventwire API",
            swagger_js_url="/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/vendor/swagger-ui/favicon-32x32.png",
        )

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for prefix, folder in PACKAGES.items():
        app.mount(f"/vendor/{prefix}", StaticFiles(directory=assets / folder), name=f"vendor-{prefix}")
    return app


__all__ = ["create_app", "AssetsMissing", "StoreReader", "QueryTimeout"]
