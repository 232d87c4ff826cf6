"""The Stripe inbox: each Stripe event we acted on, stored once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.models.base import Base

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
