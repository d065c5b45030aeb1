"""Results to the public JSON of CONTRACT.md, and the JSON Schema that describes it.

Every field the contract names is always written, null when unknown, so that readers can
index a field without checking for it first. Key order follows the contract so that output
lines read like its examples.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from importlib import resources
from typing import Any

from .types import (
    COUNT_FIELDS,
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

__all__ = [
    "EVENT_EVIDENCE_KEYS",
    "dumps_result",
    "event_to_dict",
    "evidence_to_dict",
    "load_schema",
    "result_to_dict",
    "validate_result",
]

# The contract promises these four keys on every event, even when nothing backs them.
EVENT_EVIDENCE_KEYS: tuple[str, ...] = ("event_type", "date", "location", "actors")

_SCHEMA_FILE = "schema/result.schema.json"


def result_to_dict(result: Result) -> dict[str, Any]:
    """The contract's JSON object for one extract result (see ``dumps_result``)."""
    article = result.article
    return {
        "id": article.id,
        "article": _article_to_dict(article),
        "events": [event_to_dict(event) for event in result.events],
        "places": [_place_to_dict(place) for place in result.places],
        "warnings": list(result.warnings),
    }


def event_to_dict(event: Event) -> dict[str, Any]:
    """The contract's EVENT object."""
    d: dict[str, Any] = {
        "event_id": event.event_id,
        "relation": event.relation,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date": _date_to_dict(event.date),
        "location": _location_to_dict(event.location) if event.location is not None else None,
        "actors": [_actor_to_dict(actor) for actor in event.actors],
    }
    for name in COUNT_FIELDS:
        count: Count | None = getattr(event, name)
        d[name] = _count_to_dict(count) if count is not None else None
    d["weapons"] = [_weapon_to_dict(w) for w in event.weapons]
    d["quotes"] = [_quote_to_dict(q) for q in event.quotes]
    d["attributions"] = [_attribution_to_dict(a) for a in event.attributions]
    d["evidence"] = _event_evidence_to_dict(event.evidence)
    d["summary"] = event.summary
    return d


def evidence_to_dict(evidence: Evidence) -> dict[str, Any]:
    """The contract's EVIDENCE object."""
    return {
        "article_id": evidence.article_id,
        "start": evidence.start,
        "end": evidence.end,
        "text": evidence.text,
    }


def dumps_result(result: Result) -> str:
    """One result as one line of JSON Lines, without the trailing newline."""
    # allow_nan=False: a NaN coordinate would otherwise be written as bare NaN, which is
    # not JSON and breaks every strict reader downstream; failing here names the culprit.
    return json.dumps(result_to_dict(result), ensure_ascii=False, allow_nan=False)


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one ``sitreps extract`` result line.

    A fresh dict on each call, so a caller that edits it cannot change anyone else's copy.
    """
    text = resources.files("sitreps").joinpath(_SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate_result(d: dict[str, Any]) -> None:
    """Check a result dict against the schema, including the ISO date formats.

    Raises ``jsonschema.ValidationError`` for the most relevant problem found. jsonschema
    is a development dependency only: this is a test and debugging aid, not part of a run.
    """
    jsonschema = _jsonschema()
    error = jsonschema.exceptions.best_match(_validator().iter_errors(d))
    if error is not None:
        raise error


def _jsonschema() -> Any:
    try:
        import jsonschema  # type: ignore[import-untyped]
    except ModuleNotFoundError as e:
        raise ModuleNotFoundError(
            "validate_result needs jsonschema: pip install 'sitreps[dev]'", name="jsonschema"
        ) from e
    return jsonschema


@functools.cache
def _validator() -> Any:
    # Built once: compiling the schema's references costs far more than checking one line.
    jsonschema = _jsonschema()
    cls = jsonschema.Draft202012Validator
    return cls(load_schema(), format_checker=cls.FORMAT_CHECKER)


# --- the parts of a result ----------------------------------------------------------------


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "title": article.title,
        "byline": article.byline,
        "published": _iso(article.published),
        "language": article.language,
    }


def _date_to_dict(date: EventDate) -> dict[str, Any]:
    return {
        "start": _iso(date.start),
        "end": _iso(date.end),
        "precision": date.precision,
        "text": date.text,
    }


def _location_to_dict(location: Location) -> dict[str, Any]:
    return {
        "name": location.name,
        "country": location.country,
        "country_code": location.country_code,
        "admin1": location.admin1,
        "admin2": location.admin2,
        "district": location.district,
        "lat": location.lat,
        "lon": location.lon,
        "geo_precision": location.geo_precision,
        "geonames_id": location.geonames_id,
    }


def _actor_to_dict(actor: Actor) -> dict[str, Any]:
    return {
        "name": actor.name,
        "role": actor.role,
        "kind": actor.kind,
        "country_code": actor.country_code,
    }


def _report_to_dict(report: Report) -> dict[str, Any]:
    return {
        "value": report.value,
        "qualifier": report.qualifier,
        "source": report.source,
        "evidence": evidence_to_dict(report.evidence),
    }


def _count_to_dict(count: Count) -> dict[str, Any]:
    return {
        "low": count.low,
        "best": count.best,
        "high": count.high,
        "reports": [_report_to_dict(r) for r in count.reports],
    }


def _weapon_to_dict(weapon: WeaponMention) -> dict[str, Any]:
    return {
        "kind": weapon.kind,
        "model": weapon.model,
        "count": weapon.count,
        "qualifier": weapon.qualifier,
        "status": weapon.status,
        "scope": weapon.scope,
        "evidence": evidence_to_dict(weapon.evidence),
    }


def _quote_to_dict(quote: QuoteMention) -> dict[str, Any]:
    return {
        "speaker": quote.speaker,
        "speaker_role": quote.speaker_role,
        "text": quote.text,
        "evidence": evidence_to_dict(quote.evidence),
    }


def _attribution_to_dict(attribution: AttributionMention) -> dict[str, Any]:
    return {
        "field": attribution.field,
        "source": attribution.source,
        "channel": attribution.channel,
        "evidence": evidence_to_dict(attribution.evidence),
    }


def _event_evidence_to_dict(
    evidence: dict[str, tuple[Evidence, ...]],
) -> dict[str, list[dict[str, Any]]]:
    keys = [*EVENT_EVIDENCE_KEYS, *sorted(set(evidence) - set(EVENT_EVIDENCE_KEYS))]
    # Keys beyond the contract's four are kept rather than dropped: the contract allows
    # added fields, and dropping evidence would hide where a value came from.
    return {key: [evidence_to_dict(e) for e in evidence.get(key, ())] for key in keys}


def _place_to_dict(place: PlaceMention) -> dict[str, Any]:
    return {
        "text": place.evidence.text,
        "start": place.evidence.start,
        "end": place.evidence.end,
        "name": place.name,
        "feature": place.feature,
        "country_code": place.country_code,
        "admin1": place.admin1,
        # A region named is the whole region: shown at its middle rather than at its seat.
        "lat": place.lat if place.middle_lat is None else place.middle_lat,
        "lon": place.lon if place.middle_lon is None else place.middle_lon,
        "geonames_id": place.geonames_id,
    }
