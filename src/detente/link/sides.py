"""Claims about which side of a line a unit was on: "the patrol was on its own half of the bridge" against
"their patrol crossed into the Valdorian half of the bridge".

A claim needs a unit (a patrol, troops, a vessel, an aircraft, a drone: the lexicon's ``units``) named
before one of these phrases in the same sentence:
- *own side*: "on/in/within its own half/side/territory/airspace/waters", or a crossing denied or negated
  ("did not cross the line", "Valdoria denied that its patrol had crossed the border");
- *across*: a crossing verb before a side or a line ("crossed the midline", "entered Valdorian airspace",
  "crossed into the Valdorian half"), "across the line", "on the wrong side of the line".
Hedged words between the unit and the phrase ("could cross", "if the patrol enters") claim nothing.

Claims are about one kind of unit between one pair of states in one two-month publication period (the
pair: the states the sentence names, completed by those its document names most). Each claim keeps who
makes it when the sentence says so ("according to the Valdorian Foreign Ministry, ...", or a state named
before the unit, "Kestria says the patrol ..."), so a document giving both sides' accounts makes one claim
per side instead of none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from .text import Mention, lexicon_file, word_alternation

# how far before the phrase the unit may be named, and before the unit a hedge ("if the patrol ...") may stand
UNIT_BEFORE = 90
HEDGE_BEFORE_UNIT = 12
# how far after "according to" the source may be named
SOURCE_AFTER = 30


@cache
def side_lexicon() -> dict[str, Any]:
    return lexicon_file("sides.json")


@cache
def _phrase_pattern() -> re.Pattern[str]:
    lex = side_lexicon()
    sides, lines, verbs = (
        word_alternation(lex["sides"]), word_alternation(lex["lines"]), word_alternation(lex["crossing_verbs"])
    )
    return re.compile(
        rf"(?P<own>\b(?:on|in|within|inside)\s+(?:its|their|his|her|our)\s+own\s+(?:{sides})\b)"
        rf"|(?P<across>\b(?:{verbs})\s+(?:(?:into|across|over|onto|beyond)\s+)?(?:(?:the|a)\s+)?"
        rf"(?:[\w’'-]+\s+){{0,2}}?(?:{sides}|{lines})\b"
        rf"|\bacross\s+the\s+(?:[\w-]+\s+)?(?:{lines})\b"
        rf"|\bon\s+the\s+wrong\s+side\s+of\s+the\s+(?:[\w-]+\s+)?(?:{lines})\b)", re.I)


@cache
def _unit_pattern() -> re.Pattern[str]:
    kind_of = unit_kinds()
    return re.compile(rf"\b(?:{word_alternation(list(kind_of))})\b", re.I)


@cache
def unit_kinds() -> dict[str, str]:
    return {word.lower(): kind for kind, words in side_lexicon()["units"].items() for word in words}


@cache
def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?:\b(?:{word_alternation(side_lexicon()[name])})\b|n't\b)", re.I)


def side_claims(text: str, start: int, end: int, inside: Sequence[Mention], doc_states: Sequence[str],
                period: str | None, base: dict[str, Any]) -> list[dict[str, Any]]:
    """(unit kind, pair of states, period) -> "own side" or "across", per phrase, with who claims it."""
    pair = _pair(inside, doc_states)
    if period is None or pair is None:
        return []
    rows = []
    for phrase in _phrase_pattern().finditer(text, start, end):
        unit = _unit_before(text, max(start, phrase.start() - UNIT_BEFORE), phrase.start())
        if unit is None:
            continue
        negated = bool(_pattern("negations").search(text, unit.end(), phrase.start()))
        if _pattern("hedges").search(text, max(start, unit.start() - HEDGE_BEFORE_UNIT), phrase.start()) \
                and not negated:
            continue
        value = _value(phrase, negated, text[start:unit.start()])
        if value is None:
            continue
        kind = unit_kinds()[re.sub(r"\s+", " ", unit.group(0).lower())]
        rows.append({**base, "kind": "side", "key": f"{kind}|{'+'.join(pair)}|{period}", "unit": kind,
                     "pair": list(pair), "period": period, "value": value, "value_text": phrase.group(0),
                     "source": _source(text, start, unit.start(), inside)})
    return rows


def _unit_before(text: str, start: int, end: int) -> re.Match[str] | None:
    found = None
    for match in _unit_pattern().finditer(text, start, end):
        found = match
    return found


def _value(phrase: re.Match[str], negated: bool, before_unit: str) -> str | None:
    """"own side" or "across", turned round when the crossing is negated or denied."""
    denied = bool(_pattern("denials").search(before_unit))
    if phrase.group("own"):
        return None if negated or denied else "own side"
    return "own side" if negated != denied else "across"


def _pair(inside: Sequence[Mention], doc_states: Sequence[str]) -> tuple[str, ...] | None:
    """The two states a claim is between: those the sentence names first (by how often the document names
    them), completed from the document's most named states."""
    rank = {state: i for i, state in enumerate(doc_states)}
    named = sorted({m.country for m in inside if m.country}, key=lambda s: (rank.get(s, len(rank)), s))
    pair = list(named[:2])
    for state in doc_states:
        if len(pair) == 2:
            break
        if state not in pair:
            pair.append(state)
    return tuple(sorted(pair)) if len(pair) == 2 else None


def _source(text: str, start: int, unit_start: int, inside: Sequence[Mention]) -> str:
    """Who the sentence says makes the claim: the state after "according to", else a state named before the
    unit and not as its own word ("Kestria says the patrol", not "the Kestrian patrol"); "" when none."""
    for match in re.finditer(r"\baccording\s+to\b", text[start:unit_start], re.I):
        after = start + match.end()
        named = [m for m in inside if after <= m.start <= after + SOURCE_AFTER and m.country]
        if named:
            return min(named, key=lambda m: m.start).country or ""
    for m in sorted(inside, key=lambda m: m.start):
        if m.end > unit_start or not m.country:
            continue
        gap = text[m.end:unit_start]
        if re.fullmatch(r"[\s\w’'-]{0,20}", gap) and not re.search(r"\s\w+\s", gap):
            continue  # the unit's own modifier ("the Kestrian patrol", "Kestrian border guards")
        return m.country
    return ""
