"""Main, background and related events, and event typing, on reports written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from sitreps import Article, extract_article
from sitreps.assemble.typing import classify


def _events(text: str, published: dt.date | None = dt.date(2024, 5, 8)):  # type: ignore[no-untyped-def]
    return extract_article(Article(id="t", text=text, published=published)).events


def test_background_event_keeps_its_own_figures() -> None:
    events = _events(
        "Three people were killed when artillery shells hit a market in Kherson on Tuesday. "
        "In March, a similar attack on the same market killed 9 and injured 20.\n"
    )
    main, background = events
    assert (main.relation, main.fatalities and main.fatalities.best) == ("main", 3)
    assert background.relation == "background"
    assert background.fatalities is not None and background.fatalities.best == 9
    assert background.injured is not None and background.injured.best == 20
    assert background.date.precision == "month" and background.date.start == dt.date(2024, 3, 1)
    assert background.sub_event_type == main.sub_event_type == "Shelling/artillery/missile attack"


def test_related_development_carries_no_casualties() -> None:
    events = _events(
        "A drone strike killed two soldiers near Bakhmut on Monday. "
        "Separately, the foreign minister arrived in Ankara for talks on a prisoner exchange.\n"
    )
    related = [e for e in events if e.relation == "related"]
    assert related and all(e.fatalities is None and e.injured is None for e in related)
    assert all(e.event_type == "Strategic developments" for e in related)


def test_no_event_in_a_report_without_one() -> None:
    assert _events("The central bank kept interest rates unchanged on Tuesday.\n") == ()


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("A suicide bomber blew himself up at a checkpoint.", "Suicide bomb"),
        ("A roadside bomb struck a police vehicle.", "Remote explosive/landmine/IED"),
        ("Israeli airstrikes hit a house in Rafah.", "Air/drone strike"),
        ("Russian forces shelled the town overnight.", "Shelling/artillery/missile attack"),
        ("Gunmen kidnapped 20 passengers on the highway.", "Abduction/forced disappearance"),
        (
            "Police fired tear gas to disperse protesters outside parliament.",
            "Protest with intervention",
        ),
        ("Thousands of teachers protested peacefully over unpaid wages.", "Peaceful protest"),
        ("Rioters torched cars and looted shops.", "Violent demonstration"),
        ("Troops clashed with militants near the border.", "Armed clash"),
        ("Gunmen shot dead five villagers in their homes.", "Attack"),
        ("A man threw a grenade into a bar.", "Grenade"),
        (
            "Rebels seized the town after government troops withdrew.",
            "Non-state actor overtakes territory",
        ),
        ("The army recaptured the village from insurgents.", "Government regains territory"),
        ("Police arrested three opposition leaders.", "Arrests"),
        ("The two sides signed a ceasefire agreement.", "Agreement"),
        ("Government forces fired mortars and small arms at rebel positions.", "Armed clash"),
        ("The army responded to the shelling with artillery fire.", "Armed clash"),
    ],
)
def test_typing_rules(sentence: str, sub_event_type: str) -> None:
    typing = classify(sentence)
    assert typing is not None
    assert typing.sub_event_type == sub_event_type
    (span,) = typing.spans
    assert 0 <= span[0] < span[1] <= len(sentence)


def test_a_list_of_victims_adds_up_in_the_event() -> None:
    (main,) = _events(
        "Militants attacked a checkpoint on Monday. Three soldiers and two civilians were killed.\n"
    )
    assert main.fatalities is not None and main.fatalities.best == 5


def test_a_protest_dispersed_in_a_later_sentence() -> None:
    (main,) = _events(
        "Hundreds of teachers protested outside the education ministry on Monday over pay. "
        "Police later dispersed them with tear gas.\n"
    )
    assert main.sub_event_type == "Protest with intervention"
    assert main.actors and main.actors[0].name.startswith("Protesters")


def test_forces_without_a_country_take_the_event_country() -> None:
    (main,) = _events("Soldiers killed three militants near Mopti in Mali on Sunday.\n")
    assert any(a.name == "Military Forces of Mali" for a in main.actors)


def test_attackers_killed_add_to_the_toll_but_claims_about_the_dead_do_not() -> None:
    (main,) = _events(
        "At least 20 people were killed when gunmen stormed a hotel on Friday. "
        "Police said four attackers were also shot dead.\n"
    )
    assert main.fatalities is not None and main.fatalities.best == 24
    (strike,) = _events(
        "An air strike on a school killed more than 40 people on Saturday, rescuers said. "
        "The military said at least 10 militants were killed in the strike.\n"
    )
    assert strike.fatalities is not None and strike.fatalities.best == 41


def test_deadliest_since_is_no_running_total() -> None:
    events = _events(
        "A car bomb killed 9 people in the capital on Monday. It was the deadliest attack "
        "since March 2022, when a truck bomb killed at least 60 people.\n"
    )
    background = [e for e in events if e.relation == "background"]
    assert background and background[0].fatalities is not None
    assert background[0].fatalities.best == 60


def test_a_sentence_opening_on_an_earlier_day_tells_that_days_event() -> None:
    from sitreps.assemble.segments import Sentence, _dated_before
    from sitreps.types import DateMention, Evidence

    def sentence(text: str, phrase: str, day: dt.date) -> Sentence:
        at = text.index(phrase)
        date = DateMention(
            evidence=Evidence.of("t", text, at, at + len(phrase)),
            start=day, end=day, precision="day",
        )  # fmt: skip
        return Sentence(index=2, start=0, end=len(text), paragraph=0, text=text, dates=[date])

    main_day = dt.date(2024, 5, 7)
    opening = sentence("On Monday afternoon, a woman was shot dead.", "Monday", dt.date(2024, 5, 6))
    assert _dated_before(opening, main_day)
    # a day named later in the sentence may be when the news came, not the event's day
    later = sentence("A woman shot dead was named on Monday.", "Monday", dt.date(2024, 5, 6))
    assert not _dated_before(later, main_day)


@pytest.mark.parametrize(
    "text",
    [
        # the classifier calls each of these a peaceful protest, fairly sure
        "The ministry of energy has unveiled a plan to help the solar industry cut the cost "
        "of its panels.\n",
        "The city council has unveiled a plan to help small shops cut the cost of their rents.\n",
    ],
)
def test_an_opening_that_tells_of_no_one_acting_is_no_event(text: str) -> None:
    # The learned classifier names a kind for any text; with no actor, weapon, force or
    # crowd in the opening, it is not taken on its word.
    assert _events(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        # an actor or a product named, but nothing done that ACLED codes
        "Police officers in the city will wear a new blue uniform from next year.\n",
        "Factory workers in the region will get a new pension plan next year.\n",
    ],
)
def test_an_actor_without_an_act_is_no_event(text: str) -> None:
    assert _events(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "NASA says the moon's ice shell may be ten kilometres thick.\n",
        "The Raiders beat the Broncos 24-17 in Denver on Sunday.\n",
        "The founder engaged in self-dealing, the attorney general said on Monday.\n",
        "Firefighters arrived at the warehouse in Ohio on Monday.\n",
        "Doctors urged residents of Texas to get a flu shot on Monday.\n",
        "The airline ordered 30 new aircraft from Boeing in Dubai on Monday.\n",
        "The army's new drone has a range of 200 kilometres, its maker said.\n",
        "The Spaniard rallied to beat the Russian in Madrid on Sunday.\n",
        "The city's bourse, hit by months of anti-government protests, rose on Monday.\n",
        "The state dropped its pipeline protest laws on Monday after a lawsuit.\n",
    ],
)
def test_topic_words_are_not_acts(text: str) -> None:
    assert _events(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Russian drones struck apartment blocks in Kharkiv on Sunday.\n",
        "Rockets were fired at the town of Sderot on Monday.\n",
        "Warplanes carried out two raids near Idlib on Tuesday.\n",
    ],
)
def test_a_weapon_used_is_a_remote_attack(text: str) -> None:
    events = _events(text)
    assert [e.event_type for e in events if e.relation == "main"] == ["Explosions/Remote violence"]


def test_engaging_an_armed_side_is_a_clash() -> None:
    events = _events("On 3 May 2024, soldiers engaged militants near Djibo.\n")
    assert [e.sub_event_type for e in events if e.relation == "main"] == ["Armed clash"]


def test_an_opening_with_a_crowd_and_a_demand_stays_an_event() -> None:
    events = _events(
        "On 3 May 2024, students in Bobo-Dioulasso took to the streets demanding that the "
        "suspended exams resume.\n"
    )
    assert [e.event_type for e in events if e.relation == "main"] == ["Protests"]


@pytest.mark.parametrize(
    "text",
    [
        "The singer died of a heart attack at his home in Memphis on Sunday, his family said.\n",
        "Shares rallied in Frankfurt on Monday as the market rally spread to carmakers.\n",
        "Hackers behind a ransomware attack on the county's computers demanded a payment.\n",
        "The striker had four shots on goal before the break in Turin on Saturday.\n",
    ],
)
def test_violence_words_in_other_senses_tell_no_event(text: str) -> None:
    assert _events(text) == ()


def test_a_rally_of_people_and_a_shot_person_are_still_events() -> None:
    rally = _events("Thousands held a rally in Lagos on Monday to demand lower fuel prices.\n")
    assert [e.sub_event_type for e in rally] == ["Peaceful protest"]
    shot = _events("A man was shot dead outside a bar in Memphis on Sunday, police said.\n")
    assert [e.event_type for e in shot] == ["Violence against civilians"]
