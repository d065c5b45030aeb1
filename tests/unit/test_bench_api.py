"""bench/api.py: every request its clients make is one the API accepts, and its latency
summary reads percentiles the usual way."""

from __future__ import annotations

import random
import sys
from pathlib import Path
from urllib.parse import parse_qsl

from sitreps.api.params import FILTERS, PAGING, event_filter, read

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `bench/` sits beside `src/`, outside the installed package
    sys.path.insert(0, str(ROOT))

from bench.api import Latency, scenario  # noqa: E402


def test_every_scenario_is_a_request_the_api_accepts() -> None:
    rng = random.Random(3)
    kinds = set()
    for _ in range(500):
        kind, query, follow = scenario(rng)
        kinds.add(kind)
        values = read(dict(parse_qsl(query)), (*FILTERS, *PAGING))
        event_filter(values)  # raises ApiError for a bad country, type or date range
        assert follow == 0 or kind == "pages"
    assert {"default page", "country", "dates", "type", "pages", "offset"} <= kinds


def test_latency_percentiles() -> None:
    latency = Latency.of([float(ms) for ms in range(1, 101)])
    assert (latency.n, latency.max) == (100, 100.0)
    assert 50 <= latency.p50 <= 51 and 95 <= latency.p95 <= 96
    assert Latency.of([7.0]).p95 == 7.0
