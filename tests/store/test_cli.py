"""The store's commands as a user runs them: ingest, events, event, export; exit status."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from sitreps.store import ACLED_COLUMNS, Store

from .conftest import events_json, sitreps
from .test_ingest_feeds import RSS
from .test_ingest_html import PAGE

REPORT = (
    "Russian missiles struck the city of Kharkiv early on Tuesday, killing six people and "
    "injuring 40, regional governor Oleh Syniehubov said.\n"
)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "nested").mkdir(parents=True)
    (folder / "kharkiv.txt").write_text(REPORT, encoding="utf-8")
    (folder / "nested" / "kherson.html").write_text(PAGE, encoding="utf-8")
    (folder / "nested" / "wire.rss").write_text(RSS, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / ".hidden.txt").write_text(REPORT + "hidden", encoding="utf-8")
    (folder / "notes.md").write_text("not read", encoding="utf-8")
    return folder


def test_ingest_a_folder_records_bad_files_and_goes_on(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    done = sitreps("ingest", _folder(tmp_path), "--db", db, "--published", "2024-01-23",
                   check=False)  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    # The empty file and the RSS entry with no text, one line each.
    assert len(lines) == 2, lines
    assert any("empty.txt" in line and "empty" in line for line in lines)
    assert any("wire.rss:entry 3" in line for line in lines)
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == 4  # kharkiv, kherson, two feed entries
        assert {f["document"] for f in store.failures()} == {
            str(tmp_path / "in" / "empty.txt"), f"{tmp_path / 'in' / 'nested' / 'wire.rss'}:entry 3"
        }  # fmt: skip
        article = store.article("kharkiv")
        assert article is not None and article["source"] == str(tmp_path / "in" / "kharkiv.txt")
    again = sitreps("ingest", tmp_path / "in", "--db", db, "--published", "2024-01-23",
                    check=False)  # fmt: skip
    assert again.returncode == 2  # the bad files are still bad
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == 4 and len(store.failures()) == 2


def test_events_in_every_format_with_filters(multireport_db: Path) -> None:
    events = events_json(multireport_db)
    kyiv = events_json(multireport_db, "--country", "UA", "--since", "2024-07-01",
                       "--until", "2024-07-31", "--min-fatalities", "20")  # fmt: skip
    assert kyiv and all(e["location"]["country_code"] == "UA" for e in kyiv)
    assert all("2024-07-01" <= e["date"]["start"] <= "2024-07-31" for e in kyiv)
    assert len(kyiv) < len(events)
    explosions = events_json(multireport_db, "--type", "Explosions/Remote violence")
    assert explosions and all(e["event_type"] == "Explosions/Remote violence" for e in explosions)
    table = sitreps("events", "--db", multireport_db, "--format", "table", "--tolls").stdout
    assert table.splitlines()[0].split()[:3] == ["event", "date", "type"]
    assert "→" in table
    rows = list(csv.DictReader(io.StringIO(
        sitreps("events", "--db", multireport_db, "--format", "csv").stdout)))  # fmt: skip
    assert len(rows) == len(events) and tuple(rows[0]) == ACLED_COLUMNS


def test_event_shows_one_event_in_full(multireport_db: Path) -> None:
    (first, *_) = [e for e in events_json(multireport_db) if len(e["article_ids"]) > 2]
    record = json.loads(sitreps("event", first["event_id"], "--db", multireport_db).stdout)
    assert record["event_id"] == first["event_id"]
    assert record["merges"][0]["article_id"] in first["article_ids"]
    assert record["timeline"] == first["timeline"]
    missing = sitreps("event", "nope", "--db", multireport_db, check=False)
    assert missing.returncode == 2 and "no event" in missing.stderr


def test_a_missing_or_foreign_store_is_a_usage_error(tmp_path: Path) -> None:
    done = sitreps("events", "--db", tmp_path / "none.duckdb", check=False)
    assert done.returncode == 2 and "sitreps ingest" in done.stderr
    (tmp_path / "x.duckdb").write_text("not a database", encoding="utf-8")
    done = sitreps("events", "--db", tmp_path / "x.duckdb", check=False)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_a_country_by_name_or_code_is_the_same_filter(multireport_db: Path) -> None:
    by_code = events_json(multireport_db, "--country", "UA")
    assert by_code
    assert events_json(multireport_db, "--country", "Ukraine") == by_code
    assert events_json(multireport_db, "--country", "ukr") == by_code


def test_an_unknown_country_is_one_line_and_exit_2(multireport_db: Path) -> None:
    done = sitreps("events", "--db", multireport_db, "--country", "Narnia", check=False)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Narnia" in done.stderr
