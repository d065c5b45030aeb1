"""What is news but not one of ACLED's events: disasters, and visits after an attack."""

from __future__ import annotations

import datetime as dt

from sitreps import Article, extract_article

PUBLISHED = dt.date(2024, 5, 20)


def _events(text: str) -> list[tuple[str, str, str]]:
    result = extract_article(Article(id="t", text=text, published=PUBLISHED))
    return [(e.relation, e.event_type, e.sub_event_type) for e in result.events]


def test_a_disaster_alone_is_no_event() -> None:
    text = (
        "A footbridge collapsed over a river in the north of the country on Sunday, killing "
        "eleven people, rescue officials said. Divers were still searching for two missing."
    )
    assert _events(text) == []


def test_a_collapse_caused_by_a_strike_is_an_event() -> None:
    text = (
        "A five-storey apartment block collapsed on Sunday after a missile strike hit it, "
        "killing eleven people, rescue officials said."
    )
    kinds = _events(text)
    assert [k[1] for k in kinds if k[0] == "main"] == ["Explosions/Remote violence"]


def test_a_recalled_disaster_beside_a_protest_is_not_an_event() -> None:
    text = (
        "Thousands of students marched through the capital on Saturday, blowing whistles and "
        "demanding that ministers resign. The march passed off peacefully. A station roof "
        "collapse on 3 March killed nine people and set off weeks of demonstrations."
    )
    kinds = _events(text)
    assert [k for k in kinds if k[0] == "main"] == [("main", "Protests", "Peaceful protest")]
    assert [k for k in kinds if k[0] != "main"] == []


def test_a_visit_after_an_attack_is_not_a_second_event() -> None:
    text = (
        "Russian drones struck apartment blocks in the city overnight on Sunday, killing four "
        "people. The president visited the site on Monday and met rescue workers."
    )
    kinds = _events(text)
    assert [k[0] for k in kinds] == ["main"]


def test_an_agreement_told_after_an_attack_is_its_own_development() -> None:
    text = (
        "Gunmen killed six villagers in an attack on a market on Sunday. On Monday, the "
        "government and the rebel alliance signed a ceasefire agreement in the capital."
    )
    kinds = _events(text)
    assert ("related", "Strategic developments", "Agreement") in kinds


def test_a_protest_by_disaster_victims_is_a_protest() -> None:
    text = (
        "On 3 June 2024, residents hit by last month's floods blocked the main road into the "
        "town to demand a fair share of the relief funds."
    )
    kinds = _events(text)
    assert [k[1] for k in kinds if k[0] == "main"] == ["Protests"]


def test_a_crowd_burning_after_a_road_death_is_an_event() -> None:
    text = (
        "On 2 May 2024, motorcycle taxi riders burnt a car in the town centre after a road "
        "accident caused the death of one of their colleagues."
    )
    assert [k for k in _events(text) if k[0] == "main"] != []
