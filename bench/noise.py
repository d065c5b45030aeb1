"""False events: how often sitreps reports an event in text that tells none, and how often it
still finds one in text that does.

    python -m bench.noise [--data DIR] [--workdir DIR] [--show N]

- ``noise.quiet_share`` (higher is better): the share of GeoVirus articles
  (``../shared/data/geo/GeoVirus.xml``: 239 WikiNews reports of epidemics, outbreaks and
  vaccination drives) for which `sitreps extract` reports no event at all. None of them tells
  an act of ACLED's taxonomy as its news; an event found there is noise.
- ``ucdp.headline.event_share`` (higher is better): the share of UCDP GED Ukraine
  headlines (``source_headline``, the first one of a row that has at least four words) with a
  main event. Every row is a deadly event, and most headlines tell it.

Only GeoVirus's texts are read here; its gold places stay out of `make bench`
(``bench/geovirus.py`` scores them as a check set for geoparsing).

``--show`` prints that many of the events found on GeoVirus, with the words that typed them,
for reading by hand. The same fields are scored by `make bench` (``bench/run.py``), which runs
these two sets beside the others.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.datasets import DataMissing, Document, geovirus_articles, normalize_newlines, require
from bench.fields import NO_EVENT, Field, Item, shared_field

UCDP_FILE = "ucdp_ged_ukraine_2014-2023.csv"
UCDP_SAMPLE = 400  # headlines: short, but the set has thousands
_MIN_WORDS = 4  # fewer is a place name or a source's name ("Debaltseve", "-")


QUIET_ABOUT = "GeoVirus articles (epidemics, no conflict event) with no event reported"
TOLD_ABOUT = "UCDP GED Ukraine headlines (each row a deadly event) with a main event"


def load_geovirus_texts(data: Path) -> list[Document]:
    """Every GeoVirus article as a document (``noise:<n>``), its text as the XML holds it."""
    docs = []
    for n, article in enumerate(geovirus_articles(data)):
        text = normalize_newlines(article.findtext("text") or "").strip()
        if text:
            docs.append(Document(id=f"noise:{n}", text=text))
    return docs


def load_ucdp_headlines(data: Path, *, sample: int | None = UCDP_SAMPLE) -> list[Document]:
    """UCDP rows' first headline of at least four words, evenly spaced over the file (every
    ``len / sample``-th row, so every year is in), published on the row's ``date_start``."""
    path = require(data / "ucdp" / UCDP_FILE)
    docs = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            headline = next(
                (h.strip() for h in row["source_headline"].split(";") if _words(h) >= _MIN_WORDS),
                None,
            )
            if headline:
                day = _us_date(row["date_start"])
                docs.append(Document(id=f"ucdp:{row['id']}", text=headline, published=day))
    if sample is None or sample >= len(docs):
        return docs
    step = len(docs) / sample
    return [docs[int(i * step)] for i in range(sample)]


def _us_date(value: str) -> str | None:
    """ "1/22/2014" (month/day/year, as the export writes it) -> "2014-01-22"."""
    try:
        return dt.datetime.strptime(value.strip(), "%m/%d/%Y").date().isoformat()
    except ValueError:
        return None


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _events(result: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    return list((result or {}).get("events") or [])


def noise_fields(
    quiet: Sequence[Document],
    quiet_results: Mapping[str, Mapping[str, Any]],
    told: Sequence[Document],
    told_results: Mapping[str, Mapping[str, Any]],
) -> list[Field]:
    """``noise.quiet_share`` on the texts that tell no event, ``ucdp.headline.event_share``
    on those that do (see the module docstring)."""
    quiet_items = []
    for doc in quiet:
        events = _events(quiet_results.get(doc.id))
        found = ", ".join(f"{e['relation']}: {e['sub_event_type']}" for e in events)
        quiet_items.append(
            Item(doc_id=doc.id, hit=not events, gold="no event", pred=found or "no event",
                 confusion="" if not events else f"no event -> {found}")
        )  # fmt: skip
    told_items = []
    for doc in told:
        events = _events(told_results.get(doc.id))
        main = next((e for e in events if e["relation"] == "main"), None)
        pred = str(main["sub_event_type"]) if main else NO_EVENT
        told_items.append(
            Item(doc_id=doc.id, hit=main is not None, gold="an event", pred=pred,
                 confusion="" if main else f"an event -> {NO_EVENT}")
        )  # fmt: skip
    return [
        shared_field("noise.quiet_share", quiet_items, QUIET_ABOUT),
        shared_field("ucdp.headline.event_share", told_items, TOLD_ABOUT),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    from bench import run

    parser = argparse.ArgumentParser(prog="bench.noise", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=run.DEFAULT_DATA)
    parser.add_argument("--workdir", type=Path, help="keep inputs and outputs here")
    parser.add_argument("--show", type=int, default=0, help="events found on GeoVirus to print")
    args = parser.parse_args(argv)
    try:
        quiet, told = load_geovirus_texts(args.data), load_ucdp_headlines(args.data)
    except DataMissing as error:
        print(f"bench.noise: {error}", file=sys.stderr)
        return run.EXIT_NO_DATA
    with tempfile.TemporaryDirectory() as scratch:
        tmp = args.workdir or Path(scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        quiet_run = run.run_set("noise", quiet, tmp, spacy=False)
        told_run = run.run_set("ucdp", told, tmp, spacy=False)
    for field in noise_fields(quiet, quiet_run.results, told, told_run.results):
        hits = sum(item.hit for item in field.items)
        print(f"{field.name:30s} {field.score or 0.0:.3f}  ({hits}/{field.n})")
    texts = {doc.id: doc.text for doc in quiet}
    shown = 0
    for doc_id, result in quiet_run.results.items():
        for event in _events(result):
            if shown >= args.show:
                break
            shown += 1
            words = [e["text"] for e in event.get("evidence", {}).get("event_type", [])]
            print(f"{doc_id} {event['relation']}: {event['sub_event_type']} by {words}")
            print(f"    {texts[doc_id][:160]!r}")
    return run.EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
