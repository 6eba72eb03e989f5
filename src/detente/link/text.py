"""Word-level text tools for cross-document matching: sentences, content words, similarity.

Linking runs without spaCy (it must stay cheap when the store holds millions of records), so
words are compared by a light stem, and names of actors are replaced by the actor they denote,
taken from the mentions the extraction already found: "Dorrun", "Kestria" and "the Kestrian
side" all become the same token.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

_SENTENCE_END = re.compile(r"""(?<=[.!?])["”’»)]?\s+(?=["“‘«(]?[A-Z0-9])|\n+""")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+(?:[.,]\d+)?")

# words that say nothing about which promise, event or prediction a sentence is about
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
between both but by can could did do does doing done during each either even ever every few for from
further had has have having he her here hers herself him himself his how however i if in into is it
its itself just least less many may me might more most much must my myself neither no nor not now of
off on once only or other our ours ourselves out over own per quite rather same she should since so
some such than that the their theirs them themselves then there these they this those though through
to too under until up upon very was we were what when where whether which while who whom whose why
will with within without would yet you your yours yourself
said says say saying told tell tells stated added noted according week weeks month months year years
day days today yesterday tomorrow time times monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
mr mrs ms president minister ministry government official officials side sides state states country
countries leader leaders promise promised promises pledge pledged vow vowed kept keep word give given
spokesman spokeswoman spokesperson foreign new first last next two one three
""".split())  # noqa: SIM905 - a word list reads better as text

_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s")


_VOWELS = frozenset("aeiouy")
# the endings a verb of a three-letter base with a silent "e" takes ("taking", "dated", "takes")
_SHORT_BASE_SUFFIXES = ("ing", "ed", "es")


@cache
def stem(word: str) -> str:
    """A light suffix-stripping stem: "returned", "returning", "returns" -> "return".

    A short verb's forms meet its base form: a consonant-vowel-consonant base of three letters gets back the
    silent "e" its ending dropped ("taking", "takes" -> "take"; "ruled" -> "rule"), as Porter's stemmer does;
    a base without that shape stays whole ("spring", "thing", "fixed")."""
    word = word.lower().replace("’", "'")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            return base + "y" if suffix in ("ies", "ied") else base
    for suffix in _SHORT_BASE_SUFFIXES:
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) == 3 and base[0] not in _VOWELS and base[1] in _VOWELS \
                and base[2] not in _VOWELS and base[2] not in "wx":
            return base + "e"
    return word


@cache
def lexicon_file(name: str) -> dict[str, Any]:
    """One of the package's lexicon files (``lexicons/<name>``), read once."""
    return json.loads(resources.files("detente.lexicons").joinpath(name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def word_alternation(words: Iterable[str]) -> str:
    """A regex alternation of lexicon words, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text[start:end]``, without surrounding spaces."""
    end = len(text) if end is None else end
    spans = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, end))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), s + len(text[s:e].rstrip())) for s, e in spans
            if text[s:e].strip()]


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor named at ``start:end`` of a document."""

    start: int
    end: int
    actor_id: str
    country: str | None


def words(text: str, start: int = 0, end: int | None = None, mentions: Sequence[Mention] = (),
          offset: int = 0) -> frozenset[str]:
    """Stemmed content words of a span; names of actors become ``@actor_id`` (and ``@country``).

    ``offset`` is where ``text`` starts in the document the mentions' offsets count in.
    """
    end = len(text) if end is None else end
    found: set[str] = set()
    covered: bytearray | None = None
    for m in mentions:
        m_start, m_end = m.start - offset, m.end - offset
        if m_start >= start and m_end <= end:
            found.add("@" + m.actor_id)
            found.add("@" + place_itself(m.actor_id))  # "the X Pass crossing" is at the X Pass
            if m.country:
                found.add("@" + m.country)
            if covered is None:
                covered = bytearray(end - start)
            covered[m_start - start : m_end - start] = b"\x01" * (m_end - m_start)
    if covered is None:
        found.update(w for w in map(_content_word, _WORD.findall(text, start, end)) if w is not None)
        return frozenset(found)
    for match in _WORD.finditer(text, start, end):
        if covered[match.start() - start]:
            continue
        word = _content_word(match.group())
        if word is not None:
            found.add(word)
    return frozenset(found)


def regular_forms(word: str) -> list[str]:
    """A word and the regular inflected forms it may take ("release": releases, released, releasing, …); some are no
    English words ("releaseed"), which no text holds."""
    forms = [word, word + "s", word + "es", word + "ed", word + "d", word + "ing"]
    if word.endswith("e"):
        forms.append(word[:-1] + "ing")
    if word.endswith("y"):
        forms += [word[:-1] + "ies", word[:-1] + "ied"]
    return forms


@cache
def place_itself(actor_id: str) -> str:
    """A crossing's id without the word for it ("place:x-pass-crossing" -> "place:x-pass"); any other id as it is."""
    if not actor_id.startswith("place:"):
        return actor_id
    for word in sorted(lexicon_file("trends.json")["crossing_words"], key=len, reverse=True):
        suffix = "-" + word.replace(" ", "-")
        if actor_id.endswith(suffix) and len(actor_id) > len("place:") + len(suffix):
            return actor_id.removesuffix(suffix)
    return actor_id


@cache
def _content_word(token: str) -> str | None:
    """The stem a word of a text counts as; None for a stopword or a short word that is no number
    (worked out once per spelling: ``words`` runs over every sentence compared)."""
    token = token.lower()
    if token in STOPWORDS or (len(token) < 3 and not token.isdigit()):
        return None
    return stem(token)


def plain(found: Iterable[str]) -> set[str]:
    """The words that are neither actor names nor numbers (a shared "2025" says nothing)."""
    return {w for w in found if not w.startswith("@") and not w[0].isdigit()}


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set found in the other (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
