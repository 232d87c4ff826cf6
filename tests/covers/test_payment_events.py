"""Signed Stripe events move covers: paid -> active, failed -> payment_failed; duplicates,
replays and events out of order change nothing they should not."""

from __future__ import annotations

import datetime as dt

from tests.covers.helpers import bound, exposure_of, intent_of, paid, read
from tests.fixtures.stripe_payloads import payment_intent, post_event, refunded_charge


async def test_the_paid_premium_activates_the_cover_once(client, market):
    cover = await bound(client, market.platform)
    response = await paid(client, cover)
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
    await paid(client, cover)
    assert await read(client, market.platform, cover) == active


async def test_a_replayed_delivery_is_acknowledged_and_ignored(client, market):
    cover = await bound(client, market.platform)
    first = await post_event(
        client, "payment_intent.succeeded", intent_of(cover), id="evt_replayed_once"
    )
    again = await post_event(
        client, "payment_intent.succeeded", intent_of(cover), id="evt_replayed_once"
    )
    assert (first.json()["outcome"], again.json()["outcome"]) == ("processed", "duplicate")


async def test_a_failed_payment_releases_the_capacity(client, market, database):
    cover = await bound(client, market.platform)
    declined = intent_of(
        cover, "requires_payment_method", last_payment_error={"code": "card_declined"}
    )
    await post_event(client, "payment_intent.payment_failed", declined)
    failed = await read(client, market.platform, cover)
    assert (failed["status"], failed["payment"]["error_code"]) == (
        "payment_failed",
        "card_declined",
    )
    assert await exposure_of(database, cover) == 0


async def test_a_failure_arriving_after_the_payment_changes_nothing(client, market, database):
    cover = await bound(client, market.platform)
    await paid(client, cover)
    late = intent_of(cover, "requires_payment_method", last_payment_error={"code": "card_declined"})
    await post_event(client, "payment_intent.payment_failed", late)
    assert (await read(client, market.platform, cover))["status"] == "active"
    assert await exposure_of(database, cover) == cover["insured_amount"]


async def test_a_payment_after_a_failure_activates_the_cover_again(client, market, database):
    cover = await bound(client, market.platform)
    await post_event(client, "payment_intent.canceled", intent_of(cover, "canceled"))
    assert (await read(client, market.platform, cover))["status"] == "payment_failed"
    await paid(client, cover)
    assert (await read(client, market.platform, cover))["status"] == "active"
    assert await exposure_of(database, cover) == cover["insured_amount"]


async def test_a_refund_is_recorded_on_the_cover(client, market):
    cover = await bound(client, market.platform)
    await paid(client, cover)
    charge = refunded_charge(
        amount=cover["premium"],
        refunded=cover["premium"],
        payment_intent=cover["payment"]["payment_intent"],
    )
    await post_event(client, "charge.refunded", charge)
    assert (await read(client, market.platform, cover))["payment"]["refunded"] == cover["premium"]


async def test_events_about_unknown_payment_intents_or_types_change_nothing(client, market):
    cover = await bound(client, market.platform)
    stranger = payment_intent("succeeded", metadata={})
    assert (await post_event(client, "payment_intent.succeeded", stranger)).status_code == 200
    ignored = await post_event(client, "customer.created", {"id": "cus_1", "object": "customer"})
    assert ignored.json()["outcome"] == "ignored"
    assert (await read(client, market.platform, cover))["status"] == "pending_payment"
