"""The tokenizer's one rule on top of spaCy's: a full stop glued to what follows it."""

from __future__ import annotations

import pytest

from sitreps.nlp.pipeline import load_nlp


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("a sit-in in Bamako.[size=large]", ["Bamako", ".", "[size"]),
        ("shelled in Gao.The army said", ["Gao", ".", "The"]),
        ("killed near Kidal.(AFP)", ["Kidal", ".", "(AFP"]),
    ],
)
def test_a_glued_full_stop_ends_the_word(text: str, tokens: list[str]) -> None:
    words = [t.text for t in load_nlp().tokenizer(text)]
    assert words[words.index(tokens[0]) : words.index(tokens[0]) + 3] == tokens


@pytest.mark.parametrize("word", ["www.example.com", "U.S.Army", "e.g.", "Mr."])
def test_abbreviations_and_addresses_stay_whole(word: str) -> None:
    assert word in [t.text for t in load_nlp().tokenizer(f"see {word} here")]
