"""Single victims counted person by person, on sentences written for these tests."""

from __future__ import annotations

import pytest

from sitreps.extract.victims import find_victims
from sitreps.nlp.pipeline import parse


def _count(
    text: str, stated: frozenset[str] = frozenset(), read: tuple[str, ...] = ()
) -> dict[str, int]:
    """People counted per field; ``read`` are figures the casualty extractor already read."""
    spans = frozenset((text.index(r), text.index(r) + len(r)) for r in read)
    found = find_victims(parse(text), article_id="t", stated=stated, read=spans)  # type: ignore[arg-type]
    counts: dict[str, int] = {}
    for mention in found:
        assert text[mention.evidence.start : mention.evidence.end] == mention.evidence.text
        counts[mention.field] = counts.get(mention.field, 0) + mention.number.value
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
        ("A trader was shot to death by two armed men at the market.", {"fatalities": 1}),
        ("Gunmen ambushed and killed the watchman of the depot.", {"fatalities": 1}),
        ("Two gunmen on a motorbike shot dead a man in the town.", {"fatalities": 1}),
        ("The dog was killed by a stray round.", {}),
        ("A woman at the scene suffered a gunshot wound to her hand.", {"injured": 1}),
        ("Police found a man suffering from gunshot wounds in a parked car.", {"injured": 1}),
        ("A teenager was taken to a hospital with injuries to his arm.", {"injured": 1}),
        ("The boy was in critical condition on Sunday night.", {"injured": 1}),
        ("A man shot himself in the garage. The man died at the scene.", {"fatalities": 1}),
        ("Officers shot the suspect, who was later pronounced dead.", {"fatalities": 1}),
        ("A farmer took his own life after the standoff.", {"fatalities": 1}),
        ("He was taken to a clinic, where he succumbed to his wounds.", {"fatalities": 1}),
        ("The gunman shot Ellis twice, killing him.", {"fatalities": 1}),
        ("The fighting ended with the death of the local militia leader.", {"fatalities": 1}),
        ("A woman was grazed by a bullet outside the store.", {"injured": 1}),
        ("One teen was struck in the head with a pistol.", {"injured": 1}),
        ("The parked car was hit by a truck.", {}),
        ("A home on Curry Street was shot at several times on Monday night.", {}),
        ("A 21-year-old man was shot at the bar on Noble Road.", {"injured": 1}),
        ("He drove to the hospital and was treated for minor injuries.", {"injured": 1}),
        ("A ring of suspects was described in the body of the text.", {}),
    ],
)
def test_each_person_counts_once(text: str, expected: dict[str, int]) -> None:
    assert _count(text) == expected


def test_a_figure_the_parse_ties_to_a_casualty_verb_counts_unless_already_read() -> None:
    text = "Three men were killed in the ambush."
    assert _count(text, read=("Three",)) == {}
    assert _count(text) == {"fatalities": 3}
    # Words between the figure and the verb that no list of victim words could foresee.
    text = "Later, 4 opposition fighters of the brigade were found dead near the road."
    assert _count(text) == {"fatalities": 4}
    text = "Soldiers arrested eleven herders at the well and executed them nearby."
    assert _count(text) == {"fatalities": 11}


def test_a_shot_figure_gives_no_count_since_it_may_include_the_dead() -> None:
    assert _count("Police said two male victims had been shot near the party.") == {}


def test_a_person_shot_beside_a_stated_toll_is_not_counted_again() -> None:
    text = "Two people were killed on Monday. Police said Sam Ortiz was shot near the station."
    assert _count(text, frozenset({"fatalities"}), read=("Two",)) == {}


@pytest.mark.parametrize(
    "text",
    [
        # a person firing at others is the shooter, not someone hit
        "An officer was dragged by the car and shot at the suspects as they fled.",
        # what did not happen
        "He hit the truck two times. Another inch I would’ve been dead,” the driver said.",
        # nobody was
        "Neither the owner nor his wife was injured during the robbery.",
    ],
)
def test_no_one_was_hit(text: str) -> None:
    assert _count(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police are investigating a shooting that left a man with a gunshot wound to his arm.",
         {"injured": 1}),
        ("A shooting on Oak Street killed a man and put a woman in the hospital on Sunday.",
         {"fatalities": 1, "injured": 1}),
        ("Officers found a teenager shot near the corner of Fifth and Main.", {"injured": 1}),
        ("He told the dispatcher he shot his wife, and then he killed himself.",
         {"fatalities": 1, "injured": 1}),
        ("The dispatcher heard a bang and then the line went dead.", {}),
    ],
)  # fmt: skip
def test_people_hurt_told_by_what_the_shooting_did_to_them(
    text: str, expected: dict[str, int]
) -> None:
    assert _count(text) == expected


class _EveryWord:
    def __contains__(self, word: object) -> bool:
        return True


@pytest.mark.parametrize(
    "text",
    [
        "A trader was beaten to death and his brother was struck in the head by a bullet.",
        "Villagers discovered a body near the well; a man took his own life in the barracks.",
        "The attack left a boy with gunshot wounds, and he is in critical condition.",
        "Neither the driver nor his wife was hurt when the bus was hit by gunfire.",
    ],
)
def test_the_quick_word_test_changes_no_outcome(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitreps.extract import victims

    doc = parse(text)
    quick = [victims._outcome(token) for token in doc]
    monkeypatch.setattr(victims, "_OUTCOME_WORDS", _EveryWord())
    assert quick == [victims._outcome(token) for token in doc]
    assert any(quick)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Headlines leave out "was": the subject of a bare participle suffered it.
        ("Rebel fighter killed, three more hurt in mortar fire near the airport", 1),
        ("Militia member killed in overnight shelling of the village", 1),
        ("Nurse wounded as rockets hit the hospital grounds", 1),
        ("Protesters wounded as police fire on the crowd", None),
        ("Border guard reported killed near the frontier post", 1),
    ],
)
def test_a_headline_counts_its_one_victim(text: str, expected: int | None) -> None:
    field = "injured" if "wounded" in text else "fatalities"
    assert _count(text).get(field) == expected


def test_arriving_with_a_wound_is_being_hurt() -> None:
    assert _count("A teenager walked into the clinic with a gunshot wound late Friday.") == {
        "injured": 1
    }
    assert _count("A teenager walked into the clinic with his mother late Friday.") == {}


def test_the_shooter_who_turns_the_gun_on_himself_is_a_victim_too() -> None:
    assert _count("A man fatally shot his neighbour and then himself on Friday.") == {
        "fatalities": 2
    }
    assert _count("The man shot a clerk, then turned the gun on himself. He survived.") == {
        "injured": 2
    }


def test_a_man_was_slain_read_as_a_complement() -> None:
    assert _count("A 58-year-old man was slain outside his shop on Tuesday evening.") == {
        "fatalities": 1
    }
