"""The model's attribute ruler (tags -> coarse parts of speech, morphology, a few lemmas), run
as array operations over a batch of docs instead of spaCy's token-by-token Matcher.

The English model's ruler holds about 180 patterns of one or two tokens, each on a token's
fine tag, dependency label, lower-case form or whitespace, and its Matcher costs as much as the
tagger and the parser together. Every pattern is a test of a column of token values, so a
batch is tested one pattern at a time over all its tokens at once. The semantics are the
ruler's: every match is found on the tokens as they come in, then the matches are applied in
the order the patterns were added (a later pattern wins on a token both set), each to the
token at its pattern's index.

``compile_ruler`` returns None for a ruler with anything else in its patterns (an operator, a
negation, another attribute); the model's own ruler then stays in place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["ArrayRuler", "compile_ruler", "install"]

_KEYS = ("TAG", "DEP", "LOWER", "IS_SPACE")  # the token columns patterns test
_SET = ("POS", "MORPH", "LEMMA", "TAG", "DEP")  # the attributes rules may set
_BATCH = 64


@dataclass(frozen=True, slots=True)
class _Test:
    column: int  # index in _KEYS
    values: tuple[int, ...] = ()  # the hashes allowed
    regex: re.Pattern[str] | None = None  # or: the lower-case form matches this
    flag: bool | None = None  # or, for IS_SPACE: the value wanted
    negated: bool = False  # NOT_IN: any value but ``values``


@dataclass(frozen=True, slots=True)
class _Rule:
    patterns: tuple[tuple[tuple[_Test, ...], ...], ...]  # per pattern, per token, its tests
    index: int  # the token of a match that is set
    attrs: tuple[tuple[int, int], ...]  # (column in _SET, value)


class _Unsupported(Exception):
    pass


def compile_ruler(ruler: Any) -> ArrayRuler | None:
    """The array form of spaCy's ``AttributeRuler`` ``ruler``; None if it cannot be had."""
    from spacy.attrs import IDS

    vocab = ruler.vocab
    set_columns = {IDS[name]: k for k, name in enumerate(_SET)}
    rules = []
    try:
        for info, attrs in zip(ruler.patterns, ruler.attrs, strict=True):
            patterns = tuple(
                tuple(_tests(token, vocab) for token in pattern) for pattern in info["patterns"]
            )
            if not patterns or not all(patterns) or any(k not in set_columns for k in attrs):
                return None
            values = tuple((set_columns[k], int(v)) for k, v in attrs.items())
            rules.append(_Rule(patterns, int(info["index"]), values))
    except (_Unsupported, KeyError, TypeError, ValueError):
        return None
    return ArrayRuler(vocab, rules)


def _tests(token: dict[str, Any], vocab: Vocab) -> tuple[_Test, ...]:
    tests = []
    for key, spec in token.items():
        name = key.upper() if isinstance(key, str) else None
        if name not in _KEYS:
            raise _Unsupported(key)
        column = _KEYS.index(name)
        if name == "IS_SPACE":
            if not isinstance(spec, bool):
                raise _Unsupported(spec)
            tests.append(_Test(column, flag=spec))
        elif isinstance(spec, str):
            tests.append(_Test(column, (vocab.strings.add(spec),)))
        elif isinstance(spec, dict) and len(spec) == 1 and set(spec) <= {"IN", "NOT_IN"}:
            ((operator, values),) = spec.items()
            hashes = tuple(vocab.strings.add(v) for v in values)
            tests.append(_Test(column, hashes, negated=operator == "NOT_IN"))
        elif isinstance(spec, dict) and set(spec) == {"REGEX"} and name == "LOWER":
            tests.append(_Test(column, regex=re.compile(spec["REGEX"])))
        else:
            raise _Unsupported(spec)
    return tuple(tests)


class ArrayRuler:
    """Applies compiled rules to docs in batches; takes the ruler's place in the pipeline."""

    def __init__(self, vocab: Vocab, rules: Sequence[_Rule]) -> None:
        from spacy.attrs import IDS

        self.vocab = vocab
        self.rules = tuple(rules)
        self._keys = [IDS[k] for k in _KEYS]
        self._set = [IDS[k] for k in _SET]

    def __call__(self, doc: Doc) -> Doc:
        self._apply([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = _BATCH) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                self._apply(batch)
                yield from batch
                batch = []
        if batch:
            self._apply(batch)
            yield from batch

    def _apply(self, docs: Sequence[Doc]) -> None:
        docs = [doc for doc in docs if len(doc)]
        if not docs:
            return
        keys = numpy.concatenate([doc.to_array(self._keys) for doc in docs])
        before = numpy.concatenate([doc.to_array(self._set) for doc in docs])
        out = before.copy()
        lengths = numpy.array([len(doc) for doc in docs])
        # Tokens from each to the end of its doc: a pattern of n tokens starts where >= n.
        left = numpy.repeat(numpy.cumsum(lengths), lengths) - numpy.arange(len(keys))
        hits: dict[_Test, numpy.ndarray] = {}
        for rule in self.rules:
            for pattern in rule.patterns:
                n = len(pattern)
                starts = left >= n
                for k, tests in enumerate(pattern):
                    for test in tests:
                        hit = hits.get(test)
                        if hit is None:
                            hit = hits[test] = self._test(test, keys[:, test.column])
                        starts[: len(keys) - k] &= hit[k:]
                where = numpy.flatnonzero(starts)
                if where.size:
                    target = where + (rule.index if rule.index >= 0 else n + rule.index)
                    for column, value in rule.attrs:
                        out[target, column] = value
        self._write(docs, before, out)

    def _test(self, test: _Test, column: numpy.ndarray) -> numpy.ndarray:
        if test.flag is not None:
            spaces: numpy.ndarray = (column != 0) == test.flag
            return spaces
        if test.regex is not None:
            unique, inverse = numpy.unique(column, return_inverse=True)
            strings = self.vocab.strings
            matched = [bool(test.regex.search(strings[int(h)])) for h in unique]
            return numpy.array(matched, dtype=bool)[inverse.reshape(-1)]
        found: numpy.ndarray
        if len(test.values) == 1:
            found = column == numpy.uint64(test.values[0])
        else:
            found = numpy.isin(column, numpy.array(test.values, dtype=numpy.uint64))
        return ~found if test.negated else found

    def _write(self, docs: Sequence[Doc], before: numpy.ndarray, out: numpy.ndarray) -> None:
        # POS, MORPH and LEMMA go in as arrays; TAG and DEP only where a rule changed them
        # (writing DEP as an array would redo the tree), token by token as the ruler does.
        tag, dep = _SET.index("TAG"), _SET.index("DEP")
        at = 0
        for doc in docs:
            rows, old = out[at : at + len(doc)], before[at : at + len(doc)]
            at += len(doc)
            doc.from_array(self._set[:3], numpy.ascontiguousarray(rows[:, :3]))  # type: ignore[arg-type]
            for i in numpy.flatnonzero(rows[:, tag] != old[:, tag]):
                doc[int(i)].tag = int(rows[i, tag])
            for i in numpy.flatnonzero(rows[:, dep] != old[:, dep]):
                doc[int(i)].dep = int(rows[i, dep])


def install(nlp: Language) -> bool:
    """Put an ``ArrayRuler`` in the place of ``nlp``'s attribute ruler, under its name; False
    (nothing changed) when there is none or its patterns are beyond ``compile_ruler``."""
    from spacy.language import Language

    if "attribute_ruler" not in nlp.pipe_names:
        return False
    if compile_ruler(nlp.get_pipe("attribute_ruler")) is None:
        return False
    if not Language.has_factory(_FACTORY):
        Language.factory(_FACTORY, func=_make)
    nlp.add_pipe(_FACTORY, name=_FACTORY, after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    nlp.rename_pipe(_FACTORY, "attribute_ruler")
    return True


_FACTORY = "sitreps_array_ruler"


def _make(nlp: Language, name: str) -> ArrayRuler:
    del name
    compiled = compile_ruler(nlp.get_pipe("attribute_ruler"))
    if compiled is None:  # install checked it compiles
        raise ValueError("the attribute ruler's patterns cannot be compiled")
    return compiled
