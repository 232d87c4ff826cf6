"""The whole path as an integrator lives it, against ``marketplace serve`` in embedded mode:
quote, bind with a test card, and the signed webhook from localstripe activates the cover."""

from __future__ import annotations

import time

import httpx

from tests.conftest import run_cli
from tests.factories import product_terms, quote_request

WEBHOOK_WAIT_S = 20


def _tenant(env, role):
    account = run_cli(env, "accounts", "create", "--role", role, "--name", f"E2E {role}").strip()
    secret = run_cli(env, "accounts", "keys", "create", account).split()[-1]
    return {"Authorization": f"Bearer {secret}"}


def _wait_for(url, headers, cover_id, status):
    deadline = time.monotonic() + WEBHOOK_WAIT_S
    while time.monotonic() < deadline:
        cover = httpx.get(f"{url}/v1/covers/{cover_id}", headers=headers).json()
        if cover["status"] == status:
            return cover
        time.sleep(0.2)
    raise AssertionError(f"cover {cover_id} is {cover['status']}, not {status}")


def test_a_test_card_pays_and_the_signed_webhook_activates_the_cover(live_server):
    url, env = live_server.url, live_server.env
    insurer, platform = _tenant(env, "insurer"), _tenant(env, "platform")
    product = httpx.post(f"{url}/v1/products", headers=insurer, json=product_terms())
    assert product.status_code == 201

    def bind(card):
        quote = httpx.post(f"{url}/v1/quotes", headers=platform, json=quote_request()).json()
        assert quote["status"] == "quoted", quote
        body = {"quote": quote["id"], "offer": quote["offers"][0]["id"], "payment_method": card}
        response = httpx.post(f"{url}/v1/covers", headers=platform, json=body)
        assert response.status_code == 201, response.text
        return response.json()

    paid = bind("pm_card_visa")
    assert paid["status"] == "pending_payment"
    active = _wait_for(url, platform, paid["id"], "active")
    assert active["certificate_number"]

    declined = bind("pm_card_chargeCustomerFail")
    assert declined["status"] == "payment_failed"
    buyer = httpx.get(f"{url}/v1/buyers/{declined['buyer']}", headers=platform).json()
    capacity = next(c for c in buyer["capacity"] if c["product"] == declined["product"])
    assert capacity["exposure"] == 0
