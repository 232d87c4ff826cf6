"""Examples of events, webhook endpoints and deliveries, and one delivered body per event type.

``webhook_examples`` makes the body of every event type the catalogue lists, from the example
of its kind of object: a new type gets an example without a line here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import msgspec

from marketplace.api_reference.examples import buyers, claims, covers, ids
from marketplace.api_reference.examples.example import Example
from marketplace.claims import changes as claim_changes
from marketplace.covers import changes as cover_changes
from marketplace.covers.schemas import CoverOut
from marketplace.events.catalogue import EVENT_TYPES
from marketplace.events.schemas import (
    DeadlineDetail,
    EventData,
    EventOut,
    EventWithDeliveries,
    RedeliverRequest,
    ReplayOut,
    ReplayRequest,
    SecretRotation,
    WebhookAttemptOut,
    WebhookDeliveryOut,
    WebhookEndpointCreate,
    WebhookEndpointDeleted,
    WebhookEndpointOut,
    WebhookEndpointUpdate,
    WebhookEndpointWithSecret,
)
from marketplace.kit.pagination import ListOf

REGISTERED_AT = datetime(2026, 11, 25, 9, 5, 12, tzinfo=UTC)
SENT_AT = datetime(2026, 11, 25, 9, 31, 7, tzinfo=UTC)
SECRET = "whsec_MfKQ9r7s0bL2e3pXc4VdW5yZ6a8BhJkN"  # noqa: S105 - an example, signs nothing

COVER_STATUS_BEFORE = {
    "active": "pending_payment",
    "payment_failed": "pending_payment",
    "expired": "pending_payment",
    "cancelling": "active",
    "cancelled": "cancelling",
    "overdue": "active",
    "settled": "active",
    "claimed": "overdue",
    "time_barred": "overdue",
}
"""For each cover status an event announces: a status it typically comes from."""
CLAIM_STATUS_BEFORE = {
    "collection_amicable": "open",
    "collection_legal": "collection_amicable",
    "on_hold": "collection_amicable",
    "approved": "collection_legal",
    "paid": "approved",
    "recovered": "collection_legal",
    "rejected": "collection_amicable",
    "withdrawn": "collection_amicable",
}


def endpoint(*, disabled: bool = False) -> WebhookEndpointOut:
    return WebhookEndpointOut(
        id=ids.ENDPOINT,
        livemode=False,
        account=ids.PLATFORM,
        url="https://hooks.demo-fintech.example/marketplace",
        enabled_events=["cover.*", "claim.*"],
        description="Checkout back end",
        status="disabled" if disabled else "enabled",
        disabled_reason="failing" if disabled else None,
        created_at=REGISTERED_AT,
        updated_at=REGISTERED_AT,
    )


def _with_secret(secret: str | None) -> WebhookEndpointWithSecret:
    return WebhookEndpointWithSecret(
        **msgspec.structs.asdict(endpoint()) | {"secret": secret},
        secret_redacted=secret is None,
    )


def _event(event_type: str, obj: Any, previous: dict[str, Any] | None, **extra: Any) -> EventOut:
    return EventOut(
        id=ids.EVENT,
        type=event_type,
        created=SENT_AT,
        livemode=False,
        account=ids.PLATFORM,
        sequence=2,
        data=EventData(object=msgspec.to_builtins(obj), previous_attributes=previous, **extra),
    )


def _status_change(before: dict[str, str], status: str) -> dict[str, Any] | None:
    return {"status": before[status]} if status in before else None


def _cover_in(status: str) -> CoverOut:
    """An example cover in ``status``, as an event carries it (never a ``client_secret``)."""
    if status in ("pending_payment", "payment_failed", "expired"):
        pending = covers.pending()
        payment = msgspec.structs.replace(pending.payment, client_secret=None)
        return msgspec.structs.replace(pending, status=status, payment=payment)
    if status in ("cancelling", "cancelled"):
        return msgspec.structs.replace(covers.cancelled(), status=status)
    if status in ("overdue", "claimed", "time_barred"):
        return msgspec.structs.replace(covers.overdue(), status=status)
    return msgspec.structs.replace(covers.active(), status=status)


def _cover_event(event_type: str) -> EventOut:
    status = {t: s for s, t in cover_changes.EVENT_BY_STATUS.items()}.get(event_type, "active")
    cover = _cover_in(status)
    if event_type == cover_changes.DEADLINE_APPROACHING:
        deadline = DeadlineDetail(name="overdue_declaration_by", date="2027-02-23")
        return _event(event_type, cover, None, deadline=deadline)
    if event_type == "cover.updated":
        return _event(event_type, cover, {"invoice": {"paid": 0, "outstanding": 1_250_000}})
    return _event(event_type, cover, _status_change(COVER_STATUS_BEFORE, status))


def _claim_event(event_type: str) -> EventOut:
    status = {t: s for s, t in claim_changes.EVENT_BY_STATUS.items()}.get(event_type, "approved")
    claim = msgspec.structs.replace(claims.approved(), status=status)
    if event_type == claim_changes.DEADLINE_APPROACHING:
        deadline = DeadlineDetail(name="indemnity_due_by", date="2027-07-25")
        return _event(event_type, claim, None, deadline=deadline)
    if event_type == claim_changes.RESUMED:
        return _event(event_type, claim, {"status": "on_hold", "hold_reason": "insurer"})
    if event_type in (claim_changes.RECOVERY_RECORDED, claim_changes.UPDATED):
        return _event(event_type, claim, {"recoveries": {"total": 0, "before_approval": 0}})
    return _event(event_type, claim, _status_change(CLAIM_STATUS_BEFORE, status))


def webhook_example(event_type: str) -> EventOut | None:
    """The body delivered for ``event_type`` (None: no example object of its kind)."""
    kind = event_type.partition(".")[0]
    if kind == "cover":
        return _cover_event(event_type)
    if kind == "claim":
        return _claim_event(event_type)
    if kind == "buyer":
        return _event(event_type, buyers.status_out(), {"status": "normal"})
    if kind == "webhook_endpoint":
        return _event(event_type, endpoint(disabled=True), {"status": "enabled"})
    return None


def webhook_examples() -> dict[str, EventOut]:
    """By event type: the body its webhook delivers."""
    found = {event_type: webhook_example(event_type) for event_type in EVENT_TYPES}
    return {event_type: event for event_type, event in found.items() if event is not None}


def _delivered() -> EventWithDeliveries:
    event = _cover_event("cover.activated")
    attempt = WebhookAttemptOut(
        id=ids.ATTEMPT,
        created_at=datetime(2026, 11, 25, 9, 31, 8, tzinfo=UTC),
        status_code=204,
        duration_ms=87,
        response_body="",
        error=None,
    )
    delivery = WebhookDeliveryOut(
        id=ids.DELIVERY,
        endpoint=ids.ENDPOINT,
        status="succeeded",
        next_attempt_at=None,
        attempts=[attempt],
    )
    return EventWithDeliveries(**msgspec.structs.asdict(event), deliveries=[delivery])


def _endpoint_examples() -> list[Example]:
    return [
        Example(
            "covers_and_claims",
            "Every cover and claim event",
            WebhookEndpointCreate(
                url="https://hooks.demo-fintech.example/marketplace",
                enabled_events=["cover.*", "claim.*"],
                description="Checkout back end",
            ),
        ),
        Example(
            "created",
            "The endpoint, with its signing secret (shown once)",
            _with_secret(SECRET),
        ),
        Example(
            "replayed", "A replay of this answer: the secret is not shown again", _with_secret(None)
        ),
        Example("endpoint", "An endpoint, its secret left out", endpoint()),
        Example("page", "One page of endpoints", ListOf(data=[endpoint()], has_more=False)),
        Example(
            "re_enable",
            "Turn a disabled endpoint back on",
            WebhookEndpointUpdate(status="enabled"),
        ),
        Example(
            "deleted",
            "The endpoint, deleted",
            WebhookEndpointDeleted(**msgspec.structs.asdict(endpoint()), deleted=True),
        ),
        Example(
            "one_hour",
            "The current secret signs for one more hour",
            SecretRotation(expire_previous_in_seconds=3_600),
        ),
    ]


def examples() -> list[Example]:
    return [
        *_endpoint_examples(),
        Example(
            "last_day",
            "Send again the events of the last day",
            ReplayRequest(since=datetime(2026, 11, 24, 9, 0, 0, tzinfo=UTC)),
        ),
        Example(
            "replay",
            "What the replay scheduled",
            ReplayOut(
                endpoint=ids.ENDPOINT,
                since=datetime(2026, 11, 24, 9, 0, 0, tzinfo=UTC),
                until=datetime(2026, 11, 25, 9, 40, 2, tzinfo=UTC),
                events_scheduled=42,
            ),
        ),
        Example(
            "one_endpoint",
            "Only to this endpoint",
            RedeliverRequest(endpoint=ids.ENDPOINT),
        ),
        Example("event", "An event, with its deliveries", _delivered()),
        Example(
            "page",
            "One page of events",
            ListOf(data=[_cover_event("cover.activated")], has_more=True),
        ),
    ]
