"""Events out: the record of every change (the outbox), the endpoints that receive them, and
each delivery with its attempts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.db import JsonDocument
from marketplace.models.base import ID_LENGTH, Base, created_at_column, id_column

EVENT_TYPE_LENGTH = 100
ENDPOINT_STATUSES = ("enabled", "disabled")
DELIVERY_STATUSES = ("pending", "succeeded", "failed")


class Event(Base):
    """An immutable record of one change, written in the transaction that made the change.

    ``account_id``, ``seller_id`` and ``insurer_id`` say who may see it: the account the object
    belongs to, the seller it was made for (and so that seller's platform), the insurer whose
    product it is. ``sequence`` increases per object (``object_id``), in the order the changes
    were committed. ``data`` is ``{"object": …, "previous_attributes": …}`` as delivered.
    ``fanned_out_at``: when the worker made its deliveries (null: not yet).
    """

    __tablename__ = "events"
    __table_args__ = (
        UniqueConstraint("object_id", "sequence"),
        Index("ix_events_account_id_id", "account_id", "id"),
        Index("ix_events_seller_id_id", "seller_id", "id"),
        Index("ix_events_insurer_id_id", "insurer_id", "id"),
        Index("ix_events_unfanned", "fanned_out_at", "id"),
        Index("ix_events_created_at", "created_at"),
    )

    id: Mapped[str] = id_column()
    livemode: Mapped[bool] = mapped_column(Boolean)
    type: Mapped[str] = mapped_column(String(EVENT_TYPE_LENGTH))
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    sequence: Mapped[int] = mapped_column(BigInteger)
    account_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("accounts.id"))
    seller_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), ForeignKey("accounts.id"))
    insurer_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), ForeignKey("accounts.id"))
    data: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    fanned_out_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = created_at_column()


class ObjectSequence(Base):
    """The last event ``sequence`` of each object that has events."""

    __tablename__ = "object_sequences"

    object_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    last: Mapped[int] = mapped_column(BigInteger)


class WebhookEndpoint(Base):
    """An integrator's URL, the event types it wants and its signing secret.

    ``secret`` signs every delivery; after a rotation ``previous_secret`` signs too until
    ``previous_secret_expires_at``. ``failing_since``: the first failed attempt of an unbroken
    run of failures (cleared by a success); an endpoint failing for 5 days is disabled.
    """

    __tablename__ = "webhook_endpoints"
    __table_args__ = (
        CheckConstraint(f"status IN {ENDPOINT_STATUSES}", name="status"),
        Index("ix_webhook_endpoints_account_id_id", "account_id", "id"),
    )

    id: Mapped[str] = id_column()
    livemode: Mapped[bool] = mapped_column(Boolean)
    account_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("accounts.id"))
    url: Mapped[str] = mapped_column(String(2048))
    enabled_events: Mapped[list[str]] = mapped_column(JsonDocument)
    description: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(16))
    disabled_reason: Mapped[str | None] = mapped_column(String(100))
    secret: Mapped[str] = mapped_column(String(100))
    previous_secret: Mapped[str | None] = mapped_column(String(100))
    previous_secret_expires_at: Mapped[datetime | None]
    failing_since: Mapped[datetime | None]
    deleted_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = created_at_column()


class WebhookDelivery(Base):
    """One event to one endpoint: ``pending`` until an attempt succeeds (``succeeded``) or the
    retries run out, the endpoint answers 410 or is disabled (``failed``). Only the holder of
    ``lease_until`` sends it, so no two workers send one delivery at the same time."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        CheckConstraint(f"status IN {DELIVERY_STATUSES}", name="status"),
        UniqueConstraint("event_id", "endpoint_id"),
        Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
        Index("ix_webhook_deliveries_endpoint_id", "endpoint_id"),
    )

    id: Mapped[str] = id_column()
    event_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("events.id"))
    endpoint_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("webhook_endpoints.id"))
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    lease_until: Mapped[datetime | None]
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = created_at_column()


class WebhookAttempt(Base):
    """One try at a delivery: what the endpoint answered (or why nothing came back)."""

    __tablename__ = "webhook_attempts"
    __table_args__ = (Index("ix_webhook_attempts_delivery_id", "delivery_id", "id"),)

    id: Mapped[str] = id_column()
    delivery_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("webhook_deliveries.id"))
    event_id: Mapped[str] = mapped_column(String(ID_LENGTH), index=True)
    endpoint_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    status_code: Mapped[int | None] = mapped_column(Integer)
    duration_ms: Mapped[int] = mapped_column(Integer)
    response_body: Mapped[str | None] = mapped_column(Text)
    """The first 1 KiB of the answer."""
    error: Mapped[str | None] = mapped_column(String(200))
    """Why there was no answer (``timeout``, ``connect_error``, ``blocked_address``…)."""
    created_at: Mapped[datetime] = created_at_column()
