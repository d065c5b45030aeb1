"""Pure scoring functions: no files, no processes, no sitreps imports.

Each function states the rule it scores by; the unit tests (tests/unit/test_bench_scoring.py)
check them on inputs written by hand.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pycountry

EARTH_RADIUS_KM = 6371.0088

# --- classification ------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class ClassScore:
    precision: float
    recall: float
    f1: float
    support: int


def per_class_f1(gold: Sequence[str], pred: Sequence[str]) -> dict[str, ClassScore]:
    """Precision, recall, F1 and support (gold count) for every label seen in gold or pred.

    A label never predicted has precision 0 (not undefined), like sklearn's zero_division=0.
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")
    true_pos: Counter[str] = Counter(g for g, p in zip(gold, pred, strict=True) if g == p)
    gold_count, pred_count = Counter(gold), Counter(pred)
    scores = {}
    for label in sorted(set(gold_count) | set(pred_count)):
        tp = true_pos[label]
        precision = tp / pred_count[label] if pred_count[label] else 0.0
        recall = tp / gold_count[label] if gold_count[label] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = ClassScore(
            precision=precision, recall=recall, f1=f1, support=gold_count[label]
        )
    return scores


def f1_weighted(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Mean per-class F1 weighted by gold support (labels only predicted weigh 0)."""
    if not gold:
        return 0.0
    scores = per_class_f1(gold, pred)
    return sum(s.f1 * s.support for s in scores.values()) / len(gold)


def f1_macro(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Unweighted mean F1 over the labels that occur in gold.

    Labels that occur only in predictions (a wrong type, or "(none)" for no event) are not
    averaged in: their false positives already cost the gold classes recall.
    """
    if not gold:
        return 0.0
    scores = per_class_f1(gold, pred)
    labels = set(gold)
    return sum(scores[label].f1 for label in labels) / len(labels)


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    if not gold:
        return 0.0
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)


def top_confusions(gold: Sequence[str], pred: Sequence[str], k: int = 10) -> list[tuple[str, int]]:
    """The ``k`` commonest "gold -> predicted" pairs among the errors, most frequent first."""
    pairs = Counter(f"{g} -> {p}" for g, p in zip(gold, pred, strict=True) if g != p)
    return sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:k]


# --- geography -----------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres on a spherical Earth of mean radius."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def distance_bucket(km: float | None) -> str:
    if km is None:
        return "no coordinates"
    for limit in (25, 100, 500):
        if km <= limit:
            return f"<= {limit} km"
    return "> 500 km"


_GENERIC_ADMIN_WORDS = re.compile(
    r"\b(province|region|state|governorate|department|oblast|county|district|prefecture"
    r"|division|municipality|territory|wilayah|muhafazat)\b"
)


def normalize_place(name: str | None) -> str:
    """A place name compared without case, accents, punctuation, spaces or generic words.

    "Ma’rib" == "Marib", "Kyiv City" == "kyiv city", "Sanaa Governorate" == "Sanaa".
    """
    if not name:
        return ""
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    plain = _GENERIC_ADMIN_WORDS.sub(" ", plain)
    return re.sub(r"[^a-z0-9]+", "", plain)


def same_place(gold: str | None, pred: str | None) -> bool:
    g, p = normalize_place(gold), normalize_place(pred)
    return bool(g) and g == p


# Country names as ACLED spells them that pycountry's lookup does not know.
_COUNTRY_ALIASES = {
    "russia": "RU",
    "turkey": "TR",
    "ivory coast": "CI",
    "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD",
    "republic of congo": "CG",
    "kosovo": "XK",
    "palestine": "PS",
    "curacao": "CW",
    "cape verde": "CV",
    "brunei": "BN",
    "east timor": "TL",
    "micronesia": "FM",
    "vatican city": "VA",
    "north macedonia": "MK",
    "united states": "US",
}


def country_code(name: str) -> str | None:
    """ISO alpha-2 of a country name, or None when it is not a country (e.g. "Artsakh")."""
    key = name.strip().casefold()
    if not key:
        return None
    if key in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[key]
    try:
        code: str = pycountry.countries.lookup(name.strip()).alpha_2
    except LookupError:
        return None
    return code


def acled_country_code(iso: str, iso3: str) -> str | None:
    """ACLED's ``iso`` is the numeric ISO 3166 code ("4" for Afghanistan); Kosovo is 0/XKX."""
    if iso3 == "XKX":
        return "XK"
    country = pycountry.countries.get(numeric=iso.strip().zfill(3)) if iso.strip() else None
    if country is None and iso3:
        country = pycountry.countries.get(alpha_3=iso3)
    return str(country.alpha_2) if country is not None else None


# ACLED inter codes of actors that belong to the country where they act: political and
# identity militias, rioters, protesters, civilians.
LOCAL_INTER_CODES = frozenset({"3", "4", "5", "6", "7"})
_FORCES_OF = re.compile(r"\b(?:Military|Police) Forces of (.+?)\s*\(\d{4}-")
_PARENTHESIS = re.compile(r"\(([^()]+)\)\s*$")


def actor_country(actor: str, inter: str, event_country: str | None) -> str | None:
    """The country an ACLED actor belongs to, or None when it cannot be told from the data.

    1. "Military Forces of Russia (2000-)", "Police Forces of Burkina Faso (2015-) Gendarmerie"
       -> the country named after "of" (None when it is not a country, like "Artsakh").
    2. A trailing parenthesis that names a country: "Rioters (India)",
       "Unidentified Armed Group (Syria)" -> that country.
    3. Militias, rioters, protesters and civilians (inter 3-7) without either -> the event's
       country ("Koglweogo Militia" in Burkina Faso).
    Anything else (rebels like "Taliban", external forces like "Operation Restoring Hope",
    "Islamic State (Greater Sahara)") -> None: such rows are skipped, not scored.
    """
    match = _FORCES_OF.search(actor)
    if match:
        return country_code(match.group(1))
    match = _PARENTHESIS.search(actor)
    if match:
        code = country_code(match.group(1))
        if code is not None:
            return code
    if inter.strip() in LOCAL_INTER_CODES:
        return event_country
    return None


# --- dates ---------------------------------------------------------------------------------


def date_exact(start: dt.date | None, end: dt.date | None, gold: dt.date) -> bool:
    """Exact: the predicted range starts or ends on the gold day.

    A day-precision prediction (start == end) is exact only on the gold day itself; a range
    like "late Monday to early Tuesday" (start Monday, end Tuesday) is exact when either of
    its ends is the gold day, since the coder had to pick one of the two.
    """
    return gold in (start, end)


def date_within(start: dt.date | None, end: dt.date | None, gold: dt.date) -> bool:
    """Within: the predicted range (any precision: week, month) contains the gold day."""
    if start is None and end is None:
        return False
    low = start or end
    high = end or start
    return low is not None and high is not None and low <= gold <= high


def date_miss_reason(start: dt.date | None, end: dt.date | None, gold: dt.date) -> str:
    if start is None and end is None:
        return "no date"
    low, high = start or end, end or start
    assert low is not None and high is not None
    if low <= gold <= high:
        return f"range of {(high - low).days + 1} days contains it"
    days = min(abs((gold - low).days), abs((gold - high).days))
    if days <= 1:
        return "off by 1 day"
    if days <= 7:
        return "off by 2-7 days"
    if days <= 366:
        return "off by 8-366 days"
    return "off by over a year"


# --- fatalities on ACLED notes -------------------------------------------------------------

_NOT_THIS_EVENTS_COUNT = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\bcoded as\b",  # "Fatalities coded as 0", "unknown fatalities coded as 10"
        r"\bsplit\b",  # "20 fatalities split up between 3 events"
        r"\bspread (?:across|between|over)\b",  # "spread across three locations"
        r"\bacross (?:\w+ ){0,3}(?:events|locations)\b",
        r"\b(?:two|three|four|five|six|\d+) (?:separate |different )?events\b",
        r"\btotal\b",  # running totals: "bringing the total to 50", "a total of 79 shots"
        r"\btoll (?:rose|rises|has risen|climbed|now stands)\b",
        r"\bcumulative\b",
        r"\bin all\b",
        r"\boverall\b",
        r"\[(?!size=)[^\]]*\d[^\]]*\]",  # bracketed figures other than a crowd size
        r"\bunknown (?:number of )?fatalit",
        r"\bfatalit(?:y|ies) (?:are |were |is )?(?:unknown|unclear)",
    )
)
_DEATH_WORDS = re.compile(
    r"\b(?:kill\w*|kiled|dead|died|dies|death\w*|fatalit\w*|bod(?:y|ies)|corpses?|"
    r"assassinat\w*|execut\w*|behead\w*|lynch\w*|massacr\w*|slain|murder\w*|lifeless|"
    r"succumb\w*|perish\w*)",
    re.IGNORECASE,
)


def states_own_count(note: str) -> bool:
    """Whether an ACLED note's text can be trusted to state this event's own death toll.

    ACLED's ``fatalities`` is the coder's number. A note is left out of fatalities scoring when
    it shows that number is not simply what its text says for this one event:
    - the coder's own arithmetic: "coded as", "split" or "spread across" events or places,
      "across two events", "3 events";
    - running or combined tolls: "total", "toll rose to", "cumulative", "in all", "overall",
      or a bracket holding a figure (other than "[size=...]", the crowd size of a protest);
    - "unknown fatalities", "fatalities unclear".
    Left out whenever in doubt: the count of scored notes is printed next to the score.
    """
    return not any(pattern.search(note) for pattern in _NOT_THIS_EVENTS_COUNT)


def mentions_deaths(note: str) -> bool:
    """Whether the note speaks of anyone dying ("killed", "shot dead", "bodies", "fatality")."""
    return _DEATH_WORDS.search(note) is not None


def acled_fatalities_scored(note: str, gold: int, *, include_zero: bool) -> bool:
    """Which ACLED notes the fatalities score counts.

    Non-zero variant (``include_zero=False``): gold above 0, the note states its own count
    (``states_own_count``) and speaks of deaths (so the figure is in the text, not taken from
    a source the note leaves out). "All stated" variant (``include_zero=True``): the same,
    plus the notes that pass ``states_own_count`` with gold 0 (no one reported killed).
    """
    if not states_own_count(note):
        return False
    if gold == 0:
        return include_zero
    return mentions_deaths(note)


# --- spans ---------------------------------------------------------------------------------


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Half-open character spans [start, end) share at least one character."""
    return a[0] < b[1] and b[0] < a[1] and a[0] < a[1] and b[0] < b[1]


def overlaps_any(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    return any(spans_overlap(span, other) for other in others)


# --- baseline floors -----------------------------------------------------------------------


def floor_below(score: float, margin: float = 0.02) -> float:
    """A new field's floor: ``margin`` below its score, rounded down to 2 decimals, at least 0."""
    return max(0.0, math.floor(round((score - margin) * 100, 6)) / 100)


def share(hits: Iterable[bool]) -> tuple[float | None, int]:
    """(share of True, count); the share is None when there is nothing to count."""
    values = list(hits)
    return (sum(values) / len(values) if values else None), len(values)
