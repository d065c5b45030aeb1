"""Development sets -> documents for `sitreps extract` plus the gold labels to score them by.

Every loader reads ``../shared/data`` at run time; nothing from it is stored in the repository.

- ACLED: one document per row that `make train` never trains on (see ``load_acled``),
  text = the coder's ``notes``, published = ``event_date``
  (notes open with "On 13 March 2023, ..." and some only say "On October 26", so the event
  date stands in for a publication date; the report header says so).
- GVA: the validation articles (``X_val.json`` / ``y_val.json``, matched by position),
  published = the article's ``publish_date``.
- Roles: WikiEvents dev and RAMS dev, text rebuilt from their tokens, gold = the argument spans
  of attack, death and injury events (attacker/killer/injurer, victim/target, instrument).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from sitreps.assemble.train import is_held_out

from .score import acled_country_code

RoleGroup = Literal["attacker", "victim_target", "instrument"]
T = TypeVar("T")

ACLED_FILES = (
    "acled_afghanistan_2020-03.csv",
    "acled_burkina_faso_1997-2020.csv",
    "acled_multicountry_2020-04-27_2020-05-09.csv",
)
MIN_PER_STRATUM = 8

# Argument roles scored, by group; and the event types whose arguments count.
ROLE_GROUPS: dict[str, RoleGroup] = {
    "attacker": "attacker",
    "killer": "attacker",
    "injurer": "attacker",
    "victim": "victim_target",
    "target": "victim_target",
    "instrument": "instrument",
    "explosivedevice": "instrument",
}
VIOLENT_EVENT_PREFIXES = ("conflict.attack", "life.die", "life.injure")
NON_VIOLENT_EVENT_TYPES = ("life.die.nonviolentdeath", "life.injure.illness")


@dataclass(frozen=True, kw_only=True, slots=True)
class Document:
    """One line of the `sitreps extract --input` file."""

    id: str
    text: str
    published: str | None = None

    def to_json(self) -> dict[str, str]:
        record = {"id": self.id, "text": self.text}
        if self.published is not None:
            record["published"] = self.published
        return record


@dataclass(frozen=True, kw_only=True, slots=True)
class AcledGold:
    event_type: str
    sub_event_type: str
    event_date: dt.date
    fatalities: int
    country: str
    country_code: str | None
    admin1: str
    lat: float | None
    lon: float | None
    actor1: str
    inter1: str
    actor2: str
    inter2: str


@dataclass(frozen=True, kw_only=True, slots=True)
class AcledCase:
    doc: Document
    gold: AcledGold
    source: str


@dataclass(frozen=True, kw_only=True, slots=True)
class GvaCase:
    doc: Document
    killed: int
    injured: int
    shooting_date: dt.date | None


@dataclass(frozen=True, kw_only=True, slots=True)
class RoleSpan:
    group: RoleGroup
    start: int
    end: int
    text: str


@dataclass(frozen=True, kw_only=True, slots=True)
class RoleCase:
    doc: Document
    spans: tuple[RoleSpan, ...]
    source: str


class DataMissing(Exception):
    """The development data is not where the bench looks for it."""


def require(path: Path) -> Path:
    if not path.exists():
        raise DataMissing(f"{path} is absent")
    return path


# --- ACLED ---------------------------------------------------------------------------------


def load_acled(
    data: Path, *, sample: int | None, seed: int, held_out_only: bool = True
) -> list[AcledCase]:
    """ACLED rows as cases, each event once (by ``data_id``, first export wins).

    Only the rows `make train` holds out from the event-type classifier (one in five, by a
    hash of ``data_id``: ``sitreps.assemble.train.is_held_out``) unless ``held_out_only`` is
    False: scoring the rows it learned from would measure its memory, not its reading.
    Then ``sample`` of them stratified by sub-event type, or all when ``sample`` is None.
    """
    cases: list[AcledCase] = []
    seen: set[str] = set()  # the same event can be in two exports (Burkina Faso, May 2020)
    for name in ACLED_FILES:
        with require(data / "acled" / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["data_id"] in seen or (held_out_only and not is_held_out(row["data_id"])):
                    continue
                seen.add(row["data_id"])
                cases.append(_acled_case(row, name))
    if sample is None or sample >= len(cases):
        return cases
    return stratified_sample(cases, key=lambda c: c.gold.sub_event_type, size=sample, seed=seed)


def _acled_case(row: dict[str, str], source: str) -> AcledCase:
    day = parse_acled_date(row["event_date"])
    gold = AcledGold(
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        event_date=day,
        fatalities=int(row["fatalities"] or 0),
        country=row["country"],
        country_code=acled_country_code(row["iso"], row["iso3"]),
        admin1=row["admin1"],
        lat=float(row["latitude"]) if row["latitude"] else None,
        lon=float(row["longitude"]) if row["longitude"] else None,
        actor1=row["actor1"],
        inter1=row["inter1"],
        actor2=row["actor2"],
        inter2=row["inter2"],
    )
    doc = Document(
        id=row["event_id_cnty"], text=normalize_newlines(row["notes"]), published=day.isoformat()
    )
    return AcledCase(doc=doc, gold=gold, source=source)


def parse_acled_date(value: str) -> dt.date:
    """ACLED exports spell dates "21 March 2020" or "9-May-20"."""
    for fmt in ("%d %B %Y", "%d-%b-%y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unknown ACLED date format: {value!r}")


def stratified_sample(
    items: Sequence[T],
    *,
    key: Callable[[T], object],
    size: int,
    seed: int,
    minimum: int = MIN_PER_STRATUM,
) -> list[T]:
    """A seeded sample of ``size`` items, every stratum represented.

    Each stratum first gets ``min(len, minimum)`` items (so rare classes count in macro F1;
    ``minimum`` shrinks to ``size // strata`` when the budget cannot cover it),
    the rest of the budget goes to strata in proportion to what they have left (largest
    remainder). Within a stratum the items are shuffled by a generator seeded with the seed
    and the stratum's name; the sample keeps the input order.
    """
    strata: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        strata[str(key(item))].append(index)
    minimum = min(minimum, size // max(1, len(strata)))
    quota = {name: min(len(idx), minimum) for name, idx in strata.items()}
    budget = size - sum(quota.values())
    if budget > 0:
        left = {name: len(idx) - quota[name] for name, idx in strata.items()}
        total_left = sum(left.values())
        shares = {name: budget * n / total_left for name, n in left.items()}
        for name, share in shares.items():
            quota[name] += int(share)
        rest = budget - sum(int(s) for s in shares.values())
        by_remainder = sorted(shares, key=lambda n: (-(shares[n] - int(shares[n])), n))
        for name in by_remainder[:rest]:
            quota[name] += 1
    chosen: list[int] = []
    for name in sorted(strata):
        indices = list(strata[name])
        random.Random(f"{seed}:{name}").shuffle(indices)
        chosen.extend(indices[: quota[name]])
    return [items[i] for i in sorted(chosen)]


# --- GVA -----------------------------------------------------------------------------------


def load_gva(data: Path) -> list[GvaCase]:
    """The validation articles that have text, paired with their incident records by position.

    An article with an empty text (one in the validation set) is left out: there is nothing to
    read, and `sitreps extract` rightly refuses it as bad input.
    """
    articles = _read_json(require(data / "gva" / "X_val.json"))
    labels = _read_json(require(data / "gva" / "y_val.json"))
    if len(articles) != len(labels):
        raise ValueError(f"GVA: {len(articles)} articles but {len(labels)} labels")
    cases = []
    for i, (article, label) in enumerate(zip(articles, labels, strict=True)):
        if not str(article.get("text") or "").strip():
            continue
        published = article.get("publish_date") or None
        shooting = label.get("shooting_date") or None
        doc = Document(
            id=f"gva-val-{i:03d}", text=normalize_newlines(article["text"]), published=published
        )
        cases.append(
            GvaCase(
                doc=doc,
                killed=int(label["n_killed"]),
                injured=int(label["n_injured"]),
                shooting_date=dt.date.fromisoformat(shooting) if shooting else None,
            )
        )
    return cases


def _read_json(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        value: list[dict[str, Any]] = json.load(handle)
    return value


def _read_jsonl(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


# --- roles ---------------------------------------------------------------------------------


def is_violent_event(event_type: str) -> bool:
    kind = event_type.lower()
    return kind.startswith(VIOLENT_EVENT_PREFIXES) and not kind.startswith(NON_VIOLENT_EVENT_TYPES)


def load_wikievents(data: Path) -> list[RoleCase]:
    """WikiEvents dev documents that have at least one scored argument.

    The token offsets count one character between sentences that the ``text`` field lacks,
    so the text is rebuilt from the sentence strings at their offsets with a newline in each
    gap; every token is then checked to read the same at its offsets.
    """
    cases = []
    for record in _read_jsonl(require(data / "roles" / "wikievents_dev.jsonl")):
        text, offsets = _wikievents_text(record)
        entities = {e["id"]: e for e in record["entity_mentions"]}
        spans: set[RoleSpan] = set()
        for event in record["event_mentions"]:
            if not is_violent_event(event["event_type"]):
                continue
            for argument in event["arguments"]:
                group = ROLE_GROUPS.get(argument["role"].lower())
                entity = entities.get(argument["entity_id"])
                if group is None or entity is None:
                    continue
                start, end = offsets[entity["start"]][0], offsets[entity["end"] - 1][1]
                spans.add(RoleSpan(group=group, start=start, end=end, text=text[start:end]))
        if spans:
            doc = Document(id=f"wikievents:{record['doc_id']}", text=text)
            cases.append(RoleCase(doc=doc, spans=_sorted_spans(spans), source="wikievents"))
    return cases


def _wikievents_text(record: dict[str, Any]) -> tuple[str, list[tuple[int, int]]]:
    chars: list[str] = []
    offsets: list[tuple[int, int]] = []
    for tokens, sentence in record["sentences"]:
        start = tokens[0][1]
        chars.extend("\n" * (start - len(chars)))
        chars.extend(sentence)
        offsets.extend((s, e) for _, s, e in tokens)
    text = "".join(chars)
    for (s, e), (word, _, _) in zip(
        offsets, (t for ts, _ in record["sentences"] for t in ts), strict=True
    ):
        if text[s:e] != word:
            raise ValueError(f"WikiEvents {record['doc_id']}: token {word!r} not at {s}:{e}")
    return text, offsets


def load_rams(data: Path) -> list[RoleCase]:
    """RAMS dev documents whose event is an attack, a violent death or an injury."""
    cases = []
    for record in _read_jsonl(require(data / "roles" / "rams_dev.jsonl")):
        event_type = record["evt_triggers"][0][2][0][0]
        if not is_violent_event(event_type):
            continue
        text, offsets = detokenize(record["sentences"])
        spans: set[RoleSpan] = set()
        for _trigger, (first, last), role in record["gold_evt_links"]:
            group = ROLE_GROUPS.get(re.sub(r"^evt\d+arg\d+", "", role))
            if group is None:
                continue
            start, end = offsets[first][0], offsets[last][1]
            spans.add(RoleSpan(group=group, start=start, end=end, text=text[start:end]))
        if spans:
            doc = Document(id=f"rams:{record['doc_key']}", text=text)
            cases.append(RoleCase(doc=doc, spans=_sorted_spans(spans), source="rams"))
    return cases


def _sorted_spans(spans: set[RoleSpan]) -> tuple[RoleSpan, ...]:
    return tuple(sorted(spans, key=lambda s: (s.start, s.end, s.group)))


_NO_SPACE_BEFORE = frozenset(
    {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "”", "’", "...", "…"}
    | {
        "'s",
        "'S",
        "n't",
        "'re",
        "'ve",
        "'ll",
        "'d",
        "'m",
        "’s",
        "n’t",
        "’re",
        "’ve",
        "’ll",
        "’d",
        "’m",
    }
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "#", "“", "‘"})


def detokenize(sentences: Sequence[Sequence[str]]) -> tuple[str, list[tuple[int, int]]]:
    """Tokens -> readable text and each token's (start, end) in it.

    One space between tokens, none before closing punctuation and clitics ("'s", "n't"),
    none after opening brackets and quotes; straight double quotes alternate open/close.
    Sentences are joined by one space.
    """
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    glue_next = True
    quote_open = False
    for token in (t for sentence in sentences for t in sentence):
        glue = glue_next or token in _NO_SPACE_BEFORE
        if token == '"':
            glue = glue or quote_open  # a closing quote hugs the word before it
            glue_next = not quote_open  # an opening quote hugs the word after it
            quote_open = not quote_open
        else:
            glue_next = token in _NO_SPACE_AFTER
        if not glue:
            parts.append(" ")
            length += 1
        offsets.append((length, length + len(token)))
        parts.append(token)
        length += len(token)
    return "".join(parts), offsets


def normalize_newlines(text: str) -> str:
    """What `sitreps` does to a document's text before offsets count: \\r\\n and \\r -> \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def geovirus_articles(data: Path) -> list[ET.Element]:
    """The ``<article>`` elements of GeoVirus (``geo/GeoVirus.xml``), in file order."""
    path = require(data / "geo" / "GeoVirus.xml")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise DataMissing(f"{path} is not readable XML: {error}") from None
    return list(root.iter("article"))
