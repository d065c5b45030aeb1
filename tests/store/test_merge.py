"""Merging, on results built by hand: what joins an event, what stays apart, and why."""

from __future__ import annotations

from pathlib import Path

from sitreps.store import Store
from sitreps.store.merge import haversine_km, type_score_of
from sitreps.store.records import mentions_of

from .conftest import KYIV, ODESA, SOLOMIANSKYI, event, result

A1 = "Russian drones and missiles struck Kyiv overnight, killing at least 14 people."
A2 = "The death toll from Tuesday's attack on Kyiv has risen to 22, officials said."
A3 = "A missile destroyed a block in Kyiv's Solomianskyi district, killing 28 people."
O1 = "Russian drones hit the port city of Odesa overnight, killing three people."


def _store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "s.duckdb")


def _event_ids(store: Store) -> dict[str, str]:
    rows = store.connection.execute("SELECT article_id, event_id FROM mentions").fetchall()
    return {str(a): str(e) for a, e in rows}


def test_reports_of_one_attack_join_and_the_toll_follows_them(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        store.ingest([
            result("a1", A1, "2025-06-17", event("a1", A1, day="2025-06-17", where=KYIV,
                                                 killed=[("killing at least 14", 14, "at_least")])),
            result("a2", A2, "2025-06-18", event("a2", A2, day="2025-06-17", where=KYIV,
                                                 killed=[("has risen to 22", 22, "exact")])),
            result("a3", A3, "2025-06-19", event("a3", A3, day="2025-06-17", where=SOLOMIANSKYI,
                                                 killed=[("killing 28 people", 28, "exact")])),
        ])  # fmt: skip
        ids = _event_ids(store)
        assert ids["a1"] == ids["a2"] == ids["a3"]
        (merged,) = store.events()
        assert merged["article_ids"] == ["a1", "a2", "a3"]
        assert merged["location"]["name"] == "Kyiv"  # two reports say Kyiv, one a district
        assert (merged["fatalities"]["low"], merged["fatalities"]["best"]) == (14, 28)
        assert [e["value"] for e in merged["timeline"]] == [14, 22, 28]


def test_kyiv_and_odesa_the_same_night_are_two_events(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        store.ingest([
            result("k", A1, "2025-06-17", event("k", A1, day="2025-06-17", where=KYIV)),
            result("o", O1, "2025-06-17", event("o", O1, day="2025-06-17", where=ODESA)),
        ])  # fmt: skip
        ids = _event_ids(store)
        assert ids["k"] != ids["o"]
        record = store.event(ids["o"])
        assert record is not None
        # Over 400 km apart: not even a candidate.
        assert record["merges"][0]["reason"] == {"founded": True, "nearest": None}


def test_an_update_without_a_place_joins_the_event_it_names(tmp_path: Path) -> None:
    update = "Two more people have died, bringing the toll in Kyiv to 16."
    with _store(tmp_path) as store:
        store.ingest([
            result("k", A1, "2025-06-17", event("k", A1, day="2025-06-17", where=KYIV)),
            result("o", O1, "2025-06-17", event("o", O1, day="2025-06-17", where=ODESA)),
            result("u", update, "2025-06-18", event("u", update, day="2025-06-18", where=None,
                                                    killed=[("toll in Kyiv to 16", 16, "exact")])),
        ])  # fmt: skip
        ids = _event_ids(store)
        assert ids["u"] == ids["k"] != ids["o"]


def test_a_report_without_a_place_or_common_words_stays_alone(tmp_path: Path) -> None:
    vague = "Shelling killed a farmer in a village, the regional governor wrote."
    with _store(tmp_path) as store:
        store.ingest([
            result("k", A1, "2025-06-17", event("k", A1, day="2025-06-17", where=KYIV)),
            result("v", vague, "2025-06-17", event("v", vague, day="2025-06-17", where=None)),
        ])  # fmt: skip
        ids = _event_ids(store)
        assert ids["v"] != ids["k"]


def test_days_apart_are_two_events_unless_an_update_continues_the_toll(tmp_path: Path) -> None:
    later = "Russian drones struck Kyiv again on Friday, killing two people."
    update = "Kyiv officials said the toll had risen to 30 as the search ended."
    killed = [("killing at least 14", 14, "at_least")]
    first = result(
        "k", A1, "2025-06-17", event("k", A1, day="2025-06-17", where=KYIV, killed=killed)
    )
    with Store.open(tmp_path / "a.duckdb") as store:
        store.ingest([
            first,
            result("f", later, "2025-06-20", event("f", later, day="2025-06-20", where=KYIV,
                                                   killed=[("killing two people", 2, "exact")])),
        ])  # fmt: skip
        ids = _event_ids(store)
        assert ids["f"] != ids["k"]
    with Store.open(tmp_path / "b.duckdb") as store:
        # Dated by the day the toll was given, three days after the attack.
        store.ingest([
            first,
            result("u", update, "2025-06-20", event("u", update, day="2025-06-20", where=KYIV,
                                                    killed=[("risen to 30", 30, "exact")])),
        ])  # fmt: skip
        ids = _event_ids(store)
        assert ids["u"] == ids["k"]


def test_a_background_mention_never_joins_its_own_articles_main_event(tmp_path: Path) -> None:
    text = (
        "Russian drones struck Kyiv overnight, killing 5 people. "
        "In a strike on Kyiv the same night a year earlier, 9 people were killed."
    )
    main = event("a", text, day="2025-06-17", where=KYIV, killed=[("killing 5 people", 5, "exact")])
    # The extractor dated the background attack to the same day (a misreading): it still
    # may not join the event the article is about.
    background = event("a", text, day="2025-06-17", where=KYIV, relation="background",
                       killed=[("9 people were killed", 9, "exact")])  # fmt: skip
    with _store(tmp_path) as store:
        store.ingest([result("a", text, "2025-06-17", main, background)])
        rows = store.connection.execute(
            "SELECT relation, event_id FROM mentions ORDER BY position"
        ).fetchall()
        assert rows[0][1] != rows[1][1]
        merged = store.event(rows[0][1])
        assert merged is not None and merged["fatalities"]["best"] == 5


def test_a_background_mention_may_join_an_earlier_event_of_its_date_and_place(
    tmp_path: Path,
) -> None:
    earlier = "Russian missiles struck Kyiv, killing 12 people in a residential area."
    later = (
        "Drones hit Kyiv overnight, killing 3. In April, missiles struck Kyiv and killed 12 "
        "people in a residential area."
    )
    background = event("b", later, day="2025-04-01", end="2025-04-30", where=KYIV,
                       relation="background", precision="month",
                       killed=[("killed 12", 12, "exact")])  # fmt: skip
    with _store(tmp_path) as store:
        store.ingest([
            result("a", earlier, "2025-04-24", event("a", earlier, day="2025-04-24", where=KYIV,
                                                     killed=[("killing 12", 12, "exact")])),
            result("b", later, "2025-06-17", event("b", later, day="2025-06-17", where=KYIV),
                   background),
        ])  # fmt: skip
        ids = dict(
            store.connection.execute(
                "SELECT article_id || ':' || relation, event_id FROM mentions"
            ).fetchall()
        )
        assert ids["b:background"] == ids["a:main"] != ids["b:main"]
        record = store.event(ids["a:main"])
        assert record is not None
        assert record["relation"] == "main" and record["date"]["start"] == "2025-04-24"


def test_sub_types_may_differ_kinds_may_not() -> None:
    text = "Missiles hit Kyiv."
    air, = mentions_of(result("a", text, "2025-06-17").article,
                       (event("a", text, day="2025-06-17", where=KYIV),), seq=1)  # fmt: skip
    shelling, = mentions_of(result("b", text, "2025-06-17").article,
                            (event("b", text, day="2025-06-17", where=KYIV,
                                   sub_event_type="Shelling/artillery/missile attack"),),
                            seq=2)  # fmt: skip
    talks, = mentions_of(result("c", text, "2025-06-17").article,
                         (event("c", text, day="2025-06-17", where=KYIV, sub_event_type="Other",
                                event_type="Strategic developments"),), seq=3)  # fmt: skip
    rally, = mentions_of(result("d", text, "2025-06-17").article,
                         (event("d", text, day="2025-06-17", where=KYIV, event_type="Protests",
                                sub_event_type="Peaceful protest"),), seq=4)  # fmt: skip
    met, = mentions_of(result("e", text, "2025-06-17").article,
                       (event("e", text, day="2025-06-17", where=KYIV, event_type="Protests",
                              sub_event_type="Protest with intervention"),), seq=5)  # fmt: skip
    assert type_score_of(air, shelling) == 0.8
    assert type_score_of(air, talks) == 0.0
    assert type_score_of(rally, met) == 0.8
    assert type_score_of(rally, air) == 0.0


def test_haversine() -> None:
    assert round(haversine_km(50.4547, 30.5238, 46.4775, 30.7326)) == 443  # Kyiv-Odesa


def test_a_protest_is_not_the_strike_the_same_day_but_a_toll_typed_as_one_may_be(
    tmp_path: Path,
) -> None:
    protest = "Hundreds of people rallied in central Kyiv to demand more air defence."
    misread = "Mourners gathered in Kyiv as the toll from Tuesday's strike rose to 15."
    with _store(tmp_path) as store:
        store.ingest([
            result("k", A1, "2025-06-17", event("k", A1, day="2025-06-17", where=KYIV,
                                                killed=[("killing at least 14", 14, "at_least")])),
            result("p", protest, "2025-06-17",
                   event("p", protest, day="2025-06-17", where=KYIV, actors=(),
                         event_type="Protests", sub_event_type="Peaceful protest")),
            # A report of the strike's toll that the typing took for a gathering.
            result("m", misread, "2025-06-18",
                   event("m", misread, day="2025-06-17", where=KYIV, actors=(),
                         event_type="Protests", sub_event_type="Peaceful protest",
                         killed=[("toll from Tuesday's strike rose to 15", 15, "exact")])),
        ])  # fmt: skip
        ids = _event_ids(store)
        assert ids["p"] != ids["k"]
        assert ids["m"] == ids["k"]


def test_an_update_that_came_first_is_folded_in_when_a_report_fits_both(tmp_path: Path) -> None:
    # Out of order: an update dated by its own day (two days later, another kind of event to
    # the typing) founds an event; the first report founds another; the next fits both.
    update = "Kyiv officials said the toll from the attack had risen to 30 as the search ended."
    second = "The death toll from Tuesday's drone attack on Kyiv has risen to 22, officials said."
    with _store(tmp_path) as store:
        store.ingest([
            result("u", update, "2025-06-19",
                   event("u", update, day="2025-06-19", where=KYIV, event_type="Battles",
                         sub_event_type="Armed clash", killed=[("risen to 30", 30, "exact")])),
            result("a", A1, "2025-06-17", event("a", A1, day="2025-06-17", where=KYIV,
                                                killed=[("killing at least 14", 14, "at_least")])),
        ])  # fmt: skip
        ids = _event_ids(store)
        assert ids["u"] != ids["a"]
        store.ingest([
            result("b", second, "2025-06-18",
                   event("b", second, day="2025-06-17", where=KYIV,
                         killed=[("has risen to 22", 22, "exact")])),
        ])  # fmt: skip
        ids = _event_ids(store)
        assert ids["u"] == ids["a"] == ids["b"]
        (merged,) = store.events()
        assert merged["fatalities"]["best"] == 30
        assert store.counts()["events"] == 1
        claims = store.connection.execute("SELECT DISTINCT event_id FROM claims").fetchall()
        assert claims == [(merged["event_id"],)]
        record = store.event(merged["event_id"])
        assert record is not None
        assert any("moved" in m["reason"] for m in record["merges"])
        assert any("bridged" in m["reason"] for m in record["merges"])
