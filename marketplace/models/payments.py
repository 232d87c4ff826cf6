"""Stripe's side of the money: the inbox of Stripe events, and the refunds we owe."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.models.base import ID_LENGTH, Base, created_at_column, id_column

STRIPE_ID_LENGTH = 255
"""Stripe documents its ids as strings of up to 255 characters."""


class StripeEvent(Base):
    """A Stripe event whose handler ran. The row is written in the same transaction as the
    handler's changes, so an event id present here was acted on exactly once. The payload is
    not kept (a PaymentIntent carries its ``client_secret``)."""

    __tablename__ = "stripe_events"

    id: Mapped[str] = mapped_column(String(STRIPE_ID_LENGTH), primary_key=True)
    type: Mapped[str] = mapped_column(String(100))
    livemode: Mapped[bool] = mapped_column(Boolean)
    api_version: Mapped[str | None] = mapped_column(String(40))
    object_id: Mapped[str | None] = mapped_column(String(STRIPE_ID_LENGTH), index=True)
    """The id of the object the event is about (``pi_…``, ``ch_…``)."""
    created: Mapped[datetime]
    """When Stripe created the event."""
    received_at: Mapped[datetime]
    outcome: Mapped[str | None] = mapped_column(String(20))
    """What became of it: ``processed``, ``recorded`` (no handler), or why it was not acted on
    (``malformed``, ``unknown_object``, ``other_mode``)."""


REFUND_STATUSES = ("pending", "succeeded", "not_needed", "failed")
REFUND_PURPOSES = ("cover_cancelled", "premium_without_cover", "payment_mismatch", "stray_payment")


class Refund(Base):
    """Money we decided to give back, written and committed before Stripe is asked.

    ``pending`` until Stripe accepts it (``succeeded``, with Stripe's refund id and the amount
    refunded: never more than the charge still held), refuses it (``failed``), or it turns out
    the money was already given back elsewhere (``not_needed``). One refund per PaymentIntent
    and purpose, and only the holder of the lease (``lease_until``, taken by a committed
    conditional update) talks to Stripe about it, so races, retries and lost answers never
    refund twice. Purposes: ``cover_cancelled`` (the
    cancellation refund), ``premium_without_cover`` (paid after the cover failed, lapsed or was
    cancelled), ``payment_mismatch`` (the cover's PaymentIntent was paid another amount or
    currency), ``stray_payment`` (a PaymentIntent that names a cover but is not its payment).
    """

    __tablename__ = "refunds"
    __table_args__ = (
        CheckConstraint(f"status IN {REFUND_STATUSES}", name="status"),
        CheckConstraint(f"purpose IN {REFUND_PURPOSES}", name="purpose"),
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        UniqueConstraint("payment_intent_id", "purpose"),
        Index("ix_refunds_status_lease_until", "status", "lease_until"),
    )

    id: Mapped[str] = id_column()
    livemode: Mapped[bool] = mapped_column(Boolean)
    payment_intent_id: Mapped[str] = mapped_column(String(STRIPE_ID_LENGTH))
    cover_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("covers.id"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(40))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_until: Mapped[datetime | None]
    stripe_refund_id: Mapped[str | None] = mapped_column(String(STRIPE_ID_LENGTH), unique=True)
    stripe_status: Mapped[str | None] = mapped_column(String(40))
    failure_code: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = created_at_column()
