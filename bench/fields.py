"""Gold labels + `sitreps extract` results -> one scored field each, every item kept.

An item is one scored unit (a note, an article, a gold argument span) with what gold says,
what sitreps said, whether that is a hit and, for a miss, a short reason ("confusion") that
the report counts. A document sitreps wrote no result for counts as predicting nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import score
from .datasets import AcledCase, GvaCase, RoleCase, RoleGroup

Result = Mapping[str, Any]
NONE = "(none)"


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


def shared_field(name: str, group: str, items: Sequence[Item], about: str) -> Field:
    value, n = score.share(item.hit for item in items)
    return Field(name=name, group=group, score=value, n=n, items=tuple(items), about=about)


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
    gold = [getattr(c.gold, key) for c in cases]
    pred = [str((events[c.doc.id] or {}).get(key) or NONE) for c in cases]
    items = tuple(
        Item(doc_id=c.doc.id, hit=g == p, gold=g, pred=p, confusion="" if g == p else f"{g} -> {p}")
        for c, g, p in zip(cases, gold, pred, strict=True)
    )
    group = f"acled.{key}"
    about = f"main event's {key} (no main event = {NONE})"
    return [
        Field(
            name=f"{group}.accuracy",
            group=group,
            score=score.accuracy(gold, pred) if gold else None,
            n=len(gold),
            items=items,
            about=about,
        ),
        Field(
            name=f"{group}.f1_weighted",
            group=group,
            score=score.f1_weighted(gold, pred) if gold else None,
            n=len(gold),
            items=items,
            about=about,
        ),
        Field(
            name=f"{group}.f1_macro",
            group=group,
            score=score.f1_macro(gold, pred) if gold else None,
            n=len(gold),
            items=items,
            about=about,
        ),
    ]


def _acled_date_fields(cases: Sequence[AcledCase], events: Events) -> list[Field]:
    exact, within = [], []
    for c in cases:
        start, end = event_dates(events[c.doc.id])
        gold = c.gold.event_date
        pred = _date_text(start, end)
        reason = score.date_miss_reason(start, end, gold)
        hit = score.date_exact(start, end, gold)
        exact.append(
            Item(
                doc_id=c.doc.id, hit=hit, gold=str(gold), pred=pred, confusion="" if hit else reason
            )
        )
        hit = score.date_within(start, end, gold)
        within.append(
            Item(
                doc_id=c.doc.id, hit=hit, gold=str(gold), pred=pred, confusion="" if hit else reason
            )
        )
    return [
        shared_field(
            "acled.date.exact",
            "acled.date.exact",
            exact,
            "main event's date starts or ends on event_date",
        ),
        shared_field(
            "acled.date.within",
            "acled.date.within",
            within,
            "main event's date range contains event_date",
        ),
    ]


def _acled_fatality_fields(cases: Sequence[AcledCase], events: Events) -> list[Field]:
    fields = []
    for name, include_zero in (("exact_nonzero", False), ("exact_stated", True)):
        items = []
        for c in cases:
            if not score.acled_fatalities_scored(
                c.doc.text, c.gold.fatalities, include_zero=include_zero
            ):
                continue
            best = count_best(events[c.doc.id], "fatalities")
            pred = 0 if best is None else best  # ACLED codes 0 when no figure is reported
            hit = pred == c.gold.fatalities
            items.append(
                Item(
                    doc_id=c.doc.id,
                    hit=hit,
                    gold=str(c.gold.fatalities),
                    pred=str(pred) if best is not None else "null (0)",
                    confusion="" if hit else _number_confusion(c.gold.fatalities, best),
                )
            )
        about = "main event's fatalities best on notes stating their own toll" + (
            " (incl. 0)" if include_zero else " (gold > 0)"
        )
        fields.append(
            shared_field(f"acled.fatalities.{name}", f"acled.fatalities.{name}", items, about)
        )
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
        loc = (events[c.doc.id] or {}).get("location") or {}
        g = c.gold
        if g.lat is not None and g.lon is not None:
            km = None
            if loc.get("lat") is not None and loc.get("lon") is not None:
                km = score.haversine_km(g.lat, g.lon, float(loc["lat"]), float(loc["lon"]))
            hit = km is not None and km <= 25
            near.append(
                Item(
                    doc_id=c.doc.id,
                    hit=hit,
                    gold=f"{g.lat:.3f},{g.lon:.3f}",
                    pred=f"{loc.get('name')} ({km:.0f} km)" if km is not None else NONE,
                    confusion="" if hit else score.distance_bucket(km),
                )
            )
        pred_admin1 = loc.get("admin1")
        hit = score.same_place(g.admin1, pred_admin1)
        admin1.append(
            Item(
                doc_id=c.doc.id,
                hit=hit,
                gold=g.admin1,
                pred=str(pred_admin1 or NONE),
                confusion="" if hit else f"{g.admin1} -> {pred_admin1 or NONE}",
            )
        )
        if g.country_code is not None:
            pred_cc = loc.get("country_code") or NONE
            hit = pred_cc == g.country_code
            country.append(
                Item(
                    doc_id=c.doc.id,
                    hit=hit,
                    gold=g.country_code,
                    pred=pred_cc,
                    confusion="" if hit else f"{g.country_code} -> {pred_cc}",
                )
            )
    return [
        shared_field(
            "acled.location.within_25km",
            "acled.location.within_25km",
            near,
            "main event's lat/lon within 25 km of ACLED's",
        ),
        shared_field(
            "acled.location.admin1",
            "acled.location.admin1",
            admin1,
            "admin1 equal without case, accents, punctuation, generic words",
        ),
        shared_field(
            "acled.location.country",
            "acled.location.country",
            country,
            "location country_code vs ACLED iso (numeric -> alpha-2)",
        ),
    ]


def _acled_perpetrator_country(cases: Sequence[AcledCase], events: Events) -> Field:
    items = []
    for c in cases:
        g = c.gold
        gold = score.actor_country(g.actor1, g.inter1, g.country_code)
        if gold is None:
            continue  # actor1's country cannot be told (see score.actor_country)
        actors = (events[c.doc.id] or {}).get("actors") or []
        perpetrators = [a for a in actors if a.get("role") == "perpetrator"]
        pred = (perpetrators[0].get("country_code") if perpetrators else None) or NONE
        hit = pred == gold
        items.append(
            Item(
                doc_id=c.doc.id,
                hit=hit,
                gold=f"{gold} ({g.actor1})",
                pred=pred,
                confusion="" if hit else f"{gold} -> {pred}",
            )
        )
    return shared_field(
        "acled.perpetrator.country",
        "acled.perpetrator.country",
        items,
        "first perpetrator's country_code vs actor1's country",
    )


# --- GVA -----------------------------------------------------------------------------------


def gva_fields(cases: Sequence[GvaCase], results: Mapping[str, Result]) -> list[Field]:
    """Killed and injured: the main event's ``best``, null read as 0 (GVA records 0 when no one
    was hurt); incident date: exact by ``score.date_exact``."""
    fields = []
    counts: tuple[tuple[str, str, Callable[[GvaCase], int]], ...] = (
        ("killed", "fatalities", lambda c: c.killed),
        ("injured", "injured", lambda c: c.injured),
    )
    for name, key, gold_of in counts:
        items = []
        for c in cases:
            best = count_best(main_event(results.get(c.doc.id)), key)
            pred, gold = (0 if best is None else best), gold_of(c)
            items.append(
                Item(
                    doc_id=c.doc.id,
                    hit=pred == gold,
                    gold=str(gold),
                    pred=str(best) if best is not None else "null (0)",
                    confusion="" if pred == gold else _number_confusion(gold, best),
                )
            )
        fields.append(
            shared_field(
                f"gva.{name}.exact",
                f"gva.{name}.exact",
                items,
                f"main event's {key} best == n_{name} (null = 0)",
            )
        )
    items = []
    for c in cases:
        if c.shooting_date is None:
            continue
        start, end = event_dates(main_event(results.get(c.doc.id)))
        hit = score.date_exact(start, end, c.shooting_date)
        items.append(
            Item(
                doc_id=c.doc.id,
                hit=hit,
                gold=str(c.shooting_date),
                pred=_date_text(start, end),
                confusion="" if hit else score.date_miss_reason(start, end, c.shooting_date),
            )
        )
    fields.append(
        shared_field(
            "gva.date.exact",
            "gva.date.exact",
            items,
            "main event's date starts or ends on shooting_date",
        )
    )
    return fields


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
        shared_field(
            f"roles.{group}.found", f"roles.{group}.found", items[group], _ROLE_ABOUT[group]
        )
        for group in _PREDICTED_FOR
    ]
