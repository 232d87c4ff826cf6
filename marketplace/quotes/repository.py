"""Every query on quotes and offers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Insert, Select, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.accounts import repository as accounts
from marketplace.models.quotes import Offer, Quote


def _attributes(model: type[Quote] | type[Offer]) -> tuple[tuple[str, str], ...]:
    """(column key, attribute name) of each column: ``metadata`` is the attribute
    ``metadata_`` (declarative classes keep ``metadata`` for themselves)."""
    return tuple((prop.columns[0].key, prop.key) for prop in model.__mapper__.column_attrs)


_ATTRIBUTES = {Quote: _attributes(Quote), Offer: _attributes(Offer)}


def _columns(row: Quote | Offer) -> dict[str, Any]:
    return {column: getattr(row, name) for column, name in _ATTRIBUTES[type(row)]}


_QUOTE_INSERT = insert(Quote.__table__)  # type: ignore[arg-type]
_OFFER_INSERT = insert(Offer.__table__)  # type: ignore[arg-type]


def inserts(quote: Quote, offers: list[Offer]) -> Iterator[tuple[Insert, dict[str, Any]]]:
    """The quote's row, then its offers', for a batch of writes (``kit.group_commit``): Core
    statements on the tables, built once, so no unit of work runs on the hot path."""
    yield _QUOTE_INSERT, _columns(quote)
    for offer in offers:
        yield _OFFER_INSERT, _columns(offer)


def own_query(livemode: bool, account_id: str) -> Select[Quote]:
    """Quotes of a mode that an account asked for, or that were asked for it as the seller:
    the quotes it may bind."""
    return select(Quote).where(
        Quote.livemode == livemode,
        or_(Quote.account_id == account_id, Quote.seller_id == account_id),
    )


def visible_query(livemode: bool, account_id: str) -> Select[Quote]:
    """Quotes of a mode that an account may read: its own, and a platform's connected sellers'
    (whoever asked for them)."""
    return select(Quote).where(
        Quote.livemode == livemode,
        or_(
            Quote.account_id == account_id,
            Quote.seller_id == account_id,
            Quote.seller_id.in_(accounts.sellers_of(account_id)),
        ),
    )


def with_status(query: Select[Quote], status: str, now: datetime) -> Select[Quote]:
    """Filter by status as clients read it: an unbound quote past its expiry reads ``expired``."""
    if status == "expired":
        return query.where(Quote.status != "bound", Quote.expires_at <= now)
    if status == "bound":
        return query.where(Quote.status == "bound")
    return query.where(Quote.status == status, Quote.expires_at > now)


async def offers_of(session: AsyncSession, quote_ids: list[str]) -> dict[str, list[Offer]]:
    """Each quote's offers, cheapest first."""
    found: dict[str, list[Offer]] = {quote_id: [] for quote_id in quote_ids}
    if quote_ids:
        query = (
            select(Offer).where(Offer.quote_id.in_(quote_ids)).order_by(Offer.quote_id, Offer.rank)
        )
        for offer in (await session.execute(query)).scalars():
            found[offer.quote_id].append(offer)
    return found


async def offer_of(session: AsyncSession, quote_id: str, offer_id: str) -> Offer | None:
    """One offer of a quote (None when the quote has no such offer)."""
    query = select(Offer).where(Offer.id == offer_id, Offer.quote_id == quote_id)
    return (await session.execute(query)).scalar_one_or_none()


async def set_status(
    session: AsyncSession, quote_id: str, from_status: str, to_status: str
) -> bool:
    """Move a quote between ``quoted`` and ``bound`` if it is still in ``from_status``."""
    result = await session.execute(
        update(Quote)
        .where(Quote.id == quote_id, Quote.status == from_status)
        .values(status=to_status)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]
