"""Single victims that no figure counts: "a 45-year-old man was shot dead", "Roberson died".

Reports of small incidents rarely write a number: they name or describe each victim. The
dependency parse gives the person a casualty verb acts on (the subject of "was killed" or
"died", the object of "shot a woman"); each distinct person is one casualty, and "killed"
outranks "injured" for the same person (shot, then died of the wounds, is one death).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..nlp.pipeline import doc_text, doc_tokens
from ..types import CasualtyMention, CountField, Evidence, NumberMention
from .numbers import iter_numbers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_KILLED = {
    "kill", "killed", "die", "died", "dies", "dead", "deceased", "murder", "murdered", "slay",
    "assassinated", "assassinate",
    "slain", "execute", "executed", "behead", "beheaded", "lynch", "lynched",
    "killing", "kills", "murdering", "succumbed", "succumbs",
}  # fmt: skip
_INJURED = {
    "wound", "wounded", "injure", "injured", "hurt", "shoot", "shot", "shooting", "stab", "stabbed",
    "hospitalize", "hospitalized", "hospitalise", "hospitalised", "wounding", "injuring",
}  # fmt: skip
_PEOPLE = {
    "man", "woman", "boy", "girl", "teen", "teenager", "person", "victim", "child", "driver",
    "resident", "officer", "student", "suspect", "gunman", "toddler", "baby", "infant", "youth",
    "soldier", "policeman", "civilian", "farmer", "pedestrian", "passenger", "worker", "father",
    "mother", "son", "daughter", "brother", "sister", "husband", "wife", "deputy", "trooper",
    "shooter", "guard", "journalist", "villager", "shopkeeper", "owner", "clerk", "customer",
    "friend", "girlfriend", "boyfriend", "neighbor", "neighbour", "cousin", "uncle", "aunt",
    "nephew", "niece", "grandmother", "grandfather", "roommate", "coworker", "acquaintance",
    "relative", "stepfather", "stepson", "partner", "fiancee", "fiance", "teacher", "pastor",
    # the people of wars and unrest
    "member", "serviceman", "servicewoman", "militiaman", "fighter", "militant", "rebel",
    "gendarme", "policewoman", "official", "employee", "miner", "herder", "trader", "protester",
    "demonstrator", "activist", "nurse", "doctor", "medic", "paramedic", "commander", "chief",
    "leader", "elder", "imam", "priest", "volunteer", "firefighter", "rescuer",
}  # fmt: skip
# A person hurt, told by the wounds or the care: "suffered a gunshot wound", "was taken to
# hospital with injuries", "remains in critical condition".
_WOUNDS = {"wound", "wounds", "injury", "injuries"}
_SUFFER = {"suffer", "suffered", "suffers", "suffering", "sustain", "sustained", "sustains",
           "sustaining", "treated"}  # fmt: skip
_CARRIED = {"taken", "transported", "rushed", "hospitalized", "hospitalised", "airlifted",
            # "walked into the hospital with a gunshot wound", "showed up with wounds"
            "walked", "showed", "arrived", "came", "turned", "drove", "appeared"}  # fmt: skip
_BE_WORDS = {"is", "was", "remains", "remained", "listed"}
_LEFT_WITH = {"left", "leaving", "leaves", "put", "puts", "putting", "sent", "sending", "landed"}
_CONDITIONS = {"critical", "serious", "stable", "fair", "grave", "life-threatening", "good"}
# Verbs whose object is a person whatever the noun: "killed the watchman"; not "executed".
_KILLS_SOMEONE = {
    "kill", "killed", "killing", "kills", "murder", "murdered", "murdering", "assassinate",
    "assassinated", "assassinating", "behead", "beheaded", "lynch", "lynched", "slay", "slew",
}  # fmt: skip
# "another man", "a second victim": a person beside the ones counted before.
_OTHER_WORDS = {"another", "second", "third", "fourth", "fifth", "sixth"}
_PRONOUNS = {"he", "she", "him", "her"}
_REFLEXIVES = {"himself", "herself"}  # the one who acted, not the one hit before
_FATAL_WORDS = {"fatally", "dead", "death", "killed", "died"}


def _either(verb: Token) -> bool:
    """ "killed or wounded", "killed, injured or captured": fates given as alternatives."""
    # "killed, injured or captured" may parse "injured" as a clause of its own
    listed = [
        c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBN" and c.i == verb.i + 2
    ]
    verbs = (verb, *verb.conjuncts, *listed, *(c for v in listed for c in v.conjuncts))
    joins = {t.lower_ for v in verbs for t in v.children if t.dep_ == "cc"}
    return joins == {"or"}


def _to_death(verb: Token) -> bool:
    """ "shot to death", "beaten to death": the phrase makes any blow a killing."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "to"
        and any(t.lower_ == "death" for t in prep.children)
        for prep in verb.children
    )


def _outcome(verb: Token) -> CountField | None:
    word = verb.lower_
    if word not in _OUTCOME_WORDS and not (verb.pos_ == "VERB" and _to_death(verb)):
        return None  # most words: none of the tests below could hold
    if verb.tag_ == "VB" or any(t.dep_ == "neg" for t in verb.children):
        return None  # "threatened to kill her", "was not hurt": nobody was
    if _either(verb):
        return None  # "was killed or wounded": which of the two is unknown
    if _hypothetical(verb) or _neither(verb):
        return None  # "I would've been dead", "neither he nor his wife was hurt"
    if word == "dead" and verb.head.lower_ in ("go", "goes", "went", "gone", "going"):
        return None  # "the line went dead": a phone, an engine

    if word in _KILLED or (verb.pos_ == "VERB" and _to_death(verb)) or _took_life(verb):
        return "fatalities"
    if _body_found(verb):
        return "fatalities"
    hurt = _hurt_by_wounds(verb)
    if hurt is not None:
        return hurt
    if _struck_by_shot(verb):
        return "injured"
    if word in ("shot", "shoot", "shooting") and any(_fired_at(t, verb) for t in verb.children):
        return None  # "the house was shot at", "shot at him": fired at, not hit
    if word in _INJURED:
        # "shot dead", "fatally shot", "shot and killed": the stronger word decides.
        near = {t.lower_ for t in verb.children}
        if not any(t.dep_ in ("dobj", "nsubjpass") for t in verb.children):
            # "shot and killed a farmer" shares one object; "killed six and wounded another"
            # gives each verb its own.
            near |= {t.lower_ for t in verb.conjuncts}
        return "fatalities" if near & _FATAL_WORDS else "injured"
    return None


_MODALS = {"would", "could", "might", "should", "'d", "’d"}


def _hypothetical(verb: Token) -> bool:
    """ "Another inch and I would've been dead": what did not happen."""
    heads = [verb, verb.head] if verb.dep_ in ("acomp", "attr", "xcomp") else [verb]
    return any(t.dep_ == "aux" and t.lower_ in _MODALS for h in heads for t in h.children)


def _neither(verb: Token) -> bool:
    """ "Neither Melissa nor her children were injured"."""
    subjects = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")]
    return any(t.lower_ == "neither" for s in subjects for t in s.subtree)


_STRUCK = {"struck", "hit", "grazed", "strikes", "hits", "grazes"}
_SHOTS = {"bullet", "bullets", "shot", "shots", "round", "rounds", "gunfire", "pellets", "pellet"}
_BODY = {
    "head", "leg", "legs", "arm", "arms", "chest", "back", "shoulder", "neck", "face", "hand",
    "foot", "stomach", "abdomen", "torso", "buttocks", "hip", "thigh", "side", "knee", "jaw",
}  # fmt: skip


def _struck_by_shot(verb: Token) -> bool:
    """ "One of the shots struck Dunlap", "was grazed by a bullet", "was struck in the head":
    a person hit by a round or a blow to the body is hurt."""
    if verb.lower_ not in _STRUCK or verb.pos_ not in ("VERB", "AUX"):
        return False

    def shots(token: Token) -> bool:
        words = {t.lower_ for t in token.subtree}
        return bool(words & _SHOTS)

    subjects = [t for t in verb.children if t.dep_ == "nsubj"]
    if subjects and any(shots(t) for t in subjects):
        return True
    if not any(t.dep_ == "nsubjpass" for t in verb.children):
        return False
    for prep in verb.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ == "by" and shots(prep):
            return True
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "in"
            and any(t.dep_ == "pobj" and t.lower_ in _BODY for t in prep.children)
        ):
            return True
    return False


_FIRED_AT = {"him", "her", "them", "me", "us", "police", "officers", "officer", "deputies",
             "times", "car", "vehicle", "house", "home"}  # fmt: skip


def _fired_at(prep: Token, verb: Token) -> bool:
    """ "shot at him", "was shot at multiple times", "a house was shot at": "at" right after
    the verb with a target or nothing after it; not "shot at the bar" or "at 1 a.m."."""
    if prep.dep_ != "prep" or prep.lower_ != "at" or prep.i != verb.i + 1:
        return False
    objects = [t for t in prep.children if t.dep_ == "pobj"]
    if not objects:
        return True
    target = objects[0]
    bare = not any(t.dep_ == "det" for t in target.children)
    # "shot at the suspects", "shot at a man": people are a target; "shot at the bar" a place
    person = target.lower_.removesuffix("s") in _PEOPLE or target.lower_ in ("people", "men")
    return (
        target.lower_ in ("him", "her", "them", "me", "us", "times")
        or (bare and target.lower_ in _FIRED_AT)
        or person
    )


_FOUND = {"found", "discovered", "recovered", "retrieved", "dumped", "finds", "discovers"}
_BODY_WORDS = {"body", "corpse"}


def _body_found(verb: Token) -> bool:
    """ "the corpse was found", "villagers discovered a body": a dead person, one per body."""
    return verb.lower_ in _FOUND and any(
        t.dep_ in ("nsubjpass", "dobj") and t.lower_ in _BODY_WORDS for t in verb.children
    )


_REPORTED = frozenset({"reported", "feared", "believed", "confirmed", "presumed", "said"})
# What a joined verb's own sufferers hang on it by ("two more wounded", "three more hurt").
_OWN_SIDE = frozenset({"nsubj", "nsubjpass", "nummod"})
# "Soldier killed", "Woman wounded as shells hit the town": a headline's verbs of harm.
_HEADLINE_VERBS = _KILLS_SOMEONE | {"executed", "wounded", "injured"}


def _headline_victim(verb: Token) -> bool:
    """ "Health worker assassinated overnight in X": a killing verb that needs an object but has
    none, its subject bare of any auxiliary, is a headline's passive with "was" left out."""
    if verb.tag_ not in ("VBD", "VBN") or verb.lower_ not in _HEADLINE_VERBS:
        return False
    if verb.dep_ == "conj" or any(t.dep_ in ("aux", "auxpass") for t in verb.children):
        return False
    if any(
        t.dep_ in ("dobj", "ccomp", "xcomp", "dative", "attr")
        # a verb joined without a subject of its own shares the object to come; one with its
        # own is a clause of its own ("militiaman killed, two more wounded")
        or (t.dep_ == "conj" and not any(c.dep_ in _OWN_SIDE for c in t.children))
        for t in verb.children
    ):
        return False  # "militants killed and wounded ...", "killed him"
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.pos_ in ("DET", "NUM", "NOUN", "PROPN", "PRON"):
        return False  # an object the parse missed: "assassinated Maiga in the town"
    subjects = [t for t in verb.children if t.dep_ == "nsubj"]
    return len(subjects) == 1 and subjects[0].lower_ not in _PRONOUNS | {"they", "it", "we"}


def _took_life(verb: Token) -> bool:
    """ "took his own life"."""
    return verb.lower_ in ("took", "take", "takes", "taking", "taken") and any(
        t.dep_ == "dobj" and t.lower_ in ("life", "lives") for t in verb.children
    )


def _antecedent(token: Token) -> Token:
    """ "the suspect, who was later pronounced dead": the relative pronoun's noun."""
    if token.lower_ in ("who", "whom", "that") and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _wound_nouns(verb: Token) -> list[Token]:
    """The wounds a verb's object or "from"/"with" phrase names ("suffered gunshot wounds")."""
    found = [t for t in verb.children if t.dep_ == "dobj" and t.lower_ in _WOUNDS]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "with", "for"):
            found += [t for t in prep.children if t.dep_ == "pobj" and t.lower_ in _WOUNDS]
    return found


def _hurt_by_wounds(verb: Token) -> CountField | None:
    """ "suffered a gunshot wound", "was taken to hospital with injuries", "is in critical
    condition": a person hurt, told without a casualty verb."""
    word = verb.lower_
    if word in _LEFT_WITH and any(t.dep_ == "dobj" for t in verb.children):
        # "a shooting that left a man with a gunshot wound", "put two teens in the hospital"
        if _wound_nouns(verb) or any(
            prep.dep_ == "prep"
            and prep.lower_ in ("in", "into", "to")
            and any(t.lower_ in ("hospital", "hospitals") for t in prep.children)
            for prep in verb.children
        ):
            return "injured"
        return None
    if word in _SUFFER or word in _CARRIED:
        wounds = _wound_nouns(verb)
        if not wounds:
            return None
        fatal = any(a.lower_ in ("fatal", "mortal") for w in wounds for a in w.children)
        return "fatalities" if fatal else "injured"
    if verb.pos_ in ("AUX", "VERB") and word in _BE_WORDS:
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for noun in prep.children:
                rated = any(a.lower_ in _CONDITIONS for a in noun.children)
                if noun.lower_ == "condition" and rated:
                    return "injured"
    return None


# Every word some test of ``_outcome`` needs (its words, ``_took_life``'s, ``_body_found``'s,
# ``_struck_by_shot``'s, ``_hurt_by_wounds``'s); any other word is an outcome only "to death".
_OUTCOME_WORDS = frozenset(
    _KILLED
    | _INJURED
    | _STRUCK
    | _FOUND
    | _LEFT_WITH
    | _SUFFER
    | _CARRIED
    | _BE_WORDS
    | {"took", "take", "takes", "taking", "taken"}
)


def _victims_of(verb: Token) -> list[Token]:
    """The people a casualty verb happened to."""
    deps: tuple[str, ...]
    if verb.lower_ in _LEFT_WITH:
        return [t for t in verb.children if t.dep_ == "dobj"]  # "left a man with a wound"
    if verb.lower_ in _SUFFER or verb.lower_ in _BE_WORDS or verb.lower_ in _CARRIED:
        # "a man suffered wounds", "she is in critical condition", "he was taken to hospital"
        subjects = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects
        if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
            # "a man was found suffering from gunshot wounds"
            return [t for t in verb.head.children if t.dep_ in ("nsubjpass", "nsubj", "dobj")]
        if verb.dep_ == "acl":
            return [verb.head]  # "a woman suffering from a gunshot wound"
        return []
    if verb.lower_ in ("dead", "deceased"):
        # "X was found dead": the adjective hangs off "found", whose subject is the victim.
        objects = [t for t in verb.children if t.dep_ == "dobj"]
        if objects:
            return objects  # "gunmen shot dead a man", parsed with "dead" as the verb
        head = verb.head
        # "medics pronounced him dead": the object of the verb that states it, else its subject.
        for deps in (("dobj",), ("nsubjpass",), ("nsubj",)):
            found = [_antecedent(t) for t in head.children if t.dep_ in deps]
            if found:
                return found
        if head.dep_ == "conj" and head.head.pos_ == "VERB":
            # "a man was kidnapped and later found dead": the first verb's subject is the victim
            return [t for t in head.head.children if t.dep_ in ("nsubjpass", "nsubj")]
        return []
    if (
        verb.dep_ in ("xcomp", "oprd", "acomp")
        and verb.tag_ == "VBN"
        and not any(t.dep_ in ("auxpass", "nsubj", "nsubjpass", "dobj") for t in verb.children)
    ):
        # "he was later found executed", "they found him murdered": the participle describes
        # the object of the verb it completes, else its subject, as "found dead" does; a
        # headline's "soldier reported killed" leaves out the "was" of "was reported".
        reported = verb.head.lower_ in _REPORTED and verb.head.dep_ == "ROOT"
        # "a man was slain", parsed as "was" with "slain" its complement
        copula = verb.dep_ == "acomp" and verb.head.lemma_ == "be"
        for deps in (("dobj",), ("nsubjpass",), ("nsubj",) if reported or copula else ()):
            found = [_antecedent(t) for t in verb.head.children if t.dep_ in deps]
            if found:
                return found
        return []
    if (
        verb.tag_ == "VBN"
        and verb.dep_ == "conj"
        and not any(t.dep_ in ("nsubj", "nsubjpass", "auxpass") for t in verb.children)
        and any(t.dep_ == "auxpass" for t in verb.head.children)
    ):
        # "one man was taken off the bus and executed": the passive's subject is the victim
        return [t for t in verb.head.children if t.dep_ == "nsubjpass"]
    if verb.tag_ == "VBN" and any(t.dep_ == "auxpass" for t in verb.children):
        deps = ("nsubjpass",)
    elif (
        verb.lower_ in ("die", "died", "dies", "succumbed", "succumbs")
        or _took_life(verb)
        or _headline_victim(verb)
    ):
        deps = ("nsubj",)
    elif verb.tag_ in ("VBD", "VBZ", "VBP", "VBG", "VB") or (
        verb.tag_ == "VBN" and any(t.dep_ == "nsubj" for t in verb.children)
    ):  # "bandits killed (VBN, a tagging slip) and robbed a trader"
        deps = ("dobj",)
    elif verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
        # "a man shot in the head", "the wounded driver"
        return [verb.head]
    else:
        return []
    found = [_antecedent(t) for t in verb.children if t.dep_ in deps]
    if not found and deps == ("dobj",):
        # "killed and robbed a merchant": the object of the last verb is the first's too
        found = [
            t for c in verb.children if c.dep_ == "conj" for t in c.children if t.dep_ == "dobj"
        ]
    if not found and verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.tag_ != "VBN":
        found = [t for t in verb.head.children if t.dep_ in (*deps, "nsubjpass", "nsubj")]
    return found


def _person_key(token: Token, doc: Doc, field: CountField, role: Token | None = None) -> str | None:
    """A key per distinct person: a name's last word, a described person, or None.

    ``role`` is the first of the people conjoined with ``token`` ("the head and his guard"):
    its place in the clause (subject, object) is the place of each of them.
    """
    if any(child.dep_ == "nummod" and child.lower_ not in _ONE for child in token.children):
        return None  # "three men were killed" is a figure, read by _figure_of
    if token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and not token.ent_type_):
        end = token.i
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1  # the last word of the name is the surname
        return f"name:{doc[end].lower_}"
    lemma = token.lower_.rstrip("s") if token.lower_ not in ("boys", "girls") else token.lower_[:-1]
    # Whoever "was killed" or "was executed" is a person, whatever the noun; wounds and shots
    # also hit vehicles and buildings, so those need a word for a person.
    place = role if role is not None else token
    deadly = field == "fatalities" and (
        place.dep_ in ("nsubjpass", "nsubj")
        or _found_killed(place)
        or (
            place.dep_ == "dobj"
            and (
                place.head.lower_ in _KILLS_SOMEONE
                or _shot_dead(place.head)
                or (place.head.dep_ == "conj" and place.head.head.lower_ in _KILLS_SOMEONE)
                # "executed the imam", not "executed a search warrant": a noun for a person
                or (place.head.lower_ in _EXECUTED and bool(_PERSONISH.search(token.lower_)))
            )
        )
    )  # "a councilor was killed", "killed the watchman", "shot dead the chief"; not "executed
    # a search warrant"
    if token.lower_ in _ANIMALS or lemma in _ANIMALS or lemma in _NOT_PEOPLE:
        return None
    person = (
        token.lower_ in _PEOPLE
        or lemma in _PEOPLE
        or (deadly and token.pos_ == "NOUN" and (role is None or _PERSONISH.search(token.lower_)))
    )  # a list after the first victim may run on to goods: "killed eight and seized arms"
    if token.lower_ == "another" or (person and _another(token)):
        return f"another:{token.i}"  # "another was wounded", "a fourth person died later"
    if person:
        if token.tag_ in ("NNS", "NNPS"):
            return None  # plural with no figure: "residents were wounded" counts no one
        return f"described:{token.lower_}"
    if token.lower_ in _PRONOUNS:
        return "pronoun"
    if token.lower_ in _REFLEXIVES:
        # "Briseno shot himself": the one who acted, counted under his own key.
        subject = next((t for t in token.head.children if t.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in _REFLEXIVES:
            key = _person_key(subject, doc, field)
            # "he shot his wife, then he killed himself": "he" is the shooter, whom no victim
            # told before him stands for.
            if key is not None and key != "pronoun":
                return key
        return f"self:{token.head.i}"
    return None


_ONE = frozenset({"one", "1"})
_EXECUTED = frozenset({"executed", "executes", "executing", "execute"})


def _found_killed(token: Token) -> bool:
    """ "a trader, who was later found executed", "a thief who later died": the noun a relative
    clause says died."""
    return any(
        clause.dep_ == "relcl"
        and (
            any(
                t.dep_ in ("xcomp", "oprd", "acomp") and t.lower_ in _KILLED
                for t in clause.children
            )
            or clause.lower_ in ("died", "dies", "succumbed", "succumbs")  # "who later died"
            or (clause.lower_ in _KILLED and any(t.dep_ == "auxpass" for t in clause.children))
        )
        for clause in token.children
    )


# Endings of nouns for people ("councilman", "pastor", "bodyguard", "journalist", "head"):
# what a word must look like to be one more person in a list.
_PERSONISH = re.compile(
    r"(?:m[ae]n|er|or|ist|ian|ard|aid|chief|head|leader|imam|idp|cian|gendarme|nurse|youth"
    r"|child|boy|girl|wife|son|daughter|cleric|official|deputy|pilot|judge|monk|nun|priest"
    r"|merchant|civilian|person|individual|resident|student|pupil|victim|cadet|recruit"
    r"|relative|cousin|nephew|niece|uncle|aunt|catechist|guard|escort|agent|militant)$"
)
# "three civilians, including the chief and a merchant": the people after it are of the three.
_PART_OF = re.compile(
    r"\b(?:including|incl\.?|among\s+(?:them|whom)|such\s+as|namely|of\s+whom)\b", re.I
)


def _shot_dead(verb: Token) -> bool:
    """ "shot dead the chief", "beat the thief to death": whoever it is done to dies."""
    return _to_death(verb) or any(
        t.lower_ == "dead" and t.dep_ in ("acomp", "oprd", "advmod", "xcomp") for t in verb.children
    )


def _of_group(token: Token) -> bool:
    """ "three of his relatives": a figure standing for part of a group it names after "of"."""
    return token.tag_ == "CD" and any(
        t.dep_ == "prep" and t.lower_ == "of" and any(p.tag_ in ("NNS", "NNPS") for p in t.children)
        for t in token.children
    )


def _figure_value(token: Token) -> int | None:
    """The figure a plural noun carries ("three other people" -> 3), or None."""
    nummod = next((t for t in token.children if t.dep_ == "nummod" and t.i < token.i), None)
    if _of_group(token):
        nummod = token
    elif nummod is None or token.tag_ not in ("NNS", "NNPS"):
        return None
    found = list(iter_numbers(nummod.text))
    return found[0].value if len(found) == 1 and found[0].value > 1 else None


def _another(token: Token) -> bool:
    return any(
        child.dep_ in ("det", "amod") and child.lower_ in _OTHER_WORDS for child in token.children
    )


_FIGHTER = re.compile(
    r"\b(?:militant|insurgent|rebel|jihadist|terrorist|attacker|assailant|bandit)s?$"
)


def _same_person(key: str, seen: dict[str, _Hit]) -> str:
    """The key of a person already counted that this mention refers back to, or its own key.

    "he died", "the victim died", "the driver died" (after "a man was shot") are most often the
    same person in a short report; conjoined people ("a man and a woman") never reach here.
    """
    if key.startswith("described:") and _FIGHTER.search(key) and key not in seen:
        return key  # "a soldier was killed ... also a militant was killed": the other side
    if seen and (key == "pronoun" or key.startswith("described:")):
        # "a shooting that killed a man and put a woman in the hospital": a man is no woman.
        sex = _SEX.get(key.removeprefix("described:"))
        if sex is not None and key not in seen:
            described = [_SEX.get(k.removeprefix("described:")) for k in seen]
            if described and all(other is not None and other != sex for other in described):
                return key
        # "Paulk was shot ... the man ran ... he was pronounced dead": the person last named.
        names = [k for k in seen if k.startswith("name:")]
        return names[-1] if names else next(iter(seen))
    return key


_SEX = {
    **dict.fromkeys(("man", "boy", "husband", "father", "son", "brother", "boyfriend", "uncle",
                     "nephew", "grandfather", "stepfather", "stepson", "fiance", "policeman"), "m"),
    **dict.fromkeys(("woman", "girl", "wife", "mother", "daughter", "sister", "girlfriend", "aunt",
                     "niece", "grandmother", "fiancee"), "f"),
}  # fmt: skip


def _each_victim(token: Token, verb: Token) -> Iterator[Token]:
    yield token
    if token.i < verb.i:
        # "a principal and another civilian were killed": the subject names both before the verb
        yield from token.conjuncts
        return
    # "killed six people and wounded another": the parse often hangs "another" on the first verb.
    yield from (t for t in token.conjuncts if t.lower_ != "another" and not _another(t))


@dataclass(frozen=True, slots=True)
class _Hit:
    field: CountField
    start: int  # the person's words
    end: int
    verb: str
    span: tuple[int, int]  # the person and the verb together: the evidence


# The same reading by pattern, for sentences the small parser gets wrong ("On 5 May, in X, a
# drug trafficker was killed" parses the victim as an apposition of the place).
_ONE_PASSIVE = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne)\s+(?P<who>(?:[\w-]+\s+){0,5}?[a-z-]+)\s+(?:was|has\s+been|had\s+been)"
    r"\s+(?:\w+\s+)?(?P<verb>killed|shot\s+dead|shot\s+and\s+killed|fatally\s+shot|murdered"
    r"|assassinated|executed|beheaded|lynched|stabbed\s+to\s+death|beaten\s+to\s+death|found\s+dead"
    r"|wounded|injured|hurt|shot|stabbed)\b(?!(?:\s*,\s*[a-z]+)*\s*,?\s+or\b)",
)  # "was killed or wounded" gives the fate as one of two, so no one known hit
# "... and a woman wounded", "37-year-old man shot, injured": no auxiliary, so the verb must
# not take an object of its own ("a man shot his wife" is the shooter).
_ONE_ELLIPTIC = re.compile(
    r"(?:\band\s+(?:a|an|one)\s+|^(?:an?\s+)?\d+-year-old\s+)(?P<who>(?:[\w-]+\s+){0,2}?[a-z-]+)\s+"
    r"(?P<verb>wounded|injured|hurt|shot|killed)\b(?!\s+(?:his|her|their|its|a|an|the|two|three"
    r"|him|himself|herself|them|at|into|up|down|back)\b)",
    re.IGNORECASE | re.MULTILINE,
)
# "police found a juvenile shot", "found a man suffering": the object is the one hit.
_ONE_FOUND = re.compile(
    r"\bfound\s+(?:a|an|one)\s+(?P<who>(?:[\w-]+\s+){0,3}?[a-z-]+)\s+"
    r"(?:(?:with|suffering\s+from)\s+(?:an?\s+)?(?:apparent\s+)?gunshot\s+wounds?\b"
    r"|(?P<verb>shot|wounded|injured|stabbed|dead)\b)",
)
_ONE_ACTIVE = re.compile(
    r"\b(?P<verb>killed|killing|murdered|assassinated|executed|shot\s+dead|beheaded|lynched|wounded"
    r"|wounding|injured|injuring)\s+(?:a|an|one)\s+(?P<who>(?:[\w-]+\s+){0,3}?[a-z-]+)\b",
)
_ONE_BODY = re.compile(
    r"\b(?:(?P<verb>(?:dismembered\s+|lifeless\s+|decapitated\s+)?(?:body|corpse))\s+of\s+(?:a|an)"
    r"|(?P<verb2>death|killing|murder|assassination)\s+of\s+(?:a|an|the))"
    r"\s+(?P<who>(?:[\w-]+\s+){0,2}?[a-z-]+)\b"
)
# "... and another wounded", "a second man was shot": one more person, never one seen before.
# The words before it open a clause, so "fired another shot" is no victim.
_ONE_MORE = re.compile(
    r"(?:^|[,;.]\s*|\b(?:and|while|with)\s+)(?P<who>[Aa]nother|[Aa]\s+(?:second|third|fourth|fifth)"
    r"(?:\s+[a-z-]+){0,2}?)\s+(?:(?:was|has\s+been|had\s+been)\s+)?(?:(?:later|also)\s+)?"
    r"(?P<verb>killed|wounded|injured|hurt|shot|died)\b",
    re.MULTILINE,
)
_MORE_WHO = re.compile(r"another\b|a\s+(?:second|third|fourth|fifth)\b")
_DEADLY_STEMS = ("kill", "dead", "death", "murder", "assassin", "execut", "behead", "lynch",
                 "body", "corpse", "died")  # fmt: skip
_NOT_PEOPLE = {
    "number", "total", "group", "lot", "few", "couple", "warrant", "search", "order", "plan",
    "operation", "raid", "attack", "strike", "deal", "contract", "policy", "program", "programme",
}  # fmt: skip
_ANIMALS = {
    "dog", "cat", "cow", "goat", "sheep", "animal", "horse", "camel", "donkey", "bird", "livestock",
    "cattle", "poultry",
}  # fmt: skip


# "shot his wife and then himself", "before turning the gun on himself": the one who fired is
# a victim too, which the parse often misses ("then himself" hangs on nothing).
_SHOOTER_HIMSELF = re.compile(
    r"\b(?:(?:shot|killed|stabbed)\s+(?:[\w'’-]+\s+){1,4}?(?:and\s+)?then\s+"
    r"|turn(?:ed|ing|s)\s+the\s+(?:gun|weapon|rifle|pistol|handgun|shotgun|knife)\s+on\s+)"
    r"(?P<who>himself|herself)\b",
    re.IGNORECASE,
)
_SELF_FATAL = re.compile(
    r"\b(?:fatally|killed|killing|dead|died|murder-suicide|suicide|bodies)\b", re.IGNORECASE
)


def _shooter_himself(text: str) -> list[_Hit]:
    """The shooter who then shot himself, dead when the sentence (or the next) says someone
    died."""
    hits = []
    for match in _SHOOTER_HIMSELF.finditer(text):
        # the sentence and the next: "... turned the gun on himself. Both died at the scene."
        start = text.rfind(".", 0, match.start()) + 1
        end = text.find(".", text.find(".", match.end()) + 1)
        sentence = text[start : end if end >= 0 else len(text)]
        field: CountField = "fatalities" if _SELF_FATAL.search(sentence) else "injured"
        hits.append(_Hit(field=field, start=match.start("who"), end=match.end("who"),
                         verb="shot", span=match.span()))  # fmt: skip
    return hits


def _pattern_hits(text: str) -> list[_Hit]:
    hits = []
    for regex in (_ONE_MORE, _ONE_PASSIVE, _ONE_ELLIPTIC, _ONE_FOUND, _ONE_ACTIVE, _ONE_BODY):
        for match in regex.finditer(text):
            who = match.group("who").split()[-1].lower()
            if who in _ANIMALS or who in _NOT_PEOPLE:
                continue
            verb = (match.group("verb") or match.groupdict().get("verb2") or "").lower()
            deadly = any(w in verb for w in _DEADLY_STEMS)
            hits.append(_Hit(field="fatalities" if deadly else "injured", start=match.start("who"),
                             end=match.end("who"), verb=verb, span=match.span()))  # fmt: skip
    return hits


def find_victims(
    doc: Doc,
    *,
    article_id: str,
    stated: frozenset[CountField] = frozenset(),
    read: frozenset[tuple[int, int]] = frozenset(),
) -> list[CasualtyMention]:
    """One casualty per distinct person the text names or describes as killed or injured.

    ``stated`` are the fields that figures already count; a person merely "shot" beside a
    stated death toll is likely one of those dead, so is not counted again as injured.
    ``read`` are the spans of the figures the casualty extractor already counted; a figure the
    parse ties to a casualty verb beyond them ("2 opposition fighters were found dead") counts.
    """
    text = doc_text(doc)
    outcomes: dict[str, _Hit] = {}
    figures: list[CasualtyMention] = []

    def record(key: str, hit: _Hit) -> None:
        previous = outcomes.get(key)
        if previous is None or (previous.field == "injured" and hit.field == "fatalities"):
            outcomes[key] = hit

    for token in doc_tokens(doc):
        field = _outcome(token)
        if field is None:
            continue
        for victim in _victims_of(token):
            group = list(_each_victim(victim, token))
            counted_group = [p for p in group if _figure_value(p) is not None]
            for person in group:
                role = victim if person is not victim else None
                if role is not None and (_same_one(person) or _own_clause(person, token, doc)):
                    continue  # "a scholar and teacher": one person; "... and five others gone"
                key = _person_key(person, doc, field, role)
                if key is None:
                    figure = _figure_of(person, token, field, text, read, role)
                    if figure is not None:
                        counted = _figure_mention(figure, field, person, token, text, article_id)
                        # "two militants and five policemen were killed": the second group adds
                        more = role is not None and _figure_value(role) is not None
                        figures.append(replace(counted, additional=more))
                    continue
                if counted_group and key != "pronoun":
                    # "four gendarmes and a civilian driver", "the mayor and three others": one
                    # person joined to a counted group is one more than its figure.
                    joined = _joined_one(person, counted_group[0], field, text, read, article_id)
                    if joined is not None:
                        figures.append(joined)
                    continue
                if person is victim:
                    key = _same_person(key, outcomes)
                start, end = person.idx, person.idx + len(person.text)
                if key.startswith("another:"):
                    start = (
                        min(t.idx for t in person.children if t.i <= person.i)
                        if any(t.i < person.i for t in person.children)
                        else start
                    )  # "a second man": the rank is part of who
                span = (min(start, token.idx), max(end, token.idx + len(token.text)))
                record(key, _Hit(field=field, start=start, end=end, verb=token.lower_, span=span))
    read_here = [h.span for h in outcomes.values()] + [
        (f.evidence.start, f.evidence.end) for f in figures
    ]
    # a person the casualty extractor counted as one more ("and a policeman were killed")
    read_here += [(a, b) for a, b in read if not re.fullmatch(r"[\d\s,.]+|[a-z-]+", text[a:b])]
    for hit in _pattern_hits(text):
        if any(a < hit.span[1] and hit.span[0] < b for a, b in read_here):
            continue  # the parse already read these words
        who = text[hit.start : hit.end].lower()
        if _MORE_WHO.match(who):
            record(f"another:{hit.start}", hit)
        else:
            record(_same_person(f"described:{who}", outcomes), hit)
    if not any(key.startswith("self:") for key in outcomes):
        for hit in _shooter_himself(text):
            record(f"self:{hit.start}", hit)
    mentions = []
    named = any(key.startswith("name:") for key in outcomes)
    for key, hit in outcomes.items():
        # "Another person was shot and killed" opening a report links it to an earlier event:
        # this one is its first victim, not one more.
        before = [h.start for h in outcomes.values()] + [a for a, _ in read]
        more = key.startswith("another:") and any(at < hit.start for at in before)
        unnamed = (key.startswith(("described:", "another:")) and not more) or key == "pronoun"
        if unnamed and named:
            continue  # "a 45-year-old man ... Gerald Roberson": the name counts the person
        if hit.field == "injured" and "fatalities" in stated and hit.verb in ("shot", "shoot"):
            continue
        one = NumberMention(start=hit.start, end=hit.end, text=text[hit.start : hit.end],
                            value=1, qualifier="exact", low=1, best=1, high=1)  # fmt: skip
        mentions.append(
            CasualtyMention(
                evidence=Evidence.of(article_id, text, *hit.span),
                field=hit.field,
                number=one,
                who=text[hit.start : hit.end].lower(),
                singular=True,
                additional=more,
            )
        )
    by_span: dict[tuple[int, int], CasualtyMention] = {}
    for found in figures:  # "abducted 9 soldiers ... later killed them": one figure, one field
        at = (found.number.start, found.number.end)
        if at not in by_span or found.field == "fatalities":
            by_span[at] = found
    return mentions + list(by_span.values())


# Verbs whose plural subject or object is counted outright; "two victims had been shot" may
# count the dead too, so "shot" and "stabbed" give no figure.
_FIGURE_VERBS = {
    *_KILLED, "wounded", "wound", "injured", "injure", "hurt", "hospitalized", "hospitalised",
}  # fmt: skip


def _figure_of(
    person: Token,
    verb: Token,
    field: CountField,
    text: str,
    read: frozenset[tuple[int, int]],
    role: Token | None = None,
) -> NumberMention | None:
    """The figure that counts a plural victim ("2 opposition fighters"), unless already read.

    ``role``: the first conjunct, whose place in the clause a conjoined group shares ("killed a
    man and his two sons").
    """
    if person.lower_ == "them" and verb.dep_ == "conj":
        # "arrested fifteen villagers and executed them": the figure of the first verb's object
        person = next((t for t in verb.head.children if t.dep_ == "dobj"), person)
    nummod = next((t for t in person.children if t.dep_ == "nummod" and t.i < person.i), None)
    if _of_group(person):
        nummod = person  # "three of his relatives"
    elif nummod is None or person.tag_ not in ("NNS", "NNPS"):
        return None
    if (role if role is not None else person).dep_ not in ("nsubjpass", "nsubj", "dobj"):
        return None  # a noun the verb only modifies ("gunmen shot ...") is not its victim
    if verb.lower_ not in _FIGURE_VERBS and not (field == "fatalities" and _shot_dead(verb)):
        return None
    words = [nummod] if nummod is person else list(nummod.subtree)
    start = min(t.idx for t in words)
    end = max(t.idx + len(t.text) for t in words)
    if any(a < end and start < b for a, b in read):
        return None
    # "at least 4 members": the qualifier sits just before the figure's own words.
    found = [n for n in iter_numbers(text, max(0, start - 30), end) if n.end == end]
    return found[-1] if found and found[-1].value > 1 else None


def _same_one(person: Token) -> bool:
    """ "a religious scholar and teacher", "an official and activist": a second noun with no
    determiner, possessive or figure of its own describes the same person as the first."""
    return (
        person.pos_ == "NOUN"
        and person.tag_ == "NN"
        and not any(t.dep_ in ("det", "poss", "nummod") for t in person.children)
    )


def _own_clause(person: Token, verb: Token, doc: Doc) -> bool:
    """ "killed two farmers and a woman was wounded": a person after the verb followed by a verb
    of its own is the subject of the next clause, whatever the parse joined it to."""
    after = person.i + 1
    return person.i > verb.i and after < len(doc) and doc[after].pos_ in ("AUX", "VERB")


def _joined_one(
    person: Token,
    group: Token,
    field: CountField,
    text: str,
    read: frozenset[tuple[int, int]],
    article_id: str,
) -> CasualtyMention | None:
    """One person conjoined with a counted group, as a figure of one that adds to the group's.

    The evidence runs from the person to the group when the person comes first ("Norbert
    Zongo, a journalist, and three other people"), so the toll sees the two as joined.
    """
    words = [t for t in person.subtree if t.i <= person.i or t.dep_ in ("compound", "amod")]
    start = min(t.idx for t in words)
    end = person.idx + len(person.text)
    if any(a < end and start < b for a, b in read):
        return None  # the casualty extractor already counted this person
    between = text[min(end, group.idx) : max(start, group.idx)]
    if person.i > group.i and _PART_OF.search(between):
        return None
    if person.i < group.i:
        figure = min(t.idx for t in group.subtree)
        span = (start, figure)
    else:
        span = (start, end)
    one = NumberMention(start=start, end=end, text=text[start:end], value=1, qualifier="exact",
                        low=1, best=1, high=1)  # fmt: skip
    return CasualtyMention(
        evidence=Evidence.of(article_id, text, *span),
        field=field,
        number=one,
        who=person.lower_,
        additional=True,
    )


def _figure_mention(
    number: NumberMention,
    field: CountField,
    person: Token,
    verb: Token,
    text: str,
    article_id: str,
) -> CasualtyMention:
    end = max(person.idx + len(person.text), verb.idx + len(verb.text))
    span = (min(number.start, verb.idx), end)
    return CasualtyMention(
        evidence=Evidence.of(article_id, text, *span),
        field=field,
        number=number,
        who=person.lower_,
    )
