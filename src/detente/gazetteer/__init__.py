"""Read-only knowledge: states, seats of power, organisations, government bodies, media, leaders.

The data files beside this module name their sources (see README.md). ``load_gazetteer`` merges
them with any extra files a user gives (``--gazetteer``, same shape as the example corpus's
``gazetteer.json``), so fictional or specialised actors resolve like real ones.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


def slug(text: str) -> str:
    """``Mira Sellen`` -> ``mira-sellen`` (accents folded, punctuation dropped)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "x"


@dataclass(frozen=True, slots=True)
class Entry:
    """One known actor: what a surface form in the text can stand for."""

    actor_id: str
    name: str
    kind: str
    country: str | None
    # how the surface names it: name, demonym, capital, seat, acronym, body, plural-demonym
    via: str = "name"


@dataclass(frozen=True, slots=True)
class Leader:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    role: str
    office: str
    start: str | None = None  # first day in office, when known
    end: str | None = None  # last day in office; None while in office

    def in_office(self, when: str | None) -> bool:
        """In office on a day, month or year (ISO); with no date, in office now."""
        if when is None:
            return self.end is None
        return (self.start or "")[: len(when)] <= when and (self.end is None or when <= self.end[: len(when)])


@dataclass
class Gazetteer:
    """Surface form -> entries, plus the tables the resolvers consult."""

    surfaces: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    states: dict[str, dict[str, Any]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    adjective_of: dict[str, str] = field(default_factory=dict)  # ISO3 -> "Russian"
    generic_bodies: dict[str, str] = field(default_factory=dict)
    leaders: list[Leader] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def add(self, surface: str, entry: Entry) -> None:
        surface = surface.strip()
        if surface.lower().startswith("the "):
            surface = surface[4:]
        if len(surface) < 2:
            return
        if entry not in self.surfaces[surface]:
            self.surfaces[surface].append(entry)

    def lookup(self, surface: str) -> list[Entry]:
        surface = surface.strip()
        if surface.lower().startswith("the "):
            surface = surface[4:]
        return self.surfaces.get(surface, [])

    def state_of(self, surface: str) -> str | None:
        """The state a name, demonym, capital or seat denotes, if any."""
        for entry in self.lookup(surface):
            if entry.kind == "state":
                return entry.actor_id
        return self.demonyms.get(surface)

    def state_name(self, iso3: str) -> str:
        return str(self.states.get(iso3, {}).get("name", iso3))


def _read(name: str) -> dict[str, Any]:
    path = HERE / name
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _add_state(gaz: Gazetteer, state: dict[str, Any]) -> None:
    """Add a state; a second record for the same id adds names (and may rename it)."""
    iso3 = state["id"]
    name = state.get("name") or state.get("short_name")
    gaz.states[iso3] = {**gaz.states.get(iso3, {}), **state, "name": name}
    entry = Entry(iso3, name, "state", iso3)
    names = [name, state.get("official_name"), state.get("short_name"), *state.get("aliases", [])]
    for surface in filter(None, names):
        gaz.add(surface, entry)
    adjectives = list(dict.fromkeys([*state.get("adjectives", []), *state.get("demonyms", [])]))
    for word in adjectives:
        if word.endswith("s") and word[:-1] in adjectives:
            continue  # "Valdorians" is the people, added as a group below
        gaz.demonyms[word] = iso3
        gaz.adjective_of.setdefault(iso3, word)
        gaz.add(word, Entry(iso3, name, "state", iso3, via="demonym"))
        plural = word if word.endswith(("ese", "ss", "s", "sh", "ch")) else word + "s"
        if plural != word:
            gaz.add(plural, Entry(f"group:{slug(plural)}", plural, "group", iso3, via="plural-demonym"))
    capitals = state.get("capitals") or ([state["capital"]] if state.get("capital") else [])
    for capital in capitals:
        gaz.add(capital, Entry(iso3, name, "state", iso3, via="capital"))
    for seat in state.get("seats_of_power", []):
        gaz.add(seat, Entry(iso3, name, "state", iso3, via="seat"))


def _add_named(gaz: Gazetteer, item: dict[str, Any], kind: str, default_prefix: str) -> None:
    actor_id = item.get("id") or f"{default_prefix}:{slug(item['name'])}"
    entry = Entry(actor_id, item["name"], kind, item.get("country"))
    for surface in [item["name"], *item.get("aliases", [])]:
        gaz.add(surface, entry)
    for acronym in item.get("acronyms", []) + ([item["acronym"]] if item.get("acronym") else []):
        gaz.add(acronym, Entry(actor_id, item["name"], kind, item.get("country"), via="acronym"))


def _add_people(gaz: Gazetteer, people: Iterable[dict[str, Any]]) -> None:
    for person in people:
        roles = person.get("roles") or [{"title": person.get("role", ""), "of": person.get("country")}]
        for role in roles:
            of = role.get("of")
            # "of" names a state by its code, or an outlet or body ("VTR") whose code is no state
            state = of if isinstance(of, str) and re.fullmatch(r"[A-Z]{3}", of) and of in gaz.states else None
            gaz.leaders.append(Leader(
                name=person["name"],
                aliases=tuple(person.get("aliases", [])),
                country=state or person.get("country"),
                role=role.get("title") or "",
                office=person.get("office", ""),
                start=person.get("from"),
                end=person.get("to"),
            ))


def build(data: Iterable[dict[str, Any]]) -> Gazetteer:
    """A gazetteer from data objects in the shipped shapes (later objects add to earlier ones)."""
    gaz = Gazetteer()
    for blob in data:
        if blob.get("source"):
            gaz.sources.append(blob["source"])
        for state in blob.get("states", []):
            _add_state(gaz, state)
        for seat in blob.get("seats", []):
            if seat.get("country"):
                gaz.add(seat["name"], Entry(seat["country"], seat["name"], "state", seat["country"], via="seat"))
                for alias in seat.get("aliases", []):
                    gaz.add(alias, Entry(seat["country"], seat["name"], "state", seat["country"], via="seat"))
        for org in blob.get("organizations", []):
            _add_named(gaz, org, "media" if org.get("kind") == "media" else "organization", "org")
        for body in blob.get("bodies", []):
            _add_named(gaz, body, "organization", "body")
        for company in blob.get("companies", []):  # a national airline is its state's ("an <airline> aircraft")
            _add_named(gaz, company, "organization", "company")
        for generic in blob.get("generic", []):
            for surface in [generic["name"], *generic.get("aliases", [])]:
                gaz.generic_bodies[surface] = generic["name"]
        for outlet in blob.get("media", []):
            _add_named(gaz, outlet, "media", "media")
        _add_people(gaz, blob.get("leaders", []))
        _add_people(gaz, blob.get("people", []))
    # an entry's own canonical name resolves to the state before any homonymous capital
    for entries in gaz.surfaces.values():
        entries.sort(key=lambda e: (e.via != "name", e.kind != "state"))
    return gaz


SHIPPED = ("states.json", "state_extras.json", "seats.json", "organizations.json", "bodies.json", "companies.json",
           "media.json", "leaders.json", "leaders_history.json")


@cache
def _shipped_data() -> tuple[dict[str, Any], ...]:
    return tuple(_read(name) for name in SHIPPED)


def load_gazetteer(extra: tuple[str, ...] = ()) -> Gazetteer:
    """The shipped gazetteer plus extra files (paths), built once per process and set of files."""
    return gazetteer_from_json(tuple(Path(path).read_text(encoding="utf-8") for path in extra))


@cache
def gazetteer_from_json(extra: tuple[str, ...] = ()) -> Gazetteer:
    """The shipped gazetteer plus extra data given as JSON texts (what a Spark driver ships to executors)."""
    return build([*_shipped_data(), *(json.loads(text) for text in extra)])
