"""Which merged events to read: the filters of `sitreps events` and `sitreps export`."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import pycountry


@functools.lru_cache(maxsize=1024)
def country_code(given: str) -> str | None:
    """The ISO 3166 alpha-2 code of a code or a country name ("UA", "ukraine", "UKR"); None
    for a name pycountry does not know. The CLI and the API both filter by this code."""
    try:
        return str(pycountry.countries.lookup(given.strip()).alpha_2)
    except LookupError:
        return None


@dataclass(frozen=True, kw_only=True, slots=True)
class EventFilter:
    """Events to keep; a field left None keeps everything.

    ``country`` is an ISO 3166 alpha-2 code or a country name; ``since`` and ``until``
    bound the event's first day (both inclusive); ``event_type`` matches the event type or
    the sub-event type; ``min_fatalities`` the merged ``best``.
    """

    country: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None
    min_fatalities: int | None = None

    def where(self) -> tuple[str, list[object]]:
        """A SQL condition on the ``events`` table and its parameters."""
        clauses: list[str] = []
        params: list[object] = []
        if self.country is not None:
            clauses.append(
                "(upper(country_code) = upper(?)"
                " OR lower(record->'location'->>'country') = lower(?))"
            )
            params += [self.country, self.country]
        if self.since is not None:
            clauses.append("date_start >= ?")
            params.append(self.since)
        if self.until is not None:
            clauses.append("date_start <= ?")
            params.append(self.until)
        if self.event_type is not None:
            clauses.append("(lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?))")
            params += [self.event_type, self.event_type]
        if self.min_fatalities is not None:
            clauses.append("coalesce(fatalities, 0) >= ?")
            params.append(self.min_fatalities)
        return (" AND ".join(clauses) or "TRUE"), params
