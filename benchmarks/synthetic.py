"""Generated records (no NLP) for the store, link and export stages.

An archive grows along time: the generator writes ``RATE`` documents a day from ``START`` on (a
regional desk's feed), so 10,000 documents cover about 16 months and 100,000 about 14 years. Each document is a *story* reported by
one to a few outlets; each report is a copy of a template (the records detente extracted from one
generated article) with its names, dates and words varied:

- the five fictional states of the template become five of ``STATES`` generated states (some
  states are in the news more than others), its people, organisations, outlets and places one of
  ``VARIANTS`` each;
- every date moves by the months between the template's publication and the story's;
- about half of the content words change to words of the same length from a large generated
  vocabulary (frequent words more often), and each name to one of ``VARIANTS`` names of the same
  length, so texts differ between stories but the reports of one story agree; offsets stay valid
  because lengths do not change.

The same seed gives the same archive.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
import re
import zlib
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from detente.link.text import STOPWORDS
from detente.records import DocResult, Document, Evidence, StanceEvidence, Timex
from detente.store import Store

START = date(2016, 1, 1)
RATE = 20
STATES = 40
VARIANTS = 8
CHANGED_WORDS = 0.5
VOCABULARY = 20_000
_SYLLABLES = ["ba", "ko", "ri", "sel", "tan", "mor", "vi", "da", "len", "gar", "pu", "fes", "ni", "ol", "zar", "te",
              "qui", "har", "mu", "sto", "el", "vra", "dun", "ci"]
_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
_KEEP = {"will", "would", "said", "says", "that", "with", "have", "been", "promised", "promise", "pledged", "kept",
         "broken", "ignored", "predicted", "forecast", "wrong", "right", "january", "february", "march", "april",
         "june", "july", "august", "september", "october", "november", "december", "killed", "wounded", "summit",
         "meeting", "talks"}


def templates_from_store(store: Store) -> list[DocResult]:
    """Each stored document with a day of publication, with its records as extraction wrote them."""
    documents = [d for d in store.documents() if d.published and len(d.published) == 10]
    by_doc: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for collection in ("timexes", "quotes", "events", "commitments", "forecasts"):
        for record in store.raw_records(collection):
            doc_id = record.evidence.doc_id if collection == "commitments" else record.doc_id  # type: ignore[attr-defined]
            by_doc[doc_id][collection].append(record)
    for actor in store.doc_actors_in([d.doc_id for d in documents]):
        by_doc[actor.mentions[0].doc_id]["actors"].append(actor)
    return [DocResult(document=d, **{c: tuple(records) for c, records in by_doc[d.doc_id].items()})
            for d in documents]


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _shift(value: str | None, months: int) -> str | None:
    if not value or not value[:4].isdigit():
        return value
    if len(value) == 4:
        return str(int(value) + months // 12)
    index = int(value[:4]) * 12 + int(value[5:7]) - 1 + months
    shifted = f"{index // 12:04d}-{index % 12 + 1:02d}"
    return shifted + f"-{min(int(value[8:10]), 28):02d}" if len(value) >= 10 else shifted


@dataclasses.dataclass
class Story:
    key: int
    states: dict[str, str]
    months: int
    published: date


class Archive:
    """The generated states, people and words, and the stories drawn from them."""

    def __init__(self, templates: list[DocResult], seed: int) -> None:
        self.rng = random.Random(seed)
        self.templates = templates
        self.seed = seed
        self.template_states = sorted({a.actor_id for t in templates for a in t.actors if _is_state(a.actor_id)})
        codes = sorted({"X" + a + b for a in "ABCDEFGHIJKLMNOPQRSTUVWYZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWYZ"})
        self.states = self.rng.sample(codes, STATES)
        self.state_names = {code: _name(self.rng, 3) + "ia" for code in self.states}
        self.state_weights = [1 / (rank + 3) for rank in range(STATES)]  # some dyads are in the news more
        self.words: dict[int, list[str]] = {}
        self.names: dict[tuple[str, int], str] = {}
        self.texts: dict[str, str] = {}
        self.texts_of = -1

    # -- varying one template

    def _word(self, key: int, word: str) -> str:
        """A same-length replacement for about ``CHANGED_WORDS`` of the content words of one story,
        and one of ``VARIANTS`` names for each name."""
        lower = word.lower()
        if lower in STOPWORDS or lower in _KEEP:
            return word
        h = zlib.crc32(f"{key}:{word}".encode())
        if word[0].isupper():
            return self._name(word, h % VARIANTS)
        if len(word) < 4 or (h % 1000) >= CHANGED_WORDS * 1000:
            return word
        pool = self.words.get(len(word))
        if pool is None:
            rng = random.Random(self.seed * 131 + len(word))
            pool = self.words[len(word)] = ["".join(rng.choices("abcdefghiklmnoprstuvy", k=len(word)))
                                            for _ in range(VOCABULARY)]
        # a Zipf-like pick: frequent words recur across stories, rare ones hardly at all
        rank = int(len(pool) ** ((h >> 10) % 10_000 / 10_000)) - 1
        return pool[rank]

    def _name(self, word: str, variant: int) -> str:
        if variant == 0:
            return word
        made = self.names.get((word, variant))
        if made is None:
            rng = random.Random(zlib.crc32(f"{word}:{variant}".encode()))
            made = "".join(rng.choices("abdefgiklmnorstuvz", k=len(word)))
            made = self.names[(word, variant)] = made.upper() if word.isupper() else made.capitalize()
        return made

    def _text(self, story: Story, text: str | None) -> str | None:
        if text is None:
            return None
        if story.key != self.texts_of:  # the reports of one story share their varied texts
            self.texts, self.texts_of = {}, story.key
        found = self.texts.get(text)
        if found is None:
            found = self.texts[text] = _WORD.sub(lambda m: self._word(story.key, m.group()), text)
        return found

    def _actor(self, story: Story, actor_id: str | None) -> str | None:
        """States as the story maps them, their bodies with them; people, organisations, outlets
        and places as one of ``VARIANTS`` each."""
        if actor_id is None:
            return None
        if actor_id in story.states:
            return story.states[actor_id]
        if actor_id.startswith("body:") and actor_id[5:8].upper() in story.states:
            return f"body:{story.states[actor_id[5:8].upper()].lower()}{actor_id[8:]}"
        return f"{actor_id}-{zlib.crc32(f'{story.key}:{actor_id}'.encode()) % VARIANTS}"

    def _evidence(self, e: Evidence | None, doc_id: str, text: str) -> Any:
        if e is None:
            return None
        if isinstance(e, StanceEvidence):
            return StanceEvidence(doc_id, e.start, e.end, text[e.start:e.end], e.stance)
        return Evidence(doc_id, e.start, e.end, text[e.start:e.end])

    def report(self, story: Story, template: DocResult, published: date, outlet: str) -> DocResult:
        """One outlet's report of a story: the template with the story's names, dates and words."""
        doc_id = hashlib.sha256(f"{self.seed}:{story.key}:{outlet}".encode()).hexdigest()[:16]
        source = template.document
        text = self._text(story, source.text) or ""
        months = story.months
        ev = lambda e: self._evidence(e, doc_id, text)  # noqa: E731
        rid = lambda prefix, old: f"{prefix}-{hashlib.sha1(f'{old}:{doc_id}'.encode()).hexdigest()[:16]}"  # noqa: E731
        document = Document(doc_id=doc_id, text=text, title=self._text(story, source.title), source=outlet,
                            published=published.isoformat(), published_basis="given", author=source.author)
        actors = []
        for a in template.actors:
            actor_id = self._actor(story, a.actor_id) or a.actor_id
            name = self.state_names.get(actor_id, a.name) if actor_id != a.actor_id and _is_state(actor_id) else a.name
            actors.append(dataclasses.replace(a, actor_id=actor_id, name=name, country=self._actor(story, a.country),
                                              mentions=tuple(ev(m) for m in a.mentions)))
        return DocResult(
            document=document,
            timexes=tuple(Timex(doc_id, text[t.start:t.end], t.start, t.end, _shift(t.value, months), t.precision,
                                t.anchor) for t in template.timexes),
            actors=tuple(actors),
            quotes=tuple(dataclasses.replace(
                q, quote_id=rid("q", q.quote_id), doc_id=doc_id, text=text[q.start:q.end],
                speaker=self._actor(story, q.speaker), said_on=_shift(q.said_on, months),
                speaker_evidence=ev(q.speaker_evidence)) for q in template.quotes),
            events=tuple(dataclasses.replace(
                e, event_id=rid("e", e.event_id), doc_id=doc_id, source=self._actor(story, e.source),
                target=self._actor(story, e.target), source_country=self._actor(story, e.source_country),
                target_country=self._actor(story, e.target_country), date=_shift(e.date, months),
                date_text=self._text(story, e.date_text), evidence=ev(e.evidence), trigger=ev(e.trigger))
                for e in template.events),
            commitments=tuple(dataclasses.replace(
                c, commitment_id=rid("c", c.commitment_id), promiser=self._actor(story, c.promiser) or c.promiser,
                beneficiary=self._actor(story, c.beneficiary), content=self._text(story, c.content) or c.content,
                made_on=_shift(c.made_on, months), deadline=_shift(c.deadline, months), evidence=ev(c.evidence),
                status_evidence=tuple(ev(s) for s in c.status_evidence),
                promiser_person=self._actor(story, c.promiser_person)) for c in template.commitments),
            forecasts=tuple(dataclasses.replace(
                f, forecast_id=rid("f", f.forecast_id), doc_id=doc_id, author=self._actor(story, f.author),
                text=self._text(story, f.text) or f.text, horizon_text=self._text(story, f.horizon_text),
                resolves_by=_shift(f.resolves_by, months), subjects=tuple(self._actor(story, s) or s for s in f.subjects),
                evidence=ev(f.evidence), condition=self._text(story, f.condition)) for f in template.forecasts),
        )

    # -- the archive

    def documents(self, count: int) -> Iterator[DocResult]:
        """``count`` reports, about ``RATE`` a day, in the order an archive would hold them."""
        made = 0
        key = 0
        while made < count:
            template = self.rng.choice(self.templates)
            published = START + timedelta(days=made // RATE)
            source_published = date.fromisoformat(template.document.published)  # type: ignore[arg-type]
            picked: list[str] = []
            while len(picked) < len(self.template_states):
                state = self.rng.choices(self.states, weights=self.state_weights)[0]
                if state not in picked:
                    picked.append(state)
            months = (published.year - source_published.year) * 12 + published.month - source_published.month
            story = Story(key, dict(zip(self.template_states, picked, strict=True)), months, published)
            key += 1
            outlets = 1
            while outlets < 4 and self.rng.random() < 0.4:
                outlets += 1
            for i in range(min(outlets, count - made)):
                yield self.report(story, template, published + timedelta(days=self.rng.randint(0, 2)), f"Outlet {i + 1}")
                made += 1


def _is_state(actor_id: str) -> bool:
    return len(actor_id) == 3 and actor_id.isalpha() and actor_id.isupper() and actor_id.startswith("X")

