"""Covers: the insurance bound on one invoice, paid through a Stripe PaymentIntent."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.models.base import ID_LENGTH, Base, created_at_column, id_column

COVER_STATUSES = (
    "pending_payment",
    "active",
    "settled",
    "claimed",
    "payment_failed",
    "expired",
    "cancelled",
)
HOLDS_EXPOSURE = ("pending_payment", "active")
"""The statuses whose insured amount counts in the buyer's exposure."""


class Cover(Base):
    """One bound offer. It holds exposure on the buyer while pending payment or active."""

    __tablename__ = "covers"
    __table_args__ = (
        CheckConstraint(f"status IN {COVER_STATUSES}", name="status"),
        CheckConstraint(
            "refunded_minor >= 0 AND refunded_minor <= premium_minor", name="refund_within_premium"
        ),
        Index("ix_covers_account_id_id", "account_id", "id"),
        Index("ix_covers_seller_id_id", "seller_id", "id"),
        Index("ix_covers_insurer_id_id", "insurer_id", "id"),
        Index("ix_covers_status_expires_at", "status", "expires_at"),
    )

    id: Mapped[str] = id_column()
    livemode: Mapped[bool] = mapped_column(Boolean)
    account_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("accounts.id"))
    seller_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), ForeignKey("accounts.id"))
    quote_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("quotes.id"), index=True)
    offer_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("offers.id"))
    product_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("products.id"))
    product_version: Mapped[int] = mapped_column(Integer)
    insurer_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("accounts.id"))
    buyer_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("buyers.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    currency: Mapped[str] = mapped_column(String(3))
    invoice_number: Mapped[str] = mapped_column(String(100))
    invoice_amount_minor: Mapped[int] = mapped_column(BigInteger)
    invoice_due_date: Mapped[date] = mapped_column(Date)
    cover_ratio: Mapped[float] = mapped_column(Float)
    insured_amount_minor: Mapped[int] = mapped_column(BigInteger)
    premium_minor: Mapped[int] = mapped_column(BigInteger)
    refunded_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    refund_due: Mapped[bool] = mapped_column(Boolean, default=False)
    """A premium was paid after the cover lapsed or failed: it goes back to the payer."""
    waiting_period_days: Mapped[int] = mapped_column(Integer)
    claim_threshold_days: Mapped[int] = mapped_column(Integer)
    payment_intent_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    payment_status: Mapped[str | None] = mapped_column(String(40))
    payment_client_secret: Mapped[str | None] = mapped_column(String(255))
    payment_error_code: Mapped[str | None] = mapped_column(String(100))
    payment_checked_at: Mapped[datetime | None]
    """When the PaymentIntent was last read back from Stripe (reconciliation)."""
    certificate_number: Mapped[str | None] = mapped_column(String(40), unique=True)
    cover_starts_at: Mapped[datetime | None]
    cover_ends_on: Mapped[date | None] = mapped_column(Date)
    expires_at: Mapped[datetime]
    """While pending payment: when the cover lapses if the premium has not arrived."""
    activated_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = created_at_column()
