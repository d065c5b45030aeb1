"""The dashboard in a real browser: `sitreps serve` on a free loopback port, on a store of
the sample reports, driven by Playwright with the system's Chromium (never downloaded).

Skips only when /usr/bin/chromium is absent (CI installs it: see .ci/run). Screenshots go
to tests/browser/artifacts/ (ignored by git).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "reports.jsonl"
CHROMIUM = Path(os.environ.get("SITREPS_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip

if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is absent: install it (apt-get install -y chromium) to run the browser"
        " tests; CI does",
        allow_module_level=True,
    )

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402


def _ingest_samples(db: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "sitreps.cli", "ingest", str(SAMPLES), "--db", str(db)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    return db


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of `sitreps serve` on the sample reports."""
    db = _ingest_samples(tmp_path_factory.mktemp("browser") / "demo.duckdb")
    port = _free_port()
    log = (tmp_path_factory.getbasetemp() / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "sitreps.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/countries", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"sitreps serve did not start; see {log.name}") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    outside: list[str] = []
    opened.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
    yield opened
    context.close()
    assert outside == [], f"the page asked for something outside sitreps: {outside}"


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
