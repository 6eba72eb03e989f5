"""Build src/detente/lexicons/cameo_plover.json from the PLOVER project's files (CC BY-SA 4.0).

Usage: python scripts/build_cameo_plover.py [../shared/external]

Reads CAMEO2PLOVER-2021.txt (CAMEO code -> PLOVER type, mode, context), the CAMEO 0.7b5 code
list (labels) and the score table of PLOVER_MANUAL.tex (score per PLOVER type and mode), and
writes one JSON file: both directions of the mapping and the scores. Derived from CC BY-SA 4.0
material of the Open Event Data Alliance, the output is offered under the same licence.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "external"
OUT = ROOT / "src" / "detente" / "lexicons" / "cameo_plover.json"
PLOVER_TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip


def read_mapping(path: Path) -> dict[str, dict[str, str | None]]:
    mapping = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#\s*(.*))?$", line.strip())
        if not match:
            continue
        code, plover, mode, context, label = match.groups()
        mapping[code] = {
            "plover": plover,
            "mode": (mode or "").strip() or None,
            "context": (context or "").strip() or None,
            "label": (label or "").strip() or None,
        }
    return mapping


def read_labels(path: Path) -> dict[str, str]:
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^LABEL:\s*(\d{2,4})=\s*(.+)$", line.strip())
        if match:
            labels.setdefault(match[1], match[2].strip())
    return labels


def read_scores(manual: Path) -> dict[str, float]:
    lines = manual.read_text(encoding="utf-8").splitlines()
    # the table in force, not the commented-out earlier one (its lines start with %)
    start = next(i for i, line in enumerate(lines) if line.startswith(r"\caption{PLOVER conflict--cooperation scores}"))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith(r"\end{tabular}"))
    table = "\n".join(lines[start:end])
    scores = {}
    for cell, value in re.findall(r"(?:\\cellcolor\{gray!25\})?([A-Z]+(?::\s*[A-Za-z\-]+)?)\s*&\s*(?:\\cellcolor\{gray!25\})?\s*(-?[\d.]+)", table):
        scores[cell.replace(" ", "")] = float(value)
    # The manual's table prints ACCUSE as 3 while every ACCUSE mode is negative and the manual's
    # earlier weighted-average table gives a negative value: read as the sign dropped in print.
    if scores.get("ACCUSE", 0) > 0:
        scores["ACCUSE"] = -scores["ACCUSE"]
    return scores


def main() -> None:
    base = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    mapping = read_mapping(base / "plover-gsr" / "CAMEO2PLOVER-2021.txt")
    labels = read_labels(base / "cameo" / "CAMEO_codefile.txt")
    scores = read_scores(base / "plover-gsr" / "PLOVER_MANUAL.tex")
    cameo = {
        code: {**entry, "label": labels.get(code) or entry["label"]}
        for code, entry in sorted(mapping.items())
        if entry["plover"] in PLOVER_TYPES
    }
    # PLOVER -> the closest CAMEO code: the root-level code of that type, else its first code
    plover_to_cameo: dict[str, str] = {}
    for code, entry in cameo.items():
        if len(code) < 3:
            continue  # two-digit CAMEO roots are headings; events carry three or four digits
        key = entry["plover"] if not entry["mode"] else f"{entry['plover']}:{entry['mode']}"
        if key not in plover_to_cameo or len(code) < len(plover_to_cameo[key]):
            plover_to_cameo[key] = code
    for plover in PLOVER_TYPES:  # a type with no mode-less code takes its first coded mode
        if plover not in plover_to_cameo:
            plover_to_cameo[plover] = min((c for k, c in plover_to_cameo.items() if k.startswith(plover + ":")), key=lambda c: (len(c), c))
    payload = {
        "source": "Derived from the PLOVER project (Open Event Data Alliance, CC BY-SA 4.0): "
        "CAMEO2PLOVER-2021.txt, the score table of PLOVER_MANUAL.tex (draft 2.0); CAMEO labels from "
        "the CAMEO 0.7b5 code list (MIT). Built by scripts/build_cameo_plover.py.",
        "licence": "CC BY-SA 4.0",
        "cameo_to_plover": cameo,
        "plover_to_cameo": dict(sorted(plover_to_cameo.items())),
        "scores": dict(sorted(scores.items())),
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(cameo)} CAMEO codes, {len(plover_to_cameo)} PLOVER keys, {len(scores)} scores -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
