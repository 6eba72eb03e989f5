"""Per-document extraction: a pure function ``Document x spaCy Doc -> DocResult``.

No store access and no state beyond the loaded pipeline and read-only data files, so the same
function runs in a single process, in worker processes and inside a Spark partition.
Stages run in order; each receives the document (with its publication date settled) and the
parsed text, and returns its records. Later issues add stages to ``STAGES``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..records import DocResult, Document, Timex
from .dates import find_timexes
from .published import infer_published

if TYPE_CHECKING:
    from spacy.tokens import Doc

Stage = Callable[[Document, "Doc", DocResult], DocResult]


def date_stage(document: Document, sdoc: Doc, result: DocResult) -> DocResult:
    """Time expressions, resolved against the (possibly inferred) publication date."""
    timexes = find_timexes(document.doc_id, document.text, document.published)
    return replace(result, timexes=tuple(timexes))


STAGES: list[Stage] = [date_stage]


def settle_published(document: Document, sdoc: Doc) -> Document:
    """Infer the publication date from the text when no input or flag gave one."""
    if document.published is not None:
        return document
    absolute: list[Timex] = find_timexes(document.doc_id, document.text, None)
    inference = infer_published(sdoc, absolute)
    meta = {**document.meta, **inference.as_meta()}
    if inference.value is None:
        return replace(document, meta=meta)
    return replace(document, published=inference.value, published_basis="inferred", meta=meta)


def extract(document: Document, sdoc: Doc) -> DocResult:
    """Every per-document record of one document."""
    document = settle_published(document, sdoc)
    result = DocResult(document=document)
    for stage in STAGES:
        result = stage(document, sdoc, result)
    return result
