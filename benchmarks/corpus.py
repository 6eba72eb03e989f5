"""A seeded generator of short fictional articles, recombined from the example corpus.

Each article takes the opening paragraph of one example article and a few more paragraphs from
it and from others, then varies what an archive varies: the five fictional states trade names
(a permutation of their names, adjectives, capitals and seats), people get one of a few
generated names per person of the example world, and dates move by whole years and months
(years shifted, month names rotated). The same seed always gives the same articles.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from detente.ingest import read_inputs, to_document

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
OUTLETS = ["Basin Wire", "The Dorrun Ledger", "Velmar Evening Post", "ValPress", "Sulem Courier", "Ostrel Herald",
           "Harl Pass Gazette", "Meridian Notes"]
_SYLLABLES = ["ar", "bel", "cor", "dan", "el", "fen", "gor", "hal", "is", "jor", "kel", "lin", "mar", "nor", "ost",
              "per", "quin", "ros", "sel", "tor", "ul", "vas", "wen", "yar", "zel"]
# people of the example world each appear under this many generated names
NAME_VARIANTS = 6


@dataclass(frozen=True)
class Source:
    """One example article: its paragraphs and what it says about itself."""

    title: str
    paragraphs: tuple[str, ...]
    published: str | None


def example_sources(examples: Path) -> list[Source]:
    sources = []
    for item in read_inputs([str(examples)]):
        if isinstance(item, Exception):
            continue
        document = to_document(item)
        paragraphs = tuple(p.strip() for p in document.text.split("\n") if len(p.split()) >= 12)
        if paragraphs:
            sources.append(Source(document.title or paragraphs[0][:60], paragraphs, document.published))
    return sources


def _made_up_name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


class World:
    """The names an article can use: the example states and people, and their generated variants."""

    def __init__(self, examples: Path, rng: random.Random) -> None:
        gazetteer = json.loads((examples / "gazetteer.json").read_text(encoding="utf-8"))
        self.states = [_state_forms(s) for s in gazetteer["states"]]
        self.people: dict[str, list[tuple[str, str]]] = {}
        for person in gazetteer["people"]:
            first, *_, last = person["name"].split()
            self.people[person["name"]] = [(first, last)] + [
                (_made_up_name(rng, 2), _made_up_name(rng, rng.choice((2, 3)))) for _ in range(NAME_VARIANTS - 1)
            ]

    def renaming(self, rng: random.Random) -> dict[str, str]:
        """Surface form -> replacement for one article."""
        mapping: dict[str, str] = {}
        order = list(range(len(self.states)))
        rng.shuffle(order)
        for source, target in zip(self.states, (self.states[i] for i in order), strict=True):
            for kind, forms in source.items():
                for i, form in enumerate(forms):
                    mapping[form] = target[kind][min(i, len(target[kind]) - 1)]
        for name, variants in self.people.items():
            first, last = rng.choice(variants)
            old_first, *_, old_last = name.split()
            mapping[name] = f"{first} {last}"
            mapping[old_last] = last
        return mapping


def _state_forms(state: dict[str, Any]) -> dict[str, list[str]]:
    seats = [s.removeprefix("the ") for s in state.get("seats_of_power", [])]
    return {"long": [state["name"]], "short": [state["short_name"]], "adjective": state["adjectives"][:1],
            "demonym": state["demonyms"][:1], "capital": [state["capital"]], "seat": seats or [state["capital"]]}


def _rename(text: str, pattern: re.Pattern[str], mapping: dict[str, str]) -> str:
    return pattern.sub(lambda m: mapping[m.group()], text)


def _shift_dates(text: str, years: int, months: int) -> str:
    month_names = "|".join(MONTHS)

    def month(name: str) -> str:
        return MONTHS[(MONTHS.index(name) + months) % 12]

    def day(number: str) -> str:
        return str(min(int(number), 28))

    text = re.sub(rf"\b(\d{{1,2}})(\s+)({month_names})\b", lambda m: day(m[1]) + m[2] + month(m[3]), text)
    text = re.sub(rf"\b({month_names})(\s+)(\d{{1,2}})\b(?!\d)", lambda m: month(m[1]) + m[2] + day(m[3]), text)
    text = re.sub(rf"\b({month_names})\b", lambda m: month(m[1]), text)
    return re.sub(r"\b(19[89]\d|20[0-3]\d)\b", lambda m: str(int(m[1]) + years), text)


def _shift_published(published: str | None, years: int, months: int) -> str | None:
    if not published or len(published) < 7:
        return None
    year, month = int(published[:4]) + years, int(published[5:7]) - 1 + months
    year, month = year + month // 12, month % 12
    day = f"-{min(int(published[8:10]), 28):02d}" if len(published) >= 10 else ""
    return f"{year:04d}-{month + 1:02d}{day}"


def generate(examples: Path, count: int, seed: int, paragraphs: tuple[int, int] = (3, 6)) -> Iterator[dict[str, Any]]:
    """``count`` distinct articles as JSON Lines objects (title, source, published, text)."""
    rng = random.Random(seed)
    sources = example_sources(examples)
    world = World(examples, rng)
    forms = sorted({f for s in world.states for fs in s.values() for f in fs} | set(world.people)
                   | {n.split()[-1] for n in world.people}, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b")
    seen: set[str] = set()
    made = 0
    while made < count:
        base = rng.choice(sources)
        others = [p for s in sources if s is not base for p in s.paragraphs]
        wanted = rng.randint(*paragraphs) - 1
        own = list(base.paragraphs[1:])
        body = [base.paragraphs[0]]
        for _ in range(wanted):
            pool = own if own and rng.random() < 0.5 else others
            body.append(pool.pop(rng.randrange(len(pool))) if pool is own else rng.choice(pool))
        mapping = world.renaming(rng)
        years, months = rng.randint(-3, 3), rng.randint(0, 11)
        text = _shift_dates(_rename("\n\n".join(body), pattern, mapping), years, months)
        if text in seen:
            continue
        seen.add(text)
        made += 1
        article = {"title": _shift_dates(_rename(base.title, pattern, mapping), years, months),
                   "source": rng.choice(OUTLETS), "text": text}
        published = _shift_published(base.published, years, months)
        if published:
            article["published"] = published
        yield article


def write_corpus(examples: Path, out: Path, count: int, seed: int) -> tuple[int, int]:
    """Write ``count`` articles to a JSON Lines file; returns (articles, words)."""
    words = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for article in generate(examples, count, seed):
            words += len(article["text"].split())
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    return count, words
