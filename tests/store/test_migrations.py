"""Migrations: an old store is brought up to date, a foreign or newer file is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from sitreps.errors import StoreError
from sitreps.store import SCHEMA_VERSION, Store, migrate
from sitreps.store.schema import current_version

from .conftest import KYIV, event, result


def _old_store(path: Path) -> None:
    """A store as the first schema version left it, holding one article."""
    conn = duckdb.connect(str(path))
    assert migrate(conn, target=1) == 1
    conn.execute(
        "INSERT INTO articles (id, seq, content_hash, text, published, ingested_at)"
        " VALUES ('old', 1, 'abc', 'An old report.', DATE '2024-01-02', TIMESTAMP '2024-01-02')"
    )
    conn.close()


def test_an_old_store_is_migrated_and_keeps_its_articles(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    _old_store(db)
    with Store.open(db) as store:
        assert current_version(store.connection) == SCHEMA_VERSION
        assert store.article("old") is not None
        text = "Russian drones struck Kyiv overnight, killing 3 people."
        store.ingest([result("new", text, "2025-06-17",
                             event("new", text, day="2025-06-17", where=KYIV))])  # fmt: skip
        assert store.counts()["articles"] == 2
        versions = store.connection.execute(
            "SELECT version FROM schema_version ORDER BY version"
        ).fetchall()
    assert [v for (v,) in versions] == list(range(1, SCHEMA_VERSION + 1))


def test_reading_an_old_store_migrates_it_first(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    _old_store(db)
    with Store.open(db, read_only=True) as store:
        assert store.events() == []
        article = store.article("old")
    assert article is not None and article["published"] == dt.date(2024, 1, 2).isoformat()


def test_migrating_twice_is_a_no_op(tmp_path: Path) -> None:
    conn = duckdb.connect(str(tmp_path / "s.duckdb"))
    assert migrate(conn) == SCHEMA_VERSION
    assert migrate(conn) == SCHEMA_VERSION
    conn.close()


def test_a_newer_store_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    Store.open(db).close()
    conn = duckdb.connect(str(db))
    conn.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [SCHEMA_VERSION + 1])
    conn.close()
    with pytest.raises(StoreError, match="newer sitreps"):
        Store.open(db)


def test_a_foreign_database_or_file_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "other.duckdb"
    conn = duckdb.connect(str(db))
    conn.execute("CREATE TABLE something (x INTEGER)")
    conn.close()
    with pytest.raises(StoreError, match="not a sitreps store"):
        Store.open(db)
    text = tmp_path / "notes.duckdb"
    text.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError):
        Store.open(text)
    with pytest.raises(StoreError, match="no store"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)
