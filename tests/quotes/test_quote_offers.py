"""A quote answers with priced offers from every product taking the risk, or reasoned declines."""

from __future__ import annotations

import math

from tests.factories import RISKY_BUYER, product_terms, quote_request
from tests.fixtures.market import by_product, codes, for_seller, make_product, platform_with_seller
from tests.helpers import assert_problem


async def _quote(client, market, body):
    body = for_seller(market.platform, body)
    response = await client.post("/v1/quotes", headers=market.platform.headers, json=body)
    assert response.status_code == 201, response.text
    return response.json()


async def test_a_healthy_buyer_gets_offers_from_every_insurer_cheapest_first(client, market):
    quote = await _quote(client, market, quote_request())
    assert quote["status"] == "quoted"
    assert quote["object"] == "quote"
    assert {o["product"] for o in quote["offers"]} == {
        market.product_id(n) for n in ("Atlas", "Northwind", "Helios")
    }
    premiums = [o["premium"] for o in quote["offers"]]
    assert premiums == sorted(premiums)
    for offer in quote["offers"]:
        assert offer["insured_amount"] == math.floor(1_250_000 * offer["cover_ratio"])
        assert isinstance(offer["premium"], int)
        assert offer["premium"] > 0
        assert offer["premium_rate_bps"] == round(offer["premium"] * 10_000 / 1_250_000)
        assert offer["product_version"] == 1
        assert offer["id"].startswith("off_")
    assert quote["risk"]["grade"] in {"A", "B"}
    assert quote["buyer"].startswith("buy_")
    assert quote["model_version"]


async def test_a_risky_buyer_gets_fewer_offers_and_risk_declines(client, market):
    healthy = await _quote(client, market, quote_request(sector="F"))
    risky = await _quote(client, market, quote_request(**RISKY_BUYER))
    assert risky["risk"]["probability_of_default"] > healthy["risk"]["probability_of_default"]
    assert len(risky["offers"]) < len(healthy["offers"])
    _, declines = by_product(risky)
    assert "risk_too_high" in codes(declines[market.product_id("Northwind")])
    assert {r["code"] for r in risky["risk"]["reasons"]} & {
        "payment_incidents",
        "days_beyond_terms",
    }


async def test_an_excluded_sector_is_declined_by_every_product_with_reasons(client, market):
    quote = await _quote(client, market, quote_request(sector="K"))
    assert quote["status"] == "declined"
    assert quote["offers"] == []
    assert len(quote["declines"]) == 3
    for decline in quote["declines"]:
        assert codes(decline) == {"sector_excluded"}
        assert "K" in decline["reasons"][0]["message"]
        assert decline["counter_offer"] is None


async def test_an_amount_over_every_limit_gets_counter_offers(client, market):
    quote = await _quote(client, market, quote_request(amount=900_000_000))
    assert quote["status"] == "declined"
    _, declines = by_product(quote)
    for name in ("Atlas", "Northwind", "Helios"):
        decline = declines[market.product_id(name)]
        assert "amount_above_maximum" in codes(decline)
        counter = decline["counter_offer"]
        limits = market.products[name]["currencies"][0]
        assert counter["max_invoice_amount"] <= limits["amount_max"]
        assert counter["max_insured_amount"] <= limits["buyer_capacity"]
        assert "insur" in counter["message"].lower()


async def test_no_premium_is_priced_below_what_a_card_can_be_charged(client, new_tenant):
    """A product with no minimum premium and no fee, a tiny invoice on a sound buyer: the
    premium is still Stripe's smallest charge in the currency, so the offer can be paid."""
    insurer, platform = await new_tenant("insurer"), await platform_with_seller(new_tenant)
    terms = product_terms(cover_ratios=[0.9])
    terms["currencies"] = [
        limits | {"currency": currency, "amount_min": 100, "minimum_premium": 0, "fixed_fee": 0}
        for currency in ("EUR", "CZK")
        for limits in terms["currencies"][:1]
    ]
    product = await make_product(client, insurer, terms)
    for currency, smallest, amount in (("EUR", 50, 200), ("CZK", 1500, 2000)):
        body = quote_request(amount=amount, currency=currency, seller=platform.seller)
        quote = (await client.post("/v1/quotes", headers=platform.headers, json=body)).json()
        [offer] = [o for o in quote["offers"] if o["product"] == product["id"]]
        assert offer["premium"] == smallest
        bind = {"quote": quote["id"], "offer": offer["id"], "payment_method": "pm_card_visa"}
        cover = await client.post("/v1/covers", headers=platform.headers, json=bind)
        assert (cover.status_code, cover.json()["status"]) == (201, "active"), cover.text


async def test_a_premium_that_would_exceed_the_cover_is_a_decline_not_an_offer(client, new_tenant):
    """An invoice of one cent insured at 50 % (nothing insured), and a product whose minimum
    premium is above the invoice: both decline with the premium's ceiling, nothing to bind."""
    insurer, platform = await new_tenant("insurer"), await platform_with_seller(new_tenant)
    terms = product_terms(cover_ratios=[0.5])
    terms["currencies"][0].update(amount_min=1, minimum_premium=10_000)
    product = await make_product(client, insurer, terms)
    for amount, ceiling in ((1, 0), (5_000, 2_500)):
        body = quote_request(amount=amount, seller=platform.seller)
        quote = (await client.post("/v1/quotes", headers=platform.headers, json=body)).json()
        assert product["id"] not in {o["product"] for o in quote["offers"]}
        [decline] = [d for d in quote["declines"] if d["product"] == product["id"]]
        assert [(r["code"], r["limit"]) for r in decline["reasons"]] == [
            ("premium_exceeds_cover", {"kind": "amount", "amount": ceiling, "currency": "EUR"})
        ]


async def test_a_product_priced_to_overflow_is_refused_and_breaks_no_quote(client, new_tenant):
    """A target loss ratio of 5e-324 would make every premium it prices overflow 64 bits."""
    insurer, platform = await new_tenant("insurer"), await platform_with_seller(new_tenant)
    terms = product_terms()
    terms["pricing"]["target_loss_ratio"] = 5e-324
    response = await client.post("/v1/products", headers=insurer.headers, json=terms)
    assert_problem(response, 422, "validation_error", param="pricing.target_loss_ratio")
    body = quote_request(seller=platform.seller)
    quote = await client.post("/v1/quotes", headers=platform.headers, json=body)
    assert quote.status_code == 201
