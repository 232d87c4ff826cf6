"""Every query on events, webhook endpoints, deliveries and attempts."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any, TypeVar, cast

from sqlalchemy import (
    Integer,
    Row,
    Select,
    String,
    Table,
    and_,
    bindparam,
    case,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import GenerativeSelect

from marketplace.db import UtcDateTime
from marketplace.events.matching import WILDCARD, seen_by
from marketplace.kit.ids import new_id
from marketplace.kit.sql import dialect_insert, is_postgres
from marketplace.models.accounts import ROLES, Account
from marketplace.models.events import (
    Event,
    ObjectSequence,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)


async def next_sequence(session: AsyncSession, object_id: str) -> int:
    """The object's next event sequence (1 for its first). The counter row stays locked by
    this transaction until it ends, so sequences follow commit order."""
    statement = (
        dialect_insert(session, ObjectSequence)
        .values(object_id=object_id, last=1)
        .on_conflict_do_update(
            index_elements=[ObjectSequence.object_id], set_={"last": ObjectSequence.last + 1}
        )
        .returning(ObjectSequence.last)
    )
    return int((await session.execute(statement)).scalar_one())


async def add_event(session: AsyncSession, event: Event) -> None:
    """Insert the event (a bulk insert: no unit of work on the paths that emit)."""
    columns = {column.key: getattr(event, column.key) for column in Event.__table__.columns}
    await session.execute(insert(Event), [columns])


async def schedule_delivery(
    session: AsyncSession, event_id: str, endpoint_id: str, now: datetime
) -> None:
    """Have ``event_id`` sent to ``endpoint_id`` now, from a fresh retry schedule: a new
    delivery, or an existing one (succeeded or failed before) made pending again. A delivery
    being sent right now keeps its lease: it goes out again after that attempt."""
    await schedule_deliveries(session, [event_id], endpoint_id, now)


def endpoints_query(account_id: str, livemode: bool) -> Select[WebhookEndpoint]:
    """An account's endpoints of one mode (deleted ones are gone for good)."""
    return select(WebhookEndpoint).where(
        WebhookEndpoint.account_id == account_id,
        WebhookEndpoint.livemode == livemode,
        WebhookEndpoint.deleted_at.is_(None),
    )


async def get_endpoint(
    session: AsyncSession, account_id: str, livemode: bool, endpoint_id: str
) -> WebhookEndpoint | None:
    query = endpoints_query(account_id, livemode).where(WebhookEndpoint.id == endpoint_id)
    return (await session.execute(query)).scalar_one_or_none()


async def enabled_endpoints(
    session: AsyncSession, account_id: str, livemode: bool
) -> list[WebhookEndpoint]:
    query = endpoints_query(account_id, livemode).where(WebhookEndpoint.status == "enabled")
    return list((await session.execute(query.order_by(WebhookEndpoint.id))).scalars())


async def count_enabled_endpoints(session: AsyncSession, account_id: str, livemode: bool) -> int:
    enabled = endpoints_query(account_id, livemode).where(WebhookEndpoint.status == "enabled")
    query = select(func.count()).select_from(enabled.subquery())
    return int((await session.execute(query)).scalar_one())


async def lock_endpoints_of(session: AsyncSession, account_id: str) -> None:
    """Make the account's other endpoint changes wait until this transaction ends (its row is
    locked on PostgreSQL; SQLite has one writer at a time anyway), so a count stays true."""
    query = select(Account.id).where(Account.id == account_id).with_for_update()
    await session.execute(query)


async def add_endpoint(session: AsyncSession, endpoint: WebhookEndpoint) -> None:
    session.add(endpoint)
    await session.flush()


async def fail_pending_deliveries(session: AsyncSession, endpoint_id: str, now: datetime) -> None:
    """Give up the deliveries still waiting to go to the endpoint."""
    statement = (
        update(WebhookDelivery)
        .where(WebhookDelivery.endpoint_id == endpoint_id, WebhookDelivery.status == "pending")
        .values(status="failed", next_attempt_at=None, updated_at=now)
    )
    await session.execute(statement)


def visible_events(role: str, account_id: str, livemode: bool) -> Select[Event]:
    """The events of one mode that an account of ``role`` may see."""
    return select(Event).where(Event.livemode == livemode, seen_by(role, account_id))


def of_types(subscriptions: Collection[str]) -> ColumnElement[bool]:
    """The condition on ``events`` rows that ``wants(subscriptions, type)`` states in Python."""
    exact = [s for s in subscriptions if not s.endswith("*")]
    prefixes = [s[:-1] for s in subscriptions if s.endswith(".*")]
    if WILDCARD in subscriptions:
        return true()
    return or_(
        Event.type.in_(exact),
        *(Event.type.startswith(prefix, autoescape=True) for prefix in prefixes),
    )


def _own_deliveries(account_id: str, livemode: bool) -> Select[str]:
    return (
        select(WebhookDelivery.event_id)
        .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
        .where(
            WebhookEndpoint.account_id == account_id,
            WebhookEndpoint.livemode == livemode,
            WebhookEndpoint.deleted_at.is_(None),
        )
    )


def delivery_succeeded(account_id: str, livemode: bool, succeeded: bool) -> ColumnElement[bool]:
    """Events sent to the account's endpoints that all took them (``succeeded``), or that one
    of them did not take: failed, or still pending after an attempt (not ``succeeded``)."""
    unsuccessful = _own_deliveries(account_id, livemode).where(
        or_(
            WebhookDelivery.status == "failed",
            and_(WebhookDelivery.status == "pending", WebhookDelivery.attempts > 0),
        )
    )
    if not succeeded:
        return Event.id.in_(unsuccessful)
    unfinished = _own_deliveries(account_id, livemode).where(WebhookDelivery.status != "succeeded")
    return and_(Event.id.in_(_own_deliveries(account_id, livemode)), Event.id.not_in(unfinished))


async def get_visible_event(
    session: AsyncSession, role: str, account_id: str, livemode: bool, event_id: str
) -> Event | None:
    query = visible_events(role, account_id, livemode).where(Event.id == event_id)
    return (await session.execute(query)).scalar_one_or_none()


async def own_deliveries_of(
    session: AsyncSession, event_id: str, account_id: str, livemode: bool
) -> list[WebhookDelivery]:
    """The event's deliveries to the account's endpoints, oldest first."""
    query = (
        select(WebhookDelivery)
        .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
        .where(
            WebhookDelivery.event_id == event_id,
            WebhookEndpoint.account_id == account_id,
            WebhookEndpoint.livemode == livemode,
            WebhookEndpoint.deleted_at.is_(None),
        )
        .order_by(WebhookDelivery.id)
        .execution_options(populate_existing=True)
    )
    return list((await session.execute(query)).scalars())


async def attempts_of(session: AsyncSession, delivery_ids: list[str]) -> list[WebhookAttempt]:
    """The attempts of these deliveries, oldest first."""
    if not delivery_ids:
        return []
    query = (
        select(WebhookAttempt)
        .where(WebhookAttempt.delivery_id.in_(delivery_ids))
        .order_by(WebhookAttempt.id)
    )
    return list((await session.execute(query)).scalars())


async def event_ids(
    session: AsyncSession, query: Select[Event], limit: int | None = None
) -> list[str]:
    """The ids of the events ``query`` finds, oldest first (the first ``limit``)."""
    ids = query.with_only_columns(Event.id).order_by(Event.id).limit(limit)
    return list((await session.execute(ids)).scalars())


def about(object_id: str) -> ColumnElement[bool]:
    return Event.object_id == object_id


def created_from(moment: datetime) -> ColumnElement[bool]:
    return Event.created_at >= moment


def created_before(moment: datetime) -> ColumnElement[bool]:
    return Event.created_at < moment


# The worker's queries: fan-out, claims, outcomes, endpoint health, purge.

_UNSYNCED = {"synchronize_session": False}
# Core tables for the inserts and updates of many rows: an executemany of one cached
# statement, without the ORM's bulk machinery (it costs more than the database here).
_DELIVERIES = cast("Table", WebhookDelivery.__table__)
_ATTEMPTS = cast("Table", WebhookAttempt.__table__)
_SENDING_COLUMNS = (
    WebhookEndpoint.url,
    WebhookEndpoint.livemode,
    WebhookEndpoint.secret,
    WebhookEndpoint.previous_secret,
    WebhookEndpoint.previous_secret_expires_at,
)
"""What sending to an endpoint needs."""
LockableQuery = TypeVar("LockableQuery", bound=GenerativeSelect)


def _skip_locked(session: AsyncSession, query: LockableQuery, *of: Any) -> LockableQuery:
    """On PostgreSQL, lock the rows chosen and pass over those another worker holds, so
    several workers share the outbox; SQLite has one writer at a time anyway."""
    if not is_postgres(session):
        return query
    return query.with_for_update(skip_locked=True, of=list(of) or None)


async def unfanned_event_ids(session: AsyncSession, limit: int) -> list[str]:
    """The oldest events not fanned out yet."""
    query = select(Event.id).where(Event.fanned_out_at.is_(None)).order_by(Event.id).limit(limit)
    return list((await session.execute(_skip_locked(session, query))).scalars())


def _visible_to(owner: Any) -> ColumnElement[bool]:
    """Whether the event may be seen by the account ``owner`` (an alias of accounts), by its
    role: ``matching.seen_by`` of each role, correlated to the endpoint's account."""
    # seen_by builds SQL from the account id: given a column, it applies to every account.
    account_id = cast("str", owner.id)
    return or_(*(and_(owner.role == role, seen_by(role, account_id)) for role in ROLES))


def _subscribers_query() -> Select[str, str, str]:
    owner = aliased(Account)
    return (
        select(
            Event.id.label("event_id"),
            Event.type.label("event_type"),
            WebhookEndpoint.id.label("endpoint_id"),
        )
        .join(
            WebhookEndpoint,
            and_(
                WebhookEndpoint.livemode == Event.livemode,
                WebhookEndpoint.status == "enabled",
                WebhookEndpoint.deleted_at.is_(None),
            ),
        )
        .join(owner, owner.id == WebhookEndpoint.account_id)
        .where(Event.id.in_(bindparam("event_ids", expanding=True)), _visible_to(owner))
    )


_SUBSCRIBERS = _subscribers_query()  # built once: the worker runs it every round


async def subscribers(
    session: AsyncSession, event_ids: Collection[str]
) -> Sequence[Row[str, str, str]]:
    """(``event_id``, ``event_type``, ``endpoint_id``) for every live endpoint whose account
    may see the event, of the event's mode (the subscription is left to check)."""
    return (await session.execute(_SUBSCRIBERS, {"event_ids": list(event_ids)})).all()


async def endpoints_for_sending(
    session: AsyncSession, endpoint_ids: Collection[str]
) -> dict[str, Row[*tuple[Any, ...]]]:
    """By id: each endpoint's ``enabled_events`` and what sending to it needs."""
    if not endpoint_ids:
        return {}
    query = select(WebhookEndpoint.id, WebhookEndpoint.enabled_events, *_SENDING_COLUMNS).where(
        WebhookEndpoint.id.in_(endpoint_ids)
    )
    return {row.id: row for row in (await session.execute(query)).all()}


async def add_deliveries(
    session: AsyncSession, rows: Sequence[dict[str, Any]], now: datetime
) -> Sequence[Row[*tuple[Any, ...]]]:
    """A pending delivery, due now, for each of ``rows`` (``event_id``, ``endpoint_id``,
    ``lease_until``: held by this worker once committed, or None) that has none yet: the
    (``id``, ``event_id``, ``endpoint_id``) of those made."""
    if not rows:
        return []
    made = [
        {
            "id": new_id("webhook_delivery"),
            "status": "pending",
            "attempts": 0,
            "next_attempt_at": now,
            "created_at": now,
            "updated_at": now,
            **row,
        }
        for row in rows
    ]
    statement = (
        dialect_insert(session, _DELIVERIES)
        .on_conflict_do_nothing()
        .returning(_DELIVERIES.c.id, _DELIVERIES.c.event_id, _DELIVERIES.c.endpoint_id)
    )
    return (await session.execute(statement, made)).all()


async def mark_fanned_out(session: AsyncSession, event_ids: Collection[str], now: datetime) -> None:
    statement = update(Event).where(Event.id.in_(event_ids)).values(fanned_out_at=now)
    await session.execute(statement.execution_options(**_UNSYNCED))


def _lease_free(now: datetime) -> ColumnElement[bool]:
    return or_(WebhookDelivery.lease_until.is_(None), WebhookDelivery.lease_until <= now)


async def due_deliveries(
    session: AsyncSession, now: datetime, limit: int, passed_over: Collection[str]
) -> Sequence[Row[*tuple[Any, ...]]]:
    """Pending deliveries due by ``now`` that nobody holds, oldest due first, with their
    endpoint (except those of the endpoints ``passed_over``)."""
    query = (
        select(
            WebhookDelivery.id,
            WebhookDelivery.event_id,
            WebhookDelivery.endpoint_id,
            WebhookDelivery.attempts,
            WebhookDelivery.updated_at,
            WebhookEndpoint.status,
            WebhookEndpoint.deleted_at,
            *_SENDING_COLUMNS,
        )
        .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
        .where(
            WebhookDelivery.status == "pending",
            WebhookDelivery.next_attempt_at <= now,
            _lease_free(now),
        )
        .order_by(WebhookDelivery.next_attempt_at)
        .limit(limit)
    )
    if passed_over:
        query = query.where(WebhookDelivery.endpoint_id.not_in(passed_over))
    return (await session.execute(_skip_locked(session, query, WebhookDelivery))).all()


async def lease_deliveries(
    session: AsyncSession, delivery_ids: Collection[str], now: datetime, lease_until: datetime
) -> set[str]:
    """Hold the deliveries until ``lease_until`` (those still pending and free): the ids
    taken. Commit at once: the lease is what keeps other workers off them."""
    if not delivery_ids:
        return set()
    statement = (
        update(WebhookDelivery)
        .where(
            WebhookDelivery.id.in_(delivery_ids),
            WebhookDelivery.status == "pending",
            _lease_free(now),
        )
        .values(lease_until=lease_until)
        .returning(WebhookDelivery.id)
    )
    result = await session.execute(statement.execution_options(**_UNSYNCED))
    return set(result.scalars())


async def fail_deliveries(
    session: AsyncSession, delivery_ids: Collection[str], now: datetime
) -> None:
    """Give up on pending deliveries (their endpoint was disabled or deleted)."""
    if not delivery_ids:
        return
    statement = (
        update(WebhookDelivery)
        .where(WebhookDelivery.id.in_(delivery_ids), WebhookDelivery.status == "pending")
        .values(status="failed", next_attempt_at=None, lease_until=None, updated_at=now)
    )
    await session.execute(statement.execution_options(**_UNSYNCED))


async def events_by_id(session: AsyncSession, event_ids: Collection[str]) -> list[Event]:
    query = select(Event).where(Event.id.in_(event_ids))
    return list((await session.execute(query)).scalars())


async def add_attempts(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Store attempts: ``delivery_id``, ``event_id``, ``endpoint_id``, ``status_code``,
    ``duration_ms``, ``response_body``, ``error``, ``created_at`` (ids are made here)."""
    if rows:
        await session.execute(
            insert(_ATTEMPTS),
            [{"id": new_id("webhook_attempt"), **row} for row in rows],
        )


_UNCHANGED = _DELIVERIES.c.updated_at == bindparam("b_version", type_=UtcDateTime())
"""The delivery is as it was claimed (not rescheduled or given up meanwhile)."""


def _if_unchanged(value: Any, column: Any) -> Any:
    return case((_UNCHANGED, value), else_=column)


_SETTLE = (
    update(_DELIVERIES)
    .where(
        _DELIVERIES.c.id == bindparam("b_id"),
        _DELIVERIES.c.lease_until == bindparam("b_lease", type_=UtcDateTime()),
    )
    .values(
        status=_if_unchanged(bindparam("b_status", type_=String()), _DELIVERIES.c.status),
        attempts=_if_unchanged(_DELIVERIES.c.attempts + 1, _DELIVERIES.c.attempts),
        next_attempt_at=_if_unchanged(
            bindparam("b_next", type_=UtcDateTime()), _DELIVERIES.c.next_attempt_at
        ),
        updated_at=_if_unchanged(bindparam("b_now", type_=UtcDateTime()), _DELIVERIES.c.updated_at),
        last_status_code=bindparam("b_code", type_=Integer()),
        lease_until=None,
    )
)


async def settle_deliveries(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Record each delivery's outcome and free it, if this worker still holds it: keys
    ``b_id``, ``b_lease`` (the lease it was claimed with), ``b_version`` (its ``updated_at``
    then), ``b_status``, ``b_next``, ``b_code``, ``b_now``. A delivery rescheduled (sent
    again on request) or given up while it was being sent keeps that state, freed: it goes
    out again after the attempt, as ``schedule_delivery`` promises."""
    if rows:
        await session.execute(_SETTLE, list(rows))


async def endpoint_failing(
    session: AsyncSession, endpoint_id: str, since: datetime, *, run_restarted: bool
) -> datetime | None:
    """Note a run of failures that began at ``since`` (keeping an earlier start unless a
    success broke the run): when the endpoint's unbroken failures began."""
    began = since if run_restarted else func.coalesce(WebhookEndpoint.failing_since, since)
    statement = (
        update(WebhookEndpoint)
        .where(WebhookEndpoint.id == endpoint_id, WebhookEndpoint.status == "enabled")
        .values(failing_since=began)
        .returning(WebhookEndpoint.failing_since)
    )
    result = await session.execute(statement.execution_options(**_UNSYNCED))
    return result.scalar_one_or_none()


async def endpoint_recovered(session: AsyncSession, endpoint_id: str) -> None:
    """A success ends the endpoint's run of failures."""
    statement = (
        update(WebhookEndpoint)
        .where(WebhookEndpoint.id == endpoint_id, WebhookEndpoint.failing_since.is_not(None))
        .values(failing_since=None)
    )
    await session.execute(statement.execution_options(**_UNSYNCED))


async def endpoint_by_id(session: AsyncSession, endpoint_id: str) -> WebhookEndpoint | None:
    return await session.get(WebhookEndpoint, endpoint_id)


async def disable_endpoint(
    session: AsyncSession, endpoint_id: str, reason: str, now: datetime
) -> WebhookEndpoint | None:
    """Disable an enabled endpoint; the endpoint as it is now (None: it was not enabled)."""
    statement = (
        update(WebhookEndpoint)
        .where(WebhookEndpoint.id == endpoint_id, WebhookEndpoint.status == "enabled")
        .values(status="disabled", disabled_reason=reason, updated_at=now)
        .returning(WebhookEndpoint)
        .execution_options(populate_existing=True, **_UNSYNCED)
    )
    return (await session.execute(statement)).scalar_one_or_none()


async def purgeable_event_ids(session: AsyncSession, before: datetime, limit: int) -> list[str]:
    """Events made before ``before`` with nothing left to deliver."""
    pending = exists().where(
        WebhookDelivery.event_id == Event.id, WebhookDelivery.status == "pending"
    )
    query = (
        select(Event.id)
        .where(Event.created_at < before, Event.fanned_out_at.is_not(None), ~pending)
        .order_by(Event.created_at)
        .limit(limit)
    )
    return list((await session.execute(query)).scalars())


async def delete_events(session: AsyncSession, event_ids: Collection[str]) -> None:
    """Delete the events with their deliveries and attempts (the object's sequence counter
    stays: sequences keep increasing)."""
    for statement in (
        delete(WebhookAttempt).where(WebhookAttempt.event_id.in_(event_ids)),
        delete(WebhookDelivery).where(WebhookDelivery.event_id.in_(event_ids)),
        delete(Event).where(Event.id.in_(event_ids)),
    ):
        await session.execute(statement.execution_options(**_UNSYNCED))


async def any_unfanned(session: AsyncSession) -> bool:
    """Whether an event waits to be fanned out (a cheap look before taking the write lock)."""
    query = select(Event.id).where(Event.fanned_out_at.is_(None)).limit(1)
    return (await session.execute(query)).first() is not None


async def any_due(session: AsyncSession, now: datetime) -> bool:
    """Whether a delivery is due and free (a cheap look before taking the write lock)."""
    query = (
        select(WebhookDelivery.id)
        .where(
            WebhookDelivery.status == "pending",
            WebhookDelivery.next_attempt_at <= now,
            _lease_free(now),
        )
        .limit(1)
    )
    return (await session.execute(query)).first() is not None


async def schedule_deliveries(
    session: AsyncSession, event_ids: Collection[str], endpoint_id: str, now: datetime
) -> None:
    """``schedule_delivery`` for many events to one endpoint, in one batched statement."""
    if not event_ids:
        return
    insert_statement = dialect_insert(session, WebhookDelivery)
    fresh = insert_statement.excluded
    statement = insert_statement.on_conflict_do_update(
        index_elements=[WebhookDelivery.event_id, WebhookDelivery.endpoint_id],
        set_={
            "status": fresh.status,
            "attempts": fresh.attempts,
            "next_attempt_at": fresh.next_attempt_at,
            "updated_at": fresh.updated_at,
        },
    )
    rows = [
        {
            "id": new_id("webhook_delivery"),
            "event_id": event_id,
            "endpoint_id": endpoint_id,
            "status": "pending",
            "attempts": 0,
            "next_attempt_at": now,
            "created_at": now,
            "updated_at": now,
        }
        for event_id in event_ids
    ]
    await session.execute(statement, rows)
