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


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # two single people joined by "and" are two dead, a figure of "1" included
        ("On 9 March 2024, the police chief and his driver were killed by a roadside bomb.", 2),
        ("On 9 March 2024, 1 tribal elder and his nephew were killed by a landmine.", 2),
        ("On 9 March 2024, a shopkeeper and another civilian were killed by gunmen.", 2),
        # ... but two nouns under one determiner are one person
        ("On 9 March 2024, a local imam and teacher was shot dead by gunmen.", 1),
        # one person joined to a counted group, before or after it, is one more
        ("On 9 March 2024, gunmen killed a farmer and his three sons near the well.", 4),
        ("On 9 March 2024, five policemen and a translator were killed in the ambush.", 6),
        (
            "On 9 March 2024, Amina Sule, a local radio presenter, and two other people were "
            "killed by gunmen.",
            3,
        ),
        # a person after a group, both taken by a plural verb
        ("On 9 March 2024, two guards and a driver were killed when gunmen stormed the hotel.", 3),
        # people listed after "including" are part of the figure, not more
        (
            "On 9 March 2024, gunmen killed four villagers, including the imam and a teacher.",
            4,
        ),
        # a group with a verb of its own is no part of the dead
        ("On 9 March 2024, four soldiers killed and three others gone missing in an ambush.", 4),
        # goods after the victims are no people
        (
            "On 9 March 2024, soldiers killed six militants and seized weapons, fuel and "
            "equipment near the camp.",
            6,
        ),
    ],
)
def test_people_joined_by_and_each_count(text: str, killed: int) -> None:
    assert _best(_main(text), "fatalities") == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # "found executed", "found dead" after another verb: the subject is the victim
        ("On 9 March 2024, gunmen abducted a trader, who was later found executed.", 1),
        ("On 9 March 2024, gunmen seized a trader; he was later found executed near the river.", 1),
        (
            "On 9 March 2024, a second man from the family was abducted and later found dead "
            "by the road.",
            1,
        ),
        # a body found is one dead person
        ("On 9 March 2024, soldiers detained a herder; his corpse was found two days later.", 1),
        # "shot dead the chief": whoever is shot dead is a person, whatever the noun
        ("On 9 March 2024, gunmen shot dead the village councillor near the market.", 1),
        # a headline's passive with "was" left out
        ("Schoolteacher assassinated overnight in a village near the border.", 1),
    ],
)
def test_single_victims_told_without_a_figure(text: str, killed: int) -> None:
    assert _best(_main(text), "fatalities") == killed


def test_the_attackers_dead_after_a_soldiers_death_add_to_the_toll() -> None:
    text = (
        "On 9 March 2024, militants attacked an army post, killing one soldier. Twelve "
        "militants were killed when the troops repelled the assault."
    )
    assert _best(_main(text), "fatalities") == 13


def test_a_day_of_the_month_is_no_toll() -> None:
    text = "On 2 March 2024, two traders were abducted; they were found executed on March 9."
    assert _best(_main(text), "fatalities") != 9


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # describing words no list foresees, then the noun for a person
        ("On 9 March 2024, one off-duty sanitation worker was killed in the crossfire.", 1),
        ("On 9 March 2024, 1 presidential escort soldier killed, another injured.", 1),
        # "tens were killed": ACLED's vague amount
        ("On 9 March 2024, two armed groups clashed; tens were reportedly killed.", 10),
    ],
)
def test_figures_before_unforeseen_words_and_vague_tolls(text: str, killed: int) -> None:
    assert _best(_main(text), "fatalities") == killed


def test_a_clause_after_the_figure_is_no_description_of_the_victims() -> None:
    text = "On 9 March 2024, two men posing as police officers shot a driver on the highway."
    assert _best(_main(text), "injured") == 1


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a person, then a counted group: the person and the group
        ("On 9 March 2024, gunmen killed a village elder and four other residents.", 5),
        # two counted groups joined by "and" add up; the list after "including" is a part
        (
            "On 9 March 2024, three militants and six security personnel including two "
            "policemen and four soldiers were killed in the clash.",
            9,
        ),
        # ... unless a listed group is of the other side: soldiers are no part of militants
        (
            "On 9 March 2024, at least 12 militants including 3 commanders and 2 soldiers "
            "were killed in the fighting.",
            14,
        ),
        # livestock killed is no person
        ("On 9 March 2024, herders rioted; huts were burned and some cattle killed.", 0),
        # "who later died": the noun the relative clause tells of is the victim
        ("On 9 March 2024, a mob beat a suspected thief who later died of his injuries.", 1),
        # "killed and robbed a trader": the object of the last verb is the first's too
        ("On 9 March 2024, bandits killed and robbed a trader on the highway.", 1),
    ],
)
def test_groups_lists_and_shared_objects(text: str, killed: int) -> None:
    assert (_best(_main(text), "fatalities") or 0) == killed


@pytest.mark.parametrize(
    "text",
    [
        "On 9 March 2024, 1 guard was killed or wounded by a sniper at the checkpoint.",
        "On 9 March 2024, 3 rebels were killed, injured or captured during a sweep of the hills.",
        "On 9 March 2024, a guard was killed or wounded by a sniper at the checkpoint.",
    ],
)
def test_fates_given_as_alternatives_state_no_death(text: str) -> None:
    assert _best(_main(text), "fatalities") in (None, 0)


def test_a_closing_tally_is_the_reports_own_sum() -> None:
    text = (
        "On 9 March 2024, two men were found shot dead on a farm road. Also, the body of a "
        "bound man was found in a ditch near the market. 3 fatalities."
    )
    assert _best(_main(text), "fatalities") == 3
    # the people told before the tally are in it
    text = (
        "On 9 March 2024, gunmen clashed with police. One gunman and one officer died. "
        "2 fatalities."
    )
    assert _best(_main(text), "fatalities") == 2


@pytest.mark.parametrize(
    "text",
    [
        "On 9 March 2024, villagers marched to the town hall demanding justice for a farmer "
        "who was killed by soldiers last month.",
        "On 9 March 2024, students held a sit-in protesting the army having executed a teacher.",
    ],
)
def test_a_crowds_grievance_told_aside_is_no_toll(text: str) -> None:
    assert _best(_main(text), "fatalities") in (None, 0)


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        (
            "On 9 March 2024, militants raided a hamlet, beheaded 1 herder and looted the shops.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "On 9 March 2024, soldiers seized a weapons cache at a rebel camp; two rebels were "
            "killed.",
            "Battles",
            "Armed clash",
        ),
    ],
)
def test_a_development_whose_report_states_deaths_is_the_violent_event(
    text: str, event_type: str, sub_event_type: str
) -> None:
    main = _main(text)
    assert (main.event_type, main.sub_event_type) == (event_type, sub_event_type)
    assert _best(main, "fatalities") is not None


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the armed group's dead told first, the civilians' after: both sides add
        (
            "On 9 March 2024, rebels attacked a police post; seven rebels were killed in the "
            "attack. Three civilians were killed in the crossfire.",
            10,
        ),
        # a list's first figure names its side too
        (
            "On 9 March 2024, two soldiers and a policeman were killed when insurgents stormed "
            "the base, and forty insurgents were killed in the counter-attack.",
            43,
        ),
        # one person of the other side, without a figure
        (
            "On 9 March 2024, insurgents ambushed a patrol and killed a soldier. The army said "
            "it killed five insurgents while repelling the ambush.",
            6,
        ),
        (
            "On 9 March 2024, 1 policeman was killed in an attack on a checkpoint. Also a rebel "
            "was killed and 2 were wounded.",
            2,
        ),
        # generic "people" name no side: a claim about who the dead were does not add
        (
            "On 9 March 2024, an air strike killed 30 people in the market. The army said 12 "
            "militants were killed.",
            30,
        ),
    ],
)
def test_the_dead_of_both_sides_add_up(text: str, killed: int) -> None:
    assert _best(_main(text), "fatalities") == killed


def test_a_sides_unconfirmed_claim_about_the_others_dead_does_not_add() -> None:
    text = (
        "On 9 March 2024, 4 rebels were killed in an army operation in the hills. The rebels "
        "claimed that 20 soldiers died in the fighting, which has not been confirmed."
    )
    assert _best(_main(text), "fatalities") == 4


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a wounded person who died is one more of the dead
        (
            "On 9 March 2024, gunmen attacked a market, killing four traders and wounding two "
            "others, one of the wounded succumbed.",
            5,
        ),
        (
            "On 9 March 2024, two rebels were killed and three soldiers wounded, including one "
            "critically who later died in hospital.",
            3,
        ),
        # "executed" a noun for a person kills them; "executed a search warrant" kills no one
        ("On 9 March 2024, militants abducted and executed the village imam.", 1),
        ("On 9 March 2024, militants executed a councilman and his brother near the well.", 2),
        # nouns for people beyond the common ones join a counted group too
        ("On 9 March 2024, three militants and a gendarme were killed in the raid.", 4),
    ],
)
def test_deaths_of_the_wounded_executions_and_more_people(text: str, killed: int) -> None:
    assert _best(_main(text), "fatalities") == killed


def test_executing_a_warrant_is_no_killing() -> None:
    text = "On 9 March 2024, police executed a search warrant and fired at a suspect, wounding him."
    assert _best(_main(text), "fatalities") is None


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("On 9 March 2024, four herders were abducted; their bodies were found two days later.", 4),
        (
            "On 9 March 2024, soldiers arrested seven traders at the market, those arrested were "
            "later found dead outside the town.",
            7,
        ),
        # the people taken and released are no dead
        ("On 9 March 2024, gunmen abducted five traders; they were released the next day.", 0),
    ],
)
def test_the_dead_are_the_people_taken_before(text: str, killed: int) -> None:
    assert (_best(_main(text), "fatalities") or 0) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a participle set off by commas describes the victim, as an apposition does
        ("On 9 March 2024, 1 civilian, working as a driver for an aid group, was killed.", 1),
        # the second verb of a passive shares its subject
        ("On 9 March 2024, one passenger was taken off a bus by gunmen and executed.", 1),
    ],
)
def test_participles_and_shared_passives(text: str, killed: int) -> None:
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
         "evening. His mother had called the police on Thursday about his threats.",
         dt.date(2024, 3, 8)),
        # "since Friday" opens a period; the crime is told on Monday
        ("Police arrested a woman Monday in the shooting death of a man. The slaying was the "
         "city's second homicide since Friday. The man was shot before 6 a.m. Monday at a home "
         "on Elm Street.",
         dt.date(2024, 3, 11)),
        # the day a statement was given yields to the day the weekend's shooting is told on
        ("Someone fired three shots through the front door of a house over the weekend. "
         "Officers said they arrived about 2 p.m. Sunday on Elm Street. According to a short "
         "account provided Monday, a neighbor had called them.",
         dt.date(2024, 3, 10)),
        # court coverage: the shooting is told by its calendar day, months back
        ("A man is scheduled to stand trial in the death of a store clerk, who was shot dead "
         "behind the counter on Christmas Day. A judge set the trial date at a hearing on "
         "Friday.",
         dt.date(2023, 12, 25)),
        # a death in hospital days later: the attack's day is the one told after it
        ("A family is waiting for answers after an attack on their daughter. The girl was "
         "found with stab and gunshot wounds at home. The girl, who was shot and stabbed, has "
         "died of her injuries. She was pronounced dead Monday at a hospital. Her parents "
         "came home Friday shortly after 6 p.m. and found her in the kitchen.",
         dt.date(2024, 3, 8)),
        # court coverage gives the month; a later sentence names the day within it
        ("A farmer's horse was shot and killed near a county road. A neighbor is accused of "
         "shooting the horse in January. The owners said it got out of its paddock on Jan. 14. "
         "The neighbor will be arraigned on Monday.",
         dt.date(2024, 1, 14)),
        # charges long after a gunfight told by its month; the day named within that month
        ("Police filed assault charges Thursday against a man linked to a gunfight in "
         "January. Detectives said the gunfight erupted Jan. 28 between two groups on Elm "
         "Street.",
         dt.date(2024, 1, 28)),
        # charged years later; the report says outright which day the incident happened on
        ("A man already in prison was charged Friday in a 2021 robbery at gunpoint, police "
         "said. The incident happened on May 3, 2021, when a woman was grabbed on a street.",
         dt.date(2021, 5, 3)),
        # the day the coroner named the dead man is not the day he was shot
        ("The coroner on Monday identified a man fatally shot during a robbery at a gas "
         "station. The man was shot on Saturday evening after he demanded cash, police said.",
         dt.date(2024, 3, 9)),
        # a statement's day is no day within the week the opening gave
        ("A woman shot by deputies this week had threatened them with a knife, the sheriff "
         "said Monday. She was shot about 9 p.m. Sunday outside her home, he said.",
         dt.date(2024, 3, 10)),
        # the opening dates only a statement; the next sentence tells the shooting's day
        ("A woman had to drive herself to a clinic after she was hit by a stray bullet, "
         "police said Tuesday. The woman had stopped her car about 11 p.m. Sunday near a park "
         "and heard two gunshots, an officer said.",
         dt.date(2024, 3, 10)),
        # the day after a statement's, told without a word of the crime, is still the event's
        ("A man was taken into custody after a standoff at his home, police said Monday. "
         "Officers responded to a frantic 911 call at 3:30 a.m. Saturday from a home on Elm "
         "Street.",
         dt.date(2024, 3, 9)),
        # an hour of the clock before the day: the event's hour, not a statement's day
        ("A suspect in a car-to-car shooting was captured after hiding in a house, police said "
         "Monday. The suspect forced his way into the home around 4:30 p.m. Sunday, said Sgt. "
         "Ann Lee.",
         dt.date(2024, 3, 10)),
        # "arraigned this morning on murder charges": the charge, not the crime, follows the day
        ("John Doe, 22, was shot outside an apartment on Elm Street, police said. Witnesses said "
         "he argued with four men before shots were fired. (Photo: staff) A man was arraigned "
         "this morning on murder and weapons charges in Saturday's shooting death of John Doe.",
         dt.date(2024, 3, 9)),
        # a courtroom's day is a step of the case
        ("The victim limped to the front of the courtroom Monday to hear his friend plead guilty "
         "to shooting him three times Jan. 5.",
         dt.date(2024, 1, 5)),
        # a step of the case in another clause does not make the crime's day its own
        ("A man charged in a shooting of a police officer in 2023 was found not guilty by reason "
         "of insanity. He appeared before a judge on Monday for a bench trial. According to "
         "testimony in court, an officer responded to a 911 call about 3:45 a.m. on May 14, "
         "2023, about a man screaming in the street.",
         dt.date(2023, 5, 14)),
        # a calendar day told with the crime after an arrest's day
        ("A 25-year-old man was arrested Monday in a New Year's Day killing of a young woman.",
         dt.date(2024, 1, 1)),
        # the crime's calendar day weeks back, when the opening gives only a statement's day
        ("A local man is wanted by police in connection with an armed home invasion on Jan. 5 in "
         "which three people were robbed at gunpoint. The police chief announced Monday that an "
         "arrest warrant was issued.",
         dt.date(2024, 1, 5)),
        # court coverage: the crime's calendar day, told by its hour far down the report
        ("Defendants pictured in court. (Courtesy photo) Four teenagers were arraigned Friday "
         "on felony charges stemming from a pistol-whipping of a student, according to court "
         "records. All were charged as adults. Carjacking is a felony punishable by life in "
         "prison. A lawyer for one of the teens said the office is preparing a defense. He "
         "said his client's part was minimal. Police say around 9 p.m. Jan. 21 the four teens "
         "followed the student from a restaurant to where his car was parked.",
         dt.date(2024, 1, 21)),
        # the day of the hunt for a suspect is after the crime's
        ("Police on Monday were searching for a suspect in the robbery of a deli. Around 6:45 "
         "a.m. Saturday, the suspect walked into the store and pulled a gun on the clerk.",
         dt.date(2024, 3, 9)),
        ("Detectives were asking for the public's help Monday in finding whoever fatally shot a "
         "man. The man was found slumped over the wheel of his car late Saturday.",
         dt.date(2024, 3, 9)),
        # a web page's stamp on the report or its video is not the event's day
        ("Jane Roe reports for the News at 11 p.m. Monday, March 11, 2024. (Published Monday, "
         "March 11, 2024) A man was shot Thursday evening outside a bar on Elm Street.",
         dt.date(2024, 3, 7)),
        ("Monday March 11, 2024 01:44 PM A 39-year-old man was shot Saturday outside a bar.",
         dt.date(2024, 3, 9)),
        # a day to come is no day of the crime, though read into the past
        ("A man will be tried on a murder charge during the week of Nov. 3 in the death of a "
         "soldier shot dead on New Year's Day. A grand jury indicted him last week.",
         dt.date(2024, 1, 1)),
    ],
)  # fmt: skip
def test_the_day_of_the_crime(text: str, day: dt.date) -> None:
    main = _main(text)
    assert main.date.start == main.date.end == day


def test_an_update_told_without_a_calendar_day_is_the_events_own() -> None:
    main = _main("Police update: Last night, at 2330 hours, officers found a man shot on Elm St.")
    assert main.date.text == "Last night"


def test_an_indictment_for_crimes_over_several_years_names_no_one_crime_day() -> None:
    text = (
        "Six men were indicted on charges of attempted murder over several shootings in 2019 "
        "through 2022, prosecutors said. The first came on June 2, 2019, near a park."
    )
    main = _main(text)
    assert main.date.start != dt.date(2019, 6, 2)


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
