"""The whole path as an integrator lives it, against ``marketplace serve`` in embedded mode:
quote, bind with a test card (active from Stripe's answer, and localstripe's signed webhook
about it verified and read back), a declined card, then a cancellation refunded once."""

from __future__ import annotations

import asyncio
import time

import httpx
from sqlalchemy import select

from marketplace.config import load_settings
from marketplace.db import Database, create_engine
from marketplace.models import StripeEvent
from tests.conftest import run_cli
from tests.factories import product_terms, quote_request

WEBHOOK_WAIT_S = 20


def _tenant(env, role):
    account = run_cli(env, "accounts", "create", "--role", role, "--name", f"E2E {role}").strip()
    secret = run_cli(env, "accounts", "keys", "create", account).split()[-1]
    return {"Authorization": f"Bearer {secret}"}


async def _inbox(database_url: str, object_id: str) -> list[tuple[str, str | None]]:
    database = Database(create_engine(load_settings({}, database_url=database_url)))
    try:
        async with database.reader_session() as session:
            query = select(StripeEvent.type, StripeEvent.outcome).where(
                StripeEvent.object_id == object_id
            )
            return [(t, o) for t, o in await session.execute(query)]
    finally:
        await database.dispose()


def _wait_for_event(database_url: str, object_id: str, event_type: str) -> str | None:
    deadline = time.monotonic() + WEBHOOK_WAIT_S
    while time.monotonic() < deadline:
        received = dict(asyncio.run(_inbox(database_url, object_id)))
        if event_type in received:
            return received[event_type]
        time.sleep(0.2)
    raise AssertionError(f"no {event_type} webhook about {object_id} arrived")


def test_a_test_card_pays_the_webhook_confirms_and_a_cancel_refunds(live_server):
    url, env = live_server.url, live_server.env
    database_url = env["MARKETPLACE_DATABASE_URL"]
    insurer, platform = _tenant(env, "insurer"), _tenant(env, "platform")
    product = httpx.post(f"{url}/v1/products", headers=insurer, json=product_terms())
    assert product.status_code == 201
    seller = httpx.post(
        f"{url}/v1/accounts", headers=platform, json={"role": "seller", "name": "S"}
    )
    assert seller.status_code == 201, seller.text

    def bind(card):
        body = quote_request(seller=seller.json()["id"])
        quote = httpx.post(f"{url}/v1/quotes", headers=platform, json=body).json()
        assert quote["status"] == "quoted", quote
        body = {"quote": quote["id"], "offer": quote["offers"][0]["id"], "payment_method": card}
        response = httpx.post(f"{url}/v1/covers", headers=platform, json=body)
        assert response.status_code == 201, response.text
        return response.json()

    paid = bind("pm_card_visa")
    assert (paid["status"], paid["payment"]["status"]) == ("active", "succeeded")
    assert paid["certificate_number"]
    intent = paid["payment"]["payment_intent"]
    assert _wait_for_event(database_url, intent, "payment_intent.succeeded") == "processed"

    declined = bind("pm_card_chargeCustomerFail")
    assert declined["status"] == "payment_failed"
    buyer = httpx.get(f"{url}/v1/buyers/{declined['buyer']}", headers=platform).json()
    capacity = next(c for c in buyer["capacity"] if c["product"] == declined["product"])
    assert capacity["exposure"] == 0

    cancel = httpx.post(f"{url}/v1/covers/{paid['id']}/cancel", headers=platform)
    assert (cancel.json()["status"], cancel.json()["payment"]["refunded"]) == (
        "cancelled",
        paid["premium"],
    )
