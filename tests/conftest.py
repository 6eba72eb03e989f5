"""Shared fixtures: the seed articles, the spaCy pipeline, stores on SQLite and PostgreSQL.

PostgreSQL tests run when DETENTE_TEST_PG_URL names a server (``.ci/run`` starts one); each
test gets a database of its own, dropped afterwards. In CI a missing server is an error, not a
skip, so the PostgreSQL half of the suite can never silently vanish.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.nlp import load_nlp
from detente.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = ROOT / "examples"
PG_URL = os.environ.get("DETENTE_TEST_PG_URL")


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def _pg_database() -> Iterator[str]:
    import sqlalchemy as sa

    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI needs DETENTE_TEST_PG_URL (see .ci/run)")
        pytest.skip("no PostgreSQL server (set DETENTE_TEST_PG_URL)")
    name = f"detente_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    base = PG_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> Iterator[str]:
    """A fresh, empty store location on each engine."""
    if request.param == "sqlite":
        yield str(tmp_path / "detente.db")
    else:
        yield from _pg_database()


@pytest.fixture
def store(db_url) -> Iterator[Store]:
    with Store(db_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def example_db(tmp_path_factory, nlp) -> Path:
    """A SQLite store holding the example corpus, ingested once; copy it before changing it."""
    from detente.api import ingest

    path = tmp_path_factory.mktemp("examples") / "examples.db"
    with Store(path) as store:
        report = ingest([str(EXAMPLES)], store, nlp=nlp, gazetteer=[EXAMPLES / "gazetteer.json"])
        assert not report.errors
    return path


def copy_store(source: Path, target: Path) -> Path:
    """A private copy of a closed SQLite store (WAL included)."""
    import shutil

    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{target}{suffix}")
    return target
