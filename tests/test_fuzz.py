"""Property-based requests from the OpenAPI document against a running server (schemathesis).

Every operation is called with the key of a role it lets in (a platform, a seller, an insurer,
an operator), one request at a time and in sequences that follow the document's links: a quote's
offer is bound, the cover read and cancelled; a product updated, paused, resumed; an account
given keys that are revoked. Binds pay with a test card at the server's embedded Stripe.

Whatever a client sends, in or out of the schema, the answer is never a 5xx, always has the
documented status, content type and body shape, and a request without a key is a 401. A
request the schema allows is never refused as ill-formed (`validation_error`): the schema is
exactly as strict as the code. It may still break a domain rule (a 422 with the rule's own
code) or name an object that does not exist (404), which schemathesis' own
``positive_data_acceptance`` check cannot tell apart, so ours replaces it. One strictness JSON
Schema cannot state: an integer is written without a fraction (``1317``, never ``1317.0``, which
JSON Schema counts as an integer), so valid requests are sent that way.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from hypothesis.errors import Flaky
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import positive_data_acceptance

from marketplace.app import create_app
from marketplace.config import load_settings
from tests.conftest import run_cli, serve_live
from tests.fixtures.fuzzing import (
    Personas,
    allowed_roles,
    as_a_client_would_send,
    make_personas,
    with_integers_written_as_integers,
)

# The app's own document (the committed copy is checked against it by the drift check).
APP = create_app(load_settings({}))
schema = schemathesis.openapi.from_dict(APP.openapi_schema.to_schema())
ANSWERS: Counter[tuple[str, str, int]] = Counter()
"""(operation id, Authorization header, status) of every fuzzed call: what was reached."""


@schema.hook
def map_case(context, case):
    if case.meta is not None and case.meta.generation.mode.is_positive:
        body = with_integers_written_as_integers(case.body)
        case.body = as_a_client_would_send(_operation_id(case), body)
    return case


@schema.hook
def after_call(context, case, response):
    authorization = response.request.headers.get("Authorization", "")
    ANSWERS[(_operation_id(case), authorization, response.status_code)] += 1


@pytest.fixture(scope="module")
def live_server(database_template, tmp_path_factory):
    """A server of the fuzzer's own: what the fuzzer makes there (products on any terms, keys
    revoked) stays out of the other tests."""
    with serve_live(database_template, tmp_path_factory.mktemp("fuzzed-server")) as server:
        yield server


@pytest.fixture(scope="module")
def personas(live_server) -> Personas:
    account_id = run_cli(
        live_server.env, "accounts", "create", "--role", "operator", "--name", "Fuzz"
    ).strip()
    secret = run_cli(live_server.env, "accounts", "keys", "create", account_id).split()[-1]
    return make_personas(live_server.url, secret, allowed_roles(APP))


@schema.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_each_operation_honours_its_schema_for_each_role(case, live_server, personas):
    case.call_and_validate(
        base_url=live_server.url,
        headers=_headers(personas, case, in_sequence=False),
        excluded_checks=[positive_data_acceptance],
        additional_checks=[schema_valid_requests_are_well_formed],
    )


FLOWS = {
    "quote, bind, cancel": (
        ["create_quote", "retrieve_quote", "create_cover", "retrieve_cover", "cancel_cover"],
        60,
        ["create_quote", "create_cover", "cancel_cover"],
    ),
    "products and versions": (
        [
            "create_product",
            "update_product",
            "pause_product",
            "resume_product",
            "retrieve_product_version",
        ],
        30,
        ["create_product", "update_product", "pause_product"],
    ),
    "accounts and keys": (
        ["create_account", "create_api_key", "list_api_keys", "revoke_api_key"],
        20,
        ["create_account", "create_api_key", "revoke_api_key"],
    ),
    # Not rotate_webhook_endpoint_secret: its body is optional, and in sequences schemathesis
    # sometimes sends it with no body (valid) yet labelled negative, then reports the 200 as
    # accepted negative data (a false positive of the kind of schemathesis#4332). The
    # per-operation test calls it with every role.
    "webhook endpoints": (
        [
            "create_webhook_endpoint",
            "update_webhook_endpoint",
            "replay_webhook_endpoint",
            "delete_webhook_endpoint",
        ],
        40,  # most random URLs are refused (not https, private addresses): room to reach delete
        ["create_webhook_endpoint", "update_webhook_endpoint", "delete_webhook_endpoint"],
    ),
}
"""Sequences by flow (its operations, a budget of sequences, what must have succeeded at least
once): few operations per flow, so that sequences go deep (a quote, its bind, the cancel)."""


@pytest.mark.parametrize("flow", FLOWS)
def test_sequences_of_calls_reach_the_real_operations_and_honour_the_schema(
    flow, live_server, personas
):
    operations, budget, must_succeed = FLOWS[flow]
    personas.clear_webhook_endpoints()  # the calls before may have reached the cap
    before = ANSWERS.copy()
    failures: list[Exception] = []

    class Sequences(schema.include(operation_id=operations).as_state_machine()):  # type: ignore[misc]
        ran = 0

        def get_call_kwargs(self, case):
            return {"base_url": live_server.url, "headers": _headers(personas, case, True)}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            try:
                case.validate_response(
                    response,
                    headers=kwargs["headers"],
                    excluded_checks=[positive_data_acceptance],
                    additional_checks=[schema_valid_requests_are_well_formed],
                    transport_kwargs=kwargs,
                    recorder=self.recorder,
                )
            except Exception as failure:
                failures.append(failure)
                raise

        def teardown(self):
            type(self).ran += 1

    _explore(Sequences, budget)
    if failures:
        raise failures[0]
    answered = _by_role(personas, ANSWERS - before)
    print(flow, *sorted(answered.items()), sep="\n")  # noqa: T201
    succeeded = {operation for (operation, _, status) in answered if 200 <= status < 300}
    assert set(must_succeed) <= succeeded, sorted(answered.items())


def _explore(machine, budget: int) -> None:
    """Run ``budget`` sequences of ``machine``. A sequence whose steps go otherwise than when
    Hypothesis first drew them (the server's state moved on: a bound invoice cannot be bound
    again) ends the run as ``Flaky``; the next run goes on with fresh sequences."""
    for _ in range(10):
        if machine.ran >= budget:
            return
        try:
            machine.run(
                settings=settings(
                    max_examples=budget - machine.ran,
                    stateful_step_count=8,
                    phases=[Phase.generate],
                    deadline=None,
                    database=None,
                    suppress_health_check=list(HealthCheck),
                )
            )
        except Flaky:
            continue


def _by_role(
    personas: Personas, answers: Counter[tuple[str, str, int]]
) -> Counter[tuple[str, str, int]]:
    """``answers`` keyed by the role of the key each call carried instead of the key."""
    by_role: Counter[tuple[str, str, int]] = Counter()
    for (operation_id, authorization, status), count in answers.items():
        by_role[(operation_id, personas.role_of(authorization), status)] += count
    return by_role


def _operation_id(case) -> str:
    return str(case.operation.definition.raw.get("operationId"))


def _headers(personas: Personas, case, in_sequence: bool) -> dict[str, str]:
    role = personas.role_for(_operation_id(case), case.operation.tags or [], in_sequence)
    if _operation_id(case) == "revoke_api_key":
        personas.spare_key_for_revocation(case.path_parameters)
    if (
        _operation_id(case) == "create_quote"
        and case.meta
        and case.meta.generation.mode.is_positive
    ):
        personas.name_the_seller(role, case.body)
    headers = {} if _leaves_out_the_key_on_purpose(case) else personas.headers(role)
    if case.headers and re.fullmatch(r"[!-~]{1,255}", str(case.headers.get("Idempotency-Key"))):
        # A client uses a new key per request; a reused key with another body is refused (422),
        # which tests/kit/test_idempotency.py covers.
        headers["Idempotency-Key"] = uuid.uuid4().hex
    return headers


def _leaves_out_the_key_on_purpose(case) -> bool:
    """A negative case whose headers break the schema by missing the (required) API key."""
    headers = case.meta.components.get(ParameterLocation.HEADER) if case.meta else None
    return (
        headers is not None
        and headers.mode.is_negative
        and "Authorization" not in (case.headers or {})
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
