"""What merging compares beyond an event's fields: names, topic words, toll-update phrasing.

Reports of one attack share few exact sentences but name the same places and things
("Okhmatdyt", "Crocus City Hall", "railway station"); an update ("the toll has risen to 28")
names the place and little else. These functions turn text into small sets of lower-case
strings that the store keeps beside each mention, so a later report is compared with them
without reading the earlier articles again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

# Capitalized words, with the hyphens and apostrophes of names ("al-Shabaab", "Kh-101",
# "O'Neill"); a possessive "'s" is dropped so that "Kyiv's" names Kyiv.
_WORD: Final = re.compile(r"[^\W_][\w\-’']*")
_POSSESSIVE_ENDS: Final = ("'s", "’s")
_MAX_RUN: Final = 3

# Words that carry no topic in conflict news: function words, reporting verbs, calendar
# words, and the generic vocabulary of every casualty report.
_STOP: Final = frozenset(
    """
    a about above after again against all along also am among an and another any are around
    as at be because been before being below between both but by can could did do does
    during each early earlier either else ever every few for from further had has have
    having he her here hers him his how however if in into is it its itself just late
    later least less many may me might more most much must my near nearly no nor not now of
    off on once one only or other our out over own per same she should since so some still
    such than that the their them then there these they this those though through to too
    under until up upon us very was we were what when where which while who whom whose why
    will with within without would yet you your
    said says say saying told tells according added reported reports report reporting
    stated statement claimed claims announced confirmed warned called
    people person persons killed killing kill kills dead death deaths died dying wounded
    wounding injured injuring injuries hurt victims casualties toll number numbers total
    figure figures rose risen rises rising climbed climbs reached reaches reach raised
    bringing brought stands stood revised lowered now final attack attacks attacked strike
    strikes struck hit hitting official officials authorities authority government local
    city town village capital region regional district area country state national
    monday tuesday wednesday thursday friday saturday sunday
    mondays tuesdays wednesdays thursdays fridays saturdays sundays
    january february march april may june july august september october november december
    today yesterday tonight morning afternoon evening night overnight day days week weeks
    month months year years hour hours time times
    zero two three four five six seven eight nine ten eleven twelve dozen dozens
    hundred hundreds thousand thousands million first second third last
    new old large small big several including included include among
    mr mrs ms dr
    """.split()  # noqa: SIM905
)

# A report that gives a changed toll: "has risen to 28", "bringing the death toll to 52",
# "revised the toll down to 84", "the final death toll stands at 46", "two more people died".
_UPDATE: Final = re.compile(
    r"\b(?:death\s+)?toll\b[^.]{0,120}?\b(?:ris(?:en|es|ing)|rose|climb(?:ed|s|ing)"
    r"|increas(?:ed|es|ing)|reach(?:ed|es)|jump(?:ed|s)|passe[sd]|stands?|stood|now"
    r"|revised|lowered|raised|to\s+\d)"
    r"|\b(?:bringing|brought|raising|raised|pushing|taking)\s+the\s+(?:death\s+|overall\s+)?"
    r"(?:toll|number\s+of)"
    r"|\bnumber\s+of\s+(?:people\s+|those\s+)?(?:killed|dead|deaths|victims)\b[^.]{0,120}?"
    r"\b(?:ris(?:en|es)|rose|climbed|increased|reached|stands|now)\b"
    r"|\b(?:revised|lowered|raised)\s+(?:the\s+)?(?:death\s+)?toll\b"
    r"|\b(?:final|updated|latest)\s+(?:death\s+)?toll\b"
    r"|\b(?:\w+\s+)?more\s+(?:people\s+|bodies\s+|victims\s+)?(?:have\s+|had\s+)?"
    r"(?:died|been\s+found|were\s+found|were\s+recovered)\b"
    r"|\bdied\s+(?:of|from)\s+(?:his|her|their)\s+(?:injuries|wounds)\b",
    re.IGNORECASE,
)

# A reported figure that states the toll itself rather than a part or an increment of it.
_TOLL_FIGURE: Final = re.compile(
    r"\b(?:toll|number\s+of|bringing|brought|raising|risen|rose|climbed|increased|reached"
    r"|revised|lowered|stands|stood|total)\b",
    re.IGNORECASE,
)

# Sentence ends for picking the sentences an event's evidence sits in; a rough cut is
# enough for topic words.
_SENTENCE_END: Final = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")


def name_runs(text: str) -> frozenset[str]:
    """Every run of up to three consecutive capitalized words in ``text``, in lower case.

    "in Kyiv's Solomianskyi district" gives {"kyiv", "solomianskyi", "kyiv solomianskyi"}:
    enough to tell whether a report names a place, whatever the gazetteer made of it.
    """
    runs: set[str] = set()
    current: list[str] = []
    last_end = 0
    possessive = False
    for match in _WORD.finditer(text):
        word = _unpossessive(match.group())
        # Only a space joins two words into one name: "Kharkiv, Mayor" is two, and so is
        # "Kyiv's Solomianskyi" (a possessive ends a name).
        joined = text[last_end : match.start()] == " " and not possessive
        possessive = word != match.group()
        last_end = match.end()
        capital = word[:1].isupper() and word.lower() not in _STOP
        if capital and current and joined:
            current.append(word.lower())
        else:
            runs.update(_subruns(current))
            current = [word.lower()] if capital else []
    runs.update(_subruns(current))
    return frozenset(runs)


def _unpossessive(word: str) -> str:
    """``word`` without a possessive "'s" ("Kyiv's" -> "Kyiv")."""
    return word[:-2] if word.endswith(_POSSESSIVE_ENDS) else word


def _subruns(words: list[str]) -> Iterator[str]:
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + _MAX_RUN) + 1):
            yield " ".join(words[i:j])


def place_forms(texts: Iterable[str]) -> frozenset[str]:
    """How a place is written, in lower case: its name and the capitalized runs naming it."""
    forms: set[str] = set()
    for text in texts:
        runs = name_runs(text)
        # Only the longest runs: "kryvyi rih", not "rih", which could name anything.
        forms.update(r for r in runs if not any(r != o and r in o.split(" ") for o in runs))
        forms.update(r for r in runs if " " in r)
    return frozenset(forms)


def keywords(texts: Iterable[str]) -> frozenset[str]:
    """Topic words: lower-case words of three letters or more, singular, minus stop words."""
    words: set[str] = set()
    for text in texts:
        for match in _WORD.finditer(text):
            word = _unpossessive(match.group()).lower()
            if len(word) < 3 or word in _STOP or any(ch.isdigit() for ch in word):
                continue
            if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
                word = word[:-1]
            if word not in _STOP:
                words.add(word)
    return frozenset(words)


def is_update(text: str) -> bool:
    """Whether ``text`` reports a toll that changed since earlier reports."""
    return _UPDATE.search(text) is not None


def states_toll(evidence_text: str) -> bool:
    """Whether a reported figure is phrased as the toll ("the toll rose to 31"), not a part."""
    return _TOLL_FIGURE.search(evidence_text) is not None


def sentences_around(text: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    """The sentences of ``text`` that hold any of ``spans``, in text order, each once."""
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    picked: set[int] = set()
    for start, end in spans:
        for i in range(len(bounds) - 1):
            if bounds[i] < end and start < bounds[i + 1]:
                picked.add(i)
    return [text[bounds[i] : bounds[i + 1]].strip() for i in sorted(picked)]


def evidence_spans(record: Any) -> Iterator[tuple[int, int]]:
    """Every EVIDENCE span anywhere in an EVENT object, as (start, end)."""
    if isinstance(record, Mapping):
        if {"article_id", "start", "end", "text"} <= record.keys():
            yield int(record["start"]), int(record["end"])
            return
        for value in record.values():
            yield from evidence_spans(value)
    elif isinstance(record, list | tuple):
        for value in record:
            yield from evidence_spans(value)
