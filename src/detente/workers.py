"""Parsing and extraction of documents, in this process or in worker processes.

Extraction is a pure function of a document (``extract.extract``), so it runs anywhere; the
store is written by the calling process only, which keeps a single writer whatever the number
of workers. Each worker loads spaCy and the gazetteer once. With workers, batches are handed
out ahead of the writer and results come back in submission order, so what is stored does not
depend on the number of workers.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

from .extract import extract
from .gazetteer import load_gazetteer
from .nlp import BATCH_SIZE, load_nlp
from .records import DocResult, Document

Pending = Callable[[], list[DocResult]]


def extract_batch(documents: Sequence[Document], nlp: Any, gazetteer: tuple[str, ...]) -> list[DocResult]:
    """Parse a batch of documents with one ``nlp.pipe`` call and extract the records of each."""
    gaz = load_gazetteer(gazetteer)
    parsed = nlp.pipe((d.text for d in documents), batch_size=BATCH_SIZE)
    return [extract(document, sdoc, gaz) for document, sdoc in zip(documents, parsed, strict=True)]


class InProcess:
    """Parse and extract here, when the results are asked for."""

    ahead = 0

    def __init__(self, nlp: Any, gazetteer: tuple[str, ...]) -> None:
        self.nlp = nlp
        self.gazetteer = gazetteer

    def submit(self, documents: list[Document]) -> Pending:
        def results() -> list[DocResult]:
            if not documents:
                return []
            if self.nlp is None:
                self.nlp = load_nlp()
            return extract_batch(documents, self.nlp, self.gazetteer)

        return results


# what a worker process keeps between batches
_worker: dict[str, Any] = {}


def _start_worker(nlp: Any, gazetteer: tuple[str, ...]) -> None:
    _worker["nlp"] = load_nlp() if nlp is None else nlp
    _worker["gazetteer"] = gazetteer
    load_gazetteer(gazetteer)


def _work(documents: list[Document]) -> list[DocResult]:
    return extract_batch(documents, _worker["nlp"], _worker["gazetteer"])


class Pool:
    """Parse and extract in ``workers`` processes, ``BATCH_SIZE`` documents per task."""

    # chunks handed out beyond the one being stored: enough to keep every worker busy while
    # the writer stores and links, few enough that memory stays bounded
    ahead = 2

    def __init__(self, workers: int, nlp: Any, gazetteer: tuple[str, ...]) -> None:
        methods = multiprocessing.get_all_start_methods()
        # forked workers share the parent's loaded pipeline (as spaCy's own n_process does)
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.executor = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                                            initargs=(nlp, gazetteer))

    def submit(self, documents: list[Document]) -> Pending:
        futures: list[Future[list[DocResult]]] = [
            self.executor.submit(_work, documents[i : i + BATCH_SIZE]) for i in range(0, len(documents), BATCH_SIZE)
        ]

        def results() -> list[DocResult]:
            return [result for future in futures for result in future.result()]

        return results

    def close(self, cancel: bool) -> None:
        self.executor.shutdown(wait=True, cancel_futures=cancel)


@contextmanager
def extractor(workers: int, nlp: Any, gazetteer: tuple[str, ...]) -> Iterator[InProcess | Pool]:
    """``InProcess`` for one worker, else a ``Pool`` of worker processes, shut down on exit."""
    if workers <= 1:
        yield InProcess(nlp, gazetteer)
        return
    pool = Pool(workers, nlp, gazetteer)
    try:
        yield pool
    except BaseException:
        pool.close(cancel=True)
        raise
    pool.close(cancel=False)
