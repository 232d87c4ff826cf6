"""Wire types of covers: the bind request and the cover with its payment."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

import msgspec

from marketplace.covers import deadlines
from marketplace.kit.ids import id_pattern
from marketplace.kit.reference import Currency
from marketplace.models.covers import Cover, CoverStatus


def outstanding_minor(cover: Cover) -> int:
    """What the buyer still owes on the invoice."""
    return cover.invoice_amount_minor - cover.paid_minor - cover.credited_minor


class CoverCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Bind one offer of a quote. With ``payment_method`` the premium is charged at once;
    without it, the platform's front end confirms the PaymentIntent with ``client_secret``."""

    quote: Annotated[str, msgspec.Meta(pattern=id_pattern("quote"))]
    offer: Annotated[str, msgspec.Meta(pattern=id_pattern("offer"))]
    payment_method: (
        Annotated[str, msgspec.Meta(min_length=3, max_length=255, pattern=r"^pm_[A-Za-z0-9_]+$")]
        | None
    ) = None


class Payment(msgspec.Struct):
    provider: Literal["stripe"]
    payment_intent: str | None
    client_secret: str | None
    """For the payer's front end (Stripe.js) while the premium is unpaid; shown only to the
    platform or seller that bound the cover."""
    status: str | None
    """The PaymentIntent's status as last seen (``succeeded``, ``requires_payment_method``…),
    or ``unknown`` when Stripe did not answer the bind: send the same bind again to resume."""
    error_code: str | None
    refunded: int
    """Premium refunded so far, in minor units."""


class Deadlines(msgspec.Struct, kw_only=True):
    """The dates that decide whether a loss is paid, on the cover's clock (null: not yet
    known). A ``*.deadline_approaching`` event goes out 7 days before each."""

    overdue_declaration_by: date
    """Last day to declare the unpaid invoice overdue (``invoice.overdue``); a cover never
    declared by then ends ``time_barred``."""
    claimable_from: date
    """From this day a claim opens on a declared, still unpaid invoice."""
    waiting_period_ends_on: date | None
    """The claim is approved on this day (declaration + waiting period; an insolvency: the day
    the claim opened)."""
    indemnity_due_by: date | None
    """The insurer pays the indemnity by this day (30 days after approval)."""

    @classmethod
    def of(cls, cover: Cover) -> Deadlines:
        return cls(
            overdue_declaration_by=deadlines.overdue_declaration_by(cover),
            claimable_from=deadlines.claimable_from(cover),
            waiting_period_ends_on=cover.waiting_period_ends_on,
            indemnity_due_by=cover.indemnity_due_by,
        )


class Invoice(msgspec.Struct, kw_only=True):
    """What happened to the invoice since bind, as the platform or seller reported it (every
    amount in minor units of the cover's currency)."""

    paid: int
    """Paid by the buyer so far (recoveries included)."""
    credited: int
    """Credit notes issued so far."""
    outstanding: int
    """Still owed: the invoice amount less payments and credit notes."""
    declared_overdue_at: datetime | None
    """When the seller declared it overdue (on the cover's clock)."""
    disputed_since: datetime | None
    """Since when a commercial dispute holds it (null: not disputed)."""


class CoverOut(msgspec.Struct, kw_only=True):
    id: str
    status: CoverStatus
    livemode: bool
    quote: str
    offer: str
    product: str
    product_version: int
    insurer: str
    buyer: str
    seller: str | None
    currency: Currency
    invoice_number: str
    invoice_amount: int
    invoice_due_date: date
    cover_ratio: float
    insured_amount: int
    premium: int
    waiting_period_days: int
    claim_threshold_days: int
    certificate_number: str | None
    cover_starts_at: datetime | None
    cover_ends_on: date | None
    """The end of the cover period: due date + claim threshold (`deadlines.claimable_from`).
    An unpaid invoice must be declared overdue by `deadlines.overdue_declaration_by`."""
    overdue_declaration_days: int
    amicable_collection_days: int
    insured_outstanding: int
    """The exposure the cover holds on the buyer: the cover ratio of what is still owed,
    capped by the insured amount, while the insurer may still have to pay (0 otherwise)."""
    invoice: Invoice
    deadlines: Deadlines
    claim: str | None
    """The claim on this cover (clm_…), once one opened."""
    settled_at: datetime | None
    clock_advanced_days: int
    """Test mode: how many days the test clock moved this cover (and its claim) ahead."""
    payment: Payment
    expires_at: datetime | None
    """While pending payment: when the cover lapses if the premium has not arrived."""
    created_at: datetime
    object: Literal["cover"] = "cover"

    @classmethod
    def of(cls, cover: Cover, viewer_id: str) -> CoverOut:
        """The cover as ``viewer_id`` sees it: only its binder sees the ``client_secret``."""
        payer = viewer_id in (cover.account_id, cover.seller_id)
        return cls(
            id=cover.id,
            status=cover.status,  # type: ignore[arg-type]
            livemode=cover.livemode,
            quote=cover.quote_id,
            offer=cover.offer_id,
            product=cover.product_id,
            product_version=cover.product_version,
            insurer=cover.insurer_id,
            buyer=cover.buyer_id,
            seller=cover.seller_id,
            currency=Currency(cover.currency),
            invoice_number=cover.invoice_number,
            invoice_amount=cover.invoice_amount_minor,
            invoice_due_date=cover.invoice_due_date,
            cover_ratio=cover.cover_ratio,
            insured_amount=cover.insured_amount_minor,
            premium=cover.premium_minor,
            waiting_period_days=cover.waiting_period_days,
            claim_threshold_days=cover.claim_threshold_days,
            certificate_number=cover.certificate_number,
            cover_starts_at=cover.cover_starts_at,
            cover_ends_on=cover.cover_ends_on,
            overdue_declaration_days=cover.overdue_declaration_days,
            amicable_collection_days=cover.amicable_collection_days,
            insured_outstanding=cover.insured_outstanding_minor,
            invoice=Invoice(
                paid=cover.paid_minor,
                credited=cover.credited_minor,
                outstanding=outstanding_minor(cover),
                declared_overdue_at=cover.declared_at,
                disputed_since=cover.disputed_at,
            ),
            deadlines=Deadlines.of(cover),
            claim=cover.claim_id,
            settled_at=cover.settled_at,
            clock_advanced_days=cover.clock_offset_days,
            payment=Payment(
                provider="stripe",
                payment_intent=cover.payment_intent_id,
                client_secret=cover.payment_client_secret
                if cover.status == "pending_payment" and payer
                else None,
                status=cover.payment_status,
                error_code=cover.payment_error_code,
                refunded=cover.refunded_minor,
            ),
            expires_at=cover.expires_at if cover.status == "pending_payment" else None,
            created_at=cover.created_at,
        )
