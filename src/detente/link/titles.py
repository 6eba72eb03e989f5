"""The office a title names, and which two offices one person cannot hold at once.

A title is reduced to its office: the same office worded differently ("Minister of Foreign Affairs",
"foreign minister"; "head of the Foreign Ministry's press department", "spokeswoman") becomes one
form, and the office is the last office word before the title's attachments ("head of Halvic's
presidential administration" is a head, "presidential foreign policy adviser" an adviser). Precision
variants ("adviser", "foreign policy adviser"; "Foreign Minister", "Sarnovian Foreign Minister") name
the same office. Only offices in the lexicon's ``exclusive`` pairs conflict (an adviser is not the head
of what he advises; a deputy minister is not the minister); a title naming no known office, or one
held no longer ("former", "outgoing", "-elect"), claims nothing.

Role claims per document are grouped in two-month calendar periods (January–February, March–April, ...):
two documents disagree on a title only when published in the same period, so documents at most about
60 days apart, and a title that changed over time is not a disagreement. Periods are fixed, so the
result does not depend on the order documents arrive in (documents either side of a period's edge are
not compared).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from ..records import Actor
from .text import Mention, lexicon_file

PERIOD_MONTHS = 2
# how far a title may stand from a mention of its person to be taken as its words
NEAR_MENTION = 80


@cache
def title_lexicon() -> dict[str, Any]:
    return lexicon_file("titles.json")


@cache
def _same_office() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(pattern, re.I), form) for pattern, form in title_lexicon()["same_office"]]


@cache
def _office_pattern() -> re.Pattern[str]:
    terms = {term: office for office, ts in title_lexicon()["offices"].items() for term in ts}
    alternation = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})s?\b", re.I)


@cache
def _office_of_term() -> dict[str, str]:
    return {term: office for office, ts in title_lexicon()["offices"].items() for term in ts}


@cache
def exclusive_pairs() -> frozenset[frozenset[str]]:
    return frozenset(frozenset(pair) for pair in title_lexicon()["exclusive"])


@cache
def _not_offices() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in title_lexicon()["not_offices"]), re.I)


def offices(title: str) -> list[str]:
    """The offices a title names ("Deputy Prime Minister and Foreign Minister": two), in order; none for a
    part naming no known office, a passing one ("head of the delegation") or one its holder no longer
    (or not yet) holds."""
    text = title.lower()
    for pattern, form in _same_office():
        text = pattern.sub(form, text)
    text = _not_offices().sub(" ", text)
    found = []
    for part in re.split(r"\s+(?:and|&)\s+", text):
        held = _office_of_part(part)
        if held and held not in found:
            found.append(held)
    return found


def office(title: str) -> str | None:
    """The one office a title names, or None."""
    found = offices(title)
    return found[0] if len(found) == 1 else None


def _office_of_part(text: str) -> str | None:
    """The office of one title: the office word ending it before its attachments ("of ...", "to ..."), a
    deputy's when a rank word comes before it."""
    ends = set(title_lexicon()["head_ends_at"])
    head: list[str] = []
    for token in re.findall(r"[\w'’]+", text):
        if token in ends and head:
            break
        head.append(token)
    if set(head) & set(title_lexicon()["not_current"]):
        return None
    head_text = " ".join(head)
    found = list(_office_pattern().finditer(head_text))
    if not found:
        return None
    last = found[-1]
    if last.end() != len(head_text):
        return None  # a title ends in its office ("Deputy Foreign Minister"); more words after it are no plain title
    term = re.sub(r"\s+", " ", last.group().lower())
    name = _office_of_term().get(term) or _office_of_term().get(term[:-1])
    if name is None:
        return None
    ranked = set(head_text[: last.start()].split()) & set(title_lexicon()["rank_words"])
    return f"deputy {name}" if ranked else name


def conflicting(a: str, b: str) -> bool:
    """Whether one person cannot hold both offices at once."""
    return frozenset((a, b)) in exclusive_pairs()


def period_of(published: str | None) -> str | None:
    """The two-month period a publication date falls in, as its first month ("2025-09" for September–October);
    None when the date does not give the month."""
    if not published or len(published) < 7:
        return None
    year, month = int(published[:4]), int(published[5:7])
    first = (month - 1) // PERIOD_MONTHS * PERIOD_MONTHS + 1
    return f"{year:04d}-{first:02d}"


def role_claims(text: str, actors: Iterable[Actor], mentions: Sequence[Mention],
                period: str | None) -> list[dict[str, Any]]:
    """Each person's titles in one document that name an office, found in its text beside the person
    (the words are the claim's evidence)."""
    if period is None:
        return []
    rows = []
    for actor in actors:
        if actor.kind != "person":
            continue
        near = [m for m in mentions if m.actor_id == actor.actor_id]
        for role in actor.roles:
            held = offices(role)
            found = _title_span(text, role, near) if held else None
            if found is None:
                continue
            # filed at the title's own words (two titles of one mention stay two rows); the claim's evidence
            # is the title with the name
            at, start, end = found
            rows.append({"start": at, "end": at + len(role), "text": text[start:end], "evidence": [start, end],
                         "kind": "role", "key": f"{actor.actor_id}|{period}", "value": role, "offices": held,
                         "name": actor.name})
    return rows


def _title_span(text: str, role: str, near: Sequence[Mention]) -> tuple[int, int, int] | None:
    """Where a title is given to its person: the start of the title's words nearest a mention, and the span
    of those words with the mention."""
    best = None
    for match in re.finditer(re.escape(role), text):
        for m in near:
            gap = max(m.start - match.end(), match.start() - m.end, 0)
            if gap <= NEAR_MENTION and (best is None or gap < best[0]):
                best = (gap, match.start(), min(match.start(), m.start), max(match.end(), m.end))
    return best[1:] if best else None
