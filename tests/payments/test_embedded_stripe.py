"""The embedded mode: ``marketplace serve`` with no Stripe key runs localstripe beside the API,
and a real payment's signed webhook reaches the inbox through our verification."""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from pathlib import Path

import httpx
from sqlalchemy import select

from marketplace.config import load_settings
from marketplace.models.payments import StripeEvent
from marketplace.payments.gateway import StripeGateway
from marketplace.payments.localstripe import (
    LOCALSTRIPE_SECRET_KEY,
    LocalStripe,
    callback_host,
    data_path_for,
    embedded_stripe,
)

DELIVERY_WAIT_S = 15.0
LISTEN_STATE = "0A"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def listening_addresses(port: int) -> set[str]:
    """The local addresses (hex, as the kernel writes them) listening on ``port``."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, _, hex_port = local.partition(":")
            if int(hex_port, 16) == port and state == LISTEN_STATE:
                found.add(address)
    return found


async def wait_until_up(url: str, process: asyncio.subprocess.Process) -> None:
    async with httpx.AsyncClient() as http:
        for _ in range(600):
            assert process.returncode is None, "the server exited"
            try:
                if (await http.get(f"{url}/health", timeout=1)).status_code == 200:
                    return
            except httpx.TransportError:
                await asyncio.sleep(0.1)
    raise AssertionError("the server did not answer /health")


async def events_about(database, object_ids: set[str]) -> dict[str, str]:
    """Wait (bounded) until the inbox holds an event for each object; object id → type."""
    query = select(StripeEvent.object_id, StripeEvent.type).where(
        StripeEvent.object_id.in_(object_ids)
    )
    found: dict[str, str] = {}
    for _ in range(int(DELIVERY_WAIT_S / 0.1)):
        async with database.reader_session() as session:
            found = {row.object_id: row.type for row in await session.execute(query)}
        if set(found) == object_ids:
            break
        await asyncio.sleep(0.1)
    return found


async def pay_twice(api_base: str) -> tuple[str, str]:
    settings = load_settings({}, stripe_secret_key=LOCALSTRIPE_SECRET_KEY, stripe_api_base=api_base)
    gateway = StripeGateway.from_settings(settings)
    try:
        paid, declined = [
            await gateway.confirm_payment_intent(
                (
                    await gateway.create_payment_intent(
                        amount_minor=4219,
                        currency="EUR",
                        metadata={},
                        idempotency_key=f"embedded-{card}",
                        payment_method=card,
                    )
                ).id,
                idempotency_key=f"embedded-{card}-confirm",
            )
            for card in ("pm_card_visa", "pm_card_chargeCustomerFail")
        ]
    finally:
        await gateway.close()
    assert (paid.status, declined.status) == ("succeeded", "requires_payment_method")
    return paid.id, declined.id


async def test_serve_pays_through_localstripe_and_the_signed_webhooks_reach_the_inbox(
    settings, database, tmp_path
):
    port, localstripe_port = free_port(), free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("MARKETPLACE_")},
        "MARKETPLACE_DATABASE_URL": settings.database_url,
        "MARKETPLACE_PORT": str(port),
        "MARKETPLACE_LOCALSTRIPE_PORT": str(localstripe_port),
        "MARKETPLACE_LOG_FORMAT": "json",
    }
    log_path = tmp_path / "server.log"
    with log_path.open("wb") as log:
        server = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "marketplace", "serve"),
            env=env,
            cwd=tmp_path,
            stdout=log,
            stderr=log,
        )
        try:
            await wait_until_up(f"http://127.0.0.1:{port}", server)
            assert listening_addresses(localstripe_port) == {"0100007F"}  # 127.0.0.1 only
            paid, declined = await pay_twice(f"http://127.0.0.1:{localstripe_port}")
            delivered = await events_about(database, {paid, declined})
        finally:
            server.terminate()
            await asyncio.wait_for(server.wait(), timeout=30)

    assert delivered == {
        paid: "payment_intent.succeeded",
        declined: "payment_intent.payment_failed",
    }
    assert listening_addresses(localstripe_port) == set()  # stopped with the server
    database_file = Path(settings.database_url.split(":///", 1)[-1])
    data_file = data_path_for(settings)
    if settings.is_sqlite:
        assert data_file == database_file.with_name(f"{database_file.stem}.localstripe.pickle")
    else:
        assert data_file == Path("var/localstripe.pickle")
        data_file = tmp_path / data_file  # relative to the server's working directory
    assert data_file.stat().st_size > 0
    log_text = log_path.read_text()
    assert "whsec_" not in log_text
    assert LOCALSTRIPE_SECRET_KEY not in log_text


def test_localstripe_listens_on_loopback_only_and_keeps_its_data_in_our_file(tmp_path):
    data_path = tmp_path / "data" / "localstripe.pickle"

    with LocalStripe.start(port=0, data_path=data_path) as localstripe:
        addresses = listening_addresses(localstripe.port)
        localstripe.register_webhook("http://127.0.0.1:9/hook", "whsec_x")

    assert addresses == {"0100007F"}
    assert data_path.stat().st_mode & 0o777 == 0o600


def test_a_taken_port_falls_back_to_a_free_one(tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        with LocalStripe.start(port=port, data_path=tmp_path / "ls.pickle") as localstripe:
            answer = httpx.get(f"{localstripe.api_base}/js.stripe.com/v3/", timeout=5)

    assert localstripe.port != port
    assert answer.status_code == 200


def test_a_real_stripe_key_turns_the_embedded_stripe_off():
    port = free_port()
    settings = load_settings({}, stripe_secret_key="sk_test_real", localstripe_port=port)

    with embedded_stripe(settings, server_host="127.0.0.1", server_port=8000) as variables:
        listening = listening_addresses(port)

    assert variables == {}
    assert listening == set()


def test_localstripe_calls_a_server_on_a_wildcard_address_through_loopback():
    assert callback_host("0.0.0.0") == "127.0.0.1"
    assert callback_host("::") == "127.0.0.1"
    assert callback_host("::1") == "[::1]"
    assert callback_host("10.1.2.3") == "10.1.2.3"
