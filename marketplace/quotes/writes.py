"""What a quote writes, as jobs for the process's group commit (``kit.group_commit``).

A quote is priced outside any transaction; then ``QuoteWrites`` stores, in one transaction
shared with the other quotes of the moment: the Idempotency-Key's result (when the request
has a key; if another request holds the key, nothing else is written), what the quote says of
its buyer merged into the caller's facts (by the statement itself, so that concurrent quotes
lose nothing; an unchanged row is not rewritten), the quote with its feature vector, and its
offers. A buyer nobody had quoted is registered by the same write, after the key is taken: a
request that fails writes no buyer either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
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


@dataclass(frozen=True, slots=True)
class NewBuyer:
    """A buyer nobody had quoted when the quote read: registered by the quote's own write."""

    principal: Principal
    buyer: BuyerIn
    now: datetime


@dataclass(frozen=True, slots=True)
class KeyResult:
    """The Idempotency-Key to take with the answer stored under it."""

    principal: Principal
    pending: idempotency.Pending
    now: datetime


@dataclass(slots=True)
class QuoteWrites:
    quote: Quote
    offers: list[Offer]
    facts: dict[str, Any]
    """What the quote gives on its buyer, merged into the caller's facts by the write."""
    answer: Callable[[], bytes]
    """The answer's body, from ``quote`` and ``offers`` as they stand."""
    key: KeyResult | None = None
    new_buyer: NewBuyer | None = None
    body: bytes = b""
    """The answer as stored: set by ``claim``."""

    async def claim(self, session: AsyncSession) -> bool:
        self.body = self.answer()
        if self.key is not None and not await idempotency.record(
            session, self.key.principal, self.key.pending, self._replay(), self.key.now
        ):
            return False  # another request holds the key: nothing of this one is written
        if self.new_buyer is not None:
            await self._register(session, self.new_buyer)
        return True

    async def _register(self, session: AsyncSession, new: NewBuyer) -> None:
        """Register the buyer as the id the answer names, or, if a concurrent quote registered
        it first, move the quote (and its stored answer) to that buyer's id."""
        planned = self.quote.buyer_id
        buyer_id = await registry.register(session, new.principal, new.buyer, new.now, planned)
        if buyer_id == planned:
            return
        self.quote.buyer_id = self.facts["buyer_id"] = buyer_id
        self.body = self.answer()
        if self.key is not None:
            await idempotency.replace_result(
                session, self.key.principal, self.key.pending.key, self._replay()
            )

    def _replay(self) -> idempotency.Replay:
        return idempotency.Replay(201, "application/json", self.body)

    def rows(self, dialect_name: str) -> Iterable[Row]:
        yield buyers.facts_upsert(dialect_name), self.facts
        yield _QUOTE_INSERT, columns_of(self.quote)
        for offer in self.offers:
            yield _OFFER_INSERT, columns_of(offer)
