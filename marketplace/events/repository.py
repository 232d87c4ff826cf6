"""Every query on events, webhook endpoints, deliveries and attempts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.kit.ids import new_id
from marketplace.kit.sql import dialect_insert
from marketplace.models.events import Event, ObjectSequence, WebhookDelivery


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
    statement = (
        dialect_insert(session, WebhookDelivery)
        .values(
            id=new_id("webhook_delivery"),
            event_id=event_id,
            endpoint_id=endpoint_id,
            status="pending",
            attempts=0,
            next_attempt_at=now,
            created_at=now,
            updated_at=now,
        )
        .on_conflict_do_update(
            index_elements=[WebhookDelivery.event_id, WebhookDelivery.endpoint_id],
            set_={"status": "pending", "attempts": 0, "next_attempt_at": now, "updated_at": now},
        )
    )
    await session.execute(statement)
