"""The Stripe inbox: remember each handled Stripe event id once (for 30 days: Stripe retries
an event for 3 days at most)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.kit.clock import utc_now
from marketplace.kit.sql import insert_ignore
from marketplace.models.payments import StripeEvent
from marketplace.payments.views import StripeEventView

RETENTION = timedelta(days=30)


async def record_once(session: AsyncSession, event: StripeEventView, outcome: str) -> bool:
    """Store the event id (and what became of it) in the session's transaction; False when it
    was already there.

    Insert-on-conflict-do-nothing: of two concurrent deliveries of one event, the second waits
    for the first's transaction (PostgreSQL's unique index, SQLite's write lock) and then
    finds the id taken, unless the first rolled back.
    """
    return await insert_ignore(
        session,
        StripeEvent,
        {
            "id": event.id,
            "type": event.type,
            "livemode": event.livemode,
            "api_version": event.api_version,
            "object_id": event.object_id,
            "created": event.created,
            "received_at": utc_now(),
            "outcome": outcome,
        },
    )


async def purge(session: AsyncSession, now: datetime) -> int:
    """Forget the events received more than ``RETENTION`` ago; how many went."""
    statement = delete(StripeEvent).where(StripeEvent.received_at < now - RETENTION)
    result = await session.execute(statement)
    return int(result.rowcount)  # type: ignore[attr-defined]
