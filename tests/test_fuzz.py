"""Property-based requests from the OpenAPI document against a running server (schemathesis).

Whatever a client sends, in or out of the schema, the answer is never a 5xx, always has the
documented status, content type and body shape, and a request without a key is a 401. A
request the schema allows is never refused as ill-formed (`validation_error`): the schema is
exactly as strict as the code. It may still break a domain rule (a 422 with the rule's own
code) or name an object that does not exist (404), which schemathesis' own
``positive_data_acceptance`` check cannot tell apart, so ours replaces it.
"""

from __future__ import annotations

import uuid

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from marketplace.app import create_app
from marketplace.config import load_settings
from tests.conftest import run_cli


@pytest.fixture(scope="session")
def operator_headers(live_server):
    account_id = run_cli(
        live_server.env, "accounts", "create", "--role", "operator", "--name", "Fuzz"
    ).strip()
    secret = run_cli(live_server.env, "accounts", "keys", "create", account_id).split()[-1]
    return {"Authorization": f"Bearer {secret}"}


# The app's own document (the committed copy is checked against it by the drift check).
schema = schemathesis.openapi.from_dict(create_app(load_settings({})).openapi_schema.to_schema())


@schema.parametrize()
@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_the_api_honours_its_schema(case, live_server, operator_headers):
    headers = dict(operator_headers)
    if case.headers and "Idempotency-Key" in case.headers:
        # A client uses a new key per request; a reused key with another body is refused (422),
        # which tests/kit/test_idempotency.py covers.
        headers["Idempotency-Key"] = uuid.uuid4().hex
    case.call_and_validate(
        base_url=live_server.url,
        headers=headers,
        excluded_checks=[positive_data_acceptance],
        additional_checks=[schema_valid_requests_are_well_formed],
    )


def schema_valid_requests_are_well_formed(ctx, response, case):
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return
    if response.status_code in (400, 413, 422):
        code = response.json().get("code")
        assert code not in SCHEMA_LEVEL_CODES, (
            f"the schema allowed what the API refuses: {response.text}"
        )
    return


SCHEMA_LEVEL_CODES = {"validation_error", "malformed_json", "body_too_large", "bad_request"}
