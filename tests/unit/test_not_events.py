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


def test_deaths_from_an_epidemic_are_no_event() -> None:
    text = (
        "Three children have died of cholera in a camp outside the city since Sunday, health "
        "officials said, as the outbreak spread to two more districts."
    )
    assert _events(text) == []


def test_birds_found_dead_of_avian_flu_are_no_event() -> None:
    text = (
        "About 300 wild ducks were found dead on a lake near the town on Monday. Tests "
        "showed that the birds had been infected with avian flu."
    )
    assert _events(text) == []


def test_an_epidemic_named_beside_an_attack_leaves_the_attack() -> None:
    text = (
        "Gunmen attacked a cholera clinic in the town on Sunday, killing two nurses, "
        "health officials said."
    )
    assert [k[1] for k in _events(text) if k[0] == "main"] == ["Violence against civilians"]


def test_violence_told_only_past_the_lede_is_no_report_of_it() -> None:
    # A review whose first paragraphs tell of no act; a battle recalled further down.
    paragraphs = [
        "The new phone has a bigger screen and a faster chip than last year's model.",
        "Its battery lasts two days, and the camera is much better in low light.",
        "The price stays the same, and it comes in four colours.",
        "The old model was launched the week rebels attacked the capital, killing 40 people.",
    ]
    assert _events("\n\n".join(paragraphs)) == []


def test_violence_told_in_the_lede_is_reported() -> None:
    paragraphs = [
        "Rebels attacked the capital on Sunday, killing 40 people, officials said.",
        "The army said it had retaken the main roads by nightfall.",
        "Residents said the fighting lasted six hours.",
        "The city had been calm for a year.",
    ]
    kinds = _events("\n\n".join(paragraphs))
    assert [k[0] for k in kinds][:1] == ["main"]


def test_an_illness_named_just_before_the_deaths_is_their_cause() -> None:
    text = (
        "Swine flu is spreading fast among pilgrims in the region. Four people have died "
        "since Monday, the health ministry said."
    )
    assert _events(text) == []


def test_a_poisoning_is_no_event() -> None:
    text = "Nine people died after drinking home-brewed liquor in the village, a case of poisoning."
    assert _events(text) == []


def test_a_label_before_a_killing_is_not_its_cause() -> None:
    text = "Crash report: a resident was shot dead in the village on Monday, police said."
    assert [k[0] for k in _events(text)] == ["main"]
