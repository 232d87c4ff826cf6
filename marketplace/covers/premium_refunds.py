"""Premiums given back: what a cover owes, and what a made or refused refund does to it.

The refund itself (decided, leased, carried out once) is ``marketplace.payments.refunds``;
this module decides the amounts and purposes for covers and applies the outcome:

- ``cover_cancelled`` made (or not needed: the premium had been given back elsewhere): the
  cover's refunded total goes up and it becomes ``cancelled``; refused: the cancellation is
  undone (the cover is back as it was);
- ``premium_without_cover`` made: the refunded total goes up;
- ``payment_mismatch`` and ``stray_payment``: the money was never the premium; nothing to do.
"""

from __future__ import annotations

from datetime import datetime

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.covers import lifecycle, repository
from marketplace.db import Database
from marketplace.models.covers import Cover
from marketplace.models.payments import Refund
from marketplace.payments import refunds
from marketplace.payments import repository as payments
from marketplace.payments.gateway import StripeGateway
from marketplace.payments.views import PaymentIntentView

PREMIUM_PURPOSES = ("cover_cancelled", "premium_without_cover")
log = structlog.get_logger("marketplace.covers.refunds")


async def owe_back(
    session: AsyncSession,
    cover: Cover,
    intent: PaymentIntentView,
    purpose: str,
    now: datetime,
    *,
    leased: bool = False,
) -> Refund | None:
    """Decide to give back what ``intent`` collected (less what was already refunded of a
    premium); None when nothing is left to give back."""
    already = cover.refunded_minor if purpose in PREMIUM_PURPOSES else 0
    amount = intent.collected_minor - already
    if amount <= 0:
        return None
    return await refunds.open_refund(
        session,
        livemode=cover.livemode,
        payment_intent_id=intent.id,
        cover_id=cover.id,
        purpose=purpose,
        amount_minor=amount,
        currency=intent.currency,
        now=now,
        leased=leased,
    )


async def owe_stray(
    session: AsyncSession, intent: PaymentIntentView, named_cover_id: str, now: datetime
) -> Refund:
    """Give back a paid PaymentIntent that names a cover it does not pay."""
    named = await repository.by_id(session, named_cover_id)
    return await refunds.open_refund(
        session,
        livemode=intent.livemode,
        payment_intent_id=intent.id,
        cover_id=named.id if named is not None and named.livemode == intent.livemode else None,
        purpose="stray_payment",
        amount_minor=intent.collected_minor,
        currency=intent.currency,
        now=now,
    )


async def apply_outcome(
    session: AsyncSession, refund: Refund, attempt: refunds.Attempt, now: datetime
) -> None:
    """What a settled refund does to its cover (see the module docstring)."""
    cover = None if refund.cover_id is None else await repository.by_id(session, refund.cover_id)
    if cover is None or refund.purpose not in PREMIUM_PURPOSES:
        return
    if refund.status in ("succeeded", "not_needed"):
        held = attempt.held_after_minor if isinstance(attempt, refunds.Refunded) else 0
        await lifecycle.record_refunded(session, cover, cover.premium_minor - held)
        if refund.purpose == "cover_cancelled":
            await lifecycle.finish_cancel(session, cover, now)
    elif refund.purpose == "cover_cancelled":
        back_to = "active" if cover.activated_at is not None else "pending_payment"
        await lifecycle.undo_cancel(session, cover, back_to, now)


async def carry_out_held(
    database: Database, gateway: StripeGateway, refund: Refund, now: datetime
) -> Refund:
    """Carry out a refund whose lease the caller holds (committed), then record it and apply
    its outcome in one transaction; the refund as it now stands."""
    attempt = await refunds.carry_out(gateway, refund)
    async with database.writer_session() as session:
        if await refunds.record(session, refund, attempt, now):
            await apply_outcome(session, refund, attempt, now)
        await session.commit()
    return refund


async def settle(
    database: Database, gateway: StripeGateway, refund_id: str, now: datetime
) -> Refund | None:
    """Take a pending refund's lease and carry it out; None when someone else holds it or it
    is already settled."""
    async with database.writer_session() as session:
        refund = await payments.refund_by_id(session, refund_id)
        if refund is None or not await refunds.claim(session, refund, now):
            return None
        await session.commit()
    log.info("refund.carrying_out", refund_id=refund.id, attempts=refund.attempts)
    return await carry_out_held(database, gateway, refund, now)
