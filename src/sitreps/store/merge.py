"""Does a new mention report an event already in the store? Scores with their reasons.

A mention is compared with each candidate event (the store found them by date window and
country) feature by feature; each feature scores 0..1 against the event's members:

    type     same sub-event type 1; same event type 0.8; related kinds less (the typing of
             one report is not always right: a bombing may read as a clash in an update);
             a peaceful protest never joins a violent event
    date     same day 1, next day 0.7; an update may come up to a week after the attack
    place    same place or within 10 km 1, within 25 km 0.8 (a district counts as its city);
             a report with no place finer than a country that names the event's place
             (or whose unresolved place names the event's reports name) 0.7
    actors   a shared perpetrator 1, none known 0.5, different ones 0
    words    the share of the mention's topic words that the event's reports also use
    update   the article gives a changed toll ("has risen to 28"): it is about an earlier event

Some differences are vetoes, whatever the rest says: a different country, places over
25 km apart, days apart (for a report that is not an update), incompatible kinds (a
political development is not an attack), and a second mention from the same article (an
article's background attack is never its main one). The total is a weighted sum; the best
candidate at or over ``THRESHOLD`` is joined, else the mention founds a new event.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from .records import Mention

THRESHOLD: Final = 0.6
WEIGHTS: Final[Mapping[str, float]] = {
    "type": 0.30,
    "date": 0.20,
    "place": 0.25,
    "actors": 0.05,
    "words": 0.20,
    "update": 0.10,
}
# Distances in km: the same place, and the farthest two reports of one event may put it.
SAME_PLACE_KM: Final = 10.0
NEARBY_KM: Final = 25.0
# How long after an attack an update of its toll may come and still be matched to it.
UPDATE_DAYS: Final = 7
# Without a place, a mention joins an event only when most of its topic words are the event's.
PLACELESS_WORDS: Final = 0.5
NAMED_PLACE: Final = 0.7

_FAMILY: Final[Mapping[str, str]] = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "demonstration",
    "Riots": "demonstration",
    "Strategic developments": "development",
}


@dataclass(frozen=True, kw_only=True, slots=True)
class Match:
    """How well a mention fits one event: the score, each feature's part, or a veto."""

    event_id: str
    score: float
    features: Mapping[str, float] = field(default_factory=dict)
    veto: str | None = None

    @property
    def accepted(self) -> bool:
        return self.veto is None and self.score >= THRESHOLD

    def reason(self) -> dict[str, object]:
        """The stored explanation: the event, the score, each feature, any veto."""
        reason: dict[str, object] = {
            "event_id": self.event_id,
            "score": round(self.score, 3),
            "features": {k: round(v, 3) for k, v in self.features.items()},
        }
        if self.veto is not None:
            reason["veto"] = self.veto
        return reason


def best_match(mention: Mention, candidates: Mapping[str, Sequence[Mention]]) -> list[Match]:
    """Every candidate event scored, best first (accepted ones before vetoed ones)."""
    matches = [score_event(mention, event_id, members) for event_id, members in candidates.items()]
    return sorted(matches, key=lambda m: (not m.accepted, m.veto is not None, -m.score, m.event_id))


def score_event(mention: Mention, event_id: str, members: Sequence[Mention]) -> Match:
    """How well ``mention`` fits the event made of ``members``."""
    if any(m.article_id == mention.article_id for m in members):
        return Match(event_id=event_id, score=0.0, veto="the article already reports this event")
    features: dict[str, float] = {}
    type_score = max(type_score_of(mention, m) for m in members)
    if type_score == 0.0:
        return Match(event_id=event_id, score=0.0, veto="incompatible event types")
    features["type"] = type_score
    date = _date_feature(mention, members)
    if date is None:
        return Match(event_id=event_id, score=0.0, veto="dates more than a day apart")
    features["date"] = date
    place = _place_feature(mention, members)
    if place is None:
        return Match(event_id=event_id, score=0.0, veto="places apart", features=features)
    features["place"] = place
    features["actors"] = _actor_feature(mention, members)
    features["words"] = _word_feature(mention, members)
    features["update"] = 1.0 if mention.is_update else 0.0
    score = min(1.0, sum(WEIGHTS[k] * v for k, v in features.items()))
    if place == 0.0 and features["words"] < PLACELESS_WORDS:
        return Match(event_id=event_id, score=score, features=features,
                     veto="no place in common and few words in common")  # fmt: skip
    return Match(event_id=event_id, score=score, features=features)


def type_score_of(a: Mention, b: Mention) -> float:
    """1 for the same sub-event type, 0.8 for the same event type, less for related kinds."""
    kinds = {_family(a), _family(b)}
    if kinds == {"peaceful", "violence"}:
        return 0.0
    kinds = {"demonstration" if k == "peaceful" else k for k in kinds}
    if a.event_type == b.event_type and len(kinds) == 1:
        return 1.0 if a.sub_event_type == b.sub_event_type else 0.8
    if kinds & {"development", "other"}:
        return 0.0
    if kinds == {"violence"}:
        return 0.45
    if kinds == {"demonstration"}:
        return 0.5
    # A riot is violent; a protest met with force may be told as an attack on civilians.
    riot = "Riots" in (a.event_type, b.event_type)
    return 0.3 if riot else 0.15


def _family(mention: Mention) -> str:
    if mention.sub_event_type == "Peaceful protest":
        # ACLED's peaceful protests kill no one: one reported with a toll is a violent event
        # the report's wording made look like a protest, and may be any violent event.
        return "violence" if mention.toll else "peaceful"
    return _FAMILY.get(mention.event_type, "other")


# --- date ----------------------------------------------------------------------------------


def _date_feature(mention: Mention, members: Sequence[Mention]) -> float | None:
    # Members dated to the day decide; a member that only says "in April" adds nothing
    # once the event has a day, or every April attack there would fit it.
    precise = [m for m in members if m.day_precise]
    scores = [date_score_of(mention, m) for m in (precise or members)]
    known = [s for s in scores if s is not None]
    return max(known) if known else None


def date_score_of(new: Mention, old: Mention) -> float | None:
    """How well two mentions' dates agree, or None when they rule each other out."""
    if new.start is None or old.start is None:
        return _undated(new, old)
    if not (new.day_precise and old.day_precise):
        new_end, old_end = new.end or new.start, old.end or old.start
        overlap = new.start <= old_end and old.start <= new_end
        coarse = "year" in (new.precision, old.precision)
        return (0.2 if coarse else 0.35) if overlap else None
    days = (new.start - old.start).days
    if days == 0:
        return 1.0
    if abs(days) == 1:
        return 0.7
    # Updates are often dated by when the toll was given, not when the attack was; one
    # that continues the toll (as high or higher) may come up to a week after it.
    if 0 < days <= UPDATE_DAYS and _continues(new, old):
        return 0.4
    if 0 < -days <= UPDATE_DAYS and _continues(old, new):
        return 0.4
    return None


def _continues(later: Mention, earlier: Mention) -> bool:
    if not later.is_update or later.toll is None:
        return False
    return earlier.toll is None or later.toll >= earlier.toll


def _undated(new: Mention, old: Mention) -> float | None:
    # No date on one side: its published date stands in, within a week after the other.
    day = new.start or new.published
    other = old.start or old.published
    if day is None or other is None:
        return 0.15
    return 0.3 if -1 <= (day - other).days <= UPDATE_DAYS else None


# --- place ---------------------------------------------------------------------------------


def _place_feature(mention: Mention, members: Sequence[Mention]) -> float | None:
    scores = [place_score_of(mention, m) for m in members]
    known = [s for s, m in zip(scores, members, strict=True) if m.located and mention.located]
    if known and None in known and not any(s is not None and s >= 0.8 for s in known):
        return None
    values = [s for s in scores if s is not None]
    return max(values) if values else None


def place_score_of(new: Mention, old: Mention) -> float | None:
    """How well two mentions' places agree, or None when they are apart."""
    if not (new.located and old.located):
        named = new.place_forms & old.names or old.place_forms & new.names
        return NAMED_PLACE if named else 0.0
    if new.country_code and old.country_code and new.country_code != old.country_code:
        return None
    if (new.location or "").casefold() == (old.location or "").casefold():
        return 1.0
    regional = 3 in (new.geo_precision, old.geo_precision)
    if regional:
        # "Donetsk region" and a town in it: the same place, loosely.
        same_admin1 = new.admin1 is not None and new.admin1 == old.admin1
        return 0.5 if same_admin1 else (0.3 if new.admin1 is None or old.admin1 is None else None)
    if None not in (new.lat, new.lon, old.lat, old.lon):
        km = haversine_km(new.lat or 0.0, new.lon or 0.0, old.lat or 0.0, old.lon or 0.0)
        if km <= SAME_PLACE_KM:
            return 1.0
        return 0.8 if km <= NEARBY_KM else None
    if new.admin1 and old.admin1:
        return 0.5 if new.admin1 == old.admin1 else None
    return 0.3


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


# --- actors and words ------------------------------------------------------------------------


def _actor_feature(mention: Mention, members: Sequence[Mention]) -> float:
    theirs = frozenset().union(*(m.perpetrators for m in members))
    if not mention.perpetrators or not theirs:
        return 0.5
    return 1.0 if mention.perpetrators & theirs else 0.0


def _word_feature(mention: Mention, members: Sequence[Mention]) -> float:
    if not mention.keywords:
        return 0.0
    theirs = frozenset().union(*(m.keywords for m in members))
    return len(mention.keywords & theirs) / len(mention.keywords)
