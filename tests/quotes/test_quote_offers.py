"""A quote answers with priced offers from every product taking the risk, or reasoned declines."""

from __future__ import annotations

import math

from tests.factories import RISKY_BUYER, quote_request
from tests.fixtures.market import by_product, codes


async def _quote(client, market, body):
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
