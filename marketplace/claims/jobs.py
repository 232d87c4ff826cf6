"""The date-driven job: every cover whose next step fell due (``next_check_at``) is caught up
(``clock.catch_up``), one cover per transaction. Each cover is taken with ``FOR UPDATE SKIP
LOCKED`` on PostgreSQL, so several ``marketplace worker`` processes and the API's housekeeping
share the work without ever working on one cover at once; on SQLite the writers take turns.
A step applies once however often it runs (conditional updates, remembered notices)."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import datetime, timedelta

import structlog

from marketplace.claims import clock
from marketplace.covers import invoice_state
from marketplace.covers import repository as covers
from marketplace.db import Database
from marketplace.kit.clock import utc_now

BATCH = 200
EVERY_S = 30.0
RETRY_FAILED_AFTER = timedelta(minutes=15)
log = structlog.get_logger("marketplace.claims.jobs")


async def _put_off(database: Database, cover_id: str, real_now: datetime) -> None:
    """A cover whose steps failed is tried again later, not before every other cover."""
    async with database.writer_session() as session:
        cover = await covers.locked(session, cover_id)
        await invoice_state.schedule(session, cover, real_now + RETRY_FAILED_AFTER)
        await session.commit()


async def _one(database: Database, real_now: datetime) -> bool:
    """Catch up one due cover; False when none is due."""
    failed_id = None
    async with database.writer_session() as session:
        cover = await covers.next_due_for_check(session, real_now)
        if cover is None:
            return False
        try:
            await clock.catch_up(session, await clock.life_of(session, cover), real_now)
            await session.commit()
        except Exception:
            log.exception("claims.catch_up_failed", cover_id=cover.id)
            failed_id = cover.id
    if failed_id is not None:
        await _put_off(database, failed_id, real_now)
    return True


async def run_due(database: Database, real_now: datetime) -> int:
    """Catch up the covers due at ``real_now`` (at most ``BATCH``); how many."""
    done = 0
    while done < BATCH and await _one(database, real_now):
        done += 1
    return done


async def run_until(database: Database, stop: asyncio.Event, every_s: float = EVERY_S) -> None:
    """In ``marketplace worker``: run the due steps every ``every_s`` seconds until ``stop``."""
    while not stop.is_set():
        try:
            await run_due(database, utc_now())
        except Exception as error:
            log.warning("claims.jobs_failed", error=type(error).__name__)
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(every_s):
                await stop.wait()
