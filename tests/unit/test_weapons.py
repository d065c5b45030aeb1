"""Weapons with counts, status and scope, on sentences written for these tests."""

from __future__ import annotations

from sitreps.extract.weapons import find_weapons
from sitreps.types import WeaponMention


def _read(sentence: str) -> list[WeaponMention]:
    found = find_weapons(sentence, [(0, len(sentence))], article_id="t")
    for weapon in found:
        assert sentence[weapon.evidence.start : weapon.evidence.end] == weapon.evidence.text
    return found


def test_counts_launched_across_the_country() -> None:
    found = _read("Officials said 310 drones and 17 missiles were launched across the country.")
    assert [(w.kind, w.count, w.status, w.scope) for w in found] == [
        ("drone", 310, "launched", "country"),
        ("missile", 17, "launched", "country"),
    ]


def test_intercepted_with_model() -> None:
    (weapon,) = _read("Air defences shot down 40 Shahed drones overnight.")
    assert (weapon.kind, weapon.model, weapon.count, weapon.status) == (
        "drone",
        "Shahed",
        40,
        "intercepted",
    )


def test_missile_models_and_qualifier() -> None:
    (weapon,) = _read("Russia fired more than 6 Iskander-M ballistic missiles at Odesa.")
    assert (weapon.kind, weapon.model, weapon.count, weapon.qualifier) == (
        "missile",
        "Iskander",
        6,
        "more_than",
    )
    assert weapon.scope == "city"


def test_ieds_rockets_artillery() -> None:
    kinds = [
        w.kind
        for w in _read("A roadside bomb hit the convoy before rockets and mortars rained down.")
    ]
    assert kinds == ["ied", "rocket", "artillery"]


def test_uncounted_weapon() -> None:
    (weapon,) = _read("The town was hit by an airstrike.")
    assert (weapon.kind, weapon.count, weapon.status) == ("air_strike", None, "hit")
