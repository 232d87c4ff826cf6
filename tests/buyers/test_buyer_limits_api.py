"""An insurer's own limits on a buyer: set under its own products, read back, shown in the
buyer's capacity; who may not, and what a bad limit is told."""

from __future__ import annotations

import pytest

from tests.buyers.monitoring import buyer_of, covered, limited, post_limit
from tests.helpers import assert_problem

ATLAS_CAPACITY = 50_000_000


@pytest.fixture
async def cover(client, market) -> dict:
    """A buyer the market's seller holds an Atlas cover on (so Atlas's insurer sees it)."""
    return await covered(client, market.seller, market.product_id("Atlas"))


def _capacity(buyer: dict, product_id: str) -> dict:
    return next(
        c for c in buyer["capacity"] if (c["product"], c["currency"]) == (product_id, "EUR")
    )


async def test_an_insurer_sets_its_limit_and_the_buyer_shows_the_smaller_capacity(
    client, market, cover
):
    atlas, product = market.insurers["Atlas"], market.product_id("Atlas")
    limit = await limited(client, atlas, cover["buyer"], product, 3_000_000)

    assert {k: v for k, v in limit.items() if not k.endswith("_at")} == {
        "object": "buyer_limit",
        "buyer": cover["buyer"],
        "product": product,
        "insurer": atlas.account_id,
        "currency": "EUR",
        "amount": 3_000_000,
        "livemode": False,
    }
    for reader in (market.seller, market.platform, atlas):
        shown = _capacity(await buyer_of(client, reader, cover["buyer"]), product)
        assert (shown["limit"], shown["insurer_limit"]) == (3_000_000, 3_000_000)
        assert shown["available"] == 3_000_000 - cover["insured_amount"]
    helios = _capacity(
        await buyer_of(client, market.seller, cover["buyer"]), market.product_id("Helios")
    )
    assert helios["insurer_limit"] is None


async def test_setting_a_limit_again_replaces_it(client, market, cover):
    atlas, product = market.insurers["Atlas"], market.product_id("Atlas")
    first = await limited(client, atlas, cover["buyer"], product, 3_000_000)
    second = await limited(client, atlas, cover["buyer"], product, 80_000_000)

    assert second["created_at"] == first["created_at"]
    listed = await client.get(f"/v1/buyers/{cover['buyer']}/limits", headers=atlas.headers)
    assert [(x["product"], x["amount"]) for x in listed.json()["data"]] == [(product, 80_000_000)]
    # Above the product's own capacity, a limit changes nothing.
    shown = _capacity(await buyer_of(client, atlas, cover["buyer"]), product)
    assert (shown["limit"], shown["insurer_limit"]) == (ATLAS_CAPACITY, 80_000_000)


async def _cover_on_same_buyer(client, market, buyer_id: str, product_id: str) -> dict:
    buyer = await buyer_of(client, market.platform, buyer_id)
    return await covered(
        client, market.platform, product_id, registration_number=buyer["registration_number"]
    )


async def test_an_insurer_reads_its_own_limits_and_the_operator_every_one(
    client, market, cover, new_tenant
):
    atlas_product, helios_product = market.product_id("Atlas"), market.product_id("Helios")
    buyer_id = cover["buyer"]
    await _cover_on_same_buyer(client, market, buyer_id, helios_product)
    await limited(client, market.insurers["Atlas"], buyer_id, atlas_product, 1_000_000)
    await limited(client, market.insurers["Helios"], buyer_id, helios_product, 2_000_000)

    def amounts(response) -> list[tuple[str, int]]:
        assert response.status_code == 200, response.text
        assert response.json()["has_more"] is False
        return sorted((x["product"], x["amount"]) for x in response.json()["data"])

    path = f"/v1/buyers/{buyer_id}/limits"
    atlas_sees = await client.get(path, headers=market.insurers["Atlas"].headers)
    assert amounts(atlas_sees) == [(atlas_product, 1_000_000)]
    operator_sees = await client.get(path, headers=(await new_tenant("operator")).headers)
    every = sorted([(atlas_product, 1_000_000), (helios_product, 2_000_000)])
    assert amounts(operator_sees) == every


@pytest.mark.parametrize("role", ["platform", "seller", "operator"])
async def test_only_insurers_set_limits(client, market, cover, new_tenant, role):
    tenant = {"platform": market.platform, "seller": market.seller}.get(role)
    tenant = tenant or await new_tenant("operator")
    response = await post_limit(client, tenant, cover["buyer"], market.product_id("Atlas"), 0)
    assert_problem(response, 403, "insufficient_role")


@pytest.mark.parametrize("role", ["platform", "seller"])
async def test_platforms_and_sellers_may_not_read_limits(client, market, cover, role):
    tenant = market.platform if role == "platform" else market.seller
    response = await client.get(f"/v1/buyers/{cover['buyer']}/limits", headers=tenant.headers)
    assert_problem(response, 403, "insufficient_role")


async def test_another_insurers_product_is_not_found(client, market, cover):
    atlas = market.insurers["Atlas"]
    response = await post_limit(client, atlas, cover["buyer"], market.product_id("Helios"), 0)
    assert_problem(response, 404, "resource_not_found", "product")
    shown = _capacity(await buyer_of(client, atlas, cover["buyer"]), market.product_id("Atlas"))
    assert shown["insurer_limit"] is None


async def test_a_buyer_the_insurer_cannot_see_is_not_found(client, market, cover):
    northwind = market.insurers["Northwind"]
    response = await post_limit(
        client, northwind, cover["buyer"], market.product_id("Northwind"), 0
    )
    assert_problem(response, 404, "resource_not_found", "buyer")
    listed = await client.get(f"/v1/buyers/{cover['buyer']}/limits", headers=northwind.headers)
    assert_problem(listed, 404, "resource_not_found")


@pytest.mark.parametrize(
    ("body", "code", "param"),
    [
        ({"currency": "GBP"}, "currency_not_insured", "currency"),
        ({"currency": "XYZ"}, "validation_error", "currency"),
        ({"amount": -1}, "validation_error", "amount"),
        ({"amount": 1.5}, "validation_error", "amount"),
        ({"product": "acct_01jd0000000000000000000000"}, "validation_error", "product"),
    ],
)
async def test_a_bad_limit_is_refused_with_a_stable_code(client, market, cover, body, code, param):
    atlas = market.insurers["Atlas"]
    full = {"product": market.product_id("Atlas"), "currency": "EUR", "amount": 1_000} | body
    response = await client.post(
        f"/v1/buyers/{cover['buyer']}/limits", headers=atlas.headers, json=full
    )
    assert_problem(response, 422, code, param)
    listed = await client.get(f"/v1/buyers/{cover['buyer']}/limits", headers=atlas.headers)
    assert listed.json()["data"] == []
