"""The REST API under ``/api``: record lists, one document with its records, article upload.

Every handler turns HTTP parameters into a call of the library API (``detente.api``) and its
answer into JSON of the export contract (records.md). Lists answer
``{"items": [...], "total": N, "next": URL | null}``; errors answer ``{"error", "status"}``.
"""


from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from .. import api
from ..errors import InputError, UsageError
from ..ingest import UPLOAD_FORMATS, Article, iso_date, make_doc_id, parse_date_option, read_upload
from ..records import Record
from .openapi import (
    RECORD_COMPONENTS,
    document_with_records_schema,
    error_responses,
    json_response,
    list_schema,
    ref,
)
from .state import WebState

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DOC_ID_PATTERN = r"^[0-9a-f]{16}$"  # ingest.make_doc_id
PAIR_PATTERN = r"^[A-Za-z]{3}[-/][A-Za-z]{3}$"
STATUSES = ("open", "kept", "broken", "disputed", "confirmed", "contradicted", "unresolved")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MAX_PAGE = 500

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Records per page.")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Records to skip.")]
Since = Annotated[str | None, Query(pattern=DATE_PATTERN, description="Dated on or after (YYYY[-MM[-DD]]).")]
Until = Annotated[str | None, Query(pattern=DATE_PATTERN, description="Dated on or before (YYYY[-MM[-DD]]).")]

#: the list endpoints besides documents, with what each one's records are
LISTED = {
    "actors": "Actors merged across documents: names, aliases, roles, mentions.",
    "quotes": "Quotes attributed to their speakers.",
    "events": "Dyadic events coded to PLOVER/CAMEO with mode and score.",
    "commitments": "Promises with their status judged from every document.",
    "forecasts": "Predictions with horizon and verdict.",
    "disagreements": "Facts that sources report differently.",
    "dyads": "Per pair of states per month: events, cooperation, conflict, trend.",
}


def page(request: Request, records: list[Record], limit: int, offset: int, shape: Any = None) -> dict[str, Any]:
    """One page of records in the list shape, with the URL of the next page."""
    chosen = records[offset : offset + limit]
    following = None
    if offset + limit < len(records):
        following = str(request.url.include_query_params(offset=offset + limit, limit=limit))
        following = following[len(str(request.base_url)) - 1 :]  # a path, valid behind any proxy
    to_json = shape or (lambda r: r.to_dict())
    return {"items": [to_json(r) for r in chosen], "total": len(records), "next": following}


def bad_request(error: UsageError) -> HTTPException:
    return HTTPException(status_code=400, detail=str(error).removeprefix("--"))


def check_dates(**values: str | None) -> None:
    """400 for a date the pattern lets through but the calendar has not (``2025-13``)."""
    for name, value in values.items():
        if value is not None and iso_date(value) != value:
            raise HTTPException(status_code=400, detail=f"{name} {value}: not a calendar date (YYYY[-MM[-DD]])")


def build_router(state: WebState) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["records"])

    @router.get("/documents", responses={200: json_response(list_schema("DocumentSummary"), "Stored documents"),
                                         **error_responses(400, 401, 422)})
    def list_documents(
        request: Request,
        since: Since = None,
        until: Until = None,
        source: Annotated[str | None, Query(max_length=500, description="Only this outlet.")] = None,
        text: Annotated[bool, Query(description="Include each document's text.")] = False,
        sort: Annotated[str | None, Query(pattern=sort_pattern("documents"))] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> JSONResponse:
        """Stored documents, oldest publication first (undated last)."""
        check_dates(since=since, until=until)
        records: list[Record] = [
            d for d in api.select_records(state.store, "documents", since=since, until=until)
            if source is None or d.source == source  # type: ignore[attr-defined]
        ]
        if sort:
            records = api.sorted_records(records, "documents", sort)

        def shape(d: Record) -> dict[str, Any]:
            found = d.to_dict()
            if not text:
                found.pop("text")
            return found

        return JSONResponse(page(request, records, limit, offset, shape))

    @router.get("/documents/{doc_id}", responses={200: json_response(document_with_records_schema(),
                                                                      "The document and its records"),
                                                  **error_responses(401, 404, 422)})
    def document(doc_id: Annotated[str, Path(pattern=DOC_ID_PATTERN)]) -> JSONResponse:
        """One document with every record extracted from it, as linked across documents."""
        found = api.document_with_records(state.store, doc_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no document {doc_id}")
        return JSONResponse(found)

    @router.post("/documents", status_code=201, openapi_extra={"requestBody": upload_body()},
                 responses={200: json_response(ingested_schema(), "Every article was stored already"),
                            201: json_response(ingested_schema(), "New documents stored"),
                            **error_responses(400, 401, 413, 415, 422)})
    async def post_documents(
        request: Request,
        source: Annotated[str | None, Query(max_length=500, description="Outlet name for every article.")] = None,
        published: Annotated[str | None, Query(pattern=DATE_PATTERN, description="Publication date.")] = None,
        url: Annotated[str | None, Query(max_length=2000, description="Source URL for every article.")] = None,
    ) -> JSONResponse:
        """Ingest the articles of the body: JSON, plain text, HTML, JSON Lines or a feed.

        Nothing is stored unless every article of the body can be read.
        """
        media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type not in UPLOAD_FORMATS:
            raise HTTPException(status_code=415, detail=f"content type {media_type or 'missing'}: send one of "
                                                        + ", ".join(UPLOAD_FORMATS))
        body = await read_limited(request, state.max_upload_bytes)
        try:
            day = parse_date_option(published) if published else None
        except UsageError as error:
            raise bad_request(error) from None
        items = read_upload(body, media_type, "upload")
        errors = [str(i) for i in items if isinstance(i, InputError)]
        if errors:
            return JSONResponse({"error": "; ".join(errors), "status": 422, "errors": errors}, status_code=422)
        report = await run_in_threadpool(state.ingest, items, source, day, url)
        new = [api.document_with_records(state.store, doc_id) for doc_id in report.doc_ids]
        every = list(dict.fromkeys(make_doc_id(i.text) for i in items if isinstance(i, Article)))
        answer = {"doc_ids": every, "new": report.doc_ids, "warnings": report.warnings,
                  "documents": new}
        return JSONResponse(answer, status_code=201 if report.doc_ids else 200)

    for collection, description in LISTED.items():
        list_route(router, state, collection, description)

    @router.get("/actors/{actor_id}", responses={200: json_response(ref("Actor"), "The actor"),
                                                 **error_responses(401, 404, 422)})
    def actor(actor_id: Annotated[str, Path(max_length=200)]) -> JSONResponse:
        """One actor merged across documents."""
        found = next(iter(state.store.records("actors", actor_id=actor_id)), None)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no actor {actor_id}")
        return JSONResponse(found.to_dict())

    return router


def list_route(router: APIRouter, state: WebState, collection: str, description: str) -> None:
    """Register ``GET /api/<collection>`` with the filters the CLI list commands have."""

    def handler(
        request: Request,
        doc: Annotated[str | None, Query(pattern=DOC_ID_PATTERN, description="Only records of this document.")] = None,
        actor: Annotated[str | None, Query(max_length=200, description="Only records of this actor id.")] = None,
        pair: Annotated[str | None, Query(pattern=PAIR_PATTERN, description="Two states, e.g. AZE-RUS.")] = None,
        since: Since = None,
        until: Until = None,
        status: Annotated[str | None, Query(pattern="^(" + "|".join(STATUSES) + ")$",
                                            description="Commitments: status; forecasts: verdict.")] = None,
        category: Annotated[str | None, Query(pattern="^(?i:" + "|".join(PLOVER_TYPES) + ")$",
                                              description="Events: a PLOVER type.")] = None,
        sort: Annotated[str | None, Query(pattern=sort_pattern(collection))] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> JSONResponse:
        check_dates(since=since, until=until)
        try:
            records = list(api.select_records(state.store, collection, doc=doc, actor=actor, pair=pair,
                                              since=since, until=until, status=status, category=category))
            if sort:
                records = api.sorted_records(records, collection, sort)
        except UsageError as error:
            raise bad_request(error) from None
        return JSONResponse(page(request, records, limit, offset))

    handler.__doc__ = description
    handler.__name__ = f"list_{collection}"
    router.add_api_route(f"/{collection}", handler, methods=["GET"], name=f"list_{collection}",
                         responses={200: json_response(list_schema(RECORD_COMPONENTS[collection]), description),
                                    **error_responses(400, 401, 422)})


def sort_pattern(collection: str) -> str:
    return "^-?(" + "|".join(api.SORT_FIELDS[collection]) + ")$"


async def read_limited(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is larger than ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(status_code=413, detail=f"body of {declared} bytes; the limit is {limit}")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(status_code=413, detail=f"body larger than the limit of {limit} bytes")
    return bytes(body)


def upload_body() -> dict[str, Any]:
    article = {
        "type": "object",
        "required": ["text"],
        "properties": {
            "text": {"type": "string", "minLength": 1},
            "title": {"type": ["string", "null"]},
            "source": {"type": ["string", "null"]},
            "url": {"type": ["string", "null"]},
            "published": {"type": ["string", "null"], "pattern": DATE_PATTERN},
            "author": {"type": ["string", "null"]},
        },
    }
    raw = {"type": "string", "minLength": 1}
    return {
        "required": True,
        "content": {
            "application/json": {"schema": {"oneOf": [article, {"type": "array", "minItems": 1, "items": article}]}},
            "text/plain": {"schema": raw},
            "text/html": {"schema": raw},
            "application/x-ndjson": {"schema": raw},
        },
    }


def ingested_schema() -> dict[str, Any]:
    ids = {"type": "array", "items": {"type": "string"}}
    return {
        "type": "object",
        "required": ["doc_ids", "new", "warnings", "documents"],
        "properties": {
            "doc_ids": {**ids, "description": "every article of the body, stored now or before"},
            "new": {**ids, "description": "the articles stored by this request"},
            "warnings": {"type": "array", "items": {"type": "string"}},
            "documents": {"type": "array", "items": document_with_records_schema(),
                          "description": "the new documents with their records"},
        },
    }
