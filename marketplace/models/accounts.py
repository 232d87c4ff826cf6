"""Accounts (tenants) and their API keys."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.models.base import ID_LENGTH, Base, created_at_column, id_column

ROLES = ("operator", "insurer", "platform", "seller")


class Account(Base):
    """A tenant. A seller may be connected to a platform (``platform_id``)."""

    __tablename__ = "accounts"
    __table_args__ = (
        CheckConstraint("role IN ('operator', 'insurer', 'platform', 'seller')", name="role"),
        CheckConstraint("platform_id IS NULL OR role = 'seller'", name="platform_only_for_sellers"),
    )

    id: Mapped[str] = id_column()
    role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    platform_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("accounts.id", ondelete="RESTRICT"), index=True
    )
    created_at: Mapped[datetime] = created_at_column()


class ApiKey(Base):
    """A secret key (``mk_test_…`` or ``mk_live_…``), stored only as its SHA-256 hash."""

    __tablename__ = "api_keys"
    __table_args__ = (Index("ix_api_keys_account_id_id", "account_id", "id"),)

    id: Mapped[str] = id_column()
    account_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("accounts.id", ondelete="CASCADE")
    )
    livemode: Mapped[bool] = mapped_column(Boolean)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    secret_last4: Mapped[str] = mapped_column(String(4))
    name: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = created_at_column()
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
