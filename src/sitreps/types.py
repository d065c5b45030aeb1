"""The data model: frozen, keyword-only records that flow one way through the pipeline.

    Article -> mentions (one type per family, each with its Evidence) -> Event

Offsets are character offsets into ``Article.text``, which is never changed after ingest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from .errors import EvidenceError

Qualifier = Literal["exact", "at_least", "more_than", "about", "up_to", "range"]
Precision = Literal["day", "week", "month", "year", "unknown"]
CountField = Literal["fatalities", "injured", "hospitalized", "missing"]
Relation = Literal["main", "background", "related"]
Role = Literal["perpetrator", "target", "other"]
ActorKind = Literal["state_forces", "rebels", "militia", "civilians", "protesters", "other"]
WeaponStatus = Literal["launched", "intercepted", "hit", "used"]
WeaponScope = Literal["country", "city", "site"]
Feature = Literal["district", "city", "town", "village", "admin1", "country", "other"]

COUNT_FIELDS: tuple[CountField, ...] = ("fatalities", "injured", "hospitalized", "missing")


@dataclass(frozen=True, kw_only=True, slots=True)
class Article:
    """One report, its text normalized once at ingest."""

    id: str
    text: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    byline: str | None = None
    language: str = "en"


@dataclass(frozen=True, kw_only=True, slots=True)
class Evidence:
    """A span of an article's text: the words a value came from."""

    article_id: str
    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end or self.end - self.start != len(self.text):
            raise EvidenceError(
                f"span {self.start}:{self.end} does not fit its text {self.text!r}",
                source=self.article_id,
            )

    @classmethod
    def of(cls, article_id: str, text: str, start: int, end: int) -> Evidence:
        """The evidence for ``text[start:end]``, checked against the article text."""
        if not 0 <= start <= end <= len(text):
            raise EvidenceError(f"span {start}:{end} is outside the text", source=article_id)
        return cls(article_id=article_id, start=start, end=end, text=text[start:end])

    def check(self, text: str) -> None:
        """Raise EvidenceError unless this span quotes ``text`` exactly."""
        if text[self.start : self.end] != self.text:
            raise EvidenceError(
                f"span {self.start}:{self.end} does not quote {self.text!r}", source=self.article_id
            )


# --- mentions: what one extractor found, before events are assembled ------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class NumberMention:
    """A stated amount: "at least 14", "over 55", "dozens", "between 10 and 12"."""

    start: int
    end: int
    text: str
    value: int
    qualifier: Qualifier
    low: int
    best: int
    high: int | None
    vague: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class CasualtyMention:
    """A count of people killed, injured, hospitalized or missing."""

    evidence: Evidence
    field: CountField
    number: NumberMention
    who: str | None = None
    subset: bool = False  # "including three children": part of a figure stated beside it
    total: bool = False  # a running total over many events, not this event's count
    perpetrator: bool = False  # "two attackers were also killed"
    update: bool = False  # "the toll has risen to 28": replaces figures stated before it
    singular: bool = False  # one person named or described ("a man was shot dead"), no figure
    additional: bool = False  # adds to the figure before it ("two more died", a list's 2nd item)


@dataclass(frozen=True, kw_only=True, slots=True)
class WeaponMention:
    evidence: Evidence
    kind: str
    model: str | None = None
    count: int | None = None
    qualifier: Qualifier | None = None
    status: WeaponStatus = "used"
    scope: WeaponScope | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class DateMention:
    """A date phrase resolved against the published date, or left unresolved."""

    evidence: Evidence
    start: dt.date | None
    end: dt.date | None
    precision: Precision
    relative: bool = False  # needs the published date to resolve ("late Monday")
    # Names its calendar day ("Jan. 25", "New Year's Day") rather than counting back from
    # publication ("Monday"): a report still dates an event so weeks later.
    named: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class PlaceMention:
    evidence: Evidence
    name: str | None = None
    feature: Feature = "other"
    country_code: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    district: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    population: int = 0
    # A region's middle, where it is shown as a place named; `lat`, `lon` are its seat,
    # where an event known only by the region is placed.
    middle_lat: float | None = None
    middle_lon: float | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class ActorMention:
    evidence: Evidence
    name: str
    role: Role
    kind: ActorKind
    country_code: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class QuoteMention:
    evidence: Evidence
    text: str
    speaker: str | None = None
    speaker_role: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class AttributionMention:
    """Who said a claim, and through which channel ("via Telegram")."""

    evidence: Evidence
    source: str
    channel: str | None = None
    field: str | None = None


# --- events ------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class Report:
    value: int
    qualifier: Qualifier
    source: str | None
    evidence: Evidence


@dataclass(frozen=True, kw_only=True, slots=True)
class Count:
    low: int
    best: int
    high: int | None
    reports: tuple[Report, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class EventDate:
    start: dt.date | None
    end: dt.date | None
    precision: Precision
    text: str | None


@dataclass(frozen=True, kw_only=True, slots=True)
class Location:
    name: str
    country: str | None
    country_code: str | None
    admin1: str | None
    admin2: str | None
    district: str | None
    lat: float | None
    lon: float | None
    geo_precision: int
    geonames_id: int | None


@dataclass(frozen=True, kw_only=True, slots=True)
class Actor:
    name: str
    role: Role
    kind: ActorKind
    country_code: str | None


@dataclass(frozen=True, kw_only=True, slots=True)
class Event:
    event_id: str
    relation: Relation
    event_type: str
    sub_event_type: str
    date: EventDate
    location: Location | None
    actors: tuple[Actor, ...] = ()
    fatalities: Count | None = None
    injured: Count | None = None
    hospitalized: Count | None = None
    missing: Count | None = None
    weapons: tuple[WeaponMention, ...] = ()
    quotes: tuple[QuoteMention, ...] = ()
    attributions: tuple[AttributionMention, ...] = ()
    evidence: dict[str, tuple[Evidence, ...]] = field(default_factory=dict)
    summary: str = ""


@dataclass(frozen=True, kw_only=True, slots=True)
class Result:
    """Everything sitreps read in one article."""

    article: Article
    events: tuple[Event, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    warnings: tuple[str, ...] = ()
