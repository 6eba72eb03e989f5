"""The bundled example corpus and the Wikinews articles, end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.api import example_corpus
from detente.cli import app
from detente.store import Store

from .conftest import EXAMPLES, SHARED
from .test_export import assert_contract_valid

# publication date of every example article as its author intended it (examples/STORY.md)
INTENDED = {
    "txt/brask-transit-protocol.txt": "2025-02-21",
    "txt/isel-bridge-shooting.txt": "2025-05-08",
    "txt/renn-remarks-private-opinion.txt": "2025-07-07",
    "txt/hask-neighbourly-excuses.txt": "2025-07-11",
    "txt/harl-pass-fee-increase.txt": "2026-02-11",
    "txt/northern-anvil-pell-trial.txt": "2026-05-22",
    "html/dorrun-ledger-2025-04-15-iron-meadow.html": "2025-04-15",
    "html/vtr-2025-05-13-demmin-halvic-call.html": "2025-05-13",
    "html/dorrun-ledger-2025-06-05-vtr-journalists-detained.html": "2025-06-05",
    "html/velmar-evening-post-2025-12-02-power-line-visas.html": "2025-12-02",
    "html/meridian-centre-2026-03-20-basin-brief.html": "2026-03-20",
}
METADATA_BASIS = {"html": "metadata", "feeds": "metadata", "jsonl": "given"}


def origin_key(origin: str) -> str:
    """``txt/x.txt`` from an origin such as ``/…/examples/jsonl/wire.jsonl:3`` or ``…/feed.xml#2``."""
    path = origin.split("#")[0]
    if ".jsonl:" in path:
        path = path.rsplit(":", 1)[0]
    return str(Path(path).resolve().relative_to(EXAMPLES.resolve()))


def test_examples_corpus_is_found():
    assert example_corpus().resolve() == EXAMPLES.resolve()


def test_examples_demo_ingests_every_format(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["demo", "--export", "out"])
    assert result.exit_code == 0, result.output
    assert "22 new, 0 unchanged" in result.stdout
    assert_contract_valid(tmp_path / "out")
    with Store(tmp_path / "detente-demo.db") as store:
        docs = list(store.documents())
    formats = {d.meta["format"] for d in docs}
    assert formats == {"text", "html", "jsonl", "feed"}
    for doc in docs:
        key = origin_key(doc.meta["origin"])
        folder = key.split("/")[0]
        if folder in METADATA_BASIS and doc.published is not None:
            # a JSON Lines article without a "published" field is dated from its text
            allowed = {METADATA_BASIS[folder], "inferred"} if folder == "jsonl" else {METADATA_BASIS[folder]}
            assert doc.published_basis in allowed, key
        intended = INTENDED.get(key)
        if intended and doc.published:
            # whatever is inferred or read must agree with the author's intended date
            assert intended.startswith(doc.published), (key, doc.published)
        if folder == "txt":
            assert doc.published_basis in (None, "inferred"), key
    authors = {d.author for d in docs if d.author}
    assert {"Sabine Orlow", "Oriel Hask"} <= authors
    assert len({d.source for d in docs if d.source}) >= 5


def test_examples_demo_runs_twice(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        result = CliRunner().invoke(app, ["demo"])
        assert result.exit_code == 0 and "22 new, 0 unchanged" in result.stdout


@pytest.mark.slow
def test_examples_wikinews_all_articles_stored_with_their_dates(tmp_path):
    source = SHARED / "external" / "wikinews" / "wikinews-2019-2020.jsonl"
    db = str(tmp_path / "wn.db")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(source), "--db", db])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "295 new, 0 unchanged\n", "")
    expected = {json.loads(line)["id"]: json.loads(line)["published"] for line in source.read_text().splitlines()}
    with Store(db) as store:
        stored = {d.meta["input_id"]: (d.published, d.published_basis) for d in store.documents()}
    assert stored == {k: (v, "given") for k, v in expected.items()}
    again = runner.invoke(app, ["ingest", str(source), "--db", db])
    assert again.stdout == "0 new, 295 unchanged\n"
    exported = runner.invoke(app, ["export", "--out", str(tmp_path / "out"), "--db", db])
    assert exported.exit_code == 0
    assert_contract_valid(tmp_path / "out")
