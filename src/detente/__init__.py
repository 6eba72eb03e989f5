"""detente: who said what, who did what to whom, who promised what — from news articles.

The public API; the CLI, the REST API and the web UI are thin layers over these names.
"""

from .api import IngestReport, example_corpus, export, extract_text, ingest
from .errors import DetenteError, InputError, StoreError, UsageError
from .records import (
    Actor,
    Claim,
    Commitment,
    Disagreement,
    DocResult,
    Document,
    Dyad,
    Event,
    Evidence,
    Forecast,
    Quote,
    StanceEvidence,
    Timex,
)
from .store import Store, open_store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Claim",
    "Commitment",
    "DetenteError",
    "Disagreement",
    "DocResult",
    "Document",
    "Dyad",
    "Event",
    "Evidence",
    "Forecast",
    "IngestReport",
    "InputError",
    "Quote",
    "StanceEvidence",
    "Store",
    "StoreError",
    "Timex",
    "UsageError",
    "__version__",
    "example_corpus",
    "export",
    "extract_text",
    "ingest",
    "open_store",
]
