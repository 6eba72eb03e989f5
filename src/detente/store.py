"""The store: SQLAlchemy Core tables for documents and every record type, on SQLite or PostgreSQL.

Each table keeps the columns queries filter on plus ``data``, the record's full JSON, so a
record reads back exactly as it was written. One document is written in one transaction with
all its records, so a store never holds half a document, even after a crash. SQLite runs in
WAL mode and takes the write lock at the start of a write (``BEGIN IMMEDIATE``), so two
processes ingesting at once queue up instead of failing.

The schema carries a version; ``MIGRATIONS`` brings a store made by an older detente up to date
when it is opened.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from .errors import StoreError
from .records import (
    Actor,
    Commitment,
    Disagreement,
    DocResult,
    Document,
    Dyad,
    Event,
    Evidence,
    Forecast,
    Quote,
    Record,
    Timex,
)

SCHEMA_VERSION = 5
DEFAULT_DB = "detente.db"
# lets concurrent writers on one SQLite file wait for each other instead of failing
SQLITE_BUSY_TIMEOUT_S = 120

metadata = sa.MetaData()


def _json_col() -> sa.Column[str]:
    return sa.Column("data", sa.Text, nullable=False)


meta_table = sa.Table(
    "detente_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("doc_id", sa.String(64), primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.String(10), index=True),
    sa.Column("published_basis", sa.String(16)),
    sa.Column("author", sa.Text),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("meta", sa.Text, nullable=False, server_default="{}"),
    sa.Column("ingested_at", sa.String(32), nullable=False),
    # 0 until cross-document linking has taken the document in; an ingest that was killed
    # between storing and linking leaves 0 behind, and the next ingest links it
    sa.Column("linked", sa.Integer, nullable=False, server_default="0", index=True),
)

timexes = sa.Table(
    "timexes",
    metadata,
    sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.doc_id"), primary_key=True),
    sa.Column("start", sa.Integer, primary_key=True),
    sa.Column("end", sa.Integer, primary_key=True),
    sa.Column("value", sa.String(10), index=True),
    _json_col(),
)

# actors as one document saw them; the linked, merged view lives in ``actors``
doc_actors = sa.Table(
    "doc_actors",
    metadata,
    sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.doc_id"), primary_key=True),
    sa.Column("actor_id", sa.String(128), primary_key=True),
    _json_col(),
    sa.Index("ix_doc_actors_actor", "actor_id"),
)

# the linked view of each actor: name, kind, country, roles and aliases merged over every document
# (``first_doc`` and ``country_doc`` name the documents its kind and country came from, so a new
# document merges in without reading the others); its mentions are read from ``doc_actors``
actors = sa.Table(
    "actors",
    metadata,
    sa.Column("actor_id", sa.String(128), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("country", sa.String(3), index=True),
    _json_col(),
    sa.Column("first_doc", sa.String(64)),
    sa.Column("country_doc", sa.String(64)),
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("quote_id", sa.String(64), primary_key=True),
    sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.doc_id"), nullable=False, index=True),
    sa.Column("speaker", sa.String(128), index=True),
    sa.Column("said_on", sa.String(10)),
    _json_col(),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("event_id", sa.String(64), primary_key=True),
    sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.doc_id"), nullable=False, index=True),
    sa.Column("category", sa.String(16), nullable=False),
    sa.Column("source", sa.String(128), index=True),
    sa.Column("target", sa.String(128), index=True),
    sa.Column("source_country", sa.String(3)),
    sa.Column("target_country", sa.String(3)),
    sa.Column("date", sa.String(10)),
    _json_col(),
    sa.Index("ix_events_pair", "source_country", "target_country", "date"),
)

commitments = sa.Table(
    "commitments",
    metadata,
    sa.Column("commitment_id", sa.String(64), primary_key=True),
    sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.doc_id"), nullable=False, index=True),
    sa.Column("promiser", sa.String(128), index=True),
    sa.Column("status", sa.String(16), nullable=False),
    _json_col(),
)

forecasts = sa.Table(
    "forecasts",
    metadata,
    sa.Column("forecast_id", sa.String(64), primary_key=True),
    sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.doc_id"), nullable=False, index=True),
    sa.Column("author", sa.String(128), index=True),
    sa.Column("resolves_by", sa.String(10), index=True),
    _json_col(),
)

disagreements = sa.Table(
    "disagreements",
    metadata,
    sa.Column("disagreement_id", sa.String(64), primary_key=True),
    sa.Column("topic", sa.Text, nullable=False),
    _json_col(),
    # the linking unit that found it (a promise, an occasion, a person); recomputing the unit
    # replaces its disagreements
    sa.Column("block", sa.String(200), index=True),
)

# the cross-document view of per-document records: a record as linked (with the reports of other
# documents, its status or verdict from later documents); ``data`` is null for a record merged
# into another (``canonical_id``), which then stands for both
links = sa.Table(
    "links",
    metadata,
    sa.Column("collection", sa.String(16), primary_key=True),
    sa.Column("record_id", sa.String(64), primary_key=True),
    sa.Column("canonical_id", sa.String(64), nullable=False, index=True),
    sa.Column("data", sa.Text),
)

# what linking reads of each document instead of its full text, found once when the document is
# linked: sentences that say a promise or a prediction came true or failed, dated occasions
# ("the summit in Ishtal on 16 October"), counts ("three guards were killed"); ``key`` groups the
# claims that can disagree
cues = sa.Table(
    "cues",
    metadata,
    sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.doc_id"), primary_key=True),
    sa.Column("start", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("key", sa.String(200), primary_key=True),
    _json_col(),
    sa.Index("ix_cues_key", "kind", "key"),
)

dyads = sa.Table(
    "dyads",
    metadata,
    sa.Column("a", sa.String(3), primary_key=True),
    sa.Column("b", sa.String(3), primary_key=True),
    sa.Column("period", sa.String(7), primary_key=True),
    _json_col(),
    # the exact sum of the month's scores, so one month can change without reading the others
    sa.Column("score_sum", sa.Float),
)

# the blocking keys linking finds records by: a record (quote, event, promise, forecast, cue) under
# a key (its speaker; its pair of states and type; its promiser; an actor a sentence names) and a
# day (publication or event date, always the first day of its period); a record without a day
# matches every window
link_keys = sa.Table(
    "link_keys",
    metadata,
    sa.Column("collection", sa.String(16), primary_key=True),
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("record_id", sa.String(120), primary_key=True),
    sa.Column("day", sa.String(10)),
    # what a comparison needs of the record (its words), so candidates are tested without reading them
    sa.Column("info", sa.Text),
    sa.Index("ix_link_keys_day", "collection", "key", "day"),
    sa.Index("ix_link_keys_record", "collection", "record_id"),
)

# a lookup's windows, for one statement joining them with ``link_keys`` (a temporary table, made
# when first used on a connection, so not part of ``metadata``)
link_windows = sa.Table(
    "detente_link_windows",
    sa.MetaData(),
    sa.Column("key", sa.String(200)),
    sa.Column("lo", sa.String(10)),
    sa.Column("hi", sa.String(10)),
)

# months of pairs of states whose counted events a run reads at once (temporary, like link_windows)
pair_months = sa.Table(
    "detente_pair_months",
    sa.MetaData(),
    sa.Column("a", sa.String(3)),
    sa.Column("b", sa.String(3)),
    sa.Column("month", sa.String(7)),
)

# periods of pairs of states whose event groups a run reads at once (temporary, like link_windows)
pair_windows = sa.Table(
    "detente_pair_windows",
    sa.MetaData(),
    sa.Column("a", sa.String(3)),
    sa.Column("b", sa.String(3)),
    sa.Column("lo", sa.String(12)),
    sa.Column("hi", sa.String(12)),
)

# each event between two states and the group of reports it belongs to; the group's canonical
# report carries the group's date (counted by the dyad index and checked against forecasts)
event_groups = sa.Table(
    "event_groups",
    metadata,
    sa.Column("event_id", sa.String(64), primary_key=True),
    sa.Column("a", sa.String(3), nullable=False),
    sa.Column("b", sa.String(3), nullable=False),
    sa.Column("category", sa.String(16), nullable=False),
    sa.Column("canonical_id", sa.String(64), nullable=False),
    sa.Column("group_date", sa.String(10)),
    sa.Column("score", sa.Float, nullable=False),
    sa.Index("ix_event_groups_pair", "a", "b", "group_date"),
)

#: collections whose records the cross-document view can replace (see ``links``)
LINKED_KEYS: dict[str, str] = {"quotes": "quote_id", "events": "event_id", "commitments": "commitment_id",
                               "forecasts": "forecast_id"}

RECORD_TABLES: dict[str, sa.Table] = {
    "timexes": timexes,
    "actors": actors,
    "quotes": quotes,
    "events": events,
    "commitments": commitments,
    "forecasts": forecasts,
    "disagreements": disagreements,
    "dyads": dyads,
}
RECORD_CLASSES: dict[str, type[Record]] = {
    "documents": Document,
    "timexes": Timex,
    "actors": Actor,
    "quotes": Quote,
    "events": Event,
    "commitments": Commitment,
    "forecasts": Forecast,
    "disagreements": Disagreement,
    "dyads": Dyad,
}


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


# ---------------------------------------------------------------- migrations


def _migrate_1_to_2(conn: Connection) -> None:
    """Version 2 keeps the byline author and reader metadata, and actors per document."""
    conn.execute(sa.text("ALTER TABLE documents ADD COLUMN author TEXT"))
    conn.execute(sa.text("ALTER TABLE documents ADD COLUMN meta TEXT NOT NULL DEFAULT '{}'"))
    conn.execute(sa.text("ALTER TABLE documents ADD COLUMN linked INTEGER NOT NULL DEFAULT 0"))
    conn.execute(sa.text("CREATE INDEX ix_documents_linked ON documents (linked)"))
    doc_actors.create(conn, checkfirst=True)


def _migrate_2_to_3(conn: Connection) -> None:
    """Version 3 keeps the cross-document view (links, cue sentences) and disagreement blocks."""
    conn.execute(sa.text("ALTER TABLE disagreements ADD COLUMN block VARCHAR(200)"))
    conn.execute(sa.text("CREATE INDEX ix_disagreements_block ON disagreements (block)"))
    links.create(conn, checkfirst=True)
    cues.create(conn, checkfirst=True)
    # documents linked by an older detente are linked again with the new cross-document records
    conn.execute(documents.update().values(linked=0))


def _migrate_3_to_4(conn: Connection) -> None:
    """Version 4 links incrementally through blocking keys and time windows: the linked view is
    rebuilt (every document is linked again by the next ingest)."""
    conn.execute(sa.text("ALTER TABLE actors ADD COLUMN first_doc VARCHAR(64)"))
    conn.execute(sa.text("ALTER TABLE actors ADD COLUMN country_doc VARCHAR(64)"))
    conn.execute(sa.text("ALTER TABLE dyads ADD COLUMN score_sum FLOAT"))
    conn.execute(sa.text("CREATE INDEX ix_forecasts_resolves_by ON forecasts (resolves_by)"))
    link_keys.create(conn, checkfirst=True)
    event_groups.create(conn, checkfirst=True)
    for table in (actors, links, dyads, disagreements, cues):
        conn.execute(table.delete())
    conn.execute(documents.update().values(linked=0))


def _migrate_4_to_5(conn: Connection) -> None:
    """Version 5 also files events without a date to the month under ``…|undated`` by their publication
    (what dated reports look up), copied from their ``…|published`` keys, and status sentences that tell
    an outcome under ``outcome`` (what forecast checks look up), copied from their ``status`` keys."""
    conn.execute(sa.text(
        "INSERT INTO link_keys (collection, key, record_id, day, info) "
        "SELECT k.collection, SUBSTR(k.key, 1, LENGTH(k.key) - LENGTH('|published')) || '|undated', "
        "k.record_id, k.day, k.info "
        "FROM link_keys k WHERE k.collection = 'events' AND k.key LIKE '%|published' AND NOT EXISTS "
        "(SELECT 1 FROM link_keys d WHERE d.collection = 'events' AND d.record_id = k.record_id "
        "AND d.key LIKE '%|date')"))
    # status sentences telling that something was done or not are also filed under "outcome" (forecast checks)
    from .link import tells_outcome  # the linker's own test; imported here, where both modules are loaded

    telling = [cue_id(cue) for cue in (json.loads(data) for (data,) in conn.execute(
        sa.select(cues.c.data).where(cues.c.kind == "status"))) if tells_outcome(cue)]
    for chunk in _chunks(telling):
        conn.execute(
            sa.text(
                "INSERT INTO link_keys (collection, key, record_id, day, info) "
                "SELECT 'outcome', key, record_id, day, info "
                "FROM link_keys WHERE collection = 'status' AND record_id IN :ids"
            ).bindparams(sa.bindparam("ids", expanding=True)),
            {"ids": list(chunk)})


#: migrations[n] upgrades a store at version n - 1 to version n
MIGRATIONS: dict[int, Callable[[Connection], None]] = {2: _migrate_1_to_2, 3: _migrate_2_to_3, 4: _migrate_3_to_4,
                                                        5: _migrate_4_to_5}


# ---------------------------------------------------------------- engines


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL from ``--db``: a file path (SQLite) or a URL."""
    db = str(db)
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return "sqlite:///" + str(Path(db).expanduser().resolve())


def _sqlite_engine(url: str) -> Engine:
    engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # take transaction control from the driver so BEGIN IMMEDIATE can be issued
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}")
        _enable_wal(cursor)
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _enable_wal(cursor: Any) -> None:
    """Switch a SQLite file to WAL once; the mode then persists in the file.

    Changing the journal mode needs a lock the busy timeout does not wait for, so two processes
    opening a new store at the same moment retry instead of failing.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_S
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def make_engine(db: str | Path) -> Engine:
    url = database_url(db)
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    return sa.create_engine(url, pool_pre_ping=True)


# ---------------------------------------------------------------- the store


class Store:
    """Documents and records in one database; every write is one transaction."""

    def __init__(self, db: str | Path = DEFAULT_DB) -> None:
        self.url = database_url(db)
        # the connection of a running ``transaction()``, per thread: a web server reads from other
        # threads while one links, and those reads must not borrow the linking connection
        self._local = threading.local()
        try:
            self.engine = make_engine(db)
        except sa.exc.SQLAlchemyError as err:
            raise StoreError(f"{db}: cannot open store: {_short(err)}") from None
        try:
            self._prepare_schema()
        except sa.exc.SQLAlchemyError as err:
            self.engine.dispose()
            raise StoreError(f"{db}: cannot open store: {_short(err)}") from None
        except BaseException:
            self.engine.dispose()
            raise

    @property
    def _shared(self) -> Connection | None:
        return getattr(self._local, "conn", None)

    @_shared.setter
    def _shared(self, conn: Connection | None) -> None:
        self._local.conn = conn

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write(self, exclusive: bool = False) -> Iterator[Connection]:
        """One write transaction: everything inside commits together or not at all.

        ``exclusive`` serialises the transaction with every other exclusive one across
        processes (schema changes, cross-document updates); SQLite's write lock already does.
        """
        if self._shared is not None:
            yield self._shared
            return
        with self.engine.connect().execution_options(write=True) as conn, conn.begin():
            if exclusive and not self.is_sqlite:
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(7311)"))
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        if self._shared is not None:
            yield self._shared
            return
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run every read and write inside in one exclusive transaction.

        Linking reads what other documents say and writes merged records; doing both under one
        lock keeps two concurrent ingests from overwriting each other's merges.
        """
        with self.write(exclusive=True) as conn:
            self._shared = conn
            try:
                yield
            finally:
                self._shared = None

    # -- schema

    def _prepare_schema(self) -> None:
        with self.write(exclusive=True) as conn:
            inspector = sa.inspect(conn)
            if not inspector.has_table(meta_table.name):
                if inspector.has_table(documents.name):
                    raise StoreError(f"{self.url}: not a detente store (tables without a version)")
                metadata.create_all(conn)
                conn.execute(meta_table.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
                return
            version = self._version(conn)
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.url}: store has schema version {version}, newer than this detente"
                    f" ({SCHEMA_VERSION}); upgrade detente to open it"
                )
            for target in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[target](conn)
                conn.execute(
                    meta_table.update().where(meta_table.c.key == "schema_version").values(value=str(target))
                )
            metadata.create_all(conn)  # tables a newer version added without data changes

    @staticmethod
    def _version(conn: Connection) -> int:
        value = conn.execute(
            sa.select(meta_table.c.value).where(meta_table.c.key == "schema_version")
        ).scalar_one_or_none()
        return int(value) if value is not None else 1

    def schema_version(self) -> int:
        with self.read() as conn:
            return self._version(conn)

    # -- documents

    def has_documents(self, doc_ids: Iterable[str]) -> set[str]:
        """Which of these ids are stored already."""
        found: set[str] = set()
        with self.read() as conn:
            for chunk in _chunks(doc_ids):
                rows = conn.execute(sa.select(documents.c.doc_id).where(documents.c.doc_id.in_(chunk)))
                found.update(r[0] for r in rows)
        return found

    def add_result(self, result: DocResult) -> bool:
        """Store one document with all its records in one transaction; False if already stored."""
        doc = result.document
        try:
            with self.write() as conn:
                exists = conn.execute(
                    sa.select(documents.c.doc_id).where(documents.c.doc_id == doc.doc_id)
                ).first()
                if exists:
                    return False
                conn.execute(documents.insert().values(**_document_row(doc)))
                self._insert_records(conn, [result])
        except sa.exc.IntegrityError as error:
            # another process may have stored the same document between our check and insert
            if self.has_documents([doc.doc_id]):
                return False
            raise StoreError(f"{doc.doc_id}: records could not be stored: {_short(error)}") from None
        return True

    def add_results(self, results: Sequence[DocResult]) -> list[bool]:
        """Store several documents with their records in one transaction; False for each one
        stored already. Each document is stored whole or not at all: when the batch cannot be
        written (another process stored one of them meanwhile, or a record is broken), the
        documents are stored one transaction each instead."""
        if not results:
            return []
        try:
            with self.write() as conn:
                ids = [r.document.doc_id for r in results]
                stored = {row[0] for chunk in _chunks(ids)
                          for row in conn.execute(sa.select(documents.c.doc_id).where(documents.c.doc_id.in_(chunk)))}
                added = []
                batch: list[DocResult] = []
                for result in results:
                    fresh = result.document.doc_id not in stored
                    added.append(fresh)
                    if fresh:
                        stored.add(result.document.doc_id)
                        batch.append(result)
                if batch:
                    conn.execute(documents.insert(), [_document_row(r.document) for r in batch])
                    self._insert_records(conn, batch)
                return added
        except sa.exc.IntegrityError:
            return [self.add_result(r) for r in results]

    def _insert_records(self, conn: Connection, results: Sequence[DocResult]) -> None:
        rows: dict[sa.Table, list[dict[str, Any]]] = defaultdict(list)
        for result in results:
            for table, table_rows in _record_rows(result).items():
                rows[table].extend(table_rows)
        for table, table_rows in rows.items():
            if table_rows:
                conn.execute(table.insert(), table_rows)

    def unlinked_doc_ids(self) -> list[str]:
        """Documents not linked yet, oldest publication first (undated last), then by id."""
        query = (sa.select(documents.c.doc_id).where(documents.c.linked == 0)
                 .order_by(documents.c.published.is_(None), documents.c.published, documents.c.doc_id))
        with self.read() as conn:
            return [r[0] for r in conn.execute(query)]

    def forget_links(self) -> None:
        """Drop the cross-document view (merged actors, links, cues, blocking keys, event groups, dyads,
        disagreements) and mark every document unlinked, for the next linking run to build it again."""
        with self.write() as conn:
            for table in (actors, links, dyads, disagreements, cues, link_keys, event_groups):
                conn.execute(table.delete())
            conn.execute(meta_table.delete().where(meta_table.c.key == "linked_latest"))
            conn.execute(documents.update().values(linked=0))

    def mark_linked(self, doc_ids: Iterable[str]) -> None:
        with self.write() as conn:
            for chunk in _chunks(doc_ids):
                conn.execute(documents.update().where(documents.c.doc_id.in_(chunk)).values(linked=1))

    def document(self, doc_id: str) -> Document | None:
        with self.read() as conn:
            row = conn.execute(sa.select(documents).where(documents.c.doc_id == doc_id)).mappings().first()
        return _document_from_row(row) if row else None

    def documents(self, since: str | None = None, until: str | None = None) -> Iterator[Document]:
        """Stored documents, oldest publication first (undated last), then by id."""
        query = sa.select(documents).order_by(
            documents.c.published.is_(None), documents.c.published, documents.c.doc_id
        )
        if since:
            query = query.where(documents.c.published >= since)
        if until:
            query = query.where(documents.c.published <= until)
        with self.read() as conn:
            for row in conn.execute(query).mappings():
                yield _document_from_row(row)

    def search_documents(self, terms: Iterable[str], limit: int = 100) -> list[Document]:
        """Documents whose title or text contains every term (case-insensitive), newest first.

        A plain substring scan that both engines run the same way; it reads every text, which is
        fine for an analyst's store of thousands of articles, not for millions.
        """
        query = sa.select(documents)
        for term in terms:
            query = query.where(sa.or_(documents.c.title.icontains(term, autoescape=True),
                                       documents.c.text.icontains(term, autoescape=True)))
        query = query.order_by(documents.c.published.is_(None), documents.c.published.desc(),
                               documents.c.doc_id).limit(limit)
        with self.read() as conn:
            return [_document_from_row(row) for row in conn.execute(query).mappings()]

    # -- records

    def records(self, collection: str, **filters: Any) -> Iterator[Record]:
        """Records of one type, in a stable order; ``filters`` match indexed columns exactly."""
        if collection == "documents":
            yield from self.documents()
            return
        if collection == "actors":
            yield from self._linked_actors(filters)
            return
        table = RECORD_TABLES[collection]
        cls = RECORD_CLASSES[collection]
        key = LINKED_KEYS.get(collection)
        if key is None:
            yield from self.raw_records(collection, **filters)
            return
        query = (
            sa.select(table.c.data, links.c.data, links.c.canonical_id)
            .select_from(table.outerjoin(links, sa.and_(links.c.collection == collection,
                                                        links.c.record_id == table.c[key])))
            .order_by(*table.primary_key.columns)
        )
        with self.read() as conn:
            for data, linked, canonical in conn.execute(_filtered(query, table, filters)):
                if canonical is not None and linked is None:
                    continue  # merged into its canonical record, which stands for it
                yield cls.from_dict(json.loads(linked or data))

    def record_dicts(self, collection: str) -> Iterator[dict[str, Any]]:
        """``record.to_dict()`` of every record ``records`` gives, in the same order, read straight
        from the stored JSON (for exports)."""
        if collection in ("documents", "actors"):
            for record in self.records(collection):
                yield record.to_dict()
            return
        table = RECORD_TABLES[collection]
        cls = RECORD_CLASSES[collection]
        key = LINKED_KEYS.get(collection)
        if key is None:
            query = sa.select(table.c.data, sa.null(), sa.null())
        else:
            query = sa.select(table.c.data, links.c.data, links.c.canonical_id).select_from(
                table.outerjoin(links, sa.and_(links.c.collection == collection, links.c.record_id == table.c[key])))
        with self.read() as conn:
            rows = conn.execute(query.order_by(*table.primary_key.columns).execution_options(yield_per=2000))
            for data, linked, canonical in rows:
                if canonical is not None and linked is None:
                    continue
                yield cls.plain_from(json.loads(linked or data))

    def document_refs(self) -> dict[str, tuple[str | None, str | None, str | None]]:
        """``doc_id -> (published, url, source)`` of every document, without the texts."""
        with self.read() as conn:
            query = sa.select(documents.c.doc_id, documents.c.published, documents.c.url, documents.c.source)
            return {doc_id: (published, url, source) for doc_id, published, url, source in conn.execute(query)}

    def raw_records(self, collection: str, **filters: Any) -> Iterator[Record]:
        """Records as their own document's extraction wrote them, without the cross-document view."""
        table = RECORD_TABLES[collection]
        cls = RECORD_CLASSES[collection]
        query = sa.select(table.c.data).order_by(*table.primary_key.columns)
        with self.read() as conn:
            for (data,) in conn.execute(_filtered(query, table, filters)):
                yield cls.from_dict(json.loads(data))

    def canonical_records(self, collection: str, record_ids: Iterable[str]) -> dict[str, Record]:
        """For each linked record id, the record that stands for it in the cross-document view.

        That is its own linked record, or the canonical record it was merged into; ids linking has
        not touched are absent.
        """
        cls = RECORD_CLASSES[collection]
        mine, canon = links.alias("mine"), links.alias("canon")
        joined = mine.join(canon, sa.and_(canon.c.collection == mine.c.collection,
                                          canon.c.record_id == mine.c.canonical_id))
        found: dict[str, Record] = {}
        with self.read() as conn:
            for chunk in _chunks(record_ids):
                query = (sa.select(mine.c.record_id, canon.c.data).select_from(joined)
                         .where(mine.c.collection == collection, mine.c.record_id.in_(chunk),
                                canon.c.data.is_not(None)))
                for record_id, data in conn.execute(query):
                    found[record_id] = cls.from_dict(json.loads(data))
        return found

    def actor_names(self) -> Iterator[Actor]:
        """Every merged actor with its name, kind and country only: what a page needs to name them."""
        query = sa.select(actors.c.actor_id, actors.c.name, actors.c.kind, actors.c.country).order_by(actors.c.actor_id)
        with self.read() as conn:
            for actor_id, name, kind, country in conn.execute(query):
                yield Actor(actor_id=actor_id, name=name, kind=kind, country=country)

    def records_per_document(self, collection: str) -> dict[str, int]:
        """How many records of a per-document collection each document has, as extracted."""
        table = RECORD_TABLES[collection]
        query = sa.select(table.c.doc_id, sa.func.count()).group_by(table.c.doc_id)
        with self.read() as conn:
            return dict(conn.execute(query).tuples().all())

    def doc_actor_records(self, actor_ids: Iterable[str]) -> Iterator[Actor]:
        with self.read() as conn:
            for chunk in _chunks(actor_ids):
                query = (
                    sa.select(doc_actors.c.data)
                    .where(doc_actors.c.actor_id.in_(chunk))
                    .order_by(doc_actors.c.actor_id, doc_actors.c.doc_id)
                )
                for (data,) in conn.execute(query):
                    yield Actor.from_dict(json.loads(data))

    def actor_ids_in(self, doc_ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        with self.read() as conn:
            for chunk in _chunks(doc_ids):
                rows = conn.execute(sa.select(doc_actors.c.actor_id).where(doc_actors.c.doc_id.in_(chunk)))
                found.update(r[0] for r in rows)
        return found

    def _linked_actors(self, filters: Mapping[str, Any]) -> Iterator[Actor]:
        """Merged actors with their mentions in every document, by actor id."""
        with self.read() as conn:
            ids = [r[0] for r in conn.execute(_filtered(sa.select(actors.c.actor_id), actors, filters))]
        for chunk in _chunks(ids):
            with self.read() as conn:
                found = {actor_id: Actor.from_dict(json.loads(data)) for actor_id, data in conn.execute(
                    sa.select(actors.c.actor_id, actors.c.data).where(actors.c.actor_id.in_(chunk)))}
                mentions: dict[str, set[Evidence]] = defaultdict(set)
                query = sa.select(doc_actors.c.actor_id, doc_actors.c.data).where(doc_actors.c.actor_id.in_(chunk))
                for actor_id, data in conn.execute(query):
                    mentions[actor_id].update(Evidence(**m) for m in json.loads(data)["mentions"])
            for actor_id in chunk:
                actor = found[actor_id]
                every = mentions[actor_id].union(actor.mentions)
                yield dataclasses.replace(
                    actor, mentions=tuple(sorted(every, key=lambda m: (m.doc_id, m.start, m.end)))
                )

    def doc_actor_rows(self, doc_ids: Iterable[str]) -> Iterator[tuple[str, Actor]]:
        """``(doc_id, actor)`` as each of these documents saw its actors."""
        with self.read() as conn:
            for chunk in _chunks(doc_ids):
                query = sa.select(doc_actors.c.doc_id, doc_actors.c.data).where(doc_actors.c.doc_id.in_(chunk))
                for doc_id, data in conn.execute(query.order_by(doc_actors.c.doc_id, doc_actors.c.actor_id)):
                    yield doc_id, Actor.from_dict(json.loads(data))

    def actor_rows(self, actor_ids: Iterable[str]) -> dict[str, tuple[Actor, str | None, str | None]]:
        """Linked actors (without their mentions) with the documents their kind and country came from."""
        found = {}
        with self.read() as conn:
            for chunk in _chunks(actor_ids):
                query = sa.select(actors.c.actor_id, actors.c.data, actors.c.first_doc, actors.c.country_doc)
                for actor_id, data, first_doc, country_doc in conn.execute(query.where(actors.c.actor_id.in_(chunk))):
                    found[actor_id] = (Actor.from_dict(json.loads(data)), first_doc, country_doc)
        return found

    def put_actors(self, rows: Iterable[tuple[Actor, str | None, str | None]]) -> None:
        """Write linked actors: ``(actor without mentions, first_doc, country_doc)``."""
        values = [{"actor_id": a.actor_id, "name": a.name, "kind": a.kind, "country": a.country,
                   "data": dumps(a.to_dict()), "first_doc": first, "country_doc": country}
                  for a, first, country in rows]
        with self.write(exclusive=True) as conn:
            for chunk in _chunks(v["actor_id"] for v in values):
                conn.execute(actors.delete().where(actors.c.actor_id.in_(chunk)))
            if values:
                conn.execute(actors.insert(), values)

    def upsert_actors(self, merged: Iterable[Actor]) -> None:
        self._replace(actors, [
            {"actor_id": a.actor_id, "name": a.name, "kind": a.kind, "country": a.country,
             "data": dumps(a.to_dict())}
            for a in merged
        ], key=("actor_id",))

    def upsert_dyads(self, rows: Iterable[Dyad], emptied: Iterable[tuple[str, str, str]] = ()) -> None:
        with self.write(exclusive=True) as conn:
            for a, b, period in emptied:
                conn.execute(dyads.delete().where(dyads.c.a == a, dyads.c.b == b, dyads.c.period == period))
            self._replace_in(conn, dyads, [
                {"a": d.a, "b": d.b, "period": d.period, "data": dumps(d.to_dict())} for d in rows
            ], key=("a", "b", "period"))

    def _replace(self, table: sa.Table, rows: list[dict[str, Any]], key: tuple[str, ...]) -> None:
        with self.write(exclusive=True) as conn:
            self._replace_in(conn, table, rows, key)

    @staticmethod
    def _replace_in(conn: Connection, table: sa.Table, rows: list[dict[str, Any]], key: tuple[str, ...]) -> None:
        for row in rows:
            conn.execute(table.delete().where(*(table.c[k] == row[k] for k in key)))
        if rows:
            conn.execute(table.insert(), rows)

    # -- the cross-document view (written by link.py)

    def document_info(self, doc_ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
        """Publication date, outlet and title of each document (of every one when None), without the texts."""
        cols = (documents.c.doc_id, documents.c.published, documents.c.source, documents.c.title)
        found: dict[str, dict[str, Any]] = {}
        with self.read() as conn:
            if doc_ids is None:
                return {row["doc_id"]: dict(row) for row in conn.execute(sa.select(*cols)).mappings()}
            for chunk in _chunks(doc_ids):
                for row in conn.execute(sa.select(*cols).where(documents.c.doc_id.in_(chunk))).mappings():
                    found[row["doc_id"]] = dict(row)
        return found

    def latest_published(self) -> str | None:
        with self.read() as conn:
            return conn.execute(sa.select(sa.func.max(documents.c.published))).scalar_one_or_none()

    def docs_mentioning(self, actor_ids: Iterable[str]) -> set[str]:
        """Documents that mention any of these actors."""
        found: set[str] = set()
        with self.read() as conn:
            for chunk in _chunks(actor_ids):
                rows = conn.execute(sa.select(doc_actors.c.doc_id).where(doc_actors.c.actor_id.in_(chunk)))
                found.update(r[0] for r in rows)
        return found

    def events_between(self, pairs: Iterable[tuple[str, str]]) -> Iterator[Event]:
        """Every event, as extracted, between each pair of states (either direction)."""
        with self.read() as conn:
            for a, b in pairs:
                both = sa.or_(
                    sa.and_(events.c.source_country == a, events.c.target_country == b),
                    sa.and_(events.c.source_country == b, events.c.target_country == a),
                )
                for (data,) in conn.execute(sa.select(events.c.data).where(both).order_by(events.c.event_id)):
                    yield Event.from_dict(json.loads(data))

    def replace_links(self, collection: str, record_ids: Iterable[str],
                      linked: Iterable[tuple[str, str, Record | None]]) -> None:
        """Drop the view of ``record_ids`` and write ``(record_id, canonical_id, record or None)`` rows."""
        rows = [{"collection": collection, "record_id": rid, "canonical_id": canonical,
                 "data": dumps(record.to_dict()) if record is not None else None}
                for rid, canonical, record in linked]
        with self.write(exclusive=True) as conn:
            for chunk in _chunks(record_ids):
                conn.execute(links.delete().where(links.c.collection == collection, links.c.record_id.in_(chunk)))
            if rows:
                conn.execute(links.insert(), rows)

    def put_cues(self, by_doc: Mapping[str, list[dict[str, Any]]]) -> None:
        """Store the cues of several documents, replacing any they had."""
        values = {(doc_id, r["start"], r["kind"], r["key"]): {
            "doc_id": doc_id, "start": r["start"], "kind": r["kind"], "key": r["key"],
            "data": dumps({**r, "doc_id": doc_id})}
            for doc_id, rows in by_doc.items() for r in rows}
        with self.write() as conn:
            for chunk in _chunks(by_doc):
                conn.execute(cues.delete().where(cues.c.doc_id.in_(chunk)))
            if values:
                conn.execute(cues.insert(), list(values.values()))

    def add_cues(self, doc_id: str, rows: Iterable[dict[str, Any]]) -> None:
        """Store a document's cues: dicts with ``start``, ``kind``, ``key`` and any data."""
        values = {(r["start"], r["kind"], r["key"]): {"doc_id": doc_id, "start": r["start"], "kind": r["kind"],
                                                      "key": r["key"], "data": dumps({**r, "doc_id": doc_id})}
                  for r in rows}
        with self.write() as conn:
            conn.execute(cues.delete().where(cues.c.doc_id == doc_id))
            if values:
                conn.execute(cues.insert(), list(values.values()))

    def cues_in(self, doc_ids: Iterable[str], kind: str) -> Iterator[dict[str, Any]]:
        with self.read() as conn:
            for chunk in _chunks(doc_ids):
                query = (sa.select(cues.c.data).where(cues.c.kind == kind, cues.c.doc_id.in_(chunk))
                         .order_by(cues.c.doc_id, cues.c.start, cues.c.key))
                for (data,) in conn.execute(query):
                    yield json.loads(data)

    def doc_actor_data(self, doc_ids: Iterable[str]) -> Iterator[tuple[str, dict[str, Any]]]:
        """Each of these documents' actors: the document's id and the actor's JSON as stored (no records built)."""
        with self.read() as conn:
            for chunk in _chunks(doc_ids):
                query = sa.select(doc_actors.c.doc_id, doc_actors.c.data).where(doc_actors.c.doc_id.in_(chunk))
                for doc_id, data in conn.execute(query.order_by(doc_actors.c.doc_id, doc_actors.c.actor_id)):
                    yield doc_id, json.loads(data)

    def doc_actors_in(self, doc_ids: Iterable[str]) -> Iterator[Actor]:
        """Actors as each of these documents saw them (mentions in that document only)."""
        with self.read() as conn:
            for chunk in _chunks(doc_ids):
                query = sa.select(doc_actors.c.data).where(doc_actors.c.doc_id.in_(chunk))
                for (data,) in conn.execute(query.order_by(doc_actors.c.doc_id, doc_actors.c.actor_id)):
                    yield Actor.from_dict(json.loads(data))

    def replace_disagreements(self, blocks: Iterable[str], rows: Iterable[tuple[str, Disagreement]]) -> None:
        """Drop the disagreements found by these linking units and write ``(block, disagreement)`` rows."""
        values = [{"disagreement_id": d.disagreement_id, "topic": d.topic, "block": block,
                   "data": dumps(d.to_dict())} for block, d in rows]
        with self.write(exclusive=True) as conn:
            for chunk in _chunks(blocks):
                conn.execute(disagreements.delete().where(disagreements.c.block.in_(chunk)))
            ids = [v["disagreement_id"] for v in values]
            if ids:
                conn.execute(disagreements.delete().where(disagreements.c.disagreement_id.in_(ids)))
                conn.execute(disagreements.insert(), values)

    def replace_pair_dyads(self, pairs: Iterable[tuple[str, str]], rows: Iterable[Dyad]) -> None:
        """Replace the whole monthly series of each pair of states."""
        with self.write(exclusive=True) as conn:
            for a, b in pairs:
                conn.execute(dyads.delete().where(dyads.c.a == a, dyads.c.b == b))
            values = [{"a": d.a, "b": d.b, "period": d.period, "data": dumps(d.to_dict())} for d in rows]
            if values:
                conn.execute(dyads.insert(), values)

    # -- blocking keys and event groups (written and read by link.py)

    def put_keys(self, collection: str, record_ids: Iterable[str], rows: Iterable[tuple[Any, ...]]) -> None:
        """Replace the keys of these records with ``(key, record_id, day[, info])`` rows."""
        values = [{"collection": collection, "key": row[0], "record_id": row[1], "day": row[2],
                   "info": row[3] if len(row) > 3 else None} for row in rows]
        with self.write() as conn:
            for chunk in _chunks(record_ids):
                conn.execute(link_keys.delete().where(link_keys.c.collection == collection,
                                                      link_keys.c.record_id.in_(chunk)))
            if values:
                conn.execute(link_keys.insert(), list({(v["key"], v["record_id"]): v for v in values}.values()))

    def keyed(self, collection: str, windows: Iterable[tuple[str, str | None, str | None]]) -> set[str]:
        """Records under each key whose day falls in ``[lo, hi]`` (either end open when None), or that have no day."""
        return {row[1] for row in self.keyed_rows(collection, windows)}

    def keyed_rows(self, collection: str, windows: Iterable[tuple[str, str | None, str | None]]
                   ) -> set[tuple[str, str, str | None, str | None]]:
        """``(key, record_id, day, info)`` of the records ``keyed`` finds."""
        spans: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for key, lo, hi in windows:
            spans[key].append((lo or "", hi or "~"))
        rows = [{"key": key, "lo": lo, "hi": hi} for key, merged in spans.items() for lo, hi in _merge_spans(merged)]
        found: set[tuple[str, str, str | None, str | None]] = set()
        if not rows:
            return found
        c, w = link_keys.c, link_windows.c
        with self.read() as conn:
            # every window in one statement: the windows go to a temporary table joined with the keys
            conn.execute(sa.text(f"CREATE TEMPORARY TABLE IF NOT EXISTS {link_windows.name} "
                                 "(key VARCHAR(200), lo VARCHAR(10), hi VARCHAR(10))"))
            conn.execute(link_windows.delete())
            conn.execute(link_windows.insert(), rows)
            # the windows drive the join, each one a range of the keys' index (SQLite needs CROSS JOIN
            # to keep that order; PostgreSQL needs the temporary table's size)
            join = "CROSS JOIN" if self.is_sqlite else "JOIN"
            if not self.is_sqlite:
                conn.execute(sa.text(f"ANALYZE {link_windows.name}"))
            query = sa.text(f"SELECT k.key, k.record_id, k.day, k.info FROM {link_windows.name} w {join} link_keys k "
                            "ON k.collection = :collection AND k.key = w.key AND k.day >= w.lo AND k.day <= w.hi")
            found.update(tuple(r) for r in conn.execute(query, {"collection": collection}))  # type: ignore[misc]
            undated = sa.select(c.key, c.record_id, c.info).where(c.collection == collection, c.day.is_(None),
                                                                  c.key.in_(sa.select(w.key)))
            found.update((key, record_id, None, info) for key, record_id, info in conn.execute(undated))
            conn.execute(link_windows.delete())
        return found

    def records_by_ids(self, collection: str, ids: Iterable[str]) -> list[Record]:
        """Records as extracted, by their ids, in id order."""
        table = RECORD_TABLES[collection]
        cls = RECORD_CLASSES[collection]
        key = table.c[LINKED_KEYS[collection]]
        found = []
        with self.read() as conn:
            for chunk in _chunks(ids):
                for (data,) in conn.execute(sa.select(table.c.data).where(key.in_(chunk)).order_by(key)):
                    found.append(cls.from_dict(json.loads(data)))
        return found

    def documents_by_ids(self, doc_ids: Iterable[str]) -> list[Document]:
        found = []
        with self.read() as conn:
            for chunk in _chunks(doc_ids):
                query = sa.select(documents).where(documents.c.doc_id.in_(chunk)).order_by(documents.c.doc_id)
                found.extend(_document_from_row(row) for row in conn.execute(query).mappings())
        return found

    def canonical_ids(self, collection: str, record_ids: Iterable[str]) -> dict[str, str]:
        """The canonical record each of these stands with in the linked view (itself when alone)."""
        found = {}
        with self.read() as conn:
            for chunk in _chunks(record_ids):
                query = sa.select(links.c.record_id, links.c.canonical_id).where(
                    links.c.collection == collection, links.c.record_id.in_(chunk))
                found.update(dict(conn.execute(query).all()))
        return found

    def linked_records(self, collection: str, record_ids: Iterable[str]) -> list[Record]:
        """The linked view of these records, where it has one (the merged record a canonical one stands for)."""
        cls = RECORD_CLASSES[collection]
        found = []
        with self.read() as conn:
            for chunk in _chunks(record_ids):
                query = sa.select(links.c.data).where(links.c.collection == collection, links.c.record_id.in_(chunk),
                                                      links.c.data.is_not(None))
                found += [cls.from_dict(json.loads(data)) for (data,) in conn.execute(query)]
        return found

    def linked_with(self, collection: str, canonical_ids: Iterable[str]) -> dict[str, str]:
        """``record_id -> canonical_id`` for every record linked to one of these canonical records."""
        found = {}
        with self.read() as conn:
            for chunk in _chunks(canonical_ids):
                query = sa.select(links.c.record_id, links.c.canonical_id).where(
                    links.c.collection == collection, links.c.canonical_id.in_(chunk))
                found.update(dict(conn.execute(query).all()))
        return found

    def event_group_rows(self, event_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        found = {}
        with self.read() as conn:
            for chunk in _chunks(event_ids):
                query = sa.select(event_groups).where(event_groups.c.event_id.in_(chunk))
                found.update({row["event_id"]: dict(row) for row in conn.execute(query).mappings()})
        return found

    def put_event_groups(self, rows: list[dict[str, Any]]) -> None:
        with self.write() as conn:
            for chunk in _chunks(r["event_id"] for r in rows):
                conn.execute(event_groups.delete().where(event_groups.c.event_id.in_(chunk)))
            if rows:
                conn.execute(event_groups.insert(), rows)

    def grouped_events(self, a: str, b: str, lo: str, hi: str, categories: Iterable[str] | None = None
                       ) -> list[dict[str, Any]]:
        """Canonical reports of the event groups of a pair dated in ``[lo, hi]`` (as strings)."""
        c = event_groups.c
        query = sa.select(event_groups).where(c.a == a, c.b == b, c.group_date >= lo, c.group_date <= hi)
        if categories is not None:
            query = query.where(c.category.in_(sorted(categories)))
        with self.read() as conn:
            return [dict(row) for row in conn.execute(query.order_by(c.event_id)).mappings()]

    def counted_events(
        self, cells: Iterable[tuple[str, str, str]]
    ) -> dict[tuple[str, str, str], list[tuple[str, float]]]:
        """For each ``(a, b, month)``: the canonical reports of the pair's event groups dated in that
        month (to the month or the day), as ``(event_id, score)``."""
        found: dict[tuple[str, str, str], list[tuple[str, float]]] = {cell: [] for cell in cells}
        if not found:
            return found
        with self.read() as conn:
            conn.execute(sa.text(f"CREATE TEMPORARY TABLE IF NOT EXISTS {pair_months.name} "
                                 "(a VARCHAR(3), b VARCHAR(3), month VARCHAR(7))"))
            conn.execute(pair_months.delete())
            conn.execute(pair_months.insert(), [{"a": a, "b": b, "month": m} for a, b, m in found])
            join = "CROSS JOIN" if self.is_sqlite else "JOIN"
            query = sa.text("SELECT m.a, m.b, m.month, g.event_id, g.score "
                            f"FROM {pair_months.name} m {join} event_groups g "
                            "ON g.a = m.a AND g.b = m.b AND g.group_date >= m.month AND g.group_date <= m.month || '~' "
                            "ORDER BY g.event_id")
            for a, b, month, event_id, score in conn.execute(query):
                found[(a, b, month)].append((event_id, score))
            conn.execute(pair_months.delete())
        return found

    def grouped_events_in(self, windows: Iterable[tuple[str, str, str, str]]
                          ) -> dict[tuple[str, str, str, str], list[dict[str, Any]]]:
        """For each ``(a, b, lo, hi)``: the canonical reports of the pair's event groups dated in
        ``[lo, hi]`` (as strings), in event id order; all windows in one statement."""
        found: dict[tuple[str, str, str, str], list[dict[str, Any]]] = {w: [] for w in windows}
        if not found:
            return found
        with self.read() as conn:
            conn.execute(sa.text(f"CREATE TEMPORARY TABLE IF NOT EXISTS {pair_windows.name} "
                                 "(a VARCHAR(3), b VARCHAR(3), lo VARCHAR(12), hi VARCHAR(12))"))
            conn.execute(pair_windows.delete())
            conn.execute(pair_windows.insert(), [{"a": a, "b": b, "lo": lo, "hi": hi} for a, b, lo, hi in found])
            join = "CROSS JOIN" if self.is_sqlite else "JOIN"
            query = sa.text("SELECT w.a, w.b, w.lo, w.hi, g.event_id, g.category, g.canonical_id, g.group_date, "
                            "g.score "
                            f"FROM {pair_windows.name} w {join} event_groups g "
                            "ON g.a = w.a AND g.b = w.b AND g.group_date >= w.lo AND g.group_date <= w.hi "
                            "ORDER BY g.event_id")
            for a, b, lo, hi, event_id, category, canonical_id, group_date, score in conn.execute(query):
                found[(a, b, lo, hi)].append({"event_id": event_id, "a": a, "b": b, "category": category,
                                              "canonical_id": canonical_id, "group_date": group_date, "score": score})
            conn.execute(pair_windows.delete())
        return found

    def dyad_rows(
        self, pairs: Iterable[tuple[str, str]]
    ) -> dict[tuple[str, str], dict[str, tuple[Dyad, float | None]]]:
        """Each pair's monthly rows with the exact sum of each month's scores (None when unknown)."""
        found: dict[tuple[str, str], dict[str, tuple[Dyad, float | None]]] = {pair: {} for pair in pairs}
        with self.read() as conn:
            for chunk in _chunks(f"{a}|{b}" for a, b in found):
                wanted = [tuple(p.split("|")) for p in chunk]
                query = sa.select(dyads.c.a, dyads.c.b, dyads.c.period, dyads.c.data, dyads.c.score_sum).where(
                    sa.tuple_(dyads.c.a, dyads.c.b).in_(wanted))
                for a, b, period, data, total in conn.execute(query):
                    found[(a, b)][period] = (Dyad.from_dict(json.loads(data)), total)
        return found

    def put_dyads(self, rows: Iterable[tuple[Dyad, float]], emptied: Iterable[tuple[str, str, str]] = ()) -> None:
        """Write monthly rows (with their score sums) and drop ``(a, b, month)`` left without events."""
        values = [{"a": d.a, "b": d.b, "period": d.period, "data": dumps(d.to_dict()), "score_sum": total}
                  for d, total in rows]
        gone = [{"a": v["a"], "b": v["b"], "period": v["period"]} for v in values]
        gone += [{"a": a, "b": b, "period": period} for a, b, period in emptied]
        with self.write(exclusive=True) as conn:
            if gone:
                conn.execute(dyads.delete().where(dyads.c.a == sa.bindparam("a"), dyads.c.b == sa.bindparam("b"),
                                                  dyads.c.period == sa.bindparam("period")), gone)
            if values:
                conn.execute(dyads.insert(), values)

    def cue_rows(self, kind: str, record_ids: Iterable[str]) -> list[dict[str, Any]]:
        """Cues by the ids their keys name them with (``doc_id:start``, ``doc_id:start:key`` for keyed kinds)."""
        wanted = set(record_ids)
        found = []
        with self.read() as conn:
            for chunk in _chunks(r.split(":", 1)[0] for r in wanted):
                query = sa.select(cues.c.data).where(cues.c.kind == kind, cues.c.doc_id.in_(chunk))
                for (data,) in conn.execute(query.order_by(cues.c.doc_id, cues.c.start, cues.c.key)):
                    cue = json.loads(data)
                    if cue_id(cue) in wanted:
                        found.append(cue)
        return found

    def cues_with_key(self, kind: str, keys: Iterable[str]) -> Iterator[dict[str, Any]]:
        with self.read() as conn:
            for chunk in _chunks(keys):
                query = (sa.select(cues.c.data).where(cues.c.kind == kind, cues.c.key.in_(chunk))
                         .order_by(cues.c.key, cues.c.doc_id, cues.c.start))
                for (data,) in conn.execute(query):
                    yield json.loads(data)

    def forecasts_due(self, after: str, before: str) -> list[str]:
        """Forecasts of linked documents whose horizon lies in ``[after, before)`` (as strings)."""
        c = forecasts.c
        query = (sa.select(c.forecast_id).join(documents, documents.c.doc_id == c.doc_id)
                 .where(c.resolves_by >= after, c.resolves_by < before, documents.c.linked == 1))
        with self.read() as conn:
            return [r[0] for r in conn.execute(query)]

    def meta(self, key: str) -> str | None:
        with self.read() as conn:
            return conn.execute(sa.select(meta_table.c.value).where(meta_table.c.key == key)).scalar_one_or_none()

    def set_meta(self, key: str, value: str) -> None:
        with self.write() as conn:
            conn.execute(meta_table.delete().where(meta_table.c.key == key))
            conn.execute(meta_table.insert().values(key=key, value=value))

    def counts(self) -> dict[str, int]:
        """Number of stored records of each type."""
        with self.read() as conn:
            result = {"documents": conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one()}
            for name, table in RECORD_TABLES.items():
                result[name] = conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
        return result


#: ids per ``IN (...)`` list, below every driver's parameter limit
IN_CHUNK = 500


def _chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    """Distinct ids, sorted, in lists of at most ``IN_CHUNK``."""
    unique = sorted(set(ids))
    for i in range(0, len(unique), IN_CHUNK):
        yield unique[i : i + IN_CHUNK]


def _merge_spans(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Overlapping ``(lo, hi)`` string intervals merged, so each row is read once."""
    merged: list[tuple[str, str]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def cue_id(cue: Mapping[str, Any]) -> str:
    """How blocking keys name a cue: ``doc_id:start``, with ``:key`` for cues of a keyed kind."""
    base = f"{cue['doc_id']}:{cue['start']}"
    return f"{base}:{cue['key']}" if cue["key"] else base


def _filtered(query: Any, table: sa.Table, filters: Mapping[str, Any]) -> Any:
    """``query`` with ``column == value`` (or ``IN`` for a collection) for each filter."""
    for name, value in filters.items():
        if value is None:
            continue
        column = table.c[name]
        query = query.where(column.in_(list(value)) if isinstance(value, list | tuple | set) else column == value)
    return query


def open_store(db: str | Path = DEFAULT_DB) -> Store:
    """Open (creating or migrating as needed) the store at a path or URL."""
    return Store(db)


def _document_row(doc: Document) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "published": doc.published,
        "published_basis": doc.published_basis,
        "author": doc.author,
        "language": doc.language,
        "text": doc.text,
        "meta": dumps(doc.meta),
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _document_from_row(row: Mapping[str, Any]) -> Document:
    return Document(
        doc_id=row["doc_id"],
        text=row["text"],
        title=row["title"],
        source=row["source"],
        url=row["url"],
        published=row["published"],
        published_basis=row["published_basis"],
        author=row["author"],
        language=row["language"],
        meta=json.loads(row["meta"] or "{}"),
    )


def _record_rows(result: DocResult) -> dict[sa.Table, list[dict[str, Any]]]:
    """The rows of every record table for one document."""
    doc_id = result.document.doc_id
    rows: dict[sa.Table, list[dict[str, Any]]] = {
        timexes: [
            {"doc_id": doc_id, "start": t.start, "end": t.end, "value": t.value, "data": dumps(t.to_dict())}
            for t in result.timexes
        ],
        doc_actors: [
            {"doc_id": doc_id, "actor_id": a.actor_id, "data": dumps(a.to_dict())} for a in result.actors
        ],
        quotes: [
            {"quote_id": q.quote_id, "doc_id": doc_id, "speaker": q.speaker, "said_on": q.said_on,
             "data": dumps(q.to_dict())}
            for q in result.quotes
        ],
        events: [_event_row(e) for e in result.events],
        commitments: [
            {"commitment_id": c.commitment_id, "doc_id": doc_id, "promiser": c.promiser,
             "status": c.status, "data": dumps(c.to_dict())}
            for c in result.commitments
        ],
        forecasts: [
            {"forecast_id": f.forecast_id, "doc_id": doc_id, "author": f.author,
             "resolves_by": f.resolves_by, "data": dumps(f.to_dict())}
            for f in result.forecasts
        ],
    }
    return rows


def _event_row(e: Event) -> dict[str, Any]:
    return {
        "event_id": e.event_id,
        "doc_id": e.doc_id,
        "category": e.category,
        "source": e.source,
        "target": e.target,
        "source_country": e.source_country,
        "target_country": e.target_country,
        "date": e.date,
        "data": dumps(e.to_dict()),
    }


def _short(err: Exception) -> str:
    return str(err).splitlines()[0][:300]
