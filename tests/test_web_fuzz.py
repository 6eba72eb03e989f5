"""A bounded schemathesis run against the API's own OpenAPI spec: no request it can generate from
the spec (valid or not) gets a server error, and every answer matches the documented schemas."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from detente.web import WebSettings, create_app

from .conftest import EXAMPLES, copy_store

CHECKS = [status_code_conformance, content_type_conformance, response_schema_conformance, negative_data_rejection]
# examples per operation: enough to reach every parameter and body type, small enough for CI
EXAMPLES_PER_OPERATION = 40


@pytest.fixture(scope="module")
def api_schema(example_db, tmp_path_factory, nlp):
    db = copy_store(example_db, tmp_path_factory.mktemp("fuzz") / "fuzz.db")
    application = create_app(WebSettings(db=str(db), max_upload_bytes=256 * 1024,
                                         gazetteer=(EXAMPLES / "gazetteer.json",)))
    application.state.web.nlp = nlp
    return schemathesis.openapi.from_asgi("/openapi.json", application)


OPERATIONS = [("/api/documents", "GET"), ("/api/documents", "POST"), ("/api/documents/{doc_id}", "GET"),
              ("/api/actors/{actor_id}", "GET")] + [
    (f"/api/{name}", "GET") for name in ("actors", "quotes", "events", "commitments", "forecasts", "disagreements", "dyads")]


def test_web_fuzz_covers_every_operation(api_schema):
    spec = api_schema.raw_schema["paths"]
    assert sorted((path, method.upper()) for path, item in spec.items() for method in item) == sorted(OPERATIONS)


# schemathesis's own pytest plugin does not run under pytest 9; its strategies drive hypothesis directly
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize(("path", "method"), OPERATIONS)
def test_web_api_fuzz_finds_no_server_error(api_schema, path, method, mode):
    operation = api_schema[path][method]

    @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        response = case.call()
        assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.status_code} {response.text[:300]}"
        case.validate_response(response, checks=CHECKS)

    run()
