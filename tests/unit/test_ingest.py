"""Ingest: bytes and files in, Articles (or one InputError per bad document) out."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sitreps import ingest
from sitreps.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    MalformedLineError,
    MissingFieldError,
    TooLargeError,
)
from sitreps.ingest import (
    MAX_DOCUMENT_BYTES,
    decode_bytes,
    find_byline,
    guess_language,
    iter_jsonl,
    looks_english,
    parse_jsonl_line,
    read_path,
    read_text_file,
)
from sitreps.types import Article

ENGLISH = (
    "Russian forces launched a massive drone and missile attack on Kyiv late Monday, killing"
    " at least 14 people and injuring dozens more, officials said. The attack, which lasted"
    " for hours into the early morning of Tuesday, was one of the largest on the capital"
    " since the start of the war."
)
FRENCH = (
    "Les forces russes ont lancé une attaque massive de drones et de missiles sur Kiev lundi"
    " soir, tuant au moins 14 personnes et en blessant des dizaines d'autres, selon les"
    " autorités. L'attaque a été l'une des plus importantes contre la capitale depuis le"
    " début de la guerre."
)
UKRAINIAN = (
    "Російські війська в понеділок увечері завдали масованого удару дронами та ракетами по"
    " Києву, внаслідок чого загинули щонайменше 14 людей, ще десятки отримали поранення."
)


def articles(items: list[Article | InputError]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


# --- decode_bytes and read_text_file -------------------------------------------------------


def test_empty_file_is_an_empty_input_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyInputError) as caught:
        read_text_file(path)
    assert caught.value.source == str(path)


def test_blank_file_is_an_empty_input_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \r\n\t\n   \n")
    with pytest.raises(EmptyInputError):
        read_text_file(path)


def test_png_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(0).randbytes(2048))
    with pytest.raises(BinaryInputError, match="PNG"):
        read_text_file(path)


def test_gzip_is_binary() -> None:
    with pytest.raises(BinaryInputError, match="gzip"):
        decode_bytes(gzip.compress(ENGLISH.encode()), source="x.txt.gz")


def test_random_bytes_without_nul_or_signature_are_binary() -> None:
    data = bytes(b for b in random.Random(1).randbytes(4096) if b)
    with pytest.raises(BinaryInputError, match="control bytes"):
        decode_bytes(data, source="noise")


def test_utf16_without_bom_is_refused_with_advice() -> None:
    with pytest.raises(BinaryInputError, match="byte-order mark"):
        decode_bytes("Kyiv was attacked.".encode("utf-16-le"), source="x")


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "western.txt"
    path.write_bytes("café – déjà".encode("cp1252"))
    assert read_text_file(path).text == "café – déjà"


def test_latin1_text_is_decoded() -> None:
    assert decode_bytes("Ça a été un été à Besançon".encode("latin-1"), source="x") == (
        "Ça a été un été à Besançon"
    )


def test_cyrillic_code_page_is_not_taken_for_western_text() -> None:
    text = "Київ зазнав масованої атаки вночі, повідомили у міській адміністрації."
    assert decode_bytes(text.encode("cp1251"), source="x") == text


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Kyiv – déjà vu\r\nline two".encode("utf-16"))
    assert read_text_file(path).text == "Kyiv – déjà vu\nline two"


def test_utf32_with_bom() -> None:
    assert decode_bytes("Київ".encode("utf-32"), source="x") == "Київ"


def test_utf16_bom_before_garbage_is_an_encoding_error() -> None:
    with pytest.raises(EncodingError, match="UTF-16"):
        decode_bytes(b"\xff\xfe" + b"a\x00\x00\xd8", source="x")


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfKyiv was attacked.")
    assert read_text_file(path).text == "Kyiv was attacked."


def test_newlines_are_normalized_and_nothing_else_changes() -> None:
    raw = "  Title \r\n\r\nFirst line.\rSecond\tline.\n\u00a0end  "
    assert decode_bytes(raw.encode(), source="x") == (
        "  Title \n\nFirst line.\nSecond\tline.\n\u00a0end  "
    )


def test_too_large_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(9_000_000)  # sparse: the test writes 9 MB without the I/O

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened before its size was checked")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(TooLargeError) as caught:
        read_text_file(path)
    assert f"{MAX_DOCUMENT_BYTES:,} bytes" in caught.value.message
    assert caught.value.source == str(path)


def test_too_large_bytes_are_refused() -> None:
    with pytest.raises(TooLargeError, match="limit"):
        decode_bytes(b"a" * (MAX_DOCUMENT_BYTES + 1), source="x")


def test_too_many_characters_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sitreps.ingest.text.MAX_DOCUMENT_CHARS", 10)
    with pytest.raises(TooLargeError, match="10 characters"):
        decode_bytes(("Київ " * 3).encode(), source="x")


def test_text_file_article(tmp_path: Path) -> None:
    path = tmp_path / "kyiv-strike.txt"
    path.write_text(f"Kyiv strike\nWritten By Rodney Mbua\n\n{ENGLISH}\n", encoding="utf-8")
    article = read_text_file(path, published=dt.date(2025, 6, 17))
    assert article.id == "kyiv-strike"
    assert article.published == dt.date(2025, 6, 17)
    assert article.byline == "Rodney Mbua"
    assert article.language == "en"
    assert article.text.endswith(ENGLISH + "\n")


@given(
    st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n\r"))
)
def test_utf8_round_trips(text: str) -> None:
    # A leading U+FEFF is indistinguishable from a BOM, and a PDF signature from a PDF.
    assume(not text.startswith(("\ufeff", "%PDF-")))
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    if not expected.strip():
        with pytest.raises(EmptyInputError):
            decode_bytes(text.encode("utf-8"), source="x")
    else:
        assert decode_bytes(text.encode("utf-8"), source="x") == expected


# --- language ------------------------------------------------------------------------------


def test_english_is_english() -> None:
    assert guess_language(ENGLISH) == "en"
    assert looks_english(ENGLISH)


@pytest.mark.parametrize("text", [FRENCH, UKRAINIAN], ids=["french", "ukrainian"])
def test_other_languages_are_not_english(text: str) -> None:
    assert guess_language(text) != "en"
    assert not looks_english(text)


def test_too_little_text_is_undetermined() -> None:
    assert guess_language("Kyiv") == "und"


def test_non_english_file_is_read_and_tagged(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(FRENCH, encoding="utf-8")
    assert read_text_file(path).language == "und"


# --- bylines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Written By Rodney Mbua", "Rodney Mbua"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("By JANE DOE, Reuters", "JANE DOE, Reuters"),
        ("BY: Maria de la Cruz | AP", "Maria de la Cruz | AP"),
        ("By Ahmed al-Hassan.", "Ahmed al-Hassan"),
        ("By J. R. Smith Jr.", "J. R. Smith Jr."),
        ("by Olena Kovalenko & Jean-Pierre Dupont", "Olena Kovalenko & Jean-Pierre Dupont"),
    ],
)
def test_byline_at_the_start(line: str, names: str) -> None:
    assert find_byline(f"Kyiv strike kills 14\n{line}\n\n{ENGLISH}") == names


def test_byline_at_the_end() -> None:
    assert find_byline(f"{ENGLISH}\n\nBy Jane Doe\n") == "Jane Doe"


@pytest.mark.parametrize(
    "text",
    [
        f"By Tuesday the toll had risen to 28.\n{ENGLISH}",
        f"By Tuesday Morning\n{ENGLISH}",
        f"By air and by sea\n{ENGLISH}",
        f"By Jane\n{ENGLISH}",
        f"By Jane Doe in Kyiv, where the strikes continued through the night\n{ENGLISH}",
        f"{ENGLISH}\nJane Doe\n",
        "\n".join(["Title", *["Paragraph of text."] * 8, "By Jane Doe", *[ENGLISH] * 5]),
        ENGLISH,
    ],
    ids=["sentence", "weekday", "lowercase", "one-name", "long", "no-by", "middle", "none"],
)
def test_no_byline(text: str) -> None:
    assert find_byline(text) is None


# --- JSON Lines ----------------------------------------------------------------------------


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def doc(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_malformed_line_among_good_ones(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "docs.jsonl",
        [
            doc(id="a1", text=ENGLISH),
            "",
            '{"id": "a2", "text": "truncated',
            doc(id="a3", text=FRENCH),
        ],
    )
    items = list(iter_jsonl(path))
    assert len(items) == 3
    first, bad, last = items
    assert isinstance(first, Article) and first.id == "a1"
    assert isinstance(bad, MalformedLineError)
    assert bad.source == f"{path}:3"
    assert str(bad).startswith(f"{path}:3: ")
    assert isinstance(last, Article) and last.id == "a3" and last.language == "und"


@pytest.mark.parametrize(
    ("line", "error", "message"),
    [
        (doc(id="a1"), MissingFieldError, "no field 'text'"),
        (doc(text=ENGLISH), MissingFieldError, "no field 'id'"),
        (doc(id="", text=ENGLISH), MissingFieldError, "'id' is empty"),
        (doc(id="a1", text=""), MissingFieldError, "'text' is empty"),
        (doc(id="a1", text=14), MissingFieldError, "'text' must be a string, not a number"),
        (doc(id="a1", text=None), MissingFieldError, "'text' must be a string, not null"),
        (doc(id="a1", text=" \n "), EmptyInputError, "whitespace"),
        (doc(id="a1", text=ENGLISH, title=["x"]), MalformedLineError, "'title'"),
        ('["a1", "text"]', MalformedLineError, "not a JSON object"),
        ("{'id': 'a1'}", MalformedLineError, "not valid JSON"),
        ("[" * 100_000, MalformedLineError, "not valid JSON"),
        ('{"id": "a1", "text": "half \\ud800 a pair"}', MalformedLineError, "surrogate"),
    ],
    ids=[
        "no-text",
        "no-id",
        "empty-id",
        "empty-text",
        "number-text",
        "null-text",
        "blank-text",
        "bad-title",
        "array",
        "python-dict",
        "deep-nesting",
        "lone-surrogate",
    ],
)
def test_bad_line(line: str, error: type[InputError], message: str) -> None:
    with pytest.raises(error, match=message) as caught:
        parse_jsonl_line(line, source="docs.jsonl:7")
    assert caught.value.source == "docs.jsonl:7"


def test_bad_lines_are_yielded_not_raised(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "docs.jsonl",
        [doc(id="a1"), doc(id="a2", text=3), doc(id="a3", text=ENGLISH)],
    )
    items = list(iter_jsonl(path))
    assert [type(item) for item in items] == [MissingFieldError, MissingFieldError, Article]
    assert [item.source for item in items[:2] if isinstance(item, InputError)] == [
        f"{path}:1",
        f"{path}:2",
    ]


def test_bad_published_names_the_field_and_value() -> None:
    with pytest.raises(InputError) as caught:
        parse_jsonl_line(doc(id="a1", text=ENGLISH, published="last Tuesday"), source="d:1")
    assert "'published'" in caught.value.message
    assert "last Tuesday" in caught.value.message


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2025-06-17", dt.date(2025, 6, 17)),
        ("2025-06-17T08:30:00Z", dt.date(2025, 6, 17)),
        ("2025-06-17T23:30:00-05:00", dt.date(2025, 6, 17)),
        ("2025-06-17 08:30", dt.date(2025, 6, 17)),
        (None, None),
    ],
)
def test_published(published: str | None, expected: dt.date | None) -> None:
    article = parse_jsonl_line(doc(id="a1", text=ENGLISH, published=published), source="d:1")
    assert article.published == expected


def test_optional_fields() -> None:
    line = doc(id=17, text="By Jane Doe\r\n" + ENGLISH, title="Strike", url="https://x.test/a")
    article = parse_jsonl_line(line, source="d:1")
    assert article.id == "17"
    assert article.title == "Strike"
    assert article.url == "https://x.test/a"
    assert article.byline == "Jane Doe"
    assert article.text == "By Jane Doe\n" + ENGLISH


def test_jsonl_text_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sitreps.ingest.jsonl.MAX_DOCUMENT_CHARS", 100)
    path = write_lines(tmp_path / "docs.jsonl", [doc(id="a1", text="x" * 101)])
    (item,) = iter_jsonl(path)
    assert isinstance(item, TooLargeError)
    assert "100" in item.message


def test_overlong_line_is_skipped_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sitreps.ingest.jsonl._MAX_LINE_BYTES", 1000)
    path = write_lines(
        tmp_path / "docs.jsonl",
        [doc(id="a1", text="x" * 5000), doc(id="a2", text=ENGLISH[:900])],
    )
    first, second = iter_jsonl(path)
    assert isinstance(first, TooLargeError) and first.source == f"{path}:1"
    assert isinstance(second, Article) and second.id == "a2"


def test_jsonl_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + doc(id="a1", text=ENGLISH).encode() + b"\r\n")
    (item,) = iter_jsonl(path)
    assert isinstance(item, Article) and item.id == "a1"


def test_jsonl_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(doc(id="a1", text="café").encode("cp1252") + b"\n")
    (item,) = iter_jsonl(path)
    assert isinstance(item, MalformedLineError) and "UTF-8" in item.message


def test_binary_jsonl_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + b"\n" * 50)
    assert [type(item) for item in iter_jsonl(path)] == [BinaryInputError]


def test_jsonl_without_documents(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "docs.jsonl", ["", "   "])
    (item,) = iter_jsonl(path)
    assert isinstance(item, EmptyInputError) and item.source == str(path)


# --- read_path -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["report.txt", "REPORT.TXT", "report"])
def test_read_path_text(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(ENGLISH, encoding="utf-8")
    (item,) = read_path(path, published=dt.date(2025, 6, 17))
    assert isinstance(item, Article)
    assert item.id == path.stem
    assert item.published == dt.date(2025, 6, 17)


def test_read_path_text_error_is_yielded(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    (item,) = read_path(path)
    assert isinstance(item, EmptyInputError) and item.source == str(path)


def test_read_path_jsonl_keeps_its_own_dates(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "docs.jsonl",
        [doc(id="a1", text=ENGLISH, published="2025-06-16"), doc(id="a2", text=ENGLISH)],
    )
    items = articles(list(read_path(path, published=dt.date(2025, 6, 17))))
    assert [item.published for item in items] == [dt.date(2025, 6, 16), None]


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("folder", "dir", "a folder with no file sitreps reads"),
        ("report.pdf", "file", "unsupported file type '.pdf'"),
    ],
)
def test_read_path_cannot_read(tmp_path: Path, name: str, make: str | None, message: str) -> None:
    path = tmp_path / name
    if make == "dir":
        path.mkdir()
    elif make == "file":
        path.write_bytes(b"%PDF-1.7")
    (item,) = read_path(path)
    assert isinstance(item, InputError)
    assert message in item.message
    assert item.source == str(path)


def test_unsupported_suffix_lists_the_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "page.docx"
    path.write_bytes(b"PK\x03\x04")
    (item,) = read_path(path)
    assert isinstance(item, InputError)
    assert ".jsonl" in item.message and ".txt" in item.message


def test_all_lists_exactly_the_public_names() -> None:
    public = {
        name
        for name, value in vars(ingest).items()
        if not name.startswith("_")
        and (name.isupper() or getattr(value, "__module__", "").startswith("sitreps.ingest"))
    }
    assert sorted(ingest.__all__) == sorted(public)


def test_terse_english_notes_are_english() -> None:
    note = (
        "On 4 June 2021, rebel fighters attacked an army post, killing 3 soldiers and "
        "injuring 5, in Kidal district, Kidal."
    )
    assert guess_language(note) == "en"
    german = (
        "Die Regierung hat am Dienstag angekündigt, dass die Verhandlungen in der nächsten "
        "Woche in der Hauptstadt fortgesetzt werden, teilte das Ministerium mit."
    )
    assert guess_language(german) == "und"
