"""A run killed with SIGKILL mid-ingest leaves no partial article; a rerun loses and
duplicates nothing, and ends where an uninterrupted run ends."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from sitreps.store import Store

from .conftest import ROOT, events_json, sitreps

SAMPLES = ROOT / "samples" / "reports.jsonl"
BATCH = 4
KILL_AT = 10  # the 10th article: two batches are committed, the third is half written

# The child ingests through the library, as the command does, with small batches, and
# kills itself with SIGKILL while placing one article's events, inside an open transaction.
CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from sitreps.store import Store, ingest_paths
    from sitreps.store.store import Store as _Store

    placed = 0
    place = _Store._place

    def place_then_die(self, mentions, pending, summary):
        global placed
        placed += 1
        result = place(self, mentions, pending, summary)
        if placed == {kill_at}:
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    _Store._place = place_then_die
    with Store.open(Path(sys.argv[1])) as store:
        ingest_paths(store, [Path(sys.argv[2])], batch_size={batch}, workers=1)
    """
).format(kill_at=KILL_AT, batch=BATCH)


def test_sigkill_mid_ingest_then_rerun(tmp_path: Path) -> None:
    db = tmp_path / "killed.duckdb"
    child = subprocess.run([sys.executable, "-c", CHILD, str(db), str(SAMPLES)],
                           capture_output=True, text=True, timeout=600, check=False)  # fmt: skip
    assert child.returncode == -signal.SIGKILL, child.stderr

    with Store.open(db) as store:
        counts = store.counts()
        conn = store.connection
        articles = {a for (a,) in conn.execute("SELECT id FROM articles").fetchall()}
        orphans = conn.execute(
            "SELECT count(*) FROM (SELECT article_id FROM mentions UNION ALL"
            " SELECT article_id FROM claims) WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()
        linked = {a for e in store.events() for a in e["article_ids"]}
    # Whole batches only: the half-written third batch left nothing.
    assert counts["articles"] == (KILL_AT - 1) // BATCH * BATCH
    assert orphans == (0,)
    assert linked <= articles

    rerun = sitreps("ingest", SAMPLES, "--db", db)
    assert rerun.returncode == 0, rerun.stderr
    clean = tmp_path / "clean.duckdb"
    sitreps("ingest", SAMPLES, "--db", clean)
    with Store.open(db, read_only=True) as store, Store.open(clean, read_only=True) as reference:
        assert store.counts() == reference.counts()
        assert store.counts()["articles"] == len(SAMPLES.read_text(encoding="utf-8").splitlines())
        hashes = store.connection.execute(
            "SELECT count(*), count(DISTINCT content_hash) FROM articles"
        ).fetchone()
    assert hashes is not None and hashes[0] == hashes[1]
    assert events_json(db) == events_json(clean)
