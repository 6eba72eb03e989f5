"""``detente spark`` and ``detente load``: a local Spark job gives the store a direct ingest gives.

One Spark session (``local[2]``) serves the module. Without PySpark or Java the tests skip, except
in CI (``CI`` set), where that is a failure: the Spark half of the suite must never silently vanish.
"""

from __future__ import annotations

import os
import sys
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from detente import api
from detente.cli import app
from detente.errors import UsageError
from detente.records import COLLECTIONS
from detente.spark import (
    InputFile,
    _jsonl_line_item,
    load,
    parquet_article,
    require_spark,
    run_spark,
    start_session,
)
from detente.store import Store

from .conftest import EXAMPLES

pytestmark = pytest.mark.spark

GAZETTEER = EXAMPLES / "gazetteer.json"
PER_DOCUMENT = ("timexes", "actors", "quotes", "events", "commitments", "forecasts")


@pytest.fixture(scope="module")
def session():
    try:
        require_spark()
    except UsageError as error:
        if os.environ.get("CI"):
            pytest.fail(f"CI runs the Spark tests (make test installs the spark extra, .ci/run Java): {error}")
        pytest.skip(str(error))
    spark = start_session("local[2]", **{"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false"})
    yield spark
    spark.stop()


# the example corpus, with its JSON Lines file named a second time: duplicates are kept once
INPUTS = [str(EXAMPLES), str(EXAMPLES / "jsonl" / "wire.jsonl")]


@pytest.fixture(scope="module")
def direct(tmp_path_factory, nlp):
    with Store(tmp_path_factory.mktemp("direct") / "detente.db") as store:
        report = api.ingest(INPUTS, store, nlp=nlp, gazetteer=[GAZETTEER])
        yield report, snapshot(store)


@pytest.fixture(scope="module")
def spark_out(session, tmp_path_factory):
    out = tmp_path_factory.mktemp("spark") / "records"
    # split_jsonl_bytes=0: the JSON Lines file is read line by line across tasks, the others whole
    report = run_spark(INPUTS, out, spark=session, gazetteer=[GAZETTEER], split_jsonl_bytes=0, partitions=2)
    return report, out


@pytest.fixture(scope="module")
def loaded(spark_out, tmp_path_factory):
    db = tmp_path_factory.mktemp("loaded") / "detente.db"
    with Store(db) as store:
        report = load([spark_out[1]], store)
        yield report, snapshot(store), db


def snapshot(store: Store) -> dict[str, list[dict]]:
    """Every collection as record dicts: the linked view, and each document's own records."""
    views = {name: [r.to_dict() for r in store.records(name)] for name in COLLECTIONS}
    views |= {f"raw {name}": [r.to_dict() for r in store.raw_records(name)] for name in PER_DOCUMENT}
    return views


def test_spark_report_counts_documents_and_duplicates(direct, spark_out):
    direct_report, _ = direct
    report, _ = spark_out
    assert (report.errors, report.warnings) == ([], [])
    assert report.documents == direct_report.new == 22
    assert report.duplicates == direct_report.unchanged > 0


@pytest.mark.parametrize("view", [*COLLECTIONS, *(f"raw {name}" for name in PER_DOCUMENT)])
def test_spark_records_equal_direct_ingest(direct, loaded, view):
    _, expected = direct
    _, got, _ = loaded
    assert expected[view], f"the example corpus has no {view}: the comparison would prove nothing"
    assert got[view] == expected[view]


def test_spark_load_is_idempotent(spark_out, loaded):
    first, before, db = loaded
    assert (first.new, first.unchanged, first.errors) == (22, 0, [])
    with Store(db) as store:
        again = load([spark_out[1]], store)
        assert (again.new, again.unchanged, again.errors) == (0, 22, [])
        assert snapshot(store) == before


def test_spark_load_stores_nothing_of_a_broken_row(spark_out, tmp_path):
    rows = pq.read_table(spark_out[1] / "kind=document").to_pylist()
    broken = rows[0]["doc_id"]
    rows[0]["events"] = '[{"not_a_field": 1}]'
    (tmp_path / "bad" / "kind=document").mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "bad" / "kind=document" / "part-0.parquet")
    with Store(tmp_path / "detente.db") as store:
        report = load([tmp_path / "bad", tmp_path / "nowhere"], store)
        assert (report.new, report.unchanged) == (21, 0)
        assert report.errors == [
            f"{tmp_path / 'bad'}: document {broken} ({rows[0]['origin']}): Event: unknown fields ['not_a_field']",
            f"{tmp_path / 'nowhere'}: no such folder",
        ]
        assert not store.has_documents([broken])
        assert not list(store.raw_records("timexes", doc_id=broken))


def test_spark_bad_inputs_are_reported_like_ingest(session, nlp, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Good headline\nA good article body.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (folder / "old.txt").write_bytes("Old headline\nCafé talks resumed in Brask.".encode("cp1252"))
    wire = '{"text": "Line one body."}\n{"text": broken}\n{"title": "x"}\n'
    (folder / "wire.jsonl").write_text(wire, encoding="utf-8")
    # above the split size below: read line by line across tasks
    big_lines = ['{"text": "A long wire story from Velmora. ' + "More words. " * 30 + '"}', "", "[1, 2]",
                 '{"text": "Another wire story.", "published": "last week"}']
    (folder / "big.jsonl").write_text("\n".join(big_lines) + "\n", encoding="utf-8")
    (folder / "nobody.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (folder / "quiet.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Q</title>'
                                      "</channel></rss>", encoding="utf-8")
    table = pa.table({"text": ["A parquet article body.", None, "Dated article."],
                      "title": ["Parquet headline", None, None], "published": ["2025-03-01", None, "soon"]})
    pq.write_table(table, folder / "rows.parquet")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    remote = tmp_path / "remote"
    remote.mkdir()
    (remote / "far.txt").write_text("Far headline\nAn article read through a URI.", encoding="utf-8")
    inputs = [str(folder), str(empty_dir), str(tmp_path / "missing.txt")]
    uris = [remote.as_uri(), (tmp_path / "gone").as_uri()]

    report = run_spark([*inputs, *uris], tmp_path / "out", spark=session, split_jsonl_bytes=300, partitions=2)
    with Store(tmp_path / "direct.db") as store:
        expected = api.ingest(inputs, store, nlp=nlp)
        direct_docs = {d.doc_id: d.to_dict() for d in store.documents()}

    parquet = folder / "rows.parquet"
    assert report.warnings == expected.warnings != []
    assert report.errors == [
        *[e for e in expected.errors if e.startswith(str(folder)) and e < str(parquet)],
        f"{parquet}:2: no \"text\" field",
        f"{parquet}:3: \"published\" is not a date: 'soon'",
        *[e for e in expected.errors if not (e.startswith(str(folder)) and e < str(parquet))],
        f"{uris[1]}: no such file or directory",
    ]
    assert f"{folder / 'big.jsonl'}:3: expected a JSON object" in report.errors
    assert report.documents == len(direct_docs) + 2
    with Store(tmp_path / "spark.db") as store:
        assert load([tmp_path / "out"], store).new == report.documents
        docs = {d.doc_id: d.to_dict() for d in store.documents()}
    assert {k: docs[k] for k in direct_docs} == direct_docs
    extra = {d["title"]: d for k, d in docs.items() if k not in direct_docs}
    assert extra.keys() == {"Parquet headline", "Far headline"}
    row = extra["Parquet headline"]
    assert (row["published"], row["published_basis"], row["meta"]["origin"], row["meta"]["format"]) == (
        "2025-03-01", "given", f"{parquet}:1", "parquet")
    assert extra["Far headline"]["meta"]["origin"] == f"file:{remote / 'far.txt'}"


def test_cli_spark_and_load(session, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Harbour headline\nTalks resumed in Velmora on Monday.", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"")
    runner = CliRunner()
    out, db = str(tmp_path / "out"), str(tmp_path / "detente.db")
    result = runner.invoke(app, ["spark", str(tmp_path / "in"), "--out", out, "--source", "Desk", "--partitions", "2"])
    assert (result.exit_code, result.stdout) == (1, "1 written, 0 duplicates, 1 failed\n")
    assert result.stderr == f"detente: {tmp_path / 'in' / 'b.txt'}: empty file\n"
    again = runner.invoke(app, ["spark", str(tmp_path / "in"), "--out", out])
    assert (again.exit_code, again.stderr) == (2, f"detente: --out {out}: already exists (choose a new folder or "
                                                  "--overwrite)\n")
    for expected in ("1 new, 0 unchanged\n", "0 new, 1 unchanged\n"):
        loaded = runner.invoke(app, ["load", out, "--db", db])
        assert (loaded.exit_code, loaded.stdout) == (0, expected)
    with Store(db) as store:
        assert [d.source for d in store.documents()] == ["Desk"]
    stdin = runner.invoke(app, ["spark", "-", "--out", str(tmp_path / "x")])
    assert stdin.exit_code == 2
    assert stdin.stderr == "detente: detente spark reads files and URIs, not standard input (-)\n"


def test_cli_spark_without_pyspark_or_java_says_how_to_install(monkeypatch, tmp_path):
    runner = CliRunner()
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark raises ImportError
    result = runner.invoke(app, ["spark", str(EXAMPLES), "--out", str(tmp_path / "out")])
    assert (result.exit_code, result.stderr) == (2, "detente: the spark command needs PySpark 4: "
                                                    "pip install -e '.[spark]' in the detente checkout\n")
    monkeypatch.delitem(sys.modules, "pyspark")
    if not _has_pyspark():
        return
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    result = runner.invoke(app, ["spark", str(EXAMPLES), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "needs a Java 17+ runtime" in result.stderr
    assert not Path(tmp_path / "out").exists()


def _has_pyspark() -> bool:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return False
    return True


def test_spark_split_jsonl_lines_are_read_like_ingest_and_must_be_utf8():
    big = InputFile(input_index=0, rank=3, origin="big.jsonl", location="file:/in/big.jsonl", fmt="jsonl", size=10**9)
    [(position, article)] = _jsonl_line_item('\ufeff{"text": "Body.", "id": 7}'.encode(), 0, big)
    assert position == (0, 3, 0)
    assert (article.text, article.origin, article.meta) == (
        "Body.", "big.jsonl:1", {"format": "jsonl", "line": 1, "input_id": "7", "encoding": "utf-8"})
    [(_, error)] = _jsonl_line_item('{"text": "Café"}'.encode("cp1252"), 4, big)
    assert str(error) == "big.jsonl:5: not valid UTF-8 (byte 0xe9)"
    assert list(_jsonl_line_item(b"  ", 5, big)) == []


@pytest.mark.parametrize("published", [date(2025, 3, 1), datetime(2025, 3, 1, 9, 30), "2025-03-01"])
def test_spark_parquet_dates_are_read_as_iso(published):
    article = parquet_article({"text": "Body.", "published": published}, "rows.parquet", 2)
    assert (article.published, article.published_basis, article.origin, article.meta) == (
        "2025-03-01", "given", "rows.parquet:2", {"format": "parquet", "row": 2})
