"""The bench's gazetteer timing: what it reports and how it judges the target."""

from __future__ import annotations

import io

from bench.gazetteer import GazetteerSpeed, _child, print_speed


def test_the_child_times_every_lookup() -> None:
    found = _child(["Kyiv", "Kiev", "Nowhere-at-all-xyz", "Donetsk region"])
    assert found["lookups"] == 4
    assert 0 < found["mean_us"] <= found["max_us"]
    assert found["p99_us"] <= found["max_us"]


def test_a_slow_p99_is_reported_as_missing_the_target() -> None:
    out = io.StringIO()
    print_speed(out, GazetteerSpeed(load_s=0.5, lookups=10, mean_us=900, p99_us=1500, max_us=2000))
    assert "NOT MET" in out.getvalue()
    out = io.StringIO()
    print_speed(out, GazetteerSpeed(load_s=0.5, lookups=10, mean_us=9, p99_us=50, max_us=80))
    assert ": met)" in out.getvalue()
