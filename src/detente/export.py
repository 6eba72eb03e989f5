"""Exports: one JSON Lines file per record type (records.md), GDELT-1.0-style event rows, Parquet.

Every file is written to a temporary name and renamed into place, so an interrupted export
never leaves a truncated file behind. A record type with no records still gets its (empty)
file, so scripts can rely on every file being there.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, NamedTuple

from . import records as rec
from .errors import UsageError
from .records import COLLECTIONS, Document, Event, Record
from .store import Store

FORMATS = ("jsonl", "tsv", "parquet")
# records per Parquet row group
PARQUET_ROWS = 50_000

# GDELT 1.0 event table columns, in order (GDELT 1.0 Event Codebook). detente fills the ones
# it knows and leaves the rest empty; see docs/tsv.md for what each filled column holds.
GDELT_COLUMNS = (  # noqa: SIM905 - the codebook's column names read better as one text
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode "
    "Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode "
    "Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale "
    "NumMentions NumSources NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code "
    "Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code "
    "Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code "
    "ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL"
).split()


def parse_formats(value: str) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        named = ", ".join(unknown) if unknown else repr(value)
        raise UsageError(f"--format: unknown format {named} (use {', '.join(FORMATS)})")
    return formats


@contextmanager
def atomic_file(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path`` and move it into place only when complete."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp's 0600 would hide exports from the user's group
    try:
        with os.fdopen(
            fd, mode, encoding=None if "b" in mode else "utf-8", newline="" if "b" not in mode else None
        ) as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_records(store: Store, out_dir: str | Path, formats: Iterable[str] = ("jsonl",)) -> list[Path]:
    """Write the chosen formats into ``out_dir`` (created when missing); returns the files."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for fmt in formats:
        if fmt == "jsonl":
            written += [_write_jsonl(store, out, c) for c in COLLECTIONS]
        elif fmt == "tsv":
            written.append(_write_gdelt_tsv(store, out))
        elif fmt == "parquet":
            written += [_write_parquet(store, out, c) for c in COLLECTIONS]
        else:
            raise UsageError(f"--format: unknown format {fmt!r}")
    return written


def _write_jsonl(store: Store, out: Path, collection: str) -> Path:
    path = out / f"{collection}.jsonl"
    with atomic_file(path) as handle:
        for row in store.record_dicts(collection):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


# ---------------------------------------------------------------- GDELT-style TSV


def quad_class(cameo: str | None) -> str:
    """CAMEO root code -> GDELT QuadClass (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict)."""
    if not cameo or not cameo[:2].isdigit():
        return ""
    root = int(cameo[:2])
    if root <= 5:
        return "1"
    if root <= 8:
        return "2"
    if root <= 13:
        return "3"
    return "4"


class DocumentRef(NamedTuple):
    """What an event row needs of its document."""

    published: str | None
    url: str | None


def gdelt_row(event: Event, document: Document | DocumentRef | None, event_number: int,
              outlets: Mapping[str, str | None] | None = None) -> list[str]:
    """One GDELT-1.0 event row; ``event_number`` is a stable integer id (GLOBALEVENTID). ``outlets`` (doc_id ->
    source) counts NumSources by outlet; a document of no known outlet is a source of its own."""
    articles = {event.doc_id} | {e.doc_id for e in event.also_reported_in}
    sources = {(outlets or {}).get(doc_id) or f"doc:{doc_id}" for doc_id in articles}
    date = (event.date or "").replace("-", "")
    cameo = event.cameo or ""
    published = (document.published or "") if document else ""
    cells: dict[str, str] = {
        "GLOBALEVENTID": str(event_number),
        "SQLDATE": date if len(date) == 8 else "",
        "MonthYear": date[:6] if len(date) >= 6 else "",
        "Year": date[:4],
        "FractionDate": _fraction_date(event.date),
        "Actor1Code": event.source or "",
        "Actor1CountryCode": event.source_country or "",
        "Actor2Code": event.target or "",
        "Actor2CountryCode": event.target_country or "",
        "IsRootEvent": "1",
        "EventCode": cameo,
        "EventBaseCode": cameo[:3],
        "EventRootCode": cameo[:2],
        "QuadClass": quad_class(cameo),
        "GoldsteinScale": f"{event.score:g}",
        "NumMentions": str(1 + len(event.also_reported_in)),
        "NumSources": str(len(sources)),
        "NumArticles": str(len(articles)),  # its own article telling it again is a mention, not an article
        "DATEADDED": published.replace("-", ""),
        "SOURCEURL": (document.url or f"detente:{event.doc_id}") if document else f"detente:{event.doc_id}",
    }
    return [cells.get(column, "") for column in GDELT_COLUMNS]


def _fraction_date(value: str | None) -> str:
    if not value or len(value) < 4:
        return ""
    year = int(value[:4])
    month = int(value[5:7]) if len(value) >= 7 else 1
    day = int(value[8:10]) if len(value) >= 10 else 1
    return f"{year + ((month - 1) * 30 + day) / 365:.4f}"


def _write_gdelt_tsv(store: Store, out: Path) -> Path:
    path = out / "events.tsv"
    refs = store.document_refs()  # what a row needs of its document: publication and address; outlets to count
    outlets = {doc_id: ref[2] for doc_id, ref in refs.items()}
    with atomic_file(path) as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writerow(GDELT_COLUMNS)
        for number, event in enumerate(store.records("events"), start=1):
            assert isinstance(event, Event)
            ref = refs.get(event.doc_id)
            writer.writerow(gdelt_row(event, DocumentRef(*ref[:2]) if ref else None, number, outlets))
    return path


# ---------------------------------------------------------------- Parquet


def arrow_schema(cls: type[Record]) -> Any:
    """An Arrow schema from a record class: nested evidence as structs, lists as lists."""
    import pyarrow as pa

    return pa.schema([pa.field(name, _arrow_type(hint)) for name, hint in rec.field_types(cls).items()])


def _arrow_type(hint: Any) -> Any:
    import pyarrow as pa

    origin = typing.get_origin(hint)
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return _arrow_type(args[0])
    if origin is typing.Literal:
        return pa.string()
    if origin is tuple:
        return pa.list_(_arrow_type(args[0]))
    if origin is dict or hint is dict:
        return pa.string()  # free-form metadata travels as JSON text
    if isinstance(hint, type) and issubclass(hint, Record):
        return pa.struct([pa.field(name, _arrow_type(inner)) for name, inner in rec.field_types(hint).items()])
    simple = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    if hint in simple:
        return simple[hint]
    # a Literal alias such as Precision, or a union of strings
    return pa.string()


def _write_parquet(store: Store, out: Path, collection: str) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cls = next(t for t in rec.RECORD_TYPES if t.collection == collection)
    schema = arrow_schema(cls)
    path = out / f"{collection}.parquet"
    with atomic_file(path, "wb") as handle, pq.ParquetWriter(handle, schema) as writer:
        rows: list[dict[str, Any]] = []
        for row in store.record_dicts(collection):
            if "meta" in row:
                row["meta"] = json.dumps(row["meta"], ensure_ascii=False)
            rows.append(row)
            if len(rows) == PARQUET_ROWS:  # row groups of bounded size: memory stays flat
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return path


def schema_for(collection: str) -> dict[str, Any]:
    """The shipped JSON Schema of one export file (``detente/schemas/<collection>.schema.json``)."""
    from importlib.resources import files

    text = files("detente").joinpath("schemas", f"{collection}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]
