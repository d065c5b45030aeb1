"""Helpers for the store's tests: results built by hand (no model), and a store built once
from the multi-report test set by the real command line."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from sitreps.types import (
    Actor,
    Article,
    Count,
    Event,
    EventDate,
    Evidence,
    Location,
    Report,
    Result,
)

ROOT = Path(__file__).resolve().parents[2]
MULTIREPORT = ROOT / "tests" / "data" / "multireport.jsonl"

KYIV = Location(name="Kyiv", country="Ukraine", country_code="UA", admin1="Kyiv City",
                admin2=None, district=None, lat=50.4547, lon=30.5238, geo_precision=1,
                geonames_id=703448)  # fmt: skip
SOLOMIANSKYI = Location(name="Solomianskyi", country="Ukraine", country_code="UA",
                        admin1="Kyiv City", admin2=None, district="Solomianskyi", lat=50.43,
                        lon=30.45, geo_precision=1, geonames_id=None)  # fmt: skip
ODESA = Location(name="Odesa", country="Ukraine", country_code="UA", admin1="Odesa",
                 admin2=None, district=None, lat=46.4775, lon=30.7326, geo_precision=1,
                 geonames_id=698740)  # fmt: skip
RUSSIA = Actor(name="Military Forces of Russia", role="perpetrator", kind="state_forces",
               country_code="RU")  # fmt: skip


def span(article_id: str, text: str, phrase: str) -> Evidence:
    """The evidence for the first occurrence of ``phrase`` in ``text``."""
    start = text.index(phrase)
    return Evidence.of(article_id, text, start, start + len(phrase))


def event(
    article_id: str,
    text: str,
    *,
    day: str | None,
    where: Location | None,
    end: str | None = None,
    killed: Sequence[tuple[str, int, str]] = (),
    relation: str = "main",
    sub_event_type: str = "Air/drone strike",
    event_type: str = "Explosions/Remote violence",
    precision: str = "day",
    actors: Sequence[Actor] = (RUSSIA,),
    best: int | None = None,
) -> Event:
    """An Event of ``text``; ``killed`` lists (phrase, value, qualifier) figures, the first
    being the article's best unless ``best`` says otherwise."""
    reports = tuple(
        Report(
            value=value,
            qualifier=qualifier,  # type: ignore[arg-type]
            source=None,
            evidence=span(article_id, text, phrase),
        )
        for phrase, value, qualifier in killed
    )
    count = None
    if reports:
        top = best if best is not None else reports[0].value
        count = Count(low=min(r.value for r in reports), best=top, high=None, reports=reports)
    start = dt.date.fromisoformat(day) if day else None
    last = dt.date.fromisoformat(end) if end else start
    return Event(
        event_id=f"{article_id}-{relation}",
        relation=relation,  # type: ignore[arg-type]
        event_type=event_type,
        sub_event_type=sub_event_type,
        date=EventDate(start=start, end=last, precision=precision, text=None),  # type: ignore[arg-type]
        location=where,
        actors=tuple(actors),
        fatalities=count,
        evidence={"event_type": (), "date": (), "location": (), "actors": ()},
        summary=f"summary of {article_id}",
    )


def result(
    article_id: str, text: str, published: str | None, *events: Event, title: str | None = None
) -> Result:
    day = dt.date.fromisoformat(published) if published else None
    article = Article(id=article_id, text=text, title=title, published=day)
    return Result(article=article, events=events)


def sitreps(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the command line in a child process, as a user would."""
    done = subprocess.run(
        [sys.executable, "-m", "sitreps.cli", *map(str, args)],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    if check and done.returncode != 0:
        raise AssertionError(f"sitreps {args} exited {done.returncode}: {done.stderr}")
    return done


def gold_events() -> dict[str, str]:
    """Article id -> gold event of the multi-report test set."""
    lines = MULTIREPORT.read_text(encoding="utf-8").splitlines()
    return {r["id"]: r["gold_event"] for r in map(json.loads, lines)}


@pytest.fixture(scope="session")
def multireport_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the multi-report test set, made by `sitreps ingest` (the model runs once)."""
    db = tmp_path_factory.mktemp("multireport") / "multi.duckdb"
    sitreps("ingest", MULTIREPORT, "--db", db)
    return db


def events_json(db: Path, *args: str) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = json.loads(
        sitreps("events", "--db", db, "--format", "json", *args).stdout
    )
    return events
