"""Forgetting old events: an event is kept 30 days, then deleted with its deliveries and their
attempts, a batch per transaction (short write locks on SQLite).

An event with a delivery still pending, or not fanned out yet, is kept until its work is
done: purging never drops a webhook owed. The per-object sequence counters stay, so an
object's next event still carries a higher sequence than any its integrators have seen.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from marketplace.db import Database
from marketplace.events import repository

RETENTION = timedelta(days=30)
PURGE_BATCH = 1000


async def purge_events(database: Database, now: datetime, batch_size: int = PURGE_BATCH) -> int:
    """Delete the events older than ``RETENTION``; how many went."""
    purged = 0
    while True:
        async with database.writer_session() as session:
            event_ids = await repository.purgeable_event_ids(session, now - RETENTION, batch_size)
            if event_ids:
                await repository.delete_events(session, event_ids)
            await session.commit()
        purged += len(event_ids)
        if len(event_ids) < batch_size:
            return purged
