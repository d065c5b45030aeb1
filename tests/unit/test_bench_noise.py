"""The noise fields: events on texts that tell none, main events on headlines that tell one."""

from __future__ import annotations

from pathlib import Path

from bench.datasets import Document
from bench.noise import load_geovirus_texts, load_ucdp_headlines, noise_fields

_XML = """<articles>
<article><text>Flu cases rose in the north.</text></article>
<article><text>  </text></article>
<article><text>A clinic opened.</text></article>
</articles>"""
_CSV = (
    "id,source_headline,date_start\n"
    "1,Debaltseve,1/22/2014\n"
    '2,"Kyiv;Shelling kills two in Donetsk, officials say",2/18/2014\n'
)


def test_geovirus_texts_skip_empty_articles(tmp_path: Path) -> None:
    (tmp_path / "geo").mkdir()
    (tmp_path / "geo" / "GeoVirus.xml").write_text(_XML, encoding="utf-8")
    docs = load_geovirus_texts(tmp_path)
    assert [d.text for d in docs] == ["Flu cases rose in the north.", "A clinic opened."]


def test_ucdp_headlines_take_the_first_with_words(tmp_path: Path) -> None:
    (tmp_path / "ucdp").mkdir()
    (tmp_path / "ucdp" / "ucdp_ged_ukraine_2014-2023.csv").write_text(_CSV, encoding="utf-8")
    (doc,) = load_ucdp_headlines(tmp_path, sample=None)
    assert doc.text == "Shelling kills two in Donetsk, officials say"
    assert doc.published == "2014-02-18"


def test_quiet_share_counts_documents_with_no_event() -> None:
    quiet = [Document(id="a", text="x"), Document(id="b", text="y")]
    told = [Document(id="c", text="z"), Document(id="d", text="w")]
    event = {"relation": "main", "sub_event_type": "Armed clash"}
    background = {"relation": "background", "sub_event_type": "Attack"}
    quiet_field, told_field = noise_fields(
        quiet,
        {"a": {"events": [background]}, "b": {"events": []}},
        told,
        {"c": {"events": [event]}, "d": {"events": [background]}},
    )
    assert (quiet_field.name, quiet_field.score, quiet_field.n) == ("noise.quiet_share", 0.5, 2)
    assert (told_field.name, told_field.score) == ("ucdp.headline.event_share", 0.5)
