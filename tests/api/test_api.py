"""`sitreps serve`'s API on a store of the sample reports: what `sitreps events --format json`
prints (and summaries of it with view=summary), filters, paging, errors, GeoJSON, and article
spans that are the text's own words."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitreps.api import DEFAULT_LIMIT, MAX_LIMIT
from sitreps.store import EventFilter, Store


def stored(db: Path, **filters: Any) -> list[dict[str, Any]]:
    with Store.open(db, read_only=True) as store:
        return store.events(EventFilter(**filters))


def summary_of(event: dict[str, Any]) -> dict[str, Any]:
    """What the list gives of a stored event: the contract's names, the heavy parts left out."""
    location, fatalities = event["location"], event["fatalities"]
    return {
        "event_id": event["event_id"],
        "relation": event["relation"],
        "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"],
        "date": {k: event["date"][k] for k in ("start", "end", "precision")},
        "location": None if location is None else {
            k: location[k] for k in ("name", "country", "country_code", "admin1", "lat", "lon",
                                     "geo_precision")},
        "fatalities": None if fatalities is None else {
            k: fatalities[k] for k in ("low", "best", "high")},
        "article_ids": event["article_ids"],
        "links": {"self": f"/api/events/{event['event_id']}"},
    }  # fmt: skip


def cli_events(db: Path, *args: str) -> list[dict[str, Any]]:
    """What `sitreps events --format json` prints for ``db`` and the filters ``args``."""
    done = subprocess.run(
        [sys.executable, "-m", "sitreps.cli", "events", "--db", str(db), "--format", "json",
         *args], capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    printed: list[dict[str, Any]] = json.loads(done.stdout)
    return printed


@pytest.mark.parametrize(
    ("query", "args"),
    [
        ("", []),
        ("country=UA", ["--country", "UA"]),
        ("country=Ukraine", ["--country", "ukraine"]),
        ("since=2025-06-17&until=2025-06-30", ["--since", "2025-06-17", "--until", "2025-06-30"]),
        ("type=Battles", ["--type", "Battles"]),
        ("type=Air/drone%20strike", ["--type", "Air/drone strike"]),
        ("min_fatalities=10", ["--min-fatalities", "10"]),
        ("country=UA&min_fatalities=1&since=2025-01-01",
         ["--country", "UA", "--min-fatalities", "1", "--since", "2025-01-01"]),
    ],
)  # fmt: skip
def test_the_default_list_is_what_sitreps_events_prints(
    client: TestClient, demo_db: Path, query: str, args: list[str]
) -> None:
    response = client.get(f"/api/events?limit={MAX_LIMIT}&{query}")
    assert response.status_code == 200
    printed = cli_events(demo_db, *args)
    assert response.json() == printed
    assert response.headers["X-Total-Count"] == str(len(printed))
    assert "Link" not in response.headers
    if not query:
        assert len(printed) > 5
        assert all(e["article_ids"] and "timeline" in e and "evidence" in e for e in printed)


def test_view_full_is_the_default(client: TestClient) -> None:
    assert client.get("/api/events?view=full").content == client.get("/api/events").content


def test_records_are_sent_deflated_to_clients_that_take_it(client: TestClient) -> None:
    deflated = client.get("/api/events", headers={"Accept-Encoding": "gzip, deflate"})
    plain = client.get("/api/events", headers={"Accept-Encoding": "identity"})
    assert deflated.headers["Content-Encoding"] == "deflate"
    assert "Content-Encoding" not in plain.headers
    assert deflated.headers["Vary"] == plain.headers["Vary"] == "Accept-Encoding"
    assert int(deflated.headers["Content-Length"]) * 2 < int(plain.headers["Content-Length"])
    assert deflated.content == plain.content  # as the client reads it, inflated
    assert deflated.headers["X-Total-Count"] == plain.headers["X-Total-Count"]


def test_summaries_are_summaries_of_the_stores_events(client: TestClient, demo_db: Path) -> None:
    response = client.get("/api/events?view=summary")
    assert response.status_code == 200
    assert response.json() == [summary_of(e) for e in stored(demo_db)]


def test_a_summary_is_lean_and_links_to_its_event(client: TestClient) -> None:
    summaries = client.get("/api/events?view=summary")
    full = client.get("/api/events")
    assert len(summaries.content) * 4 < len(full.content)
    for summary in summaries.json():
        assert "timeline" not in summary and "evidence" not in summary
        record = client.get(summary["links"]["self"]).json()
        assert record["event_id"] == summary["event_id"]


@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ("country=UA", {"country": "UA"}),
        ("country=ukraine", {"country": "UA"}),
        ("since=2025-06-17&until=2025-06-30", {"since": dt.date(2025, 6, 17),
                                                "until": dt.date(2025, 6, 30)}),
        ("type=Battles", {"event_type": "Battles"}),
        ("type=air/drone%20strike", {"event_type": "Air/drone strike"}),
        ("min_fatalities=10", {"min_fatalities": 10}),
        ("country=UA&min_fatalities=20", {"country": "UA", "min_fatalities": 20}),
    ],
)  # fmt: skip
def test_filters_are_the_commands_filters(
    client: TestClient, demo_db: Path, query: str, filters: dict[str, Any]
) -> None:
    got = client.get(f"/api/events?{query}").json()
    assert [e["event_id"] for e in got] == [e["event_id"] for e in stored(demo_db, **filters)]


def test_filters_narrow(client: TestClient) -> None:
    everything = client.get("/api/events").json()
    ukraine = client.get("/api/events?country=UA").json()
    deadly = client.get("/api/events?min_fatalities=10").json()
    assert 0 < len(ukraine) < len(everything)
    assert {e["location"]["country_code"] for e in ukraine} == {"UA"}
    assert 0 < len(deadly) < len(everything)
    assert all(e["fatalities"]["best"] >= 10 for e in deadly)


def follow(client: TestClient, url: str | None) -> list[list[dict[str, Any]]]:
    """Every page from ``url`` on, by the Link header."""
    pages: list[list[dict[str, Any]]] = []
    while url is not None:
        response = client.get(url)
        assert response.status_code == 200
        pages.append(response.json())
        link = re.fullmatch(r'<([^>]+)>; rel="next"', response.headers.get("Link", ""))
        url = link.group(1) if link else None
        assert (url is None) == ("X-Next-Cursor" not in response.headers)
    return pages


@pytest.mark.parametrize("query", ["", "&country=ukraine", "&view=summary", "&type=Battles"])
def test_pages_follow_the_link_header_in_a_stable_order(client: TestClient, query: str) -> None:
    everything = client.get(f"/api/events?limit={MAX_LIMIT}{query}").json()
    pages = follow(client, f"/api/events?limit=3{query}")
    assert all(len(page) == 3 for page in pages[:-1])
    assert [e for page in pages for e in page] == everything


def test_offsets_page_the_same_order(client: TestClient) -> None:
    everything = client.get("/api/events").json()
    second = client.get("/api/events?offset=2&limit=3")
    assert second.json() == everything[2:5]
    assert second.headers["X-Offset"] == "2" and second.headers["X-Limit"] == "3"
    assert client.get(f"/api/events?offset={len(everything)}").json() == []


def test_a_page_has_a_default_size_and_a_cap(client: TestClient) -> None:
    assert client.get("/api/events").headers["X-Limit"] == str(DEFAULT_LIMIT)
    for view in ("full", "summary"):
        assert client.get(f"/api/events?limit={MAX_LIMIT}&view={view}").status_code == 200
        response = client.get(f"/api/events?limit={MAX_LIMIT + 1}&view={view}")
        assert response.status_code == 400
        assert response.json()["error"]["parameter"] == "limit"
        assert str(MAX_LIMIT) in response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("url", "status", "parameter", "words"),
    [
        ("/api/events?since=2025-13-01", 400, "since", "date"),
        ("/api/events?until=yesterday", 400, "until", "date"),
        ("/api/events?since=2025-07-01&until=2025-06-01", 400, "since", "after"),
        ("/api/events?country=Narnia", 400, "country", "unknown country"),
        ("/api/events?type=Picnic", 400, "type", "unknown event type"),
        ("/api/events?min_fatalities=-1", 400, "min_fatalities", "greater than"),
        ("/api/events?min_fatalities=many", 400, "min_fatalities", "integer"),
        ("/api/events?limit=0", 400, "limit", "greater than"),
        ("/api/events?offset=-5", 400, "offset", "greater than"),
        ("/api/events?cursor=not-a-cursor", 400, "cursor", "not a cursor"),
        ("/api/events?cursor=WyIyMDI1LTA2LTE3IiwiYSJd&offset=3", 400, "offset", "not both"),
        ("/api/events?view=everything", 400, "view", "'full' or 'summary'"),
        ("/api/events.geojson?country=Narnia", 400, "country", "unknown country"),
        ("/api/events/ev-nothing", 404, "event_id", "no event"),
        ("/api/articles/nothing", 404, "article_id", "no article"),
    ],
)  # fmt: skip
def test_bad_requests_are_clear_json_errors(
    client: TestClient, url: str, status: int, parameter: str, words: str
) -> None:
    response = client.get(url)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["status"] == status
    assert error["parameter"] == parameter
    assert words in error["message"]


def test_it_is_read_only(client: TestClient) -> None:
    assert client.post("/api/events", json=[]).status_code == 405
    assert client.delete("/api/events/anything").status_code == 405


def test_one_event_in_full(client: TestClient) -> None:
    first = client.get("/api/events").json()[0]
    response = client.get(f"/api/events/{first['event_id']}")
    assert response.status_code == 200
    record = response.json()
    assert {k: v for k, v in record.items() if k != "merges"} == first
    assert {m["article_id"] for m in record["merges"]} == set(first["article_ids"])


def test_geojson_is_a_feature_collection_of_the_located_events(client: TestClient) -> None:
    response = client.get("/api/events.geojson")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    events = {e["event_id"]: e for e in client.get("/api/events").json()}
    located = {i for i, e in events.items() if e["location"] and e["location"]["lat"] is not None}
    assert {f["id"] for f in collection["features"]} == located
    for f in collection["features"]:
        assert f["type"] == "Feature"
        assert f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        event = events[f["id"]]
        assert (lat, lon) == (event["location"]["lat"], event["location"]["lon"])
        assert f["properties"]["event_id"] == f["id"]
        assert f["properties"]["event_type"] == event["event_type"]
    ukraine = client.get("/api/events.geojson?country=UA").json()["features"]
    assert 0 < len(ukraine) < len(collection["features"])


def test_article_spans_are_the_texts_own_words(client: TestClient) -> None:
    events = client.get("/api/events").json()
    for event in events:
        for article_id in event["article_ids"]:
            article = client.get(f"/api/articles/{article_id}").json()
            text = article["text"]
            assert article["spans"]
            for span in article["spans"]:
                assert text[span["start"] : span["end"]] == span["text"]
            spans = {(s["start"], s["end"]) for s in article["spans"]}
            for entry in event["timeline"]:
                evidence = entry["evidence"]
                if entry["article_id"] == article_id:
                    assert (evidence["start"], evidence["end"]) in spans


def test_the_page_and_everything_it_loads_are_served_here(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    assets = re.findall(r'(?:src|href)="([^"#]+)"', page.text)
    assert assets and all(a.startswith("/static/") for a in assets)
    for asset in [*assets, "/static/vendor/world-atlas/countries-50m.json"]:
        assert client.get(asset).status_code == 200, asset
    script = client.get("/static/app.js").text
    assert "http://" not in script.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in script


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}",
            "/api/events.geojson"} <= set(spec["paths"])  # fmt: skip
    events = spec["paths"]["/api/events"]["get"]
    names = {p["name"] for p in events["parameters"]}
    assert names == {"country", "since", "until", "type", "min_fatalities", "offset", "cursor",
                     "limit", "view"}  # fmt: skip
    limit = next(p for p in events["parameters"] if p["name"] == "limit")["schema"]
    assert (limit["default"], limit["maximum"]) == (DEFAULT_LIMIT, MAX_LIMIT)
    geojson = spec["paths"]["/api/events.geojson"]["get"]["parameters"]
    assert {p["name"] for p in geojson} == {"country", "since", "until", "type", "min_fatalities"}


def test_countries_lists_the_stored_countries(client: TestClient) -> None:
    countries = {c["code"]: c for c in client.get("/api/countries").json()}
    assert countries["UA"]["name"] == "Ukraine"
    assert countries["UA"]["events"] == len(client.get("/api/events?country=UA").json())


def test_serve_without_a_store_is_a_one_line_error(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sitreps.cli", "serve", "--db", str(tmp_path / "none.duckdb")],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "no store here yet" in done.stderr and "Traceback" not in done.stderr


def test_a_page_served_again_follows_a_new_ingest(tmp_path: Path) -> None:
    import json

    from sitreps.api import create_app

    from .conftest import ingest_samples

    db = ingest_samples(tmp_path / "live.duckdb")
    with TestClient(create_app(db)) as live:
        before = live.get(f"/api/events?limit={MAX_LIMIT}").json()
        assert live.get(f"/api/events?limit={MAX_LIMIT}").json() == before  # the cached page
        report = tmp_path / "new.jsonl"
        report.write_text(json.dumps({
            "id": "later", "published": "2025-10-02",
            "text": "Gunmen killed 7 villagers in Mopti, Mali, on Wednesday, officials said.",
        }) + "\n", encoding="utf-8")  # fmt: skip
        subprocess.run(
            [sys.executable, "-m", "sitreps.cli", "ingest", str(report), "--db", str(db)],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
        after = live.get(f"/api/events?limit={MAX_LIMIT}").json()
    assert len(after) == len(before) + 1
    assert any("later" in e["article_ids"] for e in after)
