"""Examples of quotes: the README's request, a priced answer with a decline, a declined one."""

from __future__ import annotations

from datetime import UTC, date, datetime

import msgspec

from marketplace.api_reference.examples import ids
from marketplace.api_reference.examples.example import Example
from marketplace.buyers.schemas import BuyerIn
from marketplace.kit.pagination import ListOf
from marketplace.kit.reference import Country, Currency, Sector
from marketplace.quotes.decline_limits import AmountLimit, RatioLimit
from marketplace.quotes.schemas import (
    CounterOffer,
    Decline,
    DeclineReason,
    InvoiceIn,
    OfferOut,
    QuoteCreate,
    QuoteOut,
    Reason,
    RelationshipIn,
    Risk,
)

QUOTED_AT = datetime(2026, 11, 25, 9, 30, 12, tzinfo=UTC)
EXPIRES_AT = datetime(2026, 11, 26, 9, 30, 12, tzinfo=UTC)
METADATA = {"order_id": "ord_8842", "checkout": "web"}


def invoice() -> InvoiceIn:
    return InvoiceIn(
        number="F-2026-0042",
        amount=1_250_000,
        currency=Currency("EUR"),
        issue_date=date(2026, 11, 25),
        due_date=date(2027, 1, 24),
    )


def quote_create() -> QuoteCreate:
    """The quick start's request (README), for a platform's connected seller."""
    return QuoteCreate(
        seller=ids.SELLER,
        invoice=invoice(),
        buyer=BuyerIn(
            country=Country("FR"),
            registration_number="552100554",
            name="Acme SAS",
            sector=Sector("C"),
            years_in_business=12.5,
            employees=48,
            annual_revenue=820_000_000,
            payment_incidents_12m=0,
            avg_days_beyond_terms=4.0,
            bureau_score=71,
        ),
        relationship=RelationshipIn(months=30, prior_invoices_count=14, prior_late_ratio=0.07),
        metadata=METADATA,
    )


def _risk() -> Risk:
    return Risk(
        probability_of_default=0.0345,
        grade="C",
        reasons=[
            Reason(
                code="days_beyond_terms",
                feature="avg_days_beyond_terms",
                message="Pays 4 days beyond terms on average",
                impact=0.2141,
            ),
            Reason(
                code="sector_risk",
                feature="sector",
                message="Sector C (Manufacturing) has more insolvencies",
                impact=0.1187,
            ),
        ],
    )


def atlas_offer() -> OfferOut:
    """Atlas's offer: 90 % of the invoice insured, the premium in minor units of EUR."""
    return OfferOut(
        id=ids.ATLAS_OFFER,
        product=ids.ATLAS_PRODUCT,
        product_name="Atlas SME Invoice Cover",
        product_version=3,
        insurer=ids.ATLAS,
        insurer_name="Atlas Credit",
        cover_ratio=0.9,
        insured_amount=1_125_000,
        premium=38_023,
        premium_rate_bps=304,
        waiting_period_days=150,
        claim_threshold_days=60,
        overdue_declaration_days=30,
        amicable_collection_days=60,
        expires_at=EXPIRES_AT,
    )


def _helios_offer() -> OfferOut:
    return OfferOut(
        id=ids.HELIOS_OFFER,
        product=ids.HELIOS_PRODUCT,
        product_name="Helios Construction & Trade Cover",
        product_version=2,
        insurer=ids.HELIOS,
        insurer_name="Helios Specialty",
        cover_ratio=0.8,
        insured_amount=1_000_000,
        premium=47_150,
        premium_rate_bps=377,
        waiting_period_days=120,
        claim_threshold_days=45,
        overdue_declaration_days=30,
        amicable_collection_days=60,
        expires_at=datetime(2026, 11, 25, 21, 30, 12, tzinfo=UTC),
    )


def _risk_decline(product: str, insurer: str, probability: float, maximum: float) -> Decline:
    return Decline(
        product=product,
        product_version=1,
        insurer=insurer,
        cover_ratio=0.85,
        reasons=[
            DeclineReason(
                code="risk_too_high",
                message=f"Probability of default {probability:.2%} is above the product's"
                f" maximum of {maximum:.2%}",
                limit=RatioLimit(ratio=maximum),
            )
        ],
        counter_offer=None,
    )


def quoted() -> QuoteOut:
    return QuoteOut(
        id=ids.QUOTE,
        status="quoted",
        livemode=False,
        currency=Currency("EUR"),
        invoice=invoice(),
        buyer=ids.BUYER,
        seller=ids.SELLER,
        model_version=ids.MODEL_VERSION,
        risk=_risk(),
        offers=[atlas_offer(), _helios_offer()],
        declines=[_risk_decline(ids.NORTHWIND_PRODUCT, ids.NORTHWIND, 0.0345, 0.03)],
        invoice_covered_by=None,
        metadata=METADATA,
        expires_at=EXPIRES_AT,
        created_at=QUOTED_AT,
    )


def declined() -> QuoteOut:
    """No product takes the risk: a result, not an error (201 all the same)."""
    risky = Risk(
        probability_of_default=0.0912,
        grade="E",
        reasons=[
            Reason(
                code="payment_incidents",
                feature="payment_incidents_12m",
                message="3 payment incident(s) in the last 12 months",
                impact=0.8734,
            ),
            Reason(
                code="days_beyond_terms",
                feature="avg_days_beyond_terms",
                message="Pays 41 days beyond terms on average",
                impact=0.4410,
            ),
        ],
    )
    capacity = Decline(
        product=ids.HELIOS_PRODUCT,
        product_version=2,
        insurer=ids.HELIOS,
        cover_ratio=0.8,
        reasons=[
            DeclineReason(
                code="capacity_exceeded",
                message="Insured amount EUR 10,000.00 exceeds the buyer capacity available,"
                " EUR 8,000.00",
                limit=AmountLimit(amount=800_000, currency="EUR"),
            )
        ],
        counter_offer=CounterOffer(
            message="Insurable with an invoice of at most EUR 10,000.00",
            max_invoice_amount=1_000_000,
            max_insured_amount=800_000,
            max_tenor_days=None,
        ),
    )
    atlas = _risk_decline(ids.ATLAS_PRODUCT, ids.ATLAS, 0.0912, 0.06)
    atlas = msgspec.structs.replace(atlas, product_version=3, cover_ratio=0.9)
    northwind = _risk_decline(ids.NORTHWIND_PRODUCT, ids.NORTHWIND, 0.0912, 0.03)
    return msgspec.structs.replace(
        quoted(), status="declined", risk=risky, offers=[], declines=[atlas, northwind, capacity]
    )


def examples() -> list[Example]:
    created = ("create_quote",)
    return [
        Example("quote_request", "An invoice, its buyer and the relationship", quote_create()),
        Example("quoted", "Offers from two products, one decline", quoted(), created),
        Example(
            "declined", "No product takes the risk: a result, not an error", declined(), created
        ),
        Example("quote", "A quote with its offers and declines", quoted()),
        Example("page", "One page of quotes", ListOf(data=[quoted()], has_more=False)),
    ]
