"""A main event's tolls and date, end to end, on reports written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from sitreps import Article, extract_article
from sitreps.types import Event

PUBLISHED = dt.date(2024, 3, 12)


def _main(text: str) -> Event:
    result = extract_article(Article(id="t", text=text, published=PUBLISHED))
    (main,) = [e for e in result.events if e.relation == "main"]
    return main


def _best(event: Event, field: str) -> int | None:
    count = getattr(event, field)
    return None if count is None else int(count.best)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # one more death told in a later sentence adds to the toll
        (
            "On 10 March 2024, gunmen opened fire on a minibus near the market. Two men were "
            "killed and five people were injured. A third man died later in hospital.",
            3,
            5,
        ),
        # the toll's own sentence already counts the victim who died
        (
            "The number of people killed in Sunday's shelling of the town has risen to 9 after "
            "another victim died in hospital, officials said on Monday.",
            9,
            None,
        ),
        # a differently named group "also killed" is more dead of the same event
        (
            "On 9 March 2024, militants ambushed an army patrol near the border, killing two "
            "soldiers. Four militants were also killed in the fighting.",
            6,
            None,
        ),
        # each verb of "killed ... and wounded another" keeps its own victim
        (
            "On 9 March 2024, gunmen on motorbikes killed six people and wounded another in a "
            "village near the river.",
            6,
            1,
        ),
        # a figure the victim words of no list foresee, tied to its verb by the parse
        (
            "On 9 March 2024, 3 Ansar Dine fighters were found dead on the road out of the town.",
            3,
            None,
        ),
        # the shot include the dead; the injured do not
        ("Police said four people were shot, one fatally, at a park on Wednesday.", 1, 3),
        # one person listed after the group the verb counts is one more
        (
            "On 9 March 2024, soldiers fired on a market near the border, killing three herders "
            "and a teenage boy.",
            4,
            None,
        ),
        # one person before the group of the figure
        (
            "On 9 March 2024, a man and two boys were killed when a roadside bomb hit their "
            "cart near the village.",
            3,
            None,
        ),
        # a person described, then a figure of the people with him
        (
            "On 9 March 2024, 1 trader, the owner of a shop, and his 2 guards were killed by "
            "gunmen in the town.",
            3,
            None,
        ),
        (
            "On 9 March 2024, militants killed 1 district chief in addition to 4 of his guards "
            "near the town.",
            5,
            None,
        ),
        # whoever a shooting sends to hospital was hurt in it
        ("Two men were hospitalized after a shooting on Elm Street on Monday night.", None, 2),
    ],
)
def test_tolls(text: str, killed: int | None, injured: int | None) -> None:
    main = _main(text)
    assert (_best(main, "fatalities"), _best(main, "injured")) == (killed, injured)


def test_a_group_of_the_same_kind_also_killed_elsewhere_may_be_part_of_the_toll() -> None:
    text = (
        "Missiles struck the capital overnight, killing at least 20 people, officials said. "
        "Three people were also killed in an eastern suburb, the mayor said."
    )
    assert _best(_main(text), "fatalities") == 20


def test_with_no_date_phrase_the_event_is_of_the_day_before_or_the_published_day() -> None:
    main = _main("A man was shot in the leg outside a bar on Elm Street, police said.")
    assert (main.date.start, main.date.end) == (PUBLISHED - dt.timedelta(days=1), PUBLISHED)
    assert main.date.precision == "day"


def test_an_arrest_day_yields_to_the_day_the_shooting_is_told_on() -> None:
    # PUBLISHED is Tuesday 12 March 2024; the arrest was on Monday, the shooting a week before.
    text = (
        "Police arrested a 24-year-old man Monday in connection with a shooting outside a "
        "grocery store. Investigators said the man fired four shots at a clerk on March 4, "
        "wounding him in the arm."
    )
    main = _main(text)
    assert main.date.start == main.date.end == dt.date(2024, 3, 4)


def test_a_day_told_of_the_crime_itself_stays_the_event_day() -> None:
    text = (
        "Two teenagers have been arrested in a carjacking and a burglary on Monday, deputies "
        "said. A woman was shot in the hand during the carjacking on Feb. 1, they said."
    )
    assert _main(text).date.start == dt.date(2024, 3, 11)


def test_a_person_hurt_in_a_clause_of_their_own_is_no_extra_death() -> None:
    text = "On 9 March 2024, gunmen killed two farmers and a woman was wounded near the river."
    assert _best(_main(text), "fatalities") == 2


def test_deaths_a_protest_is_held_over_are_not_its_toll() -> None:
    text = (
        "On 9 March 2024, hundreds of residents protested in the town square after three "
        "miners were killed in a collapse at the mine, demanding safer working conditions."
    )
    main = _main(text)
    assert main.event_type == "Protests"
    assert _best(main, "fatalities") is None


def test_protesters_killed_at_the_protest_are_its_toll() -> None:
    text = (
        "On 9 March 2024, police fired live rounds at protesters marching against fuel prices "
        "in the capital, killing two protesters."
    )
    assert _best(_main(text), "fatalities") == 2


def test_of_competing_claims_the_more_conservative_toll_is_taken() -> None:
    text = (
        "On 9 March 2024, the army said its troops killed 30 rebels in a raid on a camp near "
        "the river. Residents dispute that account, saying 12 villagers were killed."
    )
    assert _best(_main(text), "fatalities") == 12


def test_a_past_cause_told_after_the_toll_leaves_the_toll_to_the_event() -> None:
    text = (
        "On 10 March 2024, two clan militias clashed over grazing land near the village. Three "
        "people were killed in the fighting, which was linked to a previous land dispute."
    )
    assert _best(_main(text), "fatalities") == 3


def test_an_arrest_day_without_a_published_date_leaves_the_day_unresolved() -> None:
    text = (
        "Police arrested a man on Monday in connection with a shooting outside a shop. He "
        "fired four shots at a clerk, wounding him in the arm."
    )
    result = extract_article(Article(id="t", text=text))
    (main,) = [e for e in result.events if e.relation == "main"]
    assert main.date.start is None


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A local reporter and three other people were killed by gunmen on Sunday.", 4),
        ("Samir Haddad and two others were shot dead at a checkpoint on Sunday.", 3),
        # two groups with figures: "others" is the second group's own word
        ("Three soldiers and two others were killed in the ambush on Sunday.", 5),
    ],
)
def test_n_others_after_a_person_counts_the_person_too(text: str, killed: int) -> None:
    assert _best(_main(text), "fatalities") == killed


# PUBLISHED is Tuesday 12 March 2024: Monday is the 11th, Friday the 8th, Saturday the 9th.
@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a calendar day told weeks before publication still dates the event
        ("Two armed men forced their way into an apartment and demanded money, police said. "
         "The men entered the home at midnight Saturday, Feb. 24, and took a laptop.",
         dt.date(2024, 2, 24)),
        # a later sentence names the day within the week the opening gave
        ("A girl was robbed at gunpoint while walking to school last week, police said. She "
         "was walking along Oak Street about 7:30 a.m. March 5 when a man approached her.",
         dt.date(2024, 3, 5)),
        # arraigned on Friday; the robbery is told on Thursday in a sentence naming no crime
        ("A man was arraigned Friday in the robbery of a doughnut shop. Around 4:30 a.m. "
         "Thursday, a clerk was working at the shop when a man walked in.",
         dt.date(2024, 3, 7)),
        # the clause after "because" tells the crime and its time
        ("A student was arrested Monday because she allegedly left a loaded handgun at a bus "
         "stop earlier this month. The gun was found on the morning of March 3 by a jogger.",
         dt.date(2024, 3, 3)),
        # the day before the crime's noun dates the crime, whatever legal words precede it
        ("A man was booked into the county jail Monday on a warrant in a March 1 shooting on "
         "Elm Street. The victim was shot in the chest.",
         dt.date(2024, 3, 1)),
        # the step told right after its day ("police early Monday arrested")
        ("Police early Monday arrested a man and charged him with firing shots into a car on "
         "Saturday.",
         dt.date(2024, 3, 9)),
        # "resisting arrest" is a charge told with the crime, not the day of an arrest
        ("Police arrested a man for firing a gun at officers and resisting arrest on Friday "
         "night. His mother had called the police on Thursday about his threats.",
         dt.date(2024, 3, 8)),
        # "since Friday" opens a period; the crime is told on Monday
        ("Police arrested a woman Monday in the shooting death of a man. The slaying was the "
         "city's second homicide since Friday. The man was shot before 6 a.m. Monday at a home "
         "on Elm Street.",
         dt.date(2024, 3, 11)),
    ],
)  # fmt: skip
def test_the_day_of_the_crime(text: str, day: dt.date) -> None:
    main = _main(text)
    assert main.date.start == main.date.end == day


def test_a_calendar_day_far_down_the_report_is_another_incident() -> None:
    text = (
        "Police identified the victim of a predawn shooting as a 23-year-old man. He was shot "
        "several times after leaving a club, detectives said. Officers found him near a corner "
        "store. He was taken to a hospital, where he died. No one has been arrested. It was the "
        "fourth homicide in the city this year. On Feb. 16, officers found a man shot dead on a "
        "porch."
    )
    main = _main(text)
    assert (main.date.start, main.date.end) == (PUBLISHED - dt.timedelta(days=1), PUBLISHED)


def test_a_lede_repeated_by_the_page_counts_once() -> None:
    lede = (
        "Police are investigating after someone fired shots into a house, killing one man and "
        "injuring another."
    )
    after = "The shooting was reported about 1 a.m. Saturday."
    text = f"{lede}{after}\n{lede} {after}"
    main = _main(text)
    assert (_best(main, "fatalities"), _best(main, "injured")) == (1, 1)


def test_a_second_man_after_one_killed_and_another_hurt_is_the_one_hurt() -> None:
    text = (
        "Someone fired into a house on Elm Street, killing one man and injuring another. "
        "Officers found a second man at the house who had been grazed by a bullet."
    )
    main = _main(text)
    assert (_best(main, "fatalities"), _best(main, "injured")) == (1, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Police are investigating an armed carjacking near Elm Street early Sunday afternoon.",
        "A man walked into a diner at 7:45 p.m. Monday, pulled out a handgun and demanded cash.",
        "Police found three bullet holes in the front door of a home on Oak Street on Sunday.",
    ],
)
def test_a_weapon_drawn_or_fired_at_people_or_homes_is_an_event(text: str) -> None:
    main = _main(text)
    assert main.date.precision == "day" and main.date.start is not None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the sentence saying when the shooting happened dates it, not the day of a statement
        ("Those words came Monday from a friend of the two men shot to death over the weekend. "
         "The shootings occurred about 3:20 p.m. Saturday inside a home on Harbor Street.",
         dt.date(2024, 3, 9)),
        # the calendar day settles which Tuesday
        ("A woman was robbed at gunpoint in the parking lot of her apartment complex. The "
         "robbery occurred about 9:15 p.m. Tuesday (March 5).",
         dt.date(2024, 3, 5)),
    ],
)  # fmt: skip
def test_the_day_the_report_says_the_incident_happened(text: str, day: dt.date) -> None:
    main = _main(text)
    assert main.date.start == main.date.end == day


def test_a_date_describing_a_thing_does_not_date_the_event() -> None:
    text = (
        "Students blocked the main roads of the town to demand the departure of the new "
        "government, formed on Feb. 20, witnesses said."
    )
    main = _main(text)
    assert (main.date.start, main.date.end) == (PUBLISHED - dt.timedelta(days=1), PUBLISHED)
