"""Build src/detente/gazetteer/states.json from mledoze/countries (ODbL 1.0).

Usage: python scripts/build_states.py [../shared/external/countries/countries.json]

Keeps, for every UN member and observer state (and the other independent entries), the
ISO 3166-1 alpha-3 id, common and official names, English demonym, capitals and the
alternative spellings that are names rather than codes. The output is a derived database
and stays under the ODbL (see gazetteer/LICENSE-states.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "external" / "countries" / "countries.json"
OUT = ROOT / "src" / "detente" / "gazetteer" / "states.json"
# UN observer states are not flagged in the source data
OBSERVERS = {"VAT", "PSE"}


def keep(entry: dict) -> bool:
    return bool(entry.get("unMember")) or entry["cca3"] in OBSERVERS or bool(entry.get("independent"))


def names_only(spellings: list[str]) -> list[str]:
    return [s for s in spellings if len(s) > 3 and not s.isupper()]


def state_record(entry: dict) -> dict:
    demonyms = entry.get("demonyms", {}).get("eng", {})
    return {
        "id": entry["cca3"],
        "name": entry["name"]["common"],
        "official_name": entry["name"]["official"],
        "aliases": sorted(set(names_only(entry.get("altSpellings", []))) - {entry["name"]["common"]}),
        "demonyms": sorted({d for d in demonyms.values() if d}),
        "capitals": entry.get("capital", []),
        "un_member": bool(entry.get("unMember")),
        "un_observer": entry["cca3"] in OBSERVERS,
    }


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    entries = json.loads(source.read_text(encoding="utf-8"))
    states = sorted((state_record(e) for e in entries if keep(e)), key=lambda s: s["id"])
    payload = {
        "source": "mledoze/countries countries.json (ODbL 1.0), commit 5e9f370050f83ad2ba4cb885f75d66114badf72c",
        "states": states,
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(states)} states written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
