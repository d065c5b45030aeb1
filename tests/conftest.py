from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the repo; tests that need it skip with a message when it is absent."""
    if not (SHARED / "seed").is_dir():
        pytest.skip(f"{SHARED} is absent: the seed report and the development data live there")
    return SHARED
