"""Scale-out: per-document extraction as a Spark job, and loading what it wrote into a store.

``run_spark`` (``detente spark INPUT… --out DIR``):

1. The driver lists the input files (as ``detente ingest`` would, plus ``.parquet``); it never
   reads an article. Local paths are listed with ``ingest.discover``; URIs (``hdfs://``,
   ``s3a://``, ``file://``) by Spark's file source.
2. Executors read them: each file whole through Spark's ``binaryFile`` source and detente's own
   readers (``ingest.read_bytes``); JSON Lines files larger than ``split_jsonl_bytes`` line by line
   across tasks (``textFile``); Parquet rows with the JSON Lines fields through ``spark.read``.
3. Documents with the same text are kept once: the first in the order ``detente ingest`` reads
   the same inputs, so the stored document (origin, title, source) is the one it would store.
4. Each partition loads spaCy once and runs ``extract`` unchanged.
5. One Parquet row per document (its records as JSON) and one per failed input are written
   under ``DIR``, partitioned by ``kind`` (``kind=document/``, ``kind=error/``); see ``SCHEMA``.

``load`` (``detente load DIR``) reads the document rows with pyarrow (no Spark needed), stores
each document with its records in one transaction, skipping stored ones, then links: the store
ends up as ``detente ingest`` of the same inputs would leave it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from .api import IngestReport
from .errors import InputError, UsageError
from .extract import extract
from .gazetteer import gazetteer_from_json
from .ingest import (
    JSONL_FIELDS,
    KNOWN_SUFFIXES,
    Article,
    Overrides,
    _jsonl_article,
    discover,
    format_of,
    json_article,
    read_bytes,
    to_document,
)
from .link import link_pending
from .nlp import BATCH_SIZE, load_nlp
from .records import Actor, Commitment, DocResult, Document, Event, Forecast, Quote, Timex
from .store import Store

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

INSTALL_HINT = "the spark command needs PySpark 4: pip install -e '.[spark]' in the detente checkout"
JAVA_HINT = (
    "the spark command needs a Java 17+ runtime (java on PATH or JAVA_HOME): apt-get install openjdk-17-jre-headless"
)
PARQUET_SUFFIXES = {".parquet"}
SPARK_SUFFIXES = frozenset(KNOWN_SUFFIXES | PARQUET_SUFFIXES)
# JSON Lines files above this size are split by line across tasks instead of read by one task
SPLIT_JSONL_BYTES = 64 * 1024 * 1024
LAYOUT_VERSION = 1
RECORD_COLUMNS: dict[str, type] = {
    "timexes": Timex, "actors": Actor, "quotes": Quote, "events": Event, "commitments": Commitment,
    "forecasts": Forecast,
}  # fmt: skip
# The Parquet columns under DIR (Spark types, partitioned by "kind"); README.md documents them.
SCHEMA_FIELDS: tuple[tuple[str, str], ...] = (
    ("kind", "string"),  # "document" or "error": the partition folder kind=…/
    ("layout", "int"),  # LAYOUT_VERSION
    ("input_index", "int"),  # position of the input among the command's arguments
    ("rank", "int"),  # position of the file among that input's files, in ingest's order
    ("item", "long"),  # position of the article in its file (line, feed entry, Parquet row)
    ("origin", "string"),  # FILE, FILE:LINE or FILE#ENTRY, as ingest names it
    ("doc_id", "string"),
    ("copies", "int"),  # how many inputs carried this same text (1: no duplicate)
    ("message", "string"),  # kind=error: the one-line message "FILE[:LINE]: problem"
    ("warning", "string"),  # an encoding warning about the input, if any
    ("document", "string"),  # Document.to_dict() as JSON (records.md)
    *((name, "string") for name in RECORD_COLUMNS),  # a JSON array of the document's records
)


# where an item comes from: (input argument, file among that input's files, item in the file);
# ordering by it is the order in which ``detente ingest`` reads the same inputs
Position = tuple[int, int, int]


@dataclass(slots=True)
class SparkReport:
    """What one Spark run wrote; ``errors`` and ``warnings`` are complete one-line messages."""

    out: str
    documents: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.errors)

    def summary(self) -> str:
        text = f"{self.documents} written, {self.duplicates} duplicates"
        if self.errors:
            text += f", {self.failed} failed"
        return text


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file the driver found, before any executor reads it."""

    input_index: int
    rank: int
    origin: str  # as ingest spells it: the argument, or the argument joined with the path below it
    location: str  # as Spark reports it: file:/abs/path, hdfs://host/path
    fmt: str | None  # text, html, jsonl, feed, parquet; None: sniffed from the content
    size: int


# ---------------------------------------------------------------- the job


def run_spark(
    paths: Iterable[str],
    out: str | Path,
    *,
    master: str | None = None,
    spark: SparkSession | None = None,
    source: str | None = None,
    published: str | None = None,
    url: str | None = None,
    gazetteer: Iterable[str | Path] = (),
    partitions: int | None = None,
    split_jsonl_bytes: int = SPLIT_JSONL_BYTES,
    overwrite: bool = False,
) -> SparkReport:
    """Extract every article under ``paths`` on Spark and write the records as Parquet under ``out``.

    ``spark`` (or the session already running in this process, as in a notebook) is used and left
    running; otherwise a session is started on ``master`` (default: the ``spark-submit`` master,
    else ``local[*]``) and stopped at the end.
    """
    started = time.perf_counter()
    paths = list(paths)
    if "-" in paths:
        raise UsageError("detente spark reads files and URIs, not standard input (-)")
    extra_gazetteers = _read_gazetteers(gazetteer)
    overrides = Overrides(source=source, published=published, url=url)
    require_spark()
    from pyspark.sql import SparkSession

    running = spark or SparkSession.getActiveSession()
    session = running or start_session(master)
    try:
        rows = _result_rows(session, paths, overrides, extra_gazetteers, partitions, split_jsonl_bytes)
        frame = session.createDataFrame(rows, _spark_schema())
        # Spark checks that ``out`` is new before it runs the job
        frame.write.partitionBy("kind").mode("overwrite" if overwrite else "errorifexists").parquet(str(out))
        report = _written_report(session, str(out))
    except Exception as error:
        if type(error).__name__ == "AnalysisException" and "PATH_ALREADY_EXISTS" in str(error):
            raise UsageError(f"--out {out}: already exists (choose a new folder or --overwrite)") from None
        raise
    finally:
        if running is None:
            session.stop()
    report.seconds = time.perf_counter() - started
    return report


def require_spark() -> None:
    """PySpark importable and a Java runtime present, or a UsageError saying how to get them."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise UsageError(INSTALL_HINT) from None
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        raise UsageError(JAVA_HINT)


def start_session(master: str | None = None, **config: str) -> SparkSession:
    """A Spark session; on a local master the workers run this Python (where detente is installed)."""
    require_spark()
    from pyspark.sql import SparkSession

    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started us and set the master
    if not submitted and (master is None or master.startswith("local")):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # else Spark binds a non-loopback address
    builder = SparkSession.builder.appName("detente")
    if master is not None:
        builder = builder.master(master)
    elif not submitted:
        builder = builder.master("local[*]")
    for key, value in config.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def _read_gazetteers(paths: Iterable[str | Path]) -> tuple[str, ...]:
    """The extra gazetteer files' JSON, read by the driver and shipped to executors with the job."""
    texts = []
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
            json.loads(text)
        except (OSError, ValueError) as error:
            raise UsageError(f"--gazetteer {path}: {getattr(error, 'strerror', None) or error}") from None
        texts.append(text)
    return tuple(texts)


def _spark_schema() -> Any:
    from pyspark.sql.types import IntegerType, LongType, StringType, StructField, StructType

    types = {"string": StringType(), "int": IntegerType(), "long": LongType()}
    return StructType([StructField(name, types[kind], nullable=name not in ("kind", "layout"))
                       for name, kind in SCHEMA_FIELDS])


def _result_rows(
    spark: SparkSession, paths: list[str], overrides: Overrides, extra_gazetteers: tuple[str, ...],
    partitions: int | None, split_jsonl_bytes: int,
) -> Any:
    """The RDD of output rows: every input item read, duplicates dropped, documents extracted."""
    sc = spark.sparkContext
    files, failures = plan_inputs(spark, paths)
    # Spark's file sources skip empty files without a word; ingest's readers name them
    failures += [((f.input_index, f.rank, 0), e) for f in files if f.size == 0 for e in read_bytes(b"", f.origin)]
    files = [f for f in files if f.size > 0]
    whole = [f for f in files if f.fmt != "parquet" and not (f.fmt == "jsonl" and f.size > split_jsonl_bytes)]
    split = [f for f in files if f.fmt == "jsonl" and f.size > split_jsonl_bytes]
    items = [sc.parallelize(failures, 1)]
    if whole:
        items.append(_read_whole_files(spark, whole))
    items += [_read_jsonl_lines(spark, f) for f in split]
    parquet = [f for f in files if f.fmt == "parquet"]
    if parquet:
        items.append(_read_parquet_rows(spark, parquet))
    entries = sc.union(items).map(lambda item: _entry(item, overrides))
    kept = entries.reduceByKey(_first_read, numPartitions=partitions or max(2, sc.defaultParallelism * 2))
    return kept.values().mapPartitions(lambda part: _extract_partition(part, extra_gazetteers))


# ---------------------------------------------------------------- listing inputs (driver)

_URI = re.compile(r"^[A-Za-z][\w+.-]*://")


def plan_inputs(spark: SparkSession, paths: list[str]) -> tuple[list[InputFile], list[tuple[Position, InputError]]]:
    """The files to read, in ingest's order, and the inputs that failed already (missing, empty folder)."""
    files: list[InputFile] = []
    failures: list[tuple[Position, InputError]] = []
    for index, raw in enumerate(paths):
        found = _list_uri(spark, raw, index) if _URI.match(raw) else _list_local(raw, index)
        for rank, item in found:
            if isinstance(item, InputError):
                failures.append(((index, rank, 0), item))
            else:
                files.append(item)
    return files, failures


Listed = Iterator[tuple[int, InputFile | InputError]]


def _list_local(raw: str, index: int) -> Listed:
    for rank, found in enumerate(discover([raw], SPARK_SUFFIXES)):
        if isinstance(found, InputError):
            yield rank, found
            continue
        origin, path = found
        assert path is not None  # discover yields None only for "-", refused above
        try:
            size = path.stat().st_size
        except OSError as error:
            yield rank, InputError(origin, f"cannot read: {error.strerror or error}")
            continue
        yield rank, InputFile(index, rank, origin, "file:" + os.path.abspath(path), _format(path), size)


def _format(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    return format_of(path, "") if suffix in KNOWN_SUFFIXES else None


def _list_uri(spark: SparkSession, raw: str, index: int) -> Listed:
    """Files under a URI, listed by Spark's file source (only names and sizes are read)."""
    try:
        listed = (
            spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(_escape_glob(raw))
            .select("path", "length").collect()
        )
    except Exception as error:
        if type(error).__name__ == "AnalysisException" and "PATH_NOT_FOUND" in str(error):
            yield 0, InputError(raw, "no such file or directory")
            return
        raise
    found = sorted(
        (row.path.split("/"), row.path, row.length)
        for row in listed
        if Path(row.path).suffix.lower() in SPARK_SUFFIXES and not Path(row.path).name.startswith(".")
    )
    if not found:
        yield 0, InputError(raw, "no articles found (looked for .txt, .html, .jsonl, .xml, .parquet)")
    for rank, (_, location, size) in enumerate(found):
        yield rank, InputFile(index, rank, location, location, _format(Path(location)), size)


def _escape_glob(location: str) -> str:
    """Spark expands glob characters in paths; a file name holding them is meant literally."""
    return re.sub(r"([\\*?\[\]{}])", r"\\\1", location)


# ---------------------------------------------------------------- reading (executors)


def _read_whole_files(spark: SparkSession, files: list[InputFile]) -> Any:
    """Each file read whole by one task and parsed by detente's own readers, as ingest does."""
    plan = spark.createDataFrame(
        [(f.location, f.input_index, f.rank, f.origin, f.fmt) for f in files],
        "path string, input_index int, rank int, origin string, fmt string",
    )
    locations = sorted({_escape_glob(f.location) for f in files})
    contents = spark.read.format("binaryFile").load(locations).select("path", "content")
    # a file named twice on the command line is read once and kept at both of its positions
    return contents.join(plan, "path").rdd.flatMap(_file_items)


def _file_items(row: Any) -> Iterator[tuple[Position, Article | InputError]]:
    for item_index, item in enumerate(read_bytes(bytes(row.content), row.origin, row.fmt)):
        yield (row.input_index, row.rank, item_index), item


def _read_jsonl_lines(spark: SparkSession, f: InputFile) -> Any:
    """A big JSON Lines file split by line across tasks; it must be UTF-8 (no legacy fallback)."""
    lines = spark.sparkContext.textFile(_escape_glob(f.location), use_unicode=False).zipWithIndex()
    return lines.flatMap(lambda pair: _jsonl_line_item(pair[0], pair[1], f))


def _jsonl_line_item(raw: bytes, index: int, f: InputFile) -> Iterator[tuple[Position, Article | InputError]]:
    number = index + 1
    position = (f.input_index, f.rank, index)
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        yield position, InputError(f.origin, f"not valid UTF-8 (byte 0x{raw[error.start]:02x})", number)
        return
    if index == 0:
        line = line.lstrip("\ufeff")
    if not line.strip():
        return
    try:
        article = _jsonl_article(line, f.origin, number)
    except InputError as error:
        yield position, error
        return
    yield position, replace(article, meta={**article.meta, "encoding": "utf-8"})


def _read_parquet_rows(spark: SparkSession, files: list[InputFile]) -> Any:
    """Rows of Parquet files with a ``text`` column and the other JSON Lines fields."""
    frame = spark.read.parquet(*sorted({_escape_glob(f.location) for f in files}))
    if "text" not in frame.columns:
        return spark.sparkContext.parallelize(
            [((f.input_index, f.rank, 0), InputError(f.origin, 'Parquet file has no "text" column')) for f in files], 1
        )
    columns = [c for c in JSONL_FIELDS if c in frame.columns]
    by_location = {f.location: (f.input_index, f.rank, f.origin) for f in files}
    frame = frame.select(*columns, "_metadata.file_path", "_metadata.row_index")
    return frame.rdd.map(lambda row: _parquet_item(row, columns, by_location))


def _parquet_item(row: Any, columns: list[str], by_location: dict[str, tuple[int, int, str]]) -> Any:
    input_index, rank, origin = by_location[unquote(row.file_path)]  # the metadata column is URI-encoded
    position = (input_index, rank, row.row_index)
    try:
        article = parquet_article({c: row[c] for c in columns}, origin, row.row_index + 1)
    except InputError as error:
        return position, error
    return position, article


def parquet_article(values: dict[str, Any], origin: str, row: int) -> Article:
    """The article of one Parquet row: the JSON Lines fields, where a date column is an ISO date."""
    values = {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}
    article = json_article(values, origin, row)
    meta = {k: v for k, v in article.meta.items() if k not in ("format", "line")}
    return replace(article, meta={"format": "parquet", "row": row, **meta})


# ---------------------------------------------------------------- one document per text


@dataclass(frozen=True, slots=True)
class Entry:
    """An input item on its way through the job: a document to extract, or an error to report."""

    position: Position
    document: Document | None = None
    error: InputError | None = None
    copies: int = 1


def _entry(item: tuple[Position, Article | InputError], overrides: Overrides) -> tuple[str, Entry]:
    position, found = item
    if isinstance(found, InputError):
        return f"!{position}", Entry(position, error=found)
    document = to_document(found, overrides)
    return document.doc_id, Entry(position, document=document)


def _first_read(a: Entry, b: Entry) -> Entry:
    """Of two inputs with the same text, the one ingest reads first; it counts both."""
    first = a if a.position <= b.position else b
    return Entry(first.position, first.document, first.error, a.copies + b.copies)


# ---------------------------------------------------------------- extraction (executors)


def _extract_partition(entries: Iterable[Entry], extra_gazetteers: tuple[str, ...]) -> Iterator[tuple[Any, ...]]:
    """Output rows of one partition: spaCy is loaded once per worker process, ``extract`` runs unchanged."""
    nlp = load_nlp()
    gazetteer = gazetteer_from_json(extra_gazetteers)
    failed: list[Entry] = []

    def documents() -> Iterator[tuple[str, Entry]]:
        for entry in entries:
            if entry.document is None:
                failed.append(entry)
            else:
                yield entry.document.text, entry

    for sdoc, entry in nlp.pipe(documents(), as_tuples=True, batch_size=BATCH_SIZE):
        yield from map(_error_row, failed)
        failed.clear()
        assert entry.document is not None
        yield _document_row(entry, extract(entry.document, sdoc, gazetteer))
    yield from map(_error_row, failed)


def _document_row(entry: Entry, result: DocResult) -> tuple[Any, ...]:
    document = result.document
    records = [json.dumps([r.to_dict() for r in getattr(result, name)], ensure_ascii=False) for name in RECORD_COLUMNS]
    return ("document", LAYOUT_VERSION, *entry.position, document.meta.get("origin"), document.doc_id, entry.copies,
            None, document.meta.get("encoding_warning"), json.dumps(document.to_dict(), ensure_ascii=False), *records)


def _error_row(entry: Entry) -> tuple[Any, ...]:
    error = entry.error
    assert error is not None
    origin = f"{error.path}:{error.line}" if error.line is not None else error.path
    return ("error", LAYOUT_VERSION, *entry.position, origin, None, entry.copies, str(error), None, None,
            *(None for _ in RECORD_COLUMNS))


def _written_report(spark: SparkSession, out: str) -> SparkReport:
    """Counts, errors and warnings, read back from what was written (the job ran once)."""
    written = spark.read.parquet(out)
    report = SparkReport(out=out)
    from pyspark.sql import functions as F

    for kind, rows, copies in written.groupBy("kind").agg(F.count("*"), F.sum("copies")).collect():
        if kind == "document":
            report.documents, report.duplicates = rows, copies - rows
    notes = written.where("kind = 'error' OR warning IS NOT NULL").select(
        "input_index", "rank", "item", "message", "warning").collect()
    for row in sorted(notes, key=lambda r: (r.input_index, r.rank, r.item)):
        if row.message:
            report.errors.append(row.message)
        if row.warning:
            report.warnings.append(row.warning)
    return report


# ---------------------------------------------------------------- loading into a store


def load(dirs: Iterable[str | Path], store: Store) -> IngestReport:
    """Store the documents and records ``run_spark`` wrote under ``dirs``, then link.

    Each document is stored with its records in one transaction; documents already stored are
    left alone, so loading twice changes nothing.
    """
    started = time.perf_counter()
    report = IngestReport()
    for folder in dirs:
        try:
            for batch in _document_batches(str(folder)):
                _store_batch(batch, str(folder), store, report)
        except InputError as error:
            report.errors.append(str(error))
    link_pending(store)
    report.seconds = time.perf_counter() - started
    return report


LOAD_COLUMNS = ("layout", "origin", "doc_id", "document", *RECORD_COLUMNS)


def _document_batches(folder: str) -> Iterator[list[dict[str, Any]]]:
    import pyarrow.dataset as ds

    if not _URI.match(folder) and not Path(folder).is_dir():
        raise InputError(folder, "no such folder")
    try:
        dataset = ds.dataset(folder, format="parquet", partitioning="hive")
    except (OSError, ValueError) as error:
        raise InputError(folder, f"cannot read Parquet: {error}") from None
    missing = [c for c in ("kind", *LOAD_COLUMNS) if c not in dataset.schema.names]
    if missing:
        raise InputError(folder, f"not written by detente spark (no {', '.join(missing)} column)")
    for batch in dataset.to_batches(columns=list(LOAD_COLUMNS), filter=ds.field("kind") == "document", batch_size=64):
        yield batch.to_pylist()


def _store_batch(rows: list[dict[str, Any]], folder: str, store: Store, report: IngestReport) -> None:
    stored = store.has_documents(row["doc_id"] for row in rows)
    for row in rows:
        if row["doc_id"] in stored:
            report.unchanged += 1
            continue
        try:
            result = result_from_row(row)
        except (ValueError, TypeError, KeyError) as error:
            report.errors.append(str(InputError(folder, f"document {row['doc_id']} ({row['origin']}): {error}")))
            continue
        if store.add_result(result):
            report.new += 1
            report.doc_ids.append(result.document.doc_id)
        else:
            report.unchanged += 1


def result_from_row(row: dict[str, Any]) -> DocResult:
    """The ``DocResult`` of one ``kind=document`` row."""
    if row["layout"] != LAYOUT_VERSION:
        raise ValueError(f"layout {row['layout']}, this detente reads layout {LAYOUT_VERSION}")
    document = Document.from_dict(json.loads(row["document"]))
    if document.doc_id != row["doc_id"]:
        raise ValueError(f"document JSON has doc_id {document.doc_id}")
    records = {name: tuple(cls.from_dict(r) for r in json.loads(row[name])) for name, cls in RECORD_COLUMNS.items()}
    return DocResult(document=document, **records)

