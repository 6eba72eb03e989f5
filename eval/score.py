"""Matching and scoring: gold annotations (eval/gold/*.json) against predicted records.

Spans are matched by character overlap (at least half of the shorter span), actors by identity
(ISO3 for states, else the canonical name or an alias), each gold item at most once. Attribute
accuracy is measured on matched pairs only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any


def norm(text: str | None) -> str:
    if not text:
        return ""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"^(the|a|an)\s+", "", folded.strip())
    folded = re.sub(r"['’]s\b", "", folded)
    return re.sub(r"[^a-z0-9]+", " ", folded).strip()


@dataclass
class Tally:
    """True/false positives and misses, plus per-attribute agreement on the matched pairs."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    attrs: dict[str, list[int]] = field(default_factory=dict)  # name -> [agree, total]

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for name, (agree, total) in other.attrs.items():
            mine = self.attrs.setdefault(name, [0, 0])
            mine[0] += agree
            mine[1] += total

    def attr(self, name: str, agree: bool) -> None:
        counts = self.attrs.setdefault(name, [0, 0])
        counts[0] += int(agree)
        counts[1] += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float | None:
        agree, total = self.attrs.get(name, [0, 0])
        return agree / total if total else None


def overlaps(a: tuple[int, int], b: tuple[int, int], share: float = 0.5) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and inter >= share * shorter


def locate(text: str, needle: str, after: int = 0) -> tuple[int, int] | None:
    """Offsets of a gold string in the stored text: the first occurrence at or after ``after``."""
    if not needle:
        return None
    at = text.find(needle, after)
    if at == -1:
        at = text.find(needle)
    if at == -1:
        squeezed = re.escape(needle).replace(r"\ ", r"\s+").replace("\\\n", r"\s+")
        found = re.search(squeezed, text)
        return (found.start(), found.end()) if found else None
    return at, at + len(needle)


def locate_all(text: str, needles: list[str]) -> list[tuple[int, int] | None]:
    """Offsets of each gold string: the first occurrence after the previous one that no earlier
    gold string already took (gold lists are in text order, but not always strictly)."""
    used: list[tuple[int, int]] = []
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for needle in needles:
        found = None
        for start_at in (cursor, 0):
            at = text.find(needle, start_at) if needle else -1
            while at != -1:
                candidate = (at, at + len(needle))
                if not any(u[0] < candidate[1] and candidate[0] < u[1] for u in used):
                    found = candidate
                    break
                at = text.find(needle, at + 1)
            if found:
                break
        if found is None:
            found = locate(text, needle)
        spans.append(found)
        if found is not None:
            used.append(found)
            cursor = found[1]
    return spans


def match_spans(gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, predicted index) of overlapping spans."""
    pairs = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        best = None
        for pi, p in enumerate(predicted):
            if pi in used or not overlaps(g, p):
                continue
            inter = min(g[1], p[1]) - max(g[0], p[0])
            if best is None or inter > best[0]:
                best = (inter, pi)
        if best is not None:
            used.add(best[1])
            pairs.append((gi, best[1]))
    return pairs


# ---------------------------------------------------------------- actors


@dataclass
class PredActor:
    name: str
    kind: str | None
    country: str | None
    aliases: tuple[str, ...] = ()
    state: str | None = None  # ISO3 when the prediction is a state


def gold_actor_matches(gold: dict[str, Any], pred: PredActor) -> bool:
    if gold["kind"] == "state" and pred.state:
        return gold.get("country") == pred.state
    gold_forms = {norm(gold["name"])} | {norm(a) for a in gold.get("aliases", [])}
    gold_forms.discard("")
    if norm(pred.name) in gold_forms or any(norm(a) in gold_forms for a in pred.aliases):
        return True
    if gold["kind"] == "person" and pred.kind in (None, "person"):
        # a predicted "Zakharova" for gold "Maria Zakharova" is the same person
        return norm(pred.name).split()[-1:] == norm(gold["name"]).split()[-1:]
    return False


def score_actors(gold: list[dict[str, Any]], predicted: list[PredActor]) -> Tally:
    tally = Tally()
    matched_gold: set[int] = set()
    for pred in predicted:
        hit = next((i for i, g in enumerate(gold) if i not in matched_gold and gold_actor_matches(g, pred)), None)
        if hit is None:
            tally.fp += 1
            continue
        matched_gold.add(hit)
        tally.tp += 1
        tally.attr("kind", pred.kind == gold[hit]["kind"])
        tally.attr("country", pred.country == gold[hit].get("country"))
    tally.fn = len(gold) - len(matched_gold)
    return tally


# ---------------------------------------------------------------- quotes


@dataclass
class PredQuote:
    start: int
    end: int
    kind: str | None
    speaker: str | None  # the speaker's name (or None)
    cue: str | None = None


def score_quotes(text: str, gold: list[dict[str, Any]], predicted: list[PredQuote],
                 same_speaker: Callable[[str | None, str | None], bool], kinds: Iterable[str] = ("direct", "indirect")) -> Tally:
    kinds = tuple(kinds)
    gold = [g for g in gold if g["kind"] in kinds]
    predicted = [p for p in predicted if p.kind is None or p.kind in kinds]
    located = locate_all(text, [g["text"] for g in gold])
    kept = [g for g, span in zip(gold, located) if span is not None]
    spans = [span for span in located if span is not None]
    tally = Tally()
    pairs = match_spans(spans, [(p.start, p.end) for p in predicted])
    tally.tp = len(pairs)
    tally.fn = len(kept) - len(pairs) + (len(gold) - len(kept))
    tally.fp = len(predicted) - len(pairs)
    for gi, pi in pairs:
        g, p = kept[gi], predicted[pi]
        tally.attr("speaker", same_speaker(g.get("speaker"), p.speaker))
        if p.kind is not None:
            tally.attr("kind", p.kind == g["kind"])
        if p.cue is not None or g.get("cue"):
            tally.attr("cue", norm(p.cue) == norm(g.get("cue")) or norm(p.cue) in norm(g.get("cue")))
    return tally


# ---------------------------------------------------------------- dates


@dataclass
class PredTimex:
    start: int
    end: int
    value: str | None


def score_timexes(text: str, gold: list[dict[str, Any]], predicted: list[PredTimex]) -> tuple[Tally, Tally]:
    """(detection, value): a value counts only when the expression is found with the gold value."""
    located = locate_all(text, [g["text"] for g in gold])
    kept = [g for g, span in zip(gold, located) if span is not None]
    spans = [span for span in located if span is not None]
    pairs = match_spans(spans, [(p.start, p.end) for p in predicted])
    detection = Tally(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs))
    right = [(gi, pi) for gi, pi in pairs if (predicted[pi].value or None) == (kept[gi].get("value") or None)]
    value = Tally(tp=len(right), fp=len(predicted) - len(right), fn=len(gold) - len(right))
    for gi, pi in pairs:
        detection.attr("value", (predicted[pi].value or None) == (kept[gi].get("value") or None))
    return detection, value


# ---------------------------------------------------------------- events, commitments, forecasts

ActorMatch = Callable[[str | None, str | None], bool]


@dataclass
class PredEvent:
    start: int  # the trigger's words (a baseline without a parse gives its sentence)
    end: int
    category: str
    cameo: str | None
    source: str | None
    target: str | None
    source_country: str | None
    target_country: str | None
    date: str | None = None
    mode: str = "asserted"


def _best_pairs(spans: list[tuple[int, int]], predicted: list[Any], inside: Callable[[tuple[int, int], Any], bool],
                agreement: Callable[[int, Any], int]) -> list[tuple[int, int]]:
    """One-to-one (gold, predicted) pairs: located inside the gold words, most agreeing first."""
    candidates = sorted(
        ((agreement(gi, p), gi, pi) for gi, span in enumerate(spans) for pi, p in enumerate(predicted) if inside(span, p)),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _located(text: str, gold: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[tuple[int, int]], int]:
    located = locate_all(text, [g["text"] for g in gold])
    kept = [g for g, span in zip(gold, located) if span is not None]
    return kept, [span for span in located if span is not None], len(gold) - len(kept)


def score_events(text: str, gold: list[dict[str, Any]], predicted: list[PredEvent], same_actor: ActorMatch,
                 country_of: Callable[[str | None], str | None]) -> tuple[Tally, Tally]:
    """(found, coded): an event is found when its trigger lies in the gold words, coded when its
    PLOVER category is also right. Attributes are measured on the found pairs."""
    kept, spans, _ = _located(text, gold)

    def inside(span: tuple[int, int], p: PredEvent) -> bool:
        return span[0] <= p.start < span[1] or overlaps(span, (p.start, p.end), 0.9)

    def agreement(gi: int, p: PredEvent) -> int:
        g = kept[gi]
        return 4 * (p.category == g["category"]) + 2 * same_actor(g.get("source"), p.source) + same_actor(g.get("target"), p.target)

    pairs = _best_pairs(spans, predicted, inside, agreement)
    found = Tally(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs))
    right = [(gi, pi) for gi, pi in pairs if predicted[pi].category == kept[gi]["category"]]
    coded = Tally(tp=len(right), fp=len(predicted) - len(right), fn=len(gold) - len(right))
    for gi, pi in pairs:
        g, p = kept[gi], predicted[pi]
        found.attr("category", p.category == g["category"])
        found.attr("cameo_root", (p.cameo or "")[:2] == (g.get("cameo") or "")[:2])
        found.attr("source", same_actor(g.get("source"), p.source))
        found.attr("target", same_actor(g.get("target"), p.target))
        found.attr("source_country", p.source_country == country_of(g.get("source")))
        found.attr("target_country", p.target_country == country_of(g.get("target")))
        found.attr("mode", p.mode == g["mode"])
        found.attr("date", (p.date or None) == (g.get("date") or None))
    return found, coded


@dataclass
class PredCommitment:
    start: int
    end: int
    promiser: str | None
    content: str
    status: str = "open"
    beneficiary: str | None = None
    made_on: str | None = None
    promiser_person: str | None = None


def same_words(gold: str | None, predicted: str | None, share: float = 0.6) -> bool:
    """Two renderings of the same content: most words of each are in the other."""
    a, b = set(norm(gold).split()), set(norm(predicted).split())
    if not a or not b:
        return not a and not b
    common = len(a & b)
    return common >= share * len(a) and common >= share * len(b)


def score_commitments(text: str, gold: list[dict[str, Any]], predicted: list[PredCommitment],
                      same_actor: ActorMatch) -> Tally:
    kept, spans, _ = _located(text, gold)

    def inside(span: tuple[int, int], p: PredCommitment) -> bool:
        return overlaps(span, (p.start, p.end))

    def agreement(gi: int, p: PredCommitment) -> int:
        return 2 * same_words(kept[gi]["content"], p.content) + same_actor(kept[gi]["promiser"], p.promiser)

    pairs = _best_pairs(spans, predicted, inside, agreement)
    tally = Tally(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs))
    for gi, pi in pairs:
        g, p = kept[gi], predicted[pi]
        tally.attr("promiser", same_actor(g["promiser"], p.promiser))
        tally.attr("content", same_words(g["content"], p.content))
        tally.attr("status", p.status == g["status"])
        tally.attr("beneficiary", same_actor(g.get("beneficiary"), p.beneficiary))
        tally.attr("made_on", (p.made_on or None) == (g.get("made_on") or None))
    return tally


@dataclass
class PredForecast:
    start: int
    end: int
    author: str | None
    horizon_text: str | None = None
    resolves_by: str | None = None
    conditional: bool = False
    subjects: tuple[str, ...] = ()


def score_forecasts(text: str, gold: list[dict[str, Any]], predicted: list[PredForecast],
                    same_actor: ActorMatch) -> Tally:
    kept, spans, _ = _located(text, gold)

    def inside(span: tuple[int, int], p: PredForecast) -> bool:
        return overlaps(span, (p.start, p.end))

    def agreement(gi: int, p: PredForecast) -> int:
        return min(spans[gi][1], p.end) - max(spans[gi][0], p.start)

    pairs = _best_pairs(spans, predicted, inside, agreement)
    tally = Tally(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs))
    for gi, pi in pairs:
        g, p = kept[gi], predicted[pi]
        tally.attr("author", same_actor(g.get("author"), p.author))
        tally.attr("horizon", norm(p.horizon_text) == norm(g.get("horizon_text")))
        tally.attr("resolves_by", (p.resolves_by or None) == (g.get("resolves_by") or None))
        tally.attr("conditional", p.conditional == g["conditional"])
    return tally
