"""Background work inside the API process: periodic upkeep (cover expiry and reconciliation,
refunds owed, the date-driven steps of covers and claims, the purge of expired idempotency
keys, of events and of the Stripe inbox after 30 days), and the embedded webhook delivery
worker (``events/running.py``: one per database, unless ``MARKETPLACE_EMBEDDED_WORKER=false``).
Each job runs on its own interval; one failing never stops the others."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime

import structlog
from litestar import Litestar
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.claims.jobs import run_due as claims_due
from marketplace.config import Settings
from marketplace.covers.jobs import cover_upkeep
from marketplace.db import Database
from marketplace.events import running
from marketplace.events.purge import purge_events
from marketplace.kit import idempotency
from marketplace.kit.clock import utc_now
from marketplace.kit.storage_faults import is_storage_fault, storage_fault_reason
from marketplace.payments import inbox

TICK_SECONDS = 5
COVERS_EVERY_SECONDS = 30
PURGE_EVERY_SECONDS = 600
WORKER_RESTART_S = 5
FIRST_RUN_AFTER_INTERVAL = ("events", "stripe_inbox")
"""Jobs that first run one interval after start (nothing is gained by purging at each start,
and the start stays quick)."""
log = structlog.get_logger("marketplace.housekeeping")

Job = Callable[[datetime], Awaitable[object]]


async def _purged_in_one(
    database: Database, now: datetime, purge: Callable[[AsyncSession, datetime], Awaitable[int]]
) -> int:
    async with database.writer_session() as session:
        purged = await purge(session, now)
        await session.commit()
    return purged


async def _logged(what: str, purged: Awaitable[int]) -> int:
    count = await purged
    if count:
        log.info(f"{what}.purged", count=count)
    return count


async def purge_idempotency_keys(database: Database, now: datetime) -> int:
    return await _logged("idempotency", _purged_in_one(database, now, idempotency.purge_expired))


async def purge_stripe_inbox(database: Database, now: datetime) -> int:
    return await _logged("stripe_inbox", _purged_in_one(database, now, inbox.purge))


async def purge_old_events(database: Database, now: datetime) -> int:
    return await _logged("events", purge_events(database, now))


def _jobs(app: Litestar, database: Database) -> list[tuple[str, int, Job]]:
    return [
        (
            "covers",
            COVERS_EVERY_SECONDS,
            lambda now: cover_upkeep(database, app.state.get("stripe_gateway"), now),
        ),
        ("claims", COVERS_EVERY_SECONDS, lambda now: claims_due(database, now)),
        ("idempotency", PURGE_EVERY_SECONDS, lambda now: purge_idempotency_keys(database, now)),
        ("events", PURGE_EVERY_SECONDS, lambda now: purge_old_events(database, now)),
        ("stripe_inbox", PURGE_EVERY_SECONDS, lambda now: purge_stripe_inbox(database, now)),
    ]


def _log_failure(job: str, error: Exception) -> None:
    if is_storage_fault(error):  # expected while the disk is full or read-only: one line
        log.warning("housekeeping.storage_unavailable", job=job, reason=storage_fault_reason(error))
        return
    log.exception("housekeeping.failed", job=job)


async def _loop(app: Litestar, database: Database) -> None:
    loop = asyncio.get_running_loop()
    last_run: dict[str, float] = dict.fromkeys(FIRST_RUN_AFTER_INTERVAL, loop.time())
    jobs = _jobs(app, database)
    while True:
        for name, every_seconds, job in jobs:
            if loop.time() - last_run.get(name, -every_seconds) >= every_seconds:
                last_run[name] = loop.time()
                try:
                    await job(utc_now())
                except Exception as error:
                    _log_failure(name, error)
        await asyncio.sleep(TICK_SECONDS)


async def _deliver(database: Database, settings: Settings, stop: asyncio.Event) -> None:
    """The embedded webhook worker, started again if it ever fails (the API keeps serving)."""
    while not stop.is_set():
        try:
            await running.run_embedded(database, settings, stop)
        except Exception:
            log.exception("housekeeping.webhook_worker_failed")
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(WORKER_RESTART_S):
                await stop.wait()


@contextlib.asynccontextmanager
async def housekeeping_lifespan(app: Litestar) -> AsyncIterator[None]:
    """Run the upkeep loop, and the webhook worker unless it runs elsewhere, while the app
    runs (after the database and Stripe are ready). At shut-down the worker finishes the
    attempts in flight and records them."""
    settings: Settings = app.state.settings
    database: Database = app.state.database  # the app's, for as long as it runs
    stop = asyncio.Event()
    tasks = [asyncio.create_task(_loop(app, database), name="housekeeping")]
    if settings.embedded_worker:
        worker = _deliver(database, settings, stop)
        tasks.append(asyncio.create_task(worker, name="webhook-worker"))
    try:
        yield
    finally:
        stop.set()
        tasks[0].cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
