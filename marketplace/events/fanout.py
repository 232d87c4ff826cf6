"""Fan-out: turn each new event into one pending delivery per endpoint that is to receive it.

An endpoint receives the events of its own mode that its account may see
(``matching.seen_by`` for the account's role) and whose type its ``enabled_events`` wants,
while it is enabled and not deleted. Events are taken oldest first, a batch per transaction:
the deliveries are inserted (an existing one is left alone) and the events marked
``fanned_out_at`` together, so a crash between the two repeats the batch harmlessly. On
PostgreSQL, workers fanning out at once take different batches (``SKIP LOCKED``).

Inside the worker's round, the deliveries it has room for are made already leased to it (the
first attempt, the common case, then needs no claim of its own); the others wait, due now,
for any worker to claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.db import Database
from marketplace.events import claims, repository
from marketplace.events.matching import wants

FANOUT_BATCH = 500


@dataclass(frozen=True, slots=True)
class FannedOut:
    """How many events a batch held, the deliveries leased to this worker, and whether some
    were left unleased (due now, for whoever claims them)."""

    events: int
    leased: claims.Leased
    left_due: bool = False


async def fan_out_batch(
    session: AsyncSession,
    now: datetime,
    batch_size: int,
    room: claims.Room | None = None,
    lease_s: float = claims.LEASE_S,
) -> FannedOut:
    """In the session's transaction: fan out the oldest ``batch_size`` events waiting, and
    lease the deliveries ``room`` has room for (none without a room)."""
    leased = claims.Leased.none(now, lease_s)
    event_ids = await repository.unfanned_event_ids(session, batch_size)
    if not event_ids:
        return FannedOut(0, leased)
    found = await repository.subscribers(session, event_ids)
    endpoints = await repository.endpoints_for_sending(session, {r.endpoint_id for r in found})
    rows = [
        {
            "event_id": row.event_id,
            "endpoint_id": row.endpoint_id,
            "lease_until": leased.lease_until if room and room.take(row.endpoint_id) else None,
        }
        for row in found
        if wants(endpoints[row.endpoint_id].enabled_events, row.event_type)
    ]
    made = await repository.add_deliveries(session, rows, now)
    await repository.mark_fanned_out(session, event_ids, now)
    held = {(r["event_id"], r["endpoint_id"]) for r in rows if r["lease_until"] is not None}
    leased.dues.extend(
        claims.Due.new(m.id, m.event_id, m.endpoint_id, endpoints[m.endpoint_id], version=now)
        for m in made
        if (m.event_id, m.endpoint_id) in held
    )
    return FannedOut(len(event_ids), leased, left_due=len(held) < len(made))


async def fan_out(database: Database, now: datetime, batch_size: int = FANOUT_BATCH) -> int:
    """Fan out one batch of events in a transaction of its own (no delivery leased); how
    many events it held."""
    async with database.reader_session() as reader:
        if not await repository.any_unfanned(reader):
            return 0
    async with database.writer_session() as session:
        fanned = await fan_out_batch(session, now, batch_size)
        await session.commit()
    return fanned.events
