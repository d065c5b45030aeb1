"""The store itself: round trips, idempotence, ids, failures, filters, atomic batches."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitreps.batch import Failure
from sitreps.store import EventFilter, Store, default_path
from sitreps.store.decode import event_from_record
from sitreps.types import (
    Actor,
    Article,
    Count,
    Event,
    EventDate,
    Evidence,
    Location,
    QuoteMention,
    Report,
    Result,
    WeaponMention,
)

from .conftest import KYIV, ODESA, event, result

# Words without the letters of "toll", "total" or "rose": figures never read as tolls.
WORDS = ("alpha", "bravo", "echo", "kiwi", "mango", "papaya", "banana", "hazard", "jazz")


@st.composite
def results(draw: st.DrawFn) -> Result:
    """One article with one event whose evidence quotes the text."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=8, max_size=40))
    text = " ".join(words)
    aid = draw(st.text("abcxyz0123456789-", min_size=1, max_size=12))

    def evidence() -> Evidence:
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start, len(text)))
        return Evidence.of(aid, text, start, end)

    def count() -> Count | None:
        if not draw(st.booleans()):
            return None
        values = draw(st.lists(st.integers(0, 10_000), min_size=1, max_size=3))
        reports = tuple(
            Report(value=v, qualifier=draw(st.sampled_from(["exact", "at_least", "about"])),
                   source=draw(st.none() | st.sampled_from(["police", "UN"])), evidence=evidence())
            for v in values
        )  # fmt: skip
        best = values[0]
        high = draw(st.none() | st.integers(best, best + 50))
        return Count(low=draw(st.integers(0, best)), best=best, high=high, reports=reports)

    day = draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
    location = draw(st.none() | st.builds(
        Location, name=st.sampled_from(["Kyiv", "Goma", "El Fasher"]),
        country=st.none() | st.just("Somewhere"), country_code=st.none() | st.just("UA"),
        admin1=st.none() | st.just("North"), admin2=st.none(), district=st.none(),
        lat=st.none() | st.floats(-90, 90), lon=st.none() | st.floats(-180, 180),
        geo_precision=st.integers(1, 3), geonames_id=st.none() | st.integers(1, 10**7),
    ))  # fmt: skip
    actors = draw(st.lists(st.builds(
        Actor, name=st.sampled_from(["Police", "Rebels", "Civilians"]),
        role=st.sampled_from(["perpetrator", "target", "other"]),
        kind=st.sampled_from(["state_forces", "rebels", "civilians"]), country_code=st.none(),
    ), max_size=3, unique_by=lambda a: (a.name, a.role, a.kind)))  # fmt: skip
    event = Event(
        event_id="local",
        relation=draw(st.sampled_from(["main", "background", "related"])),
        event_type="Battles",
        sub_event_type="Armed clash",
        date=EventDate(start=day, end=day, precision="day" if day else "unknown", text=None),
        location=location,
        actors=tuple(actors),
        fatalities=count(),
        injured=count(),
        weapons=(WeaponMention(evidence=evidence(), kind="drone", count=3, qualifier="exact"),),
        quotes=(QuoteMention(evidence=evidence(), text="jazz", speaker="Kiwi"),),
        evidence={"event_type": (evidence(),), "date": (), "location": (evidence(),),
                  "actors": (), "weapons": (evidence(),)},
        summary=draw(st.text(max_size=40)),
    )  # fmt: skip
    published = draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
    return Result(article=Article(id=aid, text=text, published=published), events=(event,))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(item=results())
def test_an_event_written_is_the_event_read_back(tmp_path: Path, item: Result) -> None:
    db = tmp_path / f"{abs(hash(item.article.text))}.duckdb"
    db.unlink(missing_ok=True)
    with Store.open(db) as store:
        store.ingest([item])
        (record,) = store.events()
        article = store.article(item.article.id)
    (written,) = item.events
    assert event_from_record(record) == dataclasses.replace(written, event_id=record["event_id"])
    assert record["article_ids"] == [item.article.id]
    reports = [r for c in (written.fatalities, written.injured) if c for r in c.reports]
    assert len(record["timeline"]) == len(reports)
    assert article is not None and article["text"] == item.article.text
    db.unlink()


A = "Russian drones struck Kyiv overnight, killing at least 14 people."
B = "Russian drones hit the port city of Odesa overnight, killing three people."


def _two() -> list[Result]:
    return [
        result("a", A, "2025-06-17", event("a", A, day="2025-06-17", where=KYIV,
                                           killed=[("killing at least 14", 14, "at_least")])),
        result("b", B, "2025-06-17", event("b", B, day="2025-06-17", where=ODESA,
                                           killed=[("killing three people", 3, "exact")])),
    ]  # fmt: skip


def test_ingesting_twice_changes_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        first = store.ingest(_two())
        events, counts = store.events(), store.counts()
        second = store.ingest(_two())
        assert (first.added, second.added, second.duplicates) == (2, 0, 2)
        assert store.events() == events and store.counts() == counts


def test_prepare_skips_stored_texts_and_renames_a_taken_id(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest(_two())
        assert store.prepare(Article(id="zzz", text=A)) is None
        renamed = store.prepare(Article(id="a", text="Another text altogether."))
        assert renamed is not None and renamed.id.startswith("a~")
        assert store.prepare(Article(id="a", text="Another text altogether.")) is None


def test_prepare_many_reads_a_batch_as_prepare_reads_one_after_another(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest(_two())
        batch = [
            Article(id="new", text="A text never stored."),
            Article(id="zzz", text=A),  # its text is stored
            Article(id="a", text="A second new text."),  # its id is stored
            Article(id="new", text="A third new text."),  # its id taken earlier in the batch
            Article(id="other", text="A text never stored."),  # its text too
        ]
        got = store.prepare_many(batch)
        assert got[0] == batch[0] and got[1] is None and got[4] is None
        assert got[2] is not None and got[2].id.startswith("a~")
        assert got[3] is not None and got[3].id.startswith("new~")
        assert store.prepare_many([]) == []
        assert store.prepare(Article(id="x", text="A third new text.")) is None


def test_a_prepared_article_stored_once_is_a_duplicate_the_second_time(tmp_path: Path) -> None:
    # prepare's lookup is reused for the first storing only; later ones look again.
    with Store.open(tmp_path / "s.duckdb") as store:
        first, second = _two()
        assert store.prepare(first.article) == first.article
        summary = store.ingest([first, second, first], batch_size=1)
        assert (summary.added, summary.duplicates) == (2, 1)
        assert store.ingest([first]).duplicates == 1


def test_a_batch_that_fails_leaves_nothing_behind(tmp_path: Path) -> None:
    def items() -> list[Result]:
        good = _two()
        broken = result("c", "Broken text.", "2025-06-17")
        # An event whose record cannot be written as JSON: the batch must roll back whole.
        bad_event = event("c", "Broken text.", day="2025-06-17", where=dataclasses.replace(
            KYIV, lat=float("nan")))  # fmt: skip
        return [*good, dataclasses.replace(broken, events=(bad_event,))]

    with Store.open(tmp_path / "s.duckdb") as store:
        with pytest.raises(ValueError):
            store.ingest(items(), batch_size=10)
        assert store.counts() == {"articles": 0, "events": 0, "mentions": 0, "claims": 0,
                                  "failures": 0}  # fmt: skip


def test_failures_are_recorded_once_and_the_rest_goes_on(tmp_path: Path) -> None:
    failure = Failure(source="bad.txt", reason="is empty")
    with Store.open(tmp_path / "s.duckdb") as store:
        summary = store.ingest([failure, *_two(), failure])
        assert summary.added == 2 and len(summary.failures) == 2
        (recorded,) = store.failures()
        assert recorded["document"] == "bad.txt" and recorded["stage"] == "read"


def test_an_article_comes_back_with_its_spans(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest(_two())
        article = store.article("a")
        assert store.article("nope") is None
    assert article is not None and article["text"] == A
    (span,) = [s for s in article["spans"] if s["field"] == "fatalities"]
    assert A[span["start"] : span["end"]] == span["text"] == "killing at least 14"
    assert article["events"][0]["event_id"] == span["event_id"]


def test_filters(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest(_two())

        def names(**kw: object) -> list[str]:
            return [e["location"]["name"] for e in store.events(EventFilter(**kw))]  # type: ignore[arg-type]

        assert names() == ["Kyiv", "Odesa"]
        assert names(min_fatalities=10) == ["Kyiv"]
        assert names(country="ua") == names(country="Ukraine") == ["Kyiv", "Odesa"]
        assert names(country="SO") == []
        assert names(since=dt.date(2025, 6, 18)) == []
        assert names(until=dt.date(2025, 6, 17), event_type="air/drone strike") == ["Kyiv", "Odesa"]
        assert names(event_type="Explosions/Remote violence", min_fatalities=3) == ["Kyiv", "Odesa"]
        assert names(event_type="Battles") == []


def test_the_default_store_is_named_by_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SITREPS_DB", str(tmp_path / "env.duckdb"))
    assert default_path() == tmp_path / "env.duckdb"
    monkeypatch.delenv("SITREPS_DB")
    assert default_path() == Path("sitreps.duckdb")
