"""Buyers (the debtors) and their exposure per product."""

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

    Its features are what the quotes about it said last; its score is the latest one.
    """

    __tablename__ = "buyers"
    __table_args__ = (UniqueConstraint("livemode", "country", "registration_number"),)

    id: Mapped[str] = id_column()
    livemode: Mapped[bool] = mapped_column(Boolean)
    country: Mapped[str] = mapped_column(String(2))
    registration_number: Mapped[str] = mapped_column(String(64))
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

    Reserved at bind with a conditional update so it never passes the product's capacity.
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
