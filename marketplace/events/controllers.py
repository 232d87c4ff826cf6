"""HTTP endpoints for webhook endpoints and the event log."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, delete, get, patch, post
from litestar.params import JSONBody, PathParameter, QueryParameter
from litestar.serialization import encode_json
from litestar.types import Scope

from marketplace.accounts.auth import require_roles
from marketplace.errors import InvalidRequest
from marketplace.events import history, redelivery, service
from marketplace.events import openapi as _webhooks  # noqa: F401 - documents the webhooks sent
from marketplace.events.schemas import (
    AwareDatetime,
    EventOut,
    EventWithDeliveries,
    RedeliverRequest,
    ReplayOut,
    ReplayRequest,
    SecretRotation,
    Subscription,
    WebhookDeliveryOut,
    WebhookEndpointCreate,
    WebhookEndpointDeleted,
    WebhookEndpointOut,
    WebhookEndpointUpdate,
    WebhookEndpointWithSecret,
)
from marketplace.kit import idempotency
from marketplace.kit.clock import utc_now
from marketplace.kit.idempotency import IdempotencyKey
from marketplace.kit.ids import ALPHABET, BODY_LENGTH, id_pattern
from marketplace.kit.openapi import WRITE_ERRORS, problem_responses
from marketplace.kit.pagination import ListOf, Pagination, pagination
from marketplace.kit.unit_of_work import Caller, DbSession
from marketplace.models.events import WebhookEndpoint

DEFAULT_ROTATION = SecretRotation()
EVERY_SUBSCRIBED = RedeliverRequest()
"""What a request without a body asks for (these bodies are optional)."""
EVERY_ROLE = [require_roles("platform", "seller", "insurer", "operator")]
EndpointPath = Annotated[
    str,
    PathParameter(
        pattern=id_pattern("webhook_endpoint"), description="A webhook endpoint id (we_…)"
    ),
]
EventPath = Annotated[
    str, PathParameter(pattern=id_pattern("event"), description="An event id (evt_…)")
]
TypeFilter = Annotated[
    Subscription | None,
    QueryParameter(
        name="type", description="Only events of this type (`cover.activated`, `cover.*`)"
    ),
]
ObjectFilter = Annotated[
    str | None,
    QueryParameter(
        name="object",
        pattern=rf"^[a-z]+_[{ALPHABET}]{{{BODY_LENGTH}}}$",
        description="Only events about this object (cov_…)",
    ),
]
CreatedGte = Annotated[
    datetime | None,
    QueryParameter(name="created[gte]", description="Only events created at or after this instant"),
]
CreatedLt = Annotated[
    datetime | None,
    QueryParameter(name="created[lt]", description="Only events created before this instant"),
]
DeliveryFilter = Annotated[
    bool | None,
    QueryParameter(
        description=(
            "`false`: only events that one of your endpoints has not taken (a delivery failed,"
            " or is still pending after an attempt); `true`: only events all your endpoints"
            " took"
        )
    ),
]
AnyRequest = Request[Any, Any, Any]
URL_ERRORS = (service.WebhookUrlNotAllowed, service.TooManyWebhookEndpoints)
REPLAY_ERRORS = (
    service.WebhookEndpointDisabled,
    redelivery.ReplayWindowInvalid,
    redelivery.ReplayWindowTooLarge,
)
REDELIVER_ERRORS = (redelivery.EventTypeNotEnabled, service.WebhookEndpointDisabled)
EVERY_ACCOUNT = "**Who**: any account, for its own endpoints (another's is a 404)."


def _instant(request: AnyRequest, name: str, parsed: datetime | None) -> datetime | None:
    """The query's ``name``, read as the schema says: an RFC 3339 date-time with an offset
    (Litestar alone also reads a number as Unix seconds, and a time without an offset)."""
    if parsed is None:
        return None
    try:
        return msgspec.convert(request.query_params[name], AwareDatetime)
    except msgspec.ValidationError as error:
        raise InvalidRequest(
            f"{name} must be an RFC 3339 date-time with an offset, such as"
            f" 2026-11-28T09:30:00Z ({error})",
            param=name,
        ) from error


def _with_secret(scope: Scope, endpoint: WebhookEndpoint) -> WebhookEndpointWithSecret:
    """The answer showing the new secret; a replay of it gets the secret redacted."""
    idempotency.store_instead(scope, encode_json(WebhookEndpointWithSecret.redacted(endpoint)))
    return WebhookEndpointWithSecret.with_secret(endpoint)


def _event_out(record: history.EventRecord) -> EventWithDeliveries:
    deliveries = [WebhookDeliveryOut.of(d.delivery, d.attempts) for d in record.deliveries]
    event = msgspec.structs.asdict(EventOut.of(record.event))
    return EventWithDeliveries(**event, deliveries=deliveries)


class WebhookEndpointController(Controller):
    path = "/webhook_endpoints"
    tags = ["webhook_endpoints"]
    guards = EVERY_ROLE

    @post(
        "/",
        operation_id="create_webhook_endpoint",
        summary="Register a webhook endpoint",
        description=(
            "A URL to POST events of the key's mode to, and which events (exact types,"
            " `<object>.*` or `*`). Its signing secret (`whsec_…`) is in this answer only; a"
            " replay of the request shows `secret_redacted: true` instead. Live mode needs"
            " `https` and a host resolving to public addresses only; private and"
            " cloud-metadata addresses are refused in both modes, in any spelling. At most 16"
            f" enabled endpoints per account and mode. {EVERY_ACCOUNT}"
        ),
        response_description="The endpoint, with its signing secret (shown once)",
        responses=problem_responses(WRITE_ERRORS, errors=URL_ERRORS),
    )
    async def create(
        self,
        *,
        session: DbSession,
        principal: Caller,
        data: JSONBody[WebhookEndpointCreate],
        scope: Scope,
        idempotency_key: IdempotencyKey = None,
    ) -> WebhookEndpointWithSecret:
        """Register a URL to receive events of the key's mode; its signing secret is in this
        answer only (a replay has it redacted)."""
        endpoint = await service.create_endpoint(session, principal, data, utc_now())
        return _with_secret(scope, endpoint)

    @get(
        "/",
        operation_id="list_webhook_endpoints",
        summary="List webhook endpoints",
        description=(
            "The caller's endpoints of the key's mode, newest first, secrets left out."
            " Changes nothing."
        ),
        response_description="One page of endpoints, newest first",
        dependencies=pagination("webhook_endpoint"),
        responses=problem_responses(),
    )
    async def list(
        self, session: DbSession, principal: Caller, page: Pagination
    ) -> ListOf[WebhookEndpointOut]:
        """The caller's webhook endpoints of the key's mode, secrets left out; newest first."""
        found = await service.list_endpoints(session, principal, page)
        return ListOf(data=[WebhookEndpointOut.of(e) for e in found.items], has_more=found.has_more)

    @get(
        "/{webhook_endpoint_id:str}",
        operation_id="retrieve_webhook_endpoint",
        summary="Retrieve a webhook endpoint",
        description=(
            "One of the caller's endpoints, its secret left out, with its status and why it"
            f" was disabled, if it was. Changes nothing. {EVERY_ACCOUNT}"
        ),
        response_description="The endpoint",
        responses=problem_responses(),
    )
    async def retrieve(
        self, session: DbSession, principal: Caller, webhook_endpoint_id: EndpointPath
    ) -> WebhookEndpointOut:
        """One webhook endpoint, its secret left out."""
        return WebhookEndpointOut.of(
            await service.visible_endpoint(session, principal, webhook_endpoint_id)
        )

    @patch(
        "/{webhook_endpoint_id:str}",
        operation_id="update_webhook_endpoint",
        summary="Change a webhook endpoint",
        description=(
            "Changes the URL (checked as at registration), the events, the description, or"
            " the status: `disabled` stops sending, `enabled` sends again with a fresh failure"
            f" record. Fields left out stay as they are. {EVERY_ACCOUNT}"
        ),
        response_description="The endpoint, changed",
        responses=problem_responses(WRITE_ERRORS, errors=URL_ERRORS),
    )
    async def update(
        self,
        session: DbSession,
        principal: Caller,
        webhook_endpoint_id: EndpointPath,
        data: JSONBody[WebhookEndpointUpdate],
    ) -> WebhookEndpointOut:
        """Change the URL, the events, the description, or disable and enable the endpoint."""
        endpoint = await service.update_endpoint(
            session, principal, webhook_endpoint_id, data, utc_now()
        )
        return WebhookEndpointOut.of(endpoint)

    @delete(
        "/{webhook_endpoint_id:str}",
        operation_id="delete_webhook_endpoint",
        summary="Delete a webhook endpoint",
        description=(
            "Deletes the endpoint: nothing more is sent to it, its waiting deliveries fail,"
            f" and it is no longer found. {EVERY_ACCOUNT}"
        ),
        response_description="The endpoint, deleted",
        status_code=200,
        responses=problem_responses(),
    )
    async def delete(
        self, session: DbSession, principal: Caller, webhook_endpoint_id: EndpointPath
    ) -> WebhookEndpointDeleted:
        """Delete the endpoint: nothing more is sent to it (deliveries waiting fail)."""
        endpoint = await service.delete_endpoint(session, principal, webhook_endpoint_id, utc_now())
        return WebhookEndpointDeleted.of_deleted(endpoint)

    @post(
        "/{webhook_endpoint_id:str}/rotate_secret",
        operation_id="rotate_webhook_endpoint_secret",
        summary="Rotate a webhook endpoint's secret",
        description=(
            "Issues a new signing secret, shown in this answer only. The current one keeps"
            " signing beside it for 24 hours, or `expire_previous_in_seconds` (deliveries carry"
            " one signature per secret meanwhile). Only one old secret is kept: a second"
            " rotation within the overlap retires the first at once. The body is optional."
            f" {EVERY_ACCOUNT}"
        ),
        response_description="The endpoint, with its new secret (shown once)",
        status_code=200,
        responses=problem_responses(WRITE_ERRORS),
    )
    async def rotate_secret(
        self,
        *,
        session: DbSession,
        principal: Caller,
        webhook_endpoint_id: EndpointPath,
        scope: Scope,
        data: JSONBody[SecretRotation] = DEFAULT_ROTATION,
        idempotency_key: IdempotencyKey = None,
    ) -> WebhookEndpointWithSecret:
        """A new signing secret, shown in this answer only; the current one keeps signing
        beside it for 24 hours (or ``expire_previous_in_seconds``)."""
        overlap = timedelta(seconds=data.expire_previous_in_seconds)
        endpoint = await service.rotate_secret(
            session, principal, webhook_endpoint_id, overlap, utc_now()
        )
        return _with_secret(scope, endpoint)

    @post(
        "/{webhook_endpoint_id:str}/replay",
        operation_id="replay_webhook_endpoint",
        summary="Send past events again",
        description=(
            "Schedules a fresh delivery to this endpoint of every event of a window (up to 30"
            " days back, at most 10,000 events) that it subscribes to, on a fresh retry"
            f" schedule. {EVERY_ACCOUNT}"
        ),
        response_description="How many events were scheduled",
        status_code=200,
        responses=problem_responses(WRITE_ERRORS, errors=REPLAY_ERRORS),
    )
    async def replay(
        self,
        session: DbSession,
        principal: Caller,
        webhook_endpoint_id: EndpointPath,
        data: JSONBody[ReplayRequest],
        idempotency_key: IdempotencyKey = None,
    ) -> ReplayOut:
        """Send again every event of a window (up to 30 days back, 10,000 events) that the
        endpoint subscribes to."""
        done = await redelivery.replay(session, principal, webhook_endpoint_id, data, utc_now())
        return ReplayOut(
            endpoint=done.endpoint.id,
            since=done.since,
            until=done.until,
            events_scheduled=done.events_scheduled,
        )


class EventController(Controller):
    path = "/events"
    tags = ["events"]
    guards = EVERY_ROLE

    @get(
        "/",
        operation_id="list_events",
        summary="List events",
        description=(
            "The events of the key's mode the caller may see, newest first (kept 30 days): a"
            " platform's also cover its sellers', an insurer's those of covers on its"
            " products, the operator's every account's. Filter by `type`, `object`,"
            " `created[gte]` / `created[lt]` and `delivery_success`. Changes nothing."
        ),
        response_description="One page of events, newest first",
        dependencies=pagination("event"),
        responses=problem_responses(),
    )
    async def list(
        self,
        *,
        session: DbSession,
        principal: Caller,
        request: AnyRequest,
        page: Pagination,
        event_type: TypeFilter = None,
        object_id: ObjectFilter = None,
        created_gte: CreatedGte = None,
        created_lt: CreatedLt = None,
        delivery_success: DeliveryFilter = None,
    ) -> ListOf[EventOut]:
        """The events of the key's mode the caller may see; newest first."""
        filters = history.EventFilters(
            type=event_type,
            object_id=object_id,
            created_gte=_instant(request, "created[gte]", created_gte),
            created_lt=_instant(request, "created[lt]", created_lt),
            delivery_success=delivery_success,
        )
        found = await history.list_events(session, principal, filters, page)
        return ListOf(data=[EventOut.of(e) for e in found.items], has_more=found.has_more)

    @get(
        "/{event_id:str}",
        operation_id="retrieve_event",
        summary="Retrieve an event",
        description=(
            "One event the caller may see, with each delivery to its endpoints and every"
            " attempt (status code, duration, first 1 KiB of the answer). Changes nothing."
        ),
        response_description="The event, with its deliveries",
        responses=problem_responses(),
    )
    async def retrieve(
        self, session: DbSession, principal: Caller, event_id: EventPath
    ) -> EventWithDeliveries:
        """One event, with its deliveries to the caller's endpoints and their attempts."""
        return _event_out(await history.retrieve_event(session, principal, event_id))

    @post(
        "/{event_id:str}/redeliver",
        operation_id="redeliver_event",
        summary="Send an event again",
        description=(
            "Schedules the event again, on a fresh retry schedule, to the caller's enabled"
            " endpoints that subscribe to it, or to the one named. The body is optional."
        ),
        response_description="The event, with its deliveries",
        status_code=200,
        responses=problem_responses(WRITE_ERRORS, errors=REDELIVER_ERRORS),
    )
    async def redeliver(
        self,
        session: DbSession,
        principal: Caller,
        event_id: EventPath,
        data: JSONBody[RedeliverRequest] = EVERY_SUBSCRIBED,
        idempotency_key: IdempotencyKey = None,
    ) -> EventWithDeliveries:
        """Send the event again to your enabled endpoints that subscribe to it (or to the one
        named), on a fresh retry schedule."""
        record = await redelivery.redeliver(session, principal, event_id, data.endpoint, utc_now())
        return _event_out(record)
