"""Time expressions with an explicit calendar value, normalised at the precision they give.

Absolute dates ("October 10, 2025", "10 October 2025", "2025-10-10", "December 2024"), years
after a preposition ("in 2020"), decades ("the early 1990s"), and a day and month without a
year ("on October 7"), which takes its year from the nearest earlier explicit year in the text
(anchor ``context``) or else from the publication date (anchor ``published``), and stays
unresolved when neither exists.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..records import Anchor, Precision, Timex
from .published import LIMIT_PREPOSITIONS
from .quotes import quoted_spans
from .relative import Resolved, clause_direction, find_relative, resolve, word_start_alternatives

if TYPE_CHECKING:
    from spacy.tokens import Doc

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

_MONTH = (
    r"(?P<{g}>(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>1[5-9]\d\d|20\d\d|21\d\d)"
_YEAR_PREPOSITIONS = (
    r"(?:in|since|by|until|till|from|to|of|before|after|during|through|between|and|or|early|late"
    r"|mid-|spring|summer|autumn|fall|winter|year|fiscal)"
)

_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b(?P<iy>\d{4})-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b"),
    # "15 and 16 October", "3–5 May 2025": days of one month, a period told to the month
    ("days", rf"\b{_DAY.format(g='d7')}\s*(?:and|&|-|–|to)\s*{_DAY.format(g='d8')}\s+(?:of\s+)?{_MONTH.format(g='m7')}"
             rf"(?:,?\s+{_YEAR.format(g='y7')})?\b"),
    ("mdy", rf"\b{_MONTH.format(g='m1')}\s+{_DAY.format(g='d1')},?\s+{_YEAR.format(g='y1')}\b"),
    ("dmy", rf"\b{_DAY.format(g='d2')}\s+(?:of\s+)?{_MONTH.format(g='m2')},?\s+{_YEAR.format(g='y2')}\b"),
    ("my", rf"\b{_MONTH.format(g='m3')},?\s+(?:of\s+)?{_YEAR.format(g='y3')}\b"),
    ("decade", r"\b(?:the\s+)?(?P<dq>(?:early|mid|late)[-\s])?(?P<dc>1[5-9]\d0|20\d0)s\b"),
    ("md", rf"\b{_MONTH.format(g='m4')}\s+{_DAY.format(g='d4')}\b(?!,?\s*\d)"
           rf"(?:\s+(?:of\s+)?(?P<rel4>last|next|this)\s+year\b)?"),
    ("dm", rf"\b{_DAY.format(g='d5')}\s+(?:of\s+)?{_MONTH.format(g='m5')}\b(?!,?\s*\d)"
           rf"(?:\s+(?:of\s+)?(?P<rel5>last|next|this)\s+year\b)?"),
    ("year", rf"\b{_YEAR_PREPOSITIONS}\s+{_YEAR.format(g='y6')}\b(?![-–]\d|\s*(?:%|per\b))"),
]
_COMBINED = word_start_alternatives(_PATTERNS)


@dataclass(frozen=True, slots=True)
class Found:
    """A matched expression before it is tied to a document."""

    start: int
    end: int
    kind: str
    year: int | None
    month: int | None
    day: int | None


def find_expressions(text: str) -> list[Found]:
    """Every calendar expression in ``text``, left to right, without overlaps."""
    found = []
    for match in _COMBINED.finditer(text):
        kind = match.lastgroup
        assert kind is not None
        item = _read_match(match, kind)
        if item is not None:
            found.append(item)
    return found


def _read_match(match: re.Match[str], kind: str) -> Found | None:
    g = match.group
    start, end = match.span("y6" if kind == "year" else kind)
    if kind == "iso":
        year, month, day = int(g("iy")), int(g("im")), int(g("id"))
    elif kind == "mdy":
        year, month, day = int(g("y1")), _month(g("m1")), int(g("d1"))
    elif kind == "dmy":
        year, month, day = int(g("y2")), _month(g("m2")), int(g("d2"))
    elif kind == "days":
        first, last = int(g("d7")), int(g("d8"))
        year = int(g("y7")) if g("y7") else None
        if not 1 <= first < last <= 31:  # "the 16 and 15 October flights": no period; the day next to the month
            start = match.start("d8")
            return _valid(Found(start, end, "day" if year else "day-no-year", year, _month(g("m7")), last))
        return _valid(Found(start, end, "month" if year else "month-no-year", year, _month(g("m7")), last))
    elif kind == "my":
        return _valid(Found(start, end, "month", int(g("y3")), _month(g("m3")), None))
    elif kind == "decade":
        return Found(start, end, "decade", int(g("dc")), None, None)
    elif kind in ("md", "dm"):
        month, day, rel = (g("m4"), g("d4"), g("rel4")) if kind == "md" else (g("m5"), g("d5"), g("rel5"))
        shift = {"last": -1, "next": 1, "this": 0}.get(rel or "")
        kind_name = "day-no-year" if shift is None else f"day-rel-year{shift:+d}"
        return _valid(Found(start, end, kind_name, None, _month(month), int(day)))
    else:
        return Found(start, end, "year", int(g("y6")), None, None)
    return _valid(Found(start, end, "day", year, month, day))


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _valid(item: Found) -> Found | None:
    """Drop impossible calendar values ("February 30") rather than guess."""
    if item.month is None:
        return item
    try:
        date(item.year or 2000, item.month, item.day or 1)
    except ValueError:
        return None
    return item


def to_timex(doc_id: str, text: str, item: Found, context_year: int | None,
             published: str | None, direction: str = "unknown") -> Timex:
    """A record for one expression; a day without a year borrows one, or stays unresolved."""
    value: str | None
    precision: Precision | None
    anchor: Anchor | None = "absolute"
    if item.kind == "day":
        value, precision = f"{item.year:04d}-{item.month:02d}-{item.day:02d}", "day"
    elif item.kind == "month":
        value, precision = f"{item.year:04d}-{item.month:02d}", "month"
    elif item.kind == "year":
        value, precision = f"{item.year:04d}", "year"
    elif item.kind == "decade":
        value, precision = f"{item.year:04d}", "decade"
    elif item.kind == "month-no-year":
        year, anchor = _borrowed_year(context_year, published, item.month, item.day, direction)
        value, precision = (f"{year:04d}-{item.month:02d}", "month") if year is not None else (None, None)
    elif item.kind.startswith("day-rel-year"):
        # "6 May last year": the year is the publication year moved as the text says
        shift = int(item.kind.removeprefix("day-rel-year"))
        year = int(published[:4]) + shift if published else None
        anchor = "published" if published else None
        if year is None or not _is_real_day(year, item.month, item.day):
            value, precision, anchor = None, None, None
        else:
            value, precision = f"{year:04d}-{item.month:02d}-{item.day:02d}", "day"
    else:
        year, anchor = _borrowed_year(context_year, published, item.month, item.day, direction)
        if year is None or anchor is None:
            value, precision, anchor = None, None, None
        else:
            value, precision = f"{year:04d}-{item.month:02d}-{item.day:02d}", "day"
            if not _is_real_day(year, item.month, item.day):
                value, precision, anchor = None, None, None
    return Timex(doc_id=doc_id, text=text[item.start:item.end], start=item.start, end=item.end,
                 value=value, precision=precision, anchor=anchor)


def _borrowed_year(context_year: int | None, published: str | None, month: int | None = None,
                   day: int | None = None, direction: str = "unknown") -> tuple[int | None, Anchor | None]:
    if context_year is not None:
        return context_year, "context"
    if published:
        year = int(published[:4])
        if month is not None and len(published) >= 7:
            offset = (month - int(published[5:7])) + (
                (day or 15) - int(published[8:10] if len(published) == 10 else 15)
            ) / 31
            if direction == "past" and offset > 0.5:
                year -= 1  # reported in the past tense: the last such day before publication
            elif direction == "future" and offset < -0.5:
                year += 1
            elif direction == "unknown" and offset > 6:
                year -= 1  # no tense: the nearest such day ("Nov. 3" in a May article)
            elif direction == "unknown" and offset < -6:
                year += 1
        return year, "published"
    return None, None


def _is_real_day(year: int, month: int | None, day: int | None) -> bool:
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return False
    return True


def find_timexes(
    doc_id: str, text: str, published: str | None, sdoc: Doc | None = None,
    window: tuple[str, str] | None = None,
) -> list[Timex]:
    """All time expressions of a document with their values, in text order.

    Calendar expressions first; relative ones where no calendar expression stands. A relative
    expression tied to another event ("two weeks later") takes the latest day-precision date
    the text gave before it.
    """
    absolute = []
    context_year: int | None = None
    for item in find_expressions(text):
        # a day and month without a year: the publication year when known, else the text's
        direction = clause_direction(sdoc, item.start, item.end, text) \
            if item.kind in ("day-no-year", "month-no-year") else "unknown"
        absolute.append(to_timex(doc_id, text, item, None if published else context_year, published, direction))
        if item.kind in ("day", "month", "year") and item.year is not None:
            context_year = item.year
    absolute += _years_from_entities(doc_id, sdoc, absolute)
    taken = [(t.start, t.end) for t in absolute]
    quoted = [(q.start, q.end) for q in quoted_spans(text)]
    relatives = [r for r in find_relative(text) if not any(s < r.end and r.start < e for s, e in taken)]
    relatives += _months_named_alone(sdoc, taken + [(r.start, r.end) for r in relatives])
    merged: list[Timex] = sorted(absolute, key=lambda t: t.start)
    result: list[Timex] = []
    pending = sorted(relatives, key=lambda r: r.start)
    for timex in [*merged, None]:  # type: ignore[list-item]
        limit = timex.start if timex is not None else len(text) + 1
        while pending and pending[0].start < limit:
            item = pending.pop(0)
            context = _event_day(text, item, absolute) or _last_day(result, published)
            direction = clause_direction(sdoc, item.start, item.end, text)
            if item.groups.get("d11", "").lower() == "today" and _generic_today(text, item, direction, quoted):
                continue
            restated = _restated_date(text, item, absolute)
            if restated:
                value = Resolved(restated.value, restated.precision, "context")
            else:
                value = _resolve_in_window(item, published, window, context, direction)
                if value.value is None and item.kind in ("weekday", "rel_weekday") \
                        and (front := _front_day(result, published, sdoc, text)) is not None:
                    value = _narrated_weekday(item, front, window)
            result.append(Timex(doc_id=doc_id, text=text[item.start:item.end], start=item.start, end=item.end,
                                value=value.value, precision=value.precision, anchor=value.anchor))
        if timex is not None:
            result.append(timex)
    return _quoted_today(text, result, quoted)


def _quoted_today(text: str, timexes: list[Timex], quoted: list[tuple[int, int]]) -> list[Timex]:
    """"today" inside a quotation is the day the words were spoken: the day the same paragraph
    gives for the statement ("…,” she said on Wednesday"), when it gives one."""
    fixed = []
    for timex in timexes:
        quote = next(((s, e) for s, e in quoted if s <= timex.start < e), None)
        if timex.text.lower() in ("today", "tonight") and quote is not None:
            para_start = text.rfind("\n", 0, quote[0]) + 1
            para_end = text.find("\n", quote[1])
            para_end = len(text) if para_end == -1 else para_end
            spoken = [t for t in timexes if t is not timex and t.precision == "day" and t.value
                      and para_start <= t.start < para_end
                      and not any(s <= t.start < e for s, e in quoted)]
            day = min(spoken, key=lambda t: abs(t.start - quote[1])).value if spoken else None
            if day is None:  # "…,” she said at the signing ceremony: the day of the signing
                day = _day_of_event_named(text, text[quote[1] : para_end], timexes)
            if day is not None:
                timex = Timex(doc_id=timex.doc_id, text=timex.text, start=timex.start, end=timex.end,
                              value=day, precision="day", anchor="context")
        fixed.append(timex)
    return fixed


_EVENT_AFTER = re.compile(
    r"\s*(?:of|before|after|following|preceding)?\s*(?:the\s+)?(?:[\w\-–’']+\s+){0,3}?"
    r"(?P<noun>talks|summit|meeting|visit|shooting|attack|incident|crash|election|vote|signing|agreement|ceremony"
    r"|trial|hearing|conference|exercises|strike|deadline|release|arrest|call|announcement|opening)\b",
    re.IGNORECASE,
)


def _months_named_alone(sdoc: Doc | None, taken: list[tuple[int, int]]) -> list[Any]:
    """A month named on its own ("We said November, and it is November") where the parser
    marks it as a date."""
    from .relative import MONTH_NAMES, Relative

    if sdoc is None:
        return []
    found = []
    for ent in sdoc.ents:
        if (
            ent.label_ == "DATE"
            and ent.text.lower() in MONTH_NAMES
            and ent.text[:1].isupper()
            and not any(s < ent.end_char and ent.start_char < e for s, e in taken)
        ):
            found.append(Relative(ent.start_char, ent.end_char, "bare_month", {"m14": ent.text}))
    return found


def _generic_today(text: str, item: Any, direction: Any, quoted: list[tuple[int, int]]) -> bool:
    """"in today's Russia", "still relevant today", "Russia Today": the present or a name, not a day.

    In the author's own present-tense voice "today" means nowadays; inside a quotation it is
    the day the words were spoken.
    """
    if text[item.end : item.end + 2] in ("'s", "’s"):
        return True
    before = text[max(0, item.start - 20) : item.start].split()
    if before and before[-1][:1].isupper() and text[item.start].isupper():
        return True  # part of a name ("Russia Today")
    inside_quote = any(s <= item.start < e for s, e in quoted)
    return direction == "unknown" and not inside_quote


def _years_from_entities(doc_id: str, sdoc: Doc | None, found: list[Timex]) -> list[Timex]:
    """Bare years the parser marks as dates ("1988 sales", "fiscal 1990") that no pattern caught."""
    if sdoc is None:
        return []
    years = []
    for ent in sdoc.ents:
        if ent.label_ != "DATE":
            continue
        for token in ent:
            if re.fullmatch(r"1[89]\d\d|20\d\d", token.text) and not any(
                t.start <= token.idx < t.end for t in found
            ):
                years.append(Timex(doc_id=doc_id, text=token.text, start=token.idx, end=token.idx + 4,
                                   value=token.text, precision="year", anchor="absolute"))
    return years


def _resolve_in_window(item: Any, published: str | None, window: tuple[str, str] | None,
                       context: date | None, direction: Any) -> Resolved:
    """Resolve against the publication date; when only a window of days is known, keep the
    value only if every day of the window gives the same one ("last month" inside one month)."""
    if (published and len(published) == 10) or not window:
        return resolve(item, published, context, direction)
    first = resolve(item, window[0], context, direction)
    last = resolve(item, window[1], context, direction)
    if first == last:
        return first
    return resolve(item, published, context, direction) if published else Resolved(None, None, None)


def _narrated_weekday(item: Any, context: date, window: tuple[str, str] | None) -> Resolved:
    """With no publication day to count back from, "then, on Friday" after a dated day is the
    first Friday from that day on: news tells its events forward. Kept only inside the window."""
    from .relative import WEEKDAYS

    name = (item.groups.get("w12") or item.groups.get("w3") or "").lower()
    if name not in WEEKDAYS:
        return Resolved(None, None, None)
    day = context + timedelta(days=(WEEKDAYS[name] - context.weekday()) % 7)
    if window and not (day.isoformat() <= window[1]):
        return Resolved(None, None, None)
    return Resolved(day.isoformat(), "day", "context")


def _day_of_event_named(text: str, attribution: str, timexes: list[Timex]) -> str | None:
    match = re.search(r"\b(?:at|after|during|before)\s+the\s+(?P<noun>\w+)", attribution)
    if match is None or not _EVENT_AFTER.match(" " + match["noun"]):
        return None
    noun = match["noun"].lower().rstrip("s")
    for sentence in re.finditer(r"[^.!?\n]+[.!?]?", text):
        if noun in sentence.group().lower():
            for timex in timexes:
                if timex.precision == "day" and timex.value and sentence.start() <= timex.start < sentence.end():
                    return timex.value
    return None


def _restated_date(text: str, item: Any, dated: list[Timex]) -> Timex | None:
    """"a few days before the summit, on October 7, 2025": the date that follows restates it."""
    for timex in dated:
        # "on 27 November 2025, three days before the deadline": the same day, described again
        if timex.end <= item.start and timex.value and re.fullmatch(r",\s*", text[timex.end : item.start]):
            return timex
        between = text[item.end : timex.start]
        event_relative = item.kind in ("later", "eve", "right_after", "day_rel")
        pattern = r"(?:\s+[\w\-–’' ]{0,60}?)?,\s*(?:on|in)?\s*" if event_relative else r",?\s*(?:on|in)?\s*"
        if timex.start >= item.end and timex.value and re.fullmatch(pattern, between):
            return timex
    return None


def _event_day(text: str, item: Any, dated: list[Timex]) -> date | None:
    """The date of the event an expression is relative to ("the eve of the summit")."""
    if item.kind not in ("eve", "later", "day_rel", "right_after"):
        return None
    if item.kind == "right_after":
        return _first_day_named(text, item.groups["ev20"].lower().rstrip("s"), item.start, dated, own_sentence=True)
    match = _EVENT_AFTER.match(text, item.end) or (
        _EVENT_AFTER.search(text[item.start : item.end]) if item.kind == "eve" else None
    )
    if match is None:
        return None
    return _first_day_named(text, match["noun"].lower().rstrip("s"), item.start, dated, own_sentence=False)


def named_event_day(text: str, start: int, end: int, dated: list[Timex]) -> date | None:
    """The day of the event named right after a relative expression ending at ``end`` ("the day before | the
    talks"), as the text gives it elsewhere; None when the text names no such event or gives it no day."""
    match = _EVENT_AFTER.match(text, end)
    if match is None:
        return None
    return _first_day_named(text, match["noun"].lower().rstrip("s"), start, dated, own_sentence=False)


# words that name one meeting: "the talks" are the meeting two leaders "met" at
_SAME_OCCASION = {"talk": (r"talk\w*", r"meeting\w*", r"met\b"), "meeting": (r"meeting\w*", r"talk\w*", r"met\b")}
# a noun after these names the event another one is placed against ("A few days before the talks, X flew …"): its
# sentence gives the date of X, not of the talks
_ANCHORING = re.compile(r"\b(?:before|after|since|until|following|preceding|ahead\s+of|eve\s+of)\s+(?:the\s+)?$",
                        re.IGNORECASE)


def _first_day_named(text: str, noun: str, at: int, dated: list[Timex], own_sentence: bool) -> date | None:
    """The first day-precise date given in a sentence naming the event (by its noun, or another word for the same
    occasion), not as what another act is placed against; in the expression's own sentence only a date after it,
    and only when ``own_sentence``."""
    words = _SAME_OCCASION.get(noun, (re.escape(noun) + r"\w*",))
    pattern = re.compile(r"\b(?:" + "|".join(words) + ")", re.IGNORECASE)
    best: tuple[int, date] | None = None
    for sentence in re.finditer(r"[^.!?\n]+[.!?]?", text):
        own = sentence.start() <= at < sentence.end()
        if own and not own_sentence:
            continue
        named = [m for m in pattern.finditer(sentence.group())
                 if own or not _ANCHORING.search(sentence.group()[: m.start()][-25:])]
        if not named:
            continue
        for timex in dated:
            if own and timex.start < at:
                continue  # in its own sentence, only the date that follows the event's name
            # the event's date is given where the text first names it with a day
            if (
                timex.precision == "day"
                and timex.value
                and sentence.start() <= timex.start < sentence.end()
                and (best is None or timex.start < best[0])
            ):
                best = (timex.start, date.fromisoformat(timex.value))
    return best[1] if best else None


def _last_day(timexes: list[Timex], published: str | None = None) -> date | None:
    """The latest day the text named before; a day after publication is a plan, not a narrated event."""
    for timex in reversed(timexes):
        if timex.precision == "day" and timex.value and not (published and timex.value > _period_end_of(published)):
            return date.fromisoformat(timex.value)
    return None


def _front_day(timexes: list[Timex], published: str | None = None, sdoc: Doc | None = None,
               text: str = "") -> date | None:
    """The latest day the story has reached: the last one named, unless an earlier-named day is later ("aired on
    1 July … closed since the shooting on 6 May. Then, on Friday": the story is in July, 6 May is its past). A day
    still ahead is no point the story has reached: one in a clause about the future ("the border would reopen on
    15 September") or a limit ("return the lorries by 1 December")."""
    days = [t.value for t in timexes if t.precision == "day" and t.value
            and not (published and t.value > _period_end_of(published))
            and not _LIMIT_BEFORE.search(text[max(0, t.start - 12):t.start])
            and clause_direction(sdoc, t.start, t.end, text) != "future"]
    return date.fromisoformat(max(days)) if days else None


# a day named as a limit ("by 1 December", "until 5 May"): ahead of the story, whatever the clause's tense
_LIMIT_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(LIMIT_PREPOSITIONS))})\s+(?:the\s+)?$", re.I)


def _period_end_of(value: str) -> str:
    if len(value) == 10:
        return value
    if len(value) == 7:
        return f"{value}-{calendar.monthrange(int(value[:4]), int(value[5:7]))[1]:02d}"
    return f"{value[:4]}-12-31"
