"""Gatherings of many states: a summit or a ministers' meeting of an organisation, held by one state.

CAMEO codes attending such a gathering as a visit to its host (042, PLOVER CONSULT): a state whose people meet on
its sidelines, speak or are present at "the Veltic Cooperation Council summit in Ishtal" visits Morvaine. A
gathering is a singular meeting noun (``gathering_nouns`` in events.json; "Council summits" are summits in general)
that names an organisation ("the Veltic Cooperation Council summit", "the meeting of Veltic Cooperation Council
foreign ministers"), points back to one named before ("the summit itself") or names the place of one ("the Ishtal
summit"). Its host is the state of whoever hosts it ("hosted by Morvainian President Selim Arvane") or of the place
it is held in ("in Ishtal", "will be held in Vilnius"), told at any of its mentions; its attendees are the states
named in the clauses that take place at it ("met on the sidelines of", "during", "took part in", "will raise the
matter at", "were present at"; not "commented on", "showed interest in", "called for"), unless the clause puts
itself in another state's place, wherever in the article. A mention that dates something else ("on the eve of the
summit", "before the summit") is none of these.

Each attendee's visit is one event, reported at the mentions telling of the gathering itself ("The summit,
hosted by …, is to be held …"), or, when the article has none, at those that set another event on it ("met …
on the sidelines of the summit"), and dated by the first that gives a date or else by what it sets (two
presidents who met on 16 October on its sidelines met while it was on). Taking place is the gathering's own
fact: its visits are asserted even when what a side will do there is only planned ("Kestria would raise the
matter at the meeting"); a negated clause names no attendee ("was not invited to the summit").
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..records import Event
from .clauses import Party, clause_span, state

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .actors import Mention
    from .events import EventFinder

VISIT = "042"
# a gathering named after these dates what the sentence tells ("before the summit"; "during the summit" may place it
# there, so "during" and "amid" are not among them, unlike the events' temporal prepositions)
AROUND = frozenset({"before", "after", "since", "until", "ahead", "following"})
# nouns of a time a gathering marks ("the eve of the summit", "the summit period", "in the wake of the summit")
TIME_NOUNS = frozenset({"eve", "period", "run", "runup", "run-up", "wake", "aftermath"})
# what puts a clause at a gathering: "at the summit", "on the sidelines of", "on the first day of", "during"
AT = frozenset({"at", "during"})
PARTS = frozenset({"sideline", "sidelines", "margin", "margins", "fringe", "fringes", "day", "session", "opening",
                   "start", "end", "close"})
# verbs whose "in", "to" or "for" puts their subject at a gathering ("took part in", "travelled to", "arrived for")
PARTICIPATING = frozenset({"participate", "part", "partake", "take", "engage"})
TRAVELLING = frozenset({"travel", "come", "go", "fly", "arrive", "head", "send", "invite", "dispatch", "accompany",
                        "return", "leave", "bring", "lead", "meet", "gather", "assemble", "convene"})
# verbs whose object is a gathering someone takes part in ("attended the summit")
ATTENDING = frozenset({"attend", "join", "host", "address", "open", "chair"})
# the verbs a gathering is the subject of when its place is told ("The NATO summit will be held in Vilnius")
HOLDING = frozenset({"hold", "take", "convene", "open", "begin", "start", "gather", "meet", "close", "end"})


@dataclass
class Gathering:
    """One gathering as an article tells it: its mentions in order, its host, its attendees' states."""

    organisation: str | None
    lemma: str
    mentions: list[Token] = field(default_factory=list)
    host: str | None = None
    attendees: dict[str, Party] = field(default_factory=dict)


def gathering_visits(finder: EventFinder) -> list[Event]:
    """One visit event per attendee of each gathering the article tells of, to its host."""
    events = []
    for gathering in _gatherings(finder):
        if gathering.host is None:
            continue
        for country, attendee in sorted(gathering.attendees.items()):
            if country == gathering.host:
                continue
            found = _visit(finder, gathering, attendee)
            if found is not None:
                events.append(found)
    return events


def _gatherings(finder: EventFinder) -> list[Gathering]:
    nouns = finder.gathering_nouns
    found: list[Gathering] = []
    for noun in finder.sdoc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns or noun.tag_ == "NNS" \
                or _time_of_other_things(finder, noun):
            continue  # "statements made within Council summits": summits in general
        organisation = _organisation_named(finder, noun)
        if organisation is not None:
            gathering = next((g for g in found if g.organisation == organisation and g.lemma == noun.lemma_.lower()),
                             None)
            if gathering is None:
                gathering = Gathering(organisation, noun.lemma_.lower())
                found.append(gathering)
        elif _points_back(noun):
            gathering = next((g for g in reversed(found) if g.lemma == noun.lemma_.lower()), None)
            if gathering is None:
                continue
        elif (host := _host(finder, noun)) is not None:
            # "the Ishtal summit": the one named before held there (a meeting in a capital is no gathering of many)
            gathering = next((g for g in reversed(found) if g.lemma == noun.lemma_.lower() and g.host == host), None)
            if gathering is None:
                continue
        else:
            continue
        gathering.mentions.append(noun)
        gathering.host = gathering.host or _host(finder, noun)
        for party in _attendees(finder, noun, gathering.host):
            gathering.attendees.setdefault(party.actor_id, party)
    return found


def _time_of_other_things(finder: EventFinder, noun: Token) -> bool:
    """"On the eve of the summit, a court moved …", "before the summit", "during the summit period", "days before the
    start of the Ishtal summit": the gathering dates what the sentence tells."""
    if any(t.start <= noun.idx < t.end for t in finder.timexes):
        return True
    current = noun
    while current.dep_ in ("pobj", "compound", "prep") and current.head.i != current.i:
        current = current.head
        if current.dep_ == "prep" or current.pos_ == "ADP":
            if current.lower_ in AROUND:
                return True
        elif current.lemma_.lower() in TIME_NOUNS:
            return True
    return False


def _organisation_named(finder: EventFinder, noun: Token) -> str | None:
    """The organisation a gathering noun names in its own phrase ("the CIS summit", "the meeting of Veltic
    Cooperation Council foreign ministers", "the Council's foreign ministers' meeting")."""
    inside = [m for m in finder.organisations if _in_own_phrase(finder, noun, m.start)]
    return inside[0].actor_id if inside else None


def _in_own_phrase(finder: EventFinder, noun: Token, char: int) -> bool:
    """Whether a character is in a gathering noun's phrase, not in that of another gathering it names ("the
    meeting of the presidents on the sidelines of the CIS summit": the organisation is the summit's)."""
    if not _within(char, clause_span(noun)):
        return False
    nested = (t for t in noun.subtree if t.i != noun.i and t.pos_ == "NOUN"
              and t.lemma_.lower() in finder.gathering_nouns)
    return not any(_within(char, clause_span(t)) for t in nested)


def _within(char: int, span: tuple[int, int]) -> bool:
    return span[0] <= char < span[1]


def _points_back(noun: Token) -> bool:
    """"the summit", "the summit itself", "the summit in Ishtal": the gathering named before (not "the meeting of the
    presidents", "the bilateral meeting", another one)."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children) and not any(
        c.dep_ in ("amod", "compound", "poss", "nummod") or (c.dep_ == "prep" and c.lower_ in ("of", "between", "with"))
        for c in noun.children)


def _host(finder: EventFinder, noun: Token) -> str | None:
    """The state a gathering is held by: whoever hosts it ("hosted by Morvainian President Selim Arvane"), the
    state of a place in its phrase ("the Council summit in Ishtal", "the Ishtal summit", "held … in Sulem"), or of
    the place the verb it is the subject of puts it in ("The NATO summit will be held in Vilnius")."""
    for hosted in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() == "host"):
        agent = next((g for c in hosted.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if (host := finder.party(agent)) is not None and host.country:
            return host.country
    place = next((m for m in finder.places if m.country and _in_own_phrase(finder, noun, m.start)), None)
    if place is None and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in HOLDING:
        place = _place_of_clause(finder, noun.head)
    elif place is None and _set_at(noun) and (clause := _clause_of(noun)) is not None:
        place = _place_of_clause(finder, clause)  # "met in Niamey for an AU summit"
    return place.country if place is not None else None


def _place_of_clause(finder: EventFinder, verb: Token) -> Mention | None:
    """The place a verb's own "in" or "at" names ("will be held in Vilnius", "met in Niamey")."""
    return next(iter(_places_of_clause(finder, verb)), None)


def _places_of_clause(finder: EventFinder, verb: Token) -> list[Mention]:
    """The places of a state a verb's own "in" or "at" names."""
    where = [o.idx for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
             for o in c.children if o.dep_ == "pobj"]
    return [m for m in finder.places if m.country and any(m.start <= i < m.end for i in where)]


def _attendees(finder: EventFinder, noun: Token, host: str | None) -> list[Party]:
    """The states named in the clause a gathering's mention stands in, outside the gathering's own phrase: who
    met on its sidelines, will raise a matter at it, were present at it, threatened to veto a text at it; and the
    people its own phrase names ("the summit, attended by …", or a parse that hangs "… in Sulem, Malk and Corvel
    sat" on the place). A negated clause names no attendee ("Iran was not invited to the summit"), nor one set in
    another state's place ("during the summit, the ambassador spoke in the Armenian capital")."""
    clause = _clause_of(noun)
    if clause is None or finder.mode(clause) == "negated":
        return []
    own = clause_span(noun)
    spans = [own]
    if _set_at(noun):
        spans.append(clause_span(clause))
        if clause.dep_ == "xcomp":  # "Hungary threatened to veto the package at the summit": the subject above
            spans.extend(clause_span(c) for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    if host is not None and any(m.country != host for m in _places_of_clause(finder, clause)):
        return []
    found = []
    for mention in finder.mentions:
        if not mention.country or not any(_within(mention.start, span) for span in spans):
            continue
        inside = _within(mention.start, own)
        if (inside and mention.kind != "person") or finder.parties.kind.get(mention.actor_id) == "media":
            continue
        found.append(state(mention.country))
    return found


def _set_at(noun: Token) -> bool:
    """Whether the clause takes place at the gathering ("met on the sidelines of the summit", "present at the
    meeting", "met during the summit", "travelled to the summit", "attended the summit"), not only speaks of it
    ("commented on the summit", "showed interest in the summit", "called for a summit")."""
    if noun.dep_ == "dobj":
        return noun.head.lemma_.lower() in ATTENDING
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in PARTS and prep.head.dep_ == "pobj":
        return prep.head.head.lower_ in AT | {"on", "in"}  # "on the sidelines of", "on the first day of"
    if prep.lower_ in AT:
        return True
    if prep.lower_ == "in":
        return prep.head.lemma_.lower() in PARTICIPATING
    return prep.lower_ in ("to", "for") and prep.head.lemma_.lower() in TRAVELLING


def _clause_of(noun: Token) -> Token | None:
    """The verb a gathering's mention is told under: the nearest verb above it ("met on the sidelines of the
    summit", "the meeting … on the sidelines of the summit … was perceived"), not one joined to it ("China watched
    … and Russia warned of the summit")."""
    for ancestor in noun.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def _visit(finder: EventFinder, gathering: Gathering, attendee: Party) -> Event | None:
    """The attendee's visit to the host, reported at the first mention that tells it (not one in a prediction, say),
    dated by the first that gives a date, the other mentions that tell it further reports of it."""
    host = state(gathering.host)  # type: ignore[arg-type]
    own = [m for m in gathering.mentions if not _setting_only(m)] or gathering.mentions
    told = [e for e in (finder.visit_event(m, VISIT, attendee, host) for m in own) if e is not None]
    if not told:
        return None
    first = told[0]
    dated = next((e for e in told if e.date), None) or _dated_by_what_it_sets(finder, gathering, first)
    further = tuple(dict.fromkeys(e.evidence for e in told[1:] if e.evidence != first.evidence))
    digest = hashlib.sha256(f"{first.event_id}:visit:{attendee.country}".encode()).hexdigest()[:16]
    return replace(first, event_id="e-" + digest, date=dated.date if dated else None,
                   date_text=dated.date_text if dated else None, mode="asserted", also_reported_in=further)


def _setting_only(noun: Token) -> bool:
    """A mention that only sets another event ("met on the sidelines of the summit", "will raise it at the meeting"),
    not one telling of the gathering itself ("The summit, hosted by …, is to be held", "the summit adopted"): a
    sentence of the second kind reports the gathering, and the first only when the article has none of the second."""
    return noun.dep_ == "pobj"


def _dated_by_what_it_sets(finder: EventFinder, gathering: Gathering, first: Event) -> Event | None:
    """The date of what a mention sets: two presidents who met "on 16 October, on the sidelines of the summit" met
    while it was on."""
    for mention in gathering.mentions:
        clause = _clause_of(mention)
        if _setting_only(mention) and clause is not None \
                and (when := finder.date_for(clause, mention.sent)) is not None and when.value:
            return replace(first, date=when.value, date_text=when.text)
    return None
