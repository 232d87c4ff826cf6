"""Incoming Stripe webhooks: verify the signature, read the object back from Stripe, then act
on each event exactly once.

``verify_event`` checks ``Stripe-Signature`` on the raw body with the ``stripe`` library
(HMAC-SHA256 with the endpoint's ``whsec_`` secret, 300 s tolerance either way: a timestamp
too far in the past or in the future is refused) and returns the event. ``refresh`` replaces
the event's ``data.object`` by the object as Stripe's API gives it now (Stripe's advice: the
body is a notification, the API is the truth), so a signed but stale, reordered or crafted body
decides nothing. ``receive_event`` keeps the allowlisted types only, stores the event id in the
inbox and runs the registered handler, all in the caller's transaction: a duplicate or replayed
delivery finds the id stored and changes nothing; a handler that raises leaves nothing stored,
so Stripe's next delivery is processed. An event that cannot be acted on (its object missing or
of the wrong kind, unknown to Stripe, or of the other mode) is stored with that outcome and
acknowledged, so Stripe does not send it again for days.
"""

from __future__ import annotations

import dataclasses
import time
from typing import Any, Literal

import msgspec
import stripe
import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.errors import MarketplaceError
from marketplace.payments import inbox
from marketplace.payments.gateway import PaymentProviderError, StripeGateway
from marketplace.payments.registry import HANDLED_EVENT_TYPES, handler_for
from marketplace.payments.views import ChargeView, PaymentIntentView, StripeEventView, event_time

SIGNATURE_TOLERANCE_S = 300
SIGNATURE_HEADER = "Stripe-Signature"
OBJECT_OF_EVENT = {"payment_intent": "payment_intent", "charge": "charge"}
"""The kind of ``data.object`` each allowlisted family of event types is about."""

Outcome = Literal[
    "processed", "recorded", "duplicate", "ignored", "malformed", "unknown_object", "other_mode"
]
"""``processed``: the handler ran; ``recorded``: stored, no handler is registered for the type;
``duplicate``: already received, nothing done; ``ignored``: a type we do not handle;
``malformed``: its object is missing or of the wrong kind; ``unknown_object``: Stripe does not
know the object; ``other_mode``: a live event for a test key or the reverse. The last three are
stored and acknowledged but change nothing."""

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
    object: Any = None


class _Event(msgspec.Struct):
    """The part of Stripe's event envelope we read."""

    id: str
    type: str
    livemode: bool
    created: int
    data: _EventData | None = None
    api_version: str | None = None


_decoder = msgspec.json.Decoder(_Event)


def _signed_at(signature_header: str | None) -> list[int]:
    parts = (part.partition("=") for part in (signature_header or "").split(","))
    return [int(value) for key, _, value in parts if key.strip() == "t" and value.isdigit()]


def verify_event(
    payload: bytes,
    signature_header: str | None,
    secret: str | None,
    *,
    tolerance_s: int = SIGNATURE_TOLERANCE_S,
) -> StripeEventView:
    """The event of a signed webhook body; ``InvalidSignature`` when the signature is
    missing, wrong, made with another secret, or more than ``tolerance_s`` old or ahead."""
    if secret is None:
        raise WebhookNotConfigured("No Stripe webhook secret is configured")
    try:
        stripe.WebhookSignature.verify_header(payload, signature_header, secret, tolerance_s)
    except (stripe.SignatureVerificationError, UnicodeDecodeError) as error:
        log.warning("stripe.webhook.invalid_signature", has_header=bool(signature_header))
        raise InvalidSignature("The Stripe-Signature header does not verify") from error
    if any(signed > time.time() + tolerance_s for signed in _signed_at(signature_header)):
        log.warning("stripe.webhook.signed_in_the_future")
        raise InvalidSignature("The Stripe-Signature timestamp is in the future")
    return parse_event(payload)


def _problem_of(event_type: str, data_object: Any) -> str | None:
    expected = OBJECT_OF_EVENT.get(event_type.partition(".")[0])
    if not isinstance(data_object, dict) or not isinstance(data_object.get("id"), str):
        return "malformed"
    if expected is not None and data_object.get("object") != expected:
        return "malformed"
    return None


def parse_event(payload: bytes) -> StripeEventView:
    """The event of a (verified) webhook body; its ``problem`` is ``malformed`` when the
    envelope is an event but its object is missing or not of the kind its type says."""
    try:
        event = _decoder.decode(payload)
    except msgspec.DecodeError as error:
        raise InvalidEvent("The body is not a Stripe event") from error
    data_object = None if event.data is None else event.data.object
    return StripeEventView(
        id=event.id,
        type=event.type,
        livemode=event.livemode,
        created=event_time(event.created),
        api_version=event.api_version,
        data_object=data_object if isinstance(data_object, dict) else {},
        problem=_problem_of(event.type, data_object),
    )


async def _current(
    gateway: StripeGateway, kind: str, object_id: str
) -> PaymentIntentView | ChargeView:
    if kind == "payment_intent":
        return await gateway.retrieve_payment_intent(object_id)
    return await gateway.retrieve_charge(object_id)


async def refresh(gateway: StripeGateway, event: StripeEventView) -> StripeEventView:
    """The event with its object as Stripe's API gives it now (no call for events we do not
    handle or cannot act on). Stripe unreachable: ``PaymentProviderError``, so Stripe retries."""
    if event.type not in HANDLED_EVENT_TYPES or event.problem is not None:
        return event
    if event.livemode != gateway.livemode:
        return dataclasses.replace(event, problem="other_mode")
    kind, object_id = event.object_type or "", event.object_id or ""
    try:
        current = await _current(gateway, kind, object_id)
    except PaymentProviderError as error:
        if error.stripe_status != 404:
            raise
        return dataclasses.replace(event, problem="unknown_object")
    return dataclasses.replace(event, current=current)


async def receive_event(session: AsyncSession, event: StripeEventView) -> Outcome:
    """Act on ``event`` once, in the session's transaction (see the module docstring)."""
    logger = log.bind(event_id=event.id, event_type=event.type, object_id=event.object_id)
    if event.type not in HANDLED_EVENT_TYPES:
        logger.info("stripe.webhook.ignored")
        return "ignored"
    handler = handler_for(event.type)
    outcome: Outcome = "processed" if handler is not None else "recorded"
    if event.problem is not None:
        outcome = event.problem  # type: ignore[assignment]  # one of the Outcome literals
    if not await inbox.record_once(session, event, outcome):
        logger.info("stripe.webhook.duplicate")
        return "duplicate"
    if event.problem is not None or handler is None:
        logger.warning("stripe.webhook.not_acted_on", outcome=outcome)
        return outcome
    await handler(session, event)
    logger.info("stripe.webhook.processed")
    return outcome
