"""The FastAPI application of `sitreps serve`: the store's events over HTTP, and the map.

    GET /                        the dashboard (sitreps/web/index.html and its static files)
    GET /api/events              EVENT objects with article_ids and timeline, as
                                 `sitreps events --format json` prints them (or, with
                                 view=summary, their summaries), a page at a time
    GET /api/events.geojson      the located events as a GeoJSON FeatureCollection of points
    GET /api/events/{event_id}   one event in full, with the reason each report joined it
    GET /api/articles/{id}       an article's text and every evidence span pointing into it
    GET /api/countries           the countries events are stored for (the page's filter)
    GET /openapi.json            this API described (no /docs: its viewer would load from a CDN)

Read-only: every route is a GET. Bad parameters are 400 with a JSON body
``{"error": {"status", "parameter", "message"}}``; an unknown id is 404 in the same shape, and
a full record asked for while an ingest holds the store is 503 (with ``Retry-After``).
``/api/events`` stays a JSON array as the contract says; its paging is in headers:
``X-Total-Count``, ``X-Offset``, ``X-Limit``, ``X-Next-Cursor`` and ``Link: <...>; rel="next"``.

Answers are encoded once and sent as bytes (no response model is validated): the lists come
from the reader's in-memory snapshot without leaving the event loop, and an answer already
made for the same store state is sent from its cache.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import gc
import json
import zlib
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import StoreError
from ..store import EventFilter, Store
from .deflate import accepts_deflate
from .params import (
    FILTERS,
    PAGING,
    ApiError,
    event_filter,
    openapi,
    read,
)
from .reader import Reader, dumps
from .snapshot import Answer, Page, Snapshot, SortKey

WEB: Final = Path(__file__).resolve().parent.parent / "web"
# Everything the page loads comes from sitreps itself.
_SECURITY_HEADERS: Final = (
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
     b" connect-src 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
)  # fmt: skip
_ITEM: Final = {
    "type": "object",
    "description": "an EVENT object with article_ids and timeline, as `sitreps events --format"
    " json` prints it; with view=summary, its summary: event_id, relation, event_type,"
    " sub_event_type, date {start, end, precision}, location {name, country, country_code,"
    " admin1, lat, lon, geo_precision} or null, fatalities {low, best, high} or null,"
    " article_ids, links {self}",
}
_ARRAY: Final = {"type": "array", "items": _ITEM}
_JSON: Final = "application/json"


def _error(
    status: int, message: str, parameter: str | None = None, headers: dict[str, str] | None = None
) -> Response:
    body = {"error": {"status": status, "parameter": parameter, "message": message}}
    return Response(dumps(body), status_code=status, media_type=_JSON, headers=headers)


def encode_cursor(key: SortKey) -> str:
    """An opaque token for "the events after this one": its first day and id."""
    undated, day, event_id = key
    raw = json.dumps([None if undated else day, event_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(token: str) -> SortKey:
    """The key a cursor from ``encode_cursor`` stands for; ApiError (400) for anything else."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        day, event_id = json.loads(raw)
        if day is not None:
            day = dt.date.fromisoformat(day).isoformat()
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise ApiError(
            400, "cursor: not a cursor this API gave; follow the Link header", parameter="cursor"
        ) from None
    if not isinstance(event_id, str):
        raise ApiError(400, "cursor: not a cursor this API gave", parameter="cursor")
    return (day is None, day or "", event_id)


class SecurityHeaders:
    """Adds the page's security headers to every response (plain ASGI: no per-request task)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", ()), *_SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


Make = Callable[[Snapshot], Answer | None]


async def answer(reader: Reader, key: Hashable, make: Make, *, reads_file: bool) -> Answer | None:
    """The answer cached under ``key`` for the store as it is, or ``make``'s, then cached.

    A cached answer, or one made from the snapshot alone, is made on the event loop (it
    takes well under a millisecond); reading a new snapshot or the store file (``reads_file``)
    is done on a worker thread."""
    snapshot = reader.current()
    if snapshot is not None:
        hit = snapshot.cache.get(key)
        if hit is not None:
            return hit
        if not reads_file:
            return _fill(snapshot, key, make)
    return await run_in_threadpool(lambda: _fill(reader.snapshot(), key, make))


def _fill(snapshot: Snapshot, key: Hashable, make: Make) -> Answer | None:
    made = snapshot.cache.get(key) or make(snapshot)
    if made is not None:
        snapshot.cache.put(key, made)
    return made


def create_app(db: Path) -> FastAPI:
    """The application serving the store at ``db`` (checked now: StoreError if unusable)."""
    Store.open(db, read_only=True).close()
    reader = Reader(db)
    reader.snapshot()  # read now, so that the first requests do not wait for it
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
    app.add_middleware(SecurityHeaders)
    return app


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return _error(exc.status, exc.message, exc.parameter)

    @app.exception_handler(StoreError)
    async def store_busy(request: Request, exc: StoreError) -> Response:
        # DuckDB's own message names the file and the process holding it: not for clients.
        message = "the store cannot be read just now (an ingest may be writing to it); try again"
        return _error(503, message, headers={"Retry-After": "1"})

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0]
        parameter = str(first["loc"][-1]) if first.get("loc") else None
        given = first.get("input")
        message = f"{parameter}: {first['msg']}" + (f" (got {given!r})" if given else "")
        return _error(400, message, parameter)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(exc.status_code, str(exc.detail))


def _link_query(filters: EventFilter, *, view: str, cursor: str, limit: int) -> str:
    """The query string of the next page: the filters as the API read them, then the paging."""
    pairs: list[tuple[str, object]] = [
        ("country", filters.country), ("since", filters.since), ("until", filters.until),
        ("type", filters.event_type), ("min_fatalities", filters.min_fatalities),
        ("view", None if view == "full" else view), ("cursor", cursor), ("limit", limit),
    ]  # fmt: skip
    return urlencode([(k, str(v)) for k, v in pairs if v is not None], quote_via=quote)


def _page_answer(page: Page, filters: EventFilter, *, view: str, body: bytes) -> Answer:
    headers = {"X-Total-Count": str(page.total), "X-Offset": str(page.offset),
               "X-Limit": str(page.limit)}  # fmt: skip
    if page.deflated:  # sent deflated or not, as the request's Accept-Encoding says
        headers["Vary"] = "Accept-Encoding"
    if page.next_key is not None:
        cursor = encode_cursor(page.next_key)
        query = _link_query(filters, view=view, cursor=cursor, limit=page.limit)
        headers["X-Next-Cursor"] = cursor
        headers["Link"] = f'</api/events?{query}>; rel="next"'
    return Answer(body=body, headers=headers)


def _send(found: Answer | None, media_type: str = _JSON) -> Response:
    assert found is not None  # a list is always answered; an unknown id is raised before
    return Response(found.body, media_type=media_type, headers=found.headers)


async def _record(
    reader: Reader, kind: str, record_id: str, read: Callable[[str], dict[str, Any] | None]
) -> Response:
    """One stored record (an event or an article) read from the file once, then cached; 404
    when the store has none by that id."""

    def make(snapshot: Snapshot) -> Answer | None:
        record = read(record_id)
        return None if record is None else Answer(body=dumps(record))

    found = await answer(reader, (kind, record_id), make, reads_file=True)
    if found is None:
        raise ApiError(404, f"no {kind} {record_id!r}", parameter=f"{kind}_id")
    return _send(found)


def _routes(app: FastAPI, reader: Reader) -> None:
    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(WEB / "index.html", media_type="text/html")

    @app.get(
        "/api/events",
        summary="Merged events, a page at a time",
        response_class=Response,
        responses={200: {"content": {_JSON: {"schema": _ARRAY}}}},
        openapi_extra=openapi([*FILTERS, *PAGING]),
    )
    async def events(request: Request) -> Response:
        """EVENT objects with ``article_ids`` and ``timeline``, by first day then id, as
        `sitreps events --format json` prints them for the same filters; with view=summary,
        a lean summary of each (the whole record is at its ``links.self``).

        Paging is in headers: ``X-Total-Count``, ``X-Offset``, and while more remain
        ``X-Next-Cursor`` and ``Link: <url>; rel="next"`` (a cursor keeps its place when
        events are added before it; ``offset`` does not)."""
        values = read(request.query_params, (*FILTERS, *PAGING))
        filters = event_filter(values)
        offset, limit, view = values["offset"], values["limit"], values["view"]
        after = None if values["cursor"] is None else decode_cursor(values["cursor"])
        if after is not None and offset:
            raise ApiError(400, "give cursor or offset, not both", parameter="offset")
        full = view == "full"

        def make(snapshot: Snapshot) -> Answer:
            found = snapshot.page(filters, limit=limit, offset=offset, after=after, full=full)
            return _page_answer(found, filters, view=view, body=found.body)

        key = ("events", filters, offset, after, limit, view)
        found = await answer(reader, key, make, reads_file=False)
        if not full:
            return _send(found)
        assert found is not None
        if accepts_deflate(request.headers.get("accept-encoding")):
            headers = {**found.headers, "Content-Encoding": "deflate"}
            return Response(found.body, media_type=_JSON, headers=headers)

        # Inflating is one pass in C over the page (about 3 ms a megabyte of JSON), kept in
        # the cache too: a client that asks for a page again is not made to wait again. The
        # page is made again from the snapshot it is cached in, which may be newer.
        def inflated(snapshot: Snapshot) -> Answer:
            page = make(snapshot)
            return Answer(body=zlib.decompress(page.body), headers=page.headers)

        return _send(await answer(reader, (*key, "identity"), inflated, reads_file=False))

    @app.get(
        "/api/events.geojson",
        summary="Located events as GeoJSON points",
        response_class=Response,
        responses={200: {"content": {"application/geo+json": {"schema": {"type": "object"}}}}},
        openapi_extra=openapi(FILTERS),
    )
    async def events_geojson(request: Request) -> Response:
        """A FeatureCollection (RFC 7946) of every matching event that has coordinates."""
        filters = event_filter(read(request.query_params, FILTERS))
        found = await answer(
            reader,
            ("geojson", filters),
            lambda s: Answer(body=s.geojson(filters)),
            reads_file=False,
        )
        return _send(found, "application/geo+json")

    @app.get(
        "/api/events/{event_id}",
        summary="One event in full",
        response_class=Response,
        responses={200: {"content": {_JSON: {"schema": {"type": "object"}}}}},
    )
    async def event(event_id: str) -> Response:
        """The EVENT object with ``merges``: why each report joined (or founded) it."""
        return await _record(reader, "event", event_id, reader.event)

    @app.get(
        "/api/articles/{article_id}",
        summary="One article and its evidence spans",
        response_class=Response,
        responses={200: {"content": {_JSON: {"schema": {"type": "object"}}}}},
    )
    async def article(article_id: str) -> Response:
        """The article's text, and ``spans``: every evidence span (start, end, text, field,
        event_id) pointing into it; ``text[start:end]`` is each span's text."""
        return await _record(reader, "article", article_id, reader.article)

    @app.get("/api/countries", summary="Countries with events", response_class=Response)
    async def countries() -> Response:
        make = lambda s: Answer(body=dumps(s.countries()))  # noqa: E731
        return _send(await answer(reader, ("countries",), make, reads_file=False))


def serve(db: Path, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the store at ``db`` until interrupted."""
    import uvicorn

    app = create_app(db)
    # What is loaded by now (the libraries, the first snapshot) lives as long as the server:
    # keep it out of the collector's full passes, which would otherwise stall every request
    # in flight for tens of milliseconds now and then.
    gc.collect()
    gc.freeze()
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="info",
        # One line per request on the terminal costs more than answering from the cache.
        access_log=False,
        # loop and http stay "auto": uvloop and httptools (dependencies) when installed.
        # Keep-alive past uvicorn's 5 s: a dashboard (or a client pool under load) reuses idle
        # connections, and one closed by the server just as it is reused is a failed request.
        timeout_keep_alive=60,
        # Room for a burst of new connections (the kernel caps it at somaxconn).
        backlog=4096,
    )
