"""Opening a claim on a cover: by the clock on a declared, unpaid invoice past its claim
threshold (``protracted_default``), or on an insolvency (no waiting period, no collection).

A protracted-default claim collects amicably from the day after it opens, legally after the
product's ``amicable_collection_days``, and is approved when the waiting period (counted from
the declaration) ends. An insolvency claim is approved the day it opens. The amounts since the
declaration (payments and credit notes) are counted from the reports, so the indemnity formula
holds whatever the order in which they came.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.claims import changes, repository, transitions
from marketplace.covers import deadlines, invoice_state
from marketplace.covers.schemas import outstanding_minor
from marketplace.kit.ids import new_id
from marketplace.models.claims import Claim
from marketplace.models.covers import Cover


def _collection_dates(cover: Cover, cause: str, opened_on: date) -> tuple[date | None, date | None]:
    if cause == "insolvency":
        return None, None
    amicable_from = opened_on + timedelta(days=1)
    return amicable_from, amicable_from + timedelta(days=cover.amicable_collection_days)


def _waiting_period_ends_on(cover: Cover, cause: str, opened_on: date) -> date:
    if cause == "insolvency":
        return opened_on
    if cover.waiting_period_ends_on is not None:
        return cover.waiting_period_ends_on
    return deadlines.waiting_period_ends_on(opened_on, cover.waiting_period_days)


async def _new_claim(
    session: AsyncSession, cover: Cover, cause: str, real_now: datetime, opened_on: date
) -> Claim:
    paid_since, credited_since = await repository.amounts_since_declaration(session, cover.id)
    amicable_from, legal_from = _collection_dates(cover, cause, opened_on)
    ends_on = _waiting_period_ends_on(cover, cause, opened_on)
    return Claim(
        id=new_id("claim"),
        livemode=cover.livemode,
        cover_id=cover.id,
        account_id=cover.account_id,
        seller_id=cover.seller_id,
        insurer_id=cover.insurer_id,
        product_id=cover.product_id,
        buyer_id=cover.buyer_id,
        status="open",
        cause=cause,
        currency=cover.currency,
        opened_on=opened_on,
        overdue_declaration_by=deadlines.overdue_declaration_by(cover),
        claimable_from=deadlines.claimable_from(cover),
        collection_from=amicable_from,
        legal_collection_from=legal_from,
        waiting_period_ends_on=ends_on,
        indemnity_due_by=deadlines.indemnity_due_by(ends_on),
        outstanding_at_declaration_minor=outstanding_minor(cover) + paid_since + credited_since,
        recovered_minor=paid_since,
        recovered_before_approval_minor=paid_since,
        credited_minor=credited_since,
        insurer_recovered_minor=0,
        seller_recovered_minor=0,
        paid_minor=0,
        created_at=real_now,
        updated_at=real_now,
    )


async def open_claim(
    session: AsyncSession,
    cover: Cover,
    cause: str,
    real_now: datetime,
    *,
    opened_on: date | None = None,
) -> Claim | None:
    """Open a claim on an active or overdue cover (the caller locked it and checked the
    cause applies) on ``opened_on`` (default: today on the cover's clock); None when the
    cover already has one."""
    day = opened_on or deadlines.cover_today(cover, real_now)
    claim = await _new_claim(session, cover, cause, real_now, day)
    if not await repository.add(session, claim):
        return None
    await changes.opened(session, claim)
    claimed = await invoice_state.mark_claimed(
        session,
        cover,
        real_now,
        claim_id=claim.id,
        waiting_period_ends_on=claim.waiting_period_ends_on,
        indemnity_due_by=claim.indemnity_due_by,
    )
    if not claimed:
        raise RuntimeError(f"cover {cover.id} could not take claim {claim.id}")
    if cover.disputed_at is not None:  # an insolvency during a dispute: held until it ends
        await transitions.hold(session, claim, real_now, "dispute")
    return claim


async def make_insolvency(
    session: AsyncSession, claim: Claim, cover: Cover, real_now: datetime
) -> bool:
    """An open protracted-default claim becomes an insolvency claim: no more waiting."""
    today = deadlines.cover_today(cover, real_now)
    ends_on = min(claim.waiting_period_ends_on, today)
    moved = await changes.move(
        session,
        claim,
        ("open", "collection_amicable", "collection_legal", "on_hold"),
        Claim.cause == "protracted_default",
        cause="insolvency",
        waiting_period_ends_on=ends_on,
        indemnity_due_by=deadlines.indemnity_due_by(ends_on),
        updated_at=real_now,
    )
    if moved:
        await invoice_state.set_claim_dates(
            session,
            cover,
            real_now,
            waiting_period_ends_on=ends_on,
            indemnity_due_by=claim.indemnity_due_by,
        )
    return moved
