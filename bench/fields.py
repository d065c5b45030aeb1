"""Gold labels + `sitreps extract` results -> one scored field each, every item kept.

An item is one scored unit (a note, an article, a gold argument span) with what gold says,
what sitreps said, whether that is a hit and, for a miss, a short reason ("confusion") that
the report counts. A document sitreps wrote no result for counts as predicting nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import score
from .datasets import AcledCase, GvaCase, RoleCase, RoleGroup

Result = Mapping[str, Any]
NONE = "(none)"
NO_EVENT = "no main event"


@dataclass(frozen=True, kw_only=True, slots=True)
class Item:
    doc_id: str
    hit: bool
    gold: str
    pred: str
    confusion: str = ""
    focus: int = 0  # where in the text the item is (a gold span's start), for the excerpt


@dataclass(frozen=True, kw_only=True, slots=True)
class Field:
    name: str
    group: str  # fields scored on the same items share a group (accuracy, F1 weighted, macro)
    score: float | None
    n: int
    items: tuple[Item, ...]
    about: str


def _item(doc_id: str, gold: str, pred: str, hit: bool, why: str | None = None) -> Item:
    """An item whose miss reason is ``why`` or else "gold -> predicted"."""
    confusion = "" if hit else (why or f"{gold} -> {pred}")
    return Item(doc_id=doc_id, hit=hit, gold=gold, pred=pred, confusion=confusion)


def shared_field(name: str, items: Sequence[Item], about: str, group: str | None = None) -> Field:
    """A field scored as the share of hits among its items."""
    value, n = score.share(item.hit for item in items)
    return Field(name=name, group=group or name, score=value, n=n, items=tuple(items), about=about)


# --- reading results -----------------------------------------------------------------------


def main_event(result: Result | None) -> Mapping[str, Any] | None:
    """The first event whose relation is "main", or None."""
    if not result:
        return None
    for event in result.get("events") or ():
        if event.get("relation") == "main":
            return dict(event)
    return None


def _day(value: object) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def event_dates(event: Mapping[str, Any] | None) -> tuple[dt.date | None, dt.date | None]:
    date = (event or {}).get("date") or {}
    return _day(date.get("start")), _day(date.get("end"))


def count_best(event: Mapping[str, Any] | None, name: str) -> int | None:
    count = (event or {}).get(name)
    best = count.get("best") if isinstance(count, Mapping) else None
    return best if isinstance(best, int) else None


def role_spans(result: Result | None) -> dict[str, list[tuple[int, int]]]:
    """Evidence spans of perpetrator actors, target actors and weapons, over all events.

    An event's ``evidence.actors`` holds one span per actor, in the order of ``actors``; an
    event where the two lengths differ has its actor spans left out (and counted under
    "unpaired").
    """
    spans: dict[str, list[tuple[int, int]]] = {
        "perpetrator": [],
        "target": [],
        "weapon": [],
        "unpaired": [],
    }
    for event in (result or {}).get("events") or ():
        actors = event.get("actors") or []
        evidence = (event.get("evidence") or {}).get("actors") or []
        if len(actors) == len(evidence):
            for actor, ev in zip(actors, evidence, strict=True):
                if actor.get("role") in ("perpetrator", "target"):
                    spans[actor["role"]].append((ev["start"], ev["end"]))
        else:
            spans["unpaired"].extend((ev["start"], ev["end"]) for ev in evidence)
        for weapon in event.get("weapons") or ():
            ev = weapon.get("evidence") or {}
            if "start" in ev:
                spans["weapon"].append((ev["start"], ev["end"]))
    return spans


# --- ACLED ---------------------------------------------------------------------------------


def acled_fields(cases: Sequence[AcledCase], results: Mapping[str, Result]) -> list[Field]:
    events = {c.doc.id: main_event(results.get(c.doc.id)) for c in cases}
    fields = _typing_fields(cases, events, "event_type")
    fields += _typing_fields(cases, events, "sub_event_type")
    fields += _acled_date_fields(cases, events)
    fields += _acled_fatality_fields(cases, events)
    fields += _acled_location_fields(cases, events)
    fields.append(_acled_perpetrator_country(cases, events))
    return fields


Events = Mapping[str, Mapping[str, Any] | None]


def _typing_fields(cases: Sequence[AcledCase], events: Events, key: str) -> list[Field]:
    """Accuracy, weighted F1 and macro F1 of the main event's type (no main event: "(none)")."""
    gold = [str(getattr(c.gold, key)) for c in cases]
    pred = [str((events[c.doc.id] or {}).get(key) or NONE) for c in cases]
    items = tuple(_item(c.doc.id, g, p, g == p) for c, g, p in zip(cases, gold, pred, strict=True))
    group = f"acled.{key}"
    about = f"main event's {key} (no main event = {NONE})"
    metrics = (
        ("accuracy", score.accuracy),
        ("f1_weighted", score.f1_weighted),
        ("f1_macro", score.f1_macro),
    )
    return [
        Field(
            name=f"{group}.{metric}",
            group=group,
            score=fn(gold, pred) if gold else None,
            n=len(gold),
            items=items,
            about=about,
        )
        for metric, fn in metrics
    ]


def _acled_date_fields(cases: Sequence[AcledCase], events: Events) -> list[Field]:
    exact, within = [], []
    for c in cases:
        event, gold = events[c.doc.id], c.gold.event_date
        start, end = event_dates(event)
        pred = _date_text(start, end)
        why = score.date_miss_reason(start, end, gold) if event else NO_EVENT
        exact.append(_item(c.doc.id, str(gold), pred, score.date_exact(start, end, gold), why))
        within.append(_item(c.doc.id, str(gold), pred, score.date_within(start, end, gold), why))
    return [
        shared_field("acled.date.exact", exact, "main event's date starts or ends on event_date"),
        shared_field("acled.date.within", within, "main event's date range contains event_date"),
    ]


def _acled_fatality_fields(cases: Sequence[AcledCase], events: Events) -> list[Field]:
    """Fatalities on the notes ``score.acled_fatalities_scored`` keeps; null counts as 0, since
    ACLED codes 0 when no figure is reported."""
    fields = []
    for name, include_zero in (("exact_nonzero", False), ("exact_stated", True)):
        items = []
        for c in cases:
            gold = c.gold.fatalities
            if not score.acled_fatalities_scored(c.doc.text, gold, include_zero=include_zero):
                continue
            event = events[c.doc.id]
            best = count_best(event, "fatalities")
            pred = str(best) if best is not None else "null (0)"
            why = NO_EVENT if event is None else _number_confusion(gold, best)
            items.append(_item(c.doc.id, str(gold), pred, (best or 0) == gold, why))
        which = "incl. 0" if include_zero else "gold > 0"
        about = f"main event's fatalities best on notes stating their own toll ({which})"
        fields.append(shared_field(f"acled.fatalities.{name}", items, about))
    return fields


def _number_confusion(gold: int, pred: int | None) -> str:
    return f"{gold} -> {'null' if pred is None else pred}"


def _date_text(start: dt.date | None, end: dt.date | None) -> str:
    if start is None and end is None:
        return NONE
    return str(start) if start == end else f"{start}..{end}"


def _acled_location_fields(cases: Sequence[AcledCase], events: Events) -> list[Field]:
    near, admin1, country = [], [], []
    for c in cases:
        event, g = events[c.doc.id], c.gold
        loc = (event or {}).get("location") or {}
        missing = NO_EVENT if event is None else (None if loc else "no location")
        if g.lat is not None and g.lon is not None:
            km = None
            if loc.get("lat") is not None and loc.get("lon") is not None:
                km = score.haversine_km(g.lat, g.lon, float(loc["lat"]), float(loc["lon"]))
            pred = f"{loc.get('name')} ({km:.0f} km)" if km is not None else NONE
            why = missing or score.distance_bucket(km)
            hit = km is not None and km <= 25
            near.append(_item(c.doc.id, f"{g.lat:.3f},{g.lon:.3f}", pred, hit, why))
        pred_admin1 = loc.get("admin1")
        hit = score.same_place(g.admin1, pred_admin1)
        admin1.append(_item(c.doc.id, g.admin1, pred_admin1 or NONE, hit, missing))
        if g.country_code is not None:
            pred = loc.get("country_code") or NONE
            country.append(_item(c.doc.id, g.country_code, pred, pred == g.country_code, missing))
    return [
        shared_field(
            "acled.location.within_25km", near, "main event's lat/lon within 25 km of ACLED's"
        ),
        shared_field(
            "acled.location.admin1",
            admin1,
            "admin1 equal without case, accents, punctuation, generic words",
        ),
        shared_field(
            "acled.location.country",
            country,
            "location country_code vs ACLED iso (numeric -> alpha-2)",
        ),
    ]


def _acled_perpetrator_country(cases: Sequence[AcledCase], events: Events) -> Field:
    items = []
    for c in cases:
        g, event = c.gold, events[c.doc.id]
        gold = score.actor_country(g.actor1, g.inter1, g.country_code)
        if gold is None:
            continue  # actor1's country cannot be told (see score.actor_country)
        actors = (event or {}).get("actors") or []
        perpetrators = [a for a in actors if a.get("role") == "perpetrator"]
        pred = (perpetrators[0].get("country_code") if perpetrators else None) or NONE
        if event is None:
            why = NO_EVENT
        elif not perpetrators:
            why = "no perpetrator"
        elif pred == NONE:
            why = "perpetrator without country"
        else:
            why = f"{gold} -> {pred}"
        items.append(_item(c.doc.id, f"{gold} ({g.actor1})", pred, pred == gold, why))
    return shared_field(
        "acled.perpetrator.country", items, "first perpetrator's country_code vs actor1's country"
    )


# --- GVA -----------------------------------------------------------------------------------


def gva_fields(cases: Sequence[GvaCase], results: Mapping[str, Result]) -> list[Field]:
    """Killed and injured: the main event's ``best``, null read as 0 (GVA records 0 when no one
    was hurt); incident date: exact by ``score.date_exact``."""
    events = {c.doc.id: main_event(results.get(c.doc.id)) for c in cases}
    killed: list[Item] = []
    injured: list[Item] = []
    dates: list[Item] = []
    for c in cases:
        event = events[c.doc.id]
        for items, key, gold in ((killed, "fatalities", c.killed), (injured, "injured", c.injured)):
            best = count_best(event, key)
            pred = str(best) if best is not None else "null (0)"
            why = NO_EVENT if event is None else _number_confusion(gold, best)
            items.append(_item(c.doc.id, str(gold), pred, (best or 0) == gold, why))
        if c.shooting_date is not None:
            start, end = event_dates(event)
            hit = score.date_exact(start, end, c.shooting_date)
            why = NO_EVENT if event is None else score.date_miss_reason(start, end, c.shooting_date)
            dates.append(_item(c.doc.id, str(c.shooting_date), _date_text(start, end), hit, why))
    return [
        shared_field(
            "gva.killed.exact", killed, "main event's fatalities best == n_killed (null = 0)"
        ),
        shared_field(
            "gva.injured.exact", injured, "main event's injured best == n_injured (null = 0)"
        ),
        shared_field("gva.date.exact", dates, "main event's date starts or ends on shooting_date"),
    ]


# --- roles ---------------------------------------------------------------------------------

_PREDICTED_FOR: dict[RoleGroup, tuple[str, str]] = {
    # gold group -> (predicted span kind that finds it, the kind that means a role mix-up)
    "attacker": ("perpetrator", "target"),
    "victim_target": ("target", "perpetrator"),
    "instrument": ("weapon", ""),
}
_ROLE_ABOUT: dict[RoleGroup, str] = {
    "attacker": "gold attacker/killer/injurer spans overlapped by a perpetrator actor's evidence",
    "victim_target": "gold victim/target spans overlapped by a target actor's evidence",
    "instrument": "gold instrument/explosive-device spans overlapped by a weapon's evidence",
}


def role_fields(cases: Sequence[RoleCase], results: Mapping[str, Result]) -> list[Field]:
    items: dict[RoleGroup, list[Item]] = {group: [] for group in _PREDICTED_FOR}
    for c in cases:
        spans = role_spans(results.get(c.doc.id))
        for gold in c.spans:
            found_by, mixed_by = _PREDICTED_FOR[gold.group]
            span = (gold.start, gold.end)
            hit = score.overlaps_any(span, spans[found_by])
            if hit:
                reason = ""
            elif mixed_by and score.overlaps_any(span, spans[mixed_by]):
                reason = f"found as {mixed_by}"
            elif score.overlaps_any(span, spans["unpaired"]):
                reason = "actor evidence not paired with a role"
            elif spans[found_by]:
                reason = f"{found_by} spans elsewhere"
            else:
                reason = f"no {found_by} span in the document"
            pred = "; ".join(c.doc.text[s:e] for s, e in spans[found_by][:3]) or NONE
            items[gold.group].append(
                Item(
                    doc_id=c.doc.id,
                    hit=hit,
                    gold=gold.text,
                    pred=pred,
                    confusion=reason,
                    focus=gold.start,
                )
            )
    return [
        shared_field(f"roles.{group}.found", items[group], _ROLE_ABOUT[group])
        for group in _PREDICTED_FOR
    ]
