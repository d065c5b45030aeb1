"""The `sitreps` command: thin commands over the library, typed errors into exit codes.

Exit status: 0 when every document was processed; 2 when some input was bad (each named on
stderr in one line); 1 for an internal error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .batch import Failure, run
from .errors import InputError, SitrepsError, UsageError
from .ingest import read_path
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
    return parser


def _inputs(paths: Sequence[Path], published: dt.date | None) -> Iterator[Article | InputError]:
    for path in paths:
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "extract":
            return extract_command(args, sys.stdout, sys.stderr)
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
