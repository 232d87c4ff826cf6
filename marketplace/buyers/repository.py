"""Every query on buyers and their exposures."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, exists, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.models.accounts import Account
from marketplace.models.buyers import Buyer, BuyerExposure
from marketplace.models.quotes import Quote

IDENTITY = ("livemode", "country", "registration_number")
KEPT_ON_UPDATE = ("id", *IDENTITY, "created_at")


def _upsert_statement(dialect: Any) -> Any:
    statement = dialect.insert(Buyer)
    updated = {
        column.name: statement.excluded[column.name]
        for column in Buyer.__table__.columns
        if column.name not in KEPT_ON_UPDATE
    }
    return statement.on_conflict_do_update(index_elements=list(IDENTITY), set_=updated).returning(
        Buyer.id
    )


# Built once: the same statement object each time lets SQLAlchemy reuse its compiled form.
_UPSERT = {"postgresql": _upsert_statement(postgresql), "sqlite": _upsert_statement(sqlite)}


async def upsert(session: AsyncSession, values: dict[str, Any]) -> str:
    """Write the buyer (every column given); a buyer that exists keeps its id. Its id."""
    statement = _UPSERT[session.get_bind().dialect.name]
    return str((await session.execute(statement, values)).scalar_one())


async def find_with_exposures(
    session: AsyncSession, livemode: bool, country: str, registration_number: str
) -> tuple[Buyer | None, dict[tuple[str, str], int]]:
    """The buyer with that identity (if known) and its exposure by (product, currency)."""
    query = (
        select(Buyer, BuyerExposure)
        .outerjoin(BuyerExposure, BuyerExposure.buyer_id == Buyer.id)
        .where(
            Buyer.livemode == livemode,
            Buyer.country == country,
            Buyer.registration_number == registration_number,
        )
    )
    rows = (await session.execute(query)).all()
    if not rows:
        return None, {}
    used = {(e.product_id, e.currency): e.exposure_minor for _, e in rows if e is not None}
    return rows[0][0], used


def _quoted_by(account_id: str, include_sellers_of_platform: bool) -> Any:
    who = or_(Quote.account_id == account_id, Quote.seller_id == account_id)
    if include_sellers_of_platform:
        sellers = select(Account.id).where(Account.platform_id == account_id)
        who = or_(who, Quote.seller_id.in_(sellers))
    return exists().where(Quote.buyer_id == Buyer.id, who)


def visible_query(livemode: bool, account_id: str | None, is_platform: bool) -> Select[Buyer]:
    """Buyers of a mode; for an account, only those it (or its sellers) quoted."""
    query = select(Buyer).where(Buyer.livemode == livemode)
    if account_id is not None:
        query = query.where(_quoted_by(account_id, is_platform))
    return query


async def exposures(session: AsyncSession, buyer_id: str) -> dict[tuple[str, str], int]:
    """Exposure by (product id, currency)."""
    query = select(BuyerExposure).where(BuyerExposure.buyer_id == buyer_id)
    return {
        (e.product_id, e.currency): e.exposure_minor
        for e in (await session.execute(query)).scalars()
    }
