"""Where sources report the same fact differently.

Each kind of fact is a linking unit (a "block") whose claims come from the documents' cues:
- the date of a dated occasion at a place ("the summit in Ishtal on 16 October"): different days
  within a week of each other are one occasion dated differently (further apart, two occasions);
  soft when a claim's sentence names several occasions, so its date may belong to another;
- a count of people killed or wounded, per victims' state and month;
- whether a promise was kept, when later reports say both (a document that tells both claims what most
  of its sentences tell, none when they are evenly split);
- whether a measured quantity (trade through a crossing, gas exports between two states) rose or fell,
  per quantity, places and period (``trends``);
- which side of a line a unit was on (its own, or across), per kind of unit, pair of states and two-month
  period (``sides``); claims are per document and per the side the sentence says makes them, so a report
  giving both sides' accounts claims each;
- a person's title, per person and two-month period, when documents give offices one person cannot hold
  at once (``titles``); a document that itself gives two such offices claims none.
Claims at different precisions ("December 2024" and "25 December 2024") never disagree, and a
document that itself gives several dates or counts (reporting both sides) makes no claim.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ..records import Claim, Commitment, Disagreement, Evidence
from .corpus import Corpus, days_between
from .cues import tells_progress
from .titles import PERIOD_MONTHS, conflicting

SAME_OCCASION_DAYS = 7


def disagreement_id(block: str) -> str:
    return hashlib.sha256(block.encode("utf-8")).hexdigest()[:16]


def _claims_by_doc(cues: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for cue in cues:
        by_doc[cue["doc_id"]].append(cue)
    return by_doc


def _one_value_per_doc(cues: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each document's claim, leaving out documents that give several values themselves."""
    chosen = {}
    for doc_id, claims in _claims_by_doc(cues).items():
        if len({str(c["value"]) for c in claims}) == 1:
            chosen[doc_id] = claims[0]
    return chosen


def _claim(cue: dict[str, Any]) -> Claim:
    return Claim(doc_id=cue["doc_id"], value=str(cue["value"]),
                 evidence=Evidence(cue["doc_id"], cue["start"], cue["end"], cue["text"]))


def occasions(cues: Iterable[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Claims about one kind of occasion at one place, split into occasions: a claim more than
    ``SAME_OCCASION_DAYS`` from every other claim's date is about another occasion (a summit there
    a year later). Each occasion's claims in date order."""
    found: list[list[dict[str, Any]]] = []
    for cue in sorted(cues, key=lambda c: (c["value"], c["doc_id"], c["start"])):
        apart = days_between(found[-1][-1]["value"], cue["value"]) if found else None
        if apart is not None and apart <= SAME_OCCASION_DAYS:
            found[-1].append(cue)
        else:
            found.append([cue])
    return found


def occasion_disagreement(block: str, cues: list[dict[str, Any]], corpus: Corpus) -> Disagreement | None:
    claims = _one_value_per_doc(c for c in cues if c.get("value") and len(c["value"]) == 10)
    values = sorted({c["value"] for c in claims.values()})
    if len(values) < 2 or (days_between(values[0], values[-1]) or 0) > SAME_OCCASION_DAYS:
        return None
    first = min(claims.values(), key=lambda c: corpus.order(c["doc_id"]))
    soft = any(c.get("ambiguous") for c in claims.values())
    return Disagreement(
        topic=f"date of the {first['occasion']} in {first['place_text']}",
        claims=tuple(_claim(c) for c in sorted(claims.values(), key=lambda c: corpus.order(c["doc_id"]))),
        disagreement_id=disagreement_id(block), kind="soft" if soft else "hard", attribute="date",
    )


def count_disagreement(block: str, cues: list[dict[str, Any]], corpus: Corpus) -> Disagreement | None:
    claims = _one_value_per_doc(cues)
    if len({c["value"] for c in claims.values()}) < 2:
        return None
    first = min(claims.values(), key=lambda c: corpus.order(c["doc_id"]))
    month = block.rsplit("|", 1)[-1]
    return Disagreement(
        topic=f"number of {first['whose_text']} {first['outcome']} ({month})",
        claims=tuple(_claim(c) for c in sorted(claims.values(), key=lambda c: corpus.order(c["doc_id"]))),
        disagreement_id=disagreement_id(block), kind="hard", attribute="count",
    )


def trend_disagreement(block: str, cues: list[dict[str, Any]], corpus: Corpus) -> Disagreement | None:
    claims = _one_value_per_doc(cues)
    if len({c["value"] for c in claims.values()}) < 2:
        return None
    ordered = sorted(claims.values(), key=lambda c: corpus.order(c["doc_id"]))
    first = ordered[0]
    return Disagreement(
        topic=f"whether {first['quantity']} {first['where_text']} rose or fell ({first['period']})",
        claims=tuple(Claim(c["doc_id"], f"{c['value']}: {c['value_text']}", _claim(c).evidence) for c in ordered),
        disagreement_id=disagreement_id(block), kind="hard", attribute="trend",
    )


def side_disagreement(block: str, cues: list[dict[str, Any]], corpus: Corpus) -> Disagreement | None:
    """Claims that a unit stayed on its own side and that it crossed, from at least two documents: one
    claim per document and claimant that gives one value (the first sentence saying it); a document's
    unattributed claim repeating what it attributes to a claimant is that claimant's."""
    by_source: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for cue in cues:
        by_source[(cue["doc_id"], cue.get("source", ""))].append(cue)
    chosen = [min(claims, key=lambda c: c["start"]) for claims in by_source.values()
              if len({c["value"] for c in claims}) == 1]
    said_by_name = {(c["doc_id"], c["value"]) for c in chosen if c.get("source")}
    chosen = [c for c in chosen if c.get("source") or (c["doc_id"], c["value"]) not in said_by_name]
    if len({c["value"] for c in chosen}) < 2 or len({c["doc_id"] for c in chosen}) < 2:
        return None
    ordered = sorted(chosen, key=lambda c: (corpus.order(c["doc_id"]), c["start"]))
    first = ordered[0]
    pair, period = "–".join(first["pair"]), _period_text(first["period"])
    return Disagreement(
        topic=f"which side of the line the {first['unit']} was on ({pair}, {period})",
        claims=tuple(Claim(c["doc_id"], f"{c['value']}: {c['value_text']}", _claim(c).evidence) for c in ordered),
        disagreement_id=disagreement_id(block), kind="hard", attribute="place",
    )


def promise_disagreement(block: str, promise: Commitment, corpus: Corpus, promiser_name: str) -> Disagreement | None:
    """Reports that a promise was kept and that it was not, from different documents."""
    if promise.status != "disputed":
        return None
    claims: dict[str, Claim] = {}
    stances_by_doc: dict[str, list[str]] = defaultdict(list)
    # progress ("the line is on schedule") claims neither
    told = [e for e in promise.status_evidence if e.stance != "supports" or not tells_progress(e.text)]
    for e in told:
        stances_by_doc[e.doc_id].append(e.stance)
    for e in told:
        if e.doc_id in claims or _doc_stance(stances_by_doc[e.doc_id]) != e.stance:
            continue
        value = "kept" if e.stance == "supports" else "not kept"
        claims[e.doc_id] = Claim(e.doc_id, value, Evidence(e.doc_id, e.start, e.end, e.text))
    if len({c.value for c in claims.values()}) < 2:
        return None
    return Disagreement(
        topic=f"whether {promiser_name} kept the promise: {promise.content}",
        claims=tuple(sorted(claims.values(), key=lambda c: corpus.order(c.doc_id))),
        disagreement_id=disagreement_id(block), kind="hard", attribute="status",
    )


def _doc_stance(stances: list[str]) -> str | None:
    """What a document says of a promise: the stance most of its sentences take ("they say the lorries were
    returned", then three sentences that they were not, is "not kept"); none when evenly split."""
    supports, contradicts = stances.count("supports"), stances.count("contradicts")
    if supports == contradicts:
        return None
    return "supports" if supports > contradicts else "contradicts"


def role_disagreement(block: str, cues: list[dict[str, Any]], corpus: Corpus) -> Disagreement | None:
    """Documents giving one person (in one period) offices that cannot be held at once: one claim per
    such document, its title as worded."""
    by_doc = _claims_by_doc(cues)
    offices = {doc_id: {o for c in claims for o in c["offices"]} for doc_id, claims in by_doc.items()}
    usable = {doc_id: held for doc_id, held in offices.items() if not _conflict(held, held)}
    against: dict[str, set[str]] = defaultdict(set)
    for a in usable:
        for b in usable:
            if a != b:
                against[a].update(x for x in usable[a] if _conflict({x}, usable[b]))
    chosen = {}
    for doc_id, held in against.items():
        mine = [c for c in by_doc[doc_id] if held & set(c["offices"])]
        if mine:
            chosen[doc_id] = min(mine, key=lambda c: (-len(c["value"]), c["start"]))
    if not chosen:
        return None
    first = min(chosen.values(), key=lambda c: corpus.order(c["doc_id"]))
    period = block.rsplit("|", 1)[-1]
    return Disagreement(
        topic=f"title of {first['name']} ({_period_text(period)})",
        claims=tuple(_title_claim(c) for c in sorted(chosen.values(), key=lambda c: corpus.order(c["doc_id"]))),
        disagreement_id=disagreement_id(block), kind="hard", attribute="role",
    )


def _title_claim(cue: dict[str, Any]) -> Claim:
    start, end = cue["evidence"]
    return Claim(doc_id=cue["doc_id"], value=cue["value"], evidence=Evidence(cue["doc_id"], start, end, cue["text"]))


def _conflict(a: set[str], b: set[str]) -> bool:
    return any(conflicting(x, y) for x in a for y in b)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _period_text(period: str) -> str:
    """"2025-09" -> "September–October 2025"."""
    year, month = int(period[:4]), int(period[5:7])
    last = min(month + PERIOD_MONTHS - 1, 12)
    return f"{_MONTHS[month - 1]}–{_MONTHS[last - 1]} {year}"
