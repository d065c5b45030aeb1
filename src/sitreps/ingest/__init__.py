"""Ingest: files -> Articles, each bad document yielded as an InputError instead.

``read_path`` picks a reader by the file's suffix. Callers get a stream in input order, in
which a document that cannot be read is an error value, so a batch records it and goes on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..types import Article
from .feeds import iter_feed
from .html import read_html_file
from .jsonl import iter_jsonl, parse_jsonl_line
from .text import (
    MAX_DOCUMENT_BYTES,
    MAX_DOCUMENT_CHARS,
    decode_bytes,
    find_byline,
    guess_language,
    looks_english,
    read_text_file,
)

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_DOCUMENT_CHARS",
    "SUPPORTED_SUFFIXES",
    "decode_bytes",
    "find_byline",
    "guess_language",
    "iter_feed",
    "iter_files",
    "iter_jsonl",
    "looks_english",
    "parse_jsonl_line",
    "read_html_file",
    "read_path",
    "read_text_file",
]

_Reader = Callable[[Path, dt.date | None], Iterator[Article | InputError]]


def _one_document(read: Callable[..., Article]) -> _Reader:
    """A reader for a file that is one document: its article, or the error that refused it."""

    def reader(path: Path, published: dt.date | None) -> Iterator[Article | InputError]:
        try:
            yield read(path, published=published)
        except InputError as exc:
            yield exc

    return reader


_text_reader = _one_document(read_text_file)


def _jsonl_reader(path: Path, published: dt.date | None) -> Iterator[Article | InputError]:
    # Each line states its own date (or none); a date given for the whole run is meant for
    # the plain-text files beside it, not to be guessed onto these documents.
    del published
    return iter_jsonl(path)


# A page states its own date when it can; the run's date stands in when it does not.
_html_reader = _one_document(read_html_file)


def _feed_reader(path: Path, published: dt.date | None) -> Iterator[Article | InputError]:
    # Entries carry their own dates, as JSON Lines documents do.
    del published
    return iter_feed(path)


# One entry per suffix (lower case).
_READERS: dict[str, _Reader] = {
    ".txt": _text_reader,
    "": _text_reader,
    ".jsonl": _jsonl_reader,
    ".html": _html_reader,
    ".htm": _html_reader,
    ".xml": _feed_reader,
    ".rss": _feed_reader,
    ".atom": _feed_reader,
}

SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(sorted(suffix for suffix in _READERS if suffix))


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files to read: each path given, and every supported file under each folder.

    Folders are walked in name order, skipping hidden files and folders; a path that does
    not exist is passed on, for the reader to report, and so is a folder with no file to
    read (the reader says so), so that a mistyped folder is never a silent success.
    """
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        found = False
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path).parts
            if any(part.startswith(".") for part in relative) or not child.is_file():
                continue
            if child.suffix.lower() in SUPPORTED_SUFFIXES:
                found = True
                yield child
        if not found:
            yield path


def read_path(path: Path, *, published: dt.date | None = None) -> Iterator[Article | InputError]:
    """The documents in one file, in order, each an Article or the InputError that stopped it.

    ``published`` is the date of a plain-text file; JSON Lines documents keep their own.
    Never raises for bad input: a missing file, a directory or an unsupported suffix is
    yielded as an InputError naming the path.
    """
    source = str(path)
    if path.is_dir():
        supported = ", ".join(SUPPORTED_SUFFIXES)
        yield InputError(f"a folder with no file sitreps reads ({supported})", source=source)
        return
    if not path.exists():
        yield InputError("no such file", source=source)
        return
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        yield InputError(
            f"unsupported file type {path.suffix!r}; sitreps reads {supported}"
            " and files with no suffix",
            source=source,
        )
        return
    yield from reader(path, published)
