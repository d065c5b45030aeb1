"""One article's count read as a toll: which of its figures is the toll, as a point estimate.

An article may give several figures for one count: the toll, a part of it ("seventeen of the
dead were found in ..."), an increment ("two more bodies"). The article's ``best`` is the
extractor's pick; a figure phrased as the toll itself outranks it when they differ.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .features import states_toll


def headline(count: Mapping[str, Any]) -> tuple[int, str, bool]:
    """(best, qualifier, stated as the toll) of one article's count.

    The article's own ``best``, unless it also reports a figure phrased as the toll ("the
    number killed rose to 33") and ``best`` is not one: then that figure, since a toll
    outranks an increment ("two more bodies") or a part of it.
    """
    best = int(count["best"])
    reports: Sequence[Mapping[str, Any]] = count.get("reports") or ()
    tolls = [r for r in reports if states_toll(str(r["evidence"]["text"]))]
    stated = next((r for r in tolls if report_best(r) == best), None)
    if stated is not None:
        return best, str(stated["qualifier"]), True
    if tolls:
        top = max(tolls, key=report_best)
        return report_best(top), str(top["qualifier"]), True
    same = next((r for r in reports if report_best(r) == best), None)
    return best, str(same["qualifier"]) if same else "exact", False


def report_best(report: Mapping[str, Any]) -> int:
    """A reported figure as a point estimate: "more than 50" is 51, as the contract counts."""
    value = int(report["value"])
    return value + 1 if report["qualifier"] == "more_than" else value
