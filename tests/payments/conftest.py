"""Payments test set-up: a gateway on the suite's localstripe, and an empty handler registry."""

from __future__ import annotations

import secrets

import httpx
import pytest

from marketplace.payments import registry
from tests.fixtures.stripe_payloads import payment_intent
from tests.payments.stripe_fixtures import ledger, lose_stripe_answers, stripe_refuses

__all__ = ["ledger", "lose_stripe_answers", "stripe_refuses"]


@pytest.fixture
def stripe_client(client: httpx.AsyncClient) -> httpx.AsyncClient:
    """The suite's in-process client: its app's settings carry the webhook secret."""
    return client


@pytest.fixture
def handlers(monkeypatch: pytest.MonkeyPatch) -> dict[str, registry.Handler]:
    """An empty handler registry for the test (whatever the domains registered is put back)."""
    fresh: dict[str, registry.Handler] = {}
    monkeypatch.setattr(registry, "HANDLERS", fresh)
    return fresh


@pytest.fixture
async def paid_intent(gateway) -> dict:
    """A PaymentIntent really paid at the embedded Stripe, in the shape events carry it."""
    created = await gateway.create_payment_intent(
        amount_minor=4219,
        currency="EUR",
        metadata={"cover_id": "cov_1"},
        idempotency_key=secrets.token_hex(8),
        payment_method="pm_card_visa",
    )
    paid = await gateway.confirm_payment_intent(created.id, idempotency_key=secrets.token_hex(8))
    return payment_intent("succeeded", id=paid.id, metadata={"cover_id": "cov_1"})
