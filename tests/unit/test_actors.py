"""Actors: who acted and who was hit, and the country ACLED names them by."""

from __future__ import annotations

from sitreps.assemble.events import _with_implied_actor
from sitreps.assemble.typing import Typing
from sitreps.extract.actors import find_actors
from sitreps.types import ActorMention, Evidence


def actors(text: str) -> list[tuple[str, str, str | None]]:
    found = find_actors(text, [(0, len(text))], article_id="t")
    return [(m.name, m.role, m.country_code) for m in found]


def test_the_agent_of_a_passive_is_the_perpetrator() -> None:
    found = actors("Two farmers were killed by Afghan forces near the river.")
    assert ("Military Forces of Afghanistan", "perpetrator", "AF") in found
    assert ("Civilians", "target", None) in found


def test_an_attack_by_a_group_names_its_author() -> None:
    found = actors("Three policemen died in an attack by Taliban militants on a checkpoint.")
    assert next(n for n, r, _ in found if r == "perpetrator") == "Taliban"
    assert ("Police Forces", "target", None) in found


def test_joint_forces_name_each_nation_the_first_first() -> None:
    found = actors("French and Burkinabe forces struck a camp near the border.")
    perpetrators = [(n, c) for n, r, c in found if r == "perpetrator"]
    assert perpetrators[:2] == [
        ("Military Forces of France", "FR"),
        ("Military Forces of Burkina Faso", "BF"),
    ]


def test_a_named_operation_between_nation_and_forces() -> None:
    found = actors("French Operation Barkhane forces carried out a raid on the camp.")
    assert found[0] == ("Military Forces of France", "perpetrator", "FR")


def test_forces_of_a_country_followed_by_a_verb() -> None:
    found = actors("On Monday, military forces of Armenia fired on the positions of the enemy.")
    assert found[0] == ("Military Forces of Armenia", "perpetrator", "AM")


def test_unnamed_state_forces_wait_for_the_event_country() -> None:
    for text in (
        "Gendarmes exchanged fire with gunmen near the station.",
        "Government forces raided a house in the village.",
        "An army unit neutralized a bomb on the road.",
        "Security personnel opened fire on the car.",
    ):
        first = actors(text)[0]
        assert first[1] == "perpetrator" and first[2] is None, text
        assert first[0] in ("Military Forces", "Police Forces"), text


def _words(text: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence.of("t", text, start, start + len(phrase))


def test_an_unnamed_attacker_is_implied_by_the_violence() -> None:
    text = "A trader was shot dead in his shop."
    typing = Typing("Violence against civilians", "Attack", ((14, 18),))
    found = _with_implied_actor([], typing, _words(text, "shot"), "NG")
    assert [(m.name, m.role) for m in found] == [("Unidentified Armed Group", "perpetrator")]


def test_the_crowd_is_implied_by_the_protest() -> None:
    text = "Teachers staged a sit-in at the ministry."
    typing = Typing("Protests", "Peaceful protest", ((18, 24),))
    found = _with_implied_actor([], typing, _words(text, "sit-in"), "BF")
    assert [(m.name, m.kind) for m in found] == [("Protesters", "protesters")]


def test_a_battle_told_by_its_casualties_takes_its_first_armed_side() -> None:
    text = "Ten militants were killed in clashes with soldiers."
    side = ActorMention(
        evidence=_words(text, "militants"), name="Unidentified Armed Group", role="target",
        kind="militia",
    )  # fmt: skip
    typing = Typing("Battles", "Armed clash", ((29, 36),))
    found = _with_implied_actor([side], typing, _words(text, "clashes"), "ML")
    assert [(m.name, m.role) for m in found] == [("Unidentified Armed Group", "perpetrator")]


def test_a_named_perpetrator_needs_nothing_implied() -> None:
    text = "Rebels shelled the town."
    rebels = ActorMention(
        evidence=_words(text, "Rebels"), name="Rebels", role="perpetrator", kind="rebels",
        country_code="CD",
    )  # fmt: skip
    typing = Typing("Explosions/Remote violence", "Shelling/artillery/missile attack", ((7, 14),))
    assert _with_implied_actor([rebels], typing, _words(text, "shelled"), "CD") == [rebels]


def test_a_group_named_with_a_capital_article() -> None:
    found = actors("Al-Shabaab fighters ambushed a convoy near Afgooye.")
    assert found[0][:2] == ("Al Shabaab", "perpetrator")


def test_actors_of_one_country_are_clues_to_where_the_text_is() -> None:
    from sitreps.extract.actors import country_clues, home_countries

    text = "The OSCE SMM saw shelling; Police Forces of Nigeria and Taliban fighters met."
    clues = country_clues(text)
    assert [code for code, _, _ in clues] == ["UA", "NG", "AF"]
    assert [text[a:b] for _, a, b in clues[:1]] == ["OSCE SMM"]
    assert home_countries(text) == {"UA": 1, "NG": 1, "AF": 1}
    assert not country_clues("Gunmen attacked a bus near the river.")


def test_groups_of_several_countries_and_actors_of_a_few_regions_are_clues_too() -> None:
    from sitreps.extract.actors import home_areas, home_countries, home_regions

    sahel = "Suspected ISGS militants burned a school in a village."
    assert home_areas(sahel) == {"ML", "BF", "NE"}
    assert home_countries(sahel) == {}  # which of the three, the group does not say
    assert home_regions("The OSCE SMM recorded 40 explosions near a village.") == {
        "UA-14", "UA-09",
    }  # fmt: skip
    assert home_regions("The NAF rebel forces fired mortars.") == {"UA-14", "UA-09"}
    assert home_regions("A NAF jet struck a camp in Borno.") == frozenset()  # the Air Force
    assert home_regions("The DPR Korea fired a missile.") == frozenset()
    assert home_areas("Gunmen attacked a bus.") == frozenset()
    assert home_regions("Gunmen attacked a bus.") == frozenset()


def test_country_clues_found_with_the_prefilter_are_those_of_every_pattern() -> None:
    from sitreps.extract import actors

    text = "UNIFIL patrols met Tatmadaw troops; the PMF and the Taliban denied it. MONUSCO too."
    expected = sorted(
        ((home, *m.span()) for pattern, home in actors._CLUE_RE for m in pattern.finditer(text)),
        key=lambda clue: clue[1],
    )
    assert len(expected) >= 4
    assert list(actors.country_clues(text)) == expected  # no "forces of <country>" in it


def test_a_capitalized_forces_noun_still_names_the_nation() -> None:
    found = actors("On Tuesday, the Georgian Forces fired mortars at the positions of the rebels.")
    assert found[0] == ("Military Forces of Georgia", "perpetrator", "GE")


def test_a_bare_participle_with_an_object_is_the_act_of_its_subject() -> None:
    found = actors("Turkish forces captured four fighters near the border.")
    assert found[0] == ("Military Forces of Türkiye", "perpetrator", "TR")


def test_a_bare_participle_without_an_object_is_suffered() -> None:
    for text in (
        "Two Turkish soldiers killed in a roadside blast near the border.",
        "Three Turkish soldiers wounded, officials say.",
        "Turkish soldiers were captured near the border.",
    ):
        assert actors(text)[0][1] == "target", text


def test_a_weapon_shot_down_names_the_side_that_lost_it() -> None:
    found = actors("Militiamen shot down a Turkish drone over the airbase.")
    assert ("Military Forces of Türkiye", "target", "TR") in found


def test_the_sides_of_a_civil_war_belong_to_their_country() -> None:
    found = actors("LNA forces shelled GNA positions south of the capital.")
    assert found[0] == ("Military Forces of Libya (Haftar Faction)", "perpetrator", "LY")
    assert found[1][0] == "Military Forces of Libya (Government of National Accord)"
    found = actors("NAF rebels fired grenades at the positions of the army near the town.")
    assert found[0] == ("NAF: United Armed Forces of Novorossiya", "perpetrator", "UA")


def test_a_group_and_its_fighters_are_one_actor() -> None:
    text = "On Friday, Taliban fighters and suicide bombers stormed the base."
    found = find_actors(text, [(0, len(text))], article_id="t")
    assert [(m.name, m.evidence.text) for m in found] == [
        ("Taliban", "Taliban fighters"),
        ("Unidentified Armed Group", "suicide bombers"),
    ]
    assert actors("Three Taliban fighters were killed in the raid.")[0][1] == "target"
