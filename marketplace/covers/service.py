"""Binding an offer, recording its payment, cancelling, reading covers.

Binding happens in two transactions around the Stripe call, so money never moves without a
cover and the database is never held while Stripe answers:

1. ``reserve``: re-check the quote and offer, mark the quote bound, reserve the insured amount
   on the buyer's exposure (a conditional update), create the cover in ``pending_payment``;
   the request commits this before calling Stripe.
2. ``record_payment``: store the PaymentIntent; a card declined on the spot fails the cover
   (exposure released) at once. The cover becomes ``active`` only when Stripe says the
   premium is paid (the signed webhook, or the reconciling job reading the PaymentIntent).
If Stripe cannot be reached, ``undo_reservation`` removes the cover and frees the quote, so
the client may simply retry.

Cancellation (before the invoice's due date): a cover pending payment is cancelled with its
PaymentIntent, nothing to refund. An active cover is refunded in full within
``COOLING_OFF_DAYS`` of activation; later, pro rata to the days left until the due date
(rounded down to the minor unit).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.buyers import exposure
from marketplace.covers import lifecycle, repository
from marketplace.errors import Conflict, ResourceNotFound
from marketplace.kit.ids import new_id
from marketplace.kit.pagination import Page, PageRequest, paginate
from marketplace.kit.tenancy import Principal
from marketplace.models.covers import Cover
from marketplace.models.quotes import Offer, Quote
from marketplace.payments.views import PaymentIntentView
from marketplace.quotes import repository as quotes
from marketplace.quotes.schemas import quote_status

COOLING_OFF_DAYS = 14
FAILED_ON_THE_SPOT = ("requires_payment_method", "canceled")


class CoverNotFound(ResourceNotFound):
    pass


class QuoteForCoverNotFound(ResourceNotFound):
    pass


class OfferNotFound(ResourceNotFound):
    pass


class QuoteExpired(Conflict):
    code = "quote_expired"
    title = "The quote has expired"


class QuoteAlreadyBound(Conflict):
    code = "quote_already_bound"
    title = "The quote is already bound"


class ProductUnavailable(Conflict):
    code = "product_unavailable"
    title = "The product no longer offers cover"


class InsufficientCapacity(Conflict):
    code = "insufficient_capacity"
    title = "Not enough capacity left on this buyer"


class CoverNotCancellable(Conflict):
    code = "cover_not_cancellable"
    title = "This cover cannot be cancelled"


async def _bindable_quote(
    session: AsyncSession, principal: Principal, quote_id: str, now: datetime
) -> Quote:
    query = quotes.visible_query(principal.livemode, principal.account_id).where(
        Quote.id == quote_id
    )
    quote = (await session.execute(query)).scalar_one_or_none()
    if quote is None:
        raise QuoteForCoverNotFound(f"No such quote: {quote_id}", param="quote")
    if quote.status == "bound":
        raise QuoteAlreadyBound(f"Quote {quote_id} already has a cover", param="quote")
    if quote_status(quote, now) == "expired":
        raise QuoteExpired(
            f"Quote {quote_id} expired at {quote.expires_at.isoformat()}; quote again",
            param="quote",
        )
    return quote


async def _offer(session: AsyncSession, quote: Quote, offer_id: str) -> Offer:
    query = select(Offer).where(Offer.id == offer_id, Offer.quote_id == quote.id)
    offer = (await session.execute(query)).scalar_one_or_none()
    if offer is None:
        raise OfferNotFound(f"Quote {quote.id} has no offer {offer_id}", param="offer")
    return offer


def _cover(principal: Principal, quote: Quote, offer: Offer, now: datetime) -> Cover:
    return Cover(
        id=new_id("cover"),
        livemode=principal.livemode,
        account_id=principal.account_id,
        seller_id=quote.seller_id,
        quote_id=quote.id,
        offer_id=offer.id,
        product_id=offer.product_id,
        product_version=offer.product_version,
        insurer_id=offer.insurer_id,
        buyer_id=quote.buyer_id,
        status="pending_payment",
        currency=quote.currency,
        invoice_number=quote.invoice_number,
        invoice_amount_minor=quote.amount_minor,
        invoice_due_date=quote.due_date,
        cover_ratio=offer.cover_ratio,
        insured_amount_minor=offer.insured_amount_minor,
        premium_minor=offer.premium_minor,
        refunded_minor=0,
        refund_due=False,
        waiting_period_days=offer.waiting_period_days,
        claim_threshold_days=offer.claim_threshold_days,
        expires_at=quote.expires_at,
        created_at=now,
        updated_at=now,
    )


async def reserve(
    session: AsyncSession, principal: Principal, quote_id: str, offer_id: str, now: datetime
) -> Cover:
    """Step 1 of a bind: the checks, the quote bound, the exposure reserved, the cover created."""
    quote = await _bindable_quote(session, principal, quote_id, now)
    offer = await _offer(session, quote, offer_id)
    cover = _cover(principal, quote, offer, now)
    limit = await lifecycle.buyer_capacity(session, cover)
    if limit is None:
        raise ProductUnavailable(
            f"Product {offer.product_id} is paused or no longer insures {quote.currency}",
            param="offer",
        )
    if not await quotes.set_status(session, quote.id, "quoted", "bound"):
        raise QuoteAlreadyBound(f"Quote {quote_id} already has a cover", param="quote")
    if not await exposure.reserve(
        session, lifecycle.exposure_key(cover), offer.insured_amount_minor, limit
    ):
        raise InsufficientCapacity(
            f"Insuring {offer.insured_amount_minor} more on buyer {quote.buyer_id} would exceed the"
            f" product's buyer capacity of {limit}",
            param="offer",
        )
    session.add(cover)
    await session.flush()
    return cover


async def record_payment(
    session: AsyncSession, cover: Cover, intent: PaymentIntentView, now: datetime
) -> Cover:
    """Step 2 of a bind: the PaymentIntent is known; a card declined on the spot fails the cover."""
    if intent.status in FAILED_ON_THE_SPOT and intent.last_error_code is not None:
        await lifecycle.fail_payment(session, cover, intent, now)
        return cover
    await repository.move(
        session,
        cover,
        ("pending_payment",),
        payment_intent_id=intent.id,
        payment_status=intent.status,
        payment_client_secret=intent.client_secret,
        updated_at=now,
    )
    return cover


async def undo_reservation(session: AsyncSession, cover: Cover) -> None:
    """Stripe could not be reached: as if the bind never happened (exposure, quote, cover)."""
    await exposure.release(session, lifecycle.exposure_key(cover), cover.insured_amount_minor)
    await quotes.set_status(session, cover.quote_id, "bound", "quoted")
    await session.execute(
        delete(Cover).where(Cover.id == cover.id, Cover.status == "pending_payment")
    )


async def visible(session: AsyncSession, principal: Principal, cover_id: str) -> Cover:
    query = repository.visible_query(principal.livemode, principal.account_id).where(
        Cover.id == cover_id
    )
    cover = (await session.execute(query)).scalar_one_or_none()
    if cover is None:
        raise CoverNotFound(f"No such cover: {cover_id}", param="cover")
    return cover


async def owned(session: AsyncSession, principal: Principal, cover_id: str) -> Cover:
    """A cover the caller bound (or was bound for it); the insurer may read but not cancel."""
    cover = await visible(session, principal, cover_id)
    if principal.account_id not in (cover.account_id, cover.seller_id):
        raise CoverNotFound(f"No such cover: {cover_id}", param="cover")
    return cover


def refund_on_cancel(cover: Cover, now: datetime) -> int:
    """What cancelling returns, in minor units (see the module docstring for the rule)."""
    if now.date() >= cover.invoice_due_date:
        raise CoverNotCancellable(
            f"The invoice was due on {cover.invoice_due_date}: the cover can no longer be cancelled"
        )
    if cover.status == "pending_payment":
        return 0
    if cover.status != "active" or cover.cover_starts_at is None:
        raise CoverNotCancellable(f"A cover in status {cover.status} cannot be cancelled")
    if (now - cover.cover_starts_at).days < COOLING_OFF_DAYS:
        return cover.premium_minor
    total_days = max(1, (cover.invoice_due_date - cover.cover_starts_at.date()).days)
    left_days = (cover.invoice_due_date - now.date()).days
    return cover.premium_minor * left_days // total_days


async def list_covers(
    session: AsyncSession,
    principal: Principal,
    *,
    status: str | None,
    buyer_id: str | None,
    seller_id: str | None,
    page: PageRequest,
) -> Page[Cover]:
    query = repository.visible_query(principal.livemode, principal.account_id)
    for column, value in (
        (Cover.status, status),
        (Cover.buyer_id, buyer_id),
        (Cover.seller_id, seller_id),
    ):
        if value is not None:
            query = query.where(column == value)
    return await paginate(session, query, Cover.id, page)
