"""The web UI's pages, rendered on the server from ``views`` data with autoescaping Jinja templates.

Every string from the store (article text, names, quotes) reaches the page through Jinja's
autoescape; no template marks store data as safe. The one exception is the brief page, which
serves ``brief.render_html`` (itself escaping everything) under a policy that forbids scripts.
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from .. import api
from ..brief import collect_brief, render_html
from ..errors import UsageError
from .rest import DATE_PATTERN, PAIR_PATTERN, PLOVER_TYPES, check_dates
from .state import SESSION_COOKIE, WebState, session_value
from .views import (
    FORECAST_SECTIONS,
    actor_list,
    actor_page,
    dashboard,
    documents_page,
    forecast_board,
    load_names,
    promise_board,
    reader,
    search,
    template_globals,
)

EVENTS_PER_PAGE = 100
ACTOR_KINDS = ("person", "state", "organization", "media", "place", "group")
BRIEF_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
                "form-action 'none'; frame-ancestors 'none'")

templates = Environment(loader=PackageLoader("detente.web", "templates"), autoescape=select_autoescape(default=True),
                        trim_blocks=True, lstrip_blocks=True)
templates.globals.update(template_globals())

OptionalPair = Annotated[str | None, Query(pattern=PAIR_PATTERN)]
OptionalDate = Annotated[str | None, Query(pattern=DATE_PATTERN)]


def render(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(templates.get_template(template).render(**context), status_code=status)


def render_error(status: int, message: str) -> str:
    return templates.get_template("error.html").render(status=status, message=message, page="error")


def build_pages(state: WebState) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    store = state.store

    @router.get("/")
    def home(pair: OptionalPair = None) -> HTMLResponse:
        names = load_names(store)
        try:
            board = dashboard(store, pair, names)
        except UsageError as error:
            raise HTTPException(status_code=400, detail=str(error).removeprefix("--")) from None
        return render("dashboard.html", page="dashboard", board=board, name=names.name)

    @router.get("/brief")
    def brief(pair: OptionalPair = None, since: OptionalDate = None, until: OptionalDate = None) -> HTMLResponse:
        check_dates(since=since, until=until)
        try:
            collected = collect_brief(store, pair=pair, since=since, until=until)
        except UsageError as error:
            raise HTTPException(status_code=400, detail=str(error).removeprefix("--")) from None
        response = HTMLResponse(render_html(collected))
        response.headers["Content-Security-Policy"] = BRIEF_POLICY
        return response

    @router.get("/documents")
    def documents() -> HTMLResponse:
        return render("documents.html", page="documents", rows=documents_page(store))

    @router.get("/documents/{doc_id}")
    def document(doc_id: str) -> HTMLResponse:
        found = reader(store, doc_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no document {doc_id}")
        return render("reader.html", page="documents", reader=found)

    @router.get("/actors")
    def actors(kind: Annotated[str | None, Query(pattern="^(" + "|".join(ACTOR_KINDS) + ")$")] = None,
               q: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
        return render("actors.html", page="actors", actors=actor_list(store, kind, q), kind=kind, q=q or "",
                      kinds=ACTOR_KINDS)

    @router.get("/actors/{actor_id}")
    def actor(actor_id: str) -> HTMLResponse:
        found = actor_page(store, actor_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no actor {actor_id}")
        return render("actor.html", page="actors", view=found, name=load_names(store).name)

    @router.get("/events")
    def events(pair: OptionalPair = None, since: OptionalDate = None, until: OptionalDate = None,
               category: Annotated[str | None, Query(pattern="^(?i:" + "|".join(PLOVER_TYPES) + ")?$")] = None,
               offset: Annotated[int, Query(ge=0, le=10**9)] = 0) -> HTMLResponse:
        check_dates(since=since, until=until)
        try:
            found = list(api.select_records(store, "events", pair=pair, since=since, until=until,
                                            category=category or None))
        except UsageError as error:
            raise HTTPException(status_code=400, detail=str(error).removeprefix("--")) from None
        found = api.sorted_records(found, "events", "-date")
        filters = {"pair": pair or "", "since": since or "", "until": until or "", "category": (category or "").upper()}
        return render("events.html", page="events", events=found[offset : offset + EVENTS_PER_PAGE], total=len(found),
                      offset=offset, per_page=EVENTS_PER_PAGE, filters=filters, categories=PLOVER_TYPES,
                      name=load_names(store).name)

    @router.get("/promises")
    def promises(pair: OptionalPair = None) -> HTMLResponse:
        return render("promises.html", page="promises", board=promise_board(store, pair), pair=pair or "",
                      name=load_names(store).name)

    @router.get("/forecasts")
    def forecasts(pair: OptionalPair = None) -> HTMLResponse:
        today = state.settings.today()
        return render("forecasts.html", page="forecasts", board=forecast_board(store, today, pair), today=today,
                      sections=FORECAST_SECTIONS, pair=pair or "", name=load_names(store).name)

    @router.get("/disagreements")
    def disagreements() -> HTMLResponse:
        found = sorted(store.records("disagreements"), key=lambda d: (d.kind != "hard", d.topic))  # type: ignore[attr-defined]
        titles = {d.doc_id: d for d in store.documents()}
        return render("disagreements.html", page="disagreements", disagreements=found, docs=titles)

    @router.get("/search")
    def search_page(q: Annotated[str, Query(max_length=300)] = "") -> HTMLResponse:
        hits, actors_found = search(store, q) if q.strip() else ([], [])
        return render("search.html", page="search", q=q, hits=hits, actors=actors_found)

    @router.get("/upload")
    def upload() -> HTMLResponse:
        return render("upload.html", page="upload", limit_mb=round(state.max_upload_bytes / 1024 / 1024, 1))

    @router.get("/login")
    def login(next: Annotated[str, Query(max_length=500)] = "/") -> HTMLResponse:  # noqa: A002 - the URL's name
        return render("login.html", page="login", next=local_path(next), failed=False)

    @router.post("/login")
    async def login_submit(request: Request) -> Response:
        form = parse_qs((await request.body())[:10_000].decode("utf-8", "replace"))
        given, target = form.get("token", [""])[0], local_path(form.get("next", ["/"])[0])
        token = state.settings.token
        if token is None:
            return RedirectResponse(target, status_code=303)
        if not hmac.compare_digest(given.strip(), token):
            return render("login.html", status=401, page="login", next=target, failed=True)
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(SESSION_COOKIE, session_value(token), httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
        return response

    return router


def local_path(target: str) -> str:
    """Where to go after logging in: a path of this site, never another site."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"
