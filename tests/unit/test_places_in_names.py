"""Places inside the names of organisations and facilities."""

from __future__ import annotations

import datetime as dt

import pytest

from sitreps import Article, extract_article


def _places(text: str) -> list[tuple[str | None, str]]:
    result = extract_article(Article(id="t", text=text, published=dt.date(2021, 6, 1)))
    return [(p.name, p.evidence.text) for p in result.places]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a place after a locative inside the organisation's name
        (
            "Some 300 traders demonstrated outside the Cabinet of Ministers in Kyiv on Monday.",
            ("Kyiv", "Kyiv"),
        ),
        # a facility named after its town
        ("Monitors recorded 20 explosions near Donetsk Airport on Sunday.", ("Donetsk", "Donetsk")),
    ],
)
def test_the_place_in_a_name_is_found(text: str, place: tuple[str, str]) -> None:
    assert place in _places(text)


def test_a_square_named_after_an_idea_is_no_town() -> None:
    found = _places("Hundreds gathered at Independence Square in Kyiv on Sunday evening.")
    assert ("Independence", "Independence") not in found
    assert ("Kyiv", "Kyiv") in found


def test_a_newspaper_named_after_its_city_is_no_place() -> None:
    assert _places("Reporters from the Kyiv Independent said a school was hit.") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a state's bureau, a state's service and a state's university are its own
        (
            "Agents of the Georgia Bureau of Investigation arrested two men on Friday.",
            ("Georgia", "Georgia"),
        ),
        ("Crews from the Texas Forest Service fought a fire nearby.", ("Texas", "Texas")),
        ("She studied law at the University of Kentucky before moving.", ("Kentucky", "Kentucky")),
    ],
)
def test_the_place_a_public_body_is_named_after_is_found(text: str, place: tuple[str, str]) -> None:
    assert place in _places(text)


def test_a_dateline_in_capitals_names_its_town() -> None:
    text = "Fire destroys barn. LEXINGTON, Ky. - A fire destroyed a barn on Tuesday night."
    found = _places(text)
    assert ("Lexington", "LEXINGTON") in found


def test_a_word_in_capitals_before_a_dash_is_no_town_unless_the_gazetteer_has_one() -> None:
    text = "UPDATE - Two people were hurt when a truck overturned on Monday."
    assert _places(text) == []


def test_a_compass_part_of_a_state_is_found_at_the_state() -> None:
    found = _places("Storms flooded roads across North Texas on Sunday, officials said.")
    assert ("Texas", "North Texas") in found


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Lewisburg Mayor John Manchester said the road would reopen.", "Lewisburg"),
        ("The Torrington Fire Department answered the call at noon.", "Torrington"),
    ],
)
def test_a_small_town_before_its_office_is_found(text: str, town: str) -> None:
    assert town in [name for name, _ in _places(text)]


def test_a_legislators_home_town_after_the_party_is_a_place() -> None:
    text = "The budget is short, Sen. Ann Roe, DFL-Cook, told reporters in Duluth, Minn."
    result = extract_article(Article(id="t", text=text, published=dt.date(2021, 6, 1)))
    assert [p.admin1 for p in result.places if p.name == "Cook"] == ["Minnesota"]


def test_a_city_and_state_name_before_the_governor_is_the_state() -> None:
    # The city where she lives and works; then the state she governs.
    text = (
        "Jane Roe was born in New York and still works in New York, where she owns a bakery. "
        "Former New York Gov. John Doe bought bread there on Tuesday."
    )
    result = extract_article(Article(id="t", text=text, published=dt.date(2021, 6, 1)))
    features = [p.feature for p in result.places if p.evidence.text == "New York"]
    assert features[-1] == "admin1"
    assert features[0] == "city"
