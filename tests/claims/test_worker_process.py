"""``marketplace worker`` processes run the claims' date-driven steps too: two of them on one
database catch up every due cover, each step once, and stop cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

from sqlalchemy import func, select, update

from marketplace.kit.clock import utc_now
from marketplace.models import Cover, Event
from tests.claims.helpers import active_cover, advance, days_to_due, parties, reported

COVERS = 6
WAIT_S = 60


async def _declared_and_left_behind(client, who, database) -> list[str]:
    """Covers declared overdue whose clock then jumped with nobody catching up."""
    ids = []
    for _ in range(COVERS):
        cover = await active_cover(client, who)
        await advance(client, who.platform, cover, days_to_due(cover) + 1)
        await reported(client, who.platform, cover, "invoice.overdue")
        async with database.writer_session() as session:
            jump = {"clock_offset_days": days_to_due(cover) + 400, "next_check_at": utc_now()}
            await session.execute(update(Cover).where(Cover.id == cover["id"]).values(**jump))
            await session.commit()
        ids.append(cover["id"])
    return ids


def _worker(settings) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARKETPLACE_")}
    env |= {"MARKETPLACE_DATABASE_URL": settings.database_url, "MARKETPLACE_LOG_FORMAT": "json"}
    return subprocess.Popen(
        [sys.executable, "-m", "marketplace", "worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def _count(database, *where) -> int:
    async with database.reader_session() as session:
        return int(await session.scalar(select(func.count()).select_from(Event).where(*where)))


async def test_two_worker_processes_catch_up_each_due_cover_once(
    client, new_tenant, database, settings
):
    who = await parties(client, new_tenant)
    await _declared_and_left_behind(client, who, database)
    workers = [_worker(settings) for _ in range(2)]
    try:
        deadline = time.monotonic() + WAIT_S
        while await _count(database, Event.type == "claim.approved") < COVERS:
            assert time.monotonic() < deadline, "the workers did not catch the covers up"
            assert all(w.poll() is None for w in workers), "a worker stopped on its own"
            await asyncio.sleep(0.2)
        await asyncio.sleep(1)  # time for a second catch-up, which must change nothing
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        codes = [worker.wait(timeout=30) for worker in workers]

    assert codes == [0, 0]
    for event_type in ("claim.opened", "claim.approved", "cover.claimed"):
        assert await _count(database, Event.type == event_type) == COVERS
    async with database.reader_session() as session:
        due = select(func.count()).select_from(Cover).where(Cover.next_check_at <= utc_now())
        assert await session.scalar(due) == 0
