"""Exposure on a buyer as each tenant sees it: its own covers' (insurer: its products'),
while ``available`` stays what the marketplace can still insure."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from tests.factories import quote_request, registration_number
from tests.fixtures.market import for_seller, platform_with_seller
from tests.helpers import assert_problem


async def _cover(client, tenant, reg: str, product_id: str) -> dict[str, Any]:
    """Quote the buyer for a new invoice and bind the offer of ``product_id``."""
    body = for_seller(tenant, quote_request(registration_number=reg))
    quoted = await client.post("/v1/quotes", headers=tenant.headers, json=body)
    assert quoted.status_code == 201, quoted.text
    quote = quoted.json()
    offer = next(o for o in quote["offers"] if o["product"] == product_id)
    response = await client.post(
        "/v1/covers",
        headers=tenant.headers,
        json={"quote": quote["id"], "offer": offer["id"], "payment_method": "pm_card_visa"},
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _exposure(client, tenant, buyer_id: str) -> dict[str, tuple[int, int]]:
    """(exposure, available) in EUR by product, as ``tenant`` reads the buyer."""
    response = await client.get(f"/v1/buyers/{buyer_id}", headers=tenant.headers)
    assert response.status_code == 200, response.text
    return {
        c["product"]: (c["exposure"], c["available"])
        for c in response.json()["capacity"]
        if c["currency"] == "EUR"
    }


@pytest.fixture
async def covered(client, market, new_tenant) -> dict[str, Any]:
    """One buyer covered three times: by the market's seller (Atlas), by a rival platform
    (Atlas) and by the market's platform itself for another of its sellers (Helios)."""
    reg = registration_number()
    rival = await platform_with_seller(new_tenant)
    atlas, helios = market.product_id("Atlas"), market.product_id("Helios")
    other_seller = await new_tenant("seller", platform=market.platform.account_id)
    for_other = replace(market.platform, seller=other_seller.account_id)
    covers = {
        "seller": await _cover(client, market.seller, reg, atlas),
        "rival": await _cover(client, rival, reg, atlas),
        "platform": await _cover(client, for_other, reg, helios),
    }
    insured = {who: cover["insured_amount"] for who, cover in covers.items()}
    return {"buyer": covers["seller"]["buyer"], "rival": rival, "insured": insured}


async def test_a_platform_or_seller_sees_the_exposure_of_its_own_covers_only(
    client, market, covered
):
    atlas, helios = market.product_id("Atlas"), market.product_id("Helios")
    insured, buyer = covered["insured"], covered["buyer"]
    atlas_left = 50_000_000 - insured["seller"] - insured["rival"]
    helios_left = 15_000_000 - insured["platform"]

    platform = await _exposure(client, market.platform, buyer)
    assert platform[atlas] == (insured["seller"], atlas_left)  # its seller's cover, not the rival's
    assert platform[helios] == (insured["platform"], helios_left)
    seller = await _exposure(client, market.seller, buyer)
    assert (seller[atlas], seller[helios]) == ((insured["seller"], atlas_left), (0, helios_left))
    rival = await _exposure(client, covered["rival"], buyer)
    assert (rival[atlas], rival[helios]) == ((insured["rival"], atlas_left), (0, helios_left))


async def test_an_insurer_sees_exposure_on_its_own_products_and_no_facts(client, market, covered):
    atlas, buyer = market.product_id("Atlas"), covered["buyer"]
    insured = covered["insured"]
    response = await client.get(f"/v1/buyers/{buyer}", headers=market.insurers["Atlas"].headers)
    seen = response.json()
    assert {c["product"] for c in seen["capacity"]} == {atlas}
    assert seen["capacity"][0]["exposure"] == insured["seller"] + insured["rival"]
    assert (seen["name"], seen["fact_sets"], set(seen["facts"].values())) == (None, None, {None})
    assert seen["risk"]["grade"] is None
    assert "Acme SAS" not in response.text
    listed = await client.get("/v1/buyers", headers=market.insurers["Atlas"].headers)
    assert [b["id"] for b in listed.json()["data"]] == [buyer]
    uncovered = await client.get(
        f"/v1/buyers/{buyer}", headers=market.insurers["Northwind"].headers
    )
    assert_problem(uncovered, 404, "resource_not_found")


async def test_the_operator_sees_total_exposure_and_every_fact_set(
    client, market, new_tenant, covered
):
    atlas, helios = market.product_id("Atlas"), market.product_id("Helios")
    insured, buyer = covered["insured"], covered["buyer"]
    operator = await new_tenant("operator")
    seen = await _exposure(client, operator, buyer)
    assert seen[atlas][0] == insured["seller"] + insured["rival"]
    assert seen[helios][0] == insured["platform"]
    read = (await client.get(f"/v1/buyers/{buyer}", headers=operator.headers)).json()
    assert {f["account"] for f in read["fact_sets"]} == {
        market.seller.account_id,
        market.platform.account_id,
        covered["rival"].account_id,
    }
