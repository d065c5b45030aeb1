"""Mentions: one event as one article reports it, with what merging compares.

    Result (one article) -> Mention per event -> (merge) -> a merged event of many mentions

A mention keeps the article's own EVENT object untouched (``record``) next to the features
taken from it once, at ingest, so that later reports are compared against stored columns
instead of re-reading earlier articles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..serialize import event_to_dict
from ..types import Article, Event
from .features import evidence_spans, is_update, keywords, name_runs, place_forms, sentences_around


@dataclass(frozen=True, kw_only=True, slots=True)
class Mention:
    """One event of one article: its key fields, its features and its EVENT object."""

    article_id: str
    position: int
    local_id: str
    seq: int
    published: dt.date | None
    relation: str
    event_type: str
    sub_event_type: str
    start: dt.date | None
    end: dt.date | None
    precision: str
    country_code: str | None
    admin1: str | None
    location: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    place_forms: frozenset[str]
    names: frozenset[str]
    perpetrators: frozenset[str]
    keywords: frozenset[str]
    is_update: bool
    record: Mapping[str, Any]

    @property
    def day_precise(self) -> bool:
        return self.start is not None and self.precision == "day"

    @property
    def located(self) -> bool:
        return self.location is not None


def mentions_of(article: Article, events: tuple[Event, ...], *, seq: int) -> list[Mention]:
    """The mentions of one article's events, in the article's order."""
    names = name_runs(article.text)
    update = is_update(article.text) or (article.title is not None and is_update(article.title))
    return [
        _mention(article, event, position=i, seq=seq, names=names, update=update)
        for i, event in enumerate(events)
    ]


def _mention(
    article: Article, event: Event, *, position: int, seq: int, names: frozenset[str], update: bool
) -> Mention:
    record = event_to_dict(event)
    location = event.location
    forms: list[str] = [e.text for e in event.evidence.get("location", ())]
    if location is not None:
        forms += [location.name, *(n for n in (location.district,) if n)]
    context = sentences_around(article.text, evidence_spans(record))
    if event.relation == "main" and article.title:
        context.append(article.title)
    return Mention(
        article_id=article.id,
        position=position,
        local_id=event.event_id,
        seq=seq,
        published=article.published,
        relation=event.relation,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        start=event.date.start,
        end=event.date.end,
        precision=event.date.precision,
        country_code=location.country_code if location else None,
        admin1=location.admin1 if location else None,
        location=location.name if location else None,
        lat=location.lat if location else None,
        lon=location.lon if location else None,
        geo_precision=location.geo_precision if location else None,
        place_forms=place_forms(forms),
        names=names,
        perpetrators=frozenset(
            a.name for a in event.actors if a.role == "perpetrator" and _named(a.name)
        ),
        keywords=keywords(context),
        # Only the article's own event is what its update is about.
        is_update=update and event.relation == "main",
        record=record,
    )


def _named(actor: str) -> bool:
    # "Unidentified Armed Group (Nigeria)" says who is unknown; it matches anyone.
    return not actor.startswith("Unidentified")
