"""The printed report: one table of fields, throughput, then confusions and misses per field."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TextIO

from .fields import Field, Item

EXCERPT_CHARS = 200


@dataclass(frozen=True, kw_only=True, slots=True)
class Row:
    """One line of the table: a field's score against its committed baseline and floor."""

    name: str
    score: float | None
    n: int
    baseline: float | None
    floor: float | None
    status: str  # "ok", "BELOW FLOOR", "no data", "new" (not in the baseline yet)

    @property
    def delta(self) -> float | None:
        if self.score is None or self.baseline is None:
            return None
        return self.score - self.baseline


@dataclass(frozen=True, kw_only=True, slots=True)
class Throughput:
    label: str
    docs: int
    words: int
    seconds: float
    peak_mb: float

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def fmt_num(value: float | None, fmt: str = ".3f", signed: bool = False) -> str:
    if value is None:
        return "-"
    if signed:
        value = round(value, 3) + 0.0  # no "-0.000"
    return format(value, ("+" if signed else "") + fmt)


def print_header(out: TextIO, lines: Sequence[str]) -> None:
    for line in lines:
        print(line, file=out)
    print(file=out)


def print_table(out: TextIO, rows: Sequence[Row]) -> None:
    width = max(len("field"), *(len(r.name) for r in rows))
    head = (
        f"{'field':<{width}}  {'score':>6}  {'n':>5}  {'baseline':>8}  {'delta':>7}  "
        f"{'floor':>5}  status"
    )
    print(head, file=out)
    print("-" * len(head), file=out)
    for r in rows:
        print(
            f"{r.name:<{width}}  {fmt_num(r.score):>6}  {r.n:>5}  {fmt_num(r.baseline):>8}  "
            f"{fmt_num(r.delta, signed=True):>7}  {fmt_num(r.floor, '.2f'):>5}  {r.status}",
            file=out,
        )
    print(file=out)


def print_throughput(
    out: TextIO,
    sitreps: Throughput,
    spacy: Throughput | None,
    *,
    ingest: Throughput | None = None,
    ingest_target: float | None = None,
) -> None:
    head = (
        f"{'throughput':<34}  {'docs':>5}  {'words':>7}  {'secs':>6}  {'docs/s':>7}  "
        f"{'words/s':>8}  {'peak MB':>7}"
    )
    print(head, file=out)
    print("-" * len(head), file=out)
    for t in (sitreps, ingest, spacy):
        if t is None:
            continue
        print(
            f"{t.label:<34}  {t.docs:>5}  {t.words:>7}  {t.seconds:>6.1f}  "
            f"{t.docs_per_s:>7.1f}  {t.words_per_s:>8.0f}  {t.peak_mb:>7.0f}",
            file=out,
        )
    if spacy is not None and spacy.docs_per_s:
        ratio = sitreps.docs_per_s / spacy.docs_per_s
        print(
            f"{'sitreps / spaCy full parse':<34}  speed ratio {ratio:.2f}x, "
            f"memory ratio {sitreps.peak_mb / spacy.peak_mb:.2f}x",
            file=out,
        )
    else:
        print("spaCy full parse: skipped", file=out)
    if ingest is not None and ingest_target is not None:
        met = "met" if ingest.docs_per_s >= ingest_target else "NOT MET"
        print(
            f"sitreps ingest: {ingest.docs_per_s:.1f} articles/s on {ingest.docs} HTML pages "
            f"(target >= {ingest_target:g} articles/s: {met})",
            file=out,
        )
    print(
        "(times include start-up and model load; peak MB is the largest resident set of any one\n"
        " process: for sitreps the parent or one of its workers, not their sum; the spaCy parse\n"
        " runs every component, lemmatizer included, with nlp.pipe defaults)",
        file=out,
    )
    print(file=out)


def excerpt(text: str, focus: int = 0, size: int = EXCERPT_CHARS) -> str:
    """About ``size`` characters of ``text`` around ``focus``, whitespace collapsed."""
    start = max(0, focus - size // 3) if focus else 0
    piece = text[start : start + size]
    piece = re.sub(r"\s+", " ", piece).strip()
    return ("..." if start else "") + piece + ("..." if start + size < len(text) else "")


def sample_misses(items: Sequence[Item], k: int, seed: int, group: str) -> list[Item]:
    """``k`` misses picked by a generator seeded with the seed and the field group."""
    misses = [item for item in items if not item.hit]
    if len(misses) <= k:
        return misses
    return random.Random(f"{seed}:{group}").sample(misses, k)


def print_details(
    out: TextIO,
    fields: Sequence[Field],
    texts: Mapping[str, str],
    *,
    misses: int,
    seed: int,
    confusions: int = 10,
) -> None:
    """For each group of fields: the commonest miss reasons and ``misses`` sample misses."""
    seen: set[str] = set()
    for field in fields:
        if field.group in seen:
            continue
        seen.add(field.group)
        wrong = [item for item in field.items if not item.hit]
        print(f"== {field.group}: {len(wrong)} misses of {field.n} ({field.about})", file=out)
        if not wrong:
            print(file=out)
            continue
        counts = Counter(item.confusion for item in wrong)
        print("   worst confusions (gold -> predicted, or why):", file=out)
        for reason, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:confusions]:
            print(f"   {count:>5}  {reason}", file=out)
        print(f"   {min(misses, len(wrong))} sample misses:", file=out)
        for item in sample_misses(field.items, misses, seed, field.group):
            print(f"   - {item.doc_id}: gold {item.gold!r} | predicted {item.pred!r}", file=out)
            print(f"       {excerpt(texts.get(item.doc_id, ''), item.focus)}", file=out)
        print(file=out)


def print_summary(out: TextIO, rows: Sequence[Row]) -> None:
    """One closing line: how many fields held their floor, and which did not."""
    below = [r.name for r in rows if r.status in ("BELOW FLOOR", "no data") and r.floor]
    new = sum(1 for r in rows if r.status == "new")
    line = f"{len(rows) - len(below) - new} of {len(rows)} fields at or above their floor"
    if new:
        line += f", {new} new (not in bench/baseline.json yet)"
    if below:
        line += f"; BELOW FLOOR: {', '.join(below)}"
    print(line, file=out)
