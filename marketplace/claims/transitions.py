"""Claim state changes. Each is conditional on the statuses it leaves and happens with the
cover locked (``covers.repository.locked``), so it happens once whoever asks first.

open -> collection_amicable          the day after opening (protracted default)
collection_amicable -> collection_legal
                                     after the product's ``amicable_collection_days``
open | collection_* -> approved      the waiting period ends (or the insurer approves early);
                                     the indemnity is computed then
approved -> paid                     the payouts reach the indemnity
open | collection_* -> recovered     the buyer paid everything before approval
open | collection_* | approved -> on_hold
                                     the invoice is disputed, or the insurer holds the claim
on_hold -> (where it was)            the dispute is resolved, or the insurer resumes
open | collection_* | on_hold | approved -> rejected      by the insurer, with a code
open | collection_* | on_hold -> withdrawn                by the seller (or nothing is owed)

The cover holds exposure until the claim ends: capped at the indemnity on approval, released
when the claim is paid, recovered, rejected or withdrawn.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from marketplace.claims import changes
from marketplace.claims.money import indemnity_minor, split_recovery
from marketplace.covers import deadlines, invoice_state
from marketplace.models.claims import Claim
from marketplace.models.covers import Cover
from marketplace.underwriting.pricing import exact_ratio

COLLECTING = ("open", "collection_amicable", "collection_legal")
BEFORE_APPROVAL = (*COLLECTING, "on_hold")
HOLDABLE = (*COLLECTING, "approved")
REJECTABLE = (*BEFORE_APPROVAL, "approved")
WITHDRAWABLE = BEFORE_APPROVAL
CLOSED = ("paid", "recovered", "rejected", "withdrawn")
WITHOUT_INDEMNITY = ("recovered", "rejected", "withdrawn")
"""Closed with nothing paid: a later payment is the seller's alone."""


def shares_recoveries(claim: Claim | None) -> bool:
    """A payment on the invoice now is a recovery on this claim."""
    return claim is not None and claim.status not in WITHOUT_INDEMNITY


def approved_before(claim: Claim) -> bool:
    """The indemnity is fixed (approved, paid, or held after approval)."""
    return claim.indemnity_minor is not None


async def start_collection(session: AsyncSession, claim: Claim, real_now: datetime) -> bool:
    return await changes.move(
        session, claim, ("open",), status="collection_amicable", updated_at=real_now
    )


async def start_legal_collection(session: AsyncSession, claim: Claim, real_now: datetime) -> bool:
    return await changes.move(
        session, claim, ("collection_amicable",), status="collection_legal", updated_at=real_now
    )


async def approve(
    session: AsyncSession,
    claim: Claim,
    cover: Cover,
    real_now: datetime,
    *,
    approved_on: date | None = None,
) -> bool:
    """The waiting period ended (or the insurer approved early) on ``approved_on`` (default:
    today on the cover's clock): the indemnity is fixed and due within 30 days; the cover's
    exposure is capped at it."""
    today = approved_on or deadlines.cover_today(cover, real_now)
    indemnity = indemnity_minor(
        cover_ratio=exact_ratio(cover.cover_ratio),
        outstanding_at_declaration_minor=claim.outstanding_at_declaration_minor,
        recovered_before_approval_minor=claim.recovered_before_approval_minor,
        credited_since_declaration_minor=claim.credited_minor,
        insured_amount_minor=cover.insured_amount_minor,
    )
    due_by = deadlines.indemnity_due_by(today)
    moved = await changes.move(
        session,
        claim,
        COLLECTING,
        status="approved",
        indemnity_minor=indemnity,
        approved_on=today,
        indemnity_due_by=due_by,
        updated_at=real_now,
    )
    if moved:
        await invoice_state.set_claim_dates(
            session,
            cover,
            real_now,
            waiting_period_ends_on=claim.waiting_period_ends_on,
            indemnity_due_by=due_by,
        )
        await invoice_state.cap_exposure(session, cover, real_now, indemnity)
    return moved


async def _close(
    session: AsyncSession,
    claim: Claim,
    cover: Cover,
    real_now: datetime,
    from_statuses: tuple[str, ...],
    *where: ColumnElement[bool],
    **values: Any,
) -> bool:
    closing = {"closed_at": real_now, "updated_at": real_now} | values
    moved = await changes.move(session, claim, from_statuses, *where, **closing)
    if moved:
        await invoice_state.end_exposure(session, cover, real_now)
    return moved


async def reject(
    session: AsyncSession,
    claim: Claim,
    cover: Cover,
    real_now: datetime,
    *,
    code: str,
    reason: str | None,
) -> bool:
    return await _close(
        session,
        claim,
        cover,
        real_now,
        REJECTABLE,
        status="rejected",
        rejection_code=code,
        rejection_reason=reason,
        held_from=None,
        hold_reason=None,
    )


async def withdraw(session: AsyncSession, claim: Claim, cover: Cover, real_now: datetime) -> bool:
    return await _close(
        session,
        claim,
        cover,
        real_now,
        WITHDRAWABLE,
        status="withdrawn",
        held_from=None,
        hold_reason=None,
    )


async def hold(session: AsyncSession, claim: Claim, real_now: datetime, reason: str) -> bool:
    """``reason``: ``dispute`` or ``insurer``."""
    return await changes.move(
        session,
        claim,
        HOLDABLE,
        status="on_hold",
        held_from=claim.status,
        hold_reason=reason,
        updated_at=real_now,
    )


async def resume(session: AsyncSession, claim: Claim, real_now: datetime, reason: str) -> bool:
    """End a hold put for ``reason`` (a dispute's hold ends only with the dispute)."""
    if claim.held_from is None:
        return False
    return await changes.move(
        session,
        claim,
        ("on_hold",),
        Claim.hold_reason == reason,
        status=claim.held_from,
        held_from=None,
        hold_reason=None,
        updated_at=real_now,
    )


async def record_payout(
    session: AsyncSession, claim: Claim, cover: Cover, real_now: datetime, amount_minor: int
) -> bool:
    """Add a payout (the caller checked it fits in what is left of the indemnity); the claim
    is ``paid`` when the payouts reach the indemnity."""
    paid_total = claim.paid_minor + amount_minor
    complete = paid_total == claim.indemnity_minor
    values: dict[str, Any] = {"paid_minor": paid_total, "updated_at": real_now}
    if complete:
        return await _close(
            session,
            claim,
            cover,
            real_now,
            ("approved",),
            Claim.paid_minor == claim.paid_minor,
            status="paid",
            **values,
        )
    return await changes.move(
        session, claim, ("approved",), Claim.paid_minor == claim.paid_minor, **values
    )


async def record_recovery(
    session: AsyncSession, claim: Claim, cover: Cover, real_now: datetime, amount_minor: int
) -> tuple[int | None, int | None]:
    """The buyer paid ``amount_minor`` on the claimed invoice (the cover already records it).
    Before approval it lowers the indemnity (all of it: the claim is ``recovered``); after
    approval it is shared. Returns the (insurer, seller) shares of a shared recovery."""
    total = claim.recovered_minor + amount_minor
    if approved_before(claim):
        already = claim.insurer_recovered_minor + claim.seller_recovered_minor
        split = split_recovery(amount_minor, already, exact_ratio(cover.cover_ratio))
        await changes.move(
            session,
            claim,
            (claim.status,),
            event_type=changes.RECOVERY_RECORDED,
            recovered_minor=total,
            insurer_recovered_minor=claim.insurer_recovered_minor + split.insurer_minor,
            seller_recovered_minor=claim.seller_recovered_minor + split.seller_minor,
            updated_at=real_now,
        )
        return split.insurer_minor, split.seller_minor
    values: dict[str, Any] = {
        "recovered_minor": total,
        "recovered_before_approval_minor": claim.recovered_before_approval_minor + amount_minor,
        "updated_at": real_now,
    }
    if cover.paid_minor + cover.credited_minor >= cover.invoice_amount_minor:
        await _close(session, claim, cover, real_now, BEFORE_APPROVAL, status="recovered", **values)
    else:
        event = changes.RECOVERY_RECORDED
        await changes.move(session, claim, BEFORE_APPROVAL, event_type=event, **values)
    return None, None


async def record_credit_note(
    session: AsyncSession, claim: Claim, cover: Cover, real_now: datetime, amount_minor: int
) -> bool:
    """A credit note before approval lowers the indemnity; one that leaves nothing owed ends
    the claim (``withdrawn``: there is no loss)."""
    values: dict[str, Any] = {
        "credited_minor": claim.credited_minor + amount_minor,
        "updated_at": real_now,
    }
    if cover.paid_minor + cover.credited_minor >= cover.invoice_amount_minor:
        return await _close(
            session, claim, cover, real_now, BEFORE_APPROVAL, status="withdrawn", **values
        )
    return await changes.move(session, claim, BEFORE_APPROVAL, **values)
