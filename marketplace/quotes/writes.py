"""What a quote writes, as jobs for the process's group commit (``kit.group_commit``).

A quote is priced outside any transaction; then ``QuoteWrites`` stores, in one transaction
shared with the other quotes of the moment: the Idempotency-Key's result (when the request
has a key; if another request holds the key, nothing else is written), the caller's facts on
the buyer when they changed, the quote with its feature vector, and its offers. A buyer
nobody has quoted yet is registered first (``BuyerRegistration``), so that the answer names
the id it will keep.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.buyers import registry
from marketplace.buyers import repository as buyers
from marketplace.buyers.schemas import BuyerIn
from marketplace.kit import idempotency
from marketplace.kit.group_commit import Row
from marketplace.kit.tenancy import Principal
from marketplace.models.quotes import Offer, Quote

_QUOTE_INSERT = insert(Quote.__table__)  # type: ignore[arg-type]
_OFFER_INSERT = insert(Offer.__table__)  # type: ignore[arg-type]


def columns_of(row: Quote | Offer) -> dict[str, Any]:
    return {column.key: getattr(row, column.key) for column in row.__table__.columns}


@dataclass(slots=True)
class BuyerRegistration:
    """Registers a buyer's identity; ``buyer_id`` is its id once written (another quote's,
    if one registered the same buyer just before)."""

    principal: Principal
    buyer: BuyerIn
    now: datetime
    buyer_id: str | None = None

    async def claim(self, session: AsyncSession) -> bool:
        self.buyer_id = await registry.register(session, self.principal, self.buyer, self.now)
        return True

    def rows(self, dialect_name: str) -> Iterable[Row]:
        return ()


@dataclass(frozen=True, slots=True)
class KeyResult:
    """The Idempotency-Key to take with the answer stored under it."""

    principal: Principal
    pending: idempotency.Pending
    answer: idempotency.Replay
    now: datetime


@dataclass(frozen=True, slots=True)
class QuoteWrites:
    quote: Quote
    offers: list[Offer]
    facts: dict[str, Any] | None
    """The caller's facts row on the buyer, None when it would restate what is stored."""
    key: KeyResult | None = None

    async def claim(self, session: AsyncSession) -> bool:
        if self.key is None:
            return True
        return await idempotency.record(
            session, self.key.principal, self.key.pending, self.key.answer, self.key.now
        )

    def rows(self, dialect_name: str) -> Iterable[Row]:
        if self.facts is not None:
            yield buyers.facts_upsert(dialect_name), self.facts
        yield _QUOTE_INSERT, columns_of(self.quote)
        for offer in self.offers:
            yield _OFFER_INSERT, columns_of(offer)
