"""Cover upkeep: lapsing unpaid covers, catching lost webhooks, finishing cancellations."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from marketplace.covers import jobs
from marketplace.models import Cover
from tests.covers.helpers import bound, exposure_of, pay_at_stripe, read
from tests.payments.faults import posts_to


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
    assert await exposure_of(database, cover) == 0


async def test_a_lost_webhook_does_not_leave_a_paid_cover_pending(
    client, market, database, gateway
):
    cover = await bound(client, market.platform)
    await pay_at_stripe(gateway, cover)  # paid by the payer's front end; no webhook comes
    later = dt.datetime.now(dt.UTC) + jobs.RECONCILE_AFTER + dt.timedelta(seconds=1)
    await jobs.reconcile_pending(database, gateway, later)
    assert (await read(client, market.platform, cover))["status"] == "active"


async def test_a_cover_whose_payment_is_held_is_left_alone(client, market, database, gateway):
    cover = await bound(client, market.platform)
    await pay_at_stripe(gateway, cover)
    held = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    await _age(database, cover, payment_lease_until=held)
    later = dt.datetime.now(dt.UTC) + jobs.RECONCILE_AFTER + dt.timedelta(seconds=1)
    await jobs.reconcile_pending(database, gateway, later)
    assert (await read(client, market.platform, cover))["status"] == "pending_payment"


async def test_a_cancellation_left_half_way_is_finished(
    client, market, database, gateway, lose_stripe_answers
):
    cover = await bound(client, market.platform)
    cancel_then_read = posts_to("/cancel")
    # the cancel and every read-back (reads are retried twice) lose their answers
    lose_stripe_answers(lambda r: cancel_then_read(r) or r.method == "GET", 4)
    response = await client.post(
        f"/v1/covers/{cover['id']}/cancel", headers=market.platform.headers
    )
    assert response.json()["status"] == "cancelling"

    await jobs.finish_cancellations(database, gateway, dt.datetime.now(dt.UTC))

    assert (await read(client, market.platform, cover))["status"] == "cancelled"
    assert await exposure_of(database, cover) == 0
