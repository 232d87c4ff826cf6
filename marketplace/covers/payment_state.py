"""A cover follows its PaymentIntent as Stripe's API reports it.

Whoever learns the PaymentIntent's state — the bind request from Stripe's answer, a webhook
after reading it back, the reconciling job — calls ``apply_intent``, and they all converge on
the same row through conditional transitions. Money counts only when it is the cover's own
PaymentIntent (the id the cover stored when it created it, never a ``cover_id`` in metadata),
in the cover's mode, ``succeeded``, for exactly the premium in the premium's currency:

- the premium paid: the cover activates — unless its buyer was stopped or became insolvent
  meanwhile: then the cover fails (``buyer_stopped``) and the premium is refunded, since it
  would buy a loss already known; paid after it failed or lapsed, it activates if it still
  can (``lifecycle.activate_late``), else the premium is refunded; paid after a cancellation
  that came before activation, it is refunded;
- paid another amount or currency: the cover fails (``payment_mismatch``) and the money is
  refunded;
- a PaymentIntent that names a cover in its metadata but is not that cover's own payment is
  recorded as a stray payment and refunded; PaymentIntents that name no cover are not ours.
"""

from __future__ import annotations

from datetime import datetime

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.covers import changes, lifecycle, premium_refunds, repository
from marketplace.models.covers import Cover
from marketplace.payments.views import PaymentIntentView

FAILED_STATUSES = ("requires_payment_method", "canceled")
log = structlog.get_logger("marketplace.covers.payments")


def pays_premium(cover: Cover, intent: PaymentIntentView) -> bool:
    """The PaymentIntent collected exactly this cover's premium, in its currency."""
    return (
        intent.currency == cover.currency
        and intent.amount_minor == cover.premium_minor
        and intent.collected_minor == cover.premium_minor
    )


async def apply_intent(
    session: AsyncSession, cover: Cover, intent: PaymentIntentView, now: datetime
) -> str:
    """Bring the cover in line with its PaymentIntent; what happened (for the logs)."""
    if intent.id != cover.payment_intent_id or intent.livemode != cover.livemode:
        return "not_this_cover"
    if intent.succeeded:
        return await _paid(session, cover, intent, now)
    if cover.status != "pending_payment":
        return "unchanged"
    failed = intent.status == "canceled" or (
        intent.status == "requires_payment_method" and intent.last_error_code is not None
    )
    if failed:
        code = intent.last_error_code or intent.status
        failed_now = await lifecycle.fail_payment(session, cover, intent.status, code, now)
        return "failed" if failed_now else "unchanged"
    await changes.move(session, cover, ("pending_payment",), payment_status=intent.status)
    return "pending"


async def _paid_pending(
    session: AsyncSession, cover: Cover, intent: PaymentIntentView, now: datetime
) -> str:
    if await lifecycle.buyer_stopped(session, cover):
        await premium_refunds.owe_back(session, cover, intent, "premium_without_cover", now)
        await lifecycle.fail_payment(session, cover, intent.status, "buyer_stopped", now)
        log.warning("cover.payment.buyer_stopped", cover_id=cover.id, payment_intent_id=intent.id)
        return "refunded_buyer_stopped"
    return "activated" if await lifecycle.activate(session, cover, intent, now) else "unchanged"


async def _paid(
    session: AsyncSession, cover: Cover, intent: PaymentIntentView, now: datetime
) -> str:
    if not pays_premium(cover, intent):
        await premium_refunds.owe_back(session, cover, intent, "payment_mismatch", now)
        await lifecycle.fail_payment(session, cover, intent.status, "payment_mismatch", now)
        log.warning("cover.payment.mismatch", cover_id=cover.id, payment_intent_id=intent.id)
        return "mismatch_refunded"
    if cover.status == "pending_payment":
        return await _paid_pending(session, cover, intent, now)
    if cover.status in ("payment_failed", "expired"):
        if await lifecycle.activate_late(session, cover, intent, now):
            return "activated_late"
        await premium_refunds.owe_back(session, cover, intent, "premium_without_cover", now)
        return "refunded_late_premium"
    if cover.status == "cancelled" and cover.activated_at is None:
        await premium_refunds.owe_back(session, cover, intent, "premium_without_cover", now)
        return "refunded_late_premium"
    return "unchanged"


async def on_intent(session: AsyncSession, intent: PaymentIntentView, now: datetime) -> str:
    """A PaymentIntent as Stripe reports it now (from a webhook): the cover it pays follows
    it; a paid PaymentIntent that only names a cover is a stray payment, refunded."""
    cover = await repository.by_payment_intent(session, intent.livemode, intent.id)
    if cover is not None:
        return await apply_intent(session, cover, intent, now)
    named = intent.metadata.get("cover_id")
    if named is None or not intent.succeeded:
        return "no_cover"
    await premium_refunds.owe_stray(session, intent, named, now)
    log.warning("cover.payment.stray", payment_intent_id=intent.id, named_cover=named)
    return "stray_refunded"
