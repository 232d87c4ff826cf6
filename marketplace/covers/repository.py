"""Every query on covers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.models.covers import Cover


def visible_query(livemode: bool, account_id: str) -> Select[Cover]:
    """Covers an account may read: as the platform or seller that bound them, or as the insurer."""
    who = or_(
        Cover.account_id == account_id,
        Cover.seller_id == account_id,
        Cover.insurer_id == account_id,
    )
    return select(Cover).where(Cover.livemode == livemode, who)


async def by_id(session: AsyncSession, cover_id: str) -> Cover | None:
    return await session.get(Cover, cover_id, populate_existing=True)


async def by_payment_intent(
    session: AsyncSession, livemode: bool, payment_intent_id: str, cover_id: str | None
) -> Cover | None:
    """The cover a PaymentIntent pays: by our id in its metadata, else by the intent's id."""
    if cover_id is not None:
        cover = await by_id(session, cover_id)
        if cover is not None and cover.livemode == livemode:
            return cover
    query = select(Cover).where(
        Cover.payment_intent_id == payment_intent_id, Cover.livemode == livemode
    )
    return (await session.execute(query)).scalar_one_or_none()


async def move(
    session: AsyncSession, cover: Cover, from_statuses: tuple[str, ...], **values: Any
) -> bool:
    """Change the cover only if it is still in one of ``from_statuses``; whether it changed.

    The condition makes each transition happen once, however many deliveries race for it.
    """
    result = await session.execute(
        update(Cover)
        .where(Cover.id == cover.id, Cover.status.in_(from_statuses))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    changed = bool(result.rowcount == 1)  # type: ignore[attr-defined]
    if changed:
        for name, value in values.items():
            setattr(cover, name, value)
    return changed


async def due_for_expiry(session: AsyncSession, now: datetime, limit: int) -> list[Cover]:
    query = (
        select(Cover)
        .where(Cover.status == "pending_payment", Cover.expires_at <= now)
        .order_by(Cover.expires_at)
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
        )
        .order_by(Cover.created_at)
        .limit(limit)
    )
    return list((await session.execute(query)).scalars())


async def refunds_due(session: AsyncSession, limit: int) -> list[Cover]:
    query = select(Cover).where(Cover.refund_due.is_(True)).limit(limit)
    return list((await session.execute(query)).scalars())
