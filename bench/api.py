"""`make bench-api`: latency of `GET /api/events` under 100 concurrent requests.

    python -m bench.api [--events 10000] [--requests 2000] [--concurrency 100]

Builds a store of synthetic events (a real merged event from the sample reports, copied
with new ids, days, places and tolls, written straight to the ``events`` table), serves it
with `sitreps serve` on a free loopback port, and sends requests with a mix of filters and
pages from ``--concurrency`` clients at once. Prints p50, p95, p99 and throughput.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import httpx

from sitreps.store import Store

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = [("UA", "Ukraine", 50.45, 30.52), ("SO", "Somalia", 2.04, 45.34),
             ("CO", "Colombia", 3.45, -76.53), ("NG", "Nigeria", 11.85, 13.16),
             ("CD", "Democratic Republic of Congo", -1.68, 29.22)]  # fmt: skip
QUERIES = ["", "?country=UA", "?min_fatalities=10", "?since=2025-01-01&until=2025-03-31",
           "?type=Battles", "?offset=5000&limit=100", "?country=CO&min_fatalities=5",
           "?limit=1000"]  # fmt: skip


def build(db: Path, n: int) -> None:
    sample = db.with_name("sample.duckdb")
    subprocess.run([sys.executable, "-m", "sitreps.cli", "ingest",
                    str(ROOT / "samples" / "reports.jsonl"), "--db", str(sample)],
                   check=True, capture_output=True)  # fmt: skip
    with Store.open(sample, read_only=True) as store:
        template = max(store.events(), key=lambda e: len(e["timeline"]))
    rng = random.Random(7)
    rows = []
    types = ["Battles", "Explosions/Remote violence", "Violence against civilians"]
    for i in range(n):
        code, country, lat, lon = rng.choice(COUNTRIES)
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(730))
        record: dict[str, Any] = json.loads(json.dumps(template))
        best = rng.choice([0, 1, 2, 3, 5, 8, 12, 20, 40, 100])
        record.update(event_id=f"ev{i:014d}", event_type=rng.choice(types))
        record["date"].update(start=day.isoformat(), end=day.isoformat())
        jitter = (rng.uniform(-2, 2), rng.uniform(-2, 2))
        record["location"].update(
            country_code=code, country=country, lat=lat + jitter[0], lon=lon + jitter[1]
        )
        record["fatalities"].update(best=best, low=best, high=None)
        rows.append((record["event_id"], "main", record["event_type"], record["sub_event_type"],
                     day, day, code, record["location"]["name"], best, 3, day,
                     json.dumps(record), dt.datetime.now()))  # fmt: skip
    with Store.open(db) as store:
        placeholders = ", ".join("?" * 13)
        store.connection.executemany(f"INSERT INTO events VALUES ({placeholders})", rows)


async def hammer(base: str, total: int, concurrency: int) -> list[float]:
    latencies: list[float] = []
    queue: asyncio.Queue[str] = asyncio.Queue()
    for i in range(total):
        queue.put_nowait(QUERIES[i % len(QUERIES)])

    async def client(http: httpx.AsyncClient) -> None:
        while not queue.empty():
            query = queue.get_nowait()
            started = time.perf_counter()
            response = await http.get(f"{base}/api/events{query}")
            response.raise_for_status()
            latencies.append(time.perf_counter() - started)

    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=120) as http:
        await asyncio.gather(*(client(http) for _ in range(concurrency)))
    return latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        build(db, args.events)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "sitreps.cli", "serve", "--db", str(db),
                                   "--port", str(port)], stderr=subprocess.DEVNULL)  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"{base}/api/countries", timeout=2).close()
                    break
                except OSError:
                    time.sleep(0.2)
            started = time.perf_counter()
            latencies = asyncio.run(hammer(base, args.requests, args.concurrency))
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
    ms = sorted(x * 1000 for x in latencies)
    q = statistics.quantiles(ms, n=100)
    print(f"GET /api/events: {args.events} events, {len(ms)} requests, {args.concurrency} at once")
    print(f"p50 {q[49]:.0f} ms  p95 {q[94]:.0f} ms  p99 {q[98]:.0f} ms  max {ms[-1]:.0f} ms"
          f"  {len(ms) / elapsed:.0f} requests/s")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
