"""detente's extraction measured against hand annotation and public sets, beside baselines.

    .venv/bin/python eval/run.py            # seeds, example corpus, TempEval-3, PolNeAR
    .venv/bin/python eval/run.py --quick    # seeds and example corpus only
    .venv/bin/python eval/run.py --events   # events, commitments and forecasts only
    .venv/bin/python eval/gsr.py            # PETR2-GSR and PLOVER-GSR event coding only

Gold: eval/gold/*.json (see eval/ANNOTATION.md), annotated before tuning. Baselines a user might
pick instead: spaCy NER alone (actors), textacy's direct-quotation extractor (quotes),
dateparser.search_dates (dates). Public sets are split into a part used while tuning (every
fifth document) and the rest, reported as held out.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from score import (
    PredActor,
    PredCommitment,
    PredEvent,
    PredForecast,
    PredQuote,
    PredTimex,
    Tally,
    locate,
    norm,
    score_actors,
    score_commitments,
    score_events,
    score_forecasts,
    score_quotes,
    score_timexes,
)

from detente.extract import extract
from detente.gazetteer import load_gazetteer
from detente.ingest import make_doc_id, normalize_text, read_inputs, to_document
from detente.nlp import load_nlp
from detente.records import Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = Path(__file__).parent / "gold"
GOLD_EVENTS = Path(__file__).parent / "gold-events"
EXAMPLE_GAZETTEER = str(ROOT / "examples" / "gazetteer.json")
NER_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group", "LOC": "place", "FAC": "place"}


# ---------------------------------------------------------------- documents


def load_document(key: str) -> Document:
    """The stored document a gold file's ``doc`` names."""
    selector = None
    path_part = key
    if re.search(r":\d+$", key):
        path_part, selector = key.rsplit(":", 1)[0], ":" + key.rsplit(":", 1)[1]
    elif "#" in key:
        path_part, selector = key.split("#")[0], "#" + key.split("#")[1]
    base = SHARED if path_part.startswith("seeds/") else ROOT
    items = [i for i in read_inputs([str(base / path_part)]) if not isinstance(i, Exception)]
    if selector:
        items = [i for i in items if i.origin.endswith(selector)]
    if len(items) != 1:
        raise SystemExit(f"eval: {key}: expected one article, found {len(items)}")
    return to_document(items[0])


def gold_files() -> list[dict[str, Any]]:
    """Each document's gold, with its events, commitments and forecasts (eval/gold-events) merged in."""
    merged = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        second = GOLD_EVENTS / path.name
        if second.exists():
            layer = json.loads(second.read_text(encoding="utf-8"))
            gold.update({k: layer[k] for k in ("events", "commitments", "forecasts")})
        merged.append(gold)
    return merged


# ---------------------------------------------------------------- systems


def gazetteer_for(example: bool) -> Any:
    return load_gazetteer((EXAMPLE_GAZETTEER,) if example else ())


def detente_predictions(doc: Document, sdoc: Any, example: bool) -> tuple[Any, dict[str, Any]]:
    result = extract(doc, sdoc, gazetteer_for(example))
    names = {a.actor_id: a for a in result.actors}
    return result, names


def speaker_matcher(gold_actors: list[dict[str, Any]], names: dict[str, Any]):
    by_name = {norm(a["name"]): a for a in gold_actors}

    def same(gold_speaker: str | None, predicted: str | None) -> bool:
        if not gold_speaker or not predicted:
            return not gold_speaker and not predicted
        gold_actor = by_name.get(norm(gold_speaker))
        actor = names.get(predicted)
        if actor is None:  # a baseline's speaker is a text span
            forms = {norm(predicted)}
        else:
            forms = {norm(actor.name), *(norm(a) for a in actor.aliases)}
            if gold_actor and gold_actor["kind"] == "state" and actor.actor_id == gold_actor.get("country"):
                return True
        gold_forms = {norm(gold_speaker)}
        if gold_actor:
            gold_forms |= {norm(a) for a in gold_actor.get("aliases", [])}
        if forms & gold_forms:
            return True
        surname = norm(gold_speaker).split()[-1:]
        return any(f.split()[-1:] == surname for f in forms if f)

    return same


def actor_matcher(gold_actors: list[dict[str, Any]], names: dict[str, Any]):
    """Speaker matching, plus a bare ISO3 code (a baseline's actor) for a gold state."""
    by_name = {norm(a["name"]): a for a in gold_actors}
    speaker_same = speaker_matcher(gold_actors, names)

    def same(gold_actor: str | None, predicted: str | None) -> bool:
        entry = by_name.get(norm(gold_actor))
        if entry and entry["kind"] == "state" and predicted == entry.get("country"):
            return True
        return speaker_same(gold_actor, predicted)

    def country_of(gold_actor: str | None) -> str | None:
        entry = by_name.get(norm(gold_actor))
        return entry.get("country") if entry else None

    return same, country_of


def ner_baseline_actors(sdoc: Any) -> list[PredActor]:
    seen: dict[str, PredActor] = {}
    for ent in sdoc.ents:
        kind = NER_KINDS.get(ent.label_)
        if kind and norm(ent.text) not in seen:
            seen[norm(ent.text)] = PredActor(name=ent.text, kind=kind, country=None)
    return list(seen.values())


def textacy_quotes(sdoc: Any) -> list[PredQuote]:
    from textacy.extract.triples import direct_quotations

    quotes = []
    try:
        triples = list(direct_quotations(sdoc))
    except (ValueError, IndexError, AttributeError):
        return []
    for triple in triples:
        content = triple.content
        start, end = content.start_char, content.end_char
        text = sdoc.text
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".?!":
            end -= 1
        speaker = " ".join(t.text for t in triple.speaker) if triple.speaker else None
        cue = " ".join(t.text for t in triple.cue) if triple.cue else None
        quotes.append(PredQuote(start, end, "direct", speaker, cue))
    return quotes


def dateparser_timexes(text: str, published: str | None) -> list[PredTimex]:
    from dateparser.search import search_dates

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(published[:10] if len(published) >= 10 else published[:7] + "-15" if len(published) == 7 else published + "-07-01")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["en"], settings=settings) or []
    out, cursor = [], 0
    for surface, moment in found:
        span = locate(text, surface, cursor)
        if span is None:
            continue
        cursor = span[0]
        if re.fullmatch(r"\d{4}", surface.strip()):
            value = f"{moment.year:04d}"
        elif re.fullmatch(r"[A-Za-z]+\.?,?\s+\d{4}", surface.strip()):
            value = f"{moment.year:04d}-{moment.month:02d}"
        else:
            value = moment.date().isoformat()
        out.append(PredTimex(span[0], span[1], value))
    return out


def detente_events(result: Any) -> list[PredEvent]:
    return [
        PredEvent(e.trigger.start if e.trigger else e.evidence.start, e.trigger.end if e.trigger else e.evidence.end,
                  e.category, e.cameo, e.source, e.target, e.source_country, e.target_country, e.date, e.mode)
        for e in result.events
    ]


def detente_commitments(result: Any) -> list[PredCommitment]:
    return [PredCommitment(c.evidence.start, c.evidence.end, c.promiser, c.content, c.status, c.beneficiary,
                           c.made_on, c.promiser_person) for c in result.commitments]


def detente_forecasts(result: Any) -> list[PredForecast]:
    return [PredForecast(f.evidence.start, f.evidence.end, f.author, f.horizon_text, f.resolves_by, f.conditional,
                         f.subjects) for f in result.forecasts]


def lexicon_events(text: str, gazetteer: Any) -> list[PredEvent]:
    from baseline_events import baseline_events

    found, cursor = [], {}
    for e in baseline_events(text, gazetteer):
        # the baseline reports its sentence and trigger word; score it on the trigger, like detente
        at = text.find(e["trigger"], cursor.get(e["start"], e["start"]), e["end"])
        start, end = (at, at + len(e["trigger"])) if at != -1 else (e["start"], e["end"])
        cursor[e["start"]] = end
        found.append(PredEvent(start, end, e["category"], e["cameo"], e["source_country"], e["target_country"],
                               e["source_country"], e["target_country"], None, e["mode"]))
    return found


SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
PROMISE_WORDS = re.compile(r"\b(promis\w*|pledg\w*|vow\w*|guarantee\w*|commit\w*|agreed to|undert\w+)\b", re.I)
FORECAST_WORDS = re.compile(r"\b(will|likely|expect\w*|predict\w*|forecast\w*)\b", re.I)


def keyword_commitments(text: str) -> list[PredCommitment]:
    """Baseline: every sentence with a promise word is a commitment whose content follows the word."""
    found = []
    for sentence in SENTENCE.finditer(text):
        hit = PROMISE_WORDS.search(sentence.group())
        if hit:
            found.append(PredCommitment(sentence.start(), sentence.end(), None, sentence.group()[hit.end():]))
    return found


def keyword_forecasts(text: str) -> list[PredForecast]:
    """Baseline: every sentence with "will", "likely", "expect" or "predict" is a forecast."""
    return [PredForecast(s.start(), s.end(), None) for s in SENTENCE.finditer(text) if FORECAST_WORDS.search(s.group())]


# ---------------------------------------------------------------- reports


def row(label: str, tally: Tally, attrs: tuple[str, ...] = ()) -> str:
    extra = "  ".join(
        f"{a} {acc:.2f}" if (acc := tally.accuracy(a)) is not None else f"{a} –" for a in attrs
    )
    return f"  {label:<40} P {tally.precision:.2f}  R {tally.recall:.2f}  F1 {tally.f1:.3f}  (tp {tally.tp}, fp {tally.fp}, fn {tally.fn})  {extra}"


def show_errors(key: str, text: str, gold: dict[str, Any], result: Any, what: str) -> None:
    """Print what was missed and what was wrong for one document (``--errors``)."""
    from score import gold_actor_matches, locate_all, overlaps

    if what == "actors":
        preds = [PredActor(a.name, a.kind, a.country, a.aliases, a.actor_id if a.kind == "state" else None) for a in result.actors]
        for g in gold["actors"]:
            if not any(gold_actor_matches(g, p) for p in preds):
                print(f"  missed  {g['kind']:<12} {g['name']} {g.get('aliases', [])[:4]}")
        for p in preds:
            if not any(gold_actor_matches(g, p) for g in gold["actors"]):
                print(f"  extra   {p.kind:<12} {p.name} {list(p.aliases)[:4]}")
    elif what == "quotes":
        spans = locate_all(text, [q["text"] for q in gold["quotes"]])
        for q, span in zip(gold["quotes"], spans):
            if span and not any(overlaps(span, (p.start, p.end)) for p in result.quotes):
                print(f"  missed  {q['kind']:<8} {q.get('speaker')}: {q['text'][:100]!r}")
        for p in result.quotes:
            if not any(s and overlaps(s, (p.start, p.end)) for s in spans):
                print(f"  extra   {p.kind:<8} {p.speaker}: {p.text[:100]!r}")
        for q, span in zip(gold["quotes"], spans):
            for p in result.quotes:
                if span and overlaps(span, (p.start, p.end)) and p.kind == q["kind"]:
                    names = {a.actor_id: a.name for a in result.actors}
                    got = names.get(p.speaker, p.speaker)
                    if norm(got or "") != norm(q.get("speaker") or "") and (norm(got or "").split()[-1:] != norm(q.get("speaker") or "").split()[-1:]):
                        print(f"  speaker {q['kind']:<8} gold {q.get('speaker')}, got {got} [{p.cue}]: {q['text'][:60]!r}")
    else:
        spans = locate_all(text, [t["text"] for t in gold["timexes"]])
        for t, span in zip(gold["timexes"], spans):
            hit = [p for p in result.timexes if span and overlaps(span, (p.start, p.end))]
            if not hit:
                print(f"  missed  {t['text']!r} = {t.get('value')}")
            elif hit[0].value != t.get("value"):
                print(f"  value   {t['text']!r} = {t.get('value')}, got {hit[0].value} ({hit[0].anchor})")
        for p in result.timexes:
            if not any(s and overlaps(s, (p.start, p.end)) for s in spans):
                print(f"  extra   {p.text!r} = {p.value}")


def score_second_layer(doc: Document, gold: dict[str, Any], result: Any, names: dict[str, Any],
                       tallies: dict[str, Tally], example: bool, errors: str | None) -> None:
    """Events, commitments and forecasts of one document, detente beside the lexicon baselines."""
    same, country_of = actor_matcher(gold["actors"], names)
    systems = [("detente", detente_events(result)), ("verb lexicon", lexicon_events(doc.text, gazetteer_for(example)))]
    for system, events in systems:
        found, coded = score_events(doc.text, gold["events"], events, same, country_of)
        tallies[f"events (found): {system}"].add(found)
        tallies[f"events (category right): {system}"].add(coded)
    tallies["commitments: detente"].add(score_commitments(doc.text, gold["commitments"], detente_commitments(result), same))
    tallies["commitments: keywords"].add(score_commitments(doc.text, gold["commitments"], keyword_commitments(doc.text), same))
    tallies["forecasts: detente"].add(score_forecasts(doc.text, gold["forecasts"], detente_forecasts(result), same))
    tallies["forecasts: keywords"].add(score_forecasts(doc.text, gold["forecasts"], keyword_forecasts(doc.text), same))
    if errors in ("events", "commitments", "forecasts"):
        show_layer_errors(doc.text, gold, result, names, errors, same)


# per record type: the fields --errors prints, and which of them name actors
LAYER_FIELDS = {
    "events": (("category", "cameo", "source", "target", "mode", "date"), {"source", "target"}),
    "commitments": (("promiser", "promiser_person", "beneficiary", "status", "content", "made_on"),
                    {"promiser", "promiser_person", "beneficiary"}),
    "forecasts": (("author", "horizon_text", "resolves_by", "conditional", "text"), {"author"}),
}


def show_layer_errors(text: str, gold: dict[str, Any], result: Any, names: dict[str, Any], what: str, same: Any) -> None:
    """Misses, extras and disagreeing fields of events, commitments or forecasts for one document.
    An event sits where its trigger is; a commitment or forecast where its evidence overlaps."""
    from score import locate_all, overlaps, same_words

    fields, actor_fields = LAYER_FIELDS[what]
    preds = getattr(result, what)
    where = [((p.trigger or p.evidence).start, (p.trigger or p.evidence).end) if what == "events"
             else (p.evidence.start, p.evidence.end) for p in preds]

    def hit(span: tuple[int, int], w: tuple[int, int]) -> bool:
        return span[0] <= w[0] < span[1] if what == "events" else overlaps(span, w)

    def shown(value: Any, field: str) -> str:
        if field in actor_fields and value in names:
            value = names[value].name
        return repr(value[:70]) if field in ("content", "text") and value else str(value)

    def describe(record: Any) -> str:
        return " ".join(f"{f}={shown(getattr(record, f), f)}" for f in fields)

    def describe_gold(g: dict[str, Any]) -> str:
        return " ".join(f"{f}={shown(g.get(f), f)}" for f in fields)

    def agrees(g: dict[str, Any], record: Any) -> bool:
        def one(f: str) -> bool:
            if f in actor_fields:
                return bool(same(g.get(f), getattr(record, f)))
            if f in ("content", "text"):
                return same_words(g.get(f), getattr(record, f))
            return norm(str(g.get(f))) == norm(str(getattr(record, f)))

        return all(one(f) for f in fields)

    matched: set[int] = set()
    for g, span in zip(gold[what], locate_all(text, [g["text"] for g in gold[what]])):
        got = [i for i, w in enumerate(where) if span and hit(span, w)]
        matched.update(got)
        if not got:
            print(f"  missed  {describe_gold(g)}  | {g['text'][:90]!r}")
        elif not agrees(g, preds[got[0]]):
            print(f"  differ  gold {describe_gold(g)}\n          got  {describe(preds[got[0]])}")
    for i, p in enumerate(preds):
        if i not in matched:
            words = (p.trigger.text + " @ " if what == "events" and p.trigger else "") + p.evidence.text[:90]
            print(f"  extra   {describe(p)}  | {words!r}")


LABEL_ATTRS = {
    "actors": ("kind", "country"),
    "quotes": ("speaker", "kind", "cue"),
    "events": ("category", "cameo_root", "source", "target", "source_country", "target_country", "mode", "date"),
    "commitments": ("promiser", "content", "status", "beneficiary", "made_on"),
    "forecasts": ("author", "horizon", "resolves_by", "conditional"),
}


def evaluate_gold(nlp: Any, only: str | None = None, errors: str | None = None, only_events: bool = False) -> None:
    groups: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    for gold in gold_files():
        key = gold["doc"]
        if only and not key.startswith(only):
            continue
        doc = load_document(key)
        group = "seeds" if key.startswith("seeds/") else "example corpus"
        sdoc = nlp(doc.text)
        result, names = detente_predictions(doc, sdoc, group != "seeds")
        actors = [PredActor(a.name, a.kind, a.country, a.aliases, a.actor_id if a.kind == "state" else None)
                  for a in result.actors]
        if errors:
            print(f"--- {key}")
        if errors in ("actors", "quotes", "dates"):
            show_errors(key, doc.text, gold, result, errors)
        tallies = groups[group]
        if "events" in gold:
            score_second_layer(doc, gold, result, names, tallies, group != "seeds", errors)
        if only_events:
            continue
        tallies["actors: detente"].add(score_actors(gold["actors"], actors))
        tallies["actors: spaCy NER alone"].add(score_actors(gold["actors"], ner_baseline_actors(sdoc)))
        same = speaker_matcher(gold["actors"], names)
        quotes = [PredQuote(q.start, q.end, q.kind, q.speaker, q.cue) for q in result.quotes]
        tallies["quotes (all): detente"].add(score_quotes(doc.text, gold["quotes"], quotes, same))
        tallies["quotes (direct): detente"].add(score_quotes(doc.text, gold["quotes"], quotes, same, ("direct",)))
        tallies["quotes (indirect): detente"].add(score_quotes(doc.text, gold["quotes"], quotes, same, ("indirect",)))
        tallies["quotes (direct): textacy"].add(score_quotes(doc.text, gold["quotes"], textacy_quotes(sdoc), same, ("direct",)))
        timexes = [PredTimex(t.start, t.end, t.value) for t in result.timexes]
        detection, value = score_timexes(doc.text, gold["timexes"], timexes)
        tallies["dates (found): detente"].add(detection)
        tallies["dates (value): detente"].add(value)
        baseline_published = doc.published or gold.get("published")
        detection, value = score_timexes(doc.text, gold["timexes"], dateparser_timexes(doc.text, baseline_published))
        tallies["dates (found): dateparser"].add(detection)
        tallies["dates (value): dateparser"].add(value)
    for group, tallies in groups.items():
        print(f"\n{group}")
        for label, tally in tallies.items():
            attrs = LABEL_ATTRS.get(label.split(" ")[0].rstrip(":"), ())
            if label.startswith("dates"):
                attrs = ("value",) if "found" in label else ()
            if label.startswith("events") and "found" not in label:
                attrs = ()
            print(row(label, tally, attrs))


# ---------------------------------------------------------------- public sets


def timeml_value(value: str | None, precision: str | None) -> str | None:
    if value and precision == "decade":
        return value[:3]
    if value and precision == "century":
        return value[:2]
    return value


def evaluate_tempeval(nlp: Any) -> None:
    rows = [json.loads(line) for line in (SHARED / "external" / "tempeval3" / "tbaq.jsonl").read_text().splitlines()]
    rows = [r for r in rows if r["id"] != "APW20000115.0209"]  # duplicate text with a wrong DCT
    parts: dict[str, dict[str, Tally]] = {"tuning (every 5th)": defaultdict(Tally), "held out": defaultdict(Tally)}
    gaz = load_gazetteer()
    for index, r in enumerate(rows):
        part = parts["tuning (every 5th)" if index % 5 == 0 else "held out"]
        text = r["text"]
        gold = [{"text": t["text"], "value": t["value"]} for t in r["timexes"] if t["type"] == "DATE"]
        doc = Document(doc_id=make_doc_id(text), text=text, published=r["published"], published_basis="given")
        result = extract(doc, nlp(text), gaz)
        predicted = [PredTimex(t.start, t.end, timeml_value(t.value, t.precision)) for t in result.timexes]
        baseline = dateparser_timexes(text, r["published"])
        det, val = _score_offsets(text, r["timexes"], gold, predicted)
        part["detente found"].add(det)
        part["detente value"].add(val)
        det, val = _score_offsets(text, r["timexes"], gold, baseline)
        part["dateparser found"].add(det)
        part["dateparser value"].add(val)
        # values an ISO date can hold (no weeks, quarters, seasons, times, PRESENT_REF)
        iso = [t for t in r["timexes"] if t["type"] == "DATE" and re.fullmatch(r"\d{2,4}(-\d{2}(-\d{2})?)?", t["value"])]
        gold_iso = [{"text": t["text"], "value": t["value"]} for t in iso]
        other = [(t["start"], t["end"]) for t in r["timexes"] if t not in iso]
        part["detente value (ISO-expressible gold)"].add(_score_offsets(text, iso, gold_iso, _clear_of(predicted, other))[1])
        part["dateparser value (ISO-expressible gold)"].add(_score_offsets(text, iso, gold_iso, _clear_of(baseline, other))[1])
    print("\nTempEval-3 (TimeBank + AQUAINT), DATE expressions, against the document creation time")
    for name, tallies in parts.items():
        print(f" {name}")
        for label, tally in tallies.items():
            print(row(label, tally))


def _clear_of(predicted: list[PredTimex], spans: list[tuple[int, int]]) -> list[PredTimex]:
    """Predictions that do not fall on a gold expression left out of the scoring."""
    return [p for p in predicted if not any(s < p.end and p.start < e for s, e in spans)]


def _score_offsets(text: str, raw: list[dict[str, Any]], gold: list[dict[str, Any]], predicted: list[PredTimex]) -> tuple[Tally, Tally]:
    from score import match_spans

    spans = [(t["start"], t["end"]) for t in raw if t["type"] == "DATE"]
    pairs = match_spans(spans, [(p.start, p.end) for p in predicted])
    det = Tally(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(spans) - len(pairs))
    right = [1 for gi, pi in pairs if predicted[pi].value == gold[gi]["value"]]
    val = Tally(tp=len(right), fp=len(predicted) - len(right), fn=len(spans) - len(right))
    return det, val


QUOTE_MARKS = "“”\"«»"


def evaluate_polnear(nlp: Any) -> None:
    rows = [json.loads(line) for line in (SHARED / "external" / "polnear" / "test.jsonl").read_text().splitlines()]
    parts: dict[str, dict[str, Tally]] = {"tuning (every 5th)": defaultdict(Tally), "held out": defaultdict(Tally)}
    gaz = load_gazetteer()
    for index, r in enumerate(rows):
        part = parts["tuning (every 5th)" if index % 5 == 0 else "held out"]
        text = normalize_text(r["text"])
        if text != r["text"]:
            text = r["text"]
        gold = [_polnear_direct(text, a) for a in r["attributions"]]
        gold = [g for g in gold if g is not None]
        doc = Document(doc_id=make_doc_id(text), text=text, published=r["published"], published_basis="given")
        sdoc = nlp(text)
        result = extract(doc, sdoc, gaz)
        mentions = defaultdict(list)
        for actor in result.actors:
            for m in actor.mentions:
                mentions[actor.actor_id].append((m.start, m.end))
        names = {a.actor_id: a for a in result.actors}
        contents = [(a["content"]["start"], a["content"]["end"]) for a in r["attributions"]]
        ours = [q for q in result.quotes if q.kind == "direct"]
        ours = _outside_other_attributions(ours, gold, contents)
        for q in ours:  # the speaker's own words ("he") count where the gold source is a pronoun
            if q.speaker_evidence is not None and q.speaker:
                mentions[q.speaker].append((q.speaker_evidence.start, q.speaker_evidence.end))
        part["detente direct quotes"].add(_score_polnear(text, gold, [(q.start, q.end, q.speaker) for q in ours], names, mentions))
        baseline = _outside_other_attributions(textacy_quotes(sdoc), gold, contents)
        part["textacy direct quotes"].add(_score_polnear(text, gold, [(q.start, q.end, q.speaker) for q in baseline], {}, {}))
    print("\nPolNeAR test split: direct quotes (attributions whose content is inside quotation marks), speaker accuracy;")
    print(" a quoted fragment inside another attribution's content is not scored; a speaker is right when it names")
    print(" the gold source, or its words (a pronoun too) overlap the gold source span")
    for name, tallies in parts.items():
        print(f" {name}")
        for label, tally in tallies.items():
            print(row(label, tally, ("speaker",)))


def _outside_other_attributions(quotes: list[Any], gold: list[dict[str, Any]], contents: list[tuple[int, int]]) -> list[Any]:
    """A quoted fragment inside an attribution PolNeAR does not count as direct (its content
    does not open and close with quotation marks) is neither right nor wrong here."""
    from score import overlaps

    kept = []
    claimed: set[int] = set()
    for q in sorted(quotes, key=lambda q: q.start):
        holder = next((i for i, g in enumerate(gold) if g["start"] <= q.start and q.end <= g["end"]), None)
        if holder is not None:
            # PolNeAR keeps "“A,” she said. “B.”" as one attribution with two fragments
            if holder not in claimed:
                kept.append(q)
                claimed.add(holder)
            continue
        in_direct = any(overlaps((g["start"], g["end"]), (q.start, q.end)) for g in gold)
        inside_other = any(s <= q.start and q.end <= e for s, e in contents)
        if in_direct or not inside_other:
            kept.append(q)
    return kept


def _polnear_direct(text: str, attribution: dict[str, Any]) -> dict[str, Any] | None:
    content = attribution["content"]
    inner = text[content["start"] : content["end"]]
    stripped = inner.strip()
    quoted = sum(1 for ch in stripped if ch in QUOTE_MARKS)
    if quoted < 2 or not (stripped[:1] in QUOTE_MARKS or stripped[-1:] in QUOTE_MARKS or stripped[-2:-1] in QUOTE_MARKS):
        return None
    return {"start": content["start"], "end": content["end"], "source": attribution.get("source")}


def _score_polnear(text: str, gold: list[dict[str, Any]], predicted: list[tuple[int, int, str | None]],
                   names: dict[str, Any], mentions: dict[str, list[tuple[int, int]]]) -> Tally:
    from score import match_spans, overlaps

    pairs = match_spans([(g["start"], g["end"]) for g in gold], [(p[0], p[1]) for p in predicted])
    tally = Tally(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs))
    for gi, pi in pairs:
        source = gold[gi]["source"]
        speaker = predicted[pi][2]
        if source is None:
            tally.attr("speaker", speaker is None)
            continue
        span = (source["start"], source["end"])
        words = set(norm(source["text"]).split())
        if speaker is None:
            tally.attr("speaker", False)
        elif speaker in names:
            actor = names[speaker]
            hit = any(overlaps(span, m, 0.01) for m in mentions.get(speaker, [])) or bool(
                words & set(norm(actor.name).split()))
            tally.attr("speaker", hit)
        else:
            tally.attr("speaker", bool(words & set(norm(speaker).split())))
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="only the seeds and the example corpus")
    parser.add_argument("--only", help="only gold documents whose key starts with this")
    parser.add_argument("--errors", choices=["actors", "quotes", "dates", "events", "commitments", "forecasts"],
                        help="print misses and extras per document")
    parser.add_argument("--events", action="store_true", help="only events, commitments and forecasts")
    args = parser.parse_args()
    nlp = load_nlp()
    print("detente evaluation (P precision, R recall, F1; attribute accuracy on matched items)")
    evaluate_gold(nlp, args.only, args.errors, args.events)
    if not args.quick and not args.only and not args.errors and not args.events:
        evaluate_tempeval(nlp)
        evaluate_polnear(nlp)
        from gsr import evaluate_gsr

        evaluate_gsr(nlp)


if __name__ == "__main__":
    main()
