"""Quotes and their offers: everything needed to reproduce and audit a price."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

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

from marketplace.db import JsonDocument
from marketplace.models.base import ID_LENGTH, Base, created_at_column, id_column


class Quote(Base):
    """One invoice, the buyer snapshot, the model's view and the outcome per product.

    ``status`` is stored as ``quoted``, ``declined`` or ``bound``; a quote past ``expires_at``
    reads as ``expired``.
    """

    __tablename__ = "quotes"
    __table_args__ = (
        CheckConstraint("status IN ('quoted', 'declined', 'bound')", name="status"),
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        CheckConstraint("due_date > issue_date", name="due_after_issue"),
        Index("ix_quotes_account_id_id", "account_id", "id"),
        Index("ix_quotes_seller_id_id", "seller_id", "id"),
        Index("ix_quotes_buyer_id_account_id", "buyer_id", "account_id"),
        Index("ix_quotes_invoice_number_key", "invoice_number_key"),
    )

    id: Mapped[str] = id_column()
    livemode: Mapped[bool] = mapped_column(Boolean)
    account_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("accounts.id"))
    seller_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), ForeignKey("accounts.id"))
    buyer_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("buyers.id"))
    status: Mapped[str] = mapped_column(String(16))
    invoice_number: Mapped[str] = mapped_column(String(100))
    invoice_number_key: Mapped[str] = mapped_column(String(100))
    """``kit.normalise.invoice_number_key(invoice_number)``: what the ``invoice_number`` filter
    of the quotes list compares."""
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    issue_date: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    request: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    """The buyer, relationship and cover ratios exactly as the quote request gave them."""
    model_version: Mapped[str] = mapped_column(String(64))
    features: Mapped[list[float | None]] = mapped_column(JsonDocument)
    """The feature vector the model scored, in the model's feature order."""
    probability_of_default: Mapped[float] = mapped_column(Float)
    grade: Mapped[str] = mapped_column(String(2))
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JsonDocument)
    declines: Mapped[list[dict[str, Any]]] = mapped_column(JsonDocument)
    metadata_: Mapped[dict[str, str]] = mapped_column("metadata", JsonDocument)
    """The caller's own key-value pairs (``kit.metadata``)."""
    expires_at: Mapped[datetime]
    """The latest of its offers' ``expires_at`` (a quote without offers: the longest validity
    of the products in force)."""
    created_at: Mapped[datetime] = created_at_column()


class Offer(Base):
    """One product's priced terms inside a quote, with the product version that priced it."""

    __tablename__ = "offers"
    __table_args__ = (Index("ix_offers_quote_id_rank", "quote_id", "rank"),)

    id: Mapped[str] = id_column()
    quote_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("quotes.id", ondelete="CASCADE")
    )
    rank: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("products.id"))
    product_version: Mapped[int] = mapped_column(Integer)
    insurer_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("accounts.id"))
    insurer_name: Mapped[str] = mapped_column(String(200))
    """The insurer account's name when the offer was made (a quote records what was shown)."""
    product_name: Mapped[str] = mapped_column(String(200))
    """The product's name in the version that priced the offer."""
    cover_ratio: Mapped[float] = mapped_column(Float)
    insured_amount_minor: Mapped[int] = mapped_column(BigInteger)
    premium_minor: Mapped[int] = mapped_column(BigInteger)
    premium_rate_bps: Mapped[int] = mapped_column(Integer)
    waiting_period_days: Mapped[int] = mapped_column(Integer)
    claim_threshold_days: Mapped[int] = mapped_column(Integer)
    overdue_declaration_days: Mapped[int] = mapped_column(Integer)
    amicable_collection_days: Mapped[int] = mapped_column(Integer)
    pricing: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    """The premium's breakdown (expected loss, loadings, fee), in minor units."""
    expires_at: Mapped[datetime]
    """Until when the offer may be bound: the quote's time + its product's
    ``quote_validity_minutes``."""
