"""Wire types of quotes: the invoice and buyer in, priced offers and reasoned declines out."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

import msgspec
from litestar.params import QueryParameter

from marketplace.buyers.schemas import BuyerIn
from marketplace.kit.described import (
    AmicableCollectionDays,
    ClaimThresholdDays,
    InsurerId,
    Livemode,
    ObjectCurrency,
    OverdueDeclarationDays,
    WaitingPeriodDays,
)
from marketplace.kit.ids import id_pattern
from marketplace.kit.metadata import MetadataIn, MetadataOut
from marketplace.kit.reference import Currency
from marketplace.models.quotes import Offer, Quote
from marketplace.products.schemas import MAX_MINOR_UNITS, Ratio
from marketplace.quotes.decline_limits import DeclineLimit, readable

INVOICE_NUMBER_PATTERN = r"^[^\x00-\x1f\x7f]*[^\W_][^\x00-\x1f\x7f]*$"
"""At least one letter or digit, and no control characters."""

QuoteStatus = Literal["quoted", "declined", "bound", "expired"]
InvoiceNumberFilter = Annotated[
    str | None,
    QueryParameter(
        min_length=1,
        max_length=100,
        pattern=INVOICE_NUMBER_PATTERN,
        description="Only those on this invoice number, compared as people mean it (case,"
        " spaces, dashes, full-width digits and invisible characters aside)",
    ),
]


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
    amount: Annotated[
        int,
        msgspec.Meta(
            ge=1,
            le=MAX_MINOR_UNITS,
            description="The amount invoiced, in minor units of `currency` (1250000 is EUR"
            " 12,500.00); a JSON integer, never a string or a float",
        ),
    ]
    currency: Annotated[
        Currency, msgspec.Meta(description="ISO 4217 code of the invoice's currency")
    ]
    issue_date: Annotated[
        date,
        msgspec.Meta(description="The day it was issued (ISO 8601; at most 30 days ahead)"),
    ]
    due_date: Annotated[
        date,
        msgspec.Meta(
            description="The day it falls due (ISO 8601): after the issue date and after today"
        ),
    ]


class RelationshipIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The seller's history with this buyer, when known."""

    months: (
        Annotated[
            int,
            msgspec.Meta(ge=0, le=1200, description="How long they have traded, in months"),
        ]
        | None
    ) = None
    prior_invoices_count: (
        Annotated[
            int,
            msgspec.Meta(
                ge=0, le=1_000_000, description="How many invoices the seller sent it before"
            ),
        ]
        | None
    ) = None
    prior_late_ratio: (
        Annotated[
            float,
            msgspec.Meta(
                ge=0,
                le=1,
                description="The share of those paid late: a ratio from 0 to 1 (0.07 is 7 %)",
            ),
        ]
        | None
    ) = None


class QuoteCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An invoice to insure. A platform names the seller it quotes for (``seller``)."""

    invoice: Annotated[InvoiceIn, msgspec.Meta(description="The invoice to insure")]
    buyer: Annotated[
        BuyerIn,
        msgspec.Meta(
            description="Who owes the invoice: its identity, and whatever you know of it (any"
            " fact may be left out; the facts you send are kept for your quotes only)"
        ),
    ]
    relationship: Annotated[
        RelationshipIn | None,
        msgspec.Meta(description="The seller's history with this buyer, when known"),
    ] = None
    cover_ratios: (
        Annotated[
            list[Ratio],
            msgspec.Meta(
                min_length=1,
                max_length=10,
                description="The shares of the invoice to insure, each a ratio in (0, 1] (0.9"
                " insures 90 %): each product offers those it has; absent, its default",
            ),
        ]
        | None
    ) = None
    seller: (
        Annotated[
            str,
            msgspec.Meta(
                pattern=id_pattern("account"),
                description="The seller the quote is for (acct_…): required when the caller is"
                " a platform (one of its connected sellers; 422 `seller_required` without it);"
                " a seller may name only itself.",
            ),
        ]
        | None
    ) = None
    metadata: MetadataIn = {}


class Reason(msgspec.Struct):
    """A feature that pushed the risk up, with a stable code and a sentence for people."""

    code: Annotated[
        str,
        msgspec.Meta(
            description="Stable code of the reason (`payment_incidents`, `days_beyond_terms`,"
            " `sector_risk`…)"
        ),
    ]
    feature: Annotated[str, msgspec.Meta(description="The model feature behind it")]
    message: Annotated[str, msgspec.Meta(description="A sentence for people")]
    impact: Annotated[
        float,
        msgspec.Meta(
            description="The feature's contribution to the model's log-odds (positive: riskier)"
        ),
    ]


class Risk(msgspec.Struct):
    """The buyer's risk as the model scored it on this quote's facts."""

    probability_of_default: Annotated[
        float,
        msgspec.Meta(
            description="The probability that the buyer does not pay this invoice (still unpaid"
            " 90 days past due, or insolvent): a ratio from 0 to 1 (0.0345 is 3.45 %)"
        ),
    ]
    grade: Annotated[str, msgspec.Meta(description="The probability as a grade, A (safest) to E")]
    reasons: Annotated[
        list[Reason],
        msgspec.Meta(description="The features that pushed the risk up, strongest first"),
    ]


class OfferOut(msgspec.Struct, kw_only=True):
    id: Annotated[str, msgspec.Meta(description="The offer's id (off_…): bind it by this id")]
    product: Annotated[str, msgspec.Meta(description="The product offering it (prod_…)")]
    product_name: Annotated[
        str,
        msgspec.Meta(description="The product's name, as it was when the offer was made."),
    ]
    product_version: Annotated[
        int, msgspec.Meta(description="The version of the product's terms it was priced on")
    ]
    insurer: InsurerId
    insurer_name: Annotated[
        str,
        msgspec.Meta(description="The insurer's display name, as it was when the offer was made."),
    ]
    cover_ratio: Annotated[
        float,
        msgspec.Meta(description="The share of the invoice insured: a ratio in (0, 1] (0.9)"),
    ]
    insured_amount: Annotated[
        int,
        msgspec.Meta(
            description="What the cover pays at most: the invoice amount x `cover_ratio`, in"
            " minor units of the quote's `currency`"
        ),
    ]
    premium: Annotated[
        int,
        msgspec.Meta(
            description="The price of the cover, charged at bind, in minor units of the quote's"
            " `currency` (rounded up)"
        ),
    ]
    premium_rate_bps: Annotated[
        int,
        msgspec.Meta(
            description="The premium over the invoice amount, in basis points (100 = 1 %;"
            " rounded half up)"
        ),
    ]
    waiting_period_days: WaitingPeriodDays
    claim_threshold_days: ClaimThresholdDays
    overdue_declaration_days: OverdueDeclarationDays
    amicable_collection_days: AmicableCollectionDays
    expires_at: Annotated[
        datetime,
        msgspec.Meta(
            description="Until when this offer may be bound (UTC): the quote's time plus its"
            " product's validity. Binding it later is refused (409 `offer_expired`)."
        ),
    ]
    object: Annotated[
        Literal["offer"], msgspec.Meta(description="The kind of object: always `offer`")
    ] = "offer"


class DeclineReason(msgspec.Struct):
    code: Annotated[
        str,
        msgspec.Meta(
            description="Stable code of the rule that declined: `currency_not_supported`,"
            " `country_excluded`, `sector_excluded`, `amount_below_minimum`,"
            " `amount_above_maximum`, `tenor_too_long`, `risk_too_high`, `capacity_exceeded`,"
            " `buyer_limit_reduced`, `buyer_stopped`, `cover_ratio_not_offered`,"
            " `premium_exceeds_cover`"
        ),
    ]
    message: Annotated[str, msgspec.Meta(description="A sentence for people")]
    limit: Annotated[
        DeclineLimit | None,
        msgspec.Meta(
            description="The limit crossed, tagged by `kind`: `amount` (`amount` in minor units"
            " and its `currency`), `days`, `ratio` (0 to 1), `ratios` (the cover ratios"
            " offered), `accepted` or `excluded` (`values`: the strings accepted or excluded)."
        ),
    ]


class CounterOffer(msgspec.Struct, kw_only=True):
    """What the product would consider instead: an invoice up to an amount, a shorter tenor.

    The risk may change with the terms, so quote again on them to get a price.
    """

    message: Annotated[str, msgspec.Meta(description="A sentence for people")]
    max_invoice_amount: Annotated[
        int | None,
        msgspec.Meta(
            description="The largest invoice amount the product would insure, in minor units"
            " of the quote's `currency` (null: the amount is not the issue)"
        ),
    ]
    max_insured_amount: Annotated[
        int | None,
        msgspec.Meta(
            description="The insured amount that invoice would get, in minor units (null: as above)"
        ),
    ]
    max_tenor_days: Annotated[
        int | None,
        msgspec.Meta(
            description="The longest tenor (issue to due date) accepted, in days (null: the"
            " tenor is not the issue)"
        ),
    ]


class Decline(msgspec.Struct):
    """A product that does not take the risk, and why: a result, not an error."""

    product: Annotated[str, msgspec.Meta(description="The product declining (prod_…)")]
    product_version: Annotated[
        int, msgspec.Meta(description="The version of the product's terms applied")
    ]
    insurer: InsurerId
    reasons: Annotated[
        list[DeclineReason], msgspec.Meta(description="Every rule the request broke")
    ]
    counter_offer: Annotated[
        CounterOffer | None,
        msgspec.Meta(description="What the product would consider instead, where it can say"),
    ]
    cover_ratio: Annotated[
        float | None,
        msgspec.Meta(
            description="The cover ratio declined (a fraction of the invoice amount): with"
            " several `cover_ratios` asked, a product answers each with an offer or a decline."
            " Null on quotes made before declines named their ratio."
        ),
    ] = None


class QuoteOut(msgspec.Struct, kw_only=True):
    """A quote: the invoice, the buyer's risk, and per product an offer or a decline."""

    id: Annotated[str, msgspec.Meta(description="The quote's id (quo_…)")]
    status: Annotated[
        QuoteStatus,
        msgspec.Meta(
            description="`quoted` (offers to bind), `declined` (no product takes the risk),"
            " `bound` (an offer was bound) or `expired` (past `expires_at`, unbound)"
        ),
    ]
    livemode: Livemode
    currency: ObjectCurrency
    invoice: Annotated[InvoiceIn, msgspec.Meta(description="The invoice, as sent")]
    buyer: Annotated[str, msgspec.Meta(description="The buyer quoted (buy_…)")]
    seller: Annotated[str | None, msgspec.Meta(description="The seller the quote is for (acct_…)")]
    model_version: Annotated[
        str, msgspec.Meta(description="The risk model that scored it (`uw-…`)")
    ]
    risk: Annotated[Risk, msgspec.Meta(description="The buyer's risk on this invoice")]
    offers: Annotated[
        list[OfferOut],
        msgspec.Meta(description="One per product (and cover ratio) that accepts, cheapest first"),
    ]
    declines: Annotated[
        list[Decline],
        msgspec.Meta(description="One per product (and cover ratio) that declines, with why"),
    ]
    invoice_covered_by: Annotated[
        str | None,
        msgspec.Meta(
            description="The cover (cov_…) already in force on this invoice (same seller,"
            " buyer and invoice number), if any: binding another cover on it is refused (409"
            " `invoice_already_covered`)"
        ),
    ] = None
    metadata: MetadataOut
    expires_at: Annotated[
        datetime,
        msgspec.Meta(
            description="When the quote expires (UTC): the latest of its offers' `expires_at`"
            " (each offer has its own); past it, an unbound quote reads `expired`."
        ),
    ]
    created_at: Annotated[datetime, msgspec.Meta(description="When it was priced (UTC)")]
    object: Annotated[
        Literal["quote"], msgspec.Meta(description="The kind of object: always `quote`")
    ] = "quote"


def quote_status(quote: Quote, now: datetime) -> QuoteStatus:
    """The status as clients read it: an unbound quote past its expiry is ``expired``."""
    if quote.status != "bound" and now >= quote.expires_at:
        return "expired"
    return quote.status  # type: ignore[return-value]


def offer_out(offer: Offer) -> OfferOut:
    return OfferOut(
        id=offer.id,
        product=offer.product_id,
        product_name=offer.product_name,
        product_version=offer.product_version,
        insurer=offer.insurer_id,
        insurer_name=offer.insurer_name,
        cover_ratio=offer.cover_ratio,
        insured_amount=offer.insured_amount_minor,
        premium=offer.premium_minor,
        premium_rate_bps=offer.premium_rate_bps,
        waiting_period_days=offer.waiting_period_days,
        claim_threshold_days=offer.claim_threshold_days,
        overdue_declaration_days=offer.overdue_declaration_days,
        amicable_collection_days=offer.amicable_collection_days,
        expires_at=offer.expires_at,
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
        declines=msgspec.convert(readable(quote.declines, quote.currency), list[Decline]),
        invoice_covered_by=covered_by,
        metadata=quote.metadata_,
        expires_at=quote.expires_at,
        created_at=quote.created_at,
    )
