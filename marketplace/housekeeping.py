"""Periodic upkeep inside the API process: cover expiry and reconciliation, refunds owed, and
the purge of expired idempotency keys. Each job runs on its own interval; one failing never
stops the others."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime

import structlog
from litestar import Litestar

from marketplace.covers.jobs import cover_upkeep
from marketplace.db import Database
from marketplace.kit import idempotency
from marketplace.kit.clock import utc_now
from marketplace.kit.storage_faults import is_storage_fault, storage_fault_reason

TICK_SECONDS = 5
COVERS_EVERY_SECONDS = 30
PURGE_EVERY_SECONDS = 600
log = structlog.get_logger("marketplace.housekeeping")

Job = Callable[[datetime], Awaitable[object]]


async def purge_idempotency_keys(database: Database, now: datetime) -> int:
    async with database.writer_session() as session:
        purged = await idempotency.purge_expired(session, now)
        await session.commit()
    if purged:
        log.info("idempotency.purged", count=purged)
    return purged


def _jobs(app: Litestar) -> list[tuple[str, int, Job]]:
    database: Database = app.state.database
    return [
        (
            "covers",
            COVERS_EVERY_SECONDS,
            lambda now: cover_upkeep(database, app.state.get("stripe_gateway"), now),
        ),
        ("idempotency", PURGE_EVERY_SECONDS, lambda now: purge_idempotency_keys(database, now)),
    ]


def _log_failure(job: str, error: Exception) -> None:
    if is_storage_fault(error):  # expected while the disk is full or read-only: one line
        log.warning("housekeeping.storage_unavailable", job=job, reason=storage_fault_reason(error))
        return
    log.exception("housekeeping.failed", job=job)


async def _loop(app: Litestar) -> None:
    last_run: dict[str, float] = {}
    loop = asyncio.get_running_loop()
    while True:
        for name, every_seconds, job in _jobs(app):
            if loop.time() - last_run.get(name, -every_seconds) >= every_seconds:
                last_run[name] = loop.time()
                try:
                    await job(utc_now())
                except Exception as error:
                    _log_failure(name, error)
        await asyncio.sleep(TICK_SECONDS)


@contextlib.asynccontextmanager
async def housekeeping_lifespan(app: Litestar) -> AsyncIterator[None]:
    """Run the upkeep loop while the app runs (after the database and Stripe are ready)."""
    task = asyncio.create_task(_loop(app), name="housekeeping")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
