"""The typing rules' quick test: never says "cannot match" for a text a pattern matches."""

from __future__ import annotations

import re

import pytest

from sitreps.assemble.prefilter import ASCII_FOLD, Prefilter, required_words
from sitreps.assemble.typing import RULES, classify


def test_the_fold_covers_every_letter_ignorecase_takes_for_ascii() -> None:
    ascii_any = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
    taken = {c for c in range(0x80, 0x110000) if ascii_any.match(chr(c))}
    assert taken == set(ASCII_FOLD)
    for code, ascii in ASCII_FOLD.items():
        assert re.fullmatch(str(ascii), chr(code), re.IGNORECASE)


def test_required_words_of_alternatives_repeats_and_groups() -> None:
    pattern = re.compile(r"\b(?:attack\w*|strikes?|(?:air|drone)\s+raids?)\b", re.I)
    assert required_words(pattern) == {"attack", "strike", "raid"}
    assert required_words(re.compile(r"(?<!not\s)\bkill(?:ed|ing)\b")) == {"kill"}
    # an optional part names no word; a pattern with no word of three letters has none
    assert required_words(re.compile(r"(?:shot)?\s+dead")) == {"dead"}
    assert required_words(re.compile(r"\b(?:IEDs?|x)\b")) is None
    assert required_words(re.compile(r"\w+\s+\d+")) is None


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen ATTACKED a convoy.",
        "They were kıdnapped on the road.",  # dotless i: IGNORECASE reads it as i
        "KİDNAPPED near the border",
        "a ſuicide bomber",
        "Nothing happened at the market today.",
        "the strikers went home",
        "",
    ],
)
def test_the_quick_test_agrees_with_the_rules(text: str) -> None:
    quick = Prefilter([pattern for _, _, pattern in RULES])
    matched = any(pattern.search(text) for _, _, pattern in RULES)
    assert quick.active
    assert quick.may_match(text) or not matched
    assert classify(text) == classify.__wrapped__(text)


def test_a_pattern_without_words_turns_the_test_off() -> None:
    quick = Prefilter([re.compile(r"attack"), re.compile(r"\d+")])
    assert not quick.active
    assert quick.may_match("12")


def test_each_pattern_is_answered_for_on_its_own() -> None:
    quick = Prefilter([re.compile(r"\bgunm[ae]n\b", re.I), re.compile(r"\bal-Shabaab\b"),
                       re.compile(r"\d+")])  # fmt: skip
    assert quick.may_match_each("Gunmen stormed a hotel.") == [True, False, True]
    assert quick.may_match_each("AL-SHABAAB said") == [False, True, True]
    assert not quick.active and quick.may_match("nothing")
