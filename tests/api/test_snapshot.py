"""The API on stores written by hand: its filters keep what the store's SQL filters keep
(undated events, missing countries and tolls, case), a cursor keeps its place when events
are added, and a store held by a writer still has its lists served."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitreps.api import Reader, create_app
from sitreps.store import EventFilter, Store

COLUMNS = ("event_id, relation, event_type, sub_event_type, date_start, date_end, country_code,"
           " location, fatalities, n_articles, last_published, record, updated_at")  # fmt: skip


def event(
    event_id: str,
    day: str | None,
    *,
    code: str | None = "UA",
    country: str | None = "Ukraine",
    kind: tuple[str, str] = ("Battles", "Armed clash"),
    best: int | None = 3,
    lat: float | None = 50.0,
) -> dict[str, Any]:
    """A merged EVENT record, as small as the contract allows."""
    return {
        "event_id": event_id, "relation": "main", "event_type": kind[0],
        "sub_event_type": kind[1],
        "date": {"start": day, "end": day, "precision": "day" if day else "unknown",
                 "text": "on Monday"},
        "location": {"name": "Somewhere", "country": country, "country_code": code,
                     "admin1": None, "admin2": None, "district": None, "lat": lat,
                     "lon": None if lat is None else 30.0, "geo_precision": 1,
                     "geonames_id": None},
        "actors": [],
        "fatalities": None if best is None else {"low": best, "best": best, "high": None,
                                                 "reports": []},
        "injured": None, "hospitalized": None, "missing": None, "weapons": [], "quotes": [],
        "attributions": [], "evidence": {}, "summary": f"Event {event_id}.",
        "article_ids": [f"a-{event_id}"], "timeline": [],
    }  # fmt: skip


def write(db: Path, events: Sequence[dict[str, Any]]) -> None:
    """``events`` straight into the store's events table (created if need be)."""
    rows = []
    for e in events:
        day = dt.date.fromisoformat(e["date"]["start"]) if e["date"]["start"] else None
        toll = e["fatalities"]["best"] if e["fatalities"] else None
        rows.append((e["event_id"], e["relation"], e["event_type"], e["sub_event_type"], day,
                     day, e["location"]["country_code"], e["location"]["name"], toll, 1, day,
                     json.dumps(e), dt.datetime(2025, 1, 1)))  # fmt: skip
    with Store.open(db) as store:
        store.connection.executemany(
            f"INSERT INTO events ({COLUMNS}) VALUES ({', '.join('?' * 13)})", rows
        )


EVENTS = [
    event("e01", "2025-03-01"),
    event("e02", "2025-03-01", code="ua", kind=("Explosions/Remote violence", "Shelling/artillery/missile attack"), best=None),  # noqa: E501
    event("e03", "2025-02-10", code=None, country="Ukraine", best=0),
    event("e04", None, best=12),
    event("e05", "2025-04-20", code="SO", country="Somalia", kind=("Violence against civilians", "Attack"), best=40, lat=None),  # noqa: E501
    event("e06", None, code=None, country=None, best=None),
    event("e07", "2024-12-31", code="CO", country="Colombia", kind=("Protests", "Peaceful protest"), best=None),  # noqa: E501
    event("e08", "2025-03-02", kind=("Battles", "Government regains territory"), best=5),
]  # fmt: skip


@pytest.fixture(scope="module")
def hand_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("hand") / "hand.duckdb"
    write(db, EVENTS)
    return db


def filters() -> Iterator[EventFilter]:
    days = [None, dt.date(2025, 3, 1), dt.date(2025, 2, 10)]
    for country, since, until, kind, least in itertools.product(
        [None, "UA", "ua", "Ukraine", "ukraine", "SO", "FR"], days, days,
        [None, "Battles", "battles", "Shelling/artillery/missile attack", "Riots"],
        [None, 0, 1, 12],
    ):  # fmt: skip
        yield EventFilter(country=country, since=since, until=until, event_type=kind,
                          min_fatalities=least)  # fmt: skip


def test_the_snapshot_keeps_what_the_stores_sql_keeps(hand_db: Path) -> None:
    snapshot = Reader(hand_db).snapshot()
    with Store.open(hand_db, read_only=True) as store:
        for f in filters():
            expected = [e["event_id"] for e in store.events(f)]
            got = [snapshot.rows[i].event_id for i in snapshot.matching(f).tolist()]
            assert got == expected, f


def test_a_page_of_records_is_what_the_store_gives(hand_db: Path) -> None:
    snapshot = Reader(hand_db).snapshot()
    with Store.open(hand_db, read_only=True) as store:
        for f in itertools.islice(filters(), 0, None, 7):
            page = snapshot.page(f, limit=len(EVENTS))
            assert page.deflated
            assert json.loads(zlib.decompress(page.body)) == store.events(f), f
            summaries = json.loads(snapshot.page(f, limit=len(EVENTS), full=False).body)
            assert [e["event_id"] for e in summaries] == list(page.ids), f


def test_undated_events_come_last_and_only_without_a_date_filter(hand_db: Path) -> None:
    with TestClient(create_app(hand_db)) as client:
        ids = [e["event_id"] for e in client.get("/api/events").json()]
        assert ids == ["e07", "e03", "e01", "e02", "e08", "e05", "e04", "e06"]
        dated = client.get("/api/events?since=2000-01-01").json()
        assert "e04" not in {e["event_id"] for e in dated}
        geojson = client.get("/api/events.geojson").json()
        assert {f["id"] for f in geojson["features"]} == {"e01", "e02", "e03", "e04", "e06",
                                                           "e07", "e08"}  # fmt: skip


def next_url(response: Any) -> str | None:
    link = re.fullmatch(r'<([^>]+)>; rel="next"', response.headers.get("Link", ""))
    return link.group(1) if link else None


def test_a_cursor_keeps_its_place_when_events_are_added(tmp_path: Path) -> None:
    db = tmp_path / "growing.duckdb"
    write(db, [event(f"g{i}", f"2025-05-{i + 10:02d}") for i in range(6)])
    with TestClient(create_app(db)) as client:
        first = client.get("/api/events?limit=3")
        seen = [e["event_id"] for e in first.json()]
        url = next_url(first)
        assert seen == ["g0", "g1", "g2"] and url is not None
        write(db, [event("early", "2025-01-01")])  # before everything seen
        time.sleep(0.05)  # past the reader's pause between looks at the files
        rest = client.get(url)
        assert [e["event_id"] for e in rest.json()] == ["g3", "g4", "g5"]
        assert rest.headers["X-Total-Count"] == "7"
        assert next_url(rest) is None


HOLD = """
import sys, time, duckdb
conn = duckdb.connect(sys.argv[1])
print("holding", flush=True)
sys.stdin.readline()
"""


def test_while_a_writer_holds_the_store_lists_are_still_served(hand_db: Path) -> None:
    with TestClient(create_app(hand_db)) as client:
        listed = client.get("/api/events").json()
        known = client.get("/api/events/e01")
        assert known.status_code == 200
        writer = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(hand_db)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            assert writer.stdout is not None and writer.stdout.readline() == "holding\n"
            assert client.get("/api/events").json() == listed
            assert client.get("/api/events?country=SO").status_code == 200  # new, from memory
            assert client.get("/api/events/e01").json() == known.json()  # cached
            busy = client.get("/api/events/e05")  # needs the file
            assert busy.status_code == 503
            assert busy.headers["Retry-After"] == "1"
            assert "try again" in busy.json()["error"]["message"]
        finally:
            writer.communicate("\n", timeout=30)
        time.sleep(0.05)
        assert client.get("/api/events/e05").status_code == 200


def test_while_a_new_snapshot_is_read_the_last_one_is_served(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from sitreps.api import Snapshot

    db = tmp_path / "changing.duckdb"
    write(db, [event("c1", "2025-05-01")])
    reader = Reader(db)
    old = reader.snapshot()
    write(db, [event("c2", "2025-05-02")])
    time.sleep(0.05)  # past the reader's pause between looks at the files
    reading, release = threading.Event(), threading.Event()
    read = Snapshot.read

    def slow_read(store: Store, **kwargs: Any) -> Snapshot:
        reading.set()
        release.wait(10)
        return read(store, **kwargs)

    monkeypatch.setattr(Snapshot, "read", slow_read)
    results: list[Snapshot] = []
    finder = threading.Thread(target=lambda: results.append(reader.snapshot()))
    finder.start()
    assert reading.wait(10)
    assert reader.snapshot() is old  # not kept waiting behind the read
    release.set()
    finder.join(10)
    assert [r.event_id for r in results[0].rows] == ["c1", "c2"]
    assert reader.snapshot() is results[0]
