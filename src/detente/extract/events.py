"""Dyadic events: who did what to whom, when, coded to CAMEO and PLOVER with mode and score.

Events come from verbs ("Valdoria accused Kestria of …") and from nouns ("the arrest of two
journalists by Kestrian police", "the meeting between the presidents of A and B") listed in
``lexicons/events.json``; codes map to PLOVER types and scores through ``cameo_plover.json``.
The mode follows the clause: negated ("has not condemned"), hypothetical ("could carry out",
"if … would …"), demanded ("must", "should"), else asserted. The score is the PLOVER score of the
type and mode, scaled for the event's mode (``MODE_WEIGHT``): a threat that was only imagined
moves a relationship less than one that was made.

Beyond the trigger itself: a promise, threat or demand and the action it names are one event
coded from that action ("promised to share the findings" AGREE 0314, "threatened to break
relations" 1313, "demanded that Valdoria release them" 1053); asking or expecting the other side
to act is a request; reporting the other side's wrong in one's own words is an accusation;
a list of targets or coordinated subjects gives one event per pair; a later noun of the same
kind between the same sides is a mention of the earlier event, not another one (so is a verb of that
kind given the same date, or a passive whose subject is what the earlier event was done to); questions,
conditions, what others are expected to do and what a side does among its own people (a cabinet
meeting, an opposition leader's call) are no events.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..gazetteer import slug
from ..records import Commitment, Document, Event, Evidence, Forecast, Quote, Timex
from .actors import Mention, role_nouns
from .clauses import (
    ACTOR_KINDS,
    Parties,
    Party,
    clause_span,
    is_warning,
    lemma_of,
    opens_with_agreement,
    sentence_in_line,
    state,
    subject_of,
)
from .dates import find_expressions, named_event_day
from .gatherings import gathering_visits

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"
MODE_WEIGHT = {"asserted": 1.0, "demanded": 0.5, "hypothetical": 0.4, "negated": 0.0}
TARGET_PREPOSITIONS = {"to", "on", "against", "with", "toward", "towards", "at", "from", "for", "into"}
COUNTERPART_SHARE = 0.15  # of the mentions of states, for a state to be "the other side" of the document
CONFLICT_ROOTS = {"16", "17", "18", "19", "20"}
DURATION_WORDS = {"year", "decade", "month", "week", "century", "generation", "long", "independence", "war"}
NEGATING_VERBS = {"fail", "refuse", "decline", "deny", "neglect", "omit"}
DEMANDING_VERBS = {"insist", "demand", "urge", "expect", "ask", "require", "call", "press", "want"}
ABSENCE_NOUNS = {"absence", "lack"}
SAY_LEMMAS = {"say", "tell", "add", "announce", "state", "declare", "confirm", "report", "write", "indicate"}
LIGHT_VERBS = {"hold", "stage", "conduct", "launch", "carry", "lodge", "file", "issue", "make", "begin", "start",
               "send", "deliver", "hand", "impose", "announce", "order", "present", "give", "pay", "open",
               "resume", "continue", "sign", "conclude", "extend", "express", "offer", "mount", "submit",
               "initiate", "organise", "organize", "arrange",
               "undertake", "renew", "declare", "complete", "orchestrate", "mastermind"}
# "a mediation effort", "a rescue mission": the act the effort is made for
EFFORT_NOUNS = {"effort", "mission", "bid", "attempt", "initiative", "drive"}
# "a normal and expected step would be …": what someone ought to do
NORMATIVE_NOUNS = {"step", "move", "thing", "response", "course", "reaction", "gesture"}
NORMATIVE_WORDS = {"normal", "expect", "expected", "logical", "natural", "proper", "appropriate", "reasonable",
                   "decent", "sensible", "civilised", "civilized"}
INQUIRY_NOUNS = {"investigation", "inquiry", "enquiry", "probe", "case", "trial", "finding", "report", "result",
                 "circumstance", "cause", "evidence", "detail", "footage"}
INSTITUTIONS = {"police", "court", "prosecutor", "authority", "official", "officer", "guard", "troop", "force",
                "soldier", "customs", "judge", "ministry", "government", "army", "navy", "coastguard"}
# nouns for what someone said, which "such statements" points back to, and how far back its maker may be named
STATEMENT_NOUNS = {"statement", "remark", "comment", "word", "claim", "speech", "rhetoric", "utterance"}
STATEMENTS_BEFORE = 800
# verbs that continue an act as a new one ("extended their detention last month", "renewed the sanctions in May")
PROLONGING = {"extend", "renew", "prolong"}
# parts of a period a date can name ("by the end of September")
PERIOD_PARTS = {"end", "beginning", "start", "middle", "close", "turn"}
TRANSFER_VERBS = {"hand", "send", "deliver", "lodge", "submit", "present", "file", "pass", "give"}
STATIVE_VERBS = {"be", "remain", "stay", "sit", "live", "keep", "lie", "stand"}
SPECULATING = {"muse", "talk", "speak", "think", "dream", "joke", "speculate", "fantasise", "fantasize", "write"}
EXPECTING = {"expect", "predict", "anticipate", "forecast", "foresee", "hope"}
CLAIMING = {"claim", "allege", "charge", "contend", "assert"}
ALLEGATION_NOUNS = {"allegation", "accusation", "claim", "charge"}
ALLEGING = {"allege"}  # whatever is alleged of the other side is held against it ("alleged that X helped …")
QUANTITY_NOUNS = {"number", "series", "set", "range", "couple", "host", "dozen", "pair", "batch",
                  # amounts: "5 million dollars of aid", "700 kg of medicine"
                  "dollar", "euro", "pound", "yen", "franc", "rouble", "ruble", "million", "billion", "tonne", "ton",
                  "kg", "kilogram", "worth", "consignment", "package",
                  # spans: "three days of talks", "a fresh round of negotiations"
                  "day", "week", "hour", "round"}
INTERPRETING = {"interpret", "see", "read", "regard", "view", "take", "understand", "perceive"}
RECEIVING = {"receive", "face", "suffer", "endure", "experience"}
ASKING = {"ask", "press", "expect"}
RELATIONS = {"relation", "relations", "tie", "ties"}
DENYING = {"deny", "dispute", "refute", "rebut"}
FRAMEWORKS = {"format", "framework", "platform", "mechanism", "forum", "basis", "venue", "tool", "instrument",
              "vehicle", "model", "opportunity", "potential", "room", "space", "scope"}
CIVILIANS = {"worker", "farmer", "protester", "protestor", "demonstrator", "haulier", "trucker", "driver", "student",
             "activist", "resident", "villager", "fisherman", "supporter", "people", "crowd", "miner", "taxi",
             "youth", "opponent", "striker", "teacher", "doctor"}
PEOPLE_NOUNS = {"man", "woman", "person", "serviceman", "servicemen", "soldier", "guard", "citizen", "national",
                "crew", "sailor", "civilian", "child", "employee", "pilot", "tourist", "migrant", "journalist",
                "prisoner", "detainee", "officer", "diplomat", "reporter", "cameraman", "hostage", "suspect"}
COUNT_WORDS = {"second", "third", "fourth", "fifth", "sixth", "another", "other", "others", "rest", "remainder",
               "one", "both"}
CAUSING = {"order", "have", "keep", "want", "leave", "find"}
COMMENTATORS = {"commentator", "analyst", "observer", "expert", "pundit", "columnist", "critic", "blogger",
                "academic", "scholar", "historian", "economist"}
SHARED_ROOTS = {"03", "04", "06"}  # agreeing, meeting, cooperating: done together, told from either side
INTENT_NOUNS = {"offer", "proposal", "plan", "promise", "pledge", "readiness", "willingness", "intention", "intent",
                "commitment", "undertaking", "bid"}
GOING = {"fly", "travel", "go", "come", "arrive", "leave", "head", "walk", "drive", "sail", "flee"}
RECURRING_UNITS = {"day", "week", "month", "quarter", "year", "season", "spring", "summer", "autumn", "winter"}
OCCURRING = {"start", "begin", "resume", "open", "end", "continue", "happen", "occur", "take", "go", "proceed",
             "follow", "come", "close", "conclude", "last", "run", "restart", "commence"}
# words making a noun another event of its kind ("a second round of talks", "fresh strikes")
ANOTHER = {"second", "third", "another", "new", "further", "next", "fresh", "renewed", "other"}
# verbs telling that an event took place, whose date is the event's ("the trial opened yesterday"; not "ended",
# "came after")
TAKING_PLACE = {"start", "begin", "resume", "open", "happen", "occur", "take", "restart", "commence"}
MEDIATING = {"host", "mediate", "broker", "facilitate", "arbitrate"}
OCCUPY = "192"  # CAMEO: occupy territory ("take the town", "seize the bridge")
OWN_BODIES = {"cabinet", "party", "caucus", "staff", "board", "faction", "parliamentary", "coalition", "family"}
KEEPING = {"keep", "break", "fulfil", "fulfill", "honour", "honor", "ignore", "violate", "renege", "betray"}
# nouns whose possessor is who undergoes them ("their detention", "Pell's release"), not who does them
UNDERGONE = {"arrest", "detention", "imprisonment", "release", "trial", "expulsion", "deportation", "custody",
             "kidnapping", "abduction", "extradition", "conviction", "sentencing", "prosecution", "interrogation"}
PARTICLE_ADVERBS = {"back", "off", "away", "over", "out", "down", "up", "in"}
TEMPORAL_PREPOSITIONS = {"since", "after", "before", "until", "during", "following", "amid"}
# "in response to X", "in retaliation for X": X came first
ANSWER_NOUNS = {"response", "retaliation", "reaction", "reply", "revenge", "reprisal", "answer"}
KNOWING = {"understand", "know", "realise", "realize", "recognise", "recognize", "acknowledge", "accept", "see"}
# men under arms whose deaths, with another state named beside them, are that state's attack
UNIFORMED = {"serviceman", "servicemen", "soldier", "guard", "officer", "trooper", "troop", "policeman", "peacekeeper",
             "marine", "sailor", "pilot", "conscript", "gendarme", "ranger", "patrol"}
DYING = {"die", "perish"}
MISHAPS = {"accident", "crash", "overturn", "collision", "illness", "disease", "drown", "storm", "avalanche",
           "heart", "suicide", "exercise", "training", "heat", "cold"}
# the weapon an article names, for the kind of attack a death is told without one (CAMEO 193, 194, 195)
WEAPON_WORDS = {"193": {"ricochet", "bullet", "gunfire", "gunshot", "sniper", "rifle", "shot", "shots"},
                "194": {"shelling", "artillery", "mortar", "howitzer"},
                "195": {"airstrike", "warplane", "drone", "bomber"}}
PROTESTERS = {"protester", "protestor", "demonstrator", "rioter", "mob"}
SECURITY_FORCES = {"police", "policeman", "force", "troop", "soldier", "army", "guard", "gendarme", "officer"}
SHARED_THINGS = {"border", "frontier", "boundary", "tie", "relation", "link", "crossing"}
LEVIES = {"fee", "tariff", "toll", "duty", "levy", "tax", "charge"}
RAISED = {"high", "steep", "stiff"}  # lemmas of the comparatives "higher", "steeper", "stiffer"
CHARACTERISING = {"call", "describe", "brand", "label", "term", "characterise", "characterize", "dub", "dismiss"}


@cache
def _analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _sentiment(words: str) -> float:
    plain = re.sub(r"[«»“”„\"‘’‹›]", " ", words)  # VADER reads «better» as an unknown word
    return float(_analyzer().polarity_scores(plain)["compound"])


@cache
def event_lexicon() -> dict[str, Any]:
    return json.loads((LEXICONS / "events.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _word_list(name: str) -> frozenset[str]:
    """One word list of events.json."""
    return frozenset(event_lexicon()[name])


def _own_matter(noun: Token) -> bool:
    """"the gun laws", "the budget": a government's own matter, unless a modifier makes it one between states
    ("international law", "the border regulations")."""
    return noun.lemma_.lower() in _word_list("own_matters") and not any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in _word_list("shared_matter_modifiers")
        for c in noun.children)


@cache
def craft_words() -> frozenset[str]:
    """Words for an aircraft, a vessel or a drone (``sides.json`` units): a craft that flies or sails somewhere pays
    no visit, whoever operates it."""
    units = json.loads((LEXICONS / "sides.json").read_text(encoding="utf-8"))["units"]
    return frozenset(w.lower() for kind in ("aircraft", "vessel", "drone") for w in units[kind])


@cache
def cameo_table() -> dict[str, Any]:
    return json.loads((LEXICONS / "cameo_plover.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def verb_phrase_index() -> dict[str, dict[str, str]]:
    """``verb_phrases`` of the lexicon by verb: {"open": {"fire": "190", …}, …}."""
    index: dict[str, dict[str, str]] = {}
    for phrase, code in event_lexicon().get("verb_phrases", {}).items():
        verb, rest = phrase.split(" ", 1)
        index.setdefault(verb, {})[rest] = code
    return index


def _craft_travels(verb: Token) -> bool:
    """Whether who travels is a craft: the verb's subject, or the noun a participle describes ("an aircraft flying
    to …")."""
    travellers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "acl":
        travellers.append(verb.head)
    return any(t.lemma_.lower() in craft_words() or t.lower_ in craft_words() for t in travellers)


def _levied(verb: Token) -> list[Token]:
    """The words of what a verb levies: its objects and measures ("charge lorries 40 percent more", "charge a fee"),
    not its "with" phrase ("charged with two counts") nor its clauses."""
    return [t for c in verb.children if c.dep_ in ("dobj", "dative", "npadvmod", "advmod", "acomp", "attr")
            for t in c.subtree]


def lexicon_code(verb: Token) -> str | None:
    """The CAMEO code the event lexicon gives a verb, with its phrase ("open fire") if any."""
    lemma = lemma_of(verb)
    if lemma == "charge" and any(t.like_num or t.lower_ in ("more", "percent", "fee", "fees", "toll")
                                 for t in _levied(verb)):
        # "will charge Kestrian lorries 40 percent more": a fee, not a charge against anyone (but the numbers of
        # "charged with one count of murder" count charges)
        return "163"
    if lemma in DENYING and any(c.dep_ == "ccomp" for c in verb.children):
        return "016"  # "denied that relations were in crisis": a denial, not a rejection of anyone
    if lemma in ("offer", "sell") and any(c.dep_ == "dobj" and c.lemma_.lower() in _word_list("commercial_objects")
                                          for c in verb.children):
        return None  # "both airlines offer flights to Cuban cities": commerce
    phrases = verb_phrase_index().get(lemma)
    if phrases:
        for word in _complement_words(verb):
            if word in phrases:
                return _against_someone(verb, phrases[word])
    return event_lexicon()["verbs"].get(lemma)  # type: ignore[no-any-return]


@cache
def future_codes() -> dict[str, Any]:
    return json.loads((LEXICONS / "future_codes.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def announced_code(cameo: str, table: str) -> str | None:
    """The CAMEO code of an action announced rather than done: intent (03x) for a cooperative
    one, threat (13x) for a conflictual one (``future_codes.json``)."""
    codes = future_codes()[table]
    for length in range(len(cameo), 1, -1):
        if cameo[:length] in codes:
            return codes[cameo[:length]]  # type: ignore[no-any-return]
    return None


@cache
def plover_overrides() -> dict[str, Any]:
    return json.loads((LEXICONS / "plover_overrides.json").read_text(encoding="utf-8"))["cameo_to_plover"]  # type: ignore[no-any-return]


def plover_of(cameo: str) -> tuple[str, str | None] | None:
    """The PLOVER type and mode of a CAMEO code (a longer code falls back to its parents); where
    the PLOVER manual codes a case differently from the conversion table, the manual wins."""
    table = cameo_table()["cameo_to_plover"]
    overrides = plover_overrides()
    for length in range(len(cameo), 1, -1):
        entry = overrides.get(cameo[:length]) or table.get(cameo[:length])
        if entry is not None:
            return entry["plover"], entry["mode"]
    return None


def score_of(category: str, mode: str | None, event_mode: str) -> float:
    """The PLOVER score of a type (and PLOVER mode, when the table has one), scaled for the event's mode."""
    scores = cameo_table()["scores"]
    key = f"{category}:{mode.capitalize()}" if mode else category
    base = scores.get(key, scores.get(category, 0.0))
    return round(base * MODE_WEIGHT[event_mode], 2) + 0.0  # never -0.0


# acts that comment on something already done (CAMEO codes by prefix): make a statement, praise or endorse,
# disapprove, reject (not signing: "signed a memorandum in which both agreed" is that agreement)
REACTION_CODES = ("01", "051", "052", "11", "12")
# nouns of this CAMEO root are occasions (talks, a visit, a summit), not things made
OCCASION_ROOT = "04"


class EventFinder:
    def __init__(self, document: Document, sdoc: Doc, mentions: list[Mention], timexes: tuple[Timex, ...],
                 quotes: tuple[Quote, ...] = (), forecasts: tuple[Forecast, ...] = (),
                 commitments: tuple[Commitment, ...] = (), internal: bool = False) -> None:
        self.document = document
        self.internal = internal
        self.commitments = commitments
        self.found: list[Event] = []
        self.forecasts = forecasts
        self.author_id = f"person:{slug(document.author)}" if document.author else None
        self.sdoc = sdoc
        self.consumed: set[int] = set()  # tokens that are part of another token's event
        self.mentions = [m for m in mentions if m.kind in ACTOR_KINDS]
        self.places = [m for m in mentions if m.kind == "place"]
        self.organisations = [m for m in mentions if m.kind == "organization" and not m.country]
        self.gathering_nouns = _word_list("gathering_nouns")
        self.opposition = _opposition_figures(document.text, self.mentions)
        self.parties = Parties(document.text, mentions, quotes)
        self.timexes = timexes
        self._anchored: dict[tuple[int, int], bool] | None = None
        lexicon = event_lexicon()
        self.nouns: dict[str, str] = lexicon["nouns"]
        self.noun_phrases: dict[str, str] = lexicon.get("noun_phrases", {})
        self.relation_nouns: dict[str, str] = lexicon.get("relation_nouns", {})
        self.received_nouns: dict[str, str] = lexicon.get("received_nouns", {})
        self.negators = set(lexicon["negators"])
        self.hypothetical = set(lexicon["hypothetical_modals"])
        self.demand = set(lexicon["demand_modals"])

    # -- actors under a phrase

    def party(self, token: Token | None) -> Party | None:
        """The actor a phrase names (see ``Parties.of``); "police in Brask", "a Dorrun court": the
        state whose institution acts where it is placed; "several Kestrian commentators" speak for no one."""
        if token is not None and token.tag_ == "NNS" and token.lemma_.lower() in COMMENTATORS:
            return None
        found = self.parties.of(token)
        if found is None and token is not None and token.lower_ in ("it", "its") and token.dep_ in ("nsubj", "poss"):
            # "Kestria has chosen a bilateral route: it sent Brask a protest note": the state named last
            sentence = token.sent
            floor = token.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
            found = self.parties.last_state_before(token.idx, floor)
        if found is None and token is not None and token.lemma_.lower() in INSTITUTIONS:
            left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)
            place = next((m for m in self.places if left <= m.start < right and m.country), None)
            found = state(place.country) if place is not None else None
        return found

    def state_placed_in_sentence(self, token: Token) -> Party | None:
        """The state whose places the token's sentence names, when all of them are of one state."""
        sentence = token.sent
        countries = {m.country for m in self.places
                     if sentence.start_char <= m.start < sentence.end_char and m.country}
        return state(countries.pop()) if len(countries) == 1 else None

    def party_or_place(self, token: Token | None) -> Party | None:
        """The actor a word names, or the state of the place it is in: whom a note is sent to ("sent to Brask", which
        the actors stage reads as a place, as it reads "sent troops to Brask"), whence a shell came ("from Kestrian
        territory")."""
        found = self.party(token)
        if found is None and token is not None:
            place = next((m for m in self.places if m.start <= token.idx < m.end and m.country), None)
            found = state(place.country) if place is not None else None
        return found

    def nearest_before(self, trigger: Token) -> Party | None:
        """The actor named last before the trigger in its sentence: the doer when the parse gives none."""
        sentence_start = trigger.sent.start_char
        before = [m for m in self.mentions if sentence_start <= m.start and m.end <= trigger.idx]
        return Party(before[-1].actor_id, before[-1].country, before[-1].kind) if before else None

    # -- triggers

    def verb_code(self, verb: Token) -> str | None:
        """The code of a verb phrase ("open fire", "call off") when the lexicon has one, else of the verb;
        a few verbs are events only when negated ("Lantern Street has not answered")."""
        code = lexicon_code(verb)
        if verb.lemma_.lower() == "pay" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children) \
                and not any(c.dep_ == "dobj" for c in verb.children):
            return None  # "the doctrine was paying off": it worked, nothing was paid
        if code is None and verb.lemma_.lower() == "hold" and _people_held(verb):
            return "173"  # "a third was briefly held", "ordered both men held for two months"
        if code == "084" and _people(handled := _handled(verb)):
            return "0841"  # "a third was held and handed back": people handed back are released
        if code == "084" and handled is not None:
            # "the lorries were handed back": coded as returning them would be
            return verb_phrase_index().get("return", {}).get(handled.lemma_.lower(), code)
        if code is None and (code := event_lexicon().get("negated_verbs", {}).get(verb.lemma_.lower())):
            # "did not respond to the Ledger's questions" is no silence between states
            asked = _object_of(verb)
            press = asked is not None and asked.lemma_.lower() in ("question", "query", "request", "inquiry", "enquiry")
            return code if any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children) and not press else None
        return code

    def characterisation(self, verb: Token) -> Event | None:
        """"Halvic called the shooting 'a cold-blooded act'", "Revic described relations as 'the
        best in a generation'": praise (SUPPORT 051) or criticism (ACCUSE 111) by the speaker,
        told apart by the sentiment of the words used (VADER); of what the object names, or of the
        other side."""
        if verb.lemma_.lower() not in CHARACTERISING or verb.pos_ != "VERB":
            return None
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        obj = objects[0] if objects else None
        label = next((c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp")), None)
        if label is None and len(objects) > 1:
            label = objects[1]  # "called the line «the most important thing built …»"
        if label is None:
            as_phrase = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            if as_phrase is None and obj is not None:
                as_phrase = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            label = as_phrase
        # "called the trial ‘theatre’" parsed as one noun phrase: the modifier is what is called so
        if obj is None and label is not None:
            obj = next((c for c in label.children if c.dep_ == "nmod" and c.i < label.i), None)
        elif label is None and obj is not None and (named := next(
                (c for c in obj.children if c.dep_ == "nmod" and c.i < obj.i), None)) is not None:
            obj, label = named, obj
        elif label is None and obj is not None:
            # "called the trial of the fishermen ‘a farce’": the quoted words hung on the last noun
            label = next((t for t in obj.subtree if t.dep_ == "appos" and t.i > 0
                          and any(q.is_quote for q in t.doc[max(0, t.left_edge.i - 1):t.left_edge.i + 1])), None)
        if obj is None or label is None:
            return None
        if obj.lower_ == "what":
            # "met on Wednesday, in what officials described as a cautious restart": how someone saw
            # the event told in the main clause, not an act towards anyone
            return None
        self.consumed.add(obj.i)  # "called the trial ‘theatre’": the trial is what is judged, not reported
        words = self.document.text[label.left_edge.idx:label.right_edge.idx + len(label.right_edge.text)]
        praise = _sentiment(words) >= 0.25
        source = self.party(subject_of(verb))
        target = self.party(obj)
        if source is None:
            return None
        if target is None or target.actor_id == source.actor_id:
            target = self.counterpart_of(source)
        return self.event(verb, "051" if praise else "111", source, target)

    def received_by_pronoun(self, verb: Token) -> Event | None:
        """"A normal step would be a public apology. We have not received one", "had asked for advance
        notification and had not yet received it": receiving (or not) what a pronoun points back to,
        an event noun just before, is that event done (or not) to the receiver by the other side."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if verb.lemma_.lower() not in RECEIVING | {"get"} or obj is None or obj.lower_ not in ("one", "it", "any"):
            return None
        floor = verb.doc[verb.sent.start - 1].sent.start if verb.sent.start > 0 else verb.sent.start
        antecedent = next((t for t in reversed(verb.doc[floor:verb.i]) if t.pos_ == "NOUN" and self.noun_code(t)),
                          None)
        while antecedent is not None and antecedent.dep_ == "pobj" and antecedent.head.lower_ == "of" \
                and antecedent.head.head.pos_ == "NOUN" and self.noun_code(antecedent.head.head):
            antecedent = antecedent.head.head  # "notification of the exercises": the notification
        if antecedent is None:
            return None
        subject, current = subject_of(verb), verb
        while subject is None and current.dep_ in ("conj", "advcl") and current.head.i != current.i:
            current = current.head  # "had asked for notification, as foreseen in the rules, and had not received it"
            subject = subject_of(current)
        receiver = self._speaker_of_clause(verb) if subject is not None and subject.lower_ in ("we", "i") \
            else self.party(subject)
        if receiver is None or (giver := self.counterpart_of(receiver)) is None:
            return None
        return self.event(verb, self.noun_code(antecedent) or "", giver, receiver)

    def deaths_by_other_side(self, verb: Token) -> Event | None:
        """"Two Kestrian servicemen died after their patrol crossed into the Valdorian half": men under
        arms of one state who died, told without a cause ("died in a crash", "of their wounds") and with
        the document's other side named in that sentence or the one before or after, were attacked
        by that side (told from the victims' side); coded by the weapon the article names."""
        if verb.lemma_.lower() not in DYING or verb.pos_ != "VERB":
            return None
        subject = subject_of(verb)
        subject = _counted_referent(subject) or subject
        if subject is None or subject.lemma_.lower() not in UNIFORMED or any(
                c.dep_ == "prep" and c.lower_ in ("in", "of", "from", "after") and any(
                    o.dep_ == "pobj" and o.pos_ == "NOUN" for o in c.children) for c in verb.children):
            return None
        if any(self._names_attack(t) for t in verb.sent if t.i != verb.i):
            return None  # "troops opened fire on a patrol; three guards died": the attack is coded on its word
        if any(t.lemma_.lower() in MISHAPS for t in verb.sent):
            return None  # "died after their truck overturned near the border": no one's attack
        victims = self.party(subject)
        if victims is None or victims.country is None or (other := self.counterpart_of(victims)) is None:
            return None
        sentences = list(self.sdoc.sents)
        at = next(i for i, sentence in enumerate(sentences) if sentence.start <= verb.i < sentence.end)
        near = sentences[max(0, at - 1)].start_char, sentences[min(len(sentences) - 1, at + 1)].end_char
        if not any(m.country == other.country and near[0] <= m.start < near[1] for m in self.mentions + self.places):
            return None
        return self.event(verb, self._weapon_named(), other, victims)

    def _names_attack(self, token: Token) -> bool:
        code = self.verb_code(token) if token.pos_ == "VERB" else \
            self.noun_code(token) if token.pos_ == "NOUN" else None
        return code is not None and code[:2] in ("18", "19", "20")

    def _weapon_named(self) -> str:
        """The CAMEO code of the one kind of weapon the document names, else 190 (conventional force)."""
        words = {t.lower_ for t in self.sdoc} | {t.lemma_.lower() for t in self.sdoc}
        kinds = [code for code, named in WEAPON_WORDS.items() if words & named]
        return kinds[0] if len(kinds) == 1 else "190"

    def left_unanswered(self, verb: Token) -> Event | None:
        """"Kestria's request for consultations, sent to Brask in February, has gone unanswered": the
        one it was sent to has not answered its sender (CONSULT 040, negated)."""
        if verb.lemma_.lower() not in ("go", "remain", "stay") or not any(
                c.dep_ in ("acomp", "oprd") and c.lower_ == "unanswered" for c in verb.children):
            return None
        asked = subject_of(verb)
        if asked is None or asked.pos_ != "NOUN":
            return None
        owner = next((c for c in asked.children if c.dep_ == "poss"), None)
        sender = self.party(owner) or self._speaker_of_clause(verb)
        sent = next((c for c in asked.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in TRANSFER_VERBS),
                    None)
        recipient = self.party_or_place(_recipient_of(sent)) if sent is not None else None
        if sender is None:
            return None
        found = self.event(verb, "040", recipient or self.counterpart_of(sender), sender)
        return replace(found, mode="negated", score=score_of(found.category, None, "negated")) if found else None

    def put_into_service(self, verb: Token) -> Event | None:
        """"The high-voltage line linking Sarnovia and Kestria entered service", "the Velmar–Dorrun power line came
        into service": works joining two states put to use are the two states' economic cooperation (``joint_works``
        in events.json), between the two states its phrase names."""
        works = event_lexicon()["joint_works"]
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        told = _verb_complements(verb)
        if not told & set(works["passive_verbs"] if passive else works["phrases"]):
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lemma_.lower() not in works["nouns"]:
            return None
        left, right = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
        countries: list[str] = []
        for m in sorted(self.mentions + self.places, key=lambda m: m.start):
            if left <= m.start < right and m.country and m.country not in countries:
                countries.append(m.country)
        if len(countries) != 2:
            return None  # works within one state, or naming a third ("that does not depend on Valdoria")
        return self.event(verb, works["code"], state(countries[0]), state(countries[1]))

    def verb_event(self, verb: Token) -> Event | None:
        if verb.dep_ == "amod" and not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children):
            return None  # "eleven detained Kestrian students": a description, not a report
        if (judged := self.characterisation(verb)) is not None:
            return judged
        if (unanswered := self.left_unanswered(verb)) is not None:
            return unanswered
        if (works := self.put_into_service(verb)) is not None:
            return works
        if (received := self.received_by_pronoun(verb)) is not None:
            return received
        if (deaths := self.deaths_by_other_side(verb)) is not None:
            return deaths
        if _describes_noun(verb) and not (verb.dep_ != "pcomp" and self._same_kind(verb, verb.head)):
            return None  # but what an event is held for ("a rally in Lagos to protest …") tells that event
        cameo = self.verb_code(verb)
        if verb.lemma_.lower() == "undertake" and any(c.dep_ == "dobj" and c.pos_ == "NOUN" and self.noun_code(c)
                                                      for c in verb.children):
            return None  # "undertook a mediation mission": the mission is the event (not a promise)
        phrases = verb_phrase_index().get(verb.lemma_.lower(), {})
        gerund = next((c for c in verb.children
                       if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.lemma_.lower() in phrases), None)
        if cameo is not None and gerund is not None:
            self.consumed.add(gerund.i)  # "stop talking" is one event
        if cameo is not None and cameo.startswith("084") and (kept := self._to_house_arrest(verb)) is not None:
            cameo = "081"  # "decided to release him … and to change his detention to house arrest": eased, not freed
            self.consumed.update(t.i for t in kept)
        warning = cameo is None and verb.pos_ == "VERB" and self.announced(verb) and is_warning(verb)
        if warning:
            # "Valdoria would respond", "will bear the responsibility for what follows"; "will be
            # answered with force" threatens force
            cameo = "138" if any(c.dep_ == "prep" and c.lower_ in ("with", "by") and any(
                g.lemma_.lower() == "force" for g in c.children) for c in verb.children) else "130"
        if cameo is None or verb.pos_ != "VERB" or _vague(verb):
            return None
        reduced = _reduced_relative(verb)
        if reduced and not self._dated(verb):
            return None  # "The lorries impounded at Harl Pass have not been returned": what the lorries are
        reporter = _continues_reporting(verb)
        passive = any(c.dep_ == "auxpass" for c in verb.children) or (_shares_passive(verb) and reporter is None) \
            or _participle_of_noun(verb) or reduced or _detached_participle(verb)
        if verb.lemma_.lower() in ("block", "blockade") and cameo[:3] in ("172", "191") and not passive \
                and (doer := subject_of(verb)) is not None and doer.lemma_.lower() in CIVILIANS:
            cameo = "144"  # "paper workers blocked the bridge": civilians obstructing passage protest
        doers = [c for c in verb.children if c.dep_ == "agent" for c in c.children if c.dep_ == "pobj"] if passive \
            else [subject_of(verb)]
        if cameo[:2] in ("17", "18", "19") and any(d is not None and d.lemma_.lower() in PROTESTERS for d in doers):
            cameo = "145"  # "the embassy was demolished by protesters", "rioters attacked the police": riot
        elif cameo[:2] in ("18", "19") and not passive and _repressing(verb):
            cameo = "175"  # "police clashed with rioters", "troops fired on demonstrators": violent repression
        # a wire dateline ("VELMAR, 5 August (Basin Wire) - Sarnovia and Kestria signed") may be parsed
        # as a second subject: the one nearest the verb that names an actor is the subject (the
        # dateline, first, names the wire service)
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and passive and verb.dep_ == "conj" and (shared := subject_of(verb)) is not None:
            subjects = [shared]  # "… have not been returned": the subject of the verb it is joined to
        elif not subjects and (shared := _subject_left_on_participle(verb)) is not None:
            subjects = [shared]
        elif not subjects and _detached_participle(verb):
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "X appeared in court, charged with …"
        subject = next((c for c in reversed(subjects) if self.party(c) is not None), subjects[0] if subjects else None)
        subject = _counted_referent(subject) or subject  # "two servicemen died and a third was held": the servicemen
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        agent_obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        obj = _object_of(verb)
        source = self.party(agent_obj) if passive else self.party(subject)
        if not passive and source is None and verb.dep_ == "relcl" and subject is not None \
                and subject.lower_ in ("that", "which", "who") and cameo[:2] in CONFLICT_ROOTS:
            # "the Valdorian border troops who opened fire"; "its campaign against the militant group that has
            # seized parts of …": the group did it, and if the group is no side, no one named did
            source = self.party(verb.head)
            if source is None:
                return None
        target = self.party(subject) if passive else self.party(obj)
        if target is None and not passive and obj is not None and obj.dep_ == "dobj" and (
                shared := next((g for c in (*obj.children, *(verb.children if obj.lemma_.lower() in SHARED_THINGS
                                                             else ())) if c.dep_ == "prep" and c.lower_ == "with"
                                for g in c.children if g.dep_ == "pobj"), None)) is not None:
            target = self.party(shared)  # "closed its borders with Kestria", "cut its ties with Brask"
        protest = cameo[:2] == "14"  # those who protest together are no sides against each other
        if source is None and not passive and (pair := self.parties.both_sides(subject)):
            source, target = state(pair[0]), target or (None if protest else state(pair[1]))
        if protest and not passive and target is None and source is not None:
            target = self.protested_where(verb, source)
        if not passive and target is None and subject is not None and source is not None and not protest:
            # "Sarnovia and Kestria signed …", "Halvic and Demmin met": the second party is the target
            partner = next((self.party(c) for c in subject.children if c.dep_ == "conj"), None)
            if partner is not None and partner.country != source.country:
                target = partner
        if (causer := _object_complement(verb)) is not None:
            # "a court ordered both men held": the one ordering acts on the object
            source, target = self.party(subject_of(causer)), self.party(verb.head)
        if source is None and not passive and not subjects and reporter is not None:
            source = self.party(subject_of(reporter))  # "said X 'should have seen this coming' and urged Y to …"
        if source is None and not passive:
            source = self.party(subject_of(verb))
        if source is None and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            source = self.party(subject_of(verb.head.head))  # "closed the case without sharing …"
        if source is None and verb.dep_ in ("xcomp", "conj", "advcl", "relcl", "acl"):
            source = self.party(next((c for c in verb.head.children if c.dep_ == "nsubj"), None))
            if passive and source is not None and target is not None and source.actor_id == target.actor_id:
                source = None  # "two servicemen died, and a third was held": not by their own side
        if source is None and not passive and subject is not None and subject.pos_ == "NOUN" \
                and (code := self.noun_code(subject)):
            # "the lorry seizures broke the protocol": who seized, here or before
            named = self.noun_event(subject)
            source = self.parties.actor(named.source) if named else self.earlier_parties(subject, code)[0]
        if source is None and not passive and not _thing_as_subject(subject):
            source = self.nearest_before(verb)
        if passive and verb.dep_ in ("acl", "relcl") and not _content_clause(verb) and (
                (target is None and (subject is None or verb.dep_ == "acl"))
                or (subject is not None and subject.lower_ in ("who", "which", "that"))):
            # "Pell, who was arrested on 3 June" (but "the post from which the shots were fired" was not shot)
            target = self.party(verb.head)
        if warning and source is None:
            source = self._speaker_of_clause(verb)  # "“Any provocation will be answered with force,” Thale said"
        if passive and source is None and target is None and agent_obj is None and _thing_as_subject(subject):
            target = self.owner_of_thing(subject) or self.party(_recipient_of(verb))
        if passive and source is None and target is not None and cameo.startswith("161") \
                and self.parties.kind.get(target.actor_id) == "person" and target.country:
            # "Ambassador Wenn had been recalled from Dorrun": by his own state, from the state he served in
            source = state(target.country)
            target = self.counterpart_of(source)
        if passive and source is None and agent_obj is None and cameo[:2] in ("18", "19", "20") \
                and (fired_from := self._fired_from(verb)) is not None:
            # "a mortar bomb was fired at it from Kestria", "rockets were fired into Valdoria from
            # Kestrian territory": whence it came, at whom it was aimed
            source, target = fired_from, self._fired_at(verb) or target
        if passive and source is None and target is not None and not _someone_unnamed(agent_obj):
            # "the lorries were impounded", "the students were freed": done to one side, by the other
            # (but "ignored by the head of one of the agencies" names its doer, only not as an actor)
            source = self.counterpart_of(target)
        if (passive or verb.dep_ == "acl") and source is None and target is None and self._dated(verb):
            # "The lorries were impounded in June", "the protocol, signed in Brask in February": the
            # sides of the event of that kind reported before; reported again on the same day, it
            # is that event ("the compensation was paid on 3 September")
            earlier = self._earlier(verb, cameo)
            date = self.date_for(verb, verb.sent)
            if earlier is not None and not (date is not None and earlier.date == date.value):
                source, target = self.parties.actor(earlier.source), self.parties.actor(earlier.target)
        if passive and source is None and target is None and agent_obj is None and _thing_as_subject(subject) \
                and not _people(subject) and verb.dep_ not in ("relcl", "acl") \
                and (nearby := self._nearby_same_kind(verb, cameo)) is not None:
            # "detained two employees … The service said cameras had been seized": things taken in the
            # course of the act of that kind told just before, by the same side
            source, target = self.parties.actor(nearby.source), self.parties.actor(nearby.target)
        if source is not None and not passive and (pair := self.parties.both_sides(obj)) and source.country not in pair:
            target = state(pair[0])  # "hosted the two sides": a third party towards each (listed_targets)
        if cameo.startswith("10") and source is not None and target is not None and obj is not None \
                and obj.lemma_.lower() in UNDERGONE and target.country == source.country:
            # "demanded Pell's immediate release": asked of the side that holds its own national
            target = self.counterpart_of(source)
        if cameo[:2] == "11" and source is not None and not passive and (target is None or target.country is None) \
                and (complained := self.complained_of(verb, source)) is not None:
            # "complained to the United Nations over two Valdorian air raids": the side whose act it is
            target = complained
        if cameo[:3] == OCCUPY and target is not None and not target.country:
            # "mused about taking the Harn bridgehead": a place whose state the text does not give is held by no
            # one named, so the seizure is aimed as an act with no target named is (the other side of the
            # document's pair, ``event``)
            target = None
        if target is None and source is not None and not passive and cameo[:2] in ("18", "19", "20"):
            target = self.attacked_where(verb, source)  # "tanks fired four shells at targets in Brask"
        if target is None and source is not None and not passive and subject is not None:
            # "The Valdorian embassy in Dorrun suspended its operations", "Kestrian troops in Valdoria withdrew": a
            # side's mission or force placed in another state acts towards that state, not the document's other side
            target = self.stationed_in(subject, source)
        if target is None and source is not None and cameo[:3] in ("042", "043"):
            if _craft_travels(verb):
                return None  # "a passenger aircraft operated by <a national airline>, flying to <a city>"
            target = self.visited(verb, source)  # "arrived in Kabul", "attended the Beijing Olympics"
            if target is None and self.going_home(verb, source):
                return None  # "was released and flew to Brask": home, no visit
        trigger = verb
        if (promised := self.promised_action(verb, cameo)) is not None:
            # "promised to share the findings with Dorrun": one event, the intent to do what is promised
            complement, action = promised
            if action and (code := announced_code(action, "threat" if cameo.startswith("13") else "intent")):
                cameo = code
            target = target or self.party(_object_of(complement))
            if complement.i < verb.i and self.parties.quote_at(complement.idx) is not None:
                trigger = complement  # "“A legal assessment will be given …,” Demmin promised."
        return self.event(trigger, cameo, source, target)

    def stationed_in(self, subject: Token, source: Party) -> Party | None:
        """The other state a side's subject is placed "in" ("the Valdorian embassy in Dorrun" -> Kestria)."""
        return self._other_state_after(subject, source, ("in",))

    def complained_of(self, verb: Token, complainer: Party) -> Party | None:
        """The state that did what a complaint is "over" or "about": the one its words name."""
        heard = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                 for g in c.children if g.dep_ == "pobj"]
        for prep in (c for owner in (verb, *heard) for c in owner.children
                     if c.dep_ == "prep" and c.lower_ in ("over", "about")):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for word in obj.subtree:
                    party = self.party(word) if word.dep_ in ("amod", "compound", "poss", "nmod", "pobj") else None
                    if party is not None and party.country and party.country != complainer.country:
                        return state(party.country)
        return None

    def attacked_where(self, verb: Token, attacker: Party) -> Party | None:
        """"fired four shells at targets in Brask", "blew themselves up in Brask": an attack on no one
        named, in another state's place, is on that state."""
        owners = [verb, *(g for c in verb.children if c.dep_ in ("dobj", "prep")
                          for g in c.children if g.dep_ in ("pobj", "prep"))]
        owners += [g for o in owners if o.dep_ == "prep" for g in o.children if g.dep_ == "pobj"]
        return self.protested_where(verb, attacker, owners)

    def force_aimed_at(self, noun: Token, doer: Party) -> Party | None:
        """The other state an operation or strike is carried out in or against ("a special military operation in
        Armenia", "air strikes against Kestria"), named or by one of its places."""
        return self._other_state_after(noun, doer, ("in", "against", "on", "into"))

    def _other_state_after(self, token: Token, side: Party, prepositions: tuple[str, ...]) -> Party | None:
        """The state other than ``side``'s that a phrase after ``token`` names, itself or by one of its places."""
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in prepositions):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                found = self.party_or_place(obj)
                if found is not None and found.country and found.country != side.country:
                    return state(found.country)
        return None

    def protested_where(self, verb: Token, protesters: Party, owners: list[Token] | None = None) -> Party | None:
        """"activists staged a protest in Dorrun": a protest held in another state's place is aimed at
        that state."""
        owners = owners or [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        for prep in (c for owner in owners for c in owner.children if c.dep_ == "prep"
                     and c.lower_ in ("in", "outside", "at", "near")):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                span = obj.left_edge.idx, obj.idx + len(obj.text)
                place = next((m for m in self.places if span[0] <= m.start < span[1] and m.country), None)
                if place is not None and place.country != protesters.country:
                    return state(place.country)
        return None

    def _state_named_in(self, phrase: Token) -> Party | None:
        """The state a phrase names, itself or by a word in it ("from Kestrian territory", "across the border")."""
        for word in phrase.subtree:
            found = self.party_or_place(word)
            if found is not None and found.country:
                return found
        return None

    def _fired_from(self, verb: Token) -> Party | None:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        return self._state_named_in(prep) if prep is not None else None

    def _fired_at(self, verb: Token) -> Party | None:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "into", "on", "against")):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lower_ == "it" and verb.dep_ == "ccomp":
                return self.party(subject_of(verb.head))  # "Valdoria said a bomb was fired at it"
            if obj is not None and (found := self._state_named_in(obj)) is not None:
                return found
        return None

    def owner_of_thing(self, thing: Token) -> Party | None:
        """The state a thing belongs to when the phrase says so ("the Kestrian lorries"), else the state an
        earlier mention of the same thing, or of a thing of its kind, gave it ("All 63 Kestrian lorries … The lorries
        were impounded", "… all the vehicles were returned"): whose things a passive seizure or return is done to."""
        own = self.party(thing)
        if own is not None or not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                                      for c in thing.children):
            return own
        for earlier in reversed(thing.doc[:thing.i]):
            if earlier.pos_ == "NOUN" and _same_thing(earlier.lemma_.lower(), {thing.lemma_.lower()}):
                named = next((self.parties.at(c.idx, c.idx + len(c.text)) for c in earlier.children
                              if c.dep_ in ("amod", "compound", "poss")), None)
                if named is not None and named.kind == "state":
                    return named
        return None

    def _same_kind(self, verb: Token, noun: Token) -> bool:
        """A verb and an event noun of the same PLOVER type ("a rally … to protest")."""
        codes = (self.verb_code(verb), self.noun_code(noun))
        types = [plover_of(c)[0] if c and plover_of(c) else None for c in codes]
        return types[0] is not None and types[0] == types[1]

    def visited(self, verb: Token, visitor: Party) -> Party | None:
        """The state of the place a visit goes to, named in the verb's own phrases."""
        if visitor.kind not in ("person", "state"):
            return None  # "an aircraft flying to Velmar" visits no one
        spans = [clause_span(c) for c in verb.children if c.dep_ == "dobj"
                 or (c.dep_ == "prep" and c.lower_ in ("to", "in", "into", "at"))]
        place = next((m for m in self.places if any(left <= m.start < right for left, right in spans)
                      and m.country and m.country != visitor.country), None)
        return state(place.country) if place is not None else None

    def going_home(self, verb: Token, traveller: Party) -> bool:
        """Whether the places a verb of travel goes to are all in the traveller's own state."""
        spans = [clause_span(c) for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into")]
        places = [m for m in self.places if any(left <= m.start < right for left, right in spans) and m.country]
        return bool(places) and all(m.country == traveller.country for m in places)

    @staticmethod
    def _to_house_arrest(verb: Token) -> list[Token] | None:
        """The "house arrest" a release turns out to be, in the verb's clause or one joined to it
        (with the joined verb, which tells the same easing)."""
        phrases = [c for c in verb.children if c.dep_ == "prep"]  # "released him to house arrest"
        # "… and to change his detention to house arrest", joined to the verb or (misparsed) to its head
        joined = [*verb.children, *(verb.head.children if verb.dep_ in ("advcl", "xcomp") else ())]
        phrases += [c for c in joined if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i
                    and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
        for phrase in phrases:
            for token in phrase.subtree:
                if token.lemma_.lower() == "arrest" and any(c.lower_ == "house" for c in token.children):
                    return [token, phrase] if phrase.pos_ == "VERB" else [token]
        return None

    def promised_action(self, verb: Token, cameo: str) -> tuple[Token, str | None] | None:
        """The clause a verb of promising, agreeing or threatening governs ("promised to share …",
        "agreed that the commission would meet", "“…,” Demmin promised", "threatened to break
        relations") with the code of the action it names; the clause is then no event of its own."""
        threat = cameo.startswith("13") and verb.lemma_.lower() == "threaten"  # "threatened to break relations"
        agreed = cameo.startswith("03") and (lemma_of(verb) in future_codes()["intent_heads"]
                                             or any(c.dep_ == "dobj" for c in verb.children))
        if not (threat or agreed):
            return None
        complement = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")),
                          None)
        if complement is None and cameo.startswith("03"):
            # "reached a consensus to exchange information": what the agreement is to do
            complement = next((g for c in verb.children if c.dep_ == "dobj" for g in c.children
                               if g.dep_ == "acl" and g.pos_ == "VERB" and any(a.lower_ == "to" for a in g.children)),
                              None)
        if complement is None:
            return None
        self.consumed.add(complement.i)
        # "promised that the office would investigate … and that its findings would be handed to Dorrun":
        # one promise (but "promised to investigate and to pay compensation" promises two things)
        self.consumed.update(c.i for c in complement.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                             and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
        action = lexicon_code(complement) if complement.pos_ == "VERB" else None
        inner = next((c for c in complement.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
        if action is None and lemma_of(complement) in LIGHT_VERBS and inner is not None:
            # "agreed to begin drafting an agreement": what is begun is what is agreed
            self.consumed.add(inner.i)
            action = lexicon_code(inner)
        if action is None and lemma_of(complement) in LIGHT_VERBS:
            # "agreed to hold regular consultations": the light verb's object names the action
            obj = next((c for c in complement.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
            if obj is not None and (action := self.noun_code(obj)):
                self.consumed.add(obj.i)
        if action is not None and complement.pos_ == "VERB" and complement.head.i == verb.i:
            # "agreed to lift the sanctions", "threatened to impose import restrictions": the object is
            # what the promised act is done to, not an event of its own
            self.consumed.update(c.i for c in complement.children if c.dep_ == "dobj" and c.pos_ == "NOUN")
        return complement, action

    def person_in_sentence(self, trigger: Token, country: str | None) -> Party | None:
        sentence = trigger.sent
        people = [m for m in self.mentions if m.kind == "person" and m.country == country
                  and sentence.start_char <= m.start < sentence.end_char]
        return Party(people[0].actor_id, people[0].country, "person") if people else None

    def counterpart_of(self, party: Party) -> Party | None:
        """The other side of the document's main dyad, when the document is about that pair: an
        article on domestic politics that names a foreign state in passing has no other side; an
        opposition figure ("Opposition leader Farro called for a debate") speaks to their own government."""
        if party.actor_id in self.opposition:
            return None
        other = self.parties.main_counterpart(party.country, COUNTERPART_SHARE)
        return state(other) if other else None

    def noun_code(self, noun: Token) -> str | None:
        if (code := self.received_nouns.get(noun.lemma_.lower())) and self._received(noun) is not None:
            return code  # "face pressure from the police"
        for child in noun.children:
            if child.dep_ in ("compound", "amod") and child.i < noun.i:
                code = self.noun_phrases.get(f"{child.lemma_.lower()} {noun.lemma_.lower()}")
                if code:
                    return code
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "on")):
            # "an increase in transit fees" is a fee increase
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if code := self.noun_phrases.get(f"{obj.lemma_.lower()} {noun.lemma_.lower()}"):
                    return code
        if noun.lemma_.lower() in EFFORT_NOUNS and (aim := next((c for c in noun.children if c.dep_ == "compound"
                                                                and c.i == noun.i - 1), None)) is not None:
            return self.nouns.get(aim.lemma_.lower())
        if noun.lemma_.lower() in LEVIES and any(c.dep_ == "amod" and c.tag_ == "JJR" and c.lemma_.lower() in RAISED
                                                 for c in noun.children):
            return "163"  # "higher transit fees for Kestrian lorries", "steeper tariffs": a fee increase
        if noun.lemma_.lower() == "charge" and any(c.dep_ == "prep" and c.lower_ in ("of", "against")
                                                   for c in noun.children):
            return "112"  # "charges of gathering military information" (not "transit charges")
        return self.nouns.get(noun.lower_) or self.nouns.get(noun.lemma_.lower())

    def relations_pair(self, noun: Token) -> tuple[Party, Party] | None:
        """The two sides of "a crisis between our states", "no crisis in relations between A and B",
        "relations between A and B were in crisis"."""
        scope = [noun] + [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"
                          for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in RELATIONS]
        if noun.dep_ == "pobj" and noun.head.lower_ == "in":
            scope += [c for c in noun.head.head.children if c.dep_ == "nsubj" and c.lemma_.lower() in RELATIONS]
        for token in scope:
            for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "between"):
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is None:
                    continue
                pair = self.parties.both_sides(obj) or (self.parties.main_dyad() if self._bilateral(token) else None)
                if pair:
                    return state(pair[0]), state(pair[1])
                first, other = self.party(obj), self.party(next((c for c in obj.children if c.dep_ == "conj"), None))
                if first is not None and other is not None:
                    return first, other
        return None

    @staticmethod
    def _topic_of_inquiry(noun: Token) -> bool:
        """"the investigation into the shooting", "the findings of the inquiry": what an inquiry or a
        case is about is named, not reported again."""
        head = noun.head
        if noun.dep_ != "pobj" or head.lower_ not in ("into", "of", "about", "on", "over"):
            return False
        # the parser may hang "into the shooting" on the verb: "raised the investigation into the shooting"
        objects = [c for c in head.head.children if c.dep_ == "dobj"] if head.head.pos_ == "VERB" else []
        return head.head.lemma_.lower() in INQUIRY_NOUNS or any(o.lemma_.lower() in INQUIRY_NOUNS for o in objects)

    def _received(self, noun: Token) -> Party | None:
        """The subject of "received", "faced", "suffered" when ``noun`` (or the first of a list it
        ends) is its object: the one the event befell."""
        first = noun
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        verb = first.head
        if first.dep_ == "pobj" and first.head.lower_ == "to" and first.head.head.lower_ == "guilty" \
                and first.head.head.head.lemma_.lower() == "plead":
            return self.party(subject_of(first.head.head.head))  # "pleaded not guilty to charges of spying"
        if first.dep_ != "dobj" or verb.lemma_.lower() not in RECEIVING:
            return None
        return self.party(subject_of(verb))

    def _from_party(self, noun: Token) -> Party | None:
        """"pressure from law enforcement agencies", "an apology from Brask"."""
        for owner in (noun, noun.head):
            for prep in (c for c in owner.children if c.dep_ == "prep" and c.lower_ == "from"):
                if (found := self.party(next((c for c in prep.children if c.dep_ == "pobj"), None))) is not None:
                    return found
        return None

    def noun_event(self, noun: Token) -> Event | None:
        if self._topic_of_inquiry(noun) or (noun.dep_ == "pobj" and noun.head.lower_ == "from"
                                            and (self.noun_code(noun) or "")[:2] == "17"):
            return None  # "moved him from custody to house arrest": the state he leaves is not reported
        if self._alleged(noun):
            return None  # "allegations that it had played a role in the genocide": what is alleged, not told
        if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in FRAMEWORKS:
            return None  # "a format for regional cooperation", "a mechanism for consultations": what it is for
        if noun.dep_ == "pobj" and noun.head.head.dep_ == "dobj" and noun.head.head.head.pos_ == "VERB" \
                and (self.verb_code(noun.head.head.head) or "")[:2] == "12":
            return None  # "rejected an offer for direct talks", "rejected calls for sanctions": what is rejected
        if noun.pos_ == "NOUN" and (code := self.relation_nouns.get(noun.lemma_.lower())) \
                and (pair := self.relations_pair(noun)):
            return self.event(noun, code, *pair)  # "there is no crisis between our states"
        cameo = self.noun_code(noun)
        if cameo is None or noun.pos_ != "NOUN":
            return None
        if cameo[:2] == "04" and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in OWN_BODIES
                                     for c in noun.children):
            return None  # "told a cabinet meeting", "a party meeting": a side meeting its own people
        if cameo[:2] == "09" and any(c.dep_ == "amod" and c.lower_ == "own" for c in noun.children):
            return None  # "the border service had opened its own inquiry": into its own conduct
        source = target = None
        done_to_owner = noun.lemma_.lower() in UNDERGONE and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
        for child in noun.children:
            if child.dep_ == "poss" and done_to_owner:
                target = self.party(child)  # "their detention", "Pell's trial": who undergoes it
            elif child.dep_ == "poss":
                source = self.party(child)
            elif child.dep_ in ("amod", "compound") and child.i < noun.i:
                source = source or self.party(child)
            elif child.dep_ == "prep":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if cameo.startswith("087") and child.lower_ in ("from", "of"):
                    # "the withdrawal of its forces from Kestria": whose forces leave, and whence
                    found = self.party(obj)
                    source, target = (source, found or target) if child.lower_ == "from" else (found or source, target)
                elif child.lower_ in ("by", "from"):
                    source = self.party(obj) or source  # "an apology from Brask", "pressure from the police"
                elif child.lower_ == "between" and obj is not None and cameo.startswith("045"):
                    target = self.party(obj)  # "a mediation effort between Kestria and Valdoria": a third party's
                elif child.lower_ == "between" and obj is not None and (pair := self.parties.both_sides(obj)):
                    source, target = state(pair[0]), state(pair[1])  # "between the two presidents"
                elif child.lower_ == "between" and obj is not None:
                    source = self.party(obj)
                    other = next((c for c in obj.children if c.dep_ == "conj"), None)
                    target = self.party(other)
                elif child.lower_ == "of" and obj is not None and cameo[:2] in ("05", "06", "07") \
                        and noun.dep_ == "pobj" and noun.head.lower_ == "with" and source is None:
                    source = self.party(obj)  # "with the cooperation of the Azerbaijani side": it cooperates
                elif child.lower_ == "of" and obj is not None and cameo[:2] in ("04", "05", "06") and source is None \
                        and obj.tag_ in ("NNS", "NNPS") and (pair := self._two_named(obj)):
                    source, target = pair  # "the meeting of the presidents of Azerbaijan and Russia"
                elif child.lower_ in TARGET_PREPOSITIONS | {"of"}:
                    target = target or self.party(obj)
        if source is None and noun.dep_ == "pobj" and noun.head.lower_ == "behind" \
                and noun.head.head.lemma_.lower() == "be":
            source = self.party(subject_of(noun.head.head))  # "Kestria was behind the attacks": its attacks
        received = self._received(noun)
        if received is not None and source is None and (target is None or target.actor_id == received.actor_id):
            # "Azerbaijanis faced intimidation", "had not received the notification": done to the subject
            target = received
            source = self._from_party(noun) or self.counterpart_of(received)
        measured = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.lemma_.lower() in QUANTITY_NOUNS else noun  # "gave Kestria 5 million dollars of aid"
        if source is None and measured.dep_ == "dobj" and lemma_of(measured.head) in LIGHT_VERBS:
            # "held talks", "lodged a protest", "staged exercises": the light verb's subject acts
            doer = subject_of(measured.head)
            source = self.party(doer)
            if source is None and doer is not None and doer.lemma_.lower() in INSTITUTIONS:
                # "… remain in custody in Dorrun; a court extended their detention": the court of the state its
                # sentence is set in, not the person named last
                source = self.state_placed_in_sentence(measured.head)
            elif source is None and measured.head.tag_ in ("VBD", "VBZ", "VBP"):
                source = self.nearest_before(measured.head)  # the subject lost in a dateline the parser misread
            if target is None:  # "sent Brask a protest note", "handed a note to the embassy"
                target = self.party(_recipient_of(measured.head))
        if cameo[:2] == "15" and measured.dep_ == "dobj" and len(joint := self._joint_doers(measured.head)) >= 2:
            # "Kestria and Sarnovia held naval exercises": exercising together is military cooperation
            cameo, source, target = "062", state(joint[0]), state(joint[1])
        relative = next((c for c in noun.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in TRANSFER_VERBS),
                        None)
        if source is None and relative is not None:
            # "the protest note that Kestria handed to Ambassador Wenn"
            source = self.party(next((c for c in relative.children if c.dep_ == "nsubj"), None))
            target = target or self.party(_recipient_of(relative))
        elif target is None and relative is not None:
            # "Kestria's request for consultations, sent to Brask in February": the government it was sent to
            target = self.party_or_place(_recipient_of(relative))
        if source is None and cameo[:2] not in CONFLICT_ROOTS and noun.dep_ == "pobj" \
                and noun.head.lower_ in ("in", "to") and (verb := _verb_above(noun)) is not None \
                and (verb.lemma_.lower() in SAY_LEMMAS if noun.head.lower_ == "in"
                     else verb.lemma_.lower() not in STATIVE_VERBS):
            # "said in a protest note", "moved the journalist from custody to house arrest"
            source = self.party(subject_of(verb))
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
            target = target or (self.party(obj) if source is not None and obj is not None else None)
        if source is None and target is None and cameo[:2] in CONFLICT_ROOTS and noun.dep_ == "pobj" \
                and noun.head.lower_ == "in" and (engaged := self._engaged_in(noun.head.head)) is not None:
            # "rebels engaged the peacekeepers in a firefight", "held two fishermen in custody": the
            # subject does it to the object
            source, target = engaged
        if target is None and cameo[:2] in CONFLICT_ROOTS and noun.dep_ == "pobj" \
                and noun.head.head.pos_ in ("VERB", "AUX"):
            # "Pell remained in custody", "the two men have been in custody": the subject suffers it
            target = self.party(subject_of(noun.head.head))
        if source is None and target is not None and (
                cameo[:2] in CONFLICT_ROOTS or cameo[:3] in ("112", "115", "116")):
            # "the shooting of three Kestrian guards", "the arrest of two journalists", "the trial of
            # a Valdorian journalist": by the other side
            source = self.counterpart_of(target)
        if source is None and (interpreted := _interpreted(noun)) is not None:
            # "made a statement that many interpreted as an acknowledgment of responsibility": the
            # statement's maker
            owner = next((c for c in interpreted.children if c.dep_ == "poss"), None)
            maker = subject_of(interpreted.head) if interpreted.dep_ == "dobj" else None
            source = self.party(owner) or self.party(maker)
        if source is None and target is None and noun.dep_ == "attr" and cameo[:2] in CONFLICT_ROOTS | {"12"} \
                and (speaker := self._speaker_of_clause(noun.head)) is not None:
            # "“This is a breach of a signed agreement,” Corvel said": a wrong by the other side
            source = self.counterpart_of(speaker)
        if source is None and target is None and cameo[:2] == "04" and (host := self.host_of(noun)) is not None \
                and host.country in (self.parties.main_dyad() or ()):
            # "talks, held on 20 February at the Valdorian Foreign Ministry": the other side came to the host
            # (a third state hosting two others is not one of the sides)
            source, target = self.counterpart_of(host), host
        if source is None and target is None and self._dated(noun):
            source, target = self.earlier_parties(noun, cameo)
        if source is None and target is None and (self._bilateral(noun) or _named_event(noun)) \
                and (pair := self.parties.main_dyad()):
            # "a bilateral meeting"; "the «Iron Meadow» exercises": an event known by its name, between
            # the two states the document is about
            source, target = state(pair[0]), state(pair[1])
        if target is None and source is not None and (cameo[:3] == "138" or cameo[:2] in ("18", "19", "20")):
            # "could carry out a military operation in Armenia": force used, or threatened, in another state
            target = self.force_aimed_at(noun, source)
        if target is None and cameo[:2] == "11" and (speaker := self.maker_of_statements_before(noun)) is not None:
            # "… media figures such as Mira Tosk allow themselves sharp attacks … . Such statements meet with no
            # official condemnation": the condemnation (or its absence) is of the one who made them
            target = speaker
        return self.event(noun, cameo, source, target)

    def maker_of_statements_before(self, noun: Token) -> Party | None:
        """Who made the statements a pointing phrase on the noun's clause refers back to ("such statements", "these
        remarks"): the person named last before its sentence, at most STATEMENTS_BEFORE characters back."""
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subject is None or subject.lemma_.lower() not in STATEMENT_NOUNS or not any(
                c.dep_ in ("det", "amod") and c.lower_ in ("such", "these", "those") for c in subject.children):
            return None
        return self.parties.last_person_before(noun.sent.start_char, window=STATEMENTS_BEFORE)

    def _engaged_in(self, verb: Token) -> tuple[Party, Party] | None:
        """The subject and the object of an active verb whose object is drawn into what the verb's
        "in" phrase names, when both are sides of different states or persons."""
        if verb.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in verb.children):
            return None
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        source, target = self.party(subject_of(verb)), self.party(obj)
        if source is None or target is None or source.actor_id == target.actor_id:
            return None
        return source, target

    @staticmethod
    def _alleged(noun: Token) -> bool:
        """Whether a noun lies in what an accusation says the other side did (the clause or phrase an
        accusing verb or noun governs), not in its object."""
        child, above = noun, noun.head
        # (a reason or a time on the way is told: "to punish Kestria for its agreements", "since the shooting")
        while above.i != child.i and child.dep_ != "advcl" and not (
                child.dep_ == "prep" and child.lower_ in TEMPORAL_PREPOSITIONS | {"for", "over"}):
            lemma = above.lemma_.lower()
            if lemma in ALLEGATION_NOUNS and above.pos_ == "NOUN" and child.dep_ in ("acl", "relcl", "ccomp"):
                return True
            if lemma in CLAIMING | {"accuse"} and above.pos_ == "VERB" and (
                    child.dep_ == "ccomp" or (child.dep_ == "prep" and child.lower_ == "of")):
                return True
            child, above = above, above.head
        return False

    def host_of(self, noun: Token) -> Party | None:
        """The state a meeting is held at: an actor or a place of its named in "held at/in …"."""
        for held in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in ("hold", "host")):
            for prep in (c for c in held.children if c.dep_ == "prep" and c.lower_ in ("at", "in")):
                where = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if (found := self.party(where)) is not None and found.country:
                    return state(found.country)
                left, right = clause_span(prep)
                place = next((m for m in self.places if left <= m.start < right and m.country), None)
                if place is not None:
                    return state(place.country)
        return None

    @staticmethod
    def _bilateral(noun: Token) -> bool:
        """"a bilateral meeting", "no crisis between our states", "talks between the two sides"."""
        for child in noun.children:
            if child.dep_ == "amod" and child.lower_ in ("bilateral", "mutual"):
                return True
            if child.dep_ == "prep" and child.lower_ == "between":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() in ("state", "country", "side", "capital", "government",
                                                             "neighbour", "neighbor", "nation"):
                    return True
        return False

    def _dated(self, noun: Token) -> bool:
        """A bare mention that dates its event ("the shooting on 6 May", "the exercises last month")."""
        if noun.pos_ == "VERB":
            left, right = clause_span(noun)
        else:
            left, right = noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge.text)
        return any(left <= t.start < right and t.value for t in self.timexes)

    def earlier_parties(self, noun: Token, cameo: str) -> tuple[Party | None, Party | None]:
        """The parties of the same kind of event reported earlier in the document."""
        earlier = self._earlier(noun, cameo)
        return (self.parties.actor(earlier.source), self.parties.actor(earlier.target)) if earlier else (None, None)

    def _nearby_same_kind(self, verb: Token, cameo: str) -> Event | None:
        """The last event of the same CAMEO root told in the two sentences before this one or in it."""
        starts = verb.doc.user_data.get("sent_starts")
        if starts is None:
            starts = verb.doc.user_data["sent_starts"] = [s.start_char for s in verb.doc.sents]
        here = bisect_left(starts, verb.sent.start_char)
        floor = starts[max(0, here - 2)]
        return next((e for e in reversed(self.found) if e.cameo and e.cameo[:2] == cameo[:2]
                     and floor <= e.evidence.start < verb.idx), None)

    def _earlier(self, token: Token, cameo: str) -> Event | None:
        return next((e for e in reversed(self.found)
                     if e.cameo and e.cameo[:3] == cameo[:3] and e.evidence.start < token.idx), None)

    def event(self, trigger: Token, cameo: str, source: Party | None, target: Party | None) -> Event | None:
        if source is None:
            return None
        if target is not None and target.actor_id == source.actor_id:
            target = None  # "Halvic thanked the head of state": a role read as the doer names the other side
        source = self.voiced_by_speaker(trigger, source)
        if target is None and source.country and self.parties.kind.get(source.actor_id) != "media":
            # an event with no named target is aimed at the other side of the document's main dyad
            # (at its person named in the same sentence when a person acts: leaders deal with leaders)
            target = self.counterpart_of(source)
            if target is not None and self.parties.kind.get(source.actor_id) == "person":
                target = self.person_in_sentence(trigger, target.country) or target
        if not self.internal and (target is None or self._one_state(source, target, persons=False)):
            return None  # not dyadic, or internal to one state (its courts, its media, its opposition)
        if self.habitual(trigger, cameo) or self.in_prediction(trigger) or _asked_about(trigger) \
                or _condition(trigger) or _expected_of_others(trigger):
            return None
        if cameo in ("180", "190") and self.parties.kind.get(source.actor_id) == "person" \
                and target is not None and self.parties.kind.get(target.actor_id) == "person":
            cameo = "111"  # "Demmin attacked Halvic for …": one person attacking another is criticism
        if cameo in ("180", "190") and _attacks_in_words(trigger):
            cameo = "111"  # "attacked the proclamation", "attacked Kestria's decision": criticism, not assault
        mode = self.mode(trigger)
        if mode == "negated" and _refusal(trigger):
            cameo, mode = "120", "asserted"  # "we will not accept a version of events", "cannot agree with"
        if mode == "asserted" and (claimer := self.claimed_by(trigger, cameo, source)) is not None:
            # "the US claimed that ISIL had attacked Iraq", "Kestria said the seizures broke the
            # protocol": reporting the other side's wrong is accusing it
            cameo, source, target = "112", claimer, source
        announced = self.announced(trigger)
        if announced and trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" \
                and trigger.head.lemma_.lower() not in OCCURRING and trigger.head.pos_ == "VERB":
            return None  # "a defence pact would change the balance": what it would do, no event announced
        if announced and mode != "negated":
            if (code := announced_code(cameo, "intent")) and mode not in ("hypothetical", "demanded"):
                cameo, mode = code, "asserted"
            elif code and mode == "hypothetical":
                cameo = code  # "talks could start in the autumn if …": an intent, on a condition
            elif (code := announced_code(cameo, "threat")) and not self._scheduled(trigger):
                cameo = code  # but "will charge 40 percent more from 1 March" is a measure decided, with its date
        demander: Party | None = source
        if mode == "demanded" and _own_conditional_duty(trigger) and (code := announced_code(cameo, "threat")):
            # "If Dorrun keeps our journalists one more month, we should stop talking to them": what
            # the speaker's side would do on a condition is a threat
            cameo, mode = code, "hypothetical"
        if mode == "demanded" and (code := announced_code(cameo, "demand")):
            # "Russia insists that the sides agree", "Valdoria must release them": the demand is the
            # event, made by whoever insists (the speaker, or no one named) of the side that should act
            cameo, demander, target = code, self.demander(trigger), source
        coded = plover_of(cameo)
        if coded is None or (not self.internal and demander is not None and target is not None and coded[0] != "PROTEST"
                             and self._one_state(demander, target, persons=True)):
            return None
        category, plover_mode = coded
        if category == "THREATEN" and mode == "asserted" and self._conditional_modal(trigger):
            mode = "hypothetical"  # "said Valdoria would respond": a threat in "would" is conditional
        if category == "REQUEST" and mode == "asserted":
            mode = "demanded"  # a request is the demand itself
        sentence = trigger.sent
        date = self.date_for(trigger, sentence)
        text = self.document.text
        # the sentence, within the trigger's own line (the parser may run a heading into it)
        start = max(sentence.start_char, text.rfind("\n", 0, trigger.idx) + 1)
        line_end = text.find("\n", trigger.idx)
        end = min(sentence.end_char, line_end if line_end != -1 else len(text))
        while end > start and text[end - 1].isspace():
            end -= 1
        evidence = Evidence(self.document.doc_id, start, end, self.document.text[start:end])
        return Event(
            event_id="e-" + hashlib.sha256(f"{self.document.doc_id}:{trigger.idx}:{cameo}".encode()).hexdigest()[:16],
            doc_id=self.document.doc_id,
            category=category,
            cameo=cameo,
            source=demander.actor_id if demander else None,
            target=target.actor_id if target else None,
            source_country=demander.country if demander else None,
            target_country=target.country if target else None,
            date=date.value if date else None,
            date_text=date.text if date else None,
            mode=mode,  # type: ignore[arg-type]
            score=score_of(category, plover_mode, mode),
            evidence=evidence,
            trigger=Evidence(self.document.doc_id, trigger.idx, trigger.idx + len(trigger.text), trigger.text),
        )

    def visit_event(self, trigger: Token, cameo: str, visitor: Party, host: Party) -> Event | None:
        """A visit by one state to another told at a noun ("the summit in Ishtal", ``gatherings``): coded as it is,
        whatever the event checks would make of the noun's other words."""
        found = self.event(trigger, cameo, visitor, host)
        coded = plover_of(cameo)
        if found is None or coded is None:
            return None
        return replace(found, cameo=cameo, category=coded[0], source=visitor.actor_id, target=host.actor_id,
                       source_country=visitor.country, target_country=host.country,
                       score=score_of(coded[0], coded[1], "asserted"))

    def _one_state(self, source: Party, target: Party, persons: bool) -> bool:
        """Both sides of one state: its bodies, or (``persons``) two of its people ("the opposition
        leader urged Halvic to …", but a protest, a hunger strike against one's own president, is
        what protest coding is about); a state acting on one of its own people (a government condemning,
        or not, its presenter) still has that person as its other side."""
        if source.country is None or target.country != source.country:
            return False
        kinds = (self.parties.kind.get(source.actor_id), self.parties.kind.get(target.actor_id))
        return kinds[1] != "person" or (persons and kinds[0] == "person")

    # -- context

    def voiced_by_speaker(self, trigger: Token, source: Party) -> Party:
        """"Malk said Valdoria would respond": the minister acts for his state in saying so."""
        if self.parties.kind.get(source.actor_id, "state") != "state":
            return source
        speaker = self.parties.speaker_at(trigger.idx)
        if speaker is not None and speaker.kind == "person" and speaker.country == source.country:
            return speaker
        return source

    @staticmethod
    def _conditional_modal(trigger: Token) -> bool:
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else _governing(trigger)
        return verb is not None and any(c.lower_ in ("would", "could", "might")
                                        for c in verb.children if c.dep_ == "aux")

    def demander(self, trigger: Token) -> Party | None:
        """Who demands: the subject of "insists", "expects", "asks", else the quoted speaker."""
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else _governing(trigger)
        current = verb
        for _ in range(3):
            if current is None or current.head.i == current.i:
                break
            if current.dep_ in ("ccomp", "xcomp") and current.head.lemma_.lower() in DEMANDING_VERBS:
                return self.party(subject_of(current.head))
            current = current.head
        return self._speaker_of_clause(trigger)

    def mode(self, trigger: Token) -> str:
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else _governing(trigger)
        if trigger.dep_ == "pobj" and trigger.head.lower_ in TEMPORAL_PREPOSITIONS:
            verb = None  # "has not reopened it since the shooting": the shooting happened
        elif trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubjpass") and verb is not None \
                and verb.i == trigger.head.i and lemma_of(verb) not in LIGHT_VERBS and self.verb_code(verb):
            verb = None  # "has not withdrawn the protest note it handed to Wenn": the withdrawal is negated
        elif trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and verb is not None \
                and any(c.dep_ == "poss" for c in trigger.children) and lemma_of(verb) not in LIGHT_VERBS:
            verb = None  # "not expected to rule on Kestria's complaint": the complaint was made, the ruling is negated
        governing = verb.head if verb is not None and verb.dep_ in ("xcomp", "ccomp") and not _across_semicolon(verb) \
            and not _listed_clause(verb) else None
        if governing is not None and governing.pos_ == "ADJ" and governing.dep_ == "acomp":
            governing = governing.head  # "the US must be ready to mediate": the modal is on "be"
        for current in filter(None, (verb, governing)):
            # "closed the case without sharing": "without" negates what it governs, not its head
            children = [c for c in current.children if not (c.dep_ == "prep" and c.lower_ == "without")]
            if any(c.dep_ == "neg" or c.lower_ in self.negators for c in children) \
                    or (current.dep_ == "pcomp" and current.head.lower_ == "without"):
                return "negated"
            if current.i != (verb.i if verb is not None else -1) and current.lemma_.lower() in NEGATING_VERBS:
                return "negated"  # "failed to give notice", "denied that … were in crisis"
            auxes = [c.lower_ for c in children if c.dep_ in ("aux", "auxpass")]
            if any(a in self.demand for a in auxes):
                return "demanded"
            own_wish = verb is not None and verb.dep_ == "xcomp" and verb.head == current \
                and not any(c.dep_ in ("dobj", "dative") or _called_on(c) for c in current.children) \
                and not any(c.dep_ == "nsubj" for c in verb.children)
            if current.i != (verb.i if verb is not None else -1) and current.lemma_.lower() in DEMANDING_VERBS \
                    and not own_wish:
                # "insists that the sides agree", "expected Brask to respect" (but "wants to help" is
                # the subject's own wish)
                return "demanded"
            reported_future = "would" in auxes and _reported(current)
            if (any(a in self.hypothetical for a in auxes) and not reported_future) or self._conditional(current):
                return "hypothetical"
        if verb is not None and _speculated(verb):
            return "hypothetical"
        if verb is not None and (subject := subject_of(verb)) is not None and (
                subject.lower_ in ("nobody", "none", "neither") or any(
                    c.dep_ == "det" and c.lower_ in ("neither", "no") for c in subject.children)):
            return "negated"  # "neither side asked for one", "no country protested"
        if trigger.pos_ == "NOUN" and (any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children)
                                       or (trigger.head.lower_ in ("of",)
                                           and trigger.head.head.lemma_.lower() in ABSENCE_NOUNS)):
            return "negated"
        return "asserted"

    def habitual(self, trigger: Token, cameo: str) -> bool:
        """"Valdoria, which supplies a fifth of Kestria's electricity": a standing state of affairs,
        not an event (verbal acts in the present, "Kestria accuses them", still count)."""
        if cameo[:2] not in ("04", "05", "06", "07", "08", "15"):
            return False
        if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and lemma_of(trigger.head) in LIGHT_VERBS \
                and (trigger.head.tag_ == "VBZ" or trigger.head.dep_ == "relcl"):
            # "a government that signs its agreements in daylight": told by the verb (but "insists that the
            # sides hold talks" asks for them)
            trigger = trigger.head
        if any(c.dep_ in ("npadvmod", "dobj") and c.lemma_.lower() in RECURRING_UNITS
               and any(d.lower_ in ("every", "each") for d in c.children) for c in trigger.children):
            return True  # "a commission that is to meet every quarter": a standing arrangement
        auxes = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")}
        if not auxes and trigger.dep_ == "conj":  # "is owned and funded": the auxiliary is the first verb's
            auxes = {c.lower_ for c in trigger.head.children if c.dep_ in ("aux", "auxpass")}
        if trigger.tag_ in ("VBZ", "VBP") and not auxes and not (cameo[:2] == "05" and _reported_in_past(trigger)):
            return True  # (but "said that Sarnovia stands with Kestria" is support voiced then)
        if trigger.tag_ == "VB" and auxes and auxes <= {"does", "do"}:
            return True  # "Azerbaijan does not recognise the legal personality of the CIS"
        if trigger.tag_ == "VBN" and auxes and auxes <= {"is", "are"}:
            return True  # "a channel that is owned and funded by the Valdorian state"
        # "has supplied a fifth of its electricity for most of the past decade", "… since 2019"
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in trigger.children)
        # the span may hang on the object ("a fifth of Kestria's electricity for most of the past decade")
        near = [*trigger.children, *(t for c in trigger.children if c.dep_ == "dobj" for t in c.subtree)]
        spans = {c for c in near if c.dep_ == "prep" and c.lower_ in ("for", "since")
                 and (c.head == trigger or c.head.pos_ != "VERB")}
        # ("for one of its gunboats intercepting a ship" counts no time)
        lasting = any(g.lemma_.lower() in DURATION_WORDS or (g.like_num and (
            c.lower_ == "since" or g.head.lemma_.lower() in DURATION_WORDS | RECURRING_UNITS))
            for c in spans for g in c.subtree)
        # "has not reopened it since the shooting": what has not been done since is reported (negated)
        return perfect and lasting and not any(c.dep_ == "neg" for c in trigger.children)

    def in_prediction(self, trigger: Token) -> bool:
        """Inside a forecast in the author's own voice: that is a prediction, not a reported event."""
        quote = self.parties.quote_at(trigger.idx)
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else _governing(trigger)
        if (quote is None or quote.kind != "direct") and verb is not None and verb.dep_ == "ccomp" \
                and lemma_of(verb.head) in SAY_LEMMAS | EXPECTING \
                and any(c.dep_ == "aux" and c.lower_ in ("would", "will") for c in verb.children) \
                and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.head.children):
            return True  # "Last July I wrote that Demmin and Halvic would not meet before November"
        if quote is not None:
            return False
        return any(f.evidence.start <= trigger.idx < f.evidence.end
                   and (f.author is None or f.author == self.author_id) for f in self.forecasts)

    def announced(self, trigger: Token) -> bool:
        """Said to be going to happen rather than reported as done: "will pay", "said it would
        pay", "could close", "promised to share", "is ready to send"."""
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else _governing(trigger)
        if verb is None:
            return False
        heads = set(future_codes()["intent_heads"])
        if _speculated(verb):
            return True
        if verb.dep_ == "pcomp" and verb.head.lower_ == "to" and verb.head.head.lemma_.lower() in heads:
            return True  # "remained committed to lifting visa requirements"
        if trigger.pos_ == "NOUN" and verb.lemma_.lower() in STATIVE_VERBS | {"continue"}:
            return False  # "the ban will remain in force": it is in force
        current = verb
        for _ in range(3):
            auxes = {c.lower_ for c in current.children if c.dep_ in ("aux", "auxpass")}
            if auxes & {"will", "shall", "'ll", "wo", "would", "could", "might", "may"}:
                return True
            if current.dep_ in ("xcomp", "ccomp", "advcl") and lemma_of(current.head) in heads \
                    and not _temporal_clause(current):
                return True
            if current.dep_ == "acl" and current.head.lemma_.lower() in INTENT_NOUNS \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
                return True  # "an offer by Qarovia to host talks", "a pledge to send aid"
            if current.dep_ == "xcomp" and current.head.pos_ == "AUX" and any(
                    c.lower_ in heads for c in current.head.children if c.dep_ == "acomp"):
                return True
            if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
                return False
            current = current.head
        return False

    def _scheduled(self, trigger: Token) -> bool:
        """Whether a verb is given the day it takes effect ("from 1 March", "as of Monday")."""
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else _governing(trigger)
        if verb is None:
            return False
        for prep in (c for c in verb.subtree if c.dep_ == "prep" and c.lower_ in ("from", "as", "starting")):
            left, right = clause_span(prep)
            if any(left <= t.start < right and t.value for t in self.timexes):
                return True
        return False

    @staticmethod
    def _conditional(verb: Token) -> bool:
        return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)

    def date_for(self, trigger: Token, sentence: Span) -> Timex | None:
        """When it happened: a date attached to the trigger's own clause, else the sentence's only date. A noun
        event a light verb does, or that a verb of taking place tells of, undated by its own words, is dated by the
        verb's clause ("on 29 July, Kestria filed a complaint", "the trial opened yesterday")."""
        found = self._date_of_clause(trigger, sentence)
        light = trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and lemma_of(trigger.head) in LIGHT_VERBS
        # "the trial of X opened yesterday": the clause of the verb telling that it took place dates it too
        occurring = trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" and lemma_of(trigger.head) in TAKING_PLACE
        return self._date_of_clause(trigger.head, sentence) if found is None and (light or occurring) else found

    def _date_of_clause(self, trigger: Token, sentence: Span) -> Timex | None:
        left, right = trigger.left_edge.idx, trigger.right_edge.idx + len(trigger.right_edge.text)
        when = [t for t in self.timexes if t.value and self._point_in_time(t)]
        own = [t for t in when if left <= t.start and t.end <= right]
        in_sentence = [t for t in when if sentence.start_char <= t.start < sentence.end_char]
        # a date inside the subject ("VELMAR, 5 August (Basin Wire) - Sarnovia … signed … on Tuesday", a
        # dateline parsed as a subject) is not when the verb's act happened, when the clause has another
        subjects = [clause_span(c) for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
        outside = [t for t in own if not any(a <= t.start < b for a, b in subjects)]
        # a relative clause on a participant dates that clause's verb: "released Pell (who was arrested on
        # 30 June)" did not happen on 30 June; one on the event noun itself dates it ("the note it handed on Monday")
        nested = {id(t) for t in own if self._in_clause_of_another(t, trigger) or _in_antecedent(t, trigger)}
        own, outside = [t for t in own if id(t) not in nested], [t for t in outside if id(t) not in nested]
        if own:
            return min(outside or own, key=lambda t: abs(t.start - trigger.idx))
        if len(in_sentence) != 1 or id(in_sentence[0]) in nested:
            return None
        lone = in_sentence[0]
        if any(_answered(t) for t in (trigger, *trigger.ancestors)):
            # "launched missiles on Wednesday in response to the airstrike (that killed X)": the airstrike came before
            return None
        if _in_antecedent(lone, sentence.root):
            return None  # the date of what the act is placed against ("opened, a year after his arrest on 3 June")
        if self._in_relative_clause_apart(lone, trigger):
            return None  # "…, and the word, which both capitals used as recently as February, had vanished"
        if (clause := self._describing_clause(trigger)) is not None:
            a, b = clause_span(clause)
            if not a <= lone.start < b:
                return None  # "denounced on Wednesday the memoranda in which both agreed": agreed before
        return lone

    def _describing_clause(self, trigger: Token) -> Token | None:
        """The relative clause the trigger stands in when that clause tells what a thing is that the sentence's act
        comments on: "on Wednesday the ministers denounced the memoranda in which both agreed on borders and
        allowed troop deployments" — the agreeing and the deployments came before the denouncing; "the talks at
        which both agreed" or "met the envoy, where she denounced it" take place when the sentence's act does."""
        clause = next((a for a in (trigger, *trigger.ancestors) if a.dep_ == "relcl"), None)
        if clause is None:
            return None
        noun = clause.head
        if noun.pos_ not in ("NOUN", "PROPN") or (self.noun_code(noun) or "").startswith(OCCASION_ROOT):
            return None
        if any(c.lower_ in ("where", "when") for c in clause.children if c.i < clause.i):
            return None
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if noun.dep_ not in ("dobj", "pobj") or verb.pos_ != "VERB":
            return None
        code = self.verb_code(verb)
        return clause if code is not None and code.startswith(REACTION_CODES) else None

    def _in_relative_clause_apart(self, timex: Timex, trigger: Token) -> bool:
        """Whether a date stands in a relative clause on a noun that the trigger is not in: it dates that clause's
        verb."""
        return any(not clause.left_edge.i <= trigger.i <= clause.right_edge.i
                   for clause in self._relative_clauses_over(timex.start, timex.end))

    def _relative_clauses_over(self, start: int, end: int) -> list[Token]:
        """The relative clauses the words at ``start:end`` stand in, innermost first."""
        span = self.sdoc.char_span(start, end, alignment_mode="expand")
        return [] if span is None else [a for a in (span.root, *span.root.ancestors) if a.dep_ == "relcl"]

    @staticmethod
    def _in_clause_of_another(timex: Timex, trigger: Token) -> bool:
        """Whether a date under the trigger stands in a relative or participle clause on one of its participants
        ("released Pell, who was arrested on 30 June", "paid the families of the guards killed in May")."""
        for c in trigger.subtree:
            if c.i == trigger.i or c.head.i == trigger.i or c.pos_ not in ("VERB", "AUX"):
                continue
            if c.dep_ != "relcl" and not (c.dep_ == "acl" and c.tag_ == "VBN" and _participants(c.head)):
                continue
            a, b = clause_span(c)
            if a <= timex.start < b:
                return True
        return False

    def _object_of_coded_verb(self, noun: Token, coded_verbs: set[int]) -> bool:
        if any(c.dep_ in ("relcl", "acl") and c.lemma_.lower() in TRANSFER_VERBS for c in noun.children):
            return False  # "rejected the protest note that Kestria handed to Wenn": the note is an event too
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ in TEMPORAL_PREPOSITIONS:
            return False  # "has not reopened it since the shooting": the shooting is an event of its own
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        elif noun.dep_ not in ("dobj", "nsubjpass"):
            return False
        if lemma_of(head) in LIGHT_VERBS and head.i not in coded_verbs:
            return False  # "held talks": the noun is the event; "signed a memorandum": the verb is
        if head.i > noun.i:  # the verb comes later ("the sanctions were lifted"): code it first
            return self.verb_code(head) is not None and head.pos_ == "VERB"
        return head.i in coded_verbs

    def _point_in_time(self, timex: Timex) -> bool:
        """A date that says when something happened: not a duration's start ("held since June"),
        a deadline ("by 1 December", "until 2027") or the anchor side of "a month after"."""
        before = self.document.text[max(0, timex.start - 30):timex.start].lower().split()
        if len(before) >= 2 and before[-1] == "of" and before[-2] in PERIOD_PARTS:
            # "by the end of September": the deadline is the end of the period
            before = before[:-3] if len(before) >= 3 and before[-3] == "the" else before[:-2]
        if before and before[-1] in ("since", "until", "till", "by", "from", "before"):
            return False
        if re.search(r"\b(after|before)$", timex.text.lower()):
            # "The day before the talks": a point in time when the text dates the talks to the day
            return self._placed_against_dated_event(timex)
        return not re.search(r"\b(later|earlier)$", timex.text.lower())

    def _placed_against_dated_event(self, timex: Timex) -> bool:
        """Whether "… before/after <event>" names an event the text dates to the day (read once per expression:
        dating each trigger asks again)."""
        if self._anchored is None:
            spans = {(f.start, f.end) for f in find_expressions(self.document.text)}
            calendar = [t for t in self.timexes if (t.start, t.end) in spans]
            text = self.document.text
            self._anchored = {(t.start, t.end): named_event_day(text, t.start, t.end, calendar) is not None
                              for t in self.timexes if re.search(r"\b(after|before)$", t.text.lower())}
        return self._anchored.get((timex.start, timex.end), False)

    def find(self) -> list[Event]:
        events: dict[str, Event] = {}
        seen: dict[tuple[str, str | None, str | None], list[tuple[int, str]]] = {}
        coded_verbs: set[int] = set()
        for token in self.sdoc:
            if token.i in self.consumed:
                continue
            if token.pos_ == "NOUN" and self._object_of_coded_verb(token, coded_verbs):
                continue  # "lifted sanctions" is one event (the verb's), not two
            if token.pos_ == "VERB" and token.dep_ == "dobj" and token.head.i in coded_verbs:
                continue  # "gave Valdoria guarantees that …": a noun the tagger took for a verb, the object given
            found = self.verb_event(token) if token.pos_ == "VERB" else \
                self.noun_event(token) if token.pos_ == "NOUN" else None
            if found is None:
                continue
            if token.pos_ == "VERB" and self._part_of(token, events, coded_verbs):
                continue
            if token.pos_ == "VERB" and (told := self._told_again(token, found, events)
                                         or self._same_dated_event(found, events)) is not None:
                self._retold(told, found, events)  # one event, counted once, reported here again
                continue
            if token.pos_ == "VERB" and self._content_of_same_kind(token, found, events, coded_verbs):
                continue
            if token.pos_ == "VERB":
                coded_verbs.add(token.i)
            if token.pos_ == "NOUN" and self._mentioned_before(token, found, seen):
                continue
            if token.pos_ == "NOUN" and (told := self._same_dated_event(found, events)) is not None \
                    and not self._another_of_kind(token, told):
                self._retold(told, found, events)  # "a call … in late July" told again with its month
                continue
            key = (found.category, found.source_country or found.source, found.target_country or found.target)
            seen.setdefault(key, []).append((token.sent.start, (found.cameo or "")[:3]))
            events.setdefault(found.event_id, found)
            self.found.append(found)
        for found in self.promise_events(list(events.values())):
            events.setdefault(found.event_id, found)
        for found in self.demand_events(list(events.values())):
            events.setdefault(found.event_id, found)
        for found in self.asked_events(events):
            events.setdefault(found.event_id, found)
        self.demanded_contents(events)
        for found in self.normative_demands(events):
            events.setdefault(found.event_id, found)
        for found in gathering_visits(self):
            events.setdefault(found.event_id, found)
        for found in self.at_their_meeting(list(events.values())):
            events[found.event_id] = found
        for found in list(events.values()):
            for other in self.listed_targets(found):
                events.setdefault(other.event_id, other)
        for found in list(events.values()):
            # "The journalists, Pell and Marl, … Kestria accuses them of spying": one event towards each
            group = self._pronoun_group(found)
            if len(group) < 2 or found.target in {m.actor_id for m in group}:
                continue
            events[found.event_id] = replace(found, target=group[0].actor_id, target_country=group[0].country)
            for mate in group[1:]:
                digest = hashlib.sha256(f"{found.event_id}:them:{mate.actor_id}".encode()).hexdigest()[:16]
                events.setdefault("e-" + digest, replace(found, event_id="e-" + digest, target=mate.actor_id,
                                                         target_country=mate.country))
        return sorted(events.values(), key=lambda e: (e.evidence.start, e.event_id))

    def at_their_meeting(self, events: list[Event]) -> list[Event]:
        """Two people's undated acts towards each other in an article telling one meeting of their states
        ("Specifically, Demmin apologized to Halvic …", "Demmin informed Halvic that …", in an article on
        their meeting on the sidelines of the summit in October 2025) happened at that meeting: they take its date (its
        month when the article gives it days apart). So does an act told in a clause on that meeting ("the meeting
        between Halvic and Demmin in Ishtal, where the Valdorian president made a statement …"). Not other meetings
        ("talks between Malk and Ruel" prepared it), nor when the article tells meetings of the pair in different
        months."""
        days: dict[frozenset[str], set[str]] = {}
        for e in events:
            if e.cameo and e.cameo[:2] == "04" and e.mode == "asserted" and e.date and len(e.date) >= 7 \
                    and e.source_country and e.target_country and e.source_country != e.target_country:
                days.setdefault(frozenset((e.source_country, e.target_country)), set()).add(e.date)
        dated = []
        for e in events:
            if e.date or e.mode != "asserted" or (e.cameo or "")[:2] == "04" \
                    or not e.source_country or not e.target_country:
                continue
            between_people = (e.source or "").startswith("person:") and (e.target or "").startswith("person:")
            if not between_people and not self._told_on_a_meeting(e):
                continue
            told = days.get(frozenset((e.source_country, e.target_country)), set())
            if len({d[:7] for d in told}) != 1:
                continue
            finest = max(told, key=len)
            dated.append(replace(e, date=finest if all(finest.startswith(d) for d in told) else finest[:7]))
        return dated

    def _told_on_a_meeting(self, event: Event) -> bool:
        """Whether the act is told in a relative clause of place or time on a meeting noun, or on the place of that
        meeting ("the meeting … in Ishtal, where the president made a statement", "the talks at which both
        agreed")."""
        if event.trigger is None:
            return False
        for clause in self._relative_clauses_over(event.trigger.start, event.trigger.end):
            relative = any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in clause.children) or any(
                c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children) for c in clause.children)
            if not relative:
                continue
            node = clause.head
            for _ in range(5):
                if node.pos_ == "NOUN" and (self.noun_code(node) or "").startswith(OCCASION_ROOT):
                    return True
                if node.dep_ not in ("pobj", "prep", "conj", "appos", "compound") or node.head.i == node.i:
                    break
                node = node.head
        return False

    def listed_targets(self, event: Event) -> list[Event]:
        """The same event towards each actor listed with its target ("could not accept a sovereign
        Armenia, or Georgia, or Azerbaijan", "spoke to Malk and Corvel"), and by each actor
        coordinated with its subject ("Halvic and Demmin said they would attack Sarnovia"): one event per
        pair, as dyadic coding counts them."""
        found = []
        if self._distributive(event):
            # "neither side asked for one", "each side accused the other": both ways
            digest = hashlib.sha256(f"{event.event_id}:reverse".encode()).hexdigest()[:16]
            found.append(replace(event, event_id="e-" + digest, source=event.target, target=event.source,
                                 source_country=event.target_country, target_country=event.source_country))
        clause = self._trigger_clause(event)
        pair = self.parties.both_sides(_object_of(clause)) if clause is not None else None
        for country in pair or ():
            if country not in (event.source_country, event.target_country) and event.target == pair[0]:
                digest = hashlib.sha256(f"{event.event_id}:target:{country}".encode()).hexdigest()[:16]
                found.append(replace(event, event_id="e-" + digest, target=country, target_country=country))
        if (other_side := self._mediated_other_side(event, clause)) is not None:
            # "Qarovian Foreign Minister Venz offered to host talks": a third party offers both sides
            digest = hashlib.sha256(f"{event.event_id}:target:{other_side}".encode()).hexdigest()[:16]
            found.append(replace(event, event_id="e-" + digest, target=other_side, target_country=other_side))
        doers = self._named_by_modifiers(subject_of(clause)) if clause is not None and event.category == "PROTEST" \
            else []
        for country in doers[1:] if doers and doers[0] == event.source_country else ():
            # "Valdorian and Sarnovian activists staged a protest in Dorrun": each side protests
            if country not in (event.source_country, event.target_country):
                digest = hashlib.sha256(f"{event.event_id}:source:{country}".encode()).hexdigest()[:16]
                found.append(replace(event, event_id="e-" + digest, source=country, source_country=country))
        for side, mates in (("target", self._listed_with_target(event)), ("source", self._coordinated_doers(event))):
            other = event.source_country if side == "target" else event.target_country
            for mate in mates:
                if mate.actor_id in (event.source, event.target) or (
                        mate.country in (None, other) if mate.kind != "person" else mate.country == other):
                    continue
                digest = hashlib.sha256(f"{event.event_id}:{side}:{mate.actor_id}".encode()).hexdigest()[:16]
                found.append(replace(event, event_id="e-" + digest,
                                     **{side: mate.actor_id, f"{side}_country": mate.country}))
        return found

    def _joint_doers(self, verb: Token) -> list[str]:
        """The states doing something together: "Kestria and Sarnovia", "Kestrian and Sarnovian warships"."""
        subject = subject_of(verb)
        if subject is None:
            return []
        found = dict.fromkeys(p.country for t in (subject, *(c for c in subject.children if c.dep_ == "conj"))
                              if (p := self.party(t)) is not None and p.country)
        found.update(dict.fromkeys(self._named_by_modifiers(subject)))
        return list(found)

    def _named_by_modifiers(self, noun: Token | None) -> list[str]:
        """The states of "Valdorian and Sarnovian activists", in order."""
        if noun is None:
            return []
        modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]
        modifiers += [g for c in modifiers for g in c.children if g.dep_ == "conj"]
        found: dict[str, None] = {}
        for modifier in sorted(modifiers, key=lambda t: t.i):
            span = self.sdoc[modifier.i:modifier.i + 1]
            party = self.parties.at(span.start_char, span.end_char)
            if party is not None and party.country:
                found.setdefault(party.country, None)
        return list(found)

    def _mediated_other_side(self, event: Event, clause: Token | None) -> str | None:
        """The second state of the document's pair when a third party offers to host or mediate
        between them and only one was taken as the target."""
        pair = self.parties.main_dyad()
        if clause is None or pair is None or event.source_country in pair or event.target_country not in pair \
                or event.target != event.target_country:
            return None
        words = {clause.lemma_.lower()} | {c.lemma_.lower() for c in clause.children if c.dep_ in ("xcomp", "ccomp")}
        if not words & MEDIATING:
            return None
        return pair[1] if event.target_country == pair[0] else pair[0]

    def _pronoun_group(self, event: Event) -> list[Mention]:
        """The people listed together in the sentence before ("bureau chief Pell and cameraman Marl")
        that "them", the object of the event's verb, stands for."""
        clause = self._trigger_clause(event)
        obj = _object_of(clause) if clause is not None and clause.pos_ == "VERB" else None
        if obj is None or obj.lower_ != "them" or clause.sent.start == 0:
            return []
        before = clause.doc[clause.sent.start - 1].sent
        people = sorted((m for m in self.mentions if m.kind == "person" and before.start_char <= m.start
                         and m.end <= before.end_char and m.country == event.target_country), key=lambda m: m.start)
        if len(people) < 2:
            return []
        return [people[0], *_list_mates(self.sdoc, people, 0)]

    def _distributive(self, event: Event) -> bool:
        clause = self._trigger_clause(event)
        subject = subject_of(clause) if clause is not None else None
        return subject is not None and any(c.dep_ in ("det", "predet") and c.lower_ in ("neither", "each", "either")
                                           for c in subject.children)

    def _trigger_clause(self, event: Event) -> Token | None:
        trigger = self.sdoc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand") \
            if event.trigger is not None else None
        clause = trigger.root if trigger is not None else None
        return clause if clause is None or clause.pos_ in ("VERB", "AUX") else _governing(clause)

    def _listed_with_target(self, event: Event) -> list[Mention]:
        """The mentions listed together ("A, B and C") with the event's target in the trigger's clause."""
        clause = self._trigger_clause(event)
        if event.target is None or clause is None:
            return []
        inside = sorted((m for m in self.mentions if event.evidence.start <= m.start and m.end <= event.evidence.end),
                        key=lambda m: m.start)
        left, right = clause_span(clause)
        named = [i for i, m in enumerate(inside) if m.actor_id == event.target and left <= m.start < right]
        if not named:
            return []
        anchor = min(named, key=lambda i: abs(inside[i].start - event.trigger.start))
        return _list_mates(self.sdoc, inside, anchor)

    def _coordinated_doers(self, event: Event) -> list[Mention]:
        """The actors coordinated with the subject that names the event's source, in the trigger's
        clause or in the verb of saying above it."""
        clause = self._trigger_clause(event)
        for verb in filter(None, (clause, clause.head if clause is not None and clause.dep_ == "ccomp" else None)):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            doers = [subject, *[c for c in subject.subtree if c.dep_ == "conj" and c.head.i in
                                {t.i for t in subject.subtree}]]
            parties = [self.parties.at(t.idx, t.idx + len(t.text)) for t in doers]
            if any(p is not None and p.actor_id == event.source for p in parties):
                return [Mention(0, 0, "", p.actor_id, p.kind, p.country, p.actor_id)
                        for p in parties if p is not None and p.actor_id != event.source]
        return []

    def claimed_by(self, trigger: Token, cameo: str, doer: Party) -> Party | None:
        """Who claims, alleges or charges that the other side did wrong (any conflictual act), or
        says that it broke its word (a violation): the accuser."""
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else _governing(trigger)
        quote = self.parties.quote_at(trigger.idx)
        if quote is not None and quote.kind == "direct" and quote.speaker and cameo[:2] in CONFLICT_ROOTS | {"12"}:
            # "“Brask is holding our drivers as collateral,” Corvel said": the other side's wrong,
            # in the speaker's own words, is the speaker's accusation
            speaker = self.parties.actor(quote.speaker)
            if speaker is not None and speaker.country and speaker.country != doer.country \
                    and speaker.actor_id != doer.actor_id:
                return speaker
        verb = _clause_told(verb) if verb is not None else None
        if verb is None or verb.dep_ != "ccomp":
            return None
        lemma = verb.head.lemma_.lower()
        violation = cameo.startswith(("128", "196"))
        if not ((lemma in CLAIMING and cameo[:2] in CONFLICT_ROOTS | {"11", "12", "13", "14", "15"})
                or (lemma in SAY_LEMMAS and violation) or lemma in ALLEGING):
            return None
        claimer = self.party(subject_of(verb.head))
        if claimer is None and lemma in CLAIMING and _thing_as_subject(subject_of(verb.head)):
            claimer = self.nearest_before(verb.head)  # "a report released in the Valdorian capital alleged"
        if claimer is None or claimer.actor_id == doer.actor_id or (
                claimer.country and claimer.country == doer.country):
            return None
        return claimer

    def _part_of(self, verb: Token, events: dict[str, Event], coded_verbs: set[int]) -> bool:
        """A verb that only adds to an event coded on the verb it depends on: its purpose of the same
        kind ("met Assad to discuss …"), the reason given for it ("jailed a student for helping
        militants", "criticised Valdoria for failing to …") or its outcome told by a participle
        ("opened fire on the patrol, killing two")."""
        head = verb.head
        triggers = {e.trigger.start for e in events.values() if e.trigger is not None}
        if verb.dep_ == "pcomp" and head.dep_ == "prep" \
                and head.lower_ in ("for", "of", "over", "by", "without", "with"):
            # "jailed him for helping", "initiated the meeting by discussing the crash": reason or means;
            # "closed the investigation without sharing its findings": how it was done; "charging its
            # neighbour with supporting dissidents": what it is charged with
            owner = head.head
            return owner.i in coded_verbs or any(c.idx in triggers for c in owner.children if c.dep_ == "dobj") \
                or (owner.lemma_.lower() in CLAIMING | {"accuse", "blame", "suspect", "convict"}
                    and (self.verb_code(owner) or "")[:2] == "11")
        if verb.dep_ == "acl" and head.idx in triggers:
            return True  # "the travel agreement, signed on Monday by …": the agreement's event
        if _participle_of_noun(verb) and _within_event(head, triggers, coded_verbs):
            return True  # "paid compensation to the families of the guards killed in May": whose families
        if verb.dep_ == "acl" and not self._dated(verb) and _object_complement(verb) is None and (
                _reason_of(head, triggers) or (head.dep_ == "dobj" and head.head.i in coded_verbs)
                or (verb.tag_ == "VBN" and verb.i > 0 and verb.nbor(-1).text != ","
                    and not any(c.dep_ == "agent" for c in verb.children) and self.party(head) is None
                    and (self.verb_code(verb) or "")[:2] in CONFLICT_ROOTS | {"06", "07", "08"})):
            # "gratitude for the information provided", "released one of the citizens detained on
            # Russian territory", "the quarrel over the lorries impounded at Harl Pass": what the thing
            # is, not another event (unless dated: "the students detained in Brask in June", or told
            # by whom; a verbal act, "a rights group charged on Saturday", is a verb the parser misread)
            return True
        code = self.verb_code(verb)
        category = plover_of(code)[0] if code and plover_of(code) else None
        if category is None:
            return False
        clauses = [c for v in (verb, *(c for c in verb.children if c.dep_ == "conj")) for c in v.children
                   if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as")
                                                for m in c.children)]
        if any(c.dep_ == "auxpass" for c in verb.children) and any(
                (cause := self.verb_code(c)) and (coded := plover_of(cause)) and coded[0] == category for c in clauses):
            return True  # "three guards were killed when Valdorian troops opened fire": the outcome of that attack
        if any(c.lower_ == "to" for c in verb.children) and (verb.dep_ == "advcl" or (
                verb.dep_ == "xcomp" and lemma_of(head) in LIGHT_VERBS
                and any(c.dep_ == "dobj" for c in head.children))):
            # "could launch an operation to take the bridgehead", "began a hunger strike to protest": what
            # the operation is for
            heads = {head.idx} | {c.idx for c in head.children if c.dep_ == "dobj"}
            if any(e.trigger is not None and e.trigger.start in heads for e in events.values()):
                return True
        if verb.dep_ in ("xcomp", "advcl") and head.i in coded_verbs and any(c.lower_ == "to" for c in verb.children):
            return any((e.trigger or e.evidence).start == head.idx and e.category == category for e in events.values())
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in verb.children):
            # "launched rocket fire against the camps, killing 50": the same attack
            sentence = verb.sent
            return any(e.category == category and e.trigger is not None
                       and sentence.start_char <= e.trigger.start < verb.idx for e in events.values())
        return False

    def _told_again(self, verb: Token, found: Event, events: dict[str, Event]) -> Event | None:
        """An event of the same kind between the same states as one reported before it, told again in a
        passive whose subject points back ("the memorandum") and whose agent names the doers
        ("Sarnovia and Kestria signed a memorandum … The memorandum was signed in Velmar by Sarnovian
        Prime Minister …"), on the same day if it gives one; or, with no agent, whose subject is the thing
        the earlier event was done to."""
        sides = {found.source_country, found.target_country}
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        titled = subject is not None and subject.pos_ == "PROPN"  # "Ambassador Lothar Wenn"
        if subject is None or not (titled or (subject.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subject.children))):
            return None
        same = [e for e in events.values() if e.cameo[:3] == found.cameo[:3]
                and {e.source_country, e.target_country} == sides and e.evidence.start < found.evidence.start]
        if self.party(agent) is not None and not titled:
            return next((e for e in reversed(same) if found.date in (None, e.date)), None)
        # "Valdoria has paid compensation … the compensation was paid on 3 September", "recalling its
        # ambassador … Ambassador Wenn had been recalled": the one the earlier event was done to, pointed
        # back to (its date may be told only now)
        names = {subject.lemma_.lower()} | {c.lemma_.lower() for c in subject.children if c.dep_ == "compound"}
        told = next((e for e in same if _same_thing(self._objectlemma(e), names)), None)
        if told is not None and told.date is None and found.date is not None:
            told = self._date_retold(told, found, events)  # the undated first report takes the date told now
        return told

    def _date_retold(self, told: Event, found: Event, events: dict[str, Event]) -> Event:
        return self._replace_found(replace(told, date=found.date, date_text=found.date_text), events)

    def _another_of_kind(self, noun: Token, told: Event) -> bool:
        """Whether a noun names another event of the kind told before: "a second round of talks", "the shelling of
        Orvik" after a shelling of Brask (a place the first report does not name)."""
        if any(c.lower_ in ANOTHER for c in noun.children if c.dep_ in ("amod", "det", "nummod")):
            return True
        left, right = clause_span(noun)
        told_text = self.document.text[told.evidence.start:told.evidence.end]
        return any(left <= m.start < right and self.document.text[m.start:m.end] not in told_text
                   for m in self.places)

    def _retold(self, told: Event, found: Event, events: dict[str, Event]) -> None:
        """A report told again in a later sentence of its document: counted once, its sentence a further report of it
        (``also_reported_in``, which linking extends with the reports of other documents)."""
        told = events.get(told.event_id, told)
        if found.evidence != told.evidence and found.evidence not in told.also_reported_in:
            self._replace_found(replace(told, also_reported_in=(*told.also_reported_in, found.evidence)), events)

    def _replace_found(self, changed: Event, events: dict[str, Event]) -> Event:
        events[changed.event_id] = changed
        self.found = [changed if e.event_id == changed.event_id else e for e in self.found]
        return changed

    def _objectlemma(self, event: Event) -> str | None:
        """What an event was done to: its verb's object, or the subject of its passive verb ("all the vehicles were
        returned")."""
        span = self.sdoc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand") \
            if event.trigger is not None else None
        obj = next((c for c in span.root.children if c.dep_ == "dobj"), None) if span is not None else None
        if obj is None and span is not None and any(c.dep_ == "auxpass" for c in span.root.children):
            obj = next((c for c in span.root.children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN"), None)
        return obj.lemma_.lower() if obj is not None else None

    @staticmethod
    def _content_of_same_kind(verb: Token, found: Event, events: dict[str, Event], coded_verbs: set[int]) -> bool:
        """"warned that Valdoria would respond": a clause told by a verb coded as an event of the same
        type, saying no more than that event's code ("would respond", 130, under "warned", 130), is
        its content, not another event ("demanded that Valdoria release them" says what is demanded)."""
        head = verb.head
        if verb.dep_ == "conj" and head.i in coded_verbs and (found.cameo or "").startswith("03") \
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in verb.children):
            # "said that Valdoria would return the lorries … and that the case would be closed": one
            # statement of intent
            return any((e.trigger or e.evidence).start == head.idx and e.cameo.startswith("03")
                       and {e.source_country, e.target_country} == {found.source_country, found.target_country}
                       for e in events.values())
        if verb.dep_ != "ccomp" and found.cameo == "112" and (told := _clause_told(verb)).dep_ == "ccomp":
            verb, head = told, told.head  # "alleged that … and that the military helped": one allegation
        return verb.dep_ == "ccomp" and head.i in coded_verbs and any(
            (e.trigger or e.evidence).start == head.idx and e.category == found.category
            and (found.cameo or "").startswith(e.cameo.rstrip("0")) and len(found.cameo or "") <= len(e.cameo)
            for e in events.values())

    @staticmethod
    def _same_dated_event(found: Event, events: dict[str, Event]) -> Event | None:
        """An event of the same kind between the same states, given the same date, as one reported before
        it: told again ("They first met in Ishtal in October … they met in Ishtal in October")."""
        if found.date is None or found.mode != "asserted":
            return None
        sides = {found.source_country, found.target_country}
        return next((e for e in events.values() if e.cameo[:3] == found.cameo[:3]
                     and {e.source_country, e.target_country} == sides
                     and e.date == found.date and e.evidence.start < found.evidence.start), None)

    def _two_named(self, phrase: Token) -> tuple[Party, Party] | None:
        """The first two actors of different states a plural phrase names ("the presidents of
        Azerbaijan and Russia", "the foreign ministers of Valdoria and Kestria")."""
        left, right = phrase.left_edge.idx, phrase.right_edge.idx + len(phrase.right_edge.text)
        named: list[Mention] = []
        for m in sorted(self.mentions, key=lambda m: m.start):
            if left <= m.start < right and m.country and all(m.country != n.country for n in named):
                named.append(m)
        if len(named) < 2:
            return None
        return tuple(Party(m.actor_id, m.country, m.kind) for m in named[:2])  # type: ignore[return-value]

    def _mentioned_before(self, noun: Token, found: Event,
                          seen: dict[tuple[str, str | None, str | None], list[tuple[int, str]]]) -> bool:
        """A noun naming an event of the same kind between the same sides as one reported before is
        a mention of it, not another event: in the same sentence ("signed a memorandum"), or later
        when it points back ("the apology", "Demmin's apologies", "the Demmin-Halvic meeting"). A
        mention that gives its own date ("the shooting on 6 May") is reported again; what someone
        faces, remains in, or is announced is new."""
        sides = (found.source_country or found.source, found.target_country or found.target)
        sentences = seen.get((found.category, *sides), [])
        if (found.cameo or "")[:2] in SHARED_ROOTS or (found.cameo or "")[:3] == "057":
            sentences = sentences + seen.get((found.category, sides[1], sides[0]), [])  # "the deal": either way
        if not sentences or found.mode == "negated":
            return False
        if noun.dep_ == "dobj" and lemma_of(noun.head) in PROLONGING and self._dated(noun.head):
            return False  # "a court extended their detention last month": a new act on the earlier one
        if _named_event(noun):
            # "the ‘Iron Meadow’ manoeuvres" are not the exercises told before unless so named
            return any(start != noun.sent.start and _name_of(noun) in noun.doc[start].sent.text
                       for start, _ in sentences)
        if noun.sent.start in {start for start, _ in sentences}:
            return True
        if (found.cameo or "")[:3] not in {code for _, code in sentences}:
            return False  # "the trial" after "a complaint": another kind of event
        if self._dated(noun) or self._received(noun) is not None or self.announced(noun) \
                or (noun.dep_ == "pobj" and noun.head.lower_ in ("in", "under")):
            return False
        return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
                   or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in noun.children)

    def demand_events(self, coded: list[Event]) -> list[Event]:
        """What a speaker says the other side must or should do is a demand (REQUEST): "any
        investigation must be joint, open and quick", "the route must benefit all parties"."""
        found = []
        for verb in self.sdoc:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
            if not auxes & self.demand or verb.i in self.consumed or any(c.dep_ == "neg" for c in verb.children):
                continue
            if "have" in auxes and verb.tag_ == "VBN":
                continue  # "should have seen this coming", "must have known": a reproach or a guess about the past
            if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in KNOWING:
                continue  # "Moscow understands that the young country must go through a difficult stage"
            left, right = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge.text)
            if any(left <= (e.trigger or e.evidence).start < right for e in coded + found):
                continue
            speaker = self._speaker_of_clause(verb)
            if speaker is None or speaker.country is None:
                continue
            subject = subject_of(verb)
            if subject is not None and (subject.lemma_.lower() in INSTITUTIONS or _own_matter(subject)) \
                    and self.party(subject) is None and self._state_named_in(subject) is None:
                # "the government should stop pretending", "the gun laws should be changed": named for no state,
                # the speaker's own
                continue
            if subject is not None and (subject.pos_ == "PRON" or (
                    (own := self.party(subject)) is not None and own.country == speaker.country)):
                continue  # "nobody should read anything into this", "we must", "our government should"
            named = [m for m in self.mentions if left <= m.start < right and m.country and m.country != speaker.country]
            target = Party(named[0].actor_id, named[0].country, named[0].kind) if named \
                else self.counterpart_of(speaker)
            event = self.event(verb, "100", speaker, target)
            if event is not None:
                found.append(event)
        return found

    def asked_events(self, coded: dict[str, Event]) -> list[Event]:
        """"Kestria would ask the Council to appoint experts", "Dorrun expected Brask to respect the
        ceiling", "asked that its findings be handed over": asking or expecting someone to act is a
        request (REQUEST), of what the clause names when it is coded; what is asked for is then no
        event of its own."""
        found = []
        for verb in self.sdoc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in ASKING:
                continue
            if any((e.trigger or e.evidence).start == verb.idx for e in coded.values()):
                continue  # "asked for consultations" is coded already
            complement = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")
                               and not any(m.lower_ in ("whether", "if") or m.tag_ in ("WDT", "WP", "WRB")
                                           for m in c.children)), None)
            if complement is None:
                continue
            asked = _object_of(verb) if verb.lemma_.lower() != "expect" else None
            asked = asked or next((c for c in complement.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            left, right = clause_span(complement)
            inside = [e for e in coded.values() if left <= (e.trigger or e.evidence).start < right]
            source = self.party(subject_of(verb))
            if source is None:
                continue
            target = self.party(asked) or self.counterpart_of(source)
            if target is None or target.country == source.country:
                continue  # "she expected both presidents to meet" is a forecast, not a demand
            action = next((e.cameo for e in inside if e.cameo and e.category != "REQUEST"), None)
            if action is None and complement.pos_ == "VERB":
                action = lexicon_code(complement)
            cameo = (announced_code(action, "demand") if action else None) or "100"
            event = self.event(verb, cameo, source, target)
            if event is None:
                continue
            for other in inside:
                del coded[other.event_id]
            found.append(event)
        return found

    def demanded_contents(self, coded: dict[str, Event]) -> None:
        """"demanded that its partners refuse to recognise Macedonia", "urged Kestria to release the
        lorries": what a demand asks for is part of the demand (coded from it when the demand names
        nothing more), not an event of its own."""
        for request in [e for e in coded.values() if e.category == "REQUEST" and e.trigger is not None]:
            span = self.sdoc.char_span(request.trigger.start, request.trigger.end, alignment_mode="expand")
            verb = span.root if span is not None else None
            if verb is None or verb.pos_ != "VERB" or request.event_id not in coded:
                continue
            for complement in (c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")):
                left, right = clause_span(complement)
                inside = [e for e in coded.values() if e.trigger is not None and left <= e.trigger.start < right]
                for event in inside:
                    del coded[event.event_id]
                asked = inside[0].cameo if inside else None
                code = asked if asked and asked.startswith("10") else announced_code(asked, "demand") if asked else None
                if code and request.cameo == "100" and (plover := plover_of(code)):
                    coded[request.event_id] = replace(request, cameo=code, category=plover[0])

    def normative_demands(self, coded: dict[str, Event]) -> list[Event]:
        """"A normal and expected step would be a public apology from Brask", "the natural step for
        Valdoria would be to return the lorries": what the speaker (or the author) holds the other side ought
        to do is a demand; an action coded inside it is what is demanded, not an event of its own."""
        found = []
        for step in self.sdoc:
            if step.dep_ != "nsubj":
                continue
            verb = step.head
            if verb.lemma_ != "be" or not (
                    step.lemma_.lower() in NORMATIVE_NOUNS
                    and any(t.lemma_.lower() in NORMATIVE_WORDS for t in step.subtree if t.i < step.i)):
                continue
            complement = next((c for c in verb.children if c.dep_ in ("attr", "xcomp", "ccomp")), None)
            if complement is None:
                continue
            left, right = clause_span(complement)
            inside = [e for e in coded.values() if left <= (e.trigger or e.evidence).start < right]
            speaker = self._speaker_of_clause(verb)
            target = self.parties.at(step.left_edge.idx, step.right_edge.idx + len(step.right_edge.text))
            target = target or self.party(complement) or (inside[0] and self.parties.actor(inside[0].source)
                                                         if inside else None)
            if target is None and speaker is not None:
                target = self.counterpart_of(speaker)
            if target is None or (speaker is not None and target.country == speaker.country):
                continue
            action = inside[0].cameo if inside else (
                self.noun_code(complement) if complement.pos_ == "NOUN" else lexicon_code(complement))
            cameo = (announced_code(action, "demand") if action else None) or "100"
            for event in inside:
                del coded[event.event_id]
            found.append(self._plain_event(step, cameo, speaker, target, "demanded"))
        return found

    def _plain_event(self, trigger: Token, cameo: str, source: Party | None, target: Party, mode: str) -> Event:
        """An event whose parties and mode are settled by the caller (the source may be the author)."""
        doc_id = self.document.doc_id
        category, plover_mode = plover_of(cameo) or ("REQUEST", None)
        sentence = sentence_in_line(self.document.text, trigger.sent, trigger.idx)
        date = self.date_for(trigger, trigger.sent)
        return Event(
            event_id="e-" + hashlib.sha256(f"{doc_id}:{trigger.idx}:{cameo}".encode()).hexdigest()[:16],
            doc_id=doc_id, category=category, cameo=cameo, source=source.actor_id if source else None,
            target=target.actor_id, source_country=source.country if source else None, target_country=target.country,
            date=date.value if date else None, date_text=date.text if date else None, mode=mode,  # type: ignore[arg-type]
            score=score_of(category, plover_mode, mode),
            evidence=Evidence(doc_id, sentence[0], sentence[1], self.document.text[sentence[0]:sentence[1]]),
            trigger=Evidence(doc_id, trigger.idx, trigger.idx + len(trigger.text), trigger.text),
        )

    def _speaker_of_clause(self, verb: Token) -> Party | None:
        quote = self.parties.quote_at(verb.idx)
        if quote is not None and quote.speaker:
            return self.parties.actor(quote.speaker)
        return self._continued_quote_speaker(verb.idx)

    def _continued_quote_speaker(self, offset: int) -> Party | None:
        """"“We asked in February …,” she said. “A normal step would be to pick up the telephone.”": a
        quotation with no attribution of its own, right after one in the same paragraph, goes on with
        that speaker."""
        text = self.document.text
        line_start = text.rfind("\n", 0, offset) + 1
        opening = max(text.rfind(mark, line_start, offset) for mark in "“«")
        if opening == -1 or max(text.rfind(mark, opening + 1, offset) for mark in "”»") != -1:
            return None
        before = [q for q in self.parties.quotes if line_start <= q.start and q.end <= opening and q.speaker
                  and q.kind == "direct"]
        return self.parties.actor(before[-1].speaker) if before else None

    def promise_events(self, coded: list[Event]) -> list[Event]:
        """A promise is also an event: its promiser expresses the intent to act (CAMEO 03x,
        PLOVER AGREE) towards the beneficiary. "We will share what we find" is intent to
        cooperate on judicial matters, coded from the promised action when the lexicon knows it."""
        found = []
        for promise in self.commitments:
            span = self.sdoc.char_span(promise.evidence.start, promise.evidence.end, alignment_mode="expand")
            if span is None or span.root.i in self.consumed or any(
                    span.start_char <= (e.trigger or e.evidence).start < span.end_char for e in coded):
                continue
            if opens_with_agreement(span):
                continue  # a term the agreement sets: its signing is the event
            head = span.root
            if head.dep_ in ("dobj", "conj") and any((e.trigger or e.evidence).start == head.head.idx for e in coded):
                continue  # "has promised compensation … and an investigation": the promise coded on its verb
            if head.dep_ == "pobj" and head.head.lower_ in TEMPORAL_PREPOSITIONS:
                continue  # "three days before the deadline set by Aberline": a promise told as a point in time
            if head.lemma_.lower() in KEEPING:
                continue  # "Brask had kept its word": what became of a promise made before, no new intent
            if head.pos_ not in ("VERB", "AUX", "NOUN") or _vague(head):
                continue  # "We will do what decent neighbours do": a promise of nothing in particular
            action = lexicon_code(head) if head.pos_ == "VERB" else None
            cameo = (announced_code(action, "intent") if action else None) or "030"
            source = self.parties.actor(promise.promiser_person or promise.promiser)
            target = self.parties.actor(promise.beneficiary)
            if source is None or target is None or (plover := plover_of(cameo)) is None:
                continue
            found.append(self._promise_event(head, cameo, plover[0], source, target, promise))
        return found

    def _promise_event(self, head: Token, cameo: str, category: str, source: Party, target: Party,
                       promise: Commitment) -> Event:
        doc_id = self.document.doc_id
        sentence = sentence_in_line(self.document.text, head.sent, head.idx)
        return Event(
            event_id="e-" + hashlib.sha256(f"{doc_id}:{head.idx}:{cameo}".encode()).hexdigest()[:16],
            doc_id=doc_id, category=category, cameo=cameo, source=source.actor_id, target=target.actor_id,
            source_country=source.country, target_country=target.country,
            date=promise.made_on, date_text=None, mode="asserted", score=score_of(category, None, "asserted"),
            evidence=Evidence(doc_id, sentence[0], sentence[1], self.document.text[sentence[0]:sentence[1]]),
            trigger=Evidence(doc_id, head.idx, head.idx + len(head.text), head.text),
        )


def _someone_unnamed(agent: Token | None) -> bool:
    """"ignored by the head of one of the agencies": a doer named only by role or institution
    (a thing, "killed by an explosive device", leaves the doer open)."""
    return agent is not None and agent.lemma_.lower() in role_nouns() | INSTITUTIONS


def _shares_passive(verb: Token) -> bool:
    """"a third was held and handed back": a participle joined to a passive without its own subject
    or auxiliary is passive too (not a verb of going: "was released and flew to Brask")."""
    # the tagger often reads the participle as a past tense ("handed/VBD back")
    return verb.dep_ == "conj" and verb.tag_ in ("VBN", "VBD") and verb.lemma_.lower() not in GOING \
        and any(c.dep_ == "auxpass" for c in verb.head.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def _participle_of_noun(verb: Token) -> bool:
    """"the two journalists detained in June": a past participle after a noun naming people tells what
    was done to them (one naming its doer, "the summit, hosted by …", is read as before: by who the doer is)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i \
        and _people(verb.head) and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "agent") for c in verb.children)


def _within_event(noun: Token, triggers: set[int], coded_verbs: set[int]) -> bool:
    """Whether a noun is told inside another event's phrase, through prepositions ("paid compensation to
    the families of the guards …"; but the object itself, "released the students detained in June", is
    told as what that event undoes)."""
    if noun.dep_ != "pobj":
        return False
    current = noun
    for _ in range(6):
        if current.dep_ not in ("pobj", "prep", "dobj", "dative") or current.head.i == current.i:
            return False
        current = current.head
        if current.i in coded_verbs or (current.pos_ == "NOUN" and current.idx in triggers):
            return True
    return False


def _across_semicolon(verb: Token) -> bool:
    """"Kestria accuses them of spying; both deny the charges": a clause parsed under a verb that stands
    beyond a semicolon is not governed by it."""
    low, high = sorted((verb.i, verb.head.i))
    return any(t.text == ";" for t in verb.doc[low:high])


def _listed_clause(verb: Token) -> bool:
    """"The prosecutors closed the case in November, the quarrel over the lorries was never settled, and ...": a
    clause before a passive verb that has a subject of its own, parsed as its complement, is one of a list of
    clauses (a passive with its own subject takes no clause told: "it was reported" has none)."""
    head = verb.head
    if verb.dep_ != "ccomp" or verb.i > head.i or verb.right_edge.i + 1 >= head.i:
        return False
    if verb.doc[verb.right_edge.i + 1].text != ",":
        return False
    return any(c.dep_ == "auxpass" for c in head.children) and any(
        c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN") for c in head.children)


def _clause_told(verb: Token) -> Token:
    """"alleged that … and that the military helped to plan and carry out killings": up through the
    joined and the governed verbs to the clause told."""
    while verb.head.i != verb.i and (
            verb.dep_ == "conj" or (verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"))):
        verb = verb.head
    return verb


def _repressing(verb: Token) -> bool:
    """Security forces using force on protesters: the subject's lemma and that of the one acted on."""
    doer = subject_of(verb)
    if doer is None or doer.lemma_.lower() not in SECURITY_FORCES:
        return False
    acted_on = [c for c in verb.children if c.dep_ == "dobj"] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "on", "at", "against")
        for g in c.children if g.dep_ == "pobj"]
    return any(t.lemma_.lower() in PROTESTERS | {"crowd"} for t in acted_on)


def _reported_in_past(verb: Token) -> bool:
    """A clause reported under a verb of saying in the past ("said that Sarnovia stands with Kestria")."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SAY_LEMMAS and verb.head.tag_ == "VBD"


def _same_thing(lemma: str | None, names: set[str]) -> bool:
    """Whether a noun names one of ``names`` or their kind, or a thing of its kind ("the vehicles" after
    "the lorries", and back)."""
    if lemma is None:
        return False
    kinds = event_lexicon()["kind_nouns"]
    return lemma in names or any(lemma in kinds.get(n, ()) or n in kinds.get(lemma, ()) for n in names)


def _verb_complements(verb: Token) -> set[str]:
    """The verb with each of its complements, as lexicon phrases spell them: "enter service", "come into service",
    "go live", "put into operation"; the verb alone too."""
    lemma = verb.lemma_.lower()
    told = {lemma}
    for c in verb.children:
        if c.dep_ in ("dobj", "advmod", "acomp", "prt"):
            told.add(f"{lemma} {c.lemma_.lower()}")
        elif c.dep_ == "prep":
            told.update(f"{lemma} {c.lower_} {g.lemma_.lower()}" for g in c.children if g.dep_ == "pobj")
    return told


def _content_clause(verb: Token) -> bool:
    """A clause telling what its noun says ("a statement by the customs service that all the vehicles were
    returned"): it does not describe the noun, which is no side of what it tells."""
    return verb.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ in ("that", "whether") for c in verb.children)


def _reduced_relative(verb: Token) -> bool:
    """"The lorries impounded at Harl Pass have not been returned", parsed as "the lorries impounded …"
    and "have not been returned" joined to it: a participle right after its noun, with no auxiliary or
    object, whose joined passive has no subject of its own, describes the noun."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return verb.tag_ in ("VBD", "VBN") and subject is not None and subject.pos_ == "NOUN" \
        and subject.i == verb.i - 1 and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children) \
        and any(c.dep_ in ("conj", "advcl") and c.pos_ == "VERB" and any(a.dep_ == "auxpass" for a in c.children)
                and not any(a.dep_ in ("nsubj", "nsubjpass", "mark") for a in c.children) for c in verb.children)


def _in_antecedent(timex: Timex, trigger: Token) -> bool:
    """Whether a date under the trigger dates an event the trigger's act answers or is placed against ("closed the
    border after the shooting on 6 May", "opened, a year after his arrest on 3 June")."""
    for noun in trigger.subtree:
        if noun.i != trigger.i and _answered(noun):
            a, b = clause_span(noun)
            if a <= timex.start < b:
                return True
    return False


def _called_on(prep: Token) -> bool:
    """"called on Turkey to …": the one asked (not "asked on Monday to …")."""
    return prep.dep_ == "prep" and prep.lower_ in ("on", "upon") and any(
        g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in prep.children)


def _answered(trigger: Token) -> bool:
    """Whether an event noun is what the sentence's act answers or is placed against in time ("in response to the
    airstrike", "in retaliation for the shelling", "after the shooting", "before the talks", "punished them for the
    agreements"): another time than the act's, so the sentence's date is not its."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj":
        return False
    prep = trigger.head
    if prep.lower_ in TEMPORAL_PREPOSITIONS - {"during", "amid", "until"}:
        return True
    if prep.dep_ != "prep":
        return False
    if prep.lower_ == "for" and prep.head.pos_ == "VERB" and prep.head.lemma_.lower() in _word_list("reason_verbs"):
        # "punished Kestria for its new agreements": what is punished came first ("for five years" is how long)
        return trigger.lemma_.lower() in event_lexicon()["nouns"] and not any(
            c.dep_ == "nummod" for c in trigger.children)
    return prep.head.lower_ in ANSWER_NOUNS and prep.lower_ in ("to", "for")


def _detached_participle(verb: Token) -> bool:
    """"X appeared in court on Monday, charged with murder": a past participle set off by a comma, with no subject
    or auxiliary of its own, after a verb with no object, tells what was done to that verb's subject (after one with
    an object, "expelled two diplomats, accused of spying", it tells of the object)."""
    head = verb.head
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i > head.i and verb.i > 0 \
        and verb.doc[verb.i - 1].text == "," \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "dobj") for c in verb.children) \
        and any(c.dep_ == "nsubj" for c in head.children) \
        and not any(c.dep_ in ("dobj", "dative", "attr") for c in head.children)


def _subject_left_on_participle(verb: Token) -> Token | None:
    """The subject of a passive whose subject the parser left on the verb before it (a participle it
    read as the main verb, see ``_reduced_relative``, or a verb joined to it)."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(
            c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return None
    if verb.dep_ == "conj":
        return subject_of(verb)
    if verb.dep_ == "advcl" and _reduced_relative(verb.head):
        return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return None


def _counted_referent(subject: Token | None) -> Token | None:
    """"Two Kestrian servicemen died, and a third was briefly held": a subject that only counts
    ("a third", "another", "both") stands for the people counted before it in the sentence."""
    if subject is None or not (subject.lower_ in COUNT_WORDS or subject.like_num) \
            or any(c.dep_ in ("compound", "amod", "prep") for c in subject.children):
        return None
    for token in reversed(subject.doc[subject.sent.start:subject.i]):
        if token.pos_ == "NOUN" and any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in ("both", "all"))
                                        for c in token.children):
            return token
    return None


def _people(noun: Token | None) -> bool:
    """A noun naming people ("two journalists", "both men", "a third" of them)."""
    noun = _counted_referent(noun) or noun
    return noun is not None and (noun.lemma_.lower() in PEOPLE_NOUNS | CIVILIANS or noun.lower_ in PEOPLE_NOUNS
                                 or noun.ent_type_ in ("PERSON", "NORP") or noun.lower_ in ("men", "women", "people"))


def _object_complement(verb: Token) -> Token | None:
    """"ordered both men held": the participle says what is done to the object of a verb of ordering
    or keeping (the parser hangs it on the object); that verb."""
    head = verb.head
    if verb.dep_ in ("acl", "oprd", "ccomp", "xcomp") and verb.tag_ == "VBN" and head.dep_ == "dobj" \
            and head.head.lemma_.lower() in CAUSING and head.i < verb.i:
        return head.head
    return None


def _handled(verb: Token) -> Token | None:
    """What a verb is done to: its object, else (passive) its subject."""
    passive = any(c.dep_ == "auxpass" for c in verb.children) or _shares_passive(verb)
    if not passive:
        return next((c for c in verb.children if c.dep_ == "dobj"), None)
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None) or subject_of(verb)


def _people_held(verb: Token) -> bool:
    """Held as people are held: in custody ("a third was briefly held", "ordered both men held")."""
    if _object_complement(verb) is not None:
        return _people(verb.head)
    passive = any(c.dep_ == "auxpass" for c in verb.children) or _shares_passive(verb)
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) if passive else None
    if subject is None and passive and verb.dep_ == "conj":
        subject = subject_of(verb)
    return subject is not None and _people(subject) and not any(
        c.dep_ in ("prep", "prt") and c.lower_ in ("up", "back", "accountable", "responsible") for c in verb.children)


def _opposition_figures(text: str, mentions: list[Mention]) -> set[str]:
    """The people introduced as opposition figures ("Opposition leader Ilinka Farro", "the
    opposition MP, Ivo Brant"): the role words just before a mention, within its sentence."""
    found = set()
    for m in mentions:
        if m.kind != "person":
            continue
        before = re.split(r"[.!?\n]", text[max(0, m.start - 40):m.start])[-1].lower()
        if re.search(r"\bopposition\b", before):
            found.add(m.actor_id)
    return found


def _continues_reporting(verb: Token) -> Token | None:
    """"said the government “should have seen this coming” and urged Halvic to …", "accused the
    government of having been “caught asleep” and called for a debate": a verb joined, past the
    closing quote, to a quoted clause goes on with the verb that reports or judges that clause (the
    parser hangs it on the quoted words, whose subject is not the one who acts)."""
    head = verb.head
    if verb.dep_ != "conj" or head.i >= verb.i or not any(t.is_quote for t in verb.doc[head.i + 1:verb.i]) \
            or not any(t.is_quote for t in verb.doc[verb.sent.start:head.i]):
        return None
    current = head
    for _ in range(4):
        if current.dep_ == "ccomp":
            return current.head
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            return current.head.head
        if current.dep_ not in ("conj", "xcomp") or current.head.i == current.i:
            return None
        current = current.head
    return None


def _thing_as_subject(subject: Token | None) -> bool:
    """"their fragments struck the fuselage": the subject is a thing, not a lost actor to look for
    before it (but "a Dorrun court", "police" act for someone)."""
    return subject is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() not in INSTITUTIONS \
        and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in subject.children)


def _describes_noun(verb: Token) -> bool:
    """"efforts to normalize relations", "no need to discuss them", "the agreements on unblocking
    communications", "in the context of criticizing …": what a noun is for or about, not a report."""
    if verb.head.pos_ != "NOUN":
        infinitive = False
    else:
        infinitive = verb.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    topic = verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "NOUN"
    # "a reason to keep talking": the verb completing such a clause describes the noun too
    completes = verb.dep_ == "xcomp" and verb.head.pos_ == "VERB" and _describes_noun(verb.head)
    return infinitive or topic or completes


def _reported(verb: Token) -> bool:
    """A clause reported under a verb of saying ("said Valdoria would pay"): its "would" is the
    speaker's future, not a hypothesis."""
    current = verb
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head
    return current.dep_ == "ccomp" and current.head.lemma_.lower() in SAY_LEMMAS


TEMPORAL_MARKS = {"when", "after", "before", "as", "while", "since", "until", "once", "whenever"}


def _temporal_clause(verb: Token) -> bool:
    """"promised the return of the lorries when he met Halvic": a clause that says when, not what."""
    return verb.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in TEMPORAL_MARKS
                                        for c in verb.children)


def _interpreted(noun: Token) -> Token | None:
    """What a noun is taken as ("a statement … interpreted as an acknowledgment", "the remarks were
    seen as a threat"): the thing interpreted."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "as":
        return None
    verb = noun.head.head
    if verb.lemma_.lower() not in INTERPRETING:
        return None
    if verb.dep_ in ("relcl", "acl"):
        return verb.head
    return next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)


def _named_event(noun: Token) -> bool:
    """An event given a proper name before its noun ("the «Iron Meadow» exercises", "Operation
    Northern Anvil drills")."""
    names = [c for c in noun.children if c.dep_ in ("compound", "nmod", "amod") and c.i < noun.i
             and (c.pos_ == "PROPN" or c.is_title)]
    return bool(names) and any(t.is_quote for t in noun.doc[names[0].left_edge.i - 1:noun.i]) if names else False


def _name_of(noun: Token) -> str:
    names = [c for c in noun.children if c.dep_ in ("compound", "nmod", "amod") and c.i < noun.i]
    return noun.doc[names[0].left_edge.i:names[-1].i + 1].text if names else noun.text


def _vague(verb: Token) -> bool:
    """"do what decent neighbours do", "do it": an action named by nothing but a pronoun or a
    wh-clause; "has not withdrawn anything": by an indefinite pronoun."""
    if any(c.dep_ == "dobj" and c.lower_ in ("anything", "nothing", "something") for c in verb.children):
        return True
    if verb.lemma_.lower() != "do":
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp")]
    return bool(objects) and all(o.lower_ in ("it", "this", "that", "so") or o.tag_ in ("WP", "WDT")
                                 or (o.dep_ == "ccomp" and any(t.tag_ in ("WP", "WDT") for t in o.subtree))
                                 or (o.lower_ == "what") for o in objects)


def _speculated(verb: Token) -> bool:
    """"mused about taking the bridgehead", "talked of striking back": spoken of, not done."""
    head = verb.head
    return verb.dep_ == "pcomp" and head.lower_ in ("about", "of") and head.head.lemma_.lower() in SPECULATING


def _expected_of_others(trigger: Token) -> bool:
    """"she expected Halvic and Demmin to meet", "analysts predict that Valdoria will retaliate":
    what someone expects others to do is a forecast (or, asked of the other side, a request), not an
    event."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else _governing(trigger)
    return verb is not None and verb.dep_ in ("xcomp", "ccomp") and lemma_of(verb.head) in EXPECTING \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _own_conditional_duty(trigger: Token) -> bool:
    """"we should stop talking to them if …": a first-person "should" or "must" with a condition."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else _governing(trigger)
    if verb is None:
        return False
    subject = subject_of(verb)
    return subject is not None and subject.lower_ in ("we", "i") and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for clause in (verb, verb.head) for c in clause.children)


def _condition(trigger: Token) -> bool:
    """"if the fees were raised again, Kestria would …": the condition of a threat or promise is
    not an event; what would follow is."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else _governing(trigger)
    return verb is not None and verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless", "until") for c in verb.children)


def _asked_about(trigger: Token) -> bool:
    """In a question ("What has Valdoria offered Dorrun?") or an open one ("asked whether Kestria
    might offer …", "no comment on whether Valdoria would agree"): not reported as having happened."""
    if trigger.sent.text.rstrip().rstrip(" ”’»\"'").endswith("?"):
        return True
    current = trigger
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in current.children):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _refusal(verb: Token) -> bool:
    """Not accepting something offered or claimed, or not agreeing with it, is rejecting it
    ("will not accept a version of events", "one cannot agree with the existence of …"); not
    agreeing on or to something, or a refusal only supposed ("if they cannot accept"), is not."""
    if verb.pos_ != "VERB" or any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    if lemma == "accept":
        return any(c.dep_ == "dobj" for c in verb.children)
    return lemma == "agree" and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)


LIST_FILLER_POS = {"DET", "ADJ", "PROPN", "NOUN", "CCONJ", "PUNCT"}


def _tokens_starting_in(sdoc: Doc, start: int, end: int) -> Span:
    """The tokens that begin at a character offset in ``[start, end)``, found by bisection (lists are
    tested pair by pair, and a scan of the whole document per pair was a tenth of extraction)."""
    starts = sdoc.user_data.get("token_starts")
    if starts is None:
        starts = sdoc.user_data["token_starts"] = [t.idx for t in sdoc]
    return sdoc[bisect_left(starts, start) : bisect_left(starts, end)]


def _list_glue(sdoc: Doc, start: int, end: int) -> str | None:
    """The kind of words between two listed names: "and" (a conjunction), "," (a comma only), or
    None when something else stands between them. Up to two modifiers may precede the next name
    ("Armenia, or a sovereign Georgia", "Demmin and President Halvic")."""
    between = list(_tokens_starting_in(sdoc, start, end))
    if not between or any(t.pos_ not in LIST_FILLER_POS or (t.pos_ == "PUNCT" and t.text != ",") for t in between):
        return None
    if sum(t.pos_ not in ("CCONJ", "PUNCT") for t in between) > 2:
        return None
    if any(t.pos_ == "CCONJ" and t.lower_ in ("and", "or", "nor") for t in between):
        return "and"
    return "," if any(t.text == "," for t in between) else None


def _list_mates(sdoc: Doc, mentions: list[Mention], anchor: int) -> list[Mention]:
    """The mentions listed together with ``mentions[anchor]`` ("A, B and C"): a list needs a
    conjunction, and names after the last conjunction joined by a comma only are not in it."""
    chain, glues = [anchor], []
    i = anchor
    while i > 0 and (glue := _list_glue(sdoc, mentions[i - 1].end, mentions[i].start)):
        i -= 1
        chain.insert(0, i)
        glues.insert(0, glue)
    i = anchor
    while i + 1 < len(mentions) and (glue := _list_glue(sdoc, mentions[i].end, mentions[i + 1].start)):
        i += 1
        chain.append(i)
        glues.append(glue)
    while glues and glues[-1] == ",":
        glues.pop()
        chain.pop()
    if "and" not in glues:
        return []
    return [mentions[i] for i in chain if i != anchor]


def _reason_of(noun: Token, triggers: set[int]) -> bool:
    """Whether a noun is in the "for …" phrase of an event's trigger ("gratitude for the information")."""
    current = noun
    for _ in range(3):
        if current.dep_ == "pobj" and current.head.lower_ == "for":
            return current.head.head.idx in triggers
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _recipient_of(verb: Token) -> Token | None:
    """Whom something is given, sent or handed to: the dative, else the object of "to"."""
    dative = next((c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"), None)
    if dative is not None:
        return dative
    to = next((c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


def _verb_above(noun: Token) -> Token | None:
    """The verb a noun hangs from through one or two prepositions ("moved him from custody to house arrest")."""
    current = noun
    for _ in range(2):
        if current.dep_ != "pobj" or current.head.dep_ not in ("prep", "dative"):
            return None
        head = current.head.head
        if head.pos_ == "VERB":
            return head
        current = head
    return None


def _attacks_in_words(verb: Token) -> bool:
    """Whether what a verb of attack is done to is a thing said or decided (lexicon ``verbal_attack_objects``)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.lower_ in event_lexicon()["verbal_attack_objects"]


def _object_of(verb: Token) -> Token | None:
    """The direct or indirect object of a verb, else the object of its first preposition of direction."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    if obj is None:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPOSITIONS):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                break
    return obj


def _against_someone(verb: Token, cameo: str) -> str:
    """Closing a case against someone drops the charges (081); closing one into what happened
    to someone refuses them justice (1213)."""
    if cameo != "1213":
        return cameo
    cases = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    cases += [verb.head] if verb.dep_ == "relcl" else []
    against = any(c.dep_ == "prep" and c.lower_ == "against" for case in cases for c in case.children)
    return "081" if against else cameo


def _complement_words(verb: Token) -> list[str]:
    """Lemmas that can complete a verb phrase, most specific first: "preposition object" ("on
    alert", "for restraint"), particle, object (also a passive subject: "the bridge was closed"),
    then a bare preposition ("stand with")."""
    specific, words, bare = [], [], []
    if verb.dep_ == "relcl" and not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        words.append(verb.head.lemma_.lower())  # "a case its prosecutors closed": the noun it describes
    if (shared := _subject_left_on_participle(verb)) is not None:
        words.append(shared.lemma_.lower())  # "the lorries … have not been returned", the subject on the first verb
    for child in verb.children:
        if child.dep_ in ("prt", "dobj", "attr", "acomp", "nsubjpass", "oprd") or (
                child.dep_ == "xcomp" and child.tag_ == "VBG"):  # "stop talking": stop talk
            words.append(child.lemma_.lower())
            # "raised the readiness level": the modifier may carry the sense; "send teams and supplies"
            words.extend(c.lemma_.lower() for c in child.children if c.dep_ in ("compound", "conj"))
            if child.lemma_.lower() in QUANTITY_NOUNS:  # "joined a number of its documents": join document
                words.extend(g.lemma_.lower() for c in child.children if c.dep_ == "prep" and c.lower_ == "of"
                             for g in c.children if g.dep_ == "pobj")
        elif child.dep_ == "advmod" and child.lower_ in PARTICLE_ADVERBS:
            words.append(child.lower_)  # "were handed back to their owners", the particle parsed as an adverb
        elif child.dep_ == "xcomp" and child.pos_ == "VERB":
            bare.append(child.lemma_.lower())  # "was allowed to leave": allow leave
        elif child.dep_ == "prep":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is None or obj.ent_type_ not in ("DATE", "TIME"):
                bare.append(child.lower_)  # "gave … in May" is no "give in"
            if obj is not None:
                specific.append(f"{child.lower_} {obj.lemma_.lower()}")
                # "put on the highest state of alert": on alert
                specific.extend(f"{child.lower_} {g.lemma_.lower()}" for c in obj.children
                                if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")
                words.append(obj.lemma_.lower())
            # "moved him from custody to house arrest", the second preposition parsed under the first
            specific.extend(f"{c.lower_} {g.lemma_.lower()}" for c in child.children if c.dep_ == "prep"
                            for g in c.children if g.dep_ == "pobj")
    if verb.dep_ == "relcl" and any(c.dep_ == "dobj" for c in verb.children):
        # "the date we gave our friends": the object the clause describes, its own object the one given to
        words.append(verb.head.lemma_.lower())
    return specific + words + bare


def _participants(noun: Token) -> bool:
    """Whether a noun names people or things (a participle on it tells their own story: "the guards killed in
    May", "the lorries impounded in June"), not an occasion ("the meeting held on 10 July", "a decision adopted")."""
    if noun.lemma_.lower() in PEOPLE_NOUNS:
        return True
    return noun.tag_ in ("NNS", "NNPS", "NNP") and noun.lemma_.lower() not in event_lexicon()["nouns"]


def _governing(token: Token) -> Token | None:
    current = token
    for _ in range(20):
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def find_events(document: Document, sdoc: Doc, mentions: list[Mention], timexes: tuple[Timex, ...],
                quotes: tuple[Quote, ...] = (), forecasts: tuple[Forecast, ...] = (),
                commitments: tuple[Commitment, ...] = (), internal: bool = False) -> list[Event]:
    """The coded events of one document, in text order; ``internal`` also keeps events inside one
    state ("the Kestrian police detained opposition activists") and events with no other side named."""
    return EventFinder(document, sdoc, mentions, timexes, quotes, forecasts, commitments, internal).find()
