"""Verify a webhook from the marketplace before trusting it (Standard Webhooks 1.0).

Hand-written, not generated: ``make sdk`` copies this file from ``openapi/sdk_extras`` into
the generated package. Standard library only.

    from marketplace_sdk.webhooks import WebhookVerificationError, verify

    try:
        event = verify(raw_body, request_headers, "whsec_...")
    except WebhookVerificationError:
        return 400  # not from the marketplace, changed on the way, or replayed late

Pass the body exactly as received (bytes, before any JSON parsing). Deliveries are at least
once: the same event may arrive again (same ``event.id``, the ``webhook-id`` header), and
events about one object may arrive out of order: apply one only if its ``sequence`` is above
the last you applied for that object.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

__all__ = ["DEFAULT_TOLERANCE_S", "Event", "EventData", "WebhookVerificationError", "verify"]

DEFAULT_TOLERANCE_S = 300
SECRET_PREFIX = "whsec_"  # noqa: S105 - the prefix of a secret, not one
SIGNATURE_VERSION = "v1"


class WebhookVerificationError(Exception):
    """The webhook is not to be trusted: a header is missing or malformed, no signature
    matches the secret and body, or its timestamp is outside the tolerance."""


@dataclass(frozen=True)
class EventData:
    object: dict[str, Any]
    """The object after the change, as its GET shows it."""
    previous_attributes: dict[str, Any] | None
    """The earlier value of each field that changed; None when the object is new."""


@dataclass(frozen=True)
class Event:
    """A verified event."""

    id: str
    type: str
    created: datetime
    livemode: bool
    account: str
    sequence: int
    """Increases with each event about the same object (``data.object["id"]``)."""
    data: EventData
    object: str = "event"


def _key(secret: str) -> bytes:
    encoded = secret.removeprefix(SECRET_PREFIX)
    try:
        key = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
    except binascii.Error as error:
        raise ValueError("the webhook secret must be whsec_ followed by base64") from error
    if not key:
        raise ValueError("the webhook secret is empty")
    return key


def _header(headers: Mapping[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    raise WebhookVerificationError(f"the {name} header is missing")


def _timestamp_s(value: str) -> int:
    if not value.isascii() or not value.isdigit():
        raise WebhookVerificationError("the webhook-timestamp header is not unix seconds")
    return int(value)


def _signatures(value: str) -> list[bytes]:
    """The ``v1`` signatures of a ``webhook-signature`` header (others are ignored)."""
    found = []
    for item in value.split():
        version, comma, encoded = item.partition(",")
        if not comma or not version or not encoded:
            raise WebhookVerificationError("the webhook-signature header is malformed")
        if version != SIGNATURE_VERSION:
            continue
        try:
            found.append(base64.b64decode(encoded, validate=True))
        except binascii.Error as error:
            raise WebhookVerificationError("a webhook signature is not base64") from error
    if not found:
        raise WebhookVerificationError("the webhook-signature header has no v1 signature")
    return found


def _event(body: bytes) -> Event:
    try:
        payload = json.loads(body)
        data = payload["data"]
        return Event(
            id=str(payload["id"]),
            type=str(payload["type"]),
            created=datetime.fromisoformat(str(payload["created"]).replace("Z", "+00:00")),
            livemode=bool(payload["livemode"]),
            account=str(payload["account"]),
            sequence=int(payload["sequence"]),
            data=EventData(dict(data["object"]), data.get("previous_attributes")),
            object=str(payload.get("object", "event")),
        )
    except (ValueError, KeyError, TypeError) as error:
        raise WebhookVerificationError("the signed body is not an event") from error


def verify(
    body: bytes | str,
    headers: Mapping[str, str],
    secret: str,
    *,
    tolerance_s: int = DEFAULT_TOLERANCE_S,
    now_s: float | None = None,
) -> Event:
    """The event, once its signature is checked against ``secret`` (``whsec_…``, the
    endpoint's; during a rotation either secret verifies) and its timestamp is within
    ``tolerance_s`` of now; raises ``WebhookVerificationError`` otherwise."""
    raw = body.encode() if isinstance(body, str) else bytes(body)
    key = _key(secret)
    message_id = _header(headers, "webhook-id")
    timestamp = _header(headers, "webhook-timestamp")
    candidates = _signatures(_header(headers, "webhook-signature"))
    now = time.time() if now_s is None else now_s
    if abs(now - _timestamp_s(timestamp)) > tolerance_s:
        raise WebhookVerificationError("the webhook timestamp is outside the tolerance")
    signed = f"{message_id}.{timestamp}.".encode() + raw
    expected = hmac.new(key, signed, hashlib.sha256).digest()
    if not any(hmac.compare_digest(expected, candidate) for candidate in candidates):
        raise WebhookVerificationError("no signature matches this secret and body")
    return _event(raw)
