"""Cancelling a cover before its invoice is due: exactly one refund, whatever happens.

1. One committed step moves the cover to ``cancelling`` with a conditional update (of many
   simultaneous requests, one wins; the others get 409) and, for an active cover, writes the
   refund it owes with this request holding its lease (``payments.refunds``).
2. Only then is Stripe asked: refund the premium (``cover_cancelled``, in full within the
   cooling-off period, else pro rata), or, for a cover still pending payment, cancel its
   PaymentIntent (if it was paid meanwhile, the premium is refunded in full instead).
3. Stripe's answer is recorded: ``cancelled`` with the exposure released; a refusal undoes the
   cancellation (502 ``refund_refused``); no answer leaves the cover ``cancelling``, which the
   same request again, or the upkeep job, completes by first asking Stripe what it did.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.covers import lifecycle, payment_state, premium_refunds, repository, service
from marketplace.db import Database
from marketplace.kit.tenancy import Principal
from marketplace.models.covers import Cover
from marketplace.models.payments import Refund
from marketplace.payments import refunds
from marketplace.payments import repository as payments
from marketplace.payments.gateway import PaymentProviderError, StripeGateway
from marketplace.payments.views import PaymentIntentView

PAYMENT_LEASE = timedelta(minutes=2)
log = structlog.get_logger("marketplace.covers.cancel")


@dataclass(frozen=True, slots=True)
class Plan:
    """What is left to do with Stripe for a cover being cancelled."""

    cover: Cover
    refund: Refund | None = None
    """The refund to carry out (its lease held), or None: stop the PaymentIntent instead."""


async def cancel(
    database: Database,
    gateway: StripeGateway,
    principal: Principal,
    cover_id: str,
    now: datetime,
) -> Cover:
    """Cancel (or finish cancelling) a cover the caller bound; the cover as it then stands."""
    async with database.writer_session() as session:
        cover = await service.owned(session, principal, cover_id)
        plan = await _begin(session, cover, now)
        await session.commit()
    refund = None if plan is None else await carry_out(database, gateway, plan, now)
    async with database.reader_session() as session:
        cover = await repository.reload(session, cover)
    if refund is not None and refund.status == "failed":
        raise service.RefundRefused(
            f"Stripe refused to refund the premium ({refund.failure_code}); the cover stays"
            f" {cover.status}"
        )
    return cover


async def _begin(session: AsyncSession, cover: Cover, now: datetime) -> Plan | None:
    """Step 1 (the caller commits): the plan, or None when nothing is left to ask Stripe."""
    if cover.status == "cancelling":
        return await resume(session, cover, now)
    refund_minor = service.refund_on_cancel(cover, now)
    if cover.status == "pending_payment":
        if not await lifecycle.begin_cancel(session, cover, now, now + PAYMENT_LEASE):
            raise service.PaymentInProgress(
                f"Cover {cover.id} is paying its premium right now; retry in a moment"
            )
        return Plan(cover)
    if not await lifecycle.begin_cancel(session, cover, now, None):
        raise service.CoverNotCancellable(f"Cover {cover.id} changed meanwhile; try again")
    if refund_minor == 0 or cover.payment_intent_id is None:
        await lifecycle.finish_cancel(session, cover, now)
        return None
    refund = await refunds.open_refund(
        session,
        livemode=cover.livemode,
        payment_intent_id=cover.payment_intent_id,
        cover_id=cover.id,
        purpose="cover_cancelled",
        amount_minor=refund_minor,
        currency=cover.currency,
        now=now,
        leased=True,
    )
    return Plan(cover, refund)


async def resume(session: AsyncSession, cover: Cover, now: datetime) -> Plan:
    """Take up a cancellation left half-way (the caller commits); 409 while someone else
    is working on it."""
    refund = await payments.pending_refund_of_cover(session, cover.id, "cover_cancelled")
    if refund is not None and await refunds.claim(session, refund, now):
        return Plan(cover, refund)
    if refund is None and await repository.take_payment_lease(
        session, cover, ("cancelling",), now, now + PAYMENT_LEASE
    ):
        return Plan(cover)
    raise service.CancellationInProgress(
        f"Cover {cover.id} is being cancelled; its refund is under way"
    )


async def carry_out(
    database: Database, gateway: StripeGateway, plan: Plan, now: datetime
) -> Refund | None:
    """Steps 2 and 3 for a plan whose lease is held; the refund made (or tried), if any."""
    if plan.refund is not None:
        return await premium_refunds.carry_out_held(database, gateway, plan.refund, now)
    return await _stop_payment(database, gateway, plan.cover, now)


async def _stop_payment(
    database: Database, gateway: StripeGateway, cover: Cover, now: datetime
) -> Refund | None:
    """A cover cancelled before its premium was paid: stop the PaymentIntent, or, if it was
    paid meanwhile, give the premium back."""
    intent = await _stopped_intent(gateway, cover)
    async with database.writer_session() as session:
        cover = await repository.reload(session, cover)
        refund = await _after_stop(session, cover, intent, now)
        await session.commit()
    if intent is not None and cover.status == "pending_payment":
        raise service.CoverNotCancellable(
            f"The premium of cover {cover.id} is being processed ({intent.status}); try again"
        )
    if refund is None:
        return None
    return await premium_refunds.carry_out_held(database, gateway, refund, now)


async def _stopped_intent(gateway: StripeGateway, cover: Cover) -> PaymentIntentView | None:
    """The PaymentIntent after asking Stripe to cancel it (None: Stripe did not answer)."""
    if cover.payment_intent_id is None:
        return None
    try:
        return await gateway.cancel_payment_intent(
            cover.payment_intent_id, idempotency_key=f"{cover.id}_cancel"
        )
    except PaymentProviderError:  # already paid, or no answer: read what is true now
        try:
            return await gateway.retrieve_payment_intent(cover.payment_intent_id)
        except PaymentProviderError:
            return None


async def _after_stop(
    session: AsyncSession, cover: Cover, intent: PaymentIntentView | None, now: datetime
) -> Refund | None:
    if cover.payment_intent_id is not None and intent is None:
        await repository.give_back_payment_lease(session, cover)  # the job tries again
        return None
    if intent is None or intent.status == "canceled":
        await lifecycle.finish_cancel(session, cover, now)
        return None
    if intent.succeeded and payment_state.pays_premium(cover, intent):
        return await premium_refunds.owe_back(
            session, cover, intent, "cover_cancelled", now, leased=True
        )
    if intent.succeeded:  # paid, but not the premium: give it back, nothing was covered
        await premium_refunds.owe_back(session, cover, intent, "payment_mismatch", now)
        await lifecycle.finish_cancel(session, cover, now)
        return None
    await lifecycle.undo_cancel(session, cover, "pending_payment", now)  # still processing
    return None
