"""One actor across documents: aliases, roles and mentions from every source."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..records import Actor, Evidence


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
