"""Incoming Stripe webhooks: verify the signature, then act on each event exactly once.

``verify_event`` checks ``Stripe-Signature`` on the raw body with the ``stripe`` library
(HMAC-SHA256 with the endpoint's ``whsec_`` secret, 300 s tolerance) and returns the event.
``receive_event`` keeps the allowlisted types only, stores the event id in the inbox and runs
the registered handler, all in the caller's transaction: a duplicate or replayed delivery
finds the id stored and changes nothing; a handler that raises leaves nothing stored, so
Stripe's next delivery is processed. No Stripe API call is made here.
"""

from __future__ import annotations

from typing import Any, Literal

import msgspec
import stripe
import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.errors import MarketplaceError
from marketplace.payments import inbox
from marketplace.payments.registry import HANDLED_EVENT_TYPES, handler_for
from marketplace.payments.views import StripeEventView, event_time

SIGNATURE_TOLERANCE_S = 300
SIGNATURE_HEADER = "Stripe-Signature"

Outcome = Literal["processed", "recorded", "duplicate", "ignored"]
"""``processed``: the handler ran; ``recorded``: stored, no handler is registered for the type;
``duplicate``: already received, nothing done; ``ignored``: a type we do not handle."""

log = structlog.get_logger("marketplace.payments")


class InvalidSignature(MarketplaceError):
    status_code = 400
    code = "invalid_signature"
    title = "Invalid Stripe signature"


class InvalidEvent(MarketplaceError):
    status_code = 400
    code = "invalid_event"
    title = "Not a Stripe event"


class WebhookNotConfigured(MarketplaceError):
    """No webhook secret is configured: 503, so Stripe keeps the event and tries again."""

    status_code = 503
    code = "webhook_not_configured"
    title = "Stripe webhooks are not configured"


class _EventData(msgspec.Struct):
    object: dict[str, Any]


class _Event(msgspec.Struct):
    """The part of Stripe's event envelope we read."""

    id: str
    type: str
    livemode: bool
    created: int
    data: _EventData
    api_version: str | None = None


_decoder = msgspec.json.Decoder(_Event)


def verify_event(
    payload: bytes,
    signature_header: str | None,
    secret: str | None,
    *,
    tolerance_s: int = SIGNATURE_TOLERANCE_S,
) -> StripeEventView:
    """The event of a signed webhook body; ``InvalidSignature`` when the signature is
    missing, wrong, made with another secret, or older than ``tolerance_s``."""
    if secret is None:
        raise WebhookNotConfigured("No Stripe webhook secret is configured")
    try:
        stripe.WebhookSignature.verify_header(payload, signature_header, secret, tolerance_s)
    except (stripe.SignatureVerificationError, UnicodeDecodeError) as error:
        log.warning("stripe.webhook.invalid_signature", has_header=bool(signature_header))
        raise InvalidSignature("The Stripe-Signature header does not verify") from error
    return parse_event(payload)


def parse_event(payload: bytes) -> StripeEventView:
    """The event of a (verified) webhook body."""
    try:
        event = _decoder.decode(payload)
    except msgspec.DecodeError as error:
        raise InvalidEvent("The body is not a Stripe event") from error
    return StripeEventView(
        id=event.id,
        type=event.type,
        livemode=event.livemode,
        created=event_time(event.created),
        api_version=event.api_version,
        data_object=event.data.object,
    )


async def receive_event(session: AsyncSession, event: StripeEventView) -> Outcome:
    """Act on ``event`` once, in the session's transaction (see the module docstring)."""
    logger = log.bind(event_id=event.id, event_type=event.type, object_id=event.object_id)
    if event.type not in HANDLED_EVENT_TYPES:
        logger.info("stripe.webhook.ignored")
        return "ignored"
    if not await inbox.record_once(session, event):
        logger.info("stripe.webhook.duplicate")
        return "duplicate"
    handler = handler_for(event.type)
    if handler is None:
        logger.warning("stripe.webhook.unhandled")
        return "recorded"
    await handler(session, event)
    logger.info("stripe.webhook.processed")
    return "processed"
