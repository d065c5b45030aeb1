"""The store: many reports in, merged events with toll timelines out (DuckDB).

schema.py    tables and ordered migrations (schema_version)
features.py  names, topic words and toll-update phrasing taken from text
records.py   Mention: one event as one article reports it, with those features
merge.py     does a mention report an event already stored? scores and reasons
counts.py    which of an article's figures is its toll
timeline.py  every figure of an event's reports; best, low and high from them
build.py     a merged event's EVENT record from its mentions
store.py     Store: open, ingest (transactional batches), events, event, article
intake.py    files and folders -> extraction -> the store
filters.py   EventFilter for `events` and `export`
export.py    ACLED CSV, GeoJSON, Parquet, JSON Lines
render.py    the terminal table and the full event
metrics.py   pairwise precision and recall of a merge against gold clusters
"""

from .export import ACLED_COLUMNS, FORMATS, ExportFormat, export
from .filters import EventFilter
from .intake import ingest_paths
from .merge import THRESHOLD, Match
from .metrics import clusters_of, merge_pairwise_scores
from .schema import SCHEMA_VERSION, migrate
from .store import DB_ENV, DEFAULT_DB, IngestSummary, Store, content_hash, default_path

__all__ = [
    "ACLED_COLUMNS",
    "DB_ENV",
    "DEFAULT_DB",
    "FORMATS",
    "SCHEMA_VERSION",
    "THRESHOLD",
    "EventFilter",
    "ExportFormat",
    "IngestSummary",
    "Match",
    "Store",
    "clusters_of",
    "content_hash",
    "default_path",
    "export",
    "ingest_paths",
    "merge_pairwise_scores",
    "migrate",
]
