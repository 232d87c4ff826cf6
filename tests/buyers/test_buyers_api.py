"""The buyer registry: fed by quotes, read by the tenants that quoted the buyer, with capacity."""

from __future__ import annotations

import secrets

from marketplace.models import BuyerExposure
from tests.factories import quote_request
from tests.fixtures.market import for_seller
from tests.helpers import assert_problem


async def _quote(client, tenant, body):
    body = for_seller(tenant, body)
    response = await client.post("/v1/quotes", headers=tenant.headers, json=body)
    assert response.status_code == 201, response.text
    return response.json()


async def test_a_buyer_shows_the_callers_facts_score_and_capacity(client, market, database):
    quote = await _quote(client, market.platform, quote_request())
    atlas = market.product_id("Atlas")
    async with database.writer_session() as session:
        session.add(
            BuyerExposure(
                buyer_id=quote["buyer"], product_id=atlas, currency="EUR", exposure_minor=1_000_000
            )
        )
        await session.commit()
    buyer = (
        await client.get(f"/v1/buyers/{quote['buyer']}", headers=market.platform.headers)
    ).json()
    assert buyer["object"] == "buyer"
    assert (buyer["country"], buyer["sector"], buyer["facts"]["employees"]) == ("FR", "C", 48)
    assert buyer["risk"]["probability_of_default"] == quote["risk"]["probability_of_default"]
    assert buyer["risk"]["grade"] == quote["risk"]["grade"]
    assert buyer["fact_sets"] is None
    capacity = {(c["product"], c["currency"]): c for c in buyer["capacity"]}
    # Exposure counts the caller's covers (none); what is available is marketplace-wide.
    assert capacity[(atlas, "EUR")] == {
        "product": atlas,
        "insurer": market.products["Atlas"]["insurer"],
        "currency": "EUR",
        "limit": 50_000_000,
        "insurer_limit": None,
        "exposure": 0,
        "available": 49_000_000,
    }
    assert (market.product_id("Northwind"), "GBP") in capacity


async def test_later_quotes_update_the_buyer_without_erasing_what_they_omit(client, market):
    first = quote_request()
    quote = await _quote(client, market.platform, first)
    sparse = quote_request(registration_number=first["buyer"]["registration_number"], employees=60)
    for field in ("bureau_score", "annual_revenue", "sector"):
        del sparse["buyer"][field]
    again = await _quote(client, market.platform, sparse)
    assert again["buyer"] == quote["buyer"]
    buyer = (
        await client.get(f"/v1/buyers/{quote['buyer']}", headers=market.platform.headers)
    ).json()
    assert (buyer["facts"]["employees"], buyer["facts"]["bureau_score"], buyer["sector"]) == (
        60,
        71,
        "C",
    )


async def test_only_tenants_that_quoted_or_cover_a_buyer_can_read_it(client, market, new_tenant):
    quote = await _quote(client, market.seller, quote_request())
    buyer_path = f"/v1/buyers/{quote['buyer']}"
    assert (await client.get(buyer_path, headers=market.seller.headers)).status_code == 200
    assert (await client.get(buyer_path, headers=market.platform.headers)).status_code == 200
    assert (
        await client.get(buyer_path, headers=(await new_tenant("operator")).headers)
    ).status_code == 200
    stranger = await new_tenant("platform")
    assert_problem(
        await client.get(buyer_path, headers=stranger.headers), 404, "resource_not_found"
    )
    listed = await client.get("/v1/buyers", headers=stranger.headers)
    assert quote["buyer"] not in [b["id"] for b in listed.json()["data"]]
    # An insurer reads the buyers its products cover (tests/buyers/test_buyer_exposure.py).
    assert_problem(
        await client.get(buyer_path, headers=(await new_tenant("insurer")).headers),
        404,
        "resource_not_found",
    )


async def test_one_company_typed_three_ways_is_one_buyer(client, market):
    """Exposure adds up per company: separators, case and a leading country code do not make
    another buyer (they would split the insurer's limit on one company into several)."""
    digits = "".join(str(secrets.randbelow(10)) for _ in range(9))
    spaced = f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    buyers = set()
    for typed in (spaced, f"fr{digits[:3]}.{digits[3:6]}.{digits[6:]}", f"FR-{digits}"):
        quote = await _quote(client, market.platform, quote_request(registration_number=typed))
        buyers.add(quote["buyer"])
    assert len(buyers) == 1
    buyer = (await client.get(f"/v1/buyers/{buyers.pop()}", headers=market.platform.headers)).json()
    assert buyer["registration_number"] == digits
