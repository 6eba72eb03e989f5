"""The command line: exit codes, exact one-line errors, idempotent ingest, seeds end to end."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.store import Store

from .conftest import SEEDS
from .test_export import assert_contract_valid, read_jsonl
from .test_ingest import ARTICLE_HTML, RSS_FEED


@pytest.fixture
def run(db_url):
    runner = CliRunner()

    def invoke(*args, stdin=None):
        return runner.invoke(app, [*args, "--db", db_url], input=stdin)

    return invoke


@pytest.mark.seed
def test_cli_ingest_seeds_is_idempotent_and_exports_the_contract(run, tmp_path):
    first = run("ingest", str(SEEDS))
    assert (first.exit_code, first.stdout) == (0, "2 new, 0 unchanged\n")
    again = run("ingest", str(SEEDS))
    assert (again.exit_code, again.stdout) == (0, "0 new, 2 unchanged\n")
    exported = run("export", "--out", str(tmp_path / "out"), "--format", "jsonl,tsv,parquet")
    assert exported.exit_code == 0, exported.output
    assert_contract_valid(tmp_path / "out")
    docs = {d["title"]: d for d in read_jsonl(tmp_path / "out" / "documents.jsonl")}
    opinion = docs["When Moscow undermines trust, the CIS loses its meaning Time to draw conclusions"]
    analysis = docs["Overcoming the “Crisis of Emotions” Between Russia and Azerbaijan. CIS Summit in Dushanbe"]
    # only a lower bound: "on or after 9 October 2025" does not date the article
    assert (opinion["published"], opinion["published_basis"], opinion["author"]) == (None, None, None)
    assert opinion["meta"]["published_earliest"] == "2025-10-09"
    assert (analysis["published"], analysis["published_basis"], analysis["author"]) == (
        "2025", "inferred", "Alihüseyin Guluzade")
    assert (analysis["meta"]["published_earliest"], analysis["meta"]["published_latest"]) == (
        "2025-10-10", "2025-12-31")


def test_cli_bad_inputs_are_named_and_the_rest_stored(run, tmp_path, db_url):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Good headline\nA good article body.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (folder / "wire.jsonl").write_text('{"text": "Line one body."}\n{"text": broken}\n{"title": "x"}\n',
                                       encoding="utf-8")
    (folder / "nobody.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (folder / "quiet.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Q</title>'
                                      "</channel></rss>", encoding="utf-8")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    result = run("ingest", str(folder), str(empty_dir), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert result.stdout == "2 new, 0 unchanged, 8 failed\n"
    assert sorted(result.stderr.splitlines()) == sorted([
        f"detente: {folder / 'binary.txt'}: binary file (PNG image), not text",
        f"detente: {folder / 'empty.txt'}: empty file",
        f"detente: {folder / 'nobody.html'}: HTML page has no article text",
        f"detente: {folder / 'quiet.xml'}: feed has no entries",
        f"detente: {folder / 'wire.jsonl'}:2: invalid JSON: Expecting value (column 10)",
        f"detente: {folder / 'wire.jsonl'}:3: no \"text\" field",
        f"detente: {empty_dir}: no articles found (looked for .txt, .html, .jsonl, .xml)",
        f"detente: {tmp_path / 'missing.txt'}: no such file or directory",
    ])
    with Store(db_url) as store:
        assert sorted(d.text for d in store.documents()) == ["A good article body.", "Line one body."]


def test_cli_legacy_encoding_is_reported_and_stored(run, tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Old headline\nCafé talks resumed in Brask.".encode("cp1252"))
    result = run("ingest", str(path))
    assert result.exit_code == 0
    assert result.stderr == f"detente: {path}: not valid UTF-8 (byte 0xe9 at offset 16); decoded as windows-1252\n"
    assert result.stdout == "1 new, 0 unchanged\n"


def test_cli_all_formats_and_overrides(run, tmp_path, db_url):
    (tmp_path / "page.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (tmp_path / "feed.xml").write_text(RSS_FEED, encoding="utf-8")
    assert run("ingest", str(tmp_path)).stdout == "3 new, 0 unchanged\n"
    piped = run("ingest", "-", "--source", "Desk", "--published", "2025-07-01", "--url", "https://d.invalid",
                stdin="Piped headline\nA piped article body.\n")
    assert piped.stdout == "1 new, 0 unchanged\n"
    listed = run("documents", "--json")
    docs = {d["title"]: d for d in map(json.loads, listed.stdout.splitlines())}
    assert set(docs) == {"Harbour talks resume in Velmora", "Border crossing reopens", "Ministers to meet",
                         "Piped headline"}
    piped_doc = docs["Piped headline"]
    assert (piped_doc["source"], piped_doc["published"], piped_doc["published_basis"], piped_doc["url"]) == (
        "Desk", "2025-07-01", "given", "https://d.invalid")
    assert docs["Ministers to meet"]["source"] == "Northern Wire"
    assert (docs["Harbour talks resume in Velmora"]["published_basis"]) == "metadata"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("ingest", "x.txt", "--published", "soon"),
         "detente: --published: not a date: 'soon' (use YYYY-MM-DD, YYYY-MM or YYYY)\n"),
        (("export", "--out", "o", "--format", "csv"),
         "detente: --format: unknown format csv (use jsonl, tsv, parquet)\n"),
    ],
)
def test_cli_usage_errors_exit_2(run, args, message):
    result = run(*args)
    assert (result.exit_code, result.stderr) == (2, message)


def test_cli_unopenable_store_is_one_line(tmp_path):
    result = CliRunner().invoke(app, ["documents", "--db", str(tmp_path / "no" / "such" / "dir" / "x.db")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"detente: {tmp_path / 'no' / 'such' / 'dir' / 'x.db'}: cannot open store:")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.seed
def test_cli_lists_events_commitments_forecasts_with_filters(run):
    assert run("ingest", str(SEEDS)).exit_code == 0
    events = [json.loads(line) for line in run("events", "--pair", "RUS-AZE", "--json").stdout.splitlines()]
    assert events and all({e["source_country"], e["target_country"]} == {"AZE", "RUS"} for e in events)
    assert [e for e in events if e["category"] == "CONSULT" and e["source"] == "person:ilham-aliyev"]
    threats = run("events", "--category", "threaten", "--json").stdout.splitlines()
    assert all(json.loads(line)["category"] == "THREATEN" for line in threats)
    broken = [json.loads(line) for line in run("commitments", "--status", "broken", "--json").stdout.splitlines()]
    assert [(c["promiser"], c["beneficiary"]) for c in broken] == [("RUS", "AZE")] * 3
    due = [
        json.loads(line)
        for line in run("forecasts", "--since", "2025-12", "--until", "2025-12", "--json").stdout.splitlines()
    ]
    assert [f["resolves_by"] for f in due] == ["2025-12-31", "2025-12-31"]
    table = run("commitments", "--pair", "AZE-RUS")
    assert table.exit_code == 0 and "broken" in table.stdout and "promiser" in table.stdout


@pytest.mark.parametrize(("args", "message"), [
    (("events", "--pair", "AZE"), "detente: --pair AZE: expected two different ISO3 codes such as AZE-RUS\n"),
    (("forecasts", "--since", "next week"), "detente: --since next week: expected YYYY, YYYY-MM or YYYY-MM-DD\n"),
])
def test_cli_list_filter_errors_exit_2(run, args, message):
    result = run(*args)
    assert (result.exit_code, result.stderr) == (2, message)
