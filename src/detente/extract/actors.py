"""Actors: mentions from spaCy NER and the gazetteer, resolved to canonical real-world actors.

Per document, every mention becomes one of: a state (by name, demonym, capital or seat of power
used for its government), a person (canonical full name from the document, roles from
appositions and pre-modifiers, country from the role), an organisation or government body, a
media outlet, a place, or a group (a plural demonym used as a noun). Title-only mentions
("the Russian leader") resolve to the person the document names in that role, backed by the
shipped table of leaders when the document names nobody.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..gazetteer import Entry, Gazetteer, Leader, slug
from ..records import Actor, Document, Evidence

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span, Token

# prepositions after which a capital is where something happens, not who acts
_LOCATIVE = {"in", "at", "near", "inside", "outside", "around", "across", "via", "through", "over", "into", "within"}
_MOTION_LEMMAS = {
    "fly", "flight", "travel", "arrive", "depart", "return", "visit", "move", "go", "come", "head",
    "send", "deport", "flee", "route", "drive", "march", "evacuate", "transfer", "relocate", "trip",
}  # fmt: skip
# titles whose holder a title-only mention ("the Russian leader") can stand for
TITLE_WORDS = {
    "leader": (
        "president", "prime minister", "leader", "head of state", "chancellor", "king", "emir", "supreme leader"
    ),
    "president": ("president",),
    "head of state": ("president", "king", "head of state", "emir"),
    "prime minister": ("prime minister", "premier"),
    "premier": ("prime minister", "premier"),
    "chancellor": ("chancellor",),
    "foreign minister": ("foreign minister", "minister of foreign affairs", "secretary of state"),
    "top diplomat": ("foreign minister", "minister of foreign affairs", "secretary of state"),
    "defence minister": ("defence minister", "defense minister", "minister of defence"),
    "defense minister": ("defence minister", "defense minister", "minister of defense"),
    "senator": ("senator", "federation council", "senate"),
    "ambassador": ("ambassador",),
    "envoy": ("ambassador", "envoy"),
    "spokeswoman": ("spokeswoman", "spokesperson", "spokesman", "official representative"),
    "spokesman": ("spokesman", "spokesperson", "spokeswoman", "official representative"),
    "spokesperson": ("spokesman", "spokesperson", "spokeswoman", "official representative"),
}
# a demonym followed by one of these nouns speaks for the state ("the Russian side")
STATE_NOUNS = {"side", "authorities", "government", "leadership", "state", "administration", "delegation"}
MEDIA_WORDS = {
    "channel", "tv", "television", "radio", "newspaper", "agency", "news", "media", "broadcaster",
    "magazine", "gazette", "times", "post", "daily", "herald", "tribune", "journal", "press", "wire",
}  # fmt: skip
PERSON_TITLES = {
    "president", "prime", "minister", "mr", "mrs", "ms", "dr", "sir", "general", "gen", "colonel",
    "senator", "ambassador", "king", "queen", "prince", "chancellor", "secretary", "director",
}  # fmt: skip


@dataclass
class Mention:
    start: int
    end: int
    text: str
    actor_id: str
    kind: str
    country: str | None
    name: str


@dataclass
class PersonCluster:
    name: str
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    @property
    def actor_id(self) -> str:
        return f"person:{slug(self.name)}"


_MATCHERS: dict[tuple[int, int], PhraseMatcher] = {}
# what a gazetteer's tables compile to (patterns, indexes), built once per gazetteer object
_DERIVED: dict[tuple[int, str], tuple[Gazetteer, Any]] = {}


def _derived(gaz: Gazetteer, name: str, build: Callable[[Gazetteer], Any]) -> Any:
    hit = _DERIVED.get((id(gaz), name))
    if hit is None or hit[0] is not gaz:
        hit = (gaz, build(gaz))
        _DERIVED[(id(gaz), name)] = hit
    return hit[1]


def _organization_tails(gaz: Gazetteer) -> frozenset[str]:
    """Generic body names that also end an organisation's name ("Security Council" of the "United Nations
    Security Council"): in a story, either may be meant."""
    names = {surface for surface, entries in gaz.surfaces.items()
             if any(e.kind == "organization" and e.country is None for e in entries)}
    return frozenset(g for g in gaz.generic_bodies if any(n != g and n.endswith(" " + g) for n in names))


def _generic_body_pattern(gaz: Gazetteer) -> re.Pattern[str]:
    names = sorted(gaz.generic_bodies, key=len, reverse=True)
    generic = "|".join(re.escape(n) for n in names)
    return re.compile(
        rf"(?P<pre>\b[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)(?:['’]s)?\s+(?P<g1>{generic})\b"
        rf"|\b(?P<g2>{generic})\s+of\s+(?:the\s+)?(?P<post>[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)*)"
    )


_FIRST_WORD = re.compile(r"\w+")


def _leader_surfaces(gaz: Gazetteer) -> dict[str | None, list[tuple[int, str]]]:
    """Every leader's name and alias by its first word (None: no word), numbered in table order.

    A name found as a whole word has its first word as a whole word of the text too, so only
    the names whose first word the text contains need a search.
    """
    by_word: dict[str | None, list[tuple[int, str]]] = defaultdict(list)
    order = 0
    for leader in gaz.leaders:
        for surface in (leader.name, *leader.aliases):
            first = _FIRST_WORD.match(surface)
            by_word[first.group() if first else None].append((order, surface))
            order += 1
    return by_word


def gazetteer_matcher(gaz: Gazetteer, sdoc: Doc) -> PhraseMatcher:
    """A PhraseMatcher over every surface form of the gazetteer, built once per vocabulary."""
    from spacy.matcher import PhraseMatcher

    key = (id(gaz), id(sdoc.vocab))
    matcher = _MATCHERS.get(key)
    if matcher is None:
        import spacy

        matcher = PhraseMatcher(sdoc.vocab, attr="ORTH")
        blank = spacy.blank("en", vocab=sdoc.vocab)
        surfaces = sorted(gaz.surfaces)
        matcher.add("GAZ", list(blank.tokenizer.pipe(surfaces)))
        _MATCHERS[key] = matcher
    return matcher


def is_place_use(span: Span) -> bool:
    """Is a capital used as a location ("flying from Dorrun to Velmar") rather than a government?"""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in _LOCATIVE:
        return True
    if root.dep_ == "pobj" and head.lower_ in ("from", "to"):
        if head.i > 0 and head.doc[head.i - 1].lower_ in ("according", "thanks", "due", "close", "next"):
            return False
        governor = head.head
        other = "to" if head.lower_ == "from" else "from"
        return governor.lemma_.lower() in _MOTION_LEMMAS or any(c.lower_ == other for c in governor.children)
    return (
        root.dep_ in ("compound", "amod")
        and head.pos_ == "NOUN"
        and head.lemma_ in ("airport", "summit", "court", "office")
    )


def _entity_kind(ent: Span) -> str | None:
    return {
        "PERSON": "person", "ORG": "organization", "GPE": "place", "NORP": "norp",
        "LOC": "place", "FAC": "place",
    }.get(ent.label_)  # fmt: skip


def _strip_span(sdoc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without a leading determiner or a trailing possessive."""
    while start < end and sdoc[start].lower_ in ("the", "a", "an"):
        start += 1
    while (end > start and sdoc[end - 1].tag_ == "POS") or (
        end > start and sdoc[end - 1].text in ("'s", "’s", "'", "’")
    ):
        end -= 1
    return start, end


class DocActors:
    """Resolution state of one document's actors."""

    def __init__(self, document: Document, sdoc: Doc, gaz: Gazetteer) -> None:
        self.document = document
        self.sdoc = sdoc
        self.gaz = gaz
        self.mentions: list[Mention] = []
        self.taken = [False] * len(sdoc)
        self.persons: dict[str, PersonCluster] = {}  # by surname (last token)
        self.bodies: dict[str, tuple[str, str, str | None]] = {}

    # -- recording

    def add(self, start_tok: int, end_tok: int, actor_id: str, kind: str, country: str | None, name: str) -> None:
        if start_tok >= end_tok or any(self.taken[start_tok:end_tok]):
            return
        span = self.sdoc[start_tok:end_tok]
        for i in range(start_tok, end_tok):
            self.taken[i] = True
        self.mentions.append(Mention(span.start_char, span.end_char, span.text, actor_id, kind, country, name))

    # -- stages

    def run(self) -> list[Mention]:
        self.generic_bodies()
        self.named_places()
        self.gazetteer_mentions()
        self.generic_bodies_at_dateline()  # after the gazetteer: "the Security Council" may be an organisation's
        self.persons_from_ner()
        self.countries_from_people_named_later()
        self.known_surnames()
        self.title_only_mentions()
        self.bare_titles()
        self.other_entities()
        self.bodies_named_again()
        self.person_mentions_take_their_country()
        self.mentions.sort(key=lambda m: m.start)
        return self.mentions

    def bodies_named_again(self) -> None:
        """"the service" after "the Valdorian Border Service", "the ministry" after "the Foreign Ministry": a
        definite noun that is the last word of a body the text named before (the latest one) is that body."""
        bodies = sorted((m for m in self.mentions if m.kind in ("organization", "media") and " " in m.name),
                        key=lambda m: m.start)
        if not bodies:
            return
        for token in self.sdoc:
            if token.pos_ != "NOUN" or token.tag_ != "NN" or self.taken[token.i] or token.i == 0:
                continue
            if self.sdoc[token.i - 1].lower_ != "the" or self.taken[token.i - 1]:
                continue
            word = token.lower_
            earlier = [m for m in bodies if m.end <= token.idx and m.name.lower().split()[-1] == word]
            if earlier:
                body = earlier[-1]
                self.add(token.i - 1, token.i + 1, body.actor_id, body.kind, body.country, body.name)

    def generic_bodies(self) -> None:
        """"Russia's Foreign Ministry", "the Russian Foreign Ministry", "the Foreign Ministry of Russia"."""
        if not self.gaz.generic_bodies:
            return
        pattern = _derived(self.gaz, "generic_bodies", _generic_body_pattern)
        for match in pattern.finditer(self.document.text):
            owner = match["pre"] or match["post"]
            iso3 = self._state_in(owner)
            if iso3 is None:
                continue
            body = self.gaz.generic_bodies[match["g1"] or match["g2"]]
            actor_id = f"body:{iso3.lower()}-{slug(body)}"
            adjective = self.gaz.adjective_of.get(iso3)
            name = f"{adjective} {body}" if adjective else f"{self.gaz.state_name(iso3)}'s {body}"
            span = self.sdoc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                self.add(span.start, span.end, actor_id, "organization", iso3, name)

    def generic_bodies_at_dateline(self) -> None:
        """"BRASK, 8 May (ValPress) - … the Foreign Ministry said": in a story filed from a state's capital, a
        generic body named by its title and no state's is that state's (wire style names another state's ministry
        by its state)."""
        dateline = DATELINE.match(self.document.text)
        iso3 = self.gaz.state_of(dateline["city"].strip().title()) if dateline else None
        if iso3 is None:
            return
        generic = "|".join(re.escape(n) for n in sorted(self.gaz.generic_bodies, key=len, reverse=True))
        # "the Foreign Ministry of X", "the Foreign Ministry in <city>" name their state
        for match in re.finditer(rf"\b[Tt]he\s+(?P<g>{generic})\b(?!\s+of\b)(?!\s+(?:in|at)\s+[A-Z])",
                                 self.document.text):
            if not match["g"][:1].isupper():
                continue  # "the border service" names one the story named before ("the Valdorian Border Service")
            if match["g"] in _derived(self.gaz, "organization_tails", _organization_tails):
                continue  # "the Security Council" may be the United Nations Security Council's short name
            body = self.gaz.generic_bodies[match["g"]]
            adjective = self.gaz.adjective_of.get(iso3)
            name = f"{adjective} {body}" if adjective else f"{self.gaz.state_name(iso3)}'s {body}"
            span = self.sdoc.char_span(match.start("g"), match.end(), alignment_mode="expand")
            if span is not None and not any(self.taken[span.start:span.end]):
                self.add(span.start, span.end, f"body:{iso3.lower()}-{slug(body)}", "organization", iso3, name)

    def named_places(self) -> None:
        """"the Isel bridge", "Harl Pass", "Ostrel airport": a name followed by a place noun."""
        nouns = "|".join(sorted(place_nouns(), key=len, reverse=True))
        pattern = re.compile(rf"\b(?P<name>[A-Z][\w’'\-]+(?:\s[A-Z][\w’'\-]+)?)\s(?P<noun>(?i:{nouns}))\b")
        for match in pattern.finditer(self.document.text):
            name = match["name"]
            first = name.split()[0]
            if (
                self.gaz.demonyms.get(first)
                or first.lower() in ("the", "a", "an", "this", "that")
                or (first.isupper() and len(first) > 1)
            ):
                continue
            if match.start() > 0 and self.document.text[match.start() - 1] in "“‘«\"'":
                continue
            if any(e.via == "seat" for e in self.gaz.lookup(match.group(0))):
                continue  # "Lantern Street" is the gazetteer's seat of a government, not a street
            span = self.sdoc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or (span[0].is_sent_start and span[0].pos_ not in ("PROPN",)):
                continue
            country = next((e.country for e in self.gaz.lookup(first) if e.country), None)
            self.add(span.start, span.end, f"place:{slug(span.text)}", "place", country, span.text)

    def _state_in(self, words: str) -> str | None:
        words = words.strip()
        for candidate in (words, words.split()[-1], words.split()[0]):
            iso3 = self.gaz.state_of(candidate)
            if iso3:
                return iso3
        return None

    def gazetteer_mentions(self) -> None:
        from spacy.util import filter_spans

        matcher = gazetteer_matcher(self.gaz, self.sdoc)
        spans = filter_spans([self.sdoc[s:e] for _, s, e in matcher(self.sdoc)])
        for span in spans:
            entries = self.gaz.lookup(span.text)
            if not entries:
                continue
            self._resolve_gazetteer_span(span, entries)

    def _resolve_gazetteer_span(self, span: Span, entries: list[Entry]) -> None:
        entry = entries[0]
        if entry.kind == "state" and (_in_alignment_compound(span) or _names_a_currency(span)):
            for i in range(span.start, span.end):
                self.taken[i] = True  # "pro-Valdorian rebels" are not Valdoria: no mention, and none later
            return
        if entry.kind == "state" and entry.via == "demonym":
            self._demonym(span, entry)
            return
        if entry.kind == "group":
            if span.root.pos_ in ("NOUN", "PROPN") and span.root.tag_ in ("NNS", "NNPS"):
                self.add(span.start, span.end, entry.actor_id, "group", entry.country, entry.name)
            return
        if entry.kind == "state" and entry.via in ("capital", "seat") and is_place_use(span):
            self.add(span.start, span.end, f"place:{slug(span.text)}", "place", entry.country, span.text)
            return
        start = (
            span.start - 1
            if span.start > 0 and self.sdoc[span.start - 1].lower_ == "the" and entry.via == "seat"
            else span.start
        )
        start, end = _strip_span(self.sdoc, start, span.end) if entry.via != "seat" else (start, span.end)
        words = [t for t in self.sdoc[start:end] if t.lower_ != "the"]
        if entry.kind in ("organization", "media") and len(words) == 1:
            # "the Commonwealth" after "the Commonwealth of Independent States": the one the article named
            earlier = self._organization_named_with(words[0].text, span.start_char)
            if earlier is not None and earlier.actor_id != entry.actor_id:
                self.add(start, end, earlier.actor_id, earlier.kind, earlier.country, earlier.name)
                return
        self.add(start, end, entry.actor_id, entry.kind, entry.country, entry.name)

    def _demonym(self, span: Span, entry: Entry) -> None:
        """"Russian" before a title is a person; before "side"/"authorities" the state."""
        nxt = self.sdoc[span.end : span.end + 3]
        words = " ".join(t.lower_ for t in nxt) + " "
        for title in sorted(TITLE_WORDS, key=len, reverse=True):
            if words.startswith(title + " ") and not self._followed_by_name(span.end + len(title.split())):
                return  # a title-only mention, resolved later
        if len(nxt) and nxt[0].lower_ in STATE_NOUNS:
            self.add(span.start, span.end + 1, entry.actor_id, "state", entry.country, entry.name)
            return
        self.add(span.start, span.end, entry.actor_id, "state", entry.country, entry.name)

    def _names_a_work(self, ent: Span) -> bool:
        """Not a person: a name right after a programme or outlet noun ("the programme Basin
        Tonight"), or a line of its own (a section heading such as "Key Points")."""
        before = self.sdoc[ent.start - 1] if ent.start > 0 else None
        after_work = before is not None and before.lemma_.lower() in MEDIA_WORDS | {
            "programme", "program", "show", "channel", "series"
        }
        return after_work or self._is_heading(ent)

    def _is_heading(self, span: Span) -> bool:
        text = self.document.text
        line_start = text.rfind("\n", 0, span.start_char) + 1
        line_end = text.find("\n", span.end_char)
        line = text[line_start : line_end if line_end != -1 else len(text)].strip()
        return len(line.split()) <= 8 and not line.endswith((".", "?", "!", "”", '"'))

    def _in_quotes(self, span: Span) -> bool:
        """A name written inside quotation marks ("‘Iron Meadow’") names a thing, not an actor."""
        text = self.document.text
        before = text[span.start_char - 1] if span.start_char else ""
        return before in "“‘«\"" or span.text[:1] in "“‘«\""

    def _names_a_thing(self, span: Span) -> bool:
        """"the Washington Agreements", "the Zangezur corridor": treaties, routes and plans are not actors."""
        heads = non_actor_heads()
        if span[-1].lemma_.lower() in heads or span[-1].lower_ in heads:
            return True
        root = span.root
        return root.dep_ == "compound" and root.head.lower_ in heads

    def _followed_by_name(self, index: int) -> bool:
        return index < len(self.sdoc) and self.sdoc[index].ent_type_ == "PERSON"

    # -- persons

    def persons_from_ner(self) -> None:
        ents = [
            e for e in self.sdoc.ents
            if e.label_ == "PERSON" and not self._names_a_work(e) and not self._names_a_thing(e)
            and all(t.text[:1].isupper() for t in e if t.is_alpha)
        ]
        ents += self._gazetteer_people_not_tagged(ents)
        covered = {i for e in ents for i in range(e.start, e.end)}
        ents += [s for s in self._named_by_role() if not covered.intersection(range(s.start, s.end))]
        full: list[Span] = []
        for ent in ents:
            start, end = self._person_bounds(ent)
            if start >= end or any(self.taken[start:end]):
                continue
            span = self.sdoc[start:end]
            if len(span) >= 2:
                full.append(span)
        # full names first, so surnames alone can join the cluster of their full name
        for span in sorted(full, key=lambda s: s.start):
            self._cluster(span)
        for ent in ents:
            start, end = self._person_bounds(ent)
            if start < end and not any(self.taken[start:end]):
                self._cluster(self.sdoc[start:end])

    def known_surnames(self) -> None:
        """A surname the NER labelled otherwise (or missed) is still the person named before."""
        for token in self.sdoc:
            if self.taken[token.i] or token.pos_ != "PROPN":
                continue
            cluster = self.persons.get(fold(token.text))
            if cluster is not None and (token.i + 1 >= len(self.sdoc) or self.sdoc[token.i + 1].pos_ != "PROPN"):
                self.add(token.i, token.i + 1, cluster.actor_id, "person", cluster.country, cluster.name)

    def _named_by_role(self) -> list[Span]:
        """Names the NER missed, introduced by a role: "the host of the programme X, Ivo Stern",
        "publicist Ivo Stern"."""
        roles = role_nouns()
        found = []
        i = 0
        while i < len(self.sdoc):
            j = i
            while (
                j < len(self.sdoc)
                and j - i < 3
                and self.sdoc[j].pos_ == "PROPN"
                and self.sdoc[j].is_alpha
                and self.sdoc[j].is_title
            ):
                j += 1
            if j - i >= 2 and not any(self.taken[i:j]) and not self.gaz.lookup(self.sdoc[i:j].text):
                span = self.sdoc[i:j]
                root = span.root
                before = self.sdoc[i - 1] if i > 0 else None
                anchor = root.head
                while anchor.dep_ == "appos" and anchor.head.i != anchor.i:
                    anchor = anchor.head  # "host of the programme X, Name": X is itself an apposition
                by_appos = root.dep_ == "appos" and anchor.lemma_.lower() in roles
                by_title = before is not None and before.lemma_.lower() in roles and before.dep_ == "compound"
                if (by_appos or by_title) and not self._names_a_work(span):
                    found.append(span)
            i = max(j, i + 1)
        return found

    def _gazetteer_people_not_tagged(self, ents: list[Span]) -> list[Span]:
        """Known leaders' names the NER missed (small models miss some non-English names)."""
        found = []
        covered = {i for e in ents for i in range(e.start, e.end)}
        by_word = _derived(self.gaz, "leader_surfaces", _leader_surfaces)
        words = {*_FIRST_WORD.findall(self.document.text), None}
        candidates = sorted(c for word in words for c in by_word.get(word, ()))
        for _, surface in candidates:
            for match in re.finditer(rf"\b{re.escape(surface)}\b", self.document.text):
                span = self.sdoc.char_span(match.start(), match.end())
                if (
                    span is not None
                    and not covered.intersection(range(span.start, span.end))
                    and not self._names_a_thing(span)
                ):
                    found.append(span)
                    covered.update(range(span.start, span.end))
        return found

    def _person_bounds(self, ent: Span) -> tuple[int, int]:
        start, end = ent.start, ent.end
        while start < end and self.sdoc[start].lower_.strip(".") in PERSON_TITLES:
            start += 1
        while end > start and (self.sdoc[end - 1].tag_ == "POS" or not self.sdoc[end - 1].is_alpha):
            end -= 1
        return start, end

    def _cluster(self, span: Span) -> None:
        words = span.text.split()
        surname = words[-1]
        cluster = self.persons.get(fold(surname))
        if cluster is None:
            name = span.text if len(words) >= 2 else self._name_from_table(surname) or span.text
            cluster = PersonCluster(name=_two_part(name))
            self.persons[fold(surname)] = cluster
        elif len(words) >= 2 and len(cluster.name.split()) < 2:
            cluster.name = _two_part(span.text)
        if span.text not in cluster.aliases:
            cluster.aliases.append(span.text)
        role = self._role_of(span)
        if role and _DATELINE.match(role):
            role = None
        if role and role not in cluster.roles:
            cluster.roles.append(role)
        if cluster.country is None:
            # the table of people, when it knows the person, before what the text's roles say
            cluster.country = self._country_from_table(cluster.name) or self._country_of_roles(span, role)
        self.add(span.start, span.end, cluster.actor_id, "person", cluster.country, cluster.name)

    def _country_of_roles(self, span: Span, role: str | None) -> str | None:
        for said in (role, self._appositive_role(span)):
            # "The US commander in Iraq, General David Petraeus": the rank says no country, the apposition does
            country = self._country_of_role(said) if said else None
            if country is not None:
                return country or None
        return None

    def countries_from_people_named_later(self) -> None:
        """"Dorin Kass, an aide to President Ivo Sarn, ... Sarn": a role naming a person the text
        introduces only later takes that person's country once everyone is known."""
        for cluster in self.persons.values():
            for role in cluster.roles if cluster.country is None else ():
                country = self._country_of_role(role)
                if country is not None:
                    cluster.country = country or None
                    break

    def person_mentions_take_their_country(self) -> None:
        """A person's mentions made before their country was known carry it too."""
        country = {c.actor_id: c.country for c in self.persons.values() if c.country}
        for mention in self.mentions:
            if mention.kind == "person" and mention.country is None:
                mention.country = country.get(mention.actor_id)

    def _name_from_table(self, surname: str) -> str | None:
        found = self._by_date(leader for leader in self.gaz.leaders
                                   if fold(leader.name.split()[-1]) == fold(surname))
        return found.name if found else None

    def _by_date(self, leaders: Iterable[Leader]) -> Leader | None:
        """The leader in office when the document was published, else the one in office now, else
        the last to take office before it: "President Bush" in 2008 is George W. Bush."""
        candidates = list(leaders)
        for when in (self.document.published, None):
            for leader in candidates:
                if leader.in_office(when):
                    return leader
        published = self.document.published
        before = [c for c in candidates if published and c.start and c.start[: len(published)] <= published]
        return max(before, key=lambda c: c.start or "") if before else (candidates[0] if candidates else None)

    def _country_from_table(self, name: str) -> str | None:
        for leader in self.gaz.leaders:
            if leader.name == name or name in leader.aliases:
                return leader.country
        return None

    def _role_of(self, span: Span) -> str | None:
        """The title a person is given: pre-modifiers ("Russian President ...") or an apposition."""
        root = span.root
        # pre-modifiers: compound/amod tokens left of the name in its own phrase
        left = [
            t
            for t in root.lefts
            if t.i < span.start and t.dep_ in ("compound", "amod", "nmod", "nummod", "poss", "cc", "conj")
        ]
        if left:
            start = min(t.left_edge.i for t in left)
            while start < span.start and self.sdoc[start].lower_ in ("the", "a", "an"):
                start += 1
            # "Corvel and Sarnovian Foreign Minister Revic": the title is what follows the last "and"
            joins = [i for i in range(start, span.start)
                     if self.sdoc[i].dep_ == "cc" or self.sdoc[i].text in (",", ")", "–", "—")
                     or (self.sdoc[i].text == "-" and self.sdoc[i - 1].whitespace_)]
            if joins:
                start = max(joins) + 1
            tokens = self.sdoc[start : span.start]
            role = tokens.text.strip(" ,")
            # a dateline ("DORRUN, 12 March (Basin Wire) -") is not a title
            dateline = bool(_DATELINE.match(role))
            # another name in front is another person's ("Corvel and Revic"), but a demonym or an adjective
            # the NER calls a person is not ("Kestrian presidential adviser Olek Varn")
            named = any(self.sdoc[i].ent_type_ == "PERSON" and self.sdoc[i].pos_ == "PROPN"
                        and not self.gaz.state_of(self.sdoc[i].text) for i in range(start, span.start))
            if role and not dateline and not named:
                return role
        return self._appositive_role(span)

    def _appositive_role(self, span: Span) -> str | None:
        """The role an apposition gives: "the head of X, Name" or "Name, First Deputy Chairman of X,"."""
        root = span.root
        if root.dep_ == "appos":
            head = root.head
            while head.dep_ == "appos" and head.head.i != head.i:
                head = head.head
            # "the head of Valdoria's Border Service, Anna Brisk": the role is
            # the noun the attached phrase hangs from
            while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.lemma_.lower() in role_nouns():
                head = head.head.head
            return _phrase_without(head, root)
        for child in root.children:
            if child.dep_ == "appos" and child.i > span.end - 1:
                return _phrase_text(child)
        return _predicative_role(span)

    def _country_of_role(self, role: str) -> str | None:
        """The state a role names first ("Russian Ambassador to Armenia" -> Russia, "the Kestrian
        ambassador in Brask" -> Kestria), else the state of the person it serves ("Halvic's
        spokesman", "an adviser to President Halvic"). "" when the role is at an international
        body ("UN envoy to Syria"): such a person has no country."""
        own_part = re.split(r"(?<![\w-])(?:to|in)(?![\w-])", role)[0]
        found = self._state_named_first(own_part)
        if found is None and not self._names_the_other_side(own_part):
            found = self._country_of_person_named(own_part)
        if found is None and (served := _serving_pattern().search(role)):
            found = self._state_named_first(served["whom"]) or self._country_of_person_named(served["whom"])
        if found is None:
            found = next((m.country for m in self.mentions
                          if m.country and m.kind != "person" and m.text in own_part), None)
        return found

    def _state_named_first(self, words_text: str) -> str | None:
        """The country of the first state, demonym or national body the words name; "" for an international one."""
        words = re.findall(r"[A-Z][\w\-]*", words_text)
        for i in range(len(words)):
            for word_count in (3, 2, 1):
                candidate = " ".join(words[i : i + word_count])
                entries = self.gaz.lookup(candidate) if i + word_count <= len(words) else []
                if any(e.country for e in entries):
                    return next(e.country for e in entries if e.country)
                if entries and all(e.kind == "organization" for e in entries):
                    return ""
                if candidate in self.gaz.demonyms:
                    return self.gaz.demonyms[candidate]
        return None

    def _country_of_person_named(self, words_text: str) -> str | None:
        """"Halvic's", "of President Teodor Halvic": the country of a person the document or the table knows."""
        for word in re.findall(r"[A-Z][\w\-]*", words_text):
            cluster = self.persons.get(fold(word))
            if cluster is not None and cluster.country:
                return cluster.country
            name = self._name_from_table(word)
            if name is not None and (country := self._country_from_table(name)):
                return country
        return None

    @staticmethod
    def _names_the_other_side(words_text: str) -> bool:
        """"Malk's counterpart", "Halvic's rival": the person named is on the other side."""
        words = {w.lower() for w in re.findall(r"\w+", words_text)}
        return bool(words & other_side_nouns())

    def title_only_mentions(self) -> None:
        """"the Russian leader", "the Azerbaijani president": the person the document names so."""
        titles = "|".join(sorted((re.escape(t) for t in TITLE_WORDS), key=len, reverse=True))
        for match in re.finditer(
            rf"\b(?:[Tt]he\s+)?(?P<dem>[A-Z][\w\-]+)(?:['’]s)?\s+(?P<title>{titles})\b", self.document.text
        ):
            iso3 = self.gaz.demonyms.get(match["dem"]) or self.gaz.state_of(match["dem"])
            if iso3 is None:
                continue
            span = self.sdoc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or any(self.taken[span.start : span.end]):
                continue
            if span.end < len(self.sdoc) and self.sdoc[span.end].ent_type_ == "PERSON":
                continue
            if _FORMER.search(self.document.text[max(0, match.start("dem") - 30) : match.start("dem")]):
                continue  # "the former Kestrian president" is not the one in office
            cluster = self._holder(iso3, match["title"].lower())
            if cluster is not None:
                if match.group(0) not in cluster.aliases:
                    cluster.aliases.append(match.group(0))
                self.add(span.start, span.end, cluster.actor_id, "person", iso3, cluster.name)

    def bare_titles(self) -> None:
        """"the minister said", "the spokeswoman added": the person last named with that title."""
        titles = "|".join(sorted((re.escape(t) for t in TITLE_WORDS), key=len, reverse=True))
        for match in re.finditer(rf"\b[Tt]he\s+(?P<title>{titles}|minister)\b", self.document.text):
            span = self.sdoc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or any(self.taken[span.start : span.end]):
                continue
            if span.end < len(self.sdoc) and self.sdoc[span.end].pos_ == "PROPN":
                continue  # "the minister Anna Brisk": the name itself is the mention
            title = match["title"].lower()
            wanted = TITLE_WORDS.get(title, ("minister",))
            iso3 = self._state_after_of(match.end())
            # "the president of Turkey" is that state's; "the president" the one last named so
            if iso3 and title in TITLE_WORDS:
                holder = self._holder(iso3, title, in_office=True)
            else:
                holder = self._last_named_with(wanted, match.start())
            if holder is not None:
                if match.group(0) not in holder.aliases:
                    holder.aliases.append(match.group(0))
                self.add(span.start, span.end, holder.actor_id, "person", holder.country, holder.name)

    def _state_after_of(self, at: int) -> str | None:
        """The state "of X" names right after a title ("the president of the United States"), if any."""
        of_state = _OF_STATE.match(self.document.text, at)
        if of_state is None:
            return None
        name = of_state["state"]
        if not _AFTER_STATE.match(self.document.text, of_state.end()) or name in self.gaz.demonyms:
            return None  # "the president of the Tunisian League for …" is no state's
        return next((e.actor_id for e in self.gaz.lookup(name) if e.kind == "state"), None)

    def _last_named_with(self, wanted: tuple[str, ...], before: int) -> PersonCluster | None:
        by_id = {c.actor_id: c for c in self.persons.values()}
        for mention in sorted(self.mentions, key=lambda m: m.start, reverse=True):
            if mention.kind != "person" or mention.start >= before:
                continue
            cluster = by_id.get(mention.actor_id)
            if cluster is not None and _holds(cluster.roles, wanted):
                return cluster
        return None

    def _holder(self, iso3: str, title: str, in_office: bool = False) -> PersonCluster | None:
        """The person holding a state's title: one the document names so, else the gazetteer's leader (``in_office``:
        only one known to hold it when the document was published)."""
        wanted = TITLE_WORDS[title]
        for cluster in self.persons.values():
            if cluster.country == iso3 and _holds(cluster.roles, wanted):
                return cluster
        # a gazetteer role by substring, not ``_holds``: "Chairman of the Presidential Council" is a head of state
        leaders = [leader for leader in self.gaz.leaders
                   if leader.country == iso3 and any(w in leader.role.lower() for w in wanted)]
        if in_office:
            leaders = [leader for leader in leaders
                       if self.document.published and leader.in_office(self.document.published)]
        leader = self._by_date(leaders)
        if leader is None:
            return None
        surname = leader.name.split()[-1]
        cluster = self.persons.get(fold(surname))
        if cluster is None:
            cluster = PersonCluster(name=leader.name, country=iso3, roles=[leader.role])
            self.persons[fold(surname)] = cluster
        return cluster

    # -- everything else NER finds

    def other_entities(self) -> None:
        for ent in self.sdoc.ents:
            kind = _entity_kind(ent)
            if kind in (None, "person"):
                continue
            start, end = _strip_span(self.sdoc, ent.start, ent.end)
            if start >= end or any(self.taken[start:end]):
                continue
            span = self.sdoc[start:end]
            text = span.text
            if kind == "norp":
                iso3 = self.gaz.demonyms.get(text)
                if iso3:
                    self.add(start, end, iso3, "state", iso3, self.gaz.state_name(iso3))
                continue
            if self._names_a_thing(span) or (kind != "norp" and self._is_heading(span)) or self._in_quotes(span):
                continue
            if kind == "organization" and len(span) == 1:
                earlier = self._organization_named_with(span.text, span.start_char)
                if earlier is not None:  # "the Committee" after "the Investigative Committee"
                    self.add(start, end, earlier.actor_id, earlier.kind, earlier.country, earlier.name)
                    continue
            if kind == "organization":
                words = {w.lower() for w in re.findall(r"[\w]+", text)}
                if words & MEDIA_WORDS and not words & {"ministry", "committee", "council", "office"}:
                    self.add(start, end, f"media:{slug(text)}", "media", self._country_near(span), text)
                else:
                    self.add(start, end, f"org:{slug(text)}", "organization", self._country_near(span), text)
                continue
            if not text[:1].isupper():
                continue
            self.add(start, end, f"place:{slug(text)}", "place", None, text)

    def _organization_named_with(self, word: str, before: int) -> Mention | None:
        for mention in sorted(self.mentions, key=lambda m: m.start):
            if mention.start < before and mention.kind in ("organization", "media") and word in mention.name.split():
                return mention
        return None

    def _country_near(self, span: Span) -> str | None:
        for word in span.text.split():
            iso3 = self.gaz.state_of(word)
            if iso3:
                return iso3
        return None


# what makes a title-only mention someone other than the holder in office
_FORMER = re.compile(r"\b(?:former|ex|late|previous|then|onetime|one-time)[\s\-]+(?:[Tt]he\s+)?$", re.IGNORECASE)
# a wire dateline opening the text: "DORRUN, 12 March (Basin Wire) - " (its city: where the story was filed)
DATELINE = re.compile(r"\A\s*(?P<city>[A-Z][A-Z'’. -]+),[^\n]{0,60}?\s[-–—]+\s")
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,|.*\(\w[^)]*\)\s*[-–—]$")


def _holds(roles: Iterable[str], titles: Iterable[str]) -> bool:
    """Whether one of the roles is one of the titles, as a whole word (a "presidential candidate" is no president)."""
    return any(re.search(rf"\b{re.escape(t)}\b", r.lower()) for r in roles for t in titles)


# "the president of the United States": the state after a title
_OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?(?P<state>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3})")
# what may follow the state's name in "the president of X": punctuation, the end, or a word that starts no longer name
_AFTER_STATE = re.compile(r"\s*(?:[^\w\s]|$)|\s+(?!(?:for|of|and)\b)[a-z]")


@cache
def _roles_lexicon() -> dict[str, list[str]]:
    path = Path(__file__).resolve().parents[1] / "lexicons" / "roles.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def role_nouns() -> frozenset[str]:
    return frozenset(_roles_lexicon()["role_nouns"])


def non_actor_heads() -> frozenset[str]:
    return frozenset(_roles_lexicon()["non_actor_heads"])


def place_nouns() -> frozenset[str]:
    return frozenset(_roles_lexicon()["place_nouns"])


def _names_a_currency(span: Span) -> bool:
    """"Valdorian dollars", "Kestrian roubles", "Kestrian bonds": the state's money, not the state acting."""
    after = span.doc[span.end : span.end + 1]
    return len(after) == 1 and after[0].lower_ in _roles_lexicon()["currency_nouns"]


def _in_alignment_compound(span: Span) -> bool:
    """"pro-Valdorian", "anti-Kestrian", "Brask-backed", "Dorrun-installed": a state inside a hyphenated compound
    that says whom something supports, opposes or is backed by."""
    doc = span.doc
    before = doc[span.start - 2 : span.start] if span.start >= 2 else None
    if before is not None and before[1].text == "-" and not before[0].whitespace_ and not before[1].whitespace_ \
            and before[0].lower_ in _roles_lexicon()["alignment_prefixes"]:
        return True
    after = doc[span.end : span.end + 2]
    if len(after) == 2 and after[0].text == "-" and not span[-1].whitespace_ and not after[0].whitespace_:
        return after[1].lower_ in _roles_lexicon()["alignment_suffixes"]
    return False


_MASCULINE_PRONOUNS = frozenset(("he", "his", "him", "himself"))
_FEMININE_PRONOUNS = frozenset(("she", "her", "hers", "herself"))
_LAST_WORD = re.compile(r"([\w.\-]+)\W*$")


def person_genders(text: str, mentions: Iterable[Mention]) -> dict[str, str]:
    """"m" or "f" for each person a gendered word at one of their mentions shows ("Mr Renn", "spokeswoman Ilse
    Brandvik"); a person shown both ways, or neither, is left out."""
    masculine, feminine = set(_roles_lexicon()["masculine_words"]), set(_roles_lexicon()["feminine_words"])
    shown: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.kind != "person" or not _names_the_person(mention):
            continue
        before = _LAST_WORD.search(text[max(0, mention.start - 40) : mention.start])
        for word in (before.group(1) if before else "", mention.text.split()[0] if mention.text.split() else ""):
            if word.lower() in masculine:
                shown[mention.actor_id].add("m")
            elif word.lower() in feminine:
                shown[mention.actor_id].add("f")
    return {actor_id: next(iter(genders)) for actor_id, genders in shown.items() if len(genders) == 1}


def _names_the_person(mention: Mention) -> bool:
    """A mention by the person's own name or one word of it: another name resolved to them ("Borna Derakhshani" to
    his sister) says nothing of their gender."""
    return mention.text == mention.name or (" " not in mention.text and mention.text in mention.name.split())


def pronoun_agrees(pronoun: str, gender: str | None) -> bool:
    """Whether "he" or "she" can stand for a person of this gender (unknown agrees with both)."""
    word = pronoun.lower()
    return not ((gender == "f" and word in _MASCULINE_PRONOUNS) or (gender == "m" and word in _FEMININE_PRONOUNS))


def enclosing(spans: Sequence[Any], offset: int) -> Any | None:
    """The span holding ``offset`` among spans sorted by ``start`` that do not overlap (quotations)."""
    at = bisect.bisect_right(spans, offset, key=lambda span: span.start) - 1
    return spans[at] if at >= 0 and offset < spans[at].end else None


def may_stand_for(pronoun: str, mention: Mention, offset: int, quoted: Sequence[Any],
                  genders: dict[str, str]) -> bool:
    """Whether a pronoun at ``offset`` can stand for an actor named before it: not one named inside a quotation the
    pronoun is outside ("She said: “Mr Renn is a journalist …” … she stated" is not Renn), and a person of its
    gender (``person_genders``)."""
    inside = enclosing(quoted, mention.start)
    if inside is not None and inside is not enclosing(quoted, offset):
        return False
    return mention.kind != "person" or pronoun_agrees(pronoun, genders.get(mention.actor_id))


def other_side_nouns() -> frozenset[str]:
    return frozenset(_roles_lexicon()["other_side_nouns"])


@cache
def _serving_pattern() -> re.Pattern[str]:
    """"adviser to President X", "spokeswoman for the Kestrian government": whom the person serves."""
    nouns = "|".join(sorted((re.escape(n) for n in _roles_lexicon()["serving_nouns"]), key=len, reverse=True))
    return re.compile(rf"(?i:\b(?:{nouns})s?\s+(?:to|for|of)\b)(?P<whom>.*)")


def fold(word: str) -> str:
    """A name word without its diacritics: "Halvić" and "Halvic" are one surname."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode() or word


def _two_part(name: str) -> str:
    """Canonical form of a name: first and last word ("Ivan Petrovich Sidorov" -> "Ivan Sidorov")."""
    words = name.split()
    if len(words) == 3 and words[1][0].isupper() and words[1].endswith(("ovich", "evich", "ovna", "evna", "ich")):
        return f"{words[0]} {words[2]}"
    return name


def _predicative_role(span: Span) -> str | None:
    """The role a copular sentence gives its subject: "Mira Tosk is a presenter on one of Kestria's state
    television channels", "Tamsin Ruel was the head of the presidential administration" (a role noun, not "a
    critic of …")."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.lemma_ != "be":
        return None
    attribute = next((c for c in root.head.children if c.dep_ == "attr" and c.i > root.i), None)
    if attribute is None or attribute.lemma_.lower() not in role_nouns():
        return None
    if any(c.dep_ == "amod" and c.lower_ in ("first", "last", "only", "second", "third") for c in attribute.children):
        return None  # "the first president to refuse …": a distinction, not an office
    # the role without what a clause on it adds ("an expert on X-ray binaries, which have …", "a historian who has …")
    end = min([c.left_edge.i for c in attribute.children if c.dep_ in ("relcl", "acl") and c.i > attribute.i]
              + [t.i for t in attribute.subtree if t.text == "," and t.i > attribute.i] + [attribute.right_edge.i + 1])
    words = attribute.doc[attribute.left_edge.i:end].text.strip(" ,;()")
    return re.sub(r"^(?:a|an|the)\s+", "", words, flags=re.IGNORECASE)


def _phrase_text(token: Token) -> str:
    span = token.doc[token.left_edge.i : token.right_edge.i + 1]
    return span.text.strip(" ,;()").removeprefix("the ").removeprefix("The ")


def _phrase_without(head: Token, appos: Token) -> str:
    """The head noun phrase of an apposition, without the apposition itself."""
    doc = head.doc
    start = head.left_edge.i
    end = appos.left_edge.i
    while end > start and doc[end - 1].text in (",", "(", "—", "–"):
        end -= 1
    text = doc[start:end].text
    return re.sub(r"^(?:the|The|a|an)\s+", "", text).strip(" ,")


def actor_records(document: Document, mentions: Iterable[Mention], persons: Iterable[PersonCluster]) -> list[Actor]:
    """One record per actor of the document, with every mention as evidence."""
    by_id: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_id[mention.actor_id].append(mention)
    roles = {p.actor_id: p.roles for p in persons}
    records = []
    for actor_id, group in sorted(by_id.items()):
        first = group[0]
        names = [m.name for m in group]
        name = max(set(names), key=lambda n: (names.count(n), len(n)))
        records.append(Actor(
            actor_id=actor_id,
            name=name,
            kind=first.kind,  # type: ignore[arg-type]
            country=next((m.country for m in group if m.country), None),
            roles=tuple(roles.get(actor_id, ())),
            aliases=tuple(sorted({m.text for m in group})),
            mentions=tuple(Evidence(document.doc_id, m.start, m.end, m.text) for m in group),
        ))
    return records


def find_actors(document: Document, sdoc: Doc, gaz: Gazetteer) -> tuple[list[Actor], list[Mention]]:
    """The document's actors and their mentions."""
    resolver = DocActors(document, sdoc, gaz)
    mentions = resolver.run()
    return actor_records(document, mentions, resolver.persons.values()), mentions
