"""Hand-built records of every type, for store and export tests that need no parser."""

from __future__ import annotations

from detente.ingest import make_doc_id
from detente.records import (
    Actor,
    Commitment,
    DocResult,
    Document,
    Event,
    Evidence,
    Forecast,
    Quote,
    StanceEvidence,
    Timex,
)

TEXT = (
    "On 3 March 2025 the Valdorian foreign minister Anna Brisk said Valdoria would pay compensation "
    "to Kestrava by June 2025. \u201cWe will pay,\u201d Brisk said. Analysts expect talks to resume."
)


def span(doc_id: str, text: str, fragment: str) -> Evidence:
    start = text.index(fragment)
    return Evidence(doc_id=doc_id, start=start, end=start + len(fragment), text=fragment)


def full_result(text: str = TEXT, published: str = "2025-03-04") -> DocResult:
    """A document with one record of every per-document type, offsets consistent with ``text``."""
    doc_id = make_doc_id(text)
    doc = Document(doc_id=doc_id, text=text, title="Compensation promised", source="Test Wire",
                   url="https://wire.invalid/1", published=published, published_basis="given",
                   author="Test Author", meta={"format": "test"})
    date = span(doc_id, text, "3 March 2025")
    quote = span(doc_id, text, "We will pay,")
    promise = span(doc_id, text, "Valdoria would pay compensation to Kestrava by June 2025")
    return DocResult(
        document=doc,
        timexes=(Timex(doc_id, date.text, date.start, date.end, "2025-03-03", "day", "absolute"),),
        actors=(
            Actor("XVL", "Valdoria", "state", "XVL", (), ("Valdoria",), (span(doc_id, text, "Valdoria"),)),
            Actor("person:anna-brisk", "Anna Brisk", "person", "XVL", ("Valdorian foreign minister",),
                  ("Anna Brisk", "Brisk"), (span(doc_id, text, "Anna Brisk"),)),
        ),
        quotes=(Quote(f"q-{doc_id}-1", doc_id, quote.text, quote.start, quote.end, "person:anna-brisk",
                      "direct", "said", None, None),),
        events=(Event(f"e-{doc_id}-1", doc_id, "AID", "071", "XVL", "XKS", "XVL", "XKS", "2025-03-03",
                      "3 March 2025", "asserted", 7.4, promise),),
        commitments=(Commitment(f"c-{doc_id}-1", "XVL", "XKS", "pay compensation to Kestrava", "2025-03-03",
                                "2025-06", promise, "open",
                                (StanceEvidence(doc_id, quote.start, quote.end, quote.text, "supports"),)),),
        forecasts=(Forecast(f"f-{doc_id}-1", doc_id, None, "talks to resume", None, None, ("XVL",), False,
                            span(doc_id, text, "Analysts expect talks to resume.")),),
    )
