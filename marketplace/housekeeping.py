"""Periodic upkeep that runs inside the API process: today, purging expired idempotency keys."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import structlog

from marketplace.db import Database
from marketplace.kit import idempotency
from marketplace.kit.clock import utc_now

PURGE_INTERVAL_SECONDS = 600
log = structlog.get_logger("marketplace.housekeeping")


async def purge_idempotency_keys(database: Database) -> int:
    async with database.write_turn(), database.writer_session() as session:
        purged = await idempotency.purge_expired(session, utc_now())
        await session.commit()
    if purged:
        log.info("idempotency.purged", count=purged)
    return purged


async def _loop(database: Database) -> None:
    while True:
        try:
            await purge_idempotency_keys(database)
        except Exception:
            log.exception("housekeeping.failed")
        await asyncio.sleep(PURGE_INTERVAL_SECONDS)


@contextlib.asynccontextmanager
async def run_housekeeping(database: Database) -> AsyncIterator[None]:
    """Run the upkeep loop for as long as the context is open."""
    task = asyncio.create_task(_loop(database), name="housekeeping")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
