"""A one-line progress bar on a terminal; nothing at all anywhere else."""

from __future__ import annotations

import time
from typing import TextIO

_WIDTH = 28
_EVERY_SECONDS = 0.1


class Progress:
    """Counts documents as they are done and redraws one line on ``stream`` when it is a
    terminal. ``total`` may be an estimate, or None when unknown (a counter, no bar)."""

    def __init__(self, stream: TextIO, *, total: int | None = None) -> None:
        self._stream = stream
        self._on = stream.isatty()
        self.total = total
        self.counts: dict[str, int] = {"added": 0, "duplicate": 0, "failed": 0}
        self._started = time.monotonic()
        self._drawn = 0.0

    def update(self, outcome: str) -> None:
        self.counts[outcome] = self.counts.get(outcome, 0) + 1
        now = time.monotonic()
        if self._on and now - self._drawn >= _EVERY_SECONDS:
            self._drawn = now
            self._draw(now)

    def note(self, message: str) -> None:
        """Print a line (a failure) without breaking the bar."""
        if self._on:
            self._stream.write("\r\x1b[2K")
        self._stream.write(message + "\n")
        if self._on:
            self._draw(time.monotonic())

    def close(self) -> None:
        if self._on:
            self._draw(time.monotonic())
            self._stream.write("\n")
            self._stream.flush()

    def _draw(self, now: float) -> None:
        done = sum(self.counts.values())
        rate = done / max(now - self._started, 1e-6)
        if self.total:
            share = min(1.0, done / self.total)
            filled = int(share * _WIDTH)
            head = f"[{'#' * filled}{'.' * (_WIDTH - filled)}] {done}/{self.total}"
        else:
            head = f"{done} documents"
        c = self.counts
        tail = f"{c['added']} new, {c['duplicate']} already stored, {c['failed']} failed"
        self._stream.write(f"\r\x1b[2K{head}  {tail}  {rate:.1f}/s")
        self._stream.flush()
