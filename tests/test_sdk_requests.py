"""How a facade call becomes a request and an answer becomes an exception, without a server:
the fields as the API spells them, one Idempotency-Key per POST, the exception per status."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
from marketplace_sdk import (
    APIError,
    AuthenticationError,
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    PermissionError,
    RateLimitError,
)
from marketplace_sdk.api.claims import approve_claim
from marketplace_sdk.api.covers import create_invoice_event, list_covers, retrieve_cover
from marketplace_sdk.api.events import list_events
from marketplace_sdk.facade.encoding import query_params, to_json
from marketplace_sdk.facade.exceptions import error_from_response
from marketplace_sdk.facade.requests import Settings, prepare
from marketplace_sdk.models import RelationshipIn

SETTINGS = Settings("mk_test_x", "http://api.test/", 30.0, "marketplace-sdk/test")


def test_fields_are_sent_as_the_api_names_them():
    when = dt.datetime(2027, 1, 20, 9, 30, tzinfo=dt.UTC)
    relationship = RelationshipIn(months=30, prior_invoices_count=14, prior_late_ratio=0.07)
    assert to_json({"at": when, "relationship": relationship, "due": dt.date(2027, 1, 24)}) == {
        "at": "2027-01-20T09:30:00+00:00",
        "due": "2027-01-24",
        "relationship": {"months": 30, "prior_invoices_count": 14, "prior_late_ratio": 0.07},
    }
    assert query_params(
        {"type_": "cover.*", "created": {"gte": when}, "delivery_success": False, "buyer": None}
    ) == {
        "type": "cover.*",
        "created[gte]": "2027-01-20T09:30:00+00:00",
        "delivery_success": "false",
    }


def test_a_post_gets_one_new_key_and_a_read_none():
    first = prepare(create_invoice_event, ("cov_1",), {"type": "invoice.paid"}, None, SETTINGS)
    second = prepare(create_invoice_event, ("cov_1",), {"type": "invoice.paid"}, None, SETTINGS)
    read = prepare(retrieve_cover, ("cov_1",), {}, None, SETTINGS)
    bodiless = prepare(approve_claim, ("clm_1",), {}, "mine", SETTINGS)

    assert (first.method, first.url) == ("POST", "http://api.test/v1/covers/cov_1/invoice_events")
    assert first.json == {"type": "invoice.paid"}
    assert first.headers["Idempotency-Key"] == first.idempotency_key
    assert first.idempotency_key != second.idempotency_key
    assert read.idempotency_key is None
    assert "Idempotency-Key" not in read.headers
    assert read.headers["Authorization"] == "Bearer mk_test_x"
    assert bodiless.headers["Idempotency-Key"] == "mine"


def test_list_filters_become_query_parameters_over_the_generated_defaults():
    prepared = prepare(list_covers, (), {"status": "active", "limit": 100}, None, SETTINGS)
    events = prepare(list_events, (), {"object_": "cov_1"}, None, SETTINGS)
    assert prepared.params == {"limit": 100, "status": "active"}
    assert events.params == {"limit": 10, "object": "cov_1"}


def test_a_call_with_the_wrong_ids_or_fields_is_refused_before_sending():
    with pytest.raises(TypeError, match="cover_id"):
        prepare(retrieve_cover, (), {}, None, SETTINGS)
    with pytest.raises(TypeError, match="takes no fields"):
        prepare(approve_claim, ("clm_1",), {"reason": "x"}, None, SETTINGS)


def _answer(status, body, **headers):
    if body is None:  # what a proxy in front of the API might send
        return httpx.Response(status, text="<html>Bad gateway</html>", headers=headers)
    return httpx.Response(status, json=body, headers=headers)


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, InvalidRequestError),
        (401, AuthenticationError),
        (403, PermissionError),
        (404, NotFoundError),
        (409, ConflictError),
        (413, InvalidRequestError),
        (422, InvalidRequestError),
        (429, RateLimitError),
        (500, APIError),
        (502, APIError),
        (418, APIError),
    ],
)
def test_each_status_raises_its_exception_with_the_problem(status, kind):
    problem = {
        "type": "about:blank",
        "title": "Invalid request",
        "status": status,
        "detail": "The request has invalid fields",
        "code": "validation_error",
        "param": "invoice.amount",
        "errors": [{"param": "invoice.amount", "message": "Expected `int`"}],
        "request_id": "req_1",
    }
    error = error_from_response(_answer(status, problem), "key-1")
    assert type(error) is kind
    assert (error.status, error.code, error.param) == (status, "validation_error", "invoice.amount")
    assert [(f.param, f.message) for f in error.errors] == [("invoice.amount", "Expected `int`")]
    assert (error.detail, error.request_id, error.idempotency_key) == (
        problem["detail"],
        "req_1",
        "key-1",
    )
    assert str(error).startswith(f"{status} validation_error: ")
    assert "req_1" in str(error)


def test_an_answer_that_is_not_a_problem_still_raises_with_its_status_and_request_id():
    error = error_from_response(_answer(502, None, **{"Request-Id": "req_2"}), None)
    assert type(error) is APIError
    assert (error.status, error.code, error.request_id, error.errors) == (502, None, "req_2", [])


def test_malformed_field_errors_from_a_proxy_still_raise_the_sdks_error():
    problem = {
        "code": "x",
        "errors": ["x", 1, None, {"param": "a"}, {"param": "b", "message": "m"}],
    }
    error = error_from_response(_answer(400, problem), None)
    assert type(error) is InvalidRequestError
    assert [(f.param, f.message) for f in error.errors] == [("b", "m")]
