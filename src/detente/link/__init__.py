"""Cross-document linking: one actor, promise, event and statement across sources.

Linking is incremental in the documents just stored and independent of their order. The
documents a run adds decide which linking units ("blocks") are touched: the actors they
mention, the pairs of states of their events, the promisers they name, the forecasts about the
states they mention, the occasions and counts they give. Each touched block is then recomputed
from every record the store holds for it, so the result is the same whatever order documents
arrived in, and blocks the new documents do not touch are left alone.

Per-document records stay as their extraction wrote them; the linked view (a promise with every
report and its status, an event with its other reports, a forecast with its verdict) is written
to the ``links`` table and read through ``Store.records``.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable

from ..records import Commitment, Event, Evidence, Forecast, Quote, Timex
from ..store import Store
from .actors import merge_actor_records
from .cluster import cluster
from .corpus import Corpus
from .cues import document_cues
from .disagreements import count_disagreement, occasion_disagreement, promise_disagreement
from .dyads import pair_series
from .events import EventMatcher, canonical_event, event_groups, group_date, linked_events, pair_of
from .forecasts import checked_forecast
from .promises import PromiseMatcher, assign_references, linked_promise, promise_groups
from .text import overlap, plain, words

__all__ = ["link", "link_pending", "merge_actor_records"]

QUOTE_THRESHOLD = 0.6
QUOTE_SHARED_WORDS = 3


def link(store: Store, doc_ids: Iterable[str]) -> None:
    """Update the cross-document records touched by these newly stored documents."""
    doc_ids = sorted(set(doc_ids))
    if not doc_ids:
        return
    with store.transaction():
        Linker(store, doc_ids).run()


def link_pending(store: Store) -> int:
    """Link every stored document not yet linked (including any a killed ingest left behind)."""
    pending = store.unlinked_doc_ids()
    for i in range(0, len(pending), 1000):
        link(store, pending[i : i + 1000])
    return len(pending)


class Linker:
    """One linking run over the blocks a batch of new documents touches."""

    def __init__(self, store: Store, doc_ids: list[str]) -> None:
        self.store = store
        self.doc_ids = doc_ids
        self.corpus = Corpus(store)
        self.corpus.load(doc_ids)
        self._groups: dict[tuple[str, str], list[list[Event]]] = {}

    def run(self) -> None:
        actors = self.link_actors()
        cue_rows = self.store_cues()
        states = {a for a in actors if len(a) == 3 and a.isupper()}
        self.link_events()
        self.link_quotes()
        self.link_promises(actors)
        self.check_forecasts(states, actors)
        self.find_fact_disagreements(cue_rows)
        self.store.mark_linked(self.doc_ids)

    # -- actors and cues

    def link_actors(self) -> set[str]:
        actor_ids = self.store.actor_ids_in(self.doc_ids)
        if actor_ids:
            self.store.upsert_actors(merge_actor_records(self.store.doc_actor_records(sorted(actor_ids))))
        return actor_ids

    def store_cues(self) -> list[dict]:
        kinds = {m.actor_id: self.corpus.kind(m.actor_id) or "" for d in self.doc_ids for m in self.corpus.mentions(d)}
        found = []
        for doc_id in self.doc_ids:
            document = self.store.document(doc_id)
            if document is None:
                continue
            timexes = [t for t in self.store.raw_records("timexes", doc_id=doc_id) if isinstance(t, Timex)]
            rows = document_cues(document, self.corpus.mentions(doc_id), timexes, kinds)
            self.store.add_cues(doc_id, rows)
            found.extend({**r, "doc_id": doc_id} for r in rows)
        return found

    # -- events and the dyad index

    def groups_for(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[list[Event]]]:
        wanted = sorted(set(pairs) - set(self._groups))
        if wanted:
            events = list(self.store.events_between(wanted))
            self.corpus.load(e.doc_id for e in events)
            for pair in wanted:
                self._groups[pair] = []
            for group in event_groups(events, self.corpus):
                self._groups[pair_of(group[0])].append(group)  # type: ignore[index]
        return {p: self._groups[p] for p in set(pairs)}

    def link_events(self) -> None:
        new = [e for e in self.store.raw_records("events", doc_id=self.doc_ids) if isinstance(e, Event)]
        pairs = sorted({p for e in new if (p := pair_of(e))})
        if not pairs:
            return
        by_pair = self.groups_for(pairs)
        ids, rows, series = [], [], []
        for pair in pairs:
            counted = []
            for group in by_pair[pair]:
                ids.extend(e.event_id for e in group)
                rows.extend(linked_events(group, self.corpus))
                counted.append((group_date(group), canonical_event(group, self.corpus)))
            series.extend(pair_series(*pair, counted))
        self.store.replace_links("events", ids, rows)
        self.store.replace_pair_dyads(pairs, series)

    # -- statements

    def link_quotes(self) -> None:
        speakers = sorted({q.speaker for q in self.store.raw_records("quotes", doc_id=self.doc_ids)
                           if isinstance(q, Quote) and q.speaker})
        if not speakers:
            return
        quotes = [q for q in self.store.raw_records("quotes", speaker=speakers) if isinstance(q, Quote)]
        quote_words = {q.quote_id: words(q.text) for q in quotes}

        def similarity(a: Quote, b: Quote) -> float:
            if a.speaker != b.speaker:
                return 0.0
            wa, wb = frozenset(plain(quote_words[a.quote_id])), frozenset(plain(quote_words[b.quote_id]))
            return overlap(wa, wb) if len(wa & wb) >= QUOTE_SHARED_WORDS else 0.0

        rows = []
        for group in cluster(quotes, key=lambda q: q.quote_id, doc=lambda q: q.doc_id, similarity=similarity,
                             threshold=QUOTE_THRESHOLD):
            if len(group) < 2:
                continue
            self.corpus.load(q.doc_id for q in group)
            first = min(group, key=lambda q: (self.corpus.order(q.doc_id), q.start))
            for q in group:
                others = tuple(sorted((_quote_evidence(o) for o in group if o is not q), key=lambda v: (v.doc_id, v.start)))
                rows.append((q.quote_id, first.quote_id, _with_reports(q, others)))
        self.store.replace_links("quotes", [q.quote_id for q in quotes], rows)

    # -- promises

    def link_promises(self, actors: set[str]) -> None:
        new = [c for c in self.store.raw_records("commitments", doc_id=self.doc_ids) if isinstance(c, Commitment)]
        promisers = sorted({c.promiser for c in new} | {a for a in actors if len(a) == 3 and a.isupper()})
        commitments = [c for c in self.store.raw_records("commitments", promiser=promisers) if isinstance(c, Commitment)]
        if not commitments:
            return
        self.corpus.load(c.evidence.doc_id for c in commitments)
        people = {c.promiser_person for c in commitments if c.promiser_person}
        docs = self.store.docs_mentioning(sorted({c.promiser for c in commitments} | people))
        self.corpus.load(docs)
        cues = sorted(self.store.cues_in(docs, "status"), key=lambda c: (self.corpus.order(c["doc_id"]), c["start"]))
        refs = sorted(self.store.cues_in(docs, "promise_ref"), key=lambda c: (self.corpus.order(c["doc_id"]), c["start"]))
        matcher = PromiseMatcher(self.corpus)
        rows, disagreements = [], []
        names = {a.actor_id: a.name for a in self.store.records("actors", actor_id=promisers)}
        groups = promise_groups(commitments, self.corpus)
        references = assign_references(groups, refs, self.corpus)
        for i, group in enumerate(groups):
            merged, view = linked_promise(group, self.corpus, cues, matcher, references.get(i, []))
            rows.extend(view)
            block = f"promise|{merged.promiser}"
            found = promise_disagreement(f"{block}|{merged.commitment_id}", merged, self.corpus,
                                         names.get(merged.promiser, merged.promiser))
            if found:
                disagreements.append((block, found))
        self.store.replace_links("commitments", [c.commitment_id for c in commitments], rows)
        self.store.replace_disagreements(sorted({f"promise|{c.promiser}" for c in commitments}), disagreements)

    # -- forecasts

    def check_forecasts(self, states: set[str], actors: set[str]) -> None:
        docs = self.store.docs_mentioning(sorted(states)) | set(self.doc_ids) if states else set(self.doc_ids)
        forecasts = [f for f in self.store.raw_records("forecasts", doc_id=sorted(docs)) if isinstance(f, Forecast)]
        if not forecasts:
            return
        self.corpus.load(f.doc_id for f in forecasts)
        latest = self.store.latest_published()
        matcher = EventMatcher(self.corpus)
        # which documents mention each subject or author, and their verdict sentences, read once
        watched = sorted({a for f in forecasts for a in (*f.subjects, f.author) if a})
        verdict_docs = {w: self.store.docs_mentioning([w]) for w in watched}
        all_docs = set().union(*verdict_docs.values()) if verdict_docs else set()
        self.corpus.load(all_docs)
        verdict_cues = list(self.store.cues_in(all_docs, "verdict"))
        rows = []
        for forecast in forecasts:
            countries = sorted({m.country for m in self.corpus.mentions(forecast.doc_id)
                                if m.actor_id in forecast.subjects and m.country} |
                               {s for s in forecast.subjects if len(s) == 3 and s.isupper()})
            pairs = [(a, b) for i, a in enumerate(countries) for b in countries[i + 1:]]
            groups = [(group_date(g), canonical_event(g, self.corpus))
                      for pair_groups in self.groups_for(pairs).values() for g in pair_groups]
            watchers = set(forecast.subjects) | ({forecast.author} if forecast.author else set())
            cue_docs = set().union(*(verdict_docs[w] for w in watchers)) if watchers else set()
            cues = [c for c in verdict_cues if c["doc_id"] in cue_docs]
            checked = checked_forecast(forecast, self.corpus, groups, cues, latest, matcher.words)
            if checked.verdict != "unresolved" or checked.verdict_final:
                rows.append((forecast.forecast_id, forecast.forecast_id, checked))
        self.store.replace_links("forecasts", [f.forecast_id for f in forecasts], rows)

    # -- disagreements over facts

    def find_fact_disagreements(self, cue_rows: list[dict]) -> None:
        keys: dict[str, set[str]] = defaultdict(set)
        for row in cue_rows:
            if row["kind"] in ("occasion", "count"):
                keys[row["kind"]].add(row["key"])
        blocks, found = [], []
        for kind, judge in (("occasion", occasion_disagreement), ("count", count_disagreement)):
            by_key: dict[str, list[dict]] = defaultdict(list)
            for cue in self.store.cues_with_keys(kind, keys.get(kind, ())):
                by_key[cue["key"]].append(cue)
            for key in sorted(keys.get(kind, ())):
                block = f"{kind}|{key}"
                blocks.append(block)
                self.corpus.load(c["doc_id"] for c in by_key[key])
                disagreement = judge(block, by_key[key], self.corpus)
                if disagreement:
                    found.append((block, disagreement))
        if blocks:
            self.store.replace_disagreements(blocks, found)


def _quote_evidence(q: Quote) -> Evidence:
    return Evidence(q.doc_id, q.start, q.end, q.text)


def _with_reports(q: Quote, others: tuple[Evidence, ...]) -> Quote:
    return dataclasses.replace(q, also_reported_in=others)
