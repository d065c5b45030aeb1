"""Split a report's sentences among the events it tells: main, background and related.

The first violent sentence opens the main event. A violent sentence dated clearly before the
main event ("In April, similar strikes killed 12") opens a background event; a sentence about
a non-violent development (a summit, a visit) opens a related one. Either kind runs on through
the following sentences of its paragraph until a sentence that is violent again or is dated on
the main event's days. Everything else belongs to the main event, so a figure never leaves the
event whose sentence states it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..types import (
    ActorMention,
    AttributionMention,
    CasualtyMention,
    DateMention,
    PlaceMention,
    QuoteMention,
    Relation,
    WeaponMention,
)
from .classifier import predict
from .typing import STRATEGIC_RE, classify, is_intervention, is_violent, literal

_OPENING_CONFIDENCE = 0.35
# The classifier learned from ACLED's notes, every one an event, so it names a kind for any
# text at all ("Google's streaming platform launches today": a peaceful protest). An opening
# that no rule reads is taken on its word only when it tells an act of ACLED's kinds: force
# used (fire, blows, explosions), property taken or destroyed, people acting together or making
# a demand, forces moving or seizing. Who acts is not enough: "police", "workers" or
# "troops" name people, not something that happened.
_ACT = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|march(?:ed|es|ing)?|marchers|rall(?:y|ies|ied|ying)"
    r"|sit-ins?|strik(?:e|es|ing)|dharna|picket\w*|boycott\w*|vigils?|walk(?:ed)?[\s-]?outs?"
    r"|demand\w*|denounc\w*|condemn\w*|chant\w*|gather\w*|assembl\w*|petition\w*"
    r"|barricad\w*|block(?:ed|ing|ade)\w*|occup(?:y|ied|ying)|burn\w*|torch\w*|storm(?:ed|ing)"
    r"|riot\w*|mobs?|lynch\w*|clash\w*|fired|firing|shoot-?outs?|gunfire|gunshots?|explosions?"
    r"|projectiles?|bursts?\s+of\s+fire|targeted|beat(?:en|ing)?|hacked|bod(?:y|ies)|remains"
    r"|curfews?|deployed|reinforcements|patrol\w*|entered|withdr[ae]w\w*|surrender\w*"
    r"|ceasefire|truce|seiz\w*|intercept\w*|arrest\w*|detain\w*|loot\w*|vandal\w*|destroy\w*"
    r"|damag\w*|kidnap\w*|abduct\w*|hostages?|threat\w*|intimidat\w*|extort\w*|recruit\w*"
    r"|stole|stolen|robbed|raided|cut\s+down|set\s+up|establish\w*|took\s+(?:over|control)"
    r"|operations?|hostilities|captur\w*|disarm\w*|assassinat\w*|mutin\w*|infiltrat\w*|corpses?"
    r"|evacuat\w*|displac\w*|dismantl\w*|arrived|returned|delivered"
    r"|released\s+(?:\w+\s+){0,5}(?:prisoners|hostages|detainees|captives))\b",
    re.I,
)

_PAST_CUE = re.compile(
    r"\b(?:last\s+(?:year|month)|earlier\s+this\s+year|previous(?:ly)?|in\s+(?:19|20)\d\d"
    r"|a\s+similar\s+attack\s+in|years?\s+ago|months?\s+ago)\b",
    re.IGNORECASE,
)
# "The strikes", "the attack", "Tuesday's assault": words that point back at the main event.
_ANAPHORA = re.compile(
    r"\b(?:the|this|these|today's|latest|[A-Z][a-z]+day['’]s)\s+(?:latest\s+)?(?:strikes?|attacks?"
    r"|assault|barrage|bombardment|shelling|blast|explosion)\b",
    re.IGNORECASE,
)


# "In a separate attack", "Elsewhere": the report moves on to another event of the same days.
_SEPARATE = re.compile(
    r"^\W*(?:separately|elsewhere|in\s+(?:a\s+)?(?:separate|another|other)\s+(?:\w+\s+){0,2}?"
    r"(?:attacks?|incidents?|strikes?|developments?|clashes|raids?)|on\s+the\s+same\s+day"
    r"|also\s+on\s+\w+day|later\s+(?:that|the\s+same)\s+day)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    text: str
    casualties: list[CasualtyMention] = field(default_factory=list)
    weapons: list[WeaponMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    quotes: list[QuoteMention] = field(default_factory=list)
    attributions: list[AttributionMention] = field(default_factory=list)

    @property
    def violent(self) -> bool:
        return bool(self.casualties) or is_violent(self.text)

    @property
    def eventful(self) -> bool:
        """Tells of an event of ACLED's kinds: violence, or a protest.

        A report's opening sentence is also eventful when it tells an act (``_ACT``) and the
        learned classifier is sure of its kind: "residents burned tires to demand water" names
        no violence word.
        """
        if self.violent or classify(self.text) is not None:
            return True
        if self.index == 0 and _ACT.search(literal(self.text)):
            learned = predict(self.text)
            return learned is not None and learned.probability >= _OPENING_CONFIDENCE
        return False


@dataclass(slots=True)
class Segment:
    relation: Relation
    sentences: list[Sentence]


def _dated_before(sentence: Sentence, main_start: dt.date | None) -> bool:
    for date in sentence.dates:
        if date.end is not None and main_start is not None and date.end < main_start:
            # "On Wednesday afternoon, a second man was found dead": a sentence that opens on an
            # earlier day tells that day's event, however close.
            lead = sentence.text[: max(0, date.evidence.start - sentence.start)]
            opens = _OPENS_ON.fullmatch(lead)
            return (
                date.precision in ("month", "year", "week")
                or (main_start - date.end).days > 3
                or (opens is not None and date.precision == "day")
            )
    cue = _PAST_CUE.search(sentence.text)
    return (
        main_start is not None
        and cue is not None
        and not _in_trailing_clause(sentence, cue.start())
        and not any(d.start is not None and d.start >= main_start for d in sentence.dates)
    )


_OPENS_ON = re.compile(r"\W*(?:on|early|late|by)?\s*", re.I)
_CLAUSE_AFTER = re.compile(r",\s*(?:which|who|whom|as|amid|in\s+what)\b|;", re.I)


def _in_trailing_clause(sentence: Sentence, at: int) -> bool:
    """ "Two people were killed in the clash, which was related to a previous dispute": the
    past is told of the cause in a clause after the casualties, which are this event's."""
    ends = [m.evidence.end - sentence.start for m in sentence.casualties]
    if not ends or max(ends) > at:
        return False
    return bool(_CLAUSE_AFTER.search(sentence.text, max(ends), at))


def _dated_on(sentence: Sentence, start: dt.date | None, end: dt.date | None) -> bool:
    if start is None or end is None:
        return False
    return any(
        d.start is not None and d.end is not None and start <= d.end and d.start <= end
        for d in sentence.dates
    )


def _is_related(sentence: Sentence) -> bool:
    if sentence.casualties or any(w.count for w in sentence.weapons):
        return False
    if not STRATEGIC_RE.search(sentence.text) or is_intervention(sentence.text):
        return False  # "the police arrived and dispersed them" goes on with the protest
    stripped = _ANAPHORA.sub("", sentence.text)
    return not is_violent(stripped)


def split(
    sentences: Sequence[Sentence], main_start: dt.date | None, main_end: dt.date | None
) -> list[Segment]:
    """The segments of a report, main first; each sentence in exactly one."""
    main = Segment("main", [])
    others: list[Segment] = []
    current: Segment | None = None
    seen_main = False
    for sentence in sentences:
        on_main_days = _dated_on(sentence, main_start, main_end)
        if (
            seen_main
            and sentence.violent
            and not on_main_days
            and _dated_before(sentence, main_start)
        ):
            current = Segment("background", [sentence])
            others.append(current)
            continue
        if seen_main and sentence.casualties and _SEPARATE.search(sentence.text):
            current = Segment("related", [sentence])
            others.append(current)
            continue
        if seen_main and not on_main_days and _is_related(sentence):
            if (
                current is not None
                and current.relation == "related"
                and (current.sentences[-1].paragraph == sentence.paragraph)
            ):
                current.sentences.append(sentence)  # one development, told in several sentences
                continue
            current = Segment("related", [sentence])
            others.append(current)
            continue
        continues = (
            current is not None
            and current.sentences[-1].paragraph == sentence.paragraph
            and not sentence.violent
            and not on_main_days
        )
        if continues and current is not None:
            current.sentences.append(sentence)
            continue
        current = None
        main.sentences.append(sentence)
        seen_main = seen_main or sentence.eventful
    return [main, *others]
