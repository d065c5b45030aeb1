"""Pairwise merge scores for the benchmark, and the progress line on a terminal only."""

from __future__ import annotations

import io

import pytest

from sitreps.store import clusters_of, merge_pairwise_scores
from sitreps.store.progress import Progress


def test_pairwise_precision_and_recall() -> None:
    gold = [{"a", "b", "c"}, {"d", "e"}]
    assert merge_pairwise_scores(gold, gold) == (1.0, 1.0)
    # One wrong pair (c-d) among three merged pairs; two of the four gold pairs found.
    precision, recall = merge_pairwise_scores(gold, [{"a", "b"}, {"c", "d"}, {"e"}])
    assert precision == pytest.approx(1 / 2) and recall == pytest.approx(1 / 4)
    assert merge_pairwise_scores([], [{"x"}]) == (1.0, 1.0)
    assert clusters_of({"a": 1, "b": 1, "c": 2}) == [{"a", "b"}, {"c"}]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_on_a_terminal_only() -> None:
    quiet = io.StringIO()
    progress = Progress(quiet, total=3)
    for outcome in ("added", "duplicate", "failed"):
        progress.update(outcome)
    progress.note("sitreps: bad.txt: is empty")
    progress.close()
    assert quiet.getvalue() == "sitreps: bad.txt: is empty\n"

    terminal = _Terminal()
    progress = Progress(terminal, total=2)
    progress.update("added")
    progress.close()
    assert "1/2" in terminal.getvalue() and "1 new" in terminal.getvalue()
