"""The query parameters of the event lists, read and checked by hand, and described once.

FastAPI's own query parameters cost about a millisecond a request for the eleven of
`/api/events` (it inspects each parameter's annotation again on every request), more than
answering from the cache. So the list routes take the request and read their parameters
with ``read``; the same ``QueryParam`` table gives OpenAPI its description of them
(``openapi``), and an error reads as FastAPI's would: a 400 naming the parameter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

from ..store import EventFilter
from ..store.filters import country_code
from ..taxonomy import EVENT_TYPES, SUB_EVENT_TYPES

DEFAULT_LIMIT: Final = 50
MAX_LIMIT: Final = 500  # events a page, records or summaries (both come from memory)
_TYPES: Final = {t.lower(): t for t in (*EVENT_TYPES, *SUB_EVENT_TYPES)}
_DAY: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_INTEGER: Final = re.compile(r"[+-]?\d{1,12}")


class ApiError(Exception):
    """A request that cannot be answered: its HTTP status, the parameter at fault, why."""

    def __init__(self, status: int, message: str, *, parameter: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.parameter = parameter


@dataclass(frozen=True, kw_only=True, slots=True)
class QueryParam:
    """One optional query parameter: its type, bounds and description."""

    name: str
    kind: Literal["string", "date", "integer"]
    description: str
    default: int | str | None = None
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    choices: tuple[str, ...] = ()
    over_maximum: str | None = None  # what to say to a value over ``maximum``

    def openapi(self) -> dict[str, Any]:
        """This parameter as an OpenAPI 3 parameter object."""
        schema: dict[str, Any] = {"type": self.kind}
        if self.kind == "date":
            schema = {"type": "string", "format": "date"}
        for key, value in (("default", self.default), ("minimum", self.minimum),
                           ("maximum", self.maximum), ("maxLength", self.max_length)):  # fmt: skip
            if value is not None:
                schema[key] = value
        if self.choices:
            schema["enum"] = list(self.choices)
        return {"name": self.name, "in": "query", "required": False,
                "description": self.description, "schema": schema}  # fmt: skip

    def parse(self, raw: str) -> int | str | dt.date:
        """The value of ``raw``; ApiError (400) when it is not one this parameter takes."""
        got = f" (got {raw!r})" if raw else ""
        if self.kind == "date":
            if _DAY.fullmatch(raw):
                try:
                    return dt.date.fromisoformat(raw)
                except ValueError:
                    pass  # the shape of a day (2025-13-01) but not a day
            raise self.error(f"Input should be a valid date in the format YYYY-MM-DD{got}")
        if self.kind == "integer":
            if not _INTEGER.fullmatch(raw.strip()):
                raise self.error(f"Input should be a valid integer{got}")
            number = int(raw)
            if self.minimum is not None and number < self.minimum:
                raise self.error(f"Input should be greater than or equal to {self.minimum}{got}")
            if self.maximum is not None and number > self.maximum:
                raise self.error(
                    self.over_maximum or f"Input should be less than or equal to {self.maximum}"
                )
            return number
        if self.max_length is not None and len(raw) > self.max_length:
            raise self.error(f"String should have at most {self.max_length} characters")
        if self.choices and raw not in self.choices:
            raise self.error(f"Input should be {' or '.join(map(repr, self.choices))}{got}")
        return raw

    def error(self, message: str) -> ApiError:
        return ApiError(400, f"{self.name}: {message}", parameter=self.name)


FILTERS: Final = (
    QueryParam(name="country", kind="string", max_length=100,
               description="ISO 3166 alpha-2 code (UA) or a country name (Ukraine)"),
    QueryParam(name="since", kind="date", description="events from this day on (YYYY-MM-DD)"),
    QueryParam(name="until", kind="date", description="events up to this day (YYYY-MM-DD)"),
    QueryParam(name="type", kind="string", max_length=100,
               description="an ACLED event type or sub-event type"),
    QueryParam(name="min_fatalities", kind="integer", minimum=0,
               description="events whose toll (best) is at least this"),
)  # fmt: skip
PAGING: Final = (
    QueryParam(name="offset", kind="integer", minimum=0, default=0,
               description="events to skip"),
    QueryParam(name="cursor", kind="string", max_length=500,
               description="from just after the event this cursor names (X-Next-Cursor, or"
               " the Link header, of the page before)"),
    QueryParam(name="limit", kind="integer", minimum=1, maximum=MAX_LIMIT,
               default=DEFAULT_LIMIT,
               over_maximum=f"at most {MAX_LIMIT} events a page; follow the Link header",
               description=f"events per page (at most {MAX_LIMIT})"),
    QueryParam(name="view", kind="string", choices=("full", "summary"), default="full",
               description="full: EVENT objects with article_ids and timeline, as `sitreps"
               " events --format json` prints them; summary: what a map or a list needs of"
               " each (id, types, dates, place, toll, article_ids, links.self)"),
)  # fmt: skip


def openapi(params: Sequence[QueryParam]) -> dict[str, Any]:
    """The ``openapi_extra`` of a route that reads ``params`` itself."""
    return {"parameters": [p.openapi() for p in params]}


def read(query: Mapping[str, str], params: Sequence[QueryParam]) -> dict[str, Any]:
    """Each of ``params`` from ``query``, checked, or its default; others are ignored."""
    values: dict[str, Any] = {}
    for param in params:
        raw = query.get(param.name)
        if raw is None:
            values[param.name] = param.default
        else:
            values[param.name] = param.parse(raw)
    return values


def event_filter(values: Mapping[str, Any]) -> EventFilter:
    """The store's filter for the values of ``FILTERS``; ApiError (400) for a bad one."""
    country: str | None = values.get("country")
    since: dt.date | None = values.get("since")
    until: dt.date | None = values.get("until")
    event_type: str | None = values.get("type")
    if country is not None:
        code = country_code(country)
        if code is None:
            raise ApiError(
                400, f"unknown country {country.strip()!r}: give an ISO code (UA) or a name"
                " (Ukraine)", parameter="country",
            )  # fmt: skip
        country = code
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
        min_fatalities=values.get("min_fatalities"),
    )  # fmt: skip
