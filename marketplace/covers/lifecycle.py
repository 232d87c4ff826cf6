"""Cover state changes. Each is conditional on the status it leaves (so it happens once,
whoever asks first: a webhook, a retry, the reconciling job) and moves exposure with it.

pending_payment -> active          the premium is paid (certificate number, cover period)
pending_payment -> payment_failed  the payment failed or was cancelled: exposure released,
                                   the quote can be bound again
pending_payment -> expired         no payment before the quote's expiry: exposure released
pending_payment | active -> cancelled   by the platform or seller, before the due date
A premium paid after the cover failed or lapsed re-activates it when the buyer still has the
capacity and the invoice is not yet due; otherwise the premium is marked for refund.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.buyers import exposure
from marketplace.buyers.exposure import ExposureKey
from marketplace.covers import repository
from marketplace.models.covers import Cover
from marketplace.payments.views import PaymentIntentView
from marketplace.products import repository as products
from marketplace.products.schemas import terms_from_document
from marketplace.quotes import repository as quotes


def certificate_number(cover: Cover) -> str:
    """The cover's certificate number: stable, unique, derived from its id."""
    return "MKC-" + cover.id.split("_", 1)[1].upper()


def cover_ends_on(cover: Cover) -> date:
    """The last day a non-payment may be reported: the due date plus the claim threshold."""
    return cover.invoice_due_date + timedelta(days=cover.claim_threshold_days)


async def buyer_capacity(session: AsyncSession, cover: Cover) -> int | None:
    """The product's current per-buyer capacity in the cover's currency (None: not offered)."""
    found = await products.one_active_with_terms(session, cover.product_id, cover.livemode)
    limits = (
        None if found is None else terms_from_document(found[1].terms).limits_in(cover.currency)
    )
    return None if limits is None else limits.buyer_capacity


def exposure_key(cover: Cover) -> ExposureKey:
    return ExposureKey(cover.buyer_id, cover.product_id, cover.currency)


async def _release(session: AsyncSession, cover: Cover) -> None:
    await exposure.release(session, exposure_key(cover), cover.insured_amount_minor)


def _activation(cover: Cover, intent: PaymentIntentView, now: datetime) -> dict[str, object]:
    return {
        "status": "active",
        "certificate_number": certificate_number(cover),
        "cover_starts_at": now,
        "cover_ends_on": cover_ends_on(cover),
        "activated_at": now,
        "payment_intent_id": intent.id,
        "payment_status": intent.status,
        "payment_error_code": None,
        "updated_at": now,
    }


async def activate(
    session: AsyncSession, cover: Cover, intent: PaymentIntentView, now: datetime
) -> str:
    """The premium is paid: activate, or (if it lapsed meanwhile) re-reserve or refund it."""
    if cover.status == "pending_payment":
        return (
            "activated"
            if await repository.move(
                session, cover, ("pending_payment",), **_activation(cover, intent, now)
            )
            else "unchanged"
        )
    if cover.status in ("payment_failed", "expired"):
        return await _activate_late(session, cover, intent, now)
    if (
        cover.status == "cancelled"
        and not cover.refund_due
        and cover.refunded_minor < cover.premium_minor
    ):
        await repository.move(
            session,
            cover,
            ("cancelled",),
            refund_due=True,
            payment_status=intent.status,
            updated_at=now,
        )
        return "refund_due"
    return "unchanged"


async def _activate_late(
    session: AsyncSession, cover: Cover, intent: PaymentIntentView, now: datetime
) -> str:
    limit = await buyer_capacity(session, cover)
    fits = (
        limit is not None
        and now.date() < cover.invoice_due_date
        and await quotes.set_status(session, cover.quote_id, "quoted", "bound")
        and await exposure.reserve(session, exposure_key(cover), cover.insured_amount_minor, limit)
    )
    if fits and await repository.move(
        session, cover, ("payment_failed", "expired"), **_activation(cover, intent, now)
    ):
        return "activated"
    await repository.move(
        session,
        cover,
        ("payment_failed", "expired"),
        refund_due=True,
        payment_status=intent.status,
        updated_at=now,
    )
    return "refund_due"


async def fail_payment(
    session: AsyncSession, cover: Cover, intent: PaymentIntentView, now: datetime
) -> bool:
    """The payment failed or was cancelled: release the exposure; the quote may be bound again."""
    moved = await repository.move(
        session,
        cover,
        ("pending_payment",),
        status="payment_failed",
        payment_intent_id=intent.id,
        payment_status=intent.status,
        payment_error_code=intent.last_error_code or intent.status,
        updated_at=now,
    )
    if moved:
        await _release(session, cover)
        await quotes.set_status(session, cover.quote_id, "bound", "quoted")
    return moved


async def expire(session: AsyncSession, cover: Cover, now: datetime) -> bool:
    """No premium before the quote's expiry: the cover lapses and frees the exposure."""
    moved = await repository.move(
        session, cover, ("pending_payment",), status="expired", updated_at=now
    )
    if moved:
        await _release(session, cover)
    return moved


async def cancel(session: AsyncSession, cover: Cover, refunded_minor: int, now: datetime) -> bool:
    """Cancel (pending or active); ``refunded_minor`` has already been refunded through Stripe."""
    moved = await repository.move(
        session,
        cover,
        ("pending_payment", "active"),
        status="cancelled",
        cancelled_at=now,
        refunded_minor=max(cover.refunded_minor, refunded_minor),
        updated_at=now,
    )
    if moved:
        await _release(session, cover)
    return moved
