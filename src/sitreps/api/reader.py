"""The store as the API reads it: a snapshot in memory for lists, the file for full records.

Why not one long-lived DuckDB connection: DuckDB locks the file for as long as any
connection to it is open, and a read-only lock keeps `sitreps ingest` (a writer, in another
process) out. The served store must stay open to ingest, so the file is opened only to read:

- lists (of records or summaries), GeoJSON and countries come from a ``Snapshot``
  (snapshot.py) read in one query and kept until the store's files change (their size and
  modification time, looked at again when a request comes ``STAMP_SECONDS`` or more after
  the last look);
- one event with its merge reasons, or an article, opens the file read-only for that read
  (about a millisecond), and the answer is cached in the snapshot it belongs to.

While an ingest holds the file, or a new snapshot is being read, the last snapshot goes on
being served (its cached answers too); a held file is tried again every ``RETRY_SECONDS``.
An answer that needs the file then is a ``StoreError``, which the app turns into a 503.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

from ..errors import StoreError
from ..store import Store
from .snapshot import Snapshot

RETRY_SECONDS: Final = 0.5
# The files are looked at (two ``stat`` calls) at most this often: under load, one look
# serves every request of the next few milliseconds; an ingest takes far longer than this.
STAMP_SECONDS: Final = 0.02


def dumps(value: object) -> bytes:
    """JSON as the API sends it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


class Reader:
    """Read-only access to the store at ``path``; see the module docstring."""

    def __init__(self, path: Path, *, cache_bytes: int = 64 * 2**20) -> None:
        self.path = path
        self._cache_bytes = cache_bytes
        self._snapshot: Snapshot | None = None
        self._retry_at = 0.0
        self._stamp: tuple[int, ...] = ()
        self._stamped_at = -1.0
        self._lock = threading.Lock()

    def _files_stamp(self) -> tuple[int, ...]:
        now = time.monotonic()
        if now - self._stamped_at < STAMP_SECONDS:
            return self._stamp
        stamp: list[int] = []
        for file in (self.path, self.path.with_name(self.path.name + ".wal")):
            try:
                info = file.stat()
            except OSError:
                stamp += [0, 0]
            else:
                stamp += [info.st_mtime_ns, info.st_size]
        self._stamp, self._stamped_at = tuple(stamp), now
        return self._stamp

    def current(self) -> Snapshot | None:
        """The snapshot, if the store is unchanged since it was read (cheap: no file read)."""
        snapshot = self._snapshot
        if snapshot is not None and snapshot.stamp == self._files_stamp():
            return snapshot
        return None

    def snapshot(self) -> Snapshot:
        """The snapshot of the store as it is now, read again if the store changed.

        Reading takes a moment on a large store (about 3 s for 10,000 events): call it
        from a worker thread. The request that finds the change waits for the new snapshot;
        requests that come while it is being read are answered from the last one."""
        stamp = self._files_stamp()
        snapshot = self._snapshot
        if snapshot is not None and snapshot.stamp == stamp:
            return snapshot
        if not self._lock.acquire(blocking=snapshot is None):
            assert snapshot is not None
            return snapshot
        try:
            snapshot = self._snapshot
            if snapshot is not None and (
                snapshot.stamp == stamp or time.monotonic() < self._retry_at
            ):
                return snapshot
            try:
                with self.store() as store:
                    # The stamp is taken before reading: a change made meanwhile is read next time.
                    fresh = Snapshot.read(store, stamp=stamp, cache_bytes=self._cache_bytes)
            except StoreError:
                if snapshot is None:
                    raise
                self._retry_at = time.monotonic() + RETRY_SECONDS
                return snapshot
            self._snapshot = fresh
            return fresh
        finally:
            self._lock.release()

    @contextmanager
    def store(self) -> Iterator[Store]:
        with Store.open(self.path, read_only=True) as store:
            yield store

    def event(self, event_id: str) -> dict[str, Any] | None:
        with self.store() as store:
            return store.event(event_id)

    def article(self, article_id: str) -> dict[str, Any] | None:
        with self.store() as store:
            return store.article(article_id)
