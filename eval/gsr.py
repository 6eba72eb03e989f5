"""Event coding on the two public gold-standard sets, detente beside a plain lexicon baseline.

    .venv/bin/python eval/gsr.py                   # the table
    .venv/bin/python eval/gsr.py --errors petr2    # per-sentence misses of detente (or: plover)

PETR2-GSR (78 sentences, CAMEO codes and CAMEO actor codes) and PLOVER-GSR (322 sentences, one
PLOVER event each) are read from ../shared/external and not copied here. Each set is split into a
tuning part (every fifth sentence, index % 5 == 0) and the held-out rest; both the held-out part
and the whole set are reported. "detente" is the default scope (events between two sides of
different states); "detente-internal" also keeps events inside one state and events whose other
side is not named (``internal_events=True``), which both sets code. The baseline is
eval/baseline_events.py: detente's own lexicon matched on word forms, actors the nearest state
names left and right of the trigger, no parse.

PETR2: an event is right when its CAMEO root (first two digits) equals that of a gold event of the
same sentence, one-to-one; "noevents" sentences only add false positives. Source and target
country accuracy is over matched pairs whose gold actor has a country; the strict F1 also asks
that both countries equal the gold ones (a gold actor without a country wants none).
PLOVER: each sentence has one gold event. "sentence acc" is the share of sentences with a
predicted event of the gold type, "cat P" the share of predicted events of the gold type, F1
counts at most one hit per sentence. The records use PLOVER 0.5b1 names; the four retired types
are read as the current manual's translation table says (DEMAND -> REQUEST, DISAPPROVE and
INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT), and 0.5b1 mode names as the manual's mode tables name
them. Mode accuracy compares the gold PLOVER mode with the one of the predicted CAMEO code, over
matched pairs whose gold has a mode. All predicted events count, whatever their mode.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import score
from baseline_events import baseline_events

from detente.api import extract_text
from detente.extract.events import plover_of
from detente.gazetteer import load_gazetteer

EXTERNAL = Path(__file__).resolve().parents[1].parent / "shared" / "external"
PETR2 = EXTERNAL / "petr2-gsr" / "petr2_gsr_validation.jsonl"
PLOVER = EXTERNAL / "plover-gsr" / "plover_gsr_cameo.jsonl"

# Country codes in the gold files that are not ISO 3166-1 alpha-3: the three non-ISO codes that
# ../shared/external/plover-gsr/README.md lists (Japan, Italy, Vietnam). Every country code seen in
# PETR2-GSR is already ISO3; IGO, NGO, IMG, ISM, "---" and other non-state prefixes have no country.
NON_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# PLOVER 0.5b1 event types no longer in the manual -> their type in its CAMEO-to-PLOVER table
RETIRED_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                 "FIGHT": "ASSAULT"}
# PLOVER 0.5b1 mode names -> the name of the same mode in the manual's mode tables ("visit":
# the actor visits, the recipient hosts)
OLD_MODES = {"strike-hun": "hunger", "strike-gen": "strike", "riot-spon": "riot",
             "demo-org": "demo", "demo-spon": "demo", "detain": "arrest", "confiscate": "seize",
             "host": "visit"}
Items = list[dict[str, Any]]
# "detente-internal": detente with internal_events, as these sets code them (events inside one state,
# events whose other side is not named); "detente" is the default scope, relations between states
SYSTEMS = ("detente", "detente-internal", "baseline")


class Tally(score.Tally):
    """The shared tally, with the attribute read-outs this report prints."""

    def acc(self, name: str) -> str:
        agree, total = self.attrs.get(name, [0, 0])
        return f"{agree / total:.2f} ({agree}/{total})" if total else "-"

    def value(self, name: str) -> float:
        agree, total = self.attrs.get(name, [0, 0])
        return agree / total if total else float("nan")


# ---------------------------------------------------------------- gold and predictions


def read(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def country(code: str | None, states: dict[str, Any]) -> str | None:
    """The ISO3 state of a CAMEO actor code (``GUYJUD`` -> GUY), None when it names none."""
    prefix = NON_ISO.get((code or "")[:3], (code or "")[:3])
    return prefix if prefix in states else None


def plain(text: str) -> str:
    """The PTB quotes of PETR2-GSR as plain ones (the same text for both systems)."""
    return text.replace("``", '"').replace("''", '"')


def predict(text: str, published: str | None, nlp: Any, gazetteer: Any) -> dict[str, Items]:
    """Both systems' events of a sentence: category, cameo, countries, PLOVER mode, trigger."""
    def coded(internal: bool) -> Items:
        result = extract_text(text, published=published, nlp=nlp, internal_events=internal)
        return [{"category": e.category, "cameo": e.cameo, "source": e.source, "target": e.target,
                 "source_country": e.source_country, "target_country": e.target_country,
                 "mode": e.mode, "trigger": (e.trigger or e.evidence).text} for e in result.events]

    found = {"detente": coded(False), "detente-internal": coded(True),
             "baseline": baseline_events(text, gazetteer)}
    for events in found.values():
        for e in events:
            coded = plover_of(e["cameo"]) if e["cameo"] else None
            e["plover_mode"] = coded[1] if coded else None
    return found


def run(nlp: Any) -> dict[str, Items]:
    """Gold items of both sets with both systems' predictions (``pred``) and their split."""
    gazetteer = load_gazetteer()
    states = gazetteer.states
    sets: dict[str, Items] = {"petr2": [], "plover": []}
    for i, row in enumerate(read(PETR2)):
        text = plain(row["text"])
        gold = [{"root": e["eventcode"][:2], "cameo": e["eventcode"],
                 "source_country": country(e["sourcecode"], states),
                 "target_country": country(e["targetcode"], states),
                 "codes": f"{e['sourcecode']}->{e['targetcode']}"} for e in row["events"]]
        sets["petr2"].append({"id": row["id"], "text": text, "tune": i % 5 == 0, "gold": gold,
                              "pred": predict(text, row.get("date"), nlp, gazetteer)})
    for i, row in enumerate(read(PLOVER)):
        gold = {"category": RETIRED_TYPES.get(row["event"], row["event"]),
                "mode": OLD_MODES.get(row["mode"], row["mode"]) if row["mode"] else None,
                "sources": {c for a in row["source"] if (c := country(a["code"], states))},
                "targets": {c for a in row["target"] if (c := country(a["code"], states))},
                "event_text": row["event_text"]}
        sets["plover"].append({"id": row["id"], "text": row["text"], "tune": i % 5 == 0,
                               "gold": gold, "pred": predict(row["text"], None, nlp, gazetteer)})
    return sets


# ---------------------------------------------------------------- scoring


def agreement(g: dict[str, Any], p: dict[str, Any]) -> int:
    """On how many of source and target country a gold and a predicted event agree."""
    return sum(g[side] == p[side] for side in ("source_country", "target_country"))


def match(gold: Items, pred: Items, same: Any) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) for which ``same`` holds; among several
    candidates the pair agreeing on more of source and target country is taken first."""
    candidates = sorted(((-agreement(g, p), gi, pi) for gi, g in enumerate(gold)
                         for pi, p in enumerate(pred) if same(g, p)))
    pairs, used_g, used_p = [], set(), set()
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return pairs


def root(p: dict[str, Any]) -> str | None:
    return p["cameo"][:2] if p["cameo"] else None


def score_petr2(items: Items, system: str) -> tuple[Tally, Tally]:
    loose, strict = Tally(), Tally()
    for item in items:
        gold, pred = item["gold"], item["pred"][system]
        pairs = match(gold, pred, lambda g, p: g["root"] == root(p))
        loose.tp += len(pairs)
        loose.fp += len(pred) - len(pairs)
        loose.fn += len(gold) - len(pairs)
        for gi, pi in pairs:
            for side in ("source_country", "target_country"):
                if gold[gi][side]:
                    loose.attr(side, gold[gi][side] == pred[pi][side])
        exact = match(gold, pred, lambda g, p: g["root"] == root(p) and agreement(g, p) == 2)
        strict.tp += len(exact)
        strict.fp += len(pred) - len(exact)
        strict.fn += len(gold) - len(exact)
    return loose, strict


def plover_pick(gold: dict[str, Any], pred: Items) -> dict[str, Any] | None:
    """The predicted event matched to the sentence's gold event: of its type, best on actors."""
    hits = [p for p in pred if p["category"] == gold["category"]]
    return max(hits, key=lambda p: (p["source_country"] in gold["sources"])
               + (p["target_country"] in gold["targets"]), default=None)


def score_plover(items: Items, system: str) -> tuple[Tally, int]:
    tally, of_gold_type = Tally(), 0
    for item in items:
        gold, pred = item["gold"], item["pred"][system]
        of_gold_type += sum(p["category"] == gold["category"] for p in pred)
        hit = plover_pick(gold, pred)
        tally.tp += hit is not None
        tally.fp += len(pred) - (hit is not None)
        tally.fn += hit is None
        if hit is None:
            continue
        if gold["mode"]:
            tally.attr("mode", hit["plover_mode"] == gold["mode"])
        if gold["sources"]:
            tally.attr("source_country", hit["source_country"] in gold["sources"])
        if gold["targets"]:
            tally.attr("target_country", hit["target_country"] in gold["targets"])
    return tally, of_gold_type


# ---------------------------------------------------------------- report


def parts(items: Items) -> list[tuple[str, Items]]:
    return [("held-out", [i for i in items if not i["tune"]]), ("all", items)]


def gsr_rows(nlp: Any, sets: dict[str, Items] | None = None) -> list[tuple[str, dict[str, float]]]:
    """(label, figures) per set, part and system, for eval/run.py or any other report."""
    sets = sets or run(nlp)
    rows: list[tuple[str, dict[str, float]]] = []
    for part, items in parts(sets["petr2"]):
        for system in SYSTEMS:
            loose, strict = score_petr2(items, system)
            rows.append((f"PETR2-GSR {part}: {system}", {
                "sentences": len(items), "gold": sum(len(i["gold"]) for i in items),
                "predicted": sum(len(i["pred"][system]) for i in items),
                "root_p": loose.precision, "root_r": loose.recall, "root_f1": loose.f1,
                "source_acc": loose.value("source_country"),
                "target_acc": loose.value("target_country"), "strict_f1": strict.f1}))
    for part, items in parts(sets["plover"]):
        for system in SYSTEMS:
            tally, of_gold_type = score_plover(items, system)
            predicted = sum(len(i["pred"][system]) for i in items)
            rows.append((f"PLOVER-GSR {part}: {system}", {
                "sentences": len(items), "gold": len(items), "predicted": predicted,
                "sentence_acc": tally.tp / len(items),
                "category_p": of_gold_type / predicted if predicted else 0.0,
                "category_f1": tally.f1, "mode_acc": tally.value("mode"),
                "source_acc": tally.value("source_country"),
                "target_acc": tally.value("target_country")}))
    return rows


def table(header: list[str], rows: list[list[str]]) -> None:
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for cells in rows:
        print("| " + " | ".join(cells) + " |")


def evaluate_gsr(nlp: Any, sets: dict[str, Items] | None = None) -> None:
    sets = sets or run(nlp)
    print("\nPETR2-GSR (CAMEO root, one-to-one per sentence; countries over matched pairs)\n")
    rows = []
    for part, items in parts(sets["petr2"]):
        for system in SYSTEMS:
            loose, strict = score_petr2(items, system)
            n_gold = sum(len(i["gold"]) for i in items)
            n_pred = sum(len(i["pred"][system]) for i in items)
            rows.append([part, system, str(len(items)), str(n_gold), str(n_pred),
                         f"{loose.precision:.2f}", f"{loose.recall:.2f}", f"{loose.f1:.3f}",
                         loose.acc("source_country"), loose.acc("target_country"),
                         f"{strict.f1:.3f}"])
    table(["part", "system", "sentences", "gold", "predicted", "P", "R", "F1", "source country",
           "target country", "root+source+target F1"], rows)
    print("\nPLOVER-GSR (one gold event per sentence; retired 0.5b1 types as their current type)\n")
    rows = []
    for part, items in parts(sets["plover"]):
        for system in SYSTEMS:
            tally, of_gold_type = score_plover(items, system)
            n_pred = sum(len(i["pred"][system]) for i in items)
            rows.append([part, system, str(len(items)), str(n_pred),
                         f"{tally.tp / len(items):.2f} ({tally.tp})",
                         f"{of_gold_type / n_pred if n_pred else 0.0:.2f}", f"{tally.f1:.3f}",
                         tally.acc("mode"), tally.acc("source_country"),
                         tally.acc("target_country")])
    table(["part", "system", "sentences", "predicted", "sentence acc", "cat P", "cat F1", "mode",
           "source country", "target country"], rows)


def describe(p: dict[str, Any]) -> str:
    def actor(side: str) -> str:
        actor_id, iso3 = p.get(side), p[f"{side}_country"]
        return f"{actor_id}({iso3})" if actor_id and actor_id != iso3 else str(iso3)

    actors = f"{actor('source')}->{actor('target')}"
    return f"{p['category']}/{p['cameo']} {actors} [{p['trigger']}] {p['mode']}"


def show_errors(sets: dict[str, Items], which: str, system: str = "detente") -> None:
    """Each sentence whose events were missed, extra or wrong in actors, gold beside predicted."""
    for item in sets[which]:
        pred = item["pred"][system]
        if which == "petr2":
            gold = item["gold"]
            pairs = match(gold, pred, lambda g, p: g["root"] == root(p))
            sides = ("source_country", "target_country")
            wrong = [(gi, pi) for gi, pi in pairs
                     if any(gold[gi][s] and gold[gi][s] != pred[pi][s] for s in sides)]
            if len(pairs) == len(gold) == len(pred) and not wrong:
                continue
            lines = [f"  gold   {g['cameo']} {g['codes']}" for g in gold] or ["  gold   (no event)"]
        else:
            gold = item["gold"]
            hit = plover_pick(gold, pred)
            wrong = hit is not None and any(
                gold[many] and hit[side] not in gold[many]
                for side, many in (("source_country", "sources"), ("target_country", "targets")))
            if hit is not None and len(pred) == 1 and not wrong:
                continue
            lines = [f"  gold   {gold['category']} mode {gold['mode']} {sorted(gold['sources'])}->"
                     f"{sorted(gold['targets'])} [{gold['event_text']}]"]
        print(f"--- {item['id']}{' (tuning)' if item['tune'] else ''}: {item['text']}")
        print("\n".join(lines))
        for p in pred:
            print(f"  got    {describe(p)}")
        if not pred:
            print("  got    (nothing)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", choices=["petr2", "plover"],
                        help="print per-sentence misses, extras and wrong actors (of detente)")
    parser.add_argument("--system", choices=SYSTEMS, default="detente",
                        help="whose misses --errors prints")
    args = parser.parse_args()
    from detente.nlp import load_nlp

    nlp = load_nlp()
    sets = run(nlp)
    if args.errors:
        show_errors(sets, args.errors, args.system)
    else:
        evaluate_gsr(nlp, sets)


if __name__ == "__main__":
    main()
