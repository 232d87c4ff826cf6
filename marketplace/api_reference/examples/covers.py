"""Examples of covers: a bind, the cover pending payment, active, overdue and cancelled."""

from __future__ import annotations

from datetime import UTC, date, datetime

import msgspec

from marketplace.api_reference.examples import ids, quotes
from marketplace.api_reference.examples.example import Example
from marketplace.covers.schemas import CoverCreate, CoverOut, Deadlines, Invoice, Payment
from marketplace.kit.pagination import ListOf
from marketplace.kit.reference import Currency

BOUND_AT = datetime(2026, 11, 25, 9, 31, 5, tzinfo=UTC)
ACTIVATED_AT = datetime(2026, 11, 25, 9, 31, 7, tzinfo=UTC)
CANCELLED_AT = datetime(2026, 11, 30, 14, 2, 51, tzinfo=UTC)
DECLARED_AT = datetime(2027, 1, 26, 8, 0, 0, tzinfo=UTC)
METADATA = {"order_id": "ord_8842"}


def _deadlines() -> Deadlines:
    return Deadlines(
        overdue_declaration_by=date(2027, 2, 23),
        claimable_from=date(2027, 3, 25),
        waiting_period_ends_on=None,
        indemnity_due_by=None,
    )


def _invoice(declared_at: datetime | None = None) -> Invoice:
    return Invoice(
        paid=0,
        credited=0,
        outstanding=1_250_000,
        declared_overdue_at=declared_at,
        disputed_since=None,
    )


def active() -> CoverOut:
    """Atlas's offer bound and paid: 1,125,000 cents of a 1,250,000 EUR-cent invoice insured."""
    offer = quotes.atlas_offer()
    return CoverOut(
        id=ids.COVER,
        status="active",
        livemode=False,
        quote=ids.QUOTE,
        offer=offer.id,
        product=offer.product,
        product_name=offer.product_name,
        product_version=offer.product_version,
        insurer=offer.insurer,
        insurer_name=offer.insurer_name,
        buyer=ids.BUYER,
        seller=ids.SELLER,
        currency=Currency("EUR"),
        invoice_number="F-2026-0042",
        invoice_amount=1_250_000,
        invoice_due_date=date(2027, 1, 24),
        cover_ratio=offer.cover_ratio,
        insured_amount=offer.insured_amount,
        premium=offer.premium,
        waiting_period_days=offer.waiting_period_days,
        claim_threshold_days=offer.claim_threshold_days,
        certificate_number="MKC-01KSPCNMF3H537B76YCTXCZCYG",
        cover_starts_at=ACTIVATED_AT,
        cover_ends_on=date(2027, 3, 25),
        overdue_declaration_days=offer.overdue_declaration_days,
        amicable_collection_days=offer.amicable_collection_days,
        insured_outstanding=1_125_000,
        invoice=_invoice(),
        deadlines=_deadlines(),
        claim=None,
        settled_at=None,
        clock_advanced_days=0,
        payment=Payment(
            provider="stripe",
            payment_intent=ids.PAYMENT_INTENT,
            client_secret=None,
            status="succeeded",
            error_code=None,
            refunded=0,
        ),
        expires_at=None,
        metadata=METADATA,
        created_at=BOUND_AT,
    )


def pending() -> CoverOut:
    """Bound without a payment method: Stripe.js confirms the premium with the client secret."""
    waiting = Payment(
        provider="stripe",
        payment_intent=ids.PAYMENT_INTENT,
        client_secret=ids.CLIENT_SECRET,
        status="requires_payment_method",
        error_code=None,
        refunded=0,
    )
    return msgspec.structs.replace(
        active(),
        status="pending_payment",
        certificate_number=None,
        cover_starts_at=None,
        cover_ends_on=None,
        payment=waiting,
        expires_at=quotes.EXPIRES_AT,
    )


def cancelled() -> CoverOut:
    """Cancelled 5 days after activation: the premium refunded in full, the exposure released."""
    cover = active()
    refunded = msgspec.structs.replace(cover.payment, refunded=cover.premium)
    return msgspec.structs.replace(
        cover, status="cancelled", insured_outstanding=0, payment=refunded
    )


def overdue() -> CoverOut:
    """The invoice unpaid past its due date, declared overdue: a claim opens on 2027-03-25."""
    return msgspec.structs.replace(
        active(),
        status="overdue",
        invoice=_invoice(DECLARED_AT),
        deadlines=msgspec.structs.replace(_deadlines(), waiting_period_ends_on=date(2027, 6, 25)),
        clock_advanced_days=63,
    )


def examples() -> list[Example]:
    return [
        Example(
            "pay_now",
            "Bind and charge the premium at once",
            CoverCreate(
                quote=ids.QUOTE,
                offer=ids.ATLAS_OFFER,
                payment_method="pm_card_visa",
                metadata=METADATA,
            ),
        ),
        Example(
            "pay_in_checkout",
            "Bind; the payer confirms the premium with Stripe.js",
            CoverCreate(quote=ids.QUOTE, offer=ids.ATLAS_OFFER),
        ),
        Example("active", "Paid at once: the cover is in force", active(), ("create_cover",)),
        Example(
            "pending_payment",
            "Waiting for the premium: `client_secret` for Stripe.js",
            pending(),
            ("create_cover",),
        ),
        Example("cancelled", "Cancelled and refunded", cancelled(), ("cancel_cover",)),
        Example(
            "overdue",
            "63 days later on the test clock, declared overdue",
            overdue(),
            ("advance_cover_clock",),
        ),
        Example("cover", "A cover in force", active()),
        Example("page", "One page of covers", ListOf(data=[active()], has_more=False)),
    ]
