"""Cancelling a cover before the invoice is due: the PaymentIntent stopped or the premium
refunded through Stripe, the buyer's capacity given back."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from marketplace.models import Cover
from tests.covers.helpers import bound, paid, read
from tests.helpers import assert_problem


async def _cancel(client, tenant, cover):
    return await client.post(f"/v1/covers/{cover['id']}/cancel", headers=tenant.headers)


async def test_a_pending_cover_is_cancelled_with_its_payment_intent(client, market, gateway):
    cover = await bound(client, market.platform)
    response = await _cancel(client, market.platform, cover)
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["payment"]["refunded"]) == ("cancelled", 0)
    intent = await gateway.retrieve_payment_intent(cover["payment"]["payment_intent"])
    assert intent.status == "canceled"


async def test_an_active_cover_is_refunded_in_full_within_the_cooling_off(client, market):
    cover = await bound(client, market.platform, payment_method="pm_card_visa")
    await paid(client, cover)
    response = await _cancel(client, market.platform, cover)
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert response.json()["payment"]["refunded"] == cover["premium"]


async def test_later_cancellations_refund_pro_rata(client, market, database):
    cover = await bound(client, market.platform, payment_method="pm_card_visa")
    await paid(client, cover)
    due = dt.date.fromisoformat(cover["invoice_due_date"])
    started = dt.datetime.now(dt.UTC) - dt.timedelta(days=20)
    async with database.writer_session() as session:
        await session.execute(
            update(Cover).where(Cover.id == cover["id"]).values(cover_starts_at=started)
        )
        await session.commit()
    response = await _cancel(client, market.platform, cover)
    total_days = (due - started.date()).days
    left_days = (due - dt.datetime.now(dt.UTC).date()).days
    assert response.json()["payment"]["refunded"] == cover["premium"] * left_days // total_days


async def test_a_cover_cannot_be_cancelled_after_the_due_date_or_twice(client, market, database):
    cover = await bound(client, market.platform)
    await _cancel(client, market.platform, cover)
    assert_problem(await _cancel(client, market.platform, cover), 409, "cover_not_cancellable")
    late = await bound(client, market.platform)
    async with database.writer_session() as session:
        yesterday = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)
        await session.execute(
            update(Cover).where(Cover.id == late["id"]).values(invoice_due_date=yesterday)
        )
        await session.commit()
    assert_problem(await _cancel(client, market.platform, late), 409, "cover_not_cancellable")
    assert (await read(client, market.platform, late))["status"] == "pending_payment"
