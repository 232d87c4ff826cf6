"""Every query on refunds."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.kit.sql import insert_ignore
from marketplace.models.payments import Refund


async def add_refund_once(session: AsyncSession, values: dict[str, Any]) -> bool:
    """Insert the refund unless one exists for its PaymentIntent and purpose."""
    return await insert_ignore(session, Refund, values)


async def refund_for(session: AsyncSession, payment_intent_id: str, purpose: str) -> Refund:
    query = select(Refund).where(
        Refund.payment_intent_id == payment_intent_id, Refund.purpose == purpose
    )
    return (await session.execute(query.execution_options(populate_existing=True))).scalar_one()


async def refund_by_id(session: AsyncSession, refund_id: str) -> Refund | None:
    return await session.get(Refund, refund_id, populate_existing=True)


async def pending_refund_of_cover(
    session: AsyncSession, cover_id: str, purpose: str
) -> Refund | None:
    query = select(Refund).where(
        Refund.cover_id == cover_id, Refund.purpose == purpose, Refund.status == "pending"
    )
    return (await session.execute(query)).scalar_one_or_none()


async def refunds_to_carry_out(session: AsyncSession, now: datetime, limit: int) -> list[Refund]:
    """Pending refunds nobody holds, oldest first."""
    query = (
        select(Refund)
        .where(
            Refund.status == "pending",
            or_(Refund.lease_until.is_(None), Refund.lease_until <= now),
        )
        .order_by(Refund.created_at)
        .limit(limit)
    )
    return list((await session.execute(query)).scalars())


async def _change(session: AsyncSession, refund: Refund, *where: Any, **values: Any) -> bool:
    result = await session.execute(
        update(Refund)
        .where(Refund.id == refund.id, *where)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    changed = bool(result.rowcount == 1)  # type: ignore[attr-defined]
    if changed:
        for name, value in values.items():
            if not hasattr(value, "__clause_element__"):
                setattr(refund, name, value)
    return changed


async def take_refund_lease(
    session: AsyncSession, refund: Refund, now: datetime, until: datetime
) -> bool:
    taken = await _change(
        session,
        refund,
        Refund.status == "pending",
        or_(Refund.lease_until.is_(None), Refund.lease_until <= now),
        lease_until=until,
        attempts=Refund.attempts + 1,
        updated_at=now,
    )
    if taken:
        refund.attempts += 1
    return taken


async def give_back_refund_lease(session: AsyncSession, refund: Refund, now: datetime) -> None:
    await _change(session, refund, Refund.status == "pending", lease_until=None, updated_at=now)


async def settle_refund(
    session: AsyncSession, refund: Refund, *, status: str, now: datetime, **values: Any
) -> bool:
    """pending -> ``status`` (once, whoever records it first)."""
    return await _change(
        session,
        refund,
        Refund.status == "pending",
        status=status,
        lease_until=None,
        updated_at=now,
        **values,
    )
