"""The offline gazetteer and the demonym table, on names written for these tests."""

from __future__ import annotations

import csv
import importlib.resources
import io
import math
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitreps.geo import gazetteer as gazetteer_module
from sitreps.geo.demonyms import country_of_demonym
from sitreps.geo.gazetteer import OTHER_NAME, Candidate, Gazetteer, normalize_name

KYIV = (50.4501, 30.5234)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def at(c: Candidate) -> tuple[float, float]:
    assert c.lat is not None and c.lon is not None, c
    return c.lat, c.lon


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Pokrovs'k", "pokrovsk"),
        ("Kharkiv'", "kharkiv"),
        ("Khar’kov", "kharkov"),
        ("Ivano-Frankivsk", "ivano frankivsk"),
        ("  Zaporizhzhia  ", "zaporizhzhia"),
        ("Şalāḩ ad Dīn", "salah al din"),
        ("Deir el-Balah", "deir al balah"),
        ("U.S.", "us"),
        ("Łódź", "lodz"),
    ],
)
def test_normalize_name_folds_case_accents_and_apostrophes(name: str, key: str) -> None:
    assert normalize_name(name) == key


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_accents_are_stripped_as_unicode_decomposes_them(text: str) -> None:
    decomposed = unicodedata.normalize("NFKD", text)
    expected = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    assert gazetteer_module._strip_accents(text) == (text if text.isascii() else expected)


def test_kyiv_and_kiev_are_one_place(gazetteer: Gazetteer) -> None:
    kyiv, kiev = gazetteer.lookup("Kyiv")[0], gazetteer.lookup("Kiev")[0]
    assert kyiv.geonames_id == kiev.geonames_id == 703448
    assert (kyiv.feature, kyiv.country_code, kyiv.country) == ("city", "UA", "Ukraine")
    assert kyiv.admin1 == "Kyiv City"
    assert km(at(kyiv), KYIV) < 2


def test_lookup_ignores_case_and_accents(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("KYIV")[0].geonames_id == 703448
    assert gazetteer.lookup("Kýiv")[0].geonames_id == 703448


def test_kharkiv_has_its_oblast_as_admin1(gazetteer: Gazetteer) -> None:
    city = gazetteer.lookup("Kharkiv")[0]
    assert (city.feature, city.admin1) == ("city", "Kharkiv")
    region = gazetteer.lookup("Kharkiv Oblast")[0]
    assert (region.feature, region.country_code, region.admin1) == ("admin1", "UA", "Kharkiv")
    assert km(at(region), at(city)) < 1  # shown at its most populous city


@pytest.mark.parametrize(
    ("name", "country_code", "admin1"),
    [
        ("Donetsk region", "UA", "Donetsk"),
        ("Kyiv region", "UA", "Kyiv"),
        ("Borno State", "NG", "Borno"),
        ("Yakutia", "RU", "Yakutia"),
        ("Texas", "US", "Texas"),
    ],
)
def test_regions_resolve_as_admin1(
    gazetteer: Gazetteer, name: str, country_code: str, admin1: str
) -> None:
    top = gazetteer.lookup(name)[0]
    assert (top.feature, top.country_code, top.admin1) == ("admin1", country_code, admin1)


def test_admin1_names_come_from_the_data(gazetteer: Gazetteer) -> None:
    def admin1(name: str, cc: str) -> str | None:
        return next(c.admin1 for c in gazetteer.lookup(name) if c.country_code == cc)

    assert admin1("Pokrovsk", "UA") == "Donetsk"  # "Donetska oblast" without its ending
    assert admin1("Dnipro", "UA") == "Dnipropetrovsk"  # the oblast keeps its old name
    assert admin1("Odesa", "UA") == "Odesa"  # "Odeska" is close to its city's name
    assert admin1("Houston", "US") == "Texas"
    assert admin1("Gaza City", "PS") == "Gaza Strip"
    # GeoNames' "Federal District" less its designator is no name: ISO's name in full.
    assert admin1("Brasilia", "BR") == "Distrito Federal"
    # A city that is a subdivision says "City" only beside a region of its name.
    assert admin1("Kyiv", "UA") == "Kyiv City"
    assert admin1("Tbilisi", "GE") == "Tbilisi"
    # ISO's region is GeoNames' of a shorter name, or in English: one region, on the map.
    for region, cc in (("Sud-Kivu", "CD"), ("Veracruz de Ignacio de la Llave", "MX")):
        found = [c for c in gazetteer.lookup(region, features=("admin1",)) if c.country_code == cc]
        assert found and found[0].lat is not None, region
        assert admin1(found[0].name, cc) == found[0].admin1
    assert admin1("Uvira", "CD") == next(
        c.admin1 for c in gazetteer.lookup("Sud-Kivu", features=("admin1",))
    )


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Ukraine", "UA"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Syria", "SY"),
        ("Iran", "IR"),
        ("Gaza", "PS"),
        ("Gaza Strip", "PS"),
        ("DR Congo", "CD"),
        ("DRC", "CD"),
        ("Democratic Republic of the Congo", "CD"),
        ("US", "US"),
        ("U.S.", "US"),
        ("United States", "US"),
        ("UK", "GB"),
        ("Britain", "GB"),
        ("North Korea", "KP"),
        ("South Korea", "KR"),
    ],
)
def test_country_names_and_aliases(gazetteer: Gazetteer, name: str, code: str) -> None:
    top = gazetteer.lookup(name)[0]
    assert (top.feature, top.country_code) == ("country", code)
    assert top.country and top.lat is not None  # shown at its capital


def test_a_town_by_its_own_name_outranks_a_city_that_once_had_it(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Pokrovsk", features=("city", "town", "village"))
    assert [c.country_code for c in found[:2]] == ["UA", "RU"]
    assert "Engels" in [c.name for c in found]  # a former name is still found, just later


def test_odessa_is_first_the_ukrainian_city(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Odessa")
    assert (found[0].country_code, found[0].name) == ("UA", "Odesa")
    assert any(c.country_code == "US" and c.admin1 == "Texas" for c in found)


def test_district_with_designator(gazetteer: Gazetteer) -> None:
    top = gazetteer.lookup("Solomyanskyi district")[0]
    assert (top.feature, top.name, top.city, top.admin1) == (
        "district", "Solomianskyi", "Kyiv", "Kyiv City",
    )  # fmt: skip
    assert km(at(top), KYIV) < 15


def test_features_filter(gazetteer: Gazetteer) -> None:
    assert {c.feature for c in gazetteer.lookup("Kharkiv", features={"admin1"})} == {"admin1"}
    assert gazetteer.lookup("Kharkiv", features={"district"}) == []


def test_unknown_and_non_latin_names_find_nothing(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Nowhereville Heights") == []
    assert gazetteer.lookup("Київ") == []  # only Latin-script names are indexed
    assert gazetteer.lookup("") == []


def _district_rows() -> list[dict[str, str]]:
    text = importlib.resources.files("sitreps").joinpath("data/districts.tsv").read_text("utf-8")
    lines = [line for line in io.StringIO(text) if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_district_table_is_indexed_and_near_its_cities(gazetteer: Gazetteer) -> None:
    rows = _district_rows()
    assert len(rows) >= 50
    for row in rows:
        city = next(
            c
            for c in gazetteer.lookup(row["city"], features={"city", "town", "village"})
            if c.country_code == row["country_code"]
        )
        found = [
            c for c in gazetteer.lookup(row["name"], features={"district"}) if c.city == row["city"]
        ]
        assert found, row["name"]
        assert km(at(found[0]), at(city)) < 25, row["name"]
        for alt in filter(None, row["alt_names"].split("|")):
            assert found[0] in gazetteer.lookup(alt), alt


def _tiny() -> Gazetteer:
    def town(name: str, cc: str, population: int) -> Candidate:
        return Candidate(
            name=name, feature="town", country_code=cc, country=None, population=population,
            prior=math.log10(population),
        )  # fmt: skip

    return Gazetteer.from_entries(
        [(town("Alpha", "AA", 5_000), ["Alfa"]), (town("Alfa", "BB", 50_000), [])]
    )


def test_from_entries_ranks_by_prior() -> None:
    assert [c.country_code for c in _tiny().lookup("alfa")] == ["BB", "AA"]
    assert [c.name for c in _tiny().lookup("ALPHA")] == ["Alpha"]


def test_cache_round_trip_and_corruption(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer-test.marshal"
    gazetteer_module._write_cache(path, _tiny())
    loaded = gazetteer_module._read_cache(path)
    assert loaded is not None and loaded.lookup("Alfa") == _tiny().lookup("Alfa")

    data = path.read_bytes()
    path.write_bytes(data[:-10])  # truncated
    assert gazetteer_module._read_cache(path) is None
    path.write_bytes(data[:40] + bytes([data[40] ^ 0xFF]) + data[41:])  # a flipped byte
    assert gazetteer_module._read_cache(path) is None
    assert gazetteer_module._read_cache(tmp_path / "missing.marshal") is None


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Russian", "RU"),
        ("Ukrainian", "UA"),
        ("Ukrainians", "UA"),
        ("Israeli", "IL"),
        ("Palestinian", "PS"),
        ("Sudanese", "SD"),
        ("South Sudanese", "SS"),
        ("Somali", "SO"),
        ("Nigerian", "NG"),
        ("Burkinabe", "BF"),
        ("Burkinabè", "BF"),
        ("Malian", "ML"),
        ("Congolese", "CD"),
        ("American", "US"),
        ("U.S.", "US"),
        ("North Korean", "KP"),
        ("yemeni", "YE"),
    ],
)
def test_demonyms(word: str, code: str) -> None:
    assert country_of_demonym(word) == code


def test_place_names_are_not_demonyms() -> None:
    assert country_of_demonym("Kyiv") is None
    assert country_of_demonym("Russia") is None


# --- divisions named from GeoNames, admin2, added dumps (issue #4) ---------------------------


def test_admin1_of_every_group_has_a_name_from_the_data(gazetteer: Gazetteer) -> None:
    def admin1(name: str, cc: str) -> str | None:
        return next(c.admin1 for c in gazetteer.lookup(name) if c.country_code == cc)

    assert admin1("Djibo", "BF") == "Sahel"  # no ISO pairing by cities needed
    assert admin1("Kaya", "BF") == "Centre-Nord"
    assert admin1("Lashkar Gah", "AF") == "Helmand"
    assert admin1("Kyiv", "UA") == "Kyiv City"
    region = gazetteer.lookup("Sahel region")[0]
    assert (region.feature, region.country_code, region.admin1_code) == ("admin1", "BF", "BF-12")


def test_admin2_divisions_are_places_of_their_own(gazetteer: Gazetteer) -> None:
    soum = gazetteer.lookup("Soum province")[0]
    assert (soum.feature, soum.country_code, soum.admin1, soum.admin2) == (
        "other", "BF", "Sahel", "Soum",
    )  # fmt: skip
    assert soum.lat is not None and soum.lon is not None
    musa_khel = [c for c in gazetteer.lookup("Musa Khel district") if c.country_code == "AF"]
    assert musa_khel and musa_khel[0].admin2 is not None


def test_towns_know_their_admin2(gazetteer: Gazetteer) -> None:
    djibo = gazetteer.lookup("Djibo")[0]
    assert (djibo.country_code, djibo.admin2) == ("BF", "Soum")


_DUMP_ROWS = [
    # geonameid, name, asciiname, alternatenames, lat, lon, class, code, cc, cc2, admin1,
    # admin2, admin3, admin4, population, elevation, dem, timezone, modified
    ["9990001", "Testivka", "Testivka", "Тестівка,Testowka", "48.5", "37.5", "P", "PPL", "UA",
     "", "14", "9990", "", "", "200", "", "150", "Europe/Kyiv", "2024-01-01"],
    ["9990002", "Testivskyi Raion", "Testivskyi Raion", "", "48.6", "38.0", "A", "ADM2", "UA",
     "", "14", "9990", "", "", "0", "", "150", "Europe/Kyiv", "2024-01-01"],
    ["9990003", "Testivka River", "Testivka River", "", "48.6", "38.0", "H", "STM", "UA",
     "", "14", "", "", "", "0", "", "150", "Europe/Kyiv", "2024-01-01"],
]  # fmt: skip


def _write_dump(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_a_loaded_geonames_dump_adds_its_villages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitreps.cli import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    gazetteer_module.default_gazetteer.cache_clear()
    try:
        assert gazetteer_module.default_gazetteer().lookup("Testivka") == []
        dump = _write_dump(tmp_path / "UA.txt", _DUMP_ROWS)
        assert main(["gazetteer", "load", str(dump)]) == 0
        village = gazetteer_module.default_gazetteer().lookup("Testowka")[0]
        assert (village.name, village.feature, village.geonames_id) == (
            "Testivka", "village", 9990001,
        )  # fmt: skip
        assert (village.country_code, village.admin1, village.admin2) == (
            "UA", "Luhansk", "Testivskyi",
        )  # fmt: skip
        raion = gazetteer_module.default_gazetteer().lookup("Testivskyi raion")[0]
        assert (raion.feature, raion.admin2) == ("other", "Testivskyi")
        assert gazetteer_module.default_gazetteer().lookup("Testivka River") == []
    finally:
        gazetteer_module.default_gazetteer.cache_clear()


def test_a_broken_dump_is_refused_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sitreps.cli import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    dump = _write_dump(tmp_path / "bad.txt", [_DUMP_ROWS[0], ["9990004", "Short", "row"]])
    assert main(["gazetteer", "load", str(dump)]) == 2
    assert "bad.txt:2" in capsys.readouterr().err
    assert not (tmp_path / "data" / "sitreps" / "geonames" / "bad.txt").exists()


def _spellings() -> Gazetteer:
    def place(name: str, cc: str, feature: str = "town") -> Candidate:
        return Candidate(
            name=name, feature=feature, country_code=cc, country=None,  # type: ignore[arg-type]
            population=2_000, prior=3.3,
        )  # fmt: skip

    return Gazetteer.from_entries([
        (place("Nahr-e Saraj", "AF", "other"), []), (place("Nahri Sarai", "PK"), []),
        (place("Al Qarya", "IQ", "admin1"), []), (place("Qarya", "TR"), []),
    ])  # fmt: skip


def test_near_spellings_are_found_only_in_the_given_country() -> None:
    gazetteer = _spellings()
    assert gazetteer.lookup("Nahri Saraj") == []
    assert [c.country_code for c in gazetteer.near_matches("Nahri Saraj", "AF")] == ["AF"]
    assert [c.name for c in gazetteer.near_matches("Nahri Saraj", "PK")] == ["Nahri Sarai"]
    assert gazetteer.near_matches("Nahri Saraj", "UA") == []
    assert gazetteer.near_matches("Nahr", "AF") == []  # too short to tell a spelling


def test_a_name_is_found_with_and_without_the_arabic_article() -> None:
    gazetteer = _spellings()
    assert {c.country_code for c in gazetteer.lookup("Qarya")} == {"TR", "IQ"}
    assert [c.country_code for c in gazetteer.lookup("Qarya province")][:1] == ["IQ"]


def test_an_admin1_known_by_a_longer_geonames_name_keeps_the_short_one(
    gazetteer: Gazetteer,
) -> None:
    wardak = gazetteer.lookup("Wardak", features=("admin1",))
    assert wardak and wardak[0].country_code == "AF" and wardak[0].lat is not None
    assert wardak[0].name == "Wardak"


def test_regions_by_their_translated_names(gazetteer: Gazetteer) -> None:
    # Cameroon's West by its French name, after Haiti's own Ouest.
    found = [(c.country_code, c.feature) for c in gazetteer.lookup("Ouest")]
    assert ("HT", "admin1") in found and ("CM", "admin1") in found
    assert found.index(("HT", "admin1")) < found.index(("CM", "admin1"))


def test_regions_by_their_iso_code(gazetteer: Gazetteer) -> None:
    found = gazetteer.admin1_by_code("J&K")
    assert [c.country_code for c in found][:1] == ["IN"]
    assert all(c.feature == "admin1" for c in found)
    assert gazetteer.admin1_by_code("ZZQ") == []


def test_another_name_is_marked_and_ranks_below_a_town_of_its_own(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Ariel")
    assert found[0].country_code == "IL" and found[0].match == 0
    assert any(c.match == OTHER_NAME for c in found)


def test_a_region_middle_is_the_centre_of_its_towns_span() -> None:
    towns = [
        {"latitude": 30.0, "longitude": -95.0},  # the populous corner comes first
        {"latitude": 26.0, "longitude": -97.0},
        {"latitude": 36.0, "longitude": -106.0},
    ]
    assert gazetteer_module._middle(towns) == (31.0, -100.5)
    assert gazetteer_module._middle([]) == (None, None)
    # Across the antimeridian the span is the short way round.
    lat, lon = gazetteer_module._middle(
        [{"latitude": 60.0, "longitude": 170.0}, {"latitude": 70.0, "longitude": -170.0}]
    )
    assert lat == 65.0 and lon is not None and abs(abs(lon) - 180.0) < 1e-9


def test_regions_have_a_middle_apart_from_their_seat(gazetteer: Gazetteer) -> None:
    texas = gazetteer.lookup("Texas", features=("admin1",))[0]
    assert texas.middle_lat is not None and texas.middle_lon is not None
    # The seat is its biggest city on the coast; the middle lies inland, hundreds of km west.
    assert km(at(texas), (texas.middle_lat, texas.middle_lon)) > 300
    assert km((31.0, -99.5), (texas.middle_lat, texas.middle_lon)) < 161
    assert gazetteer.lookup("Houston")[0].middle_lat is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("hadramaout", "hadramawt", True),
        ("duhok", "dahuk", True),
        ("ghowr", "ghor", True),
        ("kent", "cork", False),
        ("homs", "hama", False),
        ("", "ghor", False),
    ],
)
def test_transliterations_of_one_name(a: str, b: str, same: bool) -> None:
    assert gazetteer_module._transliterations(a, b) is same


def test_admin1_spellings_follow_the_common_english_name(gazetteer: Gazetteer) -> None:
    def admin1(name: str, cc: str) -> str | None:
        return next(c.admin1 for c in gazetteer.lookup(name) if c.country_code == cc)

    assert admin1("Beyrouth", "LB") == "Beirut"  # French in GeoNames, "Bayrut" in ISO
    assert admin1("Hadramaout", "YE") == "Hadramawt"
    assert admin1("Ghowr", "AF") == "Ghor"
    # A governorate ISO files under the Kurdistan Region is still an admin1 of Iraq.
    assert admin1("Zakho", "IQ") == "Duhok"
    assert "IQ-DA" in {s.code for s in gazetteer_module._subdivisions_by_country()["IQ"]}
    assert "FR-75C" not in {s.code for s in gazetteer_module._subdivisions_by_country()["FR"]}


def test_gazetteer_build_makes_the_cache_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sitreps.cli import main

    builds: list[int] = []

    def tiny() -> Gazetteer:
        builds.append(1)
        return _spellings()

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(gazetteer_module, "_build", tiny)
    gazetteer_module.default_gazetteer.cache_clear()
    try:
        assert main(["gazetteer", "build"]) == 0
        assert "built in" in capsys.readouterr().out
        assert list((tmp_path / "cache" / "sitreps").glob("gazetteer-*.marshal"))
        assert main(["gazetteer", "build"]) == 0
        assert "already built" in capsys.readouterr().out
        assert builds == [1]
        # a later run reads what the build stored, without building again
        gazetteer_module.default_gazetteer.cache_clear()
        assert [c.country_code for c in gazetteer_module.default_gazetteer().lookup("Qarya")]
        assert builds == [1]
    finally:
        gazetteer_module.default_gazetteer.cache_clear()


def test_a_region_is_found_by_a_near_spelling_in_any_country() -> None:
    gazetteer = _spellings()
    assert gazetteer.lookup("Al Qaryya") == []
    assert [c.country_code for c in gazetteer.near_admin1("Al Qaryya")] == ["IQ"]
    # Only regions: a town spelled nearly alike is no match.
    assert gazetteer.near_admin1("Nahri Sarar") == []


def test_neighbours_come_from_the_geonames_country_table() -> None:
    from sitreps.geo.borders import neighbours

    assert {"ML", "NE", "GH"} <= neighbours("BF")
    assert "BF" not in neighbours("IT")
    assert neighbours("ZZ") == frozenset()


def test_press_abbreviations_of_provinces_and_the_capital_district() -> None:
    from sitreps.geo.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    assert gazetteer.lookup("B.C.")[0].name == "British Columbia"
    assert gazetteer.lookup("Ont.")[0].name == "Ontario"
    assert gazetteer.lookup("D.C.")[0].name == "District of Columbia"


def test_a_capital_ranks_above_its_size_by_its_own_name_only(gazetteer: Gazetteer) -> None:
    capital = next(c for c in gazetteer.lookup("Washington") if c.feature == "city")
    assert capital.admin1 == "District of Columbia"
    assert capital.prior > math.log10(capital.population + 1)
    other = next(c for c in gazetteer.lookup("Ariel") if c.match == OTHER_NAME)
    assert other.prior <= math.log10(other.population + 1) - 2.0


def test_regions_are_named_in_letters_english_writes(gazetteer: Gazetteer) -> None:
    # Turkish and Azerbaijani dotless i and schwa lose no mark: English writes i and a.
    turkish = gazetteer.lookup("Şırnak", features=("admin1",))[0]
    assert (turkish.name, turkish.admin1) == ("Sirnak", "Sirnak")
    town = gazetteer.lookup("Diyarbakır", features=("city",))[0]
    assert town.admin1 == "Diyarbakir"
    assert gazetteer.lookup("Bilasuvar", features=("admin1",))[0].name == "Bilasuvar"


def test_a_designator_before_the_name_finds_the_place_of_that_kind() -> None:
    county = Candidate(name="Brant", feature="other", country_code="CA", country=None, prior=4.2)
    town = Candidate(name="Brant", feature="town", country_code="CA", country=None, prior=4.5)
    gazetteer = Gazetteer.from_entries([(county, []), (town, [])])
    assert gazetteer.knows("County of Brant")
    assert gazetteer.lookup("County of Brant") == [county]
    assert gazetteer.lookup("the Town of Brant") == [town]
    assert gazetteer.lookup("City of Nowhere") == []


def test_countries_are_placed_at_their_capital_however_it_is_spelled(
    gazetteer: Gazetteer,
) -> None:
    # The country table writes "Brasilia", "Bogota" and "Nur-Sultan"; the cities "Brasília",
    # "Bogotá" and "Astana".
    for name, cc in (("Brazil", "BR"), ("Colombia", "CO"), ("Kazakhstan", "KZ")):
        country = next(c for c in gazetteer.lookup(name) if c.feature == "country")
        assert country.country_code == cc
        assert country.lat is not None and country.lon is not None, name
