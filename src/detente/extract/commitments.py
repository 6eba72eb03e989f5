"""Commitments: who promised what to whom, when, by when, and what this document says became of it.

Three ways a text reports a promise:

- a verb of promising ("promised to share", "pledged", "agreed to build", "remained committed
  to", "gave his word"), whose subject (or "by" agent) is the promiser and whose complement is
  the content;
- a reported undertaking of the speaker's own side: "Demmin said that Valdoria would return the
  lorries" (a leader or official saying what their own state will do);
- a first-person future in a direct quote: "We will share what we find".

The promiser is a state when a person speaks for it (the person is kept in ``promiser_person``);
the beneficiary is the object of the promise when it is an actor, else the document's main
counterpart of the promiser. The status is what this document states: a later sentence about
the same content with a cue of ``lexicons/commitments.json`` ("was ignored", "was paid") makes
it broken, kept or, with both, disputed; its words become the status evidence.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..records import Commitment, Document, Evidence, Quote, StanceEvidence, Timex
from .actors import Mention
from .clauses import (
    FIRST_PERSON,
    Parties,
    Party,
    auxiliaries,
    in_dateline,
    is_warning,
    last_day,
    line_bounds,
    sentence_in_line,
    subject_of,
)
from .events import COUNTERPART_SHARE, DEMANDING_VERBS, lexicon_code
from .forecasts import HORIZON_PREP, SAY_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"
OPENING_QUOTES = "\"“‘'«"
OCCASIONS = {"meeting", "meet", "summit", "talk", "visit", "conference", "session", "ceremony", "call", "negotiation"}
PROVISOS = {"once", "provided", "providing", "if", "unless"}
ANAPHORIC = {"it", "its", "they", "their", "them", "this", "these", "those"}
STATIVE = {"be", "remain", "stay", "become", "seem", "appear", "have", "look", "need", "want", "know", "hope"}


@cache
def commitment_lexicon() -> dict[str, Any]:
    return json.loads((LEXICONS / "commitments.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def thing_families() -> dict[str, re.Pattern[str]]:
    """Per family of words naming one kind of promised thing, a pattern finding any of them."""
    return {name: re.compile(rf"\b(?:{'|'.join(words)})\b", re.I)
            for name, words in commitment_lexicon()["thing_families"].items()}


def family_marks(text: str) -> set[str]:
    """``@legal`` for a text naming an investigation or a criminal case, … (see ``thing_families``)."""
    return {f"@{name}" for name, pattern in thing_families().items() if pattern.search(text)}


@cache
def status_cue_patterns() -> dict[str, list[re.Pattern[str]]]:
    return {status: [re.compile(rf"\b{c}\b", re.I) for c in cues]
            for status, cues in commitment_lexicon()["status_cues"].items()}


class CommitmentFinder:
    def __init__(self, document: Document, sdoc: Doc, mentions: list[Mention], timexes: tuple[Timex, ...],
                 quotes: tuple[Quote, ...]) -> None:
        self.document = document
        self.text = document.text
        self.sdoc = sdoc
        self.parties = Parties(document.text, mentions, quotes)
        self.places = [m for m in mentions if m.kind == "place"]
        self.timexes = [t for t in timexes if t.value]
        self.time_phrases = timexes  # with those no date could be given ("before the end of the month", undated text)
        self.quotes = quotes
        lexicon = commitment_lexicon()
        self.verbs = set(lexicon["verbs"])
        self.phrases = {tuple(p.split()) for p in lexicon["verb_phrases"]}
        self.adjectives = set(lexicon["adjectives"])
        self.cues = status_cue_patterns()
        self._sentences: list[tuple[Span, set[str], str]] | None = None
        self._promising: dict[int, bool] = {}
        self.referring = set(lexicon["referring_nouns"])
        self.agreements = set(lexicon["agreement_nouns"])
        self.noncommittal = set(lexicon["noncommittal_verbs"]) | set(lexicon["wish_verbs"])
        self.term_verbs = set(lexicon["term_verbs"])

    # -- triggers

    def promise_verb(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        if token.dep_ in ("ccomp", "xcomp") and token.head.lemma_.lower() in DEMANDING_VERBS:
            return False  # "Russia insists that the sides agree on …": a demand, not a promise
        if token.pos_ == "VERB" and lemma in self.verbs:
            if any(c.dep_ == "neg" for c in token.children):
                return False  # "would not commit to a peaceful transfer", "can't guarantee whether": no promise
            if lemma == "agree":
                return any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "on"
                                                 and any(g.dep_ == "pobj" for g in c.children))
                           for c in token.children)  # but "do not all agree on how inquiries work"
            return not _other_sense(token)
        if token.pos_ == "VERB" and any((lemma, c.lemma_.lower()) in self.phrases and not _for_others(c)
                                        for c in token.children if c.dep_ == "dobj"):
            return True
        if self._phrase_on_noun(token):
            return True
        return token.lower_ in self.adjectives and any(c.dep_ in ("prep", "xcomp") for c in token.children)

    def _phrase_on_noun(self, verb: Token) -> bool:
        """"The date we gave our friends", "the deadline set by the prime minister": a promise phrase
        whose object is the noun the verb describes (not "a deadline for Kestria to …", a demand, nor
        "the promises made in Ishtal", which refers back to promises told elsewhere)."""
        if verb.pos_ != "VERB" or verb.dep_ not in ("relcl", "acl"):
            return False
        thing = verb.head
        return (thing.pos_ == "NOUN"
                and thing.lemma_.lower() not in self.referring
                and (verb.lemma_.lower(), thing.lemma_.lower()) in self.phrases and not _for_others(thing))

    def contents(self, verb: Token) -> list[tuple[int, int]]:
        """The promised content: the "to"-clause, "that"-clause or object of the promise; "to
        provide X and to do Y" and "compensation to the families and an investigation" are two
        promises, but what two sides agree to ("agreed to hold talks and to set up a commission")
        is one agreement."""
        if self._phrase_on_noun(verb):
            return [self._trim(*self._told_of(verb.head))]
        for dep in ("xcomp", "ccomp", "dobj", "prep"):
            children = [c for c in verb.children if c.dep_ == dep and self._content_head(c)]
            if not children:
                continue
            child = children[0]
            if dep == "ccomp" and (rest := _clause_split_off(child, children[1:])) is not None:
                # "promised that the lorries impounded since June would be returned": parsed as two clauses
                tokens = [t for t in [*child.subtree, *rest.subtree] if not (t.dep_ == "mark" and t.head.i == child.i)]
                tokens = [t for t in sorted(tokens, key=lambda t: t.i) if not (t.is_punct or t.is_space)]
                return [self._trim(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))]
            if dep == "dobj":
                spans = self._object_phrases(verb, children)
            else:
                split = []
                if dep in ("xcomp", "ccomp") and verb.lemma_.lower() != "agree":
                    split = [c for c in child.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                             and not _continues(c)]
                spans = []
                for head in [child, *split]:
                    tokens = [t for t in head.subtree if (t.dep_ != "mark" or t.head.i != head.i)
                              and not (head.i == child.i and _under(t, split))
                              and not (t.tag_ in ("WDT", "WP") and t.i < head.i)]  # "the line that X agreed to build"
                    if dep == "prep":
                        tokens = [t for t in tokens if t.i != child.i]
                    while tokens and (tokens[-1].dep_ in ("cc", "punct") or tokens[-1].is_space):
                        tokens.pop()
                    if tokens:
                        spans.append(self._trim(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
            if len(spans) == 1 and self.text[spans[0][0]:spans[0][1]].lower() in ("that", "this", "it"):
                # "… will be finished by November. I give the president my word on that."
                return [self._previous_sentence(verb)] if verb.sent.start > 0 else []
            if spans:
                return spans
        thing = _promised_thing(verb)
        if thing is not None:
            return [self._trim(*self._told_of(thing))]
        return []

    def _told_of(self, thing: Token) -> tuple[int, int]:
        """The promised thing's words; with what the clause it is the subject of says will become
        of it ("the radars Sarnovia promised Kestria would be delivered before Christmas")."""
        clause = thing.head.head if thing.head.dep_ in ("csubj", "csubjpass") else thing.head
        if thing.dep_ in ("nsubj", "nsubjpass") and set(auxiliaries(clause)) & {"will", "would", "shall"}:
            own = [t for t in clause.subtree if not _in_own_clause(t, clause) and not (t.dep_ == "punct" or t.is_space)]
            end = max(own, key=lambda t: t.i)
            return thing.left_edge.idx, end.idx + len(end.text)
        return thing.left_edge.idx, thing.idx + len(thing.text)

    def _content_head(self, child: Token) -> bool:
        if child.dep_ in ("ccomp", "xcomp") and child.i < child.head.i and any(
                t.text == ";" for t in child.doc[child.i:child.head.i]):
            return False  # "That September the movement launched; X promised protests": a clause of its own
        if child.dep_ == "prep":
            # "pledged to Kestria" names the beneficiary, not what is pledged
            return child.lower_ in ("to", "on") and not any(
                c.dep_ == "pobj" and self.parties.at(c.idx, c.idx + len(c.text)) for c in child.children)
        if child.dep_ == "dobj":
            named = self.parties.at(child.idx, child.idx + len(child.text))
            return not (child.lemma_.lower() in self.referring or named)
        return True

    def _object_phrases(self, verb: Token, objects: list[Token]) -> list[tuple[int, int]]:
        """The promised objects: coordinated ones that each bring words of their own ("compensation
        to the families and an investigation whose …") one by one, however the parse hangs the
        second (beside the first, on the verb, or on the first's preposition); "food and medicine"
        stays one."""
        first = objects[0]
        area = [t for t in verb.subtree if t.i >= first.i]
        coordinated = {t.i: t for t in area if t.dep_ == "conj" and t.pos_ == "NOUN"
                       and (t.head.i == verb.i or (t.head.dep_ == "pobj" and t.head.head.dep_ == "prep"))}
        parts = sorted({first.i: first, **{t.i: t for t in objects[1:]}, **coordinated}.values(), key=lambda t: t.i)
        if len(parts) > 1 and not all(_own_phrase(p) for p in parts[1:]):
            parts = [first]
        end = max(t.i for p in parts for t in p.subtree if not (t.dep_ == "punct" or t.is_space))
        # "committing their forces to joint exercises", "promised compensation to the families by the end of September"
        for prep in verb.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ in ("to", "by", "before", "until") and prep.i == end + 1:
                end = max(t.i for t in prep.subtree if not (t.dep_ == "punct" or t.is_space or _under(t, [
                    c for c in prep.subtree if c.dep_ in ("relcl", "acl")])))
        spans = []
        for k, part in enumerate(parts):
            start = first.left_edge.i if k == 0 else part.left_edge.i
            stop = parts[k + 1].left_edge.i - 1 if k + 1 < len(parts) else end
            while stop > start and (self.sdoc[stop].dep_ in ("cc", "punct") or self.sdoc[stop].is_space):
                stop -= 1
            spans.append(self._trim(self.sdoc[start].idx, self.sdoc[stop].idx + len(self.sdoc[stop].text)))
        return spans

    def _previous_sentence(self, verb: Token) -> tuple[int, int]:
        previous = self.sdoc[verb.sent.start - 1].sent
        start, end = self._trim(*sentence_in_line(self.text, previous, previous.start_char))
        while start < end and self.text[start] in "\"“‘'«":
            start += 1
        return start, end

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        while end > start and (self.text[end - 1] in " ,;:." or (
                self.text[end - 1] in CLOSING_MARKS and not _opened_in(self.text[start:end - 1], self.text[end - 1]))):
            end -= 1  # and closing marks of a quotation the words do not open ("… asked twice,’”")
        return start, end

    # -- parties

    def promiser(self, verb: Token) -> Party | None:
        passive = any(c.dep_ == "auxpass" for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")
        if passive:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            return self.parties.of(obj)
        subject = _subject(verb)
        if subject is None and in_dateline(verb.sent[0]):
            # "DORRUN, 12 March (Wire) - Minister A and her counterpart B held talks and agreed to …":
            # the parser took the dateline's city for the subject; the first actor after it acts
            return self.parties.at(verb.doc.user_data["dateline_end"], verb.idx)
        return self.parties.of(subject)

    def beneficiary(self, verb: Token, promiser_country: str | None) -> str | None:
        for child in verb.children:
            target = None
            if child.dep_ in ("dative", "dobj"):
                target = child
            elif child.dep_ == "prep" and child.lower_ in ("to", "with"):
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
            party = self.parties.of(target) if target is not None else None
            if (
                party
                and party.kind in ("state", "person", "organization")
                and (party.country or party.actor_id) != promiser_country
            ):
                return party.country or party.actor_id
        partner = self._partner(verb, promiser_country)
        return partner or self.parties.main_counterpart(promiser_country, COUNTERPART_SHARE)

    def _partner(self, verb: Token, promiser_country: str | None) -> str | None:
        """"Kestria and Sarnovia agreed on visa-free travel": the other side of a joint subject (of an
        agreement only: "China, Iran and Russia have pledged funds" are donors together)."""
        subject = _subject(verb)
        if subject is None or _owner(verb).lemma_.lower() not in ("agree", "sign"):
            return None
        for token in [subject, *(c for c in subject.children if c.dep_ == "conj")]:
            party = self.parties.at(token.idx, token.idx + len(token.text))
            if party is not None and party.country and party.country != promiser_country:
                return party.country
        return None

    # -- dates

    def made_on(self, verb: Token, content: tuple[int, int], agreement: Token | None = None) -> str | None:
        """When the promise was made: a date on the act of promising (the promise verb, the verb of
        saying that reports an undertaking, a "when …" clause on them; an agreement's own date for
        its terms), else the occasion the paragraph places it at, else the date of the statement."""
        if verb.lemma_.lower() == "keep" and _told_as_done(verb):
            return None  # "Brask had kept its word": the keeping is told, not when the word was given
        sentence = verb.sent
        quote = self.parties.quote_at(verb.idx)
        if agreement is not None:
            return self._date_in(agreement.left_edge.idx, agreement.right_edge.idx + len(agreement.right_edge.text))
        act = verb if self.promise_verb(verb) else self._saying(verb)
        own = [t for t in self.timexes if sentence.start_char <= t.start < sentence.end_char
               and act is not None and self._dates_act(t, act) and not self._deadline_words(t)]
        if own:
            # the date on the promise verb itself, else the nearest
            return min(own, key=lambda t: (not self._dates_verb(t, act), abs(t.start - act.idx))).value  # type: ignore[union-attr]
        if quote is not None and quote.said_on:
            return quote.said_on
        occasion = self._occasion_date(verb)
        if occasion is not None:
            return occasion
        reported = next((q for q in self.quotes if q.start <= verb.idx < q.end or q.start <= content[0] < q.end), None)
        if reported is not None:
            # a statement reported without a date of its own was made by the time of publication
            return reported.said_on or self.document.published
        return None

    def _occasion_date(self, verb: Token) -> str | None:
        """"… Demmin promised" after "let us return to the meeting … in Ishtal": a promise with no
        date of its own was made at the occasion its paragraph places it (the place named in its
        sentence, else earlier in its paragraph or the one before), on the date the text gives
        where it names that place with a date."""
        line_start, _ = line_bounds(self.text, verb.idx)
        previous_start = line_bounds(self.text, max(0, line_start - 2))[0] if line_start > 1 else line_start
        sentence = verb.sent
        scopes = [(sentence.start_char, sentence.end_char), (line_start, sentence.start_char)]
        if self.text[line_start:line_start + 1] in OPENING_QUOTES:
            scopes.append((previous_start, line_start))  # a paragraph that only quotes goes on with the one before
        for start, end in scopes:
            named = [m for m in self.places if start <= m.start < end]
            if named:
                return self._dated_at(named[-1].actor_id, sentence)
        return None

    def _dated_at(self, place: str, exclude: Span) -> str | None:
        for sentence, _, _ in self._sentence_lemmas():
            if sentence.start == exclude.start:
                continue
            if not any(m.actor_id == place and sentence.start_char <= m.start < sentence.end_char for m in self.places):
                continue
            if not OCCASIONS & {t.lemma_.lower() for t in sentence}:
                continue  # the place must be named as the scene of a meeting, summit, visit …
            dated = [t for t in self.timexes if sentence.start_char <= t.start < sentence.end_char
                     and len(t.value or "") >= 7 and not self._deadline_words(t)]
            if dated:
                return dated[0].value
        return None

    @staticmethod
    def _saying(verb: Token) -> Token | None:
        """The verb of saying that reports an undertaking ("Demmin said on Thursday that …")."""
        current = verb
        while current.dep_ == "conj" and current.head.i != current.i:
            current = current.head
        return current.head if current.dep_ == "ccomp" and current.head.lemma_.lower() in SAY_VERBS else None

    def _dates_act(self, timex: Timex, act: Token) -> bool:
        """Whether a time phrase dates the act of promising: it hangs on the act (or on the verb it
        is coordinated with: "On Monday he telephoned, … and promised"), possibly through a "when …"
        clause ("promised … when he met Halvic in October"), not on another verb ("would hold a joint
        exercise in the spring", "entered service on 27 November, before the deadline set in March")."""
        span = self.sdoc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            return False
        current = act.head if act.dep_ == "acomp" else _owner(act)  # "remained committed", "…, committing"
        above = {act.i, current.i}
        while current.dep_ == "conj" and current.head.i != current.i:
            current = current.head
            above.add(current.i)
        current = span.root
        while current.head.i != current.i:
            current = current.head
            if current.i in above:
                return True
            if current.pos_ in ("VERB", "AUX") and not (current.dep_ == "advcl" and any(
                    m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as", "while") for m in current.children)):
                return False
        return current.i in above

    def _dates_verb(self, timex: Timex, verb: Token) -> bool:
        """Whether a time phrase modifies the promise verb itself ("the radars Sarnovia promised in
        August would be …"), even where the verb sits inside the content's words."""
        span = self.sdoc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            return False
        current = span.root
        while current.i != verb.i and current.head.i != current.i:
            current = current.head
            if current.pos_ in ("VERB", "AUX") and current.i != verb.i:
                return False
        return current.i == verb.i

    def _deadline_words(self, timex: Timex) -> re.Match[str] | None:
        before = HORIZON_PREP.search(self.text[max(0, timex.start - 40):timex.start])
        if before and before.group("prep").lower() in (
            "by", "before", "until", "till", "within", "no later than", "from"
        ):
            return before
        return None

    def deadline(self, verb: Token, content: tuple[int, int]) -> str | None:
        sentence = verb.sent
        for timex in self.timexes:
            inside = sentence.start_char <= timex.start < sentence.end_char or content[0] <= timex.start < content[1]
            if inside and (before := self._deadline_words(timex)):
                prep = before.group("prep").lower()
                if prep == "from":
                    return timex.value if len(timex.value or "") == 10 else last_day("by", timex)
                return last_day(prep, timex, before.group("part") or "")
        return None

    # -- status

    def status(self, content: tuple[int, int], evidence_start: int, about: frozenset[str] = frozenset(),
               past: bool = False, promisers: frozenset[str] = frozenset()) -> tuple[str, tuple[StanceEvidence, ...]]:
        """What the document says became of the promise: sentences after it (with ``past``, a promise
        the text tells as made before, also sentences before it that share its words or name its
        promiser beside "the commitment": a report often opens with the outcome)."""
        words = self._content_words(*content) | about | family_marks(self.text[content[0]:content[1]])
        found: list[tuple[str, StanceEvidence]] = []
        for sentence, lemmas, text in self._sentence_lemmas():
            before = sentence.end_char <= evidence_start
            if before and not past:
                continue
            if before and self._makes_promise(sentence):
                continue  # "... promised to clarify the circumstances, yet nothing followed": how that promise went
            # before the promise is told, "the pledge" may be another one's ("Sarnovia's earlier pledge")
            mentioned = not before or self._names_any(sentence, promisers)
            refers = bool(words & lemmas) or (mentioned and bool(self.referring & lemmas))
            if not refers:
                continue
            for status in ("broken", "kept", "disputed"):
                if any(not self._conditional_at(sentence, m.start()) for cue in self.cues[status]
                       for m in cue.finditer(text)):
                    start, end = sentence_in_line(self.text, sentence, sentence.start_char)
                    stance = "supports" if status == "kept" else "contradicts"
                    found.append((status, StanceEvidence(
                        self.document.doc_id, start, end, self.text[start:end], stance  # type: ignore[arg-type]
                    )))
                    break
        if not found:
            return "open", ()
        statuses = {s for s, _ in found}
        status = "disputed" if "disputed" in statuses or {"kept", "broken"} <= statuses else found[-1][0]
        return status, tuple(e for _, e in found)

    def _makes_promise(self, sentence: Span) -> bool:
        """A sentence telling a promise of its own: a promise verb with what was promised ("promised to clarify
        all the circumstances", "pledged that …"). Found once per sentence: every promise's status asks."""
        if sentence.start not in self._promising:
            self._promising[sentence.start] = any(
                self.promise_verb(t) and any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in t.children)
                for t in sentence
            )
        return self._promising[sentence.start]

    @staticmethod
    def _conditional_at(sentence: Span, offset: int) -> bool:
        """Whether the words at ``offset`` of the sentence are in an if- or unless-clause ("if statements made at
        summits are not backed by actions, …"): a condition tells nothing of what became of a promise."""
        at = sentence.char_span(offset, offset + 1, alignment_mode="expand")
        if at is None:
            return False
        token = at[0]
        for head in (token, *token.ancestors):
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in head.children):
                return True
        return False

    def _names_any(self, sentence: Span, actors: frozenset[str]) -> bool:
        return any(sentence.start_char <= m.start < sentence.end_char and (m.actor_id in actors or m.country in actors)
                   for m in self.parties.mentions)

    def _sentence_lemmas(self) -> list[tuple[Span, set[str], str]]:
        """Each sentence with the lemmas of its nouns and verbs, found once for all the promises."""
        if self._sentences is None:
            self._sentences = [(sentence, {t.lemma_.lower() for t in sentence if t.pos_ in ("NOUN", "PROPN", "VERB")}
                                | family_marks(sentence.text), sentence.text) for sentence in self.sdoc.sents]
        return self._sentences

    def _content_words(self, start: int, end: int) -> set[str]:
        span = self.sdoc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return set()
        return {t.lemma_.lower() for t in span if t.pos_ in ("NOUN",) and len(t.text) > 3}

    # -- all of them

    def reported_undertaking(self, verb: Token) -> bool:
        """"Demmin said that Valdoria would return …": the speaker's own side, an action, future."""
        auxes = set(auxiliaries(verb))
        if verb.lemma_.lower() in self.noncommittal:
            return False  # "would consider the request": no undertaking
        if verb.dep_ == "conj" and verb.head.i != verb.i and auxes & {"will", "would", "shall"} \
                and not any(c.dep_ == "neg" for c in verb.children) and not self._joint(subject_of(verb)) \
                and self.reported_undertaking(verb.head):
            return True  # "… would return the lorries and that the case would be closed": same undertaking
        if not auxes & {"will", "would", "shall"} or verb.lemma_.lower() in STATIVE or "be" in auxes:
            return False
        if any(c.dep_ == "auxpass" for c in verb.children):
            return False
        doer = self.parties.of(subject_of(verb))
        if doer is None and self._dated_announcement(verb):
            return True
        if doer is None or self.threat(verb) or self._joint(subject_of(verb)) or self._refusal_or_pressure(verb) \
                or self._conditional(verb):
            return False
        if self.under_agreement(verb):
            return True
        speaker = self._speaker(verb)
        if speaker is None:
            return False
        if subject_of(verb) is not None and subject_of(verb).lower_ in FIRST_PERSON:  # type: ignore[union-attr]
            return speaker.country is not None
        return doer.kind != "person" and speaker.country is not None and doer.country == speaker.country

    def _dated_announcement(self, verb: Token) -> bool:
        """"Sarnovian officials said a third convoy would follow before the end of the month": what
        a state's speaker says a thing of theirs will do by a deadline is an undertaking of that state."""
        subject = subject_of(verb)
        if subject is None or subject.head.i != verb.i or subject.pos_ != "NOUN":
            return False
        if self.threat(verb) or self._refusal_or_pressure(verb) or self._conditional(verb):
            return False
        speaker = self._speaker(verb)
        if speaker is None or speaker.country is None:
            return False
        own = [t for t in verb.subtree if not _in_own_clause(t, verb) and t.i > verb.i]
        if not own:
            return False
        start, end = own[0].idx, own[-1].idx + len(own[-1].text)
        return any(start <= t.start < end and (words := self._deadline_words(t))
                   and words.group("prep").lower() in ("by", "before", "within", "no later than")
                   for t in self.time_phrases)

    @staticmethod
    def _conditional(verb: Token) -> bool:
        return any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children) for c in verb.children)

    def threat(self, verb: Token) -> bool:
        return is_warning(verb)

    @staticmethod
    def _refusal_or_pressure(verb: Token) -> bool:
        """"We will not trade …", "Kestria would put its units on alert", "would ask the Council":
        a refusal or a move against the other side is announced, not promised."""
        if any(c.dep_ == "neg" for c in verb.children) or verb.lemma_.lower() in DEMANDING_VERBS:
            return True
        code = lexicon_code(verb)
        return code is not None and code[:2] >= "09"

    def _joint(self, subject: Token | None) -> bool:
        """"Valdoria and Kestria would begin talks": both sides, so a plan, not one side's promise."""
        if subject is None:
            return False
        if self.parties.both_sides(subject):
            return True
        countries = {p.country for t in subject.subtree if t.dep_ in ("conj", "nsubj", "nsubjpass", "amod", "compound")
                     and (p := self.parties.of(t)) is not None and p.country}
        return len(countries) > 1

    def under_agreement(self, verb: Token) -> bool:
        """"Under the memorandum, Sarnovia will finance …": what an agreement binds a party to."""
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        opening = verb.sent.text[: max(0, verb.idx - verb.sent.start_char)].lower()
        match = re.match(r"[\s\"'“”‘’]*under (?:the|this|that|its|their|a|an) (?:new |\w+ )?(\w+)", opening)
        return bool(match) and match.group(1) in self.agreements

    def _speaker(self, verb: Token) -> Party | None:
        quote = self.parties.quote_at(verb.idx)
        if quote is not None and quote.speaker:
            return self.parties.actor(quote.speaker)
        current = verb
        while current.dep_ == "conj" and current.head.i != current.i:
            current = current.head
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in SAY_VERBS:
            return self.parties.of(subject_of(current.head))
        return None

    def find(self) -> list[Commitment]:
        found: list[Commitment] = []
        taken: list[tuple[int, int]] = []
        for token in self.sdoc:
            if self.agreement_term(token):
                made = self.from_agreement_term(token)
            elif self.promise_verb(token):
                made = self.from_promise_verb(token)
            elif token.pos_ in ("VERB", "AUX") and self.reported_undertaking(token):
                made = self.from_undertaking(token)
            else:
                continue
            for commitment in made:
                start, end = commitment.evidence.start, commitment.evidence.end
                if any(s <= start < e or start <= s < end for s, e in taken) or self._repeated(commitment, found):
                    continue
                taken.append((start, end))
                found.append(commitment)
        for commitment in self.breached_agreements():
            if not any(s <= commitment.evidence.start < e for s, e in taken):
                found.append(commitment)
        return sorted(found, key=lambda c: c.evidence.start)

    def agreement_term(self, verb: Token) -> bool:
        """"The protocol keeps the crossing open, fixes transit fees for Kestrian lorries until 2027
        and …": a term an agreement sets (``term_verbs``), its subject the agreement itself."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.term_verbs:
            return False
        if any(c.dep_ == "neg" for c in verb.children):
            return False
        return self._agreement_of(verb) is not None

    def _agreement_of(self, verb: Token) -> Token | None:
        own = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if own is not None and own.tag_ not in ("WDT", "WP"):
            return own if own.lemma_.lower() in self.agreements else None
        # the parser often leaves the term verb without a subject of its own ("fixes" as a loose
        # dependent, "fixed" as a modifier): the sentence's topic is then the agreement
        root = verb.sent.root
        topic = root if root.pos_ in ("NOUN", "PROPN") else next(
            (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return topic if topic is not None and topic.lemma_.lower() in self.agreements and topic.i < verb.i else None

    def from_agreement_term(self, verb: Token) -> list[Commitment]:
        """The party the term binds: the one it names as bound ("obliges Valdoria to …"), else the
        other side of the party it is for ("fees for Kestrian lorries" binds Valdoria)."""
        end = verb.i
        for token in verb.sent[verb.i - verb.sent.start + 1:]:
            following = token.nbor() if token.i + 1 < len(self.sdoc) else None
            if token.text in (";", ".") or (token.dep_ == "cc" and following is not None and following.pos_ == "VERB"):
                break
            end = token.i
        while end > verb.i and (self.sdoc[end].is_punct or self.sdoc[end].is_space or self.sdoc[end].dep_ == "cc"):
            end -= 1
        content = self._trim(verb.idx, self.sdoc[end].idx + len(self.sdoc[end].text))
        named = [self.parties.at(c.idx, c.idx + len(c.text)) for c in verb.children if c.dep_ == "dobj"]
        bound = next((p for p in named if p is not None and p.kind == "state"), None)
        if bound is None:
            named = self.parties.states_in(*content)
            bound = self.parties.actor(self.parties.counterpart(named[0])) if named else None
        if bound is None:
            return []
        agreement = self._agreement_of(verb)
        if agreement is None:
            return []
        # the term is told with its agreement, and what later sentences say of an agreement befalls it
        return [self.commitment(verb, bound, content, (agreement.left_edge.idx, content[1]),
                                about=frozenset(self.agreements), agreement=agreement)]

    def breached_agreements(self) -> list[Commitment]:
        """"The seizures broke the Transit Protocol", "both increases breach the agreement": an
        agreement said to be broken is a broken commitment of the side accused of breaking it (the
        actor that broke it, else the other side of whoever makes the accusation)."""
        found = []
        breach = set(commitment_lexicon()["breach_verbs"])
        for verb in self.sdoc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in breach or any(c.dep_ == "neg" for c in verb.children):
                continue
            agreement = next(
                (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in self.agreements), None
            )
            if agreement is None:
                continue
            breaker = self.parties.of(subject_of(verb))
            if breaker is None or (breaker.kind == "person" and breaker.country is None):
                accuser = self._speaker(verb) or self._arguer(verb)
                other = self.parties.counterpart(accuser.country) if accuser is not None else None
                breaker = self.parties.actor(other)
            if breaker is None:
                continue
            promiser = breaker.country or breaker.actor_id
            start, end = self._trim(agreement.left_edge.idx, agreement.right_edge.idx + len(agreement.right_edge.text))
            sentence = sentence_in_line(self.text, verb.sent, verb.idx)
            doc_id = self.document.doc_id
            found.append(Commitment(
                commitment_id="c-" + hashlib.sha256(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16],
                promiser=promiser, beneficiary=self.parties.counterpart(promiser),
                content=self._agreement_name(agreement), made_on=self._date_in(start, end), deadline=None,
                evidence=Evidence(doc_id, start, end, self.text[start:end]), status="broken",
                status_evidence=(StanceEvidence(doc_id, sentence[0], sentence[1], self.text[sentence[0]:sentence[1]],
                                                "contradicts"),),
            ))
        return found

    def _agreement_name(self, agreement: Token) -> str:
        """"the Isel Transit Protocol signed in February" names "the Isel Transit Protocol"."""
        clauses = [c for c in agreement.children if c.dep_ in ("acl", "relcl")]
        words = [t for t in agreement.subtree if not _under(t, clauses) and not (t.is_punct or t.is_space)]
        return self.text[words[0].idx:words[-1].idx + len(words[-1].text)]

    def _arguer(self, verb: Token) -> Party | None:
        """The subject of the clause that makes the accusation ("Kestria filed a complaint, arguing that …")."""
        for ancestor in verb.ancestors:
            party = self.parties.of(subject_of(ancestor))
            if party is not None:
                return party
        return None

    def _date_in(self, start: int, end: int) -> str | None:
        return next((t.value for t in self.timexes if start <= t.start < end), None)

    @staticmethod
    def _repeated(commitment: Commitment, found: list[Commitment]) -> bool:
        """The same promise quoted again later in the document (same promiser, same words)."""
        words = set(re.findall(r"\w+", commitment.content.lower()))
        for earlier in found:
            other = set(re.findall(r"\w+", earlier.content.lower()))
            if (
                earlier.promiser == commitment.promiser
                and words
                and len(words & other) >= 0.8 * max(len(words), len(other))
            ):
                return True
        return False

    def from_promise_verb(self, verb: Token) -> list[Commitment]:
        party = self.promiser(verb)
        if party is None:
            return []
        contents = self.contents(verb)
        # the first of several promises is told with its promiser and verb, the others by their own words
        return [self.commitment(verb, party, content, self._evidence(verb, content) if k == 0 else content,
                                meant=self._pointed_at(verb, party, content))
                for k, content in enumerate(contents)]

    def _pointed_at(self, verb: Token, party: Party, content: tuple[int, int]) -> tuple[int, int]:
        """What a pointing word stands for ("Brask had kept its word on this point", after "Valdoria has paid
        compensation to the families of the guards"): what the promiser was last told to have done, within the
        sentences before; the words themselves when none is."""
        if not _POINTER.fullmatch(self.text[content[0]:content[1]]):
            return content
        sentence = verb.sent
        floor = max(0, sentence.start - POINTER_REACH)
        own = party.country or party.actor_id
        for token in reversed(self.sdoc[floor:sentence.start]):
            if token.pos_ != "VERB" or token.tag_ not in ("VBD", "VBN"):
                continue
            # of two subjects (a dateline's city read as one) the one nearest the verb that names an actor
            doers = [found for c in token.children if c.dep_ == "nsubj" and (found := self.parties.of(c)) is not None]
            doer = doers[-1] if doers else None
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            if doer is None or obj is None or (doer.country or doer.actor_id) != own:
                continue
            return self._trim(*self._object_phrases(token, [obj])[0])
        return content

    def from_undertaking(self, verb: Token) -> list[Commitment]:
        speaker = self._speaker(verb) or (self.parties.of(subject_of(verb)) if self.under_agreement(verb) else None)
        if speaker is None:
            return []
        subject = subject_of(verb)
        start = subject.left_edge.idx if subject is not None and subject.head.i == verb.i else verb.idx
        own = [t for t in verb.subtree if not _in_own_clause(t, verb)]
        for same in self._same_voice_conjuncts(verb):
            own += list(same.subtree)
        end_token = max(own, key=lambda t: t.i)
        evidence = self._trim(start, end_token.idx + len(end_token.text))
        # "… from 1 January 2027, once its border service has installed …": the condition is not what is promised
        conditions = [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                      and any(m.dep_ == "mark" and m.lower_ in PROVISOS for m in c.children)]
        kept = [t for t in own if not _under(t, conditions) and not (t.is_punct or t.is_space)]
        last = max(kept, key=lambda t: t.i)
        content = self._trim(start, last.idx + len(last.text)) if conditions else evidence
        return [self.commitment(verb, speaker, content, evidence)]

    def _same_voice_conjuncts(self, verb: Token) -> list[Token]:
        """"We will share what we find, and we will finish this investigation": one speaker's
        coordinated first-person undertakings are one statement, so one commitment; so is a clause
        that goes on about what the first one named ("… and that its findings would be shared")."""
        subject = subject_of(verb)
        first_person = subject is not None and subject.lower_ in FIRST_PERSON and subject.head.i == verb.i
        return [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                and (_continues(c) or (first_person and (own := subject_of(c)) is not None and own.head.i == c.i
                                       and own.lower_ == subject.lower_))  # type: ignore[union-attr]
                and self.reported_undertaking(c)]

    def _evidence(self, verb: Token, content: tuple[int, int]) -> tuple[int, int]:
        subject = _subject(verb)
        start = min(subject.left_edge.idx if subject is not None and subject.head.i == _owner(verb).i else verb.idx,
                    content[0])
        thing = _promised_thing(verb)
        end = max(content[1], verb.idx + len(verb.text))
        if thing is not None:
            start = min(start, thing.left_edge.idx)
            if self._phrase_on_noun(verb):  # "the deadline set by Prime Minister X in March"
                last = max(t for t in verb.subtree if not (t.is_punct or t.is_space))
                end = max(end, last.idx + len(last.text))
        return start, end

    def commitment(self, verb: Token, party: Party, content: tuple[int, int], evidence: tuple[int, int],
                   about: frozenset[str] = frozenset(), agreement: Token | None = None,
                   meant: tuple[int, int] | None = None) -> Commitment:
        """``about``: more words that, in a later sentence, refer to this commitment; ``agreement``:
        the agreement whose term it is; ``meant``: the words pointing words in ``content`` stand for."""
        doc_id = self.document.doc_id
        promiser = party.country if party.kind == "person" and party.country else party.actor_id
        promisers = frozenset(filter(None, (promiser, party.actor_id if party.kind == "person" else None)))
        status, status_evidence = self.status(content, evidence[0], about, past=_told_as_past(verb),
                                              promisers=promisers)
        return Commitment(
            commitment_id="c-" + hashlib.sha256(f"{doc_id}:{evidence[0]}:{evidence[1]}".encode()).hexdigest()[:16],
            promiser=promiser,
            beneficiary=self.beneficiary(verb, party.country or promiser),
            content=self.text[slice(*(meant or content))],
            made_on=self.made_on(verb, content, agreement),
            deadline=self.deadline(verb, content),
            evidence=Evidence(doc_id, evidence[0], evidence[1], self.text[evidence[0]:evidence[1]]),
            status=status,  # type: ignore[arg-type]
            status_evidence=status_evidence,
            promiser_person=party.actor_id if party.kind == "person" else None,
        )


def _told_as_done(verb: Token) -> bool:
    """Whether a verb tells what was done, not what will be: told as past (``_told_as_past``), with no modal."""
    return _told_as_past(verb) and not any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in verb.children)


def _told_as_past(verb: Token) -> bool:
    """"Demmin promised the return of the lorries when …": a promise told as made in the past."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.lower_ in ("has", "have", "had") for c in verb.children))


# words that point back at what was promised ("kept its word on this point"), and how many tokens back they reach
_POINTER = re.compile(r"(?:this|that|it)(?:\s+(?:point|issue|matter|question|score|count|one))?", re.IGNORECASE)
POINTER_REACH = 150
CLOSING_MARKS = {"”": "“", "’": "‘", "»": "«", '"': '"', "'": "'"}


def _opened_in(words: str, mark: str) -> bool:
    """Whether ``words`` hold an unclosed quotation that ``mark`` closes (a straight mark: an odd number of them)."""
    opening = CLOSING_MARKS[mark]
    if opening == mark:
        return words.count(mark) % 2 == 1
    return words.count(opening) > words.count(mark)


def _for_others(noun: Token) -> bool:
    """"A deadline for Kestria to comply": set for someone else, a demand rather than a promise."""
    return any(t.lower_ == "for" for t in noun.subtree)


def _owner(verb: Token) -> Token:
    """The verb whose subject makes the promise: a participle's head ("X and Y signed an agreement,
    committing their forces to …")."""
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and subject_of(verb) is None:
        return verb.head
    return verb


def _subject(verb: Token) -> Token | None:
    """The promise verb's subject, borrowed from a participle's head, never a wire dateline's city."""
    owner = _owner(verb)
    subject = subject_of(owner)
    if subject is not None and in_dateline(subject):
        subjects = [c for c in subject.head.children if c.dep_ in ("nsubj", "nsubjpass") and not in_dateline(c)]
        subject = subjects[0] if subjects else None
    return subject


def _other_sense(verb: Token) -> bool:
    """A promise verb in another sense: "committed the murder" (did it; "committed its forces to" is a promise),
    "swore her in" (gave the oath), "I swear I was speechless" (vouches for a fact)."""
    lemma, children = verb.lemma_.lower(), list(verb.children)
    if lemma == "commit":
        if any(c.dep_ == "prep" and c.lower_ == "to" for c in children):
            return False  # "committed their armed forces to joint exercises"
        return any(c.dep_ == "auxpass" for c in children) or any(
            c.dep_ == "dobj" and c.lemma_.lower() not in REFLEXIVES for c in children)
    if lemma == "swear":
        return any(c.lower_ == "in" and not any(g.dep_ == "pobj" for g in c.children) for c in children) or any(
            c.dep_ == "ccomp" and c.tag_ == "VBD" and not any(a.dep_ == "aux" for a in c.children) for c in children)
    return False


REFLEXIVES = {"itself", "themselves", "himself", "herself", "myself", "ourselves", "yourself", "yourselves"}


def _promised_thing(verb: Token) -> Token | None:
    """The noun a promise verb describes ("the radars [that] Sarnovia promised", "the
    investigation promised by …"), also where the parser reads the reduced relative as a clause
    subject with the promiser in apposition ("radars Sarnovia promised" as subject + appos)."""
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN":
        return verb.head
    if verb.dep_ in ("csubj", "csubjpass"):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ == "NOUN" and any(
                c.dep_ == "appos" and c.pos_ == "PROPN" for c in subject.children):
            return subject
    return None


def _clause_split_off(first: Token, others: list[Token]) -> Token | None:
    """The predicate of ``first``'s subject that the parser took for a clause of its own: a later
    complement with a future or conditional auxiliary and no subject, right after ``first`` ("that the
    lorries impounded at the crossing since June | would be returned by 1 December")."""
    for later in others:
        if later.i <= first.i or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in later.children):
            continue
        if not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall") for c in later.children):
            continue
        if later.left_edge.i == first.right_edge.i + 1:
            return later
    return None


def _continues(clause: Token) -> bool:
    """A coordinated clause about something the clause before named ("… an investigation, and
    that its findings would be shared"): the same promise, told on."""
    subject = subject_of(clause)
    if subject is None or subject.head.i != clause.i:
        return False
    words = [subject] + [c for c in subject.children if c.dep_ in ("poss", "det")]
    return any(w.lower_ in ANAPHORIC for w in words)


def _under(token: Token, clauses: list[Token]) -> bool:
    """Whether a token lies inside one of the given clauses."""
    return any(token.i == c.i or c.is_ancestor(token) for c in clauses)


def _own_phrase(noun: Token) -> bool:
    """A coordinated noun that opens a phrase of its own ("an investigation whose …", "a mission for …")."""
    return any(c.dep_ in ("det", "poss") for c in noun.children) and any(
        c.dep_ in ("prep", "relcl", "acl") for c in noun.children)


def _in_own_clause(token: Token, verb: Token, any_conj: bool = False) -> bool:
    """Whether a token belongs to a clause conjoined to ``verb`` with a subject of its own (with
    ``any_conj``, to any conjoined verb)."""
    current = token
    while current.i != verb.i:
        if current.dep_ == "conj" and ((any_conj and current.pos_ in ("VERB", "AUX"))
                                       or any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children)):
            return True
        if current.dep_ == "cc" and current.head.i == verb.i:
            return True
        current = current.head
    return False


def find_commitments(document: Document, sdoc: Doc, mentions: list[Mention], timexes: tuple[Timex, ...],
                     quotes: tuple[Quote, ...]) -> list[Commitment]:
    """The commitments of one document, in text order."""
    return CommitmentFinder(document, sdoc, mentions, timexes, quotes).find()
