"""Forecasts: predictions by the author or by quoted people, with their horizon and conditions.

A forecast is a clause about the future: "X will …", "X is likely/expected to …", "she expected
X to …", a reported "X would …" under a verb of saying or expecting. Its horizon is a time phrase
of its own clause ("by 5 May", "before the summer"), else a term heading of its line ("In the
medium term (3 months to one year)"), else the horizon of the forecast before it on the same line
(bullets often state the horizon once). ``resolves_by`` is the last day the horizon allows.
Clauses the speaker's own side undertakes ("we will share what we find") are commitments, not
forecasts (see ``commitments.py``).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..gazetteer import slug
from ..records import Commitment, Document, Evidence, Forecast, Quote, Timex
from .actors import Mention
from .clauses import (
    FIRST_PERSON,
    Parties,
    TermHorizon,
    auxiliaries,
    is_warning,
    last_day,
    lemma_of,
    line_bounds,
    subject_of,
    term_horizons,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
REPORTED_AUX = {"would"}
POSSIBLE_AUX = {"could", "might", "may"}
LIKELY_WORDS = {"likely", "unlikely", "expected", "set", "bound", "poised", "certain", "sure", "due"}
EXPECT_VERBS = {"expect", "predict", "forecast", "anticipate", "foresee", "hope"}
SAY_VERBS = {"say", "tell", "add", "announce", "state", "declare", "predict", "expect", "believe", "think", "warn",
             "write", "argue", "claim", "insist", "suggest", "estimate", "forecast", "confirm", "indicate", "report"}
HORIZON_PREP = re.compile(
    r"\b(?P<prep>by|before|until|till|in|within|during|from|on|after|no later than|well into|into)\s+"
    r"(?P<part>(?:the\s+)?(?:end|beginning|start|middle|close)\s+of\s+)?$", re.I)
CONDITION_MARKS = {"if", "unless", "provided"}
HEDGES = {"likely", "unlikely", "expected", "probably", "possibly", "perhaps", "could", "might", "may", "would",
          "bound", "poised", "doubtless", "surely", "almost", "certainly", "risk", "threatens",
          "impression", "prospect", "danger", "likelihood", "chance", "fear", "expectation", "sign",
          "expect", "forecast", "predict", "predicted", "project", "projected", "anticipate", "anticipated",
          "confident", "confidence", "convinced", "believe", "think", "hope", "doubt"}
# an analysis or opinion piece predicts in its own voice; a news report's "will" states a schedule
ANALYSIS_VOICE = re.compile(
    r"(?m)^\W*(forecasts?|outlook|scenarios?|what (?:comes|happens) next)\b"
    r"|\bI (?:think|believe|expect|wrote|argued)\b",
    re.I,
)
DEONTIC = {"respect", "honour", "honor", "comply", "abide", "fulfil", "fulfill", "pay", "return", "release", "stop",
           "end", "withdraw", "apologise", "apologize", "explain", "observe", "implement", "keep", "behave", "obey"}


# nouns of holding a view: "expressed confidence that …"
BELIEF_NOUNS = {"confidence", "hope", "expectation", "belief", "conviction", "fear", "prediction", "view"}
# what joins the other branch of a conditional prediction within one sentence ("…; otherwise, …")
OTHER_BRANCH = re.compile(r"[\s,;:–—-]*(?:and |but )?(?:otherwise|failing that|if not)\b[\s,]*$", re.I)
# time words the date stage gives no date: "sooner or later", "within the coming months"
# ("as soon as the documents are in order" is a condition)
VAGUE_HORIZON = re.compile(
    r"\b(soon(?! as)|sooner or later|eventually|in time|within|coming|next|shortly|before long)\b", re.I)
# "this will depend on two factors": a dependency, not an outcome
CONTINGENT = {"depend", "hinge"}
# a subject being, becoming or undergoing something: "he said he would win" predicts, "he would resign" intends
STATE_VERBS = {"be", "remain", "stay", "become", "win", "lose", "face", "survive", "get", "need", "have", "succeed",
               "fail"}
# what a rule makes of someone or something: "they will no longer be allowed to …", "would become compulsory"
RULE_WORDS = {"allowed", "permitted", "denied", "banned", "barred", "forbidden", "prohibited", "compulsory",
              "mandatory", "obligatory", "illegal"}
# collective nouns a plural "they" can take up: "the police told me they would …"
PLURAL_BODIES = {"police", "staff", "crew", "people", "family", "couple"}
TEXT_NOUNS = {"material", "article", "analysis", "report", "brief", "paper", "piece", "text", "review", "study",
              "essay", "column", "commentary", "overview", "note", "section", "chapter", "survey"}


@dataclass(frozen=True, slots=True)
class Horizon:
    text: str | None
    resolves_by: str | None


NO_HORIZON = Horizon(None, None)


class ForecastFinder:
    def __init__(self, document: Document, sdoc: Doc, mentions: list[Mention], timexes: tuple[Timex, ...],
                 quotes: tuple[Quote, ...], commitments: tuple[Commitment, ...] = ()) -> None:
        self.document = document
        self.text = document.text
        self.sdoc = sdoc
        self.parties = Parties(document.text, mentions, quotes)
        self.timexes = [t for t in timexes if t.value]
        self.all_timexes = timexes
        self.promised = [(c.evidence.start, c.evidence.end) for c in commitments]
        self.promised_words = [set(re.findall(r"\w+", c.content.lower())) for c in commitments]
        self.terms: list[TermHorizon] = term_horizons(document.text, timexes, self._dated_month(document))
        self.author = self._author_id(document, mentions)
        self.analysis = bool(self.terms) or bool(ANALYSIS_VOICE.search(document.text))

    @staticmethod
    def _dated_month(document: Document) -> str | None:
        """The publication date a span like "3 months to one year" counts from: the given one, else
        the month of the latest event the text reports as past (how a careful reader dates an
        undated analysis; the date stage keeps it as the earliest possible publication)."""
        published = document.published
        if published and len(published) >= 7:
            return published
        earliest = document.meta.get("published_earliest")
        return earliest[:7] if isinstance(earliest, str) and len(earliest) >= 7 else published

    @staticmethod
    def _author_id(document: Document, mentions: list[Mention]) -> str | None:
        if not document.author:
            return None
        wanted = document.author.lower()
        named = next((m.actor_id for m in mentions if m.kind == "person" and m.name.lower() == wanted), None)
        return named or f"person:{slug(document.author)}"

    # -- which verbs predict

    def predictive(self, verb: Token) -> bool:
        if time_away(verb) is not None:
            return True  # "the line was weeks away from completion": it would be complete within weeks
        if verb.pos_ not in ("VERB", "AUX") or (verb.tag_ in ("VBD", "VBN") and not auxiliaries(verb)):
            return False
        if verb.lemma_.lower() in wish_verbs():
            return False  # "Valdoria would like to reopen the border": a wish, neither prediction nor promise
        auxes = set(auxiliaries(verb))
        if auxes & FUTURE_AUX:
            return True
        head = verb.head
        if verb.dep_ == "xcomp" and head.lemma_.lower() in LIKELY_WORDS | {"be"} and self._likely(head):
            # "fires have been deliberately set to clear slums": a purpose in the past, not "is set to"
            return not set(auxiliaries(head)) & {"have", "has", "had", "'ve"}
        if verb.dep_ in ("xcomp", "ccomp") and lemma_of(head) in EXPECT_VERBS and head.i != verb.i:
            if self.hoped_present(verb, head):
                return False
            # "Dorrun expected Brask to respect the ceiling" is a demand, not a prediction; "officials
            # had hoped that …" an expectation of the past, given up
            return verb.lemma_.lower() not in DEONTIC and not self._past_expectation(head)
        if auxes & REPORTED_AUX and verb.dep_ in ("ccomp", "conj") and self._reported(verb):
            return True
        if auxes & POSSIBLE_AUX and not auxes & {"have", "'ve"} and verb.dep_ in ("ccomp", "conj") \
                and self._reported(verb) and not is_warning(verb):
            # "officials said talks could start in the autumn": a possibility dated by a horizon
            start, end = self.clause(verb)
            return self.own_horizon(verb, start, end) is not None
        return False

    @staticmethod
    def hoped_present(verb: Token, head: Token) -> bool:
        """"I hope it does not happen", "I hope all of us are": a hope in the present tense, with nothing to say it
        lies ahead, is a wish ("I hope it will happen" and "they hoped to sign by the spring" expect)."""
        present = verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VB" and bool(set(auxiliaries(verb)) & {"do", "does"}))
        return lemma_of(head) == "hope" and verb.dep_ == "ccomp" and present \
            and not set(auxiliaries(verb)) - {"do", "does"}

    def _past_expectation(self, head: Token) -> bool:
        """"Officials had hoped that …", "I was hoping you would …": a hope held in the past; but
        "they said they hoped to …" reports a present one in the past tense, and a prediction made in
        the past ("she predicted in March that …") is still one."""
        if lemma_of(head) != "hope":
            return False
        auxes = set(auxiliaries(head))
        return "had" in auxes or ((head.tag_ == "VBD" or bool(auxes & {"was", "were"})) and not self._reported(head))

    @staticmethod
    def _likely(head: Token) -> bool:
        return head.lower_ in LIKELY_WORDS or any(c.lower_ in LIKELY_WORDS for c in head.children if c.dep_ == "acomp")

    @staticmethod
    def _reported(verb: Token) -> bool:
        current = verb
        while current.dep_ == "conj" and current.head.i != current.i:
            current = current.head
        return current.dep_ == "ccomp" and current.head.lemma_.lower() in SAY_VERBS

    # -- the parts of one forecast

    def clause(self, verb: Token) -> tuple[int, int]:
        """The prediction's own words: subject to the end of the clause, without conjoined
        clauses that have their own auxiliary (they are forecasts of their own)."""
        subject = subject_of(verb)
        tokens = [t for t in verb.subtree if not self._other_clause(t, verb)]
        if subject is not None and subject.head.i == verb.i:
            start = subject.left_edge.idx
        else:
            start = min(t.idx for t in tokens if t.dep_ not in ("advmod", "prep", "advcl", "mark", "punct", "cc")
                        or t.i >= verb.i)
            if verb.dep_ == "xcomp" and verb.head.head.i != verb.head.i:
                owner = subject_of(verb.head)
                if owner is not None:
                    start = owner.left_edge.idx
        line_start = line_bounds(self.text, verb.idx)[0]
        heading_ends = [t.end for t in self.terms if line_start <= t.start and t.end <= verb.idx]
        start = max(start, line_start, *heading_ends)
        while start < verb.idx and self.text[start] in " ,:;-–—•*\t":
            start += 1
        # a full stop or a bullet the parser hung on the verb would stretch the clause over a
        # conjoined prediction after it
        end_token = max((t for t in tokens if not (t.is_punct or t.is_space or t.dep_ == "cc")), key=lambda t: t.i,
                        default=verb)
        end = end_token.idx + len(end_token.text)
        while end > start and (self.text[end - 1] in ",;:." or self.text[end - 1].isspace()):
            end -= 1
        return start, end

    @staticmethod
    def _other_clause(token: Token, verb: Token) -> bool:
        current = token
        while current.i != verb.i:
            if _clause_of_its_own(current):
                return True
            if current.dep_ in ("advcl",) and any(c.lower_ in CONDITION_MARKS for c in current.children):
                return True
            if current.dep_ == "advcl" and set(auxiliaries(current)) & FUTURE_AUX and subject_of(current) is not None \
                    and subject_of(current).head.i == current.i:  # type: ignore[union-attr]
                return True  # "…, while rivalry will remain a constant factor": a prediction of its own
            if current.dep_ == "cc" and current.head.i == verb.i and any(_clause_of_its_own(c) for c in verb.children):
                return True
            current = current.head
        return False

    def away_horizon(self, verb: Token) -> Horizon | None:
        """"weeks away", "only days away": the horizon its words give, with no day it can be pinned to."""
        span = time_away(verb)
        return None if span is None else Horizon(self.text[span[0]:span[1]], None)

    def own_horizon(self, verb: Token, start: int, end: int) -> Horizon | None:
        subject = subject_of(verb)
        outside = (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)) if subject else (0, 0)
        for timex in self.timexes:
            if start <= timex.start < end and not outside[0] <= timex.start < outside[1]:
                before = HORIZON_PREP.search(self.text[max(0, timex.start - 40):timex.start])
                if before is None and not re.search(r"\b(next|coming|this|early|late)\b", timex.text, re.I):
                    continue
                prep = before.group("prep") if before else ""
                lead = (before.group("part") or "") if before else ""
                words = self.text[timex.start - len(before.group(0)):timex.end] if before else timex.text
                timex = self._ahead(timex, prep or "by", lead)
                if prep.lower() == "from":
                    return Horizon(words, timex.value if len(timex.value or "") == 10 else last_day("by", timex))
                return Horizon(words, last_day(prep or "by", timex, lead))
        return None

    def _ahead(self, timex: Timex, prep: str, lead: str) -> Timex:
        """A horizon lies ahead: a season without a year of its own that the date stage put before
        the publication ("they hoped to have a text ready by the summer") is the next one. (Days and
        months stay: "the Senate was set to meet on Wednesday" tells a past schedule.)"""
        published = self.document.published
        if not published or not timex.value or prep.lower() in ("after", "from") or re.search(r"\d{4}", timex.text) \
                or not re.search(r"\b(spring|summer|autumn|fall|winter)\b", timex.text, re.I):
            return timex
        if (last_day(prep, timex, lead) or "9999") >= published:
            return timex
        return replace(timex, value=f"{int(timex.value[:4]) + 1}{timex.value[4:]}")

    def condition_horizon(self, verb: Token) -> Horizon | None:
        """"If the two sides cannot agree by the summer, Kestria will have to …": the condition's deadline."""
        for child in verb.children:
            if child.dep_ == "advcl" and any(c.lower_ in CONDITION_MARKS for c in child.children):
                start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
                return self.own_horizon(child, start, end)
        return None

    def term_horizon(self, offset: int) -> Horizon | None:
        line_start = line_bounds(self.text, offset)[0]
        before = [t for t in self.terms if line_start <= t.start <= offset]
        return Horizon(before[-1].text, before[-1].resolves_by) if before else None

    def condition(self, verb: Token, previous: str | None) -> tuple[bool, str | None]:
        for child in verb.children:
            if child.dep_ == "advcl" and any(c.lower_ in CONDITION_MARKS for c in child.children):
                start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
                return True, self.text[start:end]
        sentence_start = verb.sent.start_char
        opening = self.text[sentence_start:verb.idx].lower()
        if re.match(r"\s*(otherwise|failing that|if not)\b", opening):
            return True, f"unless: {previous}" if previous else "otherwise"
        return False, None

    def author_of(self, verb: Token) -> str | None:
        """Whose prediction it is: the nearest one above it who says, expects or is confident that it
        will happen ("Halvic expressed confidence that …" inside his spokesman's words), else the
        quote's speaker, else the byline's author."""
        found, holder = self._holder(verb)
        if found:
            return holder
        quote = self.parties.quote_at(verb.idx)
        if quote is not None and quote.speaker:
            return quote.speaker
        return None if quote is not None and quote.kind == "direct" else self.author

    def _holder(self, verb: Token) -> tuple[bool, str | None]:
        """(whether the words name whose view it is, whose)."""
        current = verb
        for _ in range(6):
            if current.head.i == current.i:
                break
            head = current.head
            says = current.dep_ in ("ccomp", "xcomp") and lemma_of(head) in SAY_VERBS | EXPECT_VERBS
            believes = current.dep_ in ("acl", "ccomp") and head.lemma_.lower() in BELIEF_NOUNS and head.pos_ == "NOUN"
            if says and any(c.dep_ == "auxpass" for c in head.children):
                return True, None  # "the panel is not expected to rule …": expected by no one named
            if says or believes:
                party = self._holder_party(subject_of(head if says else head.head) or _fronted_subject(head))
                if party is not None:
                    return True, party
            current = head
        return False, None

    def _holder_party(self, subject: Token | None) -> str | None:
        if subject is None:
            return None
        if subject.tag_ == "WP":  # "Hask …, who predicted in March that …"
            party = self.parties.last_person_before(subject.idx, window=300)
        elif subject.lower_ == "i" and self.parties.quote_at(subject.idx) is None:
            return self.author  # "Last July I wrote that …": the author's own voice
        else:
            party = self.parties.of(subject)
        return party.actor_id if party is not None else None

    def subjects(self, start: int, end: int) -> tuple[str, ...]:
        """The actors the prediction names, else the pair of states the document is about."""
        named = tuple(self.parties.states_in(start, end))
        return named or (self.parties.main_dyad() or ())

    # -- all of them

    def first_person(self, verb: Token) -> bool:
        """"We will …", or a speaker's "the Russian side will …": an undertaking, not a prediction
        (but "they hoped to have a text ready by the summer" is an expectation)."""
        subject = subject_of(verb)
        if verb.dep_ == "xcomp" and lemma_of(verb.head) in EXPECT_VERBS and not (
                subject is not None and subject.lower_ in FIRST_PERSON):
            return False  # but "we hope to apply for grants" is an intention
        if subject is not None and subject.lower_ in FIRST_PERSON:
            return True
        quote = self.parties.quote_at(verb.idx)
        speaker = self.parties.actor(quote.speaker) if quote is not None and quote.speaker else None
        if self.joint(subject):
            return False  # "Valdoria and Kestria would begin talks": a plan of both, not one side's word
        if subject is not None and subject.lower_ in ("it", "they") and any(c.dep_ == "auxpass" for c in verb.children):
            return False  # "officials said it would be extended to …": "it" is what is acted on, not the speaker's side
        doer = self.parties.of(subject)
        return (speaker is not None and doer is not None and doer.kind != "person" and speaker.country is not None
                and doer.country == speaker.country and verb.lemma_.lower() not in ("be", "remain", "stay", "become"))

    def undated_official_passive(self, verb: Token, start: int, end: int) -> bool:
        """"Every shot will be accounted for", "the lorries would be released as soon as the
        documents are in order", "psychiatric assessments will be carried out": a named speaker's agentless
        passive about a thing, with no time to it, states what their side will do (policy), not a prediction
        (also when the speaker's country is unknown); with a horizon ("would be drafted within the coming
        months") it is one."""
        subject = subject_of(verb)
        if not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children):
            return False
        if subject is None or subject.pos_ != "NOUN" or self.parties.of(subject) is not None:
            return False
        author = self.author_of(verb)
        speaker = self.parties.actor(author) if author and author != self.author else None
        if speaker is None or self.hedged(verb, start, end, reported=True):
            return False
        dated = any(start <= t.start < end for t in self.all_timexes)
        return not (dated or VAGUE_HORIZON.search(self.text[start:end]))

    def about_itself(self, verb: Token) -> bool:
        """"This material will provide a clear breakdown of events": the text announcing what it
        does, not a prediction (a noun of ``TEXT_NOUNS`` after "this", named for the first time)."""
        subject = subject_of(verb)
        if subject is None or subject.lemma_.lower() not in TEXT_NOUNS:
            return False
        if not any(c.dep_ == "det" and c.lower_ == "this" for c in subject.children):
            return False
        return not any(t.lemma_.lower() == subject.lemma_.lower() for t in self.sdoc[:subject.i])

    @staticmethod
    def counterfactual(verb: Token) -> bool:
        """"He would have preferred …", "it would have been OK": what might have been, not what will be."""
        auxes = set(auxiliaries(verb))
        return bool(auxes & REPORTED_AUX) and bool(auxes & {"have", "'ve"}) and verb.tag_ == "VBN"

    @staticmethod
    def generic_you(verb: Token) -> bool:
        """"You will be diagnosed just by saying …", "you'll probably surrender": a speaker's "you" is anyone."""
        subject = subject_of(verb)
        return subject is not None and subject.lower_ == "you"

    def speakers_own_intention(self, verb: Token) -> bool:
        """"Demmin said he would release the findings", "she said she would challenge the ruling in court", "the
        police told me they would file a case": what the speaker means to do, reported, is an intention (a commitment
        when promised), not a prediction. "He", "she" must be the speaker: the person it refers back to, with no
        other person named in the sentence or the one before ("Halvic is unpredictable. Marr said he would attack"
        predicts). Being or becoming something ("he said he would be re-elected") and passives are predictions."""
        subject = subject_of(verb)
        if subject is None or subject.lower_ not in ("he", "she", "they") or verb.lemma_.lower() in STATE_VERBS:
            return False
        if any(c.dep_ == "auxpass" for c in verb.children) or not self._reported(verb):
            return False
        current = verb
        while current.dep_ == "conj" and current.head.i != current.i:
            current = current.head
        speaker = subject_of(current.head)
        if speaker is None or speaker.lower_ in FIRST_PERSON:
            return False
        if speaker.lower_ == subject.lower_:
            return True  # "he said he would …"
        if subject.lower_ == "they":  # "the police told me they would file a case", "participants said they would …"
            return speaker.lower_ == "they" or speaker.tag_ == "NNS" or speaker.lemma_.lower() in PLURAL_BODIES
        party = self.parties.of(speaker)
        if party is None or party.kind != "person" or self._other_person_near(subject, party.actor_id):
            return False
        return (referred := self.parties.of(subject)) is not None and referred.actor_id == party.actor_id

    def _other_person_near(self, pronoun: Token, speaker: str) -> bool:
        """Whether a person other than the speaker is named in the pronoun's sentence or the one before: "he"
        may be that person (the parse knows no gender)."""
        sentence = pronoun.sent
        floor = pronoun.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
        return any(m.kind == "person" and m.actor_id != speaker and floor <= m.start < pronoun.idx
                   for m in self.parties.mentions)

    def states_a_rule(self, verb: Token, start: int, end: int) -> bool:
        """"They will no longer be allowed on the national team", "wearing a face covering would become compulsory":
        what a rule allows, bans or requires, announced, not predicted (unless hedged: "is likely to be banned")."""
        words = {verb.lower_} | {c.lower_ for c in verb.children if c.dep_ in ("acomp", "oprd")}
        return bool(words & RULE_WORDS) and not self.hedged(verb, start, end, reported=True)

    @staticmethod
    def eulogy(verb: Token) -> bool:
        """"He will be missed": said of the dead, no prediction."""
        return verb.lemma_.lower() == "miss" and any(c.dep_ == "auxpass" for c in verb.children) and not any(
            c.dep_ == "agent" for c in verb.children)

    @staticmethod
    def hypothetical_act(verb: Token) -> bool:
        """"Executing him would not bring her daughter back": what an act nobody has taken would do, not what will
        happen (a gerund as subject of "would")."""
        subject = next((c for c in verb.children if c.dep_ in ("csubj", "nsubj")), None)
        return bool(set(auxiliaries(verb)) & REPORTED_AUX) and subject is not None and (
            subject.dep_ == "csubj" or subject.tag_ == "VBG")

    def repeats_promise(self, start: int, end: int) -> bool:
        """The words of a promise quoted again later in the document."""
        words = set(re.findall(r"\w+", self.text[start:end].lower()))
        return any(words and len(words & other) >= 0.8 * max(len(words), len(other)) for other in self.promised_words)

    def hedged(self, verb: Token, start: int, end: int, reported: bool = False) -> bool:
        """A prediction marked as such: "likely", "expected", "probably", "could" (with ``reported``,
        not "would", which reported speech puts for "will")."""
        words = {t.lower_ for t in verb.sent if start <= t.idx < end} | set(auxiliaries(verb))
        words |= {lemma_of(a) for a in list(verb.ancestors)[:2]}  # "the impression that X will …"
        hedges = HEDGES - {"would"} if reported else HEDGES
        return bool(words & hedges) or self.condition(verb, None)[0] or self._under_condition(verb)

    @staticmethod
    def _under_condition(verb: Token) -> bool:
        """"If …, then X will …" where the parse hangs the if-clause elsewhere in the sentence (but "to confirm if he
        is fit" asks whether: an if-clause that is the object of a verb is no condition)."""
        return any(t.lower_ in CONDITION_MARKS and t.dep_ == "mark" and t.head.dep_ != "ccomp" for t in verb.sent)

    def joint(self, subject: Token | None) -> bool:
        if subject is None:
            return False
        if self.parties.both_sides(subject):
            return True
        countries = {p.country for t in subject.subtree if (p := self.parties.of(t)) is not None and p.country}
        return len(countries) > 1

    def asked(self, verb: Token) -> bool:
        """Whether the verb's sentence is a question, also when the parser ran it on past its question mark
        into the next line ("Will this move affect RHEL?\n\nRHEL maintainers try …")."""
        rest = self.sdoc.text[verb.idx:verb.sent.end_char]
        end = re.search(r"[.!?]|\n", rest)
        return verb.sent.text.rstrip().endswith("?") or (end is not None and end.group() == "?")

    def find(self) -> list[Forecast]:
        forecasts: list[Forecast] = []
        taken: list[tuple[int, int]] = []
        carried: dict[int, tuple[Horizon, str | None]] = {}  # line start -> last horizon, last condition
        for verb in self.sdoc:
            if not self.predictive(verb) or self.first_person(verb) or self.asked(verb):
                continue
            if verb.dep_ == "relcl" and self.parties.quote_at(verb.idx) is not None:
                continue  # part of the clause it describes ("measures that Dorrun will notice")
            if is_warning(verb) and self.author_of(verb) != self.author:
                continue  # a speaker's warning is a THREATEN event, not a prediction
            if verb.lemma_.lower() in CONTINGENT or self.about_itself(verb):
                continue
            if self.generic_you(verb) or self.speakers_own_intention(verb) or self.eulogy(verb):
                continue
            start, end = self.clause(verb)
            unreal = self.counterfactual(verb) or self.hypothetical_act(verb)
            if unreal and self.own_horizon(verb, start, end) is None:
                continue  # (with a horizon, "would have concluded by June" is a future perfect)
            if self.states_a_rule(verb, start, end):
                continue
            if (
                end - start < 12
                or any(s <= verb.idx < e for s, e in taken + self.promised)
                or self.repeats_promise(start, end)
            ):
                continue
            if not self.analysis and self.author_of(verb) == self.author and not self.hedged(verb, start, end):
                continue  # a news report's own "will" states a schedule ("fees will rise from 1 March")
            if self.undated_official_passive(verb, start, end):
                continue
            between = self.text[forecasts[-1].evidence.end:start] if forecasts else ""
            if forecasts and forecasts[-1].conditional and OTHER_BRANCH.match(between):
                # "If A, X will …; otherwise, Y will …": the other branch of the same conditional prediction
                forecasts[-1] = self._extended(forecasts[-1], end)
                taken.append((start, end))
                continue
            line_start = line_bounds(self.text, verb.idx)[0]
            last_horizon, last_condition = carried.get(line_start, (NO_HORIZON, None))
            horizon = (self.own_horizon(verb, start, end) or self.away_horizon(verb) or self.condition_horizon(verb)
                       or self.term_horizon(verb.idx) or last_horizon)
            conditional, condition = self.condition(verb, last_condition)
            if conditional and not condition:
                conditional = False
            carried[line_start] = (
                horizon,
                condition if condition and not condition.startswith("unless") else last_condition,
            )
            taken.append((start, end))
            forecast = self.forecast(verb, start, end, horizon, conditional, condition)
            if not forecast.subjects and self.parties.main_dyad() is None:
                continue  # neither the words nor the document are about states ("the star will become a giant")
            forecasts.append(forecast)
        return forecasts

    def _extended(self, forecast: Forecast, end: int) -> Forecast:
        start, doc_id = forecast.evidence.start, self.document.doc_id
        return replace(forecast, forecast_id="f-" + hashlib.sha256(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16],
                       text=self.text[start:end], evidence=Evidence(doc_id, start, end, self.text[start:end]),
                       subjects=self.subjects(start, end))

    def forecast(self, verb: Token, start: int, end: int, horizon: Horizon, conditional: bool,
                 condition: str | None) -> Forecast:
        doc_id = self.document.doc_id
        return Forecast(
            forecast_id="f-" + hashlib.sha256(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16],
            doc_id=doc_id,
            author=self.author_of(verb),
            text=self.text[start:end],
            horizon_text=horizon.text,
            resolves_by=horizon.resolves_by,
            subjects=self.subjects(start, end),
            conditional=conditional,
            evidence=Evidence(doc_id, start, end, self.text[start:end]),
            condition=condition,
        )


@cache
def wish_verbs() -> frozenset[str]:
    """"would like to", "wants to": a wish (lexicon ``wish_verbs`` of commitments.json, shared with commitments)."""
    path = Path(__file__).resolve().parents[1] / "lexicons" / "commitments.json"
    return frozenset(json.loads(path.read_text(encoding="utf-8"))["wish_verbs"])


def _fronted_subject(verb: Token) -> Token | None:
    """"Vorlund, asked about the line, said that …": the parser often makes the speaker the subject
    of the participle before the verb of saying."""
    return next((s for c in verb.children if c.i < verb.i and c.dep_ in ("ccomp", "advcl")
                 for s in c.children if s.dep_ == "nsubj" and s.pos_ == "PROPN"), None)


def _clause_of_its_own(token: Token) -> bool:
    """A conjoined clause with its own auxiliary or subject ("… and that they hoped to …")."""
    return token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and (
        bool(auxiliaries(token)) or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children))


def find_forecasts(document: Document, sdoc: Doc, mentions: list[Mention], timexes: tuple[Timex, ...],
                   quotes: tuple[Quote, ...], commitments: tuple[Commitment, ...] = ()) -> list[Forecast]:
    """The forecasts of one document, in text order (what is promised is not also predicted)."""
    return ForecastFinder(document, sdoc, mentions, timexes, quotes, commitments).find()


TIME_AWAY_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year"})


def time_away(verb: Token) -> tuple[int, int] | None:
    """For "X is (only) weeks away from Y" (a thing said to be that near its end), the characters of
    "weeks away"; None for any other verb."""
    if verb.lemma_.lower() != "be":
        return None
    away = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "away"), None)
    source = next((c for c in (*verb.children, *(away.children if away is not None else ()))
                   if c.dep_ == "prep" and c.lower_ == "from"), None)
    if away is None or source is None:
        return None
    # what it is near must be a happening ("completion", "being signed"), not a place ("two hours from the border")
    if not any(c.dep_ == "pcomp" or (c.dep_ == "pobj" and c.pos_ == "NOUN" and c.lemma_.lower().endswith(
            ("tion", "ment", "sion", "ure", "al", "ing", "deal", "collapse", "war", "default", "vote", "launch")))
            for c in source.children):
        return None
    unit = next((c for c in away.children if c.dep_ == "npadvmod" and c.lemma_.lower() in TIME_AWAY_UNITS), None)
    if unit is None:
        return None
    return unit.idx, away.idx + len(away.text)
