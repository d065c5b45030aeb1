"""Actors: who attacked and who was hit, named the way ACLED names them.

A demonym or country in front of an attack word ("Russian drone attacks", "Israeli
airstrikes", "Russia launched") is that country's forces, as perpetrator. Armed groups
are recognised from a table of names; unnamed ones ("gunmen", "militants") become an
unidentified armed group. Victims ("people", "civilians") are civilians, as target. An armed
actor is a target where the words around it say it was hit ("killed two soldiers", "three
policemen died") and a perpetrator where they name it the agent ("killed by Afghan forces").
Joint forces ("French and/or Burkinabe forces") name each nation, the first first. Where the
text gives no country for an actor, the event's location supplies it at assembly.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from ..assemble.prefilter import Prefilter
from ..geo.demonyms import country_of_demonym
from ..types import ActorKind, ActorMention, Evidence, Role

_ATTACK = (
    r"(?:drones?|missiles?|rockets?|air\s*strikes?|airstrikes?|strikes?|attacks?|shelling|forces"
    r"|troops|army|military|soldiers|warplanes|jets|aircraft|bombardment|barrage|offensive"
    r"|assault|artillery|air\s+force|navy|police|security\s+forces|border\s+guards|raids?)"
)
# "Russian drone and missile attacks": up to three modifiers between the demonym and the noun.
_STATE_RE = re.compile(
    rf"\b(?P<who>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|U\.S\.)(?P<pos>['’]s)?\s+(?:(?:[a-z-]+|and)\s+){{0,3}}?"
    rf"{_ATTACK}\b"
)
_FORCES_OF_RE = re.compile(
    r"\b(?:(?P<police>police)|military|armed|security|defen[cs]e|government)\s+forces\s+of\s+"
    r"(?:the\s+)?(?P<country>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)",
    re.IGNORECASE,
)
_GENERIC_FORCES_RE = re.compile(
    r"\b(?:(?P<police>police(?:men)?|(?:riot|military|civil|federal|state|local)\s+police"
    r"|gendarm\w*|police\s+(?:officers|units?|patrols?))|security\s+(?:forces|personnel|agents)"
    r"|soldiers|troops|(?:the|an?)\s+army|army\s+(?:troops|soldiers|units?|patrols?)|the\s+military"
    r"|armed\s+forces|military\s+(?:forces|units?|personnel)|government\s+forces|servicemen"
    r"|commandos|special\s+forces|defen[cs]e\s+forces)\b",
    re.IGNORECASE,
)
# "French and/or Burkinabe forces", "French Operation Barkhane forces": every nationality
# named before the forces' noun, the first one first (ACLED's actor 1).
_JOINT_FORCES_RE = re.compile(
    r"\b(?P<who>[A-Z][a-z]+)\s+(?:(?:and|or|and/or|,)\s+(?P<other>[A-Z][a-z]+)\s+)?"
    r"(?:[A-Z][\w-]+\s+){0,2}?(?i:(?:military|security|armed|government|special|air|ground)\s+)?"
    # ACLED and many wires capitalize the noun: "the Ukrainian Forces fired".
    r"(?i:forces|troops|army|soldiers|military|units|jets|aircraft|warplanes|drones?|column|convoy"
    r"|patrols?|reinforcements)\b"
)
# "killed by Afghan forces", "an attack by suspected militants": the agent of a passive.
_AGENT_CUE = re.compile(
    r"\bby\s+(?:(?:the|a|an|suspected|presumed|alleged|unknown|unidentified|armed|local)\s+){0,2}$",
    re.IGNORECASE,
)
_COUNTRY_VERB_RE = re.compile(
    r"\b(?P<who>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:has\s+|have\s+)?(?:launched|fired|struck"
    r"|attacked|bombed|shelled|pounded|hit|targeted)\b"
)
# The forces of the Donbas's two breakaway "republics". "NAF" alone is as often Nigeria's Air
# Force, "DPR" North Korea: only as rebels here.
_DONBAS_REPUBLICS = (
    r"NAF\s+rebels?|DNR|LNR|(?:DPR|LPR)(?!\s+(?:of\s+)?Korea)"
    r"|(?:Donetsk|Luhansk|Lugansk)\s+People'?s\s+Republic"
)
# Named armed groups: (pattern, ACLED-style name, kind, country of origin or None).
_GROUPS: tuple[tuple[str, str, ActorKind, str | None], ...] = (
    (r"[Aa]l[-\s]Shabaa?b", "Al Shabaab", "rebels", "SO"),
    (
        r"Boko\s+Haram|JAS\b",
        "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        "rebels",
        "NG",
    ),
    (
        r"ISWAP|Islamic\s+State\s+West\s+Africa(?:\s+Province)?",
        "Islamic State West Africa Province",
        "rebels",
        None,
    ),
    (
        r"JNIM|Jama'?at\s+Nusrat\s+al-Islam\s+wal\s+Muslimin",
        "JNIM: Group for Support of Islam and Muslims",
        "rebels",
        None,
    ),
    (r"Islamic\s+State|ISIS|ISIL|Daesh", "Islamic State", "rebels", None),
    (r"Hamas|Qassam\s+Brigades", "Hamas Movement", "rebels", "PS"),
    (r"Islamic\s+Jihad", "Palestinian Islamic Jihad", "rebels", "PS"),
    (r"Hezbollah", "Hezbollah", "militia", "LB"),
    (r"Houthis?|Ansar\s+Allah", "Ansar Allah (Houthis)", "rebels", "YE"),
    (r"Rapid\s+Support\s+Forces|RSF", "Rapid Support Forces", "militia", "SD"),
    (r"M23|March\s+23\s+Movement", "M23: March 23 Movement", "rebels", "CD"),
    (r"Allied\s+Democratic\s+Forces|ADF\b", "ADF: Allied Democratic Forces", "rebels", "CD"),
    (r"Taliban", "Taliban", "rebels", "AF"),
    (r"Tehrik-e-Taliban|TTP\b", "TTP: Tehreek-i-Taliban Pakistan", "rebels", "PK"),
    (r"Baloch(?:istan)?\s+Liberation\s+Army|BLA\b", "BLA: Baloch Liberation Army", "rebels", "PK"),
    (r"Wagner(?:\s+Group)?|Africa\s+Corps", "Wagner Group", "militia", "RU"),
    (r"Arakan\s+Army", "AA: Arakan Army", "rebels", "MM"),
    (r"ELN|National\s+Liberation\s+Army", "ELN: National Liberation Army", "rebels", "CO"),
    (
        r"ISGS|Islamic\s+State\s+(?:in\s+the\s+)?Greater\s+Sahara",
        "Islamic State (Greater Sahara)",
        "rebels",
        None,
    ),
    (r"Ansaroul\s+Islam", "Ansaroul Islam", "rebels", "BF"),
    (r"Katiba\s+Macina", "Katiba Macina", "rebels", None),
    (r"Koglw?e?ogo", "Koglweogo Militia", "militia", "BF"),
    (
        r"VDP|Volunteers\s+for\s+the\s+Defen[cs]e\s+of\s+the\s+Homeland",
        "VDP: Volunteers for the Defense of the Homeland",
        "militia",
        "BF",
    ),
    (r"Dozos?", "Dozo Communal Militia", "militia", None),
    (r"PKK|Kurdistan\s+Workers'?\s+Party", "PKK: Kurdistan Workers Party", "rebels", "TR"),
    (r"SDF|QSD|Syrian\s+Democratic\s+Forces", "SDF: Syrian Democratic Forces", "rebels", "SY"),
    # The two sides of Libya's civil war, each a government's forces in its own eyes.
    (
        r"LNA|Libyan\s+National\s+Army|Haftar(?:'s)?\s+forces",
        "Military Forces of Libya (Haftar Faction)",
        "state_forces",
        "LY",
    ),
    (
        r"GNA|Government\s+of\s+National\s+Accord",
        "Military Forces of Libya (Government of National Accord)",
        "state_forces",
        "LY",
    ),
    (
        r"PMF|PMU|Popular\s+Mobili[sz]ation\s+(?:Forces|Units)|Hashd(?:\s+al-Shaabi)?",
        "Popular Mobilization Forces",
        "militia",
        "IQ",
    ),
    (
        r"(?:pro-)?STC|Southern\s+Transitional\s+Council",
        "Southern Transitional Council",
        "militia",
        "YE",
    ),
    (
        rf"{_DONBAS_REPUBLICS}|(?:Donbass?|Luhansk|Lugansk)\s+People'?s\s+Militia",
        "NAF: United Armed Forces of Novorossiya",
        "rebels",
        "UA",
    ),
    (r"Hay'?at\s+Tahrir\s+al-Sham|HTS", "Hayat Tahrir al Sham", "rebels", "SY"),
    (r"al-Qaeda|Al\s+Qaeda|AQAP|AQIM", "Al Qaeda", "rebels", None),
    (r"Mayi[\s-]Mayi|Mai[\s-]Mai", "Mai-Mai Militia", "militia", "CD"),
    (r"CODECO", "CODECO: Cooperative for Development of the Congo", "militia", "CD"),
    (r"Ambazonian?\s+(?:separatists|fighters|forces)", "Ambazonian Separatists", "rebels", "CM"),
    (r"Fulani\s+(?:militia|herders|gunmen|militants)", "Fulani Ethnic Militia", "militia", None),
    (r"(?:pro-)?Houthis?\s+(?:forces|fighters|militants)", "Ansar Allah (Houthis)", "rebels", "YE"),
    (r"pro-Hadi\s+forces", "Military Forces of Yemen", "state_forces", "YE"),
    (
        r"Mexican\s+cartel|cartel\s+(?:gunmen|members)|CJNG|Sinaloa\s+Cartel",
        "Unidentified Gang",
        "militia",
        None,
    ),
)
_GROUP_RE = [(re.compile(rf"\b(?:{p})\b"), name, kind, cc) for p, name, kind, cc in _GROUPS]
# Bodies and factions that work in one country only, by their own name: missions, a side of a
# civil war, a country's militias. They name no actor here, only where the text is.
_ONE_COUNTRY: tuple[tuple[str, str], ...] = (
    (r"OSCE\s+(?:SMM|Special\s+Monitoring\s+Mission)", "UA"),
    (r"UNAMA", "AF"),
    (r"MINUSMA", "ML"),
    (r"AMISOM|ATMIS", "SO"),
    (r"MONUSCO", "CD"),
    (r"UNMISS", "SS"),
    (r"UNAMID|Janjaweed", "SD"),
    (r"UNIFIL", "LB"),
    (r"New\s+People'?s\s+Army|NPA|Barangays?", "PH"),
    (r"Tatmadaw", "MM"),
)
# Groups that fight in a few neighbouring countries: a place of the text lies in one of them
# or near them, though which one the group does not say.
_SEVERAL_COUNTRIES: tuple[tuple[str, frozenset[str]], ...] = (
    (r"JNIM|Jama'?at\s+Nusrat\s+al-Islam|ISGS|Islamic\s+State\s+(?:in\s+the\s+)?Greater"
     r"\s+Sahara|Katiba\s+Macina|Ansaroul\s+Islam", frozenset({"ML", "BF", "NE"})),
    (r"ISWAP|Islamic\s+State\s+West\s+Africa|Boko\s+Haram",
     frozenset({"NG", "NE", "TD", "CM"})),
    (r"Al[-\s]Shabaa?b", frozenset({"SO", "KE"})),
    (r"ADF\b|Allied\s+Democratic\s+Forces", frozenset({"CD", "UG"})),
)  # fmt: skip
# Bodies and sides of a war that is fought in a few regions of one country: the monitors of
# the Donbas ceasefire, the forces of its two breakaway "republics". ISO 3166-2 codes.
_FEW_REGIONS: tuple[tuple[str, frozenset[str]], ...] = (
    (rf"OSCE\s+(?:SMM|Special\s+Monitoring\s+Mission)|{_DONBAS_REPUBLICS}"
     r"|Donbass?\s+People'?s\s+Militia", frozenset({"UA-14", "UA-09"})),
    (r"Ambazonian?", frozenset({"CM-NW", "CM-SW"})),
)  # fmt: skip
_SEVERAL_RE = [(re.compile(rf"\b(?:{p})\b"), ccs) for p, ccs in _SEVERAL_COUNTRIES]
_FEW_REGIONS_RE = [(re.compile(rf"\b(?:{p})\b"), codes) for p, codes in _FEW_REGIONS]
_CLUE_RE: list[tuple[re.Pattern[str], str]] = [
    (pattern, cc) for pattern, _, _, cc in _GROUP_RE if cc is not None
] + [(re.compile(rf"\b(?:{p})\b"), cc) for p, cc in _ONE_COUNTRY]
_MAY_NAME = Prefilter([pattern for pattern, *_ in _GROUP_RE])
# Most texts hold the words of a few clues at most: the rest are never searched for.
_MAY_CLUE = Prefilter([pattern for pattern, _ in _CLUE_RE])
_UNNAMED_RE = re.compile(
    r"\b(?:unidentified\s+|unknown\s+|suspected\s+)?(?:gunm[ae]n|militants|assailants?|attackers?"
    r"|armed\s+(?:men|individuals|assailants)|insurgents|bandits|jihadists|terrorists?|armed\s+group"
    r"|fighters|(?:suicide\s+)?bombers?|shooters?)\b",
    re.IGNORECASE,
)
_CIVILIANS_RE = re.compile(
    r"\b(?:civilians?|residents|villagers|people|passengers|worshipp?ers|children|students"
    r"|farmers|displaced\s+people|families|shoppers|pilgrims|patients)\b",
    re.IGNORECASE,
)
_PROTESTERS_RE = re.compile(r"\b(?:protesters|demonstrators|protestors|marchers)\b", re.I)
_POLICE_RE = re.compile(r"\b(?:police|riot\s+police|security\s+forces|soldiers|troops)\b", re.I)
_VICTIM_CUE = re.compile(
    r"\b(?:killed|killing|kills|wounded|wounding|injured|injuring|attacked|attacking|targeted"
    r"|targeting|ambushed|ambushing|against|on|at|struck|hit|abducted|kidnapped|captured|arrested"
    r"|detained|positions\s+of"
    r"|clashed\s+with|fighting|fought|engaged|repelled)\s+(?:(?:a|an|the|two|three|several"
    r"|some|\d+|[a-z]+)\s+){0,3}$",
    re.IGNORECASE,
)
# "Three policemen died", "two soldiers were wounded": the subject of what was suffered.
_SUFFERED = re.compile(
    r"\s+(?:(?P<aux>were|was|have\s+been|has\s+been|had\s+been|got)\s+)?(?:reportedly\s+)?"
    r"(?:(?P<intransitive>died)|killed|wounded|injured|hurt|abducted|kidnapped|shot\s+dead"
    r"|executed|captured)\b",
    re.I,
)
# What may follow a bare participle that was suffered ("two soldiers killed in an ambush"); any
# other word is its object, and the verb was done ("Turkish forces captured two fighters").
_AFTER_SUFFERED = re.compile(
    r"\s*(?:$|[.,;:)\-–—]|(?:in|at|on|near|by|during|after|before|when|while|as|and|or|but"
    r"|overnight|yesterday|today|late|early|earlier|later|since|following|amid|outside|inside"
    r"|around|across|from|with|last|this|the\s+(?:previous|same|next)|between|along)\b)",
    re.I,
)
# "shot down a Turkish drone": the weapon brought down names the side that lost it.
_DOWNED = re.compile(
    r"\b(?:shot\s+down|downed|intercepted|brought\s+down)\s+(?:(?:a|an|the|two|three|several"
    r"|\d+)\s+)?$",
    re.IGNORECASE,
)
_SPEAKS = re.compile(
    r"\s+(?:said|say|says|told|reported|confirmed|stated|announced|added|spokes\w+)\b", re.I
)
_ATTACK_NOUN = re.compile(
    r"\b(?:drones?|missiles?|rockets?|strikes?|airstrikes?|attacks?|shelling|bombardment|barrage"
    r"|offensive|assault|artillery|raids?|warplanes|jets|aircraft)\b",
    re.IGNORECASE,
)
_COUNTRY_NAMES: dict[str, str] = {}


def country_name(code: str) -> str:
    """The short English name ACLED uses for a country code."""
    if not _COUNTRY_NAMES:
        import pycountry

        for country in pycountry.countries:
            _COUNTRY_NAMES[country.alpha_2] = getattr(country, "common_name", country.name)
        _COUNTRY_NAMES.update(
            {"RU": "Russia", "SY": "Syria", "IR": "Iran", "PS": "Palestine", "CD": "Democratic"
             " Republic of Congo", "KP": "North Korea", "KR": "South Korea", "GB": "United"
             " Kingdom", "US": "United States", "VE": "Venezuela", "BO": "Bolivia", "TZ":
             "Tanzania", "MD": "Moldova", "LA": "Laos", "VN": "Vietnam"}
        )  # fmt: skip
    return _COUNTRY_NAMES.get(code, code)


def state_forces_name(code: str) -> str:
    return f"Military Forces of {country_name(code)}"


def _mention(
    article_id: str, text: str, span: tuple[int, int], name: str, role: Role, kind: ActorKind,
    code: str | None,
) -> ActorMention:  # fmt: skip
    return ActorMention(
        evidence=Evidence.of(article_id, text, *span), name=name, role=role, kind=kind,
        country_code=code,
    )  # fmt: skip


def _country_code(words: str) -> str | None:
    code = country_of_demonym(words)
    if code is None:
        from ..geo.gazetteer import default_gazetteer

        for candidate in default_gazetteer().lookup(words):
            if candidate.feature == "country":
                return str(candidate.country_code)
    return code


@lru_cache(maxsize=64)
def country_clues(text: str) -> tuple[tuple[str, int, int], ...]:
    """The countries ``text`` names its actors by, as (code, start, end), in text order: a
    group of one country ("Taliban", "Koglweogo"), a country's forces ("Police Forces of
    Nigeria"), or a body that works in one country only ("OSCE SMM", "MONUSCO", "LNA
    forces"). A hint of where the text is, as a demonym is. Remembered: places and events
    both ask, and each answer is a search of the whole text by every clue."""
    found: list[tuple[str, int, int]] = []
    for (pattern, home), may in zip(_CLUE_RE, _MAY_CLUE.may_match_each(text), strict=True):
        if may:
            found += [(home, *match.span()) for match in pattern.finditer(text)]
    for match in _FORCES_OF_RE.finditer(text):
        forces = _forces_country(match)
        if forces is not None:
            found.append((forces[0], *forces[1]))
    return tuple(sorted(found, key=lambda clue: clue[1]))


def _forces_country(match: re.Match[str]) -> tuple[str, tuple[int, int]] | None:
    """The country of a "forces of X" match, and the span of the words that name it."""
    # Case-blind, the pattern may take the next word too: "forces of Armenia fired".
    words = match.group("country")
    code = _country_code(words)
    if code is not None:
        return code, match.span()
    if " " in words:
        code = _country_code(words.split()[0])
        if code is not None:
            return code, (match.start(), match.start("country") + len(words.split()[0]))
    return None


def home_countries(text: str) -> Counter[str]:
    """How often ``text`` names an actor of each country (see :func:`country_clues`)."""
    return Counter(code for code, _, _ in country_clues(text))


@lru_cache(maxsize=64)
def home_areas(text: str) -> frozenset[str]:
    """The countries where the groups ``text`` names fight, of groups that fight in a few
    ("JNIM": Mali, Burkina Faso and Niger); empty when it names none."""
    return frozenset(cc for pattern, ccs in _SEVERAL_RE if pattern.search(text) for cc in ccs)


@lru_cache(maxsize=64)
def home_regions(text: str) -> frozenset[str]:
    """The first-level divisions (ISO 3166-2) where the actors ``text`` names act, of actors
    of a war fought in a few regions ("OSCE SMM", "DPR": Donetsk and Luhansk oblasts)."""
    return frozenset(
        code for pattern, codes in _FEW_REGIONS_RE if pattern.search(text) for code in codes
    )


# Which of the unnamed sides a sentence may name, from one look at its words.
_MAY_BE_SIDE = Prefilter([_UNNAMED_RE, _PROTESTERS_RE, _CIVILIANS_RE])


def find_actors(
    text: str, sentences: Iterable[tuple[int, int]], *, article_id: str
) -> list[ActorMention]:
    """Perpetrators and targets named in the given sentence spans of ``text``."""
    found: list[ActorMention] = []
    # Only the group names whose words the text holds are looked for, sentence by sentence.
    groups = [g for g, may in zip(_GROUP_RE, _MAY_NAME.may_match_each(text), strict=True) if may]
    for start, end in sentences:
        found.extend(_state_forces(text, start, end, article_id))
        unnamed, protesters, civilians = _MAY_BE_SIDE.may_match_each(text[start:end])
        # "Taliban gunmen": the group and its fighters are one actor, named by both words.
        members: set[int] = set()
        for pattern, name, kind, code in groups:
            for match in pattern.finditer(text, start, end):
                span = match.span()
                fighters = _UNNAMED_RE.match(text, match.end() + 1, end) if unnamed else None
                if fighters is not None and text[match.end()] == " ":
                    span = (match.start(), fighters.end())
                    members.add(fighters.start())
                found.append(_mention(article_id, text, span, name, "perpetrator", kind, code))
        for match in _UNNAMED_RE.finditer(text, start, end) if unnamed else ():
            if match.start() in members:
                continue
            found.append(
                _mention(article_id, text, match.span(), "Unidentified Armed Group", "perpetrator",
                         "militia", None)
            )  # fmt: skip
        for match in _PROTESTERS_RE.finditer(text, start, end) if protesters else ():
            found.append(
                _mention(article_id, text, match.span(), "Protesters", "other", "protesters", None)
            )
        for match in _CIVILIANS_RE.finditer(text, start, end) if civilians else ():
            found.append(
                _mention(article_id, text, match.span(), "Civilians", "target", "civilians", None)
            )
    found.sort(key=lambda m: m.evidence.start)  # the first named actor is ACLED's actor 1
    return [_as_target(text, m) if m.role == "perpetrator" else m for m in found]


def _as_target(text: str, mention: ActorMention) -> ActorMention:
    """An armed actor on the receiving end ("killed two Afghan soldiers") is a target.

    One that only speaks ("Somali police said") is neither side of the event.
    """
    start, end = mention.evidence.start, mention.evidence.end
    if _SPEAKS.match(text, end):
        return replace(mention, role="other")
    before = text[max(0, start - 60) : start]
    if _DOWNED.search(before):
        return replace(mention, role="target")
    if _ATTACK_NOUN.search(mention.evidence.text):
        return mention  # "Russia's attack", "Israeli airstrikes": the attack names its author
    clause = re.split(r"[.;,]|\b(?:and|but|while|after|when)\b", before)[-1]
    if _AGENT_CUE.search(clause):
        return mention
    if _VICTIM_CUE.search(clause) or _suffered(text, end):
        return replace(mention, role="target")
    return mention


def _suffered(text: str, end: int) -> bool:
    """Whether the words after an actor's name say it suffered the act, not that it acted."""
    match = _SUFFERED.match(text, end)
    if match is None:
        return False
    if match.group("aux") or match.group("intransitive"):
        return True
    return _AFTER_SUFFERED.match(text, match.end()) is not None


def _state_forces(text: str, start: int, end: int, article_id: str) -> list[ActorMention]:
    found = []
    taken: list[tuple[int, int]] = []
    for match in _FORCES_OF_RE.finditer(text, start, end):
        forces = _forces_country(match)
        if forces is not None:
            home, span = forces
            police = match.group("police") is not None
            name = f"Police Forces of {country_name(home)}" if police else state_forces_name(home)
            found.append(
                _mention(article_id, text, span, name, "perpetrator", "state_forces", home)
            )
            taken.append(span)
    for match in _JOINT_FORCES_RE.finditer(text, start, end):
        other = match.group("other")
        for word, at in ((match.group("who"), match.start()), (other, match.start("other"))):
            code = country_of_demonym(word) if word else None
            if code is None:
                continue
            police = "police" in match.group(0).lower()
            name = f"Police Forces of {country_name(code)}" if police else state_forces_name(code)
            span = (at, match.end())
            found.append(
                _mention(article_id, text, span, name, "perpetrator", "state_forces", code)
            )
            taken.append(span)
    for regex in (_STATE_RE, _COUNTRY_VERB_RE):
        for match in regex.finditer(text, start, end):
            who = match.group("who")
            possessive = regex is _STATE_RE and bool(match.group("pos"))
            if (
                not possessive
                and regex is _STATE_RE
                and match.group(0).count(" ") > who.count(" ") + 1
            ):
                # Words between: only an adjective ("Russian drone attacks") reaches over them;
                # "Russia with military equipment" is no attack by Russia.
                code = country_of_demonym(who) or country_of_demonym(who.split()[-1])
            else:
                code = _country_code(who) or _country_code(who.split()[-1])
            if code is None:
                continue
            police = bool(_POLICE_RE.search(match.group(0))) and "police" in match.group(0).lower()
            name = f"Police Forces of {country_name(code)}" if police else state_forces_name(code)
            found.append(
                _mention(article_id, text, match.span(), name, "perpetrator", "state_forces", code)
            )
            taken.append(match.span())
    for match in _GENERIC_FORCES_RE.finditer(text, start, end):
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        # No country named: the event's country supplies it at assembly.
        police = match.group("police") is not None
        name = "Police Forces" if police else "Military Forces"
        found.append(
            _mention(article_id, text, match.span(), name, "perpetrator", "state_forces", None)
        )
    return found
