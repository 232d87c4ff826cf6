"""Wire types of events and webhook endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import msgspec

from marketplace.models.events import Event, WebhookEndpoint


class EventData(msgspec.Struct):
    object: dict[str, Any]
    """The object after the change, exactly as its GET shows it (a cover's ``client_secret``
    is never in an event)."""
    previous_attributes: dict[str, Any] | None
    """The earlier value of each field that changed (inside a nested object, of each of its
    changed fields); null when the object is new."""


class EventOut(msgspec.Struct, kw_only=True):
    """One change, as listed, read and delivered to webhook endpoints (the delivered body)."""

    id: str
    type: str
    created: datetime
    livemode: bool
    account: str
    """The account the object belongs to."""
    sequence: int
    """Increases by one with each event about the same object, in the order the changes were
    made: an event whose sequence is not above the last one you applied is stale."""
    data: EventData
    object: Literal["event"] = "event"

    @classmethod
    def of(cls, event: Event) -> EventOut:
        return cls(
            id=event.id,
            type=event.type,
            created=event.created_at,
            livemode=event.livemode,
            account=event.account_id,
            sequence=event.sequence,
            data=EventData(
                object=event.data["object"], previous_attributes=event.data["previous_attributes"]
            ),
        )


class WebhookEndpointOut(msgspec.Struct, kw_only=True):
    """An endpoint as listed and read; ``secret`` only in the answer that created it (or
    rotated it)."""

    id: str
    livemode: bool
    account: str
    url: str
    enabled_events: list[str]
    description: str | None
    status: Literal["enabled", "disabled"]
    disabled_reason: str | None
    """Why it was disabled: ``endpoint_gone`` (it answered 410), ``failing`` (it failed for
    5 days), ``by_request``."""
    created_at: datetime
    updated_at: datetime
    secret: str | None = None
    object: Literal["webhook_endpoint"] = "webhook_endpoint"

    @classmethod
    def of(cls, endpoint: WebhookEndpoint, *, secret: str | None = None) -> WebhookEndpointOut:
        return cls(
            id=endpoint.id,
            livemode=endpoint.livemode,
            account=endpoint.account_id,
            url=endpoint.url,
            enabled_events=list(endpoint.enabled_events),
            description=endpoint.description,
            status=endpoint.status,  # type: ignore[arg-type]
            disabled_reason=endpoint.disabled_reason,
            created_at=endpoint.created_at,
            updated_at=endpoint.updated_at,
            secret=secret,
        )
