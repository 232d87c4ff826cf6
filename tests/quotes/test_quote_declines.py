"""Every decline code a product gives, each with its limit; counter-offers where they exist."""

from __future__ import annotations

import pytest

from marketplace.models import BuyerExposure
from tests.factories import RISKY_BUYER, product_terms, quote_request
from tests.fixtures.market import by_product, codes, for_seller, make_product


async def _declines(client, market, body):
    body = for_seller(market.platform, body)
    response = await client.post("/v1/quotes", headers=market.platform.headers, json=body)
    assert response.status_code == 201, response.text
    return response.json(), by_product(response.json())[1]


@pytest.mark.parametrize(
    ("insurer", "body", "code", "limit"),
    [
        (
            "Atlas",
            quote_request(currency="GBP"),
            "currency_not_supported",
            {"kind": "accepted", "values": ["EUR"]},
        ),
        ("Northwind", quote_request(country="US"), "country_excluded", None),
        (
            "Helios",
            quote_request(sector="J"),
            "sector_excluded",
            {"kind": "accepted", "values": ["C", "F", "G", "H"]},
        ),
        (
            "Northwind",
            quote_request(amount=300_000),
            "amount_below_minimum",
            {"kind": "amount", "amount": 500_000, "currency": "EUR"},
        ),
        (
            "Helios",
            quote_request(amount=20_000_000),
            "amount_above_maximum",
            {"kind": "amount", "amount": 10_000_000, "currency": "EUR"},
        ),
        ("Atlas", quote_request(days=150), "tenor_too_long", {"kind": "days", "days": 120}),
        (
            "Northwind",
            quote_request(**RISKY_BUYER),
            "risk_too_high",
            {"kind": "ratio", "ratio": 0.03},
        ),
    ],
)
async def test_each_decline_names_its_rule_and_limit(client, market, insurer, body, code, limit):
    _, declines = await _declines(client, market, body)
    decline = declines[market.product_id(insurer)]
    assert code in codes(decline)
    reason = next(r for r in decline["reasons"] if r["code"] == code)
    assert reason["message"]
    if limit is not None:
        assert reason["limit"] == limit
    assert decline["product_version"] == 1


async def test_a_tenor_too_long_gets_a_shorter_tenor_counter_offer(client, market):
    _, declines = await _declines(client, market, quote_request(days=150))
    counter = declines[market.product_id("Atlas")]["counter_offer"]
    assert counter["max_tenor_days"] == 120
    assert counter["max_invoice_amount"] is None


async def test_a_ratio_the_product_lacks_is_declined_with_the_ratios_it_has(client, market):
    body = quote_request() | {"cover_ratios": [0.9]}
    quote, declines = await _declines(client, market, body)
    assert {o["product"] for o in quote["offers"]} == {market.product_id("Atlas")}
    decline = declines[market.product_id("Northwind")]
    assert codes(decline) == {"cover_ratio_not_offered"}
    assert decline["counter_offer"]["message"] == "Insurable at cover ratio 0.85"


async def test_capacity_left_on_the_buyer_limits_the_offer(client, market, new_tenant, database):
    insurer = await new_tenant("insurer")
    terms = product_terms(cover_ratios=[0.9])
    terms["currencies"][0].update(amount_max=5_000_000, buyer_capacity=1_000_000)
    product = await make_product(client, insurer, terms)

    quote, declines = await _declines(client, market, quote_request(amount=2_000_000))
    decline = declines[product["id"]]
    assert codes(decline) == {"capacity_exceeded"}
    assert decline["reasons"][0]["limit"] == {
        "kind": "amount",
        "amount": 1_000_000,
        "currency": "EUR",
    }
    # the largest invoice whose insured amount floor(amount x 0.9) fits 1,000,000
    assert decline["counter_offer"]["max_invoice_amount"] == 1_111_112
    assert decline["counter_offer"]["max_insured_amount"] == 1_000_000

    async with database.writer_session() as session:
        session.add(
            BuyerExposure(
                buyer_id=quote["buyer"],
                product_id=product["id"],
                currency="EUR",
                exposure_minor=600_000,
            )
        )
        await session.commit()
    again = quote_request(amount=800_000)
    again["buyer"]["registration_number"] = (
        await client.get(f"/v1/buyers/{quote['buyer']}", headers=market.platform.headers)
    ).json()["registration_number"]
    second, declines = await _declines(client, market, again)
    assert second["buyer"] == quote["buyer"]
    decline = declines[product["id"]]
    assert codes(decline) == {"capacity_exceeded"}
    assert decline["reasons"][0]["limit"] == {
        "kind": "amount",
        "amount": 400_000,
        "currency": "EUR",
    }
    assert decline["counter_offer"]["max_insured_amount"] == 400_000
