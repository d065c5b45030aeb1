"""Article -> Result: parse once, run every extractor, assemble the events.

Article -> parsed doc -> mentions (numbers, casualties, weapons, dates, places, actors,
           quotes, attributions) -> sentences -> segments -> events
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .assemble.dating import main_dates
from .assemble.events import build_event
from .assemble.segments import Sentence, split
from .extract.actors import find_actors
from .extract.attributions import find_attributions
from .extract.casualties import find_casualties
from .extract.dates import find_dates
from .extract.places import find_places
from .extract.quotes import SpeakerIndex, find_quotes, quote_spans
from .extract.victims import find_victims
from .extract.weapons import find_weapons
from .focus import about_conflict, lede_end, plan
from .geo.gazetteer import default_gazetteer
from .ingest.text import guess_language
from .nlp.partial import annotate
from .nlp.pipeline import keep_text, load_nlp
from .types import Article, Event, Result

if TYPE_CHECKING:
    from spacy.tokens import Doc

PIPELINE = (
    "numbers.v1", "casualties.v1", "weapons.v1", "dates.v1", "places.v1", "actors.v1",
    "quotes.v1", "attributions.v1", "segments.v1", "events.v1",
)  # fmt: skip


def _sentences(doc: Doc, article: Article) -> list[Sentence]:
    text = article.text
    sentences: list[Sentence] = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        stripped = text[start:end].strip()
        if not stripped or (article.byline and article.byline in stripped and len(stripped) < 80):
            continue  # the byline names the writer, not an event
        paragraph = text.count("\n", 0, start)
        sentences.append(Sentence(index=len(sentences), start=start, end=end,
                                  paragraph=paragraph, text=text[start:end]))  # fmt: skip
    return sentences


def _bucket(sentences: Sequence[Sentence], items: Iterable[object], attr: str) -> None:
    starts = [s.start for s in sentences]
    for item in items:
        evidence = item.evidence  # type: ignore[attr-defined]
        i = bisect.bisect_right(starts, evidence.start) - 1
        if 0 <= i < len(sentences) and evidence.start < sentences[i].end:
            getattr(sentences[i], attr).append(item)


def parse_texts(texts: Sequence[str]) -> list[Doc]:
    """The docs the extractors read, as one batch: each text read as deep as ``focus.plan``
    finds it needs (the model runs only where an extractor would use what it finds)."""
    nlp, gazetteer = load_nlp(), default_gazetteer()
    docs = [keep_text(nlp.make_doc(text), text) for text in texts]
    return annotate(nlp, docs, [plan(doc, gazetteer=gazetteer) for doc in docs])


def extract_articles(articles: Sequence[Article]) -> list[Result]:
    """Everything sitreps reads in each article; the model parses them as one batch."""
    docs = parse_texts([a.text for a in articles])
    return [extract_article(a, doc=d) for a, d in zip(articles, docs, strict=True)]


def extract_article(article: Article, *, doc: Doc | None = None) -> Result:
    """Everything sitreps reads in one article (``doc``: its parse, when already made)."""
    warnings: list[str] = []
    language = guess_language(article.text)
    if language != "en":
        warnings.append("the text does not look like English; results may be empty or wrong")
    if article.published is None:
        warnings.append(
            "no published date: relative dates (weekdays, 'overnight', 'last week') stay unresolved"
        )
    if doc is None:
        doc = parse_texts([article.text])[0]
    sentences = _sentences(doc, article)
    spans = [(s.start, s.end) for s in sentences]
    text, aid = article.text, article.id
    places = find_places(doc, article_id=aid, gazetteer=default_gazetteer())
    casualties = find_casualties(text, spans, article_id=aid)
    stated = frozenset(c.field for c in casualties if c.number.value > 0)
    _bucket(sentences, casualties, "casualties")
    read = frozenset((c.number.start, c.number.end) for c in casualties)
    victims = find_victims(doc, article_id=aid, stated=stated, read=read)
    _bucket(sentences, victims, "casualties")
    _bucket(sentences, find_weapons(text, spans, article_id=aid), "weapons")
    _bucket(sentences, find_dates(text, article_id=aid, published=article.published), "dates")
    _bucket(sentences, places, "places")
    _bucket(sentences, find_actors(text, spans, article_id=aid), "actors")
    speakers = SpeakerIndex.build(doc, quote_spans(text))  # one index for quotes and claims
    _bucket(sentences, find_quotes(doc, article_id=aid, speakers=speakers), "quotes")
    _bucket(sentences, find_attributions(doc, article_id=aid, speakers=speakers), "attributions")
    events = _events(article, sentences)
    if any(e.date.precision == "unknown" and e.date.text for e in events):
        warnings.append("some event dates are relative and could not be resolved")
    return Result(
        article=article if language == article.language else _with_language(article, language),
        events=tuple(events),
        places=tuple(places),
        warnings=tuple(warnings),
    )


def _with_language(article: Article, language: str) -> Article:
    from dataclasses import replace

    return replace(article, language=language)


def _events(article: Article, sentences: Sequence[Sentence]) -> list[Event]:
    first = next((s for s in sentences if s.eventful), None)
    if first is None:
        return []
    lede = lede_end(article.text)
    if first.start >= lede and not about_conflict(article.text[:lede]):
        # A report tells its event first: a text that reaches violence only past its lede (a
        # review, a profile, market news recalling an attack or quoting a threat) reports none;
        # a lede on the war or the unrest is the background of a report's event.
        return []
    opening = main_dates(sentences, article.published)
    start = min((d.start for d in opening if d.start), default=article.published)
    end = max((d.end for d in opening if d.end), default=article.published)
    events: list[Event] = []
    for segment in split(sentences, start, end):
        if not segment.sentences:
            continue
        if segment.relation == "main":
            dates = opening
        elif segment.relation == "related":
            # A development told alongside the attack is of its days unless its opening dates it.
            dates = segment.sentences[0].dates[:1] or opening
        else:
            dates = [d for s in segment.sentences for d in s.dates][:1]
        main = events[0] if events and events[0].relation == "main" else None
        event = build_event(article, segment, dates=dates, like=main)
        if event is not None:
            events.append(event)
    return events
