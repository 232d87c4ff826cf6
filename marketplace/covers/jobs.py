"""Periodic cover upkeep: lapse covers whose premium never came, catch lost webhooks and lost
answers, carry out the refunds owed, finish cancellations left half-way.

- A cover still pending payment when its quote expires lapses (exposure released), after one
  last look at its PaymentIntent: if Stripe says it was paid, the cover activates instead; if
  not, the PaymentIntent is cancelled so it cannot be paid later.
- A cover pending for more than ``RECONCILE_AFTER`` has its PaymentIntent read back from
  Stripe (at most once per ``RECONCILE_AFTER``): a lost webhook or a bind whose answer was lost
  does not leave it pending. The job never charges: it only reads.
- Pending refunds nobody is working on are carried out (``premium_refunds.settle``).
- A cover left ``cancelling`` with its PaymentIntent not yet stopped is finished.
Each cover takes its payment's lease in a committed step before Stripe is called, so the job,
a webhook and a client's retry never work on one payment at once.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import structlog

from marketplace.covers import (
    cancellation,
    changes,
    lifecycle,
    payment_state,
    premium_refunds,
    repository,
)
from marketplace.db import Database
from marketplace.errors import Conflict, MarketplaceError
from marketplace.models.covers import Cover
from marketplace.payments import repository as payments
from marketplace.payments.gateway import PaymentProviderError, StripeGateway
from marketplace.payments.views import PaymentIntentView

RECONCILE_AFTER = timedelta(minutes=5)
JOB_LEASE = timedelta(minutes=2)
BATCH = 100
log = structlog.get_logger("marketplace.covers.jobs")


async def _take_lease(database: Database, cover: Cover, now: datetime) -> bool:
    async with database.writer_session() as session:
        taken = await repository.take_payment_lease(
            session, cover, ("pending_payment",), now, now + JOB_LEASE
        )
        await session.commit()
    return taken


async def _read(gateway: StripeGateway, payment_intent_id: str) -> PaymentIntentView | None:
    try:
        return await gateway.retrieve_payment_intent(payment_intent_id)
    except PaymentProviderError:
        return None


async def _stop(
    gateway: StripeGateway, payment_intent_id: str, key: str
) -> PaymentIntentView | None:
    """Cancel the PaymentIntent unless it is paid; its state after that (None: no answer)."""
    intent = await _read(gateway, payment_intent_id)
    if intent is None or intent.succeeded or intent.status == "canceled":
        return intent
    try:
        return await gateway.cancel_payment_intent(intent.id, idempotency_key=key)
    except PaymentProviderError:  # paid in the meantime, or no answer: read it again
        return await _read(gateway, payment_intent_id)


async def _settle(
    database: Database, cover: Cover, intent: PaymentIntentView | None, now: datetime, lapse: bool
) -> str:
    async with database.writer_session() as session:
        cover = await repository.reload(session, cover)
        outcome = "unanswered"
        paid = intent is not None and intent.succeeded
        if intent is not None:
            await changes.move(session, cover, (cover.status,), payment_checked_at=now)
        if intent is not None and (paid or not lapse):  # lapsing: we cancelled it ourselves
            outcome = await payment_state.apply_intent(session, cover, intent, now)
        if lapse and not paid:
            outcome = "expired" if await lifecycle.expire(session, cover, now) else "unchanged"
        await repository.give_back_payment_lease(session, cover)
        await session.commit()
    return outcome


async def expire_due(database: Database, gateway: StripeGateway | None, now: datetime) -> int:
    async with database.reader_session() as session:
        due = await repository.due_for_expiry(session, now, BATCH)
    for cover in due:
        if not await _take_lease(database, cover, now):
            continue
        intent = None
        if gateway is not None and cover.payment_intent_id is not None:
            intent = await _stop(gateway, cover.payment_intent_id, f"{cover.id}_lapse")
            if intent is None:  # Stripe did not answer: lapse nothing blind, try next round
                await _settle(database, cover, None, now, lapse=False)
                continue
        outcome = await _settle(database, cover, intent, now, lapse=True)
        log.info("cover.lapse", cover_id=cover.id, outcome=outcome)
    return len(due)


async def reconcile_pending(
    database: Database, gateway: StripeGateway | None, now: datetime
) -> int:
    if gateway is None:
        return 0
    async with database.reader_session() as session:
        pending = await repository.pending_unchecked_since(session, now - RECONCILE_AFTER, BATCH)
    for cover in pending:
        if cover.payment_intent_id is None or not await _take_lease(database, cover, now):
            continue
        intent = await _read(gateway, cover.payment_intent_id)
        outcome = await _settle(database, cover, intent, now, lapse=False)
        log.info("cover.reconcile", cover_id=cover.id, outcome=outcome)
    return len(pending)


async def settle_refunds(database: Database, gateway: StripeGateway | None, now: datetime) -> int:
    if gateway is None:
        return 0
    async with database.reader_session() as session:
        owed = await payments.refunds_to_carry_out(session, now, BATCH)
    for refund in owed:
        settled = await premium_refunds.settle(database, gateway, refund.id, now)
        log.info("refund.settle", refund_id=refund.id, status=settled and settled.status)
    return len(owed)


async def finish_cancellations(
    database: Database, gateway: StripeGateway | None, now: datetime
) -> int:
    """Cancellations left half-way (their refunds may also be settled by ``settle_refunds``:
    whichever takes the lease first does it)."""
    if gateway is None:
        return 0
    async with database.reader_session() as session:
        left = await repository.cancellations_to_resume(session, now, BATCH)
    for cover in left:
        try:
            async with database.writer_session() as session:
                plan = await cancellation.resume(session, cover, now)
                await session.commit()
        except Conflict:
            continue  # someone else is on it
        try:
            await cancellation.carry_out(database, gateway, plan, now)
        except MarketplaceError as error:  # e.g. the premium is still being processed
            log.info("cover.cancellation_waiting", cover_id=cover.id, code=error.code)
            continue
        log.info("cover.cancellation_resumed", cover_id=cover.id)
    return len(left)


async def cover_upkeep(database: Database, gateway: StripeGateway | None, now: datetime) -> None:
    """One round of every cover job."""
    await expire_due(database, gateway, now)
    await reconcile_pending(database, gateway, now)
    await settle_refunds(database, gateway, now)
    await finish_cancellations(database, gateway, now)
