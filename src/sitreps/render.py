"""Results as a table a person reads in a terminal."""

from __future__ import annotations

from collections.abc import Iterable

from .types import Count, Event, Result

_COLUMNS = ("article", "relation", "date", "type", "location", "killed", "injured", "perpetrator")
_WIDTHS = (8, 10, 23, 34, 30, 7, 7, 30)


def _count(count: Count | None) -> str:
    if count is None:
        return "-"
    return (
        f"{count.best}+"
        if count.high is None and count.low == count.best and count.best
        else str(count.best)
    )


def _date(event: Event) -> str:
    start, end = event.date.start, event.date.end
    if start is None:
        return "unknown"
    if event.date.precision == "month":
        return f"{start:%Y-%m}"
    return str(start) if start == end or end is None else f"{start}..{end:%m-%d}"


def _cell(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def event_row(article_id: str, event: Event) -> tuple[str, ...]:
    where = "-"
    if event.location is not None:
        where = ", ".join(p for p in (event.location.name, event.location.country_code) if p)
    perpetrators = ", ".join(a.name for a in event.actors if a.role == "perpetrator") or "-"
    return (
        article_id, event.relation, _date(event), event.sub_event_type, where,
        _count(event.fatalities), _count(event.injured), perpetrators,
    )  # fmt: skip


def table(results: Iterable[Result]) -> Iterable[str]:
    """Lines of a fixed-width table, one event per line."""
    line = "  ".join(c.ljust(w) for c, w in zip(_COLUMNS, _WIDTHS, strict=True))
    yield line
    yield "  ".join("-" * w for w in _WIDTHS)
    for result in results:
        for event in result.events:
            row = event_row(result.article.id, event)
            yield "  ".join(
                _cell(v, w).ljust(w) for v, w in zip(row, _WIDTHS, strict=True)
            ).rstrip()
