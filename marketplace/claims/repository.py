"""Every query on claims, their payouts and the invoice reports."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from marketplace.accounts import repository as accounts
from marketplace.kit.sql import insert_ignore
from marketplace.models.claims import Claim, ClaimPayout, DeadlineNotice, InvoiceReport


def visible_query(livemode: bool, account_id: str) -> Select[Claim]:
    """Claims an account may read: its covers' (as platform or seller, or as the platform of
    the seller), or its products' (as insurer)."""
    who = or_(
        Claim.account_id == account_id,
        Claim.seller_id == account_id,
        Claim.insurer_id == account_id,
        Claim.seller_id.in_(accounts.sellers_of(account_id)),
    )
    return select(Claim).where(Claim.livemode == livemode, who)


async def by_id(session: AsyncSession, claim_id: str) -> Claim | None:
    return await session.get(Claim, claim_id, populate_existing=True)


async def add(session: AsyncSession, claim: Claim) -> bool:
    """Insert the claim; False when the cover already has one (a concurrent opening won)."""
    try:
        async with session.begin_nested():
            session.add(claim)
            await session.flush()
    except IntegrityError:
        return False
    return True


async def move(
    session: AsyncSession,
    claim: Claim,
    from_statuses: tuple[str, ...],
    *where: ColumnElement[bool],
    **values: Any,
) -> bool:
    """Change the claim only if it is still in one of ``from_statuses``; whether it did."""
    result = await session.execute(
        update(Claim)
        .where(Claim.id == claim.id, Claim.status.in_(from_statuses), *where)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    changed = bool(result.rowcount == 1)  # type: ignore[attr-defined]
    if changed:
        for name, value in values.items():
            setattr(claim, name, value)
    return changed


async def add_payout(session: AsyncSession, payout: ClaimPayout) -> bool:
    """Record the payout; False when the claim already has one with this reference."""
    try:
        async with session.begin_nested():
            session.add(payout)
            await session.flush()
    except IntegrityError:
        return False
    return True


def payouts_query(claim_id: str) -> Select[ClaimPayout]:
    return select(ClaimPayout).where(ClaimPayout.claim_id == claim_id)


async def add_report(session: AsyncSession, report: InvoiceReport) -> None:
    session.add(report)
    await session.flush()


def reports_query(cover_id: str) -> Select[InvoiceReport]:
    return select(InvoiceReport).where(InvoiceReport.cover_id == cover_id)


async def note_deadline(session: AsyncSession, notice: DeadlineNotice) -> bool:
    """Remember that a deadline's notice went out; False if it already had."""
    row = {"object_id": notice.object_id, "deadline": notice.deadline, "due_on": notice.due_on}
    return await insert_ignore(session, DeadlineNotice, {**row, "created_at": notice.created_at})


async def amounts_since_declaration(session: AsyncSession, cover_id: str) -> tuple[int, int]:
    """Paid and credited on the cover's invoice in the reports made after the one that declared
    it overdue (0 and 0 when it was never declared): one query."""
    declaration = (
        select(InvoiceReport.id)
        .where(InvoiceReport.cover_id == cover_id, InvoiceReport.type == "invoice.overdue")
        .limit(1)
        .scalar_subquery()
    )
    query = select(InvoiceReport.type, func.sum(InvoiceReport.amount_minor)).where(
        InvoiceReport.cover_id == cover_id,
        InvoiceReport.id > declaration,
        InvoiceReport.type.in_(("invoice.paid", "invoice.credit_note")),
    )
    totals: dict[str, int | None] = {}
    for kind, total in await session.execute(query.group_by(InvoiceReport.type)):
        totals[kind] = total
    return int(totals.get("invoice.paid") or 0), int(totals.get("invoice.credit_note") or 0)
