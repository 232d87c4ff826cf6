"""Test and live never mix: an object made with a test key does not exist for a live key of the
same account (accounts themselves are tenants, the same in both modes)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from marketplace.accounts import service
from marketplace.kit.commands import SYSTEM
from tests.conftest import Tenant
from tests.helpers import assert_problem


@pytest.fixture
def live_twin(database):
    """The same tenant with a live key, made as the command line makes it."""

    async def make(tenant: Tenant) -> Tenant:
        async with database.writer_session() as session:
            created = await service.create_api_key(session, SYSTEM, tenant.account_id, True, None)
            await session.commit()
        return replace(tenant, secret=created.secret)

    return make


@pytest.fixture
async def test_mode_objects(client, market):
    """A quote, and a cover bound on its Atlas offer, all in test mode."""
    quote = (
        await client.post(
            "/v1/quotes", headers=market.platform.headers, json=market.quote_request()
        )
    ).json()
    offer = next(o for o in quote["offers"] if o["product"] == market.product_id("Atlas"))
    cover = await client.post(
        "/v1/covers",
        headers=market.platform.headers,
        json={"quote": quote["id"], "offer": offer["id"], "payment_method": "pm_card_visa"},
    )
    assert cover.status_code == 201, cover.text
    return {"quote": quote, "cover": cover.json()}


async def test_test_mode_objects_are_not_found_with_a_live_key(
    client, market, live_twin, test_mode_objects
):
    platform, insurer = await live_twin(market.platform), await live_twin(market.insurers["Atlas"])
    quote, cover = test_mode_objects["quote"], test_mode_objects["cover"]
    reads = [
        (insurer, f"/v1/products/{market.product_id('Atlas')}"),
        (platform, f"/v1/quotes/{quote['id']}"),
        (platform, f"/v1/buyers/{quote['buyer']}"),
        (platform, f"/v1/covers/{cover['id']}"),
        (insurer, f"/v1/covers/{cover['id']}"),
    ]
    for tenant, path in reads:
        assert_problem(await client.get(path, headers=tenant.headers), 404, "resource_not_found")
    for tenant, path in [
        (insurer, "/v1/products"),
        (platform, "/v1/quotes"),
        (platform, "/v1/buyers"),
        (platform, "/v1/covers"),
        (insurer, "/v1/covers"),
    ]:
        listed = await client.get(path, headers=tenant.headers)
        assert listed.json()["data"] == [], path
    me = await client.get(f"/v1/accounts/{market.platform.account_id}", headers=platform.headers)
    assert me.status_code == 200


async def test_test_mode_objects_cannot_be_changed_with_a_live_key(
    client, market, live_twin, test_mode_objects
):
    platform, insurer = await live_twin(market.platform), await live_twin(market.insurers["Atlas"])
    cover = test_mode_objects["cover"]
    writes = [
        (insurer, f"/v1/products/{market.product_id('Atlas')}/pause"),
        (platform, f"/v1/covers/{cover['id']}/cancel"),
    ]
    for tenant, path in writes:
        assert_problem(await client.post(path, headers=tenant.headers), 404, "resource_not_found")
    product = await client.get(
        f"/v1/products/{market.product_id('Atlas')}", headers=market.insurers["Atlas"].headers
    )
    assert product.json()["status"] == "active"
