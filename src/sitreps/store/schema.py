"""The store's schema, as ordered migration steps recorded in ``schema_version``.

A step is never edited once released: a change to the schema is a new step at the end, so
a database made by any earlier version is brought up to date by running the steps it lacks,
each in its own transaction with its version row.

    articles   one row per report: normalized text, content hash, source, URL, published
    failures   documents that could not be read or extracted: document, stage, reason
    events     merged events: the columns filters need, and the whole record as JSON
    mentions   article-to-event links: one row per event an article reports, with the
               features merging compares and the reason it joined its event
    claims     every figure an article reports, with its evidence and source
"""

from __future__ import annotations

from typing import Final

import duckdb

from ..errors import StoreError

_STEP_1 = """
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    seq BIGINT NOT NULL,            -- ingest order: ties between equal published dates
    content_hash VARCHAR NOT NULL UNIQUE,
    text VARCHAR NOT NULL,          -- normalized once at ingest; evidence offsets point here
    title VARCHAR,
    url VARCHAR,
    byline VARCHAR,
    language VARCHAR,
    source VARCHAR,                 -- the file (and line) it was read from
    published DATE,
    warnings VARCHAR[],
    places JSON,                    -- every place the text names (the contract's PLACE)
    ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE failures (
    document VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,         -- read | extract | store
    reason VARCHAR NOT NULL,
    first_seen TIMESTAMP NOT NULL,
    PRIMARY KEY (document, stage, reason)
);
"""

_STEP_2 = """
CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY,
    relation VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    sub_event_type VARCHAR NOT NULL,
    date_start DATE,
    date_end DATE,
    country_code VARCHAR,
    location VARCHAR,
    fatalities INTEGER,             -- the merged best, for --min-fatalities and exports
    n_articles INTEGER NOT NULL,
    last_published DATE,
    record JSON NOT NULL,           -- the merged EVENT with article_ids and timeline
    updated_at TIMESTAMP NOT NULL
);
CREATE TABLE mentions (
    article_id VARCHAR NOT NULL,
    position INTEGER NOT NULL,      -- the event's index in the article's result
    event_id VARCHAR NOT NULL,      -- the merged event it joined
    local_id VARCHAR NOT NULL,      -- its id in the article's own result
    seq BIGINT NOT NULL,
    published DATE,
    relation VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    sub_event_type VARCHAR NOT NULL,
    date_start DATE,
    date_end DATE,
    date_precision VARCHAR NOT NULL,
    country_code VARCHAR,
    admin1 VARCHAR,
    location VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    geo_precision INTEGER,
    place_forms VARCHAR[],          -- how its location is named (lower case)
    names VARCHAR[],                -- capitalized word runs of its article (lower case)
    perpetrators VARCHAR[],
    keywords VARCHAR[],
    is_update BOOLEAN NOT NULL,     -- the article reports a changed toll
    toll INTEGER,                   -- the fatalities it reports, read as a toll
    score DOUBLE,                   -- how well it matched the event it joined (null: founded it)
    reason JSON NOT NULL,           -- which features matched, or why it founded a new event
    record JSON NOT NULL,           -- the article's own EVENT object
    PRIMARY KEY (article_id, position)
);
CREATE TABLE claims (
    article_id VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    field VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    event_id VARCHAR NOT NULL,
    published DATE,
    value INTEGER NOT NULL,
    qualifier VARCHAR NOT NULL,
    source VARCHAR,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence_text VARCHAR NOT NULL,
    PRIMARY KEY (article_id, position, field, ordinal)
);
"""

# Version n is reached by running MIGRATIONS[n - 1]. Append; never edit a released step.
MIGRATIONS: Final[tuple[str, ...]] = (_STEP_1, _STEP_2)
SCHEMA_VERSION: Final[int] = len(MIGRATIONS)

_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    applied_at TIMESTAMP NOT NULL
)
"""


def current_version(conn: duckdb.DuckDBPyConnection) -> int:
    """The schema version of the open database; 0 for an empty one."""
    tables = {row[0] for row in conn.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if "schema_version" not in tables:
        if tables:
            raise StoreError(
                "is a DuckDB database but not a sitreps store (it has no schema_version table);"
                " give another --db"
            )
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row is not None and row[0] is not None else 0


def migrate(conn: duckdb.DuckDBPyConnection, *, target: int = SCHEMA_VERSION) -> int:
    """Run the steps the database lacks, up to ``target``; the version it is at afterwards."""
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"was written by a newer sitreps (schema version {version}; this one knows up to"
            f" {SCHEMA_VERSION}); upgrade sitreps"
        )
    for number in range(version + 1, target + 1):
        conn.execute("BEGIN TRANSACTION")
        try:
            conn.execute(_VERSION_TABLE)
            conn.execute(MIGRATIONS[number - 1])
            conn.execute(
                "INSERT INTO schema_version VALUES (?, current_timestamp::TIMESTAMP)", [number]
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        version = number
    return version
