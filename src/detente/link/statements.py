"""Statements across documents: one remark reported by several sources, quoted or told in other words.

A quote is filed under its speaker (and each figure it claims, or with no speaker the people its sentence
names) with its words; reports of one remark are at most ``STATEMENT_DAYS`` apart. The stage is a part of
``Linker`` (``StatementLinking`` is one of its bases) and shares its store, corpus and blocking-key lookups.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from ..records import Commitment, Event, Evidence, Forecast, Quote, Timex
from ..store import Store
from .cluster import cluster
from .corpus import Corpus, days_near, iso_day, shifted
from .cues import count_claims, cue_lexicon, parse_count
from .events import REFER_BACK_DAYS
from .forecasts import FORECAST_DAYS, retells, same_prediction
from .text import _WORD as WORD
from .text import STOPWORDS, overlap, plain, sentence_spans, stem

QUOTE_THRESHOLD = 0.6
QUOTE_SHARED_WORDS = 3
# a short quote repeated whole by another document ("on the wrong side of the line") needs only this many
QUOTE_WHOLE_WORDS = 2
STATEMENT_DAYS = REFER_BACK_DAYS
# reports of one occasion's words retold in other words appear within this many days of each other
OCCASION_DAYS = 92
# how a quote's probe names a place its paragraph names
PLACE_MARK = "@in:"
# how a quote's probe names a figure it claims (Linker.figure_claims), and for a quote with no speaker a person its
# sentence names (Linker.sentence_people)
FIGURE_MARK = "@fig:"
# each figure twice over: two quotes must share two words before they are compared at all, and one figure claimed
# alike is enough ("and two, according to Brask" says nothing else)
FIGURE_TWIN = "@fig2:"
WHO_MARK = "@who:"
# how a quote's probe names the day its words were said ("said on Friday"), when the text gives one
SAID_MARK = "@on:"
# two reports may date one remark a day apart (time zones, a late-night speech reported the next day)
SAID_DAYS_APART = 1
# how a quote's probe names an act it reports (Linker.reported_acts): its CAMEO act, doer, side done to and day, twice
# over like a figure (one act told alike is enough to compare two quotes)
ACT_MARK = "@act:"
ACT_TWIN = "@act2:"
# how a quote's probe names the body its speaker is or speaks for (StatementLinking.voices): a state's body
# ("@for:xvl-foreign-ministry", the ministry itself or its spokeswoman), and the kind of body
# ("@for:*foreign-ministry"), which is all a body named by its title alone ("the Foreign Ministry") gives
VOICE_MARK = "@for:"
ANY_STATE = "*"
# roles whose holder speaks for the body the role names ("Foreign Ministry spokeswoman")
_SPEAKS_FOR_BODY = re.compile(r"\b(?:spokes(?:man|woman|person)|press secretary|press (?:office|service)|"
                              r"official representative)\b", re.I)
_ACCORDING_TO = re.compile(r"\baccording to\b", re.I)
# two remarks of one speaker told one right after the other: at most this far apart, with only the second's
# attribution between them ("… launched. According to the Valdorian president, …")
TOLD_TOGETHER_CHARS = 80
_ATTRIBUTION_ONLY = re.compile(
    r"[\s.,;:”’\"»]*(?:according to [^.;:“‘\"«]{1,60},|(?:he|she|it|they) (?:said|added),|"
    r"(?-i:[A-Z][\w’'-]*|He|She|They)(?: [\w’'-]+){1,3} that)?[\s“‘\"«]*", re.I)
_COUNTED = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand)",
                      re.I)
# how a quote's probe marks a word that is a name
NAME_MARK = "^"
# indefinite pronouns, as said_words stems them: words two statements share without being about one thing
INDEFINITE = frozenset((
    "everyth", "anyth", "noth", "someth", "everyon", "anyon", "someon", "everybody", "anybody", "somebody", "nobody"))


class StatementLinking:
    """The statement stage of ``Linker``: quotes linked across documents, promise and forecast remarks
    given the reports of what they promise or predict."""

    # set by ``Linker.__init__``; its lookups (``components``, ``window``, ``day``, ``quotes_in``) serve here too
    store: Store
    corpus: Corpus
    doc_ids: list[str]
    quotes_changed: set[str]
    promise_reports: dict[str, list[tuple[int, int]]]

    def link_quotes(self) -> None:
        # a quote the text gives no speaker for is compared with the quotes of the people its sentence names
        unnamed = self.sentence_people([q for quotes in self.quotes_in(self.doc_ids).values() for q in quotes
                                        if not q.speaker])
        new = [q for quotes in self.quotes_in(self.doc_ids).values() for q in quotes
               if q.speaker or unnamed.get(q.quote_id)]
        # numbers count in a quote ("back in their garrisons by 5 May"): the same speaker repeating one is telling;
        # the places its paragraph names tell where it was said
        places = self.paragraph_places(new)
        # a figure claimed ("three Kestrian border guards were killed") is one statement per claimant, whoever
        # speaks for it
        figures = self.figure_claims(new)
        # an act the quote reports on a given day ("all the vehicles were returned on 28 November"): the same speaker
        # telling it again in other words ("the lorries were handed back on 28 November") makes the same statement
        acts = self.reported_acts(new)
        # a ministry and its spokeswoman speak with one voice ("the Foreign Ministry dismissed …" and "Foreign Ministry
        # spokeswoman Ilse Brandvik said …")
        voices = self.voices(new)
        probes = {q.quote_id: Probe(q.quote_id, q.speaker or "", q.doc_id, self.day(q.doc_id),
                                    said_words(q.text) | places[q.quote_id] | figures[q.quote_id] | acts[q.quote_id]
                                    | unnamed.get(q.quote_id, frozenset()) | said_mark(q) | voices[q.quote_id])
                  for q in new}
        self.store.put_keys("quotes", list(probes), [row for p in probes.values() for row in p.rows()])
        if not new:
            return

        def similarity(a: Probe, b: Probe) -> float:
            if not days_near(a.day, b.day, STATEMENT_DAYS) or self.said_apart(a, b):
                return 0.0
            found = quote_similarity(a, b, days_near(a.day, b.day, OCCASION_DAYS)) if a.key and a.key == b.key else 0.0
            if a.key != b.key and _one_body(a, b):  # one body, by its name and by its spokeswoman's
                found = quote_similarity(a, b, days_near(a.day, b.day, OCCASION_DAYS))
            if a.key in b.named or b.key in a.named or _some_body_of_kind(a, b):
                # a quote with no speaker, or a body not told whose: only the other's words, all of them
                found = 1.0 if quote_similarity(a, b) == 1.0 else 0.0
            if a.key and a.key == b.key and a.acts & b.acts and not _other_figures(a.numbers, b.numbers) \
                    and days_near(a.day, b.day, OCCASION_DAYS):  # an act told again a year on is another remark
                found = max(found, QUOTE_THRESHOLD)
            return max(found, QUOTE_THRESHOLD) if a.figures & b.figures else found

        def windows(q: Probe) -> list[tuple[str, str | None, str | None]]:
            lo, hi = shifted(iso_day(q.day), -STATEMENT_DAYS), shifted(iso_day(q.day), STATEMENT_DAYS)
            return [(key, lo, hi) for key, *_ in q.rows()]

        parts = self.components(
            "quotes", probes.values(), windows,
            lambda a, b: a.doc_id != b.doc_id and similarity(a, b) >= QUOTE_THRESHOLD, lambda q: "",
            ident=lambda q: q.record_id,
            read=lambda rows: {rid: Probe.of(key, rid, day, info) for key, rid, day, info in rows},
            shared=(lambda q: q.words, _probe_words, QUOTE_WHOLE_WORDS))
        linked = [part for part in parts if len(part) > 1]
        members = {p.record_id for part in linked for p in part}
        # a remark its speaker goes on with right after a linked one ("The Valdorian leader clearly explained the
        # circumstances … . Demmin informed Halvic that …") is part of that account, whatever its words
        in_docs = [q for quotes_of in self.quotes_in({p.doc_id for part in linked for p in part}).values()
                   for q in quotes_of if q.speaker]
        told_together = self.told_together(in_docs)
        partners: dict[str, list[Quote]] = defaultdict(list)
        for q in in_docs:
            if q.quote_id not in members:
                for other in (b for a, b in told_together if a == q.quote_id and b in members):
                    partners[other].append(q)
        for part in linked:
            added = {q.quote_id: q for p in part for q in partners.get(p.record_id, ()) if q.quote_id not in members}
            part.extend(Probe(q.quote_id, q.speaker or "", q.doc_id, self.day(q.doc_id), said_words(q.text)
                              | said_mark(q)) for q in sorted(added.values(), key=lambda q: q.quote_id))
            members.update(added)
        quotes: dict[str, Quote] = {q.quote_id: q for q in self.store.records_by_ids(  # type: ignore[misc]
            "quotes", members)}
        self.corpus.load(q.doc_id for q in quotes.values())

        def one_voice_twice(a: Probe, b: Probe) -> bool:
            """A body's words told twice by one article, as the body's and as its spokeswoman's ("the ministry
            described the remarks as “a private opinion”" … she said: "… is his private opinion …")."""
            return a.key != b.key and _one_body(a, b) and quote_similarity(a, b) == 1.0

        rows = []
        for part in linked:
            for probes_group in with_parts(cluster(part, key=lambda q: q.record_id, doc=lambda q: q.doc_id,
                                                   similarity=similarity, threshold=QUOTE_THRESHOLD,
                                                   together=one_voice_twice), similarity,
                                           told_together):
                if len({p.doc_id for p in probes_group}) < 2:
                    continue  # (one article's two tellings alone, joined by ``one_voice_twice``, are no link)
                group = [quotes[p.record_id] for p in probes_group]
                first = min(group, key=lambda q: (self.corpus.order(q.doc_id), q.start))
                # sorted once for the whole group (a stable sort: each quote's others keep the same order)
                reports = sorted(((o, quote_evidence(o)) for o in group), key=lambda p: (p[1].doc_id, p[1].start))
                for q in group:
                    others = tuple(v for o, v in reports if o is not q)
                    rows.append((q.quote_id, first.quote_id, _with_reports(q, others)))
        self.store.replace_links("quotes", [p.record_id for part in parts for p in part], rows)
        self.quotes_changed.update(p.record_id for part in parts for p in part)

    def said_apart(self, a: Probe, b: Probe) -> bool:
        """Whether two reports date their remarks to different days, or one dates its remark after the other
        report was published: two remarks (a speaker repeating a demand a month later says it again)."""
        if a.said_on and b.said_on:
            return not days_near(a.said_on, b.said_on, SAID_DAYS_APART)
        return any(p.said_on and (latest := self.corpus.latest(o.doc_id)) and p.said_on > latest.isoformat()
                   for p, o in ((a, b), (b, a)))

    def told_together(self, quotes: Iterable[Quote]) -> frozenset[tuple[str, str]]:
        """Pairs of these quotes (both ways round) by one speaker, one right after the other in one paragraph with
        nothing but the second's attribution between them ("… said that two missiles had been launched. According
        to him, the missiles exploded …"): parts of one account, though the second takes up a word of the first."""
        by_doc: dict[str, list[Quote]] = defaultdict(list)
        for q in quotes:
            if q.speaker:
                by_doc[q.doc_id].append(q)
        self.corpus.read_texts(by_doc.keys())
        found = set()
        for doc_id, own in by_doc.items():
            text, every = self.corpus.text(doc_id), self.quotes_in([doc_id])[doc_id]
            for a in own:
                for b in own:
                    between = text[a.end:b.start]
                    if a.speaker != b.speaker or not 0 <= b.start - a.end <= TOLD_TOGETHER_CHARS or "\n" in between:
                        continue
                    if any(a.end <= o.start < b.start for o in every) or not _ATTRIBUTION_ONLY.fullmatch(between):
                        continue
                    found |= {(a.quote_id, b.quote_id), (b.quote_id, a.quote_id)}
        return frozenset(found)

    def voices(self, quotes: list[Quote]) -> dict[str, frozenset[str]]:
        """For each quote, ``@for:`` marks of the body of a state its speaker is ("body:xvl-foreign-ministry") or
        speaks for (a person whose role is that body's spokesperson, in the person's state), with the kind of body;
        a body named by its title alone ("org:foreign-ministry") has the kind only."""
        kinds = _body_kinds()
        self.corpus.load({q.doc_id for q in quotes})
        found: dict[str, frozenset[str]] = {}
        for q in quotes:
            speaker = q.speaker or ""
            body = _STATE_BODY.fullmatch(speaker)
            if body and body["kind"] in kinds.values():
                found[q.quote_id] = frozenset({VOICE_MARK + body["state"] + "-" + body["kind"],
                                               VOICE_MARK + ANY_STATE + body["kind"]})
            elif speaker.startswith("org:") and speaker.removeprefix("org:") in kinds.values():
                found[q.quote_id] = frozenset({VOICE_MARK + ANY_STATE + speaker.removeprefix("org:")})
            elif self.corpus.kind(speaker) == "person":
                country = next((m.country for m in self.corpus.mentions(q.doc_id)
                                if m.actor_id == speaker and m.country), None)
                spoken_for = {kind for role in self.corpus.roles(q.doc_id, speaker) if _SPEAKS_FOR_BODY.search(role)
                              for surface, kind in kinds.items() if _names(role, surface)}
                found[q.quote_id] = frozenset(
                    mark for kind in spoken_for if country
                    for mark in (VOICE_MARK + country.lower() + "-" + kind, VOICE_MARK + ANY_STATE + kind))
            else:
                found[q.quote_id] = frozenset()
        return found

    def sentence_people(self, quotes: list[Quote]) -> dict[str, frozenset[str]]:
        """For each quote with no speaker, ``@who:person`` for each person its sentence names ("Renn, who mused
        about taking the bridgehead “in forty-eight hours”")."""
        self.corpus.read_texts({q.doc_id for q in quotes})
        found = {}
        for q in quotes:
            text = self.corpus.text(q.doc_id)
            paragraph = text.rfind("\n", 0, q.start) + 1, (text.find("\n", q.end) + 1 or len(text) + 1) - 1
            start, end = next(((s, e) for s, e in sentence_spans(text, *paragraph) if e >= q.end), paragraph)
            found[q.quote_id] = frozenset(
                f"{WHO_MARK}{m.actor_id}" for m in self.corpus.mentions(q.doc_id)
                if start <= m.start and m.end <= end and self.corpus.kind(m.actor_id) == "person")
        return found

    def figure_claims(self, quotes: list[Quote]) -> dict[str, frozenset[str]]:
        """For each quote, ``@fig:claimant|what|whose|month|number`` for each figure it claims ("three Kestrian
        border guards were killed"), the claimant being the state its speaker is or speaks for; in a sentence
        giving each side's figure ("three died, according to Dorrun, and two, according to Brask") the one
        before the speaker's "according to"."""
        found: dict[str, frozenset[str]] = {q.quote_id: frozenset() for q in quotes}
        claimants = {}
        for q in quotes:
            if _COUNTED.search(q.text):
                claimant = next((m.country for m in self.corpus.mentions(q.doc_id)
                                 if m.actor_id == q.speaker and m.country), None)
                if not claimant and q.speaker and len(q.speaker) == 3 and q.speaker.isupper():
                    claimant = q.speaker  # a state
                if claimant:
                    claimants[q.quote_id] = claimant
        docs = sorted({q.doc_id for q in quotes if q.quote_id in claimants})
        timexes: dict[str, list[Timex]] = defaultdict(list)
        for t in self.store.raw_records("timexes", doc_id=docs) if docs else ():
            timexes[t.doc_id].append(t)  # type: ignore[attr-defined]
        self.corpus.read_texts(docs)
        for q in quotes:
            if q.quote_id not in claimants:
                continue
            mentions, text = self.corpus.mentions(q.doc_id), self.corpus.text(q.doc_id)
            claimant = claimants[q.quote_id]
            start, end = claimed_span(text, q, claimant, mentions)
            inside = [m for m in mentions if start <= m.start and m.end <= end]
            # the date its sentence gives ("On 6 May, …; three guards died, according to Dorrun")
            paragraph = text.rfind("\n", 0, q.start) + 1
            first = next((s for s, e in sentence_spans(text, paragraph, q.end) if s <= q.start < e), q.start)
            dated = [t for t in timexes[q.doc_id] if first <= t.start and t.end <= q.end and t.value]
            claims = count_claims(text, start, end, inside, dated, self.corpus.published(q.doc_id), {}, claimant)
            number = parse_count(q.text.strip())
            if not claims and number is not None:  # "three died, according to Dorrun, and two, according to Brask"
                before = [m for m in mentions if first <= m.start and m.end <= q.start]
                published = self.corpus.published(q.doc_id)
                told = count_claims(text, first, q.start, before, dated, published, {})
                claims = [{**c, "value": number} for c in told]
            found[q.quote_id] = frozenset(f"{mark}{claimant}|{c['key']}|{c['value']}" for c in claims
                                          for mark in (FIGURE_MARK, FIGURE_TWIN))
        return found

    def reported_acts(self, quotes: list[Quote]) -> dict[str, frozenset[str]]:
        """For each quote, ``@act:code|doer|done-to|day`` for each act its words report as done, between two states,
        on a given day (an asserted event whose trigger is inside the quote, dated to the day; its CAMEO act to three
        digits: "handed back" 084, "returned" 0842)."""
        found: dict[str, frozenset[str]] = {q.quote_id: frozenset() for q in quotes}
        docs = sorted({q.doc_id for q in quotes})
        by_doc: dict[str, list[Event]] = defaultdict(list)
        for e in self.store.raw_records("events", doc_id=docs) if docs else ():
            if (isinstance(e, Event) and e.mode == "asserted" and e.trigger is not None and e.date
                    and len(e.date) == 10 and e.cameo and len(e.cameo) >= 3
                    and e.source_country and e.target_country and e.source_country != e.target_country):
                by_doc[e.doc_id].append(e)
        for q in quotes:
            found[q.quote_id] = frozenset(
                f"{mark}{e.cameo[:3]}|{e.source_country}|{e.target_country}|{e.date}"  # type: ignore[index]
                for e in by_doc.get(q.doc_id, ()) if q.start <= e.trigger.start and e.trigger.end <= q.end  # type: ignore[union-attr]
                for mark in (ACT_MARK, ACT_TWIN))
        return found

    def paragraph_places(self, quotes: list[Quote]) -> dict[str, frozenset[str]]:
        """For each quote, ``@in:place`` for each town or city its paragraph names (places in a country)."""
        self.corpus.read_texts({q.doc_id for q in quotes})
        found = {}
        for q in quotes:
            text = self.corpus.text(q.doc_id)
            start, end = text.rfind("\n", 0, q.start) + 1, text.find("\n", q.end)
            end = len(text) if end < 0 else end
            found[q.quote_id] = frozenset(f"{PLACE_MARK}{m.actor_id}" for m in self.corpus.mentions(q.doc_id)
                                          if start <= m.start and m.end <= end and m.country
                                          and self.corpus.kind(m.actor_id) == "place")
        return found

    def link_promise_statements(self) -> None:
        """A statement that makes a promise is reported wherever the promise is: each statement group with a
        quote overlapping a report of a promise by the quote's speaker (or the state it speaks for) gets the
        reports of that promise too. Redone for the statement groups and the promises this run changed."""
        # a statement group's view changes with its quotes or with a promise reported where one of them is
        # (or with a forecast it states, retold by a new document: the forecast's reports)
        retold = self.retold_forecasts(
            self.store.raw_records("forecasts", doc_id=self.doc_ids))  # type: ignore[arg-type]
        docs = sorted(self.promise_reports.keys() | set(self.doc_ids) | {f.doc_id for group in retold for f in group})
        new = set(self.doc_ids) | {f.doc_id for group in retold for f in group}
        quotes = {q.quote_id for found in self.quotes_in(docs).values() for q in found
                  if q.doc_id in new or any(s < q.end and q.start < e for s, e in self.promise_reports[q.doc_id])}
        quotes |= self.quotes_changed
        if not quotes:
            return
        canonical = self.store.canonical_ids("quotes", quotes)
        heads = {canonical.get(q, q) for q in quotes}
        head_of = {h: h for h in heads} | self.store.linked_with("quotes", heads)
        members: dict[str, list[Quote]] = defaultdict(list)
        for q in self.store.records_by_ids("quotes", set(head_of)):
            members[head_of[q.quote_id]].append(q)  # type: ignore[attr-defined]
        promised = self.promise_reports_at([q for group in members.values() for q in group])
        for qid, reports in self.forecast_reports_at([q for group in members.values() for q in group]).items():
            promised[qid] = [*promised.get(qid, []), *reports]
        rows: list[tuple[str, str, Quote | None]] = []
        for head, group in sorted(members.items()):
            group.sort(key=lambda q: q.quote_id)
            spans = {(q.doc_id, q.start, q.end): quote_evidence(q) for q in group}
            for q in group:
                for ev in promised.get(q.quote_id, ()):
                    if not any(d == ev.doc_id and s < ev.end and ev.start < e for d, s, e in spans):
                        spans[(ev.doc_id, ev.start, ev.end)] = ev
            if len(spans) < 2:
                continue
            ordered = sorted(spans.items(), key=lambda kv: (kv[1].doc_id, kv[1].start))  # once per group (stable)
            for q in group:
                own = (q.doc_id, q.start, q.end)
                others = tuple(v for k, v in ordered if k != own)
                rows.append((q.quote_id, head, _with_reports(q, others)))
        self.store.replace_links("quotes", [q.quote_id for group in members.values() for q in group], rows)

    def retold_forecasts(self, seeds: Iterable[Forecast]) -> list[list[Forecast]]:
        """These forecasts with every forecast by the same author that retells one of them or that one of them
        retells ("Last July I wrote that …", ``retells``), as groups of one prediction's reports."""
        new = [f for f in seeds if f.author]
        if not new:
            return []
        # a prediction is retold when it is judged: as long after it as it is checked (FORECAST_DAYS)
        parts = self.components("forecasts", new, lambda f: [self.window(f"author|{f.author}", f.doc_id, FORECAST_DAYS,
                                                                         FORECAST_DAYS)],
                                self.one_prediction, lambda f: f.author or "")
        return [sorted(part, key=lambda f: f.forecast_id) for part in parts if len({f.doc_id for f in part}) > 1]

    def one_prediction(self, a: Forecast, b: Forecast) -> bool:
        """Whether the later of two forecasts by one author retells the earlier one (``retells``)."""
        if a.doc_id == b.doc_id or a.author != b.author:
            return False
        earlier, later = sorted((a, b), key=lambda f: (self.corpus.order(f.doc_id), f.evidence.start))
        if not same_prediction(earlier, later, self.corpus):
            return False
        return retells(later, self.corpus.text(later.doc_id))  # (read only for the few pairs predicting the same)

    def forecast_reports_at(self, quotes: list[Quote]) -> dict[str, list[Evidence]]:
        """For each quote stating a forecast retold elsewhere (a quote of its author, or of no speaker the text
        names, overlapping it), the reports of that forecast in other documents."""
        by_doc: dict[str, list[Quote]] = defaultdict(list)
        for q in quotes:
            by_doc[q.doc_id].append(q)
        stated = [f for f in self.store.raw_records("forecasts", doc_id=sorted(by_doc)) if isinstance(f, Forecast)
                  and any(f.evidence.start < q.end and q.start < f.evidence.end for q in by_doc[f.doc_id])]
        found: dict[str, list[Evidence]] = defaultdict(list)
        for group in self.retold_forecasts(stated):
            for f in group:
                for q in by_doc.get(f.doc_id, ()):
                    if f.evidence.start < q.end and q.start < f.evidence.end and q.speaker in (None, f.author):
                        found[q.quote_id] += [g.evidence for g in group if g.doc_id != q.doc_id]
        return found

    def promise_reports_at(self, quotes: list[Quote]) -> dict[str, list[Evidence]]:
        """For each quote, the reports of every promise with a report overlapping it, made by its speaker or
        by the state its speaker speaks for."""
        by_doc: dict[str, list[Commitment]] = defaultdict(list)
        for c in self.store.raw_records("commitments", doc_id=sorted({q.doc_id for q in quotes})):
            by_doc[c.evidence.doc_id].append(c)  # type: ignore[attr-defined]
        self.corpus.load(q.doc_id for q in quotes)
        country = {m.actor_id: m.country for q in quotes for m in self.corpus.mentions(q.doc_id)}
        made: dict[str, set[str]] = defaultdict(set)
        for q in quotes:
            for c in by_doc.get(q.doc_id, ()):
                speaks_for = q.speaker in (c.promiser, c.promiser_person) or country.get(q.speaker or "") == c.promiser
                # a quote saying a promise's words again elsewhere in the document makes that promise too
                if speaks_for and ((c.evidence.start < q.end and q.start < c.evidence.end) or says_again(q, c)):
                    made[q.quote_id].add(c.commitment_id)
        wanted = set().union(*made.values()) if made else set()
        canonical = self.store.canonical_ids("commitments", wanted)
        heads = {canonical.get(c, c) for c in wanted}
        head_of = {h: h for h in heads} | self.store.linked_with("commitments", heads)
        reports: dict[str, list[Evidence]] = defaultdict(list)
        for c in self.store.records_by_ids("commitments", set(head_of)):
            if not _tells_its_own_status(c):  # type: ignore[arg-type]
                reports[head_of[c.commitment_id]].append(c.evidence)  # type: ignore[attr-defined]
        return {qid: [ev for cid in sorted(cids) for ev in reports[canonical.get(cid, cid)]]
                for qid, cids in made.items()}


def _tells_its_own_status(c: Commitment) -> bool:
    """Whether a promise's report only tells how it went ("Brask had kept its word on this point"): a report of the
    promise, but not of the statement that made it, which it gives no date ("Valdoria also promised in May to share
    the findings, … without doing so" tells the making too)."""
    ev = c.evidence
    return c.made_on is None and any(s.doc_id == ev.doc_id and s.start <= ev.start and ev.end <= s.end
                                     for s in c.status_evidence)


@dataclasses.dataclass(frozen=True, slots=True)
class Probe:
    """What linking compares of a record without reading it: its key, document, day and words."""

    record_id: str
    key: str
    doc_id: str
    day: str | None
    words: frozenset[str]
    # worked out once (each probe is compared with many): words other than names and numbers; the figures it
    # claims; for a quote with no speaker, the people its sentence names; its numbers
    content: frozenset[str] = dataclasses.field(init=False, compare=False)
    figures: frozenset[str] = dataclasses.field(init=False, compare=False)
    acts: frozenset[str] = dataclasses.field(init=False, compare=False)
    named: frozenset[str] = dataclasses.field(init=False, compare=False)
    voices: frozenset[str] = dataclasses.field(init=False, compare=False)
    numbers: frozenset[str] = dataclasses.field(init=False, compare=False)
    said_on: str | None = dataclasses.field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "content", frozenset(plain(self.words)))
        object.__setattr__(self, "figures", frozenset(w for w in self.words if w.startswith(FIGURE_MARK)))
        object.__setattr__(self, "acts", frozenset(w for w in self.words if w.startswith(ACT_MARK)))
        object.__setattr__(self, "named",
                           frozenset(w.removeprefix(WHO_MARK) for w in self.words if w.startswith(WHO_MARK)))
        object.__setattr__(self, "voices", frozenset(w.removeprefix(VOICE_MARK) for w in self.words
                                                     if w.startswith(VOICE_MARK)))
        object.__setattr__(self, "numbers", frozenset(_numbers(self.words)))
        object.__setattr__(self, "said_on", next((w.removeprefix(SAID_MARK) for w in self.words
                                                  if w.startswith(SAID_MARK)), None))

    def info(self) -> str:
        return f"{self.doc_id} {self.key} {' '.join(sorted(self.words))}"

    def rows(self) -> list[tuple[str, str, str | None, str]]:
        """The blocking keys of a quote: its speaker, each figure it claims and the body it speaks for."""
        return [(key, self.record_id, self.day, self.info())
                for key in ([self.key] if self.key else sorted(self.named))
                + sorted(f"figure|{f.removeprefix(FIGURE_MARK)}" for f in self.figures)
                + sorted(f"for|{v}" for v in self.voices)]

    @classmethod
    def of(cls, key: str, record_id: str, day: str | None, info: str | None) -> Probe:
        doc_id, speaker, found = ((info or "") + "  ").split(" ", 2)
        return cls(record_id, speaker, doc_id, day, frozenset(found.split()))


def with_parts(groups: list[list[Probe]], similarity: Callable[[Probe, Probe], float],
               told_together: frozenset[tuple[str, str]] = frozenset()) -> list[list[Probe]]:
    """Statement groups where a report retelling two remarks of one document together ("she said that the vehicles
    had been returned early and that those not collected were kept free of charge") holds both: a remark left
    alone joins the group of its speaker's other remark in its document when they share no word (two parts of
    what was said, not two versions of it), or when the two are told one right after the other (``told_together``),
    and a report in another document of the group is like both."""
    joined = [list(g) for g in groups if len(g) > 1]
    alone = []
    for p in sorted((g[0] for g in groups if len(g) == 1), key=lambda q: q.record_id):
        for group in joined:
            mine = [q for q in group if q.doc_id == p.doc_id]
            if len(mine) != 1 or mine[0].key != p.key or not p.content:
                continue
            if mine[0].content & p.content and (p.record_id, mine[0].record_id) not in told_together:
                continue
            if (p.record_id, mine[0].record_id) in told_together or any(
                    q.doc_id != p.doc_id and min(similarity(p, q), similarity(mine[0], q)) >= QUOTE_THRESHOLD
                    for q in group):
                group.append(p)
                break
        else:
            alone.append([p])
    return joined + alone


def said_mark(q: Quote) -> frozenset[str]:
    """The day a quote's words were said, as a probe word, when the text dates them to the day."""
    return frozenset({SAID_MARK + q.said_on}) if q.said_on and len(q.said_on) == 10 else frozenset()


def _probe_words(row: tuple[str, str, str | None, str | None]) -> list[str]:
    return ((row[3] or "") + "  ").split(" ", 2)[2].split()


def claimed_span(text: str, q: Quote, claimant: str, mentions: list[Any]) -> tuple[int, int]:
    """Where a quote claims what its speaker claims: the whole quote, or when it gives several sides' claims
    ("… according to Dorrun, and two, according to Brask") the clause before the speaker's "according to"."""
    attributions = list(_ACCORDING_TO.finditer(text, q.start, q.end))
    if len(attributions) < 2:
        return q.start, q.end
    start = q.start
    for match in attributions:
        named = next((m for m in mentions if match.end() <= m.start <= match.end() + 2), None)
        if named and claimant in (named.actor_id, named.country):
            return max(start, text.rfind(";", start, match.start()) + 1), match.start()
        start = match.end()
    return q.start, q.start


def says_again(q: Quote, c: Commitment) -> bool:
    """Whether a quote in a promise's document, apart from its report, says what was promised again, word
    for word (at least QUOTE_SHARED_WORDS words: "… in terms of compensation. A legal assessment will also
    be given …" quoted a second time)."""
    if q.doc_id != c.evidence.doc_id or (q.start < c.evidence.end and c.evidence.start < q.end):
        return False
    said = _normal_text(c.content)
    return len(said.split()) >= QUOTE_SHARED_WORDS and said in _normal_text(q.text)


@functools.lru_cache(maxsize=65536)
def _normal_text(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def said_words(text: str) -> frozenset[str]:
    """The words of a quote as ``words`` finds them, a final "e" of a stem left out ("missile" as "missiles"
    stems, "missil"), names (capitalised inside a sentence) marked with NAME_MARK."""
    found = set()
    for match in WORD.finditer(text):
        token = match.group().lower()
        if token in STOPWORDS or (len(token) < 3 and not token.isdigit()):
            continue
        if token[0].isdigit() and match.start() > 1 and text[match.start() - 1] == "-" \
                and text[match.start() - 2].isalpha():
            token = "-" + token  # part of a name ("SARS-CoV-2", "MH-17"), no figure
        word = stem(token)
        word = word if word[0].isdigit() or word[0] == "-" else word.removesuffix("e")
        before = text[: match.start()].rstrip()
        named = match.group()[0].isupper() and before and before[-1] not in ".!?:\"“‘«(—–-"
        found.add(NAME_MARK + word if named else word)
    return frozenset(found)


def quote_similarity(a: Probe, b: Probe, same_time: bool = False) -> float:
    """Two reports of one statement by one speaker: enough shared words (numbers among them), or the whole
    of a short one; the share is of words other than numbers. Retold in other words, a statement whose
    paragraphs name the same town (where it was said), reported in ``same_time`` (OCCASION_DAYS), needs
    only one content word in common ("the missiles exploded …" and "hit by debris, not by … a missile")."""
    if _other_figures(a.numbers, b.numbers) or _other_scopes(a, b):
        return 0.0
    common = a.words & b.words
    places = {w for w in common if w.startswith(PLACE_MARK)}
    marks = {w for w in common
             if w.startswith((FIGURE_MARK, FIGURE_TWIN, WHO_MARK, SAID_MARK, ACT_MARK, ACT_TWIN, VOICE_MARK))}
    shared, similarity = len(common) - len(places) - len(marks), overlap(a.content, b.content)
    if shared >= QUOTE_SHARED_WORDS or (shared >= QUOTE_WHOLE_WORDS and similarity == 1.0):
        return similarity
    if places and same_time and any(not w.startswith(NAME_MARK) and w not in INDEFINITE for w in a.content & b.content):
        return QUOTE_THRESHOLD
    return 0.0


def _other_scopes(a: Probe, b: Probe) -> bool:
    """Whether two statements giving figures count them for different places: one for the whole world ("one million
    worldwide"), the other not ("one million in the United States")."""
    if not (a.numbers and b.numbers):
        return False
    world = _world_scope()
    return bool(a.words & world) != bool(b.words & world)


@functools.cache
def _world_scope() -> frozenset[str]:
    return frozenset(said_words(" ".join(cue_lexicon()["world_scope"])))


def _other_figures(numbers_a: frozenset[str], numbers_b: frozenset[str]) -> bool:
    """Whether two statements give numbers (``_numbers`` of their words) and none in common: "1,279 confirmed
    cases" and "deaths surpassed 100,000", primaries "on March 17" and "on March 10", are other statements however
    alike their words."""
    return bool(numbers_a and numbers_b and not numbers_a & numbers_b)


_MULTIPLIERS = frozenset({"hundr", "thousand", "million", "billion", "trillion"})  # as said_words stems them


def _numbers(words: frozenset[str]) -> set[str]:
    return {w for w in words if w[:1].isdigit() or w in _MULTIPLIERS}


def quote_evidence(q: Quote) -> Evidence:
    return Evidence(q.doc_id, q.start, q.end, q.text)


def _with_reports(q: Quote, others: tuple[Evidence, ...]) -> Quote:
    return dataclasses.replace(q, also_reported_in=others)


# a state's body as the extraction names it: "body:xvl-foreign-ministry"
_STATE_BODY = re.compile(r"body:(?P<state>[a-z]{3})-(?P<kind>[a-z0-9\-]+)")


@functools.cache
def _body_kinds() -> dict[str, str]:
    """Each way of naming a kind of state body that many states have ("Ministry of Foreign Affairs") -> its slug
    ("foreign-ministry"), as the gazetteer's generic bodies give them."""
    from ..gazetteer import load_gazetteer, slug

    return {surface: slug(name) for surface, name in load_gazetteer().generic_bodies.items()}


def _names(role: str, surface: str) -> bool:
    """Whether a role names a body: "Foreign Ministry spokeswoman" names the Foreign Ministry (short capitalised
    forms such as "MFA" only as written)."""
    flags = 0 if surface.isupper() or len(surface) <= 3 else re.I
    return re.search(rf"\b{re.escape(surface)}\b", role, flags) is not None


def _one_body(a: Probe, b: Probe) -> bool:
    """Whether two quotes' speakers are or speak for one state's body."""
    return any(not v.startswith(ANY_STATE) for v in a.voices & b.voices)


def _some_body_of_kind(a: Probe, b: Probe) -> bool:
    """Whether one quote's speaker is a body named by its title alone ("the Foreign Ministry") and the other's a
    state's body of that kind or its spokesperson."""
    def bare(p: Probe) -> bool:
        return bool(p.voices) and all(v.startswith(ANY_STATE) for v in p.voices)

    return (bare(a) != bare(b)) and bool(a.voices & b.voices)
