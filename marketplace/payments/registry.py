"""Which code acts on which Stripe event type.

The Stripe webhook endpoint handles the event types of ``HANDLED_EVENT_TYPES`` only; a domain
registers one handler per type, at import time::

    from marketplace.payments.registry import register

    @register("payment_intent.succeeded")
    async def activate_cover(session: AsyncSession, event: StripeEventView) -> None:
        intent = event.payment_intent()
        ...

A handler runs inside the webhook request's transaction, after the event id was stored in the
inbox: it flushes, never commits, and makes no Stripe API call (the endpoint read the event's
object back from Stripe before the transaction began: ``event.payment_intent()`` and
``event.charge()`` give that current object, never the body's). If it raises, the transaction is
rolled back, event id included, Stripe gets a 500 and delivers the event again later. It may
see events out of order (the object it gets is the current one, so an old event carries new
news) and must tolerate objects it does not know (answer without changing anything).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.payments.views import StripeEventView

HANDLED_EVENT_TYPES = frozenset(
    {
        "payment_intent.succeeded",
        "payment_intent.payment_failed",
        "payment_intent.canceled",
        "charge.refunded",
    }
)
"""The allowlist: events of any other type are acknowledged and ignored."""

Handler = Callable[[AsyncSession, StripeEventView], Awaitable[None]]

HANDLERS: dict[str, Handler] = {}
"""The registered handler of each event type (tests may swap entries with monkeypatch)."""


def register(event_type: str) -> Callable[[Handler], Handler]:
    """Decorator: make the function the handler of ``event_type`` (one of the allowlist)."""
    if event_type not in HANDLED_EVENT_TYPES:
        raise ValueError(f"{event_type!r} is not an event type the webhook endpoint handles")

    def decorate(handler: Handler) -> Handler:
        registered = HANDLERS.get(event_type)
        if registered is not None and registered is not handler:
            raise ValueError(f"{event_type!r} already has a handler: {registered.__qualname__}")
        HANDLERS[event_type] = handler
        return handler

    return decorate


def handler_for(event_type: str) -> Handler | None:
    """The handler registered for ``event_type``, if any."""
    return HANDLERS.get(event_type)
