"""JSON Lines in: one document per line -> Articles, and an InputError for each bad line.

A file may be far larger than memory, so it is read one line at a time, and a bad line
costs only that line: it is yielded as an error and the stream goes on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    MalformedLineError,
    MissingFieldError,
    TooLargeError,
)
from ..types import Article
from .text import MAX_DOCUMENT_CHARS, find_byline, guess_language, normalize_newlines

# A line carrying a text at the size limit can be several times longer than the text
# (every non-ASCII character may be a six-byte \uXXXX escape); beyond this it is not read.
_MAX_LINE_BYTES = 32 * 1024 * 1024
_SNIFF_BYTES = 8192
_JSON_TYPES = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


def iter_jsonl(path: Path) -> Iterator[Article | InputError]:
    """Each document in a JSON Lines file, in order, or the InputError that stopped it.

    Blank lines are skipped. Errors are yielded, not raised, with ``source`` set to
    ``"{path}:{line number}"`` (or to the path when the whole file is unreadable).
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(f"cannot be read: {exc.strerror or exc}", source=str(path))
        return
    with handle:
        # One look at the start saves yielding an error for every "line" of a binary file.
        if b"\x00" in handle.read(_SNIFF_BYTES):
            yield BinaryInputError(
                "contains NUL bytes: binary data, or not UTF-8 (JSON Lines must be UTF-8)",
                source=str(path),
            )
            return
        handle.seek(0)
        lines = 0  # non-blank ones, readable or not
        for lineno, raw in enumerate(_lines(handle), start=1):
            source = f"{path}:{lineno}"
            if raw is None:
                lines += 1
                yield TooLargeError(
                    f"the line is over the limit of {_MAX_LINE_BYTES:,} bytes", source=source
                )
                continue
            try:
                # utf-8-sig: editors on Windows put a BOM before the first line.
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                lines += 1
                yield MalformedLineError(
                    f"is not UTF-8 (bad byte at column {exc.start + 1})", source=source
                )
                continue
            if not line.strip():
                continue
            lines += 1
            try:
                # Without its line break, a cut-off line reads as unterminated, not as a
                # string holding a control character.
                yield parse_jsonl_line(line.rstrip("\r\n"), source=source)
            except InputError as exc:
                yield exc
        if lines == 0:
            yield EmptyInputError("is empty (no documents)", source=str(path))


def _lines(handle: IO[bytes]) -> Iterator[bytes | None]:
    """The file's lines; None for a line over the limit, which is skipped unread."""
    while raw := handle.readline(_MAX_LINE_BYTES + 1):
        if len(raw) > _MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield raw


def parse_jsonl_line(line: str, *, source: str) -> Article:
    """The Article in one JSON Lines line; raises an InputError subclass if there is none.

    ``id`` and ``text`` are required; ``published`` (a date or ISO 8601 timestamp),
    ``title``, ``url``, ``byline`` and ``language`` are optional.
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedLineError(
            f"is not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})",
            source=source,
        ) from None
    except RecursionError:
        raise MalformedLineError("is not valid JSON (nested too deeply)", source=source) from None
    if not isinstance(record, dict):
        raise MalformedLineError(
            f'is {_json_type(record)}, not a JSON object like {{"id": "a1", "text": "..."}}',
            source=source,
        )
    doc_id = _required_id(record, source=source)
    text = _required_text(record, source=source)
    byline = _optional_string(record, "byline", source=source)
    language = _optional_string(record, "language", source=source)
    return Article(
        id=doc_id,
        text=text,
        published=_published(record.get("published"), source=source),
        title=_optional_string(record, "title", source=source),
        url=_optional_string(record, "url", source=source),
        byline=byline if byline is not None else find_byline(text),
        language=language if language is not None else guess_language(text),
    )


def _required_id(record: dict[str, Any], *, source: str) -> str:
    value = record.get("id")
    # Numeric ids are common in exports from data frames; they are unambiguous as text.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str) or not value.strip():
        raise MissingFieldError(_missing_message("id", value, record), source=source)
    _check_unicode("id", value, source=source)
    return value


def _required_text(record: dict[str, Any], *, source: str) -> str:
    value = record.get("text")
    if not isinstance(value, str) or not value:
        raise MissingFieldError(_missing_message("text", value, record), source=source)
    if not value.strip():
        raise EmptyInputError("field 'text' is empty (only whitespace)", source=source)
    _check_unicode("text", value, source=source)
    text = normalize_newlines(value)
    if len(text) > MAX_DOCUMENT_CHARS:
        raise TooLargeError(
            f"field 'text' has {len(text):,} characters, over the limit of"
            f" {MAX_DOCUMENT_CHARS:,}; split the document",
            source=source,
        )
    return text


def _missing_message(field: str, value: object, record: dict[str, Any]) -> str:
    if field not in record:
        return f"has no field '{field}' (required: id and text)"
    if isinstance(value, str):
        return f"field '{field}' is empty"
    return f"field '{field}' must be a string, not {_json_type(value)}"


def _optional_string(record: dict[str, Any], field: str, *, source: str) -> str | None:
    value = record.get(field)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise MalformedLineError(
            f"field '{field}' must be a string or null, not {_json_type(value)}", source=source
        )
    _check_unicode(field, value, source=source)
    return value


def _published(value: object, *, source: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
        try:
            # The date as the timestamp states it, in its own offset: the writer's day.
            return dt.datetime.fromisoformat(value).date()
        except ValueError:
            pass
    raise InputError(
        f"field 'published' is not a date (YYYY-MM-DD) or an ISO 8601 timestamp: {value!r}",
        source=source,
    )


def _check_unicode(field: str, value: str, *, source: str) -> None:
    # JSON may escape half a surrogate pair ("\ud800"); such a string cannot be written
    # out as UTF-8 later, so the line is refused here, where the error can name it.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise MalformedLineError(
            f"field '{field}' has an unpaired surrogate escape at character {exc.start}",
            source=source,
        ) from None


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)
