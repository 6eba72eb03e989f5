"""The library API: what the CLI, the web layer and scripts call.

    >>> import detente
    >>> with detente.open_store("detente.db") as store:
    ...     report = detente.ingest(["articles/"], store)
    ...     detente.export(store, "out/", formats=["jsonl", "tsv"])

The ingest streams: articles are read lazily, new ones are parsed by spaCy in small batches (in
worker processes with ``workers``), the documents of each chunk are stored with their records in
one transaction (each document whole or not at all), then linked across documents.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from .errors import InputError, UsageError
from .export import export_records
from .extract import extract
from .gazetteer import load_gazetteer
from .ingest import Article, Overrides, read_inputs, to_document
from .link import link_pending
from .nlp import load_nlp
from .records import Document, Record
from .store import DEFAULT_DB, LINKED_KEYS, Store, open_store
from .workers import Pending, extractor

# documents read ahead of the parser; bounds memory whatever the size of the input
CHUNK_SIZE = 64


@dataclass(slots=True)
class IngestReport:
    """What one ingest did; ``errors`` and ``warnings`` are complete one-line messages."""

    new: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.errors)

    def summary(self) -> str:
        text = f"{self.new} new, {self.unchanged} unchanged"
        if self.errors:
            text += f", {self.failed} failed"
        return text


ProgressCallback = Callable[[int], None]


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def ingest(
    paths: Iterable[str],
    store: Store,
    *,
    source: str | None = None,
    published: str | None = None,
    url: str | None = None,
    nlp: Any = None,
    stdin: Any = None,
    on_progress: ProgressCallback | None = None,
    gazetteer: Iterable[str | Path] = (),
    workers: int = 1,
) -> IngestReport:
    """Read, extract, store and link every article under ``paths``; bad inputs are reported.

    ``gazetteer`` adds data files (the shape of ``examples/gazetteer.json``) to the shipped one.
    ``workers`` above 1 parses and extracts in that many processes while this one stores and
    links; what is stored is the same for any number of workers.
    """
    return ingest_articles(read_inputs(paths, stdin=stdin), store, source=source, published=published, url=url,
                           nlp=nlp, on_progress=on_progress, gazetteer=gazetteer, workers=workers)


def ingest_articles(
    items: Iterable[Article | InputError],
    store: Store,
    *,
    source: str | None = None,
    published: str | None = None,
    url: str | None = None,
    nlp: Any = None,
    on_progress: ProgressCallback | None = None,
    gazetteer: Iterable[str | Path] = (),
    workers: int = 1,
) -> IngestReport:
    """Extract, store and link articles already read (``ingest.read_upload`` gives them for a body)."""
    if workers < 1:
        raise UsageError(f"--workers {workers}: expected 1 or more processes")
    started = time.perf_counter()
    extra = tuple(str(p) for p in gazetteer)
    load_gazetteer(extra)  # a broken gazetteer file fails here, before any work
    overrides = Overrides(source=source, published=published, url=url)
    report = IngestReport()
    seen: set[str] = set()
    pending: deque[tuple[int, Pending]] = deque()
    done = 0
    with extractor(workers, nlp, extra) as parser:
        for chunk in _chunks(items, CHUNK_SIZE):
            fresh = _new_documents(chunk, overrides, store, seen, report)
            pending.append((len(chunk), parser.submit(fresh)))
            while len(pending) > parser.ahead:
                done += _store_chunk(pending.popleft(), store, report)
                if on_progress:
                    on_progress(done)
        while pending:
            done += _store_chunk(pending.popleft(), store, report)
            if on_progress:
                on_progress(done)
    link_pending(store)
    report.seconds = time.perf_counter() - started
    return report


def _new_documents(
    chunk: list[Article | InputError], overrides: Overrides, store: Store, seen: set[str], report: IngestReport
) -> list[Document]:
    documents = []
    for item in chunk:
        if isinstance(item, InputError):
            report.errors.append(str(item))
            continue
        if "encoding_warning" in item.meta:
            report.warnings.append(item.meta["encoding_warning"])
        documents.append(to_document(item, overrides))
    stored = store.has_documents(d.doc_id for d in documents)
    fresh = []
    for document in documents:
        if document.doc_id in stored or document.doc_id in seen:
            report.unchanged += 1
        else:
            fresh.append(document)
        seen.add(document.doc_id)
    return fresh


def _store_chunk(job: tuple[int, Pending], store: Store, report: IngestReport) -> int:
    """Store the results of one chunk of inputs (one transaction); returns how many inputs it had."""
    size, results = job
    extracted = results()
    for result, added in zip(extracted, store.add_results(extracted), strict=True):
        if added:
            report.new += 1
            report.doc_ids.append(result.document.doc_id)
        else:
            report.unchanged += 1
    return size


def extract_text(
    text: str, *, published: str | None = None, nlp: Any = None, gazetteer: Iterable[str | Path] = (),
    internal_events: bool = False,
) -> Any:
    """Extract the records of one text without storing it (for scripts and tests); ``internal_events``
    as in ``extract``."""
    from .ingest import make_doc_id, normalize_text

    clean = normalize_text(text)
    document = Document(
        doc_id=make_doc_id(clean), text=clean, published=published,
        published_basis="given" if published else None,
    )
    nlp = load_nlp() if nlp is None else nlp
    return extract(document, nlp(clean), load_gazetteer(tuple(str(p) for p in gazetteer)),
                   internal_events=internal_events)


ACTOR_FIELDS = {"actors": ("actor_id",), "quotes": ("speaker",), "events": ("source", "target"),
                "commitments": ("promiser", "beneficiary", "promiser_person"), "forecasts": ("author", "subjects")}
COUNTRY_FIELDS = {"events": ("source_country", "target_country"), "commitments": ("promiser", "beneficiary"),
                  "forecasts": ("subjects",), "dyads": ("a", "b"), "actors": ("country",)}
DATE_FIELD = {"timexes": "value", "quotes": "said_on", "events": "date", "commitments": "made_on",
              "forecasts": "resolves_by", "dyads": "period", "documents": "published"}


def parse_pair(pair: str) -> tuple[str, str]:
    """``AZE-RUS`` -> ("AZE", "RUS"); the order does not matter."""
    parts = [p.strip().upper() for p in pair.replace("/", "-").split("-")]
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts) or parts[0] == parts[1]:
        raise UsageError(f"--pair {pair}: expected two different ISO3 codes such as AZE-RUS")
    return parts[0], parts[1]


def _values(record: Record, fields: tuple[str, ...]) -> set[str]:
    found: set[str] = set()
    for name in fields:
        value = getattr(record, name, None)
        if isinstance(value, tuple | list):
            found.update(str(v) for v in value)
        elif value is not None:
            found.add(str(value))
    return found


def select_records(store: Store, collection: str, *, doc: str | None = None, actor: str | None = None,
                   pair: str | None = None, since: str | None = None, until: str | None = None,
                   status: str | None = None, category: str | None = None) -> Iterator[Record]:
    """Stored records of one collection, filtered as the CLI and the REST API offer.

    ``pair`` keeps records between two states in either direction (an event's source and target
    countries, a promise's promiser and beneficiary, a forecast's subjects, a dyad's a and b);
    ``since``/``until`` compare the record's own date (event date, promise made_on, forecast
    resolves_by, quote said_on) at its precision, so ``--since 2025-10`` keeps "2025-10-09".
    """
    wanted_pair = set(parse_pair(pair)) if pair else None
    if collection == "documents":
        source: Iterator[Record] = iter(store.documents())
    else:
        filters = (
            {"doc_id": doc}
            if doc is not None and collection in ("timexes", "quotes", "events", "commitments", "forecasts")
            else {}
        )
        source = store.records(collection, **filters)
    date_field = DATE_FIELD.get(collection)
    for record in source:
        if doc is not None and collection == "documents" and record.doc_id != doc:  # type: ignore[attr-defined]
            continue
        if doc is not None and collection == "commitments" and record.evidence.doc_id != doc:  # type: ignore[attr-defined]
            continue
        if actor is not None and actor not in _values(record, ACTOR_FIELDS.get(collection, ())):
            continue
        if wanted_pair is not None and not wanted_pair <= _values(record, COUNTRY_FIELDS.get(collection, ())):
            continue
        if status is not None and getattr(record, "status", getattr(record, "verdict", None)) != status:
            continue
        if category is not None and getattr(record, "category", None) != category.upper():
            continue
        if since or until:
            value = getattr(record, date_field, None) if date_field else None
            if (
                value is None
                or (since and value[: len(since)] < since[: len(value)])
                or (until and value[: len(until)] > until[: len(value)])
            ):
                continue
        yield record


#: the fields each collection's lists can be sorted by (``-field`` for descending)
SORT_FIELDS: dict[str, tuple[str, ...]] = {
    "documents": ("published", "title", "source"),
    "actors": ("name", "kind", "country", "mentions"),
    "quotes": ("said_on", "speaker"),
    "events": ("date", "score", "category"),
    "commitments": ("made_on", "deadline", "status"),
    "forecasts": ("resolves_by", "verdict"),
    "disagreements": ("topic", "kind"),
    "dyads": ("period", "events", "mean_score"),
}


def sorted_records(records: Iterable[Record], collection: str, sort: str) -> list[Record]:
    """Records ordered by one field of ``SORT_FIELDS``; ``-field`` descends; unknown values go last."""
    name = sort.removeprefix("-")
    if name not in SORT_FIELDS.get(collection, ()):
        allowed = ", ".join(SORT_FIELDS.get(collection, ())) or "nothing"
        raise UsageError(f"sort {sort}: {collection} sort by {allowed}")

    def value(record: Record) -> Any:
        found = getattr(record, name, None)
        return len(found) if isinstance(found, tuple) else found

    items = list(records)
    known = sorted((r for r in items if value(r) is not None), key=value, reverse=sort.startswith("-"))
    return known + [r for r in items if value(r) is None]


def document_with_records(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One document (records.md shape) with every record extracted from it, as linked; None if unknown.

    A record linking merged into another document's record (one promise reported twice) is
    listed as that canonical record, whose ``also_reported_in`` names this document.
    """
    document = store.document(doc_id)
    if document is None:
        return None
    found: dict[str, Any] = {"document": document.to_dict()}
    found["timexes"] = [t.to_dict() for t in store.raw_records("timexes", doc_id=doc_id)]
    found["actors"] = [a.to_dict() for a in store.doc_actors_in([doc_id])]
    for collection, key in LINKED_KEYS.items():
        raw = list(store.raw_records(collection, doc_id=doc_id))
        canonical = store.canonical_records(collection, [getattr(r, key) for r in raw])
        listed: dict[str, Record] = {}
        for record in raw:
            shown = canonical.get(getattr(record, key), record)
            listed.setdefault(getattr(shown, key), shown)
        found[collection] = [r.to_dict() for r in listed.values()]
    return found


def export(store: Store, out_dir: str | Path, formats: Iterable[str] = ("jsonl",)) -> list[Path]:
    """Write the records of the store (see records.md) into ``out_dir``."""
    return export_records(store, out_dir, formats)


def example_corpus() -> Path:
    """The bundled fictional example corpus (package data when installed, else the checkout's)."""
    packaged = Path(__file__).with_name("examples")
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "examples"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("the example corpus is not installed")


__all__ = [
    "DEFAULT_DB",
    "SORT_FIELDS",
    "IngestReport",
    "document_with_records",
    "example_corpus",
    "export",
    "extract_text",
    "ingest",
    "ingest_articles",
    "open_store",
]
