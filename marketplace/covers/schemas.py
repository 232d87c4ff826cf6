"""Wire types of covers: the bind request and the cover with its payment."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

import msgspec

from marketplace.kit.ids import id_pattern
from marketplace.kit.reference import Currency
from marketplace.models.covers import Cover, CoverStatus


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
    """The last day a non-payment may be reported: due date + claim threshold."""
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
