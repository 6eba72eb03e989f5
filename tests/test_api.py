"""The public library API: exported names, ingest with progress, extraction without a store."""

from __future__ import annotations

import types

import detente
from detente import api


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
