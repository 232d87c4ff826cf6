"""HTTP endpoint for Stripe's webhooks: ``POST /v1/webhooks/stripe`` (for Stripe, not
integrators: it is left out of the OpenAPI document)."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Controller, Request, post

from marketplace.config import Settings
from marketplace.kit.unit_of_work import DbSession
from marketplace.payments import webhooks
from marketplace.payments.wiring import STRIPE_GATEWAY_DEPENDENCY, PaymentGateway


class StripeWebhookReceipt(msgspec.Struct, frozen=True):
    """What we tell Stripe: the event was received, and what became of it."""

    event: str
    type: str
    outcome: webhooks.Outcome
    received: bool = True


class StripeWebhookController(Controller):
    path = "/stripe"
    dependencies = {"stripe_gateway": STRIPE_GATEWAY_DEPENDENCY}

    @post("/", operation_id="receive_stripe_event", status_code=200)
    async def receive(
        self, request: Request[Any, Any, Any], session: DbSession, stripe_gateway: PaymentGateway
    ) -> StripeWebhookReceipt:
        """Receive one signed Stripe event (400 ``invalid_signature`` if it does not verify);
        its object is read back from Stripe before anything is written."""
        settings: Settings = request.app.state.settings
        event = webhooks.verify_event(
            await request.body(),
            request.headers.get(webhooks.SIGNATURE_HEADER),
            settings.stripe_webhook_secret,
        )
        event = await webhooks.refresh(stripe_gateway, event)
        outcome = await webhooks.receive_event(session, event)
        return StripeWebhookReceipt(event=event.id, type=event.type, outcome=outcome)
