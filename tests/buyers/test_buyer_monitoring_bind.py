"""Binds on a monitored buyer: refused once the buyer is stopped, held to the insurer's limit."""

from __future__ import annotations

import pytest

from tests.buyers.monitoring import buyer_of, covered, limited, quoted, signalled
from tests.covers.helpers import bind
from tests.fixtures.market import by_product
from tests.helpers import assert_problem


async def _covers_on(client, tenant, buyer_id: str) -> list[dict]:
    response = await client.get("/v1/covers", headers=tenant.headers, params={"buyer": buyer_id})
    assert response.status_code == 200, response.text
    return list(response.json()["data"])


@pytest.mark.parametrize("signal_type", ["payment_default", "insolvency"])
async def test_a_quote_made_before_the_buyer_stopped_cannot_be_bound(
    client, market, new_tenant, signal_type
):
    quote = await quoted(client, market.platform)
    await signalled(client, await new_tenant("operator"), quote["buyer"], signal_type)

    response = await bind(client, market.platform, quote, payment_method="pm_card_visa")

    assert_problem(response, 409, "buyer_stopped", "quote")
    assert await _covers_on(client, market.platform, quote["buyer"]) == []
    again = await client.get(f"/v1/quotes/{quote['id']}", headers=market.platform.headers)
    assert again.json()["status"] == "quoted"


async def test_a_buyer_back_from_stop_to_watch_can_be_covered_again(client, market, new_tenant):
    operator = await new_tenant("operator")
    quote = await quoted(client, market.platform)
    await signalled(client, operator, quote["buyer"], "payment_default")
    await signalled(client, operator, quote["buyer"], "rating_upgrade")

    response = await bind(client, market.platform, quote)

    assert response.status_code == 201, response.text


async def test_binds_are_held_to_the_insurers_limit(client, market):
    atlas = market.product_id("Atlas")
    first = await covered(client, market.seller, atlas)
    reg = (await buyer_of(client, market.seller, first["buyer"]))["registration_number"]
    big = await quoted(client, market.platform, registration_number=reg)
    small = await quoted(client, market.platform, registration_number=reg, amount=900_000)
    limit = first["insured_amount"] + 850_000
    await limited(client, market.insurers["Atlas"], first["buyer"], atlas, limit)

    over = await bind(client, market.platform, big, by_product(big)[0][atlas])
    problem = assert_problem(over, 409, "insufficient_capacity", "offer")
    assert f"capacity of EUR {limit // 100:,}.{limit % 100:02d}" in problem["detail"]

    under = await bind(client, market.platform, small, by_product(small)[0][atlas])
    assert under.status_code == 201, under.text
    held = first["insured_amount"] + under.json()["insured_amount"]
    shown = await buyer_of(client, market.insurers["Atlas"], first["buyer"])
    atlas_capacity = next(c for c in shown["capacity"] if c["product"] == atlas)
    assert (atlas_capacity["limit"], atlas_capacity["available"]) == (limit, limit - held)
