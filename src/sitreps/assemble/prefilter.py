"""A quick, exact "cannot match" test for a set of regular expressions.

Most text has none of the words the event-typing rules look for, and learning that costs a
search by each of some thirty patterns. Each pattern, read by Python's own regex parser,
yields words that any match must contain (``attack``, ``strike`` or ``struck`` for
``\\b(?:attack\\w*|strikes?|struck)``); a text that contains none of any pattern's words is
known to match none of them, found by looking up the text's three-letter pieces.

The test is exact for patterns with ``re.IGNORECASE`` or without: text is compared in lower
case, after the four non-ASCII letters that Python's regex engine takes for ASCII ones under
IGNORECASE are mapped to them (dotted and dotless I, long S, the Kelvin sign). Only ASCII
words are used; a pattern with no usable word turns the test off (everything may match).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from re import Pattern
from re import _constants as _c  # type: ignore[attr-defined]  # Python's own regex parser
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any

__all__ = ["ASCII_FOLD", "Prefilter", "required_words"]

# The non-ASCII characters IGNORECASE matches to ASCII letters (the only ones: a unit test
# checks every code point), mapped to them.
ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_GRAM = 3  # words are looked up by their first three letters
_ZERO_WIDTH = frozenset({_c.AT, _c.ASSERT, _c.ASSERT_NOT})
_REPEATS = frozenset(
    op
    for op in (
        _c.MAX_REPEAT,
        _c.MIN_REPEAT,
        getattr(_c, "POSSESSIVE_REPEAT", None),
    )
    if op is not None
)


def required_words(pattern: Pattern[str]) -> frozenset[str] | None:
    """Lower-case ASCII words of which every match of ``pattern`` contains one; None when
    no such set (of words of at least three letters) is found."""
    words = _sequence(_p.parse(pattern.pattern, pattern.flags))
    if words is None or any(len(w) < _GRAM for w in words):
        return None
    return frozenset(words)


def _sequence(items: Iterable[tuple[Any, Any]]) -> set[str] | None:
    """Words for a sequence: any one item's words will do; the most selective are kept."""
    options: list[set[str]] = []
    run: list[str] = []

    def close() -> None:
        if len(run) >= _GRAM:
            options.append({"".join(run).lower()})
        run.clear()

    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run.append(chr(av))
            continue
        close()
        if op in _ZERO_WIDTH:
            continue
        found = _item(op, av)
        if found is not None:
            options.append(found)
    close()
    if not options:
        return None
    return max(options, key=lambda words: (min(map(len, words)), -len(words)))


def _item(op: Any, av: Any) -> set[str] | None:
    if op is _c.SUBPATTERN:
        return _sequence(av[-1])
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            words = _sequence(branch)
            if words is None:
                return None
            union |= words
        return union
    if op in _REPEATS:
        low, _, body = av
        return _sequence(body) if low >= 1 else None
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(av)
    return None


class Prefilter:
    """Which of some patterns a text may match (False: it matches none of them)."""

    def __init__(self, patterns: Sequence[Pattern[str]]) -> None:
        by_gram: defaultdict[str, set[str]] = defaultdict(set)
        # per pattern, its words; None: a pattern without words, which anything may match
        self._words: list[frozenset[str] | None] = []
        for pattern in patterns:
            words = required_words(pattern)
            self._words.append(words)
            for word in words or ():
                by_gram[word[:_GRAM]].add(word)
        self.active = all(words is not None for words in self._words)
        self._by_gram = {gram: tuple(sorted(words)) for gram, words in by_gram.items()}

    def may_match(self, text: str) -> bool:
        """Whether ``text`` may match any of the patterns."""
        return not self.active or bool(self.words_in(text))

    def may_match_each(self, text: str) -> list[bool]:
        """For each pattern, in order, whether ``text`` may match it."""
        present = self.words_in(text)
        return [words is None or not present.isdisjoint(words) for words in self._words]

    def words_in(self, text: str) -> set[str]:
        """The patterns' words that ``text`` holds (in lower case, as IGNORECASE reads it)."""
        folded, grams = _pieces(text)
        return {
            word
            for gram in grams.intersection(self._by_gram)
            for word in self._by_gram[gram]
            if word in folded
        }


@functools.lru_cache(maxsize=1024)
def _pieces(text: str) -> tuple[str, set[str]]:
    """``text`` folded to lower case and its three-letter pieces. Remembered: the prefilters
    of segmenting, typing and extraction ask about the same sentences (a text came about
    three times on news pages). Shared: never to be changed by a caller."""
    folded = text.translate(ASCII_FOLD).lower() if not text.isascii() else text.lower()
    return folded, {folded[i : i + _GRAM] for i in range(len(folded) - _GRAM + 1)}
