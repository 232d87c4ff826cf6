"""Deliveries reach a real receiver on 127.0.0.1: signed (checked with the reference Standard
Webhooks library), with the object as its GET shows it; every attempt is stored, whatever
came back; one slow endpoint holds up no other."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from datetime import timedelta

from marketplace.events import ssrf
from tests.covers.helpers import bound, read
from tests.events.delivery_helpers import (
    START,
    add_endpoint,
    attempts,
    deliveries,
    record_event,
    verified,
    worker_on,
)
from tests.events.receiver import Received, Reply, receiving


async def test_a_paid_cover_reaches_the_platform_signed_as_its_get_shows_it(
    client, market, database
):
    async with receiving() as receiver:
        endpoint = await add_endpoint(
            database, market.platform.account_id, receiver.url(), ["cover.activated"]
        )
        cover = await bound(client, market.platform, payment_method="pm_card_visa")
        async with worker_on(database) as worker:
            await worker.run_once()

    (received,) = receiver.received
    event = verified(received, endpoint.secret)
    assert event["type"] == "cover.activated"
    assert event["data"]["object"] == await read(client, market.platform, cover)
    assert event["data"]["previous_attributes"]["status"] == "pending_payment"
    assert event["sequence"] == 3  # created, payment attached, activated
    assert received.webhook_id == event["id"]
    assert received.headers["content-type"] == "application/json"
    assert received.headers["user-agent"].startswith("InvoiceCoverMarketplace-Webhooks/")
    (delivery,) = await deliveries(database)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("succeeded", 1, 200)
    assert delivery.lease_until is None


async def _one_attempt(database, tenant, url: str, **worker_options):
    """Emit one event to an endpoint at ``url``, run the worker once; its only attempt."""
    await add_endpoint(database, tenant.account_id, url)
    await record_event(database, tenant.account_id)
    async with worker_on(database, **worker_options) as worker:
        assert await worker.run_once() == 1
    (attempt,) = await attempts(database)
    return attempt


async def test_an_error_answer_is_stored_with_its_first_kibibyte_decoded_leniently(
    database, new_tenant
):
    async def broken(_: Received) -> Reply:
        return Reply(500, b"\xff\x00" * 2000)  # not UTF-8, with NUL bytes

    platform = await new_tenant("platform")
    async with receiving(broken) as receiver:
        attempt = await _one_attempt(database, platform, receiver.url())

    assert (attempt.status_code, attempt.error) == (500, "http_status")
    assert attempt.response_body == "\ufffd" * 1024
    assert attempt.duration_ms >= 0
    (delivery,) = await deliveries(database)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("pending", 1, 500)
    assert delivery.next_attempt_at == START + timedelta(seconds=5)


async def test_a_redirect_is_not_followed(database, new_tenant):
    async def moved(_: Received) -> Reply:
        return Reply(302, b"", {"location": "http://127.0.0.1:9/elsewhere"})

    platform = await new_tenant("platform")
    async with receiving(moved) as receiver:
        attempt = await _one_attempt(database, platform, receiver.url())
    assert (attempt.status_code, attempt.error) == (302, "http_status")
    assert len(receiver.received) == 1


async def test_an_endpoint_that_does_not_answer_in_time_is_a_timeout(database, new_tenant):
    async def never(_: Received) -> Reply:
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    platform = await new_tenant("platform")
    async with receiving(never) as receiver:
        attempt = await _one_attempt(database, platform, receiver.url(), timeout_s=0.2)
    assert (attempt.status_code, attempt.error, attempt.response_body) == (None, "timeout", None)


async def test_an_endpoint_nobody_listens_on_is_a_connection_error(database, new_tenant):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    platform = await new_tenant("platform")
    attempt = await _one_attempt(database, platform, f"http://127.0.0.1:{port}/hooks")
    assert (attempt.status_code, attempt.error) == (None, "connect_error")


async def test_a_live_endpoint_whose_host_resolves_to_loopback_is_refused_at_each_attempt(
    database, new_tenant, monkeypatch
):
    async def loopback(host: str, port: int) -> list[ipaddress.IPv4Address]:
        return [ipaddress.IPv4Address("127.0.0.1")]

    monkeypatch.setattr(ssrf, "resolve", loopback)  # hooks.example.com now points here
    platform = await new_tenant("platform")
    async with receiving() as receiver:
        url = f"https://hooks.example.com:{receiver.port}/hooks"
        await add_endpoint(database, platform.account_id, url, livemode=True)
        await record_event(database, platform.account_id, livemode=True)
        async with worker_on(database) as worker:
            assert await worker.run_once() == 1

    assert receiver.received == []
    (attempt,) = await attempts(database)
    assert (attempt.status_code, attempt.error) == (None, "blocked_address")
    (delivery,) = await deliveries(database)
    assert (delivery.status, delivery.attempts) == ("pending", 1)


async def test_a_slow_endpoint_holds_up_no_other(database, new_tenant):
    release = asyncio.Event()

    async def respond(request: Received) -> Reply:
        if request.path == "/slow":
            await release.wait()
        return Reply()

    platform = await new_tenant("platform")
    async with receiving(respond) as receiver:
        await add_endpoint(database, platform.account_id, receiver.url("/slow"))
        await add_endpoint(database, platform.account_id, receiver.url("/fast"))
        for _ in range(20):
            await record_event(database, platform.account_id)
        async with worker_on(database, concurrency=4, per_endpoint=2) as worker:
            stop = asyncio.Event()
            running = asyncio.create_task(worker.run(stop))
            await receiver.wait_for(20, "/fast")
            held_up = len(receiver.ids("/slow"))
            release.set()
            await receiver.wait_for(20, "/slow")
            stop.set()
            await running

    assert held_up <= 2  # only its own lane's worth, stuck at the slow endpoint
    assert sorted(receiver.ids("/fast")) == sorted(receiver.ids("/slow"))
    assert {d.status for d in await deliveries(database)} == {"succeeded"}


async def test_the_request_goes_to_the_checked_address_with_the_host_name_kept(
    database, new_tenant, monkeypatch
):
    looked_up: list[str] = []

    async def pinned(host: str, port: int) -> list[ipaddress.IPv4Address]:
        looked_up.append(host)
        return [ipaddress.IPv4Address("127.0.0.1")]

    monkeypatch.setattr(ssrf, "resolve", pinned)
    platform = await new_tenant("platform")
    async with receiving() as receiver:
        url = f"http://hooks.example.test:{receiver.port}/hooks?team=7"
        attempt = await _one_attempt(database, platform, url)

    assert attempt.status_code == 200
    (received,) = receiver.received
    assert received.headers["host"] == f"hooks.example.test:{receiver.port}"
    assert received.path == "/hooks?team=7"
    assert looked_up == ["hooks.example.test"]
