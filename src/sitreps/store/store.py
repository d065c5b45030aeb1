"""The store: a DuckDB file of articles, merged events, their mentions and claims.

    Store.open(path)                      open (creating and migrating) a store
    store.prepare(article)                None if its text is stored; else it, with a free id
    store.ingest(results)                 add results (and failures), merging as they come
    store.events(filters) -> [EVENT]      merged events with article_ids and timeline
    store.event(id) / store.article(id)   one full record, or None

Writes are transactional in batches: each batch of articles, with its mentions, claims and
the events they touched, commits whole or not at all, so a run killed at any point leaves
no partial article, and a rerun (which skips stored texts by content hash) adds the rest.
Merging is incremental: a mention is compared only with the events that SQL finds in its
date window and country, never by re-clustering what is stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import duckdb

from ..batch import Failure
from ..errors import StoreError
from ..serialize import result_to_dict
from ..types import COUNT_FIELDS, Article, Result
from .build import merged_record
from .filters import EventFilter
from .merge import NEARBY_KM, UPDATE_DAYS, Match, best_match
from .records import Mention, mentions_of
from .schema import SCHEMA_VERSION, current_version, migrate

DEFAULT_DB = "sitreps.duckdb"
DB_ENV = "SITREPS_DB"
DEFAULT_BATCH = 16

Outcome = Literal["added", "duplicate", "failed"]

_MENTION_COLUMNS = (
    "article_id", "position", "event_id", "local_id", "seq", "published", "relation",
    "event_type", "sub_event_type", "date_start", "date_end", "date_precision", "country_code",
    "admin1", "location", "lat", "lon", "geo_precision", "place_forms", "names", "perpetrators",
    "keywords", "is_update", "toll", "score", "reason", "record",
)  # fmt: skip
_SELECT_MENTIONS = f"SELECT {', '.join(_MENTION_COLUMNS)} FROM mentions"
# Scoring needs no EVENT object: the record column is left out of candidate rows.
_SELECT_CANDIDATES = _SELECT_MENTIONS.replace(", record FROM", ", NULL AS record FROM")
_INSERT_MENTION = (
    f"INSERT INTO mentions ({', '.join(_MENTION_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(_MENTION_COLUMNS))})"
)
_INSERT_ARTICLE = (
    "INSERT INTO articles (id, seq, content_hash, text, title, url, byline, language, source,"
    " published, warnings, places, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_CLAIM = "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
_INSERT_EVENT = "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
_INSERT_FAILURE = "INSERT INTO failures VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"
# The events a mention could join: those with a mention in its country (or none known),
# in its day window (or within an update's week), and near it (or with no coordinates, or
# only a region). Scoring decides among them; this only keeps the work small.
_CANDIDATES = f"""
{_SELECT_CANDIDATES} WHERE event_id IN (
    SELECT event_id FROM mentions
    WHERE article_id <> $article
      AND ($country IS NULL OR country_code IS NULL OR country_code = $country
           OR (geo_precision = 3 AND admin1 IS NULL))
      AND ((date_start <= $hi AND coalesce(date_end, date_start) >= $lo)
           OR ($update AND date_start BETWEEN $back AND $day)
           OR (is_update AND date_start BETWEEN $day AND $ahead)
           OR (date_start IS NULL AND published BETWEEN $back AND $ahead))
      AND ($lat IS NULL OR lat IS NULL OR $regional OR geo_precision = 3
           OR lower(location) = $location
           OR (abs(lat - $lat) <= $dlat AND abs(lon - $lon) <= $dlon)))
"""
# Degrees of latitude in NEARBY_KM, with a margin.
_DLAT = 1.2 * NEARBY_KM / 111.0


def content_hash(text: str) -> str:
    """The key that makes ingest idempotent: SHA-256 of the normalized text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def default_path() -> Path:
    """``$SITREPS_DB`` if set, else ``sitreps.duckdb`` in the working directory."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


@dataclass(kw_only=True, slots=True)
class IngestSummary:
    """What one ingest did."""

    added: int = 0
    duplicates: int = 0
    failures: list[Failure] = field(default_factory=list)
    new_events: int = 0
    merged: int = 0  # mentions that joined an existing event
    bridged: int = 0  # events folded into another by a report that fits both


@dataclass(kw_only=True, slots=True)
class _Pending:
    """The rows of the open batch not yet written, and the events it touched."""

    articles: list[tuple[object, ...]] = field(default_factory=list)
    claims: list[tuple[object, ...]] = field(default_factory=list)
    failures: list[tuple[object, ...]] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)
    hashes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    moved: dict[str, str] = field(default_factory=dict)  # event folded -> event it joined

    def final(self, event_id: str) -> str:
        """The event ``event_id`` is now part of, after any folding in this batch."""
        while event_id in self.moved:
            event_id = self.moved[event_id]
        return event_id


class Store:
    """A sitreps store; see the module docstring. Use ``Store.open``."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: Path, *, read_only: bool) -> None:
        self._conn = conn
        self.path = path
        self.read_only = read_only
        self._claimed_ids: set[str] = set()
        self._claimed_hashes: set[str] = set()
        # Texts ``prepare`` found absent from the store and this store has not written since,
        # with the id it found free (None: a renamed id it did not look up): storing their
        # results needs no second lookup, which costs a scan of the articles table.
        self._unstored: dict[str, str | None] = {}

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False) -> Store:
        """Open the store at ``path`` (default: ``default_path()``), migrating it if needed.

        ``read_only`` opens an existing store for reading, so that several readers can
        share it; a store made by an older sitreps is migrated first.
        """
        where = Path(path) if path is not None else default_path()
        if read_only and not where.exists():
            raise StoreError("no store here yet; `sitreps ingest` creates one", source=str(where))
        conn = _connect(where, read_only=read_only)
        try:
            if read_only and current_version(conn) < SCHEMA_VERSION:
                conn.close()
                cls.open(where).close()  # migrate once, read-write
                conn = _connect(where, read_only=True)
            elif not read_only:
                migrate(conn)
        except duckdb.Error as error:
            conn.close()
            message = f"cannot be used as a store: {_first_line(error)}"
            raise StoreError(message, source=str(where)) from None
        except StoreError as error:
            conn.close()
            raise StoreError(error.message, source=str(where)) from None
        return cls(conn, where, read_only=read_only)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for exports and ad-hoc SQL."""
        return self._conn

    # --- writing ---------------------------------------------------------------------------

    def prepare(self, article: Article) -> Article | None:
        """None when ``article``'s text is already stored (or claimed earlier in this run);
        else the article, renamed ``ID~HASH8`` if another text holds its id.

        Call before extraction, so evidence carries the id the article is stored under.
        """
        return self.prepare_many([article])[0]

    def prepare_many(self, articles: Sequence[Article]) -> list[Article | None]:
        """``prepare`` for each article in order (a later one sees the earlier ones claimed),
        with one lookup of the stored hashes and one of the stored ids for them all."""
        if not articles:
            return []
        digests = [content_hash(article.text) for article in articles]
        stored_hashes = self._stored("content_hash", digests)
        stored_ids = self._stored("id", [article.id for article in articles])
        prepared: list[Article | None] = []
        for article, digest in zip(articles, digests, strict=True):
            if digest in self._claimed_hashes or digest in stored_hashes:
                prepared.append(None)
                continue
            self._claimed_hashes.add(digest)
            article_id = article.id
            free: str | None = None
            if article_id in self._claimed_ids or article_id in stored_ids:
                article_id = f"{article.id}~{digest[:8]}"
            else:
                free = article_id
            self._claimed_ids.add(article_id)
            self._unstored[digest] = free
            renamed = replace(article, id=article_id) if article_id != article.id else article
            prepared.append(renamed)
        return prepared

    def ingest(
        self,
        items: Iterable[Result | Failure],
        *,
        sources: Callable[[str], str | None] | None = None,
        batch_size: int = DEFAULT_BATCH,
        on_item: Callable[[Outcome], None] | None = None,
    ) -> IngestSummary:
        """Add results, merging each event into the store; record failures. Idempotent.

        ``sources`` names the file an article id was read from. Every ``batch_size``
        articles are committed together.
        """
        summary = IngestSummary()
        seq = self._next_seq()
        pending = _Pending()
        # Its queries are small and many (one per mention): on a second thread they cost
        # more in handing work over than they save, and the extraction workers need the cores.
        self._conn.execute("SET threads = 1")
        self._conn.execute("BEGIN TRANSACTION")
        try:
            for item in items:
                outcome = self._ingest_one(item, seq, pending, summary, sources)
                seq += outcome == "added"
                if len(pending.articles) + len(pending.failures) >= batch_size:
                    self._flush(pending)
                    self._conn.execute("COMMIT")
                    self._conn.execute("BEGIN TRANSACTION")
                    pending = _Pending()
                if on_item is not None:
                    on_item(outcome)
            self._flush(pending)
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        finally:
            self._conn.execute("RESET threads")
        return summary

    def _ingest_one(
        self,
        item: Result | Failure,
        seq: int,
        pending: _Pending,
        summary: IngestSummary,
        sources: Callable[[str], str | None] | None,
    ) -> Outcome:
        if isinstance(item, Failure):
            stage = "extract" if item.internal else "read"
            pending.failures.append((item.source, stage, item.reason, _now()))
            summary.failures.append(item)
            return "failed"
        article = item.article
        digest = content_hash(article.text)
        unstored = digest in self._unstored
        free = self._unstored.pop(digest, None)
        if digest in pending.hashes or (
            not unstored and self._one("articles", "content_hash", digest)
        ):
            summary.duplicates += 1
            return "duplicate"
        if article.id in pending.ids or (
            free != article.id and self._one("articles", "id", article.id)
        ):
            raise StoreError(
                f"article id {article.id!r} is stored with another text; pass articles"
                " through Store.prepare before extraction"
            )
        pending.hashes.add(digest)
        pending.ids.add(article.id)
        source = sources(article.id) if sources is not None else None
        pending.articles.append(_article_row(item, seq, digest, source))
        self._place(
            mentions_of(article, item.events, seq=seq, places=item.places), pending, summary
        )
        summary.added += 1
        return "added"

    def _place(
        self, mentions: Sequence[Mention], pending: _Pending, summary: IngestSummary
    ) -> None:
        """Merge each mention into its best event, or found one; write the mention rows."""
        rows: list[tuple[object, ...]] = []
        for mention in mentions:
            candidates = self._candidates(mention)
            accepted = [m for m in best_match(mention, candidates) if m.accepted]
            if accepted:
                chosen = accepted[0]
                event_id, score = chosen.event_id, chosen.score
                reason: dict[str, object] = {"joined": chosen.reason()}
                bridged = self._bridge(mention, chosen, accepted[1:], candidates, pending)
                if bridged:
                    reason["bridged"] = bridged
                summary.merged += 1
                summary.bridged += len(bridged)
            else:
                nearest = best_match(mention, candidates)[:1]
                event_id, score = _new_event_id(mention), None
                reason = {"founded": True, "nearest": nearest[0].reason() if nearest else None}
                summary.new_events += 1
            rows.append(_mention_row(mention, event_id, score, reason))
            pending.claims.extend(_claim_rows(mention, event_id))
            pending.touched.add(event_id)
        if rows:
            # One statement per article: the next article's candidates must see these.
            self._conn.executemany(_INSERT_MENTION, rows)

    def _bridge(
        self,
        mention: Mention,
        chosen: Match,
        others: Sequence[Match],
        candidates: dict[str, list[Mention]],
        pending: _Pending,
    ) -> list[dict[str, object]]:
        """Fold into the chosen event the other events this mention also matches.

        Reports that arrive out of order can found two events for one attack (an update
        before the first report); a later report that fits both shows they are one. Two
        events are never folded when an article reports in both.
        """
        bridged: list[dict[str, object]] = []
        into = candidates[chosen.event_id]
        for other in others:
            members = candidates[other.event_id]
            if {m.article_id for m in into} & {m.article_id for m in members}:
                continue
            note = {"moved": {"into": chosen.event_id, "by": mention.article_id,
                              "score": round(other.score, 3)}}  # fmt: skip
            self._conn.execute(
                "UPDATE mentions SET event_id = ?, reason = json_merge_patch(reason, ?)"
                " WHERE event_id = ?",
                [chosen.event_id, json.dumps(note), other.event_id],
            )
            self._conn.execute(
                "UPDATE claims SET event_id = ? WHERE event_id = ?",
                [chosen.event_id, other.event_id],
            )
            pending.moved[other.event_id] = chosen.event_id
            pending.touched.discard(other.event_id)
            into = [*into, *members]
            bridged.append(other.reason())
        candidates[chosen.event_id] = into
        return bridged

    def _candidates(self, mention: Mention) -> dict[str, list[Mention]]:
        day = mention.start or mention.published
        if day is None:
            return {}
        week = dt.timedelta(days=1 + UPDATE_DAYS)
        one = dt.timedelta(days=1)
        # Undated: its published date stands in, up to a week after the attack.
        lo, hi = (
            (day - one, (mention.end or day) + one) if mention.start else (day - week, day + one)
        )
        located = mention.located and mention.lon is not None
        lat = mention.lat if located else None
        params = {
            "article": mention.article_id,
            "country": mention.country_code if mention.located else None,
            "lo": lo, "hi": hi, "day": day, "back": day - week, "ahead": day + week,
            "update": mention.is_update, "lat": lat, "lon": mention.lon,
            "dlat": _DLAT, "dlon": _DLAT / max(math.cos(math.radians(lat or 0.0)), 0.05),
            "regional": mention.geo_precision == 3, "location": (mention.location or "").lower(),
        }  # fmt: skip
        events: dict[str, list[Mention]] = defaultdict(list)
        for row in self._conn.execute(_CANDIDATES, params).fetchall():
            events[str(row[2])].append(_mention_from_row(row))
        return dict(events)

    def _flush(self, pending: _Pending) -> None:
        if pending.articles:
            self._conn.executemany(_INSERT_ARTICLE, pending.articles)
        if pending.claims:
            claims = [(*c[:4], pending.final(str(c[4])), *c[5:]) for c in pending.claims]
            self._conn.executemany(_INSERT_CLAIM, claims)
        if pending.failures:
            self._conn.executemany(_INSERT_FAILURE, pending.failures)
        if pending.moved:
            gone = sorted(pending.moved)
            self._conn.execute("DELETE FROM events WHERE event_id IN (SELECT unnest(?))", [gone])
        if not pending.touched:
            return
        touched = sorted({pending.final(e) for e in pending.touched})
        rows = self._conn.execute(
            f"{_SELECT_MENTIONS} WHERE event_id IN (SELECT unnest(?))", [touched]
        ).fetchall()
        members: dict[str, list[Mention]] = defaultdict(list)
        for row in rows:
            members[str(row[2])].append(_mention_from_row(row))
        self._conn.execute("DELETE FROM events WHERE event_id IN (SELECT unnest(?))", [touched])
        now = _now()
        self._conn.executemany(
            _INSERT_EVENT,
            [_event_row(merged_record(e, members[e]), members[e], now) for e in touched],
        )

    def record_failure(self, document: str, stage: str, reason: str) -> None:
        """Record a document that could not be read or processed (once per reason)."""
        self._conn.execute(_INSERT_FAILURE, [document, stage, reason, _now()])

    # --- reading ---------------------------------------------------------------------------

    def events(self, filters: EventFilter | None = None) -> list[dict[str, Any]]:
        """Merged EVENT objects (with ``article_ids`` and ``timeline``), by date then id."""
        return list(self.iter_events(filters))

    def iter_events(self, filters: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        """As ``events``, one at a time."""
        where, params = (filters or EventFilter()).where()
        cursor = self._conn.execute(
            f"SELECT record FROM events WHERE {where} ORDER BY date_start NULLS LAST, event_id",
            params,
        )
        while batch := cursor.fetchmany(500):
            for (record,) in batch:
                yield json.loads(record)

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One merged event in full: its EVENT object and ``merges``, the reason each
        report joined it (or founded it), oldest report first."""
        row = self._conn.execute(
            "SELECT record FROM events WHERE event_id = ?", [event_id]
        ).fetchone()
        if row is None:
            return None
        record: dict[str, Any] = json.loads(row[0])
        merges = self._conn.execute(
            "SELECT m.article_id, m.position, m.relation, m.published, m.score, m.reason,"
            " a.title FROM mentions m JOIN articles a ON a.id = m.article_id"
            " WHERE m.event_id = ? ORDER BY m.published NULLS FIRST, m.seq, m.position",
            [event_id],
        ).fetchall()
        record["merges"] = [
            {"article_id": aid, "position": pos, "relation": rel,
             "published": pub.isoformat() if pub else None, "title": title,
             "score": score, "reason": json.loads(reason)}
            for aid, pos, rel, pub, score, reason, title in merges
        ]  # fmt: skip
        return record

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article: its text, where it came from, and every span its evidence points to."""
        row = self._conn.execute(
            "SELECT id, title, url, byline, language, source, published, content_hash, text,"
            " warnings, places FROM articles WHERE id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            return None
        keys = ("id", "title", "url", "byline", "language", "source", "published",
                "content_hash", "text", "warnings", "places")  # fmt: skip
        article = dict(zip(keys, row, strict=True))
        article["published"] = row[6].isoformat() if row[6] else None
        article["places"] = json.loads(row[10]) if row[10] else []
        mentions = self._conn.execute(
            "SELECT event_id, relation, record FROM mentions WHERE article_id = ?"
            " ORDER BY position",
            [article_id],
        ).fetchall()
        article["events"] = [
            {"event_id": e, "relation": rel, "local_event_id": json.loads(rec)["event_id"]}
            for e, rel, rec in mentions
        ]
        article["spans"] = _spans(mentions)
        return article

    def failures(self) -> list[dict[str, Any]]:
        """Recorded failures, oldest first."""
        rows = self._conn.execute(
            "SELECT document, stage, reason, first_seen FROM failures ORDER BY first_seen, document"
        ).fetchall()
        return [{"document": d, "stage": s, "reason": r, "first_seen": t.isoformat()}
                for d, s, r, t in rows]  # fmt: skip

    def main_events(self) -> dict[str, str]:
        """Article id -> the merged event its main event joined: how reports were grouped."""
        rows = self._conn.execute(
            "SELECT article_id, event_id FROM mentions WHERE relation = 'main'"
        ).fetchall()
        return {str(a): str(e) for a, e in rows}

    def counts(self) -> dict[str, int]:
        """How many rows each table holds."""
        counts: dict[str, int] = {}
        for table in ("articles", "events", "mentions", "claims", "failures"):
            row = self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(row[0]) if row else 0
        return counts

    # --- helpers ---------------------------------------------------------------------------

    def _stored(self, column: str, values: Sequence[str]) -> set[str]:
        """Those of ``values`` some stored article has in ``column``."""
        rows = self._conn.execute(
            f"SELECT DISTINCT {column} FROM articles WHERE {column} IN (SELECT unnest(?))",
            [sorted(set(values))],
        ).fetchall()
        return {str(row[0]) for row in rows}

    def _one(self, table: str, column: str, value: str) -> bool:
        row = self._conn.execute(f"SELECT 1 FROM {table} WHERE {column} = ? LIMIT 1", [value])
        return row.fetchone() is not None

    def _next_seq(self) -> int:
        row = self._conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()
        return int(row[0]) if row else 1


# --- rows ----------------------------------------------------------------------------------


def _connect(path: Path, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        # Nothing is ever fetched: the extensions a store needs (JSON, Parquet) are built in.
        return duckdb.connect(
            str(path), read_only=read_only, config={"autoinstall_known_extensions": False}
        )
    except duckdb.Error as error:
        raise StoreError(f"cannot be opened: {_first_line(error)}", source=str(path)) from None


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _new_event_id(mention: Mention) -> str:
    key = f"{mention.article_id}\x00{mention.position}\x00{mention.local_id}"
    return "ev" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:14]


def _article_row(result: Result, seq: int, digest: str, source: str | None) -> tuple[object, ...]:
    a = result.article
    places = result_to_dict(Result(article=a, places=result.places))["places"]
    return (
        a.id, seq, digest, a.text, a.title, a.url, a.byline, a.language, source, a.published,
        list(result.warnings), json.dumps(places, ensure_ascii=False), _now(),
    )  # fmt: skip


def _mention_row(
    m: Mention, event_id: str, score: float | None, reason: dict[str, object]
) -> tuple[object, ...]:
    return (
        m.article_id, m.position, event_id, m.local_id, m.seq, m.published, m.relation,
        m.event_type, m.sub_event_type, m.start, m.end, m.precision, m.country_code, m.admin1,
        m.location, m.lat, m.lon, m.geo_precision, sorted(m.place_forms), sorted(m.names),
        sorted(m.perpetrators), sorted(m.keywords), m.is_update, m.toll, score,
        json.dumps(reason), json.dumps(m.record, ensure_ascii=False, allow_nan=False),
    )  # fmt: skip


def _mention_from_row(row: tuple[Any, ...]) -> Mention:
    (article_id, position, _event_id, local_id, seq, published, relation, event_type,
     sub_event_type, start, end, precision, country_code, admin1, location, lat, lon,
     geo_precision, forms, names, perpetrators, keywords, is_update, toll, _score, _reason,
     record) = row  # fmt: skip
    return Mention(
        article_id=article_id, position=position, local_id=local_id, seq=seq,
        published=published, relation=relation, event_type=event_type,
        sub_event_type=sub_event_type, start=start, end=end, precision=precision,
        country_code=country_code, admin1=admin1, location=location, lat=lat, lon=lon,
        geo_precision=geo_precision, place_forms=frozenset(forms), names=frozenset(names),
        perpetrators=frozenset(perpetrators), keywords=frozenset(keywords),
        is_update=is_update, toll=toll, record=json.loads(record) if record else {},
    )  # fmt: skip


def _claim_rows(m: Mention, event_id: str) -> Iterator[tuple[object, ...]]:
    for field_name in COUNT_FIELDS:
        count = m.record.get(field_name)
        for ordinal, report in enumerate((count or {}).get("reports", ())):
            evidence = report["evidence"]
            yield (
                m.article_id, m.position, field_name, ordinal, event_id, m.published,
                report["value"], report["qualifier"], report["source"],
                evidence["start"], evidence["end"], evidence["text"],
            )  # fmt: skip


def _event_row(
    record: dict[str, Any], members: Sequence[Mention], now: dt.datetime
) -> tuple[object, ...]:
    date, location, fatalities = record["date"], record["location"], record["fatalities"]
    published = [m.published for m in members if m.published is not None]
    return (
        record["event_id"], record["relation"], record["event_type"], record["sub_event_type"],
        date["start"], date["end"], location["country_code"] if location else None,
        location["name"] if location else None, fatalities["best"] if fatalities else None,
        len(record["article_ids"]), max(published) if published else None,
        json.dumps(record, ensure_ascii=False, allow_nan=False), now,
    )  # fmt: skip


def _spans(mentions: Sequence[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Every evidence span of an article's events, with the field and event it backs."""
    spans: dict[tuple[int, int, str, str], dict[str, Any]] = {}
    for event_id, _relation, record_json in mentions:
        record = json.loads(record_json)
        for field_name, evidence in _evidence_by_field(record):
            key = (evidence["start"], evidence["end"], field_name, event_id)
            spans.setdefault(key, {**evidence, "field": field_name, "event_id": event_id})
    return sorted(spans.values(), key=lambda s: (s["start"], s["end"], s["field"]))


def _evidence_by_field(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for key, items in record["evidence"].items():
        for evidence in items:
            yield key, evidence
    for key in COUNT_FIELDS:
        for report in (record.get(key) or {}).get("reports", ()):
            yield key, report["evidence"]
    for key in ("weapons", "quotes", "attributions"):
        for item in record[key]:
            yield key, item["evidence"]
