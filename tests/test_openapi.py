"""The OpenAPI document says what the API does, so the SDK can do it too."""

from __future__ import annotations

import pytest


@pytest.fixture
def schema(app):
    return app.openapi_schema.to_schema()


def _operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_every_operation_is_named_tagged_and_summarised(schema):
    for path, method, operation in _operations(schema):
        assert operation.get("operationId"), (method, path)
        assert operation.get("tags"), (method, path)
        assert operation.get("summary") or operation.get("description"), (method, path)


def test_every_post_documents_the_idempotency_key(schema):
    for path, method, operation in _operations(schema):
        if method == "post":
            names = [p["name"] for p in operation.get("parameters", []) if p["in"] == "header"]
            assert "Idempotency-Key" in names, path


def test_every_api_operation_documents_its_problems_and_needs_a_key(schema):
    for path, method, operation in _operations(schema):
        if not path.startswith("/v1"):
            continue
        assert operation.get("security") == [{"api_key": []}], (method, path)
        for status in ("400", "401", "422", "500"):
            content = operation["responses"][status]["content"]
            assert content["application/problem+json"]["schema"] == {
                "$ref": "#/components/schemas/Problem"
            }


def test_request_bodies_refuse_unknown_fields(schema):
    assert schema["components"]["schemas"]["AccountCreate"]["additionalProperties"] is False


def test_an_optional_bound_of_zero_stays_in_the_schema_with_a_description(schema):
    score = schema["components"]["schemas"]["SignalIn"]["properties"]["bureau_score"]
    assert score["description"]
    assert (score["minimum"], score["maximum"]) == (0, 100)
