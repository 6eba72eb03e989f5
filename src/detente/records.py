"""Plain typed records shared by every stage; they mirror the export contract (records.md).

Every record is a frozen slots dataclass. ``to_dict`` gives the JSON shape of the contract and
``from_dict`` reads it back, refusing unknown keys so that a typo never passes silently.
Offsets are Python string offsets into ``Document.text``, end exclusive.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, ClassVar, Literal, Self

PublishedBasis = Literal["given", "metadata", "inferred"]
Precision = Literal["day", "month", "year", "decade", "century"]
Anchor = Literal["absolute", "published", "context"]
ActorKind = Literal["person", "state", "organization", "media", "place", "group"]
Stance = Literal["supports", "contradicts"]


class Record:
    """Mixin: conversion between a record and the plain JSON shape of records.md."""

    __slots__ = ()
    # name of the export file and of the store table for this record type
    collection: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        return {name: plain(getattr(self, name)) for name, plain in field_plainers(type(self))}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        revivers = field_revivers(cls)
        if not data.keys() <= revivers.keys():
            raise ValueError(f"{cls.__name__}: unknown fields {sorted(data.keys() - revivers.keys())}")
        values = dict(data)
        for name, revive in field_rebuilt(cls):  # only the fields that are not kept as read
            if name in values:
                values[name] = revive(values[name])
        return cls(**values)

    @classmethod
    def plain_from(cls, data: dict[str, Any]) -> dict[str, Any]:
        """``cls.from_dict(data).to_dict()`` without building the record (for exports)."""
        normalizers = field_normalizers(cls)
        unknown = data.keys() - normalizers.keys()
        if unknown:
            raise ValueError(f"{cls.__name__}: unknown fields {sorted(unknown)}")
        found = {}
        for name, (default, normal) in normalizers.items():
            if name in data:
                found[name] = data[name] if normal is None else normal(data[name])
            elif default is _MISSING:
                raise TypeError(f"{cls.__name__}: missing field {name!r}")
            else:
                found[name] = default()
        return found


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@cache
def field_types(cls: type) -> dict[str, Any]:
    """Each field's resolved type annotation, in field order."""
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


@cache
def field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@cache
def field_plainers(cls: type) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """For each field, the function that gives its JSON form (worked out once per type)."""
    return tuple((name, _plainer(hint)) for name, hint in field_types(cls).items())


_SCALARS = (str, int, float, bool)


def _plainer(hint: Any) -> Callable[[Any], Any]:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if origin is tuple:
        item = _plainer(args[0])
        if item is _same:
            return lambda value: None if value is None else list(value)
        return lambda value: None if value is None else [item(v) for v in value]
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return _plainer(args[0])
    if isinstance(hint, type) and issubclass(hint, Record):
        return lambda value: None if value is None else value.to_dict()
    if hint in _SCALARS or origin is typing.Literal:
        return _same
    return _plain


_MISSING = object()


@cache
def field_normalizers(cls: type) -> dict[str, tuple[Any, Callable[[Any], Any] | None]]:
    """For each field: its default (a function giving its JSON form, or ``_MISSING``) and the function
    taking a stored JSON value to what ``from_dict`` then ``to_dict`` would give (None: the value itself)."""
    found = {}
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            def plain_default(value: Any = f.default) -> Any:
                return _plain(value)

            default: Any = plain_default
        elif f.default_factory is not dataclasses.MISSING:
            def plain_factory(factory: Any = f.default_factory) -> Any:
                return _plain(factory())

            default = plain_factory
        else:
            default = _MISSING
        normal = _normalizer(field_types(cls)[f.name])
        found[f.name] = (default, None if normal is _same else normal)
    return found


def _normalizer(hint: Any) -> Callable[[Any], Any]:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if origin is tuple:
        item = _normalizer(args[0])
        if item is _same:
            return lambda value: None if value is None else list(value)
        return lambda value: None if value is None else [item(v) for v in value]
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return _normalizer(args[0])
    if isinstance(hint, type) and issubclass(hint, Record):
        record = hint
        return lambda value: None if value is None else record.plain_from(value)
    if hint in _SCALARS or origin is typing.Literal:
        return _same
    return _plain


@cache
def field_revivers(cls: type) -> dict[str, Callable[[Any], Any]]:
    """For each field, the function that rebuilds its value from JSON (worked out once per type)."""
    return {name: _reviver(hint) for name, hint in field_types(cls).items()}


@cache
def field_rebuilt(cls: type) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """The fields whose JSON value is not the value itself (nested records, tuples), with their revivers."""
    return tuple((name, revive) for name, revive in field_revivers(cls).items() if revive is not _same)


def _reviver(hint: Any) -> Callable[[Any], Any]:
    """Rebuild nested records and tuples from their JSON form, following the field's type."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if origin is tuple:
        item = _reviver(args[0])
        if item is _same:
            return lambda value: None if value is None else tuple(value)
        return lambda value: None if value is None else tuple(item(v) for v in value)
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return _reviver(args[0])
    if isinstance(hint, type) and issubclass(hint, Record):
        record = hint
        return lambda value: None if value is None else record.from_dict(value)
    return _same


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True, slots=True)
class Evidence(Record):
    """A span of a document's stored text: ``text == document.text[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class StanceEvidence(Record):
    """Evidence that supports or contradicts a status or verdict."""

    doc_id: str
    start: int
    end: int
    text: str
    stance: Stance


@dataclass(frozen=True, slots=True)
class Document(Record):
    """One article. ``published`` and ``published_basis`` are both set or both None.

    ``meta`` holds what the contract does not require: the input format, the encoding used,
    the site name, the reasoning behind an inferred publication date, an input's own id.
    """

    collection: ClassVar[str] = "documents"

    doc_id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    published_basis: PublishedBasis | None = None
    author: str | None = None
    language: str = "en"
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if (self.published is None) != (self.published_basis is None):
            raise ValueError(f"{self.doc_id}: published and published_basis must be set together")


@dataclass(frozen=True, slots=True)
class Timex(Record):
    """A time expression, normalised at the precision the text supports."""

    collection: ClassVar[str] = "timexes"

    doc_id: str
    text: str
    start: int
    end: int
    value: str | None
    precision: Precision | None
    anchor: Anchor | None


@dataclass(frozen=True, slots=True)
class Actor(Record):
    """One real-world actor, merged across documents."""

    collection: ClassVar[str] = "actors"

    actor_id: str
    name: str
    kind: ActorKind
    country: str | None = None
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    mentions: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote(Record):
    collection: ClassVar[str] = "quotes"

    quote_id: str
    doc_id: str
    text: str
    start: int
    end: int
    speaker: str | None
    kind: Literal["direct", "indirect"]
    cue: str | None = None
    said_on: str | None = None
    venue: str | None = None
    # the words that name the speaker ("he", "the newspaper", "Sellen"), when the text has them
    speaker_evidence: Evidence | None = None
    # beyond the contract: the same statement as reported by other documents
    also_reported_in: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Event(Record):
    collection: ClassVar[str] = "events"

    event_id: str
    doc_id: str
    category: str
    cameo: str | None
    source: str | None
    target: str | None
    source_country: str | None
    target_country: str | None
    date: str | None
    date_text: str | None
    mode: Literal["asserted", "negated", "hypothetical", "demanded"]
    score: float
    evidence: Evidence
    also_reported_in: tuple[Evidence, ...] = ()
    trigger: Evidence | None = None  # beyond the contract: the words that name the event


@dataclass(frozen=True, slots=True)
class Commitment(Record):
    collection: ClassVar[str] = "commitments"

    commitment_id: str
    promiser: str
    beneficiary: str | None
    content: str
    made_on: str | None
    deadline: str | None
    evidence: Evidence
    status: Literal["open", "kept", "broken", "disputed"] = "open"
    status_evidence: tuple[StanceEvidence, ...] = ()
    also_reported_in: tuple[Evidence, ...] = ()
    promiser_person: str | None = None  # beyond the contract: who spoke for the promiser


@dataclass(frozen=True, slots=True)
class Forecast(Record):
    collection: ClassVar[str] = "forecasts"

    forecast_id: str
    doc_id: str
    author: str | None
    text: str
    horizon_text: str | None
    resolves_by: str | None
    subjects: tuple[str, ...]
    conditional: bool
    evidence: Evidence
    verdict: Literal["confirmed", "contradicted", "unresolved"] = "unresolved"
    verdict_final: bool = False
    verdict_evidence: tuple[StanceEvidence, ...] = ()
    condition: str | None = None  # beyond the contract: the words of the condition


@dataclass(frozen=True, slots=True)
class Claim(Record):
    doc_id: str
    value: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Disagreement(Record):
    collection: ClassVar[str] = "disagreements"

    topic: str
    claims: tuple[Claim, ...]
    # beyond the contract: a stable id, "hard" (the claims cannot all be true) or "soft" (they can,
    # but a reader should know), and what differs: date, count, role, status...
    disagreement_id: str = ""
    kind: Literal["hard", "soft"] = "hard"
    attribute: str | None = None


@dataclass(frozen=True, slots=True)
class Dyad(Record):
    collection: ClassVar[str] = "dyads"

    a: str
    b: str
    period: str
    events: int
    cooperation: int
    conflict: int
    mean_score: float
    # beyond the contract: the pair's smoothed score up to this month, whether it is warming or
    # cooling compared with the months before, and the events that moved this month the most
    trend: float | None = None
    direction: Literal["warming", "cooling", "steady"] | None = None
    drivers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocResult:
    """Everything per-document extraction found in one document; the unit the store writes."""

    document: Document
    timexes: tuple[Timex, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    forecasts: tuple[Forecast, ...] = ()


#: every record type of the export contract, in export order
RECORD_TYPES: tuple[type[Record], ...] = (
    Document,
    Timex,
    Actor,
    Quote,
    Event,
    Commitment,
    Forecast,
    Disagreement,
    Dyad,
)

COLLECTIONS: tuple[str, ...] = tuple(t.collection for t in RECORD_TYPES)
