"""Claims that a measured quantity rose or fell: "In 2025, trade through the Harl Pass fell by almost a quarter".

A claim needs all of: a quantity noun (trade, exports, gas flows, ...), a preposition naming where or between
whom ("through", "between", "with", ...) followed at once by a named place or actor, a verb of rising or
falling after it in the same sentence, and one period the sentence dates it to (a year, or a month, as the
text gives it: "this year", "in 2025"). Claims about the same noun, the same places and actors and the same
period can disagree; anything hedged, negated or forecast ("could fall", "did not grow", "is expected to
rise") claims nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from ..records import Timex
from .text import Mention, lexicon_file, place_itself, word_alternation

# how far the named place may start after the preposition ("through the Harl Pass"), and the verb after it
PLACE_AFTER = 25
VERB_AFTER = 80
# words before the quantity that can still hedge it ("officials expect that trade ...")
HEDGE_BEFORE = 40


@cache
def trend_lexicon() -> dict[str, Any]:
    return lexicon_file("trends.json")


def _words(name: str) -> str:
    return word_alternation(trend_lexicon()[name])


@cache
def _subject_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:(?P<commodity>{_words('commodities')})\s+)?(?P<subject>{_words('subjects')})\s+"
                      rf"(?P<prep>{_words('linking_prepositions')})\s+", re.I)


@cache
def _verb_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:(?:has|have|had)\s+)?(?:(?P<rise>{_words('rise')})|(?P<fall>{_words('fall')}))\b"
                      r"(?:\s+by\s+[^,.;]{1,30}?(?=[,.;]|\s+(?:in|this|last|since|to|from)\b|$))?", re.I)


@cache
def _hedge_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:\b(?:{_words('hedges')})\b|n't\b)", re.I)


def trend_claims(text: str, start: int, end: int, inside: Sequence[Mention], dated: Sequence[Timex],
                 base: dict[str, Any]) -> list[dict[str, Any]]:
    """(quantity, places, period) -> "rose" or "fell", per sentence."""
    period = _period(dated)
    if period is None or not inside:
        return []
    rows = []
    for match in _subject_pattern().finditer(text, start, end):
        places = sorted((m for m in inside if match.end() <= m.start <= match.end() + PLACE_AFTER),
                        key=lambda m: m.start)
        if not places:
            continue
        named = [places[0]]
        if match.group("prep").lower() == "between":
            named += [m for m in inside if 0 <= m.start - named[0].end <= 6 and
                      re.fullmatch(r"\s+and\s+(?:the\s+)?", text[named[0].end:m.start], re.I)][:1]
            if len(named) < 2:
                continue
        verb = _verb_pattern().search(text, named[-1].end, min(end, named[-1].end + VERB_AFTER))
        if verb is None or _hedge_pattern().search(text, max(start, match.start() - HEDGE_BEFORE), verb.end()):
            continue
        if _subject_pattern().search(text[named[-1].end:verb.start()]):
            continue  # the verb belongs to another quantity named in between
        quantity = " ".join(w.lower() for w in (match.group("commodity"), match.group("subject")) if w)
        where = "+".join(sorted({place_itself(m.actor_id) for m in named}))
        where_text = " and ".join(text[m.start:m.end] for m in named)
        rows.append({**base, "kind": "trend", "key": f"{quantity}|{where}|{period}", "quantity": quantity,
                     "where_text": f"{match.group('prep').lower()} {where_text}", "period": period,
                     "value": "rose" if verb.group("rise") else "fell", "value_text": verb.group(0)})
    return rows


def _period(dated: Sequence[Timex]) -> str | None:
    """The one year or month a sentence dates things to; None when it gives none, or several."""
    found = {t.value for t in dated if t.value and t.precision in ("year", "month")}
    return found.pop() if len(found) == 1 else None
