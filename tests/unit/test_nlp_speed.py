"""The model's fast paths give the annotations spaCy's own code gives: the attribute ruler run
as array operations, and matrix products on numpy's BLAS."""

from __future__ import annotations

from typing import Any

import numpy
import pytest
import spacy
from spacy.tokens import Doc

from sitreps.nlp.attributes import ArrayRuler, compile_ruler, install
from sitreps.nlp.pipeline import _matmul_ops, load_nlp

_ATTRS = ["POS", "MORPH", "LEMMA", "TAG", "DEP"]

PATTERNS: list[dict[str, Any]] = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": {"IN": ["VBD", "VBN"]}}]], "attrs": {"POS": "VERB"}},
    # a later rule wins on a token an earlier one set
    {"patterns": [[{"LOWER": "fired", "TAG": "VBD"}]], "attrs": {"POS": "AUX", "LEMMA": "fire"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["NN", ""]}, "DEP": "nsubj"}]], "attrs": {"POS": "PRON"}},
    # two tokens, the second set; a regex on the lower-case form
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": {"REGEX": "^n?a$"}}]], "attrs": {"LEMMA": "to"},
     "index": -1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    {"patterns": [[{"LOWER": "then"}], [{"LOWER": "soon"}]], "attrs": {"DEP": "advmod"}},
]  # fmt: skip


def _doc(nlp: Any) -> Doc:
    words = ["Troops", "fired", "at", "gon", "na", "the", "crowd", " ", "then", "gon", "a", "soon"]
    tags = ["NNS", "VBD", "IN", "VB", "TO", "DT", "NN", "_SP", "RB", "VB", "DT", "RB"]
    deps = ["nsubj", "ROOT", "prep", "dep", "aux", "det", "pobj", "dep", "advmod", "dep", "det",
            "dep"]  # fmt: skip
    heads = [1, 1, 1, 1, 3, 6, 2, 6, 1, 1, 9, 1]
    spaces = [True] * (len(words) - 1) + [False]
    return Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, deps=deps, heads=heads)


def test_array_ruler_sets_what_the_attribute_ruler_sets() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(PATTERNS)
    compiled = compile_ruler(ruler)
    assert isinstance(compiled, ArrayRuler)
    expected = [ruler(_doc(nlp)) for _ in range(3)]
    one = compiled(_doc(nlp))
    batch = list(compiled.pipe([_doc(nlp), Doc(nlp.vocab, words=[]), _doc(nlp)], batch_size=2))
    for doc in [one, batch[0], batch[2]]:
        assert (doc.to_array(_ATTRS) == expected[0].to_array(_ATTRS)).all()
    assert one[4].lemma_ == "to" and one[10].lemma_ == "to" and one[1].pos_ == "AUX"
    assert one[0].pos_ == "PRON" and one[7].tag_ == "_SP" and one[11].dep_ == "advmod"


def test_a_ruler_with_other_patterns_is_left_in_place() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"POS": "DET"})
    assert compile_ruler(ruler) is None
    assert install(nlp) is False
    assert nlp.get_pipe("attribute_ruler") is ruler


def test_the_model_uses_both_fast_paths() -> None:
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler"), ArrayRuler)
    assert nlp.get_pipe("ner").model.ops is _matmul_ops()


@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (True, False), (False, True)])
def test_matmul_ops_multiplies_as_thinc_does(trans1: bool, trans2: bool) -> None:
    from thinc.api import NumpyOps

    rng = numpy.random.default_rng(0)
    x = rng.random((7, 5), dtype=numpy.float32)
    y = rng.random((5, 3) if not trans2 else (3, 5), dtype=numpy.float32)
    x = x.T.copy().T if not trans1 else rng.random((5, 7), dtype=numpy.float32)
    ours = _matmul_ops().gemm(x, y, trans1=trans1, trans2=trans2)
    theirs = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert numpy.allclose(ours, theirs, atol=1e-5)
    out = numpy.zeros_like(theirs)
    assert _matmul_ops().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    assert numpy.allclose(out, theirs, atol=1e-5)


def test_warm_up_for_workers_builds_what_they_share() -> None:
    from sitreps.assemble.classifier import load_classifier
    from sitreps.batch import warm_up
    from sitreps.geo.gazetteer import default_gazetteer

    warm_up(for_workers=True)
    assert load_classifier.cache_info().currsize == 1
    assert default_gazetteer()._keys_of_country is not None
