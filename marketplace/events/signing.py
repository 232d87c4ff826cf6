"""Standard Webhooks 1.0 signatures on every delivery, so any Standard Webhooks library (or
``marketplace_sdk.webhooks.verify``) checks them.

Each request carries ``webhook-id`` (the event id: the same on every retry, the receiver's
deduplication key), ``webhook-timestamp`` (unix seconds of this attempt) and
``webhook-signature``: ``v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`` keyed with the
base64-decoded secret (``whsec_`` prefix removed). During a secret rotation the previous secret
signs too, until it expires: two space-separated signatures, either of which verifies.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
from collections.abc import Sequence
from datetime import datetime

SECRET_PREFIX = "whsec_"  # noqa: S105 - the prefix, not a secret
SIGNATURE_VERSION = "v1"
ID_HEADER = "webhook-id"
TIMESTAMP_HEADER = "webhook-timestamp"
SIGNATURE_HEADER = "webhook-signature"


@functools.lru_cache(maxsize=4096)
def secret_key(secret: str) -> bytes:
    """The HMAC key of a ``whsec_…`` secret (its base64 part, decoded)."""
    encoded = secret.removeprefix(SECRET_PREFIX)
    try:
        # Decoded as the reference library decodes it (padding optional), so both agree.
        key = base64.b64decode(encoded + "==")
    except binascii.Error as error:
        raise ValueError("a webhook secret must be whsec_ followed by base64") from error
    if not key:
        raise ValueError("a webhook secret must not be empty")
    return key


def sign(secret: str, message_id: str, timestamp_s: int, body: bytes) -> str:
    """One signature, ``v1,<base64>``, of ``body`` sent as ``message_id`` at ``timestamp_s``."""
    signed = b"%s.%d.%s" % (message_id.encode(), timestamp_s, body)
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return f"{SIGNATURE_VERSION},{base64.b64encode(digest).decode()}"


def signing_secrets(
    secret: str,
    previous_secret: str | None,
    previous_secret_expires_at: datetime | None,
    now: datetime,
) -> tuple[str, ...]:
    """The secrets that sign a delivery made at ``now``: the current one, and the previous one
    while its rotation overlap lasts."""
    overlapping = previous_secret is not None and (
        previous_secret_expires_at is not None and previous_secret_expires_at > now
    )
    return (secret, previous_secret) if overlapping and previous_secret else (secret,)


def signature_headers(
    secrets: Sequence[str], message_id: str, timestamp_s: int, body: bytes
) -> dict[str, str]:
    """The three Standard Webhooks headers of one attempt."""
    signatures = " ".join(sign(secret, message_id, timestamp_s, body) for secret in secrets)
    return {
        ID_HEADER: message_id,
        TIMESTAMP_HEADER: str(timestamp_s),
        SIGNATURE_HEADER: signatures,
    }
