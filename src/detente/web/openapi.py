"""The record schemas of the export contract, as OpenAPI components.

The JSON Schemas shipped in ``detente/schemas`` describe one record each, with the shared
evidence objects in their own ``$defs``. OpenAPI wants them under ``components/schemas`` with
references pointing there, so the API promises exactly what ``detente export`` writes.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from ..records import COLLECTIONS

#: component name of each collection's record
RECORD_COMPONENTS = dict(zip(COLLECTIONS, ("Document", "Timex", "Actor", "Quote", "Event", "Commitment", "Forecast",
                                            "Disagreement", "Dyad"), strict=True))
SHARED_DEFS = {"evidence": "Evidence", "stanced_evidence": "StanceEvidence"}

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error", "status"],
    "properties": {"error": {"type": "string"}, "status": {"type": "integer"}},
}


def ref(component: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{component}"}


@cache
def record_components() -> dict[str, Any]:
    """Every record schema and the shared evidence objects, references rewritten to components."""
    components: dict[str, Any] = {"Error": ERROR_SCHEMA}
    folder = resources.files("detente") / "schemas"
    for collection, component in RECORD_COMPONENTS.items():
        schema = json.loads((folder / f"{collection}.schema.json").read_text(encoding="utf-8"))
        for name, definition in schema.pop("$defs", {}).items():
            components[SHARED_DEFS[name]] = _rewritten(definition)
        schema.pop("$schema", None)
        schema.pop("$id", None)
        components[component] = _rewritten(schema)
    components["DocumentSummary"] = _summary(components["Document"])
    return components


def _summary(document: dict[str, Any]) -> dict[str, Any]:
    """A document record without its text, as lists give it unless asked for the text."""
    summary = json.loads(json.dumps(document))
    summary["required"] = [f for f in summary["required"] if f != "text"]
    summary["description"] = "A document record; the text is left out unless the list is asked for it."
    return summary


def _rewritten(node: Any) -> Any:
    if isinstance(node, dict):
        out = {k: _rewritten(v) for k, v in node.items()}
        target = out.get("$ref")
        if isinstance(target, str) and target.startswith("#/$defs/"):
            out["$ref"] = ref(SHARED_DEFS[target.removeprefix("#/$defs/")])["$ref"]
        return out
    if isinstance(node, list):
        return [_rewritten(v) for v in node]
    return node


def list_schema(component: str) -> dict[str, Any]:
    """The shape every list endpoint answers with (see the CLI spec's Serving section)."""
    return {
        "type": "object",
        "required": ["items", "total", "next"],
        "properties": {
            "items": {"type": "array", "items": ref(component)},
            "total": {"type": "integer", "minimum": 0},
            "next": {"type": ["string", "null"], "description": "the next page's URL, null on the last page"},
        },
    }


def document_with_records_schema() -> dict[str, Any]:
    properties: dict[str, Any] = {"document": ref("Document")}
    for collection in ("timexes", "actors", "quotes", "events", "commitments", "forecasts"):
        properties[collection] = {"type": "array", "items": ref(RECORD_COMPONENTS[collection])}
    return {"type": "object", "required": list(properties), "properties": properties}


def json_response(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    reasons = {400: "Malformed parameter", 401: "Missing or wrong API token", 404: "Not found",
               413: "Body too large", 415: "Unsupported content type", 422: "Invalid input"}
    return {code: json_response(ref("Error"), reasons[code]) for code in codes}
