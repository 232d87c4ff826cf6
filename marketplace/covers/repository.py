"""Every query on covers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, or_, select, true, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from marketplace.accounts import repository as accounts
from marketplace.models.covers import COVER_STATUSES, IN_FORCE, Cover


def visible_query(livemode: bool, account_id: str) -> Select[Cover]:
    """Covers an account may read: as the platform or seller that bound them, as the insurer,
    or as the platform a seller is connected to (whoever bound the seller's cover)."""
    who = or_(
        Cover.account_id == account_id,
        Cover.seller_id == account_id,
        Cover.insurer_id == account_id,
        Cover.seller_id.in_(accounts.sellers_of(account_id)),
    )
    return select(Cover).where(Cover.livemode == livemode, who)


async def by_id(session: AsyncSession, cover_id: str) -> Cover | None:
    return await session.get(Cover, cover_id, populate_existing=True)


async def reload(session: AsyncSession, cover: Cover) -> Cover:
    """The cover as stored now (covers are never deleted)."""
    query = select(Cover).where(Cover.id == cover.id)
    return (await session.execute(query.execution_options(populate_existing=True))).scalar_one()


async def by_payment_intent(
    session: AsyncSession, livemode: bool, payment_intent_id: str
) -> Cover | None:
    """The cover this PaymentIntent pays: the one that stored its id when it created it.
    (A ``cover_id`` in a PaymentIntent's metadata is a hint, never proof.)"""
    query = select(Cover).where(
        Cover.payment_intent_id == payment_intent_id, Cover.livemode == livemode
    )
    found = await session.execute(query.execution_options(populate_existing=True))
    return found.scalar_one_or_none()


async def in_force_on_invoice(session: AsyncSession, cover: Cover) -> Cover | None:
    """Another cover in force on the same invoice (same owner, buyer and invoice number)."""
    query = select(Cover).where(
        Cover.livemode == cover.livemode,
        Cover.invoice_owner_id == cover.invoice_owner_id,
        Cover.buyer_id == cover.buyer_id,
        Cover.invoice_number_key == cover.invoice_number_key,
        Cover.status.in_(IN_FORCE),
        Cover.id != cover.id,
    )
    return (await session.execute(query.limit(1))).scalar_one_or_none()


async def in_force_on_invoices(
    session: AsyncSession, livemode: bool, invoices: list[tuple[str, str, str]]
) -> dict[tuple[str, str, str], str]:
    """For (owner, buyer, invoice number key) triples: the id of the cover in force on each."""
    if not invoices:
        return {}
    query = select(
        Cover.invoice_owner_id, Cover.buyer_id, Cover.invoice_number_key, Cover.id
    ).where(
        Cover.livemode == livemode,
        Cover.status.in_(IN_FORCE),
        tuple_(Cover.invoice_owner_id, Cover.buyer_id, Cover.invoice_number_key).in_(invoices),
    )
    return {
        (owner, buyer, key): cover_id
        for owner, buyer, key, cover_id in await session.execute(query)
    }


async def pending_of_quote(session: AsyncSession, quote_id: str) -> Cover | None:
    """The cover still waiting for its premium on this quote, if any."""
    query = select(Cover).where(Cover.quote_id == quote_id, Cover.status == "pending_payment")
    found = await session.execute(query.execution_options(populate_existing=True))
    return found.scalar_one_or_none()


async def move(
    session: AsyncSession,
    cover: Cover,
    from_statuses: tuple[str, ...],
    *where: ColumnElement[bool],
    **values: Any,
) -> bool:
    """Change the cover only if it is still in one of ``from_statuses`` (and ``where`` holds);
    whether it changed.

    The condition makes each transition happen once, however many deliveries race for it.
    """
    result = await session.execute(
        update(Cover)
        .where(Cover.id == cover.id, Cover.status.in_(from_statuses), *where)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    changed = bool(result.rowcount == 1)  # type: ignore[attr-defined]
    if changed:
        for name, value in values.items():
            setattr(cover, name, value)
    return changed


async def raise_refunded(session: AsyncSession, cover: Cover, total_minor: int) -> None:
    """``refunded_minor`` becomes ``total_minor`` if that is more (concurrent writers agree)."""
    await session.execute(
        update(Cover)
        .where(Cover.id == cover.id, Cover.refunded_minor < total_minor)
        .values(refunded_minor=total_minor)
        .execution_options(synchronize_session=False)
    )
    cover.refunded_minor = max(cover.refunded_minor, total_minor)


async def take_payment_lease(
    session: AsyncSession,
    cover: Cover,
    statuses: tuple[str, ...],
    now: datetime,
    until: datetime,
) -> bool:
    """Hold the cover's payment until ``until`` if nobody does (the caller commits this before
    calling Stripe)."""
    return await move(session, cover, statuses, lease_free(now), payment_lease_until=until)


async def give_back_payment_lease(session: AsyncSession, cover: Cover) -> None:
    await move(session, cover, COVER_STATUSES, payment_lease_until=None)


def lease_free(now: datetime) -> ColumnElement[bool]:
    """Nobody is talking to Stripe about the cover's payment."""
    return or_(Cover.payment_lease_until.is_(None), Cover.payment_lease_until <= now)


async def due_for_expiry(session: AsyncSession, now: datetime, limit: int) -> list[Cover]:
    query = (
        select(Cover)
        .where(Cover.status == "pending_payment", Cover.expires_at <= now, lease_free(now))
        .order_by(Cover.expires_at)
        .limit(limit)
    )
    return list((await session.execute(query)).scalars())


async def cancellations_to_resume(session: AsyncSession, now: datetime, limit: int) -> list[Cover]:
    """Covers left ``cancelling`` (a lost answer, a crash) that nobody is working on."""
    query = (
        select(Cover)
        .where(Cover.status == "cancelling", lease_free(now))
        .order_by(Cover.updated_at)
        .limit(limit)
    )
    return list((await session.execute(query)).scalars())


async def pending_unchecked_since(
    session: AsyncSession, before: datetime, limit: int
) -> list[Cover]:
    """Pending covers with a PaymentIntent not read back from Stripe since ``before``."""
    query = (
        select(Cover)
        .where(
            Cover.status == "pending_payment",
            Cover.payment_intent_id.is_not(None),
            Cover.created_at <= before,
            or_(Cover.payment_checked_at.is_(None), Cover.payment_checked_at <= before),
            lease_free(before),
        )
        .order_by(Cover.created_at)
        .limit(limit)
    )
    return list((await session.execute(query)).scalars())


async def exposure_seen_by(
    session: AsyncSession, buyer_ids: list[str], *, livemode: bool, role: str, account_id: str
) -> dict[tuple[str, str, str], int]:
    """The exposure covers hold (their insured outstanding), by (buyer, product, currency), counting
    only the covers an account of ``role`` may see: a platform its own and its connected
    sellers', a seller those bound by it or for it, an insurer those on its products, the
    operator every one."""
    sellers = accounts.sellers_of(account_id)
    seen = {
        "operator": true(),
        "insurer": Cover.insurer_id == account_id,
        "platform": or_(Cover.account_id == account_id, Cover.seller_id.in_(sellers)),
        "seller": or_(Cover.account_id == account_id, Cover.seller_id == account_id),
    }[role]
    insured = func.sum(Cover.insured_outstanding_minor)
    query = (
        select(Cover.buyer_id, Cover.product_id, Cover.currency, insured)
        .where(
            Cover.livemode == livemode,
            Cover.buyer_id.in_(buyer_ids),
            Cover.insured_outstanding_minor > 0,
            seen,
        )
        .group_by(Cover.buyer_id, Cover.product_id, Cover.currency)
    )
    return {(b, p, c): int(total) for b, p, c, total in await session.execute(query)}


async def in_force_on_buyer(session: AsyncSession, livemode: bool, buyer_id: str) -> list[Cover]:
    """The buyer's covers in force (pending payment, active, cancelling, overdue, claimed)."""
    query = select(Cover).where(
        Cover.livemode == livemode, Cover.buyer_id == buyer_id, Cover.status.in_(IN_FORCE)
    )
    return list((await session.execute(query.order_by(Cover.id))).scalars())


async def locked(session: AsyncSession, cover_id: str) -> Cover:
    """The cover as stored now, locked until the transaction ends (on PostgreSQL; a SQLite
    writer holds the whole database already): every change after bind takes this first, so
    reports, claim decisions and the clock on one cover happen one after another."""
    query = select(Cover).where(Cover.id == cover_id).with_for_update()
    found = await session.execute(query.execution_options(populate_existing=True))
    return found.scalar_one()


async def next_due_for_check(session: AsyncSession, now: datetime) -> Cover | None:
    """One cover whose date-driven work is due, locked; covers another process holds are
    skipped (``SKIP LOCKED`` on PostgreSQL), so two workers never work on one cover."""
    query = (
        select(Cover)
        .where(Cover.next_check_at <= now)
        .order_by(Cover.next_check_at)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    found = await session.execute(query.execution_options(populate_existing=True))
    return found.scalar_one_or_none()
