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
    Forecast,
    Quote,
    Record,
    Timex,
)

SCHEMA_VERSION = 3
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

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("actor_id", sa.String(128), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("country", sa.String(3), index=True),
    _json_col(),
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
    sa.Column("resolves_by", sa.String(10)),
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


#: migrations[n] upgrades a store at version n - 1 to version n
MIGRATIONS: dict[int, Callable[[Connection], None]] = {2: _migrate_1_to_2, 3: _migrate_2_to_3}


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
        with self.read() as conn:
            rows = conn.execute(sa.select(documents.c.doc_id).where(documents.c.linked == 0))
            return sorted(r[0] for r in rows)

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
                         .where(mine.c.collection == collection, mine.c.record_id.in_(chunk), canon.c.data.is_not(None)))
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

    def add_cues(self, doc_id: str, rows: Iterable[dict[str, Any]]) -> None:
        """Store a document's cues: dicts with ``start``, ``kind``, ``key`` and any data."""
        values = {(r["start"], r["kind"], r["key"]): {"doc_id": doc_id, "start": r["start"], "kind": r["kind"],
                                                      "key": r["key"], "data": dumps({**r, "doc_id": doc_id})} for r in rows}
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

    def cues_with_keys(self, kind: str, keys: Iterable[str]) -> Iterator[dict[str, Any]]:
        with self.read() as conn:
            for chunk in _chunks(keys):
                query = (sa.select(cues.c.data).where(cues.c.kind == kind, cues.c.key.in_(chunk))
                         .order_by(cues.c.key, cues.c.doc_id, cues.c.start))
                for (data,) in conn.execute(query):
                    yield json.loads(data)

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
