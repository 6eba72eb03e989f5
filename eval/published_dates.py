"""How well is a publication date inferred from text alone? Measured on the Wikinews articles.

Each article's real publication date is known; the inference sees only the text (the dateline
that starts every Wikinews text is removed first, or the task would be trivial). Prints how
often a date was inferred, how often it is right to the month, and how often a bound is wrong.

    .venv/bin/python eval/published_dates.py [../shared/external/wikinews/wikinews-2019-2020.jsonl]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from detente.extract import settle_published
from detente.ingest import make_doc_id, normalize_text
from detente.nlp import BATCH_SIZE, load_nlp
from detente.records import Document

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "external" / "wikinews" / "wikinews-2019-2020.jsonl"


def without_dateline(text: str) -> str:
    first, _, rest = normalize_text(text).partition("\n")
    return rest.strip() or first


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [without_dateline(r["text"]) for r in rows]
    nlp = load_nlp()
    inferred = month_right = early_bound_wrong = late_bound_wrong = with_lower = with_upper = lower_in_month = 0
    for row, text, sdoc in zip(rows, texts, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True):
        doc = settle_published(Document(doc_id=make_doc_id(text), text=text), sdoc)
        truth = row["published"]
        if doc.published:
            inferred += 1
            month_right += doc.published[:7] == truth[:7]
        earliest, latest = doc.meta["published_earliest"], doc.meta["published_latest"]
        with_lower += bool(earliest)
        lower_in_month += bool(earliest) and earliest[:7] == truth[:7]
        with_upper += bool(latest)
        early_bound_wrong += bool(earliest and earliest > truth)
        late_bound_wrong += bool(latest and latest < truth)
    n = len(rows)
    print(f"articles: {n}")
    print(f"with a lower bound:       {with_lower} ({with_lower / n:.1%})")
    print(f"lower bound in true month: {lower_in_month} ({lower_in_month / max(with_lower, 1):.1%} of lower bounds)")
    print(f"with an upper bound:      {with_upper} ({with_upper / n:.1%})")
    print(f"date inferred:            {inferred} ({inferred / n:.1%})")
    print(f"right to the month:       {month_right} ({month_right / max(inferred, 1):.1%} of inferred)")
    print(f"lower bound after truth:  {early_bound_wrong} ({early_bound_wrong / n:.1%})")
    print(f"upper bound before truth: {late_bound_wrong} ({late_bound_wrong / n:.1%})")
    print("baseline (no inference):  0 inferred, 0 wrong")


if __name__ == "__main__":
    main()
