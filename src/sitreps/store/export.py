"""Merged events out: ACLED-compatible CSV, GeoJSON, Parquet and JSON Lines.

ACLED's CSV uses the column names and codes of ACLED's export files (numeric ``iso``,
``inter1``/``inter2`` actor codes, ``time_precision`` 1-3), filled with what sitreps knows
and left empty where it knows nothing (``region``, ``source_scale``). ``event_id_cnty`` is
the store's event id. Parquet is written by DuckDB's COPY from the same flat rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Final, Literal, TextIO

import pycountry

from .filters import EventFilter
from .store import Store

ExportFormat = Literal["acled-csv", "geojson", "parquet", "jsonl"]
FORMATS: Final[tuple[ExportFormat, ...]] = ("acled-csv", "geojson", "parquet", "jsonl")

ACLED_COLUMNS: Final[tuple[str, ...]] = (
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year",
    "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
    "actor2", "assoc_actor_2", "inter2", "interaction", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "timestamp", "iso3",
)  # fmt: skip

# ACLED's actor type codes ("inter"): 1 state forces ... 8 external/other forces.
_INTER: Final[Mapping[str, int]] = {
    "state_forces": 1, "rebels": 2, "militia": 3, "protesters": 6, "civilians": 7, "other": 8,
}  # fmt: skip
_TIME_PRECISION: Final[Mapping[str, int]] = {"day": 1, "week": 2, "month": 3, "year": 3}


def export(
    store: Store, fmt: ExportFormat, output: Path, filters: EventFilter | None = None
) -> int:
    """Write the events ``filters`` keep to ``output`` in ``fmt``; how many were written."""
    events = store.iter_events(filters)
    if fmt == "jsonl":
        with output.open("w", encoding="utf-8") as out:
            return _write_jsonl(events, out)
    if fmt == "geojson":
        with output.open("w", encoding="utf-8") as out:
            return _write_geojson(events, out)
    if fmt == "acled-csv":
        with output.open("w", encoding="utf-8", newline="") as out:
            return write_acled_csv(events, out)
    return _write_parquet(store, events, output)


def write_acled_csv(events: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """ACLED-style CSV rows, with a header, to ``out``; how many rows were written."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for n, event in enumerate(events, start=1):
        writer.writerow(acled_row(event, data_id=n))
    return n


def acled_row(event: Mapping[str, Any], *, data_id: int) -> dict[str, object]:
    """One merged event as an ACLED row."""
    location = event.get("location") or {}
    code = location.get("country_code")
    country = pycountry.countries.get(alpha_2=code) if code else None
    start = event["date"]["start"]
    actors = _acled_actors(event.get("actors") or [])
    fatalities = event.get("fatalities")
    return {
        "data_id": data_id,
        "iso": int(country.numeric) if country else "",
        "event_id_cnty": event["event_id"],
        "event_id_no_cnty": event["event_id"],
        "event_date": start or "",
        "year": start[:4] if start else "",
        "time_precision": _TIME_PRECISION.get(event["date"]["precision"], ""),
        "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"],
        **actors,
        "region": "",
        "country": location.get("country") or (country.name if country else ""),
        "admin1": location.get("admin1") or "",
        "admin2": location.get("admin2") or "",
        "admin3": location.get("district") or "",
        "location": location.get("name") or "",
        "latitude": location.get("lat") if location.get("lat") is not None else "",
        "longitude": location.get("lon") if location.get("lon") is not None else "",
        "geo_precision": location.get("geo_precision") or "",
        "source": "; ".join(_sources(event)),
        "source_scale": "",
        "notes": event.get("summary") or "",
        # ACLED codes an unknown toll as 0.
        "fatalities": fatalities["best"] if fatalities else 0,
        "timestamp": int(dt.datetime.now(dt.UTC).timestamp()),
        "iso3": country.alpha_3 if country else "",
    }


def _acled_actors(actors: list[Mapping[str, Any]]) -> dict[str, object]:
    first = [a for a in actors if a["role"] == "perpetrator"]
    second = [a for a in actors if a["role"] != "perpetrator"]
    if not first:
        first, second = second[:1], second[1:]
    inter1 = _INTER.get(first[0]["kind"], 8) if first else ""
    inter2 = _INTER.get(second[0]["kind"], 8) if second else 0
    codes = sorted(c for c in (inter1, inter2) if isinstance(c, int) and c)
    return {
        "actor1": first[0]["name"] if first else "",
        "assoc_actor_1": "; ".join(a["name"] for a in first[1:]),
        "inter1": inter1,
        "actor2": second[0]["name"] if second else "",
        "assoc_actor_2": "; ".join(a["name"] for a in second[1:]),
        "inter2": inter2,
        # ACLED writes the two codes as one number, the smaller first ("17"; "10" alone).
        "interaction": int("".join(map(str, codes)).ljust(2, "0")) if codes else "",
    }


def _sources(event: Mapping[str, Any]) -> list[str]:
    # Who gave the figures and claims: the nearest thing to ACLED's sources that the
    # reports themselves state.
    names = [a["source"] for a in event.get("attributions") or [] if a.get("source")]
    names += [e["source"] for e in event.get("timeline") or [] if e.get("source")]
    return list(dict.fromkeys(names))[:8]


def feature(event: Mapping[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON point Feature for an event with coordinates; None without them."""
    location = event.get("location") or {}
    if location.get("lat") is None or location.get("lon") is None:
        return None
    fatalities = event.get("fatalities")
    properties = {
        "event_id": event["event_id"],
        "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"],
        "date": event["date"]["start"],
        "location": location.get("name"),
        "country_code": location.get("country_code"),
        "fatalities": fatalities["best"] if fatalities else None,
        "article_ids": event.get("article_ids", []),
        "summary": event.get("summary"),
    }
    geometry = {"type": "Point", "coordinates": [location["lon"], location["lat"]]}
    return {"type": "Feature", "id": event["event_id"], "geometry": geometry,
            "properties": properties}  # fmt: skip


def _write_geojson(events: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    features = [f for e in events if (f := feature(e)) is not None]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


def _write_jsonl(events: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    n = 0
    for event in events:
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_parquet(store: Store, events: Iterator[Mapping[str, Any]], output: Path) -> int:
    # The flat ACLED rows plus the whole record as JSON, staged in a typed temporary table
    # (allowed on a read-only store) so the file has real INTEGER/DOUBLE/DATE columns.
    names = (*ACLED_COLUMNS, "record")
    columns = ", ".join(f'"{c}" {_PARQUET_TYPES.get(c, "VARCHAR")}' for c in names)
    conn = store.connection
    conn.execute(f"CREATE OR REPLACE TEMPORARY TABLE export_rows ({columns})")
    try:
        rows: list[list[object]] = []
        n = 0
        for n, event in enumerate(events, start=1):
            row = acled_row(event, data_id=n)
            rows.append([*(None if row[c] == "" else row[c] for c in ACLED_COLUMNS),
                         json.dumps(event, ensure_ascii=False)])  # fmt: skip
            if len(rows) >= 1000:
                conn.executemany(f"INSERT INTO export_rows VALUES ({_marks(len(names))})", rows)
                rows.clear()
        if rows:
            conn.executemany(f"INSERT INTO export_rows VALUES ({_marks(len(names))})", rows)
        conn.execute("COPY export_rows TO ? (FORMAT parquet)", [str(output)])
    finally:
        conn.execute("DROP TABLE IF EXISTS export_rows")
    return n


def _marks(n: int) -> str:
    return ", ".join("?" * n)


_PARQUET_TYPES: Final[Mapping[str, str]] = {
    "data_id": "INTEGER", "iso": "INTEGER", "event_date": "DATE", "year": "INTEGER",
    "time_precision": "INTEGER", "inter1": "INTEGER", "inter2": "INTEGER",
    "interaction": "INTEGER", "latitude": "DOUBLE", "longitude": "DOUBLE",
    "geo_precision": "INTEGER", "fatalities": "INTEGER", "timestamp": "BIGINT", "record": "JSON",
}  # fmt: skip
