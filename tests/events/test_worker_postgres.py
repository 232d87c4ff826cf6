"""Several workers share one outbox on PostgreSQL (``FOR UPDATE SKIP LOCKED`` and leases):
every event is delivered, and no delivery is ever sent by two workers at the same time."""

from __future__ import annotations

import asyncio
import random
from collections import Counter

import pytest

from marketplace.db import Database, create_engine
from marketplace.events.delivery import Sender, new_client
from marketplace.events.retries import RetryPolicy
from marketplace.events.worker import Worker
from marketplace.kit.clock import utc_now
from marketplace.models import WebhookDelivery
from tests.events.delivery_helpers import add_endpoint, attempts, deliveries, record_event, rows
from tests.events.receiver import Received, Reply, receiving
from tests.helpers import close_when_idle

pytestmark = pytest.mark.postgres

EVENTS = 150
QUICK_RETRIES = RetryPolicy(delays_s=(0.05,) * 9, jitter_ratio=0)


class CountingSender(Sender):
    """A sender that counts its attempts (to see that both workers took a share)."""

    made = 0

    async def attempt(self, job):
        self.made += 1
        return await super().attempt(job)


async def test_two_workers_share_the_outbox_and_never_send_one_delivery_at_once(
    settings, database, new_tenant
):
    in_flight: Counter[str] = Counter()
    overlaps: list[str] = []
    chance = random.Random(7)

    async def respond(request: Received) -> Reply:
        key = f"{request.path} {request.webhook_id}"
        in_flight[key] += 1
        if in_flight[key] > 1:
            overlaps.append(key)
        await asyncio.sleep(0.002)
        in_flight[key] -= 1
        return Reply(500 if chance.random() < 0.2 else 200)

    platform = await new_tenant("platform")
    handles = [Database(create_engine(settings)) for _ in range(2)]
    async with receiving(respond) as receiver:
        for path in ("/a", "/b", "/c"):
            await add_endpoint(database, platform.account_id, receiver.url(path))
        for _ in range(EVENTS):
            await record_event(database, platform.account_id)
        senders = await _run_until_delivered(handles, database)

    assert overlaps == []
    assert all(sender.made > 0 for sender in senders)
    found = await deliveries(database)
    assert len(found) == 3 * EVENTS
    assert {d.status for d in found} == {"succeeded"}
    assert len(await attempts(database)) == len(receiver.received)
    assert len({(r.path, r.webhook_id) for r in receiver.received}) == 3 * EVENTS
    for handle in handles:
        await close_when_idle(handle)


async def _run_until_delivered(handles, database) -> list[CountingSender]:
    stop = asyncio.Event()
    async with new_client(100) as client:
        senders = [CountingSender(client) for _ in handles]
        workers = [
            Worker(handle, sender, policy=QUICK_RETRIES, clock=utc_now)
            for handle, sender in zip(handles, senders, strict=True)
        ]
        running = [asyncio.create_task(worker.run(stop)) for worker in workers]
        async with asyncio.timeout(120):
            while await _unfinished(database):  # noqa: ASYNC110 - rows, not an event
                await asyncio.sleep(0.1)
        stop.set()
        await asyncio.gather(*running)
    return senders


async def _unfinished(database) -> bool:
    found = await rows(database, WebhookDelivery)
    return len(found) < 3 * EVENTS or any(d.status != "succeeded" for d in found)
