"""Events are kept 30 days, then purged with their deliveries and attempts (never while one is
still owed); the per-object sequence counters stay. The Stripe inbox forgets after 30 days."""

from __future__ import annotations

from datetime import timedelta

from marketplace.events.emit import Audience, emit
from marketplace.housekeeping import purge_old_events, purge_stripe_inbox
from marketplace.models import (
    Event,
    ObjectSequence,
    StripeEvent,
    WebhookAttempt,
    WebhookDelivery,
)
from tests.events.delivery_helpers import (
    START,
    Clock,
    add_endpoint,
    record_event,
    rows,
    worker_on,
)
from tests.events.receiver import Received, Reply, receiving

MONTH = timedelta(days=30)


async def _ids(database, model) -> set[str]:
    return {row.id for row in await rows(database, model)}


async def test_events_older_than_thirty_days_go_with_their_deliveries_and_attempts(
    database, new_tenant, count_rows
):
    platform = await new_tenant("platform")
    clock = Clock()
    async with receiving() as receiver:
        await add_endpoint(database, platform.account_id, receiver.url())
        old = await record_event(database, platform.account_id, at=START)
        async with worker_on(database, clock) as worker:
            await worker.run_once()
            clock.advance(days=20)
            young = await record_event(database, platform.account_id, at=clock.now)
            await worker.run_once()
    assert await count_rows(WebhookAttempt) == 2

    purged = await purge_old_events(database, START + MONTH + timedelta(seconds=1))

    assert purged == 1
    assert await _ids(database, Event) == {young.id}
    assert {d.event_id for d in await rows(database, WebhookDelivery)} == {young.id}
    assert {a.event_id for a in await rows(database, WebhookAttempt)} == {young.id}
    assert old.object_id in await _object_sequences(database)


async def test_an_event_still_owed_to_an_endpoint_is_kept(database, new_tenant):
    async def refuse(_: Received) -> Reply:
        return Reply(500)

    platform = await new_tenant("platform")
    async with receiving(refuse) as receiver:
        await add_endpoint(database, platform.account_id, receiver.url())
        pending = await record_event(database, platform.account_id)
        async with worker_on(database) as worker:
            await worker.run_once()  # failed once: due again later
        unfanned = await record_event(database, platform.account_id)  # the worker never ran

    assert await purge_old_events(database, START + 2 * MONTH) == 0
    assert await _ids(database, Event) == {pending.id, unfanned.id}


async def test_an_object_keeps_counting_after_its_events_are_purged(database, new_tenant):
    platform = await new_tenant("platform")
    first = await record_event(database, platform.account_id)
    async with worker_on(database) as worker:
        await worker.run_once()
    assert await purge_old_events(database, START + MONTH * 2) == 1
    assert await _ids(database, Event) == set()
    after = {"id": first.object_id, "object": "cover", "livemode": False, "status": "settled"}
    async with database.writer_session() as session:
        later = await emit(session, "cover.settled", after, Audience(platform.account_id))
        await session.commit()
    assert (first.sequence, later.sequence) == (1, 2)


async def _object_sequences(database) -> set[str]:
    return {row.object_id for row in await rows(database, ObjectSequence)}


async def test_the_stripe_inbox_forgets_events_after_thirty_days(database):
    async with database.writer_session() as session:
        for name, received_at in (("old", START - MONTH - timedelta(hours=1)), ("new", START)):
            session.add(
                StripeEvent(
                    id=f"evt_{name}",
                    type="payment_intent.succeeded",
                    livemode=False,
                    api_version=None,
                    object_id=None,
                    created=received_at,
                    received_at=received_at,
                    outcome="processed",
                )
            )
        await session.commit()

    assert await purge_stripe_inbox(database, START) == 1
    assert await _ids(database, StripeEvent) == {"evt_new"}
