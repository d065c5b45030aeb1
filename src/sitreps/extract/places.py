"""Places an article names, found in a parsed doc and resolved against the gazetteer.

Three finders propose spans of the text:

1. designator phrases: "Solomyanskyi district", "Donetsk region", "Borno State", "Donetsk
   and Luhansk regions". The span is the whole phrase; the designator says which kind of
   place to look for.
2. spaCy's GPE, LOC and FAC entities, without a leading "the" or a trailing possessive, and
   without demonyms the model calls places ("Ukrainian").
3. capitalized names the gazetteer knows that the model missed or mislabelled: "Kyiv
   overnight" as TIME, "Omdurman" as NORP, "Pokrovsk" as PERSON. Only countries, regions,
   towns of a thousand people or more, and districts of a city the text names count. A name
   inside an organisation counts only when it is an authority ("Gaza Health Ministry", not
   "Kyiv Independent"); a name the model took for a person counts only when it is a place
   in a country the article is about.

Where spans overlap, a designator phrase wins over an entity, and an entity over a bare name.

Each span is then resolved among its candidates by prior (population) plus context: the
countries and regions the article names, the cities a district belongs to, the countries of
its demonyms, of its actors of one country ("Taliban", "OSCE SMM") and of the big cities it
names without ambiguity.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy

from ..geo.borders import neighbours
from ..geo.demonyms import country_of_demonym, names_currency
from ..geo.gazetteer import OTHER_NAME, SETTLEMENT_FEATURES, Candidate, Gazetteer, normalize_name
from ..geo.resolve import Mention, resolve
from ..nlp.pipeline import doc_text, doc_tokens
from ..types import Evidence, PlaceMention
from .actors import home_areas, home_countries, home_regions

__all__ = ["attributive", "find_places", "name_runs", "place_cues", "resolve_place_name"]

# spaCy's tokens and docs have no type stubs.
Doc = Any
Span = Any
Token = Any

_PLACE_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})
_ORG_OF_PLACE: Final = re.compile(
    r"\b(?:ministry|authority|authorities|administration|municipality|government|governor|"
    r"council|police|bureau|services?|department|commission|agency|board|association|"
    r"guard|university|college|library)\b",
    re.IGNORECASE,
)
# Facilities that take their place's name: "Donetsk Airport", "Shadadah base". Squares,
# bridges and markets are left out: they are as often named after an idea ("Independence").
_FACILITY: Final = re.compile(
    r"(?:(?:international|military|filtration|power|railway|train|bus|police|pumping|water)\s+)?"
    r"(?:airport|air\s*base|airbase|base|station|mine|port|dam|plant|checkpoint|crossing"
    r"|prison|barracks)",
    re.IGNORECASE,
)
_DESIGNATORS: Final[Mapping[str, frozenset[str]]] = {
    **dict.fromkeys(
        ("neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods"),
        frozenset({"district"}),
    ),
    # A city's district ("Solomyanskyi district") or an admin2 ("Nahri Saraj district").
    **dict.fromkeys(("district", "districts"), frozenset({"district", "other"})),
    **dict.fromkeys(
        ("region", "regions", "oblast", "oblasts", "governorate", "governorates", "state"),
        frozenset({"admin1"}),
    ),
    # A province, department or prefecture is an admin1 in some countries (Colombia's
    # "Atlantico department", Japan's prefectures) and an admin2 in others (Burkina Faso's
    # "Soum province", Togo's prefectures).
    **dict.fromkeys(
        ("province", "provinces", "department", "departments", "prefecture", "prefectures"),
        frozenset({"admin1", "other"}),
    ),
    **dict.fromkeys(
        ("county", "counties", "parish", "raion", "rayon", "municipality", "lga"),
        frozenset({"other"}),
    ),
}  # fmt: skip
# Designators that also name an office ("Police Department", "Water Municipality"): a name
# before them that is no known division is left to the other finders.
_OFFICE_WORDS: Final = frozenset({
    "department", "departments", "municipality", "prefecture", "prefectures", "lga",
})  # fmt: skip
# Lower-case words inside a name: "Tal al-Hawa", "Deir ez-Zor", "Rostov-on-Don".
_JOINERS: Final = frozenset({
    "-", "al", "el", "ad", "ed", "as", "es", "ash", "ar", "at", "az", "ez", "ul", "de", "del",
    "di", "da", "do", "du", "des", "la", "le", "les", "los", "las", "on", "upon", "sur", "am",
    "an", "bin", "ibn", "e", "i", "ye", "y", "o",
})  # fmt: skip
# Capitalized words that are also the names of towns somewhere ("Police", Poland; "Marks",
# Russia; "March", England), never taken for one when the model did not.
_NOT_PLACES: Final = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "police", "security", "council", "mayor", "minister", "ministry",
    "president", "general", "governor", "army", "navy", "military", "forces", "defence",
    "defense", "interior", "health", "foreign", "affairs", "state", "city", "region",
    "district", "north", "south", "east", "west", "central", "northern", "southern", "eastern",
    "western", "mobile", "independence", "victory", "liberty", "union", "hope", "reading",
    "bath", "nice", "split", "temple", "orange", "marks", "africa", "europe", "asia",
    "town", "village", "township", "area", "sector", "ward", "camp", "market",
    "america", "oceania", "sahel", "sahara", "maghreb", "balkans", "caucasus", "levant",
    "college", "university", "congress", "parliament", "senate",
})  # fmt: skip
_COMPASS_WORDS: Final = frozenset({
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "upper", "lower", "middle",
})  # fmt: skip
# Words after a town's name that make the phrase its office or service: "Lewisburg Mayor",
# "Torrington Fire Department", "Harwinton First Selectman", "Grovetown police".
_MUNICIPAL: Final = frozenset({
    "mayor", "police", "fire", "selectman", "selectwoman", "first", "council", "councilman",
    "councilwoman", "alderman", "aldermen", "sheriff", "municipal", "volunteer", "public",
    "school", "schools", "superior", "circuit", "historical", "library",
})  # fmt: skip
_POSSESSIVE: Final = frozenset({"'s", "’s", "'", "’"})
# Words before a place name: "in Kherson" is a place even when the model saw a person.
_LOCATIVE: Final = frozenset(
    {"in", "near", "outside", "around", "across", "into", "toward", "towards", "inside", "from"}
)
_TOWN: Final = 1000  # fewest people for a bare capitalized name to count as a place
_BIG: Final = 100_000

_UNAMBIGUOUS_TOWN: Final = 5000
_DWARFS: Final = 10  # times a town must outnumber every namesake abroad to stand alone
_POINTED: Final = 0.6  # how strongly the text must point at a doubted name's country


@dataclass(frozen=True, slots=True)
class _Found:
    start: int  # character offsets of the evidence
    end: int
    name: str  # what to look up: the span without its designator
    rank: int  # the finder: 0 designator, 1 entity, 2 bare name; lower wins an overlap
    candidates: tuple[Candidate, ...]
    # Kept only if the context agrees: a name the model took for a person or organisation
    # (else dropped), or a LOC entity that is only a small town (else left unresolved).
    guarded: bool = False
    # Known only by another name of the place ("Bahri" for Khartoum North): kept only in a
    # text about the place's country.
    alias: bool = False


def resolve_place_name(
    name: str, *, context_countries: Sequence[str] = (), gazetteer: Gazetteer
) -> Candidate | None:
    """The place ``name`` most likely means, preferring places in ``context_countries``."""
    candidates = gazetteer.lookup(name)
    if not candidates:
        return None
    named = Counter({cc: 2 for cc in context_countries})
    best, _ = resolve([Mention(candidates=candidates, votes=False)], demonyms=named)[0]
    return best


def find_places(doc: Doc, *, article_id: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Every place ``doc`` names, in text order, resolved where the gazetteer allows.

    Offsets are character offsets into ``doc.text``. A place that cannot be resolved keeps
    its evidence, with no name and no coordinates.
    """
    text = doc_text(doc)
    designated = [*_designator_spans(doc, gazetteer), *_container_spans(doc, gazetteer)]
    entities = [
        *_dateline_spans(text, gazetteer),
        *_home_town_spans(text, gazetteer),
        *_entity_spans(doc, gazetteer),
    ]
    normalized_text = f" {normalize_name(text)} "
    # Villages of the regions where the text's actors act ("OSCE SMM": Donetsk and Luhansk
    # oblasts) count as bare names, however small.
    regions = home_regions(text)
    areas = home_areas(text)
    names = list(_name_spans(doc, gazetteer, designated, normalized_text, regions))
    found = [
        dataclasses.replace(f, guarded=False) if f.guarded and _after_division(text, f) else f
        for f in _without_overlaps([*designated, *entities, *names])
    ]

    found = _without_speakers(text, found)
    found = _with_contained_villages(text, found, gazetteer)
    if regions:
        found = _with_villages_of_regions(found, regions, gazetteer)
    demonyms: Counter[str] = Counter()
    for token in doc_tokens(doc):
        if (
            token.text[:1].isupper()
            and (code := country_of_demonym(token.text))
            and not names_currency(text, token.idx + len(token.text))
        ):
            demonyms[code] += 1
    # An actor named after its country ("Taliban", "Police Forces of Nigeria") says it as much.
    clues = home_countries(text)
    demonyms.update(clues)
    resolved = _resolve_all(text, found, demonyms, clues)
    country = _document_country(text, found, resolved, demonyms)
    if country is not None and any(not f.candidates for f in found):
        # A name the gazetteer does not know may be a near spelling of a place of the
        # country the text is about: "Nahri Saraj" for "Nahr-e Saraj".
        found = [
            f
            if f.candidates
            else dataclasses.replace(
                f, candidates=_near_spellings(text, found, i, gazetteer, country)
            )
            for i, f in enumerate(found)
        ]
        resolved = _resolve_all(text, found, demonyms, clues)
    places = []
    for f, (best, backed) in zip(found, resolved, strict=True):
        agrees = _agrees(best, backed, f.candidates, areas) and (backed >= _POINTED or not f.alias)
        agrees = agrees or (best is not None and best.admin1_code in regions and not f.alias)
        if best is not None and backed < _POINTED and _compass_only(f.name):
            # "the Eastern region": a region of every country, of none in the text; unless
            # it holds a place before it ("Kasoa (Awutu Senya, Central)").
            best = best if _IN_BRACKETS.search(text, 0, f.start) else None
        if f.guarded and not agrees:
            if f.rank != 1:
                continue
            best = None  # "Africa" is named, but is no town of that name in Tunisia
        if best is not None and best.feature != "admin1":
            best = _state_by_office(text, f, best)
        places.append(_mention(Evidence.of(article_id, text, f.start, f.end), best))
    return places


# Words after a name that make it a state's or province's: "New York Gov. Andrew Cuomo", "the
# New York border", "New York's attorney general".
_STATE_OFFICE: Final = re.compile(
    r"(?:['’]s)?\s+(?:gov\.|governor|government|premier|border|legislature|lawmakers"
    r"|attorney\s+general"
    r"|state\s+(?:senate|house|assembly|police|line))",
    re.IGNORECASE,
)


def _state_by_office(text: str, f: _Found, best: Candidate) -> Candidate:
    """The region of the same name in the same country, when the name is followed by the
    region's office or border; else ``best``."""
    if not _STATE_OFFICE.match(text, f.end):
        return best
    key = normalize_name(f.name)
    for c in f.candidates:
        if (
            c.feature == "admin1"
            and c.country_code == best.country_code
            and normalize_name(c.name) == key
        ):
            return c
    return best


# A news dateline: the town in capitals that opens a story, then a dash or a comma and its
# state ("SALINA, Kan. -", "TORRINGTON -"). The model rarely reads capitals as a place.
_DATELINE: Final = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))([A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+){0,2})"
    r"(?=\s*(?:--|\u2014|\u2013|-\s|,\s+[A-Z][A-Za-z.]+))"
)


def _dateline_spans(text: str, gazetteer: Gazetteer) -> Iterator[_Found]:
    """Towns named by a dateline in capitals; only settlements, never a capitalized word
    such as "UPDATE -" that a village shares."""
    for match in _DATELINE.finditer(text):
        name = match.group(1).rstrip(".")
        if len(name.replace(" ", "")) < 4 or name.lower() in _NOT_PLACES:
            continue
        candidates = tuple(gazetteer.lookup(name, features=SETTLEMENT_FEATURES))
        if candidates:
            yield _Found(match.start(1), match.start(1) + len(name), name, 1, candidates)


# A US legislator's party and home town after the name: "Sen. Tom Bakk, DFL-Cook,",
# "Rep. Wendell Gilliard, D-Charleston".
_PARTY_TOWN: Final = re.compile(r"(?<=, )(?:D|R|I|DFL)-([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=[,;)\s])")


def _home_town_spans(text: str, gazetteer: Gazetteer) -> Iterator[_Found]:
    for match in _PARTY_TOWN.finditer(text):
        candidates = tuple(gazetteer.lookup(match.group(1), features=SETTLEMENT_FEATURES))
        if candidates:
            yield _Found(match.start(1), match.end(1), match.group(1), 1, candidates)


# Words after a country's name that leave it a noun of its own: "Burkina Faso to", "Mali and".
_NOT_MODIFIED: Final = frozenset({
    "and", "or", "to", "in", "on", "at", "for", "with", "from", "by", "of", "as", "is", "was",
    "were", "are", "has", "had", "have", "after", "before", "since", "during", "over", "under",
    "into", "near", "where", "which", "who", "that", "the", "a", "an", "but", "while", "when",
    "amid", "than", "via", "across", "along", "through", "toward", "towards", "against",
    "between", "around", "about", "would", "will", "could", "should", "may", "might", "can",
    "did", "does", "do", "not", "also", "itself", "alone", "last", "this",
})  # fmt: skip
_NEXT_WORD: Final = re.compile(r"[ \t]+([a-z]+)\b")


def attributive(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` qualifies the common noun after it ("US dollar",
    "U.S. officials"): it then says whose, not where, as a demonym would."""
    match = _NEXT_WORD.match(text, end)
    return match is not None and match[1] not in _NOT_MODIFIED


# A division's designator and a comma: what follows is the larger division it lies in.
_DIVISION_COMMA: Final = re.compile(
    r"\b(?:districts?|provinces?|lga|count(?:y|ies)|raion|rayon|municipality|commune|"
    r"department|governorate|sub-district|subdistrict|tehsil|upazila)\s*,\s*$",
    re.IGNORECASE,
)


def _after_division(text: str, f: _Found) -> bool:
    """ "Maywand district, Kandahar": whatever the model made of it, Kandahar is a place."""
    return bool(_DIVISION_COMMA.search(text[max(0, f.start - 40) : f.start]))


def _resolve_all(
    text: str, found: Sequence[_Found], demonyms: Mapping[str, int], clues: Mapping[str, int]
) -> list[tuple[Candidate | None, float]]:
    demonyms = Counter(demonyms)
    mentions = []
    for f in found:
        votes = not f.guarded
        top = f.candidates[0] if f.candidates else None
        if votes and top and top.feature == "country" and attributive(text, f.end):
            votes = False  # "U.S. officials": a nationality, as "American" would be
            if not names_currency(text, f.end):  # "the US dollar" is no nationality
                demonyms[top.country_code or ""] += 1
        mentions.append(Mention(candidates=f.candidates, votes=votes, key=normalize_name(f.name)))
    _link_containers(text, found, mentions)
    containers = {j for m in mentions for j in m.containers}
    for j, (f, m) in enumerate(zip(found, mentions, strict=True)):
        if j not in containers and _common_division(f):
            m.votes = False
    named = {normalize_name(f.name) for f in found if f.candidates}
    named |= {normalize_name(c.name) for f in found for c in f.candidates[:1]}
    near = {n for cc in clues for n in (cc, *neighbours(cc))}
    areas = {n for cc in home_areas(text) for n in (cc, *neighbours(cc))}
    return resolve(
        mentions,
        demonyms=demonyms,
        named=named,
        local=clues,
        near_local=near,
        areas=areas,
        actor_regions=home_regions(text),
    )


_COMMON: Final = 3  # regions with a division of a name that make it a common one


def _common_division(f: _Found) -> bool:
    """Whether a bare name is only that of divisions in many regions ("Jackson", "Hall",
    "Lewis": counties of a dozen states, and as often a person): unless it says where
    another name lies ("Clacton, Essex"), it says nothing of where the text is, and its
    namesakes are no neighbours to other names."""
    if f.rank != 2 or not f.candidates:
        return False
    if any(c.feature != "other" for c in f.candidates):
        return False
    return len({(c.country_code, c.admin1) for c in f.candidates}) >= _COMMON


def _document_country(
    text: str,
    found: Sequence[_Found],
    resolved: Sequence[tuple[Candidate | None, float]],
    demonyms: Mapping[str, int],
) -> str | None:
    """The one country the text is about, if it is clear: the country most of its resolved
    places lie in (and its demonyms point at), at least twice as often as any other. A
    country that only qualifies a noun ("US dollar") is no place of the text."""
    votes: Counter[str] = Counter(demonyms)
    for f, (best, _) in zip(found, resolved, strict=True):
        if best is not None and best.feature == "country" and attributive(text, f.end):
            continue
        if best is not None and best.country_code and not f.guarded:
            votes[best.country_code] += 2
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


# The bracket after a name, or after the word that says what it is: "Ashulia town (".
_OPEN: Final = re.compile(
    r"\s*(?:(?:city|town|village|villages|area|areas|district|camp|locality|sector)\s*){0,2}"
    r"[(\[]\s*"
)
_PLACE_WORDS: Final = frozenset({
    "city", "town", "village", "villages", "area", "areas", "district", "camp", "locality",
    "sector",
})  # fmt: skip
_COMMA: Final = re.compile(r"\s*,\s*")
# "X in Y", "X in the countryside of Y", "X in rural Y".
_IN: Final = re.compile(
    r"\s+in\s+(?:the\s+)?(?:(?:[a-z]+\s+){1,3}of\s+|(?:rural|central|northern|southern|"
    r"eastern|western|north|south|east|west|greater|downtown|occupied)\s+)?"
)


# "the Qalat area of", "Naychin village of": a part of what the next name is.
_PART_OF: Final = re.compile(
    r"['\"’”]?\s+(?:area|areas|village|villages|locality|vicinity|outskirts|neighbou?rhood"
    r"|community|quarter|suburbs?)"
    r"\s+of\s+(?:the\s+)?"
)
_OF: Final = re.compile(r"\s+of\s+(?:the\s+)?")
# A name that ends in what it is a part of a larger place as: "Basakpinar neighborhood".
_PART_WORD: Final = re.compile(
    r"\s(?:area|village|locality|neighbou?rhood|quarter|suburb)$", re.IGNORECASE
)


def _near_spellings(
    text: str, found: Sequence[_Found], i: int, gazetteer: Gazetteer, country: str
) -> tuple[Candidate, ...]:
    """Places of ``country`` spelled nearly as the unknown name ``found[i]``; only those in
    the region the text puts it in, when it says ("Bakirkoy town, Istanbul" is no village
    "Bayir" of another province)."""
    regions = _regions_after(text, found, i)
    admin1s = {a for cc, a in regions if cc == country and a} if regions else None
    return tuple(gazetteer.near_matches(found[i].name, country, admin1s=admin1s))


def _regions_after(text: str, found: Sequence[_Found], i: int) -> set[tuple[str | None, str]]:
    """The (country, admin1) pairs the names right after ``found[i]`` may lie in, when they
    contain it: "X, Y", "X in Y", "X area of Y", "X (Y, Z)"."""
    regions: set[tuple[str | None, str]] = set()
    if i + 1 >= len(found):
        return regions
    j, joint = i + 1, text[found[i].end : found[i + 1].start]
    bracketed = _OPEN.fullmatch(joint) is not None
    contained = _COMMA.fullmatch(joint) or _WORD_COMMA.fullmatch(joint) or _IN.fullmatch(joint)
    if not (bracketed or contained or _part_of(text, found, i)):
        return regions
    while j < len(found):
        regions |= {(c.country_code, c.admin1) for c in found[j].candidates if c.admin1}
        if not bracketed or j + 1 >= len(found):
            break
        if not _COMMA.fullmatch(text[found[j].end : found[j + 1].start]):
            break
        j += 1
    return regions


_NAME_GOES_ON: Final = re.compile(r"[ \t]+[A-Z]")
# "Bakirkoy town, Istanbul": what the name is, then a comma and what contains it.
_WORD_COMMA: Final = re.compile(r"\s+(?:town|city|village|area|locality|sector)\s*,\s*")


def _part_of(text: str, found: Sequence[_Found], i: int) -> bool:
    """ "The Naychin area of Tarinkot district", "the Basakpinar neighborhood of Talas": the
    name is a part of the next one."""
    between = text[found[i].end : found[i + 1].start]
    if _NAME_GOES_ON.match(text, found[i + 1].end):
        return False  # "the Abchakan area of Puli Alam city": not the Puli the gazetteer knows
    if _PART_OF.fullmatch(between):
        return True
    written = text[found[i].start : found[i].end]
    return _OF.fullmatch(between) is not None and _PART_WORD.search(written) is not None


def _link_containers(text: str, found: Sequence[_Found], mentions: Sequence[Mention]) -> None:
    """Mark the names that say where a name lies: "Djibo (Djibo, Soum)", "Musa Khel
    district, Khost", "Pokrovsk, Donetsk region", "the Naychin area of Tarinkot district,
    Urozgan" (as firmly as brackets: the area lies in the district, or is not known)."""
    for i, f in enumerate(found[:-1]):
        nxt = found[i + 1]
        between = text[f.end : nxt.start]
        if _OPEN.fullmatch(between) or (_part_of(text, found, i) and nxt.candidates):
            mentions[i].bracketed = True
            j = i + 1
            while j < len(found):
                mentions[i].containers.append(j)
                if j + 1 >= len(found) or not _COMMA.fullmatch(
                    text[found[j].end : found[j + 1].start]
                ):
                    break
                j += 1
        elif (_COMMA.fullmatch(between) or _IN.fullmatch(between)) and nxt.candidates:
            mentions[i].containers.append(i + 1)  # "Pisky, Donetsk", "Mansura in Ar-Raqqa"
            # "Caracoli, Malambo, Atlantico department": the region after the town that
            # contains the place contains it too.
            if (
                i + 2 < len(found)
                and _COMMA.fullmatch(text[nxt.end : found[i + 2].start])
                and found[i + 2].candidates
                and found[i + 2].candidates[0].feature == "admin1"
            ):
                mentions[i].containers.append(i + 2)
            # "in" says what contains the place, where a comma may only list two places; not
            # when the name after it qualifies a noun ("Rockford in the Miss category").
            firm = _IN.fullmatch(between) is not None and not attributive(text, nxt.end)
            # "Ghaziabad district, Kunar": a district lies in the province after it.
            region = nxt.candidates[0].feature == "admin1" and _after_division(text, nxt)
            mentions[i].bracketed = firm or region


_IN_BRACKETS: Final = re.compile(r"\w\s*\((?:[^()\n,]{1,40},\s*){0,2}$")


def _compass_only(name: str) -> bool:
    """Whether a name is only a direction ("Eastern", "North Central"), as many countries name
    a region: it says which only in a text about one of them."""
    words = name.casefold().replace("-", " ").split()
    return bool(words) and all(w in _COMPASS_WORDS for w in words)


def _with_contained_villages(
    text: str, found: Sequence[_Found], gazetteer: Gazetteer
) -> list[_Found]:
    """The names followed by what contains them ("Pisky, Donetsk", "Mansura in Ar-Raqqa"),
    with the small places of that name inside it: a village too small to be taken for a
    place alone is likely the one its region names. Where the region has none of that name,
    its places of a near spelling are added: "Vodyane, Donetsk" is written as the Russian
    reads it, and is the Vodiane of Donetsk oblast, not the town of another oblast."""
    result = list(found)
    for i, f in enumerate(found[:-1]):
        nxt = found[i + 1]
        between = text[f.end : nxt.start]
        if not nxt.candidates or not (
            _COMMA.fullmatch(between) or _IN.fullmatch(between) or _part_of(text, found, i)
        ):
            continue
        regions = {(c.country_code, c.admin1) for c in nxt.candidates if c.admin1}
        small = [
            c
            for c in (gazetteer.lookup(f.name) if f.rank == 2 else f.candidates)
            if c.match != OTHER_NAME
            and c.feature not in ("country", "admin1")
            and (c.country_code, c.admin1) in regions
        ]
        if not small and f.name[:1].isupper():
            small = [
                c
                for cc in sorted({cc for cc, _ in regions if cc})
                for c in gazetteer.near_matches(
                    f.name, cc, limit=5, admin1s={a for k, a in regions if k == cc and a}
                )
                if c.feature not in ("country", "admin1")
            ]
        small = [c for c in small if c not in f.candidates]
        if small:
            result[i] = dataclasses.replace(f, candidates=(*f.candidates, *small))
    return result


def _with_villages_of_regions(
    found: Sequence[_Found], regions: frozenset[str], gazetteer: Gazetteer
) -> list[_Found]:
    """The names with no namesake in the regions where the text's actors act, with the
    places of a near spelling there: "Kamyanka", as Russian spells it, is the Kamianka of
    Donetsk oblast in a report of the Donbas monitors, not the town of another oblast."""
    names: dict[str, set[str]] = {}
    for code in sorted(regions):
        country, _, suffix = code.partition("-")
        names.setdefault(country, set()).update(
            c.admin1 for c in gazetteer.admin1_by_code(suffix) if c.admin1_code == code and c.admin1
        )
    result = []
    for f in found:
        if f.rank != 0 and not any(
            c.admin1_code in regions or c.feature in ("country", "admin1") for c in f.candidates
        ):
            near = [
                c
                for country, admin1s in names.items()
                for c in gazetteer.near_matches(f.name, country, limit=5, admin1s=admin1s)
            ]
            f = dataclasses.replace(f, candidates=(*f.candidates, *near)) if near else f
        result.append(f)
    return result


# A name that speaks is a person's: "Wheeler said", "said Johnson", "Lee told reporters".
_SPEAKS_AFTER: Final = re.compile(r"[ \t]+(?:said|says|told|added|asked|explained|noted)\b")
_SPEAKS_BEFORE: Final = re.compile(r"\b(?:said|says|told|added|asked|explained|noted)[ \t]+$")
_CLAUSE_END: Final = re.compile(r"\s*(?:[.,;:!?]|$)")
# A name after a person's title, and up to two given names or initials: "coach Ripley",
# "Chief David Wheeler", "Sgt. Don Yarbrough", "Rev. Al Meredith".
_TITLED: Final = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Dr|Rev|Sen|Rep|Gov|Lt|Sgt|Capt|Cpl|Col|Maj|Det|Prof)\.?"
    r"|Officer|Deputy|Detective|Trooper|Chief|[Cc]oach|Judge|Sheriff|Mayor|President"
    r"|Principal|Superintendent|Commissioner|Councilman|Councilwoman|Senator|Governor"
    r"|Professor|Pastor|Bishop|Director|Chairman|Chairwoman|spokesman|spokeswoman)"
    r"[ \t]+(?:(?:[A-Z][a-z]+|[A-Z]\.)[ \t]+){0,2}([A-Z][a-z]+)\b(?![ \t]+[A-Z])"
)


def _without_speakers(text: str, found: Sequence[_Found]) -> list[_Found]:
    """The names found, less bare names the text makes speak or gives a person's title,
    wherever it writes them: a small place never says anything, a person of its name does
    ("Wheeler said" of a police chief Wheeler is no village in Texas, nor "coach Ripley" a
    town of Tennessee). A country, a region or a big city may speak for its government
    ("Moscow said"). A title outweighs the model's reading of the name as a place."""

    def small(f: _Found, ranks: Collection[int] = (2,)) -> bool:
        return f.rank in ranks and not any(
            c.feature in ("country", "admin1") or c.population >= _BIG for c in f.candidates
        )

    titled = {normalize_name(m[1]) for m in _TITLED.finditer(text)}
    speakers = {
        normalize_name(f.name)
        for f in found
        if small(f)
        and (
            _SPEAKS_AFTER.match(text, f.end)
            # "said Johnson." but not "said Avondale Mayor Ed Rieker", the town's mayor
            or (
                _SPEAKS_BEFORE.search(text, max(0, f.start - 12), f.start)
                and _CLAUSE_END.match(text, f.end)
            )
        )
    }
    return [
        f
        for f in found
        if not (small(f) and normalize_name(f.name) in speakers)
        and not (small(f, (1, 2)) and normalize_name(f.name) in titled)
    ]


def _agrees(
    best: Candidate | None,
    backed: float,
    candidates: Sequence[Candidate],
    areas: Collection[str] = frozenset(),
) -> bool:
    """Whether a doubted name is kept: a country, region or district; a place in a country
    the rest of the text points at; the only place of the name in the countries where the
    text's armed groups fight ("JNIM": Mali, Burkina Faso, Niger); or a town of some size
    that no other country has, or whose namesakes abroad are a tenth its size or less."""
    if best is None:
        return False
    if best.feature in ("country", "admin1", "district"):
        return True
    if backed >= _POINTED:
        return best.population >= _TOWN or best.feature == "other"
    if best.country_code in areas and best.population >= _TOWN:
        return all(
            c.country_code == best.country_code for c in candidates if c.country_code in areas
        )
    abroad = [c.population for c in candidates if c.country_code != best.country_code]
    return best.population >= _UNAMBIGUOUS_TOWN and all(
        _DWARFS * population <= best.population for population in abroad
    )


def _mention(evidence: Evidence, c: Candidate | None) -> PlaceMention:
    if c is None:
        return PlaceMention(evidence=evidence)
    return PlaceMention(
        evidence=evidence,
        name=c.name,
        feature=c.feature,
        country_code=c.country_code,
        country=c.country,
        admin1=c.admin1,
        admin2=c.admin2,
        district=c.name if c.feature == "district" else None,
        lat=c.lat,
        lon=c.lon,
        geonames_id=c.geonames_id,
        population=c.population,
        middle_lat=c.middle_lat,
        middle_lon=c.middle_lon,
    )


def _without_overlaps(found: Iterable[_Found]) -> list[_Found]:
    kept: list[_Found] = []
    taken: list[tuple[int, int]] = []
    # Of two designator phrases, one the gazetteer knows wins: "Minnesota State" over
    # "Minnesota State Chess Association state", a body's name before "state tournament".
    for f in sorted(found, key=lambda f: (f.rank, not f.candidates, f.start - f.end, f.start)):
        if all(f.end <= start or f.start >= end for start, end in taken):
            kept.append(f)
            taken.append((f.start, f.end))
    return sorted(kept, key=lambda f: f.start)


# --- name runs: capitalized words, joined by hyphens and particles ---------------------------


def _is_name_word(token: Token) -> bool:
    text: str = token.text
    return text[:1].isupper() and any(ch.isalpha() for ch in text) and not token.like_num


def _is_joiner(token: Token) -> bool:
    return bool(token.lower_ in _JOINERS)


def name_runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) of the capitalized names of ``doc`` (see ``_runs``)."""
    return _runs(doc)


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) of capitalized names: "Tal al-Hawa", "Kyiv", "Gaza City".

    Found once per doc (the cue planner and two finders all ask), from the token texts alone,
    so the doc's later annotation does not change them.
    """
    cached = doc.user_data.get(_RUNS_KEY)
    if cached is None:
        cached = doc.user_data[_RUNS_KEY] = _find_runs(doc_tokens(doc))
    return list(cached)


_RUNS_KEY: Final = "sitreps.name_runs"


def _find_runs(tokens: Iterable[Token]) -> tuple[tuple[int, int], ...]:
    # One pass over the tokens: making a Token object costs more than testing it.
    names: list[bool] = []
    joiners: list[bool] = []
    spaced = False  # whether the token before was followed by a space
    for token in tokens:
        names.append(_is_name_word(token))
        # A dash between spaces parts two names ("DANIELSVILLE - Madison County"), where one
        # inside a name joins it ("Rostov-on-Don").
        apart = spaced and token.text == "-" and bool(token.whitespace_)
        joiners.append(token.lower_ in _JOINERS and not apart)
        spaced = bool(token.whitespace_)
    runs = []
    i, n = 0, len(names)
    while i < n:
        if not names[i]:
            i += 1
            continue
        j = i + 1
        while j < n:
            if names[j]:
                j += 1
                continue
            k = j
            while k < n and joiners[k]:
                k += 1
            if j < k < n and names[k]:
                j = k + 1
                continue
            break
        runs.append((i, j))
        i = j
    return tuple(runs)


def _lookup(gazetteer: Gazetteer, name: str, features: frozenset[str] | None) -> list[Candidate]:
    found = gazetteer.lookup(name, features=features) if features else []
    return found or gazetteer.lookup(name)


def place_cues(doc: Doc, gazetteer: Gazetteer) -> list[int]:
    """The first token of each name in ``doc`` that may be a place, read from the tokens
    alone (no tagger, no entities): a capitalized name the gazetteer knows, a name before a
    designator ("Donetsk region"), a name after a locative word ("in Kodyel").

    Cheap, and generous: it says where the entity recognizer is worth running, so that a
    place the finders above would take is not missed for want of it.
    """
    cues: list[int] = []
    text, every = doc_text(doc), doc_tokens(doc)
    for start, end in _runs(doc):
        while start < end - 1 and _droppable(every[start]):
            start += 1
        if (end < len(doc) and every[end].lower_ in _DESIGNATORS) or _after_place_word(doc, start):
            cues.append(start)
            continue
        tokens = every[start:end]
        joiner = [_is_joiner(token) for token in tokens]
        bounds = [(token.idx, token.idx + len(token)) for token in tokens]
        for first in range(end - start):
            if joiner[first] and not (first == 0 and tokens[first].text[:1].isupper()):
                continue
            for last in range(min(end - start, first + 5), first, -1):
                if joiner[last - 1]:
                    continue
                name = text[bounds[first][0] : bounds[last - 1][1]]
                # The gazetteer's test first: most names fail it, and it costs the least.
                if gazetteer.knows(name) and (
                    name.isupper() or not _is_common_word(tokens[first:last])
                ):
                    cues.append(start + first)
                    break
            else:
                continue
            break
    return cues


def _after_place_word(doc: Doc, start: int) -> bool:
    """Whether a name follows "in", "near", "village", "the town of"."""
    before = doc[start - 1].lower_ if start else ""
    return before in _LOCATIVE or before in _SETTLEMENT or _of_place(doc, start)


# --- 1. designator phrases --------------------------------------------------------------------


def _designator_spans(doc: Doc, gazetteer: Gazetteer) -> Iterator[_Found]:
    run_of = {i: (start, end) for start, end in _runs(doc) for i in range(start, end)}
    for token in doc_tokens(doc):
        features = _DESIGNATORS.get(token.lower_)
        if features is None:
            continue
        i = token.i
        if i in run_of and run_of[i][0] < i:
            start = run_of[i][0]  # "Kharkiv Oblast", "Borno State"
        elif i - 1 in run_of and run_of[i - 1][1] == i:
            start = run_of[i - 1][0]  # "Donetsk region"
        else:
            continue
        found = _designated(doc, gazetteer, start, i, i + 1, features)
        if found is not None and not found[1].candidates and token.lower_ in _OFFICE_WORDS:
            continue  # "Shreveport Police Department" is an office, not a division
        plural = token.lower_.endswith("s")
        # "Donetsk and Luhansk regions": each name before a plural designator is one too.
        while found is not None:
            first, place = found
            yield place
            before = first - 2
            joined = doc[first - 1].lower_ in ("and", "or", ",") if first else False
            if not (plural and joined and before in run_of and run_of[before][1] == first - 1):
                break
            found = _designated(doc, gazetteer, run_of[before][0], first - 1, first - 1, features)


def _designated(
    doc: Doc, gazetteer: Gazetteer, start: int, name_end: int, end: int, features: frozenset[str]
) -> tuple[int, _Found] | None:
    """The place named by tokens [start, name_end), with its first token; the span runs to
    ``end`` to take in the designator.

    The name is the whole run of capitalized words before the designator, less leading
    words that cannot be part of it ("On", "Northern", "Afghan"): never a fragment of it
    ("Surkh Rod district" is not Rod). A name the gazetteer does not know is kept
    unresolved, so that no fragment of it is taken for a place elsewhere.
    """
    first = start
    while first < name_end - 1 and _droppable(doc[first]):
        first += 1
    # "South Darfur state", "North Kivu province": a word dropped above may start the name.
    candidates = []
    for begin in range(start, first + 1):
        if begin == first or doc[begin].lower_ in _COMPASS_WORDS:
            candidates = _lookup(gazetteer, doc[begin:name_end].text, features)
            if candidates:
                first = begin
                break
    name = doc[first:name_end].text
    if not candidates and "admin1" in features:
        candidates = gazetteer.near_admin1(name)  # "Wassit province"
    if "district" in features and candidates:
        candidates = [*candidates, *_seat_towns(gazetteer, name, candidates)]
    span = doc[first:end]
    return first, _Found(span.start_char, span.end_char, name, 0, tuple(candidates))


def _seat_towns(gazetteer: Gazetteer, name: str, found: Sequence[Candidate]) -> list[Candidate]:
    """Towns called like a district, in countries where no district is ("Poonch district"
    is Pakistan's division and India's district around the town of Poonch): a district is
    often named after its seat, which the gazetteer may know when it lacks the district."""
    countries = {c.country_code for c in found}
    return [
        c
        for c in gazetteer.lookup(name, features=_SEATS)
        if c.country_code not in countries and c.match != OTHER_NAME
    ]


_SEATS: Final = frozenset({"city", "town"})  # what a district is named after


def _droppable(token: Token) -> bool:
    """A word at the start of a run that is no part of the name after it."""
    return bool(
        (_is_joiner(token) and token.text.islower())
        or token.is_stop
        or token.lower_ in _NOT_PLACES
        or country_of_demonym(token.text) is not None
    )


# --- 1b. containers in brackets --------------------------------------------------------------

# Designators a container name may carry inside the brackets: "(Rafi LGA, Niger)".
_CONTAINER_DESIGNATORS: Final = frozenset({
    "district", "province", "region", "state", "governorate", "department", "county", "lga",
    "commune", "municipality", "oblast", "raion", "rayon", "prefecture", "division", "city",
})  # fmt: skip
_MAX_CONTAINERS = 3


def _written(doc: Doc, text: str) -> list[int]:
    """The tokens of ``doc`` written ``text``, by index: found in the doc's array of token
    texts, without making a Token object for each of its tokens."""
    orths: Any = doc.to_array("ORTH")
    return [int(i) for i in numpy.flatnonzero(orths == doc.vocab.strings[text])]


def _container_spans(doc: Doc, gazetteer: Gazetteer) -> Iterator[_Found]:
    """The names in "Town (Commune, Province)" and "Village (District)": brackets right
    after a name, holding nothing but one to three names separated by commas, name the
    divisions the place lies in, whatever the model made of them (it often reads
    "(Thiou, Yatenga" as an organisation). Each is looked up among regions and towns; a
    country only when no region goes by the name ("(Rafi LGA, Niger)" is Niger State)."""
    for i in _written(doc, "("):
        open_ = doc[i]
        if i == 0:
            continue
        before = doc[open_.i - 1]
        if not (_is_name_word(before) or before.pos_ == "NOUN" or before.lower_ in _PLACE_WORDS):
            continue  # "Hudaydah city (", "junction (Hays, Al Hudaydah)"
        close = next((t.i for t in doc[open_.i + 1 : open_.i + 16] if t.text == ")"), None)
        if close is None:
            continue
        parts = _bracket_parts(doc, open_.i + 1, close)
        if parts is None:
            continue
        found = [
            _container(doc, gazetteer, *part, last=k == len(parts) - 1, listed=len(parts) > 1)
            for k, part in enumerate(parts)
        ]
        if any(f.candidates for f in found):
            yield from found


def _bracket_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int, int]] | None:
    """(first token, end of the name, end with its designator) of each comma-separated name
    in tokens [start, end), or None unless every part is a name."""
    parts = []
    i = start
    while i < end:
        j = i
        while j < end and doc[j].text != ",":
            j += 1
        name_end = j
        while name_end > i + 1 and doc[name_end - 1].lower_ in _CONTAINER_DESIGNATORS:
            name_end -= 1
        words = doc[i:name_end]
        if (
            not len(words)
            or not _is_name_word(words[0])
            or not all(_is_name_word(t) or _is_joiner(t) for t in words)
        ):
            return None
        parts.append((i, name_end, j))
        i = j + 1
    return parts if 0 < len(parts) <= _MAX_CONTAINERS else None


def _container(
    doc: Doc,
    gazetteer: Gazetteer,
    start: int,
    name_end: int,
    end: int,
    *,
    last: bool,
    listed: bool,
) -> _Found:
    """The last name in brackets is the largest division: a region when one goes by the name
    ("(Hays, Al Hudaydah)" is the governorate, not the city). Listed after another name, an
    abbreviation is a region's code ("(Poonch district, J&K)"); alone it may be anything
    ("KYIV (AP)")."""
    span, name = doc[start:end], doc[start:name_end].text
    candidates = [
        c for c in gazetteer.lookup(name) if c.feature != "district" and c.match != OTHER_NAME
    ]
    is_code = name.replace("&", "").isupper() and len(name) <= 4
    if listed and last and is_code and not any(c.feature == "admin1" for c in candidates):
        candidates = gazetteer.admin1_by_code(name)
    if any(c.feature in ("admin1", "other") for c in candidates):
        candidates = [c for c in candidates if c.feature != "country"]
    if last and any(c.feature == "admin1" for c in candidates):
        candidates = [c for c in candidates if c.feature in ("admin1", "other")]
    if last and listed and not candidates:
        candidates = gazetteer.near_admin1(name)  # "(Balet Weyne, Hiraan)": Hiiraan
    return _Found(span.start_char, span.end_char, name, 0, tuple(candidates))


# --- 2. named entities ------------------------------------------------------------------------


def _entity_spans(doc: Doc, gazetteer: Gazetteer) -> Iterator[_Found]:
    for ent in doc.ents:
        if ent.label_ not in _PLACE_LABELS:
            continue
        for whole in _pieces(doc, ent.start, ent.end):
            piece, label = whole, ent.label_
            name: str = piece.text
            if name.islower():
                continue  # the model's "metro", "downtown": a common noun, no place's name
            candidates = gazetteer.lookup(name)
            if not candidates:
                # "North Texas", "Far North Queensland", "northeastern B.C.": a part of a
                # place the gazetteer lacks is found at the place, and is that place's name
                # ("Northeast Georgia" and "Georgia" are one name, which votes once).
                name, candidates = _beyond_compass(gazetteer, piece)
            head = None if candidates else _facility_head(piece) or _part_head(piece)
            at = gazetteer.lookup(head.text) if head is not None else []
            if head is None and not candidates:
                # "Gainesville City Elections": a longer name is named after its place.
                head = _named_after(piece, gazetteer)
                at = [c for c in gazetteer.lookup(head.text) if c.match == 0] if head else []
            if head is not None and at:
                # "Donetsk Airport", "Al Watiyah airbase": the facility is at its place.
                piece, label, name, candidates = head, "GPE", head.text, at
            if not candidates and (
                not name[:1].isupper()
                or any(ch.isdigit() for ch in name)
                or piece[-1].text == "State"
            ):
                continue  # "G7", "the west", "Islamic State"
            if _is_demonym(name, candidates):
                continue  # the model's "Ukrainian" as GPE
            candidates = _fitting(label, name, candidates)
            guarded = label == "LOC" and not any(_notable(c) for c in candidates)
            yield _Found(piece.start_char, piece.end_char, name, 1, tuple(candidates), guarded)


_COMPASS_PREFIX: Final = re.compile(
    r"(?:far\s+)?(?:north|south|east|west|central|northern|southern|eastern|western"
    r"|upper|lower|north-?east|north-?west|south-?east|south-?west"
    r"|north-?eastern|north-?western|south-?eastern|south-?western)\s+",
    re.IGNORECASE,
)


def _beyond_compass(gazetteer: Gazetteer, piece: Span) -> tuple[str, list[Candidate]]:
    """The name after a compass word and its places ("North Texas": Texas), if the rest is
    a name; else the whole name and no place."""
    prefix = _COMPASS_PREFIX.match(piece.text)
    if prefix is None or prefix.end() == len(piece.text):
        return piece.text, []
    rest = piece.text[prefix.end() :]
    if not rest[:1].isupper():
        return piece.text, []
    # A part of a country, a region or a city: "North Atlantic" is no part of Atlantic
    # County, nor "South Pacific" of a town called Pacific.
    return rest, [c for c in gazetteer.lookup(rest) if _notable(c) and c.feature != "other"]


def _fitting(label: str, name: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates an entity of ``label`` may mean: an acronym ("UN", "EU") only a country
    or region; a facility only a place of the very same name (not Casablanca, "White House"
    in translation). A longer word in capitals is a name set in capitals ("WASHINGTON —",
    a dateline), not an acronym."""
    if _acronym(name):
        letters = _initials(name)
        return [
            c
            for c in candidates
            if c.feature in ("country", "admin1") and (letters is None or _initials_fit(c, letters))
        ]
    if label == "FAC":
        key = normalize_name(name)
        return [c for c in candidates if normalize_name(c.name) == key]
    return candidates


_ACRONYM_LETTERS: Final = 4


def _acronym(name: str) -> bool:
    """Whether a name in capitals reads as initials ("UN", "U.S.", "NATO") rather than as a
    word set in capitals ("WASHINGTON", "NEW YORK")."""
    if not name.isupper():
        return False
    return "." in name or sum(ch.isalpha() for ch in name) <= _ACRONYM_LETTERS


_INITIALS: Final = re.compile(r"(?:[A-Z]\.){2,}")


def _initials(name: str) -> str | None:
    """The letters of a name written as initials ("L.A.", "N.Y.", "D.C."), else None."""
    squeezed = name.replace(" ", "")
    return squeezed.replace(".", "") if _INITIALS.fullmatch(squeezed) else None


def _initials_fit(c: Candidate, letters: str) -> bool:
    """Whether initials are those of a place's name: "N.Y." of New York, "D.C." of District
    of Columbia, not "L.A." of Louisiana (whose abbreviation is "La.")."""
    own = "".join(word[0] for word in c.name.split() if word[:1].isupper())
    return own.upper() == letters.upper()


def _notable(c: Candidate) -> bool:
    return c.feature in ("country", "admin1", "district") or c.population >= _BIG


def _pieces(doc: Doc, start: int, end: int) -> Iterator[Span]:
    """The parts of an entity between commas ("Pokrovsk, Donetsk"), each trimmed."""
    for i in range(start, end + 1):
        if i == end or doc[i].text == ",":
            first, last = start, i
            while first < last and (doc[first].lower_ == "the" or doc[first].is_punct):
                first += 1
            while last > first and (doc[last - 1].text in _POSSESSIVE or doc[last - 1].is_punct):
                last -= 1
            if last > first:
                yield doc[first:last]
            start = i + 1


def _is_demonym(name: str, candidates: Sequence[Candidate]) -> bool:
    if country_of_demonym(name) is None:
        return False
    return not any(c.feature == "country" for c in candidates)


# --- 3. capitalized names the gazetteer knows ---------------------------------------------------


def _name_spans(
    doc: Doc,
    gazetteer: Gazetteer,
    designated: Sequence[_Found],
    normalized_text: str,
    regions: frozenset[str] = frozenset(),
) -> Iterator[_Found]:
    """Names that no place entity covers, longest first from each word of each name run."""
    ent_of = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
    for start, end in _runs(doc):
        while (
            start < end - 1
            and _droppable(doc[start])
            and not _compass_name(doc, gazetteer, start, end)
        ):
            start += 1  # "In Djibo", "Afghan Kandahar": the name starts after
        i, any_found = start, False
        while i < end:
            found = None
            # "Rocha" of "Catole do Rocha", "Rio" of "Huanzantlan del Rio": no place of its own.
            after_particle = i > start and _is_joiner(doc[i - 1]) and doc[i - 1].text.isalpha()
            # A capitalized particle may start a name: "Ar-Raqqa", "El Fasher".
            starts = i == start and doc[i].text[:1].isupper()
            if (starts or not _is_joiner(doc[i])) and not after_particle:
                found = _longest_name(
                    doc, gazetteer, (start, i, end), ent_of, designated, normalized_text, regions
                )
            if found is None:
                i += 1
            else:
                i, place = found
                any_found = True
                yield place
        if not any_found and _unknown_place(doc, start, end, ent_of):
            span = doc[start:end]
            yield _Found(span.start_char, span.end_char, span.text, 2, ())


def _compass_name(doc: Doc, gazetteer: Gazetteer, start: int, end: int) -> bool:
    """Whether a compass word opens a name the gazetteer knows: "North Carolina", "East
    Hampton" are no "Carolina" or "Hampton"."""
    if doc[start].lower_ not in _COMPASS_WORDS:
        return False
    text = doc_text(doc)
    return any(
        gazetteer.knows(text[doc[start].idx : doc[last - 1].idx + len(doc[last - 1])])
        for last in range(start + 2, min(end, start + 4) + 1)
    )


_SETTLEMENT: Final = frozenset({"village", "villages", "town", "locality", "area", "hamlet"})
# Words before "of" that make the name after it a place: a part of it ("sector 5 of Djibo",
# "the outskirts of Kabul") or its people ("Citizens of Bobo-Dioulasso marched").
_OF_PLACE: Final = _SETTLEMENT | frozenset({
    "city", "province", "region", "district", "districts", "sector", "sectors", "quarter",
    "quarters", "arrondissement", "ward", "zone", "suburb", "suburbs", "outskirts", "outskirt",
    "neighbourhood", "neighborhood", "centre", "center", "streets", "commune", "municipality",
    "residents", "citizens", "inhabitants", "people", "youth", "youths", "natives", "villagers",
    "population", "townspeople", "dwellers",
})  # fmt: skip


def _of_place(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` follows "<a part or the people> of": "the 3rd district
    of", "sector 5 of", "residents of". A number may stand between the noun and "of"."""
    if start < 2 or doc[start - 1].lower_ != "of":
        return False
    k = start - 2
    if k >= 1 and (doc[k].like_num or doc[k].is_digit):
        k -= 1
    return doc[k].lower_ in _OF_PLACE


def _part_head(piece: Span) -> Span | None:
    """The place after "<a part> of" in a name the gazetteer does not know: "Ouagadougou" of
    "the 3rd District of Ouagadougou"; the event lies in it."""
    doc = piece.doc
    for k in range(piece.start + 1, piece.end - 1):
        if doc[k].lower_ == "of" and _of_place(doc, k + 1) and doc[k + 1].text[:1].isupper():
            return doc[k + 1 : piece.end]
    return None


def _unknown_place(doc: Doc, start: int, end: int, ent_of: Mapping[int, Span]) -> bool:
    """Whether a name the gazetteer does not know is still a place, by the words before it:
    "in Kodyel", "the village of Bartiebougou". Kept unresolved unless a near spelling of a
    place in the text's country is found."""
    if start == 0 or end - start > 3 or any(i in ent_of for i in range(start, end)):
        return False
    if not _after_place_word(doc, start):
        return False
    span = doc[start:end]
    return (
        all(_maybe_proper(t) for t in span if not _is_joiner(t))
        and not _is_common_word(span)
        and country_of_demonym(span.text) is None
    )


def _longest_name(
    doc: Doc,
    gazetteer: Gazetteer,
    bounds: tuple[int, int, int],
    ent_of: Mapping[int, Span],
    designated: Sequence[_Found],
    normalized_text: str,
    regions: frozenset[str] = frozenset(),
) -> tuple[int, _Found] | None:
    """The longest place name from token ``first`` on, and the token after it.

    ``bounds``: the run's start, ``first`` and the run's end. A name that is only part of
    its run ("Rod" of "Surkh Rod", "Hel" of "Musa Khel") counts only as a country, a region
    or a big city ("Kyiv" of "Kyiv Mayor Vitali Klitschko").
    """
    run_start, first, end = bounds
    tokens, text = doc_tokens(doc), doc_text(doc)
    for last in range(min(end, first + 5), first, -1):
        if _is_joiner(tokens[last - 1]):
            continue
        # Most names are no place at all: the gazetteer says so before any Span is made.
        if not gazetteer.knows(
            text[tokens[first].idx : tokens[last - 1].idx + len(tokens[last - 1])]
        ):
            continue
        span = doc[first:last]
        if _is_common_word(span):
            continue
        guarded = _entity_verdict(span, ent_of, designated)
        if guarded is None:
            continue
        # A bare word is a place by its own name or a spelling of it; by another name only a
        # big city in a country the text is about ("Bahri" in Sudan, not "Molotov" cocktails).
        candidates = [
            c for c in gazetteer.lookup(span.text) if c.match != OTHER_NAME or c.population >= _BIG
        ]
        if _is_demonym(span.text, candidates):
            continue
        plausible = tuple(
            c
            for c in candidates
            if _plausible(c, span, normalized_text)
            or (c.admin1_code in regions and c.match != OTHER_NAME and _maybe_proper(span[0]))
        )
        alias = bool(plausible) and all(c.match == OTHER_NAME for c in plausible)
        if (first, last) != (run_start, end) and not _names_office(doc, bounds, last):
            plausible = tuple(
                c
                for c in plausible
                if _notable(c) and c.feature != "district" and c.match != OTHER_NAME
            )
        if plausible:
            # A known name around a place entity outranks it: "Amatlan de los Reyes" is no
            # "Amatlan".
            rank = 1 if _around_place_entity(span, ent_of) else 2
            found = _Found(span.start_char, span.end_char, span.text, rank, plausible, guarded)
            return last, dataclasses.replace(found, guarded=True, alias=True) if alias else found
    return None


def _names_office(doc: Doc, bounds: tuple[int, int, int], last: int) -> bool:
    """Whether a name opening its run is followed by an office or service of its own:
    "Lewisburg Mayor John Manchester" names the town however small it is."""
    run_start, first, end = bounds
    return first == run_start and last < end and doc[last].lower_ in _MUNICIPAL


def _around_place_entity(span: Span, ent_of: Mapping[int, Span]) -> bool:
    return any(
        i in ent_of and ent_of[i].label_ in _PLACE_LABELS for i in range(span.start, span.end)
    )


def _maybe_proper(token: Token) -> bool:
    """A proper noun to the tagger, or a word the tagger did not read (``focus`` leaves text
    that tells no event untagged; the entity recognizer has vetoed people and bodies there)."""
    return token.pos_ in ("PROPN", "")


def _is_common_word(span: Span | Sequence[Token]) -> bool:
    if all(token.lower_ in _NOT_PLACES for token in span):
        return True
    return len(span) == 1 and span[0].is_stop


def _entity_verdict(
    span: Span, ent_of: Mapping[int, Span], designated: Sequence[_Found]
) -> bool | None:
    """None if an entity rules the name out; else whether it must agree with the context.

    The small model often takes a lone place name for a person or an organisation
    ("Pokrovsk", "Kharkiv"): such a name is kept when the context agrees, a longer entity
    rules it out ("Kim Jong Un", "Kyiv Independent"), except an authority ("Gaza Health
    Ministry") or an entity that cannot be a name ("Kharkiv’s Saltivskyi district").
    """
    guarded = False
    for ent in {ent_of[i] for i in range(span.start, span.end) if i in ent_of}:
        label = ent.label_
        if label in _PLACE_LABELS:
            if span.start <= ent.start and ent.end <= span.end and len(span) > len(ent):
                continue  # a longer name around it ("Amatlan de los Reyes")
            return None  # the entity finder has it
        if label not in ("PERSON", "ORG"):
            continue  # mislabelled: "Kyiv overnight" as TIME, "Omdurman" as NORP
        if (label == "ORG" and _ORG_OF_PLACE.search(ent.text)) or _mistaken(ent, designated):
            continue
        first = ent.start + (ent[0].lower_ == "the")
        if label == "ORG" and _placed_in_org(span, ent, first):
            continue
        if span.start == first and span.end < ent.end and span.doc[span.end].lower_ in _MUNICIPAL:
            continue  # "Lewisburg Mayor John Manchester": the town's mayor
        if span.start <= first and ent.end < span.end and span.doc[ent.end].lower_ in _JOINERS:
            # A place's name that runs on past the entity: "Mato Grosso" of "Mato Grosso do
            # Sul" is no person; the whole name must agree with the text.
            guarded = True
            continue
        if _comma_piece(span, first, ent.end) != (span.start, span.end):
            return None
        guarded = not _after_locative(span)
    return guarded


def _after_locative(span: Span) -> bool:
    """Whether the words before a name say it is a place: "in Dar'a", "the city of Dar'a",
    "residents of Kaya"."""
    if span.start == 0:
        return False
    return span.doc[span.start - 1].lower_ in _LOCATIVE or _of_place(span.doc, span.start)


def _comma_piece(span: Span, start: int, end: int) -> tuple[int, int]:
    """The part of an entity [start, end) between commas that holds ``span``: the model
    reads "Castilla, Piura" as one organisation, which no organisation's name is."""
    doc = span.doc
    commas = [i for i in range(start, end) if doc[i].text == ","]
    if not commas or any(span.start <= i < span.end for i in commas):
        return start, end
    before = [i for i in commas if i < span.start]
    after = [i for i in commas if i >= span.end]
    return (before[-1] + 1 if before else start), (after[0] if after else end)


def _facility_head(piece: Span) -> Span | None:
    """The place a facility is named after ("Donetsk" in "Donetsk Airport"), if it is one."""
    for k in range(piece.start + 1, piece.end):
        if _FACILITY.fullmatch(piece.doc[k : piece.end].text):
            return piece.doc[piece.start : k]
    return None


# Words that make a place's name the name of one of its bodies, services, events or parts:
# "Gainesville City Elections", "Shelbyville Recreation Center", "Tennessee Development
# District", "Fort Mill High School". Only these: after a name, another name makes a longer
# place name ("San Francisco Campeche", "Boro Sangishar"), and other words something else
# ("Justice Palace").
_INSTITUTION: Final = frozenset({
    "city", "town", "county", "state", "regional", "metro", "metropolitan", "area", "public",
    "council", "commission", "board", "authority", "department", "office", "services",
    "elections", "election", "court", "jail", "police", "fire", "sheriff", "rescue",
    "recreation", "center", "centre", "development", "district", "senior", "olympics",
    "high", "middle", "elementary", "school", "schools", "college", "university", "library",
    "hospital", "medical", "health", "museum", "chamber", "commerce", "herald", "news",
    "times", "post", "tribune", "gazette", "journal", "church", "club", "association",
    "team", "hall", "airport", "station", "transit", "utilities", "water", "housing",
    "community", "foundation", "fair", "festival", "marathon", "reads",
    # and what lies in or along it: "Hamilton Township", "Swat Valley", "Kanawha River".
    "township", "twp", "borough", "valley", "river", "harbor", "harbour", "canal",
})  # fmt: skip
_LINKS: Final = frozenset({"of", "and", "&", "for"})
# A first word that is a landform of many names ("Lake Robinson", "Mount Hood").
_LANDFORM: Final = frozenset({"lake", "river", "mount", "bay", "cape", "gulf", "sea", "port"})
_SHORTEST_HEAD: Final = 4  # letters of a one-word name another is named after


def _named_after(piece: Span, gazetteer: Gazetteer) -> Span | None:
    """The name that opens a longer name the gazetteer does not know, when the rest makes
    it one of the place's bodies or events ("Gainesville" of "Gainesville City Elections",
    "Tennessee" of "Tennessee Development District"): the model's place lies in it."""
    for k in range(piece.end - 1, piece.start, -1):
        head, rest = piece.doc[piece.start : k], piece.doc[k : piece.end]
        if not all(t.lower_.rstrip(".") in _INSTITUTION or t.lower_ in _LINKS for t in rest):
            continue
        if rest[0].lower_ in _LINKS or not all(t.text[:1].isupper() for t in head):
            continue
        if _is_common_word(head) or (len(head) == 1 and head[0].lower_ in _LANDFORM):
            continue
        if len(head) == 1 and (len(head.text) < _SHORTEST_HEAD or head[0].lower_ in _JOINERS):
            continue  # "La Liga" is named after no "La."
        if gazetteer.knows(head.text):
            return head
    return None


def _placed_in_org(span: Span, ent: Span, first: int) -> bool:
    """Whether an organisation entity names where it is: "the Cabinet of Ministers in Kyiv"
    (a place after a locative inside it) or "Donetsk Airport" (a place and a facility)."""
    if span.start > first and _after_locative(span):
        return True
    rest = span.doc[span.end : ent.end].text
    return span.start == first and bool(rest) and bool(_FACILITY.fullmatch(rest))


def _mistaken(ent: Span, designated: Sequence[_Found]) -> bool:
    """Whether a PERSON or ORG entity is the model's mistake: it holds a possessive
    ("Kyiv’s Boryspil") or runs into a designator phrase ("Saltivskyi district")."""
    if any(token.text in _POSSESSIVE for token in ent):
        return True
    return any(d.start < ent.end_char and ent.start_char < d.end for d in designated)


def _plausible(c: Candidate, span: Span, normalized_text: str) -> bool:
    """Whether a bare capitalized name may mean ``c``: a big enough place, or a district of a
    city the text names; a word the tagger did not take for a name only a big place."""
    if c.feature in ("country", "admin1"):
        return True
    if span.text.isupper():
        # An acronym, not a town; a capitalized city ("DETROIT -") if it is a big one.
        return len(span.text) >= 5 and c.population >= _BIG
    if c.feature == "district":
        return c.city is not None and f" {normalize_name(c.city)} " in normalized_text
    if not any(_maybe_proper(token) for token in span) and not _of_place(span.doc, span.start):
        return c.population >= _BIG  # unless it is "sector 5 of Djibo", "residents of Kaya"
    return c.population >= _TOWN
