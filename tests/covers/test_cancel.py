"""Cancelling a cover before the invoice is due: the PaymentIntent stopped or the premium
refunded through Stripe exactly once — under parallel requests, lost answers and refusals —
and the buyer's capacity given back."""

from __future__ import annotations

import asyncio
import datetime as dt
import secrets

import pytest
from sqlalchemy import update

from marketplace.covers import jobs
from marketplace.models import Cover
from tests.covers.helpers import bound, exposure_of, pay_at_stripe, read
from tests.helpers import assert_problem
from tests.payments.faults import posts_to


async def _cancel(client, tenant, cover):
    return await client.post(f"/v1/covers/{cover['id']}/cancel", headers=tenant.headers)


async def _active(client, tenant) -> dict:
    cover = await bound(client, tenant, payment_method="pm_card_visa")
    assert cover["status"] == "active"
    return cover


async def test_a_pending_cover_is_cancelled_with_its_payment_intent(
    client, market, gateway, database
):
    cover = await bound(client, market.platform)
    response = await _cancel(client, market.platform, cover)
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["payment"]["refunded"]) == ("cancelled", 0)
    intent = await gateway.retrieve_payment_intent(cover["payment"]["payment_intent"])
    assert intent.status == "canceled"
    assert await exposure_of(database, cover) == 0


async def test_an_active_cover_is_refunded_in_full_within_the_cooling_off(
    client, market, ledger, database
):
    cover = await _active(client, market.platform)
    response = await _cancel(client, market.platform, cover)
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert response.json()["payment"]["refunded"] == cover["premium"]
    refunds = await ledger.refunds_of(cover["payment"]["payment_intent"])
    assert [r["amount"] for r in refunds] == [cover["premium"]]
    assert await exposure_of(database, cover) == 0


async def test_later_cancellations_refund_pro_rata(client, market, database, ledger):
    cover = await _active(client, market.platform)
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
    expected = cover["premium"] * left_days // total_days
    assert response.json()["payment"]["refunded"] == expected
    assert [r["amount"] for r in await ledger.refunds_of(cover["payment"]["payment_intent"])] == [
        expected
    ]


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


@pytest.mark.parametrize("parallel", [10, 50])
async def test_parallel_cancels_refund_exactly_once(client, market, ledger, parallel):
    cover = await _active(client, market.platform)

    answers = await asyncio.gather(
        *(_cancel(client, market.platform, cover) for _ in range(parallel))
    )

    statuses = sorted(a.status_code for a in answers)
    assert statuses == [200] + [409] * (parallel - 1), [a.text for a in answers][:3]
    codes = {a.json()["code"] for a in answers if a.status_code == 409}
    assert codes <= {"cover_not_cancellable", "cancellation_in_progress"}
    refunds = await ledger.refunds_of(cover["payment"]["payment_intent"])
    assert [r["amount"] for r in refunds] == [cover["premium"]]
    assert (await read(client, market.platform, cover))["status"] == "cancelled"


async def test_a_lost_refund_answer_is_completed_by_the_job_without_a_second_refund(
    client, market, database, gateway, ledger, lose_stripe_answers
):
    cover = await _active(client, market.platform)
    lose_stripe_answers(posts_to("/v1/refunds"), 1)

    response = await _cancel(client, market.platform, cover)

    assert (response.status_code, response.json()["status"]) == (200, "cancelling")
    assert len(await ledger.refunds_of(cover["payment"]["payment_intent"])) == 1
    await jobs.settle_refunds(database, gateway, dt.datetime.now(dt.UTC))
    done = await read(client, market.platform, cover)
    assert (done["status"], done["payment"]["refunded"]) == ("cancelled", cover["premium"])
    assert len(await ledger.refunds_of(cover["payment"]["payment_intent"])) == 1
    assert await exposure_of(database, cover) == 0


async def test_a_lost_refund_answer_is_completed_by_cancelling_again(
    client, market, ledger, lose_stripe_answers
):
    cover = await _active(client, market.platform)
    lose_stripe_answers(posts_to("/v1/refunds"), 1)
    first = await _cancel(client, market.platform, cover)
    assert first.json()["status"] == "cancelling"

    again = await _cancel(client, market.platform, cover)

    assert (again.status_code, again.json()["status"]) == (200, "cancelled")
    assert len(await ledger.refunds_of(cover["payment"]["payment_intent"])) == 1


async def test_a_refund_stripe_refuses_leaves_the_cover_active(
    client, market, database, ledger, stripe_refuses
):
    cover = await _active(client, market.platform)
    stripe_refuses(posts_to("/v1/refunds"), "charge_disputed")

    response = await _cancel(client, market.platform, cover)

    assert_problem(response, 502, "refund_refused")
    assert (await read(client, market.platform, cover))["status"] == "active"
    assert await exposure_of(database, cover) == cover["insured_amount"]
    assert await ledger.refunds_of(cover["payment"]["payment_intent"]) == []


async def test_a_premium_paid_just_before_the_cancel_is_refunded_in_full(
    client, market, gateway, ledger
):
    cover = await bound(client, market.platform)
    await pay_at_stripe(gateway, cover)  # paid; the webhook has not arrived yet

    response = await _cancel(client, market.platform, cover)

    assert response.status_code == 200, response.text
    assert (response.json()["status"], response.json()["payment"]["refunded"]) == (
        "cancelled",
        cover["premium"],
    )
    refunds = await ledger.refunds_of(cover["payment"]["payment_intent"])
    assert [r["amount"] for r in refunds] == [cover["premium"]]


async def _refund_elsewhere(gateway, cover, amount_minor: int) -> None:
    """A refund made outside the API (in Stripe's dashboard, say)."""
    await gateway.refund(
        payment_intent_id=cover["payment"]["payment_intent"],
        amount_minor=amount_minor,
        idempotency_key=secrets.token_hex(8),
        metadata={},
    )


async def test_a_cancel_gives_back_only_what_was_not_refunded_elsewhere(
    client, market, gateway, ledger
):
    cover = await _active(client, market.platform)
    await _refund_elsewhere(gateway, cover, 1000)

    response = await _cancel(client, market.platform, cover)

    assert (response.json()["status"], response.json()["payment"]["refunded"]) == (
        "cancelled",
        cover["premium"],
    )
    refunds = await ledger.refunds_of(cover["payment"]["payment_intent"])
    assert sorted(r["amount"] for r in refunds) == sorted([1000, cover["premium"] - 1000])


async def test_a_cancel_after_a_full_refund_elsewhere_gives_back_nothing_more(
    client, market, gateway, ledger, database
):
    cover = await _active(client, market.platform)
    await _refund_elsewhere(gateway, cover, cover["premium"])

    response = await _cancel(client, market.platform, cover)

    assert response.status_code == 200, response.text
    assert (response.json()["status"], response.json()["payment"]["refunded"]) == (
        "cancelled",
        cover["premium"],
    )
    refunds = await ledger.refunds_of(cover["payment"]["payment_intent"])
    assert [r["amount"] for r in refunds] == [cover["premium"]]
    assert await exposure_of(database, cover) == 0
