"""Stated amounts: digits, number words, vague amounts, and the qualifier in front of them.

`find_numbers` scans raw text and returns every amount with its character span, so the
casualty and weapon extractors only decide what an amount counts. Vague amounts follow
ACLED's coding rule ("tens" 10, "dozens" 12, "hundreds" 100).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..types import NumberMention, Qualifier

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# ACLED's rule for vague amounts: the lower bound a coder would defend.
VAGUE = {
    "a dozen": 12, "dozens": 12, "scores": 20, "tens": 10, "hundreds": 100,
    "thousands": 1000, "a handful": 3,
}  # fmt: skip

_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES, "a", "an"], key=len, reverse=True))
# A run of number words joined by spaces, hyphens or "and" ("two hundred and five").
_WORDS = rf"(?:(?:{_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_WORD}))*)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:thousand|million))?"
_AMOUNT = rf"(?:{_DIGITS}|{_WORDS})"
# "tens" and "scores" count people only in "tens of", "scores of".
_VAGUE = (
    r"(?:a\s+dozen|dozens|scores(?=\s+of)|tens(?=\s+(?:of|were|have|had|are)\b)|hundreds"
    r"|thousands|a\s+handful)"
)  # "tens were killed" is a crowd of the dead as "tens of people" is

_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = (
    (r"at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of", "at_least"),
    (r"more\s+than|over|upwards\s+of|in\s+excess\s+of", "more_than"),
    (
        r"nearly|almost|about|around|approximately|roughly|some|close\s+to|an\s+estimated"
        r"|estimated|a\s+reported|approx\.",
        "about",
    ),
    (r"up\s+to|as\s+many\s+as|at\s+most|no\s+more\s+than", "up_to"),
)
_QUAL = "|".join(f"(?P<q{i}>{pattern})" for i, (pattern, _) in enumerate(_QUALIFIERS))

NUMBER_RE = re.compile(
    rf"""
    (?<![\w.,-])
    (?:
        between\s+(?P<lo>{_AMOUNT})\s+(?:and|to)\s+(?P<hi>{_AMOUNT})
      | (?P<lo2>{_DIGITS})\s*(?:-|–)\s*(?P<hi2>{_DIGITS})(?=\s+[a-z])
      | (?:(?:{_QUAL})\s+)?(?:(?P<vague>{_VAGUE})|(?P<amount>{_AMOUNT}))
    )
    (?![\w]|\.\d|-year|\s+years?[\s-]+old|\s*%|\s*per\s*cent|,\d)
    """,
    re.IGNORECASE | re.VERBOSE,
)


def words_to_int(words: str) -> int | None:
    """The value of number words ("two hundred and five" -> 205), or None."""
    total = current = 0
    seen = False
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("and", ""):
            continue
        if word in ("a", "an"):
            current = max(current, 1)
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_amount(text: str) -> int | None:
    """The value of one amount written in digits or words; None when it is not one."""
    cleaned = text.strip().lower().replace(",", "")
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(thousand|million))?", cleaned)
    if match:
        value = float(match.group(1)) * SCALES.get(match.group(2) or "", 1)
        return int(value) if value == int(value) else None
    if cleaned in ("a", "an"):
        return None  # "a" alone is an article, not an amount
    return words_to_int(cleaned)


def bounds(value: int, qualifier: Qualifier) -> tuple[int, int, int | None]:
    """low, best and high for a stated value, as the contract defines them."""
    if qualifier == "at_least":
        return value, value, None
    if qualifier == "more_than":
        return value + 1, value + 1, None
    if qualifier == "about":
        return value, value, None
    if qualifier == "up_to":
        return value, value, value
    return value, value, value


def _qualifier(match: re.Match[str]) -> Qualifier:
    for i, (_, qualifier) in enumerate(_QUALIFIERS):
        if match.group(f"q{i}"):
            return qualifier
    return "exact"


def _mention(match: re.Match[str]) -> NumberMention | None:
    start, end = match.span()
    text = match.group(0)
    if match.group("lo") or match.group("lo2"):
        low = parse_amount(match.group("lo") or match.group("lo2"))
        high = parse_amount(match.group("hi") or match.group("hi2"))
        if low is None or high is None or not low < high:
            return None
        return NumberMention(
            start=start, end=end, text=text, value=low, qualifier="range",
            low=low, best=low, high=high,
        )  # fmt: skip
    qualifier = _qualifier(match)
    if match.group("vague"):
        value = VAGUE[re.sub(r"\s+", " ", match.group("vague").lower())]
        low, best, _ = bounds(value, "at_least" if qualifier == "exact" else qualifier)
        return NumberMention(
            start=start, end=end, text=text, value=value,
            qualifier="at_least" if qualifier == "exact" else qualifier,
            low=low, best=best, high=None, vague=True,
        )  # fmt: skip
    amount = parse_amount(match.group("amount"))
    if amount is None:
        return None
    low, best, high = bounds(amount, qualifier)
    return NumberMention(
        start=start, end=end, text=text, value=amount, qualifier=qualifier,
        low=low, best=best, high=high,
    )  # fmt: skip


def iter_numbers(text: str, start: int = 0, end: int | None = None) -> Iterator[NumberMention]:
    """Every amount in ``text[start:end]``, left to right, with offsets into ``text``."""
    for match in NUMBER_RE.finditer(text, start, len(text) if end is None else end):
        mention = _mention(match)
        if mention is not None:
            yield mention


def find_numbers(text: str) -> list[NumberMention]:
    """Every amount in ``text``."""
    return list(iter_numbers(text))
