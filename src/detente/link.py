"""Cross-document linking over the store, incremental in the documents just added.

Only what the new documents touch is recomputed: the actors they mention, and the
(pair of states, month) cells of the dyad index their events fall in. Each recomputation reads
all the store's records for that key, so the result does not depend on the order in which
documents arrived.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .records import Actor, Dyad, Event, Evidence
from .store import Store


def merge_actor_records(records: Iterable[Actor]) -> list[Actor]:
    """One actor per id: aliases, roles and mentions from every document, in a stable order."""
    by_id: dict[str, list[Actor]] = defaultdict(list)
    for record in records:
        by_id[record.actor_id].append(record)
    merged = []
    for actor_id, group in sorted(by_id.items()):
        # the longest name seen is the most complete form ("Maria Zakharova" over "Zakharova")
        name = max((a.name for a in group), key=lambda n: (len(n), n))
        country = next((a.country for a in group if a.country), None)
        mentions: set[Evidence] = {m for a in group for m in a.mentions}
        merged.append(
            Actor(
                actor_id=actor_id,
                name=name,
                kind=group[0].kind,
                country=country,
                roles=tuple(sorted({r for a in group for r in a.roles})),
                aliases=tuple(sorted({al for a in group for al in a.aliases})),
                mentions=tuple(sorted(mentions, key=lambda m: (m.doc_id, m.start, m.end))),
            )
        )
    return merged


def dyad_key(event: Event) -> tuple[str, str, str] | None:
    """The (a, b, YYYY-MM) cell of an event between two different states, a < b."""
    a, b = event.source_country, event.target_country
    if not a or not b or a == b or not event.date or len(event.date) < 7:
        return None
    first, second = sorted((a, b))
    return first, second, event.date[:7]


def dyad_cell(a: str, b: str, period: str, cell_events: list[Event]) -> Dyad | None:
    """The index row of one pair and month."""
    if not cell_events:
        return None
    scores = [e.score for e in cell_events]
    return Dyad(
        a=a,
        b=b,
        period=period,
        events=len(cell_events),
        cooperation=sum(1 for s in scores if s > 0),
        conflict=sum(1 for s in scores if s < 0),
        mean_score=round(sum(scores) / len(scores), 3),
    )


def link(store: Store, doc_ids: Iterable[str]) -> None:
    """Update the cross-document records touched by these newly stored documents."""
    doc_ids = list(doc_ids)
    if not doc_ids:
        return
    with store.transaction():
        _link_in_transaction(store, doc_ids)


def _link_in_transaction(store: Store, doc_ids: list[str]) -> None:
    actor_ids = store.actor_ids_in(doc_ids)
    if actor_ids:
        store.upsert_actors(merge_actor_records(store.doc_actor_records(sorted(actor_ids))))
    keys = {k for e in store.records("events", doc_id=doc_ids) if (k := dyad_key(e))}  # type: ignore[arg-type]
    if keys:
        cells: dict[tuple[str, str, str], list[Event]] = defaultdict(list)
        for e in store.events_for_pairs(sorted(keys)):
            key = dyad_key(e)
            if key in keys:
                cells[key].append(e)
        rows = [row for key in sorted(keys) if (row := dyad_cell(*key, cells.get(key, [])))]
        store.upsert_dyads(rows, emptied=[k for k in keys if not cells.get(k)])
    store.mark_linked(doc_ids)


def link_pending(store: Store) -> int:
    """Link every stored document not yet linked (including any a killed ingest left behind)."""
    pending = store.unlinked_doc_ids()
    for i in range(0, len(pending), 1000):
        link(store, pending[i : i + 1000])
    return len(pending)
