"""What the web layer shares between requests: the store, the settings and the ingest lock."""

from __future__ import annotations

import hashlib
import ipaddress
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .. import api
from ..errors import InputError, UsageError
from ..ingest import Article
from ..store import Store

SESSION_COOKIE = "detente_session"
#: bodies above this many bytes are refused (413) unless ``serve --max-upload-mb`` says otherwise
DEFAULT_MAX_UPLOAD = 5 * 1024 * 1024


def session_value(token: str) -> str:
    """What the session cookie holds: derived from the token, so the cookie never is the token."""
    return hashlib.sha256(f"detente-session:{token}".encode()).hexdigest()


@dataclass
class WebSettings:
    """How one ``detente serve`` runs; every field has the default the command line offers."""

    db: str = "detente.db"
    # bearer token every request must carry; None on loopback without a token
    token: str | None = None
    # Host headers accepted; None accepts any (behind a token). Loopback serving without a token
    # keeps to local names so that a web page elsewhere cannot rebind its own name to this server.
    allowed_hosts: tuple[str, ...] | None = None
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    gazetteer: tuple[Path, ...] = ()
    # "today" for the forecast board; a parameter so that tests and demos can fix it
    today: Callable[[], date] = date.today


@dataclass
class WebState:
    """The open store and the one-at-a-time ingest, shared by every request of one app."""

    settings: WebSettings
    store: Store
    nlp: Any = None
    _ingest_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def max_upload_bytes(self) -> int:
        return self.settings.max_upload_bytes

    def ingest(self, items: Iterable[Article | InputError], source: str | None, published: str | None,
               url: str | None) -> api.IngestReport:
        """Extract, store and link uploaded articles, one upload at a time (spaCy and linking are serial)."""
        with self._ingest_lock:
            if self.nlp is None:
                from ..nlp import load_nlp

                self.nlp = load_nlp()
            return api.ingest_articles(items, self.store, source=source, published=published, url=url,
                                       nlp=self.nlp, gazetteer=self.settings.gazetteer)


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


def is_loopback(host: str) -> bool:
    if host.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def read_token(env_value: str | None, token_file: Path | None) -> str | None:
    """The API token from ``--token-file`` (first line) or the environment; None when neither gives one."""
    if token_file is not None:
        try:
            lines = token_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise UsageError(f"--token-file {token_file}: cannot read: {getattr(err, 'strerror', None) or err}") from None
        token = lines[0].strip() if lines else ""
        if not token:
            raise UsageError(f"--token-file {token_file}: the file is empty")
        return token
    return env_value.strip() if env_value and env_value.strip() else None


def serving_settings(db: str, host: str, token: str | None, **options: Any) -> WebSettings:
    """Settings for serving on ``host``; a UsageError when that would expose the store without a token."""
    if not is_loopback(host) and token is None:
        raise UsageError(f"--host {host}: serving beyond this machine needs an API token "
                         "(set DETENTE_API_TOKEN or use --token-file)")
    hosts = None if token else tuple(dict.fromkeys((*LOOPBACK_NAMES, host)))
    return WebSettings(db=db, token=token, allowed_hosts=hosts, **options)
