"""A plain verb-lexicon event coder without the parse: the baseline eval/gsr.py sets detente beside.

Per sentence (split by a regex), every word that is an inflected form of one of detente's event
verbs (lexicons/events.json, the same lexicon detente uses) or one of its event nouns is a
trigger. The source is the nearest state mention to the left of the trigger, the target the
nearest one to the right naming another state; a state mention is one of the gazetteer's state
names, adjectives or capitals, matched as a whole word and case-sensitively. One event per trigger
that has a source; the mode is "negated" when a negator stands within three tokens before the
trigger, else "asserted". No spaCy, nothing tuned to the gold sentences.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from detente.extract.events import event_lexicon, plover_of

# sentence end: . ! ? and closing quotes or brackets, space, then (opening quotes and) a capital
BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018`(]*[A-Z])")
ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Jr|No))\.$")
TOKEN = re.compile(r"\w+(?=n't)|n't|\w+")
VOWELS = set("aeiou")
STATE_VIA = {"name", "demonym", "capital"}
_MENTION_PATTERNS: dict[int, tuple[re.Pattern[str], dict[str, str]]] = {}


def forms(word: str) -> set[str]:
    """Simple inflections of a verb or noun; over-generating a non-word costs nothing."""
    out = {word, word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        out |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y") and word[-2:-1] not in VOWELS:
        out |= {word[:-1] + "ies", word[:-1] + "ied"}
    cvc = len(word) >= 3 and word[-1] not in VOWELS | set("wxy") and word[-2] in VOWELS
    if cvc and word[-3] not in VOWELS:
        out |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return out


@cache
def triggers() -> dict[str, str]:
    """Surface form (lower case) -> CAMEO code; a verb's code wins over a noun's."""
    lexicon = event_lexicon()
    table: dict[str, str] = {}
    for entries in (lexicon["nouns"], lexicon["verbs"]):
        for word, code in entries.items():
            for form in forms(word.lower()):
                table[form] = code
    return table


def mention_pattern(gazetteer: Any) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over every state name, adjective and capital, longest first; surface -> ISO3."""
    key = id(gazetteer)
    if key not in _MENTION_PATTERNS:
        states = {surface: entry.actor_id for surface, entries in gazetteer.surfaces.items()
                  for entry in entries if entry.kind == "state" and entry.via in STATE_VIA}
        alternation = "|".join(re.escape(s) for s in sorted(states, key=len, reverse=True))
        _MENTION_PATTERNS[key] = (re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), states)
    return _MENTION_PATTERNS[key]


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence): split after . ! ? before a capital, unless the period ends "U.S."."""
    spans, start = [], 0
    for boundary in BOUNDARY.finditer(text):
        if not ABBREVIATION.search(text[start:boundary.start() + 1]):
            spans.append((start, text[start:boundary.start() + 1]))
            start = boundary.end()
    return [*spans, (start, text[start:].rstrip())] if text[start:].strip() else spans


def baseline_events(text: str, gazetteer: Any) -> list[dict[str, Any]]:
    """Events of a text: category, cameo, source/target country, sentence offsets, mode, trigger."""
    lexicon = event_lexicon()
    negators = {n.lower() for n in lexicon["negators"]}
    table = triggers()
    pattern, states = mention_pattern(gazetteer)
    events: list[dict[str, Any]] = []
    for s_start, s_text in sentences(text):
        mentions = [(m.start(), m.end(), states[m.group()]) for m in pattern.finditer(s_text)]
        tokens = list(TOKEN.finditer(s_text))
        for i, token in enumerate(tokens):
            cameo = table.get(token.group().lower())
            coded = plover_of(cameo) if cameo else None
            if coded is None or any(a < token.end() and token.start() < b for a, b, _ in mentions):
                continue
            left = [m for m in mentions if m[1] <= token.start()]
            if not left:
                continue
            source = max(left, key=lambda m: m[1])[2]
            right = [m for m in mentions if m[0] >= token.end() and m[2] != source]
            target = min(right, key=lambda m: m[0])[2] if right else None
            before = {t.group().lower() for t in tokens[max(0, i - 3):i]}
            events.append({
                "category": coded[0],
                "cameo": cameo,
                "source_country": source,
                "target_country": target,
                "start": s_start,
                "end": s_start + len(s_text),
                "mode": "negated" if before & negators else "asserted",
                "trigger": token.group(),
            })
    return events
