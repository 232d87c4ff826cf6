"""Whether a quote's invoice is already insured: the cover in force on it, if any.

A platform quoting inside its checkout learns here, before binding, that the invoice (the same
seller, buyer and invoice number) already has a cover: binding another is refused with
``invoice_already_covered`` while that cover is in force.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.covers import repository as covers
from marketplace.kit.normalise import invoice_number_key
from marketplace.models.quotes import Quote


def _invoice_of(quote: Quote) -> tuple[str, str, str]:
    owner = quote.seller_id or quote.account_id
    return owner, quote.buyer_id, invoice_number_key(quote.invoice_number)


async def covered_by(session: AsyncSession, quotes: list[Quote]) -> dict[str, str | None]:
    """For each quote id: the id of the cover in force on its invoice, or None."""
    if not quotes:
        return {}
    found = await covers.in_force_on_invoices(
        session, quotes[0].livemode, [_invoice_of(quote) for quote in quotes]
    )
    return {quote.id: found.get(_invoice_of(quote)) for quote in quotes}
