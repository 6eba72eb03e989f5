"""The web layer: the REST API and the web UI, thin over the library API (``detente.api``).

    >>> from detente.web import WebSettings, create_app
    >>> app = create_app(WebSettings(db="detente.db"))   # an ASGI app for uvicorn or tests
"""

from .app import create_app
from .state import WebSettings

__all__ = ["WebSettings", "create_app"]
