"""The store side of the benchmark (bench/ingest.py): token F1 and merge scoring, by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `bench/` sits beside `src/`, outside the installed package
    sys.path.insert(0, str(ROOT))

from bench.ingest import (  # noqa: E402
    final_tolls,
    merge_fields,
    read_multireport,
    token_f1,
    token_scores,
    tokens,
)

# --- tokens --------------------------------------------------------------------------------


def test_tokens_are_lowercased_words_without_punctuation() -> None:
    assert tokens("Kyiv's 3-storey block, HIT!") == ["kyiv", "s", "3", "storey", "block", "hit"]
    assert tokens("Über Mariupol: 1,200") == ["über", "mariupol", "1", "200"]
    assert tokens(" \n\t—…") == []


# --- token F1 ------------------------------------------------------------------------------


def test_identical_texts_score_one_whatever_the_case_and_punctuation() -> None:
    assert token_f1("Twelve people were killed.", "twelve PEOPLE were killed") == 1.0


def test_extra_words_cost_precision_only() -> None:
    # gold 4 words, predicted 8 words, all 4 gold words found -> P 1/2, R 1, F1 2/3
    precision, recall, f1 = token_scores(
        "missile hit the city", "menu home missile hit the city share subscribe"
    )
    assert (precision, recall) == (0.5, 1.0)
    assert f1 == pytest.approx(2 / 3)


def test_missed_words_cost_recall_only() -> None:
    # gold 5 words, predicted 2 of them -> P 1, R 2/5, F1 2*0.4/1.4
    precision, recall, f1 = token_scores("a strike on the port", "strike port")
    assert (precision, recall) == (1.0, 0.4)
    assert f1 == pytest.approx(0.8 / 1.4)


def test_words_count_as_a_multiset() -> None:
    # gold: the x2, dead x1; predicted: the x3 -> 2 in common; P 2/3, R 2/3
    precision, recall, f1 = token_scores("the the dead", "the the the")
    assert precision == pytest.approx(2 / 3)
    assert recall == pytest.approx(2 / 3)
    assert f1 == pytest.approx(2 / 3)


def test_word_order_does_not_matter() -> None:
    assert token_f1("one two three", "three two one") == 1.0


def test_empty_sides() -> None:
    assert token_f1("", "") == 1.0
    assert token_f1("...", "!") == 1.0  # no words on either side
    assert token_f1("some article text", "") == 0.0
    assert token_f1("", "navigation only") == 0.0
    assert token_f1("alpha beta", "gamma delta") == 0.0


# --- merge ---------------------------------------------------------------------------------


def test_pairwise_merge_scores_and_reasons() -> None:
    gold = {"a1": "x", "a2": "x", "a3": "x", "b1": "y", "b2": "y"}
    # a3 split off alone, b1 joined x's event, b2 found no main event.
    predicted = {"a1": "E1", "a2": "E1", "a3": "E2", "b1": "E1"}
    precision_field, recall_field, *_ = merge_fields(gold, predicted, None)
    # gold pairs: a1a2 a1a3 a2a3 b1b2; predicted pairs: a1a2 a1b1 a2b1 -> 1 right
    assert precision_field.name == "merge.pairwise_precision"
    assert precision_field.score == pytest.approx(1 / 3)
    assert recall_field.name == "merge.pairwise_recall"
    assert recall_field.score == pytest.approx(1 / 4)
    reasons = {item.doc_id: item.confusion for item in recall_field.items}
    assert reasons["a3"] == "split from its own event's reports"
    assert reasons["b1"] == "joined another event's reports and split from its own"
    assert reasons["b2"] == "no main event"
    assert reasons["a1"] == "joined another event's reports and split from its own"


def test_a_perfect_merge_scores_one() -> None:
    gold = {"a1": "x", "a2": "x", "b1": "y"}
    fields = merge_fields(gold, {"a1": "E1", "a2": "E1", "b1": "E2"}, None)
    assert [f.score for f in fields[:2]] == [1.0, 1.0]
    assert all(item.hit for item in fields[0].items)


def test_final_tolls_are_read_from_the_store_test_and_the_gold_is_stripped() -> None:
    tolls = final_tolls()
    assert tolls is not None
    assert tolls["dnipro-2023-01-14"] == 46
    reports, gold = read_multireport(ROOT / "tests" / "data" / "multireport.jsonl")
    assert set(tolls) == set(gold.values())
    assert all("gold_event" not in r for r in reports)
    assert len(reports) == len(gold) == 34
