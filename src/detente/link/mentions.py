"""Phrases that refer back to an event ("the shooting on the Isel bridge", "last month's meeting
between the two presidents"): further reports of an event group, never events of their own.

A later article often names an event only by a noun phrase: a determiner, an event noun that names
one occurrence and the words around it that say which (who, where, when). Such a phrase is found
in each linked document's text without a parse, and is filed under every pair of states and type
it may be about: the states it names (through their people and organizations), else the pairs of
its document's events. Linking compares it with the events of those blocks, as it compares two
reports: the type must be one the noun names, the dates must agree (a phrase without a date
refers back up to ``REFER_BACK_DAYS``), and the phrase must name the same day or share a name or
two words with the report (a place, a person, "passenger aircraft"). Within the group of
records linked together it goes to the one event group it agrees with best, and only when no
other group agrees as well; it then stands in that group's ``also_reported_in``. The dyad index
counts groups of events, so a mention never counts twice.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import cache

from ..records import Event, Evidence, Timex
from .corpus import Corpus, first_day, last_day, not_before, same_or_coarser, state_pairs
from .cues import number_words
from .events import (
    NEAR_DAYS,
    REFER_BACK_DAYS,
    SYMMETRIC,
    block_of,
    compatible_codes,
    group_date,
    linking_type,
    pair_of,
    trigger_stem,
    type_for_linking,
)
from .text import Mention, lexicon_file, plain, regular_forms, sentence_spans, stem, word_alternation, words

# how far apart (in days, between first days) a mention and a report may be filed and still be compared: a
# phrase refers back at most REFER_BACK_DAYS, and dates agreeing at a year's precision are less than that apart
WINDOW_DAYS = REFER_BACK_DAYS + 1
PREFIX = "mention:"
# words a phrase's modifiers may run to before the noun, and each prepositional phrase after it
MODIFIER_WORDS = 4
TAIL_WORDS = 7
TAIL_PHRASES = 3
# how many names a phrase must share with another document's report to name again an event its own document reports
REPEATED_NAMES = 2
# how many words (its noun among them) a phrase naming whom it was done to must share with its own document's report
# to name that report's event again
REPEATED_WORDS = 3
_STATE = re.compile(r"^@[A-Z]{3}$")
_OPEN, _CLOSE = "[“\"«‘]", "[”\"»’]"
# the next word after a position ("the shooting | on the bridge")
_NEXT_WORD = re.compile(r"\s+([\w’'-]+)")
# a passive verb right after a phrase ("the memorandum | was signed")
_PASSIVE = re.compile(r"\s+(?:was|were|(?:has|have|had)\s+been)\s+([\w’'-]+)")


@cache
def lexicon() -> dict[str, object]:
    return lexicon_file("event_mentions.json")


@cache
def noun_categories() -> dict[str, tuple[str, ...]]:
    """Each occurrence noun with the PLOVER types it may name."""
    from ..extract.events import event_lexicon, plover_of  # the extraction's tables; linking only reads them

    codes = event_lexicon()["nouns"]
    data = lexicon()
    extra: dict[str, str] = data["extra_nouns"]  # type: ignore[assignment]
    found: dict[str, tuple[str, ...]] = {}
    for noun in data["nouns"]:  # type: ignore[attr-defined]
        code = codes.get(noun) or extra.get(noun)
        plover = plover_of(code) if code else None
        if plover:
            found[noun] = (type_for_linking(plover[0], code),)
    for noun, categories in data["generic_nouns"].items():  # type: ignore[attr-defined]
        found[noun] = tuple(categories)
    for kind in ("occasion_nouns", "decision_nouns"):
        listed: dict[str, list[str]] = data[kind]  # type: ignore[assignment]
        for noun in listed["nouns"]:
            found[noun] = tuple(listed["types"])
    return found


@cache
def _occasion_pattern() -> re.Pattern[str]:
    """The participle after a promise noun that tells it was made somewhere ("the commitment | made by X in Y")."""
    participles = lexicon()["occasion_nouns"]["participles"]  # type: ignore[index]
    return re.compile(rf"\s+(?:{word_alternation(participles)})\b")


@cache
def participle_categories() -> dict[str, tuple[str, ...]]:
    """Each past participle of an event verb with the PLOVER type of its verb."""
    from ..extract.events import event_lexicon, plover_of  # the extraction's tables; linking only reads them

    verbs = event_lexicon()["verbs"]
    found = {}
    for participle, verb in lexicon()["participles"].items():  # type: ignore[attr-defined]
        plover = plover_of(verbs[verb]) if verbs.get(verb) else None
        if plover:
            found[participle] = (type_for_linking(plover[0], verbs[verb]),)
    return found


@cache
def _participle_pattern() -> re.Pattern[str]:
    """A definite noun phrase and a past participle of an event verb that is no clause's verb: followed by a
    preposition, a time word or the end of the phrase ("the lorries impounded at the crossing", not "the customs
    officers impounded 63 lorries")."""
    data = lexicon()
    definite = "|".join(re.escape(d) for d in data["determiners"])  # type: ignore[attr-defined]
    relative = "|".join(re.escape(d).replace("'", "['’]") for d in data["relative_determiners"])  # type: ignore[attr-defined]
    possessive = r"(?-i:[A-Z])[\w-]+['’]s?"
    barred = "|".join(re.escape(w) for w in [*data["determiners"], *data["indefinite"], *data["prepositions"],
                                              *data["phrase_stops"]])  # type: ignore[misc]
    word = rf"{_OPEN}?(?!(?:{barred})\b)[\w’'-]+(?<!['’]s){_CLOSE}?"
    participles = "|".join(sorted(participle_categories(), key=len, reverse=True))
    after = "|".join(data["after_participle"])  # type: ignore[arg-type]
    return re.compile(rf"\b(?P<det>{relative}|{definite}|{possessive})\s+(?P<mods>(?:{word}\s+){{1,5}}?)"
                      rf"(?P<noun>{participles})\b(?=\s+(?:{after})\b|\s*[,.;:)]|\s*$)", re.I)


@cache
def noun_codes() -> dict[str, str]:
    """The CAMEO code of each occurrence noun (events.json; none for the generic nouns)."""
    from ..extract.events import event_lexicon

    codes = event_lexicon()["nouns"]
    extra: dict[str, str] = lexicon()["extra_nouns"]  # type: ignore[assignment]
    return {noun: codes.get(noun) or extra[noun] for noun in lexicon()["nouns"]  # type: ignore[attr-defined]
            if codes.get(noun) or noun in extra}


@cache
def participle_codes() -> dict[str, str]:
    """The CAMEO code of each past participle of an event verb (the code of its verb in events.json)."""
    from ..extract.events import event_lexicon

    verbs = event_lexicon()["verbs"]
    return {participle: verbs[verb] for participle, verb in lexicon()["participles"].items()  # type: ignore[attr-defined]
            if verbs.get(verb)}


def names_other_act(phrase: str | None, report: str | None) -> bool:
    """Whether a phrase's CAMEO code and a report's part below their common root (``compatible_codes``: detaining
    people 173, confiscating property 1711). A code ending in 0 is its root ("the guards killed", 190, may be the
    shooting, 193); codes of two roots of one type ("the assassination", 186, and "killed", 190) are left to the
    words, as a phrase names its act loosely."""
    if not phrase or not report:
        return False
    phrase, report = _root_if_unspecified(phrase), _root_if_unspecified(report)
    return phrase[:2] == report[:2] and not compatible_codes(phrase, report)


def _root_if_unspecified(code: str) -> str:
    """"190" (force, not specified below) is the root "19"."""
    return code[:2] if len(code) == 3 and code.endswith("0") else code


def code_of(m: EventMention) -> str | None:
    """The CAMEO code a phrase's noun, participle or state names (None for a generic noun: "the incident")."""
    state = lexicon()["states"].get(m.noun)  # type: ignore[attr-defined]
    return (noun_codes().get(m.noun) or participle_codes().get(m.noun) or nominal_codes().get(m.noun)
            or (state["code"] if state else None))


@cache
def nominal_codes() -> dict[str, str]:
    """The CAMEO code of each verb phrase a nominal act may name ("close investigation": 1213), by the verbs of
    ``nominal_acts``."""
    from ..extract.events import verb_phrase_index  # the extraction's table; linking only reads it

    verbs = set(lexicon()["nominal_acts"].values())  # type: ignore[attr-defined]
    return {f"{verb} {rest}": code for verb, phrases in verb_phrase_index().items() if verb in verbs
            for rest, code in phrases.items() if " " not in rest}


def nominal_act(noun: str, mods: str, tail: str) -> str | None:
    """The verb phrase a noun naming a verb's act names with its object: the last modifier before it ("the fee
    increase") or the head of the prepositional phrase after it ("the closure of the bridge investigation",
    "the increase in transit fees"); None when neither makes a phrase of the lexicon ("the increase in turnout")."""
    verb = lexicon()["nominal_acts"][noun]  # type: ignore[index]
    before = re.findall(r"[\w’'-]+", mods)[-1:]
    after = re.findall(r"[\w’'-]+", tail)
    objects = list(before)
    if after and after[0].lower() in _OBJECT_PREPOSITIONS:
        head = list(itertools.takewhile(lambda w: w.lower() not in _word_set("prepositions"), after[1:]))
        objects += head[-1:]
    for word in objects:
        for form in _singulars(word.lower()):
            if f"{verb} {form}" in nominal_codes():
                return f"{verb} {form}"
    return None


# the prepositions that introduce a nominal act's object ("the closure of", "the increase in", "a ban on")
_OBJECT_PREPOSITIONS = frozenset({"of", "in", "on"})


def _singulars(word: str) -> list[str]:
    """A word and the singulars it may be the plural of ("fees": fee; "duties": duty)."""
    found = [word]
    if word.endswith("ies"):
        found.append(word[:-3] + "y")
    if word.endswith("es"):
        found.append(word[:-2])
    if word.endswith("s"):
        found.append(word[:-1])
    return found


def _noun_types(noun: str) -> tuple[str, ...]:
    """The types an occurrence noun, or the verb phrase of a nominal act, may name."""
    if noun in noun_categories():
        return noun_categories()[noun]
    from ..extract.events import plover_of

    code = nominal_codes()[noun]
    plover = plover_of(code)
    return (type_for_linking(plover[0], code),) if plover else ()


@cache
def _pattern() -> re.Pattern[str]:
    data = lexicon()
    definite = "|".join(re.escape(d) for d in [*data["determiners"], *data["indefinite"]])  # type: ignore[misc]
    relative = "|".join(re.escape(d).replace("'", "['’]") for d in data["relative_determiners"])  # type: ignore[attr-defined]
    possessive = r"(?-i:[A-Z])[\w-]+['’]s?"
    nouns = "|".join(sorted({*noun_categories(), *lexicon()["nominal_acts"]}, key=len, reverse=True))  # type: ignore[misc]
    # a modifier is no determiner, preposition or clause word: "the date of the meeting" is not one phrase
    barred = "|".join(re.escape(w) for w in [*data["determiners"], *data["indefinite"], *data["prepositions"],
                                              *data["phrase_stops"]])  # type: ignore[misc]
    # a name in quotation marks is a modifier too: "the ‘Iron Meadow’ exercises"
    modifier = rf"{_OPEN}?(?!(?:{barred})\b)[\w’'-]+(?<!['’]s){_CLOSE}?\s+"
    return re.compile(rf"\b(?P<det>{relative}|{definite}|{possessive})\s+"
                      rf"(?P<mods>(?:{modifier}){{0,{MODIFIER_WORDS}}}?)(?P<noun>{nouns})\b", re.I)


@dataclasses.dataclass(frozen=True, slots=True)
class EventMention:
    """A phrase naming an event: where it is, the types and pairs it may be about, its date and words."""

    mention_id: str
    doc_id: str
    start: int
    end: int
    text: str
    categories: tuple[str, ...]
    pairs: tuple[str, ...]  # "A|B", A < B
    date: str | None
    published: str | None
    words: frozenset[str]
    # the types of the events its document reports in the same sentence ("initiated the meeting with X by discussing")
    sentence_reports: tuple[str, ...] = ()
    # the state of whoever did it ("Valdoria's ban") and of whoever it was done to ("the arrest of X"), when said
    source: str | None = None
    target: str | None = None
    noun: str = ""
    # a phrase naming two acts ("both increases"), one of them told in its own document: that report's event id
    besides: str | None = None
    # ... and that report tells the later of the two ("a second increase"): the phrase names the earliest it may
    earliest: bool = False
    # a count of what a return brought back, told beside its document's report of the return: that report's event id
    of_report: str | None = None
    # a side telling it built a work of this domain ("Kestria built its first energy link"): "energy", "transport"
    works: str | None = None

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.doc_id, self.start, self.end, self.text)

    def anchor(self) -> date | None:
        return first_day(self.date) or first_day(self.published)

    def blocks(self) -> list[str]:
        return [f"{pair}|{category}" for pair in self.pairs for category in self.categories]

    def info(self) -> str:
        return json.dumps([self.doc_id, self.start, self.end, self.text, self.categories, self.pairs, self.date,
                           self.published, sorted(self.words), self.sentence_reports, self.source, self.target,
                           self.noun, self.besides, self.earliest, self.of_report, self.works], ensure_ascii=False)

    @classmethod
    def of(cls, record_id: str, info: str) -> EventMention:
        doc_id, start, end, text, categories, pairs, when, published, found, reports, *rest = json.loads(info)
        return cls(record_id, doc_id, start, end, text, tuple(categories), tuple(pairs), when, published,
                   frozenset(found), tuple(reports), *rest)


def is_mention_id(record_id: str) -> bool:
    return record_id.startswith(PREFIX)


def mention_prefix(doc_id: str) -> str:
    """How the ids of a document's mentions begin."""
    return f"{PREFIX}{doc_id}:"


def mentions_key(doc_id: str) -> str:
    """The key every mention of a document is also filed under (undated), to find them when it is linked again."""
    return f"mentions|{doc_id}"


def find_mentions(doc_id: str, text: str, published: str | None, mentions: Sequence[Mention],
                  timexes: Sequence[Timex], events: Sequence[Event], kinds: dict[str, str]) -> list[EventMention]:
    """The phrases of one document that refer back to an event, with what they say of it (``mentions``: the
    document's actors, in text order)."""
    doc_pairs = sorted({"|".join(p) for p in (pair_of(e) for e in events) if p})
    published = published or not_before(events, timexes)
    found: list[EventMention] = []
    sentences = sentence_spans(text)
    matches = sorted([*((m, False) for m in _pattern().finditer(text)),
                      *((m, True) for m in _participle_pattern().finditer(text))],
                     key=lambda x: (x[0].start(), -x[0].end()))  # of two from one word, the longer
    starts = [m.start for m in mentions]
    for match, participle in matches:
        if found and match.start() < found[-1].end:
            continue  # inside the phrase before ("the signing of the treaty"): part of it
        phrase = _phrase(text, match)
        if phrase is None:
            continue
        start, end = phrase
        noun = match.group("noun").lower()
        if not participle and noun in _word_set("nominal_acts"):
            act = nominal_act(noun, match.group("mods"), text[match.end():end])
            if act is None:
                continue  # "the increase in turnout": no act of the lexicon's
            noun = act
        if not participle:
            end = _passive_of_own_act(text, end, _noun_types(noun)) or end
        occasion = not participle and noun in _word_set_of("occasion_nouns", "nouns")
        if occasion:  # "the commitment made by X in Y" names the occasion in Y; "the commitment to X" none
            made = _occasion_pattern().match(text, end)
            if not made:
                continue
            end = _tail(text, made.end())
        inside = [m for m in mentions[bisect_left(starts, start):bisect_left(starts, end)] if m.end <= end]
        dated = [t for t in timexes
                 if t.start >= start and t.end <= end and t.value and t.precision in ("day", "month", "year")]
        if match.group("det").lower() in lexicon()["indefinite"] and not dated:  # type: ignore[operator]
            continue  # "an attack on X would ..." names no occurrence; "a shooting on the bridge in May" does
        if occasion and not any(kinds.get(m.actor_id) == "place" for m in inside):
            continue  # a promise made, but nowhere said
        states = {m.country for m in inside if m.country and kinds.get(m.actor_id) != "place"}
        sentence = next(((a, b) for a, b in sentences if a <= start < b), (start, end))
        near = {m.country for m in mentions[bisect_left(starts, sentence[0]):bisect_left(starts, sentence[1])]
                if m.country and kinds.get(m.actor_id) != "place" and m.end <= sentence[1]}
        pairs = _pairs(states, sorted({*doc_pairs, *_all_pairs(near)}))
        if not pairs:
            continue
        when = max((t.value for t in dated), key=lambda v: (len(v), v)) if dated else None  # type: ignore[arg-type, return-value]
        when = when or _years_before(text, start, published)
        if when and published and len(published) >= 7 and first_day(when) > last_day(published):  # type: ignore[operator]
            continue  # "the summit in X next month": announced, not yet reported
        tail_words = {w.lower() for w in re.findall(r"[\w’'-]+", text[match.end():end])}
        if tail_words & _word_set("not_past"):
            continue
        own = words(text, start, end, inside) | _whose(match, sentence, mentions, starts, kinds) \
            | _ruling_body(text, start, sentence, mentions, starts)
        reports = sorted({linking_type(e) for e in events if e.evidence.start <= start and end <= e.evidence.end})
        categories = participle_categories()[noun] if participle else _noun_types(noun)
        source, target = _participle_sides(match, inside, kinds) if participle else _sides(match, end, inside, kinds)
        found.append(EventMention(f"{mention_prefix(doc_id)}{start}", doc_id, start, end, text[start:end], categories,
                                  tuple(pairs), when, published, _telling(own), tuple(reports), source, target, noun))
    found += _apart_from(found, states_since(doc_id, text, published, mentions, timexes, doc_pairs, kinds))
    found += _apart_from(found, pair_phrases(doc_id, text, published, mentions, events))
    found += _apart_from(found, [*counted_returns(doc_id, text, published, mentions, events),
                                 *built_works(doc_id, text, published, mentions, doc_pairs)])
    return [*found, *hosted_meetings(doc_id, text, published, mentions, events),
            *measures_from(doc_id, text, published, mentions, timexes, events)]


def _apart_from(found: Sequence[EventMention], more: Iterable[EventMention]) -> list[EventMention]:
    """The phrases of ``more`` that overlap none already found (the longer reading of the same words stands)."""
    return [m for m in more if not any(o.start < m.end and m.start < o.end for o in found)]


@cache
def _works() -> dict[str, object]:
    from ..extract.events import event_lexicon  # the extraction's table of joint works; linking only reads it

    return event_lexicon()["joint_works"]  # type: ignore[no-any-return]


@cache
def _built_pattern() -> re.Pattern[str]:
    """A verb telling a work was built and the work ("built its first energy link", "completed the new pipeline")."""
    data = lexicon()["built_works"]
    verbs = word_alternation(data["verbs"])  # type: ignore[index]
    nouns = word_alternation(_works()["nouns"])  # type: ignore[arg-type]
    barred = word_alternation([*_word_set("prepositions"), *_word_set("phrase_stops"), *_word_set("determiners")])
    return re.compile(rf"(?P<aux>\s+(?:has|had|have)\s+)?\b(?P<verb>{verbs})\s+(?:its|their|a|an|the)\s+"
                      rf"(?P<mods>(?:(?!(?:{barred})\b)[\w’'-]+\s+){{0,3}})(?P<noun>{nouns})\b", re.I)


def works_domain(words_before_noun: Iterable[str]) -> str | None:
    """The one domain ("energy", "transport") the words naming a work tell, None when none or several."""
    domains = lexicon()["built_works"]["domains"]  # type: ignore[index]
    found = {domain for domain, listed in domains.items() for w in words_before_noun if w.lower() in listed}
    return found.pop() if len(found) == 1 else None


def built_works(doc_id: str, text: str, published: str | None, mentions: Sequence[Mention],
                doc_pairs: list[str]) -> list[EventMention]:
    """A state telling it built a work of a domain ("Kestria built its first energy link that does not depend on
    Valdoria"): the putting into service of a work joining it to another state (``joint_works`` in events.json, the
    two states' economic cooperation), which another report tells with both states ("the high-voltage line linking
    Sarnovia and Kestria entered service"). Which work is told only by the domain its words name."""
    from ..extract.events import plover_of

    plover = plover_of(_works()["code"])  # type: ignore[arg-type]
    if not plover:
        return []
    category = type_for_linking(plover[0], _works()["code"])  # type: ignore[arg-type]
    found = []
    ends = {m.end: m for m in mentions}
    for match in _built_pattern().finditer(text):
        builder = ends.get(match.start() - 1) if not match.group("aux") else ends.get(match.start())
        if builder is None or not builder.country:
            continue
        domain = works_domain([*re.findall(r"[\w’'-]+", match.group("mods")), match.group("noun")])
        if domain is None:
            continue
        inside = [m for m in mentions if match.start() <= m.start and m.end <= match.end() and m.country]
        states = {builder.country, *(m.country for m in inside)}
        pairs = _pairs(states, doc_pairs)  # type: ignore[arg-type]
        if not pairs:
            continue
        start, end = builder.start, match.end()
        found.append(EventMention(f"{mention_prefix(doc_id)}{start}", doc_id, start, end, text[start:end], (category,),
                                  tuple(pairs), None, published, _telling(words(text, start, end, [builder, *inside])),
                                  works=domain))
    return found


@cache
def _in_service_pattern() -> re.Pattern[str]:
    """The phrases telling a work was put into use ("entered service", "came into operation", "was commissioned"),
    with the forms of their verbs."""
    irregular: dict[str, list[str]] = lexicon()["built_works"]["irregular_forms"]  # type: ignore[index]
    phrases = []
    for phrase in [*_works()["phrases"], *_works()["passive_verbs"]]:  # type: ignore[misc]
        verb, _, rest = phrase.partition(" ")
        spelled = "|".join(sorted({*regular_forms(verb), *irregular.get(verb, [])}, key=len, reverse=True))
        phrases.append(rf"(?:{spelled})" + (rf"\s+{re.escape(rest)}" if rest else ""))
    return re.compile(rf"\b(?:{'|'.join(phrases)})\b", re.I)


def puts_work_into_service(e: Event, domain: str) -> bool:
    """Whether a report tells a work of a domain joining two states put into use ("the Velmar–Dorrun power line came
    into service")."""
    if e.cameo != _works()["code"]:
        return False
    said = e.evidence.text
    return bool(_in_service_pattern().search(said)) and works_domain(re.findall(r"[\w’'-]+", said)) == domain


# CAMEO codes of returning or releasing people or property (CAMEO 084)
RETURN_ROOT = "084"


@cache
def _counted_arrival_pattern() -> re.Pattern[str]:
    """A count of things and a verb telling they reached a place: "only 22 lorries had crossed into", "all 40
    prisoners have returned to"."""
    data = lexicon()["counted_returns"]
    numbers = rf"\d+|{word_alternation(number_words())}"
    hedge = word_alternation(data["hedges"])  # type: ignore[index]
    arrivals = word_alternation(data["arrivals"])  # type: ignore[index]
    return re.compile(rf"\b(?:(?:{hedge})\s+)?(?:{numbers})\s+(?:of\s+the\s+(?:\d+\s+)?)?"
                      rf"(?:[\w-]+\s+){{0,2}}?(?P<noun>[a-z]+s)\s+(?:(?:had|have|has)\s+)?(?:been\s+)?"
                      rf"(?:{arrivals})\s+(?=[A-Z])", re.I)


def counted_returns(doc_id: str, text: str, published: str | None, mentions: Sequence[Mention],
                    events: Sequence[Event]) -> list[EventMention]:
    """How many of the things a return brought back reached the side they were returned to ("only 22 lorries had
    crossed into Kestria"), told in a document that reports that return ("a statement … that all the vehicles were
    returned on 28 November", its sentence counting the lorries): that outlet's own account of the return, a further
    report of its event (``of_report``), whatever count it gives."""
    found = []
    starts = [m.start for m in mentions]
    for match in _counted_arrival_pattern().finditer(text):
        place = next((m for m in mentions[bisect_left(starts, match.end()):] if m.start == match.end()), None)
        if place is None or not place.country:
            continue
        nouns = {stem(n) for n in _singulars(match.group("noun").lower())}
        returns = [e for e in events if (e.cameo or "").startswith(RETURN_ROOT) and e.target_country == place.country
                   and e.mode == "asserted" and pair_of(e) is not None
                   and not (e.evidence.start <= match.start() < e.evidence.end)
                   and nouns & {stem(w) for w in re.findall(r"[a-z]+", e.evidence.text.lower())}]
        if len(returns) != 1:
            continue
        report = returns[0]
        start, end = match.start(), place.end
        found.append(EventMention(f"{mention_prefix(doc_id)}{start}", doc_id, start, end, text[start:end],
                                  (linking_type(report),), ("|".join(pair_of(report)),), report.date,  # type: ignore[arg-type]
                                  published, _telling(words(text, start, end, [place])), source=report.source_country,
                                  target=report.target_country, of_report=report.event_id))
    return found


# how many sentences back a phrase naming two acts ("both increases") looks for the one its document tells
PAIR_SENTENCES = 2


@cache
def _pair_pattern() -> re.Pattern[str]:
    """A determiner naming two acts at once and a plural noun ("both increases", "the two attacks")."""
    determiners = word_alternation(lexicon()["pair_determiners"])  # type: ignore[arg-type]
    return re.compile(rf"\b(?:{determiners})\s+(?P<noun>[a-z]+s)\b", re.I)


def pair_phrases(doc_id: str, text: str, published: str | None, mentions: Sequence[Mention],
                 events: Sequence[Event]) -> list[EventMention]:
    """Phrases naming two acts of one kind ("arguing that both increases breach the protocol"), one of which their
    document has just told ("Valdoria announced a second increase in transit fees"): a further report of the
    other act, which another document tells. The phrase takes that report's type, sides and object ("increase" is
    an act only with what is increased), and, when the report tells its act as the second of a series, names the
    first (``earliest``). None when the document tells both acts itself, or neither."""
    found = []
    sentences = sentence_spans(text)
    starts = [m.start for m in mentions]
    for match in _pair_pattern().finditer(text):
        noun = next((n for n in _singulars(match.group("noun").lower())
                     if n in noun_categories() or n in _word_set("nominal_acts")), None)
        if noun is None:
            continue
        at = next((i for i, (a, b) in enumerate(sentences) if a <= match.start() < b), None)
        if at is None:
            continue
        since = sentences[max(0, at - PAIR_SENTENCES)][0]
        told = [e for e in events if e.trigger is not None and since <= e.trigger.start < match.start()
                and pair_of(e) is not None and trigger_stem(e) == stem(noun)]
        if len(told) != 1:
            continue
        sibling = told[0]
        object_end = _tail(text, sibling.trigger.end)  # type: ignore[union-attr]
        if noun in _word_set("nominal_acts"):
            act = nominal_act(noun, "", text[sibling.trigger.end:object_end])  # type: ignore[union-attr]
            if act is None:
                continue
            noun = act
        start, end = match.start(), match.end()
        inside = [m for m in mentions[bisect_left(starts, sibling.trigger.start):bisect_left(starts, object_end)]
                  if m.end <= object_end]
        own = words(text, start, end) | words(text, sibling.trigger.start, object_end, inside)  # type: ignore[union-attr]
        ordinal = _ORDINAL_BEFORE.search(text, max(0, sibling.trigger.start - 30), sibling.trigger.start)  # type: ignore[union-attr]
        found.append(EventMention(f"{mention_prefix(doc_id)}{start}", doc_id, start, end, text[start:end],
                                  (linking_type(sibling),), ("|".join(pair_of(sibling)),), None,  # type: ignore[arg-type]
                                  published, _telling(own), source=sibling.source_country,
                                  target=sibling.target_country, noun=noun, besides=sibling.event_id,
                                  earliest=ordinal is not None))
    return found


# the word telling a report's act is the second of a series ("a second increase")
_ORDINAL_BEFORE = re.compile(r"\b(?:a|the)\s+second\s+(?:[\w-]+\s+)?$", re.I)


# CAMEO codes of measures one side takes against the other that start on a day of their own (reducing relations:
# sanctions, embargoes, fees, expulsions)
MEASURE_ROOT = "16"
# words before a date telling when a measure starts ("from 1 March", "with effect from", "starting", "as of")
_STARTING = re.compile(r"\b(?:from|starting(?: on| from)?|as of|effective(?: from)?|with effect from)\s+(?:the\s+)?$",
                       re.I)


def measures_from(doc_id: str, text: str, published: str | None, mentions: Sequence[Mention],
                  timexes: Sequence[Timex], events: Sequence[Event]) -> list[EventMention]:
    """A measure told with the day it starts ("will charge Kestrian lorries 40 percent more to use the crossing from
    1 March", decided on 10 February): its coming into force is an event of that day, which later reports tell
    ("the higher fees came into force on 1 March"); the words from the act to the date name it."""
    found = []
    starts = [m.start for m in mentions]
    for e in events:
        if not (e.cameo or "").startswith(MEASURE_ROOT) or e.trigger is None or pair_of(e) is None:
            continue
        for t in timexes:
            if not (e.trigger.end < t.start and t.end <= e.evidence.end) or not t.value \
                    or t.precision not in ("day", "month") or t.value == e.date:
                continue
            if not _STARTING.search(text, max(0, t.start - 25), t.start):
                continue
            start, end = e.trigger.end + 1, t.end
            inside = [m for m in mentions[bisect_left(starts, start):bisect_left(starts, end)] if m.end <= end]
            found.append(EventMention(f"{mention_prefix(doc_id)}{start}", doc_id, start, end, text[start:end],
                                      (linking_type(e),), ("|".join(pair_of(e)),), t.value,  # type: ignore[arg-type]
                                      published, _telling(words(text, start, end, inside) | {stem(e.trigger.text)}),
                                      (), e.source_country, e.target_country))
            break
    return found


# how far before its date a state's words may begin ("under house arrest in the capital since")
STATE_CHARS = 80
# what may stand between whom a state holds and its words ("students held", "X, who has been", "X, still")
_STATE_LINK = re.compile(r"(?:\s+[a-z][\w’'-]*){0,2}?(?:\s*,(?:\s*who)?)?"
                         r"(?:\s+(?:has|have|had)\s+been|\s+(?:remains?|remained|is|are|was|were|still))*\s+")


@cache
def _state_pattern() -> re.Pattern[str]:
    """A state's words, an optional place ("in Tarvel") and "since", right before a date."""
    states = word_alternation(lexicon()["states"])  # type: ignore[arg-type]
    place = r"(?:\s+(?:in|at)\s+(?:the\s+)?(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,2})?"
    return re.compile(rf"\b(?P<state>{states}){place}\s+since\s+$", re.I)


def states_since(doc_id: str, text: str, published: str | None, mentions: Sequence[Mention],
                 timexes: Sequence[Timex], doc_pairs: list[str], kinds: dict[str, str]) -> list[EventMention]:
    """Whom a state has held since a date ("eleven Kestrian students held in Brask since June", "Pell, who has
    been under house arrest since October"): the act that began it, on that date, named by the state's words, with
    whom it holds as the side it was done to. Found from the document's dates, not by reading its whole text."""
    found = []
    starts = [m.start for m in mentions]
    for t in timexes:
        if not t.value or t.precision not in ("day", "month", "year"):
            continue
        match = _state_pattern().search(text, max(0, t.start - STATE_CHARS), t.start)
        if not match:
            continue
        near = mentions[bisect_left(starts, match.start() - STATE_CHARS):bisect_left(starts, match.start())]
        before = [m for m in near if m.end <= match.start() and kinds.get(m.actor_id) != "place"]
        subject = next((m for m in reversed(before) if _STATE_LINK.fullmatch(text, m.end, match.start())), None)
        if subject is None:
            continue
        start, end = subject.start, t.end
        inside = [m for m in mentions[bisect_left(starts, start):bisect_left(starts, end)] if m.end <= end]
        states = {m.country for m in inside if m.country and kinds.get(m.actor_id) != "place"}
        pairs = _pairs(states, doc_pairs)
        if not pairs:
            continue
        state = " ".join(match.group("state").lower().split())
        categories = tuple(lexicon()["states"][state]["types"])  # type: ignore[index]
        found.append(EventMention(f"{mention_prefix(doc_id)}{start}", doc_id, start, end, text[start:end], categories,
                                  tuple(pairs), t.value, published, _telling(words(text, start, end, inside)), (),
                                  None, subject.country, state))
    return found


# the CAMEO code of hosting a visit or talks
HOST = "043"


def hosted_meetings(doc_id: str, text: str, published: str | None, mentions: Sequence[Mention],
                    events: Sequence[Event]) -> list[EventMention]:
    """A third state that hosted both sides ("Morvania, which hosted the two sides in Ishtal"): the extraction
    codes one hosting per side, and together they tell of a meeting between the two, a further report of it."""
    hosts: dict[tuple[int, str], list[Event]] = {}
    for e in events:
        if e.mode == "asserted" and e.cameo == HOST and e.trigger and e.source_country and e.target_country:
            hosts.setdefault((e.trigger.start, e.source_country), []).append(e)
    found = []
    starts = [m.start for m in mentions]
    for (at, host), reports in sorted(hosts.items()):
        sides = sorted({e.target_country for e in reports} - {host})  # type: ignore[misc]
        if len(sides) != 2:
            continue
        ev = reports[0].evidence
        inside = [m for m in mentions[bisect_left(starts, ev.start):bisect_left(starts, ev.end)] if m.end <= ev.end]
        found.append(EventMention(f"{mention_prefix(doc_id)}{at}", doc_id, ev.start, ev.end, ev.text, ("CONSULT",),
                                  ("|".join(sides),), reports[0].date, published,
                                  _telling(words(text, ev.start, ev.end, inside))))
    return found


def _sides(match: re.Match[str], end: int, inside: Sequence[Mention], kinds: dict[str, str]
           ) -> tuple[str | None, str | None]:
    """The states a phrase gives the doer and the one done to: a possessive determiner names the doer ("Valdoria's
    ban"), the first name after "of" right after the noun whom it was done to ("the arrest of two Kestrian
    reporters", "the crash of an Azerbaijani aircraft")."""
    def country(m: Mention) -> str | None:
        return m.country if kinds.get(m.actor_id) != "place" else None

    source = next((country(m) for m in inside if m.start >= match.start("det") and m.end <= match.end("det")), None)
    target = None
    if re.match(r"\s+of\s", match.string[match.end():end + 1]):
        target = next((country(m) for m in inside if m.start >= match.end() and country(m)), None)
    return source, target


def _participle_sides(match: re.Match[str], inside: Sequence[Mention], kinds: dict[str, str]
                      ) -> tuple[str | None, str | None]:
    """"the two Kestrian reporters detained": the noun's state is the one it was done to; a name right before the
    participle, after another noun, is the doer ("the compensation Valdoria paid")."""
    before = [m for m in inside if m.end <= match.start("noun") and m.country and kinds.get(m.actor_id) != "place"]
    source = None
    if before and not match.string[before[-1].end:match.start("noun")].strip():
        previous = re.findall(r"[\w’'-]+", match.string[match.end("det"):before[-1].start])
        if previous and previous[-1].lower() not in number_words() and not previous[-1].isdigit():
            source = before.pop().country
    return source, (before[0].country if before else None)


def _whose(match: re.Match[str], sentence: tuple[int, int], mentions: Sequence[Mention], starts: list[int],
           kinds: dict[str, str]) -> frozenset[str]:
    """The person a possessive pronoun refers to ("Pell remains under house arrest a year after his detention"): the
    last person its sentence names before it, as a name of the phrase."""
    if match.group("det").lower() not in _word_set("personal_determiners"):
        return frozenset()
    before = mentions[bisect_left(starts, sentence[0]):bisect_left(starts, match.start())]
    person = next((m for m in reversed(before) if kinds.get(m.actor_id) == "person" and m.end <= match.start()), None)
    return frozenset({f"@{person.actor_id}"}) if person else frozenset()


# how far before a phrase a verb of deciding on it may begin ("is not expected to rule on")
RULING_CHARS = 30
# where a clause begins inside a sentence ("…, and the panel is to rule on"): after a semicolon, a colon or a comma
# and a conjunction
_CLAUSE_START = re.compile(r"[;:]\s+|,\s+(?:and|but|while|whereas|yet)\s+", re.I)


@cache
def _ruling_pattern() -> re.Pattern[str]:
    """A verb of deciding on a case right before a phrase ("is expected to rule on | Kestrava's complaint")."""
    return re.compile(rf"\b(?:{word_alternation(lexicon()['ruling_verbs'])})\s+$", re.I)  # type: ignore[arg-type]


def _ruling_body(text: str, start: int, sentence: tuple[int, int], mentions: Sequence[Mention],
                 starts: list[int]) -> frozenset[str]:
    """The body that decides on a case, named as the subject of the clause ("the arbitration panel of the X council
    is not expected to rule on Kestrava's complaint"): the one the complaint or appeal was made to, whose words tell
    which complaint the phrase names. Its words run from the clause's start to its first verb or clause word."""
    if not _ruling_pattern().search(text, max(sentence[0], start - RULING_CHARS), start):
        return frozenset()
    clause = sentence[0]
    for boundary in _CLAUSE_START.finditer(text, sentence[0], start):
        clause = boundary.end()
    stops = _word_set("phrase_stops")
    end = next((m.start() for m in re.finditer(r"[\w’'-]+", text[clause:start])
                if m.group().lower() in stops), None)
    if not end:
        return frozenset()
    end += clause
    inside = [m for m in mentions[bisect_left(starts, clause):bisect_left(starts, end)] if m.end <= end]
    return words(text, clause, end, inside)


# "(more than) a year after the detention": how many years before its publication the phrase's event was
_YEARS_AFTER = re.compile(r"\b([\w-]+)\s+years?\s+(?:after|since)\s+$", re.I)


def _years_before(text: str, start: int, published: str | None) -> str | None:
    """The year of a phrase's event that a span of years before it tells ("more than a year after his detention",
    in an article of August 2026: 2025), at a year's precision."""
    if not published or len(published) < 7:
        return None
    said = _YEARS_AFTER.search(text, max(0, start - 30), start)
    if not said:
        return None
    word = said.group(1).lower()
    years = 1 if word in ("a", "an") else int(word) if word.isdigit() else number_words().get(word)
    if not years:
        return None
    back = first_day(published) - timedelta(days=round(365.25 * years))  # type: ignore[operator]
    return str(back.year)


def _telling(found: Iterable[str]) -> frozenset[str]:
    """The words that tell which event a phrase names, its noun among them ("the crash" and "crashed"): not its
    states (the block names them)."""
    return frozenset(w for w in found if not _STATE.match(w) and not w[0].isdigit() and not w.endswith(("'", "’")))


def _all_pairs(states: set[str]) -> list[str]:
    return [f"{a}|{b}" for a, b in state_pairs(states)]


def _pairs(states: set[str], doc_pairs: list[str]) -> list[str]:
    """The pairs a phrase may be about: those of the states it names, else of its document's events and of the
    states its sentence names ("relations strained since a shooting on the bridge")."""
    if len(states) >= 2:
        return _all_pairs(states)
    if len(states) == 1:
        (state,) = states
        return [p for p in doc_pairs if state in p.split("|")]
    return doc_pairs


def _phrase(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """The span of the phrase around an event noun: from its determiner through the prepositional
    phrases after the noun; None when the modifiers make it no past occurrence ("the next meeting")."""
    modifiers = {w.lower() for w in re.findall(r"[\w’'-]+", match.group("mods"))}
    if modifiers & _word_set("not_past") or re.search(r"[.,;:!?]", match.group("mods")):  # type: ignore[arg-type]
        return None
    if _after_pattern().search(text, max(0, match.start() - 30), match.start()):
        return None  # "called for the release of ...", "ahead of the meeting": not something that happened
    return match.start(), _tail(text, match.end())


def _tail(text: str, end: int) -> int:
    """Where the prepositional phrases after ``end`` end (at most ``TAIL_PHRASES`` of them)."""
    prepositions, stops = _word_set("prepositions"), _word_set("phrase_stops")
    position = end
    phrases = 0
    while phrases < TAIL_PHRASES:
        step = _NEXT_WORD.match(text, position)
        if not step or not (step.group(1).lower() in prepositions or _to_whom(text, step)):
            break
        cursor = step.end()
        taken = 0
        while taken < TAIL_WORDS:
            nxt = _NEXT_WORD.match(text, cursor)
            if not nxt:
                break
            word = nxt.group(1)
            if word.lower() in prepositions and taken:
                break
            if word in stops and not (word == "and" and _capitalised_after(text, nxt.end())):
                break  # ("May" is a month, "may" a clause's verb)
            if not taken and word.islower() and word.endswith("ing"):
                break  # "the meeting with X by discussing ...": a clause, not a phrase about the event
            if taken and word.islower() and word.endswith("ed") and len(word) > 4:
                break  # "the attack on X killed ...": the clause's verb
            cursor = nxt.end()
            taken += 1
        if not taken:
            break
        end = position = cursor
        phrases += 1
    return end


def _to_whom(text: str, step: re.Match[str]) -> bool:
    """Whether the word at ``step`` opens a phrase naming whom the act was done to ("apologies | to Kestria",
    "the visit | to the capital"), not an infinitive ("the decision | to raise fees")."""
    if step.group(1).lower() not in _word_set("recipient_prepositions"):
        return False
    nxt = _NEXT_WORD.match(text, step.end())
    # a name, or a determiner (the lexicon's, which refer back, and those that need not)
    return nxt is not None and (nxt.group(1)[0].isupper()
                                or nxt.group(1).lower() in _word_set("determiners") | {"a", "an", "our", "that"})


def _passive_of_own_act(text: str, end: int, categories: tuple[str, ...]) -> int | None:
    """Where a phrase ends that goes on with the passive of its noun's own act ("the memorandum was signed in X on
    18 March by Y": where, when and by whom it was signed): through that verb's prepositional phrases. None when no
    such verb follows (a verb of another act, "the ban was lifted in May", tells the date of another event)."""
    passive = _PASSIVE.match(text, end)
    if not passive or not set(participle_categories().get(passive.group(1).lower(), ())) & set(categories):
        return None
    return _tail(text, passive.end())


@cache
def _word_set(name: str) -> frozenset[str]:
    return frozenset(lexicon()[name])  # type: ignore[arg-type]


@cache
def _word_set_of(name: str, key: str) -> frozenset[str]:
    return frozenset(lexicon()[name][key])  # type: ignore[index]


@cache
def _after_pattern() -> re.Pattern[str]:
    """Words that, right before a phrase, make it name no past event."""
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in lexicon()["not_after"])  # type: ignore[attr-defined]
    return re.compile(rf"\b(?:{words})\s+(?:\w+\s+)?$", re.I)


def _capitalised_after(text: str, at: int) -> bool:
    nxt = _NEXT_WORD.match(text, at)
    return bool(nxt and nxt.group(1)[:1].isupper())


# -- comparing a mention with a report


class MentionMatcher:
    """Whether, and how well, a phrase names the event of a report."""

    def __init__(self, corpus: Corpus, event_words: object) -> None:
        self.corpus = corpus
        self.event_words = event_words  # EventMatcher.words
        self._theirs: dict[str, frozenset[str]] = {}

    def published(self, doc_id: str) -> str | None:
        """A document's publication, or for an undated one the day it was written no earlier than (``not_before``)."""
        return self.corpus.written(doc_id)

    def anchor(self, e: Event) -> date | None:
        """The day a report is compared on: its date (to the month or day), else its publication."""
        if e.date and len(e.date) >= 7:
            return first_day(e.date)
        return first_day(self.published(e.doc_id))

    def bound_keys(self, e: Event) -> list[tuple[str, str, str]]:
        """An undated report in an undated document, filed for mentions on the day its document was written
        no earlier than (reports are otherwise filed by their dates and publications, ``event_keys``)."""
        if (e.date and len(e.date) >= 7) or self.corpus.published(e.doc_id) or pair_of(e) is None:
            return []
        anchor = self.anchor(e)
        return [(f"{block_of(e)}|bound", e.event_id, anchor.isoformat())] if anchor else []

    def windows_for_mentions(self, e: Event) -> list[tuple[str, str, str]]:
        """Where the mentions that may name a report are filed."""
        anchor = self.anchor(e)
        if anchor is None:
            return []
        lo, hi = anchor - timedelta(days=WINDOW_DAYS), anchor + timedelta(days=WINDOW_DAYS)
        return [(f"{block_of(e)}|mention", _iso(lo), _iso(hi))]

    def score(self, m: EventMention, e: Event) -> int:
        """How well a mention agrees with a report (0: not the same event)."""
        pair = pair_of(e)
        if e.mode != "asserted" or pair is None or linking_type(e) not in m.categories or "|".join(pair) not in m.pairs:
            return 0
        if names_other_act(code_of(m), e.cameo):
            return 0  # "the students detained" names no impounding of lorries, though both coerce
        if not _sides_agree(m, e):
            return 0
        if not self.dates_agree(m, e):
            return 0
        if m.works:  # a work one side built: the report of a work of its domain put into service
            return 2 if puts_work_into_service(e, m.works) else 0
        if m.noun in _word_set_of("decision_nouns", "nouns") and stem(m.noun) not in self.their_words(e):
            return 0  # "the decision of 10 February": an act its report tells was decided, not any act of that day
        shared = m.words & self.their_words(e)
        names = [w for w in shared if w.startswith("@")]
        common = plain(shared)
        same_day = bool(m.date and e.date and len(m.date) == 10 and m.date == e.date)
        if not (same_day or names or len(common) >= 2):
            return 0
        return 3 * same_day + 2 * len(names) + len(common)

    def their_words(self, e: Event) -> frozenset[str]:
        """A report's words and actors without its states."""
        theirs = self._theirs.get(e.event_id)
        if theirs is None:
            words = self.event_words(e)  # type: ignore[operator]
            theirs = self._theirs[e.event_id] = frozenset(w for w in words if not _STATE.match(w))
        return theirs

    def repeats(self, m: EventMention, group: list[Event]) -> bool:
        """Whether a phrase names a group's event by the day a report of another document gives it, or by two or
        more names (people, places, bodies) that report gives it ("the meeting between X and Y in Z" of "Y met X"):
        its document tells of the event again, not of another."""
        return any((m.date and len(m.date) == 10 and m.date == e.date)
                   or len([w for w in m.words & self.their_words(e) if w.startswith("@")]) >= REPEATED_NAMES
                   for e in group if e.doc_id != m.doc_id)

    def retells_own(self, m: EventMention, group: list[Event]) -> bool:
        """Whether a phrase retells a group's report in its own document: naming the side it was done to that the
        report gives, and REPEATED_WORDS of the report's words besides ("the downing of a Kestrian cargo plane" of "a
        cargo plane flown by Kestrian pilots was downed"): not another event of that kind."""
        return m.target is not None and any(
            e.doc_id == m.doc_id and e.target_country == m.target
            and len(plain(m.words & self.their_words(e))) >= REPEATED_WORDS for e in group)

    def agrees_with_date(self, m: EventMention, when: str | None) -> bool:
        """Whether a mention agrees with the date of a group (the most precise its reports give)."""
        if not when or len(when) < 7:
            return True
        if m.date:
            return same_or_coarser(m.date, when) or (
                len(m.date) == len(when) == 10 and abs((first_day(m.date) - first_day(when)).days) <= NEAR_DAYS)  # type: ignore[operator]
        return _within(when, m.published, REFER_BACK_DAYS)

    def dates_agree(self, m: EventMention, e: Event) -> bool:
        anchor_m, anchor_e = m.anchor(), self.anchor(e)
        if anchor_m is None or anchor_e is None or abs((anchor_m - anchor_e).days) > WINDOW_DAYS:
            return False
        published_e = self.published(e.doc_id)
        if m.date and e.date:
            if same_or_coarser(m.date, e.date):
                return True
            return len(m.date) == len(e.date) == 10 and abs((first_day(m.date) - first_day(e.date)).days) <= NEAR_DAYS  # type: ignore[operator]
        if m.date:  # an undated report of an event on the phrase's date: published after it, not long after
            return _within(m.date, published_e, REFER_BACK_DAYS)
        if e.date:  # a phrase without a date refers back to the event
            return _within(e.date, m.published, REFER_BACK_DAYS)
        # neither dated: the phrase published the same day as the report or later (a publication known only to the
        # month or year may be any day of it)
        return bool(published_e) and _within(published_e, m.published, REFER_BACK_DAYS)  # type: ignore[arg-type]


def _within(earlier: str, later: str | None, days: int) -> bool:
    """Whether ``later`` is not before ``earlier`` (at the coarser precision) and at most ``days`` after it."""
    if not later:
        return False
    start, end = first_day(earlier), last_day(later)
    return start is not None and end is not None and start <= end and (first_day(later) - start).days <= days  # type: ignore[operator]


def mention_keys(m: EventMention) -> list[tuple[str, str, str | None, str | None]]:
    """``(key, id, day, info)`` rows filing a mention under each block it may be about, on its anchor day."""
    anchor = m.anchor()
    if anchor is None:
        return []
    rows = [(f"{block}|mention", m.mention_id, anchor.isoformat(), m.info()) for block in m.blocks()]
    return [*rows, (mentions_key(m.doc_id), m.mention_id, None, None)]


def mention_windows(m: EventMention) -> list[tuple[str, str, str]]:
    """Where the reports a mention may name are filed: under its blocks' dates and undated publications."""
    anchor = m.anchor()
    if anchor is None:
        return []
    lo, hi = _iso(anchor - timedelta(days=WINDOW_DAYS)), _iso(anchor + timedelta(days=WINDOW_DAYS))
    return [(f"{block}|{kind}", lo, hi) for block in m.blocks() for kind in ("date", "undated", "bound")]


def _iso(day: date) -> str:
    return day.isoformat()


def names_in_own_document(m: EventMention, e: Event) -> bool:
    """Whether a phrase may name a report of its own document: the same type and pair (whatever their words)."""
    pair = pair_of(e)
    return m.doc_id == e.doc_id and linking_type(e) in m.categories and pair is not None and "|".join(pair) in m.pairs


def join_renamed_reports(groups: list[list[Event]], mentions: Iterable[EventMention],
                         matcher: MentionMatcher) -> list[list[Event]]:
    """A document's report whose own sentence names its act with a phrase ("It was X who initiated the meeting
    with Y by discussing ...") joins the group of the document's other report of that act, pair and sides ("a
    meeting between X and Y took place"), when there is exactly one and their dates agree: one occasion coded
    from two words, counted once. Acts one side does to the other ("the attack") join only when the phrase
    names the other report as any phrase must (``MentionMatcher.score``): a document often tells of several
    attacks or arrests, rarely of several meetings of one pair."""
    joined = [list(g) for g in groups]
    for m in sorted(mentions, key=lambda m: m.mention_id):
        for i, group in enumerate(joined):
            if len(group) != 1 or not names_in_own_document(m, group[0]) or not _holds(group[0], m):
                continue
            if _coded_from(group[0], m) or not names_act(m, group[0]):
                continue  # coded from the phrase itself, or an act of its own ("welcomed the treaty")
            report = group[0]
            others = [j for j, other in enumerate(joined) if j != i and any(
                e.doc_id == report.doc_id and block_of(e) == block_of(report) and _dates_fit(e.date, report.date)
                and _same_sides(e, report) and names_act(m, e) for e in other)
                and _dates_fit(group_date(other), report.date)
                and (linking_type(report) in SYMMETRIC or any(matcher.score(m, e) > 0 for e in other))]
            if len(others) == 1:
                joined[others[0]].append(report)
                joined[i] = []
    return [sorted(g, key=lambda e: e.event_id) for g in joined if g]


def _sides_agree(m: EventMention, e: Event) -> bool:
    """Whether a report's doer and the one it was done to are those the phrase gives (either way round for
    types whose two sides act together)."""
    if linking_type(e) in SYMMETRIC:
        return not ({m.source, m.target} - {None, e.source_country, e.target_country})
    return m.source in (None, e.source_country) and m.target in (None, e.target_country)


def _coded_from(e: Event, m: EventMention) -> bool:
    """Whether a report was coded from words of the phrase."""
    return e.trigger is not None and e.trigger.start < m.end and m.start < e.trigger.end


def _beside_own_reports(ranked: list[tuple[tuple[int, int], int]], groups: list[list[Event]], m: EventMention
                        ) -> list[tuple[tuple[int, int], int]]:
    """The groups a phrase may go to, best first: when a group holding its own document's report of the words (which
    it may not go to) is among the best, those of the other pairs and types it may be about. A phrase naming one
    state ("X's complaint") is filed under every pair of its document with that state, and the report its document
    coded it in may have taken another side for it than another document's report of the act."""
    best = [i for score, i in ranked if score == ranked[0][0]] if ranked else []
    if not any(_holds_own(e, m) for i in best for e in groups[i]):
        return ranked
    own = {block_of(e) for group in groups for e in group if _holds_own(e, m)}
    return [(score, i) for score, i in ranked if block_of(groups[i][0]) not in own]


def _holds_own(e: Event, m: EventMention) -> bool:
    """Whether a report of the phrase's own document holds it: the phrase is that report's words, and says of its
    event no more than the report does (a phrase naming one state may be about another pair than the report
    its document coded it in, "X's complaint" aimed at another side than the one taken for it)."""
    return e.doc_id == m.doc_id and _holds(e, m)


def _holds(e: Event, m: EventMention) -> bool:
    return e.evidence.start <= m.start and m.end <= e.evidence.end


def names_act(m: EventMention, e: Event) -> bool:
    """Whether a phrase's noun names a report's act: the same word ("the meeting", "a meeting took place") or a
    word of the same CAMEO act ("the detention", "detained"); a generic noun ("the incident") names none."""
    code = noun_codes().get(m.noun)
    if not code:
        return False
    return trigger_stem(e) == stem(m.noun) or bool(e.cameo and len(code) >= 3 and e.cameo[:3] == code[:3])


def _same_sides(a: Event, b: Event) -> bool:
    """The same doer and the same one done to (either way round for types whose two sides act together)."""
    return linking_type(a) in SYMMETRIC or (a.source_country, a.target_country) == (b.source_country, b.target_country)


def _dates_fit(a: str | None, b: str | None) -> bool:
    return not a or not b or same_or_coarser(a, b)


def _best_dates(group: list[Event]) -> list[str]:
    """The dates of a group's reports at the best precision they give: one, unless reports disagree on it (an outlet
    giving another day or month), when a phrase may agree with either."""
    dated = [e.date for e in group if e.date]
    best = max((len(d) for d in dated), default=0)
    return sorted({d for d in dated if len(d) == best})


def assign_mentions(groups: list[list[Event]], mentions: Iterable[EventMention],
                    matcher: MentionMatcher) -> dict[int, list[EventMention]]:
    """Each mention given to the one group it agrees with best (by its best report), when no other
    group agrees as well, and whose date it agrees with (any of them where the reports disagree); not where it
    only repeats a report of that group in its own document."""
    found: dict[int, list[EventMention]] = {}
    dates = [_best_dates(g) for g in groups]
    for m in sorted(mentions, key=lambda m: m.mention_id):
        if m.of_report:  # its own document's report of the event
            told = [i for i, group in enumerate(groups) if any(e.event_id == m.of_report for e in group)]
            if told:
                found.setdefault(told[0], []).append(m)
            continue
        ranked = []
        for i, group in enumerate(groups):
            if dates[i] and not any(matcher.agrees_with_date(m, when) for when in dates[i]):
                continue
            scores = [s for s in (matcher.score(m, e) for e in group) if s > 0]
            if scores:  # the best agreement, then how many reports agree (one event reported apart)
                ranked.append(((max(scores), len(scores)), i))
        ranked.sort(reverse=True)
        ranked = _beside_own_reports(_beside_pair(ranked, groups, dates, m), groups, m)
        if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
            continue
        best = ranked[0][1]
        if any(e.doc_id == m.doc_id for e in groups[best]) and linking_type(groups[best][0]) not in m.sentence_reports \
                and not matcher.repeats(m, groups[best]) and not matcher.retells_own(m, groups[best]):
            continue  # its document reports the event already; this phrase is about something else it reports
        if any(e.doc_id == m.doc_id and e.evidence.start < m.end and m.start < e.evidence.end for e in groups[best]):
            continue  # the group's own report
        found.setdefault(best, []).append(m)
    return found


def _beside_pair(ranked: list[tuple[tuple[int, int], int]], groups: list[list[Event]], dates: list[list[str]],
                 m: EventMention) -> list[tuple[tuple[int, int], int]]:
    """For a phrase naming two acts (``pair_phrases``), the groups of the other one: not the group of the report its
    document tells; the first of a series ("both increases" after "a second increase") is the earliest of them (a
    measure decided on one day and in force from another is told as two events: the phrase names the decision)."""
    if m.besides is None:
        return ranked
    others = [(score, i) for score, i in ranked if not any(e.event_id == m.besides for e in groups[i])]
    if not m.earliest or not others:
        return others
    first = min(min(dates[i], default="9999") for _, i in others)
    earliest = [(score, i) for score, i in others if min(dates[i], default="9999") == first]
    return [((1, 1), i) for _, i in earliest]  # equal ranks when two groups share that day: neither is taken
