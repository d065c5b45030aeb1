"""The bundled sample reports end to end: what a coder reads in each of them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sitreps import Article, Result, extract_article
from sitreps.serialize import result_to_dict, validate_result

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "reports.jsonl"


@pytest.fixture(scope="module")
def results() -> dict[str, Result]:
    found = {}
    for line in SAMPLES.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        article = Article(id=doc["id"], text=doc["text"], title=doc.get("title"),
                          published=dt.date.fromisoformat(doc["published"]))  # fmt: skip
        found[doc["id"]] = extract_article(article)
    return found


def _main(result: Result):  # type: ignore[no-untyped-def]
    (main,) = [e for e in result.events if e.relation == "main"]
    return main


def test_every_result_follows_the_schema(results: dict[str, Result]) -> None:
    for result in results.values():
        validate_result(result_to_dict(result))


@pytest.mark.parametrize(
    ("doc", "killed"), [("s01", 14), ("s02", 22), ("s03", 28), ("s04", 32), ("s05", 35)]
)
def test_tolls_rise_across_updates(results: dict[str, Result], doc: str, killed: int) -> None:
    main = _main(results[doc])
    assert main.fatalities is not None
    assert main.fatalities.best == killed
    assert main.location is not None and main.location.country_code == "UA"


@pytest.mark.parametrize(
    ("doc", "sub_event_type"),
    [
        ("s01", "Air/drone strike"),
        ("s04", "Shelling/artillery/missile attack"),
        ("s07", "Suicide bomb"),
        ("s08", "Abduction/forced disappearance"),
        ("s12", "Peaceful protest"),
        ("s13", "Excessive force against protesters"),
        ("s14", "Remote explosive/landmine/IED"),
    ],
)
def test_event_types(results: dict[str, Result], doc: str, sub_event_type: str) -> None:
    assert _main(results[doc]).sub_event_type == sub_event_type


def test_a_separate_attack_keeps_its_own_toll(results: dict[str, Result]) -> None:
    events = results["s14"].events
    main = _main(results["s14"])
    assert main.fatalities is not None and main.fatalities.best == 6
    separate = [e for e in events if e.relation == "related" and e.fatalities]
    assert [e.fatalities.best for e in separate if e.fatalities] == [13]


def test_recalled_events_are_background(results: dict[str, Result]) -> None:
    background = [e for e in results["s07"].events if e.relation == "background"]
    assert background and all(e.date.start and e.date.start.year == 2022 for e in background)
    protest = _main(results["s12"])
    assert protest.fatalities is None  # the deaths it recalls belong to an earlier event


def test_protest_date_and_place(results: dict[str, Result]) -> None:
    protest = _main(results["s12"])
    assert protest.date.start == dt.date(2025, 3, 15)
    assert protest.location is not None and protest.location.name == "Belgrade"
