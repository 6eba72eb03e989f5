"""The analyst's brief: one relationship (or the whole store) on a page a desk editor reads in minutes.

``collect_brief`` selects and sorts everything once into a plain ``Brief``; ``render_markdown`` and
``render_html`` only lay it out. Every stated fact carries a footnote number; footnotes are numbered
in reading order while collecting, so both renderers cite the same numbers for the same words.
"""

from __future__ import annotations

import calendar
import html
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar
from urllib.parse import quote as url_quote

from .api import parse_pair, select_records
from .records import Actor, Commitment, Disagreement, Dyad, Event, Evidence, Forecast, Quote, StanceEvidence
from .store import Store

KEY_EVENTS = 10
NOTABLE_QUOTES = 8
FRAGMENT_WORDS = 6
R = TypeVar("R", Quote, Forecast)
# a one-word quote ("likely", "No") tells a reader nothing of who said what
MIN_QUOTE_WORDS = 2
DRIVERS_SHOWN = 3
# a forecast is worth the editor's attention when it comes due within a quarter of the brief's end
DUE_WINDOW = timedelta(days=90)
# only used when dyads predate the stored direction: the linker's own steady band
STEADY_BAND = 0.5
# a smoothed score this far from zero (on the ±10 scale: coercion, sanctions, or material cooperation) is a level a
# move of a point or two does not leave
FAR_LEVEL = 5.0
PROMISE_STATUSES = ("broken", "disputed", "open", "kept")
SPARK_BARS = "▁▂▃▄▅▆▇█"

# a record's own date, else its document's publication: (own date, doc_id) -> date
DateOf = Callable[[str | None, str], str | None]


# ---------------------------------------------------------------- the brief


@dataclass(slots=True)
class Footnote:
    """Words of one document that a line of the brief rests on."""

    number: int
    doc_id: str
    start: int
    end: int
    text: str
    title: str | None
    outlet: str | None
    published: str | None

    @property
    def locator(self) -> str:
        return f"{self.doc_id}:{self.start}-{self.end}"

    @property
    def reader_href(self) -> str:
        return f"/documents/{url_quote(self.doc_id, safe='')}#{self.start}-{self.end}"


@dataclass(slots=True)
class Month:
    """One month of the trend; a month without events has no score."""

    period: str
    events: int = 0
    cooperation: int = 0
    conflict: int = 0
    mean_score: float | None = None
    trend: float | None = None


@dataclass(slots=True)
class Driver:
    label: str
    ref: int


@dataclass(slots=True)
class Verdict:
    direction: str | None  # "warming", "cooling", "steady"; None without any dyad
    summary: str  # why, without the drivers, which the renderers cite one by one
    drivers: list[Driver] = field(default_factory=list)
    period: str | None = None  # the month the verdict judges
    caveat: str | None = None  # what the promise tracker says against the direction since that month


@dataclass(slots=True)
class KeyEvent:
    date: str | None
    source: str
    target: str
    category: str
    mode: str
    score: float
    words: str
    other_reports: int
    ref: int


@dataclass(slots=True)
class Said:
    speaker: str
    date: str | None
    words: str
    ref: int


@dataclass(slots=True)
class StanceWords:
    stance: str
    words: str
    ref: int


@dataclass(slots=True)
class Promise:
    promiser: str
    beneficiary: str | None
    content: str
    made_on: str | None
    reported_on: str | None  # publication of the report, for promises the text does not date
    deadline: str | None
    reports: int
    ref: int
    status_evidence: list[StanceWords]


@dataclass(slots=True)
class ForecastItem:
    author: str
    text: str
    horizon_text: str | None
    resolves_by: str | None
    passed: bool  # the horizon ended on or before the brief's end
    verdict: str
    verdict_final: bool
    ref: int
    verdict_evidence: list[StanceWords]


@dataclass(slots=True)
class ClaimItem:
    outlet: str
    value: str
    words: str
    ref: int


@dataclass(slots=True)
class DisagreementItem:
    topic: str
    kind: str
    attribute: str | None
    claims: list[ClaimItem]


@dataclass(slots=True)
class Brief:
    """Everything the renderers show, already selected, sorted and footnoted."""

    title: str
    pair: tuple[str, str] | None
    period_start: str | None
    period_end: str | None
    documents: int
    outlets: int
    verdict: Verdict
    months: list[Month]
    events: list[KeyEvent]
    quotes: list[Said]
    promises: dict[str, list[Promise]]  # every status of PROMISE_STATUSES, in that order
    forecasts_due: list[ForecastItem]
    forecasts_resolved: list[ForecastItem]
    disagreements: list[DisagreementItem]
    footnotes: list[Footnote]


# ---------------------------------------------------------------- dates


DATE_PARTS = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def first_day(value: str | None) -> date | None:
    parts = _date_parts(value)
    return date(parts[0], parts[1] or 1, parts[2] or 1) if parts else None


def last_day(value: str | None) -> date | None:
    parts = _date_parts(value)
    if not parts:
        return None
    year, month, day = parts
    month = month or 12
    return date(year, month, day or calendar.monthrange(year, month)[1])


def _date_parts(value: str | None) -> tuple[int, int | None, int | None] | None:
    match = DATE_PARTS.match(value or "")
    if not match:
        return None
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return int(year), int(month) if month else None, int(day) if day else None


def in_period(value: str | None, since: str | None, until: str | None) -> bool:
    """Whether a date of any precision may fall in the period, as ``select_records`` compares them."""
    if not (since or until):
        return True
    if value is None:
        return False
    if since and value[: len(since)] < since[: len(value)]:
        return False
    return not (until and value[: len(until)] > until[: len(value)])


def month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


# ---------------------------------------------------------------- collecting


@dataclass(slots=True)
class DocInfo:
    title: str | None
    outlet: str | None
    published: str | None
    author: str | None


class FootnoteIndex:
    """Hands out one number per distinct span, in the order the brief cites them."""

    def __init__(self, docs: dict[str, DocInfo]) -> None:
        self.docs = docs
        self.footnotes: list[Footnote] = []
        self._numbers: dict[tuple[str, int, int], int] = {}

    def cite(self, evidence: Evidence | StanceEvidence) -> int:
        key = (evidence.doc_id, evidence.start, evidence.end)
        if key not in self._numbers:
            doc = self.docs.get(evidence.doc_id, DocInfo(None, None, None, None))
            number = len(self.footnotes) + 1
            self.footnotes.append(Footnote(number, evidence.doc_id, evidence.start, evidence.end, evidence.text,
                                           doc.title, doc.outlet, doc.published))
            self._numbers[key] = number
        return self._numbers[key]


class Names:
    """Actor ids as a reader knows them, and the state each actor speaks for."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self._actors = {a.actor_id: a for a in actors}

    def name(self, actor_id: str | None) -> str:
        if actor_id is None:
            return "unknown"
        actor = self._actors.get(actor_id)
        return actor.name if actor else actor_id

    def mentions_of(self, states: Iterable[str], doc_ids: set[str], people: bool = True
                    ) -> dict[str, list[tuple[Evidence, str]]]:
        """Per document, the mentions of every actor of these states (the state, its places, bodies and, with
        ``people``, its people)."""
        found: dict[str, list[tuple[Evidence, str]]] = defaultdict(list)
        wanted = set(states)
        for actor in self._actors.values():
            country = self.country(actor.actor_id)
            if country in wanted and (people or actor.kind != "person"):
                for m in actor.mentions:
                    if m.doc_id in doc_ids:
                        found[m.doc_id].append((m, country))
        return found

    def country(self, actor_id: str | None) -> str | None:
        actor = self._actors.get(actor_id or "")
        if actor is None:
            return None
        return actor.country or (actor.actor_id if actor.kind == "state" else None)


def collect_brief(store: Store, pair: str | None = None, since: str | None = None,
                  until: str | None = None) -> Brief:
    """Select, sort and footnote what the brief on ``pair`` (or the whole store) shows.

    Raises ``UsageError`` for a malformed ``pair``.
    """
    states = parse_pair(pair) if pair else None
    docs = {d.doc_id: DocInfo(d.title, d.source, d.published, d.author) for d in store.documents()}
    names = Names(store.records("actors"))  # type: ignore[arg-type]

    def when(own_date: str | None, doc_id: str) -> str | None:
        # records the text does not date are placed at their article's publication
        return own_date or (docs[doc_id].published if doc_id in docs else None)

    # the months before the period are kept for the verdict: its first month moved from somewhere
    history: list[Dyad] = list(select_records(store, "dyads", pair=pair, until=until))  # type: ignore[arg-type]
    dyads = [d for d in history if in_period(d.period, since, until)]
    # the other collections are selected by pair only: select_records drops undated records from a period
    events = [e for e in _selected(store, "events", pair) if in_period(when(e.date, e.doc_id), since, until)]
    commitments = [c for c in _selected(store, "commitments", pair)
                   if _promise_in_period(c, when, since, until)]
    forecasts = [f for f in _selected(store, "forecasts", pair)
                 if in_period(when(f.resolves_by, f.doc_id), since, None)
                 and in_period(when(None, f.doc_id), None, until)]
    if states is not None:
        forecasts = _forecasts_on_the_pair(store, forecasts, states, names)
    pair_docs = _cited_docs(events, commitments, forecasts)
    quotes = [q for q in _selected(store, "quotes", None)
              if _notable_speaker(q, states, names, pair_docs) and in_period(when(q.said_on, q.doc_id), since, until)]
    if states is not None:
        quotes = _on_the_pair(store, quotes, states, names)
    disagreements = [d for d in _selected(store, "disagreements", None)
                     if _disagreement_in_scope(d, states, pair_docs, docs, since, until)]

    brief_docs = pair_docs | {q.doc_id for q in quotes} | {c.doc_id for d in disagreements for c in d.claims}
    if states is None:
        brief_docs |= {doc_id for doc_id, info in docs.items() if in_period(info.published, since, until)}
    # event dates are left out: articles date background events decades back ("in the early 2000s")
    dates = [d.period for d in dyads]
    dates += [docs[doc_id].published for doc_id in brief_docs if doc_id in docs and docs[doc_id].published]
    period_start = since or min(dates, default=None)
    period_end = until or max([*dates, since] if since else dates, default=None)
    events = [e for e in events if in_period(when(e.date, e.doc_id), period_start, period_end)]

    # footnotes are numbered as they are cited, so the sections are built in the order they are read
    footnotes = FootnoteIndex(docs)
    verdict = _verdict(history, dyads, events, names, footnotes)
    key_events = _key_events(events, names, footnotes,
                             lambda doc_id: docs[doc_id].published if doc_id in docs else None)
    said = _notable_quotes(quotes, when, names, footnotes)
    promises = _promise_tracker(commitments, when, names, footnotes)
    verdict.caveat = _promise_caveat(verdict, promises) if states is not None else None
    due = _due_forecasts(forecasts, period_end, names, docs, footnotes)
    resolved = [_forecast_item(f, period_end, names, docs, footnotes)
                for f in _by_date(forecasts, lambda f: f.resolves_by) if f.verdict != "unresolved"]
    disputes = [_disagreement_item(d, docs, footnotes) for d in disagreements]
    return Brief(
        title=_title(states, names), pair=states, period_start=period_start, period_end=period_end,
        documents=len(brief_docs), outlets=len({docs[d].outlet for d in brief_docs if d in docs and docs[d].outlet}),
        verdict=verdict, months=monthly_trend(dyads), events=key_events, quotes=said, promises=promises,
        forecasts_due=due, forecasts_resolved=resolved, disagreements=disputes, footnotes=footnotes.footnotes,
    )


def _selected(store: Store, collection: str, pair: str | None) -> Iterator[Any]:
    return select_records(store, collection, pair=pair)


def _title(states: tuple[str, str] | None, names: Names) -> str:
    if states is None:
        return "All relations in the store"
    a, b = states
    return f"{names.name(a)} – {names.name(b)} ({a}–{b})"


def _promise_in_period(c: Commitment, when: DateOf, since: str | None, until: str | None) -> bool:
    # a promise made before the period still belongs to it when the period reports on it
    dates = [when(c.made_on, c.evidence.doc_id)]
    dates += [when(None, e.doc_id) for e in (*c.status_evidence, *c.also_reported_in)]
    return any(in_period(d, since, until) for d in dates)


def _cited_docs(events: list[Event], commitments: list[Commitment], forecasts: list[Forecast]) -> set[str]:
    found: set[str] = set()
    for e in events:
        found |= {e.doc_id, *(r.doc_id for r in e.also_reported_in)}
    for c in commitments:
        found |= {c.evidence.doc_id, *(r.doc_id for r in (*c.also_reported_in, *c.status_evidence))}
    for f in forecasts:
        found |= {f.doc_id, *(r.doc_id for r in f.verdict_evidence)}
    return found


def _notable_speaker(q: Quote, states: tuple[str, str] | None, names: Names, pair_docs: set[str]) -> bool:
    if q.kind != "direct" or q.speaker is None or len(re.findall(r"\w+", q.text)) < MIN_QUOTE_WORDS:
        return False
    if states is None:
        return True
    # a Valdorian minister speaking in an article about another relationship is not on this topic
    return names.country(q.speaker) in states and q.doc_id in pair_docs


def _on_the_pair(store: Store, quotes: list[Quote], states: tuple[str, str], names: Names) -> list[Quote]:
    """Quotes whose paragraph names the other side of the pair (its name, a place, a person or body of it):
    a campaign speech on taxes in an article that also mentions Kestria is not on Valdoria–Kestria relations."""
    return _named_in_paragraph(store, quotes, states, names, lambda q: (q.start, q.end),
                               lambda q: set(states) - {names.country(q.speaker)})


def _forecasts_on_the_pair(store: Store, forecasts: list[Forecast], states: tuple[str, str],
                           names: Names) -> list[Forecast]:
    """Forecasts whose paragraph names a side of the pair (a state, its places or bodies; a person of it may only
    be the one speaking): "it will happen this year" in an interview on chess is filed under the document's two
    states, but it is not about them."""
    return _named_in_paragraph(store, forecasts, states, names, lambda f: (f.evidence.start, f.evidence.end),
                               lambda f: set(states), people=False)


def _named_in_paragraph(store: Store, records: list[R], states: tuple[str, str], names: Names,
                        span: Callable[[R], tuple[int, int]], sides: Callable[[R], set[str]],
                        people: bool = True) -> list[R]:
    """The records whose paragraph names an actor of one of ``sides(record)``."""
    doc_ids = {r.doc_id for r in records}
    named = names.mentions_of(states, doc_ids, people=people)
    texts = {d.doc_id: d.text for d in store.documents_by_ids(sorted(doc_ids))}
    kept = []
    for r in records:
        doc_id = r.doc_id
        start, end = paragraph_bounds(texts.get(doc_id, ""), *span(r))
        wanted = sides(r)
        if any(country in wanted and start <= m.start and m.end <= end for m, country in named[doc_id]):
            kept.append(r)
    return kept


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (blank-line separated) holding ``text[start:end]``, possibly several when a quote runs on."""
    before = text.rfind("\n\n", 0, start)
    after = text.find("\n\n", end)
    return (0 if before < 0 else before + 2), (len(text) if after < 0 else after)


def _disagreement_in_scope(d: Disagreement, states: tuple[str, str] | None, pair_docs: set[str],
                           docs: dict[str, DocInfo], since: str | None, until: str | None) -> bool:
    claim_docs = {c.doc_id for c in d.claims}
    if states is not None:
        return bool(claim_docs & pair_docs)
    return any(in_period(docs[c].published if c in docs else None, since, until) for c in claim_docs)


def _by_date(records: Iterable[Any], date_of: Any) -> list[Any]:
    """Oldest first, undated last; equal dates keep the store's stable order."""
    return sorted(records, key=lambda r: (date_of(r) is None, date_of(r) or ""))


# -- the trend and the verdict


def monthly_trend(dyads: list[Dyad]) -> list[Month]:
    """Every month from the first to the last dyad; several pairs are weighted by their events."""
    if not dyads:
        return []
    by_period: dict[str, list[Dyad]] = defaultdict(list)
    for d in dyads:
        by_period[d.period].append(d)
    months = []
    for period in month_range(min(by_period), max(by_period)):
        cells = by_period.get(period, [])
        month = Month(period)
        if cells:
            month.events = sum(d.events for d in cells)
            month.cooperation = sum(d.cooperation for d in cells)
            month.conflict = sum(d.conflict for d in cells)
            month.mean_score = _weighted([(d.mean_score, d.events) for d in cells])
            month.trend = _weighted([(d.trend, d.events) for d in cells if d.trend is not None])
        months.append(month)
    return months


def _weighted(values: list[tuple[float, int]]) -> float | None:
    if not values:
        return None
    weight = sum(max(w, 1) for _, w in values)
    return round(sum(v * max(w, 1) for v, w in values) / weight, 3)


@dataclass(slots=True)
class PairMove:
    """How one pair moved in its latest month."""

    latest: Dyad
    previous: Dyad | None
    direction: str

    @property
    def change(self) -> float:
        return 0.0 if self.previous is None else _level(self.latest) - _level(self.previous)


def _level(d: Dyad) -> float:
    return d.trend if d.trend is not None else d.mean_score


def latest_moves(dyads: list[Dyad]) -> list[PairMove]:
    series: dict[tuple[str, str], list[Dyad]] = defaultdict(list)
    for d in dyads:
        series[(d.a, d.b)].append(d)
    moves = []
    for rows in series.values():
        rows.sort(key=lambda d: d.period)
        latest, previous = rows[-1], rows[-2] if len(rows) > 1 else None
        moves.append(PairMove(latest, previous, latest.direction or _direction_between(previous, latest)))
    return moves


def _direction_between(previous: Dyad | None, latest: Dyad) -> str:
    if previous is None:
        return "steady"
    change = _level(latest) - _level(previous)
    return "warming" if change > STEADY_BAND else "cooling" if change < -STEADY_BAND else "steady"


def _verdict(history: list[Dyad], dyads: list[Dyad], events: list[Event], names: Names,
             footnotes: FootnoteIndex) -> Verdict:
    shown = {(d.a, d.b, d.period) for d in dyads}
    moves = [m for m in latest_moves(history) if (m.latest.a, m.latest.b, m.latest.period) in shown]
    if not moves:
        return Verdict(None, "No events between states are dated in this period, so there is no trend to judge")
    if len(moves) == 1:
        move = moves[0]
        direction, summary = move.direction, _move_sentence(move)
    else:
        direction = _overall_direction(moves)
        move = _sharpest(moves, direction)
        summary = _overall_sentence(moves, move, names)
    drivers = [Driver(_event_label(e, names), footnotes.cite(e.evidence)) for e in _driver_events(move, events)]
    return Verdict(direction, summary, drivers, move.latest.period)


def _move_sentence(move: PairMove) -> str:
    latest, level = move.latest, "smoothed score" if move.latest.trend is not None else "mean score"
    counted = f"{plural(latest.events, 'event')}, mean {signed(latest.mean_score)}"
    if move.previous is None:
        return f"{latest.period} is the only month with events ({counted})"
    before, after = _level(move.previous), _level(latest)
    verb = "rose" if after > before else "fell" if after < before else "held"
    return f"In {latest.period} the {level} {verb} from {signed(before)} to {signed(after)} ({counted})" \
        + _level_caveat(move.direction, after)


def _level_caveat(direction: str | None, level: float) -> str:
    """A move against a level far on the other side ("warming" from −9.0 to −8.2) still leaves the pair there."""
    if direction == "warming" and level <= -FAR_LEVEL:
        return ", still a level of open conflict"
    if direction == "cooling" and level >= FAR_LEVEL:
        return ", still a level of close cooperation"
    return ""


def _overall_direction(moves: list[PairMove]) -> str:
    weight = {"warming": 0, "cooling": 0}
    for m in moves:
        if m.direction in weight:
            weight[m.direction] += m.latest.events
    if weight["warming"] == weight["cooling"]:
        return "steady"
    return max(weight, key=lambda k: weight[k])


def _sharpest(moves: list[PairMove], direction: str) -> PairMove:
    """The pair that moved most the way the whole store moved."""
    agreeing = [m for m in moves if m.direction == direction] or moves
    return max(agreeing, key=lambda m: (abs(m.change), m.latest.events))


def _overall_sentence(moves: list[PairMove], sharpest: PairMove, names: Names) -> str:
    counts = {k: sum(1 for m in moves if m.direction == k) for k in ("warming", "cooling", "steady")}
    pair = f"{names.name(sharpest.latest.a)} – {names.name(sharpest.latest.b)}"
    move = _move_sentence(sharpest)
    return (f"Of {len(moves)} pairs, in their latest month {counts['warming']} warmed, {counts['cooling']} cooled "
            f"and {counts['steady']} held steady; {pair}: {move[:1].lower()}{move[1:]}")


def _driver_events(move: PairMove, events: list[Event]) -> list[Event]:
    by_id = {e.event_id: e for e in events}
    found = [by_id[i] for i in move.latest.drivers if i in by_id]
    if not found:  # dyads written before drivers were stored: the month's weightiest events
        pair = {move.latest.a, move.latest.b}
        month = [e for e in events if {e.source_country, e.target_country} == pair
                 and (e.date or "").startswith(move.latest.period)]
        found = sorted(month, key=lambda e: (-abs(e.score), e.event_id))
    return found[:DRIVERS_SHOWN]


def _event_label(e: Event, names: Names) -> str:
    when = f"on {e.date}" if e.date else "(date not given)"
    return f"{names.name(e.source)} → {names.name(e.target)} {e.category} {when}"


# -- sections


def _key_events(events: list[Event], names: Names, footnotes: FootnoteIndex,
                published: Callable[[str], str | None] = lambda _: None) -> list[KeyEvent]:
    # undated events are mostly background ("has supplied power for a decade"), so dated ones lead; of one
    # event's reports the most precisely dated stands for it (not "thirteen months after the manoeuvres" of 2025),
    # and of equally precise ones the first published: the report, not a later article's retelling
    ranked = sorted(events, key=lambda e: (e.mode != "asserted", e.date is None, -abs(e.score), -len(e.date or ""),
                                           e.date or "", (published(e.doc_id) or "9999") + "~", e.doc_id,
                                           e.evidence.start))  # ("~": a year alone after its days)
    return [
        KeyEvent(e.date, names.name(e.source), names.name(e.target), e.category, e.mode, e.score,
                 e.evidence.text, len({r.doc_id for r in e.also_reported_in} - {e.doc_id}),
                 footnotes.cite(e.evidence))
        for e in _one_per_report(ranked)[:KEY_EVENTS]
    ]


def _one_per_report(events: list[Event]) -> list[Event]:
    """The first of events that one sentence reports alike (the same act read twice, once undated), and
    the first report of each event linking found told by several (the others are its further reports)."""
    seen: set[tuple[Any, ...]] = set()
    told: set[tuple[str, int, int]] = set()
    kept = []
    for e in events:
        key = (e.evidence.doc_id, e.evidence.start, e.evidence.end, e.category, e.source, e.target)
        span = (e.evidence.doc_id, e.evidence.start, e.evidence.end)
        if key in seen or (span in told and any(r.doc_id != e.doc_id for r in e.also_reported_in)):
            continue
        seen.add(key)
        kept.append(e)
        told.update((r.doc_id, r.start, r.end) for r in e.also_reported_in)
    return kept


def _without_repeats(quotes: list[Quote]) -> list[Quote]:
    """One quote per statement a speaker repeats in the same words, or in part, within one document (an
    article quoting the same sentence twice): the longest, then the first."""
    def plain(q: Quote) -> str:
        return " ".join(re.findall(r"\w+", q.text.lower()))

    kept: list[Quote] = []
    for q in sorted(quotes, key=lambda q: (-len(plain(q)), q.doc_id, q.start)):
        if not any(k.doc_id == q.doc_id and k.speaker == q.speaker and plain(q) in plain(k) for k in kept):
            kept.append(q)
    return kept


def _notable_quotes(quotes: list[Quote], when: DateOf, names: Names, footnotes: FootnoteIndex) -> list[Said]:
    # the most widely reported first, whole statements before fragments ("for consultations"), the
    # latest among equals; then shown in the order they were said
    ranked = sorted(_without_repeats(quotes), key=lambda q: when(q.said_on, q.doc_id) or "", reverse=True)
    ranked.sort(key=lambda q: (-len(q.also_reported_in), len(q.text.split()) < FRAGMENT_WORDS))
    chosen = _by_date(ranked[:NOTABLE_QUOTES], lambda q: when(q.said_on, q.doc_id))
    return [Said(names.name(q.speaker), when(q.said_on, q.doc_id), q.text,
                 footnotes.cite(Evidence(q.doc_id, q.start, q.end, q.text)))
            for q in chosen]


def _promise_tracker(commitments: list[Commitment], when: DateOf, names: Names,
                     footnotes: FootnoteIndex) -> dict[str, list[Promise]]:
    tracker: dict[str, list[Promise]] = {status: [] for status in PROMISE_STATUSES}
    for status in PROMISE_STATUSES:
        for c in _by_date((c for c in commitments if c.status == status), lambda c: when(c.made_on, c.evidence.doc_id)):
            ref = footnotes.cite(c.evidence)
            tracker[status].append(Promise(
                names.name(c.promiser), names.name(c.beneficiary) if c.beneficiary else None, c.content,
                c.made_on, when(None, c.evidence.doc_id), c.deadline, 1 + len(c.also_reported_in), ref,
                _stance_words(c.status_evidence, footnotes),
            ))
    return tracker


def _promise_caveat(verdict: Verdict, promises: dict[str, list[Promise]]) -> str | None:
    """A warming pair whose promises of that month or later are reported broken (or a cooling one whose are
    kept): the score counts the promising, the tracker tells how it went, and a reader should see both. A promise
    dated only to its year is left out (it may be older than the month)."""
    against = {"warming": "broken", "cooling": "kept"}.get(verdict.direction or "")
    if against is None or verdict.period is None:
        return None
    since = [p for p in promises[against] if (p.made_on or p.reported_on or "")[:7] >= verdict.period[:7]]
    if not since:
        return None
    return (f"But {plural(len(since), 'promise')} made in {verdict.period} or later "
            f"{'has' if len(since) == 1 else 'have'} since been reported {against} (see the promise tracker)")


def _stance_words(items: Iterable[StanceEvidence], footnotes: FootnoteIndex) -> list[StanceWords]:
    return [StanceWords(s.stance, s.text, footnotes.cite(s)) for s in items]


def _due_forecasts(forecasts: list[Forecast], period_end: str | None, names: Names, docs: dict[str, DocInfo],
                   footnotes: FootnoteIndex) -> list[ForecastItem]:
    end = last_day(period_end)
    if end is None:
        return []
    due = [f for f in forecasts
           if f.verdict == "unresolved" and (by := last_day(f.resolves_by)) is not None and by <= end + DUE_WINDOW]
    return [_forecast_item(f, period_end, names, docs, footnotes) for f in _by_date(due, lambda f: f.resolves_by)]


def _forecast_item(f: Forecast, period_end: str | None, names: Names, docs: dict[str, DocInfo],
                   footnotes: FootnoteIndex) -> ForecastItem:
    end, by = last_day(period_end), last_day(f.resolves_by)
    doc = docs.get(f.doc_id)
    author = names.name(f.author) if f.author else (doc.author if doc and doc.author else "unattributed")
    return ForecastItem(author, f.text, f.horizon_text, f.resolves_by,
                        end is not None and by is not None and by <= end, f.verdict, f.verdict_final,
                        footnotes.cite(f.evidence), _stance_words(f.verdict_evidence, footnotes))


def _disagreement_item(d: Disagreement, docs: dict[str, DocInfo], footnotes: FootnoteIndex) -> DisagreementItem:
    claims = []
    for c in d.claims:
        doc = docs.get(c.doc_id)
        outlet = (doc.outlet or doc.title) if doc else None
        claims.append(ClaimItem(outlet or c.doc_id, c.value, c.evidence.text, footnotes.cite(c.evidence)))
    return DisagreementItem(d.topic, d.kind, d.attribute, claims)


# ---------------------------------------------------------------- shared wording


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def signed(score: float | None) -> str:
    if score is None:
        return "—"
    return f"{score:+.1f}".replace("-", "−")


def one_line(text: str) -> str:
    return " ".join(text.split())


def period_text(brief: Brief) -> str:
    if brief.period_start is None and brief.period_end is None:
        return "undated"
    return f"{brief.period_start or '…'} to {brief.period_end or '…'}"


def coverage_text(brief: Brief) -> str:
    """"3 documents from 2 sources"; documents whose outlet is not known are counted apart."""
    if not brief.outlets:
        return f"{plural(brief.documents, 'document')}, outlets not stated"
    return f"{plural(brief.documents, 'document')} from {plural(brief.outlets, 'source')}"


def also_reported(n: int) -> str:
    return f"also reported by {plural(n, 'other source')}" if n else ""


def event_heading(e: KeyEvent) -> str:
    mode = "" if e.mode == "asserted" else f" ({e.mode})"
    return f"{e.date or 'undated'} · {e.source} → {e.target} · {e.category}{mode} {signed(e.score)}"


def promise_heading(p: Promise) -> str:
    return f"{p.promiser} → {p.beneficiary}" if p.beneficiary else p.promiser


def promise_details(p: Promise) -> str:
    made = f"made {p.made_on}" if p.made_on else f"reported {p.reported_on}" if p.reported_on else "undated"
    return f"{made} · deadline {p.deadline or 'none given'} · {plural(p.reports, 'report')}"


def forecast_timing(f: ForecastItem) -> str:
    parts = [f.horizon_text] if f.horizon_text else []
    if f.resolves_by:
        parts.append(f"{'horizon passed' if f.passed else 'due by'} {f.resolves_by}")
    return "; ".join(parts) or "no horizon"


def verdict_text(f: ForecastItem) -> str:
    return f"{f.verdict} ({'final' if f.verdict_final else 'provisional'})"


def disagreement_kind(d: DisagreementItem) -> str:
    return f"{d.kind}, {d.attribute}" if d.attribute else d.kind


def spark_level(value: float, scale: float) -> int:
    """Index into SPARK_BARS on a scale symmetric around zero, so a bar's height reads as a score."""
    position = (value + scale) / (2 * scale)
    return min(len(SPARK_BARS) - 1, max(0, int(position * len(SPARK_BARS))))


def score_scale(months: list[Month]) -> float:
    values = [abs(v) for m in months for v in (m.mean_score, m.trend) if v is not None]
    biggest = max(values, default=0.0)
    return next((s for s in (1.0, 2.0, 5.0, 10.0) if biggest <= s), float(math.ceil(biggest)))


# ---------------------------------------------------------------- Markdown


SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def md_ref(number: int) -> str:
    return f"[{str(number).translate(SUPERSCRIPT)}]"


def render_markdown(brief: Brief) -> str:
    sections = [
        _md_header(brief),
        _md_trend(brief.months),
        _md_events(brief.events),
        _md_quotes(brief.quotes),
        _md_promises(brief.promises),
        _md_forecasts(brief.forecasts_due, brief.forecasts_resolved),
        _md_disagreements(brief.disagreements),
        _md_sources(brief.footnotes),
    ]
    return "\n\n".join(sections) + "\n"


def _md_header(brief: Brief) -> str:
    return "\n\n".join([
        f"# Brief: {brief.title}",
        f"Period: {period_text(brief)} · {coverage_text(brief)}",
        f"**Verdict: {brief.verdict.direction or 'none'}.** {_md_verdict_reason(brief.verdict)}"
        + (f" {brief.verdict.caveat}." if brief.verdict.caveat else ""),
    ])


def _md_verdict_reason(verdict: Verdict) -> str:
    if not verdict.drivers:
        return verdict.summary + "."
    drivers = "; ".join(f"{d.label} {md_ref(d.ref)}" for d in verdict.drivers)
    return f"{verdict.summary}, driven by {drivers}."


def _md_section(heading: str, lines: list[str], empty: str) -> str:
    return f"## {heading}\n\n" + ("\n".join(lines) if lines else f"_{empty}_")


def _md_trend(months: list[Month]) -> str:
    if not months:
        return _md_section("Trend", [], "No dated events between states in this period.")
    scale = score_scale(months)
    spark = "".join(" " if m.mean_score is None else SPARK_BARS[spark_level(m.mean_score, scale)] for m in months)
    lines = [
        f"Mean cooperation–conflict score by month, {months[0].period} to {months[-1].period}: "
        f"`{spark}` (scale ±{scale:g})",
        "",
        "| Month | Events | Cooperation | Conflict | Mean | Trend |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    lines += [f"| {m.period} | {m.events} | {m.cooperation} | {m.conflict} | {signed(m.mean_score)} | "
              f"{signed(m.trend)} |" for m in months]
    return _md_section("Trend", lines, "")


def _md_quote(words: str) -> str:
    return f"“{one_line(unpaired_marks_off(words))}”"


# double marks only: a single closing mark is also an apostrophe ("the Kestrians’")
_MARK_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"))


def unpaired_marks_off(words: str) -> str:
    """Words without a quotation mark at either end that the words do not close or open (evidence starting at a
    quote's opening mark: ““Of course, …” reads as one quotation, not a mark doubled)."""
    words = words.strip()
    for opener, closer in _MARK_PAIRS:
        marks = [c for c in words if c in (opener, closer)]
        # the first mark is closed when a closing mark comes next, the last one opened when an opening mark is before
        if words.startswith(opener) and (len(marks) < 2 or marks[1] != closer):
            words = words[len(opener):].lstrip()
            marks = marks[1:]
        if words.endswith(closer) and (len(marks) < 2 or marks[-2] != opener):
            words = words[: -len(closer)].rstrip()
    if words.count('"') % 2 == 1:
        words = words[1:].lstrip() if words.startswith('"') else words[:-1].rstrip() if words.endswith('"') else words
    return words


def _md_events(events: list[KeyEvent]) -> str:
    lines = []
    for e in events:
        more = f" — {also_reported(e.other_reports)}" if e.other_reports else ""
        lines.append(f"- **{event_heading(e)}**: {_md_quote(e.words)}{more} {md_ref(e.ref)}")
    return _md_section("Key events", lines, "No events in this period.")


def _md_quotes(quotes: list[Said]) -> str:
    lines = [f"- **{q.speaker}**, {q.date or 'undated'}: {_md_quote(q.words)} {md_ref(q.ref)}" for q in quotes]
    return _md_section("Who said what", lines, "No direct quotes in this period.")


def _md_stance_lines(items: list[StanceWords]) -> list[str]:
    return [f"  - {s.stance}: {_md_quote(s.words)} {md_ref(s.ref)}" for s in items]


def _md_promises(promises: dict[str, list[Promise]]) -> str:
    counts = ", ".join(f"{len(promises[s])} {s}" for s in PROMISE_STATUSES)
    lines = [counts]
    for status in PROMISE_STATUSES:
        if not promises[status]:
            continue
        lines += ["", f"### {status.capitalize()} ({len(promises[status])})", ""]
        for p in promises[status]:
            lines.append(f"- **{promise_heading(p)}**: {one_line(p.content)} · {promise_details(p)} {md_ref(p.ref)}")
            lines += _md_stance_lines(p.status_evidence)
    return _md_section("Promise tracker", lines, "")


def _md_forecast_lines(items: list[ForecastItem]) -> list[str]:
    lines = []
    for f in items:
        lines.append(f"- **{f.author}** ({forecast_timing(f)}): {_md_quote(f.text)} — {verdict_text(f)} "
                     f"{md_ref(f.ref)}")
        lines += _md_stance_lines(f.verdict_evidence)
    return lines


def _md_forecasts(due: list[ForecastItem], resolved: list[ForecastItem]) -> str:
    lines = ["### Due", ""] + (_md_forecast_lines(due) or ["_None due._"])
    lines += ["", "### Resolved", ""] + (_md_forecast_lines(resolved) or ["_None resolved._"])
    return _md_section("Forecasts", lines, "")


def _md_disagreements(items: list[DisagreementItem]) -> str:
    lines = []
    for d in items:
        lines.append(f"- **{one_line(d.topic)}** ({disagreement_kind(d)})")
        lines += [f"  - {one_line(c.outlet)}: {one_line(c.value)} — {_md_quote(c.words)} {md_ref(c.ref)}"
                  for c in d.claims]
    return _md_section("Where sources disagree", lines, "No disagreements between sources in this period.")


def _md_sources(footnotes: list[Footnote]) -> str:
    lines = []
    for n in footnotes:
        lines.append(f"- {md_ref(n.number)} {_source_name(n)}, {n.published or 'undated'}: "
                     f"{_md_quote(n.text)} ({n.locator})")
    return _md_section("Sources", lines, "No sources cited.")


def _source_name(n: Footnote) -> str:
    title = one_line(n.title) if n.title else None
    outlet = one_line(n.outlet) if n.outlet else None
    if title and outlet:
        return f"{title} — {outlet}"
    return title or outlet or n.doc_id


# ---------------------------------------------------------------- HTML


def esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


STYLE = """
:root { color-scheme: light dark; --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --paper: #fff;
  --warm: #1a7f37; --cool: #c62828; --accent: #2457a6; }
@media (prefers-color-scheme: dark) { :root { --ink: #e8e8ea; --muted: #a0a4aa; --rule: #3a3a40;
  --paper: #161618; --warm: #5cc27a; --cool: #ef6b6b; --accent: #8ab4f8; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .4rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
p, li { overflow-wrap: anywhere; }
ul, ol { padding-left: 1.3rem; }
li { margin: .35rem 0; }
.meta, .empty, .muted { color: var(--muted); }
.verdict { font-size: 1.05rem; padding: .7rem .9rem; border-left: 4px solid var(--rule);
  background: rgba(127, 127, 127, .08); }
.verdict-warming { border-color: var(--warm); } .verdict-cooling { border-color: var(--cool); }
.words { font-style: italic; }
.stance-contradicts { color: var(--cool); } .stance-supports { color: var(--warm); }
sup.ref a { text-decoration: none; color: var(--accent); padding: 0 .1em; }
a { color: var(--accent); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: .9rem; font-variant-numeric: tabular-nums; }
th, td { padding: .25rem .6rem; border-bottom: 1px solid var(--rule); text-align: right; }
th:first-child, td:first-child { text-align: left; }
figure { margin: 0 0 1rem; }
figcaption { font-size: .85rem; color: var(--muted); }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font: 13px system-ui, sans-serif; fill: var(--muted); }
svg.chart .axis { stroke: var(--rule); } svg.chart .zero { stroke: var(--muted); stroke-dasharray: 2 3; }
svg.chart .mean { fill: none; stroke: var(--ink); stroke-width: 1.5; }
svg.chart .trend { fill: none; stroke: var(--accent); stroke-width: 2; stroke-dasharray: 6 4; }
svg.chart .bar { fill: var(--rule); }
svg.chart .point.up { fill: var(--warm); } svg.chart .point.down { fill: var(--cool); }
svg.chart .point.flat { fill: var(--muted); }
ol.sources { font-size: .9rem; }
ol.sources li:target { background: rgba(255, 213, 79, .3); }
@media (max-width: 32rem) { body { font-size: .95rem; } h1 { font-size: 1.35rem; } main { padding: 1rem .75rem 2rem; } }
"""


def html_ref(number: int) -> str:
    return f'<sup class="ref"><a href="#source-{number}" aria-label="source {number}">{number}</a></sup>'


def render_html(brief: Brief) -> str:
    body = "\n".join([
        _html_header(brief),
        _html_trend(brief.months),
        _html_events(brief.events),
        _html_quotes(brief.quotes),
        _html_promises(brief.promises),
        _html_forecasts(brief.forecasts_due, brief.forecasts_resolved),
        _html_disagreements(brief.disagreements),
        _html_sources(brief.footnotes),
    ])
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Brief: {esc(brief.title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _html_header(brief: Brief) -> str:
    verdict = brief.verdict
    reason = esc(verdict.summary)
    if verdict.drivers:
        reason += ", driven by " + "; ".join(f"{esc(d.label)} {html_ref(d.ref)}" for d in verdict.drivers)
    direction = verdict.direction or "none"
    return (
        f"<header>\n<h1>Brief: {esc(brief.title)}</h1>\n"
        f'<p class="meta">Period: {esc(period_text(brief))} · {esc(coverage_text(brief))}</p>\n'
        f'<p class="verdict verdict-{esc(direction)}"><strong>Verdict: {esc(direction)}.</strong> {reason}.'
        + (f" {esc(verdict.caveat)}." if verdict.caveat else "") + "</p>\n"
        "</header>"
    )


def _html_section(anchor: str, heading: str, content: str) -> str:
    return f'<section id="{anchor}">\n<h2>{heading}</h2>\n{content}\n</section>'


def _html_empty(text: str) -> str:
    return f'<p class="empty">{esc(text)}</p>'


def _html_words(words: str) -> str:
    return f'<span class="words">“{esc(unpaired_marks_off(words))}”</span>'


def _html_list(items: list[str], tag: str = "ul") -> str:
    return f"<{tag}>\n" + "\n".join(f"<li>{item}</li>" for item in items) + f"\n</{tag}>"


def _html_trend(months: list[Month]) -> str:
    if not months:
        return _html_section("trend", "Trend", _html_empty("No dated events between states in this period."))
    rows = "\n".join(
        f"<tr><td>{esc(m.period)}</td><td>{m.events}</td><td>{m.cooperation}</td><td>{m.conflict}</td>"
        f"<td>{esc(signed(m.mean_score))}</td><td>{esc(signed(m.trend))}</td></tr>"
        for m in months
    )
    table = ('<div class="scroll"><table>\n<thead><tr><th>Month</th><th>Events</th><th>Cooperation</th>'
             f"<th>Conflict</th><th>Mean</th><th>Trend</th></tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table></div>")
    caption = ("<figcaption>Dots and solid line: mean cooperation (+) – conflict (−) score of the month; dashed "
               "line: smoothed trend; grey bars: number of events.</figcaption>")
    return _html_section("trend", "Trend", f"<figure>\n{trend_svg(months)}\n{caption}\n</figure>\n{table}")


@dataclass(frozen=True, slots=True)
class ChartFrame:
    """Where things go in the chart's coordinate space."""

    width: int = 640
    left: int = 44
    right: int = 12
    top: int = 14
    plot_bottom: int = 170
    bars_bottom: int = 222
    bars_height: int = 40
    height: int = 250

    def x(self, index: int, count: int) -> float:
        step = (self.width - self.left - self.right) / count
        return round(self.left + (index + 0.5) * step, 1)

    def y(self, score: float, scale: float) -> float:
        return round(self.top + (scale - score) / (2 * scale) * (self.plot_bottom - self.top), 1)


def trend_svg(months: list[Month]) -> str:
    """The monthly scores as a self-contained inline SVG: no script, no external resource."""
    frame, scale = ChartFrame(), score_scale(months)
    count = len(months)
    parts = [f'<svg class="chart" viewBox="0 0 {frame.width} {frame.height}" role="img" '
             f'aria-label="Mean score by month, {esc(months[0].period)} to {esc(months[-1].period)}" '
             'xmlns="http://www.w3.org/2000/svg">']
    for score in (scale, 0.0, -scale):
        y = frame.y(score, scale)
        line_class = "zero" if score == 0 else "axis"
        parts.append(f'<line class="{line_class}" x1="{frame.left}" x2="{frame.width - frame.right}" '
                     f'y1="{y}" y2="{y}"/>')
        label = "0" if score == 0 else f"{score:+g}".replace("-", "−")
        parts.append(f'<text x="{frame.left - 6}" y="{y + 4}" text-anchor="end">{label}</text>')
    parts += _svg_bars(months, frame)
    for name, values in (("mean", [m.mean_score for m in months]), ("trend", [m.trend for m in months])):
        points = [f"{frame.x(i, count)},{frame.y(v, scale)}" for i, v in enumerate(values) if v is not None]
        if len(points) > 1:
            parts.append(f'<polyline class="{name}" points="{" ".join(points)}"/>')
    for i, m in enumerate(months):
        if m.mean_score is None:
            continue
        tone = "up" if m.mean_score > 0 else "down" if m.mean_score < 0 else "flat"
        parts.append(f'<circle class="point {tone}" cx="{frame.x(i, count)}" cy="{frame.y(m.mean_score, scale)}" '
                     f'r="4"><title>{esc(m.period)}: mean {esc(signed(m.mean_score))}, {plural(m.events, "event")}'
                     "</title></circle>")
    parts += _svg_month_labels(months, frame)
    parts.append("</svg>")
    return "\n".join(parts)


def _svg_bars(months: list[Month], frame: ChartFrame) -> list[str]:
    busiest = max((m.events for m in months), default=0) or 1
    width = round((frame.width - frame.left - frame.right) / len(months) * 0.5, 1)
    bars = [f'<text x="{frame.left - 6}" y="{frame.bars_bottom}" text-anchor="end">0</text>',
            f'<text x="{frame.left - 6}" y="{frame.bars_bottom - frame.bars_height + 8}" '
            f'text-anchor="end">{busiest}</text>']
    for i, m in enumerate(months):
        if not m.events:
            continue
        height = round(m.events / busiest * frame.bars_height, 1)
        bars.append(f'<rect class="bar" x="{round(frame.x(i, len(months)) - width / 2, 1)}" '
                    f'y="{round(frame.bars_bottom - height, 1)}" width="{width}" height="{height}">'
                    f"<title>{esc(m.period)}: {plural(m.events, 'event')}</title></rect>")
    return bars


def _svg_month_labels(months: list[Month], frame: ChartFrame) -> list[str]:
    every = max(1, math.ceil(len(months) / 8))  # about eight labels fit a phone's width
    return [f'<text x="{frame.x(i, len(months))}" y="{frame.height - 8}" text-anchor="middle">{esc(m.period)}</text>'
            for i, m in enumerate(months) if i % every == 0 or i == len(months) - 1]


def _html_events(events: list[KeyEvent]) -> str:
    if not events:
        return _html_section("events", "Key events", _html_empty("No events in this period."))
    items = []
    for e in events:
        more = f' <span class="muted">— {esc(also_reported(e.other_reports))}</span>' if e.other_reports else ""
        items.append(f"<strong>{esc(event_heading(e))}</strong>: {_html_words(e.words)}{more} {html_ref(e.ref)}")
    return _html_section("events", "Key events", _html_list(items, "ol"))


def _html_quotes(quotes: list[Said]) -> str:
    if not quotes:
        return _html_section("quotes", "Who said what", _html_empty("No direct quotes in this period."))
    items = [f"<strong>{esc(q.speaker)}</strong>, {esc(q.date or 'undated')}: {_html_words(q.words)} "
             f"{html_ref(q.ref)}" for q in quotes]
    return _html_section("quotes", "Who said what", _html_list(items))


def _html_stance_list(items: list[StanceWords]) -> str:
    if not items:
        return ""
    return "\n" + _html_list([f'<span class="stance-{esc(s.stance)}">{esc(s.stance)}</span>: '
                              f"{_html_words(s.words)} {html_ref(s.ref)}" for s in items])


def _html_promises(promises: dict[str, list[Promise]]) -> str:
    parts = [f'<p class="meta">{esc(", ".join(f"{len(promises[s])} {s}" for s in PROMISE_STATUSES))}</p>']
    for status in PROMISE_STATUSES:
        if not promises[status]:
            continue
        items = [f"<strong>{esc(promise_heading(p))}</strong>: {esc(p.content)} "
                 f'<span class="muted">· {esc(promise_details(p))}</span> {html_ref(p.ref)}'
                 f"{_html_stance_list(p.status_evidence)}" for p in promises[status]]
        parts.append(f'<h3 id="promises-{status}">{status.capitalize()} ({len(items)})</h3>\n{_html_list(items)}')
    return _html_section("promises", "Promise tracker", "\n".join(parts))


def _html_forecast_list(items: list[ForecastItem], empty: str) -> str:
    if not items:
        return _html_empty(empty)
    return _html_list([f"<strong>{esc(f.author)}</strong> ({esc(forecast_timing(f))}): {_html_words(f.text)} "
                       f"— {esc(verdict_text(f))} {html_ref(f.ref)}{_html_stance_list(f.verdict_evidence)}"
                       for f in items])


def _html_forecasts(due: list[ForecastItem], resolved: list[ForecastItem]) -> str:
    content = (f"<h3>Due</h3>\n{_html_forecast_list(due, 'None due.')}\n"
               f"<h3>Resolved</h3>\n{_html_forecast_list(resolved, 'None resolved.')}")
    return _html_section("forecasts", "Forecasts", content)


def _html_disagreements(items: list[DisagreementItem]) -> str:
    if not items:
        return _html_section("disagreements", "Where sources disagree",
                             _html_empty("No disagreements between sources in this period."))
    entries = []
    for d in items:
        claims = _html_list([f"{esc(c.outlet)}: <strong>{esc(c.value)}</strong> — {_html_words(c.words)} "
                             f"{html_ref(c.ref)}" for c in d.claims])
        entries.append(f'<strong>{esc(d.topic)}</strong> <span class="muted">({esc(disagreement_kind(d))})</span>'
                       f"\n{claims}")
    return _html_section("disagreements", "Where sources disagree", _html_list(entries))


def _html_sources(footnotes: list[Footnote]) -> str:
    if not footnotes:
        return _html_section("sources", "Sources", _html_empty("No sources cited."))
    items = "\n".join(
        f'<li id="source-{n.number}">{esc(_source_name(n))}, {esc(n.published or "undated")}: '
        f'{_html_words(n.text)} (<a href="{esc(n.reader_href)}">{esc(n.locator)}</a>)</li>'
        for n in footnotes
    )
    return _html_section("sources", "Sources", f'<ol class="sources">\n{items}\n</ol>')
