"""Quotes are kept to be reproduced and audited, read back by their owners only, and expire."""

from __future__ import annotations

import datetime as dt

import httpx
from marketplace_sdk import AuthenticatedClient
from marketplace_sdk.api.quotes import create_quote
from marketplace_sdk.models import QuoteCreate, QuoteOut
from sqlalchemy import select, update

from marketplace.demo import DEMO_PRODUCTS
from marketplace.models import Quote
from marketplace.underwriting.features import FEATURE_NAMES
from marketplace.underwriting.model import RiskModel
from tests.factories import quote_request
from tests.fixtures.market import for_seller
from tests.helpers import assert_problem


async def _quote(client, tenant, body=None):
    body = for_seller(tenant, body or quote_request())
    response = await client.post("/v1/quotes", headers=tenant.headers, json=body)
    assert response.status_code == 201, response.text
    return response.json()


async def test_a_quote_reads_back_exactly_as_answered(client, market):
    quote = await _quote(client, market.platform)
    again = await client.get(f"/v1/quotes/{quote['id']}", headers=market.platform.headers)
    assert again.json() == quote


async def test_the_stored_vector_reproduces_the_risk(client, market, database):
    quote = await _quote(client, market.platform)
    async with database.reader_session() as session:
        row = (await session.execute(select(Quote).where(Quote.id == quote["id"]))).scalar_one()
    assert len(row.features) == len(FEATURE_NAMES)
    model = RiskModel.load()
    assert row.model_version == model.model_version == quote["model_version"]
    assert (
        model.score_features(row.features).probability_of_default
        == quote["risk"]["probability_of_default"]
    )
    assert row.request["buyer"]["registration_number"]


async def test_quotes_keep_the_product_version_they_used(client, market):
    before = await _quote(client, market.platform)
    atlas = market.product_id("Atlas")
    terms = DEMO_PRODUCTS["Atlas Credit"] | {"max_tenor_days": 100}
    updated = await client.post(
        f"/v1/products/{atlas}", headers=market.insurers["Atlas"].headers, json=terms
    )
    assert updated.json()["version"] == 2
    after = await _quote(client, market.platform)
    assert {o["product"]: o for o in after["offers"]}[atlas]["product_version"] == 2
    reread = await client.get(f"/v1/quotes/{before['id']}", headers=market.platform.headers)
    assert {o["product"]: o for o in reread.json()["offers"]}[atlas]["product_version"] == 1


async def test_list_filters_by_status_and_buyer(client, market):
    quoted = await _quote(client, market.platform)
    declined = await _quote(client, market.platform, quote_request(sector="K"))
    headers = market.platform.headers
    only_quoted = (await client.get("/v1/quotes?status=quoted&limit=100", headers=headers)).json()[
        "data"
    ]
    assert quoted["id"] in [q["id"] for q in only_quoted]
    assert declined["id"] not in [q["id"] for q in only_quoted]
    by_buyer = (await client.get(f"/v1/quotes?buyer={declined['buyer']}", headers=headers)).json()[
        "data"
    ]
    assert [q["id"] for q in by_buyer] == [declined["id"]]


async def test_a_quote_past_its_expiry_reads_expired(client, market, database):
    quote = await _quote(client, market.platform)
    async with database.writer_session() as session:
        past = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
        await session.execute(update(Quote).where(Quote.id == quote["id"]).values(expires_at=past))
        await session.commit()
    read = await client.get(f"/v1/quotes/{quote['id']}", headers=market.platform.headers)
    assert read.json()["status"] == "expired"
    expired = await client.get(
        "/v1/quotes?status=expired&limit=100", headers=market.platform.headers
    )
    assert quote["id"] in [q["id"] for q in expired.json()["data"]]


async def test_another_tenants_quote_is_not_found(client, market, new_tenant):
    quote = await _quote(
        client, market.platform, quote_request() | {"seller": market.seller.account_id}
    )
    stranger, other_seller = await new_tenant("platform"), await new_tenant("seller")
    for tenant in (stranger, other_seller):
        response = await client.get(f"/v1/quotes/{quote['id']}", headers=tenant.headers)
        assert_problem(response, 404, "resource_not_found")
        listed = await client.get("/v1/quotes", headers=tenant.headers)
        assert quote["id"] not in [q["id"] for q in listed.json()["data"]]
    mine = await client.get(f"/v1/quotes/{quote['id']}", headers=market.seller.headers)
    assert mine.status_code == 200


async def test_a_quote_through_the_sdk(asgi_transport, market):
    secret = market.platform.secret
    sdk = AuthenticatedClient(base_url="http://testserver.local", token=secret)
    sdk.set_async_httpx_client(
        httpx.AsyncClient(
            transport=asgi_transport,
            base_url="http://testserver.local",
            headers={"Authorization": f"Bearer {secret}"},
        )
    )
    body = QuoteCreate.from_dict(quote_request(seller=market.seller.account_id))
    answer = await create_quote.asyncio(client=sdk, body=body)
    assert isinstance(answer, QuoteOut)
    assert len(answer.offers) == 3
    assert answer.offers[0].premium <= answer.offers[-1].premium
