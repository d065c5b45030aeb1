"""HTML in: a saved web page -> an Article of its main text, title, byline and date.

trafilatura finds the main text (dropping navigation, asides and footers), the title and
author, and (through htmldate) the publication date. It is given the page's markup, never a
URL, so nothing is ever fetched. The text trafilatura returns is the article text from
then on: evidence offsets point into it, as into a ``.txt`` file's text.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import trafilatura
from trafilatura.utils import load_html

from ..errors import EmptyInputError, InputError, TooLargeError
from ..types import Article
from .text import MAX_DOCUMENT_BYTES, decode_bytes, find_byline, guess_language, normalize_newlines

_BLOCKS = frozenset(
    ("address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
     "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p",
     "pre", "section", "table", "td", "th", "tr", "ul")
)  # fmt: skip
# Fewer words than this is a menu or a caption, not a report.
MIN_WORDS = 8
_WHITESPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def read_html_file(path: Path, *, published: dt.date | None = None) -> Article:
    """The Article in a saved HTML page; its id is the file name without the suffix.

    ``published`` stands in when the page states no date. Raises an InputError subclass
    (with ``source=str(path)``) for a page that cannot be read or has no article text.
    """
    source = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", source=source) from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise TooLargeError(
            f"is over the limit of {MAX_DOCUMENT_BYTES:,} bytes; split the document",
            source=source,
        )
    return article_from_html(decode_bytes(data, source=source), article_id=path.stem,
                             source=source, published=published)  # fmt: skip


def article_from_html(
    html: str, *, article_id: str, source: str, published: dt.date | None = None
) -> Article:
    """The Article in an HTML page given as text (see ``read_html_file``)."""
    # fast: no second opinion from the fallback extractors, which cost a quarter of the time
    # and score no better on real pages. The date is htmldate's, from the page's markup and
    # URL; a wider search takes a footer's "(c) 2024" for 1 January 2024. The page goes in as
    # a string, which trafilatura parses (with ``load_html``, as below) and never fetches:
    # a parsed tree would be copied whole before extraction, at half the cost of parsing.
    document: Any = trafilatura.bare_extraction(
        html, fast=True, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )  # fmt: skip
    if document is None and load_html(html) is None:
        raise InputError("is not an HTML page", source=source)
    text = normalize_newlines(document.text or "").strip() if document is not None else ""
    if len(text.split()) < MIN_WORDS:
        raise EmptyInputError(
            "has no article text (the page holds only navigation or boilerplate)", source=source
        )
    found = document.date
    return Article(
        id=article_id,
        text=text,
        published=dt.date.fromisoformat(found) if found else published,
        title=document.title or None,
        url=document.url or None,
        byline=document.author or find_byline(text),
        language=guess_language(text),
    )


def fragment_text(html: str) -> str:
    """The text of an HTML fragment (a feed entry's content), one paragraph per line."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parser.pieces).split("\n"))
    return _BLANK_LINES.sub("\n", "\n".join(lines)).strip()


class _TextParser(HTMLParser):
    """Collects text, with a line break at each block element; skips scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._skipping = 0
        self._preformatted = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skipping += 1
        elif tag in _BLOCKS:
            self.pieces.append("\n")
        self._preformatted += tag == "pre"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.pieces.append("\n")
        if tag == "pre":
            self._preformatted = max(0, self._preformatted - 1)

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        # As a browser shows it: a line break in the source of a paragraph is a space.
        self.pieces.append(data if self._preformatted else _WHITESPACE.sub(" ", data))
