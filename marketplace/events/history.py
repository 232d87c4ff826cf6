"""Reading the event log: the events an account may see, and how each went to its endpoints.

An account reads the events of its key's mode that ``matching.seen_by`` lets it see (another
tenant's event is not found), and of their deliveries only those to its own endpoints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from marketplace.errors import ResourceNotFound
from marketplace.events import repository
from marketplace.kit.clock import as_utc
from marketplace.kit.pagination import Page, PageRequest, paginate
from marketplace.kit.tenancy import Principal
from marketplace.models.events import Event, WebhookAttempt, WebhookDelivery


class EventNotFound(ResourceNotFound):
    pass


@dataclass(frozen=True, slots=True)
class EventFilters:
    """What a list of events is narrowed to (None: not narrowed)."""

    type: str | None = None
    """An exact type, ``<object>.*`` or ``*``."""
    object_id: str | None = None
    created_gte: datetime | None = None
    created_lt: datetime | None = None
    delivery_success: bool | None = None


@dataclass(frozen=True, slots=True)
class DeliveryRecord:
    delivery: WebhookDelivery
    attempts: list[WebhookAttempt]


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An event and its deliveries to the reader's endpoints, each with its attempts."""

    event: Event
    deliveries: list[DeliveryRecord]


def _conditions(principal: Principal, filters: EventFilters) -> list[ColumnElement[bool]]:
    conditions = []
    if filters.type is not None:
        conditions.append(repository.of_types([filters.type]))
    if filters.object_id is not None:
        conditions.append(repository.about(filters.object_id))
    if filters.created_gte is not None:
        conditions.append(repository.created_from(as_utc(filters.created_gte)))
    if filters.created_lt is not None:
        conditions.append(repository.created_before(as_utc(filters.created_lt)))
    if filters.delivery_success is not None:
        own = (principal.account_id, principal.livemode)
        conditions.append(repository.delivery_succeeded(*own, filters.delivery_success))
    return conditions


async def list_events(
    session: AsyncSession, principal: Principal, filters: EventFilters, page: PageRequest
) -> Page[Event]:
    """The events the caller may see, narrowed by ``filters``; newest first."""
    query = repository.visible_events(principal.role, principal.account_id, principal.livemode)
    query = query.where(*_conditions(principal, filters))
    return await paginate(session, query, Event.id, page)


async def visible_event(
    session: AsyncSession, principal: Principal, event_id: str, param: str = "event"
) -> Event:
    event = await repository.get_visible_event(
        session, principal.role, principal.account_id, principal.livemode, event_id
    )
    if event is None:
        raise EventNotFound(f"No such event: {event_id}", param=param)
    return event


async def with_deliveries(session: AsyncSession, principal: Principal, event: Event) -> EventRecord:
    """The event with its deliveries to the caller's endpoints, each with its attempts."""
    deliveries = await repository.own_deliveries_of(
        session, event.id, principal.account_id, principal.livemode
    )
    attempts = await repository.attempts_of(session, [d.id for d in deliveries])
    return EventRecord(
        event,
        [DeliveryRecord(d, [a for a in attempts if a.delivery_id == d.id]) for d in deliveries],
    )


async def retrieve_event(session: AsyncSession, principal: Principal, event_id: str) -> EventRecord:
    event = await visible_event(session, principal, event_id)
    return await with_deliveries(session, principal, event)
