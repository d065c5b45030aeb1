"""The event's location: which of its places it is, at what precision (issue #4)."""

from __future__ import annotations

import dataclasses

from sitreps.assemble.events import _location, country_hints
from sitreps.types import Evidence, PlaceMention


def place(text: str, phrase: str, **fields: object) -> PlaceMention:
    start = text.index(phrase)
    evidence = Evidence.of("t", text, start, start + len(phrase))
    return PlaceMention(evidence=evidence, lat=1.0, lon=2.0, **fields)  # type: ignore[arg-type]


def test_the_town_outranks_its_region_and_country() -> None:
    text = "Militants attacked a post in Kabul province of Afghanistan, near Paghman."
    places = [
        place(text, "Kabul province", name="Kabul", feature="admin1", admin1="Kabul"),
        place(text, "Afghanistan", name="Afghanistan", feature="country", country_code="AF"),
        place(text, "Paghman", name="Paghman", feature="town", admin1="Kabul"),
    ]
    location, chosen = _location(text, places)
    assert location is not None and chosen == places[2].evidence
    assert location.geo_precision == 2  # "near" a town


def test_a_town_itself_is_precision_one_and_a_region_three() -> None:
    text = "Shells hit Kharkiv in Kharkiv Oblast."
    town = place(text, "Kharkiv", name="Kharkiv", feature="city", admin1="Kharkiv")
    region = place(text, "Kharkiv Oblast", name="Kharkiv", feature="admin1", admin1="Kharkiv")
    location, _ = _location(text, [town, region])
    assert location is not None and location.geo_precision == 1
    location, _ = _location(text, [region])
    assert location is not None and location.geo_precision == 3


def test_an_admin2_is_precision_two_and_names_its_admin2() -> None:
    text = "Two soldiers were killed in a village of Soum province."
    soum = place(text, "Soum province", name="Soum", feature="other", admin1="Sahel", admin2="Soum")
    location, _ = _location(text, [soum])
    assert location is not None
    assert (location.geo_precision, location.admin1, location.admin2) == (2, "Sahel", "Soum")


def test_the_dateline_is_where_the_report_was_filed() -> None:
    text = "KYIV (Reuters) - Drones struck Odesa overnight, officials said."
    kyiv = place(text, "KYIV", name="Kyiv", feature="city")
    odesa = place(text, "Odesa", name="Odesa", feature="city")
    _, chosen = _location(text, [kyiv, odesa])
    assert chosen == odesa.evidence
    _, chosen = _location(text, [kyiv])
    assert chosen == kyiv.evidence  # when it is the only place, it is still the best guess


def test_admin1_keeps_the_reports_spelling_of_it() -> None:
    text = "Protesters gathered in Kafr Takharim in Idleb on Friday."
    town = place(text, "Kafr Takharim", name="Kafr Takharim", feature="town", admin1="Idlib")
    region = place(text, "Idleb", name="Idlib", feature="city", admin1="Idlib")
    location, _ = _location(text, [town, region])
    assert location is not None and location.admin1 == "Idleb"


def test_admin1_as_written_leaves_out_its_designator() -> None:
    text = "A man was shot in Falmouth, Trelawny Parish, on Sunday."
    town = place(text, "Falmouth", name="Falmouth", feature="town", admin1="Trelawney")
    region = place(text, "Trelawny Parish", name="Trelawney", feature="admin1", admin1="Trelawney")
    location, _ = _location(text, [town, region])
    assert location is not None and location.admin1 == "Trelawny"


def test_a_city_named_with_what_it_is_is_no_spelling_of_its_region() -> None:
    text = "Gunmen shot a shopkeeper in Sangarwand city on Monday."
    city = place(text, "Sangarwand city", name="Sangarwand", feature="city", admin1="Sangarwand")
    location, _ = _location(text, [city])
    assert location is not None and location.admin1 == "Sangarwand"


def test_a_place_alone_in_its_country_gives_way_to_places_that_share_one() -> None:
    text = "Activists held a sit-in at the Ilya square in Sidon, south of Beirut."
    stray = place(text, "Ilya", name="Ilja", feature="village", country_code="BY")
    sidon = place(text, "Sidon", name="Sidon", feature="city", country_code="LB")
    beirut = place(text, "Beirut", name="Beirut", feature="city", country_code="LB")
    location, chosen = _location(text, [stray, sidon, beirut])
    assert location is not None and chosen == sidon.evidence
    # One place per country: none is a stray, and the first stands.
    location, chosen = _location(text, [stray, sidon])
    assert chosen == stray.evidence
    # Unless the text's actors are of one of them.
    hint = ("LB", Evidence.of("t", text, 0, 9))
    location, chosen = _location(text, [stray, sidon], [hint])
    assert chosen == sidon.evidence


def test_admin1_as_written_may_add_an_article() -> None:
    text = "An airstrike hit a bus in Mizda (Al Jabal Al Gharbi) on Friday."
    town = place(text, "Mizda", name="Mizdah", feature="town", admin1="Jabal al Gharbi")
    gharbi = "Jabal al Gharbi"
    region = place(text, "Al Jabal Al Gharbi", name=gharbi, feature="admin1", admin1=gharbi)
    location, _ = _location(text, [town, region])
    assert location is not None and location.admin1 == "Al Jabal Al Gharbi"


def test_where_people_came_from_ranks_after_where_they_gathered() -> None:
    text = "Activists from Byblos and Zahle gathered in Sidon on Sunday."
    names = ("Byblos", "Zahle", "Sidon")
    places = [place(text, n, name=n, feature="city", country_code="LB") for n in names]
    _, chosen = _location(text, places)
    assert chosen == places[2].evidence
    # Where a march set out is where it was.
    text = "A car convoy set out from Byblos to Sidon on Sunday."
    places = [place(text, n, name=n, feature="city", country_code="LB") for n in names[::2]]
    _, chosen = _location(text, places)
    assert chosen == places[0].evidence


def test_admin1_as_written_may_be_isos_name_of_it() -> None:
    # ISO 3166-2 spells Iraq's governorate "Dahuk"; GeoNames "Duhok", too unlike to be taken
    # for a spelling of it by likeness alone.
    text = "Airstrikes hit a hill in the Haftanin region of Dahuk on Friday."
    region = place(text, "Dahuk", name="Duhok", feature="admin1", admin1="Duhok")
    region = dataclasses.replace(region, country_code="IQ")
    location, _ = _location(text, [region])
    assert location is not None and location.admin1 == "Dahuk"
    # And in French: Cameroon's "Extreme-Nord", which GeoNames and ISO call "Far North".
    text = "Gunmen looted a village in Kolofata (Mayo-Sava, Extreme-Nord)."
    region = place(text, "Extreme-Nord", name="Far North", feature="admin1", admin1="Far North")
    region = dataclasses.replace(region, country_code="CM")
    location, _ = _location(text, [region])
    assert location is not None and location.admin1 == "Extreme-Nord"


def test_with_no_place_on_the_map_the_demonym_gives_the_country() -> None:
    text = "Afghan forces repelled an attack on a checkpoint in Qala-e Nau Bala."
    unknown = PlaceMention(evidence=Evidence.of("t", text, 51, 68))
    location, chosen = _location(text, [unknown], country_hints(text, "t", []))
    assert location is not None and chosen is not None and chosen.text == "Afghan"
    assert (location.country_code, location.geo_precision) == ("AF", 3)
    assert location.lat is not None  # the country's point


def test_a_region_without_a_point_still_gives_its_country_and_admin1() -> None:
    text = "Clashes were reported in Someplace, Northia province."
    region = PlaceMention(
        evidence=Evidence.of("t", text, 36, 52), name="Northia", feature="admin1",
        country_code="AF", admin1="Northia",
    )  # fmt: skip
    location, _ = _location(text, [region])
    assert location is not None
    assert (location.country_code, location.admin1, location.geo_precision) == ("AF", "Northia", 3)


def test_no_place_and_no_demonym_is_no_location() -> None:
    text = "Workers held a sit-in to demand their wages."
    assert _location(text, []) == (None, None)


def test_a_container_in_brackets_stands_for_an_unknown_place_at_precision_two() -> None:
    text = "Gunmen attacked Zzyxqo (Thiou, Yatenga) at dawn."
    unknown = PlaceMention(evidence=Evidence.of("t", text, 16, 22))
    thiou = place(text, "Thiou", name="Thiou", feature="town", country_code="BF", admin1="Nord")
    yatenga = place(text, "Yatenga", name="Yatenga", feature="other", country_code="BF",
                    admin1="Nord", admin2="Yatenga")  # fmt: skip
    location, chosen = _location(text, [unknown, thiou, yatenga])
    assert chosen == thiou.evidence and location is not None
    assert location.geo_precision == 2


def test_a_contained_town_outranks_its_container_town() -> None:
    text = "Protesters marched in Gaoua (Bobo, Poni)."
    gaoua = place(text, "Gaoua", name="Gaoua", feature="town", country_code="BF")
    bobo = place(text, "Bobo", name="Bobo", feature="town", country_code="BF")
    location, chosen = _location(text, [bobo, gaoua])
    assert chosen == gaoua.evidence and location is not None and location.geo_precision == 1


def test_a_country_that_qualifies_a_noun_is_not_the_place() -> None:
    text = "Rioters protested the rise of the US dollar in Nabatiyeh."
    us = place(text, "US", name="United States", feature="country", country_code="US")
    start = text.index("Nabatiyeh")
    unknown = PlaceMention(evidence=Evidence.of("t", text, start, start + len("Nabatiyeh")))
    location, chosen = _location(text, [us, unknown])
    assert chosen is None  # at most a nationality's country, as "American" would give
    assert location is None or location.geo_precision == 3


def test_a_village_placed_by_its_hromada_is_precision_two() -> None:
    text = "Shelling hit Kodema overnight."
    village = place(text, "Kodema", name="Kodema", feature="village", country_code="UA")
    location, _ = _location(text, [village])
    assert location is not None and location.geo_precision == 2


def test_with_no_place_known_an_actor_of_one_country_gives_the_country() -> None:
    text = "Taliban fighters attacked a checkpoint in Zzyxqo Kalay, killing two guards."
    location, evidence = _location(text, [], country_hints(text, "t", []))
    assert location is not None and (location.country_code, location.geo_precision) == ("AF", 3)
    assert evidence is not None and evidence.text == "Taliban"


def test_the_country_named_most_wins_and_the_first_named_breaks_a_tie() -> None:
    text = "Malian soldiers and Police Forces of Niger clashed with Nigerien smugglers."
    hints = country_hints(text, "t", [])
    assert [code for code, _ in hints] == ["ML", "NE", "NE"]
    location, evidence = _location(text, [], hints)
    assert location is not None and location.country_code == "NE"
    assert evidence is not None and evidence.text.startswith("Police Forces of Niger")
    tie = "French and Malian troops raided a camp near Zzyxqo."
    location, evidence = _location(tie, [], country_hints(tie, "t", []))
    assert location is not None and location.country_code == "FR"


def test_a_nationality_that_names_a_currency_gives_no_country() -> None:
    text = "Protesters blocked a road over the fall of the Lebanese pound and the US dollar rate."
    assert [code for code, _ in country_hints(text, "t", [])] == []
    assert _location(text, [], country_hints(text, "t", [])) == (None, None)


def test_a_district_outranks_the_city_after_its_comma() -> None:
    text = "A roadside bomb killed two soldiers in Zzyx of Nowhere district, Bigcity."
    district = place(text, "Nowhere district", name="Nowhere", feature="other", admin1="Big")
    city = place(text, "Bigcity", name="Bigcity", feature="city", admin1="Big")
    location, chosen = _location(text, [district, city])
    assert location is not None and chosen == district.evidence
    assert location.geo_precision == 2
    # Without the district's word, a city after a comma is a place of its own.
    listed = "Shelling hit Smalltown, Bigcity and the villages around."
    town = place(listed, "Smalltown", name="Smalltown", feature="town")
    _, chosen = _location(listed, [town, place(listed, "Bigcity", name="Bigcity", feature="city")])
    assert chosen == town.evidence


def test_the_far_side_of_a_border_is_not_where_the_event_was() -> None:
    text = "Gunmen shot a herder dead near the border with Togo on Friday."
    togo = place(text, "Togo", name="Togo", feature="country", country_code="TG")
    assert _location(text, [togo]) == (None, None)
    text = "Gunmen shot a herder dead and fled towards the Togolese border."
    start = text.index("Togolese")
    hint = ("TG", Evidence.of("t", text, start, start + len("Togolese")))
    assert _location(text, [], [hint]) == (None, None)
    text = "Togolese soldiers shot a herder dead on Friday."
    hint = ("TG", Evidence.of("t", text, 0, len("Togolese")))
    location, _ = _location(text, [], [hint])
    assert location is not None and location.country_code == "TG"
