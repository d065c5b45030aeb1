"""HTML pages in: main text, title, byline and date; boilerplate out; nothing fetched."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitreps.errors import BinaryInputError, EmptyInputError, InputError
from sitreps.ingest import read_path
from sitreps.ingest.html import fragment_text
from sitreps.types import Article

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Shelling kills three in Kherson | The Daily Example</title>
<meta property="article:published_time" content="2024-05-03T09:12:00+03:00">
<meta name="author" content="Jane Example">
<link rel="canonical" href="https://news.example.org/world/kherson-shelling">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Shelling kills three in Kherson</h1>
<p class="byline">By Jane Example</p>
<p>Russian shelling killed three people and wounded seven in the southern Ukrainian city of
Kherson on Friday morning, the regional governor said.</p>
<p>A bus stop and a market in the Dniprovskyi district were hit, he said on Telegram, adding
that two of the wounded were in a serious condition.</p>
<p>Kherson, on the right bank of the Dnipro river, is shelled almost daily from Russian
positions across the water.</p>
</article>
<aside><h2>Most read</h2><ul><li>Ten things to do this weekend</li></ul></aside>
<footer>Copyright 2024 The Daily Example. Cookie settings.</footer>
</body></html>
"""


def _read(path: Path, published: dt.date | None = None) -> Article | InputError:
    (item,) = list(read_path(path, published=published))
    return item


def test_a_page_gives_its_main_text_title_byline_and_date(tmp_path: Path) -> None:
    path = tmp_path / "kherson.html"
    path.write_text(PAGE, encoding="utf-8")
    article = _read(path, published=dt.date(2030, 1, 1))
    assert isinstance(article, Article)
    assert article.id == "kherson"
    assert article.title == "Shelling kills three in Kherson"
    assert article.byline == "Jane Example"
    assert article.published == dt.date(2024, 5, 3)  # the page's date, not the fallback
    assert article.url == "https://news.example.org/world/kherson-shelling"
    assert "killed three people and wounded seven" in article.text
    assert "Dniprovskyi district" in article.text
    for boilerplate in ("Home", "Most read", "Ten things", "Cookie"):
        assert boilerplate not in article.text
    assert article.language == "en"


def test_an_undated_page_takes_the_runs_date(tmp_path: Path) -> None:
    undated = PAGE.replace(
        '<meta property="article:published_time" content="2024-05-03T09:12:00+03:00">', ""
    )
    path = tmp_path / "page.htm"
    path.write_text(undated, encoding="latin-1")
    article = _read(path, published=dt.date(2024, 5, 4))
    assert isinstance(article, Article)
    assert article.published == dt.date(2024, 5, 4)


def test_a_page_of_boilerplate_only_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    error = _read(path)
    assert isinstance(error, EmptyInputError)
    assert error.source == str(path)


def test_binary_data_named_html_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "image.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert isinstance(_read(path), BinaryInputError)


def test_fragment_text_keeps_paragraphs_and_drops_scripts() -> None:
    html = (
        "<p>First <b>bold</b> line.</p><p>Second&nbsp;line<br>third &amp; last</p>"
        "<script>x()</script>"
    )
    assert fragment_text(html) == "First bold line.\nSecond line\nthird & last"
