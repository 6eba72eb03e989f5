"""What linking needs to know about stored documents, read once per linking run."""

from __future__ import annotations

import calendar
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from ..records import Event, Timex
from ..store import Store
from .text import Mention, words


class Corpus:
    """Publication dates, outlets and actor mentions of the documents a linking run touches."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._info: dict[str, dict[str, Any]] = {}
        self._mentions: dict[str, list[Mention]] = {}
        self._kinds: dict[str, str] = {}
        self._roles: dict[tuple[str, str], tuple[str, ...]] = {}
        self._days: dict[str, date | None] = {}
        self._starts: dict[str, list[int]] = {}
        # spans are read again and again in one run (a promise's report by every sentence that may judge it)
        self._words: dict[tuple[str, int, str], frozenset[str]] = {}
        self._bounds: dict[str, str | None] = {}
        self._texts: dict[str, str] = {}
        self._meetings: dict[str, dict[frozenset[str | None], frozenset[str]]] = {}

    def load(self, doc_ids: Iterable[str]) -> None:
        missing = [d for d in set(doc_ids) if d not in self._info]
        if not missing:
            return
        self._info.update(self.store.document_info(missing))
        found: dict[str, list[Mention]] = defaultdict(list)
        for doc_id, actor in self.store.doc_actor_data(missing):
            actor_id, country = actor["actor_id"], actor["country"]
            self._kinds[actor_id] = actor["kind"]
            if actor.get("roles"):
                self._roles[(doc_id, actor_id)] = tuple(actor["roles"])
            for m in actor["mentions"]:
                found[m["doc_id"]].append(Mention(m["start"], m["end"], actor_id, country))
        for doc_id in missing:
            self._info.setdefault(doc_id, {"doc_id": doc_id, "published": None, "source": None, "title": None})
            self._mentions[doc_id] = sorted(found.get(doc_id, []), key=lambda m: (m.start, m.end))

    def published(self, doc_id: str) -> str | None:
        info = self._info.get(doc_id)
        if info is None:
            self.load([doc_id])
            info = self._info[doc_id]
        return info["published"]  # type: ignore[no-any-return]

    def written(self, doc_id: str) -> str | None:
        """A document's publication, or for an undated one the day it was written no earlier than
        (``not_before`` of its own records, so the same whatever else is stored)."""
        found = self.published(doc_id)
        if found:
            return found
        if doc_id not in self._bounds:
            self._bounds[doc_id] = not_before(self.store.raw_records("events", doc_id=[doc_id]),  # type: ignore[arg-type]
                                              self.store.raw_records("timexes", doc_id=[doc_id]))  # type: ignore[arg-type]
        return self._bounds[doc_id]

    def day(self, doc_id: str) -> date | None:
        """The first day of a document's publication period."""
        if doc_id not in self._days:
            self._days[doc_id] = first_day(self.published(doc_id))
        return self._days[doc_id]

    def may_follow(self, a: str, b: str) -> bool:
        """Whether document ``a``, dated only to a year or a month, may have been written after ``b`` though it
        sorts before it: its period holds ``b``'s publication (a column of "2025" and a report of 18 March 2025)."""
        published, other = self.published(a), self.published(b)
        if not published or len(published) >= 10 or not other:
            return False
        day = first_day(other)
        return day is not None and first_day(published) <= day <= last_day(published)  # type: ignore[operator]

    def latest(self, doc_id: str) -> date | None:
        """The last day a document's publication period allows (its day, when dated to the day)."""
        return last_day(self.published(doc_id))

    def apart(self, a: str, b: str) -> int | None:
        """Days between two documents' publications (None when either is undated), as ``days_between``."""
        first, second = self.day(a), self.day(b)
        return None if first is None or second is None else abs((first - second).days)

    def outlet(self, doc_id: str) -> str | None:
        if doc_id not in self._info:
            self.load([doc_id])
        info = self._info[doc_id]
        return info["source"] or info["title"]

    def mentions(self, doc_id: str) -> list[Mention]:
        if doc_id not in self._info:  # (read for every pair compared: no call when already read)
            self.load([doc_id])
        return self._mentions[doc_id]

    def words_at(self, doc_id: str, start: int, text: str) -> frozenset[str]:
        """Content words of ``text``, found at ``start`` in a document, with its actors as ``@id``."""
        cached = self._words.get((doc_id, start, text))
        if cached is not None:
            return cached
        found = self.mentions(doc_id)
        starts = self._starts.get(doc_id)
        if starts is None:
            starts = self._starts[doc_id] = [m.start for m in found]
        inside = found[bisect_left(starts, start) : bisect_right(starts, start + len(text))]
        result = self._words[(doc_id, start, text)] = words(text, mentions=inside, offset=start)
        return result

    def text(self, doc_id: str) -> str:
        """A document's whole text (read only for the few spans that need what came before them)."""
        if doc_id not in self._texts:
            self.read_texts([doc_id])
        return self._texts[doc_id]

    def read_texts(self, doc_ids: Iterable[str]) -> None:
        """Read the texts of these documents in one query (those not read yet); ``text`` then serves them."""
        missing = sorted(set(doc_ids) - self._texts.keys())
        for d in self.store.documents_by_ids(missing):
            self._texts[d.doc_id] = d.text
        for doc_id in missing:
            self._texts.setdefault(doc_id, "")

    def keep_text(self, doc_id: str, text: str) -> None:
        """A text a caller has read anyway (the new documents, read whole for their cues)."""
        self._texts[doc_id] = text

    def meeting_dates(self, doc_id: str) -> dict[frozenset[str | None], frozenset[str]]:
        """The dates a document gives the meetings it reports (CAMEO 04, as happening) of each pair of states."""
        if doc_id not in self._meetings:
            found: dict[frozenset[str | None], set[str]] = defaultdict(set)
            for e in self.store.raw_records("events", doc_id=[doc_id]):
                if isinstance(e, Event) and (e.cameo or "")[:2] == "04" and e.mode == "asserted" and e.date \
                        and e.source_country and e.target_country and e.source_country != e.target_country:
                    found[frozenset((e.source_country, e.target_country))].add(e.date)
            self._meetings[doc_id] = {pair: frozenset(dates) for pair, dates in found.items()}
        return self._meetings[doc_id]

    def kind(self, actor_id: str) -> str | None:
        return self._kinds.get(actor_id)

    def roles(self, doc_id: str, actor_id: str) -> tuple[str, ...]:
        """The roles a document gives an actor ("Senate Majority Leader")."""
        if doc_id not in self._info:
            self.load([doc_id])
        return self._roles.get((doc_id, actor_id), ())

    def order(self, doc_id: str) -> tuple[str, str]:
        """Sort key: documents by publication date (undated last), then id."""
        return (self.published(doc_id) or "9999", doc_id)


def not_before(events: Iterable[Event], timexes: Iterable[Timex] = ()) -> str | None:
    """For a document without a publication date: the latest day it dates an event that happened, or gives
    as a date of its own, with its year ("aired on 1 July 2025"); it was written no earlier. None without either."""
    days = [first_day(e.date) for e in events if e.mode == "asserted" and e.date and len(e.date) >= 7]
    days += [first_day(t.value) for t in timexes
             if t.anchor == "absolute" and t.value and t.precision in ("day", "month")]
    found = [d for d in days if d]
    return max(found).isoformat() if found else None


def state_pairs(states: Iterable[str]) -> list[tuple[str, str]]:
    """Every pair of the given states, each pair and the pairs in code order."""
    ordered = sorted(set(states))
    return [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:]]


@lru_cache(maxsize=65536)
def first_day(value: str | None) -> date | None:
    """The first day an ISO date at any precision allows."""
    if not value:
        return None
    parts = value.split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


@lru_cache(maxsize=65536)
def last_day(value: str | None) -> date | None:
    """The last day an ISO date at any precision allows."""
    first = first_day(value)
    if first is None or value is None:
        return None
    parts = value.split("-")
    if len(parts) >= 3:
        return first
    if len(parts) == 2:
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first.replace(month=12, day=31)


def shifted(day: date | None, days: int) -> str | None:
    """The ISO day ``days`` after ``day`` (None stays None: an undated document has no window)."""
    if day is None:
        return None
    try:
        return (day + timedelta(days=days)).isoformat()
    except OverflowError:
        return "9999-12-31" if days > 0 else "0001-01-01"


def days_between(a: str | None, b: str | None) -> int | None:
    first, second = first_day(a), first_day(b)
    if first is None or second is None:
        return None
    return abs((first - second).days)


def same_or_coarser(a: str, b: str) -> bool:
    """Whether two dates agree at the coarser one's precision ("2025-10" and "2025-10-15")."""
    return a.startswith(b) or b.startswith(a)


def iso_day(day: str | None) -> date | None:
    return date.fromisoformat(day) if day else None


@lru_cache(maxsize=65536)
def _ordinal(day: str) -> int:
    return date.fromisoformat(day).toordinal()


def days_near(a: str | None, b: str | None, days: int) -> bool:
    """Whether two days (ISO, None when undated) are at most ``days`` apart (always, when one is unknown)."""
    return a is None or b is None or abs(_ordinal(a) - _ordinal(b)) <= days
