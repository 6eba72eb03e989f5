"""One promise across sources, and whether it was kept, judged from every document in date order.

Reports of a promise are grouped per promiser by the words of their contents (names of actors
compared as actors). The status then rests on the status sentences of the documents that report
it and of every later document that names the promiser and speaks of the same thing: reports
that it was done support it, reports that it was ignored or broken contradict it. A promise to hold
something where it is ("fixes fees at their current level") is also broken by a later report that the
promiser raised that thing ("a second increase in transit fees").

- only support: kept; only contradiction: broken; neither: open (a promise only repeated);
- contradiction that all came before the support: kept (it was late, then done);
- support and, later or from another outlet at the same time, contradiction: disputed.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from typing import Any

from ..records import Commitment, Evidence, StanceEvidence
from . import semantic
from .cluster import cluster
from .corpus import Corpus, first_day
from .cues import (
    PROGRESS,
    VOUCHED,
    agreements_named,
    cue_alternation,
    hearsay,
    kind_words,
    status_patterns,
    tells_progress,
)
from .forecasts import predicted_codes
from .text import STOPWORDS, lexicon_file, overlap, plain, stem, word_alternation, words

THRESHOLD = 0.5
# "this line": a thing a promise names by a demonstrative (no pronoun: "that" may start a clause)
_DEMONSTRATIVE = re.compile(r"\b(?:this|these|those)\s+(?P<noun>[^\W\d_]{3,})\b", re.I)
# how far before a promise's report its document may bring in the thing it names by a demonstrative
ANTECEDENT_BEFORE = 1500
# a promise's content that only names a deadline someone set ("the deadline set by …", "the date we gave")
DEADLINE_REFERENCE = re.compile(r"(?:the|this|that|our|its|their) (?:deadline|date|target date)", re.I)
# a sentence telling what will be on the day a promise is due says it again this close after its report
DUE_AFTER = 300
# a definite noun for the term or limit of a promise names one reported at most this far before it
ANAPHOR_AFTER = 1500
# a content shorter than this is read with the rest of its sentence
MIN_CONTENT_WORDS = 3
# a later sentence speaks of the promise when it shares this many of its content words …
SHARED_WORDS = 2
# … and at least this share of them
SHARED_SHARE = 0.3


class PromiseMatcher:
    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._words: dict[str, frozenset[str]] = {}
        self._plain: dict[str, frozenset[str]] = {}
        self.semantic = semantic.enabled()
        # the places the sentence of a report names (set by linking, which keeps them)
        self.places_of: Callable[[Commitment], frozenset[str]] = lambda c: frozenset()

    def words(self, c: Commitment) -> frozenset[str]:
        """Content words of what was promised; the actors it names as ``@actor_id``."""
        if c.commitment_id not in self._words:
            ev = c.evidence
            offset = ev.text.find(c.content)
            at = ev.start + offset if offset >= 0 else self.corpus.text(ev.doc_id).rfind(c.content, 0, ev.start)
            # (not in its evidence: what "on this point" stood for, told before; extract/commitments.py)
            text, start = (c.content, at) if at >= 0 else (ev.text, ev.start)
            found = self.corpus.words_at(ev.doc_id, start, text)
            if len(plain(found)) < MIN_CONTENT_WORDS:  # "promised compensation": the sentence says to whom, when
                found = sentence_words(c, self.corpus)
            if len(plain(found)) <= MIN_CONTENT_WORDS:  # "This line will be finished": which line?
                found |= self.antecedent_words(ev.doc_id, start, text)
            self._words[c.commitment_id] = found
        return self._words[c.commitment_id]

    def antecedent_words(self, doc_id: str, start: int, content: str) -> frozenset[str]:
        """A thing a promise names by a demonstrative ("This line will be finished by November") is the one its
        document brought in before with an indefinite article ("to build a high-voltage power line"): the words
        that describe it there count as the promise's words too."""
        found: set[str] = set()
        for match in _DEMONSTRATIVE.finditer(content):
            noun = match.group("noun")
            if noun.lower() in STOPWORDS:
                continue  # "this year", "these words"
            before = self.corpus.text(doc_id)[max(0, start - ANTECEDENT_BEFORE):start]
            introduced = list(re.finditer(rf"\b(?:a|an)\s+(?P<what>(?:[\w’'-]+\s+){{1,3}}?){re.escape(noun)}\b",
                                          before, re.I))
            if introduced:
                found |= plain(words(introduced[-1].group("what")))
        return frozenset(found)

    def plain_words(self, c: Commitment) -> frozenset[str]:
        """Content words of what was promised, names and numbers left out; a deadline to the day and the
        month it was made count as words too ("by 1 December": two reports of one promise to return lorries,
        or vehicles; "the investigation promised in May")."""
        if c.commitment_id not in self._plain:
            found = plain(self.words(c))
            if c.deadline and len(c.deadline) == 10:
                found.add(f"by:{c.deadline}")
            if c.made_on and len(c.made_on) >= 7:  # the month it was made ("promised in May")
                found.add(f"made:{c.made_on[:7]}")
            found |= self.due_words(c)
            found |= {f"act:{code[:2]}" for code in promised_acts(c.content)}  # see ``different_promises``
            found |= kind_words(c.content)  # "the agreement to an investigation" (``noun_score``); no shared word
            found |= self.voice_words(c)
            self._plain[c.commitment_id] = frozenset(found)
        return self._plain[c.commitment_id]

    def voice_words(self, c: Commitment) -> set[str]:
        """``who:`` the person who made the promise; ``own:`` too when that person speaks only for themselves
        (every role the report's document gives them is a legislator's, a candidate's, a commentator's …)."""
        if not c.promiser_person:
            return set()
        found = {f"who:{c.promiser_person}"}
        roles = self.corpus.roles(c.evidence.doc_id, c.promiser_person)
        if roles and all(speaks_for_self(role) for role in roles):
            found.add(f"own:{c.promiser_person}")
        return found

    def due_words(self, c: Commitment) -> set[str]:
        """A promise with a deadline, by a person: ``due:`` words for the month it falls due, ``set:`` words for
        the month it was made. A report that only names a deadline someone set ("three days before the deadline
        set by Aberline"): ``due:`` words for the month of its publication and the months either side, and
        ``due:ref``; naming when it was set too ("the date we gave in December"), ``set:`` words for that month."""
        if not c.promiser_person:
            return set()
        if c.deadline and len(c.deadline) >= 7:
            months = [c.deadline[:7]]
        elif DEADLINE_REFERENCE.fullmatch(c.content.strip()):
            day = first_day(self.corpus.published(c.evidence.doc_id))
            if day is None:
                return set()
            months = [_month(day, shift) for shift in (-1, 0, 1)] + ["ref"]
        else:
            return set()
        # twice over: two reports must share two words before they are compared at all
        found = {f"{mark}:{c.promiser_person}:{m}" if m != "ref" else f"{mark}:ref" for mark in ("due", "due2")
                 for m in months}
        if c.made_on and len(c.made_on) >= 7:
            found |= {f"{mark}:{c.promiser_person}:{c.made_on[:7]}" for mark in ("set", "set2")}
        return found

    def restates(self, a: Commitment, b: Commitment) -> bool:
        """Whether two reports of one document are one promise, told by two of its government's voices."""
        return a.evidence.doc_id == b.evidence.doc_id and a.promiser == b.promiser and \
            restated(a.beneficiary, b.beneficiary, self.plain_words(a), self.plain_words(b))

    def similarity(self, a: Commitment, b: Commitment) -> float:
        if a.beneficiary and b.beneficiary and a.beneficiary != b.beneficiary:
            return 0.0
        if self.semantic:
            if different_promises(self.plain_words(a), self.plain_words(b)):
                return 0.0
            similarity = semantic.cosine(a.content, b.content)
            return similarity if similarity >= semantic.SAME_PROMISE else 0.0
        return promise_similarity(a.beneficiary, b.beneficiary, self.plain_words(a), self.plain_words(b))


def promise_similarity(beneficiary_a: str | None, beneficiary_b: str | None, words_a: frozenset[str],
                       words_b: frozenset[str]) -> float:
    """Two reports of one promise: the same beneficiary when both name one, and shared content words."""
    if beneficiary_a and beneficiary_b and beneficiary_a != beneficiary_b:
        return 0.0
    if different_promises(words_a, words_b):
        return 0.0
    # the kinds of act and who made it only tell promises apart, they count as no shared word
    words_a, words_b = _without(words_a, *_NOT_SHARED), _without(words_b, *_NOT_SHARED)
    shared = words_a & words_b
    # a report naming only the deadline its promiser set, when it falls due or when it was set, and that promise
    one_names_the_deadline = ("due:ref" in words_a) != ("due:ref" in words_b)
    if "due:ref" in words_a and "due:ref" in words_b:
        return 0.0  # two reports naming only a deadline say nothing alike of what was promised
    if one_names_the_deadline and any(w.startswith(("due:", "set:")) and w != "due:ref" for w in shared):
        return 1.0
    # when a deadline was set tells one promise from another only beside the deadline reference
    words_a, words_b = _without(words_a, "set:", "set2:"), _without(words_b, "set:", "set2:")
    shared = words_a & words_b
    # when it was made and when it is due help, but only beside a word of what was promised
    if len(shared) < SHARED_WORDS or all(":" in w for w in shared):
        return 0.0
    return overlap(words_a, words_b)


# marks that tell promises apart or name a kind of thing (``kind:``, for nouns of an act agreed to only)
_NOT_SHARED = ("act:", "who:", "own:", "kind:")


def different_promises(words_a: frozenset[str], words_b: frozenset[str]) -> bool:
    """Promises of acts of different CAMEO roots are two promises, whatever other words they share ("accept
    the election results", "keep fighting the results in court"); a promise naming no known act can be any.
    So are the promises of two people when one of them speaks only for themselves (a senator's and a
    speaker's), while two voices of one government may restate each other's."""
    acts_a = {w for w in words_a if w.startswith("act:")}
    acts_b = {w for w in words_b if w.startswith("act:")}
    if acts_a and acts_b and not acts_a & acts_b:
        return True
    who_a = {w[4:] for w in words_a if w.startswith("who:")}
    who_b = {w[4:] for w in words_b if w.startswith("who:")}
    own = {w[4:] for w in words_a | words_b if w.startswith("own:")}
    return bool(who_a and who_b and not who_a & who_b and own & (who_a | who_b))


def restated(beneficiary_a: str | None, beneficiary_b: str | None, words_a: frozenset[str],
             words_b: frozenset[str]) -> bool:
    """One article reporting one promise twice (compare only reports of one document and promiser): a president
    promising an investigation whose findings will be handed over, and his prosecutor saying "we will share what
    we find … and finish this investigation". Both are people speaking for the government (a legislator or a
    commentator speaks only for themselves), they promise the same kind of act, and they share SHARED_WORDS
    content words, SHARED_SHARE of the fewer (across documents a promise needs more alike words: ``THRESHOLD``,
    as here when no kind of act is known to both)."""
    if beneficiary_a and beneficiary_b and beneficiary_a != beneficiary_b:
        return False
    if different_promises(words_a, words_b) or any(w.startswith("own:") for w in words_a | words_b):
        return False
    if not any(w.startswith("who:") for w in words_a) or not any(w.startswith("who:") for w in words_b):
        return False
    if not {w for w in words_a if w.startswith("act:")} & {w for w in words_b if w.startswith("act:")}:
        # no kind of act known to both ("turn the old fort into a museum", "converting the fort to a museum"): as
        # alike as two documents' reports of one promise
        return promise_similarity(None, None, words_a, words_b) >= THRESHOLD
    content_a = frozenset(w for w in words_a if ":" not in w)
    content_b = frozenset(w for w in words_b if ":" not in w)
    return len(content_a & content_b) >= SHARED_WORDS and overlap(content_a, content_b) >= SHARED_SHARE


@cache
def _own_voice_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{word_alternation(lexicon_file('crossdoc.json')['own_voice_roles'])})\b", re.IGNORECASE)


def speaks_for_self(role: str) -> bool:
    """A role whose holder speaks for themselves or a party, not for a government (lexicon ``own_voice_roles``)."""
    return bool(_own_voice_pattern().search(role))


def _without(words: frozenset[str], *marks: str) -> frozenset[str]:
    """The words without the marked tokens (``act:``, ``set:`` …) a comparison does not count."""
    return frozenset(w for w in words if not w.startswith(marks))


def promise_groups(commitments: Iterable[Commitment], corpus: Corpus,
                   similarity: Callable[[Commitment, Commitment], float] | None = None,
                   restates: Callable[[Commitment, Commitment], bool] | None = None) -> list[list[Commitment]]:
    """Reports of one promise per promiser; two reports of one document only when it restates the promise
    (``restated``)."""
    matcher = PromiseMatcher(corpus) if similarity is None or restates is None else None
    similarity = similarity or matcher.similarity  # type: ignore[union-attr]
    restates = restates or matcher.restates  # type: ignore[union-attr]
    by_promiser: dict[str, list[Commitment]] = {}
    for c in commitments:
        by_promiser.setdefault(c.promiser, []).append(c)
    groups = []
    for promiser in sorted(by_promiser):
        groups.extend(cluster(by_promiser[promiser], key=lambda c: c.commitment_id, doc=lambda c: c.evidence.doc_id,
                              similarity=similarity, threshold=THRESHOLD, together=restates))
    return groups


def sentence_words(c: Commitment, corpus: Corpus) -> frozenset[str]:
    """Words of the whole sentence reporting a promise (who, where, when it was made)."""
    return corpus.words_at(c.evidence.doc_id, c.evidence.start, c.evidence.text)


def reference_score(cue: dict[str, Any], group: list[Commitment], group_words: frozenset[str],
                    places: frozenset[str] = frozenset()) -> int:
    """How many words a sentence that mentions a promise shares with the content words of this promise's
    reports (``group_words``, names and numbers left out), one more when it says where the promise was made
    (``cue["made_at"]`` among the places its reports name, ``places``); 0 unless it names the promiser, the
    person who promised or that place."""
    named = set(cue["actors"])
    made_there = bool(places.intersection(cue.get("made_at", ())))
    if group[0].promiser not in named and not named & _promiser_people(group) and not made_there:
        return 0
    return len(group_words.intersection(cue["words"])) + made_there


def noun_score(cue: dict[str, Any], group: list[Commitment], content: frozenset[str]) -> int:
    """How well a noun naming a promised act ("the payment of compensation to Baku") fits this promise:
    the words of its object found among the promise's content words (``content``), one more when its act
    is the promise's own verb; 0 for another act, and unless its sentence names the promiser (or who promised)
    and, when the promise has one, its beneficiary."""
    named = set(cue["actors"])
    if group[0].promiser not in named and not named & _promiser_people(group):
        return 0
    beneficiaries = {c.beneficiary for c in group if c.beneficiary}
    if beneficiaries and not beneficiaries & named:
        return 0
    shared = content.intersection(cue["object"])
    if not shared:
        return 0
    if cue.get("agreed"):  # "the agreement to an objective investigation": the object is the act itself
        return len(shared)
    own_verb = cue["verb"] in content
    # the act must be the promise's: its own verb, or an act of the same code ("payment" of what was to be
    # compensated), never another act on the same thing ("the return of the lorries" is no fee promise)
    if not own_verb and not predicted_codes(cue["text"]) & set().union(*(promised_acts(c.content) for c in group)):
        return 0
    return len(shared) + own_verb


def assign_references(groups: list[list[Commitment]], refs: list[dict[str, Any]], corpus: Corpus,
                      window_days: int | None = None,
                      content_words: Callable[[Commitment], frozenset[str]] | None = None,
                      places_of: Callable[[Commitment], frozenset[str]] | None = None) -> dict[int, list[Evidence]]:
    """Later sentences that mention a promise ("the promise made in Ishtal was not kept"), given to
    the promise they share most words with (at least ``SHARED_WORDS``), among the promises first
    reported before the sentence (and at most ``window_days`` before it) whose promiser, or who
    spoke for it, the sentence names. Nouns naming a promised act (cues of kind ``promise_noun``) go to
    the promise whose content words (``content_words``) their object's words fit best (``noun_score``,
    at least 1). A sentence saying where a promise was made ("the promise made in Ishtal") may mention the
    promises whose reports' sentences name that place (``places_of``) as it may those of a promiser it names."""
    by_actor: dict[str, list[int]] = defaultdict(list)
    places = [frozenset().union(*(places_of(c) for c in group)) if places_of else frozenset() for group in groups]
    for i, group in enumerate(groups):
        for actor in {group[0].promiser} | _promiser_people(group) | {f"at|{p}" for p in places[i]}:
            by_actor[actor].append(i)
    words: dict[int, frozenset[str]] = {}
    contents: dict[int, frozenset[str]] = {}
    reports = [{(c.evidence.doc_id, c.evidence.start, c.evidence.end) for c in g} for g in groups]
    firsts = [canonical_commitment(g, corpus).evidence.doc_id for g in groups]
    in_doc: dict[str, list[Commitment]] = defaultdict(list)
    for g in groups:
        for c in g:
            in_doc[c.evidence.doc_id].append(c)
    found: dict[int, list[Evidence]] = {}
    for cue in refs:
        after = corpus.order(cue["doc_id"])
        # a sentence reporting a promise of its own ("vowed to keep fighting the results") mentions no promise
        # of another kind of act (``different_promises``)
        own = [c for c in in_doc.get(cue["doc_id"], ()) if content_words is not None
               and _overlaps_report(cue, {(c.evidence.doc_id, c.evidence.start, c.evidence.end)})]
        scores = {}
        # a sentence that is itself a report of a promise mentions no other promise it fits less well
        reported = set()
        named = [*cue["actors"], *(f"at|{p}" for p in cue.get("made_at", ()))]
        for i in sorted({i for actor in named for i in by_actor.get(actor, ())}):
            if _overlaps_report(cue, reports[i]):
                reported.add(i)
            elif after < corpus.order(firsts[i]):
                continue
            if own and all(different_promises(content_words(o), content_words(c))  # type: ignore[misc]
                           for o in own for c in groups[i]):
                continue
            apart = corpus.apart(firsts[i], cue["doc_id"])
            if window_days is not None and apart is not None and apart > window_days:
                continue
            if cue["kind"] == "promise_noun":
                if content_words is None:
                    continue
                if i not in contents:
                    contents[i] = frozenset().union(*(content_words(c) for c in groups[i]))
                scores[i] = noun_score(cue, groups[i], contents[i])
                continue
            if i not in words:
                words[i] = frozenset(plain(frozenset().union(*(sentence_words(c, corpus) for c in groups[i]))))
            scores[i] = reference_score(cue, groups[i], words[i], places[i])
        best = max(scores.values(), default=0)
        if best < (1 if cue["kind"] == "promise_noun" else SHARED_WORDS) \
                or any(scores.get(i) == best for i in reported):
            continue
        for i, score in scores.items():
            if score == best:
                found.setdefault(i, []).append(Evidence(cue["doc_id"], cue["start"], cue["end"], cue["text"]))
    return found


def anaphor_promise(cue: dict[str, Any], commitments: Iterable[Commitment],
                    deadline_of: Callable[[Commitment], str | None] = lambda c: c.deadline) -> Commitment | None:
    """The promise a definite noun for a term or a limit mentions ("The date stands.", "the fee ceiling"):
    the nearest reported before it in its document (``ANAPHOR_AFTER`` characters at most) that set such a thing
    (a deadline, the noun's modifier among its words; something held where it is, the noun's modifier among what
    is held), None when there is none or two reports tie. A
    sentence telling what will be on a day (``refers_to`` "due") says again a promise due that day (its
    deadline by ``deadline_of``: that of its whole promise) reported just before it (``DUE_AFTER`` characters)."""
    fitting = []
    for c in commitments:
        if c.evidence.doc_id != cue["doc_id"] or c.evidence.end > cue["start"] \
                or cue["start"] - c.evidence.end > ANAPHOR_AFTER:
            continue
        # a modifier says of what the term is ("the Brexit deadline"): a word of the promise
        named = cue["modifier"] and not {cue["modifier"], cue["modifier"] + "s"} & plain(words(c.content))
        if cue["refers_to"] == "term" and (not deadline_of(c) or named):
            continue
        if cue["refers_to"] == "due" and (deadline_of(c) not in cue["due"]
                                          or cue["start"] - c.evidence.end > DUE_AFTER):
            continue
        if cue["refers_to"] == "limit":
            held = held_words(c.content)
            # the modifier is a singular noun ("the fee ceiling") of what may be held in the plural ("fees")
            if not held or (cue["modifier"] and not {cue["modifier"], cue["modifier"] + "s"} & held):
                continue
        fitting.append(c)
    if not fitting:
        return None
    nearest = max(c.evidence.start for c in fitting)
    found = [c for c in fitting if c.evidence.start == nearest]
    return found[0] if len(found) == 1 else None


def canonical_commitment(group: list[Commitment], corpus: Corpus) -> Commitment:
    """The first report of the promise."""
    return min(group, key=lambda c: (corpus.order(c.evidence.doc_id), c.evidence.start, c.commitment_id))


def held_words(content: str) -> frozenset[str]:
    """What a promise to hold something where it is holds: the words of its content but those saying it is held
    ("fixes transit fees at their current level" -> fixes, transit, fees); nothing for another promise."""
    if not cue_alternation("held_level").search(content):
        return frozenset()
    return frozenset(plain(words(cue_alternation("held_level").sub(" ", content))))


# how status sentences naming an agreement are filed ("agreement|isel transit protocol")
AGREEMENT_KEY = "agreement|"


def making_agreements(group: list[Commitment]) -> set[str]:
    """The agreements a promise's reports say make it: named before what was promised ("The Isel Transit Protocol,
    signed in February, fixed fees at their 2025 level": "isel transit protocol")."""
    found: set[str] = set()
    for c in group:
        at = c.evidence.text.find(c.content)
        if at > 0:
            found.update(agreements_named(c.evidence.text[:at]))
    return found


def agreement_keys(group: list[Commitment]) -> set[str]:
    """The keys a promise is filed under by the agreements that make it (``making_agreements``)."""
    return {f"{AGREEMENT_KEY}{a}" for a in making_agreements(group)}


def breaches_by_rise(cue: dict[str, Any], agreements: set[str], held: Iterable[frozenset[str]]) -> bool:
    """Whether a sentence tells an agreement that makes a promise to hold something where it is (``held``) breached by
    a rise, whatever it names besides ("arguing that both increases breach the Isel Transit Protocol")."""
    return (cue["status"] == "broken" and bool(set(cue.get("agreements", ())) & agreements) and any(held)
            and bool(cue_alternation("rise_words").search(cue["text"])))


def raises_held(cue: dict[str, Any], report_words: Iterable[frozenset[str]]) -> bool:
    """Whether a sentence telling a rise (``cue["raised"]``: the head word of what was raised) is about
    what one of these word sets holds."""
    return any(cue["raised"] in held for held in report_words)


def names_a_quality(group: list[Commitment]) -> bool:
    """Whether a report of a promise names how well the thing will be done ("a full and objective investigation")."""
    return any(cue_alternation("vouched_qualities").search(c.content) for c in group)


def quality_marks(group: list[Commitment]) -> frozenset[str]:
    """The marker a defence vouching for a quality carries (``VOUCHED``), for a promise naming one; else none."""
    return frozenset({VOUCHED}) if names_a_quality(group) else frozenset()


def vouches_for(cue: dict[str, Any], group: list[Commitment], report_words: Iterable[frozenset[str]]) -> bool:
    """Whether a defence vouches, in words of the kind a promise of quality uses, for the thing of a promise naming
    one: it shares a word of that promise besides ("the investigation had been “thorough and complete”")."""
    said = set(cue["words"])
    if VOUCHED not in said or not names_a_quality(group):
        return False
    return any(w for content in report_words for w in content & said if ":" not in w)


def speaks_of(cue: dict[str, Any], report_words: Iterable[frozenset[str]]) -> bool:
    """Whether a status sentence is about this promise: enough of the content words of one of its
    reports (``report_words``: names and numbers left out, as ``plain`` leaves them) recur in it
    (reports word a promise differently, and all their words together are more than a sentence about
    it repeats)."""
    said = set(cue["words"])
    for content in report_words:
        shared = content & said
        # when it was made or is due is no word a sentence repeats ("by:", "made:", "due:"), nor how a thing
        # is held where it is ("at their current level")
        said_of = sum(":" not in w and w not in _HOW_HELD for w in content)
        if len(shared) >= SHARED_WORDS and len(shared) >= SHARED_SHARE * said_of:
            return True
    return False


_CONDITION = re.compile(r"^\W*(?:if|unless|should)\b", re.I)
_HOW_HELD = frozenset(stem(w) for w in ("current", "present", "existing", "level", "levels", "unchanged"))
# "would be closed" in a promise; "has been closed", "was closed" in a later sentence
_PROMISED_PASSIVE = re.compile(r"\b(?:will|would|shall|to)\s+be\s+(?P<done>[^\W\d_]+ed)\b", re.I)
_NOT = re.compile(r"\b(?:not|never|yet)\b", re.I)


# (in lower case: "in May had produced nothing" is no modal)
_MODAL_BEFORE = re.compile(r"\b(?:will|would|shall|to|must|should|could|may|might)\s+(?:[\w’'-]+\s+)?$")


# words telling how a promise went follow its report this closely in one clause
TOLD_AFTER_REPORT = 60


def tells_of_report(cue: dict[str, Any], group: list[Commitment]) -> bool:
    """Whether a status sentence holding a report of this promise tells how the promise went: its words
    telling kept or broken follow the report closely (``TOLD_AFTER_REPORT`` characters), outside what was
    promised, and are no future ("will keep its word")."""
    if cue["status"] not in ("kept", "broken"):
        return False
    text = cue["text"]
    ends = [c.evidence.end for c in group if c.evidence.doc_id == cue["doc_id"]
            and c.evidence.start < cue["end"] and cue["start"] < c.evidence.end]
    for match in status_patterns()[cue["status"]].finditer(text):
        at = cue["start"] + match.start()
        near = any(0 <= at - end <= TOLD_AFTER_REPORT for end in ends)
        if near and not _MODAL_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            return True
    return False


def done_as_promised(sentence: str, contents: Iterable[str]) -> bool:
    """Whether a sentence tells the promised act done in the promise's own words: "the customs case against the
    hauliers would be closed" and "the customs case has been closed" (not "has not yet been closed")."""
    for content in contents:
        for match in _PROMISED_PASSIVE.finditer(content):
            done = re.escape(match.group("done"))
            told_done = rf"\b(?P<aux>(?:has|have|had)\s+(?:\w+\s+)?been|was|were)\s+{done}\b"
            for told in re.finditer(told_done, sentence, re.I):
                if not _NOT.search(told.group("aux")):
                    return True
    return False


def tells_the_act_done(sentence: str, content: frozenset[str]) -> bool:
    """Whether the words that tell a promise broken tell instead that the promised act was done ("closed its
    criminal case" cannot break a promise that a case would be closed): a past participle of one of the
    promise's words (``content``), not negated."""
    for match in status_patterns()["broken"].finditer(sentence):
        phrase = match.group()
        if _NOT.search(phrase) or re.search(r"\b(?:without|failed|no)\b", phrase, re.I):
            continue
        if any(stem(w) in content for w in re.findall(r"[^\W\d_]+ed\b", phrase)):
            return True
    return False


# a past participle right after a noun describes the thing ("the lorries impounded at the crossing"); after an
# auxiliary it is what will be done ("would be returned")
_DESCRIBING = re.compile(r"(?<![^\W\d_])(?P<before>[^\W\d_]+)\s+[^\W\d_]+ed\b")
_AUXILIARIES = frozenset(("be", "been", "being", "is", "are", "was", "were", "have", "has", "had", "get", "got", "will",
                          "would", "shall"))


# a promise to work out an agreement ("to begin drafting a defence cooperation agreement") is done when it is signed
_PREPARES_AGREEMENT = re.compile(r"\b(?:draft|drafting|negotiat\w*|prepar\w*|work(?:ing)? out)\b(?:\s+[\w-]+){0,4}?\s+"
                                 r"(?:agreements?|treat(?:y|ies)|pacts?|accords?|deals?)\b", re.I)
SIGN_AGREEMENT = "057"  # CAMEO: sign formal agreement


def promised_acts(content: str) -> set[str]:
    """CAMEO codes of the acts a promise's words name, leaving out participles that describe what it is
    about ("the lorries impounded since June would be returned" promises a return, not an impounding); a
    promise to draft or negotiate an agreement promises its signing too."""
    kept = _DESCRIBING.sub(lambda m: m.group(0) if m.group("before").lower() in _AUXILIARIES else m.group("before"),
                           content)
    codes = predicted_codes(kept)
    return codes | {SIGN_AGREEMENT} if _PREPARES_AGREEMENT.search(content) else codes


def event_stance(cue: dict[str, Any], promiser: str, acts: set[str], made_on: str | None) -> str | None:
    """How a sentence reporting what states did bears on a promise: the promiser doing the act the
    promise names (an event of a CAMEO code its words name: "paid" for "pay compensation", not "freed"
    for "return the lorries") supports it; reportedly not doing it contradicts it. An event dated no
    later than the promise was made (at the coarser precision) is what was promised about ("the
    protocol, signed in February, fixed fees"), not its keeping."""
    for source, code, mode, when in cue["events"]:
        if when and made_on and when[: len(made_on)] <= made_on[: len(when)]:
            continue
        if source == promiser and code in acts:
            return "supports" if mode == "asserted" else "contradicts"
    return None


def tells_of_another(cue: dict[str, Any], reports: set[tuple[str, int, int]]) -> bool:
    """Whether a status sentence tells how a promise it reports went (``cue["reports"]``), one not among these
    reports."""
    return any((cue["doc_id"], start, end) not in reports for start, end in cue.get("reports", ()))


def judge(evidence: list[tuple[tuple[str, str], StanceEvidence]]) -> str:
    """The status from dated stance evidence (see the module's docstring); evidence telling only progress ("the
    line is on schedule") tells no status."""
    evidence = [(when, e) for when, e in evidence if e.stance != "supports" or not tells_progress(e.text)]
    if not evidence:
        return "open"
    supports = [when for when, e in evidence if e.stance == "supports"]
    contradicts = [when for when, e in evidence if e.stance == "contradicts"]
    if not supports:
        return "broken"
    if not contradicts:
        return "kept"
    if max(contradicts) < min(supports):
        return "kept"
    return "disputed"


def linked_promise(group: list[Commitment], corpus: Corpus, cues: list[dict[str, Any]],
                   matcher: PromiseMatcher, references: Iterable[Evidence] = (),
                   known: Iterable[StanceEvidence] | None = None
                   ) -> tuple[Commitment, list[tuple[str, str, Commitment | None]]]:
    """The merged promise and the view rows of its reports; ``known``: evidence already judged from
    sentences not in ``cues`` and from its reports' own (extraction's) evidence, which is then not read again."""
    canonical = canonical_commitment(group, corpus)
    first_report = corpus.order(canonical.evidence.doc_id)
    report_words = [matcher.plain_words(c) for c in group]
    acts = set().union(*(promised_acts(c.content) for c in group))
    own_voice = any(w.startswith("own:") for words in report_words for w in words)
    held = [held_words(c.content) for c in group]
    agreements = making_agreements(group)
    made_on = min((c.made_on for c in group if c.made_on), default=None) or corpus.published(canonical.evidence.doc_id)
    dated: dict[tuple[str, int, int], tuple[tuple[str, str], StanceEvidence]] = {}
    disputed_in_text = False
    reports = {(c.evidence.doc_id, c.evidence.start, c.evidence.end) for c in group}
    # a sentence telling how another promise it reports went ("also promised to share ... without doing so") is
    # no evidence for a promise reported just before it, though the extraction read it so
    elsewhere = {(cue["doc_id"], cue["start"], cue["end"]) for cue in cues if tells_of_another(cue, reports)}
    for c in group:
        for e in c.status_evidence if known is None else ():  # (what was kept of them is known)
            if (e.doc_id, e.start, e.end) not in elsewhere and not hearsay(e.text):
                dated[(e.doc_id, e.start, e.end)] = (corpus.order(e.doc_id), e)
        disputed_in_text |= c.status == "disputed"
    for e in known or ():  # judged after the reports' own evidence, as the sentences below are
        dated[(e.doc_id, e.start, e.end)] = (corpus.order(e.doc_id), e)
    for cue in cues:
        # work told going on ("the power line is on schedule") in a document dated only to a period holding the
        # first report (a column of "2025") may come after it
        maybe_after = cue["status"] in PROGRESS and corpus.may_follow(cue["doc_id"], canonical.evidence.doc_id)
        if corpus.order(cue["doc_id"]) < first_report and not maybe_after:
            continue
        # a later report of the promise may tell how it went ("the investigation promised in May had so far
        # produced nothing"): it is about this promise, whatever its words
        own = _overlaps_report(cue, reports)
        # "what was stated in Ishtal will remain declarations": every promise made there, whatever its words
        made_there = bool(set(cue.get("made_at", ())) & set().union(*map(matcher.places_of, group)))
        if own and not (corpus.order(cue["doc_id"]) > first_report and tells_of_report(cue, group)):
            continue
        # a rise of what the promise holds where it is, at the place its reports name ("the increase in Harl Pass
        # transit fees"), needs no promiser named
        raised_there = cue["status"] == "raised" and set(cue["actors"]) & set().union(*map(matcher.places_of, group))
        # a rise breaching the agreement that makes the promise ("both increases breach the Isel Transit Protocol")
        breached = breaches_by_rise(cue, agreements, held)
        # "Halvic asked that its findings be handed to Dorrun without further delay": the beneficiary still awaits it
        awaited = canonical.beneficiary in cue["actors"] and bool(cue_alternation("awaited").search(cue["text"]))
        # the promiser defending what it did under the agreement making the promise ("the protocol “allows for
        # adjustments in exceptional circumstances”")
        defended = cue["status"] == "justified" and bool(set(cue.get("agreements", ())) & agreements)
        # or vouching, with a word of the promise, for the quality the promise named in the same kind of words ("a
        # full and objective investigation"; "the investigation had been “thorough and complete”")
        defended = defended or (cue["status"] == "justified" and vouches_for(cue, group, report_words))
        if not (own or made_there or raised_there or breached or awaited or defended) \
                and canonical.promiser not in cue["actors"] and not set(cue["actors"]) & _promiser_people(group):
            continue
        if _CONDITION.match(cue["text"]):
            continue  # "If Brask raises fees again, Dorrun will take the dispute to the panel": nothing told yet
        if hearsay(cue["text"]):
            continue  # "They say the lorries were returned. Returned to whom?": questioned, not told
        if tells_of_another(cue, reports):
            continue  # it tells how another promise it reports went ("promised to share ... without doing so")
        if cue["status"] == "raised":  # a rise of what the promise holds where it is, told after it was made
            if corpus.order(cue["doc_id"]) <= first_report or not raises_held(cue, held):
                continue
            stance = "contradicts"
        elif not (own or made_there or breached or defended) and not speaks_of(cue, report_words):
            continue
        elif cue["status"] == "event":
            if corpus.order(cue["doc_id"]) <= first_report:
                continue  # what the promiser did before or while promising is not the keeping
            # a legislator's or a candidate's promise is not kept by what their state does
            stance = None if own_voice else event_stance(cue, canonical.promiser, acts, made_on)
            if stance is None and done_as_promised(cue["text"], (c.content for c in group)):
                stance = "supports"
            if stance is None:
                continue
        elif cue["status"] == "justified" and cue.get("side") != canonical.promiser:
            continue  # a defence of what was done is evidence from the promiser's side only
        elif cue["status"] in PROGRESS:
            if corpus.order(cue["doc_id"]) <= first_report and not maybe_after:
                continue
            stance = "supports"  # progress: evidence, but no status (``judge``)
        elif cue["status"] == "broken" and tells_the_act_done(cue["text"], frozenset().union(*report_words)):
            continue
        else:
            stance = "supports" if cue["status"] == "kept" else "contradicts"
        evidence = StanceEvidence(cue["doc_id"], cue["start"], cue["end"], cue["text"], stance)  # type: ignore[arg-type]
        dated[(cue["doc_id"], cue["start"], cue["end"])] = (corpus.order(cue["doc_id"]), evidence)
    ordered = sorted(dated.values(), key=lambda item: (item[0], item[1].start))
    status = "disputed" if disputed_in_text and len(group) == 1 else judge(ordered)
    others = tuple(sorted({*(c.evidence for c in group if c is not canonical), *references},
                          key=lambda v: (v.doc_id, v.start)))
    merged = dataclasses.replace(
        canonical,
        beneficiary=canonical.beneficiary or next((c.beneficiary for c in group if c.beneficiary), None),
        made_on=canonical.made_on or next((c.made_on for c in group if c.made_on), None),
        deadline=canonical.deadline or next((c.deadline for c in group if c.deadline), None),
        promiser_person=(
            canonical.promiser_person or next((c.promiser_person for c in group if c.promiser_person), None)
        ),
        status=status,  # type: ignore[arg-type]
        status_evidence=tuple(e for _, e in ordered),
        also_reported_in=others,
    )
    rows: list[tuple[str, str, Commitment | None]] = [(canonical.commitment_id, canonical.commitment_id, merged)]
    rows += [(c.commitment_id, canonical.commitment_id, None) for c in group if c is not canonical]
    return merged, rows


def _month(day: date, shift: int) -> str:
    month = day.month - 1 + shift
    return f"{day.year + month // 12:04d}-{month % 12 + 1:02d}"


def _overlaps_report(cue: dict[str, Any], reports: set[tuple[str, int, int]]) -> bool:
    return any(doc == cue["doc_id"] and start < cue["end"] and cue["start"] < end for doc, start, end in reports)


def _promiser_people(group: list[Commitment]) -> set[str]:
    return {c.promiser_person for c in group if c.promiser_person}
