"""Casualty figures, on sentences written for these tests."""

from __future__ import annotations

import pytest

from sitreps.extract.casualties import find_casualties
from sitreps.types import CasualtyMention


def _read(sentence: str) -> list[CasualtyMention]:
    found = find_casualties(sentence, [(0, len(sentence))], article_id="t")
    for mention in found:
        assert sentence[mention.evidence.start : mention.evidence.end] == mention.evidence.text
    return found


def _fields(sentence: str) -> list[tuple[str, int, str]]:
    return [(m.field, m.number.value, m.number.qualifier) for m in _read(sentence)]


def test_conjoined_killed_and_injured() -> None:
    assert _fields("At least nine people were killed and over 30 injured in the shelling.") == [
        ("fatalities", 9, "at_least"),
        ("injured", 30, "more_than"),
    ]


def test_verb_before_figure() -> None:
    assert _fields("Last month a similar raid killed at least 7 and wounded 25.") == [
        ("fatalities", 7, "at_least"),
        ("injured", 25, "exact"),
    ]


def test_hospitalized_out_of_the_injured() -> None:
    assert _fields("The governor said that 12 of the wounded were hospitalized.") == [
        ("hospitalized", 12, "exact")
    ]


def test_death_toll_phrase() -> None:
    assert _fields("By Thursday the death toll had risen to 31.") == [("fatalities", 31, "exact")]


def test_who_was_hit() -> None:
    (mention,) = _read("Five soldiers died in the ambush.")
    assert mention.who == "soldiers"
    assert mention.field == "fatalities"


def test_missing() -> None:
    assert _fields("Four fishermen remain missing after the storm of shells.") == []
    assert _fields("Four people are still missing.") == [("missing", 4, "exact")]


def test_words_and_vague_amounts() -> None:
    assert _fields("Dozens of villagers were wounded.") == [("injured", 12, "at_least")]
    assert _fields("Twenty-one civilians were killed.") == [("fatalities", 21, "exact")]


def test_perpetrators_are_flagged() -> None:
    mentions = _read("Gunmen killed 8 farmers, and three attackers were also killed.")
    assert [(m.number.value, m.perpetrator) for m in mentions] == [(8, False), (3, True)]


def test_running_totals_are_flagged() -> None:
    (mention,) = _read(
        "Since the start of the war, 9,000 civilians have been killed in the region."
    )
    assert mention.total


@pytest.mark.parametrize(
    "text",
    [
        "Twenty-two people have been killed in the city this year.",
        "Seven people have been killed in shootings reported so far in October.",
        "Nine people have died on the county's roads this month.",
        "Six people have been wounded in shootings across the city since Saturday morning.",
    ],
)
def test_tallies_of_a_year_or_a_month_are_running_totals(text: str) -> None:
    (mention,) = _read(text)
    assert mention.total


def test_a_toll_told_on_a_day_of_this_month_is_no_running_total() -> None:
    (mention,) = _read("Two men were killed in a shooting on Elm Street this morning.")
    assert not mention.total


def test_a_toll_since_a_day_of_one_attack_is_no_round_up() -> None:
    (mention,) = _read("Three soldiers have been wounded in the attack since Monday.")
    assert not mention.total


def test_no_casualties_is_zero() -> None:
    assert _fields("No one was injured in the blast.") == [("injured", 0, "exact")]
    assert {f for f, _, _ in _fields("There were no casualties.")} == {"fatalities", "injured"}


def test_figures_that_count_something_else() -> None:
    assert _fields("Over 300 drones and 20 missiles were launched at 15 regions.") == []
    assert _fields("A 45-year-old man was among those detained.") == []


def test_a_list_of_figures_shares_its_verb() -> None:
    found = _read("Four rebels, two soldiers and one civilian were killed in the fighting.")
    assert [(m.field, m.number.value, m.additional) for m in found] == [
        ("fatalities", 4, False),
        ("fatalities", 2, True),
        ("fatalities", 1, True),
    ]


def test_brackets_itemise_and_do_not_count() -> None:
    assert _fields("Six villagers (three men, two women and a boy) were killed.") == [
        ("fatalities", 6, "exact")
    ]


def test_more_deaths_add_to_the_toll() -> None:
    (first,) = _read("Three guards died at the scene.")
    (more,) = _read("Two more died in hospital.")
    assert not first.additional
    assert more.additional and more.field == "fatalities"


def test_execution_and_bodies() -> None:
    assert _fields("Militants executed 4 hostages on Sunday.") == [("fatalities", 4, "exact")]
    assert _fields("The bodies of 7 migrants were recovered.") == [("fatalities", 7, "exact")]


def test_names_appositions_and_pools_between_a_figure_and_its_verb() -> None:
    assert _fields("Two AQIM fighters were killed near the well.") == [("fatalities", 2, "exact")]
    assert _fields("1 civilian, a village elder, was killed by gunmen.") == [
        ("fatalities", 1, "exact")
    ]
    assert _fields("9 herders of the Peul community killed in a raid.") == [
        ("fatalities", 9, "exact")
    ]
    assert _fields("7 pro-government fighters were reported killed.") == [
        ("fatalities", 7, "exact")
    ]
    # "of the injured" still names the pool, not the count
    assert _fields("Eleven of the injured were hospitalized.") == [("hospitalized", 11, "exact")]


def test_a_group_name_written_partly_in_lower_case_still_describes_the_victims() -> None:
    assert _fields("Troops said 14 Al shabaab militants were killed in the raid.") == [
        ("fatalities", 14, "exact")
    ]


def test_activists_and_relatives_are_victims_too() -> None:
    assert _fields("One activist was killed and two supporters were injured.") == [
        ("fatalities", 1, "exact"),
        ("injured", 2, "exact"),
    ]


def test_what_was_done_before_the_killing_leads_to_the_verb() -> None:
    assert _fields("On 2 May, 1 trader was abducted and killed by gunmen near the road.") == [
        ("fatalities", 1, "exact")
    ]


def test_one_person_described_by_role_and_age_is_a_figure() -> None:
    assert _fields("In the raid 1 child was killed and 3 civilians were wounded.") == [
        ("fatalities", 1, "exact"),
        ("injured", 3, "exact"),
    ]
    assert _fields("Officials said 1 tribal elder was killed near the mosque.") == [
        ("fatalities", 1, "exact")
    ]


def test_rounds_fired_and_people_fired_at_are_no_casualties() -> None:
    assert _fields("One shot was fired inside the apartment during the argument.") == []
    assert _fields("The owner fired one shot at the woman, prosecutors said.") == []
    assert _fields("Two men were shot at multiple times but were not hit.") == []
    assert _fields("Two men were shot at the bar on Friday.") == [("injured", 2, "exact")]


def test_a_conjunction_after_a_name_ends_the_victims_words() -> None:
    assert _fields("Gunmen killed three Fulani and wounded others at the market.") == [
        ("fatalities", 3, "exact")
    ]


def test_rounds_fired_are_no_people() -> None:
    assert _fields("The man pulled out a gun and fired one shot.") == []
    assert _fields("Neighbors heard two shots before the car sped away.") == []


def test_neither_nor_injured_is_a_zero() -> None:
    assert _fields("Neither the couple nor their three children were injured.") == [
        ("injured", 0, "exact")
    ]


def test_a_figure_that_shot_someone_counts_no_one_hit() -> None:
    assert _fields("Witnesses said two suspects shot the man and fled.") == []


def test_a_photo_gallerys_count_is_no_casualty_figure() -> None:
    assert _fields("Image 1 of / 13 Caption Close Man shot outside a club.") == []


def test_a_list_of_figures_counts_people_only() -> None:
    found = _fields("Monitors logged 26 ceasefire breaches, one soldier killed.")
    assert [(f, v) for f, v, _ in found] == [("fatalities", 1)]
    found = _fields("Three gendarmes, two Chadians and a nurse were killed.")
    assert sum(v for f, v, _ in found if f == "fatalities") >= 5


def test_a_figure_sent_to_hospital_is_hospitalized() -> None:
    assert _fields("The crash sent three riders to the hospital on Sunday.") == [
        ("hospitalized", 3, "exact")
    ]
    assert _fields("The storm put 40 homes out of power.") == []


def test_a_defence_ministrys_words_count_the_enemy_killed() -> None:
    assert _fields("The ministry said troops eliminated more than 60 militants on Monday.") == [
        ("fatalities", 60, "more_than")
    ]
    assert _fields("Gunners destroyed 4 tanks and 12 armoured vehicles.") == []
    assert _fields("Two KIA and five WIA near the river crossing.") == [
        ("fatalities", 2, "exact"),
        ("injured", 5, "exact"),
    ]
    assert _fields("The dealer sold 3 Kia sedans last week.") == []
