"""A store of the sample reports, made once by `sitreps ingest`, and a client of its API."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitreps.api import create_app

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "reports.jsonl"


def ingest_samples(db: Path) -> Path:
    """``db`` filled from the sample reports by the real command line."""
    subprocess.run(
        [sys.executable, "-m", "sitreps.cli", "ingest", str(SAMPLES), "--db", str(db)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    return db


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingest_samples(tmp_path_factory.mktemp("api") / "demo.duckdb")


@pytest.fixture(scope="session")
def client(demo_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(demo_db)) as test_client:
        yield test_client
