"""The seed report end to end: `sitreps extract` then the checks a careful human reads in it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sitreps.serialize import validate_result

SEED = "000_035f82f6389aeac7.txt"


def test_seed_passes_every_check(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed.json"
    done = subprocess.run(
        [sys.executable, "-m", "sitreps.cli", "extract", str(shared / "seed" / SEED),
         "--published", "2025-06-17"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out.write_text(done.stdout, encoding="utf-8")
    validate_result(json.loads(done.stdout.splitlines()[0]))
    check = subprocess.run(
        [sys.executable, str(shared / "seed" / "check_seed.py"), str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert check.returncode == 0, check.stdout
    assert check.stdout.strip().endswith("24 passed, 0 failed")
