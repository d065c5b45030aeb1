"""Toll timelines: every figure of every report of an event, and the counts they add up to.

    best   the figure of the latest credible report: a toll that rose to 28 is 28. A later
           report replaces an earlier one when its figure is at least as high, or when it
           states the toll itself and exactly ("the toll was revised down to 84"); a later
           lower figure that does neither (a recap, a part, "two more died") stays in the
           timeline but does not set ``best``.
    low    the lowest of those tolls; ``high`` the highest figure a report gave (UCDP's
           low/best/high). An event with one report keeps that report's own count.

Only reports whose article is about the event (relation ``main``) are credible for these
three when there are any; an article's passing mention of an earlier attack is in the
timeline but does not move its counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..types import COUNT_FIELDS
from .counts import headline
from .records import Mention


@dataclass(frozen=True, kw_only=True, slots=True)
class Figure:
    """What one article says a count is: its own low/best/high, and how it says it."""

    article_id: str
    relation: str
    low: int
    best: int
    high: int | None
    qualifier: str
    states_toll: bool


def chronological(members: Iterable[Mention]) -> list[Mention]:
    """Oldest report first: by published date (unknown first), then ingest order."""
    return sorted(members, key=lambda m: (m.published or dt.date.min, m.seq, m.position))


def figure_of(mention: Mention, field: str) -> Figure | None:
    """The count an article gives for ``field``, or None when it gives none."""
    count: Mapping[str, Any] | None = mention.record.get(field)
    if not count:
        return None
    best, qualifier, toll = headline(count)
    return Figure(
        article_id=mention.article_id,
        relation=mention.relation,
        low=min(int(count["low"]), best),
        best=best,
        high=None if count["high"] is None else max(int(count["high"]), best),
        qualifier=qualifier,
        states_toll=toll,
    )


def merged_count(members: Sequence[Mention], field: str) -> dict[str, Any] | None:
    """The merged COUNT of ``field`` over members given oldest first; None without figures."""
    pairs = [(m, f) for m in members if (f := figure_of(m, field)) is not None]
    if not pairs:
        return None
    reports = [r for m, _ in pairs for r in m.record[field]["reports"]]
    credible = [f for _, f in pairs if f.relation == "main"] or [f for _, f in pairs]
    if len(pairs) == 1:
        (only,) = credible
        return {"low": only.low, "best": only.best, "high": only.high, "reports": reports}
    tolls = accepted(credible)
    highs = [f.high for f in credible if f.high is not None]
    return {
        "low": min(f.best for f in tolls),
        "best": tolls[-1].best,
        "high": max([f.best for f in credible] + highs),
        "reports": reports,
    }


def accepted(figures: Sequence[Figure]) -> list[Figure]:
    """The figures that were the event's toll in turn, from figures given oldest first.

    A later figure replaces the current one when it is at least as high, or when it states
    the toll itself and exactly (a revision down); the last one is the latest credible.
    """
    tolls = [figures[0]]
    for figure in figures[1:]:
        revised = figure.states_toll and figure.qualifier == "exact"
        if figure.best >= tolls[-1].best or revised:
            tolls.append(figure)
    return tolls


def timeline(members: Sequence[Mention]) -> list[dict[str, Any]]:
    """One entry per figure reported, oldest first (members are given oldest first)."""
    entries: list[dict[str, Any]] = []
    for member in members:
        for field in COUNT_FIELDS:
            count = member.record.get(field)
            for report in (count or {}).get("reports", ()):
                entries.append(
                    {
                        "article_id": member.article_id,
                        "published": member.published.isoformat() if member.published else None,
                        "field": field,
                        "value": report["value"],
                        "qualifier": report["qualifier"],
                        "source": report["source"],
                        "evidence": report["evidence"],
                    }
                )
    return entries


def toll_history(members: Sequence[Mention], field: str) -> list[dict[str, Any]]:
    """Each report's figure for ``field``, oldest first, and whether it became the toll.

    Only the credible reports (see the module doc); the table's "14 → 22 → 28".
    """
    pairs = [(m, f) for m in members if (f := figure_of(m, field)) is not None]
    credible = [(m, f) for m, f in pairs if f.relation == "main"] or pairs
    if not credible:
        return []
    tolls = accepted([f for _, f in credible])
    return [
        {
            "article_id": m.article_id,
            "published": m.published.isoformat() if m.published else None,
            "value": f.best,
            "qualifier": f.qualifier,
            "accepted": any(f is t for t in tolls),
        }
        for m, f in credible
    ]
