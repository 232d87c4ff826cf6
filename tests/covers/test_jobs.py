"""Cover upkeep: lapsing unpaid covers, catching lost webhooks, refunding orphan premiums."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from marketplace.covers import jobs
from marketplace.models import Cover
from tests.covers.helpers import bound, intent_of, read
from tests.fixtures.stripe_payloads import post_event


async def _age(database, cover, **values):
    async with database.writer_session() as session:
        await session.execute(update(Cover).where(Cover.id == cover["id"]).values(**values))
        await session.commit()


async def test_an_unpaid_cover_lapses_at_its_quotes_expiry(client, market, database, gateway):
    cover = await bound(client, market.platform)
    await _age(database, cover, expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1))
    await jobs.expire_due(database, gateway, dt.datetime.now(dt.UTC))
    assert (await read(client, market.platform, cover))["status"] == "expired"
    assert (
        await gateway.retrieve_payment_intent(cover["payment"]["payment_intent"])
    ).status == "canceled"
    buyer = (
        await client.get(f"/v1/buyers/{cover['buyer']}", headers=market.platform.headers)
    ).json()
    used = next(c for c in buyer["capacity"] if c["product"] == cover["product"])
    assert used["exposure"] == 0


async def test_a_lost_webhook_does_not_leave_a_paid_cover_pending(
    client, market, database, gateway
):
    cover = await bound(client, market.platform, payment_method="pm_card_visa")
    assert cover["status"] == "pending_payment"
    later = dt.datetime.now(dt.UTC) + jobs.RECONCILE_AFTER + dt.timedelta(seconds=1)
    await jobs.reconcile_pending(database, gateway, later)
    assert (await read(client, market.platform, cover))["status"] == "active"


async def test_a_premium_paid_after_the_cover_failed_without_capacity_is_refunded(
    client, market, database, gateway, new_tenant
):
    cover = await bound(client, market.platform, payment_method="pm_card_visa")
    await post_event(client, "payment_intent.canceled", intent_of(cover, "canceled"))
    insurer = next(
        t for n, t in market.insurers.items() if market.product_id(n) == cover["product"]
    )
    await client.post(f"/v1/products/{cover['product']}/pause", headers=insurer.headers)
    await post_event(client, "payment_intent.succeeded", intent_of(cover))
    assert (await read(client, market.platform, cover))["status"] == "payment_failed"
    await jobs.refund_due(database, gateway, dt.datetime.now(dt.UTC))
    assert (await read(client, market.platform, cover))["payment"]["refunded"] == cover["premium"]
