"""RSS and Atom feeds in: each entry -> an Article from its content (or summary), title,
link and published date.

feedparser is given the file's bytes, never a URL, so nothing is ever fetched. An entry
without text is yielded as an InputError naming the feed and the entry, and the feed goes
on; a file that is not a feed at all is one InputError.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from ..errors import EmptyInputError, InputError, MalformedLineError, TooLargeError
from ..types import Article
from .html import fragment_text
from .text import MAX_DOCUMENT_BYTES, MAX_DOCUMENT_CHARS, find_byline, guess_language

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_feed(path: Path) -> Iterator[Article | InputError]:
    """Each entry of an RSS or Atom feed file, in feed order, or the error that stopped it."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(f"cannot be read: {exc.strerror or exc}", source=source)
        return
    if len(data) > MAX_DOCUMENT_BYTES:
        yield TooLargeError(
            f"is over the limit of {MAX_DOCUMENT_BYTES:,} bytes; split the feed", source=source
        )
        return
    yield from parse_feed(data, source=source, stem=path.stem)


def parse_feed(data: bytes, *, source: str, stem: str) -> Iterator[Article | InputError]:
    """The entries of a feed given as bytes (see ``iter_feed``)."""
    # Passing bytes (not a str) stops feedparser from taking the input for a URL to fetch.
    feed: Any = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if not feed.version and not feed.entries:
        problem = feed.get("bozo_exception")
        detail = f" ({str(problem).strip()})" if problem else ""
        yield InputError(f"is not an RSS or Atom feed{detail}", source=source)
        return
    if not feed.entries:
        yield EmptyInputError("is a feed with no entries", source=source)
        return
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{source}:entry {number}"
        try:
            yield entry_article(entry, fallback_id=f"{stem}-{number}", source=where)
        except InputError as exc:
            yield exc


def entry_article(entry: Any, *, fallback_id: str, source: str) -> Article:
    """The Article of one feed entry; raises InputError for an entry without text."""
    text = _entry_text(entry)
    if not text:
        raise EmptyInputError("has no content or summary", source=source)
    if len(text) > MAX_DOCUMENT_CHARS:
        raise TooLargeError(
            f"has {len(text):,} characters, over the limit of {MAX_DOCUMENT_CHARS:,}",
            source=source,
        )
    article_id = _string(entry, "id") or _string(entry, "link") or fallback_id
    if any(ord(ch) < 32 for ch in article_id):
        raise MalformedLineError("has an id with control characters", source=source)
    return Article(
        id=article_id,
        text=text,
        published=_date(entry),
        title=_string(entry, "title"),
        url=_string(entry, "link"),
        byline=_string(entry, "author") or find_byline(text),
        language=guess_language(text),
    )


def _entry_text(entry: Any) -> str:
    # Full content when the feed carries it; the summary is often a teaser of it.
    for part in [*entry.get("content", ()), entry.get("summary_detail")]:
        if not part or not part.get("value", "").strip():
            continue
        value = str(part["value"])
        kind = str(part.get("type") or "text/html")
        text = fragment_text(value) if kind in _HTML_TYPES else value.strip()
        if text:
            return text.replace("\r\n", "\n").replace("\r", "\n")
    return ""


def _date(entry: Any) -> dt.date | None:
    # The day as the feed states it, in its own offset (the writer's day); feedparser's
    # parsed time is in UTC and may fall on the day before or after.
    raw = _string(entry, "published") or _string(entry, "updated")
    if raw is not None:
        for parse in (email.utils.parsedate_to_datetime, dt.datetime.fromisoformat):
            try:
                return parse(raw).date()
            except (TypeError, ValueError, IndexError):
                continue
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed is None:
        return None
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)


def _string(entry: Any, key: str) -> str | None:
    value = entry.get(key)
    return str(value).strip() or None if value else None
