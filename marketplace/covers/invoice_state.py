"""Cover changes after bind, driven by what happens to the invoice and by the date. Each is a
conditional update (it happens once, whoever asks first) with its event, and moves the buyer's
exposure with it.

active -> overdue                   the due date passed with something still owed (the clock)
active | overdue | claimed -> settled
                                    nothing is owed any more (payments, credit notes)
overdue -> time_barred              the declaration window passed with no declaration
active | overdue -> claimed         a claim opened on the cover

Payments and credit notes lower ``insured_outstanding_minor`` (the cover's exposure): it only
ever goes down, to the cover ratio of what is still owed, capped by the insured amount.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.buyers import exposure
from marketplace.covers import changes, lifecycle
from marketplace.models.covers import COVER_STATUSES, Cover
from marketplace.underwriting.pricing import exact_ratio, insured_amount_minor

AFTER_BIND = ("active", "overdue", "claimed")
"""The statuses in which the invoice's fate is still reported on the cover."""


def insured_part(cover: Cover, owed_minor: int) -> int:
    """The exposure of a cover whose buyer still owes ``owed_minor`` (as the insured amount
    was computed at bind: the cover ratio, rounded down, capped by the insured amount)."""
    if owed_minor <= 0:
        return 0
    return min(
        cover.insured_amount_minor, insured_amount_minor(owed_minor, exact_ratio(cover.cover_ratio))
    )


async def _lower_exposure(session: AsyncSession, cover: Cover, held_minor: int) -> None:
    if held_minor > cover.insured_outstanding_minor:
        released = held_minor - cover.insured_outstanding_minor
        await exposure.release(session, lifecycle.exposure_key(cover), released)


async def record_amounts(
    session: AsyncSession, cover: Cover, real_now: datetime, *, paid_minor: int, credited_minor: int
) -> bool:
    """Add a payment and/or a credit note to the invoice (the caller checked that they fit in
    what is owed); the exposure shrinks with what is still owed."""
    held_minor = cover.insured_outstanding_minor
    paid_total = cover.paid_minor + paid_minor
    credited_total = cover.credited_minor + credited_minor
    owed_minor = cover.invoice_amount_minor - paid_total - credited_total
    moved = await changes.move(
        session,
        cover,
        AFTER_BIND,
        Cover.paid_minor == cover.paid_minor,
        Cover.credited_minor == cover.credited_minor,
        paid_minor=paid_total,
        credited_minor=credited_total,
        insured_outstanding_minor=min(held_minor, insured_part(cover, owed_minor)),
        updated_at=real_now,
    )
    if moved:
        await _lower_exposure(session, cover, held_minor)
    return moved


async def settle(
    session: AsyncSession, cover: Cover, real_now: datetime, settled_at: datetime
) -> bool:
    """Nothing is owed any more: settled, exposure 0, the dispute (if any) over."""
    return await lifecycle.move_releasing(
        session,
        cover,
        AFTER_BIND,
        status="settled",
        settled_at=settled_at,
        disputed_at=None,
        updated_at=real_now,
    )


async def mark_overdue(session: AsyncSession, cover: Cover, real_now: datetime) -> bool:
    return await changes.move(session, cover, ("active",), status="overdue", updated_at=real_now)


async def time_bar(session: AsyncSession, cover: Cover, real_now: datetime) -> bool:
    """The declaration window passed with no declaration: the insurer owes nothing."""
    return await lifecycle.move_releasing(
        session,
        cover,
        ("overdue",),
        Cover.declared_at.is_(None),
        status="time_barred",
        updated_at=real_now,
    )


async def declare(
    session: AsyncSession,
    cover: Cover,
    real_now: datetime,
    *,
    declared_at: datetime,
    waiting_period_ends_on: date,
    indemnity_due_by: date,
) -> bool:
    """The seller declared the unpaid invoice overdue (the threat of loss)."""
    return await changes.move(
        session,
        cover,
        ("overdue",),
        Cover.declared_at.is_(None),
        declared_at=declared_at,
        waiting_period_ends_on=waiting_period_ends_on,
        indemnity_due_by=indemnity_due_by,
        updated_at=real_now,
    )


async def set_disputed(
    session: AsyncSession, cover: Cover, real_now: datetime, disputed_at: datetime | None
) -> bool:
    """A dispute starts (``disputed_at``) or ends (None)."""
    currently = (
        Cover.disputed_at.is_(None) if disputed_at is not None else Cover.disputed_at.is_not(None)
    )
    return await changes.move(
        session, cover, AFTER_BIND, currently, disputed_at=disputed_at, updated_at=real_now
    )


async def mark_claimed(
    session: AsyncSession,
    cover: Cover,
    real_now: datetime,
    *,
    claim_id: str,
    waiting_period_ends_on: date,
    indemnity_due_by: date,
) -> bool:
    return await changes.move(
        session,
        cover,
        ("active", "overdue"),
        Cover.claim_id.is_(None),
        status="claimed",
        claim_id=claim_id,
        waiting_period_ends_on=waiting_period_ends_on,
        indemnity_due_by=indemnity_due_by,
        updated_at=real_now,
    )


async def set_claim_dates(
    session: AsyncSession,
    cover: Cover,
    real_now: datetime,
    *,
    waiting_period_ends_on: date,
    indemnity_due_by: date,
) -> bool:
    return await changes.move(
        session,
        cover,
        ("claimed",),
        waiting_period_ends_on=waiting_period_ends_on,
        indemnity_due_by=indemnity_due_by,
        updated_at=real_now,
    )


async def cap_exposure(
    session: AsyncSession, cover: Cover, real_now: datetime, cap_minor: int
) -> bool:
    """The claim was approved: the exposure is at most the indemnity owed."""
    held_minor = cover.insured_outstanding_minor
    if cap_minor >= held_minor:
        return True
    moved = await changes.move(
        session,
        cover,
        ("claimed",),
        Cover.insured_outstanding_minor == held_minor,
        insured_outstanding_minor=cap_minor,
        updated_at=real_now,
    )
    if moved:
        await _lower_exposure(session, cover, held_minor)
    return moved


async def end_exposure(session: AsyncSession, cover: Cover, real_now: datetime) -> bool:
    """The claim is over (paid, rejected, withdrawn): the cover holds no exposure any more."""
    if cover.insured_outstanding_minor == 0:
        return True
    return await lifecycle.move_releasing(session, cover, ("claimed",), updated_at=real_now)


async def schedule(session: AsyncSession, cover: Cover, next_check_at: datetime | None) -> None:
    """When the next date-driven change of the cover or its claim falls due (no event: a
    reader does not see it)."""
    if cover.next_check_at != next_check_at:
        await changes.move(session, cover, COVER_STATUSES, next_check_at=next_check_at)
