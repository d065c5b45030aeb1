"""The JSON that `sitreps extract` writes, checked against the shipped schema and the contract."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

from sitreps.serialize import (
    EVENT_EVIDENCE_KEYS,
    dumps_result,
    event_to_dict,
    evidence_to_dict,
    load_schema,
    result_to_dict,
    validate_result,
)
from sitreps.taxonomy import EVENT_TYPES, SUB_EVENT_TYPES, TAXONOMY
from sitreps.types import (
    Actor,
    Article,
    AttributionMention,
    Count,
    Event,
    EventDate,
    Evidence,
    Location,
    PlaceMention,
    QuoteMention,
    Report,
    Result,
    WeaponMention,
)

TEXT = (
    "At least 14 people were killed and 56 injured when Russia launched more than 440 Shahed "
    "drones at Kyiv late Monday and in the early hours of Tuesday, Mayor Vitaliy Klitschko said "
    "on Telegram. \u201cWe hope that no dead will be found under the rubble, but we cannot rule "
    "it out,\u201d he said. A building in the Solomyanskyi district (Солом'янський) collapsed. "
    "In April, similar strikes on Sumy killed at least 12."
)
ARTICLE = Article(id="a1", text=TEXT, published=dt.date(2025, 6, 17), byline="Rodney Mbua")


def ev(phrase: str) -> Evidence:
    """The evidence for the first occurrence of ``phrase`` in TEXT."""
    start = TEXT.index(phrase)
    return Evidence.of(ARTICLE.id, TEXT, start, start + len(phrase))


def full_event() -> Event:
    killed = ev("At least 14 people were killed")
    return Event(
        event_id="e-kyiv",
        relation="main",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date=EventDate(
            start=dt.date(2025, 6, 16),
            end=dt.date(2025, 6, 17),
            precision="day",
            text="late Monday and in the early hours of Tuesday",
        ),
        location=Location(
            name="Kyiv",
            country="Ukraine",
            country_code="UA",
            admin1="Kyiv City",
            admin2=None,
            district=None,
            lat=50.4501,
            lon=30.5234,
            geo_precision=1,
            geonames_id=703448,
        ),
        actors=(
            Actor(
                name="Military Forces of Russia",
                role="perpetrator",
                kind="state_forces",
                country_code="RU",
            ),
            Actor(name="Civilians (Ukraine)", role="target", kind="civilians", country_code="UA"),
        ),
        fatalities=Count(
            low=14,
            best=14,
            high=None,
            reports=(
                Report(value=14, qualifier="at_least", source="Vitaliy Klitschko", evidence=killed),
            ),
        ),
        injured=Count(
            low=56,
            best=56,
            high=None,
            reports=(Report(value=56, qualifier="exact", source=None, evidence=ev("56 injured")),),
        ),
        hospitalized=Count(low=0, best=0, high=0),
        missing=None,
        weapons=(
            WeaponMention(
                evidence=ev("more than 440 Shahed drones"),
                kind="drone",
                model="Shahed",
                count=440,
                qualifier="more_than",
                status="launched",
                scope="city",
            ),
        ),
        quotes=(
            QuoteMention(
                evidence=ev(
                    "We hope that no dead will be found under the rubble, but we cannot rule it out"
                ),
                text="We hope that no dead will be found under the rubble, but we cannot rule "
                "it out",
                speaker="Vitaliy Klitschko",
                speaker_role="Kyiv Mayor",
            ),
        ),
        attributions=(
            AttributionMention(
                evidence=ev("Mayor Vitaliy Klitschko said on Telegram"),
                source="Vitaliy Klitschko",
                channel="Telegram",
                field="fatalities",
            ),
        ),
        evidence={
            "event_type": (ev("drones"),),
            "date": (ev("late Monday"), ev("early hours of Tuesday")),
            "location": (ev("Kyiv"),),
            "actors": (ev("Russia"),),
        },
        summary="On 16-17 June 2025, Russian forces struck Kyiv with drones, killing 14.",
    )


def bare_event() -> Event:
    """A background event with nothing resolved: no place, no figures, no evidence."""
    return Event(
        event_id="e-sumy",
        relation="background",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        date=EventDate(start=None, end=None, precision="unknown", text=None),
        location=None,
    )


PLACES = (
    PlaceMention(
        evidence=ev("Kyiv"),
        name="Kyiv",
        feature="city",
        country_code="UA",
        admin1="Kyiv City",
        lat=50.4501,
        lon=30.5234,
        geonames_id=703448,
    ),
    PlaceMention(
        evidence=ev("Solomyanskyi district"),
        name="Solomianskyi",
        feature="district",
        country_code="UA",
        admin1="Kyiv City",
        lat=50.43,
        lon=30.47,
    ),
    PlaceMention(evidence=ev("Солом'янський")),
)


def full_result() -> Result:
    return Result(
        article=ARTICLE,
        events=(full_event(), bare_event()),
        places=PLACES,
        warnings=("an example warning",),
    )


def evidence_objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every EVIDENCE object anywhere in a serialized result."""
    if isinstance(node, dict):
        if set(node) >= {"article_id", "start", "end", "text"}:
            yield node
        for value in node.values():
            yield from evidence_objects(value)
    elif isinstance(node, list):
        for item in node:
            yield from evidence_objects(item)


# --- the taxonomy and the schema agree ---------------------------------------------------


def test_taxonomy_has_acleds_6_types_and_25_sub_types() -> None:
    assert len(EVENT_TYPES) == 6
    assert len(SUB_EVENT_TYPES) == 25
    assert len(set(SUB_EVENT_TYPES)) == 25


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(load_schema())


def test_schema_enums_equal_the_taxonomy() -> None:
    event = load_schema()["$defs"]["event"]
    assert event["properties"]["event_type"]["enum"] == list(EVENT_TYPES)
    assert event["properties"]["sub_event_type"]["enum"] == list(SUB_EVENT_TYPES)
    pairs = {
        rule["if"]["properties"]["event_type"]["const"]: rule["then"]["properties"][
            "sub_event_type"
        ]["enum"]
        for rule in event["allOf"]
    }
    assert pairs == {t: list(subs) for t, subs in TAXONOMY.items()}


# --- serialization -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "result",
    [
        full_result(),
        Result(article=ARTICLE, events=(bare_event(),)),
        Result(article=Article(id="empty", text="Nothing happened."), warnings=("no events",)),
    ],
    ids=["full", "null-location-and-counts", "no-events"],
)
def test_results_validate_against_the_schema(result: Result) -> None:
    validate_result(result_to_dict(result))


def test_full_event_has_the_contracts_shape() -> None:
    d = event_to_dict(full_event())
    assert d["date"] == {
        "start": "2025-06-16",
        "end": "2025-06-17",
        "precision": "day",
        "text": "late Monday and in the early hours of Tuesday",
    }
    assert d["fatalities"]["reports"][0]["qualifier"] == "at_least"
    assert d["fatalities"]["high"] is None
    assert d["hospitalized"] == {"low": 0, "best": 0, "high": 0, "reports": []}
    assert d["missing"] is None
    assert d["weapons"][0] == {
        "kind": "drone",
        "model": "Shahed",
        "count": 440,
        "qualifier": "more_than",
        "status": "launched",
        "scope": "city",
        "evidence": evidence_to_dict(ev("more than 440 Shahed drones")),
    }
    assert list(d["evidence"]) == list(EVENT_EVIDENCE_KEYS)


def test_bare_event_writes_every_field_as_null_or_empty() -> None:
    d = event_to_dict(bare_event())
    assert d["location"] is None
    assert [d[f] for f in ("fatalities", "injured", "hospitalized", "missing")] == [None] * 4
    assert d["date"] == {"start": None, "end": None, "precision": "unknown", "text": None}
    assert d["evidence"] == {key: [] for key in EVENT_EVIDENCE_KEYS}
    assert d["actors"] == d["weapons"] == d["quotes"] == d["attributions"] == []


def test_event_evidence_keeps_keys_beyond_the_contracts_four() -> None:
    extra = dataclasses.replace(bare_event(), evidence={"fatalities": (ev("killed"),)})
    d = event_to_dict(extra)
    assert list(d["evidence"]) == [*EVENT_EVIDENCE_KEYS, "fatalities"]
    validate_result(result_to_dict(Result(article=ARTICLE, events=(extra,))))


def test_every_evidence_quotes_the_article() -> None:
    d = result_to_dict(full_result())
    spans = list(evidence_objects(d))
    assert len(spans) == 10  # 2 reports, a weapon, a quote, an attribution, 5 event spans
    for span in spans:
        assert span["article_id"] == d["id"]
        assert TEXT[span["start"] : span["end"]] == span["text"]
    for place in d["places"]:
        assert TEXT[place["start"] : place["end"]] == place["text"]


def test_unresolved_place_keeps_its_span_and_has_null_coordinates() -> None:
    unresolved = result_to_dict(full_result())["places"][2]
    assert unresolved["text"] == "Солом'янський"
    assert unresolved["name"] is None
    assert unresolved["lat"] is None and unresolved["lon"] is None


def test_article_fields() -> None:
    d = result_to_dict(full_result())
    assert d["id"] == "a1"
    assert d["article"] == {
        "title": None,
        "byline": "Rodney Mbua",
        "published": "2025-06-17",
        "language": "en",
    }
    assert d["warnings"] == ["an example warning"]


def test_dumps_result_is_one_json_line_that_round_trips() -> None:
    result = full_result()
    line = dumps_result(result)
    assert "\n" not in line
    assert "Солом'янський" in line  # written as is, not as \u escapes
    # Equality after a round trip also proves no tuples were left in the dict.
    assert json.loads(line) == result_to_dict(result)


def test_dumps_result_refuses_nan_coordinates() -> None:
    place = PlaceMention(evidence=ev("Kyiv"), lat=float("nan"), lon=30.5)
    with pytest.raises(ValueError):
        dumps_result(Result(article=ARTICLE, places=(place,)))


# --- the schema rejects what the contract does not allow -----------------------------------


def _break_sub_event_type(d: dict[str, Any]) -> None:
    d["events"][0]["sub_event_type"] = "Air/Drone strike"


def _mismatch_type_and_sub_type(d: dict[str, Any]) -> None:
    d["events"][0]["sub_event_type"] = "Armed clash"


def _drop_a_contract_field(d: dict[str, Any]) -> None:
    del d["events"][0]["missing"]


def _drop_an_evidence_key(d: dict[str, Any]) -> None:
    del d["events"][0]["evidence"]["actors"]


def _negative_offset(d: dict[str, Any]) -> None:
    d["events"][0]["weapons"][0]["evidence"]["start"] = -1


def _geo_precision_4(d: dict[str, Any]) -> None:
    d["events"][0]["location"]["geo_precision"] = 4


def _not_an_iso_date(d: dict[str, Any]) -> None:
    d["events"][0]["date"]["start"] = "16/06/2025"


def _zero_instead_of_null_count(d: dict[str, Any]) -> None:
    d["events"][0]["missing"] = 0


@pytest.mark.parametrize(
    "breakage",
    [
        _break_sub_event_type,
        _mismatch_type_and_sub_type,
        _drop_a_contract_field,
        _drop_an_evidence_key,
        _negative_offset,
        _geo_precision_4,
        _not_an_iso_date,
        _zero_instead_of_null_count,
    ],
)
def test_schema_rejects(breakage: Any) -> None:
    d = result_to_dict(full_result())
    breakage(d)
    with pytest.raises(jsonschema.ValidationError):
        validate_result(d)


def test_schema_allows_added_fields() -> None:
    d = result_to_dict(full_result())
    d["model_version"] = "0.1.0"
    d["events"][0]["confidence"] = 0.9
    d["places"][0]["population"] = 2_900_000
    validate_result(d)


def test_a_named_region_is_written_at_its_middle_not_its_seat() -> None:
    region = PlaceMention(
        evidence=ev("Kyiv"),
        feature="admin1",
        lat=50.45,
        lon=30.52,
        middle_lat=50.2,
        middle_lon=30.4,
    )
    town = PlaceMention(evidence=ev("Kyiv"), feature="city", lat=50.45, lon=30.52)
    d = result_to_dict(Result(article=ARTICLE, places=(region, town)))
    assert (d["places"][0]["lat"], d["places"][0]["lon"]) == (50.2, 30.4)
    assert (d["places"][1]["lat"], d["places"][1]["lon"]) == (50.45, 30.52)
