"""Covers: the insurance bound on one invoice, paid through a Stripe PaymentIntent."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal, get_args

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
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.db import JsonDocument
from marketplace.models.base import ID_LENGTH, Base, created_at_column, id_column

CoverStatus = Literal[
    "pending_payment",
    "active",
    "cancelling",
    "overdue",
    "settled",
    "claimed",
    "time_barred",
    "payment_failed",
    "expired",
    "cancelled",
]
COVER_STATUSES: tuple[str, ...] = get_args(CoverStatus)
IN_FORCE = ("pending_payment", "active", "cancelling", "overdue", "claimed")
"""The statuses in which a cover holds its invoice: at most one such cover per invoice. Only
these may hold exposure (``insured_outstanding_minor`` > 0)."""
INVOICE_IN_FORCE_INDEX = "uq_covers_invoice_in_force"


def _in_force_sql() -> str:
    return "status IN (" + ", ".join(f"'{status}'" for status in IN_FORCE) + ")"


class Cover(Base):
    """One bound offer. It holds exposure on the buyer while pending payment or active."""

    __tablename__ = "covers"
    __table_args__ = (
        CheckConstraint(f"status IN {COVER_STATUSES}", name="status"),
        CheckConstraint(
            "refunded_minor >= 0 AND refunded_minor <= premium_minor", name="refund_within_premium"
        ),
        CheckConstraint(
            "paid_minor >= 0 AND credited_minor >= 0"
            " AND paid_minor + credited_minor <= invoice_amount_minor",
            name="reports_within_invoice",
        ),
        CheckConstraint(
            "insured_outstanding_minor >= 0 AND insured_outstanding_minor <= insured_amount_minor",
            name="outstanding_within_insured",
        ),
        Index("ix_covers_next_check_at", "next_check_at"),
        Index("ix_covers_account_id_id", "account_id", "id"),
        Index("ix_covers_seller_id_id", "seller_id", "id"),
        Index("ix_covers_insurer_id_id", "insurer_id", "id"),
        Index("ix_covers_status_expires_at", "status", "expires_at"),
        Index("ix_covers_invoice_number_key", "invoice_number_key"),
        Index(
            INVOICE_IN_FORCE_INDEX,
            "livemode",
            "invoice_owner_id",
            "buyer_id",
            "invoice_number_key",
            unique=True,
            sqlite_where=text(_in_force_sql()),
            postgresql_where=text(_in_force_sql()),
        ),
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
    product_name: Mapped[str] = mapped_column(String(200))
    """The product's name on the offer bound."""
    insurer_name: Mapped[str] = mapped_column(String(200))
    """The insurer's name on the offer bound."""
    buyer_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("buyers.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    currency: Mapped[str] = mapped_column(String(3))
    invoice_number: Mapped[str] = mapped_column(String(100))
    invoice_owner_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    """Whose invoice it is: the seller (or, on a quote made before platforms had to name a seller,
    the platform that bound it)."""
    invoice_number_key: Mapped[str] = mapped_column(String(100))
    """``kit.normalise.invoice_number_key(invoice_number)``: what makes two covers insure the
    same invoice."""
    invoice_amount_minor: Mapped[int] = mapped_column(BigInteger)
    invoice_due_date: Mapped[date] = mapped_column(Date)
    cover_ratio: Mapped[float] = mapped_column(Float)
    insured_amount_minor: Mapped[int] = mapped_column(BigInteger)
    premium_minor: Mapped[int] = mapped_column(BigInteger)
    refunded_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    """Premium refunded so far (the refunds themselves are rows of ``refunds``)."""
    waiting_period_days: Mapped[int] = mapped_column(Integer)
    claim_threshold_days: Mapped[int] = mapped_column(Integer)
    overdue_declaration_days: Mapped[int] = mapped_column(Integer)
    """Days after the due date within which an unpaid invoice must be declared overdue."""
    amicable_collection_days: Mapped[int] = mapped_column(Integer)
    """Days of amicable collection on a claim before legal collection starts."""
    paid_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    """What the buyer paid of the invoice so far (before and after a claim opened)."""
    credited_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    """Credit notes issued on the invoice so far (they reduce what the buyer owes)."""
    insured_outstanding_minor: Mapped[int] = mapped_column(BigInteger)
    """The exposure this cover holds on its buyer: the cover ratio of what is still owed,
    capped by the insured amount, while the insurer may still have to pay; 0 otherwise. The
    buyer's exposure row is the sum of these."""
    declared_at: Mapped[datetime | None]
    """When the seller declared the invoice overdue (on the cover's clock)."""
    waiting_period_ends_on: Mapped[date | None] = mapped_column(Date)
    """Set by the declaration (declaration + waiting period), or by an insolvency claim."""
    indemnity_due_by: Mapped[date | None] = mapped_column(Date)
    """When the indemnity is due: 30 days after the waiting period, then after approval."""
    disputed_at: Mapped[datetime | None]
    """Since when the invoice is in commercial dispute (None: not disputed)."""
    claim_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), unique=True)
    clock_offset_days: Mapped[int] = mapped_column(Integer, default=0)
    """Test mode: how far the cover's clock runs ahead of real time (the test clock)."""
    next_check_at: Mapped[datetime | None]
    """When (real time) the next date-driven change of the cover or its claim falls due;
    None when no such change is ahead."""
    settled_at: Mapped[datetime | None]
    payment_intent_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    payment_status: Mapped[str | None] = mapped_column(String(40))
    payment_client_secret: Mapped[str | None] = mapped_column(String(255))
    payment_error_code: Mapped[str | None] = mapped_column(String(100))
    payment_checked_at: Mapped[datetime | None]
    """When the PaymentIntent was last read back from Stripe (reconciliation)."""
    payment_lease_until: Mapped[datetime | None]
    """Someone is talking to Stripe about this cover's payment until then (bind, cancel,
    lapse): others leave the payment alone. Taken by a committed conditional update."""
    certificate_number: Mapped[str | None] = mapped_column(String(40), unique=True)
    cover_starts_at: Mapped[datetime | None]
    cover_ends_on: Mapped[date | None] = mapped_column(Date)
    metadata_: Mapped[dict[str, str]] = mapped_column("metadata", JsonDocument)
    """The binder's own key-value pairs (``kit.metadata``), given at bind."""
    expires_at: Mapped[datetime]
    """While pending payment: when the cover lapses if the premium has not arrived (its
    offer's ``expires_at``)."""
    activated_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = created_at_column()
