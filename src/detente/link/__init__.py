"""Cross-document linking: one actor, promise, event and statement across sources.

Linking is incremental in the documents just stored, independent of their order, and its cost
grows with the documents linked rather than with the store. Every linked record is filed under
blocking keys (``link_keys``) with a day: a statement under its speaker (and each figure it claims,
or with no speaker, the people its sentence names), an event under its pair
of states and type (by its date and by its publication), a promise under its promiser, a forecast
under its pairs and types and its words, a sentence of a later document under the actors it
names. For each new record a run looks up only the records under its keys within a time window,
follows similar records from there to the whole group they are connected to (a "component"),
and recomputes those components from every record they hold; components the new documents do
not reach are left alone. The result is the same whatever order or batches documents arrive in.

The windows come from what linking compares. Reports of one event: the event's own rules (the
same or nearby dates; an undated report up to ``REFER_BACK_DAYS`` after a dated one; undated
reports ``UNDATED_DAYS`` apart). Reports of one statement: ``STATEMENT_DAYS`` apart at most.
Reports of one promise: ``PROMISE_DAYS`` apart at most, and the promise is judged by sentences
up to ``PROMISE_DAYS`` after its last report. A forecast: events and sentences up to
``FORECAST_DAYS`` after its horizon.

Per-document records stay as their extraction wrote them; the linked view (a promise with every
report and its status, an event with its other reports, a forecast with its verdict) is written
to the ``links`` table and read through ``Store.records``. A statement that makes a promise also
carries the promise's reports; its view is redone whenever its statement group or that promise's
group changes.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from ..records import Actor, Commitment, Event, Evidence, Forecast, Quote, Record, Timex
from ..store import Store, cue_id
from .actors import merge_actor, merge_actor_records
from .corpus import Corpus, days_near, first_day, iso_day, last_day, shifted, state_pairs
from .cues import (
    VOUCHED,
    course_predicted,
    cue_alternation,
    document_cues,
    promise_places,
    tells_not_done,
)
from .disagreements import (
    count_disagreement,
    occasion_disagreement,
    occasions,
    promise_disagreement,
    role_disagreement,
    side_disagreement,
    trend_disagreement,
)
from .dyads import update_series
from .events import (
    EventMatcher,
    block_of,
    canonical_event,
    event_groups,
    event_keys,
    event_windows,
    group_date,
    linked_events,
    pair_of,
)
from .forecasts import (
    FORECAST_DAYS,
    before_reach,
    checked_forecast,
    condition_of,
    course_cue_for,
    forecast_countries,
    negated,
    own_plain_words,
    persistence_cues,
    predicted_categories,
    predicts_change,
    reach,
    written_since,
)
from .forecasts import SHARED_WORDS as FORECAST_SHARED_WORDS
from .mentions import (
    EventMention,
    MentionMatcher,
    assign_mentions,
    find_mentions,
    is_mention_id,
    join_renamed_reports,
    mention_keys,
    mention_windows,
    mentions_key,
    names_in_own_document,
)
from .promises import (
    AGREEMENT_KEY,
    PromiseMatcher,
    agreement_keys,
    anaphor_promise,
    assign_references,
    canonical_commitment,
    held_words,
    linked_promise,
    promise_groups,
    promise_similarity,
    quality_marks,
    restated,
    sentence_words,
    speaks_of,
)
from .promises import SHARED_WORDS as PROMISE_SHARED_WORDS
from .promises import THRESHOLD as PROMISE_THRESHOLD
from .statements import StatementLinking, quote_evidence, says_again
from .text import plain
from .titles import period_of, role_claims

__all__ = ["link", "link_pending", "merge_actor_records"]

PROMISE_DAYS = 730
# the key a promise is also filed under by its beneficiary, and a sentence telling a thing overdue by who asks for it
AWAITED = "awaited|"
# cue kinds that mention a promise without judging it: sentences that refer to one, nouns naming its act
MENTIONS = ("promise_ref", "promise_noun")
# documents linked in one run (one transaction)
RUN_SIZE = 1000
# what linking files for later runs to compare (cue kinds, the words kept with blocking keys) as of this version:
# a store linked by another is linked again from scratch (raise it with any change to what is filed)
LINK_VERSION = "2026-12-06.m27"

T = TypeVar("T")


def link(store: Store, doc_ids: Iterable[str]) -> None:
    """Update the cross-document records touched by these newly stored documents."""
    doc_ids = sorted(set(doc_ids))
    if not doc_ids:
        return
    with store.transaction():
        Linker(store, doc_ids).run()


def link_pending(store: Store) -> int:
    """Link every stored document not yet linked (including any a killed ingest left behind).

    Runs take the documents in publication order: each run then spans a short time, so the
    windows of its records overlap and it reads each neighbourhood of the store once. A store linked
    by another ``LINK_VERSION`` is linked again whole.
    """
    if store.meta("link_version") != LINK_VERSION:
        store.forget_links()
        store.set_meta("link_version", LINK_VERSION)
    pending = store.unlinked_doc_ids()
    for i in range(0, len(pending), RUN_SIZE):
        link(store, pending[i : i + RUN_SIZE])
    return len(pending)


def _doc_of(record: Record) -> str:
    return record.evidence.doc_id if isinstance(record, Commitment) else record.doc_id  # type: ignore[attr-defined]


_ID_FIELD = {Event: "event_id", Quote: "quote_id", Commitment: "commitment_id", Forecast: "forecast_id"}


def _id_of(record: Record) -> str:
    return getattr(record, _ID_FIELD[type(record)])  # type: ignore[no-any-return]


def _event_or_mention_id(record: Event | EventMention) -> str:
    return record.mention_id if isinstance(record, EventMention) else record.event_id


class Linker(StatementLinking):
    """One linking run over the components a batch of new documents reaches."""

    def __init__(self, store: Store, doc_ids: list[str]) -> None:
        self.store = store
        self.doc_ids = doc_ids
        self.corpus = Corpus(store)
        self.corpus.load(doc_ids)
        self.events = EventMatcher(self.corpus)
        self.mentions = MentionMatcher(self.corpus, self.events.words)
        # (a, b, type, date) of event groups that changed, before and after: forecasts about them are checked again
        self.moved_groups: list[tuple[str, str, str, str]] = []
        # quotes whose statement groups this run rewrote, and the reports of the promises it regrouped
        self.quotes_changed: set[str] = set()
        self.promise_reports: dict[str, list[tuple[int, int]]] = defaultdict(list)
        # each new document's actors as it saw them (their roles as that document words them)
        self.doc_actors: dict[str, list[Actor]] = defaultdict(list)
        # phrases of the new documents that refer back to an event ("the shooting on the bridge")
        self.event_mentions: list[EventMention] = []
        # documents' quotes
        self._doc_quotes: dict[str, list[Quote]] = {}
        self._promise_places: dict[str, dict[int, frozenset[str]]] = {}

    def run(self) -> None:
        actors_of = self.link_actors()
        cue_rows = self.store_cues(actors_of)
        self.link_events()
        self.link_quotes()
        self.link_promises(cue_rows)
        self.check_forecasts(cue_rows, actors_of)
        self.link_promise_statements()  # after the forecasts are filed: a statement may retell one
        self.find_fact_disagreements(cue_rows)
        self.store.mark_linked(self.doc_ids)

    # -- time windows

    def day(self, doc_id: str) -> str | None:
        """The first day of a document's publication (None when undated)."""
        day = self.corpus.day(doc_id)
        return day.isoformat() if day else None

    def window(self, key: str, doc_id: str, before: int, after: int) -> tuple[str, str | None, str | None]:
        """``key`` from ``before`` days before to ``after`` days after a document's publication (open when undated)."""
        day = self.corpus.day(doc_id)
        return key, shifted(day, -before), shifted(day, after)

    def window_to_latest(self, key: str, doc_id: str, before: int) -> tuple[str, str | None, str | None]:
        """``key`` from ``before`` days before a document's publication to the last day it may have been written
        (a document dated only to its year or month may tell of what came later in that period)."""
        day = self.corpus.day(doc_id)
        return key, shifted(day, -before), shifted(self.corpus.latest(doc_id), 0)

    def near(self, a: str, b: str, days: int) -> bool:
        """Whether two documents appeared within ``days`` of each other (always, when one is undated)."""
        apart = self.corpus.apart(a, b)
        return apart is None or apart <= days

    def matching(self, collection: str, windows: dict[Any, list[tuple[str, str | None, str | None]]],
                 words: dict[Any, frozenset[str]], at_least: int,
                 words_of: Callable[[tuple[str, str, str | None, str | None]], Iterable[str]],
                 ) -> dict[Any, list[tuple[str, str, str | None, str | None]]]:
        """For each item, the blocking-key rows under its windows whose words (``words_of``) share at
        least ``at_least`` of the item's words; through one index of the rows' words, so each item
        reads only the rows holding one of its words."""
        wanted: dict[str, set[str]] = defaultdict(set)  # the words some item under each key has
        for item, item_windows in windows.items():
            for key, _, _ in item_windows:
                wanted[key].update(words[item])
        index: dict[str, dict[str, list[tuple[str, str, str | None, str | None]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for row in self.store.keyed_rows(collection, (w for ws in windows.values() for w in ws)):
            for word in wanted[row[0]].intersection(words_of(row)):
                index[row[0]][word].append(row)
        found = {}
        for item, item_windows in windows.items():
            shared: dict[str, set[str]] = defaultdict(set)
            rows = {}
            for key, lo, hi in item_windows:
                by_word = index.get(key, {})
                lo, hi = lo or "", hi or "~"
                for word in words[item]:
                    for row in by_word.get(word, ()):
                        if row[2] is None or lo <= row[2] <= hi:
                            shared[row[1]].add(word)
                            rows[row[1]] = row
            found[item] = [rows[rid] for rid, common in shared.items() if len(common) >= at_least]
        return found

    def day_window(self, day: str | None, before: int, after: int) -> tuple[str | None, str | None]:
        start = iso_day(day)
        return shifted(start, -before), shifted(start, after)

    def lookup(
        self, collection: str, windows: dict[str, list[tuple[str, str | None, str | None]]]
    ) -> dict[str, set[str]]:
        """For each item, the records under its windows' keys and days; all items in one pass over the keys."""
        rows: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
        for key, record_id, day, _ in self.store.keyed_rows(collection, (w for ws in windows.values() for w in ws)):
            rows[key].append((record_id, day))
        return {item: {rid for key, lo, hi in ws for rid, day in rows[key]
                       if day is None or ((lo or "") <= day <= (hi or "~"))} for item, ws in windows.items()}

    def components(self, collection: str, seeds: Iterable[T],
                   windows: Callable[[T], Iterable[tuple[str, str | None, str | None]]],
                   linked: Callable[[T, T], bool], block: Callable[[T], str], *, ident: Callable[[T], str] = _id_of,
                   read: Callable[[list[tuple[str, str, str | None, str | None]]], dict[str, T]] | None = None,
                   shared: tuple[Callable[[T], frozenset[str]],
                                 Callable[[tuple[str, str, str | None, str | None]], Iterable[str]], int] | None = None,
                   ) -> list[list[T]]:
        """The groups of records connected to ``seeds`` by chains of ``linked`` records, each group
        whole (a record linked to none of the others is a group of its own).

        ``windows`` must hold every record a record can be linked with; ``block`` names the key
        two linked records share. Every pair of records that can be linked is tested once: the
        records reached in one step are tested against each other and against the records of
        their windows not reached before, each only by the records whose window holds it.
        ``read`` turns blocking-key rows into the records (or probes) to test; by default the
        records are read from the store. ``shared`` pairs records only when they share enough words,
        for comparisons that need that many.
        """
        read = read or self.read_records(collection)
        members = {ident(r): r for r in seeds}
        parent = {i: i for i in members}

        def root(i: str) -> str:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        frontier = list(members.values())
        while frontier:
            fresh = {ident(r) for r in frontier}
            owners: dict[str, list[tuple[str | None, str | None, T]]] = defaultdict(list)
            for r in frontier:
                for key, lo, hi in windows(r):
                    owners[key].append((lo, hi, r))
            rows = [row for row in self.store.keyed_rows(collection, ((k, lo, hi) for k, ws in owners.items()
                                                                      for lo, hi, _ in ws))
                    if row[1] in fresh or row[1] not in members]
            pairs = list(self._pairs(owners, rows, shared))
            paired = {row[1] for _, row in pairs}
            loaded = read([row for row in rows if row[1] not in fresh and row[1] in paired])
            reached = []
            tested: set[tuple[str, str]] = set()
            for r, (_key, cid, _day, _) in pairs:
                c = members[cid] if cid in fresh else loaded[cid]
                rid = ident(r)
                if rid == cid or (cid in fresh and rid > cid) or (rid, cid) in tested or block(r) != block(c):
                    continue
                tested.add((rid, cid))
                if linked(r, c):
                    if cid not in members:
                        members[cid] = c
                        parent[cid] = cid
                        reached.append(c)
                    parent[root(cid)] = root(rid)
            frontier = reached
        groups: dict[str, list[T]] = defaultdict(list)
        for i, record in members.items():
            groups[root(i)].append(record)
        return list(groups.values())

    @staticmethod
    def _pairs(owners: dict[str, list[tuple[str | None, str | None, T]]],
               rows: list[tuple[str, str, str | None, str | None]],
               shared: tuple[Callable[[T], frozenset[str]],
                             Callable[[tuple[str, str, str | None, str | None]], Iterable[str]], int] | None,
               ) -> Iterator[tuple[T, tuple[str, str, str | None, str | None]]]:
        """``(record, row)`` for each row inside a window of the record; with ``shared`` (the record's
        words, the row's words, how many they must share), only pairs sharing that many words."""
        if shared is None:
            by_key: dict[str, list[tuple[str, str, str | None, str | None]]] = defaultdict(list)
            for row in rows:
                by_key[row[0]].append(row)
            for key, found in by_key.items():
                spans = [(lo or "", hi or "~", r) for lo, hi, r in owners[key]]  # open ends closed once per key
                for row in found:
                    day = row[2]
                    for lo, hi, r in spans:
                        if day is None or lo <= day <= hi:
                            yield r, row
            return
        words_of_record, words_of_row, at_least = shared
        wanted: dict[str, set[str]] = defaultdict(set)  # the words some record under each key has
        for key, windows in owners.items():
            for _, _, r in windows:
                wanted[key].update(words_of_record(r))
        index: dict[str, dict[str, list[tuple[str, str, str | None, str | None]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for row in rows:
            for word in wanted[row[0]].intersection(words_of_row(row)):
                index[row[0]][word].append(row)
        for key, windows in owners.items():
            by_word = index.get(key)
            if not by_word:
                continue
            for lo, hi, r in windows:
                counts: dict[str, int] = defaultdict(int)
                found = {}
                for word in words_of_record(r):
                    for row in by_word.get(word, ()):
                        counts[row[1]] += 1
                        found[row[1]] = row
                for rid, n in counts.items():
                    row = found[rid]
                    if n >= at_least and (row[2] is None or (lo or "") <= row[2] <= (hi or "~")):
                        yield r, row

    def read_records(
        self, collection: str
    ) -> Callable[[list[tuple[str, str, str | None, str | None]]], dict[str, Any]]:
        def read(rows: list[tuple[str, str, str | None, str | None]]) -> dict[str, Any]:
            found = {_id_of(c): c for c in self.store.records_by_ids(collection, {row[1] for row in rows})}
            self.corpus.load(_doc_of(c) for c in found.values())
            return found

        return read

    # -- actors and cues

    def link_actors(self) -> dict[str, set[str]]:
        """Merge the new documents' actors into the linked view; returns each document's actor ids."""
        rows: dict[str, list[tuple[str, Actor]]] = defaultdict(list)
        actors_of: dict[str, set[str]] = defaultdict(set)
        for doc_id, actor in self.store.doc_actor_rows(self.doc_ids):
            rows[actor.actor_id].append((doc_id, actor))
            actors_of[doc_id].add(actor.actor_id)
            self.doc_actors[doc_id].append(actor)
        existing = self.store.actor_rows(rows)
        unknown = [actor_id for actor_id, (_, first_doc, _) in existing.items() if first_doc is None]
        if unknown:  # written without the documents they came from (upsert_actors): merge every document again
            rows.update({actor_id: [] for actor_id in unknown})
            for doc_id, actor in self.store.doc_actor_rows(self.store.docs_mentioning(unknown)):
                if actor.actor_id in unknown:
                    rows[actor.actor_id].append((doc_id, actor))
            for actor_id in unknown:
                del existing[actor_id]
        self.store.put_actors(merge_actor(existing.get(a), found) for a, found in sorted(rows.items()) if found)
        return actors_of

    def store_cues(self, actors_of: dict[str, set[str]]) -> list[dict[str, Any]]:
        kinds = {m.actor_id: self.corpus.kind(m.actor_id) or "" for d in self.doc_ids for m in self.corpus.mentions(d)}
        timexes: dict[str, list[Timex]] = defaultdict(list)
        for t in self.store.raw_records("timexes", doc_id=self.doc_ids):
            timexes[t.doc_id].append(t)  # type: ignore[attr-defined]
        events: dict[str, list[Event]] = defaultdict(list)
        for e in self.store.raw_records("events", doc_id=self.doc_ids):
            events[e.doc_id].append(e)  # type: ignore[attr-defined]
        promised: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for c in self.store.raw_records("commitments", doc_id=self.doc_ids):
            promised[c.evidence.doc_id].append((c.evidence.start, c.evidence.end))  # type: ignore[attr-defined]
        by_doc = {}
        for d in self.store.documents_by_ids(self.doc_ids):
            self.corpus.keep_text(d.doc_id, d.text)
            mentions = self.corpus.mentions(d.doc_id)
            found = (document_cues(d, mentions, timexes[d.doc_id], kinds, events[d.doc_id])
                     + role_claims(d.text, self.doc_actors[d.doc_id], mentions, period_of(d.published))
                     + persistence_cues(d.text, mentions, written_since(d.published, events[d.doc_id]))
                     + promise_places(d.text, promised[d.doc_id], mentions, kinds))
            # a noun naming a promised act inside a promise's own words is that promise, not a mention of another
            by_doc[d.doc_id] = [r for r in found if r["kind"] != "promise_noun"
                                or not any(s < r["end"] and r["start"] < e for s, e in promised[d.doc_id])]
            for r in by_doc[d.doc_id]:  # "promised to share the findings, ... without doing so": that promise's status
                inside = [[s, e] for s, e in promised[d.doc_id] if s < r["end"] and r["start"] < e]
                if inside and r["kind"] == "status" and _DONE_SO.search(r["text"]):
                    r["reports"] = sorted(inside)
            self.event_mentions += find_mentions(d.doc_id, d.text, d.published, mentions, timexes[d.doc_id],
                                                 events[d.doc_id], kinds)
        self.store.put_cues(by_doc)
        found = [{**r, "doc_id": doc_id} for doc_id, rows in by_doc.items() for r in rows]
        keys: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
        for cue in found:
            if cue["kind"] in ("status", "promise_ref"):  # by the actors the sentence names, with its words
                info = " ".join(sorted(plain(cue["words"])))
                keys[cue["kind"]] += [(actor, cue_id(cue), self.day(cue["doc_id"]), info)
                                      for actor in [*cue["actors"], *_made_by_keys(cue), *_awaited_keys(cue)]]
                if cue["kind"] == "status" and tells_outcome(cue):  # also under "outcome": what forecasts read
                    keys["outcome"] += [(actor, cue_id(cue), self.day(cue["doc_id"]), info) for actor in cue["actors"]]
            elif cue["kind"] == "promise_noun":  # by the actors its sentence names, with its object's words
                info = " ".join(cue["object"])
                keys["promise_noun"] += [(actor, cue_id(cue), self.day(cue["doc_id"]), info) for actor in cue["actors"]]
            elif cue["kind"] == "verdict":  # by every actor of its document
                keys["verdict"] += [
                    (actor, cue_id(cue), self.day(cue["doc_id"])) for actor in sorted(actors_of[cue["doc_id"]])
                ]
            elif cue["kind"] == "occasion":  # by occasion and place, on the day claimed
                keys["occasion"].append((cue["key"], cue_id(cue), cue["value"]))
            elif cue["kind"] == "persists":  # by the actors it names, with its words, on the day it was written by
                info, since = " ".join(sorted(plain(cue["words"]))), first_day(cue["since"])
                day = since.isoformat() if since else None
                keys["persists"] += [(actor, cue_id(cue), day, info) for actor in cue["actors"]]
            elif cue["kind"] == "course":  # by each pair of the states it is about
                day = self.day(cue["doc_id"])
                keys["course"] += [(f"{a}|{b}", cue_id(cue), day) for a, b in state_pairs(cue["states"])]
        for kind in ("status", "promise_ref", "promise_noun", "verdict", "occasion", "course", "persists"):
            self.store.put_keys(kind, [cue_id(c) for c in found if c["kind"] == kind], keys[kind])
        self.store.put_keys("outcome", [cue_id(c) for c in found if c["kind"] == "status"], keys["outcome"])
        return found

    # -- events and the dyad index

    def link_events(self) -> None:
        new = [e for e in self.store.raw_records("events", doc_id=self.doc_ids) if isinstance(e, Event) and pair_of(e)]
        self.store.put_keys("events", [e.event_id for e in new],
                            [k for e in new for k in (*event_keys(e, self.corpus), *self.mentions.bound_keys(e))])
        # phrases naming an event are linked with the reports as further reports of their group (mentions.py)
        # (with those a document held when linked before: they go, whether still found or not)
        held = self.store.keyed("events", [(mentions_key(d), None, None) for d in self.doc_ids])
        self.store.put_keys("events", held | {m.mention_id for m in self.event_mentions},
                            [k for m in self.event_mentions for k in mention_keys(m)])
        seeds: list[Event | EventMention] = [*new, *(m for m in self.event_mentions if m.anchor())]
        if not seeds:
            return
        parts = self.components("events", seeds, self.event_or_mention_windows, self.event_or_mention_linked,
                                lambda _: "events", ident=_event_or_mention_id, read=self.read_events_and_mentions)
        members = [e.event_id for part in parts for e in part if isinstance(e, Event)]
        before = [r for r in self.store.event_group_rows(members).values() if r["group_date"]]
        rows, linked = [], []
        for part in parts:
            mentions = [m for m in part if isinstance(m, EventMention)]
            events = [e for e in part if isinstance(e, Event)]
            groups = join_renamed_reports(event_groups(events, self.corpus, self.events), mentions, self.mentions)
            attached = assign_mentions(groups, mentions, self.mentions)
            for i, group in enumerate(groups):
                canonical = canonical_event(group, self.corpus)
                when = group_date(group)
                a, b = pair_of(canonical)  # type: ignore[misc]
                rows += [{"event_id": e.event_id, "a": a, "b": b, "category": e.category,
                          "canonical_id": canonical.event_id, "group_date": when if e is canonical else None,
                          "score": e.score} for e in group]
                linked += linked_events(group, self.corpus, [m.evidence for m in attached.get(i, ())])
        self.store.put_event_groups(rows)
        self.store.replace_links("events", members, linked)
        changed = before + [r for r in rows if r["group_date"]]
        self.moved_groups = [(r["a"], r["b"], r["category"], r["group_date"]) for r in changed]
        self.update_dyads({(r["a"], r["b"], r["group_date"][:7]) for r in changed if len(r["group_date"]) >= 7})

    def event_or_mention_windows(self, record: Event | EventMention) -> list[tuple[str, str | None, str | None]]:
        """Where the reports and mentions a report (or the reports a mention) may be linked with are filed."""
        if isinstance(record, EventMention):
            return mention_windows(record)  # type: ignore[return-value]
        return [*event_windows(record, self.corpus), *self.mentions.windows_for_mentions(record)]

    def event_or_mention_linked(self, a: Event | EventMention, b: Event | EventMention) -> bool:
        """Two reports of one event, or a mention naming a report's event (two mentions are never linked)."""
        if isinstance(a, Event) and isinstance(b, Event):
            return a.doc_id != b.doc_id and block_of(a) == block_of(b) and self.events.similarity(a, b) > 0
        if isinstance(a, Event):
            a, b = b, a
        if isinstance(a, EventMention) and isinstance(b, Event):
            return names_in_own_document(a, b) or self.mentions.score(a, b) > 0
        return False

    def read_events_and_mentions(self, rows: list[tuple[str, str, str | None, str | None]]
                                 ) -> dict[str, Event | EventMention]:
        found: dict[str, Event | EventMention] = {
            rid: EventMention.of(rid, info or "") for _, rid, _, info in rows if is_mention_id(rid)}
        found.update(self.read_records("events")([row for row in rows if not is_mention_id(row[1])]))
        self.corpus.load(m.doc_id for m in found.values())
        return found

    def update_dyads(self, cells: set[tuple[str, str, str]]) -> None:
        """Recount the months whose event groups changed and carry the trend through each pair's later months."""
        counted = self.store.counted_events(cells)
        stored = self.store.dyad_rows({(a, b) for a, b, _ in cells})
        by_pair: dict[tuple[str, str], dict[str, list[tuple[str, float]]]] = defaultdict(dict)
        for (a, b, m), events in counted.items():
            by_pair[(a, b)][m] = events
        rows, emptied = [], []
        for (a, b), months in sorted(stored.items()):
            changed = by_pair[(a, b)]
            found, gone = update_series(
                a, b, months, changed, lambda m, a=a, b=b: self.store.counted_events([(a, b, m)])[(a, b, m)]
            )
            rows += found
            emptied += [(a, b, m) for m in gone]
        self.store.put_dyads(rows, emptied)

    # -- promises

    def link_promises(self, cue_rows: list[dict[str, Any]]) -> None:
        new = [c for c in self.store.raw_records("commitments", doc_id=self.doc_ids) if isinstance(c, Commitment)]
        matcher = PromiseMatcher(self.corpus)
        matcher.places_of = self.places_of
        self.file_promises([[c] for c in new], matcher)
        probes = {c.commitment_id: PromiseProbe.of_group(c, [c], self.day(c.evidence.doc_id), matcher, self.corpus)
                  for c in new}
        # promises a new status sentence may judge: reported up to PROMISE_DAYS before it by an actor it
        # names, sharing two words with the promise. (A sentence that only mentions a promise changes its
        # reports, not its group or status: rereferenced() gives it to the promise it names.)
        sentences = [c for c in cue_rows if c["kind"] in ("status", *MENTIONS)]
        judging = [c for c in sentences if c["kind"] == "status"]
        # (a rise also under the places it names: a promise to hold a thing there, "at|<place>")
        keys_of = {cue_id(c): [*c["actors"], *(f"at|{a}" for a in c["actors"] if c["status"] == "raised"),
                               *_awaited_keys(c)] for c in judging}
        found = self.matching("commitments", {cue_id(c): [self.window_to_latest(a, c["doc_id"], PROMISE_DAYS)
                                                          for a in keys_of[cue_id(c)]] for c in judging},
                              {cue_id(c): frozenset(plain(c["words"])) for c in judging}, 2, _group_promise_words)
        for c in judging:  # a sentence saying where a promise was made reaches the promises made there (and one
            # naming an agreement those the agreement makes)
            keys = _made_by_keys(c)
            if keys:
                found.setdefault(cue_id(c), []).extend(sorted(self.store.keyed_rows(
                    "commitments", [self.window(key, c["doc_id"], PROMISE_DAYS, 0) for key in keys])))
        by_id = {cue_id(c): c for c in judging}
        reached_by: dict[str, set[str]] = defaultdict(set)  # stored report -> the new status sentences that reach it
        for item, rows in found.items():
            for row in rows:
                probe = PromiseProbe.of(*row)
                # a sentence that speaks of none of the promise's reports cannot judge it (linked_promise); one
                # telling a rise is judged there against what the promise holds
                vouched = VOUCHED in by_id[item]["words"] and VOUCHED in probe.group_promise
                if not probe.reports or by_id[item]["status"] == "raised" or by_id[item].get("made_at") \
                        or by_id[item].get("agreements") or vouched or speaks_of(by_id[item], probe.reports):
                    probes.setdefault(probe.record_id, probe)
                    reached_by[probe.record_id].add(item)
        if not probes and not any(c["kind"] in MENTIONS for c in sentences):
            return
        parts = self.promise_components(probes, matcher)
        records: dict[str, Commitment] = {c.commitment_id: c for c in self.store.records_by_ids(  # type: ignore[misc]
            "commitments", {i for part in parts for i in part})}
        self.corpus.load(c.evidence.doc_id for c in records.values())
        self.read_promise_places(c.evidence.doc_id for c in records.values())

        def similarity(a: Commitment, b: Commitment) -> float:
            return matcher.similarity(a, b) if self.near(a.evidence.doc_id, b.evidence.doc_id, PROMISE_DAYS) else 0.0

        # a component holding a new report is regrouped and judged again from every sentence; in one that
        # holds none the promises stay as they were, and only those the new sentences reach are judged anew
        new_ids = {c.commitment_id for c in new}
        changed, judged = [], []
        for part in parts:
            groups = promise_groups([records[i] for i in part], self.corpus, similarity, matcher.restates)
            if any(i in new_ids for i in part):
                changed += groups
            else:
                judged += [g for g in groups if any(c.commitment_id in reached_by for c in g)]
        stored = self.stored_promises(judged)
        changed += [g for g in judged if _group_key(g) not in stored]
        judged = [g for g in judged if _group_key(g) in stored]
        for c in (c for g in changed for c in g):
            self.promise_reports[c.evidence.doc_id].append((c.evidence.start, c.evidence.end))
        repeats = self.repeated_reports(changed)
        for i, found in self.anaphora(changed).items():
            repeats[i] = repeats.get(i, []) + found
        for ev in (ev for found in repeats.values() for ev in found):
            self.promise_reports[ev.doc_id].append((ev.start, ev.end))
        # sentences that may mention a changed promise now go to whichever promise they share most words
        # with, among all the promises they may mention
        refs = self.references_near(changed, [c for c in sentences if c["kind"] in MENTIONS], matcher)
        competing = self.promise_groups_near(refs, changed)
        references = assign_references(competing, refs, self.corpus, PROMISE_DAYS, matcher.plain_words, self.places_of)
        rows, disagreements, blocks = [], [], []
        names = {
            a.actor_id: a.name for a, _, _ in self.store.actor_rows({g[0].promiser for g in changed + judged}).values()
        }
        sentences_of = self.status_sentences(changed, matcher)
        for i, group in enumerate(changed):
            merged, view = linked_promise(group, self.corpus, sentences_of[_group_key(group)], matcher,
                                          references.get(i, []) + repeats.get(i, []))
            rows.extend(view)
            block = f"promise|{merged.promiser}|{merged.commitment_id}"
            blocks += [f"promise|{c.promiser}|{c.commitment_id}" for c in group]
            disagreement = promise_disagreement(block, merged, self.corpus, names.get(merged.promiser, merged.promiser))
            if disagreement:
                disagreements.append((block, disagreement))
        mentioned = {head: merged for head, _, merged in self.rereferenced(
            competing[len(changed):], refs, {i - len(changed): r for i, r in references.items() if i >= len(changed)})}
        for group in judged:
            head = canonical_commitment(group, self.corpus).commitment_id
            remembered = mentioned.pop(head, None)  # the stored promise with the sentences now mentioning it
            base = remembered or stored[_group_key(group)]
            cues = [by_id[i] for i in sorted({i for c in group for i in reached_by.get(c.commitment_id, ())})]
            merged = judged_again(group, base, cues, self.corpus, matcher)
            if merged == base and remembered is None:
                continue
            rows.append((head, head, merged))
            blocks += [f"promise|{c.promiser}|{c.commitment_id}" for c in group]
            block = f"promise|{merged.promiser}|{merged.commitment_id}"
            disagreement = promise_disagreement(block, merged, self.corpus, names.get(merged.promiser, merged.promiser))
            if disagreement:
                disagreements.append((block, disagreement))
        rows += [(head, head, merged) for head, merged in mentioned.items()]
        self.store.replace_links("commitments",
                                 [rid for rid, _, _ in rows] + [c.commitment_id for g in changed for c in g],
                                 rows)
        self.store.replace_disagreements(blocks, disagreements)
        self.file_promises(changed, matcher)

    def repeated_reports(self, groups: list[list[Commitment]]) -> dict[int, list[Evidence]]:
        """For each promise, the quotes of a document reporting it that say its words again, by who made it:
        a promise quoted twice in one article is one commitment (extraction keeps the first), but both
        quotes report it."""
        by_doc = self.quotes_in({c.evidence.doc_id for g in groups for c in g})
        found: dict[int, list[Evidence]] = {}
        for i, group in enumerate(groups):
            spans = {(c.evidence.doc_id, c.evidence.start, c.evidence.end) for c in group}
            again = {q.quote_id: quote_evidence(q) for c in group for q in by_doc.get(c.evidence.doc_id, [])
                     if says_again(q, c) and self.speaks_for(q, c.promiser, c.promiser_person)
                     and not any(d == q.doc_id and s < q.end and q.start < e for d, s, e in spans)}
            if again:
                found[i] = [again[k] for k in sorted(again)]
        return found

    def places_of(self, c: Commitment) -> frozenset[str]:
        """Where a report says a promise was made (``promise_at`` cues, read once per document)."""
        doc_id = c.evidence.doc_id
        if doc_id not in self._promise_places:
            self.read_promise_places([doc_id])
        return self._promise_places[doc_id].get(c.evidence.start, frozenset())

    def read_promise_places(self, doc_ids: Iterable[str]) -> None:
        """The ``promise_at`` cues of these documents, in one query (not one per document)."""
        missing = sorted({d for d in doc_ids if d not in self._promise_places})
        for doc_id in missing:
            self._promise_places[doc_id] = {}
        for cue in self.store.cues_in(missing, "promise_at"):
            self._promise_places[cue["doc_id"]][cue["start"]] = frozenset(cue["places"])

    def made_at_keys(self, group: list[Commitment]) -> set[str]:
        """The keys of the places a promise's reports name, under which sentences saying it was made there are filed."""
        return {f"at|{p}" for c in group for p in self.places_of(c)}

    def anaphora(self, groups: list[list[Commitment]]) -> dict[int, list[Evidence]]:
        """For each promise, the sentences of a document reporting it that name its term or limit by a
        definite noun ("The date stands.") and mean it (``anaphor_promise``)."""
        docs = sorted({c.evidence.doc_id for g in groups for c in g})
        cues = list(self.store.cues_in(docs, "promise_anaphor"))
        if not cues:
            return {}
        index = {c.commitment_id: i for i, g in enumerate(groups) for c in g}
        reported: dict[str, list[Commitment]] = defaultdict(list)
        for c in self.store.raw_records("commitments", doc_id=sorted({cue["doc_id"] for cue in cues})):
            reported[c.evidence.doc_id].append(c)  # type: ignore[attr-defined]
        deadline = {c.commitment_id: next((m.deadline for m in g if m.deadline), None) for g in groups for c in g}
        found: dict[int, list[Evidence]] = {}
        for cue in cues:
            meant = anaphor_promise(cue, reported[cue["doc_id"]], lambda c: deadline.get(c.commitment_id, c.deadline))
            if meant is not None and meant.commitment_id in index:
                found.setdefault(index[meant.commitment_id], []).append(
                    Evidence(cue["doc_id"], cue["start"], cue["end"], cue["text"]))
        return found

    def quotes_in(self, doc_ids: Iterable[str]) -> dict[str, list[Quote]]:
        """The quotes of each of these documents (read once a run)."""
        wanted = sorted(set(doc_ids))
        missing = [d for d in wanted if d not in self._doc_quotes]
        for doc_id in missing:
            self._doc_quotes[doc_id] = []
        for q in self.store.raw_records("quotes", doc_id=missing):
            self._doc_quotes[q.doc_id].append(q)  # type: ignore[attr-defined]
        return {d: self._doc_quotes[d] for d in wanted}

    def speaks_for(self, q: Quote, promiser: str, person: str | None) -> bool:
        """Whether a quote's speaker is the promiser, who promised, or speaks for the promising state."""
        if q.speaker in (promiser, person):
            return True
        return any(m.actor_id == q.speaker and m.country == promiser for m in self.corpus.mentions(q.doc_id))

    def stored_promises(self, groups: list[list[Commitment]]) -> dict[tuple[str, ...], Commitment]:
        """The stored merged promise of each group (by ``_group_key``), where the store has it whole: not
        when one of its reports or its evidence comes from a document this run links (again)."""
        heads = {_group_key(g): canonical_commitment(g, self.corpus).commitment_id for g in groups}
        found = {c.commitment_id: c for c in self.store.linked_records("commitments", set(heads.values()))}
        relinked = set(self.doc_ids)
        stored = {}
        for key, head in heads.items():
            merged = found.get(head)
            if merged is not None and not any(
                e.doc_id in relinked for e in (*merged.status_evidence, *merged.also_reported_in)
            ):
                stored[key] = merged  # type: ignore[assignment]
        self.corpus.load(e.doc_id for m in stored.values() for e in m.status_evidence)
        return stored

    def rereferenced(self, groups: list[list[Commitment]], refs: list[dict[str, Any]],
                     given: dict[int, list[Evidence]]) -> list[tuple[str, str, Commitment | None]]:
        """The view rows of unchanged promises whose mentions changed: their stored merged promise with
        the sentences that now mention it (its status cannot have changed)."""
        moved = {(r["doc_id"], r["start"], r["end"]) for r in refs}
        canonical = self.store.canonical_ids("commitments", {c.commitment_id for g in groups for c in g})
        heads = {canonical.get(g[0].commitment_id, g[0].commitment_id) for g in groups}
        stored = {c.commitment_id: c for c in self.store.linked_records("commitments", heads)}
        rows: list[tuple[str, str, Commitment | None]] = []
        for i, group in enumerate(groups):
            head = canonical.get(group[0].commitment_id, group[0].commitment_id)
            merged = stored.get(head)
            if merged is None:
                continue
            reports = {(c.evidence.doc_id, c.evidence.start, c.evidence.end) for c in group}
            kept = [e for e in merged.also_reported_in
                    if (e.doc_id, e.start, e.end) in reports or (e.doc_id, e.start, e.end) not in moved]
            mentions = sorted({*kept, *given.get(i, [])}, key=lambda v: (v.doc_id, v.start))
            if tuple(mentions) != merged.also_reported_in:
                rows.append((head, head, dataclasses.replace(merged, also_reported_in=tuple(mentions))))
        return rows

    def file_promises(self, groups: list[list[Commitment]], matcher: PromiseMatcher) -> None:
        """File each report of these promises under the promiser and who spoke for it, with its own words
        and its whole promise's words."""
        rows = []
        self.read_promise_places(c.evidence.doc_id for g in groups for c in g)
        for group in groups:
            actors = _promise_actors(group)
            agreements = agreement_keys(group)  # "breach the <agreement>"
            for c in group:
                probe = PromiseProbe.of_group(c, group, self.day(c.evidence.doc_id), matcher, self.corpus)
                places = {f"at|{p}" for p in self.places_of(c)} | agreements  # "the promise made in <place>"
                awaits = {f"{AWAITED}{b}" for b in _beneficiaries(group)}  # "asked for it without further delay"
                rows += [(key, c.commitment_id, probe.day, probe.info()) for key in sorted(actors | places | awaits)]
        self.store.put_keys("commitments", [c.commitment_id for g in groups for c in g], rows)

    def promise_components(self, probes: dict[str, PromiseProbe], matcher: PromiseMatcher) -> list[list[str]]:
        """The promise components the probes reach, as lists of commitment ids."""
        if matcher.semantic:  # contents compared by their embeddings: every candidate must be read
            records: list[Commitment] = self.store.records_by_ids("commitments", probes)  # type: ignore[assignment]
            self.corpus.load(c.evidence.doc_id for c in records)

            def similar(a: Commitment, b: Commitment) -> bool:
                if matcher.restates(a, b):
                    return True
                return a.promiser == b.promiser and a.evidence.doc_id != b.evidence.doc_id and \
                    self.near(a.evidence.doc_id, b.evidence.doc_id, PROMISE_DAYS) and \
                    matcher.similarity(a, b) >= PROMISE_THRESHOLD

            parts = self.components("commitments", records,
                                    lambda c: [self.window(c.promiser, c.evidence.doc_id, PROMISE_DAYS, PROMISE_DAYS)],
                                    similar, lambda c: c.promiser)
            return [[c.commitment_id for c in part] for part in parts]

        def linked(a: PromiseProbe, b: PromiseProbe) -> bool:
            if a.promiser != b.promiser:
                return False
            if a.doc_id == b.doc_id:  # one article telling one promise twice
                return restated(a.beneficiary, b.beneficiary, a.promise, b.promise)
            return days_near(a.day, b.day, PROMISE_DAYS) and \
                promise_similarity(a.beneficiary, b.beneficiary, a.promise, b.promise) >= PROMISE_THRESHOLD

        probe_parts = self.components(
            "commitments", probes.values(),
            lambda p: [(p.promiser, *self.day_window(p.day, PROMISE_DAYS, PROMISE_DAYS))],
            linked, lambda p: p.promiser, ident=lambda p: p.record_id,
            read=lambda rows: {rid: PromiseProbe.of(key, rid, day, info) for key, rid, day, info in rows},
            shared=(lambda p: p.promise, lambda row: PromiseProbe.field_words(row, 3), PROMISE_SHARED_WORDS))
        return [[p.record_id for p in part] for part in probe_parts]

    def references_near(self, groups: list[list[Commitment]], also: list[dict[str, Any]], matcher: PromiseMatcher
                        ) -> list[dict[str, Any]]:
        """Sentences that may mention these promises (up to PROMISE_DAYS after a report, naming the
        promiser or who spoke for it, sharing two words with the reports' sentences) and nouns naming a
        promised act whose object is among the reports' content words, with ``also``, in document order."""
        # from every report, not only the first: a report that was first before these groups formed
        # may have had sentences given to it that now go elsewhere
        windows = {_group_key(g): [self.window(actor, c.evidence.doc_id, 0, PROMISE_DAYS)
                                   for c in g for actor in _promise_actors(g)] for g in groups}
        words = {_group_key(g): frozenset(plain(frozenset().union(*(sentence_words(c, self.corpus) for c in g))))
                 for g in groups}
        found = self.matching("promise_ref", windows, words, 2, _cue_words)
        # saying where it was made ("the promise made in Ishtal") counts as a shared word
        at = {_group_key(g): [self.window(key, c.evidence.doc_id, 0, PROMISE_DAYS)
                              for c in g for key in self.made_at_keys(g)] for g in groups}
        for item, rows in self.matching("promise_ref", at, words, 1, _cue_words).items():
            found[item] = found.get(item, []) + rows
        contents = {_group_key(g): frozenset().union(*(matcher.plain_words(c) for c in g)) for g in groups}
        nouns = self.matching("promise_noun", windows, contents, 1, _cue_words)
        cues = {}
        for kind, rows_found in (("promise_ref", found), ("promise_noun", nouns)):
            wanted = {cue_id(c) for c in also if c["kind"] == kind}
            wanted |= {row[1] for rows in rows_found.values() for row in rows}
            cues.update({(kind, cue_id(c)): c for c in self.store.cue_rows(kind, wanted)})
        self.corpus.load(c["doc_id"] for c in cues.values())
        return sorted(cues.values(), key=lambda c: (self.corpus.order(c["doc_id"]), c["start"]))

    def promise_groups_near(self, refs: list[dict[str, Any]], known: list[list[Commitment]]) -> list[list[Commitment]]:
        """``known`` groups and the stored groups of every promise a sentence of ``refs`` may mention
        (reported up to PROMISE_DAYS before it by an actor it names, sharing two words with it)."""
        taken = {c.commitment_id for g in known for c in g}
        sentences = [r for r in refs if r["kind"] == "promise_ref"]
        found = self.matching("commitments",
                              {cue_id(r): [self.window(a, r["doc_id"], PROMISE_DAYS, 0) for a in r["actors"]]
                               for r in sentences},
                              {cue_id(r): frozenset(plain(r["words"])) for r in sentences}, 2, _group_sentence_words)
        placed = [r for r in sentences if r.get("made_at")]  # where it was made counts as a shared word
        found.update({f"at:{k}": v for k, v in self.matching(
            "commitments", {cue_id(r): [self.window(f"at|{p}", r["doc_id"], PROMISE_DAYS, 0) for p in r["made_at"]]
                            for r in placed},
            {cue_id(r): frozenset(plain(r["words"])) for r in placed}, 1, _group_sentence_words).items()})
        nouns = [r for r in refs if r["kind"] == "promise_noun"]
        noun_windows = {cue_id(r): [self.window(a, r["doc_id"], PROMISE_DAYS, 0) for a in r["actors"]] for r in nouns}
        found.update({f"noun:{k}": v for k, v in self.matching(
            "commitments", noun_windows, {cue_id(r): frozenset(r["object"]) for r in nouns}, 1,
            _group_promise_words).items()})
        nearby = {row[1] for rows in found.values() for row in rows} - taken
        canonical = self.store.canonical_ids("commitments", nearby)
        heads = {canonical.get(i, i) for i in nearby}
        members = {i: i for i in heads} | self.store.linked_with("commitments", heads)
        stored: dict[str, list[Commitment]] = defaultdict(list)
        for c in self.store.records_by_ids("commitments", set(members) - taken):
            stored[members[c.commitment_id]].append(c)  # type: ignore[attr-defined]
        self.corpus.load(c.evidence.doc_id for g in stored.values() for c in g)
        return known + [sorted(g, key=lambda c: c.commitment_id) for _, g in sorted(stored.items())]

    def status_sentences(self, groups: list[list[Commitment]], matcher: PromiseMatcher
                         ) -> dict[tuple[str, ...], list[dict[str, Any]]]:
        """For each promise, the sentences that may judge it: naming its promiser or who spoke for it,
        from its first report to PROMISE_DAYS after its last, sharing two of its words; in document order."""
        windows, words = {}, {}
        for group in groups:
            ordered = sorted(group, key=lambda c: self.corpus.order(c.evidence.doc_id))
            first, last = ordered[0].evidence.doc_id, ordered[-1].evidence.doc_id
            # from the first day of its first report's year: a document dated only to that year or a month of it
            # may come after the report (linked_promise judges which may)
            lo, hi = self.window("", first, 0, 0)[1], self.window("", last, 0, PROMISE_DAYS)[2]
            lo = lo[:4] + "-01-01" if lo else lo
            windows[_group_key(group)] = [(actor, lo, hi) for actor in _promise_actors(group)]
            windows[_group_key(group)] += [(f"{AWAITED}{b}", lo, hi) for b in sorted(_beneficiaries(group))]
            if any(held_words(c.content) for c in group):  # a rise at the place of what it holds
                windows[_group_key(group)] += [(p, lo, hi) for c in group for p in self.places_of(c)]
            words[_group_key(group)] = frozenset(plain(frozenset().union(*(matcher.words(c) for c in group)))) \
                | quality_marks(group)
        found = self.matching("status", windows, words, 2, _cue_words)
        # sentences saying where it was made ("what was stated in Ishtal"), or naming the agreement that makes it
        # ("both increases breach the Isel Transit Protocol"), whatever their words
        made_at: dict[tuple[str, ...], list[tuple[str, str | None, str | None]]] = {}
        for group in groups:
            item = _group_key(group)
            _, lo, hi = windows[item][0] if windows[item] else ("", None, None)
            at = [(key, lo, hi) for key in sorted(self.made_at_keys(group) | agreement_keys(group))]
            if at:
                made_at[item] = at
        for item, ids in self.lookup("status", made_at).items():  # all groups' places in one pass over the keys
            found[item] = found.get(item, []) + [("", i, None, None) for i in sorted(ids)]
        cues = {
            cue_id(c): c for c in self.store.cue_rows("status", {row[1] for rows in found.values() for row in rows})
        }
        # and the status sentences holding one of its reports, whatever their words (promises.tells_of_report)
        reports_in: dict[str, list[tuple[tuple[str, ...], int, int]]] = defaultdict(list)
        for g in groups:
            for c in g:
                reports_in[c.evidence.doc_id].append((_group_key(g), c.evidence.start, c.evidence.end))
        own: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for cue in self.store.cues_in(sorted(reports_in), "status"):
            # (one telling how a promise it reports went, to every promise of its document: the others must know
            # that the extraction's reading of it as theirs is wrong, promises.tells_of_another)
            for item in dict.fromkeys(item for item, s, e in reports_in[cue["doc_id"]]
                                      if (s < cue["end"] and cue["start"] < e) or cue.get("reports")):
                cues.setdefault(cue_id(cue), cue)
                own[item].append(cue_id(cue))
        self.corpus.load(c["doc_id"] for c in cues.values())
        reaching = {item: {*(row[1] for row in found.get(item, ())), *own.get(item, ())} for item in windows}
        order = {i: (self.corpus.order(c["doc_id"]), c["start"], i) for i, c in cues.items()}
        return {item: [cues[i] for i in sorted((i for i in ids if i in cues), key=order.__getitem__)]
                for item, ids in reaching.items()}

    # -- forecasts

    def forecast_keys(self, forecast: Forecast) -> list[tuple[str, str, str | None]]:
        """A forecast under each pair of its states and type it predicts, each of its words and its author."""
        fid, day = forecast.forecast_id, self.day(forecast.doc_id)
        countries = sorted(forecast_countries(forecast, self.corpus))
        pairs = [(a, b) for i, a in enumerate(countries) for b in countries[i + 1:]]
        ev = forecast.evidence
        rows = [(f"event|{a}|{b}|{category}", fid, day) for a, b in pairs for category in _acts_of(forecast)]
        if course_predicted(forecast.text):  # a prediction of how relations go: judged by sentences telling it
            rows += [(f"course|{a}|{b}", fid, day) for a, b in pairs]
        # a sentence can judge the forecast only where it names one of these (verdict_sentences), and a sentence
        # telling an outcome only through the prediction's own words: kept with each word
        judged_by = " ".join(sorted({*forecast.subjects, forecast.author} - {None}))  # type: ignore[arg-type]
        own = own_plain_words(forecast, self.corpus)
        rows += [(f"word|{w}", fid, day, f"{judged_by}\t{'own' if w in own else ''}")
                 for w in plain(self.corpus.words_at(ev.doc_id, ev.start, ev.text))]
        if forecast.author:
            rows.append((f"author|{forecast.author}", fid, day))
        if predicts_change(forecast):  # a sentence telling a person's lot persists judges it (persisting_sentences)
            rows += [(f"subject|{s}", fid, day) for s in forecast.subjects if ":" in s]
        return rows

    def check_forecasts(self, cue_rows: list[dict[str, Any]], actors_of: dict[str, set[str]]) -> None:
        new = [f for f in self.store.raw_records("forecasts", doc_id=self.doc_ids) if isinstance(f, Forecast)]
        self.store.put_keys("forecasts", [f.forecast_id for f in new], [k for f in new for k in self.forecast_keys(f)])
        ids = {f.forecast_id for f in new} | self.forecasts_reached(cue_rows, actors_of)
        latest = self.store.latest_published()
        if latest and latest != self.store.meta("linked_latest"):
            # horizons the newest document has now passed: the verdict becomes final
            ids.update(self.store.forecasts_due((self.store.meta("linked_latest") or "")[:4], latest))
            self.store.set_meta("linked_latest", latest)
        if not ids:
            return
        forecasts: list[Forecast] = self.store.records_by_ids("forecasts", ids)  # type: ignore[assignment]
        self.corpus.load(f.doc_id for f in forecasts)
        limits = {f.forecast_id: reach(f, self.corpus.published(f.doc_id)) for f in forecasts}
        sentences = self.verdict_sentences(forecasts, limits)
        for fid, told in self.course_sentences(forecasts, limits).items():
            sentences[fid] = sentences[fid] + told
        events = self.later_events(forecasts, limits)
        conditions, since = self.condition_words(forecasts), self.made_since(forecasts)
        persisting = self.persisting_sentences(forecasts, limits)
        rows = []
        for forecast in forecasts:
            checked = checked_forecast(forecast, self.corpus, events[forecast.forecast_id],
                                       sentences[forecast.forecast_id], latest, self.events.words,
                                       conditions.get(forecast.forecast_id), since.get(forecast.doc_id),
                                       persisting.get(forecast.forecast_id, ()))
            if checked.verdict != "unresolved" or checked.verdict_final:
                rows.append((forecast.forecast_id, forecast.forecast_id, checked))
        self.store.replace_links("forecasts", [f.forecast_id for f in forecasts], rows)

    def forecasts_reached(self, cue_rows: list[dict[str, Any]], actors_of: dict[str, set[str]]) -> set[str]:
        """Forecasts that changed event groups or new verdict sentences may now judge: published up to
        2 x FORECAST_DAYS before them, about the same pair and type, or sharing words with a sentence
        filed under one of their subjects or their author (``actors_of``: each new document's actors)."""
        lookback = 2 * FORECAST_DAYS
        # a group dated to the month or year counts for forecasts published within that period too
        windows = [(f"event|{a}|{b}|{category}", shifted(first_day(when), -lookback), shifted(last_day(when), 0))
                   for a, b, category, when in self.moved_groups]
        windows += [self.window(f"course|{a}|{b}", c["doc_id"], lookback, 0)
                    for c in cue_rows if c["kind"] == "course" for a, b in state_pairs(c["states"])]
        found = self.store.keyed("forecasts", windows)
        verdicts = {cue_id(c): c for c in cue_rows
                    if c["kind"] in ("verdict", "persists") or (c["kind"] == "status" and tells_outcome(c))}
        cue_windows, filed_under = {}, {}
        for item, cue in verdicts.items():
            _, lo, hi = self.window("", cue["doc_id"], lookback, 0)
            cue_windows[item] = [(f"word|{w}", lo, hi) for w in {*cue["words"], *cue.get("context_words", ())}]
            cue_windows[item] += [(f"author|{a}", lo, hi) for a in cue["actors"]]
            if cue["kind"] == "persists":
                cue_windows[item] += [(f"subject|{a}", lo, hi) for a in cue["actors"] if ":" in a]
            # the actors verdict_sentences finds the sentence under: a verdict by its document's, an outcome by its own
            filed_under[item] = actors_of.get(cue["doc_id"], set()) if cue["kind"] == "verdict" else set(cue["actors"])
        # each row's info read once, not once per sentence whose window holds it
        rows: dict[str, list[tuple[str, str | None, bool, list[str], bool, bool]]] = defaultdict(list)
        for key, record_id, day, info in self.store.keyed_rows(
            "forecasts", (w for ws in cue_windows.values() for w in ws)
        ):
            actors, tab, own = (info or "").partition("\t")
            rows[key].append((record_id, day, info is not None, actors.split(), bool(tab), bool(own)))
        for item, item_windows in cue_windows.items():
            shared: dict[str, int] = defaultdict(int)
            named: set[str] = set()
            under, verdict = filed_under[item], verdicts[item]["kind"] == "verdict"
            for key, lo, hi in item_windows:
                lo, hi = lo or "", hi or "~"
                subject, author = key.startswith("subject|"), key.startswith("author|")
                for record_id, day, has_info, actors, tab, own in rows[key]:
                    if day is None or lo <= day <= hi:
                        if subject:  # a sentence on a person's lot: judges forecasts about them
                            found.add(record_id)
                            continue
                        if author:
                            named.add(record_id)
                            continue
                        if has_info and under.isdisjoint(actors):
                            continue
                        if verdict or not tab or own:
                            shared[record_id] += 1
            found.update(f for f, n in shared.items() if n >= 2 or f in named)
        return found

    def made_since(self, forecasts: list[Forecast]) -> dict[str, str]:
        """For documents of forecasts dated to the month or year only: the latest day within that period on
        which they date an event that happened (they were written no earlier; an event before it is no outcome)."""
        vague = sorted({f.doc_id for f in forecasts if len(self.corpus.published(f.doc_id) or "") in (4, 7)})
        by_doc: dict[str, list[Event]] = defaultdict(list)
        for e in self.store.raw_records("events", doc_id=vague) if vague else ():
            by_doc[e.doc_id].append(e)  # type: ignore[attr-defined]
        return {doc_id: day for doc_id in vague
                if (day := written_since(self.corpus.published(doc_id), by_doc[doc_id]))}

    def persisting_sentences(self, forecasts: list[Forecast], limits: dict[str, Any]
                             ) -> dict[str, list[dict[str, Any]]]:
        """For each forecast that something will change by its horizon, the sentences of documents from its horizon
        to its reach telling that a state of things persists, filed under one of its subjects or its author: those
        sharing SHARED_WORDS of its own words, and those naming a person or body it is about."""
        windows, people = {}, {}
        for f in forecasts:
            if predicts_change(f):
                lo, hi = f.resolves_by, limits[f.forecast_id].isoformat() if limits[f.forecast_id] else None
                named = sorted({*f.subjects, f.author} - {None})  # type: ignore[misc]
                windows[f.forecast_id] = [(w, lo, hi) for w in named]
                people[f.forecast_id] = [(w, lo, hi) for w in f.subjects if ":" in w]
        if not windows:
            return {}
        own = {f.forecast_id: frozenset(own_plain_words(f, self.corpus)) for f in forecasts if f.forecast_id in windows}
        found = {fid: {row[1] for row in rows} for fid, rows in
                 self.matching("persists", windows, own, FORECAST_SHARED_WORDS, _cue_words).items()}
        for fid, ids in self.lookup("persists", people).items():
            found[fid] |= ids
        cues = {cue_id(c): c for c in self.store.cue_rows("persists", set().union(*found.values()))}
        self.corpus.load(c["doc_id"] for c in cues.values())
        return {fid: [cues[i] for i in sorted(ids) if i in cues] for fid, ids in found.items()}

    def condition_words(self, forecasts: list[Forecast]) -> dict[str, frozenset[str]]:
        """For each conditional forecast, the words of its condition where its document gives them."""
        found = {}
        conditional = [(f, condition) for f in forecasts if (condition := condition_of(f)[0])]
        self.corpus.read_texts({f.doc_id for f, _ in conditional})
        for f, condition in conditional:
            text, ev = self.corpus.text(f.doc_id), f.evidence
            at = text.rfind(condition, 0, ev.end + len(condition))
            at = at if at >= 0 else text.find(condition, ev.start)
            if at >= 0:
                found[f.forecast_id] = self.corpus.words_at(f.doc_id, at, condition)
        return found

    def later_events(
        self, forecasts: list[Forecast], limits: dict[str, Any]
    ) -> dict[str, list[tuple[str | None, Event]]]:
        """For each forecast, the groups of events between its states of a type it (or its condition) predicts,
        dated from its publication to its reach, as ``(group date, canonical report)``."""
        wanted: dict[str, list[tuple[str, str, str, str]]] = {}
        for f in forecasts:
            countries = sorted(forecast_countries(f, self.corpus))
            if not _acts_of(f) or len(countries) < 2:
                wanted[f.forecast_id] = []
                continue
            lo, hi = (self.corpus.published(f.doc_id) or "")[:4], (f.resolves_by or "9999") + "~"
            wanted[f.forecast_id] = [(a, b, lo, hi) for i, a in enumerate(countries) for b in countries[i + 1:]]
        groups = self.store.grouped_events_in({w for ws in wanted.values() for w in ws})
        rows = {f.forecast_id: [r for w in wanted[f.forecast_id] for r in groups[w]
                                if r["category"] in _acts_of(f)
                                and before_reach(r["group_date"], limits[f.forecast_id])] for f in forecasts}
        ids = {r["event_id"] for rs in rows.values() for r in rs}
        # as linked (with the group's other reports: a later article may tell what the forecast's own announced),
        # else as extracted
        found = {e.event_id: e for e in self.store.records_by_ids("events", ids)}  # type: ignore[attr-defined]
        found.update(self.store.canonical_records("events", ids))  # type: ignore[arg-type]
        self.corpus.load(e.doc_id for e in found.values())  # type: ignore[attr-defined]
        return {fid: [(r["group_date"], found[r["event_id"]]) for r in rs] for fid, rs in rows.items()}  # type: ignore[misc]

    def course_sentences(self, forecasts: list[Forecast], limits: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
        """For each prediction of how relations between its states will go, the sentences of documents
        published from it to its reach telling how they go, as verdicts (``course_cue_for``)."""
        windows = {}
        for f in forecasts:
            if course_predicted(f.text):
                lo = self.window("", f.doc_id, 0, 0)[1]
                hi = limits[f.forecast_id].isoformat() if limits[f.forecast_id] else None
                countries = sorted(forecast_countries(f, self.corpus))
                windows[f.forecast_id] = [(f"{a}|{b}", lo, hi) for a, b in state_pairs(countries)]
        found = self.lookup("course", windows)
        cues = {cue_id(c): c for c in self.store.cue_rows("course", set().union(*found.values()))}
        self.corpus.load(c["doc_id"] for c in cues.values())
        by_forecast = {f.forecast_id: f for f in forecasts}
        return {fid: [v for i in sorted(ids) if i in cues and (v := course_cue_for(cues[i], by_forecast[fid]))]
                for fid, ids in found.items()}

    def verdict_sentences(self, forecasts: list[Forecast], limits: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
        """For each forecast, the sentences saying how a prediction turned out in documents naming one of
        its subjects or its author, published from the forecast to its reach."""
        windows = {}
        for f in forecasts:
            lo = self.window("", f.doc_id, 0, 0)[1]
            hi = limits[f.forecast_id].isoformat() if limits[f.forecast_id] else None
            windows[f.forecast_id] = [(w, lo, hi) for w in sorted({*f.subjects, f.author} - {None})]  # type: ignore[misc]
        found = self.lookup("verdict", windows)
        cues = {cue_id(c): c for c in self.store.cue_rows("verdict", set().union(*found.values()))}
        # sentences telling that something was done or not ("the findings were never handed over") judge a
        # prediction that it would be, as they judge a promise; they are filed under the actors they name,
        # with their words, and only those sharing SHARED_WORDS of the prediction's own words can judge it
        by_forecast = {f.forecast_id: f for f in forecasts}
        own = {fid: frozenset(own_plain_words(f, self.corpus)) for fid, f in by_forecast.items()}
        done = self.matching("outcome", windows, own, FORECAST_SHARED_WORDS, _cue_words)
        # the "outcome" key holds only sentences that tell an outcome (store_cues), so no test is needed here
        outcomes = {
            cue_id(c): c for c in self.store.cue_rows("status", {row[1] for rows in done.values() for row in rows})
        }
        self.corpus.load(c["doc_id"] for c in [*cues.values(), *outcomes.values()])
        return {fid: [cues[i] for i in sorted(ids) if i in cues]
                + [outcome_cue(outcomes[i], by_forecast[fid])
                   for i in sorted(row[1] for row in done[fid]) if i in outcomes]
                for fid, ids in found.items()}

    # -- disagreements over facts

    def find_fact_disagreements(self, cue_rows: list[dict[str, Any]]) -> None:
        blocks, found = [], []
        new = [c for c in cue_rows if c["kind"] == "occasion"]
        claims = self.occasion_claims(new)
        new_ids = {cue_id(c) for c in new}
        for key in sorted({c["key"] for c in new}):
            for occasion in occasions(claims[key]):
                if not new_ids & {cue_id(c) for c in occasion}:
                    continue  # not reached by the new claims, perhaps not whole
                blocks += [f"occasion|{key}|{c['value']}" for c in occasion]
                self.corpus.load(c["doc_id"] for c in occasion)
                block = f"occasion|{key}|{occasion[0]['value']}"
                disagreement = occasion_disagreement(block, occasion, self.corpus)
                if disagreement:
                    found.append((block, disagreement))
        for kind, judge in (("count", count_disagreement), ("role", role_disagreement), ("trend", trend_disagreement),
                            ("side", side_disagreement)):
            keys = sorted({c["key"] for c in cue_rows if c["kind"] == kind})
            by_key: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for cue in self.store.cues_with_key(kind, keys):
                by_key[cue["key"]].append(cue)
            for key in keys:
                block = f"{kind}|{key}"
                blocks.append(block)
                self.corpus.load(c["doc_id"] for c in by_key[key])
                disagreement = judge(block, by_key[key], self.corpus)
                if disagreement:
                    found.append((block, disagreement))
        if blocks:
            self.store.replace_disagreements(blocks, found)

    def occasion_claims(self, new: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
        """Every claim chained to the new ones by dates at most SAME_OCCASION_DAYS apart, by key."""
        found = {cue_id(c): c for c in new}
        frontier = list(new)
        while frontier:
            windows = [
                (c["key"], shifted(first_day(c["value"]), -8), shifted(first_day(c["value"]), 8)) for c in frontier
            ]
            wanted = self.store.keyed("occasion", windows) - found.keys()
            frontier = self.store.cue_rows("occasion", wanted)
            found.update((cue_id(c), c) for c in frontier)
        claims: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for cue in found.values():
            claims[cue["key"]].append(cue)
        return claims


@dataclasses.dataclass(frozen=True, slots=True)
class PromiseProbe:
    """What linking compares of a promise without reading it: who promised to whom, its words and its
    sentence's words."""

    record_id: str
    doc_id: str
    day: str | None
    promiser: str
    beneficiary: str | None
    promise: frozenset[str]
    # the words of the whole promise this report belongs to (all its reports): its contents, its sentences
    group_promise: frozenset[str]
    group_sentence: frozenset[str]
    # the content words of each report of the promise, which a sentence judging it must share (speaks_of);
    # empty when unknown (keys filed before they were kept)
    reports: tuple[frozenset[str], ...] = ()

    def info(self) -> str:
        return "\t".join((self.doc_id, self.promiser, self.beneficiary or "", " ".join(sorted(self.promise)),
                          " ".join(sorted(self.group_promise)), " ".join(sorted(self.group_sentence)),
                          "|".join(" ".join(sorted(r)) for r in self.reports)))

    @classmethod
    def of(cls, key: str, record_id: str, day: str | None, info: str | None) -> PromiseProbe:
        doc_id, promiser, beneficiary, promise, group_promise, group_sentence, *rest = (info or "\t" * 5).split("\t")
        reports = tuple(frozenset(r.split()) for r in rest[0].split("|")) if rest else ()
        return cls(record_id, doc_id, day, promiser, beneficiary or None, frozenset(promise.split()),
                   frozenset(group_promise.split()), frozenset(group_sentence.split()), reports)

    @staticmethod
    def field_words(row: tuple[str, str, str | None, str | None], field: int) -> list[str]:
        """The words of one field of a key row's ``info`` (as ``info`` writes it), without reading the rest."""
        fields = (row[3] or "").split("\t")
        return fields[field].split() if len(fields) > field else []

    @classmethod
    def of_group(cls, c: Commitment, group: list[Commitment], day: str | None, matcher: PromiseMatcher,
                 corpus: Corpus) -> PromiseProbe:
        # (a promise naming how well a thing will be done also under the word a defence vouching for it has)
        return cls(c.commitment_id, c.evidence.doc_id, day, c.promiser, c.beneficiary, matcher.plain_words(c),
                   frozenset().union(*(matcher.plain_words(g) for g in group)) | quality_marks(group),
                   frozenset(plain(frozenset().union(*(sentence_words(g, corpus) for g in group)))),
                   tuple(sorted((matcher.plain_words(g) for g in group), key=sorted)))


def judged_again(group: list[Commitment], stored: Commitment, cues: list[dict[str, Any]], corpus: Corpus,
                 matcher: PromiseMatcher) -> Commitment:
    """A promise whose reports did not change, judged with new sentences on top of its stored evidence
    (as ``linked_promise`` would judge it from every sentence)."""
    reports = {(c.evidence.doc_id, c.evidence.start, c.evidence.end) for c in group}
    mentions = [e for e in stored.also_reported_in if (e.doc_id, e.start, e.end) not in reports]
    merged, _ = linked_promise(group, corpus, cues, matcher, mentions, known=stored.status_evidence)
    return merged


def _acts_of(forecast: Forecast) -> set[str]:
    """The event types a forecast predicts, and those its condition names."""
    condition, _ = condition_of(forecast)
    return predicted_categories(forecast.text) | (predicted_categories(condition) if condition else set())


def tells_outcome(cue: dict[str, Any]) -> bool:
    """Whether a status sentence tells that something was done or was not done."""
    return cue["status"] in ("kept", "in_use") or (cue["status"] == "broken" and tells_not_done(cue["text"]))


def outcome_cue(cue: dict[str, Any], forecast: Forecast) -> dict[str, Any]:
    """A sentence telling that something was done (or not) as a verdict on a forecast: it bears out a
    prediction that it would be done and refutes one that it would not."""
    done = cue["status"] in ("kept", "in_use")
    return {**cue, "kind": "verdict", "outcome": True,
            "stance": "supports" if done != negated(forecast.text) else "contradicts"}


def _group_key(group: list[Commitment]) -> tuple[str, ...]:
    return tuple(sorted(c.commitment_id for c in group))


def _group_promise_words(row: tuple[str, str, str | None, str | None]) -> list[str]:
    return PromiseProbe.field_words(row, 4)


def _group_sentence_words(row: tuple[str, str, str | None, str | None]) -> list[str]:
    return PromiseProbe.field_words(row, 5)


def _cue_words(row: tuple[str, str, str | None, str | None]) -> list[str]:
    return (row[3] or "").split()


# "do so", "without doing so": the act of the promise the sentence reports
_DONE_SO = re.compile(r"\b(?:do|does|did|doing|done)\s+so\b", re.I)


def _promise_actors(group: list[Commitment]) -> set[str]:
    return {c.promiser for c in group} | {c.promiser_person for c in group if c.promiser_person}


def _beneficiaries(group: list[Commitment]) -> set[str]:
    return {c.beneficiary for c in group if c.beneficiary}


def _made_by_keys(cue: dict[str, Any]) -> list[str]:
    """The keys of a status sentence naming where a promise was made ("what was stated in Ishtal") or the agreement
    that makes it ("both increases breach the Isel Transit Protocol"): the promises filed under them are its own."""
    return [*(f"at|{p}" for p in cue.get("made_at", ())),
            *(f"{AGREEMENT_KEY}{a}" for a in cue.get("agreements", ()))]


def _awaited_keys(cue: dict[str, Any]) -> list[str]:
    """A status sentence asking for a thing that is overdue, under each actor it names as one who may await a
    promise's keeping ("Halvic asked that the findings be handed to Dorrun without further delay")."""
    if cue["kind"] != "status" or not cue_alternation("awaited").search(cue["text"]):
        return []
    return [f"{AWAITED}{actor}" for actor in cue["actors"]]


