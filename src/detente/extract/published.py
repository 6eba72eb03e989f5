"""Infer a publication date from the text's own dated content, never beyond what it supports.

A date the text reports in the past tense ("the summit, held on October 10, 2025") means the
article was published on or after it: a lower bound. A date in a future-tense clause ("relations
will stabilise until January 2026") means it was published before that period ended: an upper
bound. The inferred value is the month of the latest lower bound (news is published soon after
what it reports, but the text rarely says the day), kept only when no upper bound contradicts it.
The bounds and the sentences behind them are kept in the document's metadata.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..records import Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Tense = Literal["past", "future", "present"]
_FUTURE_MODALS = {"will", "shall", "'ll", "wo"}


@dataclass(frozen=True, slots=True)
class Inference:
    """The bounds the text gives and the value they support."""

    value: str | None
    earliest: str | None
    latest: str | None
    reasons: tuple[str, ...]

    def as_meta(self) -> dict[str, Any]:
        return {
            "published_earliest": self.earliest,
            "published_latest": self.latest,
            "published_reasoning": list(self.reasons),
        }


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a token in the parse (the clause the date belongs to)."""
    current = token
    for _ in range(40):
        if current.pos_ in ("VERB", "AUX") and current.tag_.startswith(("VB", "MD")):
            return current
        if current.head is current:
            return None
        current = current.head
    return None


def clause_tense(verb: Token) -> Tense:
    """Past, future or present of a verb, following infinitives up to the verb they depend on."""
    current = verb
    for _ in range(10):
        auxes = [c for c in current.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in _FUTURE_MODALS for a in auxes):
            return "future"
        if current.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if current.tag_ == "VBN":
            has_present_aux = any(a.tag_ in ("VBZ", "VBP") for a in auxes)
            # "has closed" and a bare participle ("the summit, held on ...") both report the past
            if has_present_aux or not auxes or current.dep_ in ("acl", "relcl", "advcl"):
                return "past"
        if current.tag_ == "VB" and current.dep_ in ("xcomp", "ccomp", "conj") and current.head is not current:
            current = current.head
            continue
        return "present"
    return "present"


def _period_end(timex: Timex) -> str:
    assert timex.value is not None
    if timex.precision == "day":
        return timex.value
    if timex.precision == "month":
        year, month = int(timex.value[:4]), int(timex.value[5:7])
        return f"{timex.value}-{calendar.monthrange(year, month)[1]:02d}"
    return f"{timex.value[:4]}-12-31"


def _period_start(timex: Timex) -> str:
    assert timex.value is not None
    if timex.precision == "day":
        return timex.value
    if timex.precision == "month":
        return f"{timex.value}-01"
    return f"{timex.value[:4]}-01-01"


def _bound_sentence(sdoc: Doc, timex: Timex) -> str:
    span = sdoc.char_span(timex.start, timex.end, alignment_mode="expand")
    return span.sent.text.strip() if span is not None else timex.text


def infer_published(sdoc: Doc, timexes: list[Timex]) -> Inference:
    """Bounds from every absolutely dated past or future clause, and the value they support."""
    lowers: list[tuple[str, Timex]] = []
    uppers: list[tuple[str, Timex]] = []
    for timex in timexes:
        if timex.anchor != "absolute" or timex.precision not in ("day", "month", "year"):
            continue
        span = sdoc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        verb = governing_verb(span.root)
        if verb is None:
            continue
        tense = clause_tense(verb)
        if tense == "past":
            lowers.append((_period_start(timex), timex))
        elif tense == "future":
            uppers.append((_period_end(timex), timex))
    earliest = max(lowers, key=lambda b: b[0], default=None)
    # a future-tense clause about a period means publication before that period ends; taking
    # the period's end keeps "until January 2026" from claiming more than it says
    latest = min(uppers, key=lambda b: b[0], default=None)
    reasons = []
    if earliest:
        reasons.append(f"on or after {earliest[0]}: {_bound_sentence(sdoc, earliest[1])}")
    if latest:
        reasons.append(f"on or before {latest[0]}: {_bound_sentence(sdoc, latest[1])}")
    value = None
    if earliest and (latest is None or earliest[0] <= latest[0]):
        timex = earliest[1]
        value = timex.value if timex.precision == "year" else _period_start(timex)[:7]
    elif latest and not earliest:
        reasons.append("no past-tense date: an upper bound alone does not date the article")
    return Inference(
        value=value,
        earliest=earliest[0] if earliest else None,
        latest=latest[0] if latest else None,
        reasons=tuple(reasons),
    )
