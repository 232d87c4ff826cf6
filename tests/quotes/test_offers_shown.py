"""What a checkout shows of each offer: who insures and under which product (as the quote was
made), each offer's own expiry, and one offer per (product, cover ratio) asked for."""

from __future__ import annotations

import datetime as dt

from marketplace.demo import DEMO_PRODUCTS
from tests.factories import product_terms
from tests.fixtures.market import by_product, codes, make_product


def _at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


async def _quote(client, market, amount: int = 1_250_000, **fields):
    body = market.quote_request(amount=amount) | fields
    response = await client.post("/v1/quotes", headers=market.platform.headers, json=body)
    assert response.status_code == 201, response.text
    return response.json()


async def test_each_offer_names_its_insurer_and_product_wherever_it_is_read(client, market):
    quote = await _quote(client, market)
    expected = {
        market.product_id(insurer.split()[0]): (insurer, terms["name"])
        for insurer, terms in DEMO_PRODUCTS.items()
    }
    shown = {o["product"]: (o["insurer_name"], o["product_name"]) for o in quote["offers"]}
    assert shown == expected

    headers = market.platform.headers
    retrieved = (await client.get(f"/v1/quotes/{quote['id']}", headers=headers)).json()
    listed = (await client.get("/v1/quotes", headers=headers)).json()["data"]
    assert retrieved["offers"] == quote["offers"]
    assert [q["offers"] for q in listed if q["id"] == quote["id"]] == [quote["offers"]]


async def test_an_offer_keeps_the_product_name_it_was_shown_with(client, market):
    before = await _quote(client, market)
    atlas, insurer = market.products["Atlas"], market.insurers["Atlas"]
    renamed = dict(DEMO_PRODUCTS["Atlas Credit"])
    renamed["name"] = "Atlas Invoice Cover 2027"
    updated = await client.post(
        f"/v1/products/{atlas['id']}", headers=insurer.headers, json=renamed
    )
    assert updated.status_code == 200, updated.text

    after = await _quote(client, market)

    old, _ = by_product(before)
    new, _ = by_product(after)
    assert new[atlas["id"]]["product_name"] == "Atlas Invoice Cover 2027"
    reread = await client.get(f"/v1/quotes/{before['id']}", headers=market.platform.headers)
    assert (
        by_product(reread.json())[0][atlas["id"]]["product_name"]
        == old[atlas["id"]]["product_name"]
    )
    assert old[atlas["id"]]["product_name"] == DEMO_PRODUCTS["Atlas Credit"]["name"]


async def test_two_ratios_give_two_offers_of_one_product_and_declines_name_the_ratio(
    client, market
):
    quote = await _quote(client, market, amount=20_000_000, cover_ratios=[0.9, 0.75])

    atlas = [o for o in quote["offers"] if o["product"] == market.product_id("Atlas")]
    assert sorted(o["cover_ratio"] for o in atlas) == [0.75, 0.9]
    by_ratio = {o["cover_ratio"]: o for o in atlas}
    assert by_ratio[0.9]["premium"] > by_ratio[0.75]["premium"]
    assert by_ratio[0.9]["insured_amount"] == 18_000_000
    assert by_ratio[0.75]["insured_amount"] == 15_000_000
    assert by_ratio[0.9]["id"] != by_ratio[0.75]["id"]
    premiums = [o["premium"] for o in quote["offers"]]
    assert premiums == sorted(premiums)
    # Northwind offers 0.85 only: one decline per ratio asked, each naming its ratio
    northwind = [d for d in quote["declines"] if d["product"] == market.product_id("Northwind")]
    assert sorted(d["cover_ratio"] for d in northwind) == [0.75, 0.9]
    for decline in northwind:
        assert "cover_ratio_not_offered" in codes(decline)
        assert str(decline["cover_ratio"]) in decline["reasons"][0]["message"]


async def test_a_product_accepting_one_ratio_offers_it_and_declines_the_other(
    client, market, new_tenant
):
    """Capacity for 1,000,000 insured: 90 % of 1,250,000 does not fit, 50 % does."""
    terms = product_terms(cover_ratios=[0.9, 0.5])
    terms["currencies"][0].update(buyer_capacity=1_000_000)
    product = await make_product(client, await new_tenant("insurer"), terms)

    quote = await _quote(client, market, cover_ratios=[0.9, 0.5])

    [offer] = [o for o in quote["offers"] if o["product"] == product["id"]]
    [decline] = [d for d in quote["declines"] if d["product"] == product["id"]]
    assert (offer["cover_ratio"], offer["insured_amount"]) == (0.5, 625_000)
    assert decline["cover_ratio"] == 0.9
    assert codes(decline) == {"capacity_exceeded"}


async def test_each_offer_expires_with_its_own_products_validity(client, market, new_tenant):
    brief = await make_product(
        client, await new_tenant("insurer"), product_terms(quote_validity_minutes=5)
    )

    quote = await _quote(client, market)

    offers, _ = by_product(quote)
    created = _at(quote["created_at"])
    assert _at(offers[brief["id"]]["expires_at"]) == created + dt.timedelta(minutes=5)
    atlas = offers[market.product_id("Atlas")]
    assert _at(atlas["expires_at"]) == created + dt.timedelta(minutes=1440)
    assert _at(quote["expires_at"]) == max(_at(o["expires_at"]) for o in quote["offers"])
