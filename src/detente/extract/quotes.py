"""Quotes: direct quotations and reported speech, attributed to the actor who spoke.

Quotation marks are paired first (“ ” ‘ ’ « » „ " with nesting, apostrophes told apart, a
quote left open at a paragraph end continued by the next paragraph's opening mark). A quoted
span is a quote only when the structure attributes it: a reporting verb after it ("…," Demmin
said), a reporting clause and a colon before it, a reporting verb whose complement holds it
("said that Russia “could …”"), or an attribution in the next or previous sentence. Spans with
no speaker are scare quotes, names, proverbs or the author's own questions; name-like spans
(every word capitalised) are names even under a reporting verb.

Reported speech is the complement clause of a reporting verb ("X said that …", "X told
journalists …") or the clause an "according to X" phrase governs.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..records import Document, Evidence, Quote, Timex
from .actors import Mention, enclosing, may_stand_for, person_genders, pronoun_agrees
from .clauses import in_dateline

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"', "‹": "›"}
DOUBLE_OPENERS = {"“", "«", "„", '"'}
DASHES = ("—", "–", "-", "--")
PRONOUNS = {"he", "she", "they", "it", "his", "her", "their", "its", "him", "them", "i", "we"}
PERSON_PRONOUNS = {"he", "she", "his", "her", "him"}
# speakers named by what they are, whose country adjective does not make the state the speaker
NON_STATE_SPEAKERS = {
    "daily", "newspaper", "paper", "outlet", "channel", "agency", "broadcaster", "magazine",
    "website", "site", "group", "organization", "organisation", "company", "firm", "network",
    "campaign", "party", "union", "bank", "newsletter", "report", "study", "poll", "survey",
}  # fmt: skip


# what joins one side's "according to" phrase to the next side's claim ("…, according to Dorrun, and two, …")
_ANOTHER_SIDE = re.compile(r"[\s,]*(?:(?:and|but|while|whereas)\s+)?")
# a word opening a clause right before a set-in "according to" phrase, whose clause it then governs
_CLAUSE_OPENING = re.compile(r"(?:\b(?:in|on|at|of|by|for|from|during|under)\s+which|\b(?:which|whom|that|where|when|"
                             r"while|whereas|because|since|after|before|although|though|if))\s*,\s*$", re.I)


@cache
def lexicon() -> dict[str, Any]:
    path = Path(__file__).resolve().parents[1] / "lexicons" / "reporting.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def speech_verbs() -> frozenset[str]:
    return frozenset(lexicon()["speech_verbs"])


@dataclass(frozen=True, slots=True)
class Marked:
    """A span between quotation marks: ``start``/``end`` are the inner words' offsets."""

    open_at: int
    close_at: int
    start: int
    end: int
    depth: int


# ---------------------------------------------------------------- pairing marks


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def find_marked_spans(para: str) -> list[Marked]:
    """Every closed quoted span of one paragraph, outermost and nested, in text order."""
    spans: list[Marked] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(para):
        if (
            (stack and PAIRS[stack[-1][0]] == ch and ch != '"' and not (ch == "’" and _is_apostrophe(para, i)))
            or (ch == '"' and stack and stack[-1][0] == '"')
        ):
            _, at = stack.pop()
            spans.append(Marked(at, i, at + 1, i, len(stack)))
        elif ch in ("“", "«", "„", "‹") or (ch in ("‘", '"') and not _is_apostrophe(para, i) and _opens(para, i)):
            stack.append((ch, i))
    return sorted(spans, key=lambda m: (m.open_at, -m.close_at))


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:;,/") and not after.isspace()


def _unclosed_opener(para: str) -> int | None:
    """Offset of a double opening mark still open at the end of a paragraph, if any."""
    open_at: list[int] = []
    for i, ch in enumerate(para):
        if ch in ("“", "«", "„"):
            open_at.append(i)
        elif ch in ("”", "»") and open_at:
            open_at.pop()
        elif ch == '"':
            if open_at and para[open_at[-1]] == '"':
                open_at.pop()
            elif _opens(para, i):
                open_at.append(i)
    return open_at[0] if open_at else None


def quoted_spans(text: str) -> list[Marked]:
    """Top-level quoted spans; a quote left open at a paragraph's end and reopened at the start
    of the next paragraph (the usual convention) is one span over both paragraphs."""
    return list(_quoted_spans(text))


@lru_cache(maxsize=8)
def _quoted_spans(text: str) -> tuple[Marked, ...]:
    """One scan per text: dates and quotes both ask."""
    result: list[Marked] = []
    pending: int | None = None  # offset of the opening mark of a quote running over paragraphs
    for para_match in re.finditer(r"[^\n]+", text):
        base, para = para_match.start(), para_match.group()
        spans = [Marked(s.open_at + base, s.close_at + base, s.start + base, s.end + base, s.depth)
                 for s in find_marked_spans(para) if s.depth == 0]
        leftover = _unclosed_opener(para)
        if pending is not None:
            lead = len(para) - len(para.lstrip())
            if para.lstrip()[:1] in DOUBLE_OPENERS:
                closing = next((s for s in spans if s.open_at == base + lead), None)
                if closing is None:
                    continue  # the quote runs on through this paragraph as well
                result.append(Marked(pending, closing.close_at, pending + 1, closing.end, 0))
                spans.remove(closing)
                if leftover == lead:
                    leftover = None
            pending = None
        result.extend(spans)
        if leftover is not None:
            pending = base + leftover
    return tuple(sorted(result, key=lambda m: m.open_at))


# ---------------------------------------------------------------- attribution


@dataclass
class Attribution:
    cue: Token
    speaker: str | None
    subject: Token | None = None


class QuoteFinder:
    def __init__(self, document: Document, sdoc: Doc, mentions: list[Mention], timexes: tuple[Timex, ...]) -> None:
        self.document = document
        self.text = document.text
        self.sdoc = sdoc
        self.mentions = mentions
        self.timexes = timexes
        self.verbs = speech_verbs()
        self.quoted = quoted_spans(self.text)
        self.genders = person_genders(self.text, mentions)

    # -- actors under tokens

    def actor_at(self, start_char: int, end_char: int) -> Mention | None:
        best = None
        for mention in self.mentions:
            if mention.start < end_char and start_char < mention.end and (
                best is None or _kind_rank(mention.kind) < _kind_rank(best.kind)
            ):
                best = mention
        return best

    def speaker_of(self, subject: Token, before_char: int) -> str | None:
        """The actor a reporting verb's subject names; pronouns take the last person before."""
        if subject.lower_ in PRONOUNS:
            return self.last_person_before(subject.idx, subject.lower_)
        owner = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in PRONOUNS), None)
        if owner is not None and self.actor_at(subject.idx, subject.idx + len(subject.text)) is None \
                and subject.lemma_.lower() in _own_voice_nouns():
            # "his speeches emphasised …", "her spokesman said": the owner's words; not "his family reported",
            # "her son Anderson Cooper announced" (someone else, named in the phrase or not)
            return self.last_person_before(owner.idx, owner.lower_)
        span = self.sdoc[subject.left_edge.i : subject.right_edge.i + 1]
        # the head noun's own words first ("the Russian leader"), then the whole phrase
        head_mention = self.actor_at(subject.idx, subject.idx + len(subject.text))
        if head_mention is not None:
            return head_mention.actor_id
        if subject.pos_ == "NOUN":
            # "the official representative of X, Mira Sellen": the person named in the phrase
            for mention in self.mentions:
                if span.start_char <= mention.start and mention.end <= span.end_char and mention.kind == "person":
                    return mention.actor_id
            if subject.lemma_.lower() in NON_STATE_SPEAKERS:
                return None  # "the influential US daily": the daily speaks, not the United States
        mention = self.actor_at(span.start_char, span.end_char)
        return mention.actor_id if mention else None

    def last_person_before(self, char: int, pronoun: str) -> str | None:
        """The last actor named before a pronoun that it can stand for: of its gender, and not named inside a
        quotation the pronoun is outside ("She said: “Mr Renn is a journalist …” … she stated" is not Renn)."""
        kinds = (
            ("person",)
            if pronoun in PERSON_PRONOUNS or pronoun == "i"
            else ("person", "state", "organization", "media")
        )
        for mention in reversed(self.mentions):
            if mention.end <= char and mention.kind in kinds \
                    and may_stand_for(pronoun, mention, char, self.quoted, self.genders):
                return mention.actor_id
        return None

    def reporting_verb(self, token: Token) -> bool:
        return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.verbs and token.lemma_.lower() != "be"

    def subject_of(self, verb: Token) -> Token | None:
        """Who speaks: the subject, or the agent of a passive ("it was noted" has no speaker)."""
        if any(c.dep_ == "auxpass" for c in verb.children):
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and any(t.is_alpha for t in c.subtree)]
        if subjects:  # the nearest real subject (a stray "***" line can parse as one too)
            before = [c for c in subjects if c.i < verb.i]
            subject = before[-1] if before else subjects[0]
            if subject.lower_ == "who" and verb.dep_ == "relcl":
                return self._antecedent(verb.head) or subject  # "Hask, who predicted in March that …"
            return subject
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
            return self.subject_of(verb.head)
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.tag_ == "VB" \
                and verb.head.lemma_.lower() in lexicon()["decision_nouns"] \
                and (owner := next((c for c in verb.head.children if c.dep_ == "poss"), None)) is not None:
            return owner  # "the ministry's decision to dismiss his words as …": the ministry's
        if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN", "PRON"):
            return verb.head  # "Brisk, speaking in the capital, stated"
        return None

    def _antecedent(self, noun: Token) -> Token | None:
        """The person a relative "who" is on: the noun it follows, or up from a phrase on that noun to the first
        person named ("Hask of the Meridian Centre for Basin Studies, who …" is Hask); None without one."""
        token: Token | None = noun
        while token is not None:
            mention = self.actor_at(token.idx, token.idx + len(token.text))
            if mention is not None and mention.kind == "person":
                return token
            if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.i != token.head.i:
                token = token.head.head
            else:
                token = None
        return None

    def attribute(self, marked: Marked) -> Attribution | None:
        span = self.sdoc.char_span(marked.start, marked.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        for finder in (self._after_quote, self._colon_before, self._governing_verb, self._previous_sentence,
                       self._across_false_split):
            found = finder(marked, span)
            if found is not None:
                return found
        return None

    def _after_quote(self, marked: Marked, span: Span) -> Attribution | None:
        """"…,” Demmin promised." / "…,” said the minister." / "…,” she stated."."""
        after = self.sdoc.char_span(
            marked.close_at + 1, min(len(self.text), marked.close_at + 120), alignment_mode="contract"
        )
        if after is None:
            return None
        if "\n" in self.text[marked.close_at + 1 : after.start_char + 1]:
            return None  # the attribution never lies in the next paragraph
        for token in list(after)[:6]:
            if "\n" in token.text or (token.is_sent_start and token.i > after.start + 3):
                break
            if self.reporting_verb(token):
                subject = self.subject_of(token)
                if subject is None:
                    continue
                if marked.start <= subject.idx < marked.end:
                    continue
                return Attribution(token, self.speaker_of(subject, marked.open_at), subject)
        return None

    def _colon_before(self, marked: Marked, span: Span) -> Attribution | None:
        """"The spokeswoman said: “…”", "he said, “…”", "Demmin wrote on social media: “…”", and the
        transcript form "Anna Brisk, Radio Velmar: “…”"."""
        before = self.text[max(0, marked.open_at - 3) : marked.open_at].rstrip()
        if not before.endswith((":", ",")):
            return None
        clause = self.sdoc.char_span(max(0, marked.open_at - 300), marked.open_at, alignment_mode="contract")
        if clause is None or not len(clause):
            return None
        last = self.sdoc[clause.end - 1]
        tokens = [t for t in clause if t.sent.start == last.sent.start]
        window = tokens if before.endswith(":") else tokens[-5:]
        for token in reversed(window):
            if self.reporting_verb(token):
                subject = self.subject_of(token)
                if subject is not None:
                    return Attribution(token, self.speaker_of(subject, marked.open_at), subject)
        if not before.endswith(":") or not tokens:
            return None
        line_start = self.text.rfind("\n", 0, marked.open_at) + 1
        head = [t for t in tokens if t.idx >= line_start]
        if head and len(head) <= 8:  # "Name, Outlet:" opening a line
            mention = self.actor_at(head[0].idx, head[0].idx + len(head[0].text))
            if mention is not None and mention.kind == "person":
                return Attribution(head[-1], mention.actor_id, head[0])
        verb = tokens[-1].sent.root
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verb.pos_ == "VERB" and subject is not None:
            speaker = self.speaker_of(subject, marked.open_at)
            mention = self.actor_at(subject.idx, subject.idx + len(subject.text))
            if speaker and (subject.lower_ in PERSON_PRONOUNS or (mention and mention.kind == "person")):
                return Attribution(verb, speaker, subject)  # "Demmin swiped at Halvic in a post: “…”"
        return None

    def _previous_sentence(self, marked: Marked, span: Span) -> Attribution | None:
        """A quote standing as its own sentence after one about a person ("Corvel was blunt. “…”")."""
        sentence = span[0].sent
        if self.text[sentence.start_char : marked.open_at].strip() or sentence.start == 0:
            return None
        previous = self.sdoc[sentence.start - 1].sent
        if len(previous) > 40:
            return None
        root = previous.root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ in PRONOUNS:
            return None
        mention = self.actor_at(subject.idx, subject.idx + len(subject.text))
        if mention is None or mention.kind != "person":
            return None
        if any(m.actor_id == mention.actor_id and marked.start <= m.start < marked.end for m in self.mentions):
            return None  # the quote speaks of that person in the third person: someone else says it
        return Attribution(root, mention.actor_id, subject)

    def _across_false_split(self, marked: Marked, span: Span) -> Attribution | None:
        """A sentence cut after an abbreviation or a title ending in a full stop ("on his
        programme Morning. Live that …"): a fragment with no subject continues the previous
        sentence, whose reporting verb still lacks its complement."""
        sentence = span[0].sent
        root = sentence.root
        if sentence.start == 0 or any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
            return None
        if not any(t.lower_ == "that" and t.dep_ == "mark" for t in sentence[:4]):
            return None
        previous = self.sdoc[sentence.start - 1].sent
        for verb in reversed(list(previous)):
            if self.reporting_verb(verb) and not any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
                subject = self.subject_of(verb)
                if subject is not None:
                    return Attribution(verb, self.speaker_of(subject, marked.open_at), subject)
        return None

    def _governing_verb(self, marked: Marked, span: Span) -> Attribution | None:
        """A reporting verb whose complement holds the quote: "stated that Russia “could …”"."""
        token = span.root
        fallback: Attribution | None = None
        for ancestor in token.ancestors:
            if marked.start <= ancestor.idx < marked.end:
                continue
            aside = self._parenthetical_cue(ancestor, marked)
            if aside is not None:
                return aside
            if ancestor.lemma_.lower() in lexicon()["speech_nouns"] and ancestor.pos_ == "NOUN":
                owner = self._speech_owner(ancestor)
                if owner is not None:
                    return Attribution(ancestor, owner)
            if self._characterising(ancestor, marked):
                subject = self.subject_of(ancestor)
                speaker = self.speaker_of(subject, marked.open_at) if subject is not None else None
                if speaker is not None:  # "attempts to dismiss the incidents as “excesses”": nobody's words
                    return Attribution(ancestor, speaker, subject)
            if self.reporting_verb(ancestor):
                if ancestor.lemma_.lower() in lexicon()["direct_only"]:
                    return fallback
                subject = self.subject_of(ancestor)
                if subject is None or marked.start <= subject.idx < marked.end:
                    return fallback
                found = Attribution(ancestor, self.speaker_of(subject, marked.open_at), subject)
                if found.speaker is not None:
                    return found
                # "said that the protocol was “…” and stressed": a misattached verb whose subject
                # names nobody; a reporting verb further up may name the speaker
                fallback = fallback or found
        return fallback

    @staticmethod
    def _characterising(verb: Token, marked: Marked) -> bool:
        """"dismissed Renn's words as a “private opinion”": the words in the verb's "as" phrase are the subject's.
        The "as" may hang lower in the parse ("described remarks by a presenter, who suggested that Valdoria could
        take the bridge, as “a private opinion”" attaches it to "take") unless another such verb holds it."""
        characterising = lexicon()["characterising"]
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in characterising:
            return False
        for token in verb.subtree:
            if token.dep_ != "prep" or token.lower_ != "as" or token.i < verb.i:
                continue
            holder = next(a for a in token.ancestors if a.pos_ == "VERB")
            if holder.i != verb.i and holder.lemma_.lower() in characterising:
                continue
            if token.left_edge.idx <= marked.open_at and marked.close_at <= token.right_edge.idx + len(
                    token.right_edge.text):
                return True
        return False

    def _parenthetical_cue(self, head: Token, marked: Marked) -> Attribution | None:
        """"as Russia, he argues, has entered an era in which “…”": a reporting aside."""
        for child in head.children:
            if (
                child.dep_ in ("parataxis", "advcl")
                and self.reporting_verb(child)
                and not marked.start <= child.idx < marked.end
            ):
                subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if subject is not None and not any(c.dep_ in ("ccomp", "dobj") for c in child.children):
                    return Attribution(child, self.speaker_of(subject, marked.open_at), subject)
        return None

    def _speech_owner(self, noun: Token) -> str | None:
        """Whose statement, claim or words: "his argument …", "the minister's remarks"."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:  # "a statement by the customs service that …", "an assurance from Brask"
            owner = next((o for p in noun.children if p.dep_ in ("prep", "agent") and p.lower_ in ("by", "from")
                          for o in p.children if o.dep_ == "pobj"), None)
        if owner is None:
            verb = noun.head.head if noun.dep_ == "pobj" else noun.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lemma_.lower() in lexicon()["speech_nouns"]:
                owner = next((c for c in subject.children if c.dep_ == "poss"), None)
            elif subject is not None and noun.dep_ == "dobj" and verb.pos_ == "VERB":
                owner = subject  # "the Kremlin has activated the narrative of …"
        if owner is None:
            return None
        if owner.lower_ in PRONOUNS:
            return self._clause_subject_owner(noun, owner) or self.last_person_before(owner.idx, owner.lower_)
        mention = self.actor_at(owner.idx, owner.idx + len(owner.text))
        return mention.actor_id if mention else None

    def _clause_subject_owner(self, noun: Token, owner: Token) -> str | None:
        """"Halvic expressed gratitude to Demmin … and his confidence that …": "his" on what the subject expresses is
        the subject's own (a person of its gender), not the person named last."""
        if owner.lower_ not in PERSON_PRONOUNS:
            return None
        token = noun
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        verb = token if token.pos_ == "VERB" else token.head if token.dep_ == "dobj" else None
        subject = self.subject_of(verb) if verb is not None and verb.pos_ == "VERB" else None
        if subject is None or subject.lower_ in PRONOUNS:
            return None
        mention = self.actor_at(subject.idx, subject.idx + len(subject.text))
        if mention is None or mention.kind != "person" or not pronoun_agrees(owner.lower_,
                                                                            self.genders.get(mention.actor_id)):
            return None
        return mention.actor_id

    # -- classification

    def name_like(self, marked: Marked) -> bool:
        """Names and labels in quotation marks ("Amber Route", "3+3"): no lower-case content word."""
        words = re.findall(r"[^\W\d_][\w'’\-]*", self.text[marked.start : marked.end])
        function = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "de", "la"}
        content = [w for w in words if w.lower() not in function]
        return len(words) <= 5 and all(w[0].isupper() for w in content)

    def direct_quotes(self) -> list[Quote]:
        quotes: list[Quote] = []
        seen_text: dict[str, str | None] = {}
        for marked in quoted_spans(self.text):
            inner = self.text[marked.start : marked.end]
            if not inner.strip() or self.name_like(marked):
                continue
            attribution = self.attribute(marked)
            if attribution is not None and attribution.speaker and attribution.speaker.startswith("place:"):
                attribution = None  # a place says nothing: a proverb or a saying about it
            speaker = attribution.speaker if attribution else None
            if attribution is None:
                key = _norm(inner)
                if key in seen_text:  # the author re-quotes a statement already attributed
                    speaker = seen_text[key]
                else:
                    continue
            start, end = _trim(self.text, marked.start, marked.end)
            seen_text[_norm(inner)] = speaker
            cue = _cue_text(attribution.cue) if attribution else None
            quotes.append(Quote(
                quote_id=_quote_id(self.document.doc_id, "direct", start, end),
                doc_id=self.document.doc_id,
                text=self.text[start:end],
                start=start,
                end=end,
                speaker=speaker,
                kind="direct",
                cue=cue,
                said_on=self.said_on(attribution.cue) if attribution else None,
                venue=self.venue(attribution.cue) if attribution else None,
                speaker_evidence=self.evidence_of(attribution.subject) if attribution else None,
            ))
        return quotes

    def indirect_quotes(self, direct: list[Quote]) -> list[Quote]:
        quotes: list[Quote] = []
        for token in self.sdoc:
            if self.reporting_verb(token):
                found = self._complement_quote(token)
                if found is not None and not self._across_quote_marks(token, found):
                    quotes.append(found)
            elif token.pos_ == "NOUN" and token.lemma_.lower() in lexicon()["speech_nouns"]:
                found = self._noun_content(token)
                if found is not None:
                    quotes.append(found)
        quotes.extend(self._according_to())
        # reported speech that is nothing but a direct quote is the direct quote
        direct_spans = [(q.start, q.end) for q in direct]
        quotes = [q for q in quotes if not any(s - 1 <= q.start and q.end <= e + 1 for s, e in direct_spans)]
        # one report inside another by the same speaker is the same report
        return [q for q in quotes if not any(
            o is not q
            and o.speaker == q.speaker
            and o.start <= q.start
            and q.end <= o.end
            and (o.start, o.end) != (q.start, q.end)
            for o in quotes)]

    def _across_quote_marks(self, verb: Token, found: Quote) -> bool:
        """Whether a reporting verb inside a quotation reports words outside it ("…, Stoltz tweeted “I think of
        youtube-dl as …”": the quoted "think" reports nothing of the narration before the quotation)."""
        inside = enclosing(self.quoted, verb.idx)
        return inside is not None and not (inside.start <= found.start and found.end <= inside.end)

    def _complement_quote(self, verb: Token) -> Quote | None:
        if verb.lemma_.lower() in lexicon()["direct_only"]:
            return None
        complement = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        if complement is None:
            return (self._fronted_complement(verb) or self._parenthetical_report(verb)
                    or self._complement_across_split(verb))
        has_that = any(c.dep_ == "mark" and c.lower_ == "that" for c in complement.children)
        if verb.lemma_.lower() in lexicon()["indirect_need_that"] and not has_that:
            return None
        subject = self.subject_of(verb)
        if subject is None or (subject.i > verb.i and not has_that):
            return None
        speaker = self.speaker_of(subject, verb.idx)
        if speaker is None and subject.lower_ not in PRONOUNS:
            return None
        first = complement.left_edge.i
        while first < complement.i and self.sdoc[first].text in DASHES:
            first += 1
        if self.sdoc[first].lower_ == "that":
            first += 1
        if (told := self._object_told(verb, first)) is not None:
            first = told.left_edge.i
        last = complement.right_edge.i
        # a complement never runs past the paragraph (a misparse joins bullet points)
        newline = self.text.find("\n", verb.idx)
        if newline != -1:
            if self.sdoc[first].idx > newline:
                return None
            while last > first and self.sdoc[last].idx > newline:
                last -= 1
        return self._content_quote(first, last, speaker, verb, subject)

    def _object_told(self, verb: Token, first: int) -> Token | None:
        """"explained the circumstances of the tragedy—the cause was …": the object the dash or colon before the
        complement spells out is part of what was said."""
        if verb.lemma_.lower() not in lexicon()["topic_object_verbs"]:
            return None  # "told reporters: …": the object is who listened
        told = next((c for c in verb.children if c.dep_ == "dobj" and c.i < first), None)
        if told is None or first == 0 or self.sdoc[first - 1].text not in (*DASHES, ":"):
            return None
        return told if told.right_edge.i in (first - 2, first - 1) else None  # the parser hangs the dash on either

    def _content_quote(
        self, first: int, last: int, speaker: str | None, cue: Token, subject: Token | None
    ) -> Quote | None:
        while first < last and in_dateline(self.sdoc[first]):  # "BRASK, 8 May (ValPress) -" is nobody's words
            first += 1
        while last > first and self.sdoc[last].is_punct and self.sdoc[last].text not in ("”", "’", "»", '"'):
            last -= 1
        start, end = self.sdoc[first].idx, self.sdoc[last].idx + len(self.sdoc[last].text)
        if (
            end - start < 8
            or not (self.text[start].isalnum() or self.text[start] in "“‘«\"")
            or "\n" in self.text[start:end]
        ):
            return None
        return Quote(
            quote_id=_quote_id(self.document.doc_id, "indirect", start, end), doc_id=self.document.doc_id,
            text=self.text[start:end], start=start, end=end, speaker=speaker, kind="indirect",
            cue=_cue_text(cue), said_on=self.said_on(cue), venue=self.venue(cue),
            speaker_evidence=self.evidence_of(subject),
        )

    def _complement_across_split(self, verb: Token) -> Quote | None:
        """"stated on his programme Morning. Live that Valdoria …": the complement the sentence
        splitter cut off, in a subjectless fragment opening with "that"."""
        sentence = verb.sent
        if sentence.end >= len(self.sdoc) or any(c.dep_ == "dobj" for c in verb.children):
            return None
        following = self.sdoc[sentence.end].sent
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in following.root.children):
            return None
        mark = next((t for t in following[:4] if t.lower_ == "that" and t.dep_ == "mark"), None)
        subject = self.subject_of(verb)
        if mark is None or subject is None:
            return None
        return self._content_quote(mark.i + 1, following.end - 1, self.speaker_of(subject, verb.idx), verb, subject)

    def _noun_content(self, noun: Token) -> Quote | None:
        """"his claim that X", "the statement that X": X is reported speech of the owner."""
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "appos") and c.i > noun.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is None or _object_gap(clause):
            return None
        speaker = self._speech_owner(noun)
        if speaker is None:
            return None
        first = next(m.i for m in clause.children if m.dep_ == "mark") + 1
        return self._content_quote(first, clause.right_edge.i, speaker, noun, None)

    def _parenthetical_report(self, verb: Token) -> Quote | None:
        """"Two servicemen died at the scene, the service said, and a third was held": a reporting clause set
        in the sentence reports the clause before it."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verb.dep_ != "parataxis" or verb.head.i > verb.i or subject is None or subject.i > verb.i:
            return None
        return self._reported_before(verb.head.left_edge.i, verb.left_edge.i - 1, verb, subject)

    def _fronted_complement(self, verb: Token) -> Quote | None:
        """"Two servicemen died at the scene, the border service said." The content comes first."""
        complement = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
        subject = (
            next((c for c in verb.children if c.dep_ == "nsubj" and c.i > complement.i), None) if complement else None
        )
        if complement is None or subject is None or verb.dep_ != "ROOT":
            return None
        return self._reported_before(complement.left_edge.i, complement.right_edge.i, verb, subject)

    def _reported_before(self, first: int, last: int, verb: Token, subject: Token) -> Quote | None:
        """The reported words from token ``first`` to ``last`` before their reporting clause, without trailing
        punctuation; none when short, not starting with a word, or holding quotation marks or a line break."""
        while last > first and self.sdoc[last].is_punct:
            last -= 1
        start, end = self.sdoc[first].idx, self.sdoc[last].idx + len(self.sdoc[last].text)
        inner = self.text[start:end]
        if end - start < 12 or not inner[:1].isalnum() or any(m in inner for m in "“”«»\"\n"):
            return None
        return self._content_quote(first, last, self.speaker_of(subject, start), verb, subject)

    def _according_to(self) -> list[Quote]:
        found = []
        phrase_end = 0  # where the last "according to X" phrase ended
        for match in re.finditer(r"\b[Aa]ccording to\b", self.text):
            span = self.sdoc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            to = span[-1]
            source = next((c for c in to.children if c.dep_ == "pobj"), None)
            if source is None:
                continue
            sentence = span.sent
            speaker = self.speaker_of(source, match.start())  # None: a source the text names vaguely
            # the clause the phrase stands in: after a colon, semicolon or dash inside the sentence
            # ("Brask tells a different story: according to the ministry, the patrol crossed …"), or after another
            # side's phrase ("three guards died, according to Dorrun, and two, according to Brask": "two")
            before = self.text[sentence.start_char:match.start()]
            cut = max(before.rfind(mark) for mark in (":", ";", " — ", " – "))
            clause_start = sentence.start_char if cut < 0 else sentence.start_char + cut + 1
            after_another = sentence.start_char <= phrase_end < match.start() and phrase_end > clause_start
            if after_another:
                clause_start = phrase_end + len(_ANOTHER_SIDE.match(self.text, phrase_end).group())
            phrase_end = source.right_edge.idx + len(source.right_edge.text)
            # set in after the word opening a clause, it governs what follows ("the shooting in which, according
            # to Kestria, three of its border guards were killed")
            opening = _CLAUSE_OPENING.search(self.text, clause_start, match.start())
            if opening:
                clause_start = match.start()
            if not self.text[clause_start:match.start()].strip(" —–"):
                start = phrase_end
                while start < sentence.end_char and self.text[start] in " ,":
                    start += 1
                stop = self.text.find(";", start, sentence.end_char)
                end = sentence.end_char if stop < 0 else stop
            else:
                start, end = clause_start, match.start()
                while start < end and self.text[start] in " —–":
                    start += 1
            while end > start and self.text[end - 1] in " ,.;":
                end -= 1
            if end - start < 8 and not (after_another and end > start):
                continue
            if start >= phrase_end:  # "According to his publicist, Mendez died …": "his" may be the clause's subject
                speaker = self._owner_ahead(source, start, end) or speaker
            found.append(Quote(
                quote_id=_quote_id(self.document.doc_id, "indirect", start, end),
                doc_id=self.document.doc_id, text=self.text[start:end], start=start, end=end,
                speaker=speaker, kind="indirect", cue="according to", said_on=None, venue=None,
                speaker_evidence=self.evidence_of(source),
            ))
        return found

    def _owner_ahead(self, source: Token, start: int, end: int) -> str | None:
        """The actor a possessive in a fronted "according to" phrase stands for when it is the subject of the clause
        the phrase governs ("According to his publicist, Mendez died", "According to its press release, the NBA
        was …"): of the pronoun's kind and gender, and the source one it speaks through."""
        owner = next((c for c in source.children if c.dep_ == "poss" and c.lower_ in PRONOUNS), None)
        if owner is None or source.lemma_.lower() not in _own_voice_nouns():
            return None
        clause = self.sdoc.char_span(start, end, alignment_mode="expand")
        subject = next((t for t in clause if t.dep_ in ("nsubj", "nsubjpass") and t.head.i >= t.i
                        and clause.start <= t.head.i < clause.end), None) if clause is not None else None
        mention = self.actor_at(subject.idx, subject.idx + len(subject.text)) if subject is not None else None
        if mention is None:
            return None
        person = owner.lower_ in PERSON_PRONOUNS
        if person != (mention.kind == "person") and owner.lower_ != "their":
            return None
        if person and not pronoun_agrees(owner.lower_, self.genders.get(mention.actor_id)):
            return None
        return mention.actor_id

    # -- context

    def evidence_of(self, subject: Token | None) -> Evidence | None:
        """The speaker's own words: the subject phrase without a trailing apposition or clause."""
        if subject is None:
            return None
        start = subject.left_edge.i
        end = subject.i + 1
        for child in subject.rights:
            if child.dep_ in ("compound", "flat") or (child.dep_ == "appos" and child.i == end):
                end = child.right_edge.i + 1
        span = self.sdoc[start:end]
        return Evidence(self.document.doc_id, span.start_char, span.end_char, span.text)

    def venue(self, verb: Token) -> str | None:
        """Where it was said: "in an interview with …", "on his programme …", "in Ishtal"."""
        venue_nouns = set(lexicon()["venue_nouns"])
        for child in verb.children:
            if child.dep_ != "prep" or child.lower_ not in ("in", "on", "at", "during", "to"):
                continue
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            place = self.actor_at(obj.idx, obj.idx + len(obj.text))
            if obj.lemma_.lower() in venue_nouns or (child.lower_ == "in" and place and place.kind == "place"):
                phrase = self.sdoc[obj.left_edge.i : obj.right_edge.i + 1].text
                return f"{child.text} {phrase}".strip(" ,")
        for child in verb.children:  # "told journalists in Ishtal"
            if child.dep_ in ("dobj", "dative"):
                for sub in child.children:
                    if sub.dep_ == "prep" and sub.lower_ == "in":
                        obj = next((c for c in sub.children if c.dep_ == "pobj"), None)
                        if obj is not None:
                            return f"in {self.sdoc[obj.left_edge.i : obj.right_edge.i + 1].text}"
        return None

    def said_on(self, verb: Token) -> str | None:
        """A dated expression attached to the reporting verb itself."""
        for child in verb.children:
            if child.dep_ in ("prep", "npadvmod", "advmod"):
                left, right = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
                for timex in self.timexes:
                    if left <= timex.start and timex.end <= right and timex.value and timex.precision == "day":
                        return timex.value
        return None


@cache
def _own_voice_nouns() -> frozenset[str]:
    """What someone says through ("his speeches", "her spokesman", "his campaign", "his lawyers" for a client): the
    speech nouns, singular too; not those close to someone who speak for themselves ("his family", "her son")."""
    spoken = {form for noun in lexicon()["speech_nouns"] for form in (noun, noun.removesuffix("s"))}
    return frozenset(spoken | {"speech", "spokesman", "spokeswoman", "spokesperson", "office", "campaign", "account",
                               "feed", "blog", "column", "book", "lawyer", "attorney", "counsel", "team",
                               "representative", "aide", "poll", "polling", "survey", "report", "study", "figure",
                               "estimate", "data", "publicist", "agent", "release"})


def _object_gap(verb: Token) -> bool:
    """Whether a clause read as content ("a statement that …") lacks the object its "as" phrase is about: "a
    statement that many interpreted as an acknowledgment" is a relative clause, "that" its object, and what
    follows is how others read the statement, not what it said."""
    return verb.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children) and not any(
        c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp", "attr", "oprd") for c in verb.children)


def _kind_rank(kind: str) -> int:
    return {"person": 0, "organization": 1, "media": 2, "state": 3, "group": 4, "place": 5}.get(kind, 6)


def _cue_text(verb: Token) -> str:
    particle = next((c.text for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.text} {particle}" if particle else verb.text


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _quote_id(doc_id: str, kind: str, start: int, end: int) -> str:
    return "q-" + hashlib.sha256(f"{doc_id}:{kind}:{start}:{end}".encode()).hexdigest()[:16]


def find_quotes(document: Document, sdoc: Doc, mentions: list[Mention], timexes: tuple[Timex, ...]) -> list[Quote]:
    """Direct and reported quotes of one document, in text order."""
    finder = QuoteFinder(document, sdoc, mentions, timexes)
    direct = finder.direct_quotes()
    indirect = finder.indirect_quotes(direct)
    return sorted(direct + indirect, key=lambda q: (q.start, q.end))
