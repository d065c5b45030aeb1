"""Weapons named in a report, with their count, status (launched, intercepted, hit) and scope.

"over 440 drones and 32 missiles were launched across the country" gives two weapons, each with
its own count, both launched, country-wide. The status comes from the verb of the clause, the
scope from "across the country" / "nationwide" (country) or "in <a city>" (city).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..assemble.prefilter import Prefilter
from ..types import Evidence, Qualifier, WeaponMention, WeaponScope, WeaponStatus
from .numbers import NUMBER_RE, _mention

# (kind, pattern for the weapon noun phrase). Order matters: longer, surer names first.
_KINDS: tuple[tuple[str, str], ...] = (
    ("chemical", r"chemical\s+weapons?|chlorine(?:\s+gas)?|sarin|nerve\s+agents?|toxic\s+gas"),
    ("suicide_bomb", r"suicide\s+(?:bomb(?:ing|er)?s?|vests?|car\s+bombs?|attacks?)"),
    (
        "ied",
        r"improvised\s+explosive\s+devices?|IEDs?|roadside\s+bombs?|car\s+bombs?|landmines?"
        r"|land\s+mines?|anti-(?:tank|personnel)\s+mines?|explosive\s+devices?|VBIEDs?"
        r"|booby[\s-]traps?",
    ),
    (
        "drone",
        r"(?:Shahed|Geran|Lancet)(?:-\d+)?(?:[\s-]type)?(?:\s+(?:attack|strike|kamikaze))?"
        r"(?:\s+drones?|\s+UAVs?)?|loitering\s+munitions?|(?:attack|strike|kamikaze|combat"
        r"|armed|FPV|decoy)\s+drones?|drones?|UAVs?|unmanned\s+aerial\s+vehicles?",
    ),
    (
        "missile",
        r"(?:Iskander(?:-[MK])?|Kinzhal|Kalibr|Kh-\d+\w*|S-300|S-400|Oniks|Tochka(?:-U)?|KN-23"
        r"|Zircon|Tsirkon|ATACMS|Storm\s+Shadow|Patriot)(?:\s+(?:ballistic|cruise|hypersonic)?"
        r"\s*missiles?)?|(?:ballistic|cruise|hypersonic|anti-aircraft|guided|air-launched"
        r"|surface-to-air|anti-ship)\s+missiles?|missiles?",
    ),
    (
        "rocket",
        r"(?:Grad|Smerch|Uragan|HIMARS|Qassam)(?:\s+rockets?|\s+launchers?)?|rocket-propelled"
        r"\s+grenades?|RPGs?|rockets?",
    ),
    (
        "air_strike",
        r"air\s*strikes?|airstrikes?|warplanes?|fighter\s+jets?|glide\s+bombs?|KABs?|barrel\s+bombs?|aerial\s+bombs?",
    ),
    (
        "artillery",
        r"artillery|shelling|shells|mortars?(?:\s+(?:rounds|shells|bombs))?|howitzers?|tank\s+fire",
    ),
    ("grenade", r"hand\s+grenades?|grenades?"),
    ("explosive", r"explosives?|bombs?"),
    ("firearm", r"gunfire|gunshots?|rifles?|firearms?|AK-47s?|machine\s+guns?|guns?"),
    ("blade", r"machetes?|knives|knife|axes"),
)
_KIND_RE = re.compile(
    "|".join(f"(?P<k{i}>\\b(?:{pattern})\\b)" for i, (_, pattern) in enumerate(_KINDS)),
    re.IGNORECASE,
)
_MODEL_RE = re.compile(
    r"\b(Shahed|Geran|Lancet|Iskander|Kinzhal|Kalibr|Kh-\d+\w*|S-300|S-400|Oniks|Tochka|KN-23"
    r"|Zircon|Tsirkon|ATACMS|Storm Shadow|Patriot|Grad|Smerch|Uragan|HIMARS|Qassam|KAB)",
    re.IGNORECASE,
)
_STATUS: tuple[tuple[WeaponStatus, re.Pattern[str]], ...] = (
    (
        "intercepted",
        re.compile(
            r"\b(?:shot\s+down|intercepted|downed|neutrali[sz]ed|destroyed\s+in\s+the\s+air"
            r"|repelled|jammed|suppressed|disabled|brought\s+down|lost\s+(?:to\s+)?electronic)",
            re.IGNORECASE,
        ),
    ),
    (
        "launched",
        re.compile(r"\b(?:launched|fired|sent|launching|firing|used\s+to\s+attack)\b", re.I),
    ),
    ("hit", re.compile(r"\b(?:hit|struck|impacted|landed|exploded|detonated)\b", re.I)),
)
_COUNTRY_SCOPE = re.compile(
    r"\b(?:across|throughout|all\s+over)\s+(?:the\s+country|the\s+nation|[A-Z][a-z]+)|nationwide"
    r"|at\s+Ukraine|against\s+Ukraine|at\s+the\s+country",
)
_CITY_SCOPE = re.compile(r"\b(?:in|at|on|over|toward|towards)\s+(?:the\s+city\s+of\s+)?[A-Z][a-z]+")
_ADJECTIVES = re.compile(
    r"^\s*(?:(?:Russian|Iranian|Iranian-(?:made|designed)|Shahed-type|attack|strike|kamikaze"
    r"|ballistic|cruise|enemy|Israeli|combat|of\s+the|long-range|short-range|guided|other|more)"
    r"\s+)*$",
    re.IGNORECASE,
)


def _kind(match: re.Match[str]) -> str:
    for i, (kind, _) in enumerate(_KINDS):
        if match.group(f"k{i}"):
            return kind
    raise AssertionError("a weapon match without a kind")  # pragma: no cover


def _count_before(
    text: str, sent_start: int, start: int
) -> tuple[int | None, Qualifier | None, int]:
    """A figure right before a weapon noun ("over 440 drones"), and where it starts."""
    window_start = max(sent_start, start - 40)
    last = None
    for match in NUMBER_RE.finditer(text, window_start, start):
        last = match
    if last is None or not _ADJECTIVES.match(text[last.end() : start]):
        return None, None, start
    number = _mention(last)
    if number is None:
        return None, None, start
    return number.value, number.qualifier, last.start()


def _status(clause: str) -> WeaponStatus:
    for status, pattern in _STATUS:
        if pattern.search(clause):
            return status
    return "used"


def _scope(clause: str) -> WeaponScope | None:
    if _COUNTRY_SCOPE.search(clause):
        return "country"
    if _CITY_SCOPE.search(clause):
        return "city"
    return None


_MAY_NAME_WEAPON = Prefilter([_KIND_RE])


def find_weapons(
    text: str, sentences: Iterable[tuple[int, int]], *, article_id: str
) -> list[WeaponMention]:
    """Every weapon named in the given sentence spans of ``text``."""
    found: list[WeaponMention] = []
    for sent_start, sent_end in sentences:
        # The clause after the last weapon of a list carries the verb for all of them.
        clause = text[sent_start:sent_end]
        if not _MAY_NAME_WEAPON.may_match(clause):
            continue  # no word a weapon's name is made of: most sentences
        for match in _KIND_RE.finditer(text, sent_start, sent_end):
            count, qualifier, start = _count_before(text, sent_start, match.start())
            model = _MODEL_RE.search(match.group(0))
            after = text[match.end() : sent_end]
            tail = re.split(r"[;:]|,\s+(?:and|but|while|which|as)\b", after, maxsplit=1)[0]
            found.append(
                WeaponMention(
                    evidence=Evidence.of(article_id, text, start, match.end()),
                    kind=_kind(match),
                    model=model.group(1) if model else None,
                    count=count,
                    qualifier=qualifier,
                    status=_status(tail if _status(tail) != "used" else clause),
                    scope=_scope(tail),
                )
            )
    return found
