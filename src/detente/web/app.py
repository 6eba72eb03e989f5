"""The web application: one FastAPI app serving the REST API, the pages and their assets.

``create_app`` is what ``detente serve`` runs and what tests drive in-process. Security is
decided here, once for every route:

- a token, when configured, is checked on every request but the login page and the static
  assets: ``Authorization: Bearer TOKEN``, or the session cookie the login page sets;
- a cookie-authenticated request that changes something must come from this site's own pages
  (its ``Origin`` names this host), so another site cannot make a logged-in browser upload;
- Host headers are checked when the settings name the hosts (loopback serving without a token);
- every response forbids framing and sniffing, and pages may load scripts, styles and images
  from this server only (no CDN, nothing inline), so article text can never run as script;
- no CORS headers are sent, so other sites' scripts cannot read the API.
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..store import open_store
from .openapi import record_components
from .pages import build_pages, render_error
from .rest import build_router
from .state import SESSION_COOKIE, WebSettings, WebState, session_value

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
OPEN_PATHS = ("/login", "/static/")
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def create_app(settings: WebSettings | None = None) -> FastAPI:
    settings = settings or WebSettings()
    state = WebState(settings, open_store(settings.db))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        state.store.close()

    app = FastAPI(title="detente", version=_version(), lifespan=lifespan,
                  description="Who said what, who did what to whom, who promised what: the records of "
                              "detente's store, as the export contract (records.md) defines them.",
                  docs_url=None, redoc_url=None)
    app.state.web = state
    app.include_router(build_router(state))
    app.include_router(build_pages(state))
    app.mount("/static", StaticFiles(directory=str(resources.files("detente.web") / "static")), name="static")
    _install_errors(app)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        refusal = _refusal(request, settings.token)
        response = refusal or await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    if settings.allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))
    return app


def _refusal(request: Request, token: str | None) -> Response | None:
    """The response refusing this request, or None when it may go on."""
    if token is None or request.url.path.startswith(OPEN_PATHS):
        return None
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer ") and hmac.compare_digest(header[7:].strip(), token):
        return None
    cookie = request.cookies.get(SESSION_COOKIE, "")
    if cookie and hmac.compare_digest(cookie, session_value(token)):
        if request.method in UNSAFE_METHODS and not _same_origin(request):
            return _error(request, 403, "cross-site request refused")
        return None
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        response = _error(request, 401, "missing or wrong API token (send Authorization: Bearer TOKEN)")
        response.headers["WWW-Authenticate"] = "Bearer"
        return response
    return RedirectResponse(f"/login?next={request.url.path}", status_code=303)


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin") or request.headers.get("referer")
    return origin is not None and urlsplit(origin).netloc == request.headers.get("host")


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"error": message, "status": status}, status_code=status)
    return HTMLResponse(render_error(status, message), status_code=status)


def _install_errors(app: FastAPI) -> None:
    """One error shape everywhere: ``{"error": message, "status": code}`` (an HTML page off the API)."""

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        response = _error(request, exc.status_code, str(exc.detail))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{_where(e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in exc.errors())
        return _error(request, 422, problems or "invalid request")


def _where(loc: Any) -> str:
    parts = [str(p) for p in loc if p not in ("query", "path", "body")]
    return ".".join(parts) or "request"


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.update(record_components())
        # FastAPI's own validation error shape is not what this API answers: point at Error instead
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        schema["paths"] = _with_error_refs(schema.get("paths", {}))
        schema["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
        app.openapi_schema = schema
    return app.openapi_schema


def _with_error_refs(node: Any) -> Any:
    if isinstance(node, dict):
        if node.get("$ref") == "#/components/schemas/HTTPValidationError":
            return {"$ref": "#/components/schemas/Error"}
        return {k: _with_error_refs(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_with_error_refs(v) for v in node]
    return node


def _version() -> str:
    from .. import __version__

    return __version__
