"""The dyad index: per pair of states and month, each real event counted once, and the trend.

The trend is an exponentially weighted mean of the monthly scores (half of each month's weight
carries into the next), so one outlier month moves it but does not flip it. A pair is warming in
a month when the trend rose by more than ``STEADY_BAND`` over the previous month, cooling when it
fell by more; the month's drivers are its events that pushed hardest in that direction.

A month's mean is the exact sum of its scores (``math.fsum``, the same whatever order the events
come in) over their number; the store keeps that sum beside each row, so when new documents
change some months, the later months' trends follow without reading their events again.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from ..records import Dyad, Event

SMOOTHING = 0.5
STEADY_BAND = 0.5
DRIVERS = 3

# an event counted in a month: its id and score
Counted = tuple[str, float]


def pair_series(a: str, b: str, counted: Iterable[tuple[str, Event]]) -> list[Dyad]:
    """One pair's monthly rows from ``(date, event)`` items, each a real event counted once."""
    months: dict[str, list[Counted]] = defaultdict(list)
    for when, event in counted:
        if when and len(when) >= 7:
            months[when[:7]].append((event.event_id, event.score))
    rows, _ = update_series(a, b, {}, months, lambda period: months[period])
    return [row for row, _ in rows]


def update_series(a: str, b: str, stored: Mapping[str, tuple[Dyad, float | None]], changed: Mapping[str, list[Counted]],
                  read: Callable[[str], list[Counted]]) -> tuple[list[tuple[Dyad, float]], list[str]]:
    """A pair's rows after the events of the ``changed`` months changed: rows to write (with each
    month's score sum) and months left without events. ``stored`` are the pair's rows as they were;
    ``read`` gives a month's events when its drivers must be chosen again."""
    emptied = sorted(p for p, cell in changed.items() if not cell)
    periods = sorted((set(stored) | set(changed)) - set(emptied))
    first_changed = min(changed, default="")
    rows: list[tuple[Dyad, float]] = []
    trend: float | None = None
    for period in periods:
        cell = changed.get(period)
        old, total = stored.get(period, (None, None))
        if cell is None and (old is None or total is None):
            cell = read(period)
        if cell is not None:
            total = math.fsum(score for _, score in cell)
            events, cooperation, conflict = (
                len(cell), sum(1 for _, s in cell if s > 0), sum(1 for _, s in cell if s < 0)
            )
        else:
            assert old is not None and total is not None
            events, cooperation, conflict = old.events, old.cooperation, old.conflict
        mean = total / events
        previous = trend
        trend = mean if previous is None else SMOOTHING * mean + (1 - SMOOTHING) * previous
        if period < first_changed and cell is None:
            continue  # before every change: as stored
        direction = None if previous is None else _direction(trend - previous)
        if cell is None and old is not None and old.direction == direction:
            drivers = old.drivers  # neither its events nor its direction changed
        else:
            drivers = _drivers(cell if cell is not None else read(period), direction)
        rows.append((Dyad(
            a=a, b=b, period=period, events=events, cooperation=cooperation, conflict=conflict,
            mean_score=round(mean, 3), trend=round(trend, 3), direction=direction, drivers=drivers,
        ), total))
    return rows, emptied


def _direction(change: float) -> str:
    if change > STEADY_BAND:
        return "warming"
    if change < -STEADY_BAND:
        return "cooling"
    return "steady"


def _drivers(cell: list[Counted], direction: str | None) -> tuple[str, ...]:
    sign = {"warming": 1, "cooling": -1}.get(direction or "", 0)
    pushing = [c for c in cell if c[1] * sign > 0] if sign else cell
    ranked = sorted(pushing, key=lambda c: (-abs(c[1]), c[0]))
    return tuple(event_id for event_id, _ in ranked[:DRIVERS])
