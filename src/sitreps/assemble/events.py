"""Mentions -> events of one article: dates, places, actors, figures and type for each segment."""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import Counter
from collections.abc import Collection, Sequence

from ..extract.actors import country_clues, country_name, state_forces_name
from ..extract.places import attributive
from ..geo.demonyms import country_of_demonym, names_currency
from ..geo.gazetteer import default_gazetteer, iso_names, normalize_name
from ..taxonomy import TAXONOMY
from ..types import (
    COUNT_FIELDS,
    Actor,
    ActorKind,
    ActorMention,
    Article,
    AttributionMention,
    CasualtyMention,
    Count,
    DateMention,
    Event,
    EventDate,
    Evidence,
    Location,
    PlaceMention,
    Report,
    WeaponMention,
)
from .classifier import predict
from .dating import event_date
from .segments import Segment, Sentence
from .summary import summarize
from .typing import (
    Typing,
    accidental,
    armed_victims_only,
    classify,
    property_only,
    refine_protest,
)

_CITY_FEATURES = ("district", "city", "town", "village")
_REMOTE = "Explosions/Remote violence"
_KILLING = re.compile(
    r"\b(?:execut\w+|killed|murdered|found\s+dead|beheaded|remains|corpse)\b", re.I
)
_LOCAL_ACTORS = ("Unidentified Armed Group", "Unidentified Gang", "Protesters", "Rioters")
# Below this probability the classifier yields to a rule that found its trigger words.
_CONFIDENT = 0.5
# Sub-types whose trigger words settle the matter in any writing style: a named weapon, an
# abduction, force against protesters. The classifier, trained on ACLED's notes, decides between
# the kinds that differ by nuance (protest or riot, attack or clash) where wording varies less.
_SURE = frozenset({
    "Disrupted weapons use", "Suicide bomb", "Chemical weapon", "Sexual violence",
    "Abduction/forced disappearance", "Excessive force against protesters",
    "Remote explosive/landmine/IED", "Grenade", "Air/drone strike",
    "Shelling/artillery/missile attack",
})  # fmt: skip
TYPE_OF = {sub: event_type for event_type, subs in TAXONOMY.items() for sub in subs}
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|on|outside|across|into|from|of|around)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$"
)
_SIMILAR = re.compile(r"\b(?:similar|such|the\s+same\s+kind\s+of|comparable)\b", re.IGNORECASE)


def _locative(text: str, place: PlaceMention) -> bool:
    """True for "in Kyiv", "near Pokrovsk": the words that say where something happened."""
    return bool(_LOCATIVE.search(text[max(0, place.evidence.start - 30) : place.evidence.start]))


# "KYIV (Reuters) -", "GAZA, July 3 (AP) —": where the report was filed, not where it happened.
_DATELINE = re.compile(r"^\s*[A-Z][^\n.!?]{0,60}?(?:\([^)\n]{1,40}\))?\s*[-–—]+\s")
# Words before a town that put the event near it rather than in it: ACLED's precision 2.
_NEAR = re.compile(
    r"\b(?:near|outside|outskirts\s+of|around|close\s+to|vicinity\s+of|area\s+of|areas\s+of|"
    r"between|(?:km|kilometers|kilometres|miles)\s+(?:\w+\s+)?(?:of|from))\s+(?:the\s+)?"
    r"(?:[a-z]+\s+){0,2}$",
    re.IGNORECASE,
)
_DESIGNATOR_WORDS = re.compile(
    r"\s+(?:province|provinces|governorate|region|oblast|state|district|department|county"
    r"|parish|prefecture|municipality)$",
    re.IGNORECASE,
)


def _tier(place: PlaceMention) -> int:
    """How specific a place is: a town or city district, an admin2, an admin1, a country."""
    if place.feature in _CITY_FEATURES:
        return 0
    if place.feature == "other":
        return 1
    return 2 if place.feature == "admin1" else 3


# The open bracket after a name, and the names and commas after it: "Incare (Thiou, "; or
# a division and a comma: "Maywand district, ".
_BRACKETED = re.compile(
    r"\w\s*\((?:[^()\n,]{1,40},\s*){0,2}$|\b(?:districts?|lga|county|raion|rayon)\s*,\s*$",
    re.IGNORECASE,
)


def _in_brackets(text: str, place: PlaceMention) -> bool:
    """Whether the place is a container of another name: in brackets after it, or after a
    division's name and a comma."""
    return bool(_BRACKETED.search(text[max(0, place.evidence.start - 90) : place.evidence.start]))


_AFTER_DISTRICT = re.compile(r"\b(?:districts?|lga|county|raion|rayon)\s*,\s*$", re.IGNORECASE)


def _after_district(text: str, place: PlaceMention) -> bool:
    """Whether the place follows a district's name and a comma: the district lies in it."""
    return bool(
        _AFTER_DISTRICT.search(text[max(0, place.evidence.start - 30) : place.evidence.start])
    )


def _in_dateline(text: str, place: PlaceMention) -> bool:
    match = _DATELINE.match(text)
    return match is not None and place.evidence.end <= match.end()


_ARTICLE = re.compile(r"^(?:al|el)\s+")  # "Al Jabal al Gharbi": GeoNames' "Jabal al Gharbi"


def _admin1_as_written(
    text: str, place: PlaceMention, places: Sequence[PlaceMention]
) -> str | None:
    """The place's admin1 as the report spells it where the report names it ("Idleb"),
    else the gazetteer's name. The admin1's name and more words says more than the region:
    it is a city's, with what it is ("Kandahar city", "Guatemala City")."""
    admin1 = place.admin1
    if admin1 is None:
        return None
    for other in places:
        if other.admin1 != admin1 or other.feature not in ("admin1", "city", "town"):
            continue
        written = _DESIGNATOR_WORDS.sub("", other.evidence.text).strip()
        a, b = written.casefold().replace("-", " "), admin1.casefold().replace("-", " ")
        if a == b or a.startswith(f"{b} "):
            continue
        if (a[:1] == b[:1] or _ARTICLE.sub("", a)[:1] == b[:1]) and difflib.SequenceMatcher(
            None, a, b
        ).ratio() >= 0.75:
            return written
        if other.feature == "admin1" and _iso_name(written, admin1, place.country_code):
            return written  # "Extreme-Nord", ISO's name of what GeoNames calls "Far North"
    return admin1


def _iso_name(written: str, admin1: str, country_code: str | None) -> bool:
    """Whether ``written`` is one of ISO 3166-2's names of the admin1 (without designators)."""
    key = normalize_name(written)
    for c in default_gazetteer().lookup(written, features=("admin1",)):
        if c.admin1 != admin1 or c.country_code != country_code or not c.admin1_code:
            continue
        if any(normalize_name(name) == key for name in iso_names(c.admin1_code)):
            return True
    return False


def _location(
    text: str, places: Sequence[PlaceMention], hints: Sequence[tuple[str, Evidence]] = ()
) -> tuple[Location | None, Evidence | None]:
    """Where the event happened, and the words that say so. ``hints``: countries the text's
    actors and demonyms name, for an event none of whose places is known."""
    # "the US dollar", "U.S. officials": a country's name that says whose, not where.
    places = [p for p in places if p.feature != "country" or not attributive(text, p.evidence.end)]
    # "near the border with Benin", "towards the Malian border": the other side of a border
    # is not where the event was.
    places = [p for p in places if p.feature != "country" or not _beyond(text, p.evidence)]
    resolved = [p for p in places if p.lat is not None]
    if not resolved:
        hints = [h for h in hints if not _beyond(text, h[1])]
        return _country_location(places, hints)
    strays = _strays(resolved, {cc for cc, _ in hints})
    ranked = sorted(
        enumerate(resolved),
        key=lambda ip: (
            # Where the report was filed ranks last: it says where the writer was.
            _in_dateline(text, ip[1]),
            # A place alone in its country, where others share one, is a namesake misread.
            ip[0] in strays,
            # A town in brackets only contains the place: "Incare (Thiou, Yatenga)"; so does
            # a city after a district and a comma: "Maywand district, Kandahar" is the district.
            _tier(ip[1])
            + (0.5 if _in_brackets(text, ip[1]) else 0) * (_tier(ip[1]) == 0)
            + (1.0 if _after_district(text, ip[1]) else 0) * (_tier(ip[1]) == 0),
            # "Protesters from Beirut gathered in Tripoli": where they came from ranks after.
            _origin(text, ip[1]),
            # "U.S. President" names no place of the event; "in Canada" does.
            0 if ip[1].feature != "country" or _locative(text, ip[1]) else 1,
            ip[0],
        ),
    )
    place = ranked[0][1]
    tier = _tier(place)
    before = text[max(0, place.evidence.start - 40) : place.evidence.start]
    near = bool(_NEAR.search(before)) or _in_brackets(text, place)
    # A village known only from the codifier stands at its hromada's town: near it.
    near = near or (place.feature == "village" and place.geonames_id is None)
    precision = 1 if tier == 0 and not near else 2 if tier <= 1 else 3
    location = Location(
        name=place.name or place.evidence.text,
        country=place.country or (country_name(place.country_code) if place.country_code else None),
        country_code=place.country_code,
        admin1=_admin1_as_written(text, place, places),
        admin2=place.admin2,
        district=place.name if place.feature == "district" else None,
        lat=place.lat,
        lon=place.lon,
        geo_precision=precision,
        geonames_id=place.geonames_id,
    )
    return location, place.evidence


# "from Beirut, Jal el Dib and ": the places a list after "from" names.
_FROM = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}?(?:\s*,\s*|\s+and\s+))*$"
)
_TO = re.compile(r"\s+(?:to|towards|till|until)\b", re.IGNORECASE)


def _origin(text: str, place: PlaceMention) -> bool:
    """Whether the place is one that people or weapons came from ("rioters from Tripoli"),
    not where a march set out or a front begins ("from Beirut to Tripoli")."""
    start, end = place.evidence.start, place.evidence.end
    if _TO.match(text, end):
        return False
    return _FROM.search(text, max(0, start - 80), start) is not None


def _strays(places: Sequence[PlaceMention], actors: Collection[str] = ()) -> set[int]:
    """The places alone in their country while other places share another: "Ilya square
    in Sidon, Lebanon" names no village of Belarus, nor "the Rabat area of Tarnak district,
    Zabul" Morocco's capital. A country or region is never one: a report may name where an
    actor comes from. ``actors``: the countries of the text's actors and demonyms, each as
    one more place ("Ukrainian Forces" at "Shakhta, Donetsk": no village of Perm)."""
    named = {(p.country_code, p.name) for p in places if p.country_code and p.feature != "country"}
    named |= {(cc, None) for cc in actors}
    counts = Counter(cc for cc, _ in named)  # a name repeated is one place
    if not counts or counts.most_common(1)[0][1] < 2:
        return set()
    return {
        i
        for i, p in enumerate(places)
        if p.country_code and counts[p.country_code] == 1 and p.feature in _CITY_FEATURES
    }


# Not "from": a convoy "from Herat" or shelling "from Donetsk" is often where the event was.
_BEYOND = re.compile(r"\bborders?\s+(?:with|of)\s+(?:the\s+)?$", re.IGNORECASE)
_BORDER_AFTER = re.compile(r"\s+(?:border|frontier)\b", re.IGNORECASE)  # "the Malian border"


def _beyond(text: str, words: Evidence) -> bool:
    """Whether a country's words name the far side of a border."""
    before = _BEYOND.search(text, max(0, words.start - 30), words.start)
    return before is not None or _BORDER_AFTER.match(text, words.end) is not None


_CAPITALIZED = re.compile(r"\b[A-Z][\w'’-]+")


def country_hints(
    text: str, article_id: str, actors: Sequence[ActorMention]
) -> list[tuple[str, Evidence]]:
    """The countries the text names its actors by, in text order, each with its words: an
    actor of a country ("Taliban", "Police Forces of Nigeria", "Malian soldiers") and every
    demonym outside an actor's words ("Burkinabe")."""
    hints = [(a.country_code, a.evidence) for a in actors if a.country_code]
    taken = [(e.start, e.end) for _, e in hints]
    clues = [(code, start, end) for code, start, end in country_clues(text)]
    clues += [
        (code, *match.span())
        for match in _CAPITALIZED.finditer(text)
        if (code := country_of_demonym(match.group())) and not names_currency(text, match.end())
    ]
    for code, start, end in clues:
        if not any(a < end and start < b for a, b in taken):
            hints.append((code, Evidence.of(article_id, text, start, end)))
            taken.append((start, end))
    return sorted(hints, key=lambda h: h[1].start)


def _country_location(
    places: Sequence[PlaceMention], hints: Sequence[tuple[str, Evidence]]
) -> tuple[Location | None, Evidence | None]:
    """The country, when no place of the event has coordinates: that of a place known only by
    its region or country, else the country the text's actors and demonyms name most
    ("Afghan forces", "Police Forces of Nigeria"; the first named of equals), at its capital,
    precision 3."""
    known = next((p for p in places if p.country_code), None)
    if known is not None:
        cc, admin1, evidence = known.country_code, known.admin1, known.evidence
    else:
        if not hints:
            return None, None
        counts = Counter(code for code, _ in hints)
        most = max(counts.values())
        cc, evidence = next(h for h in hints if counts[h[0]] == most)
        admin1 = None
    assert cc is not None
    name = country_name(cc) or cc
    country = next(iter(default_gazetteer().lookup(name, features=("country",))), None)
    at_capital = admin1 is None and country is not None and country.country_code == cc
    return Location(
        name=admin1 or name,
        country=name,
        country_code=cc,
        admin1=admin1,
        admin2=None,
        district=None,
        lat=country.lat if at_capital and country else None,
        lon=country.lon if at_capital and country else None,
        geo_precision=3,
        geonames_id=None,
    ), evidence


_ARMED_KINDS = ("state_forces", "rebels", "militia")
# Who ACLED names when a report leaves the actor unnamed: the crowd of a protest or a riot,
# an unidentified armed group behind violence, the police behind arrests.
_IMPLIED: dict[str, tuple[str, ActorKind]] = {
    "Protests": ("Protesters", "protesters"),
    "Riots": ("Protesters", "protesters"),
    "Battles": ("Unidentified Armed Group", "militia"),
    "Violence against civilians": ("Unidentified Armed Group", "militia"),
    _REMOTE: ("Unidentified Armed Group", "militia"),
}


def _with_implied_actor(
    mentions: list[ActorMention], typing: Typing, words: Evidence, country: str | None
) -> list[ActorMention]:
    """The mentions, with the actor the event's words imply when no mention names one.

    "200 business owners protested": the protest words name the crowd. "A man was shot dead":
    someone unnamed shot him. In a battle whose sides are both told as casualties ("militants
    were killed in clashes with soldiers"), the first armed side is ACLED's first actor.
    """
    implied = _IMPLIED.get(typing.event_type)
    if typing.sub_event_type == "Arrests":
        implied = ("Police Forces", "state_forces")
    elif typing.sub_event_type == "Looting/property destruction":
        implied = ("Unidentified Armed Group", "militia")
    if implied is None:
        return mentions
    name, kind = implied
    if kind == "protesters":
        if any(a.kind == "protesters" for a in mentions):
            return mentions
        crowd = ActorMention(evidence=words, name=name, role="perpetrator", kind=kind)
        return [crowd, *mentions]
    usable = [
        a for a in mentions
        if a.role == "perpetrator" and (a.country_code or country or a.name not in _NO_COUNTRY)
    ]  # fmt: skip
    if usable:
        return mentions
    if typing.event_type == "Battles":
        side = next((a for a in mentions if a.kind in _ARMED_KINDS and a.role == "target"), None)
        if side is not None:
            from dataclasses import replace

            promoted = replace(side, role="perpetrator")
            return [promoted, *(a for a in mentions if a is not side)]
    return [ActorMention(evidence=words, name=name, role="perpetrator", kind=kind), *mentions]


_NO_COUNTRY = ("Military Forces", "Police Forces")  # named by their country, or not at all


def _actors(
    mentions: Sequence[ActorMention], country: str | None, typing: Typing
) -> tuple[tuple[Actor, ...], list[Evidence]]:
    actors: dict[tuple[str, str], Actor] = {}
    if typing.event_type in ("Protests", "Riots"):
        # The crowd acts in a protest or a riot: ACLED's first actor.
        crowd = "Protesters" if typing.event_type == "Protests" else "Rioters"
        first = [
            ActorMention(evidence=m.evidence, name=crowd, role="perpetrator", kind="protesters",
                         country_code=m.country_code)
            for m in mentions if m.kind == "protesters"
        ][:1]  # fmt: skip
        mentions = [*first, *[m for m in mentions if m.kind != "protesters"]]
    evidence: list[Evidence] = []
    for mention in mentions:
        code = mention.country_code or country
        name = mention.name
        if mention.kind in ("civilians", "protesters") or name in _LOCAL_ACTORS:
            name = f"{name} ({country_name(code)})" if code else name
        elif name in _NO_COUNTRY:
            if code is None:
                continue  # forces of no known country name nobody
            name = f"{name} of {country_name(code)}"
        key = (name, mention.role)
        if key in actors:
            continue
        named = any(
            m.role == "perpetrator" and m.name != "Unidentified Armed Group" for m in mentions
        )
        if mention.name == "Unidentified Armed Group" and named:
            continue  # a named perpetrator explains "militants" better than a new actor
        actors[key] = Actor(name=name, role=mention.role, kind=mention.kind, country_code=code)
        evidence.append(mention.evidence)
    return tuple(actors.values()), evidence


def _source(sentence: Sentence) -> str | None:
    return sentence.attributions[0].source if sentence.attributions else None


def _count(mentions: Sequence[tuple[CasualtyMention, Sentence]], counted: int = 0) -> Count | None:
    """The field's count from its mentions; ``counted``: people the event's other fields count."""
    # In the order the report tells them: its first figure is its headline.
    usable = sorted(
        ((m, s) for m, s in mentions if not m.total),
        key=lambda ms: (ms[1].index, ms[0].evidence.start),
    )
    stated = [(m, s) for m, s in usable if not m.singular]
    if not stated and usable:
        return _count_people([m for m, _ in usable], [s for _, s in usable], counted)
    headline = [(m, s) for m, s in stated if not m.subset and not m.additional] or stated
    if not headline:
        return None
    reports = tuple(
        Report(
            value=m.number.value,
            qualifier=m.number.qualifier,
            source=_source(s),
            evidence=m.evidence,
        )
        for m, s in stated
    )
    # The report's own headline figure, unless a later sentence says the toll has changed.
    updates = [m for m, _ in headline if m.update]
    first = updates[-1] if updates else headline[0][0]
    # "The army said it killed 22 ... villagers contest that figure, saying 13": ACLED takes the
    # more conservative of competing claims.
    contested = [
        m
        for m, s in headline
        if m is not first
        and m.field == first.field
        and not m.update
        and _CONTESTED.search(s.text)
        and m.number.best < first.number.best
    ]
    if contested and not updates:
        first = min(contested, key=lambda m: m.number.best)
    best = first.number
    # "Two dead ... two more died in hospital", and the later items of a list, add up.
    # "A fourth person died later": one more person beside the stated figure adds too; "a
    # second man was shot" after "two men were injured" is one of the two.
    # The toll's own sentence counts its people already ("has risen to 35 after another
    # victim died").
    told = next(s for m, s in headline if m is first)
    more = [
        (m, s)
        for m, s in usable
        if m.singular
        and m.additional
        and s.index > told.index
        and _ordinal(m.who) > first.number.best
    ]
    added = sum(
        m.number.best
        for m, s in [*stated, *more]
        if not m.subset
        and (m.evidence.start > first.evidence.start or (_leads(m, first) and not first.update))
        and (
            m.additional
            or _other_side(first, m)
            or _also_others(first, m)
            or (_opposite(first, m) and not _UNCONFIRMED.search(s.text))
        )
    )  # "... two attackers were also killed": ACLED counts every death of the event
    # "killed a soldier. The army said it killed six militants": one person of the other side,
    # told without a figure, is a death beside the figure's.
    spans = [m.evidence for m, _ in stated]
    added += sum(
        1
        for m, s in usable
        if m.singular
        and not m.additional
        and _opposite(first, m)
        and not _UNCONFIRMED.search(s.text)
        and not (first.update and m.evidence.start < first.evidence.start)
        and not any(e.start < m.evidence.end and m.evidence.start < e.end for e in spans)
    )
    if added:
        return Count(low=best.low + added, best=best.best + added, high=None, reports=reports)
    highs = [m.number.high for m, _ in headline]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    low = min(m.number.low for m, _ in headline)
    return Count(low=min(low, best.best), best=best.best, high=high, reports=reports)


_CONTESTED = re.compile(
    r"\b(?:contest(?:s|ed)?|disput(?:e|es|ed)|den(?:y|ies|ied)|refute[sd]?|reject(?:s|ed)?"
    r"|other\s+sources|conflicting|however)\b",
    re.I,
)


def _leads(person: CasualtyMention, first: CasualtyMention) -> bool:
    """ "a woman and two children were killed": one person joined to the figure just before it."""
    gap = first.evidence.start - person.evidence.end
    before = person.evidence.start < first.evidence.start
    return person.additional and person.number.best == 1 and before and gap <= 25


_SHOT = re.compile(r"\bshot\b", re.I)
_HURT = re.compile(r"\b(?:wound|injur|hurt|hospitali)", re.I)


# What a crowd gathers over: "protested after 8 people were killed", "to honour a man who died".
_GRIEVANCE = re.compile(
    r"\b(?:protest(?:ing|ed)|after|following|(?<!hand\s)(?<!handed\s)(?<!turned\s)(?<!took\s)over|against|honou?r(?:ing)?|mourn(?:ing)?|commemorat\w+"
    r"|accused\s+of|relation\s+to|connection\s+with|(?:inquiry|investigation)\s+into|justice\s+for|(?:murder|death|killing|deaths|killings)\s+of)\b",
    re.I,
)


_KILLER_CLAUSE = re.compile(
    r"\b(?:who|that)\s+(?:had\s+|allegedly\s+|reportedly\s+|earlier\s+)*(?:killed|murdered"
    r"|shot|assassinated|lynched)\b",
    re.I,
)
_RELATIVE = re.compile(r"\b(?:who|whom|whose)\b|\bhaving\s+(?:been\s+)?\w+ed\b", re.I)


_CONTEXT = 40  # letters


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def _once(
    text: str, mentions: Sequence[tuple[CasualtyMention, Sentence]]
) -> list[tuple[CasualtyMention, Sentence]]:
    """Each figure once: a page that repeats its lede (a teaser run into the headline, then
    the story) tells the same casualties twice.

    A repeat is the same words with the same words before them or after them, spaces and
    punctuation aside (the teaser's copy often lacks them, and a page's "Advertisement" may
    sit on one side of the story's copy)."""
    kept: list[tuple[CasualtyMention, Sentence]] = []
    seen: set[tuple[str, str]] = set()
    for mention, sentence in mentions:
        a, b = mention.evidence.start, mention.evidence.end
        words = _letters(text[a:b])
        before = _letters(text[max(0, a - 2 * _CONTEXT) : a])[-_CONTEXT:]
        after = _letters(text[b : b + 2 * _CONTEXT])[:_CONTEXT]
        keys = {(mention.field, f"{before}|{words}"), (mention.field, f"{words}|{after}")}
        if keys & seen:
            continue
        seen |= keys
        kept.append((mention, sentence))
    return kept


def _recalled(
    text: str, sentence: Sentence, mention: CasualtyMention, event_type: str = "Protests"
) -> bool:
    """Whether a protest's report names the deaths as what the crowd protests: deaths told in
    the clause after "after" or "over" are an earlier event, not this one's toll."""
    near = text[max(sentence.start, mention.evidence.start - 25) : mention.evidence.end]
    # "for justice for a youth who was killed": a protest's cause, told aside. A riot's own
    # victim may be told so too ("a mob beat a thief who later died"), so there only a clause
    # whose subject killed someone ("relatives of cultists who killed a resident") is the cause.
    relative = _KILLER_CLAUSE if event_type == "Riots" else _RELATIVE
    if relative.search(near):
        return True
    before = text[sentence.start : mention.evidence.start]
    cues = list(_GRIEVANCE.finditer(before))
    if not cues:
        return False
    between = before[cues[-1].end() :]
    return len(between) <= 60 and not re.search(r"[,;:]", between)


def _shot_counts_the_dead(mentions: Sequence[CasualtyMention]) -> bool:
    """Whether the injured figure counts everyone hit ("three people were shot"), the dead
    with them, rather than the wounded alone."""
    stated = [m for m in mentions if not m.singular and not m.total and m.number.value > 0]
    return bool(stated) and all(
        _SHOT.search(m.evidence.text) and not _HURT.search(m.evidence.text) for m in stated
    )


_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}


def _ordinal(who: str | None) -> int:
    """The rank "a fourth person" gives; "another" ranks after any figure."""
    found = re.search(r"\b(second|third|fourth|fifth|sixth)\b", who or "")
    return _ORDINALS[found.group(1)] if found else 1_000_000


_ALSO = re.compile(
    r"\b(?:were|was|had\s+been|have\s+been)\s+also\b|\balso\s+(?:killed|died)\b", re.I
)
_GENERIC = frozenset({"people", "persons", "person", "others", "victims"})


def _also_others(first: CasualtyMention, later: CasualtyMention) -> bool:
    """ "Three militants were also killed" after "killing one soldier" is another group of dead;
    "three people were also killed in another district" after a city's toll of people may be
    part of it, so only a group named differently from the first adds."""
    if later.field != "fatalities" or not _ALSO.search(later.evidence.text):
        return False
    a, b = (first.who or "").rstrip("s"), (later.who or "").rstrip("s")
    return bool(b) and a != b and later.who not in _GENERIC


_ATTACKERS = frozenset({"attackers", "gunmen", "assailants", "bombers", "raiders", "attacker"})
_ARMED = frozenset(
    {"soldiers", "troops", "servicemen", "police", "policemen", "officers", "guards", "soldier",
     "policeman", "officer", "guard", "civilians", "civilian"}
)  # fmt: skip


def _other_side(first: CasualtyMention, later: CasualtyMention) -> bool:
    """Deaths on the attackers' side, told after the victims', add to the event's toll.

    "Three attackers were shot dead" after "32 people were killed" adds; "19 militants were
    killed" after an air strike killed "more than 90 people" is a claim about who the dead
    were, so it adds only when the first toll was of soldiers, police or civilians (a fight, or
    the attackers' own losses when they were repelled).
    """
    if not later.perpetrator or first.perpetrator:
        return False
    return later.who in _ATTACKERS or first.who in _ARMED


# The two sides of a fight as ACLED counts them: the armed group's men, and the forces or the
# civilians it fought or attacked. "People", "fighters" and "victims" name no side.
_ARMED_GROUP = re.compile(
    r"\b(?:militants?|insurgents?|rebels?|jihadists?|terrorists?|attackers?|gunm[ae]n"
    r"|assailants?|bombers?|bandits?)\b",
    re.I,
)
_FORCES_OR_CIVILIANS = re.compile(
    r"\b(?:soldiers?|troops|police(?:m[ae]n)?|officers?|gendarmes?|guards?|servicem[ae]n"
    r"|civilians?|villagers?|residents?|farmers?|herders?|traders?|worshipp?ers?)\b",
    re.I,
)


# "HPG claimed 15 soldiers died, which has not been confirmed": a side's claim about the other's
# dead, which ACLED leaves out of a conservative toll.
_UNCONFIRMED = re.compile(
    r"\b(?:claim(?:s|ed|ing)?|unconfirmed|not\s+(?:been\s+)?(?:confirmed|verified)"
    r"|unverified)\b",
    re.I,
)


def _side(mention: CasualtyMention) -> str | None:
    who = mention.evidence.text if mention.who is None else mention.who
    armed = mention.perpetrator or bool(_ARMED_GROUP.search(who))
    other = bool(_FORCES_OR_CIVILIANS.search(who))
    if armed != other:
        return "armed group" if armed else "forces or civilians"
    return None


def _opposite(first: CasualtyMention, later: CasualtyMention) -> bool:
    """Deaths told of the other side from the headline's: "nine militants were killed ... two
    civilians were killed" is eleven dead, whichever side is told first."""
    if later.field != first.field or later is first:
        return False
    a, b = _side(first), _side(later)
    return a is not None and b is not None and a != b


def _count_people(
    mentions: Sequence[CasualtyMention], sentences: Sequence[Sentence], counted: int = 0
) -> Count:
    """No figure stated: each person named or described is one casualty.

    "A second man" is the second person hit in the event: after "killing one man and injuring
    another" (``counted`` people in the other field), he is the one injured, not a third.
    """
    people: list[tuple[CasualtyMention, Sentence]] = []
    for mention, sentence in zip(mentions, sentences, strict=True):
        rank = _ordinal(mention.who)
        if rank < 1_000_000 and rank <= counted + len(people):
            continue
        people.append((mention, sentence))
    reports = tuple(
        Report(value=1, qualifier="exact", source=_source(s), evidence=m.evidence)
        for m, s in people
    )
    n = len(people)
    return Count(low=n, best=n, high=n, reports=reports)


def _weapons(mentions: Sequence[WeaponMention]) -> tuple[WeaponMention, ...]:
    counted = {w.kind for w in mentions if w.count is not None}
    kept: list[WeaponMention] = []
    for weapon in mentions:
        if weapon.count is None and (
            weapon.kind in counted or any(w.kind == weapon.kind for w in kept)
        ):
            continue
        kept.append(weapon)
    return tuple(kept)


def _attributions(sentences: Sequence[Sentence]) -> tuple[AttributionMention, ...]:
    return tuple(a for s in sentences for a in s.attributions)


def _event_id(article_id: str, relation: str, typing: Typing, date: EventDate, where: str) -> str:
    key = "|".join(
        [article_id, relation, typing.sub_event_type, str(date.start), str(date.end), where]
    )
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def build_event(
    article: Article,
    segment: Segment,
    *,
    dates: Sequence[DateMention],
    like: Event | None = None,
) -> Event | None:
    """The event a segment tells, or None when it tells no event.

    ``like`` is the main event: a background event told as "similar strikes" is of its kind.
    """
    sentences = segment.sentences
    text = article.text
    typing = _typing(text, sentences, segment.relation)
    if typing is None:
        return None
    if like is not None and not typing.by_rule and _SIMILAR.search(sentences[0].text):
        typing = Typing(like.event_type, like.sub_event_type, typing.spans)
    if segment.relation == "main":
        typing = _deadly_development(typing, sentences)
    date = event_date(dates, article, segment.relation == "main")
    places = [p for s in sentences for p in s.places]
    if segment.relation == "related" and any(p.lat is not None for p in sentences[0].places):
        places = sentences[0].places  # later sentences of a development drift to other places
    named = [a for s in sentences for a in s.actors]
    location, where_evidence = _location(text, places, country_hints(text, article.id, named))
    country = location.country_code if location else None
    actor_mentions = _with_implied_actor(
        named,
        typing,
        Evidence.of(article.id, text, *typing.spans[0]),
        country,
    )
    actors, actor_evidence = _actors(actor_mentions, country, typing)
    counts: dict[str, Count | None] = {}
    crowd = typing.event_type in ("Protests", "Riots")
    for field in COUNT_FIELDS:
        mentions = _once(
            text,
            [
                (m, s)
                for s in sentences
                for m in s.casualties
                if m.field == field and not (crowd and _recalled(text, s, m, typing.event_type))
            ],
        )
        # Developments outside ACLED's violent types never carry casualties.
        strategic = typing.event_type == "Strategic developments"
        dead = counts.get("fatalities")
        counted = dead.best if field == "injured" and dead is not None else 0
        counts[field] = None if strategic else _count(mentions, counted)
    injured, killed = counts["injured"], counts["fatalities"]
    hit = [m for m, _ in _once(text, [(m, s) for s in sentences for m in s.casualties])]
    hit = [m for m in hit if m.field == "injured"]
    if injured is not None and killed is not None and _shot_counts_the_dead(hit):
        # "Four people were shot, one fatally": the shot include the dead.
        left = max(0, injured.best - killed.best)
        counts["injured"] = Count(low=left, best=left, high=None, reports=injured.reports)
    if counts["injured"] is None and counts["hospitalized"] is not None:
        # "Two men were hospitalized": whoever a violent event sends to hospital was hurt in it.
        counts["injured"] = counts["hospitalized"]
    weapons = _weapons([w for s in sentences for w in s.weapons])
    evidence = {
        "event_type": tuple(Evidence.of(article.id, text, a, b) for a, b in typing.spans),
        "date": tuple(d.evidence for d in dates),
        "location": (where_evidence,) if where_evidence else (),
        "actors": tuple(actor_evidence),
    }
    where = location.name if location else ""
    event = Event(
        event_id=_event_id(article.id, segment.relation, typing, date, where),
        relation=segment.relation,
        event_type=typing.event_type,
        sub_event_type=typing.sub_event_type,
        date=date,
        location=location,
        actors=actors,
        fatalities=counts["fatalities"],
        injured=counts["injured"],
        hospitalized=counts["hospitalized"],
        missing=counts["missing"],
        weapons=weapons,
        quotes=tuple(q for s in sentences for q in s.quotes),
        attributions=_attributions(sentences),
        evidence=evidence,
    )
    return _with_summary(event)


# ACLED's developments are the events without deadly violence: a killing during looting or
# in detention is an attack on civilians, deaths where weapons were seized a clash.
_VIOLENT_FORM = {
    "Looting/property destruction": ("Violence against civilians", "Attack"),
    "Arrests": ("Violence against civilians", "Attack"),
    "Disrupted weapons use": ("Battles", "Armed clash"),
}


def _deadly_development(typing: Typing, sentences: Sequence[Sentence]) -> Typing:
    """A development whose own report states deaths, as the violent event it then is."""
    form = _VIOLENT_FORM.get(typing.sub_event_type)
    if typing.event_type != "Strategic developments" or form is None:
        return typing
    killed = _count([(m, s) for s in sentences for m in s.casualties if m.field == "fatalities"])
    if killed is None or killed.best <= 0:
        return typing
    return Typing(form[0], form[1], typing.spans, by_rule=typing.by_rule, sure=typing.sure)


def _typing(text: str, sentences: Sequence[Sentence], relation: str) -> Typing | None:
    if relation == "related" and not sentences[0].violent:
        first = sentences[0]
        found = classify(first.text, first.start)
        # A visit, a meeting or a speech is news but not one of ACLED's developments: only
        # what the rules name (an agreement, arrests, a base, territory handed over) counts.
        return found if found and found.event_type == "Strategic developments" else None
    opening = [s for s in sentences if s.eventful][:3]
    if not opening:
        return None
    told_opening = " ".join(s.text for s in opening)
    harmed = any(s.violent for s in opening)  # a casualty, or a word of violence
    if (
        harmed
        and not any(s.weapons for s in opening)
        and accidental(
            f"{told_opening} {_told_around(text, sentences, opening[0])}",
            crowd_acts=relation == "main",
        )
    ):
        # "the canopy collapse killed 15", "birds found dead of avian flu": a disaster or an
        # illness, not political violence
        return None
    found = _opening_typing(opening)
    if found is None:
        return None
    told = " ".join(s.text for s in sentences)
    if found.sub_event_type == "Attack" and property_only(told):
        # "Gunmen attacked the village and burned shops": no one hurt, property destroyed.
        found = Typing("Strategic developments", "Looting/property destruction", found.spans,
                       found.by_rule)  # fmt: skip
    elif found.sub_event_type == "Attack" and armed_victims_only(told):
        # "Militants killed a soldier": armed on both sides, a battle.
        found = Typing("Battles", "Armed clash", found.spans, found.by_rule)
    # The police often arrive in the sentences after the protest: read three of them.
    at = sentences.index(opening[0])
    start, end = opening[0].start, sentences[min(at + 2, len(sentences) - 1)].end
    return refine_protest(found, text[start:end], start)


_FULL_STOP = re.compile(r"[.!?][\"'”’)]*\s*$")


def _told_around(text: str, sentences: Sequence[Sentence], first: Sentence) -> str:
    """The sentence before the opening and the two after it, where the cause of the deaths
    is often told: "Swine flu is spreading in the region. Four have died." "... found dead.
    Tests showed bird flu." A label before the opening ("Crash report:") is not a sentence."""
    at = sentences.index(first)
    before = at - 1 if at and _FULL_STOP.search(sentences[at - 1].text) else at
    return text[sentences[before].start : sentences[min(at + 2, len(sentences) - 1)].end]


def _opening_typing(opening: Sequence[Sentence]) -> Typing | None:
    rule = _rule_typing(opening)
    if (
        rule is not None
        and rule.sub_event_type == "Abduction/forced disappearance"
        and any(_KILLING.search(s.text) for s in opening)
    ):
        # "abducted and executed a man": ACLED codes the killing, an attack.
        rule = Typing("Violence against civilians", "Attack", rule.spans)
    if rule is not None and rule.by_rule and (rule.sure or rule.sub_event_type in _SURE):
        return rule
    learned = predict(" ".join(s.text for s in opening))
    if learned is not None and (
        learned.probability >= _CONFIDENT or rule is None or not rule.by_rule
    ):
        if rule is not None and rule.sub_event_type == learned.sub_event_type:
            return rule  # the rule's trigger words are the sharper evidence
        first = opening[0]
        # by_rule=False: no trigger words decided it, so "a similar attack" may still inherit.
        return Typing(TYPE_OF[learned.sub_event_type], learned.sub_event_type,
                      ((first.start, first.end),), by_rule=False)  # fmt: skip
    return rule


def _rule_typing(sentences: Sequence[Sentence]) -> Typing | None:
    # The sentence that opens the event decides; later sentences only when it says too little.
    fallback: Typing | None = None
    for sentence in sentences:
        found = classify(sentence.text, sentence.start)
        if (
            found is not None
            and found.by_rule
            and (fallback is None or found.event_type == _REMOTE)
        ):
            return found  # a later sentence may only name the weapon the opening left out
        fallback = fallback or found
    return fallback


def _with_summary(event: Event) -> Event:
    from dataclasses import replace

    return replace(event, summary=summarize(event))


__all__ = ["build_event", "country_hints", "state_forces_name"]
