"""Checking forecasts against later documents.

Two kinds of evidence count. Later events between the forecast's states of a type the forecast
names ("will meet" -> CONSULT, "will sign an agreement" -> AGREE), dated after the forecast and
before its horizon ends: they confirm a forecast that something will happen and contradict one
that it will not. Later sentences that judge a prediction in so many words ("that forecast
was wrong", "who predicted in March that …") and share its words. And later sentences telling
that something was done or was not done ("the line entered service", "the findings were never
handed over"), the ones that judge promises, when they share the prediction's own words.

And, once the horizon of a prediction that something will change has passed, sentences telling that
the state of things persists ("Pell remains under house arrest").

A verdict is final once the horizon has passed in the store's time (its newest document), or as
soon as the event it predicted (or ruled out) has happened. A conditional forecast is judged only
once its condition is known to be met (and its "otherwise" branch is then void).

A forecast retold later by its author ("Last July I wrote that …") is one statement with it
(``retells``): quotes stating either carry the other's reports.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any

from ..extract.events import event_lexicon, plover_of
from ..records import Event, Forecast, StanceEvidence
from .corpus import Corpus, first_day, last_day, not_before
from .cues import course_predicted, cue_alternation, cue_lexicon
from .text import plain, regular_forms, sentence_spans, stem, words

_NEGATION = re.compile(r"\b(?:not|never|no longer|won't|will not|cannot|can't)\b", re.I)
SHARED_WORDS = 2
# how long after its horizon (or its publication, when it names none) a forecast is checked against
# what happens and what is said; a horizon further ahead than this counts as this far
FORECAST_DAYS = 730
# words that name only the parties of a prediction ("the two capitals will return to the negotiating table")
PARTY_WORDS = frozenset(("capital", "party", "both", "each", "neighbour", "neighbor"))
# past forms that no suffix rule finds, as the stem of their verb ("paid" is "pay")
IRREGULAR = {
    "paid": "pay", "met": "meet", "held": "hold", "sent": "send", "took": "take", "taken": "take", "gave": "give",
    "made": "make", "left": "leave", "began": "begin", "begun": "begin", "brought": "bring", "sought": "seek",
    "fought": "fight", "struck": "strike", "won": "win", "led": "lead", "withdrew": "withdraw", "withdrawn": "withdraw",
    "broke": "break", "broken": "break", "spoke": "speak", "spoken": "speak", "froze": "freeze", "frozen": "freeze",
    "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "shot": "shoot", "sold": "sell",
    "bought": "buy", "built": "build", "lent": "lend", "hit": "hit", "drew": "draw", "drawn": "draw",
    "threw": "throw", "thrown": "throw", "chose": "choose", "chosen": "choose", "flew": "fly", "flown": "fly",
}


@cache
def code_by_stem() -> dict[str, str]:
    """CAMEO code of each single event verb and noun of the lexicon that has a PLOVER type, by stem;
    phrases as their words' stems joined by spaces."""
    lexicon = event_lexicon()
    found: dict[str, str] = {}
    for table in ("verbs", "nouns"):
        for word, cameo in lexicon[table].items():
            if plover_of(cameo) and " " not in word:
                found.setdefault(stem(word), cameo)
    phrases = {**lexicon["verb_phrases"], **lexicon["noun_phrases"], **cue_lexicon()["predicted_phrases"]}
    for phrase, cameo in phrases.items():
        if plover_of(cameo):
            found.setdefault(" ".join(stem(w) for w in phrase.split()), cameo)
    return found


@cache
def base_of_form() -> dict[str, str]:
    """The stem of a lexicon word for the stems of its inflected forms: "released" stems to "releas",
    the lexicon's "release" to "release"."""
    lexicon = event_lexicon()
    words = {w for table in ("verbs", "nouns") for w in lexicon[table] if " " not in w}
    words |= {w for table in ("verb_phrases", "noun_phrases") for phrase in lexicon[table] for w in phrase.split()}
    found: dict[str, str] = {}
    for word in sorted(words):
        for form in regular_forms(word)[1:]:
            found.setdefault(stem(form), stem(word))
    for word in words:  # a lexicon word is its own base, whatever another word's forms stem to
        found[stem(word)] = stem(word)
    return found


def predicted_categories(text: str) -> set[str]:
    """PLOVER types the words of a prediction name ("meet" -> CONSULT)."""
    return {plover_of(code)[0] for code in _predicted_codes(text)}  # type: ignore[index]


def predicted_codes(text: str) -> set[str]:
    """CAMEO codes of the acts the words of a text name ("pay" -> 071)."""
    return set(_predicted_codes(text))


# words a lexicon phrase may have between its own ("return to the negotiating table": "return to table")
PHRASE_GAP = 2


@lru_cache(maxsize=4096)
def _predicted_codes(text: str) -> frozenset[str]:
    bases = base_of_form()
    tokens = [bases.get(stem(t), stem(t)) for t in re.findall(r"[^\W\d_]+", text.lower())]
    table = code_by_stem()
    found = {table[t] for t in tokens if t in table}
    for i, token in enumerate(tokens):
        for rest, code in _phrases_by_first().get(token, ()):
            if _follows(tokens, i, rest):
                found.add(code)
    return frozenset(found)


@cache
def _phrases_by_first() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    found: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, code in code_by_stem().items():
        if " " in phrase:
            first, *rest = phrase.split()
            found.setdefault(first, []).append((tuple(rest), code))
    return found


def act_words(text: str) -> frozenset[str]:
    """The words of a text that name the acts it predicts with a verb, as ``base_word`` gives them ("return",
    "negotiat", "table" of "will return to the negotiating table"; not the noun of "pays the compensation",
    which names what is done)."""
    tokens = [base_word(stem(t)) for t in re.findall(r"[^\W\d_]+", text.lower())]
    verbs, phrases = _verb_stems()
    found = {t for t in tokens if t in verbs}
    for i, token in enumerate(tokens):
        for rest in phrases.get(token, ()):
            if _follows(tokens, i, rest):
                found.update((token, *rest))
    return frozenset(found)


@cache
def _verb_stems() -> tuple[frozenset[str], dict[str, list[tuple[str, ...]]]]:
    """The stems of the lexicon's event verbs that have a PLOVER type, and its verb phrases by their first stem."""
    lexicon = event_lexicon()
    verbs = frozenset(stem(w) for w, code in lexicon["verbs"].items() if plover_of(code) and " " not in w)
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for phrase, code in lexicon["verb_phrases"].items():
        if plover_of(code):
            first, *rest = (stem(w) for w in phrase.split())
            phrases.setdefault(first, []).append(tuple(rest))
    return verbs, phrases


def base_word(word: str) -> str:
    """A stemmed word as the stem of the lexicon word it is a form of ("paid" and "pays" as "pay")."""
    return IRREGULAR.get(word) or base_of_form().get(word, word)


def _follows(tokens: list[str], at: int, rest: tuple[str, ...]) -> bool:
    """Whether ``rest`` comes after ``tokens[at]`` in order, each at most ``PHRASE_GAP`` words after the last."""
    for word in rest:
        window = tokens[at + 1 : at + 2 + PHRASE_GAP]
        if word not in window:
            return False
        at += 1 + window.index(word)
    return True


def negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def forecast_countries(forecast: Forecast, corpus: Corpus) -> set[str]:
    """The states a forecast is about: those of its subjects and of what its condition names ("If Brask raises
    fees, Dorrun will take the dispute to the panel": a dispute between the two); when that is one state, also
    the state of a place its own words name ("Kestria would be represented at the Ishtal summit")."""
    mentions = corpus.mentions(forecast.doc_id)
    countries: dict[str, str | None] = {m.actor_id: m.country for m in mentions}
    found = set()
    for subject in forecast.subjects:
        country = countries.get(subject)
        if country:
            found.add(country)
        elif len(subject) == 3 and subject.isupper():
            found.add(subject)
    condition, _ = condition_of(forecast)
    if condition:
        found |= _countries_in(mentions, *_condition_span(forecast, condition, corpus))
    if len(found) == 1:
        ev = forecast.evidence
        at = max(ev.text.find(forecast.text), 0)
        found |= _countries_in([m for m in mentions if corpus.kind(m.actor_id) == "place"], ev.start + at,
                               ev.start + at + len(forecast.text))
    return found


def _countries_in(mentions: Iterable[Any], start: int, end: int) -> set[str]:
    return {m.country for m in mentions if start <= m.start and m.end <= end and m.country}


def _condition_span(forecast: Forecast, condition: str, corpus: Corpus) -> tuple[int, int]:
    """Where a forecast's condition stands in its document (just before or after the prediction); (0, 0) when
    it is not found."""
    text, ev = corpus.text(forecast.doc_id), forecast.evidence
    at = text.rfind(condition, 0, ev.end + len(condition))
    at = at if at >= 0 else text.find(condition, ev.start)
    return (at, at + len(condition)) if at >= 0 else (0, 0)


def reach(forecast: Forecast, published: str | None) -> date | None:
    """The last day whose events and sentences can still judge a forecast (None: undated, no limit)."""
    start = first_day(published)
    if start is None:
        return None
    horizon = last_day(forecast.resolves_by)
    ahead = min(max((horizon - start).days, 0), FORECAST_DAYS) if horizon else 0
    return start + timedelta(days=ahead + FORECAST_DAYS)


def before_reach(value: str | None, limit: date | None) -> bool:
    day = first_day(value)
    return limit is None or (day is not None and day <= limit)


def within(date: str | None, after: str | None, by: str | None) -> bool:
    """Whether an event dated ``date`` falls after ``after`` and no later than ``by`` (at their precisions)."""
    if not date:
        return False
    if after and date[: len(after)] < after[: len(date)]:
        return False
    return not (by and date[: len(by)] > by[: len(date)])


def event_evidence(forecast: Forecast, corpus: Corpus, groups: Iterable[tuple[str | None, Event]],
                   forecast_words: frozenset[str], event_words: Callable[[Event], frozenset[str]],
                   own: frozenset[str] | None = None, text: str | None = None,
                   since: str | None = None) -> list[StanceEvidence]:
    """Later events between the forecast's states of a predicted type, about the same people or things; any
    such event when the prediction's own words (``own``) name no one and nothing beyond its parties and its
    act. ``text``: the words whose act is looked for (the prediction's, or its condition's); ``since``: the day
    the forecast was made no earlier than, when its publication tells less."""
    text = text or forecast.text
    categories = predicted_categories(text)
    countries = forecast_countries(forecast, corpus)
    if not categories or len(countries) < 2:
        return []
    stance = "contradicts" if negated(text) else "supports"
    any_event = own is not None and names_only_parties(own, text, forecast.horizon_text)
    published = since or corpus.published(forecast.doc_id)
    found = []
    for when, event in groups:
        if event.mode != "asserted" or event.category not in categories:
            continue
        if not {event.source_country, event.target_country} <= countries:
            continue
        # told in a later article: an event the forecast's own article announces ("the summit … is to be held")
        # is evidence where a later one reports it
        later = [r for r in (event.evidence, *event.also_reported_in)
                 if corpus.order(r.doc_id) > corpus.order(forecast.doc_id)]
        if not later or not within(when, published, forecast.resolves_by):
            continue
        # the words of later reports only: the forecast's own article would match its own sentence
        told = [event_words(event) if r == event.evidence else corpus.words_at(r.doc_id, r.start, r.text)
                for r in later]
        # the words naming any agreement ("agreement", "sign", "draft") are in every report of one: the matter is in
        # the others ("a separate agreement on electricity trade" is not "a defence cooperation agreement")
        if not any_event and not any(_same_matter(forecast_words, w, _agreement_words()) for w in told):
            continue
        ev = min(later, key=lambda r: (corpus.order(r.doc_id), r.start))
        found.append(StanceEvidence(ev.doc_id, ev.start, ev.end, ev.text, stance))  # type: ignore[arg-type]
    return found


def names_only_parties(own: frozenset[str], text: str, horizon_text: str | None) -> bool:
    """Whether a prediction's words name nothing but its parties (states, "the two capitals"), its act and its
    horizon: then every event of that act between those states is about it."""
    if any(w.startswith("@") and (":" in w or "-" in w) for w in own):
        return False  # a person or a body
    rest = {base_word(w) for w in plain(own)} - act_words(text) - PARTY_WORDS
    return not rest - {base_word(w) for w in plain(words(horizon_text or ""))}


@functools.cache
def _agreement_words() -> frozenset[str]:
    """Base words that name an agreement of any kind and its making: no matter of their own."""
    nouns = " ".join(cue_lexicon()["agreements"])
    return frozenset(base_word(w) for w in plain(words(f"{nouns} sign signed draft drafted drafting")))


def _same_matter(a: frozenset[str], b: frozenset[str], ignored: frozenset[str] = frozenset()) -> bool:
    """Two texts share two content words (as forms of one word: "pays", "paid"; not ``ignored`` base words), or
    name the same person or body (not just a state)."""
    if len({base_word(w) for w in plain(a)} & {base_word(w) for w in plain(b)} - ignored) >= SHARED_WORDS:
        return True
    return any(w.startswith("@") and (":" in w or "-" in w) for w in a & b)


def cue_evidence(forecast: Forecast, corpus: Corpus, cues: Iterable[dict[str, Any]],
                 forecast_words: frozenset[str], own: frozenset[str] = frozenset()) -> list[StanceEvidence]:
    """Later sentences that say how this prediction turned out."""
    published = corpus.order(forecast.doc_id)
    content = plain(forecast_words)
    found = []
    for cue in cues:
        if cue["doc_id"] == forecast.doc_id or corpus.order(cue["doc_id"]) <= published:
            continue
        # whether something was done: read only when it shares SHARED_WORDS of the prediction's own words
        if cue.get("outcome"):
            if cue.get("status") == "broken" and not _not_done_of(cue["text"], own):
                continue
            found.append(StanceEvidence(cue["doc_id"], cue["start"], cue["end"], cue["text"], cue["stance"]))
            continue
        cue_words = set(cue["words"]) | set(cue.get("context_words", []))
        shared = content & cue_words
        names_author = bool(forecast.author and forecast.author in cue["actors"])
        if len(shared) < SHARED_WORDS and not (names_author and shared):
            continue
        found.append(StanceEvidence(cue["doc_id"], cue["start"], cue["end"], cue["text"], cue["stance"]))
    return found


def _not_done_of(sentence: str, own: frozenset[str]) -> bool:
    """Whether the clause of a sentence telling that something was not done ("a motion for snap elections failed to
    pass", "the findings were never handed over") speaks of the prediction: shares one of its own content words."""
    match = cue_alternation("not_done").search(sentence)
    if match is None:
        return True
    start = max(sentence.rfind(mark, 0, match.start()) for mark in _CLAUSE_MARKS) + 1
    ends = [at for at in (sentence.find(mark, match.end()) for mark in _CLAUSE_MARKS) if at >= 0]
    clause = words(sentence, start, min(ends, default=len(sentence)))
    return bool({base_word(w) for w in plain(clause)} & {base_word(w) for w in plain(own)})


_CLAUSE_MARKS = (",", ";", ":", "—", "–", " and ", " but ", " while ", " after ", " as ")


def own_plain_words(forecast: Forecast, corpus: Corpus) -> set[str]:
    return plain(_own_words(forecast, corpus))


def _own_words(forecast: Forecast, corpus: Corpus) -> frozenset[str]:
    """The words of the prediction itself (its sentence may also hold its condition or who made it)."""
    ev = forecast.evidence
    at = ev.text.find(forecast.text)
    return corpus.words_at(ev.doc_id, ev.start + at, forecast.text) if at >= 0 else \
        corpus.words_at(ev.doc_id, ev.start, ev.text)


def checked_forecast(forecast: Forecast, corpus: Corpus, groups: list[tuple[str | None, Event]],
                     cues: list[dict[str, Any]], latest: str | None,
                     event_words: Callable[[Event], frozenset[str]],
                     condition_words: frozenset[str] | None = None, since: str | None = None,
                     persisting: Iterable[dict[str, Any]] = ()) -> Forecast:
    """The forecast with its verdict, whether that is final, and the evidence. A sentence telling how
    relations go now (``course``) judges a prediction of their course, but settles it only once its
    horizon has passed: relations can turn again.

    A conditional forecast ("if Brask pays …, the two capitals will …") is judged only once its condition
    is known to have been met (by a later event of the act it names, ``condition_words`` its words); a
    condition not met by the horizon leaves it void (unresolved, final). The other branch ("otherwise, …",
    the condition given as "unless: …") is void as soon as the condition is met."""
    ev = forecast.evidence
    forecast_words = corpus.words_at(ev.doc_id, ev.start, ev.text)
    judged = cue_evidence(forecast, corpus, [c for c in cues if not c.get("course")], forecast_words,
                          _own_words(forecast, corpus))
    judged += persistence_evidence(forecast, persisting, _own_words(forecast, corpus))
    told = cue_evidence(forecast, corpus, [c for c in cues if c.get("course")], forecast_words)
    happened = event_evidence(forecast, corpus, groups, forecast_words, event_words, _own_words(forecast, corpus),
                              since=since)
    evidence = _unique(judged + told + happened, corpus)
    if judged or told:
        verdict = _latest(judged + told, corpus).stance
    elif happened:
        verdict = happened[0].stance
    else:
        verdict = None
    # a prediction that a course goes on ("will continue to stabilize until January") fails at the first later report
    # of its turning, whether that report falls within its horizon or after it (which settles any prediction)
    turned = bool(told) and not judged and verdict == "contradicts" and bool(CONTINUING.search(forecast.text))
    settled = bool(judged or happened) or turned
    horizon_passed = bool(
        forecast.resolves_by and latest and latest[: len(forecast.resolves_by)] > forecast.resolves_by
    )
    if verdict == "contradicts" and not forecast.resolves_by and OPEN_ENDED.search(forecast.text):
        verdict = None  # "relations will be restored sooner or later": nothing now can refute it, only bear it out
    condition, otherwise = condition_of(forecast)
    void = False
    if condition and condition_words is not None:
        met = event_evidence(forecast, corpus, groups, condition_words, event_words, text=condition, since=since)
        known = bool(met) != negated(condition) if met else None  # without a report, not known either way
        if otherwise and known:
            verdict, evidence, void = None, (), True
        elif not otherwise and not known:
            verdict, evidence, void = None, (), known is False
        elif not otherwise:
            evidence = _unique(list(evidence) + met, corpus)
    return dataclasses.replace(
        forecast,
        verdict={"supports": "confirmed", "contradicts": "contradicted"}.get(verdict or "", "unresolved"),  # type: ignore[arg-type]
        verdict_final=horizon_passed or void or (verdict is not None and settled),
        verdict_evidence=evidence,
    )


UNLESS = "unless: "
# a prediction that a state of things goes on (through its horizon)
CONTINUING = re.compile(r"\bwill\s+(?:continue|remain|stay|keep|go on)\b", re.I)
# a prediction with no time it must come true by
OPEN_ENDED = re.compile(r"\b(?:sooner or later|eventually|one day|some ?day|in the long (?:run|term)|in due course|"
                        r"in time|at some point)\b", re.I)


def condition_of(forecast: Forecast) -> tuple[str | None, bool]:
    """A conditional forecast's condition, and whether the forecast is the branch taken when it is not met
    ("otherwise, …", which the extraction gives as "unless: <condition>")."""
    if not forecast.conditional or not forecast.condition or forecast.condition == "otherwise":
        return None, False
    if forecast.condition.startswith(UNLESS):
        return forecast.condition.removeprefix(UNLESS), True
    unless = re.match(r"\s*unless\s+", forecast.condition, re.I)  # "unless Brask pays": void once it does
    return (forecast.condition[unless.end():], True) if unless else (forecast.condition, False)


def course_cue_for(cue: dict[str, Any], forecast: Forecast) -> dict[str, Any] | None:
    """A sentence telling how relations between the forecast's states go, as a verdict on a prediction of
    their course: the same way bears it out, the other way refutes it (a negated prediction the reverse)."""
    way = course_predicted(forecast.text)
    if way is None:
        return None
    agrees = (cue["course"] == way) != negated(forecast.text)
    stance = "supports" if agrees else "contradicts"
    return {**cue, "kind": "verdict", "outcome": True, "course": True, "stance": stance}


def _latest(evidence: list[StanceEvidence], corpus: Corpus) -> StanceEvidence:
    return max(evidence, key=lambda e: (corpus.order(e.doc_id), e.start))


def _unique(evidence: list[StanceEvidence], corpus: Corpus) -> tuple[StanceEvidence, ...]:
    seen: dict[tuple[str, int], StanceEvidence] = {}
    for e in evidence:
        seen.setdefault((e.doc_id, e.start), e)
    return tuple(sorted(seen.values(), key=lambda e: (corpus.order(e.doc_id), e.start)))



# a later sentence retelling a prediction: "Last July I wrote that …", "who predicted in March that …"
_RETELLING = re.compile(
    r"\b(?:wrote|written|predicted|forecast|foresaw|foreseen|had\s+(?:said|warned|argued|expected))\b", re.I)
# how far before a retold prediction its retelling verb may stand, in characters of its sentence
RETELLING_CHARS = 120


def same_prediction(earlier: Forecast, later: Forecast, corpus: Corpus) -> bool:
    """Whether two forecasts predict the same, in other words (at least SHARED_WORDS content words in common,
    half of the shorter prediction's), the same way (both negated or neither)."""
    if negated(earlier.text) != negated(later.text):
        return False
    a = {base_word(w) for w in own_plain_words(earlier, corpus)}
    b = {base_word(w) for w in own_plain_words(later, corpus)}
    shared = a & b
    return len(shared) >= SHARED_WORDS and 2 * len(shared) >= min(len(a), len(b))


def retells(later: Forecast, later_text: str) -> bool:
    """Whether a forecast's sentence tells that its author wrote or predicted it before ("Last July I wrote that
    …"): with ``same_prediction``, it retells an earlier forecast of theirs."""
    start = later.evidence.start
    lead = later_text[max(0, start - RETELLING_CHARS) : start]
    return bool(_RETELLING.search(re.split(r"[.!?]\s|\n", lead)[-1]))


# a sentence telling that a state of things persists: "Pell remains under house arrest", "the units remain deployed",
# "armoured vehicles were still visible" (not "would remain", a prediction, nor "no longer remains")
_PERSISTS = re.compile(r"\b(?:remain|remains|remained|(?:is|are|was|were)\s+still|still\s+(?:remains?|stands?))\b",
                       re.I)
# words before "remain" that make it no report of a present state ("would remain", "to remain", "no longer remains")
_NOT_BEFORE = re.compile(
    r"(?:\b(?:no longer|not|never|would|will|could|can|may|might|must|should|shall|to|cannot)|n't|'ll|'d)"
    r"\s+(?:\w+\s+)?$", re.I)
# predictions that something will change: a persisting state refutes them once their horizon has passed
_CHANGE = re.compile(r"\b(?:released?|freed?|free|return(?:ed)?|back|withdrawn?|leave|left|reopen(?:ed)?|lift(?:ed)?|"
                     r"end(?:ed)?|expel(?:led)?|evacuated?|removed?|pulled\s+out|pull\s+out|handed\s+over|hand\s+over|"
                     r"resumed?|restored?|dropped|drop)\b", re.I)
# predictions that something will stay as it is
_STAYS = re.compile(r"\b(?:remain|stay|continue|keep|persist)\w*", re.I)


def persistence_cues(text: str, mentions: list[Any], since: str | None) -> list[dict[str, Any]]:
    """Sentences telling that a state of things persists, as cues (``since``: the day the document was written
    no earlier than)."""
    rows, seen = [], set()
    for match in _persisting(text):  # most documents have none: the sentences are found only around one
        start, end = next((s, e) for s, e in sentence_spans(text, _paragraph_start(text, match.start()),
                                                               _paragraph_end(text, match.end())) if e >= match.end())
        if start in seen or _NOT_BEFORE.search(text, max(start, match.start() - 30), match.start()):
            continue
        seen.add(start)
        inside = [m for m in mentions if m.start >= start and m.end <= end]
        rows.append({"start": start, "end": end, "text": text[start:end], "kind": "persists", "key": "",
                     "actors": sorted({m.actor_id for m in inside} | {m.country for m in inside if m.country}),
                     "words": sorted(words(text, start, end, inside)), "since": since})
    return rows


def _persisting(text: str) -> Iterable[re.Match[str]]:
    """The matches of _PERSISTS, found around each "remain" or "still" (a plain search is much faster than the
    pattern over the whole text)."""
    lowered, found = text.lower(), {}
    for word in ("remain", "still"):
        at = lowered.find(word)
        while at >= 0:
            match = _PERSISTS.search(text, max(0, at - 12), at + 20)
            if match:
                found.setdefault(match.start(), match)
            at = lowered.find(word, at + 1)
    return [found[at] for at in sorted(found)]


def _paragraph_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _paragraph_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def predicts_change(forecast: Forecast) -> bool:
    """Whether a forecast says, with a horizon, that something will change (be released, be back, reopen …)."""
    return bool(forecast.resolves_by and _CHANGE.search(forecast.text) and not _STAYS.search(forecast.text)
                and not negated(forecast.text))


def persistence_evidence(forecast: Forecast, cues: Iterable[dict[str, Any]], own: frozenset[str]
                         ) -> list[StanceEvidence]:
    """Sentences written after a change was due telling that the state it was to end persists ("Pell remains
    under house arrest" after "Pell will be released by June"): about the same people or things, they refute it."""
    if not predicts_change(forecast):
        return []
    found = []
    for cue in cues:
        since = cue.get("since") or ""
        if cue["doc_id"] == forecast.doc_id or since[: len(forecast.resolves_by or "")] <= (forecast.resolves_by or ""):
            continue
        if _same_matter(own, frozenset(cue["words"])):
            found.append(StanceEvidence(cue["doc_id"], cue["start"], cue["end"], cue["text"], "contradicts"))
    return found


def written_since(published: str | None, events: Iterable[Event]) -> str | None:
    """The day a document was written no earlier than: the latest day within its publication period (a month or a
    year) on which it dates an event that happened, else its publication."""
    day = not_before(events)
    return day if published and day and day.startswith(published) and day > published else published
