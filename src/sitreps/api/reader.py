"""The store as the API reads it: opened read-only for each request, paged in a stable order.

DuckDB connections are not safe to share between threads, and the server answers requests
on a pool of threads, so each request opens its own read-only connection and closes it
(a few milliseconds). Between requests the file is not held, so `sitreps ingest` can add
to a store that is being served.

The store reads every matching event; a page of them needs LIMIT and OFFSET, so this module
adds that one query on the ``events`` table (same filter, same order as ``Store.events``).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..store import EventFilter, Store
from ..store.export import feature

_ORDER = "ORDER BY date_start NULLS LAST, event_id"


@dataclass(frozen=True, kw_only=True, slots=True)
class Page:
    """One page of events, and how many match in all."""

    events: list[str]  # each EVENT object as the store holds it, JSON text
    total: int
    offset: int
    limit: int
    body: bytes = b""  # the page as a JSON array, encoded once (a cached page is served as is)

    def json(self) -> bytes:
        """The page as a JSON array, written without parsing the stored records."""
        return self.body or ("[" + ",".join(self.events) + "]").encode()

    @property
    def next_offset(self) -> int | None:
        end = self.offset + len(self.events)
        return end if end < self.total else None


class Reader:
    """Read-only access to the store at ``path``, one connection per call.

    Pages are kept in memory, within a byte budget, for as long as the store's files are
    unchanged: a dashboard asks for the same few pages again and again, and an ingest into
    the served store changes the files' stamps, which empties the cache.
    """

    def __init__(self, path: Path, *, cache_bytes: int = 64 * 2**20) -> None:
        self.path = path
        self._cache: OrderedDict[tuple[Any, ...], Page] = OrderedDict()
        self._cache_bytes = cache_bytes
        self._cached = 0
        self._stamp: tuple[int, ...] = ()
        self._lock = threading.Lock()

    def _files_stamp(self) -> tuple[int, ...]:
        stamp: list[int] = []
        for file in (self.path, self.path.with_name(self.path.name + ".wal")):
            try:
                info = file.stat()
            except OSError:
                stamp += [0, 0]
            else:
                stamp += [info.st_mtime_ns, info.st_size]
        return tuple(stamp)

    def _cached_page(self, key: tuple[Any, ...]) -> Page | None:
        stamp = self._files_stamp()
        with self._lock:
            if stamp != self._stamp:
                self._cache.clear()
                self._cached, self._stamp = 0, stamp
                return None
            page = self._cache.get(key)
            if page is not None:
                self._cache.move_to_end(key)
            return page

    def _keep(self, key: tuple[Any, ...], page: Page) -> None:
        size = len(page.body)
        if size > self._cache_bytes // 4:
            return
        with self._lock:
            self._cache[key] = page
            self._cached += size
            while self._cached > self._cache_bytes and self._cache:
                _, old = self._cache.popitem(last=False)
                self._cached -= len(old.body)

    @contextmanager
    def store(self) -> Iterator[Store]:
        with Store.open(self.path, read_only=True) as store:
            yield store

    def page(self, filters: EventFilter, *, offset: int, limit: int) -> Page:
        """The events ``filters`` keep, ``limit`` of them from ``offset``, by date then id."""
        where, params = filters.where()
        key = (where, tuple(params), offset, limit)
        cached = self._cached_page(key)
        if cached is not None:
            return cached
        page = self._read_page(where, params, offset=offset, limit=limit)
        self._keep(key, page)
        return page

    def _read_page(self, where: str, params: list[Any], *, offset: int, limit: int) -> Page:
        with self.store() as store:
            conn = store.connection
            row = conn.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()
            rows = conn.execute(
                f"SELECT record FROM events WHERE {where} {_ORDER} LIMIT ? OFFSET ?",
                [*params, limit, offset],
            ).fetchall()
        events = [str(record) for (record,) in rows]
        return Page(
            events=events,
            total=int(row[0]) if row else 0,
            offset=offset,
            limit=limit,
            body=("[" + ",".join(events) + "]").encode(),
        )

    def geojson(self, filters: EventFilter) -> dict[str, Any]:
        """A FeatureCollection of the events ``filters`` keep that have coordinates."""
        with self.store() as store:
            features = [_feature(e) for e in store.iter_events(filters)]
        return {"type": "FeatureCollection", "features": [f for f in features if f]}

    def event(self, event_id: str) -> dict[str, Any] | None:
        with self.store() as store:
            return store.event(event_id)

    def article(self, article_id: str) -> dict[str, Any] | None:
        with self.store() as store:
            return store.article(article_id)

    def countries(self) -> list[dict[str, Any]]:
        """The countries events are stored for, with how many events each."""
        with self.store() as store:
            rows = store.connection.execute(
                "SELECT upper(country_code), any_value(record->'location'->>'country'), count(*)"
                " FROM events WHERE country_code IS NOT NULL GROUP BY 1 ORDER BY 1"
            ).fetchall()
        return [{"code": code, "name": name, "events": n} for code, name, n in rows]


def _feature(event: dict[str, Any]) -> dict[str, Any] | None:
    """The export's point Feature, with what the map and its timeline also show."""
    found = feature(event)
    if found is None:
        return None
    fatalities = event.get("fatalities") or {}
    found["properties"].update(
        date_end=event["date"]["end"],
        fatalities_low=fatalities.get("low"),
        fatalities_high=fatalities.get("high"),
        country=(event.get("location") or {}).get("country"),
    )
    return found
