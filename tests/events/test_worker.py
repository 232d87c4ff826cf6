"""The worker fans events out to the endpoints that are to receive them, retries on the
schedule (driven by a clock the test moves), honours Retry-After, gives up on endpoints that
are gone or keep failing, and loses nothing when it is killed or stopped mid-delivery."""

from __future__ import annotations

import asyncio
import email.utils
import sys
from datetime import timedelta

import pytest

from marketplace.events import repository
from marketplace.events.retries import RETRY_DELAYS_S
from marketplace.models import Event, WebhookEndpoint
from tests.events.delivery_helpers import (
    START,
    Clock,
    add_endpoint,
    attempts,
    body_of,
    deliveries,
    events_of_type,
    record_event,
    rows,
    verified,
    worker_on,
)
from tests.events.receiver import Received, Reply, receiving


def _always(status: int, **headers: str):
    async def respond(_: Received) -> Reply:
        return Reply(status, b"no", headers)

    return respond


async def _endpoint(database, tenant, receiver, events=None, **fields) -> WebhookEndpoint:
    return await add_endpoint(database, tenant.account_id, receiver.url(), events, **fields)


async def test_failures_are_retried_on_the_schedule_then_given_up(database, new_tenant):
    platform, clock = await new_tenant("platform"), Clock()
    async with receiving(_always(500)) as receiver:
        await _endpoint(database, platform, receiver)
        await record_event(database, platform.account_id)
        async with worker_on(database, clock) as worker:
            for attempt, delay_s in enumerate(RETRY_DELAYS_S, start=1):
                assert await worker.run_once() == 1
                (delivery,) = await deliveries(database)
                assert (delivery.status, delivery.attempts) == ("pending", attempt)
                assert delivery.next_attempt_at == clock.now + timedelta(seconds=delay_s)
                clock.advance(seconds=delay_s - 1)
                assert await worker.run_once() == 0  # not due yet
                clock.advance(seconds=1)
            assert await worker.run_once() == 1  # the tenth and last

    (delivery,) = await deliveries(database)
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == ("failed", 10, None)
    assert len(await attempts(database)) == 10
    assert timedelta(days=2, hours=19) < clock.now - START < timedelta(days=3)
    assert len(set(receiver.ids())) == 1  # one webhook-id, ten times


@pytest.mark.parametrize(
    ("status", "retry_after", "wait_s"),
    [
        (429, "3600", 3600),  # later than the schedule: honoured
        (503, "http-date-2h", 7200),
        (429, "200000", 24 * 3600),  # capped at a day
        (429, "1", 5),  # earlier than the schedule: the schedule wins
        (500, "3600", 5),  # only on 429 and 503
        (503, "soon", 5),  # unreadable
        (429, "\u00b2", 5),  # a digit, but not an ASCII one
        # past what a date can hold: capped, and the worker goes on
        (503, "1000000000000", 24 * 3600),
        (429, "99999999999999999999999999", 24 * 3600),
        (503, "Fri, 31 Dec 9999 23:59:59 GMT", 24 * 3600),
        (429, "000000000000000000060", 60),  # leading zeros read as a number
    ],
)
async def test_retry_after_is_honoured_when_it_asks_for_later(
    database, new_tenant, status, retry_after, wait_s
):
    if retry_after == "http-date-2h":
        retry_after = email.utils.format_datetime(START + timedelta(hours=2), usegmt=True)
    platform = await new_tenant("platform")
    async with receiving(_always(status, **{"retry-after": retry_after})) as receiver:
        await _endpoint(database, platform, receiver)
        await record_event(database, platform.account_id)
        async with worker_on(database) as worker:
            await worker.run_once()
    (delivery,) = await deliveries(database)
    assert delivery.next_attempt_at == START + timedelta(seconds=wait_s)


async def test_jitter_moves_each_retry_by_at_most_a_tenth(database, new_tenant):
    from marketplace.events.retries import RetryPolicy

    platform = await new_tenant("platform")
    async with receiving(_always(500)) as receiver:
        await _endpoint(database, platform, receiver)
        for _ in range(10):
            await record_event(database, platform.account_id)
        async with worker_on(database, policy=RetryPolicy()) as worker:
            await worker.run_once()
    waits = {(d.next_attempt_at - START).total_seconds() for d in await deliveries(database)}
    assert all(4.5 <= wait <= 5.5 for wait in waits)
    assert len(waits) > 1


async def test_gone_disables_the_endpoint_at_once_and_tells_its_account(database, new_tenant):
    platform = await new_tenant("platform")
    async with receiving(_always(410)) as gone_receiver, receiving() as watcher:
        gone = await _endpoint(database, platform, gone_receiver, ["cover.*"])
        await _endpoint(database, platform, watcher, ["webhook_endpoint.disabled"])
        for _ in range(3):
            await record_event(database, platform.account_id)
        async with worker_on(database, per_endpoint=1) as worker:
            await worker.run_once()  # the first answer disables it; the rest are given up
            await worker.run_once()  # the disabled event goes out

    (endpoint,) = await rows(database, WebhookEndpoint, WebhookEndpoint.id == gone.id)
    assert (endpoint.status, endpoint.disabled_reason) == ("disabled", "endpoint_gone")
    to_gone = await deliveries(database, _to(gone))
    assert {d.status for d in to_gone} == {"failed"}
    assert len(gone_receiver.received) < 3
    (told,) = watcher.received
    event = body_of(told)
    assert event["type"] == "webhook_endpoint.disabled"
    assert event["data"]["object"]["id"] == gone.id
    assert event["data"]["object"]["disabled_reason"] == "endpoint_gone"
    assert event["data"]["object"]["secret"] is None
    assert event["data"]["previous_attributes"]["status"] == "enabled"


def _to(endpoint):
    from marketplace.models import WebhookDelivery

    return WebhookDelivery.endpoint_id == endpoint.id


async def test_five_days_of_unbroken_failures_disable_the_endpoint(database, new_tenant):
    platform, clock = await new_tenant("platform"), Clock()
    async with receiving(_always(500)) as receiver:
        failing = await _endpoint(database, platform, receiver)
        async with worker_on(database, clock) as worker:
            for _ in range(5):  # a new event each day, each failing
                await record_event(database, platform.account_id, at=clock.now)
                await worker.run_once()
                clock.advance(days=1)
            (endpoint,) = await rows(database, WebhookEndpoint, WebhookEndpoint.id == failing.id)
            assert (endpoint.status, endpoint.failing_since) == ("enabled", START)
            await record_event(database, platform.account_id, at=clock.now)
            await worker.run_once()  # five days after the first failure

    (endpoint,) = await rows(database, WebhookEndpoint, WebhookEndpoint.id == failing.id)
    assert (endpoint.status, endpoint.disabled_reason) == ("disabled", "failing")
    assert {d.status for d in await deliveries(database)} == {"failed"}
    (disabled,) = await events_of_type(database, "webhook_endpoint.disabled")
    assert disabled.account_id == platform.account_id
    assert disabled.data["object"]["status"] == "disabled"
    assert disabled.created_at == clock.now


async def test_a_success_ends_a_run_of_failures(database, new_tenant):
    platform, clock = await new_tenant("platform"), Clock()
    answers = {"status": 500}

    async def respond(_: Received) -> Reply:
        return Reply(answers["status"])

    async with receiving(respond) as receiver:
        endpoint = await _endpoint(database, platform, receiver)
        async with worker_on(database, clock) as worker:
            for day in range(6):
                answers["status"] = 200 if day == 3 else 500
                await record_event(database, platform.account_id, at=clock.now)
                await worker.run_once()
                clock.advance(days=1)

    (found,) = await rows(database, WebhookEndpoint, WebhookEndpoint.id == endpoint.id)
    assert found.status == "enabled"
    assert found.failing_since == START + timedelta(days=4)


async def test_each_endpoint_gets_what_its_account_may_see_of_its_mode_and_subscription(
    database, new_tenant
):
    platform = await new_tenant("platform")
    seller = await new_tenant("seller", platform=platform.account_id)
    insurer, stranger = await new_tenant("insurer"), await new_tenant("platform")
    operator = await new_tenant("operator")
    async with receiving() as receiver:
        hooks = {
            "platform": await add_endpoint(database, platform.account_id, receiver.url("/p")),
            "seller": await add_endpoint(database, seller.account_id, receiver.url("/s")),
            "insurer": await add_endpoint(database, insurer.account_id, receiver.url("/i")),
            "stranger": await add_endpoint(database, stranger.account_id, receiver.url("/x")),
            "operator": await add_endpoint(database, operator.account_id, receiver.url("/o")),
            "live": await add_endpoint(
                database, platform.account_id, receiver.url("/live"), livemode=True
            ),
            "claims_only": await add_endpoint(
                database, platform.account_id, receiver.url("/c"), ["claim.*"]
            ),
            "disabled": await add_endpoint(
                database, platform.account_id, receiver.url("/d"), status="disabled"
            ),
            "deleted": await add_endpoint(
                database, platform.account_id, receiver.url("/del"), deleted_at=START
            ),
        }
        event = await record_event(
            database, seller.account_id, seller_id=seller.account_id, insurer_id=insurer.account_id
        )
        async with worker_on(database) as worker:
            await worker.run_once()

    assert sorted(r.path for r in receiver.received) == ["/i", "/o", "/p", "/s"]
    assert set(receiver.ids()) == {event.id}
    got = {d.endpoint_id for d in await deliveries(database)}
    assert got == {hooks[name].id for name in ("platform", "seller", "insurer", "operator")}
    (fanned,) = await rows(database, Event, Event.id == event.id)
    assert fanned.fanned_out_at == START


async def test_deliveries_to_an_endpoint_disabled_meanwhile_are_given_up(database, new_tenant):
    from sqlalchemy import update

    platform = await new_tenant("platform")
    async with receiving() as receiver:
        endpoint = await _endpoint(database, platform, receiver)
        await record_event(database, platform.account_id)
        async with worker_on(database) as worker:
            await worker.run_once()
            await record_event(database, platform.account_id)
            async with database.writer_session() as session:
                await session.execute(
                    update(WebhookEndpoint)
                    .where(WebhookEndpoint.id == endpoint.id)
                    .values(status="disabled", disabled_reason="by_request")
                )
                await session.commit()
            await worker.run_once()
    assert len(receiver.received) == 1
    assert sorted(d.status for d in await deliveries(database)) == ["succeeded"]


async def test_a_worker_killed_mid_delivery_loses_nothing(database, settings, new_tenant):
    first_arrived = asyncio.Event()

    async def respond(request: Received) -> Reply:
        if len(receiver.received) == 1:  # the first worker never gets its answer
            first_arrived.set()
            await asyncio.Event().wait()
        return Reply()

    platform = await new_tenant("platform")
    async with receiving(respond) as receiver:
        endpoint = await _endpoint(database, platform, receiver)
        await record_event(database, platform.account_id)
        doomed = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "marketplace", "worker", env=_environment(settings)
        )
        try:
            async with asyncio.timeout(60):
                await first_arrived.wait()
        finally:
            doomed.kill()  # SIGKILL mid-send: it records nothing
            await doomed.wait()
        (held,) = await deliveries(database)
        assert (held.status, held.attempts) == ("pending", 0)
        clock = Clock(held.lease_until - timedelta(seconds=1))
        async with worker_on(database, clock) as successor:
            assert await successor.run_once() == 0  # still leased by the dead worker
            clock.advance(seconds=2)  # the lease runs out
            assert await successor.run_once() == 1

    first, again = receiver.received
    assert first.webhook_id == again.webhook_id
    assert verified(again, endpoint.secret)["id"] == first.webhook_id
    (delivery,) = await deliveries(database)
    assert (delivery.status, delivery.attempts) == ("succeeded", 1)


async def test_a_delivery_sent_again_on_request_during_an_attempt_goes_out_after_it(
    database, new_tenant
):
    arrived, release = asyncio.Event(), asyncio.Event()

    async def respond(_: Received) -> Reply:
        if len(receiver.received) == 1:
            arrived.set()
            await release.wait()
        return Reply()

    platform, clock = await new_tenant("platform"), Clock()
    async with receiving(respond) as receiver:
        endpoint = await _endpoint(database, platform, receiver)
        event = await record_event(database, platform.account_id)
        async with worker_on(database, clock) as worker:
            sending = asyncio.create_task(worker.run_once())
            await arrived.wait()
            async with database.writer_session() as session:  # as a redelivery request does
                await repository.schedule_delivery(
                    session, event.id, endpoint.id, clock.now + timedelta(seconds=1)
                )
                await session.commit()
            release.set()
            assert await sending == 1
            (rescheduled,) = await deliveries(database)
            assert (rescheduled.status, rescheduled.attempts) == ("pending", 0)
            assert rescheduled.lease_until is None
            clock.advance(seconds=1)
            assert await worker.run_once() == 1

    assert len(receiver.received) == 2
    (delivery,) = await deliveries(database)
    assert (delivery.status, delivery.attempts) == ("succeeded", 1)
    assert len(await attempts(database)) == 2


async def test_a_stopped_worker_finishes_and_records_what_is_in_flight(database, new_tenant):
    arrived, release = asyncio.Event(), asyncio.Event()

    async def respond(_: Received) -> Reply:
        arrived.set()
        await release.wait()
        return Reply()

    platform = await new_tenant("platform")
    async with receiving(respond) as receiver:
        await _endpoint(database, platform, receiver)
        await record_event(database, platform.account_id)
        async with worker_on(database) as worker:
            stop = asyncio.Event()
            running = asyncio.create_task(worker.run(stop))
            await arrived.wait()
            stop.set()
            await asyncio.sleep(0.05)
            assert not running.done()  # waits for the attempt in flight
            release.set()
            await running

    assert len(receiver.received) == 1
    (delivery,) = await deliveries(database)
    assert (delivery.status, delivery.attempts) == ("succeeded", 1)


async def test_the_worker_command_stops_on_sigterm_after_recording_what_is_in_flight(
    database, settings, new_tenant
):
    arrived, release = asyncio.Event(), asyncio.Event()

    async def respond(_: Received) -> Reply:
        arrived.set()
        await release.wait()
        return Reply()

    platform = await new_tenant("platform")
    env = _environment(settings)
    async with receiving(respond) as receiver:
        await _endpoint(database, platform, receiver)
        await record_event(database, platform.account_id)
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "marketplace", "worker", "--concurrency", "4", env=env
        )
        try:
            async with asyncio.timeout(60):
                await arrived.wait()
            process.terminate()
            await asyncio.sleep(0.2)
            release.set()
            async with asyncio.timeout(60):
                assert await process.wait() == 0
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()

    (delivery,) = await deliveries(database)
    assert (delivery.status, delivery.attempts) == ("succeeded", 1)


def _environment(settings) -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("MARKETPLACE_")}
    return env | {
        "MARKETPLACE_DATABASE_URL": settings.database_url,
        "MARKETPLACE_LOG_FORMAT": "json",
    }


async def test_serve_delivers_with_one_worker_however_many_processes_it_runs(tmp_path):
    from marketplace.config import load_settings
    from marketplace.db import Database, create_engine
    from tests.served import prepared, serving

    env, headers = prepared(tmp_path, tmp_path)
    env["MARKETPLACE_WORKERS"] = "2"
    log = tmp_path / "server.log"
    database = Database(
        create_engine(load_settings({}, database_url=env["MARKETPLACE_DATABASE_URL"]))
    )
    try:
        async with receiving() as receiver:
            with serving(env, headers, log) as served:
                insurer = served.get("/v1/accounts/me").json()["id"]
                endpoint = await add_endpoint(database, insurer, receiver.url())
                await record_event(database, insurer, insurer_id=insurer)
                try:
                    await receiver.wait_for(1, timeout_s=60)
                except TimeoutError:
                    raise AssertionError(log.read_text()) from None
    finally:
        await database.dispose()

    assert verified(receiver.received[0], endpoint.secret)["type"] == "cover.activated"
    assert _most_workers_at_once(log.read_text()) == 1, log.read_text()


def _most_workers_at_once(log_text: str) -> int:
    """How many embedded workers ran at once, by their start and stop lines (one process may
    take over as another stops)."""
    running = most = 0
    for line in log_text.splitlines():
        running += ("webhook.worker.started" in line) - ("webhook.worker.stopped" in line)
        most = max(most, running)
    return most
