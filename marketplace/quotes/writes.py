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

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.buyers import registry
from marketplace.buyers import repository as buyers
from marketplace.buyers.schemas import BuyerIn
from marketplace.kit import idempotency
from marketplace.kit.group_commit import Row
from marketplace.kit.tenancy import Principal
from marketplace.models.quotes import Offer, Quote
from marketplace.quotes import repository


@dataclass(slots=True)
class QuoteWrites:
    principal: Principal
    now: datetime
    quote: Quote
    offers: list[Offer]
    facts: dict[str, Any]
    """What the quote gives on its buyer, merged into the caller's facts by the write."""
    body: bytes
    """The answer, as sent and as stored under the key."""
    encode: Callable[[], bytes]
    """The answer again, from ``quote`` as it stands (when the buyer's id had to change)."""
    pending: idempotency.Pending | None = None
    """The request's Idempotency-Key, to take with the answer."""
    new_buyer: BuyerIn | None = None
    """The buyer, when nobody had quoted it at read time: this write registers it."""

    async def claim(self, session: AsyncSession) -> bool:
        if self.pending is not None and not await idempotency.record(
            session, self.principal, self.pending, self._result(), self.now
        ):
            return False  # another request holds the key: nothing of this one is written
        if self.new_buyer is not None:
            await self._register(session, self.new_buyer)
        return True

    async def _register(self, session: AsyncSession, buyer: BuyerIn) -> None:
        """Register the buyer as the id the answer names, or, if a concurrent quote registered
        it first, move the quote (and its stored answer) to that buyer's id."""
        planned = self.quote.buyer_id
        buyer_id = await registry.register(session, self.principal, buyer, self.now, planned)
        if buyer_id == planned:
            return
        self.quote.buyer_id = self.facts["buyer_id"] = buyer_id
        self.body = self.encode()
        if self.pending is not None:
            await idempotency.replace_result(
                session, self.principal, self.pending.key, self._result()
            )

    def _result(self) -> idempotency.Replay:
        return idempotency.Replay(201, "application/json", self.body)

    def rows(self, dialect_name: str) -> Iterable[Row]:
        yield buyers.facts_upsert(dialect_name), self.facts
        yield from repository.inserts(self.quote, self.offers)
