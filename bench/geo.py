"""Geoparsing corpora with gold coordinates: LGL and TR-News (``../shared/data/geo``).

Each article is run through `sitreps extract` from its raw text; its gold toponyms are
character spans with a GeoNames point. Two fields per corpus:

- ``geo.<corpus>.found``: the share of gold toponyms that a resolved place of the result's
  ``places`` overlaps (found and resolved end to end);
- ``geo.<corpus>.within_161km``: of those, the share whose resolved point lies within 161 km
  (100 miles) of the gold point. A place resolved to a country is scored at that country's
  representative point (``country_centroids.tsv``), as the data's README says. The gold
  points of countries are GeoNames' own, which are not those points: a right "Russia" is
  335 km from its gold point, a right "Canada" or "United States" several hundred, so a
  large country rightly resolved can count as a miss.

Gold toponyms that are demonyms ("Turkish" tagged as Turkey in TR-News) are left out:
sitreps reads a demonym as an actor's nationality, never as a place (see ``CONTRACT.md``).
Gold toponyms without coordinates are left out too.

LGL is sampled (seeded, ``LGL_SAMPLE`` articles) to keep `make bench` short; TR-News is read
whole.
"""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitreps.geo.demonyms import country_of_demonym

from . import score
from .datasets import DataMissing, Document, normalize_newlines, require
from .fields import NONE, Field, Item, shared_field

CORPORA = {"lgl": "lgl.xml", "trnews": "TR-News.xml"}
LGL_SAMPLE = 300
WITHIN_KM = 161.0


@dataclass(frozen=True, kw_only=True, slots=True)
class Toponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float


@dataclass(frozen=True, kw_only=True, slots=True)
class GeoCase:
    doc: Document
    corpus: str
    toponyms: tuple[Toponym, ...]


def _number(node: ET.Element | None, tag: str) -> float | None:
    found = node.find(tag) if node is not None else None
    if found is None or not (found.text or "").strip():
        return None
    return float(found.text or "")


def _toponyms(article: ET.Element, text: str) -> list[Toponym]:
    found = []
    for node in article.iter("toponym"):
        gaz = node.find("gaztag")
        lat, lon = _number(gaz, "lat"), _number(gaz, "lon")
        start, end = _number(node, "start"), _number(node, "end")
        if lat is None or lon is None or start is None or end is None:
            continue
        s, e = int(start), int(end)
        phrase = text[s:e]
        if country_of_demonym(phrase) is not None:
            continue  # a nationality, not a place
        found.append(Toponym(start=s, end=e, text=phrase, lat=lat, lon=lon))
    return found


def load_corpus(data: Path, corpus: str, *, sample: int | None, seed: int) -> list[GeoCase]:
    path = require(data / "geo" / CORPORA[corpus])
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise DataMissing(f"{path} is not readable XML: {error}") from None
    cases = []
    for article in root.iter("article"):
        raw = article.findtext("text") or ""
        if not raw.strip():
            continue
        # Offsets count characters of the text as stored; only line ends are normalized, as
        # sitreps does, and only where that keeps the offsets (no \r in these corpora).
        text = normalize_newlines(raw) if "\r" not in raw else raw
        toponyms = _toponyms(article, text)
        if not toponyms:
            continue
        doc = Document(id=f"{corpus}:{article.get('docid')}", text=text)
        cases.append(GeoCase(doc=doc, corpus=corpus, toponyms=tuple(toponyms)))
    if sample is not None and sample < len(cases):
        chosen = sorted(random.Random(f"{seed}:{corpus}").sample(range(len(cases)), sample))
        cases = [cases[i] for i in chosen]
    return cases


def load_geo(data: Path, *, seed: int) -> list[GeoCase]:
    return load_corpus(data, "lgl", sample=LGL_SAMPLE, seed=seed) + load_corpus(
        data, "trnews", sample=None, seed=seed
    )


def load_centroids(data: Path) -> dict[str, tuple[float, float]]:
    found = {}
    path = require(data / "geo" / "country_centroids.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        found[cols[0]] = (float(cols[1]), float(cols[2]))
    return found


def _point(
    place: Mapping[str, Any], centroids: Mapping[str, tuple[float, float]]
) -> tuple[float, float] | None:
    if place.get("feature") == "country" and place.get("country_code") in centroids:
        return centroids[place["country_code"]]
    if place.get("lat") is None or place.get("lon") is None:
        return None
    return float(place["lat"]), float(place["lon"])


def geo_fields(
    cases: Sequence[GeoCase],
    results: Mapping[str, Mapping[str, Any]],
    centroids: Mapping[str, tuple[float, float]],
    *,
    corpora: Iterable[str] = tuple(CORPORA),
) -> list[Field]:
    fields = []
    for corpus in corpora:
        found: list[Item] = []
        near: list[Item] = []
        for case in (c for c in cases if c.corpus == corpus):
            places = (results.get(case.doc.id) or {}).get("places") or []
            for gold in case.toponyms:
                overlapping = [p for p in places if p["start"] < gold.end and gold.start < p["end"]]
                resolved = [(p, pt) for p in overlapping if (pt := _point(p, centroids))]
                where = f"{gold.lat:.2f},{gold.lon:.2f}"
                if not resolved:
                    why = "found, unresolved" if overlapping else "not found"
                    item = Item(doc_id=case.doc.id, hit=False, gold=f"{gold.text} ({where})",
                                pred=NONE, confusion=why, focus=gold.start)  # fmt: skip
                    found.append(item)
                    continue
                place, (lat, lon) = resolved[0]
                km = score.haversine_km(gold.lat, gold.lon, lat, lon)
                pred = f"{place.get('name')}, {place.get('country_code')} ({km:.0f} km)"
                found.append(Item(doc_id=case.doc.id, hit=True, gold=gold.text, pred=pred,
                                  focus=gold.start))  # fmt: skip
                hit = km <= WITHIN_KM
                near.append(Item(doc_id=case.doc.id, hit=hit, gold=f"{gold.text} ({where})",
                                 pred=pred, confusion="" if hit else score.distance_bucket(km),
                                 focus=gold.start))  # fmt: skip
        fields.append(shared_field(
            f"geo.{corpus}.found", found,
            "gold toponyms (no demonyms) overlapped by a resolved place",
        ))  # fmt: skip
        fields.append(shared_field(
            f"geo.{corpus}.within_161km", near,
            "of the found toponyms, resolved within 161 km of gold (countries at centroids)",
        ))  # fmt: skip
    return fields
