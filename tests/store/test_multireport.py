"""Many reports of eleven real attacks merge into eleven events, with the right final tolls.

tests/data/multireport.jsonl: 34 short wire-style reports written for this test, each with
its gold event; rising tolls, a toll revised down, same-morning attacks on two cities,
districts of one city, and background mentions of earlier attacks in the same places.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitreps.store import Store, clusters_of, merge_pairwise_scores

from .conftest import MULTIREPORT, events_json, gold_events, sitreps

# The toll the last report of each event gives (a toll revised down stays down).
FINAL_TOLLS = {
    "dnipro-2023-01-14": 46,
    "kramatorsk-2022-04-08": 52,
    "kyiv-2024-07-08": 33,
    "kryvyi-rih-2024-07-08": 11,
    "crocus-2024-03-22": 139,
    "kerman-2024-01-03": 89,
    "peshawar-2023-01-30": 84,
    "mogadishu-2022-10-29": 121,
    "majdal-shams-2024-07-27": 12,
    "kharkiv-2024-01-23": 11,
    "kyiv-2024-01-23": 4,
}


def _main_events(db: Path) -> dict[str, str]:
    with Store.open(db, read_only=True) as store:
        return store.main_events()


def test_reports_merge_with_high_pairwise_precision_and_recall(multireport_db: Path) -> None:
    gold = gold_events()
    predicted = _main_events(multireport_db)
    # An article whose main event was not found is alone.
    labels = {a: predicted.get(a, f"alone:{a}") for a in gold}
    precision, recall = merge_pairwise_scores(clusters_of(gold), clusters_of(labels))
    assert precision >= 0.95, precision
    assert recall >= 0.95, recall


def _event_of(db: Path, gold_event: str) -> dict[str, Any]:
    gold = gold_events()
    predicted = _main_events(db)
    ids = {predicted[a] for a, g in gold.items() if g == gold_event and a in predicted}
    # The event most of its reports joined.
    best = max(ids, key=lambda e: sum(predicted.get(a) == e for a in gold))
    with Store.open(db, read_only=True) as store:
        record = store.event(best)
    assert record is not None
    return record


@pytest.mark.parametrize("gold_event", list(FINAL_TOLLS))
def test_final_toll_follows_the_latest_credible_report(
    multireport_db: Path, gold_event: str
) -> None:
    record = _event_of(multireport_db, gold_event)
    assert record["fatalities"]["best"] == FINAL_TOLLS[gold_event]


def test_toll_rises_across_reports_and_stays_visible(multireport_db: Path) -> None:
    record = _event_of(multireport_db, "dnipro-2023-01-14")
    fatalities = record["fatalities"]
    assert fatalities["low"] <= 12 and fatalities["best"] == 46 == fatalities["high"]
    published = [e["published"] for e in record["timeline"]]
    assert published == sorted(published)
    assert {"m01", "m04"} <= {e["article_id"] for e in record["timeline"]}


def test_a_toll_revised_down_is_followed(multireport_db: Path) -> None:
    record = _event_of(multireport_db, "peshawar-2023-01-30")
    assert record["fatalities"]["best"] == 84
    assert record["fatalities"]["high"] >= 84
    assert any(e["value"] == 84 and e["article_id"] == "m24" for e in record["timeline"])


def test_same_morning_attacks_on_two_cities_stay_apart(multireport_db: Path) -> None:
    main = _main_events(multireport_db)
    assert main["m09"] != main["m12"]  # Kyiv and Kryvyi Rih, 8 July 2024
    assert main["m30"] != main["m33"]  # Kharkiv and Kyiv, 23 January 2024
    assert main["m31"] == main["m30"]  # a district of Kharkiv is Kharkiv


def test_background_mentions_never_join_their_own_articles_main_event(
    multireport_db: Path,
) -> None:
    with Store.open(multireport_db, read_only=True) as store:
        rows = store.connection.execute(
            "SELECT event_id, count(*), count(DISTINCT article_id) FROM mentions GROUP BY 1"
        ).fetchall()
        background = store.connection.execute(
            "SELECT b.article_id FROM mentions b JOIN mentions m"
            " ON b.article_id = m.article_id AND m.relation = 'main' AND b.relation <> 'main'"
            " WHERE b.event_id = m.event_id"
        ).fetchall()
    assert all(n == distinct for _, n, distinct in rows)
    assert background == []


def test_every_merge_is_explained(multireport_db: Path) -> None:
    record = _event_of(multireport_db, "kramatorsk-2022-04-08")
    joined = [m for m in record["merges"] if "joined" in m["reason"]]
    assert joined
    for merge in joined:
        features = merge["reason"]["joined"]["features"]
        assert {"type", "date", "place", "words"} <= features.keys()
        assert merge["score"] == pytest.approx(merge["reason"]["joined"]["score"], abs=1e-3)
    text = sitreps("event", record["event_id"], "--db", multireport_db, "--format", "text").stdout
    assert "joined with score" in text and "founded the event" in text


def test_ingesting_the_same_inputs_again_changes_nothing(
    multireport_db: Path, tmp_path: Path
) -> None:
    before = events_json(multireport_db)
    with Store.open(multireport_db, read_only=True) as store:
        counts = store.counts()
    again = sitreps("ingest", MULTIREPORT, "--db", multireport_db)
    assert again.returncode == 0
    assert events_json(multireport_db) == before
    with Store.open(multireport_db, read_only=True) as store:
        assert store.counts() == counts


def test_events_json_is_the_contract_plus_article_ids_and_timeline(multireport_db: Path) -> None:
    events = events_json(multireport_db)
    assert events
    for event in events:
        assert {"event_id", "relation", "event_type", "sub_event_type", "date", "location",
                "actors", "fatalities", "injured", "hospitalized", "missing", "weapons",
                "quotes", "attributions", "evidence", "summary", "article_ids",
                "timeline"} <= event.keys()  # fmt: skip
        for entry in event["timeline"]:
            assert set(entry) == {"article_id", "published", "field", "value", "qualifier",
                                  "source", "evidence"}  # fmt: skip
    lines = MULTIREPORT.read_text(encoding="utf-8").splitlines()
    texts = {r["id"]: r["text"] for r in map(json.loads, lines)}
    for event in events:
        for entry in event["timeline"]:
            evidence = entry["evidence"]
            assert (
                texts[entry["article_id"]][evidence["start"] : evidence["end"]] == evidence["text"]
            )
