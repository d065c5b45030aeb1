"""Amounts and qualifiers, on phrases written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitreps.extract.numbers import bounds, find_numbers, parse_amount, words_to_int


@pytest.mark.parametrize(
    ("phrase", "value", "qualifier", "low", "best", "high"),
    [
        ("at least 14 people", 14, "at_least", 14, 14, None),
        ("over 55 wounded", 55, "more_than", 56, 56, None),
        ("more than 40 of them", 40, "more_than", 41, 41, None),
        ("nearly 30 people", 30, "about", 30, 30, None),
        ("up to 20 people", 20, "up_to", 20, 20, 20),
        ("between 10 and 12 people", 10, "range", 10, 10, 12),
        ("10-12 people", 10, "range", 10, 10, 12),
        ("fourteen people", 14, "exact", 14, 14, 14),
        ("two hundred and five people", 205, "exact", 205, 205, 205),
        ("twenty-three dead", 23, "exact", 23, 23, 23),
        ("1,200 soldiers", 1200, "exact", 1200, 1200, 1200),
        ("dozens of civilians", 12, "at_least", 12, 12, None),
        ("hundreds were hurt", 100, "at_least", 100, 100, None),
        ("tens of people", 10, "at_least", 10, 10, None),
        ("scores of people", 20, "at_least", 20, 20, None),
        ("an estimated 30 people", 30, "about", 30, 30, None),
    ],
)
def test_amounts_and_qualifiers(
    phrase: str, value: int, qualifier: str, low: int, best: int, high: int | None
) -> None:
    (number, *_) = find_numbers(phrase)
    assert (number.value, number.qualifier) == (value, qualifier)
    assert (number.low, number.best, number.high) == (low, best, high)
    assert phrase[number.start : number.end] == number.text


@pytest.mark.parametrize(
    "phrase", ["a 62-year-old man", "a 9 year old boy", "a man", "5% of voters", "4.5 per cent"]
)
def test_things_that_are_not_counts(phrase: str) -> None:
    assert find_numbers(phrase) == []


def test_figures_in_one_sentence_stay_apart() -> None:
    numbers = find_numbers("Over 440 drones and 32 missiles were launched.")
    assert [(n.value, n.qualifier) for n in numbers] == [(440, "more_than"), (32, "exact")]


def test_a_rising_toll_is_two_figures_not_a_range() -> None:
    assert [n.qualifier for n in find_numbers("rose from 14 to 28")] == ["exact", "exact"]


_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _spell(n: int) -> str:
    """English words for 1..999, written independently of the code under test."""
    words = []
    if n >= 100:
        words += [_UNITS[n // 100 - 1], "hundred"]
        n %= 100
        if n:
            words.append("and")
    teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
             "seventeen", "eighteen", "nineteen"]  # fmt: skip
    if 10 <= n < 20:
        words.append(teens[n - 10])
    elif n >= 20:
        words.append(_TENS[n // 10 - 2] + (f"-{_UNITS[n % 10 - 1]}" if n % 10 else ""))
    elif n:
        words.append(_UNITS[n - 1])
    return " ".join(words)


@given(st.integers(min_value=1, max_value=999))
def test_number_words_round_trip(n: int) -> None:
    assert words_to_int(_spell(n)) == n
    (number,) = find_numbers(f"{_spell(n)} people were killed")
    assert number.value == n


@given(st.integers(min_value=0, max_value=10_000_000))
def test_digits_with_thousands_separators(n: int) -> None:
    assert parse_amount(f"{n:,}") == n
    assert parse_amount(str(n)) == n


@given(st.integers(min_value=0, max_value=100_000), st.sampled_from(
    ["exact", "at_least", "more_than", "about", "up_to"]))  # fmt: skip
def test_bounds_are_ordered(value: int, qualifier: str) -> None:
    low, best, high = bounds(value, qualifier)  # type: ignore[arg-type]
    assert low <= best
    assert high is None or best <= high
