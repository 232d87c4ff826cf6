"""Every event type the API sends, and what a webhook endpoint may subscribe to.

A subscription (an item of ``enabled_events``) is an exact type (``cover.activated``), every
type about one kind of object (``cover.*``) or every type there is (``*``). Nothing else is
accepted: a misspelt type would otherwise subscribe to nothing, silently.
"""

from __future__ import annotations

from marketplace.claims.changes import CLAIM_EVENT_TYPES
from marketplace.covers.changes import COVER_EVENT_TYPES
from marketplace.events.matching import WILDCARD

WEBHOOK_ENDPOINT_DISABLED = "webhook_endpoint.disabled"
"""Sent when the worker disables an endpoint (it answered 410, or failed for days)."""
BUYER_ALERT = "buyer.alert"
"""Sent to each tenant holding a cover in force on a buyer whose monitoring changed."""

EVENT_TYPES: tuple[str, ...] = (
    *COVER_EVENT_TYPES,
    *CLAIM_EVENT_TYPES,
    BUYER_ALERT,
    WEBHOOK_ENDPOINT_DISABLED,
)
OBJECT_TYPES: tuple[str, ...] = tuple(dict.fromkeys(t.partition(".")[0] for t in EVENT_TYPES))
"""The kinds of object events are about (``cover``, ``webhook_endpoint``)."""

SUBSCRIPTIONS: tuple[str, ...] = (
    WILDCARD,
    *(f"{object_type}.*" for object_type in OBJECT_TYPES),
    *EVENT_TYPES,
)
"""Every item ``enabled_events`` may hold, and every value the ``type`` filter takes."""
