"""Refunds we owe, made exactly once whatever races, retries and lost answers happen.

1. ``open_refund``: the decision is a ``refunds`` row, unique per PaymentIntent and purpose,
   written in the transaction of the state change that owes the money (a cancellation, a
   premium paid without cover), and committed before Stripe hears of it.
2. ``claim``: whoever wants to talk to Stripe about it first takes its lease with a committed
   conditional update; the others leave it alone until the lease runs out.
3. ``carry_out`` (no database): after a first attempt, look for a refund Stripe already made
   for this row (an attempt whose answer was lost); else read what the PaymentIntent's charge
   still holds and ask Stripe for the refund, keyed by the row id — never more than is held,
   so money given back elsewhere (in Stripe's dashboard, say) is not given back twice.
4. ``record``: the row becomes ``succeeded`` (with Stripe's refund), ``not_needed`` (nothing
   was held any more: it had been given back elsewhere) or ``failed`` (Stripe refused, e.g. the
   charge was disputed); a lost answer just gives the lease back, so the next holder looks
   again before asking.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.kit.ids import new_id
from marketplace.models.payments import Refund
from marketplace.payments import repository
from marketplace.payments.gateway import PaymentProviderError, StripeGateway
from marketplace.payments.views import RefundView

LEASE = timedelta(minutes=5)
"""How long a holder may talk to Stripe about a refund: well beyond two calls' timeout."""
log = structlog.get_logger("marketplace.payments.refunds")


@dataclass(frozen=True, slots=True)
class Refunded:
    """Stripe made the refund (now, or in an earlier attempt whose answer was lost);
    ``held_after_minor``: what the PaymentIntent's charge still holds after it."""

    refund: RefundView
    held_after_minor: int


@dataclass(frozen=True, slots=True)
class AlreadyGivenBack:
    """The charge held nothing any more: the money had been refunded elsewhere."""


@dataclass(frozen=True, slots=True)
class Refused:
    """Stripe refused: nothing was refunded, and asking again will not help."""

    code: str


@dataclass(frozen=True, slots=True)
class Unanswered:
    """No answer: Stripe may or may not have refunded; the next attempt looks first."""


Attempt = Refunded | AlreadyGivenBack | Refused | Unanswered


async def open_refund(
    session: AsyncSession,
    *,
    livemode: bool,
    payment_intent_id: str,
    cover_id: str | None,
    purpose: str,
    amount_minor: int,
    currency: str,
    now: datetime,
    leased: bool = False,
) -> Refund:
    """The refund of ``payment_intent_id`` for ``purpose``: this one, or the one already
    decided (a second decision for the same money changes nothing). With ``leased``, the
    caller holds its lease from the start and will carry it out itself."""
    await repository.add_refund_once(
        session,
        {
            "id": new_id("refund"),
            "livemode": livemode,
            "payment_intent_id": payment_intent_id,
            "cover_id": cover_id,
            "purpose": purpose,
            "amount_minor": amount_minor,
            "currency": currency,
            "status": "pending",
            "attempts": 1 if leased else 0,
            "lease_until": now + LEASE if leased else None,
            "created_at": now,
            "updated_at": now,
        },
    )
    refund = await repository.refund_for(session, payment_intent_id, purpose)
    log.info("refund.opened", refund_id=refund.id, purpose=purpose, amount_minor=amount_minor)
    return refund


async def claim(session: AsyncSession, refund: Refund, now: datetime) -> bool:
    """Take the lease of a pending refund nobody holds (the caller commits before calling
    Stripe); False when it is done or someone else holds it."""
    return await repository.take_refund_lease(session, refund, now, now + LEASE)


async def carry_out(gateway: StripeGateway, refund: Refund) -> Attempt:
    """Have Stripe refund it, once (see the module docstring); never raises for Stripe."""
    try:
        if refund.attempts > 1:  # an earlier attempt may have reached Stripe
            made = await _made_before(gateway, refund)
            if made is not None:
                return made
        held = await gateway.retrieve_payment_intent(refund.payment_intent_id, retries=0)
        amount = min(refund.amount_minor, held.collected_minor)
        if amount <= 0:
            return AlreadyGivenBack()
        made_now = await gateway.refund(
            payment_intent_id=refund.payment_intent_id,
            amount_minor=amount,
            idempotency_key=refund.id,
            metadata=_metadata(refund),
        )
        return Refunded(made_now, held.collected_minor - made_now.amount_minor)
    except PaymentProviderError as error:
        if error.outcome_unknown:
            return Unanswered()
        return Refused(error.stripe_code or f"http_{error.stripe_status}")


async def _made_before(gateway: StripeGateway, refund: Refund) -> Refunded | None:
    made = [
        found
        for found in await gateway.refunds_of(refund.payment_intent_id, retries=0)
        if found.metadata.get("refund_id") == refund.id
    ]
    if not made:
        return None
    held = await gateway.retrieve_payment_intent(refund.payment_intent_id, retries=0)
    return Refunded(made[0], held.collected_minor)


def _metadata(refund: Refund) -> dict[str, str]:
    metadata = {"refund_id": refund.id, "reason": refund.purpose}
    if refund.cover_id is not None:
        metadata["cover_id"] = refund.cover_id
    return metadata


async def record(session: AsyncSession, refund: Refund, attempt: Attempt, now: datetime) -> bool:
    """Write down what Stripe did; True when the refund is now settled (made or refused)."""
    if isinstance(attempt, Refunded):
        settled = await repository.settle_refund(
            session,
            refund,
            status="succeeded",
            amount_minor=attempt.refund.amount_minor,
            stripe_refund_id=attempt.refund.id,
            stripe_status=attempt.refund.status,
            now=now,
        )
    elif isinstance(attempt, AlreadyGivenBack):
        settled = await repository.settle_refund(session, refund, status="not_needed", now=now)
    elif isinstance(attempt, Refused):
        settled = await repository.settle_refund(
            session, refund, status="failed", failure_code=attempt.code, now=now
        )
    else:
        await repository.give_back_refund_lease(session, refund, now)
        settled = False
    log.info("refund.recorded", refund_id=refund.id, status=refund.status, settled=settled)
    return settled
