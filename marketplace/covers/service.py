"""Covers: reserving a bind, reading covers, the refund a cancellation gives.

The use cases that talk to Stripe live beside this module and own their transactions:
``binding`` (bind and pay) and ``cancellation`` (cancel and refund). What they share is here:
the errors, the first step of a bind (``reserve_or_resume``), the visibility rules, and the
refund rule of a cancellation: an active cover is refunded in full within
``COOLING_OFF_DAYS`` of activation; later, pro rata to the days left until the due date
(rounded down to the minor unit). A cover pending payment is cancelled with its PaymentIntent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.buyers import exposure
from marketplace.buyers import monitoring_repository as buyer_monitoring
from marketplace.buyers.status import STOPPED
from marketplace.covers import changes, deadlines, lifecycle, repository
from marketplace.errors import Conflict, MarketplaceError, ResourceNotFound
from marketplace.kit.ids import new_id
from marketplace.kit.metadata import matching
from marketplace.kit.money import format_money
from marketplace.kit.normalise import invoice_number_key
from marketplace.kit.pagination import Page, PageRequest, paginate
from marketplace.kit.tenancy import Principal
from marketplace.models.covers import INVOICE_IN_FORCE_INDEX, Cover
from marketplace.models.quotes import Offer, Quote
from marketplace.quotes import repository as quotes
from marketplace.quotes.schemas import quote_status

COOLING_OFF_DAYS = 14
RESUMABLE_PAYMENT_STATUSES = (None, "unknown", "requires_confirmation", "requires_payment_method")
"""A pending cover whose payment is in one of these states is resumed by a bind of the same
offer: no answer came from Stripe, or nothing was charged yet."""


class CoverNotFound(ResourceNotFound):
    pass


class QuoteForCoverNotFound(ResourceNotFound):
    pass


class OfferNotFound(ResourceNotFound):
    pass


class QuoteExpired(Conflict):
    code = "quote_expired"
    title = "The quote has expired"


class OfferExpired(Conflict):
    """The offer's own validity has passed (each offer of a quote has its own ``expires_at``;
    the quote's is the latest of them, past which binding any is ``quote_expired``)."""

    code = "offer_expired"
    title = "The offer has expired"


class QuoteAlreadyBound(Conflict):
    code = "quote_already_bound"
    title = "The quote is already bound"


class ProductUnavailable(Conflict):
    code = "product_unavailable"
    title = "The product no longer offers cover"


class InsufficientCapacity(Conflict):
    code = "insufficient_capacity"
    title = "Not enough capacity left on this buyer"


class BuyerStopped(Conflict):
    code = "buyer_stopped"
    title = "The buyer's monitoring status stops new cover"


class CoverNotCancellable(Conflict):
    code = "cover_not_cancellable"
    title = "This cover cannot be cancelled"


class InvoiceAlreadyCovered(Conflict):
    code = "invoice_already_covered"
    title = "Another cover insures this invoice"


class PaymentInProgress(Conflict):
    code = "payment_in_progress"
    title = "The premium's payment is being handled"


class CancellationInProgress(Conflict):
    code = "cancellation_in_progress"
    title = "The cover is being cancelled"


class PaymentOutcomeUnknown(MarketplaceError):
    status_code = 502
    code = "payment_outcome_unknown"
    title = "No answer from the payment provider"


class RefundRefused(MarketplaceError):
    status_code = 502
    code = "refund_refused"
    title = "The payment provider refused the refund"


async def _bindable_quote(
    session: AsyncSession, principal: Principal, quote_id: str, now: datetime
) -> Quote:
    query = quotes.own_query(principal.livemode, principal.account_id).where(Quote.id == quote_id)
    quote = (await session.execute(query)).scalar_one_or_none()
    if quote is None:
        raise QuoteForCoverNotFound(f"No such quote: {quote_id}", param="quote")
    if quote.status != "bound" and quote_status(quote, now) == "expired":
        raise QuoteExpired(
            f"Quote {quote_id} expired at {quote.expires_at.isoformat()}; quote again",
            param="quote",
        )
    return quote


async def _offer(session: AsyncSession, quote: Quote, offer_id: str, now: datetime) -> Offer:
    offer = await quotes.offer_of(session, quote.id, offer_id)
    if offer is None:
        raise OfferNotFound(f"Quote {quote.id} has no offer {offer_id}", param="offer")
    if now >= offer.expires_at:
        raise OfferExpired(
            f"Offer {offer_id} expired at {offer.expires_at.isoformat()}; bind another offer of"
            f" quote {quote.id} still valid, or quote again",
            param="offer",
        )
    return offer


def _cover(
    principal: Principal,
    quote: Quote,
    offer: Offer,
    metadata: dict[str, str],
    *,
    now: datetime,
    lease_until: datetime,
) -> Cover:
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
        product_name=offer.product_name,
        insurer_name=offer.insurer_name,
        buyer_id=quote.buyer_id,
        status="pending_payment",
        currency=quote.currency,
        invoice_number=quote.invoice_number,
        invoice_owner_id=quote.seller_id or quote.account_id,
        invoice_number_key=invoice_number_key(quote.invoice_number),
        invoice_amount_minor=quote.amount_minor,
        invoice_due_date=quote.due_date,
        cover_ratio=offer.cover_ratio,
        insured_amount_minor=offer.insured_amount_minor,
        premium_minor=offer.premium_minor,
        refunded_minor=0,
        waiting_period_days=offer.waiting_period_days,
        claim_threshold_days=offer.claim_threshold_days,
        overdue_declaration_days=offer.overdue_declaration_days,
        amicable_collection_days=offer.amicable_collection_days,
        paid_minor=0,
        credited_minor=0,
        insured_outstanding_minor=offer.insured_amount_minor,
        clock_offset_days=0,
        metadata_=metadata,
        expires_at=offer.expires_at,
        payment_lease_until=lease_until,
        created_at=now,
        updated_at=now,
    )


async def _resumed(
    session: AsyncSession,
    principal: Principal,
    quote: Quote,
    offer_id: str,
    *,
    now: datetime,
    lease_until: datetime,
) -> Cover:
    """The cover of a bound quote whose payment never got an answer (or never started), to
    finish paying it; QuoteAlreadyBound for anything else."""
    cover = await repository.pending_of_quote(session, quote.id)
    resumable = (
        cover is not None
        and cover.offer_id == offer_id
        and principal.account_id in (cover.account_id, cover.seller_id)
        and cover.payment_status in RESUMABLE_PAYMENT_STATUSES
    )
    if cover is None or not resumable:
        raise QuoteAlreadyBound(f"Quote {quote.id} already has a cover", param="quote")
    if cover.expires_at <= now:
        raise OfferExpired(
            f"Offer {offer_id} of quote {quote.id} expired at {cover.expires_at.isoformat()}",
            param="offer",
        )
    if not await repository.take_payment_lease(
        session, cover, ("pending_payment",), now, lease_until
    ):
        raise PaymentInProgress(
            f"Cover {cover.id} is paying its premium right now; retry in a moment"
        )
    return cover


async def _refuse_second_cover(session: AsyncSession, cover: Cover) -> None:
    other = await repository.in_force_on_invoice(session, cover)
    if other is not None:
        raise InvoiceAlreadyCovered(
            f"Invoice {cover.invoice_number} on this buyer is already insured by cover"
            f" {other.id} ({other.status})",
            param="quote",
        )


async def _add(session: AsyncSession, cover: Cover) -> None:
    """Insert the cover; the invoice's unique index settles a race the check did not see."""
    session.add(cover)
    try:
        await session.flush()
    except IntegrityError as error:
        if INVOICE_IN_FORCE_INDEX in str(error) or "covers.invoice_number_key" in str(error):
            raise InvoiceAlreadyCovered(
                f"Invoice {cover.invoice_number} on this buyer is already insured",
                param="quote",
            ) from None
        raise
    await changes.created(session, cover)


async def reserve_or_resume(
    session: AsyncSession,
    principal: Principal,
    quote_id: str,
    offer_id: str,
    *,
    metadata: dict[str, str],
    now: datetime,
    lease_until: datetime,
) -> Cover:
    """Step 1 of a bind: the checks, the quote bound, the exposure reserved, the cover created
    (with ``metadata``) holding its payment's lease until ``lease_until`` — or, for a quote
    already bound to a cover whose payment got no answer, that cover as it was made (see
    ``RESUMABLE_PAYMENT_STATUSES``)."""
    quote = await _bindable_quote(session, principal, quote_id, now)
    status = await buyer_monitoring.status_of(session, quote.buyer_id)
    if status in STOPPED:  # a waiting cover too: its premium would buy a known loss
        raise BuyerStopped(f"Buyer {quote.buyer_id} is {status}: no new cover", param="quote")
    if quote.status == "bound":
        return await _resumed(session, principal, quote, offer_id, now=now, lease_until=lease_until)
    offer = await _offer(session, quote, offer_id, now)
    cover = _cover(principal, quote, offer, metadata, now=now, lease_until=lease_until)
    await _refuse_second_cover(session, cover)
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
            f"Insuring {format_money(offer.insured_amount_minor, quote.currency)} more on buyer"
            f" {quote.buyer_id} would exceed the product's buyer capacity of"
            f" {format_money(limit, quote.currency)}",
            param="offer",
        )
    await _add(session, cover)
    return cover


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


def refund_on_cancel(cover: Cover, real_now: datetime) -> int:
    """What cancelling returns, in minor units (see the module docstring for the rule), on
    the cover's clock."""
    now = deadlines.cover_now(cover, real_now)
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


@dataclass(frozen=True, slots=True)
class CoverFilters:
    """What a list of covers keeps (None: any): status, buyer, seller, the invoice number
    (compared as ``kit.normalise.invoice_number_key`` compares), metadata pairs."""

    status: str | None = None
    buyer_id: str | None = None
    seller_id: str | None = None
    invoice_number: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)


async def list_covers(
    session: AsyncSession, principal: Principal, *, filters: CoverFilters, page: PageRequest
) -> Page[Cover]:
    query = repository.visible_query(principal.livemode, principal.account_id)
    invoice_key = None
    if filters.invoice_number is not None:
        invoice_key = invoice_number_key(filters.invoice_number)
    for column, value in (
        (Cover.status, filters.status),
        (Cover.buyer_id, filters.buyer_id),
        (Cover.seller_id, filters.seller_id),
        (Cover.invoice_number_key, invoice_key),
    ):
        if value is not None:
            query = query.where(column == value)
    query = query.where(*matching(Cover.metadata_, filters.metadata))
    return await paginate(session, query, Cover.id, page)
