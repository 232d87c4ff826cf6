"""Buyers (the debtors): one shared identity, each account's own facts, exposure per product."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
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
