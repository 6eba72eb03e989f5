"""The public library API: exported names, ingest with progress, extraction without a store."""

from __future__ import annotations

import json
import types

import pytest

import detente
from detente import api
from detente.errors import UsageError
from detente.records import COLLECTIONS


def test_api_exports_exactly_what_all_lists():
    public = {
        name for name, value in vars(detente).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert public | {"__version__"} == set(detente.__all__)
    assert callable(detente.export) and callable(detente.ingest)


def test_api_ingest_reports_progress_and_counts(db_url, tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(f"Headline {i}\nTalks number {i} were held on 3 March 2025.",
                                            encoding="utf-8")
    seen: list[int] = []
    with detente.open_store(db_url) as store:
        report = detente.ingest([str(tmp_path)], store, on_progress=seen.append)
        assert (report.new, report.unchanged, report.failed, report.summary()) == (3, 0, 0, "3 new, 0 unchanged")
        assert seen == [3]
        assert len(report.doc_ids) == 3 and report.seconds > 0
        again = detente.ingest([str(tmp_path)], store, on_progress=seen.append)
        assert again.summary() == "0 new, 3 unchanged" and again.doc_ids == []


def test_api_ingest_streams_in_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(api, "CHUNK_SIZE", 2)
    for i in range(5):
        (tmp_path / f"a{i}.txt").write_text(f"Headline {i}\nBody {i}.", encoding="utf-8")
    seen: list[int] = []
    with detente.open_store(tmp_path / "s.db") as store:
        detente.ingest([str(tmp_path)], store, on_progress=seen.append)
    assert seen == [2, 4, 5]


def test_api_extract_text_without_a_store():
    result = detente.extract_text("The summit was held on 10 October 2025.", published="2025-10-12")
    assert result.document.published_basis == "given"
    assert [(t.text, t.value) for t in result.timexes] == [("10 October 2025", "2025-10-10")]


def test_api_ingest_with_two_workers_stores_exactly_what_one_does(tmp_path, monkeypatch, nlp):
    monkeypatch.setattr(api, "CHUNK_SIZE", 3)  # several chunks in flight at once
    corpus = [str(api.example_corpus() / "jsonl"), str(api.example_corpus() / "txt")]
    gazetteer = [api.example_corpus() / "gazetteer.json"]
    snapshots = []
    for workers in (1, 2):
        seen: list[int] = []
        with detente.open_store(tmp_path / f"w{workers}.db") as store:
            report = detente.ingest(
                corpus, store, gazetteer=gazetteer, nlp=nlp, workers=workers, on_progress=seen.append
            )
            assert (report.new, report.failed, seen[-1]) == (13, 0, 13)
            assert seen == sorted(seen) and len(seen) == 5
            snapshots.append({c: [json.dumps(r.to_dict(), sort_keys=True) for r in store.records(c)]
                              for c in ("documents", *COLLECTIONS)})
    assert sum(len(v) for v in snapshots[0].values()) > 300
    assert snapshots[0] == snapshots[1]


def test_api_ingest_refuses_zero_workers(tmp_path):
    with detente.open_store(tmp_path / "s.db") as store, pytest.raises(UsageError, match="--workers 0"):
        detente.ingest([str(tmp_path)], store, workers=0)
