"""Exports: ACLED CSV with ACLED's columns, valid GeoJSON, Parquet DuckDB reads, JSON Lines."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from sitreps.store import ACLED_COLUMNS, EventFilter, Store, export

from .conftest import KYIV, ODESA, event, result, sitreps

A = "Russian drones struck Kyiv overnight, killing at least 14 people."
B = "Russian drones hit the port city of Odesa overnight, killing three people."
C = "Gunmen killed two people in a village, police said."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "s.duckdb")
    s.ingest([
        result("a", A, "2025-06-17", event("a", A, day="2025-06-17", where=KYIV,
                                           killed=[("killing at least 14", 14, "at_least")])),
        result("b", B, "2025-06-17", event("b", B, day="2025-06-17", where=ODESA,
                                           killed=[("killing three people", 3, "exact")])),
        # No place: in every export but GeoJSON, which has no point for it.
        result("c", C, "2025-06-19", event("c", C, day="2025-06-19", where=None,
                                           event_type="Violence against civilians",
                                           sub_event_type="Attack", actors=())),
    ])  # fmt: skip
    yield s
    s.close()


def test_acled_csv_has_acleds_columns(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert export(store, "acled-csv", out) == 3
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
        rows = list(reader)
    kyiv = next(r for r in rows if r["location"] == "Kyiv")
    assert (kyiv["iso"], kyiv["iso3"], kyiv["country"]) == ("804", "UKR", "Ukraine")
    assert (kyiv["event_date"], kyiv["year"], kyiv["time_precision"]) == ("2025-06-17", "2025", "1")
    assert (kyiv["actor1"], kyiv["inter1"]) == ("Military Forces of Russia", "1")
    assert kyiv["interaction"] == "10" and kyiv["fatalities"] == "14"
    assert float(kyiv["latitude"]) == KYIV.lat
    placeless = next(r for r in rows if r["sub_event_type"] == "Attack")
    assert placeless["fatalities"] == "0" and placeless["latitude"] == ""


def test_geojson_is_a_feature_collection_of_points(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    assert export(store, "geojson", out) == 2
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert isinstance(feature["properties"]["event_id"], str)
    kyiv = next(f for f in collection["features"] if f["properties"]["location"] == "Kyiv")
    assert kyiv["geometry"]["coordinates"] == [KYIV.lon, KYIV.lat]


def test_parquet_is_readable_by_duckdb(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert export(store, "parquet", out, EventFilter(country="UA")) == 2
    conn = duckdb.connect()
    described = conn.execute("DESCRIBE SELECT * FROM read_parquet(?)", [str(out)]).fetchall()
    types = {name: kind for name, kind, *_ in described}
    assert types["fatalities"] == "INTEGER" and types["event_date"] == "DATE"
    assert types["latitude"] == "DOUBLE"
    rows = conn.execute(
        "SELECT location, fatalities, record->>'event_id' FROM read_parquet(?) ORDER BY 1",
        [str(out)],
    ).fetchall()
    assert [(r[0], r[1]) for r in rows] == [("Kyiv", 14), ("Odesa", 3)]


def test_jsonl_holds_one_event_per_line(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert export(store, "jsonl", out) == 3
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == store.events()


def test_the_export_command_writes_every_format(multireport_db: Path, tmp_path: Path) -> None:
    for fmt, name in (("acled-csv", "e.csv"), ("geojson", "e.geojson"),
                      ("parquet", "e.parquet"), ("jsonl", "e.jsonl")):  # fmt: skip
        out = tmp_path / name
        done = sitreps("export", "--format", fmt, "--output", out, "--db", multireport_db,
                       "--country", "UA", "--min-fatalities", "10")  # fmt: skip
        assert done.returncode == 0 and out.stat().st_size > 0
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(r["iso3"] == "UKR" and int(r["fatalities"]) >= 10 for r in rows)
