"""One actor across documents: aliases, roles and mentions from every source."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from ..records import Actor, Evidence
from .titles import offices

# words before a title that say nothing about the office ("his foreign minister", "a spokeswoman for …")
_LEADING = re.compile(r"^(?:(?:a|an|the|his|her|its|their|our|my|your)\s+)+", re.I)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "sir", "madam"})
# words that make a longer title another office, or one held at another time: "Deputy Prime Minister" and
# "former Foreign Minister" are not the same title as "Prime Minister" and "Foreign Minister" told in full
_OTHER_OFFICE = frozenset("""former ex outgoing incoming acting interim deputy vice assistant under elect late
then onetime first second junior senior chief co""".split())  # noqa: SIM905 - a word list reads better as text


def merge_actor_records(records: Iterable[Actor]) -> list[Actor]:
    """One actor per id: aliases, roles and mentions from every document, in a stable order."""
    by_id: dict[str, list[Actor]] = defaultdict(list)
    for record in records:
        by_id[record.actor_id].append(record)
    merged = []
    for actor_id, group in sorted(by_id.items()):
        # the longest name seen is the most complete form ("Mira Sellen" over "Sellen")
        name = max((a.name for a in group), key=lambda n: (len(n), n))
        country = next((a.country for a in group if a.country), None)
        mentions: set[Evidence] = {m for a in group for m in a.mentions}
        merged.append(
            Actor(
                actor_id=actor_id,
                name=name,
                kind=group[0].kind,
                country=country,
                roles=distinct_roles(r for a in group for r in a.roles),
                aliases=tuple(sorted({al for a in group for al in a.aliases})),
                mentions=tuple(sorted(mentions, key=lambda m: (m.doc_id, m.start, m.end))),
            )
        )
    return merged


# an actor's linked view: the merged actor without its mentions (read from each document's records
# when asked for), and the documents its kind and country came from
Linked = tuple[Actor, str | None, str | None]


def merge_actor(existing: Linked | None, rows: Iterable[tuple[str, Actor]]) -> Linked:
    """An actor's linked view with these ``(doc_id, actor)`` records merged in; merging the same
    records in any order, at once or over several runs, gives the same as ``merge_actor_records``:
    the longest name, roles and aliases of every document, kind from the first document by id and
    country from the first one that gives it."""
    ordered = sorted(rows, key=lambda row: row[0])
    first_doc, first = ordered[0]
    name = max((a.name for _, a in ordered), key=lambda n: (len(n), n))
    roles = {r for _, a in ordered for r in a.roles}
    aliases = {al for _, a in ordered for al in a.aliases}
    kind = first.kind
    country_doc, country = next(((d, a.country) for d, a in ordered if a.country), (None, None))
    if existing is not None:
        old, old_first, old_country_doc = existing
        name = max((name, old.name), key=lambda n: (len(n), n))
        roles.update(old.roles)
        aliases.update(old.aliases)
        if old_first is not None and old_first < first_doc:
            kind, first_doc = old.kind, old_first
        if old.country and old_country_doc is not None and (country_doc is None or old_country_doc < country_doc):
            country, country_doc = old.country, old_country_doc
    merged = Actor(actor_id=first.actor_id, name=name, kind=kind, country=country, roles=distinct_roles(roles),
                   aliases=tuple(sorted(aliases)))
    return merged, first_doc, country_doc


def distinct_roles(roles: Iterable[str]) -> tuple[str, ...]:
    """The titles of one person as one role history: each once, "Prime Minister" left out beside
    "Valdorian Prime Minister" (the same office told with more words), "his cameraman" as "cameraman", no
    bare honorifics ("Mr"). Applied again to its own result with more titles it gives the same as on all
    of them at once, so merging documents in any order agrees."""
    cleaned = {_LEADING.sub("", r.strip()) for r in roles}
    words = {r: _title_words(r) for r in cleaned if r and not _title_words(r) <= _HONORIFICS}
    kept = [r for r, w in words.items()
            if not any(_told_in_full(r, w, other, ow) for other, ow in words.items() if other != r)]
    return tuple(sorted(kept))


def _told_in_full(role: str, words: frozenset[str], other: str, other_words: frozenset[str]) -> bool:
    """Whether ``other`` is the same title as ``role`` with more words (or the same words, preferred)."""
    if words == other_words:  # one wording per set of words: the one with more capitals, then the first
        return (-sum(c.isupper() for c in other), other) < (-sum(c.isupper() for c in role), role)
    if not words < other_words or (other_words - words) & _OTHER_OFFICE:
        return False
    held, other_held = _offices(role), _offices(other)
    return not (held and other_held and held != other_held)


@lru_cache(maxsize=65536)
def _offices(title: str) -> tuple[str, ...]:
    return tuple(offices(title))


@lru_cache(maxsize=65536)
def _title_words(title: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w[\w-]*", re.sub(r"['’]s\b", "", title.lower())))
