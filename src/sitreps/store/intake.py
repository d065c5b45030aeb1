"""Files and folders -> the store: read, skip what is stored, extract on every core, merge.

    paths -> files (folders walked) -> Articles | InputErrors (read ahead in a child process)
          -> Store.prepare (dedupe)
          -> batch.run (extraction, streaming, in order) -> Store.ingest (merge, commit)

Articles whose text is already stored are skipped before extraction, so a rerun costs only
the reading. Bad documents are recorded in the store's failures and reported through
``on_failure``; the rest goes on.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from ..batch import Failure, run
from ..errors import InputError
from ..ingest import iter_files
from ..ingest.ahead import read_ahead_batches
from ..types import Article, Result
from .progress import Progress
from .store import DEFAULT_BATCH, IngestSummary, Outcome, Store


def ingest_paths(
    store: Store,
    paths: Sequence[Path],
    *,
    published: dt.date | None = None,
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH,
    on_failure: Callable[[Failure], None] | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Ingest files and folders (recursively) into ``store``; see the module docstring."""
    sources: dict[str, str] = {}
    duplicates = 0

    def tick(outcome: Outcome) -> None:
        if progress is not None:
            progress.update(outcome)

    def documents() -> Iterator[Article | InputError]:
        nonlocal duplicates
        for batch in read_ahead_batches(list(iter_files(paths)), published=published):
            # One lookup for the batch: one per document costs a query each.
            articles = [item for _, item in batch if not isinstance(item, InputError)]
            prepared_ones = iter(store.prepare_many(articles))
            for path, item in batch:
                if isinstance(item, InputError):
                    yield item
                    continue
                prepared = next(prepared_ones)
                if prepared is None:
                    duplicates += 1
                    tick("duplicate")
                    continue
                sources[prepared.id] = str(path)
                yield prepared

    stream = documents()
    first = next(stream, None)
    if first is None:
        # Nothing new: no need to load the model at all.
        return IngestSummary(duplicates=duplicates)
    results = run(itertools.chain([first], stream), workers=workers)
    summary = store.ingest(
        _reporting(results, on_failure),
        sources=lambda article_id: sources.pop(article_id, None),
        batch_size=batch_size,
        on_item=tick,
    )
    summary.duplicates += duplicates
    return summary


def count_documents(paths: Iterable[Path]) -> int:
    """About how many documents the paths hold (JSON Lines lines, one per other file)."""
    total = 0
    for path in iter_files(paths):
        if path.suffix.lower() != ".jsonl":
            total += 1
            continue
        try:
            with path.open("rb") as handle:
                total += sum(
                    chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b"")
                )
        except OSError:
            total += 1
    return total


def _reporting(
    items: Iterable[Result | Failure], on_failure: Callable[[Failure], None] | None
) -> Iterator[Result | Failure]:
    for item in items:
        if isinstance(item, Failure) and on_failure is not None:
            on_failure(item)
        yield item
