"""Files read ahead in a child process, so that reading overlaps everything after it.

Reading an HTML page (trafilatura finding its main text) costs about a fifth of what
extracting it does, and the process that reads also loads the model, feeds the extraction
workers and writes the store. Read there, pages wait for the model to load and the store
waits for pages. ``read_ahead`` forks a reader before the model loads: it reads the files in
order and sends their documents down a pipe while the caller does the rest. The pipe's
buffer bounds how far it runs ahead, so a large file still streams in flat memory.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import gc
import multiprocessing as mp
import time
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection
from pathlib import Path

from ..errors import InputError
from ..types import Article
from . import read_path

__all__ = ["read_ahead", "read_ahead_batches"]

Item = tuple[Path, Article | InputError]
_BATCH = 32  # documents sent at once, at most
_WAIT = 0.05  # seconds a read document waits for more before it is sent
# The pipe holds this much: the pages read while the model loads (the system's default of
# 64 KiB is a handful of pages).
_PIPE_BYTES = 1 << 20
_READER_GC_THRESHOLD = 50_000


def read_ahead(paths: Sequence[Path], *, published: dt.date | None = None) -> Iterator[Item]:
    """``(path, document)`` for each document of ``paths`` (files), as ``read_path`` reads
    them and in their order, read by a child process. An unexpected error in the reader is
    raised here."""
    for batch in read_ahead_batches(paths, published=published):
        yield from batch


def read_ahead_batches(
    paths: Sequence[Path], *, published: dt.date | None = None
) -> Iterator[list[Item]]:
    """What ``read_ahead`` yields, in the batches the reader sent (never empty): all that
    was read by the time the caller asked, up to a few dozen documents, so the caller can
    look them up in one query."""
    context = mp.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    with contextlib.suppress(OSError, AttributeError):  # Linux: room for more pages
        fcntl.fcntl(send.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    reader = context.Process(
        target=_read, args=(list(paths), published, send), name="sitreps-reader", daemon=True
    )
    reader.start()
    send.close()  # the reader's end; EOF here once the reader is gone
    try:
        while True:
            try:
                message = receive.recv()
            except EOFError:
                raise RuntimeError("the file reader stopped without finishing") from None
            if isinstance(message, BaseException):
                raise message
            if message is None:
                return
            yield message
    finally:
        receive.close()  # a reader still writing gets a broken pipe and stops
        reader.join(timeout=5)
        if reader.is_alive():
            reader.kill()
            reader.join()


def _read(paths: list[Path], published: dt.date | None, send: Connection) -> None:
    # A page parses into tens of thousands of short-lived objects and few cycles: the
    # collector runs less often than Python's default, as in the extraction workers.
    gc.freeze()
    gc.set_threshold(_READER_GC_THRESHOLD, *gc.get_threshold()[1:])
    try:
        batch: list[Item] = []
        since = 0.0  # the first document goes at once
        for path in paths:
            for item in read_path(path, published=published):
                batch.append((path, item))
                if len(batch) >= _BATCH or time.monotonic() - since >= _WAIT:
                    send.send(batch)
                    batch, since = [], time.monotonic()
        if batch:
            send.send(batch)
        send.send(None)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the caller stopped reading
    except BaseException as error:  # the caller raises it, as if it had read the files itself
        try:
            send.send(error)
        except Exception:  # not picklable: its message will do
            send.send(RuntimeError(f"the file reader failed: {type(error).__name__}: {error}"))
    finally:
        send.close()
