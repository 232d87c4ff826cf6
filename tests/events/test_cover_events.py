"""Every change to a cover is recorded as an event in the transaction that made it: the cover
as its GET shows it, what changed, and a sequence that increases per cover."""

from __future__ import annotations

import asyncio
import datetime as dt

from sqlalchemy import select, update

from marketplace.covers import jobs
from marketplace.models import Cover, Event
from tests.covers.helpers import bind, bound, notify, paid, pay_at_stripe, quoted, read
from tests.factories import quote_request


async def _events_of(database, cover) -> list[Event]:
    async with database.reader_session() as session:
        query = select(Event).where(Event.object_id == cover["id"]).order_by(Event.sequence)
        return list((await session.execute(query)).scalars())


def _types(events: list[Event]) -> list[str]:
    return [event.type for event in events]


async def test_a_paid_cover_is_created_then_activated_as_its_get_shows_it(
    client, market, database, gateway
):
    cover = await bound(client, market.platform)
    await paid(client, gateway, cover)
    active = await read(client, market.platform, cover)

    created, attached, activated = await _events_of(database, cover)

    assert (created.type, created.sequence) == ("cover.created", 1)
    # the PaymentIntent is created after the cover is stored (a lost answer keeps the cover)
    assert (attached.type, attached.sequence) == ("cover.updated", 2)
    assert attached.data["previous_attributes"]["payment"]["payment_intent"] is None
    assert (activated.type, activated.sequence) == ("cover.activated", 3)
    assert activated.data["object"] == active
    assert activated.data["previous_attributes"]["status"] == "pending_payment"
    assert activated.data["previous_attributes"]["certificate_number"] is None
    assert created.data["object"]["payment"]["client_secret"] is None  # never in an event
    assert created.data["previous_attributes"] is None
    assert (activated.account_id, activated.seller_id, activated.insurer_id) == (
        market.platform.account_id,
        market.seller.account_id,
        cover["insurer"],
    )


async def test_a_declined_card_records_the_failure(client, market, database):
    cover = await bound(client, market.platform, payment_method="pm_card_chargeCustomerFail")
    assert _types(await _events_of(database, cover)) == [
        "cover.created",
        "cover.updated",
        "cover.payment_failed",
    ]


async def test_a_cancelled_cover_records_both_steps_and_the_refund(client, market, database):
    cover = await bound(client, market.platform, payment_method="pm_card_visa")
    await client.post(f"/v1/covers/{cover['id']}/cancel", headers=market.platform.headers)

    events = await _events_of(database, cover)

    assert _types(events) == [
        "cover.created",
        "cover.updated",
        "cover.activated",
        "cover.cancelling",
        "cover.updated",
        "cover.cancelled",
    ]
    assert [e.sequence for e in events] == [1, 2, 3, 4, 5, 6]
    assert events[4].data["previous_attributes"] == {"payment": {"refunded": 0}}
    assert events[4].data["object"]["payment"]["refunded"] == cover["premium"]


async def test_a_lapsed_cover_records_its_expiry(client, market, database):
    cover = await bound(client, market.platform)
    past = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    async with database.writer_session() as session:
        await session.execute(update(Cover).where(Cover.id == cover["id"]).values(expires_at=past))
        await session.commit()
    await jobs.expire_due(database, None, dt.datetime.now(dt.UTC))

    assert _types(await _events_of(database, cover)) == [
        "cover.created",
        "cover.updated",
        "cover.expired",
    ]


async def test_news_that_changes_nothing_records_nothing(client, market, database, gateway):
    """A duplicate delivery, a job that only checks: no event."""
    cover = await bound(client, market.platform)
    await paid(client, gateway, cover)
    await notify(client, "payment_intent.succeeded", cover)
    await jobs.reconcile_pending(database, gateway, dt.datetime.now(dt.UTC))
    assert _types(await _events_of(database, cover)) == [
        "cover.created",
        "cover.updated",
        "cover.activated",
    ]


async def test_a_refused_bind_leaves_no_event_behind(client, market, database, count_rows):
    """The second bind on an invoice is rolled back, its event with it."""
    body = quote_request()
    await bound(client, market.platform, body)
    before = await count_rows(Event)
    second = await quoted(client, market.platform, body)
    response = await bind(client, market.platform, second)
    assert response.status_code == 409
    assert await count_rows(Event) == before


async def test_simultaneous_changes_get_one_sequence_each_in_commit_order(
    client, market, database, gateway
):
    """Ten cancels and ten deliveries of the payment at once: one sequence per event, no gap,
    no repeat, and the events of one cover in the order their changes committed."""
    cover = await bound(client, market.platform)
    await pay_at_stripe(gateway, cover)
    url = f"/v1/covers/{cover['id']}/cancel"
    await asyncio.gather(
        *[client.post(url, headers=market.platform.headers) for _ in range(10)],
        *[notify(client, "payment_intent.succeeded", cover) for _ in range(10)],
    )

    events = await _events_of(database, cover)

    assert [e.sequence for e in events] == list(range(1, len(events) + 1))
    assert sorted(events, key=lambda e: e.id) == events  # ids are time-ordered
    assert _types(events)[0] == "cover.created"
    assert _types(events)[-1] == "cover.cancelled"
