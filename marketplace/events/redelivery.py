"""Sending events again: every event of a time window to one endpoint (replay), or one event
to the caller's endpoints (redeliver).

Each becomes a delivery due now, on a fresh retry schedule (``repository.schedule_delivery``;
``schedule_deliveries``, its batched twin, for a window of up to ``MAX_REPLAYED_EVENTS``),
whatever became of it before; the worker sends it. Only what the endpoint would have been sent
is sent again: events of its mode that its account may see and its ``enabled_events`` ask for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.errors import RuleViolation
from marketplace.events import history, repository, service
from marketplace.events.matching import wants
from marketplace.events.purge import RETENTION
from marketplace.events.schemas import ReplayRequest
from marketplace.kit.clock import as_utc
from marketplace.kit.tenancy import Principal
from marketplace.models.events import Event, WebhookEndpoint

CLOCK_SKEW_ALLOWANCE = timedelta(minutes=5)
"""A replay ``since`` exactly 30 days ago by the client's clock is not refused for ours."""
MAX_REPLAYED_EVENTS = 10_000


class ReplayWindowInvalid(RuleViolation):
    code = "replay_window_invalid"
    title = "The replay window is not one events are kept for"


class ReplayWindowTooLarge(RuleViolation):
    code = "replay_window_too_large"
    title = "Too many events in the replay window"


class EventTypeNotEnabled(RuleViolation):
    code = "event_type_not_enabled"
    title = "The webhook endpoint does not subscribe to this event type"


@dataclass(frozen=True, slots=True)
class Replayed:
    endpoint: WebhookEndpoint
    since: datetime
    until: datetime
    events_scheduled: int


def _window(request: ReplayRequest, now: datetime) -> tuple[datetime, datetime]:
    since = as_utc(request.since)
    until = now if request.until is None else min(as_utc(request.until), now)
    oldest = now - RETENTION  # older events are purged: a replay reaches back that far
    if since < oldest - CLOCK_SKEW_ALLOWANCE:
        raise ReplayWindowInvalid(
            f"Events are kept {RETENTION.days} days: since must be after {oldest.isoformat()}",
            param="since",
        )
    if until <= since:
        raise ReplayWindowInvalid("until must be later than since (and than now)", param="until")
    return since, until


def _enabled(endpoint: WebhookEndpoint, param: str) -> WebhookEndpoint:
    if endpoint.status != "enabled":
        raise service.WebhookEndpointDisabled(
            f"Webhook endpoint {endpoint.id} is disabled; enable it first", param=param
        )
    return endpoint


async def replay(
    session: AsyncSession,
    principal: Principal,
    endpoint_id: str,
    request: ReplayRequest,
    now: datetime,
) -> Replayed:
    """Schedule to the endpoint every event it subscribes to created in the window."""
    endpoint = await service.visible_endpoint(session, principal, endpoint_id)
    _enabled(endpoint, "webhook_endpoint")
    since, until = _window(request, now)
    query = repository.visible_events(principal.role, principal.account_id, principal.livemode)
    query = query.where(
        repository.of_types(endpoint.enabled_events),
        repository.created_from(since),
        repository.created_before(until),
    )
    event_ids = await repository.event_ids(session, query, limit=MAX_REPLAYED_EVENTS + 1)
    if len(event_ids) > MAX_REPLAYED_EVENTS:
        raise ReplayWindowTooLarge(
            f"More than {MAX_REPLAYED_EVENTS} events are in this window, and a replay sends at"
            " most that many: ask for a shorter window",
            param="since",
        )
    await repository.schedule_deliveries(session, event_ids, endpoint.id, now)
    return Replayed(endpoint, since, until, len(event_ids))


async def _named_target(
    session: AsyncSession, principal: Principal, event: Event, endpoint_id: str
) -> WebhookEndpoint:
    endpoint = await service.visible_endpoint(session, principal, endpoint_id, param="endpoint")
    if not wants(endpoint.enabled_events, event.type):
        raise EventTypeNotEnabled(
            f"Webhook endpoint {endpoint.id} does not subscribe to {event.type}",
            param="endpoint",
        )
    return _enabled(endpoint, "endpoint")


async def redeliver(
    session: AsyncSession,
    principal: Principal,
    event_id: str,
    endpoint_id: str | None,
    now: datetime,
) -> history.EventRecord:
    """Schedule the event to the named endpoint, or to each of the caller's enabled endpoints
    that subscribes to it; the event with its deliveries."""
    event = await history.visible_event(session, principal, event_id)
    if endpoint_id is not None:
        targets = [await _named_target(session, principal, event, endpoint_id)]
    else:
        enabled = await repository.enabled_endpoints(
            session, principal.account_id, principal.livemode
        )
        targets = [e for e in enabled if wants(e.enabled_events, event.type)]
    for target in targets:
        await repository.schedule_delivery(session, event.id, target.id, now)
    return await history.with_deliveries(session, principal, event)
