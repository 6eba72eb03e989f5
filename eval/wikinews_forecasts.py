"""Forecast precision on real news: forecasts drawn from the Wikinews articles, labelled by hand. Two sets:
the tuning set (``gold-wikinews/forecasts.json``, which rules have been written against) and a held-out set
(``gold-wikinews/forecasts-heldout.json``, drawn later and never tuned on; a rule that loses its true forecasts
goes). Ingests the articles they come from and prints, for each set, which share of the labelled forecasts
detente still extracts is a true forecast, beside the baseline of keeping them all.

    .venv/bin/python eval/wikinews_forecasts.py [../shared/external/wikinews/wikinews-2019-2020.jsonl]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from detente.api import ingest
from detente.ingest import make_doc_id, normalize_text
from detente.store import open_store

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parents[1] / "shared" / "external" / "wikinews" / "wikinews-2019-2020.jsonl"


SETS = (("tuning", "forecasts.json"), ("held-out", "forecasts-heldout.json"))


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    sets = {name: json.loads((HERE / "gold-wikinews" / file).read_text(encoding="utf-8"))["items"]
            for name, file in SETS}
    wanted = {i["doc_id"] for items in sets.values() for i in items}
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if make_doc_id(normalize_text(r["text"])) in wanted]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        store = open_store(Path(tmp) / "x.db")
        ingest([path], store)
        found = {(f.evidence.doc_id, f.evidence.start) for f in store.raw_records("forecasts", doc_id=sorted(wanted))}
    for name, items in sets.items():
        report(name, items, found)


def report(name: str, items: list[dict], found: set[tuple[str, int]]) -> None:
    docs = {i["doc_id"] for i in items}
    missing = docs - {d for d, _ in found}
    kept = [i for i in items if (i["doc_id"], i["start"]) in found]
    true_kept = sum(i["forecast"] for i in kept)
    true_all = sum(i["forecast"] for i in items)
    print(f"Wikinews forecasts, {name} set: {len(items)} labelled ({true_all} true) from {len(docs)} articles"
          + (f"; {len(missing)} articles gave none" if missing else ""))
    print(f"  detente   kept {len(kept):3d}  precision {true_kept / max(len(kept), 1):.2f}  "
          f"true forecasts kept {true_kept}/{true_all}")
    print(f"  baseline  kept {len(items):3d}  precision {true_all / len(items):.2f}  "
          "(all of them: the extraction they were drawn from)")


if __name__ == "__main__":
    main()
