"""Who a claim is attributed to, and through which channel.

Every speech act outside quote marks ("According to X, ...", "..., according to X",
"X said via Telegram", "X confirmed that ...", "X told Reuters") attributes the claims of
its sentence to a source: a person's full name (through the :class:`SpeakerIndex` the quote
extractor builds, so "Klitschko" and "he" become "Vitaliy Klitschko"), or the group it names
("Ukrainian officials", "the Health Ministry"). One attribution is made per field the
sentence speaks of (fatalities, injured, hospitalized, missing, weapons), or one for the
event when it speaks of none of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from spacy.tokens import Doc, Span, Token

from ..nlp.pipeline import doc_text
from ..types import AttributionMention, Evidence
from .quotes import (
    QuoteSpan,
    Speaker,
    SpeakerIndex,
    according_object,
    quote_spans,
    speaker_of,
    speech_ancestor,
    speech_verbs,
)

__all__ = ["FIELDS", "channel_of", "find_attributions", "sentence_fields"]

FIELDS: Final = ("fatalities", "injured", "hospitalized", "missing", "weapons")

_FIELD_LEMMAS: Final[dict[str, frozenset[str]]] = {
    "fatalities": frozenset(
        {"kill", "die", "dead", "death", "perish", "body", "fatality", "toll", "killed"}
    ),
    "injured": frozenset({"injure", "injured", "wound", "wounded", "hurt", "injury"}),
    "hospitalized": frozenset(
        {"hospitalize", "hospitalise", "hospitalized", "hospitalised", "hospitalization"}
    ),
    "missing": frozenset({"missing", "unaccounted"}),
    "weapons": frozenset({"drone", "missile", "rocket", "launch", "intercept"}),
}
# A named platform wins over the kind of message carried on it ("a statement on Telegram").
_PLATFORMS: Final[dict[str, str]] = {
    "telegram": "Telegram",
    "twitter": "X",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "youtube": "YouTube",
}
_MEDIA: Final[dict[str, str]] = {
    "statement": "statement",
    "television": "television",
    "tv": "television",
    "radio": "radio",
}
_CHANNEL_PREPS: Final = frozenset({"via", "on", "in", "through", "during", "at", "to"})
# How far after the verb a channel may sit and still belong to the evidence of the speech act.
_CHANNEL_REACH: Final = 6


def _field_words(token: Token) -> Iterator[str]:
    lemma, lower = token.lemma_.lower(), token.lower_
    for field, words in _FIELD_LEMMAS.items():
        if lemma in words or lower in words:
            yield field
    if lower in ("hospital", "hospitals") and any(
        t.lower_ in ("in", "to") for t in token.doc[max(token.i - 2, 0) : token.i]
    ):
        yield "hospitalized"  # "in hospital", "taken to the hospital", not "hit a hospital"
    if lemma == "shoot" and any(c.lower_ == "down" for c in token.children):
        yield "weapons"


def sentence_fields(sent: Span, *, skip: tuple[int, int] = (0, 0)) -> list[str]:
    """The fields a sentence speaks of, in FIELDS order, or ``["event"]``.

    Words within the character span ``skip`` (the source's own name) are not read.
    """
    found = {
        field
        for token in sent
        if not skip[0] <= token.idx < skip[1]
        for field in _field_words(token)
    }
    return [f for f in FIELDS if f in found] or ["event"]


def _channel_in(node: Token) -> str | None:
    platform = medium = None
    for token in node.subtree:
        lower = token.lower_
        if lower in _PLATFORMS:
            platform = platform or _PLATFORMS[lower]
        elif token.text == "X" and token.dep_ == "pobj" and token.head.i == node.i:
            platform = platform or "X"  # "on X", never a stray capital X elsewhere
        elif lower in _MEDIA:
            medium = medium or _MEDIA[lower]
        elif lower in ("conference", "briefing") and any(
            c.lower_ in ("press", "news") for c in token.children
        ):
            medium = medium or "press conference"
    return platform or medium


def channel_of(verb: Token) -> tuple[str | None, Token | None]:
    """The medium a speech act went through, and the phrase that names it."""
    if verb.lower_ == "according":
        obj = according_object(verb)
        return (None, None) if obj is None else (_channel_in(obj), None)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _CHANNEL_PREPS:
            channel = _channel_in(child)
        elif child.dep_ in ("dobj", "dative") and verb.lemma_ == "tell":
            channel = _channel_in(child)  # "told state television"; "told Reuters" is an outlet
        else:
            continue
        if channel is not None:
            return channel, child
    return None, None


def _evidence_span(verb: Token, speaker: Speaker, channel: Token | None) -> tuple[int, int]:
    doc = verb.doc
    if verb.lower_ == "according":
        obj = according_object(verb)
        last = verb if obj is None else obj.right_edge
        while last.is_punct and last.i > verb.i:
            last = doc[last.i - 1]
        return int(verb.idx), int(last.idx + len(last))
    start = min(speaker.start, int(verb.idx))
    end = max(speaker.end, int(verb.idx + len(verb)))
    if channel is not None and channel.i - verb.i <= _CHANNEL_REACH:
        last = channel.right_edge
        end = max(end, int(last.idx + len(last)))
    return start, end


def _sentence_attributions(
    sent: Span, index: SpeakerIndex, quoted: list[QuoteSpan], article_id: str
) -> Iterator[AttributionMention]:
    seen: set[tuple[str, str]] = set()
    for verb in speech_verbs(sent, quoted):
        if speech_ancestor(verb) is not None:  # the same act as the verb it continues
            continue
        speaker = speaker_of(verb, index)
        if speaker is None:
            continue
        channel, phrase = channel_of(verb)
        start, end = _evidence_span(verb, speaker, phrase)
        evidence = Evidence.of(article_id, doc_text(verb.doc), start, end)
        for field in sentence_fields(sent, skip=(speaker.start, speaker.end)):
            if (speaker.name, field) in seen:
                continue
            seen.add((speaker.name, field))
            yield AttributionMention(
                evidence=evidence, source=speaker.name, channel=channel, field=field
            )


def find_attributions(
    doc: Doc, *, article_id: str, speakers: SpeakerIndex | None = None
) -> list[AttributionMention]:
    """Every attributed claim in ``doc``: its source, channel, field and evidence.

    ``speakers`` is the doc's :class:`SpeakerIndex` when the caller already built it.
    """
    quoted = quote_spans(doc_text(doc))
    index = SpeakerIndex.build(doc, quoted) if speakers is None else speakers
    return [
        mention
        for sent in doc.sents
        for mention in _sentence_attributions(sent, index, quoted, article_id)
    ]
