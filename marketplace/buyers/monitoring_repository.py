"""Every query on buyer monitoring: the status, the signals, the insurers' own limits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.kit.sql import dialect_insert, insert_ignore
from marketplace.models.buyers import Buyer, BuyerExposure, BuyerLimit, BuyerSignal


async def status_of(session: AsyncSession, buyer_id: str) -> str | None:
    """The buyer's status as committed now (None: no such buyer)."""
    query = select(Buyer.status).where(Buyer.id == buyer_id)
    return (await session.execute(query)).scalar_one_or_none()


async def set_status(
    session: AsyncSession, buyer_id: str, before: str, after: str, now: datetime
) -> tuple[bool, datetime | None]:
    """Move the status from ``before`` to ``after`` only if it is still ``before`` (the row
    stays locked until commit, so concurrent signals take turns); (whether it was still
    ``before``, ``status_changed_at`` after the move)."""
    changed = {"status_changed_at": now} if after != before else {}
    statement = (
        update(Buyer)
        .where(Buyer.id == buyer_id, Buyer.status == before)
        .values(status=after, updated_at=now, **changed)
        .returning(Buyer.status_changed_at)
        .execution_options(synchronize_session="fetch")
    )
    row = (await session.execute(statement)).one_or_none()
    return (False, None) if row is None else (True, row[0])


async def add_signal(session: AsyncSession, signal: BuyerSignal) -> None:
    session.add(signal)
    await session.flush()


def signals_query(buyer_id: str) -> Select[BuyerSignal]:
    """The buyer's signals (any order: the caller paginates)."""
    return select(BuyerSignal).where(BuyerSignal.buyer_id == buyer_id)


async def latest_signal(
    session: AsyncSession, buyer_id: str, before_id: str | None = None
) -> BuyerSignal | None:
    """The signal recorded last on the buyer (before the signal ``before_id``, if given)."""
    query = signals_query(buyer_id)
    if before_id is not None:
        query = query.where(BuyerSignal.id < before_id)
    query = query.order_by(BuyerSignal.id.desc()).limit(1)
    return (await session.execute(query)).scalar_one_or_none()


async def limit_on(
    session: AsyncSession, buyer_id: str, product_id: str, currency: str
) -> BuyerLimit | None:
    """The insurer's own limit on the buyer under one product, in one currency (if it set one)."""
    query = (
        select(BuyerLimit)
        .where(
            BuyerLimit.buyer_id == buyer_id,
            BuyerLimit.product_id == product_id,
            BuyerLimit.currency == currency,
        )
        .execution_options(populate_existing=True)
    )
    return (await session.execute(query)).scalar_one_or_none()


async def set_limit(session: AsyncSession, values: dict[str, Any]) -> None:
    """Insert or replace a limit (every column given; ``created_at`` kept on replace).

    The (buyer, product, currency) exposure row is made too, if missing: a quote reads the
    limit with the exposure in one query, by joining the limit to its exposure row.
    """
    statement = dialect_insert(session, BuyerLimit).values(**values)
    kept = ("buyer_id", "product_id", "currency", "created_at")
    replaced = {name: statement.excluded[name] for name in values if name not in kept}
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["buyer_id", "product_id", "currency"], set_=replaced
        )
    )
    key = {name: values[name] for name in ("buyer_id", "product_id", "currency")}
    await insert_ignore(session, BuyerExposure, {**key, "exposure_minor": 0})


async def limits_on(
    session: AsyncSession, buyer_ids: Sequence[str], account_id: str | None = None
) -> list[BuyerLimit]:
    """The limits set on these buyers: by the insurer ``account_id`` only, or by every one."""
    query = select(BuyerLimit).where(BuyerLimit.buyer_id.in_(buyer_ids))
    if account_id is not None:
        query = query.where(BuyerLimit.account_id == account_id)
    order = (BuyerLimit.buyer_id, BuyerLimit.product_id, BuyerLimit.currency)
    return list((await session.execute(query.order_by(*order))).scalars())
