"""Date phrases in conflict reports: explicit dates, relative phrases, unresolved ones."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitreps.extract.dates import find_dates, merge_range
from sitreps.types import DateMention, Precision

PUBLISHED = dt.date(2025, 6, 17)  # a Tuesday
D = dt.date


def only(text: str, published: dt.date | None = PUBLISHED) -> DateMention:
    mentions = find_dates(text, article_id="a1", published=published)
    assert len(mentions) == 1, mentions
    return mentions[0]


def resolved(text: str) -> tuple[str, dt.date | None, dt.date | None, Precision]:
    m = only(text)
    return m.evidence.text, m.start, m.end, m.precision


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end"),
    [
        ("Drones struck Kyiv late Monday, officials said.", "late Monday", D(2025, 6, 16), None),
        ("The city was attacked on Monday.", "Monday", D(2025, 6, 16), None),
        ("Explosions were heard early Tuesday.", "early Tuesday", D(2025, 6, 17), None),
        ("Sirens sounded Tuesday morning.", "Tuesday morning", D(2025, 6, 17), None),
        ("Shelling resumed Sunday evening.", "Sunday evening", D(2025, 6, 15), None),
        ("Fighting went on Monday night near the border.", "Monday night", D(2025, 6, 16),
         D(2025, 6, 17)),
        ("Tuesday's assault killed 14.", "Tuesday", D(2025, 6, 17), None),
        ("It began in the early hours of Tuesday.", "the early hours of Tuesday",
         D(2025, 6, 17), None),
        ("Blasts shook it in early hours of Tuesday.", "early hours of Tuesday",
         D(2025, 6, 17), None),
        ("Missiles hit the port overnight into Tuesday.", "overnight into Tuesday",
         D(2025, 6, 17), None),
        ("Drones hit the port overnight on Sunday.", "overnight on Sunday", D(2025, 6, 15), None),
        ("Rebels attacked a convoy on Wednesday.", "Wednesday", D(2025, 6, 11), None),
        ("Troops moved in overnight Monday into Tuesday.", "overnight Monday into Tuesday",
         D(2025, 6, 16), D(2025, 6, 17)),
    ],
)  # fmt: skip
def test_weekdays_are_the_latest_such_day_up_to_publication(
    text: str, phrase: str, start: dt.date, end: dt.date | None
) -> None:
    m = only(text)
    assert (m.evidence.text, m.start, m.end, m.precision) == (phrase, start, end or start, "day")
    assert m.relative


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end"),
    [
        ("Drones attacked the city overnight.", "overnight", D(2025, 6, 16), D(2025, 6, 17)),
        ("Last night, a missile hit a school.", "Last night", D(2025, 6, 16), D(2025, 6, 17)),
        ("Shelling had stopped the previous night.", "the previous night",
         D(2025, 6, 16), D(2025, 6, 17)),
        ("The market was shelled yesterday.", "yesterday", D(2025, 6, 16), D(2025, 6, 16)),
        ("Police fired tear gas today.", "today", D(2025, 6, 17), D(2025, 6, 17)),
        ("An IED exploded this morning.", "this morning", D(2025, 6, 17), D(2025, 6, 17)),
        ("A drone was downed earlier today.", "earlier today", D(2025, 6, 17), D(2025, 6, 17)),
        ("Two were killed the day before, police said.", "the day before",
         D(2025, 6, 16), D(2025, 6, 16)),
        ("The post fell three days ago.", "three days ago", D(2025, 6, 14), D(2025, 6, 14)),
    ],
)  # fmt: skip
def test_days_relative_to_publication(text: str, phrase: str, start: dt.date, end: dt.date) -> None:
    assert resolved(text) == (phrase, start, end, "day")
    assert only(text).relative


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end", "precision"),
    [
        ("Clashes erupted last week.", "last week", D(2025, 6, 9), D(2025, 6, 15), "week"),
        ("Strikes intensified this week.", "this week", D(2025, 6, 16), D(2025, 6, 22), "week"),
        ("Fighting flared over the weekend.", "the weekend", D(2025, 6, 14), D(2025, 6, 15),
         "week"),
        ("The town fell last month.", "last month", D(2025, 5, 1), D(2025, 5, 31), "month"),
        ("A curfew began earlier this month.", "earlier this month",
         D(2025, 6, 1), D(2025, 6, 30), "month"),
        ("Dozens died in floods last year.", "last year", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ],
)  # fmt: skip
def test_weeks_months_and_years_relative_to_publication(
    text: str, phrase: str, start: dt.date, end: dt.date, precision: Precision
) -> None:
    assert resolved(text) == (phrase, start, end, precision)


@pytest.mark.parametrize(
    ("text", "phrase", "year", "month"),
    [
        ("In April, similar strikes killed at least 12.", "April", 2025, 4),
        ("The raid in April killed two.", "April", 2025, 4),
        ("April's attack on the depot killed nine.", "April", 2025, 4),
        ("Clashes broke out in early April.", "early April", 2025, 4),
        ("Talks stalled in mid-May.", "mid-May", 2025, 5),
        ("Protests have continued since March.", "March", 2025, 3),
        ("Protests began in June.", "June", 2025, 6),
        ("The siege began in January.", "January", 2025, 1),
        ("The siege began in July.", "July", 2024, 7),  # after June: the year before
        ("The siege began in December.", "December", 2024, 12),
        ("The siege began in January 2024.", "January 2024", 2024, 1),
        ("A ceasefire was signed in late March 2024.", "late March 2024", 2024, 3),
    ],
)
def test_months_are_whole_months(text: str, phrase: str, year: int, month: int) -> None:
    last = calendar.monthrange(year, month)[1]
    assert resolved(text) == (phrase, D(year, month, 1), D(year, month, last), "month")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("On 17 June 2025, drones struck Kyiv.", "17 June 2025"),
        ("On June 17, 2025, drones struck Kyiv.", "June 17, 2025"),
        ("Drones struck Kyiv (2025-06-17).", "2025-06-17"),
        ("Drones struck Kyiv on June 17.", "June 17"),
        ("Drones struck Kyiv on 17 June.", "17 June"),
        ("Drones struck Kyiv on the 17th of June.", "17th of June"),
        ("Drones struck Kyiv on Tuesday, 17 June.", "Tuesday, 17 June"),
    ],
)
def test_explicit_days(text: str, phrase: str) -> None:
    assert resolved(text) == (phrase, PUBLISHED, PUBLISHED, "day")


def test_explicit_day_month_is_the_latest_such_day_up_to_publication() -> None:
    march_3 = D(2025, 3, 3)
    assert resolved("The raid on 3 March killed four.") == ("3 March", march_3, march_3, "day")
    assert resolved("The raid on June 20 killed four.")[1] == D(2024, 6, 20)
    assert only("The raid on 3 March killed four.").relative
    assert not only("The raid on 3 March 2025 killed four.").relative


def test_explicit_ranges_and_month_year() -> None:
    assert resolved("Fighting on 16-17 June 2025.") == (
        "16-17 June 2025",
        D(2025, 6, 16),
        D(2025, 6, 17),
        "day",
    )
    assert resolved("Fighting on June 16–17, 2025.")[1:3] == (D(2025, 6, 16), D(2025, 6, 17))
    assert resolved("Elections were held in March 2024.") == (
        "March 2024",
        D(2024, 3, 1),
        D(2024, 3, 31),
        "month",
    )


def test_bare_years() -> None:
    assert resolved("The war began in 2022.") == ("2022", D(2022, 1, 1), D(2022, 12, 31), "year")
    assert resolved("Rebels have held it since mid-2023.")[0] == "mid-2023"
    assert not only("The war began in 2022.").relative
    text = "Shelling hit 2022 homes in 2000 places."
    assert find_dates(text, article_id="a1", published=PUBLISHED) == []


@pytest.mark.parametrize(
    "text",
    [
        "Officials may revise the toll.",
        "Protesters march to the ministry.",
        "Theresa May's government resigned.",
        "The Sunday Times reported it.",
        "Pilgrims gathered for Good Friday.",
        "He told USA Today the toll was wrong.",
        "It was killed 5 and 31 June.",  # no 31 June
        "The day before the attack, police had warned residents.",
        "Fighting damaged 2000 homes.",
    ],
)
def test_not_dates(text: str) -> None:
    assert [m.evidence.text for m in find_dates(text, article_id="a1", published=PUBLISHED)] == []


def test_without_published_date_relative_phrases_stay_unresolved() -> None:
    text = "Drones struck late Monday. In April, 12 died. Last week, 3 died. On 3 March, 2 died."
    mentions = find_dates(text, article_id="a1", published=None)
    assert [m.evidence.text for m in mentions] == ["late Monday", "April", "Last week", "3 March"]
    for m in mentions:
        assert (m.start, m.end, m.precision, m.relative) == (None, None, "unknown", True)


def test_without_published_date_absolute_dates_resolve() -> None:
    text = "On 17 June 2025 and June 18, 2025, in March 2024, since 2022."
    mentions = find_dates(text, article_id="a1", published=None)
    assert [(m.start, m.precision, m.relative) for m in mentions] == [
        (D(2025, 6, 17), "day", False),
        (D(2025, 6, 18), "day", False),
        (D(2024, 3, 1), "month", False),
        (D(2022, 1, 1), "year", False),
    ]


def test_mentions_are_sorted_non_overlapping_and_quote_the_text() -> None:
    text = (
        "Russia launched a massive attack on Kyiv late Monday that continued into the early "
        "hours of Tuesday, 17 June 2025. In April, similar strikes killed 12; last week, "
        "officials said, the toll may rise. Fighting was reported yesterday."
    )
    mentions = find_dates(text, article_id="a1", published=PUBLISHED)
    assert [m.evidence.text for m in mentions] == [
        "late Monday",
        "the early hours of Tuesday, 17 June 2025",
        "April",
        "last week",
        "yesterday",
    ]
    for m in mentions:
        assert m.evidence.article_id == "a1"
        assert text[m.evidence.start : m.evidence.end] == m.evidence.text
    assert all(a.evidence.end <= b.evidence.start for a, b in itertools.pairwise(mentions))


def test_published_datetime_is_read_as_its_date() -> None:
    m = only("late Monday", published=dt.datetime(2025, 6, 17, 23, 59))
    assert m.start == D(2025, 6, 16)
    assert type(m.start) is dt.date


# --- merge_range ----------------------------------------------------------------------


def test_merge_range_spans_the_mentions_of_one_event() -> None:
    text = "The attack began late Monday and continued into the early hours of Tuesday."
    mentions = find_dates(text, article_id="a1", published=PUBLISHED)
    assert merge_range(mentions) == (D(2025, 6, 16), D(2025, 6, 17), "day")


def test_merge_range_keeps_the_finest_precision() -> None:
    text = "Last week's strike, on 12 June, was one of many in June."
    mentions = find_dates(text, article_id="a1", published=PUBLISHED)
    assert [m.precision for m in mentions] == ["week", "day", "month"]
    assert merge_range(mentions) == (D(2025, 6, 12), D(2025, 6, 12), "day")
    assert merge_range([mentions[0], mentions[2]]) == (D(2025, 6, 9), D(2025, 6, 15), "week")


def test_merge_range_of_unresolved_mentions() -> None:
    mentions = find_dates("late Monday into Tuesday, in April", article_id="a1", published=None)
    assert mentions
    assert merge_range(mentions) == (None, None, "unknown")
    assert merge_range([]) == (None, None, "unknown")


# --- properties -----------------------------------------------------------------------

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_PHRASES = (
    "on {}",
    "late {}",
    "early {}",
    "{} morning",
    "{}'s assault",
    "the early hours of {}",
    "overnight into {}",
    "overnight on {}",
)
MONTH_PHRASES = ("in {}", "In {},", "{}'s attack", "in early {}", "in mid-{}", "since late {}")
published_dates = st.dates(min_value=D(1950, 1, 1), max_value=D(2100, 12, 31))


@settings(deadline=None)
@given(published_dates, st.integers(0, 6), st.sampled_from(WEEKDAY_PHRASES))
def test_weekday_phrases_resolve_to_that_weekday_in_the_week_up_to_publication(
    published: dt.date, weekday: int, template: str
) -> None:
    text = f"Witnesses said the strike came {template.format(WEEKDAYS[weekday])} near the port."
    m = only(text, published)
    assert m.start is not None
    assert m.start == m.end
    assert 0 <= (published - m.start).days <= 6
    assert m.start.weekday() == weekday
    assert WEEKDAYS[weekday] in m.evidence.text


@settings(deadline=None)
@given(
    st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31)),
    st.sampled_from(("{d} {month} {y}", "{month} {d}, {y}", "{iso}")),
    st.none() | published_dates,
)
def test_explicit_dates_resolve_exactly(
    date: dt.date, template: str, published: dt.date | None
) -> None:
    phrase = template.format(
        d=date.day, month=calendar.month_name[date.month], y=date.year, iso=date.isoformat()
    )
    m = only(f"The attack on {phrase} was the deadliest.", published)
    assert (m.evidence.text, m.start, m.end, m.precision, m.relative) == (
        phrase,
        date,
        date,
        "day",
        False,
    )


@settings(deadline=None)
@given(published_dates, st.integers(1, 12), st.sampled_from(MONTH_PHRASES))
def test_month_phrases_are_the_whole_latest_such_month(
    published: dt.date, month: int, template: str
) -> None:
    m = only(
        f"Officials said the raids {template.format(calendar.month_name[month])} hit homes.",
        published,
    )
    assert m.start is not None
    assert m.end is not None
    assert (m.start.month, m.start.day, m.precision) == (month, 1, "month")
    assert m.end == m.start.replace(day=calendar.monthrange(m.start.year, month)[1])
    assert m.start <= published
    assert (published - m.start).days < 366


@settings(deadline=None)
@given(st.lists(st.sampled_from([*"aMonJue 0123456789-,.'", "May ", "in ", "Monday"])).map("".join))
def test_any_text_gives_sorted_disjoint_spans_that_quote_it(text: str) -> None:
    mentions = find_dates(text, article_id="x", published=PUBLISHED)
    for m in mentions:
        assert text[m.evidence.start : m.evidence.end] == m.evidence.text
    for a, b in itertools.pairwise(mentions):
        assert a.evidence.end <= b.evidence.start


def test_a_repeated_date_resolves_the_same_each_time() -> None:
    import datetime as _dt

    from sitreps.extract.dates import find_dates as _find

    published = _dt.date(2025, 6, 20)
    text = "On 17 June 2025 the town was shelled. Shelling on 17 June 2025 went on."
    found = _find(text, article_id="t", published=published)
    assert [(m.start, m.end) for m in found] == [(_dt.date(2025, 6, 17),) * 2] * 2


@pytest.mark.parametrize(
    ("text", "published", "phrase", "day"),
    [
        ("Police shot three people early New Year's Day on the South Side.", D(2024, 1, 4),
         "early New Year's Day", D(2024, 1, 1)),

        ("Two brothers were wounded on Christmas Eve.", D(2024, 1, 5), "Christmas Eve",
         D(2023, 12, 24)),
        ("The store was robbed on Christmas, the owner said.", D(2023, 12, 28), "Christmas",
         D(2023, 12, 25)),
        ("A teenager was shot at a park on the Fourth of July.", D(2023, 7, 6),
         "Fourth of July", D(2023, 7, 4)),
        ("The couple was robbed on Valentine's Day.", D(2024, 3, 1), "Valentine's Day",
         D(2024, 2, 14)),
    ],
)  # fmt: skip
def test_fixed_holidays_are_the_latest_such_day_up_to_publication(
    text: str, published: dt.date, phrase: str, day: dt.date
) -> None:
    m = only(text, published)
    assert (m.evidence.text, m.start, m.end, m.precision) == (phrase, day, day, "day")
    assert m.relative and m.named


@pytest.mark.parametrize(
    "text",
    ["Guests left the Christmas party early.", "Her New Year's resolutions were simple."],
)
def test_a_holiday_naming_a_thing_is_no_date(text: str) -> None:
    assert find_dates(text, article_id="a1", published=PUBLISHED) == []


def test_a_holiday_without_a_published_date_stays_unresolved() -> None:
    m = only("A man was shot on New Year's Day.", None)
    assert (m.start, m.precision) == (None, "unknown")


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("The shop was robbed on Jan. 25.", True),
        ("The shop was robbed on Saturday, June 14.", True),
        ("The shop was robbed on Saturday.", False),
        ("The shop was robbed last week.", False),
    ],
)
def test_a_phrase_naming_its_calendar_day_is_marked_named(text: str, named: bool) -> None:
    assert only(text).named is named


@pytest.mark.parametrize(
    ("text", "published", "phrase", "start", "end"),
    [
        ("A man was shot Friday night outside a bar.", D(2025, 6, 17), "Friday night",
         D(2025, 6, 13), D(2025, 6, 14)),
        ("Two were wounded late Saturday night, police said.", D(2025, 6, 17),
         "late Saturday night", D(2025, 6, 14), D(2025, 6, 15)),
        ("Shots rang out on the night of Sunday.", D(2025, 6, 17), "the night of Sunday",
         D(2025, 6, 15), D(2025, 6, 16)),
        ("He was robbed late Friday night, June 13, at a gas station.", D(2025, 6, 17),
         "late Friday night, June 13", D(2025, 6, 13), D(2025, 6, 14)),
        ("Shots were fired at a bar on Halloween night.", D(2023, 11, 2), "Halloween night",
         D(2023, 10, 31), D(2023, 11, 1)),
        # published the same night: the span stops at publication
        ("A woman was shot Tuesday night.", D(2025, 6, 17), "Tuesday night",
         D(2025, 6, 17), D(2025, 6, 17)),
    ],
)  # fmt: skip
def test_a_night_runs_past_midnight_into_the_next_day(
    text: str, published: dt.date, phrase: str, start: dt.date, end: dt.date
) -> None:
    m = only(text, published)
    assert (m.evidence.text, m.start, m.end, m.precision) == (phrase, start, end, "day")


@pytest.mark.parametrize(
    ("text", "published", "phrase", "day"),
    [
        # told on a Wednesday, "last Tuesday" is the Tuesday of the week before, not yesterday
        ("He was shot last Tuesday near the park.", D(2025, 6, 18), "last Tuesday",
         D(2025, 6, 10)),
        ("Last Sunday, deputies found a body.", D(2025, 6, 18), "Last Sunday", D(2025, 6, 15)),
        ("The store was robbed last Friday.", D(2025, 6, 15), "last Friday", D(2025, 6, 6)),
        # "this past Tuesday" is the latest one
        ("A man was shot this past Tuesday.", D(2025, 6, 18), "Tuesday", D(2025, 6, 17)),
    ],
)  # fmt: skip
def test_last_weekday_is_that_day_of_the_week_before(
    text: str, published: dt.date, phrase: str, day: dt.date
) -> None:
    m = only(text, published)
    assert (m.evidence.text, m.start, m.end) == (phrase, day, day)


def test_the_last_weekday_of_a_period_is_no_week_before() -> None:
    m = only("Markets close on the last Friday of the month.")
    assert m.evidence.text == "Friday"


@pytest.mark.parametrize("text", ["A man was shot Friday evening.", "A man was shot late Friday."])
def test_an_evening_or_a_late_hour_stays_on_its_day(text: str) -> None:
    m = only(text)
    assert m.start == m.end == D(2025, 6, 13)


def test_new_years_eve_runs_past_midnight() -> None:
    m = only("A man was shot at a party on New Year’s Eve, police said.", D(2024, 1, 2))
    assert (m.evidence.text, m.start, m.end) == ("New Year’s Eve", D(2023, 12, 31), D(2024, 1, 1))
    # published on the day itself, the span ends there
    m = only("Shots were fired on New Year's Eve.", D(2023, 12, 31))
    assert (m.start, m.end) == (D(2023, 12, 31), D(2023, 12, 31))
