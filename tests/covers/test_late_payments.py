"""Premiums that arrive late: after the cover failed or lapsed, the cover is honoured if it
still can be, else the premium goes back; never a quote left bound to nothing, never money
kept for a cover that is not in force."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from marketplace.covers import jobs, lifecycle
from marketplace.models import Cover, Product
from tests.covers.helpers import bind, bound, exposure_of, notify, pay_at_stripe, quoted, read
from tests.factories import product_terms, quote_request
from tests.fixtures.market import make_product, platform_with_seller


async def _lapse(database, gateway, cover) -> None:
    past = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    async with database.writer_session() as session:
        await session.execute(update(Cover).where(Cover.id == cover["id"]).values(expires_at=past))
        await session.commit()
    await jobs.expire_due(database, None, dt.datetime.now(dt.UTC))  # Stripe not reachable


async def _quote_status(client, tenant, cover) -> str:
    quote = await client.get(f"/v1/quotes/{cover['quote']}", headers=tenant.headers)
    return str(quote.json()["status"])


async def _failed_by_a_decline(database, cover) -> None:
    """The cover failed on a declined card (Stripe then lets the payer try another card on the
    same PaymentIntent; the embedded Stripe does not, so the failure is recorded directly,
    through the transition the webhook uses)."""
    async with database.writer_session() as session:
        stored = await session.get(Cover, cover["id"])
        now = dt.datetime.now(dt.UTC)
        assert await lifecycle.fail_payment(
            session, stored, "requires_payment_method", "card_declined", now
        )
        await session.commit()


async def test_a_premium_paid_after_a_failure_activates_the_cover_again(
    client, market, database, gateway
):
    cover = await bound(client, market.platform)
    await _failed_by_a_decline(database, cover)
    assert await exposure_of(database, cover) == 0

    await pay_at_stripe(gateway, cover)
    await notify(client, "payment_intent.succeeded", cover)

    assert (await read(client, market.platform, cover))["status"] == "active"
    assert await exposure_of(database, cover) == cover["insured_amount"]
    assert await _quote_status(client, market.platform, cover) == "bound"


async def test_a_late_premium_that_cannot_reserve_capacity_leaves_the_quote_free(
    client, new_tenant, database, gateway, ledger
):
    insurer, platform = await new_tenant("insurer"), await platform_with_seller(new_tenant)
    terms = product_terms(cover_ratios=[0.9])
    terms["currencies"][0].update(amount_max=1_000_000, buyer_capacity=900_000)
    await make_product(client, insurer, terms)
    body = quote_request(amount=1_000_000)
    first = await bound(client, platform, body)
    await _failed_by_a_decline(database, first)
    other_invoice = body | {"invoice": body["invoice"] | {"number": "F-OTHER"}}
    other_quote = await quoted(client, platform, other_invoice)
    taken = await bind(client, platform, other_quote, payment_method="pm_card_visa")
    assert taken.json()["status"] == "active"  # the capacity is used by another cover

    await pay_at_stripe(gateway, first)  # the first cover's premium after all
    await notify(client, "payment_intent.succeeded", first)

    assert (await read(client, platform, first))["status"] == "payment_failed"
    assert await _quote_status(client, platform, first) == "quoted"
    await jobs.settle_refunds(database, gateway, dt.datetime.now(dt.UTC))
    refunds = await ledger.refunds_of(first["payment"]["payment_intent"])
    assert [r["amount"] for r in refunds] == [first["premium"]]
    assert (await read(client, platform, first))["payment"]["refunded"] == first["premium"]


async def test_a_lapsed_cover_paid_later_is_refunded_not_kept(
    client, market, database, gateway, ledger
):
    """Its quote's price no longer holds: the premium goes back (re-quote to insure)."""
    cover = await bound(client, market.platform)
    await _lapse(database, gateway, cover)
    assert (await read(client, market.platform, cover))["status"] == "expired"
    assert await exposure_of(database, cover) == 0

    await pay_at_stripe(gateway, cover)
    await notify(client, "payment_intent.succeeded", cover)
    await jobs.settle_refunds(database, gateway, dt.datetime.now(dt.UTC))

    lapsed = await read(client, market.platform, cover)
    assert (lapsed["status"], lapsed["payment"]["refunded"]) == ("expired", cover["premium"])
    refunds = await ledger.refunds_of(cover["payment"]["payment_intent"])
    assert [r["amount"] for r in refunds] == [cover["premium"]]
    assert await exposure_of(database, cover) == 0


async def test_a_failed_cover_paid_after_its_product_stopped_is_refunded(
    client, market, database, gateway, ledger
):
    cover = await bound(client, market.platform)
    await _failed_by_a_decline(database, cover)
    async with database.writer_session() as session:
        await session.execute(
            update(Product).where(Product.id == cover["product"]).values(status="paused")
        )
        await session.commit()

    await pay_at_stripe(gateway, cover)
    await notify(client, "payment_intent.succeeded", cover)
    await jobs.settle_refunds(database, gateway, dt.datetime.now(dt.UTC))

    failed = await read(client, market.platform, cover)
    assert (failed["status"], failed["payment"]["refunded"]) == ("payment_failed", cover["premium"])
    assert len(await ledger.refunds_of(cover["payment"]["payment_intent"])) == 1


async def test_the_lapse_job_activates_a_cover_paid_at_the_last_moment(
    client, market, database, gateway
):
    cover = await bound(client, market.platform)
    await pay_at_stripe(gateway, cover)  # paid, the webhook lost
    past = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    async with database.writer_session() as session:
        await session.execute(update(Cover).where(Cover.id == cover["id"]).values(expires_at=past))
        await session.commit()

    await jobs.expire_due(database, gateway, dt.datetime.now(dt.UTC))

    assert (await read(client, market.platform, cover))["status"] == "active"
