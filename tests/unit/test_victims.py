"""Single victims counted person by person, on sentences written for these tests."""

from __future__ import annotations

import pytest

from sitreps.extract.victims import find_victims
from sitreps.nlp.pipeline import parse


def _count(text: str, stated: frozenset[str] = frozenset()) -> dict[str, int]:
    found = find_victims(parse(text), article_id="t", stated=stated)  # type: ignore[arg-type]
    counts: dict[str, int] = {}
    for mention in found:
        assert text[mention.evidence.start : mention.evidence.end] == mention.evidence.text
        counts[mention.field] = counts.get(mention.field, 0) + 1
    return counts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 34-year-old man was shot dead outside a bar on Friday night.", {"fatalities": 1}),
        ("A woman was wounded when gunfire broke out at the market.", {"injured": 1}),
        ("Police said a teenager was shot in the leg. He is expected to survive.", {"injured": 1}),
        (
            "A man was shot on Elm Street late Sunday. Jordan Miles, 22, later died in hospital.",
            {"fatalities": 1},
        ),
        ("Gunmen shot and killed a farmer near the village.", {"fatalities": 1}),
        ("A man and a woman were injured in the attack.", {"injured": 2}),
        ("The suspect threatened to kill her but fled.", {}),
        ("The driver was not hurt.", {}),
        ("Three men were killed in the ambush.", {}),
    ],
)
def test_each_person_counts_once(text: str, expected: dict[str, int]) -> None:
    assert _count(text) == expected


def test_a_person_shot_beside_a_stated_toll_is_not_counted_again() -> None:
    text = "Two people were killed on Monday. Police said Sam Ortiz was shot near the station."
    assert _count(text, frozenset({"fatalities"})) == {}
