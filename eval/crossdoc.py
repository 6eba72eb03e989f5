"""Cross-document linking measured against hand annotation, beside an exact-string baseline.

    .venv/bin/python eval/crossdoc.py            # the example corpus and the seed pair
    .venv/bin/python eval/crossdoc.py --errors   # also list what was missed or wrongly linked, and status
                                                 # evidence missed or not in the gold (the latter unscored)
    .venv/bin/python eval/crossdoc.py --explain  # each gold report with the records found at its words

Gold: eval/gold-crossdoc/{examples,seeds}.json (written before tuning; format in the file's
"note" and eval/ANNOTATION.md). Each set is ingested into a fresh store, and the store's linked
records are compared with the annotation:

- links (promises, events, statements): every pair of reports of one gold item in two documents
  is a gold link; a predicted link is a pair of reports in one predicted record (its evidence
  and ``also_reported_in``). A report matches a gold report when their spans overlap. Precision
  counts only predicted links whose two reports both match some gold report, so that reports
  the annotation does not list (not linked by anyone) neither help nor hurt.
- promise status: the predicted promise holding the gold promise's first report, its status;
- forecast verdicts: the predicted forecast overlapping the gold text, its verdict and finality;
- disagreements: a gold one is found when one predicted disagreement has claims overlapping
  claims of two different documents of it; a predicted one matching no gold disagreement is
  false, reported per ten documents (target: at most one).

The baseline links records whose text is identical (promise content, quote text, event
trigger words), keeps each document's own promise status, judges no forecast, and reports a
date disagreement when two documents give one trigger between the same states different days.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from run import EXAMPLE_GAZETTEER, load_document

from detente.api import ingest
from detente.nlp import load_nlp
from detente.records import Disagreement, Evidence
from detente.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = Path(__file__).parent / "gold-crossdoc"
SETS = {"examples": ("examples", [EXAMPLE_GAZETTEER]), "seeds": ("seeds", [])}

Span = tuple[str, int, int]  # doc_id, start, end


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def f1_row(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)

    def row(self) -> str:
        return f"{self.right}/{self.total} = {self.right / self.total if self.total else 0:.3f}"


# ---------------------------------------------------------------- locating gold in the store


class GoldSet:
    def __init__(self, name: str) -> None:
        self.data = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
        self.docs = {key: load_document(key) for key in self.data["documents"]}

    def span(self, item: dict[str, Any]) -> Span:
        doc = self.docs[item["doc"]]
        at = doc.text.find(item["text"])
        if at < 0:
            raise SystemExit(f"eval: {item['doc']}: gold text not found: {item['text'][:60]!r}")
        return doc.doc_id, at, at + len(item["text"])

    def paths(self) -> list[str]:
        files = []
        for key in self.data["documents"]:
            path = key.split("#")[0].rsplit(":", 1)[0] if ("#" in key or key.rsplit(":", 1)[-1].isdigit()) else key
            base = SHARED if path.startswith("seeds/") else ROOT
            files.append(str(base / path))
        return sorted(set(files))


def touches(a: Span, b: Span) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def ev_span(e: Evidence) -> Span:
    return e.doc_id, e.start, e.end


# ---------------------------------------------------------------- links


def gold_links(items: list[dict[str, Any]], gold: GoldSet) -> tuple[list[tuple[Span, Span, str]], list[Span]]:
    pairs, reports = [], []
    for item in items:
        spans = [gold.span(r) for r in item["reports"]]
        reports.extend(spans)
        for a, b in itertools.combinations(spans, 2):
            if a[0] != b[0]:
                pairs.append((a, b, item["id"]))
    return pairs, reports


def score_links(gold_items: list[dict[str, Any]], predicted: list[list[Span]], gold: GoldSet,
                errors: list[str] | None = None, label: str = "") -> Score:
    pairs, reports = gold_links(gold_items, gold)
    score = Score()
    predicted_pairs = [(a, b) for group in predicted for a, b in itertools.combinations(group, 2) if a[0] != b[0]]
    for a, b, item_id in pairs:
        if any((touches(a, x) and touches(b, y)) or (touches(a, y) and touches(b, x)) for x, y in predicted_pairs):
            score.tp += 1
        else:
            score.fn += 1
            if errors is not None:
                errors.append(f"{label} missed link {item_id}: {_show(a, gold)} <-> {_show(b, gold)}")
    for x, y in predicted_pairs:
        if not (any(touches(x, r) for r in reports) and any(touches(y, r) for r in reports)):
            continue
        same = any((touches(a, x) and touches(b, y)) or (touches(a, y) and touches(b, x)) for a, b, _ in pairs)
        if not same:
            score.fp += 1
            if errors is not None:
                errors.append(f"{label} wrong link: {_show(x, gold)} <-> {_show(y, gold)}")
    return score


def _show(span: Span, gold: GoldSet) -> str:
    for doc in gold.docs.values():
        if doc.doc_id == span[0]:
            return repr(doc.text[span[1]:span[2]][:70])
    return repr(span)


def predicted_groups(records: Iterable[Any]) -> list[list[Span]]:
    return [[ev_span(_evidence_of(r))] + [ev_span(e) for e in r.also_reported_in] for r in records]


def _evidence_of(record: Any) -> Evidence:
    if hasattr(record, "evidence"):
        return record.evidence  # type: ignore[no-any-return]
    return Evidence(record.doc_id, record.start, record.end, record.text)


# ---------------------------------------------------------------- statuses, verdicts, disagreements


def score_statuses(gold_items: list[dict[str, Any]], promises: list[Any], gold: GoldSet,
                   errors: list[str] | None = None) -> tuple[Accuracy, Score]:
    """Status accuracy, and status evidence found (``errors``: each gold item missed, and each predicted item
    the gold does not list, which is not scored)."""
    accuracy, evidence = Accuracy(), Score()
    for item in gold_items:
        reports = [gold.span(r) for r in item["reports"]]
        match = best_match(promises, reports)
        got = match.status if match else "(not found)"
        accuracy.total += 1
        if got == item["status"]:
            accuracy.right += 1
        else:
            accuracy.wrong.append(f"status {item['id']}: gold {item['status']}, got {got}")
        predicted_evidence = [(ev_span(e), e.stance) for e in (match.status_evidence if match else ())]
        for g in item.get("evidence", []):
            span = gold.span(g)
            if any(touches(span, s) and stance == g["stance"] for s, stance in predicted_evidence):
                evidence.tp += 1
            else:
                evidence.fn += 1
                if errors is not None:
                    errors.append(f"missed evidence {item['id']} {g['stance']}: {_show(span, gold)}")
        if errors is not None:
            listed = [(gold.span(g), g["stance"]) for g in item.get("evidence", [])]
            errors.extend(f"unlisted evidence {item['id']} {stance}: {_show(s, gold)}"
                          for s, stance in predicted_evidence if not any(touches(s, g) and stance == gs for g, gs in listed))
    return accuracy, evidence


def best_match(promises: list[Any], reports: list[Span]) -> Any:
    """The predicted promise whose reports cover the most of the gold promise's reports."""
    best, best_hits = None, 0
    for p in promises:
        spans = predicted_groups([p])[0]
        hits = sum(1 for r in reports if any(touches(s, r) for s in spans))
        if hits > best_hits:
            best, best_hits = p, hits
    return best


def score_verdicts(gold_items: list[dict[str, Any]], forecasts: list[Any], gold: GoldSet) -> Accuracy:
    accuracy = Accuracy()
    for item in gold_items:
        span = gold.span(item)
        # a gold forecast whose branches the extraction keeps apart ("If …, X will …. Otherwise, Y will …") is
        # matched by the record covering most of its words
        match = max((f for f in forecasts if touches(span, ev_span(f.evidence))),
                    key=lambda f: min(span[2], f.evidence.end) - max(span[1], f.evidence.start), default=None)
        got = (match.verdict, match.verdict_final) if match else ("(not found)", None)
        accuracy.total += 1
        if got == (item["verdict"], item["final"]):
            accuracy.right += 1
        else:
            accuracy.wrong.append(f"verdict {item['id']}: gold {item['verdict']}/{item['final']}, got {got[0]}/{got[1]}"
                                  f" {item['text'][:60]!r}")
    return accuracy


def disagreement_matches(d: Disagreement, item: dict[str, Any], gold: GoldSet) -> bool:
    claims = [gold.span(c) for c in item["claims"]]
    docs = {c[0] for c in claims for p in d.claims if touches(c, ev_span(p.evidence))}
    return len(docs) >= 2


def score_disagreements(gold_items: list[dict[str, Any]], non_items: list[dict[str, Any]],
                        predicted: list[Disagreement], gold: GoldSet) -> tuple[Score, int, list[str]]:
    score, notes = Score(), []
    hard = [g for g in gold_items if g["kind"] == "hard"]
    for item in hard:
        if any(disagreement_matches(d, item, gold) for d in predicted):
            score.tp += 1
        else:
            score.fn += 1
            notes.append(f"missed disagreement {item['id']}: {item['topic']}")
    false = 0
    for d in predicted:
        if not any(disagreement_matches(d, g, gold) for g in gold_items):
            false += 1
            flagged = [n["id"] for n in non_items if disagreement_matches(d, n, gold)]
            notes.append(f"false disagreement{' (' + ', '.join(flagged) + ')' if flagged else ''}: {d.topic[:90]}")
    score.fp = false
    return score, false, notes


# ---------------------------------------------------------------- the baseline


def baseline_groups(records: list[Any], text_of: Any) -> list[list[Span]]:
    by_text: dict[str, list[Any]] = defaultdict(list)
    for r in records:
        key = text_of(r)
        if key:
            by_text[key.strip().lower()].append(r)
    return [[ev_span(_evidence_of(r)) for r in group] for group in by_text.values()]


def baseline_disagreements(events: list[Any]) -> list[Disagreement]:
    from detente.records import Claim

    by_key: dict[tuple[str, ...], list[Any]] = defaultdict(list)
    for e in events:
        if e.trigger and e.date and len(e.date) == 10:
            pair = tuple(sorted((e.source_country or "", e.target_country or "")))
            by_key[(e.trigger.text.lower(), *pair)].append(e)
    found = []
    for key, group in by_key.items():
        if len({e.date for e in group}) > 1 and len({e.doc_id for e in group}) > 1:
            found.append(Disagreement(topic=f"date of {key[0]}", claims=tuple(
                Claim(e.doc_id, e.date, e.evidence) for e in group)))
    return found


# ---------------------------------------------------------------- the run


def explain(gold: GoldSet, store: Store) -> None:
    """Each gold report of an event, statement or promise with the records found at its words."""
    found = {"events": list(store.records("events")), "statements": list(store.records("quotes")),
             "promises": list(store.records("commitments"))}
    for section, records in found.items():
        for item in gold.data[section]:
            print(f"    {section} {item['id']}: {item.get('category', '')} {item.get('a', '')}-{item.get('b', '')} "
                  f"{item.get('date', item.get('speaker', ''))}")
            for report in item["reports"]:
                span = gold.span(report)
                here = [r for r in records if touches(span, ev_span(_evidence_of(r)))]
                print(f"      [{report['doc'].rsplit('/', 1)[-1][:22]}] {report['text'][:70]!r}")
                for r in here:
                    print(f"          -> {_describe(r)}")


def _describe(record: Any) -> str:
    also = len(record.also_reported_in)
    if hasattr(record, "category"):
        trigger = record.trigger.text if record.trigger else ""
        return (f"{record.category} {record.source_country}>{record.target_country} {record.date} {record.mode} "
                f"{trigger!r} also {also}")
    if hasattr(record, "speaker"):
        return f"quote {record.speaker} {record.kind} {record.text[:60]!r} also {also}"
    return f"promise {record.promiser} {record.content[:60]!r} {record.status} also {also}"


def evaluate(name: str, nlp: Any, show_errors: bool, show_explain: bool = False) -> dict[str, Any]:
    gold = GoldSet(name)
    _, gazetteer = SETS[name]
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "x.db")
        report = ingest(gold.paths(), store, nlp=nlp, gazetteer=gazetteer)
        stored = {d.doc_id for d in store.documents()}
        missing = [k for k, d in gold.docs.items() if d.doc_id not in stored]
        if missing:
            raise SystemExit(f"eval: {name}: documents not stored: {missing} ({report.errors})")
        if show_explain:
            explain(gold, store)
        return measure(name, gold, store, show_errors)


def measure(name: str, gold: GoldSet, store: Store, show_errors: bool) -> dict[str, Any]:
    data = gold.data
    errors: list[str] = []
    promises = list(store.records("commitments"))
    events = list(store.records("events"))
    quotes = list(store.records("quotes"))
    forecasts = list(store.records("forecasts"))
    disagreements = [d for d in store.records("disagreements") if isinstance(d, Disagreement)]
    raw_promises = list(store.raw_records("commitments"))
    raw_events = list(store.raw_records("events"))
    raw_quotes = list(store.raw_records("quotes"))
    rows: dict[str, Any] = {}
    rows["promise links"] = (
        score_links(data["promises"], predicted_groups(promises), gold, errors, "promise"),
        score_links(data["promises"], baseline_groups(raw_promises, lambda c: c.content), gold))
    rows["event links"] = (
        score_links(data["events"], predicted_groups(events), gold, errors, "event"),
        score_links(data["events"], baseline_groups(raw_events, lambda e: e.trigger.text if e.trigger else None), gold))
    rows["statement links"] = (
        score_links(data["statements"], predicted_groups(quotes), gold, errors, "statement"),
        score_links(data["statements"], baseline_groups(raw_quotes, lambda q: q.text), gold))
    evidence_errors: list[str] = []
    status, status_evidence = score_statuses(data["promises"], promises, gold, evidence_errors)
    baseline_status, _ = score_statuses(data["promises"], raw_promises, gold)
    verdicts = score_verdicts(data["forecasts"], forecasts, gold)
    baseline_verdicts = score_verdicts(data["forecasts"], list(store.raw_records("forecasts")), gold)
    found, false, notes = score_disagreements(data["disagreements"], data["non_disagreements"], disagreements, gold)
    base_found, base_false, _ = score_disagreements(data["disagreements"], data["non_disagreements"],
                                                    baseline_disagreements(raw_events), gold)
    n_docs = len(gold.docs)
    print(f"\n== {name} ({n_docs} documents)")
    for label, (ours, base) in rows.items():
        print(f"  {label:<17} detente  {ours.f1_row()}")
        print(f"  {'':<17} baseline {base.f1_row()}")
    print(f"  promise status    detente  {status.row()}   baseline {baseline_status.row()}")
    print(f"  status evidence   detente  recall {status_evidence.tp}/{status_evidence.tp + status_evidence.fn}")
    print(f"  forecast verdicts detente  {verdicts.row()}   baseline {baseline_verdicts.row()}")
    print(f"  hard disagreements found   detente {found.tp}/{found.tp + found.fn}   baseline {base_found.tp}/{base_found.tp + base_found.fn}")
    print(f"  false disagreements per 10 documents   detente {10 * false / n_docs:.2f}   baseline {10 * base_false / n_docs:.2f}")
    if show_errors:
        for line in errors + status.wrong + evidence_errors + verdicts.wrong + notes:
            print("    " + line)
    return {"links": rows, "status": status, "verdicts": verdicts, "found": found, "false": false}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list misses and wrong links")
    parser.add_argument("--explain", action="store_true",
                        help="list each gold report of an event, statement or promise with the records found there")
    parser.add_argument("--only", choices=sorted(SETS), help="one set only")
    parser.add_argument("--embeddings", action="store_true",
                        help="link with sentence embeddings (extra 'embeddings') instead of shared words")
    args = parser.parse_args()
    if args.embeddings:
        import os

        from detente.link import semantic

        os.environ[semantic.ENV] = "1"
    nlp = load_nlp()
    for name in SETS:
        if args.only and name != args.only:
            continue
        evaluate(name, nlp, args.errors, args.explain)


if __name__ == "__main__":
    main()
