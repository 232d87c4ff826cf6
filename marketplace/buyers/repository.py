"""Every query on buyers, their per-account facts and their exposures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.models.accounts import Account
from marketplace.models.buyers import Buyer, BuyerExposure, BuyerFactSet
from marketplace.models.covers import Cover
from marketplace.models.quotes import Quote

IDENTITY = ("livemode", "country", "registration_number")
FACT_SET_KEY = ("buyer_id", "account_id")


@dataclass(frozen=True, slots=True)
class BuyerOnRecord:
    """What a quote needs to know of a buyer: its identity (None when new), the caller's own
    facts (None when it never sent any) and the marketplace-wide exposure by (product, currency).
    """

    buyer: Buyer | None
    own_facts: BuyerFactSet | None
    exposures: dict[tuple[str, str], int]


def _identity_upsert(dialect: Any) -> Any:
    # A no-op update (rather than "do nothing") so that RETURNING gives the id of a buyer a
    # concurrent quote has just registered.
    statement = dialect.insert(Buyer)
    return statement.on_conflict_do_update(
        index_elements=list(IDENTITY), set_={"livemode": statement.excluded.livemode}
    ).returning(Buyer.id)


def _facts_upsert(dialect: Any) -> Any:
    statement = dialect.insert(BuyerFactSet)
    kept = (*FACT_SET_KEY, "created_at")
    updated = {
        column.name: statement.excluded[column.name]
        for column in BuyerFactSet.__table__.columns
        if column.name not in kept
    }
    return statement.on_conflict_do_update(index_elements=list(FACT_SET_KEY), set_=updated)


# Built once: the same statement object each time lets SQLAlchemy reuse its compiled form.
_DIALECTS = {"postgresql": postgresql, "sqlite": sqlite}
_IDENTITY_UPSERT = {name: _identity_upsert(d) for name, d in _DIALECTS.items()}
_FACTS_UPSERT = {name: _facts_upsert(d) for name, d in _DIALECTS.items()}


async def register(session: AsyncSession, values: dict[str, Any]) -> str:
    """Insert a buyer identity unless it exists (a concurrent quote may have just made it)."""
    statement = _IDENTITY_UPSERT[session.get_bind().dialect.name]
    return str((await session.execute(statement, values)).scalar_one())


async def write_facts(session: AsyncSession, values: dict[str, Any]) -> None:
    """Write one account's facts and score on a buyer (every column given)."""
    await session.execute(_FACTS_UPSERT[session.get_bind().dialect.name], values)


async def on_record(
    session: AsyncSession,
    identity: tuple[bool, str, str],
    account_id: str,
) -> BuyerOnRecord:
    """One query: the buyer with that (mode, country, registration number), the facts
    ``account_id`` gave on it, and its exposure by (product, currency)."""
    livemode, country, registration_number = identity
    own = and_(BuyerFactSet.buyer_id == Buyer.id, BuyerFactSet.account_id == account_id)
    query = (
        select(Buyer, BuyerFactSet, BuyerExposure)
        .outerjoin(BuyerFactSet, own)
        .outerjoin(BuyerExposure, BuyerExposure.buyer_id == Buyer.id)
        .where(
            Buyer.livemode == livemode,
            Buyer.country == country,
            Buyer.registration_number == registration_number,
        )
    )
    rows = (await session.execute(query)).all()
    if not rows:
        return BuyerOnRecord(None, None, {})
    used = {(e.product_id, e.currency): e.exposure_minor for _, _, e in rows if e is not None}
    return BuyerOnRecord(rows[0][0], rows[0][1], used)


def _quoted_by(account_id: str, include_sellers_of_platform: bool) -> ColumnElement[bool]:
    who = or_(Quote.account_id == account_id, Quote.seller_id == account_id)
    if include_sellers_of_platform:
        sellers = select(Account.id).where(Account.platform_id == account_id)
        who = or_(who, Quote.seller_id.in_(sellers))
    return exists().where(Quote.buyer_id == Buyer.id, who)


def _covered_by_insurer(insurer_id: str) -> ColumnElement[bool]:
    return exists().where(Cover.buyer_id == Buyer.id, Cover.insurer_id == insurer_id)


def visible_query(livemode: bool, role: str, account_id: str) -> Select[Buyer]:
    """Buyers of a mode that an account may read: the operator every one; a platform or seller
    those it quoted (a platform also its sellers' quotes); an insurer those with a cover on one
    of its products."""
    query = select(Buyer).where(Buyer.livemode == livemode)
    if role == "operator":
        return query
    if role == "insurer":
        return query.where(_covered_by_insurer(account_id))
    return query.where(_quoted_by(account_id, role == "platform"))


async def fact_sets(
    session: AsyncSession, buyer_ids: Sequence[str], account_id: str | None
) -> dict[str, list[BuyerFactSet]]:
    """The facts given on each buyer: by ``account_id`` only, or by every account (None)."""
    query = select(BuyerFactSet).where(BuyerFactSet.buyer_id.in_(buyer_ids))
    if account_id is not None:
        query = query.where(BuyerFactSet.account_id == account_id)
    found: dict[str, list[BuyerFactSet]] = {buyer_id: [] for buyer_id in buyer_ids}
    for row in (await session.execute(query.order_by(BuyerFactSet.account_id))).scalars():
        found[row.buyer_id].append(row)
    return found


async def exposures(
    session: AsyncSession, buyer_ids: Sequence[str]
) -> dict[tuple[str, str, str], int]:
    """Marketplace-wide exposure by (buyer id, product id, currency)."""
    query = select(BuyerExposure).where(BuyerExposure.buyer_id.in_(buyer_ids))
    return {
        (e.buyer_id, e.product_id, e.currency): e.exposure_minor
        for e in (await session.execute(query)).scalars()
    }
