"""Run a child process and measure it: wall clock, and peak resident memory.

Peak memory is the child's own ``ru_maxrss`` as ``os.wait4`` reports it for that one child;
on Linux that is the largest resident set of the child or of any process it waited for (the
workers `sitreps extract` forks), not their sum. Timing includes the child's start-up and its
model load, the same for `sitreps extract` and for the bare spaCy parse.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, kw_only=True, slots=True)
class ChildRun:
    argv: tuple[str, ...]
    seconds: float
    peak_mb: float
    returncode: int
    stderr: str


def run_child(argv: Sequence[str], *, cwd: Path, stdout: Path | None = None) -> ChildRun:
    """Run ``argv`` to completion; stdout goes to ``stdout`` (or nowhere), stderr is kept."""
    out = stdout.open("wb") if stdout is not None else subprocess.DEVNULL
    try:
        started = time.perf_counter()
        process = subprocess.Popen(list(argv), cwd=cwd, stdout=out, stderr=subprocess.PIPE)
        assert process.stderr is not None
        stderr = process.stderr.read()  # read before waiting, so a full pipe cannot block
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        process.stderr.close()
    finally:
        if stdout is not None and not isinstance(out, int):
            out.close()
    return ChildRun(
        argv=tuple(argv),
        seconds=seconds,
        peak_mb=_maxrss_mb(usage.ru_maxrss),
        returncode=process.returncode,
        stderr=stderr.decode("utf-8", errors="replace"),
    )


def _maxrss_mb(maxrss: int) -> float:
    # Linux reports kilobytes, macOS bytes.
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024
