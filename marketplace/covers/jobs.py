"""Periodic cover upkeep: lapse covers whose premium never came, catch lost webhooks, refund.

- A cover still pending payment when its quote expires lapses (exposure released), after one
  last look at its PaymentIntent: if Stripe says it was paid, the cover activates instead; if
  not, the PaymentIntent is cancelled so it cannot be paid later.
- A cover pending for more than ``RECONCILE_AFTER`` has its PaymentIntent read back from
  Stripe (at most once per ``RECONCILE_AFTER``): a lost ``succeeded`` or ``payment_failed``
  webhook does not leave it pending.
- A premium paid after its cover failed or lapsed (``refund_due``) is refunded.
Each cover is handled in its own short transaction; Stripe is called outside them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import structlog

from marketplace.covers import lifecycle, repository
from marketplace.db import Database
from marketplace.models.covers import Cover
from marketplace.payments.gateway import PaymentProviderError, StripeGateway
from marketplace.payments.views import PaymentIntentView

RECONCILE_AFTER = timedelta(minutes=5)
BATCH = 100
log = structlog.get_logger("marketplace.covers.jobs")


async def _intent(gateway: StripeGateway | None, cover: Cover) -> PaymentIntentView | None:
    if gateway is None or cover.payment_intent_id is None:
        return None
    return await gateway.retrieve_payment_intent(cover.payment_intent_id)


async def _stop_payment(gateway: StripeGateway | None, cover: Cover) -> PaymentIntentView | None:
    """Cancel the cover's PaymentIntent unless it is paid; its state after that."""
    intent = await _intent(gateway, cover)
    if gateway is None or intent is None or intent.succeeded or intent.status == "canceled":
        return intent
    try:
        return await gateway.cancel_payment_intent(intent.id, idempotency_key=f"{cover.id}_lapse")
    except PaymentProviderError:  # paid in the meantime: read it again
        return await _intent(gateway, cover)


async def _apply(
    database: Database, cover_id: str, intent: PaymentIntentView | None, now: datetime, lapse: bool
) -> str:
    async with database.writer_session() as session:
        cover = await repository.by_id(session, cover_id)
        if cover is None:
            return "gone"
        await repository.move(session, cover, (cover.status,), payment_checked_at=now)
        if intent is not None and intent.succeeded:
            outcome = await lifecycle.activate(session, cover, intent, now)
        elif lapse:
            outcome = "expired" if await lifecycle.expire(session, cover, now) else "unchanged"
        elif (
            intent is not None
            and intent.status in ("requires_payment_method", "canceled")
            and intent.last_error_code
        ):
            outcome = (
                "failed"
                if await lifecycle.fail_payment(session, cover, intent, now)
                else "unchanged"
            )
        else:
            outcome = "unchanged"
        await session.commit()
        return outcome


async def expire_due(database: Database, gateway: StripeGateway | None, now: datetime) -> int:
    async with database.reader_session() as session:
        due = await repository.due_for_expiry(session, now, BATCH)
    for cover in due:
        outcome = await _apply(
            database, cover.id, await _stop_payment(gateway, cover), now, lapse=True
        )
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
        outcome = await _apply(database, cover.id, await _intent(gateway, cover), now, lapse=False)
        log.info("cover.reconcile", cover_id=cover.id, outcome=outcome)
    return len(pending)


async def refund_due(database: Database, gateway: StripeGateway | None, now: datetime) -> int:
    if gateway is None:
        return 0
    async with database.reader_session() as session:
        owed = await repository.refunds_due(session, BATCH)
    for cover in owed:
        amount = cover.premium_minor - cover.refunded_minor
        if amount > 0 and cover.payment_intent_id is not None:
            await gateway.refund(
                payment_intent_id=cover.payment_intent_id,
                amount_minor=amount,
                idempotency_key=f"{cover.id}_refund_due",
                metadata={"cover_id": cover.id, "reason": "premium_paid_without_cover"},
            )
        async with database.writer_session() as session:
            fresh = await repository.by_id(session, cover.id)
            if fresh is not None:
                await repository.move(
                    session,
                    fresh,
                    (fresh.status,),
                    refund_due=False,
                    refunded_minor=max(fresh.refunded_minor, cover.premium_minor),
                    updated_at=now,
                )
            await session.commit()
        log.info("cover.premium_refunded", cover_id=cover.id, amount_minor=amount)
    return len(owed)


async def cover_upkeep(database: Database, gateway: StripeGateway | None, now: datetime) -> None:
    """One round of every cover job."""
    await expire_due(database, gateway, now)
    await reconcile_pending(database, gateway, now)
    await refund_due(database, gateway, now)
