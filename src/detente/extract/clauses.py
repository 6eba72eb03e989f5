"""What the second-layer stages (events, commitments, forecasts) share: who a phrase names, whose
voice a clause is in, the document's main counterpart of a state, and the last day a time phrase
allows ("by the end of September" -> 30 September).
"""

from __future__ import annotations

import calendar
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..records import Quote, Timex
from .actors import DATELINE, Mention, may_stand_for, person_genders

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .quotes import Marked

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"
ACTOR_KINDS = ("person", "state", "organization", "media", "group")
FIRST_PERSON = {"we", "i", "us", "our", "my"}
THIRD_PERSON = {"he", "she", "him", "her", "his"}
# a bare collective noun as subject stands for the state last named before it ("Moscow, however, …:
# officials promised …")
GENERIC_AGENTS = {"official", "authority", "government", "side", "leadership", "diplomat", "administration",
                  "minister", "ministry", "president", "capital", "cabinet"}
# a role noun as subject ("the president promised …") is the person of that role named last
PERSON_ROLES = {"president", "minister", "leader", "premier", "chancellor", "spokesman", "spokeswoman", "ambassador",
                "envoy", "king", "prime"}
# verbs whose object does not do what the verb governs ("promised Kestria to pay": Valdoria pays)
SUBJECT_CONTROL = {"promise", "pledge", "vow", "offer", "threaten", "agree", "guarantee", "undertake", "swear"}
MIN_COUNTERPART_MENTIONS = 2
SHORT_TEXT = 600  # characters
SEASON_LAST_DAY = {"spring": (5, 31), "summer": (8, 31), "autumn": (11, 30), "fall": (11, 30), "winter": (2, 28)}
SEASON_FIRST_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


@dataclass(frozen=True, slots=True)
class Party:
    actor_id: str
    country: str | None
    kind: str


def state(country: str) -> Party:
    """A state as a party, by its code."""
    return Party(country, country, "state")


class Parties:
    """Resolves phrases of one document to its actors."""

    def __init__(self, text: str, mentions: list[Mention], quotes: tuple[Quote, ...] = ()) -> None:
        self.text = text
        self.mentions = sorted((m for m in mentions if m.kind in ACTOR_KINDS), key=lambda m: m.start)
        self.quotes = quotes
        self.country = {m.actor_id: m.country for m in self.mentions}
        self.kind = {m.actor_id: m.kind for m in self.mentions}

    def at(self, start: int, end: int) -> Party | None:
        """The actor named in a span: a person before anything else, then the first mention."""
        best = None
        for mention in self.mentions:
            if mention.start < end and start < mention.end and (
                best is None or (mention.kind == "person" and best.kind != "person")
            ):
                best = mention
        return Party(best.actor_id, best.country, best.kind) if best else None

    def of(self, token: Token | None) -> Party | None:
        """The actor a phrase names: the mention on its head word, then any in the phrase; a
        pronoun is the quote's speaker ("we") or the last person named before it ("he")."""
        if token is None:
            return None
        found = self.at(token.idx, token.idx + len(token.text))
        if found is None and (held := next((c for c in token.children if c.dep_ == "poss"
                                            and c.lemma_.lower() in GENERIC_AGENTS), None)) is not None:
            found = self._owners_state(held)  # "criticized their government's deal with X": that government's
        if found is None:
            found = self.at(token.left_edge.idx, _core_end(token))
        if found is None and (token.lower_ in FIRST_PERSON or (token.lower_ == "one" and token.pos_ == "PRON")):
            found = self.speaker_at(token.idx)  # "we"; in a quote, also the generic "one cannot agree …"
        if found is None and token.lower_ in THIRD_PERSON:
            found = self.last_person_before(token.idx, pronoun=token.lower_)
        if found is None and token.lower_ in ("it", "they"):
            # "the ministry said it would not move troops": a state or body speaks of itself
            speaker = self.speaker_at(token.idx)
            found = speaker if speaker is not None and speaker.kind in ("state", "organization") else None
        if found is None and token.lemma_.lower() in PERSON_ROLES and not _plural(token):
            found = self.last_person_before(token.idx, window=600)
        if found is None and token.lemma_.lower() in GENERIC_AGENTS and (owner := self._owners_state(token)):
            found = owner
        if found is None and token.lemma_.lower() in GENERIC_AGENTS:
            sentence = token.sent
            previous = token.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
            found = self.last_state_before(token.idx, sentence.start_char) or self.last_state_before(
                token.idx, previous
            )
        return found

    def _owners_state(self, token: Token) -> Party | None:
        """"Kestrian farmers criticized their government": "their", "its" is the clause's subject, and the
        government that subject's state."""
        if not any(c.dep_ == "poss" and c.lower_ in ("their", "its") for c in token.children):
            return None
        verb = token.head
        while verb.dep_ in ("pobj", "prep", "dobj", "poss", "compound") and verb.head.i != verb.i:
            verb = verb.head
        subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subject is None or subject.i == token.i:
            return None
        party = self.of(subject)
        if party is None or not party.country:
            return None
        # the government, not the state itself: "Kestria criticized its government" is not Kestria acting on itself
        return Party(f"body:{party.country.lower()}-government", party.country, "organization")

    def last_state_before(self, offset: int, floor: int) -> Party | None:
        before = [m for m in self.mentions if floor <= m.start and m.end <= offset and m.kind == "state"]
        return Party(before[-1].actor_id, before[-1].country, "state") if before else None

    def actor(self, actor_id: str | None) -> Party | None:
        if actor_id is None:
            return None
        return Party(actor_id, self.country.get(actor_id, actor_id if len(actor_id) == 3 else None),
                     self.kind.get(actor_id, "state" if len(actor_id) == 3 else "person"))

    def quote_at(self, offset: int) -> Quote | None:
        return next((q for q in self.quotes if q.start <= offset < q.end), None)

    def speaker_at(self, offset: int) -> Party | None:
        quote = self.quote_at(offset)
        return self.actor(quote.speaker) if quote else None

    def last_person_before(self, offset: int, window: int | None = None, pronoun: str = "") -> Party | None:
        """The last person named before ``offset`` whom a pronoun there can stand for: of its gender, and not
        named inside a quotation the pronoun is outside."""
        floor = offset - window if window else 0
        for m in reversed(self.mentions):
            if m.kind == "person" and floor <= m.start and m.end <= offset \
                    and may_stand_for(pronoun, m, offset, self.quoted, self.genders):
                return Party(m.actor_id, m.country, "person")
        return None

    @cached_property
    def quoted(self) -> list[Marked]:
        from .quotes import quoted_spans  # quotes reads clauses: imported here, not at the top

        return quoted_spans(self.text)

    @cached_property
    def genders(self) -> dict[str, str]:
        return person_genders(self.text, self.mentions)

    def counterpart(self, country: str | None) -> str | None:
        """The state this document sets against ``country`` most often (its main dyad)."""
        if country is None:
            return None
        counts = Counter(m.country for m in self.mentions if m.country and m.country != country)
        if not counts:
            return None
        other, times = counts.most_common(1)[0]
        # in an article, a state named once in passing is not the counterpart; in a sentence or two it is
        needed = MIN_COUNTERPART_MENTIONS if len(self.text) > SHORT_TEXT else 1
        return other if times >= needed else None

    def main_counterpart(self, country: str | None, share: float) -> str | None:
        """The counterpart, when the document is about the pair: it takes at least ``share`` of the mentions of
        states (an article on one country's politics naming another twice in passing has none)."""
        other = self.counterpart(country)
        if other is None:
            return None
        named = Counter(m.country for m in self.mentions if m.country)
        return other if named[other] >= share * sum(named.values()) else None

    def main_dyad(self) -> tuple[str, str] | None:
        """The two states the document is most about, in order of first mention."""
        counts = Counter(m.country for m in self.mentions if m.country)
        top = [c for c, _ in counts.most_common(2)]
        if len(top) < 2:
            return None
        first = {c: min(m.start for m in self.mentions if m.country == c) for c in top}
        a, b = sorted(top, key=first.__getitem__)
        return a, b

    def both_sides(self, token: Token | None) -> tuple[str, str] | None:
        """"the two ministers", "both sides", "neither side", "the two governments": the document's main pair."""
        if token is None or token.lemma_.lower() not in GENERIC_AGENTS | {
            "country", "state", "neighbour", "neighbor", "party"
        }:
            return None
        if any((c.dep_ == "nummod" and c.lower_ == "two")
               or (c.dep_ in ("det", "predet") and c.lower_ in ("both", "neither", "each", "either"))
               for c in token.children):
            return self.main_dyad()
        return None

    def states_in(self, start: int, end: int) -> list[str]:
        seen: dict[str, None] = {}
        for m in self.mentions:
            if start <= m.start < end:
                seen.setdefault(m.actor_id if m.kind in ("person", "organization") else (m.country or m.actor_id), None)
        return list(seen)


def _core_end(token: Token) -> int:
    """Where a phrase ends without the clauses and descriptive appositions hung on it: "an agreement
    in Velmar, a step that led Valdoria to recall its ambassador" names no Valdoria; an apposed name
    still names its phrase ("the two radars Sarnovia promised", "the minister, Ivan Dorn")."""
    end, stack = token.idx + len(token.text), [token]
    while stack:
        current = stack.pop()
        end = max(end, current.idx + len(current.text))
        stack.extend(c for c in current.children if c.dep_ not in ("relcl", "advcl", "parataxis")
                     and not (c.dep_ == "appos" and c.pos_ != "PROPN"))
    return end


def _plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in token.children)


# ---------------------------------------------------------------- clause structure


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, borrowed from the verb it is coordinated with or controlled by."""
    current = verb
    for _ in range(4):
        subject = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subject is not None:
            return subject
        if current.dep_ == "xcomp" and current.head.lemma_.lower() not in SUBJECT_CONTROL and (
                controller := next((c for c in current.head.children if c.dep_ == "dobj"), None)) is not None:
            return controller  # "asked Obama to help Iran": Obama is to help
        if current.dep_ in ("conj", "xcomp", "acomp") and current.head.i != current.i:
            current = current.head
        else:
            return None
    return None


def in_dateline(token: Token) -> bool:
    """Whether a token belongs to the text's opening dateline (the parser often makes its city the
    subject of the first sentence)."""
    doc = token.doc
    if "dateline_end" not in doc.user_data:
        match = DATELINE.match(doc[: min(len(doc), 40)].text)
        doc.user_data["dateline_end"] = match.end() if match else 0
    return token.idx < doc.user_data["dateline_end"]


def auxiliaries(verb: Token) -> list[str]:
    return [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]


def clause_span(verb: Token) -> tuple[int, int]:
    """Character offsets of a verb's whole clause."""
    return verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge.text)


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, end if end != -1 else len(text)


def sentence_in_line(text: str, sentence: Span, anchor: int) -> tuple[int, int]:
    """The sentence, within the anchor's own line (the parser may run a heading into it), trimmed."""
    line_start, line_end = line_bounds(text, anchor)
    start, end = max(sentence.start_char, line_start), min(sentence.end_char, line_end)
    while start < end and text[start] in " -–—•*\t":
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# ---------------------------------------------------------------- warnings


@cache
def _threats() -> frozenset[tuple[str, ...]]:
    return frozenset(
        tuple(p.split())
        for p in json.loads((LEXICONS / "commitments.json").read_text(encoding="utf-8"))["threat_predicates"]
    )


@cache
def agreement_nouns() -> frozenset[str]:
    return frozenset(json.loads((LEXICONS / "commitments.json").read_text(encoding="utf-8"))["agreement_nouns"])


def opens_with_agreement(span: Span) -> bool:
    """"The protocol … fixes transit fees …": words that open with an agreement as their subject
    tell a term it sets; the signing, not the term, is the event."""
    head = next((t for t in span[:8] if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound"), None)
    return span[0].pos_ in ("DET", "NOUN", "PROPN") and head is not None and head.lemma_.lower() in agreement_nouns()


def is_warning(verb: Token) -> bool:
    """"Valdoria would respond", "would draw the necessary conclusions", "will be answered with
    force": a warning (``threat_predicates`` of ``lexicons/commitments.json``), not a promise or a
    prediction."""
    threats = _threats()
    lemma = verb.lemma_.lower()
    objects = [c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "prep", "attr")]
    objects += [g.lemma_.lower() for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return (lemma,) in threats or any((lemma, o) in threats for o in objects)


# ---------------------------------------------------------------- last days


def _period_end(value: str) -> date | None:
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            return date(year, month, calendar.monthrange(year, month)[1])
        if len(value) == 4:
            return date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _period_start(value: str) -> date | None:
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 1)
        if len(value) == 4:
            return date(int(value), 1, 1)
    except ValueError:
        return None
    return None


def season_bounds(words: str, year: int) -> tuple[date, date] | None:
    """First and last day of the season a phrase names, in the year the date stage gave it."""
    for season, (month, day) in SEASON_LAST_DAY.items():
        if re.search(rf"\b{season}\b", words, re.I):
            first = date(year, SEASON_FIRST_MONTH[season], 1)
            last_year = year + 1 if season == "winter" else year
            last = date(last_year, month, 29 if month == 2 and calendar.isleap(last_year) else day)
            return first, last
    return None


def last_day(preposition: str, timex: Timex, lead: str = "") -> str | None:
    """The last day a phrase like "by 5 May", "before November", "until January 2026", "in the
    spring", "early next year" or "before the end of the year" leaves for something to happen.
    ``lead`` holds the words between the preposition and the date ("the end of")."""
    if not timex.value:
        return None
    words, prep = f"{lead} {timex.text}".lower(), preposition.lower()
    season = season_bounds(words, int(timex.value[:4])) if len(timex.value) == 4 else None
    first = season[0] if season else _period_start(timex.value)
    last = season[1] if season else _period_end(timex.value)
    if first is None or last is None:
        return None
    if season is None and len(timex.value) == 4:
        if re.search(r"\bearly\b", words):
            last = date(first.year, 3, 31)
        elif re.search(r"\bmid(?:dle)?\b", words):
            last = date(first.year, 6, 30)
    if prep in ("into", "well into") and season is None and len(timex.value) == 4:
        return date(first.year, 6, 30).isoformat()  # "will stay closed well into 2026": a good part of it
    ends = re.search(r"\b(end|close)\b", words)
    if not ends and (prep == "before" or (prep == "until" and len(timex.value) < 10 and season is None)):
        return (first - timedelta(days=1)).isoformat()
    return last.isoformat()


TERM_RE = re.compile(
    r"\b[Ii]n the (?P<term>short|medium|long|near|coming)[- ]term\b(?:\s*\((?P<gloss>[^)]{1,60})\))?")
GLOSS_UNTIL = re.compile(r"until\s+(?P<rest>.+)", re.I)
GLOSS_SPAN = re.compile(r"(?P<n>\d+|one|two|three|six|twelve)\s+(?P<unit>months?|years?)\s*\)?$", re.I)
NUMBER = {"one": 1, "two": 2, "three": 3, "six": 6, "twelve": 12}


@dataclass(frozen=True, slots=True)
class TermHorizon:
    start: int
    end: int
    text: str
    resolves_by: str | None


def term_horizons(text: str, timexes: tuple[Timex, ...], published: str | None) -> list[TermHorizon]:
    """"In the short term (until January 2026)" and the like, with the last day each allows."""
    found = []
    for match in TERM_RE.finditer(text):
        gloss = match.group("gloss") or ""
        resolves = None
        until = GLOSS_UNTIL.search(gloss)
        if until:
            inside = [t for t in timexes if match.start() <= t.start < match.end() and t.value]
            if inside:
                resolves = last_day("until", inside[0])
        elif (span := GLOSS_SPAN.search(gloss)) and published and len(published) >= 7:
            n = NUMBER.get(span.group("n").lower()) or int(span.group("n"))
            months = n * 12 if span.group("unit").lower().startswith("year") else n
            base_year, base_month = int(published[:4]), int(published[5:7])
            year, month = divmod(base_month - 1 + months, 12)
            year += base_year
            month_end = calendar.monthrange(year, month + 1)[1]
            day = min(int(published[8:10]), month_end) if len(published) == 10 else month_end
            resolves = date(year, month + 1, day).isoformat()
        found.append(TermHorizon(match.start(), match.end(), match.group(0), resolves))
    return found


# verb forms whose lemma the model gets wrong ("hoped" -> "hop", "staged" -> "stag", "raped" -> "rap")
MODEL_LEMMAS = {"hoped": "hope", "hopes": "hope", "hoping": "hope", "staged": "stage", "stages": "stage",
                "staging": "stage", "lambasted": "lambaste", "lambastes": "lambaste", "lambasting": "lambaste",
                "raped": "rape", "rapes": "rape", "raping": "rape", "resupplied": "resupply"}


def lemma_of(token: Token) -> str:
    """A token's lemma in lower case, with the model's known mistakes mended."""
    return MODEL_LEMMAS.get(token.lower_, token.lemma_.lower())
