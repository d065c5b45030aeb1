"""Casualty counts: how many were killed, injured, hospitalized or missing, and who.

A figure counts casualties when a casualty word governs it on either side:
"14 people were killed", "over 55 injured", "killed at least 12", "the death toll rose to 28",
"more than 40 of the injured were hospitalized". The words between the figure and the verb
may only describe the victims; a conjunction, a clause break or another figure ends the search,
which keeps "14 people were killed and over 55 injured" as two figures, not one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from ..types import CasualtyMention, CountField, Evidence, NumberMention
from .numbers import iter_numbers

_FIELD_WORDS: tuple[tuple[CountField, str], ...] = (
    (
        "hospitalized",
        r"hospitali[sz]ed|hospitali[sz]ation|in\s+hospital|taken\s+to\s+(?:the\s+)?hospitals?"
        r"|admitted\s+to\s+(?:the\s+)?hospitals?",
    ),
    ("missing", r"missing|unaccounted\s+for|disappeared"),
    (
        "fatalities",
        r"killed|dead|died|dies|deaths?|perished|fatalities|fatality|fatally|slain|lost\s+their\s+lives"
        r"|bodies|corpses|massacred|executed|murdered|assassinated|beheaded|lynched"
        r"|(?:shot|stabbed|hacked|beaten|burned)\s+(?:dead|and\s+killed|to\s+death)"
        r"|(?-i:KIA)",  # "one KIA, four WIA": killed and wounded in action
    ),
    # "shot at" missed them; "one shot was fired" counts a round, not a person.
    (
        "injured",
        r"injured|injuries|wounded|wounds|hurt|injuring|wounding|stabbed|(?-i:WIA)"
        r"|shot(?!\s+at\s+(?:him|her|them|me|us|police|officers?|deputies|troopers"
        r"|the\s+(?:teens?|teenagers?|men|group|crowd|officers?|deputies|car|vehicle)"
        r"|(?:multiple|several|numerous|many|a\s+few)\s+times)\b|\s+at(?=\s*[.,;]|\s+by\b))"
        r"(?!\s+(?:was|were)\s+(?:fired|heard)|\s+(?:rang|went|hit|struck|missed)\b)"
        # "two suspects shot the man": the figure counts who fired, the object who was hit
        r"(?!\s+(?:the|a|an|his|her|their|him|them|its|one)\s)",
    ),
)
_FIELD_RE = [(f, re.compile(rf"^(?:{p})\b", re.IGNORECASE)) for f, p in _FIELD_WORDS]
# Every word a figure can hang on to count casualties (the field words, the verbs before a
# figure, the toll phrases): text with none of them states no casualty figure.
CASUALTY_WORDS = re.compile(
    rf"\b(?:{'|'.join(p for _, p in _FIELD_WORDS)}|toll|casualt(?:y|ies)|victims?|lives"
    r"|claim(?:ed|ing)|gunned|remains)\b",
    re.IGNORECASE,
)

# A verb before the figure: "killed at least 12", "killing 14 people", "wounded 90".
_LEFT_RE = re.compile(
    r"(?P<verb>killed|killing|kills|kill|claimed|claiming|wounded|wounding|wounds|injured|injuring"
    r"|injures|hospitali[sz]ed|left|leaving|leaves|sent|sending|sends|put|putting|puts|landed"
    r"|landing|lands|executed|executing|assassinated|massacred|eliminated|neutrali[sz]ed"
    r"|liquidated|destroyed"
    r"|massacring|murdered|murdering|beheaded|lynched|(?:hacked|beat|beaten|stabbed|burned|burnt"
    r"|shot|stoned|tortured)\s+to\s+death|shot\s+dead|gunned\s+down|(?:bodies|corpses|remains"
    r"|deaths?|killing)\s+of)\s+"
    r"(?:(?:an|a|the|some|another|other|summarily|reportedly)\s+)?$",
    re.IGNORECASE,
)
_LEFT_FIELD: dict[str, CountField] = {
    "killed": "fatalities", "killing": "fatalities", "kills": "fatalities", "kill": "fatalities",
    "claimed": "fatalities", "claiming": "fatalities",
    "wounded": "injured", "wounding": "injured", "wounds": "injured", "injured": "injured",
    "injuring": "injured", "injures": "injured", "hospitalised": "hospitalized",
    "hospitalized": "hospitalized",
}  # fmt: skip
_LEFT_FATAL = re.compile(
    r"execut|assassinat|massacr|murder|behead|lynch|death|dead|gunned|bodies|corpses|remains", re.I
)
# A defence ministry's words for killing the enemy, counting people only.
_ENEMY_KILLED = frozenset({"eliminated", "neutralized", "neutralised", "liquidated", "destroyed"})
_ENEMY_PEOPLE = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:servicemen|soldiers|troops|militants|fighters|invaders|occupiers"
    r"|terrorists|insurgents|personnel|gunmen|bandits|jihadists|rebels|mercenaries)\b",
    re.IGNORECASE,
)
_SENDS = frozenset({"sent", "sending", "sends", "put", "putting", "puts", "landed", "landing",
                    "lands"})  # fmt: skip
_TO_HOSPITAL = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:to|in|into)\s+(?:the\s+|a\s+|area\s+|local\s+)*hospitals?\b",
    re.IGNORECASE,
)
# "the death toll rose to 28", "a death toll of 14", "the number of injured reached 90".
_TOLL_RE = re.compile(
    r"(?P<what>death\s+toll|toll|number\s+of\s+(?:the\s+)?(?:[a-z]+\s+){0,4}?"
    r"(?:dead|deaths|fatalities|victims|killed|injured|wounded|casualties))\b[^.;:]{0,110}?\b"
    r"(?:to|of|at|reached|hit|is|was|stood\s+at|stands\s+at|now)\s+$",
    re.IGNORECASE,
)
# "has risen to", "climbed to", "the final toll": a figure that replaces earlier ones.
_UPDATE_RE = re.compile(
    r"(?:\b(?:ris(?:en|es|ing)|rose|climb(?:ed|s|ing)|increas(?:ed|es|ing)|jump(?:ed|s)"
    r"|revised(?:\s+(?:up|down)(?:wards?)?)?|updated)\s+to|\breach(?:ed|es)|\bnow\s+stands\s+at"
    r"|\bfinal\s+(?:death\s+)?toll\b[^.;]{0,40}\b(?:is|was|of|at|to))\s+$",
    re.IGNORECASE,
)
# Words that may sit between a figure and its casualty word without breaking the link.
_FILLER = re.compile(
    r"^(?:people|persons?|civilians?|children|kids|women|men|man|woman|girls?|boys?|soldiers?"
    r"|policem[ae]n|gendarmes?|commandos?|volunteers?|guards?|miners?|herders?|traders?"
    r"|community|members?|elements?|combatants?|recruits?|pupils?|teachers?|doctors?|nurses?"
    r"|troops|servicem[ae]n|police(?:men)?|officers?|militants?|fighters?|attackers?|gunmen"
    r"|assailants?|insurgents?|rebels?|residents?|villagers?|worshipp?ers?|students?|pupils"
    r"|passengers?|workers?|others?|more|additional|further|individuals|victims|miners|farmers"
    r"|protesters|demonstrators|journalists|medics|rescuers|firefighters|members|staff|employees"
    r"|family|relatives|patients|pilgrims|shoppers|bystanders|guards|security|forces|personnel"
    r"|military|army|government|pro-government|militia|jihadists?|terrorists?|suspects?|of|the"
    r"|them|whom|those|were|was|are|is|have|has|had|been|being|got|all|also|reportedly|later"
    r"|known|thought|now|feared|presumed|understood"
    r"|confirmed|initially|allegedly|believed|feared|said|to|be|in|total|young|elderly|still|now"
    r"|local|innocent|unarmed|armed|other|including|among|\d+-year-old|aged"
    r"|[a-z]+m[ae]n|cadres?|commanders?|bodyguards?|youths?|leaders?|chiefs?|nationals|citizens"
    r"|refugees|migrants|displaced|civil|suspected|alleged|presumed|unidentified|unknown"
    r"|reported|pro-[\w-]+|activists?|supporters?|partisans?|individuals?|loyalists?|followers?"
    r"|rangers?|sons?|daughters?|brothers?|wives|husbands?|bodyguards?|child|elders?|tribal"
    r"|clan|village|infants?|bab(?:y|ies)|toddlers?|teen(?:ager)?s?|adults?|sisters?|fathers?"
    r"|mothers?|wife|farmer|shepherds?|drivers?|officials?|employee|chief|imams?|pastors?"
    r"|priests?|clerics?|councill?ors?|mayors?|prisoners?|detainees?|inmates?|hostages?"
    r"|customs|district|provincial|local|former|retired|off-duty|senior|junior|prominent|female"
    r"|male|minor|minors)$"
)
# Demonyms ("Afghan soldiers"), group names and acronyms ("three NPA militants", "two AGuH
# militants", "12 people of the Foulse community") describe victims too.
_DEMONYM_WORD = re.compile(r"^[A-Z][\w'’-]*$")
_CAPITALIZED_NOT_NAMES = frozenset({"he", "she", "it", "they", "we", "i", "his", "her", "their"})
_PERPETRATORS = re.compile(
    r"\b(?:attackers?|gunmen|assailants?|militants?|insurgents?|terrorists?|suicide\s+bombers?"
    r"|bombers?|jihadists?|bandits)\b",
    re.IGNORECASE,
)
_WHO = re.compile(
    r"\b(people|persons|civilians|children|women|men|soldiers|troops|servicemen|police(?:men)?"
    r"|officers|militants|fighters|attackers|gunmen|residents|villagers|students|passengers"
    r"|workers|protesters|demonstrators|journalists|rebels|insurgents|person|civilian|child"
    r"|soldier|officer|man|woman)\b",
    re.IGNORECASE,
)
_SUBSET = re.compile(
    r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|among\s+the\s+(?:dead|injured"
    r"|wounded|victims))\s+(?:were\s+|was\s+)?$",
    re.IGNORECASE,
)
# Running totals over a war or a year are not one event's toll.
_TOTAL = re.compile(
    r"\b(?:since\s+(?:the\s+(?:start|beginning|outbreak)|(?:January|February|March|April|May|June"
    r"|July|August|September|October|November|December)\s+\d{4}|\d{4}|the\s+war|the\s+conflict"
    r"|the\s+invasion|the\s+full-scale)|so\s+far\s+this\s+year|this\s+year\s+alone|in\s+total"
    r"\s+since|cumulative|overall\s+toll|throughout\s+the\s+war|during\s+the\s+war"
    # "Eighteen people have been killed this year", "... shootings reported so far in
    # February": a tally of the period, with the perfect tense _TOTAL_TENSE asks for.
    r"|this\s+(?:year|month)|so\s+far\s+in\s+(?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December|\d{4}))\b",
    re.IGNORECASE,
)
# "nine people have been wounded in shootings across the city since Friday night": a
# round-up's sum over the days and the several incidents it covers.
_ROUNDUP = re.compile(
    r"\b(?:shootings|incidents|attacks|robberies)\b.*\bsince\s+(?:Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday)\b|\bsince\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday)\b.*\b(?:shootings|incidents|attacks|robberies)\b",
    re.IGNORECASE,
)
_TOTAL_TENSE = re.compile(
    r"\b(?:have|has|had)\s+(?:now\s+)?(?:been\s+)?(?:killed|died|wounded|injured|lost|perished)"
    r"|\btotal\b|\bcumulative\b|\boverall\b|\balone\b",
    re.IGNORECASE,
)
_NONE_RE = re.compile(
    r"\b(?:no(?:body|\s+one)?\s+(?:was|were|has\s+been|have\s+been)\s+(?P<a>killed|injured|hurt"
    r"|wounded)|no\s+(?P<b>casualties|injuries|fatalities|deaths)\s+(?:were|was|have\s+been)"
    r"\s+reported|without\s+(?P<c>casualties|injuries)|there\s+were\s+no\s+(?P<d>casualties"
    r"|injuries|deaths|fatalities))\b",
    re.IGNORECASE,
)
# "Fifty people, including five children, have died": the aside does not break the link.
# "1 civilian, a tribal elder, was killed": an apposition describes, too.
_ASIDE = re.compile(
    r",\s*(?:(?:including|among\s+them|among\s+whom|most\s+of\s+them)\b[^,.;]*"
    r"|(?:an?|the)\s[^,.;]{1,40}|[a-z]+ing\s[^,.;]{1,60}),",
    re.I,
)  # "1 civilian, working as a cook on the base, was killed": a participle describes too
# Between two figures of one list: a few describing words, then a comma or "and".
# "1 civilian, a council member, and his 2 bodyguards": an apposition may describe the first;
# "1 council member in addition to 3 of his guards" joins two groups as "and" does.
_LIST_GAP = re.compile(
    r"(?:\s+[A-Za-z'’-]+){1,3}(?:\s*,\s*(?:an?|the)\s[^,.;]{1,50}?)?"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+(?:in\s+addition\s+to|as\s+well\s+as|along\s+with)\s+)"
    r"(?:(?:his|her|their|its)\s+)?",
    re.I,
)
# One person joined to a group the verb before it counts: "killing four children and a youth".
_PERSON_WORDS = (
    r"man|woman|boy|girl|child|youth|teenager|person|civilian|soldier|policeman|officer|member"
    r"|chief|leader|commander|driver|farmer|herder|trader|student|teacher|imam|pastor|priest"
    r"|elder|guard|militant|fighter|gendarme|nurse|doctor|villager|resident|worker|official"
    r"|[a-z]+man|[a-z]+woman"
)
# What joins one more person to a list: "and", "as well as", "along with".
_JOINED = r"(?:and|as\s+well\s+as|along\s+with)"
_AND_ONE = re.compile(
    rf"(?:\s+[A-Za-z-]+){{0,2}}?\s+{_JOINED}\s+(?P<who>(?:an?|one)\s+"
    rf"(?:[\w-]+\s+){{0,3}}?(?:{_PERSON_WORDS}))\b"
    r"(?!\s+(?:was|were|is|are|has|had|who)\b|\s*,\s*(?:was|who)\b)",
    re.I,
)
_MONTH = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
)
_DAY_OF_MONTH = re.compile(
    r"\b(?:January|February|March|April|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+$"
)  # "May" alone is too often the verb ("may have killed 3")
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those)\b", re.I)
_MORE_RE = re.compile(r"\s+(?:more|additional)\b", re.I)  # "two more died"
_ANOTHER_RE = re.compile(r"\b(?:another|a\s+further|an\s+additional)\s+$", re.I)
# What is done to people before they are killed or hurt: "was abducted and killed".
_BEFORE_FATE = re.compile(
    r"(?:kidnapped|abducted|tortured|arrested|detained|captured|taken\s+away|stoned|raped"
    r"|robbed|ambushed|attacked|beaten|seized|dragged\s+out)\s*(?:,\s*(?:and\s+)?|\s+and\s+)",
    re.I,
)
# A figure of rounds, not people: the firing told after the rounds ("one shot was fired", "two
# shots rang out", "fired one shot at the woman") or before them ("fired one shot", "heard two
# shots"). See _counts_rounds.
_FIRED_ROUNDS = re.compile(
    r"\s+(?:more\s+)?(?:shots?|rounds?)\b(?=\s+(?:at|into|was|were|rang|from|in\s+the\s+air))", re.I
)
_FIRED_BEFORE = re.compile(
    r"\b(?:fired|fires|fire|firing|heard|hear|hears|let\s+off|squeezed\s+off|got\s+off)"
    r"(?:\s+(?:off|only|just|about|at\s+least))?\s+$",
    re.I,
)
_ROUND_AFTER = re.compile(
    r"\s+(?:more\s+|other\s+|single\s+|additional\s+)?(?:shots?|rounds?)\b", re.I
)
# "Neither Melissa, Chris nor their three children were injured": nobody was.
_NEITHER = re.compile(
    r"\bneither\b[^.;]{0,120}?\bnor\b[^.;]{0,80}?\b(?:was|were)\s+(?:\w+\s+)?"
    r"(?P<e>injured|hurt|wounded|killed|harmed|struck|hit)\b",
    re.I,
)
# "Image 1 of / 13 Caption": a photo gallery's count, run into the story by the page.
_GALLERY = re.compile(r"\d\s*(?:of\s*)?/\s*$")
# Words that end a name rather than continue it: "killed three Fulani and wounded others".
_FUNCTION_WORDS = frozenset({
    "and", "or", "but", "nor", "in", "at", "on", "of", "to", "with", "by", "from", "for",
    "while", "as", "who", "whom", "which", "that", "after", "before", "during", "near",
    "when", "where", "then", "also", "were", "was", "are", "is", "had", "have", "has",
})  # fmt: skip
_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")
_MAX_GAP = 7


def _field_of(word_text: str) -> CountField | None:
    for field, pattern in _FIELD_RE:
        if pattern.match(word_text):
            return field
    return None


def _right_field(
    text: str, start: int, end: int, figure: str = ""
) -> tuple[CountField, int, str | None] | None:
    """The casualty word after a figure, the end of the phrase, and who was hit."""
    who: str | None = None
    # "5 civilians (2 men, 2 women and 1 child) were killed": the brackets only itemise.
    asides = [m.span() for m in _ASIDE.finditer(text, start, end)]
    tokens = [
        t
        for t in _TOKEN.finditer(text, start, end)
        if t.group(0) not in "()"
        and not _in_brackets(text, start, t.start())
        and not any(a <= t.start() < b for a, b in asides)
    ]
    # "3434 High Street", "2018 Garcia died": an address or a year before a name counts nobody.
    bare_year = re.fullmatch(r"\d{4}", figure) is not None
    of_the = -9  # where "of the" stood: "40 of the (seriously) injured" names the pool
    skip_to = -1
    modifiers = 0  # describing words no list foresees ("health" in "health worker")
    last_noun = ""
    for i, token in enumerate(tokens[: _MAX_GAP + 3]):
        if token.start() < skip_to:
            continue
        if i > _MAX_GAP:
            break
        word = token.group(0)
        rest = text[token.start() : min(end, token.start() + 40)]
        field = _field_of(rest)
        before_fate = _BEFORE_FATE.match(rest)
        joined = _AND_PERSON_WERE.match(text, token.start(), end)
        if field is None and joined:
            # "two soldiers and a policeman were killed": the plural verb takes both
            skip_to = joined.end("who")
            continue
        if field is None and before_fate and _field_of(rest[before_fate.end() :]):
            # "1 civilian was kidnapped and killed": what was done first only leads to the verb.
            skip_to = token.start() + before_fate.end()
            continue
        if field is not None and modifiers and not _PERSON_NOUN.match(last_noun):
            return None  # "2 bombs exploded, killing ...": the words named no person
        if field is not None:
            # "40 of the injured were hospitalized": the noun names the pool, the verb the count;
            # "12 people of the Foulse community killed": the verb comes later, after the pool.
            if i - of_the <= 3 or (i >= 1 and tokens[i - 1].group(0).lower() == "the"):
                of_the = -9
                continue
            return field, token.end(), who
        named = _DEMONYM_WORD.match(word) and word.lower() not in _CAPITALIZED_NOT_NAMES
        # "14 Al shabaab militants": a name's later words may be written in lower case.
        name_goes_on = (
            i >= 1
            and word.isalpha()
            and word.lower() not in _FUNCTION_WORDS
            and _DEMONYM_WORD.match(tokens[i - 1].group(0)) is not None
            and tokens[i - 1].group(0).lower() not in _CAPITALIZED_NOT_NAMES
            and not bare_year
        )
        if not (_FILLER.match(word.lower()) or (named and not bare_year) or name_goes_on):
            # "One civilian health worker was killed": any describing word may stand before
            # the noun for a person, which must come before the verb.
            if not (word.isalpha() and word.islower() and word not in _FUNCTION_WORDS):
                return None
            if word.endswith(("ing", "ed")):
                return None  # "two men impersonating police shot ...": a clause, not a modifier
            modifiers += 1
            if modifiers > 2:
                return None
            last_noun = word
            continue
        if not _AUXILIARY.match(word.lower()):
            last_noun = word
        if word.lower() == "of" and i + 1 < len(tokens) and tokens[i + 1].group(0).lower() == "the":
            of_the = i
        if who is None and _WHO.fullmatch(word):
            who = word.lower()
    return None


def _in_brackets(text: str, start: int, at: int) -> bool:
    before = text[start:at]
    return before.count("(") > before.count(")")


def _left_field(text: str, sent_start: int, number: NumberMention) -> CountField | None:
    before = text[max(sent_start, number.start - 180) : number.start]
    match = _LEFT_RE.search(before)
    if match:
        verb = match.group("verb").lower()
        if verb in ("left", "leaving", "leaves"):
            return None  # "leaving 3 dead" names its field after the figure
        if verb in _ENEMY_KILLED:
            # "eliminated more than 300 invaders", not "destroyed 3 tanks" or "40 units"
            return "fatalities" if _ENEMY_PEOPLE.match(text, number.end) else None
        if verb in _SENDS:
            # "a shooting that sent two men to the hospital"
            sent = _TO_HOSPITAL.match(text, number.end)
            return "hospitalized" if sent else None
        if _LEFT_FATAL.search(verb):
            return "fatalities"
        return _LEFT_FIELD.get(verb)
    toll = _TOLL_RE.search(before)
    if toll:
        what = toll.group("what").lower()
        return "injured" if ("injured" in what or "wounded" in what) else "fatalities"
    return None


def find_casualties(
    text: str, sentences: Iterable[tuple[int, int]], *, article_id: str
) -> list[CasualtyMention]:
    """Every casualty figure in the given sentence spans of ``text``."""
    found: list[CasualtyMention] = []
    spans = list(sentences)
    for sent_start, sent_end in spans:
        found.extend(_in_sentence(text, sent_start, sent_end, article_id))
    found.extend(_taken_then_killed(text, spans, article_id))
    return found


# "three miners were abducted; their bodies were found", "arrested nine men ... those arrested
# were found dead": the dead are the people taken, counted by the figure of the taking.
_THEY_DIED = re.compile(
    r"\b(?:their\s+(?:bodies|corpses|remains)|those\s+(?:arrested|abducted|detained|kidnapped)"
    r"|(?<=[;,]\s)they|(?<=[;,]\s)all)\s+(?:were|have\s+been|had\s+been)\s+(?:\w+\s+){0,2}?"
    r"(?:found\s+(?:dead|executed|killed|murdered)|found|executed|killed|murdered|recovered)\b",
    re.I,
)
_TAKEN = re.compile(
    r"\b(?:abducted|kidnapped|arrested|detained|seized|took)\s+(?P<a>(?:[\w-]+\s+){0,3}?)$"
    r"|^(?P<b>\s+(?:[\w-]+\s+){0,3}?(?:were|had\s+been|have\s+been)\s+(?:\w+\s+)?"
    r"(?:abducted|kidnapped|arrested|detained|taken))\b",
    re.I,
)


def _taken_then_killed(
    text: str, sentences: Sequence[tuple[int, int]], article_id: str
) -> Iterator[CasualtyMention]:
    for match in _THEY_DIED.finditer(text):
        window = max(0, match.start() - 250)
        taken = None
        for number in iter_numbers(text, window, match.start()):
            before = text[max(window, number.start - 40) : number.start]
            after = text[number.end : min(match.start(), number.end + 60)]
            lead = _TAKEN.search(before)
            follow = _TAKEN.match(after)
            if (lead and lead.group("a") is not None) or (follow and follow.group("b")):
                taken = number
        if taken is None or taken.value < 2:
            continue  # one person taken is read as a person, by the victim finder
        yield CasualtyMention(
            evidence=Evidence.of(article_id, text, match.start(), match.end()),
            field="fatalities",
            number=taken,
        )


def _counts_rounds(text: str, sent_start: int, number: NumberMention) -> bool:
    """Whether ``number`` counts rounds fired rather than people hit."""
    if _FIRED_ROUNDS.match(text, number.end):
        return True
    fired = _FIRED_BEFORE.search(text, max(sent_start, number.start - 30), number.start)
    return fired is not None and _ROUND_AFTER.match(text, number.end) is not None


def _in_sentence(
    text: str, sent_start: int, sent_end: int, article_id: str
) -> list[CasualtyMention]:
    sentence = text[sent_start:sent_end]
    # "4 fatalities." after the story: the reporter's own sum of it, which replaces the rest
    tally = TALLY.fullmatch(sentence) is not None
    # "9,000 have been killed since the invasion" is a running total; "the deadliest attack
    # since October 2022, when car bombs killed 121" is not.
    total = bool(_TOTAL.search(sentence) or _ROUNDUP.search(sentence)) and bool(
        _TOTAL_TENSE.search(sentence)
    )
    # Figures in brackets itemise the one before them ("5 civilians (2 men, 3 women)").
    neither = [m.span() for m in _NEITHER.finditer(text, sent_start, sent_end)]
    numbers = [
        n
        for n in iter_numbers(text, sent_start, sent_end)
        if not _in_brackets(text, sent_start, n.start)
        and not re.search(r"\bno\s+$", text[max(sent_start, n.start - 4) : n.start], re.I)
        and not _counts_rounds(text, sent_start, n)
        and not _DAY_OF_MONTH.search(text, max(sent_start, n.start - 12), n.start)
        and not _GALLERY.search(text, max(sent_start, n.start - 12), n.start)
        and not any(a <= n.start < b for a, b in neither)
    ]  # "no one was hurt" is a zero, read by _no_casualties; "found on March 23" a day
    readings: list[tuple[CountField, int, int, str | None] | None] = []
    died_later: set[int] = set()
    for i, number in enumerate(numbers):
        next_start = numbers[i + 1].start if i + 1 < len(numbers) else sent_end
        later = _DIED_OF_THEM.match(text, number.end, next_start)
        if later is not None:
            # "wounding three others, one of the wounded succumbed": one more of the dead
            readings.append(("fatalities", number.start, later.end(), None))
            died_later.add(i)
            continue
        right = _right_field(text, number.end, next_start, number.text)
        if right is not None and _EITHER_FATE.match(text, right[1]):
            readings.append(None)  # "1 soldier was killed or wounded": no one known dead
            continue
        if right is not None:
            field, end, who = right
            readings.append((field, number.start, end, who))
            continue
        left = _left_field(text, sent_start, number)
        if left is None:
            readings.append(None)
            continue
        end, who = _who_after(text, number.end, next_start)
        readings.append((left, _phrase_start(text, sent_start, number), end, who))
    listed = _share_list_fields(text, numbers, readings)
    # "including one policeman and four soldiers": the whole list after "including" is a part.
    part_of: set[int] = set()
    for i in sorted(listed):
        before = text[max(sent_start, numbers[i - 1].start - 40) : numbers[i - 1].start]
        if not (i - 1 in part_of or _SUBSET.search(before)):
            continue
        # "21 militants including 2 commanders and 4 soldiers": soldiers are no militants
        group = text[max(sent_start, numbers[i - 1].start - 60) : numbers[i - 1].start]
        words = text[numbers[i].end : numbers[i + 1].start if i + 1 < len(numbers) else sent_end]
        if _side(_OF_GROUP.split(group)[0]) in (None, _side(words)) or _side(words) is None:
            part_of.add(i)
    found: list[CasualtyMention] = list(_one_more_person(text, numbers, readings, article_id))
    for i, (number, reading) in enumerate(zip(numbers, readings, strict=True)):
        if reading is None:
            continue
        field, span_start, end, who = reading
        phrase = text[span_start:end]
        before = text[max(sent_start, number.start - 40) : number.start]
        toll_before = text[max(sent_start, number.start - 120) : number.start]
        found.append(
            CasualtyMention(
                evidence=Evidence.of(article_id, text, span_start, end),
                field=field,
                number=number,
                who=who,
                subset=(bool(_SUBSET.search(before)) or i in part_of) and i not in died_later,
                total=total,
                perpetrator=bool(_PERPETRATORS.search(phrase)),
                update=bool(_UPDATE_RE.search(toll_before)) or tally,
                additional=i in listed
                or i in died_later
                or bool(_MORE_RE.match(text, number.end))
                or bool(_ANOTHER_RE.search(before)),
            )
        )
    found.extend(_no_casualties(text, sent_start, sent_end, article_id))
    return found


# "one of the wounded succumbed", "one severely, who later died": a wounded person who died.
_DIED_OF_THEM = re.compile(
    r"\s+(?:of\s+(?:the|them|those)\s+(?:wounded|injured)\s+|(?:severely|seriously|critically)"
    r"(?:\s+(?:wounded|injured))?\s*,?\s*who\s+|of\s+(?:them|whom)\s+)"
    r"(?:(?:later|reportedly|subsequently|also)\s+)*(?:died|succumbed)\b",
    re.I,
)
# "killed or wounded", "killed, injured or captured": the fate is one of several, so unknown.
_EITHER_FATE = re.compile(
    r"(?:\s*,\s*[a-z]+)*\s*,?\s+or\s+(?:were\s+|was\s+)?(?:wounded|injured|captured|arrested"
    r"|killed|missing|abducted|kidnapped|detained)\b",
    re.I,
)
# A bare tally closing a report, as ACLED's coders write it: "4 fatalities."
TALLY = re.compile(
    r"\s*(?:\d+|[A-Za-z]+)\s+(?:civilian\s+)?fatalit(?:y|ies)(?:\s+(?:were\s+)?reported)?\s*\.?\s*",
    re.I,
)
_STATE_SIDE = re.compile(
    r"\b(?:soldiers?|troops|police(?:m[ae]n)?|personnel|army|gendarmes?|officers?"
    r"|servicem[ae]n|security)\b",
    re.I,
)
_ARMED_SIDE = re.compile(
    r"\b(?:militants?|insurgents?|rebels?|jihadists?|terrorists?|attackers?|gunmen"
    r"|assailants?|Taliban)\b",
    re.I,
)
_OF_GROUP = re.compile(
    r"\b(?:including|incl\.?|among)\b(?![\s\S]*\b(?:including|incl|among)\b)", re.I
)


def _side(words: str) -> str | None:
    """Which side of a fight words name: the state's forces, an armed group, or neither."""
    state, armed = _STATE_SIDE.search(words), _ARMED_SIDE.search(words)
    if state and not armed:
        return "state"
    if armed and not state:
        return "armed"
    return None


def _share_list_fields(
    text: str,
    numbers: list[NumberMention],
    readings: list[tuple[CountField, int, int, str | None] | None],
) -> set[int]:
    """Give the figures of a list one verb: "three militants, five fighters and two civilians
    were killed" is ten dead. Returns the positions of every figure after the list's first."""
    listed: set[int] = set()
    for _ in range(2):  # backwards from the verb, then forwards from a verb before the list
        for i in range(len(numbers) - 1):
            a, b = readings[i], readings[i + 1]
            if (a is None) == (b is None):
                continue
            gap = text[numbers[i].end : numbers[i + 1].start]
            if (
                not _LIST_GAP.fullmatch(gap)
                or _MONTH.search(gap)  # "On 2 May, 1 trader was killed": a date, no list
                or _OF_THEM.match(text, numbers[i + 1].end)
                or any(_field_of(w) for w in gap.split())  # "1 killed, 1 grazed": two verbs
                # "26 truce breaches, one soldier killed": a list counts people only
                or not _counts_people(gap if a is None else text[numbers[i + 1].end :])
            ):
                continue  # "39 dead, four of them children": a part, not another group
            known = a or b
            assert known is not None
            field = known[0]
            if a is None:
                who = _WHO.search(gap)  # "four soldiers and three gendarmes were killed"
                readings[i] = (
                    field,
                    numbers[i].start,
                    numbers[i + 1].start,
                    who.group(1).lower() if who else None,
                )
            else:
                readings[i + 1] = (field, numbers[i + 1].start, numbers[i + 1].end, None)
            listed.add(i + 1)
    return listed


def _counts_people(after: str) -> bool:
    """Whether the words after a figure say what it counts is people: "three gendarmes",
    "2 Chadians", "five of the villagers"; not "26 truce breaches", "50 times"."""
    words = _TOKEN.findall(after)[:4]
    return (
        any(
            _PERSON_NOUN.match(w)
            or _WHO.fullmatch(w)
            or _DEMONYM_WORD.match(w)
            or _STATE_SIDE.fullmatch(w)
            or _ARMED_SIDE.fullmatch(w)
            or w.lower() in ("military", "militia")  # "2 rebel and 1 military fatality"
            for w in words
        )
        or not any(w.isalpha() for w in words[:1])
    )


_PERSON_NOUN = re.compile(
    rf"^(?:{_PERSON_WORDS}|{_WHO.pattern[3:-4]}|people|persons|workers?|personnel|staff"
    r"|employees?|officials?|guards?|volunteers?|gendarmes?|civilians?|members?)s?$",
    re.I,
)
_AUXILIARY = re.compile(
    r"^(?:were|was|are|is|have|has|had|been|being|reportedly|also|later|allegedly|all)$"
)
_ONE_AND = re.compile(
    rf"(?:^|(?<=[\s,(]))(?P<who>(?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){{0,3}}?(?:{_PERSON_WORDS}))"
    rf"\s*(?:,\s*)?{_JOINED}\s+(?:(?:his|her|their)\s+)?$",
)


# "... and a policeman were killed": one person joined to a group by a verb in the plural.
_AND_PERSON_WERE = re.compile(
    rf"and\s+(?P<who>(?:an?|one)\s+(?:[\w-]+\s+){{0,3}}?(?:{_PERSON_WORDS}))"
    r"\s+(?=(?:were|have\s+been|had\s+been)\b)",
    re.I,
)
_OTHERS = re.compile(r"\s+others?\b")
_NAMED_AND = re.compile(
    rf"(?:^|(?<=[\s,(]))(?P<who>(?:(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Oo]ne)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:{_PERSON_WORDS}|principal|official|head|nurse|[a-z]{{3,}}(?:er|ist|or))"
    rf"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}))\s+{_JOINED}\s+$",
)


def _one_more_person(
    text: str,
    numbers: list[NumberMention],
    readings: list[tuple[CountField, int, int, str | None] | None],
    article_id: str,
) -> Iterator[CasualtyMention]:
    """A person listed after the group a verb before them counts is one more casualty:
    "killing four children and a youth", "killed 2 soldiers as well as a civilian"."""
    for i, (number, reading) in enumerate(zip(numbers, readings, strict=True)):
        if reading is not None and reading[1] == number.start:
            # "a woman and two children were killed": the person before the figure's group
            lead = _ONE_AND.search(text, max(0, number.start - 60), number.start)
            if lead is None and _OTHERS.match(text, number.end):
                # "a journalist and three other people", "Ahmed and two others": N more than one
                lead = _NAMED_AND.search(text, max(0, number.start - 60), number.start)
            if lead is not None and (i == 0 or numbers[i - 1].end <= lead.start()):
                yield _one(text, lead.start("who"), lead.end("who"), reading[0], article_id)
            after = _AND_PERSON_WERE.search(text, number.end, reading[2])
            if after is not None:
                yield _one(text, after.start("who"), after.end("who"), reading[0], article_id)
            continue
        if reading is None:
            continue  # only a figure a verb before it governs has the person in its object
        limit = numbers[i + 1].start if i + 1 < len(numbers) else len(text)
        match = _AND_ONE.match(text[:limit], number.end)
        if match is None or re.search(r"[.;:]", match.group(0)):
            continue
        yield _one(text, *match.span("who"), reading[0], article_id)


def _one(text: str, start: int, end: int, field: CountField, article_id: str) -> CasualtyMention:
    one = NumberMention(
        start=start, end=end, text=text[start:end], value=1, qualifier="exact",
        low=1, best=1, high=1,
    )  # fmt: skip
    return CasualtyMention(
        evidence=Evidence.of(article_id, text, start, end),
        field=field,
        number=one,
        who=text[start:end].split()[-1].lower(),
        additional=True,
    )


def _phrase_start(text: str, sent_start: int, number: NumberMention) -> int:
    before = text[max(sent_start, number.start - 180) : number.start]
    match = _LEFT_RE.search(before) or _TOLL_RE.search(before)
    return number.start - len(before) + match.start() if match else number.start


def _who_after(text: str, start: int, end: int) -> tuple[int, str | None]:
    match = re.match(r"\s+(?:more\s+|other\s+)?([A-Za-z]+)", text[start:end])
    if match and _WHO.fullmatch(match.group(1)):
        return start + match.end(), match.group(1).lower()
    return start, None


def _no_casualties(text: str, start: int, end: int, article_id: str) -> list[CasualtyMention]:
    found = []
    for match in [*_NONE_RE.finditer(text, start, end), *_NEITHER.finditer(text, start, end)]:
        word = next(g for g in match.groups() if g).lower()
        word = {"harmed": "hurt", "struck": "hurt", "hit": "hurt"}.get(word, word)
        fields: Sequence[CountField]
        if word in ("casualties",):
            fields = ("fatalities", "injured")
        elif word in ("killed", "deaths", "fatalities"):
            fields = ("fatalities",)
        else:
            fields = ("injured",)
        zero = NumberMention(
            start=match.start(), end=match.end(), text=match.group(0), value=0,
            qualifier="exact", low=0, best=0, high=0,
        )  # fmt: skip
        for field in fields:
            found.append(
                CasualtyMention(
                    evidence=Evidence.of(article_id, text, match.start(), match.end()),
                    field=field,
                    number=zero,
                )
            )
    return found
