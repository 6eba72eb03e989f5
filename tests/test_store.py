"""The store on SQLite and PostgreSQL: round trips, atomic writes, migrations, concurrency, crashes."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from detente.errors import StoreError
from detente.link import link_pending
from detente.records import Quote
from detente.store import SCHEMA_VERSION, Store, database_url

from .factories import TEXT, full_result

DATA = Path(__file__).parent / "data"


def test_store_round_trips_every_record_type(store):
    result = full_result()
    assert store.add_result(result) is True
    assert store.document(result.document.doc_id) == result.document
    assert list(store.records("timexes")) == list(result.timexes)
    assert list(store.records("quotes")) == list(result.quotes)
    assert list(store.records("events")) == list(result.events)
    assert list(store.records("commitments")) == list(result.commitments)
    assert list(store.records("forecasts")) == list(result.forecasts)
    assert list(store.records("events", doc_id=result.document.doc_id)) == list(result.events)


def test_store_add_twice_changes_nothing(store):
    result = full_result()
    assert store.add_result(result) is True
    before = store.counts()
    assert store.add_result(result) is False
    assert store.counts() == before


def test_store_write_is_all_or_nothing(store):
    good = full_result()
    quote = good.quotes[0]
    broken = dataclasses.replace(good, quotes=(quote, Quote(**{**quote.to_dict(), "start": 0, "end": 1, "text": "O"})))
    with pytest.raises(StoreError, match="records could not be stored"):
        store.add_result(broken)
    assert store.counts()["documents"] == 0
    assert store.counts()["timexes"] == 0


def test_store_link_merges_actors_and_builds_dyads(store):
    first = full_result()
    second = full_result(TEXT + " More follows.", published="2025-03-05")
    store.add_result(first)
    store.add_result(second)
    assert link_pending(store) == 2
    actors = {a.actor_id: a for a in store.records("actors")}
    assert set(actors) == {"XVL", "person:anna-brisk"}
    brisk = actors["person:anna-brisk"]
    assert brisk.aliases == ("Anna Brisk", "Brisk")
    assert {m.doc_id for m in brisk.mentions} == {first.document.doc_id, second.document.doc_id}
    # the two documents report one event: the index counts it once, each report names the other
    (dyad,) = store.records("dyads")
    assert (dyad.a, dyad.b, dyad.period, dyad.events, dyad.cooperation, dyad.conflict, dyad.mean_score) == (
        "XKS", "XVL", "2025-03", 1, 1, 0, 7.4)
    first_event, second_event = store.records("events")
    assert [e.doc_id for e in first_event.also_reported_in] == [second_event.doc_id]
    assert [e.doc_id for e in second_event.also_reported_in] == [first_event.doc_id]
    (promise,) = store.records("commitments")
    assert promise.evidence.doc_id == first.document.doc_id
    assert [e.doc_id for e in promise.also_reported_in] == [second.document.doc_id]
    assert link_pending(store) == 0


def _build_v1(db_url: str) -> None:
    engine = sa.create_engine(database_url(db_url))
    script = "\n".join(
        line for line in (DATA / "schema_v1.sql").read_text().splitlines() if not line.startswith("--")
    )
    with engine.begin() as conn:
        for statement in filter(str.strip, script.split(";")):
            conn.exec_driver_sql(statement)
    engine.dispose()


def test_store_opens_and_migrates_a_version_1_store(db_url):
    _build_v1(db_url)
    with Store(db_url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        old = store.document("0123456789abcdef")
        assert old is not None
        assert (old.title, old.author, old.meta, old.published) == ("An old article", None, {}, "2024-05-01")
        assert store.unlinked_doc_ids() == ["0123456789abcdef"]
        assert store.add_result(full_result()) is True
        assert store.counts()["documents"] == 2
    with Store(db_url) as again:  # opening a migrated store changes nothing
        assert again.schema_version() == SCHEMA_VERSION


def test_a_version_4_store_files_undated_events_and_outcome_sentences_for_linking_to_find(db_url):
    keys = [("XKS|XVL|ASSAULT|date", "e-dated", "2025-05-06"), ("XKS|XVL|ASSAULT|published", "e-dated", "2025-05-07"),
            ("XKS|XVL|ASSAULT|published", "e-undated", "2025-06-01"), ("XKS|XVL|ACCUSE|published", "e-other", None)]
    result = full_result()
    doc_id = result.document.doc_id
    sentences = [{"start": 0, "status": "kept", "text": "The lorries were handed back."},
                 {"start": 40, "status": "broken", "text": "Valdoria has breached the accord."}]
    with Store(db_url) as store:
        store.add_result(result)
        with store.write() as conn:
            conn.execute(sa.text("INSERT INTO link_keys (collection, key, record_id, day) "
                                 "VALUES ('events', :k, :r, :d)"),
                         [{"k": k, "r": r, "d": d} for k, r, d in keys])
            for cue in sentences:
                data = {**cue, "doc_id": doc_id, "kind": "status", "key": "", "actors": ["XVL"], "words": ["lorri"]}
                conn.execute(sa.text("INSERT INTO cues (doc_id, start, kind, key, data) "
                                     "VALUES (:d, :s, 'status', '', :j)"),
                             {"d": doc_id, "s": cue["start"], "j": json.dumps(data)})
                conn.execute(sa.text("INSERT INTO link_keys (collection, key, record_id, day, info) "
                                     "VALUES ('status', 'XVL', :r, '2025-06-01', 'lorri')"),
                             {"r": f"{doc_id}:{cue['start']}"})
            conn.execute(sa.text("UPDATE detente_meta SET value = '4' WHERE key = 'schema_version'"))
    with Store(db_url) as store, store.read() as conn:
        assert store.schema_version() == SCHEMA_VERSION
        rows = conn.execute(sa.text("SELECT key, record_id, day FROM link_keys WHERE key LIKE '%|undated' "
                                    "ORDER BY record_id")).all()
        outcome = conn.execute(
            sa.text("SELECT key, record_id, day, info FROM link_keys WHERE collection = 'outcome'")
        ).all()
    assert [tuple(r) for r in rows] == [("XKS|XVL|ACCUSE|undated", "e-other", None),
                                        ("XKS|XVL|ASSAULT|undated", "e-undated", "2025-06-01")]
    # a promise breached is no outcome a forecast can be judged by; a thing handed back is
    assert [tuple(r) for r in outcome] == [("XVL", f"{doc_id}:0", "2025-06-01", "lorri")]


def test_store_refuses_a_newer_schema(db_url):
    with Store(db_url) as store, store.write() as conn:
        conn.execute(sa.text("UPDATE detente_meta SET value = '99' WHERE key = 'schema_version'"))
    with pytest.raises(StoreError, match="schema version 99, newer than this detente"):
        Store(db_url)


def test_store_refuses_a_foreign_database(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE documents (x INTEGER)")
    with pytest.raises(StoreError, match="not a detente store"):
        Store(str(path))


def test_store_database_urls(tmp_path):
    assert database_url(tmp_path / "x.db") == f"sqlite:///{tmp_path / 'x.db'}"
    assert database_url("postgresql://u@h:5/db") == "postgresql+psycopg://u@h:5/db"
    assert database_url("sqlite:///rel.db") == "sqlite:///rel.db"


# ---------------------------------------------------------------- processes


def write_articles(folder: Path, count: int, offset: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(offset, offset + count):
        month = 1 + i % 12
        path = folder / f"article-{i:04d}.txt"
        path.write_text(
            f"Report number {i}\n"
            f"Delegations met on {month} March 2025 in the port city, officials said on {1 + i % 27} "
            f"April 2025. Article {i} adds that talks held in {2000 + i % 20} were different, and the "
            f"next round will take place in May 2026.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def detente_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "detente", *args]


def test_store_two_ingests_at_once_both_finish(db_url, tmp_path):
    first = write_articles(tmp_path / "a", 30)
    second = write_articles(tmp_path / "b", 30, offset=20)  # ten articles overlap
    procs = [
        subprocess.Popen(detente_cmd("ingest", str(folder), "--db", db_url, "--published", "2025-05-01"),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for folder in (first[0].parent, second[0].parent)
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    with Store(db_url) as store:
        assert store.counts()["documents"] == 50
        assert store.unlinked_doc_ids() == []
    news = sum(int(out.split(" new")[0]) for out, _ in outputs)
    assert news == 50


def test_store_survives_sigkill_mid_ingest(db_url, tmp_path):
    folder = tmp_path / "many"
    write_articles(folder, 400)
    proc = subprocess.Popen(detente_cmd("ingest", str(folder), "--db", db_url, "--published", "2025-05-01"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    stored = 0
    while time.monotonic() < deadline and stored < 20:
        time.sleep(0.2)
        try:
            with Store(db_url) as store:
                stored = store.counts()["documents"]
        except StoreError:
            stored = 0
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 20 <= stored < 400, "the ingest finished before it could be killed"
    with Store(db_url) as store:
        if store.is_sqlite:
            with store.read() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        docs = list(store.documents())
        timex_docs = {t.doc_id for t in store.records("timexes")}
        # each article has four dated expressions; a stored document has all of them
        counts = {d.doc_id: 0 for d in docs}
        for t in store.records("timexes"):
            counts[t.doc_id] += 1
        assert set(counts.values()) == {4}
        assert timex_docs == set(counts)
    rerun = subprocess.run(detente_cmd("ingest", str(folder), "--db", db_url, "--published", "2025-05-01"),
                           capture_output=True, text=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.strip() == f"{400 - len(docs)} new, {len(docs)} unchanged"
    with Store(db_url) as store:
        assert store.counts()["documents"] == 400
        assert store.unlinked_doc_ids() == []
