"""The dyad index: per pair of states and month, each real event counted once, and the trend.

The trend is an exponentially weighted mean of the monthly scores (half of each month's weight
carries into the next), so one outlier month moves it but does not flip it. A pair is warming in
a month when the trend rose by more than ``STEADY_BAND`` over the previous month, cooling when it
fell by more; the month's drivers are its events that pushed hardest in that direction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..records import Dyad, Event

SMOOTHING = 0.5
STEADY_BAND = 0.5
DRIVERS = 3


def pair_series(a: str, b: str, counted: Iterable[tuple[str, Event]]) -> list[Dyad]:
    """One pair's monthly rows from ``(date, event)`` items, each a real event counted once."""
    months: dict[str, list[Event]] = defaultdict(list)
    for when, event in counted:
        if when and len(when) >= 7:
            months[when[:7]].append(event)
    rows = []
    trend: float | None = None
    for period in sorted(months):
        cell = months[period]
        scores = [e.score for e in cell]
        mean = sum(scores) / len(scores)
        previous = trend
        trend = mean if previous is None else SMOOTHING * mean + (1 - SMOOTHING) * previous
        direction = None if previous is None else _direction(trend - previous)
        rows.append(Dyad(
            a=a, b=b, period=period, events=len(cell),
            cooperation=sum(1 for s in scores if s > 0), conflict=sum(1 for s in scores if s < 0),
            mean_score=round(mean, 3), trend=round(trend, 3), direction=direction,
            drivers=_drivers(cell, direction),
        ))
    return rows


def _direction(change: float) -> str:
    if change > STEADY_BAND:
        return "warming"
    if change < -STEADY_BAND:
        return "cooling"
    return "steady"


def _drivers(cell: list[Event], direction: str | None) -> tuple[str, ...]:
    sign = {"warming": 1, "cooling": -1}.get(direction or "", 0)
    if sign:
        pushing = [e for e in cell if e.score * sign > 0]
        ranked = sorted(pushing, key=lambda e: (-abs(e.score), e.event_id))
    else:
        ranked = sorted(cell, key=lambda e: (-abs(e.score), e.event_id))
    return tuple(e.event_id for e in ranked[:DRIVERS])
