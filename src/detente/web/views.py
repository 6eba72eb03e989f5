"""What the web pages show, gathered from the library API as plain data; the templates lay it out.

The reader is the heart of it: every record of a document, and every later record that cites
its words as evidence, becomes a ``Mark`` over the text; the text is cut into ``Segment``s at
every mark boundary, so overlapping records never break the markup.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import quote

from .. import api
from markupsafe import Markup

from ..brief import Brief, Names, collect_brief, last_day, trend_svg
from ..records import (
    Actor,
    Commitment,
    Disagreement,
    Document,
    Event,
    Evidence,
    Forecast,
    Quote,
    Record,
    StanceEvidence,
)
from ..store import Store

#: reader layers, in the order the side panel lists them; the text shows the first four by default
MARK_KINDS = ("event", "quote", "promise", "forecast", "evidence", "date", "actor")
KIND_TITLES = {"event": "Events", "quote": "Quotes", "promise": "Promises", "forecast": "Forecasts",
               "evidence": "Cited by other records", "date": "Dates", "actor": "Actors"}


def evidence_href(evidence: Evidence | StanceEvidence) -> str:
    """The reader page of the evidence's document, scrolled to its words."""
    return f"/documents/{quote(evidence.doc_id, safe='')}#{evidence.start}-{evidence.end}"


def actor_href(actor_id: str) -> str:
    return f"/actors/{quote(actor_id, safe='')}"


def signed(score: float | None) -> str:
    return "—" if score is None else f"{score:+.1f}".replace("-", "−")


def load_names(store: Store) -> Names:
    return Names(store.records("actors"))  # type: ignore[arg-type]


# ---------------------------------------------------------------- the reader


@dataclass(slots=True)
class Mark:
    """One highlighted span of the reader, with what the side panel says of it."""

    index: int
    kind: str
    start: int
    end: int
    label: str
    words: str
    detail: str = ""
    link: str | None = None  # where the record itself is listed (a promise on the tracker…)

    @property
    def anchor(self) -> str:
        return f"{self.start}-{self.end}"


@dataclass(slots=True)
class Segment:
    text: str
    marks: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()  # "start-end" of every mark that begins here


@dataclass(slots=True)
class Reader:
    document: Document
    segments: list[Segment]
    groups: dict[str, list[Mark]]
    other_documents: dict[str, str] = field(default_factory=dict)  # doc_id -> title, of cross-references


def segments_of(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut ``text`` at every mark boundary; each piece knows the marks that cover it."""
    cuts = {0, len(text)}
    for m in marks:
        cuts.update((m.start, m.end))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    starting: dict[int, list[str]] = defaultdict(list)
    for m in marks:
        if m.anchor not in starting[m.start]:
            starting[m.start].append(m.anchor)
    pieces = []
    for begin, end in zip(points, points[1:], strict=False):
        covering = [m for m in marks if m.start <= begin and end <= m.end and m.start < m.end]
        kinds = tuple(k for k in MARK_KINDS if any(m.kind == k for m in covering))
        pieces.append(Segment(text[begin:end], tuple(m.index for m in covering), kinds, tuple(starting.get(begin, ()))))
    # zero-length or end-of-text anchors still need a place to land
    tail = tuple(a for point, anchors in starting.items() if point >= len(text) for a in anchors)
    if tail:
        pieces.append(Segment("", (), (), tail))
    return pieces


def reader(store: Store, doc_id: str) -> Reader | None:
    """The document with every record over its words, for the reader page."""
    found = api.document_with_records(store, doc_id)
    if found is None:
        return None
    document = Document.from_dict(found["document"])
    names = load_names(store)
    marks: list[Mark] = []

    def add(kind: str, start: int, end: int, label: str, detail: str = "", link: str | None = None) -> None:
        if 0 <= start < end <= len(document.text):
            marks.append(Mark(len(marks), kind, start, end, label, document.text[start:end], detail, link))

    for e in map(Event.from_dict, found["events"]):
        if e.doc_id == doc_id:
            add("event", e.evidence.start, e.evidence.end, event_label(e, names), event_detail(e),
                f"/events?pair={e.source_country}-{e.target_country}" if pair_ok(e) else None)
    for q in map(Quote.from_dict, found["quotes"]):
        if q.doc_id == doc_id:
            add("quote", q.start, q.end, f"{names.name(q.speaker)} ({q.kind})", quote_detail(q),
                actor_href(q.speaker) if q.speaker else None)
    for c in map(Commitment.from_dict, found["commitments"]):
        for ev in (c.evidence, *c.also_reported_in):
            if ev.doc_id == doc_id:
                add("promise", ev.start, ev.end, promise_label(c, names), f"status: {c.status}",
                    f"/promises#{c.commitment_id}")
    for f in map(Forecast.from_dict, found["forecasts"]):
        if f.doc_id == doc_id:
            add("forecast", f.evidence.start, f.evidence.end, f"{names.name(f.author)} predicts",
                forecast_detail(f), f"/forecasts#{f.forecast_id}")
    for t in found["timexes"]:
        add("date", t["start"], t["end"], t["value"] or "unresolved", t["precision"] or "")
    for a in map(Actor.from_dict, found["actors"]):
        for m in a.mentions:
            if m.doc_id == doc_id:
                add("actor", m.start, m.end, a.name, a.kind, actor_href(a.actor_id))
    for kind_label, ev, link in cited_elsewhere(store, doc_id, names):
        add("evidence", ev.start, ev.end, kind_label, getattr(ev, "stance", "") or "", link)

    marks.sort(key=lambda m: (MARK_KINDS.index(m.kind), m.start, m.end))
    for i, m in enumerate(marks):
        m.index = i
    groups = {k: [m for m in marks if m.kind == k] for k in MARK_KINDS}
    return Reader(document, segments_of(document.text, marks), groups)


def cited_elsewhere(store: Store, doc_id: str, names: Names) -> Iterable[tuple[str, Evidence | StanceEvidence, str]]:
    """Words of this document that records of the whole store rest on: a promise's status, a
    forecast's verdict, a disagreement's claim."""
    for c in store.records("commitments"):
        assert isinstance(c, Commitment)
        for ev in c.status_evidence:
            if ev.doc_id == doc_id:
                yield f"{c.status} promise: {promise_label(c, names)}", ev, f"/promises#{c.commitment_id}"
    for f in store.records("forecasts"):
        assert isinstance(f, Forecast)
        for ev in f.verdict_evidence:
            if ev.doc_id == doc_id:
                yield f"forecast {f.verdict}: {names.name(f.author)}", ev, f"/forecasts#{f.forecast_id}"
    for d in store.records("disagreements"):
        assert isinstance(d, Disagreement)
        for claim in d.claims:
            if claim.evidence.doc_id == doc_id:
                yield f"disputed: {d.topic} = {claim.value}", claim.evidence, f"/disagreements#{d.disagreement_id}"


def pair_ok(e: Event) -> bool:
    return bool(e.source_country and e.target_country and e.source_country != e.target_country)


def event_label(e: Event, names: Names) -> str:
    mode = "" if e.mode == "asserted" else f" ({e.mode})"
    return f"{names.name(e.source)} → {names.name(e.target)}: {e.category}{mode}"


def event_detail(e: Event) -> str:
    return f"CAMEO {e.cameo or '—'} · score {signed(e.score)} · {e.date or 'undated'}"


def quote_detail(q: Quote) -> str:
    parts = [f"cue: {q.cue}" if q.cue else "", f"said {q.said_on}" if q.said_on else "", q.venue or ""]
    return " · ".join(p for p in parts if p)


def promise_label(c: Commitment, names: Names) -> str:
    who = names.name(c.promiser)
    if c.promiser_person:
        who += f" ({names.name(c.promiser_person)})"
    return f"{who} → {names.name(c.beneficiary)}" if c.beneficiary else who


def forecast_detail(f: Forecast) -> str:
    by = f"by {f.resolves_by}" if f.resolves_by else "no horizon"
    return f"{by} · {f.verdict}{'' if f.verdict_final else ' (not final)'}"


# ---------------------------------------------------------------- the dashboard


@dataclass(slots=True)
class PairSummary:
    pair: str  # "AAA-BBB"
    title: str
    events: int
    last_period: str


def pairs(store: Store, names: Names) -> list[PairSummary]:
    """Every pair of states with dyads, busiest first."""
    events: Counter[str] = Counter()
    latest: dict[str, str] = {}
    for d in store.records("dyads"):
        key = f"{d.a}-{d.b}"  # type: ignore[attr-defined]
        events[key] += d.events  # type: ignore[attr-defined]
        latest[key] = max(latest.get(key, ""), d.period)  # type: ignore[attr-defined]
    return [PairSummary(key, f"{names.name(key[:3])} – {names.name(key[4:])}", count, latest[key])
            for key, count in sorted(events.items(), key=lambda kv: (-kv[1], kv[0]))]


@dataclass(slots=True)
class Dashboard:
    pair: str | None
    pairs: list[PairSummary]
    brief: Brief
    recent: list[Event]
    promise_counts: dict[str, int]
    # the brief's SVG chart, escaped where it is built; the only markup a template takes as is
    chart: Markup | None


def dashboard(store: Store, pair: str | None, names: Names, recent: int = 12) -> Dashboard:
    """The relationship of one pair (the busiest when none is asked for). Raises UsageError for a bad pair."""
    known = pairs(store, names)
    chosen = pair or (known[0].pair if known else None)
    brief = collect_brief(store, pair=chosen)
    events = [e for e in api.select_records(store, "events", pair=chosen)] if chosen else []
    latest = sorted(events, key=lambda e: (e.date or "", e.event_id), reverse=True)  # type: ignore[attr-defined]
    counts = {status: len(items) for status, items in brief.promises.items()}
    chart = Markup(trend_svg(brief.months)) if brief.months else None  # noqa: S704 - built escaped by brief.py
    return Dashboard(chosen.upper() if chosen else None, known, brief, latest[:recent], counts,  # type: ignore[arg-type]
                     chart)


# ---------------------------------------------------------------- boards


def promise_board(store: Store, pair: str | None = None) -> dict[str, list[Commitment]]:
    """Promises by status, the ones with news first: broken, disputed, kept, then open."""
    board: dict[str, list[Commitment]] = {s: [] for s in ("broken", "disputed", "kept", "open")}
    for c in api.select_records(store, "commitments", pair=pair):
        board[c.status].append(c)  # type: ignore[attr-defined, index]
    for items in board.values():
        items.sort(key=lambda c: (c.made_on or "", c.commitment_id), reverse=True)
    return board


FORECAST_SECTIONS = {
    "due": "Due: the horizon has passed, no verdict yet",
    "resolved": "Resolved by later reports",
    "ahead": "Horizon ahead",
    "open": "No horizon given",
}


def forecast_board(store: Store, today: date, pair: str | None = None) -> dict[str, list[Forecast]]:
    board: dict[str, list[Forecast]] = {s: [] for s in FORECAST_SECTIONS}
    for f in api.select_records(store, "forecasts", pair=pair):
        assert isinstance(f, Forecast)
        board[forecast_section(f, today)].append(f)
    for items in board.values():
        items.sort(key=lambda f: (f.resolves_by or "9999", f.forecast_id))
    return board


def forecast_section(f: Forecast, today: date) -> str:
    if f.verdict != "unresolved":
        return "resolved"
    end = last_day(f.resolves_by)
    if end is None:
        return "open"
    return "due" if end < today else "ahead"


# ---------------------------------------------------------------- actors and search


@dataclass(slots=True)
class ActorPage:
    actor: Actor
    documents: list[tuple[str, str, int]]  # doc_id, title, mentions
    quotes: list[Quote]
    as_source: list[Event]
    as_target: list[Event]
    promises: list[Commitment]
    forecasts: list[Forecast]


def actor_page(store: Store, actor_id: str) -> ActorPage | None:
    actor = next(iter(store.records("actors", actor_id=actor_id)), None)
    if actor is None:
        return None
    assert isinstance(actor, Actor)
    per_doc = Counter(m.doc_id for m in actor.mentions)
    titles = {d: (i.get("title") or d) for d, i in store.document_info(per_doc).items()}
    events = [e for e in api.select_records(store, "events", actor=actor_id)]
    return ActorPage(
        actor=actor,
        documents=[(d, titles.get(d, d), n) for d, n in per_doc.most_common()],
        quotes=list(api.select_records(store, "quotes", actor=actor_id)),  # type: ignore[arg-type]
        as_source=[e for e in events if e.source == actor_id],  # type: ignore[attr-defined]
        as_target=[e for e in events if e.target == actor_id],  # type: ignore[attr-defined]
        promises=list(api.select_records(store, "commitments", actor=actor_id)),  # type: ignore[arg-type]
        forecasts=list(api.select_records(store, "forecasts", actor=actor_id)),  # type: ignore[arg-type]
    )


def actor_list(store: Store, kind: str | None = None, q: str | None = None) -> list[Actor]:
    wanted = (q or "").casefold().strip()
    found = []
    for a in store.records("actors"):
        assert isinstance(a, Actor)
        if kind and a.kind != kind:
            continue
        if wanted and not any(wanted in n.casefold() for n in (a.name, a.actor_id, *a.aliases)):
            continue
        found.append(a)
    return sorted(found, key=lambda a: (-len(a.mentions), a.name))


@dataclass(slots=True)
class Hit:
    document: Document
    snippets: list[tuple[str, str, str]]  # before, match, after


SNIPPET_CONTEXT = 80
MAX_SNIPPETS = 3


def search(store: Store, q: str, limit: int = 50) -> tuple[list[Hit], list[Actor]]:
    """Documents containing every word of ``q`` (quoted phrases kept whole), and actors named so."""
    terms = search_terms(q)
    if not terms:
        return [], []
    hits = [Hit(d, snippets(d.text, terms)) for d in store.search_documents(terms, limit=limit)]
    return hits, actor_list(store, q=q)[:20] if len(q) >= 2 else []


def search_terms(q: str) -> list[str]:
    terms = [a or b for a, b in re.findall(r'"([^"]+)"|(\S+)', q)]
    return [t for t in terms if t.strip()][:10]


def snippets(text: str, terms: list[str]) -> list[tuple[str, str, str]]:
    folded = text.casefold()
    found = []
    for term in terms:
        at = folded.find(term.casefold())
        if at < 0:
            continue
        end = at + len(term)
        before = text[max(0, at - SNIPPET_CONTEXT) : at]
        after = text[end : end + SNIPPET_CONTEXT]
        found.append(("…" + before.lstrip() if at > SNIPPET_CONTEXT else before, text[at:end],
                      after.rstrip() + "…" if end + SNIPPET_CONTEXT < len(text) else after))
        if len(found) == MAX_SNIPPETS:
            break
    return found


def documents_page(store: Store) -> list[tuple[Document, dict[str, int]]]:
    """Every document, newest first, with how many records of each kind came from it."""
    counts: dict[str, Counter[str]] = {c: Counter() for c in ("events", "quotes", "commitments", "forecasts")}
    for collection, counter in counts.items():
        for r in store.raw_records(collection):
            counter[doc_of(r)] += 1
    docs = sorted(store.documents(), key=lambda d: (d.published or "", d.doc_id), reverse=True)
    return [(d, {c: counts[c][d.doc_id] for c in counts}) for d in docs]


def doc_of(record: Record) -> str:
    doc_id = getattr(record, "doc_id", None)
    return doc_id if isinstance(doc_id, str) else record.evidence.doc_id  # type: ignore[attr-defined]


def template_globals() -> dict[str, Any]:
    return {"evidence_href": evidence_href, "actor_href": actor_href, "signed": signed,
            "KIND_TITLES": KIND_TITLES, "MARK_KINDS": MARK_KINDS, "FORECAST_SECTIONS": FORECAST_SECTIONS}
