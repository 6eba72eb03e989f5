"""Infer a publication date from the text's own dated content, never beyond what it supports.

A date the text reports in the past tense ("the summit, held on October 10, 2025") means the
article was published on or after it: a lower bound. A date in a future-tense clause ("relations
will stabilise until January 2026") means it was published before that date: an upper bound.
The inferred value is the most precise period (month or year) that holds every date between the
bounds; with one bound only the value stays null, because a lower bound alone is a poor
estimate (eval/published_dates.py: on Wikinews the latest past date is the publication month in
under 3% of articles). The bounds and the sentences behind them are kept in the metadata.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal

from ..records import Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Tense = Literal["past", "future", "present"]
_FUTURE_MODALS = {"will", "shall", "'ll", "wo"}
# a date governed by these names a deadline or an end of a period, not when something happened
LIMIT_PREPOSITIONS = {"until", "till", "through", "by", "before", "from", "to", "ahead"}
# "scheduled for 2021", "expected in May": plans and expectations date nothing in the past
_PROSPECTIVE_LEMMAS = {
    "schedule", "plan", "expect", "set", "slate", "intend", "aim", "hope", "propose", "forecast",
    "predict", "project", "anticipate", "due", "postpone", "delay", "move", "extend", "reschedule",
}  # fmt: skip


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
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def clause_tense(verb: Token) -> Tense:
    """Past, future or present of a verb, following infinitives up to the verb they depend on.

    Modal clauses ("would run", "could meet") are neither: they report no dated fact.
    """
    current = verb
    for _ in range(10):
        auxes = [c for c in current.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in _FUTURE_MODALS for a in auxes):
            return "future"
        if any(a.tag_ == "MD" for a in auxes):
            return "present"
        if current.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if current.tag_ == "VBN":
            perfect = any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes)
            # a bare participle ("the summit, held on ...") reports the past too
            if perfect or (not auxes and current.dep_ in ("acl", "relcl", "advcl")):
                return "past"
        if current.tag_ == "VB" and current.dep_ in ("xcomp", "ccomp", "conj") and current.head.i != current.i:
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


_DEICTIC_SHIFT = {"yesterday": 1, "today": 0, "tonight": 0, "tomorrow": -1}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _deictic_bounds(sdoc: Doc, span: Span, timex: Timex, tense: Tense) -> tuple[str, str] | None:
    """Bounds a dated sentence gives when it also speaks of the day relative to now.

    "Yesterday's talks, held on 20 February 2025": published on 21 February 2025.
    "on Thursday, 12 March 2026" in a past clause: within the six days that followed.
    """
    assert timex.value is not None
    day = date.fromisoformat(timex.value)
    deictic = [t for t in span.sent if t.lower_ in _DEICTIC_SHIFT]
    if len(deictic) == 1 and _same_event(deictic[0], span.root):
        pinned = (day + timedelta(days=_DEICTIC_SHIFT[deictic[0].lower_])).isoformat()
        return pinned, pinned
    before = sdoc[max(span.start - 3, 0) : span.start]
    if any(t.lower_ in _WEEKDAYS for t in before):
        if tense == "future":
            return (day - timedelta(days=6)).isoformat(), day.isoformat()
        if tense == "past":
            return day.isoformat(), (day + timedelta(days=6)).isoformat()
    return None


def _weekday_bounds(sdoc: Doc, timexes: list[Timex]) -> tuple[list[tuple[str, Timex]], list[tuple[str, Timex]]]:
    """"held on 7 May 2025" and, elsewhere, "on Wednesday" in the past tense: if 7 May 2025 was a
    Wednesday and no other dated Wednesday is given, the article appeared within the six days after it."""
    from .relative import WEEKDAYS, find_relative

    lowers: list[tuple[str, Timex]] = []
    uppers: list[tuple[str, Timex]] = []
    days = [t for t in timexes if t.precision == "day" and t.value and t.anchor == "absolute"]
    for item in find_relative(sdoc.text):
        if item.kind != "weekday":
            continue
        span = sdoc.char_span(item.start, item.end, alignment_mode="expand")
        verb = governing_verb(span.root) if span is not None else None
        if verb is None or clause_tense(verb) != "past":
            continue
        weekday = WEEKDAYS[item.groups["w12"].lower()]
        same = {t.value for t in days if date.fromisoformat(t.value).weekday() == weekday}  # type: ignore[arg-type]
        if len(same) == 1:
            timex = next(t for t in days if t.value in same)
            day = date.fromisoformat(next(iter(same)))
            lowers.append((day.isoformat(), timex))
            uppers.append(((day + timedelta(days=6)).isoformat(), timex))
    return lowers, uppers


def _same_event(deictic: Token, date_token: Token) -> bool:
    """Do "yesterday" and the date speak of one event? The same clause ("met yesterday, on 3 May"),
    or "yesterday's talks, held on 20 February" (the date's clause describes yesterday's noun)."""
    date_verb = governing_verb(date_token)
    deictic_verb = governing_verb(deictic)
    if date_verb is None:
        return False
    current = date_token.head
    while current.i != date_verb.i and current.head.i != current.i:
        if current.pos_ in ("NOUN", "PROPN") and current.ent_type_ != "DATE":
            return False  # "after his arrest on 3 June": the date is the arrest's
        current = current.head
    if deictic_verb is not None and date_verb.i == deictic_verb.i:
        return True
    return date_verb.dep_ in ("acl", "relcl") and deictic.head.i == date_verb.head.i


def _supported_value(earliest: str | None, latest: str | None) -> str | None:
    """The most precise period that contains every date between the two bounds, if any."""
    if not earliest or not latest or earliest > latest:
        return None
    if earliest == latest:
        return earliest
    if earliest[:7] == latest[:7]:
        return earliest[:7]
    if earliest[:4] == latest[:4]:
        return earliest[:4]
    return None


def _limit_preposition(token: Token) -> str | None:
    """The preposition a date hangs from when it marks a limit ("until January 2026")."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in LIMIT_PREPOSITIONS:
        return head.lower_
    return None


def _day_before(iso_day: str) -> str:
    return (date.fromisoformat(iso_day) - timedelta(days=1)).isoformat()


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
        limit = _limit_preposition(span.root)
        if timex.precision == "day":
            pinned = _deictic_bounds(sdoc, span, timex, tense)
            if pinned is not None:
                lowers.append((pinned[0], timex))
                uppers.append((pinned[1], timex))
                continue
        if tense == "past" and limit is None and verb.lemma_ not in _PROSPECTIVE_LEMMAS:
            lowers.append((_period_start(timex), timex))
        elif tense == "future":
            # "will stabilise until January 2026": published before that period begins
            bound = _day_before(_period_start(timex)) if limit in ("until", "till", "before") else _period_end(timex)
            uppers.append((bound, timex))
    lowers_w, uppers_w = _weekday_bounds(sdoc, timexes)
    floor = max((b for b, _ in lowers), default="")
    ceiling = min((b for b, _ in uppers), default="9999")
    for low, high in zip(lowers_w, uppers_w, strict=True):
        # a weekday is taken for the dated day it matches only where the other clues agree
        if high[0] >= floor and low[0] <= ceiling:
            lowers.append(low)
            uppers.append(high)
    earliest = max(lowers, key=lambda b: b[0], default=None)
    # a future-tense clause about a period means publication before that period ends; taking
    # the period's end keeps "until January 2026" from claiming more than it says
    latest = min(uppers, key=lambda b: b[0], default=None)
    reasons = []
    if earliest:
        reasons.append(f"on or after {earliest[0]}: {_bound_sentence(sdoc, earliest[1])}")
    if latest:
        reasons.append(f"on or before {latest[0]}: {_bound_sentence(sdoc, latest[1])}")
    value = _supported_value(earliest[0] if earliest else None, latest[0] if latest else None)
    if earliest and not latest:
        reasons.append("no upper bound: a lower bound alone does not date the article")
    elif latest and not earliest:
        reasons.append("no lower bound: an upper bound alone does not date the article")
    return Inference(
        value=value,
        earliest=earliest[0] if earliest else None,
        latest=latest[0] if latest else None,
        reasons=tuple(reasons),
    )
