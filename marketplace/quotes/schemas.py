"""Wire types of quotes: the invoice and buyer in, priced offers and reasoned declines out."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

import msgspec

from marketplace.accounts.schemas import AccountId
from marketplace.buyers.schemas import BuyerIn
from marketplace.kit.reference import Currency
from marketplace.models.quotes import Offer, Quote
from marketplace.products.schemas import MAX_MINOR_UNITS, Ratio

INVOICE_NUMBER_PATTERN = r"^[^\x00-\x1f\x7f]*\w[^\x00-\x1f\x7f]*$"
"""At least one letter or digit, and no control characters."""

QuoteStatus = Literal["quoted", "declined", "bound", "expired"]


class InvoiceIn(msgspec.Struct, forbid_unknown_fields=True):
    number: Annotated[
        str,
        msgspec.Meta(
            min_length=1,
            max_length=100,
            pattern=INVOICE_NUMBER_PATTERN,
            description="The seller's invoice number: a letter or digit at least, no control"
            " characters.",
        ),
    ]
    amount: Annotated[int, msgspec.Meta(ge=1, le=MAX_MINOR_UNITS)]
    """In minor units of ``currency``."""
    currency: Currency
    issue_date: date
    due_date: date


class RelationshipIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The seller's history with this buyer, when known."""

    months: Annotated[int, msgspec.Meta(ge=0, le=1200)] | None = None
    prior_invoices_count: Annotated[int, msgspec.Meta(ge=0, le=1_000_000)] | None = None
    prior_late_ratio: Annotated[float, msgspec.Meta(ge=0, le=1)] | None = None


class QuoteCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An invoice to insure. A platform may quote for one of its sellers (``seller``)."""

    invoice: InvoiceIn
    buyer: BuyerIn
    relationship: RelationshipIn | None = None
    cover_ratios: Annotated[list[Ratio], msgspec.Meta(min_length=1, max_length=10)] | None = None
    """The cover ratios wanted; each product offers those it has (its default when absent)."""
    seller: AccountId | None = None


class Reason(msgspec.Struct):
    """A feature that pushed the risk up, with a stable code and a sentence for people."""

    code: str
    feature: str
    message: str
    impact: float


class Risk(msgspec.Struct):
    probability_of_default: float
    grade: str
    reasons: list[Reason]


class OfferOut(msgspec.Struct, kw_only=True):
    id: str
    product: str
    product_version: int
    insurer: str
    cover_ratio: float
    insured_amount: int
    premium: int
    premium_rate_bps: int
    """Premium over invoice amount, in basis points (rounded up)."""
    waiting_period_days: int
    claim_threshold_days: int
    overdue_declaration_days: int
    """Days after the due date within which an unpaid invoice must be declared overdue."""
    amicable_collection_days: int
    """Days of amicable collection on a claim before legal collection starts."""
    object: Literal["offer"] = "offer"


class DeclineReason(msgspec.Struct):
    code: str
    message: str
    limit: float | list[str] | None
    """The limit crossed: a number (an amount in minor units, days, a probability) or a list."""


class CounterOffer(msgspec.Struct, kw_only=True):
    """What the product would consider instead: an invoice up to an amount, a shorter tenor.

    The risk may change with the terms, so quote again on them to get a price.
    """

    message: str
    max_invoice_amount: int | None
    max_insured_amount: int | None
    max_tenor_days: int | None


class Decline(msgspec.Struct):
    product: str
    product_version: int
    insurer: str
    reasons: list[DeclineReason]
    counter_offer: CounterOffer | None


class QuoteOut(msgspec.Struct, kw_only=True):
    id: str
    status: QuoteStatus
    livemode: bool
    currency: Currency
    invoice: InvoiceIn
    buyer: str
    seller: str | None
    model_version: str
    risk: Risk
    offers: list[OfferOut]
    declines: list[Decline]
    invoice_covered_by: str | None = None
    """The cover (``cov_…``) already in force on this invoice — same seller, buyer and invoice
    number — if any: binding another cover on it is refused (409 ``invoice_already_covered``)."""
    expires_at: datetime
    created_at: datetime
    object: Literal["quote"] = "quote"


def quote_status(quote: Quote, now: datetime) -> QuoteStatus:
    """The status as clients read it: an unbound quote past its expiry is ``expired``."""
    if quote.status != "bound" and now >= quote.expires_at:
        return "expired"
    return quote.status  # type: ignore[return-value]


def offer_out(offer: Offer) -> OfferOut:
    return OfferOut(
        id=offer.id,
        product=offer.product_id,
        product_version=offer.product_version,
        insurer=offer.insurer_id,
        cover_ratio=offer.cover_ratio,
        insured_amount=offer.insured_amount_minor,
        premium=offer.premium_minor,
        premium_rate_bps=offer.premium_rate_bps,
        waiting_period_days=offer.waiting_period_days,
        claim_threshold_days=offer.claim_threshold_days,
        overdue_declaration_days=offer.overdue_declaration_days,
        amicable_collection_days=offer.amicable_collection_days,
    )


def quote_out(
    quote: Quote, offers: list[Offer], now: datetime, covered_by: str | None = None
) -> QuoteOut:
    return QuoteOut(
        id=quote.id,
        status=quote_status(quote, now),
        livemode=quote.livemode,
        currency=Currency(quote.currency),
        invoice=InvoiceIn(
            number=quote.invoice_number,
            amount=quote.amount_minor,
            currency=Currency(quote.currency),
            issue_date=quote.issue_date,
            due_date=quote.due_date,
        ),
        buyer=quote.buyer_id,
        seller=quote.seller_id,
        model_version=quote.model_version,
        risk=Risk(
            probability_of_default=quote.probability_of_default,
            grade=quote.grade,
            reasons=msgspec.convert(quote.reasons, list[Reason]),
        ),
        offers=[offer_out(offer) for offer in offers],
        declines=msgspec.convert(quote.declines, list[Decline]),
        invoice_covered_by=covered_by,
        expires_at=quote.expires_at,
        created_at=quote.created_at,
    )
