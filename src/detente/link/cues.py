"""What linking keeps of each document's text: status and verdict sentences, dated occasions, counts, trends.

Found once when a document is linked and stored in the ``cues`` table, so that judging a promise
or a forecast later reads a few sentences per document instead of whole texts.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cache
from typing import Any

from ..records import Document, Event, Timex
from .sides import side_claims
from .text import Mention, lexicon_file, plain, sentence_spans, stem, word_alternation, words
from .titles import period_of
from .trends import trend_claims


@cache
def cue_lexicon() -> dict[str, Any]:
    return lexicon_file("crossdoc.json")


@cache
def status_patterns() -> dict[str, re.Pattern[str]]:
    """One pattern per status: any of its cue phrases as a whole word (the extraction's cues and those
    only linking reads)."""
    from ..extract.commitments import commitment_lexicon  # the extraction's own reading (no spaCy loaded)

    data = commitment_lexicon()
    later = cue_lexicon()["later_status_cues"]
    claimed = {"kept": cue_lexicon()["kept_as_said"]}  # "We said November, and it is November"
    return {status: re.compile("|".join(rf"(?:\b{c}\b)" for c in [*cues, *later.get(status, []),
                                                                  *claimed.get(status, [])]), re.I)
            for status, cues in data["status_cues"].items()}


@cache
def cue_alternation(name: str) -> re.Pattern[str]:
    """Any phrase of a crossdoc.json list, as a whole word."""
    return re.compile(r"\b(?:" + "|".join(cue_lexicon()[name]) + r")\b", re.I)


@cache
def number_words() -> dict[str, int]:
    return {k: int(v) for k, v in cue_lexicon()["numbers"].items()}


@cache
def _any_status() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern})" for p in status_patterns().values()), re.I)


def status_of(sentence: str) -> str | None:
    if not _any_status().search(sentence):
        return None  # most sentences: one scan instead of three
    for status in ("disputed", "broken", "kept"):
        if status_patterns()[status].search(sentence):
            return status
    return None


# statuses of sentences telling a thing put into use or work going as planned, or a side defending what it did
# as allowed: a promise only progressing, or kept as its promiser sees it
PROGRESS = ("in_use", "progress", "justified")


def tells_progress(evidence: str) -> bool:
    """Whether a sentence given as evidence that a promise was kept tells only progress ("the line is on schedule",
    "switched on its new entry system") or the promiser's defence ("the protocol “allows for adjustments”"): it
    tells no status."""
    return status_of(evidence) is None and any(cue_alternation(name).search(evidence) for name in PROGRESS)


# a clause denying or questioning what follows in it ("was not done in the appropriate manner", "did not say whether
# the increases were in line with the accord")
_DENIED = re.compile(r"\b(?:not|never|no longer|hardly|whether|if)\b|n[’']t\b", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:—–(]")


# the word a defence vouching for a quality and a promise naming one share (``vouched_qualities``)
VOUCHED = "quality:vouched"


def defends(sentence: str) -> bool:
    """Whether a sentence defends what a side did as allowed or done properly ("the protocol “allows for adjustments
    in exceptional circumstances”"), not denies or questions it."""
    for match in cue_alternation("justified").finditer(sentence):
        before = sentence[: match.start()]
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(before)]
        if not _DENIED.search(before, breaks[-1] if breaks else 0):
            return True
    return False


def tells_not_done(sentence: str) -> bool:
    """Whether a sentence telling a promise broken says the thing was not done ("the findings were never
    handed over"), not that an agreement was breached."""
    return bool(cue_alternation("not_done").search(sentence))


_OPENING = re.compile(r"^[\"“«‘'(]?\s*")


def hearsay(sentence: str) -> bool:
    """Whether a sentence opens by telling what unnamed others claim ("“They say the lorries were returned."):
    the speaker questions it, so it tells no status."""
    opening = _OPENING.match(sentence)
    return bool(cue_alternation("hearsay").match(sentence, opening.end() if opening else 0))


def verdict_stance(sentence: str) -> str | None:
    """"supports" or "contradicts" when a sentence says how a prediction turned out."""
    if not cue_alternation("prediction_words").search(sentence):
        return None
    if cue_alternation("prediction_wrong").search(sentence):
        return "contradicts"
    if cue_alternation("prediction_right").search(sentence):
        return "supports"
    return None


def parse_count(word: str) -> int | None:
    word = word.lower().replace("–", "-")
    if word.isdigit():
        return int(word)
    if word in number_words():
        return number_words()[word]
    if "-" in word:
        tens, _, unit = word.partition("-")
        if tens in number_words() and unit in number_words():
            return number_words()[tens] + number_words()[unit]
    return None


def document_cues(document: Document, mentions: Sequence[Mention], timexes: Sequence[Timex],
                  kinds: dict[str, str], events: Sequence[Event] = ()) -> list[dict[str, Any]]:
    """Every cue of one document, as rows for the store."""
    text = document.text
    rows: list[dict[str, Any]] = []
    previous = (0, 0)
    seen: list[tuple[int, int, bool]] = []  # the sentences so far, each with whether it names someone
    promised_to_us: dict[str, Any] | None = None  # the sentence before, when it told what its speakers were promised
    states, period = states_by_mentions(mentions), period_of(document.published)
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        inside = [m for m in mentions if m.start >= start and m.end <= end]
        base = {"start": start, "end": end, "text": sentence,
                "actors": sorted({m.actor_id for m in inside} | {m.country for m in inside if m.country})}
        status = status_of(sentence)
        refers = cue_alternation("promise_references").search(sentence)
        stance = verdict_stance(sentence)
        raised = None if status else raised_thing(text, start, end, inside)
        in_use = not status and bool(cue_alternation("in_use").search(sentence))
        progress = not status and not in_use and bool(cue_alternation("progress").search(sentence))
        justified = not (status or in_use or progress) and defends(sentence)
        telling = status or refers or stance or raised or in_use or progress or justified
        sentence_words = sorted(words(text, start, end, inside)) if telling else []
        if status:
            cue = status_cue(text, base, status, sentence_words, told_of(seen), mentions, seen)
            at = made_at(text, start, inside, kinds)  # "what was stated in Ishtal will remain declarations"
            cue = {**cue, "made_at": at} if at else cue
            named = agreements_named(sentence)  # "both increases breach the Isel Transit Protocol"
            rows.append({**cue, "agreements": named} if named else cue)
        if in_use or progress or justified:  # progress only, for promises (forecasts read in_use: "outcome" too)
            told = "in_use" if in_use else "progress" if progress else "justified"
            # whose defence: the state of the first actor the sentence names ("Foreign Ministry spokeswoman Ilse
            # Brandvik told journalists that …")
            side = {"side": next((m.country for m in inside if m.country), None),
                    "agreements": agreement_referred_to(text, start, end)} if justified else {}
            # a defence vouching for a quality in the words a promise of it uses ("thorough and complete")
            vouched = [VOUCHED] if justified and cue_alternation("vouched_qualities").search(sentence) else []
            rows.append(continued({**base, "kind": "status", "key": told, "status": told,
                                   "words": sentence_words + vouched, **side}, text, previous, mentions))
        if raised:
            rows.append(continued({**base, "kind": "status", "key": "raised", "status": "raised",
                                   "words": sentence_words, "raised": raised}, text, previous, mentions))
        if not status and promised_to_us and cue_alternation("received_instead").search(sentence):
            rows.append(received_instead(base, words(text, start, end, inside), promised_to_us))
        promised_to_us = None
        if refers:
            at = made_at(text, start, inside, kinds)
            rows.append(continued({**base, "kind": "promise_ref", "key": "", "words": sentence_words,
                                   **({"made_at": at} if at else {})}, text, previous, mentions))
            promised_to_us = rows[-1] if cue_alternation("promised_to_us").search(sentence) else None
        rows.extend(promise_noun_cues(text, start, end, inside, base))
        rows.extend(agreed_act_cues(text, start, end, inside, base))
        rows.extend(expectation_cues(text, start, end, inside, base))
        if not status:
            rows.extend(done_thing_cues(text, start, end, inside, base))
        rows.extend(promise_anaphor_cues(text, start, end, base))
        rows.extend(due_day_cues(text, start, end, timexes, base))
        course = course_told(sentence)
        if course:
            rows.append(course_cue(base, course, inside, mentions, previous))
        if stance:
            context = [m for m in mentions if m.start >= previous[0] and m.end <= previous[1]]
            rows.append({**base, "kind": "verdict", "key": "", "stance": stance, "words": sentence_words,
                         "context_words": sorted(words(text, *previous, context))})
        dated = [t for t in timexes if t.start >= start and t.end <= end and t.value]
        rows.extend(occasion_claims(text, start, end, inside, dated, kinds, base))
        rows.extend(count_claims(text, start, end, inside, dated, document.published, base))
        rows.extend(trend_claims(text, start, end, inside, dated, base))
        rows.extend(side_claims(text, start, end, inside, states, period, base))
        previous = (start, end)
        seen.append((start, end, bool(base["actors"])))
    taken = [(r["start"], r["end"]) for r in rows
             if r["kind"] == "status" and r["status"] not in ("raised", *PROGRESS)]
    return rows + event_status_cues(text, events, mentions, taken)


def states_by_mentions(mentions: Sequence[Mention]) -> list[str]:
    """The states a document names, most named first (ties by code, so the order is stable)."""
    counts = Counter(m.country for m in mentions if m.country)
    return sorted(counts, key=lambda s: (-counts[s], s))


@cache
def _promise_noun_pattern() -> re.Pattern[str]:
    nouns = "|".join(sorted((n.replace(" ", r"\s+") for n in cue_lexicon()["promise_nouns"]), key=len, reverse=True))
    return re.compile(rf"\b(?:(?:the|its|their|his|her|a)\s+)?(?P<noun>{nouns})\s+of\s+", re.I)


# words that end the object of a nominalised act ("the payment of compensation | to Baku")
_OBJECT_END = frozenset((
    "to", "for", "by", "from", "in", "on", "at", "and", "or", "as", "before", "within", "until", "is", "are", "was",
    "were", "has", "have", "had", "would", "will", "which", "that", "who", "whose", "with", "after", "since", "but",
    "when", "where", "while", "if"))
_PHRASE_WORD = re.compile(r"[\w’'-]+")
OBJECT_WORDS = 4
# what was raised ends before what it is of or about too ("the readiness level | of border units")
_RAISED_END = _OBJECT_END | {"of", "into", "about", "over"}
_TO_WHOM = re.compile(r"\s+to\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")


def promise_noun_cues(text: str, start: int, end: int, inside: Sequence[Mention],
                      base: dict[str, Any]) -> list[dict[str, Any]]:
    """Noun phrases naming a promised act ("the payment of compensation to Baku"): a promise may be
    mentioned by the nominalisation of what was promised. Each keeps its act's verb and its object's
    words; whether it mentions a promise is decided per promise (same promiser and beneficiary named,
    the object among the promise's words)."""
    rows: list[dict[str, Any]] = []
    if not _names_promised_act(text[start:end]):
        return rows  # most sentences
    for match in _promise_noun_pattern().finditer(text, start, end):
        object_end = _object_end(text, match.end(), end)
        phrase_end = object_end
        after = _TO_WHOM.match(text, object_end, end)
        if after:
            phrase_end = after.end()
        obj = sorted(plain(words(text, match.end(), object_end, inside)))
        if not obj:
            continue
        noun = re.sub(r"\s+", " ", match.group("noun").lower())
        rows.append({**base, "start": match.start(), "end": phrase_end, "text": text[match.start():phrase_end],
                     "kind": "promise_noun", "key": "", "verb": stem(cue_lexicon()["promise_nouns"][noun]),
                     "object": obj})
    return rows


@cache
def _agreed_act_pattern() -> re.Pattern[str]:
    nouns = word_alternation(cue_lexicon()["agreed_act_nouns"])
    # "to" then an article: a noun phrase ("the agreement to an objective investigation"), not an infinitive
    return re.compile(rf"\b(?:(?:the|its|their|his|her)\s+)?(?:{nouns})\s+to\s+(?=(?:a|an|the)\s)", re.I)


def agreed_act_cues(text: str, start: int, end: int, inside: Sequence[Mention],
                    base: dict[str, Any]) -> list[dict[str, Any]]:
    """Noun phrases naming an act agreed to ("the agreement to an objective investigation"): like a noun of a
    promised act (``promise_noun_cues``), they may mention a promise of that act. The act is the phrase after
    "to": its words, and the kind of thing it names (``kind:`` words, commitments.json ``thing_families``), are
    the object; there is no verb of the act to check (``agreed``)."""
    rows: list[dict[str, Any]] = []
    for match in _agreed_act_pattern().finditer(text, start, end):
        object_end = _object_end(text, match.end(), end)
        obj = plain(words(text, match.end(), object_end, inside)) | kind_words(text[match.end():object_end])
        if not obj:
            continue
        rows.append({**base, "start": match.start(), "end": object_end, "text": text[match.start():object_end],
                     "kind": "promise_noun", "key": "", "verb": "", "agreed": True, "object": sorted(obj)})
    return rows


def kind_words(text: str) -> set[str]:
    """``kind:legal`` for a text naming an investigation or a legal assessment, … (commitments.json
    ``thing_families``): two wordings of one kind of promised thing."""
    from ..extract.commitments import family_marks  # the extraction's own reading (no spaCy loaded)

    return {f"kind:{mark[1:]}" for mark in family_marks(text)}


# "the promise made in", "the commitment made by President X at", "the pledge given in", right before a place
_MADE_AT = re.compile(r"(?:\b(?:promis(?:e|es)|pledges?|commitments?|undertakings?|assurances?)\s+(?:[\w’'-]+\s+)?"
                      r"(?:made|given)|\bwhat\s+was\s+(?:stated|said|promised|pledged|agreed))"
                      r"\s+(?:by\s+[^,.;:]{1,60}?\s+)?(?:in|at)\s+(?:the\s+)?$", re.I)


# how far before a promise's report the last place named may be where it was made
PLACE_BEFORE = 1500


def promise_places(text: str, spans: Sequence[tuple[int, int]], mentions: Sequence[Mention],
                   kinds: dict[str, str]) -> list[dict[str, Any]]:
    """For each promise of a document (its report's span), where it may have been made: the places the report's
    sentence names ("promised the return of the lorries when he met Halvic in Ishtal"), else the last place
    the document named before it (``PLACE_BEFORE`` characters at most: "the meeting in Ishtal ... Demmin
    promised")."""
    rows = []
    sentences = sentence_spans(text) if spans else []
    for start, end in sorted(set(spans)):
        sentence = next(((s, e) for s, e in sentences if s <= start < e), (start, end))
        named = [m for m in mentions if kinds.get(m.actor_id) == "place"]
        places = sorted({m.actor_id for m in named if m.start >= sentence[0] and m.end <= max(sentence[1], end)})
        before = [m for m in named if start - PLACE_BEFORE <= m.start and m.end <= sentence[0]]
        if not places and before:
            places = [before[-1].actor_id]
        if places:
            rows.append({"start": start, "end": end, "text": "", "actors": [], "kind": "promise_at", "key": "",
                         "places": places})
    return rows


def made_at(text: str, start: int, inside: Sequence[Mention], kinds: dict[str, str]) -> list[str]:
    """The places a sentence says a promise was made at ("the promise made in Ishtal"): a promise may be
    mentioned by where it was made, as by who made it."""
    return sorted({m.actor_id for m in inside if kinds.get(m.actor_id) == "place"
                   and _MADE_AT.search(text, max(start, m.start - 100), m.start)})


# "the compensation paid to the families": a thing named with what was done to it
_NOT_A_NOUN = (r"(?!(?:would|will|shall|should|must|may|can|could|be|been|being|is|are|was|were|has|have|had|not|"
               r"never|yet|to)\b)")
_DONE_THING = re.compile(rf"\b(?:the|its|their|his|her)\s+(?:{_NOT_A_NOUN}[^\W\d_]+\s+){{0,2}}?{_NOT_A_NOUN}"
                         r"[^\W\d_]+\s+"
                         r"(?:paid|returned|released|delivered|handed\s+(?:over|back)|lifted|repaid)\s+"
                         r"(?:to|on|in|last|this|by|at)\b[^,.;:]*?"
                         r"(?=\s+(?:and|but|was|were|is|are|has|have|had)\b|[,.;:“\"]|$)", re.I)


def done_thing_cues(text: str, start: int, end: int, inside: Sequence[Mention],
                    base: dict[str, Any]) -> list[dict[str, Any]]:
    """Noun phrases telling a thing done ("Halvic thanked Demmin for the compensation paid to the families of
    the guards and said ..."): a promise kept, judged by the phrase's own words, not the rest of the sentence."""
    rows = []
    if not _holds_any(text, start, end, _DONE_WORDS):
        return rows  # most sentences: one plain scan
    for match in _DONE_THING.finditer(text, start, end):
        here = [m for m in inside if m.start >= match.start() and m.end <= match.end()]
        rows.append({**base, "start": match.start(), "end": match.end(), "text": match.group(), "kind": "status",
                     "key": "done", "status": "kept", "words": sorted(words(text, match.start(), match.end(), here))})
    return rows


# words one of which a sentence must hold before its cue patterns are tried
_DONE_WORDS = ("paid", "returned", "released", "delivered", "handed", "lifted")
_EXPECTATION_WORDS = ("confident", "hopeful", "certain", "expect", "trust", "count")
_ANAPHOR_WORDS = ("date", "deadline", "ceiling", "cap", "freeze", "limit")


def _holds_any(text: str, start: int, end: int, found: tuple[str, ...]) -> bool:
    sentence = text[start:end].lower()
    return any(w in sentence for w in found)


_FUTURE = re.compile(r"\b(?:will|would|shall|to)\b", re.I)


def expectation_cues(text: str, start: int, end: int, inside: Sequence[Mention],
                     base: dict[str, Any]) -> list[dict[str, Any]]:
    """Clauses telling what someone expects another to do ("Halvic was confident that the investigation
    'will be completed'", "Dorrun expected Brask to respect the ceiling"): like a sentence naming a promise,
    the clause may mention one (its own words, the actors of its sentence)."""
    if not _holds_any(text, start, end, _EXPECTATION_WORDS):
        return []  # most sentences: one plain scan
    match = cue_alternation("expectation").search(text, start, end)
    if not match:
        return []  # most sentences
    clause_end = text.find(";", match.end(), end)
    clause_end = end if clause_end < 0 else clause_end
    if not _FUTURE.search(text, match.end(), clause_end):
        return []
    clause = [m for m in inside if m.start >= match.end() and m.end <= clause_end]
    return [{**base, "start": match.start(), "end": clause_end, "text": text[match.start():clause_end],
             "kind": "promise_ref", "key": "", "words": sorted(words(text, match.end(), clause_end, clause))}]


@cache
def _promise_anaphor_pattern() -> re.Pattern[str]:
    nouns = word_alternation(cue_lexicon()["promise_anaphor"])
    # a definite noun, not one of something else ("the date of the vote") nor a time ("on the date", "to date")
    return re.compile(rf"(?<!\bon )(?<!\bat )(?<!\bby )(?<!\buntil )\b(?:the|this|that|our|its|their)\s+"
                      rf"(?:(?P<modifier>[^\W\d_]+)\s+)??(?P<noun>{nouns})\b(?!\s+(?:of|for|when|on|in|to)\b)", re.I)


def promise_anaphor_cues(text: str, start: int, end: int, base: dict[str, Any]) -> list[dict[str, Any]]:
    """Sentences naming the term or the limit a promise set by a definite noun ("The date stands.",
    "Dorrun expects Brask to respect the fee ceiling"): each mentions the nearest promise of that kind its
    document reported before it (``promises.anaphor_promise``)."""
    if not _holds_any(text, start, end, _ANAPHOR_WORDS):
        return []  # most sentences: one plain scan
    match = _promise_anaphor_pattern().search(text, start, end)
    if not match:
        return []
    noun = re.sub(r"\s+", " ", match.group("noun").lower())
    modifier = match.group("modifier")
    return [{**base, "kind": "promise_anaphor", "key": "", "refers_to": cue_lexicon()["promise_anaphor"][noun],
             "modifier": stem(modifier) if modifier and modifier.lower() not in _NOT_MODIFIERS else None}]


_WILL = re.compile(r"\b(?:will|shall)\b", re.I)


def due_day_cues(text: str, start: int, end: int, timexes: Sequence[Timex],
                 base: dict[str, Any]) -> list[dict[str, Any]]:
    """Sentences telling what will be on a given day ("From the first of January, a Sarnovian will need nothing
    more than a passport"): right after a promise due that day in its document, one says it again in other words
    (``promises.anaphor_promise``)."""
    if not _WILL.search(text, start, end):
        return []  # most sentences
    days = sorted({t.value for t in timexes if t.precision == "day" and t.value and start <= t.start < end})
    if not days:
        return []
    return [{**base, "kind": "promise_anaphor", "key": "due", "refers_to": "due", "due": days, "modifier": None}]


# words between the determiner and the noun that say nothing of what the term or limit is about
_NOT_MODIFIERS = frozenset(("same", "new", "agreed", "promised", "set", "final", "only", "current", "original"))


def _object_end(text: str, at: int, end: int, stops: frozenset[str] = _OBJECT_END) -> int:
    """Where the object of a nominalised act or of a rise starting at ``at`` ends: at most OBJECT_WORDS
    words, up to punctuation or a word that starts what follows the object (``stops``)."""
    cursor = object_end = at
    for taken, word in enumerate(_PHRASE_WORD.finditer(text, at, end)):
        if text[cursor:word.start()].strip() or word.group().lower() in stops or taken == OBJECT_WORDS:
            break
        cursor = object_end = word.end()
    return object_end


@cache
def _agreement_pattern() -> re.Pattern[str]:
    """A name of capitalised words before a capitalised agreement noun ("the Isel Transit Protocol")."""
    nouns = "|".join(re.escape(n) for n in cue_lexicon()["agreements"])
    return re.compile(rf"\b(?:[A-Z][\w’'-]*\s+){{1,4}}(?:{nouns})s?\b")


# capitalised words that open a name without being part of it ("The Isel Transit Protocol")
_NOT_NAME = frozenset(("the", "a", "an", "this", "that", "its", "their", "his", "her", "our"))


def agreements_named(text: str) -> list[str]:
    """The agreements a text names by name, each as its lower-case words ("isel transit protocol"); a noun with no
    name before it ("the protocol") names none."""
    found = []
    for match in _agreement_pattern().finditer(text):
        named = match.group().lower().split()
        while named and named[0] in _NOT_NAME:
            named = named[1:]
        if len(named) >= 2:
            found.append(" ".join(named))
    return sorted(set(found))


def agreement_referred_to(text: str, start: int, end: int) -> list[str]:
    """The agreements a sentence names, or the one it refers back to by its noun alone ("the protocol “allows for
    adjustments”"): the last the document named before it with that noun ("the Isel Transit Protocol")."""
    named = agreements_named(text[start:end])
    if named:
        return named
    nouns = "|".join(re.escape(n) for n in cue_lexicon()["agreements"])
    referred = re.search(rf"\b(?:the|this|that)\s+(?P<noun>{nouns})\b", text[start:end], re.I)
    if referred is None:
        return []
    earlier = [found for found in (agreements_named(m.group()) for m in _agreement_pattern().finditer(text, 0, start))
               if found and found[0].split()[-1].rstrip("s") == referred["noun"].lower()]
    return earlier[-1] if earlier else []


def raised_thing(text: str, start: int, end: int, inside: Sequence[Mention]) -> str | None:
    """The stemmed head word of what a sentence tells was raised ("a second increase in transit fees" ->
    "fees", "higher Valdorian fees for lorries" -> "fees"); None when it tells no rise. A rise breaks a
    promise to hold that thing where it is (``promises.held_words``)."""
    for match in cue_alternation("raised").finditer(text, start, end):
        object_end = _object_end(text, match.end(), end, _RAISED_END)
        last = list(_PHRASE_WORD.finditer(text, match.end(), object_end))
        head = words(text, last[-1].start(), last[-1].end(), inside) if last else frozenset()
        if len(head) == 1 and next(iter(head)).isalpha():
            return next(iter(head))
    return None


@cache
def _course_words() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in cue_lexicon()["course_words"]), re.I)


@cache
def _promise_noun_ends() -> frozenset[str]:
    """The last word of each noun of a promised act ("over" of "handing over")."""
    return frozenset(n.split()[-1] for n in cue_lexicon()["promise_nouns"])


def _names_promised_act(text: str) -> bool:
    """Whether a noun of a promised act is followed by "of" (one split of the text, no pattern)."""
    tokens = text.lower().split()
    ends = _promise_noun_ends()
    return any(word == "of" and before in ends for before, word in itertools.pairwise(tokens))


@cache
def _course_patterns(name: str) -> dict[str, re.Pattern[str]]:
    return {way: re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
            for way, patterns in cue_lexicon()[name].items()}


def course_told(sentence: str) -> str | None:
    """"better" or "worse" when a sentence tells how relations go now ("relations remain cold"); None for
    one that tells nothing yet (a future, a condition) or tells no course."""
    if not _course_words().search(sentence):
        return None  # most sentences: one plain scan
    told = [way for way, pattern in _course_patterns("course_told").items() if pattern.search(sentence)]
    if len(told) != 1 or cue_alternation("course_not_now").search(sentence):
        return None
    return told[0]


def course_predicted(text: str) -> str | None:
    """"better" or "worse" when a prediction is about how relations between states will go."""
    predicted = [way for way, pattern in _course_patterns("course_predicted").items() if pattern.search(text)]
    return predicted[0] if len(predicted) == 1 else None


def course_cue(base: dict[str, Any], way: str, inside: Sequence[Mention], mentions: Sequence[Mention],
               previous: tuple[int, int]) -> dict[str, Any]:
    """A sentence telling how relations go, about the states it names (or, naming fewer than two, the states
    of the sentence before: "This is a reassessment of the nature of relations")."""
    states = sorted({m.country for m in inside if m.country})
    if len(states) < 2:
        states = sorted({*states, *(m.country for m in mentions
                                      if m.country and m.start >= previous[0] and m.end <= previous[1])})
    return {**base, "kind": "course", "key": "", "course": way, "states": states}


def event_status_cues(text: str, events: Sequence[Event], mentions: Sequence[Mention],
                      taken: Sequence[tuple[int, int]]) -> list[dict[str, Any]]:
    """Sentences that report a state doing something (or not doing it): "Valdoria has paid compensation
    to the families" may tell that a promise to pay was kept. Whether it does is decided per promise
    (the state must be the promiser, the act one its promise names); a sentence that already holds a
    status cue keeps that one. An event its document tells again ("The agreement was signed on 4 August by …")
    tells it in each of its sentences, the later ones with the words of the first ("a defence cooperation
    agreement")."""
    by_sentence: dict[tuple[int, int], set[tuple[str, str, str, str]]] = {}
    told_first: dict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
    for e in events:
        if e.mode not in ("asserted", "negated") or not e.source_country:
            continue
        for ev in (e.evidence, *(r for r in e.also_reported_in if r.doc_id == e.evidence.doc_id)):
            if any(start < ev.end and ev.start < end for start, end in taken):
                continue
            by_sentence.setdefault((ev.start, ev.end), set()).add(
                (e.source_country, e.cameo or "", e.mode, e.date or ""))
            if ev is not e.evidence:
                told_first[(ev.start, ev.end)].add((e.evidence.start, e.evidence.end))
    rows = []
    for (start, end), done in sorted(by_sentence.items()):
        inside = [m for m in mentions if m.start >= start and m.end <= end]
        actors = {m.actor_id for m in inside} | {m.country for m in inside if m.country} | {d[0] for d in done}
        found = set(words(text, start, end, inside))
        for first_start, first_end in told_first.get((start, end), ()):
            found |= words(text, first_start, first_end,
                           [m for m in mentions if m.start >= first_start and m.end <= first_end])
        rows.append({"start": start, "end": end, "text": text[start:end], "actors": sorted(actors), "kind": "status",
                     "key": "", "status": "event", "events": sorted(done), "words": sorted(found)})
    return rows


def occasion_claims(text: str, start: int, end: int, inside: Sequence[Mention], dated: Sequence[Timex],
                    kinds: dict[str, str], base: dict[str, Any]) -> list[dict[str, Any]]:
    """"They met in Ishtal on 16 October": (occasion, place) -> day, each date given to the nearest
    occasion word. A date beside a verb dates its clause; a date after a chain of nouns ("the meeting
    on the sidelines of the summit in X on 9 October") may belong to either, so that claim is marked
    ambiguous."""
    places = [m for m in inside if kinds.get(m.actor_id) == "place"]
    if not places or not any(t.precision == "day" for t in dated):
        return []  # no claim without a place and a day, whatever the words
    occasions = list(_occasion_pattern().finditer(text, start, end))
    if not occasions:
        return []
    table = cue_lexicon()["occasions"]
    rows = []
    for timex in (t for t in dated if t.precision == "day"):
        ranked = sorted(occasions, key=lambda o: (_distance(timex.start, timex.end, o.start(), o.end()), o.start()))
        nearest = ranked[0]
        if _distance(timex.start, timex.end, nearest.start(), nearest.end()) > 60:
            continue
        lo, hi = min(timex.start, nearest.start()), max(timex.end, nearest.end())
        if cue_alternation("not_the_occasion_date").search(text, lo, hi) or \
                cue_alternation("not_the_occasion_date").search(text, max(start, lo - 40), lo):
            continue
        place = min(places, key=lambda m: _distance(m.start, m.end, nearest.start(), nearest.end()))
        if _distance(place.start, place.end, nearest.start(), nearest.end()) > 160:
            continue
        occasion = table[_normal(nearest.group())]
        verb = occasion.endswith("!")
        occasion = occasion.rstrip("!")
        rivals = {table[_normal(o.group())].rstrip("!") for o in ranked[1:]
                  if _distance(timex.start, timex.end, o.start(), o.end()) <= 120}
        rows.append({**base, "kind": "occasion", "key": f"{occasion}|{place.actor_id}", "occasion": occasion,
                     "place": place.actor_id, "place_text": text[place.start:place.end], "value": timex.value,
                     "value_text": timex.text, "ambiguous": not verb and bool(rivals - {occasion})})
    return rows


def _normal(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower())


@cache
def _occasion_pattern() -> re.Pattern[str]:
    words = sorted(cue_lexicon()["occasions"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(w.replace(" ", r"\s+") for w in words) + r")\b", re.I)


def count_claims(text: str, start: int, end: int, inside: Sequence[Mention], dated: Sequence[Timex],
                 published: str | None, base: dict[str, Any], claimant: str | None = None) -> list[dict[str, Any]]:
    """"Three Kestrian border guards were killed": (what happened, to whose people, month) -> 3. With a
    ``claimant`` (the state whose claim a quote is) and no state named, "three of its border guards" are its own."""
    rows: list[dict[str, Any]] = []
    own = claimant if claimant and not any(m.country for m in inside) else None
    if not (own or any(m.country for m in inside)) or not _outcome_pattern().search(text, start, end):
        return rows  # a count is claimed only about the people of a named state, with an outcome word
    if len(re.findall(r"\baccording to\b", text[start:end], re.I)) > 1:
        return rows  # "three died, according to one side, and two, according to the other"
    for match in _count_pattern().finditer(text, start, end):
        value = parse_count(match.group("number"))
        if value is None:
            continue
        whose = [m.country for m in inside if m.country and m.start >= match.start() and m.end <= match.end()]
        if not whose and own and _OWN_PEOPLE.search(match.group()):
            whose = [own]
        if not whose:
            continue
        month = next((t.value[:7] for t in dated if t.value and len(t.value) >= 7), (published or "")[:7])
        if not month:
            continue
        outcome = cue_lexicon()["count_outcomes"][match.group("outcome").lower()]
        rows.append({**base, "kind": "count", "key": f"{outcome}|{whose[0]}|{month}", "value": value,
                     "value_text": match.group(0), "outcome": outcome,
                     "whose_text": min((text[m.start:m.end] for m in inside if m.country == whose[0]), key=len,
                                       default=whose[0])})
    return rows


# "three of its border guards": a claimant's own people
_OWN_PEOPLE = re.compile(r"\b(?:its|their|our)\b", re.I)


@cache
def _outcome_pattern() -> re.Pattern[str]:
    """Any outcome word: a sentence without one holds no count claim."""
    outcomes = "|".join(sorted(cue_lexicon()["count_outcomes"], key=len, reverse=True))
    return re.compile(rf"(?:{outcomes})\b", re.I)


@cache
def _count_pattern() -> re.Pattern[str]:
    numbers = "|".join(sorted(number_words(), key=len, reverse=True))
    outcomes = "|".join(sorted(cue_lexicon()["count_outcomes"], key=len, reverse=True))
    return re.compile(
        rf"\b(?P<number>\d+|(?:{numbers})(?:-(?:{numbers}))?)\s+(?:[\w’'-]+\s+){{0,4}}?"
        rf"(?:(?:were|was|had been|have been|has been)\s+)?(?P<outcome>{outcomes})\b",
        re.I,
    )


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0


# sentences told of what the one before speaks of: a pronoun subject ("They were returned three days early"), or
# a promise kept or broken without saying what ("Brask had kept its word", "has not been kept")
_TOLD_OF_THE_LAST = re.compile(r"^[\"“«‘'(]?(?:they|it|these|those)\b|\b(?:kept|keeps|keep|broke|breaks|break)\s+"
                               r"(?:its|his|her|their|our|my)\s+(?:word|promise)\b|\b(?:has|have|had)\s+(?:not\s+)?"
                               r"been\s+kept\b", re.I)


# promises spoken of in the plural by a demonstrative: the sentences before may make several
_THESE_PROMISES = re.compile(r"\b(?:these|those|such)\s+(?:statements|promises|pledges|commitments|assurances|words)\b",
                             re.I)
# how many sentences back a status sentence may find whom and what it is about
TOLD_BACK = 2


def told_of(seen: Sequence[tuple[int, int, bool]]) -> tuple[int, int]:
    """What a status sentence may continue (``seen``: the sentences before it, each with whether it names
    someone): the last ``TOLD_BACK`` sentences ("According to Millgate, the compensation was paid. The ministry
    did not disclose the amount. Corvel said Brask had kept its word."), but only the sentence before when that
    one names someone and the one before it no one."""
    if not seen:
        return 0, 0
    last = seen[-1]
    if last[2] and len(seen) >= TOLD_BACK and not seen[-2][2]:
        return last[0], last[1]
    return seen[-TOLD_BACK:][0][0], last[1]


def status_cue(text: str, base: dict[str, Any], status: str, sentence_words: list[str], previous: tuple[int, int],
               mentions: Sequence[Mention], seen: Sequence[tuple[int, int, bool]] = ()) -> dict[str, Any]:
    """A sentence that tells a promise kept or not, continuing the one before when it names no one, or speaks
    of it by a pronoun or without saying what was kept (then also about what the sentence before speaks of; the
    sentences before, ``seen``, when it speaks of "these statements")."""
    cue = {**base, "kind": "status", "key": "", "status": status, "words": sentence_words}
    if _THESE_PROMISES.search(base["text"]) and len(seen) >= TOLD_BACK:
        previous = seen[-TOLD_BACK][0], seen[-1][1]  # "these statements": more than the last one
    # (a sentence naming the promised act by its noun, "the return of the lorries showed it keeps its word", says
    # itself what was kept)
    told_of_before = (_TOLD_OF_THE_LAST.search(base["text"]) or _THESE_PROMISES.search(base["text"])
                      or cue_alternation("kept_as_said").search(base["text"]))
    if previous != (0, 0) and told_of_before and not _names_promised_act(base["text"]):
        context = [m for m in mentions if m.start >= previous[0] and m.end <= previous[1]]
        return {**cue, "actors": sorted({*cue["actors"], *(m.actor_id for m in context),
                                         *(m.country for m in context if m.country)}),
                "words": sorted(set(cue["words"]) | words(text, *previous, context))}
    return continued(cue, text, previous, mentions)


def received_instead(base: dict[str, Any], own_words: frozenset[str], promised: dict[str, Any]) -> dict[str, Any]:
    """"We have received a one-page letter …" right after "We were promised the findings.": what came instead of
    what was promised, the promise (of the sentence before, with its actors and words) not kept."""
    return {**base, "kind": "status", "key": "", "status": "broken",
            "actors": sorted({*base["actors"], *promised["actors"]}),
            "words": sorted(set(own_words) | set(promised["words"]))}


def continued(cue: dict[str, Any], text: str, previous: tuple[int, int], mentions: Sequence[Mention]) -> dict[str, Any]:
    """A sentence that names no one ("The findings were never handed over.", "We were promised the
    findings.") continues the sentence before it: it is about that sentence's actors and things too."""
    if cue["actors"] or previous == (0, 0):
        return cue
    context = [m for m in mentions if m.start >= previous[0] and m.end <= previous[1]]
    actors = sorted({m.actor_id for m in context} | {m.country for m in context if m.country})
    return {**cue, "actors": actors, "words": sorted(set(cue["words"]) | words(text, *previous, context))}
