"""Cover state changes. Each is conditional on the status it leaves (so it happens once,
whoever asks first: a webhook, a retry, a job) and moves exposure with it.

pending_payment -> active          the premium is paid (certificate number, cover period)
pending_payment -> payment_failed  the payment failed or was cancelled: exposure released,
                                   the quote can be bound again
pending_payment -> expired         no payment before the quote's expiry: exposure released
pending_payment | active -> cancelling -> cancelled
                                   by the platform or seller, before the due date; the refund
                                   (or the PaymentIntent's cancellation) happens in between
active -> cancelled                the whole premium was refunded outside the API (in Stripe's
                                   dashboard, say): no premium, no cover
payment_failed -> active           a premium paid after a failure, while the quote's price
                                   still holds (see ``activate_late``); a premium paid after
                                   a cover lapsed is refunded
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from marketplace.buyers import exposure
from marketplace.buyers import monitoring_repository as buyer_monitoring
from marketplace.buyers.exposure import ExposureKey
from marketplace.buyers.status import STOPPED
from marketplace.covers import changes, deadlines, repository
from marketplace.models.covers import Cover
from marketplace.payments.views import PaymentIntentView
from marketplace.products import repository as products
from marketplace.products.schemas import terms_from_document
from marketplace.quotes import repository as quotes


def certificate_number(cover: Cover) -> str:
    """The cover's certificate number: stable, unique, derived from its id."""
    return "MKC-" + cover.id.split("_", 1)[1].upper()


def cover_ends_on(cover: Cover) -> date:
    """The end of the cover period: the due date plus the claim threshold."""
    return cover.invoice_due_date + timedelta(days=cover.claim_threshold_days)


async def buyer_capacity(session: AsyncSession, cover: Cover) -> int | None:
    """The product's current per-buyer capacity in the cover's currency, capped by the
    insurer's own limit on the buyer (None: not offered)."""
    found = await products.one_active_with_terms(session, cover.product_id, cover.livemode)
    limits = (
        None if found is None else terms_from_document(found[1].terms).limits_in(cover.currency)
    )
    if limits is None:
        return None
    insurer_limit = await buyer_monitoring.limit_on(
        session, cover.buyer_id, cover.product_id, cover.currency
    )
    if insurer_limit is None:
        return limits.buyer_capacity
    return min(limits.buyer_capacity, insurer_limit.amount_minor)


def exposure_key(cover: Cover) -> ExposureKey:
    return ExposureKey(cover.buyer_id, cover.product_id, cover.currency)


async def move_releasing(
    session: AsyncSession,
    cover: Cover,
    from_statuses: tuple[str, ...],
    *where: ColumnElement[bool],
    **values: object,
) -> bool:
    """A move after which the cover holds no exposure: what it held is released with it (only
    if that is still what it holds, so a concurrent change can never release a wrong amount)."""
    held_minor = cover.insured_outstanding_minor
    unchanged = Cover.insured_outstanding_minor == held_minor
    moved = await changes.move(
        session, cover, from_statuses, unchanged, *where, insured_outstanding_minor=0, **values
    )
    if moved and held_minor:
        await exposure.release(session, exposure_key(cover), held_minor)
    return moved


def _activation(cover: Cover, intent: PaymentIntentView, now: datetime) -> dict[str, object]:
    return {
        "status": "active",
        "certificate_number": certificate_number(cover),
        "cover_starts_at": now,
        "cover_ends_on": cover_ends_on(cover),
        "activated_at": now,
        "payment_status": intent.status,
        "payment_error_code": None,
        "payment_lease_until": None,
        "insured_outstanding_minor": cover.insured_amount_minor,
        "next_check_at": deadlines.real_time_of(cover, cover.invoice_due_date + timedelta(days=1)),
        "updated_at": now,
    }


async def activate(
    session: AsyncSession, cover: Cover, intent: PaymentIntentView, now: datetime
) -> bool:
    """pending_payment -> active: its own premium is paid (the caller checked it)."""
    return await changes.move(
        session, cover, ("pending_payment",), **_activation(cover, intent, now)
    )


async def buyer_stopped(session: AsyncSession, cover: Cover) -> bool:
    """The buyer is stopped or insolvent: no premium may start cover on it any more (the loss
    may already be known), even for a cover bound before."""
    return await buyer_monitoring.status_of(session, cover.buyer_id) in STOPPED


async def _can_be_honoured_late(session: AsyncSession, cover: Cover, now: datetime) -> int | None:
    """The buyer capacity to reserve against, when a late premium may still buy this cover:
    its quote's price still holds (a lapsed cover's never does), the invoice is not yet due,
    the buyer is not stopped, the product still offers cover, and no other cover holds the
    invoice meanwhile."""
    if now >= cover.expires_at or now.date() >= cover.invoice_due_date:
        return None
    if await buyer_stopped(session, cover):
        return None
    if await repository.in_force_on_invoice(session, cover) is not None:
        return None
    return await buyer_capacity(session, cover)


async def activate_late(
    session: AsyncSession, cover: Cover, intent: PaymentIntentView, now: datetime
) -> bool:
    """payment_failed | expired -> active when the late premium can still buy the cover: its
    quote taken back, the exposure reserved again. Otherwise nothing changes (not even the
    quote) and the caller refunds the premium."""
    limit = await _can_be_honoured_late(session, cover, now)
    if limit is None or not await quotes.set_status(session, cover.quote_id, "quoted", "bound"):
        return False
    amount = cover.insured_amount_minor
    if not await exposure.reserve(session, exposure_key(cover), amount, limit):
        await quotes.set_status(session, cover.quote_id, "bound", "quoted")
        return False
    activation = _activation(cover, intent, now)
    if await changes.move(session, cover, ("payment_failed", "expired"), **activation):
        return True
    await exposure.release(session, exposure_key(cover), amount)
    await quotes.set_status(session, cover.quote_id, "bound", "quoted")
    return False


async def fail_payment(
    session: AsyncSession,
    cover: Cover,
    payment_status: str | None,
    error_code: str,
    now: datetime,
) -> bool:
    """pending_payment -> payment_failed: exposure released; the quote may be bound again."""
    moved = await move_releasing(
        session,
        cover,
        ("pending_payment",),
        status="payment_failed",
        payment_status=payment_status,
        payment_error_code=error_code,
        payment_lease_until=None,
        updated_at=now,
    )
    if moved:
        await quotes.set_status(session, cover.quote_id, "bound", "quoted")
    return moved


async def expire(session: AsyncSession, cover: Cover, now: datetime) -> bool:
    """No premium before its offer's expiry: the cover lapses, frees the exposure and the
    quote (another of its offers may still be valid and bound)."""
    moved = await move_releasing(
        session,
        cover,
        ("pending_payment",),
        status="expired",
        payment_lease_until=None,
        updated_at=now,
    )
    if moved:
        await quotes.set_status(session, cover.quote_id, "bound", "quoted")
    return moved


async def record_refunded(session: AsyncSession, cover: Cover, total_minor: int) -> None:
    """What Stripe has refunded of the premium so far (a running total: never goes down,
    never above the premium)."""
    await changes.raise_refunded(session, cover, min(cover.premium_minor, total_minor))


async def begin_cancel(
    session: AsyncSession, cover: Cover, now: datetime, lease_until: datetime | None
) -> bool:
    """pending_payment | active -> cancelling, unless someone is talking to Stripe about the
    payment (a bind in flight); with ``lease_until`` the caller holds the payment's lease."""
    return await changes.move(
        session,
        cover,
        ("pending_payment", "active"),
        repository.lease_free(now),
        status="cancelling",
        payment_lease_until=lease_until,
        updated_at=now,
    )


async def finish_cancel(session: AsyncSession, cover: Cover, now: datetime) -> bool:
    """cancelling -> cancelled: the refund is made (or there was nothing to give back)."""
    return await move_releasing(
        session,
        cover,
        ("cancelling",),
        status="cancelled",
        cancelled_at=now,
        payment_lease_until=None,
        updated_at=now,
    )


async def end_refunded(session: AsyncSession, cover: Cover, now: datetime) -> bool:
    """active -> cancelled: the whole premium went back outside the API; the exposure is
    released and ``payment.error_code`` says why."""
    return await move_releasing(
        session,
        cover,
        ("active",),
        status="cancelled",
        cancelled_at=now,
        payment_error_code="premium_refunded",
        updated_at=now,
    )


async def undo_cancel(session: AsyncSession, cover: Cover, back_to: str, now: datetime) -> bool:
    """cancelling -> ``back_to``: Stripe refused the refund, or the payment cannot be stopped."""
    return await changes.move(
        session,
        cover,
        ("cancelling",),
        status=back_to,
        payment_lease_until=None,
        updated_at=now,
    )
