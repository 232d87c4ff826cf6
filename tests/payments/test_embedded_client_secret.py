"""Paying with the ``client_secret`` in embedded mode, as the README tells an integrator: a card
that needs 3-D Secure leaves the cover ``pending_payment`` with ``requires_action``; the payer's
side finishes the authentication against the embedded Stripe with the ``client_secret`` and a
publishable key (what its Stripe.js does), and Stripe's signed webhook activates the cover."""

from __future__ import annotations

import json
import time

import httpx

from tests.conftest import run_cli
from tests.factories import product_terms, quote_request

ACTIVATION_WAIT_S = 20
THREE_D_SECURE_CARD = "4000002760003184"


def _key(env, role: str) -> dict[str, str]:
    account = run_cli(env, "accounts", "create", "--role", role, "--name", f"Pay {role}").strip()
    secret = run_cli(env, "accounts", "keys", "create", account).split()[-1]
    return {"Authorization": f"Bearer {secret}"}


def _embedded_stripe(log_path) -> str:
    """The embedded Stripe's address, from the server's start-up log line."""
    for line in log_path.read_text().splitlines():
        if "stripe.localstripe.started" in line:
            return f"http://127.0.0.1:{json.loads(line)['port']}"
    raise AssertionError("the server did not log where its embedded Stripe listens")


def _card_needing_authentication(stripe_url: str) -> str:
    created = httpx.post(
        f"{stripe_url}/v1/payment_methods",
        headers={"Authorization": "Bearer sk_test_any"},
        data={
            "type": "card",
            "card[number]": THREE_D_SECURE_CARD,
            "card[exp_month]": "12",
            "card[exp_year]": "2034",
            "card[cvc]": "123",
        },
    )
    assert created.status_code == 200, created.text
    return str(created.json()["id"])


def _cover_once_active(url: str, headers: dict[str, str], cover_id: str) -> dict:
    deadline = time.monotonic() + ACTIVATION_WAIT_S
    while time.monotonic() < deadline:
        cover = httpx.get(f"{url}/v1/covers/{cover_id}", headers=headers).json()
        if cover["status"] != "pending_payment":
            return cover
        time.sleep(0.2)
    raise AssertionError(f"cover {cover_id} still pending after {ACTIVATION_WAIT_S} s")


def test_the_payer_authenticates_with_the_client_secret_and_the_cover_activates(live_server):
    url, env = live_server.url, live_server.env
    insurer, seller = _key(env, "insurer"), _key(env, "seller")
    assert httpx.post(f"{url}/v1/products", headers=insurer, json=product_terms()).is_success
    stripe_url = _embedded_stripe(live_server.log_path)
    quote = httpx.post(f"{url}/v1/quotes", headers=seller, json=quote_request()).json()
    bind = {
        "quote": quote["id"],
        "offer": quote["offers"][0]["id"],
        "payment_method": _card_needing_authentication(stripe_url),
    }
    bound = httpx.post(f"{url}/v1/covers", headers=seller, json=bind)
    assert bound.status_code == 201, bound.text
    cover = bound.json()
    assert (cover["status"], cover["payment"]["status"]) == ("pending_payment", "requires_action")
    secret = cover["payment"]["client_secret"]
    intent = cover["payment"]["payment_intent"]
    assert secret.startswith(f"{intent}_secret_")

    authenticated = httpx.post(
        f"{stripe_url}/v1/payment_intents/{intent}/_authenticate",
        params={"success": "true"},
        json={"key": "pk_test_any", "client_secret": secret},
    )
    assert authenticated.status_code == 200, authenticated.text

    active = _cover_once_active(url, seller, cover["id"])
    assert (active["status"], active["payment"]["status"]) == ("active", "succeeded")
    assert active["certificate_number"]
    assert active["payment"]["client_secret"] is None  # paid: the secret is no longer shown
