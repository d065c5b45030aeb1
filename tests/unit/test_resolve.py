from __future__ import annotations

import dataclasses

from sitreps.geo.gazetteer import Candidate
from sitreps.geo.resolve import Mention, resolve


def town(name: str, admin1: str, population: int, prior: float) -> Candidate:
    return Candidate(
        name=name,
        feature="town",
        country_code="US",
        country="United States",
        admin1=admin1,
        lat=0.0,
        lon=0.0,
        population=population,
        prior=prior,
    )


def test_names_that_share_a_region_resolve_into_it() -> None:
    # Each name alone is likelier elsewhere; together they point at one state.
    names = {
        "decatur": [
            town("Decatur", "Illinois", 76_000, 4.9),
            town("Decatur", "Georgia", 20_000, 4.3),
        ],
        "avondale": [
            town("Avondale", "Arizona", 85_000, 4.9),
            town("Avondale", "Georgia", 3_000, 4.3),
        ],
        "tucker": [town("Tucker", "Ohio", 40_000, 4.6), town("Tucker", "Georgia", 30_000, 4.5)],
    }
    mentions = [Mention(candidates=cands, key=key) for key, cands in names.items()]
    chosen = [c for c, _ in resolve(mentions)]
    assert [c.admin1 if c else None for c in chosen] == ["Georgia"] * 3


def test_a_state_is_not_taken_for_a_town_of_a_shared_region() -> None:
    state = Candidate(
        name="Nevada", feature="admin1", country_code="US", country="United States",
        admin1="Nevada", lat=0.0, lon=0.0, prior=6.0,
    )  # fmt: skip
    towns = {
        "nevada": [state, town("Nevada", "Missouri", 8_000, 5.8)],
        "joplin": [town("Joplin", "Missouri", 50_000, 4.7)],
        "carthage": [town("Carthage", "Missouri", 14_000, 4.1)],
    }
    mentions = [Mention(candidates=cands, key=key) for key, cands in towns.items()]
    first, _ = resolve(mentions)[0]
    assert first is state


def _village(name: str, cc: str) -> Candidate:
    return Candidate(
        name=name, feature="village", country_code=cc, country=None, lat=1.0, lon=1.0,
        population=3_000, prior=3.5,
    )  # fmt: skip


def test_an_actor_of_one_country_rules_out_a_small_place_far_from_it() -> None:
    # "Koglweogo militiamen attacked Tissi": no Italian village, whatever the gazetteer has.
    tissi = Mention(candidates=[_village("Tissi", "IT")], key="tissi")
    assert resolve([tissi], local={"BF": 1}, near_local={"BF", "ML", "NE"})[0][0] is None
    # Without the actor, the only candidate stands.
    assert resolve([tissi])[0][0] is not None


def test_an_actor_of_one_country_keeps_a_place_across_its_border() -> None:
    # A group of Mali fights in northern Burkina Faso: its name rules nothing out there.
    titao = Mention(candidates=[_village("Titao", "BF")], key="titao")
    chosen, _ = resolve([titao], local={"ML": 1}, near_local={"ML", "BF", "NE"})[0]
    assert chosen is not None and chosen.country_code == "BF"


def test_a_group_of_several_countries_rules_out_a_small_place_far_from_them() -> None:
    # "JNIM militants attacked Zana": no village of Tunisia.
    zana = Mention(candidates=[_village("Zana", "TN")], key="zana")
    assert resolve([zana], areas={"ML", "BF", "NE", "DZ"})[0][0] is None
    kaya = Mention(candidates=[_village("Kaya", "BF"), _village("Kaya", "JP")], key="kaya")
    chosen, _ = resolve([kaya], areas={"ML", "BF", "NE"})[0]
    assert chosen is not None and chosen.country_code == "BF"


def test_a_big_city_known_only_by_a_spelling_of_its_name_may_be_foreign() -> None:
    # "Koglweogo militiamen raided Pensa": not Penza, a Russian city of half a million.
    penza = dataclasses.replace(
        _village("Penza", "RU"), feature="city", population=500_000, prior=5.2, match=1
    )
    pensa = Mention(candidates=[penza], key="pensa")
    assert resolve([pensa], local={"BF": 1}, near_local={"BF", "ML", "NE"})[0][0] is None
    # Written as it is spelled, the city stands: a big city is often named abroad.
    own = Mention(candidates=[dataclasses.replace(penza, match=0)], key="penza")
    assert resolve([own], local={"BF": 1}, near_local={"BF", "ML", "NE"})[0][0] is not None


def test_a_spelling_of_a_big_city_named_as_its_region_is_the_city() -> None:
    # "Al-Hasakeh" beside a village that points at Iraq: the Syrian city, which gives its
    # name to its governorate, however spelled.
    city = dataclasses.replace(
        _village("Al Hasakah", "SY"), feature="city", population=400_000, prior=5.6, match=1
    )
    region = dataclasses.replace(_village("Al Hasakah", "SY"), feature="admin1", prior=5.4)
    hasakeh = Mention(candidates=[city, region], key="al hasakeh")
    aziziyah = Mention(candidates=[_village("Al Aziziyah", "IQ")], key="aziziyeh")
    chosen = [c for c, _ in resolve([aziziyah, hasakeh])]
    assert chosen[1] is city


def test_a_village_is_the_namesake_in_the_regions_of_its_actors() -> None:
    # "The OSCE SMM saw explosions near Lozove": the village on the front line, not a
    # bigger namesake in Crimea.
    crimea = dataclasses.replace(_village("Lozove", "UA"), admin1_code="UA-43", prior=3.3)
    donetsk = dataclasses.replace(_village("Lozove", "UA"), admin1_code="UA-14", prior=2.0)
    lozove = Mention(candidates=[crimea, donetsk], key="lozove")
    chosen, _ = resolve([lozove], actor_regions={"UA-14", "UA-09"})[0]
    assert chosen is donetsk
    assert resolve([lozove])[0][0] is crimea


def _in(name: str, admin1: str, feature: str = "village", population: int = 3_000) -> Candidate:
    return Candidate(
        name=name, feature=feature, country_code="YE", country=None, admin1=admin1,  # type: ignore[arg-type]
        lat=1.0, lon=1.0, population=population, prior=len(str(population)) - 1.0,
    )  # fmt: skip


def test_a_place_in_brackets_before_its_region_lies_in_that_region() -> None:
    # "Qarn (Nowhere, Bayda)": the namesake in Bayda, though another is larger.
    qarn = Mention(
        candidates=[_in("Qarn", "Marib", population=20_000), _in("Qarn", "Bayda")],
        containers=[1], bracketed=True, key="qarn",
    )  # fmt: skip
    bayda = Mention(candidates=[_in("Bayda", "Bayda", "admin1", 500_000)], key="bayda")
    chosen, _ = resolve([qarn, bayda])[0]
    assert chosen is not None and chosen.admin1 == "Bayda"
    # With no namesake in the region, a place in brackets is left to its region.
    alone = Mention(
        candidates=[_in("Qarn", "Marib", population=20_000)], containers=[1], bracketed=True,
        key="qarn",
    )  # fmt: skip
    assert resolve([alone, bayda])[0][0] is None


def test_a_big_city_abroad_does_not_outrank_the_namesake_in_the_named_region() -> None:
    # "Sahar, Sadah": the Yemeni village, not a big city of a near spelling across a border.
    sohar = Candidate(
        name="Sohar", feature="city", country_code="OM", country=None, admin1="Batinah",
        lat=1.0, lon=1.0, population=140_000, prior=5.1,
    )  # fmt: skip
    sahar = Mention(candidates=[sohar, _in("Sahar", "Sadah")], containers=[1], key="sahar")
    sadah = Mention(candidates=[_in("Sadah", "Sadah", "admin1", 700_000)], key="sadah")
    chosen, _ = resolve([sahar, sadah])[0]
    assert chosen is not None and (chosen.country_code, chosen.admin1) == ("YE", "Sadah")


def test_a_repeated_name_means_the_place_its_located_mention_chose() -> None:
    # "Glasgow, Barren County" then "Glasgow" alone: the second is the Kentucky town, not the city
    # of Scotland that a name alone would be.
    kentucky = town("Glasgow", "Kentucky", 14_000, 4.1)
    scotland = Candidate(
        name="Glasgow", feature="city", country_code="GB", country="United Kingdom",
        admin1="Scotland", lat=55.86, lon=-4.25, population=600_000, prior=5.8,
    )  # fmt: skip
    county = Candidate(
        name="Barren", feature="other", country_code="US", country="United States",
        admin1="Kentucky", lat=0.0, lon=0.0, population=44_000, prior=4.6,
    )  # fmt: skip
    located = Mention(candidates=[kentucky], key="glasgow", containers=[1])
    region = Mention(candidates=[county], key="barren")
    # The rest of the story is about a trip to Britain, which alone would pull "Glasgow"
    # there.
    britain = [
        Mention(candidates=[dataclasses.replace(scotland, name=n, admin1="England")], key=n)
        for n in ("london", "leeds", "york")
    ]
    alone = Mention(candidates=[scotland, kentucky], key="glasgow")
    # "Glasgow Police Department": a name inside a longer one is offered only big places.
    inside = Mention(candidates=[scotland], key="glasgow")
    chosen = [c for c, _ in resolve([located, region, *britain, alone, inside])]
    assert chosen[0] is kentucky
    assert chosen[-2:] == [kentucky, kentucky]


def test_a_repeated_name_of_other_kinds_stays_apart() -> None:
    # "Donetsk region" and "Donetsk": an oblast and its city, one key, two places.
    oblast = Candidate(
        name="Donetsk", feature="admin1", country_code="UA", country="Ukraine",
        admin1="Donetsk", lat=48.0, lon=37.8, prior=6.0,
    )  # fmt: skip
    city = Candidate(
        name="Donetsk", feature="city", country_code="UA", country="Ukraine",
        admin1="Donetsk", lat=48.0, lon=37.8, population=900_000, prior=5.9,
    )  # fmt: skip
    chosen = [
        c
        for c, _ in resolve(
            [Mention(candidates=[oblast], key="donetsk"), Mention(candidates=[city], key="donetsk")]
        )
    ]
    assert chosen == [oblast, city]


def test_many_small_towns_of_one_state_outweigh_bigger_namesakes_elsewhere() -> None:
    # A county paper names six small towns: each alone is a bigger place in another state,
    # but all six have a namesake in the paper's state.
    others = ["Wisconsin", "Washington", "New York", "Mississippi", "Tennessee", "Ohio"]
    names = ["Madison", "Pierce", "Plainview", "Laurel", "Knox", "Wayne"]
    mentions = [
        Mention(
            candidates=[town(n, elsewhere, 200_000, 5.3), town(n, "Nebraska", 2_000, 3.3)],
            key=n.lower(),
        )
        for n, elsewhere in zip(names, others, strict=True)
    ]
    chosen = [c for c, _ in resolve(mentions)]
    assert [c.admin1 if c else None for c in chosen] == ["Nebraska"] * 6


def _at(c: Candidate, lat: float, lon: float) -> Candidate:
    return dataclasses.replace(c, lat=lat, lon=lon)


def _mansfields() -> list[Candidate]:
    """Mansfield, Texas, the bigger, and Mansfield, Louisiana, an hour from Shreveport."""
    return [
        _at(town("Mansfield", "Texas", 70_000, 4.8), 32.56, -97.14),
        _at(town("Mansfield", "Louisiana", 5_000, 3.7), 32.04, -93.70),
    ]


def test_a_name_is_placed_near_the_places_the_text_names_with_it() -> None:
    # The Texas namesake is bigger; the report also names a city an hour from the other one.
    mansfield = _mansfields()
    shreveport = [_at(town("Shreveport", "Louisiana", 190_000, 5.3), 32.53, -93.75)]
    mentions = [
        Mention(candidates=mansfield, key="mansfield"),
        Mention(candidates=shreveport, key="shreveport"),
    ]
    chosen = [c for c, _ in resolve(mentions)]
    assert [c.admin1 if c else None for c in chosen] == ["Louisiana", "Louisiana"]


def test_a_place_alone_near_nothing_keeps_its_likeliest_namesake() -> None:
    mansfield = _mansfields()
    far = [_at(town("Bangor", "Maine", 30_000, 4.5), 44.80, -68.77)]
    mentions = [Mention(candidates=mansfield, key="mansfield"), Mention(candidates=far, key="b")]
    first, _ = resolve(mentions)[0]
    assert first is not None and first.admin1 == "Texas"


def _city(name: str, cc: str, admin1: str, population: int, prior: float) -> Candidate:
    return Candidate(
        name=name, feature="city" if population >= 100_000 else "town", country_code=cc,
        country=None, admin1=admin1, lat=0.0, lon=0.0, population=population, prior=prior,
    )  # fmt: skip


def test_a_world_city_is_not_given_up_for_a_small_namesake_by_country_alone() -> None:
    # A text about Russia names Paris: the country it is about does not make it a Russian
    # village of that name rather than the capital of France.
    paris = [
        _city("Paris", "FR", "Ile-de-France", 2_100_000, 6.3),
        _city("Parizh", "RU", "Chelyabinsk", 600, 2.8),
    ]
    ru = [_city(n, "RU", "Tatarstan", 1_000_000, 6.0) for n in ("Moscow", "Kazan", "Perm")]
    mentions = [Mention(candidates=paris, key="paris")]
    mentions += [Mention(candidates=[c], key=c.name) for c in ru]
    first, _ = resolve(mentions)[0]
    assert first is not None and first.country_code == "FR"


def test_a_country_gives_way_to_a_state_of_its_name_in_the_country_of_the_text() -> None:
    georgia = [
        Candidate(name="Georgia", feature="country", country_code="GE", country="Georgia",
                  prior=8.6),
        Candidate(name="Georgia", feature="admin1", country_code="US", country="United States",
                  admin1="Georgia", prior=5.5),
    ]  # fmt: skip
    us = [_city(n, "US", "Georgia", 20_000, 4.3) for n in ("Gainesville", "Duluth")]
    mentions = [Mention(candidates=georgia, key="georgia")]
    mentions += [Mention(candidates=[c], key=c.name) for c in us]
    first, _ = resolve(mentions)[0]
    assert first is not None and first.feature == "admin1"


def test_two_names_whose_lesser_namesakes_neighbour_each_other_resolve_there() -> None:
    # Each name is likelier elsewhere alone, and the likelier ones lie far apart; only the
    # lesser two lie side by side, across a state line (no region is shared).
    vidalia = [
        _at(town("Vidalia", "Georgia", 10_500, 4.8), 32.22, -82.41),
        _at(town("Vidalia", "Louisiana", 4_000, 4.4), 31.57, -91.43),
    ]
    natchez = [
        _at(town("Natchez", "Ohio", 160_000, 5.2), 40.0, -83.0),
        _at(town("Natchez", "Mississippi", 15_000, 4.5), 31.56, -91.40),
    ]
    mentions = [
        Mention(candidates=vidalia, key="vidalia"),
        Mention(candidates=natchez, key="natchez"),
    ]
    chosen = [c for c, _ in resolve(mentions)]
    assert [c.admin1 if c else None for c in chosen] == ["Louisiana", "Mississippi"]


def test_a_name_of_a_country_and_of_a_state_elsewhere_votes_for_both() -> None:
    # "Georgia" beside a town of that state: the country's vote does not leave the town
    # foreign to the text.
    georgia = [
        Candidate(name="Georgia", feature="country", country_code="GE", country="Georgia",
                  prior=8.6),
        Candidate(name="Georgia", feature="admin1", country_code="US", country="United States",
                  admin1="Georgia", prior=5.5),
    ]  # fmt: skip
    albany = [
        _city("Albany", "US", "New York", 98_000, 5.0),
        _city("Albany", "AU", "Western Australia", 34_000, 4.5),
    ]
    mentions = [
        Mention(candidates=albany, key="albany"),
        Mention(candidates=georgia, key="georgia"),
    ]
    first, _ = resolve(mentions)[0]
    assert first is not None and first.country_code == "US"


def _county_of(c: Candidate, county: str) -> Candidate:
    return dataclasses.replace(c, admin2=county)


def _county(name: str, admin1: str, population: int, prior: float) -> Candidate:
    return Candidate(
        name=name, feature="other", country_code="US", country="United States",
        admin1=admin1, admin2=name, lat=0.0, lon=0.0, population=population, prior=prior,
    )  # fmt: skip


def test_a_town_and_the_county_the_text_names_resolve_into_each_other() -> None:
    # "Athens" alone is the bigger Georgia city, "Henderson County" alone the bigger county
    # of another state; named together they are the Texas town and the county it lies in.
    athens = [
        _county_of(town("Athens", "Georgia", 127_000, 5.1), "Clarke"),
        _county_of(town("Athens", "Texas", 13_000, 4.1), "Henderson"),
    ]
    henderson = [
        _county("Henderson", "North Carolina", 65_000, 4.3),
        _county("Henderson", "Texas", 30_000, 4.0),
    ]
    mentions = [Mention(candidates=athens, key="athens"), Mention(candidates=henderson, key="h")]
    chosen = [c for c, _ in resolve(mentions)]
    assert [c.admin1 if c else None for c in chosen] == ["Texas", "Texas"]


def test_a_county_named_after_its_seat_says_nothing_of_the_seat() -> None:
    # "Dadu city (Dadu, ...)": the district of the city's name is no reason to take the
    # city's name for the district.
    city = Candidate(
        name="Dadu", feature="city", country_code="PK", country="Pakistan", admin1="Sindh",
        admin2="Dadu", lat=26.7, lon=67.8, population=150_000, prior=5.2,
    )  # fmt: skip
    district = dataclasses.replace(city, feature="other", population=1_500_000, prior=5.0)
    chosen = [
        c
        for c, _ in resolve(
            [
                Mention(candidates=[city, district], key="dadu city"),
                Mention(candidates=[district, city], key="dadu"),
            ]
        )
    ]
    assert chosen[0] is city


def test_a_country_nothing_else_points_at_gives_way_to_a_town_in_a_named_county() -> None:
    # "Lebanon" and "Boone County" in a local report: the Lebanon that is Boone County's seat.
    lebanon = [
        Candidate(name="Lebanon", feature="country", country_code="LB", country="Lebanon",
                  prior=8.8),
        _county_of(town("Lebanon", "Tennessee", 30_000, 4.5), "Wilson"),
        _county_of(town("Lebanon", "Indiana", 16_000, 4.2), "Boone"),
    ]  # fmt: skip
    boone = [_county("Boone", "Missouri", 139_000, 4.6), _county("Boone", "Indiana", 51_000, 3.9)]
    mentions = [Mention(candidates=lebanon, key="lebanon"), Mention(candidates=boone, key="boone")]
    chosen = [c for c, _ in resolve(mentions)]
    assert [(c.feature, c.admin1) if c else None for c in chosen] == [
        ("town", "Indiana"),
        ("other", "Indiana"),
    ]


def test_a_bare_name_of_counties_places_no_town() -> None:
    # "Washington" alone is no Washington County: a town of that county gains nothing by it.
    washington = [
        Candidate(name="Washington", feature="city", country_code="US", country="United States",
                  admin1="District of Columbia", lat=38.9, lon=-77.0, population=700_000,
                  prior=5.8),
        _county("Washington", "Pennsylvania", 200_000, 4.0),
    ]  # fmt: skip
    houston = [
        _at(town("Houston", "Texas", 2_300_000, 6.4), 29.8, -95.4),
        _at(_county_of(town("Houston", "Pennsylvania", 1_300, 3.1), "Washington"), 40.2, -80.2),
    ]
    mentions = [Mention(candidates=washington, key="w"), Mention(candidates=houston, key="h")]
    chosen = [c for c, _ in resolve(mentions)]
    assert chosen[1] is houston[0]


def test_a_repeated_name_follows_the_mentions_that_could_choose_each_namesake() -> None:
    # "Amherst" written alone (all namesakes offered) and inside "Amherst College" (only the
    # notable one): the mentions that could choose decide for all, however few.
    new_york = _at(town("Amherst", "New York", 122_000, 5.1), 42.98, -78.8)
    massachusetts = _at(town("Amherst", "Massachusetts", 40_000, 4.6), 42.38, -72.52)
    belchertown = _at(town("Belchertown", "Massachusetts", 3_000, 3.5), 42.28, -72.4)
    full = [Mention(candidates=[new_york, massachusetts], key="amherst") for _ in range(2)]
    inside = [Mention(candidates=[new_york], key="amherst") for _ in range(3)]
    near = Mention(candidates=[belchertown], key="belchertown")
    chosen = [c for c, _ in resolve([*full, near, *inside])]
    assert chosen[:2] == [massachusetts, massachusetts]
    assert chosen[3:] == [massachusetts] * 3


def test_a_village_named_like_a_region_abroad_is_not_taken_for_it_by_country_alone() -> None:
    # "England" in a report about Los Angeles: the region, not a village of Arkansas, however
    # firmly the rest of the text points at the US.
    england = [
        Candidate(name="England", feature="admin1", country_code="GB", country="United Kingdom",
                  admin1="England", population=50_000_000, prior=6.7),
        town("England", "Arkansas", 2_800, 3.4),
    ]  # fmt: skip
    us = [_city(n, "US", "California", 200_000, 5.3) for n in ("Glendale", "Burbank", "Pasadena")]
    mentions = [Mention(candidates=england, key="england")]
    mentions += [Mention(candidates=[c], key=c.name) for c in us]
    first, _ = resolve(mentions)[0]
    assert first is england[0]


def test_a_town_the_gazetteer_lacks_in_its_named_region_is_left_to_the_region() -> None:
    # "Holliday, Missouri": the only Holliday known lies in Texas, far from Missouri; the
    # town is in Missouri, which is where it is placed.
    texas = _at(town("Holliday", "Texas", 1_700, 3.2), 33.82, -98.7)
    missouri = Candidate(
        name="Missouri", feature="admin1", country_code="US", country="United States",
        admin1="Missouri", lat=39.1, lon=-94.6, middle_lat=38.4, middle_lon=-92.4, prior=6.0,
    )  # fmt: skip
    mentions = [
        Mention(candidates=[texas], key="holliday", containers=[1]),
        Mention(candidates=[missouri], key="missouri"),
    ]
    chosen, _ = resolve(mentions)[0]
    assert chosen is missouri


def test_a_town_the_gazetteer_places_next_door_to_its_named_region_stays() -> None:
    # Near the region's border the gazetteer may only file the town in the neighbour.
    near = _at(town("Holliday", "Kansas", 1_700, 3.2), 39.0, -94.7)
    missouri = Candidate(
        name="Missouri", feature="admin1", country_code="US", country="United States",
        admin1="Missouri", lat=39.1, lon=-94.6, middle_lat=38.4, middle_lon=-92.4, prior=6.0,
    )  # fmt: skip
    mentions = [
        Mention(candidates=[near], key="holliday", containers=[1]),
        Mention(candidates=[missouri], key="missouri"),
    ]
    chosen, _ = resolve(mentions)[0]
    assert chosen is near


def _region(name: str, cc: str, prior: float) -> Candidate:
    return Candidate(
        name=name, feature="admin1", country_code=cc, country=None, admin1=name,
        lat=1.0, lon=1.0, population=10**int(prior), prior=prior,
    )  # fmt: skip


def test_a_town_and_its_province_of_one_name_count_one_vote() -> None:
    # "Sarto (Sarto)": the town's own vote is what the province's name takes out, so the
    # likelier province is not pushed below a namesake abroad.
    town_a = Candidate(
        name="Sarto", feature="city", country_code="AA", country=None, admin1="Sarto",
        lat=1.0, lon=1.0, population=900_000, prior=6.0,
    )  # fmt: skip
    town = Mention(candidates=[town_a], containers=[1], bracketed=True, key="sarto")
    province = Mention(
        candidates=[_region("Sarto", "AA", 5.8), _region("Sarto", "BB", 5.2)], key="sarto"
    )
    chosen, _ = resolve([town, province])[1]
    assert chosen is not None and chosen.country_code == "AA"


def test_a_province_in_brackets_is_the_one_that_holds_a_town_of_the_name() -> None:
    # "Pello (Pello)": of two provinces of the name, the one where a town of it lies.
    town_a = Candidate(
        name="Pello", feature="town", country_code="AA", country=None, admin1="Vaara",
        lat=1.0, lon=1.0, population=90_000, prior=4.95,
    )  # fmt: skip
    town_b = dataclasses.replace(town_a, country_code="BB", admin1="Pello", prior=4.9)
    town = Mention(candidates=[town_a, town_b], containers=[1], bracketed=True, key="pello")
    province = Mention(
        candidates=[_region("Pello", "AA", 5.0), _region("Pello", "BB", 4.8)],
        key="pello province",
    )
    chosen, _ = resolve([town, province])[1]
    assert chosen is not None and chosen.country_code == "BB"


def test_a_small_place_before_a_region_is_none_of_another_region() -> None:
    # "Huanzantlan, Oaxaca": no namesake in Oaxaca, so not the village of another state, but
    # a place the gazetteer lacks somewhere in the region.
    village = Mention(candidates=[_in("Huanza", "Marib")], containers=[1], key="huanza")
    region = Mention(candidates=[_in("Bayda", "Bayda", "admin1", 500_000)], key="bayda")
    chosen = resolve([village, region])[0][0]
    assert chosen is not None and (chosen.feature, chosen.admin1) == ("admin1", "Bayda")
    # A big city of the name may be one of a list of places ("Sanaa, Bayda") and stands.
    city = Mention(
        candidates=[_in("Sanaa", "Sanaa", "city", 2_000_000)], containers=[1], key="sanaa"
    )
    chosen, _ = resolve([city, region])[0]
    assert chosen is not None and chosen.name == "Sanaa"
