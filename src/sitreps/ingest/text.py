"""Plain text in: bytes or a ``.txt`` file -> an Article whose text is never changed again.

Evidence offsets point into the text this module returns, so the only change made to the
decoded characters is newline normalization (``\\r\\n`` and ``\\r`` -> ``\\n``), done once, here.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import BinaryInputError, EmptyInputError, EncodingError, InputError, TooLargeError
from ..types import Article

MAX_DOCUMENT_CHARS = 2_000_000
MAX_DOCUMENT_BYTES = 8_000_000

# UTF-32 before UTF-16: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Only signatures that no text file starts with; anything else is caught by the NUL and
# control-character checks.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip data"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx file)"),
    (b"%PDF-", "a PDF document"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"\x7fELF", "an executable"),
)

# C0 controls other than tab, newline, vertical tab, form feed and carriage return, and DEL.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# Real text has the odd stray control character; binary data has about one byte in ten.
_MAX_CONTROL_SHARE = 0.05

_NEWLINES = re.compile(r"\r\n?")


def normalize_newlines(text: str) -> str:
    """``text`` with ``\\r\\n`` and lone ``\\r`` turned into ``\\n``; nothing else changes."""
    return _NEWLINES.sub("\n", text)


def decode_bytes(data: bytes, *, source: str) -> str:
    """The text in ``data``, newlines normalized.

    UTF-8 (a BOM is dropped) and BOM-marked UTF-16/32 are decoded as such; other bytes are
    read as Windows-1252 when that gives plausible Western text, else as charset-normalizer
    guesses. Raises TooLargeError, BinaryInputError, EncodingError or EmptyInputError.
    """
    if len(data) > MAX_DOCUMENT_BYTES:
        raise TooLargeError(
            f"{len(data):,} bytes is over the limit of {MAX_DOCUMENT_BYTES:,} bytes;"
            " split the document",
            source=source,
        )
    if not data:
        raise EmptyInputError("is empty", source=source)
    text = normalize_newlines(_decode(data, source=source))
    if not text.strip():
        raise EmptyInputError("is empty (only whitespace)", source=source)
    if len(text) > MAX_DOCUMENT_CHARS:
        raise TooLargeError(
            f"{len(text):,} characters is over the limit of {MAX_DOCUMENT_CHARS:,} characters;"
            " split the document",
            source=source,
        )
    return text


def _decode(data: bytes, *, source: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            name = codec.upper().removesuffix("-LE").removesuffix("-BE")
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"starts with a {name} byte-order mark but is not valid {name}"
                    f" (bad bytes at offset {exc.start + len(bom)})",
                    source=source,
                ) from None
            # A BOM does not make the rest text: check what it decoded to.
            _reject_control_chars(text, source=source)
            return text
    _reject_binary(data, source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    # charset-normalizer alone misreads short Western text (it took "café – déjà" for a
    # Russian code page), so the common case is tried first and it decides the rest.
    if western is not None and _looks_western(western):
        return western
    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        _reject_control_chars(text, source=source)
        return text
    raise EncodingError(
        "is not UTF-8 and its encoding could not be recognized; save it as UTF-8",
        source=source,
    )


def _reject_binary(data: bytes, *, source: str) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"is binary data ({kind}), not text", source=source)
    if b"\x00" in data:
        raise BinaryInputError(
            "contains NUL bytes: binary data, or UTF-16/32 text without a byte-order mark"
            " (save it as UTF-8)",
            source=source,
        )
    controls = len(data.translate(None, _NOT_CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(data):
        raise BinaryInputError(
            f"looks like binary data ({controls:,} of {len(data):,} bytes are control bytes)",
            source=source,
        )


def _reject_control_chars(text: str, *, source: str) -> None:
    if "\x00" in text:
        raise BinaryInputError("is binary data (it holds NUL characters), not text", source=source)
    controls = len(_CONTROL_CHARS.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise BinaryInputError(
            f"looks like binary data ({controls:,} of {len(text):,} characters are"
            " control characters)",
            source=source,
        )


# Between two letters these mean a Central European code page read as Windows-1252
# ("mo¿e" for "może", "wi¹zaæ" for "wiązać"); Western text never puts them there.
_INSIDE_WORD_MOJIBAKE = re.compile(r"(?<=[^\W\d_])[¹²³¼½¾¿µ¦¤¬¯¨´¸¥](?=[^\W\d_])")
# In Western text accented letters are a minority (a few percent; more in a short phrase
# like "café déjà"); a Cyrillic or Greek code page read as Windows-1252 turns nearly every
# letter into an accented one ("Ïðèâåò" for "Привет").
_MAX_NON_ASCII_LETTER_SHARE = 0.6
_WESTERN_SAMPLE_CHARS = 100_000


def _looks_western(text: str) -> bool:
    # A sample tells the code page as well as the whole would, at a fraction of the cost.
    sample = text[:_WESTERN_SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return True
    non_ascii = sum(1 for ch in letters if not ch.isascii())
    if non_ascii > _MAX_NON_ASCII_LETTER_SHARE * len(letters):
        return False
    return _INSIDE_WORD_MOJIBAKE.search(sample) is None


def read_text_file(path: Path, *, published: dt.date | None = None) -> Article:
    """The Article in a plain-text file; its id is the file name without the suffix.

    The size is checked before anything is read. Raises an InputError subclass (with
    ``source=str(path)``) for a file that cannot be read as text.
    """
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise TooLargeError(
                f"{size:,} bytes is over the limit of {MAX_DOCUMENT_BYTES:,} bytes;"
                " split the document",
                source=source,
            )
        with path.open("rb") as handle:
            # One byte over the limit is enough to tell: a file may grow after stat(), and
            # special files (pipes, /dev/zero) report size 0.
            data = handle.read(MAX_DOCUMENT_BYTES + 1)
    except FileNotFoundError:
        raise InputError("no such file", source=source) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", source=source) from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", source=source) from None
    text = decode_bytes(data, source=source)
    return Article(
        id=path.stem,
        text=text,
        published=published,
        byline=find_byline(text),
        language=guess_language(text),
    )


# --- bylines -----------------------------------------------------------------------------

_BYLINE = re.compile(
    r"(?:(?:written|reported|reporting|words|story|text)\s+)?by\s*:?\s+(?P<names>\S.*)",
    re.IGNORECASE,
)
# Between authors, or between an author and an agency: "A and B", "A, Reuters", "A | AP".
_BYLINE_SEPARATOR = re.compile(r"\s*[,;&|/]\s*|\s+[-–—]+\s+|\s+(?i:and)\s+")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_NAME_PARTICLES = frozenset(
    "al bin ibn da das de del della der di do dos du el la le van von y".split()  # noqa: SIM905
)
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|at|an|ash|ibn|bin|abu)-")
_WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
_MAX_BYLINE_CHARS = 100
_BYLINE_HEAD_LINES = 5
_BYLINE_TAIL_LINES = 3


def find_byline(text: str) -> str | None:
    """The names in a byline line near the start or end of ``text``, as written.

    "Written By Rodney Mbua" gives "Rodney Mbua"; "By JANE DOE, Reuters" gives
    "JANE DOE, Reuters". Only short lines whose words after "By" are all names count, so
    "By Tuesday the toll had risen" is not a byline.
    """
    head = [line.strip() for line in text[:2000].split("\n") if line.strip()]
    tail = [line.strip() for line in text[-2000:].split("\n") if line.strip()]
    for line in [*head[:_BYLINE_HEAD_LINES], *reversed(tail[-_BYLINE_TAIL_LINES:])]:
        names = _byline_names(line)
        if names is not None:
            return names
    return None


def _byline_names(line: str) -> str | None:
    if len(line) > _MAX_BYLINE_CHARS:
        return None
    match = _BYLINE.fullmatch(line)
    if match is None:
        return None
    names = match["names"].rstrip(" ,;:")
    if names.endswith(".") and not re.search(r"(?:\b[^\W\d_]|\bJr|\bSr)\.$", names):
        names = names[:-1]
    groups = [group.split() for group in _BYLINE_SEPARATOR.split(names)]
    if not groups or len(groups) > 4 or not 2 <= len(groups[0]) <= 5:
        return None
    if groups[0][0].lower() in _WEEKDAYS:
        return None
    for words in groups:
        if not 1 <= len(words) <= 5 or not all(_is_name_word(word) for word in words):
            return None
        if sum(1 for word in words if _is_capitalized(word)) < min(2, len(words)):
            return None
    return names


def _is_name_word(word: str) -> bool:
    return word.lower() in _NAME_PARTICLES or _is_capitalized(word)


def _is_capitalized(word: str) -> bool:
    if _NAME_WORD.fullmatch(word) is None:
        return False
    # "al-Hassan", "el-Sisi": the name proper follows a lowercase Arabic article.
    return _ARTICLE_PREFIX.sub("", word)[:1].isupper()


# --- language ----------------------------------------------------------------------------

# The commonest English function words, minus those frequent in other European languages
# ("a", "die", "on"), so that a French or German text scores low. A word list reads best
# as words, hence the split string.
_ENGLISH_FUNCTION_WORDS = frozenset(
    """
    the of and to in is that for it with as was he be by at this from or had not are but
    have they his which an were she her we their been has would there all when who will
    more no if out so up said what its about than into them can only other new some could
    these two may first then do any like my now over such our after also most made did
    many before must through back years where much your way well down should because each
    just those people how too being while us very under against last since during without
    between another around both among until
    """.split()  # noqa: SIM905
)
_LANGUAGE_SAMPLE_CHARS = 2000
_MIN_LANGUAGE_TOKENS = 8
# English prose runs at 35-50% function words, terse English notes ("On 16 March, Taliban
# militants attacked a post, killing 3") at 11-15%; other languages at under 10%.
_MIN_ENGLISH_SHARE = 0.10
_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str:
    """ "en" when ``text`` reads as English, else "und" (undetermined).

    A cheap check, so callers can warn about non-English text rather than fail on it.
    """
    words = _WORD.findall(text[:_LANGUAGE_SAMPLE_CHARS].lower())
    if len(words) < _MIN_LANGUAGE_TOKENS:
        return "und"
    hits = sum(1 for word in words if word in _ENGLISH_FUNCTION_WORDS)
    return "en" if hits >= _MIN_ENGLISH_SHARE * len(words) else "und"


def looks_english(text: str) -> bool:
    """Whether ``guess_language`` takes ``text`` for English."""
    return guess_language(text) == "en"
