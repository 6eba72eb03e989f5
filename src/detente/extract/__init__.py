"""Per-document extraction: a pure function ``Document x spaCy Doc -> DocResult``.

No store access and no state beyond the loaded pipeline and read-only data (the gazetteer), so
the same function runs in a single process, in worker processes and inside a Spark partition.
Stages run in order; each receives the document (with its publication date settled), the parsed
text, the result so far and a per-document context, and returns the result with its records
added. Later issues add stages to ``STAGES``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..gazetteer import Gazetteer, load_gazetteer
from ..records import Actor, DocResult, Document, Timex
from .actors import Mention, find_actors
from .commitments import find_commitments
from .dates import find_timexes
from .events import find_events
from .forecasts import find_forecasts
from .published import infer_published
from .quotes import find_quotes

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Context:
    """What one document's stages share beyond its records."""

    gazetteer: Gazetteer
    mentions: list[Mention] = field(default_factory=list)
    internal_events: bool = False  # also events inside one state and events with no other side


Stage = Callable[[Document, "Doc", DocResult, Context], DocResult]


def date_stage(document: Document, sdoc: Doc, result: DocResult, ctx: Context) -> DocResult:
    """Time expressions, resolved against the (possibly inferred) publication date."""
    earliest, latest = document.meta.get("published_earliest"), document.meta.get("published_latest")
    window = (earliest, latest) if earliest and latest and latest[:4] >= earliest[:4] else None
    timexes = find_timexes(document.doc_id, document.text, document.published, sdoc, window)
    return replace(result, timexes=tuple(timexes))


def actor_stage(document: Document, sdoc: Doc, result: DocResult, ctx: Context) -> DocResult:
    """People, states, organisations, media, places and groups, resolved to canonical actors."""
    actors, ctx.mentions = find_actors(document, sdoc, ctx.gazetteer)
    return replace(result, actors=tuple(actors))


def quote_stage(document: Document, sdoc: Doc, result: DocResult, ctx: Context) -> DocResult:
    """Direct and reported speech, attributed to the actors found before."""
    return replace(result, quotes=tuple(find_quotes(document, sdoc, ctx.mentions, result.timexes)))


def event_stage(document: Document, sdoc: Doc, result: DocResult, ctx: Context) -> DocResult:
    """Dyadic events coded to CAMEO and PLOVER, with mode, score and date."""
    return replace(result, events=tuple(find_events(document, sdoc, ctx.mentions, result.timexes, result.quotes,
                                                    result.forecasts, result.commitments,
                                                    internal=ctx.internal_events)))


def commitment_stage(document: Document, sdoc: Doc, result: DocResult, ctx: Context) -> DocResult:
    """Promises, pledges and undertakings, with the status this document gives them."""
    found = find_commitments(document, sdoc, ctx.mentions, result.timexes, result.quotes)
    return replace(result, commitments=tuple(found))


def forecast_stage(document: Document, sdoc: Doc, result: DocResult, ctx: Context) -> DocResult:
    """Predictions, with horizon, last day and condition; a byline author who predicts becomes an
    actor of the document even when the text never names them."""
    forecasts = find_forecasts(document, sdoc, ctx.mentions, result.timexes, result.quotes, result.commitments)
    known = {a.actor_id for a in result.actors}
    authors = {f.author for f in forecasts if f.author and f.author not in known and f.author.startswith("person:")}
    extra = tuple(
        Actor(actor_id=a, name=document.author or a, kind="person", roles=("author",)) for a in sorted(authors)
    )
    return replace(result, forecasts=tuple(forecasts), actors=result.actors + extra)


STAGES: list[Stage] = [date_stage, actor_stage, quote_stage, commitment_stage, forecast_stage, event_stage]


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


def extract(document: Document, sdoc: Doc, gazetteer: Gazetteer | None = None, *,
            internal_events: bool = False) -> DocResult:
    """Every per-document record of one document. ``internal_events`` also keeps the events that
    stay inside one state or name no other side (what event-coded corpora such as PLOVER code),
    which the relations between states leave out."""
    document = settle_published(document, sdoc)
    ctx = Context(gazetteer=gazetteer or load_gazetteer(), internal_events=internal_events)
    result = DocResult(document=document)
    for stage in STAGES:
        result = stage(document, sdoc, result, ctx)
    return result
