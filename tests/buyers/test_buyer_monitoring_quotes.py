"""What monitoring does to the next quotes on a buyer: signals feed every tenant's score, a
stopped buyer is declined by every product, an insurer's limit by its own product."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.buyers.monitoring import TODAY, buyer_of, covered, limited, quoted, signalled
from tests.factories import registration_number
from tests.fixtures.market import by_product, codes, platform_with_seller


def _risk(quote: dict) -> float:
    return float(quote["risk"]["probability_of_default"])


async def test_a_payment_default_raises_every_tenants_next_probability_of_default(
    client, market, new_tenant
):
    reg, rival = registration_number(), await platform_with_seller(new_tenant)
    before = {
        t: _risk(await quoted(client, t, registration_number=reg)) for t in (market.platform, rival)
    }
    buyer_id = (await quoted(client, market.platform, registration_number=reg))["buyer"]

    await signalled(client, await new_tenant("operator"), buyer_id, "payment_default")

    for tenant in (market.platform, rival):
        assert _risk(await quoted(client, tenant, registration_number=reg)) > before[tenant]
    # The tenant's own facts are still what it said: the signal only feeds the score.
    shown = await buyer_of(client, market.platform, buyer_id)
    assert shown["facts"]["payment_incidents_12m"] == 0


async def test_a_payment_default_older_than_twelve_months_does_not_count(
    client, market, new_tenant
):
    reg = registration_number()
    first = await quoted(client, market.platform, registration_number=reg)
    operator = await new_tenant("operator")
    old = (TODAY - dt.timedelta(days=400)).isoformat()
    await signalled(client, operator, first["buyer"], "payment_default", effective_on=old)
    again = await quoted(client, market.platform, registration_number=reg)
    assert _risk(again) == _risk(first)


async def test_a_newer_bureau_score_signal_replaces_the_tenants_score(client, market, new_tenant):
    reg = registration_number()
    first = await quoted(client, market.platform, registration_number=reg, bureau_score=71)
    operator = await new_tenant("operator")
    await signalled(client, operator, first["buyer"], "bureau_score", bureau_score=8)

    # Restating the score it gave before says nothing new: the signal still wins.
    for _ in range(2):
        again = await quoted(client, market.platform, registration_number=reg, bureau_score=71)
        assert _risk(again) > _risk(first)
    shown = await buyer_of(client, market.platform, first["buyer"])
    assert shown["facts"]["bureau_score"] == 71


async def test_a_bureau_score_signal_older_than_the_tenants_score_does_not_replace_it(
    client, market, new_tenant
):
    reg = registration_number()
    first = await quoted(client, market.platform, registration_number=reg, bureau_score=71)
    yesterday = (TODAY - dt.timedelta(days=1)).isoformat()
    operator = await new_tenant("operator")
    await signalled(
        client, operator, first["buyer"], "bureau_score", bureau_score=8, effective_on=yesterday
    )
    again = await quoted(client, market.platform, registration_number=reg, bureau_score=71)
    assert _risk(again) == _risk(first)
    # A score the tenant had given before the signal is replaced by it, though.
    reg = registration_number()
    older = await quoted(client, market.platform, registration_number=reg, bureau_score=71)
    await signalled(client, operator, older["buyer"], "bureau_score", bureau_score=8)
    changed = await quoted(client, market.platform, registration_number=reg, bureau_score=None)
    assert _risk(changed) > _risk(older)


@pytest.mark.parametrize("signal_type", ["payment_default", "insolvency"])
async def test_a_stopped_buyer_is_declined_by_every_product(
    client, market, new_tenant, signal_type
):
    reg = registration_number()
    first = await quoted(client, market.platform, registration_number=reg)
    assert first["offers"]
    await signalled(client, await new_tenant("operator"), first["buyer"], signal_type)

    quote = await quoted(client, market.platform, registration_number=reg)

    assert (quote["status"], quote["offers"]) == ("declined", [])
    for decline in quote["declines"]:
        assert "buyer_stopped" in codes(decline)
        assert decline["counter_offer"] is None
        stopped = next(r for r in decline["reasons"] if r["code"] == "buyer_stopped")
        assert stopped["limit"] == {"kind": "amount", "amount": 0, "currency": "EUR"}


async def test_a_buyer_on_watch_still_gets_offers(client, market, new_tenant):
    reg = registration_number()
    first = await quoted(client, market.platform, registration_number=reg)
    await signalled(client, await new_tenant("operator"), first["buyer"], "rating_downgrade")
    quote = await quoted(client, market.platform, registration_number=reg)
    assert {o["product"] for o in quote["offers"]} == {o["product"] for o in first["offers"]}


async def test_an_insurers_limit_declines_its_product_with_a_counter_offer(client, market):
    atlas = market.product_id("Atlas")
    cover = await covered(client, market.seller, atlas)
    reg = (await buyer_of(client, market.seller, cover["buyer"]))["registration_number"]
    limit = cover["insured_amount"] + 500_000
    await limited(client, market.insurers["Atlas"], cover["buyer"], atlas, limit)

    quote = await quoted(client, market.platform, registration_number=reg)

    offers, declines = by_product(quote)
    assert atlas not in offers
    assert codes(declines[atlas]) == {"buyer_limit_reduced"}
    [reason] = declines[atlas]["reasons"]
    assert reason["limit"] == {"kind": "amount", "amount": limit, "currency": "EUR"}
    counter = declines[atlas]["counter_offer"]
    assert counter["max_insured_amount"] <= limit - cover["insured_amount"]
    assert market.product_id("Helios") in offers  # another insurer's product is not limited
    smaller = await quoted(
        client, market.platform, registration_number=reg, amount=counter["max_invoice_amount"]
    )
    assert atlas in by_product(smaller)[0]


async def test_a_limit_of_zero_stops_only_that_insurers_product(client, market):
    atlas = market.product_id("Atlas")
    cover = await covered(client, market.seller, atlas)
    reg = (await buyer_of(client, market.seller, cover["buyer"]))["registration_number"]
    await limited(client, market.insurers["Atlas"], cover["buyer"], atlas, 0)

    quote = await quoted(client, market.platform, registration_number=reg)

    offers, declines = by_product(quote)
    assert codes(declines[atlas]) == {"buyer_stopped"}
    assert declines[atlas]["counter_offer"] is None
    assert market.product_id("Helios") in offers
    shown = await buyer_of(client, market.seller, cover["buyer"])
    atlas_capacity = next(c for c in shown["capacity"] if c["product"] == atlas)
    assert (atlas_capacity["limit"], atlas_capacity["available"]) == (0, 0)
