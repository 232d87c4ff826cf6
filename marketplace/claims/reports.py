"""Invoice reports: what the platform or seller says happened to a covered invoice, applied
to the cover and its claim in the request's transaction, with the cover locked.

=========================  ==================================================================
type                       effect
=========================  ==================================================================
invoice.paid               the buyer paid ``amount``: partial payments add up; the cover is
                           ``settled`` when nothing is owed; once a claim opened it is a
                           recovery (before approval it lowers the indemnity, after approval
                           it is shared with the insurer)
invoice.overdue            the seller declares the unpaid invoice overdue (from the day after
                           the due date until ``overdue_declaration_by``); the waiting period
                           counts from it
invoice.disputed           a commercial dispute: no claim opens, an open claim is on hold
invoice.dispute_resolved   the dispute is over: the claim goes on where it was
invoice.credit_note        the invoice is reduced by ``amount`` (before a claim is approved)
=========================  ==================================================================

Before anything, the date-driven steps due on the cover's clock run (so a report sees the
state a job would have made); after it, they run again (a declaration past the claim
threshold opens the claim at once).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.claims import clock, repository, transitions
from marketplace.claims.rules import check_report
from marketplace.claims.schemas import InvoiceEventCreate
from marketplace.covers import deadlines, invoice_state
from marketplace.covers import repository as covers
from marketplace.covers.schemas import outstanding_minor
from marketplace.kit.clock import as_utc
from marketplace.kit.ids import new_id
from marketplace.models.claims import InvoiceReport


def reports_query(cover_id: str) -> Select[InvoiceReport]:
    return repository.reports_query(cover_id)


def _report(
    life: clock.Life, reporter_id: str, data: InvoiceEventCreate, real_now: datetime
) -> InvoiceReport:
    cover = life.cover
    return InvoiceReport(
        id=new_id("invoice_event"),
        livemode=cover.livemode,
        cover_id=cover.id,
        claim_id=life.claim.id if life.claim is not None else None,
        reported_by=reporter_id,
        type=data.type,
        amount_minor=data.amount,
        currency=cover.currency,
        occurred_at=as_utc(data.occurred_at or deadlines.cover_now(cover, real_now)),
        recorded_on=deadlines.cover_today(cover, real_now),
        recovery=data.type == "invoice.paid" and transitions.shares_recoveries(life.claim),
        created_at=real_now,
    )


async def _paid(
    session: AsyncSession, life: clock.Life, report: InvoiceReport, real_now: datetime
) -> None:
    cover, claim, amount = life.cover, life.claim, report.amount_minor or 0
    await invoice_state.record_amounts(
        session, cover, real_now, paid_minor=amount, credited_minor=0
    )
    if claim is not None and transitions.shares_recoveries(claim):
        shares = await transitions.record_recovery(session, claim, cover, real_now, amount)
        report.insurer_share_minor, report.seller_share_minor = shares
    if outstanding_minor(cover) == 0:
        await invoice_state.settle(session, cover, real_now, report.occurred_at)


async def _credit_note(
    session: AsyncSession, life: clock.Life, report: InvoiceReport, real_now: datetime
) -> None:
    cover, claim, amount = life.cover, life.claim, report.amount_minor or 0
    await invoice_state.record_amounts(
        session, cover, real_now, paid_minor=0, credited_minor=amount
    )
    if claim is not None and claim.status not in transitions.CLOSED:
        await transitions.record_credit_note(session, claim, cover, real_now, amount)
    if outstanding_minor(cover) == 0:
        await invoice_state.settle(session, cover, real_now, report.occurred_at)


async def _overdue(
    session: AsyncSession, life: clock.Life, report: InvoiceReport, real_now: datetime
) -> None:
    cover = life.cover
    ends_on = deadlines.waiting_period_ends_on(report.recorded_on, cover.waiting_period_days)
    await invoice_state.declare(
        session,
        cover,
        real_now,
        declared_at=deadlines.cover_now(cover, real_now),
        waiting_period_ends_on=ends_on,
        indemnity_due_by=deadlines.indemnity_due_by(ends_on),
    )


async def _disputed(
    session: AsyncSession, life: clock.Life, report: InvoiceReport, real_now: datetime
) -> None:
    await invoice_state.set_disputed(session, life.cover, real_now, report.occurred_at)
    if life.claim is not None and life.claim.status in transitions.HOLDABLE:
        await transitions.hold(session, life.claim, real_now, "dispute")


async def _resolved(
    session: AsyncSession, life: clock.Life, report: InvoiceReport, real_now: datetime
) -> None:
    await invoice_state.set_disputed(session, life.cover, real_now, None)
    if life.claim is not None and life.claim.status == "on_hold":
        await transitions.resume(session, life.claim, real_now, "dispute")


EFFECTS = {
    "invoice.paid": _paid,
    "invoice.overdue": _overdue,
    "invoice.disputed": _disputed,
    "invoice.dispute_resolved": _resolved,
    "invoice.credit_note": _credit_note,
}


async def report(
    session: AsyncSession,
    cover_id: str,
    reporter_id: str,
    data: InvoiceEventCreate,
    real_now: datetime,
) -> InvoiceReport:
    """Apply one report to the (visible, owned: the caller checked) cover; the report as
    recorded. Raises the 409 or 422 of a report that does not apply."""
    life = await clock.life_of(session, await covers.locked(session, cover_id))
    await clock.catch_up(session, life, real_now)
    check_report(life.cover, life.claim, data, deadlines.cover_now(life.cover, real_now))
    recorded = _report(life, reporter_id, data, real_now)
    await EFFECTS[data.type](session, life, recorded, real_now)
    await repository.add_report(session, recorded)
    await clock.catch_up(session, life, real_now)
    return recorded
