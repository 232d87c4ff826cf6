"""Claims (non-payment on a cover), the indemnity payouts recorded on them, the invoice reports
that drive covers and claims, and the deadline notices already sent."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal, get_args

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.models.base import ID_LENGTH, Base, created_at_column, id_column

ClaimStatus = Literal[
    "open",
    "collection_amicable",
    "collection_legal",
    "on_hold",
    "approved",
    "paid",
    "recovered",
    "rejected",
    "withdrawn",
]
CLAIM_STATUSES: tuple[str, ...] = get_args(ClaimStatus)
ClaimCause = Literal["protracted_default", "insolvency"]
CLAIM_CAUSES: tuple[str, ...] = get_args(ClaimCause)
RejectionCode = Literal["dispute", "exclusion", "late_declaration", "fraud"]
REJECTION_CODES: tuple[str, ...] = get_args(RejectionCode)
InvoiceEventType = Literal[
    "invoice.paid",
    "invoice.overdue",
    "invoice.disputed",
    "invoice.dispute_resolved",
    "invoice.credit_note",
]
INVOICE_EVENT_TYPES: tuple[str, ...] = get_args(InvoiceEventType)


class Claim(Base):
    """A claim on one cover (at most one per cover). Dates are on the cover's clock."""

    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint(f"status IN {CLAIM_STATUSES}", name="status"),
        CheckConstraint(f"cause IN {CLAIM_CAUSES}", name="cause"),
        CheckConstraint(
            "paid_minor >= 0 AND (indemnity_minor IS NULL OR paid_minor <= indemnity_minor)",
            name="payouts_within_indemnity",
        ),
        Index("ix_claims_account_id_id", "account_id", "id"),
        Index("ix_claims_seller_id_id", "seller_id", "id"),
        Index("ix_claims_insurer_id_id", "insurer_id", "id"),
    )

    id: Mapped[str] = id_column()
    livemode: Mapped[bool] = mapped_column(Boolean)
    cover_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("covers.id"), unique=True)
    account_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("accounts.id"))
    seller_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), ForeignKey("accounts.id"))
    insurer_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("accounts.id"))
    product_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("products.id"))
    buyer_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("buyers.id"), index=True)
    status: Mapped[str] = mapped_column(String(24))
    cause: Mapped[str] = mapped_column(String(24))
    currency: Mapped[str] = mapped_column(String(3))
    held_from: Mapped[str | None] = mapped_column(String(24))
    """While ``on_hold``: the status the claim goes back to when the hold ends."""
    hold_reason: Mapped[str | None] = mapped_column(String(24))
    """``dispute`` (the invoice is disputed) or ``insurer`` (the insurer held it)."""
    opened_on: Mapped[date] = mapped_column(Date)
    overdue_declaration_by: Mapped[date] = mapped_column(Date)
    claimable_from: Mapped[date] = mapped_column(Date)
    collection_from: Mapped[date | None] = mapped_column(Date)
    legal_collection_from: Mapped[date | None] = mapped_column(Date)
    waiting_period_ends_on: Mapped[date] = mapped_column(Date)
    approved_on: Mapped[date | None] = mapped_column(Date)
    indemnity_due_by: Mapped[date] = mapped_column(Date)
    outstanding_at_declaration_minor: Mapped[int] = mapped_column(BigInteger)
    recovered_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    """Paid by the buyer since the declaration (or, an insolvency, since the claim opened)."""
    recovered_before_approval_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    credited_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    """Credit notes issued since the declaration."""
    insurer_recovered_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    """The insurer's share of the recoveries made after approval (by the cover ratio)."""
    seller_recovered_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    indemnity_minor: Mapped[int | None] = mapped_column(BigInteger)
    paid_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    """Indemnity paid so far (the sum of the payouts the insurer recorded)."""
    rejection_code: Mapped[str | None] = mapped_column(String(24))
    rejection_reason: Mapped[str | None] = mapped_column(String(500))
    closed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = created_at_column()


class ClaimPayout(Base):
    """An indemnity payment the insurer made to the seller, recorded on the claim."""

    __tablename__ = "claim_payouts"
    __table_args__ = (
        UniqueConstraint("claim_id", "reference"),
        CheckConstraint("amount_minor > 0", name="positive"),
    )

    id: Mapped[str] = id_column()
    livemode: Mapped[bool] = mapped_column(Boolean)
    claim_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("claims.id"), index=True)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    reference: Mapped[str] = mapped_column(String(100))
    paid_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = created_at_column()


class InvoiceReport(Base):
    """What the platform or seller reported about a covered invoice, and what it did."""

    __tablename__ = "invoice_events"
    __table_args__ = (
        CheckConstraint(f"type IN {INVOICE_EVENT_TYPES}", name="type"),
        Index("ix_invoice_events_cover_id_id", "cover_id", "id"),
    )

    id: Mapped[str] = id_column()
    livemode: Mapped[bool] = mapped_column(Boolean)
    cover_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("covers.id"))
    claim_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), ForeignKey("claims.id"))
    reported_by: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("accounts.id"))
    type: Mapped[str] = mapped_column(String(32))
    amount_minor: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    occurred_at: Mapped[datetime]
    recorded_on: Mapped[date] = mapped_column(Date)
    """The date on the cover's clock when it was reported."""
    recovery: Mapped[bool] = mapped_column(Boolean, default=False)
    """A payment made after the claim opened."""
    insurer_share_minor: Mapped[int | None] = mapped_column(BigInteger)
    seller_share_minor: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = created_at_column()


class DeadlineNotice(Base):
    """A ``*.deadline_approaching`` event already emitted: one per object, deadline and date."""

    __tablename__ = "deadline_notices"

    object_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    deadline: Mapped[str] = mapped_column(String(40), primary_key=True)
    due_on: Mapped[date] = mapped_column(Date, primary_key=True)
    created_at: Mapped[datetime] = created_at_column()
