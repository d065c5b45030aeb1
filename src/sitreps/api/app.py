"""The FastAPI application of `sitreps serve`: the store's events over HTTP, and the map.

    GET /                        the dashboard (sitreps/web/index.html and its static files)
    GET /api/events              EVENT objects with article_ids and timeline, a page at a time
    GET /api/events.geojson      the located events as a GeoJSON FeatureCollection of points
    GET /api/events/{event_id}   one event in full, with the reason each report joined it
    GET /api/articles/{id}       an article's text and every evidence span pointing into it
    GET /api/countries           the countries events are stored for (the page's filter)
    GET /openapi.json            this API described (no /docs: its viewer would load from a CDN)

Read-only: every route is a GET. Bad parameters are 400 with a JSON body
``{"error": {"status", "parameter", "message"}}``; an unknown id is 404 in the same shape.
``/api/events`` stays a JSON array as the contract says; its paging is in headers:
``X-Total-Count``, ``X-Offset``, ``X-Limit`` and a ``Link: <...>; rel="next"``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Final

import pycountry
from fastapi import FastAPI, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from .. import __version__
from ..store import EventFilter, Store
from ..taxonomy import EVENT_TYPES, SUB_EVENT_TYPES
from .reader import Reader

MAX_LIMIT: Final = 1000
DEFAULT_LIMIT: Final = 100
WEB: Final = Path(__file__).resolve().parent.parent / "web"
# Everything the page loads comes from sitreps itself.
_CSP: Final = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
    " connect-src 'self'; frame-ancestors 'none'"
)
_ARRAY: Final = {"type": "array", "items": {"type": "object", "description": "an EVENT"}}
_TYPES: Final = {t.lower(): t for t in (*EVENT_TYPES, *SUB_EVENT_TYPES)}


class ApiError(Exception):
    """A request that cannot be answered: its HTTP status, the parameter at fault, why."""

    def __init__(self, status: int, message: str, *, parameter: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.parameter = parameter


def _error(status: int, message: str, parameter: str | None = None) -> JSONResponse:
    body = {"error": {"status": status, "parameter": parameter, "message": message}}
    return JSONResponse(body, status_code=status)


Country = Annotated[
    str | None,
    Query(description="ISO 3166 alpha-2 code (UA) or a country name (Ukraine)", max_length=100),
]
Since = Annotated[dt.date | None, Query(description="events from this day on (YYYY-MM-DD)")]
Until = Annotated[dt.date | None, Query(description="events up to this day (YYYY-MM-DD)")]
Type = Annotated[
    str | None, Query(description="an ACLED event type or sub-event type", max_length=100)
]
MinFatalities = Annotated[
    int | None, Query(ge=0, description="events whose toll (best) is at least this")
]


def event_filter(
    country: str | None,
    since: dt.date | None,
    until: dt.date | None,
    event_type: str | None,
    min_fatalities: int | None,
) -> EventFilter:
    """The store's filter for these query parameters; ApiError (400) for a bad one."""
    if country is not None:
        country = country.strip()
        try:
            country = pycountry.countries.lookup(country).alpha_2
        except LookupError:
            raise ApiError(
                400, f"unknown country {country!r}: give an ISO code (UA) or a name (Ukraine)",
                parameter="country",
            ) from None  # fmt: skip
    if event_type is not None and event_type.strip().lower() not in _TYPES:
        raise ApiError(
            400, f"unknown event type {event_type!r}: give one of ACLED's event types or"
            f" sub-event types ({', '.join(EVENT_TYPES)}, ...)", parameter="type",
        )  # fmt: skip
    if since is not None and until is not None and since > until:
        raise ApiError(400, f"since ({since}) is after until ({until})", parameter="since")
    return EventFilter(
        country=country, since=since, until=until,
        event_type=_TYPES[event_type.strip().lower()] if event_type else None,
        min_fatalities=min_fatalities,
    )  # fmt: skip


def create_app(db: Path) -> FastAPI:
    """The application serving the store at ``db`` (checked now: StoreError if unusable)."""
    Store.open(db, read_only=True).close()
    reader = Reader(db)
    app = FastAPI(
        title="sitreps",
        version=__version__,
        description="Merged conflict events with the evidence behind every figure (read-only).",
        docs_url=None,
        redoc_url=None,
    )
    _handlers(app)
    _routes(app, reader)
    app.mount("/static", StaticFiles(directory=WEB), name="static")

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = _CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    return app


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.message, exc.parameter)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0]
        parameter = str(first["loc"][-1]) if first.get("loc") else None
        given = first.get("input")
        message = f"{parameter}: {first['msg']}" + (f" (got {given!r})" if given else "")
        if parameter == "limit" and first.get("type") == "less_than_equal":
            message = f"limit: at most {MAX_LIMIT} events a page; follow the Link header"
        return _error(400, message, parameter)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))


def _routes(app: FastAPI, reader: Reader) -> None:
    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(WEB / "index.html", media_type="text/html")

    @app.get(
        "/api/events",
        summary="Merged events, a page at a time",
        response_class=Response,
        responses={200: {"content": {"application/json": {"schema": _ARRAY}}}},
    )
    def events(
        request: Request,
        country: Country = None,
        since: Since = None,
        until: Until = None,
        type: Type = None,
        min_fatalities: MinFatalities = None,
        offset: Annotated[int, Query(ge=0, description="events to skip")] = 0,
        limit: Annotated[
            int, Query(ge=1, le=MAX_LIMIT, description=f"events per page (at most {MAX_LIMIT})")
        ] = DEFAULT_LIMIT,
    ) -> Response:
        """EVENT objects with ``article_ids`` and ``timeline``, by first day then id.

        Paging is in headers: ``X-Total-Count``, and ``Link: <url>; rel="next"`` while more
        remain."""
        filters = event_filter(country, since, until, type, min_fatalities)
        found = reader.page(filters, offset=offset, limit=limit)
        headers = {"X-Total-Count": str(found.total), "X-Offset": str(offset),
                   "X-Limit": str(limit)}  # fmt: skip
        if found.next_offset is not None:
            url = request.url.include_query_params(offset=found.next_offset, limit=limit)
            headers["Link"] = f'<{url.path}?{url.query}>; rel="next"'
        return Response(found.json(), media_type="application/json", headers=headers)

    @app.get("/api/events.geojson", summary="Located events as GeoJSON points")
    def events_geojson(
        country: Country = None,
        since: Since = None,
        until: Until = None,
        type: Type = None,
        min_fatalities: MinFatalities = None,
    ) -> JSONResponse:
        """A FeatureCollection (RFC 7946) of every matching event that has coordinates."""
        filters = event_filter(country, since, until, type, min_fatalities)
        return JSONResponse(reader.geojson(filters), media_type="application/geo+json")

    @app.get("/api/events/{event_id}", summary="One event in full")
    def event(event_id: str) -> dict[str, Any]:
        """The EVENT object with ``merges``: why each report joined (or founded) it."""
        record = reader.event(event_id)
        if record is None:
            raise ApiError(404, f"no event {event_id!r}", parameter="event_id")
        return record

    @app.get("/api/articles/{article_id}", summary="One article and its evidence spans")
    def article(article_id: str) -> dict[str, Any]:
        """The article's text, and ``spans``: every evidence span (start, end, text, field,
        event_id) pointing into it; ``text[start:end]`` is each span's text."""
        record = reader.article(article_id)
        if record is None:
            raise ApiError(404, f"no article {article_id!r}", parameter="article_id")
        return record

    @app.get("/api/countries", summary="Countries with events")
    def countries() -> list[dict[str, Any]]:
        return reader.countries()


def serve(db: Path, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the store at ``db`` until interrupted."""
    import uvicorn

    # Keep-alive past uvicorn's 5 s: a dashboard (or a client pool under load) reuses idle
    # connections, and one closed by the server just as it is reused is a failed request.
    uvicorn.run(create_app(db), host=host, port=port, log_level="info", timeout_keep_alive=60)
