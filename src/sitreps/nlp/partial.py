"""A doc annotated in parts: the whole pipeline on some stretches, the entity recognizer alone
on others, the tokenizer alone on the rest.

The model is most of what extraction costs, about 140 µs a token on one core, half of it in the
entity recognizer (it computes its own token vectors). Much of a page needs neither a parse nor
entities, so the caller says, stretch by stretch, how deep each is read (a ``Stretch``), and
``annotate`` runs each component only where it is needed and writes what it found back into the
one doc, whose tokens and character offsets stay those of the whole text.

Each sentence of a stretch read less than fully gets a flat tree (its first token the root,
every other token attached to it) so that ``doc.sents`` still splits there, and no tags, so no
extractor finds a verb or a subject in it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Depth", "Stretch", "annotate", "whole"]

# "full": every component; "entities": the entity recognizer; "tokens": nothing more.
Depth = Literal["full", "entities", "tokens"]

_ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE")
_DEP, _HEAD, _IOB, _TYPE = (_ATTRS.index(a) for a in ("DEP", "HEAD", "ENT_IOB", "ENT_TYPE"))
_INSIDE, _OUTSIDE, _BEGIN = 1, 2, 3  # ENT_IOB values: "I", "O" (no entity), "B"
# Tokens on each side of a stretch that the entity recognizer also reads, for context: four
# words carry the cue it needs ("in Calgary", "Calgary MLA Sandra Jansen"); eight found the
# same places on the development pages, at a sixth more tokens to read.
MARGIN = 4


@dataclass(frozen=True, slots=True)
class Stretch:
    """Tokens [start, end) of a doc and how deep they are read.

    A stretch read less than fully says where its sentences start (``start`` first); a
    stretch read fully is split into sentences by the parser. A stretch read for entities
    may say which of its tokens the recognizer reads (``windows``: token ranges, in order,
    each read with ``MARGIN`` tokens of context on each side); by default, all of them.
    """

    start: int
    end: int
    depth: Depth
    sentences: tuple[int, ...] = ()
    windows: tuple[tuple[int, int], ...] = ()

    def read_by_recognizer(self) -> tuple[tuple[int, int], ...]:
        """The token ranges the entity recognizer labels in this stretch."""
        return self.windows or ((self.start, self.end),)


def whole(doc: Doc) -> list[Stretch]:
    """The plan that reads all of ``doc`` fully, as ``nlp(text)`` would."""
    return [Stretch(0, len(doc), "full")]


def annotate(nlp: Language, docs: Sequence[Doc], plans: Sequence[Sequence[Stretch]]) -> list[Doc]:
    """``docs`` (tokenized, nothing more) annotated as their plans say.

    Each plan lists its doc's stretches in order, covering every token once. The stretches of
    all docs are read in one batch per component. A doc whose plan is ``whole(doc)`` comes out
    exactly as the pipeline makes it.
    """
    if len(docs) != len(plans):
        raise ValueError("one plan per doc")
    full: list[Doc] = []
    entities: list[Doc] = []
    for doc, plan in zip(docs, plans, strict=True):
        if _is_whole(doc, plan):
            full.append(doc)
            continue
        # Each stretch is copied out of one array of the doc's annotations, made once:
        # ``as_doc`` alone makes it again for every stretch.
        head: Any = doc._get_array_attrs()
        array = doc.to_array(head)
        # as_doc also gives each copy the stretch's mean word vector (a Token object and a
        # vector lookup for every word, twice), which no component reads: spaCy's own hook
        # for a span's vector answers at once while the copies are made.
        hooks = doc.user_span_hooks
        before = hooks.get("vector")
        hooks["vector"] = _no_vector
        try:
            for stretch in plan:
                if stretch.depth == "full":
                    full.append(_copy(doc, stretch.start, stretch.end, head, array))
                elif stretch.depth == "entities":
                    entities += [
                        _copy(doc, *_with_margin(doc, window), head, array)
                        for window in stretch.read_by_recognizer()
                    ]
        finally:
            if before is None:
                del hooks["vector"]
            else:
                hooks["vector"] = before
    parsed = iter(list(nlp.pipe(full)) if full else [])
    recognizer: Any = nlp.get_pipe("ner")
    recognized = iter(list(recognizer.pipe(entities)) if entities else [])
    annotated = []
    for doc, plan in zip(docs, plans, strict=True):
        if _is_whole(doc, plan):
            annotated.append(next(parsed))
        else:
            annotated.append(_assemble(doc, plan, parsed, recognized))
    return annotated


_EMPTY_VECTOR = numpy.zeros((0,), dtype="f")


def _no_vector(span: Any) -> Any:
    return _EMPTY_VECTOR


def _copy(doc: Doc, start: int, end: int, head: Any, array: Any) -> Doc:
    # A copy: as_doc adjusts its slice of the array in place. (spaCy's stubs lack these two
    # keywords.)
    span: Any = doc[start:end]
    copied: Doc = span.as_doc(array_head=head, array=array.copy())
    return copied


def _with_margin(doc: Doc, window: tuple[int, int]) -> tuple[int, int]:
    """The tokens the recognizer reads for a window: a few more on each side, since it tags
    a name by the words around it ("in Calgary", "Calgary MLA Sandra Jansen")."""
    return max(0, window[0] - MARGIN), min(len(doc), window[1] + MARGIN)


def _is_whole(doc: Doc, plan: Sequence[Stretch]) -> bool:
    return len(plan) == 1 and plan[0] == Stretch(0, len(doc), "full")


def _assemble(
    doc: Doc, plan: Sequence[Stretch], parsed: Iterator[Doc], recognized: Iterator[Doc]
) -> Doc:
    strings = doc.vocab.strings
    root, attached = strings.add("ROOT"), strings.add("dep")
    rows = numpy.zeros((len(doc), len(_ATTRS)), dtype=numpy.uint64)
    at = 0
    for stretch in plan:
        start, end = stretch.start, stretch.end
        if start != at or end <= start or end > len(doc):
            raise ValueError(f"the plan does not cover the doc in order at token {at}")
        at = end
        if stretch.depth == "full":
            rows[start:end] = next(parsed).to_array(list(_ATTRS))
            continue
        firsts = stretch.sentences or (start,)
        bounds = list(zip(firsts, (*firsts[1:], end), strict=True))
        if firsts[0] != start or any(first >= last for first, last in bounds):
            raise ValueError(f"sentence starts {firsts} do not split tokens {start}-{end}")
        for first, last in bounds:
            # A flat tree: heads are offsets, so token i points back i - first tokens.
            rows[first:last, _HEAD] = numpy.arange(0, first - last, -1, dtype=numpy.int64).view(
                numpy.uint64
            )
            rows[first:last, _DEP] = attached
            rows[first, _DEP] = root
        rows[start:end, _IOB] = _OUTSIDE
        if stretch.depth == "entities":
            for a, b in stretch.read_by_recognizer():
                if not start <= a < b <= end:
                    raise ValueError(f"window {a}-{b} is not inside tokens {start}-{end}")
                first, _ = _with_margin(doc, (a, b))
                found = next(recognized).to_array(["ENT_IOB", "ENT_TYPE"])
                rows[a:b, [_IOB, _TYPE]] = found[a - first : b - first]
                if rows[a, _IOB] == _INSIDE:
                    rows[a, _IOB] = _BEGIN  # a name that began in the margin begins here
    if at != len(doc):
        raise ValueError(f"the plan ends at token {at} of {len(doc)}")
    doc.from_array(list(_ATTRS), rows)  # type: ignore[arg-type]
    return doc
