"""Insurer products and their immutable versions (quotes keep the version they used)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.db import JsonDocument
from marketplace.models.base import ID_LENGTH, Base, created_at_column, id_column


class Product(Base):
    """An insurer's product; ``version`` points at the terms in force."""

    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'paused')", name="status"),
        Index("ix_products_insurer_id_id", "insurer_id", "id"),
        Index("ix_products_livemode_status", "livemode", "status"),
    )

    id: Mapped[str] = id_column()
    insurer_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("accounts.id", ondelete="RESTRICT")
    )
    livemode: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = created_at_column()


class ProductVersion(Base):
    """The terms of one version of a product, never changed once written."""

    __tablename__ = "product_versions"

    product_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("products.id", ondelete="RESTRICT"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    terms: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    created_at: Mapped[datetime] = created_at_column()
