"""Buyers (the debtors): one shared identity, each account's own facts, exposure per product."""

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
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.models.base import ID_LENGTH, Base, created_at_column, id_column


class Buyer(Base):
    """A company that owes invoices, keyed by (mode, country, registration number).

    Only the identity is shared between tenants; what each account says of the buyer is its
    own ``BuyerFactSet``.
    """

    __tablename__ = "buyers"
    __table_args__ = (UniqueConstraint("livemode", "country", "registration_number"),)

    id: Mapped[str] = id_column()
    livemode: Mapped[bool] = mapped_column(Boolean)
    country: Mapped[str] = mapped_column(String(2))
    registration_number: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="normal")
    """Marketplace-wide monitoring status: ``normal``, ``watch``, ``stop`` or ``insolvent``
    (set by insurers' and the operator's signals)."""
    status_changed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = created_at_column()


class BuyerFactSet(Base):
    """What one account has told the marketplace about a buyer, and its latest score on it.

    Its quotes merge into it (a fact a later quote omits is kept) and are scored on it; no
    other tenant reads it or is scored on it.
    """

    __tablename__ = "buyer_facts"

    buyer_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("buyers.id", ondelete="CASCADE"), primary_key=True
    )
    account_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str | None] = mapped_column(String(200))
    sector: Mapped[str | None] = mapped_column(String(1))
    years_in_business: Mapped[float | None] = mapped_column(Float)
    employees: Mapped[int | None] = mapped_column(Integer)
    annual_revenue_minor: Mapped[int | None] = mapped_column(BigInteger)
    annual_revenue_currency: Mapped[str | None] = mapped_column(String(3))
    payment_incidents_12m: Mapped[int | None] = mapped_column(Integer)
    avg_days_beyond_terms: Mapped[float | None] = mapped_column(Float)
    bureau_score: Mapped[int | None] = mapped_column(Integer)
    bureau_score_given_at: Mapped[datetime | None]
    """When the account gave the bureau score it holds now (restating the same score keeps the
    date): a marketplace bureau score signal effective on or after that day takes precedence."""
    probability_of_default: Mapped[float | None] = mapped_column(Float)
    grade: Mapped[str | None] = mapped_column(String(2))
    model_version: Mapped[str | None] = mapped_column(String(64))
    scored_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = created_at_column()


class BuyerExposure(Base):
    """The insured amounts a product holds on a buyer (pending and active covers), per currency.

    Marketplace-wide, whoever bound the covers: reserved at bind with a conditional update so
    it never passes the product's capacity.
    """

    __tablename__ = "buyer_exposures"
    __table_args__ = (CheckConstraint("exposure_minor >= 0", name="not_negative"),)

    buyer_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("buyers.id", ondelete="RESTRICT"), primary_key=True
    )
    product_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("products.id", ondelete="RESTRICT"), primary_key=True
    )
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    exposure_minor: Mapped[int] = mapped_column(BigInteger, default=0)


class BuyerSignal(Base):
    """Something an insurer or the operator learnt about a buyer (an insolvency filing, a
    payment default, a rating change, a bureau score), shared marketplace-wide."""

    __tablename__ = "buyer_signals"
    __table_args__ = (Index("ix_buyer_signals_buyer_id_id", "buyer_id", "id"),)

    id: Mapped[str] = id_column()
    livemode: Mapped[bool] = mapped_column(Boolean)
    buyer_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("buyers.id"))
    account_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("accounts.id"))
    type: Mapped[str] = mapped_column(String(32))
    effective_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(200))
    bureau_score: Mapped[int | None] = mapped_column(Integer)
    status_before: Mapped[str] = mapped_column(String(16))
    status_after: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = created_at_column()


class BuyerLimit(Base):
    """An insurer's own limit on one buyer under one of its products, in one currency: the
    product never insures more than this on the buyer (0: no new cover)."""

    __tablename__ = "buyer_limits"
    __table_args__ = (CheckConstraint("amount_minor >= 0", name="not_negative"),)

    buyer_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("buyers.id"), primary_key=True
    )
    product_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("products.id"), primary_key=True
    )
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    account_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("accounts.id"))
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = created_at_column()
