"""The same event reported by several documents: one group, counted once by the dyad index.

Reports are compared within a pair of states and a PLOVER type; the date decides first (the same
day, or dates that agree at the coarser precision), the words of the two sentences second. Dates a
few days apart can still be one event when the words agree: that is how two outlets giving
different dates for one meeting become a disagreement instead of two meetings.

Two outlets rarely word one event alike beyond the act itself, so naming the act alike (the same
trigger word, or words of the same CAMEO act: "detained", "custody") with one more word or actor in
common near it counts as agreeing words. It also links reports whose sides were read the other way
round ("the three Kestrian guards killed" names the victims first). Reports on the same day are one
event whatever their words; the words only decide which of several such reports go together.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import cache

from ..extract.actors import DATELINE
from ..records import Event, Evidence
from . import semantic
from .cluster import cluster
from .corpus import Corpus, days_between, first_day, last_day, same_or_coarser
from .text import lexicon_file, overlap, plain, regular_forms, stem

_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s(?:and|but|while|whereas)\s")
# types whose two sides act together, so "A met B" and "B met A" are one event
SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
# the CAMEO code of signing a formal agreement: PLOVER codes it SUPPORT, but the signing of an agreement and the
# agreeing on it ("the two ministers signed the accord", "the two states agreed on it in March") are one event
SIGN = "057"
THRESHOLD = 0.6
# what the same CAMEO code adds to two reports' similarity: it only ranks equally similar ones
SAME_CODE = 0.001
# how similar two reports naming the act alike count (on the scale of the shared-word overlap)
SAME_ACT = 0.5
# how far from the trigger words count as its own context
LOCAL_CHARS = 40
NEAR_DAYS = 3
UNDATED_DAYS = 60
# how long after an event a later article may mention it without a date and still be linked
REFER_BACK_DAYS = 400
PLACE_PREFIX = "place:"


def pair_of(event: Event) -> tuple[str, str] | None:
    a, b = event.source_country, event.target_country
    if not a or not b or a == b:
        return None
    first, second = sorted((a, b))
    return first, second


class EventMatcher:
    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._words: dict[str, frozenset[str]] = {}
        self._plain: dict[str, frozenset[str]] = {}
        self._local: dict[str, frozenset[str]] = {}
        self._places: dict[str, frozenset[str]] = {}
        self.semantic = semantic.enabled()

    def words(self, event: Event) -> frozenset[str]:
        if event.event_id not in self._words:
            ev = event.evidence
            self._words[event.event_id] = self.corpus.words_at(ev.doc_id, ev.start, ev.text)
        return self._words[event.event_id]

    def plain_words(self, event: Event) -> frozenset[str]:
        if event.event_id not in self._plain:
            self._plain[event.event_id] = frozenset(plain(self.words(event)))
        return self._plain[event.event_id]

    def local_words(self, event: Event) -> frozenset[str]:
        """Content words and actors within ``LOCAL_CHARS`` of the trigger, in its sentence, without the
        event's two states (every report of the pair names them) or the trigger itself."""
        if event.event_id not in self._local:
            ev, trigger = event.evidence, event.trigger
            if trigger is None:
                found: frozenset[str] = frozenset()
            else:
                start, end = max(ev.start, trigger.start - LOCAL_CHARS), min(ev.end, trigger.end + LOCAL_CHARS)
                text = ev.text[start - ev.start : end - ev.start]
                found = self.corpus.words_at(ev.doc_id, start, text)
            states = {f"@{event.source_country}", f"@{event.target_country}"}
            self._local[event.event_id] = frozenset(found - states - {trigger_stem(event), light_verb_before(event)})
        return self._local[event.event_id]

    def clause_words(self, event: Event) -> frozenset[str]:
        """The local words (``local_words``) of the trigger's own clause of a list: not across a comma, semicolon
        or "and" ("Kestria had arrested two VTR journalists, Valdoria had impounded lorries and detained students":
        the students' detention has none of the journalists' words)."""
        ev, trigger = event.evidence, event.trigger
        if trigger is None:
            return frozenset()
        before = ev.text[max(0, trigger.start - ev.start - LOCAL_CHARS) : trigger.start - ev.start]
        after = ev.text[trigger.end - ev.start : trigger.end - ev.start + LOCAL_CHARS]
        before = _CLAUSE_BREAK.split(before)[-1]
        after = _CLAUSE_BREAK.split(after)[0]
        found = self.corpus.words_at(ev.doc_id, trigger.start - len(before), before + trigger.text + after)
        return frozenset(found & self.local_words(event))

    def same_act(self, a: Event, b: Event) -> bool:
        """Two reports naming the act alike, by one word or by words of one CAMEO act ("detained", "custody"; at a
        code the codebook divides no further, ``has_narrower_codes``), but not by a word of promising (which names
        the promise), and sharing another word or actor near it ("detained two journalists" and "detained eleven
        students" share only the verb). Signing an agreement and agreeing on it name one act ("agreed" is a word of
        promising only without the signing)."""
        if signing_and_agreeing(a, b):
            return bool(self.local_words(a) & self.local_words(b))
        word = trigger_stem(a)
        if not word or word in promise_stems() or trigger_stem(b) in promise_stems():
            return False
        if word != trigger_stem(b) and not (a.cameo and len(a.cameo) >= 3 and a.cameo == b.cameo
                                            and not has_narrower_codes(a.cameo)):
            return False
        return bool(self.local_words(a) & self.local_words(b))

    def one_agreement_told_twice(self, a: Event, b: Event) -> bool:
        """Two reports in one article of signing an agreement between the same two states, not of two dates, naming it
        by a word in common beside the words of signing ("was in X to sign a separate agreement on travel", "the travel
        agreement, signed on Monday"): one agreement told twice, grouped as one report (``cluster``'s ``together``)."""
        if a.doc_id != b.doc_id or not (a.cameo or "").startswith(SIGN) or not (b.cameo or "").startswith(SIGN):
            return False
        if a.mode != b.mode or pair_of(a) != pair_of(b) or (a.date and b.date and a.date != b.date):
            return False
        topics = {_agreement_topic(e) for e in (a, b)}
        if None not in topics and len(topics) == 2:
            return False  # "signed a trade agreement … also signed a travel agreement": two agreements
        return bool(plain(self.local_words(a) & self.local_words(b)) - signing_stems() - _role_stems())

    def at_one_meeting(self, a: Event, b: Event) -> bool:
        """Two reports of one person's act towards one side, each dated by the meeting of their two states that its
        own document tells on that date ("the meeting between Halvic and Demmin in Ishtal, where the Valdorian
        president made a statement …", the meeting dated 15 October; "Demmin apologized to Halvic …" in an article
        on their meeting in October 2025): one act at one meeting, whatever words each outlet chose, as a person
        rarely does two acts of one kind (compatible codes) towards the same side at one meeting."""
        if a.doc_id == b.doc_id or not a.source or a.source != b.source or not a.source.startswith("person:"):
            return False
        if not a.target_country or a.target_country != b.target_country or a.source_country == a.target_country:
            return False
        pair = frozenset((a.source_country, a.target_country))
        return all(e.date and e.date in self.corpus.meeting_dates(e.doc_id).get(pair, ()) for e in (a, b))

    def same_place(self, a: Event, b: Event) -> bool:
        """Whether the sentences of two reports name a place in common (not the place of a dateline, "ISHTAL,
        16 October (ValPress) -", where the story was filed)."""
        return bool(self.places(a) & self.places(b))

    def places(self, event: Event) -> frozenset[str]:
        """The places a report's sentence names after its dateline (cached: compared once for each pair)."""
        if event.event_id not in self._places:
            found: frozenset[str] = frozenset()
            if any(w.startswith("@" + PLACE_PREFIX) for w in self.words(event)):  # no scan when it names none
                ev = event.evidence
                dateline = DATELINE.match(ev.text)  # where the story was filed
                after = ev.start + (dateline.end() if dateline else 0)
                found = frozenset(m.actor_id for m in self.corpus.mentions(ev.doc_id)
                                  if m.actor_id.startswith(PLACE_PREFIX) and after <= m.start < ev.end)
            self._places[event.event_id] = found
        return self._places[event.event_id]

    def when(self, event: Event) -> str | None:
        return event.date or self.corpus.published(event.doc_id)

    def _refers_back(self, dated: Event, undated: Event) -> bool:
        """An undated report in a later article ("the shooting on the bridge") of a dated event."""
        published = self.corpus.written(undated.doc_id)
        if not _dated(dated) or _dated(undated) or not published:
            return False
        apart = days_between(dated.date, published)
        return (
            apart is not None
            and dated.date[: len(published)] <= published[: len(dated.date)]
            and apart <= REFER_BACK_DAYS
        )

    def _in_its_year(self, undated: Event, in_year: Event) -> bool:
        """A report dated only by its year in a later article ("released the students in 2025") and an undated
        report in an article of that year: the undated report tells of something near when it was written."""
        if undated.date or not in_year.date or len(in_year.date) != 4:
            return False
        told, later = self.corpus.written(undated.doc_id), self.corpus.written(in_year.doc_id)
        if not told or not later or not told.startswith(in_year.date):
            return False
        apart = days_between(told, later)
        return apart is not None and told[:len(later)] <= later[:len(told)] and apart <= REFER_BACK_DAYS

    def similarity(self, a: Event, b: Event) -> float:
        if linking_type(a) != linking_type(b) or a.mode != b.mode:
            return 0.0
        if not (compatible_codes(a.cameo, b.cameo) or signing_and_agreeing(a, b)):
            return 0.0
        sides_a, sides_b = (a.source_country, a.target_country), (b.source_country, b.target_country)
        reversed_sides = linking_type(a) not in SYMMETRIC and sides_a != sides_b
        if reversed_sides and not (trigger_stem(a) == trigger_stem(b) and self.same_act(a, b)
                                   and self.clause_words(a) & self.clause_words(b)):
            # sides read the other way round (a report of the victims names them first) still count when
            # the act has the same word and context; another word of the same kind may be the other side's
            # reply ("killed the general in an airstrike", "launched missiles targeting US troops")
            return 0.0
        if self.semantic:
            lexical = semantic.word_scale(semantic.cosine(a.evidence.text, b.evidence.text))
        else:
            lexical = overlap(self.plain_words(a), self.plain_words(b))
        if self.same_act(a, b):
            # the same word for the same kind of act between the same states, at compatible dates, with
            # something more in common nearby: two outlets naming one event rarely share more than that
            lexical = max(lexical, SAME_ACT)
        # of two reports agreeing as well with a third, the one coded as the same act goes with it ("lifting visa
        # requirements" with "would lift visa requirements" before "as agreed" in the same sentence)
        closer = SAME_CODE if a.cameo and a.cameo == b.cameo else 0.0
        if a.date and b.date and len(a.date) >= 7 and len(b.date) >= 7:
            if len(a.date) == len(b.date) == 10 and a.date == b.date:
                return THRESHOLD + 0.4 * lexical + closer  # linked whatever the words; the words rank it
            if same_or_coarser(a.date, b.date):
                needed = 0.3
                if self.at_one_meeting(a, b):
                    lexical = max(lexical, needed)
                if a.date == b.date and self.same_place(a, b):
                    # "the date we gave our friends in Velmar last December" and "as agreed in Velmar in December":
                    # one kind of act between the same states, told to the same month, at the same place (a report
                    # dated to the day meets a month's only by its words: "arrested on 3 June" is not every arrest
                    # in Dorrun in June)
                    lexical = max(lexical, needed)
            elif len(a.date) == len(b.date) == 10 and (days_between(a.date, b.date) or 99) <= NEAR_DAYS:
                needed = 0.4
            else:
                return 0.0
        elif self._refers_back(a, b) or self._refers_back(b, a):
            needed = 0.4
        elif self._in_its_year(a, b) or self._in_its_year(b, a):
            needed = 0.5
        else:  # a year alone says little: compare when the reports appeared
            apart = days_between(self.corpus.written(a.doc_id), self.corpus.written(b.doc_id))
            if apart is None or apart > UNDATED_DAYS:
                return 0.0
            needed = 0.5
        return THRESHOLD + 0.4 * lexical + closer if lexical >= needed else 0.0


# CAMEO roots whose codes below the root tell the same act from another side or at another step (visiting,
# 042, and hosting a visit, 043, are one meeting; an offer to host talks, 036, and the talks it plans, 043)
PERSPECTIVE_ROOTS = frozenset({"03", "04"})


@cache
def has_narrower_codes(code: str) -> bool:
    """Whether the CAMEO codebook has more precise codes below a code ("112", accuse, holds "1125", accuse of
    espionage): two words coded alike at that code may name two acts of the kind."""
    from ..extract.events import cameo_table  # the extraction's table; linking only reads it

    return any(other != code and other.startswith(code) for other in cameo_table()["cameo_to_plover"])


def compatible_codes(a: str | None, b: str | None) -> bool:
    """Whether two CAMEO codes can name one act: the same code, or one the other's more precise form
    ("17" and "173"). Elsewhere codes that part below the root name different acts of one PLOVER type:
    detaining people (173) is not confiscating property (1711), releasing persons (0841) is not returning
    property (0842)."""
    if not a or not b or a[:2] in PERSPECTIVE_ROOTS:
        return True
    return a.startswith(b) or b.startswith(a) or frozenset((a[:3], b[:3])) in one_act_codes()


@cache
def one_act_codes() -> frozenset[frozenset[str]]:
    """Pairs of CAMEO codes under different roots that name one act told two ways (crossdoc.json: an apology
    acknowledges responsibility)."""
    return frozenset(frozenset(pair) for pair in lexicon_file("crossdoc.json")["one_act_codes"])


def linking_type(event: Event) -> str:
    """The type an event is linked under: its PLOVER type, but AGREE for the signing of an agreement."""
    cameo = event.cameo
    return "AGREE" if cameo and cameo[:3] == SIGN else event.category


def type_for_linking(category: str, cameo: str | None) -> str:
    """The type a report of this type and CAMEO code is linked under (``linking_type``)."""
    return "AGREE" if cameo and cameo[:3] == SIGN else category


def signing_and_agreeing(a: Event, b: Event) -> bool:
    """A report of signing an agreement and one of agreeing ("agreed", "the agreement"): one agreement, whatever
    the codes of the two verbs."""
    signing, other = (a, b) if (a.cameo or "").startswith(SIGN) else (b, a)
    word = trigger_stem(other) or ""
    return (signing.cameo or "").startswith(SIGN) and other.category == "AGREE" and word.startswith("agre")


def _dated(event: Event) -> bool:
    return bool(event.date and len(event.date) >= 7)


def _year_only(event: Event) -> bool:
    return bool(event.date and len(event.date) == 4)


def block_of(event: Event) -> str:
    """The linking block of an event: its pair of states and its type."""
    a, b = pair_of(event) or ("", "")
    return f"{a}|{b}|{linking_type(event)}"


def event_keys(event: Event, corpus: Corpus) -> list[tuple[str, str, str | None]]:
    """``(key, event_id, day)`` rows filing an event by its date (when it has one to the month or day)
    and by its publication; an event without such a date also under ``|undated`` by its publication
    (the only publication key a dated report looks up: two dated reports are compared by their dates); one dated
    only by its year also under ``|year`` by that year."""
    rows = []
    if _dated(event):
        rows.append((block_of(event) + "|date", event.event_id, _iso(first_day(event.date))))
    if _year_only(event):
        rows.append((block_of(event) + "|year", event.event_id, _iso(first_day(event.date))))
    published = first_day(corpus.written(event.doc_id))
    if published:
        rows.append((block_of(event) + "|published", event.event_id, published.isoformat()))
        if not _dated(event):
            rows.append((block_of(event) + "|undated", event.event_id, published.isoformat()))
    return rows


def event_windows(event: Event, corpus: Corpus) -> list[tuple[str, str, str]]:
    """Where reports of the same event can be found: ``similarity`` is zero outside these windows.

    A dated report meets reports dated a few days from it or within its month, and undated reports
    published up to ``REFER_BACK_DAYS`` from it; an undated one meets dated reports up to
    ``REFER_BACK_DAYS`` before the end of its publication period; any report meets reports
    published within ``UNDATED_DAYS`` of it when one of the two is undated. Days are the first
    days of their periods, as ``days_between`` counts them. A report dated only by its year and an undated one
    published in that year, before it, meet (``EventMatcher._in_its_year``).
    """
    block = block_of(event)
    published = first_day(corpus.written(event.doc_id))
    windows = []
    # a dated report meets other dated ones only through their dates, so by publication only undated ones
    by_publication = block + ("|undated" if _dated(event) else "|published")
    if _dated(event):
        start, month_start, end = first_day(event.date), first_day(event.date[:7]), last_day(event.date)
        assert start and month_start and end
        windows.append((block + "|date", _iso(month_start - _days(NEAR_DAYS + 1)), _iso(end + _days(NEAR_DAYS + 1))))
        windows.append(
            (by_publication, _iso(start - _days(REFER_BACK_DAYS + 1)), _iso(start + _days(REFER_BACK_DAYS + 1)))
        )
    elif published:
        until = last_day(corpus.written(event.doc_id))
        assert until
        windows.append((block + "|date", _iso(published - _days(REFER_BACK_DAYS + 1)), _iso(until + _days(1))))
    if published:
        windows.append(
            (by_publication, _iso(published - _days(UNDATED_DAYS + 1)), _iso(published + _days(UNDATED_DAYS + 1)))
        )
        if _year_only(event) and (year := first_day(event.date)) is not None:  # undated reports of its year, before it
            windows.append((block + "|undated", _iso(max(year, published - _days(REFER_BACK_DAYS + 1))),
                            _iso(published + _days(1))))
        elif not event.date:  # reports dated only by the year it was published in
            year_start = _iso(published.replace(month=1, day=1))
            windows.append((block + "|year", year_start, year_start))
    return windows


def _days(n: int) -> timedelta:
    return timedelta(days=n)


def _iso(day: date | None) -> str:
    assert day is not None
    return day.isoformat()


def event_groups(events: Iterable[Event], corpus: Corpus, matcher: EventMatcher | None = None) -> list[list[Event]]:
    """Groups of reports of one event (single reports included), in a stable order."""
    matcher = matcher or EventMatcher(corpus)
    by_block: dict[tuple[str, str, str], list[Event]] = {}
    for e in events:
        pair = pair_of(e)
        if pair:
            by_block.setdefault((*pair, linking_type(e)), []).append(e)
    groups: list[list[Event]] = []
    for block in sorted(by_block):
        groups.extend(join_repeated_reports(
            cluster(by_block[block], key=lambda e: e.event_id, doc=lambda e: e.doc_id,
                    similarity=matcher.similarity, threshold=THRESHOLD, together=matcher.one_agreement_told_twice,
                    apart=dated_apart),
            matcher))
    return groups


def dated_apart(a: Event, b: Event) -> bool:
    """Whether two reports date their acts to days more than NEAR_DAYS apart, or to months two or more apart: no
    undated report like both makes them one event (the agreement of 12 March to draft a treaty and its signing on
    4 August; the detention of June and the court's extending it in August). A month next to the other's is left to
    the similarity: a month read from a loose phrase ("as recently as February") may be one off."""
    if not (a.date and b.date and len(a.date) >= 7 and len(b.date) >= 7):
        return False
    if len(a.date) == len(b.date) == 10:
        apart = days_between(a.date, b.date)
        return apart is not None and apart > NEAR_DAYS
    months = [int(d[:4]) * 12 + int(d[5:7]) for d in (a.date, b.date)]
    return abs(months[0] - months[1]) >= 2


def join_repeated_reports(groups: list[list[Event]], matcher: EventMatcher) -> list[list[Event]]:
    """A report left alone because the group it matches already holds a report of its document (clustering takes
    one report per document) joins that group when the document's report there tells the same act between the same
    sides a few days from it ("detained two reporters on Tuesday" and "a court ordered both men held" on Wednesday)
    and it matches a report of another document in the group by itself; only when exactly one group qualifies."""
    joined = [list(g) for g in groups]
    holding: dict[str, list[int]] = {}  # the groups of two or more reports holding a report of each document
    for i, g in enumerate(groups):
        for doc_id in sorted({e.doc_id for e in g} if len(g) > 1 else ()):
            holding.setdefault(doc_id, []).append(i)
    for alone, single in enumerate(groups):
        if len(single) != 1 or single[0].doc_id not in holding:
            continue
        report = single[0]
        fits = [i for i in holding[report.doc_id]
                if any(o.doc_id == report.doc_id and _same_act_near(o, report) for o in groups[i])
                and any(o.doc_id != report.doc_id and matcher.similarity(report, o) > 0 for o in groups[i])]
        if len(fits) == 1:
            joined[fits[0]].append(report)
            joined[alone] = []
    return [sorted(g, key=lambda e: e.event_id) for g in joined if g]


def _same_act_near(a: Event, b: Event) -> bool:
    """The same act (one CAMEO code below its root) by the same doer to the same side, both dated to the month or
    day, a few days apart at most (or agreeing at the coarser precision)."""
    if not a.cameo or not b.cameo or len(a.cameo) < 3 or a.cameo != b.cameo:
        return False
    sides_a, sides_b = (a.source_country, a.target_country), (b.source_country, b.target_country)
    if linking_type(a) not in SYMMETRIC and sides_a != sides_b:
        return False
    if not _dated(a) or not _dated(b):
        return False  # a year, or no date, says too little to tell one act from another of the document
    if same_or_coarser(a.date, b.date):  # type: ignore[arg-type]
        return True
    return len(a.date) == len(b.date) == 10 and (days_between(a.date, b.date) or 99) <= NEAR_DAYS


def canonical_event(group: list[Event], corpus: Corpus) -> Event:
    """The report that stands for the group: the earliest published, then the most precise date."""
    return min(group, key=lambda e: (corpus.order(e.doc_id), -len(e.date or ""), e.event_id))


def linked_events(group: list[Event], corpus: Corpus, mentions: Sequence[Evidence] = ()
                  ) -> list[tuple[str, str, Event]]:
    """``(event_id, canonical_id, event with the other reports)`` for a group of two or more reports;
    ``mentions`` (phrases naming the event, mentions.py) are reports too, though no events."""
    if len(group) + len(mentions) < 2:
        return []
    canonical = canonical_event(group, corpus)
    retold = [v for o in group for v in o.also_reported_in]  # sentences its own document tells it again in
    # a phrase inside such a sentence is that report already
    mentions = [m for m in mentions if not any(_within_evidence(m, v) for v in retold)]
    rows = []
    for e in group:
        reports = {*(o.evidence for o in group if o is not e), *retold, *mentions}
        others = tuple(sorted(reports, key=lambda v: (v.doc_id, v.start, v.end)))
        rows.append((e.event_id, canonical.event_id, dataclasses.replace(e, also_reported_in=others)))
    return rows


def _within_evidence(inner: Evidence, outer: Evidence) -> bool:
    return inner.doc_id == outer.doc_id and outer.start <= inner.start and inner.end <= outer.end


def group_date(group: list[Event]) -> str | None:
    """The most precise date the reports give (the earliest of equally precise ones)."""
    dated = [e.date for e in group if e.date]
    return min(dated, key=lambda d: (-len(d), d)) if dated else None


def trigger_stem(event: Event) -> str | None:
    """The stem of the word that names the event ("shooting", "shootings" -> "shoot")."""
    if event.trigger is None or not event.trigger.text.strip():
        return None
    return stem(event.trigger.text.strip().split()[-1])


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+(?:(?:a|an|the|its|his|her|their|our|new|further|formal|official)\s+)?$")


def light_verb_before(event: Event) -> str | None:
    """The stem of a light verb right before a noun naming the event ("expressed | condolences", "held | talks"):
    part of how the act is named, no context two reports share."""
    if event.trigger is None:
        return None
    ev = event.evidence
    before = _WORD_BEFORE.search(ev.text[max(0, event.trigger.start - ev.start - 40) : event.trigger.start - ev.start])
    if before is None:
        return None
    word = stem(before.group(1))
    return word if word in _light_verb_stems() else None


@cache
def _light_verb_stems() -> frozenset[str]:
    from ..extract.events import LIGHT_VERBS  # the extraction's list; linking only reads it

    irregular = ("held", "made", "gave", "given", "paid", "sent", "began", "begun", "undertook", "undertaken")
    return frozenset(stem(w) for verb in LIGHT_VERBS for w in (*regular_forms(verb), *irregular))


@cache
def _role_stems() -> frozenset[str]:
    """Stems of role nouns ("the ministers signed …"): the signers' words name no agreement."""
    from ..extract.actors import role_nouns

    return frozenset(stem(word + suffix) for word in role_nouns() for suffix in ("", "s"))


_AGREEMENT_TOPIC = re.compile(r"\b([a-z]+) (?:agreement|accord|deal|memorandum|treaty|pact)\b|"
                              r"\b(?:agreement|accord|deal|memorandum|treaty|pact) on ([a-z]+)\b")
_NO_TOPIC = frozenset({"an", "a", "the", "this", "that", "its", "their", "new", "separate", "formal", "signed",
                       "final"})


def _agreement_topic(event: Event) -> str | None:
    """The word telling what an agreement is about, next to its trigger ("a trade agreement", "an agreement on
    travel")."""
    trigger = event.trigger
    if trigger is None:
        return None
    ev = event.evidence
    at = trigger.start - ev.start
    window = ev.text[max(0, at - LOCAL_CHARS): at + len(trigger.text) + LOCAL_CHARS].lower()
    for match in _AGREEMENT_TOPIC.finditer(window):
        word = match.group(1) or match.group(2)
        if word not in _NO_TOPIC:
            return stem(word)
    return None


@cache
def signing_stems() -> frozenset[str]:
    """Stems of the words of signing and agreeing ("signed", "agreement", "accord"): the words of events.json coded as
    signing a formal agreement, and "agree"."""
    from ..extract.events import event_lexicon  # the extraction's own reading (no spaCy loaded)

    data = event_lexicon()
    found = {word for table in ("verbs", "nouns") for word, code in data[table].items() if code.startswith(SIGN)}
    return frozenset(stem(word + suffix) for word in (*found, "agree", "agreement")
                     for suffix in ("", "s", "d", "ed", "ing"))


@cache
def promise_stems() -> frozenset[str]:
    """Stems of the verbs of promising ("promised", "pledges"): they name a promise, recorded under promises."""
    from ..extract.commitments import commitment_lexicon  # the extraction's own reading (no spaCy loaded)

    data = commitment_lexicon()
    return frozenset(stem(verb + suffix) for verb in data["verbs"] for suffix in ("", "s", "d", "ed", "es"))
