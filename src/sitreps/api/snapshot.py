"""The store's events as the API lists them, held in memory: one snapshot per store state.

`GET /api/events` answers with the EVENT objects `sitreps events --format json` prints (the
contract's promise), or with ``view=summary`` with their summaries (id, types, dates, place,
toll, links), what the map and its list need. A snapshot reads everything those lists, the
GeoJSON features and the filters need from the store in one query: each event's record as
the store holds it (the very JSON text the command line parses and prints again), and its
summary and feature, each encoded once (the record compressed on its own: deflate.py). It
keeps them in the store's order (first day, then id), so a page is a slice of that list,
joined as bytes: no record is parsed, compressed or read from the file per request.

A snapshot never changes. The reader (reader.py) makes a new one when the store's files
change, and answers cached in a snapshot (``Snapshot.cache``) go with it: nothing cached
can outlive the store state it was read from.

Filtering here must keep exactly what ``EventFilter.where()`` keeps in SQL (the tests hold
the two side by side): the same columns, the same case folding, a missing day or toll
treated the same way. It is done on NumPy arrays of those columns, so that a filter no one
asked for before costs tens of microseconds, not a pass over every event in Python.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import quote

import numpy as np
import numpy.typing as npt

from ..store import EventFilter, Store
from ..store.export import feature
from .deflate import Piece, json_array, piece

# (undated, first day as ISO text, event id): ascending is the store's order, undated last.
SortKey = tuple[bool, str, str]

_ROWS_SQL: Final = """
SELECT event_id, relation, event_type, sub_event_type, date_start, country_code, fatalities,
       json_extract(record, ['$.date', '$.location', '$.fatalities.low', '$.fatalities.best',
                             '$.fatalities.high', '$.article_ids', '$.summary']),
       record
FROM events
"""  # in no order: sorting the records would have DuckDB hold them all at once (see read)
_LOCATION_KEYS: Final = ("name", "country", "country_code", "admin1", "lat", "lon", "geo_precision")
_DATE_KEYS: Final = ("start", "end", "precision")
_MATCHES_KEPT: Final = 256  # filters whose matching rows are remembered


def _dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True, kw_only=True, slots=True)
class Row:
    """One event: what the filters compare, and its record, summary and map feature as JSON."""

    key: SortKey
    event_id: str
    event_type: str  # lower case, as the filter compares it
    sub_event_type: str  # lower case
    day: dt.date | None
    country_code: str | None  # upper case
    country: str | None  # the location's country name, as stored
    fatalities: int  # the merged best; an unknown toll counts as 0, as in the SQL filter
    record: Piece  # the EVENT object with article_ids and timeline, as the store holds it
    summary: bytes
    feature: bytes | None  # None: the event has no coordinates


@dataclass(frozen=True, kw_only=True, slots=True)
class Page:
    """One page (a JSON array of records or summaries), where it starts, how many match."""

    body: bytes  # a page of records as a zlib stream (``deflated``), of summaries as it is
    deflated: bool
    ids: tuple[str, ...]
    total: int
    offset: int
    limit: int
    next_key: SortKey | None  # the last event's key while more remain, else None


def summary(
    *,
    event_id: str,
    relation: str,
    event_type: str,
    sub_event_type: str,
    date: dict[str, Any] | None,
    location: dict[str, Any] | None,
    fatalities: dict[str, Any] | None,
    article_ids: list[str],
) -> dict[str, Any]:
    """The list form of an event: the contract's field names, the heavy parts left out."""
    return {
        "event_id": event_id,
        "relation": relation,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "date": {k: (date or {}).get(k) for k in _DATE_KEYS},
        "location": None if location is None else {k: location.get(k) for k in _LOCATION_KEYS},
        "fatalities": fatalities,
        "article_ids": article_ids,
        "links": {"self": f"/api/events/{quote(event_id, safe='')}"},
    }


def map_feature(event: dict[str, Any]) -> dict[str, Any] | None:
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


def _row(values: tuple[Any, ...]) -> Row:
    event_id, relation, event_type, sub_type, day, code, toll, parts, record = values
    date, location, low, best, high, article_ids, text = (
        None if part is None else json.loads(part) for part in parts
    )
    # A figure-less toll is null in the record; its parts then come back null too.
    fatalities = None if best is None else {"low": low, "best": best, "high": high}
    event = summary(
        event_id=event_id, relation=relation, event_type=event_type,
        sub_event_type=sub_type, date=date, location=location, fatalities=fatalities,
        article_ids=article_ids or [],
    )  # fmt: skip
    lean = {**event, "date": date or {"start": None, "end": None}, "location": location,
            "summary": text}  # fmt: skip
    found = map_feature(lean)
    return Row(
        key=(day is None, day.isoformat() if day else "", event_id),
        event_id=event_id,
        event_type=event_type.lower(),
        sub_event_type=sub_type.lower(),
        day=day,
        country_code=code.upper() if code else None,
        country=(location or {}).get("country"),
        fatalities=toll or 0,
        # The stored text as it is: the same object `sitreps events` prints after parsing it
        # (the store wrote it with the same encoder), without ten thousand parses here.
        record=piece(str(record).encode()),
        summary=_dumps(event),
        feature=None if found is None else _dumps(found),
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class Answer:
    """A response as it is sent: the encoded body and its headers."""

    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)


class AnswerCache:
    """Answers by key, least recently used dropped first, within a byte budget.

    Each answer counts its body and ``_OVERHEAD`` for its key and headers, so that many small
    answers (empty pages of odd queries) cannot grow the cache past its budget either."""

    def __init__(self, budget: int) -> None:
        self._budget = budget
        self._held = 0
        self._items: OrderedDict[Hashable, Answer] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Answer | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: Hashable, answer: Answer) -> None:
        if _size(answer) > self._budget // 4:  # one huge answer would push out the rest
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._held -= _size(old)
            self._items[key] = answer
            self._held += _size(answer)
            while self._held > self._budget:
                _, dropped = self._items.popitem(last=False)
                self._held -= _size(dropped)


_OVERHEAD: Final = 1024  # bytes: a key, a headers dict and the cache's own entry, roughly


def _size(answer: Answer) -> int:
    return len(answer.body) + _OVERHEAD


class _Vocabulary:
    """Small integer ids for the values of a text column (-1: none; -2: a value not there)."""

    def __init__(self, values: Iterable[str | None]) -> None:
        self._ids: dict[str, int] = {}
        for value in values:
            if value is not None:
                self._ids.setdefault(value, len(self._ids))

    def id(self, value: str) -> int:
        return self._ids.get(value, -2)

    def array(self, values: Iterable[str | None]) -> npt.NDArray[np.int64]:
        return np.array([-1 if v is None else self._ids[v] for v in values], dtype=np.int64)


class Snapshot:
    """The events of one store state, in order, with records, summaries, features encoded."""

    def __init__(self, rows: Sequence[Row], *, stamp: object, cache_bytes: int) -> None:
        self.rows = tuple(rows)
        self.stamp = stamp
        self.cache = AnswerCache(cache_bytes)
        self._matches: OrderedDict[EventFilter, npt.NDArray[np.int64]] = OrderedDict()
        self._lock = threading.Lock()
        # The filtered columns as arrays: a new filter is a few vectorized comparisons over
        # all events (tens of microseconds for ten thousand), never a loop over rows.
        codes = _Vocabulary(r.country_code for r in self.rows)
        names = _Vocabulary((r.country or "").lower() or None for r in self.rows)
        kinds = _Vocabulary(
            [*(r.event_type for r in self.rows), *(r.sub_event_type for r in self.rows)]
        )
        self._codes, self._names, self._kinds = codes, names, kinds
        self._code = codes.array(r.country_code for r in self.rows)
        self._name = names.array((r.country or "").lower() or None for r in self.rows)
        self._type = kinds.array(r.event_type for r in self.rows)
        self._sub_type = kinds.array(r.sub_event_type for r in self.rows)
        self._day = np.array([r.day.toordinal() if r.day else -1 for r in self.rows], np.int64)
        self._toll = np.array([r.fatalities for r in self.rows], np.int64)
        self._keys = [r.key for r in self.rows]

    @classmethod
    def read(cls, store: Store, *, stamp: object, cache_bytes: int) -> Snapshot:
        """Every event of ``store``, read in one query.

        The records are most of what is read (ten kilobytes an event, or more): they are
        streamed a batch at a time and put in order here, with one DuckDB thread, which
        keeps the memory the read needs on top of the snapshot to about the snapshot's own
        size (a sorted, parallel read needed three times as much)."""
        conn = store.connection
        # DuckDB draws a progress bar on the server's terminal for a long query.
        conn.execute("SET enable_progress_bar = false")
        conn.execute("SET threads = 1")
        rows: list[Row] = []
        try:
            cursor = conn.execute(_ROWS_SQL)
            while batch := cursor.fetchmany(500):
                rows.extend(_row(values) for values in batch)
        finally:
            conn.execute("RESET threads")  # another reader in this process may share the database
        rows.sort(key=lambda row: row.key)  # the store's order: first day, undated last, id
        return cls(rows, stamp=stamp, cache_bytes=cache_bytes)

    def matching(self, filters: EventFilter) -> npt.NDArray[np.int64]:
        """The positions of the events ``filters`` keeps, in order (remembered per filter)."""
        with self._lock:
            found = self._matches.get(filters)
            if found is not None:
                self._matches.move_to_end(filters)
                return found
        keep = np.ones(len(self.rows), dtype=bool)
        if filters.country is not None:
            keep &= (self._code == self._codes.id(filters.country.upper())) | (
                self._name == self._names.id(filters.country.lower())
            )
        if filters.since is not None:  # an undated event (-1) is before every day
            keep &= self._day >= filters.since.toordinal()
        if filters.until is not None:
            keep &= (self._day >= 0) & (self._day <= filters.until.toordinal())
        if filters.event_type is not None:
            kind = self._kinds.id(filters.event_type.lower())
            keep &= (self._type == kind) | (self._sub_type == kind)
        if filters.min_fatalities is not None:
            keep &= self._toll >= filters.min_fatalities
        found = np.flatnonzero(keep)
        found.flags.writeable = False
        with self._lock:
            self._matches[filters] = found
            while len(self._matches) > _MATCHES_KEPT:
                self._matches.popitem(last=False)
        return found

    def page(
        self,
        filters: EventFilter,
        *,
        limit: int,
        offset: int = 0,
        after: SortKey | None = None,
        full: bool = True,
    ) -> Page:
        """``limit`` records (summaries unless ``full``) from ``offset``, or from just after
        the event keyed ``after``; records come deflated (deflate.py)."""
        found = self.matching(filters)
        if after is not None:  # the rows are in key order: first the row after, then its rank
            offset = int(np.searchsorted(found, bisect.bisect_right(self._keys, after)))
        chosen = [self.rows[i] for i in found[offset : offset + limit].tolist()]
        more = offset + len(chosen) < len(found)
        return Page(
            body=json_array(r.record for r in chosen)
            if full
            else b"[" + b",".join(r.summary for r in chosen) + b"]",
            deflated=full,
            ids=tuple(r.event_id for r in chosen),
            total=len(found),
            offset=offset,
            limit=limit,
            next_key=chosen[-1].key if more and chosen else None,
        )

    def geojson(self, filters: EventFilter) -> bytes:
        """A FeatureCollection (RFC 7946) of the located events ``filters`` keeps."""
        located = (self.rows[i].feature for i in self.matching(filters).tolist())
        features = b",".join(f for f in located if f is not None)
        return b'{"type":"FeatureCollection","features":[' + features + b"]}"

    def countries(self) -> list[dict[str, Any]]:
        """The countries events are stored for, by code, with a name and how many events."""
        counts: dict[str, list[Any]] = {}
        for row in self.rows:
            if row.country_code is None:
                continue
            entry = counts.setdefault(row.country_code, [None, 0])
            entry[0] = entry[0] or row.country
            entry[1] += 1
        return [{"code": code, "name": name, "events": n}
                for code, (name, n) in sorted(counts.items())]  # fmt: skip
