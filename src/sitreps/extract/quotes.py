"""Direct quotes, and who said them.

A quote is the text between double quote marks ("..." or “...”) within one paragraph; a quote
left open at a paragraph's end counts only when the next paragraph opens with a quote mark
(the newspaper convention for a quote that runs on). Its speaker is the subject of a speech
verb beside it: after it ("“...,” he said", "“...,” said X") or before it ("X said: “...”",
"X emphasized that police were “...”").

Names go through a :class:`SpeakerIndex` of the people the article names, which the
attribution extractor shares: a surname alone ("Klitschko said") or a pronoun ("he said")
becomes the full name seen in the text ("Vitaliy Klitschko"), and the title written with the
first full mention ("Kyiv Mayor Vitaliy Klitschko", "Ivan Petrenko, a police spokesman,")
becomes the speaker's role.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy
from spacy.tokens import Doc, Span, Token

from ..nlp.pipeline import doc_text, doc_tokens
from ..types import Evidence, QuoteMention

__all__ = [
    "SPEECH_LEMMAS",
    "Person",
    "QuoteSpan",
    "Speaker",
    "SpeakerIndex",
    "according_object",
    "find_quotes",
    "person_names",
    "quote_spans",
    "speaker_of",
    "speech_ancestor",
    "speech_verbs",
]

SPEECH_LEMMAS = frozenset(
    {
        "say",
        "tell",
        "add",
        "state",
        "write",
        "note",
        "warn",
        "emphasize",
        "emphasise",
        "stress",
        "confirm",
        "explain",
        "insist",
        "claim",
        "report",
        "announce",
        "post",
        "tweet",
        "urge",
    }
)
# The lemmatizer is rule-based; the inflected forms catch the verbs it leaves unlemmatized.
_SPEECH_FORMS = frozenset({"said", "says", "told", "emphasised", "emphasized", "tweeted"})

_PRONOUNS = frozenset({"he", "she", "they"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_NAME_DEPS = frozenset({"compound", "flat"})
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "von", "van", "der", "de", "da", "di", "le"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "mr.", "mrs.", "ms.", "dr."})
_TITLE_WORDS = _HONORIFICS | frozenset(
    {
        "president",
        "vice",
        "prime",
        "premier",
        "minister",
        "mayor",
        "governor",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "general",
        "gen",
        "gen.",
        "colonel",
        "col",
        "col.",
        "lieutenant",
        "lt",
        "lt.",
        "major",
        "captain",
        "capt",
        "capt.",
        "commander",
        "sheriff",
        "detective",
        "det",
        "det.",
        "sergeant",
        "sgt",
        "sgt.",
        "trooper",
        "inspector",
        "superintendent",
        "marshal",
        "coroner",
        "attorney",
        "chief",
        "head",
        "deputy",
        "ambassador",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "leader",
        "senator",
        "sen",
        "sen.",
        "gov",
        "gov.",
        "representative",
        "rep",
        "rep.",
        "speaker",
        "chancellor",
        "king",
        "queen",
        "prince",
        "emir",
        "sheikh",
        "pope",
        "patriarch",
        "judge",
        "prosecutor",
        "official",
        "officer",
        "adviser",
        "advisor",
        "aide",
        "envoy",
        "commissioner",
        "administrator",
        "councillor",
        "councilor",
        "lawmaker",
        "mp",
    }
)
# Words that make a capitalized phrase an organisation rather than a person's name.
_ORG_WORDS = frozenset(
    {
        "ministry",
        "council",
        "police",
        "service",
        "services",
        "forces",
        "army",
        "office",
        "agency",
        "administration",
        "government",
        "command",
        "committee",
        "department",
        "guard",
        "military",
        "navy",
        "court",
        "parliament",
        "party",
        "news",
        "media",
    }
)
_NOT_PERSON_ENTS = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC", "PRODUCT", "EVENT"})
# Nouns that stand between "according to" and the source: "according to a statement from X".
_CARRIER_NOUNS = frozenset(
    {"statement", "post", "message", "report", "video", "update", "channel", "account"}
)

_MUTE_NOUNS = frozenset({"casualty", "fatality", "injury", "death", "damage", "loss"})

_MARKS = re.compile(r"[“”\"]")
_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


# --- records -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Person:
    """A person the article names: the fullest name seen and the title first given."""

    name: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a speech verb's subject is, and where the words naming it are."""

    name: str
    role: str | None
    person: bool
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """The text between a pair of quote marks: ``text[start:end]``, marks excluded."""

    start: int
    end: int
    runs_on: bool = False  # left open; the quote goes on in the next paragraph

    def covers(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass(frozen=True, slots=True)
class _Name:
    """One mention of a capitalized name: its tokens and the title written with it."""

    tokens: tuple[Token, ...]
    role: str | None
    person_hint: bool

    @property
    def head(self) -> Token:
        return self.tokens[-1]

    @property
    def text(self) -> str:
        first, last = self.tokens[0], self.tokens[-1]
        return str(doc_text(first.doc)[first.idx : last.idx + len(last)])


# --- quote marks -------------------------------------------------------------------------


def quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted stretch of ``text``, paired paragraph by paragraph."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    spans: list[QuoteSpan] = []
    for k, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        for mark in _MARKS.finditer(text, p_start, p_end):
            at, char = mark.start(), mark.group()
            if open_at is None:
                if char != "”":  # a closing mark with nothing open is a stray
                    open_at = at
            elif char == "“":
                open_at = at  # the earlier opener was never closed; trust the newer one
            else:
                spans.append(QuoteSpan(start=open_at + 1, end=at))
                open_at = None
        if open_at is not None and k + 1 < len(paragraphs):
            n_start, n_end = paragraphs[k + 1]
            if text[n_start:n_end].lstrip()[:1] in ("“", '"'):
                spans.append(QuoteSpan(start=open_at + 1, end=p_end, runs_on=True))
    return spans


def _in_quote(offset: int, quoted: Sequence[QuoteSpan]) -> bool:
    return any(span.covers(offset) for span in quoted)


def _trimmed(text: str, span: QuoteSpan) -> tuple[int, int] | None:
    """The quoted words without surrounding space or the comma that hands over to "he said"."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return (start, end) if start < end else None


# --- names -------------------------------------------------------------------------------


def _is_title(token: Token) -> bool:
    return str(token.lower_) in _TITLE_WORDS


def _is_chain_head(token: Token) -> bool:
    if token.pos_ != "PROPN" or not token.text[:1].isupper() or _is_title(token):
        return False
    # A name's head is its last word; the words before it hang on it as compounds.
    return not (token.dep_ in _NAME_DEPS and token.head.pos_ == "PROPN" and token.head.i > token.i)


def _name_tokens(head: Token) -> tuple[Token, ...]:
    doc, tokens = head.doc, [head]
    i = head.i - 1
    while i >= head.sent.start:
        tok = doc[i]
        if tok.tag_ == "HYPH":  # "al-Julani" is three tokens
            tokens.insert(0, tok)
            i -= 1
            continue
        linked = tok.dep_ in _NAME_DEPS and tok.i < tok.head.i <= head.i
        word = tok.pos_ == "PROPN" or str(tok.lower_) in _NAME_PARTICLES
        if not linked or not word or _is_title(tok):
            break
        tokens.insert(0, tok)
        i -= 1
    while tokens[0].tag_ == "HYPH":
        tokens.pop(0)
    # "Neighbor Alfonso Carter": capitalized words before where NER starts the name are a title.
    begins = [k for k, t in enumerate(tokens) if t.ent_iob_ == "B" and t.ent_type_ == "PERSON"]
    if begins and len(tokens) - begins[0] >= 2:
        tokens = tokens[begins[0] :]
    return tuple(tokens)


def _span_text(tokens: Sequence[Token], *, titled: bool = False) -> str | None:
    """The text from the first to the last of ``tokens``, trimmed of articles and commas.

    Without a noun or a title word it is no role ("the Kremlin's"), unless ``titled``.
    """
    toks = list(tokens)
    while toks and (
        toks[0].pos_ == "DET" or toks[0].is_punct or str(toks[0].lower_) in _HONORIFICS
    ):
        toks.pop(0)
    while toks and toks[-1].is_punct:
        toks.pop()
    if not toks or not (titled or any(t.pos_ == "NOUN" or _is_title(t) for t in toks)):
        return None
    first, last = toks[0], toks[-1]
    return str(doc_text(first.doc)[first.idx : last.idx + len(last)])


def _role(head: Token, name_start: int) -> str | None:
    """The title written with a name: before it, or in an appositive beside it."""
    doc = head.doc
    before = list(doc[head.left_edge.i : name_start])
    cut = max((k for k, t in enumerate(before) if t.is_punct and t.tag_ != "HYPH"), default=-1)
    # A capitalized word compounded onto the name ("Neighbor Alfonso Carter") is its title.
    titled = bool(before) and before[-1].dep_ in _NAME_DEPS and before[-1].head.i >= name_start
    role = _span_text(before[cut + 1 :], titled=titled)
    if role is not None:
        return role
    owner = head.head
    if head.dep_ == "appos" and owner.pos_ == "NOUN" and owner.i < head.i:
        return _span_text(list(doc[owner.left_edge.i : name_start]))
    for child in head.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and len(list(child.subtree)) <= 10:
            return _span_text(list(child.subtree))
    return None


def _looks_like_person(tokens: Sequence[Token], role: str | None) -> bool:
    if any(t.ent_type_ == "PERSON" for t in tokens):
        return True
    if len(tokens) < 2 or role is None or any(str(t.lower_) in _ORG_WORDS for t in tokens):
        return False
    # The small model often tags unfamiliar names as ORG; a personal title outweighs that.
    titled = any(word in _TITLE_WORDS for word in role.lower().split())
    return titled or not any(t.ent_type_ in _NOT_PERSON_ENTS for t in tokens)


def _names(doc: Doc) -> list[_Name]:
    names = []
    for token in doc_tokens(doc):
        if _is_chain_head(token):
            tokens = _name_tokens(token)
            role = _role(token, tokens[0].i)
            names.append(
                _Name(tokens=tokens, role=role, person_hint=_looks_like_person(tokens, role))
            )
    return names


def _person_votes(doc: Doc) -> Counter[str]:
    """How often each word is tagged a person minus how often it is tagged something else."""
    votes: Counter[str] = Counter()
    for token in doc_tokens(doc):
        if token.ent_type_ == "PERSON":
            votes[token.text] += 1
        elif token.ent_type_:
            votes[token.text] -= 1
    return votes


def _people(names: Sequence[_Name], votes: Counter[str]) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for name in names:
        if len(name.tokens) >= 2 and name.person_hint:
            surname = name.head.text
            known = people.get(surname)
            if known is None:
                people[surname] = Person(name=name.text, role=name.role)
            elif known.role is None and name.role is not None and known.name == name.text:
                people[surname] = Person(name=known.name, role=name.role)
    for name in names:
        if len(name.tokens) != 1:
            continue
        word = name.head.text
        known = people.get(word)
        if known is None and name.person_hint and votes[word] > 0:
            people[word] = Person(name=word, role=name.role)
        elif known is not None and known.role is None and name.role is not None:
            people[word] = Person(name=known.name, role=name.role)
    return people


def _names_a_subject(head: Token) -> bool:
    if head.dep_ in _SUBJECT_DEPS:
        return True
    if head.dep_ == "appos" and head.head.dep_ in _SUBJECT_DEPS:
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according"


class SpeakerIndex:
    """The people an article names, by surname and by token, for resolving speakers."""

    def __init__(
        self,
        people: dict[str, Person],
        mentions: dict[int, Person],
        subjects: Sequence[tuple[int, Person]],
        quoted: Sequence[QuoteSpan] = (),
    ) -> None:
        self.people = people
        self._quoted = quoted
        self._mentions = mentions
        self._subject_at = [i for i, _ in subjects]
        self._subjects = [person for _, person in subjects]

    @classmethod
    def build(cls, doc: Doc, quoted: Sequence[QuoteSpan] | None = None) -> SpeakerIndex:
        """Index ``doc``; names inside ``quoted`` spans never become antecedents of "he"."""
        spans = quote_spans(doc_text(doc)) if quoted is None else quoted
        names = _names(doc)
        people = _people(names, _person_votes(doc))
        mentions: dict[int, Person] = {}
        subjects: list[tuple[int, Person]] = []
        for name in names:
            person = people.get(name.head.text)
            if person is None:
                continue
            mentions.update((t.i, person) for t in name.tokens)
            if _names_a_subject(name.head) and not _in_quote(name.head.idx, spans):
                subjects.append((name.head.i, person))
        return cls(people, mentions, subjects, spans)

    def person_at(self, token: Token) -> Person | None:
        """The person a token's name refers to, if it is part of a person's name."""
        return self._mentions.get(token.i)

    def last_before(self, i: int) -> Person | None:
        """The person most recently named as a subject before token ``i``."""
        k = bisect.bisect_left(self._subject_at, i)
        return self._subjects[k - 1] if k else None

    def speaker(self, subject: Token) -> Speaker | None:
        """Who the subject of a speech verb is: a person, or the group phrase it names."""
        if _in_quote(subject.idx, self._quoted):
            return None  # a misparse reached into the quote ("Bang, bang," Jensen said)
        start, end = _phrase(subject)
        if subject.lower_ in _PRONOUNS:
            person = self.last_before(subject.i)
            if person is None:
                return None
            return Speaker(person.name, person.role, True, start, end)
        person = self.person_at(subject)
        for child in subject.children:
            if person is None and child.dep_ == "appos":
                person = self.person_at(child)
        if person is not None:
            return Speaker(person.name, person.role, True, start, end)
        if subject.pos_ not in ("NOUN", "PROPN") or _mute(subject):
            return None
        return Speaker(str(doc_text(subject.doc)[start:end]), None, False, start, end)


def _mute(subject: Token) -> bool:
    """ "No casualties reported": a subject that reports nothing, misparsed as a speaker."""
    if subject.lemma_.lower() in _MUTE_NOUNS:
        return True
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subject.children)


def _phrase(head: Token) -> tuple[int, int]:
    """Character span of the noun phrase around ``head``, without clauses and appositives."""
    dropped = {
        t.i
        for child in head.children
        if child.dep_ in ("relcl", "acl", "appos", "punct", "advcl")
        for t in child.subtree
    }
    kept = {t.i for t in head.subtree} - dropped
    lo = hi = head.i
    while lo - 1 in kept:
        lo -= 1
    while hi + 1 in kept:
        hi += 1
    doc = head.doc
    return int(doc[lo].idx), int(doc[hi].idx + len(doc[hi]))


def person_names(doc: Doc) -> dict[str, tuple[str, str | None]]:
    """Surname -> (full name, role) for every person ``doc`` names."""
    return {k: (p.name, p.role) for k, p in SpeakerIndex.build(doc).people.items()}


# --- speech verbs ------------------------------------------------------------------------


def _is_speech(token: Token) -> bool:
    if token.lower_ == "according":
        return any(c.lower_ == "to" for c in token.children)
    if token.pos_ != "VERB" or token.dep_ == "amod":
        return False
    if token.lemma_.lower() not in SPEECH_LEMMAS and token.lower_ not in _SPEECH_FORMS:
        return False
    if token.tag_ == "VBN" and not _finite_or_agentive(token):
        return False  # "no casualties reported", "Written by ...": nobody speaks here
    # "the strike claimed the lives of 14" is not a claim anyone made.
    return not (
        token.lemma_ == "claim" and any(c.lemma_ in ("life", "lives") for c in token.children)
    )


def _finite_or_agentive(participle: Token) -> bool:
    """ "has said", or a full passive naming who spoke ("were confirmed by the governor")."""
    deps = {c.dep_ for c in participle.children}
    return "aux" in deps or {"auxpass", "agent"} <= deps


def speech_verbs(sent: Span, quoted: Sequence[QuoteSpan] = ()) -> Iterator[Token]:
    """The speech verbs (and "according to") of a sentence that stand outside quotes."""
    for token in doc_tokens(sent.doc)[sent.start : sent.end]:
        if _is_speech(token) and not _in_quote(token.idx, quoted):
            yield token


def _own_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":  # "three deaths were confirmed by the governor"
            return next((g for g in child.children if g.dep_ == "pobj"), None)
        if child.dep_ != "nsubj":
            continue
        if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            return verb.head  # "Klitschko, who said ...": who is Klitschko
        # After the verb, only "said X" with X right behind it; further on it is misparsed.
        if child.i < verb.i or child.left_edge.i == verb.i + 1:
            return child
    return None


def speech_ancestor(verb: Token) -> Token | None:
    """The speech verb a subjectless one continues: "X said ..., adding that ..."."""
    if verb.lower_ == "according" or _own_subject(verb) is not None:
        return None
    return next((a for a in verb.ancestors if _is_speech(a)), None)


def _subject(verb: Token) -> Token | None:
    """The nsubj of a verb, inherited through "adding that ..." and "and said ..."."""
    ancestor = speech_ancestor(verb)
    if ancestor is not None:
        # The parser often hangs "adding" on the reported clause, whose subject is not the speaker.
        return _subject(ancestor)
    for _ in range(4):
        subject = _own_subject(verb)
        if subject is not None:
            return subject
        if any(c.dep_ == "auxpass" for c in verb.children):
            return None  # "injuries were reported": a passive's speaker is never the clause's
        if verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def according_object(verb: Token) -> Token | None:
    """The object of "according to": the source, or the statement that carries it."""
    to = next((c for c in verb.children if c.lower_ == "to"), None)
    if to is None:
        return None
    return next((c for c in to.children if c.dep_ == "pobj"), None)


def _according_source(verb: Token) -> Token | None:
    obj = according_object(verb)
    if obj is None or obj.lemma_.lower() not in _CARRIER_NOUNS:
        return obj
    for child in obj.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            inner = next((g for g in child.children if g.dep_ == "pobj"), None)
            if inner is not None:
                return inner
        if child.dep_ == "poss":
            return child
    return obj


def speaker_of(verb: Token, index: SpeakerIndex) -> Speaker | None:
    """Who speaks through ``verb`` (a speech verb or "according")."""
    subject = _according_source(verb) if verb.lower_ == "according" else _subject(verb)
    return None if subject is None else index.speaker(subject)


# --- linking quotes to verbs -------------------------------------------------------------


def _token_at(doc: Doc, offset: int) -> Token:
    """The token at character ``offset``, or the last one before it."""
    starts = doc.to_array("IDX")  # in C: a list of the tokens' offsets costs far more
    return doc[max(int(numpy.searchsorted(starts, offset, side="right")) - 1, 0)]


def _verb_after(close: Token, quoted: Sequence[QuoteSpan]) -> Token | None:
    """A speech verb right after the closing mark: "“...,” he said", "“...,” said X"."""
    verb = next((t for t in speech_verbs(close.sent, quoted) if t.i > close.i), None)
    if verb is None:
        return None
    subject = _subject(verb) if verb.lower_ != "according" else None
    between = close.doc[close.i + 1 : verb.i]
    for tok in between:
        in_subject = subject is not None and (tok.i == subject.i or subject in tok.ancestors)
        if not (tok.is_punct or tok.head.i == verb.i or in_subject):
            return None  # another clause stands between the quote and the verb
    return verb


def _verb_before(open_mark: Token, quoted: Sequence[QuoteSpan], short: bool) -> Token | None:
    """A speech verb earlier in the sentence: "X said: “...”", "X stressed that “...”"."""
    doc = open_mark.doc
    previous = doc[open_mark.i - 1] if open_mark.i > 0 else open_mark
    sent = previous.sent if previous.text == ":" else open_mark.sent
    verbs = [t for t in speech_verbs(sent, quoted) if t.i < open_mark.i]
    first_word = doc[min(open_mark.i + 1, len(doc) - 1)]
    linked = [v for v in verbs if v in first_word.ancestors or open_mark.head.i == v.i]
    if linked:
        return linked[-1]
    # A short quote needs the parse to tie it to the verb; otherwise it is a scare quote.
    return None if short or not verbs else verbs[-1]


def _quote_verb(
    doc: Doc, span: QuoteSpan, quoted: Sequence[QuoteSpan], short: bool
) -> Token | None:
    open_mark = _token_at(doc, span.start - 1)
    before = _verb_before(open_mark, quoted, short)
    after = None if span.runs_on else _verb_after(_token_at(doc, span.end), quoted)
    opens_sentence = all(t.is_punct or t.is_space for t in doc[open_mark.sent.start : open_mark.i])
    first, second = (after, before) if opens_sentence else (before, after)
    return first if first is not None else second


def find_quotes(
    doc: Doc, *, article_id: str, speakers: SpeakerIndex | None = None
) -> list[QuoteMention]:
    """Every direct quote in ``doc`` with its speaker; scare quotes are left out.

    ``speakers`` is the doc's index when the caller already built it (it is shared with
    the attribution extractor); by default it is built here.
    """
    text: str = doc_text(doc)
    quoted = quote_spans(text)
    index = SpeakerIndex.build(doc, quoted) if speakers is None else speakers
    found: list[tuple[QuoteSpan, tuple[int, int], Speaker | None] | None] = []
    for span in quoted:
        bounds = _trimmed(text, span)
        if bounds is None:
            found.append(None)
            continue
        short = len(_WORD.findall(text[bounds[0] : bounds[1]])) <= 3 and not span.runs_on
        verb = _quote_verb(doc, span, quoted, short)
        if verb is None and short:
            found.append(None)
            continue
        found.append((span, bounds, None if verb is None else speaker_of(verb, index)))
    # A quote that runs on is attributed where it ends: "... paragraph two,” she said.
    for k in range(len(found) - 2, -1, -1):
        item, after = found[k], found[k + 1]
        if item is not None and item[0].runs_on and item[2] is None and after is not None:
            found[k] = (item[0], item[1], after[2])
    return [_mention(article_id, text, item[1], item[2]) for item in found if item is not None]


def _mention(
    article_id: str, text: str, bounds: tuple[int, int], speaker: Speaker | None
) -> QuoteMention:
    evidence = Evidence.of(article_id, text, *bounds)
    return QuoteMention(
        evidence=evidence,
        text=evidence.text,
        speaker=None if speaker is None else speaker.name,
        speaker_role=None if speaker is None else speaker.role,
    )
