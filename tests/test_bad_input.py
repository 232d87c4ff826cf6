"""Hostile input never gets a 500: each probe gets a 4xx problem with a stable code, and writes
nothing. JSON bodies are decoded strictly: an amount is an integer, never a string or float."""

from __future__ import annotations

import json

import pytest

from marketplace.app import create_app
from marketplace.config import load_settings
from marketplace.models import Account, ProductVersion, Quote
from tests.factories import product_terms, quote_request
from tests.helpers import assert_problem

JSON = {"content-type": "application/json"}
NESTING_DEPTH = 1_000


def _deep(depth: int = NESTING_DEPTH) -> bytes:
    return b"[" * depth + b"]" * depth


def _with_raw_amount(raw: str) -> bytes:
    """A quote request whose invoice amount is the JSON text ``raw``."""
    body = quote_request()
    body["invoice"]["amount"] = "AMOUNT"
    return json.dumps(body).replace('"AMOUNT"', raw).encode()


async def test_json_nested_a_thousand_deep_is_refused_and_writes_nothing(
    client, new_tenant, count_rows
):
    operator = await new_tenant("operator")
    before = await count_rows(Account)
    body = b'{"role": "platform", "name": ' + _deep() + b"}"
    in_a_field = await client.post("/v1/accounts", headers=operator.headers | JSON, content=body)
    assert_problem(in_a_field, 422, "validation_error", param="name")
    keyed = operator.headers | JSON | {"Idempotency-Key": "deep-body"}
    with_key = await client.post("/v1/accounts", headers=keyed, content=body)
    assert with_key.json() | {"request_id": None} == in_a_field.json() | {"request_id": None}
    assert await count_rows(Account) == before


@pytest.mark.parametrize("idempotency_key", [None, "bad-utf8"])
async def test_a_body_that_is_not_utf8_is_malformed_json(
    client, new_tenant, count_rows, idempotency_key
):
    operator = await new_tenant("operator")
    before = await count_rows(Account)
    headers = operator.headers | JSON
    if idempotency_key:
        headers["Idempotency-Key"] = idempotency_key
    body = b'{"role": "platform", "name": "caf\xe9 \xff\xfe"}'
    response = await client.post("/v1/accounts", headers=headers, content=body)
    assert_problem(response, 400, "malformed_json")
    assert await count_rows(Account) == before


@pytest.mark.parametrize("version", ["9" * 30, str(2**63), str(2**31)])
async def test_a_path_integer_beyond_the_column_is_422_naming_it(client, new_tenant, version):
    insurer = await new_tenant("insurer")
    created = await client.post("/v1/products", headers=insurer.headers, json=product_terms())
    product_id = created.json()["id"]
    response = await client.get(
        f"/v1/products/{product_id}/versions/{version}", headers=insurer.headers
    )
    body = assert_problem(response, 422, "validation_error", param="version")
    assert "2147483647" in body["detail"]


@pytest.mark.parametrize("raw", ['"100"', '"1000.00"', '"1e6"', "1e6", "1000.0"])
async def test_an_amount_that_is_not_a_json_integer_is_refused(client, new_tenant, count_rows, raw):
    platform = await new_tenant("platform")
    before = await count_rows(Quote)
    response = await client.post(
        "/v1/quotes", headers=platform.headers | JSON, content=_with_raw_amount(raw)
    )
    body = assert_problem(response, 422, "validation_error", param="invoice.amount")
    assert body["errors"][0]["param"] == "invoice.amount"
    assert await count_rows(Quote) == before


async def test_product_amounts_are_strict_too(client, new_tenant, count_rows):
    insurer = await new_tenant("insurer")
    before = await count_rows(ProductVersion)
    terms = product_terms()
    terms["currencies"][0]["amount_min"] = "100000"
    response = await client.post("/v1/products", headers=insurer.headers, json=terms)
    assert_problem(response, 422, "validation_error", param="currencies[0].amount_min")
    assert await count_rows(ProductVersion) == before


NOT_JSON = [
    None,
    "text/plain",
    "application/x-www-form-urlencoded",
    "application/json; charset=latin-1",
]
JSON_TYPES = ["application/json", "application/json; charset=UTF-8", "application/problem+json"]


async def test_only_json_bodies_are_read(client, new_tenant, count_rows):
    operator = await new_tenant("operator")
    before = await count_rows(Account)
    body = json.dumps({"role": "platform", "name": "Typed"}).encode()
    for content_type in NOT_JSON:
        headers = operator.headers | ({"content-type": content_type} if content_type else {})
        response = await client.post("/v1/accounts", headers=headers, content=body)
        assert_problem(response, 415, "unsupported_media_type")
    assert await count_rows(Account) == before
    for content_type in JSON_TYPES:
        headers = operator.headers | {"content-type": content_type}
        response = await client.post("/v1/accounts", headers=headers, content=body)
        assert response.status_code == 201, (content_type, response.text)


async def test_bodiless_posts_need_no_content_type(client, new_tenant):
    insurer = await new_tenant("insurer")
    created = await client.post("/v1/products", headers=insurer.headers, json=product_terms())
    product_id = created.json()["id"]
    # A body where none is expected is not read, whatever its type.
    paused = await client.post(
        f"/v1/products/{product_id}/pause",
        headers=insurer.headers | {"content-type": "text/plain"},
        content=b"ignored",
    )
    assert paused.status_code == 200, paused.text
    resumed = await client.post(f"/v1/products/{product_id}/resume", headers=insurer.headers)
    assert resumed.status_code == 200, resumed.text
    # A body that must be JSON still is.
    not_json = await client.post(
        f"/v1/products/{product_id}",
        headers=insurer.headers | {"content-type": "text/plain"},
        content=json.dumps(product_terms()).encode(),
    )
    assert_problem(not_json, 415, "unsupported_media_type")


def test_the_schema_says_what_is_refused():
    schema = create_app(load_settings({})).openapi_schema.to_schema()
    name = schema["components"]["schemas"]["AccountCreate"]["properties"]["name"]
    assert name["pattern"] == "^[^\\u0000]*$"  # no NUL in text
    operations = [
        (path, method, operation)
        for path, methods in schema["paths"].items()
        if path.startswith("/v1")
        for method, operation in methods.items()
    ]
    for path, method, operation in operations:
        assert "storage_unavailable" in operation["responses"]["503"]["description"], path
        if "requestBody" in operation:
            assert "unsupported_media_type" in operation["responses"]["415"]["description"], (
                method,
                path,
            )


async def test_text_with_a_nul_character_is_422_naming_the_field(client, new_tenant, count_rows):
    platform = await new_tenant("platform")
    accounts, quotes = await count_rows(Account), await count_rows(Quote)
    named = await client.post(
        "/v1/accounts", headers=platform.headers, json={"role": "seller", "name": "a\u0000b"}
    )
    assert_problem(named, 422, "validation_error", param="name")
    body = quote_request()
    body["invoice"]["number"] = "F-\u0000"
    nested = await client.post("/v1/quotes", headers=platform.headers, json=body)
    assert_problem(nested, 422, "validation_error", param="invoice.number")
    escaped = await client.post(  # a backslash followed by "u0000" is ordinary text
        "/v1/accounts", headers=platform.headers, json={"role": "seller", "name": "a\\u0000b"}
    )
    assert escaped.status_code == 201, escaped.text
    assert (await count_rows(Account), await count_rows(Quote)) == (accounts + 1, quotes)


async def test_an_invoice_number_needs_a_letter_or_a_digit(client, new_tenant, count_rows):
    seller = await new_tenant("seller")
    quotes = await count_rows(Quote)
    for number in ("_", "__", "-_-", "\u200b_\u200b"):
        body = quote_request()
        body["invoice"]["number"] = number
        refused = await client.post("/v1/quotes", headers=seller.headers, json=body)
        assert_problem(refused, 422, "validation_error", param="invoice.number")
    body = quote_request()
    body["invoice"]["number"] = "_1"
    assert (await client.post("/v1/quotes", headers=seller.headers, json=body)).status_code == 201
    assert await count_rows(Quote) == quotes + 1
