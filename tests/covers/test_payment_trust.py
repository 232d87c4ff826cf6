"""A cover activates only when its own premium is paid in full, in its currency and mode.

Each attack below was possible against the embedded Stripe, which anyone on the machine can
call: a PaymentIntent of one cent that names a cover in its metadata, the cover's own
PaymentIntent changed to another amount before it is paid, and events whose bodies lie.
"""

from __future__ import annotations

import datetime as dt

from marketplace.covers import jobs
from marketplace.models import Refund
from tests.covers.helpers import bound, exposure_of, intent_of, notify, pay_at_stripe, read
from tests.fixtures.stripe_payloads import post_event


async def test_a_one_cent_payment_naming_the_cover_is_refunded_not_honoured(
    client, market, database, gateway, ledger, count_rows
):
    cover = await bound(client, market.platform)
    forged = await gateway.create_payment_intent(
        amount_minor=1,
        currency="EUR",
        metadata={"cover_id": cover["id"]},
        idempotency_key="forged",
        payment_method="pm_card_visa",
    )
    forged = await gateway.confirm_payment_intent(forged.id, idempotency_key="forged-confirm")
    body = intent_of(cover) | {"id": forged.id, "amount": cover["premium"]}  # the body lies too

    response = await post_event(client, "payment_intent.succeeded", body)

    assert response.json()["outcome"] == "processed"
    assert (await read(client, market.platform, cover))["status"] == "pending_payment"
    assert await count_rows(Refund, Refund.payment_intent_id == forged.id) == 1
    await jobs.settle_refunds(database, gateway, dt.datetime.now(dt.UTC))
    [refund] = await ledger.refunds_of(forged.id)
    assert refund["amount"] == 1
    cancel = await client.post(f"/v1/covers/{cover['id']}/cancel", headers=market.platform.headers)
    assert cancel.json()["payment"]["refunded"] == 0
    assert await ledger.refunds_of(cover["payment"]["payment_intent"]) == []


async def test_the_covers_own_intent_paid_another_amount_fails_the_cover_and_is_refunded(
    client, market, database, gateway, ledger
):
    cover = await bound(client, market.platform)
    intent_id = cover["payment"]["payment_intent"]
    await ledger.tamper(intent_id, amount=1)
    await pay_at_stripe(gateway, cover)

    await notify(client, "payment_intent.succeeded", cover)

    failed = await read(client, market.platform, cover)
    assert (failed["status"], failed["payment"]["error_code"]) == (
        "payment_failed",
        "payment_mismatch",
    )
    assert await exposure_of(database, cover) == 0
    await jobs.settle_refunds(database, gateway, dt.datetime.now(dt.UTC))
    assert [r["amount"] for r in await ledger.refunds_of(intent_id)] == [1]


async def test_a_body_claiming_success_in_another_currency_or_status_activates_nothing(
    client, market
):
    cover = await bound(client, market.platform)
    for lie in ({"currency": "usd"}, {"status": "requires_payment_method"}, {"amount": 1}):
        await notify(client, "payment_intent.succeeded", cover, **lie)
    assert (await read(client, market.platform, cover))["status"] == "pending_payment"


async def test_a_live_mode_event_is_not_acted_on_by_a_test_mode_marketplace(
    client, market, gateway
):
    cover = await bound(client, market.platform)
    await pay_at_stripe(gateway, cover)
    response = await post_event(
        client, "payment_intent.succeeded", intent_of(cover, livemode=True), livemode=True
    )
    assert response.json()["outcome"] == "other_mode"
    assert (await read(client, market.platform, cover))["status"] == "pending_payment"
