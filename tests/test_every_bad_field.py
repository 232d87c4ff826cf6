"""A request that does not fit the schema names every bad field at once (``errors``), each with
its dotted ``param``, a stable ``code`` and a message; the top-level ``param`` and ``detail``
name the first. An integrator fixes a request in one round trip, not one field per try."""

from __future__ import annotations

from marketplace.models import ProductVersion, Quote
from tests.factories import product_terms, quote_request
from tests.helpers import assert_problem


def _errors(body: dict) -> list[tuple[str, str]]:
    return [(error["param"], error["code"]) for error in body["errors"]]


async def test_every_bad_field_of_a_quote_is_listed_and_nothing_is_written(
    client, new_tenant, count_rows
):
    platform = await new_tenant("platform")
    body = quote_request()
    body["invoice"]["amount"] = 1000.0
    body["invoice"]["currency"] = "EURO"
    del body["invoice"]["due_date"]
    body["buyer"]["sector"] = "Z"
    body["buyer"]["bureau_score"] = "71"
    body["relationship"] = {"months": -1, "prior_late_ratio": 2}
    body["cover_ratios"] = [0.9, 0]
    body["notes"] = "hello"
    before = await count_rows(Quote)

    response = await client.post("/v1/quotes", headers=platform.headers, json=body)

    problem = assert_problem(response, 422, "validation_error", param="invoice.amount")
    assert _errors(problem) == [
        ("invoice.amount", "wrong_type"),
        ("invoice.currency", "invalid_choice"),
        ("invoice.due_date", "missing_field"),
        ("buyer.sector", "invalid_choice"),
        ("buyer.bureau_score", "wrong_type"),
        ("relationship.months", "too_small"),
        ("relationship.prior_late_ratio", "too_large"),
        ("cover_ratios[1]", "too_small"),
        ("notes", "unknown_field"),
    ]
    assert all(error["message"] for error in problem["errors"])
    assert problem["errors"][0]["message"] in problem["detail"]
    assert "invoice.amount" in problem["detail"]
    assert await count_rows(Quote) == before


async def test_every_bad_product_term_is_listed_down_to_list_items(client, new_tenant, count_rows):
    insurer = await new_tenant("insurer")
    terms = product_terms(max_tenor_days="120", excluded_sectors=["K", "ZZ"], cover_ratios=[])
    terms["currencies"][0]["amount_min"] = -5
    terms["currencies"][0]["curency"] = "EUR"
    before = await count_rows(ProductVersion)

    response = await client.post("/v1/products", headers=insurer.headers, json=terms)

    problem = assert_problem(response, 422, "validation_error", param="currencies[0].amount_min")
    assert _errors(problem) == [
        ("currencies[0].amount_min", "too_small"),
        ("currencies[0].curency", "unknown_field"),
        ("excluded_sectors[1]", "invalid_choice"),
        ("max_tenor_days", "wrong_type"),
        ("cover_ratios", "too_short"),
    ]
    assert await count_rows(ProductVersion) == before


async def test_text_with_a_nul_character_is_listed_with_the_other_bad_fields(client, new_tenant):
    platform = await new_tenant("platform")
    body = quote_request()
    body["invoice"]["amount"] = "1"
    body["buyer"]["name"] = "Acme\u0000"
    body["buyer"]["employees"] = 1.5

    response = await client.post("/v1/quotes", headers=platform.headers, json=body)

    problem = assert_problem(response, 422, "validation_error", param="invoice.amount")
    assert _errors(problem) == [
        ("invoice.amount", "wrong_type"),
        ("buyer.employees", "wrong_type"),
        ("buyer.name", "nul_character"),
    ]


async def test_every_unknown_query_parameter_is_listed(client, new_tenant):
    platform = await new_tenant("platform")
    response = await client.get("/v1/quotes?statsu=quoted&limt=5", headers=platform.headers)
    problem = assert_problem(response, 422, "validation_error", param="statsu")
    assert _errors(problem) == [("statsu", "unknown_parameter"), ("limt", "unknown_parameter")]
    assert "status" in problem["errors"][1]["message"]


async def test_every_bad_query_parameter_is_listed_with_its_code(client, new_tenant):
    platform = await new_tenant("platform")
    response = await client.get("/v1/quotes?status=nope&buyer=acct_1", headers=platform.headers)
    problem = assert_problem(response, 422, "validation_error")
    assert sorted(_errors(problem)) == [("buyer", "pattern_mismatch"), ("status", "invalid_choice")]
    assert problem["param"] == problem["errors"][0]["param"]


async def test_a_missing_body_and_a_body_of_the_wrong_kind_have_codes(client, new_tenant):
    operator = await new_tenant("operator")
    headers = operator.headers | {"content-type": "application/json"}
    not_an_object = await client.post("/v1/accounts", headers=headers, content=b"[1]")
    problem = assert_problem(not_an_object, 422, "validation_error")
    assert _errors(problem) == [("", "wrong_type")]
    missing = await client.post("/v1/accounts", headers=operator.headers)
    problem = assert_problem(missing, 422, "validation_error")
    assert [error["code"] for error in problem["errors"]] == ["missing_body"]


async def test_bad_metadata_is_listed_with_the_other_bad_fields_and_the_list_is_bounded(
    client, new_tenant
):
    platform = await new_tenant("platform")
    body = quote_request()
    body["invoice"]["amount"] = -1
    body["metadata"] = {"a[b]": "x", "": "y", "k" * 41: "v", "ok": "z" * 501, "fine": "kept"}

    response = await client.post("/v1/quotes", headers=platform.headers, json=body)

    problem = assert_problem(response, 422, "validation_error", param="invoice.amount")
    assert _errors(problem) == [
        ("invoice.amount", "too_small"),
        ("metadata.a[b]", "pattern_mismatch"),
        ("metadata.", "too_short"),
        (f"metadata.{'k' * 41}", "too_long"),
        ("metadata.ok", "too_long"),
    ]
    body["metadata"] = {f"[{n}": "" for n in range(5_000)}
    flood = await client.post("/v1/quotes", headers=platform.headers, json=body)
    assert len(assert_problem(flood, 422, "validation_error")["errors"]) == 100
