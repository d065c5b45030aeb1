"""The `sitreps` command: thin commands over the library, typed errors into exit codes.

Exit status: 0 when every document was processed; 2 when some input was bad (each named on
stderr in one line); 1 for an internal error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .batch import Failure, run
from .errors import InputError, SitrepsError, UsageError
from .ingest import iter_files, read_path
from .render import table
from .serialize import dumps_result
from .types import Article, Result

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sitreps", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"sitreps {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser(
        "extract", help="read reports and write their events, one JSON result per document"
    )
    extract.add_argument("files", nargs="*", type=Path, metavar="FILE",
                         help=".txt or .jsonl files")  # fmt: skip
    extract.add_argument("--input", type=Path, help="a JSON Lines file of documents")
    extract.add_argument("--output", type=Path, help="write results here instead of stdout")
    extract.add_argument("--published", type=_date, help="published date of .txt inputs")
    extract.add_argument("--format", choices=("jsonl", "table"), default="jsonl",
                         help="JSON Lines (default) or a readable table of events")  # fmt: skip
    extract.add_argument("--workers", type=int, default=None,
                         help="processes to use (default: one per core, at most 2)")  # fmt: skip
    _add_store_commands(commands)
    gazetteer = commands.add_parser("gazetteer", help="manage the offline gazetteer")
    gazetteer_commands = gazetteer.add_subparsers(dest="gazetteer_command", required=True)
    gazetteer_commands.add_parser(
        "build",
        help="build the gazetteer's index from the installed GeoNames and ISO data now (make "
        "does this at install), so that the first run only loads it",
    )
    load = gazetteer_commands.add_parser(
        "load",
        help="add a GeoNames country dump (e.g. UA.txt from GeoNames' export/dump) so that "
        "every village in it is found",
    )
    load.add_argument(
        "file", type=Path, metavar="FILE",
        help="a GeoNames dump: the tab-separated geoname table (19 columns)",
    )  # fmt: skip
    return parser


def _add_store_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from .store import DB_ENV, DEFAULT_DB, FORMATS

    db_help = f"the store (default: ${DB_ENV}, else {DEFAULT_DB})"
    ingest = commands.add_parser(
        "ingest", help="read reports into a store, merging reports of one event"
    )
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help=".txt, .html, .jsonl, .xml/.rss/.atom files, or folders")  # fmt: skip
    ingest.add_argument("--db", type=Path, help=db_help)
    ingest.add_argument("--published", type=_date,
                        help="published date of .txt (and undated .html) inputs")  # fmt: skip
    ingest.add_argument("--workers", type=int, default=None,
                        help="processes to use (default: one per core, at most 2)")  # fmt: skip
    events = commands.add_parser("events", help="list the merged events in a store")
    events.add_argument("--db", type=Path, help=db_help)
    events.add_argument("--format", choices=("table", "json", "csv"),
                        help="table (default on a terminal), json (default otherwise), or"
                        " ACLED-style csv")  # fmt: skip
    events.add_argument("--tolls", action="store_true",
                        help="in the table, each event's toll as every report gave it")  # fmt: skip
    _add_filters(events)
    event = commands.add_parser("event", help="one merged event in full, with merge reasons")
    event.add_argument("event_id", metavar="EVENT_ID")
    event.add_argument("--db", type=Path, help=db_help)
    event.add_argument("--format", choices=("text", "json"),
                       help="text (default on a terminal) or json (default otherwise)")  # fmt: skip
    export = commands.add_parser("export", help="write merged events to a file")
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("--output", type=Path, required=True, metavar="FILE")
    export.add_argument("--db", type=Path, help=db_help)
    _add_filters(export)
    serve = commands.add_parser(
        "serve", help="serve the store over HTTP: the JSON API and the map dashboard at /"
    )
    serve.add_argument("--db", type=Path, help=db_help)
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default: this machine only)")  # fmt: skip
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--country", metavar="CC", help="ISO country code (or name)")
    parser.add_argument("--since", type=_date, metavar="DATE", help="events from this day on")
    parser.add_argument("--until", type=_date, metavar="DATE", help="events up to this day")
    parser.add_argument("--type", dest="event_type", metavar="EVENT_TYPE",
                        help="an ACLED event type or sub-event type")  # fmt: skip
    parser.add_argument("--min-fatalities", type=int, metavar="N",
                        help="events whose toll is at least N")  # fmt: skip


def _inputs(paths: Sequence[Path], published: dt.date | None) -> Iterator[Article | InputError]:
    for path in iter_files(paths):
        yield from read_path(path, published=published)


def extract_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    paths = list(args.files) + ([args.input] if args.input else [])
    if not paths:
        raise UsageError("give FILE arguments or --input docs.jsonl")
    workers = args.workers or (1 if args.input is None and len(paths) <= 4 else None)
    status = EXIT_OK
    out = args.output.open("w", encoding="utf-8") if args.output else stdout
    results: list[Result] = []
    try:
        for item in run(_inputs(paths, args.published), workers=workers):
            if isinstance(item, Failure):
                print(f"sitreps: {item.source}: {item.reason}", file=stderr)
                status = max(status, EXIT_INTERNAL if item.internal else EXIT_BAD_INPUT)
                continue
            if args.format == "table":
                results.append(item)
            else:
                out.write(dumps_result(item) + "\n")
                out.flush()
        if args.format == "table":
            for line in table(results):
                out.write(line + "\n")
    finally:
        if args.output:
            out.close()
    return EXIT_BAD_INPUT if status == EXIT_BAD_INPUT else status


def ingest_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from .store import Store, ingest_paths
    from .store.intake import count_documents
    from .store.progress import Progress

    del stdout
    internal = False
    with Store.open(args.db) as store:
        progress = Progress(stderr, total=count_documents(args.paths) if stderr.isatty() else None)

        def failed(failure: Failure) -> None:
            nonlocal internal
            internal = internal or failure.internal
            progress.note(f"sitreps: {failure.source}: {failure.reason}")

        summary = ingest_paths(
            store, args.paths, published=args.published, workers=args.workers,
            on_failure=failed, progress=progress,
        )  # fmt: skip
        progress.close()
        if stderr.isatty():
            print(f"sitreps: {summary.added} new articles ({summary.duplicates} already stored,"
                  f" {len(summary.failures)} failed) in {store.path}", file=stderr)  # fmt: skip
    if internal:
        return EXIT_INTERNAL
    return EXIT_BAD_INPUT if summary.failures else EXIT_OK


def _filters(args: argparse.Namespace) -> object:
    from .store import EventFilter
    from .store.filters import country_code

    country = args.country
    if country is not None:
        country = country_code(country)
        if country is None:
            raise UsageError(
                f"unknown country {args.country!r}: give an ISO code (UA) or a name (Ukraine)"
            )
    return EventFilter(country=country, since=args.since, until=args.until,
                       event_type=args.event_type, min_fatalities=args.min_fatalities)  # fmt: skip


def events_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from .store import Store
    from .store.export import write_acled_csv
    from .store.render import events_table

    del stderr
    fmt = args.format or ("table" if stdout.isatty() else "json")
    with Store.open(args.db, read_only=True) as store:
        events = store.iter_events(_filters(args))  # type: ignore[arg-type]
        if fmt == "table":
            for line in events_table(events, tolls=args.tolls):
                stdout.write(line + "\n")
        elif fmt == "csv":
            write_acled_csv(events, stdout)
        else:
            # A JSON array written one event per line, so that a large store streams out.
            stdout.write("[")
            for i, event in enumerate(events):
                stdout.write(("," if i else "") + "\n" + json.dumps(event, ensure_ascii=False))
            stdout.write("\n]\n")
    return EXIT_OK


def event_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from .store import Store
    from .store.render import event_text

    with Store.open(args.db, read_only=True) as store:
        record = store.event(args.event_id)
    if record is None:
        print(f"sitreps: no event {args.event_id!r} in {store.path}", file=stderr)
        return EXIT_BAD_INPUT
    if (args.format or ("text" if stdout.isatty() else "json")) == "text":
        for line in event_text(record):
            stdout.write(line + "\n")
    else:
        stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def export_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from .store import Store, export

    del stdout
    with Store.open(args.db, read_only=True) as store:
        try:
            n = export(store, args.format, args.output, _filters(args))  # type: ignore[arg-type]
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    if stderr.isatty():
        print(f"sitreps: wrote {n} events to {args.output}", file=stderr)
    return EXIT_OK


def gazetteer_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from .geo.gazetteer import load_dump, prepare

    del stderr
    if args.gazetteer_command == "build":
        started = time.perf_counter()
        cache, built = prepare()
        what = f"built in {time.perf_counter() - started:.1f} s" if built else "already built"
        stdout.write(f"sitreps: gazetteer {what}, kept in {cache}\n")
        return EXIT_OK
    try:
        stored, rows, places = load_dump(args.file)
    except InputError as error:
        raise UsageError(str(error)) from None
    stdout.write(f"sitreps: added {rows} GeoNames rows ({places} places new to the gazetteer)"
                 f" from {args.file}, kept in {stored}\n")  # fmt: skip
    return EXIT_OK


def serve_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from .api import serve
    from .store import default_path

    del stdout, stderr
    # The store is checked before the server starts: a missing one is a one-line error.
    serve(args.db or default_path(), host=args.host, port=args.port)
    return EXIT_OK


_Command = Callable[[argparse.Namespace, TextIO, TextIO], int]
_COMMANDS: dict[str, _Command] = {
    "extract": extract_command,
    "ingest": ingest_command,
    "events": events_command,
    "event": event_command,
    "export": export_command,
    "gazetteer": gazetteer_command,
    "serve": serve_command,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command in _COMMANDS:
            return _COMMANDS[args.command](args, sys.stdout, sys.stderr)
    except SitrepsError as error:
        print(f"sitreps: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT if isinstance(error, UsageError) else EXIT_INTERNAL
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
