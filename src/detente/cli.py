"""The ``detente`` command: each command parses its options and calls the library API.

Exit status: 0 on success, 1 when some inputs failed (each named on stderr as
``detente: FILE[:LINE]: problem``), 2 on a usage error.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import api
from .brief import collect_brief, render_html, render_markdown
from .errors import DetenteError, StoreError, UsageError
from .export import parse_formats
from .ingest import parse_date_option
from .records import COLLECTIONS, Record
from .store import DEFAULT_DB, Store, open_store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="detente: who said what, who did what to whom, who promised what — from news articles.",
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str, typer.Option("--db", help="Store: a SQLite file path, sqlite:///… or postgresql://… URL.")
]


def fail(message: str, code: int) -> typer.Exit:
    err.print(f"detente: {message}", markup=False)
    return typer.Exit(code)


@contextmanager
def store_at(db: str) -> Iterator[Store]:
    try:
        store = open_store(db)
    except StoreError as error:
        raise fail(str(error), 1) from None
    with store:
        yield store


@contextmanager
def ingest_progress(enabled: bool) -> Iterator[Any]:
    """A progress bar with documents per second on stderr, when a person is watching."""
    if not enabled:
        yield None
        return
    columns = [
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} docs/s"),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingest", total=None, rate="–")

        def update(done: int) -> None:
            elapsed = progress.tasks[0].elapsed or 0
            rate = f"{done / elapsed:.1f}" if elapsed > 0 else "–"
            progress.update(task, completed=done, rate=rate)

        yield update


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursively) or - for stdin.")],
    db: DbOption = DEFAULT_DB,
    source: Annotated[str | None, typer.Option(help="Outlet name for every input.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY[-MM[-DD]].")] = None,
    url: Annotated[str | None, typer.Option(help="Source URL for every input.")] = None,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bar (default: when stderr is a terminal).")
    ] = None,
    gazetteer: Annotated[
        list[Path] | None,
        typer.Option("--gazetteer", help="Extra actors (JSON, the shape of examples/gazetteer.json); repeatable."),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", help="Processes that parse and extract (one per core is fastest).")
    ] = 1,
) -> None:
    """Read articles (.txt, .html, .jsonl, RSS/Atom), extract their records and store them.

    Example: detente ingest articles/ feed.xml --source "Wire" --workers 2
    """
    try:
        published_date = parse_date_option(published) if published else None
    except UsageError as error:
        raise fail(str(error), 2) from None
    if workers < 1:
        raise fail(f"--workers {workers}: expected 1 or more processes", 2)
    with store_at(db) as store, ingest_progress(err.is_terminal if progress is None else progress) as bar:
        try:
            report = api.ingest(paths, store, source=source, published=published_date, url=url,
                                on_progress=bar, gazetteer=gazetteer or (), workers=workers)
        except UsageError as error:
            raise fail(str(error), 2) from None
        except DetenteError as error:
            raise fail(str(error), 1) from None
    _report_and_exit(report)



def _report_and_exit(report: Any) -> None:
    """Warnings and errors to stderr, one line each, the summary to stdout; exit 1 when any input failed."""
    for message in [*getattr(report, "warnings", ()), *report.errors]:
        err.print(f"detente: {message}", markup=False)
    out.print(report.summary(), markup=False)
    if report.errors:
        raise typer.Exit(1)

@app.command()
def export(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write into (created when missing).")],
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="Comma-separated: jsonl, tsv, parquet.")] = "jsonl",
) -> None:
    """Write the store's records as JSON Lines (records.md), GDELT-style TSV and/or Parquet.

    Example: detente export --out export/ --format jsonl,tsv,parquet
    """
    try:
        formats = parse_formats(format)
    except UsageError as error:
        raise fail(str(error), 2) from None
    with store_at(db) as store:
        files = api.export(store, out_dir, formats)
    out.print(f"{len(files)} files written to {out_dir}", markup=False)


@app.command()
def brief(
    db: DbOption = DEFAULT_DB,
    pair: Annotated[str | None, typer.Option("--pair", help="Two states, e.g. AZE-RUS (default: all).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Period start: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Period end.")] = None,
    format: Annotated[str, typer.Option("--format", help="md or html (one self-contained page).")] = "md",
    out_file: Annotated[Path | None, typer.Option("--out", help="Write here instead of stdout.")] = None,
) -> None:
    """An analyst's brief on one relationship: verdict, trend, events, quotes, promises, forecasts, disputes.

    Example: detente brief --pair AZE-RUS --since 2025-09 --format html --out brief.html
    """
    check_period(since, until)
    if format not in ("md", "html"):
        raise fail(f"--format {format}: expected md or html", 2)
    try:
        with store_at(db) as store:
            collected = collect_brief(store, pair=pair, since=since, until=until)
    except UsageError as error:
        raise fail(str(error), 2) from None
    text = render_html(collected) if format == "html" else render_markdown(collected)
    if out_file is None:
        sys.stdout.write(text)
        return
    out_file.write_text(text, encoding="utf-8")
    out.print(f"brief written to {out_file}", markup=False)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on; beyond loopback a token is required.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token_file: Annotated[
        Path | None,
        typer.Option("--token-file", help="File whose first line is the API token (else DETENTE_API_TOKEN)."),
    ] = None,
    max_upload_mb: Annotated[
        float, typer.Option("--max-upload-mb", min=0.001, help="Largest upload accepted, in MB.")
    ] = 5.0,
    gazetteer: Annotated[
        list[Path] | None, typer.Option("--gazetteer", help="Extra actors for uploaded articles; repeatable.")
    ] = None,
) -> None:
    """The REST API (/api/…, OpenAPI at /openapi.json) and the web UI (/) over the store.

    Example: DETENTE_API_TOKEN=s3cret detente serve --host 0.0.0.0 --port 8080
    """
    import os

    from .web import create_app
    from .web.state import read_token, serving_settings

    try:
        token = read_token(os.environ.get("DETENTE_API_TOKEN"), token_file)
        settings = serving_settings(db, host, token, max_upload_bytes=int(max_upload_mb * 1024 * 1024),
                                    gazetteer=tuple(gazetteer or ()))
    except UsageError as error:
        raise fail(str(error), 2) from None
    try:
        web_app = create_app(settings)
    except StoreError as error:
        raise fail(str(error), 1) from None
    import uvicorn

    err.print(f"detente: serving {db} on http://{host}:{port}/" + (" (token required)" if token else ""), markup=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning", server_header=False)


@app.command()
def demo(
    db: Annotated[str, typer.Option("--db", help="The demo's own store, recreated on every run.")] = "detente-demo.db",
    export_dir: Annotated[Path | None, typer.Option("--export", help="Also export the records here.")] = None,
) -> None:
    """Ingest the bundled fictional example corpus into a fresh store and show what it found."""
    if "://" not in db:
        for suffix in ("", "-wal", "-shm"):
            Path(db + suffix).unlink(missing_ok=True)
    corpus = api.example_corpus()
    with store_at(db) as store:
        if store.counts()["documents"]:
            raise fail(f"{db}: not a fresh store; demo needs an empty one", 2)
        report = api.ingest([str(corpus)], store, gazetteer=[corpus / "gazetteer.json"])
        print_summary(store, report)
        if export_dir is not None:
            api.export(store, export_dir, ("jsonl", "tsv", "parquet"))
            out.print(f"exported to {export_dir}", markup=False)
    if report.errors:
        for message in report.errors:
            err.print(f"detente: {message}", markup=False)
        raise typer.Exit(1)


def print_summary(store: Store, report: api.IngestReport) -> None:
    out.print(f"[bold]detente demo[/bold]: {report.summary()} in {report.seconds:.1f} s")
    out.print("[bold]documents[/bold] (published, basis, source, title)")
    for doc in store.documents():
        source = (doc.source or "—")[:22]
        line = f"  {doc.published or '—':<10}  {doc.published_basis or '—':<8}  {source:<22}  {doc.title or '—'}"
        out.print(line, markup=False, overflow="ellipsis", no_wrap=True)
    counts = store.counts()
    out.print("records: " + ", ".join(f"{name} {counts[name]}" for name in COLLECTIONS))
    actors = sorted(store.records("actors"), key=lambda a: -len(a.mentions))  # type: ignore[attr-defined]
    names = {a.actor_id: a.name for a in actors}  # type: ignore[attr-defined]
    out.print("[bold]most mentioned actors[/bold]")
    for a in actors[:8]:
        out.print(f"  {a.name} ({a.kind}, {a.country or '—'}): {len(a.mentions)} mentions", markup=False)  # type: ignore[attr-defined]
    out.print("[bold]some quotes[/bold]")
    quotes = [q for q in store.records("quotes") if q.kind == "direct" and q.speaker]  # type: ignore[attr-defined]
    for q in quotes[:5]:
        words = q.text if len(q.text) <= 90 else q.text[:87] + "…"  # type: ignore[attr-defined]
        out.print(f"  {names.get(q.speaker, q.speaker)}: “{words}”", markup=False)  # type: ignore[attr-defined]
    events = sorted(store.records("events"), key=lambda e: e.score)  # type: ignore[attr-defined]
    out.print("[bold]the sharpest conflict and the warmest cooperation[/bold]")
    for e in events[:3] + events[-3:]:
        who = f"{names.get(e.source, e.source)} → {names.get(e.target, e.target)}"  # type: ignore[attr-defined]
        out.print(f"  {e.date or '—':<10} {e.category:<9} {e.score:+5.1f}  {who}: {_short(e.evidence.text)}",  # type: ignore[attr-defined]
                  markup=False, overflow="ellipsis", no_wrap=True)
    out.print("[bold]promises and what became of them[/bold]")
    for c in store.records("commitments"):
        if c.status != "open":  # type: ignore[attr-defined]
            out.print(f"  {c.status:<8} {names.get(c.promiser, c.promiser)}: {_short(c.content)}",  # type: ignore[attr-defined]
                      markup=False, overflow="ellipsis", no_wrap=True)
    out.print("[bold]forecasts with a deadline[/bold]")
    for f in sorted((f for f in store.records("forecasts") if f.resolves_by), key=lambda f: f.resolves_by)[:5]:  # type: ignore[attr-defined]
        out.print(f"  by {f.resolves_by}  {names.get(f.author, f.author or 'the author')}: {_short(f.text)}",  # type: ignore[attr-defined]
                  markup=False, overflow="ellipsis", no_wrap=True)


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@app.command(name="spark")
def spark_job(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (recursively) or URIs (hdfs://, s3a://): .txt, .html, .jsonl, .xml, .parquet."
        ),
    ],
    out_dir: Annotated[
        str, typer.Option("--out", help="Folder or URI to write the record Parquet into (must not exist).")
    ],
    master: Annotated[
        str | None,
        typer.Option(
            "--master",
            help="Spark master: local[2], spark://host:7077, yarn… (default: spark-submit's, else local[*]).",
        ),
    ] = None,
    source: Annotated[str | None, typer.Option(help="Outlet name for every input.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY[-MM[-DD]].")] = None,
    url: Annotated[str | None, typer.Option(help="Source URL for every input.")] = None,
    gazetteer: Annotated[
        list[Path] | None,
        typer.Option("--gazetteer", help="Extra actors (JSON, the shape of examples/gazetteer.json); repeatable."),
    ] = None,
    partitions: Annotated[
        int | None, typer.Option("--partitions", min=1, help="Extraction tasks (default: twice the cores).")
    ] = None,
    split_jsonl: Annotated[
        int,
        typer.Option(
            "--split-jsonl",
            min=0,
            help="JSON Lines files above this many MB are split by line across tasks (must be UTF-8).",
        ),
    ] = 64,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace --out if it exists.")] = False,
) -> None:
    """Run per-document extraction as a Spark job; `detente load DIR` brings the result into a store.

    Example: detente spark archive/ wire.jsonl --out records/ --master local[2]
    """
    from . import spark

    try:
        published_date = parse_date_option(published) if published else None
        spark.require_spark()
        report = spark.run_spark(inputs, out_dir, master=master, source=source, published=published_date, url=url,
                                 gazetteer=gazetteer or (), partitions=partitions,
                                 split_jsonl_bytes=split_jsonl * 1024 * 1024, overwrite=overwrite)
    except UsageError as error:
        raise fail(str(error), 2) from None
    _report_and_exit(report)


@app.command()
def load(
    dirs: Annotated[list[str], typer.Argument(help="Folders written by detente spark.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Store the documents and records a `detente spark` run wrote, then link them; loading twice changes nothing.

    Example: detente load records/ --db detente.db
    """
    from . import spark

    with store_at(db) as store:
        try:
            report = spark.load(dirs, store)
        except DetenteError as error:
            raise fail(str(error), 1) from None
    _report_and_exit(report)


def list_command(collection: str) -> None:
    """Register ``detente <collection>``: list records, filtered, as a table or JSON Lines."""

    def command(
        db: DbOption = DEFAULT_DB,
        doc: Annotated[str | None, typer.Option("--doc", help="Only records of this document.")] = None,
        actor: Annotated[
            str | None,
            typer.Option("--actor", help="Only records of this actor id (e.g. XVL, person:aurel-demmin)."),
        ] = None,
        pair: Annotated[
            str | None, typer.Option("--pair", help="Only records between two states, either way round (e.g. AZE-RUS).")
        ] = None,
        since: Annotated[
            str | None,
            typer.Option("--since", help="Only records dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD)."),
        ] = None,
        until: Annotated[str | None, typer.Option("--until", help="Only records dated on or before this.")] = None,
        status: Annotated[
            str | None,
            typer.Option("--status", help="Commitments: open, kept, broken, disputed; forecasts: a verdict."),
        ] = None,
        category: Annotated[
            str | None, typer.Option("--category", help="Events: a PLOVER type (e.g. THREATEN).")
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
        limit: Annotated[int, typer.Option(help="At most this many (0: all).")] = 0,
    ) -> None:
        check_period(since, until)
        try:
            with store_at(db) as store:
                records = list(api.select_records(store, collection, doc=doc, actor=actor, pair=pair, since=since,
                                                  until=until, status=status, category=category))
        except UsageError as err:
            raise fail(str(err), 2) from err
        if limit:
            records = records[:limit]
        if as_json:
            for record in records:
                sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            return
        _print_table(collection, records)

    command.__doc__ = f"List stored {collection} (see records.md)."
    app.command(name=collection)(command)


DATE_PREFIX = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def check_period(since: str | None, until: str | None) -> None:
    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not DATE_PREFIX.fullmatch(value):
            raise fail(f"{name} {value}: expected YYYY, YYYY-MM or YYYY-MM-DD", 2)


TABLE_COLUMNS = {
    "events": ("date", "category", "cameo", "source", "target", "mode", "score", "evidence"),
    "commitments": ("made_on", "promiser", "promiser_person", "beneficiary", "status", "deadline", "content"),
    "forecasts": ("author", "horizon_text", "resolves_by", "conditional", "verdict", "text"),
}


def _print_table(collection: str, records: list[Record]) -> None:
    if not records:
        out.print(f"no {collection}", markup=False)
        return
    width = shutil.get_terminal_size((120, 20)).columns
    rows = [{k: v for k, v in r.to_dict().items() if k not in ("text", "meta", "mentions")} for r in records]
    columns = list(TABLE_COLUMNS.get(collection, rows[0]))
    if collection in ("commitments", "forecasts"):
        rows = [
            {**row, "content": r.to_dict().get("content"), "text": r.to_dict().get("text")}
            for row, r in zip(rows, records, strict=False)
        ]
    table = Table(*columns, width=min(width, 200))
    for row in rows:
        table.add_row(*(_cell(row[c]) for c in columns))
    out.print(table)


def _cell(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        return value.get("text", json.dumps(value, ensure_ascii=False))[:80]
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)[:80]
    return str(value)


for _collection in COLLECTIONS:
    list_command(_collection)


def main() -> None:
    app()
