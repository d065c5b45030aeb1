"""Toll timelines: best follows the latest credible report; low and high span the reports."""

from __future__ import annotations

from pathlib import Path

from sitreps.store import Store
from sitreps.store.counts import headline
from sitreps.store.timeline import Figure, accepted

from .conftest import KYIV, event, result


def _figure(best: int, *, qualifier: str = "exact", toll: bool = False) -> Figure:
    return Figure(article_id=str(best), relation="main", low=best, best=best, high=None,
                  qualifier=qualifier, states_toll=toll)  # fmt: skip


def test_a_rising_toll_is_followed() -> None:
    tolls = accepted([_figure(14, qualifier="at_least"), _figure(22), _figure(28)])
    assert [f.best for f in tolls] == [14, 22, 28]


def test_a_later_lower_figure_that_is_not_a_revision_does_not_replace_the_toll() -> None:
    # "five of the wounded died" after "the toll was revised to 84"
    tolls = accepted([_figure(103), _figure(84, toll=True), _figure(5)])
    assert [f.best for f in tolls] == [103, 84]


def test_a_lower_bound_already_passed_does_not_replace_the_toll() -> None:
    tolls = accepted([_figure(22), _figure(14, qualifier="at_least", toll=True)])
    assert tolls[-1].best == 22


def _count(*reports: tuple[int, str, str], best: int) -> dict[str, object]:
    return {
        "low": min(v for v, _, _ in reports), "best": best, "high": None,
        "reports": [{"value": v, "qualifier": q, "source": None,
                     "evidence": {"article_id": "a", "start": 0, "end": len(t), "text": t}}
                    for v, q, t in reports],
    }  # fmt: skip


def test_a_figure_phrased_as_the_toll_outranks_an_increment() -> None:
    count = _count((2, "exact", "two more bodies"),
                   (33, "exact", "bringing the number killed to 33"), best=2)  # fmt: skip
    assert headline(count) == (33, "exact", True)
    assert headline(_count((14, "at_least", "killing at least 14"), best=14)) == (
        14, "at_least", False,
    )  # fmt: skip


def test_conflicting_sources_stay_in_the_timeline(tmp_path: Path) -> None:
    first = "Officials said the strike on Kyiv killed 9 people; Moscow claimed 60 soldiers died."
    second = "The death toll in Kyiv rose to 12, officials said."
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest([
            result("a", first, "2025-06-17",
                   event("a", first, day="2025-06-17", where=KYIV,
                         killed=[("killed 9 people", 9, "exact"),
                                 ("60 soldiers died", 60, "exact")], best=9)),
            result("b", second, "2025-06-18",
                   event("b", second, day="2025-06-17", where=KYIV,
                         killed=[("toll in Kyiv rose to 12", 12, "exact")])),
        ])  # fmt: skip
        (merged,) = store.events()
    fatalities = merged["fatalities"]
    assert (fatalities["low"], fatalities["best"]) == (9, 12)
    assert [(e["article_id"], e["value"]) for e in merged["timeline"]] == [
        ("a", 9), ("a", 60), ("b", 12),
    ]  # fmt: skip
    assert [h["value"] for h in merged["tolls"]["fatalities"]] == [9, 12]


def test_one_report_keeps_its_own_count(tmp_path: Path) -> None:
    text = "Between 10 and 12 people were killed in Kyiv."
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest([result("a", text, "2025-06-17",
                             event("a", text, day="2025-06-17", where=KYIV,
                                   killed=[("Between 10 and 12", 10, "range")]))])  # fmt: skip
        (merged,) = store.events()
    assert merged["fatalities"]["best"] == 10
    assert merged["injured"] is None
