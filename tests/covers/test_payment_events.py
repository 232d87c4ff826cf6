"""Signed Stripe events move covers as Stripe's API says, not as their bodies say: paid ->
active, failed -> payment_failed; duplicates, replays and events out of order change nothing
they should not."""

from __future__ import annotations

import datetime as dt

from marketplace.models import StripeEvent
from tests.covers.helpers import bound, exposure_of, notify, paid, pay_at_stripe, read
from tests.fixtures.stripe_payloads import payment_intent, post_event


async def test_the_paid_premium_activates_the_cover_once(client, market, gateway):
    cover = await bound(client, market.platform)
    response = await paid(client, gateway, cover)
    assert response.json()["outcome"] == "processed"
    active = await read(client, market.platform, cover)
    assert active["status"] == "active"
    assert active["certificate_number"] == "MKC-" + cover["id"].split("_")[1].upper()
    due = dt.date.fromisoformat(cover["invoice_due_date"])
    assert (
        active["cover_ends_on"]
        == (due + dt.timedelta(days=cover["claim_threshold_days"])).isoformat()
    )
    assert active["payment"]["client_secret"] is None
    # another delivery of the same news (a new event id) activates nothing twice
    await notify(client, "payment_intent.succeeded", cover)
    assert await read(client, market.platform, cover) == active


async def test_a_replayed_delivery_is_acknowledged_and_ignored(client, market, gateway):
    cover = await bound(client, market.platform)
    await pay_at_stripe(gateway, cover)
    first = await notify(client, "payment_intent.succeeded", cover, event_id="evt_replayed_once")
    again = await notify(client, "payment_intent.succeeded", cover, event_id="evt_replayed_once")
    assert (first.json()["outcome"], again.json()["outcome"]) == ("processed", "duplicate")


async def test_a_declined_payment_releases_the_capacity(client, market, database, gateway):
    cover = await bound(client, market.platform)
    await pay_at_stripe(gateway, cover, card="pm_card_chargeCustomerFail")
    await notify(client, "payment_intent.payment_failed", cover, status="requires_payment_method")
    failed = await read(client, market.platform, cover)
    assert (failed["status"], failed["payment"]["error_code"]) == (
        "payment_failed",
        "card_declined",
    )
    assert await exposure_of(database, cover) == 0


async def test_a_stale_failure_event_after_the_payment_changes_nothing(
    client, market, database, gateway
):
    cover = await bound(client, market.platform)
    await paid(client, gateway, cover)
    stale = {"status": "requires_payment_method", "last_payment_error": {"code": "card_declined"}}
    await notify(client, "payment_intent.payment_failed", cover, **stale)
    assert (await read(client, market.platform, cover))["status"] == "active"
    assert await exposure_of(database, cover) == cover["insured_amount"]


async def test_a_succeeded_event_about_an_unpaid_intent_activates_nothing(client, market, database):
    """The body says "succeeded"; Stripe says the PaymentIntent still waits for a card."""
    cover = await bound(client, market.platform)
    response = await notify(client, "payment_intent.succeeded", cover)
    assert response.json()["outcome"] == "processed"
    pending = await read(client, market.platform, cover)
    assert (pending["status"], pending["payment"]["status"]) == (
        "pending_payment",
        "requires_payment_method",
    )
    assert await exposure_of(database, cover) == cover["insured_amount"]


async def test_an_event_arriving_before_its_news_carries_the_news_of_now(client, market, gateway):
    """An old ``payment_failed`` delivered after the card finally paid: the PaymentIntent read
    back is the paid one, so the cover activates rather than failing."""
    cover = await bound(client, market.platform)
    await pay_at_stripe(gateway, cover)
    await notify(client, "payment_intent.payment_failed", cover, status="requires_payment_method")
    assert (await read(client, market.platform, cover))["status"] == "active"


async def test_a_refund_is_recorded_on_the_cover(client, market, gateway):
    cover = await bound(client, market.platform)
    await paid(client, gateway, cover)
    await gateway.refund(
        payment_intent_id=cover["payment"]["payment_intent"],
        amount_minor=1000,
        idempotency_key="dashboard-refund",
        metadata={},
    )
    intent = await gateway.retrieve_payment_intent(cover["payment"]["payment_intent"])
    # the body's running total is a lie; the charge read back from Stripe says 1000
    body = {"id": intent.latest_charge_id, "object": "charge", "amount_refunded": 1}
    await post_event(client, "charge.refunded", body)
    assert (await read(client, market.platform, cover))["payment"]["refunded"] == 1000


async def test_events_about_unknown_payment_intents_or_types_change_nothing(
    client, market, count_rows
):
    cover = await bound(client, market.platform)
    stranger = payment_intent("succeeded", metadata={})
    unknown = await post_event(client, "payment_intent.succeeded", stranger)
    assert (unknown.status_code, unknown.json()["outcome"]) == (200, "unknown_object")
    assert await count_rows(StripeEvent, StripeEvent.outcome == "unknown_object") >= 1
    ignored = await post_event(client, "customer.created", {"id": "cus_1", "object": "customer"})
    assert ignored.json()["outcome"] == "ignored"
    assert (await read(client, market.platform, cover))["status"] == "pending_payment"


async def test_a_premium_refunded_in_full_elsewhere_ends_the_cover(
    client, market, gateway, database
):
    """No premium, no cover: the whole premium given back in Stripe's dashboard ends the
    cover and gives the buyer's capacity back; a partial refund does not."""
    cover = await bound(client, market.platform)
    await paid(client, gateway, cover)
    intent_id = cover["payment"]["payment_intent"]
    for amount, status in ((1000, "active"), (cover["premium"] - 1000, "cancelled")):
        await gateway.refund(
            payment_intent_id=intent_id,
            amount_minor=amount,
            idempotency_key=f"dashboard-{amount}",
            metadata={},
        )
        charge_id = (await gateway.retrieve_payment_intent(intent_id)).latest_charge_id
        await post_event(client, "charge.refunded", {"id": charge_id, "object": "charge"})
        assert (await read(client, market.platform, cover))["status"] == status
    ended = await read(client, market.platform, cover)
    assert (ended["payment"]["refunded"], ended["payment"]["error_code"]) == (
        cover["premium"],
        "premium_refunded",
    )
    assert await exposure_of(database, cover) == 0
