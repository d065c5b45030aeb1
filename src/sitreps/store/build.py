"""A merged event's record: the contract's EVENT object built from all its mentions.

Fields that reports may disagree on are taken by vote among the reports about the event
(relation ``main``), the earliest report breaking ties: the type, the day, the place (so a
district named by one report gives way to the city named by two). Actors, weapons, quotes,
attributions and evidence are the union of every report's; counts follow the timeline
(see ``timeline``). Three fields are added to the contract's EVENT: ``article_ids``,
``timeline`` and ``tolls`` (each report's figure per count, and whether it became the toll).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from ..assemble.summary import summarize
from ..serialize import EVENT_EVIDENCE_KEYS
from ..types import COUNT_FIELDS
from .decode import event_from_record
from .records import Mention
from .timeline import chronological, merged_count, timeline, toll_history


def merged_record(event_id: str, mentions: Sequence[Mention]) -> dict[str, Any]:
    """The EVENT object of the event made of ``mentions`` (any order), with its timeline."""
    members = chronological(mentions)
    voters = [m for m in members if m.relation == "main"] or members
    typed = _vote(voters, lambda m: (m.event_type, m.sub_event_type)) or voters[0]
    dated = _pick_date(voters)
    # The finest place the reports give: a town over a country named as the origin.
    placed = [m for m in voters if m.located] or [m for m in voters if m.location]
    located = _vote(placed, lambda m: m.location)
    record: dict[str, Any] = {
        "event_id": event_id,
        "relation": "main" if any(m.relation == "main" for m in members) else members[0].relation,
        "event_type": typed.event_type,
        "sub_event_type": typed.sub_event_type,
        "date": dated.record["date"],
        "location": located.record["location"] if located else None,
        "actors": _union(m.record["actors"] for m in members),
    }
    for field in COUNT_FIELDS:
        record[field] = merged_count(members, field)
    for key in ("weapons", "quotes", "attributions"):
        record[key] = [item for m in members for item in m.record[key]]
    record["evidence"] = _evidence(members)
    # One sentence in the words a single report's summary uses, of the merged fields.
    record["summary"] = members[0].record["summary"]
    if len(members) > 1:
        record["summary"] = summarize(event_from_record(record))
    record["article_ids"] = list(dict.fromkeys(m.article_id for m in members))
    record["timeline"] = timeline(members)
    record["tolls"] = {f: h for f in COUNT_FIELDS if (h := toll_history(members, f))}
    return record


def _vote(members: Sequence[Mention], key: Callable[[Mention], Hashable]) -> Mention | None:
    """The earliest member holding the commonest value of ``key``; None for no members."""
    counts = Counter(key(m) for m in members)
    top = max(counts.values(), default=0)
    return next((m for m in members if counts[key(m)] == top), None)


def _pick_date(members: Sequence[Mention]) -> Mention:
    # The commonest first day among reports dated to the day; of those, the narrowest range,
    # since later reports stretch the range to the day they were written.
    precise = [m for m in members if m.day_precise]
    voted = _vote(precise, lambda m: m.start)
    if voted is None:
        return members[0]
    return min((m for m in precise if m.start == voted.start), key=_span_days)


def _span_days(mention: Mention) -> int:
    if mention.start is None or mention.end is None:
        return 0
    return (mention.end - mention.start).days


def _union(lists: Any) -> list[Any]:
    seen: dict[str, Any] = {}
    for items in lists:
        for item in items:
            seen.setdefault(repr(sorted(item.items())), item)
    return list(seen.values())


def _evidence(members: Sequence[Mention]) -> dict[str, list[Any]]:
    keys = dict.fromkeys(EVENT_EVIDENCE_KEYS)
    for m in members:
        keys.update(dict.fromkeys(m.record["evidence"]))
    return {key: [e for m in members for e in m.record["evidence"].get(key, ())] for key in keys}
