"""First- and second-level divisions named from GeoNames' own English names.

GeoNames gives every populated place the codes of its divisions ("AF", "10" for Balkh), and
names the codes in ``admin1CodesASCII.txt`` and ``admin2Codes.txt``. Those names reach the
gazetteer through :func:`sitreps.geo.sources.admin_names` (each place's division names, by
its coordinates). The rules:

- **admin1**: a GeoNames group (country, admin1 code) takes the name most of its places carry,
  without a designator ("Maidan Wardak Province" -> "Maidan Wardak", "Muhafazat Hadramaout"
  -> "Hadramaout"). A group none of whose places is named keeps the ISO 3166-2 name the
  gazetteer pairs with it (see ``gazetteer``), or none.
- **admin2**: a place's admin2 is the name GeoNames gives its second-level division, without
  designators ("Province du Ganzourgou" -> "Ganzourgou", "Kadiogo Province" -> "Kadiogo").
  Each admin2 becomes a place of its own, shown at its seat: the place in it that bears its
  name, else its most populous place.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from .sources import Point, names_of

__all__ = ["Admin2", "admin1_names", "admin2_divisions", "clean_division_name"]

_LEADING: Final = re.compile(
    r"^(?:muhafazat|mohafazat|provincia di|provincia del|province of|provincia de|"
    r"province de la|province de l'|province du|province des|province de|province d'|"
    r"departement de|département de|département du|"
    r"departamento de|prefecture de|préfecture de|region de|région de|wilayat|wilaya de|"
    r"district de|distrito de|municipio de|municipality of|city of|county of)\s*",
    re.IGNORECASE,
)
_TRAILING: Final = re.compile(
    r"[\s,]+(?:province|provincia|governorate|region|oblast|oblasti|district|department|"
    r"prefecture|county|municipality|rayon|raion|raioni|muhafazat|wilayah|state|shahrestan|"
    r"sub-district|subdistrict|municipio|kommune|shi|sheng|zizhiqu)\W*$",
    re.IGNORECASE,
)


def clean_division_name(name: str) -> str:
    """A division's name without what says it is a division; the name itself if nothing is left."""
    stripped = name.strip()
    while (shorter := _TRAILING.sub("", stripped)) != stripped:
        stripped = shorter
    stripped = _LEADING.sub("", stripped).strip(" '’-")
    return stripped if len(stripped) >= 2 else name.strip()


def admin1_names(
    groups: Mapping[tuple[str, str], Iterable[Mapping[str, Any]]],
    names: Mapping[Point, tuple[str, str]],
) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> the English name most of the group's places carry."""
    found: dict[tuple[str, str], str] = {}
    for key, cities in groups.items():
        votes: Counter[str] = Counter()
        for city in cities:
            named = names_of(names, city["countrycode"], city["latitude"], city["longitude"])
            if named and named[0]:
                votes[named[0]] += 1
        if votes:
            found[key] = clean_division_name(votes.most_common(1)[0][0])
    return found


@dataclass(slots=True)
class Admin2:
    """A second-level division and the places GeoNames puts in it."""

    country_code: str
    admin1_code: str
    name: str
    cities: list[Mapping[str, Any]] = field(default_factory=list)

    def seat(self, normalize: Any) -> Mapping[str, Any]:
        """The place it is shown at: the one bearing its name, else the most populous."""
        key = normalize(self.name)
        namesakes = [c for c in self.cities if normalize(c["name"]) == key]
        return max(namesakes or self.cities, key=lambda c: int(c["population"]))

    @property
    def population(self) -> int:
        return sum(int(c["population"]) for c in self.cities)


def admin2_divisions(
    cities: Iterable[Mapping[str, Any]], names: Mapping[Point, tuple[str, str]]
) -> tuple[dict[int, str], list[Admin2]]:
    """Each place's admin2 name by GeoNames id, and the admin2 divisions with their places."""
    of_city: dict[int, str] = {}
    divisions: defaultdict[tuple[str, str, str], Admin2] = defaultdict(lambda: Admin2("", "", ""))
    for city in cities:
        named = names_of(names, city["countrycode"], city["latitude"], city["longitude"])
        if not named or not named[1]:
            continue
        name = clean_division_name(named[1])
        of_city[int(city["geonameid"])] = name
        key = (city["countrycode"], city["admin1code"], name)
        division = divisions[key]
        if not division.name:
            division.country_code, division.admin1_code, division.name = key
        division.cities.append(city)
    _nearest_admin2(cities, of_city)
    return of_city, list(divisions.values())


_CELL = 0.25  # degrees: a grid cell is about 28 km high
_NEAR_KM = 25.0


def _nearest_admin2(cities: Iterable[Mapping[str, Any]], of_city: dict[int, str]) -> None:
    """Places GeoNames gives no admin2 name (those under 1,000 people, which ``cities1000``
    leaves out) take that of the nearest named place of their admin1 within 25 km."""
    # Each cell holds (admin1 code, latitude, longitude, admin2 name) of its named places:
    # plain tuples, as this loop runs over every unnamed place of the world.
    grid: defaultdict[tuple[int, int], list[tuple[str, float, float, str]]] = defaultdict(list)
    unnamed = []
    for city in cities:
        lat, lon = float(city["latitude"]), float(city["longitude"])
        name = of_city.get(int(city["geonameid"]))
        if name is not None:
            grid[int(lat // _CELL), int(lon // _CELL)].append((city["admin1code"], lat, lon, name))
        else:
            unnamed.append((int(city["geonameid"]), city["admin1code"], lat, lon))
    limit = _NEAR_KM / 111.2  # compared in degrees of latitude, to spare a multiplication
    for geonameid, admin1, lat, lon in unnamed:
        row, col = int(lat // _CELL), int(lon // _CELL)
        shrink = math.cos(math.radians(lat))
        best, best_d = None, limit * limit
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                for code, olat, olon, name in grid.get((row + dr, col + dc), ()):
                    if code != admin1:
                        continue
                    dy, dx = olat - lat, (olon - lon) * shrink
                    d = dx * dx + dy * dy
                    if d < best_d:
                        best, best_d = name, d
        if best is not None:
            of_city[geonameid] = best
