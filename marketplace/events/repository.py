"""Every query on events, webhook endpoints, deliveries and attempts."""

from __future__ import annotations

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.kit.sql import dialect_insert
from marketplace.models.events import Event, ObjectSequence


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
