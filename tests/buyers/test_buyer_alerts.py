"""``buyer.alert``: the tenants holding cover on a buyer, and their insurers, hear that its
status changed; holders under one product hear that its insurer lowered its limit; nobody
else hears anything. An insolvency opens a claim on every paid cover on the buyer."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from tests.buyers.monitoring import alerts_seen, buyer_of, covered, limited, signalled
from tests.factories import registration_number
from tests.fixtures.market import platform_with_seller


@pytest.fixture
async def holders(client, market, new_tenant) -> dict[str, Any]:
    """One buyer covered by the market's seller (Atlas), a rival platform (Atlas) and the
    market's platform itself for another of its sellers (Helios); a stranger platform and an
    operator."""
    reg = registration_number()
    rival = await platform_with_seller(new_tenant)
    atlas, helios = market.product_id("Atlas"), market.product_id("Helios")
    other_seller = await new_tenant("seller", platform=market.platform.account_id)
    for_other = replace(market.platform, seller=other_seller.account_id)
    covers = {
        "seller": await covered(client, market.seller, atlas, registration_number=reg),
        "rival": await covered(client, rival, atlas, registration_number=reg),
        "platform": await covered(client, for_other, helios, registration_number=reg),
    }
    return {
        "buyer": covers["seller"]["buyer"],
        "covers": covers,
        "rival": rival,
        "stranger": await new_tenant("platform"),
        "operator": await new_tenant("operator"),
    }


def _tenants(market, holders) -> dict[str, Any]:
    return {
        "seller": market.seller,
        "platform": market.platform,
        "rival": holders["rival"],
        "atlas": market.insurers["Atlas"],
        "helios": market.insurers["Helios"],
        "northwind": market.insurers["Northwind"],
        "stranger": holders["stranger"],
    }


async def _counts(client, market, holders) -> dict[str, int]:
    tenants = _tenants(market, holders)
    return {n: len(await alerts_seen(client, t, holders["buyer"])) for n, t in tenants.items()}


async def test_a_status_change_alerts_each_holder_and_insurer_and_nobody_else(
    client, market, holders
):
    buyer_id = holders["buyer"]
    answer = await signalled(client, holders["operator"], buyer_id, "payment_default")

    # The platform hears of its own cover and of its seller's: one alert per holder.
    assert await _counts(client, market, holders) == {
        "seller": 1,
        "platform": 2,
        "rival": 1,
        "atlas": 1,
        "helios": 1,
        "northwind": 0,
        "stranger": 0,
    }
    [alert] = await alerts_seen(client, holders["rival"], buyer_id)
    assert alert["type"] == "buyer.alert"
    assert alert["data"]["object"] == answer
    assert alert["data"]["previous_attributes"]["status"] == "normal"
    assert "Acme SAS" not in str(alert)  # no tenant's own facts
    assert len(await alerts_seen(client, holders["operator"], buyer_id)) == 5


async def test_a_signal_that_leaves_the_status_alone_alerts_nobody(client, market, holders):
    atlas = market.insurers["Atlas"]
    await signalled(client, atlas, holders["buyer"], "bureau_score", bureau_score=60)
    await signalled(client, atlas, holders["buyer"], "rating_upgrade")
    assert set((await _counts(client, market, holders)).values()) == {0}


async def test_a_lower_limit_alerts_the_holders_under_that_product_only(client, market, holders):
    buyer_id, atlas = holders["buyer"], market.insurers["Atlas"]
    product = market.product_id("Atlas")
    await limited(client, atlas, buyer_id, product, 60_000_000)  # above capacity: no change
    assert set((await _counts(client, market, holders)).values()) == {0}

    await limited(client, atlas, buyer_id, product, 5_000_000)

    assert await _counts(client, market, holders) == {
        "seller": 1,
        "platform": 1,  # its seller's Atlas cover; its own cover is Helios's
        "rival": 1,
        "atlas": 0,
        "helios": 0,
        "northwind": 0,
        "stranger": 0,
    }
    [alert] = await alerts_seen(client, holders["rival"], buyer_id)
    assert alert["data"]["object"]["limit_change"] == {
        "product": product,
        "insurer": atlas.account_id,
        "currency": "EUR",
        "amount": 5_000_000,
        "previous_amount": 50_000_000,
    }
    assert alert["data"]["object"]["status"] == "normal"
    await limited(client, atlas, buyer_id, product, 6_000_000)  # raised: no alert
    assert len(await alerts_seen(client, holders["rival"], buyer_id)) == 1


async def test_an_insolvency_opens_a_claim_on_every_paid_cover_once(client, market, holders):
    buyer_id = holders["buyer"]
    await signalled(client, holders["operator"], buyer_id, "insolvency")
    await signalled(client, holders["operator"], buyer_id, "insolvency")

    for name, tenant in (("seller", market.seller), ("rival", holders["rival"])):
        cover = holders["covers"][name]
        response = await client.get(
            "/v1/claims", headers=tenant.headers, params={"cover": cover["id"]}
        )
        assert response.status_code == 200, response.text
        [claim] = response.json()["data"]
        assert (claim["cause"], claim["buyer"]) == ("insolvency", buyer_id)
    atlas_claims = await client.get("/v1/claims", headers=market.insurers["Atlas"].headers)
    assert len(atlas_claims.json()["data"]) == 2
    assert (await buyer_of(client, market.seller, buyer_id))["status"] == "insolvent"
