"""Mentions: one event as one article reports it, with what merging compares.

    Result (one article) -> Mention per event -> (merge) -> a merged event of many mentions

A mention keeps the article's own EVENT object untouched (``record``) next to the features
taken from it once, at ingest, so that later reports are compared against stored columns
instead of re-reading earlier articles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..serialize import event_to_dict
from ..types import Article, Event, PlaceMention
from .counts import headline
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
    toll: int | None  # the fatalities it reports, read as a toll (see counts.headline)
    record: Mapping[str, Any]

    @property
    def day_precise(self) -> bool:
        return self.start is not None and self.precision == "day"

    @property
    def located(self) -> bool:
        """Placed finer than a whole country: a country alone may be where the weapon came
        from or whose army fired it, so it is compared as names are, never vetoed on."""
        return self.location is not None and not (self.geo_precision == 3 and not self.admin1)


def mentions_of(
    article: Article,
    events: tuple[Event, ...],
    *,
    seq: int,
    places: Sequence[PlaceMention] = (),
) -> list[Mention]:
    """The mentions of one article's events, in the article's order; ``places`` are all the
    places the article names (the result's), whose unresolved names stand in for the place
    of an event that has none finer than a country."""
    if not events:
        return []  # nothing to read the text for
    names = name_runs(article.text)
    update = is_update(article.text) or (article.title is not None and is_update(article.title))
    unresolved = tuple(p.evidence.text for p in places if p.name is None)
    return [
        _mention(
            article, event, position=i, seq=seq, names=names, update=update, unresolved=unresolved
        )
        for i, event in enumerate(events)
    ]


def _mention(
    article: Article,
    event: Event,
    *,
    position: int,
    seq: int,
    names: frozenset[str],
    update: bool,
    unresolved: tuple[str, ...],
) -> Mention:
    record = event_to_dict(event)
    location = event.location
    forms: list[str] = [e.text for e in event.evidence.get("location", ())]
    if location is not None:
        forms += [location.name, *(n for n in (location.district,) if n)]
    if location is None or (location.geo_precision == 3 and not location.admin1):
        forms += unresolved
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
        toll=headline(record["fatalities"])[0] if record["fatalities"] else None,
        record=record,
    )


def _named(actor: str) -> bool:
    # "Unidentified Armed Group (Nigeria)" says who is unknown; it matches anyone.
    return not actor.startswith("Unidentified")
