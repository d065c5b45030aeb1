"""`make bench`: run the real `sitreps extract` on the development sets and score it.

    python -m bench.run [--full | --sample N] [--seed S] [--update-baseline] [--data DIR]

ACLED notes are drawn only from the rows `make train` holds out from the event-type
classifier (``sitreps.assemble.train.is_held_out``): ``--sample`` of them, stratified by
sub-event type and seeded, or all of them with ``--full``.

Reads ``../shared/data`` beside the repository (never copied into it), writes each set as a
JSON Lines input in a temporary directory, runs ``python -m sitreps.cli extract --input X
--output Y`` once per set and a bare full spaCy parse of the same texts, then prints one table
(field, score, n, baseline, delta, floor, status), throughput, the worst confusions and sample
misses. Writes ``bench/results/latest.json``. Also scored, by ``bench/ingest.py``: the main text of
the ``html/`` pages by sitreps' HTML reader against their ``articleBody`` (token F1), the
throughput of `sitreps ingest` on those pages into a new store (target >= 20 articles/s), and
how `sitreps ingest` merges ``tests/data/multireport.jsonl`` against its gold events. By
``bench/noise.py``: the share of GeoVirus articles (no conflict event) with no event reported,
and the share of UCDP headlines (each a deadly event) with a main event. And by
``bench/api.py`` (skip it with ``--skip-api``): the latency of `GET /api/events` with 100
clients at once on a store of 10,000 events (target: p95 under 100 ms, no error).

Exit status: 0 when every field is at or above its floor in ``bench/baseline.json``; 1 when
any is below (each named on stderr); 2 when the development data is absent or a run failed.
``--update-baseline`` rewrites the baseline's scores, never an existing floor: lowering a
floor is a deliberate commit of its own. A field new to the baseline gets a floor 0.02 below
its score, rounded down to 2 decimals.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

if __package__ in (None, ""):  # run as `python bench/run.py`: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import (
    api,
    datasets,
    dumps,
    fields,
    gazetteer,
    geo,
    ingest,
    measure,
    noise,
    report,
    score,
)  # fmt: skip

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
BASELINE = ROOT / "bench" / "baseline.json"
LATEST = ROOT / "bench" / "results" / "latest.json"
DEFAULT_SAMPLE = 1500
DEFAULT_SEED = 20200427
EXIT_OK, EXIT_BELOW_FLOOR, EXIT_NO_DATA = 0, 1, 2
WORKERS = min(2, os.cpu_count() or 1)  # what `sitreps extract` uses by default


@dataclass(frozen=True, kw_only=True, slots=True)
class SetRun:
    """One development set through `sitreps extract` and through the bare spaCy parse."""

    name: str
    docs: int
    words: int
    results: dict[str, dict[str, Any]]
    sitreps: measure.ChildRun
    spacy: measure.ChildRun | None
    failures: tuple[str, ...]


def progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help=f"development data (default: {DEFAULT_DATA})",
    )
    parser.add_argument(
        "--sample",
        type=int,
        default=DEFAULT_SAMPLE,
        help="ACLED notes, stratified by sub-event type (default: %(default)s)",
    )
    parser.add_argument(
        "--full", action="store_true", help="every held-out ACLED note, not a sample"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="sampling seed")
    parser.add_argument("--misses", type=int, default=10, help="sample misses per field")
    parser.add_argument("--skip-spacy", action="store_true", help="no bare spaCy parse")
    parser.add_argument(
        "--skip-api", action="store_true", help="no latency run of the HTTP API (bench/api.py)"
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        help="keep the JSON Lines inputs and sitreps outputs here (default: a temporary directory)",
    )
    parser.add_argument(
        "--update-baseline",
        action="store_true",
        help="rewrite the scores in bench/baseline.json (floors stay)",
    )
    return parser.parse_args(argv)


@dataclass(frozen=True, kw_only=True, slots=True)
class Cases:
    acled: list[datasets.AcledCase]
    gva: list[datasets.GvaCase]
    roles: list[datasets.RoleCase]
    geo: list[geo.GeoCase]
    centroids: dict[str, tuple[float, float]]
    html: list[ingest.HtmlPage]  # scored by bench/ingest.py, not a `sitreps extract` set
    quiet: list[datasets.Document]  # texts that tell no event (bench/noise.py)
    told: list[datasets.Document]  # headlines that tell one

    def sets(self) -> dict[str, list[datasets.Document]]:
        return {
            "acled": [c.doc for c in self.acled],
            "gva": [c.doc for c in self.gva],
            "roles": [c.doc for c in self.roles],
            "geo": [c.doc for c in self.geo],
            "noise": self.quiet,
            "ucdp": self.told,
        }


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.data.is_dir():
        print(
            f"bench: the development data is not at {args.data}; it lives in ../shared/data "
            "beside the repository (or pass --data DIR)",
            file=sys.stderr,
        )
        return EXIT_NO_DATA
    try:
        cases = Cases(
            acled=datasets.load_acled(
                args.data, sample=None if args.full else args.sample, seed=args.seed
            ),
            gva=datasets.load_gva(args.data),
            roles=datasets.load_wikievents(args.data) + datasets.load_rams(args.data),
            geo=geo.load_geo(args.data, seed=args.seed),
            centroids=geo.load_centroids(args.data),
            html=ingest.load_html_pages(args.data),
            quiet=noise.load_geovirus_texts(args.data),
            told=noise.load_ucdp_headlines(args.data),
        )
    except datasets.DataMissing as error:
        print(f"bench: development data incomplete: {error}", file=sys.stderr)
        return EXIT_NO_DATA
    started = dt.datetime.now(dt.UTC)
    with tempfile.TemporaryDirectory(prefix="sitreps-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        # Villages beyond the installed gazetteer, if the data holds GeoNames dumps for them.
        loaded = dumps.load(dumps.find(args.data), workdir, cwd=ROOT)
        runs = {
            name: run_set(name, docs, workdir, spacy=not args.skip_spacy)
            for name, docs in cases.sets().items()
        }
        stored = ingest.run(cases.html, workdir)
        # The API's latency on 10,000 copies of an event the merge check has just stored.
        served = None if args.skip_api else api.run(workdir, template_db=stored.merged_db)
    broken = [r for r in runs.values() if r.sitreps.returncode not in (0, 2) and not r.results]
    for run in broken:
        print(
            f"bench: sitreps extract failed on {run.name} (exit {run.sitreps.returncode}):\n"
            f"{run.sitreps.stderr[-2000:]}",
            file=sys.stderr,
        )
    if broken:
        return EXIT_NO_DATA
    meta = run_meta(args, started, total_acled=count_acled(args.data), cases=cases)
    meta["geonames_dumps"] = list(loaded)
    return score_and_report(args, cases, runs, meta, stored, served)


def score_and_report(
    args: argparse.Namespace,
    cases: Cases,
    runs: Mapping[str, SetRun],
    meta: Mapping[str, Any],
    stored: ingest.IngestRun,
    served: api.ApiRun | None = None,
) -> int:
    """Score, print, write latest.json (and the baseline if asked); the exit status."""
    progress("scoring")
    scored = (
        fields.acled_fields(cases.acled, runs["acled"].results)
        + fields.gva_fields(cases.gva, runs["gva"].results)
        + fields.role_fields(cases.roles, runs["roles"].results)
        + geo.geo_fields(cases.geo, runs["geo"].results, cases.centroids)
        + noise.noise_fields(cases.quiet, runs["noise"].results, cases.told, runs["ucdp"].results)
        + stored.fields
    )
    baseline = load_baseline(BASELINE)
    rows = compare(scored, baseline)
    ours, theirs = throughput(runs.values())
    places = gazetteer.measure((t.text for c in cases.geo for t in c.toponyms), cwd=ROOT)
    texts = {doc.id: doc.text for docs in cases.sets().values() for doc in docs}
    texts.update(stored.texts)
    out = sys.stdout
    report.print_header(out, header_lines(meta, runs))
    report.print_table(out, rows)
    report.print_throughput(
        out, ours, theirs, ingest=stored.throughput, ingest_target=ingest.INGEST_TARGET
    )
    gazetteer.print_speed(out, places)
    if served is not None:
        print(file=out)
        api.print_run(out, served)
    print_failures(out, runs.values())
    print_ingest_failures(out, stored)
    report.print_details(out, scored, texts, misses=args.misses, seed=args.seed)
    report.print_summary(out, rows)
    write_latest(LATEST, meta, rows, runs.values(), ours, theirs, stored, served, places)
    progress(f"wrote {LATEST.relative_to(ROOT)}")
    if args.update_baseline:
        write_baseline(BASELINE, rows, baseline, meta)
        progress(f"updated scores in {BASELINE.relative_to(ROOT)} (floors unchanged)")
    below = [r for r in rows if r.status in ("BELOW FLOOR", "no data") and r.floor]
    for row in below:
        print(
            f"bench: {row.name} is below its floor: {report.fmt_num(row.score)} < {row.floor:.2f}",
            file=sys.stderr,
        )
    return EXIT_BELOW_FLOOR if below else EXIT_OK


# --- running -------------------------------------------------------------------------------


def run_set(name: str, docs: Sequence[datasets.Document], tmp: Path, *, spacy: bool) -> SetRun:
    source, target = tmp / f"{name}.jsonl", tmp / f"{name}.out.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
    words = sum(len(doc.text.split()) for doc in docs)
    progress(f"{name}: sitreps extract on {len(docs)} documents ({words} words)")
    argv = [
        sys.executable,
        "-m",
        "sitreps.cli",
        "extract",
        "--input",
        str(source),
        "--output",
        str(target),
    ]
    ran = measure.run_child(argv, cwd=ROOT)
    results = read_results(target)
    progress(
        f"{name}: {len(results)} results in {ran.seconds:.1f}s "
        f"({len(docs) / ran.seconds:.1f} docs/s), exit {ran.returncode}"
    )
    failures = tuple(
        name_failure(line, docs) for line in ran.stderr.splitlines() if line.startswith("sitreps: ")
    )
    parsed = None
    if spacy:
        progress(f"{name}: bare spaCy full parse of the same texts")
        parsed = measure.run_child(
            [sys.executable, "-m", "bench.spacy_parse", str(source)],
            cwd=ROOT,
            stdout=tmp / f"{name}.spacy.json",
        )
        progress(f"{name}: spaCy parse in {parsed.seconds:.1f}s, exit {parsed.returncode}")
    return SetRun(
        name=name,
        docs=len(docs),
        words=words,
        results=results,
        sitreps=ran,
        spacy=parsed,
        failures=failures,
    )


def name_failure(line: str, docs: Sequence[datasets.Document]) -> str:
    """A failure line from `sitreps extract` with the temporary path replaced by the document id
    ("sitreps: /tmp/.../gva.jsonl:80: field 'text' is empty" -> "gva-val-079: field ...")."""
    match = re.match(r"sitreps: \S+\.jsonl:(\d+): (.*)", line)
    if match and 0 < int(match.group(1)) <= len(docs):
        return f"{docs[int(match.group(1)) - 1].id}: {match.group(2)}"
    return line.removeprefix("sitreps: ")


def read_results(path: Path) -> dict[str, dict[str, Any]]:
    results: dict[str, dict[str, Any]] = {}
    if not path.exists():
        return results
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                results[str(record["id"])] = record
    return results


def throughput(
    runs: Iterable[SetRun],
) -> tuple[report.Throughput, report.Throughput | None]:
    runs = list(runs)
    docs, words = sum(r.docs for r in runs), sum(r.words for r in runs)
    ours = report.Throughput(
        label=f"sitreps extract ({WORKERS} workers)",
        docs=docs,
        words=words,
        seconds=sum(r.sitreps.seconds for r in runs),
        peak_mb=max(r.sitreps.peak_mb for r in runs),
    )
    if any(r.spacy is None for r in runs):
        return ours, None
    spacy_runs = [r.spacy for r in runs if r.spacy is not None]
    theirs = report.Throughput(
        label="spaCy full parse (1 process)",
        docs=docs,
        words=words,
        seconds=sum(s.seconds for s in spacy_runs),
        peak_mb=max(s.peak_mb for s in spacy_runs),
    )
    return ours, theirs


def print_failures(out: TextIO, runs: Iterable[SetRun]) -> None:
    for r in runs:
        if r.failures:
            print(
                f"{r.name}: {len(r.failures)} documents failed in sitreps extract, e.g.:", file=out
            )
            for line in r.failures[:5]:
                print(f"   {line[:300]}", file=out)
            print(file=out)


def print_ingest_failures(out: TextIO, stored: ingest.IngestRun) -> None:
    if stored.failures:
        print(f"{len(stored.failures)} documents failed in sitreps ingest, e.g.:", file=out)
        for line in stored.failures[:5]:
            print(f"   {line[:300]}", file=out)
        print(file=out)


# --- baseline ------------------------------------------------------------------------------


def load_baseline(path: Path) -> dict[str, dict[str, float]]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    fields_: dict[str, dict[str, float]] = data.get("fields", {})
    return fields_


def compare(
    scored: Sequence[fields.Field], baseline: Mapping[str, Mapping[str, float]]
) -> list[report.Row]:
    rows = []
    for f in scored:
        entry = baseline.get(f.name)
        base = entry.get("score") if entry else None
        floor = entry.get("floor") if entry else None
        if f.score is None:
            status = "no data"
        elif entry is None:
            status = "new"
        elif floor is not None and round(f.score, 4) < floor:
            status = "BELOW FLOOR"
        else:
            status = "ok"
        rows.append(
            report.Row(name=f.name, score=f.score, n=f.n, baseline=base, floor=floor, status=status)
        )
    return rows


def write_baseline(
    path: Path,
    rows: Sequence[report.Row],
    old: Mapping[str, Mapping[str, float]],
    meta: Mapping[str, Any],
) -> None:
    new: dict[str, dict[str, float]] = {}
    for r in rows:
        if r.score is None:
            if r.name in old:
                new[r.name] = dict(old[r.name])
            continue
        floor = old[r.name]["floor"] if r.name in old else score.floor_below(r.score)
        new[r.name] = {"score": round(r.score, 4), "floor": floor}
    for name, entry in old.items():
        new.setdefault(name, dict(entry))
    run = {k: meta[k] for k in ("commit", "dirty", "date", "acled_sample", "seed")}
    path.write_text(json.dumps({"fields": new, "run": run}, indent=2) + "\n", encoding="utf-8")


# --- metadata and results ------------------------------------------------------------------


def git(*args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return ""
    return done.stdout.strip()


def count_acled(data: Path) -> dict[str, int]:
    """How many ACLED events there are, and how many of them are held out from training."""
    every = datasets.load_acled(data, sample=None, seed=0, held_out_only=False)
    held = datasets.load_acled(data, sample=None, seed=0)
    return {"all": len(every), "held_out": len(held)}


def run_meta(
    args: argparse.Namespace, started: dt.datetime, *, total_acled: dict[str, int], cases: Cases
) -> dict[str, Any]:
    return {
        "commit": git("rev-parse", "HEAD") or None,
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
        "date": started.isoformat(timespec="seconds"),
        "seed": args.seed,
        "acled_sample": len(cases.acled),
        "acled_total": total_acled["all"],
        "acled_held_out": total_acled["held_out"],
        "acled_split": "rows sitreps.assemble.train.is_held_out keeps from training",
        "acled_full": bool(args.full),
        "acled_published": "event_date (ACLED notes carry no publication date)",
        "gva_articles": "validation articles with text (X_val/y_val)",
        "roles_docs": {
            src: sum(1 for c in cases.roles if c.source == src) for src in ("wikievents", "rams")
        },
        "html_pages": len(cases.html),
        "python": sys.version.split()[0],
    }


def header_lines(meta: Mapping[str, Any], runs: Mapping[str, SetRun]) -> list[str]:
    commit = (meta["commit"] or "unknown")[:12] + (
        " (uncommitted changes)" if meta["dirty"] else ""
    )
    sample = "all" if meta["acled_full"] else "stratified by sub_event_type"
    roles = meta["roles_docs"]
    return [
        f"sitreps bench  commit {commit}  {meta['date']}  seed {meta['seed']}",
        f"ACLED: {meta['acled_sample']} of the {meta['acled_held_out']} notes `make train` holds "
        f"out ({meta['acled_total']} in all; {sample}); published = the row's event_date, since "
        "the notes carry no publication date",
        f"GVA: {runs['gva'].docs} validation articles (those with text), published = publish_date",
        f"roles: {roles['wikievents']} WikiEvents dev + {roles['rams']} RAMS dev documents with "
        "attack/death/injury arguments, text rebuilt from tokens, no published date",
        f"geo: {runs['geo'].docs} articles: {geo.LGL_SAMPLE} of LGL (seeded) and all of TR-News, "
        "raw text, no published date",
        f"noise: {runs['noise'].docs} GeoVirus articles (epidemics; an event there is noise) and "
        f"{runs['ucdp'].docs} UCDP GED headlines (each a deadly event), bench/noise.py",
        f"html: {meta['html_pages']} pages of ../shared/data/html: main text by sitreps' HTML "
        "reader vs articleBody (token F1), then `sitreps ingest` of them into a new store (timed)",
        "merge: tests/data/multireport.jsonl (gold_event stripped) by `sitreps ingest` into a new "
        "store, main events vs gold events; final tolls vs the store test's FINAL_TOLLS",
        f"gazetteer: {dumps.described(tuple(meta.get('geonames_dumps') or ()))}",
    ]


def write_latest(
    path: Path,
    meta: Mapping[str, Any],
    rows: Sequence[report.Row],
    runs: Iterable[SetRun],
    ours: report.Throughput,
    theirs: report.Throughput | None,
    stored: ingest.IngestRun | None = None,
    served: api.ApiRun | None = None,
    places: gazetteer.GazetteerSpeed | None = None,
) -> None:
    def speed(t: report.Throughput | None) -> dict[str, float] | None:
        if t is None:
            return None
        return {
            "docs": t.docs,
            "words": t.words,
            "seconds": round(t.seconds, 2),
            "docs_per_s": round(t.docs_per_s, 2),
            "words_per_s": round(t.words_per_s, 1),
            "peak_mb": round(t.peak_mb, 1),
        }

    per_set = {}
    for r in runs:
        per_set[r.name] = {
            "docs": r.docs,
            "words": r.words,
            "results": len(r.results),
            "failures": list(r.failures),
            "exit_status": r.sitreps.returncode,
            "sitreps": {
                "seconds": round(r.sitreps.seconds, 2),
                "peak_mb": round(r.sitreps.peak_mb, 1),
            },
            "spacy": None
            if r.spacy is None
            else {"seconds": round(r.spacy.seconds, 2), "peak_mb": round(r.spacy.peak_mb, 1)},
        }
    payload: dict[str, Any] = {
        "meta": dict(meta),
        "fields": {
            r.name: {
                "score": None if r.score is None else round(r.score, 4),
                "n": r.n,
                "baseline": r.baseline,
                "delta": None if r.delta is None else round(r.delta, 4),
                "floor": r.floor,
                "status": r.status,
            }
            for r in rows
        },
        "throughput": {"sitreps": speed(ours), "spacy_full_parse": speed(theirs), "sets": per_set},
    }
    if stored is not None:
        t = stored.throughput
        payload["throughput"]["sitreps_ingest_html"] = {
            **(speed(t) or {}),
            "articles_per_s": round(t.docs_per_s, 2),
            "articles_stored": stored.stored,
            "target_articles_per_s": ingest.INGEST_TARGET,
            "target_met": t.docs_per_s >= ingest.INGEST_TARGET,
            "failures": list(stored.failures),
        }
    if served is not None:
        payload["api"] = served.as_json()
    if places is not None:
        payload["gazetteer"] = places.as_json()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
