"""HTML main text, ingest throughput and merge quality: the store side of `make bench`.

- ``html.*``: every page of ``../shared/data/html`` (gzipped, decompressed into the work
  directory as ``<page id>.html``) read by ``sitreps.ingest.html.read_html_file``, the reader
  `sitreps ingest` and `sitreps extract` use for ``.html`` files, and its main text scored
  against the page's ``articleBody`` in ``ground-truth.json`` by token F1 (``token_f1``).
  A page the reader refuses counts as an empty text (F1 0).
- Ingest throughput: the real command line, ``sitreps ingest DIR --db NEW.duckdb``, on those
  pages into a fresh store, timed wall clock including start-up and model load; articles/s =
  pages given / seconds (refused pages included, since they were read and judged too).
- ``merge.*``: ``tests/data/multireport.jsonl`` (34 hand-written reports of 11 attacks)
  ingested by the command line into a fresh store, with its ``gold_event`` field stripped
  first (the JSON Lines reader reads only id, text, published, title, url, byline and
  language, so it would be ignored anyway). Each article's main event is read back from the
  store's ``mentions``; pairwise precision and recall against gold come from
  ``sitreps.store.merge_pairwise_scores`` (an article with no main event is alone), and the
  final toll of each gold event (the merged event most of its reports joined) is compared
  with ``FINAL_TOLLS`` in ``tests/store/test_multireport.py``, read from that file's source
  (never imported: it is a pytest module).

``python -m bench.ingest`` runs this part alone and prints its scores.
"""

from __future__ import annotations

import ast
import gzip
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as `python bench/ingest.py`: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import measure
from bench.datasets import DataMissing, require
from bench.fields import Field, Item, shared_field
from bench.report import Throughput
from sitreps.errors import InputError
from sitreps.ingest.html import read_html_file
from sitreps.store import Store, clusters_of, merge_pairwise_scores

ROOT = Path(__file__).resolve().parents[1]
MULTIREPORT = ROOT / "tests" / "data" / "multireport.jsonl"
MULTIREPORT_TEST = ROOT / "tests" / "store" / "test_multireport.py"
F1_GOOD = 0.9  # a page at or above this token F1 counts as well extracted
INGEST_TARGET = 20.0  # articles/s that `sitreps ingest` should reach on the HTML pages
_WORD = re.compile(r"\w+")

# --- token F1 ------------------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    """The words of ``text``, lowercased: maximal runs of Unicode letters, digits and "_".

    Punctuation and whitespace separate words and are dropped: "Kyiv's 3-storey" ->
    ["kyiv", "s", "3", "storey"].
    """
    return _WORD.findall(text.lower())


def token_scores(gold: str, predicted: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of the predicted text's words against the gold text's words.

    Both sides are multisets of ``tokens``: the words in common are counted as often as the
    side with fewer of them has each (a word twice in gold and once predicted is one in
    common). Precision = common / predicted words, recall = common / gold words, F1 their
    harmonic mean. Two empty texts agree fully (1, 1, 1); one empty side scores 0.
    """
    gold_words, predicted_words = Counter(tokens(gold)), Counter(tokens(predicted))
    n_gold, n_predicted = sum(gold_words.values()), sum(predicted_words.values())
    if not n_gold and not n_predicted:
        return 1.0, 1.0, 1.0
    common = sum((gold_words & predicted_words).values())
    if not common:
        return 0.0, 0.0, 0.0
    precision, recall = common / n_predicted, common / n_gold
    return precision, recall, 2 * precision * recall / (precision + recall)


def token_f1(gold: str, predicted: str) -> float:
    """Token F1 of ``predicted`` against ``gold`` (see ``token_scores``)."""
    return token_scores(gold, predicted)[2]


# --- the HTML set --------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class HtmlPage:
    id: str  # the file name without ".html.gz", the key in ground-truth.json
    path: Path  # the gzipped page
    gold: str  # articleBody


def load_html_pages(data: Path) -> list[HtmlPage]:
    """Every page of ``data/html`` that has an ``articleBody`` in ground-truth.json."""
    truth: dict[str, Any] = json.loads(
        require(data / "html" / "ground-truth.json").read_text(encoding="utf-8")
    )
    pages = []
    for path in sorted(require(data / "html" / "html").glob("*.html.gz")):
        page_id = path.name.removesuffix(".html.gz")
        body = (truth.get(page_id) or {}).get("articleBody")
        if isinstance(body, str):
            pages.append(HtmlPage(id=page_id, path=path, gold=body))
    if not pages:
        raise DataMissing(f"{data / 'html'} holds no page with an articleBody")
    return pages


def short_id(page_id: str) -> str:
    return f"html:{page_id[:16]}"


def write_pages(pages: Sequence[HtmlPage], folder: Path) -> list[Path]:
    """Each page decompressed to ``folder/<id>.html``, bytes as they are."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for page in pages:
        target = folder / f"{page.id}.html"
        target.write_bytes(gzip.decompress(page.path.read_bytes()))
        paths.append(target)
    return paths


def html_fields(
    pages: Sequence[HtmlPage], files: Sequence[Path]
) -> tuple[list[Field], dict[str, str]]:
    """``html.token_f1`` (mean over pages) and ``html.pages_f1_ge_0.9``, and the extracted
    texts by item id."""
    items, f1s, texts = [], [], {}
    for page, file in zip(pages, files, strict=True):
        try:
            text, refused = read_html_file(file).text, ""
        except InputError as error:
            text, refused = "", str(error).removeprefix(str(file)).strip(" :")
        precision, recall, f1 = token_scores(page.gold, text)
        f1s.append(f1)
        doc_id = short_id(page.id)
        texts[doc_id] = text or page.gold
        if refused:
            why = f"page refused: {refused[:80]}"
        elif precision < recall:
            why = "extra text (precision < recall)"
        else:
            why = "text missed (recall <= precision)"
        items.append(
            Item(
                doc_id=doc_id,
                hit=f1 >= F1_GOOD,
                gold=f"{len(tokens(page.gold))} words",
                pred=f"{len(tokens(text))} words, P {precision:.2f} R {recall:.2f} F1 {f1:.2f}",
                confusion="" if f1 >= F1_GOOD else why,
            )
        )
    about = (
        "main text by the HTML reader vs articleBody, token F1 (lowercased words, multisets); "
        f"a miss is a page below {F1_GOOD}"
    )
    mean = Field(
        name="html.token_f1",
        group="html",
        score=sum(f1s) / len(f1s) if f1s else None,
        n=len(f1s),
        items=tuple(items),
        about=about,
    )
    return [mean, shared_field(f"html.pages_f1_ge_{F1_GOOD}", items, about, group="html")], texts


# --- merge quality -------------------------------------------------------------------------


def read_multireport(path: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The reports without their gold field, and article id -> gold event."""
    reports, gold = [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold[str(record["id"])] = str(record.pop("gold_event"))
            reports.append(record)
    return reports, gold


def final_tolls(path: Path = MULTIREPORT_TEST) -> dict[str, int] | None:
    """``FINAL_TOLLS`` as the test module defines it, read from its source; None if absent."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError):
        return None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "FINAL_TOLLS" for t in node.targets
        ):
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                return None
            if isinstance(value, dict):
                return {str(k): int(v) for k, v in value.items()}
    return None


def main_events(db: Path) -> dict[str, str]:
    """Article id -> the merged event its main event joined."""
    with Store.open(db, read_only=True) as store:
        return store.main_events()


def merge_fields(
    gold: Mapping[str, str], predicted: Mapping[str, str], db: Path | None
) -> list[Field]:
    """Pairwise precision and recall, and the share of gold events with their final toll."""
    labels = {a: predicted.get(a, f"alone:{a}") for a in gold}
    gold_labels: dict[Any, Any] = dict(gold)
    predicted_labels: dict[Any, Any] = dict(labels)
    precision, recall = merge_pairwise_scores(
        clusters_of(gold_labels), clusters_of(predicted_labels)
    )
    gold_members = {a: {b for b in gold if gold[b] == gold[a]} for a in gold}
    predicted_members = {a: {b for b in gold if labels[b] == labels[a]} for a in gold}
    items = []
    for a in sorted(gold):
        extra, missing = (
            predicted_members[a] - gold_members[a],
            gold_members[a] - predicted_members[a],
        )
        if a not in predicted:
            why = "no main event"
        elif extra and missing:
            why = "joined another event's reports and split from its own"
        elif extra:
            why = "joined another event's reports"
        else:
            why = "split from its own event's reports"
        others = sorted(predicted_members[a] - {a})
        items.append(
            Item(
                doc_id=a,
                hit=not extra and not missing,
                gold=f"{gold[a]} with {', '.join(sorted(gold_members[a] - {a})) or 'none'}",
                pred=f"{labels[a]} with {', '.join(others) or 'none'}",
                confusion="" if not extra and not missing else why,
            )
        )
    about = "main events merged as the gold events of tests/data/multireport.jsonl, pairwise"
    n = len(items)
    fields = [
        Field(name=f"merge.pairwise_{metric}", group="merge.pairwise", score=value, n=n,
              items=tuple(items), about=about)
        for metric, value in (("precision", precision), ("recall", recall))
    ]  # fmt: skip
    tolls = final_tolls()
    if tolls is not None:
        fields.append(toll_field(gold, predicted, tolls, db))
    return fields


def toll_field(
    gold: Mapping[str, str], predicted: Mapping[str, str], tolls: Mapping[str, int], db: Path | None
) -> Field:
    """Per gold event with a final toll: the fatalities ``best`` of the merged event most of
    its reports joined (ties: the first report's) equals it."""
    items = []
    store = Store.open(db, read_only=True) if db is not None else None
    try:
        for event, toll in sorted(tolls.items()):
            joined = Counter(
                predicted[a] for a in sorted(gold) if gold[a] == event and a in predicted
            )
            best = None
            if joined and store is not None:
                record = store.event(joined.most_common(1)[0][0]) or {}
                best = (record.get("fatalities") or {}).get("best")
            hit = best == toll
            why = "no main event" if not joined else f"{toll} -> {best}"
            items.append(
                Item(doc_id=event, hit=hit, gold=str(toll), pred=str(best),
                     confusion="" if hit else why)
            )  # fmt: skip
    finally:
        if store is not None:
            store.close()
    return shared_field(
        "merge.final_toll.exact",
        items,
        "fatalities best of the event most of a gold event's reports joined == FINAL_TOLLS",
    )


# --- running -------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class IngestRun:
    fields: list[Field]
    texts: dict[str, str]  # item id -> text, for the report's excerpts
    throughput: Throughput
    stored: int  # articles the HTML ingest stored
    failures: tuple[str, ...]  # failure lines of both ingest runs, prefixed by the run
    merged_db: Path | None = None  # the store the merge check made (None if it failed)


def ingest(paths: Sequence[Path], db: Path) -> measure.ChildRun:
    argv = [sys.executable, "-m", "sitreps.cli", "ingest", *map(str, paths), "--db", str(db)]
    return measure.run_child(argv, cwd=ROOT)


def _failures(label: str, ran: measure.ChildRun) -> list[str]:
    lines = [line for line in ran.stderr.splitlines() if line.startswith("sitreps: ")]
    if ran.returncode not in (0, 2):
        lines.append(f"exit {ran.returncode}: {ran.stderr.strip()[-500:]}")
    return [f"{label}: {line.removeprefix('sitreps: ')}" for line in lines]


def _progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def run(pages: Sequence[HtmlPage], workdir: Path) -> IngestRun:
    """Score the HTML reader, time `sitreps ingest` on the pages, score merging."""
    files = write_pages(pages, workdir / "html")
    _progress(f"html: main text of {len(pages)} pages by sitreps' HTML reader")
    scored, texts = html_fields(pages, files)
    words = sum(len(text.split()) for key, text in texts.items() if key.startswith("html:"))

    db = workdir / "html.duckdb"
    db.unlink(missing_ok=True)
    _progress(f"html: sitreps ingest of {len(pages)} pages into a new store")
    ran = ingest([workdir / "html"], db)
    stored = 0
    if db.exists():
        with Store.open(db, read_only=True) as store:
            stored = store.counts()["articles"]
    _progress(f"html: {stored} articles stored in {ran.seconds:.1f}s, exit {ran.returncode}")
    throughput = Throughput(
        label="sitreps ingest (HTML, new store)",
        docs=len(pages),
        words=words,
        seconds=ran.seconds,
        peak_mb=ran.peak_mb,
    )

    reports, gold = read_multireport(MULTIREPORT)
    source, merged_db = workdir / "multireport.jsonl", workdir / "multireport.duckdb"
    source.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports), encoding="utf-8"
    )
    merged_db.unlink(missing_ok=True)
    _progress(f"merge: sitreps ingest of {len(reports)} reports into a new store")
    merged = ingest([source], merged_db)
    ok = merged.returncode in (0, 2) and merged_db.exists()
    predicted = main_events(merged_db) if ok else {}
    scored += merge_fields(gold, predicted, merged_db if ok else None)
    texts.update({str(r["id"]): str(r["text"]) for r in reports})
    last = {}  # gold event -> its latest report's text
    for r in sorted(reports, key=lambda r: (str(r.get("published") or ""), str(r["id"]))):
        last[gold[str(r["id"])]] = str(r["text"])
    texts.update(last)
    return IngestRun(
        fields=scored,
        texts=texts,
        throughput=throughput,
        stored=stored,
        failures=tuple(_failures("html ingest", ran) + _failures("merge ingest", merged)),
        merged_db=merged_db if ok else None,
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    data = Path(args[0]) if args else ROOT.parent / "shared" / "data"
    pages = load_html_pages(data)
    with tempfile.TemporaryDirectory(prefix="sitreps-bench-ingest-") as tmp:
        result = run(pages, Path(tmp))
    for field in result.fields:
        score = "-" if field.score is None else f"{field.score:.4f}"
        print(f"{field.name:<28} {score:>7}  n={field.n}")
    t = result.throughput
    print(f"{t.label}: {t.docs} pages, {result.stored} stored, {t.seconds:.1f}s, "
          f"{t.docs_per_s:.1f} articles/s (target >= {INGEST_TARGET:.0f})")  # fmt: skip
    for line in result.failures[:10]:
        print(f"  {line[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
