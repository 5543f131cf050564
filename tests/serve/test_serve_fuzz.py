"""Fuzz the API from its own OpenAPI document (schemathesis) against the real server: no request gives a 5xx,
and every answer has the content type and shape the document declares. A bounded number of examples each."""

from __future__ import annotations

import pytest
import schemathesis
from schemathesis import GenerationMode
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

EXAMPLES = 40  # per operation
PATHS = ["/events", "/events/{event_id}", "/events.geojson", "/stats", "/admin1/{country}.geojson"]


@pytest.fixture(scope="module")
def operations(sample_server):
    schema = schemathesis.openapi.from_url(sample_server.url + "/openapi.json")
    ops = {}
    for result in schema.get_all_operations():
        op = result.ok()
        ops[op.path] = op
    return ops


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
@pytest.mark.parametrize("path", PATHS)
def test_no_server_errors(operations, sample_server, path, mode):
    op = operations[path]
    seen = []

    @given(case=op.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
    def run(case):
        response = case.call(base_url=sample_server.url, timeout=30)
        seen.append(response.status_code)
        case.validate_response(response, checks=[not_a_server_error, content_type_conformance, response_schema_conformance])

    run()
    assert seen and max(seen) < 500
    print(path, mode.value, "status codes:", {s: seen.count(s) for s in sorted(set(seen))})
