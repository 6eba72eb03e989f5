"""Exports: every file of records.md, valid against the shipped JSON Schemas; TSV; Parquet."""

from __future__ import annotations

import csv
import dataclasses
import json

import pyarrow.parquet as pq
import pytest
from jsonschema import Draft202012Validator

from detente.errors import UsageError
from detente.export import GDELT_COLUMNS, export_records, parse_formats, quad_class, schema_for
from detente.link import link_pending
from detente.records import COLLECTIONS

from .factories import full_result


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def assert_contract_valid(out_dir):
    """Every record file exists and every line validates; evidence offsets point at their text."""
    texts = {d["doc_id"]: d["text"] for d in read_jsonl(out_dir / "documents.jsonl")}
    for collection in COLLECTIONS:
        validator = Draft202012Validator(schema_for(collection))
        for record in read_jsonl(out_dir / f"{collection}.jsonl"):
            errors = sorted(validator.iter_errors(record), key=str)
            assert not errors, f"{collection}: {errors[0].message}"
            for evidence in _evidence_in(record):
                text = texts[evidence["doc_id"]]
                assert text[evidence["start"] : evidence["end"]] == evidence["text"]


def _evidence_in(value):
    if isinstance(value, dict):
        if {"doc_id", "start", "end", "text"} <= set(value):
            yield value
        for inner in value.values():
            yield from _evidence_in(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _evidence_in(inner)


def test_export_empty_store_writes_every_file(store, tmp_path):
    files = export_records(store, tmp_path / "out", ("jsonl",))
    assert sorted(p.name for p in files) == sorted(f"{c}.jsonl" for c in COLLECTIONS)
    assert all(p.read_text() == "" for p in files)


def test_export_records_are_contract_valid(store, tmp_path):
    store.add_result(full_result())
    link_pending(store)
    out = tmp_path / "out"
    export_records(store, out, ("jsonl", "tsv", "parquet"))
    assert_contract_valid(out)
    counts = {c: len(read_jsonl(out / f"{c}.jsonl")) for c in COLLECTIONS}
    assert counts == {"documents": 1, "timexes": 1, "actors": 2, "quotes": 1, "events": 1,
                      "commitments": 1, "forecasts": 1, "disagreements": 0, "dyads": 1}


def test_export_gdelt_tsv_rows(store, tmp_path):
    result = full_result()
    store.add_result(result)
    export_records(store, tmp_path, ("tsv",))
    with (tmp_path / "events.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    assert rows[0] == GDELT_COLUMNS and len(GDELT_COLUMNS) == 58
    row = dict(zip(rows[0], rows[1], strict=True))
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == ("20250303", "202503", "2025")
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor2CountryCode"]) == ("XVL", "XVL", "XKS")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"], row["QuadClass"]) == ("071", "071", "07", "2")
    assert (row["GoldsteinScale"], row["NumArticles"], row["DATEADDED"]) == ("7.4", "1", "20250304")
    assert row["SOURCEURL"] == "https://wire.invalid/1"


def test_export_gdelt_counts_a_report_told_again_in_its_article_as_a_mention_not_an_article(store, tmp_path):
    result = full_result()
    (event,) = result.events
    told = dataclasses.replace(event.evidence, start=event.evidence.end + 1, end=event.evidence.end + 2)
    store.add_result(dataclasses.replace(result, events=(dataclasses.replace(event, also_reported_in=(told,)),)))
    export_records(store, tmp_path, ("tsv",))
    with (tmp_path / "events.tsv").open(encoding="utf-8") as handle:
        header, row = list(csv.reader(handle, delimiter="\t"))[:2]
    cells = dict(zip(header, row, strict=True))
    assert (cells["NumMentions"], cells["NumSources"], cells["NumArticles"]) == ("2", "1", "1")


@pytest.mark.parametrize(("cameo", "quad"), [("010", "1"), ("057", "1"), ("071", "2"), ("112", "3"),
                                             ("138", "3"), ("145", "4"), ("190", "4"), (None, "")])
def test_export_quad_class(cameo, quad):
    assert quad_class(cameo) == quad


def test_export_parquet_matches_jsonl(store, tmp_path):
    store.add_result(full_result())
    link_pending(store)
    export_records(store, tmp_path, ("jsonl", "parquet"))
    for collection in COLLECTIONS:
        table = pq.read_table(tmp_path / f"{collection}.parquet")
        rows = table.to_pylist()
        expected = read_jsonl(tmp_path / f"{collection}.jsonl")
        for row in rows:
            if "meta" in row:
                row["meta"] = json.loads(row["meta"])
        assert rows == expected, collection


def test_export_format_option():
    assert parse_formats("jsonl, tsv,parquet") == ("jsonl", "tsv", "parquet")
    with pytest.raises(UsageError, match="unknown format csv"):
        parse_formats("jsonl,csv")


def test_export_failure_leaves_no_partial_file(store, tmp_path, monkeypatch):
    store.add_result(full_result())
    export_records(store, tmp_path, ("jsonl",))
    before = (tmp_path / "events.jsonl").read_text()

    def broken(*args, **kwargs):
        yield from ()
        raise RuntimeError("disk gone")

    monkeypatch.setattr(store, "records", broken)
    with pytest.raises(RuntimeError):
        export_records(store, tmp_path, ("jsonl",))
    assert (tmp_path / "events.jsonl").read_text() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_gdelt_counts_sources_by_outlet_and_articles_by_document(store, tmp_path):
    # one event told by a second article of the same wire and a third of another outlet: three articles, two sources
    result = full_result()
    (event,) = result.events
    same_wire = full_result("Second story. " + result.document.text)
    other = full_result("Third story. " + result.document.text)
    other = dataclasses.replace(other, document=dataclasses.replace(other.document, source="Other Daily"))
    reports = tuple(dataclasses.replace(event.evidence, doc_id=r.document.doc_id) for r in (same_wire, other))
    store.add_result(dataclasses.replace(result, events=(dataclasses.replace(event, also_reported_in=reports),)))
    store.add_result(dataclasses.replace(same_wire, events=()))
    store.add_result(dataclasses.replace(other, events=()))
    export_records(store, tmp_path, ("tsv",))
    with (tmp_path / "events.tsv").open(encoding="utf-8") as handle:
        header, row = list(csv.reader(handle, delimiter="\t"))[:2]
    cells = dict(zip(header, row, strict=True))
    assert (cells["NumMentions"], cells["NumSources"], cells["NumArticles"]) == ("3", "2", "3")
