"""The model's fast path gives the annotations spaCy's own code gives: matrix products on
numpy's BLAS."""

from __future__ import annotations

import numpy
import pytest

from sitreps.nlp.pipeline import _matmul_ops, load_nlp


def test_the_model_multiplies_on_numpy() -> None:
    nlp = load_nlp()
    assert nlp.get_pipe("ner").model.ops is _matmul_ops()
    assert nlp.get_pipe("parser").model.ops is _matmul_ops()


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
