"""Wire types of events and webhook endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal

import msgspec

from marketplace.events.catalogue import SUBSCRIPTIONS
from marketplace.kit.described import CreatedAt, Livemode, UpdatedAt
from marketplace.kit.ids import id_pattern
from marketplace.models.events import Event, WebhookAttempt, WebhookDelivery, WebhookEndpoint


class DeadlineDetail(msgspec.Struct):
    """Which deadline a ``*.deadline_approaching`` event is about."""

    name: Annotated[
        Literal[
            "overdue_declaration_by", "claimable_from", "waiting_period_ends_on", "indemnity_due_by"
        ],
        msgspec.Meta(description="Which of the object's `deadlines` it is"),
    ]
    date: Annotated[
        str,
        msgspec.Meta(
            description="The deadline's date (ISO 8601), 7 days or less ahead on the object's clock"
        ),
    ]


class EventData(msgspec.Struct, omit_defaults=True):
    """The object an event is about, and what changed."""

    object: Annotated[
        dict[str, Any],
        msgspec.Meta(
            description="The object after the change, exactly as its GET shows it (a cover's"
            " `client_secret` is never in an event)"
        ),
    ]
    previous_attributes: Annotated[
        dict[str, Any] | None,
        msgspec.Meta(
            description="The earlier value of each field that changed (inside a nested"
            " object, of each of its changed fields); null when the object is new"
        ),
    ]
    deadline: Annotated[
        DeadlineDetail | None,
        msgspec.Meta(
            description="Only in `*.deadline_approaching` events: the deadline that is 7 days"
            " or less away"
        ),
    ] = None


class EventOut(msgspec.Struct, kw_only=True):
    """One change, as listed, read and delivered to webhook endpoints (the delivered body)."""

    id: Annotated[
        str,
        msgspec.Meta(
            description="The event's id (evt_…); also the `webhook-id` header of its"
            " deliveries, the same on every retry"
        ),
    ]
    type: Annotated[
        str,
        msgspec.Meta(
            description="What happened: `<object>.<change>`, such as `cover.activated` (the"
            " webhooks section lists every type)"
        ),
    ]
    created: Annotated[datetime, msgspec.Meta(description="When the change was made (UTC)")]
    livemode: Livemode
    account: Annotated[
        str,
        msgspec.Meta(
            description="The account the object belongs to (acct_…; for a cover, who bound it)"
        ),
    ]
    sequence: Annotated[
        int,
        msgspec.Meta(
            description="Increases by one with each event about the same object, in the order"
            " the changes were made: an event whose sequence is not above the last one you"
            " applied is stale"
        ),
    ]
    data: Annotated[EventData, msgspec.Meta(description="The object and what changed")]
    object: Annotated[
        Literal["event"], msgspec.Meta(description="The kind of object: always `event`")
    ] = "event"

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
                object=event.data["object"],
                previous_attributes=event.data["previous_attributes"],
                deadline=msgspec.convert(event.data["deadline"], DeadlineDetail)
                if event.data.get("deadline")
                else None,
            ),
        )


class WebhookEndpointOut(msgspec.Struct, kw_only=True):
    """An endpoint as listed and read; ``secret`` only in the answer that created it (or
    rotated it)."""

    id: Annotated[str, msgspec.Meta(description="The endpoint's id (we_…)")]
    livemode: Livemode
    account: Annotated[str, msgspec.Meta(description="The account it belongs to (acct_…)")]
    url: Annotated[str, msgspec.Meta(description="Where events are POSTed")]
    enabled_events: Annotated[
        list[str],
        msgspec.Meta(description="The events it receives: exact types, `<object>.*` or `*`"),
    ]
    description: Annotated[str | None, msgspec.Meta(description="Your note about it")]
    status: Annotated[
        Literal["enabled", "disabled"],
        msgspec.Meta(description="`enabled`: events are sent to it; `disabled`: none are"),
    ]
    disabled_reason: Annotated[
        str | None,
        msgspec.Meta(
            description="Why it was disabled: `endpoint_gone` (it answered 410), `failing` (it"
            " failed for 5 days), `by_request`"
        ),
    ]
    created_at: CreatedAt
    updated_at: UpdatedAt
    secret: Annotated[
        str | None,
        msgspec.Meta(description="Never shown here: null (see the creation's answer)"),
    ] = None
    object: Annotated[
        Literal["webhook_endpoint"],
        msgspec.Meta(description="The kind of object: always `webhook_endpoint`"),
    ] = "webhook_endpoint"

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


if TYPE_CHECKING:
    Subscription = str
else:
    Subscription = Literal[SUBSCRIPTIONS]
    """One of ``catalogue.SUBSCRIPTIONS``: the schema's enum and the decoder's check."""

WebhookUrl = Annotated[
    str,
    msgspec.Meta(
        max_length=2048,
        pattern=r"^[!-~]+$",
        description=(
            "Where events are POSTed: `https` (test mode also takes `http`); in live mode a"
            " host that resolves to public addresses only, in test mode also loopback"
            " (`localhost`, 127.0.0.1). Private, link-local and metadata addresses, and URLs"
            " with credentials, are refused in both modes (`webhook_url_not_allowed`)."
        ),
    ),
]
EnabledEvents = Annotated[
    list[Subscription],
    msgspec.Meta(
        min_length=1,
        max_length=100,
        description=(
            "The events to receive: exact types (`cover.activated`), every type about one kind"
            " of object (`cover.*`) or `*` for every type."
        ),
    ),
]
Description = Annotated[
    str,
    msgspec.Meta(
        max_length=500, description="Your note about the endpoint (at most 500 characters)"
    ),
]
AwareDatetime = Annotated[datetime, msgspec.Meta(tz=True)]
MAX_SECRET_OVERLAP_SECONDS = 24 * 60 * 60


class WebhookEndpointCreate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A URL to send events to, and which events."""

    url: WebhookUrl
    enabled_events: EnabledEvents
    description: Description | None = None


class WebhookEndpointUpdate(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """The fields to change; the others stay as they are. ``description: null`` clears it;
    ``status: enabled`` re-enables a disabled endpoint (its failure record starts afresh)."""

    url: WebhookUrl | msgspec.UnsetType = msgspec.UNSET
    enabled_events: EnabledEvents | msgspec.UnsetType = msgspec.UNSET
    description: Description | msgspec.UnsetType | None = msgspec.UNSET
    status: Annotated[
        Literal["enabled", "disabled"] | msgspec.UnsetType,
        msgspec.Meta(
            description="`disabled` stops sending; `enabled` sends again (its failure record"
            " starts afresh)"
        ),
    ] = msgspec.UNSET


class SecretRotation(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, frozen=True):
    """How long the current secret keeps signing beside the new one."""

    expire_previous_in_seconds: Annotated[
        int,
        msgspec.Meta(
            ge=0,
            le=MAX_SECRET_OVERLAP_SECONDS,
            description=(
                "Seconds the current secret stays valid (deliveries carry both signatures"
                " meanwhile); 0 retires it at once. Default 86400 (24 hours)."
            ),
        ),
    ] = MAX_SECRET_OVERLAP_SECONDS


class WebhookEndpointWithSecret(WebhookEndpointOut, kw_only=True):
    """An endpoint with its new signing secret: the answer to its creation or to a rotation.

    ``secret`` is shown in this answer only. The answer kept for an ``Idempotency-Key``
    leaves it out: a replay (``Idempotent-Replayed: true``) has ``secret: null`` and
    ``secret_redacted: true``. If that first answer was lost, rotate the secret.
    """

    secret: Annotated[
        str | None,
        msgspec.Meta(
            description=(
                "The signing secret (`whsec_` and base64 of 24 random bytes, the Standard"
                " Webhooks format); null in a replay of this answer"
            )
        ),
    ]
    secret_redacted: Annotated[
        bool,
        msgspec.Meta(
            description="True when this answer is a replay: the secret is not shown again"
        ),
    ]

    @classmethod
    def with_secret(cls, endpoint: WebhookEndpoint) -> WebhookEndpointWithSecret:
        out = WebhookEndpointOut.of(endpoint, secret=endpoint.secret)
        return cls(**msgspec.structs.asdict(out), secret_redacted=False)

    @classmethod
    def redacted(cls, endpoint: WebhookEndpoint) -> WebhookEndpointWithSecret:
        """The answer to keep for replays: everything but the secret."""
        out = WebhookEndpointOut.of(endpoint)
        return cls(**msgspec.structs.asdict(out), secret_redacted=True)


class WebhookEndpointDeleted(WebhookEndpointOut, kw_only=True):
    """An endpoint just deleted: it receives nothing more and is no longer found."""

    deleted: Annotated[bool, msgspec.Meta(description="Always true: the endpoint is gone")] = True

    @classmethod
    def of_deleted(cls, endpoint: WebhookEndpoint) -> WebhookEndpointDeleted:
        return cls(**msgspec.structs.asdict(WebhookEndpointOut.of(endpoint)), deleted=True)


class ReplayRequest(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Send again every event of a time window that the endpoint subscribes to."""

    since: Annotated[
        AwareDatetime,
        msgspec.Meta(description="Events created at or after this instant (at most 30 days ago)"),
    ]
    until: (
        Annotated[
            AwareDatetime,
            msgspec.Meta(description="Events created before this instant; default: now"),
        ]
        | None
    ) = None


class ReplayOut(msgspec.Struct, kw_only=True):
    """What a replay scheduled: each event goes out as a fresh delivery."""

    endpoint: Annotated[str, msgspec.Meta(description="The endpoint (we_…)")]
    since: Annotated[datetime, msgspec.Meta(description="The window's start (UTC), included")]
    until: Annotated[datetime, msgspec.Meta(description="The window's end (UTC), excluded")]
    events_scheduled: Annotated[int, msgspec.Meta(description="How many events will be sent again")]
    object: Annotated[
        Literal["replay"], msgspec.Meta(description="The kind of object: always `replay`")
    ] = "replay"


class RedeliverRequest(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, frozen=True):
    """Where to send an event again: one endpoint, or every endpoint that subscribes to it."""

    endpoint: (
        Annotated[
            str,
            msgspec.Meta(
                pattern=id_pattern("webhook_endpoint"),
                description="Only this endpoint (we_…); default: every enabled one subscribed",
            ),
        ]
        | None
    ) = None


class WebhookAttemptOut(msgspec.Struct, kw_only=True):
    """One try at a delivery: what the endpoint answered, or why nothing came back."""

    id: Annotated[str, msgspec.Meta(description="The attempt's id (wha_…)")]
    created_at: Annotated[datetime, msgspec.Meta(description="When it was made (UTC)")]
    status_code: Annotated[
        int | None,
        msgspec.Meta(description="The HTTP status the endpoint answered (null: no answer)"),
    ]
    duration_ms: Annotated[int, msgspec.Meta(description="How long it took, in milliseconds")]
    response_body: Annotated[str | None, msgspec.Meta(description="The first 1 KiB of the answer")]
    error: Annotated[
        str | None,
        msgspec.Meta(
            description="Why there was no answer: `timeout`, `connect_error`, `blocked_address`…"
        ),
    ]

    @classmethod
    def of(cls, attempt: WebhookAttempt) -> WebhookAttemptOut:
        return cls(
            id=attempt.id,
            created_at=attempt.created_at,
            status_code=attempt.status_code,
            duration_ms=attempt.duration_ms,
            response_body=attempt.response_body,
            error=attempt.error,
        )


class WebhookDeliveryOut(msgspec.Struct, kw_only=True):
    """The event sent to one of the caller's endpoints: its state and every attempt."""

    id: Annotated[str, msgspec.Meta(description="The delivery's id (whd_…)")]
    endpoint: Annotated[str, msgspec.Meta(description="The endpoint it goes to (we_…)")]
    status: Annotated[
        Literal["pending", "succeeded", "failed"],
        msgspec.Meta(
            description="`pending` (attempts go on), `succeeded` (a 2xx came back) or `failed`"
            " (no more attempts)"
        ),
    ]
    next_attempt_at: Annotated[
        datetime | None,
        msgspec.Meta(description="While pending: when the next attempt is due (UTC)"),
    ]
    attempts: Annotated[
        list[WebhookAttemptOut], msgspec.Meta(description="Every attempt, oldest first")
    ]

    @classmethod
    def of(cls, delivery: WebhookDelivery, attempts: list[WebhookAttempt]) -> WebhookDeliveryOut:
        return cls(
            id=delivery.id,
            endpoint=delivery.endpoint_id,
            status=delivery.status,  # type: ignore[arg-type]
            next_attempt_at=delivery.next_attempt_at if delivery.status == "pending" else None,
            attempts=[WebhookAttemptOut.of(a) for a in attempts],
        )


class EventWithDeliveries(EventOut, kw_only=True):
    """An event, with its deliveries to the caller's own endpoints."""

    deliveries: Annotated[
        list[WebhookDeliveryOut],
        msgspec.Meta(description="Its deliveries to your endpoints, with their attempts"),
    ]
