"""EVENT objects back into typed Events: the inverse of ``serialize.event_to_dict``.

The store keeps events as the contract's JSON; a merged event is turned back into an
``Event`` to write its summary with the same words as a single report's, and tests use it
to check that what the store reads back is what was written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..types import (
    Actor,
    AttributionMention,
    Count,
    Event,
    EventDate,
    Evidence,
    Location,
    QuoteMention,
    Report,
    WeaponMention,
)


def event_from_record(record: Mapping[str, Any]) -> Event:
    """The Event an EVENT object describes (fields beyond the contract's are ignored)."""
    date = record["date"]
    location = record["location"]
    return Event(
        event_id=record["event_id"],
        relation=record["relation"],
        event_type=record["event_type"],
        sub_event_type=record["sub_event_type"],
        date=EventDate(
            start=_day(date["start"]),
            end=_day(date["end"]),
            precision=date["precision"],
            text=date["text"],
        ),
        location=Location(**location) if location is not None else None,
        actors=tuple(Actor(**a) for a in record["actors"]),
        fatalities=_count(record["fatalities"]),
        injured=_count(record["injured"]),
        hospitalized=_count(record["hospitalized"]),
        missing=_count(record["missing"]),
        weapons=tuple(
            WeaponMention(**{**w, "evidence": evidence_from_record(w["evidence"])})
            for w in record["weapons"]
        ),
        quotes=tuple(
            QuoteMention(**{**q, "evidence": evidence_from_record(q["evidence"])})
            for q in record["quotes"]
        ),
        attributions=tuple(
            AttributionMention(**{**a, "evidence": evidence_from_record(a["evidence"])})
            for a in record["attributions"]
        ),
        evidence={
            key: tuple(evidence_from_record(e) for e in items)
            for key, items in record["evidence"].items()
        },
        summary=record["summary"],
    )


def evidence_from_record(record: Mapping[str, Any]) -> Evidence:
    return Evidence(
        article_id=record["article_id"], start=record["start"], end=record["end"],
        text=record["text"],
    )  # fmt: skip


def _count(record: Mapping[str, Any] | None) -> Count | None:
    if record is None:
        return None
    reports = tuple(
        Report(
            value=r["value"],
            qualifier=r["qualifier"],
            source=r["source"],
            evidence=evidence_from_record(r["evidence"]),
        )
        for r in record["reports"]
    )
    return Count(low=record["low"], best=record["best"], high=record["high"], reports=reports)


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
