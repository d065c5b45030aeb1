"""`make bench-api` (and the end of `make bench`): `GET /api/events` under 100 clients at once.

    python -m bench.api [--events 10000] [--requests 2000] [--concurrency 100] [--db FILE]
                        [--accept-encoding "gzip, deflate"]

Builds a store of synthetic events (a real merged event, copied with new ids, types, days,
places and tolls, written straight to the ``events`` table), serves it with `sitreps serve`
on a free loopback port, and lets ``--concurrency`` clients loose on it at once. Each client
acts like a user of the API, again and again, in its default view (the full EVENT objects,
ten kilobytes each here): the default page; a country (by code or by name), a month or a
quarter, an event type or sub-event type, a minimum toll, or several of these; the next
pages of such a list by its ``Link`` header; a page deep by ``offset``; a long page
(``limit=500``, five megabytes). Or like the dashboard, which lists ``view=summary`` pages of
200. Dates, offsets and combinations are drawn from a seeded generator, so many requests are
new to the server's cache, as with real users.

Prints p50, p95, p99 and max latency (client side: from sending a request to having read the
whole response), errors (any status but 200, or a failed connection) and throughput, overall
and per kind of request. The target: p95 under ``TARGET_P95_MS`` with no error. Latency on a
machine busy with other work is higher than on a quiet one: the load average is printed too.

``--db FILE`` keeps the store (built there when absent), so that runs can be repeated.
``--template-db FILE`` takes the event to copy from that store instead of ingesting
``samples/reports.jsonl`` (`make bench` passes the store its merge check has just made).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TextIO
from urllib.parse import urlencode

from sitreps.store import Store

ROOT = Path(__file__).resolve().parents[1]
TARGET_P95_MS: Final = 100.0
# What browsers, curl --compressed, requests and httpx ask for: full records come deflated.
# Like wrk or ab given this header, the clients read the body as sent and do not inflate it.
ACCEPT: Final = "gzip, deflate"
COUNTRIES = [("UA", "Ukraine", "Kharkiv", 49.99, 36.23),
             ("SO", "Somalia", "Mogadishu", 2.04, 45.34),
             ("CO", "Colombia", "Cali", 3.45, -76.53),
             ("NG", "Nigeria", "Maiduguri", 11.85, 13.16),
             ("CD", "Congo, The Democratic Republic of the", "Goma", -1.68, 29.22)]  # fmt: skip
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
         ("Riots", "Mob violence")]  # fmt: skip
FIRST_DAY = dt.date(2024, 1, 1)
DAYS = 730
_NEXT = re.compile(r'<([^>]+)>; rel="next"')


# --- the store -------------------------------------------------------------------------------


def template_event(source: Path | None, workdir: Path) -> dict[str, Any]:
    """The merged event with the longest timeline in ``source`` (or in a store of the samples)."""
    if source is None or not source.exists():
        source = workdir / "sample.duckdb"
        source.unlink(missing_ok=True)
        subprocess.run([sys.executable, "-m", "sitreps.cli", "ingest",
                        str(ROOT / "samples" / "reports.jsonl"), "--db", str(source)],
                       check=True, capture_output=True)  # fmt: skip
    with Store.open(source, read_only=True) as store:
        return max(store.events(), key=lambda e: len(e["timeline"]))


def build(db: Path, n: int, template: dict[str, Any]) -> None:
    """``n`` copies of ``template`` in a new store at ``db``, varied by a seeded generator.

    One in twenty has no coordinates and one in a hundred no day, as in real stores."""
    rng = random.Random(7)
    rows = []
    for i in range(n):
        code, country, town, lat, lon = rng.choice(COUNTRIES)
        event_type, sub_type = rng.choice(TYPES)
        day = None if rng.random() < 0.01 else FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        record: dict[str, Any] = json.loads(json.dumps(template))
        best = rng.choice([0, 1, 2, 3, 5, 8, 12, 20, 40, 100])
        record.update(event_id=f"ev{i:014d}", event_type=event_type, sub_event_type=sub_type)
        when = day.isoformat() if day else None
        record["date"].update(start=when, end=when, precision="day" if day else "unknown")
        located = rng.random() >= 0.05
        record["location"] = {**(record.get("location") or {}),
            "name": town, "country_code": code, "country": country,
            "lat": lat + rng.uniform(-2, 2) if located else None,
            "lon": lon + rng.uniform(-2, 2) if located else None,
        }  # fmt: skip
        record["fatalities"] = {**(record.get("fatalities") or {"reports": []}),
                                "best": best, "low": best, "high": None}  # fmt: skip
        rows.append((record["event_id"], "main", event_type, sub_type, day, day, code, town,
                     best, len(record["article_ids"]), day, json.dumps(record),
                     dt.datetime.now()))  # fmt: skip
    columns = ("event_id, relation, event_type, sub_event_type, date_start, date_end,"
               " country_code, location, fatalities, n_articles, last_published, record,"
               " updated_at")  # fmt: skip
    one = f"({', '.join('?' * 13)})"
    with Store.open(db) as store:
        # Many rows a statement: one INSERT a row takes DuckDB a minute for ten thousand.
        for start in range(0, len(rows), 500):
            batch = rows[start : start + 500]
            store.connection.execute(
                f"INSERT INTO events ({columns}) VALUES {', '.join([one] * len(batch))}",
                [value for row in batch for value in row],
            )


# --- the clients -----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class Sample:
    kind: str
    ms: float
    ok: bool


def _month(rng: random.Random, months: int) -> str:
    start = dt.date(2024 + (m := rng.randrange(24 - months + 1)) // 12, m % 12 + 1, 1)
    end_month = m + months
    end = dt.date(2024 + end_month // 12, end_month % 12 + 1, 1) - dt.timedelta(days=1)
    return f"since={start}&until={end}"


def scenario(rng: random.Random) -> tuple[str, str, int]:
    """A kind of request, its query string, and how many next pages to follow after it."""
    code, name, *_ = rng.choice(COUNTRIES)
    event_type, sub_type = rng.choice(TYPES)
    dashboard = rng.choice(["", f"&country={code}", f"&{urlencode({'type': event_type})}",
                            f"&{_month(rng, 3)}"])  # fmt: skip
    kinds: list[tuple[str, str, int]] = [
        ("default page", "", 0),
        ("country", urlencode({"country": rng.choice([code, code, name])}), 0),
        ("dates", _month(rng, rng.choice([1, 1, 3])), 0),
        ("type", urlencode({"type": rng.choice([event_type, sub_type])}), 0),
        ("min fatalities", f"min_fatalities={rng.choice([1, 5, 10, 20, 50])}", 0),
        ("combined", f"country={code}&{urlencode({'type': event_type})}&{_month(rng, 6)}", 0),
        ("combined", f"country={code}&min_fatalities={rng.choice([5, 10, 20])}", 0),
        (
            "pages",
            rng.choice(["", f"country={code}", urlencode({"type": sub_type})]),
            rng.randint(2, 4),
        ),
        ("offset", f"offset={50 * rng.randrange(190)}&limit={rng.choice([50, 100, 200])}", 0),
        ("limit=500", "limit=500", 0),
        ("summary (dashboard)", f"view=summary&limit=200{dashboard}", 0),
    ]
    weights = [3, 2, 2, 2, 1, 1, 1, 3, 1, 1, 3]
    return rng.choices(kinds, weights=weights)[0]


class Connection:
    """One kept-alive HTTP/1.1 connection, as a load generator (wrk, ab) holds one per client.

    Deliberately small: a general client (httpx) spends several milliseconds of CPU a request
    with a hundred connections open, on the same two cores as the server, which would be
    measured as the server's latency."""

    def __init__(self, host: str, port: int, *, accept_encoding: str | None = None) -> None:
        self.host, self.port = host, port
        self._accept = f"Accept-Encoding: {accept_encoding}\r\n" if accept_encoding else ""
        self._streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        """The status, headers (lower-case names) and body of ``GET path``."""
        if self._streams is None:
            self._streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self._streams
        try:
            writer.write(
                f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n{self._accept}\r\n"
                .encode()
            )  # fmt: skip
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
            status = int(head[0].split()[1])
            headers = {}
            for line in head[1:]:
                if ":" in line:
                    name, _, value = line.partition(":")
                    headers[name.strip().lower()] = value.strip()
            if headers.get("transfer-encoding") == "chunked":
                body = b""
                while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
                    body += (await reader.readexactly(size + 2))[:-2]
                await reader.readuntil(b"\r\n")
            else:
                body = await reader.readexactly(int(headers.get("content-length", "0")))
            if headers.get("connection") == "close":
                self.close()
            return status, headers, body
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            self.close()
            raise

    def close(self) -> None:
        if self._streams is not None:
            self._streams[1].close()
            self._streams = None


async def hammer(
    base: str, total: int, concurrency: int, *, seed: int = 11, accept_encoding: str = ACCEPT
) -> tuple[list[Sample], list[str]]:
    """``total`` requests from ``concurrency`` clients; every sample, and some error lines."""
    host, port = base.removeprefix("http://").rsplit(":", 1)
    samples: list[Sample] = []
    errors: list[str] = []
    left = [total]

    async def get(http: Connection, kind: str, path: str) -> dict[str, str] | None:
        left[0] -= 1
        started = time.perf_counter()
        headers: dict[str, str] | None = None
        try:
            status, headers, body = await asyncio.wait_for(http.get(path), timeout=60)
            ok = status == 200
            if not ok:
                errors.append(f"{path}: HTTP {status} {body[:200]!r}")
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError, TimeoutError) as e:
            http.close()
            ok = False
            errors.append(f"{path}: {type(e).__name__}: {e}")
        samples.append(Sample(kind=kind, ms=(time.perf_counter() - started) * 1000, ok=ok))
        return headers if ok else None

    async def client(rng: random.Random) -> None:
        http = Connection(host, int(port), accept_encoding=accept_encoding)
        try:
            while left[0] > 0:
                kind, query, follow = scenario(rng)
                headers = await get(http, kind, "/api/events" + (f"?{query}" if query else ""))
                while follow > 0 and headers is not None and left[0] > 0:
                    link = _NEXT.fullmatch(headers.get("link", ""))
                    if link is None:
                        break
                    headers = await get(http, "next page", link.group(1))
                    follow -= 1
        finally:
            http.close()

    rngs = [random.Random(seed * 1000 + i) for i in range(concurrency)]
    await asyncio.gather(*(client(rng) for rng in rngs))
    return samples, errors


# --- the server ------------------------------------------------------------------------------


@contextmanager
def served(db: Path) -> Iterator[str]:
    """`sitreps serve` on ``db`` at a free loopback port, up and answering; its base URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "sitreps.cli", "serve", "--db", str(db),
                               "--port", str(port)], stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/countries", timeout=2).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("sitreps serve did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


# --- the run ---------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class Latency:
    n: int
    p50: float
    p95: float
    p99: float
    max: float

    @classmethod
    def of(cls, ms: Sequence[float]) -> Latency:
        ordered = sorted(ms)
        q = statistics.quantiles(ordered, n=100, method="inclusive") if len(ordered) > 1 else []
        at = (lambda k: q[k - 1]) if q else (lambda k: ordered[0])
        return cls(n=len(ordered), p50=at(50), p95=at(95), p99=at(99), max=ordered[-1])


@dataclass(frozen=True, kw_only=True, slots=True)
class ApiRun:
    events: int
    concurrency: int
    seconds: float
    overall: Latency
    by_kind: dict[str, Latency]
    errors: int
    error_lines: tuple[str, ...]
    load_before: tuple[float, float, float]
    accept_encoding: str

    @property
    def requests_per_s(self) -> float:
        return self.overall.n / self.seconds if self.seconds else 0.0

    @property
    def target_met(self) -> bool:
        return self.errors == 0 and self.overall.p95 < TARGET_P95_MS

    def as_json(self) -> dict[str, Any]:
        def latency(x: Latency) -> dict[str, Any]:
            return {"n": x.n, "p50_ms": round(x.p50, 1), "p95_ms": round(x.p95, 1),
                    "p99_ms": round(x.p99, 1), "max_ms": round(x.max, 1)}  # fmt: skip

        return {
            "events": self.events, "concurrency": self.concurrency,
            **latency(self.overall), "errors": self.errors,
            "requests_per_s": round(self.requests_per_s, 1),
            "target_p95_ms": TARGET_P95_MS, "target_met": self.target_met,
            "load_average_before": list(self.load_before),
            "accept_encoding": self.accept_encoding,
            "by_kind": {k: latency(v) for k, v in self.by_kind.items()},
            "error_examples": list(self.error_lines[:5]),
        }  # fmt: skip


def run(
    workdir: Path,
    *,
    events: int = 10_000,
    requests: int = 2000,
    concurrency: int = 100,
    db: Path | None = None,
    template_db: Path | None = None,
    accept_encoding: str = ACCEPT,
) -> ApiRun:
    """Build (or reuse) the store, serve it, hammer it; the latencies."""
    if db is None:
        db = workdir / "api-bench.duckdb"
        db.unlink(missing_ok=True)
    if not db.exists():
        print(f"bench: api: a store of {events} synthetic events", file=sys.stderr, flush=True)
        build(db, events, template_event(template_db, workdir))
    with Store.open(db, read_only=True) as store:
        stored = store.counts()["events"]
    print(f"bench: api: {requests} requests, {concurrency} at once", file=sys.stderr, flush=True)
    load = os.getloadavg()
    with served(db) as base:
        started = time.perf_counter()
        samples, errors = asyncio.run(
            hammer(base, requests, concurrency, accept_encoding=accept_encoding)
        )
        seconds = time.perf_counter() - started
    kinds = sorted({s.kind for s in samples})
    return ApiRun(
        events=stored,
        concurrency=concurrency,
        seconds=seconds,
        overall=Latency.of([s.ms for s in samples]),
        by_kind={k: Latency.of([s.ms for s in samples if s.kind == k]) for k in kinds},
        errors=sum(not s.ok for s in samples),
        error_lines=tuple(errors),
        load_before=load,
        accept_encoding=accept_encoding,
    )


def print_run(out: TextIO, result: ApiRun) -> None:
    head = (f"{'GET /api/events':<34}  {'n':>5}  {'p50 ms':>7}  {'p95 ms':>7}  {'p99 ms':>7}"
            f"  {'max ms':>7}")  # fmt: skip
    print(head, file=out)
    print("-" * len(head), file=out)
    for label, x in [("all requests", result.overall), *result.by_kind.items()]:
        print(f"{label:<34}  {x.n:>5}  {x.p50:>7.1f}  {x.p95:>7.1f}  {x.p99:>7.1f}  {x.max:>7.1f}",
              file=out)  # fmt: skip
    status = "met" if result.target_met else "NOT MET"
    load = ", ".join(f"{x:.1f}" for x in result.load_before)
    print(f"{result.events} events, {result.concurrency} clients at once, "
          f"{result.requests_per_s:.0f} requests/s, {result.errors} errors; target p95 < "
          f"{TARGET_P95_MS:.0f} ms and no error: {status} (load average before: {load};"
          f" Accept-Encoding: {result.accept_encoding or 'none'})",
          file=out)  # fmt: skip
    for line in result.error_lines[:5]:
        print(f"   {line[:300]}", file=out)
    print(file=out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.api", description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=100)
    parser.add_argument("--db", type=Path, help="the store to serve (built there when absent)")
    parser.add_argument("--template-db", type=Path, help="a store to copy the event from")
    parser.add_argument(
        "--accept-encoding",
        default=ACCEPT,
        help=f"the clients' Accept-Encoding (default {ACCEPT!r}; '' for none)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sitreps-bench-api-") as tmp:
        result = run(Path(tmp), events=args.events, requests=args.requests,
                     concurrency=args.concurrency, db=args.db,
                     template_db=args.template_db,
                     accept_encoding=args.accept_encoding)  # fmt: skip
    print_run(sys.stdout, result)
    return 0 if result.target_met else 1


if __name__ == "__main__":
    sys.exit(main())
