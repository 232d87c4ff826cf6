"""Quote requests are validated field by field; a refused request writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from marketplace.models import Buyer, Quote
from tests.factories import quote_request
from tests.fixtures.market import for_seller
from tests.helpers import assert_problem

TODAY = dt.datetime.now(dt.UTC).date()


def _with_invoice(**changes):
    body = quote_request()
    body["invoice"].update(changes)
    return body


def _with_buyer(**changes):
    body = quote_request()
    body["buyer"].update(changes)
    return body


@pytest.mark.parametrize(
    ("body", "status", "code", "param"),
    [
        (_with_invoice(amount=0), 422, "validation_error", "invoice.amount"),
        (_with_invoice(amount=10**14), 422, "validation_error", "invoice.amount"),
        (_with_invoice(currency="JPY"), 422, "validation_error", "invoice.currency"),
        (_with_invoice(due_date="2026-13-01"), 422, "validation_error", "invoice.due_date"),
        (_with_buyer(country="ZZ"), 422, "validation_error", "buyer.country"),
        (_with_buyer(sector="Z"), 422, "validation_error", "buyer.sector"),
        (_with_buyer(registration_number=""), 422, "validation_error", "buyer.registration_number"),
        (quote_request() | {"cover_ratios": [1.2]}, 422, "validation_error", "cover_ratios[0]"),
        (
            _with_invoice(issue_date=TODAY.isoformat(), due_date=TODAY.isoformat()),
            422,
            "due_date_not_after_issue_date",
            "invoice.due_date",
        ),
        (
            _with_invoice(
                issue_date=(TODAY - dt.timedelta(days=90)).isoformat(),
                due_date=(TODAY - dt.timedelta(days=1)).isoformat(),
            ),
            422,
            "due_date_in_past",
            "invoice.due_date",
        ),
        (quote_request(days=200), 422, "tenor_too_long", "invoice.due_date"),
    ],
)
async def test_a_bad_quote_is_refused_naming_the_field(
    client, market, count_rows, body, status, code, param
):
    quotes, buyers = await count_rows(Quote), await count_rows(Buyer)
    body = for_seller(market.platform, body)
    response = await client.post("/v1/quotes", headers=market.platform.headers, json=body)
    assert_problem(response, status, code, param=param)
    assert (await count_rows(Quote), await count_rows(Buyer)) == (quotes, buyers)


async def test_only_platforms_and_sellers_quote(client, market, new_tenant):
    insurer = await new_tenant("insurer")
    response = await client.post("/v1/quotes", headers=insurer.headers, json=quote_request())
    assert_problem(response, 403, "insufficient_role")


async def test_a_platform_quotes_for_its_own_sellers_only(client, market, new_tenant, count_rows):
    other_seller = await new_tenant("seller", platform=(await new_tenant("platform")).account_id)
    before = await count_rows(Quote)
    foreign = await client.post(
        "/v1/quotes",
        headers=market.platform.headers,
        json=quote_request() | {"seller": other_seller.account_id},
    )
    assert_problem(foreign, 404, "resource_not_found", param="seller")
    assert await count_rows(Quote) == before
    own = await client.post(
        "/v1/quotes",
        headers=market.platform.headers,
        json=quote_request() | {"seller": market.seller.account_id},
    )
    assert own.json()["seller"] == market.seller.account_id


async def test_a_platform_must_name_the_seller_it_quotes_for(client, market, count_rows):
    quotes, buyers = await count_rows(Quote), await count_rows(Buyer)
    response = await client.post(
        "/v1/quotes", headers=market.platform.headers, json=quote_request()
    )
    assert_problem(response, 422, "seller_required", param="seller")
    assert (await count_rows(Quote), await count_rows(Buyer)) == (quotes, buyers)


async def test_a_seller_quotes_for_itself_without_naming_itself(client, market, new_tenant):
    own = await client.post("/v1/quotes", headers=market.seller.headers, json=quote_request())
    assert (own.status_code, own.json()["seller"]) == (201, market.seller.account_id)
    other = await new_tenant("seller", platform=market.platform.account_id)
    body = quote_request(seller=other.account_id)
    foreign = await client.post("/v1/quotes", headers=market.seller.headers, json=body)
    assert_problem(foreign, 404, "resource_not_found", param="seller")
