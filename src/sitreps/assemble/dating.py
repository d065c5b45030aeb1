"""The main event's date: which of a report's date phrases tell when it happened.

A report dates its event in its opening sentences, but not every date phrase there is the
event's: a statement's day ("police said Monday"), a death in hospital days later, a court's
day in a story about an old crime, a date that tells when a thing was formed. The rules here
pick the phrases that date the event; ``event_date`` turns them into a range.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..extract.dates import merge_range
from ..types import Article, DateMention, EventDate
from .segments import Sentence

__all__ = ["event_date", "main_dates"]


# The sentences after the first one telling the event that still tell it, as a rule.
_TELLING = 3


def main_dates(sentences: Sequence[Sentence], published: dt.date | None) -> list[DateMention]:
    """The date phrases that date the main event: those of its opening sentences.

    The opening is the first sentence that tells of the event, the two after it in its
    paragraph, and the lede before it ("... during an armed home invasion Tuesday evening").
    When the opening gives no date, the first day named later in the report within the weeks
    before publication dates it ("It happened around 7:45 p.m. Monday").
    """
    if not sentences:
        return []
    first = next((i for i, s in enumerate(sentences) if s.eventful), 0)
    paragraph = sentences[first].paragraph
    opening = [
        s
        for s in sentences[: first + 3]
        # A later sentence dates the event only while it still tells of it ("blasts went on
        # into Tuesday"), not when it turns to something else ("on Tuesday, the two sides
        # signed a truce").
        if s.index <= first or (s.paragraph == paragraph and s.violent)
    ]
    found = [
        d
        for s in opening
        for d in s.dates
        if d.precision != "year" and _recent(d, published) and not _elsewhere(s, d)
    ]
    # "wanted in an armed home invasion on Jan. 5": a crime's calendar day weeks back dates the
    # event when the opening gives no day of its own (only an arrest's, a statement's); the
    # first such day, when it names several crimes.
    if not any(
        d.precision == "day" and not _a_step_day(s, d)
        for s in opening
        for d in s.dates
        if d in found
    ):
        found += [d for s in opening for d in s.dates if _crime_dated(s, d, published)][:1]
    # "charged Friday in a 2014 rape ... The incident happened on Feb. 7, 2014": court coverage
    # tells the crime by its year or month long past, then by its day.
    past = _day_in_a_past_period(sentences[: first + _TELLING + 1], sentences[first:], published)
    if past is not None:
        return [past]
    # "According to an account provided Monday": the day something was said is the report's,
    # not the event's; it yields to the other dates of the opening.
    statements = [d for s in opening for d in s.dates if d in found and _statement_day(s, d)]
    if statements and len(statements) < len(found):
        found = [d for d in found if d not in statements]
    elif statements:
        # Only the day a statement was given: the incident's own day, told just after, wins.
        said = min((d.end for d in statements if d.end), default=None)
        stated_day = _first_day_told(sentences[first : first + _TELLING + 1], published, said)
        if stated_day is not None:
            return [stated_day]
    case = [d for s in opening for d in s.dates if d in found and _of_the_case(s, d)]
    if case:
        # "A man was arrested Friday in a shooting last week": the arrest's day is not the
        # shooting's; a day told where the report describes the shooting dates the event.
        since = [d for s in opening for d in s.dates if _since(s, d)]
        crime = [d for d in found if d not in case and d not in since]
        if any(d.precision == "day" for d in crime):
            return crime
        # The day the arrest began on: "arrested Thursday night" leaves no later day to the crime.
        arrested = min((d.start for d in case if d.start and d.precision == "day"), default=None)
        told = max(s.index for s in opening if any(d in case for d in s.dates))
        shooting = _shooting_day(sentences, arrested, crime, near=told + _TELLING)
        if shooting:
            return shooting
    if found and not any(d.precision == "day" for d in found):
        # "robbed at gunpoint last week ... about 7:30 a.m. Jan. 28": a later sentence names
        # the day within the span the opening gave.
        day = _day_within(sentences[first:], found)
        if day is not None:
            return [day]
    # "The shootings occurred about 3:22 p.m. Saturday": the sentence that states when the
    # incident happened dates it, over a day the opening gives a statement or a visit.
    stated = _happened_day(sentences[first : first + _TELLING + 3], published)
    if stated is not None:
        return [stated]
    if found:
        return found
    # "scheduled to stand trial in the death of a soldier shot dead on New Year's Day": court
    # coverage tells the shooting months back, by its calendar day.
    past = _day_of_a_past_case(sentences[first:], published)
    if past is not None:
        return [past]
    later = (
        (s, d)
        for s in sentences[first:]
        for d in s.dates
        # Far down the report, a day weeks back is another incident it recalls.
        if (s.index <= first + _TELLING or not d.named or _recent(d, published, days=7))
        and not _elsewhere(s, d)
    )
    days = [(s, d) for s, d in later if d.precision == "day" and _recent(d, published)]
    if not days:
        return []
    sentence, day = days[0]
    if _a_step_day(sentence, day):
        # "arraigned this morning on charges in Tuesday's shooting", "police said Monday. ...
        # a 911 call at 3:30 a.m. Saturday": a day of the crime told soon after, on or before
        # the step's day, dates it.
        crime_day = next(
            (
                d
                for s, d in days[1:]
                if s.index <= sentence.index + _TELLING
                and d.end is not None
                and day.start is not None
                and d.end <= day.start
                and not _a_step_day(s, d)
            ),
            None,
        )
        if crime_day is not None:
            return [crime_day]
        if day.start is not None and _of_the_case(sentence, day):
            # "arraigned Friday on charges stemming from a carjacking ... Police say around
            # 9 p.m. Jan. 21 the teens followed the student": the crime's day, told further on.
            further = _shooting_day(sentences, day.start, [], near=sentence.index + _TELLING)
            if further and further[0].named:
                return further
    if _DIED_LATER.search(sentence.text):
        # "has died ... pronounced dead Monday. Her parents found her shot Friday": the day of a
        # death in hospital is not the day of the attack told right after it.
        for s, d in days[1:]:
            if s.index > sentence.index + _TELLING:
                break
            if d.end is not None and day.start is not None and d.end < day.start:
                return [d]
    return [day]


# A sentence telling what is yet to happen: its days lie after publication.
# ("will" in lower case: "Gregory Will Lambert" is a name.)
_TO_COME = re.compile(
    r"\b(?:will|(?i:scheduled|set\s+for|due\s+(?:back\s+)?in"
    r"|(?:is|are|was|were)\s+to\s+(?:be|begin|appear)))\b(?P<rest>[^,;]*)$"
)
# A clause or a participle that turns back to the past: "will be held ... for a woman who was
# shot Sunday", "will stand trial in the death of a soldier shot dead on New Year's Day".
_BACK_TO_PAST = re.compile(
    r"\b(?:who|which|that|when|after|since|because|shot|killed|slain|wounded|stabbed|robbed)\b",
    re.I,
)


def _to_come(sentence: Sentence, date: DateMention) -> bool:
    """ "will be tried during the week of Nov. 3", "is due back in court on Feb. 28": a day
    after a word of what is yet to happen lies ahead, whatever the past it was read into."""
    found = _TO_COME.search(sentence.text[: max(0, date.evidence.start - sentence.start)])
    return found is not None and not _BACK_TO_PAST.search(found["rest"])


def _crime_dated(sentence: Sentence, date: DateMention, published: dt.date | None) -> bool:
    """ "wanted in connection with an armed home invasion on Jan. 5", "a Jan. 5 shooting": the
    calendar day the opening gives its crime, weeks or months before publication."""
    if not (date.named and date.precision == "day" and date.end is not None):
        return False
    if published is not None and not 0 <= (published - date.end).days <= 366:
        return False
    return bool(
        (_CRIME.search(sentence.text) or _SHOOTING.search(sentence.text))
        and not _a_step_day(sentence, date)
        and not _since(sentence, date)
        and not _elsewhere(sentence, date)
    )


# Steps of the justice process that follow an attack: their days are not the attack's.
_LEGAL = re.compile(
    # "resisting arrest" is one of the charges, told with the crime
    r"\b(?:(?<!resisting\s)arrest(?:ed|s)?|charged|charges|arraign(?:ed|ment)|indicted|sentenced"
    r"|pleaded|pled|convicted|court|courtroom|courthouse|trial|jury|bail|bond|booked|custody|surrendered"
    r"|turned\s+(?:him|her)self|extradited|hearing|(?<!search\s)warrants?|(?:initial|first)\s+appearance"
    r"|appeared\s+(?:in|before))\b",
    re.I,
)
# "police early this morning arrested a man": the step told right after its day.
_LEGAL_AFTER = re.compile(
    r"[\s,]+(?:[a-z]+\s+)?(?:arrested|charged|arraigned|indicted|sentenced|booked|detained"
    r"|apprehended)\b"
)
# "a March 13 shooting", "Tuesday's robbery": the date is the crime's, whatever precedes it.
_CRIME_AFTER = re.compile(
    # one word may stand between ("a March 13 fatal shooting"), not a preposition: "arraigned
    # Monday on murder charges" tells the charge, not the crime's day
    r"(?:['’]s)?\s+(?:(?!(?:on|in|of|for|with|and|to|at|by|after|over|from)\b)[\w-]+\s+)?"
    r"(?:shootings?|killings?|slaying|homicide|murder|attack"
    r"|robber(?:y|ies)|burglar(?:y|ies)|car\s*jackings?|stabbing|assault|home\s+invasion)\b",
    re.I,
)
# Words that tell the shooting itself (a verb of firing or of hitting someone).
_SHOOTING = re.compile(
    r"\b(?:shot|shots|shoot|shooting|shootings|fired|firing|opened\s+fire|gunfire|gunshots?"
    r"|killed|wounded|injured|stabbed|died|slain|struck|hit)\b",
    re.I,
)


# Words that tell the crime itself, or open the clause that does ("because she allegedly
# left a loaded gun at a bus stop", "after police on Thursday found a stolen gun").
_CRIME = re.compile(
    r"\b(?:shooting|shootings|killing|killings|slaying|homicide|murder|death|attack|robbery"
    r"|robberies|burglar(?:y|ies)|car\s*jackings?|stabbing|assault|shot|shots|killed|wounded"
    r"|fired|firing|because|after|allegedly|robbed|home\s+invasion|break-in|carjacked)\b",
    re.I,
)


# ", formed on April 21,": a participle set off by commas dates the noun before it.
_APPOSITIVE_DATE = re.compile(r",\s+(?P<verb>[a-z]+ed)\s+(?:on|in)\s+$")


def _elsewhere(sentence: Sentence, date: DateMention) -> bool:
    """Whether a date phrase tells the day of something other than an event of the report: a
    thing's ("the government, formed on April 21"), the report's own stamp ("(Published
    Friday, Jan. 10)"), or a day to come ("will be tried the week of Nov. 3")."""
    return _describes_a_thing(sentence, date) or _stamp(sentence, date) or _to_come(sentence, date)


# The stamp a web page puts on a report or a video: "(Published Monday, Jan. 20)", "UPDATE:
# March 5 @ 5:00 a.m.", "Posted Monday, Feb. 26, 2018 6:12 am", a news show's hour ("reports
# for the 11 p.m. News on Sunday").
_STAMP_BEFORE = re.compile(
    r"(?:\b(?:published|posted|updated|update|last\s+modified)|\breports\s+for\s+[^.]{0,40}"
    r"\bnews\s+at\b.{0,20})\W{0,3}(?:on\s+)?$",
    re.I,
)
# A date followed by the hour of the clock at the very start of a text: the page's stamp.
_CLOCK_AFTER = re.compile(r"\W{0,3}(?:at\s+|@\s*)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)", re.I)


def _stamp(sentence: Sentence, date: DateMention) -> bool:
    if not date.named:
        return False  # "Police update: last night, at 2330 hours ...": the event's night
    at = date.evidence.start - sentence.start
    if _STAMP_BEFORE.search(sentence.text[max(0, at - 80) : at]):
        return True
    return date.evidence.start < 3 and bool(
        _CLOCK_AFTER.match(sentence.text, date.evidence.end - sentence.start)
    )


def _describes_a_thing(sentence: Sentence, date: DateMention) -> bool:
    """ "demanding the departure of the new government, formed on April 21, witnesses said":
    the date tells when the government was formed, not when the event happened; a participle
    of violence ("the man, shot on Jan. 5, died") still dates the event."""
    at = date.evidence.start - sentence.start
    found = _APPOSITIVE_DATE.search(sentence.text[max(0, at - 40) : at])
    if found is None or _SHOOTING.search(found["verb"]) or _CRIME.search(found["verb"]):
        return False
    return sentence.text[date.evidence.end - sentence.start :].lstrip().startswith(",")


# A verb of telling right before the day: "police said Monday", "an account provided Monday".
_TOLD_ON = re.compile(
    r"\b(?:said|says|announced|confirmed|stated|provided|released|added|told\s+(?:\w+\s+){0,2}?)"
    r"\s*(?:on\s+)?$",
    re.I,
)
# A death in hospital after the attack: its day is not the attack's.
_DIED_LATER = re.compile(
    r"\b(?:pronounced\s+dead|has\s+died|had\s+died|died\s+(?:\w+\s+){0,3}?(?:from|of)\s+"
    r"(?:his|her|their|the)\s+(?:injuries|wounds)|succumbed)\b",
    re.I,
)


# "a man is accused of shooting ...": the report follows a case.
_ACCUSED = re.compile(r"\b(?:is|was|are|were|stands?)\s+accused\s+of\b", re.I)


# Words of a case in court: the report follows it, not the crime.
_COURT = re.compile(
    r"\b(?:guilty|prosecutors?|convicted|sentenced|charged|charges|indicted|arraigned|trial|jury"
    r"|judge|accused|suspect\s+in)\b",
    re.I,
)


# "in 2015 through 2017", "several incidents", "a string of robberies": many crimes.
_SPAN_ON = re.compile(r"\s*(?:through|to|until|and|-|–)\s*\d{4}\b", re.I)
# Not "numerous charges", "several times": the quantity must be of crimes.
_SEVERAL = re.compile(
    r"\b(?:series\s+of|string\s+of|spree)\b"
    r"|\b(?:incidents|shootings|robberies|burglaries|attacks|homicides|killings)\b",
    re.I,
)


def _first_day_told(
    sentences: Sequence[Sentence], published: dt.date | None, said: dt.date | None = None
) -> DateMention | None:
    """The first recent day the sentences name that is neither a statement's nor a step of the
    case's, in a sentence telling the crime; else in any sentence ("Officers responded to a 911
    call at 3:30 a.m. Saturday"), on or before the day it was told (``said``)."""
    days = [
        (s, d)
        for s in sentences
        for d in s.dates
        if d.precision == "day"
        and _recent(d, published)
        and not _a_step_day(s, d)
        and not _elsewhere(s, d)
    ]
    for sentence, d in days:
        if _CRIME.search(sentence.text) or _SHOOTING.search(sentence.text):
            return d
    for _, d in days:
        if said is None or (d.end is not None and d.end <= said):
            return d
    return None


def _day_in_a_past_period(
    opening: Sequence[Sentence], rest: Sequence[Sentence], published: dt.date | None
) -> DateMention | None:
    """The calendar day the report names within the one year or month, long before
    publication, that the opening gives a crime ("a suspect in a 2014 homicide", "a shooting
    in January"), or the one a sentence says it happened on, when the opening follows a case
    in court."""
    if published is None or not any(_COURT.search(s.text) for s in opening):
        return None
    # "The incident happened on Feb. 7, 2014": said outright, by its calendar day.
    for sentence in rest[: _TELLING + 3]:
        said = _HAPPENED.search(sentence.text)
        if said is None:
            continue
        for d in sentence.dates:
            at = d.evidence.start - sentence.start
            long_ago = d.end is not None and (published - d.end).days > 31
            if d.named and d.precision == "day" and at >= said.start() and long_ago:
                return d
    periods = [
        d
        for s in opening
        for d in s.dates
        if d.precision in ("year", "month")
        and d.end is not None
        and (published - d.end).days > 31
        and (_CRIME.search(s.text) or _SHOOTING.search(s.text))
        and not _SPAN_ON.match(s.text, d.evidence.end - s.start)
        and not _SEVERAL.search(s.text)
    ]
    # "several incidents in 2015 through 2017": a span of many crimes, none of them the one.
    if len({(d.start, d.end) for d in periods}) != 1:
        return None
    day = _day_within(rest, periods)
    return day if day is not None and day.named else None


# The verb of telling right after the day: "the coroner on Wednesday identified the man".
_TELLS_AFTER = re.compile(
    r",?\s+(?:said|announced|confirmed|released|identified|named"
    # "Police on Thursday were searching for a suspect": the hunt's day, after the crime
    r"|(?:were|are)\s+(?:still\s+)?(?:searching|looking|seeking|asking|hunting))\b",
    re.I,
)
# "detectives were asking for the public's help Saturday in finding whoever shot ...".
_SEARCHING_ON = re.compile(
    r"\b(?:are|were|is|was)\s+(?:still\s+)?(?:searching|looking|seeking|asking|hunting)\b"
    r"[^.,;]{0,40}?\s(?:on\s+)?$",
    re.I,
)


# An hour of the clock right before the day: "about 4:30 p.m. Thursday", "at 2 a.m. on Sunday".
_CLOCK_BEFORE = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?|o['’]clock)\.?,?\s+(?:on\s+)?$|\b(?:noon|midnight)\s+(?:on\s+)?$",
    re.I,
)


def _a_step_day(sentence: Sentence, date: DateMention) -> bool:
    """The day of a step after the crime: of the case (an arrest, a hearing) or of a
    statement ("police said Monday"), not the crime's own."""
    return _of_the_case(sentence, date) or _statement_day(sentence, date)


def _statement_day(sentence: Sentence, date: DateMention) -> bool:
    """ "police said Monday", "a brief account provided Monday", "the coroner on Wednesday
    identified": the day of a statement."""
    before = sentence.text[: max(0, date.evidence.start - sentence.start)]
    if _CLOCK_BEFORE.search(before):
        return False  # "around 4:30 p.m. Thursday, said Sgt. Lee": the hour is the event's
    after = date.evidence.end - sentence.start
    return bool(
        _TOLD_ON.search(before)
        or _SEARCHING_ON.search(before)
        or _TELLS_AFTER.match(sentence.text, after)
    )


def _day_of_a_past_case(
    sentences: Sequence[Sentence], published: dt.date | None
) -> DateMention | None:
    """The calendar day a sentence of the opening telling the shooting names, however long
    ago, when the opening tells a step of the case (a trial, a sentence, a charge): court
    coverage. Or, when the opening gives the shooting only a month back ("accused of shooting
    a dog in February"), the first day the report names within it ("missing since Feb. 21")."""
    opening = sentences[: _TELLING + 1]
    if not any(_LEGAL.search(s.text) or _ACCUSED.search(s.text) for s in opening):
        return None
    coarse: list[DateMention] = []
    for sentence in opening:
        for d in sentence.dates:
            if d.end is None or _of_the_case(sentence, d) or _elsewhere(sentence, d):
                continue
            if published is not None and d.end > published:
                continue
            if d.precision == "day" and d.named and _SHOOTING.search(sentence.text):
                return d
            if d.precision in ("week", "month") and _SHOOTING.search(sentence.text):
                coarse.append(d)
    return _day_within(sentences, coarse) if coarse else None


def _since(sentence: Sentence, date: DateMention) -> bool:
    """ "the second homicide since Saturday": the day opens a period, not the crime's day."""
    before = sentence.text[: max(0, date.evidence.start - sentence.start)]
    return re.search(r"\bsince\s+$", before, re.I) is not None


def _of_the_case(sentence: Sentence, date: DateMention) -> bool:
    """Whether a date phrase gives the day of an arrest, a charge or a hearing: a step of the
    case comes before it in its sentence with no word of the crime between them ("arrested
    Friday in a shooting"; not "arrested in two carjackings on Monday") or the step follows it
    ("police on Friday arrested"), and it does not date the crime's own noun ("booked on a
    warrant in a March 13 shooting")."""
    after = date.evidence.end - sentence.start
    if _CRIME_AFTER.match(sentence.text, after):
        return False
    if _LEGAL_AFTER.match(sentence.text, after):
        return True
    before = sentence.text[: max(0, date.evidence.start - sentence.start)]
    steps = list(_LEGAL.finditer(before))
    if not steps or _CRIME.search(before, steps[-1].end()):
        return False
    # "According to comments in court, an officer responded ... on May 14", "a plea hearing
    # established that on Jan. 3 ...": a new clause between the step and the day tells
    # something else.
    return not _NEW_CLAUSE.search(before, steps[-1].end())


# A clause of its own: a comma before a new subject, or a complement ("established that").
_NEW_CLAUSE = re.compile(
    r",\s+(?!(?:and|or|in|on|at|of|for|to|by|with|from|after|before)\b)(?:[A-Z]|the\b|a\b|an\b"
    r"|he\b|she\b|they\b|police\b|officers?\b)|\b(?:that|when|where|while|as)\s",
)


def _shooting_day(
    sentences: Sequence[Sentence],
    arrested: dt.date | None,
    crime: Sequence[DateMention],
    near: int,
) -> list[DateMention]:
    """The day the crime fell on, by what the report tells after an arrest's day: within the
    span the opening gave the crime ("last week"), else a dated day ("Jan. 23, 2014") however
    long ago or a weekday of the week before; never after the arrest, never a step of the case.

    A day a sentence telling the shooting gives wins; else the first such day of the week before
    that the sentences up to ``near`` name ("arraigned Friday in the robbery ... Around 4:30
    a.m. Thursday, a clerk was working")."""
    lo = min((d.start for d in crime if d.start), default=None)
    hi = max((d.end for d in crime if d.end), default=None)
    many = any(_SEVERAL.search(s.text) for s in sentences[: near + 1])
    others: list[DateMention] = []
    for sentence in sentences:
        for d in sentence.dates:
            if d.precision != "day" or d.end is None or _of_the_case(sentence, d):
                continue
            if _elsewhere(sentence, d):
                continue
            if arrested is not None and d.end > arrested:
                continue
            if lo is not None and hi is not None:
                fits = lo <= d.end <= hi
            else:
                fits = d.named or not d.relative or arrested is None or (arrested - d.end).days <= 7
            # "arrested Wednesday in a New Year's Day killing": a calendar day told with the
            # crime, unless the report follows many crimes ("a string of robberies").
            # So is one told by its hour ("around 9 p.m. Jan. 21 the teens followed him").
            before = sentence.text[: max(0, d.evidence.start - sentence.start)]
            crime_told = (
                d.named
                and not many
                and (_CRIME.search(sentence.text) or _CLOCK_BEFORE.search(before))
            )
            if fits and (_SHOOTING.search(sentence.text) or crime_told):
                return [d]
            week = lo is not None or arrested is None or (arrested - d.end).days <= 7
            if fits and week and sentence.index <= near:
                others.append(d)
    return others[:1]


_HAPPENED = re.compile(
    r"\b(?:shootings?|incident|attack|robbery|stabbing|homicide|slaying|carjacking|break-in"
    r"|burglary|gunfire|it)\s+(?:\w+\s+){0,2}?(?:happened|occurred|occured|took\s+place"
    r"|was\s+reported|were\s+reported|unfolded|began)\b",
    re.I,
)


def _happened_day(sentences: Sequence[Sentence], published: dt.date | None) -> DateMention | None:
    """The day a sentence saying when the incident happened gives ("The shooting happened
    around 7 p.m. Saturday")."""
    for sentence in sentences:
        said = _HAPPENED.search(sentence.text)
        if said is None:
            continue
        # "Tuesday (Jan. 7)": the calendar day settles which Tuesday; "that Saturday" points
        # back to a day told before, not to the latest Saturday.
        for d in sorted(sentence.dates, key=lambda d: not d.named):
            at = d.evidence.start - sentence.start
            that = re.search(r"\bthat\s+$", sentence.text[max(0, at - 6) : at], re.I)
            if (
                d.precision == "day"
                and at >= said.start()
                and not that
                and _recent(d, published)
                and not _elsewhere(sentence, d)
            ):
                return d
    return None


def _day_within(sentences: Sequence[Sentence], coarse: Sequence[DateMention]) -> DateMention | None:
    """The first day a sentence names within the week or month ``coarse`` spans, other than
    the day of a step of the case ("charged on Jan. 30")."""
    lo = min((d.start for d in coarse if d.start), default=None)
    hi = max((d.end for d in coarse if d.end), default=None)
    if lo is None or hi is None:
        return None
    for sentence in sentences:
        for d in sentence.dates:
            if d.precision != "day" or d.start is None or d.end is None:
                continue
            if (
                lo <= d.start
                and d.end <= hi
                and not _a_step_day(sentence, d)
                and not _elsewhere(sentence, d)
            ):
                return d
    return None


def _recent(date: DateMention, published: dt.date | None, days: int | None = None) -> bool:
    """Dated within the days before publication: a fortnight for "last Monday", a week for
    "last week", a month for "25 January" (or within ``days``)."""
    if published is None or date.end is None:
        return True
    if (date.start or date.end) <= published <= date.end:
        return True
    if days is None:
        # a relative day lies within the fortnight ("last Monday" told on a Sunday), a
        # relative week or month within the week
        relative = 13 if date.precision == "day" else 7
        days = relative if date.relative and not date.named else 31
    return 0 <= (published - date.end).days <= days


def event_date(mentions: Sequence[DateMention], article: Article, main: bool) -> EventDate:
    """The date range the phrases give; with none, the days a report usually tells of."""
    if mentions:
        start, end, precision = merge_range(mentions)
        text = " ... ".join(m.evidence.text for m in mentions)
        return EventDate(start=start, end=end, precision=precision, text=text)
    if main and article.published is not None:
        # Reports tell of what just happened: with no date phrase, the event falls on the day
        # before publication (last night's shooting in the morning paper) or on the day itself.
        before = article.published - dt.timedelta(days=1)
        return EventDate(start=before, end=article.published, precision="day", text=None)
    return EventDate(start=None, end=None, precision="unknown", text=None)
