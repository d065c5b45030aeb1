"""Merged events as a person reads them in a terminal: a table, or one event in full."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..types import COUNT_FIELDS

_COLUMNS = ("event", "date", "type", "location", "killed", "toll by report", "reports")
_WIDTHS = (16, 10, 34, 26, 12, 30, 7)


def events_table(events: Iterable[Mapping[str, Any]], *, tolls: bool = False) -> Iterator[str]:
    """Lines of a fixed-width table, one merged event per line; with ``tolls``, each
    count's toll timeline under its event ("killed   14 (s01, 2025-06-17) → 22 ...")."""
    yield _line(_COLUMNS)
    yield "  ".join("-" * w for w in _WIDTHS)
    for event in events:
        yield _line(
            (
                event["event_id"],
                event["date"]["start"] or "unknown",
                event["sub_event_type"],
                _where(event.get("location")),
                _count(event.get("fatalities"), several=len(event.get("article_ids", ())) > 1),
                " → ".join(str(v) for v in toll_steps(event)) or "-",
                str(len(event.get("article_ids", ()))),
            )
        )
        if tolls:
            yield from _toll_lines(event)


def _toll_lines(event: Mapping[str, Any]) -> Iterator[str]:
    for field, label in (("fatalities", "killed"), ("injured", "injured")):
        history = event.get("tolls", {}).get(field, ())
        if len(history) < 2:
            continue
        steps = [
            f"{h['value']}{'' if h['accepted'] else '?'} ({h['article_id']}, {h['published']})"
            for h in history
        ]
        if steps:
            yield f"    {label:<8} " + " → ".join(steps)


def toll_steps(event: Mapping[str, Any], field: str = "fatalities") -> list[int]:
    """The toll as it was reported, oldest first, repeats dropped: 14, 22, 28."""
    steps: list[int] = []
    for entry in event.get("tolls", {}).get(field, ()):
        if not steps or steps[-1] != entry["value"]:
            steps.append(int(entry["value"]))
    return steps


def event_text(event: Mapping[str, Any]) -> Iterator[str]:
    """One merged event in full: fields, counts, reports with merge reasons, timeline."""
    yield f"{event['event_id']}  {event['event_type']} / {event['sub_event_type']}"
    date = event["date"]
    yield f"  date      {date['start'] or 'unknown'}..{date['end'] or '?'} ({date['precision']})"
    yield f"  place     {_where(event.get('location'), full=True)}"
    actors = ", ".join(f"{a['name']} ({a['role']})" for a in event.get("actors", ()))
    yield f"  actors    {actors or '-'}"
    for field in COUNT_FIELDS:
        count = event.get(field)
        if count:
            yield f"  {field:<9} best {count['best']}  low {count['low']}  high {count['high']}"
    yield f"  summary   {event.get('summary') or '-'}"
    yield "  reports"
    for merge in event.get("merges", ()):
        yield f"    {merge['article_id']}  {merge['published'] or '?'}  {merge['title'] or ''}"
        yield f"      {_reason(merge)}"
    yield "  timeline"
    for entry in event.get("timeline", ()):
        yield (
            f"    {entry['published'] or '?'}  {entry['article_id']}  {entry['field']}"
            f" {entry['value']} ({entry['qualifier']})  {entry['source'] or '-'}"
            f"  “{entry['evidence']['text']}”"
        )


def _reason(merge: Mapping[str, Any]) -> str:
    reason = merge["reason"]
    moved = reason.get("moved")
    note = f"; its event was folded in when {moved['by']} matched both" if moved else ""
    if "joined" in reason:
        joined = reason["joined"]
        features = ", ".join(f"{k} {v}" for k, v in joined["features"].items())
        bridged = "".join(f"; it also matched {b['event_id']} ({b['score']}), folded in"
                          for b in reason.get("bridged", ()))  # fmt: skip
        return (
            f"{merge['relation']}: joined with score {joined['score']} ({features}){bridged}{note}"
        )
    nearest = reason.get("nearest")
    if not nearest:
        return f"{merge['relation']}: founded the event (no stored event near it){note}"
    why = nearest.get("veto") or f"score {nearest['score']} under the threshold"
    return f"{merge['relation']}: founded the event (nearest {nearest['event_id']}: {why}){note}"


def _where(location: Mapping[str, Any] | None, *, full: bool = False) -> str:
    if not location:
        return "-"
    parts: Sequence[object] = (location["name"], location.get("country_code"))
    if full:
        parts = (location["name"], location.get("admin1"), location.get("country_code"),
                 f"({location.get('lat')}, {location.get('lon')})")  # fmt: skip
    return ", ".join(str(p) for p in parts if p)


def _count(count: Mapping[str, Any] | None, *, several: bool = True) -> str:
    if not count:
        return "-"
    low, best, high = count["low"], count["best"], count["high"]
    # One report's own range is the extractor's; the table shows the spread between reports.
    if not several or (low == best and high in (None, best)):
        return str(best)
    return f"{best} ({low}-{high if high is not None else '?'})"


def _cell(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def _line(values: Sequence[str]) -> str:
    return "  ".join(_cell(v, w).ljust(w) for v, w in zip(values, _WIDTHS, strict=True)).rstrip()
