"""Run extraction over a stream of documents, in order, on every core, in flat memory.

At most a fixed window of documents is in flight at once, so a 1 GB JSON Lines file streams
through without being held in memory. The model and the gazetteer are loaded before the
workers fork, so they start at once and share those pages.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .errors import InputError
from .types import Article, Result


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be processed, and why."""

    source: str
    reason: str
    internal: bool = False


def _extract_one(article: Article) -> Result | Failure:
    from .pipeline import extract_article

    try:
        return extract_article(article)
    except Exception as error:  # one bad document must not stop the batch
        return Failure(source=article.id, reason=f"internal error: {type(error).__name__}: {error}",
                       internal=True)  # fmt: skip


def _extract_many(articles: list[Article]) -> list[Result | Failure]:
    """A chunk parsed as one batch (faster); one by one when anything in it fails."""
    from .pipeline import extract_articles

    try:
        return list(extract_articles(articles))
    except Exception:  # find the one document at fault without losing the others
        return [_extract_one(article) for article in articles]


# Read once by ``warm_up``: a place misspelled as reports misspell them, so the gazetteer's
# near-spelling tables are built too.
_WARM_UP_TEXT = (
    "On 3 March 2021, gunmen killed two people and wounded four in Ghazni, police said. "
    "A roadside bomb exploded near Kandahar the next day."
)


def warm_up(*, for_workers: bool = False) -> None:
    """Load the model and the gazetteer in this process, before any worker forks.

    ``for_workers``: also run one short report through the whole pipeline, so that every
    table built on first use (the typing model, dateparser's language data, the gazetteer's
    near-spelling index) is built once here and shared by the forked workers, instead of once
    in each. A run in this process alone builds them when it first needs them.
    """
    import datetime as dt

    from .geo.gazetteer import default_gazetteer
    from .nlp.pipeline import load_nlp

    load_nlp()
    gazetteer = default_gazetteer()
    if for_workers:
        from .assemble.classifier import load_classifier
        from .pipeline import extract_article

        load_classifier()
        gazetteer.near_matches("Ghaznee", "AF")
        gazetteer.near_admin1("Wassit")  # the index of regions' names, built on first use
        warm = Article(id="warm-up", text=_WARM_UP_TEXT, published=dt.date(2021, 3, 4))
        extract_article(warm)


# Objects a worker allocates before the collector's first generation is examined. A document
# makes hundreds of thousands of small objects (tokens, spans, candidates) and almost none of
# them in cycles: at Python's default of 700, the collector ran thousands of times a run for
# a few percent of the workers' time, and found next to nothing.
_WORKER_GC_THRESHOLD = 50_000


def _worker_started() -> None:
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(_WORKER_GC_THRESHOLD, middle, oldest)


def _as_failure(item: InputError) -> Failure:
    return Failure(source=item.source or "?", reason=item.message)


def run(
    items: Iterable[Article | InputError],
    *,
    workers: int | None = None,
    window: int = 64,
    chunk: int = 4,
) -> Iterator[Result | Failure]:
    """Results and failures in input order.

    Documents travel to the workers in chunks of ``chunk``, which the model parses as a batch;
    at most ``window`` documents are in flight. Chunks are small: four documents parse as
    fast each as eight do, the first chunk goes out sooner, and the last one leaves the other
    core idle for less time.
    """
    workers = workers or min(2, os.cpu_count() or 1)
    warm_up(for_workers=workers > 1)
    if workers <= 1:
        for item in items:
            yield _as_failure(item) if isinstance(item, InputError) else _extract_one(item)
        return
    context = mp.get_context("fork")
    # Whatever the warm-up built lives as long as the workers: out of the collector's sight.
    gc.collect()
    gc.freeze()
    with context.Pool(workers, initializer=_worker_started) as pool:
        pending: deque[object] = deque()
        in_flight = 0
        batch: list[Article] = []
        for item in items:
            if isinstance(item, InputError):
                # Keep order: the chunk before the error goes first.
                if batch:
                    pending.append(pool.apply_async(_extract_many, (batch,)))
                    batch = []
                pending.append([_as_failure(item)])
                in_flight += 1
            else:
                batch.append(item)
                in_flight += 1
                if len(batch) >= chunk:
                    pending.append(pool.apply_async(_extract_many, (batch,)))
                    batch = []
            while in_flight >= window and pending:
                settled = _settle(pending.popleft())
                in_flight -= len(settled)
                yield from settled
        if batch:
            pending.append(pool.apply_async(_extract_many, (batch,)))
        while pending:
            yield from _settle(pending.popleft())


def _settle(item: object) -> list[Result | Failure]:
    if isinstance(item, list):
        return item
    results: list[Result | Failure] = item.get()  # type: ignore[attr-defined]
    return results
