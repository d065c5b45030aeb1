"""Where the model's time goes: the paragraphs that may tell an event get the full parse, the
sentences that may name a place the entity recognizer, the rest the tokenizer alone.

Parsing is most of what extraction costs, and most of a long page is not about violence: a
review, a recipe, a profile, or the background paragraphs around an attack. Which text needs
which reading is decided from the words alone, before the model runs:

- read in full (tags, parse, entities), in a report that tells an event in its lede (its
  first ``LEDE`` paragraphs): every paragraph with a word the event typing or the casualty
  counts start from (victims, quotes and sources are read from its parse), every paragraph
  that quotes someone, since the quotes belong to the event, and the opening sentence, which
  the learned typing may take for the event without such a word. A report tells its event
  first: a text that reaches violence only further down (a review, a profile, an analysis
  recalling an attack) is not a report of it, and gets no event at all (``lede_end``: the
  pipeline reports an event only when its first eventful sentence lies in the lede, or when
  the lede is about war or unrest, the background of a report that tells its event later);
- any other sentence goes to the entity recognizer only if it may name a place
  (``place_cues``: the recognizer's labels decide which capitalized names are places), and
  is otherwise only tokenized and split into sentences by its punctuation. The recognizer
  reads only the sentence's capitalized names, each with four words of context on each side
  (as far as it looks): on the development pages, it labels them as it does reading the
  whole sentence, at less than three quarters of the tokens.

A text that is one paragraph, as most short reports are, is read in full whatever it says, so
it is parsed exactly as before. Paragraphs end at a blank line or at a line break after the
end of a sentence, so that text wrapped at a fixed width is not cut mid-sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from .assemble.prefilter import Prefilter
from .assemble.typing import classify
from .extract.casualties import CASUALTY_WORDS
from .extract.places import name_runs, place_cues
from .geo.gazetteer import Gazetteer
from .nlp.partial import MARGIN, Depth, Stretch, whole
from .nlp.pipeline import doc_text, doc_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["LEDE", "about_conflict", "lede_end", "plan", "tells_event"]

# The paragraphs that open a report, where it tells the event it reports.
LEDE = 3

_MAY_COUNT = Prefilter([CASUALTY_WORDS])
_QUOTE_MARK = re.compile(r"[\"“”]")
_SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})
# A paragraph's end in raw text, as ``_paragraphs`` finds it in tokens: a blank line, or a line
# break after end punctuation (and the quote marks or brackets that close on it).
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n\s*|(?:[.!?…:][\"”’')\]»]*)[ \t]*\n\s*")


def tells_event(text: str) -> bool:
    """Whether ``text`` has a word an event of ACLED's violent or protest types is found by
    (violence, a casualty, a protest or other kind the typing rules know)."""
    casualty = _MAY_COUNT.may_match(text) and CASUALTY_WORDS.search(text)
    return bool(casualty or classify(text) is not None)


# Words that make a lede about war or unrest: the background of a report whose event comes
# after it ("On the 500th day of the war, ..."), which a review or market news never opens with.
_TOPIC_WORDS = 2
_CONFLICT_TOPIC = re.compile(
    r"\b(?:wars?|warfare|conflict|fighting|military|army|armed\s+forces|troops|soldiers|militants"
    r"|rebels|insurgen\w+|jihadists?|militias?|front\s*lines?|ceasefire|truce|invasion|offensive"
    r"|occupation|protests?|protesters|demonstrat\w+|unrest|riots?|security\s+forces|airstrikes?"
    r"|shelling|bombardment|massacre|terrorists?|siege)\b",
    re.IGNORECASE,
)


def about_conflict(text: str) -> bool:
    """Whether a lede's words are those of war or unrest: two of them at least (see
    ``_CONFLICT_TOPIC``), since one alone is as often a figure of speech ("a trade truce",
    "Star Wars", "military aid")."""
    return len({m.group().lower() for m in _CONFLICT_TOPIC.finditer(text)}) >= _TOPIC_WORDS


def lede_end(text: str) -> int:
    """Where the lede of ``text`` ends: the offset after its first ``LEDE`` paragraphs with
    words, or the text's length when it has no more. A report tells its event there."""
    said, start = 0, 0
    for match in _PARAGRAPH_END.finditer(text):
        if text[start : match.start()].strip():
            said += 1
            if said >= LEDE:
                return match.end()
        start = match.end()
    return len(text)


def plan(doc: Doc, *, gazetteer: Gazetteer) -> list[Stretch]:
    """How deep to read each part of ``doc`` (tokenized only), in token order."""
    tokens = doc_tokens(doc)  # one Token object each, not one per look
    words = [token.text for token in tokens]
    paragraphs = list(_paragraphs(words))
    if len(paragraphs) <= 1:
        return whole(doc)
    text = doc_text(doc)
    texts = [text[tokens[start].idx : tokens[end - 1].idx + len(words[end - 1])]
             for start, end in paragraphs]  # fmt: skip
    readings = _readings(texts)
    if all(r == "full" for r in readings):
        return whole(doc)
    cues = place_cues(doc, gazetteer)
    stretches: list[Stretch] = []

    def add_full(start: int, end: int) -> None:
        if stretches and stretches[-1].depth == "full":
            start = stretches.pop().start  # one stretch for neighbouring paragraphs
        stretches.append(Stretch(start, end, "full"))

    for (start, end), reading in zip(paragraphs, readings, strict=True):
        if reading == "full":
            add_full(start, end)
            continue
        for first, last in _sentences(words, start, end):
            if reading == "opening":
                add_full(first, last)
                reading = "partial"
                continue
            k = bisect.bisect_left(cues, first)
            depth: Depth = "entities" if k < len(cues) and cues[k] < last else "tokens"
            if stretches and stretches[-1].depth == depth:
                # Sentences of one depth in a row are read together, in each other's context.
                prev = stretches.pop()
                stretches.append(Stretch(prev.start, last, depth, (*prev.sentences, first)))
            else:
                stretches.append(Stretch(first, last, depth, (first,)))
    names = name_runs(doc)
    return [_with_windows(s, names) if s.depth == "entities" else s for s in stretches]


def _with_windows(stretch: Stretch, names: Sequence[tuple[int, int]]) -> Stretch:
    """``stretch`` with the recognizer reading only its names (capitalized runs, where the
    entities it labels are): it labels a word by the few words around it (its receptive
    field is four tokens on each side, as ``MARGIN`` reads), so the rest of a sentence adds
    little to a name's label. Names closer than two margins are read together."""
    windows: list[tuple[int, int]] = []
    for start, end in names:
        if not stretch.start <= start < stretch.end:
            continue
        end = min(end, stretch.end)
        if windows and start - windows[-1][1] <= 2 * MARGIN:
            previous = windows.pop()
            start, end = previous[0], max(previous[1], end)
        windows.append((start, end))
    return replace(stretch, windows=tuple(windows))


# How each paragraph is read: "full"; "opening", its first sentence in full and the rest as
# "partial", sentence by sentence as they need (entities where a place may be named).
_Reading = Literal["full", "opening", "partial"]


def _readings(texts: Sequence[str]) -> list[_Reading]:
    told = [tells_event(text) for text in texts]
    said = [i for i, text in enumerate(texts) if text.strip()]
    opening = said[0] if said else 0
    # Parsed only in a report, one whose lede tells an event: see the module docstring.
    reporting = any(told[i] for i in said[:LEDE])
    readings: list[_Reading] = []
    for i, text in enumerate(texts):
        if reporting and (told[i] or _QUOTE_MARK.search(text)):
            readings.append("full")
        else:
            readings.append("opening" if reporting and i == opening else "partial")
    return readings


def _paragraphs(words: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Token ranges of the paragraphs (``words``: the doc's token texts), each with the line
    break that ends it: a blank line, or a line break after the end of a sentence (text
    wrapped at a fixed width breaks lines inside sentences too)."""
    start = 0
    for i, word in enumerate(words):
        breaks = "\n" in word and i > start and word.isspace()
        if breaks and (word.count("\n") > 1 or _ends_sentence(words, start, i)):
            yield start, i + 1
            start = i + 1
    if start < len(words):
        yield start, len(words)


def _ends_sentence(words: Sequence[str], start: int, end: int) -> bool:
    """Whether tokens [start, end) end with end punctuation (quote marks may close on it)."""
    i = end - 1
    while i > start and (words[i] in _CLOSERS or words[i].isspace()):
        i -= 1
    return words[i] in _SENTENCE_END or words[i][-1:] in ".!?:"


def _sentences(words: Sequence[str], start: int, end: int) -> Iterator[tuple[int, int]]:
    """Token ranges of the sentences of a paragraph, split after end punctuation (and the
    quote marks or brackets that close on it) where more words follow."""
    first, i = start, start
    while i < end:
        if words[i] in _SENTENCE_END:
            i += 1
            while i < end and (words[i] in _CLOSERS or words[i].isspace()):
                i += 1
            if i < end:
                yield first, i
                first = i
            continue
        i += 1
    if first < end:
        yield first, end
