"""Relative time expressions, resolved against the publication date or a date in the text.

Relative to publication (anchor ``published``): "yesterday", "on Tuesday", "last week", "last
month", "next year", "December of last year", "last December", "in July", "earlier this month",
"two weeks ago", "the end of the year". Relative to another date (anchor ``context``): "two
weeks later", "the next day", "on the eve of the meeting", "a few days before the talks". A
weekday or a bare month falls before the publication date in a past-tense clause and after it
in a future-tense one. Without a publication date (or another date for context expressions)
the expression is kept with a null value: never guessed.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from ..records import Anchor, Precision

if TYPE_CHECKING:
    from spacy.tokens import Doc

Direction = Literal["past", "future", "unknown"]

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "a few": None,
    "few": None, "some": None,
}  # fmt: skip
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
SEASONS = {"spring", "summer", "autumn", "fall", "winter"}

_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|few|some)"
_UNIT = r"(?:day|week|fortnight|month|year)s?"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"

PATTERNS: list[tuple[str, str]] = [
    ("month_of_rel_year", rf"\b(?P<m1>{_MONTH})\s+of\s+(?P<r1>last|next|this)\s+year\b"),
    ("rel_month_name", rf"\b(?P<r2>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<m2>{_MONTH})\b(?!\s+\d)"),
    ("rel_weekday", rf"\b(?P<r3>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<w3>{_WD}){_PART}\b"),
    ("edge_rel",
     r"\b(?P<edge>[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\s+(?P<r4>this|next|last)\s+(?P<u4>week|month|year)\b"),
    ("end_of", r"\b(?:[Tt]he\s+)?(?P<edge5>end|beginning|start|middle)\s+of\s+"
               r"(?:the\s+|this\s+|next\s+|last\s+)?(?P<u5>week|month|year)\b"),
    ("rel_unit", r"\b(?P<r6>[Ll]ast|[Nn]ext|[Tt]his|[Pp]revious|[Ff]ollowing|[Cc]oming)\s+(?P<u6>week|month|year)\b"),
    ("ago", rf"\b(?P<n7>{_NUM})\s+(?P<u7>{_UNIT})\s+ago\b"),
    ("later", rf"\b(?P<n8>{_NUM})\s+(?P<u8>{_UNIT})\s+(?P<dir8>later|earlier|after(?:wards)?|before)\b"),
    ("eve", r"\b(?:[Oo]n\s+)?[Tt]he\s+eve\s+of\s+(?:the\s+)?(?P<event9>[\w\-–’' ]{3,60}?)"
            r"(?=[,.;:]|\s+(?:a|the)\s+decision|\s+\(|$)"),
    ("day_rel",
     r"\b[Tt]he\s+(?P<which10>next|following|previous|preceding)\s+day\b|\b[Tt]he\s+day\s+(?P<dir10>before|after)\b"),
    ("deictic", r"\b(?P<d11>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)\b"),
    ("weekday", rf"\b(?P<w12>{_WD}){_PART}\b(?!,?\s+(?:\d|{_MONTH}))"),
    ("season", r"\b(?P<r13>[Ll]ast|[Nn]ext|[Tt]his|[Tt]he)\s+(?P<s13>spring|summer|autumn|winter)\b"),
    ("this_part", r"\b[Tt]his\s+(?:morning|afternoon|evening)\b"),
    ("same_day", r"\b[Tt]he\s+same\s+(?:day|night|evening|morning|afternoon)\b"),
    ("hours_later", rf"\b(?P<n17>{_NUM})\s+hours?\s+(?P<dir17>later|earlier|before|after(?:wards)?)\b"),
    ("part_of_day", r"\b(?:in|In|by|By|late|Late|early|Early)\s(?P<p18>the\s+(?:morning|afternoon|evening|night))\b"),
    ("ordinal_of", rf"\b(?:[Tt]he\s+)?(?P<o19>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
                   rf"|\d{{1,2}}(?:st|nd|rd|th))\s+of\s+(?P<m19>{_MONTH})\b(?!\s+\d)"),
    ("right_after", r"\b(?:[Aa]lmost\s+|[Jj]ust\s+)?(?:[Ii]mmediately|[Ss]hortly|[Ss]oon|[Rr]ight)\s+"
                    r"(?P<dir20>after|before)\s+(?:the\s+|[A-Z][\w’']+(?:’s|'s)\s+)?"
                    r"(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight|dawn|dusk)\b)"
                    r"(?P<ev20>[a-z][\w\-]+)"),
    ("bare_month", rf"\b(?P<prep14>in|In|since|Since|until|Until|by|By|from|From|to|of|during|before|after|early|late"
                   rf"|mid-|till|through)\s(?P<m14>{_MONTH})\b(?!\s+(?:\d|of\s+(?:last|next|this)))"),
]
# case matters for weekday and month names ("May", not "may"); number words may open a sentence
_CASELESS = {"month_of_rel_year", "edge_rel", "end_of", "rel_unit", "ago", "later", "eve", "day_rel", "deictic",
             "season", "same_day", "hours_later"}


def word_start_alternatives(named: Iterable[tuple[str, str]]) -> re.Pattern[str]:
    """One pattern of named alternatives that all open at the start of a word: testing that once per
    position, before the alternatives, makes a scan about three times faster with the same matches."""
    return re.compile(r"\b(?=\w)(?:" + "|".join(f"(?P<{name}>{body})" for name, body in named) + ")")


_COMBINED = word_start_alternatives((name, f"(?i:{body})" if name in _CASELESS else body) for name, body in PATTERNS)
_SPAN_GROUP = {"bare_month": "m14", "part_of_day": "p18"}


@dataclass(frozen=True, slots=True)
class Relative:
    start: int
    end: int
    kind: str
    groups: dict[str, str | None]


def find_relative(text: str) -> list[Relative]:
    return list(_relative_in(text))


@lru_cache(maxsize=8)
def _relative_in(text: str) -> tuple[Relative, ...]:
    """One scan per text: dating a document and inferring its publication date both ask."""
    found = []
    for match in _COMBINED.finditer(text):
        kind = match.lastgroup
        assert kind is not None
        start, end = match.span(_SPAN_GROUP.get(kind, kind))
        if kind == "eve":
            start = match.start(kind)
            if text[start : start + 3].lower() == "on ":
                start += 3
        found.append(Relative(start, end, kind, {k: v for k, v in match.groupdict().items() if v is not None}))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Resolved:
    value: str | None
    precision: Precision | None
    anchor: Anchor | None


UNRESOLVED = Resolved(None, None, None)


def _day(d: date) -> str:
    return d.isoformat()


def _month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    index = y * 12 + (m - 1) + delta
    return index // 12, index % 12 + 1


def _count(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word)


def resolve(item: Relative, published: str | None, context: date | None, direction: Direction) -> Resolved:
    """The value of one relative expression, or unresolved when its anchor is unknown."""
    g = item.groups
    kind = item.kind
    if kind in ("later", "eve", "day_rel", "same_day", "hours_later", "part_of_day", "right_after"):
        return _resolve_context(item, context)
    if not published:
        return UNRESOLVED
    year = int(published[:4])
    month = int(published[5:7]) if len(published) >= 7 else None
    day = date.fromisoformat(published) if len(published) == 10 else None
    if kind == "month_of_rel_year":
        offset = {"last": -1, "next": 1, "this": 0}[g["r1"].lower()]
        return Resolved(_month(year + offset, MONTH_NAMES[g["m1"].lower()]), "month", "published")
    if kind == "rel_month_name":
        m = MONTH_NAMES[g["m2"].lower()]
        rel = g["r2"].lower()
        if rel == "this" or month is None:
            return Resolved(_month(year, m), "month", "published") if rel == "this" else UNRESOLVED
        target_year = year - 1 if rel == "last" and m >= month else year + 1 if rel == "next" and m <= month else year
        return Resolved(_month(target_year, m), "month", "published")
    if kind == "bare_month":
        m = MONTH_NAMES[g["m14"].lower()]
        if direction == "unknown" and g.get("prep14", "").lower() in ("until", "by", "till", "before"):
            direction = "future"
        if month is None:
            return Resolved(_month(year, m), "month", "published")
        if direction == "future" and m < month:
            return Resolved(_month(year + 1, m), "month", "published")
        if direction == "past" and m > month:
            return Resolved(_month(year - 1, m), "month", "published")
        if direction == "unknown":  # no tense to go by: the nearest such month
            if m - month > 6:
                return Resolved(_month(year - 1, m), "month", "published")
            if month - m > 6:
                return Resolved(_month(year + 1, m), "month", "published")
        return Resolved(_month(year, m), "month", "published")
    if kind in ("rel_unit", "edge_rel", "end_of"):
        unit = (g.get("u6") or g.get("u4") or g.get("u5") or "").lower()
        rel = (g.get("r6") or g.get("r4") or "this").lower()
        offset = {"last": -1, "previous": -1, "past": -1, "next": 1, "following": 1, "coming": 1}.get(rel, 0)
        if rel in ("previous", "following"):
            return UNRESOLVED  # relative to a narrated time, not to publication
        if (
            kind == "end_of"
            and item.groups.get("edge5")
            and "next" not in _span_words(item)
            and "last" not in _span_words(item)
        ):
            offset = 0
        if unit == "year":
            return Resolved(f"{year + offset:04d}", "year", "published")
        if unit == "month" and month is not None:
            y, m = _shift_month(year, month, offset)
            return Resolved(_month(y, m), "month", "published")
        if unit == "week" and day is not None:
            # the contract has no week precision: the month the week's publication-day falls in
            shifted = day + timedelta(days=7 * offset)
            return Resolved(_month(shifted.year, shifted.month), "month", "published")
        return UNRESOLVED
    if kind == "ago":
        n = _count(g["n7"])
        unit = g["u7"].lower().rstrip("s")
        if n is None:
            return UNRESOLVED
        if unit in UNIT_DAYS and day is not None:
            return Resolved(_day(day - timedelta(days=n * UNIT_DAYS[unit])), "day", "published")
        if unit == "month" and month is not None:
            y, m = _shift_month(year, month, -n)
            return Resolved(_month(y, m), "month", "published")
        if unit == "year":
            return Resolved(f"{year - n:04d}", "year", "published")
        return UNRESOLVED
    if kind == "ordinal_of":
        ordinals = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
        word = g["o19"].lower()
        day_number = ordinals.index(word) + 1 if word in ordinals else int(re.sub(r"\D", "", word))
        m = MONTH_NAMES[g["m19"].lower()]
        y = year if month is None else (
            year + 1 if direction == "future" and m < month else year - 1 if direction == "past" and m > month else year
        )
        try:
            return Resolved(_day(date(y, m, day_number)), "day", "published")
        except ValueError:
            return UNRESOLVED
    if kind == "this_part":
        return Resolved(_day(day), "day", "published") if day is not None else UNRESOLVED
    if kind == "deictic":
        if day is None:
            # an article dated only to its month: "yesterday" is (nearly always) a day of that month
            return Resolved(_month(year, month), "month", "published") if month is not None else UNRESOLVED
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g["d11"].lower()]
        return Resolved(_day(day + timedelta(days=shift)), "day", "published")
    if kind in ("weekday", "rel_weekday"):
        if day is None:
            return UNRESOLVED
        weekday = WEEKDAYS[(g.get("w12") or g.get("w3") or "").lower()]
        rel = (g.get("r3") or "").lower()
        forward = rel == "next" or (direction == "future" and rel != "last")
        if direction == "unknown" and not rel:
            ahead = (weekday - day.weekday()) % 7
            forward = 0 < ahead <= 2  # "Tuesday" in a Monday article, with no tense to go by
        if forward:
            delta = (weekday - day.weekday()) % 7 or 7
            return Resolved(_day(day + timedelta(days=delta)), "day", "published")
        delta = (day.weekday() - weekday) % 7
        if rel == "last" and delta == 0:
            delta = 7
        return Resolved(_day(day - timedelta(days=delta)), "day", "published")
    if kind == "season":
        rel = g["r13"].lower()
        if rel == "the" and month is not None:
            # seasons by the month they start in; a winter belongs to the year of its December
            starts = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
            first = starts[g["s13"].lower()]
            if direction == "future":
                rel = "this" if first > month else "next"
            elif direction == "past":
                rel = "this" if first <= month else "last"
            else:
                rel = "this"
        elif rel == "the":
            rel = "this"
        season_year = year - 1 if rel == "last" else year + 1 if rel == "next" else year
        return Resolved(f"{season_year:04d}", "year", "published")
    return UNRESOLVED


def _span_words(item: Relative) -> set[str]:
    return {w.lower() for v in item.groups.values() if v for w in v.split()}


def _resolve_context(item: Relative, context: date | None) -> Resolved:
    if context is None:
        return UNRESOLVED
    g = item.groups
    if item.kind in ("same_day", "part_of_day"):
        return Resolved(_day(context), "day", "context")
    if item.kind == "right_after":  # "immediately after the crash": within days, so the month
        return Resolved(_month(context.year, context.month), "month", "context")
    if item.kind == "hours_later":
        n = _count(g["n17"])
        shift = (n or 0) * (-1 if g["dir17"].lower() in ("earlier", "before") else 1)
        moved = context + timedelta(hours=shift) if n is not None else context
        return (
            Resolved(_day(moved if isinstance(moved, date) else context), "day", "context")
            if n is None or abs(shift) < 24
            else UNRESOLVED
        )
    if item.kind == "eve":
        return Resolved(_day(context - timedelta(days=1)), "day", "context")
    if item.kind == "day_rel":
        which = (g.get("which10") or g.get("dir10") or "").lower()
        shift = 1 if which in ("next", "following", "after") else -1
        return Resolved(_day(context + timedelta(days=shift)), "day", "context")
    n = _count(g["n8"])
    unit = g["u8"].lower().rstrip("s")
    sign = -1 if g["dir8"].lower() in ("earlier", "before") else 1
    if n is None:  # "a few days later": the month, when the shift cannot leave it
        return Resolved(_month(context.year, context.month), "month", "context") if unit == "day" else UNRESOLVED
    if unit in UNIT_DAYS:
        return Resolved(_day(context + timedelta(days=sign * n * UNIT_DAYS[unit])), "day", "context")
    if unit == "month":
        y, m = _shift_month(context.year, context.month, sign * n)
        return Resolved(_month(y, m), "month", "context")
    if unit == "year":
        return Resolved(f"{context.year + sign * n:04d}", "year", "context")
    return UNRESOLVED


def clause_direction(sdoc: Doc | None, start: int, end: int, text: str | None = None) -> Direction:
    """Past or future of the clause an expression belongs to (for weekdays and bare months)."""
    if sdoc is None:
        return "unknown"
    from .published import clause_tense, governing_verb

    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "unknown"
    text = sdoc.text if text is None else text  # spaCy joins every token to make Doc.text
    before = text[max(0, start - 7) : start].split()
    words = text[start:end].lower()
    names_period = any(m in words for m in MONTH_NAMES) or any(season in words for season in SEASONS)
    preposition = before[-1].lower() if before else ""
    if names_period and preposition in ("until", "till", "from"):
        return "future"  # "adjourned until September", "25 percent from 1 September": a limit ahead
    verb = governing_verb(span.root)
    if verb is None:
        return "unknown"
    if any(c.lower_ == "would" for c in verb.children if c.dep_ == "aux"):
        return "future"  # reported plans: "units would hold their first exercise in the spring"
    tense = clause_tense(verb)
    if tense != "past" and names_period and preposition in ("by", "before"):
        return "future"  # "not expected to rule before the spring"
    return "future" if tense == "future" else "past" if tense == "past" else "unknown"
