"""Idempotency records: the first result of a POST, kept per account, mode and key."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.models.base import ID_LENGTH, Base

IDEMPOTENCY_KEY_MAX_LENGTH = 255


class IdempotencyRecord(Base):
    """While ``state`` is ``in_flight`` the key is taken; once ``completed`` it holds the reply."""

    __tablename__ = "idempotency_records"
    __table_args__ = (CheckConstraint("state IN ('in_flight', 'completed')", name="state"),)

    account_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    livemode: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    key: Mapped[str] = mapped_column(String(IDEMPOTENCY_KEY_MAX_LENGTH), primary_key=True)
    request_fingerprint: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))
    response_status: Mapped[int | None] = mapped_column(Integer, default=None)
    response_content_type: Mapped[str | None] = mapped_column(String(100), default=None)
    response_body: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    locked_at: Mapped[datetime]
    expires_at: Mapped[datetime] = mapped_column(index=True)
