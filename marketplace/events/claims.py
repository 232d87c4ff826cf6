"""Claiming deliveries: a lease (``lease_until``) written in a committed transaction, so no
two workers send one delivery at the same time; on PostgreSQL the candidates are chosen with
``FOR UPDATE SKIP LOCKED`` so several workers share the outbox without waiting on each other.

A delivery is leased when it is made (fan-out, for the worker that made it, within its
room) or later when it is due (``lease_due``: retries, and what fan-out had no room for). A
worker that dies with deliveries leased loses nothing: their leases run out (a lease lasts
longer than an attempt may) and they are claimed and sent again: at least once. Deliveries
to an endpoint that was disabled or deleted meanwhile are given up (``failed``).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import msgspec
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.db import Database
from marketplace.events import repository, signing
from marketplace.events.delivery import Job
from marketplace.events.schemas import EventOut
from marketplace.models.events import Event

LEASE_S = 60.0
"""Longer than an attempt may last (15 s) and than a leased delivery waits behind its
endpoint's lane, so a lease runs out only when its worker died."""


class Room:
    """How many deliveries a worker may still lease in this round: ``limit`` in all, and of
    an endpoint's what ``room_for`` allows less what the round took; none of ``full``'s."""

    def __init__(
        self, limit: int, room_for: Callable[[str], int], full: Collection[str] = ()
    ) -> None:
        self.left = limit
        self._room_for = room_for
        self._full = set(full)
        self._taken: Counter[str] = Counter()

    def take(self, endpoint_id: str) -> bool:
        """Count one more delivery to ``endpoint_id`` if there is room for it."""
        if self.left <= 0 or self._taken[endpoint_id] >= self._room_for(endpoint_id):
            return False
        self._taken[endpoint_id] += 1
        self.left -= 1
        return True

    def passed_over(self) -> list[str]:
        """The endpoints with no room left."""
        spent = {e for e, taken in self._taken.items() if taken >= self._room_for(e)}
        return sorted(self._full | spent)


class DueScan:
    """Whether looking for due deliveries is worth a query. After one found fewer than it
    asked for, everything due belonged to the endpoints it passed over; until ``fresh_s``
    has passed (retries falling due meanwhile wait that long) or new deliveries are left
    due, asking again while those are still passed over would find nothing, so a busy
    endpoint's backlog is not scanned round after round."""

    def __init__(self, fresh_s: float) -> None:
        self.fresh_s = fresh_s
        self._until_s = 0.0
        self._passed_over: frozenset[str] = frozenset()

    def worth_it(self, passed_over: Collection[str]) -> bool:
        return time.monotonic() >= self._until_s or not self._passed_over <= set(passed_over)

    def looked(self, passed_over: Collection[str], asked: int, found: list[str]) -> None:
        """A query passing over ``passed_over`` asked for ``asked`` and found deliveries to
        the endpoints ``found``."""
        if len(found) < asked:
            self._until_s = time.monotonic() + self.fresh_s
            self._passed_over = frozenset(passed_over)
        elif not set(found) <= self._passed_over:
            self.forget()  # something was due beyond the endpoints then passed over

    def forget(self) -> None:
        self._until_s = 0.0


@dataclass(frozen=True, slots=True)
class Due:
    """A delivery to send, with what sending it to its endpoint needs."""

    id: str
    event_id: str
    endpoint_id: str
    version: datetime
    """The delivery's ``updated_at`` when it was leased."""
    attempts: int
    url: str
    livemode: bool
    secret: str
    previous_secret: str | None
    previous_secret_expires_at: datetime | None

    @classmethod
    def of(cls, row: Any) -> Due:
        """From a row of ``repository.due_deliveries``."""
        return cls.new(
            row.id,
            row.event_id,
            row.endpoint_id,
            row,
            version=row.updated_at,
            attempts=row.attempts,
        )

    @classmethod
    def new(
        cls,
        delivery_id: str,
        event_id: str,
        endpoint_id: str,
        endpoint: Any,
        *,
        version: datetime,
        attempts: int = 0,
    ) -> Due:
        """A delivery to ``endpoint`` (a row with ``repository``'s sending columns), as it
        was at ``version`` (its ``updated_at``)."""
        return cls(
            id=delivery_id,
            event_id=event_id,
            endpoint_id=endpoint_id,
            version=version,
            attempts=attempts,
            url=endpoint.url,
            livemode=endpoint.livemode,
            secret=endpoint.secret,
            previous_secret=endpoint.previous_secret,
            previous_secret_expires_at=endpoint.previous_secret_expires_at,
        )


@dataclass(frozen=True, slots=True)
class Leased:
    """Deliveries leased at ``now`` until ``lease_until``, once the transaction commits."""

    dues: list[Due]
    now: datetime
    lease_until: datetime

    @classmethod
    def none(cls, now: datetime, lease_s: float) -> Leased:
        return cls([], now, now + timedelta(seconds=lease_s))


def _live(row: Any) -> bool:
    return bool(row.status == "enabled" and row.deleted_at is None)


async def lease_due(
    session: AsyncSession,
    now: datetime,
    room: Room,
    lease_s: float,
    scan: DueScan | None = None,
) -> Leased:
    """In the session's transaction: lease due deliveries within ``room`` and give up those
    whose endpoint is disabled or deleted (no query when ``scan`` says it would find none)."""
    leased = Leased.none(now, lease_s)
    passed_over, asked = room.passed_over(), room.left
    if asked <= 0 or (scan is not None and not scan.worth_it(passed_over)):
        return leased
    rows = await repository.due_deliveries(session, now, asked, passed_over)
    if scan is not None:
        scan.looked(passed_over, asked, [row.endpoint_id for row in rows])
    await repository.fail_deliveries(session, [row.id for row in rows if not _live(row)], now)
    chosen = [row for row in rows if _live(row) and room.take(row.endpoint_id)]
    taken = await repository.lease_deliveries(
        session, [row.id for row in chosen], now, leased.lease_until
    )
    leased.dues.extend(Due.of(row) for row in chosen if row.id in taken)
    return leased


def body(event: Event) -> bytes:
    """The event as delivered: the same bytes to every endpoint and on every retry."""
    return msgspec.json.encode(EventOut.of(event))


async def _bodies(database: Database, event_ids: Collection[str]) -> dict[str, bytes]:
    if not event_ids:
        return {}
    async with database.reader_session() as session:
        events = await repository.events_by_id(session, event_ids)
    return {event.id: body(event) for event in events}


def _job(due: Due, body: bytes, leased: Leased) -> Job:
    secrets = signing.signing_secrets(
        due.secret, due.previous_secret, due.previous_secret_expires_at, leased.now
    )
    return Job(
        delivery_id=due.id,
        event_id=due.event_id,
        endpoint_id=due.endpoint_id,
        url=due.url,
        livemode=due.livemode,
        secrets=secrets,
        body=body,
        attempts=due.attempts,
        lease_until=leased.lease_until,
        version=due.version,
    )


async def jobs(database: Database, *batches: Leased) -> list[Job]:
    """The leased deliveries, ready to send (signing secrets chosen, bodies encoded)."""
    known = await _bodies(database, {due.event_id for batch in batches for due in batch.dues})
    return [
        _job(due, known[due.event_id], batch)
        for batch in batches
        for due in batch.dues
        if due.event_id in known
    ]


async def claim(
    database: Database, now: datetime, room: Room, lease_s: float = LEASE_S
) -> list[Job]:
    """Lease due deliveries within ``room`` in a transaction of their own; each ready to
    send."""
    async with database.reader_session() as reader:
        if not await repository.any_due(reader, now):
            return []
    async with database.writer_session() as session:
        leased = await lease_due(session, now, room, lease_s)
        await session.commit()
    return await jobs(database, leased)
